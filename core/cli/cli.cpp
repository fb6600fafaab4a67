#include "cli.h"

#include "diagnosecommand.h"
#include "explaincommand.h"
#include "exportercommand.h"
#include "monitorcommand.h"
#include "pathcommand.h"
#include "retrycommand.h"
#include "simulatecommand.h"
#include "targetoptions.h"

#include <QFile>
#include <QTextStream>
#include <csignal>
#include <cstdio>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

const QStringList &subcommands()
{
    static const QStringList names{u"diagnose"_s, u"explain"_s,  u"retry"_s, u"monitor"_s,
                                   u"simulate"_s, u"exporter"_s, u"path"_s};
    return names;
}

QString mainUsage()
{
    return u"llmdoctor: finds out why calls to an LLM API fail, and whose side the fault is on.\n\n"
           "Usage:\n"
           "  llmdoctor                                  open the wizard\n"
           "  llmdoctor [TARGET OPTIONS]                 open the wizard, filled in\n"
           "  llmdoctor diagnose [TARGET OPTIONS] [--format text|json] [--output FILE]\n"
           "  llmdoctor explain  (TEXT | --error-file F) [--format text|json]\n"
           "  llmdoctor retry    [TARGET OPTIONS] [--max-attempts N] [--max-wait S] [--format text|json]\n"
           "  llmdoctor monitor  [TARGET OPTIONS] [--interval S] [--duration S] [--format csv|json]\n"
           "  llmdoctor simulate --fault NAME [--port N] [--delay-ms N]\n"
           "  llmdoctor exporter [--listen HOST:PORT] [--config FILE]   Prometheus /probe?target=NAME\n"
           "  llmdoctor path     [TARGET OPTIONS] [--probes N] [--format text|json]\n"
           "  llmdoctor --help | --version\n\n"_s +
           targetOptionsHelp() + u"\nRun \"llmdoctor COMMAND --help\" for a command's own options.\n"_s;
}

} // namespace

bool isCliInvocation(const QStringList &args)
{
    if (args.size() < 2)
        return false;
    const QString &first = args.at(1);
    return subcommands().contains(first) || first == u"--help" || first == u"-h" || first == u"--version" ||
           first == u"help" || !first.startsWith(u'-');
}

int runCli(const QStringList &args)
{
#ifdef SIGPIPE
    // A closed pipe is a write error to report (exit 3), not a silent death mid-run.
    std::signal(SIGPIPE, SIG_IGN);
#endif
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString command = args.value(1);
    const QStringList rest = args.mid(2);
    if (command == u"--version") {
        out << "llmdoctor " << LLMDOCTOR_VERSION << "\n";
        return 0;
    }
    if (command == u"--help" || command == u"-h" || command == u"help") {
        out << mainUsage();
        return 0;
    }
    if (command == u"diagnose")
        return runDiagnoseCommand(rest, out, err, readKeyFromStdin);
    if (command == u"explain") {
        // All of standard input: a pasted traceback spans many lines.
        const auto readAllStdin = [] {
            QFile in;
            if (!in.open(stdin, QIODevice::ReadOnly))
                return QByteArray();
            return in.read(64 * 1024 * 1024);
        };
        return runExplainCommand(rest, out, err, readAllStdin);
    }
    if (command == u"retry")
        return runRetryCommand(rest, out, err, readKeyFromStdin);
    if (command == u"monitor")
        return runMonitorCommand(rest, out, err, readKeyFromStdin);
    if (command == u"simulate")
        return runSimulateCommand(rest, out, err);
    if (command == u"exporter")
        return runExporterCommand(rest, out, err);
    if (command == u"path")
        return runPathCommand(rest, out, err, readKeyFromStdin);
    err << "llmdoctor: unknown command \"" << command << "\"\n\n" << mainUsage();
    return 2;
}

} // namespace llmdoctor::core
