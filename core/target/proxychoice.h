#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QUrl>
#include <optional>

namespace llmdoctor::core {

// What the user asked for: --proxy URL|system|none, or nothing (auto).
struct ProxyChoice
{
    enum class Mode
    {
        Auto,
        None,
        System,
        Explicit
    };
    Mode mode = Mode::Auto;
    QUrl url; // Explicit only

    // Parses the --proxy argument; returns nullopt and sets *error for a malformed value.
    static std::optional<ProxyChoice> parse(const QString &text, QString *error);
};

// The proxy that applies to one target URL, and why.
struct ProxyDecision
{
    std::optional<QUrl> proxy;      // an http:// proxy; credentials, if any, are in the URL
    QString source;                 // "--proxy", "HTTPS_PROXY", "system", ... ; empty when direct
    QString reason;                 // plain words: why this proxy, or why none
    bool systemQueryNeeded = false; // decided only once the system proxy settings are read
};

// Auto: HTTPS_PROXY/HTTP_PROXY/ALL_PROXY (either case) honouring NO_PROXY, then the system
// proxy. Loopback targets are never proxied in Auto or System mode.
// Reading the system settings can block (libproxy may fetch a PAC file): with querySystem false,
// a decision that needs them comes back with systemQueryNeeded set, to be redone off the GUI thread.
ProxyDecision decideProxy(const ProxyChoice &choice, const QUrl &target, const QProcessEnvironment &env,
                          bool querySystem = true);

// NO_PROXY matching as curl does it: "*", host suffixes (".example.com" or "example.com"),
// IP addresses, CIDR ranges, optional ":port".
bool noProxyMatches(const QString &noProxy, const QUrl &target);

// "http://user:secret@proxy:3128" -> "http://proxy:3128": proxy credentials never reach a report.
QString proxyForDisplay(const QUrl &proxy);

} // namespace llmdoctor::core
