// Sample store, statistics, decimation and timing signatures: pure logic over made-up runs.
#include "core/monitor/decimation.h"
#include "core/monitor/sample.h"
#include "core/monitor/statistics.h"
#include "core/monitor/timingsignature.h"
#include "support/signatures.h"

#include <gtest/gtest.h>
#include <random>

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
    // 89 of 100 first handshake rounds clean: (1 - p)² = 0.89, p = 0.057.
    EXPECT_NEAR(sig->share, 0.057, 0.001);
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
    // 37 of 40 first rounds clean: p = 1 - sqrt(0.925) = 0.038.
    EXPECT_NEAR(sig->share, 0.038, 0.001);
}

namespace {

// Linux's handshake on a link that drops each packet with probability p, both ways: the client
// sends its SYN at 0, 1, 3, 7, 15 s; a SYN that arrives makes the server answer, and after a lost
// SYN-ACK the server also resends it on its own timer, at the same marks. The connect time in ms,
// or -1 when it does not complete before deadlineS.
float simulatedConnect(std::mt19937 &rng, double p, double baseMs, double deadlineS)
{
    std::bernoulli_distribution lost(p);
    const double marks[] = {0, 1, 3, 7, 15, 31};
    bool serverWaiting = false; // the server got a SYN and waits for the ACK of its SYN-ACK
    for (const double at : marks) {
        if (at >= deadlineS)
            break;
        bool through = false;
        if (!lost(rng)) { // the client's SYN arrives: the server answers it
            serverWaiting = true;
            through = !lost(rng);
        }
        if (!through && serverWaiting && at > 0) // the server's own retransmission of the SYN-ACK
            through = !lost(rng);
        if (through)
            return float(at * 1000 + baseMs);
    }
    return -1;
}

} // namespace

// The share comes out right at the injected rate: only the first round of each handshake counts,
// since later rounds succeed more often (the server resends a lost SYN-ACK on its own). Counting
// every round lost would say about 0.09 here for 0.10.
TEST(TimingSignatures, PacketLossShareIsUnbiased)
{
    std::mt19937 rng(20);
    // Up to 0.2: beyond, more than half the connects lose a round and the usual time is no longer usual.
    for (const double p : {0.02, 0.05, 0.10, 0.20}) {
        std::vector<float> connects;
        int unfinished = 0;
        for (int i = 0; i < 40000; ++i) {
            const float c = simulatedConnect(rng, p, 0.4, 10);
            if (c >= 0)
                connects.push_back(c);
            else
                ++unfinished;
        }
        const LossEstimate e = estimateLoss(connects, unfinished);
        EXPECT_NEAR(e.share, p, 0.1 * p + 0.002) << "injected " << p;
        EXPECT_EQ(e.unfinished, unfinished);
        EXPECT_EQ(e.fast + e.delayed, e.connects);
        EXPECT_TRUE(e.lossFound()) << p;
    }
    // Connects that never completed lost their first round: leaving them out would read less loss.
    const LossEstimate with = estimateLoss({1, 1, 1, 1, 1, 1, 1, 1, 1001, 1001}, 2);
    const LossEstimate without = estimateLoss({1, 1, 1, 1, 1, 1, 1, 1, 1001, 1001});
    EXPECT_NEAR(with.share, 1 - std::sqrt(8.0 / 12), 1e-9);
    EXPECT_NEAR(without.share, 1 - std::sqrt(8.0 / 10), 1e-9);
}

// Probes through a proxy: our connect is to the proxy, the proxy connects upstream for each request.
// A lost SYN or SYN-ACK on its side makes the whole answer about 1 s (or 3 s) late; a lost data packet
// costs 200 ms and stays among the fast ones.
TEST(TimingSignatures, PacketLossSeenInAnswersThroughAProxy)
{
    std::mt19937 rng(7);
    SampleStore store;
    int clean = 0, handshakes = 0;
    for (int i = 0; i < 400; ++i) {
        const float upstream = simulatedConnect(rng, 0.1, 0.5, 10);
        ASSERT_GE(upstream, 0);
        handshakes++;
        clean += upstream < 500 ? 1 : 0;
        const float data = (i % 7 == 0) ? 205 : 0;
        Sample s = sample(quint32(i) * 300, 0, u"ok"_s, 200, false, 0.2f);
        s.flags = Sample::ViaProxy;
        s.ttfbMs = upstream + 2 + data;
        s.totalMs = s.connectMs + s.ttfbMs + 0.3f;
        store.append(s);
    }
    const QList<TimingSignature> sigs = detectSignatures(store, {});
    const TimingSignature *sig = findSignature(sigs, u"packet_loss"_s);
    ASSERT_NE(sig, nullptr);
    // Counted: those at a retransmission mark; a lost handshake and a lost data packet is later still.
    EXPECT_LE(sig->count, handshakes - clean);
    EXPECT_GE(sig->count, (handshakes - clean) * 3 / 4);
    EXPECT_NEAR(sig->share, 1 - std::sqrt(double(clean) / handshakes), 0.001);
    EXPECT_NEAR(sig->share, 0.1, 0.03);
    EXPECT_TRUE(sig->likely.contains(u"between your proxy and the server"_s)) << sig->likely.toStdString();
    EXPECT_TRUE(sig->advice.contains(u"runs your proxy"_s));
    EXPECT_EQ(findSignature(sigs, u"jitter"_s), nullptr);

    // The same answers without a retransmission: nothing. A server whose time scatters: nothing.
    SampleStore steady, scattered;
    std::uniform_real_distribution<float> serverTime(20, 3000);
    for (int i = 0; i < 100; ++i) {
        Sample s = sample(quint32(i) * 300, 0, u"ok"_s, 200, false, 0.2f);
        s.flags = Sample::ViaProxy;
        s.ttfbMs = 3 + (i % 7 == 0 ? 205 : 0);
        s.totalMs = s.ttfbMs + 0.5f;
        steady.append(s);
        s.ttfbMs = i % 3 == 0 ? serverTime(rng) : 40;
        s.totalMs = s.ttfbMs + 0.5f;
        scattered.append(s);
    }
    const QList<TimingSignature> steadySigs = detectSignatures(steady, {});
    const QList<TimingSignature> scatteredSigs = detectSignatures(scattered, {});
    EXPECT_EQ(findSignature(steadySigs, u"packet_loss"_s), nullptr);
    EXPECT_EQ(findSignature(scatteredSigs, u"packet_loss"_s), nullptr);
}

// Each packet delayed anew (netem's "delay 40ms 30ms"): the connect and the request's round trip vary
// each on their own, so the answers vary no more than the connects do; the server is steady.
TEST(TimingSignatures, JitterFromPacketsDelayedEachOnTheirOwn)
{
    std::mt19937 rng(3);
    std::uniform_real_distribution<float> delay(10, 70);
    SampleStore store, clean;
    for (int i = 0; i < 200; ++i) {
        Sample s = sample(quint32(i) * 200, 0, u"ok"_s, 200, false, delay(rng));
        s.ttfbMs = delay(rng) + 1.5f;
        s.totalMs = s.connectMs + s.ttfbMs + 0.3f;
        store.append(s);
        Sample c = sample(quint32(i) * 200, 0, u"ok"_s, 200, false, 0.3f + float(i % 5) * 0.05f);
        c.ttfbMs = 1.5f + float(i % 3) * 0.2f;
        c.totalMs = c.connectMs + c.ttfbMs + 0.3f;
        clean.append(c);
    }
    const QList<TimingSignature> sigs = detectSignatures(store, {});
    const TimingSignature *sig = findSignature(sigs, u"jitter"_s);
    ASSERT_NE(sig, nullptr);
    EXPECT_NEAR(sig->seconds, 0.048, 0.01);
    EXPECT_EQ(findSignature(sigs, u"packet_loss"_s), nullptr);
    EXPECT_TRUE(detectSignatures(clean, {}).isEmpty());
}
