#include "ratelimit.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>
#include <cmath>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

std::optional<double> parseDurationSeconds(QStringView text)
{
    static const QRegularExpression part(u"(\\d+(?:\\.\\d+)?)(ms|us|µs|ns|h|m|s)"_s);
    const QString t = text.trimmed().toString();
    if (t.isEmpty())
        return std::nullopt;
    double total = 0;
    qsizetype pos = 0;
    auto it = part.globalMatch(t);
    while (it.hasNext()) {
        const auto m = it.next();
        if (m.capturedStart() != pos)
            return std::nullopt; // garbage between the parts
        pos = m.capturedEnd();
        const double v = m.captured(1).toDouble();
        const QString unit = m.captured(2);
        if (unit == u"h")
            total += v * 3600;
        else if (unit == u"m")
            total += v * 60;
        else if (unit == u"s")
            total += v;
        else if (unit == u"ms")
            total += v / 1000;
        else if (unit == u"ns")
            total += v / 1e9;
        else
            total += v / 1e6;
    }
    if (pos != t.size()) {
        bool ok = false;
        const double plain = t.toDouble(&ok); // some servers send bare seconds
        return ok && plain >= 0 ? std::optional<double>(plain) : std::nullopt;
    }
    return total;
}

std::optional<double> secondsUntilRfc3339(QStringView text, const QDateTime &now)
{
    const QDateTime when = QDateTime::fromString(text.trimmed().toString(), Qt::ISODateWithMs);
    if (!when.isValid())
        return std::nullopt;
    return std::max(0.0, double(now.msecsTo(when)) / 1000.0);
}

std::optional<double> parseRetryAfter(QStringView text, const QDateTime &now)
{
    const QString t = text.trimmed().toString();
    bool ok = false;
    const double s = t.toDouble(&ok);
    if (ok)
        return s >= 0 ? std::optional<double>(s) : std::nullopt;
    // HTTP date: "Sun, 22 Nov 2026 05:30:00 GMT".
    QString d = t;
    d.remove(u" GMT"_s);
    QDateTime when = QLocale::c().toDateTime(d, u"ddd, dd MMM yyyy hh:mm:ss"_s);
    if (!when.isValid())
        return std::nullopt;
    when.setTimeSpec(Qt::UTC);
    return std::max(0.0, double(now.msecsTo(when)) / 1000.0);
}

namespace {

// The text as a number, if it is a finite one ("nan" and "inf" parse, but count nothing).
std::optional<double> number(const QString &text)
{
    bool ok = false;
    const double n = text.toDouble(&ok);
    return ok && std::isfinite(n) ? std::optional<double>(n) : std::nullopt;
}

} // namespace

QMap<QString, double> parsedRateLimits(const HeaderList &headers, const QDateTime &now)
{
    QMap<QString, double> out;
    std::optional<double> retryAfterMs;
    for (const auto &[rawName, rawValue] : headers) {
        const QString name = QString::fromLatin1(rawName.toLower());
        const QString value = QString::fromLatin1(rawValue).trimmed();
        if (name == u"retry-after") {
            if (const auto s = parseRetryAfter(value, now))
                out.insert(u"retry_after_s"_s, *s);
        } else if (name == u"retry-after-ms") {
            if (const auto msValue = number(value); msValue && *msValue >= 0)
                retryAfterMs = msValue;
        } else if (name.startsWith(u"x-ratelimit-")) {
            // x-ratelimit-{limit,remaining,reset}-{requests,tokens}
            const QStringList parts = name.mid(12).split(u'-');
            if (parts.size() < 2)
                continue;
            const QString kind = parts.first(), what = parts.mid(1).join(u'_');
            if (kind == u"reset") {
                if (const auto s = parseDurationSeconds(value))
                    out.insert(u"reset_%1_s"_s.arg(what), *s);
            } else if (const auto n = number(value)) {
                out.insert(u"%1_%2"_s.arg(kind, what), *n);
            }
        } else if (name.startsWith(u"anthropic-ratelimit-")) {
            // anthropic-ratelimit-{requests,tokens,input-tokens,output-tokens}-{limit,remaining,reset}
            QString rest = name.mid(20);
            const qsizetype dash = rest.lastIndexOf(u'-');
            if (dash < 0)
                continue;
            const QString what = rest.left(dash).replace(u'-', u'_'), kind = rest.mid(dash + 1);
            if (kind == u"reset") {
                if (const auto s = secondsUntilRfc3339(value, now))
                    out.insert(u"reset_%1_s"_s.arg(what), *s);
            } else if (const auto n = number(value)) {
                out.insert(u"%1_%2"_s.arg(kind, what), *n);
            }
        }
    }
    if (retryAfterMs) // more precise, and what the SDKs read first
        out.insert(u"retry_after_s"_s, *retryAfterMs / 1000.0);
    return out;
}

std::optional<double> suggestedWaitSeconds(const QMap<QString, double> &limits)
{
    // Odd header names ("x-ratelimit-reset_-x", "x-ratelimit-retry_after-s") land under these keys with any
    // number in them, so a wait is only taken when it is one.
    const auto isWait = [](double s) { return !std::isnan(s) && s >= 0; };
    if (const auto it = limits.constFind(u"retry_after_s"_s); it != limits.cend() && isWait(it.value()))
        return it.value();
    std::optional<double> soonest;
    for (auto it = limits.cbegin(); it != limits.cend(); ++it) {
        if (it.key().startsWith(u"reset_") && isWait(it.value()) && (!soonest || it.value() < *soonest))
            soonest = it.value();
    }
    return soonest;
}

QString plainWait(double seconds)
{
    if (std::isnan(seconds))
        return QCoreApplication::translate("RateLimit", "an unknown time");
    if (seconds < 1)
        return QCoreApplication::translate("RateLimit", "less than a second");
    // A server may send any number ("reset: 1111…1h"); beyond this the minutes would overflow.
    if (seconds > 366.0 * 86400)
        return QCoreApplication::translate("RateLimit", "more than a year");
    if (seconds < 90)
        return u"%1 s"_s.arg(std::ceil(seconds));
    const qint64 minutes = qint64(std::ceil(seconds / 60));
    if (minutes < 90)
        return u"%1 min"_s.arg(minutes);
    return u"%1 h %2 min"_s.arg(minutes / 60).arg(minutes % 60);
}

} // namespace llmdoctor::core
