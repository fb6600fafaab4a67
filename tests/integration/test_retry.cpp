// Wait and retry, end to end: a real Retrier against the fault simulator on 127.0.0.1.
#include "core/monitor/retrier.h"
#include "core/sim/simulator.h"
#include "support/servers.h"
#include "support/waiting.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <gtest/gtest.h>

using namespace llmdoctor::core;
using namespace llmdoctor::test;
using namespace Qt::StringLiterals;

namespace {

RetryPolicy quickPolicy(int attempts = 4, double maxWaitS = 30)
{
    RetryPolicy p;
    p.maxAttempts = attempts;
    p.maxWaitS = maxWaitS;
    return p;
}

bool run(Retrier &r, int timeoutMs = 30000)
{
    r.setRandom([] { return 0.0; }); // no jitter: the waits are known
    r.start();
    return waitFor([&] { return !r.isRunning(); }, timeoutMs);
}

} // namespace

TEST(Retry, WaitsAsLongAsTheServerAsksThenSucceeds)
{
    SimulatorOptions o = faultOptions(Fault::RateLimit);
    o.retryAfterSeconds = 1;
    o.failFirst = 2;
    Simulator sim(o);
    ASSERT_TRUE(sim.start());
    Retrier r(simulatorTarget(sim), quickPolicy());
    QSignalSpy waiting(&r, &Retrier::waiting);
    ASSERT_TRUE(run(r));
    EXPECT_EQ(r.outcome(), Retrier::Outcome::Succeeded);
    ASSERT_EQ(r.attempts().size(), 3);
    EXPECT_EQ(r.attempts().at(0).status, 429);
    EXPECT_EQ(r.attempts().at(0).category, u"rate_limited"_s);
    for (int i = 1; i < 3; ++i) {
        EXPECT_DOUBLE_EQ(r.attempts().at(i).waitedMs, 1000) << i;
        EXPECT_EQ(r.attempts().at(i).waitKind, u"server"_s);
        EXPECT_TRUE(r.attempts().at(i).waitReason.contains(u"retry-after"_s));
        // It really waited before asking again.
        EXPECT_GE(r.attempts().at(i).startedMs - r.attempts().at(i - 1).startedMs, 990);
    }
    EXPECT_EQ(r.attempts().at(2).status, 200);
    EXPECT_EQ(r.verdict().category, u"ok"_s);
    EXPECT_TRUE(r.verdict().headline.contains(u"attempt 3"_s)) << r.verdict().headline.toStdString();
    // The countdown ticked while it waited, and counted down.
    ASSERT_GE(waiting.size(), 4);
    EXPECT_GT(waiting.first().at(0).toDouble(), waiting.last().at(0).toDouble());
    EXPECT_EQ(r.samples().size(), 3);
}

TEST(Retry, BacksOffExponentiallyWithoutRetryAfter)
{
    SimulatorOptions o = faultOptions(Fault::Flaky, 1.0);
    o.failFirst = 2;
    Simulator sim(o);
    ASSERT_TRUE(sim.start());
    Retrier r(simulatorTarget(sim), quickPolicy());
    ASSERT_TRUE(run(r));
    EXPECT_EQ(r.outcome(), Retrier::Outcome::Succeeded);
    ASSERT_EQ(r.attempts().size(), 3);
    EXPECT_EQ(r.attempts().at(0).status, 502);
    EXPECT_DOUBLE_EQ(r.attempts().at(1).waitedMs, 500);
    EXPECT_DOUBLE_EQ(r.attempts().at(2).waitedMs, 1000);
    EXPECT_EQ(r.attempts().at(1).waitKind, u"backoff"_s);
    EXPECT_FALSE(r.verdict().snippets.isEmpty()); // retry code for the app
}

TEST(Retry, PersistentGatewayErrorsMeanAWideOutage)
{
    Simulator sim(faultOptions(Fault::BadGateway));
    ASSERT_TRUE(sim.start());
    Retrier r(simulatorTarget(sim), quickPolicy(3));
    ASSERT_TRUE(run(r));
    EXPECT_EQ(r.outcome(), Retrier::Outcome::GaveUp);
    EXPECT_EQ(r.attempts().size(), 3);
    const Verdict v = r.verdict();
    EXPECT_EQ(v.category, u"provider_outage"_s);
    EXPECT_EQ(v.blame, u"provider"_s);
    EXPECT_TRUE(v.headline.contains(u"wide outage"_s)) << v.headline.toStdString();
    EXPECT_TRUE(v.explanation.contains(u"3× HTTP 502"_s)) << v.explanation.toStdString();
}

TEST(Retry, InvalidKeyIsNotRetried)
{
    Simulator sim(faultOptions(Fault::InvalidKey));
    ASSERT_TRUE(sim.start());
    Target t = simulatorTarget(sim);
    t.apiKey = "sk-wrongwrongwrongwrongwrongwrong1234";
    Retrier r(t, quickPolicy());
    ASSERT_TRUE(run(r));
    EXPECT_EQ(r.outcome(), Retrier::Outcome::NotRetryable);
    EXPECT_EQ(r.attempts().size(), 1);
    EXPECT_EQ(sim.requestCount(), 1);
    EXPECT_EQ(r.verdict().category, u"auth_invalid_key"_s);
    EXPECT_TRUE(r.verdict().headline.startsWith(u"Retrying cannot help"_s))
        << r.verdict().headline.toStdString();
}

TEST(Retry, MissingModelIsNotRetried)
{
    Simulator sim(faultOptions(Fault::ModelNotFound));
    ASSERT_TRUE(sim.start());
    Target t = simulatorTarget(sim);
    t.model = u"gpt-4o-mini"_s;
    Retrier r(t, quickPolicy());
    ASSERT_TRUE(run(r));
    EXPECT_EQ(r.outcome(), Retrier::Outcome::NotRetryable);
    EXPECT_EQ(r.verdict().category, u"model_not_found"_s);
    EXPECT_TRUE(
        r.toJson().value(u"verdict"_s).toObject().value(u"headline"_s).toString().contains(u"model"_s));
}

TEST(Retry, GivesUpWhenTheServerAsksForMoreThanTheTimeLeft)
{
    SimulatorOptions o = faultOptions(Fault::RateLimit);
    o.retryAfterSeconds = 20;
    Simulator sim(o);
    ASSERT_TRUE(sim.start());
    Retrier r(simulatorTarget(sim), quickPolicy(5, 5));
    ASSERT_TRUE(run(r, 5000)); // ends at once: no point waiting 20 s for a 5 s window
    EXPECT_EQ(r.outcome(), Retrier::Outcome::GaveUp);
    EXPECT_EQ(r.attempts().size(), 1);
    EXPECT_EQ(r.verdict().category, u"rate_limited"_s);
    EXPECT_TRUE(r.verdict().explanation.contains(u"longer than the time left"_s))
        << r.verdict().explanation.toStdString();
}

TEST(Retry, SlowHeadersTimeOutAndAreRetried)
{
    Simulator sim(faultOptions(Fault::SlowHeaders));
    ASSERT_TRUE(sim.start());
    Retrier r(simulatorTarget(sim, 800), quickPolicy(2));
    ASSERT_TRUE(run(r));
    EXPECT_EQ(r.outcome(), Retrier::Outcome::GaveUp);
    ASSERT_EQ(r.attempts().size(), 2);
    for (const RetryAttempt &a : r.attempts()) {
        EXPECT_EQ(a.category, u"timeout"_s);
        EXPECT_NEAR(a.durationMs, 800, 150);
    }
    EXPECT_EQ(r.verdict().category, u"provider_outage"_s); // timeouts all along: on the far side
}

TEST(Retry, CancelDuringAWaitEndsAtOnce)
{
    SimulatorOptions o = faultOptions(Fault::RateLimit);
    o.retryAfterSeconds = 30;
    Simulator sim(o);
    ASSERT_TRUE(sim.start());
    Retrier r(simulatorTarget(sim), quickPolicy(5, 120));
    r.start();
    ASSERT_TRUE(waitFor([&] { return r.waitRemainingMs() > 0; }, 5000));
    EXPECT_FALSE(r.waitReason().isEmpty());
    r.cancel();
    EXPECT_FALSE(r.isRunning());
    EXPECT_EQ(r.outcome(), Retrier::Outcome::Cancelled);
    EXPECT_EQ(Retrier::outcomeName(r.outcome()), u"cancelled"_s);
    r.cancel(); // twice is fine
}

TEST(RetryCli, JsonReportsAttemptsWaitsAndOutcome)
{
    SimulatorOptions o = faultOptions(Fault::RateLimit);
    o.retryAfterSeconds = 1;
    o.failFirst = 1;
    Simulator sim(o);
    ASSERT_TRUE(sim.start());
    const CliRun r = runCli({u"retry"_s, u"--base-url"_s, sim.baseUrl().toString(), u"--proxy"_s, u"none"_s,
                             u"--max-attempts"_s, u"3"_s, u"--format"_s, u"json"_s});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
    EXPECT_EQ(doc.value(u"outcome"_s).toString(), u"succeeded"_s);
    const QJsonArray attempts = doc.value(u"attempts"_s).toArray();
    ASSERT_EQ(attempts.size(), 2);
    const QJsonObject second = attempts.at(1).toObject();
    for (const char *field :
         {"n", "started_ms", "status", "category", "duration_ms", "waited_ms", "wait_reason"})
        EXPECT_TRUE(second.contains(QLatin1String(field))) << field;
    EXPECT_EQ(attempts.at(0).toObject().value(u"status"_s).toInt(), 429);
    EXPECT_EQ(second.value(u"waited_ms"_s).toDouble(), 1000);
    EXPECT_EQ(doc.value(u"verdict"_s).toObject().value(u"category"_s).toString(), u"ok"_s);
}

TEST(RetryCli, TextSaysWhyItWaitedAndBadOptionsExitTwo)
{
    Simulator sim(faultOptions(Fault::Overloaded));
    ASSERT_TRUE(sim.start());
    const CliRun r = runCli({u"retry"_s, u"--base-url"_s, sim.baseUrl().toString(), u"--proxy"_s, u"none"_s,
                             u"--max-attempts"_s, u"2"_s, u"--cap"_s, u"0.2"_s});
    EXPECT_EQ(r.exitCode, 1);
    const QString text = QString::fromUtf8(r.out);
    EXPECT_TRUE(text.contains(u"HTTP 529"_s)) << text.toStdString();
    EXPECT_TRUE(text.contains(u"backing off"_s)) << text.toStdString();
    EXPECT_TRUE(text.contains(u"Outcome: gave_up"_s)) << text.toStdString();

    for (const QStringList &bad :
         {QStringList{u"--max-attempts"_s, u"zero"_s}, QStringList{u"--max-wait"_s, u"-1"_s},
          QStringList{u"--format"_s, u"xml"_s}, QStringList{u"--bogus"_s}}) {
        const CliRun b = runCli(QStringList{u"retry"_s, u"--base-url"_s, sim.baseUrl().toString()} + bad);
        EXPECT_EQ(b.exitCode, 2) << bad.join(u' ').toStdString();
        EXPECT_FALSE(b.err.isEmpty());
    }
}
