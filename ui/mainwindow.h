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
        Result = 2
    };

    core::Diagnosis *currentDiagnosis() const { return m_diagnosis; }
    Page currentPage() const;
    StartPage *startPage() const { return m_startPage; }
    ChecksPage *checksPage() const { return m_checksPage; }
    ResultPage *resultPage() const { return m_resultPage; }

    void runChecks(); // what "Run the checks" / "Run again" do
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

    QPointer<core::Diagnosis> m_diagnosis;
    QStackedWidget *m_stack;
    StartPage *m_startPage;
    ChecksPage *m_checksPage;
    ResultPage *m_resultPage;
    QPushButton *m_back;
    QPushButton *m_copy;
    QPushButton *m_startOver;
    QPushButton *m_run;
    QPushButton *m_verdict;
    QPushButton *m_runAgain;
    QPushButton *m_cancel;
};

} // namespace llmdoctor::ui
