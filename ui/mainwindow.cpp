#include "mainwindow.h"

#include "checkspage.h"
#include "core/checks/diagnosis.h"
#include "core/checks/diagnosiscontext.h"
#include "core/checks/networkchecks.h"
#include "core/probe/background.h"
#include "core/report/reportparts.h"
#include "core/target/redactor.h"
#include "errorpage.h"
#include "exportpage.h"
#include "fixactions.h"
#include "flowlayout.h"
#include "keyboard.h"
#include "keystore.h"
#include "modelchooser.h"
#include "monitorwindow.h"
#include "palette.h"
#include "practicebox.h"
#include "reportexport.h"
#include "resultpage.h"
#include "retrypage.h"
#include "screenfit.h"
#include "startpage.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPalette>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollArea>
#include <QShortcut>
#include <QSslSocket>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTimer>
#include <QVBoxLayout>

namespace llmdoctor::ui {

using namespace Qt::StringLiterals;

namespace {

// Pages scroll rather than push the window taller than the screen (Advanced, long verdicts).
QScrollArea *scrolling(QWidget *page, const QString &name)
{
    auto *area = new QScrollArea;
    area->setAccessibleName(name); // it takes focus so the keyboard can scroll it
    area->setWidget(page);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return area;
}

QPushButton *barButton(const QString &text, const QString &accessibleName, const QString &objectName,
                       QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setAccessibleName(accessibleName);
    button->setObjectName(objectName);
    button->setAutoDefault(true); // Enter on a focused button presses it, as in a dialog
    return button;
}

} // namespace

MainWindow::MainWindow(core::Target prefill, QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("llmdoctor"));
    setObjectName(u"llmdoctorMainWindow"_s);
    core::warmUpTls(); // while the user types, not when the first check runs

    m_startPage = new StartPage;
    m_checksPage = new ChecksPage;
    m_resultPage = new ResultPage;
    m_errorPage = new ErrorPage;
    m_retryPage = new RetryPage;
    m_exportPage = new ExportPage;
    m_keyStore = new KeyStore(this);
    m_startPage->setDefaultTimeout(m_settings.timeoutSeconds());
    // Options on the command line win; otherwise the last target (never with its key), otherwise
    // the default provider.
    const bool prefilled = !prefill.baseUrl.isEmpty() || !prefill.provider.isEmpty();
    core::Target start = prefill;
    if (!prefilled) {
        if (const auto last = m_settings.lastTarget()) {
            start = *last;
        } else {
            start.provider = m_settings.defaultProvider();
            // A real choice to start from, with its address, rather than an empty "Other" one.
            if (start.provider.isEmpty())
                start.provider = u"openai"_s;
            start.timeoutMs = m_settings.timeoutSeconds() * 1000;
        }
    }
    m_startPage->setTarget(start);

    m_stack = new QStackedWidget;
    m_stack->setObjectName(u"pageStack"_s);
    QScrollArea *startArea = scrolling(m_startPage, tr("What is going wrong?"));
    startArea->setFocusPolicy(Qt::NoFocus); // its fields take focus; one more stop would only confuse
    m_stack->addWidget(startArea);
    m_stack->addWidget(m_checksPage); // scrolls its rows itself
    m_stack->addWidget(scrolling(m_resultPage, tr("The verdict")));
    m_stack->addWidget(scrolling(m_errorPage, tr("What this error means")));
    m_stack->addWidget(scrolling(m_retryPage, tr("Wait and retry"))); // its advice may be long
    m_stack->addWidget(scrolling(m_exportPage, tr("Send a report")));

    auto *central = new QWidget(this);
    auto *line = new QFrame(central);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);

    m_back = barButton(tr("&Back"), tr("Back"), u"backButton"_s, central);
    m_about = barButton(tr("A&bout"), tr("About llmdoctor"), u"aboutButton"_s, central);
    m_about->setToolTip(tr("What llmdoctor is, its version and where to get help (F1)"));
    m_startOver = barButton(tr("&Start over"), tr("Start over"), u"startOverButton"_s, central);
    m_startOver->setToolTip(tr("Back to the first page; what you typed is kept."));
    m_run = barButton(tr("&Run the checks"), tr("Run the checks"), u"runButton"_s, central);
    m_verdict = barButton(tr("See the &verdict"), tr("See the verdict"), u"verdictButton"_s, central);
    m_runAgain = barButton(tr("Run &again"), tr("Run again"), u"runAgainButton"_s, central);
    m_cancel = barButton(tr("&Cancel"), tr("Cancel the checks"), u"cancelButton"_s, central);
    m_cancel->setToolTip(tr("Stops the checks now (Esc)"));
    m_retry = barButton(tr("&Wait and retry"), tr("Wait and retry"), u"retryButton"_s, central);
    m_retry->setToolTip(tr("Asks the API again and again, waiting in between, until it answers: what support "
                           "articles tell you to do by hand."));
    m_watch = barButton(tr("Watch over &time…"), tr("Watch over time"), u"watchButton"_s, central);
    m_watch->setToolTip(tr("Opens a window that asks the API at a fixed interval and charts the answers, to "
                           "catch problems that come and go."));
    // Everything for sending the results to someone, behind one button.
    // The last step: everything for sending the results to whoever can fix it.
    m_share = barButton(tr("Next: send a &report"), tr("Next: send a report"), u"shareButton"_s, central);
    m_share->setToolTip(
        tr("A message to send to whoever should act, and the report as HTML, PDF, Markdown, JSON, "
           "HAR or text. Your API key is never in any of them."));
    m_exportStatus = new QLabel(central);
    m_exportStatus->setObjectName(u"exportStatus"_s);
    m_exportStatus->setWordWrap(true);
    m_retryStatus = new QLabel(central);
    m_retryStatus->setObjectName(u"retryStatus"_s);

    m_retryStatus->setWordWrap(true);
    // A greyed-out button alone does not say what is missing: this line does, next to it.
    m_runHint = new QLabel(central);
    m_runHint->setObjectName(u"runHint"_s);
    m_runHint->setWordWrap(true);
    m_runHint->setTextFormat(Qt::PlainText);
    m_runHint->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    setTone(m_runHint, Tone::Warn);
    m_runHint->hide();
    // The bar: what is going on behind the page above its buttons; the buttons wrap onto a second
    // line rather than widen the window (a small screen, longer German labels), never touching.
    auto *bar = new QVBoxLayout;
    bar->setContentsMargins(16, 8, 16, 12);
    bar->setSpacing(6);
    auto *statusRow = new QHBoxLayout;
    statusRow->setSpacing(12);
    statusRow->addWidget(m_retryStatus, 1);
    statusRow->addWidget(m_exportStatus, 1);
    statusRow->addWidget(m_runHint, 1);
    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(8);
    buttons->addWidget(m_back, 0, Qt::AlignTop);
    buttons->addWidget(m_about, 0, Qt::AlignTop);
    auto *actions = new FlowLayout(8);
    for (QPushButton *b : {m_watch, m_retry, m_share, m_startOver, m_run, m_verdict, m_runAgain, m_cancel})
        actions->addWidget(b);
    buttons->addLayout(actions, 1);
    bar->addLayout(statusRow);
    bar->addLayout(buttons);

    // While practising, a banner says so on every page: nothing here is about the real service.
    m_practiceBanner = new QFrame(central);
    m_practiceBanner->setObjectName(u"practiceBanner"_s);
    m_practiceBanner->setAutoFillBackground(true);
    m_practiceBanner->setBackgroundRole(QPalette::AlternateBase); // follows a light or dark palette
    m_practiceText = new QLabel(m_practiceBanner);
    m_practiceText->setWordWrap(true);
    auto *leave = new QPushButton(tr("&Leave practice"), m_practiceBanner);
    leave->setObjectName(u"leavePracticeButton"_s);
    auto *bannerLayout = new QHBoxLayout(m_practiceBanner);
    bannerLayout->setContentsMargins(16, 6, 16, 6);
    bannerLayout->addWidget(m_practiceText, 1);
    bannerLayout->addWidget(leave);
    m_practiceBanner->hide();
    connect(leave, &QPushButton::clicked, this, &MainWindow::leavePractice);

    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_practiceBanner);
    layout->addWidget(m_stack, 1);
    layout->addWidget(line);
    layout->addLayout(bar);
    setCentralWidget(central);

    connect(m_run, &QPushButton::clicked, this, [this] {
        if (currentPage() == Start)
            proceedFromStart();
        else
            runChecks();
    });
    connect(m_runAgain, &QPushButton::clicked, this, &MainWindow::runChecks);
    connect(m_startPage, &StartPage::runRequested, this, &MainWindow::proceedFromStart);
    connect(m_startPage, &StartPage::validityChanged, this, &MainWindow::updateButtons);
    connect(m_startPage, &StartPage::rememberKeyToggled, this, &MainWindow::onRememberKeyToggled);
    connect(m_keyStore, &KeyStore::stateChanged, this,
            [this] { m_startPage->setKeychainProblem(m_keyStore->problem()); });
    connect(m_keyStore, &KeyStore::keyRead, this, [this](const QString &account, const QByteArray &key) {
        const auto target = m_startPage->target(nullptr);
        if (target && KeyStore::accountFor(*target) == account)
            m_startPage->setKeyIfEmpty(key);
    });
    connect(m_cancel, &QPushButton::clicked, this, &MainWindow::cancelChecks);
    connect(m_verdict, &QPushButton::clicked, this, &MainWindow::showVerdict);
    connect(m_back, &QPushButton::clicked, this, &MainWindow::goBack);
    connect(m_startOver, &QPushButton::clicked, this, [this] { goTo(Start); });
    connect(m_retry, &QPushButton::clicked, this, &MainWindow::showRetry);
    connect(m_watch, &QPushButton::clicked, this, &MainWindow::showMonitor);
    connect(m_retryPage, &RetryPage::stateChanged, this, &MainWindow::updateRetryStatus);
    connect(m_retryPage, &RetryPage::runChecksRequested, this, &MainWindow::runChecks);
    connect(m_share, &QPushButton::clicked, this, &MainWindow::showExport);
    connect(m_resultPage, &ResultPage::fixRequested, this, &MainWindow::applyFix);
    connect(m_startPage->practiceBox(), &PracticeBox::practiceRequested, this, &MainWindow::startPractice);
    connect(m_exportPage, &ExportPage::saveRequested, this, &MainWindow::chooseExport);
    connect(m_exportPage, &ExportPage::copyCurlRequested, this, &MainWindow::copyCurl);
    connect(m_exportPage, &ExportPage::copySummaryRequested, this, &MainWindow::copySummary);
    connect(m_checksPage, &ChecksPage::stateChanged, this, [this] {
        updateButtons();
        fixTabOrder();
        if (m_checksPage->state() == ChecksPage::State::Finished && currentPage() == Checks)
            m_verdict->setFocus(); // Enter now shows the verdict
        offerModelsFromRun();
    });

    auto *esc = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    connect(esc, &QShortcut::activated, this, &MainWindow::cancelChecks);
    auto *help = new QShortcut(QKeySequence::HelpContents, this);
    connect(help, &QShortcut::activated, this, &MainWindow::showAbout);
    connect(m_about, &QPushButton::clicked, this, &MainWindow::showAbout);

    ButtonKeys::install(); // Enter presses a focused button, as Space does
    keepOnScreen(this, QSize(820, 700));
    // Only reads a small file: nothing slow happens before the window shows.
    restoreGeometry(m_settings.windowGeometry());
    restoreState(m_settings.windowState());
    fitToScreen(this, size()); // a size saved on a bigger screen, or at a smaller scale
    // The keychain is asked only by someone who chose it before: asking may show an unlock prompt.
    if (m_settings.rememberKey()) {
        m_startPage->setRememberKey(true);
        if (const auto target = m_startPage->target(nullptr); target && target->apiKey.isEmpty())
            m_keyStore->read(KeyStore::accountFor(*target));
    }

    goTo(Start);
    m_startPage->firstField()->setFocus();
}

MainWindow::~MainWindow()
{
    if (m_diagnosis)
        m_diagnosis->cancel();
    delete m_monitorWindow; // a window of its own, but it goes with the wizard
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(m_stack->currentIndex());
}

void MainWindow::goTo(Page page)
{
    m_stack->setCurrentIndex(page);
    updateButtons();
    if (page == Start)
        m_startPage->firstField()->setFocus();
}

QString MainWindow::pastedError() const
{
    const auto target = m_startPage->target(nullptr);
    return target ? target->errorText.trimmed() : QString();
}

void MainWindow::offerModelsFromRun()
{
    // The run already fetched the model list: once the key works, the model field offers it.
    if (!m_diagnosis || !m_diagnosis->isFinished())
        return;
    const auto &list = m_diagnosis->context().modelList;
    if (!list || !list->response || list->response->status / 100 != 2)
        return;
    const QStringList models = core::ModelCheck::parseModelList(list->response->body);
    if (!models.isEmpty())
        m_startPage->setAvailableModels(models);
}

void MainWindow::proceedFromStart()
{
    if (!m_startPage->isValid())
        return;
    const QString pasted = pastedError();
    if (pasted.isEmpty()) {
        runChecks();
        return;
    }
    m_errorPage->explain(pasted, m_startPage->target(nullptr).value_or(core::Target()));
    goTo(Explain);
    m_run->setFocus();
}

void MainWindow::goBack()
{
    if (currentPage() == Retry)
        goTo(m_retryReturn);
    else if (currentPage() == Export)
        goTo(Result);
    else if (currentPage() == Result)
        goTo(Checks);
    else if (currentPage() == Checks && m_checksPage->state() != ChecksPage::State::Running)
        goTo(pastedError().isEmpty() ? Start : Explain);
    else if (currentPage() == Explain)
        goTo(Start);
}

void MainWindow::updateButtons()
{
    const Page page = currentPage();
    const ChecksPage::State state = m_checksPage->state();
    const bool running = state == ChecksPage::State::Running;

    m_back->setVisible(page != Start);
    m_about->setVisible(page == Start);
    m_back->setText(page == Result ? tr("Back to the &checks") : tr("&Back"));
    m_back->setAccessibleName(page == Result ? tr("Back to the checks") : tr("Back"));
    m_back->setEnabled(!(page == Checks && running));

    m_run->setVisible(page == Start || page == Explain);
    m_run->setEnabled(m_startPage->isValid());
    // With a pasted message, the first step is to explain it.
    const bool explainFirst = page == Start && !pastedError().isEmpty();
    m_run->setText(explainFirst ? tr("&Next: what the error means") : tr("&Run the checks"));
    m_run->setAccessibleName(explainFirst ? tr("Next: what the error means") : tr("Run the checks"));

    m_verdict->setVisible(page == Checks && state != ChecksPage::State::Cancelled);
    m_verdict->setEnabled(state == ChecksPage::State::Finished);

    m_runAgain->setVisible(page == Result || (page == Checks && state == ChecksPage::State::Cancelled));
    m_runAgain->setEnabled(m_startPage->isValid());
    // Why it cannot run, on the button (tooltip) and beside it, updated as the user types.
    const QString blocker = m_startPage->isValid() ? QString() : m_startPage->runBlocker();
    const bool runShown = page == Start || page == Explain;
    const bool runAgainShown = page == Result || (page == Checks && state == ChecksPage::State::Cancelled);
    m_run->setToolTip(runShown ? blocker : QString());
    m_runAgain->setToolTip(runAgainShown ? blocker : QString());
    m_runHint->setText(blocker);
    m_runHint->setVisible(!blocker.isEmpty() && (runShown || runAgainShown));

    const bool checksDone = state == ChecksPage::State::Finished;
    m_retry->setVisible((page == Result || (page == Checks && checksDone)));
    m_watch->setVisible(page == Result || page == Retry);
    updateRetryStatus();

    m_share->setVisible(page == Result);
    m_back->setText(page == Result   ? tr("Back to the &checks")
                    : page == Export ? tr("Back to the &verdict")
                                     : tr("&Back"));
    if (page != Result && page != Export)
        m_exportStatus->clear();
    m_exportStatus->setVisible(page == Result); // the export page shows its own
    m_startOver->setVisible(page == Result || page == Export);

    // Cancel exists only while there is something to stop.
    m_cancel->setVisible(page == Checks && running);
    m_cancel->setEnabled(running);

    // The page's main action looks like the main action.
    m_run->setDefault(page == Start || page == Explain);
    m_verdict->setDefault(page == Checks);
    m_runAgain->setDefault(page == Result || (page == Checks && state == ChecksPage::State::Cancelled));
    fixTabOrder();
}

void MainWindow::fixTabOrder()
{
    // Tab follows the reading order: the page top to bottom (rows made later too), then the bar.
    // Once the page is laid out, so the positions are the ones the user sees.
    QMetaObject::invokeMethod(
        this, [this] { orderTabsByReading(this); }, Qt::QueuedConnection);
}

void MainWindow::runChecks()
{
    QString error;
    const auto target = m_startPage->target(&error);
    if (!target) {
        goTo(Start);
        m_startPage->showRunProblem(error);
        return;
    }
    auto *diagnosis = new core::Diagnosis(*target, this);
    if (!diagnosis->prepare(&error)) {
        delete diagnosis;
        goTo(Start);
        m_startPage->showRunProblem(error);
        return;
    }

    if (m_diagnosis) {
        m_checksPage->setDiagnosis(nullptr);
        m_diagnosis->cancel();
        m_diagnosis->deleteLater(); // it may be inside one of its own signals
    }
    m_diagnosis = diagnosis;
    m_checksPage->setDiagnosis(diagnosis);
    // Saved once the run is over: writing the settings file (QSaveFile syncs it to disk) on the GUI
    // thread while the probes time their phases could stall and distort them.
    // A practice run is against llmdoctor's own test server: nothing about it is worth keeping.
    if (!isPractising())
        connect(diagnosis, &core::Diagnosis::finished, this, [this, t = *target] { rememberTarget(t); });
    goTo(Checks);
    m_cancel->setFocus();
    // Show the checks page first, then start: the click returns at once and the page paints.
    QTimer::singleShot(0, diagnosis, &core::Diagnosis::start);
}

void MainWindow::cancelChecks()
{
    if (m_checksPage->state() != ChecksPage::State::Running)
        return;
    m_checksPage->cancel();
    if (currentPage() == Checks)
        m_runAgain->setFocus();
}

void MainWindow::showVerdict()
{
    if (!m_diagnosis || m_checksPage->state() != ChecksPage::State::Finished)
        return;
    refreshFindings();
    m_resultPage->showFindings(*m_findings);
    goTo(Result);
    m_runAgain->setFocus();
}

void MainWindow::showRetry()
{
    if (currentPage() != Retry)
        m_retryReturn = currentPage();
    if (!m_retryPage->isRunning()) {
        if (const auto target = m_startPage->target(nullptr))
            m_retryPage->setTarget(*target);
        m_retryPage->chart()->setIncidents(incidentSpans());
        if (!m_retryPage->retrier())
            m_retryPage->start(); // the first time, do it rather than ask
    }
    goTo(Retry);
}

MonitorWindow *MainWindow::monitorWindow()
{
    if (!m_monitorWindow)
        m_monitorWindow = new MonitorWindow(this);
    return m_monitorWindow;
}

void MainWindow::showMonitor()
{
    MonitorWindow *w = monitorWindow();
    if (!w->isRunning()) {
        if (const auto target = m_startPage->target(nullptr))
            w->setTarget(*target);
        w->setIncidents(incidentSpans());
    }
    w->setPracticeText(isPractising() ? m_practiceText->text() : QString());
    w->show();
    w->raise();
    w->activateWindow();
}

QList<LatencyChart::Span> MainWindow::incidentSpans() const
{
    QList<LatencyChart::Span> spans;
    if (!m_diagnosis || !m_diagnosis->context().statusPage)
        return spans;
    const core::StatusSnapshot &page = *m_diagnosis->context().statusPage;
    for (const QList<core::StatusIncident> *list : {&page.incidents, &page.maintenances}) {
        for (const core::StatusIncident &i : *list) {
            if (i.startedAt.isValid())
                spans.append({i.startedAt.toLocalTime(), QDateTime(), i.name, i.impact});
        }
    }
    return spans;
}

void MainWindow::updateRetryStatus()
{
    // While retrying goes on behind another page, the bar says how it is going.
    const bool show = m_retryPage->retrier() && currentPage() != Retry &&
                      (m_retryPage->isRunning() || currentPage() == Result);
    m_retryStatus->setVisible(show);
    if (show)
        m_retryStatus->setText(m_retryPage->statusLine());
}

bool MainWindow::exportReport(const QString &path)
{
    if (!m_diagnosis || !m_diagnosis->isFinished()) {
        m_exportStatus->setText(tr("Run the checks first: there is nothing to export yet."));
        return false;
    }
    refreshFindings();
    QString error;
    const bool ok = ReportExport::write(*m_findings, path, &error);
    m_exportStatus->setText(ok ? tr("Saved to %1").arg(QDir::toNativeSeparators(path))
                               : tr("Not saved: %1. Nothing is lost; choose another place.").arg(error));
    m_exportPage->setStatus(m_exportStatus->text(), !ok);
    m_exportPage->setSavedFile(ok ? path : QString());
    m_exportStatus->setProperty("failed", !ok);
    setTone(m_exportStatus, ok ? Tone::Normal : Tone::Fail);
    return ok;
}

QString MainWindow::exportStatus() const
{
    return m_exportStatus->text();
}

const core::Findings *MainWindow::findings() const
{
    return m_findings ? &*m_findings : nullptr;
}

void MainWindow::refreshFindings()
{
    if (!m_diagnosis || !m_diagnosis->isFinished()) {
        m_findings.reset();
        return;
    }
    // The builder drops a retry or monitor run made against another target.
    core::ReportSources sources{m_diagnosis};
    sources.retry = m_retryPage->retrier();
    if (m_monitorWindow) {
        sources.monitor = m_monitorWindow->monitor();
        if (!m_monitorWindow->pathView()->path().hops.isEmpty())
            sources.path = &m_monitorWindow->pathView()->path(); // the route it followed while watching
    }
    m_findings = core::buildFindings(sources);
}

void MainWindow::showAbout()
{
    QMessageBox box(this);
    box.setObjectName(u"aboutBox"_s);
    box.setWindowTitle(tr("About llmdoctor"));
    box.setIconPixmap(windowIcon().pixmap(64, 64));
    box.setTextFormat(Qt::RichText);
    box.setText(
        tr("<h3>llmdoctor %1</h3><p>Finds out why calls to an AI service fail, and tells you in plain "
           "words whose side the problem is on and what to do next.</p>")
            .arg(QStringLiteral(LLMDOCTOR_VERSION).toHtmlEscaped()));
    box.setInformativeText(
        tr("<p>It tests each step between your computer and the service: finding the server, "
           "connecting, the secure connection, the proxy, the answer, your key and the model. "
           "Your API key stays on this computer and is never written into a report.</p>"
           "<p>Qt %1 · %2</p><p>Command line: <code>llmdoctor --help</code></p>")
            .arg(QString::fromLatin1(qVersion()), QSslSocket::sslLibraryVersionString().toHtmlEscaped()));
    box.setStandardButtons(QMessageBox::Close);
    box.exec();
}

void MainWindow::startPractice(const PracticeScenario &scenario)
{
    if (m_checksPage->state() == ChecksPage::State::Running)
        cancelChecks();
    if (!isPractising())
        m_beforePractice = m_startPage->target(nullptr).value_or(core::Target());
    m_retryPage->stop();
    if (m_practiceSim)
        m_practiceSim->deleteLater();
    core::SimulatorOptions options;
    options.fault = scenario.fault;
    options.failFirst = scenario.failFirst;
    options.retryAfterSeconds = 3;
    auto *sim = new core::Simulator(options, this);
    QString error;
    if (!sim->start(&error)) {
        delete sim;
        m_startPage->showRunProblem(tr("The practice server could not start: %1").arg(error));
        return;
    }
    m_practiceSim = sim;
    core::Target t;
    t.baseUrl = sim->baseUrl();
    t.model = u"gpt-4o-mini"_s;
    t.apiKey = "sk-practice-0000000000000000000000000000000000000000";
    t.errorText = scenario.pastedText;
    t.timeoutMs = 5000; // a simulated hang need not take half a minute
    t.proxy.mode = core::ProxyChoice::Mode::None;
    m_startPage->setTarget(t);
    m_practiceText->setText(
        tr("Practice: llmdoctor's own test server on this computer is simulating %1. Nothing "
           "here is about your real service.")
            .arg(scenario.label));
    m_practiceBanner->show();
    setWindowTitle(tr("llmdoctor (practice)"));
    proceedFromStart();
}

void MainWindow::leavePractice()
{
    if (!isPractising())
        return;
    if (m_checksPage->state() == ChecksPage::State::Running)
        cancelChecks();
    m_retryPage->stop();
    if (m_monitorWindow) {
        m_monitorWindow->stop();
        m_monitorWindow->setPracticeText({});
    }
    m_practiceSim->deleteLater();
    m_practiceSim = nullptr;
    m_practiceBanner->hide();
    setWindowTitle(tr("llmdoctor"));
    m_startPage->setTarget(m_beforePractice);
    goTo(Start);
}

void MainWindow::showExport()
{
    if (!m_diagnosis || !m_diagnosis->isFinished())
        return;
    refreshFindings();
    m_exportPage->setMessage(m_findings->support, m_findings->keyShown);
    goTo(Export);
}

void MainWindow::chooseExport(const QString &suffix)
{
    const QString path = ReportExport::askSavePath(this, suffix); // that format's filter chosen
    if (!path.isEmpty())
        exportReport(path);
}

void MainWindow::copyCurl()
{
    refreshFindings();
    if (!m_findings)
        return;
    QApplication::clipboard()->setText(m_findings->curl);
    m_exportStatus->setText(tr("Copied a curl command. It reads the key from $%1; set that first.")
                                .arg(core::curlKeyVariable(m_findings->context)));
    m_exportPage->setStatus(m_exportStatus->text(), false);
}

void MainWindow::copySummary()
{
    QApplication::clipboard()->setText(m_resultPage->summaryText());
    m_exportStatus->setText(tr("Copied the summary ✓"));
    m_exportPage->setStatus(m_exportStatus->text(), false);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_diagnosis)
        m_diagnosis->cancel();
    m_retryPage->stop();
    if (m_monitorWindow)
        m_monitorWindow->close();
    m_settings.setWindowGeometry(saveGeometry());
    m_settings.setWindowState(saveState());
    m_settings.sync();
    QMainWindow::closeEvent(event);
}

void MainWindow::rememberTarget(const core::Target &target)
{
    m_settings.setLastTarget(target); // drops the key, the pasted error and any credentials
    if (!target.provider.isEmpty())
        m_settings.setDefaultProvider(target.provider);
    if (m_startPage->rememberKey() && !target.apiKey.isEmpty())
        m_keyStore->write(KeyStore::accountFor(target), target.apiKey);
}

void MainWindow::applyFix(const Fix &fix)
{
    switch (fix.kind) {
    case Fix::Kind::UseAddress:
        m_startPage->setAddress(fix.value);
        fixApplied(tr("Changed the address to %1; press Run again.").arg(fix.value));
        break;
    case Fix::Kind::ChooseModel: {
        // Window-modal without a nested event loop: a retry may be running behind the page.
        auto *chooser = new ModelChooser(fix.choices, fix.value, this);
        chooser->setAttribute(Qt::WA_DeleteOnClose);
        connect(chooser, &QDialog::accepted, this, [this, chooser] {
            const QString model = chooser->chosenModel();
            if (model.isEmpty())
                return;
            m_startPage->setModel(model);
            fixApplied(tr("Changed the model to %1; press Run again.").arg(model));
        });
        chooser->open();
        break;
    }
    case Fix::Kind::OpenStatusPage:
    case Fix::Kind::OpenKeyPage: {
        const QUrl url(fix.value);
        if (!FixActions::openUrl(url)) {
            m_resultPage->setFixStatus(tr("Nothing on this computer opened %1.").arg(fix.value), true);
            break;
        }
        m_resultPage->setFixStatus(fix.kind == Fix::Kind::OpenKeyPage
                                       ? tr("Opened %1 in your browser. Make a key there, put it in the "
                                            "key field on the first page, then run the checks again.")
                                             .arg(fix.value)
                                       : tr("Opened %1 in your browser.").arg(fix.value));
        break;
    }
    case Fix::Kind::ChooseCaFile:
        FixActions::chooseFile(this, tr("Choose the company certificate file"), fix.value,
                               tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
                               [this, guard = QPointer<MainWindow>(this)](const QString &path) {
                                   if (!guard)
                                       return;
                                   m_startPage->setCaFile(path);
                                   fixApplied(tr("The checks will also trust the certificates in %1; press "
                                                 "Run again.")
                                                  .arg(QDir::toNativeSeparators(path)));
                               });
        break;
    case Fix::Kind::UseSystemProxy:
        m_startPage->setProxyMode(core::ProxyChoice::Mode::System);
        fixApplied(tr("Changed the proxy setting to this computer's settings; press Run again."));
        break;
    case Fix::Kind::GoDirect:
        m_startPage->setProxyMode(core::ProxyChoice::Mode::None);
        fixApplied(tr("Changed the proxy setting to connect directly; press Run again."));
        break;
    }
}

void MainWindow::fixApplied(const QString &status)
{
    m_resultPage->setFixStatus(status);
    updateButtons(); // the changed field may make the target valid again
    if (currentPage() == Result && m_runAgain->isEnabled())
        m_runAgain->setFocus();
}

void MainWindow::onRememberKeyToggled(bool remember)
{
    m_settings.setRememberKey(remember);
    const auto target = m_startPage->target(nullptr);
    if (!target)
        return;
    const QString account = KeyStore::accountFor(*target);
    if (remember)
        m_keyStore->read(account); // finds out at once whether a keychain answers; fills an empty field
    else
        m_keyStore->remove(account);
}

} // namespace llmdoctor::ui
