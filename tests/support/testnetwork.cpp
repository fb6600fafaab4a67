#include "testnetwork.h"

#include <QCoreApplication>
#include <QStandardPaths>

namespace llmdoctor::test {

using namespace Qt::StringLiterals;

TestNetwork::~TestNetwork()
{
    for (auto &p : m_processes) {
        if (p->state() != QProcess::NotRunning) {
            p->kill();
            p->waitForFinished(3000);
        }
    }
    m_processes.clear();
    for (const QString &ns : m_names)
        QProcess::execute(u"ip"_s, {u"netns"_s, u"del"_s, ns});
}

bool TestNetwork::sh(const QString &program, const QStringList &args, QString *error, const QByteArray &input)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(5000)) {
        *error = u"cannot run %1: %2"_s.arg(program, p.errorString());
        return false;
    }
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(15000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = u"%1 %2 failed: %3"_s.arg(program, args.join(u' '),
                                           QString::fromLocal8Bit(p.readAllStandardError()).trimmed());
        return false;
    }
    return true;
}

bool TestNetwork::ip(const QStringList &args, QString *error)
{
    return sh(u"ip"_s, args, error);
}

bool TestNetwork::nft(const QString &ns, const QString &rules, QString *error)
{
    if (QStandardPaths::findExecutable(u"nft"_s).isEmpty() &&
        QStandardPaths::findExecutable(u"nft"_s, {u"/usr/sbin"_s, u"/sbin"_s}).isEmpty()) {
        *error = u"nft (package nftables) is not installed"_s;
        return false;
    }
    return sh(u"ip"_s, {u"netns"_s, u"exec"_s, ns, u"nft"_s, u"-f"_s, u"-"_s}, error, rules.toUtf8());
}

bool TestNetwork::create(int routers, QString *error)
{
    m_routers = std::clamp(routers, 1, 2);
    const QString tag = u"ld%1"_s.arg(QCoreApplication::applicationPid());
    m_names.push_back(tag + u"c"_s);
    for (int r = 1; r <= m_routers; ++r)
        m_names.push_back(tag + u"r%1"_s.arg(r));
    m_names.push_back(tag + u"s"_s);
    for (const QString &ns : m_names) {
        if (!ip({u"netns"_s, u"add"_s, ns}, error))
            return false;
        ip({u"-n"_s, ns, u"link"_s, u"set"_s, u"lo"_s, u"up"_s}, error);
    }
    // Link i joins m_names[i] (.2 side... see the table in the header) and m_names[i+1].
    for (size_t i = 0; i + 1 < m_names.size(); ++i) {
        const int net = int(i) + 1;
        const QString a = linkName(net, false), b = linkName(net, true);
        const QString left = m_names[i], right = m_names[i + 1];
        // The client side of each link is .2 on net 1 (client) and .1 on the router's far side.
        const QString leftAddr = i == 0 ? u"10.77.1.2/24"_s : u"10.77.%1.1/24"_s.arg(net);
        const QString rightAddr = i == 0 ? u"10.77.1.1/24"_s : u"10.77.%1.2/24"_s.arg(net);
        if (!ip({u"link"_s, u"add"_s, a, u"netns"_s, left, u"type"_s, u"veth"_s, u"peer"_s, u"name"_s, b,
                 u"netns"_s, right},
                error) ||
            !ip({u"-n"_s, left, u"addr"_s, u"add"_s, leftAddr, u"dev"_s, a}, error) ||
            !ip({u"-n"_s, right, u"addr"_s, u"add"_s, rightAddr, u"dev"_s, b}, error) ||
            !ip({u"-n"_s, left, u"link"_s, u"set"_s, a, u"up"_s}, error) ||
            !ip({u"-n"_s, right, u"link"_s, u"set"_s, b, u"up"_s}, error))
            return false;
    }
    // Routes: everything towards the server goes right, everything back goes left.
    const int links = int(m_names.size()) - 1;
    for (int i = 0; i < int(m_names.size()); ++i) {
        const QString &ns = m_names[size_t(i)];
        if (i < links) { // a right-hand neighbour: its address on link i+1
            const QString via = i == 0 ? u"10.77.1.1"_s : u"10.77.%1.2"_s.arg(i + 1);
            for (int net = i + 2; net <= links; ++net)
                if (!ip({u"-n"_s, ns, u"route"_s, u"add"_s, u"10.77.%1.0/24"_s.arg(net), u"via"_s, via},
                        error))
                    return false;
        }
        if (i > 0) { // a left-hand neighbour: its address on link i
            const QString via = i == 1 ? u"10.77.1.2"_s : u"10.77.%1.1"_s.arg(i);
            for (int net = 1; net < i; ++net)
                if (!ip({u"-n"_s, ns, u"route"_s, u"add"_s, u"10.77.%1.0/24"_s.arg(net), u"via"_s, via},
                        error))
                    return false;
        }
        if (i > 0 && i < links &&
            !sh(u"ip"_s, {u"netns"_s, u"exec"_s, ns, u"sysctl"_s, u"-qw"_s, u"net.ipv4.ip_forward=1"_s},
                error))
            return false;
    }
    return true;
}

QString TestNetwork::linkName(int link, bool rightSide) const
{
    return u"ld%1%2%3"_s.arg(QCoreApplication::applicationPid()).arg(rightSide ? u"b"_s : u"a"_s).arg(link);
}

QString TestNetwork::serverAddress() const
{
    return u"10.77.%1.2"_s.arg(m_routers + 1);
}

QString TestNetwork::routerAddress(int router) const
{
    return router == 1 ? u"10.77.1.1"_s : u"10.77.%1.2"_s.arg(router);
}

bool TestNetwork::addLoss(int router, double share, QString *error)
{
    const int percent = int(std::lround(share * 100));
    return nft(m_names[size_t(router)],
               u"table inet loss {\n"
               "  chain forward {\n"
               "    type filter hook forward priority 0; policy accept;\n"
               "    numgen random mod 100 < %1 drop\n"
               "  }\n"
               "}\n"_s.arg(percent),
               error);
}

bool TestNetwork::blockTcpPort(int router, quint16 port, QString *error)
{
    return nft(m_names[size_t(router)],
               u"table inet firewall {\n"
               "  chain forward {\n"
               "    type filter hook forward priority 0; policy accept;\n"
               "    tcp dport %1 drop\n"
               "  }\n"
               "}\n"_s.arg(port),
               error);
}

bool TestNetwork::addDelay(int router, int delayMs, int jitterMs, QString *error)
{
    // No tc netem: many kernels (CI's among them) are built without sch_netem. Router n instead
    // routes packets for the server into a TUN device that our packetdelay holds them in; what
    // comes back out of the device is routed on (table 100, by incoming interface) as before.
    const QString &ns = m_names[size_t(router)];
    const QString tun = u"lddelay"_s;
    QByteArray route;
    if (runIn(ns, u"ip"_s, {u"route"_s, u"get"_s, serverAddress()}, &route, nullptr, 5000) != 0) {
        *error = u"ip route get %1 failed in %2"_s.arg(serverAddress(), ns);
        return false;
    }
    const QStringList words = QString::fromLatin1(route).simplified().split(u' ');
    const auto after = [&](const QString &key) {
        const qsizetype i = words.indexOf(key);
        return i >= 0 && i + 1 < words.size() ? words[i + 1] : QString();
    };
    const QString dev = after(u"dev"_s);
    const QString via = after(u"via"_s);

    QProcess *delay = startIn(ns, QStringLiteral(LLMDOCTOR_PACKETDELAY),
                              {tun, QString::number(delayMs), QString::number(jitterMs)});
    if (!delay->waitForReadyRead(5000) || !delay->readLine().startsWith("ready")) {
        *error = u"packetdelay did not start: "_s + QString::fromLocal8Bit(delay->readAllStandardError());
        return false;
    }
    QStringList next{u"route"_s, u"add"_s, serverAddress() + u"/32"_s};
    if (!via.isEmpty())
        next << u"via"_s << via;
    next << u"dev"_s << dev << u"table"_s << u"100"_s;
    return sh(u"ip"_s,
              {u"netns"_s, u"exec"_s, ns, u"sysctl"_s, u"-qw"_s, u"net.ipv4.conf.all.rp_filter=0"_s,
               u"net.ipv4.conf.%1.rp_filter=0"_s.arg(tun)},
              error) &&
           ip({u"-n"_s, ns, u"link"_s, u"set"_s, tun, u"up"_s}, error) &&
           ip(QStringList{u"-n"_s, ns} + next, error) &&
           ip({u"-n"_s, ns, u"rule"_s, u"add"_s, u"iif"_s, tun, u"lookup"_s, u"100"_s}, error) &&
           ip({u"-n"_s, ns, u"route"_s, u"add"_s, serverAddress() + u"/32"_s, u"dev"_s, tun}, error);
}

QProcess *TestNetwork::startIn(const QString &ns, const QString &program, const QStringList &args)
{
    auto p = std::make_unique<QProcess>();
    p->start(u"ip"_s, QStringList{u"netns"_s, u"exec"_s, ns, program} + args);
    p->waitForStarted(5000);
    m_processes.push_back(std::move(p));
    return m_processes.back().get();
}

int TestNetwork::runIn(const QString &ns, const QString &program, const QStringList &args, QByteArray *out,
                       QByteArray *err, int timeoutMs)
{
    QProcess p;
    p.start(u"ip"_s, QStringList{u"netns"_s, u"exec"_s, ns, program} + args);
    if (!p.waitForStarted(5000))
        return -1;
    p.closeWriteChannel();
    const bool done = p.waitForFinished(timeoutMs);
    if (!done) {
        p.kill();
        p.waitForFinished(3000);
    }
    if (out)
        *out = p.readAllStandardOutput();
    if (err)
        *err = p.readAllStandardError();
    return done && p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace llmdoctor::test
