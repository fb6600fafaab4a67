#pragma once

#include <QStringList>
#include <QTextStream>

namespace llmdoctor::core {

// `llmdoctor simulate --fault NAME [--port N] [--delay-ms N] [--share P] [--retry-after S]
// [--cert FILE --key FILE]`: runs the fault simulator until SIGINT or SIGTERM. args are the words
// after "simulate". Returns 0 after a clean stop or --help, 2 for bad usage or a port in use.
int runSimulateCommand(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace llmdoctor::core
