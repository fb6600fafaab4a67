// The command line is a contract users script against: run the real binary.
#include "core/sim/simulator.h"
#include "support/servers.h"
#include "support/waiting.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace llmdoctor::core;
using namespace llmdoctor::test;
using namespace Qt::StringLiterals;

namespace {

QJsonObject jsonOf(const CliRun &r)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &err);
    EXPECT_EQ(err.error, QJsonParseError::NoError) << r.out.toStdString() << r.err.toStdString();
    return doc.object();
}

QStringList diagnoseArgs(const QString &baseUrl, const QStringList &more = {})
{
    return QStringList{u"diagnose"_s, u"--base-url"_s, baseUrl,  u"--proxy"_s,
                       u"none"_s,     u"--format"_s,   u"json"_s} +
           more;
}

} // namespace

TEST(Cli, HealthyServerExitsZeroWithAFullReport)
{
    Simulator sim(faultOptions(Fault::None));
    ASSERT_TRUE(sim.start());
    const CliRun r = runCli(diagnoseArgs(sim.baseUrl().toString(), {u"--model"_s, u"gpt-4o"_s}));
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject report = jsonOf(r);
    EXPECT_EQ(report.value(u"schema").toString(), u"llmdoctor.report/1"_s);
    EXPECT_EQ(report.value(u"verdict").toObject().value(u"category").toString(), u"ok"_s);
    EXPECT_EQ(report.value(u"verdict").toObject().value(u"blame").toString(), u"none"_s);
    const QJsonObject http = report.value(u"http").toObject();
    EXPECT_EQ(http.value(u"status").toInt(), 200);
    EXPECT_GE(http.value(u"phases_ms").toObject().value(u"ttfb").toDouble(), 0.0);
    EXPECT_TRUE(
        http.value(u"request_ids").toObject().value(u"x-request-id").toString().startsWith(u"req_"_s));
    QStringList ids;
    for (const QJsonValue &c : report.value(u"checks").toArray())
        ids << c.toObject().value(u"id").toString();
    EXPECT_EQ(ids, (QStringList{u"base_url_format"_s, u"api_key_format"_s, u"dns"_s, u"tcp"_s, u"tls"_s,
                                u"http"_s, u"api_key"_s, u"model"_s, u"test_request"_s, u"stream"_s,
                                u"keepalive"_s, u"status_page"_s, u"loss"_s, u"path"_s}));
}

TEST(Cli, OptInChecksRunOnlyWhenAskedFor)
{
    Simulator sim(faultOptions(Fault::None));
    ASSERT_TRUE(sim.start());
    const auto statusOf = [](const QJsonObject &report, const QString &id) {
        for (const QJsonValue &c : report.value(u"checks").toArray()) {
            if (c.toObject().value(u"id").toString() == id)
                return c.toObject().value(u"status").toString();
        }
        return u"missing"_s;
    };
    const QStringList model{u"--model"_s, u"gpt-4o-mini"_s, u"--timeout"_s, u"3"_s};
    QJsonObject report = jsonOf(runCli(diagnoseArgs(sim.baseUrl().toString(), model)));
    EXPECT_EQ(statusOf(report, u"stream"_s), u"skip"_s);
    EXPECT_EQ(statusOf(report, u"keepalive"_s), u"skip"_s);

    const CliRun r = runCli(diagnoseArgs(
        sim.baseUrl().toString(), model + QStringList{u"--send-test-request"_s, u"--check-keepalive"_s}));
    EXPECT_EQ(r.exitCode, 0) << r.out.toStdString();
    report = jsonOf(r);
    EXPECT_EQ(statusOf(report, u"stream"_s), u"pass"_s);
    EXPECT_EQ(statusOf(report, u"keepalive"_s), u"pass"_s); // as long as --timeout allows
    EXPECT_LT(r.elapsedMs, 3500);
}

TEST(Cli, BadGatewayIsAProblemOnTheProvidersSide)
{
    Simulator sim(faultOptions(Fault::BadGateway));
    ASSERT_TRUE(sim.start());
    const CliRun r = runCli(diagnoseArgs(sim.baseUrl().toString()));
    EXPECT_EQ(r.exitCode, 1);
    const QJsonObject report = jsonOf(r);
    const QJsonObject verdict = report.value(u"verdict").toObject();
    EXPECT_EQ(verdict.value(u"category").toString(), u"gateway_error"_s);
    EXPECT_EQ(verdict.value(u"blame").toString(), u"provider"_s);
    EXPECT_EQ(report.value(u"http").toObject().value(u"status").toInt(), 502);
    EXPECT_TRUE(report.value(u"http").toObject().value(u"hops").toArray().contains(u"nginx"_s));
}

TEST(Cli, TextReportLeadsWithTheVerdict)
{
    Simulator sim(faultOptions(Fault::EnvoyReset));
    ASSERT_TRUE(sim.start());
    const CliRun r =
        runCli({u"diagnose"_s, u"--base-url"_s, sim.baseUrl().toString(), u"--proxy"_s, u"none"_s});
    EXPECT_EQ(r.exitCode, 1);
    const QString text = QString::fromUtf8(r.out);
    EXPECT_TRUE(text.contains(
        u"✖ A gateway in front of the API lost its connection to the service behind it (HTTP 503)."_s))
        << r.out.toStdString();
    EXPECT_TRUE(text.contains(u"(Envoy)"_s)) << "names the hop by its product name";
    EXPECT_TRUE(text.contains(u"Who should act: the provider"_s));
    EXPECT_FALSE(text.contains(u"\x1b["_s)) << "no colour codes when not writing to a terminal";
}

TEST(Cli, KeyFromEnvironmentIsSentAndNeverPrinted)
{
    Simulator sim(faultOptions(Fault::InvalidKey));
    ASSERT_TRUE(sim.start());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString key = u"sk-proj-SECRETSECRETSECRET9f3a"_s;
    env.insert(u"MY_KEY"_s, key);
    const CliRun r =
        runCli(diagnoseArgs(sim.baseUrl().toString(), {u"--api-key-env"_s, u"MY_KEY"_s}), {}, 30000, env);
    EXPECT_EQ(r.exitCode, 1);
    const QJsonObject report = jsonOf(r);
    EXPECT_EQ(report.value(u"verdict").toObject().value(u"category").toString(), u"auth_invalid_key"_s);
    EXPECT_EQ(report.value(u"target").toObject().value(u"api_key").toString(), u"sk-proj-…9f3a"_s);
    EXPECT_FALSE(r.out.contains("SECRETSECRET"));
    EXPECT_FALSE(r.err.contains("SECRETSECRET"));
}

TEST(Cli, KeyFromStandardInput)
{
    Simulator sim(faultOptions(Fault::InvalidKey));
    ASSERT_TRUE(sim.start());
    const CliRun r = runCli(diagnoseArgs(sim.baseUrl().toString(), {u"--api-key-stdin"_s}),
                            "sk-from-stdin-000000001234\n");
    EXPECT_EQ(jsonOf(r).value(u"verdict").toObject().value(u"category").toString(), u"auth_invalid_key"_s);
}

TEST(Cli, KeyOnTheCommandLineIsRefused)
{
    const CliRun r =
        runCli({u"diagnose"_s, u"--base-url"_s, u"http://127.0.0.1:9/v1"_s, u"--api-key"_s, u"sk-123"_s});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains("--api-key-env")) << r.err.toStdString();
}

TEST(Cli, BadInputGetsAClearErrorAndExitTwo)
{
    struct Case
    {
        QStringList args;
        const char *expect;
    };
    const QList<Case> cases{
        {{u"diagnose"_s}, "--base-url"},
        {{u"diagnose"_s, u"--base-url"_s, u"ftp://example.invalid/v1"_s}, "https://"},
        {{u"diagnose"_s, u"--base-url"_s, u"http://exa mple.invalid"_s}, "spaces"},
        {{u"diagnose"_s, u"--base-url"_s, u"https:/api.openai.com/v1"_s}, "looks mistyped"},
        {{u"diagnose"_s, u"--base-url"_s, u"http://127.0.0.1:80a/v1"_s},
         "port (after the colon) is a number"},
        {{u"diagnose"_s, u"--base-url"_s, u"http://x.invalid"_s, u"--ca-file"_s,
          QStringLiteral(LLMDOCTOR_SOURCE_DIR "/tests/integration/test_cli.cpp")},
         "BEGIN CERTIFICATE"},
        {{u"diagnose"_s, u"--base-url"_s, u"http://x.invalid"_s, u"--timeout"_s, u"soon"_s}, "--timeout"},
        {{u"diagnose"_s, u"--base-url"_s, u"http://x.invalid"_s, u"--format"_s, u"pdf"_s},
         "a PDF goes into a file"},
        {{u"diagnose"_s, u"--base-url"_s, u"http://x.invalid"_s, u"--format"_s, u"xml"_s},
         "markdown, html, har"},
        {{u"diagnose"_s, u"--provider"_s, u"nosuch"_s}, "unknown provider"},
        {{u"diagnose"_s, u"--base-url"_s, u"http://x.invalid"_s, u"--ca-file"_s, u"/nonexistent.pem"_s},
         "does not exist"},
        {{u"frobnicate"_s}, "unknown command"},
    };
    for (const Case &c : cases) {
        const CliRun r = runCli(c.args);
        EXPECT_EQ(r.exitCode, 2) << c.args.join(u' ').toStdString();
        EXPECT_TRUE(r.err.contains(c.expect))
            << c.args.join(u' ').toStdString() << ": " << r.err.toStdString();
    }
}

TEST(Cli, UnresolvableHostAndClosedPort)
{
    CliRun r = runCli(diagnoseArgs(u"https://api.nothing-here.invalid/v1"_s));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(jsonOf(r).value(u"verdict").toObject().value(u"category").toString(), u"dns_failure"_s);

    r = runCli(diagnoseArgs(u"http://127.0.0.1:%1/v1"_s.arg(freePort())));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(jsonOf(r).value(u"verdict").toObject().value(u"category").toString(), u"connection_refused"_s);
}

TEST(Cli, HangingServerFinishesWithinTimeout)
{
    Simulator sim(faultOptions(Fault::Hang));
    ASSERT_TRUE(sim.start());
    const CliRun r = runCli(diagnoseArgs(sim.baseUrl().toString(), {u"--timeout"_s, u"2"_s}));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(jsonOf(r).value(u"verdict").toObject().value(u"category").toString(), u"timeout"_s);
    EXPECT_LT(r.elapsedMs, 5000);
}

TEST(Cli, ReportFileIsWrittenAtomicallyAndAnUnwritablePathFails)
{
    Simulator sim(faultOptions(Fault::None));
    ASSERT_TRUE(sim.start());
    QTemporaryDir dir;
    const QString path = dir.filePath(u"report.json"_s);
    CliRun r = runCli(diagnoseArgs(sim.baseUrl().toString(), {u"--output"_s, path}));
    EXPECT_EQ(r.exitCode, 0);
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(QJsonDocument::fromJson(f.readAll()).object().value(u"schema").toString(),
              u"llmdoctor.report/1"_s);
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files), QStringList{u"report.json"_s})
        << "no temporary files left";

    r = runCli(diagnoseArgs(sim.baseUrl().toString(), {u"--output"_s, u"/nonexistent-dir/report.json"_s}));
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains("cannot write")) << r.err.toStdString();
}

TEST(Cli, ProxyRefusingTheTunnelIsAProxyError)
{
    LLMDOCTOR_REQUIRE_BINARY(squid, "squid");
    QTemporaryDir dir;
    // Squid started as root works as user "proxy": it must be able to write its logs here.
    QFile::setPermissions(dir.path(), QFileDevice::Permissions(0x7777));
    const quint16 port = freePort();
    QFile conf(dir.filePath(u"squid.conf"_s));
    ASSERT_TRUE(conf.open(QIODevice::WriteOnly));
    // Stock squid policy: CONNECT only to port 443. Our target port is not 443, so it is refused.
    conf.write(QStringLiteral("http_port 127.0.0.1:%1\n"
                              "acl SSL_ports port 443\n"
                              "acl CONNECT method CONNECT\n"
                              "http_access deny CONNECT !SSL_ports\n"
                              "http_access allow localhost\n"
                              "http_access deny all\n"
                              "pid_filename %2/squid.pid\n"
                              "cache_log %2/cache.log\n"
                              "access_log %2/access.log\n"
                              "cache deny all\n"
                              "cache_mem 8 MB\n"
                              "shutdown_lifetime 0 seconds\n"
                              "coredump_dir %2\n")
                   .arg(port)
                   .arg(dir.path())
                   .toUtf8());
    conf.close();
    ServerProcess proxy;
    QString error;
    ASSERT_TRUE(proxy.start(squid, {u"-N"_s, u"-f"_s, conf.fileName()}, port, &error, 20000))
        << error.toStdString();

    const CliRun r = runCli({u"diagnose"_s, u"--base-url"_s, u"https://api.example.invalid:8443/v1"_s,
                             u"--proxy"_s, u"http://127.0.0.1:%1"_s.arg(port), u"--format"_s, u"json"_s});
    EXPECT_EQ(r.exitCode, 1);
    const QJsonObject report = jsonOf(r);
    const QJsonObject verdict = report.value(u"verdict").toObject();
    EXPECT_EQ(verdict.value(u"category").toString(), u"proxy_error"_s) << r.out.toStdString();
    EXPECT_EQ(verdict.value(u"blame").toString(), u"proxy"_s);
    EXPECT_EQ(report.value(u"target").toObject().value(u"proxy").toString(),
              u"http://127.0.0.1:%1"_s.arg(port));
}

TEST(Cli, SimulateServesUntilStopped)
{
    const quint16 port = freePort();
    QProcess sim;
    sim.start(QStringLiteral(LLMDOCTOR_BINARY),
              {u"simulate"_s, u"--fault"_s, u"rate_limit"_s, u"--port"_s, QString::number(port)});
    ASSERT_TRUE(sim.waitForStarted());
    ASSERT_TRUE(waitFor([&sim] { return sim.canReadLine(); }, 10000));
    const QString first = QString::fromUtf8(sim.readLine()).trimmed();
    EXPECT_TRUE(first.endsWith(u"http://127.0.0.1:%1/v1"_s.arg(port))) << first.toStdString();

    const CliRun r = runCli(diagnoseArgs(u"http://127.0.0.1:%1/v1"_s.arg(port)));
    EXPECT_EQ(jsonOf(r).value(u"verdict").toObject().value(u"category").toString(), u"rate_limited"_s);
    EXPECT_EQ(
        jsonOf(r).value(u"http").toObject().value(u"rate_limit").toObject().value(u"retry-after").toString(),
        u"20"_s);
    EXPECT_EQ(jsonOf(r)
                  .value(u"http")
                  .toObject()
                  .value(u"rate_limit")
                  .toObject()
                  .value(u"retry_after_s")
                  .toDouble(),
              20.0);

    sim.terminate();
    ASSERT_TRUE(sim.waitForFinished(5000));
    EXPECT_EQ(sim.exitCode(), 0);

    const CliRun bad = runCli({u"simulate"_s, u"--fault"_s, u"no_such_fault"_s});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_TRUE(bad.err.contains("bad_gateway")) << "lists the valid faults";
}

TEST(Cli, VersionAndHelp)
{
    CliRun r = runCli({u"--version"_s});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_TRUE(r.out.startsWith("llmdoctor " LLMDOCTOR_VERSION));
    r = runCli({u"--help"_s});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_TRUE(r.out.contains("diagnose"));
    EXPECT_TRUE(r.out.contains("--api-key-env"));
}

TEST(Cli, SimulatorWithAKeyAndAnthropicErrors)
{
    const quint16 port = freePort();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"SIM_KEY"_s, u"sk-ant-api03-simulatedkey0000000000000000"_s);
    env.insert(u"WRONG_KEY"_s, u"sk-ant-api03-wrongkey000000000000000000000"_s);
    QProcess sim;
    sim.setProcessEnvironment(env);
    sim.start(QStringLiteral(LLMDOCTOR_BINARY),
              {u"simulate"_s, u"--fault"_s, u"none"_s, u"--port"_s, QString::number(port), u"--error-style"_s,
               u"anthropic"_s, u"--expect-key-env"_s, u"SIM_KEY"_s});
    ASSERT_TRUE(sim.waitForStarted());
    ASSERT_TRUE(waitFor([&sim] { return sim.canReadLine(); }, 10000));
    const QString base = u"http://127.0.0.1:%1/v1"_s.arg(port);

    CliRun r = runCli(diagnoseArgs(base, {u"--api-key-env"_s, u"SIM_KEY"_s}), {}, 30000, env);
    EXPECT_EQ(r.exitCode, 0) << r.out.toStdString();
    r = runCli(diagnoseArgs(base, {u"--api-key-env"_s, u"WRONG_KEY"_s}), {}, 30000, env);
    EXPECT_EQ(r.exitCode, 1);
    const QJsonObject report = jsonOf(r);
    EXPECT_EQ(report.value(u"verdict").toObject().value(u"category").toString(), u"auth_invalid_key"_s);
    EXPECT_FALSE(r.out.contains("wrongkey000")) << "the key never appears in the report";
    sim.terminate();
    EXPECT_TRUE(sim.waitForFinished(5000));

    const CliRun bad = runCli({u"simulate"_s, u"--fault"_s, u"none"_s, u"--error-style"_s, u"cobol"_s});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_TRUE(bad.err.contains("anthropic"));
}
