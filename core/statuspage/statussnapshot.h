#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace llmdoctor::core {

// The overall state a status page shows, in Atlassian Statuspage's words.
enum class StatusIndicator
{
    None, // all operational
    Minor,
    Major,
    Critical,
    Maintenance,
    Unknown
};
QString indicatorName(StatusIndicator indicator); // "none", "minor", ...
StatusIndicator indicatorFromName(QStringView name);

struct StatusComponent
{
    QString name;
    // operational | degraded_performance | partial_outage | major_outage | under_maintenance
    QString status;
};

struct StatusIncident
{
    QString name;
    QString impact; // none | minor | major | critical | maintenance
    QString status; // investigating | identified | monitoring | resolved | scheduled | in_progress ...
    QString latestUpdate;
    QDateTime updatedAt;
    QDateTime startedAt;    // when it began (maintenance: when it is scheduled to), if the page says
    QStringList components; // affected components, when the page names them
};

// What a provider's status page says right now, whatever platform serves it.
struct StatusSnapshot
{
    QString platform; // statuspage | betterstack | rootly
    StatusIndicator indicator = StatusIndicator::Unknown;
    QString description; // "All Systems Operational"
    QString pageUrl;     // for people: the page to open in a browser
    QList<StatusComponent> components;
    QList<StatusIncident> incidents; // unresolved
    QList<StatusIncident> maintenances;

    QJsonObject toJson() const;
};

// Parsers: bytes as the page served them -> snapshot; nullopt and a plain *error otherwise.
// Atlassian Statuspage v2 /api/v2/summary.json (also incident.io pages).
std::optional<StatusSnapshot> parseStatuspageSummary(const QByteArray &body, QString *error);
// /api/v2/incidents/unresolved.json and /api/v2/scheduled-maintenances/active.json, merged into
// a snapshot read from the summary (the summary may list fewer).
bool mergeStatuspageIncidents(StatusSnapshot &snapshot, const QByteArray &body, QString *error);
bool mergeStatuspageMaintenances(StatusSnapshot &snapshot, const QByteArray &body, QString *error);
// Better Stack /index.json (JSON:API, aggregate_state).
std::optional<StatusSnapshot> parseBetterStack(const QByteArray &body, QString *error);
// Rootly /api/v1/status.json.
std::optional<StatusSnapshot> parseRootly(const QByteArray &body, QString *error);

// Which platform produced this answer: "statuspage", "betterstack", "rootly", or empty.
QString detectStatusPlatform(const QByteArray &body);
// Detects the platform and parses; for a user-supplied URL.
std::optional<StatusSnapshot> parseStatusAnswer(const QByteArray &body, QString *error);

// What a snapshot means for API calls, given name patterns of the components that matter
// (case-insensitive substrings, e.g. "API", "Chat Completions").
struct StatusAssessment
{
    bool healthy = false;     // nothing reported at all
    bool apiOutage = false;   // a major/critical incident, or an API component in partial/major outage
    bool apiAffected = false; // anything that touches the API, outage or not
    QString incident;         // the name of the incident (or component) that matters most
    QString incidentImpact;
    QString incidentStatus;
    QString latestUpdate;
    QDateTime updatedAt;
    QStringList affectedComponents; // "API: major outage"
};
bool matchesComponentPattern(const QString &name, const QStringList &patterns);
StatusAssessment assessStatus(const StatusSnapshot &snapshot, const QStringList &patterns);

// "partial_outage" -> "partial outage"
QString plainComponentStatus(const QString &status);

} // namespace llmdoctor::core
