#include "errorclassifier.h"

#include "category.h"
#include "hops.h"

#include <QFile>
#include <QHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QtMath>
#include <algorithm>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

// Enough for any real error page or traceback; keeps pathological pastes fast.
constexpr qsizetype scanLimit = 1024 * 1024;

struct Rule
{
    QString id;
    QString hop;
    QString producer;
    QString category;
    QString blame;
    QString where;
    QString advice;
    QString meaning;
    QStringList suppressedBy;
    double confidence = 0;
    int status = 0;
    bool ownHop = false;
    QRegularExpression re;
};

struct ResetReason
{
    QString meaning;
    QString category;
};

struct Catalogue
{
    QList<Rule> rules;
    QHash<QString, ResetReason> resetReasons;
    QList<QPair<QRegularExpression, QString>> transportFailures;
    QHash<QString, Snippet> snippets;
    QStringList interceptionIssuers;
    QStringList problems;
};

QRegularExpression compile(const QString &pattern, bool caseSensitive)
{
    QRegularExpression::PatternOptions options = QRegularExpression::MultilineOption;
    if (!caseSensitive)
        options |= QRegularExpression::CaseInsensitiveOption;
    // Compiled on first use, not here: loading the catalogue for a snippet must stay cheap.
    return QRegularExpression(pattern, options);
}

// The text scanners' pattern lists, compiled once.
QList<QRegularExpression> compileAll(std::initializer_list<const char16_t *> patterns,
                                     QRegularExpression::PatternOptions options = {})
{
    QList<QRegularExpression> list;
    for (const char16_t *p : patterns)
        list << QRegularExpression(QString::fromUtf16(p), options);
    return list;
}

Catalogue loadCatalogue()
{
    Catalogue c;
    QFile f(u":/llmdoctor/signatures.json"_s);
    if (!f.open(QIODevice::ReadOnly)) {
        c.problems << u"signatures.json is missing from the resources"_s;
        return c;
    }
    QJsonParseError perr;
    const QJsonObject root = QJsonDocument::fromJson(f.readAll(), &perr).object();
    if (perr.error != QJsonParseError::NoError)
        c.problems << u"signatures.json: %1"_s.arg(perr.errorString());

    const QStringList blames{u"none"_s,     u"local"_s,   u"network"_s, u"proxy"_s,
                             u"provider"_s, u"account"_s, u"config"_s};
    const QStringList places{u"computer"_s, u"network"_s, u"proxy"_s, u"edge"_s, u"server"_s};
    for (const QJsonValue &v : root.value(u"signatures").toArray()) {
        const QJsonObject o = v.toObject();
        Rule r;
        r.id = o.value(u"id").toString();
        r.hop = o.value(u"hop").toString();
        r.producer = o.value(u"producer").toString();
        r.category = o.value(u"category").toString();
        r.blame = o.value(u"blame").toString();
        r.where = o.value(u"where").toString();
        r.advice = o.value(u"advice").toString();
        r.meaning = o.value(u"meaning").toString();
        r.confidence = o.value(u"confidence").toDouble(0.5);
        r.status = o.value(u"status").toInt();
        r.ownHop = o.value(u"own_hop").toBool();
        for (const QJsonValue &s : o.value(u"suppressed_by").toArray())
            r.suppressedBy << s.toString();
        r.re = compile(o.value(u"pattern").toString(), o.value(u"case_sensitive").toBool());
        if (o.value(u"pattern").toString().isEmpty())
            c.problems << u"%1: no pattern"_s.arg(r.id);
        if (!r.category.isEmpty() && !verdictCategories().contains(r.category))
            c.problems << u"%1: unknown category %2"_s.arg(r.id, r.category);
        if (!r.blame.isEmpty() && !blames.contains(r.blame))
            c.problems << u"%1: unknown blame %2"_s.arg(r.id, r.blame);
        if (!r.where.isEmpty() && !places.contains(r.where))
            c.problems << u"%1: unknown place %2"_s.arg(r.id, r.where);
        if (!r.category.isEmpty() && r.meaning.isEmpty())
            c.problems << u"%1: a signature with a category needs a meaning"_s.arg(r.id);
        c.rules.append(r);
    }
    const QJsonObject reasons = root.value(u"envoy_reset_reasons").toObject();
    for (auto it = reasons.begin(); it != reasons.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        c.resetReasons.insert(it.key().toLower(),
                              {o.value(u"meaning").toString(), o.value(u"category").toString()});
    }
    for (const QJsonValue &v : root.value(u"envoy_transport_failures").toArray()) {
        const QJsonObject o = v.toObject();
        c.transportFailures.append(
            {compile(o.value(u"pattern").toString(), false), o.value(u"meaning").toString()});
    }
    const QJsonObject snippets = root.value(u"snippets").toObject();
    for (auto it = snippets.begin(); it != snippets.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        c.snippets.insert(it.key(), {o.value(u"language").toString(), o.value(u"title").toString(),
                                     o.value(u"code").toString()});
    }
    for (const QJsonValue &v : root.value(u"interception_issuers").toArray())
        c.interceptionIssuers << v.toString();
    return c;
}

const Catalogue &catalogue()
{
    static const Catalogue c = loadCatalogue();
    return c;
}

// Path position of a hop, for a stable order: client libraries, the user's proxy, CDNs and
// load balancers, then gateways.
int hopRank(const QString &hop)
{
    // The user's side first (their proxy, inspection, their own LLM gateway), then the provider's.
    static const QStringList order{u"zscaler"_s,    u"squid"_s,           u"litellm"_s,    u"cloudflare"_s,
                                   u"cloudfront"_s, u"akamai"_s,          u"fastly"_s,     u"azure-fd"_s,
                                   u"aws-elb"_s,    u"google-frontend"_s, u"openrouter"_s, u"kong"_s,
                                   u"traefik"_s,    u"haproxy"_s,         u"nginx"_s,      u"envoy"_s};
    if (isClientLibrary(hop))
        return 0;
    const qsizetype i = order.indexOf(hop);
    return i < 0 ? 50 : 10 + int(i);
}

// Header-shaped lines of a pasted response or `curl -v` output ("< server: cloudflare").
HeaderList headerLines(const QString &text)
{
    static const QRegularExpression line(
        u"^[<>*]?\\s*([A-Za-z][A-Za-z0-9-]{1,40}):[ \\t]*([^\\r\\n]{1,300})$"_s,
        QRegularExpression::MultilineOption);
    HeaderList headers;
    auto it = line.globalMatch(text);
    for (int n = 0; it.hasNext() && n < 200; ++n) {
        const auto m = it.next();
        headers.append({m.captured(1).toLatin1(), m.captured(2).trimmed().toUtf8()});
    }
    return headers;
}

int statusFromText(const QString &text)
{
    // Layouts of an HTTP status in client errors, logs and wrapped exceptions, most specific first.
    static const QList<QRegularExpression> patterns =
        compileAll({u"HTTP/[\\d.]+ (\\d{3})\\b", u"Error code:? (\\d{3})\\b",
                    u"\\bstatus(?:[ _]?code)?[\"']?\\s*[:=]?\\s*\\(?(\\d{3})\\b",
                    u"\\bHTTP(?: code| error| status)?:? (\\d{3})\\b",
                    u"\\b(\\d{3}) (?:Bad Gateway|Service (?:Temporarily )?Unavailable|Gateway Time-?out|"
                    u"Too Many Requests|Unauthorized|Forbidden|Not Found|Internal Server Error|"
                    u"Payment Required|Proxy Authentication Required|Request Timeout|Bad Request|Overloaded|"
                    u"Insufficient|Rate limit|Client Error|Server Error)\\b",
                    u"\\b(\\d{3}) status code\\b", u"Received HTTP code (\\d{3})",
                    u"\"code\"\\s*:\\s*\"?([45]\\d\\d)\\b", u"'code'\\s*:\\s*'?([45]\\d\\d)\\b",
                    u"\\bcode\\s*[:=]\\s*([45]\\d\\d)\\b",
                    u"\\b(?:response|error|returned|failed with|Error:|API "
                    u"Error:?|ClientResponseError:)\\s*(?:HTTP\\s*)?\\(?([45]\\d\\d)\\b",
                    u"\\[([45]\\d\\d)\\s*[A-Za-z ]*\\]", u"\\(([45]\\d\\d)\\)",
                    u"^\\s*(?:⚠\\s*)?([45]\\d\\d)\\b", u"\\b([45]\\d\\d)\\s+[{\\[]"},
                   QRegularExpression::CaseInsensitiveOption | QRegularExpression::MultilineOption);
    for (const QRegularExpression &re : patterns) {
        const auto m = re.match(text);
        if (m.hasMatch()) {
            const int s = m.captured(1).toInt();
            if (s >= 100 && s <= 599)
                return s;
        }
    }
    // gRPC and Google API status names stand for an HTTP status of their own.
    static const QRegularExpression rpc(
        u"\\b(RESOURCE_EXHAUSTED|UNAVAILABLE|PERMISSION_DENIED|UNAUTHENTICATED|NOT_FOUND|INVALID_ARGUMENT|"
        "FAILED_PRECONDITION|DEADLINE_EXCEEDED|INTERNAL)\\b"_s);
    if (const auto m = rpc.match(text); m.hasMatch()) {
        static const QHash<QString, int> codes{
            {u"RESOURCE_EXHAUSTED"_s, 429},  {u"UNAVAILABLE"_s, 503},       {u"PERMISSION_DENIED"_s, 403},
            {u"UNAUTHENTICATED"_s, 401},     {u"NOT_FOUND"_s, 404},         {u"INVALID_ARGUMENT"_s, 400},
            {u"FAILED_PRECONDITION"_s, 400}, {u"DEADLINE_EXCEEDED"_s, 504}, {u"INTERNAL"_s, 500}};
        return codes.value(m.captured(1));
    }
    // A reason phrase on its own ("AI_APICallError: Unauthorized").
    static const QRegularExpression phrase(
        u"\\b(Unauthorized|Forbidden|Too Many Requests|Payment Required|Bad Gateway|Service Unavailable|"
        "Gateway Time-?out|Internal Server Error|Proxy Authentication Required)\\b"_s);
    if (const auto m = phrase.match(text); m.hasMatch()) {
        static const QHash<QString, int> codes{
            {u"Unauthorized"_s, 401},          {u"Forbidden"_s, 403},
            {u"Too Many Requests"_s, 429},     {u"Payment Required"_s, 402},
            {u"Bad Gateway"_s, 502},           {u"Service Unavailable"_s, 503},
            {u"Gateway Timeout"_s, 504},       {u"Gateway Time-out"_s, 504},
            {u"Internal Server Error"_s, 500}, {u"Proxy Authentication Required"_s, 407}};
        return codes.value(m.captured(1));
    }
    return 0;
}

// Pasted text is often quoted once or twice more than the message itself: JSON inside a JSON string,
// a Python repr of a dict, escaped newlines in a log line, full-width punctuation from an IME. The
// signatures read the message as it was first written.
QString unquoted(QString text)
{
    for (int round = 0; round < 3; ++round) {
        const QString before = text;
        text.replace(u"\\\\\""_s, u"\""_s);
        text.replace(u"\\\""_s, u"\""_s);
        text.replace(u"\\\\n"_s, u"\n"_s);
        text.replace(u"\\n"_s, u"\n"_s);
        text.replace(u"\\r"_s, QString());
        text.replace(u"\\t"_s, u" "_s);
        text.replace(u"\\'"_s, u"'"_s);
        if (text == before)
            break;
    }
    static const QList<QPair<QChar, QChar>> wide{
        {QChar(0xFF0C), u','},  {QChar(0xFF1A), u':'},  {QChar(0xFF5B), u'{'}, {QChar(0xFF5D), u'}'},
        {QChar(0xFF08), u'('},  {QChar(0xFF09), u')'},  {QChar(0x201C), u'"'}, {QChar(0x201D), u'"'},
        {QChar(0x2018), u'\''}, {QChar(0x2019), u'\''}, {QChar(0x3002), u'.'}};
    for (const auto &[from, to] : wide)
        text.replace(from, to);
    return text;
}

// A Python dict repr ({'error': {'type': ...}}) as JSON, when it is simple enough.
QByteArray pythonReprToJson(QString repr)
{
    static const QRegularExpression words(u"\\b(None|True|False)\\b"_s);
    repr.replace(words, u"null"_s); // only null matters: booleans never decide a category
    if (repr.contains(u'"'))
        return {};
    repr.replace(u'\'', u'"');
    return repr.toUtf8();
}

// The first JSON (or Python dict) object in the text that reads as a provider error.
ProviderError providerErrorIn(const QString &text, QByteArray *json)
{
    qsizetype from = 0;
    for (int tries = 0; tries < 40; ++tries) {
        const qsizetype start = text.indexOf(u'{', from);
        if (start < 0)
            break;
        from = start + 1;
        // Find the matching brace, skipping quoted strings.
        int depth = 0;
        QChar quote;
        qsizetype end = -1;
        const qsizetype limit = std::min(text.size(), start + 64 * 1024);
        for (qsizetype i = start; i < limit && end < 0; ++i) {
            const QChar ch = text.at(i);
            if (!quote.isNull()) {
                if (ch == u'\\')
                    ++i;
                else if (ch == quote)
                    quote = QChar();
            } else if (ch == u'"' || ch == u'\'') {
                quote = ch;
            } else if (ch == u'{') {
                ++depth;
            } else if (ch == u'}' && --depth == 0) {
                end = i;
            }
        }
        if (end < 0)
            continue;
        const QString candidate = text.mid(start, end - start + 1);
        for (const QByteArray &bytes : {candidate.toUtf8(), pythonReprToJson(candidate)}) {
            if (bytes.isEmpty())
                continue;
            const ProviderError e = parseProviderError(bytes);
            if (!e.message.isEmpty() || !e.type.isEmpty() || !e.code.isEmpty()) {
                *json = bytes;
                return e;
            }
        }
        from = end + 1; // the whole object said nothing; skip its inner braces
    }
    return {};
}

QString firstCapture(const QString &text, const QList<QRegularExpression> &patterns)
{
    for (const QRegularExpression &re : patterns) {
        const auto m = re.match(text);
        if (m.hasMatch())
            return m.captured(1);
    }
    return {};
}

QString hostIn(const QString &text)
{
    static const QList<QRegularExpression> patterns =
        compileAll({u"Could not resolve host:? ([A-Za-z0-9.-]+)", u"getaddrinfo [A-Z_]+ ([A-Za-z0-9.-]+)",
                    u"host='([A-Za-z0-9.-]+)'", u"Failed to connect to ([A-Za-z0-9.-]+) port",
                    u"connect E[A-Z]+ ([0-9a-fA-F.:]+?):\\d+", u"dial tcp ([A-Za-z0-9.-]+):\\d+",
                    u"address: '([0-9a-fA-F.:]+)'", u"Cannot connect to host ([A-Za-z0-9.-]+):\\d+",
                    u"(?:Host|IP):\\s*([A-Za-z0-9.-]+?)\\.? is not in the cert", u"https?://([A-Za-z0-9.-]+)",
                    u"Host: ([A-Za-z0-9.-]+)"});
    return firstCapture(text, patterns);
}

// The port next to the host ("127.0.0.1:11434", "localhost port 1234"), 0 when none is named.
int portIn(const QString &text, const QString &host)
{
    if (host.isEmpty())
        return 0;
    const QString h = QRegularExpression::escape(host);
    const QRegularExpression re(u"%1(?::| port |', port=)(\\d{2,5})\\b"_s.arg(h));
    const int port = re.match(text).captured(1).toInt();
    return port > 0 && port < 65536 ? port : 0;
}

QString modelIn(const QString &text)
{
    static const QList<QRegularExpression> patterns =
        compileAll({u"[Mm]odel:? [`'\"]?([^\\s`'\"]+?)[`'\"]? does not exist", u"\"model: ([^\"\\s]+)\"",
                    u"model [`'\"]([^`'\"\\s]+)[`'\"] not found", u"models/([\\w.:-]+) is not found",
                    u"Passed model=([^\\s.,]+)", u"'model: ([^'\\s]+)'",
                    u"No endpoints found for ([^\\s\"']+?)\\.?(?:\\s|$|[\"'])"});
    return firstCapture(text, patterns);
}

bool isLoopback(const QString &host)
{
    const QString h = host.toLower();
    return h == u"localhost" || h.startsWith(u"127.") || h == u"::1" || h == u"0.0.0.0" ||
           h == u"host.docker.internal";
}

// The last two labels of a name ("api.openai.com" -> "openai.com"); enough to tell related names apart.
QString registrable(QString host)
{
    while (host.endsWith(u'.'))
        host.chop(1);
    const QStringList labels = host.toLower().split(u'.', Qt::SkipEmptyParts);
    return labels.size() <= 2 ? labels.join(u'.') : labels.mid(labels.size() - 2).join(u'.');
}

// A certificate that names none of the host's own domain was not made for it: something on the way
// (a DNS hijack, an intercepting proxy, a captive portal) answered instead of the server.
bool certificateForAnotherDomain(const QString &text, const QString &host)
{
    static const QRegularExpression names(u"cert's altnames:([^\\n\"]*)"_s);
    const auto m = names.match(text);
    if (!m.hasMatch() || host.isEmpty() ||
        QHostAddress(host).protocol() != QAbstractSocket::UnknownNetworkLayerProtocol)
        return false;
    static const QRegularExpression dns(u"DNS:\\s*\\*?\\.?([A-Za-z0-9.-]+)"_s);
    const QString own = registrable(host);
    bool any = false;
    for (auto it = dns.globalMatch(m.captured(1)); it.hasNext();) {
        any = true;
        if (registrable(it.next().captured(1)) == own)
            return false;
    }
    return any;
}

// How long the message asks to wait: "try again in 9.816s", "retry after 20 seconds", "Retrying in 4s".
QString waitIn(const QString &text, double *secondsOut = nullptr)
{
    static const QRegularExpression re(
        u"(?:try again|retry|retrying)(?: your request)? (?:in|after) (\\d+(?:\\.\\d+)?)\\s*(ms|milliseconds?|s|sec|secs|seconds?|m|min|minutes?)\\b"_s,
        QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(text);
    if (!m.hasMatch())
        return {};
    const double value = m.captured(1).toDouble();
    const QString unit = m.captured(2).toLower();
    double seconds = value;
    if (unit.startsWith(u"ms") || unit.startsWith(u"milli"))
        seconds = value / 1000.0;
    else if (unit.startsWith(u'm'))
        seconds = value * 60.0;
    if (secondsOut)
        *secondsOut = seconds;
    if (seconds < 1.0)
        return u"about a second"_s;
    if (seconds < 120.0)
        return u"%1 seconds"_s.arg(qCeil(seconds));
    if (seconds < 2 * 3600.0)
        return u"%1 minutes"_s.arg(qCeil(seconds / 60.0));
    return u"%1 hours"_s.arg(qCeil(seconds / 3600.0));
}

// A page the message points at for billing, credits, keys or privacy settings.
QString accountLinkIn(const QString &text)
{
    static const QRegularExpression re(
        u"https?://[A-Za-z0-9.-]+/[^\\s\"'<>)\\]},]*(?:billing|credits|settings|plans|quota|keys|privacy|rate-limits|account)[^\\s\"'<>)\\]},]*"_s,
        QRegularExpression::CaseInsensitiveOption);
    QString link = re.match(text).captured(0);
    while (link.endsWith(u'.'))
        link.chop(1);
    return link;
}

void parseEnvoy(const QString &text, ErrorSignature &s, const Catalogue &c)
{
    static const QRegularExpression reset(
        u"reset reason:\\s*([A-Za-z]+(?: [A-Za-z]+)*)(?:,\\s*transport failure reason:\\s*([^\\r\\n\"'<}]+))?"_s,
        QRegularExpression::CaseInsensitiveOption);
    const auto m = reset.match(text);
    if (!m.hasMatch())
        return;
    // The longest known reason the text starts with; the user's own words may follow it.
    const QString said = m.captured(1).toLower();
    QString reason;
    for (auto it = c.resetReasons.cbegin(); it != c.resetReasons.cend(); ++it) {
        if ((said == it.key() || said.startsWith(it.key() + u' ')) && it.key().size() > reason.size())
            reason = it.key();
    }
    s.envoyResetReason = reason.isEmpty() ? said : reason;
    QString transport = m.captured(2).trimmed();
    while (transport.endsWith(u'.') || transport.endsWith(u','))
        transport.chop(1);
    s.envoyTransportFailure = transport;

    if (!reason.isEmpty()) {
        const ResetReason &info = c.resetReasons.value(reason);
        s.meaning += u" The reset reason \"%1\" means %2"_s.arg(reason, info.meaning);
        if (!info.category.isEmpty() && s.matched.contains(u"envoy-reset"_s)) {
            s.category = info.category;
            s.advice.clear();
        }
    }
    for (const auto &[re, meaning] : c.transportFailures) {
        if (!transport.isEmpty() && re.match(transport).hasMatch()) {
            s.meaning += u" The transport failure reason says %1"_s.arg(meaning);
            break;
        }
    }
}

// Who is to blame depends on more than the wording: where the failing server is and what the
// message shows of the path.
void refineBlame(const QString &text, ErrorSignature &s)
{
    static const QStringList localKinds{u"connection_refused"_s, u"upstream_reset"_s, u"timeout"_s,
                                        u"connect_timeout"_s};
    // A server on this computer that refuses, resets or stalls is the user's own (Ollama, LM Studio...).
    if (localKinds.contains(s.category) && isLoopback(s.host) && !s.matched.contains(u"envoy-reset"_s)) {
        s.blame = u"local"_s;
        s.where = u"computer"_s;
        if (s.category == u"connection_refused")
            s.advice = u"connection_refused_local"_s;
        else if (s.category == u"timeout")
            s.advice = u"explain_timeout_local"_s;
        return;
    }
    // The request went through a proxy the client was told to use.
    static const QRegularExpression viaProxy(u"http_proxy\\.py|socks_proxy\\.py|\\bProxyError\\b"_s);
    static const QStringList proxyKinds{u"upstream_reset"_s, u"timeout"_s};
    if (proxyKinds.contains(s.category) && viaProxy.match(text).hasMatch()) {
        s.blame = u"proxy"_s;
        s.where = u"proxy"_s;
        return;
    }
    if (s.category == u"tls_hostname_mismatch" && certificateForAnotherDomain(text, s.host))
        s.blame = u"network"_s;
}

} // namespace

QJsonObject ErrorSignature::toJson() const
{
    auto orNull = [](const QString &v) { return v.isEmpty() ? QJsonValue() : QJsonValue(v); };
    QJsonObject provider;
    if (!providerError.type.isEmpty() || !providerError.code.isEmpty() || !providerError.message.isEmpty())
        provider = QJsonObject{{u"type"_s, orNull(providerError.type)},
                               {u"code"_s, orNull(providerError.code)},
                               {u"message"_s, orNull(providerError.message)}};
    // The user's own client (curl, an SDK) wrote the message's frame but is no hop on the way.
    QStringList path, clients;
    for (const QString &h : hops)
        (isClientLibrary(h) ? clients : path) << h;
    return QJsonObject{{u"hops"_s, QJsonArray::fromStringList(path)},
                       {u"client"_s, QJsonArray::fromStringList(clients)},
                       {u"status"_s, status == 0 ? QJsonValue() : QJsonValue(status)},
                       {u"category"_s, category},
                       {u"blame_hint"_s, blame},
                       {u"broke_at"_s, orNull(where)},
                       {u"producer"_s, orNull(producer)},
                       {u"meaning"_s, meaning},
                       {u"envoy_reset_reason"_s, orNull(envoyResetReason)},
                       {u"envoy_transport_failure"_s, orNull(envoyTransportFailure)},
                       {u"provider_error"_s, provider.isEmpty() ? QJsonValue() : QJsonValue(provider)},
                       {u"matched"_s, QJsonArray::fromStringList(matched)},
                       {u"host"_s, orNull(host)},
                       {u"port"_s, port == 0 ? QJsonValue() : QJsonValue(port)},
                       {u"model"_s, orNull(model)},
                       {u"retry_after"_s, orNull(retryAfter)},
                       {u"link"_s, orNull(link)},
                       {u"confidence"_s, confidence}};
}

ErrorSignature classifyErrorText(const QString &input)
{
    const Catalogue &c = catalogue();
    ErrorSignature s;
    QString text = input.left(scanLimit);
    // NULs and other control bytes from binary pastes would only confuse the patterns.
    for (QChar &ch : text) {
        if (ch.unicode() < 0x20 && ch != u'\n' && ch != u'\r' && ch != u'\t')
            ch = u' ';
    }
    if (text.trimmed().isEmpty()) {
        s.meaning = u"There is no message to explain."_s;
        return s;
    }

    // Rules read the message as first written; the pasted layers of quoting are peeled off first.
    text = unquoted(text);

    QSet<QString> hit;
    for (const Rule &r : c.rules) {
        if (r.re.match(text).hasMatch())
            hit.insert(r.id);
    }
    const Rule *decisive = nullptr;
    const Rule *generic = nullptr;
    for (const Rule &r : c.rules) {
        if (!hit.contains(r.id))
            continue;
        if (std::any_of(r.suppressedBy.cbegin(), r.suppressedBy.cend(),
                        [&hit](const QString &id) { return hit.contains(id); }))
            continue;
        s.matched << r.id;
        if (!r.hop.isEmpty() && !s.hops.contains(r.hop))
            s.hops << r.hop;
        s.ownHop |= r.ownHop;
        if (!r.category.isEmpty() && (!decisive || r.confidence > decisive->confidence))
            decisive = &r;
        if (r.category.isEmpty() && !r.meaning.isEmpty() && !generic)
            generic = &r;
    }
    for (const QString &hop : detectHops(headerLines(text))) {
        if (!s.hops.contains(hop) && hop.size() <= 40)
            s.hops << hop;
    }
    std::stable_sort(s.hops.begin(), s.hops.end(),
                     [](const QString &a, const QString &b) { return hopRank(a) < hopRank(b); });

    QByteArray json;
    s.providerError = providerErrorIn(text, &json);
    if (json.isEmpty() && input.size() != text.size())
        s.providerError = providerErrorIn(input.left(scanLimit), &json);
    s.status = statusFromText(text);
    s.host = hostIn(text);
    s.port = portIn(text, s.host);
    s.model = modelIn(text);

    if (decisive) {
        s.category = decisive->category;
        s.blame = decisive->blame.isEmpty() ? u"none"_s : decisive->blame;
        s.where = decisive->where;
        s.producer = decisive->producer;
        s.meaning = decisive->meaning;
        s.advice = decisive->advice;
        s.confidence = decisive->confidence;
        if (s.status == 0)
            s.status = decisive->status; // the status this message always comes with
        parseEnvoy(text, s, c);
    } else if (s.status != 0 || !json.isEmpty()) {
        // No signature, but an HTTP status or a provider's error body: the response rules know those.
        HttpResponse response;
        response.status = s.status;
        response.body = json.isEmpty() ? text.left(4096).toUtf8() : json;
        const ResponseClass rc = classifyResponse(response, true, false);
        if (rc.category != u"unknown" && verdictCategories().contains(rc.category)) {
            s.category = rc.category;
            s.meaning = rc.summary;
            s.producer = u"the server"_s;
            s.where = u"server"_s;
            s.blame.clear(); // the category's advice decides
            s.confidence = 0.6;
        }
    }
    double wait = -1;
    s.retryAfter = waitIn(text, &wait);
    // A "quota" that resets within the hour is a rate limit: waiting, not paying, fixes it.
    if (s.category == u"quota_exhausted" && wait >= 0 && wait < 3600) {
        s.category = u"rate_limited"_s;
        s.advice.clear();
        s.meaning =
            u"The provider counts this key's requests per time window, and this one went over; the window resets shortly."_s;
    }
    refineBlame(text, s);
    s.link = accountLinkIn(text);
    if (s.category == u"unknown") {
        s.confidence = generic ? generic->confidence : 0.2;
        s.meaning = generic ? generic->meaning
                            : u"llmdoctor does not recognise this message: it names no known error."_s;
        // Say what could be read, even without a cause: the status and who wrote it.
        QStringList read;
        if (s.status != 0)
            read << u"HTTP status %1"_s.arg(s.status);
        const QStringList path = [&s] {
            QStringList p;
            for (const QString &h : s.hops) {
                if (!isClientLibrary(h))
                    p << h;
            }
            return p;
        }();
        if (!path.isEmpty())
            read << u"passed through %1"_s.arg(path.join(u", "_s));
        if (!read.isEmpty())
            s.meaning += u" It reads as %1, but names no cause."_s.arg(read.join(u"; "_s));
    }
    return s;
}

ErrorSignature classifyErrorResponse(const HttpResponse &response)
{
    QString text;
    for (const auto &[name, value] : response.headers)
        text += QString::fromLatin1(name) + u": "_s + QString::fromLatin1(value) + u'\n';
    text += u'\n' + QString::fromUtf8(response.body.left(scanLimit));
    ErrorSignature s = classifyErrorText(text);
    for (const QString &hop : detectHops(response.headers)) {
        if (!s.hops.contains(hop))
            s.hops << hop;
    }
    std::stable_sort(s.hops.begin(), s.hops.end(),
                     [](const QString &a, const QString &b) { return hopRank(a) < hopRank(b); });
    s.status = response.status;
    const ResponseClass rc = classifyResponse(response, true, false);
    // The status line is authoritative for a real response; a body signature only refines it.
    if (rc.category == u"ok" || s.confidence < 0.7) {
        s.category = rc.category;
        s.meaning = rc.summary;
        s.blame.clear();
        s.advice.clear();
        s.where = rc.category == u"ok" ? QString() : u"server"_s;
        s.confidence = rc.category == u"ok" ? 0.9 : 0.7;
    }
    if (s.providerError.message.isEmpty() && s.providerError.type.isEmpty())
        s.providerError = rc.error;
    return s;
}

QStringList signatureCatalogueProblems()
{
    const Catalogue &c = catalogue();
    QStringList problems = c.problems;
    for (const Rule &r : c.rules) {
        if (!r.re.isValid())
            problems << u"%1: bad pattern (%2)"_s.arg(r.id, r.re.errorString());
    }
    for (const auto &[re, meaning] : c.transportFailures) {
        if (!re.isValid())
            problems << u"transport failure pattern: %1"_s.arg(re.errorString());
    }
    return problems;
}

Snippet snippetById(const QString &id)
{
    return catalogue().snippets.value(id);
}

QStringList interceptionIssuerNames()
{
    return catalogue().interceptionIssuers;
}

const QStringList &verdictCategories()
{
    // Every category but "cancelled", which only a run the user stopped has.
    static const QStringList names = categoryNames().mid(0, categoryNames().size() - 1);
    return names;
}

} // namespace llmdoctor::core
