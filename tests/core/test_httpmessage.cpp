#include "core/probe/httpmessage.h"
#include "core/sim/httprequestparser.h"

#include <gtest/gtest.h>

using namespace llmdoctor::core;
using State = HttpResponseParser::State;

TEST(HttpResponseParser, ContentLengthBodyFedByteByByte)
{
    const QByteArray raw =
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"ok\":true}";
    HttpResponseParser p;
    State s = State::StatusLine;
    for (char c : raw)
        s = p.feed(QByteArrayView(&c, 1));
    ASSERT_EQ(s, State::Done);
    EXPECT_EQ(p.response().status, 200);
    EXPECT_EQ(p.response().header("content-type"), "application/json");
    EXPECT_EQ(p.response().body, "{\"ok\":true}");
    EXPECT_TRUE(p.response().bodyComplete);
}

TEST(HttpResponseParser, ChunkedWithExtensionsAndTrailers)
{
    HttpResponseParser p;
    EXPECT_EQ(p.feed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n6\r\n "
                     "world\r\n0\r\nX-T: 1\r\n\r\n"),
              State::Done);
    EXPECT_EQ(p.response().body, "hello world");
}

TEST(HttpResponseParser, CloseDelimitedBodyEndsAtClose)
{
    HttpResponseParser p;
    EXPECT_EQ(p.feed("HTTP/1.0 502 Bad Gateway\r\nServer: nginx\r\n\r\n<html>"), State::Body);
    EXPECT_EQ(p.feed("</html>"), State::Body);
    EXPECT_EQ(p.finish(), State::Done);
    EXPECT_EQ(p.response().body, "<html></html>");
    EXPECT_EQ(p.response().reason, "Bad Gateway");
}

TEST(HttpResponseParser, InterimResponsesAreSkipped)
{
    HttpResponseParser p;
    EXPECT_EQ(p.feed("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n"), State::Done);
    EXPECT_EQ(p.response().status, 204);
}

TEST(HttpResponseParser, BodyBeyondTheCapIsCountedNotKept)
{
    HttpResponseParser p(10);
    EXPECT_EQ(p.feed("HTTP/1.1 200 OK\r\nContent-Length: 25\r\n\r\n0123456789012345678901234"), State::Done);
    EXPECT_EQ(p.response().body, "0123456789");
    EXPECT_EQ(p.response().bodyBytes, 25);
    EXPECT_TRUE(p.response().bodyTruncated);
}

TEST(HttpResponseParser, GarbageAndOversizedHeadersAreErrors)
{
    HttpResponseParser garbage;
    EXPECT_EQ(garbage.feed("SSH-2.0-OpenSSH_9.2\r\n"), State::Error);
    HttpResponseParser badCode;
    EXPECT_EQ(badCode.feed("HTTP/1.1 2x0 OK\r\n"), State::Error);
    HttpResponseParser endless;
    const QByteArray header = "X-Filler: " + QByteArray(1000, 'a') + "\r\n";
    State s = endless.feed("HTTP/1.1 200 OK\r\n");
    for (int i = 0; i < 100 && s != State::Error; ++i)
        s = endless.feed(header);
    EXPECT_EQ(s, State::Error);
    HttpResponseParser noNewline;
    EXPECT_EQ(noNewline.feed(QByteArray(70 * 1024, 'H')), State::Error);
}

TEST(HttpResponseParser, ClosedMidBodyKeepsWhatArrived)
{
    HttpResponseParser p;
    p.feed("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial");
    EXPECT_EQ(p.finish(), State::Done);
    EXPECT_FALSE(p.response().bodyComplete);
    EXPECT_EQ(p.response().body, "partial");
}

// ---- shared framing helpers ----

TEST(TakeHttpLine, SplitsOnLfAndCrLfAndWaitsForTheNewline)
{
    QByteArray buffer = "one\r\ntwo\nthr";
    QByteArray line;
    ASSERT_TRUE(takeHttpLine(buffer, line));
    EXPECT_EQ(line, "one");
    ASSERT_TRUE(takeHttpLine(buffer, line));
    EXPECT_EQ(line, "two");
    EXPECT_FALSE(takeHttpLine(buffer, line));
    EXPECT_EQ(buffer, "thr");
}

TEST(ChunkedDecoder, DecodesAcrossSplitsAndLeavesWhatFollows)
{
    const QByteArray raw = "4;ext=1\r\nWiki\r\n5\r\npedia\r\n0\r\nX-T: 1\r\n\r\nNEXT";
    ChunkedDecoder decoder;
    QByteArray buffer;
    QByteArray body;
    ChunkedDecoder::Status status = ChunkedDecoder::Status::NeedMore;
    for (qsizetype i = 0; i < raw.size() && status == ChunkedDecoder::Status::NeedMore; ++i) {
        buffer.append(raw.at(i));
        status = decoder.decode(buffer, [&body](QByteArrayView bytes) { body.append(bytes); });
    }
    ASSERT_EQ(status, ChunkedDecoder::Status::Done);
    EXPECT_EQ(body, "Wikipedia");

    ChunkedDecoder whole;
    buffer = raw;
    body.clear();
    EXPECT_EQ(whole.decode(buffer, [&body](QByteArrayView bytes) { body.append(bytes); }),
              ChunkedDecoder::Status::Done);
    EXPECT_EQ(body, "Wikipedia");
    EXPECT_EQ(buffer, "NEXT");
}

TEST(ChunkedDecoder, ReportsEachKindOfError)
{
    const auto run = [](const ChunkedDecoder::Limits &limits, const QByteArray &raw) {
        ChunkedDecoder decoder(limits);
        QByteArray buffer = raw;
        EXPECT_EQ(decoder.decode(buffer, [](QByteArrayView) {}), ChunkedDecoder::Status::Error);
        return decoder.error();
    };
    using E = ChunkedDecoder::Error;
    EXPECT_EQ(run({}, "zz\r\n"), E::BadChunkSize);
    EXPECT_EQ(run({}, "2\r\nabX\r\n"), E::Malformed);
    EXPECT_EQ(run({.maxLineBytes = 8}, "123456789"), E::Malformed);
    EXPECT_EQ(run({.maxBodyBytes = 4}, "3\r\nabc\r\n2\r\n"), E::BodyTooLarge);
    EXPECT_EQ(run({.maxTrailerBytes = 10}, "0\r\nA: 123456\r\n"), E::TrailersTooLarge);
    EXPECT_EQ(run({.maxTrailerBytes = 10}, "0\r\nA: 123456789"), E::TrailerOverflow);
}

TEST(HttpResponseParser, MalformedChunkingKeepsItsErrorTexts)
{
    const QByteArray head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
    HttpResponseParser badSize;
    EXPECT_EQ(badSize.feed(head + "xyz\r\n"), State::Error);
    EXPECT_EQ(badSize.errorText(), "malformed chunk size");
    HttpResponseParser noCrLf;
    EXPECT_EQ(noCrLf.feed(head + "2\r\nabc\r\n"), State::Error);
    EXPECT_EQ(noCrLf.errorText(), "malformed chunked encoding");
    HttpResponseParser endlessTrailer;
    EXPECT_EQ(endlessTrailer.feed(head + "0\r\n" + QByteArray(4097, 'x')), State::Error);
    EXPECT_EQ(endlessTrailer.errorText(), "malformed chunked encoding");
    HttpResponseParser capped(3);
    EXPECT_EQ(capped.feed(head + "5\r\nhello\r\n0\r\n\r\n"), State::Done);
    EXPECT_EQ(capped.response().body, "hel");
    EXPECT_EQ(capped.response().bodyBytes, 5);
    EXPECT_TRUE(capped.response().bodyTruncated);
    EXPECT_TRUE(capped.response().bodyComplete);
}

TEST(HttpRequestParser, ChunkedLimitsKeepTheirStatusesAndTexts)
{
    const QByteArray head = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n";
    const auto parse = [](const QByteArray &raw) {
        HttpRequestParser parser;
        parser.feed(raw);
        return parser;
    };
    HttpRequestParser overTwoChunks = parse(head + "80000\r\n" + QByteArray(0x80000, 'a') + "\r\n80001\r\n");
    EXPECT_EQ(overTwoChunks.errorStatus(), 413);
    EXPECT_EQ(overTwoChunks.errorText(), "the request body is larger than 1 MiB");
    const HttpRequestParser longSizeLine = parse(head + QByteArray(1025, '1'));
    EXPECT_EQ(longSizeLine.errorStatus(), 400);
    EXPECT_EQ(longSizeLine.errorText(), "malformed chunked body");
    const HttpRequestParser badEnd = parse(head + "1\r\nab\r\n");
    EXPECT_EQ(badEnd.errorText(), "malformed chunked body");
    const HttpRequestParser badSize = parse(head + "-1\r\n");
    EXPECT_EQ(badSize.errorText(), "malformed chunk size");

    // Trailers share the 64 KiB header budget; a long trailer line is fine below it.
    HttpRequestParser longTrailer = parse(head + "0\r\nX-T: " + QByteArray(2000, 't') + "\r\n\r\n");
    EXPECT_EQ(longTrailer.state(), HttpRequestParser::State::Done);
    const HttpRequestParser unterminated = parse(head + "0\r\nX-T: " + QByteArray(70 * 1024, 't'));
    EXPECT_EQ(unterminated.errorStatus(), 431);
    EXPECT_EQ(unterminated.errorText(), "the request trailers are larger than 64 KiB");
    const HttpRequestParser complete = parse(head + "0\r\nX-T: " + QByteArray(70 * 1024, 't') + "\r\n");
    EXPECT_EQ(complete.errorStatus(), 431);
    EXPECT_EQ(complete.errorText(), "the request headers are larger than 64 KiB");
}
