#include "providercatalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

HeaderList Provider::authHeaders(const QByteArray &key) const
{
    HeaderList h = extraHeaders;
    if (key.isEmpty() || auth == u"none")
        return h;
    if (auth == u"x-api-key")
        h.append({"x-api-key", key});
    else if (auth == u"api-key")
        h.append({"api-key", key});
    else
        h.append({"Authorization", "Bearer " + key});
    return h;
}

QString Provider::host() const
{
    return baseUrl.isEmpty() ? QString() : QUrl(baseUrl).host().toLower();
}

bool Provider::isLocal() const
{
    const QString h = host();
    return h == u"localhost" || h.startsWith(u"127.");
}

ProviderCatalog ProviderCatalog::fromJson(const QByteArray &json, QString *error)
{
    ProviderCatalog catalog;
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &perr);
    if (perr.error != QJsonParseError::NoError) {
        if (error)
            *error = perr.errorString();
        return catalog;
    }
    for (const QJsonValue &v : doc.object().value(u"providers").toArray()) {
        const QJsonObject o = v.toObject();
        Provider p;
        p.id = o.value(u"id").toString();
        p.name = o.value(u"name").toString();
        p.baseUrl = o.value(u"base_url").toString();
        p.auth = o.value(u"auth").toString(u"bearer"_s);
        p.modelsPath = o.value(u"models_path").toString(u"models"_s);
        // "status_page" is {platform, url}; a bare URL string (the older form) is a link.
        if (const QJsonValue page = o.value(u"status_page"); page.isObject()) {
            p.statusPage = page.toObject().value(u"url").toString();
            p.statusApi = page.toObject().value(u"platform").toString(u"link"_s);
        } else {
            p.statusPage = page.toString();
        }
        for (const QJsonValue &pattern : o.value(u"status_components").toArray())
            p.statusComponents << pattern.toString();
        p.keysUrl = o.value(u"keys_url").toString();
        p.supportUrl = o.value(u"support_url").toString();
        p.keyEnv = o.value(u"key_env").toString(p.keyEnv);
        p.statusPlatform = o.value(u"status_platform").toString();
        p.chatPath = o.value(u"chat_path").toString(u"chat/completions"_s);
        p.errorFormat = o.value(u"error_format").toString(u"openai"_s);
        p.rateLimitHeaders = o.value(u"rate_limit_headers").toString(u"none"_s);
        if (const QJsonArray len = o.value(u"key_length").toArray(); len.size() == 2) {
            p.keyMinLength = len.at(0).toInt();
            p.keyMaxLength = len.at(1).toInt();
        }
        for (const QJsonValue &path : o.value(u"also_valid_paths").toArray())
            p.alsoValidPaths << path.toString();
        for (const QJsonValue &prefix : o.value(u"key_prefixes").toArray())
            p.keyPrefixes << prefix.toString();
        const QJsonObject extra = o.value(u"extra_headers").toObject();
        for (auto it = extra.begin(); it != extra.end(); ++it)
            p.extraHeaders.append({it.key().toLatin1(), it.value().toString().toLatin1()});
        if (!p.id.isEmpty())
            catalog.m_providers.append(p);
    }
    return catalog;
}

const ProviderCatalog &ProviderCatalog::instance()
{
    static const ProviderCatalog catalog = [] {
        QFile f(u":/llmdoctor/providers.json"_s);
        if (!f.open(QIODevice::ReadOnly))
            qFatal("providers.json is missing from the resources");
        return fromJson(f.readAll());
    }();
    return catalog;
}

std::optional<Provider> ProviderCatalog::find(const QString &id) const
{
    for (const Provider &p : m_providers) {
        if (p.id.compare(id, Qt::CaseInsensitive) == 0)
            return p;
    }
    return std::nullopt;
}

std::optional<Provider> ProviderCatalog::findByHost(const QString &host) const
{
    const QString h = host.toLower();
    for (const Provider &p : m_providers) {
        if (!p.host().isEmpty() && !p.isLocal() && p.host() == h)
            return p;
    }
    return std::nullopt;
}

QStringList ProviderCatalog::ids() const
{
    QStringList out;
    for (const Provider &p : m_providers)
        out << p.id;
    return out;
}

} // namespace llmdoctor::core
