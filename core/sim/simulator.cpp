#include "simulator.h"

#include "../probe/httpmessage.h"
#include "httprequestparser.h"

#include <QDateTime>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRandomGenerator>
#include <QSet>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <algorithm>
#include <array>
#include <cmath>
#include <initializer_list>
#include <sys/socket.h>
#include <unistd.h>
#include <utility>

using namespace Qt::StringLiterals;

namespace llmdoctor::core {

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;
using Request = HttpRequestParser::Request;

constexpr int kTrickleIntervalMs = 250; // slow_headers: one byte of the head per tick
constexpr int kIdleTimeoutMs = 5 * 60 * 1000;
constexpr int kLingerMs = 2000; // how long a closing connection may keep sending before it is cut
constexpr qint64 kSocketReadBuffer = 256 * 1024;

struct FaultInfo
{
    Fault fault;
    QLatin1StringView name;
    const char *description;
};

// One sentence each: shown by `simulate --help` and in the UI.
constexpr std::array kFaults{
    FaultInfo{Fault::None, "none"_L1, "Answers every request like a healthy OpenAI-compatible API."},
    FaultInfo{Fault::BadGateway, "bad_gateway"_L1,
              "Answers 502 with nginx's \"502 Bad Gateway\" page, as a reverse proxy does when the server "
              "behind it fails."},
    FaultInfo{
        Fault::EnvoyReset, "envoy_reset"_L1,
        "Answers 503 with Envoy's \"upstream connect error or disconnect/reset before headers\" text, as "
        "an edge proxy does when the service behind it drops the connection."},
    FaultInfo{Fault::ResetBeforeHeaders, "reset_before_headers"_L1,
              "Reads the request, then resets the TCP connection without sending a byte."},
    FaultInfo{Fault::CloseBeforeHeaders, "close_before_headers"_L1,
              "Reads the request, then closes the connection cleanly without sending a byte."},
    FaultInfo{Fault::Hang, "hang"_L1,
              "Reads the request and never answers, so the client waits until its own timeout."},
    FaultInfo{Fault::SlowHeaders, "slow_headers"_L1,
              "Sends the response headers one byte every 250 ms, so a client with a deadline times out "
              "halfway through them."},
    FaultInfo{Fault::RateLimit, "rate_limit"_L1,
              "Answers 429 with OpenAI's rate-limit error and Retry-After headers."},
    FaultInfo{Fault::InvalidKey, "invalid_key"_L1,
              "Answers 401 with OpenAI's \"Incorrect API key provided\" error to every request."},
    FaultInfo{Fault::ModelNotFound, "model_not_found"_L1,
              "Lists only non-OpenAI models and answers 404 model_not_found when asked for gpt-4o-mini or "
              "gpt-4o."},
    FaultInfo{Fault::Overloaded, "overloaded"_L1, "Answers 529 with Anthropic's overloaded_error body."},
    FaultInfo{Fault::Flaky, "flaky"_L1,
              "Fails a fixed share of requests (every second one by default) with nginx's 502 page and "
              "answers the others normally."},
    FaultInfo{Fault::Tls, "tls"_L1,
              "Serves the healthy API over HTTPS with a self-signed certificate, so a client that verifies "
              "certificates fails the TLS handshake."},
    FaultInfo{Fault::QuotaExhausted, "quota_exhausted"_L1,
              "Answers as an account without credit does: OpenAI's 429 insufficient_quota, OpenRouter's 402 "
              "or Anthropic's \"credit balance is too low\"."},
    FaultInfo{Fault::Forbidden, "forbidden"_L1,
              "Answers 403, as a provider does for a key without permission or a country it does not serve."},
    FaultInfo{Fault::GatewayTimeout, "gateway_timeout"_L1,
              "Makes a share of requests (--share, every second one by default) wait --gateway-timeout-ms "
              "(2000 by default), then answers them with nginx's \"504 Gateway Time-out\", as a proxy does "
              "whose proxy_read_timeout ran out; the others are answered at once."},
};

// ---- small JSON writer: keeps key order, so bodies look like the real services' ----

QByteArray jsonString(QStringView text)
{
    QByteArray out;
    out.reserve(text.size() + 2);
    out += '"';
    for (const char c : text.toUtf8()) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20)
                out += "\\u00" + QByteArray::number(static_cast<unsigned char>(c), 16).rightJustified(2, '0');
            else
                out += c;
        }
    }
    out += '"';
    return out;
}

QByteArray jsonString(const char *latin1)
{
    return jsonString(QString::fromLatin1(latin1));
}

// Values are raw JSON.
QByteArray jsonObject(std::initializer_list<std::pair<const char *, QByteArray>> members)
{
    QByteArray out = "{";
    for (const auto &[key, value] : members) {
        if (out.size() > 1)
            out += ',';
        out += '"';
        out += key;
        out += "\":";
        out += value;
    }
    out += '}';
    return out;
}

QByteArray jsonArray(const QList<QByteArray> &values)
{
    return '[' + values.join(',') + ']';
}

QByteArray randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (char &c : raw)
        c = static_cast<char>(QRandomGenerator::global()->bounded(256));
    return raw.toHex();
}

QByteArray httpDate()
{
    return QLocale::c()
        .toString(QDateTime::currentDateTimeUtc(), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'")
        .toLatin1();
}

// ---- what to answer ----

struct Answer
{
    int status = 200;
    QByteArray reason = "OK";
    Headers headers;          // without framing and Connection, which are added when sending
    QByteArray body;          // ignored when streaming
    QList<QByteArray> events; // streaming: each one written separately
    bool streaming = false;
    bool titleCaseFraming = false; // nginx writes "Content-Length", our API "content-length"
};

struct Plan
{
    enum class Kind
    {
        Answer,
        Reset,
        Close,
        Hang
    };
    Kind kind = Kind::Answer;
    Answer answer;
    bool trickleHead = false;
    int extraDelayMs = 0; // on top of the options' delay
};

// Headers every answer from the simulated API itself carries.
Answer apiAnswer(int status, const QByteArray &contentType, QByteArray body)
{
    Answer a;
    a.status = status;
    a.reason = httpReasonPhrase(status);
    a.headers = {{"date", httpDate()},
                 {"content-type", contentType},
                 {"x-request-id", "req_" + randomHex(16)},
                 {"server", "llmdoctor-simulator"}};
    a.body = std::move(body);
    return a;
}

Answer jsonAnswer(int status, const QByteArray &json)
{
    return apiAnswer(status, "application/json", json + '\n');
}

// {"error":{"message","type","param","code"}}; param and code are raw JSON (null or a string).
Answer openAiError(int status, const QString &message, const char *type, const QByteArray &param = "null",
                   const QByteArray &code = "null")
{
    return jsonAnswer(status, jsonObject({{"error", jsonObject({{"message", jsonString(message)},
                                                                {"type", jsonString(type)},
                                                                {"param", param},
                                                                {"code", code}})}}));
}

Answer nginxBadGateway()
{
    Answer a;
    a.status = 502;
    a.reason = "Bad Gateway";
    a.headers = {{"Server", "nginx/1.22.1"}, {"Date", httpDate()}, {"Content-Type", "text/html"}};
    a.body = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
             "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n"
             "</body>\r\n</html>\r\n";
    a.titleCaseFraming = true;
    return a;
}

Answer nginxGatewayTimeout()
{
    Answer a = nginxBadGateway();
    a.status = 504;
    a.reason = "Gateway Time-out";
    a.body = "<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n"
             "<center><h1>504 Gateway Time-out</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n"
             "</body>\r\n</html>\r\n";
    return a;
}

Answer envoyReset()
{
    Answer a;
    a.status = 503;
    a.reason = "Service Unavailable";
    a.headers = {{"content-type", "text/plain"}, {"date", httpDate()}, {"server", "envoy"}};
    a.body =
        "upstream connect error or disconnect/reset before headers. reset reason: connection termination";
    return a;
}

Answer rateLimited(const SimulatorOptions &options)
{
    const int seconds = std::max(0, options.retryAfterSeconds);
    const QString message =
        u"Rate limit reached for requests per min (RPM) in organization org-llmdoctor-simulator: "
        u"Limit 60, Used 60, Requested 1. Please try again in %1s."_s.arg(seconds);
    Answer a = openAiError(429, message, "requests", "null", jsonString("rate_limit_exceeded"));
    const QByteArray s = QByteArray::number(seconds);
    a.headers += {{"retry-after", s},
                  {"retry-after-ms", QByteArray::number(qint64(seconds) * 1000)},
                  {"x-ratelimit-limit-requests", "60"},
                  {"x-ratelimit-remaining-requests", "0"},
                  {"x-ratelimit-reset-requests", s + 's'}};
    return a;
}

QString sentApiKey(const Request &request)
{
    QByteArray auth = request.header("authorization").trimmed();
    if (auth.size() >= 7 && QByteArrayView(auth).first(7).compare("bearer ", Qt::CaseInsensitive) == 0)
        return QString::fromUtf8(auth.mid(7).trimmed());
    // Anthropic and Azure style headers count as a key too.
    for (const char *name : {"x-api-key", "api-key"}) {
        if (const QByteArray key = request.header(name).trimmed(); !key.isEmpty())
            return QString::fromUtf8(key);
    }
    return QString::fromUtf8(auth);
}

Answer invalidKey(const Request &request)
{
    const QString key = sentApiKey(request);
    if (key.isEmpty()) {
        return openAiError(401,
                           u"You didn't provide an API key. You need to provide your API key in an "
                           u"Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY)."_s,
                           "invalid_request_error");
    }
    // Like OpenAI, never echo the key: only its last four characters.
    const QString shown = (key.startsWith("sk-"_L1) ? u"sk-..."_s : u"..."_s) + key.right(4);
    return openAiError(401, u"Incorrect API key provided: %1."_s.arg(shown), "invalid_request_error", "null",
                       jsonString("invalid_api_key"));
}

Answer anthropicOverloaded()
{
    Answer a = apiAnswer(529, "application/json",
                         R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})");
    a.headers += {{"request-id", "req_" + randomHex(12)}, {"x-should-retry", "true"}};
    return a;
}

// One error in the configured provider's dialect. openAiType/openAiCode are OpenAI's type and
// code; anthropicType is Anthropic's error type.
Answer styledError(const SimulatorOptions &options, int status, const QString &message,
                   const char *openAiType, const char *openAiCode, const char *anthropicType)
{
    switch (options.errorStyle) {
    case ErrorStyle::Anthropic: {
        const QByteArray requestId = "req_" + randomHex(12);
        Answer a =
            jsonAnswer(status, jsonObject({{"type", jsonString("error")},
                                           {"error", jsonObject({{"type", jsonString(anthropicType)},
                                                                 {"message", jsonString(message)}})},
                                           {"request_id", jsonString(QString::fromLatin1(requestId))}}));
        a.headers.append({"request-id", requestId});
        return a;
    }
    case ErrorStyle::OpenRouter:
        return jsonAnswer(status, jsonObject({{"error", jsonObject({{"code", QByteArray::number(status)},
                                                                    {"message", jsonString(message)},
                                                                    {"metadata", "null"}})}}));
    case ErrorStyle::OpenAi:
        break;
    }
    return openAiError(status, message, openAiType, "null",
                       openAiCode ? jsonString(openAiCode) : QByteArray("null"));
}

// A wrong or missing key, in each provider's words. Never echoes the key.
Answer styledInvalidKey(const SimulatorOptions &options, const Request &request)
{
    if (options.errorStyle == ErrorStyle::OpenAi)
        return invalidKey(request);
    const bool missing = sentApiKey(request).isEmpty();
    if (options.errorStyle == ErrorStyle::Anthropic)
        return styledError(options, 401, missing ? u"x-api-key header is required"_s : u"invalid x-api-key"_s,
                           nullptr, nullptr, "authentication_error");
    return styledError(options, 401, missing ? u"No auth credentials found"_s : u"User not found."_s, nullptr,
                       nullptr, nullptr);
}

Answer quotaExhausted(const SimulatorOptions &options)
{
    switch (options.errorStyle) {
    case ErrorStyle::Anthropic:
        return styledError(
            options, 400,
            u"Your credit balance is too low to access the Anthropic API. Please go to Plans & "
            u"Billing to upgrade or purchase credits."_s,
            nullptr, nullptr, "invalid_request_error");
    case ErrorStyle::OpenRouter:
        return styledError(options, 402,
                           u"Insufficient credits. Add more using https://openrouter.ai/credits"_s, nullptr,
                           nullptr, nullptr);
    case ErrorStyle::OpenAi:
        break;
    }
    return openAiError(429, u"You exceeded your current quota, please check your plan and billing details."_s,
                       "insufficient_quota", "null", jsonString("insufficient_quota"));
}

Answer forbidden(const SimulatorOptions &options)
{
    switch (options.errorStyle) {
    case ErrorStyle::Anthropic:
        return styledError(options, 403,
                           u"Your API key does not have permission to use the specified resource."_s, nullptr,
                           nullptr, "permission_error");
    case ErrorStyle::OpenRouter:
        return styledError(options, 403, u"This model is not available in your region."_s, nullptr, nullptr,
                           nullptr);
    case ErrorStyle::OpenAi:
        break;
    }
    return openAiError(403, u"Country, region, or territory not supported"_s, "request_forbidden", "null",
                       jsonString("unsupported_country_region_territory"));
}

Answer styledRateLimit(const SimulatorOptions &options)
{
    if (options.errorStyle == ErrorStyle::OpenAi)
        return rateLimited(options);
    const int seconds = std::max(0, options.retryAfterSeconds);
    Answer a =
        options.errorStyle == ErrorStyle::Anthropic
            ? styledError(options, 429,
                          u"This request would exceed the rate limit for your organization of 50 requests "
                          u"per minute."_s,
                          nullptr, nullptr, "rate_limit_error")
            : styledError(options, 429, u"Rate limit exceeded: free-models-per-min."_s, nullptr, nullptr,
                          nullptr);
    a.headers.append({"retry-after", QByteArray::number(seconds)});
    if (options.errorStyle == ErrorStyle::Anthropic) {
        const QByteArray reset =
            QDateTime::currentDateTimeUtc().addSecs(seconds).toString(Qt::ISODate).toLatin1();
        a.headers += {{"anthropic-ratelimit-requests-limit", "50"},
                      {"anthropic-ratelimit-requests-remaining", "0"},
                      {"anthropic-ratelimit-requests-reset", reset}};
    }
    return a;
}

bool looksLikeOpenAiModel(const QString &model)
{
    static const QStringList prefixes{u"gpt-"_s, u"chatgpt-"_s, u"o1"_s,     u"o3"_s,
                                      u"o4"_s,   u"text-"_s,    u"davinci"_s};
    return !model.contains(u'/') && std::any_of(prefixes.begin(), prefixes.end(),
                                                [&](const QString &p) { return model.startsWith(p); });
}

QStringList servedModels(const SimulatorOptions &options)
{
    QStringList models = options.models.isEmpty() ? Simulator::defaultModels() : options.models;
    if (options.fault == Fault::ModelNotFound)
        models.removeIf(looksLikeOpenAiModel);
    return models;
}

constexpr qint64 kModelCreated = 1715367049; // a fixed date, so answers are reproducible

QByteArray modelJson(const QString &id, qsizetype index)
{
    return jsonObject({{"id", jsonString(id)},
                       {"object", jsonString("model")},
                       {"created", QByteArray::number(kModelCreated + index)},
                       {"owned_by", jsonString("llmdoctor-simulator")}});
}

Answer modelList(const SimulatorOptions &options)
{
    QList<QByteArray> data;
    const QStringList models = servedModels(options);
    for (qsizetype i = 0; i < models.size(); ++i)
        data += modelJson(models[i], i);
    return jsonAnswer(200, jsonObject({{"object", jsonString("list")}, {"data", jsonArray(data)}}));
}

Answer modelNotFound(const QString &model)
{
    return openAiError(404, u"The model `%1` does not exist or you do not have access to it."_s.arg(model),
                       "invalid_request_error", "null", jsonString("model_not_found"));
}

const QString kReply =
    u"Hello from the llmdoctor simulator: your request reached the server and was answered normally."_s;

Answer chatCompletion(const Request &request, const SimulatorOptions &options)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        return openAiError(
            400,
            u"We could not parse the JSON body of your request. (HINT: This likely means you "
            u"aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, "
            u"but what was sent was not valid JSON.)"_s,
            "invalid_request_error");
    }
    const QJsonObject body = doc.object();
    if (!body.value("model"_L1).isString() || body.value("model"_L1).toString().isEmpty())
        return openAiError(400, u"You must provide a model parameter."_s, "invalid_request_error");
    if (!body.value("messages"_L1).isArray()) {
        return openAiError(400, u"Missing required parameter: 'messages'."_s, "invalid_request_error",
                           jsonString("messages"), jsonString("missing_required_parameter"));
    }
    const QString model = body.value("model"_L1).toString();
    if (!servedModels(options).contains(model))
        return modelNotFound(model);

    qsizetype promptChars = 0;
    for (const QJsonValue message : body.value("messages"_L1).toArray())
        promptChars += message.toObject().value("content"_L1).toString().size();
    const QByteArray id = jsonString(QString::fromLatin1("chatcmpl-" + randomHex(12)));
    const QByteArray created = QByteArray::number(QDateTime::currentSecsSinceEpoch());
    const QByteArray modelJsonText = jsonString(model);

    if (!body.value("stream"_L1).toBool()) {
        const qint64 promptTokens = std::max<qint64>(1, promptChars / 4);
        const qint64 completionTokens = 18;
        const QByteArray message = jsonObject(
            {{"role", jsonString("assistant")}, {"content", jsonString(kReply)}, {"refusal", "null"}});
        const QByteArray choice = jsonObject({{"index", "0"},
                                              {"message", message},
                                              {"logprobs", "null"},
                                              {"finish_reason", jsonString("stop")}});
        const QByteArray usage =
            jsonObject({{"prompt_tokens", QByteArray::number(promptTokens)},
                        {"completion_tokens", QByteArray::number(completionTokens)},
                        {"total_tokens", QByteArray::number(promptTokens + completionTokens)}});
        return jsonAnswer(200, jsonObject({{"id", id},
                                           {"object", jsonString("chat.completion")},
                                           {"created", created},
                                           {"model", modelJsonText},
                                           {"choices", jsonArray({choice})},
                                           {"usage", usage}}));
    }

    Answer a = apiAnswer(200, "text/event-stream; charset=utf-8", {});
    a.headers.insert(2, {"cache-control", "no-cache"});
    a.streaming = true;
    const auto chunk = [&](const QByteArray &delta, const QByteArray &finishReason) {
        const QByteArray choice = jsonObject(
            {{"index", "0"}, {"delta", delta}, {"logprobs", "null"}, {"finish_reason", finishReason}});
        return "data: " +
               jsonObject({{"id", id},
                           {"object", jsonString("chat.completion.chunk")},
                           {"created", created},
                           {"model", modelJsonText},
                           {"choices", jsonArray({choice})}}) +
               "\n\n";
    };
    a.events += chunk(jsonObject({{"role", jsonString("assistant")}, {"content", jsonString("")}}), "null");
    for (const QString &piece : {u"Hello from the llmdoctor simulator:"_s,
                                 u" your request reached the server"_s, u" and was answered normally."_s})
        a.events += chunk(jsonObject({{"content", jsonString(piece)}}), "null");
    a.events += chunk("{}", jsonString("stop"));
    a.events += "data: [DONE]\n\n";
    return a;
}

Answer route(const Request &request, const SimulatorOptions &options)
{
    const QByteArray &method = request.method;
    const QByteArray &path = request.path;
    const bool get = method == "GET" || method == "HEAD";
    const auto notAllowed = [&](const QByteArray &allow) {
        Answer a = openAiError(405,
                               u"Method %1 is not allowed for %2; use %3."_s.arg(QString::fromLatin1(method),
                                                                                 QString::fromLatin1(path),
                                                                                 QString::fromLatin1(allow)),
                               "invalid_request_error");
        a.headers.append({"allow", allow});
        return a;
    };
    if (path == "/health")
        return get ? jsonAnswer(200, R"({"status":"ok"})") : notAllowed("GET");
    if (path == "/v1/models")
        return get ? modelList(options) : notAllowed("GET");
    if (path.startsWith("/v1/models/")) {
        if (!get)
            return notAllowed("GET");
        const QString id = QString::fromUtf8(QByteArray::fromPercentEncoding(path.mid(11)));
        const QStringList models = servedModels(options);
        const qsizetype index = models.indexOf(id);
        return index < 0 ? modelNotFound(id) : jsonAnswer(200, modelJson(id, index));
    }
    if (path == "/v1/chat/completions")
        return method == "POST" ? chatCompletion(request, options) : notAllowed("POST");
    return openAiError(
        404, u"Invalid URL (%1 %2)"_s.arg(QString::fromLatin1(method), QString::fromUtf8(request.target)),
        "invalid_request_error");
}

bool flakyFails(int requestNumber, double share)
{
    share = std::clamp(share, 0.0, 1.0);
    return std::floor(requestNumber * share) > std::floor((requestNumber - 1) * share);
}

// Faults whose point is that not a byte comes back must not send "100 Continue" either.
bool silentFault(Fault fault)
{
    return fault == Fault::ResetBeforeHeaders || fault == Fault::CloseBeforeHeaders || fault == Fault::Hang ||
           fault == Fault::SlowHeaders;
}

Plan planFor(const Request &request, const SimulatorOptions &options, int requestNumber)
{
    Plan plan;
    if (options.failFirst > 0 && requestNumber > options.failFirst && options.fault != Fault::Tls) {
        plan.answer = route(request, options); // the failure is over
        return plan;
    }
    // The key comes first, as at a real provider: a wrong key never learns anything else.
    if (!options.expectedKey.isEmpty() && request.path.startsWith("/v1/") && !silentFault(options.fault) &&
        sentApiKey(request).toUtf8() != options.expectedKey) {
        plan.answer = styledInvalidKey(options, request);
        return plan;
    }
    switch (options.fault) {
    case Fault::BadGateway:
        plan.answer = nginxBadGateway();
        return plan;
    case Fault::EnvoyReset:
        plan.answer = envoyReset();
        return plan;
    case Fault::ResetBeforeHeaders:
        plan.kind = Plan::Kind::Reset;
        return plan;
    case Fault::CloseBeforeHeaders:
        plan.kind = Plan::Kind::Close;
        return plan;
    case Fault::Hang:
        plan.kind = Plan::Kind::Hang;
        return plan;
    case Fault::RateLimit:
        plan.answer = styledRateLimit(options);
        return plan;
    case Fault::InvalidKey:
        plan.answer = styledInvalidKey(options, request);
        return plan;
    case Fault::QuotaExhausted:
        if (request.path.startsWith("/v1/")) {
            plan.answer = quotaExhausted(options);
            return plan;
        }
        break;
    case Fault::Forbidden:
        if (request.path.startsWith("/v1/")) {
            plan.answer = forbidden(options);
            return plan;
        }
        break;
    case Fault::Overloaded:
        plan.answer = anthropicOverloaded();
        return plan;
    case Fault::Flaky:
        if (flakyFails(requestNumber, options.flakyShare)) {
            plan.answer = nginxBadGateway();
            return plan;
        }
        break;
    case Fault::SlowHeaders:
        plan.trickleHead = true;
        break;
    case Fault::GatewayTimeout:
        if (flakyFails(requestNumber, options.flakyShare)) {
            plan.answer = nginxGatewayTimeout();
            plan.extraDelayMs = std::max(0, options.gatewayTimeoutMs);
            return plan;
        }
        break;
    case Fault::None:
    case Fault::ModelNotFound: // handled by servedModels()
    case Fault::Tls:
        break;
    }
    plan.answer = route(request, options);
    return plan;
}

} // namespace

// ---- the server and its connections ----

class SimulatorServer final : public QTcpServer
{
public:
    SimulatorServer(Simulator *simulator, std::optional<QSslConfiguration> tls)
        : QTcpServer(simulator), m_simulator(simulator), m_tls(std::move(tls))
    {
    }
    ~SimulatorServer() override;

    bool tls() const { return m_tls.has_value(); }
    int connectionCount() const { return int(m_connections.size()); }
    void forget(SimulatorConnection *connection) { m_connections.remove(connection); }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    Simulator *m_simulator;
    std::optional<QSslConfiguration> m_tls;
    QSet<SimulatorConnection *> m_connections;
};

class SimulatorConnection final : public QObject
{
public:
    SimulatorConnection(Simulator *simulator, SimulatorServer *server, QTcpSocket *socket);
    ~SimulatorConnection() override;

private:
    enum class Phase
    {
        Reading,
        Waiting,
        Writing,
        Hanging,
        Closing
    };

    void onReadyRead();
    void processInput();
    void start(Plan plan, const Request &request);
    void begin();
    void writeHead();
    void writeBodyOrStream();
    void streamNext();
    void finishAnswer();
    void closeGracefully();
    void resetConnection();
    void checkFlushed();
    void writeChunk(const QByteArray &data);
    bool allFlushed() const;

    Simulator *m_simulator;
    SimulatorServer *m_server;
    QTcpSocket *m_socket;
    QSslSocket *m_sslSocket; // the same socket when serving TLS, else null
    HttpRequestParser m_parser;
    QTimer m_timer;     // delay, trickle and stream pacing
    QTimer m_idleTimer; // drops connections that stay silent
    Phase m_phase = Phase::Reading;
    bool m_continueSent = false;
    bool m_shutdownSent = false;

    // The answer in progress.
    Plan m_plan;
    QString m_method, m_path;
    bool m_head = false;    // HEAD request: no body
    bool m_close = false;   // close after this answer
    bool m_chunked = false; // streaming over HTTP/1.1
    QByteArray m_headBytes;
    qsizetype m_trickled = 0;
    qsizetype m_nextEvent = 0;
};

SimulatorServer::~SimulatorServer()
{
    close();
    // Connections ask this server to forget them while it is still whole.
    const QSet<SimulatorConnection *> connections = std::exchange(m_connections, {});
    qDeleteAll(connections);
}

void SimulatorServer::incomingConnection(qintptr descriptor)
{
    QTcpSocket *socket = nullptr;
    if (m_tls) {
        auto *ssl = new QSslSocket;
        ssl->setSslConfiguration(*m_tls);
        socket = ssl;
    } else {
        socket = new QTcpSocket;
    }
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        ::close(int(descriptor));
        return;
    }
    m_connections.insert(new SimulatorConnection(m_simulator, this, socket));
    if (auto *ssl = qobject_cast<QSslSocket *>(socket))
        ssl->startServerEncryption();
}

SimulatorConnection::SimulatorConnection(Simulator *simulator, SimulatorServer *server, QTcpSocket *socket)
    : QObject(server), m_simulator(simulator), m_server(server), m_socket(socket),
      m_sslSocket(qobject_cast<QSslSocket *>(socket))
{
    m_socket->setParent(this);
    // Bounded memory: while an answer is in progress the socket stops reading at this size.
    m_socket->setReadBufferSize(kSocketReadBuffer);
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer); // --delay-ms is a promise, not a hint
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(kIdleTimeoutMs);

    connect(m_socket, &QTcpSocket::readyRead, this, &SimulatorConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &SimulatorConnection::checkFlushed);
    if (m_sslSocket)
        connect(m_sslSocket, &QSslSocket::encryptedBytesWritten, this, &SimulatorConnection::checkFlushed);
    // Any end of the connection (client left, TLS handshake failed, reset) just drops it.
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        m_timer.stop();
        m_idleTimer.stop();
        deleteLater();
    });
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        m_timer.stop();
        m_idleTimer.stop();
        m_phase = Phase::Closing;
        deleteLater();
    });
    connect(&m_idleTimer, &QTimer::timeout, this, [this] { m_socket->abort(); });
    m_idleTimer.start();
}

SimulatorConnection::~SimulatorConnection()
{
    // The socket dies with us; its last signals must not reach a half-destroyed object.
    QObject::disconnect(m_socket, nullptr, this, nullptr);
    m_socket->abort();
    m_server->forget(this);
}

bool SimulatorConnection::allFlushed() const
{
    return m_socket->bytesToWrite() == 0 && (!m_sslSocket || m_sslSocket->encryptedBytesToWrite() == 0);
}

void SimulatorConnection::onReadyRead()
{
    switch (m_phase) {
    case Phase::Hanging:
    case Phase::Closing:
        m_socket->readAll(); // nobody will answer this: drop it, but keep noticing when the client leaves
        return;
    case Phase::Waiting:
    case Phase::Writing:
        return; // left in the (bounded) socket buffer until the current answer is out
    case Phase::Reading:
        break;
    }
    m_idleTimer.start();
    m_parser.feed(m_socket->readAll());
    processInput();
}

void SimulatorConnection::processInput()
{
    const SimulatorOptions &options = m_simulator->options();
    switch (m_parser.state()) {
    case HttpRequestParser::State::Error: {
        const int status = m_parser.errorStatus();
        Plan plan;
        plan.answer = openAiError(status, QString::fromLatin1(m_parser.errorText()), "invalid_request_error");
        Request partial = m_parser.request();
        m_close = true;
        start(std::move(plan), partial);
        return;
    }
    case HttpRequestParser::State::Done: {
        const int number = m_simulator->countRequest();
        const Request request = m_parser.takeRequest();
        m_close = !request.keepAlive();
        start(planFor(request, options, number), request);
        return;
    }
    case HttpRequestParser::State::Body:
        if (!m_continueSent && m_parser.request().expectsContinue() && !silentFault(options.fault)) {
            m_continueSent = true;
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        }
        return;
    case HttpRequestParser::State::RequestLine:
    case HttpRequestParser::State::Headers:
        return;
    }
}

void SimulatorConnection::start(Plan plan, const Request &request)
{
    m_idleTimer.stop();
    m_plan = std::move(plan);
    m_method = QString::fromLatin1(request.method);
    m_path = QString::fromUtf8(request.path);
    m_head = request.method == "HEAD";
    m_continueSent = false;
    m_phase = Phase::Waiting;
    m_timer.disconnect(this);
    connect(&m_timer, &QTimer::timeout, this, &SimulatorConnection::begin);
    m_timer.start(std::max(0, m_simulator->options().delayMs) + m_plan.extraDelayMs);

    if (m_plan.kind != Plan::Kind::Answer)
        return;
    Answer &a = m_plan.answer;
    if (a.streaming && !m_head) {
        m_chunked = request.version == "HTTP/1.1";
        if (!m_chunked)
            m_close = true; // HTTP/1.0: the end of the stream is the end of the connection
    } else {
        m_chunked = false;
    }
    QByteArray head = "HTTP/1.1 " + QByteArray::number(a.status) + ' ' + a.reason + "\r\n";
    for (const auto &[name, value] : a.headers)
        head += name + ": " + value + "\r\n";
    if (a.streaming) {
        if (m_chunked)
            head += a.titleCaseFraming ? "Transfer-Encoding: chunked\r\n" : "transfer-encoding: chunked\r\n";
    } else {
        head += (a.titleCaseFraming ? "Content-Length: " : "content-length: ") +
                QByteArray::number(a.body.size()) + "\r\n";
    }
    head += a.titleCaseFraming ? "Connection: " : "connection: ";
    head += m_close ? "close\r\n" : "keep-alive\r\n";
    head += "\r\n";
    m_headBytes = head;
}

void SimulatorConnection::begin()
{
    const int status = m_plan.kind == Plan::Kind::Answer ? m_plan.answer.status : 0;
    // Emitting may run user code; the connection stays valid because deletion is always deferred.
    emit m_simulator->requestServed(m_method, m_path, status);
    switch (m_plan.kind) {
    case Plan::Kind::Reset:
        resetConnection();
        return;
    case Plan::Kind::Close:
        closeGracefully();
        return;
    case Plan::Kind::Hang:
        m_phase = Phase::Hanging;
        m_socket->readAll();
        return;
    case Plan::Kind::Answer:
        break;
    }
    m_phase = Phase::Writing;
    if (!m_plan.trickleHead) {
        m_socket->write(m_headBytes);
        writeBodyOrStream();
        return;
    }
    m_trickled = 0;
    m_timer.disconnect(this);
    connect(&m_timer, &QTimer::timeout, this, &SimulatorConnection::writeHead);
    writeHead();
}

void SimulatorConnection::writeHead()
{
    // slow_headers: one byte per tick, so the head takes tens of seconds.
    m_socket->write(m_headBytes.mid(m_trickled, 1));
    if (++m_trickled < m_headBytes.size()) {
        m_timer.start(kTrickleIntervalMs);
        return;
    }
    writeBodyOrStream();
}

void SimulatorConnection::writeBodyOrStream()
{
    if (m_head) {
        finishAnswer();
        return;
    }
    if (!m_plan.answer.streaming) {
        m_socket->write(m_plan.answer.body);
        finishAnswer();
        return;
    }
    m_nextEvent = 0;
    m_timer.disconnect(this);
    connect(&m_timer, &QTimer::timeout, this, &SimulatorConnection::streamNext);
    streamNext();
}

void SimulatorConnection::writeChunk(const QByteArray &data)
{
    if (m_chunked)
        m_socket->write(QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n");
    else
        m_socket->write(data);
}

void SimulatorConnection::streamNext()
{
    const QList<QByteArray> &events = m_plan.answer.events;
    if (m_nextEvent < events.size()) {
        writeChunk(events[m_nextEvent++]);
        // Paced, so events arrive as separate reads (SimulatorOptions::streamIntervalMs).
        m_timer.start(std::max(0, m_simulator->options().streamIntervalMs));
        return;
    }
    if (m_chunked)
        m_socket->write("0\r\n\r\n");
    finishAnswer();
}

void SimulatorConnection::finishAnswer()
{
    m_timer.stop();
    m_plan = Plan();
    m_headBytes.clear();
    if (m_close) {
        closeGracefully();
        return;
    }
    m_phase = Phase::Reading;
    m_idleTimer.start();
    // The next request may already be parsed (sent early) or waiting in the socket.
    if (m_parser.state() != HttpRequestParser::State::RequestLine || m_socket->bytesAvailable() > 0) {
        m_parser.feed(m_socket->readAll());
        processInput();
    }
}

void SimulatorConnection::closeGracefully()
{
    m_phase = Phase::Closing;
    m_timer.stop();
    m_idleTimer.stop();
    // A client still sending (e.g. a body over the limit) is given a moment before it is cut off.
    m_timer.disconnect(this);
    connect(&m_timer, &QTimer::timeout, this, [this] { m_socket->abort(); });
    m_timer.start(kLingerMs);
    m_socket->readAll();
    checkFlushed();
}

void SimulatorConnection::checkFlushed()
{
    if (m_phase != Phase::Closing || m_shutdownSent || !allFlushed())
        return;
    m_shutdownSent = true;
    if (m_sslSocket) {
        m_sslSocket->disconnectFromHost(); // close_notify, then the TCP close
        return;
    }
    // Half-close: the client gets FIN after every byte of the answer, and what it still sends is
    // read and dropped; closing outright with unread data would make the kernel send RST instead.
    ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
}

void SimulatorConnection::resetConnection()
{
    m_phase = Phase::Closing;
    m_timer.stop();
    m_idleTimer.stop();
    // SO_LINGER {on, 0 s}: close() then sends RST instead of FIN.
    const linger hard{1, 0};
    ::setsockopt(int(m_socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    m_socket->abort();
}

// ---- Simulator ----

Simulator::Simulator(SimulatorOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options))
{
}

Simulator::~Simulator()
{
    // Connections go first, while this object is whole.
    delete m_server;
}

bool Simulator::start(QString *error)
{
    const auto failWith = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (m_server)
        return failWith(u"the simulator is already running"_s);

    std::optional<QSslConfiguration> tls;
    if (m_options.fault == Fault::Tls) {
        if (!QSslSocket::supportsSsl())
            return failWith(u"TLS is not available: Qt found no usable TLS backend (OpenSSL)"_s);
        if (m_options.certFile.isEmpty() != m_options.keyFile.isEmpty())
            return failWith(u"give both a certificate and a key file, or neither"_s);
        const bool builtIn = m_options.certFile.isEmpty();
        const QString certPath = builtIn ? u":/sim/selfsigned.crt"_s : m_options.certFile;
        const QString keyPath = builtIn ? u":/sim/selfsigned.key"_s : m_options.keyFile;
        QFile certFile(certPath);
        if (!certFile.open(QIODevice::ReadOnly))
            return failWith(u"cannot read the certificate %1: %2"_s.arg(certPath, certFile.errorString()));
        const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
        if (chain.isEmpty())
            return failWith(u"%1 holds no PEM certificate"_s.arg(certPath));
        QFile keyFile(keyPath);
        if (!keyFile.open(QIODevice::ReadOnly))
            return failWith(u"cannot read the private key %1: %2"_s.arg(keyPath, keyFile.errorString()));
        const QByteArray keyPem = keyFile.readAll();
        QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
        if (key.isNull())
            return failWith(u"%1 holds no unencrypted PEM RSA or EC private key"_s.arg(keyPath));
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificateChain(chain);
        config.setPrivateKey(key);
        config.setPeerVerifyMode(QSslSocket::VerifyNone); // no client certificates
        config.setProtocol(QSsl::TlsV1_2OrLater);
        tls = config;
    }

    auto *server = new SimulatorServer(this, std::move(tls));
    server->setListenBacklogSize(1024); // many clients may connect at once
    if (!server->listen(QHostAddress(m_options.listenAddress), m_options.port)) {
        QString message;
        if (server->serverError() == QAbstractSocket::AddressInUseError)
            message = u"port %1 on %2 is already in use; pick another with --port, or 0 for any free port"_s
                          .arg(m_options.port)
                          .arg(m_options.listenAddress);
        else
            message = u"cannot listen on %1:%2: %3"_s.arg(m_options.listenAddress)
                          .arg(m_options.port)
                          .arg(server->errorString());
        delete server;
        return failWith(message);
    }
    m_server = server;
    return true;
}

quint16 Simulator::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QUrl Simulator::baseUrl() const
{
    QUrl url;
    url.setScheme(m_options.fault == Fault::Tls ? u"https"_s : u"http"_s);
    url.setHost(m_options.listenAddress);
    url.setPort(port());
    url.setPath(u"/v1"_s);
    return url;
}

int Simulator::requestCount() const
{
    return m_requestCount;
}

const SimulatorOptions &Simulator::options() const
{
    return m_options;
}

int Simulator::connectionCount() const
{
    return m_server ? m_server->connectionCount() : 0;
}

std::optional<Fault> Simulator::faultFromName(QStringView name)
{
    for (const FaultInfo &info : kFaults) {
        if (name.compare(info.name, Qt::CaseInsensitive) == 0)
            return info.fault;
    }
    return std::nullopt;
}

QString Simulator::faultName(Fault fault)
{
    for (const FaultInfo &info : kFaults) {
        if (info.fault == fault)
            return QString(info.name);
    }
    return {};
}

QStringList Simulator::faultNames()
{
    QStringList names;
    for (const FaultInfo &info : kFaults)
        names += QString(info.name);
    return names;
}

QString Simulator::faultDescription(Fault fault)
{
    for (const FaultInfo &info : kFaults) {
        if (info.fault == fault)
            return QString::fromUtf8(info.description);
    }
    return {};
}

std::optional<ErrorStyle> Simulator::errorStyleFromName(QStringView name)
{
    if (name == u"openai")
        return ErrorStyle::OpenAi;
    if (name == u"anthropic")
        return ErrorStyle::Anthropic;
    if (name == u"openrouter")
        return ErrorStyle::OpenRouter;
    return std::nullopt;
}

QStringList Simulator::defaultModels()
{
    return {u"gpt-4o-mini"_s, u"gpt-4o"_s, u"deepseek-ai/DeepSeek-V3-0324"_s,
            u"meta-llama/Llama-3.3-70B-Instruct"_s};
}

} // namespace llmdoctor::core
