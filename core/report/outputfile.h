#pragma once

#include <QByteArray>
#include <QString>

namespace llmdoctor::core {

// Where a result goes: standard output ("" or "-"), a pipe or device written into as it is
// (a FIFO, /dev/null, a terminal, or a symlink to one: never renamed over), or a regular file
// replaced atomically.
enum class OutputKind
{
    Stdout,
    Stream,
    File,
};

// What went wrong, for the exit status: Refused is bad input (2), Failed a write that did not
// happen in full (3).
enum class OutputProblem
{
    None,
    Refused,
    Failed,
};

struct OutputTarget
{
    OutputKind kind = OutputKind::Stdout;
    QString path;
};

// Checks before any work starts that path can be written (the folder exists and takes a new
// file; a pipe has a reader). *error is one plain sentence.
OutputProblem checkOutput(const QString &path, OutputTarget *target, QString *error);

// Writes all of data to the target: a file appears whole or not at all and any old one stays;
// nothing is left behind by a write that came up short (full disk, quota, closed stdout).
OutputProblem writeOutput(const OutputTarget &target, const QByteArray &data, QString *error);

// Writes all of data to a file descriptor, through interruptions and short writes.
bool writeAllToFd(int fd, const QByteArray &data, QString *error);

// Whether the reader of the pipe or socket on fd has gone (`llmdoctor monitor | head -1`).
bool outputReaderGone(int fd);

} // namespace llmdoctor::core
