#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <functional>

namespace llmdoctor::core {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// First value of a header, compared case-insensitively; empty when absent.
QByteArray headerValue(const HeaderList &headers, QByteArrayView name);

// Moves the next line out of the front of buffer into line, without its LF or CRLF. False (and
// buffer untouched) while no complete line is buffered.
bool takeHttpLine(QByteArray &buffer, QByteArray &line);

// Incremental decoder for the chunked transfer coding (RFC 9112 7.1), shared by the response and
// the request parser. It consumes from the caller's buffer, so bytes after the last chunk stay
// there for whatever comes next. Trailers are read and dropped.
class ChunkedDecoder final
{
public:
    enum class Status
    {
        NeedMore,
        Done,
        Error
    };
    enum class Error
    {
        None,
        Malformed,        // no CRLF after chunk data, or a line that runs past maxLineBytes
        BadChunkSize,     // a chunk-size line that is not hex
        BodyTooLarge,     // a chunk would take the decoded body past maxBodyBytes
        TrailersTooLarge, // complete trailer lines passed maxTrailerBytes
        TrailerOverflow   // an unterminated trailer line would pass maxTrailerBytes
    };
    struct Limits
    {
        // Bytes a chunk-size (or, without a trailer budget, trailer) line may take while its
        // newline has not arrived; they are short, so a long run without one is garbage.
        qsizetype maxLineBytes = 4096;
        // Decoded body bytes; negative: unbounded.
        qint64 maxBodyBytes = -1;
        // The trailer section, CRLFs included; negative: trailer lines only obey maxLineBytes.
        qint64 maxTrailerBytes = -1;
    };
    // Receives decoded body bytes. Passed per call rather than stored so that a decoder held by a
    // parser never keeps a pointer into a parser that has since been moved.
    using Sink = std::function<void(QByteArrayView)>;

    ChunkedDecoder() = default;
    explicit ChunkedDecoder(const Limits &limits) : m_limits(limits) {}

    // Consumes what it can from the front of buffer, handing chunk data to sink.
    Status decode(QByteArray &buffer, const Sink &sink);

    Error error() const { return m_error; }
    // A generic description of error(); callers with their own wording map error() instead.
    const char *errorText() const;

private:
    enum class Phase
    {
        Size,
        Data,
        DataEnd,
        Trailers,
        Done,
        Error
    };

    Status fail(Error error);

    Limits m_limits;
    Phase m_phase = Phase::Size;
    Error m_error = Error::None;
    qint64 m_remaining = 0;    // of the current chunk
    qint64 m_decoded = 0;      // body bytes handed to the sink so far
    qint64 m_trailerBytes = 0; // complete trailer lines so far, CRLFs included
};

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
    qint64 m_remaining = 0; // of a Content-Length body
    ChunkedDecoder m_chunked;
};

// The reason phrase a server of ours (the simulator, the exporter) sends with a status.
QByteArray httpReasonPhrase(int status);

} // namespace llmdoctor::core
