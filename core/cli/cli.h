#pragma once

#include <QStringList>

namespace llmdoctor::core {

// True when the arguments ask for the command line (a subcommand, --help, --version) rather
// than the wizard. args[0] is the program.
bool isCliInvocation(const QStringList &args);

// Runs a subcommand with standard input, output and error. Needs a QCoreApplication.
int runCli(const QStringList &args);

} // namespace llmdoctor::core
