#include "keylint.h"

#include "providercatalog.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

bool isInvisible(char32_t u)
{
    return u == 0x200B || u == 0x200C || u == 0x200D || u == 0x2060 || u == 0xFEFF || u == 0x00A0 ||
           u == 0x00AD;
}

bool isQuote(QChar c)
{
    return c == u'"' || c == u'\'' || c == u'`' || c == QChar(0x201C) || c == QChar(0x201D) ||
           c == QChar(0x2018) || c == QChar(0x2019) || c == QChar(0x00AB) || c == QChar(0x00BB);
}

// The longest key prefix of the catalogue this key starts with, and whose it is.
std::pair<qsizetype, const Provider *> bestPrefix(const QString &key, const QList<Provider> &providers,
                                                  const QString &onlyId = QString())
{
    std::pair<qsizetype, const Provider *> best{0, nullptr};
    for (const Provider &p : providers) {
        if (!onlyId.isEmpty() && p.id != onlyId)
            continue;
        for (const QString &prefix : p.keyPrefixes) {
            if (key.startsWith(prefix) && prefix.size() > best.first)
                best = {prefix.size(), &p};
        }
    }
    return best;
}

LintFinding finding(const QString &code, bool fatal, const QString &message, Category category = Category::Ok)
{
    return LintFinding{code, fatal, message, QString(), category};
}

} // namespace

QString providerForKey(const QByteArray &key)
{
    const QString k = QString::fromUtf8(sendableKey(key));
    const QList<Provider> &providers = ProviderCatalog::instance().providers();
    const auto best = bestPrefix(k, providers);
    if (!best.second)
        return {};
    // Another provider with a prefix as long that fits too: the shape does not tell them apart.
    for (const Provider &p : providers) {
        if (p.id == best.second->id)
            continue;
        for (const QString &prefix : p.keyPrefixes) {
            if (prefix.size() == best.first && k.startsWith(prefix))
                return {};
        }
    }
    return best.second->id;
}

QByteArray sendableKey(const QByteArray &key)
{
    QByteArray out = key.trimmed();
    out.removeIf([](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
    return out;
}

KeyLint lintApiKey(const QByteArray &key, const QString &providerId)
{
    KeyLint lint;
    const ProviderCatalog &catalog = ProviderCatalog::instance();
    const std::optional<Provider> chosen = providerId.isEmpty() ? std::nullopt : catalog.find(providerId);
    const QString raw = QString::fromUtf8(key);
    QString k = raw.trimmed();

    if (k.isEmpty()) {
        if (chosen && chosen->needsKey())
            lint.findings << finding(
                u"missing"_s, true,
                QCoreApplication::translate("Lint", "No API key was given, and %1 needs one.%2")
                    .arg(chosen->name, chosen->keysUrl.isEmpty()
                                           ? QString()
                                           : QCoreApplication::translate("Lint", " You can create one at %1.")
                                                 .arg(chosen->keysUrl)),
                Category::AuthMissingKey);
        return lint;
    }

    // Surrounding whitespace: a header drops it, but many apps send it and fail.
    if (raw != k) {
        QStringList where;
        if (raw.front().isSpace())
            where << (raw.front() == u'\n' || raw.front() == u'\r'
                          ? QCoreApplication::translate("Lint", "starts with a line break")
                          : QCoreApplication::translate("Lint", "starts with a space"));
        if (raw.back().isSpace())
            where << (raw.back() == u'\n' || raw.back() == u'\r'
                          ? QCoreApplication::translate("Lint", "ends with a line break")
                          : QCoreApplication::translate("Lint", "ends with a space"));
        lint.findings << finding(
            u"whitespace"_s, false,
            QCoreApplication::translate("Lint", "The key %1: remove it where your app stores the key.")
                .arg(where.join(QCoreApplication::translate("Lint", " and "))));
    }
    // "Bearer sk-..." or "Authorization: Bearer sk-...": the app adds that word itself.
    static const QRegularExpression bearer(u"^(authorization\\s*:\\s*)?bearer[\\s:]+"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    if (const auto m = bearer.match(k); m.hasMatch()) {
        lint.findings << finding(
            u"bearer_prefix"_s, false,
            QCoreApplication::translate(
                "Lint", "The key begins with the word \"Bearer\": your app adds that word itself, so "
                        "paste only the key that follows it."));
        k = k.mid(m.capturedLength()).trimmed();
    }
    if (!k.isEmpty() && (isQuote(k.front()) || isQuote(k.back()))) {
        lint.findings << finding(
            u"quotes"_s, false,
            QCoreApplication::translate("Lint",
                                        "The key is wrapped in quotation marks: paste it without them."));
        while (!k.isEmpty() && isQuote(k.front()))
            k.remove(0, 1);
        while (!k.isEmpty() && isQuote(k.back()))
            k.chop(1);
    }
    if (k.contains(QRegularExpression(u"\\s"_s))) {
        lint.findings << finding(
            u"whitespace_inside"_s, false,
            QCoreApplication::translate(
                "Lint", "The key has a space or line break in the middle: it was probably copied "
                        "across two lines. Copy it again in one piece."));
        k.remove(QRegularExpression(u"\\s"_s));
    }
    // Invisible characters and typographic dashes come from chat apps and word processors.
    QString cleaned;
    bool invisible = false, dash = false, otherNonAscii = false;
    for (const char32_t u : k.toUcs4()) {
        if (u < 0x80) {
            cleaned += QChar(u);
        } else if (isInvisible(u)) {
            invisible = true;
        } else if (u >= 0x2010 && u <= 0x2015) {
            dash = true;
            cleaned += u'-';
        } else {
            otherNonAscii = true;
            cleaned += QString::fromUcs4(&u, 1);
        }
    }
    if (invisible)
        lint.findings << finding(
            u"invisible"_s, false,
            QCoreApplication::translate(
                "Lint", "The key contains an invisible character (for example a zero-width space) "
                        "that came along when it was copied."));
    if (dash || otherNonAscii)
        lint.findings << finding(
            u"non_ascii"_s, otherNonAscii,
            dash && !otherNonAscii
                ? QCoreApplication::translate(
                      "Lint", "The key contains a typographic dash (–) where it should have a plain "
                              "hyphen (-): a word processor or chat app changed it.")
                : QCoreApplication::translate(
                      "Lint", "The key contains a character that is not a plain letter, digit or "
                              "hyphen, which API keys never do: copy it again from the provider's "
                              "website."),
            otherNonAscii ? Category::AuthInvalidKey : Category::Ok);
    k = cleaned;

    // Placeholders from documentation and example code.
    static const QRegularExpression placeholder(
        u"^(<.*>|\\{.*\\}|\\$\\{?[A-Z_]+\\}?|.*(your|my)[-_ ]?(api[-_ ]?)?key.*|.*api[-_]?key[-_]?here.*|"
        "sk-(\\.\\.\\.|…|x+|\\*+)|x{6,}|\\*{4,}|\\.{3,}|…|changeme|replace[-_ ]?me|insert[-_ ]?.*|test|key|"
        "api[-_]?key|token|none|null|undefined)$"_s,
        QRegularExpression::CaseInsensitiveOption);
    if (placeholder.match(k).hasMatch()) {
        lint.findings << finding(
            u"placeholder"_s, true,
            QCoreApplication::translate(
                "Lint", "The key is a placeholder from an example, not a real key: replace it with "
                        "the key from your account on the provider's website."),
            Category::AuthInvalidKey);
    } else if (chosen) {
        // Another provider's key shape.
        const auto other = bestPrefix(k, catalog.providers());
        const auto own = bestPrefix(k, catalog.providers(), chosen->id);
        const bool otherIsSpecific = other.first >= 4 || !chosen->keyPrefixes.isEmpty();
        if (other.second && other.second->id != chosen->id && other.first > own.first && otherIsSpecific) {
            lint.findings << finding(
                u"other_provider"_s, false,
                QCoreApplication::translate(
                    "Lint", "The key looks like a key for %1 (it starts the way their keys do), but "
                            "you chose %2. Keys only work with the provider that issued them.")
                    .arg(other.second->name, chosen->name));
        } else if (!chosen->keyPrefixes.isEmpty() && !own.second) {
            lint.findings << finding(
                u"unexpected_shape"_s, false,
                QCoreApplication::translate("Lint", "The key does not start the way %1 keys do (%2).")
                    .arg(chosen->name, chosen->keyPrefixes.join(u", "_s)));
        } else if (chosen->keyMinLength > 0 &&
                   (k.size() < chosen->keyMinLength || k.size() > chosen->keyMaxLength)) {
            const QString range = chosen->keyMinLength == chosen->keyMaxLength
                                      ? QString::number(chosen->keyMinLength)
                                      : u"%1 to %2"_s.arg(chosen->keyMinLength).arg(chosen->keyMaxLength);
            lint.findings << finding(
                u"length"_s, false,
                QCoreApplication::translate(
                    "Lint", "The key is %1 characters long, but %2 keys have %3: it may be cut off "
                            "or have something extra. Copy it again.")
                    .arg(k.size())
                    .arg(chosen->name, range));
        }
    } else if (k.size() < 8) {
        lint.findings << finding(
            u"length"_s, false,
            QCoreApplication::translate(
                "Lint", "The key is only %1 characters long; real API keys are much longer. Copy it "
                        "again.")
                .arg(k.size()));
    }
    lint.cleaned = k.toUtf8();
    lint.strayCharacters = lint.cleaned != sendableKey(key);
    return lint;
}

} // namespace llmdoctor::core
