#include "networkchecks.h"

#include "../diagnosis/errorclassifier.h"
#include "../diagnosis/hops.h"
#include "../diagnosis/ratelimit.h"
#include "../diagnosis/responseclassifier.h"
#include "../probe/exchange.h"
#include "../probe/hostlookup.h"
#include "../target/addresslint.h"
#include "../target/keylint.h"
#include "../target/providercatalog.h"
#include "diagnosiscontext.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkInterface>
#include <QRegularExpression>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

QString ms(double v)
{
    return v < 0 ? u"–"_s : QString::number(v, 'f', v < 10 ? 1 : 0) + u" ms"_s;
}

QString hostOf(const DiagnosisContext &c)
{
    return c.proxy.proxy ? c.proxy.proxy->host() : c.target.baseUrl.host();
}

QString familyName(const QHostAddress &a)
{
    return a.protocol() == QAbstractSocket::IPv6Protocol ? u"IPv6"_s : u"IPv4"_s;
}

// The phase durations, and for a failed exchange the phase it died in with the time it spent
// there: a request that hung for 8 s spent them waiting, not connecting.
void addTimings(CheckResult &r, const ExchangeResult &x)
{
    const PhaseMarks &marks = x.marks;
    const PhaseDurations d = PhaseDurations::fromMarks(marks);
    auto put = [&r](const QString &k, double v) {
        if (v >= 0)
            r.timings.insert(k, v);
    };
    put(u"dns"_s, d.dns);
    put(u"connect"_s, d.connect);
    put(u"tls"_s, d.tls);
    put(u"ttfb"_s, d.ttfb);
    put(u"total"_s, d.total);
    if (!x.ok() && x.failure != Failure::Cancelled) {
        double spent = -1;
        const Phase failed = failedPhaseOf(marks, x.tls.attempted || x.stage == Stage::Tls, &spent);
        r.facts.failedPhase = failed;
        r.facts.failedPhaseMs = spent;
        if (failed != Phase::None && failed != Phase::Body && spent >= 0)
            r.timings.insert(phaseName(failed), spent);
    }
}

// What the failure of a connection attempt means, in a user's words.
QString plainFailure(const ExchangeResult &r, const QString &host, quint16 port)
{
    switch (r.failure) {
    case Failure::ConnectionRefused:
        return QCoreApplication::translate(
                   "Check", "%1 answered that nothing is listening on port %2 (connection refused).")
            .arg(host)
            .arg(port);
    case Failure::ConnectTimeout:
        return QCoreApplication::translate("Check",
                                           "%1 did not respond on port %2: the connection attempt timed out.")
            .arg(host)
            .arg(port);
    case Failure::NetworkUnreachable:
        return QCoreApplication::translate("Check", "Your computer has no route to %1 (network unreachable).")
            .arg(host);
    case Failure::DnsFailure:
        return QCoreApplication::translate("Check", "The server's name could not be looked up.");
    case Failure::TlsUntrusted:
        return QCoreApplication::translate(
            "Check", "The server's certificate is not signed by an authority your computer trusts.");
    case Failure::TlsExpired:
        return QCoreApplication::translate("Check",
                                           "The server's certificate has expired or is not valid yet.");
    case Failure::TlsHostnameMismatch:
        return QCoreApplication::translate("Check",
                                           "The server's certificate is for a different name than %1.")
            .arg(host);
    case Failure::TlsHandshakeFailed:
        return QCoreApplication::translate(
            "Check", "The secure connection could not be set up (TLS handshake failed).");
    case Failure::ProxyError:
        return QCoreApplication::translate("Check", "The proxy did not let the connection through.");
    case Failure::UpstreamReset:
        if (r.response && r.response->status > 0)
            return QCoreApplication::translate("Check", "The connection was closed in the middle of the "
                                                        "server's answer (HTTP %1; %2 bytes of it "
                                                        "arrived).")
                .arg(r.response->status)
                .arg(r.response->bodyBytes);
        return QCoreApplication::translate("Check",
                                           "The connection was closed before the server sent any answer.");
    case Failure::Timeout:
        return QCoreApplication::translate("Check", "The server did not answer in time.");
    case Failure::ProtocolError:
        return QCoreApplication::translate("Check", "The server's answer is not valid HTTP.");
    case Failure::Cancelled:
        return QCoreApplication::translate("Check", "Cancelled.");
    case Failure::None:
        break;
    }
    return {};
}

void addExchangeDetails(CheckResult &r, const ExchangeResult &x)
{
    if (!x.peer.isNull())
        r.addDetail(u"connected to"_s, u"%1 port %2"_s.arg(x.peer.toString()).arg(x.peerPort));
    if (x.viaProxy)
        r.addDetail(u"through proxy"_s, u"yes"_s);
    for (const ConnectAttempt &a : x.attempts) {
        if (a.failure != Failure::None)
            r.addDetail(u"attempt %1"_s.arg(a.address.toString()), u"%1 after %2"_s.arg(a.outcome, ms(a.ms)));
    }
    if (!x.error.isEmpty())
        r.addDetail(u"error"_s, x.error);
    r.facts.error = x.error;
    if (x.response) {
        r.facts.httpStatus = x.response->status;
        r.facts.bytesReceived = x.response->bodyBytes;
    }
    if (x.proxyResponse) {
        r.addDetail(
            u"proxy answer"_s,
            u"%1 %2"_s.arg(x.proxyResponse->status).arg(QString::fromLatin1(x.proxyResponse->reason)));
        r.evidence = responseEvidence(*x.proxyResponse);
    }
}

} // namespace

void addProviderError(CheckResult &r, const ResponseClass &rc)
{
    if (!rc.error.message.isEmpty())
        r.addDetail(u"provider message"_s, rc.error.message);
    if (!rc.error.code.isEmpty())
        r.addDetail(u"provider code"_s, rc.error.code);
    if (!rc.error.type.isEmpty())
        r.addDetail(u"provider error type"_s, rc.error.type);
}

QString responseEvidence(const HttpResponse &response, qsizetype bodyBytes)
{
    QString out = u"%1 %2 %3\n"_s.arg(QString::fromLatin1(response.version))
                      .arg(response.status)
                      .arg(QString::fromLatin1(response.reason));
    for (const auto &[k, v] : response.headers) {
        const QByteArray lower = k.toLower();
        // Cookies can identify a session; they are never evidence.
        const bool secret = lower == "set-cookie" || lower == "cookie" || lower == "authorization" ||
                            lower == "proxy-authorization" || lower == "x-api-key" || lower == "api-key";
        out += QString::fromLatin1(k) + u": "_s + (secret ? u"[removed]"_s : QString::fromLatin1(v)) + u'\n';
    }
    if (!response.body.isEmpty()) {
        out += u'\n' + QString::fromUtf8(response.body.left(bodyBytes));
        if (response.body.size() > bodyBytes || response.bodyTruncated)
            out += u"\n[… %1 bytes in all]"_s.arg(response.bodyBytes);
    }
    return out;
}

ExchangeRequest exchangeRequestFor(const DiagnosisContext &context, const QUrl &url)
{
    ExchangeRequest r;
    r.url = url;
    r.proxy = context.proxy.proxy;
    r.caCertificates = context.caCertificates;
    r.timeoutMs = context.remainingMs();
    r.connectTimeoutMs = std::min(10000, r.timeoutMs);
    r.addresses = context.addresses;
    r.resolvedInMs = context.dnsMs;
    return r;
}

// ---------------------------------------------------------------------------------------------

bool hasUsableNetwork()
{
    // Up, running, not loopback, with an address that is not link-local: what a route to anywhere
    // needs. A fresh network namespace, airplane mode or an unplugged cable has none.
    const auto interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &i : interfaces) {
        const auto flags = i.flags();
        if (!flags.testFlag(QNetworkInterface::IsUp) || !flags.testFlag(QNetworkInterface::IsRunning) ||
            flags.testFlag(QNetworkInterface::IsLoopBack))
            continue;
        const auto entries = i.addressEntries();
        for (const QNetworkAddressEntry &e : entries) {
            if (!e.ip().isLinkLocal() && !e.ip().isLoopback())
                return true;
        }
    }
    return false;
}

bool isProvidersOwnHost(const Target &target, const QString &host)
{
    const auto provider = ProviderCatalog::instance().find(target.provider);
    return provider && !provider->baseUrl.isEmpty() &&
           QUrl(provider->baseUrl).host().compare(host, Qt::CaseInsensitive) == 0;
}

// ---------------------------------------------------------------------------------------------

DnsCheck::DnsCheck(QObject *parent)
    : Check(u"dns"_s, QCoreApplication::translate("Check", "Can your computer find the server?"), {}, parent)
{
}

void DnsCheck::run()
{
    DiagnosisContext &c = context();
    const QString host = hostOf(c);
    const bool viaProxy = c.proxy.proxy.has_value();
    const QHostAddress literal(host);
    if (!literal.isNull()) {
        c.addresses = {literal};
        c.dnsMs = 0;
        CheckResult r = makeResult(
            CheckStatus::Pass,
            QCoreApplication::translate("Check", "%1 is already a numeric (IP) address: no lookup needed.")
                .arg(host));
        r.addDetail(u"address"_s, literal.toString());
        complete(r);
        return;
    }
    emit progress(QCoreApplication::translate("Check", "Looking up %1…").arg(host));
    m_lookup = new HostLookup(this);
    QElapsedTimer clock;
    clock.start();
    connect(m_lookup, &HostLookup::finished, this, [this, clock, host, viaProxy](const QHostInfo &info) {
        DiagnosisContext &ctx = context();
        const double took = double(clock.nsecsElapsed()) / 1e6;
        ctx.dnsMs = took;
        const QString what = viaProxy ? QCoreApplication::translate("Check", "the proxy %1").arg(host) : host;
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            const bool notFound = info.error() == QHostInfo::HostNotFound || info.addresses().isEmpty();
            QString hint; // "api.opena1.com" is almost "api.openai.com"
            if (notFound && !viaProxy) {
                for (const LintFinding &f : lintBaseUrl(ctx.target.baseUrl.toString(), ctx.target.provider)) {
                    if (f.code == u"host_typo" || f.code == u"website_not_api")
                        hint = u" "_s + f.message;
                }
            }
            const bool offline = !hasUsableNetwork();
            CheckResult r = makeResult(
                CheckStatus::Fail,
                offline ? QCoreApplication::translate(
                              "Check",
                              "Your computer could not look up %1: it has no working network connection.")
                              .arg(what)
                : notFound
                    ? QCoreApplication::translate(
                          "Check", "Your computer could not find %1: the name does not exist.%2")
                          .arg(what, hint)
                    : QCoreApplication::translate(
                          "Check", "Your computer could not look up %1: the name lookup service failed.")
                          .arg(what),
                Category::DnsFailure);
            r.addDetail(u"host"_s, host);
            r.addDetail(u"lookup result"_s, notFound ? u"name not found"_s : u"lookup failed"_s);
            r.addDetail(u"error"_s, info.errorString());
            r.facts.lookup = notFound ? CheckFacts::Lookup::NotFound : CheckFacts::Lookup::Failed;
            r.facts.error = info.errorString();
            r.facts.failedPhase = Phase::Dns;
            r.facts.failedPhaseMs = took;
            r.facts.networkDown = offline;
            // Why a lookup fails decides who acts: no network at all is the computer's; a known
            // provider's own name that does not resolve is no typo.
            if (offline)
                r.addDetail(u"network"_s, u"none"_s);
            else if (!viaProxy && isProvidersOwnHost(ctx.target, host))
                r.addDetail(u"known host"_s, u"yes"_s);
            r.facts.knownHost = !offline && !viaProxy && isProvidersOwnHost(ctx.target, host);
            r.timings.insert(u"dns"_s, took);
            complete(r);
            return;
        }
        ctx.addresses = info.addresses();
        int v4 = 0, v6 = 0;
        QStringList list;
        for (const QHostAddress &a : info.addresses()) {
            (a.protocol() == QAbstractSocket::IPv6Protocol ? v6 : v4)++;
            list << a.toString();
        }
        QStringList families;
        if (v4)
            families << u"%1 IPv4"_s.arg(v4);
        if (v6)
            families << u"%1 IPv6"_s.arg(v6);
        CheckResult r = makeResult(
            CheckStatus::Pass,
            (list.size() == 1 ? QCoreApplication::translate("Check", "Found %1 (%2 address) in %3.")
                              : QCoreApplication::translate("Check", "Found %1 (%2 addresses) in %3."))
                .arg(what, families.join(QCoreApplication::translate("Check", " and ")), ms(took)));
        r.addDetail(u"host"_s, host);
        r.addDetail(u"addresses"_s, list.join(u", "_s));
        r.timings.insert(u"dns"_s, took);
        complete(r);
    });
    m_lookup->lookup(host);
}

void DnsCheck::abort()
{
    // A cancel can arrive from inside the lookup's own answer (its result ends the run): never
    // delete the lookup from under its callback.
    if (m_lookup) {
        m_lookup->disconnect(this);
        m_lookup->deleteLater();
        m_lookup = nullptr;
    }
}

// ---------------------------------------------------------------------------------------------

ConnectCheck::ConnectCheck(QObject *parent)
    : Check(u"tcp"_s, QCoreApplication::translate("Check", "Can your computer reach the server?"), {u"dns"_s},
            parent)
{
}

void ConnectCheck::run()
{
    DiagnosisContext &c = context();
    QList<QHostAddress> v4, v6;
    for (const QHostAddress &a : std::as_const(c.addresses))
        (a.protocol() == QAbstractSocket::IPv6Protocol ? v6 : v4).append(a);
    emit progress(QCoreApplication::translate("Check", "Connecting to %1…").arg(hostOf(c)));
    for (const auto &family : {v4, v6}) {
        if (family.isEmpty())
            continue;
        ExchangeRequest req = exchangeRequestFor(c, c.target.baseUrl);
        req.addresses = family;
        req.stopAfter = Stage::Connect;
        auto *x = new Exchange(req, this);
        connect(x, &Exchange::finished, this, [this](const ExchangeResult &r) {
            m_results.append(r);
            onFamilyDone();
        });
        m_exchanges.append(x);
    }
    for (const auto &x : std::as_const(m_exchanges))
        x->start();
}

void ConnectCheck::onFamilyDone()
{
    if (m_results.size() < m_exchanges.size() || isFinished())
        return;
    const DiagnosisContext &c = context();
    const QString host = hostOf(c);
    const quint16 port =
        quint16(c.proxy.proxy ? c.proxy.proxy->port(1080)
                              : c.target.baseUrl.port(c.target.baseUrl.scheme() == u"https" ? 443 : 80));
    QStringList good, bad;
    const ExchangeResult *firstFailure = nullptr;
    const ExchangeResult *firstSuccess = nullptr;
    for (const ExchangeResult &r : std::as_const(m_results)) {
        const QString fam =
            familyName(r.peer.isNull() && !r.resolved.isEmpty() ? r.resolved.first() : r.peer);
        if (r.ok()) {
            good << u"%1 in %2"_s.arg(fam, ms(PhaseDurations::fromMarks(r.marks).connect));
            if (!firstSuccess)
                firstSuccess = &r;
        } else {
            bad << u"%1 %2"_s.arg(fam, r.attempts.isEmpty() ? r.error : r.attempts.last().outcome);
            // A refusal is the most specific answer; keep it over silence.
            if (!firstFailure || (r.failure == Failure::ConnectionRefused &&
                                  firstFailure->failure != Failure::ConnectionRefused))
                firstFailure = &r;
        }
    }
    CheckResult result;
    if (!firstSuccess) {
        result = makeResult(CheckStatus::Fail, plainFailure(*firstFailure, host, port),
                            failureCategory(firstFailure->failure));
    } else if (firstFailure) {
        result = makeResult(
            CheckStatus::Warn,
            QCoreApplication::translate(
                "Check",
                "Connected to %1 port %2 over %3, but not over %4. Most programs fall back by themselves.")
                .arg(host)
                .arg(port)
                .arg(good.join(u", "_s), bad.join(u", "_s)));
    } else {
        result = makeResult(CheckStatus::Pass,
                            QCoreApplication::translate("Check", "Connected to %1 port %2 (%3).")
                                .arg(host)
                                .arg(port)
                                .arg(good.join(u", "_s)));
    }
    if (c.proxy.proxy)
        result.addDetail(u"proxy"_s, proxyForDisplay(*c.proxy.proxy));
    for (const ExchangeResult &r : std::as_const(m_results)) {
        for (const ConnectAttempt &a : r.attempts)
            result.addDetail(u"%1 port %2"_s.arg(a.address.toString()).arg(port),
                             u"%1 after %2"_s.arg(a.outcome, ms(a.ms)));
    }
    if (firstSuccess)
        result.timings.insert(u"connect"_s, PhaseDurations::fromMarks(firstSuccess->marks).connect);
    complete(result);
}

void ConnectCheck::abort()
{
    for (const auto &x : std::as_const(m_exchanges))
        stopExchange(x);
}

// ---------------------------------------------------------------------------------------------

TlsCheck::TlsCheck(QObject *parent)
    : Check(u"tls"_s,
            QCoreApplication::translate("Check", "Is the connection private and the certificate valid?"),
            {u"dns"_s}, parent)
{
}

void TlsCheck::run()
{
    DiagnosisContext &c = context();
    if (c.target.baseUrl.scheme() != u"https") {
        CheckResult r =
            makeResult(CheckStatus::Skip,
                       QCoreApplication::translate(
                           "Check", "The address starts with http://, so the connection is not encrypted."));
        r.addDetail(u"scheme"_s, u"http"_s);
        complete(r);
        return;
    }
    ExchangeRequest req = exchangeRequestFor(c, c.target.baseUrl);
    req.stopAfter = Stage::Tls;
    emit progress(QCoreApplication::translate("Check", "Setting up a secure connection…"));
    m_exchange = new Exchange(req, this);
    connect(m_exchange, &Exchange::finished, this, [this](const ExchangeResult &x) {
        const DiagnosisContext &ctx = context();
        const QString host = ctx.target.baseUrl.host();
        const quint16 port = quint16(ctx.target.baseUrl.port(443));
        CheckResult r;
        if (x.ok()) {
            const QString until =
                x.tls.chain.isEmpty()
                    ? QString()
                    : QLocale::c().toString(x.tls.chain.first().expiry.date(), u"d MMM yyyy"_s);
            r = makeResult(
                CheckStatus::Pass,
                until.isEmpty()
                    ? QCoreApplication::translate(
                          "Check", "Secure connection set up (%1); the certificate for %2 is valid.")
                          .arg(x.tls.protocol, host)
                    : QCoreApplication::translate(
                          "Check", "Secure connection set up (%1); the certificate for %2 is valid until %3.")
                          .arg(x.tls.protocol, host, until));
        } else if (x.stage == Stage::Tls || x.failure == Failure::ProxyError) {
            r = makeResult(CheckStatus::Fail, plainFailure(x, host, port), failureCategory(x.failure));
        } else {
            r = makeResult(CheckStatus::Fail,
                           QCoreApplication::translate("Check", "No secure connection: %1")
                               .arg(plainFailure(x, host, port)),
                           failureCategory(x.failure));
        }
        if (!x.tls.protocol.isEmpty())
            r.addDetail(u"protocol"_s, x.tls.protocol);
        if (!x.tls.cipher.isEmpty())
            r.addDetail(u"cipher"_s, x.tls.cipher);
        if (x.tls.attempted)
            r.addDetail(u"certificate name matches"_s, x.tls.hostnameMatches ? u"yes"_s : u"no"_s);
        for (qsizetype i = 0; i < x.tls.chain.size(); ++i) {
            const CertificateInfo &cert = x.tls.chain.at(i);
            r.addDetail(u"certificate %1"_s.arg(i + 1),
                        QCoreApplication::translate("Check", "%1, issued by %2, valid %3 to %4%5")
                            .arg(cert.subject, cert.issuer, cert.notBefore.toString(Qt::ISODate),
                                 cert.expiry.toString(Qt::ISODate),
                                 cert.selfSigned ? u" (self-signed)"_s : QString()));
            r.facts.topIssuer = cert.issuer;
        }
        addExchangeDetails(r, x);
        addTimings(r, x);
        r.timings.remove(u"total"_s);
        complete(r);
    });
    m_exchange->start();
}

void TlsCheck::abort()
{
    stopExchange(m_exchange);
}

// ---------------------------------------------------------------------------------------------

namespace {

// The bound on a model list read whole (OpenRouter's is over a megabyte and growing).
constexpr qint64 kModelListCap = 8 * 1024 * 1024;

// A 2xx answer that is an HTML page: its title ("" when it has none); a null string otherwise.
QString webPageTitle(const HttpResponse &resp)
{
    if (resp.status / 100 != 2)
        return {};
    const QByteArray type = resp.header("content-type").toLower();
    const QByteArray start = resp.body.left(512).trimmed().toLower();
    const bool html =
        type.contains("text/html") || start.startsWith("<!doctype html") || start.startsWith("<html");
    if (!html || type.contains("json"))
        return {};
    static const QRegularExpression title(u"<title[^>]*>([^<]{1,200})</title>"_s,
                                          QRegularExpression::CaseInsensitiveOption);
    const auto m = title.match(QString::fromUtf8(resp.body.left(64 * 1024)));
    return m.hasMatch() ? m.captured(1).simplified() : u""_s;
}

} // namespace

HttpCheck::HttpCheck(QObject *parent)
    : Check(u"http"_s, QCoreApplication::translate("Check", "Does the API answer?"), {u"dns"_s}, parent)
{
}

void HttpCheck::run()
{
    DiagnosisContext &c = context();
    ExchangeRequest req = exchangeRequestFor(c, c.target.modelsUrl());
    // Aggregators list thousands of models: the whole list is read, up to a bound.
    req.captureCap = kModelListCap;
    req.maxReadBytes = kModelListCap;
    const Provider provider = ProviderCatalog::instance().find(c.target.provider).value_or(Provider());
    // The key as a header can carry it; the api_key check tells about any stray characters.
    req.headers.append(provider.authHeaders(sendableKey(c.target.apiKey)));
    emit progress(QCoreApplication::translate("Check", "Asking %1 for its list of models…")
                      .arg(c.target.baseUrl.host()));
    m_exchange = new Exchange(req, this);
    connect(m_exchange, &Exchange::finished, this, &HttpCheck::onDone);
    m_exchange->start();
}

void HttpCheck::onDone(const ExchangeResult &x)
{
    DiagnosisContext &c = context();
    c.modelList = x;
    recordExchange(m_exchange, x);
    const QString host = c.target.baseUrl.host();
    const quint16 port = quint16(c.target.baseUrl.port(c.target.baseUrl.scheme() == u"https" ? 443 : 80));
    CheckResult r;
    if (!x.ok()) {
        r = makeResult(CheckStatus::Fail, plainFailure(x, host, port), failureCategory(x.failure));
        r.addDetail(u"stage"_s, stageName(x.stage));
        if (x.response) // partial headers, as evidence
            r.evidence = responseEvidence(*x.response);
    } else if (x.readLimitHit) {
        // An answer that does not end is a broken server, whatever its status line said.
        const HttpResponse &resp = *x.response;
        r = makeResult(
            CheckStatus::Fail,
            QCoreApplication::translate(
                "Check",
                "%1 answered HTTP %2 and then kept sending: the answer had not ended after %3 bytes, so "
                "llmdoctor stopped reading. The server (or a gateway in front of it) is broken.")
                .arg(host)
                .arg(resp.status)
                .arg(resp.bodyBytes),
            Category::ServerError);
        r.addDetail(u"request"_s, u"GET %1"_s.arg(shownUrl(c.target.modelsUrl())));
        r.addDetail(u"status"_s, u"%1 %2"_s.arg(resp.status).arg(QString::fromLatin1(resp.reason)));
        r.addDetail(u"note"_s, u"stopped reading after %1 bytes"_s.arg(resp.bodyBytes));
        r.evidence = responseEvidence(resp);
    } else {
        const HttpResponse &resp = *x.response;
        const ResponseClass rc = classifyResponse(resp, c.target.carriesKey(), x.viaProxy);
        // An answer about the key or the account still proves the API is there and the address
        // right; the api_key check reads what it says.
        static const QList<Category> accountAnswers{Category::AuthMissingKey, Category::AuthInvalidKey,
                                                    Category::PermissionDenied, Category::QuotaExhausted,
                                                    Category::RateLimited};
        const QString page = rc.category == Category::Ok ? webPageTitle(resp) : QString();
        const QByteArray location = resp.header("location");
        if (!page.isNull()) {
            // A captive portal, a router's page or a web interface on the wrong port: "200 OK",
            // but not the API.
            r = makeResult(
                CheckStatus::Fail,
                page.isEmpty()
                    ? QCoreApplication::translate(
                          "Check", "%1 answered with a web page, not with the API's list of models.")
                          .arg(host)
                    : QCoreApplication::translate(
                          "Check", "%1 answered with a web page (\"%2\"), not with the API's list of models.")
                          .arg(host, page),
                Category::NotAnApi);
            if (!page.isEmpty())
                r.addDetail(u"page title"_s, page);
            r.facts.pageTitle = page;
        } else if (resp.status >= 300 && resp.status < 400 && !location.isEmpty()) {
            // Never followed: a redirect would carry the key to wherever it points.
            const QUrl moved = c.target.modelsUrl().resolved(QUrl::fromEncoded(location));
            QUrl base = moved;
            QString path = base.path();
            if (path.endsWith(u"/models"))
                path.chop(7);
            base.setPath(path);
            r = makeResult(
                CheckStatus::Fail,
                QCoreApplication::translate(
                    "Check",
                    "The API address moved: %1 sends requests on to %2 (HTTP %3). llmdoctor does not "
                    "follow it with your key; use the new address.")
                    .arg(host, shownUrl(moved))
                    .arg(resp.status),
                Category::EndpointNotFound);
            r.addDetail(u"moved to"_s, shownUrl(base));
            r.facts.movedTo = shownUrl(base);
        } else if (rc.category == Category::Ok)
            r = makeResult(CheckStatus::Pass, rc.summary, rc.category);
        else if (accountAnswers.contains(rc.category))
            r = makeResult(CheckStatus::Pass,
                           QCoreApplication::translate(
                               "Check",
                               "The API answered (HTTP %1), so the address is right; what it said about your "
                               "key or account is the next step.")
                               .arg(resp.status),
                           Category::Ok);
        else
            r = makeResult(CheckStatus::Fail, rc.summary, rc.category);
        r.addDetail(u"request"_s, u"GET %1"_s.arg(shownUrl(c.target.modelsUrl())));
        r.addDetail(u"status"_s, u"%1 %2"_s.arg(resp.status).arg(QString::fromLatin1(resp.reason)));
        addProviderError(r, rc);
        QStringList hops = detectHops(resp.headers);
        if (resp.status >= 400) {
            // Some error pages name their producer only in the body (HAProxy sends no Server header).
            for (const QString &hop : classifyErrorResponse(resp).hops) {
                if (!hops.contains(hop) && !isClientLibrary(hop))
                    hops << hop;
            }
        }
        if (!hops.isEmpty())
            r.addDetail(u"hops"_s, hops.join(u", "_s));
        r.facts.hops = hops;
        r.facts.providerMessage = rc.error.message;
        r.facts.regionRefused = rc.regionRefused;
        const auto ids = requestIds(resp.headers);
        for (auto it = ids.cbegin(); it != ids.cend(); ++it) {
            r.addDetail(it.key(), it.value());
            r.facts.requestIds.append({it.key(), it.value()});
        }
        if (const auto wait = suggestedWaitSeconds(parsedRateLimits(resp.headers)))
            r.facts.retryAfterS = *wait;
        const auto limits = rateLimitHeaders(resp.headers);
        for (auto it = limits.cbegin(); it != limits.cend(); ++it)
            r.addDetail(it.key(), it.value());
        r.evidence = responseEvidence(resp);
    }
    addExchangeDetails(r, x);
    addTimings(r, x);
    complete(r);
}

void HttpCheck::abort()
{
    stopExchange(m_exchange);
}

// ---------------------------------------------------------------------------------------------

ModelCheck::ModelCheck(QObject *parent)
    : Check(u"model"_s, QCoreApplication::translate("Check", "Does the model you named exist?"),
            {u"http"_s, u"api_key"_s}, parent)
{
}

QStringList ModelCheck::parseModelList(const QByteArray &body, bool *ok)
{
    QStringList ids;
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    bool parsed = err.error == QJsonParseError::NoError;
    QJsonArray list;
    if (doc.isObject()) {
        const QJsonObject o = doc.object();
        list = o.contains(u"data") ? o.value(u"data").toArray() : o.value(u"models").toArray();
    } else if (doc.isArray()) {
        list = doc.array();
    } else {
        parsed = false;
    }
    for (const QJsonValue &v : std::as_const(list)) {
        const QJsonObject m = v.toObject();
        QString id = m.value(u"id").toString();
        if (id.isEmpty())
            id = m.value(u"name").toString();
        if (id.startsWith(u"models/"))
            id.remove(0, 7); // Gemini names models "models/gemini-..."
        if (!id.isEmpty())
            ids << id;
    }
    if (ok)
        *ok = parsed;
    return ids;
}

namespace {

QString normalizedModel(const QString &name)
{
    QString n = name.toLower();
    if (const qsizetype slash = n.lastIndexOf(u'/'); slash >= 0)
        n = n.mid(slash + 1);
    n.remove(QRegularExpression(u"[-_.: ]"_s));
    return n;
}

} // namespace

QStringList ModelCheck::closestModels(const QString &wanted, const QStringList &available)
{
    const QString w = normalizedModel(wanted);
    QList<QPair<int, QString>> scored;
    for (const QString &id : available) {
        const QString n = normalizedModel(id);
        int score;
        if (id.compare(wanted, Qt::CaseInsensitive) == 0)
            score = -1; // only the capitals differ
        else if (n == w)
            score = 0; // separators or a provider prefix ("openai/gpt-4o" vs "gpt-4o")
        else if (n.startsWith(w) || w.startsWith(n))
            score = 1 + int(std::abs(n.size() - w.size())) / 4;
        else if (const int d = editDistance(n, w); d <= std::max<qsizetype>(2, w.size() / 4))
            score = 2 + d;
        else
            continue;
        scored.append({score, id});
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    QStringList out;
    for (qsizetype i = 0; i < std::min<qsizetype>(3, scored.size()); ++i)
        out << scored.at(i).second;
    return out;
}

void ModelCheck::run()
{
    const DiagnosisContext &c = context();
    const QString wanted = c.target.model.trimmed();
    if (wanted.isEmpty()) {
        complete(makeResult(CheckStatus::Skip,
                            QCoreApplication::translate(
                                "Check", "No model name was given, so there is nothing to look up.")));
        return;
    }
    if (!c.modelList || !c.modelList->ok() || !c.modelList->response ||
        c.modelList->response->status / 100 != 2) {
        complete(makeResult(
            CheckStatus::Skip,
            QCoreApplication::translate(
                "Check", "The list of models could not be read, so the name could not be checked.")));
        return;
    }
    bool ok = false;
    const QStringList ids = parseModelList(c.modelList->response->body, &ok);
    if (!ok || ids.isEmpty()) {
        complete(makeResult(
            CheckStatus::Warn,
            QCoreApplication::translate(
                "Check",
                "The server's list of models is empty or unreadable, so \"%1\" could not be checked.")
                .arg(wanted)));
        return;
    }
    if (ids.contains(wanted)) {
        CheckResult r = makeResult(
            CheckStatus::Pass,
            QCoreApplication::translate("Check", "\"%1\" is one of the %2 models this server offers.")
                .arg(wanted)
                .arg(ids.size()));
        r.addDetail(u"model"_s, wanted);
        complete(r);
        return;
    }
    const QStringList near = closestModels(wanted, ids);
    QString summary;
    if (near.isEmpty())
        summary = QCoreApplication::translate("Check", "This server has no model called \"%1\".").arg(wanted);
    else if (near.first().compare(wanted, Qt::CaseInsensitive) == 0)
        summary =
            QCoreApplication::translate(
                "Check", "This server has no model called \"%1\": model names are case-sensitive, and it is "
                         "called \"%2\".")
                .arg(wanted, near.first());
    else
        summary = QCoreApplication::translate("Check",
                                              "This server has no model called \"%1\". Did you mean \"%2\"?")
                      .arg(wanted, near.first());
    CheckResult r = makeResult(CheckStatus::Fail, summary, Category::ModelNotFound);
    r.addDetail(u"model"_s, wanted);
    if (!near.isEmpty())
        r.addDetail(u"did you mean"_s, near.join(u", "_s));
    r.facts.closeModels = near;
    r.facts.models = ids; // the whole list, for choosing another name
    r.addDetail(u"models offered"_s, ids.mid(0, 30).join(u", "_s) + (ids.size() > 30 ? u", …"_s : QString()));
    complete(r);
}

} // namespace llmdoctor::core
