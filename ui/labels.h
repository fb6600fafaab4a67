#pragma once

#include <QString>

class QLabel;
class QLayout;
class QWidget;

namespace llmdoctor::ui {

// Plain wrapped text a user can select and copy (verdicts, explanations, results).
QLabel *textLabel(QWidget *parent, const QString &objectName = {});
// A bold section heading, scale times the normal font size.
QLabel *headingLabel(const QString &text, QWidget *parent, qreal scale = 1.15);
// Deletes every item of a layout and its widget.
void clearLayout(QLayout *layout);

} // namespace llmdoctor::ui
