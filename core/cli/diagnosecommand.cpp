#include "diagnosecommand.h"

#include "../checks/diagnosis.h"
#include "../report/findings.h"
#include "../report/report.h"
#include "commandoptions.h"
#include "targetoptions.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <unistd.h>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

QString usage()
{
    return u"Usage: llmdoctor diagnose [TARGET OPTIONS] [--format text|json|markdown|html|har]\n"
           "                          [--output FILE] [--send-test-request] [--check-keepalive] "
           "[--check-path]\n\n"
           "Runs the checklist against an LLM API and says what is wrong and whose side it is on.\n"
           "Exit status: 0 nothing wrong, 1 a problem was found, 2 bad usage or input, 3 internal error or\n"
           "the report could not be written whole.\n\n"_s +
           targetOptionsHelp() +
           u"\nOutput:\n"
           "  --format F           text for people (default); json for scripts (schema llmdoctor.report/1);\n"
           "                       markdown to paste into an issue or a support form; html, one file to "
           "send\n"
           "                       or open in a browser; har, every HTTP request for browser developer "
           "tools.\n"
           "                       Keys and cookies never appear in any of them\n"
           "  --output FILE        write the report to FILE (replaced whole, or left as it was) instead of\n"
           "                       standard output; - is standard output; a pipe or device is written into\n"
           "\nCost:\n"
           "  --send-test-request  also send one tiny test request to the model and one short streamed\n"
           "                       one (may cost a fraction of a cent); without it only the free model\n"
           "                       list is asked for\n"
           "\nTime:\n"
           "  --check-keepalive    also find how long the server keeps an idle connection open (reuses\n"
           "                       one connection after pauses of 1, 2, 4 and 8 s: up to 15 s longer)\n"
           "  --check-path         also follow the route to the server hop by hop and find where packets\n"
           "                       are lost (as llmdoctor path, 8 probes per hop: about 10 s longer)\n"_s;
}

} // namespace

int runDiagnoseCommand(const QStringList &args, QTextStream &out, QTextStream &err,
                       const std::function<QByteArray()> &readStdin)
{
    int exitCode = 0;
    auto parsed = parseCommand(args, u"diagnose"_s, usage(), {u"--format"_s, u"--output"_s},
                               {u"--send-test-request"_s, u"--check-keepalive"_s, u"--check-path"_s}, out,
                               err, readStdin, &exitCode);
    if (!parsed)
        return exitCode;
    Target &target = parsed->target;
    const CommandOptions &options = parsed->options;
    QString error;
    // Opt-in: the only request that may cost money.
    target.sendTestRequest = options.flags.contains(u"--send-test-request"_s);
    target.checkKeepAlive = options.flags.contains(u"--check-keepalive"_s);
    target.checkPath = options.flags.contains(u"--check-path"_s);
    const QString format = options.value(u"--format"_s, u"text"_s);
    const QString output = options.value(u"--output"_s);
    const std::optional<ReportFormat> reportFormat = reportFormatFromName(format);
    const bool pdf = !reportFormat && format.compare(u"pdf"_s, Qt::CaseInsensitive) == 0;
    if (pdf && !pdfRenderer()) {
        err << "llmdoctor diagnose: this build cannot write PDF (it has no Qt GUI); use --format html\n";
        return 2;
    }
    if (pdf && (output.isEmpty() || output == u"-")) {
        err << "llmdoctor diagnose: a PDF goes into a file: add --output FILE.pdf\n";
        return 2;
    }
    if (!reportFormat && !pdf) {
        err << "llmdoctor diagnose: --format must be one of " << reportFormatNames().join(u", "_s)
            << ", pdf, not \"" << format << "\"\n";
        return 2;
    }

    const std::optional<OutputTarget> sink = checkCommandOutput(output, err, u"diagnose"_s, &exitCode);
    if (!sink)
        return exitCode;

    Diagnosis diagnosis(target);
    if (!diagnosis.prepare(&error)) {
        err << "llmdoctor diagnose: " << error << "\n";
        return 2;
    }
    QEventLoop loop;
    QObject::connect(&diagnosis, &Diagnosis::finished, &loop, &QEventLoop::quit);
    diagnosis.start();
    if (!diagnosis.isFinished())
        loop.exec();

    const bool toTerminal = sink->kind == OutputKind::Stdout && isatty(STDOUT_FILENO);
    const Findings findings = buildFindings({&diagnosis});
    const QByteArray report =
        pdf ? pdfRenderer()(findings)
            : renderReport(findings, *reportFormat, toTerminal && qEnvironmentVariableIsEmpty("NO_COLOR"));
    if (const int failed = writeCommandOutput(report, *sink, out, err, u"diagnose"_s, u"report"_s))
        return failed;
    return findings.verdict.category == Category::Ok ? 0 : 1;
}

} // namespace llmdoctor::core
