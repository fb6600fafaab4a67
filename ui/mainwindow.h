#pragma once

#include "core/checks/diagnosis.h"
#include "core/target/target.h"

#include <QMainWindow>
#include <QPointer>

class QPushButton;
class QStackedWidget;

namespace llmdoctor::ui {

class StartPage;
class ChecksPage;
class ResultPage;
class ErrorPage;

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
        Explain = 3 // between Start and Checks, when an error message was pasted
    };

    core::Diagnosis *currentDiagnosis() const { return m_diagnosis; }
    Page currentPage() const;
    StartPage *startPage() const { return m_startPage; }
    ChecksPage *checksPage() const { return m_checksPage; }
    ResultPage *resultPage() const { return m_resultPage; }
    ErrorPage *errorPage() const { return m_errorPage; }

    void runChecks();        // what "Run the checks" / "Run again" do
    void proceedFromStart(); // explain a pasted error first, else run the checks
    void cancelChecks();
    void showVerdict();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void goTo(Page page);
    void goBack();
    void updateButtons();
    void fixTabOrder();
    void copySummary();
    QString pastedError() const;
    void offerModelsFromRun();

    QPointer<core::Diagnosis> m_diagnosis;
    QStackedWidget *m_stack;
    StartPage *m_startPage;
    ChecksPage *m_checksPage;
    ResultPage *m_resultPage;
    ErrorPage *m_errorPage;
    QPushButton *m_back;
    QPushButton *m_copy;
    QPushButton *m_startOver;
    QPushButton *m_run;
    QPushButton *m_verdict;
    QPushButton *m_runAgain;
    QPushButton *m_cancel;
};

} // namespace llmdoctor::ui
