// HttpResponseParser and ChunkedDecoder over whatever a hostile server sends, fed in pieces of
// the sizes a real socket might deliver; then the response classifiers over the result.
#include "core/diagnosis/errorclassifier.h"
#include "core/diagnosis/hops.h"
#include "core/diagnosis/ratelimit.h"
#include "core/diagnosis/responseclassifier.h"
#include "core/probe/httpmessage.h"
#include "fuzzinput.h"

#include <cstdlib>

using namespace llmdoctor;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const unsigned char control = data[0];
    const QByteArray input = fuzz::bytes(data + 1, size - 1);
    // Small caps so that the cap and truncation paths are reached with small inputs.
    const qint64 cap = (control & 0x0f) * 16;
    const bool head = control & 0x10;
    const qsizetype piece = 1 + ((control >> 5) * 7);

    core::HttpResponseParser parser(cap, head);
    auto state = parser.state();
    for (qsizetype at = 0; at < input.size(); at += piece) {
        state = parser.feed(QByteArrayView(input).sliced(at, std::min(piece, input.size() - at)));
        if (state == core::HttpResponseParser::State::Done || state == core::HttpResponseParser::State::Error)
            break;
    }
    if (state != core::HttpResponseParser::State::Error)
        parser.finish();
    const core::HttpResponse &r = parser.response();
    // The bounds the probe relies on to keep memory flat.
    if (r.body.size() > cap || r.body.size() > r.bodyBytes)
        std::abort();
    qsizetype headerBytes = r.reason.size() + r.version.size();
    for (const auto &[name, value] : r.headers)
        headerBytes += name.size() + value.size();
    if (headerBytes > core::HttpResponseParser::kMaxHeaderBytes)
        std::abort();

    if (parser.headersComplete()) {
        core::classifyResponse(r, control & 1, control & 2);
        core::classifyErrorResponse(r);
        core::detectHops(r.headers);
        core::requestIds(r.headers);
        core::rateLimitHeaders(r.headers);
        core::parsedRateLimits(r.headers);
    }

    // The chunked decoder alone, with tight limits, as the request parser uses it.
    core::ChunkedDecoder decoder({.maxLineBytes = 64, .maxBodyBytes = 512, .maxTrailerBytes = 256});
    QByteArray buffer;
    qint64 decoded = 0;
    for (qsizetype at = 0; at < input.size(); at += piece) {
        buffer.append(QByteArrayView(input).sliced(at, std::min(piece, input.size() - at)));
        const auto status = decoder.decode(buffer, [&decoded](QByteArrayView b) { decoded += b.size(); });
        if (status != core::ChunkedDecoder::Status::NeedMore)
            break;
        if (buffer.size() > 64 + piece && decoder.error() == core::ChunkedDecoder::Error::None &&
            buffer.size() > input.size())
            std::abort(); // the decoder must consume or fail, never hoard
    }
    if (decoded > 512)
        std::abort();
    return 0;
}
