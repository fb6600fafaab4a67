#include "textreport.h"

#include "../diagnosis/hops.h"
#include "../diagnosis/ratelimit.h"
#include "../monitor/monitor.h"
#include "findings.h"

#include <cmath>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

QString ms(double v)
{
    return v < 0 ? u"–"_s : QString::number(v, 'f', v < 10 ? 1 : 0) + u" ms"_s;
}

} // namespace

QString paint(bool color, const QString &text, const char *code)
{
    return color ? u"\x1b["_s + QLatin1String(code) + u"m"_s + text + u"\x1b[0m"_s : text;
}

QString verdictText(const Verdict &v, bool color)
{
    QString out;
    const bool ok = v.category == Category::Ok;
    out += paint(color, ok ? u"✔ "_s + v.headline : u"✖ "_s + v.headline, ok ? "1;32" : "1;31") + u"\n"_s;
    if (!ok && v.blame != Blame::None)
        out += u"  Who should act: %1 (blame: %2, confidence %3%)\n"_s
                   .arg(Verdict::whoActs(v.blame), v.blameName())
                   .arg(qRound(v.confidence * 100));
    out += u"  "_s + v.explanation + u"\n"_s;
    if (!v.nextSteps.isEmpty()) {
        out += u"\nWhat to do:\n"_s;
        for (qsizetype i = 0; i < v.nextSteps.size(); ++i)
            out += u"  %1. %2\n"_s.arg(i + 1).arg(v.nextSteps.at(i));
    }
    if (!v.alsoFound.isEmpty()) {
        out += u"\nAlso found:\n"_s;
        for (const AlsoFound &a : v.alsoFound)
            out += u"  - %1 (%2)\n"_s.arg(a.headline, Verdict::whoActs(a.blame));
    }
    for (const Snippet &snippet : v.snippets) {
        // Indented so that it copies cleanly and stands apart from the prose.
        out += u"\n  %1:\n"_s.arg(snippet.title);
        for (const QString &line : snippet.code.split(u'\n'))
            out += u"      "_s + line + u'\n';
    }

    return out;
}

QString reportText(const Findings &f, bool color)
{
    auto colour = [color](const QString &text, const char *code) { return paint(color, text, code); };
    const Verdict &v = f.verdict;
    const DiagnosisContext &c = f.context;
    QString out;
    out += u"llmdoctor %1: %2\n\n"_s.arg(QStringLiteral(LLMDOCTOR_VERSION), shownUrl(c.target.baseUrl));

    out += verdictText(v, color);
    if (f.pasted) {
        out += u"\nThe error you pasted:\n"_s;
        for (const QString &line : f.pasted->text.split(u'\n'))
            out += u"  | "_s + line + u'\n';
        out += u"  On its own it reads as: %1 (%2)\n"_s.arg(f.pasted->reading.headline,
                                                            Verdict::whoActs(f.pasted->reading.blame));
        if (const QString sure = f.pasted->certainty.inWords(); !sure.isEmpty())
            out += u"  "_s + sure + u'\n';
    }

    out += u"\nChecks:\n"_s;
    for (const CheckResult &r : f.checks) {
        QString mark;
        switch (r.status) {
        case CheckStatus::Pass:
            mark = colour(u"pass"_s, "32");
            break;
        case CheckStatus::Warn:
            mark = colour(u"warn"_s, "33");
            break;
        case CheckStatus::Fail:
            mark = colour(u"FAIL"_s, "31");
            break;
        case CheckStatus::Skip:
            mark = colour(u"skip"_s, "90");
            break;
        }
        out += u"  [%1] %2\n         %3\n"_s.arg(mark, r.title, r.summary);
    }

    if (const auto timing = f.timing()) {
        const PhaseDurations &d = timing->phases;
        out +=
            u"\nTimings: name lookup %1 · connect %2 · TLS %3 · waiting for first byte %4 · total %5\n"_s.arg(
                ms(d.dns), ms(d.connect), ms(d.tls), ms(d.ttfb), ms(d.total));
        if (timing->failedPhase != Phase::None)
            out += failedPhaseSentence(timing->failedPhase, timing->failedPhaseMs) + u'\n';
        if (c.modelList->response) {
            if (const auto wait = suggestedWaitSeconds(parsedRateLimits(c.modelList->response->headers)))
                out += u"Rate limit: the provider asks you to wait %1\n"_s.arg(plainWait(*wait));
        }
    }
    // What a support team asks for first.
    if (!f.requestIds.isEmpty()) {
        QStringList parts;
        for (const auto &[k, id] : f.requestIds)
            parts << k + u": "_s + id;
        out += u"Request ids (quote them to support): %1\n"_s.arg(parts.join(u", "_s));
    }
    if (c.statusPage) {
        const StatusSnapshot &page = *c.statusPage;
        out += u"Status page: %1 (%2)%3\n"_s.arg(
            page.pageUrl, page.description.isEmpty() ? indicatorName(page.indicator) : page.description,
            page.incidents.isEmpty() ? QString() : u"; incident: "_s + page.incidents.first().name);
    }
    if (c.proxy.proxy)
        out += u"Proxy: %1 (from %2)\n"_s.arg(proxyForDisplay(*c.proxy.proxy), c.proxy.reason);
    if (f.retry) {
        out += u"\nWait and retry: %1 after %2 attempts against %3\n"_s
                   .arg(Retrier::outcomeName(f.retry->outcome))
                   .arg(f.retry->attempts.size())
                   .arg(f.retry->target.address);
        for (const RetryAttempt &a : f.retry->attempts)
            out += u"  #%1  %2  %3  %4\n"_s.arg(a.n).arg(
                a.status ? u"HTTP %1"_s.arg(a.status) : a.category, ms(a.durationMs),
                a.n == 1 ? QString()
                         : u"after waiting %1 s: %2"_s.arg(a.waitedMs / 1000.0, 0, 'f', 1).arg(a.waitReason));
    }
    if (f.monitor) {
        const RunStats &s = f.monitor->stats;
        out += u"\nMonitor: %1 probes every %2 s, %3% worked (%4)"_s.arg(s.probes)
                   .arg(f.monitor->intervalS)
                   .arg(std::lround(s.successRate * 100))
                   .arg(f.monitor->target.address);
        if (const auto total = s.phases.constFind(u"total"_s); total != s.phases.cend())
            out += u"; time to answer p50 %1, p90 %2, p99 %3"_s.arg(ms(total->p50), ms(total->p90),
                                                                    ms(total->p99));
        out += u"\n"_s;
        for (const TimingSignature &sig : f.monitor->signatures)
            out += u"  Pattern: %1. %2\n"_s.arg(sig.likely, sig.advice);
    }
    // The route hop by hop: the path check's, else the one the Watch window followed.
    if (f.path)
        out += u"\n"_s + pathTable(*f.path);
    out += u"\nEnvironment:\n"_s;
    for (const auto &[name, value] : f.environment)
        out += u"  %1: %2\n"_s.arg(name, value);
    const SupportMessage &message = f.support;
    out += u"\nA message you can send to %1:\n\n"_s.arg(message.to);
    out += u"  Subject: %1\n\n"_s.arg(message.subject);
    for (const QString &line : message.body.split(u'\n'))
        out += (line.isEmpty() ? QString() : u"  "_s + line) + u'\n';
    out += u"\nTo repeat the request yourself (the key is read from the environment):\n  %1\n"_s.arg(f.curl);
    return out;
}

} // namespace llmdoctor::core
