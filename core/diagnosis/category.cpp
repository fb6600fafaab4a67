#include "category.h"

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

const QStringList &categoryNames()
{
    static const QStringList names{
        u"ok"_s,
        u"dns_failure"_s,
        u"connection_refused"_s,
        u"connect_timeout"_s,
        u"network_unreachable"_s,
        u"tls_untrusted"_s,
        u"tls_expired"_s,
        u"tls_hostname_mismatch"_s,
        u"tls_handshake_failed"_s,
        u"proxy_error"_s,
        u"gateway_error"_s,
        u"upstream_reset"_s,
        u"gateway_timeout"_s,
        u"timeout"_s,
        u"auth_missing_key"_s,
        u"auth_invalid_key"_s,
        u"permission_denied"_s,
        u"model_not_found"_s,
        u"endpoint_not_found"_s,
        u"rate_limited"_s,
        u"quota_exhausted"_s,
        u"provider_overloaded"_s,
        u"provider_outage"_s,
        u"server_error"_s,
        u"bad_request"_s,
        u"not_an_api"_s,
        u"unknown"_s,
        u"packet_loss"_s,
        u"cancelled"_s,
    };
    return names;
}

const QStringList &blameNames()
{
    static const QStringList names{u"none"_s,     u"local"_s,   u"network"_s, u"proxy"_s,
                                   u"provider"_s, u"account"_s, u"config"_s};
    return names;
}

QString categoryName(Category category)
{
    return categoryNames().value(int(category), u"unknown"_s);
}

std::optional<Category> categoryFromName(QStringView name)
{
    const qsizetype i = categoryNames().indexOf(name);
    return i < 0 ? std::nullopt : std::optional(Category(i));
}

Category categoryOr(QStringView name, Category fallback)
{
    return categoryFromName(name).value_or(fallback);
}

QString blameName(Blame blame)
{
    return blameNames().value(int(blame), u"none"_s);
}

std::optional<Blame> blameFromName(QStringView name)
{
    const qsizetype i = blameNames().indexOf(name);
    return i < 0 ? std::nullopt : std::optional(Blame(i));
}

Blame blameOr(QStringView name, Blame fallback)
{
    return blameFromName(name).value_or(fallback);
}

} // namespace llmdoctor::core
