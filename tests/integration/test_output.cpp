// Where results go in the user's world: standard output (closed, or a pipe whose reader left),
// pipes and devices that must never be replaced by a file, and a disk that is full.
#include "core/sim/simulator.h"
#include "support/servers.h"
#include "support/waiting.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace llmdoctor::core;
using namespace llmdoctor::test;
using namespace Qt::StringLiterals;

namespace {

QStringList healthyDiagnose(const Simulator &sim, const QStringList &more)
{
    return QStringList{u"diagnose"_s, u"--base-url"_s, sim.baseUrl().toString(), u"--proxy"_s, u"none"_s} +
           more;
}

// The binary run by sh, so a test can close its standard output or pipe it into head.
CliRun runShell(const QString &script, const QStringList &args, int timeoutMs = 20000)
{
    return runProgram(u"/bin/sh"_s, QStringList{u"-c"_s, script, QStringLiteral(LLMDOCTOR_BINARY)} + args, {},
                      timeoutMs);
}

mode_t fileType(const QString &path)
{
    struct stat st
    {
    };
    EXPECT_EQ(::lstat(QFile::encodeName(path).constData(), &st), 0) << path.toStdString();
    return st.st_mode & S_IFMT;
}

int lineCount(const QByteArray &text)
{
    return int(text.trimmed().split('\n').size());
}

} // namespace

TEST(Output, DashIsStandardOutput)
{
    Simulator sim(faultOptions(Fault::None));
    ASSERT_TRUE(sim.start());
    const CliRun r = runCli(healthyDiagnose(sim, {u"--format"_s, u"json"_s, u"--output"_s, u"-"_s}));
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(QJsonDocument::fromJson(r.out)[u"schema"_s].toString(), u"llmdoctor.report/1"_s);
    EXPECT_FALSE(r.err.contains("written to")) << r.err.toStdString();
    EXPECT_FALSE(QFileInfo::exists(u"-"_s));
}

TEST(Output, ClosedStandardOutputIsAnErrorWithExitThree)
{
    Simulator sim(faultOptions(Fault::None));
    ASSERT_TRUE(sim.start());
    for (const QString &format : {u"text"_s, u"json"_s}) {
        const CliRun r = runShell(u"exec \"$0\" \"$@\" >&-"_s,
                                  healthyDiagnose(sim, {u"--format"_s, format, u"--output"_s, u"-"_s}));
        EXPECT_EQ(r.exitCode, 3) << r.err.toStdString();
        EXPECT_EQ(lineCount(r.err), 1) << r.err.toStdString();
        EXPECT_TRUE(r.err.contains("standard output")) << r.err.toStdString();
        EXPECT_FALSE(r.err.contains("written")) << r.err.toStdString();
    }
}

TEST(Output, PipesAndDevicesAreWrittenIntoNeverReplaced)
{
    Simulator sim(faultOptions(Fault::None));
    ASSERT_TRUE(sim.start());
    QTemporaryDir dir;
    const QString fifo = dir.filePath(u"fifo"_s);
    ASSERT_EQ(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const QString link = dir.filePath(u"link-to-fifo"_s);
    ASSERT_TRUE(QFile::link(fifo, link));
    for (const QString &target : {fifo, link}) {
        // A reader, as a shell's "llmdoctor … --output fifo & cat fifo" would have.
        QProcess reader;
        reader.start(u"cat"_s, {fifo});
        ASSERT_TRUE(reader.waitForStarted());
        const CliRun r = runCli(healthyDiagnose(sim, {u"--format"_s, u"json"_s, u"--output"_s, target}));
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        ASSERT_TRUE(reader.state() == QProcess::NotRunning || reader.waitForFinished(5000));
        EXPECT_EQ(QJsonDocument::fromJson(reader.readAllStandardOutput())[u"schema"_s].toString(),
                  u"llmdoctor.report/1"_s);
        EXPECT_EQ(fileType(fifo), mode_t(S_IFIFO)) << "the FIFO was replaced";
    }
    EXPECT_EQ(fileType(link), mode_t(S_IFLNK)) << "the symlink was replaced";

    // A pipe that nobody reads: an error at once, not a wait for ever.
    const CliRun lonely = runCli(healthyDiagnose(sim, {u"--output"_s, fifo}));
    EXPECT_EQ(lonely.exitCode, 3) << lonely.err.toStdString();
    EXPECT_TRUE(lonely.err.contains("nothing is reading")) << lonely.err.toStdString();
    EXPECT_EQ(fileType(fifo), mode_t(S_IFIFO));

    // A character device of the test's own (the same as /dev/null), and a symlink to it.
    if (::geteuid() == 0) {
        const QString device = dir.filePath(u"null"_s);
        ASSERT_EQ(::mknod(QFile::encodeName(device).constData(), S_IFCHR | 0666, makedev(1, 3)), 0);
        const QString deviceLink = dir.filePath(u"link-to-null"_s);
        ASSERT_TRUE(QFile::link(device, deviceLink));
        for (const QString &target : {device, deviceLink}) {
            const CliRun r = runCli(healthyDiagnose(sim, {u"--output"_s, target}));
            EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        }
        EXPECT_EQ(fileType(device), mode_t(S_IFCHR)) << "the device was replaced";
        EXPECT_EQ(fileType(deviceLink), mode_t(S_IFLNK));
    }
    // Neither a file, a pipe nor a device: refused before anything is sent.
    const int requests = sim.requestCount();
    const CliRun folder = runCli(healthyDiagnose(sim, {u"--output"_s, dir.path()}));
    EXPECT_EQ(folder.exitCode, 2);
    EXPECT_TRUE(folder.err.contains("--output")) << folder.err.toStdString();
    EXPECT_EQ(sim.requestCount(), requests);
}

TEST(Output, FullDiskLeavesTheOldFileAndNoHalfFile)
{
    LLMDOCTOR_REQUIRE_UNSHARE("-m");
    Simulator sim(faultOptions(Fault::None));
    ASSERT_TRUE(sim.start());
    QTemporaryDir mountPoint;
    const QString dir = mountPoint.path();
    // A 64 KiB tmpfs in a private mount namespace, filled up, with last week's report in it.
    const QString script =
        u"mount -t tmpfs -o size=64k tmpfs \"%1\" && printf old > \"%1/report.html\" && "
        "(dd if=/dev/zero of=\"%1/fill\" bs=4k 2>/dev/null; true) && "
        "\"$0\" \"$@\" --output \"%1/report.html\"; rc=$?; "
        "echo \"left: $(ls -A \"%1\" | tr '\\n' ' ')\" >&2; echo \"old: $(cat \"%1/report.html\")\" >&2; exit $rc"_s
            .arg(dir);
    const CliRun r =
        runProgram(QStandardPaths::findExecutable(u"unshare"_s),
                   QStringList{u"-m"_s, u"/bin/sh"_s, u"-c"_s, script, QStringLiteral(LLMDOCTOR_BINARY)} +
                       healthyDiagnose(sim, {u"--format"_s, u"html"_s}));
    EXPECT_EQ(r.exitCode, 3) << r.err.toStdString();
    const QList<QByteArray> lines = r.err.trimmed().split('\n');
    ASSERT_EQ(lines.size(), 3) << r.err.toStdString();
    EXPECT_TRUE(lines[0].contains("No space left")) << r.err.toStdString();
    EXPECT_FALSE(r.err.contains("written to"));
    EXPECT_EQ(lines[1].trimmed(), "left: fill report.html") << "a half-written file was left behind";
    EXPECT_EQ(lines[2].trimmed(), "old: old") << "the old report was lost";
}

TEST(Output, MonitorChecksItsOutputBeforeTheFirstProbe)
{
    Simulator sim(faultOptions(Fault::None));
    ASSERT_TRUE(sim.start());
    const CliRun r = runCli({u"monitor"_s, u"--base-url"_s, sim.baseUrl().toString(), u"--proxy"_s, u"none"_s,
                             u"--interval"_s, u"0.2"_s, u"--duration"_s, u"3"_s, u"--output"_s,
                             u"/nonexistent-folder/samples.csv"_s});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains("--output")) << r.err.toStdString();
    EXPECT_LT(r.elapsedMs, 1500);
    EXPECT_EQ(sim.requestCount(), 0) << "probes were sent before the output was checked";
}

TEST(Output, MonitorAndRetryStopWhenTheirReaderGoes)
{
    // Each would run for 30 s; head takes one line and leaves.
    Simulator healthy(faultOptions(Fault::None));
    ASSERT_TRUE(healthy.start());
    CliRun r = runShell(u"\"$0\" \"$@\" | head -1"_s,
                        {u"monitor"_s, u"--base-url"_s, healthy.baseUrl().toString(), u"--proxy"_s, u"none"_s,
                         u"--interval"_s, u"0.5"_s, u"--duration"_s, u"30"_s});
    EXPECT_EQ(r.exitCode, 0); // head's
    EXPECT_EQ(r.out.trimmed(), "time_ms,status,category,dns_ms,connect_ms,tls_ms,ttfb_ms,total_ms");
    EXPECT_LT(r.elapsedMs, 3000);
    EXPECT_LE(healthy.requestCount(), 2) << "requests went on after the reader left";

    Simulator failing(faultOptions(Fault::BadGateway));
    ASSERT_TRUE(failing.start());
    r = runShell(u"\"$0\" \"$@\" | head -1"_s,
                 {u"retry"_s, u"--base-url"_s, failing.baseUrl().toString(), u"--proxy"_s, u"none"_s,
                  u"--max-attempts"_s, u"20"_s, u"--max-wait"_s, u"30"_s, u"--cap"_s, u"1"_s});
    EXPECT_TRUE(r.out.startsWith("Trying GET")) << r.out.toStdString();
    EXPECT_LT(r.elapsedMs, 3000);
    EXPECT_LE(failing.requestCount(), 3) << "attempts went on after the reader left";
}

TEST(Output, NumbersAndNamesATimerCannotHoldAreRefused)
{
    struct Case
    {
        QStringList args;
        const char *names;
    };
    const QString base = u"http://127.0.0.1:9/v1"_s;
    const QList<Case> cases{
        {{u"diagnose"_s, u"--base-url"_s, base, u"--timeout"_s, u"nan"_s}, "--timeout"},
        {{u"diagnose"_s, u"--base-url"_s, base, u"--timeout"_s, u"inf"_s}, "--timeout"},
        {{u"diagnose"_s, u"--base-url"_s, base, u"--timeout"_s, u"1e300"_s}, "--timeout"},
        {{u"monitor"_s, u"--base-url"_s, base, u"--duration"_s, u"31536000"_s}, "--duration"},
        {{u"monitor"_s, u"--base-url"_s, base, u"--interval"_s, u"nan"_s}, "--interval"},
        {{u"retry"_s, u"--base-url"_s, base, u"--max-wait"_s, u"1e12"_s}, "--max-wait"},
        {{u"diagnose"_s, u"--base-url"_s, u"http://127.0.0.1:0/v1"_s}, "--base-url"},
        {{u"diagnose"_s, u"--base-url"_s, base, u"--proxy"_s, u"http://127.0.0.1:0"_s}, "--proxy"},
        {{u"exporter"_s, u"--listen"_s, u"127.0.0.1:0"_s}, "--listen"},
        {{u"exporter"_s, u"--min-interval"_s, u"nan"_s}, "--min-interval"},
    };
    for (const Case &c : cases) {
        const CliRun r = runCli(c.args);
        EXPECT_EQ(r.exitCode, 2) << c.args.join(u' ').toStdString() << ": " << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(c.names))
            << c.args.join(u' ').toStdString() << ": " << r.err.toStdString();
        EXPECT_EQ(lineCount(r.err), 1) << r.err.toStdString();
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LLMDOCTOR_EMPTY_KEY"_s, QString());
    const CliRun empty = runCli(
        {u"diagnose"_s, u"--base-url"_s, base, u"--api-key-env"_s, u"LLMDOCTOR_EMPTY_KEY"_s}, {}, 20000, env);
    EXPECT_EQ(empty.exitCode, 2);
    EXPECT_TRUE(empty.err.contains("LLMDOCTOR_EMPTY_KEY") && empty.err.contains("empty"))
        << empty.err.toStdString();
}

TEST(Output, WithoutADisplayTheWizardSaysSoInOneLine)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QString::fromLatin1(name));
    const QList<QStringList> argumentSets{{},
                                          {u"--provider"_s, u"openai"_s},
                                          {u"--base-url"_s, u"http://127.0.0.1:9/v1"_s},
                                          {u"--provider"_s, u"nosuch"_s},
                                          {u"--bogus"_s},
                                          {u"-platform"_s, u"xcb"_s}};
    for (const QStringList &args : argumentSets) {
        const CliRun r = runCli(args, QByteArray(), 20000, env);
        EXPECT_EQ(r.exitCode, 2) << args.join(u' ').toStdString() << ": " << r.err.toStdString();
        EXPECT_EQ(lineCount(r.err), 1) << r.err.toStdString();
        EXPECT_TRUE(r.err.contains("no display") && r.err.contains("llmdoctor diagnose"))
            << r.err.toStdString();
    }
    env.insert(u"DISPLAY"_s, u":97"_s); // a local display that is not there
    const CliRun r = runCli({}, QByteArray(), 20000, env);
    EXPECT_EQ(r.exitCode, 2) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("no display")) << r.err.toStdString();
}
