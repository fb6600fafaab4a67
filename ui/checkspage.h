#pragma once

#include "core/checks/diagnosis.h"

#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QVBoxLayout;

namespace llmdoctor::ui {

class CheckRow;
class ElidingLabel;

// The checklist while it runs: one row per check, live progress, and the outcome in one line.
class ChecksPage final : public QWidget
{
    Q_OBJECT
public:
    enum class State
    {
        Idle,
        Running,
        Finished,
        Cancelled
    };

    explicit ChecksPage(QWidget *parent = nullptr);

    // Shows a new run (rows in the diagnosis' order) and follows its signals. Call before start().
    void setDiagnosis(core::Diagnosis *diagnosis);
    // Stops the run now; rows that had not finished show "Cancelled".
    void cancel();

    State state() const { return m_state; }
    CheckRow *row(const QString &id) const { return m_rows.value(id); }
    QList<CheckRow *> rows() const { return m_rowOrder; }
    QWidget *lastFocusable() const;

signals:
    void stateChanged(); // started, finished, cancelled

private:
    void onCheckStarted(const QString &id);
    void onCheckProgress(const QString &id, const QString &text);
    void onCheckFinished(const core::CheckResult &result);
    void onFinished();
    void updateProgress();
    // Once a second while running: each running step's countdown to the run's deadline, and the
    // status line naming the steps still running.
    void updateCountdowns();

    QPointer<core::Diagnosis> m_diagnosis;
    State m_state = State::Idle;
    bool m_cancelling = false;
    QString m_address;
    QHash<QString, CheckRow *> m_rows;
    QList<CheckRow *> m_rowOrder;
    ElidingLabel *m_heading;
    QLabel *m_status;
    QProgressBar *m_progress;
    QWidget *m_rowBox;
    QVBoxLayout *m_rowLayout;
    QTimer m_tick;
    bool m_countingDown = false; // the status line shows the countdown
};

} // namespace llmdoctor::ui
