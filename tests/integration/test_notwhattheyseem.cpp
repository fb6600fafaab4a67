// Answers that are not what they seem: a web page where the API should be, a model list of
// megabytes, a completion that never ends, a redirect, and a status page that moves to http.
#include "support/fixtureserver.h"
#include "support/hostileserver.h"
#include "support/servers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace llmdoctor::test;
using namespace Qt::StringLiterals;

namespace {

QJsonObject diagnoseJson(const QUrl &base, const QStringList &more, CliRun *run)
{
    *run = runCli(QStringList{u"diagnose"_s, u"--base-url"_s, base.toString(), u"--proxy"_s, u"none"_s,
                              u"--format"_s, u"json"_s, u"--timeout"_s, u"10"_s} +
                  more);
    return QJsonDocument::fromJson(run->out).object();
}

QJsonObject checkOf(const QJsonObject &report, const QString &id)
{
    for (const QJsonValue &c : report[u"checks"_s].toArray()) {
        if (c[u"id"_s].toString() == id)
            return c.toObject();
    }
    return {};
}

} // namespace

TEST(NotWhatTheySeem, AWebPageAtTheModelListIsNotTheApi)
{
    FixtureServer portal;
    ASSERT_TRUE(portal.start());
    portal.route(u"/v1/models"_s,
                 FixtureServer::Route::make(200, "text/html; charset=utf-8",
                                            "<!DOCTYPE html><html><head><title>Guest Wi-Fi - Sign in</title>"
                                            "</head><body><form>Accept the terms</form></body></html>"));
    CliRun run;
    const QJsonObject report = diagnoseJson(portal.url(u"/v1"_s), {}, &run);
    EXPECT_EQ(run.exitCode, 1) << run.out.toStdString();
    const QJsonObject verdict = report[u"verdict"_s].toObject();
    EXPECT_EQ(verdict[u"category"_s].toString(), u"not_an_api"_s);
    EXPECT_TRUE(verdict[u"headline"_s].toString().contains(u"web page"_s))
        << verdict[u"headline"_s].toString().toStdString();
    EXPECT_TRUE(verdict[u"explanation"_s].toString().contains(u"Guest Wi-Fi - Sign in"_s));
    EXPECT_TRUE(verdict[u"next_steps"_s].toVariant().toStringList().join(u' ').contains(u"sign in"_s));
}

TEST(NotWhatTheySeem, AModelListOfMegabytesIsReadAndAMisspeltModelFound)
{
    QJsonArray models;
    for (int i = 0; i < 60000; ++i)
        models.append(QJsonObject{{u"id"_s, u"vendor-%1/some-model-%1-instruct-with-a-long-name"_s.arg(i)},
                                  {u"object"_s, u"model"_s}});
    models.append(QJsonObject{{u"id"_s, u"meta-llama/llama-3.3-70b-instruct"_s}, {u"object"_s, u"model"_s}});
    const QByteArray body = QJsonDocument(QJsonObject{{u"object"_s, u"list"_s}, {u"data"_s, models}})
                                .toJson(QJsonDocument::Compact);
    ASSERT_GT(body.size(), 4 * 1024 * 1024);
    ASSERT_LT(body.size(), 8 * 1024 * 1024);
    FixtureServer aggregator;
    ASSERT_TRUE(aggregator.start());
    aggregator.json(u"/v1/models"_s, body);
    CliRun run;
    const QJsonObject report =
        diagnoseJson(aggregator.url(u"/v1"_s), {u"--model"_s, u"meta-llama/llama-3.3-70b-instrcut"_s}, &run);
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(report[u"verdict"_s][u"category"_s].toString(), u"model_not_found"_s);
    EXPECT_TRUE(
        report[u"verdict"_s][u"explanation"_s].toString().contains(u"meta-llama/llama-3.3-70b-instruct"_s))
        << report[u"verdict"_s][u"explanation"_s].toString().toStdString();
    // The report keeps what support needs of it, not megabytes.
    const CliRun har = runCli({u"diagnose"_s, u"--base-url"_s, aggregator.url(u"/v1"_s).toString(),
                               u"--proxy"_s, u"none"_s, u"--format"_s, u"har"_s});
    EXPECT_LT(har.out.size(), 1024 * 1024);
}

TEST(NotWhatTheySeem, ACompletionThatNeverEndsFailsTheTestRequestAndTheStream)
{
    HostileServer server(HostileServer::Behaviour::EndlessPosts);
    ASSERT_TRUE(server.start());
    CliRun run;
    const QJsonObject report =
        diagnoseJson(server.baseUrl(), {u"--model"_s, u"gpt-4o-mini"_s, u"--send-test-request"_s}, &run);
    EXPECT_EQ(run.exitCode, 1) << run.err.toStdString();
    EXPECT_EQ(checkOf(report, u"http"_s)[u"status"_s].toString(), u"pass"_s);
    for (const QString &id : {u"test_request"_s, u"stream"_s}) {
        EXPECT_EQ(checkOf(report, id)[u"status"_s].toString(), u"fail"_s) << id.toStdString();
        EXPECT_TRUE(checkOf(report, id)[u"summary"_s].toString().contains(u"never ended"_s))
            << checkOf(report, id)[u"summary"_s].toString().toStdString();
    }
    EXPECT_EQ(report[u"verdict"_s][u"category"_s].toString(), u"server_error"_s);
}

TEST(NotWhatTheySeem, ARedirectIsReportedWithItsDestinationAndNotFollowed)
{
    FixtureServer old;
    ASSERT_TRUE(old.start());
    FixtureServer moved;
    ASSERT_TRUE(moved.start());
    old.redirect(u"/v1/models"_s, moved.url(u"/api/v2/models"_s).toEncoded(), 301);
    moved.json(u"/api/v2/models"_s, R"({"object":"list","data":[{"id":"m"}]})");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LLMDOCTOR_REDIRECT_KEY"_s, u"sk-redirect-test-0123456789abcdefghij"_s);
    const CliRun run =
        runCli({u"diagnose"_s, u"--base-url"_s, old.url(u"/v1"_s).toString(), u"--proxy"_s, u"none"_s,
                u"--api-key-env"_s, u"LLMDOCTOR_REDIRECT_KEY"_s, u"--format"_s, u"json"_s},
               {}, 20000, env);
    EXPECT_EQ(run.exitCode, 1);
    const QJsonObject verdict = QJsonDocument::fromJson(run.out)[u"verdict"_s].toObject();
    EXPECT_EQ(verdict[u"category"_s].toString(), u"endpoint_not_found"_s);
    EXPECT_TRUE(verdict[u"headline"_s].toString().contains(moved.url(u"/api/v2"_s).toString()))
        << verdict[u"headline"_s].toString().toStdString();
    EXPECT_TRUE(verdict[u"next_steps"_s].toVariant().toStringList().join(u' ').contains(
        moved.url(u"/api/v2"_s).toString()));
    EXPECT_EQ(moved.requestCount(), 0) << "the key was carried to the new address";
}

TEST(NotWhatTheySeem, AStatusPageIsNeverFollowedFromHttpsToHttp)
{
    TestCertificates certs;
    QString error;
    ASSERT_TRUE(certs.create(&error)) << error.toStdString();
    LLMDOCTOR_REQUIRE_BINARY(openssl, "openssl");
    FixtureServer plain;
    ASSERT_TRUE(plain.start());
    ASSERT_TRUE(plain.file(u"/api/v2/summary.json"_s, u"statuspage_major.json"_s));
    // openssl s_server answering every request with a redirect to the plain-http page.
    const quint16 port = freePort();
    QTemporaryDir dir;
    const QString page = dir.filePath(u"summary.json"_s);
    QFile f(page);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("HTTP/1.0 302 Found\r\nLocation: " + plain.url(u"/api/v2/summary.json"_s).toEncoded() +
            "\r\nContent-Length: 0\r\n\r\n");
    f.close();
    ServerProcess tls;
    // -HTTP serves files, whole responses included, from its working folder.
    ASSERT_TRUE(tls.start(u"/bin/sh"_s,
                          {u"-c"_s, u"cd \"$0\" && exec \"$@\""_s, dir.path(), openssl, u"s_server"_s,
                           u"-quiet"_s, u"-accept"_s, u"127.0.0.1:%1"_s.arg(port), u"-cert"_s,
                           certs.cert(u"good"), u"-key"_s, certs.key(u"good"), u"-HTTP"_s},
                          port, &error))
        << error.toStdString();
    FixtureServer api;
    ASSERT_TRUE(api.start());
    api.route(u"/v1/models"_s, FixtureServer::Route::make(502, "text/html", "<html>502 Bad Gateway</html>"));
    const CliRun run =
        runCli({u"diagnose"_s, u"--provider"_s, u"openai"_s, u"--base-url"_s, api.url(u"/v1"_s).toString(),
                u"--proxy"_s, u"none"_s, u"--ca-file"_s, certs.caCert(), u"--status-url"_s,
                u"https://localhost:%1/summary.json"_s.arg(port), u"--format"_s, u"json"_s});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(plain.requestCount(), 0) << "the status page was fetched over plain http";
    const QJsonObject report = QJsonDocument::fromJson(run.out).object();
    EXPECT_TRUE(checkOf(report, u"status_page"_s)[u"summary"_s].toString().contains(u"insecure"_s) ||
                run.out.contains("insecure address"))
        << QJsonDocument(checkOf(report, u"status_page"_s)).toJson().toStdString();
    EXPECT_NE(report[u"verdict"_s][u"category"_s].toString(), u"provider_outage"_s);
}
