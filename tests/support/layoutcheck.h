#pragma once

// What the layout checks look for on any window: widgets outside their parent, text cut off,
// squeezed or touching buttons. Shared by the layout tests and the tests of single pages.
#include "ui/charts/latencychart.h"
#include "ui/elidinglabel.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QGraphicsView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QStringList>
#include <QWidget>

namespace llmdoctor::test {

using namespace Qt::StringLiterals;

inline QString describe(const QWidget *w)
{
    QString name = QString::fromLatin1(w->metaObject()->className());
    if (!w->objectName().isEmpty())
        name += u" \""_s + w->objectName() + u'"';
    if (const auto *l = qobject_cast<const QLabel *>(w))
        name += u" «"_s + l->text().left(50) + u'»';
    else if (const auto *b = qobject_cast<const QAbstractButton *>(w))
        name += u" «"_s + b->text() + u'»';
    return name;
}

// Inside a widget that draws and places its own parts (a spin box's field, a chart's view).
inline bool isPart(const QWidget *w, const QWidget *window)
{
    for (const QWidget *p = w->parentWidget(); p && p != window; p = p->parentWidget()) {
        if (qobject_cast<const QAbstractItemView *>(p) || qobject_cast<const QAbstractSpinBox *>(p) ||
            qobject_cast<const QComboBox *>(p) || qobject_cast<const QLineEdit *>(p) ||
            qobject_cast<const QGraphicsView *>(p) || qobject_cast<const QPlainTextEdit *>(p) ||
            qobject_cast<const QScrollBar *>(p) || qobject_cast<const llmdoctor::ui::LatencyChart *>(p) ||
            qobject_cast<const QProgressBar *>(p))
            return true;
    }
    return false;
}

inline const QScrollArea *scrollAreaOfContent(const QWidget *w)
{
    if (!w->parentWidget())
        return nullptr;
    const auto *area = qobject_cast<const QScrollArea *>(w->parentWidget()->parentWidget());
    return area && area->widget() == w ? area : nullptr;
}

inline QList<QWidget *> shown(QWidget *window)
{
    QList<QWidget *> out;
    for (QWidget *w : window->findChildren<QWidget *>()) {
        if (w->isVisible() && w->window() == window && !isPart(w, window))
            out.append(w);
    }
    return out;
}

inline QStringList geometryProblems(QWidget *window)
{
    QStringList problems;
    QList<QAbstractButton *> buttons;
    for (QWidget *w : shown(window)) {
        if (const QScrollArea *area = scrollAreaOfContent(w)) {
            // Scrolls up and down; never wider than its area (the horizontal bar is off).
            if (w->width() > area->viewport()->width() + 1)
                problems << describe(w) +
                                u" is %1 px wide in a %2 px area: its right side is cut off"_s.arg(w->width())
                                    .arg(area->viewport()->width());
            continue;
        }
        QWidget *parent = w->parentWidget();
        if (!parent->rect().adjusted(-1, -1, 1, 1).contains(w->geometry()))
            problems << describe(w) + u" sticks out of "_s + describe(parent);
        if (auto *label = qobject_cast<QLabel *>(w); label && !label->text().isEmpty()) {
            if (label->wordWrap()) {
                const int needed = label->heightForWidth(label->width());
                if (label->height() + 1 < needed)
                    problems << describe(w) +
                                    u" needs %1 px, has %2: text cut off"_s.arg(needed).arg(label->height());
            } else if (!qobject_cast<llmdoctor::ui::ElidingLabel *>(label) && label->pixmap().isNull()) {
                const QSize hint = label->sizeHint();
                if (label->width() + 1 < hint.width() || label->height() + 1 < hint.height())
                    problems << describe(w) + u" is %1×%2, needs %3×%4: text cut off"_s.arg(label->width())
                                                  .arg(label->height())
                                                  .arg(hint.width())
                                                  .arg(hint.height());
            }
        }
        if (auto *b = qobject_cast<QAbstractButton *>(w)) {
            if (qobject_cast<QPushButton *>(b) && b->width() + 1 < b->minimumSizeHint().width())
                problems << describe(w) + u" is squeezed: its text does not fit"_s;
            buttons.append(b);
        }
    }
    for (qsizetype i = 0; i < buttons.size(); ++i) {
        // What can be seen of each: a button scrolled under the bar is not next to the bar's buttons.
        const QRect a =
            buttons[i]->visibleRegion().boundingRect().translated(buttons[i]->mapTo(window, QPoint()));
        if (a.isEmpty())
            continue;
        for (qsizetype j = i + 1; j < buttons.size(); ++j) {
            const QRect b =
                buttons[j]->visibleRegion().boundingRect().translated(buttons[j]->mapTo(window, QPoint()));
            if (b.isEmpty())
                continue;
            if (a.intersects(b)) {
                problems << describe(buttons[i]) + u" overlaps "_s + describe(buttons[j]);
                continue;
            }
            const bool sameLine = a.top() < b.bottom() && b.top() < a.bottom();
            const int gap = std::max(b.left() - a.right() - 1, a.left() - b.right() - 1);
            if (sameLine && gap < 6)
                problems << describe(buttons[i]) + u" and "_s + describe(buttons[j]) +
                                u" are %1 px apart (at least 6)"_s.arg(gap);
        }
    }
    return problems;
}

} // namespace llmdoctor::test
