#include "resultpage.h"

#include "charts/phasechart.h"
#include "labels.h"
#include "snippetview.h"
#include "statusicon.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace llmdoctor::ui {

using namespace Qt::StringLiterals;

namespace {

bool hasWarnings(const QList<core::CheckResult> &results)
{
    return std::any_of(results.cbegin(), results.cend(),
                       [](const core::CheckResult &r) { return r.status == core::CheckStatus::Warn; });
}

QString whoActsLine(const core::Verdict &verdict)
{
    if (verdict.blame == core::Blame::None)
        return verdict.category == core::Category::Ok
                   ? ResultPage::tr("Who should act: nobody, everything works.")
                   : QString();
    return ResultPage::tr("Who should act: %1").arg(core::Verdict::whoActs(verdict.blame));
}

} // namespace

ResultPage::ResultPage(QWidget *parent) : QWidget(parent)
{
    m_icon = new StatusIcon(48, this);
    m_headline = textLabel(this);
    m_headline->setObjectName(u"verdictHeadline"_s);
    QFont big = m_headline->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_headline->setFont(big);

    m_whoActs = textLabel(this);
    m_whoActs->setObjectName(u"whoActs"_s);
    QFont bold = m_whoActs->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.1);
    m_whoActs->setFont(bold);

    m_explanation = textLabel(this);
    m_explanation->setObjectName(u"verdictExplanation"_s);

    m_alsoHeading = headingLabel(tr("Also found"), this);
    m_alsoHeading->setToolTip(tr("Other problems the checks found. Fix the one above first: it blocks "
                                 "everything now; these come next."));
    m_also = textLabel(this);
    m_also->setObjectName(u"alsoFound"_s);

    m_stepsHeading = headingLabel(tr("What to do next"), this);
    m_steps = new QWidget(this);
    m_steps->setObjectName(u"nextSteps"_s);
    m_stepsLayout = new QVBoxLayout(m_steps);
    m_stepsLayout->setContentsMargins(0, 0, 0, 0);

    m_timingHeading = headingLabel(tr("Where the time went in the test request"), this);
    m_chart = new PhaseChart(this);
    m_noTiming = textLabel(this);
    m_noTiming->setText(tr("No timing to show: the test request did not get far enough."));

    auto *top = new QHBoxLayout;
    top->setSpacing(16);
    top->addWidget(m_icon, 0, Qt::AlignTop);
    top->addWidget(m_headline, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 12);
    layout->setSpacing(10);
    layout->addLayout(top);
    layout->addWidget(m_whoActs);
    layout->addWidget(m_explanation);
    layout->addWidget(m_alsoHeading);
    layout->addWidget(m_also);
    layout->addSpacing(6);
    layout->addWidget(m_stepsHeading);
    layout->addWidget(m_steps);
    layout->addSpacing(6);
    layout->addWidget(m_timingHeading);
    layout->addWidget(m_chart);
    layout->addWidget(m_noTiming);
    layout->addStretch(1);
}

void ResultPage::showFindings(const core::Findings &findings)
{
    const core::Verdict &verdict = findings.verdict;
    const QList<core::CheckResult> &results = findings.checks;
    if (verdict.category == core::Category::Ok)
        m_icon->setState(hasWarnings(results) ? StatusIcon::State::Warn : StatusIcon::State::Pass);
    else if (verdict.category == core::Category::Cancelled)
        m_icon->setState(StatusIcon::State::Skip);
    else
        m_icon->setState(StatusIcon::State::Fail);
    m_headline->setText(verdict.headline);
    m_headline->setProperty("category", verdict.categoryName());
    m_headline->setProperty("blame", verdict.blameName());

    const QString who = whoActsLine(verdict);
    m_whoActs->setText(who);
    m_whoActs->setVisible(!who.isEmpty());
    m_explanation->setText(verdict.explanation);

    QStringList also;
    for (const core::AlsoFound &a : verdict.alsoFound)
        also << u"• "_s + tr("%1 (who should act: %2)").arg(a.headline, core::Verdict::whoActs(a.blame));
    m_also->setText(also.join(u'\n'));
    m_alsoHeading->setVisible(!also.isEmpty());
    m_also->setVisible(!also.isEmpty());

    // Numbered steps as separate labels: each wraps on its own, with the number hanging.
    qDeleteAll(m_steps->findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly));
    auto *list = new QWidget(m_steps);
    auto *grid = new QGridLayout(list);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setColumnStretch(1, 1);
    for (qsizetype i = 0; i < verdict.nextSteps.size(); ++i) {
        auto *number = new QLabel(u"%1."_s.arg(i + 1), list);
        QLabel *text = textLabel(list);
        text->setText(verdict.nextSteps.at(i));
        grid->addWidget(number, int(i), 0, Qt::AlignTop | Qt::AlignRight);
        grid->addWidget(text, int(i), 1);
    }
    m_stepsLayout->addWidget(list);
    if (!verdict.snippets.isEmpty())
        m_stepsLayout->addWidget(new SnippetGroup(verdict.snippets, m_steps));
    const bool anySteps = !verdict.nextSteps.isEmpty() || !verdict.snippets.isEmpty();
    m_stepsHeading->setVisible(anySteps);
    m_steps->setVisible(anySteps);

    QMap<QString, double> timings;
    for (const core::CheckResult &r : results) {
        if (r.id == u"http")
            timings = r.timings;
    }
    m_chart->setTimings(timings);
    // The phase it died in keeps its time and is named: a hang is seconds of waiting, not the
    // few milliseconds of connecting before it.
    const auto timing = findings.timing();
    const bool failed = timing && timing->failedPhase != core::Phase::None;
    const QString sentence =
        failed ? core::failedPhaseSentence(timing->failedPhase, timing->failedPhaseMs) : QString();
    m_chart->setFailedPhase(failed ? core::phaseName(timing->failedPhase) : QString(), sentence);
    const QStringList phases = PhaseChart::phaseKeys();
    const bool anyPhase =
        std::any_of(phases.cbegin(), phases.cend(), [&](const QString &k) { return timings.contains(k); });
    m_chart->setVisible(anyPhase);
    m_noTiming->setVisible(!anyPhase);
    m_timingHeading->setVisible(verdict.category != core::Category::Cancelled);
    if (verdict.category == core::Category::Cancelled)
        m_noTiming->hide();

    m_summary = buildSummary(findings);
}

QString ResultPage::buildSummary(const core::Findings &findings)
{
    const core::Verdict &verdict = findings.verdict;
    const QList<core::CheckResult> &results = findings.checks;
    const core::Target &target = findings.context.target;
    QString out;
    out += tr("llmdoctor summary") + u'\n';
    out += tr("API address: %1").arg(core::shownUrl(target.baseUrl)) + u'\n';
    if (!target.model.isEmpty())
        out += tr("Model: %1").arg(target.model) + u'\n';
    out += tr("API key: %1").arg(findings.keyShown.isEmpty() ? tr("none given") : findings.keyShown) + u'\n';
    out += u'\n' + tr("Verdict: %1").arg(verdict.headline) + u'\n';
    const QString who = whoActsLine(verdict);
    if (!who.isEmpty())
        out += who + u'\n';
    out += verdict.explanation + u'\n';
    if (!verdict.nextSteps.isEmpty()) {
        out += u'\n' + tr("What to do next:") + u'\n';
        for (qsizetype i = 0; i < verdict.nextSteps.size(); ++i)
            out += u"%1. %2\n"_s.arg(i + 1).arg(verdict.nextSteps.at(i));
    }
    if (!verdict.alsoFound.isEmpty()) {
        out += u'\n' + tr("Also found:") + u'\n';
        for (const core::AlsoFound &a : verdict.alsoFound)
            out += u"- "_s + tr("%1 (who should act: %2)").arg(a.headline, core::Verdict::whoActs(a.blame)) +
                   u'\n';
    }
    if (findings.pasted)
        out += u'\n' + tr("The error you pasted: %1").arg(findings.pasted->text) + u'\n';
    out += u'\n' + tr("Checks:") + u'\n';
    for (const core::CheckResult &r : results)
        out += u"[%1] %2 %3\n"_s.arg(core::checkStatusName(r.status), r.title, r.summary);
    for (const core::CheckResult &r : results) {
        if (r.id != u"http" || r.timings.isEmpty())
            continue;
        QStringList parts;
        for (const QString &k : PhaseChart::phaseKeys() + QStringList{u"total"_s}) {
            if (r.timings.contains(k))
                parts << u"%1 %2"_s.arg(k, PhaseChart::formatMs(r.timings.value(k)));
        }
        out += u'\n' + tr("Timings of the test request: %1").arg(parts.join(u", "_s)) + u'\n';
    }
    if (const auto timing = findings.timing(); timing && timing->failedPhase != core::Phase::None)
        out += core::failedPhaseSentence(timing->failedPhase, timing->failedPhaseMs) + u'\n';
    return out;
}

} // namespace llmdoctor::ui
