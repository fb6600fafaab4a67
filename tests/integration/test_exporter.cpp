// The Prometheus exporter end to end: the simulator as the LLM API, scrapes over real sockets,
// every answer linted by promtool, and a real Prometheus scraping it with the shipped example.
#include "core/cli/exportercommand.h"
#include "core/exporter/exporter.h"
#include "core/exporter/metricstext.h"
#include "core/sim/simulator.h"
#include "support/fixtureserver.h"
#include "support/servers.h"
#include "support/waiting.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <memory>
#include <signal.h>

using namespace llmdoctor::core;
using namespace llmdoctor::test;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kKey = "sk-exporter-test-7f3a9c2e5b1d4a8f6e0c";
const QString kKeyEnv = u"LLMDOCTOR_EXPORTER_TEST_KEY"_s;

// One scrape on its own connection, answered while the test's event loop runs.
class Scrape final
{
public:
    Scrape(quint16 port, const QByteArray &target, const QByteArray &headers = {},
           const QByteArray &method = "GET")
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket,
                         [this] { m_data += m_socket.readAll(); });
        QObject::connect(&m_socket, &QTcpSocket::disconnected, &m_socket, [this] { m_closed = true; });
        QObject::connect(&m_socket, &QTcpSocket::errorOccurred, &m_socket, [this] { m_closed = true; });
        QObject::connect(&m_socket, &QTcpSocket::connected, &m_socket, [this, method, target, headers] {
            m_socket.write(method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" +
                           headers + "\r\n");
        });
        m_clock.start();
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }
    bool wait(int timeoutMs = 20000)
    {
        const bool ok = waitFor([this] { return m_closed; }, timeoutMs);
        m_ms = m_clock.elapsed();
        return ok;
    }
    int status() const
    {
        const QList<QByteArray> first = m_data.left(m_data.indexOf("\r\n")).split(' ');
        return first.size() > 1 ? first.at(1).toInt() : 0;
    }
    QByteArray head() const { return m_data.left(m_data.indexOf("\r\n\r\n")); }
    QByteArray body() const
    {
        const qsizetype at = m_data.indexOf("\r\n\r\n");
        return at < 0 ? QByteArray() : m_data.mid(at + 4);
    }
    qint64 ms() const { return m_ms; }

private:
    QByteArray m_data;
    QElapsedTimer m_clock;
    qint64 m_ms = 0;
    bool m_closed = false;
    QTcpSocket m_socket; // last: destroyed first, while what its handlers touch still exists
};

struct Fetched
{
    int status = 0;
    QByteArray head, body;
    qint64 ms = 0;
};
Fetched fetch(quint16 port, const QByteArray &target, const QByteArray &headers = {}, int timeoutMs = 20000)
{
    Scrape s(port, target, headers);
    EXPECT_TRUE(s.wait(timeoutMs)) << target.toStdString();
    return {s.status(), s.head(), s.body(), s.ms()};
}

// The value of one series ("name{labels}" as written), or NaN when absent.
double value(const QByteArray &body, const QString &series)
{
    for (const QByteArray &line : body.split('\n')) {
        const QString l = QString::fromUtf8(line);
        if (l.startsWith(series + u' '))
            return l.mid(series.size() + 1).toDouble();
    }
    return std::nan("");
}

// promtool check metrics: "" when the answer parses and passes the lint, its complaints otherwise.
QString promtoolProblems(const QString &promtool, const QByteArray &body)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(promtool, {u"check"_s, u"metrics"_s});
    p.write(body);
    p.closeWriteChannel();
    if (!p.waitForFinished(20000))
        return u"promtool did not finish"_s;
    if (p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0)
        return {};
    return u"exit %1: %2"_s.arg(p.exitCode()).arg(QString::fromUtf8(p.readAll()));
}

QProcessEnvironment keyEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(kKeyEnv, QString::fromLatin1(kKey));
    return env;
}

QByteArray configJson(const QJsonObject &targets)
{
    return QJsonDocument(QJsonObject{{u"targets"_s, targets}}).toJson();
}

QJsonObject simTarget(const Simulator &sim, bool withKey = true)
{
    QJsonObject o{{u"provider"_s, u"openai"_s},
                  {u"base_url"_s, sim.baseUrl().toString()},
                  {u"model"_s, u"gpt-4o"_s},
                  {u"proxy"_s, u"none"_s},
                  {u"timeout"_s, 8}};
    if (withKey)
        o.insert(u"api_key_env"_s, kKeyEnv);
    else
        o.insert(u"provider"_s, u"llamacpp"_s); // a keyless local server
    return o;
}

// An exporter on a free loopback port over the given targets; its log lines are kept.
struct RunningExporter
{
    QStringList log; // before the exporter: its log handler writes here
    std::unique_ptr<Exporter> exporter;
    quint16 port = 0;

    bool start(const QByteArray &config, ExporterOptions options = {})
    {
        QString error;
        auto parsed = parseExporterConfig(config, &error);
        EXPECT_TRUE(parsed) << error.toStdString();
        if (!parsed)
            return false;
        options.port = 0;
        exporter = std::make_unique<Exporter>(*parsed, options);
        exporter->setEnvironment(keyEnvironment());
        exporter->setLog([this](const QString &line) { log << line; });
        EXPECT_TRUE(exporter->listen(&error)) << error.toStdString();
        port = exporter->port();
        return port != 0;
    }
};

SimulatorOptions keyedSimulator(Fault fault)
{
    SimulatorOptions o = faultOptions(fault);
    o.expectedKey = kKey;
    return o;
}

} // namespace

// ---- pure parts ---------------------------------------------------------------------------------

TEST(ExporterText, LabelValuesAreEscapedAndFormatsDiffer)
{
    EXPECT_EQ(MetricsText::escapeLabelValue(u"a\"b\\c\nd"_s), u"a\\\"b\\\\c\\nd"_s);
    MetricsText prom(MetricsFormat::Prometheus);
    prom.family(u"x_total"_s, MetricsText::Type::Counter, u"help"_s);
    prom.sample(u"x_total"_s, 3, {{u"l"_s, u"v"_s}});
    const QByteArray p = prom.finish();
    EXPECT_TRUE(p.contains("# TYPE x_total counter\nx_total{l=\"v\"} 3\n")) << p.toStdString();
    EXPECT_FALSE(p.contains("# EOF"));
    MetricsText om(MetricsFormat::OpenMetrics);
    om.family(u"x_total"_s, MetricsText::Type::Counter, u"help"_s);
    om.sample(u"x_total"_s, 0.25);
    const QByteArray o = om.finish();
    EXPECT_TRUE(o.contains("# TYPE x counter\nx_total 0.25\n")) << o.toStdString();
    EXPECT_TRUE(o.endsWith("# EOF\n"));
    EXPECT_EQ(metricsFormatFromAccept("application/openmetrics-text;version=1.0.0,text/plain;q=0.5"),
              MetricsFormat::OpenMetrics);
    EXPECT_EQ(metricsFormatFromAccept("text/plain"), MetricsFormat::Prometheus);
}

TEST(ExporterText, ConfigRefusesKeysAndBadNames)
{
    QString error;
    EXPECT_FALSE(parseExporterConfig(
        R"({"targets":{"a":{"base_url":"http://127.0.0.1:1/v1","api_key":"sk-x"}}})", &error));
    EXPECT_TRUE(error.contains(u"api_key_env"_s)) << error.toStdString();
    EXPECT_FALSE(error.contains(u"sk-x"_s));
    EXPECT_FALSE(parseExporterConfig(R"({"targets":{"a b":{"base_url":"http://127.0.0.1:1/v1"}}})", &error));
    EXPECT_FALSE(parseExporterConfig(R"({"targets":{"a":{"provider":"nope"}}})", &error));
    EXPECT_FALSE(parseExporterConfig(R"({"targets":{"a":{"base_url":"http://127.0.0.1:1/v1","timeout":-1}}})",
                                     &error));
    EXPECT_FALSE(parseExporterConfig(R"({"targets":{"a":{"base_url":"http://127.0.0.1:1/v1","colour":"x"}}})",
                                     &error));
    EXPECT_FALSE(parseExporterConfig("[1]", &error));
    const auto ok = parseExporterConfig(
        R"({"targets":{"openai":{"provider":"openai","api_key_env":"OPENAI_API_KEY","timeout":5}}})", &error);
    ASSERT_TRUE(ok) << error.toStdString();
    EXPECT_EQ(ok->targets.value(u"openai"_s).target.baseUrl.host(), u"api.openai.com"_s);
    EXPECT_EQ(ok->targets.value(u"openai"_s).target.timeoutMs, 5000);
    // The shipped example parses.
    QFile example(QStringLiteral(LLMDOCTOR_SOURCE_DIR) + u"/packaging/prometheus/exporter.json"_s);
    ASSERT_TRUE(example.open(QIODevice::ReadOnly));
    EXPECT_TRUE(parseExporterConfig(example.readAll(), &error)) << error.toStdString();
}

TEST(ExporterText, ListenAddressesStayOnLoopbackUnlessAsked)
{
    QString error;
    auto a = parseListenAddress(u"127.0.0.1:10115"_s, &error);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->first, QHostAddress(QHostAddress::LocalHost));
    EXPECT_EQ(a->second, 10115);
    a = parseListenAddress(u"9999"_s, &error);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->first, QHostAddress(QHostAddress::LocalHost));
    a = parseListenAddress(u"[::1]:80"_s, &error);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->first, QHostAddress(QHostAddress::LocalHostIPv6));
    a = parseListenAddress(u":10115"_s, &error);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->first, QHostAddress(QHostAddress::Any));
    EXPECT_FALSE(parseListenAddress(u"example.invalid:1"_s, &error));
    EXPECT_FALSE(parseListenAddress(u"127.0.0.1:99999"_s, &error));
}

// ---- against the simulator ----------------------------------------------------------------------

TEST(Exporter, HealthyTargetHasEverySeriesAndNoKey)
{
    LLMDOCTOR_REQUIRE_BINARY(promtool, "promtool");
    Simulator sim(keyedSimulator(Fault::None));
    ASSERT_TRUE(sim.start());
    RunningExporter ex;
    ASSERT_TRUE(ex.start(configJson({{u"healthy"_s, simTarget(sim)}})));
    const Fetched f = fetch(ex.port, "/probe?target=healthy");
    ASSERT_EQ(f.status, 200) << f.body.toStdString();
    EXPECT_TRUE(f.head.contains("text/plain; version=0.0.4")) << f.head.toStdString();
    const QByteArray &b = f.body;
    EXPECT_EQ(value(b, u"llmdoctor_probe_success"_s), 1) << b.toStdString();
    EXPECT_GT(value(b, u"llmdoctor_probe_duration_seconds"_s), 0);
    EXPECT_EQ(value(b, u"llmdoctor_http_status_code"_s), 200);
    EXPECT_EQ(value(b, u"llmdoctor_verdict_info{category=\"ok\",blame=\"none\"}"_s), 1);
    for (const QString &phase : {u"dns"_s, u"connect"_s, u"ttfb"_s, u"total"_s})
        EXPECT_GE(value(b, u"llmdoctor_phase_duration_seconds{phase=\"%1\"}"_s.arg(phase)), 0)
            << phase.toStdString();
    EXPECT_TRUE(std::isnan(value(b, u"llmdoctor_phase_duration_seconds{phase=\"tls\"}"_s))); // plain http
    EXPECT_EQ(value(b, u"llmdoctor_check_status{check=\"http\",status=\"pass\"}"_s), 1);
    EXPECT_EQ(value(b, u"llmdoctor_check_status{check=\"api_key\",status=\"pass\"}"_s), 1);
    EXPECT_EQ(value(b, u"llmdoctor_check_status{check=\"model\",status=\"pass\"}"_s), 1);
    // Never a paid request: the test request is skipped.
    EXPECT_EQ(value(b, u"llmdoctor_check_status{check=\"test_request\",status=\"skip\"}"_s), 1);
    EXPECT_FALSE(b.contains("llmdoctor_retry_after_seconds"));
    EXPECT_FALSE(b.contains("llmdoctor_tls_cert_expiry_timestamp_seconds"));
    EXPECT_EQ(promtoolProblems(promtool, b), QString());
    EXPECT_FALSE(b.contains(kKey) || b.contains(kKey.right(12)));
    EXPECT_FALSE(ex.log.join(u'\n').contains(QString::fromLatin1(kKey.right(12))));
    // Every label value of a bounded set: no URL, host or model anywhere.
    EXPECT_FALSE(b.contains("127.0.0.1")) << b.toStdString();
    EXPECT_FALSE(b.contains("gpt-4o"));

    // OpenMetrics when asked for.
    const Fetched om =
        fetch(ex.port, "/probe?target=healthy", "Accept: application/openmetrics-text; version=1.0.0\r\n");
    EXPECT_TRUE(om.head.contains("application/openmetrics-text")) << om.head.toStdString();
    EXPECT_TRUE(om.body.endsWith("# EOF\n"));
    EXPECT_EQ(promtoolProblems(promtool, om.body), QString());
}

TEST(Exporter, FailuresAreSeriesNotErrors)
{
    LLMDOCTOR_REQUIRE_BINARY(promtool, "promtool");
    Simulator badGateway(keyedSimulator(Fault::BadGateway));
    SimulatorOptions limited = keyedSimulator(Fault::RateLimit);
    limited.retryAfterSeconds = 17;
    Simulator rateLimit(limited);
    Simulator hang(keyedSimulator(Fault::Hang));
    Simulator tls(keyedSimulator(Fault::Tls));
    for (Simulator *s : {&badGateway, &rateLimit, &hang, &tls})
        ASSERT_TRUE(s->start());
    QJsonObject trusted = simTarget(tls);
    trusted.insert(u"ca_file"_s, QStringLiteral(LLMDOCTOR_SOURCE_DIR) + u"/resources/sim/selfsigned.crt"_s);
    RunningExporter ex;
    ASSERT_TRUE(ex.start(configJson({{u"bad-gateway"_s, simTarget(badGateway)},
                                     {u"rate-limit"_s, simTarget(rateLimit)},
                                     {u"hang"_s, simTarget(hang)},
                                     {u"tls-trusted"_s, trusted},
                                     {u"tls-untrusted"_s, simTarget(tls)}})));

    // All at once: different targets probe in parallel.
    Scrape s502(ex.port, "/probe?target=bad-gateway");
    Scrape s429(ex.port, "/probe?target=rate-limit");
    Scrape sHang(ex.port, "/probe?target=hang", "X-Prometheus-Scrape-Timeout-Seconds: 4\r\n");
    Scrape sTls(ex.port, "/probe?target=tls-trusted");
    Scrape sUntrusted(ex.port, "/probe?target=tls-untrusted");
    for (Scrape *s : {&s502, &s429, &sHang, &sTls, &sUntrusted})
        ASSERT_TRUE(s->wait());
    for (Scrape *s : {&s502, &s429, &sHang, &sTls, &sUntrusted}) {
        EXPECT_EQ(s->status(), 200) << s->body().toStdString();
        EXPECT_EQ(promtoolProblems(promtool, s->body()), QString());
        EXPECT_FALSE(s->body().contains(kKey.right(12)));
    }

    EXPECT_EQ(value(s502.body(), u"llmdoctor_probe_success"_s), 0);
    EXPECT_EQ(value(s502.body(), u"llmdoctor_http_status_code"_s), 502);
    EXPECT_TRUE(
        s502.body().contains("llmdoctor_verdict_info{category=\"gateway_error\",blame=\"provider\"} 1"))
        << s502.body().toStdString();
    EXPECT_EQ(value(s502.body(), u"llmdoctor_check_status{check=\"http\",status=\"fail\"}"_s), 1);

    EXPECT_EQ(value(s429.body(), u"llmdoctor_probe_success"_s), 0);
    EXPECT_EQ(value(s429.body(), u"llmdoctor_http_status_code"_s), 429);
    EXPECT_EQ(value(s429.body(), u"llmdoctor_retry_after_seconds"_s), 17);
    EXPECT_TRUE(s429.body().contains("category=\"rate_limited\"")) << s429.body().toStdString();

    // The scrape's timeout bounds the probe: answered before Prometheus would give up.
    EXPECT_LT(sHang.ms(), 4000);
    EXPECT_GT(sHang.ms(), 2000);
    EXPECT_EQ(value(sHang.body(), u"llmdoctor_probe_success"_s), 0);
    EXPECT_EQ(value(sHang.body(), u"llmdoctor_http_status_code"_s), 0);
    EXPECT_TRUE(sHang.body().contains("category=\"timeout\"")) << sHang.body().toStdString();

    EXPECT_EQ(value(sTls.body(), u"llmdoctor_probe_success"_s), 1) << sTls.body().toStdString();
    EXPECT_GE(value(sTls.body(), u"llmdoctor_phase_duration_seconds{phase=\"tls\"}"_s), 0);
    // The built-in certificate is valid until 2125.
    EXPECT_NEAR(value(sTls.body(), u"llmdoctor_tls_cert_expiry_timestamp_seconds"_s), 4891363200.0,
                86400 * 2);

    EXPECT_EQ(value(sUntrusted.body(), u"llmdoctor_probe_success"_s), 0);
    EXPECT_TRUE(sUntrusted.body().contains("category=\"tls_untrusted\"")) << sUntrusted.body().toStdString();
    EXPECT_EQ(value(sUntrusted.body(), u"llmdoctor_check_status{check=\"tls\",status=\"fail\"}"_s), 1);

    EXPECT_FALSE(ex.log.join(u'\n').contains(QString::fromLatin1(kKey.right(12))));
    // The exporter's own series count them.
    const Fetched m = fetch(ex.port, "/metrics");
    EXPECT_EQ(value(m.body, u"llmdoctor_exporter_probes_total{target=\"bad-gateway\",result=\"failure\"}"_s),
              1)
        << m.body.toStdString();
    EXPECT_EQ(value(m.body, u"llmdoctor_exporter_probes_total{target=\"tls-trusted\",result=\"success\"}"_s),
              1);
    EXPECT_EQ(value(m.body, u"llmdoctor_exporter_probes_in_flight"_s), 0);
    EXPECT_EQ(value(m.body, u"llmdoctor_exporter_probe_duration_seconds_count{target=\"hang\"}"_s), 1);
    EXPECT_EQ(promtoolProblems(promtool, m.body), QString());
    const Fetched index = fetch(ex.port, "/");
    EXPECT_EQ(index.status, 200);
    EXPECT_TRUE(index.body.contains("/probe?target=tls-untrusted"));
    EXPECT_TRUE(index.body.contains("gateway_error"));
}

TEST(Exporter, StatusPageIncidentIsASeries)
{
    Simulator sim(keyedSimulator(Fault::None));
    ASSERT_TRUE(sim.start());
    FixtureServer pages;
    ASSERT_TRUE(pages.start());
    ASSERT_TRUE(pages.file(u"/major/api/v2/summary.json"_s, u"statuspage_major.json"_s));
    ASSERT_TRUE(pages.file(u"/none/api/v2/summary.json"_s, u"statuspage_none.json"_s));
    QJsonObject incident = simTarget(sim), calm = simTarget(sim);
    incident.insert(u"status_url"_s, pages.url(u"/major/api/v2/summary.json"_s).toString());
    calm.insert(u"status_url"_s, pages.url(u"/none/api/v2/summary.json"_s).toString());
    RunningExporter ex;
    ASSERT_TRUE(
        ex.start(configJson({{u"incident"_s, incident}, {u"calm"_s, calm}, {u"nopage"_s, simTarget(sim)}})));
    const Fetched a = fetch(ex.port, "/probe?target=incident");
    EXPECT_EQ(value(a.body, u"llmdoctor_status_page_incident"_s), 1) << a.body.toStdString();
    const Fetched b = fetch(ex.port, "/probe?target=calm");
    EXPECT_EQ(value(b.body, u"llmdoctor_status_page_incident"_s), 0) << b.body.toStdString();
    EXPECT_EQ(value(b.body, u"llmdoctor_check_status{check=\"status_page\",status=\"pass\"}"_s), 1);
    // No page read: no series, rather than a reassuring 0.
    const Fetched c = fetch(ex.port, "/probe?target=nopage");
    EXPECT_FALSE(c.body.contains("llmdoctor_status_page_incident")) << c.body.toStdString();
}

TEST(Exporter, ProbesOfOneTargetNeverOverlapAndRespectTheMinimumInterval)
{
    SimulatorOptions o = keyedSimulator(Fault::None);
    o.delayMs = 400;
    Simulator sim(o);
    ASSERT_TRUE(sim.start());
    int modelRequests = 0;
    QObject::connect(&sim, &Simulator::requestServed, &sim, [&](const QString &, const QString &path, int) {
        if (path.endsWith(u"/models"_s))
            ++modelRequests;
    });
    ExporterOptions options;
    options.minIntervalS = 2;
    RunningExporter ex;
    ASSERT_TRUE(ex.start(configJson({{u"slow"_s, simTarget(sim)}}), options));
    Scrape a(ex.port, "/probe?target=slow");
    waitFor([] { return false; }, 100);
    Scrape b(ex.port, "/probe?target=slow");
    ASSERT_TRUE(a.wait());
    ASSERT_TRUE(b.wait());
    EXPECT_EQ(value(a.body(), u"llmdoctor_probe_success"_s), 1);
    EXPECT_EQ(a.body(), b.body()); // the second waited for the first's probe
    EXPECT_EQ(modelRequests, 1);
    // Within the minimum interval: the same answer again, no request to the provider.
    const Fetched c = fetch(ex.port, "/probe?target=slow");
    EXPECT_EQ(c.body, a.body());
    EXPECT_EQ(modelRequests, 1);
    const Fetched m = fetch(ex.port, "/metrics");
    EXPECT_EQ(value(m.body, u"llmdoctor_exporter_cached_answers_total{target=\"slow\"}"_s), 1);
    // After it, a new probe.
    waitFor([] { return false; }, 2100);
    const Fetched d = fetch(ex.port, "/probe?target=slow");
    EXPECT_EQ(value(d.body, u"llmdoctor_probe_success"_s), 1);
    EXPECT_EQ(modelRequests, 2);
}

TEST(Exporter, ConcurrencyAcrossTargetsIsBounded)
{
    SimulatorOptions o = faultOptions(Fault::None);
    o.delayMs = 300;
    Simulator sim(o);
    ASSERT_TRUE(sim.start());
    QJsonObject targets;
    for (int i = 0; i < 6; ++i)
        targets.insert(u"t%1"_s.arg(i), simTarget(sim, false));
    ExporterOptions options;
    options.maxConcurrentProbes = 2;
    RunningExporter ex;
    ASSERT_TRUE(ex.start(configJson(targets), options));
    int most = 0;
    QTimer watch;
    QObject::connect(&watch, &QTimer::timeout, &watch,
                     [&] { most = std::max(most, ex.exporter->probesInFlight()); });
    watch.start(10);
    std::vector<std::unique_ptr<Scrape>> scrapes;
    for (int i = 0; i < 6; ++i)
        scrapes.push_back(std::make_unique<Scrape>(ex.port, "/probe?target=t" + QByteArray::number(i)));
    for (auto &s : scrapes) {
        ASSERT_TRUE(s->wait());
        EXPECT_EQ(value(s->body(), u"llmdoctor_probe_success"_s), 1) << s->body().toStdString();
    }
    EXPECT_EQ(most, 2);
}

TEST(Exporter, AdhocBaseUrlTargetsAndBadRequests)
{
    Simulator sim(faultOptions(Fault::None));
    ASSERT_TRUE(sim.start());
    RunningExporter ex;
    ASSERT_TRUE(ex.start(configJson({})));
    const QByteArray url = QUrl::toPercentEncoding(sim.baseUrl().toString());
    const Fetched f = fetch(ex.port, "/probe?target=" + url + "&provider=llamacpp&model=gpt-4o");
    EXPECT_EQ(f.status, 200);
    EXPECT_EQ(value(f.body, u"llmdoctor_probe_success"_s), 1) << f.body.toStdString();
    const Fetched m = fetch(ex.port, "/metrics");
    EXPECT_EQ(value(m.body, u"llmdoctor_exporter_probes_total{target=\"adhoc\",result=\"success\"}"_s), 1)
        << m.body.toStdString();
    EXPECT_FALSE(m.body.contains(sim.baseUrl().host().toUtf8() + ':')); // no URL as a label

    // Whatever was asked for is never echoed: it might be a key.
    const Fetched unknown = fetch(ex.port, "/probe?target=" + kKey);
    EXPECT_EQ(unknown.status, 400);
    EXPECT_FALSE(unknown.body.contains(kKey.right(12)));
    EXPECT_EQ(fetch(ex.port, "/probe").status, 400);
    EXPECT_EQ(
        fetch(ex.port, "/probe?target=" + QUrl::toPercentEncoding(u"http://127.0.0.1:1/v1?key=x"_s)).status,
        400);
    EXPECT_EQ(fetch(ex.port, "/nothing").status, 404);
    Scrape post(ex.port, "/metrics", {}, "POST");
    ASSERT_TRUE(post.wait());
    EXPECT_EQ(post.status(), 405);
}

TEST(Exporter, SlowAndHostileClientsCannotHangIt)
{
    Simulator sim(faultOptions(Fault::None));
    ASSERT_TRUE(sim.start());
    ExporterOptions options;
    options.requestTimeoutMs = 500;
    RunningExporter ex;
    ASSERT_TRUE(ex.start(configJson({{u"t"_s, simTarget(sim, false)}}), options));

    // Half a request, then silence: dropped after the read deadline.
    // What the sockets' handlers touch is declared first, so it outlives them.
    bool slowClosed = false, silentClosed = false;
    QByteArray slowAnswer, answers;
    QTcpSocket slow;
    QObject::connect(&slow, &QTcpSocket::readyRead, &slow, [&] { slowAnswer += slow.readAll(); });
    QObject::connect(&slow, &QTcpSocket::disconnected, &slow, [&] { slowClosed = true; });
    slow.connectToHost(QHostAddress::LocalHost, ex.port);
    ASSERT_TRUE(waitFor([&] { return slow.state() == QAbstractSocket::ConnectedState; }, 3000));
    slow.write("GET /probe?target=t HTTP/1.1\r\nHost: x\r\n");
    // A silent connection that never sends a byte.
    QTcpSocket silent;
    QObject::connect(&silent, &QTcpSocket::disconnected, &silent, [&] { silentClosed = true; });
    silent.connectToHost(QHostAddress::LocalHost, ex.port);
    // Meanwhile the exporter serves others.
    const Fetched ok = fetch(ex.port, "/probe?target=t");
    EXPECT_EQ(value(ok.body, u"llmdoctor_probe_success"_s), 1);
    EXPECT_TRUE(waitFor([&] { return slowClosed && silentClosed; }, 3000));
    EXPECT_TRUE(slowAnswer.startsWith("HTTP/1.1 408")) << slowAnswer.toStdString();

    // Endless headers: refused once past the parser's bound.
    const Fetched big = fetch(ex.port, "/metrics", "X-Filler: " + QByteArray(70 * 1024, 'a') + "\r\n");
    EXPECT_EQ(big.status, 431);
    // A body where none belongs.
    const Fetched body = fetch(ex.port, "/metrics", "Content-Length: 100000\r\n");
    EXPECT_EQ(body.status, 413);

    // Two requests in one write on a kept-alive connection: both answered, in order.
    QTcpSocket pipelined;
    QObject::connect(&pipelined, &QTcpSocket::readyRead, &pipelined, [&] { answers += pipelined.readAll(); });
    pipelined.connectToHost(QHostAddress::LocalHost, ex.port);
    ASSERT_TRUE(waitFor([&] { return pipelined.state() == QAbstractSocket::ConnectedState; }, 3000));
    pipelined.write(
        "GET /probe?target=t HTTP/1.1\r\nHost: x\r\n\r\nGET /metrics HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_TRUE(waitFor([&] { return answers.contains("llmdoctor_exporter_probes_total"); }, 5000))
        << answers.toStdString();
    EXPECT_EQ(answers.count("HTTP/1.1 200 OK"), 2);
    EXPECT_LT(answers.indexOf("llmdoctor_probe_success"), answers.indexOf("llmdoctor_exporter_probes_total"));
}

// ---- the real binary, the shipped files, a real Prometheus --------------------------------------

TEST(ExporterCli, RunsUntilSigtermAndKeepsTheKeyOutOfItsLog)
{
    Simulator sim(keyedSimulator(Fault::None));
    ASSERT_TRUE(sim.start());
    QTemporaryDir dir;
    QFile config(dir.filePath(u"exporter.json"_s));
    ASSERT_TRUE(config.open(QIODevice::WriteOnly));
    config.write(configJson({{u"sim"_s, simTarget(sim)}}));
    config.close();
    const quint16 port = freePort();
    QProcess p;
    p.setProcessEnvironment(keyEnvironment());
    p.start(QStringLiteral(LLMDOCTOR_BINARY),
            {u"exporter"_s, u"--listen"_s, u"127.0.0.1:%1"_s.arg(port), u"--config"_s, config.fileName()});
    ASSERT_TRUE(p.waitForStarted(5000));
    QTcpSocket probe;
    ASSERT_TRUE(waitFor(
        [&] {
            probe.abort();
            probe.connectToHost(QHostAddress::LocalHost, port);
            return probe.waitForConnected(100);
        },
        10000));
    probe.abort();
    const Fetched f = fetch(port, "/probe?target=sim");
    EXPECT_EQ(value(f.body, u"llmdoctor_probe_success"_s), 1) << f.body.toStdString();
    ::kill(pid_t(p.processId()), SIGTERM);
    ASSERT_TRUE(waitFor([&] { return p.state() == QProcess::NotRunning; }, 5000));
    EXPECT_EQ(p.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(p.exitCode(), 0);
    const QByteArray log = p.readAllStandardError() + p.readAllStandardOutput();
    EXPECT_TRUE(log.contains("listening on http://127.0.0.1:")) << log.toStdString();
    EXPECT_TRUE(log.contains("stopped"));
    EXPECT_FALSE(log.contains(kKey.right(12)));

    const CliRun bad = runCli({u"exporter"_s, u"--listen"_s, u"nowhere"_s});
    EXPECT_EQ(bad.exitCode, 2);
    const CliRun help = runCli({u"exporter"_s, u"--help"_s});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.out.contains("10115"));
}

TEST(ExporterPackaging, PromtoolAcceptsTheExampleConfigAndRules)
{
    LLMDOCTOR_REQUIRE_BINARY(promtool, "promtool");
    const QString dir = QStringLiteral(LLMDOCTOR_SOURCE_DIR) + u"/packaging/prometheus"_s;
    for (const QStringList &args : {QStringList{u"check"_s, u"config"_s, dir + u"/prometheus.yml"_s},
                                    QStringList{u"check"_s, u"rules"_s, dir + u"/llmdoctor-alerts.yml"_s}}) {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(promtool, args);
        ASSERT_TRUE(p.waitForFinished(30000));
        EXPECT_EQ(p.exitCode(), 0) << args.join(u' ').toStdString() << ": " << p.readAll().toStdString();
    }
    QFile dashboard(dir + u"/grafana-dashboard.json"_s);
    ASSERT_TRUE(dashboard.open(QIODevice::ReadOnly));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(dashboard.readAll(), &error);
    ASSERT_EQ(error.error, QJsonParseError::NoError) << error.errorString().toStdString();
    EXPECT_GE(doc.object().value(u"panels"_s).toArray().size(), 6);
}

TEST(ExporterPrometheus, ARealPrometheusScrapesTheExporter)
{
    LLMDOCTOR_REQUIRE_BINARY(prometheus, "prometheus");
    Simulator healthy(keyedSimulator(Fault::None));
    Simulator broken(keyedSimulator(Fault::BadGateway));
    ASSERT_TRUE(healthy.start());
    ASSERT_TRUE(broken.start());
    // The example's target names, pointed at the simulators.
    RunningExporter ex;
    ExporterOptions options;
    options.minIntervalS = 0;
    ASSERT_TRUE(ex.start(configJson({{u"openai"_s, simTarget(healthy)}, {u"local-llm"_s, simTarget(broken)}}),
                         options));

    // The shipped example, with this exporter's port and a 1 s scrape interval.
    QTemporaryDir dir;
    const QString src = QStringLiteral(LLMDOCTOR_SOURCE_DIR) + u"/packaging/prometheus/"_s;
    QFile example(src + u"prometheus.yml"_s);
    ASSERT_TRUE(example.open(QIODevice::ReadOnly));
    QString yml = QString::fromUtf8(example.readAll());
    yml.replace(u"127.0.0.1:10115"_s, u"127.0.0.1:%1"_s.arg(ex.port));
    yml.replace(u"scrape_interval: 15s"_s, u"scrape_interval: 1s"_s);
    yml.replace(u"evaluation_interval: 15s"_s, u"evaluation_interval: 1s"_s);
    yml.replace(u"scrape_timeout: 10s"_s, u"scrape_timeout: 1s"_s);
    QFile config(dir.filePath(u"prometheus.yml"_s));
    ASSERT_TRUE(config.open(QIODevice::WriteOnly));
    config.write(yml.toUtf8());
    config.close();
    ASSERT_TRUE(QFile::copy(src + u"llmdoctor-alerts.yml"_s, dir.filePath(u"llmdoctor-alerts.yml"_s)));

    const quint16 port = freePort();
    QProcess prom;
    prom.setProcessChannelMode(QProcess::MergedChannels);
    prom.setWorkingDirectory(dir.path());
    prom.start(prometheus,
               {u"--config.file="_s + config.fileName(), u"--storage.tsdb.path="_s + dir.filePath(u"data"_s),
                u"--web.listen-address=127.0.0.1:%1"_s.arg(port), u"--log.level=warn"_s});
    ASSERT_TRUE(prom.waitForStarted(5000));
    auto stopPrometheus = qScopeGuard([&prom] {
        prom.kill();
        prom.waitForFinished(5000);
    });

    // Ask Prometheus's HTTP API until both targets' series are there (the event loop keeps
    // running, so the exporter answers Prometheus's scrapes meanwhile).
    QJsonArray result;
    const bool found = waitFor(
        [&] {
            Scrape q(port, "/api/v1/query?query=" + QUrl::toPercentEncoding(u"llmdoctor_probe_success"_s));
            if (!q.wait(3000) || q.status() != 200)
                return false;
            result = QJsonDocument::fromJson(q.body())
                         .object()
                         .value(u"data"_s)
                         .toObject()
                         .value(u"result"_s)
                         .toArray();
            return result.size() == 2;
        },
        40000);
    ASSERT_TRUE(found) << QString::fromUtf8(prom.readAll()).toStdString();
    QMap<QString, QString> byInstance;
    for (const QJsonValue &r : result) {
        const QJsonObject metric = r.toObject().value(u"metric"_s).toObject();
        EXPECT_EQ(metric.value(u"job"_s).toString(), u"llmdoctor"_s);
        EXPECT_EQ(metric.value(u"site"_s).toString(), u"this-machine"_s);
        byInstance.insert(metric.value(u"instance"_s).toString(),
                          r.toObject().value(u"value"_s).toArray().at(1).toString());
    }
    EXPECT_EQ(byInstance.value(u"openai"_s), u"1"_s);
    EXPECT_EQ(byInstance.value(u"local-llm"_s), u"0"_s);
    // The shipped alerting rules are loaded and evaluated.
    Scrape rules(port, "/api/v1/rules");
    ASSERT_TRUE(rules.wait(5000));
    for (const char *alert : {"LlmApiDown", "LlmApiSlowFirstByte", "LlmProviderStatusIncident"})
        EXPECT_TRUE(rules.body().contains(alert)) << alert << ": " << rules.body().toStdString();
    // The verdict as labels, and the exporter's own job.
    Scrape verdict(port, "/api/v1/query?query=" +
                             QUrl::toPercentEncoding(u"llmdoctor_verdict_info{instance=\"local-llm\"}"_s));
    ASSERT_TRUE(verdict.wait(5000));
    EXPECT_TRUE(verdict.body().contains("\"category\":\"gateway_error\"")) << verdict.body().toStdString();
    EXPECT_TRUE(waitFor(
        [&] {
            Scrape own(port, "/api/v1/query?query=" +
                                 QUrl::toPercentEncoding(u"llmdoctor_exporter_probes_total"_s));
            return own.wait(3000) && own.body().contains("\"result\":\"success\"");
        },
        10000));
}

TEST(ExporterTextfile, MonitorWritesTheSeriesForNodeExporterAtomically)
{
    LLMDOCTOR_REQUIRE_BINARY(promtool, "promtool");
    SimulatorOptions o = faultOptions(Fault::RateLimit);
    o.retryAfterSeconds = 9;
    Simulator sim(o);
    ASSERT_TRUE(sim.start());
    QTemporaryDir dir;
    const QString file = dir.filePath(u"llmdoctor.prom"_s);
    const CliRun r = runCli({u"monitor"_s, u"--base-url"_s, sim.baseUrl().toString(), u"--proxy"_s, u"none"_s,
                             u"--interval"_s, u"0.3"_s, u"--duration"_s, u"1"_s, u"--format"_s,
                             u"openmetrics"_s, u"--output"_s, file});
    EXPECT_EQ(r.exitCode, 1) << r.err.toStdString(); // every probe failed
    QFile f(file);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    const QString label = u"{target=\"127.0.0.1:%1\"}"_s.arg(sim.port());
    EXPECT_EQ(value(text, u"llmdoctor_probe_success"_s + label), 0) << text.toStdString();
    EXPECT_EQ(value(text, u"llmdoctor_http_status_code"_s + label), 429);
    EXPECT_EQ(value(text, u"llmdoctor_retry_after_seconds"_s + label), 9);
    EXPECT_TRUE(text.contains("llmdoctor_verdict_info{target=\"127.0.0.1:" + QByteArray::number(sim.port()) +
                              "\",category=\"rate_limited\""));
    EXPECT_TRUE(text.endsWith("# EOF\n"));
    EXPECT_EQ(promtoolProblems(promtool, text), QString());
    // Only the file itself: no temporary left behind for the collector to trip over.
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files), QStringList{u"llmdoctor.prom"_s});

    const CliRun noOutput =
        runCli({u"monitor"_s, u"--base-url"_s, sim.baseUrl().toString(), u"--format"_s, u"openmetrics"_s});
    EXPECT_EQ(noOutput.exitCode, 2);
}
