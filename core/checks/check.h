#pragma once

#include "checkresult.h"

#include <QElapsedTimer>
#include <QObject>
#include <memory>
#include <optional>

namespace llmdoctor::core {

class Exchange;
struct ExchangeResult;
struct DiagnosisContext;

// One checklist step. start() once; exactly one finished() follows, also after cancel().
// A check owns its sockets and lookups (as QObject children), so deleting it aborts them.
class Check : public QObject
{
    Q_OBJECT
public:
    Check(QString id, QString title, QStringList dependencies, QObject *parent = nullptr);

    QString id() const { return m_id; }
    QString title() const { return m_title; }
    QStringList dependencies() const { return m_dependencies; }
    bool isRunning() const { return m_running; }
    bool isFinished() const { return m_finished; }
    const CheckResult &result() const { return m_result; }

    void start(std::shared_ptr<DiagnosisContext> context);
    // Safe at any time and more than once; a running check finishes as skipped ("cancelled").
    void cancel();
    // Ends a check that overran its deadline.
    void expire(const QString &why, Category category);
    // Ends a check that will not run; blockedBy names the step that failed first.
    void skip(const QString &why, const QString &blockedBy = QString());

signals:
    void progress(const QString &text);
    void finished(const llmdoctor::core::CheckResult &result);

protected:
    virtual void run() = 0;
    virtual void abort() = 0; // stop network activity; finished() is sent by the base class
    void complete(CheckResult result);
    // Without a category: Unknown for a failure, Ok otherwise.
    CheckResult makeResult(CheckStatus status, const QString &summary,
                           std::optional<Category> category = std::nullopt) const;
    DiagnosisContext &context() const { return *m_context; }
    // For abort(): cancels an exchange of this check without hearing from it again; null is fine.
    void stopExchange(Exchange *exchange);
    // Keeps an HTTP exchange this check made, for the report's HAR export.
    void recordExchange(const Exchange *exchange, const ExchangeResult &result);

private:
    QString m_id;
    QString m_title;
    QStringList m_dependencies;
    std::shared_ptr<DiagnosisContext> m_context;
    QElapsedTimer m_clock;
    CheckResult m_result;
    bool m_running = false;
    bool m_finished = false;
};

} // namespace llmdoctor::core
