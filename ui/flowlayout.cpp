#include "flowlayout.h"

#include <QWidget>

namespace llmdoctor::ui {

FlowLayout::FlowLayout(int spacing, QWidget *parent) : QLayout(parent), m_spacing(spacing)
{
    setContentsMargins(0, 0, 0, 0);
}

FlowLayout::~FlowLayout()
{
    while (QLayoutItem *item = takeAt(0))
        delete item;
}

void FlowLayout::addItem(QLayoutItem *item)
{
    m_items.append(item);
}

int FlowLayout::count() const
{
    return int(m_items.size());
}

QLayoutItem *FlowLayout::itemAt(int index) const
{
    return m_items.value(index);
}

QLayoutItem *FlowLayout::takeAt(int index)
{
    return index >= 0 && index < m_items.size() ? m_items.takeAt(index) : nullptr;
}

Qt::Orientations FlowLayout::expandingDirections() const
{
    return {};
}

bool FlowLayout::hasHeightForWidth() const
{
    return true;
}

int FlowLayout::heightForWidth(int width) const
{
    return doLayout(QRect(0, 0, width, 0), false);
}

QSize FlowLayout::minimumSize() const
{
    QSize size;
    for (const QLayoutItem *item : m_items) {
        if (!item->isEmpty())
            size = size.expandedTo(item->minimumSize());
    }
    const QMargins m = contentsMargins();
    return size + QSize(m.left() + m.right(), m.top() + m.bottom());
}

QSize FlowLayout::sizeHint() const
{
    int width = 0, height = 0, n = 0;
    for (const QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue;
        width += item->sizeHint().width() + (n++ ? m_spacing : 0);
        height = std::max(height, item->sizeHint().height());
    }
    const QMargins m = contentsMargins();
    return {width + m.left() + m.right(), height + m.top() + m.bottom()};
}

void FlowLayout::setGeometry(const QRect &rect)
{
    QLayout::setGeometry(rect);
    doLayout(rect, true);
}

int FlowLayout::doLayout(const QRect &rect, bool apply) const
{
    const QRect area = rect.marginsRemoved(contentsMargins());
    // Lines first (greedy, in order), then each line placed flush right.
    QList<QList<QLayoutItem *>> lines(1);
    int lineWidth = 0;
    for (QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue;
        const int w = item->sizeHint().width();
        if (!lines.last().isEmpty() && lineWidth + m_spacing + w > area.width()) {
            lines.append(QList<QLayoutItem *>());
            lineWidth = 0;
        }
        lineWidth += (lines.last().isEmpty() ? 0 : m_spacing) + w;
        lines.last().append(item);
    }
    int y = area.top();
    for (const QList<QLayoutItem *> &line : std::as_const(lines)) {
        if (line.isEmpty())
            continue;
        int total = 0, height = 0;
        for (const QLayoutItem *item : line) {
            total += item->sizeHint().width();
            height = std::max(height, item->sizeHint().height());
        }
        total += m_spacing * int(line.size() - 1);
        int x = area.left() + std::max(0, area.width() - total);
        if (apply) {
            for (QLayoutItem *item : line) {
                const int w = std::min(item->sizeHint().width(), area.right() + 1 - x);
                item->setGeometry(QRect(x, y, w, height));
                x += w + m_spacing;
            }
        }
        y += height + m_spacing;
    }
    const QMargins m = contentsMargins();
    if (y == area.top())
        return m.top() + m.bottom(); // nothing visible
    return y - m_spacing - area.top() + m.top() + m.bottom();
}

} // namespace llmdoctor::ui
