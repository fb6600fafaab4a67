#include "jsonreport.h"

#include "../diagnosis/hops.h"
#include "../diagnosis/ratelimit.h"
#include "../monitor/monitor.h"
#include "findings.h"

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

namespace {

QJsonObject runTargetJson(const RunTarget &t)
{
    return QJsonObject{{u"base_url"_s, t.address},
                       {u"provider"_s, t.provider.isEmpty() ? u"custom"_s : t.provider},
                       {u"model"_s, t.model.isEmpty() ? QJsonValue() : QJsonValue(t.model)}};
}

} // namespace

QJsonObject reportJson(const Findings &f)
{
    const DiagnosisContext &c = f.context;
    const Target &t = c.target;

    QJsonObject target{
        {u"provider"_s, t.provider.isEmpty() ? u"custom"_s : t.provider},
        {u"base_url"_s, shownUrl(t.baseUrl)},
        {u"model"_s, t.model.isEmpty() ? QJsonValue() : QJsonValue(t.model)},
        {u"api_key"_s, f.keyShown.isEmpty() ? QJsonValue() : QJsonValue(f.keyShown)},
        {u"proxy"_s, c.proxy.proxy ? QJsonValue(proxyForDisplay(*c.proxy.proxy)) : QJsonValue()}};

    QJsonArray checks;
    for (const CheckResult &r : f.checks) {
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
                          {u"category"_s, checkCategoryName(r)},
                          {u"duration_ms"_s, msValue(r.durationMs)},
                          {u"details"_s, details}};
        if (!timings.isEmpty())
            check.insert(u"timings_ms"_s, timings);
        checks.append(check);
    }

    QJsonObject http;
    if (const auto timing = f.timing()) {
        const ExchangeResult &x = *c.modelList;
        const PhaseDurations &d = timing->phases;
        http.insert(u"status"_s, x.response ? QJsonValue(x.response->status) : QJsonValue());
        QJsonObject phases{{u"dns"_s, msValue(d.dns)},
                           {u"connect"_s, msValue(d.connect)},
                           {u"tls"_s, msValue(d.tls)},
                           {u"ttfb"_s, msValue(d.ttfb)},
                           {u"total"_s, msValue(d.total)}};
        // The phase it died in keeps its time: a hang is 8 s of waiting, not 9 ms of connecting.
        if (timing->failedPhase != Phase::None) {
            phases.insert(phaseName(timing->failedPhase), msValue(timing->failedPhaseMs));
            http.insert(u"failed_phase"_s, phaseName(timing->failedPhase));
        } else {
            http.insert(u"failed_phase"_s, QJsonValue());
        }
        http.insert(u"phases_ms"_s, phases);
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
    for (const auto &[k, v] : f.environment)
        environment.insert(k, v);
    QJsonValue retryJson, monitorJsonValue, pastedJson;
    if (f.retry) {
        QJsonObject r = f.retry->json;
        r.insert(u"target"_s, runTargetJson(f.retry->target));
        retryJson = r;
    }
    if (f.monitor) {
        QJsonObject m = monitorJson(f.monitor->samples, f.monitor->stats, f.monitor->signatures);
        m.remove(u"schema"_s);
        m.insert(u"interval_s"_s, f.monitor->intervalS);
        m.insert(u"target"_s, runTargetJson(f.monitor->target));
        monitorJsonValue = m;
    }
    if (f.pasted) {
        const Verdict &r = f.pasted->reading;
        QJsonObject pasted{{u"text"_s, f.pasted->text},
                           {u"category"_s, r.categoryName()},
                           {u"blame"_s, r.blameName()},
                           {u"headline"_s, r.headline},
                           {u"hops"_s, QJsonArray::fromStringList(f.pasted->hops)}};
        // Whether a second, independent reading agrees; null when moot.
        const QJsonObject sure = f.pasted->certainty.toJson();
        for (auto it = sure.begin(); it != sure.end(); ++it)
            pasted.insert(it.key(), it.value());
        pastedJson = pasted;
    }

    return QJsonObject{
        {u"schema"_s, u"llmdoctor.report/1"_s},
        {u"tool"_s,
         QJsonObject{{u"name"_s, u"llmdoctor"_s}, {u"version"_s, QStringLiteral(LLMDOCTOR_VERSION)}}},
        {u"target"_s, target},
        {u"started_at"_s, f.startedAt.toString(Qt::ISODateWithMs)},
        {u"duration_ms"_s, msValue(f.durationMs)},
        {u"checks"_s, checks},
        {u"http"_s, http.isEmpty() ? QJsonValue() : QJsonValue(http)},
        // What the provider's status page said; null when it was not read.
        {u"status_page"_s, c.statusPage ? QJsonValue(c.statusPage->toJson()) : QJsonValue()},
        {u"verdict"_s, f.verdict.toJson()},
        // The error message the user pasted (redacted) and what it says on its own; null when none.
        {u"pasted_error"_s, pastedJson},
        {u"environment"_s, environment},
        {u"support_message"_s, QJsonObject{{u"to"_s, f.support.to},
                                           {u"subject"_s, f.support.subject},
                                           {u"body"_s, f.support.body}}},
        {u"reproduce"_s, QJsonObject{{u"curl"_s, f.curl}}},
        {u"retry"_s, retryJson},
        {u"monitor"_s, monitorJsonValue},
        // The route hop by hop (the opt-in path check); null when it did not run.
        {u"path"_s, f.path ? QJsonValue(pathJsonForReport(*f.path)) : QJsonValue()}};
}

} // namespace llmdoctor::core
