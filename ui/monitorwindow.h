#pragma once

#include "charts/latencychart.h"
#include "core/monitor/monitor.h"
#include "core/target/target.h"
#include "pathview.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace llmdoctor::core {
class PathTracer;
}

namespace llmdoctor::ui {

class ElidingLabel;

// For long runs: asks the API at a fixed interval, draws every answer on the latency chart,
// keeps rolling statistics and names the patterns it finds. A window of its own, so the
// wizard stays usable beside it.
class MonitorWindow final : public QWidget
{
    Q_OBJECT
public:
    explicit MonitorWindow(QWidget *parent = nullptr);
    ~MonitorWindow() override;

    void setTarget(const core::Target &target);
    void setIncidents(const QList<LatencyChart::Span> &spans);
    // The practice banner's text while the wizard practises; "" hides the banner.
    void setPracticeText(const QString &text);
    bool showsPracticeBanner() const;
    void start();
    void stop();
    bool isRunning() const { return m_monitor && m_monitor->isRunning(); }
    core::Monitor *monitor() const { return m_monitor; }
    LatencyChart *chart() const { return m_chart; }
    PathView *pathView() const { return m_pathView; }

    // Writes the samples as CSV, atomically; false with the reason shown in the window (and
    // in *error). The samples stay whatever happens.
    bool exportCsv(const QString &path, QString *error = nullptr);
    QString statsText() const;
    QString patternsText() const;
    QString messageText() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void onSample();
    void refreshStats();
    void chooseExportFile();
    void updateControls();
    void startPath();

    core::Target m_target;
    QPointer<core::Monitor> m_monitor;
    QDoubleSpinBox *m_interval;
    QComboBox *m_duration;
    QPushButton *m_startStop;
    QPushButton *m_export;
    QCheckBox *m_phases;
    ElidingLabel *m_state;
    QWidget *m_practiceBanner;
    QLabel *m_practiceText;
    LatencyChart *m_chart;
    QLabel *m_stats;
    QTreeWidget *m_phaseTable;
    QLabel *m_patterns;
    QLabel *m_message;
    QCheckBox *m_followPath;
    PathView *m_pathView;
    QLabel *m_pathVerdict;
    QPointer<core::PathTracer> m_tracer;
    QTimer m_statsTimer; // statistics at most twice a second, however fast the probes
};

} // namespace llmdoctor::ui
