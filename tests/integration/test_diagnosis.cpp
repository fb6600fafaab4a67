// End to end through the core: a real Diagnosis against real servers on 127.0.0.1 (our fault
// simulator, openssl s_server, a black-holed port) must reach the right verdict.
#include "core/checks/diagnosis.h"
#include "core/checks/diagnosiscontext.h"
#include "core/sim/simulator.h"
#include "support/diagnosisrun.h"
#include "support/servers.h"
#include "support/waiting.h"

#include <QElapsedTimer>
#include <gtest/gtest.h>

using namespace llmdoctor::core;
using namespace llmdoctor::test;
using namespace Qt::StringLiterals;

namespace {

using Outcome = DiagnosisOutcome;

Outcome diagnose(Target target, int waitMs = 20000)
{
    target.proxy.mode =
        target.proxy.mode == ProxyChoice::Mode::Auto ? ProxyChoice::Mode::None : target.proxy.mode;
    Diagnosis d(target);
    return runDiagnosis(d, waitMs);
}

Target targetFor(const Simulator &sim, int timeoutMs = 10000)
{
    Target t;
    t.baseUrl = sim.baseUrl();
    t.timeoutMs = timeoutMs;
    return t;
}

struct FaultCase
{
    Fault fault;
    const char *category;
    const char *blame;
    const char *failingCheck;
};

void PrintTo(const FaultCase &c, std::ostream *os)
{
    *os << Simulator::faultName(c.fault).toStdString();
}

class SimulatedFault : public ::testing::TestWithParam<FaultCase>
{
};

} // namespace

TEST_P(SimulatedFault, GivesTheRightVerdict)
{
    const FaultCase c = GetParam();
    SimulatorOptions opts;
    opts.fault = c.fault;
    Simulator sim(opts);
    QString error;
    ASSERT_TRUE(sim.start(&error)) << error.toStdString();

    Target t = targetFor(sim, 3000);
    t.apiKey = "sk-test-0123456789abcdef";
    const Outcome o = diagnose(t);
    ASSERT_TRUE(o.finished);
    EXPECT_EQ(o.verdict.categoryName().toStdString(), c.category);
    EXPECT_EQ(o.verdict.blameName().toStdString(), c.blame);
    EXPECT_FALSE(o.verdict.headline.isEmpty());
    EXPECT_FALSE(o.verdict.nextSteps.isEmpty());
    EXPECT_EQ(o.status(u"dns"_s), u"pass"_s);
    EXPECT_EQ(o.status(u"tcp"_s), u"pass"_s);
    if (QString::fromLatin1(c.failingCheck) != u"none") {
        EXPECT_EQ(o.status(QString::fromLatin1(c.failingCheck)), u"fail"_s);
    }
}

INSTANTIATE_TEST_SUITE_P(
    Faults, SimulatedFault,
    ::testing::Values(FaultCase{Fault::None, "ok", "none", "none"},
                      FaultCase{Fault::BadGateway, "gateway_error", "provider", "http"},
                      FaultCase{Fault::EnvoyReset, "upstream_reset", "provider", "http"},
                      FaultCase{Fault::ResetBeforeHeaders, "upstream_reset", "provider", "http"},
                      FaultCase{Fault::CloseBeforeHeaders, "upstream_reset", "provider", "http"},
                      FaultCase{Fault::Hang, "timeout", "provider", "http"},
                      FaultCase{Fault::SlowHeaders, "timeout", "provider", "http"},
                      FaultCase{Fault::RateLimit, "rate_limited", "account", "api_key"},
                      FaultCase{Fault::InvalidKey, "auth_invalid_key", "account", "api_key"},
                      FaultCase{Fault::Overloaded, "provider_overloaded", "provider", "http"},
                      FaultCase{Fault::QuotaExhausted, "quota_exhausted", "account", "api_key"},
                      FaultCase{Fault::Forbidden, "permission_denied", "network", "api_key"},
                      FaultCase{Fault::Tls, "tls_untrusted", "network", "tls"}),
    [](const auto &param) { return Simulator::faultName(param.param.fault).toStdString(); });

TEST(Diagnosis, NamesTheGatewayAndKeepsTheEvidence)
{
    Simulator sim(faultOptions(Fault::BadGateway));
    ASSERT_TRUE(sim.start());
    const Outcome o = diagnose(targetFor(sim));
    const CheckResult *http = o.check(u"http"_s);
    ASSERT_NE(http, nullptr);
    EXPECT_TRUE(http->detail(u"hops"_s).contains(u"nginx"_s));
    EXPECT_TRUE(http->evidence.contains(u"<title>502 Bad Gateway</title>"_s));
    EXPECT_TRUE(o.verdict.explanation.contains(u"nginx"_s));
    EXPECT_GT(http->timings.value(u"ttfb"_s), 0.0);
}

TEST(Diagnosis, MissingKeyIsToldApartFromAWrongOne)
{
    Simulator sim(faultOptions(Fault::InvalidKey));
    ASSERT_TRUE(sim.start());
    const Outcome o = diagnose(targetFor(sim));
    EXPECT_EQ(o.verdict.category, u"auth_missing_key"_s);
    EXPECT_EQ(o.verdict.blame, u"config"_s);
}

TEST(Diagnosis, UnknownModelGetsADidYouMean)
{
    Simulator sim(faultOptions(Fault::None));
    ASSERT_TRUE(sim.start());
    Target t = targetFor(sim);
    t.model = u"deepseek-v3-0324"_s;
    const Outcome o = diagnose(t);
    EXPECT_EQ(o.verdict.category, u"model_not_found"_s);
    const CheckResult *model = o.check(u"model"_s);
    ASSERT_NE(model, nullptr);
    EXPECT_EQ(model->detail(u"did you mean"_s).section(u", "_s, 0, 0), u"deepseek-ai/DeepSeek-V3-0324"_s);

    t.model = u"gpt-4o-mini"_s;
    EXPECT_EQ(diagnose(t).verdict.category, u"ok"_s);
}

TEST(Diagnosis, ModelMissingFromTheProvidersList)
{
    Simulator sim(faultOptions(Fault::ModelNotFound));
    ASSERT_TRUE(sim.start());
    Target t = targetFor(sim);
    t.model = u"gpt-4o-mini"_s;
    const Outcome o = diagnose(t);
    EXPECT_EQ(o.verdict.category, u"model_not_found"_s);
    EXPECT_EQ(o.status(u"model"_s), u"fail"_s);
}

TEST(Diagnosis, FlakyServerFailsByItsShare)
{
    Simulator always(faultOptions(Fault::Flaky, 1.0));
    ASSERT_TRUE(always.start());
    EXPECT_EQ(diagnose(targetFor(always)).verdict.category, u"gateway_error"_s);
    Simulator never(faultOptions(Fault::Flaky, 0.0));
    ASSERT_TRUE(never.start());
    EXPECT_EQ(diagnose(targetFor(never)).verdict.category, u"ok"_s);
}

TEST(Diagnosis, HangingServerEndsWithinItsDeadline)
{
    Simulator sim(faultOptions(Fault::Hang));
    ASSERT_TRUE(sim.start());
    const Outcome o = diagnose(targetFor(sim, 1500));
    ASSERT_TRUE(o.finished);
    EXPECT_EQ(o.verdict.category, u"timeout"_s);
    EXPECT_LT(o.elapsedMs, 2500);
    EXPECT_GE(o.elapsedMs, 1400);
}

TEST(Diagnosis, TrustedSelfSignedCertificatePasses)
{
    Simulator sim(faultOptions(Fault::Tls));
    ASSERT_TRUE(sim.start());
    Target t = targetFor(sim);
    t.baseUrl.setHost(u"localhost"_s);
    t.caFile = QStringLiteral(LLMDOCTOR_SOURCE_DIR "/resources/sim/selfsigned.crt");
    const Outcome o = diagnose(t);
    EXPECT_EQ(o.verdict.category, u"ok"_s);
    const CheckResult *tls = o.check(u"tls"_s);
    ASSERT_NE(tls, nullptr);
    EXPECT_EQ(tls->status, CheckStatus::Pass);
    EXPECT_TRUE(tls->detail(u"protocol"_s).startsWith(u"TLS 1."_s));
    EXPECT_FALSE(tls->detail(u"certificate 1"_s).isEmpty());
}

TEST(Diagnosis, UnresolvableNameIsADnsFailure)
{
    Target t;
    t.baseUrl = QUrl(u"https://api.llmdoctor-test.invalid/v1"_s);
    t.timeoutMs = 10000;
    const Outcome o = diagnose(t);
    EXPECT_EQ(o.verdict.category, u"dns_failure"_s);
    EXPECT_EQ(o.status(u"dns"_s), u"fail"_s);
    // Nothing after the name lookup can run; each says why it was skipped.
    for (const char *id : {"tcp", "tls", "http", "model"}) {
        EXPECT_EQ(o.status(QString::fromLatin1(id)), u"skip"_s) << id;
        EXPECT_TRUE(o.check(QString::fromLatin1(id))->summary.contains(u"earlier step"_s));
    }
}

TEST(Diagnosis, ClosedPortIsRefused)
{
    const quint16 port = freePort();
    Target t;
    t.baseUrl = QUrl(u"http://127.0.0.1:%1/v1"_s.arg(port));
    const Outcome o = diagnose(t);
    EXPECT_EQ(o.verdict.category, u"connection_refused"_s);
    EXPECT_EQ(o.verdict.blame, u"local"_s); // nothing running on this computer
    EXPECT_EQ(o.status(u"tcp"_s), u"fail"_s);
}

TEST(Diagnosis, SilentlyDroppedConnectionTimesOut)
{
    BlackholeListener hole;
    ASSERT_TRUE(hole.ok());
    Target t;
    t.baseUrl = QUrl(u"http://127.0.0.1:%1/v1"_s.arg(hole.port()));
    t.timeoutMs = 1500;
    const Outcome o = diagnose(t);
    ASSERT_TRUE(o.finished);
    EXPECT_EQ(o.verdict.category, u"connect_timeout"_s);
    EXPECT_EQ(o.verdict.blame, u"network"_s);
    EXPECT_LT(o.elapsedMs, 2500);
}

TEST(Diagnosis, CancelStopsAtOnce)
{
    Simulator sim(faultOptions(Fault::Hang));
    ASSERT_TRUE(sim.start());
    Target t = targetFor(sim, 20000);
    t.proxy.mode = ProxyChoice::Mode::None;
    Diagnosis d(t);
    d.start();
    waitFor([&d] {
        const auto checks = d.checks();
        return std::any_of(checks.cbegin(), checks.cend(),
                           [](Check *c) { return c->id() == u"http" && c->isRunning(); });
    });
    QElapsedTimer clock;
    clock.start();
    d.cancel();
    d.cancel(); // twice is harmless
    ASSERT_TRUE(waitFor([&d] { return d.isFinished(); }, 1000));
    EXPECT_LT(clock.elapsed(), 200);
    EXPECT_EQ(d.verdict().category, u"cancelled"_s);
    EXPECT_TRUE(waitFor([&sim] { return sim.connectionCount() == 0; }, 2000))
        << "the hung connection was not closed";
}

// Certificates made by openssl, served by the real openssl s_server.
class OpensslServer : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (findServerBinary(u"openssl"_s).isEmpty()) {
            if (underCi())
                FAIL() << "openssl is not installed";
            GTEST_SKIP() << "openssl is not installed";
        }
        QString error;
        ASSERT_TRUE(certs().create(&error)) << error.toStdString();
    }
    static TestCertificates &certs()
    {
        static TestCertificates c;
        return c;
    }
    Outcome serveAndDiagnose(const QString &name, bool trustCa)
    {
        const quint16 port = freePort();
        ServerProcess server;
        QString error;
        EXPECT_TRUE(server.start(u"openssl"_s,
                                 {u"s_server"_s, u"-accept"_s, u"127.0.0.1:%1"_s.arg(port), u"-cert"_s,
                                  certs().cert(name), u"-key"_s, certs().key(name), u"-www"_s, u"-quiet"_s},
                                 port, &error))
            << error.toStdString();
        Target t;
        t.baseUrl = QUrl(u"https://localhost:%1/v1"_s.arg(port));
        t.timeoutMs = 8000;
        if (trustCa)
            t.caFile = certs().caCert();
        return diagnose(t);
    }
};

TEST_F(OpensslServer, SelfSignedIsUntrusted)
{
    const Outcome o = serveAndDiagnose(u"selfsigned"_s, false);
    EXPECT_EQ(o.verdict.category, u"tls_untrusted"_s);
    EXPECT_EQ(o.verdict.blame, u"network"_s);
    EXPECT_EQ(o.verdict.decidedBy, u"tls"_s); // the hop that failed: the TLS handshake itself
    EXPECT_TRUE(o.check(u"tls"_s)->detail(u"certificate 1"_s).contains(u"self-signed"_s));
}

TEST_F(OpensslServer, ExpiredCertificate)
{
    const Outcome o = serveAndDiagnose(u"expired"_s, true);
    EXPECT_EQ(o.verdict.category, u"tls_expired"_s);
    EXPECT_EQ(o.verdict.blame, u"provider"_s); // whoever runs the server renews its certificate
    EXPECT_EQ(o.verdict.decidedBy, u"tls"_s);
}

TEST_F(OpensslServer, CertificateForAnotherName)
{
    const Outcome o = serveAndDiagnose(u"wronghost"_s, true);
    EXPECT_EQ(o.verdict.category, u"tls_hostname_mismatch"_s);
    EXPECT_EQ(o.verdict.blame, u"config"_s);
    EXPECT_EQ(o.verdict.decidedBy, u"tls"_s);
    EXPECT_EQ(o.check(u"tls"_s)->detail(u"certificate name matches"_s), u"no"_s);
}

TEST_F(OpensslServer, GoodCertificateFromTrustedCa)
{
    const Outcome o = serveAndDiagnose(u"good"_s, true);
    EXPECT_EQ(o.status(u"tls"_s), u"pass"_s);
    EXPECT_TRUE(o.check(u"tls"_s)->detail(u"certificate 1"_s).contains(u"llmdoctor test CA"_s));
}

TEST(Diagnosis, SystemProxySettingsAreReadOffTheCallersThread)
{
    Target t;
    t.baseUrl = QUrl(u"https://api.proxy-test.invalid/v1"_s);
    t.timeoutMs = 10000; // Auto: no proxy variables, so the system settings decide
    Diagnosis d(t);
    d.setEnvironment(QProcessEnvironment());
    ASSERT_TRUE(d.prepare(nullptr));
    EXPECT_TRUE(d.context().proxy.systemQueryNeeded) << "prepare() must not read the system settings itself";
    d.start();
    ASSERT_TRUE(waitFor([&d] { return d.isFinished(); }));
    EXPECT_FALSE(d.context().proxy.systemQueryNeeded);
    EXPECT_EQ(d.verdict().category, u"dns_failure"_s);

    // Cancelled while the settings are still being read: finishes all the same.
    Diagnosis cancelled(t);
    cancelled.setEnvironment(QProcessEnvironment());
    cancelled.start();
    cancelled.cancel();
    ASSERT_TRUE(waitFor([&cancelled] { return cancelled.isFinished(); }, 1000));
    EXPECT_EQ(cancelled.verdict().category, u"cancelled"_s);
}

TEST(Diagnosis, CancelBeforeStartEndsOnceAsCancelled)
{
    Target t;
    t.baseUrl = QUrl(u"http://127.0.0.1:9/v1"_s);
    Diagnosis d(t);
    int finished = 0;
    QObject::connect(&d, &Diagnosis::finished, &d, [&finished] { ++finished; });
    d.cancel();
    d.start(); // too late: nothing runs
    EXPECT_TRUE(d.isFinished());
    EXPECT_EQ(finished, 1);
    EXPECT_EQ(d.verdict().category, u"cancelled"_s);
    for (const CheckResult &r : d.results())
        EXPECT_EQ(r.status, CheckStatus::Skip) << r.id.toStdString();
}

TEST(Diagnosis, HttpsToAPlainHttpServerSaysToUseHttp)
{
    Simulator sim(faultOptions(Fault::None));
    ASSERT_TRUE(sim.start());
    Target t;
    t.baseUrl = QUrl(u"https://127.0.0.1:%1/v1"_s.arg(sim.port()));
    const Outcome o = diagnose(t);
    EXPECT_EQ(o.verdict.category, u"tls_handshake_failed"_s);
    EXPECT_EQ(o.verdict.blame, u"config"_s);
    EXPECT_TRUE(o.verdict.headline.contains(u"http://"_s)) << o.verdict.headline.toStdString();
}
