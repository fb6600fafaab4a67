#pragma once

#include "../probe/httpmessage.h"

#include <QDateTime>
#include <QString>
#include <optional>

namespace llmdoctor::core {

// How to wait and retry, by default as the official OpenAI and Anthropic SDKs do.
struct RetryPolicy
{
    int maxAttempts = 8;         // attempts in all, the first one included
    double maxWaitS = 120;       // give up when the run would last longer than this
    double capS = 8;             // the longest backoff between two attempts
    double baseS = 0.5;          // the first backoff
    double maxServerWaitS = 120; // a retry-after beyond this is not waited for
};

// SDK rule: connection errors, timeouts, 408, 409, 429 and every status >= 500 are retried;
// x-should-retry: true|false overrides the status. status 0 = no answer (a connection error).
bool isRetryableStatus(int status, const HeaderList &headers);

// What the server asks for: retry-after-ms first, then retry-after as seconds or an HTTP date.
std::optional<double> serverRequestedWaitS(const HeaderList &headers,
                                           const QDateTime &now = QDateTime::currentDateTimeUtc());

// min(base * 2^retriesMade, cap) * (1 - 0.25 * random), random in [0, 1).
double backoffS(const RetryPolicy &policy, int retriesMade, double random);

// Categories that no amount of waiting changes (a wrong key, an empty account, a model that
// does not exist, a certificate problem): retrying them only wastes the user's time.
bool retryCannotHelp(const QString &category);

// What to do after a failed attempt.
struct RetryStep
{
    bool retry = false;
    double waitS = 0;
    QString reasonKind; // server | backoff | "" (no retry)
    QString reason;     // plain words: "the server asked to wait 2 s", "backing off 1 s", why not
};
RetryStep nextRetryStep(const RetryPolicy &policy, int attemptsMade, double elapsedS, int status,
                        const QString &category, const HeaderList &headers, double random,
                        const QDateTime &now = QDateTime::currentDateTimeUtc());

} // namespace llmdoctor::core
