#include "redactor.h"

#include "keylint.h"
#include "target.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <algorithm>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

// How a JSON writer would escape the text (without the quotes).
QByteArray jsonEscaped(const QByteArray &text)
{
    QByteArray doc =
        QJsonDocument(QJsonArray{QJsonValue(QString::fromUtf8(text))}).toJson(QJsonDocument::Compact);
    return doc.mid(2, doc.size() - 4); // ["…"]
}

} // namespace

Redactor::Redactor(const Target &target, const std::optional<QUrl> &proxy)
{
    const QByteArray raw = target.apiKey;
    const QByteArray cleaned = lintApiKey(raw).cleaned;
    m_keyReplacement = redactKey(cleaned.isEmpty() ? raw : cleaned);
    if (!raw.trimmed().isEmpty()) {
        addSecret(raw, m_keyReplacement);
        addSecret(raw.trimmed(), m_keyReplacement);
        addSecret(sendableKey(raw), m_keyReplacement);
        addSecret(cleaned, m_keyReplacement); // as the api_key check retries it
    }
    auto addProxy = [this](const QUrl &url) {
        if (url.password().isEmpty() && url.userName().isEmpty())
            return;
        const QString removed = u"[proxy credentials removed]"_s;
        const QByteArray user = url.userName(QUrl::FullyDecoded).toUtf8();
        const QByteArray pass = url.password(QUrl::FullyDecoded).toUtf8();
        addSecret(user + ':' + pass, removed);
        if (pass.size() >= 3)
            addSecret(pass, removed);
        addSecret(url.userInfo(QUrl::FullyEncoded).toUtf8(), removed);
    };
    if (proxy)
        addProxy(*proxy);
    if (target.proxy.mode == ProxyChoice::Mode::Explicit)
        addProxy(target.proxy.url);
}

void Redactor::addSecret(const QByteArray &secret, const QString &replacement)
{
    if (secret.size() < 4)
        return; // too short to find without mangling ordinary text
    const QByteArray r = replacement.toUtf8();
    const QList<QByteArray> forms{
        secret,
        secret.toBase64(),
        secret.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals),
        secret.toPercentEncoding(),
        QUrl::toPercentEncoding(QString::fromUtf8(secret), "", "+"),
        jsonEscaped(secret),
        secret.toHex()};
    for (const QByteArray &f : forms) {
        if (f.size() < 4)
            continue;
        const bool known =
            std::any_of(m_forms.cbegin(), m_forms.cend(), [&](const Form &x) { return x.bytes == f; });
        if (!known)
            m_forms.append({f, r});
    }
    // Inside a longer base64 text ("Basic dXNlcjpzZWNyZXQ=") the secret may start at any of three
    // offsets; past its first and before its last group it encodes the same whatever surrounds it.
    for (const QByteArray &lead : {QByteArray(), QByteArray(":"), QByteArray("::")}) {
        const QByteArray enc = (lead + secret).toBase64();
        const qsizetype start = lead.isEmpty() ? 0 : 4;
        if (enc.size() - start - 4 >= 8)
            m_forms.append({enc.mid(start, enc.size() - start - 4), r});
    }
    std::stable_sort(m_forms.begin(), m_forms.end(),
                     [](const Form &a, const Form &b) { return a.bytes.size() > b.bytes.size(); });
}

QByteArray Redactor::apply(QByteArray text) const
{
    // Again until nothing changes: the kept end of a redacted key ("sk-…c3f9") followed by text
    // that starts like the key can form the key anew (found by tests/fuzz/fuzz_redactor). A
    // key's replacement is shorter than the key, so this ends; the bound covers replacements
    // that hold a short secret themselves.
    for (int pass = 0; pass < 8; ++pass) {
        const QByteArray before = text;
        for (const Form &f : m_forms)
            text.replace(f.bytes, f.replacement);
        if (text == before)
            break;
    }
    return text;
}

QString Redactor::apply(const QString &text) const
{
    return m_forms.isEmpty() ? text : QString::fromUtf8(apply(text.toUtf8()));
}

bool Redactor::isSecretHeader(QByteArrayView name)
{
    for (const char *secret : {"authorization", "proxy-authorization", "x-api-key", "api-key", "cookie",
                               "set-cookie", "x-goog-api-key"}) {
        if (name.compare(QByteArrayView(secret), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString Redactor::headerValue(QByteArrayView name, const QByteArray &value) const
{
    if (!isSecretHeader(name))
        return apply(QString::fromLatin1(value));
    const QByteArray lower = name.toByteArray().toLower();
    if (lower == "cookie" || lower == "set-cookie")
        return u"[removed]"_s;
    if (lower == "proxy-authorization")
        return u"[proxy credentials removed]"_s;
    // "Bearer sk-…" keeps its scheme, so support can see how the key was sent.
    const qsizetype space = value.indexOf(' ');
    const QString scheme =
        space > 0 && lower == "authorization" ? QString::fromLatin1(value.left(space + 1)) : QString();
    const QString shown = m_keyReplacement.isEmpty() ? u"[removed]"_s : m_keyReplacement;
    return scheme + shown;
}

} // namespace llmdoctor::core
