#include "servers.h"

#include "waiting.h"

#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace llmdoctor::test {

using namespace Qt::StringLiterals;

bool underCi()
{
    return qgetenv("CI") == "true";
}

QString findServerBinary(const QString &name)
{
    QString found = QStandardPaths::findExecutable(name);
    if (found.isEmpty())
        found = QStandardPaths::findExecutable(name, {u"/usr/sbin"_s, u"/usr/local/sbin"_s, u"/sbin"_s});
    return found;
}

quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

ServerProcess::~ServerProcess()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(3000)) {
            m_process->kill();
            m_process->waitForFinished(3000);
        }
    }
}

bool ServerProcess::start(const QString &program, const QStringList &args, quint16 port, QString *error,
                          int timeoutMs)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardInputFile(QProcess::nullDevice());
    m_process->start(program, args);
    if (!m_process->waitForStarted(5000)) {
        *error = u"%1 did not start: %2"_s.arg(program, m_process->errorString());
        return false;
    }
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        if (m_process->state() == QProcess::NotRunning) {
            *error = u"%1 exited: %2"_s.arg(program, QString::fromLocal8Bit(m_process->readAll()));
            return false;
        }
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, port);
        if (probe.waitForConnected(200)) {
            probe.abort();
            return true;
        }
        QThread::msleep(50);
    }
    *error = u"%1 did not listen on port %2 within %3 ms: %4"_s.arg(program).arg(port).arg(timeoutMs).arg(
        QString::fromLocal8Bit(m_process->readAll()));
    return false;
}

void ServerProcess::kill()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(3000);
    }
}

QString ServerProcess::output() const
{
    return m_process ? QString::fromLocal8Bit(m_process->readAll()) : QString();
}

bool TestCertificates::run(const QStringList &args, QString *error)
{
    QProcess p;
    p.setWorkingDirectory(m_dir.path());
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(u"openssl"_s, args);
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = u"openssl %1 failed: %2"_s.arg(args.join(u' '), QString::fromLocal8Bit(p.readAll()));
        return false;
    }
    return true;
}

bool TestCertificates::makeLeaf(const QString &name, const QString &cn, const QString &san,
                                const QString &start, const QString &end, QString *error)
{
    return run({u"req"_s, u"-new"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s,
                u"-nodes"_s, u"-keyout"_s, name + u".key"_s, u"-out"_s, name + u".csr"_s, u"-subj"_s,
                u"/CN="_s + cn, u"-addext"_s, u"subjectAltName="_s + san},
               error) &&
           run({u"ca"_s, u"-batch"_s, u"-config"_s, u"ca.cnf"_s, u"-cert"_s, u"ca.crt"_s, u"-keyfile"_s,
                u"ca.key"_s, u"-in"_s, name + u".csr"_s, u"-out"_s, name + u".crt"_s, u"-startdate"_s, start,
                u"-enddate"_s, end, u"-notext"_s},
               error);
}

bool TestCertificates::create(QString *error)
{
    if (!m_dir.isValid()) {
        *error = u"no temporary folder"_s;
        return false;
    }
    QFile cnf(path(u"ca.cnf"));
    if (!cnf.open(QIODevice::WriteOnly)) {
        *error = cnf.errorString();
        return false;
    }
    // `openssl ca` is the one openssl 3.0 command that can back-date a certificate.
    cnf.write("[ ca ]\ndefault_ca = testca\n[ testca ]\ndir = .\ndatabase = index.txt\nnew_certs_dir = .\n"
              "serial = serial\ndefault_md = sha256\npolicy = anything\ncopy_extensions = copy\n"
              "unique_subject = no\n[ anything ]\ncommonName = supplied\n");
    cnf.close();
    QFile(path(u"index.txt")).open(QIODevice::WriteOnly);
    QFile serial(path(u"serial"));
    serial.open(QIODevice::WriteOnly);
    serial.write("1000\n");
    serial.close();
    const QString san = u"DNS:localhost,IP:127.0.0.1"_s;
    return run({u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s,
                u"-nodes"_s, u"-keyout"_s, u"ca.key"_s, u"-out"_s, u"ca.crt"_s, u"-days"_s, u"30"_s,
                u"-subj"_s, u"/CN=llmdoctor test CA"_s},
               error) &&
           run({u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s,
                u"-nodes"_s, u"-keyout"_s, u"selfsigned.key"_s, u"-out"_s, u"selfsigned.crt"_s, u"-days"_s,
                u"30"_s, u"-subj"_s, u"/CN=localhost"_s, u"-addext"_s, u"subjectAltName="_s + san},
               error) &&
           makeLeaf(u"good"_s, u"localhost"_s, san, u"20240101000000Z"_s, u"20991231000000Z"_s, error) &&
           makeLeaf(u"expired"_s, u"localhost"_s, san, u"20200101000000Z"_s, u"20210101000000Z"_s, error) &&
           makeLeaf(u"wronghost"_s, u"wrong.example"_s, u"DNS:wrong.example"_s, u"20240101000000Z"_s,
                    u"20991231000000Z"_s, error);
}

BlackholeListener::BlackholeListener()
{
    m_listenFd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (m_listenFd < 0)
        return;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (::bind(m_listenFd, reinterpret_cast<sockaddr *>(&addr), len) != 0 || ::listen(m_listenFd, 0) != 0 ||
        ::getsockname(m_listenFd, reinterpret_cast<sockaddr *>(&addr), &len) != 0)
        return;
    // Fill the accept queue; the kernel then drops further SYNs instead of answering.
    for (int i = 0; i < 4; ++i) {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        ::fcntl(fd, F_SETFL, O_NONBLOCK);
        ::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
        m_fillers.append(fd);
    }
    QThread::msleep(100);
    m_port = ntohs(addr.sin_port);
}

BlackholeListener::~BlackholeListener()
{
    for (const int fd : std::as_const(m_fillers))
        ::close(fd);
    if (m_listenFd >= 0)
        ::close(m_listenFd);
}

CliRun runCli(const QStringList &args, const QByteArray &stdinData, int timeoutMs,
              const QProcessEnvironment &env)
{
    return runProgram(QStringLiteral(LLMDOCTOR_BINARY), args, stdinData, timeoutMs, env);
}

bool canUnshare(const QString &flag, QString *why)
{
    const QString unshare = QStandardPaths::findExecutable(QStringLiteral("unshare"));
    if (unshare.isEmpty()) {
        *why = QStringLiteral("unshare (util-linux) is not installed");
        return false;
    }
    QProcess p;
    p.start(unshare, {flag, QStringLiteral("true")});
    if (!p.waitForFinished(10000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *why = QStringLiteral("the kernel refuses \"unshare %1\" here (%2): it needs root or user namespaces")
                   .arg(flag, QString::fromLocal8Bit(p.readAllStandardError()).trimmed());
        return false;
    }
    return true;
}

CliRun runProgram(const QString &program, const QStringList &args, const QByteArray &stdinData, int timeoutMs,
                  const QProcessEnvironment &env)
{
    CliRun r;
    QProcess p;
    p.setProcessEnvironment(env);
    QElapsedTimer clock;
    clock.start();
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return r;
    if (!stdinData.isNull())
        p.write(stdinData);
    p.closeWriteChannel();
    // The event loop must keep running: in-process servers (the simulator) answer from it.
    waitFor([&p] { return p.state() == QProcess::NotRunning; }, timeoutMs);
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished(3000);
        r.exitCode = -2;
    } else {
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }
    r.elapsedMs = clock.elapsed();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace llmdoctor::test
