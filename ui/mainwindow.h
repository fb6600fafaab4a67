#pragma once

#include "charts/latencychart.h"
#include "core/checks/diagnosis.h"
#include "core/report/findings.h"
#include "core/settings/settings.h"
#include "core/sim/simulator.h"
#include "core/target/target.h"

#include <QMainWindow>
#include <QPointer>

class QLabel;
class QPushButton;
class QStackedWidget;

namespace llmdoctor::ui {

class StartPage;
class ChecksPage;
class ResultPage;
class ErrorPage;
class ExportPage;
class MonitorWindow;
class RetryPage;
class KeyStore;

// The wizard: start page -> checks -> verdict, with one button bar at the bottom. Builds no
// network object until the user runs the checks, so the window shows at once.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(core::Target prefill = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    enum Page
    {
        Start = 0,
        Checks = 1,
        Result = 2,
        Explain = 3, // between Start and Checks, when an error message was pasted
        Retry = 4,   // wait and retry, from the checks or the verdict
        Export = 5   // send a report, after the verdict
    };

    core::Diagnosis *currentDiagnosis() const { return m_diagnosis; }
    // What the finished run found, with the retry and monitor runs of the same target; null
    // before a run has finished.
    const core::Findings *findings() const;
    Page currentPage() const;
    StartPage *startPage() const { return m_startPage; }
    ChecksPage *checksPage() const { return m_checksPage; }
    ResultPage *resultPage() const { return m_resultPage; }
    ErrorPage *errorPage() const { return m_errorPage; }
    RetryPage *retryPage() const { return m_retryPage; }
    ExportPage *exportPage() const { return m_exportPage; }
    MonitorWindow *monitorWindow(); // made on first use
    KeyStore *keyStore() const { return m_keyStore; }

    void runChecks();        // what "Run the checks" / "Run again" do
    void proceedFromStart(); // explain a pasted error first, else run the checks
    void cancelChecks();
    void showVerdict();
    void showRetry();   // the wait-and-retry page; starts retrying the first time
    void showMonitor(); // the window for long runs
    // Writes the report (format from the file's suffix) with the retry and monitor runs there
    // were; false with the reason shown in the window. The results stay either way.
    bool exportReport(const QString &path);
    QString exportStatus() const;
    void copyCurl();   // the failing request as a curl command, the key read from the environment
    void showExport(); // the last page: a message for support and the report
    // Practice mode: the wizard against the built-in simulator with that failure.
    void startPractice(const struct PracticeScenario &scenario);
    void leavePractice();
    void showAbout(); // F1
    bool isPractising() const { return m_practiceSim != nullptr; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void refreshFindings();
    void goTo(Page page);
    void goBack();
    void updateButtons();
    void fixTabOrder();
    void copySummary();
    QString pastedError() const;
    void offerModelsFromRun();
    void updateRetryStatus();
    void chooseExport(const QString &suffix);
    // The provider's incidents from the last diagnosis, as spans for the latency charts.
    QList<LatencyChart::Span> incidentSpans() const;
    void rememberTarget(const core::Target &target);
    // A one-click fix from the verdict page: changes the start page, then offers "Run again".
    void applyFix(const struct Fix &fix);
    void fixApplied(const QString &status);
    void onRememberKeyToggled(bool remember);

    core::Settings m_settings; // the UI's only way to QSettings
    KeyStore *m_keyStore;

    QPointer<core::Diagnosis> m_diagnosis;
    std::optional<core::Findings> m_findings;
    QStackedWidget *m_stack;
    StartPage *m_startPage;
    ChecksPage *m_checksPage;
    ResultPage *m_resultPage;
    ErrorPage *m_errorPage;
    RetryPage *m_retryPage;
    ExportPage *m_exportPage;
    QPointer<MonitorWindow> m_monitorWindow;
    Page m_retryReturn = Result; // where Back goes from the retry page
    QPushButton *m_back;
    QPushButton *m_about;
    QPushButton *m_startOver;
    QPushButton *m_run;
    QPushButton *m_verdict;
    QPushButton *m_runAgain;
    QPushButton *m_cancel;
    QPushButton *m_retry;
    QPushButton *m_watch;
    QPushButton *m_share; // to the export page
    QLabel *m_exportStatus;
    QLabel *m_retryStatus;
    QLabel *m_runHint; // why Run is greyed out, next to it
    QWidget *m_practiceBanner;
    QLabel *m_practiceText;
    QPointer<core::Simulator> m_practiceSim;
    core::Target m_beforePractice; // what the user had typed, given back when practice ends
};

} // namespace llmdoctor::ui
