#include "retrypage.h"

#include "charts/latencychart.h"
#include "core/report/findings.h"
#include "glossary.h"
#include "labels.h"
#include "palette.h"
#include "statusicon.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <cmath>

namespace llmdoctor::ui {

using namespace Qt::StringLiterals;

namespace {

QString seconds(double ms)
{
    const double s = ms / 1000.0;
    return s < 10 ? RetryPage::tr("%1 s").arg(s, 0, 'f', 1) : RetryPage::tr("%1 s").arg(std::lround(s));
}

} // namespace

RetryPage::RetryPage(QWidget *parent) : QWidget(parent)
{
    auto *title = headingLabel(tr("Wait and retry"), this, 1.6);
    auto *intro = textLabel(this);
    intro->setText(
        tr("Most 502, 503, 429 and connection errors go away by themselves within minutes. llmdoctor "
           "asks the API again and again, waiting as long as the server asks or a little longer each "
           "time, the way the official OpenAI and Anthropic libraries do, and stops as soon as it works "
           "or when waiting cannot help."));

    m_attempts = new QSpinBox(this);
    m_attempts->setRange(1, 100);
    m_attempts->setValue(core::RetryPolicy().maxAttempts);
    m_attempts->setAccessibleName(tr("Most attempts"));
    m_window = new QComboBox(this);
    m_window->setAccessibleName(tr("Keep trying for at most"));
    for (const int s : {60, 120, 300, 600, 1800})
        m_window->addItem(s < 120 ? tr("1 minute") : tr("%1 minutes").arg(s / 60), s);
    m_window->setCurrentIndex(1);
    m_startStop = new QPushButton(tr("&Start retrying"), this);
    m_startStop->setObjectName(u"retryStartStop"_s);
    auto *attemptsLabel = new QLabel(tr("Try up to"), this);
    attemptsLabel->setBuddy(m_attempts);
    auto *windowLabel = new QLabel(tr("times, for at most"), this);
    windowLabel->setBuddy(m_window);
    auto *controls = new QHBoxLayout;
    controls->addWidget(attemptsLabel);
    controls->addWidget(m_attempts);
    controls->addWidget(windowLabel);
    controls->addWidget(m_window);
    controls->addStretch(1);
    controls->addWidget(m_startStop);

    m_countdown = textLabel(this, u"retryCountdown"_s);
    QFont big = m_countdown->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    big.setBold(true);
    m_countdown->setFont(big);
    m_countdown->setText(tr("Not started yet."));
    m_waitBar = new QProgressBar(this);
    m_waitBar->setTextVisible(false);
    m_waitBar->setMaximumHeight(8);
    m_waitBar->setAccessibleName(tr("Time left before the next attempt"));
    m_waitBar->hide();

    m_list = new QTreeWidget(this);
    m_list->setObjectName(u"retryAttempts"_s);
    m_list->setAccessibleName(tr("Attempts"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("#"), tr("Time"), tr("Result"), tr("Took"), tr("Waited before"), tr("Why")});
    m_list->header()->setStretchLastSection(true);
    m_list->setMinimumHeight(120);

    m_chart = new LatencyChart(this);
    m_chart->setMinimumHeight(200);

    m_outcome = new QWidget(this);
    m_outcome->setObjectName(u"retryOutcome"_s);
    m_icon = new StatusIcon(36, m_outcome);
    m_headline = textLabel(m_outcome, u"retryHeadline"_s);
    QFont headlineFont = m_headline->font();
    headlineFont.setBold(true);
    headlineFont.setPointSizeF(headlineFont.pointSizeF() * 1.3);
    m_headline->setFont(headlineFont);
    m_explanation = textLabel(m_outcome, u"retryExplanation"_s);
    auto *steps = new QWidget(m_outcome);
    m_stepsLayout = new QVBoxLayout(steps);
    m_stepsLayout->setContentsMargins(0, 0, 0, 0);
    auto *outcomeTop = new QHBoxLayout;
    outcomeTop->addWidget(m_icon, 0, Qt::AlignTop);
    outcomeTop->addWidget(m_headline, 1);
    auto *outcomeLayout = new QVBoxLayout(m_outcome);
    outcomeLayout->setContentsMargins(0, 0, 0, 0);
    outcomeLayout->addLayout(outcomeTop);
    outcomeLayout->addWidget(m_explanation);
    outcomeLayout->addWidget(steps);
    // It works now: the checks tell whether everything else does too, and the verdict follows.
    m_runChecks = new QPushButton(tr("Run the checks a&gain"), m_outcome);
    m_runChecks->setObjectName(u"retryRunChecksButton"_s);
    m_runChecks->setAccessibleName(tr("Run the checks again"));
    m_runChecks->setToolTip(tr("Goes back to the checks and runs them all again, now that the API answers."));
    m_runChecks->setAutoDefault(true);
    m_runChecks->hide();
    outcomeLayout->addWidget(m_runChecks, 0, Qt::AlignLeft);
    connect(m_runChecks, &QPushButton::clicked, this, &RetryPage::runChecksRequested);
    m_outcome->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 12);
    layout->setSpacing(10);
    // Servers speak of rate limits and retry-after: both explained where the waiting happens.
    auto *termHelp = new TermHelp(this);
    termHelp->setTerms({Glossary::Term::RateLimit, Glossary::Term::RetryAfter});
    auto *titleRow = new QHBoxLayout;
    titleRow->setSpacing(4);
    titleRow->addWidget(title);
    titleRow->addWidget(termHelp, 0, Qt::AlignVCenter);
    titleRow->addStretch(1);
    layout->addLayout(titleRow);
    layout->addWidget(intro);
    layout->addLayout(controls);
    layout->addWidget(m_countdown);
    layout->addWidget(m_waitBar);
    layout->addWidget(m_outcome);
    layout->addWidget(m_chart, 2);
    layout->addWidget(m_list, 1);

    connect(m_startStop, &QPushButton::clicked, this, [this] { isRunning() ? stop() : start(); });
}

RetryPage::~RetryPage()
{
    if (m_retrier)
        m_retrier->cancel();
}

void RetryPage::setTarget(const core::Target &target)
{
    // Another address, provider, model, key or proxy: the old run is about someone else's server
    // and must not be shown as this one's.
    if (m_retrier && !isRunning() &&
        core::RunTarget::of(m_retrier->target()) != core::RunTarget::of(target)) {
        m_chart->setStore(nullptr);
        m_retrier->deleteLater();
        m_retrier = nullptr;
        m_list->clear();
        m_outcome->hide();
        m_waitBar->hide();
        m_countdown->clear();
        updateControls();
        emit stateChanged();
    }
    m_target = target;
}

core::RetryPolicy RetryPage::policy() const
{
    core::RetryPolicy p;
    p.maxAttempts = m_attempts->value();
    p.maxWaitS = m_window->currentData().toDouble();
    return p;
}

void RetryPage::start()
{
    if (isRunning())
        return;
    auto *retrier = new core::Retrier(m_target, policy(), this);
    QString error;
    if (!retrier->prepare(&error)) {
        delete retrier;
        m_countdown->setText(tr("Cannot start: %1").arg(error));
        return;
    }
    if (m_retrier) {
        m_chart->setStore(nullptr);
        m_retrier->deleteLater();
    }
    m_retrier = retrier;
    m_list->clear();
    m_outcome->hide();
    connect(retrier, &core::Retrier::attemptStarted, this, &RetryPage::onAttemptStarted);
    connect(retrier, &core::Retrier::attemptFinished, this, &RetryPage::onAttemptFinished);
    connect(retrier, &core::Retrier::waiting, this, &RetryPage::onWaiting);
    connect(retrier, &core::Retrier::finished, this, &RetryPage::onFinished);
    retrier->start();
    m_chart->setStore(&retrier->samples()); // after start(): the run's clock begins there
    updateControls();
    emit stateChanged();
}

void RetryPage::stop()
{
    if (m_retrier)
        m_retrier->cancel();
}

QString RetryPage::countdownText() const
{
    return m_countdown->text();
}

QString RetryPage::statusLine() const
{
    if (!m_retrier)
        return {};
    if (isRunning()) {
        const double left = m_retrier->waitRemainingMs();
        return left > 0 ? tr("Retrying: next attempt in %1").arg(seconds(left))
                        : tr("Retrying: attempt %1").arg(m_retrier->attempts().size());
    }
    return m_retrier->outcome() == core::Retrier::Outcome::Succeeded ? tr("Retry: it worked")
                                                                     : tr("Retry: stopped");
}

void RetryPage::onAttemptStarted(int n)
{
    m_waitBar->hide();
    m_countdown->setText(n == 1 ? tr("Attempt 1: asking the API…")
                                : tr("Attempt %1: asking the API again…").arg(n));
    emit stateChanged();
}

void RetryPage::onAttemptFinished(const core::RetryAttempt &a)
{
    auto *item = new QTreeWidgetItem(m_list);
    item->setText(0, QString::number(a.n));
    item->setText(1, m_retrier->samples().startedAt().addMSecs(qint64(a.startedMs)).toString(u"HH:mm:ss"_s));
    const core::SampleStore &samples = m_retrier->samples();
    item->setText(2, a.category == u"model_not_found"
                         ? tr("Answered, but without the model \"%1\"").arg(m_target.model)
                         : LatencyChart::outcomeText(samples.at(samples.size() - 1)).section(u" ("_s, 0, 0));
    item->setToolTip(2, LatencyChart::outcomeText(samples.at(samples.size() - 1)) + u"\n"_s + a.summary);
    item->setText(3, a.durationMs < 10 ? tr("%1 ms").arg(a.durationMs, 0, 'f', 1)
                                       : tr("%1 ms").arg(std::lround(a.durationMs)));
    item->setText(4, a.n == 1 ? QString() : seconds(a.waitedMs));
    item->setText(5, a.n == 1 ? tr("first attempt") : a.waitReason);
    setItemTone(item, 2, core::categoryIndex(a.category) == 0 ? Tone::Pass : Tone::Fail);
    for (int c = 0; c < 5; ++c)
        m_list->resizeColumnToContents(c);
    m_list->setColumnWidth(2, std::min(m_list->columnWidth(2), m_list->width() / 3));
    m_list->scrollToItem(item);
    m_chart->samplesAppended();
}

void RetryPage::onWaiting(double remainingMs, double totalMs, const QString &reason)
{
    m_countdown->setText(tr("Waiting %1 before trying again: %2.").arg(seconds(remainingMs), reason));
    m_waitBar->setRange(0, std::max(1, int(totalMs)));
    m_waitBar->setValue(int(totalMs - remainingMs));
    m_waitBar->show();
    emit stateChanged();
}

void RetryPage::onFinished()
{
    m_waitBar->hide();
    const core::Verdict v = m_retrier->verdict();
    const auto outcome = m_retrier->outcome();
    const int n = int(m_retrier->attempts().size());
    switch (outcome) {
    case core::Retrier::Outcome::Succeeded:
        m_icon->setState(StatusIcon::State::Pass);
        m_countdown->setText(n == 1 ? tr("Done: it worked at the first attempt.")
                                    : tr("Done: it worked after %1 attempts.").arg(n));
        break;
    case core::Retrier::Outcome::Cancelled:
        m_icon->setState(StatusIcon::State::Skip);
        m_countdown->setText(n == 1 ? tr("Stopped after one attempt.")
                                    : tr("Stopped after %1 attempts.").arg(n));
        break;
    default:
        m_icon->setState(StatusIcon::State::Fail);
        m_countdown->setText(n == 1 ? tr("Done: retrying cannot help here, so it stopped after one attempt.")
                                    : tr("Done: it still did not work after %1 attempts.").arg(n));
        break;
    }
    m_headline->setText(v.headline);
    m_headline->setProperty("category", v.categoryName());
    m_explanation->setText(v.explanation);
    clearLayout(m_stepsLayout);
    for (qsizetype i = 0; i < v.nextSteps.size(); ++i) {
        auto *step = textLabel(this);
        step->setText(u"%1. %2"_s.arg(i + 1).arg(v.nextSteps.at(i)));
        m_stepsLayout->addWidget(step);
    }
    m_runChecks->setVisible(outcome == core::Retrier::Outcome::Succeeded);
    m_outcome->setVisible(outcome != core::Retrier::Outcome::Cancelled || n > 0);
    updateControls();
    emit stateChanged();
}

void RetryPage::updateControls()
{
    const bool running = isRunning();
    m_startStop->setText(running ? tr("S&top retrying")
                                 : (m_retrier ? tr("&Start again") : tr("&Start retrying")));
    m_startStop->setAccessibleName(running ? tr("Stop retrying") : tr("Start retrying"));
    m_attempts->setEnabled(!running);
    m_window->setEnabled(!running);
}

} // namespace llmdoctor::ui
