#pragma once

#include "../target/target.h"

#include <QMap>
#include <QProcessEnvironment>
#include <QString>
#include <optional>

namespace llmdoctor::core {

// One named target of the exporter's --config file. The key is never in the file: only the
// name of the environment variable that holds it.
struct ExporterTarget
{
    QString name;
    Target target;     // without the key
    QString apiKeyEnv; // empty = no key (a local server)
};

struct ExporterConfig
{
    QMap<QString, ExporterTarget> targets;
};

// {"targets": {"NAME": {"provider", "base_url", "model", "api_key_env", "proxy", "ca_file",
// "timeout", "status_url"}}}. nullopt and a plain *error (naming the target and field) for
// anything wrong; a field holding a key ("api_key") is refused, so it never sits in a file.
std::optional<ExporterConfig> parseExporterConfig(const QByteArray &json, QString *error);
std::optional<ExporterConfig> loadExporterConfig(const QString &path, QString *error);

// Target names become label values and URL parameters: letters, digits, '_', '-', '.', at most 64.
bool isValidTargetName(const QString &name);

// The target with its key read from the environment now (so a restarted service picks up a
// rotated key without a config change).
Target resolveTarget(const ExporterTarget &t, const QProcessEnvironment &env);

} // namespace llmdoctor::core
