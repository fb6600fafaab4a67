#pragma once

#include "check.h"

#include <QList>
#include <QPointer>

namespace llmdoctor::core {

class Exchange;
struct ExchangeResult;
struct HttpResponse;

// One server-sent event of a streamed answer, as it arrived.
struct StreamEvent
{
    double atMs = 0;   // on the exchange's clock (the phase marks')
    bool text = false; // it carries words of the answer (not the role, the stop or [DONE])
};

// How a streamed answer arrived: the figures the stream check reports, from pure arithmetic.
struct StreamTiming
{
    int events = 0;         // data events, [DONE] included
    int reads = 0;          // distinct arrival times: socket reads that brought events
    double headersMs = -1;  // request sent -> response headers
    double ttftMs = -1;     // request sent -> first words
    double totalMs = -1;    // request sent -> last event
    double spreadMs = 0;    // first event -> last event
    double maxGapMs = 0;    // longest pause between two events
    double medianGapMs = 0; // typical pause between two events
    bool buffered = false;  // every event came at once, at the end: a hop held them back
    bool tooQuick = false;  // over so fast that buffering could not be told apart

    // sentAtMs and headersAtMs on the events' clock.
    static StreamTiming analyse(const QList<StreamEvent> &events, double sentAtMs, double headersAtMs);
};

// Splits a growing text/event-stream body into events: feed it the whole decoded body each
// time; it remembers how far it has read.
class SseSplitter final
{
public:
    // Events completed since the last call, each as its "data:" payload (lines joined by \n).
    QList<QByteArray> take(const QByteArray &body);

private:
    qsizetype m_offset = 0;
};

// "Do streamed answers arrive word by word?": one streamed completion (max_tokens 16), timed
// piece by piece: time to the first words, the pauses between pieces, and whether a hop holds
// them back until the answer is complete (nginx's proxy_buffering). It sends a completion, so,
// like the test request, it runs only when the user opted in.
class StreamCheck final : public Check
{
    Q_OBJECT
public:
    explicit StreamCheck(QObject *parent = nullptr);

protected:
    void run() override;
    void abort() override;

private:
    void onProgress(double atMs, const HttpResponse &partial);
    void onDone(const ExchangeResult &result);

    QPointer<Exchange> m_exchange;
    SseSplitter m_splitter;
    QList<StreamEvent> m_events;
};

} // namespace llmdoctor::core
