// The retry policy as the official SDKs have it (KNOWLEDGE.md §4), without any network.
#include "core/monitor/retrypolicy.h"

#include <gtest/gtest.h>

using namespace llmdoctor::core;
using namespace Qt::StringLiterals;

TEST(RetryPolicy, RetriedStatusesAsTheSdks)
{
    for (const int status : {0, 408, 409, 429, 500, 502, 503, 504, 529})
        EXPECT_TRUE(isRetryableStatus(status, {})) << status;
    for (const int status : {200, 400, 401, 403, 404, 422})
        EXPECT_FALSE(isRetryableStatus(status, {})) << status;
}

TEST(RetryPolicy, ShouldRetryHeaderOverridesTheStatus)
{
    EXPECT_FALSE(isRetryableStatus(503, {{"x-should-retry", "false"}}));
    EXPECT_TRUE(isRetryableStatus(400, {{"X-Should-Retry", "true"}}));
    const RetryStep step = nextRetryStep({}, 1, 0, 503, u"server_error"_s, {{"x-should-retry", "false"}}, 0);
    EXPECT_FALSE(step.retry);
    EXPECT_TRUE(step.reason.contains(u"x-should-retry"_s)) << step.reason.toStdString();
}

TEST(RetryPolicy, ServerWaitFromEachHeaderForm)
{
    const QDateTime now = QDateTime::fromString(u"2026-12-01T10:00:00Z"_s, Qt::ISODate);
    EXPECT_DOUBLE_EQ(*serverRequestedWaitS({{"retry-after-ms", "1500"}, {"retry-after", "9"}}, now), 1.5);
    EXPECT_DOUBLE_EQ(*serverRequestedWaitS({{"Retry-After", "2.5"}}, now), 2.5);
    EXPECT_NEAR(*serverRequestedWaitS({{"retry-after", "Tue, 01 Dec 2026 10:00:30 GMT"}}, now), 30, 0.001);
    EXPECT_FALSE(serverRequestedWaitS({{"retry-after", "soon"}}, now).has_value());
    EXPECT_FALSE(serverRequestedWaitS({}, now).has_value());
}

TEST(RetryPolicy, JitteredExponentialBackoffWithCap)
{
    const RetryPolicy p;
    const double expected[] = {0.5, 1, 2, 4, 8, 8, 8};
    for (int n = 0; n < 7; ++n) {
        EXPECT_DOUBLE_EQ(backoffS(p, n, 0), expected[n]) << n;
        EXPECT_DOUBLE_EQ(backoffS(p, n, 1), expected[n] * 0.75) << n; // at most a quarter less
    }
    RetryPolicy capped;
    capped.capS = 1.5;
    EXPECT_DOUBLE_EQ(backoffS(capped, 5, 0), 1.5);
}

TEST(RetryPolicy, ServerAskedWaitIsHonouredWithinTheWindow)
{
    RetryPolicy p;
    p.maxWaitS = 60;
    RetryStep step = nextRetryStep(p, 1, 0, 429, u"rate_limited"_s, {{"retry-after", "3"}}, 0.5);
    ASSERT_TRUE(step.retry);
    EXPECT_DOUBLE_EQ(step.waitS, 3);
    EXPECT_EQ(step.reasonKind, u"server"_s);
    EXPECT_TRUE(step.reason.contains(u"retry-after"_s));

    step = nextRetryStep(p, 1, 0, 429, u"rate_limited"_s, {{"retry-after", "600"}}, 0.5);
    EXPECT_FALSE(step.retry);
    EXPECT_TRUE(step.reason.contains(u"longer than the time left"_s)) << step.reason.toStdString();
}

TEST(RetryPolicy, BackoffUntilAttemptsOrTimeRunOut)
{
    RetryPolicy p;
    p.maxAttempts = 3;
    p.maxWaitS = 10;
    RetryStep step = nextRetryStep(p, 2, 1, 502, u"gateway_error"_s, {}, 0);
    ASSERT_TRUE(step.retry);
    EXPECT_DOUBLE_EQ(step.waitS, 1); // second retry: 0.5 * 2
    EXPECT_EQ(step.reasonKind, u"backoff"_s);
    EXPECT_FALSE(nextRetryStep(p, 3, 1, 502, u"gateway_error"_s, {}, 0).retry);   // attempts used
    EXPECT_FALSE(nextRetryStep(p, 2, 9.8, 502, u"gateway_error"_s, {}, 0).retry); // no time left
}

TEST(RetryPolicy, WaitingCannotFixAccountOrCertificateProblems)
{
    for (const char *category : {"auth_invalid_key", "auth_missing_key", "quota_exhausted", "model_not_found",
                                 "permission_denied", "tls_expired"}) {
        const RetryStep step = nextRetryStep({}, 1, 0, 401, QString::fromLatin1(category), {}, 0);
        EXPECT_FALSE(step.retry) << category;
        EXPECT_TRUE(retryCannotHelp(QString::fromLatin1(category))) << category;
    }
    // quota_exhausted comes as a 429: the category decides, not the status.
    EXPECT_FALSE(nextRetryStep({}, 1, 0, 429, u"quota_exhausted"_s, {{"retry-after", "1"}}, 0).retry);
    EXPECT_FALSE(retryCannotHelp(u"rate_limited"_s));
    EXPECT_FALSE(retryCannotHelp(u"upstream_reset"_s));
}
