#include "proxychoice.h"

#include <QHostAddress>
#include <QNetworkProxyFactory>
#include <QNetworkProxyQuery>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

bool isLoopbackHost(const QString &host)
{
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0 ||
        host.endsWith(u".localhost", Qt::CaseInsensitive))
        return true;
    const QHostAddress addr(host);
    return !addr.isNull() && addr.isLoopback();
}

std::optional<QUrl> parseProxyUrl(const QString &raw, QString *error)
{
    QString text = raw.trimmed();
    if (!text.contains(u"://"))
        text.prepend(u"http://"); // curl's convention for a bare host:port
    QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        if (error)
            *error = QStringLiteral("\"%1\" is not a proxy address (expected http://host:port)").arg(raw);
        return std::nullopt;
    }
    if (url.scheme() != u"http") {
        if (error)
            *error = QStringLiteral("proxy scheme \"%1\" is not supported yet; use an http:// proxy")
                         .arg(url.scheme());
        return std::nullopt;
    }
    if (url.port() == 0) {
        if (error)
            *error = QStringLiteral("\"%1\" names port 0, where no proxy can listen").arg(raw);
        return std::nullopt;
    }
    if (url.port() < 0)
        url.setPort(1080); // curl's default proxy port
    return url;
}

} // namespace

std::optional<ProxyChoice> ProxyChoice::parse(const QString &text, QString *error)
{
    ProxyChoice choice;
    const QString t = text.trimmed();
    if (t.compare(u"none", Qt::CaseInsensitive) == 0 || t.compare(u"direct", Qt::CaseInsensitive) == 0) {
        choice.mode = Mode::None;
    } else if (t.compare(u"system", Qt::CaseInsensitive) == 0) {
        choice.mode = Mode::System;
    } else if (t.isEmpty() || t.compare(u"auto", Qt::CaseInsensitive) == 0) {
        choice.mode = Mode::Auto;
    } else {
        auto url = parseProxyUrl(t, error);
        if (!url)
            return std::nullopt;
        choice.mode = Mode::Explicit;
        choice.url = *url;
    }
    return choice;
}

bool noProxyMatches(const QString &noProxy, const QUrl &target)
{
    const QString host = target.host().toLower();
    const int port = target.port(target.scheme() == u"https" ? 443 : 80);
    const QHostAddress hostAddr(host);
    const auto entries = noProxy.split(u',', Qt::SkipEmptyParts);
    for (QString entry : entries) {
        entry = entry.trimmed().toLower();
        if (entry.isEmpty())
            continue;
        if (entry == u"*")
            return true;
        // A trailing ":port" restricts the entry to that port (not for bare IPv6).
        int entryPort = -1;
        const qsizetype colon = entry.lastIndexOf(u':');
        if (colon > 0 && entry.count(u':') == 1) {
            bool ok = false;
            entryPort = entry.mid(colon + 1).toInt(&ok);
            if (!ok)
                continue;
            entry.truncate(colon);
        }
        if (entryPort >= 0 && entryPort != port)
            continue;
        if (entry.startsWith(u'[') && entry.endsWith(u']'))
            entry = entry.mid(1, entry.size() - 2);
        if (!hostAddr.isNull()) {
            if (entry.contains(u'/')) {
                const auto subnet = QHostAddress::parseSubnet(entry);
                if (subnet.second >= 0 && hostAddr.isInSubnet(subnet))
                    return true;
            } else if (QHostAddress(entry) == hostAddr) {
                return true;
            }
            continue;
        }
        if (entry.startsWith(u'.'))
            entry.remove(0, 1);
        if (host == entry || host.endsWith(u'.' + entry))
            return true;
    }
    return false;
}

ProxyDecision decideProxy(const ProxyChoice &choice, const QUrl &target, const QProcessEnvironment &env,
                          bool querySystem)
{
    ProxyDecision d;
    switch (choice.mode) {
    case ProxyChoice::Mode::None:
        d.reason = QStringLiteral("no proxy (--proxy none)");
        return d;
    case ProxyChoice::Mode::Explicit:
        d.proxy = choice.url;
        d.source = QStringLiteral("--proxy");
        d.reason = QStringLiteral("the proxy given with --proxy");
        return d;
    case ProxyChoice::Mode::Auto:
    case ProxyChoice::Mode::System:
        break;
    }
    if (isLoopbackHost(target.host())) {
        d.reason = QStringLiteral("a server on this computer is reached directly");
        return d;
    }
    const bool https = target.scheme() == u"https";
    if (choice.mode == ProxyChoice::Mode::Auto) {
        const QStringList names =
            https ? QStringList{u"https_proxy"_s, u"HTTPS_PROXY"_s, u"all_proxy"_s, u"ALL_PROXY"_s}
                  : QStringList{u"http_proxy"_s, u"all_proxy"_s, u"ALL_PROXY"_s};
        // HTTP_PROXY (upper case) is ignored for http targets, as curl does (the httpoxy issue).
        for (const QString &name : names) {
            const QString value = env.value(name).trimmed();
            if (value.isEmpty())
                continue;
            const QString noProxy = env.value(u"no_proxy"_s, env.value(u"NO_PROXY"_s));
            if (noProxyMatches(noProxy, target)) {
                d.reason =
                    QStringLiteral("%1 is set, but NO_PROXY excludes %2").arg(name.toUpper(), target.host());
                return d;
            }
            QString error;
            if (auto url = parseProxyUrl(value, &error)) {
                d.proxy = *url;
                d.source = name.toUpper();
                d.reason = QStringLiteral("the %1 environment variable").arg(name.toUpper());
            } else {
                d.reason = QStringLiteral("%1 is set but unusable: %2").arg(name.toUpper(), error);
            }
            return d;
        }
    }
    if (!querySystem) {
        d.systemQueryNeeded = true;
        return d;
    }
    const auto proxies = QNetworkProxyFactory::systemProxyForQuery(QNetworkProxyQuery(target));
    for (const QNetworkProxy &p : proxies) {
        if (p.type() == QNetworkProxy::HttpProxy && !p.hostName().isEmpty()) {
            QUrl url;
            url.setScheme(u"http"_s);
            url.setHost(p.hostName());
            url.setPort(p.port());
            if (!p.user().isEmpty()) {
                url.setUserName(p.user());
                url.setPassword(p.password());
            }
            d.proxy = url;
            d.source = QStringLiteral("system");
            d.reason = QStringLiteral("the system proxy settings");
            return d;
        }
    }
    d.reason = QStringLiteral("no proxy is configured");
    return d;
}

QString proxyForDisplay(const QUrl &proxy)
{
    return proxy.adjusted(QUrl::RemoveUserInfo).toString();
}

} // namespace llmdoctor::core
