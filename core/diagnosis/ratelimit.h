#pragma once

#include "../probe/httpmessage.h"

#include <QDateTime>
#include <QMap>
#include <QString>
#include <optional>

namespace llmdoctor::core {

// OpenAI's reset durations: "6m0s", "1.5s", "12ms", "1h2m3.5s" -> seconds.
std::optional<double> parseDurationSeconds(QStringView text);

// Anthropic's RFC 3339 reset times ("2026-11-22T05:30:00Z") -> seconds from now (never negative).
std::optional<double> secondsUntilRfc3339(QStringView text, const QDateTime &now);

// retry-after: seconds (a number, possibly fractional) or an HTTP date -> seconds from now.
std::optional<double> parseRetryAfter(QStringView text, const QDateTime &now);

// The rate-limit headers of a response as parsed numbers: "retry_after_s", "reset_requests_s",
// "reset_tokens_s", "limit_requests", "remaining_tokens", ... (OpenAI and Anthropic families).
QMap<QString, double> parsedRateLimits(const HeaderList &headers,
                                       const QDateTime &now = QDateTime::currentDateTimeUtc());

// How long the provider asks to wait, in seconds: retry-after-ms, then retry-after, then the
// soonest reset. nullopt when the response does not say.
std::optional<double> suggestedWaitSeconds(const QMap<QString, double> &limits);

// "45 s", "6 min", "2 h 5 min": a wait for people.
QString plainWait(double seconds);

} // namespace llmdoctor::core
