// One typed, redacted record of what was found (Findings), rendered the same by the CLI and every
// report format: the cases a new user ran into, end to end against servers on 127.0.0.1.
#include "core/checks/diagnosis.h"
#include "core/monitor/retrier.h"
#include "core/report/findings.h"
#include "core/sim/simulator.h"
#include "support/diagnosisrun.h"
#include "support/fixtureserver.h"
#include "support/jsonschema.h"
#include "support/servers.h"
#include "support/waiting.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace llmdoctor::core;
using namespace llmdoctor::test;

namespace {

const QByteArray kKey = "sk-proj-FINDINGSabcdefghijklmnopqrstuvwxyz0123456789ABCD";

QJsonObject jsonOf(const CliRun &r)
{
    return QJsonDocument::fromJson(r.out).object();
}

QStringList alsoFoundCategories(const QJsonObject &verdict)
{
    QStringList out;
    for (const QJsonValue &a : verdict.value(u"also_found"_s).toArray())
        out << a.toObject().value(u"category"_s).toString();
    return out;
}

QProcessEnvironment keyEnv(const QByteArray &key)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"FINDINGS_TEST_KEY"_s, QString::fromLatin1(key));
    return env;
}

} // namespace

// The status page reports a major outage, the API answers 503 from Envoy, and no key was typed:
// the outage blocks everything now and leads; the missing key comes next. Nothing claims a 401.
TEST(FindingsCli, AnOutageLeadsAndTheMissingKeyIsAlsoFound)
{
    FixtureServer pages;
    ASSERT_TRUE(pages.start());
    ASSERT_TRUE(pages.file(u"/sp/api/v2/summary.json"_s, u"statuspage_major.json"_s));
    ASSERT_TRUE(pages.file(u"/sp/api/v2/incidents/unresolved.json"_s, u"statuspage_unresolved_empty.json"_s));
    ASSERT_TRUE(pages.file(u"/sp/api/v2/scheduled-maintenances/active.json"_s,
                           u"statuspage_maintenance_empty.json"_s));
    Simulator sim(faultOptions(Fault::EnvoyReset));
    ASSERT_TRUE(sim.start());
    const QStringList args{u"diagnose"_s,   u"--provider"_s,          u"openai"_s,
                           u"--base-url"_s, sim.baseUrl().toString(), u"--proxy"_s,
                           u"none"_s,       u"--status-url"_s,        pages.url(u"/sp"_s).toString()};
    const CliRun r = runCli(args + QStringList{u"--format"_s, u"json"_s});
    EXPECT_EQ(r.exitCode, 1) << r.err.toStdString();
    const QJsonObject verdict = jsonOf(r).value(u"verdict"_s).toObject();
    EXPECT_EQ(verdict.value(u"category"_s).toString(), u"provider_outage"_s) << r.out.toStdString();
    EXPECT_EQ(verdict.value(u"blame"_s).toString(), u"provider"_s);
    EXPECT_TRUE(alsoFoundCategories(verdict).contains(u"auth_missing_key"_s)) << r.out.toStdString();
    EXPECT_FALSE(verdict.value(u"explanation"_s).toString().contains(u"401"_s))
        << verdict.value(u"explanation"_s).toString().toStdString();
    EXPECT_EQ(jsonOf(r).value(u"http"_s).toObject().value(u"status"_s).toInt(), 503);

    // The text and every other format carry the same second finding.
    const CliRun text = runCli(args);
    EXPECT_TRUE(text.out.contains("Also found:")) << text.out.toStdString();
    const CliRun md = runCli(args + QStringList{u"--format"_s, u"markdown"_s});
    EXPECT_TRUE(md.out.contains("### Also found")) << md.out.toStdString();
    const CliRun html = runCli(args + QStringList{u"--format"_s, u"html"_s});
    EXPECT_TRUE(html.out.contains("<h2>Also found</h2>"));
}

// The pasted words alone suggest Traefik; the checks see nginx answer the same 504. The verdict says
// so once, plainly, instead of quoting the guess next to what was measured.
TEST(FindingsCli, WhenThePastedWordsAndTheChecksDisagreeOnWhoWroteItTheVerdictSaysSo)
{
    SimulatorOptions o = faultOptions(Fault::GatewayTimeout, 1.0);
    o.gatewayTimeoutMs = 200;
    Simulator sim(o);
    ASSERT_TRUE(sim.start());
    const CliRun r = runCli({u"diagnose"_s, u"--base-url"_s, sim.baseUrl().toString(), u"--proxy"_s,
                             u"none"_s, u"--error-text"_s, u"Gateway Timeout"_s, u"--format"_s, u"json"_s});
    const QJsonObject report = jsonOf(r);
    const QJsonObject verdict = report.value(u"verdict"_s).toObject();
    EXPECT_EQ(verdict.value(u"category"_s).toString(), u"gateway_timeout"_s) << r.out.toStdString();
    const QString explanation = verdict.value(u"explanation"_s).toString();
    EXPECT_TRUE(explanation.contains(u"nginx wrote it, not Traefik"_s)) << explanation.toStdString();
    EXPECT_FALSE(explanation.contains(u"is what Traefik sends"_s)) << explanation.toStdString();
    EXPECT_EQ(report.value(u"http"_s).toObject().value(u"hops"_s).toArray().first().toString(), u"nginx"_s);
}

// A key with a line break after it (copied with the end of the line) works against a server that
// ignores keys, but not against the real API: the checks find it, and the verdict says so.
TEST(FindingsCli, AKeyWithATrailingLineBreakIsNotEverythingWorks)
{
    Simulator sim(faultOptions(Fault::None));
    ASSERT_TRUE(sim.start());
    const CliRun r = runCli({u"diagnose"_s, u"--base-url"_s, sim.baseUrl().toString(), u"--proxy"_s,
                             u"none"_s, u"--api-key-env"_s, u"FINDINGS_TEST_KEY"_s, u"--format"_s, u"json"_s},
                            {}, 60000, keyEnv(kKey + "\n"));
    EXPECT_EQ(r.exitCode, 1) << r.out.toStdString();
    const QJsonObject verdict = jsonOf(r).value(u"verdict"_s).toObject();
    EXPECT_NE(verdict.value(u"category"_s).toString(), u"ok"_s) << r.out.toStdString();
    EXPECT_EQ(verdict.value(u"blame"_s).toString(), u"config"_s);
    EXPECT_FALSE(r.out.contains(kKey)) << "the key itself is never in a report";
}

// A request that hangs keeps the phase it died in: 3 s of waiting for an answer, not the
// millisecond of connecting before it.
TEST(FindingsCli, AHangIsReportedAsTheWaitItWas)
{
    Simulator sim(faultOptions(Fault::Hang));
    ASSERT_TRUE(sim.start());
    const QStringList args{u"diagnose"_s,  u"--base-url"_s, sim.baseUrl().toString(), u"--proxy"_s, u"none"_s,
                           u"--timeout"_s, u"3"_s};
    const CliRun r = runCli(args + QStringList{u"--format"_s, u"json"_s});
    const QJsonObject http = jsonOf(r).value(u"http"_s).toObject();
    EXPECT_EQ(http.value(u"failed_phase"_s).toString(), u"ttfb"_s) << r.out.toStdString();
    EXPECT_EQ(schemaViolations(jsonOf(r), loadSchema(u"docs/report.schema.json"_s)), QStringList());
    const double ttfb = http.value(u"phases_ms"_s).toObject().value(u"ttfb"_s).toDouble();
    EXPECT_GT(ttfb, 2500) << r.out.toStdString();
    EXPECT_LT(ttfb, 4000);
    const CliRun text = runCli(args);
    EXPECT_TRUE(text.out.contains("for an answer that never came")) << text.out.toStdString();
    const CliRun html = runCli(args + QStringList{u"--format"_s, u"html"_s});
    EXPECT_TRUE(html.out.contains("failed here")) << "the chart marks the phase";

    // A refused connection fails in the connect phase, and says so.
    QTcpServer closed;
    ASSERT_TRUE(closed.listen(QHostAddress::LocalHost));
    const QString address = u"http://127.0.0.1:%1/v1"_s.arg(closed.serverPort());
    closed.close();
    const CliRun refused =
        runCli({u"diagnose"_s, u"--base-url"_s, address, u"--proxy"_s, u"none"_s, u"--format"_s, u"json"_s});
    EXPECT_EQ(jsonOf(refused).value(u"http"_s).toObject().value(u"failed_phase"_s).toString(), u"connect"_s)
        << refused.out.toStdString();
}

// The message the user pasted, redacted, in every format; and a PDF from the command line.
TEST(FindingsCli, ThePastedErrorIsInEveryFormatAndPdfWorks)
{
    Simulator sim(faultOptions(Fault::BadGateway));
    ASSERT_TRUE(sim.start());
    const QString pasted =
        u"openai.AuthenticationError: Incorrect API key provided: "_s + QString::fromLatin1(kKey);
    const QStringList args{u"diagnose"_s,          u"--base-url"_s,   sim.baseUrl().toString(),
                           u"--proxy"_s,           u"none"_s,         u"--api-key-env"_s,
                           u"FINDINGS_TEST_KEY"_s, u"--error-text"_s, pasted};
    for (const QString &format : {u"text"_s, u"json"_s, u"markdown"_s, u"html"_s, u"har"_s}) {
        const CliRun r = runCli(args + QStringList{u"--format"_s, format}, {}, 60000, keyEnv(kKey));
        EXPECT_TRUE(r.out.contains("openai.AuthenticationError: Incorrect API key provided"))
            << format.toStdString();
        EXPECT_FALSE(r.out.contains(kKey)) << format.toStdString();
        EXPECT_FALSE(r.out.contains(kKey.right(20))) << format.toStdString();
    }
    const CliRun json = runCli(args + QStringList{u"--format"_s, u"json"_s}, {}, 60000, keyEnv(kKey));
    const QJsonObject p = jsonOf(json).value(u"pasted_error"_s).toObject();
    EXPECT_EQ(p.value(u"category"_s).toString(), u"auth_invalid_key"_s) << json.out.toStdString();
    EXPECT_EQ(p.value(u"blame"_s).toString(), u"account"_s);
    EXPECT_EQ(schemaViolations(jsonOf(json), loadSchema(u"docs/report.schema.json"_s)), QStringList());

    // PDF: from the app binary, without a display.
    QTemporaryDir dir;
    const QString file = dir.filePath(u"report.pdf"_s);
    QProcessEnvironment env = keyEnv(kKey);
    env.remove(u"DISPLAY"_s);
    env.remove(u"WAYLAND_DISPLAY"_s);
    const CliRun pdf =
        runCli(args + QStringList{u"--format"_s, u"pdf"_s, u"--output"_s, file}, {}, 60000, env);
    EXPECT_EQ(pdf.exitCode, 1) << pdf.err.toStdString(); // the verdict: something is wrong
    EXPECT_TRUE(pdf.err.startsWith("Report written to")) << pdf.err.toStdString(); // no Qt noise
    QFile f(file);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    EXPECT_TRUE(bytes.startsWith("%PDF-"));
    EXPECT_GT(bytes.size(), 5000);
    EXPECT_FALSE(bytes.contains(kKey));
    // To standard output a PDF would only garble the terminal.
    EXPECT_EQ(runCli(args + QStringList{u"--format"_s, u"pdf"_s}, {}, 60000, env).exitCode, 2);
}

// A retry run belongs to the target it ran against: the report of another target never shows it.
TEST(Findings, RetryRunsOfAnotherTargetAreLeftOut)
{
    Simulator a(faultOptions(Fault::BadGateway));
    Simulator b(faultOptions(Fault::RateLimit));
    ASSERT_TRUE(a.start());
    ASSERT_TRUE(b.start());
    auto target = [](const Simulator &sim) {
        Target t;
        t.baseUrl = sim.baseUrl();
        t.proxy.mode = ProxyChoice::Mode::None;
        t.timeoutMs = 5000;
        return t;
    };
    RetryPolicy policy;
    policy.maxAttempts = 2;
    policy.maxWaitS = 5;
    Retrier retry(target(a), policy);
    QString error;
    ASSERT_TRUE(retry.prepare(&error)) << error.toStdString();
    retry.start();
    ASSERT_TRUE(waitFor([&] { return !retry.isRunning(); }, 20000));
    ASSERT_FALSE(retry.attempts().isEmpty());

    Diagnosis other(target(b));
    runDiagnosis(other);
    const Findings f = buildFindings({&other, &retry});
    EXPECT_FALSE(f.retry.has_value());
    const QJsonObject json = QJsonDocument::fromJson(renderReport(f, ReportFormat::Json)).object();
    EXPECT_TRUE(json.value(u"retry"_s).isNull());
    EXPECT_FALSE(renderReport(f, ReportFormat::Text).contains("Wait and retry"));

    Diagnosis same(target(a));
    runDiagnosis(same);
    const Findings g = buildFindings({&same, &retry});
    ASSERT_TRUE(g.retry.has_value());
    EXPECT_EQ(g.retry->attempts.size(), retry.attempts().size());
    const QJsonObject withRetry = QJsonDocument::fromJson(renderReport(g, ReportFormat::Json)).object();
    EXPECT_EQ(
        withRetry.value(u"retry"_s).toObject().value(u"target"_s).toObject().value(u"base_url"_s).toString(),
        shownUrl(a.baseUrl()));
}
