// The simulator's request parser: whatever a client (or a port scanner) sends to it.
#include "core/sim/httprequestparser.h"
#include "fuzzinput.h"

#include <cstdlib>

using namespace llmdoctor;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const qsizetype piece = 1 + data[0] % 64;
    const QByteArray input = fuzz::bytes(data + 1, size - 1);
    core::HttpRequestParser parser;
    for (qsizetype at = 0; at < input.size(); at += piece) {
        auto state = parser.feed(QByteArrayView(input).sliced(at, std::min(piece, input.size() - at)));
        // Pipelined requests: take each one and go on with the rest.
        while (state == core::HttpRequestParser::State::Done) {
            const auto request = parser.takeRequest();
            if (request.body.size() > core::HttpRequestParser::kMaxBodyBytes)
                std::abort();
            request.keepAlive();
            request.expectsContinue();
            state = parser.feed({});
        }
        if (state == core::HttpRequestParser::State::Error) {
            const int s = parser.errorStatus();
            if (s < 400 || s > 599)
                std::abort();
            break;
        }
    }
    return 0;
}
