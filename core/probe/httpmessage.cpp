#include "httpmessage.h"

namespace llmdoctor::core {

QByteArray headerValue(const HeaderList &headers, QByteArrayView name)
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
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

bool HttpResponseParser::takeLine(QByteArray &line)
{
    const qsizetype nl = m_buffer.indexOf('\n');
    if (nl < 0)
        return false;
    line = m_buffer.left(nl);
    if (line.endsWith('\r'))
        line.chop(1);
    m_buffer.remove(0, nl + 1);
    return true;
}

HttpResponseParser::State HttpResponseParser::feed(QByteArrayView data)
{
    if (m_state == State::Done || m_state == State::Error)
        return m_state;
    m_buffer.append(data);

    QByteArray line;
    while (m_state == State::StatusLine || m_state == State::Headers) {
        if (!takeLine(line)) {
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
        m_chunkState = ChunkState::Size;
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
        while (m_state == State::Body) {
            if (m_chunkState == ChunkState::Data) {
                const qint64 n = std::min<qint64>(m_remaining, m_buffer.size());
                appendBody(QByteArrayView(m_buffer).first(n));
                m_buffer.remove(0, n);
                m_remaining -= n;
                if (m_remaining > 0)
                    return;
                m_chunkState = ChunkState::DataEnd;
                continue;
            }
            QByteArray line;
            if (!takeLine(line)) {
                if (m_buffer.size() > 4096)
                    fail("malformed chunked encoding");
                return;
            }
            if (m_chunkState == ChunkState::DataEnd) {
                if (!line.isEmpty()) {
                    fail("malformed chunked encoding");
                    return;
                }
                m_chunkState = ChunkState::Size;
            } else if (m_chunkState == ChunkState::Size) {
                const qsizetype semi = line.indexOf(';');
                const QByteArray hex = (semi < 0 ? line : line.left(semi)).trimmed();
                bool ok = false;
                m_remaining = hex.toLongLong(&ok, 16);
                if (!ok || m_remaining < 0 || hex.size() > 15) {
                    fail("malformed chunk size");
                    return;
                }
                m_chunkState = m_remaining == 0 ? ChunkState::Trailers : ChunkState::Data;
            } else if (line.isEmpty()) { // end of trailers
                m_response.bodyComplete = true;
                m_state = State::Done;
            }
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

} // namespace llmdoctor::core
