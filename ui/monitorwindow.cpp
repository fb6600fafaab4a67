#include "monitorwindow.h"

#include "core/path/pathtracer.h"
#include "elidinglabel.h"
#include "keyboard.h"
#include "labels.h"
#include "screenfit.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHostInfo>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QScreen>
#include <QScrollArea>
#include <QShortcut>
#include <QStandardPaths>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <cmath>

namespace llmdoctor::ui {

using namespace Qt::StringLiterals;

namespace {

QString ms(double v)
{
    if (v < 0)
        return u"–"_s;
    return v < 10 ? MonitorWindow::tr("%1 ms").arg(v, 0, 'f', 1)
                  : MonitorWindow::tr("%1 ms").arg(std::lround(v));
}

QString phaseName(const QString &key)
{
    static const QMap<QString, const char *> names{
        {u"dns"_s, QT_TRANSLATE_NOOP("llmdoctor::ui::MonitorWindow", "Finding the server (DNS)")},
        {u"connect"_s, QT_TRANSLATE_NOOP("llmdoctor::ui::MonitorWindow", "Connecting")},
        {u"tls"_s, QT_TRANSLATE_NOOP("llmdoctor::ui::MonitorWindow", "Securing the connection (TLS)")},
        {u"ttfb"_s, QT_TRANSLATE_NOOP("llmdoctor::ui::MonitorWindow", "Waiting for the answer")},
        {u"total"_s, QT_TRANSLATE_NOOP("llmdoctor::ui::MonitorWindow", "Whole request")}};
    return MonitorWindow::tr(names.value(key, "?"));
}

} // namespace

MonitorWindow::MonitorWindow(QWidget *parent) : QWidget(parent, Qt::Window)
{
    setWindowTitle(tr("llmdoctor: watch over time"));
    setObjectName(u"monitorWindow"_s);
    auto *intro = textLabel(this);
    intro->setText(
        tr("Asks the API for its list of models again and again, and draws how long each answer took. "
           "Leave it running to catch problems that come and go; llmdoctor points out patterns that a "
           "single request cannot show."));

    m_interval = new QDoubleSpinBox(this);
    m_interval->setRange(0.2, 3600);
    m_interval->setDecimals(1);
    m_interval->setSingleStep(1);
    m_interval->setValue(5);
    m_interval->setSuffix(tr(" s"));
    m_interval->setAccessibleName(tr("Seconds between requests"));
    m_duration = new QComboBox(this);
    m_duration->setAccessibleName(tr("How long to watch"));
    m_duration->addItem(tr("1 minute"), 60);
    m_duration->addItem(tr("10 minutes"), 600);
    m_duration->addItem(tr("1 hour"), 3600);
    m_duration->addItem(tr("8 hours"), 8 * 3600);
    m_duration->addItem(tr("24 hours"), 24 * 3600);
    m_duration->addItem(tr("until I stop it"), 0);
    m_duration->setCurrentIndex(1);
    m_startStop = new QPushButton(tr("&Start watching"), this);
    m_startStop->setObjectName(u"monitorStartStop"_s);
    m_export = new QPushButton(tr("&Export as CSV…"), this);
    m_export->setToolTip(
        tr("Saves every request as one line of a spreadsheet file (time, status, each phase in "
           "ms). Your API key is not in it."));
    m_phases = new QCheckBox(tr("Show the &phases"), this);
    m_phases->setToolTip(
        tr("Split each request into finding the server, connecting, securing the connection and "
           "waiting for the answer."));
    m_followPath = new QCheckBox(tr("Follow the &route"), this);
    m_followPath->setObjectName(u"monitorFollowPath"_s);
    m_followPath->setToolTip(
        tr("While watching, also follow the route to the server hop by hop (like traceroute, "
           "without administrator rights) and show at which hop packets get lost or slow."));
    auto *everyLabel = new QLabel(tr("Ask every"), this);
    everyLabel->setBuddy(m_interval);
    auto *forLabel = new QLabel(tr("for"), this);
    forLabel->setBuddy(m_duration);
    auto *controls = new QHBoxLayout;
    controls->addWidget(everyLabel);
    controls->addWidget(m_interval);
    controls->addWidget(forLabel);
    controls->addWidget(m_duration);
    controls->addStretch(1);
    controls->addWidget(m_startStop);
    // The view's options on a line of their own: one line of everything is wider than a small
    // screen in German.
    auto *options = new QHBoxLayout;
    options->addWidget(m_phases);
    options->addWidget(m_followPath);
    options->addStretch(1);
    options->addWidget(m_export);

    m_state = new ElidingLabel(this); // a long address stays on one line, whole on hover
    m_state->setObjectName(u"monitorState"_s);
    m_state->setFullText(tr("Not started yet."));
    m_chart = new LatencyChart(this);
    m_chart->setMinimumHeight(260);

    m_stats = textLabel(this, u"monitorStats"_s);
    m_phaseTable = new QTreeWidget(this);
    m_phaseTable->setObjectName(u"monitorPhases"_s);
    m_phaseTable->setAccessibleName(tr("Time per phase"));
    m_phaseTable->setRootIsDecorated(false);
    m_phaseTable->setHeaderLabels(
        {tr("Phase"), tr("Typical (p50)"), tr("Slow (p90)"), tr("Slowest 1% (p99)")});
    m_phaseTable->setToolTip(
        tr("p50: half of the requests were faster. p90: nine in ten were faster. p99: only one "
           "in a hundred was slower."));
    m_phaseTable->setMaximumHeight(140);
    m_patterns = textLabel(this, u"monitorPatterns"_s);
    m_message = textLabel(this, u"monitorMessage"_s);
    m_message->hide();
    m_pathView = new PathView(this);
    m_pathView->hide();
    m_pathVerdict = textLabel(this, u"monitorPathVerdict"_s);
    m_pathVerdict->hide();

    // While practising, the same banner as the wizard's: nothing here is about the real service.
    m_practiceBanner = new QFrame(this);
    m_practiceBanner->setObjectName(u"monitorPracticeBanner"_s);
    m_practiceBanner->setAutoFillBackground(true);
    m_practiceBanner->setBackgroundRole(QPalette::AlternateBase); // follows a light or dark palette
    m_practiceText = textLabel(m_practiceBanner, u"monitorPracticeText"_s);
    auto *bannerLayout = new QHBoxLayout(m_practiceBanner);
    bannerLayout->setContentsMargins(16, 6, 16, 6);
    bannerLayout->addWidget(m_practiceText, 1);
    m_practiceBanner->hide();

    // Everything below the banner scrolls on a small screen rather than push the window taller.
    auto *content = new QWidget;
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"monitorScroll"_s);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFocusPolicy(Qt::NoFocus);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);
    outer->addWidget(m_practiceBanner);
    outer->addWidget(scroll, 1);

    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addWidget(intro);
    layout->addLayout(controls);
    layout->addLayout(options);
    layout->addWidget(m_state);
    layout->addWidget(m_chart, 3);
    layout->addWidget(m_stats);
    layout->addWidget(m_phaseTable);
    layout->addWidget(m_patterns);
    layout->addWidget(m_pathView);
    layout->addWidget(m_pathVerdict);
    layout->addWidget(m_message);

    m_statsTimer.setSingleShot(true);
    m_statsTimer.setInterval(500);
    connect(&m_statsTimer, &QTimer::timeout, this, &MonitorWindow::refreshStats);
    connect(m_startStop, &QPushButton::clicked, this, [this] { isRunning() ? stop() : start(); });
    connect(m_export, &QPushButton::clicked, this, &MonitorWindow::chooseExportFile);
    connect(m_phases, &QCheckBox::toggled, m_chart, &LatencyChart::setShowPhases);
    connect(m_followPath, &QCheckBox::toggled, this, [this](bool on) {
        m_pathView->setVisible(on);
        m_pathVerdict->setVisible(on && !m_pathVerdict->text().isEmpty());
        if (on && isRunning())
            startPath();
        else if (!on && m_tracer)
            m_tracer->cancel();
    });
    // Esc and Ctrl+W close it, as they do other tool windows.
    for (const QKeySequence &key : {QKeySequence(Qt::Key_Escape), QKeySequence(Qt::CTRL | Qt::Key_W)}) {
        auto *shortcut = new QShortcut(key, this);
        connect(shortcut, &QShortcut::activated, this, &QWidget::close);
    }
    keepOnScreen(this, QSize(900, 720));
    ButtonKeys::install();
    QMetaObject::invokeMethod(
        this, [this] { orderTabsByReading(this); }, Qt::QueuedConnection);
    updateControls();
    refreshStats();
}

MonitorWindow::~MonitorWindow()
{
    if (m_monitor)
        m_monitor->stop();
}

void MonitorWindow::setTarget(const core::Target &target)
{
    m_target = target;
    m_state->setFullText(tr("Ready to watch %1.").arg(core::shownUrl(target.modelsUrl())));
}

void MonitorWindow::setPracticeText(const QString &text)
{
    m_practiceText->setText(text);
    m_practiceBanner->setVisible(!text.isEmpty());
}

bool MonitorWindow::showsPracticeBanner() const
{
    return !m_practiceBanner->isHidden();
}

void MonitorWindow::setIncidents(const QList<LatencyChart::Span> &spans)
{
    m_chart->setIncidents(spans);
}

void MonitorWindow::start()
{
    if (isRunning())
        return;
    core::MonitorOptions options;
    options.intervalS = m_interval->value();
    options.durationS = m_duration->currentData().toDouble();
    auto *monitor = new core::Monitor(m_target, options, this);
    QString error;
    if (!monitor->prepare(&error)) {
        delete monitor;
        m_state->setFullText(tr("Cannot start: %1").arg(error));
        return;
    }
    if (m_monitor) {
        m_chart->setStore(nullptr);
        m_monitor->deleteLater();
    }
    m_monitor = monitor;
    m_message->hide();
    connect(monitor, &core::Monitor::sampleAdded, this, &MonitorWindow::onSample);
    connect(monitor, &core::Monitor::finished, this, [this] {
        refreshStats();
        updateControls();
        if (m_tracer)
            m_tracer->cancel(); // the route is followed only while watching
    });
    monitor->start();
    m_chart->setStore(&monitor->samples()); // after start(): the run's clock begins there
    updateControls();
    refreshStats();
    startPath();
}

void MonitorWindow::startPath()
{
    if (!m_followPath->isChecked() || m_tracer || !isRunning())
        return;
    const QString host = m_target.baseUrl.host();
    auto begin = [this, host](const QHostAddress &destination) {
        if (m_tracer || !isRunning() || !m_followPath->isChecked())
            return;
        if (destination.isNull()) {
            m_pathVerdict->setText(tr("The route cannot be followed: %1 could not be looked up.").arg(host));
            m_pathVerdict->setVisible(true);
            return;
        }
        core::PathOptions options;
        options.target = host;
        options.destination = destination;
        options.probes = 60; // a minute a trace; a new one follows while watching goes on
        options.deadlineMs = 90000;
        m_tracer = new core::PathTracer(options, this);
        connect(m_tracer, &core::PathTracer::progress, m_pathView, &PathView::setPath);
        connect(m_tracer, &core::PathTracer::finished, this, [this](const core::PathResult &path) {
            m_pathView->setPath(path);
            m_pathVerdict->setText(path.method.isEmpty()
                                       ? tr("The route cannot be followed here: %1").arg(path.error)
                                       : core::assessPath(path).sentence());
            m_pathVerdict->setVisible(m_followPath->isChecked());
            if (m_tracer)
                m_tracer->deleteLater(); // never deleted inside its own signal
            m_tracer = nullptr;
            QTimer::singleShot(0, this, &MonitorWindow::startPath);
        });
        m_tracer->start();
    };
    if (const QHostAddress literal(host); !literal.isNull()) {
        begin(literal);
        return;
    }
    QHostInfo::lookupHost(host, this, [begin](const QHostInfo &info) {
        QHostAddress chosen;
        for (const QHostAddress &a : info.addresses()) {
            if (chosen.isNull() || (a.protocol() == QAbstractSocket::IPv4Protocol &&
                                    chosen.protocol() != QAbstractSocket::IPv4Protocol))
                chosen = a;
        }
        begin(chosen);
    });
}

void MonitorWindow::stop()
{
    if (m_monitor)
        m_monitor->stop();
    if (m_tracer)
        m_tracer->cancel();
}

void MonitorWindow::onSample()
{
    m_chart->samplesAppended();
    if (!m_statsTimer.isActive())
        m_statsTimer.start();
}

QString MonitorWindow::statsText() const
{
    return m_stats->text();
}

QString MonitorWindow::patternsText() const
{
    return m_patterns->text();
}

QString MonitorWindow::messageText() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

void MonitorWindow::refreshStats()
{
    m_phaseTable->clear();
    if (!m_monitor || m_monitor->samples().isEmpty()) {
        m_stats->setText(tr("No requests yet."));
        m_patterns->setText(QString());
        m_patterns->hide();
        return;
    }
    const core::RunStats s = m_monitor->stats();
    QString text = s.probes == 1
                       ? tr("1 request, %1% worked.").arg(std::lround(s.successRate * 100))
                       : tr("%1 requests, %2% worked.").arg(s.probes).arg(std::lround(s.successRate * 100));
    // Failures by what a user would call them, most frequent first.
    QMap<QString, int> counts;
    for (const core::Sample &sample : m_monitor->samples().samples()) {
        if (!sample.ok())
            ++counts[LatencyChart::outcomeText(sample)];
    }
    QList<std::pair<int, QString>> errors;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        errors.append({it.value(), it.key()});
    std::sort(errors.begin(), errors.end(), [](const auto &x, const auto &y) { return x.first > y.first; });
    for (const auto &[count, what] : std::as_const(errors))
        text += u"\n"_s + tr("%1 × %2").arg(count).arg(what);
    m_stats->setText(text);
    for (const QString &key : core::samplePhases()) {
        const auto it = s.phases.constFind(key);
        if (it == s.phases.cend())
            continue;
        auto *row = new QTreeWidgetItem(m_phaseTable);
        row->setText(0, phaseName(key));
        row->setText(1, ms(it->p50));
        row->setText(2, ms(it->p90));
        row->setText(3, ms(it->p99));
    }
    // Nothing worked: the phases of a success are not there, but how long the failures took to
    // fail tells a hang (the full timeout) from a refusal (at once).
    if (s.successes == 0) {
        std::vector<float> took;
        for (const core::Sample &sample : m_monitor->samples().samples()) {
            if (!sample.ok() && sample.totalMs >= 0)
                took.push_back(sample.totalMs);
        }
        if (!took.empty()) {
            auto *row = new QTreeWidgetItem(m_phaseTable);
            row->setText(0, tr("Failed requests, until they failed"));
            row->setData(0, Qt::UserRole, u"failed"_s);
            int column = 1;
            for (const double p : {50.0, 90.0, 99.0}) {
                std::vector<float> copy = took; // percentile() reorders
                row->setText(column++, ms(core::percentile(copy, p)));
            }
        }
        text +=
            u"\n"_s +
            tr("None of them worked: the chart and the table show how long each one took until it failed.");
        m_stats->setText(text);
    }
    for (int c = 0; c < 4; ++c)
        m_phaseTable->resizeColumnToContents(c);

    QStringList patterns;
    for (const core::TimingSignature &sig : m_monitor->signatures())
        patterns << tr("Pattern found in %1 requests: %2.\nWhat to do: %3")
                        .arg(sig.count)
                        .arg(sig.likely, sig.advice);
    m_patterns->setText(patterns.join(u"\n\n"_s));
    m_patterns->setVisible(!patterns.isEmpty());
    updateControls();
}

bool MonitorWindow::exportCsv(const QString &path, QString *error)
{
    QString why;
    if (!m_monitor || m_monitor->samples().isEmpty()) {
        why = tr("There is nothing to export yet: no request has been made.");
    } else {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || !core::writeSamplesCsv(m_monitor->samples(), &file) ||
            !file.commit())
            why = tr("Could not save %1: %2. The requests are still here; choose another place.")
                      .arg(QDir::toNativeSeparators(path), file.errorString());
    }
    m_message->setText(why.isEmpty() ? tr("Saved %1 requests to %2.")
                                           .arg(m_monitor->samples().size())
                                           .arg(QDir::toNativeSeparators(path))
                                     : why);
    m_message->show();
    if (error)
        *error = why;
    return why.isEmpty();
}

void MonitorWindow::chooseExportFile()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = u"llmdoctor-%1.csv"_s.arg(QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmm"_s));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the requests"),
                                                      QDir(dir).filePath(name), tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportCsv(path);
}

void MonitorWindow::updateControls()
{
    const bool running = isRunning();
    m_startStop->setText(running ? tr("S&top") : tr("&Start watching"));
    m_startStop->setAccessibleName(running ? tr("Stop watching") : tr("Start watching"));
    m_interval->setEnabled(!running);
    m_duration->setEnabled(!running);
    m_export->setEnabled(m_monitor && !m_monitor->samples().isEmpty());
    if (running)
        m_state->setFullText(
            tr("Watching %1 every %2 s…").arg(core::shownUrl(m_target.modelsUrl())).arg(m_interval->value()));
    else if (m_monitor)
        m_state->setFullText(tr("Stopped."));
}

void MonitorWindow::closeEvent(QCloseEvent *event)
{
    // Nothing probes behind the user's back; the samples stay for export when it is reopened.
    stop();
    QWidget::closeEvent(event);
}

} // namespace llmdoctor::ui
