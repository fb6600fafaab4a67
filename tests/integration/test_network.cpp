// An unstable network, built for real: network namespaces for a client, one or two routers and a
// server, veth pairs, routes and forwarding, nftables dropping a share of what a router forwards
// (loss) or the API port only (a firewall). The real binary runs inside the client namespace;
// only addresses inside these namespaces are probed. Needs root: skipped without, except under CI.
#include "core/path/pathresult.h"
#include "support/jsonschema.h"
#include "support/servers.h"
#include "support/testnetwork.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>
#include <gtest/gtest.h>
#include <iostream>
#include <unistd.h>

using namespace llmdoctor::test;
using namespace Qt::StringLiterals;

namespace {

constexpr quint16 apiPort = 8080;

#define MAKE_NETWORK(net, routers)                                                                           \
    TestNetwork net;                                                                                         \
    do {                                                                                                     \
        QString why;                                                                                         \
        if (geteuid() != 0)                                                                                  \
            why = u"network namespaces need root"_s;                                                         \
        else if (!net.create(routers, &why))                                                                 \
            why = u"cannot build the test network: "_s + why;                                                \
        if (!why.isEmpty()) {                                                                                \
            if (underCi())                                                                                   \
                FAIL() << why.toStdString();                                                                 \
            GTEST_SKIP() << why.toStdString();                                                               \
        }                                                                                                    \
    } while (false)

// The simulator in the server namespace, listening on the server's address.
bool startApi(TestNetwork &net, QString *error)
{
    QProcess *p = net.startIn(net.serverNs(), QStringLiteral(LLMDOCTOR_BINARY),
                              {u"simulate"_s, u"--fault"_s, u"none"_s, u"--listen"_s, net.serverAddress(),
                               u"--port"_s, QString::number(apiPort)});
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 10000) {
        p->waitForReadyRead(200);
        if (p->readAllStandardOutput().contains("llmdoctor simulator"))
            return true;
        if (p->state() == QProcess::NotRunning)
            break;
    }
    *error = u"the simulator did not start: "_s + QString::fromLocal8Bit(p->readAllStandardError());
    return false;
}

QStringList targetArgs(const TestNetwork &net)
{
    return {u"--base-url"_s, u"http://%1:%2/v1"_s.arg(net.serverAddress()).arg(apiPort), u"--proxy"_s,
            u"none"_s};
}

QJsonObject runJson(TestNetwork &net, const QStringList &args, int timeoutMs, int *exitCode = nullptr)
{
    QByteArray out, err;
    const int code = net.runIn(net.clientNs(), QStringLiteral(LLMDOCTOR_BINARY), args, &out, &err, timeoutMs);
    if (exitCode)
        *exitCode = code;
    const QJsonObject o = QJsonDocument::fromJson(out).object();
    EXPECT_FALSE(o.isEmpty()) << "exit " << code << "\n" << out.toStdString() << err.toStdString();
    return o;
}

// A monitor run in the client namespace, started now and read by monitorResult().
QProcess *startMonitor(TestNetwork &net, const QStringList &args, double durationS)
{
    return net.startIn(net.clientNs(), QStringLiteral(LLMDOCTOR_BINARY),
                       QStringList{u"monitor"_s} + args +
                           QStringList{u"--interval"_s, u"0.2"_s, u"--duration"_s, QString::number(durationS),
                                       u"--timeout"_s, u"10"_s, u"--format"_s, u"json"_s});
}

QJsonObject monitorResult(QProcess *p, int timeoutMs)
{
    const bool done = p->waitForFinished(timeoutMs);
    const QByteArray out = p->readAllStandardOutput();
    const QJsonObject o = QJsonDocument::fromJson(out).object();
    EXPECT_TRUE(done && !o.isEmpty()) << "exit " << p->exitCode() << "\n"
                                      << out.toStdString() << p->readAllStandardError().toStdString();
    return o;
}

QString signaturesText(const QJsonObject &run)
{
    return QString::fromUtf8(QJsonDocument(run.value(u"signatures"_s).toArray()).toJson()) +
           QString::fromUtf8(QJsonDocument(run.value(u"stats"_s).toObject()).toJson());
}

QJsonObject findKind(const QJsonArray &signatures, const QString &kind)
{
    for (const QJsonValue &v : signatures) {
        if (v.toObject().value(u"kind"_s).toString() == kind)
            return v.toObject();
    }
    return {};
}

} // namespace

// A link that drops one packet in ten, both ways: connects that end ~1 s late are SYN (or SYN-ACK)
// retransmissions. A probe that loses its handshake's first round waits a second, so a monitor at
// the fastest interval makes only ~2 probes a second, and one estimate from 75 s (~155 probes) has a
// standard deviation of ~0.017: the factor-of-two bound would sit 3 of them away. Three monitors run
// at once instead (the router drops each packet on its own: independent samples); each must find the
// loss near the rate, and their mean — 225 s of monitoring in 80 s — within a factor of two of it,
// 5 standard deviations clear. The estimator itself is unbiased (TimingSignatures.PacketLossShareIsUnbiased).
TEST(UnstableNetwork, MonitorFindsPacketLossAndItsShare)
{
    MAKE_NETWORK(net, 1);
    QString error;
    ASSERT_TRUE(startApi(net, &error)) << error.toStdString();
    ASSERT_TRUE(net.addLoss(1, 0.10, &error)) << error.toStdString();
    QElapsedTimer t;
    t.start();
    std::vector<QProcess *> monitors;
    for (int i = 0; i < 3; ++i)
        monitors.push_back(startMonitor(net, targetArgs(net), 75));
    double sum = 0;
    for (QProcess *m : monitors) {
        const QJsonObject run = monitorResult(m, std::max(1000, 100000 - int(t.elapsed())));
        const QJsonObject loss = findKind(run.value(u"signatures"_s).toArray(), u"packet_loss"_s);
        ASSERT_FALSE(loss.isEmpty()) << signaturesText(run).toStdString();
        const double share = loss.value(u"share"_s).toDouble();
        std::cout << "[ info     ] packet_loss share " << share << ", count "
                  << loss.value(u"count"_s).toInt() << " of "
                  << run.value(u"stats"_s).toObject().value(u"probes"_s).toInt()
                  << " probes (10 % dropped)\n";
        sum += share;
        EXPECT_GE(share, 0.03) << share; // one run alone: 4 standard deviations
        EXPECT_LE(share, 0.30) << share;
        EXPECT_GE(loss.value(u"count"_s).toInt(), 5);
        EXPECT_TRUE(loss.value(u"likely"_s).toString().contains(u"your connection to the server loses"_s));
        EXPECT_TRUE(loss.value(u"advice"_s).toString().contains(u"internet provider"_s));
    }
    const double mean = sum / 3;
    std::cout << "[ info     ] mean share " << mean << " after " << t.elapsed() << " ms\n";
    EXPECT_GE(mean, 0.05) << mean; // within a factor of two of the 10 % dropped
    EXPECT_LE(mean, 0.20) << mean;
}

// A proxy in front of the lossy link (squid in the client's namespace, as in an office): our own
// connects reach the proxy at once, so loss shows only in the answers, which come a retransmission
// timeout late when the proxy's connect upstream lost its SYN or SYN-ACK. The proxy opens a new
// connection for every request here (server_persistent_connections off); one that keeps them open
// hides the handshakes, and lost data packets cost an RTO that depends on the round trip.
TEST(UnstableNetwork, MonitorThroughAProxyFindsLossInTheAnswers)
{
    LLMDOCTOR_REQUIRE_BINARY(squid, "squid");
    MAKE_NETWORK(net, 1);
    QString error;
    ASSERT_TRUE(startApi(net, &error)) << error.toStdString();
    ASSERT_TRUE(net.addLoss(1, 0.10, &error)) << error.toStdString();

    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QFile::setPermissions(dir.path(), QFileDevice::Permissions(0x7777)); // squid works as its own user
    const QString service = u"llmdoctorns%1"_s.arg(getpid());
    QFile conf(dir.filePath(u"squid.conf"_s));
    ASSERT_TRUE(conf.open(QIODevice::WriteOnly));
    conf.write(u"http_port 127.0.0.1:3128\n"
               "http_access allow localhost\n"
               "http_access deny all\n"
               "server_persistent_connections off\n"
               "pinger_enable off\n"
               "visible_hostname llmdoctor-test\n"
               "pid_filename {dir}/squid.pid\n"
               "cache_log {dir}/cache.log\n"
               "access_log stdio:{dir}/access.log\n"
               "cache deny all\n"
               "cache_mem 8 MB\n"
               "shutdown_lifetime 0 seconds\n"
               "coredump_dir {dir}\n"_s.replace(u"{dir}"_s, dir.path())
                   .toUtf8());
    conf.close();
    struct ShmCleanup
    {
        QString service;
        ~ShmCleanup()
        {
            const QDir shm(u"/dev/shm"_s);
            for (const QString &name : shm.entryList({service + u"-*"_s}, QDir::Files))
                QFile::remove(shm.filePath(name));
        }
    } cleanup{service};
    QProcess *proxy =
        net.startIn(net.clientNs(), squid, {u"-N"_s, u"-n"_s, service, u"-f"_s, conf.fileName()});
    QByteArray log;
    QElapsedTimer started;
    started.start();
    while (!log.contains("Accepting HTTP Socket connections") && started.elapsed() < 20000 &&
           proxy->state() != QProcess::NotRunning) {
        QThread::msleep(100);
        QFile f(dir.filePath(u"cache.log"_s));
        if (f.open(QIODevice::ReadOnly))
            log = f.readAll();
    }
    ASSERT_TRUE(log.contains("Accepting HTTP Socket connections")) << log.toStdString();

    QElapsedTimer t;
    t.start();
    QStringList args = targetArgs(net);
    args[args.indexOf(u"--proxy"_s) + 1] = u"http://127.0.0.1:3128"_s;
    const QJsonObject run = monitorResult(startMonitor(net, args, 60), 90000);
    const QJsonObject loss = findKind(run.value(u"signatures"_s).toArray(), u"packet_loss"_s);
    ASSERT_FALSE(loss.isEmpty()) << signaturesText(run).toStdString();
    const double share = loss.value(u"share"_s).toDouble();
    std::cout << "[ info     ] through the proxy: packet_loss share " << share << ", count "
              << loss.value(u"count"_s).toInt() << " of "
              << run.value(u"stats"_s).toObject().value(u"probes"_s).toInt() << " probes in " << t.elapsed()
              << " ms (10 % dropped)\n";
    EXPECT_GE(share, 0.03) << share;
    EXPECT_LE(share, 0.30) << share;
    EXPECT_GE(loss.value(u"count"_s).toInt(), 5);
    EXPECT_TRUE(loss.value(u"likely"_s).toString().contains(u"between your proxy and the server"_s))
        << loss.value(u"likely"_s).toString().toStdString();
}

// A clean network: neither loss nor jitter, though the monitor has plenty to look at.
TEST(UnstableNetwork, CleanNetworkShowsNoJitterOrLoss)
{
    MAKE_NETWORK(net, 1);
    QString error;
    ASSERT_TRUE(startApi(net, &error)) << error.toStdString();
    const QJsonObject run = monitorResult(startMonitor(net, targetArgs(net), 12), 40000);
    EXPECT_GE(run.value(u"stats"_s).toObject().value(u"probes"_s).toInt(), 40);
    EXPECT_TRUE(findKind(run.value(u"signatures"_s).toArray(), u"jitter"_s).isEmpty())
        << signaturesText(run).toStdString();
    EXPECT_TRUE(findKind(run.value(u"signatures"_s).toArray(), u"packet_loss"_s).isEmpty())
        << signaturesText(run).toStdString();
}

// Every packet towards the server delayed 40 ± 30 ms, each on its own (as netem would, through a TUN
// device): round trips that vary by ~50 ms while the simulator answers in a millisecond.
TEST(UnstableNetwork, MonitorFindsJitter)
{
    MAKE_NETWORK(net, 1);
    QString error;
    ASSERT_TRUE(startApi(net, &error)) << error.toStdString();
    ASSERT_TRUE(net.addDelay(1, 40, 30, &error)) << error.toStdString();
    const QJsonObject run = monitorResult(startMonitor(net, targetArgs(net), 12), 40000);
    EXPECT_GE(run.value(u"stats"_s).toObject().value(u"probes"_s).toInt(), 30);
    const QJsonObject jitter = findKind(run.value(u"signatures"_s).toArray(), u"jitter"_s);
    ASSERT_FALSE(jitter.isEmpty()) << signaturesText(run).toStdString();
    std::cout << "[ info     ] jitter " << jitter.value(u"seconds"_s).toDouble() << " s\n";
    EXPECT_GE(jitter.value(u"seconds"_s).toDouble(), 0.025); // p90 - p10 of 10..70 ms: 48 ms
    EXPECT_LE(jitter.value(u"seconds"_s).toDouble(), 0.090);
    EXPECT_TRUE(jitter.value(u"likely"_s).toString().contains(u"unsteady"_s));
    EXPECT_TRUE(findKind(run.value(u"signatures"_s).toArray(), u"packet_loss"_s).isEmpty())
        << signaturesText(run).toStdString();
}

// Loss made on router 1 starts at hop 2 (router 1 answers for itself; what it forwards is lost).
// Router 1 drops both ways, so a probe beyond it comes back with chance 0.7² = 0.49: over 16 probes a
// hop stays silent throughout with chance 0.51¹⁶ ≈ 2·10⁻⁵, and loses none with 0.49¹⁶ ≈ 10⁻⁵. (At 40 %
// and 10 probes one of the two hops stayed silent in about one run of 45; a full test run hit it.)
TEST(UnstableNetwork, PathShowsEveryHopAndWhereLossStarts)
{
    MAKE_NETWORK(net, 2);
    QString error;
    ASSERT_TRUE(net.addLoss(1, 0.30, &error)) << error.toStdString();
    int code = -1;
    const QJsonObject path = runJson(net,
                                     QStringList{u"path"_s} + targetArgs(net) +
                                         QStringList{u"--probes"_s, u"16"_s, u"--format"_s, u"json"_s},
                                     60000, &code);
    EXPECT_EQ(code, 1); // loss found
    EXPECT_EQ(path.value(u"schema"_s).toString(), u"llmdoctor.path/1"_s);
    EXPECT_EQ(path.value(u"destination"_s).toString(), net.serverAddress());
    EXPECT_TRUE(path.value(u"reached"_s).toBool());
    const QJsonArray hops = path.value(u"hops"_s).toArray();
    ASSERT_EQ(hops.size(), 3) << QJsonDocument(path).toJson().toStdString();
    const QStringList expected{net.routerAddress(1), net.routerAddress(2), net.serverAddress()};
    for (int i = 0; i < 3; ++i) {
        const QJsonObject h = hops[i].toObject();
        EXPECT_EQ(h.value(u"ttl"_s).toInt(), i + 1);
        EXPECT_EQ(h.value(u"address"_s).toString(), expected[i]);
        EXPECT_EQ(h.value(u"sent"_s).toInt(), 16);
        EXPECT_TRUE(h.value(u"rtt_ms"_s).toObject().value(u"p50"_s).isDouble());
    }
    EXPECT_EQ(hops[0].toObject().value(u"lost"_s).toInt(), 0);
    EXPECT_GE(hops[1].toObject().value(u"lost"_s).toInt(), 1);
    EXPECT_GE(hops[2].toObject().value(u"lost"_s).toInt(), 1);

    // The text form reads it as an expert would.
    QByteArray out;
    net.runIn(net.clientNs(), QStringLiteral(LLMDOCTOR_BINARY),
              QStringList{u"path"_s} + targetArgs(net) + QStringList{u"--probes"_s, u"16"_s}, &out, nullptr,
              60000);
    EXPECT_TRUE(out.contains("from hop 2 (10.77.2.2) on")) << out.toStdString();
}

// Where the system allows unprivileged ping sockets, the path uses them.
TEST(UnstableNetwork, PathUsesPingSocketsWhereAllowed)
{
    MAKE_NETWORK(net, 1);
    QByteArray err;
    ASSERT_EQ(net.runIn(net.clientNs(), u"sysctl"_s, {u"-qw"_s, u"net.ipv4.ping_group_range=0 2147483647"_s},
                        nullptr, &err, 5000),
              0)
        << err.toStdString();
    int code = -1;
    const QJsonObject path = runJson(net,
                                     QStringList{u"path"_s} + targetArgs(net) +
                                         QStringList{u"--probes"_s, u"3"_s, u"--format"_s, u"json"_s},
                                     30000, &code);
    EXPECT_EQ(code, 0);
    EXPECT_EQ(path.value(u"method"_s).toString(), u"icmp"_s);
    EXPECT_TRUE(path.value(u"reached"_s).toBool());
    const QJsonArray hops = path.value(u"hops"_s).toArray();
    ASSERT_EQ(hops.size(), 2) << QJsonDocument(path).toJson().toStdString();
    EXPECT_EQ(hops[0].toObject().value(u"address"_s).toString(), net.routerAddress(1));
    EXPECT_EQ(hops[1].toObject().value(u"address"_s).toString(), net.serverAddress());
    EXPECT_EQ(hops[1].toObject().value(u"lost"_s).toInt(), 0);
}

QJsonObject checkById(const QJsonObject &report, const QString &id)
{
    for (const QJsonValue &v : report.value(u"checks"_s).toArray()) {
        if (v.toObject().value(u"id"_s).toString() == id)
            return v.toObject();
    }
    return {};
}

// A clean network: the burst of connects and the path find nothing, and the verdict is "ok".
TEST(UnstableNetwork, CleanNetworkGivesNoLossFinding)
{
    MAKE_NETWORK(net, 2);
    QString error;
    ASSERT_TRUE(startApi(net, &error)) << error.toStdString();
    QElapsedTimer t;
    t.start();
    int code = -1;
    const QJsonObject report =
        runJson(net,
                QStringList{u"diagnose"_s} + targetArgs(net) +
                    QStringList{u"--check-path"_s, u"--timeout"_s, u"20"_s, u"--format"_s, u"json"_s},
                40000, &code);
    std::cout << "[ info     ] diagnose --check-path on a clean 3-hop network: " << t.elapsed() << " ms\n";
    EXPECT_EQ(code, 0);
    EXPECT_EQ(report.value(u"verdict"_s).toObject().value(u"category"_s).toString(), u"ok"_s);
    EXPECT_EQ(checkById(report, u"loss"_s).value(u"status"_s).toString(), u"pass"_s);
    EXPECT_EQ(checkById(report, u"path"_s).value(u"status"_s).toString(), u"pass"_s);
    const QJsonObject path = report.value(u"path"_s).toObject();
    EXPECT_TRUE(path.value(u"reached"_s).toBool());
    EXPECT_EQ(path.value(u"hops"_s).toArray().size(), 3);
    for (const QJsonValue &h : path.value(u"hops"_s).toArray())
        EXPECT_EQ(h.toObject().value(u"lost"_s).toInt(), 0);
    EXPECT_EQ(schemaViolations(report, loadSchema(u"docs/report.schema.json"_s)), QStringList());
}

// A firewall on the way drops the API's port only: the path reaches the host, connects get no answer.
TEST(UnstableNetwork, FirewallBlockingTheApiPortIsNamed)
{
    MAKE_NETWORK(net, 1);
    QString error;
    ASSERT_TRUE(startApi(net, &error)) << error.toStdString();
    ASSERT_TRUE(net.blockTcpPort(1, apiPort, &error)) << error.toStdString();
    int code = -1;
    const QJsonObject report =
        runJson(net,
                QStringList{u"diagnose"_s} + targetArgs(net) +
                    QStringList{u"--check-path"_s, u"--timeout"_s, u"15"_s, u"--format"_s, u"json"_s},
                40000, &code);
    EXPECT_EQ(code, 1);
    const QJsonObject verdict = report.value(u"verdict"_s).toObject();
    EXPECT_EQ(verdict.value(u"category"_s).toString(), u"connect_timeout"_s);
    EXPECT_TRUE(verdict.value(u"headline"_s).toString().contains(u"firewall blocks port 8080"_s))
        << verdict.value(u"headline"_s).toString().toStdString();
    EXPECT_TRUE(report.value(u"path"_s).toObject().value(u"reached"_s).toBool());
}
