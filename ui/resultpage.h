#pragma once

#include "core/report/findings.h"

#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace llmdoctor::ui {

class PhaseChart;
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

private:
    StatusIcon *m_icon;
    QLabel *m_headline;
    QLabel *m_whoActs;
    QLabel *m_explanation;
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
