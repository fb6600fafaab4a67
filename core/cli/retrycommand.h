#pragma once

#include <QStringList>
#include <QTextStream>
#include <functional>

namespace llmdoctor::core {

// llmdoctor retry [TARGET OPTIONS] [--max-attempts N] [--max-wait S] [--cap S] [--format text|json]
//                 [--output FILE]
// Waits and retries the model-list request as the official SDKs do, until it works, retrying
// cannot help, or the attempts or time run out. Exit: 0 succeeded, 1 not, 2 bad usage.
int runRetryCommand(const QStringList &args, QTextStream &out, QTextStream &err,
                    const std::function<QByteArray()> &readStdin);

} // namespace llmdoctor::core
