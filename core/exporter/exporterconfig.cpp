#include "exporterconfig.h"

#include "../target/providercatalog.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

bool isValidTargetName(const QString &name)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9_.-]{1,64}$"_s);
    return pattern.match(name).hasMatch();
}

namespace {

std::optional<ExporterTarget> parseTarget(const QString &name, const QJsonObject &o, QString *error)
{
    auto fail = [&](const QString &why) {
        *error = u"target \"%1\": %2"_s.arg(name, why);
        return std::nullopt;
    };
    static const QStringList known{u"provider"_s, u"base_url"_s, u"model"_s,   u"api_key_env"_s,
                                   u"proxy"_s,    u"ca_file"_s,  u"timeout"_s, u"status_url"_s};
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() == u"api_key" || it.key() == u"key")
            return fail(u"a key is never read from the config file; name the environment variable that holds "
                        "it in \"api_key_env\""_s);
        if (!known.contains(it.key()))
            return fail(u"unknown field \"%1\" (known: %2)"_s.arg(it.key(), known.join(u", "_s)));
        if (it.key() != u"timeout" && !it.value().isString())
            return fail(u"\"%1\" must be a string"_s.arg(it.key()));
    }
    ExporterTarget t;
    t.name = name;
    Target &target = t.target;
    const QString provider = o.value(u"provider"_s).toString().toLower();
    if (!provider.isEmpty()) {
        if (!ProviderCatalog::instance().find(provider))
            return fail(u"unknown provider \"%1\"; known: %2"_s.arg(
                provider, ProviderCatalog::instance().ids().join(u", "_s)));
        target.provider = provider;
    }
    QString baseUrl = o.value(u"base_url"_s).toString();
    if (baseUrl.isEmpty() && !provider.isEmpty())
        baseUrl = ProviderCatalog::instance().find(provider)->baseUrl;
    if (baseUrl.isEmpty())
        return fail(u"give \"base_url\" or a \"provider\" with a fixed address"_s);
    QString why;
    const auto url = parseBaseUrl(baseUrl, &why);
    if (!url)
        return fail(why);
    target.baseUrl = *url;
    target.baseUrlText = baseUrl;
    target.model = o.value(u"model"_s).toString().trimmed();
    t.apiKeyEnv = o.value(u"api_key_env"_s).toString();
    if (!t.apiKeyEnv.isEmpty() &&
        !QRegularExpression(u"^[A-Za-z_][A-Za-z0-9_]*$"_s).match(t.apiKeyEnv).hasMatch())
        return fail(u"\"api_key_env\" must be an environment variable's name, like OPENAI_API_KEY"_s);
    if (o.contains(u"proxy"_s)) {
        auto choice = ProxyChoice::parse(o.value(u"proxy"_s).toString(), &why);
        if (!choice)
            return fail(why);
        target.proxy = *choice;
    }
    target.caFile = o.value(u"ca_file"_s).toString();
    if (!target.caFile.isEmpty() && !QFile::exists(target.caFile))
        return fail(u"\"ca_file\": \"%1\" does not exist"_s.arg(target.caFile));
    if (o.contains(u"timeout"_s)) {
        const double s = o.value(u"timeout"_s).toDouble(-1);
        if (!o.value(u"timeout"_s).isDouble() || s <= 0 || s > 3600)
            return fail(u"\"timeout\" wants a number of seconds between 0 and 3600"_s);
        target.timeoutMs = int(s * 1000);
    }
    if (o.contains(u"status_url"_s)) {
        const QUrl status = QUrl::fromUserInput(o.value(u"status_url"_s).toString().trimmed());
        if (!status.isValid() || (status.scheme() != u"https" && status.scheme() != u"http") ||
            status.host().isEmpty())
            return fail(u"\"status_url\" wants an http(s) address"_s);
        target.statusUrl = status;
    }
    return t;
}

} // namespace

std::optional<ExporterConfig> parseExporterConfig(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull() || !doc.isObject()) {
        *error =
            parseError.error != QJsonParseError::NoError
                ? u"not valid JSON: %1 (at byte %2)"_s.arg(parseError.errorString()).arg(parseError.offset)
                : u"the config must be a JSON object"_s;
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (it.key() != u"targets") {
            *error = u"unknown field \"%1\" at the top (expected \"targets\")"_s.arg(it.key());
            return std::nullopt;
        }
    }
    if (!root.value(u"targets"_s).isObject()) {
        *error = u"\"targets\" must be an object of named targets"_s;
        return std::nullopt;
    }
    ExporterConfig config;
    const QJsonObject targets = root.value(u"targets"_s).toObject();
    for (auto it = targets.begin(); it != targets.end(); ++it) {
        if (!isValidTargetName(it.key())) {
            *error =
                u"target name \"%1\": use letters, digits, '_', '-' and '.' (at most 64)"_s.arg(it.key());
            return std::nullopt;
        }
        if (!it.value().isObject()) {
            *error = u"target \"%1\" must be an object"_s.arg(it.key());
            return std::nullopt;
        }
        auto t = parseTarget(it.key(), it.value().toObject(), error);
        if (!t)
            return std::nullopt;
        config.targets.insert(it.key(), *t);
    }
    return config;
}

std::optional<ExporterConfig> loadExporterConfig(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = u"cannot read \"%1\": %2"_s.arg(path, f.errorString());
        return std::nullopt;
    }
    const QByteArray data = f.read(4 * 1024 * 1024);
    auto config = parseExporterConfig(data, error);
    if (!config)
        *error = u"%1: %2"_s.arg(path, *error);
    return config;
}

Target resolveTarget(const ExporterTarget &t, const QProcessEnvironment &env)
{
    Target target = t.target;
    if (!t.apiKeyEnv.isEmpty())
        target.apiKey = env.value(t.apiKeyEnv).toUtf8();
    return target;
}

} // namespace llmdoctor::core
