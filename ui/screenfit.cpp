#include "screenfit.h"

#include <QEvent>
#include <QGuiApplication>
#include <QScreen>
#include <QTimer>
#include <QWidget>

namespace llmdoctor::ui {

namespace {

QScreen *screenOf(const QWidget *window)
{
    return window->screen() ? window->screen() : QGuiApplication::primaryScreen();
}

// Fits the window again each time it is shown, when its frame is known.
class ScreenFitter final : public QObject
{
public:
    explicit ScreenFitter(QWidget *window) : QObject(window), m_window(window) {}

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Show)
            QTimer::singleShot(0, m_window, [w = m_window] { fitToScreen(w, w->size()); });
        return false;
    }

private:
    QWidget *m_window;
};

} // namespace

QSize fittedSize(const QSize &preferred, const QRect &available, const QMargins &frame)
{
    if (!available.isValid())
        return preferred;
    return preferred.boundedTo(QSize(std::max(320, available.width() - frame.left() - frame.right()),
                                     std::max(240, available.height() - frame.top() - frame.bottom())));
}

void fitToScreen(QWidget *window, const QSize &preferred)
{
    QScreen *screen = screenOf(window);
    if (!screen)
        return;
    const QRect available = screen->availableGeometry();
    QMargins frame(0, 32, 0, 0); // a typical title bar, before the window has a frame
    if (window->isVisible()) {
        const QRect outer = window->frameGeometry(), inner = window->geometry();
        frame = QMargins(inner.left() - outer.left(), inner.top() - outer.top(),
                         outer.right() - inner.right(), outer.bottom() - inner.bottom());
    }
    window->resize(fittedSize(preferred, available, frame));
    // All of the frame on the screen.
    QRect outer = window->frameGeometry();
    if (window->isVisible() && !available.contains(outer)) {
        outer.moveLeft(std::clamp(outer.left(), available.left(),
                                  std::max(available.left(), available.right() - outer.width() + 1)));
        outer.moveTop(std::clamp(outer.top(), available.top(),
                                 std::max(available.top(), available.bottom() - outer.height() + 1)));
        window->move(outer.topLeft());
    }
}

void keepOnScreen(QWidget *window, const QSize &preferred)
{
    if (QScreen *screen = screenOf(window))
        window->resize(fittedSize(preferred, screen->availableGeometry()));
    else
        window->resize(preferred);
    window->installEventFilter(new ScreenFitter(window));
}

} // namespace llmdoctor::ui
