#include "chartstyle.h"

#include <QAbstractAxis>
#include <QChart>
#include <QLegend>
#include <QPalette>

namespace llmdoctor::ui {

void applyChartPalette(QChart *chart, const QPalette &pal, const QFont &font, double gridAlpha,
                       double axisLineAlpha)
{
    const QBrush text = pal.brush(QPalette::WindowText);
    chart->legend()->setLabelBrush(text);
    chart->legend()->setFont(font);
    QColor grid = pal.color(QPalette::WindowText);
    grid.setAlphaF(gridAlpha);
    QColor axisLine = pal.color(QPalette::WindowText);
    axisLine.setAlphaF(axisLineAlpha);
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsBrush(text);
        axis->setTitleBrush(text);
        axis->setLabelsFont(font);
        axis->setTitleFont(font);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(axisLine);
    }
}

} // namespace llmdoctor::ui
