#include "commandoptions.h"

#include "../report/report.h"
#include "targetoptions.h"

#include <cmath>

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
        *error = u"%1 needs a number from %2 to %3, not \"%4\""_s.arg(name).arg(min).arg(max).arg(
            values.value(name));
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

bool writeCommandOutput(const QByteArray &data, const QString &path, QTextStream &out, QTextStream &err,
                        const QString &command, const QString &what)
{
    if (path.isEmpty()) {
        out << QString::fromUtf8(data);
        out.flush();
        return true;
    }
    QString why;
    if (!writeReportFile(data, path, &why)) {
        err << "llmdoctor " << command << ": cannot write the " << what << ": " << why << "\n";
        return false;
    }
    err << what.left(1).toUpper() << what.mid(1) << " written to " << path << "\n";
    return true;
}

} // namespace llmdoctor::core
