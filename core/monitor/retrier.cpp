#include "retrier.h"

#include "../diagnosis/ratelimit.h"
#include "../probe/background.h"
#include "../target/redactor.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRandomGenerator>
#include <cmath>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

// Failures on the provider's side of the connection: when they last for a whole retry window,
// an outage is likely.
bool providerSide(const QString &category)
{
    static const QStringList side{u"gateway_error"_s,  u"upstream_reset"_s, u"gateway_timeout"_s,
                                  u"timeout"_s,        u"server_error"_s,   u"provider_overloaded"_s,
                                  u"provider_outage"_s};
    return side.contains(category);
}

QString attemptFailure(const RetryAttempt &a)
{
    // Built on each call: the words follow the translator installed at the time.
    const QMap<QString, QString> words{
        {u"upstream_reset"_s, QCoreApplication::translate("Retry", "connection reset")},
        {u"timeout"_s, QCoreApplication::translate("Retry", "no answer in time")},
        {u"connect_timeout"_s, QCoreApplication::translate("Retry", "connection timed out")},
        {u"connection_refused"_s, QCoreApplication::translate("Retry", "connection refused")},
        {u"dns_failure"_s, QCoreApplication::translate("Retry", "name not found")},
        {u"proxy_error"_s, QCoreApplication::translate("Retry", "proxy refused")}};
    if (a.status > 0)
        return u"HTTP %1"_s.arg(a.status);
    return words.value(a.category, a.category);
}

// "3× HTTP 502, 1× connection reset", most frequent first.
QString failureBreakdown(const QList<RetryAttempt> &attempts)
{
    QMap<QString, int> counts;
    QStringList order;
    for (const RetryAttempt &a : attempts) {
        if (a.category == u"ok")
            continue;
        const QString what = attemptFailure(a);
        if (!counts.contains(what))
            order << what;
        ++counts[what];
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](const QString &x, const QString &y) { return counts.value(x) > counts.value(y); });
    QStringList parts;
    for (const QString &what : std::as_const(order))
        parts << u"%1× %2"_s.arg(counts.value(what)).arg(what);
    return parts.join(u", "_s);
}

QString duration(double ms)
{
    const double s = ms / 1000.0;
    if (s < 90)
        return u"%1 s"_s.arg(std::lround(s));
    return plainWait(s);
}

} // namespace

QJsonObject RetryAttempt::toJson() const
{
    return {{u"n"_s, n},
            {u"started_ms"_s, std::round(startedMs)},
            {u"status"_s, status},
            {u"category"_s, category},
            {u"summary"_s, summary},
            {u"duration_ms"_s, std::round(durationMs * 10) / 10},
            {u"waited_ms"_s, std::round(waitedMs)},
            {u"wait_reason"_s, waitReason},
            {u"wait_kind"_s, waitKind}};
}

QString Retrier::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Running:
        return u"running"_s;
    case Outcome::Succeeded:
        return u"succeeded"_s;
    case Outcome::GaveUp:
        return u"gave_up"_s;
    case Outcome::NotRetryable:
        return u"not_retryable"_s;
    case Outcome::Cancelled:
        return u"cancelled"_s;
    }
    return {};
}

Retrier::Retrier(Target target, RetryPolicy policy, QObject *parent)
    : QObject(parent), m_target(std::move(target)), m_policy(policy),
      m_random([] { return QRandomGenerator::global()->generateDouble(); })
{
    m_wait.setSingleShot(true);
    m_wait.setTimerType(Qt::PreciseTimer); // a coarse timer may end a retry-after wait 5 % early
    m_tick.setInterval(100);
    connect(&m_wait, &QTimer::timeout, this, &Retrier::runAttempt);
    connect(&m_tick, &QTimer::timeout, this, &Retrier::tick);
}

Retrier::~Retrier()
{
    if (m_probe)
        m_probe->disconnect(this);
}

bool Retrier::prepare(QString *error)
{
    m_setup = prepareProbeSetup(m_target, m_env, error);
    return m_setup.has_value();
}

void Retrier::start()
{
    if (m_running || m_outcome != Outcome::Running)
        return;
    if (!m_setup && !prepare(nullptr)) {
        finish(Outcome::NotRetryable, nullptr);
        return;
    }
    m_running = true;
    m_clock.start();
    m_samples.setStartedAt(QDateTime::currentDateTime());
    if (m_setup->proxy.systemQueryNeeded) {
        const Target target = m_target;
        const QProcessEnvironment env = m_env;
        BackgroundTask::run<ProxyDecision>(
            this, [target, env] { return decideProxy(target.proxy, target.baseUrl, env); },
            [this](const ProxyDecision &decision) {
                m_setup->proxy = decision;
                if (m_running)
                    runAttempt();
            });
        return;
    }
    runAttempt();
}

void Retrier::cancel()
{
    if (!m_running)
        return;
    m_wait.stop();
    m_tick.stop();
    if (m_probe) {
        m_probe->disconnect(this);
        m_probe->cancel();
        m_probe->deleteLater();
    }
    finish(Outcome::Cancelled, nullptr);
}

double Retrier::elapsedMs() const
{
    return m_clock.isValid() ? double(m_clock.nsecsElapsed()) / 1e6 : 0;
}

double Retrier::waitRemainingMs() const
{
    return m_wait.isActive() ? double(m_wait.remainingTime()) : 0;
}

void Retrier::runAttempt()
{
    m_tick.stop();
    if (!m_running)
        return;
    const int n = int(m_attempts.size()) + 1;
    RetryAttempt a;
    a.n = n;
    a.startedMs = elapsedMs();
    a.waitedMs = n == 1 ? 0 : m_pendingWaitMs;
    a.waitReason = n == 1 ? QString() : m_waitReason;
    a.waitKind = n == 1 ? QString() : m_waitKind;
    m_attempts.append(a);
    m_waitReason.clear();
    emit attemptStarted(n);
    m_probe = new Probe(*m_setup, this);
    connect(m_probe, &Probe::finished, this, &Retrier::onAttempt);
    m_probe->start();
}

void Retrier::onAttempt(const ProbeOutcome &o)
{
    if (m_probe)
        m_probe->deleteLater();
    if (!m_running)
        return;
    RetryAttempt &a = m_attempts.last();
    a.status = o.status;
    a.category = categoryName(o.modelMissing ? Category::ModelNotFound : o.category);
    a.summary =
        o.modelMissing
            ? QCoreApplication::translate("Retry", "The API works, but its model list does not have \"%1\".")
                  .arg(m_target.model)
            : o.summary;
    a.summary = Redactor(m_target, m_setup->proxy.proxy).apply(a.summary); // a server may echo the key
    a.durationMs = o.phases.total >= 0 ? o.phases.total : elapsedMs() - a.startedMs;
    m_samples.append(o.toSample(quint32(std::max(0.0, a.startedMs)), m_samples));
    emit attemptFinished(a);

    if (a.category == u"ok") {
        finish(Outcome::Succeeded, &o);
        return;
    }
    const HeaderList headers = o.exchange.response ? o.exchange.response->headers : HeaderList();
    const RetryStep step = nextRetryStep(m_policy, int(m_attempts.size()), elapsedMs() / 1000.0, o.status,
                                         a.category, headers, m_random());
    if (!step.retry) {
        m_waitReason = step.reason;
        const bool hopeless = retryCannotHelp(a.category) || !isRetryableStatus(o.status, headers);
        finish(hopeless ? Outcome::NotRetryable : Outcome::GaveUp, &o);
        return;
    }
    m_pendingWaitMs = step.waitS * 1000.0;
    m_waitReason = step.reason;
    m_waitKind = step.reasonKind;
    m_wait.start(int(std::ceil(m_pendingWaitMs)));
    m_tick.start();
    tick();
}

void Retrier::tick()
{
    if (m_wait.isActive())
        emit waiting(double(m_wait.remainingTime()), m_pendingWaitMs, m_waitReason);
}

void Retrier::finish(Outcome outcome, const ProbeOutcome *last)
{
    const QString stopReason = m_waitReason;
    m_running = false;
    m_outcome = outcome;
    m_wait.stop();
    m_tick.stop();
    m_waitReason.clear();

    const QString host = m_target.baseUrl.host();
    QMap<QString, QString> values{{u"host"_s, host}};
    if (last && last->status > 0)
        values.insert(u"status"_s, QString::number(last->status));
    const RetryAttempt *final = m_attempts.isEmpty() ? nullptr : &m_attempts.last();
    const QString totalTime = duration(elapsedMs());
    switch (outcome) {
    case Outcome::Succeeded:
        if (m_attempts.size() == 1) {
            m_verdict = verdictFromAdvice(u"retry_first_try"_s, Category::Ok, values);
        } else {
            double waited = 0;
            for (const RetryAttempt &a : std::as_const(m_attempts))
                waited += a.waitedMs;
            values.insert(u"attempt"_s, QString::number(m_attempts.size()));
            // "The first {failed} failed": "attempt" or "2 attempts" (German: "Gescheitert: {failed}").
            values.insert(
                u"failed"_s,
                m_attempts.size() == 2
                    ? QCoreApplication::translate("Retry", "attempt")
                    : QCoreApplication::translate("Retry", "%1 attempts").arg(m_attempts.size() - 1));
            values.insert(u"waited"_s, duration(waited));
            values.insert(u"failures"_s, failureBreakdown(m_attempts));
            m_verdict = verdictFromAdvice(u"retry_recovered"_s, Category::Ok, values);
            // The retry code for the failure that was waited out.
            m_verdict.snippets =
                verdictFromAdvice(u"unknown"_s, categoryOr(m_attempts.first().category), {}).snippets;
        }
        break;
    case Outcome::GaveUp: {
        bool allProviderSide = !m_attempts.isEmpty();
        for (const RetryAttempt &a : std::as_const(m_attempts))
            allProviderSide = allProviderSide && providerSide(a.category);
        values.insert(u"attempts"_s, QString::number(m_attempts.size()));
        values.insert(u"duration"_s, totalTime);
        values.insert(u"failures"_s, failureBreakdown(m_attempts));
        if (allProviderSide && m_attempts.size() >= 2) {
            m_verdict = verdictFromAdvice(u"retry_wide_outage"_s, Category::ProviderOutage, values);
        } else {
            m_verdict = verdictFromAdvice(final->category, categoryOr(final->category), values);
            m_verdict.explanation +=
                QCoreApplication::translate("Retry", " It still failed after %1 attempts over %2 (%3).")
                    .arg(m_attempts.size())
                    .arg(totalTime, failureBreakdown(m_attempts));
        }
        if (!stopReason.isEmpty())
            m_verdict.explanation +=
                QCoreApplication::translate("Retry", " Stopped because %1.").arg(stopReason);
        break;
    }
    case Outcome::NotRetryable:
        if (!final) {
            m_verdict = verdictFromAdvice(u"unknown"_s, Category::Unknown, values);
            break;
        }
        if (last && last->modelMissing)
            values.insert(u"model"_s, m_target.model);
        values.insert(u"detail"_s, final->summary);
        m_verdict = verdictFromAdvice(final->category, categoryOr(final->category), values);
        // English lowercases the headline after the colon; other languages keep its capitals (German
        // nouns and "Sie" keep theirs).
        if (const QString prefix = QCoreApplication::translate("Retry", "Retrying cannot help: ");
            prefix == u"Retrying cannot help: ")
            m_verdict.headline = prefix + m_verdict.headline.left(1).toLower() + m_verdict.headline.mid(1);
        else
            m_verdict.headline = prefix + m_verdict.headline;
        m_verdict.explanation =
            (stopReason.isEmpty()
                 ? QString()
                 : QCoreApplication::translate("Retry", "Waiting and trying again would not change "
                                                        "this answer (%1). ")
                       .arg(stopReason)) +
            m_verdict.explanation;
        break;
    case Outcome::Cancelled:
        m_verdict = verdictFromAdvice(u"cancelled"_s, Category::Cancelled, values);
        break;
    case Outcome::Running:
        break;
    }
    const Redactor redactor(m_target, m_setup ? m_setup->proxy.proxy : std::nullopt);
    m_verdict.headline = redactor.apply(m_verdict.headline);
    m_verdict.explanation = redactor.apply(m_verdict.explanation);
    for (QString &step : m_verdict.nextSteps)
        step = redactor.apply(step);
    emit finished();
}

QJsonObject Retrier::toJson() const
{
    QJsonArray attempts;
    for (const RetryAttempt &a : m_attempts)
        attempts.append(a.toJson());
    return {{u"schema"_s, u"llmdoctor.retry/1"_s},
            {u"outcome"_s, outcomeName(m_outcome)},
            {u"target"_s, QJsonObject{{u"provider"_s, m_target.provider},
                                      {u"base_url"_s, shownUrl(m_target.baseUrl)},
                                      {u"model"_s, m_target.model},
                                      {u"api_key"_s, redactKey(m_target.apiKey)}}},
            {u"policy"_s, QJsonObject{{u"max_attempts"_s, m_policy.maxAttempts},
                                      {u"max_wait_s"_s, m_policy.maxWaitS},
                                      {u"cap_s"_s, m_policy.capS}}},
            {u"duration_ms"_s, std::round(elapsedMs())},
            {u"attempts"_s, attempts},
            {u"verdict"_s, m_verdict.toJson()}};
}

} // namespace llmdoctor::core
