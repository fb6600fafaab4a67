#include "monitorcommand.h"

#include "../exporter/probemetrics.h"
#include "../monitor/monitor.h"
#include "../report/report.h"
#include "commandoptions.h"
#include "targetoptions.h"
#include "terminationsignals.h"

#include <QBuffer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QTimer>
#include <cmath>
#include <unistd.h>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

QString usage()
{
    return u"Usage: llmdoctor monitor [TARGET OPTIONS] [--interval S] [--duration S]\n"
           "                         [--format csv|json|openmetrics]\n"
           "                         [--output FILE]\n\n"
           "Asks the API for its model list at a fixed interval and records how long each phase took and\n"
           "whether it worked, then gives success rate, percentiles per phase, the errors seen, and the\n"
           "patterns one request cannot show: failures that always end after the same time (a gateway's\n"
           "time limit), resets after idle pauses, IPv6 failing where IPv4 works, lost packets (connects,\n"
           "or answers through a proxy, that end a second late: a packet was sent again) and jitter.\n"
           "Ctrl+C ends the run early and still writes what was collected.\n"
           "Exit status: 0 every probe worked, 1 some failed, 2 bad usage or input.\n\n"_s +
           targetOptionsHelp() +
           u"\nMonitoring:\n"
           "  --interval S         seconds between probes (default 5, at least 0.2); a probe that takes\n"
           "                       longer is not overlapped by the next\n"
           "  --duration S         stop after S seconds (default 60; 0 = until Ctrl+C)\n"
           "\nOutput:\n"
           "  --format csv|json|openmetrics\n"
           "                       csv: one line per probe, written as it comes (default);\n"
           "                       json: samples, statistics and signatures at the end;\n"
           "                       openmetrics: the exporter's llmdoctor_* series of the latest probe,\n"
           "                       rewritten atomically after every probe, for node_exporter's textfile\n"
           "                       collector (needs --output DIR/NAME.prom)\n"
           "  --output FILE        write to FILE instead of standard output (at the end, atomically;\n"
           "                       checked before the first probe); - is standard output\n"
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

// A timer holds at most 2^31 ms (24.8 days).
constexpr double kLongestDurationS = 2000000;

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
        interval ? options.number(u"--duration"_s, 60, 0, kLongestDurationS, &error) : std::nullopt;
    if (!interval || !duration) {
        err << "llmdoctor monitor: " << error << "\n";
        return 2;
    }
    mo.intervalS = *interval;
    mo.durationS = *duration;
    const QString format = options.value(u"--format"_s, u"csv"_s);
    const QString output = options.value(u"--output"_s);
    if (format != u"csv" && format != u"json" && format != u"openmetrics") {
        err << "llmdoctor monitor: --format must be csv, json or openmetrics, not \"" << format << "\"\n";
        return 2;
    }
    const bool textfile = format == u"openmetrics";
    if (textfile && output.isEmpty()) {
        err << "llmdoctor monitor: --format openmetrics needs --output FILE (e.g. "
               "/var/lib/prometheus/node-exporter/llmdoctor.prom)\n";
        return 2;
    }

    // Before the first probe: a run of an hour must not end in "cannot write".
    const std::optional<OutputTarget> sink = checkCommandOutput(output, err, u"monitor"_s, &exitCode);
    if (!sink)
        return exitCode;
    Monitor monitor(target, mo);
    if (!monitor.prepare(&error)) {
        err << "llmdoctor monitor: " << error << "\n";
        return 2;
    }
    const bool stream = format == u"csv" && sink->kind == OutputKind::Stdout;
    QString streamError; // standard output failed: the run stops, nobody sees it
    auto emitLine = [&](const QByteArray &line) {
        if (streamError.isEmpty() && !writeAllToFd(STDOUT_FILENO, line, &streamError))
            monitor.stop();
    };
    if (stream)
        emitLine("time_ms,status,category,dns_ms,connect_ms,tls_ms,ttfb_ms,total_ms\n");
    QObject::connect(&monitor, &Monitor::sampleAdded, &monitor, [&](qsizetype index) {
        if (!stream)
            return;
        // One sample through the same writer as the whole file, minus its header line.
        SampleStore one;
        one.append(monitor.samples().at(index));
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        writeSamplesCsv(one, &buffer);
        emitLine(buffer.data().mid(buffer.data().indexOf('\n') + 1));
    });
    if (sink->kind == OutputKind::Stdout)
        watchOutputReader(&monitor, [&] {
            if (streamError.isEmpty())
                streamError = u"nobody is reading any more (the pipe was closed)"_s;
            monitor.stop();
        });
    bool textfileFailed = false;
    if (textfile) {
        // The file always holds the latest probe whole: written beside it, then renamed over it.
        // The target label tells several monitors' files apart: host[:port], never a URL.
        QString where = target.baseUrl.host();
        if (target.baseUrl.port() >= 0)
            where += u':' + QString::number(target.baseUrl.port());
        const MetricLabels labels{{u"target"_s, where}};
        QObject::connect(
            &monitor, &Monitor::probeFinished, &monitor, [&, labels](const ProbeOutcome &outcome) {
                const double durationS = std::max(0.0, outcome.phases.total) / 1000.0;
                const QByteArray text = probeMetricsText(ProbeMetrics::fromProbeOutcome(outcome, durationS),
                                                         MetricsFormat::OpenMetrics, labels);
                QString why;
                if (!writeReportFile(text, output, &why)) {
                    err << "llmdoctor monitor: cannot write " << output << ": " << why << "\n";
                    err.flush();
                    textfileFailed = true;
                    QTimer::singleShot(0, &monitor, &Monitor::stop); // not from inside its own signal
                }
            });
    }
    QEventLoop loop;
    QObject::connect(&monitor, &Monitor::finished, &loop, &QEventLoop::quit);
    TerminationSignals signalsGuard;
    signalsGuard.onSignal(&monitor, [&monitor] { monitor.stop(); });
    err << "Monitoring " << shownUrl(target.modelsUrl()) << " every " << mo.intervalS << " s"
        << (mo.durationS > 0 ? u" for %1 s"_s.arg(mo.durationS) : u" until Ctrl+C"_s) << "\n";
    err.flush();
    if (streamError.isEmpty())
        monitor.start();
    if (monitor.isRunning())
        loop.exec();
    if (!streamError.isEmpty()) {
        err << "llmdoctor monitor: stopped: writing to standard output failed: " << streamError << "\n";
        return 3;
    }

    if (textfileFailed)
        return 3;
    if (!stream && !textfile) {
        QByteArray result;
        if (format == u"json") {
            result = QJsonDocument(monitorJson(monitor.samples(), monitor.stats(), monitor.signatures()))
                         .toJson(QJsonDocument::Indented);
        } else {
            QBuffer buffer(&result);
            buffer.open(QIODevice::WriteOnly);
            writeSamplesCsv(monitor.samples(), &buffer);
        }
        if (const int failed = writeCommandOutput(result, *sink, out, err, u"monitor"_s, u"samples"_s))
            return failed;
    }
    err << summary(monitor);
    err.flush();
    const RunStats stats = monitor.stats();
    return stats.probes > 0 && stats.successes == stats.probes ? 0 : 1;
}

} // namespace llmdoctor::core
