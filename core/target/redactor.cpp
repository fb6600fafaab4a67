#include "redactor.h"

#include "keylint.h"
#include "target.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <algorithm>
#include <cstring>

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
    // A key carried in the address (?key=, ?code=) is the key.
    QList<QByteArray> inQuery = querySecrets(target.baseUrl);
    if (!target.baseUrlText.isEmpty())
        inQuery += querySecrets(QUrl::fromUserInput(target.baseUrlText.trimmed()));
    for (const QByteArray &secret : std::as_const(inQuery)) {
        const QString shown = redactKey(secret);
        if (m_keyReplacement.isEmpty())
            m_keyReplacement = shown;
        addSecret(secret, shown);
    }
    auto addProxy = [this](const QUrl &url) {
        if (url.password().isEmpty() && url.userName().isEmpty())
            return;
        const QString removed = QCoreApplication::translate("Redactor", "[proxy credentials removed]");
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
        QString::fromUtf8(secret).toHtmlEscaped().toUtf8(),
        secret.toHex(),
        secret.toHex().toUpper()};
    for (const QByteArray &f : forms) {
        if (f.size() < 4)
            continue;
        const bool known =
            std::any_of(m_forms.cbegin(), m_forms.cend(), [&](const Form &x) { return x.bytes == f; });
        if (!known)
            m_forms.append({f, r});
    }
    // Inside a longer base64 or base64url text ("Basic dXNlcjpzZWNyZXQ=") the secret may start at
    // any of three offsets; past its first and before its last group it encodes the same whatever
    // surrounds it.
    for (const auto options : {QByteArray::Base64Encoding, QByteArray::Base64UrlEncoding}) {
        for (const QByteArray &lead : {QByteArray(), QByteArray(":"), QByteArray("::")}) {
            const QByteArray enc = (lead + secret).toBase64(options);
            const qsizetype start = lead.isEmpty() ? 0 : 4;
            if (enc.size() - start - 4 >= 8)
                m_forms.append({enc.mid(start, enc.size() - start - 4), r});
        }
    }
    // Escaped one character at a time (%XX, \u00XX, &#NN;, &#xNN;), in any case and any mix:
    // matched by apply() character by character rather than listed here.
    m_escaped.append({secret, r});
    std::stable_sort(m_forms.begin(), m_forms.end(),
                     [](const Form &a, const Form &b) { return a.bytes.size() > b.bytes.size(); });
}

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// The byte text[at..] spells, and how many characters it takes: itself, %XX, \uXXXX (or \u00XX),
// &#NNN;, &#xHH;, or a named entity for the five HTML specials.
qsizetype decodeOne(const QByteArray &text, qsizetype at, char *byte)
{
    const qsizetype left = text.size() - at;
    const char *p = text.constData() + at;
    if (left >= 3 && p[0] == '%' && hexValue(p[1]) >= 0 && hexValue(p[2]) >= 0) {
        *byte = char(hexValue(p[1]) * 16 + hexValue(p[2]));
        return 3;
    }
    if (left >= 6 && p[0] == '\\' && p[1] == 'u') {
        int v = 0;
        bool hex = true;
        for (int i = 2; i < 6 && hex; ++i) {
            const int h = hexValue(p[i]);
            hex = h >= 0;
            v = v * 16 + h;
        }
        if (hex && v > 0 && v <= 0x7f) {
            *byte = char(v);
            return 6;
        }
    }
    if (left >= 4 && p[0] == '&') {
        static const struct
        {
            const char *name;
            char byte;
        } named[] = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
        for (const auto &n : named) {
            const qsizetype len = qsizetype(std::strlen(n.name));
            if (left >= len && std::memcmp(p, n.name, size_t(len)) == 0) {
                *byte = n.byte;
                return len;
            }
        }
        if (p[1] == '#') {
            const bool hex = left > 2 && (p[2] == 'x' || p[2] == 'X');
            qsizetype i = hex ? 3 : 2;
            int v = 0;
            const qsizetype start = i;
            for (; i < left && i < start + 6; ++i) {
                const int d = hex ? hexValue(p[i]) : (p[i] >= '0' && p[i] <= '9' ? p[i] - '0' : -1);
                if (d < 0)
                    break;
                v = v * (hex ? 16 : 10) + d;
            }
            if (i > start && i < left && p[i] == ';' && v > 0 && v <= 0x7f) {
                *byte = char(v);
                return i + 1;
            }
        }
    }
    // Not an escape: the character stands for itself.
    *byte = p[0];
    return 1;
}

} // namespace

QByteArray Redactor::replaceEscaped(const QByteArray &text) const
{
    QByteArray out = text;
    for (const Form &f : m_escaped) {
        if (f.bytes.isEmpty())
            continue;
        QByteArray result;
        qsizetype i = 0;
        bool changed = false;
        while (i < out.size()) {
            // Only where an escape can start or the first byte matches: keeps plain text fast.
            const char c = out.at(i);
            if (c == f.bytes.at(0) || c == '%' || c == '\\' || c == '&') {
                qsizetype at = i;
                qsizetype k = 0;
                bool escapedAny = false;
                while (k < f.bytes.size() && at < out.size()) {
                    char byte = 0;
                    const qsizetype used = decodeOne(out, at, &byte);
                    if (byte != f.bytes.at(k))
                        break;
                    escapedAny |= used > 1;
                    at += used;
                    ++k;
                }
                if (k == f.bytes.size() && escapedAny) {
                    result += f.replacement;
                    i = at;
                    changed = true;
                    continue;
                }
            }
            result += c;
            ++i;
        }
        if (changed)
            out = result;
    }
    return out;
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
        text = replaceEscaped(text);
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
        return QCoreApplication::translate("Redactor", "[removed]");
    if (lower == "proxy-authorization")
        return QCoreApplication::translate("Redactor", "[proxy credentials removed]");
    // "Bearer sk-…" keeps its scheme, so support can see how the key was sent.
    const qsizetype space = value.indexOf(' ');
    const QString scheme =
        space > 0 && lower == "authorization" ? QString::fromLatin1(value.left(space + 1)) : QString();
    const QString shown =
        m_keyReplacement.isEmpty() ? QCoreApplication::translate("Redactor", "[removed]") : m_keyReplacement;
    return scheme + shown;
}

} // namespace llmdoctor::core
