#pragma once

#include <QColor>
#include <QTimer>
#include <QWidget>

namespace llmdoctor::ui {

// A round status badge drawn with QPainter (no icon font needed): an empty ring while waiting, a
// turning arc while running, then ✓ / ! / ✗ / – in a colour that reads on light and dark palettes.
class StatusIcon final : public QWidget
{
    Q_OBJECT
public:
    enum class State
    {
        Waiting,
        Running,
        Pass,
        Warn,
        Fail,
        Skip
    };

    explicit StatusIcon(int size = 22, QWidget *parent = nullptr);

    State state() const { return m_state; }
    void setState(State state);

    static QColor colorFor(State state);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void updateTimer();

    State m_state = State::Waiting;
    int m_size;
    int m_angle = 0;
    QTimer m_spin; // runs only while a visible icon is in the Running state
};

} // namespace llmdoctor::ui
