// Status page parsers: each fixture of tests/data/statuspage read into a snapshot, and what the
// snapshot means for API calls.
#include "core/statuspage/statussnapshot.h"
#include "core/target/providercatalog.h"
#include "support/fixtureserver.h"

#include <QJsonArray>
#include <gtest/gtest.h>

using namespace llmdoctor::core;
using namespace Qt::StringLiterals;
using llmdoctor::test::FixtureServer;

namespace {

const QStringList kApi{u"API"_s, u"Chat Completions"_s};

StatusSnapshot summary(const QString &file)
{
    QString error;
    const auto s = parseStatuspageSummary(FixtureServer::fixture(file), &error);
    EXPECT_TRUE(s.has_value()) << file.toStdString() << ": " << error.toStdString();
    return s.value_or(StatusSnapshot());
}

} // namespace

TEST(StatusPage, StatuspageOperational)
{
    const StatusSnapshot s = summary(u"statuspage_none.json"_s);
    EXPECT_EQ(s.platform, u"statuspage"_s);
    EXPECT_EQ(s.indicator, StatusIndicator::None);
    EXPECT_EQ(s.description, u"All Systems Operational"_s);
    EXPECT_EQ(s.pageUrl, u"https://status.example.test"_s);
    EXPECT_EQ(s.components.size(), 3); // the group is left out
    EXPECT_TRUE(s.incidents.isEmpty());
    const StatusAssessment a = assessStatus(s, kApi);
    EXPECT_TRUE(a.healthy);
    EXPECT_FALSE(a.apiOutage);
    EXPECT_EQ(detectStatusPlatform(FixtureServer::fixture(u"statuspage_none.json"_s)), u"statuspage"_s);
}

TEST(StatusPage, StatuspageMinorOutsideTheApiIsNoApiProblem)
{
    const StatusSnapshot s = summary(u"statuspage_minor.json"_s);
    EXPECT_EQ(s.indicator, StatusIndicator::Minor);
    ASSERT_EQ(s.incidents.size(), 1);
    EXPECT_EQ(s.incidents.first().components, QStringList{u"ChatGPT"_s});
    const StatusAssessment a = assessStatus(s, kApi);
    EXPECT_FALSE(a.healthy);
    EXPECT_FALSE(a.apiAffected);
    EXPECT_FALSE(a.apiOutage);
}

TEST(StatusPage, StatuspageMajorIncidentOnTheApi)
{
    const StatusSnapshot s = summary(u"statuspage_major.json"_s);
    EXPECT_EQ(s.indicator, StatusIndicator::Major);
    ASSERT_EQ(s.incidents.size(), 1);
    const StatusIncident &i = s.incidents.first();
    EXPECT_EQ(i.name, u"Elevated error rates on the API"_s);
    EXPECT_EQ(i.impact, u"major"_s);
    EXPECT_EQ(i.status, u"identified"_s);
    EXPECT_TRUE(i.latestUpdate.startsWith(u"We have identified"_s)) << i.latestUpdate.toStdString();
    EXPECT_EQ(i.updatedAt, QDateTime(QDate(2026, 11, 22), QTime(9, 12), Qt::UTC));
    EXPECT_EQ(i.startedAt, QDateTime(QDate(2026, 11, 22), QTime(8, 50), Qt::UTC)); // for the chart's span
    const StatusAssessment a = assessStatus(s, kApi);
    EXPECT_TRUE(a.apiOutage);
    EXPECT_EQ(a.incident, i.name);
    EXPECT_EQ(a.incidentImpact, u"major"_s);
    EXPECT_TRUE(a.affectedComponents.contains(u"API: partial outage"_s));
}

TEST(StatusPage, StatuspageCritical)
{
    const StatusSnapshot s = summary(u"statuspage_critical.json"_s);
    EXPECT_EQ(s.indicator, StatusIndicator::Critical);
    const StatusAssessment a = assessStatus(s, kApi);
    EXPECT_TRUE(a.apiOutage);
    EXPECT_EQ(a.incidentImpact, u"critical"_s);
}

TEST(StatusPage, ApiComponentInMajorOutageWithoutIncident)
{
    const StatusAssessment a = assessStatus(summary(u"statuspage_component_outage.json"_s), kApi);
    EXPECT_TRUE(a.apiOutage);
    EXPECT_EQ(a.incident, u"API: major outage"_s);
}

TEST(StatusPage, UnresolvedIncidentsAndMaintenanceAreMerged)
{
    StatusSnapshot s = summary(u"statuspage_none.json"_s);
    QString error;
    ASSERT_TRUE(mergeStatuspageIncidents(s, FixtureServer::fixture(u"statuspage_unresolved.json"_s), &error));
    ASSERT_TRUE(
        mergeStatuspageMaintenances(s, FixtureServer::fixture(u"statuspage_maintenance.json"_s), &error));
    ASSERT_EQ(s.incidents.size(), 1);
    EXPECT_EQ(s.incidents.first().status, u"monitoring"_s);
    ASSERT_EQ(s.maintenances.size(), 1);
    EXPECT_EQ(s.maintenances.first().name, u"Database upgrade"_s);
    const StatusAssessment a = assessStatus(s, kApi);
    EXPECT_TRUE(a.apiAffected); // a minor incident on the API
    EXPECT_FALSE(a.apiOutage);
    EXPECT_FALSE(a.healthy);
    // A 404 page instead of unresolved.json (incident.io) is a plain error, the snapshot untouched.
    EXPECT_FALSE(mergeStatuspageIncidents(s, "<html>Not found</html>", &error));
    EXPECT_EQ(s.incidents.size(), 1);
}

TEST(StatusPage, IncidentIoSummary)
{
    const StatusSnapshot s = summary(u"incidentio_summary.json"_s);
    EXPECT_EQ(s.indicator, StatusIndicator::None);
    const StatusAssessment a = assessStatus(s, kApi);
    EXPECT_TRUE(a.healthy);
}

TEST(StatusPage, BetterStack)
{
    QString error;
    const auto ok = parseBetterStack(FixtureServer::fixture(u"betterstack_operational.json"_s), &error);
    ASSERT_TRUE(ok) << error.toStdString();
    EXPECT_EQ(ok->platform, u"betterstack"_s);
    EXPECT_EQ(ok->indicator, StatusIndicator::None);
    EXPECT_EQ(ok->pageUrl, u"https://status.example.test"_s);
    EXPECT_EQ(ok->components.size(), 2);
    EXPECT_TRUE(assessStatus(*ok, kApi).healthy);

    const auto degraded = parseBetterStack(FixtureServer::fixture(u"betterstack_degraded.json"_s), &error);
    ASSERT_TRUE(degraded) << error.toStdString();
    EXPECT_EQ(degraded->indicator, StatusIndicator::Minor);
    ASSERT_EQ(degraded->incidents.size(), 1);
    EXPECT_EQ(degraded->incidents.first().name, u"Slow responses from the inference API"_s);
    const StatusAssessment a = assessStatus(*degraded, {u"API"_s, u"Inference"_s});
    EXPECT_TRUE(a.apiAffected);
    EXPECT_FALSE(a.apiOutage);
    EXPECT_TRUE(a.affectedComponents.contains(u"Inference API: degraded performance"_s));
    EXPECT_EQ(detectStatusPlatform(FixtureServer::fixture(u"betterstack_degraded.json"_s)), u"betterstack"_s);
}

TEST(StatusPage, Rootly)
{
    QString error;
    const auto none = parseRootly(FixtureServer::fixture(u"rootly_none.json"_s), &error);
    ASSERT_TRUE(none) << error.toStdString();
    EXPECT_EQ(none->platform, u"rootly"_s);
    EXPECT_TRUE(assessStatus(*none, kApi).healthy);
    const auto major = parseStatusAnswer(FixtureServer::fixture(u"rootly_major.json"_s), &error);
    ASSERT_TRUE(major) << error.toStdString();
    EXPECT_EQ(major->platform, u"rootly"_s); // detected: no "page" object
    EXPECT_EQ(major->indicator, StatusIndicator::Major);
    const StatusAssessment a = assessStatus(*major, kApi);
    EXPECT_TRUE(a.apiOutage);
    EXPECT_EQ(a.incident, u"API unavailable"_s);
    EXPECT_EQ(a.latestUpdate, u"We found the cause and are working on a fix."_s);
}

TEST(StatusPage, BadInputsGivePlainReasons)
{
    QString error;
    EXPECT_FALSE(parseStatusAnswer(FixtureServer::fixture(u"not_json.html"_s), &error));
    EXPECT_TRUE(error.contains(u"web page (HTML)"_s)) << error.toStdString();
    EXPECT_FALSE(parseStatuspageSummary(FixtureServer::fixture(u"malformed.json"_s), &error));
    EXPECT_TRUE(error.contains(u"not valid status data"_s)) << error.toStdString();
    EXPECT_FALSE(parseStatusAnswer("", &error));
    EXPECT_TRUE(error.contains(u"empty"_s));
    EXPECT_FALSE(parseStatusAnswer(R"({"hello": "world"})", &error));
    EXPECT_TRUE(error.contains(u"does not look like"_s)) << error.toStdString();
    EXPECT_FALSE(parseBetterStack(FixtureServer::fixture(u"statuspage_none.json"_s), &error));
    EXPECT_FALSE(parseStatusAnswer("[1, 2, 3]", &error));
}

TEST(StatusPage, ComponentPatterns)
{
    EXPECT_TRUE(matchesComponentPattern(u"API"_s, kApi));
    EXPECT_TRUE(matchesComponentPattern(u"Inference API"_s, kApi));
    EXPECT_TRUE(matchesComponentPattern(u"api.anthropic.com"_s, {u"api.anthropic.com"_s}));
    EXPECT_TRUE(matchesComponentPattern(u"Chat Completions (v1)"_s, kApi));
    EXPECT_FALSE(matchesComponentPattern(u"Rapid deploys"_s, kApi));
    EXPECT_FALSE(matchesComponentPattern(u"ChatGPT"_s, kApi));
}

TEST(StatusPage, SnapshotJson)
{
    const QJsonObject o = summary(u"statuspage_major.json"_s).toJson();
    EXPECT_EQ(o.value(u"indicator").toString(), u"major"_s);
    EXPECT_EQ(o.value(u"platform").toString(), u"statuspage"_s);
    EXPECT_EQ(o.value(u"incidents").toArray().size(), 1);
    EXPECT_EQ(o.value(u"incidents").toArray().first().toObject().value(u"updated_at").toString(),
              u"2026-11-22T09:12:00Z"_s);
}

TEST(StatusPage, CatalogueKnowsEachProvidersPage)
{
    const ProviderCatalog &c = ProviderCatalog::instance();
    EXPECT_EQ(c.find(u"openai"_s)->statusApi, u"incidentio"_s);
    EXPECT_EQ(c.find(u"openai"_s)->statusPage, u"https://status.openai.com"_s);
    EXPECT_TRUE(c.find(u"openai"_s)->statusComponents.contains(u"API"_s));
    EXPECT_EQ(c.find(u"anthropic"_s)->statusApi, u"statuspage"_s);
    EXPECT_EQ(c.find(u"together"_s)->statusApi, u"betterstack"_s);
    EXPECT_EQ(c.find(u"mistral"_s)->statusApi, u"rootly"_s);
    EXPECT_EQ(c.find(u"openrouter"_s)->statusApi, u"link"_s);
    EXPECT_EQ(c.find(u"deepseek"_s)->statusApi, u"link"_s);
    // The older form, a bare URL, still reads: as a link.
    const ProviderCatalog old = ProviderCatalog::fromJson(
        R"({"providers": [{"id": "x", "name": "X", "status_page": "https://status.x.test"}]})");
    EXPECT_EQ(old.find(u"x"_s)->statusPage, u"https://status.x.test"_s);
    EXPECT_EQ(old.find(u"x"_s)->statusApi, u"link"_s);
}
