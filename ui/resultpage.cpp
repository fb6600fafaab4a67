#include "resultpage.h"

#include "charts/phasechart.h"
#include "glossary.h"
#include "labels.h"
#include "palette.h"
#include "snippetview.h"
#include "statusicon.h"

#include <QApplication>
#include <QClipboard>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

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

// The button for a fix: its text says what it does, with a mnemonic no bar button uses.
QPushButton *fixButton(const Fix &fix, QWidget *parent)
{
    QString text, name, tip;
    switch (fix.kind) {
    case Fix::Kind::UseAddress:
        text = ResultPage::tr("&Use this address");
        name = u"useAddressButton"_s;
        tip = ResultPage::tr("Puts %1 in the address field on the first page.").arg(fix.value);
        break;
    case Fix::Kind::ChooseModel:
        text = ResultPage::tr("Choose a &model…");
        name = u"chooseModelButton"_s;
        tip = ResultPage::tr("Shows the models this server offers, the closest names first.");
        break;
    case Fix::Kind::OpenStatusPage:
        text = ResultPage::tr("&Open the status page");
        name = u"openStatusPageButton"_s;
        tip = fix.value;
        break;
    case Fix::Kind::OpenKeyPage:
        text = ResultPage::tr("Open the page where you make a &key");
        name = u"openKeyPageButton"_s;
        tip = fix.value;
        break;
    case Fix::Kind::ChooseCaFile:
        text = ResultPage::tr("Choose the company certificate &file…");
        name = u"chooseCaFileButton"_s;
        tip = ResultPage::tr("The certificate file your IT department gives out (.pem or .crt): the checks "
                             "then trust what it signed.");
        break;
    case Fix::Kind::UseSystemProxy:
        text = ResultPage::tr("Use the system &proxy");
        name = u"useSystemProxyButton"_s;
        tip = ResultPage::tr("Sets the proxy to this computer's proxy settings.");
        break;
    case Fix::Kind::GoDirect:
        text = ResultPage::tr("Go &direct");
        name = u"goDirectButton"_s;
        tip = ResultPage::tr("Sets the proxy to none: connect to the API directly.");
        break;
    }
    auto *button = new QPushButton(text, parent);
    button->setObjectName(name);
    button->setToolTip(tip);
    button->setAccessibleName(QString(text).remove(u'&'));
    button->setAutoDefault(true);
    return button;
}

// True when the verdict's headline or explanation already names the wait.
bool saysTheWait(const core::Verdict &verdict, int seconds)
{
    static const QRegularExpression number(u"\\d+"_s);
    for (const QString &text : {verdict.headline, verdict.explanation}) {
        for (const auto &m : number.globalMatch(text)) {
            if (m.captured().toInt() == seconds)
                return true;
        }
    }
    return false;
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

    m_termHelp = new TermHelp(this); // the words of the verdict explained: gateway, proxy, DNS…

    m_whoActs = textLabel(this);
    m_whoActs->setObjectName(u"whoActs"_s);
    QFont bold = m_whoActs->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.1);
    m_whoActs->setFont(bold);

    m_explanation = textLabel(this);
    m_explanation->setObjectName(u"verdictExplanation"_s);
    m_wait = textLabel(this, u"retryAfterLine"_s);

    // What the page can do rather than describe, for the verdict's own cause.
    m_fixRow = new QWidget(this);
    m_fixRow->setObjectName(u"oneClickFixes"_s);
    m_fixLayout = new QHBoxLayout(m_fixRow);
    m_fixLayout->setContentsMargins(0, 0, 0, 0);
    m_fixLayout->setSpacing(8);
    m_fixStatus = textLabel(this, u"fixStatus"_s);
    m_fixStatus->hide();
    // The run read the provider's model list anyway: one click shows it, and picks one.
    m_showModels = new QPushButton(tr("Show the &models…"), this);
    m_showModels->setObjectName(u"showModelsButton"_s);
    m_showModels->setAccessibleName(tr("Show the models this provider offers"));
    m_showModels->setToolTip(tr("The models the provider listed during the checks; choosing one puts it "
                                "in the model field on the first page."));
    m_showModels->setAutoDefault(true);
    m_showModels->hide();
    connect(m_showModels, &QPushButton::clicked, this, [this] { emit fixRequested(m_showModelsFix); });

    // The provider's id of the request: what its support asks for first.
    m_requestRow = new QWidget(this);
    m_requestRow->setObjectName(u"requestIdRow"_s);
    m_requestId = textLabel(m_requestRow, u"requestId"_s);
    m_copyRequestId = new QPushButton(tr("Copy request &ID"), m_requestRow);
    m_copyRequestId->setObjectName(u"copyRequestIdButton"_s);
    m_copyRequestId->setAccessibleName(tr("Copy the request ID"));
    m_copyRequestId->setToolTip(tr("The provider's support can find this request by its ID."));
    m_copyRequestId->setAutoDefault(true);
    auto *requestLayout = new QHBoxLayout(m_requestRow);
    requestLayout->setContentsMargins(0, 0, 0, 0);
    requestLayout->setSpacing(8);
    requestLayout->addWidget(m_requestId, 1);
    requestLayout->addWidget(m_copyRequestId, 0, Qt::AlignVCenter);
    connect(m_copyRequestId, &QPushButton::clicked, this, [this] {
        const QString id = m_copyRequestId->property("requestId").toString();
        QApplication::clipboard()->setText(id);
        setFixStatus(tr("Copied the request ID %1.").arg(id));
    });

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
    top->addWidget(m_headline, 100); // up to its one-line width (below): the "?" follows the text
    top->addWidget(m_termHelp, 0, Qt::AlignTop);
    top->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 12);
    layout->setSpacing(10);
    layout->addLayout(top);
    layout->addWidget(m_whoActs);
    layout->addWidget(m_explanation);
    layout->addWidget(m_wait);
    layout->addWidget(m_fixRow);
    layout->addWidget(m_showModels, 0, Qt::AlignLeft);
    layout->addWidget(m_fixStatus);
    layout->addWidget(m_requestRow);
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
    m_headline->setMaximumWidth(m_headline->fontMetrics().horizontalAdvance(verdict.headline) + 4);
    m_headline->setProperty("category", verdict.categoryName());
    m_headline->setProperty("blame", verdict.blameName());

    const QString who = whoActsLine(verdict);
    m_whoActs->setText(who);
    m_whoActs->setVisible(!who.isEmpty());
    m_explanation->setText(verdict.explanation);
    m_termHelp->setTermsFrom(verdict.headline + u'\n' + verdict.explanation);

    const bool isFailure =
        verdict.category != core::Category::Ok && verdict.category != core::Category::Cancelled;
    const double wait = FixActions::retryAfterSeconds(findings);
    const int waitS = wait >= 0 ? int(std::ceil(wait)) : -1;
    const bool sayWait = waitS >= 0 && isFailure && !saysTheWait(verdict, waitS);
    m_wait->setText(sayWait ? tr("The provider asks you to wait %n second(s).", nullptr, waitS) : QString());
    m_wait->setVisible(sayWait);

    m_fixes = FixActions::forFindings(findings);
    // A fix button may be the one whose click led here: the old ones go later, nameless now.
    for (QPushButton *old : m_fixRow->findChildren<QPushButton *>(QString(), Qt::FindDirectChildrenOnly))
        old->setObjectName(QString());
    clearLayout(m_fixLayout);
    for (const Fix &fix : std::as_const(m_fixes)) {
        QPushButton *button = fixButton(fix, m_fixRow);
        connect(button, &QPushButton::clicked, this, [this, fix] { emit fixRequested(fix); });
        m_fixLayout->addWidget(button);
    }
    m_fixLayout->addStretch(1);
    m_fixRow->setVisible(!m_fixes.isEmpty());
    // "Choose a model…" already shows the list when the model was not found.
    const bool choosing = std::any_of(m_fixes.cbegin(), m_fixes.cend(),
                                      [](const Fix &f) { return f.kind == Fix::Kind::ChooseModel; });
    const QStringList models = choosing ? QStringList() : FixActions::modelsRead(findings);
    m_showModelsFix = Fix{Fix::Kind::ChooseModel, findings.context.target.model, models};
    m_showModels->setVisible(!models.isEmpty());
    setFixStatus({});

    // Only a failure is worth a support ticket.
    const auto requestId = isFailure ? FixActions::firstRequestId(findings) : QPair<QString, QString>();
    m_requestId->setText(requestId.second.isEmpty()
                             ? QString()
                             : tr("The provider's ID for this request: %1").arg(requestId.second));
    m_requestId->setToolTip(requestId.first);
    m_copyRequestId->setProperty("requestId", requestId.second);
    m_requestRow->setVisible(!requestId.second.isEmpty());

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

void ResultPage::setFixStatus(const QString &text, bool failed)
{
    m_fixStatus->setText(text);
    m_fixStatus->setVisible(!text.isEmpty());
    setTone(m_fixStatus, failed ? Tone::Fail : Tone::Normal);
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
