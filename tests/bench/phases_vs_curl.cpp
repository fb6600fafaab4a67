// Prints llmdoctor's phase timings beside curl -w's against the same local simulator
// (300 ms server delay), and the wall time of a full `llmdoctor diagnose` beside one curl.
// Usage: phases_vs_curl [runs]
#include "core/probe/exchange.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTextStream>
#include <QThread>
#include <algorithm>
#include <cstdio>

using namespace llmdoctor::core;
using namespace Qt::StringLiterals;

namespace {

QTextStream out(stdout);

double median(QList<double> v)
{
    if (v.isEmpty())
        return -1;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

struct Marks
{
    QList<double> connect, appConnect, startTransfer, total, wall;
};

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

bool waitListening(quint16 port)
{
    for (int i = 0; i < 100; ++i) {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, port);
        if (s.waitForConnected(100))
            return true;
        QThread::msleep(50);
    }
    return false;
}

Marks runCurl(const QString &url, const QString &caFile, int runs)
{
    Marks m;
    for (int i = 0; i < runs; ++i) {
        QStringList args{u"-s"_s, u"-o"_s, u"/dev/null"_s, u"-w"_s,
                         u"%{time_connect} %{time_appconnect} %{time_starttransfer} %{time_total}"_s};
        if (!caFile.isEmpty())
            args << u"--cacert"_s << caFile;
        args << url;
        QProcess p;
        QElapsedTimer wall;
        wall.start();
        p.start(u"curl"_s, args);
        p.waitForFinished(30000);
        m.wall << double(wall.nsecsElapsed()) / 1e6;
        const QStringList f = QString::fromLatin1(p.readAllStandardOutput()).split(u' ');
        if (f.size() != 4)
            continue;
        m.connect << f[0].toDouble() * 1000;
        m.appConnect << f[1].toDouble() * 1000;
        m.startTransfer << f[2].toDouble() * 1000;
        m.total << f[3].toDouble() * 1000;
    }
    return m;
}

Marks runOurs(const QString &url, const QString &caFile, int runs)
{
    Marks m;
    for (int i = 0; i < runs; ++i) {
        ExchangeRequest req;
        req.url = QUrl(url);
        if (!caFile.isEmpty())
            req.caCertificates = QSslCertificate::fromPath(caFile);
        Exchange x(req);
        QEventLoop loop;
        ExchangeResult result;
        QObject::connect(&x, &Exchange::finished, &loop, [&](const ExchangeResult &r) {
            result = r;
            loop.quit();
        });
        x.start();
        loop.exec();
        if (!result.ok()) {
            out << "  our exchange failed: " << result.error << "\n";
            continue;
        }
        m.connect << result.marks.connect;
        m.appConnect << std::max(0.0, result.marks.appConnect);
        m.startTransfer << result.marks.startTransfer;
        m.total << result.marks.total;
    }
    return m;
}

QList<double> runDiagnose(const QString &base, const QString &caFile, int runs)
{
    QList<double> wall;
    for (int i = 0; i < runs; ++i) {
        QStringList args{u"diagnose"_s, u"--base-url"_s, base, u"--format"_s, u"json"_s};
        if (!caFile.isEmpty())
            args << u"--ca-file"_s << caFile;
        QProcess p;
        QElapsedTimer clock;
        clock.start();
        p.start(QStringLiteral(LLMDOCTOR_BINARY), args);
        p.waitForFinished(60000);
        wall << double(clock.nsecsElapsed()) / 1e6;
        if (p.exitCode() != 0)
            out << "  diagnose exited " << p.exitCode() << "\n";
    }
    return wall;
}

void compareRow(const char *name, double ours, double curl)
{
    const double tolerance = 5 + 0.02 * curl;
    out << QString::asprintf("  %-22s ours %9.2f ms   curl %9.2f ms   diff %+7.2f ms   allowed ±%.2f   %s\n",
                             name, ours, curl, ours - curl, tolerance,
                             std::abs(ours - curl) <= tolerance ? "ok" : "OUTSIDE");
}

void scenario(const QString &title, const QString &fault, const QString &caFile, int runs)
{
    const quint16 port = freePort();
    QProcess sim;
    sim.start(QStringLiteral(LLMDOCTOR_BINARY), {u"simulate"_s, u"--fault"_s, fault, u"--delay-ms"_s,
                                                 u"300"_s, u"--port"_s, QString::number(port)});
    if (!sim.waitForStarted() || !waitListening(port)) {
        out << "simulator did not start\n";
        return;
    }
    const QString scheme = fault == u"tls" ? u"https"_s : u"http"_s;
    const QString host = fault == u"tls" ? u"localhost"_s : u"127.0.0.1"_s;
    const QString base = u"%1://%2:%3/v1"_s.arg(scheme, host).arg(port);
    const QString url = base + u"/models"_s;

    out << "\n" << title << " — " << url << ", server delay 300 ms, " << runs << " runs, medians\n";
    runOurs(url, caFile, 2); // warm-up: TLS library and certificate store loading
    runCurl(url, caFile, 1);
    const Marks curl = runCurl(url, caFile, runs);
    const Marks ours = runOurs(url, caFile, runs);
    compareRow("time_connect", median(ours.connect), median(curl.connect));
    if (!caFile.isEmpty())
        compareRow("time_appconnect", median(ours.appConnect), median(curl.appConnect));
    compareRow("time_starttransfer", median(ours.startTransfer), median(curl.startTransfer));
    compareRow("time_total", median(ours.total), median(curl.total));

    const QList<double> diag = runDiagnose(base, caFile, runs);
    const double curlWall = median(curl.wall), diagWall = median(diag);
    out << QString::asprintf(
        "  wall: llmdoctor diagnose %.1f ms, one curl %.1f ms: ratio %.2f (target ≤ 1.50) %s\n", diagWall,
        curlWall, diagWall / curlWall, diagWall / curlWall <= 1.5 ? "ok" : "OVER");
    sim.terminate();
    sim.waitForFinished(3000);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(3, atoi(argv[1])) : 15;
    QProcess probe;
    probe.start(u"curl"_s, {u"--version"_s});
    if (!probe.waitForFinished(5000) || probe.exitCode() != 0) {
        out << "curl is not installed; nothing to compare against\n";
        return 1;
    }
    out << "\n";
    scenario(u"plain http"_s, u"none"_s, QString(), runs);
    const QString ca = QStringLiteral(LLMDOCTOR_SOURCE_DIR "/resources/sim/selfsigned.crt");
    if (QFile::exists(ca))
        scenario(u"https (TLS, the simulator's certificate trusted)"_s, u"tls"_s, ca, runs);
    out.flush();
    return 0;
}
