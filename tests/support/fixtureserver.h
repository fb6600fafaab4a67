#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>
#include <QUrl>

class QTcpServer;
class QTcpSocket;

namespace llmdoctor::test {

// A tiny HTTP/1.1 server on 127.0.0.1 for fixture files: path -> (status, content type, body,
// optional delay, optional Location). Anything else gets a 404 web page. One request per
// connection; it answers from the event loop, so tests must keep it running (waitFor, runCli).
class FixtureServer final : public QObject
{
    Q_OBJECT
public:
    struct Route
    {
        int status = 200;
        QByteArray contentType = "application/json";
        QByteArray body;
        int delayMs = 0;
        QByteArray location;     // for redirects
        QByteArray extraHeaders; // raw "Name: value\r\n" lines

        static Route make(int status, QByteArray contentType, QByteArray body, int delayMs = 0,
                          QByteArray location = {})
        {
            Route r;
            r.status = status;
            r.contentType = std::move(contentType);
            r.body = std::move(body);
            r.delayMs = delayMs;
            r.location = std::move(location);
            return r;
        }
    };

    explicit FixtureServer(QObject *parent = nullptr);
    ~FixtureServer() override;

    bool start();
    quint16 port() const;
    QUrl url(const QString &path = QString()) const; // http://127.0.0.1:<port><path>

    void route(const QString &path, const Route &route);
    void json(const QString &path, const QByteArray &body)
    {
        route(path, Route::make(200, "application/json", body));
    }
    // Serves tests/data/statuspage/<file>; false when it cannot be read.
    bool file(const QString &path, const QString &fixture, int status = 200,
              const QByteArray &contentType = "application/json");
    void redirect(const QString &path, const QByteArray &location, int status = 302);
    int requestCount() const { return m_requests; }
    static QByteArray fixture(const QString &name);

private:
    void onConnection();
    void answer(QTcpSocket *socket, const QByteArray &path);

    QTcpServer *m_server = nullptr;
    QHash<QString, Route> m_routes;
    int m_requests = 0;
};

} // namespace llmdoctor::test
