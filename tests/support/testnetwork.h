#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

namespace llmdoctor::test {

// A small multi-hop network of network namespaces, for tests only:
//   client 10.77.1.2 — 10.77.1.1 router1 10.77.2.1 — 10.77.2.2 router2 10.77.3.1 — 10.77.3.2 server
// (with one router, the server sits at 10.77.2.2). Names carry the test's pid; the namespaces
// (and with them their veth pairs and rules) are removed when this object dies. Only these
// addresses, inside these namespaces, are ever probed.
class TestNetwork final
{
public:
    TestNetwork() = default;
    ~TestNetwork();
    TestNetwork(const TestNetwork &) = delete;
    TestNetwork &operator=(const TestNetwork &) = delete;

    // false with *error when namespaces cannot be made here (not root, no iproute2).
    bool create(int routers, QString *error);
    // Drops that share (0..1) of the packets router n (1-based) forwards, both ways (nftables numgen).
    bool addLoss(int router, double share, QString *error);
    // Drops forwarded TCP packets to this port on router n: a firewall blocking the API only.
    bool blockTcpPort(int router, quint16 port, QString *error);
    // Delays every packet router n sends towards the server by delayMs ± jitterMs, each packet anew
    // (uniform), as tc netem would, but in user space through a TUN device (tests/support/packetdelay).
    bool addDelay(int router, int delayMs, int jitterMs, QString *error);

    QString clientNs() const { return m_names.front(); }
    QString serverNs() const { return m_names.back(); }
    QString serverAddress() const;
    QString routerAddress(int router) const; // the address the client's probes see it by
    int routers() const { return m_routers; }

    // A process inside a namespace (ip netns exec), stopped when this object dies.
    QProcess *startIn(const QString &ns, const QString &program, const QStringList &args);
    // Runs to the end (or timeoutMs); the exit code, -1 when it did not finish.
    int runIn(const QString &ns, const QString &program, const QStringList &args, QByteArray *out,
              QByteArray *err, int timeoutMs);

private:
    bool ip(const QStringList &args, QString *error);
    bool nft(const QString &ns, const QString &rules, QString *error);
    QString linkName(int link, bool rightSide) const; // the veth end of link n (1-based) on that side
    bool sh(const QString &program, const QStringList &args, QString *error, const QByteArray &input = {});

    std::vector<QString> m_names; // client, routers…, server
    int m_routers = 0;
    std::vector<std::unique_ptr<QProcess>> m_processes;
};

} // namespace llmdoctor::test
