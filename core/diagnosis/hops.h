#pragma once

#include "../probe/httpmessage.h"

#include <QMap>
#include <QStringList>

namespace llmdoctor::core {

// The intermediaries a response names (Server, Via, cf-ray, x-envoy-*, ...), outermost first
// as far as headers tell: "cloudflare", "envoy", "nginx", "squid", ...
QStringList detectHops(const HeaderList &headers);

// Request identifiers a support team asks for: x-request-id, request-id, cf-ray, ...
QMap<QString, QString> requestIds(const HeaderList &headers);

// Rate-limit headers as sent (x-ratelimit-*, anthropic-ratelimit-*, retry-after, retry-after-ms).
QMap<QString, QString> rateLimitHeaders(const HeaderList &headers);

} // namespace llmdoctor::core
