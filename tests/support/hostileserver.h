#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QUrl>

class QTcpServer;
class QTcpSocket;

namespace llmdoctor::test {

// A server on 127.0.0.1 that misbehaves on purpose, one way for every connection: what a
// troubleshooting tool meets when it is pointed at a broken or hostile peer. It runs from the
// event loop (tests keep it turning with waitFor/runCli) and counts the bytes it got rid of.
class HostileServer final : public QObject
{
    Q_OBJECT
public:
    enum class Behaviour
    {
        TrickleHeaders, // a status line and headers, one byte a second, never finished
        EndlessBody,    // valid headers, then body bytes for as long as the client reads
        EndlessHeaders, // a status line, then header lines for as long as the client reads
        Garbage,        // binary noise with no line breaks instead of HTTP, without end
        StallTls,       // reads the TLS ClientHello and never answers
        ResetMidBody,   // headers announcing 1 MiB, 4 KiB of it, then a TCP reset
        EndlessPosts    // a proper model list for GET; for POST (a completion) a body without end
    };

    explicit HostileServer(Behaviour behaviour, QObject *parent = nullptr);
    ~HostileServer() override;

    bool start();
    quint16 port() const;
    QUrl baseUrl(bool https = false) const; // http(s)://127.0.0.1:<port>/v1

    int connections() const { return m_connections; }
    qint64 bytesSent() const { return m_bytesSent; }         // accepted by the kernel, all connections
    qint64 mostSentOnOne() const { return m_mostSentOnOne; } // the largest single connection
    qint64 bytesReceived() const { return m_bytesReceived; }
    int openConnections() const;

private:
    void onConnection();
    void pump(QTcpSocket *socket);
    void send(QTcpSocket *socket, const QByteArray &bytes);

    Behaviour m_behaviour;
    QTcpServer *m_server = nullptr;
    QList<QTcpSocket *> m_sockets;
    int m_connections = 0;
    qint64 m_bytesSent = 0;
    qint64 m_mostSentOnOne = 0;
    qint64 m_bytesReceived = 0;
};

// Peak resident memory (VmHWM) of a running process, in KiB; 0 when it cannot be read.
qint64 peakRssKiB(qint64 pid);

} // namespace llmdoctor::test
