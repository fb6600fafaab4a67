// Every report format, generated from real diagnoses on 127.0.0.1, parsed back, checked against
// its documented structure, and searched for the API key and proxy password in every encoding.
#include "core/checks/diagnosis.h"
#include "core/checks/diagnosiscontext.h"
#include "core/monitor/monitor.h"
#include "core/monitor/retrier.h"
#include "core/report/findings.h"
#include "core/report/report.h"
#include "core/report/reportparts.h"
#include "core/sim/simulator.h"
#include "core/target/redactor.h"
#include "support/diagnosisrun.h"
#include "support/fixtureserver.h"
#include "support/jsonschema.h"
#include "support/servers.h"
#include "support/waiting.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QUrl>
#include <gtest/gtest.h>

using namespace llmdoctor::core;
using namespace llmdoctor::test;
using namespace Qt::StringLiterals;

namespace {

// Characters that URL- and base64-encode differently from themselves.
const QByteArray kKey = "sk-proj-Zq8+Rk/Tw=Ab3dEf9hIjKlMnOpQrStUvWxYz0123456789wxyz";
const QByteArray kProxyUser = "alice";
const QByteArray kProxyPassword = "pr0xy-S3cret!pass";

// Every way a secret could leak into a file.
QList<QByteArray> encodings(const QByteArray &secret)
{
    return {secret,
            secret.toBase64(),
            secret.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals),
            secret.toPercentEncoding(),
            secret.toHex(),
            QJsonDocument(QJsonArray{QString::fromLatin1(secret)})
                .toJson(QJsonDocument::Compact)
                .mid(2)
                .chopped(2)};
}

void expectNoSecrets(const QByteArray &text, const QString &format)
{
    for (const QByteArray &form : encodings(kKey))
        EXPECT_FALSE(text.contains(form))
            << format.toStdString() << " holds the key as " << form.toStdString();
    EXPECT_FALSE(text.contains(kKey.mid(8, 20))) << format.toStdString() << " holds part of the key";
    for (const QByteArray &form : encodings(kProxyPassword))
        EXPECT_FALSE(text.contains(form))
            << format.toStdString() << " holds the proxy password as " << form.toStdString();
    EXPECT_FALSE(text.contains((kProxyUser + ':' + kProxyPassword).toBase64()));
    EXPECT_FALSE(text.contains("session=topsecret")) << format.toStdString() << " holds a cookie";
}

// An API behind an "HTTP proxy" that needs credentials, answering 401 with the key echoed back
// in every encoding, a cookie and an echo header: what a careless server or gateway might send.
class ExportTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_proxy.start());
        QByteArray body = R"({"error":{"message":"Incorrect API key provided: )" + kKey + R"(. b64 )" +
                          kKey.toBase64() + " url " + kKey.toPercentEncoding() + " hex " + kKey.toHex() +
                          R"(","type":"invalid_request_error","code":"invalid_api_key"}})";
        FixtureServer::Route r = FixtureServer::Route::make(401, "application/json", body);
        r.extraHeaders = "Set-Cookie: session=topsecret; HttpOnly\r\nX-Echo-Authorization: Bearer " + kKey +
                         "\r\nx-request-id: req_abc123\r\nServer: nginx/1.22.1\r\n";
        m_proxy.route(u"http://api.llmdoctor.invalid/v1/models"_s, r);
    }

    Target target() const
    {
        Target t;
        t.provider = u"openai"_s;
        t.baseUrl = QUrl(u"http://api.llmdoctor.invalid/v1"_s);
        t.apiKey = kKey;
        t.timeoutMs = 10000;
        t.proxy.mode = ProxyChoice::Mode::Explicit;
        t.proxy.url = QUrl(u"http://%1:%2@127.0.0.1:%3"_s
                               .arg(QString::fromLatin1(kProxyUser), QString::fromLatin1(kProxyPassword))
                               .arg(m_proxy.port()));
        return t;
    }

    FixtureServer m_proxy;
};

} // namespace

TEST_F(ExportTest, EveryFormatParsesBackAndHoldsNoSecret)
{
    Diagnosis d(target());
    const DiagnosisOutcome o = runDiagnosis(d, 15000);
    ASSERT_EQ(o.verdict.category, u"auth_invalid_key"_s) << o.verdict.headline.toStdString();
    ASSERT_FALSE(d.context().exchanges.isEmpty());

    for (const QString &name : reportFormatNames()) {
        const ReportFormat format = *reportFormatFromName(name);
        const QByteArray out = renderReport({&d}, format);
        ASSERT_FALSE(out.isEmpty()) << name.toStdString();
        expectNoSecrets(out, name);
        // What support needs is in every format: the verdict, the request id, the redacted key.
        EXPECT_TRUE(out.contains("req_abc123")) << name.toStdString();
        EXPECT_TRUE(out.contains("wxyz"))
            << name.toStdString() << ": the key's last four characters identify it";
    }

    const QJsonDocument json = QJsonDocument::fromJson(renderReport({&d}, ReportFormat::Json));
    ASSERT_TRUE(json.isObject());
    EXPECT_EQ(schemaViolations(json.object(), loadSchema(u"docs/report.schema.json"_s)), QStringList());
    EXPECT_EQ(json.object().value(u"target"_s).toObject().value(u"proxy"_s).toString(),
              u"http://127.0.0.1:%1"_s.arg(m_proxy.port()));
    const QString curl = json.object().value(u"reproduce"_s).toObject().value(u"curl"_s).toString();
    EXPECT_TRUE(curl.contains(u"\"Authorization: Bearer $OPENAI_API_KEY\""_s)) << curl.toStdString();

    const QJsonDocument har = QJsonDocument::fromJson(renderReport({&d}, ReportFormat::Har));
    ASSERT_TRUE(har.isObject());
    EXPECT_EQ(schemaViolations(har.object(), loadSchema(u"tests/data/har-1.2.schema.json"_s)), QStringList());
    const QJsonArray entries = har.object().value(u"log"_s).toObject().value(u"entries"_s).toArray();
    ASSERT_EQ(entries.size(), d.context().exchanges.size());
    const QJsonObject first = entries.at(0).toObject();
    EXPECT_EQ(first.value(u"response"_s).toObject().value(u"status"_s).toInt(), 401);
    // The timings add up to the entry's time, as HAR requires.
    const QJsonObject t = first.value(u"timings"_s).toObject();
    double sum = 0;
    for (const char *k : {"dns", "connect", "send", "wait", "receive"})
        sum += std::max(0.0, t.value(QLatin1String(k)).toDouble());
    EXPECT_NEAR(first.value(u"time"_s).toDouble(), sum, 0.01);
    bool sawAuth = false;
    for (const QJsonValue &h : first.value(u"request"_s).toObject().value(u"headers"_s).toArray()) {
        if (h.toObject().value(u"name"_s).toString() == u"Authorization") {
            sawAuth = true;
            EXPECT_EQ(h.toObject().value(u"value"_s).toString(), u"Bearer sk-proj-…wxyz"_s);
        }
    }
    EXPECT_TRUE(sawAuth); // how the key was sent is shown, the key is not

    const QString html = QString::fromUtf8(renderReport({&d}, ReportFormat::Html));
    EXPECT_TRUE(html.startsWith(u"<!DOCTYPE html>"_s));
    EXPECT_TRUE(html.contains(u"<style>"_s)); // self-contained: no external stylesheet
    EXPECT_FALSE(html.contains(u"<link"_s));
    EXPECT_FALSE(html.contains(u"<script"_s));
    EXPECT_TRUE(html.contains(u"<svg"_s)); // the timing chart is inline
    EXPECT_EQ(html.count(u"<table"_s), html.count(u"</table>"_s));
    EXPECT_EQ(html.count(u"<details"_s), html.count(u"</details>"_s));

    const QString md = QString::fromUtf8(renderReport({&d}, ReportFormat::Markdown));
    EXPECT_TRUE(md.startsWith(u"## llmdoctor report: "_s));
    const QString checksTable = md.section(u"### Checks"_s, 1).section(u"###"_s, 0, 0);
    EXPECT_EQ(checksTable.count(u"\n| "_s) - 1, d.results().size()); // a row per check, under the header
    EXPECT_TRUE(md.contains(u"```sh\ncurl "_s));
    EXPECT_EQ(md.count(u"<details>"_s), md.count(u"</details>"_s));
}

TEST_F(ExportTest, SupportMessageIsAddressedToWhoeverShouldAct)
{
    Diagnosis d(target());
    runDiagnosis(d, 15000);
    const SupportMessage m = supportMessage(d);
    EXPECT_TRUE(m.to.contains(u"OpenAI"_s)) << m.to.toStdString(); // an account matter: the provider
    EXPECT_TRUE(m.body.contains(u"req_abc123"_s));
    EXPECT_TRUE(m.body.contains(u"sk-proj-…wxyz"_s));
    EXPECT_FALSE(m.body.contains(QString::fromLatin1(kKey)));

    Simulator sim(faultOptions(Fault::None));
    ASSERT_TRUE(sim.start());
    Target healthy = simulatorTarget(sim);
    Diagnosis ok(healthy);
    runDiagnosis(ok, 15000);
    EXPECT_TRUE(supportMessage(ok).to.contains(u"nothing is wrong"_s)) << supportMessage(ok).to.toStdString();
}

TEST(Export, RetryAndMonitorRunsAreIncluded)
{
    Simulator sim(faultOptions(Fault::Flaky, 0.5));
    ASSERT_TRUE(sim.start());
    Diagnosis d(simulatorTarget(sim));
    runDiagnosis(d, 15000);
    RetryPolicy policy;
    policy.maxAttempts = 3;
    Retrier retry(simulatorTarget(sim), policy);
    retry.setRandom([] { return 0.0; });
    retry.start();
    ASSERT_TRUE(waitFor([&] { return !retry.isRunning(); }, 10000));
    MonitorOptions mo;
    mo.intervalS = 0.2;
    Monitor monitor(simulatorTarget(sim), mo);
    monitor.start();
    ASSERT_TRUE(waitFor([&] { return monitor.samples().size() >= 4; }, 10000));
    monitor.stop();

    const ReportSources all{&d, &retry, &monitor};
    const QJsonObject json = QJsonDocument::fromJson(renderReport(all, ReportFormat::Json)).object();
    EXPECT_EQ(schemaViolations(json, loadSchema(u"docs/report.schema.json"_s)), QStringList());
    EXPECT_EQ(json.value(u"retry"_s).toObject().value(u"attempts"_s).toArray().size(),
              retry.attempts().size());
    EXPECT_EQ(json.value(u"monitor"_s).toObject().value(u"samples"_s).toArray().size(),
              monitor.samples().size());
    const QString html = QString::fromUtf8(renderReport(all, ReportFormat::Html));
    EXPECT_GE(html.count(u"<svg"_s), 3); // timings, the retry run and the monitor run
    EXPECT_TRUE(html.contains(u"Wait and retry"_s));
    EXPECT_TRUE(renderReport(all, ReportFormat::Markdown).contains("### Watched over time"));
    EXPECT_TRUE(renderReport(all, ReportFormat::Text).contains("Wait and retry: "));
    // Without the runs, the fields are there and null.
    const QJsonObject alone = QJsonDocument::fromJson(renderReport({&d}, ReportFormat::Json)).object();
    EXPECT_TRUE(alone.value(u"retry"_s).isNull());
    EXPECT_TRUE(alone.value(u"monitor"_s).isNull());
}

TEST(Export, WritingIsAtomicAndFailuresSayWhy)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"report.html"_s);
    QString error;
    ASSERT_TRUE(writeReportFile("first", path, &error)) << error.toStdString();
    EXPECT_FALSE(writeReportFile("second", dir.path(), &error));
    EXPECT_TRUE(error.contains(u"is a folder"_s)) << error.toStdString();
    EXPECT_FALSE(writeReportFile("second", dir.filePath(u"missing/report.html"_s), &error));
    EXPECT_TRUE(error.contains(u"does not exist"_s)) << error.toStdString();
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.readAll(), "first"); // the failed writes left the old file alone
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files),
              QStringList{u"report.html"_s}); // no temporary left over
}

TEST(Redactor, EveryEncodingOfTheKeyAndProxyCredentials)
{
    Target t;
    t.apiKey = "  \"" + kKey + "\"\n"; // pasted with quotes and a line break
    t.proxy.mode = ProxyChoice::Mode::Explicit;
    t.proxy.url = QUrl(u"http://alice:pr0xy-S3cret!pass@proxy.invalid:3128"_s);
    const Redactor r(t, t.proxy.url);
    QByteArray text = "raw " + kKey + " b64 " + kKey.toBase64() + " basic " + ("user:" + kKey).toBase64() +
                      " basic2 " + ("us:" + kKey).toBase64() + " basic3 " + ("u:" + kKey).toBase64() +
                      " url " + kKey.toPercentEncoding() + " proxy " +
                      ("alice:" + kProxyPassword).toBase64() + " pw " + kProxyPassword + " quoted \"" + kKey +
                      "\"";
    const QByteArray clean = r.apply(text);
    expectNoSecrets(clean, u"redacted text"_s);
    EXPECT_TRUE(clean.contains("sk-proj-…wxyz"));
    EXPECT_TRUE(clean.contains("[proxy credentials removed]"));
    EXPECT_EQ(r.headerValue("Authorization", "Bearer " + kKey), u"Bearer sk-proj-…wxyz"_s);
    EXPECT_EQ(r.headerValue("Cookie", "a=b"), u"[removed]"_s);
    EXPECT_EQ(r.headerValue("Content-Type", "text/plain"), u"text/plain"_s);
    // Nothing to redact: text stays as it was.
    EXPECT_EQ(Redactor(Target()).apply(QByteArray("nothing secret here")), QByteArray("nothing secret here"));
}
