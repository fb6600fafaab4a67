#include "hostileserver.h"

#include <QFile>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <sys/socket.h>

namespace llmdoctor::test {

namespace {

// Keeps at most this much queued in Qt's write buffer: the flow of an endless answer follows
// what the client reads, so the server itself stays small.
constexpr qint64 kQueued = 256 * 1024;
constexpr const char *kSentProperty = "hostileSent";
constexpr const char *kStartedProperty = "hostileStarted";
constexpr const char *kTrickledProperty = "hostileTrickled";

QByteArray fillerLine(qint64 n)
{
    return "X-Filler-" + QByteArray::number(n) + ": " + QByteArray(200, 'a') + "\r\n";
}

} // namespace

HostileServer::HostileServer(Behaviour behaviour, QObject *parent)
    : QObject(parent), m_behaviour(behaviour), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &HostileServer::onConnection);
}

HostileServer::~HostileServer()
{
    for (QTcpSocket *s : std::as_const(m_sockets)) {
        if (s) {
            s->disconnect(this);
            s->abort();
        }
    }
}

bool HostileServer::start()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 HostileServer::port() const
{
    return m_server->serverPort();
}

QUrl HostileServer::baseUrl(bool https) const
{
    return QUrl(QStringLiteral("%1://127.0.0.1:%2/v1").arg(https ? u"https" : u"http").arg(port()));
}

int HostileServer::openConnections() const
{
    int n = 0;
    for (QTcpSocket *s : m_sockets)
        n += s->state() == QAbstractSocket::ConnectedState ? 1 : 0;
    return n;
}

void HostileServer::send(QTcpSocket *socket, const QByteArray &bytes)
{
    socket->write(bytes);
}

void HostileServer::onConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        ++m_connections;
        m_sockets.append(socket);
        socket->setParent(this);
        socket->setProperty(kSentProperty, qint64(0));
        connect(socket, &QTcpSocket::bytesWritten, this, [this, socket](qint64 n) {
            const qint64 sent = socket->property(kSentProperty).toLongLong() + n;
            socket->setProperty(kSentProperty, sent);
            m_bytesSent += n;
            m_mostSentOnOne = std::max(m_mostSentOnOne, sent);
            if (m_behaviour == Behaviour::EndlessBody || m_behaviour == Behaviour::EndlessHeaders ||
                m_behaviour == Behaviour::Garbage || socket->property("hostileEndless").toBool())
                pump(socket);
        });
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            const QByteArray got = socket->readAll();
            m_bytesReceived += got.size();
            if (m_behaviour == Behaviour::EndlessPosts && !socket->property(kStartedProperty).toBool()) {
                socket->setProperty(kStartedProperty, true);
                if (got.startsWith("GET")) {
                    const QByteArray list =
                        R"({"object":"list","data":[{"id":"gpt-4o-mini","object":"model"}]})";
                    send(socket, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                                 "Content-Length: " +
                                     QByteArray::number(list.size()) + "\r\n\r\n" + list);
                    socket->disconnectFromHost();
                } else {
                    socket->setProperty("hostileEndless", true);
                    send(socket, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n");
                    pump(socket);
                }
                return;
            }
            if (socket->property(kStartedProperty).toBool() || m_behaviour == Behaviour::StallTls)
                return; // the TLS staller reads the ClientHello and says nothing, ever
            socket->setProperty(kStartedProperty, true);
            switch (m_behaviour) {
            case Behaviour::TrickleHeaders: {
                auto *timer = new QTimer(socket);
                const auto step = [this, socket] {
                    static const QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" +
                                                   fillerLine(0) + fillerLine(1) + fillerLine(2);
                    const qsizetype at = socket->property(kTrickledProperty).toLongLong();
                    if (at < head.size())
                        send(socket, head.mid(at, 1));
                    socket->setProperty(kTrickledProperty, qint64(at + 1));
                };
                connect(timer, &QTimer::timeout, socket, step);
                timer->start(1000);
                step(); // the first byte right away
                break;
            }
            case Behaviour::EndlessBody:
                send(socket, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{\"data\":[");
                pump(socket);
                break;
            case Behaviour::EndlessHeaders:
                send(socket, "HTTP/1.1 200 OK\r\n");
                pump(socket);
                break;
            case Behaviour::Garbage:
                pump(socket);
                break;
            case Behaviour::ResetMidBody: {
                send(socket,
                     "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1048576\r\n\r\n" +
                         QByteArray(4096, ' '));
                // Once those bytes are out, close with SO_LINGER 0: the kernel sends a reset.
                QTimer::singleShot(200, socket, [socket] {
                    socket->flush();
                    const linger l{1, 0};
                    ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &l, sizeof l);
                    socket->abort();
                });
                break;
            }
            case Behaviour::StallTls:
            case Behaviour::EndlessPosts: // answered above
                break;
            }
        });
    }
}

void HostileServer::pump(QTcpSocket *socket)
{
    if (socket->state() != QAbstractSocket::ConnectedState)
        return;
    while (socket->bytesToWrite() < kQueued) {
        const qint64 sent = socket->property(kSentProperty).toLongLong() + socket->bytesToWrite();
        switch (m_behaviour) {
        case Behaviour::EndlessBody:
            send(socket, "{\"id\":\"" + QByteArray(4000, 'm') + "\"},");
            break;
        case Behaviour::EndlessPosts: // word after word, never [DONE]
            send(socket,
                 "data: {\"choices\":[{\"delta\":{\"content\":\"" + QByteArray(4000, 'w') + "\"}}]}\n\n");
            break;
        case Behaviour::EndlessHeaders:
            send(socket, fillerLine(sent));
            break;
        case Behaviour::Garbage: {
            // Deterministic noise without CR or LF: a parser can never find the end of a line.
            QByteArray noise(4096, '\0');
            quint32 x = quint32(sent) * 2654435761u + 1;
            for (char &c : noise) {
                x = x * 1103515245u + 12345u;
                c = char((x >> 16) & 0xff);
                if (c == '\r' || c == '\n')
                    c = '#';
            }
            send(socket, noise);
            break;
        }
        default:
            return;
        }
    }
}

qint64 peakRssKiB(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

} // namespace llmdoctor::test
