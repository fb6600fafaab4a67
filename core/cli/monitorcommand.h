#pragma once

#include <QStringList>
#include <QTextStream>
#include <functional>

namespace llmdoctor::core {

// llmdoctor monitor [TARGET OPTIONS] [--interval S] [--duration S] [--format csv|json] [--output FILE]
// Probes at a fixed interval and reports every sample, rolling statistics and timing
// signatures. Exit: 0 every probe worked, 1 some failed, 2 bad usage.
int runMonitorCommand(const QStringList &args, QTextStream &out, QTextStream &err,
                      const std::function<QByteArray()> &readStdin);

} // namespace llmdoctor::core
