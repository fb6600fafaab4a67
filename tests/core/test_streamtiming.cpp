// The stream check's arithmetic and its event splitter, without any network.
#include "core/checks/streamcheck.h"

#include <gtest/gtest.h>

using namespace llmdoctor::core;

namespace {

QList<StreamEvent> events(std::initializer_list<double> times, int firstText = 1)
{
    QList<StreamEvent> out;
    int i = 0;
    for (const double t : times)
        out.append({t, i++ >= firstText});
    return out;
}

} // namespace

TEST(StreamTiming, WordByWord)
{
    // Sent at 10 ms, headers at 15, six events 200 ms apart.
    const StreamTiming t = StreamTiming::analyse(events({20, 220, 420, 620, 820, 1020}), 10, 15);
    EXPECT_EQ(t.events, 6);
    EXPECT_EQ(t.reads, 6);
    EXPECT_DOUBLE_EQ(t.headersMs, 5);
    EXPECT_DOUBLE_EQ(t.ttftMs, 210); // the role comes first, words with the second event
    EXPECT_DOUBLE_EQ(t.totalMs, 1010);
    EXPECT_DOUBLE_EQ(t.maxGapMs, 200);
    EXPECT_DOUBLE_EQ(t.medianGapMs, 200);
    EXPECT_FALSE(t.buffered);
    EXPECT_FALSE(t.tooQuick);
}

TEST(StreamTiming, AllAtOnceAtTheEndIsBuffered)
{
    const StreamTiming t = StreamTiming::analyse(events({1210, 1210, 1210, 1210, 1210, 1210}), 10, 15);
    EXPECT_EQ(t.reads, 1);
    EXPECT_DOUBLE_EQ(t.ttftMs, 1200);
    EXPECT_DOUBLE_EQ(t.maxGapMs, 0);
    EXPECT_TRUE(t.buffered);
    // Two reads (a buffer's worth, then the rest) still count as held back.
    EXPECT_TRUE(StreamTiming::analyse(events({1200, 1200, 1200, 1201, 1201}), 0, 5).buffered);
}

TEST(StreamTiming, TooQuickOrTooFewToTell)
{
    const StreamTiming quick = StreamTiming::analyse(events({30, 30, 30, 30, 30}), 0, 5);
    EXPECT_TRUE(quick.tooQuick);
    EXPECT_FALSE(quick.buffered);
    EXPECT_FALSE(StreamTiming::analyse(events({900, 900, 900}), 0, 5).buffered)
        << "three events prove little";
    const StreamTiming none = StreamTiming::analyse({}, 0, 5);
    EXPECT_EQ(none.events, 0);
    EXPECT_DOUBLE_EQ(none.ttftMs, -1);
}

TEST(SseSplitter, SplitsEventsAsTheyComplete)
{
    SseSplitter s;
    QByteArray body = "data: {\"a\":1}\n\ndata: {\"b\"";
    EXPECT_EQ(s.take(body), QList<QByteArray>{"{\"a\":1}"});
    body += ":2}\r\n\r\n: a comment\n\nevent: ping\ndata: x\ndata: y\n\n";
    EXPECT_EQ(s.take(body), (QList<QByteArray>{"{\"b\":2}", "x\ny"})) << "CRLF, comments, multi-line data";
    body += "data: [DONE]\n\n";
    EXPECT_EQ(s.take(body), QList<QByteArray>{"[DONE]"});
    EXPECT_TRUE(s.take(body).isEmpty());
}
