#pragma once

#include "../diagnosis/verdict.h"
#include "probe.h"
#include "retrypolicy.h"
#include "sample.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <functional>

namespace llmdoctor::core {

struct RetryAttempt
{
    int n = 0;            // 1-based
    double startedMs = 0; // from the start of the run
    int status = 0;       // 0 when no HTTP answer came
    QString category;     // "ok" for a success
    QString summary;
    double durationMs = 0;
    double waitedMs = 0; // the wait before this attempt (0 for the first)
    QString waitReason;  // why it waited that long, in plain words
    QString waitKind;    // server | backoff | "" (first attempt)

    QJsonObject toJson() const;
};

// "Wait a few minutes and try again", done for the user: attempts the model-list request until
// it works, retrying can no longer help, or the policy's attempts or time run out.
class Retrier final : public QObject
{
    Q_OBJECT
public:
    enum class Outcome
    {
        Running,
        Succeeded,
        GaveUp,
        NotRetryable,
        Cancelled
    };
    static QString outcomeName(Outcome outcome); // "succeeded", "gave_up", ...

    Retrier(Target target, RetryPolicy policy, QObject *parent = nullptr);
    ~Retrier() override;

    void setEnvironment(const QProcessEnvironment &env) { m_env = env; }
    void setRandom(std::function<double()> random) { m_random = std::move(random); } // [0, 1)
    bool prepare(QString *error);
    void start();
    void cancel();

    bool isRunning() const { return m_running; }
    Outcome outcome() const { return m_outcome; }
    const RetryPolicy &policy() const { return m_policy; }
    const QList<RetryAttempt> &attempts() const { return m_attempts; }
    const Target &target() const { return m_target; }
    const SampleStore &samples() const { return m_samples; } // one per attempt, for the chart
    double elapsedMs() const;
    // While waiting: how long is left, and why (empty when not waiting).
    double waitRemainingMs() const;
    QString waitReason() const { return m_waitReason; }
    Verdict verdict() const { return m_verdict; }
    QJsonObject toJson() const; // {"outcome", "attempts": [...], "verdict": {...}}

signals:
    void attemptStarted(int n);
    void attemptFinished(const llmdoctor::core::RetryAttempt &attempt);
    // About ten times a second while waiting, for a live countdown.
    void waiting(double remainingMs, double totalMs, const QString &reason);
    void finished();

private:
    void runAttempt();
    void onAttempt(const ProbeOutcome &outcome);
    void tick();
    void finish(Outcome outcome, const ProbeOutcome *last);

    Target m_target;
    RetryPolicy m_policy;
    QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();
    std::function<double()> m_random;
    std::optional<ProbeSetup> m_setup;
    QPointer<Probe> m_probe;
    QList<RetryAttempt> m_attempts;
    SampleStore m_samples;
    QElapsedTimer m_clock;
    QTimer m_wait;
    QTimer m_tick;
    double m_pendingWaitMs = 0;
    QString m_waitReason;
    QString m_waitKind;
    Verdict m_verdict;
    Outcome m_outcome = Outcome::Running;
    bool m_running = false;
};

} // namespace llmdoctor::core
