#include "statuspagecheck.h"

#include "../probe/exchange.h"
#include "../target/providercatalog.h"
#include "diagnosiscontext.h"

#include <QCoreApplication>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

// "ChatGPT / OpenAI" -> "OpenAI", "Ollama (on this computer)" -> "Ollama": the name people
// search for.
QString searchName(const Provider &p, const Target &t)
{
    if (p.id.isEmpty())
        return t.baseUrl.host();
    QString name = p.name.section(u" / "_s, -1);
    name = name.section(u" ("_s, 0, 0).trimmed();
    return name.isEmpty() ? p.id : name;
}

QUrl below(const QUrl &base, const QString &relative)
{
    QUrl url = base;
    QString path = url.path();
    if (!path.endsWith(u'/'))
        path += u'/';
    url.setPath(path + relative);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

QString plainFailure(const ExchangeResult &x, int timeoutMs)
{
    switch (x.failure) {
    case Failure::Timeout:
    case Failure::ConnectTimeout:
        return QCoreApplication::translate("Check", "it did not answer within %1 s")
            .arg(std::max(1, qRound(timeoutMs / 1000.0)));
    case Failure::DnsFailure:
        return QCoreApplication::translate("Check", "its name could not be looked up");
    case Failure::ConnectionRefused:
        return QCoreApplication::translate("Check", "it refused the connection");
    case Failure::NetworkUnreachable:
        return QCoreApplication::translate("Check", "it could not be reached from this network");
    case Failure::TlsUntrusted:
    case Failure::TlsExpired:
    case Failure::TlsHostnameMismatch:
    case Failure::TlsHandshakeFailed:
        return QCoreApplication::translate("Check", "its secure connection could not be checked");
    case Failure::ProxyError:
        return QCoreApplication::translate("Check", "the proxy did not pass the request on");
    default:
        break;
    }
    return x.error.isEmpty()
               ? QCoreApplication::translate("Check", "the connection failed")
               : QCoreApplication::translate("Check", "the connection failed (%1)").arg(x.error);
}

// Ends text with a full stop, unless a quoted sentence already ends it.
QString sentence(QString text)
{
    if (!text.endsWith(u'.') && !text.endsWith(u".\""_s))
        text += u'.';
    return text;
}

QString localTime(const QDateTime &t)
{
    return t.isValid() ? t.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s) : QString();
}

} // namespace

StatusPageCheck::StatusPageCheck(QObject *parent)
    : Check(u"status_page"_s, QCoreApplication::translate("Check", "Does the provider report a problem?"), {},
            parent)
{
}

QString StatusPageCheck::xSearchUrl(const QString &name)
{
    return u"https://x.com/search?q="_s + QString::fromLatin1(QUrl::toPercentEncoding(name + u" down"_s));
}

QString StatusPageCheck::redditSearchUrl(const QString &name)
{
    return u"https://www.reddit.com/search/?q="_s +
           QString::fromLatin1(QUrl::toPercentEncoding(name + u" down"_s));
}

void StatusPageCheck::addLinks(CheckResult &r) const
{
    if (!m_pageUrl.isEmpty())
        r.addDetail(u"status page"_s, m_pageUrl);
    if (!m_name.isEmpty()) {
        r.addDetail(u"search X"_s, xSearchUrl(m_name));
        r.addDetail(u"search Reddit"_s, redditSearchUrl(m_name));
    }
}

void StatusPageCheck::run()
{
    DiagnosisContext &c = context();
    const Target &t = c.target;
    const Provider p = ProviderCatalog::instance().find(t.provider).value_or(Provider());
    m_name = searchName(p, t);
    m_patterns = p.statusComponents.isEmpty() ? QStringList{u"API"_s} : p.statusComponents;
    c.statusComponents = m_patterns;
    c.statusProviderName = m_name;

    QUrl source;
    if (!t.statusUrl.isEmpty()) {
        source = t.statusUrl;
        m_pageUrl = shownUrl(t.statusUrl);
    } else {
        m_pageUrl = p.statusPage;
        const bool local = p.isLocal() || (p.id.isEmpty() && isLocalHost(t.baseUrl.host()));
        if (local) {
            m_name.clear(); // nobody posts about a server on this computer
            complete(makeResult(
                CheckStatus::Skip,
                QCoreApplication::translate(
                    "Check", "A server on your own computer or network has no public status page.")));
            return;
        }
        CheckResult r;
        if (p.statusPage.isEmpty()) {
            r = makeResult(
                CheckStatus::Skip,
                QCoreApplication::translate(
                    "Check", "No public status page is known for this service (give one with --status-url). "
                             "You can see whether others report problems with it on X or Reddit."));
        } else if (p.statusApi == u"link" || p.statusApi.isEmpty()) {
            r = makeResult(
                CheckStatus::Skip,
                QCoreApplication::translate(
                    "Check",
                    "%1's status page only shows in a web browser: open %2 to see whether it reports "
                    "a problem.")
                    .arg(m_name, p.statusPage));
        } else if (!p.host().isEmpty() && t.baseUrl.host().compare(p.host(), Qt::CaseInsensitive) != 0) {
            // The address is someone else's (a gateway, a local copy): the page may not be about it.
            r = makeResult(CheckStatus::Skip,
                           QCoreApplication::translate(
                               "Check",
                               "The API address is not %1's own, so %1's status page may not be about it; "
                               "open %2 if you use %1 behind it.")
                               .arg(m_name, p.statusPage));
        } else {
            source = QUrl(p.statusPage);
            m_platform = p.statusApi;
        }
        if (source.isEmpty()) {
            addLinks(r);
            complete(r);
            return;
        }
    }

    m_budget = QDeadlineTimer(std::max(1, std::min(kDeadlineMs, c.remainingMs() - 250)));
    if (source.path().endsWith(u".json"_s, Qt::CaseInsensitive)) {
        addFetch(Role::Direct, source);
    } else if (m_platform == u"betterstack") {
        addFetch(Role::BetterStack, below(source, u"index.json"_s));
    } else if (m_platform == u"rootly") {
        addFetch(Role::Rootly, below(source, u"api/v1/status.json"_s));
    } else {
        addFetch(Role::Summary, below(source, u"api/v2/summary.json"_s));
        addFetch(Role::Unresolved, below(source, u"api/v2/incidents/unresolved.json"_s));
        addFetch(Role::Maintenance, below(source, u"api/v2/scheduled-maintenances/active.json"_s));
        if (m_platform.isEmpty()) {
            // Unknown platform: ask every known address at once, and read whichever answers.
            addFetch(Role::BetterStack, below(source, u"index.json"_s));
            addFetch(Role::Rootly, below(source, u"api/v1/status.json"_s));
        }
    }
    emit progress(QCoreApplication::translate("Check", "Reading the status page %1…").arg(m_pageUrl));
    for (qsizetype i = 0; i < m_fetches.size(); ++i)
        startFetch(i);
}

void StatusPageCheck::addFetch(Role role, const QUrl &url)
{
    Fetch f;
    f.role = role;
    f.url = url;
    m_fetches.append(f);
}

void StatusPageCheck::startFetch(qsizetype index)
{
    const DiagnosisContext &c = context();
    Fetch &f = m_fetches[index];
    ExchangeRequest req;
    req.url = f.url;
    // The proxy the user's API traffic takes, unless the page is on this computer.
    if (!isLocalHost(f.url.host()))
        req.proxy = c.proxy.proxy;
    req.caCertificates = c.caCertificates;
    req.timeoutMs = int(std::max<qint64>(1, m_budget.remainingTime()));
    req.connectTimeoutMs = std::min(5000, req.timeoutMs);
    req.captureCap = kBodyCap;
    req.maxReadBytes = kBodyCap;
    f.exchange = new Exchange(req, this);
    connect(f.exchange, &Exchange::finished, this,
            [this, index](const ExchangeResult &x) { onFetched(index, x); });
    f.exchange->start();
}

void StatusPageCheck::onFetched(qsizetype index, const ExchangeResult &x)
{
    if (isFinished())
        return;
    Fetch &f = m_fetches[index];
    recordExchange(f.exchange, x);
    if (f.exchange) {
        f.exchange->deleteLater();
        f.exchange = nullptr;
    }
    if (!x.ok() || !x.response) {
        f.error = plainFailure(x, int(std::min<qint64>(kDeadlineMs, context().target.timeoutMs)));
    } else {
        const HttpResponse &resp = *x.response;
        f.httpStatus = resp.status;
        const QByteArray location = resp.header("location");
        if (resp.status >= 300 && resp.status < 400 && !location.isEmpty()) {
            if (++f.redirects > kMaxRedirects) {
                f.error =
                    QCoreApplication::translate(
                        "Check", "it kept sending llmdoctor to other addresses (more than %1 redirects)")
                        .arg(kMaxRedirects);
            } else {
                const QUrl next = f.url.resolved(QUrl::fromEncoded(location));
                // A secure page that points at a plain-http one could be read and changed on the way.
                if (f.url.scheme() == u"https" && next.scheme() != u"https") {
                    f.error =
                        QCoreApplication::translate(
                            "Check",
                            "it redirected from https to an insecure address (%1), which llmdoctor does "
                            "not follow")
                            .arg(shownUrl(next));
                } else {
                    f.url = next;
                    startFetch(index);
                    return;
                }
            }
        } else if (resp.status != 200) {
            f.error = QCoreApplication::translate("Check", "it answered HTTP %1 instead of the status data")
                          .arg(resp.status);
        } else if (x.readLimitHit || resp.bodyTruncated || resp.bodyBytes > kBodyCap) {
            f.error = QCoreApplication::translate(
                          "Check", "its answer is far too large (over %1 MB) to be status data")
                          .arg(kBodyCap / (1024 * 1024));
        } else {
            f.body = resp.body;
        }
    }
    f.done = true;
    conclude();
}

void StatusPageCheck::conclude()
{
    for (const Fetch &f : std::as_const(m_fetches)) {
        if (!f.done)
            return;
    }
    auto find = [this](Role role) -> const Fetch * {
        for (const Fetch &f : std::as_const(m_fetches)) {
            if (f.role == role)
                return &f;
        }
        return nullptr;
    };
    QString error;
    QStringList notes;
    if (const Fetch *direct = find(Role::Direct)) {
        if (!direct->error.isEmpty())
            return finishUnreadable(direct->error);
        auto s = parseStatusAnswer(direct->body, &error);
        return s ? finishWith(*s, notes) : finishUnreadable(error);
    }
    QString firstError;
    if (const Fetch *summary = find(Role::Summary)) {
        std::optional<StatusSnapshot> s;
        if (summary->error.isEmpty())
            s = parseStatuspageSummary(summary->body, &error);
        else
            error = summary->error;
        if (s) {
            if (m_platform == u"incidentio")
                s->platform = m_platform;
            // incident.io pages lack some of these files: the summary is enough then.
            if (const Fetch *f = find(Role::Unresolved)) {
                QString why = f->error;
                if (why.isEmpty() && !mergeStatuspageIncidents(*s, f->body, &why))
                    notes << u"unresolved incidents: %1"_s.arg(why);
                else if (!why.isEmpty())
                    notes << u"unresolved incidents: %1"_s.arg(why);
            }
            if (const Fetch *f = find(Role::Maintenance)) {
                QString why = f->error;
                if (why.isEmpty() && !mergeStatuspageMaintenances(*s, f->body, &why))
                    notes << u"active maintenance: %1"_s.arg(why);
                else if (!why.isEmpty())
                    notes << u"active maintenance: %1"_s.arg(why);
            }
            return finishWith(*s, notes);
        }
        firstError = error;
    }
    if (const Fetch *f = find(Role::BetterStack)) {
        error = f->error;
        std::optional<StatusSnapshot> s;
        if (error.isEmpty())
            s = parseBetterStack(f->body, &error);
        if (s)
            return finishWith(*s, notes);
        if (firstError.isEmpty())
            firstError = error;
    }
    if (const Fetch *f = find(Role::Rootly)) {
        error = f->error;
        std::optional<StatusSnapshot> s;
        if (error.isEmpty())
            s = parseRootly(f->body, &error);
        if (s)
            return finishWith(*s, notes);
        if (firstError.isEmpty())
            firstError = error;
    }
    finishUnreadable(firstError.isEmpty() ? QCoreApplication::translate("Check", "it gave no status data")
                                          : firstError);
}

void StatusPageCheck::finishUnreadable(const QString &why)
{
    CheckResult r = makeResult(
        CheckStatus::Warn,
        QCoreApplication::translate(
            "Check",
            "%1's status page could not be read: %2. Open it yourself (%3), or see whether others report "
            "problems on X or Reddit. The other checks are not affected.")
            .arg(m_name, why, m_pageUrl),
        Category::Ok);
    r.addDetail(u"problem"_s, why);
    addLinks(r);
    complete(r);
}

void StatusPageCheck::finishWith(StatusSnapshot snapshot, const QStringList &notes)
{
    if (snapshot.pageUrl.isEmpty())
        snapshot.pageUrl = m_pageUrl;
    else
        m_pageUrl = snapshot.pageUrl;
    const StatusAssessment a = assessStatus(snapshot, m_patterns);
    CheckResult r;
    QString incidentText;
    if (!a.incident.isEmpty()) {
        QStringList facts;
        if (!a.incidentImpact.isEmpty())
            facts << u"%1 impact"_s.arg(a.incidentImpact);
        if (!a.incidentStatus.isEmpty())
            facts << a.incidentStatus;
        incidentText = facts.isEmpty() ? u"\"%1\""_s.arg(a.incident)
                                       : u"\"%1\" (%2)"_s.arg(a.incident, facts.join(u", "_s));
        if (!a.latestUpdate.isEmpty())
            incidentText += u"; latest update%1: \"%2\""_s.arg(
                a.updatedAt.isValid() ? u" at "_s + localTime(a.updatedAt) : QString(), a.latestUpdate);
    }
    if (a.apiOutage) {
        r = makeResult(CheckStatus::Warn,
                       sentence(QCoreApplication::translate(
                                    "Check", "%1's status page reports an outage that affects its API: %2")
                                    .arg(m_name, incidentText)),
                       Category::ProviderOutage);
    } else if (a.apiAffected) {
        r = makeResult(
            CheckStatus::Warn,
            incidentText.isEmpty()
                ? QCoreApplication::translate("Check", "%1's status page reports trouble with its API: %2.")
                      .arg(m_name, a.affectedComponents.join(u", "_s))
                : sentence(QCoreApplication::translate(
                               "Check", "%1's status page reports a problem that may affect its API: %2")
                               .arg(m_name, incidentText)),
            Category::Ok);
    } else if (!snapshot.maintenances.isEmpty()) {
        r = makeResult(CheckStatus::Warn,
                       QCoreApplication::translate("Check", "%1 is doing maintenance right now: \"%2\".")
                           .arg(m_name, snapshot.maintenances.first().name),
                       Category::Ok);
    } else if (!snapshot.incidents.isEmpty() || snapshot.indicator == StatusIndicator::Minor ||
               snapshot.indicator == StatusIndicator::Major ||
               snapshot.indicator == StatusIndicator::Critical) {
        r = makeResult(
            CheckStatus::Warn,
            QCoreApplication::translate(
                "Check",
                "%1's status page reports a problem (\"%2\"), but not with the parts that answer API "
                "calls.")
                .arg(m_name,
                     snapshot.incidents.isEmpty() ? snapshot.description : snapshot.incidents.first().name),
            Category::Ok);
    } else if (snapshot.indicator == StatusIndicator::Unknown) {
        r = makeResult(
            CheckStatus::Warn,
            QCoreApplication::translate(
                "Check",
                "%1's status page was read, but its overall state (\"%2\") is not one llmdoctor knows.")
                .arg(m_name, snapshot.description),
            Category::Ok);
    } else {
        r = makeResult(CheckStatus::Pass,
                       QCoreApplication::translate("Check", "%1's status page reports no problem%2.")
                           .arg(m_name, snapshot.description.isEmpty()
                                            ? QString()
                                            : u" (\"%1\")"_s.arg(snapshot.description)),
                       Category::Ok);
    }
    r.addDetail(u"status page"_s, m_pageUrl);
    r.addDetail(u"platform"_s, snapshot.platform);
    r.addDetail(u"indicator"_s, indicatorName(snapshot.indicator));
    if (!snapshot.description.isEmpty())
        r.addDetail(u"overall"_s, snapshot.description);
    if (!a.affectedComponents.isEmpty())
        r.addDetail(u"affected components"_s, a.affectedComponents.join(u"; "_s));
    for (const StatusIncident &i : std::as_const(snapshot.incidents)) {
        r.addDetail(u"incident"_s,
                    u"%1 (%2, %3)%4"_s.arg(i.name, i.impact, i.status,
                                           i.latestUpdate.isEmpty()
                                               ? QString()
                                               : u"; %1: %2"_s.arg(localTime(i.updatedAt), i.latestUpdate)));
    }
    for (const StatusIncident &m : std::as_const(snapshot.maintenances))
        r.addDetail(u"maintenance"_s, u"%1 (%2)"_s.arg(m.name, m.status));
    for (const QString &n : notes)
        r.addDetail(u"not read"_s, n);
    context().statusPage = snapshot;
    complete(r);
}

void StatusPageCheck::abort()
{
    for (Fetch &f : m_fetches)
        stopExchange(f.exchange);
}

} // namespace llmdoctor::core
