#include "detailtext.h"

#include <QCoreApplication>
#include <QList>
#include <QRegularExpression>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

// Every English detail key and word the checks write (core/checks/*.cpp), for lupdate; keep them in
// step with the addDetail() calls.
const char *const detailWords[] = {
    QT_TRANSLATE_NOOP("Detail", "connections"),
    QT_TRANSLATE_NOOP("Detail", "retried after a lost packet"),
    QT_TRANSLATE_NOOP("Detail", "estimated loss"),
    QT_TRANSLATE_NOOP("Detail", "reached"),
    QT_TRANSLATE_NOOP("Detail", "method"),
    QT_TRANSLATE_NOOP("Detail", "error"),
    QT_TRANSLATE_NOOP("Detail", "status page"),
    QT_TRANSLATE_NOOP("Detail", "search X"),
    QT_TRANSLATE_NOOP("Detail", "search Reddit"),
    QT_TRANSLATE_NOOP("Detail", "problem"),
    QT_TRANSLATE_NOOP("Detail", "platform"),
    QT_TRANSLATE_NOOP("Detail", "indicator"),
    QT_TRANSLATE_NOOP("Detail", "overall"),
    QT_TRANSLATE_NOOP("Detail", "affected components"),
    QT_TRANSLATE_NOOP("Detail", "incident"),
    QT_TRANSLATE_NOOP("Detail", "maintenance"),
    QT_TRANSLATE_NOOP("Detail", "not read"),
    QT_TRANSLATE_NOOP("Detail", "request"),
    QT_TRANSLATE_NOOP("Detail", "status"),
    QT_TRANSLATE_NOOP("Detail", "content type"),
    QT_TRANSLATE_NOOP("Detail", "pieces"),
    QT_TRANSLATE_NOOP("Detail", "arrived in reads"),
    QT_TRANSLATE_NOOP("Detail", "headers after"),
    QT_TRANSLATE_NOOP("Detail", "first words after"),
    QT_TRANSLATE_NOOP("Detail", "longest pause"),
    QT_TRANSLATE_NOOP("Detail", "typical pause"),
    QT_TRANSLATE_NOOP("Detail", "last piece after"),
    QT_TRANSLATE_NOOP("Detail", "all at once"),
    QT_TRANSLATE_NOOP("Detail", "hops"),
    QT_TRANSLATE_NOOP("Detail", "through proxy"),
    QT_TRANSLATE_NOOP("Detail", "closed after idle"),
    QT_TRANSLATE_NOOP("Detail", "dropped after idle"),
    QT_TRANSLATE_NOOP("Detail", "kept open for"),
    QT_TRANSLATE_NOOP("Detail", "first request"),
    QT_TRANSLATE_NOOP("Detail", "less than 1 s"),
    QT_TRANSLATE_NOOP("Detail", "connected to"),
    QT_TRANSLATE_NOOP("Detail", "proxy answer"),
    QT_TRANSLATE_NOOP("Detail", "provider message"),
    QT_TRANSLATE_NOOP("Detail", "provider code"),
    QT_TRANSLATE_NOOP("Detail", "provider error type"),
    QT_TRANSLATE_NOOP("Detail", "address"),
    QT_TRANSLATE_NOOP("Detail", "host"),
    QT_TRANSLATE_NOOP("Detail", "lookup result"),
    QT_TRANSLATE_NOOP("Detail", "name not found"),
    QT_TRANSLATE_NOOP("Detail", "lookup failed"),
    QT_TRANSLATE_NOOP("Detail", "network"),
    QT_TRANSLATE_NOOP("Detail", "known host"),
    QT_TRANSLATE_NOOP("Detail", "addresses"),
    QT_TRANSLATE_NOOP("Detail", "proxy"),
    QT_TRANSLATE_NOOP("Detail", "scheme"),
    QT_TRANSLATE_NOOP("Detail", "protocol"),
    QT_TRANSLATE_NOOP("Detail", "cipher"),
    QT_TRANSLATE_NOOP("Detail", "certificate name matches"),
    QT_TRANSLATE_NOOP("Detail", "stage"),
    QT_TRANSLATE_NOOP("Detail", "note"),
    QT_TRANSLATE_NOOP("Detail", "page title"),
    QT_TRANSLATE_NOOP("Detail", "moved to"),
    QT_TRANSLATE_NOOP("Detail", "model"),
    QT_TRANSLATE_NOOP("Detail", "did you mean"),
    QT_TRANSLATE_NOOP("Detail", "models offered"),
    QT_TRANSLATE_NOOP("Detail", "blocked by"),
    QT_TRANSLATE_NOOP("Detail", "findings"),
    QT_TRANSLATE_NOOP("Detail", "type instead"),
    QT_TRANSLATE_NOOP("Detail", "length"),
    QT_TRANSLATE_NOOP("Detail", "cleaned key"),
    QT_TRANSLATE_NOOP("Detail", "accepted"),
    QT_TRANSLATE_NOOP("Detail", "no answer"),
    QT_TRANSLATE_NOOP("Detail", "manage keys at"),
    QT_TRANSLATE_NOOP("Detail", "yes"),
    QT_TRANSLATE_NOOP("Detail", "no"),
    QT_TRANSLATE_NOOP("Detail", "none"),
    // How a connection attempt ended (Exchange's ConnectAttempt::outcome).
    QT_TRANSLATE_NOOP("Detail", "connected"),
    QT_TRANSLATE_NOOP("Detail", "refused"),
    QT_TRANSLATE_NOOP("Detail", "timed out"),
};

// Keys and values with a part that varies, each with the pattern its English form has: strict, so
// that a server's own text ("retry after 20s") is never taken for one. The parts are translated in
// turn when they are known words.
struct Template
{
    const char *source;
    QRegularExpression pattern;
};

const QList<Template> &templates()
{
    static const QString amount = u"([\\d.,]+ ?(?:ms|s)?)"_s; // "12", "1.5 s", "30 ms"
    static const QList<Template> list{
        {QT_TRANSLATE_NOOP("Detail", "not connected in %1 s"),
         QRegularExpression(u"^not connected in ([\\d.,]+) s$"_s)},
        {QT_TRANSLATE_NOOP("Detail", "hop %1"), QRegularExpression(u"^hop (\\d+)$"_s)},
        {QT_TRANSLATE_NOOP("Detail", "attempt %1"), QRegularExpression(u"^attempt (\\S+)$"_s)},
        {QT_TRANSLATE_NOOP("Detail", "%1 after %2"),
         QRegularExpression(u"^(connected|refused|timed out|unreachable \\(.*\\)) after "_s + amount +
                            u"$"_s)},
        {QT_TRANSLATE_NOOP("Detail", "%1 port %2"), QRegularExpression(u"^(\\S+) port (\\d+)$"_s)},
        {QT_TRANSLATE_NOOP("Detail", "certificate %1"), QRegularExpression(u"^certificate (\\d+)$"_s)},
        {QT_TRANSLATE_NOOP("Detail", "stopped reading after %1 bytes"),
         QRegularExpression(u"^stopped reading after (\\d+) bytes$"_s)},
        {QT_TRANSLATE_NOOP("Detail", "rejected too (HTTP %1)"),
         QRegularExpression(u"^rejected too \\(HTTP (\\d+)\\)$"_s)},
        {QT_TRANSLATE_NOOP("Detail", "after %1 idle"),
         QRegularExpression(u"^after "_s + amount + u" idle$"_s)},
        {QT_TRANSLATE_NOOP("Detail", "at least %1"), QRegularExpression(u"^at least "_s + amount + u"$"_s)},
        {QT_TRANSLATE_NOOP("Detail", "answered (HTTP %1)"),
         QRegularExpression(u"^answered \\(HTTP (\\d+)\\)$"_s)},
        {QT_TRANSLATE_NOOP("Detail", "unreachable (%1)"), QRegularExpression(u"^unreachable \\((.*)\\)$"_s)},
    };
    return list;
}

} // namespace

QString translatedDetail(const QString &text)
{
    if (text.isEmpty())
        return text;
    const QByteArray utf8 = text.toUtf8();
    for (const char *word : detailWords) {
        if (utf8 == word)
            return QCoreApplication::translate("Detail", word);
    }
    for (const Template &t : templates()) {
        const QRegularExpressionMatch m = t.pattern.match(text);
        if (!m.hasMatch())
            continue;
        QString out = QCoreApplication::translate("Detail", t.source);
        for (int i = 1; i <= m.lastCapturedIndex(); ++i)
            out = out.arg(translatedDetail(m.captured(i))); // an unknown part comes back as it is
        return out;
    }
    return text;
}

} // namespace llmdoctor::core
