#include "verdict.h"

#include "../checks/diagnosiscontext.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

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

// Checks in the order a connection is built: the earliest failure explains the later ones.
int layerRank(const QString &id)
{
    static const QStringList order{u"dns"_s, u"tcp"_s, u"tls"_s, u"http"_s, u"model"_s};
    const qsizetype i = order.indexOf(id);
    return i < 0 ? int(order.size()) : int(i);
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
    if (category == u"dns_failure" && decisive && decisive->detail(u"lookup result"_s) == u"lookup failed")
        key = u"dns_failure_network"_s;
    else if (category == u"connection_refused" && isLoopback(host) && !context.proxy.proxy)
        key = u"connection_refused_local"_s;
    else if (category == u"upstream_reset" && decisive && !decisive->detail(u"status"_s).isEmpty())
        key = u"upstream_reset_gateway"_s; // a gateway answered, and said its upstream reset
    else if (category == u"upstream_reset" && context.proxy.proxy)
        key = u"upstream_reset_proxy"_s;
    QJsonObject advice = adviceCatalogue().value(key).toObject();
    if (advice.isEmpty()) {
        key = u"unknown"_s;
        advice = adviceCatalogue().value(key).toObject();
    }

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
        text.replace(u"{host}"_s, shownHost);
        text.replace(u"{port}"_s, QString::number(port));
        text.replace(u"{proxy}"_s, context.proxy.proxy ? proxyForDisplay(*context.proxy.proxy) : u"(none)"_s);
        text.replace(u"{status}"_s, status);
        text.replace(u"{model}"_s, context.target.model);
        text.replace(u"{suggestion}"_s, suggestion);
        text.replace(u"{hops}"_s, hops.isEmpty() ? QString() : u" (%1)"_s.arg(hops));
        text.replace(u"{detail}"_s, detail);
        return text;
    };

    Verdict v;
    v.category = category;
    v.blame = advice.value(u"blame").toString(u"none"_s);
    v.headline = fill(advice.value(u"headline").toString());
    v.explanation = fill(advice.value(u"explanation").toString());
    for (const QJsonValue &step : advice.value(u"next_steps").toArray())
        v.nextSteps << fill(step.toString());
    v.confidence = advice.value(u"confidence").toDouble(0.5);
    v.decidedBy = decisive ? decisive->id : QString();
    if (!decisive && !cancelled) {
        // Passing with warnings: still ok, but say what looked odd.
        for (const CheckResult &r : results) {
            if (r.status == CheckStatus::Warn)
                v.nextSteps.prepend(u"Worth a look: %1"_s.arg(r.summary));
        }
    }
    return v;
}

} // namespace llmdoctor::core
