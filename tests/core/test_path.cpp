// How the path is read: where loss starts and lasts to the end, rate-limiting middle hops, the JSON.
#include "core/checks/diagnosis.h"
#include "core/path/pathresult.h"
#include "core/report/findings.h"
#include "core/report/report.h"
#include "core/sim/simulator.h"
#include "support/diagnosisrun.h"
#include "support/jsonschema.h"
#include "support/servers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <gtest/gtest.h>

using namespace llmdoctor::core;
using namespace Qt::StringLiterals;
using namespace llmdoctor::test;

namespace {

// One hop a loss count, out of 10 probes; lost == 10 is a router that never answers.
PathResult pathWith(const QList<int> &lost, bool reached = true)
{
    PathResult p;
    p.target = u"api.example.invalid"_s;
    p.destination = QHostAddress(u"10.0.9.9"_s);
    p.method = u"udp"_s;
    p.reached = reached;
    for (int i = 0; i < lost.size(); ++i) {
        PathHop h;
        h.ttl = i + 1;
        h.sent = 10;
        h.lost = lost[i];
        if (lost[i] < 10)
            h.address = i + 1 == lost.size() ? p.destination : QHostAddress(u"10.0.%1.1"_s.arg(i + 1));
        for (int k = 0; k < 10 - lost[i]; ++k)
            h.rttsMs.push_back(1.0 + i + 0.1 * k);
        h.destination = reached && i + 1 == lost.size();
        p.hops.append(h);
    }
    return p;
}

} // namespace

TEST(PathReading, LossFromTheFirstHopIsYours)
{
    const PathAssessment a = assessPath(pathWith({3, 2, 4, 3}));
    EXPECT_EQ(a.where, PathAssessment::Where::Local);
    EXPECT_EQ(a.startsAtTtl, 1);
    EXPECT_EQ(a.blame(), u"local"_s);
    EXPECT_TRUE(a.sentence().contains(u"Wi-Fi"_s));
}

TEST(PathReading, LossFromAMiddleHopToTheEndIsTheNetwork)
{
    const PathAssessment a = assessPath(pathWith({0, 0, 3, 4, 3}));
    EXPECT_EQ(a.where, PathAssessment::Where::Network);
    EXPECT_EQ(a.startsAtTtl, 3);
    EXPECT_EQ(a.startsAt, QHostAddress(u"10.0.3.1"_s));
    EXPECT_EQ(a.blame(), u"network"_s);
    // A silent router inside the lossy stretch does not break it.
    const PathAssessment silent = assessPath(pathWith({0, 3, 10, 4, 3}));
    EXPECT_EQ(silent.startsAtTtl, 2);
}

TEST(PathReading, LossAtTheDestinationOnlyIsTheProvidersEdge)
{
    const PathAssessment a = assessPath(pathWith({0, 0, 0, 4}));
    EXPECT_EQ(a.where, PathAssessment::Where::Provider);
    EXPECT_EQ(a.blame(), u"provider"_s);
}

TEST(PathReading, LossAtOneMiddleHopOnlyIsRateLimiting)
{
    const PathAssessment a = assessPath(pathWith({0, 6, 0, 0}));
    EXPECT_FALSE(a.lossFound());
    EXPECT_EQ(a.blame(), u"none"_s);
    EXPECT_EQ(a.rateLimitedTtls, QList<int>{2});
    EXPECT_TRUE(a.sentence().contains(u"limits its answers"_s)) << a.sentence().toStdString();
    // One lost answer at the end is chance, not loss.
    EXPECT_FALSE(assessPath(pathWith({0, 0, 1})).lossFound());
    EXPECT_FALSE(assessPath(PathResult()).lossFound());
}

TEST(PathReading, JsonHasTheDocumentedShape)
{
    const QJsonObject o = pathWith({0, 10, 5}).toJson();
    EXPECT_EQ(o.value(u"schema"_s).toString(), u"llmdoctor.path/1"_s);
    EXPECT_EQ(o.value(u"destination"_s).toString(), u"10.0.9.9"_s);
    EXPECT_TRUE(o.value(u"reached"_s).toBool());
    const QJsonArray hops = o.value(u"hops"_s).toArray();
    ASSERT_EQ(hops.size(), 3);
    const QJsonObject first = hops[0].toObject();
    EXPECT_EQ(first.value(u"ttl"_s).toInt(), 1);
    EXPECT_EQ(first.value(u"address"_s).toString(), u"10.0.1.1"_s);
    EXPECT_EQ(first.value(u"sent"_s).toInt(), 10);
    EXPECT_EQ(first.value(u"lost"_s).toInt(), 0);
    EXPECT_EQ(first.value(u"loss"_s).toDouble(), 0);
    EXPECT_DOUBLE_EQ(first.value(u"rtt_ms"_s).toObject().value(u"p50"_s).toDouble(), 1.4);
    EXPECT_DOUBLE_EQ(first.value(u"rtt_ms"_s).toObject().value(u"max"_s).toDouble(), 1.9);
    const QJsonObject silent = hops[1].toObject();
    EXPECT_TRUE(silent.value(u"address"_s).isNull());
    EXPECT_TRUE(silent.value(u"rtt_ms"_s).toObject().value(u"p50"_s).isNull());
    EXPECT_DOUBLE_EQ(hops[2].toObject().value(u"loss"_s).toDouble(), 0.5);
}

// The route the Watch window followed goes into the report when the diagnosis has none.
TEST(PathReading, ReportsCarryTheWatchedPath)
{
    Simulator sim(faultOptions(Fault::None));
    ASSERT_TRUE(sim.start());
    Diagnosis d(simulatorTarget(sim));
    runDiagnosis(d, 15000);
    const PathResult watched = pathWith({0, 0, 4, 3});
    ReportSources sources{&d};
    const QJsonObject without = QJsonDocument::fromJson(renderReport(sources, ReportFormat::Json)).object();
    EXPECT_TRUE(without.value(u"path"_s).isNull());
    sources.path = &watched;
    const QJsonObject json = QJsonDocument::fromJson(renderReport(sources, ReportFormat::Json)).object();
    EXPECT_EQ(schemaViolations(json, loadSchema(u"docs/report.schema.json"_s)), QStringList());
    EXPECT_EQ(json.value(u"path"_s).toObject().value(u"hops"_s).toArray().size(), 4);
    EXPECT_FALSE(json.value(u"path"_s).toObject().contains(u"schema"_s));
    const QString text = QString::fromUtf8(renderReport(sources, ReportFormat::Text));
    EXPECT_TRUE(text.contains(u"from hop 3 (10.0.3.1) on"_s)) << text.toStdString();
    for (const ReportFormat format : {ReportFormat::Markdown, ReportFormat::Html}) {
        const QString report = QString::fromUtf8(renderReport(sources, format));
        EXPECT_TRUE(report.contains(u"The route, hop by hop"_s)) << int(format);
        EXPECT_TRUE(report.contains(u"from hop 3 (10.0.3.1) on"_s)) << int(format);
    }
    sources.path = nullptr;
    EXPECT_FALSE(QString::fromUtf8(renderReport(sources, ReportFormat::Markdown)).contains(u"hop by hop"_s));
}
