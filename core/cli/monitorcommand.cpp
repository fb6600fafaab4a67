#include "monitorcommand.h"

#include "../monitor/monitor.h"
#include "commandoptions.h"
#include "targetoptions.h"
#include "terminationsignals.h"

#include <QBuffer>
#include <QEventLoop>
#include <QJsonDocument>
#include <cmath>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

QString usage()
{
    return u"Usage: llmdoctor monitor [TARGET OPTIONS] [--interval S] [--duration S] [--format csv|json]\n"
           "                         [--output FILE]\n\n"
           "Asks the API for its model list at a fixed interval and records how long each phase took and\n"
           "whether it worked, then gives success rate, percentiles per phase, the errors seen, and the\n"
           "patterns one request cannot show: failures that always end after the same time (a gateway's\n"
           "time limit), resets after idle pauses, IPv6 failing where IPv4 works, lost packets (connects\n"
           "that end a second late: the kernel sent the packet again) and jitter. Ctrl+C ends the run\n"
           "early and still writes what was collected.\n"
           "Exit status: 0 every probe worked, 1 some failed, 2 bad usage or input.\n\n"_s +
           targetOptionsHelp() +
           u"\nMonitoring:\n"
           "  --interval S         seconds between probes (default 5, at least 0.2); a probe that takes\n"
           "                       longer is not overlapped by the next\n"
           "  --duration S         stop after S seconds (default 60; 0 = until Ctrl+C)\n"
           "\nOutput:\n"
           "  --format csv|json    csv: one line per probe, written as it comes (default);\n"
           "                       json: samples, statistics and signatures at the end\n"
           "  --output FILE        write to FILE instead of standard output (at the end, atomically)\n"
           "\nCSV columns: time_ms,status,category,dns_ms,connect_ms,tls_ms,ttfb_ms,total_ms\n"_s;
}

QString msText(double v)
{
    return (v < 10 ? QString::number(v, 'f', 1) : QString::number(std::lround(v))) + u" ms"_s;
}

QString summary(const Monitor &monitor)
{
    const RunStats stats = monitor.stats();
    QString text = u"%1 probes, %2% worked"_s.arg(stats.probes).arg(std::lround(stats.successRate * 100));
    if (const auto total = stats.phases.constFind(u"total"_s); total != stats.phases.cend())
        text += u"; time to answer p50 %1, p90 %2, p99 %3"_s.arg(msText(total->p50))
                    .arg(msText(total->p90))
                    .arg(msText(total->p99));
    QStringList errors;
    for (auto it = stats.errors.cbegin(); it != stats.errors.cend(); ++it)
        errors << u"%1× %2"_s.arg(it.value()).arg(it.key());
    if (!errors.isEmpty())
        text += u"; errors: "_s + errors.join(u", "_s);
    text += u"\n"_s;
    for (const TimingSignature &s : monitor.signatures())
        text += u"Pattern (%1, %2 probes): %3.\n  What to do: %4\n"_s.arg(s.kind).arg(s.count).arg(s.likely,
                                                                                                   s.advice);
    return text;
}

} // namespace

int runMonitorCommand(const QStringList &args, QTextStream &out, QTextStream &err,
                      const std::function<QByteArray()> &readStdin)
{
    int exitCode = 0;
    auto parsed = parseCommand(args, u"monitor"_s, usage(),
                               {u"--interval"_s, u"--duration"_s, u"--format"_s, u"--output"_s}, {}, out, err,
                               readStdin, &exitCode);
    if (!parsed)
        return exitCode;
    Target &target = parsed->target;
    const CommandOptions &options = parsed->options;
    QString error;
    MonitorOptions mo;
    const std::optional<double> interval = options.number(u"--interval"_s, 5, 0.2, 86400, &error);
    const std::optional<double> duration =
        interval ? options.number(u"--duration"_s, 60, 0, 365 * 86400.0, &error) : std::nullopt;
    if (!interval || !duration) {
        err << "llmdoctor monitor: " << error << "\n";
        return 2;
    }
    mo.intervalS = *interval;
    mo.durationS = *duration;
    const QString format = options.value(u"--format"_s, u"csv"_s);
    const QString output = options.value(u"--output"_s);
    if (format != u"csv" && format != u"json") {
        err << "llmdoctor monitor: --format must be csv or json, not \"" << format << "\"\n";
        return 2;
    }

    Monitor monitor(target, mo);
    if (!monitor.prepare(&error)) {
        err << "llmdoctor monitor: " << error << "\n";
        return 2;
    }
    const bool stream = format == u"csv" && output.isEmpty();
    if (stream) {
        out << "time_ms,status,category,dns_ms,connect_ms,tls_ms,ttfb_ms,total_ms\n";
        out.flush();
    }
    QObject::connect(&monitor, &Monitor::sampleAdded, &monitor, [&](qsizetype index) {
        if (!stream)
            return;
        // One sample through the same writer as the whole file, minus its header line.
        SampleStore one;
        one.append(monitor.samples().at(index));
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        writeSamplesCsv(one, &buffer);
        out << QString::fromLatin1(buffer.data().mid(buffer.data().indexOf('\n') + 1));
        out.flush();
    });
    QEventLoop loop;
    QObject::connect(&monitor, &Monitor::finished, &loop, &QEventLoop::quit);
    TerminationSignals signalsGuard;
    signalsGuard.onSignal(&monitor, [&monitor] { monitor.stop(); });
    err << "Monitoring " << target.modelsUrl().toString(QUrl::RemoveUserInfo) << " every " << mo.intervalS
        << " s" << (mo.durationS > 0 ? u" for %1 s"_s.arg(mo.durationS) : u" until Ctrl+C"_s) << "\n";
    err.flush();
    monitor.start();
    if (monitor.isRunning())
        loop.exec();

    if (!stream) {
        QByteArray result;
        if (format == u"json") {
            result = QJsonDocument(monitorJson(monitor.samples(), monitor.stats(), monitor.signatures()))
                         .toJson(QJsonDocument::Indented);
        } else {
            QBuffer buffer(&result);
            buffer.open(QIODevice::WriteOnly);
            writeSamplesCsv(monitor.samples(), &buffer);
        }
        if (!writeCommandOutput(result, output, out, err, u"monitor"_s, u"samples"_s))
            return 2;
    }
    err << summary(monitor);
    err.flush();
    const RunStats stats = monitor.stats();
    return stats.probes > 0 && stats.successes == stats.probes ? 0 : 1;
}

} // namespace llmdoctor::core
