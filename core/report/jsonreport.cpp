#include "jsonreport.h"

#include "../checks/diagnosis.h"
#include "../checks/diagnosiscontext.h"
#include "../diagnosis/hops.h"
#include "../diagnosis/ratelimit.h"
#include "../monitor/monitor.h"
#include "../monitor/retrier.h"
#include "reportparts.h"

#include <QJsonArray>
#include <cmath>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

QJsonValue msValue(double v)
{
    return v < 0 ? QJsonValue() : QJsonValue(std::round(v * 1000) / 1000);
}

QJsonObject stringMap(const QMap<QString, QString> &map)
{
    QJsonObject o;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

} // namespace

namespace {

// The path as `llmdoctor path` writes it, without its own schema line.
QJsonObject pathJsonForReport(const PathResult &path)
{
    QJsonObject o = path.toJson();
    o.remove(u"schema"_s);
    return o;
}

} // namespace

QJsonObject reportJson(const Diagnosis &diagnosis, const Retrier *retry, const Monitor *monitor,
                       const PathResult *watchedPath)
{
    const DiagnosisContext &c = diagnosis.context();
    const Target &t = c.target;

    QJsonObject target{
        {u"provider"_s, t.provider.isEmpty() ? u"custom"_s : t.provider},
        {u"base_url"_s, shownUrl(t.baseUrl)},
        {u"model"_s, t.model.isEmpty() ? QJsonValue() : QJsonValue(t.model)},
        {u"api_key"_s, t.apiKey.trimmed().isEmpty() ? QJsonValue() : QJsonValue(redactKey(t.apiKey))},
        {u"proxy"_s, c.proxy.proxy ? QJsonValue(proxyForDisplay(*c.proxy.proxy)) : QJsonValue()}};

    QJsonArray checks;
    for (const CheckResult &r : diagnosis.results()) {
        QJsonObject details;
        for (const auto &[k, v] : r.details)
            details.insert(k, v);
        QJsonObject timings;
        for (auto it = r.timings.cbegin(); it != r.timings.cend(); ++it)
            timings.insert(it.key(), msValue(it.value()));
        QJsonObject check{{u"id"_s, r.id},
                          {u"status"_s, checkStatusName(r.status)},
                          {u"title"_s, r.title},
                          {u"summary"_s, r.summary},
                          {u"category"_s, r.category},
                          {u"duration_ms"_s, msValue(r.durationMs)},
                          {u"details"_s, details}};
        if (!timings.isEmpty())
            check.insert(u"timings_ms"_s, timings);
        checks.append(check);
    }

    QJsonObject http;
    if (c.modelList) {
        const ExchangeResult &x = *c.modelList;
        const PhaseDurations d = PhaseDurations::fromMarks(x.marks);
        http.insert(u"status"_s, x.response ? QJsonValue(x.response->status) : QJsonValue());
        http.insert(u"phases_ms"_s, QJsonObject{{u"dns"_s, msValue(d.dns)},
                                                {u"connect"_s, msValue(d.connect)},
                                                {u"tls"_s, msValue(d.tls)},
                                                {u"ttfb"_s, msValue(d.ttfb)},
                                                {u"total"_s, msValue(d.total)}});
        // Cumulative marks under curl -w's names, for comparison with curl.
        http.insert(u"marks_ms"_s, QJsonObject{{u"time_namelookup"_s, msValue(x.marks.nameLookup)},
                                               {u"time_connect"_s, msValue(x.marks.connect)},
                                               {u"time_appconnect"_s, msValue(x.marks.appConnect)},
                                               {u"time_pretransfer"_s, msValue(x.marks.preTransfer)},
                                               {u"time_starttransfer"_s, msValue(x.marks.startTransfer)},
                                               {u"time_total"_s, msValue(x.marks.total)}});
        const HeaderList headers = x.response ? x.response->headers : HeaderList();
        http.insert(u"hops"_s, QJsonArray::fromStringList(detectHops(headers)));
        http.insert(u"request_ids"_s, stringMap(requestIds(headers)));
        // The headers as sent, plus what they mean in seconds ("reset_requests_s", "retry_after_s").
        QJsonObject rateLimit = stringMap(rateLimitHeaders(headers));
        const QMap<QString, double> parsed = parsedRateLimits(headers);
        for (auto it = parsed.cbegin(); it != parsed.cend(); ++it)
            rateLimit.insert(it.key(), std::round(it.value() * 1000) / 1000);
        http.insert(u"rate_limit"_s, rateLimit);
        if (!x.peer.isNull())
            http.insert(u"remote_address"_s, x.peer.toString());
    }

    QJsonObject environment;
    for (const auto &[k, v] : environmentFacts(c))
        environment.insert(k, v);
    const SupportMessage message = supportMessage(diagnosis);
    QJsonValue retryJson, monitorJsonValue;
    // The diagnosis's own path check first, else the route the Watch window followed.
    const PathResult *path = c.path && !c.path->method.isEmpty() ? &*c.path : watchedPath;
    if (path && path->method.isEmpty())
        path = nullptr;
    if (retry && !retry->attempts().isEmpty()) {
        QJsonObject r = retry->toJson();
        r.remove(u"schema"_s);
        r.remove(u"target"_s);
        retryJson = r;
    }
    if (monitor && !monitor->samples().isEmpty()) {
        QJsonObject m = monitorJson(monitor->samples(), monitor->stats(), monitor->signatures());
        m.remove(u"schema"_s);
        m.insert(u"interval_s"_s, monitor->options().intervalS);
        monitorJsonValue = m;
    }

    return QJsonObject{
        {u"schema"_s, u"llmdoctor.report/1"_s},
        {u"tool"_s,
         QJsonObject{{u"name"_s, u"llmdoctor"_s}, {u"version"_s, QStringLiteral(LLMDOCTOR_VERSION)}}},
        {u"target"_s, target},
        {u"started_at"_s, diagnosis.startedAt().toString(Qt::ISODateWithMs)},
        {u"duration_ms"_s, msValue(diagnosis.durationMs())},
        {u"checks"_s, checks},
        {u"http"_s, http.isEmpty() ? QJsonValue() : QJsonValue(http)},
        // What the provider's status page said; null when it was not read.
        {u"status_page"_s, c.statusPage ? QJsonValue(c.statusPage->toJson()) : QJsonValue()},
        {u"verdict"_s, diagnosis.verdict().toJson()},
        {u"environment"_s, environment},
        {u"support_message"_s,
         QJsonObject{{u"to"_s, message.to}, {u"subject"_s, message.subject}, {u"body"_s, message.body}}},
        {u"reproduce"_s, QJsonObject{{u"curl"_s, curlCommand(c)}}},
        {u"retry"_s, retryJson},
        {u"monitor"_s, monitorJsonValue},
        // The route hop by hop (the opt-in path check); null when it did not run.
        {u"path"_s, path ? QJsonValue(pathJsonForReport(*path)) : QJsonValue()}};
}

} // namespace llmdoctor::core
