#include "pathview.h"

#include <QPainter>
#include <QPainterPath>
#include <cmath>

namespace llmdoctor::ui {

using namespace Qt::StringLiterals;

namespace {

constexpr int rowHeight = 22;
constexpr int headerHeight = 22;

QString msText(double v)
{
    if (v < 0)
        return u"–"_s;
    return v < 10 ? PathView::tr("%1 ms").arg(v, 0, 'f', 1) : PathView::tr("%1 ms").arg(std::lround(v));
}

} // namespace

PathView::PathView(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"pathView"_s);
    setAccessibleName(tr("The route to the server, hop by hop"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void PathView::setPath(const core::PathResult &path)
{
    m_path = path;
    updateGeometry();
    update();
}

QSize PathView::sizeHint() const
{
    return {600, headerHeight + rowHeight * int(std::max<qsizetype>(3, m_path.hops.size())) + 4};
}

QSize PathView::minimumSizeHint() const
{
    return {360, headerHeight + rowHeight * 2};
}

void PathView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::WindowText);
    QColor faint = text;
    faint.setAlphaF(0.15);
    const QColor latency(0x3b, 0x82, 0xc4); // the latency chart's blue
    const QColor lossColor(0xd0, 0x3b, 0x2f);

    const QFontMetrics fm(font());
    const int w = width();
    const int hopX = 4, addressX = hopX + fm.horizontalAdvance(u"000"_s) + 10;
    const int addressW = fm.horizontalAdvance(u"0000:0000:0000:0000:0000"_s);
    const int lossTextX = addressX + addressW + 8;
    const int lossTextW = fm.horizontalAdvance(u"100%"_s) + 6;
    const int lossBarX = lossTextX + lossTextW;
    const int lossBarW = std::max(40, (w - lossBarX) / 5);
    const int latencyX = lossBarX + lossBarW + 12;
    const int latencyW = std::max(60, w - latencyX - fm.horizontalAdvance(u"0000 ms"_s) - 10);

    p.setPen(text);
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    const int baseline = (headerHeight + fm.ascent() - fm.descent()) / 2;
    p.drawText(hopX, baseline, tr("Hop"));
    p.drawText(addressX, baseline, tr("Address"));
    p.drawText(lossTextX, baseline, tr("Lost"));
    p.drawText(latencyX, baseline, tr("Round trip (typical, slowest)"));
    p.setFont(font());

    if (m_path.hops.isEmpty()) {
        p.drawText(QRect(0, headerHeight, w, rowHeight * 2), Qt::AlignCenter,
                   m_path.error.isEmpty() ? tr("No route followed yet.") : m_path.error);
        return;
    }
    // One latency scale for all rows: the slowest answer seen.
    double scale = 1;
    for (const core::PathHop &h : m_path.hops)
        scale = std::max(scale, h.rttPercentile(100));

    for (int i = 0; i < m_path.hops.size(); ++i) {
        const core::PathHop &h = m_path.hops[i];
        const int y = headerHeight + i * rowHeight;
        if (i % 2 == 0)
            p.fillRect(0, y, w, rowHeight, faint);
        const int textY = y + (rowHeight + fm.ascent() - fm.descent()) / 2;
        p.setPen(text);
        p.drawText(hopX, textY, QString::number(h.ttl));
        p.drawText(QRect(addressX, y, addressW, rowHeight), Qt::AlignVCenter | Qt::AlignLeft,
                   h.address.isNull() ? tr("(no answer)") : h.address.toString());
        // A router that never answers is not losing anything: many simply do not answer probes.
        const bool silent = !h.answered();
        p.drawText(QRect(lossTextX, y, lossTextW - 6, rowHeight), Qt::AlignVCenter | Qt::AlignRight,
                   silent ? u"–"_s : u"%1%"_s.arg(std::lround(h.loss() * 100)));
        // Loss bar: red, its length the share lost.
        const QRect lossFrame(lossBarX, y + 5, lossBarW, rowHeight - 10);
        p.setPen(Qt::NoPen);
        p.setBrush(faint);
        p.drawRect(lossFrame);
        if (!silent && h.lost > 0) {
            p.setBrush(lossColor);
            p.drawRect(QRect(lossBarX, y + 5, std::max(2, int(lossBarW * h.loss())), rowHeight - 10));
        }
        // Latency bar to the typical round trip, a line on to the slowest.
        const double p50 = h.rttPercentile(50), max = h.rttPercentile(100);
        if (p50 >= 0) {
            const int x50 = latencyX + std::max(2, int(latencyW * p50 / scale));
            const int xMax = latencyX + std::max(2, int(latencyW * max / scale));
            p.setBrush(latency);
            p.drawRect(QRect(latencyX, y + 6, x50 - latencyX, rowHeight - 12));
            p.setPen(QPen(latency, 1.5));
            p.drawLine(x50, y + rowHeight / 2, xMax, y + rowHeight / 2);
            p.drawLine(xMax, y + 7, xMax, y + rowHeight - 7);
            p.setPen(text);
            p.drawText(xMax + 6, textY, msText(p50));
        }
    }
}

} // namespace llmdoctor::ui
