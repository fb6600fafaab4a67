#pragma once

#include "../report/outputfile.h"
#include "../target/target.h"

#include <QMap>
#include <QSet>
#include <QStringList>
#include <QTextStream>
#include <functional>
#include <optional>

namespace llmdoctor::core {

// A subcommand's own options, after the target options are taken: "--name value" and
// "--name=value" for those in withValue, bare "--name" for flags.
struct CommandOptions
{
    QMap<QString, QString> values;
    QSet<QString> flags;

    QString value(const QString &name, const QString &fallback = {}) const
    {
        return values.value(name, fallback);
    }
    bool has(const QString &name) const { return values.contains(name) || flags.contains(name); }
    // A number in [min, max]; nullopt and a plain *error otherwise (the fallback when not given).
    std::optional<double> number(const QString &name, double fallback, double min, double max,
                                 QString *error) const;
};

// nullopt and a plain *error for an unknown option or a missing value; command names the
// subcommand for "see llmdoctor COMMAND --help".
std::optional<CommandOptions> parseCommandOptions(const QStringList &args, const QStringList &withValue,
                                                  const QStringList &flags, const QString &command,
                                                  QString *error);

// What every subcommand with target options starts with: --help, the target options, then its
// own. nullopt when the command ends here with *exitCode (0 after --help, 2 for bad input, said on err).
struct ParsedCommand
{
    Target target;
    CommandOptions options;
};
std::optional<ParsedCommand> parseCommand(const QStringList &args, const QString &command,
                                          const QString &usage, const QStringList &withValue,
                                          const QStringList &flags, QTextStream &out, QTextStream &err,
                                          const std::function<QByteArray()> &readStdin, int *exitCode);

// Checks --output before any work starts; nullopt after telling err why, with *exitCode 2.
std::optional<OutputTarget> checkCommandOutput(const QString &path, QTextStream &err, const QString &command,
                                               int *exitCode);

// Writes a result to standard output, into a pipe or device, or atomically to a file (a reader
// never sees half of it, and a failed write leaves the old file). 0, or the exit status after
// telling err why in one line: 2 refused, 3 the write failed or came up short.
int writeCommandOutput(const QByteArray &data, const OutputTarget &target, QTextStream &out, QTextStream &err,
                       const QString &command, const QString &what);

// Calls gone() once when the reader of standard output goes away (`llmdoctor monitor | head -1`):
// a long run then stops at once instead of sending requests nobody will see.
void watchOutputReader(QObject *context, const std::function<void()> &gone);

} // namespace llmdoctor::core
