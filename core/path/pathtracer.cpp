#include "pathtracer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <thread>

#if defined(Q_OS_LINUX)
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <linux/errqueue.h>
#include <netinet/icmp6.h>
#include <netinet/in.h>
#include <netinet/ip_icmp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#elif defined(Q_OS_WIN)
// clang-format off
#include <winsock2.h>
#include <ws2tcpip.h>
#include <iphlpapi.h>
#include <icmpapi.h>
// clang-format on
#else
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <netinet/ip_icmp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

// An answer to one probe: which probe (its id), who answered, and whether that is the destination.
struct Reply
{
    int id = -1;
    QHostAddress from;
    bool reached = false; // the destination answered (port unreachable, echo reply)
    bool final = false;   // nothing lies beyond (reached, or a router said "unreachable")
};

constexpr quint16 basePort = 33434; // traceroute's first port; probe n goes to basePort + n

#if defined(Q_OS_LINUX)

QHostAddress fromSockaddr(const sockaddr *sa)
{
    QHostAddress a;
    if (sa)
        a.setAddress(sa);
    return a;
}

// A datagram socket whose ICMP errors the kernel hands back on the error queue (IP_RECVERR):
// time exceeded from each router, port unreachable (or an echo reply) from the destination.
class ProbeSocket final
{
public:
    ~ProbeSocket()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }

    bool open(const QHostAddress &destination, bool allowIcmp, QString *error)
    {
        m_destination = destination;
        m_v6 = destination.protocol() == QAbstractSocket::IPv6Protocol;
        const int family = m_v6 ? AF_INET6 : AF_INET;
        if (allowIcmp) {
            // Allowed where net.ipv4.ping_group_range holds our group; otherwise EACCES.
            m_fd = ::socket(family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC,
                            m_v6 ? int(IPPROTO_ICMPV6) : int(IPPROTO_ICMP));
            m_icmp = m_fd >= 0;
        }
        if (m_fd < 0)
            m_fd = ::socket(family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (m_fd < 0) {
            *error = QCoreApplication::translate("Path", "cannot open a socket: %1")
                         .arg(QString::fromLocal8Bit(strerror(errno)));
            return false;
        }
        const int on = 1;
        const bool ok = m_v6 ? ::setsockopt(m_fd, SOL_IPV6, IPV6_RECVERR, &on, sizeof on) == 0
                             : ::setsockopt(m_fd, SOL_IP, IP_RECVERR, &on, sizeof on) == 0;
        if (!ok) {
            *error =
                u"cannot ask for ICMP errors (IP_RECVERR): %1"_s.arg(QString::fromLocal8Bit(strerror(errno)));
            return false;
        }
        return true;
    }

    QString method() const { return m_icmp ? u"icmp"_s : u"udp"_s; }

    bool send(int ttl, int id, QString *error)
    {
        const bool ok = m_v6 ? ::setsockopt(m_fd, SOL_IPV6, IPV6_UNICAST_HOPS, &ttl, sizeof ttl) == 0
                             : ::setsockopt(m_fd, SOL_IP, IP_TTL, &ttl, sizeof ttl) == 0;
        if (!ok) {
            *error = QCoreApplication::translate("Path", "cannot set the TTL: %1")
                         .arg(QString::fromLocal8Bit(strerror(errno)));
            return false;
        }
        sockaddr_storage ss{};
        socklen_t len = 0;
        const quint16 port = m_icmp ? 0 : quint16(basePort + id);
        if (m_v6) {
            auto *sa = reinterpret_cast<sockaddr_in6 *>(&ss);
            sa->sin6_family = AF_INET6;
            sa->sin6_port = htons(port);
            const Q_IPV6ADDR a = m_destination.toIPv6Address();
            std::memcpy(&sa->sin6_addr, &a, 16);
            len = sizeof(sockaddr_in6);
        } else {
            auto *sa = reinterpret_cast<sockaddr_in *>(&ss);
            sa->sin_family = AF_INET;
            sa->sin_port = htons(port);
            sa->sin_addr.s_addr = htonl(m_destination.toIPv4Address());
            len = sizeof(sockaddr_in);
        }
        unsigned char packet[16] = {};
        if (m_icmp) {
            // Echo request; the kernel fills in the identifier and the checksum.
            packet[0] = m_v6 ? ICMP6_ECHO_REQUEST : ICMP_ECHO;
            packet[6] = quint8(id >> 8);
            packet[7] = quint8(id);
        }
        packet[8] = quint8(id >> 8); // the id in the payload as well
        packet[9] = quint8(id);
        // The ICMP error of an earlier probe is also reported by the next send, which then sends
        // nothing: the error is in the queue as an answer already, so send again.
        for (int attempt = 0; attempt < 4; ++attempt) {
            if (::sendto(m_fd, packet, sizeof packet, 0, reinterpret_cast<sockaddr *>(&ss), len) >= 0)
                return true;
            if (errno != EHOSTUNREACH && errno != ENETUNREACH && errno != ECONNREFUSED && errno != EAGAIN &&
                errno != EINTR)
                break;
        }
        *error = QCoreApplication::translate("Path", "cannot send a probe: %1")
                     .arg(QString::fromLocal8Bit(strerror(errno)));
        return false;
    }

    std::optional<Reply> receive(int timeoutMs)
    {
        if (auto r = readError())
            return r;
        if (auto r = readData())
            return r;
        pollfd p{m_fd, POLLIN | POLLERR, 0};
        if (::poll(&p, 1, std::max(0, timeoutMs)) <= 0)
            return std::nullopt;
        if (auto r = readError())
            return r;
        return readData();
    }

private:
    int idFromPacket(const unsigned char *data, ssize_t n) const
    {
        if (m_icmp)
            return n >= 8 ? (data[6] << 8) | data[7] : -1;
        return -1;
    }

    std::optional<Reply> readError()
    {
        for (int round = 0; round < 64; ++round) {
            unsigned char data[64];
            char control[512];
            sockaddr_storage name{};
            iovec iov{data, sizeof data};
            msghdr msg{};
            msg.msg_name = &name;
            msg.msg_namelen = sizeof name;
            msg.msg_iov = &iov;
            msg.msg_iovlen = 1;
            msg.msg_control = control;
            msg.msg_controllen = sizeof control;
            const ssize_t n = ::recvmsg(m_fd, &msg, MSG_ERRQUEUE | MSG_DONTWAIT);
            if (n < 0)
                return std::nullopt;
            for (cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
                const bool v4 = c->cmsg_level == SOL_IP && c->cmsg_type == IP_RECVERR;
                const bool v6 = c->cmsg_level == SOL_IPV6 && c->cmsg_type == IPV6_RECVERR;
                if (!v4 && !v6)
                    continue;
                const auto *ee = reinterpret_cast<const sock_extended_err *>(CMSG_DATA(c));
                if (ee->ee_origin != SO_EE_ORIGIN_ICMP && ee->ee_origin != SO_EE_ORIGIN_ICMP6)
                    continue; // a local error (message too long): no hop answered
                Reply r;
                r.from = fromSockaddr(SO_EE_OFFENDER(ee));
                // The original destination's port says which probe; a ping socket's echo its sequence.
                if (m_icmp) {
                    r.id = idFromPacket(data, n);
                } else if (name.ss_family == AF_INET) {
                    r.id = ntohs(reinterpret_cast<const sockaddr_in *>(&name)->sin_port) - basePort;
                } else if (name.ss_family == AF_INET6) {
                    r.id = ntohs(reinterpret_cast<const sockaddr_in6 *>(&name)->sin6_port) - basePort;
                }
                const bool timeExceeded =
                    v4 ? ee->ee_type == ICMP_TIME_EXCEEDED : ee->ee_type == ICMP6_TIME_EXCEEDED;
                const bool unreachable =
                    v4 ? ee->ee_type == ICMP_DEST_UNREACH : ee->ee_type == ICMP6_DST_UNREACH;
                r.reached = unreachable && r.from == m_destination;
                r.final = unreachable;
                if ((timeExceeded || unreachable) && r.id >= 0)
                    return r;
            }
        }
        return std::nullopt;
    }

    std::optional<Reply> readData()
    {
        unsigned char data[128];
        sockaddr_storage from{};
        socklen_t len = sizeof from;
        const ssize_t n =
            ::recvfrom(m_fd, data, sizeof data, MSG_DONTWAIT, reinterpret_cast<sockaddr *>(&from), &len);
        if (n < 0 || !m_icmp)
            return std::nullopt; // a UDP answer would be a server on that port: not ours to read
        const bool echoReply = m_v6 ? data[0] == ICMP6_ECHO_REPLY : data[0] == ICMP_ECHOREPLY;
        if (n < 8 || !echoReply)
            return std::nullopt;
        Reply r;
        r.id = idFromPacket(data, n);
        r.from = fromSockaddr(reinterpret_cast<sockaddr *>(&from));
        r.reached = true;
        r.final = true;
        return r;
    }

    int m_fd = -1;
    bool m_v6 = false;
    bool m_icmp = false;
    QHostAddress m_destination;
};

#elif defined(Q_OS_WIN)

// Windows lets any user send ICMP echoes with a TTL through the IP Helper API. Each call blocks
// until its answer or timeout, so probes go one at a time (compiled, not tested here).
class ProbeSocket final
{
public:
    ~ProbeSocket()
    {
        if (m_handle != INVALID_HANDLE_VALUE)
            IcmpCloseHandle(m_handle);
    }

    bool open(const QHostAddress &destination, bool, QString *error)
    {
        m_destination = destination;
        if (destination.protocol() != QAbstractSocket::IPv4Protocol) {
            *error = QCoreApplication::translate("Path", "the path test supports IPv4 only on Windows");
            return false;
        }
        m_handle = IcmpCreateFile();
        if (m_handle == INVALID_HANDLE_VALUE) {
            *error = QCoreApplication::translate("Path", "IcmpCreateFile failed (%1)").arg(GetLastError());
            return false;
        }
        return true;
    }

    QString method() const { return u"windows"_s; }

    bool send(int ttl, int id, QString *)
    {
        char payload[8] = {};
        IP_OPTION_INFORMATION options{};
        options.Ttl = UCHAR(ttl);
        unsigned char reply[sizeof(ICMP_ECHO_REPLY) + 64] = {};
        const DWORD n =
            IcmpSendEcho2(m_handle, nullptr, nullptr, nullptr, htonl(m_destination.toIPv4Address()), payload,
                          sizeof payload, &options, reply, sizeof reply, 1000);
        const auto *r = reinterpret_cast<const ICMP_ECHO_REPLY *>(reply);
        // A router's "time exceeded" may come back as a failed call with the reply filled in.
        if (n > 0 || (r->Address != 0 && r->Status == IP_TTL_EXPIRED_TRANSIT)) {
            Reply out;
            out.id = id;
            out.from = QHostAddress(quint32(ntohl(r->Address)));
            out.reached = r->Status == IP_SUCCESS;
            out.final =
                out.reached || r->Status == IP_DEST_HOST_UNREACHABLE || r->Status == IP_DEST_NET_UNREACHABLE;
            if (out.reached || r->Status == IP_TTL_EXPIRED_TRANSIT || out.final)
                m_queue.push_back(out);
        }
        return true;
    }

    std::optional<Reply> receive(int timeoutMs)
    {
        if (m_queue.empty()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(std::clamp(timeoutMs, 0, 100)));
            return std::nullopt;
        }
        Reply r = m_queue.front();
        m_queue.erase(m_queue.begin());
        return r;
    }

private:
    HANDLE m_handle = INVALID_HANDLE_VALUE;
    QHostAddress m_destination;
    std::vector<Reply> m_queue;
};

#else

// macOS and the BSDs: an unprivileged ICMP datagram socket receives echo replies and, with the
// IP header in front, the time-exceeded messages of routers (compiled, not tested here).
class ProbeSocket final
{
public:
    ~ProbeSocket()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }

    bool open(const QHostAddress &destination, bool, QString *error)
    {
        m_destination = destination;
        if (destination.protocol() != QAbstractSocket::IPv4Protocol) {
            *error = QCoreApplication::translate("Path", "the path test supports IPv4 only on this system");
            return false;
        }
        m_fd = ::socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
        if (m_fd < 0) {
            *error = QCoreApplication::translate("Path", "cannot open an ICMP socket: %1")
                         .arg(QString::fromLocal8Bit(strerror(errno)));
            return false;
        }
        return true;
    }

    QString method() const { return u"icmp"_s; }

    bool send(int ttl, int id, QString *error)
    {
        ::setsockopt(m_fd, IPPROTO_IP, IP_TTL, &ttl, sizeof ttl);
        unsigned char packet[16] = {};
        packet[0] = ICMP_ECHO;
        packet[4] = quint8(getpid() >> 8);
        packet[5] = quint8(getpid());
        packet[6] = quint8(id >> 8);
        packet[7] = quint8(id);
        quint32 sum = 0;
        for (size_t i = 0; i < sizeof packet; i += 2)
            sum += (packet[i] << 8) | packet[i + 1];
        while (sum >> 16)
            sum = (sum & 0xffff) + (sum >> 16);
        const quint16 check = quint16(~sum);
        packet[2] = quint8(check >> 8);
        packet[3] = quint8(check);
        sockaddr_in sa{};
        sa.sin_family = AF_INET;
        sa.sin_addr.s_addr = htonl(m_destination.toIPv4Address());
        if (::sendto(m_fd, packet, sizeof packet, 0, reinterpret_cast<sockaddr *>(&sa), sizeof sa) < 0) {
            *error = QCoreApplication::translate("Path", "cannot send a probe: %1")
                         .arg(QString::fromLocal8Bit(strerror(errno)));
            return false;
        }
        return true;
    }

    std::optional<Reply> receive(int timeoutMs)
    {
        pollfd p{m_fd, POLLIN, 0};
        if (::poll(&p, 1, std::max(0, timeoutMs)) <= 0)
            return std::nullopt;
        unsigned char data[512];
        sockaddr_in from{};
        socklen_t len = sizeof from;
        const ssize_t n = ::recvfrom(m_fd, data, sizeof data, 0, reinterpret_cast<sockaddr *>(&from), &len);
        if (n < 28)
            return std::nullopt;
        const int ihl = (data[0] & 0x0f) * 4; // the IP header comes first on these systems
        if (n < ihl + 8)
            return std::nullopt;
        const unsigned char *icmp = data + ihl;
        Reply r;
        r.from = QHostAddress(quint32(ntohl(from.sin_addr.s_addr)));
        if (icmp[0] == ICMP_ECHOREPLY) {
            r.id = (icmp[6] << 8) | icmp[7];
            r.reached = r.final = true;
            return r;
        }
        if ((icmp[0] == ICMP_TIMXCEED || icmp[0] == ICMP_UNREACH) && n >= ihl + 8 + 20 + 8) {
            const unsigned char *inner = icmp + 8;
            const int innerIhl = (inner[0] & 0x0f) * 4;
            if (n < ihl + 8 + innerIhl + 8)
                return std::nullopt;
            const unsigned char *echo = inner + innerIhl;
            r.id = (echo[6] << 8) | echo[7];
            r.final = icmp[0] == ICMP_UNREACH;
            return r;
        }
        return std::nullopt;
    }

private:
    int m_fd = -1;
    QHostAddress m_destination;
};

#endif

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

} // namespace

PathResult tracePath(const PathOptions &options, const std::atomic<bool> &cancelled,
                     const std::function<void(const PathResult &)> &progress)
{
    QElapsedTimer total;
    total.start();
    PathResult result;
    result.target = options.target;
    result.destination = options.destination;
    const int maxHops = std::clamp(options.maxHops, 1, 64);
    const int probes = std::clamp(options.probes, 1, 100);
    ProbeSocket socket;
    if (!socket.open(options.destination, options.allowIcmp, &result.error))
        return result;
    result.method = socket.method();

    struct Pending
    {
        int ttl;
        Clock::time_point sent;
    };
    std::map<int, Pending> pending;
    std::vector<PathHop> hops(static_cast<size_t>(maxHops));
    for (int i = 0; i < maxHops; ++i)
        hops[size_t(i)].ttl = i + 1;
    int endTtl = 0; // the first TTL that reached the destination (or a router that said "unreachable")
    int highestSent = 0;
    int lastAnswered = 0;
    int nextId = 0;
    const auto startedAt = Clock::now();

    auto sendProbe = [&](int ttl, int round) {
        const int id = nextId++;
        if (!socket.send(ttl, id, &result.error))
            return false;
        pending[id] = {ttl, Clock::now()};
        ++hops[size_t(ttl - 1)].sent;
        highestSent = std::max(highestSent, ttl);
        Q_UNUSED(round);
        return true;
    };
    auto snapshot = [&](bool final) {
        PathResult r = result;
        const int last =
            endTtl > 0 ? endTtl : std::min(highestSent, std::max(lastAnswered + (final ? 0 : 1), 1));
        r.hops.clear();
        for (int t = 1; t <= last && t <= highestSent; ++t) {
            PathHop h = hops[size_t(t - 1)];
            int inFlight = 0;
            for (const auto &[id, p] : pending)
                inFlight += p.ttl == t ? 1 : 0;
            h.sent -= inFlight; // not yet answered, not yet lost
            h.lost = h.sent - int(h.rttsMs.size());
            r.hops.append(h);
        }
        r.durationMs = double(total.nsecsElapsed()) / 1e6;
        return r;
    };
    auto onReply = [&](const Reply &reply) {
        const auto it = pending.find(reply.id);
        if (it == pending.end())
            return; // late, or not ours
        const int ttl = it->second.ttl;
        PathHop &h = hops[size_t(ttl - 1)];
        h.rttsMs.push_back(msSince(it->second.sent));
        pending.erase(it);
        if (h.address.isNull())
            h.address = reply.from;
        h.destination = h.destination || reply.reached;
        lastAnswered = std::max(lastAnswered, ttl);
        if (reply.reached)
            result.reached = true;
        if (reply.final && (endTtl == 0 || ttl < endTtl))
            endTtl = ttl;
    };
    auto expire = [&] {
        for (auto it = pending.begin(); it != pending.end();) {
            if (msSince(it->second.sent) >= options.replyTimeoutMs)
                it = pending.erase(it); // lost: sent, never answered
            else
                ++it;
        }
    };
    auto outOfTime = [&] { return cancelled.load() || msSince(startedAt) >= options.deadlineMs; };
    auto listen = [&](int ms) {
        const auto until = Clock::now() + std::chrono::milliseconds(ms);
        while (Clock::now() < until && !outOfTime()) {
            const int left =
                int(std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count());
            if (auto r = socket.receive(std::clamp(left, 0, 100)))
                onReply(*r);
            expire();
        }
    };

    // Discovery: up to five TTLs in flight until the destination answers (or maxHops).
    constexpr int window = 5;
    bool failed = false;
    while (!outOfTime() && !failed) {
        const bool discovering = endTtl == 0 && highestSent < maxHops;
        while (discovering && int(pending.size()) < window && highestSent < maxHops && endTtl == 0) {
            if (!sendProbe(highestSent + 1, 0)) {
                failed = true;
                break;
            }
        }
        if (pending.empty() && (endTtl > 0 || highestSent >= maxHops))
            break;
        listen(50);
        // A run of silent TTLs past the last answer: the destination does not answer probes.
        if (endTtl == 0 && highestSent - lastAnswered > 8 && pending.empty())
            break;
    }
    // Probes past the end got their answers from the destination too; they are not hops.
    const int lastTtl = endTtl > 0 ? endTtl : std::min(highestSent, lastAnswered + 1);
    for (int t = lastTtl + 1; t <= maxHops; ++t) {
        hops[size_t(t - 1)] = PathHop();
        hops[size_t(t - 1)].ttl = t;
    }
    for (auto it = pending.begin(); it != pending.end();)
        it = it->second.ttl > lastTtl ? pending.erase(it) : std::next(it);
    highestSent = std::min(highestSent, lastTtl);
    // Only the first probe to each hop, from the discovery: the rounds count the same for all.
    for (int t = 1; t <= lastTtl; ++t) {
        PathHop &h = hops[size_t(t - 1)];
        if (h.sent > 1) {
            h.rttsMs.resize(std::min<size_t>(h.rttsMs.size(), 1));
            h.sent = 1;
        }
    }
    if (progress && !failed)
        progress(snapshot(false));

    // Rounds: every hop once per interval.
    auto roundStart = Clock::now();
    for (int round = 1; round < probes && !outOfTime() && !failed && lastTtl > 0; ++round) {
        listen(int(std::max(0.0, options.roundIntervalMs - msSince(roundStart))));
        if (outOfTime())
            break;
        roundStart = Clock::now();
        for (int t = 1; t <= lastTtl && !failed; ++t)
            failed = !sendProbe(t, round);
        listen(50);
        if (progress)
            progress(snapshot(false));
    }
    // The last answers.
    while (!pending.empty() && !outOfTime()) {
        if (auto r = socket.receive(100))
            onReply(*r);
        expire();
    }
    if (cancelled.load()) {
        result.cancelled = true;
        result.error = QCoreApplication::translate("Path", "cancelled");
    } else if (msSince(startedAt) >= options.deadlineMs && result.error.isEmpty()) {
        result.error =
            QCoreApplication::translate("Path", "the time limit ran out before every probe was answered");
    }
    pending.clear();
    PathResult out = snapshot(true);
    out.error = result.error;
    out.cancelled = result.cancelled;
    return out;
}

PathTracer::PathTracer(PathOptions options, QObject *parent) : QObject(parent), m_options(std::move(options))
{
    qRegisterMetaType<PathResult>();
}

PathTracer::~PathTracer()
{
    m_done = true;
    stopThread();
}

void PathTracer::stopThread()
{
    m_cancelled->store(true);
    if (m_thread) {
        m_thread->wait(); // the trace polls the flag every 100 ms
        delete m_thread;
        m_thread = nullptr;
    }
}

void PathTracer::start()
{
    if (m_running || m_done)
        return;
    m_running = true;
    const PathOptions options = m_options;
    const std::shared_ptr<std::atomic<bool>> cancelled = m_cancelled;
    // The destructor waits for the thread, so the tracer outlives it; calls queued to a tracer
    // that is gone by the time they run are dropped by Qt.
    PathTracer *owner = this;
    m_thread = QThread::create([options, cancelled, owner] {
        const PathResult r = tracePath(options, *cancelled, [owner](const PathResult &partial) {
            QMetaObject::invokeMethod(
                owner,
                [owner, partial] {
                    if (!owner->m_done)
                        emit owner->progress(partial);
                },
                Qt::QueuedConnection);
        });
        QMetaObject::invokeMethod(
            owner,
            [owner, r] {
                if (owner->m_done)
                    return;
                owner->m_done = true;
                owner->m_running = false;
                emit owner->finished(r);
            },
            Qt::QueuedConnection);
    });
    m_thread->start();
}

void PathTracer::cancel()
{
    if (m_done || !m_running)
        return;
    m_cancelled->store(true);
    // finished() follows from the thread within ~100 ms, with what was found so far.
}

} // namespace llmdoctor::core
