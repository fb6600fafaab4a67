#pragma once

#include <QStringList>
#include <QTextStream>
#include <functional>

namespace llmdoctor::core {

// llmdoctor path [TARGET OPTIONS] [--probes N] [--format text|json] [--output FILE]
// The route to the API host hop by hop, with loss and round-trip times, without privileges.
// Exit: 0 reached without loss, 1 loss found or not reached, 2 bad usage, 3 the trace could not run.
int runPathCommand(const QStringList &args, QTextStream &out, QTextStream &err,
                   const std::function<QByteArray()> &readStdin);

} // namespace llmdoctor::core
