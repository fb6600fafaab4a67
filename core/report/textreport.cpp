#include "textreport.h"

#include "../checks/diagnosis.h"
#include "../checks/diagnosiscontext.h"
#include "../diagnosis/hops.h"
#include "../diagnosis/ratelimit.h"
#include "../monitor/monitor.h"
#include "../monitor/retrier.h"
#include "reportparts.h"

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
    for (const Snippet &snippet : v.snippets) {
        // Indented so that it copies cleanly and stands apart from the prose.
        out += u"\n  %1:\n"_s.arg(snippet.title);
        for (const QString &line : snippet.code.split(u'\n'))
            out += u"      "_s + line + u'\n';
    }

    return out;
}

QString reportText(const Diagnosis &diagnosis, bool color, const Retrier *retry, const Monitor *monitor,
                   const PathResult *watchedPath)
{
    auto colour = [color](const QString &text, const char *code) { return paint(color, text, code); };
    const Verdict v = diagnosis.verdict();
    const DiagnosisContext &c = diagnosis.context();
    QString out;
    out += u"llmdoctor %1: %2\n\n"_s.arg(QStringLiteral(LLMDOCTOR_VERSION), shownUrl(c.target.baseUrl));

    out += verdictText(v, color);

    out += u"\nChecks:\n"_s;
    for (const CheckResult &r : diagnosis.results()) {
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

    if (c.modelList) {
        const PhaseDurations d = PhaseDurations::fromMarks(c.modelList->marks);
        out +=
            u"\nTimings: name lookup %1 · connect %2 · TLS %3 · waiting for first byte %4 · total %5\n"_s.arg(
                ms(d.dns), ms(d.connect), ms(d.tls), ms(d.ttfb), ms(d.total));
        // What a support team asks for first.
        if (c.modelList->response) {
            const auto ids = requestIds(c.modelList->response->headers);
            QStringList parts;
            for (auto it = ids.cbegin(); it != ids.cend(); ++it)
                parts << it.key() + u": "_s + it.value();
            if (!parts.isEmpty())
                out += u"Request ids (quote them to support): %1\n"_s.arg(parts.join(u", "_s));
            if (const auto wait = suggestedWaitSeconds(parsedRateLimits(c.modelList->response->headers)))
                out += u"Rate limit: the provider asks you to wait %1\n"_s.arg(plainWait(*wait));
        }
    }
    if (c.statusPage) {
        const StatusSnapshot &page = *c.statusPage;
        out += u"Status page: %1 (%2)%3\n"_s.arg(
            page.pageUrl, page.description.isEmpty() ? indicatorName(page.indicator) : page.description,
            page.incidents.isEmpty() ? QString() : u"; incident: "_s + page.incidents.first().name);
    }
    if (c.proxy.proxy)
        out += u"Proxy: %1 (from %2)\n"_s.arg(proxyForDisplay(*c.proxy.proxy), c.proxy.reason);
    if (retry && !retry->attempts().isEmpty()) {
        out += u"\nWait and retry: %1 after %2 attempts\n"_s.arg(Retrier::outcomeName(retry->outcome()))
                   .arg(retry->attempts().size());
        for (const RetryAttempt &a : retry->attempts())
            out += u"  #%1  %2  %3  %4\n"_s.arg(a.n).arg(
                a.status ? u"HTTP %1"_s.arg(a.status) : a.category, ms(a.durationMs),
                a.n == 1 ? QString()
                         : u"after waiting %1 s: %2"_s.arg(a.waitedMs / 1000.0, 0, 'f', 1).arg(a.waitReason));
    }
    if (monitor && !monitor->samples().isEmpty()) {
        const RunStats s = monitor->stats();
        out += u"\nMonitor: %1 probes every %2 s, %3% worked"_s.arg(s.probes)
                   .arg(monitor->options().intervalS)
                   .arg(std::lround(s.successRate * 100));
        if (const auto total = s.phases.constFind(u"total"_s); total != s.phases.cend())
            out += u"; time to answer p50 %1, p90 %2, p99 %3"_s.arg(ms(total->p50), ms(total->p90),
                                                                    ms(total->p99));
        out += u"\n"_s;
        for (const TimingSignature &sig : monitor->signatures())
            out += u"  Pattern: %1. %2\n"_s.arg(sig.likely, sig.advice);
    }
    // The route hop by hop: the path check's, else the one the Watch window followed.
    const PathResult *path = c.path && !c.path->method.isEmpty() ? &*c.path : watchedPath;
    if (path && !path->method.isEmpty())
        out += u"\n"_s + pathTable(*path);
    out += u"\nEnvironment:\n"_s;
    for (const auto &[name, value] : environmentFacts(c))
        out += u"  %1: %2\n"_s.arg(name, value);
    const SupportMessage message = supportMessage(diagnosis);
    out += u"\nA message you can send to %1:\n\n"_s.arg(message.to);
    out += u"  Subject: %1\n\n"_s.arg(message.subject);
    for (const QString &line : message.body.split(u'\n'))
        out += (line.isEmpty() ? QString() : u"  "_s + line) + u'\n';
    out += u"\nTo repeat the request yourself (the key is read from the environment):\n  %1\n"_s.arg(
        curlCommand(c));
    return out;
}

} // namespace llmdoctor::core
