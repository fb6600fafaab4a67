#pragma once

#include "../probe/httpmessage.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace llmdoctor::core {

struct Provider
{
    QString id;
    QString name; // as users know it: "ChatGPT / OpenAI"
    QString baseUrl;
    QString auth = QStringLiteral("bearer"); // bearer | x-api-key | api-key | none
    HeaderList extraHeaders;
    QString modelsPath = QStringLiteral("models");
    QStringList alsoValidPaths; // other base paths the provider accepts ("" for DeepSeek's bare host)
    QString chatPath = QStringLiteral("chat/completions"); // the opt-in test request
    QStringList keyPrefixes;                               // lint only: the shapes this provider's keys have
    int keyMinLength = 0;                                  // 0 = unknown
    int keyMaxLength = 0;
    QString errorFormat = QStringLiteral("openai");    // openai | anthropic | openrouter
    QString rateLimitHeaders = QStringLiteral("none"); // openai | anthropic | none
    QString statusPage;                                // the page people open in a browser
    QString statusPlatform;                            // as people call it: "Atlassian Statuspage"
    // How llmdoctor reads it: statuspage | incidentio | betterstack | rootly | link (browser only)
    QString statusApi = QStringLiteral("link");
    QStringList statusComponents; // name patterns of the components that matter for API calls
    QString keysUrl;              // where to get a key
    QString supportUrl;           // where to ask for help
    QString keyEnv = QStringLiteral("LLM_API_KEY"); // where its SDK looks for the key

    // The host of baseUrl ("api.openai.com"); empty for providers without a fixed address.
    QString host() const;
    // True for servers that run on the user's own computer (Ollama, LM Studio, ...).
    bool isLocal() const;
    // True when this provider refuses requests without a key.
    bool needsKey() const { return auth != QLatin1StringView("none") && !isLocal() && !baseUrl.isEmpty(); }

    // The headers that carry this key, in this provider's style.
    HeaderList authHeaders(const QByteArray &key) const;
};

// The providers of resources/core/providers.json.
class ProviderCatalog final
{
public:
    static const ProviderCatalog &instance();
    static ProviderCatalog fromJson(const QByteArray &json, QString *error = nullptr);

    const QList<Provider> &providers() const { return m_providers; }
    std::optional<Provider> find(const QString &id) const;
    // The provider whose fixed address has this host, if any.
    std::optional<Provider> findByHost(const QString &host) const;
    QStringList ids() const;

private:
    QList<Provider> m_providers;
};

} // namespace llmdoctor::core
