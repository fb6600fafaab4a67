#include "pathcommand.h"

#include "../path/pathtracer.h"
#include "commandoptions.h"
#include "targetoptions.h"
#include "terminationsignals.h"

#include <QEventLoop>
#include <QHostInfo>
#include <QJsonDocument>
#include <cmath>
#include <unistd.h>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

QString usage()
{
    return u"Usage: llmdoctor path [TARGET OPTIONS] [--probes N] [--format text|json] [--output FILE]\n\n"
           "Finds the route to the API's host hop by hop, the way tracepath does (no root, no raw\n"
           "sockets), and measures loss and round-trip time at every hop, one probe per hop a second.\n"
           "Loss that starts at a hop and lasts to the end is real loss on the link to that hop; loss at\n"
           "one middle hop only is that router limiting its answers, not a problem.\n"
           "Exit status: 0 reached without loss, 1 packets lost or the host not reached, 2 bad usage or\n"
           "input, 3 the test could not run.\n\n"_s +
           targetOptionsHelp() +
           u"\nPath:\n"
           "  --probes N           probes per hop, 1 to 100 (default 10: about 10 s)\n"
           "\nOutput:\n"
           "  --format text|json   text for people (default); json for scripts (schema llmdoctor.path/1)\n"
           "  --output FILE        write to FILE instead of standard output\n"_s;
}

} // namespace

int runPathCommand(const QStringList &args, QTextStream &out, QTextStream &err,
                   const std::function<QByteArray()> &readStdin)
{
    int exitCode = 0;
    auto parsed = parseCommand(args, u"path"_s, usage(), {u"--probes"_s, u"--format"_s, u"--output"_s}, {},
                               out, err, readStdin, &exitCode);
    if (!parsed)
        return exitCode;
    const Target &target = parsed->target;
    const CommandOptions &options = parsed->options;
    QString error;
    const std::optional<double> probes = options.number(u"--probes"_s, 10, 1, 100, &error);
    if (!probes || std::floor(*probes) != *probes) {
        err << "llmdoctor path: " << (probes ? u"--probes needs a whole number"_s : error) << "\n";
        return 2;
    }
    const QString format = options.value(u"--format"_s, u"text"_s);
    if (format != u"text" && format != u"json") {
        err << "llmdoctor path: --format must be text or json, not \"" << format << "\"\n";
        return 2;
    }
    const std::optional<OutputTarget> sink =
        checkCommandOutput(options.value(u"--output"_s), err, u"path"_s, &exitCode);
    if (!sink)
        return exitCode;
    const QString host = target.baseUrl.host();
    if (host.isEmpty()) {
        err << "llmdoctor path: no host to trace; give --provider or --base-url\n";
        return 2;
    }
    QHostAddress destination(host);
    if (destination.isNull()) {
        const QHostInfo info = QHostInfo::fromName(host);
        QList<QHostAddress> addresses = info.addresses();
        // IPv4 first: where both exist, it is the family most paths are compared in.
        std::stable_partition(addresses.begin(), addresses.end(), [](const QHostAddress &a) {
            return a.protocol() == QAbstractSocket::IPv4Protocol;
        });
        if (addresses.isEmpty()) {
            err << "llmdoctor path: the name " << host << " could not be looked up: " << info.errorString()
                << "\n";
            return 1;
        }
        destination = addresses.first();
    }
    PathOptions po;
    po.target = host;
    po.destination = destination;
    po.probes = int(*probes);
    po.deadlineMs = std::max(30000, po.probes * 1000 + 30000);
    PathTracer tracer(po);
    PathResult result;
    QEventLoop loop;
    QObject::connect(&tracer, &PathTracer::finished, &loop, [&](const PathResult &r) {
        result = r;
        loop.quit();
    });
    const bool terminal = isatty(STDERR_FILENO);
    QObject::connect(&tracer, &PathTracer::progress, &loop, [&](const PathResult &r) {
        if (!terminal)
            return; // a log file gets no progress line
        err << "\rHops found: " << r.hops.size()
            << ", probes per hop: " << (r.hops.isEmpty() ? 0 : r.hops.first().sent) << "/" << po.probes
            << "   ";
        err.flush();
    });
    TerminationSignals signalsGuard;
    signalsGuard.onSignal(&tracer, [&tracer] { tracer.cancel(); });
    tracer.start();
    loop.exec();
    if (terminal) {
        err << "\n";
        err.flush();
    }
    if (result.method.isEmpty()) {
        err << "llmdoctor path: the test could not run: " << result.error << "\n";
        return 3;
    }
    const QByteArray data = format == u"json" ? QJsonDocument(result.toJson()).toJson(QJsonDocument::Indented)
                                              : pathTable(result).toUtf8();
    if (const int failed = writeCommandOutput(data, *sink, out, err, u"path"_s, u"path"_s))
        return failed;
    return result.reached && !assessPath(result).lossFound() ? 0 : 1;
}

} // namespace llmdoctor::core
