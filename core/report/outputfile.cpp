#include "outputfile.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QTemporaryFile>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace

OutputProblem checkOutput(const QString &path, OutputTarget *target, QString *error)
{
    auto refuse = [error](const QString &why) {
        *error = why;
        return OutputProblem::Refused;
    };
    target->path = path;
    if (path.isEmpty() || path == u"-") {
        target->kind = OutputKind::Stdout;
        return OutputProblem::None;
    }
    if (path.trimmed().isEmpty())
        return refuse(u"no file name was given"_s);
    struct stat st
    {
    };
    // stat follows a symlink: what counts is what it points at.
    if (::stat(QFile::encodeName(path).constData(), &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return refuse(u"\"%1\" is a folder; give a file name inside it"_s.arg(shown(path)));
        if (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)) {
            target->kind = OutputKind::Stream;
            return OutputProblem::None;
        }
        if (!S_ISREG(st.st_mode))
            return refuse(
                u"\"%1\" is neither a file, a pipe nor a terminal; give a file name"_s.arg(shown(path)));
    }
    target->kind = OutputKind::File;
    const QFileInfo info(path);
    if (!info.absoluteDir().exists())
        return refuse(u"the folder \"%1\" does not exist"_s.arg(shown(info.absolutePath())));
    // A real try beats permission bits: a read-only mount, a quota or an ACL says no here.
    QTemporaryFile probe(info.absoluteDir().filePath(u".llmdoctor-XXXXXX"_s));
    if (!probe.open())
        return refuse(u"\"%1\" cannot be written: %2"_s.arg(shown(path), probe.errorString()));
    return OutputProblem::None;
}

bool writeAllToFd(int fd, const QByteArray &data, QString *error)
{
    const char *p = data.constData();
    qsizetype left = data.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, size_t(left));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN) {
            pollfd pfd{fd, POLLOUT, 0};
            ::poll(&pfd, 1, 1000);
            continue;
        }
        if (n <= 0) {
            *error =
                errno == EPIPE ? u"nobody is reading any more (the pipe was closed)"_s : errnoText(errno);
            return false;
        }
        p += n;
        left -= n;
    }
    return true;
}

OutputProblem writeOutput(const OutputTarget &target, const QByteArray &data, QString *error)
{
    auto fail = [error](const QString &why) {
        *error = why;
        return OutputProblem::Failed;
    };
    QString why;
    switch (target.kind) {
    case OutputKind::Stdout:
        if (::fcntl(STDOUT_FILENO, F_GETFD) < 0)
            return fail(u"standard output is closed"_s);
        if (!writeAllToFd(STDOUT_FILENO, data, &why))
            return fail(u"writing to standard output failed: %1"_s.arg(why));
        return OutputProblem::None;
    case OutputKind::Stream: {
        // O_NONBLOCK: opening a FIFO nobody reads would otherwise wait for ever; its reader may
        // still be starting ("llmdoctor … --output fifo & cat fifo"), so it gets a few seconds.
        int fd = -1;
        for (int tries = 0; tries < 30; ++tries) {
            fd = ::open(QFile::encodeName(target.path).constData(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
            if (fd >= 0 || errno != ENXIO)
                break;
            ::usleep(100 * 1000);
        }
        if (fd < 0)
            return fail(errno == ENXIO
                            ? u"nothing is reading from the pipe \"%1\""_s.arg(shown(target.path))
                            : u"\"%1\" cannot be opened: %2"_s.arg(shown(target.path), errnoText(errno)));
        const bool ok = writeAllToFd(fd, data, &why);
        ::close(fd);
        if (!ok)
            return fail(u"writing to \"%1\" failed: %2"_s.arg(shown(target.path), why));
        return OutputProblem::None;
    }
    case OutputKind::File:
        break;
    }
    QSaveFile file(target.path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(u"\"%1\" cannot be written: %2"_s.arg(shown(target.path), file.errorString()));
    if (file.write(data) != data.size() || !file.flush()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return fail(u"writing \"%1\" failed: %2"_s.arg(shown(target.path), reason));
    }
    if (!file.commit())
        return fail(u"\"%1\" could not be saved: %2"_s.arg(shown(target.path), file.errorString()));
    return OutputProblem::None;
}

bool outputReaderGone(int fd)
{
    struct stat st
    {
    };
    if (::fstat(fd, &st) != 0)
        return true; // closed
    if (!S_ISFIFO(st.st_mode) && !S_ISSOCK(st.st_mode))
        return false;
    pollfd pfd{fd, 0, 0};
    return ::poll(&pfd, 1, 0) > 0 && (pfd.revents & (POLLERR | POLLHUP | POLLNVAL));
}

} // namespace llmdoctor::core
