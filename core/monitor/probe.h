#pragma once

#include "../probe/exchange.h"
#include "../probe/phasetimings.h"
#include "../target/target.h"
#include "sample.h"

#include <QAbstractSocket>
#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>
#include <QSslCertificate>
#include <optional>

namespace llmdoctor::core {

class HostLookup;

// What every probe of a run shares: the target, the proxy, the extra trusted certificates.
struct ProbeSetup
{
    Target target;
    ProxyDecision proxy;
    QList<QSslCertificate> caCertificates;
    int timeoutMs = 30000;
    // Connect over this family only (IPv4 or IPv6) when the name has both; Any = as resolved.
    QAbstractSocket::NetworkLayerProtocol family = QAbstractSocket::AnyIPProtocol;
};

// Loads the CA file and decides the proxy (without reading the system settings: a decision that
// needs them comes back with proxy.systemQueryNeeded). nullopt and a plain *error for bad input.
std::optional<ProbeSetup> prepareProbeSetup(const Target &target, const QProcessEnvironment &env,
                                            QString *error);

// One probe: what a retry attempt or a monitor sample found.
struct ProbeOutcome
{
    ExchangeResult exchange;
    int status = 0; // 0 when no HTTP answer came
    Category category = Category::Ok;
    QString summary; // one plain sentence
    PhaseDurations phases;
    QStringList hops; // intermediaries the answer names
    bool ipv6 = false;
    bool modelMissing = false; // the model list came back without the model the user named

    // The compact form, at timeMs from the start of its run.
    Sample toSample(quint32 timeMs, SampleStore &store) const;
};

// The authenticated GET <base>/models the diagnosis also makes, on a fresh connection with its
// own name lookup, classified like the http check. One finished() per start(); cancel() at
// any time.
class Probe final : public QObject
{
    Q_OBJECT
public:
    explicit Probe(ProbeSetup setup, QObject *parent = nullptr);
    ~Probe() override;

    void start();
    void cancel();

signals:
    void finished(const llmdoctor::core::ProbeOutcome &outcome);

private:
    void onLookedUp(const QHostInfo &info, double ms);
    void onExchanged(const ExchangeResult &result);
    void finish(ProbeOutcome outcome);

    ProbeSetup m_setup;
    QPointer<HostLookup> m_lookup;
    QPointer<Exchange> m_exchange;
    QElapsedTimer m_clock;
    bool m_done = false;
};

} // namespace llmdoctor::core

Q_DECLARE_METATYPE(llmdoctor::core::ProbeOutcome)
