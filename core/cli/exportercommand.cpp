#include "exportercommand.h"

#include "../exporter/exporter.h"
#include "commandoptions.h"
#include "terminationsignals.h"

#include <QCoreApplication>
#include <QEventLoop>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

QString usage()
{
    return u"Usage: llmdoctor exporter [--listen HOST:PORT] [--config FILE] [--min-interval S]\n"
           "                          [--max-concurrent N]\n\n"
           "A Prometheus exporter, like blackbox_exporter for LLM APIs: Prometheus scrapes\n"
           "/probe?target=NAME and llmdoctor runs its default checks (never a paid request) against\n"
           "that target and answers with llmdoctor_* series. /metrics has the exporter's own series,\n"
           "/ lists the targets. Runs until SIGINT or SIGTERM.\n"
           "Exit status: 0 stopped by a signal, 2 bad usage or config, 3 internal error.\n\n"
           "Options:\n"
           "  --listen HOST:PORT   where to listen (default 127.0.0.1:10115; \":PORT\" listens on\n"
           "                       every interface, only when you ask for it)\n"
           "  --config FILE        the targets, as JSON: {\"targets\": {\"NAME\": {\"provider\", "
           "\"base_url\",\n"
           "                       \"model\", \"api_key_env\", \"proxy\", \"ca_file\", \"timeout\", "
           "\"status_url\"}}}.\n"
           "                       Keys come from the environment variable named in api_key_env, never\n"
           "                       from the file. Without a config only base-URL targets work:\n"
           "                       /probe?target=http://127.0.0.1:8080/v1&provider=ID&model=M\n"
           "  --min-interval S     a scrape within S seconds of a target's last probe gets that probe's\n"
           "                       answer again, to spare the provider and your rate limit (default 5)\n"
           "  --max-concurrent N   probes running at once across targets (default 8); more wait\n"_s;
}

} // namespace

std::optional<std::pair<QHostAddress, quint16>> parseListenAddress(const QString &text, QString *error)
{
    const QString t = text.trimmed();
    QString host;
    QString portText = t;
    const qsizetype colon = t.lastIndexOf(u':');
    if (colon >= 0) {
        host = t.left(colon);
        portText = t.mid(colon + 1);
    } else {
        host = u"127.0.0.1"_s;
    }
    bool ok = false;
    const uint port = portText.toUInt(&ok);
    if (!ok || port == 0 || port > 65535) {
        // Port 0 would be any free port: Prometheus could never find it.
        *error =
            u"--listen wants HOST:PORT with a port from 1 to 65535, e.g. 127.0.0.1:10115, not \"%1\""_s.arg(
                text);
        return std::nullopt;
    }
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    QHostAddress address;
    if (host.isEmpty())
        address = QHostAddress(QHostAddress::Any);
    else if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        address = QHostAddress(QHostAddress::LocalHost);
    else if (!address.setAddress(host)) {
        *error = u"--listen wants an IP address (or localhost) before the port, not \"%1\""_s.arg(host);
        return std::nullopt;
    }
    return std::pair{address, quint16(port)};
}

int runExporterCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (args.contains(u"--help"_s) || args.contains(u"-h"_s)) {
        out << usage();
        return 0;
    }
    QString error;
    const auto options =
        parseCommandOptions(args, {u"--listen"_s, u"--config"_s, u"--min-interval"_s, u"--max-concurrent"_s},
                            {}, u"exporter"_s, &error);
    auto usageError = [&err](const QString &why) {
        err << "llmdoctor exporter: " << why << "\n";
        err.flush();
        return 2;
    };
    if (!options)
        return usageError(error);
    ExporterOptions eo;
    if (options->has(u"--listen"_s)) {
        const auto listen = parseListenAddress(options->value(u"--listen"_s), &error);
        if (!listen)
            return usageError(error);
        eo.address = listen->first;
        eo.port = listen->second;
    }
    const auto minInterval = options->number(u"--min-interval"_s, 5, 0, 3600, &error);
    if (!minInterval)
        return usageError(error);
    eo.minIntervalS = *minInterval;
    const auto maxConcurrent = options->number(u"--max-concurrent"_s, 8, 1, 256, &error);
    if (!maxConcurrent)
        return usageError(error);
    eo.maxConcurrentProbes = int(*maxConcurrent);

    ExporterConfig config;
    if (options->has(u"--config"_s)) {
        auto loaded = loadExporterConfig(options->value(u"--config"_s), &error);
        if (!loaded)
            return usageError(error);
        config = *loaded;
    }
    // A missing key is worth a word at start (the probes will say auth_missing_key); its value never.
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const ExporterTarget &t : std::as_const(config.targets)) {
        if (!t.apiKeyEnv.isEmpty() && env.value(t.apiKeyEnv).isEmpty())
            err << "llmdoctor exporter: note: target " << t.name << ": environment variable " << t.apiKeyEnv
                << " is not set\n";
    }

    if (!QCoreApplication::instance())
        return 3;
    TerminationSignals signalsGuard;
    if (!signalsGuard.ok()) {
        err << "llmdoctor exporter: internal error: cannot watch for SIGTERM\n";
        return 3;
    }
    Exporter exporter(config, eo);
    exporter.setEnvironment(env);
    exporter.setLog([&err](const QString &line) {
        err << "llmdoctor exporter: " << line << "\n";
        err.flush();
    });
    if (!exporter.listen(&error)) {
        err << "llmdoctor exporter: " << error << "\n";
        return 2;
    }
    if (eo.address != QHostAddress(QHostAddress::LocalHost) &&
        eo.address != QHostAddress(QHostAddress::LocalHostIPv6))
        err << "llmdoctor exporter: note: reachable from other machines; /probe runs checks on request, so "
               "let only Prometheus reach it (firewall)\n";
    err.flush();
    QEventLoop loop;
    signalsGuard.onSignal(&exporter, [&loop] { loop.quit(); });
    loop.exec();
    exporter.stop();
    err << "llmdoctor exporter: stopped\n";
    err.flush();
    return 0;
}

} // namespace llmdoctor::core
