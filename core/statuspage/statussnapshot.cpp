#include "statussnapshot.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

// A page's own address from its JSON: only a web address, never javascript:, data: or file:.
QString webAddress(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == u"https" || scheme == u"http") && !url.host().isEmpty()
               ? url.toString(QUrl::FullyEncoded)
               : QString();
}

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

// The body as a JSON object, or a plain reason why it is not one.
std::optional<QJsonObject> jsonObject(const QByteArray &body, QString *error)
{
    const QByteArray trimmed = body.trimmed();
    if (trimmed.isEmpty()) {
        setError(error, QCoreApplication::translate("StatusPage", "the page sent an empty answer"));
        return std::nullopt;
    }
    // Pages behind a login or a bot wall answer with a web page meant for a browser.
    if (trimmed.startsWith('<')) {
        setError(error,
                 QCoreApplication::translate(
                     "StatusPage", "the address answered with a web page (HTML) instead of status data"));
        return std::nullopt;
    }
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &perr);
    if (perr.error != QJsonParseError::NoError) {
        setError(error, QCoreApplication::translate("StatusPage",
                                                    "the answer is not valid status data (broken JSON: %1)")
                            .arg(perr.errorString()));
        return std::nullopt;
    }
    if (!doc.isObject()) {
        setError(error, QCoreApplication::translate("StatusPage",
                                                    "the answer does not look like a status page's data"));
        return std::nullopt;
    }
    return doc.object();
}

QDateTime parseTime(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    return t;
}

StatusIncident parseIncident(const QJsonObject &o)
{
    StatusIncident i;
    i.name = o.value(u"name").toString(o.value(u"title").toString());
    i.impact = o.value(u"impact").toString();
    i.status = o.value(u"status").toString();
    i.updatedAt = parseTime(o.value(u"updated_at").toString());
    for (const char16_t *key : {u"started_at", u"scheduled_for", u"created_at", u"starts_at"}) {
        if (!i.startedAt.isValid())
            i.startedAt = parseTime(o.value(QStringView(key)).toString());
    }
    // Updates come newest first on Statuspage; pick the newest by time to be safe.
    QDateTime newest;
    for (const QJsonValue &v : o.value(u"incident_updates").toArray()) {
        const QJsonObject u = v.toObject();
        QDateTime at = parseTime(u.value(u"display_at").toString());
        if (!at.isValid())
            at = parseTime(u.value(u"created_at").toString());
        if (i.latestUpdate.isEmpty() || (at.isValid() && (!newest.isValid() || at > newest))) {
            newest = at;
            i.latestUpdate = u.value(u"body").toString().simplified();
        }
    }
    if (!i.updatedAt.isValid())
        i.updatedAt = newest;
    for (const QJsonValue &c : o.value(u"components").toArray()) {
        const QString name = c.isObject() ? c.toObject().value(u"name").toString() : c.toString();
        if (!name.isEmpty())
            i.components << name;
    }
    return i;
}

QList<StatusComponent> parseComponents(const QJsonArray &array)
{
    QList<StatusComponent> out;
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        // A group only sums up its members, which are listed too.
        if (o.value(u"group").toBool() || o.value(u"name").toString().isEmpty())
            continue;
        out.append({o.value(u"name").toString(), o.value(u"status").toString()});
    }
    return out;
}

QList<StatusIncident> parseIncidents(const QJsonArray &array)
{
    QList<StatusIncident> out;
    for (const QJsonValue &v : array) {
        const StatusIncident i = parseIncident(v.toObject());
        if (i.status != u"resolved" && i.status != u"postmortem" && i.status != u"completed")
            out.append(i);
    }
    return out;
}

void mergeInto(QList<StatusIncident> &list, const QList<StatusIncident> &more)
{
    for (const StatusIncident &i : more) {
        auto same = std::find_if(list.begin(), list.end(),
                                 [&i](const StatusIncident &x) { return x.name == i.name; });
        if (same == list.end())
            list.append(i);
        else if (!i.latestUpdate.isEmpty())
            *same = i;
    }
}

QJsonArray incidentsJson(const QList<StatusIncident> &list)
{
    QJsonArray out;
    for (const StatusIncident &i : list) {
        out.append(QJsonObject{
            {u"name"_s, i.name},
            {u"impact"_s, i.impact},
            {u"status"_s, i.status},
            {u"latest_update"_s, i.latestUpdate},
            {u"updated_at"_s,
             i.updatedAt.isValid() ? QJsonValue(i.updatedAt.toString(Qt::ISODate)) : QJsonValue()},
            {u"started_at"_s,
             i.startedAt.isValid() ? QJsonValue(i.startedAt.toString(Qt::ISODate)) : QJsonValue()},
            {u"components"_s, QJsonArray::fromStringList(i.components)}});
    }
    return out;
}

bool isDown(const QString &status)
{
    return status == u"partial_outage" || status == u"major_outage";
}

} // namespace

QString indicatorName(StatusIndicator indicator)
{
    switch (indicator) {
    case StatusIndicator::None:
        return u"none"_s;
    case StatusIndicator::Minor:
        return u"minor"_s;
    case StatusIndicator::Major:
        return u"major"_s;
    case StatusIndicator::Critical:
        return u"critical"_s;
    case StatusIndicator::Maintenance:
        return u"maintenance"_s;
    case StatusIndicator::Unknown:
        break;
    }
    return u"unknown"_s;
}

StatusIndicator indicatorFromName(QStringView name)
{
    if (name == u"none")
        return StatusIndicator::None;
    if (name == u"minor")
        return StatusIndicator::Minor;
    if (name == u"major")
        return StatusIndicator::Major;
    if (name == u"critical")
        return StatusIndicator::Critical;
    if (name == u"maintenance")
        return StatusIndicator::Maintenance;
    return StatusIndicator::Unknown;
}

QString plainComponentStatus(const QString &status)
{
    QString s = status;
    return s.replace(u'_', u' ');
}

QJsonObject StatusSnapshot::toJson() const
{
    QJsonArray comps;
    for (const StatusComponent &c : components)
        comps.append(QJsonObject{{u"name"_s, c.name}, {u"status"_s, c.status}});
    return QJsonObject{{u"platform"_s, platform},
                       {u"indicator"_s, indicatorName(indicator)},
                       {u"description"_s, description},
                       {u"page_url"_s, pageUrl},
                       {u"components"_s, comps},
                       {u"incidents"_s, incidentsJson(incidents)},
                       {u"maintenances"_s, incidentsJson(maintenances)}};
}

std::optional<StatusSnapshot> parseStatuspageSummary(const QByteArray &body, QString *error)
{
    const auto o = jsonObject(body, error);
    if (!o)
        return std::nullopt;
    const QJsonObject status = o->value(u"status").toObject();
    if (!status.contains(u"indicator")) {
        setError(error,
                 QCoreApplication::translate(
                     "StatusPage", "the answer does not look like a status page's data (no overall status)"));
        return std::nullopt;
    }
    StatusSnapshot s;
    s.platform = u"statuspage"_s;
    s.indicator = indicatorFromName(status.value(u"indicator").toString());
    s.description = status.value(u"description").toString();
    s.pageUrl = webAddress(o->value(u"page").toObject().value(u"url").toString());
    s.components = parseComponents(o->value(u"components").toArray());
    s.incidents = parseIncidents(o->value(u"incidents").toArray());
    for (const StatusIncident &m : parseIncidents(o->value(u"scheduled_maintenances").toArray())) {
        // The summary also lists upcoming maintenance; only what runs now matters.
        if (m.status == u"in_progress" || m.status == u"verifying")
            s.maintenances.append(m);
    }
    return s;
}

bool mergeStatuspageIncidents(StatusSnapshot &snapshot, const QByteArray &body, QString *error)
{
    const auto o = jsonObject(body, error);
    if (!o)
        return false;
    if (!o->value(u"incidents").isArray()) {
        setError(error, QCoreApplication::translate("StatusPage", "the answer lists no incidents"));
        return false;
    }
    mergeInto(snapshot.incidents, parseIncidents(o->value(u"incidents").toArray()));
    return true;
}

bool mergeStatuspageMaintenances(StatusSnapshot &snapshot, const QByteArray &body, QString *error)
{
    const auto o = jsonObject(body, error);
    if (!o)
        return false;
    if (!o->value(u"scheduled_maintenances").isArray()) {
        setError(error, QCoreApplication::translate("StatusPage", "the answer lists no maintenance"));
        return false;
    }
    mergeInto(snapshot.maintenances, parseIncidents(o->value(u"scheduled_maintenances").toArray()));
    return true;
}

std::optional<StatusSnapshot> parseBetterStack(const QByteArray &body, QString *error)
{
    const auto o = jsonObject(body, error);
    if (!o)
        return std::nullopt;
    const QJsonObject attributes = o->value(u"data").toObject().value(u"attributes").toObject();
    if (!attributes.contains(u"aggregate_state")) {
        setError(error, QCoreApplication::translate(
                            "StatusPage",
                            "the answer does not look like a Better Stack status page (no aggregate_state)"));
        return std::nullopt;
    }
    // Better Stack's states, in Statuspage's words.
    auto componentStatus = [](const QString &state) {
        if (state == u"operational")
            return u"operational"_s;
        if (state == u"degraded")
            return u"degraded_performance"_s;
        if (state == u"downtime")
            return u"major_outage"_s;
        if (state == u"maintenance")
            return u"under_maintenance"_s;
        return state;
    };
    StatusSnapshot s;
    s.platform = u"betterstack"_s;
    const QString state = attributes.value(u"aggregate_state").toString();
    s.indicator = state == u"operational"   ? StatusIndicator::None
                  : state == u"degraded"    ? StatusIndicator::Minor
                  : state == u"downtime"    ? StatusIndicator::Major
                  : state == u"maintenance" ? StatusIndicator::Maintenance
                                            : StatusIndicator::Unknown;
    s.description = state == u"operational"
                        ? QCoreApplication::translate("StatusPage", "All systems operational")
                    : state == u"degraded" ? QCoreApplication::translate("StatusPage", "Degraded performance")
                    : state == u"downtime" ? QCoreApplication::translate("StatusPage", "Downtime")
                    : state == u"maintenance" ? QCoreApplication::translate("StatusPage", "Maintenance")
                                              : state;
    s.pageUrl = attributes.value(u"custom_domain").toString();
    if (!s.pageUrl.isEmpty() && !s.pageUrl.contains(u"://"))
        s.pageUrl.prepend(u"https://"_s);
    s.pageUrl = webAddress(s.pageUrl);
    for (const QJsonValue &v : o->value(u"included").toArray()) {
        const QJsonObject item = v.toObject();
        const QJsonObject a = item.value(u"attributes").toObject();
        const QString type = item.value(u"type").toString();
        if (type == u"status_page_resource") {
            s.components.append({a.value(u"public_name").toString(a.value(u"name").toString()),
                                 componentStatus(a.value(u"status").toString())});
        } else if (type == u"status_report" || type == u"incident") {
            const QString reportState = a.value(u"aggregate_state").toString();
            if (a.value(u"resolved").toBool() || reportState == u"resolved" || reportState == u"operational")
                continue;
            StatusIncident i;
            i.name = a.value(u"title").toString(a.value(u"name").toString());
            i.impact = reportState == u"downtime"      ? u"major"_s
                       : reportState == u"maintenance" ? u"maintenance"_s
                                                       : u"minor"_s;
            i.status = a.value(u"report_type").toString(u"investigating"_s);
            i.latestUpdate = a.value(u"latest_update").toString(a.value(u"message").toString()).simplified();
            i.updatedAt = parseTime(a.value(u"updated_at").toString(a.value(u"starts_at").toString()));
            i.startedAt = parseTime(a.value(u"starts_at").toString(a.value(u"created_at").toString()));
            (i.impact == u"maintenance" ? s.maintenances : s.incidents).append(i);
        }
    }
    return s;
}

std::optional<StatusSnapshot> parseRootly(const QByteArray &body, QString *error)
{
    const auto o = jsonObject(body, error);
    if (!o)
        return std::nullopt;
    // The overall state sits under "status" like Statuspage's, or at the top.
    const QJsonObject status = o->value(u"status").toObject();
    const QString indicator = status.value(u"indicator").toString(o->value(u"indicator").toString());
    if (indicator.isEmpty()) {
        setError(error,
                 QCoreApplication::translate(
                     "StatusPage", "the answer does not look like a Rootly status page (no indicator)"));
        return std::nullopt;
    }
    StatusSnapshot s;
    s.platform = u"rootly"_s;
    s.indicator = indicatorFromName(indicator);
    s.description = status.value(u"description").toString(o->value(u"description").toString());
    s.pageUrl = webAddress(o->value(u"page").toObject().value(u"url").toString());
    s.components = parseComponents(o->value(u"components").toArray());
    s.incidents = parseIncidents(o->value(u"incidents").toArray());
    s.maintenances = parseIncidents(o->value(u"scheduled_maintenances").toArray());
    return s;
}

QString detectStatusPlatform(const QByteArray &body)
{
    QJsonParseError perr;
    const QJsonObject o = QJsonDocument::fromJson(body.trimmed(), &perr).object();
    if (perr.error != QJsonParseError::NoError)
        return {};
    if (o.value(u"data").toObject().value(u"attributes").toObject().contains(u"aggregate_state"))
        return u"betterstack"_s;
    const bool hasIndicator = o.value(u"status").toObject().contains(u"indicator");
    if (hasIndicator && o.value(u"page").isObject())
        return u"statuspage"_s;
    if (hasIndicator || o.contains(u"indicator"))
        return u"rootly"_s;
    return {};
}

std::optional<StatusSnapshot> parseStatusAnswer(const QByteArray &body, QString *error)
{
    const QString platform = detectStatusPlatform(body);
    if (platform == u"statuspage")
        return parseStatuspageSummary(body, error);
    if (platform == u"betterstack")
        return parseBetterStack(body, error);
    if (platform == u"rootly")
        return parseRootly(body, error);
    if (jsonObject(body, error)) // for its plain reason when the body is no JSON object at all
        setError(error, QCoreApplication::translate(
                            "StatusPage",
                            "the answer does not look like the data of any status page llmdoctor knows"));
    return std::nullopt;
}

bool matchesComponentPattern(const QString &name, const QStringList &patterns)
{
    for (const QString &p : patterns) {
        if (p.size() <= 3) {
            // Short patterns ("API") as whole words: "API" but not "Rapid".
            const QStringList words = QString(name).replace(u'.', u' ').split(u' ', Qt::SkipEmptyParts);
            for (const QString &w : words) {
                if (w.compare(p, Qt::CaseInsensitive) == 0)
                    return true;
            }
        } else if (name.contains(p, Qt::CaseInsensitive)) {
            return true;
        }
    }
    return false;
}

StatusAssessment assessStatus(const StatusSnapshot &snapshot, const QStringList &patterns)
{
    StatusAssessment a;
    // The components that matter for API calls; with no name matching, all of them.
    QList<StatusComponent> api;
    for (const StatusComponent &c : snapshot.components) {
        if (matchesComponentPattern(c.name, patterns))
            api.append(c);
    }
    const bool anyMatched = !api.isEmpty();
    if (!anyMatched)
        api = snapshot.components;
    for (const StatusComponent &c : std::as_const(api)) {
        if (c.status.isEmpty() || c.status == u"operational")
            continue;
        a.affectedComponents << u"%1: %2"_s.arg(c.name, plainComponentStatus(c.status));
        a.apiAffected = true;
        if (isDown(c.status)) {
            a.apiOutage = true;
            if (a.incident.isEmpty())
                a.incident = u"%1: %2"_s.arg(c.name, plainComponentStatus(c.status));
        }
    }
    // Incidents: those naming an API component, or naming no component at all.
    auto relevant = [&](const StatusIncident &i) {
        if (i.components.isEmpty() || !anyMatched)
            return true;
        for (const QString &name : i.components) {
            if (matchesComponentPattern(name, patterns))
                return true;
        }
        return false;
    };
    auto rank = [](const QString &impact) {
        return impact == u"critical" ? 3 : impact == u"major" ? 2 : impact == u"minor" ? 1 : 0;
    };
    const StatusIncident *worst = nullptr;
    for (const StatusIncident &i : snapshot.incidents) {
        if (!relevant(i))
            continue;
        a.apiAffected = true;
        if (!worst || rank(i.impact) > rank(worst->impact))
            worst = &i;
    }
    if (worst) {
        if (rank(worst->impact) >= 2)
            a.apiOutage = true;
        // An incident has a name people recognise; it beats a component line.
        a.incident = worst->name;
        a.incidentImpact = worst->impact;
        a.incidentStatus = worst->status;
        a.latestUpdate = worst->latestUpdate;
        a.updatedAt = worst->updatedAt;
    }
    // A page that only says "major" (no components, no incidents) still means an outage.
    if (snapshot.components.isEmpty() && snapshot.incidents.isEmpty() &&
        (snapshot.indicator == StatusIndicator::Major || snapshot.indicator == StatusIndicator::Critical)) {
        a.apiOutage = a.apiAffected = true;
        if (a.incident.isEmpty())
            a.incident = snapshot.description;
    }
    a.healthy = snapshot.indicator == StatusIndicator::None && !a.apiAffected &&
                snapshot.incidents.isEmpty() && snapshot.maintenances.isEmpty();
    return a;
}

} // namespace llmdoctor::core
