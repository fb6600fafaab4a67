#include "findings.h"
#include "report.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>
#include <cmath>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

double round3(double v)
{
    return std::round(v * 1000) / 1000;
}

QJsonArray headerArray(const HeaderList &headers)
{
    QJsonArray out;
    for (const auto &[name, value] : headers)
        out.append(
            QJsonObject{{u"name"_s, QString::fromLatin1(name)}, {u"value"_s, QString::fromUtf8(value)}});
    return out;
}

// The request as Exchange puts it on the wire: Host first, then ours, then its defaults.
HeaderList sentHeaders(const ExchangeRequest &r)
{
    HeaderList h;
    const QUrl &u = r.url;
    const bool defaultPort = u.port() < 0 || (u.scheme() == u"https" && u.port() == 443) ||
                             (u.scheme() == u"http" && u.port() == 80);
    h.append(
        {"Host", (u.host(QUrl::FullyEncoded) + (defaultPort ? QString() : u':' + QString::number(u.port())))
                     .toLatin1()});
    bool ua = false, accept = false;
    for (const auto &[name, value] : r.headers) {
        ua |= name.compare("user-agent", Qt::CaseInsensitive) == 0;
        accept |= name.compare("accept", Qt::CaseInsensitive) == 0;
        h.append({name, value});
    }
    if (!ua)
        h.append({QByteArray("User-Agent"), QByteArray("llmdoctor/" LLMDOCTOR_VERSION)});
    if (!accept)
        h.append({QByteArray("Accept"), QByteArray("application/json")});
    if (!r.body.isEmpty() || r.method == "POST")
        h.append({"Content-Length", QByteArray::number(r.body.size())});
    return h;
}

// HAR timings from curl-style marks; a phase that did not happen is -1 where HAR allows it.
QJsonObject timings(const PhaseMarks &m, double *time)
{
    const double dns = m.nameLookup >= 0 ? m.nameLookup : -1;
    const double connected = m.appConnect >= 0 ? m.appConnect : m.connect; // HAR's connect includes ssl
    const double connect = m.connect >= 0 ? connected - std::max(0.0, m.nameLookup) : -1;
    const double ssl = m.appConnect >= 0 && m.connect >= 0 ? m.appConnect - m.connect : -1;
    const double send = m.preTransfer >= 0 && connected >= 0 ? std::max(0.0, m.preTransfer - connected) : 0;
    const double wait = m.startTransfer >= 0 && m.preTransfer >= 0 ? m.startTransfer - m.preTransfer
                        : m.total >= 0 && m.preTransfer >= 0       ? m.total - m.preTransfer
                                                                   : 0;
    const double receive = m.total >= 0 && m.startTransfer >= 0 ? m.total - m.startTransfer : 0;
    *time = std::max(0.0, dns) + std::max(0.0, connect) + send + wait + receive;
    return {{u"blocked"_s, -1},
            {u"dns"_s, round3(dns)},
            {u"connect"_s, round3(connect)},
            {u"ssl"_s, round3(ssl)},
            {u"send"_s, round3(send)},
            {u"wait"_s, round3(wait)},
            {u"receive"_s, round3(receive)}};
}

QJsonObject entry(const RecordedExchange &x)
{
    const ExchangeRequest &req = x.request;
    const QUrl url = req.url.adjusted(QUrl::RemoveUserInfo);
    QJsonArray query;
    for (const auto &[k, v] : QUrlQuery(url).queryItems(QUrl::FullyDecoded))
        query.append(QJsonObject{{u"name"_s, k}, {u"value"_s, v}});
    QJsonObject request{{u"method"_s, QString::fromLatin1(req.method)},
                        {u"url"_s, url.toString(QUrl::FullyEncoded)},
                        {u"httpVersion"_s, u"HTTP/1.1"_s},
                        {u"cookies"_s, QJsonArray()},
                        {u"headers"_s, headerArray(sentHeaders(req))},
                        {u"queryString"_s, query},
                        {u"headersSize"_s, -1},
                        {u"bodySize"_s, req.body.size()}};
    if (!req.body.isEmpty())
        request.insert(u"postData"_s, QJsonObject{{u"mimeType"_s, u"application/json"_s},
                                                  {u"text"_s, QString::fromUtf8(req.body)}});

    const ExchangeResult &r = x.result;
    QJsonObject response;
    if (r.response) {
        const HttpResponse &resp = *r.response;
        // A model list is read whole (megabytes); the report keeps what support needs.
        constexpr qsizetype kKept = 256 * 1024;
        const QByteArray kept = resp.body.left(kKept);
        QJsonObject content{{u"size"_s, resp.bodyBytes},
                            {u"mimeType"_s, QString::fromLatin1(resp.header("content-type")).trimmed()},
                            {u"text"_s, QString::fromUtf8(kept)}};
        if (resp.bodyTruncated || resp.bodyBytes > kept.size())
            content.insert(u"comment"_s, u"the first %1 bytes of %2"_s.arg(kept.size()).arg(resp.bodyBytes));
        response = {
            {u"status"_s, resp.status},
            {u"statusText"_s, QString::fromLatin1(resp.reason)},
            {u"httpVersion"_s, QString::fromLatin1(resp.version.isEmpty() ? "HTTP/1.1" : resp.version)},
            {u"cookies"_s, QJsonArray()},
            {u"headers"_s, headerArray(resp.headers)},
            {u"content"_s, content},
            {u"redirectURL"_s, QString::fromLatin1(resp.header("location"))},
            {u"headersSize"_s, -1},
            {u"bodySize"_s, resp.bodyBytes}};
    } else {
        // No answer: browsers' developer tools show such entries with status 0 and an _error.
        response = {{u"status"_s, 0},
                    {u"statusText"_s, QString()},
                    {u"httpVersion"_s, QString()},
                    {u"cookies"_s, QJsonArray()},
                    {u"headers"_s, QJsonArray()},
                    {u"content"_s, QJsonObject{{u"size"_s, 0}, {u"mimeType"_s, u"x-unknown"_s}}},
                    {u"redirectURL"_s, QString()},
                    {u"headersSize"_s, -1},
                    {u"bodySize"_s, -1},
                    {u"_error"_s, r.error}};
    }
    double time = 0;
    const QJsonObject t = timings(r.marks, &time);
    QJsonObject e{{u"startedDateTime"_s,
                   x.startedAt.toOffsetFromUtc(x.startedAt.offsetFromUtc()).toString(Qt::ISODateWithMs)},
                  {u"time"_s, round3(time)},
                  {u"request"_s, request},
                  {u"response"_s, response},
                  {u"cache"_s, QJsonObject()},
                  {u"timings"_s, t},
                  {u"comment"_s, u"llmdoctor check \"%1\"%2"_s.arg(
                                     x.checkId, r.error.isEmpty() ? QString() : u": "_s + r.error)}};
    if (!r.peer.isNull())
        e.insert(u"serverIPAddress"_s, r.peer.toString());
    return e;
}

} // namespace

QByteArray harReport(const Findings &f)
{
    const DiagnosisContext &c = f.context;
    QJsonArray entries;
    for (const RecordedExchange &x : c.exchanges)
        entries.append(entry(x));
    QString comment =
        u"Every HTTP request llmdoctor made while diagnosing %1; API keys and cookies removed."_s.arg(
            shownUrl(c.target.baseUrl));
    // HAR has no place for it but a comment: the message the user saw, as they pasted it.
    if (f.pasted)
        comment += u"\nThe error the user pasted: "_s + f.pasted->text;
    const QJsonObject log{{u"version"_s, u"1.2"_s},
                          {u"creator"_s, QJsonObject{{u"name"_s, u"llmdoctor"_s},
                                                     {u"version"_s, QStringLiteral(LLMDOCTOR_VERSION)}}},
                          {u"pages"_s, QJsonArray()},
                          {u"entries"_s, entries},
                          {u"comment"_s, comment}};
    return QJsonDocument(QJsonObject{{u"log"_s, log}}).toJson(QJsonDocument::Indented);
}

} // namespace llmdoctor::core
