#pragma once

#include "../diagnosis/category.h"
#include "httpmessage.h"
#include "phasetimings.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QHostInfo>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslError>
#include <QTimer>
#include <QUrl>
#include <optional>

class QSslSocket;

namespace llmdoctor::core {

class HostLookup;

// How far an exchange goes: the TCP and TLS checks stop early, the HTTP check goes all the way.
enum class Stage
{
    Resolve,
    Connect,
    ProxyTunnel,
    Tls,
    Http
};
QString stageName(Stage stage);

// Why an exchange failed, in the terms of the report's verdict categories.
enum class Failure
{
    None,
    DnsFailure,
    ConnectionRefused,
    ConnectTimeout,
    NetworkUnreachable,
    TlsUntrusted,
    TlsExpired,
    TlsHostnameMismatch,
    TlsHandshakeFailed,
    ProxyError,
    UpstreamReset,
    Timeout,
    ProtocolError,
    Cancelled,
};
Category failureCategory(Failure failure); // Category::Ok for None

struct ConnectAttempt
{
    QHostAddress address;
    Failure failure = Failure::None;
    QString outcome; // "connected", "refused", "timed out", ...
    double ms = 0;
};

struct CertificateInfo
{
    QString subject;
    QString issuer;
    QDateTime notBefore;
    QDateTime expiry;
    bool selfSigned = false;
};

struct TlsInfo
{
    bool attempted = false;
    bool established = false;
    QString protocol; // "TLS 1.3"
    QString cipher;
    QList<CertificateInfo> chain; // leaf first
    bool hostnameMatches = true;
    QStringList errors; // verification errors, in Qt's words
};

struct ExchangeRequest
{
    QUrl url;
    QByteArray method = "GET";
    HeaderList headers; // beyond Host, User-Agent, Accept
    QByteArray body;
    QList<QHostAddress> addresses; // of the host we connect to (the proxy, if any), already resolved
    double resolvedInMs = -1;      // how long that lookup took, reported as the DNS phase
    std::optional<QUrl> proxy;     // http:// proxy; CONNECT for https targets
    Stage stopAfter = Stage::Http;
    int timeoutMs = 30000;
    int connectTimeoutMs = 10000;
    qint64 captureCap = 256 * 1024;        // body bytes kept as evidence
    qint64 maxReadBytes = 8 * 1024 * 1024; // an endless body stops here
    QList<QSslCertificate> caCertificates; // trusted on top of the system's
};

struct ExchangeResult
{
    Failure failure = Failure::None;
    Stage stage = Stage::Resolve; // where it ended (failed, or stopped as asked)
    QString error;                // technical description of the failure
    PhaseMarks marks;
    QList<QHostAddress> resolved;
    QList<ConnectAttempt> attempts;
    QHostAddress peer;
    quint16 peerPort = 0;
    bool viaProxy = false;
    std::optional<HttpResponse> proxyResponse; // the proxy's own answer to CONNECT
    TlsInfo tls;
    std::optional<HttpResponse> response;
    bool readLimitHit = false;

    bool ok() const { return failure == Failure::None; }
};

// One HTTP/1.1 request on a socket of our own, with curl -w style phase marks. Qt's network
// access manager hides connect, TLS and first-byte times; a diagnosis needs each of them.
// Exactly one finished() per start(); cancel() is safe at any time and more than once.
class Exchange final : public QObject
{
    Q_OBJECT
public:
    explicit Exchange(ExchangeRequest request, QObject *parent = nullptr);
    ~Exchange() override;

    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    const ExchangeRequest &request() const { return m_request; }

signals:
    void finished(const llmdoctor::core::ExchangeResult &result);
    void stageChanged(llmdoctor::core::Stage stage);
    // Response bytes arrived after the headers (and once with the headers): atMs on the clock of
    // the phase marks, partial as decoded so far (body up to the capture cap). For readers of a
    // streamed answer, who need to see when each piece came.
    void bodyProgress(double atMs, const llmdoctor::core::HttpResponse &partial);

private:
    double elapsedMs() const;
    void setStage(Stage stage);
    void onLookedUp(const QHostInfo &info);
    void connectNext();
    void onAttemptFailed(Failure failure, const QString &outcome);
    void onConnected();
    void sendProxyConnect();
    void startTls();
    void onEncrypted();
    void sendRequest();
    void onReadyRead();
    void onSocketError();
    void onDeadline();
    void fail(Failure failure, const QString &error);
    void succeed();
    void finish();
    void dropSocket();
    QString connectHost() const;
    quint16 connectPort() const;

    ExchangeRequest m_request;
    ExchangeResult m_result;
    QElapsedTimer m_clock;
    QTimer m_deadline;
    QTimer m_connectTimer;
    QPointer<QSslSocket> m_socket;
    QPointer<HostLookup> m_lookup;
    std::optional<HttpResponseParser> m_parser;
    QList<QHostAddress> m_addresses;
    qsizetype m_nextAddress = 0;
    double m_attemptStart = 0;
    double m_offsetMs = 0; // a lookup made before start(), counted as the first phase
    qint64 m_bytesRead = 0;
    QList<QSslError> m_sslErrors;
    bool m_running = false;
    bool m_finished = false;
    bool m_tlsStarted = false;
};

} // namespace llmdoctor::core

Q_DECLARE_METATYPE(llmdoctor::core::ExchangeResult)
