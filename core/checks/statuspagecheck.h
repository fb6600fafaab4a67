#pragma once

#include "../statuspage/statussnapshot.h"
#include "check.h"

#include <QDeadlineTimer>
#include <QPointer>
#include <QUrl>

namespace llmdoctor::core {

class Exchange;
struct ExchangeResult;

// "Does the provider report a problem?": reads the provider's public status page (Statuspage v2
// and incident.io, Better Stack, Rootly), or the page the user named with --status-url. Runs
// alongside the other checks, with a short deadline of its own; never fails the diagnosis:
// pass (nothing reported), warn (a problem reported, or the page unreadable) or skip (no page
// to read). What it read goes into the context for the verdict.
class StatusPageCheck final : public Check
{
    Q_OBJECT
public:
    explicit StatusPageCheck(QObject *parent = nullptr);

    // Longest wait for the status page, so that it never holds a diagnosis up for long.
    static constexpr int kDeadlineMs = 8000;
    static constexpr qint64 kBodyCap = 2 * 1024 * 1024;
    static constexpr int kMaxRedirects = 3;

    // Links a user can open when no page could be read: searches for "<name> down".
    static QString xSearchUrl(const QString &name);
    static QString redditSearchUrl(const QString &name);

protected:
    void run() override;
    void abort() override;

private:
    enum class Role
    {
        Summary,     // Statuspage v2 /api/v2/summary.json
        Unresolved,  // /api/v2/incidents/unresolved.json
        Maintenance, // /api/v2/scheduled-maintenances/active.json
        BetterStack, // /index.json
        Rootly,      // /api/v1/status.json
        Direct       // the JSON file the user named
    };
    struct Fetch
    {
        Role role = Role::Direct;
        QUrl url;
        int redirects = 0;
        QPointer<Exchange> exchange;
        bool done = false;
        QByteArray body;
        int httpStatus = 0;
        QString error; // plain words; empty when body holds the answer
    };

    void addFetch(Role role, const QUrl &url);
    void startFetch(qsizetype index);
    void onFetched(qsizetype index, const ExchangeResult &result);
    void conclude();
    void finishUnreadable(const QString &why);
    void finishWith(StatusSnapshot snapshot, const QStringList &notes);
    void addLinks(CheckResult &r) const;

    QList<Fetch> m_fetches;
    QDeadlineTimer m_budget;
    QString m_name;         // the provider as people call it, for sentences and searches
    QString m_pageUrl;      // the page to open in a browser
    QString m_platform;     // statuspage | incidentio | betterstack | rootly | "" (detect)
    QStringList m_patterns; // component names that matter for API calls
};

} // namespace llmdoctor::core
