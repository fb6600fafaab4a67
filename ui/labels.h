#pragma once

#include <QString>

class QCheckBox;
class QComboBox;
class QLabel;
class QLayout;
class QWidget;

namespace llmdoctor::ui {

// Plain wrapped text a user can select and copy (verdicts, explanations, results).
QLabel *textLabel(QWidget *parent, const QString &objectName = {});
// A bold section heading, scale times the normal font size.
QLabel *headingLabel(const QString &text, QWidget *parent, qreal scale = 1.15);
// A check box whose text wraps instead of widening the window: the box keeps its object name,
// state and mnemonic; its text moves to a label beside it (the box's accessible name keeps it),
// and clicking the label toggles the box. Put the returned widget where the box would go.
QWidget *wrapCheckBox(QCheckBox *box);
// A combo box as narrow as a dozen characters allows: long entries do not widen the window,
// the open list still shows them whole.
void narrowComboBox(QComboBox *box);
// Deletes every item of a layout and its widget.
void clearLayout(QLayout *layout);

} // namespace llmdoctor::ui
