#pragma once

#include <QMargins>
#include <QRect>
#include <QSize>

class QWidget;

namespace llmdoctor::ui {

// The size a window gets: preferred, but never larger than the screen's free area (a 1366×768
// laptop; a 1920×1080 screen at 200 % is 960×540) with its frame (title bar, borders) counted.
QSize fittedSize(const QSize &preferred, const QRect &available, const QMargins &frame = {0, 32, 0, 0});
// Resizes and moves window so all of it, frame included, is on its screen's free area.
void fitToScreen(QWidget *window, const QSize &preferred);
// Sizes window to preferred as far as the screen allows, and once it is shown (its frame known)
// makes sure again that all of it is on the screen.
void keepOnScreen(QWidget *window, const QSize &preferred);

} // namespace llmdoctor::ui
