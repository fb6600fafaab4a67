#pragma once

#include "../monitor/timingsignature.h"
#include "../path/pathresult.h"
#include "../probe/exchange.h"
#include "../statuspage/statussnapshot.h"
#include "../target/target.h"

#include <QDeadlineTimer>
#include <QHostAddress>
#include <QSslCertificate>
#include <optional>

namespace llmdoctor::core {

// One HTTP exchange a check made, as sent and as answered: the HAR export lists them all.
struct RecordedExchange
{
    QString checkId;
    QDateTime startedAt;
    ExchangeRequest request; // its headers hold the key: only ever written out redacted
    ExchangeResult result;
};

// What the checks of one diagnosis share: the target, and what earlier checks found, so that
// later ones neither resolve the name again nor repeat the model-list request.
struct DiagnosisContext
{
    Target target;
    ProxyDecision proxy;
    QList<QSslCertificate> caCertificates;
    QDeadlineTimer deadline;

    QList<QHostAddress> addresses; // from the DNS check (of the proxy when one is used)
    double dnsMs = -1;
    std::optional<ExchangeResult> modelList; // the authenticated GET <base>/models
    // What the provider's status page said, when it could be read (the status_page check), and
    // the name patterns of the components that matter for API calls.
    std::optional<StatusSnapshot> statusPage;
    QStringList statusComponents;
    QString statusProviderName;               // "OpenAI", for sentences about the page
    QList<RecordedExchange> exchanges;        // every HTTP request made, in the order they ended
    std::optional<LossEstimate> connectBurst; // what the burst of connects said about lost packets
    std::optional<PathResult> path;           // the route hop by hop (the opt-in path check)

    int remainingMs() const { return int(std::max<qint64>(1, deadline.remainingTime())); }
};

} // namespace llmdoctor::core
