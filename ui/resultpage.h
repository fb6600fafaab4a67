#pragma once

#include "core/report/findings.h"
#include "fixactions.h"

#include <QWidget>

class QHBoxLayout;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace llmdoctor::ui {

class PhaseChart;
class TermHelp;
class StatusIcon;

// The answer: what is wrong, who should act, what to do next, and where the time went.
class ResultPage final : public QWidget
{
    Q_OBJECT
public:
    explicit ResultPage(QWidget *parent = nullptr);

    // Everything on the page comes from the findings: nothing is read from the live checks.
    void showFindings(const core::Findings &findings);
    // Verdict and check summaries as plain text for support; never contains the API key.
    QString summaryText() const { return m_summary; }

    // The text behind "Copy summary", from the same facts.
    static QString buildSummary(const core::Findings &findings);

    // The fixes the page offers as buttons, for the findings shown.
    const QList<Fix> &fixes() const { return m_fixes; }
    // One line under the fix buttons: what a fix changed ("press Run again"); empty hides it.
    void setFixStatus(const QString &text, bool failed = false);

signals:
    void fixRequested(const llmdoctor::ui::Fix &fix);

private:
    StatusIcon *m_icon;
    QLabel *m_headline;
    TermHelp *m_termHelp;
    QLabel *m_whoActs;
    QLabel *m_explanation;
    QLabel *m_wait; // the retry-after the provider asked for, when the verdict does not say it
    QWidget *m_fixRow;
    QHBoxLayout *m_fixLayout;
    QLabel *m_fixStatus;
    QPushButton *m_showModels; // the model list the run read, whatever the verdict
    Fix m_showModelsFix;
    QList<Fix> m_fixes;
    QWidget *m_requestRow;
    QLabel *m_requestId;
    QPushButton *m_copyRequestId;
    QLabel *m_alsoHeading;
    QLabel *m_also; // the other causes, one line each
    QLabel *m_stepsHeading;
    QWidget *m_steps;
    QVBoxLayout *m_stepsLayout;
    QLabel *m_timingHeading;
    PhaseChart *m_chart;
    QLabel *m_noTiming;
    QString m_summary;
};

} // namespace llmdoctor::ui
