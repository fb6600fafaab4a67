#include "commandoptions.h"

#include "../report/report.h"
#include "targetoptions.h"

#include <QTimer>
#include <cmath>
#include <unistd.h>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

std::optional<double> CommandOptions::number(const QString &name, double fallback, double min, double max,
                                             QString *error) const
{
    if (!values.contains(name))
        return fallback;
    bool ok = false;
    const double v = values.value(name).toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < min || v > max) {
        *error = u"%1 needs a number from %2 to %3, not \"%4\""_s.arg(
            name, QString::number(min, 'g', 12), QString::number(max, 'g', 12), values.value(name));
        return std::nullopt;
    }
    return v;
}

std::optional<CommandOptions> parseCommandOptions(const QStringList &args, const QStringList &withValue,
                                                  const QStringList &flags, const QString &command,
                                                  QString *error)
{
    CommandOptions o;
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString name = args.at(i), value;
        if (flags.contains(name)) {
            o.flags.insert(name);
            continue;
        }
        const bool inlineValue = name.startsWith(u"--") && name.contains(u'=');
        if (inlineValue) {
            value = name.section(u'=', 1);
            name = name.section(u'=', 0, 0);
        }
        if (!withValue.contains(name)) {
            *error = u"unknown option \"%1\" (see llmdoctor %2 --help)"_s.arg(args.at(i), command);
            return std::nullopt;
        }
        if (!inlineValue) {
            if (i + 1 >= args.size()) {
                *error = u"%1 needs a value"_s.arg(name);
                return std::nullopt;
            }
            value = args.at(++i);
        }
        o.values.insert(name, value);
    }
    return o;
}

std::optional<ParsedCommand> parseCommand(const QStringList &args, const QString &command,
                                          const QString &usage, const QStringList &withValue,
                                          const QStringList &flags, QTextStream &out, QTextStream &err,
                                          const std::function<QByteArray()> &readStdin, int *exitCode)
{
    if (args.contains(u"--help"_s) || args.contains(u"-h"_s)) {
        out << usage;
        *exitCode = 0;
        return std::nullopt;
    }
    QStringList rest;
    QString error;
    auto target = parseTargetOptions(args, &rest, &error, readStdin);
    std::optional<CommandOptions> options;
    if (target)
        options = parseCommandOptions(rest, withValue, flags, command, &error);
    if (!options) {
        err << "llmdoctor " << command << ": " << error << "\n";
        *exitCode = 2;
        return std::nullopt;
    }
    return ParsedCommand{*target, *options};
}

std::optional<OutputTarget> checkCommandOutput(const QString &path, QTextStream &err, const QString &command,
                                               int *exitCode)
{
    OutputTarget target;
    QString why;
    if (checkOutput(path, &target, &why) != OutputProblem::None) {
        err << "llmdoctor " << command << ": cannot write to --output: " << why << "\n";
        *exitCode = 2;
        return std::nullopt;
    }
    return target;
}

int writeCommandOutput(const QByteArray &data, const OutputTarget &target, QTextStream &out, QTextStream &err,
                       const QString &command, const QString &what)
{
    out.flush(); // whatever went through the stream first stays first
    QString why;
    const OutputProblem problem = writeOutput(target, data, &why);
    if (problem != OutputProblem::None) {
        err << "llmdoctor " << command << ": cannot write the " << what << ": " << why << "\n";
        err.flush();
        return problem == OutputProblem::Refused ? 2 : 3;
    }
    if (target.kind != OutputKind::Stdout)
        err << what.left(1).toUpper() << what.mid(1) << " written to " << target.path << "\n";
    return 0;
}

void watchOutputReader(QObject *context, const std::function<void()> &gone)
{
    if (!outputReaderGone(STDOUT_FILENO) && isatty(STDOUT_FILENO))
        return; // a terminal does not go away under a running command
    auto *timer = new QTimer(context);
    timer->setInterval(100);
    QObject::connect(timer, &QTimer::timeout, context, [timer, gone] {
        if (!outputReaderGone(STDOUT_FILENO))
            return;
        timer->stop();
        gone();
    });
    timer->start();
}

} // namespace llmdoctor::core
