#pragma once

#include "core/sim/simulator.h"
#include "core/target/target.h"

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <memory>
#include <ostream>

namespace llmdoctor::test {

bool underCi();
inline core::SimulatorOptions faultOptions(core::Fault fault, double flakyShare = 0.5)
{
    core::SimulatorOptions o;
    o.fault = fault;
    o.flakyShare = flakyShare;
    return o;
}
// A target pointing at the simulator, never through a proxy.
inline core::Target simulatorTarget(const core::Simulator &sim, int timeoutMs = 5000)
{
    core::Target t;
    t.baseUrl = sim.baseUrl();
    t.timeoutMs = timeoutMs;
    t.proxy.mode = core::ProxyChoice::Mode::None;
    return t;
}
// Looks in PATH and in the sbin folders where Debian puts daemons (nginx, haproxy, squid).
QString findServerBinary(const QString &name);
quint16 freePort();

// A real server process of the test's own, stopped when this object dies.
class ServerProcess final
{
public:
    ServerProcess() = default;
    ~ServerProcess();
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    // Starts the program and waits until 127.0.0.1:port accepts connections.
    bool start(const QString &program, const QStringList &args, quint16 port, QString *error,
               int timeoutMs = 10000);
    QString output() const;
    // Stops it at once (SIGKILL), for servers whose orderly shutdown takes seconds (squid).
    void kill();

private:
    std::unique_ptr<QProcess> m_process;
};

// Certificates made by the openssl command line in a temporary folder: a private CA, leaves
// signed by it (good, expired, for another name) and a self-signed one.
class TestCertificates final
{
public:
    bool create(QString *error);
    QString dir() const { return m_dir.path(); }
    QString caCert() const { return path(u"ca.crt"); }
    QString cert(QStringView name) const { return path(name.toString() + QStringLiteral(".crt")); }
    QString key(QStringView name) const { return path(name.toString() + QStringLiteral(".key")); }

private:
    QString path(QStringView file) const { return m_dir.filePath(file.toString()); }
    bool run(const QStringList &args, QString *error);
    bool makeLeaf(const QString &name, const QString &cn, const QString &san, const QString &start,
                  const QString &end, QString *error);
    QTemporaryDir m_dir;
};

// A listening socket whose accept queue is full: connection attempts to it are silently
// dropped, as by a firewall, so a connect times out without leaving 127.0.0.1.
class BlackholeListener final
{
public:
    BlackholeListener();
    ~BlackholeListener();
    quint16 port() const { return m_port; }
    bool ok() const { return m_port != 0; }

private:
    int m_listenFd = -1;
    QList<int> m_fillers;
    quint16 m_port = 0;
};

// Result of running the llmdoctor binary.
struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    qint64 elapsedMs = 0;
};
CliRun runCli(const QStringList &args, const QByteArray &stdinData = {}, int timeoutMs = 60000,
              const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
// The same for any program (unshare wrapping the binary, a shell pipeline).
CliRun runProgram(const QString &program, const QStringList &args, const QByteArray &stdinData = {},
                  int timeoutMs = 60000,
                  const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
// Whether "unshare FLAG true" works here (-n: a network namespace, -m: a mount namespace);
// *why says what refused it.
bool canUnshare(const QString &flag, QString *why);

} // namespace llmdoctor::test

// Readable QStrings in test failure messages.
inline void PrintTo(const QString &s, std::ostream *os)
{
    *os << '"' << s.toStdString() << '"';
}

// Skips a test whose server is not installed, except under CI where every test must run.
#define LLMDOCTOR_REQUIRE_BINARY(var, name)                                                                  \
    const QString var = ::llmdoctor::test::findServerBinary(QStringLiteral(name));                           \
    if (var.isEmpty()) {                                                                                     \
        if (::llmdoctor::test::underCi())                                                                    \
            FAIL() << name << " is not installed; CI installs it (.ci/run) and must run this test";          \
        else                                                                                                 \
            GTEST_SKIP() << name << " is not installed (scripts/run-tests.sh installs it)";                  \
    }

// Skips a test that needs "unshare FLAG" where the kernel refuses it, except under CI.
#define LLMDOCTOR_REQUIRE_UNSHARE(flag)                                                                      \
    if (QString unshareWhy; !::llmdoctor::test::canUnshare(QStringLiteral(flag), &unshareWhy)) {             \
        if (::llmdoctor::test::underCi())                                                                    \
            FAIL() << unshareWhy.toStdString() << "; CI runs as root and must run this test";                \
        else                                                                                                 \
            GTEST_SKIP() << unshareWhy.toStdString();                                                        \
    }
