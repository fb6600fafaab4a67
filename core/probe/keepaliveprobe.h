#pragma once

#include "exchange.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <optional>

class QSslSocket;

namespace llmdoctor::core {

// One request on a connection that has been idle for pauseMs (0 for the first request).
struct KeepAliveRound
{
    enum class Outcome
    {
        Answered,        // the connection was reused and answered
        ClosedWhileIdle, // the other side closed it during the pause (it said so: FIN or TLS close)
        ClosedOnReuse,   // it looked open, but the request sent on it was met by a close or reset
        NoAnswer,        // the request sent on it got no answer in time (dropped without notice)
        Failed           // the first request failed: nothing to reuse
    };
    int pauseMs = 0;
    Outcome outcome = Outcome::Answered;
    int status = 0;            // HTTP status of the answer
    double closedAfterMs = -1; // ClosedWhileIdle: idle time when the close came
    QString error;
};

struct KeepAliveResult
{
    Failure failure = Failure::None; // of the first request; Cancelled when cancelled
    QString error;
    std::optional<HttpResponse> firstResponse;
    bool viaProxy = false;
    bool offered = false; // the first answer left the connection open for reuse
    QList<KeepAliveRound> rounds;
    double longestKeptMs = 0;  // the longest pause after which the connection still answered
    double closedAfterMs = -1; // the other side closed the idle connection after this long
    int dropAfterPauseMs = -1; // reusing after this pause failed without any notice before
    bool budgetEnded = false;  // the next pause would not have fitted in the time allowed
    double totalMs = 0;

    bool ok() const { return failure == Failure::None; }
};

// Sends the same request on one connection again and again, after idle pauses of growing
// length, to find the idle time after which the server or a hop closes the connection. Exchange
// uses one connection per request; this keeps one open. Every wait has a deadline, the whole
// probe a budget; exactly one finished() per start(), also after cancel().
class KeepAliveProbe final : public QObject
{
    Q_OBJECT
public:
    // request: as for an Exchange (its timeoutMs bounds each request); budgetMs bounds the whole
    // probe, pauses included: a pause that would not fit is not started.
    KeepAliveProbe(ExchangeRequest request, QList<int> pausesMs, int budgetMs, QObject *parent = nullptr);
    ~KeepAliveProbe() override;

    void start();
    void cancel();

signals:
    void progress(const QString &text);
    void finished(const llmdoctor::core::KeepAliveResult &result);

private:
    enum class Phase
    {
        Idle,
        Connecting,
        Tunnel,
        Tls,
        Request,
        Pause,
        Done
    };
    double elapsedMs() const { return double(m_clock.nsecsElapsed()) / 1e6; }
    void connectNext();
    void onConnected();
    void startTls();
    void sendRequest();
    void onReadyRead();
    void onClosed();
    void onWaitExpired();
    void onAnswered(const HttpResponse &response);
    void startPause();
    void finishRound(KeepAliveRound::Outcome outcome, const QString &error = {});
    void fail(Failure failure, const QString &error);
    void finish();
    void dropSocket();
    QString host() const;
    quint16 port() const;

    ExchangeRequest m_request;
    QList<int> m_pauses;
    int m_budgetMs;
    KeepAliveResult m_result;
    QElapsedTimer m_clock;
    QTimer m_wait;   // the deadline of the current step
    QTimer m_pause;  // the idle pause
    QTimer m_budget; // the whole probe
    QPointer<QSslSocket> m_socket;
    std::optional<HttpResponseParser> m_parser;
    QList<QHostAddress> m_addresses;
    qsizetype m_nextAddress = 0;
    Phase m_phase = Phase::Idle;
    int m_round = 0;         // 0: the first request; n: after m_pauses[n - 1]
    double m_answeredAt = 0; // when the last answer was complete
    double m_firstRequestMs = 0;
    bool m_bytesThisRound = false;
};

} // namespace llmdoctor::core

Q_DECLARE_METATYPE(llmdoctor::core::KeepAliveResult)
