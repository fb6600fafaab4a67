#pragma once

class QChart;
class QFont;
class QPalette;

namespace llmdoctor::ui {

// Legend and axes in the widget's palette and font, so charts follow light and dark themes:
// text in the window's text colour, grid lines and axis lines as translucent versions of it.
void applyChartPalette(QChart *chart, const QPalette &palette, const QFont &font, double gridAlpha,
                       double axisLineAlpha);

} // namespace llmdoctor::ui
