// One known key through every path that writes anything: the command line's reports in every
// format, its retry and monitor output, explain, its standard output and error (also when it is
// stopped by a signal), the wizard's exports, the clipboard text of "copy summary" and "copy as
// curl", the monitor window's CSV, Qt's log messages and the settings files. The key must not
// appear in any of them in any encoding. The server echoes the key back in every encoding too,
// as a careless gateway might.
#include "core/sim/simulator.h"
#include "core/target/target.h"
#include "support/fixtureserver.h"
#include "support/servers.h"
#include "support/waiting.h"
#include "ui/checkspage.h"
#include "ui/exportpage.h"
#include "ui/mainwindow.h"
#include "ui/monitorwindow.h"
#include "ui/retrypage.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace llmdoctor;
using namespace llmdoctor::test;

namespace {

// Characters that base64-, URL-, JSON- and HTML-encode differently from themselves.
const QByteArray kKey = "sk-proj-Se4+cr/Et=Ky7<Q&\"aZ9x1Ab2Cd3Ef4Gh5Ij6Kl7Mn8Op9Qr0StUvWx";
const QByteArray kKeyVariable = "LLMDOCTOR_SECRETS_TEST_KEY";

// Every form in which the key, or a telling part of it, could be written.
QList<QPair<QByteArray, QByteArray>> leakForms()
{
    QList<QPair<QByteArray, QByteArray>> forms;
    auto add = [&forms](const char *name, const QByteArray &form) { forms.append({name, form}); };
    add("raw", kKey);
    add("base64", kKey.toBase64());
    add("base64url", kKey.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    // Inside a longer base64 text (a Basic credential "user:key"): the middle of each alignment.
    for (const QByteArray &lead : {QByteArray(":"), QByteArray("::"), QByteArray(":::")}) {
        const QByteArray enc = (lead + kKey).toBase64();
        add("base64 inside a credential", enc.mid(4, enc.size() - 8));
    }
    add("percent-encoded", kKey.toPercentEncoding());
    add("percent-encoded form", QUrl::toPercentEncoding(QString::fromLatin1(kKey), "", "+"));
    add("hex", kKey.toHex());
    add("HEX", kKey.toHex().toUpper());
    add("JSON-escaped", QJsonDocument(QJsonArray{QString::fromLatin1(kKey)})
                            .toJson(QJsonDocument::Compact)
                            .mid(2)
                            .chopped(2));
    add("HTML-escaped", QString::fromLatin1(kKey).toHtmlEscaped().toLatin1());
    // Any 12 characters of the key past its "sk-proj-" prefix: the redacted form keeps the last 4.
    for (qsizetype i = 8; i + 12 <= kKey.size() - 4; i += 3)
        add("part of the key", kKey.mid(i, 12));
    return forms;
}

// What was written, by whom.
struct Written
{
    QString where;
    QByteArray data;
};

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Qt's log messages while the wizard runs: a debug or warning line must not carry the key either.
QMutex s_logMutex;
QByteArray s_log;
void captureMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    QMutexLocker lock(&s_logMutex);
    s_log += message.toUtf8() + '\n';
}

// A provider that says the key is wrong and echoes it in every encoding, in headers and body.
void routeEcho(FixtureServer &server)
{
    FixtureServer::Route r;
    r.status = 401;
    r.body = "{\"error\":{\"message\":\"Incorrect API key provided: " + kKey + " (b64 " + kKey.toBase64() +
             ", url " + kKey.toPercentEncoding() + ", hex " + kKey.toHex() +
             ")\",\"type\":\"invalid_request_error\","
             "\"code\":\"invalid_api_key\"}}";
    r.extraHeaders = "x-echo-key: " + kKey + "\r\nx-echo-b64: " + kKey.toBase64() +
                     "\r\nWWW-Authenticate: Bearer realm=\"" + kKey.toPercentEncoding() +
                     "\"\r\nSet-Cookie: key=" + kKey.toPercentEncoding() + "\r\n";
    for (const char *path : {"/v1/models", "/v1/chat/completions", "/v1/models/gpt-4o-mini", "/v1"})
        server.route(QString::fromLatin1(path), r);
}

QProcessEnvironment keyEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(kKeyVariable), QString::fromLatin1(kKey));
    env.insert(u"OPENAI_API_KEY"_s, QString::fromLatin1(kKey));
    return env;
}

// Where the key travels: in a header from the environment, or in the address's query as Gemini's
// ?key= and Azure Functions' ?code= carry it.
bool s_keyInAddress = false;

QUrl withKey(const QUrl &base)
{
    if (!s_keyInAddress)
        return base;
    QUrl url = base;
    url.setQuery(u"key="_s + QString::fromLatin1(kKey.toPercentEncoding()), QUrl::StrictMode);
    return url;
}

QStringList targetArgs(const QUrl &base)
{
    QStringList args{u"--provider"_s,  u"openai"_s,  u"--base-url"_s, withKey(base).toString(), u"--model"_s,
                     u"gpt-4o-mini"_s, u"--proxy"_s, u"none"_s,       u"--timeout"_s,           u"5"_s};
    if (!s_keyInAddress)
        args << u"--api-key-env"_s << QString::fromLatin1(kKeyVariable);
    return args;
}

void addRun(QList<Written> &out, const QString &what, const CliRun &r)
{
    EXPECT_GE(r.exitCode, 0) << what.toStdString() << " did not end: " << r.err.toStdString();
    EXPECT_LE(r.exitCode, 2) << what.toStdString() << ": " << r.err.toStdString();
    out.append({what + u" stdout"_s, r.out});
    out.append({what + u" stderr"_s, r.err});
}

// The command line, every subcommand that writes, against the echoing server and the simulator.
void runCommandLine(QList<Written> &out, const QUrl &echo, const QUrl &healthy, const QTemporaryDir &dir)
{
    const QProcessEnvironment env = keyEnvironment();
    const QStringList pasted{u"--error-text"_s,
                             u"openai.AuthenticationError: Error code: 401 - Incorrect API key provided: "_s +
                                 QString::fromLatin1(kKey)};
    for (const QString &format : {u"text"_s, u"json"_s, u"markdown"_s, u"html"_s, u"har"_s}) {
        for (const QUrl &base : {echo, healthy}) {
            const QString file = dir.filePath(u"diagnose-%1-%2.out"_s.arg(format).arg(base.port()));
            const CliRun r =
                runCli(QStringList{u"diagnose"_s} + targetArgs(base) + pasted +
                           QStringList{u"--send-test-request"_s, u"--format"_s, format, u"--output"_s, file},
                       {}, 60000, env);
            addRun(out, u"diagnose --format %1 --output (port %2)"_s.arg(format).arg(base.port()), r);
            const QByteArray report = readAll(file);
            EXPECT_FALSE(report.isEmpty()) << file.toStdString();
            out.append({file, report});
        }
        addRun(out, u"diagnose --format %1 to stdout"_s.arg(format),
               runCli(QStringList{u"diagnose"_s} + targetArgs(echo) + QStringList{u"--format"_s, format}, {},
                      60000, env));
    }
    // The key from standard input, with a line break and quotes as pasted.
    QStringList stdinArgs = targetArgs(echo);
    if (s_keyInAddress)
        stdinArgs << u"--api-key-env"_s << QString::fromLatin1(kKeyVariable);
    stdinArgs.replace(stdinArgs.indexOf(u"--api-key-env"_s), u"--api-key-stdin"_s);
    stdinArgs.removeAll(QString::fromLatin1(kKeyVariable));
    addRun(out, u"diagnose --api-key-stdin"_s,
           runCli(QStringList{u"diagnose"_s} + stdinArgs + QStringList{u"--format"_s, u"json"_s},
                  "\"" + kKey + "\"\n", 60000, env));

    for (const QString &format : {u"text"_s, u"json"_s}) {
        const QString file = dir.filePath(u"retry-"_s + format);
        addRun(out, u"retry --format "_s + format,
               runCli(QStringList{u"retry"_s} + targetArgs(echo) +
                          QStringList{u"--max-attempts"_s, u"2"_s, u"--max-wait"_s, u"2"_s, u"--format"_s,
                                      format, u"--output"_s, file},
                      {}, 60000, env));
        out.append({file, readAll(file)});
        addRun(out, u"retry --format %1 to stdout"_s.arg(format),
               runCli(QStringList{u"retry"_s} + targetArgs(echo) +
                          QStringList{u"--max-attempts"_s, u"2"_s, u"--max-wait"_s, u"1"_s, u"--format"_s,
                                      format},
                      {}, 60000, env));
    }
    for (const QString &format : {u"csv"_s, u"json"_s}) {
        const QString file = dir.filePath(u"monitor-"_s + format);
        for (const QUrl &base : {echo, healthy}) {
            addRun(out, u"monitor --format "_s + format,
                   runCli(QStringList{u"monitor"_s} + targetArgs(base) +
                              QStringList{u"--interval"_s, u"0.2"_s, u"--duration"_s, u"1"_s, u"--format"_s,
                                          format, u"--output"_s, file},
                          {}, 60000, env));
            out.append({file, readAll(file)});
        }
    }
    // Pasted text holding the key, with the key also in the environment.
    const QString pastedText = pasted.last();
    for (const QString &format : {u"text"_s, u"json"_s})
        addRun(out, u"explain --format "_s + format,
               runCli({u"explain"_s, u"--format"_s, format, pastedText}, {}, 60000, env));
    const QString errorFile = dir.filePath(u"error.txt"_s);
    QFile f(errorFile);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(pastedText.toUtf8() + "\nAuthorization: Bearer " + kKey + "\n");
    f.close();
    addRun(out, u"explain --error-file"_s,
           runCli({u"explain"_s, u"--error-file"_s, errorFile}, {}, 60000, env));

    // Stopped by a signal halfway: whatever it says on the way out.
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(LLMDOCTOR_BINARY),
            QStringList{u"monitor"_s} + targetArgs(echo) +
                QStringList{u"--interval"_s, u"0.2"_s, u"--format"_s, u"json"_s});
    ASSERT_TRUE(p.waitForStarted(10000));
    QTest::qWait(1500);
    ::kill(pid_t(p.processId()), SIGTERM);
    EXPECT_TRUE(waitFor([&p] { return p.state() == QProcess::NotRunning; }, 15000));
    out.append({u"monitor stopped by SIGTERM stdout"_s, p.readAllStandardOutput()});
    out.append({u"monitor stopped by SIGTERM stderr"_s, p.readAllStandardError()});
}

// The wizard: checks, verdict, retry, monitor window, every export and both clipboard texts.
void runWizard(QList<Written> &out, const QUrl &echo, const QTemporaryDir &dir)
{
    core::Target target;
    target.provider = u"openai"_s;
    target.baseUrl = withKey(echo);
    target.model = u"gpt-4o-mini"_s;
    if (!s_keyInAddress)
        target.apiKey = kKey;
    target.timeoutMs = 5000;
    target.proxy.mode = core::ProxyChoice::Mode::None;
    target.errorText = u"Incorrect API key provided: "_s + QString::fromLatin1(kKey);
    target.sendTestRequest = true; // the completion and streamed-completion checks too
    {
        ui::MainWindow w(target);
        w.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
        w.runChecks();
        ASSERT_TRUE(
            waitFor([&] { return w.checksPage()->state() == ui::ChecksPage::State::Finished; }, 20000));
        w.showVerdict();
        w.showRetry();
        ASSERT_TRUE(waitFor([&] { return !w.retryPage()->isRunning(); }, 20000));
        w.showMonitor();
        ui::MonitorWindow *monitor = w.monitorWindow();
        ASSERT_TRUE(monitor);
        if (!monitor->isRunning())
            monitor->start();
        QTest::qWait(1200);
        monitor->stop();
        const QString csv = dir.filePath(u"wizard-monitor.csv"_s);
        EXPECT_TRUE(monitor->exportCsv(csv));
        out.append({u"monitor window CSV"_s, readAll(csv)});
        out.append({u"monitor window texts"_s,
                    (monitor->statsText() + monitor->patternsText() + monitor->messageText()).toUtf8()});
        for (const char *suffix : {"html", "pdf", "md", "json", "har", "txt"}) {
            const QString path = dir.filePath(u"wizard."_s + QLatin1String(suffix));
            EXPECT_TRUE(w.exportReport(path)) << suffix << ": " << w.exportStatus().toStdString();
            QByteArray data = readAll(path);
            EXPECT_FALSE(data.isEmpty()) << suffix;
            out.append({u"wizard export "_s + QLatin1String(suffix), data});
        }
        // The last page: the message for support, the checks summary and the curl command.
        w.showExport();
        ASSERT_EQ(w.currentPage(), ui::MainWindow::Export);
        for (const char *button : {"copyMessageButton", "copySummaryButton", "exportCopyCurlButton"}) {
            QApplication::clipboard()->clear();
            auto *b = w.exportPage()->findChild<QPushButton *>(QLatin1String(button));
            EXPECT_TRUE(b) << button;
            if (!b)
                continue;
            b->click();
            EXPECT_FALSE(QApplication::clipboard()->text().isEmpty()) << button;
            out.append(
                {u"clipboard: "_s + QLatin1String(button), QApplication::clipboard()->text().toUtf8()});
        }
        EXPECT_TRUE(QApplication::clipboard()->text().startsWith(u"curl "_s));
        out.append({u"export page message"_s, w.exportPage()->messageText().toUtf8()});
        w.copyCurl();
        out.append({u"clipboard: copy as curl"_s, QApplication::clipboard()->text().toUtf8()});
        out.append({u"wizard export status"_s, w.exportStatus().toUtf8()});
        w.close(); // writes the settings
    }
    // Every file under the test-mode settings and data folders.
    for (auto location :
         {QStandardPaths::GenericConfigLocation, QStandardPaths::AppConfigLocation,
          QStandardPaths::AppDataLocation, QStandardPaths::GenericDataLocation, QStandardPaths::CacheLocation,
          QStandardPaths::GenericCacheLocation, QStandardPaths::RuntimeLocation}) {
        QDirIterator it(QStandardPaths::writableLocation(location), QDir::Files | QDir::Hidden,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            out.append({u"settings/data file "_s + file, readAll(file)});
        }
    }
}

} // namespace

void everyPathRedactsTheKey()
{
    QStandardPaths::setTestModeEnabled(true);
    for (auto location : {QStandardPaths::GenericConfigLocation, QStandardPaths::GenericDataLocation,
                          QStandardPaths::GenericCacheLocation})
        QDir(QStandardPaths::writableLocation(location)).removeRecursively();
    qputenv(kKeyVariable.constData(), kKey); // the wizard's curl hint and any child it starts
    FixtureServer echo;
    ASSERT_TRUE(echo.start());
    routeEcho(echo);
    core::Simulator healthy(faultOptions(core::Fault::None));
    ASSERT_TRUE(healthy.start());
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());

    QList<Written> written;
    runCommandLine(written, echo.url(u"/v1"_s), healthy.baseUrl(), dir);
    {
        const QtMessageHandler previous = qInstallMessageHandler(captureMessage);
        runWizard(written, echo.url(u"/v1"_s), dir);
        qInstallMessageHandler(previous);
    }
    written.append({u"Qt log messages"_s, s_log});
    EXPECT_GT(echo.requestCount(), 10) << "the echoing server was asked";

    // The test proves something only if the paths wrote: every report is there.
    qsizetype total = 0;
    for (const Written &w : std::as_const(written))
        total += w.data.size();
    EXPECT_GT(total, 100 * 1024);
    std::cout << "[secrets] " << written.size() << " outputs, " << total << " bytes searched for "
              << leakForms().size() << " forms of the key\n";
    for (const Written &w : std::as_const(written))
        std::cout << "[secrets]   " << w.data.size() << " bytes: " << w.where.toStdString() << "\n";

    // A control: the key did reach the writers, which show it only in its redacted form.
    const QByteArray redacted = core::redactKey(kKey).toUtf8();
    int redactedSeen = 0;
    for (const Written &w : std::as_const(written))
        redactedSeen += w.data.contains(redacted) ? 1 : 0;
    EXPECT_GE(redactedSeen, 10) << "the redacted form " << redacted.toStdString()
                                << " is missing from the reports";

    const auto forms = leakForms();
    for (const Written &w : std::as_const(written)) {
        for (const auto &[name, form] : forms) {
            const qsizetype at = w.data.indexOf(form);
            EXPECT_LT(at, 0) << w.where.toStdString() << " holds the key (" << name.toStdString() << "): ..."
                             << w.data.mid(std::max<qsizetype>(0, at - 60), form.size() + 120).toStdString()
                             << "...";
        }
    }
}

TEST(Secrets, TheKeyNeverAppearsInAnythingWritten)
{
    s_keyInAddress = false;
    everyPathRedactsTheKey();
}

TEST(Secrets, AKeyInTheAddressNeverAppearsInAnythingWritten)
{
    s_keyInAddress = true;
    everyPathRedactsTheKey();
    s_keyInAddress = false;
}
