#include "retrypolicy.h"

#include "../diagnosis/ratelimit.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

QByteArray header(const HeaderList &headers, const QByteArray &name)
{
    for (const auto &[k, v] : headers) {
        if (k.compare(name, Qt::CaseInsensitive) == 0)
            return v.trimmed();
    }
    return {};
}

QString plainSeconds(double s)
{
    if (s < 10)
        return QString::number(s, 'f', s < 1 ? 2 : 1) + u" s"_s;
    return plainWait(s);
}

} // namespace

bool isRetryableStatus(int status, const HeaderList &headers)
{
    const QByteArray should = header(headers, "x-should-retry").toLower();
    if (should == "true")
        return true;
    if (should == "false")
        return false;
    return status == 0 || status == 408 || status == 409 || status == 429 || status >= 500;
}

std::optional<double> serverRequestedWaitS(const HeaderList &headers, const QDateTime &now)
{
    bool ok = false;
    const double ms = header(headers, "retry-after-ms").toDouble(&ok);
    if (ok && std::isfinite(ms) && ms >= 0)
        return ms / 1000.0;
    const QByteArray after = header(headers, "retry-after");
    if (after.isEmpty())
        return std::nullopt;
    return parseRetryAfter(QString::fromLatin1(after), now);
}

double backoffS(const RetryPolicy &policy, int retriesMade, double random)
{
    const double raw = policy.baseS * std::pow(2.0, std::clamp(retriesMade, 0, 30));
    return std::min(raw, policy.capS) * (1.0 - 0.25 * std::clamp(random, 0.0, 1.0));
}

bool retryCannotHelp(const QString &category)
{
    static const QStringList hopeless{
        u"auth_missing_key"_s, u"auth_invalid_key"_s,     u"permission_denied"_s, u"quota_exhausted"_s,
        u"model_not_found"_s,  u"endpoint_not_found"_s,   u"bad_request"_s,       u"tls_untrusted"_s,
        u"tls_expired"_s,      u"tls_hostname_mismatch"_s};
    return hopeless.contains(category);
}

RetryStep nextRetryStep(const RetryPolicy &policy, int attemptsMade, double elapsedS, int status,
                        const QString &category, const HeaderList &headers, double random,
                        const QDateTime &now)
{
    RetryStep step;
    if (retryCannotHelp(category)) {
        step.reason = QCoreApplication::translate("Retry", "waiting does not change this answer");
        return step;
    }
    if (!isRetryableStatus(status, headers)) {
        step.reason =
            header(headers, "x-should-retry").toLower() == "false"
                ? QCoreApplication::translate("Retry", "the server said not to retry (x-should-retry: false)")
                : QCoreApplication::translate("Retry", "HTTP %1 is not an answer that retrying changes")
                      .arg(status);
        return step;
    }
    if (attemptsMade >= policy.maxAttempts) {
        step.reason =
            QCoreApplication::translate("Retry", "all %1 attempts were used").arg(policy.maxAttempts);
        return step;
    }
    const double left = policy.maxWaitS - elapsedS;
    if (const auto asked = serverRequestedWaitS(headers, now); asked && *asked > 0) {
        if (*asked > policy.maxServerWaitS || *asked > left) {
            step.reason = QCoreApplication::translate(
                              "Retry", "the server asked to wait %1, longer than the time left (%2)")
                              .arg(plainWait(*asked), plainWait(std::max(0.0, left)));
            return step;
        }
        step.retry = true;
        step.waitS = *asked;
        step.reasonKind = u"server"_s;
        step.reason = QCoreApplication::translate("Retry", "the server asked to wait %1 (retry-after)")
                          .arg(plainSeconds(*asked));
        return step;
    }
    const double wait = backoffS(policy, attemptsMade - 1, random);
    if (wait > left) {
        step.reason = QCoreApplication::translate("Retry", "the time allowed for retrying (%1) is up")
                          .arg(plainWait(policy.maxWaitS));
        return step;
    }
    step.retry = true;
    step.waitS = wait;
    step.reasonKind = u"backoff"_s;
    step.reason =
        QCoreApplication::translate("Retry", "backing off %1 before attempt %2, as the official SDKs do")
            .arg(plainSeconds(wait))
            .arg(attemptsMade + 1);
    return step;
}

} // namespace llmdoctor::core
