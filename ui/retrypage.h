#pragma once

#include "core/monitor/retrier.h"
#include "core/target/target.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTreeWidget;
class QVBoxLayout;

namespace llmdoctor::ui {

class LatencyChart;
class StatusIcon;

// "Wait a few minutes and try again", done for the user: attempts the API until it answers,
// with a live countdown that says why it waits, the attempts as a list and a chart. The run
// belongs to the page, so it goes on while the user reads the other pages.
class RetryPage final : public QWidget
{
    Q_OBJECT
public:
    explicit RetryPage(QWidget *parent = nullptr);
    ~RetryPage() override;

    void setTarget(const core::Target &target); // what the next start() tries
    void start();
    void stop();
    bool isRunning() const { return m_retrier && m_retrier->isRunning(); }
    core::Retrier *retrier() const { return m_retrier; }
    LatencyChart *chart() const { return m_chart; }

    core::RetryPolicy policy() const; // from the page's controls
    QString countdownText() const;
    QString statusLine() const; // one line for the button bar while the user is elsewhere

signals:
    void stateChanged();
    // "Run the checks again", offered once a retry worked: the window goes back and re-runs.
    void runChecksRequested();

private:
    void onAttemptStarted(int n);
    void onAttemptFinished(const core::RetryAttempt &attempt);
    void onWaiting(double remainingMs, double totalMs, const QString &reason);
    void onFinished();
    void updateControls();

    core::Target m_target;
    QPointer<core::Retrier> m_retrier;
    QSpinBox *m_attempts;
    QComboBox *m_window;
    QPushButton *m_startStop;
    QLabel *m_countdown;
    QProgressBar *m_waitBar;
    QTreeWidget *m_list;
    LatencyChart *m_chart;
    StatusIcon *m_icon;
    QLabel *m_headline;
    QLabel *m_explanation;
    QVBoxLayout *m_stepsLayout;
    QWidget *m_outcome;
    QPushButton *m_runChecks;
};

} // namespace llmdoctor::ui
