#pragma once

#include <QStringList>
#include <QTextStream>
#include <functional>

namespace llmdoctor::core {

// `llmdoctor diagnose [TARGET OPTIONS] [--format text|json] [--output FILE]`.
// Exit status: 0 nothing wrong, 1 a problem was diagnosed, 2 bad usage or input, 3 internal error.
int runDiagnoseCommand(const QStringList &args, QTextStream &out, QTextStream &err,
                       const std::function<QByteArray()> &readStdin);

} // namespace llmdoctor::core
