#include "target.h"

#include "keylint.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>
#include <QUrlQuery>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

QUrl Target::modelsUrl() const
{
    QUrl url = baseUrl;
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + u"/models"_s);
    return url;
}

bool Target::carriesKey() const
{
    return !sendableKey(apiKey).isEmpty() || !querySecrets(baseUrl).isEmpty();
}

bool isLocalHost(const QString &host)
{
    const QString h = host.toLower();
    const QHostAddress a(h);
    if (!a.isNull()) {
        if (a.isLoopback() || a.isLinkLocal() || a.isUniqueLocalUnicast())
            return true;
        // Private ranges, and the shared range VPN meshes such as Tailscale hand out.
        for (const auto &net :
             {QHostAddress::parseSubnet(u"10.0.0.0/8"_s), QHostAddress::parseSubnet(u"172.16.0.0/12"_s),
              QHostAddress::parseSubnet(u"192.168.0.0/16"_s),
              QHostAddress::parseSubnet(u"100.64.0.0/10"_s)}) {
            if (a.isInSubnet(net))
                return true;
        }
        return false;
    }
    // Single-label names ("gpu-box") and the suffixes home and office networks use.
    return !h.isEmpty() &&
           (h == u"localhost" || !h.contains(u'.') || h.endsWith(u".localhost") || h.endsWith(u".local") ||
            h.endsWith(u".lan") || h.endsWith(u".internal") || h.endsWith(u".home.arpa"));
}

std::optional<QUrl> parseBaseUrl(const QString &text, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    QString t = text.trimmed();
    if (t.isEmpty())
        return fail(QCoreApplication::translate("Lint", "The API address is empty."));
    if (t.contains(u' ') || t.contains(u'\t') || t.contains(u'\n'))
        return fail(QCoreApplication::translate(
                        "Lint", "The API address \"%1\" contains spaces; copy it again without them.")
                        .arg(t));
    // "https:/host", "https//host", "htp:/host": QUrl would take "https" for the server's name.
    static const QRegularExpression mistypedScheme(u"^[A-Za-z][A-Za-z0-9+.-]*(:/?(?!/)|//)"_s);
    static const QRegularExpression hostAndPort(u"^[A-Za-z0-9.-]+:\\d"_s); // "localhost:8080" is fine
    if (!t.contains(u"://") && mistypedScheme.match(t).hasMatch() && !hostAndPort.match(t).hasMatch())
        return fail(
            QCoreApplication::translate(
                "Lint",
                "\"%1\" looks mistyped: a web address starts with https:// (a colon and two slashes), "
                "like https://api.openai.com/v1.")
                .arg(t));
    if (!t.contains(u"://")) {
        // Cloud APIs speak https; servers on this computer or the local network (Ollama, LM
        // Studio, vLLM…) almost always plain http, and https to them fails in a confusing way.
        const QString host = QUrl(u"http://"_s + t).host();
        t.prepend(isLocalHost(host) ? u"http://"_s : u"https://"_s);
    }
    QUrl url(t, QUrl::StrictMode);
    if (!url.isValid())
        return fail(
            QCoreApplication::translate(
                "Lint",
                "\"%1\" is not a valid web address: check it for typos, and that a port (after the colon) "
                "is a number.")
                .arg(text.trimmed()));
    const QString scheme = url.scheme().toLower();
    if (scheme != u"http" && scheme != u"https")
        return fail(
            QCoreApplication::translate(
                "Lint",
                "\"%1\" starts with %2://; API addresses start with https:// (or http:// for a server on "
                "your own computer).")
                .arg(text.trimmed(), scheme));
    if (url.host().isEmpty())
        return fail(QCoreApplication::translate("Lint", "\"%1\" has no server name.").arg(text.trimmed()));
    if (url.port() == 0)
        return fail(QCoreApplication::translate(
                        "Lint", "\"%1\" names port 0, where no server can listen: use the port your server "
                                "listens on, or none for the usual one.")
                        .arg(text.trimmed()));
    url.setScheme(scheme);
    url.setFragment({});
    return url;
}

QString redactKey(const QByteArray &key)
{
    const QByteArray k = key.trimmed();
    if (k.isEmpty())
        return {};
    if (k.size() < 12)
        return u"…(%1 characters)"_s.arg(k.size());
    // Keep a recognisable prefix ("sk-", "sk-ant-", "cpk_") when the key has one.
    qsizetype prefixEnd = 0;
    for (qsizetype i = 0; i < std::min<qsizetype>(k.size() - 8, 8); ++i) {
        if (k[i] == '-' || k[i] == '_')
            prefixEnd = i + 1;
    }
    return QString::fromLatin1(k.left(prefixEnd)) + u"…"_s + QString::fromLatin1(k.right(4));
}

bool isSecretQueryItem(const QString &name)
{
    static const QRegularExpression secret(u"key|token|secret|sig|pass|auth|code|credential"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    return secret.match(name).hasMatch();
}

QList<QByteArray> querySecrets(const QUrl &url)
{
    QList<QByteArray> out;
    const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto &[name, value] : items) {
        if (isSecretQueryItem(name) && !value.isEmpty())
            out << value.toUtf8();
    }
    return out;
}

QString shownUrl(const QUrl &url)
{
    QUrl shown = url.adjusted(QUrl::RemoveUserInfo);
    if (shown.hasQuery()) {
        QUrlQuery query(shown);
        QList<QPair<QString, QString>> items = query.queryItems(QUrl::FullyDecoded);
        for (auto &[name, value] : items) {
            if (isSecretQueryItem(name) && !value.isEmpty())
                value = redactKey(value.toUtf8());
        }
        query.setQueryItems(items);
        shown.setQuery(query);
    }
    return shown.toString();
}

} // namespace llmdoctor::core
