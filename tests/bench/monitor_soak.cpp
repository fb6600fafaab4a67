// A long monitor run for leak and memory-growth checks under heaptrack or valgrind: N probes
// (default 10,000) against `llmdoctor simulate` in a separate process, so only the monitor's
// memory is measured. The interval is lowered below the 0.2 s users get (minimumIntervalS), so
// the run takes minutes, not half an hour; probes still never overlap.
//   heaptrack build/default/tests/bench/monitor_soak 10000
//   valgrind --leak-check=full build/default/tests/bench/monitor_soak 10000
#include "core/monitor/monitor.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <cstdio>

using namespace llmdoctor::core;
using namespace Qt::StringLiterals;

namespace {

qint64 statusKiB(const char *field)
{
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qsizetype(strlen(field))).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int probes = argc > 1 ? std::max(1, atoi(argv[1])) : 10000;
    const QString fault = argc > 2 ? QString::fromLocal8Bit(argv[2]) : u"flaky"_s;

    const quint16 port = freePort();
    QProcess sim;
    sim.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    const QString binary = qEnvironmentVariable("LLMDOCTOR_SIM_BINARY", QStringLiteral(LLMDOCTOR_BINARY));
    sim.start(binary, {u"simulate"_s, u"--fault"_s, fault, u"--port"_s, QString::number(port)});
    if (!sim.waitForStarted(10000)) {
        std::fprintf(stderr, "cannot start the simulator\n");
        return 1;
    }
    for (int i = 0; i < 100; ++i) { // until it accepts connections
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, port);
        if (probe.waitForConnected(100))
            break;
        QThread::msleep(50);
    }

    Target target;
    target.provider = u"openai"_s;
    target.baseUrl = QUrl(u"http://127.0.0.1:%1/v1"_s.arg(port));
    target.model = u"gpt-4o-mini"_s;
    target.apiKey = "sk-soak-0123456789abcdefghijklmnop";
    target.timeoutMs = 5000;
    target.proxy.mode = ProxyChoice::Mode::None;
    MonitorOptions options;
    options.minimumIntervalS = 0;
    options.intervalS = 0.001;
    Monitor monitor(target, options);
    QString error;
    if (!monitor.prepare(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }

    QElapsedTimer clock;
    clock.start();
    std::printf("probes,elapsed_s,rss_kib,samples_bytes\n");
    QObject::connect(&monitor, &Monitor::sampleAdded, &app, [&](qsizetype index) {
        const qsizetype n = index + 1;
        if (n == 1 || n % 1000 == 0)
            std::printf("%lld,%.1f,%lld,%lld\n", qlonglong(n), double(clock.elapsed()) / 1000,
                        statusKiB("VmRSS:"), qlonglong(monitor.samples().memoryBytes()));
        if (n >= probes)
            monitor.stop();
    });
    QObject::connect(&monitor, &Monitor::finished, &app, [&] {
        const RunStats stats = monitor.stats();
        std::printf("done: %lld samples, %d ok, in %.1f s; peak RSS %lld KiB\n",
                    qlonglong(monitor.samples().size()), stats.successes, double(clock.elapsed()) / 1000,
                    statusKiB("VmHWM:"));
        std::fflush(stdout);
        QCoreApplication::quit();
    });
    monitor.start();
    const int rc = app.exec();
    sim.terminate();
    sim.waitForFinished(5000);
    return rc;
}
