#pragma once

#include "../target/target.h"

#include <QStringList>
#include <QTextStream>
#include <functional>
#include <optional>

namespace llmdoctor::core {

// Parses the TARGET OPTIONS of DESIGN.md (--provider --base-url --model --api-key-env
// --api-key-stdin --proxy --ca-file --timeout --error-text --status-url). Options it does not
// know are left in *rest, in order. readStdin supplies the key for --api-key-stdin.
std::optional<Target> parseTargetOptions(const QStringList &args, QStringList *rest, QString *error,
                                         const std::function<QByteArray()> &readStdin);

// True when the arguments name something to test (--base-url or --provider).
bool hasTargetOption(const QStringList &args);

QString targetOptionsHelp();

// Reads the first line of standard input (without its line break): the key for --api-key-stdin.
QByteArray readKeyFromStdin();

} // namespace llmdoctor::core
