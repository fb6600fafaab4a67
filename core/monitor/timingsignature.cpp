#include "timingsignature.h"

#include "statistics.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <algorithm>
#include <cmath>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

QString seconds(double s)
{
    return s < 10 ? QString::number(s, 'f', 1) + u" s"_s : QString::number(std::lround(s)) + u" s"_s;
}

double median(std::vector<float> v)
{
    return percentile(v, 50);
}

// Failures that say nothing about how long something waited: the server answered at once.
bool quickRejection(const QString &category)
{
    static const QStringList quick{
        u"auth_missing_key"_s,   u"auth_invalid_key"_s,     u"permission_denied"_s, u"model_not_found"_s,
        u"endpoint_not_found"_s, u"rate_limited"_s,         u"quota_exhausted"_s,   u"bad_request"_s,
        u"dns_failure"_s,        u"connection_refused"_s,   u"cancelled"_s,         u"tls_untrusted"_s,
        u"tls_expired"_s,        u"tls_hostname_mismatch"_s};
    return quick.contains(category);
}

const QJsonArray &knownLimits()
{
    static const QJsonArray limits = [] {
        QFile f(u":/llmdoctor/timeouts.json"_s);
        if (!f.open(QIODevice::ReadOnly))
            qFatal("timeouts.json is missing from the resources");
        return QJsonDocument::fromJson(f.readAll()).object().value(u"limits").toArray();
    }();
    return limits;
}

std::optional<TimingSignature> fixedTimeFailure(const SampleStore &store, const SignatureContext &context)
{
    std::vector<float> failed, succeeded;
    QSet<QString> failureHops;
    QSet<int> failureStatuses;
    for (const Sample &s : store.samples()) {
        if (s.totalMs < 0)
            continue;
        if (s.ok()) {
            succeeded.push_back(s.totalMs);
        } else if (!quickRejection(categoryName(s.category))) {
            failed.push_back(s.totalMs);
            for (const QString &h : store.hops(s.hops))
                failureHops.insert(h);
            failureStatuses.insert(s.status);
        }
    }
    if (failed.size() < 3)
        return std::nullopt;
    const double m = median(failed);
    if (m < 1000)
        return std::nullopt; // fast failures are errors, not a limit running out
    const double tol = std::max(250.0, 0.05 * m);
    std::vector<float> cluster;
    for (const float f : failed) {
        if (std::abs(f - m) <= tol)
            cluster.push_back(f);
    }
    if (cluster.size() < 3 || double(cluster.size()) < 0.6 * double(failed.size()))
        return std::nullopt;
    // Successes must all be shorter: a limit ends everything that reaches it.
    if (!succeeded.empty() && *std::max_element(succeeded.begin(), succeeded.end()) >= m - tol)
        return std::nullopt;
    double sum = 0;
    for (const float f : cluster)
        sum += f;
    const double at = sum / double(cluster.size()) / 1000.0;

    TimingSignature sig;
    sig.kind = u"fixed_time_failure"_s;
    sig.seconds = std::round(at * 10) / 10;
    sig.count = int(cluster.size());
    if (std::abs(at * 1000 - context.probeTimeoutS * 1000) <= tol + 300) {
        sig.likely =
            QCoreApplication::translate(
                "Monitor",
                "llmdoctor's own time limit of %1 per request: the answer takes longer than that, or never "
                "comes")
                .arg(seconds(context.probeTimeoutS));
        sig.advice = QCoreApplication::translate(
            "Monitor",
            "Run again with a longer --timeout to see whether the answer comes at all, and after how "
            "long; if something on the way gives up first, its limit will show.");
        return sig;
    }
    // The closest known limit, preferring one whose product answered the failures.
    std::optional<QJsonObject> best;
    double bestScore = 1e9;
    for (const QJsonValue &v : knownLimits()) {
        const QJsonObject o = v.toObject();
        const double diff = std::abs(o.value(u"seconds").toDouble() - at);
        if (diff > o.value(u"tolerance").toDouble())
            continue;
        bool named = false;
        for (const QJsonValue &h : o.value(u"hops").toArray())
            named = named || failureHops.contains(h.toString());
        const double score = diff - (named ? 100 : 0);
        if (score < bestScore) {
            bestScore = score;
            best = o;
        }
    }
    QStringList named = QStringList(failureHops.begin(), failureHops.end());
    named.removeAll(u"llmdoctor-simulator"_s);
    named.sort();
    if (best) {
        sig.likely = best->value(u"likely").toString();
        sig.advice = best->value(u"advice").toString();
    } else {
        const bool gatewaySaidSo = failureStatuses.contains(504) || failureStatuses.contains(524);
        sig.likely = named.isEmpty()
                         ? QCoreApplication::translate(
                               "Monitor", "a proxy or gateway on the way that gives up after about %1")
                               .arg(seconds(at))
                         : QCoreApplication::translate(
                               "Monitor", "%1 (named in the failed answers), which gives up after about %2")
                               .arg(named.join(u", "_s), seconds(at));
        sig.advice =
            (gatewaySaidSo
                 ? QCoreApplication::translate("Monitor", "The gateway answered \"timed out\" itself: ")
                 : QString()) +
            QCoreApplication::translate(
                "Monitor",
                "requests that take longer than %1 are cut off on the way. If you run that proxy, raise its "
                "time limit for reading the answer (nginx: proxy_read_timeout; HAProxy: timeout server; "
                "Envoy: "
                "the route's timeout); otherwise use streaming so bytes flow before the limit, or ask the "
                "provider.")
                .arg(seconds(at));
    }
    if (context.viaProxy && !best)
        sig.likely += QCoreApplication::translate("Monitor", "; your proxy is one candidate");
    return sig;
}

std::optional<TimingSignature> resetAfterIdle(const SampleStore &store)
{
    // Idle time before each probe: since the previous one ended.
    struct Probe
    {
        double idleS;
        bool reset;
        bool ok;
    };
    std::vector<Probe> probes;
    for (qsizetype i = 1; i < store.size(); ++i) {
        const Sample &prev = store.at(i - 1);
        const Sample &s = store.at(i);
        const double prevEnd = prev.timeMs + std::max(0.0f, prev.totalMs);
        probes.push_back({std::max(0.0, (s.timeMs - prevEnd) / 1000.0),
                          categoryName(s.category) == u"upstream_reset", s.ok()});
    }
    double threshold = 1e18;
    int resets = 0;
    for (const Probe &p : probes) {
        if (p.reset) {
            threshold = std::min(threshold, p.idleS);
            ++resets;
        }
    }
    if (resets < 2)
        return std::nullopt;
    int shortOk = 0, longAll = 0, longResets = 0;
    for (const Probe &p : probes) {
        if (p.idleS < threshold)
            shortOk += p.ok ? 1 : 0;
        else {
            ++longAll;
            longResets += p.reset ? 1 : 0;
        }
    }
    // Short pauses must work, and long ones mostly fail: then idleness, not chance, decides.
    if (shortOk < 3 || double(longResets) < 0.6 * longAll || threshold < 0.5)
        return std::nullopt;
    TimingSignature sig;
    sig.kind = u"reset_after_idle"_s;
    sig.seconds = std::round(threshold * 10) / 10;
    sig.count = longResets;
    sig.likely =
        QCoreApplication::translate(
            "Monitor",
            "a connection kept open while idle is closed on the other side after about %1 without telling "
            "the client (a keep-alive mismatch): the next request on it fails with \"reset before "
            "headers\"")
            .arg(seconds(threshold));
    sig.advice =
        QCoreApplication::translate(
            "Monitor",
            "Make clients drop pooled connections that have been idle for less than %1 (httpx: "
            "keepalive_expiry; Node.js: the agent's keep-alive timeout; requests/urllib3: a smaller pool "
            "lifetime), and retry once on a connection reset. If you run the gateway, keep its upstream "
            "keep-alive timeout shorter than the server's.")
            .arg(seconds(threshold));
    return sig;
}

QList<TimingSignature> ipv6Signatures(const SampleStore &store)
{
    int v4 = 0, v4ok = 0, v6 = 0, v6ok = 0;
    std::vector<float> v4Connect, v6Connect, v6FailTimes;
    for (const Sample &s : store.samples()) {
        if (s.connectMs < 0 && s.ok())
            continue;
        if (categoryName(s.category) == u"dns_failure")
            continue; // no address family was tried
        if (s.ipv6()) {
            ++v6;
            if (s.ok()) {
                ++v6ok;
                v6Connect.push_back(s.connectMs);
            } else if (s.totalMs >= 0) {
                v6FailTimes.push_back(s.totalMs);
            }
        } else {
            ++v4;
            if (s.ok()) {
                ++v4ok;
                v4Connect.push_back(s.connectMs);
            }
        }
    }
    QList<TimingSignature> out;
    if (v4 < 3 || v6 < 3)
        return out;
    const double r4 = double(v4ok) / v4, r6 = double(v6ok) / v6;
    if (r4 >= 0.8 && r6 <= r4 - 0.3) {
        TimingSignature sig;
        sig.kind = u"ipv6_failing"_s;
        sig.count = v6 - v6ok;
        sig.seconds = v6FailTimes.empty() ? 0 : std::round(median(v6FailTimes) / 100) / 10;
        sig.likely =
            QCoreApplication::translate(
                "Monitor",
                "the IPv6 route to the server: %1 of %2 requests over IPv6 failed while %3 of %4 over IPv4 "
                "worked")
                .arg(v6 - v6ok)
                .arg(v6)
                .arg(v4ok)
                .arg(v4);
        sig.advice = QCoreApplication::translate(
            "Monitor",
            "Programs that try IPv6 first wait or fail where IPv4 would work. Tell your network "
            "administrator or internet provider that IPv6 to this server is broken; until then prefer "
            "IPv4 (on Linux: `precedence ::ffff:0:0/96 100` in /etc/gai.conf).");
        out.append(sig);
        return out;
    }
    if (v4Connect.size() >= 3 && v6Connect.size() >= 3) {
        const double m4 = median(v4Connect), m6 = median(v6Connect);
        if (m6 - m4 >= std::max(50.0, 0.5 * m4)) {
            TimingSignature sig;
            sig.kind = u"ipv6_slower"_s;
            sig.count = int(v6Connect.size());
            sig.seconds = std::round((m6 - m4)) / 1000.0;
            sig.likely = QCoreApplication::translate(
                             "Monitor",
                             "a longer IPv6 route: connecting over IPv6 takes %1 ms against %2 ms over IPv4")
                             .arg(std::lround(m6))
                             .arg(std::lround(m4));
            sig.advice = QCoreApplication::translate(
                "Monitor",
                "Not an error, but every new connection pays the difference. If it matters, prefer IPv4 "
                "for this server, and tell your network administrator.");
            out.append(sig);
        }
    }
    return out;
}

// Handshake rounds lost when a connect ends deltaMs after the usual time; 0 when that is no
// retransmission delay. Linux retransmits a SYN after 1 s, then 3 s, 7 s, 15 s from the start, and
// a lost SYN-ACK shows at 2 s or 4 s too (the server's own timer), so every whole second counts;
// Windows starts at 3 s (3, 9, 21).
int roundsLost(double deltaMs, double tolMs)
{
#ifdef Q_OS_WIN
    static const std::vector<std::pair<double, int>> steps{{3000, 1}, {9000, 2}, {21000, 3}};
    for (const auto &[ms, lost] : steps) {
        if (std::abs(deltaMs - ms) <= tolMs)
            return lost;
    }
    return 0;
#else
    const double seconds = std::round(deltaMs / 1000);
    if (seconds < 1 || seconds > 63 || std::abs(deltaMs - seconds * 1000) > tolMs)
        return 0;
    return int(std::floor(std::log2(seconds))) + 1; // 1 s: 1; 2–3 s: 2; 4–7 s: 3; …
#endif
}

double firstRetransmissionS()
{
#ifdef Q_OS_WIN
    return 3;
#else
    return 1;
#endif
}

// A connect that ran into the probe's deadline without an answer.
bool connectUnfinished(const Sample &s)
{
    if (s.connectMs >= 0 || s.dnsMs < 0)
        return false;
    const QString category = categoryName(s.category);
    return category == u"connect_timeout" || category == u"timeout";
}

QString msText(double ms)
{
    return ms < 10 ? QString::number(ms, 'f', 1) : QString::number(std::lround(ms));
}

std::optional<TimingSignature> packetLoss(const SampleStore &store)
{
    std::vector<float> connects;
    std::vector<float> answers; // whole probes that worked: a hidden handshake shows here
    int unfinished = 0;
    bool viaProxy = false;
    for (const Sample &s : store.samples()) {
        // Through a proxy the connect is to the proxy, nearby: it says nothing about the path beyond.
        const bool proxied = s.flags & Sample::ViaProxy;
        viaProxy = viaProxy || proxied;
        if (!proxied) {
            if (s.connectMs >= 0)
                connects.push_back(s.connectMs);
            else if (connectUnfinished(s))
                ++unfinished;
        }
        if (s.ok() && s.totalMs >= 0)
            answers.push_back(s.totalMs);
    }
    LossEstimate loss = estimateLoss(connects, unfinished);
    // Not in our own connects: perhaps in a connect made for us, by the proxy or a gateway. Its lost
    // SYN or SYN-ACK makes the whole answer a retransmission timeout late, the rest are fast.
    const bool inAnswers = !loss.lossFound();
    if (inAnswers) {
        loss = estimateLoss(answers);
        if (!loss.lossFound())
            return std::nullopt;
    }
    TimingSignature sig;
    sig.kind = u"packet_loss"_s;
    sig.count = loss.delayed;
    sig.share = std::round(loss.share * 1000) / 1000;
    sig.seconds = firstRetransmissionS();
    const int percent = std::max(1, int(std::lround(loss.share * 100)));
    if (!inAnswers) {
        sig.likely =
            QCoreApplication::translate(
                "Monitor",
                "your connection to the server loses packets: %1 of %2 connections had to be retried by your "
                "computer after %3 or more, the mark of a lost packet, while the others took %4 ms; about "
                "%5% "
                "of packets are lost. Loss makes requests slow now and then, and makes apps time out or fail "
                "at random")
                .arg(loss.delayed)
                .arg(loss.connects + loss.unfinished)
                .arg(seconds(sig.seconds))
                .arg(msText(loss.baseMs))
                .arg(percent);
        sig.advice = QCoreApplication::translate(
            "Monitor",
            "Find where the packets are lost: run \"llmdoctor path\" (or diagnose with --check-path) to see "
            "the route hop by hop. On Wi-Fi, move closer to the access point or try a cable. If the loss "
            "starts beyond your own router, send the path to your internet provider or network "
            "administrator: they can fix it, the API provider cannot.");
        return sig;
    }
    const QString who = viaProxy ? QCoreApplication::translate("Monitor", "your proxy")
                                 : QCoreApplication::translate("Monitor", "a proxy or gateway on the way");
    sig.likely =
        QCoreApplication::translate(
            "Monitor",
            "packets are lost between %1 and the server: %2 of %3 answers came %4 or more late, the time a "
            "computer waits before it sends a lost packet again when it opens a connection, while the others "
            "took %5 ms; about %6% of packets are lost on that link. Your own connection to %1 is fine")
            .arg(who)
            .arg(loss.delayed)
            .arg(loss.connects)
            .arg(seconds(sig.seconds))
            .arg(msText(loss.baseMs))
            .arg(percent);
    sig.advice =
        (viaProxy
             ? QCoreApplication::translate(
                   "Monitor",
                   "Tell whoever runs your proxy (your network administrator): its link to the internet or "
                   "to this server loses packets. ")
             : QCoreApplication::translate(
                   "Monitor",
                   "If you run a gateway or proxy in front of the API, check its link to the servers "
                   "behind it; otherwise send this to your network administrator or the provider. ")) +
        QCoreApplication::translate(
            "Monitor", "\"llmdoctor path\" run on that machine shows the hop where the loss starts.");
    return sig;
}

std::optional<TimingSignature> jitter(const SampleStore &store)
{
    std::vector<float> connects;
    std::vector<float> answers; // first byte after the request: one round trip plus the server's own time
    for (const Sample &s : store.samples()) {
        if (s.connectMs >= 0 && !(s.flags & Sample::ViaProxy)) {
            connects.push_back(s.connectMs);
            if (s.ok() && s.ttfbMs >= 0)
                answers.push_back(s.ttfbMs);
        }
    }
    const LossEstimate loss = estimateLoss(connects);
    if (loss.baseMs < 0)
        return std::nullopt;
    // Round trips without the retransmitted ones: those are loss, not jitter.
    std::vector<float> rtts;
    for (const float c : connects) {
        if (c - loss.baseMs < 500)
            rtts.push_back(c);
    }
    if (rtts.size() < 8)
        return std::nullopt;
    std::vector<float> sorted = rtts;
    const double p10 = percentile(sorted, 10), p50 = percentile(sorted, 50), p90 = percentile(sorted, 90);
    const double spread = p90 - p10;
    // The server's own time varies by what the answers vary beyond their round trip. Round trips that
    // jitter on their own (each packet delayed anew) make answers vary as much as the connects do,
    // so the spreads add up as for independent parts: server² = answers² - round trips².
    double serverSpread = 0;
    if (answers.size() >= 8) {
        std::vector<float> v = answers;
        const double answerSpread = percentile(v, 90) - percentile(v, 10);
        serverSpread = std::sqrt(std::max(0.0, answerSpread * answerSpread - spread * spread));
    }
    // Far beyond the usual round trip, and at least as much as the server's own time varies.
    if (spread < std::max(30.0, 0.5 * p50) || spread < serverSpread)
        return std::nullopt;
    TimingSignature sig;
    sig.kind = u"jitter"_s;
    sig.seconds = std::round(spread) / 1000.0;
    sig.count = int(std::count_if(rtts.begin(), rtts.end(), [&](float r) { return r - p50 >= spread / 2; }));
    sig.likely =
        QCoreApplication::translate(
            "Monitor",
            "an unsteady connection: the time to reach the server varies by %1 ms (from %2 to %3 ms) while "
            "the "
            "server itself answers steadily. Usually a busy or weak Wi-Fi, a saturated line (uploads, "
            "streaming, backups) or a congested provider network")
            .arg(std::lround(spread))
            .arg(std::lround(p10))
            .arg(std::lround(p90));
    sig.advice = QCoreApplication::translate(
        "Monitor",
        "Calls will be slow at random. Try a cable instead of Wi-Fi, pause large uploads and downloads, "
        "and run \"llmdoctor path\" to see at which hop the delay starts; if it is beyond your own router, "
        "tell your internet provider or network administrator.");
    return sig;
}
} // namespace

bool LossEstimate::lossFound() const
{
    // Two or more retransmitted connects, and most of them fast: loss, not a slow or dead server.
    return connects >= 5 && delayed >= 2 && delayed * 2 <= connects;
}

LossEstimate estimateLoss(const std::vector<float> &connectMs, int unfinished)
{
    LossEstimate e;
    e.unfinished = std::max(0, unfinished);
    std::vector<float> all;
    for (const float c : connectMs) {
        if (c >= 0)
            all.push_back(c);
    }
    e.connects = int(all.size());
    if (all.empty())
        return e;
    std::vector<float> sorted = all;
    const double base0 = percentile(sorted, 50);
    std::vector<float> fast;
    int slowOther = 0;
    int lateOther = 0; // of them, a retransmission delay or more late: a lost round and then more
    const double tol = std::max(150.0, 0.5 * base0 + 50);
    for (const float c : all) {
        const double delta = c - base0;
        if (delta < 500) {
            fast.push_back(c);
            continue;
        }
        if (const int lost = roundsLost(delta, tol); lost > 0) {
            ++e.delayed;
            e.retransmissions += lost;
        } else {
            ++slowOther;
            if (delta >= firstRetransmissionS() * 1000 - tol)
                ++lateOther;
        }
    }
    e.fast = int(fast.size());
    e.baseMs = fast.empty() ? base0 : percentile(fast, 50);
    // Slow connects that are not at a retransmission delay make it something else (a slow server).
    if (slowOther > e.delayed) {
        e.delayed = 0;
        e.retransmissions = 0;
    }
    // A first round is clean with (1 - p)² (SYN out, SYN-ACK back): the fast ones. The delayed, the
    // unfinished and those later than a retransmission delay lost theirs (an answer can be a lost
    // handshake and a lost data packet late); those less late are neither and are left out.
    const int firstRounds = e.fast + e.delayed + lateOther + e.unfinished;
    if (firstRounds > 0)
        e.share = 1 - std::sqrt(double(e.fast) / double(firstRounds));
    return e;
}

QJsonObject TimingSignature::toJson() const
{
    QJsonObject o{{u"kind"_s, kind},
                  {u"seconds"_s, seconds},
                  {u"count"_s, count},
                  {u"likely"_s, likely},
                  {u"advice"_s, advice}};
    if (share >= 0)
        o.insert(u"share"_s, share);
    return o;
}

QList<TimingSignature> detectSignatures(const SampleStore &store, const SignatureContext &context)
{
    QList<TimingSignature> out;
    if (auto s = fixedTimeFailure(store, context))
        out.append(*s);
    if (auto s = resetAfterIdle(store))
        out.append(*s);
    out.append(ipv6Signatures(store));
    if (auto s = packetLoss(store))
        out.append(*s);
    if (auto s = jitter(store))
        out.append(*s);
    return out;
}

} // namespace llmdoctor::core
