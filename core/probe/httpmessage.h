#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace llmdoctor::core {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// First value of a header, compared case-insensitively; empty when absent.
QByteArray headerValue(const HeaderList &headers, QByteArrayView name);

struct HttpResponse
{
    int status = 0;
    QByteArray reason;
    QByteArray version; // "HTTP/1.1"
    HeaderList headers;
    QByteArray body;      // decoded (de-chunked), at most the capture cap
    qint64 bodyBytes = 0; // decoded bytes received, including those past the cap
    bool bodyTruncated = false;
    bool bodyComplete = false;

    QByteArray header(QByteArrayView name) const { return headerValue(headers, name); }
};

// Incremental HTTP/1.1 response parser. Bounded: headers over kMaxHeaderBytes are an error and
// the body is kept up to the capture cap (the rest is counted, not stored).
class HttpResponseParser final
{
public:
    enum class State
    {
        StatusLine,
        Headers,
        Body,
        Done,
        Error
    };
    static constexpr qsizetype kMaxHeaderBytes = 64 * 1024;

    explicit HttpResponseParser(qint64 captureCap = 256 * 1024, bool headRequest = false);

    // Feeds bytes; returns the state after consuming what could be consumed.
    State feed(QByteArrayView data);
    // The peer closed the connection: completes a close-delimited body, or marks truncation.
    State finish();

    State state() const { return m_state; }
    bool headersComplete() const { return m_state == State::Body || m_state == State::Done; }
    const HttpResponse &response() const { return m_response; }
    HttpResponse &response() { return m_response; }
    const QByteArray &errorText() const { return m_error; }

private:
    enum class BodyMode
    {
        None,
        Length,
        Chunked,
        UntilClose
    };
    enum class ChunkState
    {
        Size,
        Data,
        DataEnd,
        Trailers
    };

    bool takeLine(QByteArray &line);
    void fail(const char *why);
    void startBody();
    void appendBody(QByteArrayView bytes);
    void feedBody();

    State m_state = State::StatusLine;
    QByteArray m_buffer;
    QByteArray m_error;
    HttpResponse m_response;
    qint64 m_captureCap;
    bool m_headRequest;
    qsizetype m_headerBytes = 0;
    BodyMode m_bodyMode = BodyMode::None;
    qint64 m_remaining = 0;
    ChunkState m_chunkState = ChunkState::Size;
};

} // namespace llmdoctor::core
