#include "probe.h"

#include "../checks/diagnosiscontext.h"
#include "../checks/networkchecks.h"
#include "../diagnosis/hops.h"
#include "../diagnosis/responseclassifier.h"
#include "../probe/hostlookup.h"
#include "../target/keylint.h"
#include "../target/providercatalog.h"

#include <QCoreApplication>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

std::optional<ProbeSetup> prepareProbeSetup(const Target &target, const QProcessEnvironment &env,
                                            QString *error)
{
    ProbeSetup setup;
    setup.target = target;
    setup.timeoutMs = target.timeoutMs;
    if (!target.caFile.isEmpty()) {
        setup.caCertificates = QSslCertificate::fromPath(target.caFile, QSsl::Pem);
        if (setup.caCertificates.isEmpty()) {
            if (error)
                *error =
                    QCoreApplication::translate(
                        "Monitor",
                        "No certificate could be read from \"%1\": the file must hold certificates in text "
                        "(PEM) "
                        "form, starting with -----BEGIN CERTIFICATE-----.")
                        .arg(target.caFile);
            return std::nullopt;
        }
    }
    setup.proxy = decideProxy(target.proxy, target.baseUrl, env, /*querySystem=*/false);
    return setup;
}

Sample ProbeOutcome::toSample(quint32 timeMs, SampleStore &store) const
{
    Sample s;
    s.timeMs = timeMs;
    s.dnsMs = float(phases.dns);
    s.connectMs = float(phases.connect);
    s.tlsMs = float(phases.tls);
    s.ttfbMs = float(phases.ttfb);
    s.totalMs = float(phases.total);
    s.status = quint16(std::clamp(status, 0, 0xffff));
    s.category = quint8(category);
    s.flags = quint8((ipv6 ? Sample::Ipv6 : 0) | (exchange.viaProxy ? Sample::ViaProxy : 0));
    s.hops = store.internHops(hops);
    return s;
}

Probe::Probe(ProbeSetup setup, QObject *parent) : QObject(parent), m_setup(std::move(setup)) {}

Probe::~Probe()
{
    m_done = true;
    if (m_exchange)
        m_exchange->cancel();
}

void Probe::start()
{
    m_clock.start();
    const QString host = m_setup.proxy.proxy ? m_setup.proxy.proxy->host() : m_setup.target.baseUrl.host();
    if (const QHostAddress literal(host); !literal.isNull()) {
        QHostInfo info;
        info.setAddresses({literal});
        onLookedUp(info, 0);
        return;
    }
    // A lookup of our own, so that the probe can keep to one address family.
    m_lookup = new HostLookup(this);
    connect(m_lookup, &HostLookup::finished, this,
            [this](const QHostInfo &info) { onLookedUp(info, double(m_clock.nsecsElapsed()) / 1e6); });
    m_lookup->lookup(host);
    // The lookup has the probe's deadline too: a resolver that never answers must not stall a run.
    QTimer::singleShot(std::max(1, m_setup.timeoutMs), this, [this] {
        if (m_done || m_exchange)
            return;
        ProbeOutcome o;
        o.category = Category::Timeout;
        o.summary = QCoreApplication::translate("Monitor", "The name lookup did not finish in time.");
        o.phases.total = double(m_clock.nsecsElapsed()) / 1e6;
        finish(o);
    });
}

void Probe::cancel()
{
    if (m_done)
        return;
    ProbeOutcome o;
    o.category = Category::Cancelled;
    o.summary = QCoreApplication::translate("Monitor", "Cancelled.");
    o.phases.total = double(m_clock.nsecsElapsed()) / 1e6;
    if (m_exchange) {
        m_exchange->disconnect(this);
        m_exchange->cancel();
    }
    finish(o);
}

void Probe::onLookedUp(const QHostInfo &info, double ms)
{
    if (m_done)
        return;
    if (m_lookup)
        m_lookup->deleteLater();
    QList<QHostAddress> addresses = info.addresses();
    if (info.error() != QHostInfo::NoError || addresses.isEmpty()) {
        ProbeOutcome o;
        o.category = Category::DnsFailure;
        o.summary = QCoreApplication::translate("Monitor", "The server's name could not be looked up.");
        o.exchange.failure = Failure::DnsFailure;
        o.exchange.error = info.errorString();
        o.phases.dns = ms;
        o.phases.total = ms;
        finish(o);
        return;
    }
    if (m_setup.family != QAbstractSocket::AnyIPProtocol) {
        QList<QHostAddress> same;
        for (const QHostAddress &a : std::as_const(addresses)) {
            if (a.protocol() == m_setup.family)
                same << a;
        }
        if (!same.isEmpty())
            addresses = same;
    }
    DiagnosisContext context;
    context.target = m_setup.target;
    context.proxy = m_setup.proxy;
    context.caCertificates = m_setup.caCertificates;
    context.deadline = QDeadlineTimer(std::max<qint64>(1, m_setup.timeoutMs - qint64(ms)));
    context.addresses = addresses;
    context.dnsMs = ms;
    ExchangeRequest request = exchangeRequestFor(context, m_setup.target.modelsUrl());
    const Provider provider = ProviderCatalog::instance().find(m_setup.target.provider).value_or(Provider());
    request.headers.append(provider.authHeaders(sendableKey(m_setup.target.apiKey)));
    request.captureCap = 64 * 1024; // enough for error bodies and a model list's names
    m_exchange = new Exchange(request, this);
    connect(m_exchange, &Exchange::finished, this, &Probe::onExchanged);
    m_exchange->start();
}

void Probe::onExchanged(const ExchangeResult &x)
{
    if (m_done)
        return;
    ProbeOutcome o;
    o.exchange = x;
    o.phases = PhaseDurations::fromMarks(x.marks);
    o.ipv6 = x.peer.protocol() == QAbstractSocket::IPv6Protocol;
    if (!x.ok()) {
        o.category = failureCategory(x.failure);
        o.summary = x.error;
        if (x.proxyResponse)
            o.status = x.proxyResponse->status;
    } else if (x.readLimitHit) {
        // As the HTTP check says: an answer that does not end is a broken server.
        o.status = x.response->status;
        o.hops = detectHops(x.response->headers);
        o.category = Category::ServerError;
        o.summary = QCoreApplication::translate("Monitor", "the answer had not ended after %1 bytes")
                        .arg(x.response->bodyBytes);
    } else {
        const HttpResponse &resp = *x.response;
        o.status = resp.status;
        o.hops = detectHops(resp.headers);
        const ResponseClass rc = classifyResponse(resp, m_setup.target.carriesKey(), x.viaProxy);
        o.category = rc.category;
        o.summary = rc.summary;
        if (o.category == Category::Ok && !m_setup.target.model.isEmpty()) {
            bool parsed = false;
            const QStringList models = ModelCheck::parseModelList(resp.body, &parsed);
            o.modelMissing =
                parsed && !models.isEmpty() && !models.contains(m_setup.target.model) && !resp.bodyTruncated;
        }
    }
    finish(o);
}

void Probe::finish(ProbeOutcome outcome)
{
    if (m_done)
        return;
    m_done = true;
    emit finished(outcome);
}

} // namespace llmdoctor::core
