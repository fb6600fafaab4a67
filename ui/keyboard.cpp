#include "keyboard.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QGraphicsView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QPushButton>
#include <QToolButton>

namespace llmdoctor::ui {

namespace {
constexpr const char *kReadingOrder = "llmdoctorReadingOrder"; // a window whose Tab reads in order
} // namespace

void ButtonKeys::install()
{
    static ButtonKeys *installed = nullptr;
    if (installed || !qApp)
        return;
    installed = new ButtonKeys(qApp);
    qApp->installEventFilter(installed);
}

bool ButtonKeys::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return false;
    const auto *key = static_cast<QKeyEvent *>(event);
    if (key->key() == Qt::Key_Tab || key->key() == Qt::Key_Backtab) {
        // Pages show and hide parts (Advanced, a verdict's steps): the order is made for what is
        // on screen when Tab is pressed.
        if (auto *w = qobject_cast<QWidget *>(watched); w && w->window()->property(kReadingOrder).toBool())
            orderTabsByReading(w->window());
        return false;
    }
    if ((key->key() != Qt::Key_Return && key->key() != Qt::Key_Enter) ||
        (key->modifiers() & ~Qt::KeypadModifier) != Qt::NoModifier)
        return false;
    auto *button = qobject_cast<QAbstractButton *>(watched);
    if (!button || !(qobject_cast<QPushButton *>(button) || qobject_cast<QToolButton *>(button)) ||
        !button->hasFocus() || !button->isEnabled() || !button->isVisible())
        return false;
    if (qobject_cast<QDialog *>(button->window()))
        return false; // a dialog's Enter presses its default button
    // Pressed down at once and released a moment later, as Space does (for default buttons too).
    button->animateClick();
    return true;
}

namespace {

// Where a widget is on its page as if nothing were scrolled, and which part of the window it is in
// (the banner, the page, the button bar: those read top to bottom).
struct Place
{
    int section = 0;
    QRect rect;
};

Place placeOf(const QWidget *w, const QWidget *window)
{
    Place place;
    QPoint p;
    const QWidget *central = nullptr;
    if (const auto *main = qobject_cast<const QMainWindow *>(window))
        central = main->centralWidget();
    const QWidget *sectionWidget = w;
    for (const QWidget *x = w; x && x != window; x = x->parentWidget()) {
        const auto *area = x->parentWidget()
                               ? qobject_cast<const QAbstractScrollArea *>(x->parentWidget()->parentWidget())
                               : nullptr;
        const bool scrolledContent = area && x->parentWidget() == area->viewport();
        if (!scrolledContent)
            p += x->pos();
        if (x->parentWidget() == central || (!central && x->parentWidget() == window))
            sectionWidget = x;
    }
    place.section = sectionWidget->y();
    place.rect = QRect(p, w->size());
    return place;
}

} // namespace

QList<QWidget *> inReadingOrder(const QWidget *window, const QList<QWidget *> &widgets)
{
    QList<std::pair<Place, QWidget *>> placed;
    for (QWidget *w : widgets)
        placed.append({placeOf(w, window), w});
    std::stable_sort(placed.begin(), placed.end(), [](const auto &a, const auto &b) {
        if (a.first.section != b.first.section)
            return a.first.section < b.first.section;
        return a.first.rect.top() < b.first.rect.top();
    });
    // Lines: what starts above the middle of a line's first widget is on that line, left to right.
    QList<QWidget *> ordered;
    for (qsizetype i = 0; i < placed.size();) {
        qsizetype j = i + 1;
        const Place &first = placed.at(i).first;
        // On one line: each one's middle is within the other's height (a field and its button),
        // not merely overlapping (a scroll area and what it holds).
        auto sameLine = [&first](const Place &other) {
            const int a = first.rect.center().y(), b = other.rect.center().y();
            return other.section == first.section && b >= first.rect.top() && b <= first.rect.bottom() &&
                   a >= other.rect.top() && a <= other.rect.bottom();
        };
        while (j < placed.size() && sameLine(placed.at(j).first))
            ++j;
        QList<std::pair<Place, QWidget *>> line(placed.begin() + i, placed.begin() + j);
        std::stable_sort(line.begin(), line.end(), [](const auto &a, const auto &b) {
            return a.first.rect.left() < b.first.rect.left();
        });
        for (const auto &item : std::as_const(line))
            ordered.append(item.second);
        i = j;
    }
    return ordered;
}

QList<QWidget *> tabStops(const QWidget *window)
{
    QList<QWidget *> stops;
    for (QWidget *w : window->findChildren<QWidget *>()) {
        if (w->window() != window || !w->isVisible() || !w->isEnabled() ||
            !(w->focusPolicy() & Qt::TabFocus) || w->focusProxy())
            continue;
        // The parts of a compound widget (a spin box's line edit, a view's viewport) are not stops.
        bool part = false;
        for (const QWidget *p = w->parentWidget(); p && p != window && !part; p = p->parentWidget())
            part = p->focusProxy() == w || qobject_cast<const QAbstractSpinBox *>(p) ||
                   qobject_cast<const QComboBox *>(p) || qobject_cast<const QAbstractItemView *>(p) ||
                   qobject_cast<const QGraphicsView *>(p) || qobject_cast<const QLineEdit *>(p);
        if (!part)
            stops.append(w);
    }
    return stops;
}

void orderTabsByReading(QWidget *window)
{
    window->setProperty(kReadingOrder, true);
    const QList<QWidget *> order = inReadingOrder(window, tabStops(window));
    for (qsizetype i = 1; i < order.size(); ++i)
        QWidget::setTabOrder(order.at(i - 1), order.at(i));
}

QList<std::pair<QChar, QWidget *>> mnemonicsIn(const QWidget *root)
{
    QList<std::pair<QChar, QWidget *>> found;
    auto add = [&found](const QString &text, QWidget *w) {
        for (qsizetype i = 0; i + 1 < text.size(); ++i) {
            if (text.at(i) != u'&')
                continue;
            if (text.at(i + 1) == u'&') {
                ++i; // "&&" is a literal ampersand
                continue;
            }
            found.append({text.at(i + 1).toLower(), w});
            return;
        }
    };
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (!w->isVisibleTo(root) || w->window() != root->window())
            continue;
        if (const auto *b = qobject_cast<const QAbstractButton *>(w))
            add(b->text(), w);
        else if (const auto *l = qobject_cast<const QLabel *>(w); l && l->buddy())
            add(l->text(), w);
    }
    return found;
}

} // namespace llmdoctor::ui
