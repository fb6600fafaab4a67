#include "checkspage.h"

#include "checkrow.h"
#include "core/checks/diagnosis.h"
#include "core/checks/diagnosiscontext.h"
#include "elidinglabel.h"

#include <QLabel>
#include <QProgressBar>
#include <QScrollArea>
#include <QVBoxLayout>

namespace llmdoctor::ui {

using namespace Qt::StringLiterals;

ChecksPage::ChecksPage(QWidget *parent) : QWidget(parent)
{
    // One line, however long the address: shortened in the middle, the whole of it on hover.
    m_heading = new ElidingLabel(this);
    m_heading->setFullText(tr("Checking…"));
    m_heading->setObjectName(u"checksHeading"_s);
    QFont big = m_heading->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_heading->setFont(big);

    m_status = new QLabel(this);
    m_status->setObjectName(u"checksStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setAccessibleName(tr("Progress"));

    m_progress = new QProgressBar(this);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(8);
    m_progress->setAccessibleName(tr("Checks done"));

    m_rowBox = new QWidget;
    m_rowLayout = new QVBoxLayout(m_rowBox);
    m_rowLayout->setContentsMargins(0, 0, 0, 0);
    m_rowLayout->setSpacing(6);
    m_rowLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_rowBox);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setAccessibleName(tr("The checks, one per line"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 12);
    layout->setSpacing(10);
    layout->addWidget(m_heading);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(scroll, 1);

    m_tick.setInterval(250); // a second's change shows within a quarter of it
    connect(&m_tick, &QTimer::timeout, this, &ChecksPage::updateCountdowns);
}

void ChecksPage::updateCountdowns()
{
    if (!m_diagnosis || m_state != State::Running || !m_diagnosis->isRunning())
        return;
    const qint64 leftMs = m_diagnosis->context().deadline.remainingTime();
    if (leftMs < 0)
        return; // no deadline
    const int leftS = int((leftMs + 999) / 1000);
    QStringList running;
    for (CheckRow *r : std::as_const(m_rowOrder)) {
        if (r->status() == u"running") {
            r->setGivesUpIn(leftS);
            running << r->title();
        }
    }
    if (!running.isEmpty())
        m_status->setText(tr("Still running: %1 Gives up in %2 s.").arg(running.join(u' ')).arg(leftS));
    else if (m_countingDown)
        m_status->setText(tr("Checking…")); // between two steps: no step to name
    m_countingDown = !running.isEmpty();
}

QWidget *ChecksPage::lastFocusable() const
{
    return m_rowOrder.isEmpty() ? nullptr : m_rowOrder.constLast()->lastFocusable();
}

void ChecksPage::setDiagnosis(core::Diagnosis *diagnosis)
{
    if (m_diagnosis)
        m_diagnosis->disconnect(this);
    qDeleteAll(m_rowOrder);
    m_rowOrder.clear();
    m_rows.clear();
    m_diagnosis = diagnosis;
    m_cancelling = false;
    m_tick.stop();
    m_state = diagnosis ? State::Running : State::Idle;
    if (!diagnosis)
        return;

    m_address = diagnosis->target().baseUrl.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
    m_heading->setFullText(tr("Checking %1").arg(m_address));
    m_status->setText(tr("Starting…"));
    for (const core::Check *check : diagnosis->checks()) {
        auto *row = new CheckRow(check->id(), check->title(), m_rowBox);
        m_rowLayout->insertWidget(m_rowLayout->count() - 1, row); // before the stretch
        m_rows.insert(check->id(), row);
        m_rowOrder.append(row);
    }
    updateProgress();

    connect(diagnosis, &core::Diagnosis::checkStarted, this, &ChecksPage::onCheckStarted);
    connect(diagnosis, &core::Diagnosis::checkProgress, this, &ChecksPage::onCheckProgress);
    connect(diagnosis, &core::Diagnosis::checkFinished, this, &ChecksPage::onCheckFinished);
    connect(diagnosis, &core::Diagnosis::finished, this, &ChecksPage::onFinished);
    m_tick.start();
    emit stateChanged();
}

void ChecksPage::onCheckStarted(const QString &id)
{
    if (CheckRow *r = row(id)) {
        r->setRunning();
        m_status->setText(r->title());
    }
    updateCountdowns();
}

void ChecksPage::onCheckProgress(const QString &id, const QString &text)
{
    if (CheckRow *r = row(id))
        r->setProgress(text);
    m_status->setText(text);
}

void ChecksPage::onCheckFinished(const core::CheckResult &result)
{
    if (CheckRow *r = row(result.id))
        r->setResult(result, m_cancelling && result.status == core::CheckStatus::Skip);
    updateProgress();
    updateCountdowns(); // the status line names only the steps still running
}

void ChecksPage::updateProgress()
{
    int done = 0;
    for (const CheckRow *r : std::as_const(m_rowOrder))
        done += r->isFinal() ? 1 : 0;
    m_progress->setRange(0, std::max<int>(1, int(m_rowOrder.size())));
    m_progress->setValue(done);
}

void ChecksPage::onFinished()
{
    if (m_state != State::Running)
        return;
    m_tick.stop();
    m_heading->setFullText(tr("Checks of %1").arg(m_address));
    if (m_cancelling) {
        m_state = State::Cancelled;
        for (CheckRow *r : std::as_const(m_rowOrder)) {
            if (!r->isFinal())
                r->setCancelled();
        }
        m_status->setText(
            tr("Cancelled. Nothing can be concluded from an incomplete run: run the checks again and "
               "let them finish."));
    } else {
        m_state = State::Finished;
        int problems = 0;
        int warnings = 0;
        for (const CheckRow *r : std::as_const(m_rowOrder)) {
            problems += r->status() == u"fail" ? 1 : 0;
            warnings += r->status() == u"warn" ? 1 : 0;
        }
        if (problems == 1)
            m_status->setText(
                tr("Done: one step found a problem. \"See the verdict\" explains what it means."));
        else if (problems > 1)
            m_status->setText(
                tr("Done: %1 steps found a problem. \"See the verdict\" explains what it means.")
                    .arg(problems));
        else if (warnings > 0)
            m_status->setText(
                tr("Done: nothing failed, but something is worth a look. \"See the verdict\" explains."));
        else
            m_status->setText(tr("Done: every step worked. \"See the verdict\" sums it up."));
    }
    updateProgress();
    emit stateChanged();
}

void ChecksPage::cancel()
{
    if (m_state != State::Running)
        return;
    m_cancelling = true;
    if (m_diagnosis)
        m_diagnosis->cancel(); // checks end synchronously, as skipped; finished() usually follows at once
    // Whatever the diagnosis did, the user asked to stop: nothing from this run arrives any more.
    if (m_diagnosis)
        m_diagnosis->disconnect(this);
    if (m_state == State::Running)
        onFinished();
}

} // namespace llmdoctor::ui
