#pragma once

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <gtest/gtest.h>

namespace llmdoctor::test {

// One provider of resources/core/providers.json, as the network-state matrix runs it.
struct MatrixProvider
{
    QString id;
    QString baseUrl; // empty: the provider has none of its own (azure, custom)
    bool local = false;

    // A realistic address for the providers without one of their own.
    QString address() const
    {
        if (id == QStringLiteral("azure"))
            return QStringLiteral("https://contoso-ai.openai.azure.com/openai/v1");
        if (id == QStringLiteral("custom"))
            return QStringLiteral("https://llm.example.com/v1");
        return baseUrl;
    }
    // The address with its name made unresolvable (.invalid) and the default port.
    QString unresolvableAddress() const
    {
        QUrl url(address());
        url.setHost(QStringLiteral("api.%1.invalid").arg(id));
        url.setPort(-1);
        return url.toString();
    }
};

inline QList<MatrixProvider> catalogueProviders()
{
    QFile f(QStringLiteral(LLMDOCTOR_SOURCE_DIR "/resources/core/providers.json"));
    EXPECT_TRUE(f.open(QIODevice::ReadOnly));
    QList<MatrixProvider> out;
    const QJsonArray providers = QJsonDocument::fromJson(f.readAll())[QStringLiteral("providers")].toArray();
    for (const QJsonValue &v : providers) {
        MatrixProvider p;
        p.id = v[QStringLiteral("id")].toString();
        p.baseUrl = v[QStringLiteral("base_url")].toString();
        const QString host = QUrl(p.baseUrl).host();
        p.local = host == QStringLiteral("localhost") || host == QStringLiteral("127.0.0.1");
        out << p;
    }
    EXPECT_GE(out.size(), 10);
    return out;
}

} // namespace llmdoctor::test
