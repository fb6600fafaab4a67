#include "exchange.h"

#include "hostlookup.h"

#include <QCoreApplication>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslSocket>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {
constexpr qsizetype kEvidenceBytes = 256 * 1024;
}

QString stageName(Stage stage)
{
    switch (stage) {
    case Stage::Resolve:
        return u"dns"_s;
    case Stage::Connect:
        return u"connect"_s;
    case Stage::ProxyTunnel:
        return u"proxy"_s;
    case Stage::Tls:
        return u"tls"_s;
    case Stage::Http:
        return u"http"_s;
    }
    return {};
}

Category failureCategory(Failure failure)
{
    switch (failure) {
    case Failure::None:
        return Category::Ok;
    case Failure::DnsFailure:
        return Category::DnsFailure;
    case Failure::ConnectionRefused:
        return Category::ConnectionRefused;
    case Failure::ConnectTimeout:
        return Category::ConnectTimeout;
    case Failure::NetworkUnreachable:
        return Category::NetworkUnreachable;
    case Failure::TlsUntrusted:
        return Category::TlsUntrusted;
    case Failure::TlsExpired:
        return Category::TlsExpired;
    case Failure::TlsHostnameMismatch:
        return Category::TlsHostnameMismatch;
    case Failure::TlsHandshakeFailed:
        return Category::TlsHandshakeFailed;
    case Failure::ProxyError:
        return Category::ProxyError;
    case Failure::UpstreamReset:
        return Category::UpstreamReset;
    case Failure::Timeout:
        return Category::Timeout;
    case Failure::ProtocolError:
        return Category::ServerError; // garbage instead of HTTP: the server side is broken
    case Failure::Cancelled:
        return Category::Cancelled;
    }
    return Category::Unknown;
}

namespace {

QString protocolName(QSsl::SslProtocol p)
{
    switch (p) {
    case QSsl::TlsV1_3:
        return u"TLS 1.3"_s;
    case QSsl::TlsV1_2:
        return u"TLS 1.2"_s;
        QT_WARNING_PUSH
        QT_WARNING_DISABLE_DEPRECATED
    case QSsl::TlsV1_1:
        return u"TLS 1.1"_s;
    case QSsl::TlsV1_0:
        return u"TLS 1.0"_s;
        QT_WARNING_POP
    case QSsl::DtlsV1_2:
        return u"DTLS 1.2"_s;
    default:
        return u"unknown"_s;
    }
}

QString certName(const QStringList &cn, const QStringList &org)
{
    if (!cn.isEmpty())
        return cn.join(u", "_s);
    return org.join(u", "_s);
}

QList<CertificateInfo> describeChain(const QList<QSslCertificate> &chain)
{
    QList<CertificateInfo> out;
    for (const QSslCertificate &c : chain) {
        CertificateInfo info;
        info.subject = certName(c.subjectInfo(QSslCertificate::CommonName),
                                c.subjectInfo(QSslCertificate::Organization));
        info.issuer =
            certName(c.issuerInfo(QSslCertificate::CommonName), c.issuerInfo(QSslCertificate::Organization));
        info.notBefore = c.effectiveDate();
        info.expiry = c.expiryDate();
        info.selfSigned = c.isSelfSigned();
        out.append(info);
    }
    return out;
}

// Several verification errors often come together; name the one a user can act on first.
Failure classifySslErrors(const QList<QSslError> &errors)
{
    bool untrusted = false, expired = false, mismatch = false;
    for (const QSslError &e : errors) {
        switch (e.error()) {
        case QSslError::SelfSignedCertificate:
        case QSslError::SelfSignedCertificateInChain:
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToGetIssuerCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
        case QSslError::CertificateUntrusted:
        case QSslError::CertificateRejected:
        case QSslError::InvalidCaCertificate:
            untrusted = true;
            break;
        case QSslError::CertificateExpired:
        case QSslError::CertificateNotYetValid:
            expired = true;
            break;
        case QSslError::HostNameMismatch:
            mismatch = true;
            break;
        default:
            break;
        }
    }
    // An untrusted issuer usually means interception or a private CA: the other errors follow from it.
    if (untrusted)
        return Failure::TlsUntrusted;
    if (expired)
        return Failure::TlsExpired;
    if (mismatch)
        return Failure::TlsHostnameMismatch;
    return Failure::TlsHandshakeFailed;
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

QByteArray proxyAuthorization(const QUrl &proxy)
{
    if (proxy.userName().isEmpty())
        return {};
    const QByteArray creds =
        proxy.userName(QUrl::FullyDecoded).toUtf8() + ':' + proxy.password(QUrl::FullyDecoded).toUtf8();
    return "Basic " + creds.toBase64();
}

} // namespace

Exchange::Exchange(ExchangeRequest request, QObject *parent) : QObject(parent), m_request(std::move(request))
{
    m_deadline.setSingleShot(true);
    m_connectTimer.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &Exchange::onDeadline);
    connect(&m_connectTimer, &QTimer::timeout, this,
            [this] { onAttemptFailed(Failure::ConnectTimeout, u"timed out"_s); });
}

Exchange::~Exchange()
{
    dropSocket();
}

double Exchange::elapsedMs() const
{
    return m_offsetMs + double(m_clock.nsecsElapsed()) / 1e6;
}

QString Exchange::connectHost() const
{
    return m_request.proxy ? m_request.proxy->host() : m_request.url.host();
}

quint16 Exchange::connectPort() const
{
    if (m_request.proxy)
        return quint16(m_request.proxy->port(1080));
    return quint16(m_request.url.port(m_request.url.scheme() == u"https" ? 443 : 80));
}

void Exchange::setStage(Stage stage)
{
    m_result.stage = stage;
    emit stageChanged(stage);
}

void Exchange::start()
{
    if (m_running || m_finished)
        return;
    m_running = true;
    m_clock.start();
    m_deadline.start(std::max(1, m_request.timeoutMs));
    m_result.viaProxy = m_request.proxy.has_value();
    setStage(Stage::Resolve);

    const QString host = connectHost();
    const QHostAddress literal(host);
    if (!m_request.addresses.isEmpty()) {
        m_addresses = m_request.addresses;
        m_result.resolved = m_addresses;
        // Marks count from the start of the lookup made beforehand, as curl's do from its own.
        m_offsetMs = std::max(0.0, m_request.resolvedInMs);
        m_result.marks.nameLookup = m_offsetMs;
        connectNext();
    } else if (!literal.isNull()) {
        m_addresses = {literal};
        m_result.resolved = m_addresses;
        m_result.marks.nameLookup = elapsedMs();
        connectNext();
    } else {
        m_lookup = new HostLookup(this);
        connect(m_lookup, &HostLookup::finished, this, &Exchange::onLookedUp);
        m_lookup->lookup(host);
    }
}

void Exchange::onLookedUp(const QHostInfo &info)
{
    if (m_finished)
        return;
    m_result.marks.nameLookup = elapsedMs();
    if (m_lookup) {
        m_lookup->deleteLater();
        m_lookup = nullptr;
    }
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
        const QString what = m_request.proxy ? QCoreApplication::translate("Probe", "the proxy's name")
                                             : QCoreApplication::translate("Probe", "the server's name");
        fail(Failure::DnsFailure,
             info.error() == QHostInfo::HostNotFound || info.addresses().isEmpty()
                 ? QCoreApplication::translate("Probe", "%1 \"%2\" was not found (%3)")
                       .arg(what, connectHost(), info.errorString())
                 : QCoreApplication::translate("Probe", "looking up %1 \"%2\" failed: %3")
                       .arg(what, connectHost(), info.errorString()));
        return;
    }
    m_addresses = info.addresses();
    m_result.resolved = m_addresses;
    connectNext();
}

void Exchange::connectNext()
{
    if (m_finished)
        return;
    setStage(Stage::Connect);
    if (m_nextAddress >= m_addresses.size()) {
        // Every address failed: report the most telling failure. A refusal is an answer from the
        // host; a timeout or unreachable network is silence.
        Failure worst = Failure::NetworkUnreachable;
        for (const Failure f :
             {Failure::ConnectionRefused, Failure::ConnectTimeout, Failure::NetworkUnreachable}) {
            if (std::any_of(m_result.attempts.cbegin(), m_result.attempts.cend(),
                            [f](const ConnectAttempt &a) { return a.failure == f; })) {
                worst = f;
                break;
            }
        }
        QStringList parts;
        for (const ConnectAttempt &a : std::as_const(m_result.attempts))
            parts << u"%1 port %2: %3"_s.arg(a.address.toString()).arg(connectPort()).arg(a.outcome);
        fail(worst, parts.join(u"; "_s));
        return;
    }
    dropSocket();
    const QHostAddress address = m_addresses.at(m_nextAddress++);
    m_socket = new QSslSocket(this);
    m_socket->setReadBufferSize(0);
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    if (!m_request.caCertificates.isEmpty())
        config.addCaCertificates(m_request.caCertificates);
    m_socket->setSslConfiguration(config);
    connect(m_socket, &QSslSocket::connected, this, &Exchange::onConnected);
    connect(m_socket, &QSslSocket::encrypted, this, &Exchange::onEncrypted);
    connect(m_socket, &QSslSocket::readyRead, this, &Exchange::onReadyRead);
    connect(m_socket, &QSslSocket::errorOccurred, this, &Exchange::onSocketError);
    connect(m_socket, &QSslSocket::sslErrors, this,
            [this](const QList<QSslError> &errors) { m_sslErrors = errors; });
    connect(m_socket, &QSslSocket::disconnected, this, &Exchange::onSocketError);

    m_attemptStart = elapsedMs();
    const int remaining = m_request.timeoutMs - int(m_attemptStart);
    m_connectTimer.start(std::max(1, std::min(m_request.connectTimeoutMs, remaining)));
    m_result.peer = address;
    m_result.peerPort = connectPort();
    m_socket->connectToHost(address, connectPort());
}

void Exchange::onAttemptFailed(Failure failure, const QString &outcome)
{
    if (m_finished || m_result.stage != Stage::Connect)
        return;
    m_connectTimer.stop();
    m_result.attempts.append({m_result.peer, failure, outcome, elapsedMs() - m_attemptStart});
    connectNext();
}

void Exchange::onConnected()
{
    if (m_finished)
        return;
    m_connectTimer.stop();
    m_result.marks.connect = elapsedMs();
    m_result.attempts.append(
        {m_result.peer, Failure::None, u"connected"_s, m_result.marks.connect - m_attemptStart});
    if (m_request.stopAfter == Stage::Connect) {
        succeed();
        return;
    }
    const bool https = m_request.url.scheme() == u"https";
    if (m_request.proxy && https)
        sendProxyConnect();
    else if (https)
        startTls();
    else
        sendRequest();
}

void Exchange::sendProxyConnect()
{
    setStage(Stage::ProxyTunnel);
    const QByteArray authority =
        m_request.url.host(QUrl::FullyEncoded).toLatin1() + ':' + QByteArray::number(m_request.url.port(443));
    QByteArray head = "CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n";
    head += "User-Agent: llmdoctor/" LLMDOCTOR_VERSION "\r\n";
    if (const QByteArray auth = proxyAuthorization(*m_request.proxy); !auth.isEmpty())
        head += "Proxy-Authorization: " + auth + "\r\n";
    head += "\r\n";
    m_parser.emplace(m_request.captureCap);
    m_socket->write(head);
}

void Exchange::startTls()
{
    setStage(Stage::Tls);
    m_tlsStarted = true;
    m_result.tls.attempted = true;
    m_socket->setPeerVerifyName(m_request.url.host());
    m_socket->startClientEncryption();
}

void Exchange::onEncrypted()
{
    if (m_finished)
        return;
    m_result.marks.appConnect = elapsedMs();
    TlsInfo &tls = m_result.tls;
    tls.established = true;
    tls.protocol = protocolName(m_socket->sessionProtocol());
    tls.cipher = m_socket->sessionCipher().name();
    tls.chain = describeChain(m_socket->peerCertificateChain());
    if (m_request.stopAfter == Stage::Tls) {
        succeed();
        return;
    }
    sendRequest();
}

void Exchange::sendRequest()
{
    setStage(Stage::Http);
    const QUrl &url = m_request.url;
    QByteArray target;
    if (m_request.proxy && url.scheme() == u"http") {
        target = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveFragment).toEncoded();
    } else {
        target = url.path(QUrl::FullyEncoded).toLatin1();
        if (target.isEmpty())
            target = "/";
        if (url.hasQuery())
            target += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    }
    QByteArray head = m_request.method + ' ' + target + " HTTP/1.1\r\n";
    head += "Host: " + hostHeader(url) + "\r\n";
    bool hasUserAgent = false, hasAccept = false;
    for (const auto &[name, value] : std::as_const(m_request.headers)) {
        hasUserAgent |= name.compare("user-agent", Qt::CaseInsensitive) == 0;
        hasAccept |= name.compare("accept", Qt::CaseInsensitive) == 0;
        head += name + ": " + value + "\r\n";
    }
    if (!hasUserAgent)
        head += "User-Agent: llmdoctor/" LLMDOCTOR_VERSION "\r\n";
    if (!hasAccept)
        head += "Accept: application/json\r\n";
    if (m_request.proxy && url.scheme() == u"http") {
        if (const QByteArray auth = proxyAuthorization(*m_request.proxy); !auth.isEmpty())
            head += "Proxy-Authorization: " + auth + "\r\n";
    }
    if (!m_request.body.isEmpty() || m_request.method == "POST" || m_request.method == "PUT")
        head += "Content-Length: " + QByteArray::number(m_request.body.size()) + "\r\n";
    head += "\r\n";
    m_parser.emplace(m_request.captureCap, m_request.method == "HEAD");
    m_bytesRead = 0;
    m_result.marks.preTransfer = elapsedMs();
    m_socket->write(head + m_request.body);
}

void Exchange::onReadyRead()
{
    if (m_finished || !m_socket)
        return;
    const QByteArray data = m_socket->readAll();
    if (data.isEmpty() || !m_parser)
        return;

    if (m_result.stage == Stage::ProxyTunnel) {
        const auto state = m_parser->feed(data);
        if (state == HttpResponseParser::State::Error) {
            fail(Failure::ProxyError,
                 QCoreApplication::translate("Probe", "the proxy's answer is not HTTP: %1")
                     .arg(QString::fromLatin1(m_parser->errorText())));
            return;
        }
        if (!m_parser->headersComplete())
            return;
        const int status = m_parser->response().status;
        if (status >= 200 && status < 300) {
            m_result.proxyResponse = m_parser->response();
            m_parser.reset();
            startTls();
            return;
        }
        // The proxy refused: read its error page (bounded) for the evidence.
        if (state == HttpResponseParser::State::Done || m_parser->response().bodyBytes > 64 * 1024) {
            m_result.proxyResponse = m_parser->response();
            fail(Failure::ProxyError,
                 QCoreApplication::translate("Probe", "the proxy answered %1 %2 to the tunnel request")
                     .arg(status)
                     .arg(QString::fromLatin1(m_parser->response().reason)));
        }
        return;
    }

    if (m_result.stage != Stage::Http)
        return;
    if (m_bytesRead == 0)
        m_result.marks.startTransfer = elapsedMs();
    m_bytesRead += data.size();
    const auto state = m_parser->feed(data);
    if (m_parser->headersComplete()) {
        emit bodyProgress(elapsedMs(), m_parser->response());
        if (m_finished) // a receiver cancelled us
            return;
    }
    if (state == HttpResponseParser::State::Error) {
        fail(Failure::ProtocolError, QCoreApplication::translate("Probe", "the answer is not valid HTTP: %1")
                                         .arg(QString::fromLatin1(m_parser->errorText())));
    } else if (state == HttpResponseParser::State::Done) {
        succeed();
    } else if (m_bytesRead > m_request.maxReadBytes) {
        m_result.readLimitHit = true;
        if (m_parser->headersComplete()) {
            // An answer without end is evidence, not data: its first bytes are enough, and
            // megabytes of it must not be copied through the checks and reports.
            if (m_result.stage == Stage::Http) {
                HttpResponse response = m_parser->response();
                if (response.body.size() > kEvidenceBytes) {
                    response.body.truncate(kEvidenceBytes);
                    response.body.squeeze();
                    response.bodyTruncated = true;
                }
                m_result.response = std::move(response);
            }
            finish();
        } else
            fail(Failure::ProtocolError,
                 QCoreApplication::translate("Probe", "no end of the response headers after %1 bytes")
                     .arg(m_bytesRead));
    }
}

void Exchange::onSocketError()
{
    if (m_finished || !m_socket)
        return;
    const QAbstractSocket::SocketError err = m_socket->error();
    const QString text = m_socket->errorString();
    switch (m_result.stage) {
    case Stage::Resolve:
        return;
    case Stage::Connect:
        if (err == QAbstractSocket::ConnectionRefusedError)
            onAttemptFailed(Failure::ConnectionRefused, u"refused"_s);
        else if (err == QAbstractSocket::NetworkError || err == QAbstractSocket::HostNotFoundError)
            onAttemptFailed(Failure::NetworkUnreachable, u"unreachable (%1)"_s.arg(text));
        else if (err == QAbstractSocket::SocketTimeoutError)
            onAttemptFailed(Failure::ConnectTimeout, u"timed out"_s);
        else
            onAttemptFailed(Failure::NetworkUnreachable, text);
        return;
    case Stage::ProxyTunnel:
        fail(Failure::ProxyError,
             QCoreApplication::translate(
                 "Probe", "the proxy closed the connection before answering the tunnel request (%1)")
                 .arg(text));
        return;
    case Stage::Tls:
        if (!m_sslErrors.isEmpty()) {
            QStringList texts;
            for (const QSslError &e : std::as_const(m_sslErrors))
                texts << e.errorString();
            m_result.tls.errors = texts;
            m_result.tls.chain = describeChain(m_socket->peerCertificateChain());
            m_result.tls.hostnameMatches =
                std::none_of(m_sslErrors.cbegin(), m_sslErrors.cend(),
                             [](const QSslError &e) { return e.error() == QSslError::HostNameMismatch; });
            fail(classifySslErrors(m_sslErrors), texts.join(u"; "_s));
        } else {
            fail(Failure::TlsHandshakeFailed,
                 QCoreApplication::translate("Probe", "the secure (TLS) handshake failed: %1").arg(text));
        }
        return;
    case Stage::Http:
        if (m_parser && m_parser->headersComplete()) {
            // The end of a close-delimited body is a success; any other body cut short is a
            // reset in the middle of the answer (what arrived stays as evidence).
            m_parser->finish();
            if (m_parser->response().bodyComplete)
                succeed();
            else
                fail(Failure::UpstreamReset,
                     QCoreApplication::translate("Probe", "the connection was closed in the middle of the "
                                                          "response body, after %1 bytes of it (%2)")
                         .arg(m_parser->response().bodyBytes)
                         .arg(text));
        } else if (m_parser && m_parser->state() == HttpResponseParser::State::Headers) {
            fail(Failure::UpstreamReset,
                 QCoreApplication::translate(
                     "Probe", "the connection was closed while the response headers were arriving (%1)")
                     .arg(text));
        } else {
            fail(Failure::UpstreamReset,
                 QCoreApplication::translate("Probe",
                                             "the connection was closed or reset before any response (%1)")
                     .arg(text));
        }
        return;
    }
}

void Exchange::onDeadline()
{
    if (m_finished)
        return;
    const double s = m_request.timeoutMs / 1000.0;
    switch (m_result.stage) {
    case Stage::Resolve:
        fail(Failure::DnsFailure,
             QCoreApplication::translate("Probe", "looking up \"%1\" took longer than %2 s")
                 .arg(connectHost())
                 .arg(s));
        break;
    case Stage::Connect:
        m_result.attempts.append(
            {m_result.peer, Failure::ConnectTimeout, u"timed out"_s, elapsedMs() - m_attemptStart});
        fail(Failure::ConnectTimeout,
             QCoreApplication::translate("Probe", "no connection to %1 port %2 within %3 s")
                 .arg(m_result.peer.toString())
                 .arg(connectPort())
                 .arg(s));
        break;
    case Stage::ProxyTunnel:
        fail(Failure::ProxyError,
             QCoreApplication::translate("Probe", "the proxy did not answer the tunnel request within %1 s")
                 .arg(s));
        break;
    case Stage::Tls:
        fail(Failure::Timeout,
             QCoreApplication::translate("Probe", "the secure (TLS) handshake did not finish within %1 s")
                 .arg(s));
        break;
    case Stage::Http:
        if (m_bytesRead == 0)
            fail(Failure::Timeout,
                 QCoreApplication::translate("Probe", "no answer within %1 s after the request was sent")
                     .arg(s));
        else if (m_parser && !m_parser->headersComplete())
            fail(Failure::Timeout,
                 QCoreApplication::translate(
                     "Probe", "the response headers were still incomplete after %1 s (%2 bytes arrived)")
                     .arg(s)
                     .arg(m_bytesRead));
        else
            fail(Failure::Timeout, QCoreApplication::translate(
                                       "Probe", "the response body was still arriving after %1 s (%2 bytes)")
                                       .arg(s)
                                       .arg(m_bytesRead));
        break;
    }
}

void Exchange::cancel()
{
    if (m_finished)
        return;
    if (!m_running) {
        m_running = true; // finished() still comes exactly once
        m_clock.start();
    }
    fail(Failure::Cancelled, u"cancelled"_s);
}

void Exchange::fail(Failure failure, const QString &error)
{
    if (m_finished)
        return;
    m_result.failure = failure;
    m_result.error = error;
    finish();
}

void Exchange::succeed()
{
    if (m_finished)
        return;
    if (m_parser && m_result.stage == Stage::Http)
        m_result.response = m_parser->response();
    finish();
}

void Exchange::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_running = false;
    m_deadline.stop();
    m_connectTimer.stop();
    m_result.marks.total = elapsedMs();
    if (m_result.failure != Failure::None && m_parser &&
        m_parser->state() != HttpResponseParser::State::StatusLine && m_result.stage == Stage::Http)
        m_result.response = m_parser->response(); // partial, as evidence
    dropSocket();
    // finish() may run inside the lookup's own answer (a failed lookup fails the exchange): the
    // lookup and its background task go later, never from under their own callback.
    if (m_lookup) {
        m_lookup->disconnect(this);
        m_lookup->deleteLater();
        m_lookup = nullptr;
    }
    emit finished(m_result);
}

void Exchange::dropSocket()
{
    if (!m_socket)
        return;
    m_socket->disconnect(this);
    m_socket->abort();
    m_socket->deleteLater();
    m_socket = nullptr;
}

} // namespace llmdoctor::core
