#include "statusicon.h"

#include <QPainter>
#include <QPainterPath>

namespace llmdoctor::ui {

StatusIcon::StatusIcon(int size, QWidget *parent) : QWidget(parent), m_size(size)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_spin.setInterval(70);
    connect(&m_spin, &QTimer::timeout, this, [this] {
        m_angle = (m_angle + 30) % 360;
        update();
    });
}

QSize StatusIcon::sizeHint() const
{
    return {m_size, m_size};
}

void StatusIcon::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    updateTimer();
    update();
}

QColor StatusIcon::colorFor(State state)
{
    // Mid-tone colours: enough contrast against both a light and a dark window background.
    switch (state) {
    case State::Pass:
        return QColor(0x2e, 0xa0, 0x43);
    case State::Warn:
        return QColor(0xd9, 0x8e, 0x04);
    case State::Fail:
        return QColor(0xdc, 0x3c, 0x3c);
    case State::Running:
        return QColor(0x3b, 0x82, 0xf6);
    case State::Waiting:
    case State::Skip:
        break;
    }
    return QColor(0x8c, 0x8c, 0x8c);
}

void StatusIcon::updateTimer()
{
    if (m_state == State::Running && isVisible())
        m_spin.start();
    else
        m_spin.stop();
}

void StatusIcon::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    updateTimer();
}

void StatusIcon::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    updateTimer();
}

void StatusIcon::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal side = std::min(width(), height());
    const qreal pen = std::max<qreal>(1.5, side / 11.0);
    const QRectF box((width() - side) / 2 + pen, (height() - side) / 2 + pen, side - 2 * pen, side - 2 * pen);
    const QColor colour = colorFor(m_state);

    if (m_state == State::Waiting) {
        p.setPen(QPen(colour, pen));
        p.drawEllipse(box);
        return;
    }
    if (m_state == State::Running) {
        QColor faint = colour;
        faint.setAlphaF(0.25);
        p.setPen(QPen(faint, pen));
        p.drawEllipse(box);
        p.setPen(QPen(colour, pen, Qt::SolidLine, Qt::RoundCap));
        p.drawArc(box, -m_angle * 16, 100 * 16);
        return;
    }

    // Filled badge with a white mark: readable whatever the palette.
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    p.drawEllipse(box);
    const QPointF c = box.center();
    const qreal r = box.width() / 2;
    QPen mark(Qt::white, std::max<qreal>(1.8, side / 8.0), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(mark);
    p.setBrush(Qt::NoBrush);
    switch (m_state) {
    case State::Pass: {
        QPainterPath tick;
        tick.moveTo(c.x() - r * 0.45, c.y() + r * 0.02);
        tick.lineTo(c.x() - r * 0.1, c.y() + r * 0.38);
        tick.lineTo(c.x() + r * 0.48, c.y() - r * 0.35);
        p.drawPath(tick);
        break;
    }
    case State::Warn:
        p.drawLine(QPointF(c.x(), c.y() - r * 0.5), QPointF(c.x(), c.y() + r * 0.12));
        p.drawPoint(QPointF(c.x(), c.y() + r * 0.48));
        break;
    case State::Fail:
        p.drawLine(QPointF(c.x() - r * 0.36, c.y() - r * 0.36), QPointF(c.x() + r * 0.36, c.y() + r * 0.36));
        p.drawLine(QPointF(c.x() + r * 0.36, c.y() - r * 0.36), QPointF(c.x() - r * 0.36, c.y() + r * 0.36));
        break;
    case State::Skip:
        p.drawLine(QPointF(c.x() - r * 0.42, c.y()), QPointF(c.x() + r * 0.42, c.y()));
        break;
    case State::Waiting:
    case State::Running:
        break;
    }
}

} // namespace llmdoctor::ui
