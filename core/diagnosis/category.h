#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace llmdoctor::core {

// What went wrong, as the report names it (docs/report.schema.json). The order is the wire order
// of verdictCategories() and the index a monitor Sample stores; names exist only at the JSON
// and text boundary.
enum class Category : quint8
{
    Ok,
    DnsFailure,
    ConnectionRefused,
    ConnectTimeout,
    NetworkUnreachable,
    TlsUntrusted,
    TlsExpired,
    TlsHostnameMismatch,
    TlsHandshakeFailed,
    ProxyError,
    GatewayError,
    UpstreamReset,
    GatewayTimeout,
    Timeout,
    AuthMissingKey,
    AuthInvalidKey,
    PermissionDenied,
    ModelNotFound,
    EndpointNotFound,
    RateLimited,
    QuotaExhausted,
    ProviderOverloaded,
    ProviderOutage,
    ServerError,
    BadRequest,
    NotAnApi, // a web page, captive portal or other non-API answer where the API should be
    Unknown,
    PacketLoss,
    Cancelled,
};

// Whose side the fault is on.
enum class Blame : quint8
{
    None,
    Local,
    Network,
    Proxy,
    Provider,
    Account,
    Config,
};

QString categoryName(Category category);                    // "dns_failure"
std::optional<Category> categoryFromName(QStringView name); // nullopt for a name not in the schema
Category categoryOr(QStringView name, Category fallback = Category::Unknown);
QString blameName(Blame blame); // "provider"
std::optional<Blame> blameFromName(QStringView name);
Blame blameOr(QStringView name, Blame fallback = Blame::None);

// Every name, in enum order.
const QStringList &categoryNames();
const QStringList &blameNames();

} // namespace llmdoctor::core
