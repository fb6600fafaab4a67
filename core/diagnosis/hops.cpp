#include "hops.h"

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

void addHop(QStringList &hops, const QString &hop)
{
    if (!hop.isEmpty() && !hops.contains(hop))
        hops.append(hop);
}

// Maps a Server or Via product token to a hop name.
QString productHop(const QString &value)
{
    const QString v = value.toLower();
    struct Known
    {
        const char16_t *needle;
        const char16_t *hop;
    };
    static const Known known[] = {
        {u"cloudflare", u"cloudflare"},
        {u"istio-envoy", u"envoy"},
        {u"envoy", u"envoy"},
        {u"nginx", u"nginx"},
        {u"openresty", u"nginx"},
        {u"haproxy", u"haproxy"},
        {u"awselb", u"aws_alb"},
        {u"google frontend", u"gcp_lb"},
        {u"1.1 google", u"gcp_lb"},
        {u"kong", u"kong"},
        {u"traefik", u"traefik"},
        {u"squid", u"squid"},
        {u"varnish", u"varnish"},
        {u"apache", u"apache"},
        {u"caddy", u"caddy"},
        {u"cloudfront", u"cloudfront"},
        {u"akamai", u"akamai"},
        {u"fastly", u"fastly"},
        {u"vercel", u"vercel"},
        {u"uvicorn", u"uvicorn"},
        {u"llmdoctor-simulator", u"llmdoctor-simulator"},
    };
    for (const Known &k : known) {
        if (v.contains(QStringView(k.needle)))
            return QString::fromUtf16(k.hop);
    }
    return {};
}

} // namespace

QStringList detectHops(const HeaderList &headers)
{
    QStringList hops;
    for (const auto &[rawName, rawValue] : headers) {
        const QByteArray name = rawName.toLower();
        const QString value = QString::fromLatin1(rawValue);
        if (name == "cf-ray" || name == "cf-cache-status")
            addHop(hops, u"cloudflare"_s);
        else if (name == "via") {
            for (QString part : value.split(u',')) {
                // Pasted from a JavaScript or Python object: "via: '1.1 google',".
                part = part.trimmed();
                while (!part.isEmpty() && (part.front() == u'\'' || part.front() == u'"'))
                    part.remove(0, 1);
                while (!part.isEmpty() && (part.back() == u'\'' || part.back() == u'"'))
                    part.chop(1);
                if (part.trimmed().isEmpty())
                    continue;
                const QString hop = productHop(part);
                addHop(hops, hop.isEmpty() ? u"proxy (%1)"_s.arg(part.trimmed()) : hop);
            }
        } else if (name == "server") {
            const QString hop = productHop(value);
            addHop(hops, hop.isEmpty() ? value.trimmed().toLower() : hop);
        } else if (name.startsWith("x-envoy-"))
            addHop(hops, u"envoy"_s);
        else if (name.startsWith("x-kong-"))
            addHop(hops, u"kong"_s);
        else if (name == "x-squid-error" ||
                 (name == "x-cache" && value.contains(u"squid", Qt::CaseInsensitive)))
            addHop(hops, u"squid"_s);
        else if (name == "x-amz-cf-id")
            addHop(hops, u"cloudfront"_s);
        else if (name == "x-azure-ref" || name == "x-msedge-ref")
            addHop(hops, u"azure_fd"_s);
        else if (name.startsWith("x-litellm-"))
            addHop(hops, u"litellm"_s);
        else if (name.startsWith("x-zscaler-"))
            addHop(hops, u"zscaler"_s);
        else if (name == "x-vercel-id")
            addHop(hops, u"vercel"_s);
    }
    return hops;
}

bool isClientLibrary(const QString &hop)
{
    static const QStringList clients{u"openai-python"_s,
                                     u"anthropic-python"_s,
                                     u"python-httpx"_s,
                                     u"python-requests"_s,
                                     u"python-aiohttp"_s,
                                     u"node"_s,
                                     u"curl"_s};
    return clients.contains(hop);
}

QMap<QString, QString> requestIds(const HeaderList &headers)
{
    static const QByteArray names[] = {"x-request-id",     "request-id",       "cf-ray",
                                       "x-amzn-trace-id",  "x-amzn-requestid", "x-cloud-trace-context",
                                       "x-correlation-id", "apim-request-id",  "openai-organization"};
    QMap<QString, QString> ids;
    for (const QByteArray &name : names) {
        if (const QByteArray v = headerValue(headers, name); !v.isEmpty() && name != "openai-organization")
            ids.insert(QString::fromLatin1(name), QString::fromLatin1(v));
    }
    return ids;
}

QMap<QString, QString> rateLimitHeaders(const HeaderList &headers)
{
    QMap<QString, QString> out;
    for (const auto &[rawName, value] : headers) {
        const QByteArray name = rawName.toLower();
        if (name.startsWith("x-ratelimit-") || name.startsWith("anthropic-ratelimit-") ||
            name == "retry-after" || name == "retry-after-ms" || name == "x-should-retry")
            out.insert(QString::fromLatin1(name), QString::fromLatin1(value));
    }
    return out;
}

} // namespace llmdoctor::core
