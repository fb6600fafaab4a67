#pragma once

#include <QObject>

class QWidget;

namespace llmdoctor::ui {

// Enter and Return press a focused push or tool button, as Space does, in every llmdoctor window
// (Qt does that only for a dialog's default buttons). Dialogs keep their own rule: there Enter
// presses the default button.
class ButtonKeys final : public QObject
{
    Q_OBJECT
public:
    static void install(); // once per application; later calls do nothing

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using QObject::QObject;
};

// The widgets a Tab stops at in window, visible and enabled now (not the inner parts of a spin
// box, combo box or view).
QList<QWidget *> tabStops(const QWidget *window);
// widgets in reading order: the banner, then the page (as if not scrolled), then the button bar;
// within each, line by line, left to right.
QList<QWidget *> inReadingOrder(const QWidget *window, const QList<QWidget *> &widgets);
// Makes Tab follow the reading order over what is visible now, and again whenever Tab or
// Shift+Tab is pressed in that window (with ButtonKeys installed).
void orderTabsByReading(QWidget *window);

// Every mnemonic (the letter after '&') of the visible buttons, check boxes and buddy labels in
// root, lower-cased, in reading order; a letter twice means two controls fight for one Alt key.
QList<std::pair<QChar, QWidget *>> mnemonicsIn(const QWidget *root);

} // namespace llmdoctor::ui
