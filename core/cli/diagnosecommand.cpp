#include "diagnosecommand.h"

#include "../checks/diagnosis.h"
#include "../report/jsonreport.h"
#include "../report/textreport.h"
#include "targetoptions.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QSaveFile>
#include <unistd.h>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

QString usage()
{
    return u"Usage: llmdoctor diagnose [TARGET OPTIONS] [--format text|json] [--output FILE]\n"
           "                          [--send-test-request]\n\n"
           "Runs the checklist against an LLM API and says what is wrong and whose side it is on.\n"
           "Exit status: 0 nothing wrong, 1 a problem was found, 2 bad usage or input, 3 internal error.\n\n"_s +
           targetOptionsHelp() +
           u"\nOutput:\n"
           "  --format text|json   text for people (default), json for scripts (schema llmdoctor.report/1)\n"
           "  --output FILE        write the report to FILE instead of standard output\n"
           "\nCost:\n"
           "  --send-test-request  also send one tiny test request to the model (may cost a fraction of a\n"
           "                       cent); without it only the free model list is asked for\n"_s;
}

} // namespace

int runDiagnoseCommand(const QStringList &args, QTextStream &out, QTextStream &err,
                       const std::function<QByteArray()> &readStdin)
{
    if (args.contains(u"--help"_s) || args.contains(u"-h"_s)) {
        out << usage();
        return 0;
    }
    QStringList rest;
    QString error;
    auto target = parseTargetOptions(args, &rest, &error, readStdin);
    if (!target) {
        err << "llmdoctor diagnose: " << error << "\n";
        return 2;
    }
    QString format = u"text"_s;
    QString output;
    for (qsizetype i = 0; i < rest.size(); ++i) {
        if (rest.at(i) == u"--send-test-request") {
            target->sendTestRequest = true; // opt-in: the only request that may cost money
            continue;
        }
        QString name = rest.at(i), value;
        const bool inlineValue = name.contains(u'=');
        if (inlineValue) {
            value = name.section(u'=', 1);
            name = name.section(u'=', 0, 0);
        }
        if (name != u"--format" && name != u"--output") {
            err << "llmdoctor diagnose: unknown option \"" << rest.at(i)
                << "\" (see llmdoctor diagnose --help)\n";
            return 2;
        }
        if (!inlineValue) {
            if (i + 1 >= rest.size()) {
                err << "llmdoctor diagnose: " << name << " needs a value\n";
                return 2;
            }
            value = rest.at(++i);
        }
        (name == u"--format" ? format : output) = value;
    }
    if (format != u"text" && format != u"json") {
        err << "llmdoctor diagnose: --format must be text or json, not \"" << format << "\"\n";
        return 2;
    }

    Diagnosis diagnosis(*target);
    if (!diagnosis.prepare(&error)) {
        err << "llmdoctor diagnose: " << error << "\n";
        return 2;
    }
    QEventLoop loop;
    QObject::connect(&diagnosis, &Diagnosis::finished, &loop, &QEventLoop::quit);
    diagnosis.start();
    if (!diagnosis.isFinished())
        loop.exec();

    const bool toTerminal = output.isEmpty() && isatty(STDOUT_FILENO);
    const QByteArray report =
        format == u"json"
            ? QJsonDocument(reportJson(diagnosis)).toJson(QJsonDocument::Indented)
            : reportText(diagnosis, toTerminal && qEnvironmentVariableIsEmpty("NO_COLOR")).toUtf8();
    if (output.isEmpty()) {
        out << QString::fromUtf8(report);
        out.flush();
    } else {
        // Atomic: a reader never sees half a report, and a failed write leaves the old file.
        QSaveFile file(output);
        if (!file.open(QIODevice::WriteOnly) || file.write(report) != report.size() || !file.commit()) {
            err << "llmdoctor diagnose: cannot write the report to \"" << output
                << "\": " << file.errorString() << "\n";
            return 2;
        }
        err << "Report written to " << output << "\n";
    }
    return diagnosis.verdict().category == u"ok" ? 0 : 1;
}

} // namespace llmdoctor::core
