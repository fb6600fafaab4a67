// The stream check's server-sent-events splitter over a growing text/event-stream body, as the
// stream check feeds it (the whole body so far, after every read), and the timing analysis
// over the events it found.
#include "core/checks/streamcheck.h"
#include "fuzzinput.h"

#include <cstdlib>

using namespace llmdoctor;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const qsizetype piece = 1 + data[0] % 32;
    const QByteArray input = fuzz::bytes(data + 1, size - 1);
    core::SseSplitter splitter;
    QList<core::StreamEvent> events;
    qsizetype payload = 0;
    QByteArray body;
    for (qsizetype at = 0; at < input.size(); at += piece) {
        body.append(QByteArrayView(input).sliced(at, std::min(piece, input.size() - at)));
        for (const QByteArray &event : splitter.take(body)) {
            payload += event.size();
            events.append({double(at), event != "[DONE]"});
        }
    }
    if (payload > input.size())
        std::abort(); // payloads are pieces of the body
    core::StreamTiming::analyse(events, 0, input.isEmpty() ? 0 : double(data[0]));
    return 0;
}
