#pragma once

#include "../probe/httpmessage.h"

#include <QMap>
#include <QStringList>

namespace llmdoctor::core {

// The intermediaries a response names (Server, Via, cf-ray, x-envoy-*, ...), outermost first
// as far as headers tell: "cloudflare", "envoy", "nginx", "squid", ...
QStringList detectHops(const HeaderList &headers);

// Whether a hop is a client library an error text names ("openai-python", "python-httpx",
// "curl"...): it runs on the user's computer, not on the path to the server.
bool isClientLibrary(const QString &hop);

// Request identifiers a support team asks for: x-request-id, request-id, cf-ray, ...
QMap<QString, QString> requestIds(const HeaderList &headers);

// Rate-limit headers as sent (x-ratelimit-*, anthropic-ratelimit-*, retry-after, retry-after-ms).
QMap<QString, QString> rateLimitHeaders(const HeaderList &headers);

} // namespace llmdoctor::core
