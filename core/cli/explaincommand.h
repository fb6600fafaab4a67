#pragma once

#include <QStringList>
#include <QTextStream>
#include <functional>

namespace llmdoctor::core {

// `llmdoctor explain (TEXT... | --error-file F) [--format text|json]`: what an error message
// means, which hop produced it and who should act, before any check runs. `--error-file -`
// reads standard input through readStdin.
// Exit status: 0 nothing wrong, 1 a problem was explained, 2 bad usage or input, 3 internal error.
int runExplainCommand(const QStringList &args, QTextStream &out, QTextStream &err,
                      const std::function<QByteArray()> &readStdin);

} // namespace llmdoctor::core
