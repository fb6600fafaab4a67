#pragma once

#include "../probe/httpmessage.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>

namespace llmdoctor::core {

// Incremental server-side HTTP/1.x request parser for the fault simulator. Bounded: the request
// line plus headers may take kMaxHeaderBytes and the (de-chunked) body kMaxBodyBytes; beyond that
// the parser stops with the status the server should answer (414, 431, 413).
class HttpRequestParser final
{
public:
    struct Request
    {
        QByteArray method;  // "POST"
        QByteArray target;  // as sent: "/v1/models?x=1"
        QByteArray path;    // target without the query: "/v1/models"
        QByteArray version; // "HTTP/1.1" or "HTTP/1.0"
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body; // de-chunked

        // First value of a header, compared case-insensitively; empty when absent.
        QByteArray header(QByteArrayView name) const;
        bool hasHeader(QByteArrayView name) const;
        // HTTP/1.1 keeps the connection unless "Connection: close"; HTTP/1.0 only on "keep-alive".
        bool keepAlive() const;
        bool expectsContinue() const;
    };

    enum class State
    {
        RequestLine,
        Headers,
        Body,
        Done,
        Error
    };
    static constexpr qsizetype kMaxHeaderBytes = 64 * 1024;
    static constexpr qsizetype kMaxBodyBytes = 1024 * 1024;

    // Feeds bytes; returns the state after consuming what could be consumed. Bytes after a
    // complete request stay buffered for the next one (see takeRequest).
    State feed(QByteArrayView data);

    State state() const { return m_state; }
    bool headersComplete() const { return m_state == State::Body || m_state == State::Done; }
    const Request &request() const { return m_request; }
    // In State::Error: the status to answer (400, 413, 414, 431, 501, 505) and why.
    int errorStatus() const { return m_errorStatus; }
    const QByteArray &errorText() const { return m_error; }
    // True when nothing of a next request has arrived yet.
    bool idle() const { return m_state == State::RequestLine && m_buffer.isEmpty(); }

    // In State::Done: hands out the request and starts parsing the buffered remainder.
    Request takeRequest();

private:
    enum class BodyMode
    {
        None,
        Length,
        Chunked
    };
    bool countHeaderBytes(qsizetype bytes);
    void fail(int status, const char *why);
    bool parseRequestLine(const QByteArray &line);
    bool parseHeaderLine(const QByteArray &line);
    void headersDone();
    void feedBody();
    void failChunked();

    State m_state = State::RequestLine;
    QByteArray m_buffer;
    Request m_request;
    QByteArray m_error;
    int m_errorStatus = 0;
    qsizetype m_headerBytes = 0;
    BodyMode m_bodyMode = BodyMode::None;
    qint64 m_remaining = 0; // of a Content-Length body
    ChunkedDecoder m_chunked;
};

} // namespace llmdoctor::core
