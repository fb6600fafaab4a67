#include "fixtureserver.h"

#include <QFile>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace llmdoctor::test {

FixtureServer::FixtureServer(QObject *parent) : QObject(parent), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &FixtureServer::onConnection);
}

FixtureServer::~FixtureServer() = default;

bool FixtureServer::start()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 FixtureServer::port() const
{
    return m_server->serverPort();
}

QUrl FixtureServer::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path));
}

void FixtureServer::route(const QString &path, const Route &route)
{
    m_routes.insert(path, route);
}

QByteArray FixtureServer::fixture(const QString &name)
{
    QFile f(QStringLiteral(LLMDOCTOR_SOURCE_DIR "/tests/data/statuspage/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool FixtureServer::file(const QString &path, const QString &fixtureName, int status,
                         const QByteArray &contentType)
{
    const QByteArray body = fixture(fixtureName);
    if (body.isEmpty())
        return false;
    route(path, Route::make(status, contentType, body));
    return true;
}

void FixtureServer::redirect(const QString &path, const QByteArray &location, int status)
{
    route(path, Route::make(status, "text/html", "<html>moved</html>", 0, location));
}

void FixtureServer::onConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        auto *buffer = new QByteArray;
        connect(socket, &QObject::destroyed, this, [buffer] { delete buffer; });
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            if (buffer->contains("\r\n\r\n"))
                return; // answered already
            buffer->append(socket->readAll());
            if (!buffer->contains("\r\n\r\n"))
                return;
            ++m_requests;
            const QByteArray path =
                buffer->left(buffer->indexOf("\r\n")).split(' ').value(1).split('?').value(0);
            answer(socket, path);
        });
    }
}

void FixtureServer::answer(QTcpSocket *socket, const QByteArray &path)
{
    const Route r = m_routes.value(QString::fromLatin1(path),
                                   Route::make(404, "text/html", "<html><body>Not found</body></html>"));
    QByteArray out = "HTTP/1.1 " + QByteArray::number(r.status) +
                     " Fixture\r\nContent-Type: " + r.contentType +
                     "\r\nContent-Length: " + QByteArray::number(r.body.size()) + "\r\nConnection: close\r\n";
    if (!r.location.isEmpty())
        out += "Location: " + r.location + "\r\n";
    out += r.extraHeaders;
    out += "\r\n" + r.body;
    QPointer<QTcpSocket> guard(socket);
    auto send = [guard, out] {
        if (!guard)
            return;
        guard->write(out);
        guard->disconnectFromHost();
    };
    if (r.delayMs > 0)
        QTimer::singleShot(r.delayMs, socket, send);
    else
        send();
}

} // namespace llmdoctor::test
