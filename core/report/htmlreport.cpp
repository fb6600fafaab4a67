#include "../diagnosis/hops.h"
#include "../monitor/monitor.h"
#include "findings.h"
#include "report.h"
#include "svgchart.h"

#include <QCoreApplication>
#include <cmath>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString ms(double v)
{
    if (v < 0)
        return u"–"_s;
    return v < 10 ? QString::number(v, 'f', 1) + u" ms"_s : QString::number(std::lround(v)) + u" ms"_s;
}

const char16_t *statusClass(CheckStatus s)
{
    switch (s) {
    case CheckStatus::Pass:
        return u"pass";
    case CheckStatus::Warn:
        return u"warn";
    case CheckStatus::Fail:
        return u"fail";
    case CheckStatus::Skip:
        return u"skip";
    }
    return u"skip";
}

QString statusWord(CheckStatus s)
{
    switch (s) {
    case CheckStatus::Pass:
        return QCoreApplication::translate("Report", "OK");
    case CheckStatus::Warn:
        return QCoreApplication::translate("Report", "Worth a look");
    case CheckStatus::Fail:
        return QCoreApplication::translate("Report", "Problem");
    case CheckStatus::Skip:
        return QCoreApplication::translate("Report", "Not checked");
    }
    return {};
}

// Light and dark, from the reader's system setting; printable.
constexpr auto kStyle = uR"(
:root { color-scheme: light dark; --fg:#1d1d1f; --bg:#ffffff; --muted:#5f6368; --line:#d9d9de; --card:#f6f7f9;
        --pass:#1e8e3e; --warn:#b06000; --fail:#c5221f; --skip:#70757a; }
@media (prefers-color-scheme: dark) { :root { --fg:#e8eaed; --bg:#1f2023; --muted:#9aa0a6; --line:#3c4043;
        --card:#2a2b2e; --pass:#81c995; --warn:#fdd663; --fail:#f28b82; --skip:#9aa0a6; } }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg);
       background: var(--bg); max-width: 920px; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.6em; margin: 0.2em 0; } h2 { font-size: 1.2em; margin-top: 1.6em; }
.meta, .muted { color: var(--muted); } .who { font-weight: 600; font-size: 1.1em; }
.verdict { border-left: 6px solid var(--fail); padding: 0.4em 1em; background: var(--card); border-radius: 6px; }
.verdict.ok { border-color: var(--pass); }
table { border-collapse: collapse; width: 100%; } td, th { text-align: left; padding: 4px 8px;
        border-bottom: 1px solid var(--line); vertical-align: top; }
.pass { color: var(--pass); } .warn { color: var(--warn); } .fail { color: var(--fail); } .skip { color: var(--skip); }
pre { background: var(--card); padding: 0.6em; border-radius: 6px; overflow-x: auto; white-space: pre-wrap;
      word-break: break-all; font-size: 13px; }
details { margin: 0.3em 0; } summary { cursor: pointer; }
svg text { fill: var(--fg); }
)";

} // namespace

QByteArray htmlReport(const Findings &f, bool printable)
{ // A page layout wraps no <pre>: there, long lines wrap as paragraphs.
    const QString preOpen =
        printable ? u"<p style=\"white-space: pre-wrap; font-family: monospace\">"_s : u"<pre>"_s;
    const QString preClose = printable ? u"</p>"_s : u"</pre>"_s;

    const DiagnosisContext &c = f.context;
    const Verdict &v = f.verdict;
    const bool ok = v.category == Category::Ok;
    QString h;
    h += u"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<meta name=\"generator\" content=\"llmdoctor %1\"><title>llmdoctor report: "
         "%2</title><style>%3</style></head>\n"
         "<body>\n"_s.arg(QStringLiteral(LLMDOCTOR_VERSION), esc(c.target.baseUrl.host()),
                          QString::fromUtf16(kStyle));
    h += u"<p class=\"meta\">llmdoctor report · %1 · %2%3</p>\n"_s.arg(
        esc(f.startedAt.toString(u"yyyy-MM-dd HH:mm:ss t"_s)), esc(shownUrl(c.target.baseUrl)),
        c.target.model.isEmpty() ? QString() : u" · model "_s + esc(c.target.model));
    h += u"<section class=\"verdict%1\"><h1>%2</h1>"_s.arg(ok ? u" ok"_s : QString(), esc(v.headline));
    if (v.blame != Blame::None)
        h += u"<p class=\"who\">Who should act: %1</p>"_s.arg(esc(Verdict::whoActs(v.blame)));
    h += u"<p>%1</p><p class=\"muted\">Category <code>%2</code>, confidence %3%</p></section>\n"_s
             .arg(esc(v.explanation), v.categoryName())
             .arg(std::lround(v.confidence * 100));
    if (!v.nextSteps.isEmpty()) {
        h += u"<h2>"_s + QCoreApplication::translate("Report", "What to do next") + u"</h2><ol>"_s;
        for (const QString &step : v.nextSteps)
            h += u"<li>"_s + esc(step) + u"</li>"_s;
        h += u"</ol>\n"_s;
    }
    if (!v.alsoFound.isEmpty()) {
        h += u"<h2>"_s + QCoreApplication::translate("Report", "Also found") + u"</h2><ul>"_s;
        for (const AlsoFound &a : v.alsoFound)
            h += u"<li>%1 <span class=\"muted\">(who should act: %2)</span></li>"_s.arg(
                esc(a.headline), esc(Verdict::whoActs(a.blame)));
        h += u"</ul>\n"_s;
    }
    if (f.pasted) {
        h += u"<h2>"_s + QCoreApplication::translate("Report", "The error you pasted") + u"</h2>"_s +
             preOpen + esc(f.pasted->text) + preClose;
        h += u"<p>%1 <span class=\"muted\">%2</span></p>\n"_s.arg(
            esc(QCoreApplication::translate("Report", "On its own it reads as: %1")
                    .arg(f.pasted->reading.headline)),
            esc(QCoreApplication::translate("Report", "(who should act: %1)")
                    .arg(Verdict::whoActs(f.pasted->reading.blame))));
        if (const QString sure = f.pasted->certainty.inWords(); !sure.isEmpty())
            h += u"<p>%1</p>\n"_s.arg(esc(sure));
    }

    const QString question = QCoreApplication::translate("Report", "Question");
    const QString result = QCoreApplication::translate("Report", "Result");
    const QString found = QCoreApplication::translate("Report", "What it found");
    h += printable
             ? u"<h2>"_s + QCoreApplication::translate("Report", "Checks") +
                   u"</h2><table width=\"100%\"><tr><th width=\"30%\">%1</th><th width=\"12%\">%2</th>"
                   "<th width=\"58%\">%3</th></tr>\n"_s.arg(question, result, found)
             : u"<h2>"_s + QCoreApplication::translate("Report", "Checks") +
                   u"</h2><table><tr><th>%1</th><th>%2</th><th>%3</th></tr>\n"_s.arg(question, result, found);
    for (const CheckResult &r : f.checks) {
        h += u"<tr><td>%1</td><td class=\"%2\">%3</td><td>%4"_s.arg(
            esc(r.title), QString::fromUtf16(statusClass(r.status)), statusWord(r.status), esc(r.summary));
        if (printable) {
            // Facts as small lines under the summary: page layout handles no table in a table.
            for (const auto &[k, val] : r.details)
                h += u"<br><small>%1: %2</small>"_s.arg(esc(k), esc(val));
            h += u"</td></tr>\n"_s;
            continue;
        }
        if (!r.details.isEmpty() || !r.evidence.isEmpty()) {
            h += u"<details><summary>Details</summary><table>"_s;
            for (const auto &[k, val] : r.details)
                h += u"<tr><td>%1</td><td>%2</td></tr>"_s.arg(esc(k), esc(val));
            h += u"</table>"_s;
            if (!r.evidence.isEmpty())
                h += u"<pre>%1</pre>"_s.arg(esc(r.evidence));
            h += u"</details>"_s;
        }
        h += u"</td></tr>\n"_s;
    }
    h += u"</table>\n"_s;

    if (const auto timing = f.timing()) {
        const ExchangeResult &x = *c.modelList;
        const PhaseDurations &p = timing->phases;
        h += u"<h2>"_s +
             QCoreApplication::translate("Report", "Where the time went in the model-list request") +
             u"</h2>\n"_s + phaseBarSvg(p, timing->failedPhase, timing->failedPhaseMs) + u'\n';
        if (timing->failedPhase != Phase::None)
            h += u"<p><b>%1</b></p>\n"_s.arg(
                esc(failedPhaseSentence(timing->failedPhase, timing->failedPhaseMs)));
        h += u"<p>"_s + QCoreApplication::translate("Report", "Total %1").arg(ms(p.total));
        if (x.response) {
            h += u" · HTTP %1 %2"_s.arg(x.response->status).arg(esc(QString::fromLatin1(x.response->reason)));
            if (const QStringList hops = detectHops(x.response->headers); !hops.isEmpty())
                h += u" · "_s +
                     esc(QCoreApplication::translate("Report", "answered by %1").arg(hops.join(u", "_s)));
        }
        if (!x.peer.isNull())
            h += u" · "_s + esc(QCoreApplication::translate("Report", "server %1 port %2")
                                    .arg(x.peer.toString())
                                    .arg(x.peerPort));
        h += u"</p>\n"_s;
    }
    if (const auto &ids = f.requestIds; !ids.isEmpty()) {
        h += u"<p><b>"_s + QCoreApplication::translate("Report", "Request ids for support:") + u"</b> "_s;
        QStringList parts;
        for (const auto &[k, id] : ids)
            parts << u"<code>%1: %2</code>"_s.arg(esc(k), esc(id));
        h += parts.join(u", "_s) + u"</p>\n"_s;
    }
    if (c.statusPage) {
        const StatusSnapshot &page = *c.statusPage;
        h += u"<h2>"_s + QCoreApplication::translate("Report", "The provider's status page") +
             u"</h2><p><a href=\"%1\">%1</a>: <b>%2</b></p><ul>"_s.arg(
                 esc(page.pageUrl),
                 esc(page.description.isEmpty() ? indicatorName(page.indicator) : page.description));
        for (const StatusIncident &i : page.incidents)
            h += u"<li>%1 (%2, %3)%4</li>"_s.arg(esc(i.name), esc(i.impact), esc(i.status),
                                                 i.latestUpdate.isEmpty() ? QString()
                                                                          : u": "_s + esc(i.latestUpdate));
        h += u"</ul>\n"_s;
    }
    if (f.retry) {
        const RetryRun &r = *f.retry;
        h += u"<h2>%1</h2>\n<p class=\"muted\">%2</p>\n"_s.arg(
            QCoreApplication::translate("Report", "Wait and retry: %1")
                .arg(esc(Retrier::outcomeName(r.outcome))),
            esc(QCoreApplication::translate("Report", "Against %1").arg(r.target.address)));
        h += latencySvg(r.samples) + u'\n';
        h += u"<table><tr><th>#</th><th>%1</th><th>%2</th><th>%3</th><th>%4</th></tr>"_s.arg(
            QCoreApplication::translate("Report", "Result"), QCoreApplication::translate("Report", "Took"),
            QCoreApplication::translate("Report", "Waited before"),
            QCoreApplication::translate("Report", "Why"));
        for (const RetryAttempt &a : r.attempts)
            h += u"<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>"_s.arg(a.n).arg(
                esc(a.status ? u"HTTP %1 (%2)"_s.arg(a.status).arg(a.category) : a.category),
                ms(a.durationMs), a.n == 1 ? QString() : ms(a.waitedMs), esc(a.waitReason));
        h += u"</table>\n"_s;
    }
    if (f.monitor) {
        const MonitorRun &m = *f.monitor;
        const RunStats &s = m.stats;
        h += u"<h2>"_s + QCoreApplication::translate("Report", "Watched over time") +
             u"</h2>\n<p class=\"muted\">%1</p>\n"_s.arg(esc(m.target.address)) + latencySvg(m.samples) +
             u'\n';
        h += u"<p>%1</p><table><tr><th>%2</th><th>p50</th><th>p90</th><th>p99</th></tr>"_s.arg(
            esc(QCoreApplication::translate("Report", "%1 requests every %2 s, %3% worked.")
                    .arg(s.probes)
                    .arg(m.intervalS)
                    .arg(std::lround(s.successRate * 100))),
            QCoreApplication::translate("Report", "Phase"));
        for (const QString &key : samplePhases()) {
            if (const auto it = s.phases.constFind(key); it != s.phases.cend())
                h += u"<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>"_s.arg(key, ms(it->p50),
                                                                                    ms(it->p90), ms(it->p99));
        }
        h += u"</table><ul>"_s;
        for (auto it = s.errors.cbegin(); it != s.errors.cend(); ++it)
            h += u"<li>%1 × <code>%2</code></li>"_s.arg(it.value()).arg(esc(it.key()));
        for (const TimingSignature &sig : m.signatures)
            h += u"<li><b>%1</b> %2. %3</li>"_s.arg(QCoreApplication::translate("Report", "Pattern:"),
                                                    esc(sig.likely), esc(sig.advice));
        h += u"</ul>\n"_s;
    }

    const SupportMessage &message = f.support;
    if (f.path)
        h += u"<h2>"_s + QCoreApplication::translate("Report", "The route, hop by hop") + u"</h2>"_s +
             preOpen + esc(pathTable(*f.path)) + preClose + u'\n';
    h += u"<h2>"_s +
         esc(QCoreApplication::translate("Report", "A message you can send to %1").arg(message.to)) +
         u"</h2>"_s + preOpen + u"Subject: %1\n\n%2"_s.arg(esc(message.subject), esc(message.body)) +
         preClose + u'\n';
    h += u"<h2>"_s + QCoreApplication::translate("Report", "Repeat the request yourself") +
         u"</h2><p class=\"muted\">"_s +
         QCoreApplication::translate("Report",
                                     "The key is read from an environment variable, never written here.") +
         u"</p>"_s + preOpen + esc(f.curl) + preClose + u'\n';
    if (!v.snippets.isEmpty()) {
        h += u"<h2>"_s +
             QCoreApplication::translate("Report", "Copyable fixes for whoever maintains your app") +
             u"</h2>\n"_s;
        for (const Snippet &s : v.snippets)
            h += printable ? u"<h3>%1</h3>"_s.arg(esc(s.title)) + preOpen + esc(s.code) + preClose + u'\n'
                           : u"<details><summary>%1</summary><pre>%2</pre></details>\n"_s.arg(esc(s.title),
                                                                                              esc(s.code));
    }
    h += u"<h2>"_s + QCoreApplication::translate("Report", "Environment") + u"</h2><table>"_s;
    for (const auto &[k, val] : f.environment)
        h += u"<tr><td>%1</td><td>%2</td></tr>"_s.arg(esc(k), esc(val));
    h += u"</table>\n</body></html>\n"_s;
    return h.toUtf8();
}

} // namespace llmdoctor::core
