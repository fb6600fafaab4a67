#include "diagnosis.h"

#include "../probe/background.h"
#include "../target/redactor.h"
#include "accountchecks.h"
#include "diagnosiscontext.h"
#include "keepalivecheck.h"
#include "networkchecks.h"
#include "pathcheck.h"
#include "statuspagecheck.h"
#include "streamcheck.h"

#include <QCoreApplication>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

Diagnosis::Diagnosis(Target target, QObject *parent)
    : QObject(parent), m_context(std::make_shared<DiagnosisContext>())
{
    m_context->target = std::move(target);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &Diagnosis::onDeadline);
    setChecks(standardChecks(this));
}

Diagnosis::~Diagnosis()
{
    // Checks are children; make sure none reports into a half-destroyed object.
    for (Check *c : std::as_const(m_checks))
        c->disconnect(this);
}

const Target &Diagnosis::target() const
{
    return m_context->target;
}

QList<Check *> Diagnosis::standardChecks(QObject *parent)
{
    // Offline lint first (it never blocks the network checks), then the connection layer by
    // layer; one model-list request serves http, api_key and model. The status page depends on
    // nothing, so it is read alongside all of them. The stream and keep-alive checks skip at once
    // unless the user asked for them: one costs a completion, the other up to 15 s. A short burst
    // of connects looks for lost packets alongside; the path test runs only when asked for.
    return {new BaseUrlFormatCheck(parent), new ApiKeyFormatCheck(parent), new DnsCheck(parent),
            new ConnectCheck(parent),       new TlsCheck(parent),          new HttpCheck(parent),
            new ApiKeyCheck(parent),        new ModelCheck(parent),        new TestRequestCheck(parent),
            new StreamCheck(parent),        new KeepAliveCheck(parent),    new StatusPageCheck(parent),
            new ConnectBurstCheck(parent),  new PathCheck(parent)};
}

void Diagnosis::setChecks(QList<Check *> checks)
{
    if (m_running || m_finished)
        return;
    qDeleteAll(m_checks);
    m_checks = std::move(checks);
    for (Check *c : std::as_const(m_checks)) {
        c->setParent(this);
        connect(c, &Check::progress, this,
                [this, c](const QString &text) { emit checkProgress(c->id(), text); });
        connect(c, &Check::finished, this, [this](const CheckResult &r) {
            emit checkFinished(r);
            schedule();
        });
    }
}

Check *Diagnosis::find(const QString &id) const
{
    for (Check *c : m_checks) {
        if (c->id() == id)
            return c;
    }
    return nullptr;
}

bool Diagnosis::prepare(QString *error)
{
    DiagnosisContext &c = *m_context;
    if (!c.target.caFile.isEmpty()) {
        const auto certs = QSslCertificate::fromPath(c.target.caFile, QSsl::Pem);
        if (certs.isEmpty()) {
            if (error)
                *error =
                    QCoreApplication::translate(
                        "Check",
                        "No certificate could be read from \"%1\": the file must hold certificates in text "
                        "(PEM) form, "
                        "starting with -----BEGIN CERTIFICATE-----.")
                        .arg(c.target.caFile);
            return false;
        }
        c.caCertificates = certs;
    }
    c.proxy = decideProxy(c.target.proxy, c.target.baseUrl, m_env, /*querySystem=*/false);
    m_prepared = true;
    return true;
}

void Diagnosis::start()
{
    if (m_running || m_finished)
        return;
    if (!m_prepared)
        prepare(nullptr);
    m_running = true;
    m_startedAt = QDateTime::currentDateTime();
    m_clock.start();
    m_context->deadline = QDeadlineTimer(m_context->target.timeoutMs);
    // Checks carry the same deadline; this one only catches a check that fails to stop.
    m_deadline.start(m_context->target.timeoutMs + 1000);
    if (m_context->proxy.systemQueryNeeded) {
        // The system proxy settings can take long to read: no check starts before they are known.
        const Target target = m_context->target;
        const QProcessEnvironment env = m_env;
        BackgroundTask::run<ProxyDecision>(
            this, [target, env] { return decideProxy(target.proxy, target.baseUrl, env); },
            [this](const ProxyDecision &decision) {
                m_context->proxy = decision;
                schedule();
            });
        return;
    }
    schedule();
}

void Diagnosis::schedule()
{
    if (!m_running || m_context->proxy.systemQueryNeeded)
        return;
    bool progressMade = true;
    while (progressMade) {
        progressMade = false;
        for (Check *c : std::as_const(m_checks)) {
            if (c->isRunning() || c->isFinished())
                continue;
            bool ready = true;
            QString blocker;
            for (const QString &dep : c->dependencies()) {
                Check *d = find(dep);
                if (!d)
                    continue;
                if (!d->isFinished()) {
                    ready = false;
                    break;
                }
                // A skipped prerequisite leaves nothing to build on either; name the step that failed.
                if (d->result().status == CheckStatus::Fail)
                    blocker = d->title();
                else if (d->result().status == CheckStatus::Skip)
                    blocker = d->result().detail(u"blocked by"_s).isEmpty()
                                  ? d->title()
                                  : d->result().detail(u"blocked by"_s);
            }
            if (!ready)
                continue;
            progressMade = true;
            if (!blocker.isEmpty()) {
                c->skip(QCoreApplication::translate(
                            "Check", "Not checked, because an earlier step did not succeed: \"%1\"")
                            .arg(blocker),
                        blocker);
                return; // skip() emitted finished(), which re-entered schedule()
            }
            if (m_stopping) {
                c->cancel();
                return; // cancel() emitted finished(), which re-entered schedule()
            }
            emit checkStarted(c->id());
            c->start(m_context);
            if (!m_running)
                return;
        }
    }
    if (std::all_of(m_checks.cbegin(), m_checks.cend(), [](Check *c) { return c->isFinished(); })) {
        m_running = false;
        m_finished = true;
        m_deadline.stop();
        m_durationMs = double(m_clock.nsecsElapsed()) / 1e6;
        m_verdict = decideVerdict(results(), *m_context);
        const Redactor redactor(m_context->target, m_context->proxy.proxy);
        m_verdict.headline = redactor.apply(m_verdict.headline);
        m_verdict.explanation = redactor.apply(m_verdict.explanation);
        for (QString &step : m_verdict.nextSteps)
            step = redactor.apply(step);
        emit finished();
    }
}

void Diagnosis::onDeadline()
{
    const QString why =
        QCoreApplication::translate("Check", "Stopped: the whole diagnosis ran out of time (%1 s).")
            .arg(m_context->target.timeoutMs / 1000.0);
    m_stopping = true;
    m_context->proxy.systemQueryNeeded = false; // never read: no check waits for it any more
    for (Check *c : std::as_const(m_checks)) {
        if (c->isRunning())
            c->expire(why, Category::Timeout);
    }
    for (Check *c : std::as_const(m_checks)) {
        if (!c->isFinished())
            c->skip(why);
    }
}

void Diagnosis::cancel()
{
    if (m_finished)
        return;
    if (!m_running) {
        // Cancelled before it started: it still ends, once, as cancelled.
        m_running = true;
        m_startedAt = QDateTime::currentDateTime();
        m_clock.start();
    }
    m_stopping = true;
    m_context->proxy.systemQueryNeeded = false;
    for (Check *c : std::as_const(m_checks)) {
        if (!c->isFinished())
            c->cancel();
    }
}

QList<CheckResult> Diagnosis::results() const
{
    QList<CheckResult> out;
    for (const Check *c : m_checks) {
        if (c->isFinished())
            out.append(c->result());
    }
    return out;
}

} // namespace llmdoctor::core
