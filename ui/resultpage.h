#pragma once

#include "core/checks/checkresult.h"
#include "core/diagnosis/verdict.h"
#include "core/target/target.h"

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

    void showResult(const core::Verdict &verdict, const QList<core::CheckResult> &results,
                    const core::Target &target);
    // Verdict and check summaries as plain text for support; never contains the API key.
    QString summaryText() const { return m_summary; }

    // The text behind "Copy summary", from the same facts.
    static QString buildSummary(const core::Verdict &verdict, const QList<core::CheckResult> &results,
                                const core::Target &target);

private:
    StatusIcon *m_icon;
    QLabel *m_headline;
    QLabel *m_whoActs;
    QLabel *m_explanation;
    QLabel *m_stepsHeading;
    QWidget *m_steps;
    QVBoxLayout *m_stepsLayout;
    QLabel *m_timingHeading;
    PhaseChart *m_chart;
    QLabel *m_noTiming;
    QString m_summary;
};

} // namespace llmdoctor::ui
