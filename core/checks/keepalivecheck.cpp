#include "keepalivecheck.h"

#include "../diagnosis/hops.h"
#include "../probe/keepaliveprobe.h"
#include "../target/keylint.h"
#include "../target/providercatalog.h"
#include "diagnosiscontext.h"
#include "networkchecks.h"

#include <QCoreApplication>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

QString seconds(double ms)
{
    return QString::number(ms / 1000.0, 'f', ms < 10000 ? 1 : 0) + u" s"_s;
}

QString roundText(const KeepAliveRound &r)
{
    switch (r.outcome) {
    case KeepAliveRound::Outcome::Answered:
        return u"answered (HTTP %1)"_s.arg(r.status);
    case KeepAliveRound::Outcome::ClosedWhileIdle:
        return QCoreApplication::translate("Check", "closed by the other side after %1 idle")
            .arg(seconds(r.closedAfterMs));
    case KeepAliveRound::Outcome::ClosedOnReuse:
        return QCoreApplication::translate("Check", "closed or reset when reused (%1)").arg(r.error);
    case KeepAliveRound::Outcome::NoAnswer:
        return QCoreApplication::translate("Check", "no answer when reused (%1)").arg(r.error);
    case KeepAliveRound::Outcome::Failed:
        return u"failed (%1)"_s.arg(r.error);
    }
    return {};
}

} // namespace

KeepAliveCheck::KeepAliveCheck(QObject *parent)
    : Check(u"keepalive"_s,
            QCoreApplication::translate("Check", "Does the server keep idle connections open?"), {u"http"_s},
            parent)
{
}

void KeepAliveCheck::run()
{
    const DiagnosisContext &c = context();
    if (!c.target.checkKeepAlive) {
        complete(makeResult(
            CheckStatus::Skip,
            QCoreApplication::translate(
                "Check", "Not checked: it takes up to 15 seconds, so it only runs when you ask for it.")));
        return;
    }
    ExchangeRequest req = exchangeRequestFor(c, c.target.modelsUrl());
    const Provider provider = ProviderCatalog::instance().find(c.target.provider).value_or(Provider());
    req.headers.append(provider.authHeaders(sendableKey(c.target.apiKey)));
    // Each request gets at most 10 s; the pauses must end before the diagnosis does.
    req.timeoutMs = std::min(10000, c.remainingMs());
    const int budget = std::max(1, c.remainingMs() - 500);
    emit progress(
        QCoreApplication::translate("Check", "Reusing one connection after longer and longer pauses…"));
    m_probe = new KeepAliveProbe(req, pausesMs(), budget, this);
    connect(m_probe, &KeepAliveProbe::progress, this, &KeepAliveCheck::progress);
    connect(m_probe, &KeepAliveProbe::finished, this, &KeepAliveCheck::onDone);
    m_probe->start();
}

void KeepAliveCheck::onDone(const KeepAliveResult &x)
{
    QStringList hops;
    if (x.firstResponse)
        hops = detectHops(x.firstResponse->headers);
    hops.removeAll(u"llmdoctor-simulator"_s);
    const QString who =
        x.viaProxy       ? QCoreApplication::translate("Check", "The proxy, or the server behind it,")
        : hops.isEmpty() ? QCoreApplication::translate("Check", "The server, or a gateway in front of it,")
                         : QCoreApplication::translate("Check", "The server or a gateway in front of it (%1)")
                               .arg(hops.join(u", "_s));
    CheckResult r;
    if (!x.ok()) {
        r = makeResult(CheckStatus::Skip,
                       QCoreApplication::translate(
                           "Check", "The connection could not be tested: the first request failed (%1).")
                           .arg(x.error));
    } else if (!x.offered) {
        r = makeResult(
            CheckStatus::Pass,
            QCoreApplication::translate(
                "Check", "The server closes the connection after every answer, so no app can reuse one that "
                         "went stale (each request pays for a new connection)."));
    } else if (x.closedAfterMs >= 0) {
        const QString limit = seconds(x.closedAfterMs);
        r = makeResult(
            CheckStatus::Warn,
            QCoreApplication::translate(
                "Check",
                "%1 closes a connection after about %2 without traffic. An app that keeps connections open "
                "longer than that and reuses one just as it is closed gets \"connection reset\" or "
                "\"disconnect/"
                "reset before headers\": set its idle limit for pooled connections below %2.")
                .arg(who, limit));
        r.advice << u"keepalive_idle_close"_s;
        r.addDetail(u"closed after idle"_s, limit);
        r.timings.insert(u"idle_limit"_s, x.closedAfterMs);
    } else if (x.dropAfterPauseMs >= 0) {
        r = makeResult(
            CheckStatus::Warn,
            QCoreApplication::translate(
                "Check",
                "A connection left idle for %1 was dropped without any notice (after %2 it still worked): an "
                "app that reuses such a connection gets \"connection reset\" or \"disconnect/reset before "
                "headers\". Set its idle limit for pooled connections below %2, and retry once on a reset.")
                .arg(seconds(x.dropAfterPauseMs), seconds(x.longestKeptMs)),
            Category::Ok);
        r.advice << u"keepalive_idle_close"_s;
        r.addDetail(u"dropped after idle"_s, seconds(x.dropAfterPauseMs));
        r.timings.insert(u"idle_limit"_s, x.dropAfterPauseMs);
    } else {
        r = makeResult(
            CheckStatus::Pass,
            QCoreApplication::translate("Check", "The connection still worked after being idle for %1%2.")
                .arg(seconds(x.longestKeptMs),
                     x.budgetEnded ? QCoreApplication::translate(
                                         "Check", " (the longest pause that fitted in the time limit)")
                                   : QCoreApplication::translate("Check", ", the longest pause tried")));
    }
    if (x.ok() && x.offered)
        r.addDetail(u"kept open for"_s,
                    x.longestKeptMs > 0 ? u"at least "_s + seconds(x.longestKeptMs) : u"less than 1 s"_s);
    for (const KeepAliveRound &round : x.rounds) {
        r.addDetail(round.pauseMs == 0 ? u"first request"_s : u"after %1 idle"_s.arg(seconds(round.pauseMs)),
                    roundText(round));
    }
    if (!hops.isEmpty())
        r.addDetail(u"hops"_s, hops.join(u", "_s));
    if (x.viaProxy)
        r.addDetail(u"through proxy"_s, u"yes"_s);
    r.timings.insert(u"total"_s, x.totalMs);
    complete(r);
}

void KeepAliveCheck::abort()
{
    if (m_probe) {
        m_probe->disconnect(this);
        m_probe->cancel();
    }
}

} // namespace llmdoctor::core
