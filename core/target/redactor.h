#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

namespace llmdoctor::core {

struct Target;

// Removes secrets from anything written out: the API key (also one carried in the address's
// query, ?key= or ?code=) raw, trimmed, in base64 or base64url at any offset (as a Basic credential
// might carry it), hex in either case, and escaped character by character in any mix of %XX,
// \uXXXX and HTML character references; proxy
// credentials in the same forms. Each becomes the key's redacted form ("sk-…c3f9") or
// "[proxy credentials removed]". A last pass over every report, on top of the exporters
// never writing a secret in the first place.
class Redactor final
{
public:
    Redactor() = default;
    explicit Redactor(const Target &target, const std::optional<QUrl> &proxy = std::nullopt);

    void addSecret(const QByteArray &secret, const QString &replacement);
    QByteArray apply(QByteArray text) const;
    QString apply(const QString &text) const;

    // Header values that are secrets whatever they hold.
    static bool isSecretHeader(QByteArrayView name);
    // The value shown for a secret header: its scheme ("Bearer") and the redacted key.
    QString headerValue(QByteArrayView name, const QByteArray &value) const;

    QString keyReplacement() const { return m_keyReplacement; }

private:
    struct Form
    {
        QByteArray bytes;
        QByteArray replacement;
    };
    QByteArray replaceEscaped(const QByteArray &text) const;
    QList<Form> m_forms;   // longest first, so a key inside a longer form goes with it
    QList<Form> m_escaped; // secrets to find however their characters are escaped
    QString m_keyReplacement;
};

} // namespace llmdoctor::core
