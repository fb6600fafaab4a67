// Rate-limit and retry-after headers: the input is header lines ("name: value"); each value also
// goes through the single-value parsers.
#include "core/diagnosis/hops.h"
#include "core/diagnosis/ratelimit.h"
#include "core/monitor/retrypolicy.h"
#include "fuzzinput.h"

#include <cmath>
#include <cstdlib>

using namespace llmdoctor;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    const QDateTime now = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
    core::HeaderList headers;
    for (const QByteArray &line : input.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
        const QString value = QString::fromLatin1(colon > 0 ? line.mid(colon + 1).trimmed() : line);
        core::parseDurationSeconds(value);
        core::secondsUntilRfc3339(value, now);
        if (const auto s = core::parseRetryAfter(value, now); s && (std::isnan(*s) || *s < 0))
            std::abort(); // a wait is a number of seconds, never negative
    }
    const auto limits = core::parsedRateLimits(headers, now);
    if (const auto wait = core::suggestedWaitSeconds(limits)) {
        if (std::isnan(*wait) || *wait < 0)
            std::abort();
        core::plainWait(*wait);
    }
    if (const auto wait = core::serverRequestedWaitS(headers, now); wait && (std::isnan(*wait) || *wait < 0))
        std::abort();
    core::isRetryableStatus(429, headers);
    core::rateLimitHeaders(headers);
    return 0;
}
