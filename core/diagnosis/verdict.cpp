#include "verdict.h"

#include "../checks/diagnosiscontext.h"
#include "../path/pathresult.h"
#include "../target/providercatalog.h"
#include "hops.h"
#include "ratelimit.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <functional>
#include <optional>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

const QJsonObject &adviceCatalogue()
{
    static const QJsonObject catalogue = [] {
        QFile f(u":/llmdoctor/advice.json"_s);
        if (!f.open(QIODevice::ReadOnly))
            qFatal("advice.json is missing from the resources");
        return QJsonDocument::fromJson(f.readAll()).object();
    }();
    return catalogue;
}

bool isLoopback(const QString &host)
{
    const QHostAddress a(host);
    return host == u"localhost" || (!a.isNull() && a.isLoopback());
}

// Names of the authorities in the system store, in the form the TLS check reports issuers.
const QSet<QString> &systemCaNames()
{
    static const QSet<QString> names = [] {
        QSet<QString> out;
        for (const QSslCertificate &c : QSslConfiguration::systemCaCertificates()) {
            const QStringList cn = c.subjectInfo(QSslCertificate::CommonName);
            out.insert(!cn.isEmpty() ? cn.join(u", "_s)
                                     : c.subjectInfo(QSslCertificate::Organization).join(u", "_s));
        }
        return out;
    }();
    return names;
}

// An untrusted chain for a public host whose top issuer is no public authority: something on
// the user's side (antivirus, corporate proxy) made that certificate.
bool looksIntercepted(const CheckFacts &tls, const QString &host)
{
    if (isLocalHost(host) || tls.topIssuer.isEmpty())
        return false; // a self-made certificate on the user's own server is not an interception
    return !systemCaNames().contains(tls.topIssuer);
}

QList<Snippet> snippetsFor(Category category, bool ownNginx)
{
    static const QList<Category> transient{Category::RateLimited,    Category::ProviderOverloaded,
                                           Category::UpstreamReset,  Category::GatewayError,
                                           Category::GatewayTimeout, Category::ServerError,
                                           Category::Timeout,        Category::ProviderOutage};
    QStringList ids;
    // Longer timeouts help only when the gateway gave up waiting, not when its upstream failed.
    if (ownNginx && (category == Category::GatewayTimeout || category == Category::Timeout))
        ids << u"nginx-timeouts"_s;
    if (transient.contains(category))
        ids << u"retry-python"_s << u"retry-python-loop"_s << u"retry-javascript"_s
            << u"retry-javascript-loop"_s;
    QList<Snippet> out;
    for (const QString &id : std::as_const(ids)) {
        const Snippet s = snippetById(id);
        if (!s.code.isEmpty())
            out << s;
    }
    return out;
}

using Values = QMap<QString, QString>;

// The translator sees each template string of advice.json as written (context "advice"; lupdate
// finds them in the advicestrings.cpp that CMake generates from advice.json); the facts go in
// afterwards.
QString translatedTemplate(const QString &text)
{
    return QCoreApplication::translate("advice", text.toUtf8().constData());
}

// One (translated) template sentence with its placeholders filled; null when it needs a fact that is absent.
// A value that is present but empty drops the words around it that need it ("(HTTP {status})").
QString fillTemplate(QString text, const Values &values)
{
    static const QRegularExpression placeholder(u"\\{([a-z_]+)\\}"_s);
    QStringList names;
    for (auto it = placeholder.globalMatch(text); it.hasNext();)
        names << it.next().captured(1);
    for (const QString &name : std::as_const(names)) {
        if (!values.contains(name))
            return {};
        const QString value = values.value(name);
        if (value.isEmpty()) {
            text.replace(u" (HTTP {%1})"_s.arg(name), QString());
            text.replace(u" ({%1})"_s.arg(name), QString());
        }
        text.replace(u"{%1}"_s.arg(name), value);
    }
    return text;
}

// A template is a string, or a list of alternatives: strings, or {"when": [facts], "text"}. The
// first alternative whose facts are all present is used. In a single string, a sentence that
// needs an absent fact is left out, so that nothing is claimed that was not found.
QString wordTemplate(const QJsonValue &tpl, const Values &values)
{
    if (tpl.isArray()) {
        for (const QJsonValue &alt : tpl.toArray()) {
            const QString text = translatedTemplate(alt.isObject() ? alt.toObject().value(u"text").toString()
                                                                   : alt.toString());
            bool usable = true;
            for (const QJsonValue &need : alt.toObject().value(u"when").toArray())
                usable &= !values.value(need.toString()).isEmpty();
            if (!usable)
                continue;
            if (const QString filled = fillTemplate(text, values); !filled.isNull())
                return filled;
        }
        return {};
    }
    const QString text = translatedTemplate(tpl.toString());
    const QString whole = fillTemplate(text, values);
    if (!whole.isNull())
        return whole;
    // Split after the translation, so a translated template loses the same sentences.
    static const QRegularExpression sentenceEnd(u"(?<=[.!?])\\s+(?=[\\p{Lu}\"(\u201E])"_s);
    QStringList kept;
    for (const QString &sentence : text.split(sentenceEnd, Qt::SkipEmptyParts)) {
        if (const QString filled = fillTemplate(sentence, values); !filled.isNull())
            kept << filled;
    }
    return kept.join(u' ');
}

Verdict wordAdvice(const QString &key, const Values &values)
{
    QJsonObject advice = adviceCatalogue().value(key).toObject();
    if (advice.isEmpty())
        advice = adviceCatalogue().value(u"unknown"_s).toObject();
    Verdict v;
    v.blame = blameOr(advice.value(u"blame").toString());
    v.headline = wordTemplate(advice.value(u"headline"), values);
    v.explanation = wordTemplate(advice.value(u"explanation"), values);
    for (const QJsonValue &step : advice.value(u"next_steps").toArray()) {
        if (const QString filled = wordTemplate(step, values); !filled.isEmpty())
            v.nextSteps << filled;
    }
    v.confidence = advice.value(u"confidence").toDouble(0.5);
    return v;
}

bool hasAdvice(const QString &key)
{
    return adviceCatalogue().contains(key);
}

QStringList pathHops(const QStringList &hops)
{
    QStringList out;
    for (const QString &h : hops) {
        if (!isClientLibrary(h))
            out << h;
    }
    return out;
}

// Products by the names their makers use, for a sentence that names who wrote a message.
QString productNames(const QStringList &hops)
{
    static const QHash<QString, QString> names{
        {u"traefik"_s, u"Traefik"_s},
        {u"envoy"_s, u"Envoy"_s},
        {u"cloudflare"_s, u"Cloudflare"_s},
        {u"haproxy"_s, u"HAProxy"_s},
        {u"squid"_s, u"Squid"_s},
        {u"aws_alb"_s, QString::fromLatin1(QT_TRANSLATE_NOOP("Verdict", "an AWS load balancer"))},
        {u"azure_fd"_s, u"Azure Front Door"_s},
        {u"gcp_lb"_s, QString::fromLatin1(QT_TRANSLATE_NOOP("Verdict", "a Google Cloud load balancer"))},
        {u"zscaler"_s, u"Zscaler"_s},
        {u"litellm"_s, u"LiteLLM"_s},
        {u"openrouter"_s, u"OpenRouter"_s},
        {u"varnish"_s, u"Varnish"_s},
        {u"akamai"_s, u"Akamai"_s},
        {u"fastly"_s, u"Fastly"_s},
        {u"kong"_s, u"Kong"_s},
        {u"apache"_s, u"Apache"_s}};
    QStringList out;
    for (const QString &h : hops)
        out << QCoreApplication::translate("Verdict", names.value(h, h).toUtf8().constData());
    return out.join(QCoreApplication::translate("Verdict", ", "));
}

// What the pasted message adds to a diagnosis whose checks have finished.
// Errors a gateway writes about the server behind it: whose gateway it is decides who acts.
bool isGatewayKind(Category c)
{
    return c == Category::GatewayError || c == Category::UpstreamReset || c == Category::GatewayTimeout ||
           c == Category::ProxyError || c == Category::Timeout;
}

void foldPastedText(Verdict &v, const ErrorSignature &sig, const CheckResult *decisive,
                    const DiagnosisContext &context)
{
    if (v.category == Category::Cancelled)
        return;
    const Category pastedCategory = categoryOr(sig.category);
    if (pastedCategory == Category::Unknown) {
        v.nextSteps.append(QCoreApplication::translate(
            "Verdict",
            "llmdoctor did not recognise the message you pasted: it does not say what failed or where. "
            "The checks above are the better guide; if your app still fails, paste its full error "
            "message or log output."));
        return;
    }
    if (decisive) {
        if (pastedCategory == v.category) {
            v.confidence = std::min(0.95, v.confidence + 0.1);
            // Who wrote it, as measured, beats who wrote it as guessed from its words: say so once
            // rather than repeat the guess next to what the checks saw.
            const QStringList seen = pathHops(decisive->facts.hops);
            const QStringList guessed = pathHops(sig.hops);
            const bool sameHop = guessed.isEmpty() || seen.isEmpty() ||
                                 std::any_of(guessed.cbegin(), guessed.cend(),
                                             [&](const QString &h) { return seen.contains(h); });
            v.explanation +=
                u' ' +
                (sameHop ? QCoreApplication::translate("Verdict", "The message you pasted says the same: %1")
                               .arg(translatedMeaning(sig.meaning))
                         : QCoreApplication::translate(
                               "Verdict", "The message you pasted says the same, but the checks show "
                                          "that %1 wrote it, not %2 as its words alone suggest.")
                               .arg(productNames(seen), productNames(guessed)));
        } else {
            // The two disagree: say so once, plainly.
            v.nextSteps.append(
                QCoreApplication::translate(
                    "Verdict", "About the message you pasted: %1 The checks found a different problem now; "
                               "fix that first, and if the message comes back, run llmdoctor again with it.")
                    .arg(translatedMeaning(sig.meaning)));
        }
        return;
    }

    // Every check passes now: the message tells what went wrong when the app saw it.
    const QString host = context.target.baseUrl.host();
    const bool ownPath = context.proxy.proxy.has_value() || isLocalHost(host) || sig.ownHop;
    QString key;
    Blame blame = blameOr(sig.blame);
    if (blame == Blame::Proxy || (isGatewayKind(pastedCategory) && ownPath)) {
        key = u"pasted_own_gateway"_s;
        // A proxy only when one is set: a gateway on this computer or at the user's own address
        // is theirs to configure, not their IT department's.
        blame = blame == Blame::Proxy || context.proxy.proxy ? Blame::Proxy : Blame::Config;
    } else if (blame == Blame::Provider || blame == Blame::None) {
        key = u"pasted_provider_side"_s;
        blame = Blame::Provider;
    } else if (blame == Blame::Local || blame == Blame::Network) {
        key = u"pasted_network_now_fine"_s;
    } else {
        key = u"pasted_app_settings"_s;
    }
    const QStringList hops = pathHops(sig.hops);
    Values values{
        {u"host"_s, host},
        {u"proxy"_s, context.proxy.proxy
                         ? proxyForDisplay(*context.proxy.proxy)
                         : QCoreApplication::translate("Verdict", "your own gateway at %1").arg(host)},
        {u"hops"_s, hops.isEmpty() ? QString() : u" (%1)"_s.arg(productNames(hops))},
        {u"meaning"_s, translatedMeaning(sig.meaning)}};
    if (sig.status)
        values.insert(u"status"_s, QString::number(sig.status));
    const Verdict pasted = wordAdvice(key, values);
    v.category = pastedCategory;
    v.blame = blame;
    v.headline = pasted.headline;
    v.explanation = pasted.explanation;
    v.nextSteps = pasted.nextSteps;
    v.confidence = std::min(pasted.confidence, std::max(0.3, sig.confidence));
    v.decidedBy = u"error_text"_s;
}

// Checks in the order a connection is built: the earliest failure explains the later ones.
int layerRank(const QString &id)
{
    // The offline lint comes first: a mistyped address or key explains whatever follows.
    // status_page comes last: it never fails, and must never be the decisive failure.
    // A key that looks wrong explains a refused key, not a connection that cannot be made: with no
    // network, "no network" is what blocks first.
    static const QStringList order{
        u"base_url_format"_s, u"dns"_s,     u"tcp"_s,   u"tls"_s,          u"http"_s,
        u"api_key_format"_s,  u"api_key"_s, u"model"_s, u"test_request"_s, u"stream"_s,
        u"keepalive"_s,       u"loss"_s,    u"path"_s,  u"status_page"_s};
    const qsizetype i = order.indexOf(id);
    return i < 0 ? int(order.size()) : int(i);
}

// A base URL with the usual mistakes undone: an endpoint path pasted in, or a missing /v1 for
// a known provider. Empty when nothing looks wrong.
QString correctedBaseUrl(const Target &target)
{
    QUrl url = target.baseUrl;
    QString path = url.path();
    static const QRegularExpression endpoint(
        u"/(?:chat/completions|completions|responses|embeddings|messages|models)/*$"_s);
    path.remove(endpoint);
    if (const auto provider = ProviderCatalog::instance().find(target.provider);
        provider && !provider->baseUrl.isEmpty() && QUrl(provider->baseUrl).host() == url.host())
        return provider->baseUrl != target.baseUrl.toString() ? provider->baseUrl : QString();
    url.setPath(path);
    return url == target.baseUrl ? QString() : shownUrl(url);
}

QString seconds(double ms)
{
    return ms < 1000 ? QCoreApplication::translate("Verdict", "%1 ms").arg(qRound(ms))
                     : QCoreApplication::translate("Verdict", "%1 s").arg(ms / 1000, 0, 'f', 1);
}

// One cause the checks found: the advice entry that words it and its category.
struct Cause
{
    QString key;
    Category category = Category::Unknown;
    const CheckResult *check = nullptr;
    bool alsoOnly = false; // worth knowing, but blocks nothing now: never the verdict itself
};

// The advice entry for a failed check, read from its typed facts and the run's context.
Cause causeOf(const CheckResult &r, const DiagnosisContext &context,
              const std::optional<StatusAssessment> &page)
{
    Cause c{categoryName(r.category), r.category, &r};
    const QString host = context.target.baseUrl.host();
    const CheckFacts &f = r.facts;
    switch (c.category) {
    case Category::DnsFailure:
        if (f.networkDown)
            c.key = u"network_offline"_s;
        else if (f.lookup == CheckFacts::Lookup::Failed)
            c.key = u"dns_failure_network"_s;
        else if (f.knownHost)
            c.key = u"dns_failure_known_host"_s;
        break;
    case Category::EndpointNotFound:
        if (!f.movedTo.isEmpty())
            c.key = u"endpoint_moved"_s;
        break;
    case Category::ConnectionRefused:
        if (isLoopback(host) && !context.proxy.proxy)
            c.key = u"connection_refused_local"_s;
        break;
    case Category::UpstreamReset:
        if (f.httpStatus > 0)
            c.key = u"upstream_reset_gateway"_s; // a gateway answered, and said its upstream reset
        else if (context.proxy.proxy)
            c.key = u"upstream_reset_proxy"_s;
        break;
    case Category::TlsHandshakeFailed:
        // OpenSSL's words when an https hello gets a plain-HTTP answer.
        if (f.error.contains(u"wrong version number"_s))
            c.key = u"tls_plain_http"_s;
        break;
    case Category::TlsUntrusted:
        if (looksIntercepted(f, host))
            c.key = u"tls_untrusted_interception"_s;
        break;
    case Category::PermissionDenied:
        // Refused for where the request comes from, not for the key: the way out is another exit.
        if (f.regionRefused)
            c.key = u"explain_location"_s; // the same words as for a pasted region refusal
        break;
    case Category::ConnectTimeout:
        // The path reaches the host, yet the API's port gets no answer: a firewall drops just that.
        if (r.id == u"tcp" && context.path && context.path->reached && !context.proxy.proxy)
            c.key = u"firewall_blocks_port"_s;
        break;
    default:
        break;
    }
    // The provider's own status page: an outage it reports explains errors from its side.
    static const QList<Category> providerSide{Category::GatewayError,   Category::UpstreamReset,
                                              Category::GatewayTimeout, Category::Timeout,
                                              Category::ServerError,    Category::ProviderOverloaded};
    if (page && page->apiOutage && providerSide.contains(c.category) &&
        layerRank(r.id) >= layerRank(u"http"_s)) {
        c.category = Category::ProviderOutage;
        c.key = u"provider_outage"_s;
    }
    if (!hasAdvice(c.key))
        c.key = hasAdvice(categoryName(c.category)) ? categoryName(c.category) : u"unknown"_s;
    return c;
}

// The placeholder values a cause's sentences may use: only facts that were found are present.
Values valuesFor(const Cause &cause, const QList<CheckResult> &results, const DiagnosisContext &context,
                 const std::optional<StatusAssessment> &page)
{
    const CheckResult *r = cause.check;
    const QUrl &base = context.target.baseUrl;
    Values v;
    const bool viaProxyStep = context.proxy.proxy && r && (r->id == u"dns" || r->id == u"tcp");
    v.insert(u"host"_s, viaProxyStep ? context.proxy.proxy->host() : base.host());
    const bool proxyPort = context.proxy.proxy && (cause.category == Category::ConnectionRefused ||
                                                   cause.category == Category::ConnectTimeout);
    v.insert(u"port"_s, QString::number(proxyPort ? context.proxy.proxy->port(1080)
                                                  : base.port(base.scheme() == u"https" ? 443 : 80)));
    v.insert(u"proxy"_s, context.proxy.proxy ? proxyForDisplay(*context.proxy.proxy)
                                             : QCoreApplication::translate("Verdict", "(none)"));
    if (!context.target.model.trimmed().isEmpty())
        v.insert(u"model"_s, context.target.model.trimmed());
    if (const auto provider = ProviderCatalog::instance().find(context.target.provider); provider)
        v.insert(u"provider_name"_s, provider->name);

    // The status code is the one this cause's own check saw: never another check's.
    int status = r ? r->facts.httpStatus : 0;
    QStringList hops;
    for (const CheckResult &other : results) {
        if (other.id == u"http") {
            hops = other.facts.hops;
            if (!status && cause.category == Category::ProviderOutage)
                status = other.facts.httpStatus;
        }
    }
    if (r && !r->facts.hops.isEmpty())
        hops = r->facts.hops;
    v.insert(u"status"_s, status ? QString::number(status) : QString());
    if (status)
        v.insert(u"answered_status"_s, QString::number(status));
    v.insert(u"hops"_s, hops.isEmpty() ? QString() : u" (%1)"_s.arg(productNames(hops)));
    if (!hops.isEmpty())
        v.insert(u"hop_names"_s, productNames(hops));

    QString detail;
    if (r) {
        detail = r->facts.providerMessage;
        if (detail.isEmpty())
            detail = r->facts.error;
        if (detail.isEmpty())
            detail = r->summary;
        while (detail.endsWith(u'.'))
            detail.chop(1); // it goes inside a sentence, in parentheses
    }
    v.insert(u"detail"_s, detail);
    v.insert(u"suggestion"_s,
             r && !r->facts.closeModels.isEmpty()
                 ? u" "_s + QCoreApplication::translate("Verdict", "Close names this server offers: %1.")
                                .arg(r->facts.closeModels.join(u", "_s))
                 : QString());
    if (r && !r->facts.movedTo.isEmpty())
        v.insert(u"moved"_s, r->facts.movedTo);
    v.insert(u"page_title"_s, r ? r->facts.pageTitle : QString());
    if (r && !r->facts.topIssuer.isEmpty())
        v.insert(u"issuer"_s, r->facts.topIssuer);
    if (r && r->facts.retryAfterS >= 0)
        v.insert(u"wait"_s, plainWait(r->facts.retryAfterS));
    // Where a request that got no answer spent its time: "waited 8.0 s for an answer".
    if (r && r->facts.failedPhaseMs >= 0) {
        v.insert(u"waited"_s, seconds(r->facts.failedPhaseMs));
        v.insert(u"failed_phase"_s, phaseName(r->facts.failedPhase));
    }
    for (const CheckResult &other : results) {
        if (other.id == u"test_request" && other.status == CheckStatus::Pass)
            v.insert(u"test_request"_s, u"yes"_s);
        if (other.id == u"http" && other.status == CheckStatus::Pass && other.facts.httpStatus / 100 == 2)
            v.insert(u"models_listed"_s, u"yes"_s);
    }
    if (page) {
        v.insert(u"provider"_s, context.statusProviderName.isEmpty()
                                    ? QCoreApplication::translate("Verdict", "The provider")
                                    : context.statusProviderName);
        if (!page->incident.isEmpty())
            v.insert(u"incident"_s, page->incident);
        v.insert(u"incident_update"_s,
                 page->latestUpdate.isEmpty()
                     ? QString()
                     : u" "_s +
                           QCoreApplication::translate("Verdict", "Its latest update%1: \"%2\"")
                               .arg(page->updatedAt.isValid()
                                        ? u" ("_s +
                                              page->updatedAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s) +
                                              u")"_s
                                        : QString(),
                                    page->latestUpdate));
        v.insert(u"page"_s, context.statusPage->pageUrl);
    }
    return v;
}

} // namespace

QString Verdict::whoActs(Blame blame)
{
    switch (blame) {
    case Blame::Local:
    case Blame::Config:
        return QCoreApplication::translate("Verdict", "you");
    case Blame::Network:
        return QCoreApplication::translate("Verdict", "you or your network administrator");
    case Blame::Proxy:
        return QCoreApplication::translate("Verdict", "whoever runs the proxy (usually your IT department)");
    case Blame::Provider:
        return QCoreApplication::translate("Verdict", "the provider");
    case Blame::Account:
        return QCoreApplication::translate("Verdict", "you, in your account on the provider's website");
    case Blame::None:
        break;
    }
    return QCoreApplication::translate("Verdict", "nobody");
}

QJsonObject Verdict::toJson() const
{
    QJsonArray also;
    for (const AlsoFound &a : alsoFound)
        also.append(QJsonObject{{u"category"_s, core::categoryName(a.category)},
                                {u"blame"_s, core::blameName(a.blame)},
                                {u"headline"_s, a.headline}});
    return QJsonObject{{u"category"_s, categoryName()},
                       {u"blame"_s, blameName()},
                       {u"headline"_s, headline},
                       {u"explanation"_s, explanation},
                       {u"next_steps"_s, QJsonArray::fromStringList(nextSteps)},
                       {u"snippets"_s,
                        [this] {
                            QJsonArray out;
                            for (const Snippet &s : snippets)
                                out.append(QJsonObject{
                                    {u"language"_s, s.language}, {u"title"_s, s.title}, {u"code"_s, s.code}});
                            return out;
                        }()},
                       {u"confidence"_s, confidence},
                       {u"also_found"_s, also}};
}

Verdict decideVerdict(const QList<CheckResult> &results, const DiagnosisContext &context)
{
    QList<const CheckResult *> ordered;
    for (const CheckResult &r : results)
        ordered.append(&r);
    std::stable_sort(ordered.begin(), ordered.end(), [](const CheckResult *a, const CheckResult *b) {
        return layerRank(a->id) < layerRank(b->id);
    });

    const std::optional<StatusAssessment> page =
        context.statusPage ? std::optional(assessStatus(*context.statusPage, context.statusComponents))
                           : std::nullopt;
    // Every cause found, what blocks first (the earliest layer) first.
    QList<Cause> causes;
    bool cancelled = false;
    for (const CheckResult *r : std::as_const(ordered)) {
        if (r->status == CheckStatus::Fail && r->category != Category::Cancelled)
            causes << causeOf(*r, context, page);
        cancelled |= r->category == Category::Cancelled;
    }
    const CheckResult *keyFormat = nullptr;
    for (const CheckResult &r : results) {
        if (r.id == u"api_key_format" && r.status == CheckStatus::Warn && r.facts.keyHasWhitespace)
            keyFormat = &r;
    }
    // A key that works only once cleaned: the app that sends it as typed fails. Not "everything works".
    if (keyFormat)
        causes << Cause{u"api_key_whitespace"_s, Category::AuthInvalidKey, keyFormat};
    // An outage on the status page is worth knowing even when the failure that blocks first is
    // another one (a key missing: needed once the outage is over).
    const bool outageCause = std::any_of(causes.cbegin(), causes.cend(), [](const Cause &c) {
        return c.category == Category::ProviderOutage;
    });
    if (page && page->apiOutage && !outageCause) {
        for (const CheckResult &r : results) {
            if (r.id == u"status_page")
                causes << Cause{u"provider_outage_page"_s, Category::ProviderOutage, &r, true};
        }
    }
    // Everything works, but packets are lost on the way: a cause of its own, after the failures.
    const PathAssessment pathLoss = context.path ? assessPath(*context.path) : PathAssessment();
    const bool burstLoss = context.connectBurst && context.connectBurst->lossFound();
    if (!cancelled && (burstLoss || pathLoss.lossFound())) {
        const CheckResult *evidence = nullptr;
        for (const CheckResult &r : results) {
            if ((r.id == u"path" && pathLoss.lossFound()) || (r.id == u"loss" && !evidence))
                evidence = &r;
        }
        causes << Cause{pathLoss.where == PathAssessment::Where::Local      ? u"packet_loss_local"_s
                        : pathLoss.where == PathAssessment::Where::Provider ? u"packet_loss_provider"_s
                                                                            : u"packet_loss"_s,
                        Category::PacketLoss, evidence};
    }

    // Causes that block nothing now go after the others, and never lead.
    std::stable_partition(causes.begin(), causes.end(), [](const Cause &c) { return !c.alsoOnly; });
    Cause primary{u"ok"_s, Category::Ok, nullptr};
    if (!causes.isEmpty() && !causes.first().alsoOnly)
        primary = causes.first();
    else if (cancelled)
        primary = Cause{u"cancelled"_s, Category::Cancelled, nullptr};
    else
        causes.prepend(primary);
    const CheckResult *decisive =
        primary.check && primary.check->status == CheckStatus::Fail ? primary.check : nullptr;
    Values values = valuesFor(primary, results, context, page);
    if (primary.category == Category::PacketLoss) {
        QString where;
        if (pathLoss.lossFound())
            where =
                u" "_s + QCoreApplication::translate("Verdict", "The path test: %1").arg(pathLoss.sentence());
        else
            where = u" "_s + QCoreApplication::translate(
                                 "Verdict", "About %1% of the connection attempts' packets were lost.")
                                 .arg(std::max(1L, std::lround(context.connectBurst->share * 100)));
        if (pathLoss.where == PathAssessment::Where::Network)
            where += u" "_s + QCoreApplication::translate(
                                  "Verdict", "Your own link and router are fine; the loss is further on.");
        values.insert(u"where"_s, where);
    }

    Verdict v = wordAdvice(primary.key, values);
    v.category = primary.category;
    v.decidedBy = primary.check ? primary.check->id : QString();
    if (primary.category == Category::Ok || primary.category == Category::PacketLoss ||
        primary.key == u"api_key_whitespace") {
        // Passing with warnings: say what looked odd.
        for (const CheckResult &r : results) {
            if (r.status != CheckStatus::Warn || &r == primary.check)
                continue;
            if (primary.category == Category::PacketLoss && (r.id == u"loss" || r.id == u"path"))
                continue; // the verdict itself is about them
            if (r.id == u"status_page" && page && page->apiOutage)
                continue; // an outage is a cause of its own, in "also found"
            // A warning's own advice entries (stream, keep-alive) say what to do about it.
            QStringList steps{QCoreApplication::translate("Verdict", "Worth a look: %1").arg(r.summary)};
            for (const QString &id : r.advice) {
                for (const QJsonValue &step :
                     adviceCatalogue().value(id).toObject().value(u"next_steps").toArray())
                    if (const QString filled = wordTemplate(step, values); !filled.isEmpty())
                        steps << filled;
            }
            v.nextSteps = steps + v.nextSteps;
        }
    }
    if (decisive && page && page->healthy && primary.category != Category::ProviderOutage) {
        QString pointer = decisive->summary;
        while (pointer.endsWith(u'.'))
            pointer.chop(1);
        v.explanation +=
            u" "_s +
            QCoreApplication::translate(
                "Verdict", "%1's status page reports no problem right now; the checks below point to: %2.")
                .arg(context.statusProviderName.isEmpty()
                         ? QCoreApplication::translate("Verdict", "The provider")
                         : context.statusProviderName,
                     pointer);
    }
    if (primary.key == u"tls_untrusted_interception"_s) {
        for (const QString &product : interceptionIssuerNames()) {
            if (values.value(u"issuer"_s).contains(product, Qt::CaseInsensitive)) {
                v.explanation += u" "_s + QCoreApplication::translate(
                                              "Verdict", "The issuer's name points at %1 software.")
                                              .arg(product);
                break;
            }
        }
    }
    std::optional<ErrorSignature> pasted;
    if (!context.target.errorText.trimmed().isEmpty()) {
        pasted = classifyErrorText(context.target.errorText);
        foldPastedText(v, *pasted, decisive, context);
    }

    // The other causes, one line each, in the order they block.
    QSet<Category> seen{v.category};
    for (qsizetype i = 1; i < causes.size(); ++i) {
        const Cause &c = causes.at(i);
        if (seen.contains(c.category))
            continue;
        seen.insert(c.category);
        const Verdict also = wordAdvice(c.key, valuesFor(c, results, context, page));
        v.alsoFound.append({c.category, also.blame, also.headline, c.check ? c.check->id : QString()});
    }

    // The user's own nginx in front of the API: its timeouts are theirs to change.
    const QString host = context.target.baseUrl.host();
    const bool pastedNginx = pasted && v.decidedBy == u"error_text" && pasted->hops.contains(u"nginx"_s) &&
                             (pasted->ownHop || isLocalHost(host));
    bool httpNginx = false;
    for (const CheckResult &r : results)
        httpNginx |= r.id == u"http" && r.facts.hops.contains(u"nginx"_s);
    const bool ownNginx = (isLocalHost(host) && httpNginx) || pastedNginx;
    v.snippets = snippetsFor(v.category, ownNginx);
    if (!v.snippets.isEmpty() && v.snippets.first().language == u"nginx") {
        v.nextSteps.prepend(QCoreApplication::translate(
            "Verdict", "The gateway that gave up is your own nginx: give it longer timeouts (the nginx "
                       "block below), then reload it with \"nginx -s reload\"."));
        v.blame = Blame::Config; // its settings are the user's to change, whoever is slow behind it
    }
    if (v.category == Category::EndpointNotFound) {
        const QString moved = decisive ? decisive->facts.movedTo : QString();
        if (const QString fixed = moved.isEmpty() ? correctedBaseUrl(context.target) : moved;
            !fixed.isEmpty()) {
            v.nextSteps.prepend(
                QCoreApplication::translate("Verdict", "Use this API address instead: %1").arg(fixed));
            v.snippets.prepend(
                {u"text"_s, QCoreApplication::translate("Verdict", "Corrected API address"), fixed});
        }
    }
    return v;
}

Verdict verdictFromAdvice(const QString &key, Category category, const QMap<QString, QString> &values)
{
    // Callers of this one name what they know; every other placeholder drops its words.
    static const QStringList allNames = [] {
        static const QRegularExpression placeholder(u"\\{([a-z_]+)\\}"_s);
        QSet<QString> names;
        const QString text = QString::fromUtf8(QJsonDocument(adviceCatalogue()).toJson());
        for (auto it = placeholder.globalMatch(text); it.hasNext();)
            names.insert(it.next().captured(1));
        return QStringList(names.cbegin(), names.cend());
    }();
    Values filled = values;
    for (const QString &name : allNames) {
        if (!filled.contains(name))
            filled.insert(name, QString());
    }
    Verdict v = wordAdvice(hasAdvice(key) ? key : categoryName(category), filled);
    v.category = category;
    v.snippets = snippetsFor(category, false);
    return v;
}

// The message's meaning first, then as much of the advice as fits a short paragraph: people read
// the first few lines, and a sentence said twice reads like a machine.
static QString conciseExplanation(const QString &meaning, const QString &advice)
{
    constexpr qsizetype maxWords = 55;
    static const QRegularExpression sentenceEnd(u"(?<=[.!?])\\s+(?=[A-Z\"(])"_s);
    static const QRegularExpression space(u"\\s+"_s);
    QStringList kept;
    QSet<QString> seen;
    qsizetype words = 0;
    bool first = true;
    for (const QString &part : {meaning, advice}) {
        for (const QString &raw : part.split(sentenceEnd, Qt::SkipEmptyParts)) {
            const QString sentence = raw.trimmed();
            const QString key = sentence.toLower();
            if (sentence.isEmpty() || seen.contains(key))
                continue;
            const qsizetype n = sentence.split(space, Qt::SkipEmptyParts).size();
            // The first sentence always stays, whatever its length: it is what the message means.
            if (!first && words + n > maxWords)
                break;
            first = false;
            seen.insert(key);
            kept << sentence;
            words += n;
        }
    }
    return kept.join(u' ');
}

Verdict readPastedError(const ErrorSignature &sig, const Target &target)
{
    Verdict v = verdictForSignature(sig);
    // The same rule as the verdict after the checks (foldPastedText): a gateway's error on a path
    // that is the user's own (their proxy, an address on their computer) is theirs to look at.
    const bool proxySet = target.proxy.mode == ProxyChoice::Mode::Explicit;
    const QString host = target.baseUrl.host();
    if (isGatewayKind(v.category) && !sig.ownHop && v.blame != Blame::Proxy &&
        (proxySet || (!host.isEmpty() && isLocalHost(host)))) {
        v.blame = proxySet ? Blame::Proxy : Blame::Config;
        v.explanation +=
            u' ' + (proxySet
                        ? QCoreApplication::translate(
                              "Verdict", "Your requests go through your proxy, so the gateway that wrote "
                                         "this is most likely that proxy: its settings and logs decide.")
                        : QCoreApplication::translate(
                              "Verdict", "The API address (%1) is on your own computer or network, so the "
                                         "gateway that wrote this is most likely your own: its settings "
                                         "and logs decide.")
                              .arg(host));
    }
    return v;
}

Verdict verdictForSignature(const ErrorSignature &sig)
{
    const Category category = categoryOr(sig.category);
    QString key = sig.advice;
    if (sig.ownHop && category != Category::Unknown)
        key = u"explain_own_gateway"_s;
    // A well-known provider's name always exists: when the app could not look it up, the network's
    // name service failed at the time. (With checks at hand, foldPastedText weighs it against them.)
    // (Unless the text shows the name service on this computer itself refused: then it is this computer's.)
    const bool knownNameUnresolved = category == Category::DnsFailure && sig.blame != u"network" &&
                                     sig.blame != u"local" && !sig.host.isEmpty() &&
                                     ProviderCatalog::instance().findByHost(sig.host);
    if (knownNameUnresolved)
        key = u"explain_dns_failure_network"_s;
    if (key.isEmpty() || !hasAdvice(key))
        key = hasAdvice(u"explain_"_s + sig.category) ? u"explain_"_s + sig.category : sig.category;

    QString detail = sig.providerError.message;
    if (detail.isEmpty() && !sig.envoyResetReason.isEmpty())
        detail = QCoreApplication::translate("Verdict", "reset reason: %1").arg(sig.envoyResetReason);
    while (detail.endsWith(u'.'))
        detail.chop(1);
    const QStringList hops = pathHops(sig.hops);
    const Values values{
        {u"host"_s, sig.host.isEmpty() ? QCoreApplication::translate("Verdict", "the server") : sig.host},
        {u"port"_s, sig.port ? QString::number(sig.port)
                             : QCoreApplication::translate("Verdict", "the port in the address")},
        {u"proxy"_s, QCoreApplication::translate("Verdict", "your proxy")},
        {u"status"_s, sig.status ? QString::number(sig.status) : QString()},
        {u"model"_s, sig.model.isEmpty()
                         ? QCoreApplication::translate("Verdict", "the one your app asked for")
                         : sig.model},
        {u"suggestion"_s, QString()},
        {u"hops"_s, hops.isEmpty() ? QString() : u" (%1)"_s.arg(productNames(hops))},
        {u"detail"_s, detail},
        {u"issuer"_s, QString()},
        {u"wait"_s, sig.retryAfter.isEmpty()
                        ? QCoreApplication::translate("Verdict", "the time the provider asks for")
                        : sig.retryAfter},
        {u"link"_s, sig.link.isEmpty()
                        ? QCoreApplication::translate("Verdict", "your provider account's billing page")
                        : sig.link},
        {u"meaning"_s, translatedMeaning(sig.meaning)},
        {u"page_title"_s, QString()},
        {u"where"_s, QString()},
    };
    Verdict v = wordAdvice(key, values);
    // With no host in the message, "the server" stands in for it; as an aside in brackets it only repeats.
    if (sig.host.isEmpty()) {
        const QString aside = u" (%1)"_s.arg(values.value(u"host"_s));
        v.headline.remove(aside);
        v.explanation.remove(aside);
        for (QString &step : v.nextSteps)
            step.remove(aside);
    }
    v.category = category;
    if (!sig.blame.isEmpty() && sig.blame != u"none")
        v.blame = blameOr(sig.blame, v.blame);
    if (knownNameUnresolved)
        v.blame = Blame::Network;
    // Unknown names nobody, unless the message showed where it stopped (a well-known host unreached, an
    // address the user set that took no connection, a router's provider that failed, or a server on this
    // computer that could not be reached), or the person said their traffic goes through a proxy.
    if (category == Category::Unknown && sig.shownFailure == ErrorSignature::ShownFailure::Nothing &&
        sig.blame != u"local"_s && sig.blame != u"proxy"_s)
        v.blame = Blame::None;
    // The advice text of explain_* entries complements the meaning; others repeat the category.
    const QString meaning = translatedMeaning(sig.meaning);
    if (!v.explanation.contains(meaning))
        v.explanation = conciseExplanation(meaning, v.explanation);
    v.confidence = sig.confidence > 0 ? sig.confidence : v.confidence;
    v.decidedBy = u"error_text"_s;
    v.snippets = snippetsFor(category, sig.ownHop && sig.hops.contains(u"nginx"_s));
    return v;
}

} // namespace llmdoctor::core
