// Hostile servers against the command line: each run ends within its deadline, with bounded
// memory, and names what happened. The servers run in this process on 127.0.0.1.
#include "core/sim/simulator.h"
#include "support/hostileserver.h"
#include "support/servers.h"
#include "support/waiting.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <gtest/gtest.h>

using namespace llmdoctor::core;
using namespace llmdoctor::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kTimeoutS = 3;
// The diagnosis stops at --timeout plus one second of grace; the rest is process start-up
// (slow under the sanitizers) and shut-down.
constexpr qint64 kEndsWithinMs = (kTimeoutS + 1) * 1000 + 5000;
// Peak memory a hostile run may take beyond a run against a healthy server: the probe keeps at
// most 256 KiB of body and 64 KiB of headers per answer and reads at most 8 MiB of one; this is
// those 8 MiB passing through read buffers (and, under ASan, its quarantine) plus slack.
#if defined(__SANITIZE_ADDRESS__)
// ASan's quarantine keeps freed memory for a while: every read buffer of those 8 MiB stays resident.
constexpr qint64 kExtraPeakKiB = 128 * 1024;
#else
constexpr qint64 kExtraPeakKiB = 32 * 1024;
#endif

struct MeasuredRun
{
    CliRun run;
    qint64 peakKiB = 0;
};

// runCli, sampling the child's peak resident memory (VmHWM) while it runs.
MeasuredRun runMeasured(const QStringList &args, int timeoutMs = 60000)
{
    MeasuredRun m;
    QProcess p;
    QElapsedTimer clock;
    clock.start();
    p.start(QStringLiteral(LLMDOCTOR_BINARY), args);
    if (!p.waitForStarted(10000))
        return m;
    p.closeWriteChannel();
    const qint64 pid = p.processId();
    waitFor(
        [&] {
            m.peakKiB = std::max(m.peakKiB, peakRssKiB(pid));
            return p.state() == QProcess::NotRunning;
        },
        timeoutMs);
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished(3000);
        m.run.exitCode = -2;
    } else {
        m.run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }
    m.run.elapsedMs = clock.elapsed();
    m.run.out = p.readAllStandardOutput();
    m.run.err = p.readAllStandardError();
    return m;
}

QStringList diagnoseArgs(const QUrl &baseUrl)
{
    return {u"diagnose"_s, u"--base-url"_s, baseUrl.toString(),        u"--proxy"_s, u"none"_s, u"--format"_s,
            u"json"_s,     u"--timeout"_s,  QString::number(kTimeoutS)};
}

struct HostileCase
{
    const char *name;
    HostileServer::Behaviour behaviour;
    bool https;
    const char *category;
    const char *evidence; // words the failing check's summary or details carry
};

void PrintTo(const HostileCase &c, std::ostream *os)
{
    *os << c.name;
}

class HostileCli : public ::testing::TestWithParam<HostileCase>
{
};

qint64 healthyPeakKiB()
{
    Simulator sim(faultOptions(Fault::None));
    if (!sim.start())
        return 0;
    return runMeasured(diagnoseArgs(sim.baseUrl())).peakKiB;
}

} // namespace

TEST_P(HostileCli, EndsInTimeWithBoundedMemoryAndAClearCategory)
{
    const HostileCase &c = GetParam();
    const qint64 baselineKiB = healthyPeakKiB();
    ASSERT_GT(baselineKiB, 0);

    HostileServer server(c.behaviour);
    ASSERT_TRUE(server.start());
    const MeasuredRun m = runMeasured(diagnoseArgs(server.baseUrl(c.https)));
    const QJsonObject report = QJsonDocument::fromJson(m.run.out).object();
    const QString category = report.value(u"verdict").toObject().value(u"category").toString();
    std::cout << "[hostile] " << c.name << ": ended after " << m.run.elapsedMs << " ms, category "
              << category.toStdString() << ", peak RSS " << m.peakKiB / 1024 << " MiB (healthy run "
              << baselineKiB / 1024 << " MiB), " << server.connections() << " connections, "
              << server.bytesSent() << " bytes sent (most on one " << server.mostSentOnOne() << ")\n";

    EXPECT_EQ(m.run.exitCode, 1) << m.run.err.toStdString();
    EXPECT_LT(m.run.elapsedMs, kEndsWithinMs);
    EXPECT_EQ(category.toStdString(), c.category) << m.run.out.toStdString();
    EXPECT_TRUE(m.run.out.contains(c.evidence))
        << "no \"" << c.evidence << "\" in " << m.run.out.toStdString();
    EXPECT_LE(m.peakKiB, baselineKiB + kExtraPeakKiB);
    EXPECT_GT(server.connections(), 0);
    // An endless answer is read up to the probe's 8 MiB limit per exchange, never further: what
    // the server got out beyond that sits in the loopback socket buffers.
    EXPECT_LT(server.mostSentOnOne(), 8 * 1024 * 1024 + 16 * 1024 * 1024);
}

INSTANTIATE_TEST_SUITE_P(
    Servers, HostileCli,
    ::testing::Values(HostileCase{"TrickledHeaders", HostileServer::Behaviour::TrickleHeaders, false,
                                  "timeout", "incomplete"},
                      HostileCase{"EndlessBody", HostileServer::Behaviour::EndlessBody, false, "server_error",
                                  "kept sending"},
                      HostileCase{"EndlessHeaders", HostileServer::Behaviour::EndlessHeaders, false,
                                  "server_error", "64 KiB"},
                      HostileCase{"GarbageInsteadOfHttp", HostileServer::Behaviour::Garbage, false,
                                  "server_error", "not answer with HTTP"},
                      HostileCase{"TlsPeerStallsMidHandshake", HostileServer::Behaviour::StallTls, true,
                                  "timeout", "TLS"},
                      HostileCase{"ResetMidBody", HostileServer::Behaviour::ResetMidBody, false,
                                  "upstream_reset", "middle of the"}),
    [](const ::testing::TestParamInfo<HostileCase> &p) { return std::string(p.param.name); });
