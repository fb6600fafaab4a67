// The real thing: nginx, HAProxy and squid from the distribution, started as the current user on
// 127.0.0.1 in front of our simulator, must lead to the right verdict, blame and named hop; and
// the two checks that only make sense in front of real proxies (stream, keep-alive) must see
// nginx's buffering and its keep-alive limit.
#include "core/checks/diagnosis.h"
#include "core/monitor/monitor.h"
#include "core/sim/simulator.h"
#include "support/diagnosisrun.h"
#include "support/gateways.h"
#include "support/servers.h"
#include "support/signatures.h"
#include "support/waiting.h"

#include <QFile>
#include <QProcess>
#include <gtest/gtest.h>

using namespace llmdoctor::core;
using namespace llmdoctor::test;
using namespace Qt::StringLiterals;

namespace {

using Kind = GatewayServer::Kind;

Target targetAt(const QUrl &base, int timeoutMs = 5000)
{
    Target t;
    t.baseUrl = base;
    t.timeoutMs = timeoutMs;
    t.proxy.mode = ProxyChoice::Mode::None;
    return t;
}

Target viaProxy(Target t, const QString &proxy)
{
    t.proxy.mode = ProxyChoice::Mode::Explicit;
    t.proxy.url = QUrl(proxy);
    return t;
}

DiagnosisOutcome diagnose(const Target &target, int waitMs = 20000)
{
    Diagnosis d(target);
    return runDiagnosis(d, waitMs);
}

QString hopsOf(const DiagnosisOutcome &o)
{
    return o.check(u"http"_s) ? o.check(u"http"_s)->detail(u"hops"_s) : QString();
}

std::unique_ptr<Simulator> startSimulator(SimulatorOptions options)
{
    auto sim = std::make_unique<Simulator>(options);
    QString error;
    EXPECT_TRUE(sim->start(&error)) << error.toStdString();
    return sim;
}

QString proxyTo(quint16 port, const QString &more = QString())
{
    return u"proxy_pass http://127.0.0.1:%1/; %2"_s.arg(port).arg(more);
}

// Starts a gateway or stops the test with the reason.
#define START_GATEWAY(gateway, config)                                                                       \
    do {                                                                                                     \
        QString startError;                                                                                  \
        ASSERT_TRUE((gateway).start((config), &startError)) << startError.toStdString();                     \
    } while (false)

bool nextStepsMention(const Verdict &v, const QString &text)
{
    return std::any_of(v.nextSteps.cbegin(), v.nextSteps.cend(),
                       [&text](const QString &s) { return s.contains(text); });
}

} // namespace

// ---- nginx ---------------------------------------------------------------------------------

TEST(Nginx, NothingListeningUpstreamIsABadGateway)
{
    LLMDOCTOR_REQUIRE_BINARY(nginx, "nginx");
    GatewayServer gateway(Kind::Nginx);
    START_GATEWAY(gateway, u"location / { %1 }"_s.arg(proxyTo(freePort())));

    const DiagnosisOutcome o = diagnose(targetAt(gateway.url(u"/v1"_s)));
    ASSERT_TRUE(o.finished);
    EXPECT_EQ(o.verdict.category, u"gateway_error"_s);
    EXPECT_EQ(o.verdict.blame, u"provider"_s);
    EXPECT_EQ(o.check(u"http"_s)->detail(u"status"_s), u"502 Bad Gateway"_s);
    EXPECT_TRUE(hopsOf(o).contains(u"nginx"_s)) << hopsOf(o).toStdString();
    EXPECT_TRUE(o.verdict.explanation.contains(u"nginx"_s)) << o.verdict.explanation.toStdString();
    EXPECT_TRUE(gateway.log().contains(u"Connection refused) while connecting to upstream"_s))
        << gateway.log().toStdString();
}

TEST(Nginx, UpstreamThatResetsOrClosesIsABadGateway)
{
    LLMDOCTOR_REQUIRE_BINARY(nginx, "nginx");
    auto reset = startSimulator(faultOptions(Fault::ResetBeforeHeaders));
    auto closes = startSimulator(faultOptions(Fault::CloseBeforeHeaders));
    GatewayServer gateway(Kind::Nginx);
    START_GATEWAY(gateway, u"location /reset/ { %1 }\nlocation /close/ { %2 }"_s.arg(
                               proxyTo(reset->port()), proxyTo(closes->port())));

    for (const QString &path : {u"/reset/v1"_s, u"/close/v1"_s}) {
        const DiagnosisOutcome o = diagnose(targetAt(gateway.url(path)));
        ASSERT_TRUE(o.finished) << path.toStdString();
        EXPECT_EQ(o.verdict.category, u"gateway_error"_s) << path.toStdString();
        EXPECT_EQ(o.verdict.blame, u"provider"_s) << path.toStdString();
        EXPECT_EQ(o.check(u"http"_s)->detail(u"status"_s), u"502 Bad Gateway"_s) << path.toStdString();
        EXPECT_TRUE(hopsOf(o).contains(u"nginx"_s)) << path.toStdString();
    }
    // nginx's own words for each, as a user would find them in its error log.
    EXPECT_TRUE(gateway.log().contains(u"upstream prematurely closed connection"_s))
        << gateway.log().toStdString();
    EXPECT_TRUE(gateway.log().contains(u"Connection reset by peer"_s)) << gateway.log().toStdString();
}

TEST(Nginx, SlowUpstreamTimesOutAndTheMonitorFindsTheLimit)
{
    LLMDOCTOR_REQUIRE_BINARY(nginx, "nginx");
    SimulatorOptions slow = faultOptions(Fault::None);
    slow.delayMs = 3000; // longer than nginx waits
    auto sim = startSimulator(slow);
    GatewayServer gateway(Kind::Nginx);
    START_GATEWAY(gateway, u"location / { %1 }"_s.arg(proxyTo(sim->port(), u"proxy_read_timeout 2s;"_s)));
    const Target target = targetAt(gateway.url(u"/v1"_s));

    // The monitor probes while the diagnosis runs: both wait on the same 2 s limit.
    MonitorOptions mo;
    mo.intervalS = 0.2;
    Monitor monitor(target, mo);
    monitor.start();
    const DiagnosisOutcome o = diagnose(target);
    ASSERT_TRUE(o.finished);
    EXPECT_EQ(o.verdict.category, u"gateway_timeout"_s);
    // The gateway that gave up is the user's own nginx: its timeout is theirs to raise.
    EXPECT_EQ(o.verdict.blame, u"config"_s);
    EXPECT_EQ(o.check(u"http"_s)->detail(u"status"_s), u"504 Gateway Time-out"_s);
    EXPECT_TRUE(hopsOf(o).contains(u"nginx"_s));
    EXPECT_NEAR(o.check(u"http"_s)->timings.value(u"total"_s), 2000, 300);
    ASSERT_FALSE(o.verdict.snippets.isEmpty());
    EXPECT_EQ(o.verdict.snippets.first().language, u"nginx"_s);

    ASSERT_TRUE(waitFor([&monitor] { return monitor.samples().size() >= 3; }, 15000));
    monitor.stop();
    const QList<TimingSignature> sigs = monitor.signatures(); // sig points into it
    const TimingSignature *sig = findSignature(sigs, u"fixed_time_failure"_s);
    ASSERT_NE(sig, nullptr);
    EXPECT_NEAR(sig->seconds, 2.0, 0.2);
    EXPECT_TRUE(sig->likely.contains(u"nginx"_s)) << sig->likely.toStdString();
    EXPECT_TRUE(sig->advice.contains(u"proxy_read_timeout"_s)) << sig->advice.toStdString();
    EXPECT_TRUE(gateway.log().contains(u"upstream timed out"_s));
}

// ---- HAProxy -------------------------------------------------------------------------------

TEST(Haproxy, NoServerIsUnavailable)
{
    LLMDOCTOR_REQUIRE_BINARY(haproxy, "haproxy");
    GatewayServer gateway(Kind::Haproxy);
    START_GATEWAY(gateway, u"backend be\n"_s);

    const DiagnosisOutcome o = diagnose(targetAt(gateway.url(u"/v1"_s)));
    ASSERT_TRUE(o.finished);
    EXPECT_EQ(o.verdict.category, u"gateway_error"_s);
    EXPECT_EQ(o.verdict.blame, u"provider"_s);
    EXPECT_EQ(o.check(u"http"_s)->detail(u"status"_s), u"503 Service Unavailable"_s);
    // HAProxy's pages carry no Server header: the page itself names it.
    EXPECT_TRUE(hopsOf(o).contains(u"haproxy"_s)) << hopsOf(o).toStdString();
}

TEST(Haproxy, ServerTimeoutIsAGatewayTimeout)
{
    LLMDOCTOR_REQUIRE_BINARY(haproxy, "haproxy");
    SimulatorOptions slow = faultOptions(Fault::None);
    slow.delayMs = 3000;
    auto sim = startSimulator(slow);
    GatewayServer gateway(Kind::Haproxy);
    START_GATEWAY(gateway, u"backend be\n  timeout server 2s\n  server s1 127.0.0.1:%1\n"_s.arg(sim->port()));

    const DiagnosisOutcome o = diagnose(targetAt(gateway.url(u"/v1"_s)));
    ASSERT_TRUE(o.finished);
    EXPECT_EQ(o.verdict.category, u"gateway_timeout"_s);
    EXPECT_EQ(o.verdict.blame, u"provider"_s);
    EXPECT_EQ(o.check(u"http"_s)->detail(u"status"_s), u"504 Gateway Time-out"_s);
    EXPECT_TRUE(hopsOf(o).contains(u"haproxy"_s)) << hopsOf(o).toStdString();
    EXPECT_NEAR(o.check(u"http"_s)->timings.value(u"total"_s), 2000, 300);
}

// ---- squid as the forward proxy ------------------------------------------------------------

TEST(Squid, PlainHttpAndHttpsGoThroughTheProxy)
{
    LLMDOCTOR_REQUIRE_BINARY(squid, "squid");
    auto plain = startSimulator(faultOptions(Fault::None));
    auto tls = startSimulator(faultOptions(Fault::Tls));
    GatewayServer proxy(Kind::Squid);
    START_GATEWAY(proxy, u"http_access allow localhost\nhttp_access deny all\n"_s);
    const QString proxyUrl = proxy.url().toString();

    const DiagnosisOutcome http = diagnose(viaProxy(targetAt(plain->baseUrl()), proxyUrl));
    ASSERT_TRUE(http.finished);
    EXPECT_EQ(http.verdict.category, u"ok"_s) << http.verdict.headline.toStdString();
    EXPECT_EQ(http.verdict.blame, u"none"_s);
    EXPECT_EQ(http.check(u"http"_s)->detail(u"through proxy"_s), u"yes"_s);
    EXPECT_TRUE(hopsOf(http).contains(u"squid"_s)) << hopsOf(http).toStdString(); // its Via header
    EXPECT_EQ(http.check(u"tcp"_s)->detail(u"proxy"_s), proxyUrl);
    EXPECT_EQ(plain->requestCount(), 1) << "the request reached the server through the proxy";

    // https: a CONNECT tunnel through squid, then TLS with the server itself.
    Target t = viaProxy(targetAt(tls->baseUrl()), proxyUrl);
    t.baseUrl.setHost(u"localhost"_s);
    t.caFile = QStringLiteral(LLMDOCTOR_SOURCE_DIR "/resources/sim/selfsigned.crt");
    const DiagnosisOutcome https = diagnose(t);
    ASSERT_TRUE(https.finished);
    EXPECT_EQ(https.verdict.category, u"ok"_s) << https.verdict.headline.toStdString();
    const CheckResult *tlsCheck = https.check(u"tls"_s);
    ASSERT_NE(tlsCheck, nullptr);
    EXPECT_EQ(tlsCheck->status, CheckStatus::Pass) << tlsCheck->summary.toStdString();
    EXPECT_TRUE(tlsCheck->detail(u"proxy answer"_s).startsWith(u"200"_s)) << "the tunnel was set up";
    EXPECT_EQ(https.check(u"http"_s)->detail(u"through proxy"_s), u"yes"_s);
    EXPECT_GT(https.check(u"http"_s)->timings.value(u"tls"_s), 0.0);
}

TEST(Squid, AccessDeniedIsAProxyError)
{
    LLMDOCTOR_REQUIRE_BINARY(squid, "squid");
    auto sim = startSimulator(faultOptions(Fault::None));
    GatewayServer proxy(Kind::Squid);
    START_GATEWAY(proxy, u"http_access deny all\n"_s);

    const DiagnosisOutcome o = diagnose(viaProxy(targetAt(sim->baseUrl()), proxy.url().toString()));
    ASSERT_TRUE(o.finished);
    EXPECT_EQ(o.verdict.category, u"proxy_error"_s);
    EXPECT_EQ(o.verdict.blame, u"proxy"_s);
    EXPECT_EQ(o.check(u"http"_s)->detail(u"status"_s), u"403 Forbidden"_s);
    EXPECT_TRUE(hopsOf(o).contains(u"squid"_s)) << hopsOf(o).toStdString();
    EXPECT_EQ(sim->requestCount(), 0) << "the proxy let nothing through";
}

TEST(Squid, AuthenticationRequiredIsAProxyError)
{
    LLMDOCTOR_REQUIRE_BINARY(squid, "squid");
    const QString helper = u"/usr/lib/squid/basic_ncsa_auth"_s;
    if (!QFile::exists(helper)) {
        if (underCi())
            FAIL() << "squid's basic_ncsa_auth helper is missing";
        GTEST_SKIP() << "squid's basic_ncsa_auth helper is missing";
    }
    auto sim = startSimulator(faultOptions(Fault::None));
    GatewayServer proxy(Kind::Squid);
    QProcess hash;
    hash.start(u"openssl"_s, {u"passwd"_s, u"-apr1"_s, u"secret"_s});
    ASSERT_TRUE(hash.waitForFinished(10000));
    QFile passwd(proxy.dir() + u"/passwd"_s);
    ASSERT_TRUE(passwd.open(QIODevice::WriteOnly));
    passwd.write("user:" + hash.readAllStandardOutput().trimmed() + '\n');
    passwd.close();
    passwd.setPermissions(QFileDevice::Permissions(0x6664)); // squid's helper runs as squid's user
    START_GATEWAY(proxy, u"auth_param basic program %1 {dir}/passwd\n"
                         "auth_param basic realm llmdoctor test\n"
                         "acl authed proxy_auth REQUIRED\n"
                         "http_access allow authed\n"
                         "http_access deny all\n"_s.arg(helper));

    const DiagnosisOutcome o = diagnose(viaProxy(targetAt(sim->baseUrl()), proxy.url().toString()));
    ASSERT_TRUE(o.finished);
    EXPECT_EQ(o.verdict.category, u"proxy_error"_s);
    EXPECT_EQ(o.verdict.blame, u"proxy"_s);
    EXPECT_EQ(o.check(u"http"_s)->detail(u"status"_s), u"407 Proxy Authentication Required"_s);
    EXPECT_TRUE(hopsOf(o).contains(u"squid"_s)) << hopsOf(o).toStdString();

    // With the user name and password in the proxy address, the same request goes through.
    const DiagnosisOutcome withLogin =
        diagnose(viaProxy(targetAt(sim->baseUrl()), u"http://user:secret@127.0.0.1:%1"_s.arg(proxy.port())));
    EXPECT_EQ(withLogin.verdict.category, u"ok"_s) << withLogin.verdict.headline.toStdString();
    EXPECT_EQ(sim->requestCount(), 1);
}

// ---- the stream check, through nginx with buffering on and off ------------------------------

TEST(Stream, NginxBufferingIsFoundAndUnbufferedStreamsPass)
{
    LLMDOCTOR_REQUIRE_BINARY(nginx, "nginx");
    SimulatorOptions paced = faultOptions(Fault::None);
    paced.streamIntervalMs = 200; // six events over a second: word by word is easy to tell
    auto sim = startSimulator(paced);
    GatewayServer gateway(Kind::Nginx);
    START_GATEWAY(gateway, u"location /buffered/ { %1 }\nlocation /direct/ { %2 }"_s.arg(
                               proxyTo(sim->port(), u"proxy_buffering on;"_s),
                               proxyTo(sim->port(), u"proxy_buffering off;"_s)));

    const auto run = [&gateway](const QString &path) {
        Target t = targetAt(gateway.url(path), 8000);
        t.model = u"gpt-4o-mini"_s;
        t.sendTestRequest = true;
        return diagnose(t);
    };
    const DiagnosisOutcome direct = run(u"/direct/v1"_s);
    ASSERT_TRUE(direct.finished);
    const CheckResult *s = direct.check(u"stream"_s);
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(s->status, CheckStatus::Pass) << s->summary.toStdString();
    EXPECT_EQ(s->detail(u"all at once"_s), u"no"_s);
    EXPECT_NEAR(s->timings.value(u"ttft"_s), 200, 100) << "the first words come with the second event";
    EXPECT_NEAR(s->timings.value(u"max_gap"_s), 200, 100);
    EXPECT_NEAR(s->timings.value(u"stream_total"_s), 1000, 200);
    EXPECT_EQ(direct.verdict.category, u"ok"_s);
    std::cout << "[ stream  ] nginx proxy_buffering off: " << s->summary.toStdString() << '\n';

    const DiagnosisOutcome buffered = run(u"/buffered/v1"_s);
    ASSERT_TRUE(buffered.finished);
    s = buffered.check(u"stream"_s);
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(s->status, CheckStatus::Warn) << s->summary.toStdString();
    EXPECT_EQ(s->detail(u"all at once"_s), u"yes"_s);
    EXPECT_EQ(s->detail(u"hops"_s), u"nginx"_s);
    // Nothing before the end: the first words come with the last piece, after the whole answer.
    EXPECT_GE(s->timings.value(u"ttft"_s), 1000);
    EXPECT_NEAR(s->timings.value(u"ttft"_s), s->timings.value(u"stream_total"_s), 50);
    EXPECT_LT(s->timings.value(u"max_gap"_s), 50);
    EXPECT_TRUE(s->summary.contains(u"proxy_buffering off"_s)) << s->summary.toStdString();
    EXPECT_TRUE(s->summary.contains(u"X-Accel-Buffering: no"_s));
    // Still "ok" (the API works), with the fix among the next steps.
    EXPECT_EQ(buffered.verdict.category, u"ok"_s);
    EXPECT_TRUE(nextStepsMention(buffered.verdict, u"proxy_buffering off"_s));
    std::cout << "[ stream  ] nginx proxy_buffering on: ttft " << s->timings.value(u"ttft"_s)
              << " ms, longest gap " << s->timings.value(u"max_gap"_s) << " ms\n";
}

TEST(Stream, NotSentWithoutOptIn)
{
    auto sim = startSimulator(faultOptions(Fault::None));
    Target t = simulatorTarget(*sim);
    t.model = u"gpt-4o-mini"_s;
    const DiagnosisOutcome o = diagnose(t);
    EXPECT_EQ(o.status(u"stream"_s), u"skip"_s);
    EXPECT_EQ(o.status(u"keepalive"_s), u"skip"_s);
    EXPECT_EQ(sim->requestCount(), 1) << "only the model list was asked for";
}

// ---- the keep-alive check, against nginx with a short keepalive_timeout ----------------------

TEST(KeepAlive, NginxIdleLimitIsFound)
{
    LLMDOCTOR_REQUIRE_BINARY(nginx, "nginx");
    auto sim = startSimulator(faultOptions(Fault::None));
    GatewayServer gateway(Kind::Nginx);
    START_GATEWAY(gateway, u"keepalive_timeout 1500ms;\nlocation / { %1 }"_s.arg(proxyTo(sim->port())));

    Target t = targetAt(gateway.url(u"/v1"_s), 10000);
    t.checkKeepAlive = true;
    const DiagnosisOutcome o = diagnose(t);
    ASSERT_TRUE(o.finished);
    const CheckResult *k = o.check(u"keepalive"_s);
    ASSERT_NE(k, nullptr);
    EXPECT_EQ(k->status, CheckStatus::Warn) << k->summary.toStdString();
    EXPECT_NEAR(k->timings.value(u"idle_limit"_s), 1500, 250);
    EXPECT_EQ(k->detail(u"closed after idle"_s), u"1.5 s"_s);
    EXPECT_EQ(k->detail(u"after 1.0 s idle"_s), u"answered (HTTP 200)"_s);
    EXPECT_TRUE(k->summary.contains(u"(nginx)"_s)) << k->summary.toStdString();
    EXPECT_TRUE(k->summary.contains(u"reset before headers"_s));
    EXPECT_EQ(o.verdict.category, u"ok"_s);
    EXPECT_TRUE(nextStepsMention(o.verdict, u"keepalive_expiry"_s));
    EXPECT_LT(o.elapsedMs, 4000) << "stops as soon as the close is seen";
    std::cout << "[ keepalive ] nginx keepalive_timeout 1500ms: found " << k->timings.value(u"idle_limit"_s)
              << " ms\n";
}

TEST(KeepAlive, StaysWithinTheDiagnosisDeadline)
{
    auto sim = startSimulator(faultOptions(Fault::None)); // keeps idle connections for minutes
    Target t = simulatorTarget(*sim, 3000);
    t.checkKeepAlive = true;
    const DiagnosisOutcome o = diagnose(t);
    ASSERT_TRUE(o.finished);
    const CheckResult *k = o.check(u"keepalive"_s);
    ASSERT_NE(k, nullptr);
    EXPECT_EQ(k->status, CheckStatus::Pass) << k->summary.toStdString();
    EXPECT_EQ(k->detail(u"kept open for"_s), u"at least 1.0 s"_s);
    EXPECT_TRUE(k->summary.contains(u"fitted in the time limit"_s)) << k->summary.toStdString();
    EXPECT_LT(o.elapsedMs, 3000);
    EXPECT_EQ(o.verdict.category, u"ok"_s);
}

TEST(KeepAlive, CancelStopsAtOnce)
{
    auto sim = startSimulator(faultOptions(Fault::None));
    Target t = simulatorTarget(*sim, 20000);
    t.checkKeepAlive = true;
    Diagnosis d(t);
    ASSERT_TRUE(d.prepare(nullptr));
    d.start();
    // Wait until the probe is in its first idle pause (the first request has been answered).
    ASSERT_TRUE(waitFor([&sim] { return sim->requestCount() >= 2; }, 5000));
    waitFor([] { return false; }, 200);
    d.cancel();
    ASSERT_TRUE(waitFor([&d] { return d.isFinished(); }, 500));
    EXPECT_TRUE(waitFor([&sim] { return sim->connectionCount() == 0; }, 2000))
        << "the idle connection was closed";
}
