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
    QStringList keyPrefixes;
    QString statusPage;
    QString keysUrl;

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
    QStringList ids() const;

private:
    QList<Provider> m_providers;
};

} // namespace llmdoctor::core
