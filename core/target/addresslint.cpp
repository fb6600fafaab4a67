#include "addresslint.h"

#include "providercatalog.h"
#include "target.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QUrl>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

// Characters that look like ASCII ones, as word processors, chat apps and PDFs produce them.
QChar asciiLookAlike(QChar c)
{
    switch (c.unicode()) {
    case 0x0430:
        return u'a'; // Cyrillic а
    case 0x0435:
        return u'e'; // Cyrillic е
    case 0x043E:
        return u'o'; // Cyrillic о
    case 0x0440:
        return u'p'; // Cyrillic р
    case 0x0441:
        return u'c'; // Cyrillic с
    case 0x0443:
        return u'y'; // Cyrillic у
    case 0x0445:
        return u'x'; // Cyrillic х
    case 0x0456:
        return u'i'; // Cyrillic і
    case 0x0458:
        return u'j'; // Cyrillic ј
    case 0x0455:
        return u's'; // Cyrillic ѕ
    case 0x03BF:
        return u'o'; // Greek ο
    case 0x03B1:
        return u'a'; // Greek α
    case 0x03BD:
        return u'v'; // Greek ν
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2212:
        return u'-';
    case 0x2024:
    case 0xFF0E:
        return u'.';
    case 0x2215:
    case 0x2044:
    case 0xFF0F:
        return u'/';
    case 0xFF1A:
        return u':';
    default:
        break;
    }
    if (c.unicode() >= 0xFF01 && c.unicode() <= 0xFF5E) // fullwidth forms
        return QChar(c.unicode() - 0xFEE0);
    return {};
}

bool invisible(QChar c)
{
    const char16_t u = c.unicode();
    return u == 0x200B || u == 0x200C || u == 0x200D || u == 0x2060 || u == 0xFEFF || u == 0x00A0 ||
           u == 0x00AD;
}

QString charName(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= 0x0400 && u <= 0x04FF)
        return u"a Cyrillic letter"_s;
    if (u >= 0x0370 && u <= 0x03FF)
        return u"a Greek letter"_s;
    if (u >= 0x2010 && u <= 0x2015)
        return u"a typographic dash"_s;
    if (u >= 0xFF01 && u <= 0xFF5E)
        return QCoreApplication::translate("Lint", "a wide (full-width) character");
    return u"a special character (U+%1)"_s.arg(QString::number(u, 16).toUpper().rightJustified(4, u'0'));
}

QString registeredDomain(const QString &host)
{
    const QStringList labels = host.split(u'.');
    return labels.size() < 2 ? host : labels.mid(labels.size() - 2).join(u'.');
}

QString trimmedPath(QString path)
{
    while (path.endsWith(u'/'))
        path.chop(1);
    return path;
}

QString withPath(QUrl url, const QString &path)
{
    url.setPath(path);
    url.setQuery(QString());
    return shownUrl(url);
}

LintFinding finding(const QString &code, bool fatal, const QString &message, const QString &suggestion = {},
                    Category category = Category::Ok)
{
    return LintFinding{code, fatal, message, suggestion, category};
}

} // namespace

int editDistance(const QString &a, const QString &b)
{
    QList<int> prev(b.size() + 1), cur(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        prev[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        cur[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

QList<LintFinding> lintBaseUrl(const QString &text, const QString &providerId)
{
    QList<LintFinding> out;
    const ProviderCatalog &catalog = ProviderCatalog::instance();
    const std::optional<Provider> chosen = providerId.isEmpty() ? std::nullopt : catalog.find(providerId);

    QString t = text;
    if (t.trimmed().isEmpty()) {
        out << finding(u"empty"_s, true, QCoreApplication::translate("Lint", "The API address is empty."),
                       chosen ? chosen->baseUrl : QString(), Category::EndpointNotFound);
        return out;
    }
    if (t != t.trimmed()) {
        t = t.trimmed();
        out << finding(u"whitespace"_s, false,
                       QCoreApplication::translate(
                           "Lint",
                           "The address has a space or line break at its start or end; remove it and type "
                           "\"%1\".")
                           .arg(t),
                       t);
    }
    if (t.contains(QChar(u' ')) || t.contains(QChar(u'\t')) || t.contains(QChar(u'\n'))) {
        QString fixed = t;
        fixed.remove(QChar(u' ')).remove(QChar(u'\t')).remove(QChar(u'\n')).remove(QChar(u'\r'));
        out << finding(
            u"whitespace_inside"_s, true,
            QCoreApplication::translate(
                "Lint", "The address has a space or line break in the middle; type \"%1\" instead.")
                .arg(fixed),
            fixed, Category::EndpointNotFound);
        t = fixed;
    }
    // Look-alike and invisible characters: the address reads right but points somewhere else.
    QString ascii;
    QString firstOdd;
    for (const QChar c : std::as_const(t)) {
        if (c.unicode() < 0x80) {
            ascii += c;
            continue;
        }
        if (invisible(c)) {
            if (firstOdd.isEmpty())
                firstOdd = QCoreApplication::translate("Lint", "an invisible character");
            continue;
        }
        const QChar plain = asciiLookAlike(c);
        if (firstOdd.isEmpty())
            firstOdd = plain.isNull() ? charName(c)
                                      : QCoreApplication::translate("Lint", "%1 that looks like \"%2\"")
                                            .arg(charName(c), QString(plain));
        ascii += plain.isNull() ? c : plain;
    }
    if (!firstOdd.isEmpty()) {
        out << finding(
            u"lookalike"_s, true,
            QCoreApplication::translate(
                "Lint", "The address contains %1, so it points to a different server than it seems. Type it "
                        "by hand: \"%2\".")
                .arg(firstOdd, ascii),
            ascii, Category::DnsFailure);
        t = ascii;
    }

    const bool hasScheme = t.contains(u"://");
    QString why;
    const std::optional<QUrl> parsed = parseBaseUrl(t, &why);
    if (!parsed) {
        out << finding(u"unreadable"_s, true, why, QString(), Category::EndpointNotFound);
        return out;
    }
    QUrl url = *parsed;
    const QString host = url.host().toLower();
    const bool local = isLocalHost(host);
    // A missing scheme is told last, with every other fix already in the address to type.
    qsizetype schemeFindingAt = -1;
    if (!hasScheme) {
        url.setScheme(local ? u"http"_s : u"https"_s);
        schemeFindingAt = out.size();
    }

    const std::optional<Provider> byHost = catalog.findByHost(host);
    const std::optional<Provider> &known = byHost;
    if (url.scheme() == u"http" && !local &&
        (known || (chosen && !chosen->isLocal() && chosen->id != u"custom"))) {
        QUrl fixed = url;
        fixed.setScheme(u"https"_s);
        fixed.setPort(url.port() == 80 ? -1 : url.port());
        out << finding(
            u"http_cloud"_s, false,
            QCoreApplication::translate(
                "Lint",
                "The address starts with http://, so the key would travel unencrypted, and cloud APIs "
                "refuse such connections. Type \"%1\".")
                .arg(shownUrl(fixed)),
            shownUrl(fixed));
    }

    // The path: an endpoint pasted as the base, a doubled or missing /v1.
    QString path = trimmedPath(url.path());
    static const QStringList endpoints{
        u"/chat/completions"_s, u"/completions"_s, u"/messages"_s, u"/embeddings"_s,
        u"/responses"_s,        u"/models"_s,      u"/chat"_s};
    for (const QString &e : endpoints) {
        if (path.endsWith(e, Qt::CaseInsensitive)) {
            const QString base = trimmedPath(path.chopped(e.size()));
            const QString fixed = withPath(url, base);
            out << finding(
                u"endpoint_path"_s, true,
                QCoreApplication::translate(
                    "Lint",
                    "The address ends with %1, which is one endpoint of the API, not its base address: "
                    "your app adds that part itself. Type \"%2\".")
                    .arg(e, fixed),
                fixed, Category::EndpointNotFound);
            path = base;
            break;
        }
    }
    if (path.contains(u"/v1/v1"_s, Qt::CaseInsensitive)) {
        QString fixedPath = path;
        while (fixedPath.contains(u"/v1/v1"_s, Qt::CaseInsensitive))
            fixedPath.replace(u"/v1/v1"_s, u"/v1"_s, Qt::CaseInsensitive);
        const QString fixed = withPath(url, fixedPath);
        out << finding(
            u"doubled_v1"_s, true,
            QCoreApplication::translate(
                "Lint",
                "The address has /v1 twice, so every request goes to a path that does not exist. Type "
                "\"%1\".")
                .arg(fixed),
            fixed, Category::EndpointNotFound);
        path = fixedPath;
    }
    if (known) {
        const QString expected = trimmedPath(QUrl(known->baseUrl).path());
        const bool fine = path.compare(expected, Qt::CaseInsensitive) == 0 ||
                          std::any_of(known->alsoValidPaths.cbegin(), known->alsoValidPaths.cend(),
                                      [&](const QString &p) { return trimmedPath(p) == path; });
        if (!fine) {
            QUrl fixed = url;
            fixed.setScheme(u"https"_s);
            const QString fixedText = withPath(fixed, expected);
            if (expected.endsWith(u"/v1") && !path.endsWith(u"/v1") && expected.startsWith(path)) {
                out << finding(
                    u"missing_v1"_s, true,
                    QCoreApplication::translate(
                        "Lint",
                        "The address is missing the %1 at its end, so requests go to a path that does "
                        "not exist. Type \"%2\".")
                        .arg(expected.mid(path.size()), fixedText),
                    fixedText, Category::EndpointNotFound);
            } else {
                out << finding(u"path_differs"_s, false,
                               QCoreApplication::translate(
                                   "Lint", "%1's API address is \"%2\"; yours has a different path.")
                                   .arg(known->name, fixedText),
                               fixedText);
            }
        }
    } else if (!local) {
        // One typo away from a known provider, or the provider's website instead of its API.
        for (const Provider &p : catalog.providers()) {
            const QString ph = p.host();
            if (ph.isEmpty() || p.isLocal() || ph == host)
                continue;
            const int d = editDistance(host, ph);
            if (d >= 1 && d <= (ph.size() > 10 ? 2 : 1)) {
                out << finding(u"host_typo"_s, false,
                               QCoreApplication::translate(
                                   "Lint", "\"%1\" is almost \"%2\", the address of %3. Did you mean \"%4\"?")
                                   .arg(host, ph, p.name, p.baseUrl),
                               p.baseUrl);
                break;
            }
            if (registeredDomain(host) == registeredDomain(ph)) {
                out << finding(
                    u"website_not_api"_s, false,
                    QCoreApplication::translate("Lint", "\"%1\" is %2's website, not its API. Type \"%3\".")
                        .arg(host, p.name, p.baseUrl),
                    p.baseUrl);
                break;
            }
        }
    }
    if (schemeFindingAt >= 0) {
        const QString fixed = withPath(url, path);
        out.insert(
            schemeFindingAt,
            finding(u"missing_scheme"_s, false,
                    QCoreApplication::translate(
                        "Lint", "The address does not say how to connect: type \"%1\" (with %2:// in front).")
                        .arg(fixed, url.scheme()),
                    fixed));
    }
    if (chosen && byHost && byHost->id != chosen->id && chosen->id != u"custom") {
        out << finding(
            u"other_provider"_s, false,
            QCoreApplication::translate(
                "Lint", "This is the address of %1, but you chose %2. Pick %1, or type %2's address \"%3\".")
                .arg(byHost->name, chosen->name, chosen->baseUrl),
            chosen->baseUrl);
    }
    return out;
}

} // namespace llmdoctor::core
