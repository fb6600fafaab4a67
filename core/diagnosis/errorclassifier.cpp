#include "errorclassifier.h"

#include "../target/providercatalog.h"
#include "category.h"
#include "hops.h"
#include "wordmodel.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
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
    bool hopNeedsAnswer = false; // the hop counts only when an answer came back through it
    int status = 0;
    int yieldsFrom = 0, yieldsTo = -1; // a status in this range, named beside the text, decides instead
    bool ownHop = false;
    // An `unknown` reading that still shows what failed ("shows": "connection" in signatures.json).
    ErrorSignature::ShownFailure shows = ErrorSignature::ShownFailure::Nothing;
    // A word any wording of a failure shares ("timed out", "monthly quota"): it decides only when
    // nothing more specific did, neither a signature nor an HTTP status.
    bool fallback = false;
    QRegularExpression re;
};

struct ResetReason
{
    QString meaning;
    QString category;
};

// A family of client-side socket or resolver failures (refused, reset, timeout...), recognised by
// its codes in any layout, and the signatures that word it per phase.
struct SocketFamily
{
    QString family;
    QSet<QString> names; // ECONNREFUSED, UND_ERR_CONNECT_TIMEOUT, ConnectTimeoutError...
    QSet<int> errnos;    // Linux, macOS and WinSock numbers, libuv's negated ones
    QSet<int> curlCodes;
    QRegularExpression wording; // optional: a number alone must come with this wording
    QString connectSignature;
    QString readSignature;
};

struct Catalogue
{
    QList<Rule> rules;
    QList<SocketFamily> socketFamilies;
    QRegularExpression connectPhase;
    QRegularExpression readPhase;
    QHash<QString, int> exceptionStatuses; // "RateLimit" -> 429 (RateLimitError, RateLimitException...)
    QHash<QString, ResetReason> resetReasons;
    QList<QPair<QRegularExpression, QString>> transportFailures;
    QHash<QString, Snippet> snippets;
    QStringList interceptionIssuers;
    QSet<QString> wellKnownDomains; // registrable domains of big public services besides the API providers
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
        r.hopNeedsAnswer = o.value(u"hop_needs_answer").toBool();
        r.fallback = o.value(u"fallback").toBool();
        if (const QString shows = o.value(u"shows").toString(); shows == u"connection")
            r.shows = ErrorSignature::ShownFailure::Connection;
        else if (shows == u"router_provider")
            r.shows = ErrorSignature::ShownFailure::RouterProvider;
        else if (!shows.isEmpty())
            c.problems << u"%1: unknown failure shown %2"_s.arg(r.id, shows);
        for (const QJsonValue &s : o.value(u"suppressed_by").toArray())
            r.suppressedBy << s.toString();
        if (const QJsonArray range = o.value(u"yields_to_status").toArray(); range.size() == 2) {
            r.yieldsFrom = range.at(0).toInt();
            r.yieldsTo = range.at(1).toInt();
        }
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
    const QJsonObject socket = root.value(u"socket_errors").toObject();
    for (const QJsonValue &v : socket.value(u"families").toArray()) {
        const QJsonObject o = v.toObject();
        SocketFamily family;
        family.family = o.value(u"family").toString();
        for (const QJsonValue &n : o.value(u"names").toArray())
            family.names.insert(n.toString().toUpper());
        for (const QJsonValue &n : o.value(u"errno").toArray())
            family.errnos.insert(n.toInt());
        for (const QJsonValue &n : o.value(u"curl").toArray())
            family.curlCodes.insert(n.toInt());
        if (const QString w = o.value(u"wording").toString(); !w.isEmpty())
            family.wording = compile(w, false);
        const QJsonObject sig = o.value(u"signature").toObject();
        family.connectSignature = sig.value(u"connect").toString();
        family.readSignature = sig.value(u"read").toString();
        c.socketFamilies.append(family);
    }
    const QJsonObject exceptions = root.value(u"exception_statuses").toObject();
    for (auto it = exceptions.begin(); it != exceptions.end(); ++it) {
        if (!it.key().startsWith(u'_'))
            c.exceptionStatuses.insert(it.key(), it.value().toInt());
    }
    c.connectPhase = compile(socket.value(u"connect_phase").toString(), true);
    c.readPhase = compile(socket.value(u"read_phase").toString(), true);
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
    for (const QJsonValue &v : root.value(u"well_known_domains").toArray())
        c.wellKnownDomains << v.toString();
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
    static const QStringList order{u"zscaler"_s,    u"squid"_s,   u"litellm"_s,    u"cloudflare"_s,
                                   u"cloudfront"_s, u"akamai"_s,  u"fastly"_s,     u"azure_fd"_s,
                                   u"aws_alb"_s,    u"gcp_lb"_s,  u"openrouter"_s, u"kong"_s,
                                   u"traefik"_s,    u"haproxy"_s, u"nginx"_s,      u"envoy"_s};
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

// Statuses servers really send: a three-digit number elsewhere in a message (a port, a line number,
// a token count) must not pass for one.
bool isKnownStatus(int s)
{
    return (s >= 400 && s <= 418) || (s >= 421 && s <= 426) || s == 428 || s == 429 || s == 431 || s == 451 ||
           s == 499 || (s >= 500 && s <= 511) || (s >= 520 && s <= 530) || (s >= 100 && s < 400);
}

// The status an API client's exception class stands for ("openai.RateLimitError", "google.api_core.
// exceptions.ResourceExhausted"): the first whole class name in the table, with or without a suffix.
int exceptionStatus(const QString &text, const QHash<QString, int> &table)
{
    static const QRegularExpression className(
        u"(?<![A-Za-z0-9_])(?:[A-Za-z_][A-Za-z0-9_]*\\.)*([A-Z][A-Za-z]+?)(?:Error|Exception)?(?![A-Za-z0-9_])"_s);
    for (auto it = className.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        // Only names that look like a class: a dotted path, an Error/Exception suffix, or a colon after.
        const QString whole = m.captured(0);
        // gRPC prints the status name after "code = " (Go) without any of those.
        const bool classy = whole.contains(u'.') || whole.endsWith(u"Error") ||
                            whole.endsWith(u"Exception") || text.mid(m.capturedEnd(), 1) == u":"_s ||
                            text.mid(std::max<qsizetype>(0, m.capturedStart() - 7), 7) == u"code = "_s;
        if (classy) {
            if (const int s = table.value(m.captured(1)); s != 0)
                return s;
        }
    }
    return 0;
}

int statusFromText(const QString &text, const QHash<QString, int> &exceptionStatuses)
{
    // Layouts of an HTTP status in client errors, logs and wrapped exceptions, most specific first.
    static const QList<QRegularExpression> patterns = compileAll(
        // (an access log quotes the request line: "POST /v1/chat/completions HTTP/1.1" 503; llama.cpp's
        // server logs "request: GET /v1/models 127.0.0.1 404")
        {u"HTTP/[\\d.]+\"? (\\d{3})\\b",
         u"\\brequest: (?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) /\\S* \\S+ (\\d{3})\\b",
         u"Error code:?\\**:?\\s*\\**\\s*(\\d{3})\\b",
         u"\\bstatus(?:[ _]?code)?[\"']?\\s*[:=]?\\s*\\(?(\\d{3})\\b",
         u"\\bHTTP(?: code| error| status)?:? (\\d{3})\\b",
         // (also as constants, "504: GATEWAY_TIMEOUT", and as Python floats, "408.0 RequestTimeout")
         u"\\b(\\d{3})(?:\\.0)?:?\\s[\"“']?(?:Bad[ _]Gateway|Service[ _](?:Temporarily[ _])?Unavailable|"
         u"Gateway[ _]?Time-?out|Too[ _]Many[ _]Requests|Unauthorized|Forbidden|Not[ _]Found|Internal[ "
         u"_]Server[ _]Error|"
         u"Payment[ _]Required|Proxy[ _]Authentication[ _]Required|Request[ _]?Timeout|Bad[ "
         u"_]Request|Overloaded|"
         u"Insufficient|Rate limit|Client Error|Server Error)\\b",
         u"\\b(\\d{3}) status code\\b", u"Received HTTP code (\\d{3})",
         u"\\bHTTP response code was (\\d{3})\\b", u"responded with a status of (\\d{3})\\b",
         u"(?:-->|<--)\\s*(?:GET|POST|PUT|PATCH|DELETE) \\S+ (\\d{3})\\b",
         u"response has a status code of (\\d{3})\\b", u"<Response \\[(\\d{3})\\]>",
         u"(?:错误|失败|报错)[:：]?\\s*(?:HTTP\\s*)?([45]\\d\\d)\\b", u"\\b([45]\\d\\d) https?://",
         // "status code" in other languages, as apps print it in their own error details
         u"(?:状态码|狀態碼|ステータスコード|상태 코드|код (?:ответа|статуса)|Statuscode|c[oó]digo de "
         u"(?:estado|status)|"
         u"code d['’]état)\\s*[:：=]?\\s*([45]\\d\\d)\\b",
         u"\\b(?:Server|Client) error '(\\d{3})", u"\\b(?:Error)?Status(?:Code)?\\(\\s*(\\d{3})\\b",
         u"(?<![A-Za-z])HTTP(\\d{3})\\b", u"\\ban? ([45]\\d\\d) error\\b",
         // a person's own words: "I get 401: User not found", "I keep getting the same 503 error",
         // "I run into a <tt>402"
         u"\\b(?:get|gets|got|getting|returns?|returned|returning|received|run into|ran into)\\s+"
         u"(?:(?:an?|the same|more)\\s+)?(?:<\\w+>)?(?:HTTP )?([45]\\d\\d)\\b(?![.,]\\d)",
         u"\\bstatus code (?:was |is )?(?:unacceptable|unexpected|invalid):? (\\d{3})\\b",
         u"\\bUnexpected (?:server )?response(?: code)?:? ([45]\\d\\d)\\b",
         // a browser console: "POST https://api.example.com/v1/chat 400 (Bad Request)"
         u"\\b(?:GET|POST|PUT|PATCH|DELETE|HEAD) https?://\\S+ (\\d{3})(?:/\\d{3})?\\b",
         u"\"code\"\\s*:\\s*\"?([45]\\d\\d)\\b", u"'code'\\s*:\\s*'?([45]\\d\\d)\\b",
         u"\\bcode\\s*[:=]\\s*([45]\\d\\d)\\b",
         u"\\b(?:response|error|returned|failed with|Error:|API "
         u"Error:?|ClientResponseError:)\\s*(?:HTTP\\s*)?\\(?([45]\\d\\d)\\b",
         u"\\[([45]\\d\\d)\\s*[A-Za-z ]*\\]", u"\\(([45]\\d\\d)\\)", u"^\\s*(?:⚠\\s*)?([45]\\d\\d)\\b",
         u"\\b([45]\\d\\d)\\s+[{\\[]",
         // "(Attempt 1/3): 400 Provider returned error", "error: 429 You exceeded..."
         u"[:\\]]\\s+([45]\\d\\d)\\s+(?=[A-Z][a-z])",
         // last, the loosest of a person's words: "openAI 500 errors", "报502错误"
         u"\\b([45]\\d\\d)s? errors?\\b", u"报\\s*([45]\\d\\d)"},
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::MultilineOption);
    for (const QRegularExpression &re : patterns) {
        const auto m = re.match(text);
        if (m.hasMatch()) {
            const int s = m.captured(1).toInt();
            if (isKnownStatus(s))
                return s;
        }
    }
    static const QHash<QString, int> reasonPhrases{{u"Unauthorized"_s, 401},
                                                   {u"Forbidden"_s, 403},
                                                   {u"Too Many Requests"_s, 429},
                                                   {u"Payment Required"_s, 402},
                                                   {u"Bad Gateway"_s, 502},
                                                   {u"Service Unavailable"_s, 503},
                                                   {u"Gateway Timeout"_s, 504},
                                                   {u"Gateway Time-out"_s, 504},
                                                   {u"Internal Server Error"_s, 500},
                                                   {u"Proxy Authentication Required"_s, 407},
                                                   {u"Not Found"_s, 404},
                                                   {u"Bad Request"_s, 400},
                                                   {u"Request Timeout"_s, 408}};
    // gRPC and Google API status names stand for an HTTP status of their own.
    static const QRegularExpression rpc(
        u"\\b(RESOURCE_EXHAUSTED|UNAVAILABLE|PERMISSION_DENIED|UNAUTHENTICATED|NOT_FOUND|INVALID_ARGUMENT|"
        "FAILED_PRECONDITION|DEADLINE_EXCEEDED|INTERNAL|UNAUTHORIZED|FORBIDDEN|TOO_MANY_REQUESTS|BAD_REQUEST)\\b"_s);
    if (const auto m = rpc.match(text); m.hasMatch()) {
        static const QHash<QString, int> codes{{u"RESOURCE_EXHAUSTED"_s, 429},
                                               {u"UNAVAILABLE"_s, 503},
                                               {u"PERMISSION_DENIED"_s, 403},
                                               {u"UNAUTHENTICATED"_s, 401},
                                               {u"NOT_FOUND"_s, 404},
                                               {u"INVALID_ARGUMENT"_s, 400},
                                               {u"FAILED_PRECONDITION"_s, 400},
                                               {u"DEADLINE_EXCEEDED"_s, 504},
                                               {u"INTERNAL"_s, 500},
                                               // tRPC's error codes (LobeChat and other TypeScript apps)
                                               {u"UNAUTHORIZED"_s, 401},
                                               {u"FORBIDDEN"_s, 403},
                                               {u"TOO_MANY_REQUESTS"_s, 429},
                                               {u"BAD_REQUEST"_s, 400}};
        return codes.value(m.captured(1));
    }
    // The reason phrases written as constants ("504: GATEWAY_TIMEOUT" from Vercel, "REQUEST_TIMEOUT").
    static const QHash<QString, int> constants = [] {
        QHash<QString, int> c;
        for (auto it = reasonPhrases.cbegin(); it != reasonPhrases.cend(); ++it)
            c.insert(it.key().toUpper().replace(u' ', u'_').replace(u'-', u'_'), it.value());
        return c;
    }();
    static const QRegularExpression constant(u"\\b[A-Z]+(?:_[A-Z]+)+\\b"_s);
    for (const QRegularExpressionMatch &m : constant.globalMatch(text)) {
        if (const auto it = constants.constFind(m.captured()); it != constants.cend())
            return it.value();
    }
    if (const int s = exceptionStatus(text, exceptionStatuses); s != 0)
        return s;
    // A JSON parser that choked on a plain-text error page shows the page's first words:
    // 'Unexpected token 'I', "Internal S"... is not valid JSON'.
    static const QRegularExpression parsedPage(
        u"Unexpected token '.', \"([^\"\\n]{4,12})\"\\.\\.\\. is not valid JSON"_s);
    if (const auto m = parsedPage.match(text); m.hasMatch()) {
        for (auto it = reasonPhrases.cbegin(); it != reasonPhrases.cend(); ++it) {
            if (it.key().startsWith(m.captured(1)) || m.captured(1).startsWith(it.key()))
                return it.value();
        }
    }
    // A reason phrase on its own ("AI_APICallError: Unauthorized").
    static const QRegularExpression phrase(
        u"\\b(Unauthorized|Forbidden|Too Many Requests|Payment Required|Bad Gateway|Service Unavailable|"
        "Gateway Time-?out|Internal Server Error|Proxy Authentication Required|Not Found|Bad Request)\\b"_s);
    if (const auto m = phrase.match(text); m.hasMatch())
        return reasonPhrases.value(m.captured(1));
    // The same phrases as localized apps show them.
    static const QList<std::pair<QRegularExpression, int>> localized{
        {QRegularExpression(u"网关超时|網關逾時|ゲートウェイ タイムアウト"_s), 504},
        {QRegularExpression(u"错误的网关|网关错误|不正なゲートウェイ"_s), 502},
        {QRegularExpression(u"请求过多|要求が多すぎます"_s), 429}};
    for (const auto &[re, status] : localized) {
        if (re.match(text).hasMatch())
            return status;
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
    static const QList<QRegularExpression> patterns = compileAll(
        {u"Could not resolve host:? ([A-Za-z0-9.-]+)", u"getaddrinfo [A-Z_]+ ([A-Za-z0-9.-]+)",
         u"(?:Unable|Failed) to resolve(?: host)? [\"']([A-Za-z0-9.-]+)[\"']",
         u"lookup ([A-Za-z0-9.-]+\\.[A-Za-z]+)(?: on [^:]+)?: no such host",
         u"Failed to connect to ([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)(?::\\d+)?:? ",
         u"host='([A-Za-z0-9.-]+)'", u"Failed to connect to ([A-Za-z0-9.-]+) port",
         u"connect E[A-Z]+ (::1|::ffff:127\\.[\\d.]+):\\d+", u"connect E[A-Z]+ ([0-9a-fA-F.:]+?):\\d+",
         u"dial tcp ([A-Za-z0-9.-]+):\\d+", u"address: '([0-9a-fA-F.:]+)'",
         u"Cannot connect to host ([A-Za-z0-9.-]+):\\d+",
         u"Failed to connect to ([A-Za-z0-9.-]+)/\\[?[0-9a-fA-F.:]+",
         u"Failed host lookup: ['`]([A-Za-z0-9.-]+)['`]",
         u"无法解析(?:主机名?|域名)[：:\\s]*([A-Za-z0-9.-]+)", u"Could not resolve: ([A-Za-z0-9.-]+)",
         // .NET's "could not be resolved: 'host'", wget's "resolve host address ‘host’"
         u"(?:could not be resolved|resolve host address):? ['‘\"`]([A-Za-z0-9.-]+)['’\"`]",
         u"(?:^|\\n)Connecting to ([A-Za-z0-9.-]+) \\(",
         u"\\bConnect to (?:https?://)?([A-Za-z0-9.-]+):\\d+ \\[",
         u"\\b([A-Za-z0-9.-]+\\.[A-Za-z]{2,}):\\d+ failed to respond\\b",
         u"(?:Host|IP):\\s*([A-Za-z0-9.-]+?)\\.? is not in the cert", u"https?://([A-Za-z0-9.-]+)",
         u"\\(([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}):\\d{2,5}\\)", u"Host: ([A-Za-z0-9.-]+)"});
    return firstCapture(text, patterns);
}

// The port next to the host ("127.0.0.1:11434", "localhost port 1234"), 0 when none is named.
int portIn(const QString &text, const QString &host)
{
    if (host.isEmpty())
        return 0;
    const QString h = QRegularExpression::escape(host);
    // (Java writes the name and the address it resolved to: "localhost/127.0.0.1:4000".)
    const QRegularExpression re(u"%1(?::| port |', port=|/\\[?[0-9a-fA-F.:]+?\\]?:)(\\d{2,5})\\b"_s.arg(h));
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
    // A certificate with no name at all was never issued by a public CA for any server.
    static const QRegularExpression noName(u"Cert does ?not ?contain a DNS name"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    if (noName.match(text).hasMatch())
        return true;
    // curl -v: "subject: CN=other.example" ... "target host name 'api.example.com'".
    static const QRegularExpression subject(u"\\bsubject: [^\\n]*\\bCN ?= ?\\*?\\.?([A-Za-z0-9.-]+)"_s);
    static const QRegularExpression target(u"target host name '([A-Za-z0-9.-]+)'"_s);
    if (const auto cn = subject.match(text), t = target.match(text); cn.hasMatch() && t.hasMatch())
        return registrable(cn.captured(1)) != registrable(t.captured(1));
    // curl: "certificate subject name (*.other.net) does not match target host name 'api.example.com'".
    static const QRegularExpression curlSubject(
        u"subject name \\(\\*?\\.?([A-Za-z0-9.-]+)\\) does not match target host name '([A-Za-z0-9.-]+)'"_s);
    if (const auto m = curlSubject.match(text); m.hasMatch())
        return registrable(m.captured(1)) != registrable(m.captured(2));
    // Go: "x509: certificate is valid for a.example, b.example, not api.example.com".
    static const QRegularExpression goValidFor(
        u"certificate is valid for ([^\\n]{1,300}), not ([A-Za-z0-9.-]+)"_s);
    if (const auto m = goValidFor.match(text); m.hasMatch()) {
        const QString own = registrable(m.captured(2));
        for (const QString &name : m.captured(1).split(u',', Qt::SkipEmptyParts)) {
            QString n = name.trimmed();
            while (n.startsWith(u'*') || n.startsWith(u'.'))
                n.remove(0, 1);
            if (registrable(n) == own)
                return false;
        }
        return true;
    }
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
    // (Not a client's own retry schedule: "Retrying …_completion_with_retry in 4.0 seconds as it raised …"
    // says when tenacity tries again, not when the provider's window resets.)
    static const QRegularExpression re(
        u"(?<![\\w.])(?:try again|retry|retrying|will reset|resets)(?: your request)? (?:in|after) (\\d+(?:\\.\\d+)?)\\s*(ms|milliseconds?|s|sec|secs|seconds?|m|min|minutes?|h|hours?)(?=\\b|\\d)(?!\\s*(?:as it raised|\\(attempt\\b|\\(\\d+/\\d+\\)))"_s,
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
    else if (unit.startsWith(u'h'))
        seconds = value * 3600.0;
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
        u"https?://[A-Za-z0-9.-]+/[^\\s\"'<>)\\]},]*(?:billing|credits|settings|plans|pricing|quota|keys|privacy|rate-limits|account)[^\\s\"'<>)\\]},]*"_s,
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

// The families of client-side socket failures a text names by code, in the order they first appear:
// errno names and numbers in the layouts clients print them, libuv's negated numbers, WinSock numbers,
// curl's numbered errors and exception class names.
QStringList socketFamiliesIn(const QString &text, const Catalogue &c)
{
    QMap<qsizetype, QString> found; // first position -> family
    auto note = [&found](qsizetype at, const QString &family) {
        for (auto it = found.cbegin(); it != found.cend(); ++it) {
            if (it.value() == family) {
                if (it.key() <= at)
                    return;
                found.erase(it);
                break;
            }
        }
        found.insert(at, family);
    };
    static const QRegularExpression token(u"[A-Za-z][A-Za-z0-9_]{2,60}"_s);
    for (auto it = token.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString upper = m.captured(0).toUpper();
        for (const SocketFamily &f : c.socketFamilies) {
            if (f.names.contains(upper))
                note(m.capturedStart(), f.family);
        }
    }
    // Numbers count only in an error-number layout, and with the family's wording when it has one.
    static const QRegularExpression errnoLayout(
        u"\\bOs \\{ code: (\\d{1,5})|\\[(?:Errno|WinError) "
        u"(-?\\d{1,5})\\]|\\berrno:?\\s*(-?\\d{1,5})\\b|SocketException "
        u"\\((\\d{1,5})\\)|"
        "\\((\\d{2,5}): [A-Z][a-z]|\\bos error (\\d{1,5})\\b|\\[errno ?(\\d{1,5})\\]"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression curlLayout(
        u"\\bcurl: \\((\\d{1,2})\\)|\\bcURL error (\\d{1,2})\\b|\\bErrCode: (\\d{1,2})\\b|\\bcurl error:? (\\d{1,2})\\b"_s,
        QRegularExpression::CaseInsensitiveOption);
    auto numbered = [&](const QRegularExpression &layout, bool curl) {
        for (auto it = layout.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            QString digits;
            for (int i = 1; i <= m.lastCapturedIndex() && digits.isEmpty(); ++i)
                digits = m.captured(i);
            int n = digits.toInt();
            // libuv prints errno: -111 (Linux) or -4078 (Windows): the sign carries no meaning there.
            if (!curl && n < 0 && !m.captured(0).startsWith(u'['))
                n = -n;
            for (const SocketFamily &f : c.socketFamilies) {
                if (!(curl ? f.curlCodes : f.errnos).contains(n))
                    continue;
                // (curl's codes are its own and unambiguous; errno numbers differ between systems.)
                if (curl || f.wording.pattern().isEmpty() || f.wording.match(text).hasMatch())
                    note(m.capturedStart(), f.family);
            }
        }
    };
    numbered(errnoLayout, false);
    numbered(curlLayout, true);
    return found.values();
}

// The phase a client failure happened in: "connect" (no connection yet), "read" (waiting for the
// answer), or empty when the text does not say. Read wording wins: some clients name every transfer
// failure a connect exception.
QString failurePhase(const QString &text, const Catalogue &c)
{
    if (c.readPhase.match(text).hasMatch())
        return u"read"_s;
    if (c.connectPhase.match(text).hasMatch())
        return u"connect"_s;
    return {};
}

const Rule *ruleById(const Catalogue &c, const QString &id)
{
    for (const Rule &r : c.rules) {
        if (r.id == id)
            return &r;
    }
    return nullptr;
}

// The socket-level signature that words this text: the family its codes name, in the phase it says.
// Only replaces a decision made by another socket-level signature (or none at all): a gateway's or a
// proxy's own message always explains a socket error inside it better.
const Rule *socketRule(const QString &text, const Catalogue &c, const Rule *decisive)
{
    QSet<QString> socketIds;
    for (const SocketFamily &f : c.socketFamilies)
        socketIds << f.connectSignature << f.readSignature;
    if (decisive && !socketIds.contains(decisive->id))
        return decisive;
    const QStringList families = decisive ? QStringList() : socketFamiliesIn(text, c);
    if (!decisive && families.isEmpty())
        return decisive;
    // The wording's family when a socket-level signature already matched (its words are more specific
    // than a code: "Temporary failure in name resolution" inside an UnknownHostException), else the
    // family of the first code named.
    const SocketFamily *family = nullptr;
    for (const SocketFamily &f : c.socketFamilies) {
        if (decisive ? (decisive->id == f.connectSignature || decisive->id == f.readSignature)
                     : f.family == families.first()) {
            family = &f;
            break;
        }
    }
    if (!family)
        return decisive;
    const QString phase = failurePhase(text, c);
    QString id = phase == u"connect" ? family->connectSignature : family->readSignature;
    if (phase.isEmpty() && decisive &&
        (decisive->id == family->connectSignature || decisive->id == family->readSignature))
        id = decisive->id; // the wording already chose, and the text names no phase to overrule it
    const Rule *r = ruleById(c, id);
    return r ? r : decisive;
}

// Whether a host is (under the domain of) a hosted API provider's own address.
bool isApiProviderHost(const QString &host)
{
    if (host.isEmpty() || QHostAddress(host).protocol() != QAbstractSocket::UnknownNetworkLayerProtocol)
        return false;
    const QString own = registrable(host);
    for (const Provider &p : ProviderCatalog::instance().providers()) {
        if (!p.isLocal() && !p.host().isEmpty() && registrable(p.host()) == own)
            return true;
    }
    return false;
}

// Whether a host belongs to a well-known hosted provider (same registrable domain as its API address):
// such names exist and such servers accept connections, so failing to reach them is the way there.
bool isWellKnownProviderHost(const QString &host)
{
    if (host.isEmpty() || QHostAddress(host).protocol() != QAbstractSocket::UnknownNetworkLayerProtocol)
        return false;
    return catalogue().wellKnownDomains.contains(registrable(host)) || isApiProviderHost(host);
}

// The client never reached the proxy it was told to use (its name, its port, its own code failed).
void markProxyUnreachable(ErrorSignature &s)
{
    s.category = u"proxy_error"_s;
    s.blame = u"proxy"_s;
    s.where = u"proxy"_s;
    s.advice = u"explain_proxy_unreachable"_s;
    s.meaning =
        QCoreApplication::translate("Signature", "Your app could not reach the proxy it is set to use.");
}

// Who is to blame depends on more than the wording: where the failing server is and what the
// message shows of the path.
void refineBlame(const QString &text, ErrorSignature &s)
{
    // The host of the request's URL, when the failing address is another one (a proxy's, a resolved IP).
    static const QRegularExpression urlHostPattern(u"https?://([A-Za-z0-9.-]+)"_s);
    const QString urlHost = urlHostPattern.match(text).captured(1);
    static const QStringList localKinds{u"connection_refused"_s, u"upstream_reset"_s, u"timeout"_s,
                                        u"connect_timeout"_s,    u"server_error"_s,   u"gateway_error"_s};
    // A server on this computer that refuses, resets or stalls is the user's own (Ollama, LM Studio...).
    // (Not in the log of the user's own gateway: there the gateway is the hop that reports it.)
    // (A client that names no URL may still name the address it failed on: "read ECONNRESET at
    // 127.0.0.1:11434".)
    static const QRegularExpression loopbackAddress(
        u"(?<![\\w.-])(?:localhost|127\\.0\\.0\\.1|\\[::1\\])(?::\\d{2,5})?(?![\\w.-])"_s,
        QRegularExpression::CaseInsensitiveOption);
    // (Ollama, LM Studio and llama.cpp's server run on this computer unless the text names another host.)
    static const QRegularExpression localRunner(
        u"\\bollama|\\bLM ?Studio\\b|\\blmstudio\\b|\\bllama\\.cpp\\b|\\bllama-server\\b"_s,
        QRegularExpression::CaseInsensitiveOption);
    // (An address whose host was left out or hidden, "http://…:11434", is another host; a runner's own web
    // site, "Please check that Ollama is downloaded… https://ollama.com/download", is no address it used.)
    static const QRegularExpression runnerSite(u"https?://(?:www\\.)?(?:ollama\\.com|lmstudio\\.ai)\\b"_s,
                                               QRegularExpression::CaseInsensitiveOption);
    const bool namesNoAddress = !QString(text).remove(runnerSite).contains(u"://"_s);
    const bool hostIsRunnerSite = runnerSite.match(u"https://"_s + s.host).hasMatch();
    // (From inside a container, the computer it runs on is host.docker.internal, Docker's bridge 172.17.0.1.)
    const bool onThisComputer =
        isLoopback(s.host) || s.host == u"host.docker.internal"_s ||
        (s.host == u"172.17.0.1"_s && text.contains(u"host.docker.internal"_s)) ||
        ((s.host.isEmpty() || hostIsRunnerSite) &&
         (loopbackAddress.match(text).hasMatch() || (namesNoAddress && localRunner.match(text).hasMatch())));
    // The client could not reach the proxy it was told to use: Go's proxy dialer says so, or the name it
    // failed on is the proxy's own ("getaddrinfo ENOTFOUND proxy-server" for an api.openai.com URL).
    static const QRegularExpression proxyDial(u"\\bproxy ?connect\\s*tcp\\b|\\bsocks connect tcp\\b"_s,
                                              QRegularExpression::CaseInsensitiveOption);
    static const QStringList reachKinds{u"dns_failure"_s, u"connection_refused"_s, u"connect_timeout"_s};
    // (urllib3's SOCKS pool names the proxy's connection class: the refusal or timeout was the proxy's.)
    static const QRegularExpression socksConnection(u"\\bSOCKSHTTPS?Connection(?:Pool)?\\b"_s);
    if (reachKinds.contains(s.category) &&
        (proxyDial.match(text).hasMatch() || s.host.contains(u"proxy"_s, Qt::CaseInsensitive) ||
         socksConnection.match(text).hasMatch())) {
        markProxyUnreachable(s);
        return;
    }
    // A request to a remote API that failed at an address on this computer went through a local proxy
    // (a VPN or proxy app listening on 127.0.0.1:7890): that proxy refused, reset or stalled it.
    static const QRegularExpression loopbackWithPort(
        u"(?<![\\w.-])(?:localhost|127\\.0\\.0\\.1|\\[::1\\]):\\d{2,5}\\b"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QStringList viaLocalProxyKinds{u"connection_refused"_s, u"upstream_reset"_s, u"timeout"_s,
                                                u"connect_timeout"_s};
    // (The address that failed may be the only one a client names; the request's URL says where it went:
    // "request to https://api.openai.com/… failed, reason: connect ECONNREFUSED 127.0.0.1:7890".)
    const bool remoteApi =
        (!s.host.isEmpty() && !isLoopback(s.host)) || (isLoopback(s.host) && isApiProviderHost(urlHost));
    if (viaLocalProxyKinds.contains(s.category) && remoteApi && loopbackWithPort.match(text).hasMatch()) {
        if (s.category == u"connection_refused") {
            markProxyUnreachable(s);
        } else {
            s.blame = u"proxy"_s;
            s.where = u"proxy"_s;
        }
        return;
    }
    // A router that names no cause but says the provider behind it failed (OpenRouter's "Provider returned
    // error"): the provider's side, whatever it was.
    static const QRegularExpression providerReturned(u"\\bProvider returned error\\b"_s,
                                                     QRegularExpression::CaseInsensitiveOption);
    if (s.category == u"unknown" && providerReturned.match(text).hasMatch()) {
        s.blame = u"provider"_s;
        s.where = u"server"_s;
        s.advice = u"explain_provider_returned_error"_s;
        s.shownFailure = ErrorSignature::ShownFailure::RouterProvider;
        return;
    }
    // A connection that failed with no reason given: on this computer, a local server that is not
    // running; to a well-known provider, whose servers always accept, the way there.
    // (Wordings that name a connect attempt, and vaguer ones that say only that the connection failed.)
    static const QRegularExpression connectAttempt(
        u"\\b(?:Cannot|Can'?t|Could not|Couldn't|Failed to|Unable to) connect to\\b|"
        u"\\b(?:unable|failed) to establish a connection\\b|\\bcould not be reached\\b|"
        u"\\bAll connection attempts failed\\b"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression connectFailed(
        u"\\bConnect(?:ion)? error\\b|Unable to connect|Connection Failed|\\bfetch failed\\b|网络连接失败|"
        u"Couldn't connect to server|"
        // (WebKit's fetch says "TypeError: Load failed", not "fetch failed"; node-fetch "request to URL
        // failed, reason: " with the reason left empty.)
        u"\\b(?:TypeError|fetching from \\S+): Load failed\\b|\\brequest to \\S+ failed, reason:"_s,
        QRegularExpression::CaseInsensitiveOption);
    // (Rust's reqwest could not send the request, "error sending request for url (…)" as Codex shows it: the
    // same, except that nothing says a connection was even tried, so it stays unknown at a loopback address.)
    static const QRegularExpression notSent(u"\\berror sending request for url\\b"_s);
    const bool attemptedToConnect = connectAttempt.match(text).hasMatch();
    const bool failedToConnect = attemptedToConnect || connectFailed.match(text).hasMatch();
    if (s.category == u"unknown" && (failedToConnect || notSent.match(text).hasMatch())) {
        // (On this computer, a failure that came at once is a refusal, "after 0 ms"; otherwise the message
        // names no cause, and it stays one, but the server to look at is the local one.)
        static const QRegularExpression atOnce(u"\\bafter [01] ms\\b"_s);
        if (failedToConnect && isLoopback(s.host) && !atOnce.match(text).hasMatch()) {
            s.blame = u"local"_s;
            s.where = u"computer"_s;
            s.advice = u"explain_connection_refused_local"_s;
            s.shownFailure = ErrorSignature::ShownFailure::Connection;
            return;
        }
        if (failedToConnect && isLoopback(s.host)) {
            s.category = u"connection_refused"_s;
            s.blame = u"local"_s;
            s.where = u"computer"_s;
            s.advice = s.port ? u"connection_refused_local"_s : u"explain_connection_refused_local"_s;
            s.meaning =
                QCoreApplication::translate("Signature", "Your app could not connect to %1 on this computer.")
                    .arg(s.host);
            return;
        }
        if (isWellKnownProviderHost(s.host)) {
            s.blame = u"network"_s;
            s.where = u"network"_s;
            s.advice = u"explain_connect_failed_network"_s;
            s.shownFailure = ErrorSignature::ShownFailure::Connection;
            return;
        }
        // ("Failed to connect to Ollama": a local runner named without an address is on this computer.)
        if (onThisComputer) {
            s.blame = u"local"_s;
            s.where = u"computer"_s;
            if (failedToConnect) {
                s.advice = u"explain_connection_refused_local"_s;
                s.shownFailure = ErrorSignature::ShownFailure::Connection;
            }
            return;
        }
    }
    if (localKinds.contains(s.category) && onThisComputer && !s.matched.contains(u"envoy-reset"_s) &&
        !s.ownHop) {
        s.blame = u"local"_s;
        s.where = u"computer"_s;
        if (s.category == u"connection_refused")
            s.advice = s.port ? u"connection_refused_local"_s : u"explain_connection_refused_local"_s;
        else if (s.category == u"timeout")
            s.advice = u"explain_timeout_local"_s;
        else if (s.category == u"server_error" || s.category == u"gateway_error")
            s.advice = u"explain_server_error_local"_s;
        return;
    }
    // The text shows the proxy the client was told to use ("Using proxies: http://127.0.0.1:3198",
    // "HTTPS_PROXY=…", "proxies={'https': …}"): a handshake, reset or stall on the way is that proxy's.
    static const QRegularExpression proxyConfigured(
        u"\\bUsing (?:an? )?(?:https?|socks5?h?)?\\s*prox(?:y|ies)\\b[^\\n]{0,20}(?:https?|socks5h?)://"
        u"|\\bproxies\\s*[=:]\\s*[{'\"]|\\bhttps?_proxy\\s*=\\s*\\S|"
        u"\\bproxy(?:_url)?\\s*[=:]\\s*['\"]?(?:https?|socks5h?)://|\\bwith proxy (?:https?|socks5h?)://|"
        u"代理\\s*[:：]\\s*(?:https?|socks5h?)://"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QStringList throughProxyKinds{u"tls_handshake_failed"_s, u"upstream_reset"_s, u"timeout"_s,
                                               u"connect_timeout"_s,      u"tls_untrusted"_s,  u"unknown"_s};
    // (A server on this computer that failed was handled above; a loopback address here is the proxy's own.
    // A connection error with no cause, with a proxy set: the proxy is the first place to look.)
    if (throughProxyKinds.contains(s.category) && proxyConfigured.match(text).hasMatch()) {
        s.blame = u"proxy"_s;
        s.where = u"proxy"_s;
        return;
    }
    // The user says in their own words that the traffic went through a proxy ("when I turn on the proxy",
    // "开启了代理", "a company that uses its own certificate for ssl traffic"), or the client names the
    // gateway it was set to use (Claude Code: "check your inference gateway (host:port)").
    static const QRegularExpression proxyInWords(
        u"\\b(?:I|we)(?:'m| am| are| have| had)?\\s+"
        u"(?:turn(?:ed)? on|enabled?|using|use[ds]?|set up|configured|behind|set|tried setting) "
        u"(?:the |a |an |my |our )?(?:company |corporate |local |system |http |socks5? )?proxy\\b|"
        u"(?:开启|打开|开了|用了|使用了?|挂了?)\\s*(?:系统|全局|http|socks5?)?\\s*代理|"
        u"\\bown certificate for ssl traffic\\b|\\bMITM\\b|\\bman-in-the-middle\\b|\\bcontent inspection\\b|"
        u"\\b(?:SSL|TLS) inspection\\b|\\bcheck your inference gateway\\b|"
        // the user's own account of the set-up ("connect through corporate proxies", "Our organization
        // leverages a corporate proxy"); not a client's hint "If you are behind a corporate proxy"
        u"(?<!If you are )(?<!If you're )\\b(?:through|behind|via|uses?|leverages?) (?:a |an |the |our |my )?"
        u"(?:corporate|company|enterprise) prox(?:y|ies)\\b|"
        // a proxy tool's own log or answer (Clash/mihomo's "[TCP] dial … (match …)", Fiddler's "[Fiddler] …")
        u"\\[(?:TCP|UDP)\\] dial (?:DIRECT\\b|\\S+ \\(match )|\\[Fiddler\\]"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QStringList inWordsKinds{
        u"tls_handshake_failed"_s, u"upstream_reset"_s, u"timeout"_s,         u"connect_timeout"_s,
        u"tls_untrusted"_s,        u"gateway_error"_s,  u"gateway_timeout"_s, u"connection_refused"_s,
        u"dns_failure"_s,          u"unknown"_s};
    if (inWordsKinds.contains(s.category) && !s.ownHop && proxyInWords.match(text).hasMatch()) {
        s.blame = u"proxy"_s;
        s.where = u"proxy"_s;
        return;
    }
    // The user says the failure happens on a company or office network: the name or the route is the
    // network's to give, whatever the host.
    static const QRegularExpression networkInWords(
        u"\\b(?:from|on|in|inside|behind) (?:the |a |my |our )?(?:company|corporate|office|enterprise) "
        u"(?:network|firewall|LAN|intranet)\\b|公司(?:网络|内网|防火墙)"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QStringList networkKinds{u"dns_failure"_s, u"connect_timeout"_s, u"network_unreachable"_s};
    if (networkKinds.contains(s.category) && !onThisComputer && networkInWords.match(text).hasMatch()) {
        s.blame = u"network"_s;
        s.where = u"network"_s;
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
    // A connection error with no cause, raised inside the client's proxy code: the proxy is where it failed.
    if (s.category == u"unknown" && viaProxy.match(text).hasMatch()) {
        markProxyUnreachable(s);
        return;
    }
    // A connect attempt to any other address, with no cause and no proxy on the way, failed at an address
    // the user set: a LAN machine, a container's name, a typo ("http://ollama:11434 could not be reached").
    // (Only an address that is plainly the user's own: an IP address, a bare machine or container name, a
    // private name; a public name may be any hosted service.)
    static const QRegularExpression ownName(
        u"^[A-Za-z0-9-]+$|\\.(?:local|lan|internal|home|corp|intranet)$"_s,
        QRegularExpression::CaseInsensitiveOption);
    const bool ownAddress = QHostAddress(s.host).protocol() != QAbstractSocket::UnknownNetworkLayerProtocol ||
                            ownName.match(s.host).hasMatch();
    if (s.category == u"unknown" && !onThisComputer && ownAddress && !isWellKnownProviderHost(s.host) &&
        !hostIsRunnerSite && attemptedToConnect) {
        s.blame = u"config"_s;
        s.where = u"config"_s;
        s.advice = u"explain_connect_failed_config"_s;
        s.shownFailure = ErrorSignature::ShownFailure::Connection;
        return;
    }
    // A certificate made out to a proxy ("DNS:internal.litellm.proxy.net" for api.anthropic.com): the proxy
    // on the way presented its own.
    static const QRegularExpression proxyCertificate(u"(?:altnames|subject|CN ?=)[^\\n]{0,160}\\bproxy\\b"_s,
                                                     QRegularExpression::CaseInsensitiveOption);
    // So did one issued by a product that inspects a company's traffic (Fortinet, Palo Alto, Netskope…).
    static const QRegularExpression inspectingIssuer = [] {
        QStringList names;
        for (const QString &n : catalogue().interceptionIssuers)
            names << QRegularExpression::escape(n);
        return QRegularExpression(u"(?<![A-Za-z])(?:%1)(?![a-z])"_s.arg(names.join(u'|')),
                                  QRegularExpression::CaseInsensitiveOption);
    }();
    if ((s.category == u"tls_hostname_mismatch" || s.category == u"tls_untrusted") &&
        (proxyCertificate.match(text).hasMatch() || inspectingIssuer.match(text).hasMatch())) {
        s.blame = u"proxy"_s;
        s.where = u"proxy"_s;
        return;
    }
    // A 403 that is a web page, not the API's JSON: an edge or a filter on the way (Cloudflare, a
    // gateway's block page) refused the request before the API weighed the key.
    static const QRegularExpression webPage(
        u"<html|<!DOCTYPE|\\bcf-section\\b|Why have I been blocked\\?|"
        u"\\bYour request was blocked\\b|invalid character '<' looking for"_s,
        QRegularExpression::CaseInsensitiveOption);
    if (s.category == u"permission_denied" && (s.blame == u"account" || s.blame.isEmpty()) &&
        webPage.match(text).hasMatch()) {
        s.blame = u"network"_s;
        s.where = u"edge"_s;
        s.advice = u"explain_edge_block"_s;
    }
    // (A well-known provider's own address always gets a certificate with its name: a mismatch there was
    // made on the way, by interception or a DNS answer that led elsewhere.)
    // (Chromium's network stack names no host: an Electron app's own service, such as Copilot's, was the
    // target, and a vendor's service presents a certificate with its own name.)
    static const QRegularExpression chromiumNameError(u"\\bnet::ERR_CERT_COMMON_NAME_INVALID\\b"_s);
    if (s.category == u"tls_hostname_mismatch" &&
        (certificateForAnotherDomain(text, s.host) || isWellKnownProviderHost(s.host) ||
         (s.host.isEmpty() && chromiumNameError.match(text).hasMatch()) ||
         ProviderCatalog::instance().findByHost(s.host).has_value()))
        s.blame = u"network"_s;
    // A bare TCP reset ("Connection reset by peer", ECONNRESET) with no gateway named on the path: a
    // provider's load balancer answers with an HTTP error, so a reset without one was most likely cut on
    // the way (a firewall, a filtering network, an unstable link).
    // (Java names a reset "Connection reset" without "by peer"; a write into a reset connection is a
    // broken pipe; WinSock's 10053 is the same cut seen from this side.)
    static const QRegularExpression bareReset(
        u"Connection reset by peer|\\bECONNRESET\\b|\\[Errno 104\\]|\\bUND_ERR_SOCKET\\b|\\bother side "
        u"closed\\b|\\b10054\\b|forcibly closed by the remote host|Exception: Connection reset\\b|"
        u"\\bbroken pipe\\b|\\bEPIPE\\b|\\[Errno 32\\]|\\b10053\\b|established connection was aborted|"
        u"Software caused connection abort|: Connection reset\\s*$"_s,
        QRegularExpression::CaseInsensitiveOption);
    // ("socket hang up": the server closed the connection it had accepted, Node reports it as ECONNRESET.)
    static const QRegularExpression hangUp(u"socket hang up|Server disconnected|RemoteDisconnected"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    const bool noGateway =
        std::none_of(s.hops.cbegin(), s.hops.cend(), [](const QString &h) { return !isClientLibrary(h); });
    if (s.category == u"upstream_reset" && s.blame == u"provider" && noGateway && !s.ownHop &&
        s.matched.contains(u"connection-reset"_s) && bareReset.match(text).hasMatch() &&
        !hangUp.match(text).hasMatch()) {
        s.blame = u"network"_s;
        s.where = u"network"_s;
    }
    // An expired certificate for a well-known provider's address, or one the Node runtime reports: the
    // providers renew theirs, so the client's clock or its old certificate store (an outdated runtime)
    // is the cause, not the server.
    static const QRegularExpression nodeTls(
        u"node:_tls_wrap|TLSSocket\\.onConnectSecure|\\bnode:[a-z_/]+:\\d+|\\bCERT_HAS_EXPIRED\\b"_s);
    // (A certificate "not yet valid" is one whose start lies ahead of this computer's clock: the clock is
    // behind.) (Go says "expired or is not yet valid" for both, and "current time … is before …" for this
    // one.)
    static const QRegularExpression notYetValid(
        u"(?<!expired or is )not yet valid|CERT_NOT_YET_VALID|current time \\S+ is before\\b"_s,
        QRegularExpression::CaseInsensitiveOption);
    if (s.category == u"tls_expired" && s.blame == u"provider" &&
        (ProviderCatalog::instance().findByHost(s.host).has_value() || isWellKnownProviderHost(s.host) ||
         nodeTls.match(text).hasMatch() || notYetValid.match(text).hasMatch())) {
        s.blame = u"local"_s;
        s.where = u"computer"_s;
    }
    // (A client's hint printed with every such error, "Check your proxy or corporate SSL certificates",
    // names no proxy: only a proxy's own certificate does, see the interception signatures.)
    // A region block whose fix is in the account: "…not supported for the API use without a billing
    // account linked".
    static const QRegularExpression billingAccount(u"\\bbilling account\\b|\\benable billing\\b"_s,
                                                   QRegularExpression::CaseInsensitiveOption);
    if (s.matched.contains(u"location-not-supported"_s) && billingAccount.match(text).hasMatch()) {
        s.blame = u"account"_s;
        s.where = u"server"_s;
        s.advice = u"permission_denied"_s;
    }
    // A connection refused where the message names no address, from a client made for one hosted API
    // (Claude Code: "Unable to connect to API (ECONNREFUSED)", Copilot Chat): it went to that API unless set
    // otherwise, and hosted APIs accept connections, so the way there is the likelier cause. (An SDK that
    // names no address says nothing of where it went: people point them at servers of their own just as
    // often.)
    static const QRegularExpression hostedOnlyClient(
        u"\\bUnable to connect to API\\b|@anthropic-ai/claude-code\\b|\\bClaude Code\\b|"
        u"\\bUnable to connect to Anthropic services\\b|"
        // (GitHub Copilot Chat's own sentence: it talks to GitHub's service only)
        u"\\bcheck your firewall rules and network connection then try again\\b"_s);
    if (s.category == u"connection_refused" && s.blame == u"config" && s.host.isEmpty() &&
        urlHost.isEmpty() && !onThisComputer && !s.ownHop && hostedOnlyClient.match(text).hasMatch()) {
        s.blame = u"network"_s;
        s.where = u"network"_s;
        s.advice = u"explain_connection_refused_no_address"_s;
        s.meaning = QCoreApplication::translate("Signature", "The attempt to connect was refused at once.");
        return;
    }
    // A well-known provider's name always resolves and its servers accept connections: when the client
    // could not resolve or was refused, the network in between (its DNS, a firewall) is the cause.
    // (A provider's own API host the verdict engine weighs itself, against the checks when it has them;
    // here only the other names under its domain: "cloudcode-pa.googleapis.com".)
    const bool providerApiHost = ProviderCatalog::instance().findByHost(s.host).has_value();
    const bool wayThere =
        s.category == u"connection_refused" || (s.category == u"dns_failure" && !providerApiHost);
    // (Go dials the address it resolved: "Post \"https://api.openai.com/…\": dial tcp 104.18.6.192:443"
    // failed on the provider's host.)
    const bool dialledProviderAddress =
        QHostAddress(s.host).protocol() != QAbstractSocket::UnknownNetworkLayerProtocol &&
        !isLoopback(s.host) && isWellKnownProviderHost(urlHost);
    if (wayThere && s.blame != u"local"_s && (isWellKnownProviderHost(s.host) || dialledProviderAddress)) {
        s.blame = u"network"_s;
        s.where = u"network"_s;
        s.advice = s.category == u"dns_failure" ? u"explain_dns_failure_network"_s
                                                : u"explain_connection_refused_network"_s;
        if (s.category == u"connection_refused")
            s.meaning =
                QCoreApplication::translate("Signature", "The attempt to connect to %1 was refused at once.")
                    .arg(s.host);
    }
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
    QJsonObject out{{u"hops"_s, QJsonArray::fromStringList(path)},
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
    const QJsonObject sure = certainty().toJson();
    for (auto it = sure.begin(); it != sure.end(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

namespace {

ErrorSignature classifyByRules(const QString &input)
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
        s.meaning = QCoreApplication::translate("Signature", "There is no message to explain.");
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
    const Rule *fallback = nullptr;
    QStringList answerHops; // hops named only by wording that holds when an answer came back
    for (const Rule &r : c.rules) {
        if (!hit.contains(r.id))
            continue;
        if (std::any_of(r.suppressedBy.cbegin(), r.suppressedBy.cend(),
                        [&hit](const QString &id) { return hit.contains(id); }))
            continue;
        s.matched << r.id;
        if (!r.hop.isEmpty() && !s.hops.contains(r.hop)) {
            s.hops << r.hop;
            if (r.hopNeedsAnswer)
                answerHops << r.hop;
        }
        s.ownHop |= r.ownHop;
        if (r.fallback) {
            if (!fallback || r.confidence > fallback->confidence)
                fallback = &r;
            continue;
        }
        if (!r.category.isEmpty() && (!decisive || r.confidence > decisive->confidence))
            decisive = &r;
        if (r.category.isEmpty() && !r.meaning.isEmpty() && !generic)
            generic = &r;
    }
    // Error codes and the phase they name decide between the socket-level signatures.
    if (const Rule *bySocket = socketRule(text, c, decisive); bySocket != decisive) {
        decisive = bySocket;
        if (!s.matched.contains(decisive->id))
            s.matched << decisive->id;
    }
    // A host the client never got an answer from is the server it tried to reach, not a hop on the way.
    static const QStringList beforeAnswer{
        u"dns_failure"_s,   u"connection_refused"_s, u"connect_timeout"_s,       u"network_unreachable"_s,
        u"tls_untrusted"_s, u"tls_expired"_s,        u"tls_hostname_mismatch"_s, u"tls_handshake_failed"_s};
    if (decisive && beforeAnswer.contains(decisive->category)) {
        for (const QString &hop : std::as_const(answerHops))
            s.hops.removeAll(hop);
    }
    // Header lines in a pasted text name hops by the same rules as a live response, but only known
    // intermediaries count: a Server header of the origin (gunicorn, uvicorn) or an unnamed Via proxy
    // is no hop a person can act on from a pasted message.
    static const QStringList intermediaries{u"cloudflare"_s, u"cloudfront"_s, u"akamai"_s,  u"fastly"_s,
                                            u"azure_fd"_s,   u"aws_alb"_s,    u"gcp_lb"_s,  u"kong"_s,
                                            u"traefik"_s,    u"haproxy"_s,    u"nginx"_s,   u"envoy"_s,
                                            u"squid"_s,      u"varnish"_s,    u"apache"_s,  u"caddy"_s,
                                            u"vercel"_s,     u"litellm"_s,    u"zscaler"_s, u"openrouter"_s};
    for (const QString &hop : detectHops(headerLines(text))) {
        if (!s.hops.contains(hop) && intermediaries.contains(hop))
            s.hops << hop;
    }
    std::stable_sort(s.hops.begin(), s.hops.end(),
                     [](const QString &a, const QString &b) { return hopRank(a) < hopRank(b); });

    QByteArray json;
    s.providerError = providerErrorIn(text, &json);
    if (json.isEmpty() && input.size() != text.size())
        s.providerError = providerErrorIn(input.left(scanLimit), &json);
    s.status = statusFromText(text, c.exceptionStatuses);
    // A gateway's 5xx that carries the provider's own 4xx ("502 Bad Gateway: DeepSeek 400: {…}") passed a
    // refusal on: the provider's status says what was wrong.
    static const QRegularExpression nestedStatus(
        u"\\b5\\d\\d\\b[^\\n{]{0,60}?:\\s*[A-Za-z][\\w .-]{0,40}?\\s([4]\\d\\d)\\s*:"_s);
    if (s.status >= 500) {
        if (const auto m = nestedStatus.match(text); m.hasMatch() && isKnownStatus(m.captured(1).toInt()))
            s.status = m.captured(1).toInt();
    }
    s.host = hostIn(text);
    s.port = portIn(text, s.host);
    s.model = modelIn(text);

    // A generic signature (an error type every request error shares, an SDK's catch-all class) says
    // less than the HTTP status: a 403 typed "invalid_request_error" is still a refusal.
    auto statusClass = [&] {
        HttpResponse response;
        response.status = s.status;
        response.body = json.isEmpty() ? text.left(4096).toUtf8() : json;
        return classifyResponse(response, true, false);
    };
    if (decisive && s.status >= decisive->yieldsFrom && s.status <= decisive->yieldsTo)
        decisive = nullptr;
    if (decisive && decisive->confidence <= 0.5 && s.status != 0) {
        const ResponseClass rc = statusClass();
        if (rc.category != Category::Unknown && categoryName(rc.category) != decisive->category &&
            rc.category != Category::Cancelled)
            decisive = nullptr;
    }
    // The reading a signature gives: what it means, who wrote it, where it broke, who acts.
    auto adopt = [&s](const Rule &r) {
        s.category = r.category;
        s.blame = r.blame.isEmpty() ? u"none"_s : r.blame;
        s.where = r.where;
        s.producer = r.producer;
        s.meaning = r.meaning;
        s.advice = r.advice;
        s.shownFailure = r.shows;
        s.confidence = r.confidence;
    };
    if (decisive) {
        adopt(*decisive);
        if (s.status == 0)
            s.status = decisive->status; // the status this message always comes with
        parseEnvoy(text, s, c);
    } else if (s.status != 0 || !json.isEmpty()) {
        // No signature, but an HTTP status or a provider's error body: the response rules know those.
        const ResponseClass rc = statusClass();
        // A "200 OK" in a pasted error is a request that went well before the one that failed (a log line),
        // or an error that arrived inside a successful answer: it never means that everything works.
        static const QRegularExpression failureWords(u"\\b(?:error|exception|traceback|failed)\\b"_s,
                                                     QRegularExpression::CaseInsensitiveOption);
        const bool okButFailed = rc.category == Category::Ok && failureWords.match(text).hasMatch();
        if (rc.category != Category::Unknown && rc.category != Category::Cancelled && !okButFailed) {
            s.category = categoryName(rc.category);
            s.meaning = rc.summary;
            s.producer = u"the server"_s;
            s.where = u"server"_s;
            s.blame.clear(); // the category's advice decides
            s.confidence = 0.6;
        }
    }
    // A common word decides only where nothing else did: no signature, no status, and no catch-all of the
    // client's own ("fetch failed … 超时" is a connection that was not made, not a slow answer).
    if (s.category == u"unknown" && fallback && !generic)
        adopt(*fallback);
    double wait = -1;
    s.retryAfter = waitIn(text, &wait);
    // A "quota" that resets within the hour is a rate limit: waiting, not paying, fixes it. Unless the
    // limit itself is zero: then no window ever lets a request through.
    static const QRegularExpression zeroLimit(u"\\blimit:? 0\\b"_s);
    // (A quota the message says resets within the day is a daily window, as "requests per day" is.)
    static const QRegularExpression resets(u"\\b(?:will reset|resets) (?:after|in)\\b"_s);
    const bool window = wait >= 0 && (wait < 3600 || (wait < 86400 && resets.match(text).hasMatch()));
    if (s.category == u"quota_exhausted" && window && !zeroLimit.match(text).hasMatch()) {
        s.category = u"rate_limited"_s;
        s.advice.clear();
        s.meaning = QCoreApplication::translate(
            "Signature", "The provider counts this key's requests per time window, and "
                         "this one went over; the window resets shortly.");
    }
    // A bare 503 with no gateway on the path is the service's own "unavailable", not a gateway's page.
    static const QStringList gatewayHops{
        u"aws_alb"_s,  u"nginx"_s,  u"haproxy"_s, u"envoy"_s,      u"kong"_s,   u"traefik"_s, u"cloudflare"_s,
        u"azure_fd"_s, u"gcp_lb"_s, u"varnish"_s, u"cloudfront"_s, u"akamai"_s, u"istio"_s,   u"apisix"_s};
    if (s.category == u"gateway_error"_s && s.status == 503 && s.producer == u"the server"_s &&
        std::none_of(s.hops.cbegin(), s.hops.cend(),
                     [](const QString &h) { return gatewayHops.contains(h); })) {
        s.category = u"server_error"_s;
        s.meaning = QCoreApplication::translate(
            "Signature", "The service answered that it is unavailable for now (HTTP 503).");
    }
    // A load balancer's own "503 Service Unavailable" page: it has no working server behind it.
    static const QStringList balancers{u"aws_alb"_s, u"nginx"_s, u"haproxy"_s,
                                       u"envoy"_s,   u"kong"_s,  u"traefik"_s};
    if (s.category == u"server_error"_s && s.matched.contains(u"service-unavailable"_s) &&
        std::any_of(s.hops.cbegin(), s.hops.cend(), [](const QString &h) { return balancers.contains(h); })) {
        s.category = u"gateway_error"_s;
        s.advice.clear();
    }
    // A 504 is a gateway's answer that it gave up waiting: the wait ended on the way, not in the client.
    // (Not gRPC's DEADLINE_EXCEEDED, which stands for 504 too: that is the caller's own deadline.)
    static const QRegularExpression callerDeadline(u"deadline.?exceeded|deadline expired"_s,
                                                   QRegularExpression::CaseInsensitiveOption);
    if (s.status == 504 && s.category == u"timeout"_s && !callerDeadline.match(text).hasMatch())
        s.category = u"gateway_timeout"_s;
    // "Missing or invalid" key: an app that sent none says "missing" alone; this one sent a key.
    static const QRegularExpression missingOrInvalid(
        u"\\b(?:missing|not found) or invalid\\b|\\binvalid or missing\\b"_s,
        QRegularExpression::CaseInsensitiveOption);
    if (s.category == u"auth_missing_key"_s && missingOrInvalid.match(text).hasMatch()) {
        s.category = u"auth_invalid_key"_s;
        s.blame = u"account"_s;
        s.advice.clear();
    }
    // Status codes 520 to 527 are Cloudflare's own: its edge wrote the answer.
    if (s.status >= 520 && s.status <= 527 && !s.hops.contains(u"cloudflare"_s))
        s.hops.append(u"cloudflare"_s);
    // A 429 is a limit on requests or tokens per time, even where it says "too many tokens".
    // (Not a message too large to send at all: gRPC's RESOURCE_EXHAUSTED names that too.)
    if (s.status == 429 && s.category == u"bad_request"_s && !s.matched.contains(u"request-too-large"_s)) {
        s.category = u"rate_limited"_s;
        s.blame = u"account"_s;
        s.advice.clear();
    }
    // An "invalid" key that is the word undefined, null or None, or an unexpanded variable: the app
    // sent no key at all, its setting was empty.
    static const QRegularExpression emptyKey(
        u"(?:API key provided|api[_-]?key)[:= ]+['\"`]?(?:undefined|null|None|\\$\\{?[A-Z_]+\\}?)['\"`]?(?![\\w-])"_s,
        QRegularExpression::CaseInsensitiveOption);
    if (s.category == u"auth_invalid_key"_s && emptyKey.match(text).hasMatch()) {
        s.category = u"auth_missing_key"_s;
        s.blame = u"config"_s;
        s.where = u"computer"_s;
        s.advice.clear();
        s.meaning = QCoreApplication::translate(
            "Signature",
            "The app sent the word \"undefined\" or \"null\" as its key: its key setting was empty.");
    }
    // gRPC's "failed to connect to all addresses" after a deadline ran out: the connect phase timed out.
    static const QRegularExpression deadline(u"Deadline of [\\d.]+\\s*s exceeded|DEADLINE_EXCEEDED"_s,
                                             QRegularExpression::CaseInsensitiveOption);
    if (s.matched.contains(u"grpc-connect-failed"_s) && s.category == u"unknown"_s &&
        deadline.match(text).hasMatch()) {
        s.category = u"connect_timeout"_s;
        s.blame = u"network"_s;
        s.advice.clear();
    }
    refineBlame(text, s);
    s.link = accountLinkIn(text);
    if (s.category == u"unknown") {
        s.confidence = generic ? generic->confidence : 0.2;
        // (Where the message showed what failed but not why, saying it names no known error would be false.)
        const bool connectFailed = s.shownFailure == ErrorSignature::ShownFailure::Connection;
        const bool routerSaid = s.shownFailure == ErrorSignature::ShownFailure::RouterProvider;
        s.meaning =
            connectFailed ? QCoreApplication::translate(
                                "Signature", "The message says the connection failed, but not why.")
            : routerSaid
                ? QCoreApplication::translate(
                      "Signature", "The message says the provider behind the router failed, but not why.")
            : generic
                ? generic->meaning
                : QCoreApplication::translate(
                      "Signature", "llmdoctor does not recognise this message: it names no known error.");
        // Say what could be read, even without a cause: the status and who wrote it.
        QStringList read;
        if (s.status != 0)
            read << QCoreApplication::translate("Signature", "HTTP status %1").arg(s.status);
        const QStringList path = [&s] {
            QStringList p;
            for (const QString &h : s.hops) {
                if (!isClientLibrary(h))
                    p << h;
            }
            return p;
        }();
        if (!path.isEmpty() && !routerSaid) // (the router's advice names it)
            read << QCoreApplication::translate("Signature", "passed through %1").arg(path.join(u", "_s));
        if (!read.isEmpty() && (connectFailed || routerSaid))
            s.meaning +=
                u' ' + QCoreApplication::translate("Signature", "It also shows: %1.").arg(read.join(u"; "_s));
        else if (!read.isEmpty())
            s.meaning +=
                u' ' + QCoreApplication::translate("Signature", "It reads as %1, but names no cause.")
                           .arg(read.join(u"; "_s));
    }
    return s;
}

} // namespace

Certainty ErrorSignature::certainty() const
{
    Certainty c;
    c.applies = category != u"unknown" && !secondReading.isEmpty();
    c.sure = c.applies && secondReading == category;
    c.secondReading = secondReading;
    return c;
}

QString Certainty::inWords() const
{
    if (!applies)
        return {};
    return sure ? QCoreApplication::translate(
                      "Certainty", "Fairly sure: a second, independent reading of the message agrees. "
                                   "Readings like this were right about 9 times in 10 on messages "
                                   "llmdoctor had never seen.")
                : QCoreApplication::translate(
                      "Certainty", "Not sure: a second, independent reading of the message points to "
                                   "another cause. Readings like this were wrong up to 4 times in 10 on "
                                   "messages llmdoctor had never seen; the checks will tell.");
}

QJsonObject Certainty::toJson() const
{
    return QJsonObject{{u"sure"_s, applies ? QJsonValue(sure) : QJsonValue()},
                       {u"second_reading"_s, applies ? QJsonValue(secondReading) : QJsonValue()}};
}

ErrorSignature classifyErrorText(const QString &input)
{
    ErrorSignature s = classifyByRules(input);
    // The word model reads the text as pasted: it learnt from texts as pasted.
    if (!input.trimmed().isEmpty())
        s.secondReading = WordModel::shared().categoryOf(input);
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
    if (rc.category == Category::Ok || s.confidence < 0.7) {
        s.category = categoryName(rc.category);
        s.meaning = rc.summary;
        s.blame.clear();
        s.advice.clear();
        s.where = rc.category == Category::Ok ? QString() : u"server"_s;
        s.confidence = rc.category == Category::Ok ? 0.9 : 0.7;
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
    // Every socket family words itself through signatures that exist, with patterns that compile.
    for (const SocketFamily &f : c.socketFamilies) {
        for (const QString &id : {f.connectSignature, f.readSignature}) {
            if (!ruleById(c, id))
                problems << u"socket family %1: no signature %2"_s.arg(f.family, id);
        }
        if (!f.wording.pattern().isEmpty() && !f.wording.isValid())
            problems << u"socket family %1: bad wording (%2)"_s.arg(f.family, f.wording.errorString());
    }
    for (const QRegularExpression *re : {&c.connectPhase, &c.readPhase}) {
        if (re->pattern().isEmpty() || !re->isValid())
            problems << u"socket phase pattern: %1"_s.arg(re->pattern().isEmpty() ? u"missing"_s
                                                                                  : re->errorString());
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

QString translatedMeaning(const QString &meaning)
{
    const auto tr = [](const QString &text) {
        return QCoreApplication::translate("Signature", text.toUtf8().constData());
    };
    // An Envoy message's meaning ends with what its reset reason and transport failure say
    // (parseEnvoy): each part is translated on its own.
    static const char *const resetTemplate =
        QT_TRANSLATE_NOOP("Signature", "The reset reason \"%1\" means %2");
    static const char *const transportTemplate =
        QT_TRANSLATE_NOOP("Signature", "The transport failure reason says %1");
    static const QRegularExpression transport(u" The transport failure reason says (.+)$"_s);
    static const QRegularExpression reset(u" The reset reason \"([^\"]*)\" means (.+)$"_s);
    QString rest = meaning;
    QString tail;
    if (const QRegularExpressionMatch m = transport.match(rest); m.hasMatch()) {
        tail = u' ' + QCoreApplication::translate("Signature", transportTemplate).arg(tr(m.captured(1)));
        rest.truncate(m.capturedStart());
    }
    if (const QRegularExpressionMatch m = reset.match(rest); m.hasMatch()) {
        tail.prepend(
            u' ' +
            QCoreApplication::translate("Signature", resetTemplate).arg(m.captured(1), tr(m.captured(2))));
        rest.truncate(m.capturedStart());
    }
    return rest.isEmpty() ? rest : tr(rest) + tail;
}

const QStringList &verdictCategories()
{
    // Every category but "cancelled", which only a run the user stopped has.
    static const QStringList names = categoryNames().mid(0, categoryNames().size() - 1);
    return names;
}

} // namespace llmdoctor::core
