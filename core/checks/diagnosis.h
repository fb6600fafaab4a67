#pragma once

#include "../diagnosis/verdict.h"
#include "../target/target.h"
#include "check.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QProcessEnvironment>
#include <QTimer>
#include <memory>

namespace llmdoctor::core {

struct DiagnosisContext;

// Runs the checklist as a dependency graph: independent checks at once, a check whose
// prerequisite failed skipped with the reason, one overall deadline, cancel at any moment.
class Diagnosis final : public QObject
{
    Q_OBJECT
public:
    explicit Diagnosis(Target target, QObject *parent = nullptr);
    ~Diagnosis() override;

    // The standard checklist: the lint, dns, tcp, tls, http, key, model, the opt-in requests
    // (test request, stream, keep-alive) and the status page.
    static QList<Check *> standardChecks(QObject *parent);

    void setChecks(QList<Check *> checks); // before start(); takes ownership
    void setEnvironment(const QProcessEnvironment &env) { m_env = env; }

    // Loads the CA file and decides the proxy; false with a plain *error for bad input.
    bool prepare(QString *error);
    void start();
    void cancel();

    bool isRunning() const { return m_running; }
    bool isFinished() const { return m_finished; }
    QList<Check *> checks() const { return m_checks; }
    QList<CheckResult> results() const;
    Verdict verdict() const { return m_verdict; }
    const DiagnosisContext &context() const { return *m_context; }
    const Target &target() const;
    QDateTime startedAt() const { return m_startedAt; }
    double durationMs() const { return m_durationMs; }

signals:
    void checkStarted(const QString &id);
    void checkProgress(const QString &id, const QString &text);
    void checkFinished(const llmdoctor::core::CheckResult &result);
    void finished();

private:
    void schedule();
    void onDeadline();
    Check *find(const QString &id) const;

    std::shared_ptr<DiagnosisContext> m_context;
    QList<Check *> m_checks;
    QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();
    QTimer m_deadline;
    QElapsedTimer m_clock;
    QDateTime m_startedAt;
    double m_durationMs = 0;
    Verdict m_verdict;
    bool m_prepared = false;
    bool m_running = false;
    bool m_finished = false;
    bool m_stopping = false; // cancelled or out of time: start nothing new
};

} // namespace llmdoctor::core
