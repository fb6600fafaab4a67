// The exporter under a Prometheus-like load: N targets (default 50), each scraped every 15 s
// with the scrapes spread over the interval, for D seconds (default 60), all on 127.0.0.1.
// The exporter is the real binary in a process of its own, so its CPU time and memory are its
// own; the simulator and this scraper run here. Prints the exporter's CPU share, its memory per
// target, and one probe's cost against one curl of the same server.
// Usage: exporter_load [targets] [seconds] [interval_s] [http|https]
#include "core/sim/simulator.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <memory>
#include <unistd.h>

using namespace llmdoctor::core;
using namespace Qt::StringLiterals;

namespace {

QTextStream out(stdout);

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

void runEvents(int ms)
{
    QDeadlineTimer d(ms);
    while (!d.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 10);
}

// utime + stime in seconds, and resident memory in bytes, of a process.
struct ProcStat
{
    double cpuS = 0;
    double rssBytes = 0;
};
ProcStat procStat(qint64 pid)
{
    QFile f(u"/proc/%1/stat"_s.arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray line = f.readAll();
    const QList<QByteArray> v = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (v.size() < 22)
        return {};
    return {(v.at(11).toDouble() + v.at(12).toDouble()) / double(sysconf(_SC_CLK_TCK)),
            v.at(21).toDouble() * double(sysconf(_SC_PAGESIZE))};
}

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return -1;
    std::sort(v.begin(), v.end());
    return v.at(std::min<qsizetype>(v.size() - 1, qsizetype(p * double(v.size()))));
}

// One scrape: connect, ask, read to the end.
class Scrape final
{
public:
    Scrape(quint16 port, const QByteArray &target, QList<double> *latencies, int *failures)
    {
        m_clock.start();
        QObject::connect(&m_socket, &QTcpSocket::connected, &m_socket, [this, target] {
            m_socket.write("GET /probe?target=" + target +
                           " HTTP/1.1\r\nHost: x\r\nConnection: "
                           "close\r\nX-Prometheus-Scrape-Timeout-Seconds: 10\r\n\r\n");
        });
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket,
                         [this] { m_data += m_socket.readAll(); });
        QObject::connect(&m_socket, &QTcpSocket::disconnected, &m_socket, [this, latencies, failures] {
            if (m_data.startsWith("HTTP/1.1 200") && m_data.contains("llmdoctor_probe_success 1"))
                latencies->append(double(m_clock.nsecsElapsed()) / 1e6);
            else
                ++*failures;
            m_done = true;
        });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }
    bool done() const { return m_done; }

private:
    QByteArray m_data;
    QElapsedTimer m_clock;
    bool m_done = false;
    QTcpSocket m_socket; // last: destroyed first, while what its handlers touch still exists
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int targets = argc > 1 ? std::max(1, atoi(argv[1])) : 50;
    const int seconds = argc > 2 ? std::max(5, atoi(argv[2])) : 60;
    const double intervalS = argc > 3 ? std::max(1.0, atof(argv[3])) : 15.0;

    const bool https = argc > 4 && QByteArrayView(argv[4]) == "https";
    // https: the simulator's built-in certificate, trusted through ca_file (as a company CA would be).
    const QString caFile = QStringLiteral(LLMDOCTOR_SOURCE_DIR) + u"/resources/sim/selfsigned.crt"_s;
    SimulatorOptions so;
    if (https)
        so.fault = Fault::Tls;
    so.expectedKey = "sk-bench-0123456789abcdef0123456789abcdef";
    Simulator sim(so);
    if (!sim.start()) {
        out << "simulator did not start\n";
        return 1;
    }
    QTemporaryDir dir;
    QJsonObject list;
    for (int i = 0; i < targets; ++i)
        list.insert(u"t%1"_s.arg(i, 2, 10, QChar(u'0')),
                    QJsonObject{{u"provider"_s, u"openai"_s},
                                {u"base_url"_s, sim.baseUrl().toString()},
                                {u"model"_s, u"gpt-4o"_s},
                                {u"api_key_env"_s, u"BENCH_KEY"_s},
                                {u"proxy"_s, u"none"_s}});
    QFile config(dir.filePath(u"exporter.json"_s));
    config.open(QIODevice::WriteOnly);
    config.write(QJsonDocument(QJsonObject{{u"targets"_s, list}}).toJson());
    config.close();

    const quint16 port = freePort();
    QProcess exporter;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"BENCH_KEY"_s, QString::fromLatin1(so.expectedKey));
    exporter.setProcessEnvironment(env);
    exporter.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    exporter.start(
        QStringLiteral(LLMDOCTOR_BINARY),
        {u"exporter"_s, u"--listen"_s, u"127.0.0.1:%1"_s.arg(port), u"--config"_s, config.fileName()});
    if (!exporter.waitForStarted(5000)) {
        out << "exporter did not start\n";
        return 1;
    }
    for (int i = 0; i < 100; ++i) {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, port);
        if (s.waitForConnected(100))
            break;
        QThread::msleep(50);
    }
    runEvents(500);
    const qint64 pid = exporter.processId();
    const ProcStat idle = procStat(pid);

    // Prometheus spreads a job's targets over the interval: target i at offset i/N of it.
    QList<double> latencies;
    int failures = 0;
    std::vector<std::unique_ptr<Scrape>> scrapes;
    QElapsedTimer clock;
    clock.start();
    const qint64 totalMs = qint64(seconds) * 1000;
    const qint64 intervalMs = qint64(intervalS * 1000);
    QList<qint64> next(targets);
    for (int i = 0; i < targets; ++i)
        next[i] = intervalMs * i / targets;
    const ProcStat start = procStat(pid);
    QElapsedTimer wall;
    wall.start();
    double peakRss = idle.rssBytes;
    while (clock.elapsed() < totalMs) {
        for (int i = 0; i < targets; ++i) {
            if (clock.elapsed() >= next[i]) {
                scrapes.push_back(std::make_unique<Scrape>(
                    port, u"t%1"_s.arg(i, 2, 10, QChar(u'0')).toLatin1(), &latencies, &failures));
                next[i] += intervalMs;
            }
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
        std::erase_if(scrapes, [](const auto &s) { return s->done(); });
        peakRss = std::max(peakRss, procStat(pid).rssBytes);
    }
    QDeadlineTimer drain(15000);
    while (!scrapes.empty() && !drain.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
        std::erase_if(scrapes, [](const auto &s) { return s->done(); });
    }
    const double wallS = double(wall.nsecsElapsed()) / 1e9;
    const ProcStat end = procStat(pid);
    exporter.terminate();
    exporter.waitForFinished(5000);

    // One curl of the same model list, for comparison (process start included, like a cron job).
    // The key goes in a header file (-H @file), never on curl's command line.
    QFile header(dir.filePath(u"auth-header"_s));
    header.open(QIODevice::WriteOnly);
    header.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    header.write("Authorization: Bearer " + so.expectedKey + "\n");
    header.close();
    QList<double> curlWall, curlTotal;
    for (int i = 0; i < 20; ++i) {
        QProcess p;
        QElapsedTimer w;
        w.start();
        QStringList extra;
        if (https)
            extra << u"--cacert"_s << caFile;
        p.start(u"curl"_s,
                extra + QStringList{u"-s"_s, u"-o"_s, u"/dev/null"_s, u"-w"_s, u"%{time_total}"_s, u"-H"_s,
                                    u"@"_s + header.fileName(), sim.baseUrl().toString() + u"/models"_s});
        // The simulator answers from this event loop.
        while (p.state() != QProcess::NotRunning)
            QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
        curlWall << double(w.nsecsElapsed()) / 1e6;
        curlTotal << p.readAllStandardOutput().toDouble() * 1000;
    }

    const double cpuS = end.cpuS - start.cpuS;
    const int cores = int(sysconf(_SC_NPROCESSORS_ONLN));
    out << "exporter_load (" << (https ? "https" : "http") << "): " << targets
        << " targets, each scraped every " << intervalS << " s, for " << seconds << " s (" << latencies.size()
        << " probes answered, " << failures << " failed)\n";
    out << QString::asprintf(
        "  exporter CPU: %.2f s in %.1f s = %.2f%% of one core, %.2f%% of this machine's %d cores\n", cpuS,
        wallS, 100 * cpuS / wallS, 100 * cpuS / wallS / cores, cores);
    out << QString::asprintf("  CPU per probe: %.1f ms\n",
                             latencies.isEmpty() ? 0.0 : 1000 * cpuS / double(latencies.size()));
    out << QString::asprintf(
        "  exporter memory: idle %.1f MiB, after %.1f MiB (peak %.1f MiB): %.1f KiB per target\n",
        idle.rssBytes / 1048576, end.rssBytes / 1048576, peakRss / 1048576,
        (end.rssBytes - idle.rssBytes) / 1024 / targets);
    out << QString::asprintf(
        "  scrape latency (the whole probe: lint, dns, tcp, model list, checks): p50 %.1f ms, "
        "p90 %.1f ms, max %.1f ms\n",
        percentile(latencies, 0.5), percentile(latencies, 0.9), percentile(latencies, 1.0));
    out << QString::asprintf(
        "  one curl of the same model list: p50 %.1f ms wall (process included), %.1f ms "
        "time_total\n",
        percentile(curlWall, 0.5), percentile(curlTotal, 0.5));
    out << QString::asprintf(
        "  probe against curl: %.2fx curl's time_total (%+.1f ms), %.2fx a curl process's wall "
        "time\n",
        percentile(latencies, 0.5) / percentile(curlTotal, 0.5),
        percentile(latencies, 0.5) - percentile(curlTotal, 0.5),
        percentile(latencies, 0.5) / percentile(curlWall, 0.5));
    out.flush();
    return failures == 0 ? 0 : 1;
}
