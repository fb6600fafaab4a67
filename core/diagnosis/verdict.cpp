#include "verdict.h"

#include "../checks/diagnosiscontext.h"
#include "../path/pathresult.h"
#include "../target/providercatalog.h"
#include "hops.h"

#include <QFile>
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
// the user's side (antivirus, corporate proxy) made that certificate. *issuer names it.
bool looksIntercepted(const CheckResult &tls, const QString &host, QString *issuer)
{
    static const QRegularExpression line(
        u"^(.*), issued by (.*), valid \\S+ to \\S+( \\(self-signed\\))?$"_s);
    if (isLocalHost(host))
        return false; // a self-made certificate on the user's own server is not an interception
    QString top;
    for (const auto &[key, value] : tls.details) {
        if (key.startsWith(u"certificate "_s) && key != u"certificate name matches") {
            const auto m = line.match(value);
            if (m.hasMatch())
                top = m.captured(2);
        }
    }
    if (top.isEmpty())
        return false;
    *issuer = top;
    return !systemCaNames().contains(top);
}

QList<Snippet> snippetsFor(const QString &category, bool ownNginx)
{
    static const QStringList transient{u"rate_limited"_s,  u"provider_overloaded"_s, u"upstream_reset"_s,
                                       u"gateway_error"_s, u"gateway_timeout"_s,     u"server_error"_s,
                                       u"timeout"_s,       u"provider_outage"_s};
    QStringList ids;
    // Longer timeouts help only when the gateway gave up waiting, not when its upstream failed.
    if (ownNginx && (category == u"gateway_timeout" || category == u"timeout"))
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

// The advice entry for key (or "unknown"), with every placeholder filled by fill.
Verdict wordAdvice(const QString &key, const std::function<QString(QString)> &fill)
{
    QJsonObject advice = adviceCatalogue().value(key).toObject();
    if (advice.isEmpty())
        advice = adviceCatalogue().value(u"unknown"_s).toObject();
    Verdict v;
    v.blame = advice.value(u"blame").toString(u"none"_s);
    v.headline = fill(advice.value(u"headline").toString());
    v.explanation = fill(advice.value(u"explanation").toString());
    for (const QJsonValue &step : advice.value(u"next_steps").toArray())
        v.nextSteps << fill(step.toString());
    v.confidence = advice.value(u"confidence").toDouble(0.5);
    return v;
}

bool hasAdvice(const QString &key)
{
    return adviceCatalogue().contains(key);
}

// Replaces one placeholder; an empty value also drops the words around it that need it.
QString fillPlaceholder(QString text, const QString &name, const QString &value, const QString &ifEmpty = {})
{
    if (value.isEmpty()) {
        text.replace(u" (HTTP {%1})"_s.arg(name), QString());
        text.replace(u" ({%1})"_s.arg(name), QString());
        text.replace(u"{%1}"_s.arg(name), ifEmpty);
    } else {
        text.replace(u"{%1}"_s.arg(name), value);
    }
    return text;
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

// What the pasted message adds to a diagnosis whose checks have finished.
void foldPastedText(Verdict &v, const ErrorSignature &sig, const CheckResult *decisive,
                    const DiagnosisContext &context)
{
    if (v.category == u"cancelled")
        return;
    if (sig.category == u"unknown") {
        v.nextSteps.append(
            u"llmdoctor did not recognise the message you pasted: it does not say what failed or where. "
            "The checks above are the better guide; if your app still fails, paste its full error "
            "message or log output."_s);
        return;
    }
    if (decisive) {
        if (sig.category == v.category) {
            v.confidence = std::min(0.95, v.confidence + 0.1);
            v.explanation += u" The message you pasted says the same: %1"_s.arg(sig.meaning);
        } else {
            v.nextSteps.append(
                u"About the message you pasted: %1 The checks found a different problem now; fix "
                "that first, and if the message comes back, run llmdoctor again with it."_s.arg(sig.meaning));
        }
        return;
    }

    // Every check passes now: the message tells what went wrong when the app saw it.
    static const QStringList gatewayKinds{u"gateway_error"_s, u"upstream_reset"_s, u"gateway_timeout"_s,
                                          u"proxy_error"_s, u"timeout"_s};
    const QString host = context.target.baseUrl.host();
    const bool ownPath = context.proxy.proxy.has_value() || isLocalHost(host) || sig.ownHop;
    QString key;
    QString blame = sig.blame;
    if (sig.blame == u"proxy" || (gatewayKinds.contains(sig.category) && ownPath)) {
        key = u"pasted_own_gateway"_s;
        blame = u"proxy"_s;
    } else if (sig.blame == u"provider" || sig.blame == u"none" || sig.blame.isEmpty()) {
        key = u"pasted_provider_side"_s;
        blame = u"provider"_s;
    } else if (sig.blame == u"local" || sig.blame == u"network") {
        key = u"pasted_network_now_fine"_s;
    } else {
        key = u"pasted_app_settings"_s;
    }
    const QStringList hops = pathHops(sig.hops);
    const QString proxy = context.proxy.proxy ? proxyForDisplay(*context.proxy.proxy) : QString();
    auto fill = [&](QString text) {
        text.replace(u"{host}"_s, host);
        text = fillPlaceholder(text, u"proxy"_s, proxy, u"your gateway"_s);
        text =
            fillPlaceholder(text, u"hops"_s, hops.isEmpty() ? QString() : u" (%1)"_s.arg(hops.join(u", "_s)));
        text = fillPlaceholder(text, u"status"_s, sig.status ? QString::number(sig.status) : QString());
        text.replace(u"{meaning}"_s, sig.meaning);
        return text;
    };
    const Verdict pasted = wordAdvice(key, fill);
    v.category = sig.category;
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

} // namespace

QString Verdict::whoActs(const QString &blame)
{
    if (blame == u"local" || blame == u"config")
        return u"you"_s;
    if (blame == u"network")
        return u"you or your network administrator"_s;
    if (blame == u"proxy")
        return u"whoever runs the proxy (usually your IT department)"_s;
    if (blame == u"provider")
        return u"the provider"_s;
    if (blame == u"account")
        return u"you, in your account on the provider's website"_s;
    return u"nobody"_s;
}

QJsonObject Verdict::toJson() const
{
    return QJsonObject{{u"category"_s, category},
                       {u"blame"_s, blame},
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
                       {u"confidence"_s, confidence}};
}

Verdict decideVerdict(const QList<CheckResult> &results, const DiagnosisContext &context)
{
    QList<const CheckResult *> ordered;
    for (const CheckResult &r : results)
        ordered.append(&r);
    std::stable_sort(ordered.begin(), ordered.end(), [](const CheckResult *a, const CheckResult *b) {
        return layerRank(a->id) < layerRank(b->id);
    });

    const CheckResult *decisive = nullptr;
    bool cancelled = false;
    for (const CheckResult *r : std::as_const(ordered)) {
        if (r->status == CheckStatus::Fail && r->category != u"cancelled") {
            decisive = r;
            break;
        }
        cancelled |= r->category == u"cancelled";
    }

    const QUrl &base = context.target.baseUrl;
    const QString host = base.host();
    QString category = decisive ? decisive->category : (cancelled ? u"cancelled"_s : u"ok"_s);
    QString key = category;
    if (category == u"dns_failure" && decisive && decisive->detail(u"network"_s) == u"none")
        key = u"network_offline"_s;
    else if (category == u"dns_failure" && decisive &&
             decisive->detail(u"lookup result"_s) == u"lookup failed")
        key = u"dns_failure_network"_s;
    else if (category == u"dns_failure" && decisive && decisive->detail(u"known host"_s) == u"yes")
        key = u"dns_failure_known_host"_s;
    else if (category == u"endpoint_not_found" && decisive && !decisive->detail(u"moved to"_s).isEmpty())
        key = u"endpoint_moved"_s;
    else if (category == u"connection_refused" && isLoopback(host) && !context.proxy.proxy)
        key = u"connection_refused_local"_s;
    else if (category == u"upstream_reset" && decisive && !decisive->detail(u"status"_s).isEmpty())
        key = u"upstream_reset_gateway"_s; // a gateway answered, and said its upstream reset
    else if (category == u"upstream_reset" && context.proxy.proxy)
        key = u"upstream_reset_proxy"_s;
    // OpenSSL's words when an https hello gets a plain-HTTP answer.
    if (category == u"tls_handshake_failed" && decisive &&
        decisive->detail(u"error"_s).contains(u"wrong version number"_s))
        key = u"tls_plain_http"_s;
    QString issuer;
    if (category == u"tls_untrusted" && decisive && looksIntercepted(*decisive, host, &issuer))
        key = u"tls_untrusted_interception"_s;
    // The provider's own status page: an outage it reports explains errors from its side.
    static const QStringList providerSide{u"gateway_error"_s, u"upstream_reset"_s, u"gateway_timeout"_s,
                                          u"timeout"_s,       u"server_error"_s,   u"provider_overloaded"_s};
    const std::optional<StatusAssessment> page =
        context.statusPage ? std::optional(assessStatus(*context.statusPage, context.statusComponents))
                           : std::nullopt;
    if (decisive && page && page->apiOutage && providerSide.contains(category) &&
        layerRank(decisive->id) >= layerRank(u"http"_s)) {
        category = u"provider_outage"_s;
        key = category;
    }
    // The path reaches the host, yet the API's port gets no answer: a firewall drops just that.
    if (category == u"connect_timeout" && decisive && decisive->id == u"tcp" && context.path &&
        context.path->reached && !context.proxy.proxy)
        key = u"firewall_blocks_port"_s;
    // Everything works, but packets are lost on the way: worth a verdict of its own.
    const PathAssessment pathLoss = context.path ? assessPath(*context.path) : PathAssessment();
    const bool burstLoss = context.connectBurst && context.connectBurst->lossFound();
    QString where;
    if (!decisive && !cancelled && (burstLoss || pathLoss.lossFound())) {
        category = u"packet_loss"_s;
        key = pathLoss.where == PathAssessment::Where::Local      ? u"packet_loss_local"_s
              : pathLoss.where == PathAssessment::Where::Provider ? u"packet_loss_provider"_s
                                                                  : u"packet_loss"_s;
        if (pathLoss.lossFound())
            where = u" The path test: "_s + pathLoss.sentence();
        else
            where = u" About %1% of the connection attempts' packets were lost."_s.arg(
                std::max(1L, std::lround(context.connectBurst->share * 100)));
        if (pathLoss.where == PathAssessment::Where::Network)
            where += u" Your own link and router are fine; the loss is further on."_s;
    }
    if (adviceCatalogue().value(key).toObject().isEmpty())
        key = u"unknown"_s; // as wordAdvice() falls back

    // Fill the placeholders from what the checks found.
    const CheckResult *http = nullptr;
    for (const CheckResult &r : results) {
        if (r.id == u"http")
            http = &r;
    }
    QString detail;
    if (decisive) {
        detail = decisive->detail(u"provider message"_s);
        if (detail.isEmpty())
            detail = decisive->detail(u"error"_s);
        if (detail.isEmpty())
            detail = decisive->summary;
        while (detail.endsWith(u'.'))
            detail.chop(1); // it goes inside a sentence, in parentheses
    }
    const QString status = http ? http->detail(u"status"_s).section(u' ', 0, 0) : QString();
    const QString hops = http ? http->detail(u"hops"_s) : QString();
    QString suggestion;
    if (decisive && !decisive->detail(u"did you mean"_s).isEmpty())
        suggestion = u" Close names this server offers: %1."_s.arg(decisive->detail(u"did you mean"_s));
    const int port =
        context.proxy.proxy && (category == u"connection_refused" || category == u"connect_timeout")
            ? context.proxy.proxy->port(1080)
            : base.port(base.scheme() == u"https" ? 443 : 80);
    const QString shownHost =
        context.proxy.proxy && decisive && (decisive->id == u"dns" || decisive->id == u"tcp")
            ? context.proxy.proxy->host()
            : host;
    auto fill = [&](QString text) {
        if (status.isEmpty())
            text.replace(u" (HTTP {status})"_s, QString()); // no answer, no status to quote
        text.replace(u"{host}"_s, shownHost);
        text.replace(u"{port}"_s, QString::number(port));
        text.replace(u"{proxy}"_s, context.proxy.proxy ? proxyForDisplay(*context.proxy.proxy) : u"(none)"_s);
        text.replace(u"{status}"_s, status);
        text.replace(u"{model}"_s, context.target.model);
        text.replace(u"{suggestion}"_s, suggestion);
        text.replace(u"{hops}"_s, hops.isEmpty() ? QString() : u" (%1)"_s.arg(hops));
        text.replace(u"{detail}"_s, detail);
        text.replace(u"{issuer}"_s, issuer);
        if (decisive) {
            text.replace(u"{moved}"_s, decisive->detail(u"moved to"_s));
            text = fillPlaceholder(text, u"page_title"_s, decisive->detail(u"page title"_s));
        }
        text.replace(u"{where}"_s, where);
        if (page) {
            const QString name =
                context.statusProviderName.isEmpty() ? u"The provider"_s : context.statusProviderName;
            text.replace(u"{provider}"_s, name);
            text.replace(u"{incident}"_s, page->incident);
            text = fillPlaceholder(
                text, u"incident_update"_s,
                page->latestUpdate.isEmpty()
                    ? QString()
                    : u" Its latest update%1: \"%2\""_s.arg(
                          page->updatedAt.isValid()
                              ? u" ("_s + page->updatedAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s) +
                                    u")"_s
                              : QString(),
                          page->latestUpdate));
            text.replace(u"{page}"_s, context.statusPage->pageUrl);
        }
        return text;
    };

    Verdict v = wordAdvice(key, fill);
    v.category = category;
    v.decidedBy = decisive ? decisive->id : QString();
    if (!decisive && !cancelled) {
        // Passing with warnings: still ok, but say what looked odd.
        for (const CheckResult &r : results) {
            if (r.status != CheckStatus::Warn)
                continue;
            if (category == u"packet_loss" && (r.id == u"loss" || r.id == u"path"))
                continue; // the verdict itself is about them
            // A warning's own advice entries (stream, keep-alive) say what to do about it.
            QStringList steps{u"Worth a look: %1"_s.arg(r.summary)};
            for (const QString &id : r.advice) {
                for (const QJsonValue &step :
                     adviceCatalogue().value(id).toObject().value(u"next_steps").toArray())
                    steps << step.toString();
            }
            v.nextSteps = steps + v.nextSteps;
        }
    }
    if (decisive && page && page->healthy && category != u"provider_outage") {
        QString pointer = decisive->summary;
        while (pointer.endsWith(u'.'))
            pointer.chop(1);
        v.explanation +=
            u" %1's status page reports no problem right now; the checks below point to: %2."_s.arg(
                context.statusProviderName.isEmpty() ? u"The provider"_s : context.statusProviderName,
                pointer);
    }
    if (key == u"tls_untrusted_interception"_s) {
        for (const QString &product : interceptionIssuerNames()) {
            if (issuer.contains(product, Qt::CaseInsensitive)) {
                v.explanation += u" The issuer's name points at %1 software."_s.arg(product);
                break;
            }
        }
    }
    std::optional<ErrorSignature> pasted;
    if (!context.target.errorText.trimmed().isEmpty()) {
        pasted = classifyErrorText(context.target.errorText);
        foldPastedText(v, *pasted, decisive, context);
    }

    // The user's own nginx in front of the API: its timeouts are theirs to change.
    const bool pastedNginx = pasted && v.decidedBy == u"error_text" && pasted->hops.contains(u"nginx"_s) &&
                             (pasted->ownHop || isLocalHost(host));
    const bool ownNginx = (isLocalHost(host) && hops.contains(u"nginx"_s)) || pastedNginx;
    v.snippets = snippetsFor(v.category, ownNginx);
    if (!v.snippets.isEmpty() && v.snippets.first().language == u"nginx") {
        v.nextSteps.prepend(u"The gateway that gave up is your own nginx: give it longer timeouts (the nginx "
                            "block below), then reload it with \"nginx -s reload\"."_s);
        v.blame = u"config"_s; // its settings are the user's to change, whoever is slow behind it
    }
    if (category == u"endpoint_not_found") {
        const QString moved = decisive ? decisive->detail(u"moved to"_s) : QString();
        if (const QString fixed = moved.isEmpty() ? correctedBaseUrl(context.target) : moved;
            !fixed.isEmpty()) {
            v.nextSteps.prepend(u"Use this API address instead: %1"_s.arg(fixed));
            v.snippets.prepend({u"text"_s, u"Corrected API address"_s, fixed});
        }
    }
    return v;
}

Verdict verdictFromAdvice(const QString &key, const QString &category, const QMap<QString, QString> &values)
{
    static const QRegularExpression placeholder(u"\\{([a-z_]+)\\}"_s);
    auto fill = [&](QString text) {
        QStringList names;
        for (auto it = placeholder.globalMatch(text); it.hasNext();)
            names << it.next().captured(1);
        for (const QString &name : std::as_const(names))
            text = fillPlaceholder(text, name, values.value(name));
        return text;
    };
    Verdict v = wordAdvice(hasAdvice(key) ? key : category, fill);
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

Verdict verdictForSignature(const ErrorSignature &sig)
{
    QString key = sig.advice;
    if (sig.ownHop && sig.category != u"unknown")
        key = u"explain_own_gateway"_s;
    // A well-known provider's name always exists: when the app could not look it up, the network's
    // name service failed at the time. (With checks at hand, foldPastedText weighs it against them.)
    const bool knownNameUnresolved = sig.category == u"dns_failure" && sig.blame != u"network" &&
                                     !sig.host.isEmpty() && ProviderCatalog::instance().findByHost(sig.host);
    if (knownNameUnresolved)
        key = u"explain_dns_failure_network"_s;
    if (key.isEmpty() || !hasAdvice(key))
        key = hasAdvice(u"explain_"_s + sig.category) ? u"explain_"_s + sig.category : sig.category;

    QString detail = sig.providerError.message;
    if (detail.isEmpty() && !sig.envoyResetReason.isEmpty())
        detail = u"reset reason: "_s + sig.envoyResetReason;
    while (detail.endsWith(u'.'))
        detail.chop(1);
    const QStringList hops = pathHops(sig.hops);
    auto fill = [&](QString text) {
        text = fillPlaceholder(text, u"host"_s, sig.host, u"the server"_s);
        text = fillPlaceholder(text, u"port"_s, sig.port ? QString::number(sig.port) : QString(),
                               u"the port in the address"_s);
        text = fillPlaceholder(text, u"proxy"_s, QString(), u"your proxy"_s);
        text = fillPlaceholder(text, u"status"_s, sig.status ? QString::number(sig.status) : QString());
        text = fillPlaceholder(text, u"model"_s, sig.model, u"the one your app asked for"_s);
        text = fillPlaceholder(text, u"suggestion"_s, QString());
        text =
            fillPlaceholder(text, u"hops"_s, hops.isEmpty() ? QString() : u" (%1)"_s.arg(hops.join(u", "_s)));
        text = fillPlaceholder(text, u"detail"_s, detail);
        text = fillPlaceholder(text, u"issuer"_s, QString());
        text = fillPlaceholder(text, u"wait"_s, sig.retryAfter, u"the time the provider asks for"_s);
        text = fillPlaceholder(text, u"link"_s, sig.link, u"your provider account's billing page"_s);
        text.replace(u"{meaning}"_s, sig.meaning);
        return text;
    };
    Verdict v = wordAdvice(key, fill);
    v.category = sig.category;
    if (!sig.blame.isEmpty() && sig.blame != u"none")
        v.blame = sig.blame;
    if (knownNameUnresolved)
        v.blame = u"network"_s;
    if (sig.category == u"unknown")
        v.blame = u"none"_s;
    // The advice text of explain_* entries complements the meaning; others repeat the category.
    if (!v.explanation.contains(sig.meaning))
        v.explanation = conciseExplanation(sig.meaning, v.explanation);
    v.confidence = sig.confidence > 0 ? sig.confidence : v.confidence;
    v.decidedBy = u"error_text"_s;
    v.snippets = snippetsFor(sig.category, sig.ownHop && sig.hops.contains(u"nginx"_s));
    return v;
}

} // namespace llmdoctor::core
