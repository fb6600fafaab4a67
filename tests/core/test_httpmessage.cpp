#include "core/probe/httpmessage.h"

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
