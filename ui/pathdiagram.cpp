#include "pathdiagram.h"

#include "palette.h"

#include <QPainter>
#include <QPainterPath>

namespace llmdoctor::ui {

using namespace Qt::StringLiterals;

namespace {

const QColor kBroken(0xd6, 0x3b, 0x3b);

} // namespace

PathDiagram::PathDiagram(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"pathDiagram"_s);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(tr("The path of a request, from your computer to the model server"));
}

QString PathDiagram::hopName(int hop)
{
    switch (hop) {
    case Computer:
        return tr("Your computer");
    case Network:
        return tr("Your network");
    case Proxy:
        return tr("Proxy or gateway");
    case Edge:
        return tr("Provider's edge");
    case Server:
        return tr("Model server");
    default:
        return {};
    }
}

void PathDiagram::setBrokenHop(const QString &where)
{
    static const QStringList names{u"computer"_s, u"network"_s, u"proxy"_s, u"edge"_s, u"server"_s};
    m_broken = int(names.indexOf(where.toLower()));
    setAccessibleDescription(m_broken < 0 ? tr("It is not known where the request broke.")
                                          : tr("The request broke at: %1.").arg(hopName(m_broken)));
    update();
}

QSize PathDiagram::sizeHint() const
{
    return {640, fontMetrics().height() * 5};
}

QSize PathDiagram::minimumSizeHint() const
{
    return {420, fontMetrics().height() * 5};
}

void PathDiagram::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    const int n = HopCount;
    const qreal slot = qreal(width()) / n;
    const qreal radius = std::min<qreal>(slot / 5, fontMetrics().height() * 0.9);
    const qreal cy = radius + 4;

    // Lines between the hops: solid up to the break, dashed after it (never reached).
    for (int i = 0; i + 1 < n; ++i) {
        const qreal x1 = slot * (i + 0.5) + radius, x2 = slot * (i + 1.5) - radius;
        const bool reached = m_broken < 0 || i + 1 <= m_broken;
        QPen pen(reached ? pal.color(QPalette::WindowText) : pal.color(QPalette::PlaceholderText), 2,
                 reached ? Qt::SolidLine : Qt::DashLine);
        p.setPen(pen);
        p.drawLine(QPointF(x1, cy), QPointF(x2, cy));
        // Arrow head
        p.drawLine(QPointF(x2, cy), QPointF(x2 - 6, cy - 4));
        p.drawLine(QPointF(x2, cy), QPointF(x2 - 6, cy + 4));
    }

    for (int i = 0; i < n; ++i) {
        const QPointF c(slot * (i + 0.5), cy);
        const bool broken = i == m_broken;
        const bool after = m_broken >= 0 && i > m_broken;
        QColor fill = broken ? kBroken : pal.color(after ? QPalette::Window : QPalette::Base);
        p.setPen(
            QPen(broken ? kBroken : pal.color(after ? QPalette::PlaceholderText : QPalette::WindowText), 2));
        p.setBrush(fill);
        p.drawEllipse(c, radius, radius);
        if (broken) {
            // A white cross in the red circle: "here".
            p.setPen(QPen(Qt::white, 3, Qt::SolidLine, Qt::RoundCap));
            const qreal d = radius * 0.45;
            p.drawLine(c + QPointF(-d, -d), c + QPointF(d, d));
            p.drawLine(c + QPointF(-d, d), c + QPointF(d, -d));
        }
        QFont f = font();
        f.setBold(broken);
        p.setFont(f);
        // The names are text: readable (4.5:1) on the window, light or dark.
        p.setPen(toneColour(broken ? Tone::Fail : after ? Tone::Muted : Tone::Normal, pal));
        const QRectF label(slot * i, cy + radius + 4, slot, fontMetrics().height() * 2.4);
        p.drawText(label, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, hopName(i));
    }
}

} // namespace llmdoctor::ui
