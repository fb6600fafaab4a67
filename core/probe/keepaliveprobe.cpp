#include "keepaliveprobe.h"

#include <QCoreApplication>
#include <QSslConfiguration>
#include <QSslSocket>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

QByteArray proxyAuthorization(const QUrl &proxy)
{
    if (proxy.userName().isEmpty())
        return {};
    return "Basic " +
           (proxy.userName(QUrl::FullyDecoded).toUtf8() + ':' + proxy.password(QUrl::FullyDecoded).toUtf8())
               .toBase64();
}

QByteArray hostHeader(const QUrl &url)
{
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    const int defaultPort = url.scheme() == u"https" ? 443 : 80;
    if (url.port(defaultPort) != defaultPort)
        host += ':' + QByteArray::number(url.port());
    return host;
}

// Whether an answer leaves its connection open for the next request (RFC 9112 9.3).
bool keepsConnection(const HttpResponse &r)
{
    const QByteArray connection = r.header("connection").toLower();
    if (r.version == "HTTP/1.0")
        return connection.contains("keep-alive");
    return !connection.contains("close");
}

} // namespace

KeepAliveProbe::KeepAliveProbe(ExchangeRequest request, QList<int> pausesMs, int budgetMs, QObject *parent)
    : QObject(parent), m_request(std::move(request)), m_pauses(std::move(pausesMs)), m_budgetMs(budgetMs)
{
    for (QTimer *t : {&m_wait, &m_pause, &m_budget}) {
        t->setSingleShot(true);
        t->setTimerType(Qt::PreciseTimer); // the pauses are the measurement
    }
    connect(&m_wait, &QTimer::timeout, this, &KeepAliveProbe::onWaitExpired);
    connect(&m_pause, &QTimer::timeout, this, [this] {
        if (m_phase == Phase::Pause)
            sendRequest();
    });
    connect(&m_budget, &QTimer::timeout, this, [this] {
        if (m_phase == Phase::Done)
            return;
        if (m_round == 0) {
            fail(Failure::Timeout, QCoreApplication::translate("Probe", "no answer within the time allowed"));
            return;
        }
        // Out of time mid-round: what was learnt so far stands.
        m_result.budgetEnded = true;
        finish();
    });
}

KeepAliveProbe::~KeepAliveProbe()
{
    dropSocket();
}

QString KeepAliveProbe::host() const
{
    return m_request.proxy ? m_request.proxy->host() : m_request.url.host();
}

quint16 KeepAliveProbe::port() const
{
    if (m_request.proxy)
        return quint16(m_request.proxy->port(1080));
    return quint16(m_request.url.port(m_request.url.scheme() == u"https" ? 443 : 80));
}

void KeepAliveProbe::start()
{
    if (m_phase != Phase::Idle)
        return;
    m_clock.start();
    m_budget.start(std::max(1, m_budgetMs));
    m_result.viaProxy = m_request.proxy.has_value();
    m_addresses = m_request.addresses;
    if (m_addresses.isEmpty()) {
        if (const QHostAddress literal(host()); !literal.isNull())
            m_addresses = {literal};
    }
    m_phase = Phase::Connecting;
    connectNext();
}

void KeepAliveProbe::connectNext()
{
    dropSocket();
    m_socket = new QSslSocket(this);
    m_socket->setReadBufferSize(0);
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    if (!m_request.caCertificates.isEmpty())
        config.addCaCertificates(m_request.caCertificates);
    m_socket->setSslConfiguration(config);
    connect(m_socket, &QSslSocket::connected, this, &KeepAliveProbe::onConnected);
    connect(m_socket, &QSslSocket::encrypted, this, [this] {
        if (m_phase == Phase::Tls)
            sendRequest();
    });
    connect(m_socket, &QSslSocket::readyRead, this, &KeepAliveProbe::onReadyRead);
    connect(m_socket, &QSslSocket::disconnected, this, &KeepAliveProbe::onClosed);
    connect(m_socket, &QSslSocket::errorOccurred, this, &KeepAliveProbe::onClosed);
    m_wait.start(std::max(1, std::min(m_request.connectTimeoutMs, m_request.timeoutMs)));
    // Without addresses from the DNS check, the socket looks the name up itself.
    if (m_nextAddress < m_addresses.size())
        m_socket->connectToHost(m_addresses.at(m_nextAddress++), port());
    else
        m_socket->connectToHost(host(), port());
}

void KeepAliveProbe::onConnected()
{
    if (m_phase != Phase::Connecting)
        return;
    m_wait.stop();
    const bool https = m_request.url.scheme() == u"https";
    if (m_request.proxy && https) {
        m_phase = Phase::Tunnel;
        const QByteArray authority = m_request.url.host(QUrl::FullyEncoded).toLatin1() + ':' +
                                     QByteArray::number(m_request.url.port(443));
        QByteArray head = "CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n";
        head += "User-Agent: llmdoctor/" LLMDOCTOR_VERSION "\r\n";
        if (const QByteArray auth = proxyAuthorization(*m_request.proxy); !auth.isEmpty())
            head += "Proxy-Authorization: " + auth + "\r\n";
        m_parser.emplace(64 * 1024);
        m_wait.start(std::max(1, m_request.timeoutMs));
        m_socket->write(head + "\r\n");
    } else if (https) {
        startTls();
    } else {
        sendRequest();
    }
}

void KeepAliveProbe::startTls()
{
    m_phase = Phase::Tls;
    m_wait.start(std::max(1, m_request.timeoutMs));
    m_socket->setPeerVerifyName(m_request.url.host());
    m_socket->startClientEncryption();
}

void KeepAliveProbe::sendRequest()
{
    if (!m_socket)
        return;
    m_phase = Phase::Request;
    m_bytesThisRound = false;
    const QUrl &url = m_request.url;
    const bool absolute = m_request.proxy && url.scheme() == u"http";
    QByteArray target = absolute ? url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveFragment).toEncoded()
                                 : url.path(QUrl::FullyEncoded).toLatin1();
    if (target.isEmpty())
        target = "/";
    if (!absolute && url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    QByteArray head = m_request.method + ' ' + target + " HTTP/1.1\r\nHost: " + hostHeader(url) + "\r\n";
    head += "User-Agent: llmdoctor/" LLMDOCTOR_VERSION "\r\nAccept: application/json\r\n";
    for (const auto &[name, value] : std::as_const(m_request.headers))
        head += name + ": " + value + "\r\n";
    if (absolute) {
        if (const QByteArray auth = proxyAuthorization(*m_request.proxy); !auth.isEmpty())
            head += "Proxy-Authorization: " + auth + "\r\n";
    }
    m_parser.emplace(m_request.captureCap, m_request.method == "HEAD");
    // Each request gets the per-request limit, or what is left of the budget.
    const int left = m_budgetMs - int(elapsedMs());
    m_wait.start(std::max(1, std::min(m_request.timeoutMs, left)));
    m_socket->write(head + "\r\n");
}

void KeepAliveProbe::onReadyRead()
{
    if (!m_socket || m_phase == Phase::Done)
        return;
    const QByteArray data = m_socket->readAll();
    if (data.isEmpty())
        return;
    if (m_phase == Phase::Tunnel) {
        if (m_parser->feed(data) == HttpResponseParser::State::Error) {
            fail(Failure::ProxyError, QCoreApplication::translate("Probe", "the proxy's answer is not HTTP"));
            return;
        }
        if (!m_parser->headersComplete())
            return;
        const int status = m_parser->response().status;
        if (status / 100 != 2) {
            fail(Failure::ProxyError,
                 QCoreApplication::translate("Probe", "the proxy answered %1 to the tunnel request")
                     .arg(status));
            return;
        }
        m_parser.reset();
        startTls();
        return;
    }
    if (m_phase != Phase::Request)
        return; // bytes during a pause (a farewell page before the close): the close tells
    m_bytesThisRound = true;
    const auto state = m_parser->feed(data);
    if (state == HttpResponseParser::State::Error)
        fail(Failure::ProtocolError, QCoreApplication::translate("Probe", "the answer is not valid HTTP: %1")
                                         .arg(QString::fromLatin1(m_parser->errorText())));
    else if (state == HttpResponseParser::State::Done)
        onAnswered(m_parser->response());
}

void KeepAliveProbe::onAnswered(const HttpResponse &response)
{
    m_wait.stop();
    m_answeredAt = elapsedMs();
    if (m_round == 0) {
        m_result.firstResponse = response;
        m_result.offered = keepsConnection(response);
        m_firstRequestMs = m_answeredAt;
    }
    KeepAliveRound round;
    round.pauseMs = m_round == 0 ? 0 : m_pauses.at(m_round - 1);
    round.status = response.status;
    m_result.rounds.append(round);
    if (m_round > 0)
        m_result.longestKeptMs = std::max(m_result.longestKeptMs, double(round.pauseMs));
    if (!keepsConnection(response)) {
        finish();
        return;
    }
    startPause();
}

void KeepAliveProbe::startPause()
{
    if (m_round >= m_pauses.size()) {
        finish();
        return;
    }
    const int pause = m_pauses.at(m_round);
    // Room for the pause and one more request, as long as the first one took (at least 1 s).
    const double needed = elapsedMs() + pause + std::max(1000.0, 2 * m_firstRequestMs);
    if (needed > m_budgetMs) {
        m_result.budgetEnded = true;
        finish();
        return;
    }
    ++m_round;
    m_phase = Phase::Pause;
    emit progress(
        QCoreApplication::translate("Probe", "Leaving the connection idle for %1 s…").arg(pause / 1000.0));
    m_pause.start(pause);
}

void KeepAliveProbe::onClosed()
{
    if (!m_socket || m_phase == Phase::Done)
        return;
    const QString text = m_socket->errorString();
    switch (m_phase) {
    case Phase::Connecting:
        if (m_nextAddress < m_addresses.size()) {
            connectNext();
            return;
        }
        fail(m_socket->error() == QAbstractSocket::ConnectionRefusedError ? Failure::ConnectionRefused
                                                                          : Failure::NetworkUnreachable,
             text);
        return;
    case Phase::Tunnel:
        fail(Failure::ProxyError,
             QCoreApplication::translate("Probe", "the proxy closed the connection: %1").arg(text));
        return;
    case Phase::Tls:
        fail(Failure::TlsHandshakeFailed,
             QCoreApplication::translate("Probe", "the secure (TLS) handshake failed: %1").arg(text));
        return;
    case Phase::Pause: {
        m_pause.stop();
        const double idle = elapsedMs() - m_answeredAt;
        m_result.closedAfterMs = idle;
        KeepAliveRound round;
        round.pauseMs = m_pauses.at(m_round - 1);
        round.outcome = KeepAliveRound::Outcome::ClosedWhileIdle;
        round.closedAfterMs = idle;
        round.error = text;
        m_result.rounds.append(round);
        finish();
        return;
    }
    case Phase::Request:
        if (m_round == 0) {
            fail(
                Failure::UpstreamReset,
                QCoreApplication::translate("Probe", "the connection was closed before a complete answer: %1")
                    .arg(text));
            return;
        }
        finishRound(KeepAliveRound::Outcome::ClosedOnReuse, text);
        return;
    case Phase::Idle:
    case Phase::Done:
        return;
    }
}

void KeepAliveProbe::onWaitExpired()
{
    switch (m_phase) {
    case Phase::Connecting:
        if (m_nextAddress < m_addresses.size()) {
            connectNext();
            return;
        }
        fail(Failure::ConnectTimeout,
             QCoreApplication::translate("Probe", "no connection to %1 port %2 in time")
                 .arg(host())
                 .arg(port()));
        return;
    case Phase::Tunnel:
        fail(Failure::ProxyError,
             QCoreApplication::translate("Probe", "the proxy did not answer the tunnel request in time"));
        return;
    case Phase::Tls:
        fail(Failure::Timeout,
             QCoreApplication::translate("Probe", "the secure (TLS) handshake did not finish in time"));
        return;
    case Phase::Request:
        if (m_round == 0) {
            fail(Failure::Timeout, QCoreApplication::translate("Probe", "no answer in time"));
            return;
        }
        finishRound(KeepAliveRound::Outcome::NoAnswer,
                    m_bytesThisRound
                        ? QCoreApplication::translate("Probe", "the answer was incomplete when time ran out")
                        : QCoreApplication::translate("Probe", "no answer on the reused connection in time"));
        return;
    case Phase::Idle:
    case Phase::Pause:
    case Phase::Done:
        return;
    }
}

void KeepAliveProbe::finishRound(KeepAliveRound::Outcome outcome, const QString &error)
{
    KeepAliveRound round;
    round.pauseMs = m_pauses.at(m_round - 1);
    round.outcome = outcome;
    round.error = error;
    m_result.rounds.append(round);
    // The connection failed without telling during this pause: a silent drop somewhere.
    m_result.dropAfterPauseMs = round.pauseMs;
    finish();
}

void KeepAliveProbe::cancel()
{
    if (m_phase == Phase::Done)
        return;
    if (m_phase == Phase::Idle)
        m_clock.start();
    fail(Failure::Cancelled, u"cancelled"_s);
}

void KeepAliveProbe::fail(Failure failure, const QString &error)
{
    if (m_phase == Phase::Done)
        return;
    if (m_round == 0 || failure == Failure::Cancelled) {
        m_result.failure = failure;
        m_result.error = error;
        if (m_round == 0 && failure != Failure::Cancelled)
            m_result.rounds.append({0, KeepAliveRound::Outcome::Failed, 0, -1, error});
    } else {
        // A later round that breaks is a finding about reuse, not a failure of the probe.
        finishRound(KeepAliveRound::Outcome::ClosedOnReuse, error);
        return;
    }
    finish();
}

void KeepAliveProbe::finish()
{
    if (m_phase == Phase::Done)
        return;
    m_phase = Phase::Done;
    m_wait.stop();
    m_pause.stop();
    m_budget.stop();
    m_result.totalMs = elapsedMs();
    dropSocket();
    emit finished(m_result);
}

void KeepAliveProbe::dropSocket()
{
    if (!m_socket)
        return;
    m_socket->disconnect(this);
    m_socket->abort();
    m_socket->deleteLater();
    m_socket = nullptr;
}

} // namespace llmdoctor::core
