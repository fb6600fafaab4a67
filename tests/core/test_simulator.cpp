// The fault simulator, driven by raw sockets: every fault is checked by what a client really sees.

#include "core/cli/simulatecommand.h"
#include "core/sim/httprequestparser.h"
#include "core/sim/simulator.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <functional>
#include <gtest/gtest.h>
#include <memory>
#include <netinet/in.h>
#include <optional>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace llmdoctor::core;
using namespace Qt::StringLiterals;

namespace {

// Runs the event loop until pred() holds or the deadline passes; never hangs.
bool waitFor(const std::function<bool()> &pred, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!pred()) {
        if (deadline.hasExpired())
            return false;
        QEventLoop loop;
        QTimer::singleShot(5, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

void pump(int ms)
{
    waitFor([] { return false; }, ms);
}

struct Response
{
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(QByteArrayView name) const
    {
        for (const auto &[key, value] : headers)
            if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
                return value;
        return {};
    }
    bool hasHeader(QByteArrayView name) const
    {
        return std::any_of(headers.begin(), headers.end(), [name](const auto &h) {
            return QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0;
        });
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// Takes one complete response off the front of buffer; nullopt while it is incomplete.
std::optional<Response> takeResponse(QByteArray &buffer, bool headRequest = false)
{
    for (;;) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return std::nullopt;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        Response r;
        r.status = lines.first().split(' ').value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            r.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
        }
        qsizetype pos = end + 4;
        if (r.status == 100) { // interim: the real answer follows
            buffer.remove(0, pos);
            continue;
        }
        if (headRequest) {
        } else if (r.header("transfer-encoding") == "chunked") {
            for (;;) {
                const qsizetype nl = buffer.indexOf("\r\n", pos);
                if (nl < 0)
                    return std::nullopt;
                const qsizetype size = buffer.mid(pos, nl - pos).toLongLong(nullptr, 16);
                if (buffer.size() < nl + 2 + size + 2)
                    return std::nullopt;
                r.body += buffer.mid(nl + 2, size);
                pos = nl + 2 + size + 2;
                if (size == 0)
                    break;
            }
        } else {
            const qsizetype length = r.header("content-length").toLongLong();
            if (buffer.size() < pos + length)
                return std::nullopt;
            r.body = buffer.mid(pos, length);
            pos += length;
        }
        buffer.remove(0, pos);
        return r;
    }
}

QByteArray request(const QByteArray &method, const QByteArray &path, const QByteArray &body = {},
                   const QByteArray &extraHeaders = {})
{
    QByteArray r = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders;
    if (!body.isEmpty() || method == "POST")
        r += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    return r + "\r\n" + body;
}

QByteArray chatBody(const QByteArray &model, bool stream = false)
{
    return R"({"model":")" + model + R"(","messages":[{"role":"user","content":"Say hello"}])" +
           (stream ? R"(,"stream":true})" : "}");
}

// A raw HTTP client on a QTcpSocket (or QSslSocket), reading with a deadline.
class Client
{
public:
    explicit Client(quint16 port, std::unique_ptr<QTcpSocket> socket = std::make_unique<QTcpSocket>())
        : m_socket(std::move(socket))
    {
        QObject::connect(m_socket.get(), &QTcpSocket::errorOccurred, m_socket.get(),
                         [this](QAbstractSocket::SocketError e) { m_error = e; });
        QObject::connect(m_socket.get(), &QTcpSocket::disconnected, m_socket.get(),
                         [this] { m_disconnected = true; });
        if (auto *ssl = qobject_cast<QSslSocket *>(m_socket.get()))
            ssl->connectToHostEncrypted(u"127.0.0.1"_s, port, u"localhost"_s);
        else
            m_socket->connectToHost(QHostAddress::LocalHost, port);
    }

    bool waitConnected(int ms = 3000)
    {
        auto *ssl = qobject_cast<QSslSocket *>(m_socket.get());
        return waitFor(
            [&] { return ssl ? ssl->isEncrypted() : m_socket->state() == QAbstractSocket::ConnectedState; },
            ms);
    }
    void send(const QByteArray &bytes) { m_socket->write(bytes); }
    std::optional<Response> response(int ms = 3000, bool headRequest = false)
    {
        std::optional<Response> r;
        waitFor(
            [&] {
                m_buffer += m_socket->readAll();
                r = takeResponse(m_buffer, headRequest);
                return r.has_value();
            },
            ms);
        return r;
    }
    std::optional<Response> exchange(const QByteArray &bytes, int ms = 3000)
    {
        send(bytes);
        return response(ms);
    }
    bool waitDisconnected(int ms = 3000)
    {
        return waitFor(
            [&] {
                m_buffer += m_socket->readAll();
                return m_disconnected;
            },
            ms);
    }
    QByteArray &buffer()
    {
        m_buffer += m_socket->readAll();
        return m_buffer;
    }
    bool disconnected() const { return m_disconnected; }
    std::optional<QAbstractSocket::SocketError> error() const { return m_error; }
    QTcpSocket &socket() { return *m_socket; }

private:
    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_buffer;
    bool m_disconnected = false;
    std::optional<QAbstractSocket::SocketError> m_error;
};

std::unique_ptr<Simulator> startSimulator(SimulatorOptions options)
{
    auto sim = std::make_unique<Simulator>(std::move(options));
    QString error;
    EXPECT_TRUE(sim->start(&error)) << error.toStdString();
    EXPECT_NE(sim->port(), 0);
    return sim;
}

std::unique_ptr<Simulator> startSimulator(Fault fault)
{
    SimulatorOptions options;
    options.fault = fault;
    return startSimulator(options);
}

// A plain POSIX client, to tell a TCP reset (ECONNRESET) from a clean close (recv() == 0), which
// QTcpSocket reports alike.
struct RawOutcome
{
    ssize_t received = -2; // -2: nothing happened before the deadline
    int error = 0;
};

RawOutcome rawExchange(quint16 port, const QByteArray &bytes, int timeoutMs = 3000)
{
    RawOutcome outcome;
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr = {};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
        ::close(fd);
        outcome.error = errno;
        return outcome;
    }
    [[maybe_unused]] const ssize_t sent = ::send(fd, bytes.constData(), size_t(bytes.size()), MSG_NOSIGNAL);
    waitFor(
        [&] {
            pollfd p{fd, POLLIN, 0};
            if (::poll(&p, 1, 0) <= 0)
                return false;
            char byte;
            outcome.received = ::recv(fd, &byte, 1, MSG_DONTWAIT);
            outcome.error = outcome.received < 0 ? errno : 0;
            return true;
        },
        timeoutMs);
    ::close(fd);
    return outcome;
}

const QByteArray kNginx502 =
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n"
    "</body>\r\n</html>\r\n";

} // namespace

// ---- names ----

TEST(SimulatorNames, RoundTripAndDescribeEveryFault)
{
    const QStringList names = Simulator::faultNames();
    EXPECT_EQ(names, QStringList({u"none"_s, u"bad_gateway"_s, u"envoy_reset"_s, u"reset_before_headers"_s,
                                  u"close_before_headers"_s, u"hang"_s, u"slow_headers"_s, u"rate_limit"_s,
                                  u"invalid_key"_s, u"model_not_found"_s, u"overloaded"_s, u"flaky"_s,
                                  u"tls"_s, u"quota_exhausted"_s, u"forbidden"_s, u"gateway_timeout"_s}));
    for (const QString &name : names) {
        const std::optional<Fault> fault = Simulator::faultFromName(name);
        ASSERT_TRUE(fault.has_value()) << name.toStdString();
        EXPECT_EQ(Simulator::faultName(*fault), name);
        const QString description = Simulator::faultDescription(*fault);
        EXPECT_TRUE(description.endsWith(u'.')) << description.toStdString();
        EXPECT_FALSE(description.contains(u'\n'));
    }
    EXPECT_FALSE(Simulator::faultFromName(u"bad-gateway").has_value());
    EXPECT_FALSE(Simulator::faultFromName(u"").has_value());
}

// ---- request parser ----

TEST(HttpRequestParser, ParsesRequestsFedOneByteAtATime)
{
    HttpRequestParser parser;
    const QByteArray raw = request("POST", "/v1/chat/completions?x=1", R"({"a":1})", "Connection: close\r\n");
    for (const char c : raw)
        parser.feed(QByteArrayView(&c, 1));
    ASSERT_EQ(parser.state(), HttpRequestParser::State::Done);
    const HttpRequestParser::Request r = parser.takeRequest();
    EXPECT_EQ(r.method, "POST");
    EXPECT_EQ(r.target, "/v1/chat/completions?x=1");
    EXPECT_EQ(r.path, "/v1/chat/completions");
    EXPECT_EQ(r.body, R"({"a":1})");
    EXPECT_EQ(r.header("CONTENT-LENGTH"), "7");
    EXPECT_FALSE(r.keepAlive());
    EXPECT_TRUE(parser.idle());
}

TEST(HttpRequestParser, DecodesChunkedBodiesAndKeepsTheNextRequest)
{
    HttpRequestParser parser;
    parser.feed("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n4;ext=1\r\nWiki\r\n5\r\npedia\r\n0\r\n"
                "Trailer: x\r\n\r\nGET /health HTTP/1.0\r\n\r\n");
    ASSERT_EQ(parser.state(), HttpRequestParser::State::Done);
    EXPECT_EQ(parser.takeRequest().body, "Wikipedia");
    ASSERT_EQ(parser.state(), HttpRequestParser::State::Done);
    const HttpRequestParser::Request next = parser.takeRequest();
    EXPECT_EQ(next.path, "/health");
    EXPECT_FALSE(next.keepAlive()); // HTTP/1.0 without keep-alive
}

TEST(HttpRequestParser, EnforcesLimitsAndRejectsGarbage)
{
    {
        HttpRequestParser parser;
        parser.feed("GET / HTTP/1.1\r\nX-Big: " + QByteArray(70 * 1024, 'a'));
        EXPECT_EQ(parser.state(), HttpRequestParser::State::Error);
        EXPECT_EQ(parser.errorStatus(), 431);
    }
    {
        HttpRequestParser parser;
        parser.feed("POST / HTTP/1.1\r\nContent-Length: 1048577\r\n\r\n");
        EXPECT_EQ(parser.errorStatus(), 413);
    }
    {
        HttpRequestParser parser;
        parser.feed("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n100001\r\n");
        EXPECT_EQ(parser.errorStatus(), 413);
    }
    {
        HttpRequestParser parser;
        parser.feed("GET /" + QByteArray(70 * 1024, 'a'));
        EXPECT_EQ(parser.errorStatus(), 414);
    }
    const QList<QPair<QByteArray, int>> cases{
        {QByteArray::fromHex("160301020001000100fc03030d0a"), 400}, // a TLS ClientHello to a plain port
        {"GET / HTTP/2.0\r\n\r\n", 505},
        {"GET / HTTP/1.1\r\nBad Header: x\r\n\r\n", 400},
        {"GET / HTTP/1.1\r\n folded\r\n\r\n", 400},
        {"POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n", 400},
        {"POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", 400},
        {"POST / HTTP/1.1\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n", 400},
        {"POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", 501},
        {"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400},
    };
    for (const auto &[raw, status] : cases) {
        HttpRequestParser parser;
        parser.feed(raw);
        EXPECT_EQ(parser.state(), HttpRequestParser::State::Error) << raw.toStdString();
        EXPECT_EQ(parser.errorStatus(), status) << raw.toStdString();
    }
}

// ---- the healthy API ----

TEST(Simulator, ServesTheOpenAiCompatibleApi)
{
    auto sim = startSimulator(Fault::None);
    EXPECT_EQ(sim->baseUrl().toString(), u"http://127.0.0.1:%1/v1"_s.arg(sim->port()));
    QSignalSpy served(sim.get(), &Simulator::requestServed);
    Client client(sim->port());
    ASSERT_TRUE(client.waitConnected());

    auto models = client.exchange(request("GET", "/v1/models"));
    ASSERT_TRUE(models);
    EXPECT_EQ(models->status, 200);
    EXPECT_EQ(models->header("server"), "llmdoctor-simulator");
    EXPECT_TRUE(QRegularExpression(u"^req_[0-9a-f]{32}$"_s)
                    .match(QString::fromLatin1(models->header("x-request-id")))
                    .hasMatch());
    EXPECT_EQ(models->header("content-type"), "application/json");
    EXPECT_EQ(models->header("connection"), "keep-alive");
    const QJsonObject list = models->json();
    EXPECT_EQ(list.value("object"_L1).toString(), u"list"_s);
    QStringList ids;
    for (const QJsonValue m : list.value("data"_L1).toArray()) {
        ids += m.toObject().value("id"_L1).toString();
        EXPECT_EQ(m.toObject().value("object"_L1).toString(), u"model"_s);
        EXPECT_EQ(m.toObject().value("owned_by"_L1).toString(), u"llmdoctor-simulator"_s);
        EXPECT_GT(m.toObject().value("created"_L1).toInteger(), 0);
    }
    EXPECT_EQ(ids, Simulator::defaultModels());

    auto chat = client.exchange(request("POST", "/v1/chat/completions", chatBody("gpt-4o-mini")));
    ASSERT_TRUE(chat);
    EXPECT_EQ(chat->status, 200);
    const QJsonObject completion = chat->json();
    EXPECT_EQ(completion.value("object"_L1).toString(), u"chat.completion"_s);
    EXPECT_EQ(completion.value("model"_L1).toString(), u"gpt-4o-mini"_s);
    const QJsonObject message =
        completion.value("choices"_L1).toArray().first().toObject().value("message"_L1).toObject();
    EXPECT_EQ(message.value("role"_L1).toString(), u"assistant"_s);
    EXPECT_FALSE(message.value("content"_L1).toString().isEmpty());
    EXPECT_GT(completion.value("usage"_L1).toObject().value("total_tokens"_L1).toInt(), 0);

    auto health = client.exchange(request("GET", "/health"));
    ASSERT_TRUE(health);
    EXPECT_EQ(health->status, 200);
    EXPECT_EQ(health->json(), QJsonObject({{u"status"_s, u"ok"_s}}));

    auto unknownModel = client.exchange(request("POST", "/v1/chat/completions", chatBody("gpt-17")));
    ASSERT_TRUE(unknownModel);
    EXPECT_EQ(unknownModel->status, 404);
    EXPECT_EQ(unknownModel->json()["error"_L1]["code"_L1].toString(), u"model_not_found"_s);
    EXPECT_EQ(unknownModel->json()["error"_L1]["type"_L1].toString(), u"invalid_request_error"_s);
    EXPECT_TRUE(unknownModel->json()["error"_L1]["message"_L1].toString().contains(u"gpt-17"_s));

    auto badJson = client.exchange(request("POST", "/v1/chat/completions", "{\"model\": "));
    ASSERT_TRUE(badJson);
    EXPECT_EQ(badJson->status, 400);
    EXPECT_EQ(badJson->json()["error"_L1]["type"_L1].toString(), u"invalid_request_error"_s);

    auto noPath = client.exchange(request("GET", "/v1/nothing-here"));
    ASSERT_TRUE(noPath);
    EXPECT_EQ(noPath->status, 404);
    EXPECT_EQ(noPath->json()["error"_L1]["type"_L1].toString(), u"invalid_request_error"_s);

    auto wrongMethod = client.exchange(request("GET", "/v1/chat/completions"));
    ASSERT_TRUE(wrongMethod);
    EXPECT_EQ(wrongMethod->status, 405);
    EXPECT_EQ(wrongMethod->header("allow"), "POST");

    // A missing key is fine by default: many local servers need none.
    EXPECT_EQ(sim->requestCount(), 7);
    ASSERT_EQ(served.size(), 7);
    EXPECT_EQ(served[1], QVariantList({u"POST"_s, u"/v1/chat/completions"_s, 200}));
    EXPECT_EQ(served[3][2].toInt(), 404);
    EXPECT_FALSE(client.disconnected()); // every answer above was on one kept-alive connection
}

TEST(Simulator, HonoursConnectionCloseAndHttp10)
{
    auto sim = startSimulator(Fault::None);
    Client client(sim->port());
    auto r = client.exchange(request("GET", "/health", {}, "Connection: close\r\n"));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->header("connection"), "close");
    EXPECT_TRUE(client.waitDisconnected());

    Client old(sim->port());
    auto r10 = old.exchange("GET /v1/models HTTP/1.0\r\n\r\n");
    ASSERT_TRUE(r10);
    EXPECT_EQ(r10->status, 200);
    EXPECT_EQ(r10->header("connection"), "close");
    EXPECT_TRUE(old.waitDisconnected());
}

TEST(Simulator, StreamsServerSentEventsEndingWithDone)
{
    auto sim = startSimulator(Fault::None);
    Client client(sim->port());
    auto r = client.exchange(request("POST", "/v1/chat/completions", chatBody("gpt-4o", true)));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_TRUE(r->header("content-type").startsWith("text/event-stream"));
    EXPECT_EQ(r->header("transfer-encoding"), "chunked");
    EXPECT_FALSE(r->hasHeader("content-length"));
    EXPECT_TRUE(r->body.endsWith("data: [DONE]\n\n"));
    QList<QByteArray> events = r->body.split('\n');
    events.removeAll(QByteArray());
    ASSERT_GE(events.size(), 4);
    QString text;
    for (qsizetype i = 0; i + 1 < events.size(); ++i) {
        ASSERT_TRUE(events[i].startsWith("data: ")) << events[i].toStdString();
        const QJsonObject chunk = QJsonDocument::fromJson(events[i].mid(6)).object();
        EXPECT_EQ(chunk["object"_L1].toString(), u"chat.completion.chunk"_s);
        text += chunk["choices"_L1][0]["delta"_L1]["content"_L1].toString();
    }
    EXPECT_TRUE(text.startsWith(u"Hello"_s));
    // The connection stays usable after the stream.
    auto next = client.exchange(request("GET", "/health"));
    ASSERT_TRUE(next);
    EXPECT_EQ(next->status, 200);
}

TEST(Simulator, AnswersManyConcurrentClients)
{
    auto sim = startSimulator(Fault::None);
    std::vector<std::unique_ptr<Client>> clients;
    for (int i = 0; i < 60; ++i) {
        clients.push_back(std::make_unique<Client>(sim->port()));
        clients.back()->send(request("GET", "/health"));
    }
    int ok = 0;
    for (auto &c : clients) {
        auto r = c->response();
        ok += r && r->status == 200;
    }
    EXPECT_EQ(ok, 60);
    EXPECT_EQ(sim->requestCount(), 60);
    clients.clear();
    EXPECT_TRUE(waitFor([&] { return sim->connectionCount() == 0; }, 3000));
}

TEST(Simulator, AnswersExpectContinue)
{
    auto sim = startSimulator(Fault::None);
    Client client(sim->port());
    const QByteArray body = chatBody("gpt-4o-mini");
    client.send("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: " +
                QByteArray::number(body.size()) + "\r\n\r\n");
    ASSERT_TRUE(waitFor([&] { return client.buffer().startsWith("HTTP/1.1 100 Continue\r\n\r\n"); }, 3000));
    client.send(body);
    auto r = client.response();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
}

// ---- limits and misbehaving clients ----

TEST(Simulator, RefusesOversizedRequests)
{
    auto sim = startSimulator(Fault::None);
    {
        Client client(sim->port());
        auto r =
            client.exchange("GET /v1/models HTTP/1.1\r\nX-Big: " + QByteArray(80 * 1024, 'x') + "\r\n\r\n");
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 431);
        EXPECT_EQ(r->header("connection"), "close");
        EXPECT_TRUE(client.waitDisconnected());
    }
    {
        // Declared too large: refused before the body, which the client keeps sending.
        Client client(sim->port());
        client.send("POST /v1/chat/completions HTTP/1.1\r\nContent-Length: 2097152\r\n\r\n");
        client.send(QByteArray(512 * 1024, 'x'));
        auto r = client.response();
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 413);
        EXPECT_EQ(r->json()["error"_L1]["type"_L1].toString(), u"invalid_request_error"_s);
        EXPECT_TRUE(client.waitDisconnected());
    }
    {
        Client client(sim->port());
        QByteArray chunked = "POST /v1/chat/completions HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n";
        for (int i = 0; i < 5; ++i)
            chunked += "40000\r\n" + QByteArray(0x40000, 'y') + "\r\n";
        auto r = client.exchange(chunked);
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 413);
    }
    EXPECT_EQ(sim->requestCount(), 0); // none of them was read in full
    // Exactly 1 MiB is still accepted (and then refused as JSON, which it is not).
    Client client(sim->port());
    auto r = client.exchange(request("POST", "/v1/chat/completions", QByteArray(1024 * 1024, ' ')));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400);
}

TEST(Simulator, SurvivesClientsThatLeaveMidway)
{
    SimulatorOptions options;
    options.delayMs = 100;
    auto sim = startSimulator(options);
    {
        Client halfHead(sim->port());
        halfHead.send("POST /v1/chat/completions HTTP/1.1\r\nContent-Le");
        Client halfBody(sim->port());
        halfBody.send("POST /v1/chat/completions HTTP/1.1\r\nContent-Length: 100\r\n\r\n{\"mo");
        Client waiting(sim->port());
        waiting.send(request("GET", "/v1/models")); // leaves during the delay
        Client streaming(sim->port());
        streaming.send(request("POST", "/v1/chat/completions", chatBody("gpt-4o", true)));
        ASSERT_TRUE(waitFor([&] { return sim->connectionCount() == 4; }, 3000));
        pump(130); // the stream has started
        streaming.socket().abort();
        halfHead.socket().abort();
    }
    pump(300);
    EXPECT_TRUE(waitFor([&] { return sim->connectionCount() == 0; }, 3000));
    Client client(sim->port());
    auto r = client.exchange(request("GET", "/health"));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
}

TEST(Simulator, DelaysTheFirstByte)
{
    SimulatorOptions options;
    options.delayMs = 300;
    auto sim = startSimulator(options);
    Client client(sim->port());
    ASSERT_TRUE(client.waitConnected());
    QElapsedTimer timer;
    timer.start();
    auto r = client.exchange(request("GET", "/health"));
    ASSERT_TRUE(r);
    EXPECT_GE(timer.elapsed(), 290);
}

// ---- faults that answer ----

TEST(SimulatorFaults, BadGatewayIsNginxsPage)
{
    auto sim = startSimulator(Fault::BadGateway);
    Client client(sim->port());
    auto r = client.exchange(request("POST", "/v1/chat/completions", chatBody("gpt-4o-mini")));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 502);
    EXPECT_EQ(r->body, kNginx502);
    EXPECT_EQ(r->header("Server"), "nginx/1.22.1");
    EXPECT_EQ(r->header("Content-Type"), "text/html");
    EXPECT_FALSE(r->hasHeader("x-request-id")); // nginx generated it, not the API
    auto again = client.exchange(request("GET", "/v1/models"));
    ASSERT_TRUE(again);
    EXPECT_EQ(again->status, 502);
}

TEST(SimulatorFaults, EnvoyResetIsEnvoysText)
{
    auto sim = startSimulator(Fault::EnvoyReset);
    Client client(sim->port());
    auto r = client.exchange(request("POST", "/v1/chat/completions", chatBody("gpt-4o-mini")));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 503);
    EXPECT_EQ(r->header("server"), "envoy");
    EXPECT_EQ(r->header("content-type"), "text/plain");
    EXPECT_EQ(
        r->body,
        "upstream connect error or disconnect/reset before headers. reset reason: connection termination");
}

TEST(SimulatorFaults, RateLimitCarriesRetryHeaders)
{
    SimulatorOptions options;
    options.fault = Fault::RateLimit;
    options.retryAfterSeconds = 7;
    auto sim = startSimulator(options);
    Client client(sim->port());
    auto r = client.exchange(request("POST", "/v1/chat/completions", chatBody("gpt-4o-mini")));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 429);
    EXPECT_EQ(r->header("retry-after"), "7");
    EXPECT_EQ(r->header("retry-after-ms"), "7000");
    EXPECT_EQ(r->header("x-ratelimit-limit-requests"), "60");
    EXPECT_EQ(r->header("x-ratelimit-remaining-requests"), "0");
    EXPECT_EQ(r->header("x-ratelimit-reset-requests"), "7s");
    const QJsonObject error = r->json()["error"_L1].toObject();
    EXPECT_EQ(error["type"_L1].toString(), u"requests"_s);
    EXPECT_EQ(error["code"_L1].toString(), u"rate_limit_exceeded"_s);
    EXPECT_TRUE(error["message"_L1].toString().startsWith(u"Rate limit reached for requests"_s));
}

TEST(SimulatorFaults, InvalidKeyShowsOnlyTheLastFourCharacters)
{
    auto sim = startSimulator(Fault::InvalidKey);
    Client client(sim->port());
    auto r = client.exchange(request("POST", "/v1/chat/completions", chatBody("gpt-4o-mini"),
                                     "Authorization: Bearer sk-proj-secretsecretWXYZ\r\n"));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 401);
    const QJsonObject error = r->json()["error"_L1].toObject();
    EXPECT_EQ(error["message"_L1].toString(), u"Incorrect API key provided: sk-...WXYZ."_s);
    EXPECT_EQ(error["type"_L1].toString(), u"invalid_request_error"_s);
    EXPECT_EQ(error["code"_L1].toString(), u"invalid_api_key"_s);
    EXPECT_FALSE(r->body.contains("secret"));

    auto models =
        client.exchange(request("GET", "/v1/models", {}, "Authorization: Bearer sk-abcdefgh1234\r\n"));
    ASSERT_TRUE(models);
    EXPECT_EQ(models->status, 401);
    EXPECT_TRUE(models->json()["error"_L1]["message"_L1].toString().contains(u"sk-...1234"_s));

    auto noKey = client.exchange(request("GET", "/v1/models"));
    ASSERT_TRUE(noKey);
    EXPECT_EQ(noKey->status, 401);
    EXPECT_TRUE(
        noKey->json()["error"_L1]["message"_L1].toString().startsWith(u"You didn't provide an API key"_s));
}

TEST(SimulatorFaults, ModelNotFoundHidesTheOpenAiModels)
{
    auto sim = startSimulator(Fault::ModelNotFound);
    Client client(sim->port());
    auto models = client.exchange(request("GET", "/v1/models"));
    ASSERT_TRUE(models);
    EXPECT_EQ(models->status, 200);
    QStringList ids;
    for (const QJsonValue m : models->json()["data"_L1].toArray())
        ids += m["id"_L1].toString();
    EXPECT_EQ(ids, QStringList({u"deepseek-ai/DeepSeek-V3-0324"_s, u"meta-llama/Llama-3.3-70B-Instruct"_s}));

    auto chat = client.exchange(request("POST", "/v1/chat/completions", chatBody("gpt-4o-mini")));
    ASSERT_TRUE(chat);
    EXPECT_EQ(chat->status, 404);
    EXPECT_EQ(chat->json()["error"_L1]["code"_L1].toString(), u"model_not_found"_s);

    auto other =
        client.exchange(request("POST", "/v1/chat/completions", chatBody("deepseek-ai/DeepSeek-V3-0324")));
    ASSERT_TRUE(other);
    EXPECT_EQ(other->status, 200);
}

TEST(SimulatorFaults, OverloadedIsAnthropics529)
{
    auto sim = startSimulator(Fault::Overloaded);
    Client client(sim->port());
    auto r = client.exchange(request("POST", "/v1/chat/completions", chatBody("gpt-4o-mini")));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 529);
    EXPECT_EQ(r->body, R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})");
    EXPECT_EQ(r->header("content-type"), "application/json");
}

TEST(SimulatorFaults, FlakyFailsADeterministicShare)
{
    const auto statuses = [](double share, int n) {
        SimulatorOptions options;
        options.fault = Fault::Flaky;
        options.flakyShare = share;
        auto sim = startSimulator(options);
        Client client(sim->port());
        QList<int> result;
        for (int i = 0; i < n; ++i) {
            auto r = client.exchange(request("GET", "/v1/models"));
            result += r ? r->status : -1;
        }
        return result;
    };
    EXPECT_EQ(statuses(0.5, 6), QList<int>({200, 502, 200, 502, 200, 502}));
    EXPECT_EQ(statuses(1.0, 3), QList<int>({502, 502, 502}));
    EXPECT_EQ(statuses(0.0, 3), QList<int>({200, 200, 200}));
    EXPECT_EQ(statuses(0.25, 8), QList<int>({200, 200, 200, 502, 200, 200, 200, 502}));
}

// ---- faults that do not answer ----

TEST(SimulatorFaults, ResetBeforeHeadersSendsRst)
{
    auto sim = startSimulator(Fault::ResetBeforeHeaders);
    QSignalSpy served(sim.get(), &Simulator::requestServed);
    const RawOutcome raw =
        rawExchange(sim->port(), request("POST", "/v1/chat/completions", chatBody("gpt-4o")));
    EXPECT_EQ(raw.received, -1);
    EXPECT_EQ(raw.error, ECONNRESET);
    ASSERT_EQ(served.size(), 1);
    EXPECT_EQ(served[0][2].toInt(), 0);

    // Qt reports a reset as RemoteHostClosedError, like a clean close: no byte ever arrives.
    Client client(sim->port());
    client.send(request("GET", "/v1/models"));
    ASSERT_TRUE(client.waitDisconnected());
    EXPECT_TRUE(client.buffer().isEmpty());
    ASSERT_TRUE(client.error());
    EXPECT_EQ(*client.error(), QAbstractSocket::RemoteHostClosedError);
}

TEST(SimulatorFaults, CloseBeforeHeadersSendsFin)
{
    auto sim = startSimulator(Fault::CloseBeforeHeaders);
    const RawOutcome raw =
        rawExchange(sim->port(), request("POST", "/v1/chat/completions", chatBody("gpt-4o")));
    EXPECT_EQ(raw.received, 0); // orderly end of stream, not ECONNRESET
    EXPECT_EQ(raw.error, 0);

    Client client(sim->port());
    client.send(request("GET", "/v1/models"));
    ASSERT_TRUE(client.waitDisconnected());
    EXPECT_TRUE(client.buffer().isEmpty());
    EXPECT_EQ(client.error(), QAbstractSocket::RemoteHostClosedError);
    EXPECT_EQ(sim->requestCount(), 2);
}

TEST(SimulatorFaults, HangNeverAnswersButKeepsTheConnection)
{
    auto sim = startSimulator(Fault::Hang);
    QSignalSpy served(sim.get(), &Simulator::requestServed);
    Client client(sim->port());
    client.send(request("POST", "/v1/chat/completions", chatBody("gpt-4o")));
    pump(1000);
    EXPECT_TRUE(client.buffer().isEmpty());
    EXPECT_EQ(client.socket().state(), QAbstractSocket::ConnectedState);
    EXPECT_EQ(sim->requestCount(), 1);
    ASSERT_EQ(served.size(), 1);
    EXPECT_EQ(served[0][2].toInt(), 0);
    sim.reset(); // only now does the connection end
    EXPECT_TRUE(client.waitDisconnected());
    EXPECT_TRUE(client.buffer().isEmpty());
}

TEST(SimulatorFaults, SlowHeadersTrickleTheHead)
{
    auto sim = startSimulator(Fault::SlowHeaders);
    Client client(sim->port());
    client.send(request("GET", "/v1/models"));
    ASSERT_TRUE(waitFor([&] { return !client.buffer().isEmpty(); }, 1000));
    EXPECT_EQ(client.buffer(), "H");
    pump(1000);
    const QByteArray got = client.buffer();
    EXPECT_TRUE(QByteArray("HTTP/1.1 200 OK\r\n").startsWith(got)) << got.toStdString();
    EXPECT_GE(got.size(), 3);
    EXPECT_LE(got.size(), 7); // about one byte per 250 ms
    EXPECT_FALSE(got.contains("\r\n\r\n"));
}

// ---- TLS ----

namespace {

QSslCertificate builtInCertificate()
{
    QFile file(u":/sim/selfsigned.crt"_s);
    if (!file.open(QIODevice::ReadOnly))
        return QSslCertificate();
    return QSslCertificate(file.readAll(), QSsl::Pem);
}

std::unique_ptr<QSslSocket> sslSocket(const QList<QSslError> &ignore, const QList<QSslCertificate> &ca = {})
{
    auto socket = std::make_unique<QSslSocket>();
    if (!ca.isEmpty()) {
        QSslConfiguration config = socket->sslConfiguration();
        config.setCaCertificates(ca);
        socket->setSslConfiguration(config);
    }
    socket->ignoreSslErrors(ignore);
    return socket;
}

} // namespace

TEST(SimulatorTls, ServesTheApiOverTlsWithTheBuiltInCertificate)
{
    if (!QSslSocket::supportsSsl())
        GTEST_SKIP() << "Qt has no TLS backend here";
    const QSslCertificate cert = builtInCertificate();
    ASSERT_FALSE(cert.isNull()) << "the :/sim/selfsigned.crt resource is not linked in";
    EXPECT_EQ(cert.subjectInfo(QSslCertificate::CommonName), QStringList{u"localhost"_s});

    auto sim = startSimulator(Fault::Tls);
    EXPECT_EQ(sim->baseUrl().scheme(), u"https"_s);

    // A client that checks certificates refuses the self-signed one; the server just drops it.
    Client strict(sim->port(), sslSocket({}));
    EXPECT_TRUE(strict.waitDisconnected());
    EXPECT_FALSE(static_cast<QSslSocket &>(strict.socket()).isEncrypted());
    EXPECT_EQ(strict.error(), QAbstractSocket::SslHandshakeFailedError);

    // Ignoring exactly the self-signed error: the handshake works and shows the chain.
    Client lenient(sim->port(), sslSocket({QSslError(QSslError::SelfSignedCertificate, cert)}));
    ASSERT_TRUE(lenient.waitConnected());
    auto &socket = static_cast<QSslSocket &>(lenient.socket());
    ASSERT_FALSE(socket.peerCertificateChain().isEmpty());
    EXPECT_EQ(socket.peerCertificateChain().first(), cert);
    auto r = lenient.exchange(request("GET", "/v1/models"));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    auto chat = lenient.exchange(request("POST", "/v1/chat/completions", chatBody("gpt-4o", true)));
    ASSERT_TRUE(chat);
    EXPECT_TRUE(chat->body.endsWith("data: [DONE]\n\n"));

    // Trusting the certificate as a CA: it verifies for "localhost" with no error at all.
    Client trusting(sim->port(), sslSocket({}, QList<QSslCertificate>{cert}));
    ASSERT_TRUE(trusting.waitConnected());
    auto health = trusting.exchange(request("GET", "/health"));
    ASSERT_TRUE(health);
    EXPECT_EQ(health->status, 200);

    // Plain HTTP to the TLS port gets no HTTP answer.
    Client plain(sim->port());
    plain.send(request("GET", "/health"));
    EXPECT_TRUE(plain.waitDisconnected());
    EXPECT_FALSE(plain.buffer().startsWith("HTTP/"));
}

TEST(SimulatorTls, RejectsMissingCertificateFiles)
{
    SimulatorOptions options;
    options.fault = Fault::Tls;
    options.certFile = u"/nonexistent/cert.pem"_s;
    options.keyFile = u"/nonexistent/key.pem"_s;
    Simulator sim(options);
    QString error;
    EXPECT_FALSE(sim.start(&error));
    EXPECT_TRUE(error.contains(u"/nonexistent/cert.pem"_s)) << error.toStdString();
}

// ---- the simulate subcommand ----

namespace {

struct CommandResult
{
    int code = -1;
    QString out, err;
};

CommandResult runCommand(const QStringList &args)
{
    CommandResult result;
    QTextStream out(&result.out), err(&result.err);
    result.code = runSimulateCommand(args, out, err);
    return result;
}

} // namespace

TEST(SimulateCommand, HelpListsEveryFault)
{
    const CommandResult r = runCommand({u"--help"_s});
    EXPECT_EQ(r.code, 0);
    for (const QString &name : Simulator::faultNames()) {
        EXPECT_TRUE(r.out.contains(name)) << name.toStdString();
        // Descriptions are wrapped: compare with the whitespace folded.
        EXPECT_TRUE(
            r.out.simplified().contains(Simulator::faultDescription(*Simulator::faultFromName(name))));
    }
}

TEST(SimulateCommand, RejectsBadUsage)
{
    const CommandResult unknown = runCommand({u"--fault"_s, u"gremlins"_s});
    EXPECT_EQ(unknown.code, 2);
    EXPECT_TRUE(unknown.err.contains(u"gremlins"_s));
    EXPECT_TRUE(unknown.err.contains(u"bad_gateway"_s) && unknown.err.contains(u"slow_headers"_s));
    EXPECT_EQ(runCommand({}).code, 2);
    EXPECT_EQ(runCommand({u"--fault"_s, u"hang"_s, u"--port"_s, u"70000"_s}).code, 2);
    EXPECT_EQ(runCommand({u"--fault"_s, u"hang"_s, u"--port"_s, u"http"_s}).code, 2);
    EXPECT_EQ(runCommand({u"--fault"_s, u"flaky"_s, u"--share"_s, u"1.5"_s}).code, 2);
    EXPECT_EQ(runCommand({u"--fault"_s, u"hang"_s, u"--delay-ms"_s, u"-1"_s}).code, 2);
    EXPECT_EQ(runCommand({u"--fault"_s, u"rate_limit"_s, u"--retry-after"_s, u"soon"_s}).code, 2);
    EXPECT_EQ(runCommand({u"--fault"_s, u"tls"_s, u"--cert"_s, u"/etc/hostname"_s}).code, 2);
    EXPECT_EQ(runCommand({u"--fault"_s, u"none"_s, u"extra"_s}).code, 2);
    EXPECT_EQ(runCommand({u"--fault"_s, u"none"_s, u"--colour"_s}).code, 2);

    QTcpServer busy;
    ASSERT_TRUE(busy.listen(QHostAddress::LocalHost));
    const CommandResult inUse =
        runCommand({u"--fault"_s, u"none"_s, u"--port"_s, QString::number(busy.serverPort())});
    EXPECT_EQ(inUse.code, 2);
    EXPECT_TRUE(inUse.err.contains(u"already in use"_s)) << inUse.err.toStdString();
}

TEST(SimulateCommand, ServesAndLogsUntilSigterm)
{
    CommandResult result;
    QTextStream out(&result.out), err(&result.err);
    std::unique_ptr<Client> client;
    QByteArray received;
    bool sentSignal = false;

    // Runs inside the command's event loop: read the URL it printed, make one request, then stop it.
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &poll, [&] {
        if (!client) {
            const QString first = result.out.section(u'\n', 0, 0);
            const QRegularExpressionMatch m =
                QRegularExpression(u"on http://127\\.0\\.0\\.1:(\\d+)/v1$"_s).match(first);
            if (!m.hasMatch())
                return;
            client = std::make_unique<Client>(quint16(m.captured(1).toUInt()));
            client->send(request("GET", "/v1/models"));
            return;
        }
        received += client->socket().readAll();
        if (!sentSignal && received.contains("nginx/1.22.1</center>")) {
            sentSignal = true;
            ::raise(SIGTERM); // handled by the command: the loop ends cleanly
        }
    });
    poll.start(10);
    QTimer safety; // never hang the suite, even if the signal handling is broken
    safety.setSingleShot(true);
    QObject::connect(&safety, &QTimer::timeout, &safety, [] { QCoreApplication::quit(); });
    safety.start(5000);

    result.code = runSimulateCommand({u"--fault"_s, u"bad_gateway"_s}, out, err);
    EXPECT_TRUE(safety.isActive()) << "stopped by the safety timer, not by SIGTERM";
    EXPECT_EQ(result.code, 0) << result.err.toStdString();
    EXPECT_TRUE(sentSignal);
    const QStringList lines = result.out.split(u'\n');
    ASSERT_GE(lines.size(), 2);
    EXPECT_TRUE(lines[0].startsWith(u"llmdoctor simulator: fault \"bad_gateway\" on http://127.0.0.1:"_s));
    EXPECT_TRUE(result.out.contains(u"Try: curl http://127.0.0.1:"_s));
    EXPECT_TRUE(result.out.contains(u"GET /v1/models -> 502\n"_s)) << result.out.toStdString();
}
