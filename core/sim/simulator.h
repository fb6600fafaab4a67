#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QUrl>
#include <optional>

namespace llmdoctor::core {

class SimulatorConnection;
class SimulatorServer;

enum class Fault
{
    None,
    BadGateway,
    EnvoyReset,
    ResetBeforeHeaders,
    CloseBeforeHeaders,
    Hang,
    SlowHeaders,
    RateLimit,
    InvalidKey,
    ModelNotFound,
    Overloaded,
    Flaky,
    Tls,
    QuotaExhausted, // the account is out of credit: 429 insufficient_quota, 402, or Anthropic's 400
    Forbidden,      // 403: the key may not use this, or the region is not served
    GatewayTimeout  // a share of requests waits, then gets nginx's 504, as behind a proxy_read_timeout
};

// Whose error bodies the simulator imitates.
enum class ErrorStyle
{
    OpenAi,    // {"error":{"message","type","param","code"}}
    Anthropic, // {"type":"error","error":{"type","message"},"request_id"}
    OpenRouter // {"error":{"code":<int>,"message","metadata"}}
};

struct SimulatorOptions
{
    Fault fault = Fault::None;
    quint16 port = 0; // 0 = pick a free port
    // 127.0.0.1 unless a test serves from inside a network namespace of its own (simulate --listen).
    QString listenAddress = QStringLiteral("127.0.0.1");
    int delayMs = 0;             // extra wait before every response's first byte
    double flakyShare = 0.5;     // Flaky: share of requests that fail, spread deterministically
    int retryAfterSeconds = 20;  // RateLimit
    int gatewayTimeoutMs = 2000; // GatewayTimeout: how long the gateway waits before its 504
    // Pause between the events of a streamed chat completion ("stream": true), so that a client
    // or a test can tell word-by-word delivery from a hop that holds the answer back.
    int streamIntervalMs = 20;
    // Only the first N requests get the fault; later ones are answered normally (0 = all), so a
    // client that waits and retries sees the failure end.
    int failFirst = 0;
    QString certFile, keyFile; // Tls: PEM files; empty = the built-in self-signed certificate
    QStringList models;        // empty = defaultModels()
    // When set, every /v1 request must carry exactly this key (Bearer, x-api-key or api-key);
    // anything else gets a 401 in the error style below.
    QByteArray expectedKey;
    ErrorStyle errorStyle = ErrorStyle::OpenAi;
};

// A local OpenAI-compatible HTTP/1.1 server on 127.0.0.1 that fails on purpose, so users can see
// what each failure looks like and the test suite has real servers to diagnose.
class Simulator final : public QObject
{
    Q_OBJECT
public:
    explicit Simulator(SimulatorOptions options, QObject *parent = nullptr);
    ~Simulator() override;

    bool start(QString *error = nullptr); // listens on 127.0.0.1
    quint16 port() const;
    QUrl baseUrl() const;     // e.g. http://127.0.0.1:41234/v1 (https for Fault::Tls)
    int requestCount() const; // requests fully read so far
    const SimulatorOptions &options() const;
    // Connections currently open (for tests and the log).
    int connectionCount() const;

    static std::optional<Fault> faultFromName(QStringView name);
    static QString faultName(Fault fault);
    static QStringList faultNames();
    static QString faultDescription(Fault fault); // one plain-English sentence
    static QStringList defaultModels();
    static std::optional<ErrorStyle> errorStyleFromName(QStringView name); // openai | anthropic | openrouter

signals:
    // status is 0 when no HTTP answer was sent (reset, close, hang).
    void requestServed(const QString &method, const QString &path, int status);

private:
    friend class SimulatorConnection;
    int countRequest() { return ++m_requestCount; }

    SimulatorOptions m_options;
    SimulatorServer *m_server = nullptr;
    int m_requestCount = 0;
};

} // namespace llmdoctor::core
