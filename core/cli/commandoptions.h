#pragma once

#include <QMap>
#include <QSet>
#include <QStringList>
#include <QTextStream>
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

// Writes a result to standard output, or atomically to a file (a reader never sees half of it,
// and a failed write leaves the old file). false after telling err why.
bool writeCommandOutput(const QByteArray &data, const QString &path, QTextStream &out, QTextStream &err,
                        const QString &command, const QString &what);

} // namespace llmdoctor::core
