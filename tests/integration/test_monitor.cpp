// Monitor runs end to end against the fault simulator on 127.0.0.1: samples, statistics, the
// interval without overlap, and the timing signatures a single request cannot show.
#include "core/monitor/monitor.h"
#include "core/sim/simulator.h"
#include "support/servers.h"
#include "support/signatures.h"
#include "support/signatures.h"
#include "support/waiting.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace llmdoctor::core;
using namespace llmdoctor::test;
using namespace Qt::StringLiterals;

namespace {

void runFor(Monitor &m, int probes, int timeoutMs = 30000)
{
    m.start();
    ASSERT_TRUE(waitFor([&] { return m.samples().size() >= probes; }, timeoutMs)) << m.samples().size();
    m.stop();
}

} // namespace

TEST(Monitor, GatewayTimeoutsAtAFixedTimeAreFound)
{
    SimulatorOptions o = faultOptions(Fault::GatewayTimeout, 0.5);
    o.gatewayTimeoutMs = 1200;
    Simulator sim(o);
    ASSERT_TRUE(sim.start());
    MonitorOptions mo;
    mo.intervalS = 0.3;
    Monitor m(simulatorTarget(sim), mo);
    runFor(m, 8);

    const SampleStore &s = m.samples();
    int timeouts = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const Sample &x = s.at(i);
        if (x.status == 504) {
            ++timeouts;
            EXPECT_EQ(categoryName(x.category), u"gateway_timeout"_s);
            EXPECT_NEAR(x.totalMs, 1200, 150);
        } else {
            EXPECT_TRUE(x.ok()) << categoryName(x.category).toStdString();
            EXPECT_LT(x.totalMs, 500);
        }
        // No overlap: a probe starts only after the one before it ended, on an interval tick.
        if (i > 0) {
            const Sample &prev = s.at(i - 1);
            EXPECT_GE(x.timeMs + 1, prev.timeMs + quint32(prev.totalMs)) << i;
            EXPECT_GE(x.timeMs - prev.timeMs, 250u) << i;
        }
    }
    EXPECT_GE(timeouts, 3);
    const RunStats stats = m.stats();
    EXPECT_EQ(stats.probes, s.size());
    EXPECT_EQ(stats.errors.value(u"gateway_timeout"_s), timeouts);
    EXPECT_NEAR(stats.successRate, 0.5, 0.15);

    const QList<TimingSignature> sigs = m.signatures(); // sig points into it
    const TimingSignature *sig = findSignature(sigs, u"fixed_time_failure"_s);
    ASSERT_NE(sig, nullptr);
    EXPECT_NEAR(sig->seconds, 1.2, 0.15);
    EXPECT_EQ(sig->count, timeouts);
    EXPECT_TRUE(sig->likely.contains(u"nginx"_s)) << sig->likely.toStdString(); // the hop that answered
    EXPECT_TRUE(sig->advice.contains(u"proxy_read_timeout"_s));
}

TEST(Monitor, SlowHeadersEndAtOurOwnLimit)
{
    Simulator sim(faultOptions(Fault::SlowHeaders));
    ASSERT_TRUE(sim.start());
    MonitorOptions mo;
    mo.intervalS = 0.2;
    mo.probeTimeoutMs = 1100;
    Monitor m(simulatorTarget(sim), mo);
    runFor(m, 3);
    for (const Sample &x : m.samples().samples()) {
        EXPECT_EQ(categoryName(x.category), u"timeout"_s);
        EXPECT_NEAR(x.totalMs, 1100, 150);
    }
    const QList<TimingSignature> sigs = m.signatures(); // sig points into it
    const TimingSignature *sig = findSignature(sigs, u"fixed_time_failure"_s);
    ASSERT_NE(sig, nullptr);
    EXPECT_TRUE(sig->likely.contains(u"llmdoctor's own time limit"_s)) << sig->likely.toStdString();
}

TEST(Monitor, FlakyServerGivesAnErrorBreakdownAndNoFalsePattern)
{
    Simulator sim(faultOptions(Fault::Flaky, 0.5));
    ASSERT_TRUE(sim.start());
    MonitorOptions mo;
    mo.intervalS = 0.2;
    Monitor m(simulatorTarget(sim), mo);
    QSignalSpy added(&m, &Monitor::sampleAdded);
    runFor(m, 6);
    EXPECT_EQ(added.size(), m.samples().size());
    const RunStats stats = m.stats();
    EXPECT_EQ(stats.errors.value(u"gateway_error"_s) + stats.successes, stats.probes);
    EXPECT_GE(stats.errors.value(u"gateway_error"_s), 2);
    EXPECT_EQ(stats.statuses.value(502), stats.errors.value(u"gateway_error"_s));
    EXPECT_GT(stats.phases.value(u"total"_s).count, 0);
    EXPECT_TRUE(m.signatures().isEmpty()); // fast 502s are errors, not a time limit
    // The hops the answers named are kept with each sample.
    EXPECT_TRUE(m.samples().hops(m.samples().at(1).hops).contains(u"nginx"_s));
}

TEST(Monitor, StopsAfterItsDurationAndStopIsSafe)
{
    Simulator sim(faultOptions(Fault::None));
    ASSERT_TRUE(sim.start());
    MonitorOptions mo;
    mo.intervalS = 0.2;
    mo.durationS = 1;
    Monitor m(simulatorTarget(sim), mo);
    QSignalSpy finished(&m, &Monitor::finished);
    m.start();
    ASSERT_TRUE(waitFor([&] { return !m.isRunning(); }, 5000));
    EXPECT_EQ(finished.size(), 1);
    EXPECT_GE(m.samples().size(), 4);
    EXPECT_LE(m.samples().size(), 6);
    m.stop();
    EXPECT_EQ(finished.size(), 1);
}

TEST(MonitorOutput, CsvAndJsonHaveTheDocumentedFields)
{
    Simulator sim(faultOptions(Fault::Flaky, 0.5));
    ASSERT_TRUE(sim.start());
    MonitorOptions mo;
    mo.intervalS = 0.2;
    Monitor m(simulatorTarget(sim), mo);
    runFor(m, 4);
    QBuffer csv;
    csv.open(QIODevice::WriteOnly);
    ASSERT_TRUE(writeSamplesCsv(m.samples(), &csv));
    const QList<QByteArray> lines = csv.data().trimmed().split('\n');
    EXPECT_EQ(lines.first(), "time_ms,status,category,dns_ms,connect_ms,tls_ms,ttfb_ms,total_ms");
    ASSERT_EQ(lines.size(), m.samples().size() + 1);
    EXPECT_EQ(lines.at(1).split(',').size(), 8);
    EXPECT_EQ(lines.at(1).split(',').at(4 - 2), "ok"); // first request of a flaky server works
    EXPECT_EQ(lines.at(1).split(',').at(5), "");       // no TLS on plain http

    const QJsonObject doc = monitorJson(m.samples(), m.stats(), m.signatures());
    const QJsonArray samples = doc.value(u"samples"_s).toArray();
    ASSERT_EQ(samples.size(), m.samples().size());
    for (const char *field :
         {"time_ms", "status", "category", "dns_ms", "connect_ms", "tls_ms", "ttfb_ms", "total_ms"})
        EXPECT_TRUE(samples.at(0).toObject().contains(QLatin1String(field))) << field;
    EXPECT_TRUE(doc.value(u"stats"_s).toObject().contains(u"success_rate"_s));
    EXPECT_TRUE(doc.value(u"signatures"_s).isArray());
}

TEST(MonitorCli, StreamsCsvAndWritesJson)
{
    SimulatorOptions o = faultOptions(Fault::GatewayTimeout, 0.5);
    o.gatewayTimeoutMs = 1000;
    Simulator sim(o);
    ASSERT_TRUE(sim.start());
    const QStringList base{u"monitor"_s, u"--base-url"_s, sim.baseUrl().toString(),
                           u"--proxy"_s, u"none"_s,       u"--interval"_s,
                           u"0.2"_s};
    const CliRun csv = runCli(base + QStringList{u"--duration"_s, u"2"_s});
    EXPECT_EQ(csv.exitCode, 1) << csv.err.toStdString(); // some probes failed
    const QList<QByteArray> lines = csv.out.trimmed().split('\n');
    ASSERT_GE(lines.size(), 3);
    EXPECT_EQ(lines.first(), "time_ms,status,category,dns_ms,connect_ms,tls_ms,ttfb_ms,total_ms");
    EXPECT_TRUE(csv.out.contains(",504,gateway_timeout,"));
    EXPECT_TRUE(csv.err.contains("probes")) << csv.err.toStdString();

    QTemporaryDir dir;
    const QString file = dir.filePath(u"run.json"_s);
    const CliRun json =
        runCli(base + QStringList{u"--duration"_s, u"4.5"_s, u"--format"_s, u"json"_s, u"--output"_s, file});
    EXPECT_EQ(json.exitCode, 1) << json.err.toStdString();
    QFile f(file);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QJsonObject doc = QJsonDocument::fromJson(f.readAll()).object();
    EXPECT_GE(doc.value(u"samples"_s).toArray().size(), 3);
    const QJsonArray sigs = doc.value(u"signatures"_s).toArray();
    ASSERT_FALSE(sigs.isEmpty()) << QJsonDocument(doc).toJson().toStdString();
    const QJsonObject sig = sigs.at(0).toObject();
    EXPECT_EQ(sig.value(u"kind"_s).toString(), u"fixed_time_failure"_s);
    EXPECT_NEAR(sig.value(u"seconds"_s).toDouble(), 1.0, 0.15);
    for (const char *field : {"kind", "seconds", "count", "likely", "advice"})
        EXPECT_TRUE(sig.contains(QLatin1String(field))) << field;

    const CliRun bad = runCli(base + QStringList{u"--interval"_s, u"0.01"_s});
    EXPECT_EQ(bad.exitCode, 2);
    const CliRun unwritable =
        runCli(base + QStringList{u"--duration"_s, u"0.3"_s, u"--output"_s, u"/nonexistent-dir/x.csv"_s});
    EXPECT_EQ(unwritable.exitCode, 2);
    EXPECT_TRUE(unwritable.err.contains("cannot write")) << unwritable.err.toStdString();
}
