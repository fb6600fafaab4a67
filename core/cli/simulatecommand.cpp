#include "simulatecommand.h"

#include "../sim/simulator.h"
#include "terminationsignals.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QHostAddress>
#include <QObject>
#include <QSocketNotifier>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace llmdoctor::core {

namespace {

QString usage()
{
    QString text =
        u"Usage: llmdoctor simulate --fault NAME [--port N] [--listen ADDRESS] [--delay-ms N] [--share P] "
        u"[--retry-after S]\n"
        u"                          [--cert FILE --key FILE] [--error-style STYLE] [--expect-key-env VAR]\n"
        u"                          [--gateway-timeout-ms N] [--fail-first N] [--stream-interval-ms N]\n"
        u"\n"
        u"Runs a local OpenAI-compatible API on 127.0.0.1 that fails on purpose, so you can see what each\n"
        u"failure looks like and test your own client's retries. Stop it with Ctrl+C.\n"
        u"\n"
        u"Options:\n"
        u"  --fault NAME       the failure to simulate (see below)\n"
        u"  --port N           the port to listen on (default: any free port)\n"
        u"  --listen ADDRESS   the IP address to listen on (default 127.0.0.1; for test networks)\n"
        u"  --delay-ms N       wait N milliseconds before the first byte of every answer\n"
        u"  --share P          flaky, gateway_timeout: the share of requests that fail, 0 to 1 (default "
        u"0.5)\n"
        u"  --retry-after S    rate_limit: the Retry-After value in seconds (default 20)\n"
        u"  --gateway-timeout-ms N  gateway_timeout: how long the gateway waits before its 504 (2000)\n"
        u"  --fail-first N     only the first N requests fail, later ones work (default 0: all fail)\n"
        u"  --stream-interval-ms N  pause between the pieces of a streamed answer (default 20)\n"
        u"  --cert FILE        tls: PEM certificate (default: a built-in self-signed one)\n"
        u"  --key FILE         tls: PEM private key for --cert\n"
        u"  --error-style S    how error bodies look: openai (default), anthropic or openrouter\n"
        u"  --expect-key-env VAR  accept only the API key held in environment variable VAR\n"
        u"                     (requests without it get 401); never a key on the command line\n"
        u"  -h, --help         show this help\n"
        u"\n"
        u"Faults:\n"_s;
    // Descriptions wrapped to 100 columns, hanging under the description column.
    constexpr qsizetype kIndent = 25, kWidth = 100;
    for (const QString &name : Simulator::faultNames()) {
        QString line = (u"  "_s + name).leftJustified(kIndent);
        bool lineEmpty = true;
        const QString description = Simulator::faultDescription(*Simulator::faultFromName(name));
        for (const QString &word : description.split(u' ')) {
            if (!lineEmpty && line.size() + 1 + word.size() > kWidth) {
                text += line + u'\n';
                line = QString(kIndent, u' ');
                lineEmpty = true;
            }
            line += (lineEmpty ? QString() : u" "_s) + word;
            lineEmpty = false;
        }
        text += line + u'\n';
    }
    text +=
        u"\nEndpoints: GET /v1/models, POST /v1/chat/completions (\"stream\": true for SSE), GET /health.\n"_s;
    return text;
}

QString statusText(Fault fault, int status)
{
    if (status != 0)
        return fault == Fault::SlowHeaders ? u"%1 (headers sent one byte at a time)"_s.arg(status)
                                           : QString::number(status);
    switch (fault) {
    case Fault::ResetBeforeHeaders:
        return u"connection reset, no answer"_s;
    case Fault::CloseBeforeHeaders:
        return u"connection closed, no answer"_s;
    case Fault::Hang:
        return u"no answer, holding the connection open"_s;
    default:
        return u"no answer"_s;
    }
}

} // namespace

int runSimulateCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption faultOption(u"fault"_s, u"fault"_s, u"NAME"_s);
    const QCommandLineOption portOption(u"port"_s, u"port"_s, u"N"_s);
    const QCommandLineOption listenOption(u"listen"_s, u"listen"_s, u"ADDRESS"_s);
    const QCommandLineOption delayOption(u"delay-ms"_s, u"delay"_s, u"N"_s);
    const QCommandLineOption shareOption(u"share"_s, u"share"_s, u"P"_s);
    const QCommandLineOption retryAfterOption(u"retry-after"_s, u"retry-after"_s, u"S"_s);
    const QCommandLineOption gatewayTimeoutOption(u"gateway-timeout-ms"_s, u"gateway-timeout-ms"_s, u"N"_s);
    const QCommandLineOption failFirstOption(u"fail-first"_s, u"fail-first"_s, u"N"_s);
    const QCommandLineOption streamIntervalOption(u"stream-interval-ms"_s, u"stream-interval-ms"_s, u"N"_s);
    const QCommandLineOption certOption(u"cert"_s, u"cert"_s, u"FILE"_s);
    const QCommandLineOption keyOption(u"key"_s, u"key"_s, u"FILE"_s);
    const QCommandLineOption styleOption(u"error-style"_s, u"error-style"_s, u"STYLE"_s);
    const QCommandLineOption expectKeyOption(u"expect-key-env"_s, u"expect-key-env"_s, u"VAR"_s);
    const QCommandLineOption helpOption({u"h"_s, u"help"_s}, u"help"_s);
    parser.addOptions({styleOption, expectKeyOption, gatewayTimeoutOption, failFirstOption,
                       streamIntervalOption, listenOption});
    parser.addOptions({faultOption, portOption, delayOption, shareOption, retryAfterOption, certOption,
                       keyOption, helpOption});

    const auto usageError = [&err](const QString &message) {
        err << "llmdoctor simulate: " << message << '\n'
            << "Run 'llmdoctor simulate --help' for the options and faults.\n";
        err.flush();
        return 2;
    };

    if (!parser.parse(QStringList{u"llmdoctor simulate"_s} + args))
        return usageError(parser.errorText());
    if (parser.isSet(helpOption)) {
        out << usage();
        out.flush();
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(u"unexpected argument \"%1\""_s.arg(parser.positionalArguments().constFirst()));

    SimulatorOptions options;
    if (!parser.isSet(faultOption))
        return usageError(u"--fault is required; one of: %1"_s.arg(Simulator::faultNames().join(u", "_s)));
    const QString faultText = parser.value(faultOption);
    const std::optional<Fault> fault = Simulator::faultFromName(faultText);
    if (!fault) {
        return usageError(
            u"unknown fault \"%1\"; one of: %2"_s.arg(faultText, Simulator::faultNames().join(u", "_s)));
    }
    options.fault = *fault;

    bool ok = true;
    if (parser.isSet(portOption)) {
        const uint port = parser.value(portOption).toUInt(&ok);
        if (!ok || port > 65535)
            return usageError(
                u"--port needs a number from 0 to 65535, not \"%1\""_s.arg(parser.value(portOption)));
        options.port = quint16(port);
    }
    if (parser.isSet(listenOption)) {
        if (QHostAddress(parser.value(listenOption)).isNull())
            return usageError(u"--listen needs an IP address, not \"%1\""_s.arg(parser.value(listenOption)));
        options.listenAddress = parser.value(listenOption);
    }
    if (parser.isSet(delayOption)) {
        options.delayMs = parser.value(delayOption).toInt(&ok);
        if (!ok || options.delayMs < 0 || options.delayMs > 3'600'000) {
            return usageError(
                u"--delay-ms needs a number of milliseconds from 0 to 3600000, not \"%1\""_s.arg(
                    parser.value(delayOption)));
        }
    }
    if (parser.isSet(shareOption)) {
        options.flakyShare = parser.value(shareOption).toDouble(&ok);
        if (!ok || !(options.flakyShare >= 0.0 && options.flakyShare <= 1.0))
            return usageError(
                u"--share needs a number from 0 to 1, not \"%1\""_s.arg(parser.value(shareOption)));
        if (options.fault != Fault::Flaky && options.fault != Fault::GatewayTimeout)
            err << "llmdoctor simulate: note: --share only matters with --fault flaky or gateway_timeout\n";
    }
    if (parser.isSet(retryAfterOption)) {
        options.retryAfterSeconds = parser.value(retryAfterOption).toInt(&ok);
        if (!ok || options.retryAfterSeconds < 0 || options.retryAfterSeconds > 86'400) {
            return usageError(u"--retry-after needs a number of seconds from 0 to 86400, not \"%1\""_s.arg(
                parser.value(retryAfterOption)));
        }
        if (options.fault != Fault::RateLimit)
            err << "llmdoctor simulate: note: --retry-after only matters with --fault rate_limit\n";
    }
    if (parser.isSet(gatewayTimeoutOption)) {
        options.gatewayTimeoutMs = parser.value(gatewayTimeoutOption).toInt(&ok);
        if (!ok || options.gatewayTimeoutMs < 0 || options.gatewayTimeoutMs > 3'600'000)
            return usageError(
                u"--gateway-timeout-ms needs a number of milliseconds from 0 to 3600000, not \"%1\""_s.arg(
                    parser.value(gatewayTimeoutOption)));
        if (options.fault != Fault::GatewayTimeout)
            err << "llmdoctor simulate: note: --gateway-timeout-ms only matters with --fault "
                   "gateway_timeout\n";
    }
    if (parser.isSet(failFirstOption)) {
        options.failFirst = parser.value(failFirstOption).toInt(&ok);
        if (!ok || options.failFirst < 0)
            return usageError(u"--fail-first needs a number of requests (0 = all), not \"%1\""_s.arg(
                parser.value(failFirstOption)));
    }
    if (parser.isSet(streamIntervalOption)) {
        options.streamIntervalMs = parser.value(streamIntervalOption).toInt(&ok);
        if (!ok || options.streamIntervalMs < 0 || options.streamIntervalMs > 60'000)
            return usageError(
                u"--stream-interval-ms needs a number of milliseconds from 0 to 60000, not \"%1\""_s.arg(
                    parser.value(streamIntervalOption)));
    }
    if (parser.isSet(styleOption)) {
        const auto style = Simulator::errorStyleFromName(parser.value(styleOption));
        if (!style)
            return usageError(u"--error-style is openai, anthropic or openrouter, not \"%1\""_s.arg(
                parser.value(styleOption)));
        options.errorStyle = *style;
    }
    if (parser.isSet(expectKeyOption)) {
        const QByteArray var = parser.value(expectKeyOption).toLocal8Bit();
        options.expectedKey = qgetenv(var.constData());
        if (options.expectedKey.isEmpty())
            return usageError(
                u"environment variable %1 is empty or not set"_s.arg(parser.value(expectKeyOption)));
    }
    if (parser.isSet(certOption) != parser.isSet(keyOption))
        return usageError(u"--cert and --key go together"_s);
    if (parser.isSet(certOption)) {
        if (options.fault != Fault::Tls)
            return usageError(u"--cert and --key only work with --fault tls"_s);
        options.certFile = parser.value(certOption);
        options.keyFile = parser.value(keyOption);
        for (const QString &file : {options.certFile, options.keyFile}) {
            if (!QFileInfo(file).isReadable())
                return usageError(u"cannot read \"%1\""_s.arg(file));
        }
    }
    err.flush();

    if (!QCoreApplication::instance()) {
        err << "llmdoctor simulate: internal error: no application object\n";
        err.flush();
        return 3;
    }

    TerminationSignals signalsGuard;
    if (!signalsGuard.ok()) {
        err << "llmdoctor simulate: internal error: cannot watch for Ctrl+C\n";
        err.flush();
        return 3;
    }

    Simulator simulator(options);
    QString error;
    if (!simulator.start(&error)) {
        err << "llmdoctor simulate: " << error << '\n';
        err.flush();
        return 2;
    }

    const QString base = simulator.baseUrl().toString();
    // Scripts read the URL from the end of this first line: keep its shape.
    out << "llmdoctor simulator: fault \"" << Simulator::faultName(options.fault) << "\" on " << base << '\n';
    out << "  " << Simulator::faultDescription(options.fault) << '\n';
    if (options.delayMs > 0)
        out << "  Every answer waits " << options.delayMs << " ms before its first byte.\n";
    out << "Try: curl " << (options.fault == Fault::Tls ? "-k " : "") << base << "/models\n";
    out << "Press Ctrl+C to stop.\n";
    out.flush();

    QObject::connect(&simulator, &Simulator::requestServed, &simulator,
                     [&out, fault = options.fault](const QString &method, const QString &path, int status) {
                         if (method.isEmpty())
                             out << "(malformed request)";
                         else
                             out << method << ' ' << path;
                         out << " -> " << statusText(fault, status) << '\n';
                         out.flush();
                     });

    signalsGuard.onSignal(&simulator, [] { QCoreApplication::quit(); });

    QCoreApplication::exec();

    const int served = simulator.requestCount();
    out << "llmdoctor simulator: stopped after " << served << (served == 1 ? " request\n" : " requests\n");
    out.flush();
    return 0;
}

} // namespace llmdoctor::core
