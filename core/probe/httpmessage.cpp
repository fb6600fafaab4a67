#include "httpmessage.h"

#include <algorithm>

namespace llmdoctor::core {

QByteArray headerValue(const HeaderList &headers, QByteArrayView name)
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool takeHttpLine(QByteArray &buffer, QByteArray &line)
{
    const qsizetype nl = buffer.indexOf('\n');
    if (nl < 0)
        return false;
    line = buffer.left(nl);
    if (line.endsWith('\r'))
        line.chop(1);
    buffer.remove(0, nl + 1);
    return true;
}

ChunkedDecoder::Status ChunkedDecoder::fail(Error error)
{
    m_phase = Phase::Error;
    m_error = error;
    return Status::Error;
}

const char *ChunkedDecoder::errorText() const
{
    switch (m_error) {
    case Error::None:
        break;
    case Error::Malformed:
        return "malformed chunked encoding";
    case Error::BadChunkSize:
        return "malformed chunk size";
    case Error::BodyTooLarge:
        return "the chunked body is too large";
    case Error::TrailersTooLarge:
    case Error::TrailerOverflow:
        return "the chunked trailers are too large";
    }
    return "";
}

ChunkedDecoder::Status ChunkedDecoder::decode(QByteArray &buffer, const Sink &sink)
{
    QByteArray line;
    for (;;) {
        switch (m_phase) {
        case Phase::Done:
            return Status::Done;
        case Phase::Error:
            return Status::Error;
        case Phase::Data: {
            const qint64 n = std::min<qint64>(m_remaining, buffer.size());
            sink(QByteArrayView(buffer).first(n));
            buffer.remove(0, n);
            m_decoded += n;
            m_remaining -= n;
            if (m_remaining > 0)
                return Status::NeedMore;
            m_phase = Phase::DataEnd;
            continue;
        }
        case Phase::Size:
        case Phase::DataEnd:
        case Phase::Trailers:
            break;
        }

        if (!takeHttpLine(buffer, line)) {
            // With a trailer budget, an unfinished trailer line is measured against what is left of it.
            if (m_phase == Phase::Trailers && m_limits.maxTrailerBytes >= 0) {
                if (m_trailerBytes + buffer.size() > m_limits.maxTrailerBytes)
                    return fail(Error::TrailerOverflow);
            } else if (buffer.size() > m_limits.maxLineBytes) {
                return fail(Error::Malformed);
            }
            return Status::NeedMore;
        }
        if (m_phase == Phase::DataEnd) {
            if (!line.isEmpty())
                return fail(Error::Malformed);
            m_phase = Phase::Size;
        } else if (m_phase == Phase::Size) {
            // "1a;name=value": chunk extensions are allowed and ignored.
            const qsizetype semi = line.indexOf(';');
            const QByteArray hex = (semi < 0 ? line : line.left(semi)).trimmed();
            bool ok = false;
            m_remaining = hex.toLongLong(&ok, 16);
            if (!ok || m_remaining < 0 || hex.size() > 15)
                return fail(Error::BadChunkSize);
            if (m_limits.maxBodyBytes >= 0 && m_decoded + m_remaining > m_limits.maxBodyBytes)
                return fail(Error::BodyTooLarge);
            m_phase = m_remaining == 0 ? Phase::Trailers : Phase::Data;
        } else {
            m_trailerBytes += line.size() + 2;
            if (m_limits.maxTrailerBytes >= 0 && m_trailerBytes > m_limits.maxTrailerBytes)
                return fail(Error::TrailersTooLarge);
            if (line.isEmpty()) // end of trailers
                m_phase = Phase::Done;
        }
    }
}

HttpResponseParser::HttpResponseParser(qint64 captureCap, bool headRequest)
    : m_captureCap(captureCap), m_headRequest(headRequest)
{
}

void HttpResponseParser::fail(const char *why)
{
    m_state = State::Error;
    m_error = why;
}

HttpResponseParser::State HttpResponseParser::feed(QByteArrayView data)
{
    if (m_state == State::Done || m_state == State::Error)
        return m_state;
    m_buffer.append(data);

    QByteArray line;
    while (m_state == State::StatusLine || m_state == State::Headers) {
        // Noise without line breaks would otherwise be read up to the 64 KiB header limit
        // before being called what it is.
        if (m_state == State::StatusLine && m_buffer.size() >= 5 && !m_buffer.startsWith("HTTP/")) {
            fail("the server did not answer with HTTP");
            return m_state;
        }
        if (!takeHttpLine(m_buffer, line)) {
            if (m_headerBytes + m_buffer.size() > kMaxHeaderBytes)
                fail("response headers are larger than 64 KiB");
            return m_state;
        }
        m_headerBytes += line.size() + 2;
        if (m_headerBytes > kMaxHeaderBytes) {
            fail("response headers are larger than 64 KiB");
            return m_state;
        }
        if (m_state == State::StatusLine) {
            // "HTTP/1.1 200 OK"; the reason phrase may be empty.
            if (!line.startsWith("HTTP/")) {
                fail("the server did not answer with HTTP");
                return m_state;
            }
            const qsizetype sp1 = line.indexOf(' ');
            if (sp1 < 0) {
                fail("malformed status line");
                return m_state;
            }
            const qsizetype sp2 = line.indexOf(' ', sp1 + 1);
            const QByteArray code = line.mid(sp1 + 1, sp2 < 0 ? -1 : sp2 - sp1 - 1);
            bool ok = false;
            const int status = code.toInt(&ok);
            if (!ok || code.size() != 3 || status < 100) {
                fail("malformed status code");
                return m_state;
            }
            m_response.version = line.left(sp1);
            m_response.status = status;
            m_response.reason = sp2 < 0 ? QByteArray() : line.mid(sp2 + 1);
            m_state = State::Headers;
        } else if (line.isEmpty()) {
            if (m_response.status >= 100 && m_response.status < 200 && m_response.status != 101) {
                // Interim response (100 Continue, 103 Early Hints): the real one follows.
                m_response = HttpResponse();
                m_state = State::StatusLine;
                continue;
            }
            startBody();
        } else {
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0) {
                fail("malformed header line");
                return m_state;
            }
            m_response.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
        }
    }
    if (m_state == State::Body)
        feedBody();
    return m_state;
}

void HttpResponseParser::startBody()
{
    m_state = State::Body;
    const int s = m_response.status;
    if (m_headRequest || s == 204 || s == 304) {
        m_bodyMode = BodyMode::None;
    } else if (m_response.header("transfer-encoding").toLower().contains("chunked")) {
        m_bodyMode = BodyMode::Chunked;
        m_chunked = ChunkedDecoder({.maxLineBytes = 4096});
    } else if (const QByteArray len = m_response.header("content-length"); !len.isEmpty()) {
        bool ok = false;
        m_remaining = len.toLongLong(&ok);
        if (!ok || m_remaining < 0) {
            fail("malformed Content-Length");
            return;
        }
        m_bodyMode = m_remaining == 0 ? BodyMode::None : BodyMode::Length;
    } else {
        m_bodyMode = BodyMode::UntilClose;
    }
    if (m_bodyMode == BodyMode::None) {
        m_response.bodyComplete = true;
        m_state = State::Done;
    }
}

void HttpResponseParser::appendBody(QByteArrayView bytes)
{
    m_response.bodyBytes += bytes.size();
    const qint64 room = m_captureCap - m_response.body.size();
    if (room >= bytes.size()) {
        m_response.body.append(bytes);
    } else {
        if (room > 0)
            m_response.body.append(bytes.first(room));
        m_response.bodyTruncated = true;
    }
}

void HttpResponseParser::feedBody()
{
    switch (m_bodyMode) {
    case BodyMode::None:
        break;
    case BodyMode::UntilClose:
        appendBody(m_buffer);
        m_buffer.clear();
        break;
    case BodyMode::Length: {
        const qint64 n = std::min<qint64>(m_remaining, m_buffer.size());
        appendBody(QByteArrayView(m_buffer).first(n));
        m_buffer.remove(0, n);
        m_remaining -= n;
        if (m_remaining == 0) {
            m_response.bodyComplete = true;
            m_state = State::Done;
        }
        break;
    }
    case BodyMode::Chunked:
        switch (m_chunked.decode(m_buffer, [this](QByteArrayView bytes) { appendBody(bytes); })) {
        case ChunkedDecoder::Status::NeedMore:
            break;
        case ChunkedDecoder::Status::Done:
            m_response.bodyComplete = true;
            m_state = State::Done;
            break;
        case ChunkedDecoder::Status::Error:
            fail(m_chunked.errorText());
            break;
        }
        break;
    }
}

HttpResponseParser::State HttpResponseParser::finish()
{
    if (m_state == State::Body && m_bodyMode == BodyMode::UntilClose) {
        m_response.bodyComplete = true;
        m_state = State::Done;
    } else if (m_state == State::Body) {
        // Closed mid-body: what we have is kept, flagged as incomplete.
        m_state = State::Done;
    }
    return m_state;
}

QByteArray httpReasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 413:
        return "Payload Too Large";
    case 414:
        return "URI Too Long";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    case 529:
        return "Site Overloaded"; // not registered; what Anthropic's edge sends
    default:
        return "Unknown";
    }
}

} // namespace llmdoctor::core
