#pragma once

#include "proxychoice.h"

#include <QByteArray>
#include <QString>
#include <QUrl>
#include <optional>

namespace llmdoctor::core {

// What we test: one API endpoint as the user described it. The key stays in memory only.
struct Target
{
    QString provider; // catalogue id; empty for a custom OpenAI-compatible server
    QUrl baseUrl;     // e.g. https://api.openai.com/v1
    QString model;
    QByteArray apiKey;
    ProxyChoice proxy;
    QString caFile; // extra trusted certificates (PEM)
    int timeoutMs = 30000;
    QString errorText;   // what the user pasted, if anything
    QString baseUrlText; // the address exactly as typed, for the address lint; empty = baseUrl
    // Opt-in: one tiny completion request, which may cost money. Off unless the user asks.
    // It also allows the streamed completion of the stream check.
    bool sendTestRequest = false;
    // Opt-in: the keep-alive check holds one connection idle for up to ~15 s to find when the
    // server or a hop closes it; too slow for every diagnosis.
    bool checkKeepAlive = false;
    bool checkPath = false; // the path check: the route hop by hop, about 5 s longer
    // The provider's status page as the user gave it (--status-url): a page's base address or
    // one of its JSON files. Empty = the catalogue's page, if any.
    QUrl statusUrl;

    // GET <base>/models: the one request that serves the connectivity, key and model checks.
    QUrl modelsUrl() const;
    // Whether requests carry a key: in a header, or in the address's query (?key=).
    bool carriesKey() const;
};

// A server on this computer or the local network (loopback, private ranges, .local names).
bool isLocalHost(const QString &host);

// Turns what a user typed into a base URL. A missing scheme means https (http for a local
// server). Returns nullopt and a plain-language *error for anything that cannot be an http(s)
// address.
std::optional<QUrl> parseBaseUrl(const QString &text, QString *error);

// "sk-proj-abc…" -> "sk-…c3f9": enough to recognise a key, never enough to use it.
QString redactKey(const QByteArray &key);

// Query items that carry a credential (?key= for Gemini, ?code= for Azure Functions, ?api_key=,
// ?token=, ?sig=…): their values are keys like any other.
bool isSecretQueryItem(const QString &name);
// The decoded values of those items in url.
QList<QByteArray> querySecrets(const QUrl &url);
// An address as shown to people and written to reports: no user info, and each secret query
// value in its redacted form ("?key=AIza…c3f9").
QString shownUrl(const QUrl &url);

} // namespace llmdoctor::core
