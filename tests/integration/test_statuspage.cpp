// The status_page check end to end: fixture pages of each platform served on 127.0.0.1 and
// named with --status-url (Target::statusUrl), next to the simulator as the API.
#include "core/checks/diagnosis.h"
#include "core/checks/statuspagecheck.h"
#include "core/sim/simulator.h"
#include "support/diagnosisrun.h"
#include "support/fixtureserver.h"
#include "support/servers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <gtest/gtest.h>

using namespace llmdoctor::core;
using namespace llmdoctor::test;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kOpenAiKey = "sk-proj-SECRETabcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH";

// Mounts a Statuspage v2 page under prefix: its summary, unresolved incidents and maintenance.
void statuspage(FixtureServer &s, const QString &prefix, const QString &summary,
                const QString &unresolved = u"statuspage_unresolved_empty.json"_s,
                const QString &maintenance = u"statuspage_maintenance_empty.json"_s)
{
    ASSERT_TRUE(s.file(prefix + u"/api/v2/summary.json"_s, summary));
    ASSERT_TRUE(s.file(prefix + u"/api/v2/incidents/unresolved.json"_s, unresolved));
    ASSERT_TRUE(s.file(prefix + u"/api/v2/scheduled-maintenances/active.json"_s, maintenance));
}

// Every fixture page, each under its own prefix.
void mountAll(FixtureServer &s)
{
    statuspage(s, u"/sp-none"_s, u"statuspage_none.json"_s);
    statuspage(s, u"/sp-minor"_s, u"statuspage_minor.json"_s);
    statuspage(s, u"/sp-major"_s, u"statuspage_major.json"_s);
    statuspage(s, u"/sp-critical"_s, u"statuspage_critical.json"_s);
    statuspage(s, u"/sp-component"_s, u"statuspage_component_outage.json"_s);
    statuspage(s, u"/sp-busy"_s, u"statuspage_none.json"_s, u"statuspage_unresolved.json"_s,
               u"statuspage_maintenance.json"_s);
    // incident.io serves the summary but not every other file: those answer 404.
    ASSERT_TRUE(s.file(u"/incidentio/api/v2/summary.json"_s, u"incidentio_summary.json"_s));
    ASSERT_TRUE(s.file(u"/bs-ok/index.json"_s, u"betterstack_operational.json"_s));
    ASSERT_TRUE(s.file(u"/bs-degraded/index.json"_s, u"betterstack_degraded.json"_s));
    ASSERT_TRUE(s.file(u"/rootly-none/api/v1/status.json"_s, u"rootly_none.json"_s));
    ASSERT_TRUE(s.file(u"/rootly-major/api/v1/status.json"_s, u"rootly_major.json"_s));
    // Bad inputs.
    ASSERT_TRUE(s.file(u"/html/api/v2/summary.json"_s, u"not_json.html"_s, 200, "text/html"));
    ASSERT_TRUE(s.file(u"/malformed.json"_s, u"malformed.json"_s));
    // 3 MB of valid JSON: far more than any status page sends.
    QByteArray huge = R"({"status": {"indicator": "none"}, "page": {}, "padding": ")";
    huge += QByteArray(3 * 1024 * 1024, 'x');
    huge += "\"}";
    s.json(u"/huge.json"_s, huge);
    s.redirect(u"/loop.json"_s, "/loop.json");
    s.redirect(u"/moved.json"_s, "/sp-major/api/v2/summary.json", 301);
    s.route(u"/slow.json"_s,
            FixtureServer::Route::make(200, "application/json",
                                       FixtureServer::fixture(u"statuspage_major.json"_s), 15000));
}

struct PageRun
{
    DiagnosisOutcome outcome;
    const CheckResult *status() const { return outcome.check(u"status_page"_s); }
};

PageRun diagnose(const Simulator &sim, const QUrl &statusUrl, int timeoutMs = 10000,
                 const QString &provider = {})
{
    Target t;
    t.baseUrl = sim.baseUrl();
    t.provider = provider;
    t.timeoutMs = timeoutMs;
    t.statusUrl = statusUrl;
    t.proxy.mode = ProxyChoice::Mode::None;
    if (!provider.isEmpty())
        t.apiKey = kOpenAiKey; // a key of the right shape, so that nothing but the server fails
    Diagnosis d(t);
    PageRun r;
    r.outcome = runDiagnosis(d, timeoutMs + 5000);
    EXPECT_TRUE(r.outcome.finished);
    return r;
}

class StatusPageRun : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_pages.start());
        mountAll(m_pages);
    }
    FixtureServer m_pages;
};

} // namespace

TEST_F(StatusPageRun, EachPlatformAndIndicator)
{
    Simulator sim(SimulatorOptions{});
    ASSERT_TRUE(sim.start());
    struct Case
    {
        const char *path;
        CheckStatus status;
        const char *platform;
        const char *indicator;
        const char *summaryWords;
    };
    const Case cases[] = {
        {"/sp-none", CheckStatus::Pass, "statuspage", "none", "reports no problem"},
        {"/sp-minor", CheckStatus::Warn, "statuspage", "minor", "not with the parts that answer API calls"},
        {"/sp-major", CheckStatus::Warn, "statuspage", "major", "Elevated error rates on the API"},
        {"/sp-critical", CheckStatus::Warn, "statuspage", "critical", "Outage across all services"},
        {"/sp-component", CheckStatus::Warn, "statuspage", "major", "API: major outage"},
        {"/sp-busy", CheckStatus::Warn, "statuspage", "none", "Increased latency for Chat Completions"},
        {"/incidentio", CheckStatus::Pass, "statuspage", "none", "reports no problem"},
        {"/bs-ok", CheckStatus::Pass, "betterstack", "none", "reports no problem"},
        {"/bs-degraded", CheckStatus::Warn, "betterstack", "minor", "Slow responses from the inference API"},
        {"/rootly-none", CheckStatus::Pass, "rootly", "none", "reports no problem"},
        {"/rootly-major", CheckStatus::Warn, "rootly", "major", "API unavailable"},
        {"/moved.json", CheckStatus::Warn, "statuspage", "major", "Elevated error rates"},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.path);
        const PageRun r = diagnose(sim, m_pages.url(QString::fromLatin1(c.path)));
        const CheckResult *s = r.status();
        ASSERT_NE(s, nullptr);
        EXPECT_EQ(s->status, c.status) << s->summary.toStdString();
        EXPECT_EQ(s->detail(u"platform"_s), QLatin1StringView(c.platform));
        EXPECT_EQ(s->detail(u"indicator"_s), QLatin1StringView(c.indicator));
        EXPECT_TRUE(s->summary.contains(QLatin1StringView(c.summaryWords))) << s->summary.toStdString();
        // The API itself is healthy: a page, whatever it says, never turns this into a problem.
        EXPECT_EQ(r.outcome.verdict.category, u"ok"_s) << c.path;
    }
}

TEST_F(StatusPageRun, OutageOnThePageExplainsA502)
{
    Simulator sim(faultOptions(Fault::BadGateway));
    ASSERT_TRUE(sim.start());
    const PageRun r = diagnose(sim, m_pages.url(u"/sp-major"_s), 10000, u"openai"_s);
    EXPECT_EQ(r.outcome.status(u"http"_s), u"fail"_s);
    const Verdict &v = r.outcome.verdict;
    EXPECT_EQ(v.category, u"provider_outage"_s);
    EXPECT_EQ(v.blame, u"provider"_s);
    EXPECT_TRUE(v.headline.contains(u"OpenAI reports an outage: Elevated error rates on the API"_s))
        << v.headline.toStdString();
    EXPECT_TRUE(v.explanation.contains(u"HTTP 502"_s)) << v.explanation.toStdString();
    EXPECT_TRUE(v.explanation.contains(u"We have identified the cause"_s)) << v.explanation.toStdString();
    EXPECT_EQ(v.decidedBy, u"http"_s);
}

TEST_F(StatusPageRun, ComponentOutageWithoutIncidentAlsoCounts)
{
    Simulator sim(faultOptions(Fault::BadGateway));
    ASSERT_TRUE(sim.start());
    const PageRun r = diagnose(sim, m_pages.url(u"/rootly-major"_s));
    EXPECT_EQ(r.outcome.verdict.category, u"provider_outage"_s);
    const PageRun component = diagnose(sim, m_pages.url(u"/sp-component"_s));
    EXPECT_EQ(component.outcome.verdict.category, u"provider_outage"_s);
    EXPECT_TRUE(component.outcome.verdict.headline.contains(u"API: major outage"_s));
}

TEST_F(StatusPageRun, HealthyPageWhileRequestsFailSaysSo)
{
    Simulator sim(faultOptions(Fault::BadGateway));
    ASSERT_TRUE(sim.start());
    const PageRun r = diagnose(sim, m_pages.url(u"/sp-none"_s), 10000, u"openai"_s);
    const Verdict &v = r.outcome.verdict;
    EXPECT_EQ(v.category, u"gateway_error"_s);
    EXPECT_TRUE(v.explanation.contains(
        u"OpenAI's status page reports no problem right now; the checks below point to"_s))
        << v.explanation.toStdString();
    // A minor problem elsewhere on the page is no outage of the API.
    const PageRun minor = diagnose(sim, m_pages.url(u"/sp-minor"_s));
    EXPECT_EQ(minor.outcome.verdict.category, u"gateway_error"_s);
}

TEST_F(StatusPageRun, BadInputsWarnAndLeaveTheRestAlone)
{
    Simulator sim(SimulatorOptions{});
    ASSERT_TRUE(sim.start());
    struct Case
    {
        const char *path;
        const char *words;
    };
    const Case cases[] = {
        {"/html", "web page (HTML)"},    {"/malformed.json", "not valid status data"},
        {"/huge.json", "far too large"}, {"/loop.json", "more than 3 redirects"},
        {"/nothing-here", "HTTP 404"},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.path);
        const PageRun r = diagnose(sim, m_pages.url(QString::fromLatin1(c.path)));
        const CheckResult *s = r.status();
        ASSERT_NE(s, nullptr);
        EXPECT_EQ(s->status, CheckStatus::Warn);
        EXPECT_TRUE(s->summary.contains(QLatin1StringView(c.words))) << s->summary.toStdString();
        EXPECT_TRUE(s->summary.contains(u"could not be read"_s));
        EXPECT_FALSE(s->detail(u"search X"_s).isEmpty());
        EXPECT_FALSE(s->detail(u"search Reddit"_s).isEmpty());
        EXPECT_EQ(r.outcome.verdict.category, u"ok"_s);
        EXPECT_EQ(r.outcome.status(u"http"_s), u"pass"_s);
    }
}

TEST_F(StatusPageRun, SlowPageGivesUpBeforeTheDiagnosisDeadline)
{
    Simulator sim(SimulatorOptions{});
    ASSERT_TRUE(sim.start());
    const PageRun r = diagnose(sim, m_pages.url(u"/slow.json"_s), 3000);
    const CheckResult *s = r.status();
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(s->status, CheckStatus::Warn);
    EXPECT_TRUE(s->summary.contains(u"did not answer within"_s)) << s->summary.toStdString();
    EXPECT_EQ(r.outcome.verdict.category, u"ok"_s);
    EXPECT_EQ(r.outcome.status(u"http"_s), u"pass"_s);
    EXPECT_LT(r.outcome.elapsedMs, 3900); // the check's own deadline, not the whole run's
}

TEST(StatusPageLinks, NoPageToReadGivesLinks)
{
    Simulator sim(faultOptions(Fault::BadGateway));
    ASSERT_TRUE(sim.start());
    // openai's page is known, but this address is not OpenAI's: nothing is fetched (no internet).
    Target t;
    t.baseUrl = sim.baseUrl();
    t.provider = u"openai"_s;
    t.apiKey = kOpenAiKey;
    t.proxy.mode = ProxyChoice::Mode::None;
    Diagnosis d(t);
    const DiagnosisOutcome o = runDiagnosis(d);
    const CheckResult *s = o.check(u"status_page"_s);
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(s->status, CheckStatus::Skip);
    EXPECT_EQ(s->detail(u"status page"_s), u"https://status.openai.com"_s);
    EXPECT_EQ(s->detail(u"search X"_s), u"https://x.com/search?q=OpenAI%20down"_s);
    EXPECT_EQ(s->detail(u"search Reddit"_s), u"https://www.reddit.com/search/?q=OpenAI%20down"_s);
    EXPECT_EQ(o.verdict.category, u"gateway_error"_s);

    // Link-only pages (a browser renders them) are links too.
    EXPECT_EQ(StatusPageCheck::xSearchUrl(u"DeepSeek"_s), u"https://x.com/search?q=DeepSeek%20down"_s);
}

TEST_F(StatusPageRun, CliReportsTheOutage)
{
    Simulator sim(faultOptions(Fault::BadGateway));
    ASSERT_TRUE(sim.start());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"STATUS_TEST_KEY"_s, QString::fromLatin1(kOpenAiKey));
    const CliRun r =
        runCli({u"diagnose"_s, u"--provider"_s, u"openai"_s, u"--base-url"_s, sim.baseUrl().toString(),
                u"--api-key-env"_s, u"STATUS_TEST_KEY"_s, u"--proxy"_s, u"none"_s, u"--status-url"_s,
                m_pages.url(u"/sp-major"_s).toString(), u"--format"_s, u"json"_s},
               {}, 60000, env);
    EXPECT_EQ(r.exitCode, 1) << r.err.toStdString();
    const QJsonObject report = QJsonDocument::fromJson(r.out).object();
    const QJsonObject verdict = report.value(u"verdict").toObject();
    EXPECT_EQ(verdict.value(u"category").toString(), u"provider_outage"_s) << r.out.toStdString();
    EXPECT_EQ(verdict.value(u"blame").toString(), u"provider"_s);
    const QJsonObject page = report.value(u"status_page").toObject();
    EXPECT_EQ(page.value(u"indicator").toString(), u"major"_s);
    EXPECT_EQ(page.value(u"incidents").toArray().first().toObject().value(u"name").toString(),
              u"Elevated error rates on the API"_s);

    // The text report names the page, and a bad --status-url is bad usage.
    const CliRun text = runCli({u"diagnose"_s, u"--base-url"_s, sim.baseUrl().toString(), u"--proxy"_s,
                                u"none"_s, u"--status-url"_s, m_pages.url(u"/sp-none"_s).toString()});
    EXPECT_TRUE(QString::fromUtf8(text.out).contains(u"Status page: https://status.example.test"_s))
        << text.out.toStdString();
    EXPECT_EQ(runCli({u"diagnose"_s, u"--base-url"_s, sim.baseUrl().toString(), u"--status-url"_s,
                      u"ftp://example.invalid"_s})
                  .exitCode,
              2);
}
