// Sample store, statistics, decimation and timing signatures: pure logic over made-up runs.
#include "core/monitor/decimation.h"
#include "core/monitor/sample.h"
#include "core/monitor/statistics.h"
#include "core/monitor/timingsignature.h"
#include "support/signatures.h"

#include <gtest/gtest.h>

using namespace llmdoctor::core;
using namespace llmdoctor::test;
using namespace Qt::StringLiterals;

namespace {

Sample sample(quint32 t, float total, const QString &category = u"ok"_s, int status = 200, bool ipv6 = false,
              float connect = 1)
{
    Sample s;
    s.timeMs = t;
    s.dnsMs = 1;
    s.connectMs = connect;
    s.ttfbMs = std::max(0.0f, total - 2 - connect);
    s.totalMs = total;
    s.status = quint16(status);
    s.category = categoryIndex(category);
    s.flags = ipv6 ? Sample::Ipv6 : 0;
    return s;
}

} // namespace

TEST(SampleStore, CompactAndOrdered)
{
    EXPECT_EQ(SampleStore::bytesPerSample(), 32);
    SampleStore store;
    store.reserve(86400);
    for (quint32 i = 0; i < 86400; ++i)
        store.append(sample(i * 1000, 300));
    EXPECT_LE(store.memoryBytes(), 86400 * 32 + 4096);
    EXPECT_EQ(store.lowerBound(5500), 6);
    EXPECT_EQ(store.lowerBound(999999999), store.size());
    EXPECT_EQ(categoryName(store.at(0).category), u"ok"_s);
    EXPECT_EQ(categoryName(categoryIndex(u"no_such_thing"_s)), u"unknown"_s);
}

TEST(SampleStore, HopSetsAreShared)
{
    SampleStore store;
    const quint16 a = store.internHops({u"cloudflare"_s, u"envoy"_s});
    EXPECT_EQ(store.internHops({u"cloudflare"_s, u"envoy"_s}), a);
    EXPECT_NE(store.internHops({u"nginx"_s}), a);
    EXPECT_EQ(store.internHops({}), 0);
    EXPECT_EQ(store.hops(a), (QStringList{u"cloudflare"_s, u"envoy"_s}));
}

TEST(RunStats, PercentilesOverSuccessesAndErrorBreakdown)
{
    SampleStore store;
    for (int i = 1; i <= 100; ++i)
        store.append(sample(quint32(i * 1000), float(i)));
    store.append(sample(101000, 5, u"gateway_error"_s, 502));
    store.append(sample(102000, 5, u"gateway_error"_s, 502));
    store.append(sample(103000, 30000, u"timeout"_s, 0));
    const RunStats s = computeStats(store);
    EXPECT_EQ(s.probes, 103);
    EXPECT_EQ(s.successes, 100);
    EXPECT_NEAR(s.successRate, 100.0 / 103, 1e-9);
    const PhaseStats total = s.phases.value(u"total"_s);
    EXPECT_EQ(total.p50, 50);
    EXPECT_EQ(total.p90, 90);
    EXPECT_EQ(total.p99, 99);
    EXPECT_EQ(total.max, 100); // the failures' times stay out of the latency figures
    EXPECT_EQ(s.errors.value(u"gateway_error"_s), 2);
    EXPECT_EQ(s.errors.value(u"timeout"_s), 1);
    EXPECT_EQ(s.statuses.value(502), 2);
    // A window: the last three probes only.
    const RunStats tail = computeStats(store, store.size() - 3);
    EXPECT_EQ(tail.probes, 3);
    EXPECT_EQ(tail.successes, 0);
    EXPECT_TRUE(tail.phases.isEmpty());
    EXPECT_EQ(s.toJson().value(u"errors"_s).toObject().value(u"gateway_error"_s).toInt(), 2);
}

TEST(Decimation, BoundedAndKeepsSpikes)
{
    SampleStore store;
    for (quint32 i = 0; i < 86400; ++i)
        store.append(sample(i * 1000, i == 43210 ? 9000.0f : 300.0f + float(i % 7)));
    const QList<ChartPoint> points = decimateMinMax(store, 0, 86400 * 1000, 1000, 4, false);
    EXPECT_LE(points.size(), 2000);
    EXPECT_GT(points.size(), 1000);
    bool spike = false;
    for (const ChartPoint &p : points)
        spike = spike || (p.value == 9000.0f && p.index == 43210);
    EXPECT_TRUE(spike);
    for (qsizetype i = 1; i < points.size(); ++i)
        ASSERT_LE(points.at(i - 1).timeMs, points.at(i).timeMs);
    // Zoomed in far enough, every sample is a point.
    const QList<ChartPoint> close = decimateMinMax(store, 1000000, 1100000, 1000, 4, false);
    EXPECT_EQ(close.size(), 100);
    EXPECT_EQ(close.first().index, 1000);
}

TEST(Decimation, OnlySuccessesAndReachedPhases)
{
    SampleStore store;
    store.append(sample(0, 100));
    Sample failed = sample(1000, 2000, u"timeout"_s, 0);
    failed.ttfbMs = -1;
    store.append(failed);
    store.append(sample(2000, 120));
    EXPECT_EQ(decimateMinMax(store, 0, 3000, 10, 4, true).size(), 2);
    EXPECT_EQ(decimateMinMax(store, 0, 3000, 10, 4, false).size(), 3);
    EXPECT_EQ(decimateMinMax(store, 0, 3000, 10, 3, false).size(), 2); // no ttfb for the timeout
}

TEST(TimingSignatures, FailuresAtAKnownGatewayLimit)
{
    SampleStore store;
    const quint16 nginx = store.internHops({u"nginx"_s});
    quint32 t = 0;
    for (int i = 0; i < 20; ++i) {
        Sample s = i % 4 == 0 ? sample(t, 60000 + float(i * 7), u"gateway_timeout"_s, 504)
                              : sample(t, 2000 + float(i * 300));
        s.hops = nginx;
        store.append(s);
        t += 70000;
    }
    const auto sigs = detectSignatures(store, {});
    const TimingSignature *sig = findSignature(sigs, u"fixed_time_failure"_s);
    ASSERT_NE(sig, nullptr);
    EXPECT_NEAR(sig->seconds, 60, 0.5);
    EXPECT_EQ(sig->count, 5);
    EXPECT_TRUE(sig->likely.contains(u"proxy_read_timeout"_s)) << sig->likely.toStdString();
    EXPECT_TRUE(sig->advice.contains(u"proxy_read_timeout"_s));
}

TEST(TimingSignatures, CloudflareAndEnvoyLimitsAndOurOwn)
{
    auto run = [](float failAt, const QStringList &hops, double ownTimeoutS) {
        SampleStore store;
        const quint16 h = store.internHops(hops);
        for (int i = 0; i < 12; ++i) {
            Sample s = i % 3 == 0 ? sample(quint32(i) * 200000, failAt, u"timeout"_s, 0)
                                  : sample(quint32(i) * 200000, 800);
            s.hops = h;
            store.append(s);
        }
        SignatureContext c;
        c.probeTimeoutS = ownTimeoutS;
        const auto sigs = detectSignatures(store, c);
        return sigs.isEmpty() ? QString() : sigs.first().likely;
    };
    EXPECT_TRUE(run(100200, {u"cloudflare"_s}, 300).contains(u"Cloudflare"_s));
    EXPECT_TRUE(run(15050, {u"envoy"_s}, 300).contains(u"Envoy"_s));
    EXPECT_TRUE(run(30000, {}, 30).contains(u"llmdoctor's own time limit"_s));
    EXPECT_TRUE(run(7300, {}, 30).contains(u"7.3 s"_s)); // unknown limit: named by its length
}

TEST(TimingSignatures, NoPatternInScatteredFailures)
{
    SampleStore store;
    const float times[] = {1200, 8000, 3100, 15000, 22000, 4400};
    for (int i = 0; i < 6; ++i)
        store.append(sample(quint32(i) * 30000, times[i], u"gateway_error"_s, 502));
    for (int i = 6; i < 12; ++i)
        store.append(sample(quint32(i) * 30000, 300));
    EXPECT_TRUE(detectSignatures(store, {}).isEmpty());

    // A limit cuts off everything that reaches it: a success longer than the failures breaks it.
    SampleStore mixed;
    for (int i = 0; i < 9; ++i)
        mixed.append(
            sample(quint32(i) * 30000, i % 3 ? 300 : 5000, i % 3 ? u"ok"_s : u"timeout"_s, i % 3 ? 200 : 0));
    mixed.append(sample(300000, 9000));
    const QList<TimingSignature> mixedSigs = detectSignatures(mixed, {});
    EXPECT_EQ(findSignature(mixedSigs, u"fixed_time_failure"_s), nullptr);
}

TEST(TimingSignatures, ResetsAfterIdlePauses)
{
    SampleStore store;
    quint32 t = 0;
    // Busy periods (1 s apart) work; the first request after a 40 s pause is reset.
    for (int round = 0; round < 4; ++round) {
        store.append(sample(t, 5, round ? u"upstream_reset"_s : u"ok"_s, 0));
        for (int i = 1; i <= 5; ++i)
            store.append(sample(t + quint32(i) * 1000, 200));
        t += 5000 + 40000;
    }
    const QList<TimingSignature> sigs = detectSignatures(store, {}); // sig points into it
    const TimingSignature *sig = findSignature(sigs, u"reset_after_idle"_s);
    ASSERT_NE(sig, nullptr);
    EXPECT_EQ(sig->count, 3);
    EXPECT_NEAR(sig->seconds, 39.8, 0.5);
    EXPECT_TRUE(sig->advice.contains(u"keepalive"_s) || sig->advice.contains(u"keep-alive"_s));
}

TEST(TimingSignatures, Ipv6FailingOrSlower)
{
    SampleStore failing;
    for (int i = 0; i < 10; ++i) {
        const bool v6 = i % 2;
        failing.append(v6 ? sample(quint32(i) * 1000, 3000, u"connect_timeout"_s, 0, true)
                          : sample(quint32(i) * 1000, 200));
    }
    const QList<TimingSignature> failingSigs = detectSignatures(failing, {}); // sig points into it
    const TimingSignature *sig = findSignature(failingSigs, u"ipv6_failing"_s);
    ASSERT_NE(sig, nullptr);
    EXPECT_EQ(sig->count, 5);
    EXPECT_TRUE(sig->likely.contains(u"5 of 5"_s)) << sig->likely.toStdString();

    SampleStore slower;
    for (int i = 0; i < 10; ++i) {
        const bool v6 = i % 2;
        slower.append(sample(quint32(i) * 1000, v6 ? 400 : 200, u"ok"_s, 200, v6, v6 ? 180 : 20));
    }
    const QList<TimingSignature> slowerSigs = detectSignatures(slower, {});
    sig = findSignature(slowerSigs, u"ipv6_slower"_s);
    ASSERT_NE(sig, nullptr);
    EXPECT_NEAR(sig->seconds, 0.16, 0.001);

    SampleStore same;
    for (int i = 0; i < 10; ++i)
        same.append(sample(quint32(i) * 1000, 200, u"ok"_s, 200, i % 2, 20));
    EXPECT_TRUE(detectSignatures(same, {}).isEmpty());
}

// Connects that end 1 s, 3 s or 7 s after the usual time are SYN retransmissions: lost packets.
TEST(TimingSignatures, PacketLossFromSynRetransmissions)
{
    SampleStore store;
    quint32 t = 0;
    int delayed = 0;
    for (int i = 0; i < 100; ++i) {
        float connect = 20 + float(i % 5);
        if (i % 10 == 3) {
            connect += 1000; // one round lost
            ++delayed;
        } else if (i == 57) {
            connect += 3000; // two rounds lost
            ++delayed;
        }
        store.append(sample(t, connect + 150, u"ok"_s, 200, false, connect));
        t += 5000;
    }
    const QList<TimingSignature> sigs = detectSignatures(store, {});
    const TimingSignature *sig = findSignature(sigs, u"packet_loss"_s);
    ASSERT_NE(sig, nullptr);
    EXPECT_EQ(sig->count, delayed);
    // 12 rounds lost in 112: q = 0.107, per packet 1 - sqrt(1 - q) = 0.055.
    EXPECT_NEAR(sig->share, 0.055, 0.005);
    EXPECT_TRUE(sig->likely.contains(u"loses packets"_s)) << sig->likely.toStdString();
    EXPECT_TRUE(sig->advice.contains(u"internet provider"_s));
    EXPECT_EQ(sig->toJson().value(u"share"_s).toDouble(), sig->share);
    EXPECT_EQ(findSignature(sigs, u"jitter"_s), nullptr); // the retransmitted ones are not jitter
}

TEST(TimingSignatures, NoLossFromASlowOrSteadyServer)
{
    // All fast: nothing.
    SampleStore clean;
    for (int i = 0; i < 60; ++i)
        clean.append(sample(quint32(i) * 1000, 200, u"ok"_s, 200, false, 10 + float(i % 3)));
    const QList<TimingSignature> cleanSigs = detectSignatures(clean, {});
    EXPECT_EQ(findSignature(cleanSigs, u"packet_loss"_s), nullptr);
    EXPECT_EQ(findSignature(cleanSigs, u"jitter"_s), nullptr);

    // Slow connects scattered anywhere (a busy server's accept queue), not at the retransmission marks.
    SampleStore scattered;
    const float slow[] = {1600, 2200, 4800, 5300, 2600, 1700};
    for (int i = 0; i < 30; ++i) {
        const float connect = i % 5 == 0 ? slow[i / 5] : 15;
        scattered.append(sample(quint32(i) * 10000, connect + 100, u"ok"_s, 200, false, connect));
    }
    const QList<TimingSignature> scatteredSigs = detectSignatures(scattered, {});
    EXPECT_EQ(findSignature(scatteredSigs, u"packet_loss"_s), nullptr);

    // A single retransmission is chance, not a pattern.
    SampleStore once;
    for (int i = 0; i < 30; ++i)
        once.append(sample(quint32(i) * 1000, 200, u"ok"_s, 200, false, i == 7 ? 1012 : 12));
    const QList<TimingSignature> onceSigs = detectSignatures(once, {});
    EXPECT_EQ(findSignature(onceSigs, u"packet_loss"_s), nullptr);
}

TEST(TimingSignatures, JitterBeyondTheServersOwnTime)
{
    SampleStore store;
    for (int i = 0; i < 40; ++i) {
        // Round trips between 20 and 180 ms; the server's own time a steady 100 ms.
        const float connect = 20 + float((i * 37) % 160);
        Sample s = sample(quint32(i) * 1000, 0, u"ok"_s, 200, false, connect);
        s.ttfbMs = connect + 100;
        s.totalMs = connect + s.ttfbMs + 2;
        store.append(s);
    }
    const QList<TimingSignature> sigs = detectSignatures(store, {});
    const TimingSignature *sig = findSignature(sigs, u"jitter"_s);
    ASSERT_NE(sig, nullptr);
    EXPECT_GT(sig->seconds, 0.1);
    EXPECT_TRUE(sig->likely.contains(u"unsteady"_s));
    EXPECT_EQ(sig->toJson().contains(u"share"_s), false);
    EXPECT_EQ(findSignature(sigs, u"packet_loss"_s), nullptr);

    // The same spread in the server's own time as well: the server varies, not the network.
    SampleStore serverSide;
    for (int i = 0; i < 40; ++i) {
        const float connect = 20 + float((i * 37) % 160);
        Sample s = sample(quint32(i) * 1000, 0, u"ok"_s, 200, false, connect);
        s.ttfbMs = connect + 100 + float((i * 53) % 400);
        s.totalMs = connect + s.ttfbMs + 2;
        serverSide.append(s);
    }
    const QList<TimingSignature> serverSigs = detectSignatures(serverSide, {});
    EXPECT_EQ(findSignature(serverSigs, u"jitter"_s), nullptr);
}

// A lost SYN-ACK is resent on the server's own timer: connects end 2 s or 4 s late as well.
TEST(TimingSignatures, PacketLossCountsSynAckRetransmissions)
{
    SampleStore store;
    for (int i = 0; i < 40; ++i) {
        const float connect = i == 5 ? 2003 : i == 17 ? 4010 : i == 30 ? 1001 : 0.3f;
        store.append(sample(quint32(i) * 500, connect + 2, u"ok"_s, 200, false, connect));
    }
    const QList<TimingSignature> sigs = detectSignatures(store, {});
    const TimingSignature *sig = findSignature(sigs, u"packet_loss"_s);
    ASSERT_NE(sig, nullptr);
    EXPECT_EQ(sig->count, 3);
    // 1 + 2 + 3 rounds lost in 46: q = 0.13, per packet 0.068.
    EXPECT_NEAR(sig->share, 0.068, 0.003);
}
