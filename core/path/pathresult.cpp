#include "pathresult.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

double rounded(double ms)
{
    return std::round(ms * 100) / 100;
}

// Enough lost answers at one hop to call it loss rather than chance.
bool lossy(const PathHop &h, double atLeast)
{
    return h.lost >= 1 && h.loss() >= atLeast;
}

QString msText(double v)
{
    return v < 0 ? u"–"_s : QString::number(v, 'f', v < 10 ? 2 : 0) + u" ms"_s;
}

} // namespace

QString pathTable(const PathResult &path)
{
    QString text = u"Path to %1 (%2), %3:\n"_s.arg(path.target, path.destination.toString(),
                                                   path.method.isEmpty() ? u"not run"_s : path.method);
    text += u"  hop  address                                  loss  sent       p50       max\n"_s;
    for (const PathHop &h : path.hops) {
        text += u"  %1  %2  %3  %4  %5  %6\n"_s.arg(h.ttl, 3)
                    .arg(h.address.isNull() ? u"*"_s : h.address.toString(), -39)
                    .arg(u"%1%"_s.arg(std::lround(h.loss() * 100)), 4)
                    .arg(h.sent, 4)
                    .arg(msText(h.rttPercentile(50)), 8)
                    .arg(msText(h.rttPercentile(100)), 8);
    }
    text += path.reached
                ? u"The host answered at hop %1.\n"_s.arg(path.hops.isEmpty() ? 0 : path.hops.last().ttl)
                : u"The host itself did not answer the probes (many servers do not).\n"_s;
    if (!path.error.isEmpty())
        text += u"Note: %1\n"_s.arg(path.error);
    if (!path.hops.isEmpty())
        text += assessPath(path).sentence() + u'\n';
    return text;
}

double PathHop::rttPercentile(double p) const
{
    if (rttsMs.empty())
        return -1;
    std::vector<double> v = rttsMs;
    std::sort(v.begin(), v.end());
    const size_t rank = size_t(std::ceil(p / 100.0 * double(v.size())));
    return v[std::clamp<size_t>(rank, 1, v.size()) - 1];
}

QJsonObject PathResult::toJson() const
{
    QJsonArray hopList;
    for (const PathHop &h : hops) {
        QJsonObject rtt{
            {u"p50"_s, h.rttsMs.empty() ? QJsonValue() : QJsonValue(rounded(h.rttPercentile(50)))},
            {u"max"_s, h.rttsMs.empty() ? QJsonValue() : QJsonValue(rounded(h.rttPercentile(100)))}};
        hopList.append(
            QJsonObject{{u"ttl"_s, h.ttl},
                        {u"address"_s, h.address.isNull() ? QJsonValue() : QJsonValue(h.address.toString())},
                        {u"sent"_s, h.sent},
                        {u"lost"_s, h.lost},
                        {u"loss"_s, std::round(h.loss() * 1000) / 1000},
                        {u"rtt_ms"_s, rtt}});
    }
    QJsonObject o{
        {u"schema"_s, u"llmdoctor.path/1"_s},
        {u"target"_s, target},
        {u"destination"_s, destination.isNull() ? QJsonValue() : QJsonValue(destination.toString())},
        {u"reached"_s, reached},
        {u"method"_s, method},
        {u"hops"_s, hopList}};
    if (!error.isEmpty())
        o.insert(u"error"_s, error);
    return o;
}

QString PathAssessment::blame() const
{
    switch (where) {
    case Where::Local:
        return u"local"_s;
    case Where::Network:
        return u"network"_s;
    case Where::Provider:
        return u"provider"_s;
    case Where::None:
        break;
    }
    return u"none"_s;
}

QString PathAssessment::sentence() const
{
    const int percent = int(std::lround(endLoss * 100));
    switch (where) {
    case Where::Local:
        return QCoreApplication::translate(
                   "Path",
                   "%1% of packets are lost from the first hop on (%2): between your computer and your own "
                   "router, usually a weak Wi-Fi signal or a bad cable.")
            .arg(percent)
            .arg(startsAt.toString());
    case Where::Network:
        return QCoreApplication::translate(
                   "Path",
                   "%1% of packets are lost from hop %2 (%3) on, to the end of the path: inside the networks "
                   "between you and the server, usually your internet provider's.")
            .arg(percent)
            .arg(startsAtTtl)
            .arg(startsAt.isNull() ? u"no answer"_s : startsAt.toString());
    case Where::Provider:
        return QCoreApplication::translate(
                   "Path", "%1% of packets are lost only at the server itself (%2): at the API's own edge.")
            .arg(percent)
            .arg(startsAt.toString());
    case Where::None:
        break;
    }
    if (!rateLimitedTtls.isEmpty()) {
        QStringList ttls;
        for (const int t : rateLimitedTtls)
            ttls << QString::number(t);
        return QCoreApplication::translate(
                   "Path",
                   "No packets are lost on the way. Hop %1 leaves some probes unanswered while later hops "
                   "answer them all: that router limits its answers, which is not a problem.")
            .arg(ttls.join(u", "_s));
    }
    return QCoreApplication::translate("Path", "No packets are lost on the way.");
}

PathAssessment assessPath(const PathResult &path)
{
    PathAssessment a;
    // The last hop that answered at all: the destination when reached.
    qsizetype last = -1;
    for (qsizetype i = path.hops.size() - 1; i >= 0; --i) {
        if (path.hops[i].answered()) {
            last = i;
            break;
        }
    }
    if (last < 0)
        return a;
    const PathHop &end = path.hops[last];
    a.endLoss = end.loss();
    const double threshold = 0.1;
    const bool endLossy = end.lost >= 2 && end.loss() >= threshold;
    qsizetype start = -1;
    if (endLossy) {
        // Walk back while the hops (those that answer at all) keep losing.
        start = last;
        for (qsizetype i = last - 1; i >= 0; --i) {
            const PathHop &h = path.hops[i];
            if (!h.answered())
                continue; // a router that never answers tells nothing
            if (!lossy(h, std::min(threshold, a.endLoss / 2)))
                break;
            start = i;
        }
        const PathHop &s = path.hops[start];
        a.startsAtTtl = s.ttl;
        a.startsAt = s.address;
        if (start == last && start > 0 && path.reached && end.destination)
            a.where = PathAssessment::Where::Provider;
        else if (start == 0)
            a.where = PathAssessment::Where::Local;
        else
            a.where = PathAssessment::Where::Network;
    }
    for (qsizetype i = 0; i < (start < 0 ? last : start); ++i) {
        const PathHop &h = path.hops[i];
        if (h.answered() && h.lost >= 2 && h.loss() >= threshold)
            a.rateLimitedTtls << h.ttl;
    }
    return a;
}

} // namespace llmdoctor::core
