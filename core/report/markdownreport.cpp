#include "../diagnosis/hops.h"
#include "../monitor/monitor.h"
#include "findings.h"
#include "report.h"

#include <QCoreApplication>
#include <cmath>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

// Text in a table cell or a line: no line breaks or pipes to break the layout, and every
// character that could start a link, an image, emphasis, code or raw HTML backslash-escaped,
// so text from a server (a status page, an error body) stays text.
QString cell(const QString &text)
{
    static const QString specials = u"\\`*_[]!<>|"_s;
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar ch : text) {
        if (ch == u'\n' || ch == u'\r') {
            out += u' ';
            continue;
        }
        if (specials.contains(ch))
            out += u'\\';
        out += ch;
    }
    return out;
}

// Text inside a code span: a backtick would close it early.
QString codeText(QString text)
{
    text.replace(u'`', u'\'');
    text.replace(u'\n', u' ');
    return text;
}

QString ms(double v)
{
    if (v < 0)
        return u"–"_s;
    return v < 10 ? QString::number(v, 'f', 1) + u" ms"_s : QString::number(std::lround(v)) + u" ms"_s;
}

// A fenced block whose fence no line of the text can close early.
QString fenced(const QString &text, const QString &language = {})
{
    QString fence = u"```"_s;
    while (text.contains(fence))
        fence += u'`';
    return fence + language + u'\n' + text + (text.endsWith(u'\n') ? QString() : u"\n"_s) + fence + u'\n';
}

QString statusWord(CheckStatus s)
{
    switch (s) {
    case CheckStatus::Pass:
        return u"✅ pass"_s;
    case CheckStatus::Warn:
        return u"⚠️ warn"_s;
    case CheckStatus::Fail:
        return u"❌ fail"_s;
    case CheckStatus::Skip:
        return u"➖ skip"_s;
    }
    return {};
}

} // namespace

QByteArray markdownReport(const Findings &f)
{
    const DiagnosisContext &c = f.context;
    const Verdict &v = f.verdict;
    QString md;
    md += u"## llmdoctor report: %1\n\n"_s.arg(cell(v.headline));
    md += u"- **API:** `%1`%2\n"_s.arg(
        shownUrl(c.target.baseUrl),
        c.target.model.isEmpty() ? QString() : u" · model `%1`"_s.arg(codeText(c.target.model)));
    md += u"- **When:** %1 (took %2)\n"_s.arg(f.startedAt.toString(u"yyyy-MM-dd HH:mm:ss t"_s),
                                              ms(f.durationMs));
    md += u"- **Verdict:** `%1` · **who should act:** %2 · confidence %3%\n\n"_s
              .arg(v.categoryName(), Verdict::whoActs(v.blame))
              .arg(std::lround(v.confidence * 100));
    md += cell(v.explanation) + u"\n\n"_s;
    if (!v.nextSteps.isEmpty()) {
        md += u"### "_s + QCoreApplication::translate("Report", "What to do next") + u"\n\n"_s;
        for (qsizetype i = 0; i < v.nextSteps.size(); ++i)
            md += u"%1. %2\n"_s.arg(i + 1).arg(cell(v.nextSteps.at(i)));
        md += u'\n';
    }
    if (!v.alsoFound.isEmpty()) {
        md += u"### "_s + QCoreApplication::translate("Report", "Also found") + u"\n\n"_s;
        for (const AlsoFound &a : v.alsoFound)
            md += u"- %1 %2\n"_s.arg(
                cell(a.headline),
                QCoreApplication::translate("Report", "(who should act: %1)").arg(Verdict::whoActs(a.blame)));
        md += u'\n';
    }
    if (f.pasted) {
        md += u"### "_s + QCoreApplication::translate("Report", "The error you pasted") + u"\n\n"_s +
              fenced(f.pasted->text, u"text"_s);
        md += u"\n%1 %2\n\n"_s.arg(cell(QCoreApplication::translate("Report", "On its own it reads as: %1")
                                            .arg(f.pasted->reading.headline)),
                                   QCoreApplication::translate("Report", "(who should act: %1)")
                                       .arg(Verdict::whoActs(f.pasted->reading.blame)));
        if (const QString sure = f.pasted->certainty.inWords(); !sure.isEmpty())
            md += cell(sure) + u"\n\n"_s;
    }

    md += u"### "_s + QCoreApplication::translate("Report", "Checks") +
          u"\n\n| %1 | %2 | %3 |\n|---|---|---|\n"_s.arg(
              QCoreApplication::translate("Report", "Check"), QCoreApplication::translate("Report", "Result"),
              QCoreApplication::translate("Report", "What it found"));
    for (const CheckResult &r : f.checks)
        md += u"| %1 | %2 | %3 |\n"_s.arg(cell(r.title), statusWord(r.status), cell(r.summary));
    md += u'\n';

    if (const auto timing = f.timing()) {
        const ExchangeResult &x = *c.modelList;
        const PhaseDurations &p = timing->phases;
        md += u"### "_s + QCoreApplication::translate("Report", "The model-list request") + u"\n\n"_s;
        md += u"| Finding the server | Connecting | Securing (TLS) | Waiting for the answer | Total |\n"
              "|---|---|---|---|---|\n| %1 | %2 | %3 | %4 | %5 |\n\n"_s.arg(
                  ms(p.dns), ms(p.connect), ms(p.tls), ms(p.ttfb), ms(p.total));
        if (timing->failedPhase != Phase::None)
            md +=
                u"**%1** %2\n\n"_s.arg(QCoreApplication::translate("Report", "Where it failed:"),
                                       cell(failedPhaseSentence(timing->failedPhase, timing->failedPhaseMs)));
        if (x.response) {
            md += u"- **Status:** %1 %2\n"_s.arg(x.response->status)
                      .arg(cell(QString::fromLatin1(x.response->reason)));
            if (const QStringList hops = detectHops(x.response->headers); !hops.isEmpty())
                md += u"- **Answered by:** %1\n"_s.arg(hops.join(u", "_s));
        }
        if (!x.error.isEmpty())
            md += u"- **Error:** %1\n"_s.arg(cell(x.error));
        if (!x.peer.isNull())
            md += u"- **Server address:** %1 port %2\n"_s.arg(x.peer.toString()).arg(x.peerPort);
    }
    if (const auto &ids = f.requestIds; !ids.isEmpty()) {
        md += u"- **Request ids (for support):** "_s;
        QStringList parts;
        for (const auto &[k, id] : ids)
            parts << u"`%1: %2`"_s.arg(codeText(k), codeText(id));
        md += parts.join(u", "_s) + u'\n';
    }
    md += u'\n';

    if (c.statusPage) {
        const StatusSnapshot &page = *c.statusPage;
        md += u"### "_s + QCoreApplication::translate("Report", "The provider's status page") +
              u"\n\n%1 — **%2**\n\n"_s.arg(
                  page.pageUrl.isEmpty() ? QString() : u"<%1>"_s.arg(page.pageUrl),
                  cell(page.description.isEmpty() ? indicatorName(page.indicator) : page.description));
        for (const StatusIncident &i : page.incidents)
            md += u"- %1 (%2, %3)%4\n"_s.arg(cell(i.name), cell(i.impact), cell(i.status),
                                             i.latestUpdate.isEmpty() ? QString()
                                                                      : u": "_s + cell(i.latestUpdate));
        md += u'\n';
    }

    if (f.retry) {
        md += u"### %1\n\n%2\n\n| # | %3 | %4 | %5 | %6 |\n|---|---|---|---|---|\n"_s.arg(
            QCoreApplication::translate("Report", "Wait and retry: %1")
                .arg(Retrier::outcomeName(f.retry->outcome)),
            QCoreApplication::translate("Report", "Against %1.")
                .arg(u'`' + codeText(f.retry->target.address) + u'`'),
            QCoreApplication::translate("Report", "Result"), QCoreApplication::translate("Report", "Took"),
            QCoreApplication::translate("Report", "Waited before"),
            QCoreApplication::translate("Report", "Why"));
        for (const RetryAttempt &a : f.retry->attempts)
            md += u"| %1 | %2 | %3 | %4 | %5 |\n"_s.arg(a.n).arg(
                a.status ? u"HTTP %1 (%2)"_s.arg(a.status).arg(a.category) : a.category, ms(a.durationMs),
                a.n == 1 ? QString() : ms(a.waitedMs), cell(a.waitReason));
        md += u'\n';
    }
    if (f.monitor) {
        const RunStats &s = f.monitor->stats;
        md += u"### "_s + QCoreApplication::translate("Report", "Watched over time") +
              u"\n\n`%1`: %2 requests, %3% worked.\n\n| Phase | p50 | p90 | p99 |\n"
              "|---|---|---|---|\n"_s.arg(codeText(f.monitor->target.address))
                  .arg(s.probes)
                  .arg(std::lround(s.successRate * 100));
        for (const QString &key : samplePhases()) {
            if (const auto it = s.phases.constFind(key); it != s.phases.cend())
                md += u"| %1 | %2 | %3 | %4 |\n"_s.arg(key, ms(it->p50), ms(it->p90), ms(it->p99));
        }
        for (auto it = s.errors.cbegin(); it != s.errors.cend(); ++it)
            md += u"\n- %1 × `%2`"_s.arg(QString::number(it.value()), codeText(it.key()));
        for (const TimingSignature &sig : f.monitor->signatures)
            md += u"\n- **Pattern:** %1. %2"_s.arg(cell(sig.likely), cell(sig.advice));
        md += u"\n\n"_s;
    }

    const SupportMessage &message = f.support;
    // The route hop by hop: the path check's, else the one the Watch window followed.
    if (f.path)
        md += u"### "_s + QCoreApplication::translate("Report", "The route, hop by hop") + u"\n\n"_s +
              fenced(pathTable(*f.path)) + u'\n';
    md += u"### "_s +
          cell(QCoreApplication::translate("Report", "A message you can send to %1").arg(message.to)) +
          u"\n\n"_s;
    md += u"> **%1**\n>\n"_s.arg(cell(message.subject));
    for (const QString &line : message.body.trimmed().split(u'\n'))
        md += (line.isEmpty() ? u">"_s : u"> "_s + cell(line)) + u'\n';
    md += u"\n### "_s + QCoreApplication::translate("Report", "Repeat the request yourself") + u"\n\n"_s +
          QCoreApplication::translate("Report",
                                      "The key is read from an environment variable, never written here.") +
          u"\n\n"_s;
    md += fenced(f.curl, u"sh"_s);

    md += u"\n<details><summary>Environment and evidence</summary>\n\n"_s;
    for (const auto &[k, val] : f.environment)
        md += u"- %1: %2\n"_s.arg(k, cell(val));
    for (const CheckResult &r : f.checks) {
        if (r.details.isEmpty() && r.evidence.isEmpty())
            continue;
        md += u"\n**%1** (`%2`)\n\n"_s.arg(cell(r.title), r.id);
        for (const auto &[k, val] : r.details)
            md += u"- %1: %2\n"_s.arg(cell(k), cell(val));
        if (!r.evidence.isEmpty())
            md += u'\n' + fenced(r.evidence, u"http"_s);
    }
    md += u"\n</details>\n"_s;
    return md.toUtf8();
}

} // namespace llmdoctor::core
