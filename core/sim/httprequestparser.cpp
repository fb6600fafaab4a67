#include "httprequestparser.h"

#include <algorithm>
#include <utility>

namespace llmdoctor::core {

namespace {

// RFC 9110 token characters, for methods and header names.
bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    static constexpr QByteArrayView kSpecials = "!#$%&'*+-.^_`|~";
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               kSpecials.contains(c);
    });
}

bool containsToken(QByteArrayView list, QByteArrayView token)
{
    for (const QByteArray &item : list.toByteArray().split(','))
        if (item.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

} // namespace

QByteArray HttpRequestParser::Request::header(QByteArrayView name) const
{
    return headerValue(headers, name);
}

bool HttpRequestParser::Request::hasHeader(QByteArrayView name) const
{
    return std::any_of(headers.begin(), headers.end(), [name](const auto &h) {
        return QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0;
    });
}

bool HttpRequestParser::Request::keepAlive() const
{
    const QByteArray connection = header("connection");
    if (version == "HTTP/1.0")
        return containsToken(connection, "keep-alive");
    return !containsToken(connection, "close");
}

bool HttpRequestParser::Request::expectsContinue() const
{
    return header("expect").trimmed().compare("100-continue", Qt::CaseInsensitive) == 0;
}

void HttpRequestParser::fail(int status, const char *why)
{
    m_state = State::Error;
    m_errorStatus = status;
    m_error = why;
    m_buffer.clear(); // nothing after a broken request can be trusted
}

bool HttpRequestParser::countHeaderBytes(qsizetype bytes)
{
    m_headerBytes += bytes;
    if (m_headerBytes <= kMaxHeaderBytes)
        return true;
    if (m_state == State::RequestLine)
        fail(414, "the request line is longer than 64 KiB");
    else
        fail(431, "the request headers are larger than 64 KiB");
    return false;
}

bool HttpRequestParser::parseRequestLine(const QByteArray &line)
{
    // "POST /v1/chat/completions HTTP/1.1"
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 3 || !isToken(parts[0]) || parts[1].isEmpty()) {
        fail(400, "malformed request line");
        return false;
    }
    const QByteArray &version = parts[2];
    if (!version.startsWith("HTTP/")) {
        fail(400, "not an HTTP request");
        return false;
    }
    if (version != "HTTP/1.1" && version != "HTTP/1.0") {
        fail(505, "only HTTP/1.0 and HTTP/1.1 are supported");
        return false;
    }
    m_request.method = parts[0];
    m_request.target = parts[1];
    const qsizetype query = m_request.target.indexOf('?');
    m_request.path = query < 0 ? m_request.target : m_request.target.left(query);
    m_request.version = version;
    return true;
}

bool HttpRequestParser::parseHeaderLine(const QByteArray &line)
{
    const qsizetype colon = line.indexOf(':');
    // A name with surrounding whitespace or an obsolete folded line is refused (RFC 9112 5.1/5.2).
    if (colon <= 0 || !isToken(QByteArrayView(line).first(colon))) {
        fail(400, "malformed header line");
        return false;
    }
    m_request.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    return true;
}

void HttpRequestParser::headersDone()
{
    const QByteArray transferEncoding = m_request.header("transfer-encoding");
    const bool hasLength = m_request.hasHeader("content-length");
    if (!transferEncoding.isEmpty()) {
        if (hasLength) {
            // Both framings at once is the classic request-smuggling shape: refuse it.
            fail(400, "both Transfer-Encoding and Content-Length were sent");
            return;
        }
        if (transferEncoding.trimmed().compare("chunked", Qt::CaseInsensitive) != 0) {
            fail(501, "only the chunked transfer coding is supported");
            return;
        }
        m_bodyMode = BodyMode::Chunked;
        // Trailers count against what the request line and headers left of the header budget.
        m_chunked = ChunkedDecoder({.maxLineBytes = 1024,
                                    .maxBodyBytes = kMaxBodyBytes,
                                    .maxTrailerBytes = kMaxHeaderBytes - m_headerBytes});
    } else if (hasLength) {
        QByteArray length;
        for (const auto &[key, value] : m_request.headers) {
            if (QByteArrayView(key).compare("content-length", Qt::CaseInsensitive) != 0)
                continue;
            if (!length.isEmpty() && length != value) {
                fail(400, "conflicting Content-Length headers");
                return;
            }
            length = value;
        }
        bool ok = false;
        const qint64 n = length.toLongLong(&ok);
        if (!ok || n < 0 ||
            !std::all_of(length.begin(), length.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            fail(400, "malformed Content-Length");
            return;
        }
        if (n > kMaxBodyBytes) {
            fail(413, "the request body is larger than 1 MiB");
            return;
        }
        m_remaining = n;
        m_bodyMode = n == 0 ? BodyMode::None : BodyMode::Length;
    } else {
        m_bodyMode = BodyMode::None;
    }
    m_state = m_bodyMode == BodyMode::None ? State::Done : State::Body;
}

void HttpRequestParser::feedBody()
{
    if (m_bodyMode == BodyMode::Length) {
        const qint64 n = std::min<qint64>(m_remaining, m_buffer.size());
        m_request.body.append(QByteArrayView(m_buffer).first(n));
        m_buffer.remove(0, n);
        m_remaining -= n;
        if (m_remaining == 0)
            m_state = State::Done;
        return;
    }
    switch (m_chunked.decode(m_buffer, [this](QByteArrayView bytes) { m_request.body.append(bytes); })) {
    case ChunkedDecoder::Status::NeedMore:
        break;
    case ChunkedDecoder::Status::Done:
        m_state = State::Done;
        break;
    case ChunkedDecoder::Status::Error:
        failChunked();
        break;
    }
}

void HttpRequestParser::failChunked()
{
    switch (m_chunked.error()) {
    case ChunkedDecoder::Error::None:
    case ChunkedDecoder::Error::Malformed:
        fail(400, "malformed chunked body");
        break;
    case ChunkedDecoder::Error::BadChunkSize:
        fail(400, "malformed chunk size");
        break;
    case ChunkedDecoder::Error::BodyTooLarge:
        fail(413, "the request body is larger than 1 MiB");
        break;
    case ChunkedDecoder::Error::TrailersTooLarge:
        // Worded as when the headers overflow: complete trailer lines share the header budget.
        fail(431, "the request headers are larger than 64 KiB");
        break;
    case ChunkedDecoder::Error::TrailerOverflow:
        fail(431, "the request trailers are larger than 64 KiB");
        break;
    }
}

HttpRequestParser::State HttpRequestParser::feed(QByteArrayView data)
{
    if (m_state == State::Error)
        return m_state;
    if (m_state == State::Done) {
        // Keep what belongs to the next request, within the same bounds as always.
        if (m_buffer.size() + data.size() > kMaxHeaderBytes + kMaxBodyBytes)
            fail(400, "too much data after a request that is still being answered");
        else
            m_buffer.append(data);
        return m_state;
    }
    m_buffer.append(data);

    QByteArray line;
    while (m_state == State::RequestLine || m_state == State::Headers) {
        if (!takeHttpLine(m_buffer, line)) {
            if (m_headerBytes + m_buffer.size() > kMaxHeaderBytes)
                countHeaderBytes(m_buffer.size());
            return m_state;
        }
        if (!countHeaderBytes(line.size() + 2))
            return m_state;
        if (m_state == State::RequestLine) {
            if (line.isEmpty())
                continue; // RFC 9112 2.2: ignore empty lines before the request line
            if (parseRequestLine(line))
                m_state = State::Headers;
        } else if (line.isEmpty()) {
            headersDone();
        } else {
            parseHeaderLine(line);
        }
    }
    if (m_state == State::Body)
        feedBody();
    return m_state;
}

HttpRequestParser::Request HttpRequestParser::takeRequest()
{
    Request done = std::move(m_request);
    m_request = Request();
    m_state = State::RequestLine;
    m_headerBytes = 0;
    m_bodyMode = BodyMode::None;
    m_remaining = 0;
    m_chunked = ChunkedDecoder();
    // Parse whatever of the next request is already buffered.
    const QByteArray rest = std::exchange(m_buffer, QByteArray());
    if (!rest.isEmpty())
        feed(rest);
    return done;
}

} // namespace llmdoctor::core
