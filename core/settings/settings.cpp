#include "settings.h"

#include "core/target/proxychoice.h"
#include "core/target/target.h"

#include <QRegularExpression>
#include <QUrlQuery>
#include <algorithm>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

// One place for the key names, so a typo cannot make a second setting.
const auto timeoutKey = u"checks/timeoutSeconds"_s;
const auto defaultProviderKey = u"target/defaultProvider"_s;
const auto lastGroup = u"lastTarget"_s;
const auto rememberKeyKey = u"keychain/rememberKey"_s;
const auto geometryKey = u"window/geometry"_s;
const auto stateKey = u"window/state"_s;

QUrl withoutCredentials(QUrl url)
{
    url.setUserInfo({});
    if (url.hasQuery()) {
        QUrlQuery query(url);
        const auto items = query.queryItems(QUrl::FullyEncoded);
        for (const auto &[name, value] : items) {
            if (isSecretQueryItem(name))
                query.removeAllQueryItems(name);
        }
        url.setQuery(query.isEmpty() ? QString() : query.query(QUrl::FullyEncoded), QUrl::StrictMode);
    }
    return url;
}

} // namespace

Settings::Settings() : m_settings(QSettings::UserScope, u"llmdoctor"_s, u"llmdoctor"_s) {}

Settings::Settings(const QString &filePath) : m_settings(filePath, QSettings::IniFormat) {}

int Settings::timeoutSeconds() const
{
    const int s = m_settings.value(timeoutKey, defaultTimeoutSeconds).toInt();
    return std::clamp(s, minTimeoutSeconds, maxTimeoutSeconds);
}

void Settings::setTimeoutSeconds(int seconds)
{
    m_settings.setValue(timeoutKey, std::clamp(seconds, minTimeoutSeconds, maxTimeoutSeconds));
}

QString Settings::defaultProvider() const
{
    return m_settings.value(defaultProviderKey).toString();
}

void Settings::setDefaultProvider(const QString &id)
{
    m_settings.setValue(defaultProviderKey, id);
}

std::optional<Target> Settings::lastTarget() const
{
    const QString url = m_settings.value(lastGroup + u"/baseUrl"_s).toString();
    if (url.isEmpty())
        return std::nullopt;
    QString why;
    auto parsed = parseBaseUrl(url, &why);
    if (!parsed)
        return std::nullopt; // edited by hand into something unusable: start fresh
    Target t;
    t.baseUrl = *parsed;
    t.provider = m_settings.value(lastGroup + u"/provider"_s).toString();
    t.model = m_settings.value(lastGroup + u"/model"_s).toString();
    if (auto proxy = ProxyChoice::parse(m_settings.value(lastGroup + u"/proxy"_s).toString(), &why))
        t.proxy = *proxy;
    t.caFile = m_settings.value(lastGroup + u"/caFile"_s).toString();
    t.timeoutMs = std::clamp(m_settings.value(lastGroup + u"/timeoutSeconds"_s, timeoutSeconds()).toInt(),
                             minTimeoutSeconds, maxTimeoutSeconds) *
                  1000;
    return t;
}

void Settings::setLastTarget(const Target &target)
{
    // Deliberately not saved: apiKey, errorText (may quote a key), sendTestRequest (costs money,
    // so it is asked for each time), statusUrl (a one-off override).
    m_settings.remove(lastGroup);
    m_settings.beginGroup(lastGroup);
    m_settings.setValue(u"provider"_s, target.provider);
    m_settings.setValue(u"baseUrl"_s, withoutCredentials(target.baseUrl).toString());
    m_settings.setValue(u"model"_s, target.model);
    QString proxy;
    switch (target.proxy.mode) {
    case ProxyChoice::Mode::Auto:
        break;
    case ProxyChoice::Mode::None:
        proxy = u"none"_s;
        break;
    case ProxyChoice::Mode::System:
        proxy = u"system"_s;
        break;
    case ProxyChoice::Mode::Explicit:
        proxy = proxyForDisplay(target.proxy.url); // without user:password
        break;
    }
    m_settings.setValue(u"proxy"_s, proxy);
    m_settings.setValue(u"caFile"_s, target.caFile);
    m_settings.setValue(u"timeoutSeconds"_s,
                        std::clamp(target.timeoutMs / 1000, minTimeoutSeconds, maxTimeoutSeconds));
    m_settings.endGroup();
}

void Settings::forgetLastTarget()
{
    m_settings.remove(lastGroup);
}

bool Settings::rememberKey() const
{
    return m_settings.value(rememberKeyKey, false).toBool();
}

void Settings::setRememberKey(bool remember)
{
    m_settings.setValue(rememberKeyKey, remember);
}

QByteArray Settings::windowGeometry() const
{
    return m_settings.value(geometryKey).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings.setValue(geometryKey, geometry);
}

QByteArray Settings::windowState() const
{
    return m_settings.value(stateKey).toByteArray();
}

void Settings::setWindowState(const QByteArray &state)
{
    m_settings.setValue(stateKey, state);
}

void Settings::clear()
{
    m_settings.clear();
}

void Settings::sync()
{
    m_settings.sync();
}

QString Settings::fileName() const
{
    return m_settings.fileName();
}

bool Settings::ok() const
{
    return m_settings.status() == QSettings::NoError;
}

} // namespace llmdoctor::core
