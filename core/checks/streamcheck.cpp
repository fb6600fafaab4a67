#include "streamcheck.h"

#include "../diagnosis/hops.h"
#include "../diagnosis/responseclassifier.h"
#include "../probe/exchange.h"
#include "../target/keylint.h"
#include "../target/providercatalog.h"
#include "diagnosiscontext.h"
#include "networkchecks.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

// Below this, an answer is over before anyone could tell word-by-word from all-at-once.
constexpr double kTooQuickMs = 100;
// Events this close together count as one delivery.
constexpr double kBurstMs = 50;

QString seconds(double ms)
{
    return ms < 0 ? u"–"_s : QString::number(ms / 1000.0, 'f', ms < 10000 ? 2 : 1) + u" s"_s;
}

QString millis(double ms)
{
    return ms < 0 ? u"–"_s : QString::number(ms, 'f', 0) + u" ms"_s;
}

// Words of the answer in an event: OpenAI's choices[].delta.content (or .text), Anthropic's
// delta.text. The role, the stop reason and [DONE] carry none.
bool carriesText(const QByteArray &data)
{
    const QJsonObject o = QJsonDocument::fromJson(data).object();
    for (const QJsonValue &choice : o.value(u"choices").toArray()) {
        const QJsonObject ch = choice.toObject();
        if (!ch.value(u"delta").toObject().value(u"content").toString().isEmpty() ||
            !ch.value(u"text").toString().isEmpty())
            return true;
    }
    return !o.value(u"delta").toObject().value(u"text").toString().isEmpty();
}

} // namespace

StreamTiming StreamTiming::analyse(const QList<StreamEvent> &events, double sentAtMs, double headersAtMs)
{
    StreamTiming t;
    t.events = int(events.size());
    if (headersAtMs >= 0 && sentAtMs >= 0)
        t.headersMs = headersAtMs - sentAtMs;
    if (events.isEmpty())
        return t;
    QList<double> gaps;
    double previous = events.first().atMs;
    t.reads = 1;
    for (qsizetype i = 1; i < events.size(); ++i) {
        const double gap = events.at(i).atMs - previous;
        if (gap > 0)
            ++t.reads;
        gaps << gap;
        previous = events.at(i).atMs;
    }
    const auto firstText =
        std::find_if(events.cbegin(), events.cend(), [](const StreamEvent &e) { return e.text; });
    t.ttftMs = (firstText == events.cend() ? events.first().atMs : firstText->atMs) - sentAtMs;
    t.totalMs = events.last().atMs - sentAtMs;
    t.spreadMs = events.last().atMs - events.first().atMs;
    if (!gaps.isEmpty()) {
        std::sort(gaps.begin(), gaps.end());
        t.maxGapMs = gaps.last();
        t.medianGapMs = gaps.size() % 2 ? gaps.at(gaps.size() / 2)
                                        : (gaps.at(gaps.size() / 2 - 1) + gaps.at(gaps.size() / 2)) / 2;
    }
    t.tooQuick = t.totalMs < kTooQuickMs;
    // A server that streams writes each piece as it is made: several pieces landing in one or
    // two reads, all at once, were collected on the way.
    t.buffered = !t.tooQuick && t.events >= 4 && t.reads <= 2 && t.spreadMs < kBurstMs;
    return t;
}

QList<QByteArray> SseSplitter::take(const QByteArray &body)
{
    QList<QByteArray> out;
    while (true) {
        // An event ends at a blank line; servers write LF or CRLF line ends.
        qsizetype end = body.indexOf("\n\n", m_offset);
        qsizetype skip = 2;
        const qsizetype crlf = body.indexOf("\r\n\r\n", m_offset);
        if (crlf >= 0 && (end < 0 || crlf < end)) {
            end = crlf;
            skip = 4;
        }
        if (end < 0)
            return out;
        QByteArrayList data;
        for (QByteArray line : body.mid(m_offset, end - m_offset).split('\n')) {
            line = line.trimmed();
            if (line.startsWith("data:"))
                data << line.mid(5).trimmed();
        }
        m_offset = end + skip;
        if (!data.isEmpty())
            out << data.join('\n');
    }
}

// ---------------------------------------------------------------------------------------------

StreamCheck::StreamCheck(QObject *parent)
    : Check(u"stream"_s, QCoreApplication::translate("Check", "Do streamed answers arrive word by word?"),
            {u"api_key"_s}, parent)
{
}

void StreamCheck::run()
{
    const DiagnosisContext &c = context();
    if (!c.target.sendTestRequest) {
        complete(makeResult(
            CheckStatus::Skip,
            QCoreApplication::translate(
                "Check", "Not sent: a streamed test answer may cost a fraction of a cent, so it only runs "
                         "when you ask for the test request.")));
        return;
    }
    const QString model = c.target.model.trimmed();
    if (model.isEmpty()) {
        complete(makeResult(CheckStatus::Skip,
                            QCoreApplication::translate(
                                "Check", "No model was named, so no streamed answer was asked for.")));
        return;
    }
    if (c.modelList && c.modelList->response && c.modelList->response->status / 100 == 2) {
        const QStringList ids = ModelCheck::parseModelList(c.modelList->response->body);
        if (!ids.isEmpty() && !ids.contains(model)) {
            complete(makeResult(
                CheckStatus::Skip,
                QCoreApplication::translate(
                    "Check", "Not sent: the model is not in the server's list (see the model check).")));
            return;
        }
    }
    const Provider p = ProviderCatalog::instance().find(c.target.provider).value_or(Provider());
    QUrl url = c.target.baseUrl;
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + u'/' + p.chatPath);
    // A short answer of several words: enough pieces to time, little to pay for.
    const QJsonObject message{{u"role"_s, u"user"_s},
                              {u"content"_s, u"Count from 1 to 20, separated by spaces."_s}};
    const QJsonObject body{{u"model"_s, model},
                           {u"messages"_s, QJsonArray{message}},
                           {u"max_tokens"_s, 16},
                           {u"stream"_s, true}};
    ExchangeRequest req = exchangeRequestFor(c, url);
    req.method = "POST";
    req.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    req.headers.append(HeaderList::value_type("Content-Type", "application/json"));
    req.headers.append(HeaderList::value_type("Accept", "text/event-stream"));
    req.headers.append(p.authHeaders(sendableKey(c.target.apiKey)));
    emit progress(QCoreApplication::translate("Check", "Asking for a short streamed answer…"));
    m_exchange = new Exchange(req, this);
    connect(m_exchange, &Exchange::bodyProgress, this, &StreamCheck::onProgress);
    connect(m_exchange, &Exchange::finished, this, &StreamCheck::onDone);
    m_exchange->start();
}

void StreamCheck::onProgress(double atMs, const HttpResponse &partial)
{
    if (partial.status / 100 != 2)
        return;
    for (const QByteArray &data : m_splitter.take(partial.body))
        m_events.append({atMs, carriesText(data)});
}

void StreamCheck::onDone(const ExchangeResult &x)
{
    const QUrl url = m_exchange ? m_exchange->request().url : QUrl();
    const StreamTiming t = StreamTiming::analyse(m_events, x.marks.preTransfer, x.marks.startTransfer);
    CheckResult r;
    QStringList hops;
    if (x.response)
        hops = detectHops(x.response->headers);
    hops.removeAll(u"llmdoctor-simulator"_s);
    const QString onTheWay =
        hops.isEmpty()
            ? QCoreApplication::translate("Check", "something on the way (a proxy or gateway)")
            : QCoreApplication::translate("Check", "something on the way (%1)").arg(hops.join(u", "_s));
    const QString contentType =
        x.response ? QString::fromLatin1(x.response->header("content-type")).toLower() : QString();

    if (!x.ok() && t.events > 0) {
        r = makeResult(CheckStatus::Fail,
                       QCoreApplication::translate(
                           "Check", "The streamed answer started, then stopped arriving after %1 pieces: %2")
                           .arg(t.events)
                           .arg(x.error),
                       failureCategory(x.failure));
    } else if (!x.ok() || !x.response) {
        r = makeResult(
            CheckStatus::Fail,
            QCoreApplication::translate("Check", "The streamed request got no answer: %1").arg(x.error),
            failureCategory(x.failure));
    } else if (x.readLimitHit) {
        r = makeResult(CheckStatus::Fail,
                       QCoreApplication::translate(
                           "Check",
                           "The streamed answer never ended: after %1 pieces and %2 bytes llmdoctor stopped "
                           "reading. A short answer must end; the server, or %3, is broken.")
                           .arg(t.events)
                           .arg(x.response->bodyBytes)
                           .arg(onTheWay),
                       Category::ServerError);
        r.evidence = responseEvidence(*x.response, 512);
    } else if (x.response->status / 100 != 2) {
        const ResponseClass rc = classifyResponse(*x.response, true, x.viaProxy);
        r = makeResult(CheckStatus::Fail, rc.summary, rc.category);
        addProviderError(r, rc);
        r.evidence = responseEvidence(*x.response);
    } else if (!contentType.contains(u"text/event-stream")) {
        r = makeResult(
            CheckStatus::Warn,
            QCoreApplication::translate(
                "Check", "The answer came in one piece, not as a stream (its type is \"%1\"): the server, or "
                         "%2, ignores the request to stream. Apps that show words as they come will wait for "
                         "the whole answer.")
                .arg(contentType.isEmpty() ? u"none"_s : contentType, onTheWay));
        r.evidence = responseEvidence(*x.response, 512);
    } else if (t.events == 0) {
        r = makeResult(CheckStatus::Warn,
                       QCoreApplication::translate(
                           "Check", "The server said it would stream, but sent no pieces of an answer."));
        r.evidence = responseEvidence(*x.response, 512);
    } else if (t.buffered) {
        r = makeResult(
            CheckStatus::Warn,
            QCoreApplication::translate(
                "Check",
                "The answer arrived all at once after %1 instead of word by word: %2 holds streamed answers "
                "back until they are complete. If it is your nginx, add \"proxy_buffering off;\" to the "
                "API's "
                "location, or have the server behind it send the header \"X-Accel-Buffering: no\".")
                .arg(seconds(t.totalMs), onTheWay));
        r.advice << u"stream_buffered"_s;
    } else if (t.tooQuick) {
        r = makeResult(CheckStatus::Pass,
                       QCoreApplication::translate(
                           "Check",
                           "The streamed answer arrived in %1, too quickly to tell whether it came word by "
                           "word.")
                           .arg(seconds(t.totalMs)));
    } else {
        r = makeResult(CheckStatus::Pass,
                       QCoreApplication::translate(
                           "Check",
                           "The answer streams: the first words came after %1, then a piece about every %2 "
                           "(%3 pieces in %4).")
                           .arg(seconds(t.ttftMs), millis(t.medianGapMs))
                           .arg(t.events)
                           .arg(seconds(t.totalMs)));
    }
    if (!url.isEmpty())
        r.addDetail(u"request"_s, u"POST %1 (stream, max_tokens 16)"_s.arg(shownUrl(url)));
    if (x.response)
        r.addDetail(u"status"_s,
                    u"%1 %2"_s.arg(x.response->status).arg(QString::fromLatin1(x.response->reason)));
    if (!contentType.isEmpty())
        r.addDetail(u"content type"_s, contentType);
    if (t.events > 0) {
        r.addDetail(u"pieces"_s, QString::number(t.events));
        r.addDetail(u"arrived in reads"_s, QString::number(t.reads));
        r.addDetail(u"headers after"_s, millis(t.headersMs));
        r.addDetail(u"first words after"_s, millis(t.ttftMs));
        r.addDetail(u"longest pause"_s, millis(t.maxGapMs));
        r.addDetail(u"typical pause"_s, millis(t.medianGapMs));
        r.addDetail(u"last piece after"_s, millis(t.totalMs));
        r.addDetail(u"all at once"_s, t.buffered ? u"yes"_s : u"no"_s);
        r.timings.insert(u"ttft"_s, t.ttftMs);
        r.timings.insert(u"max_gap"_s, t.maxGapMs);
        r.timings.insert(u"stream_total"_s, t.totalMs);
    }
    if (t.headersMs >= 0)
        r.timings.insert(u"ttfb"_s, t.headersMs);
    if (!hops.isEmpty())
        r.addDetail(u"hops"_s, hops.join(u", "_s));
    if (x.viaProxy)
        r.addDetail(u"through proxy"_s, u"yes"_s);
    complete(r);
}

void StreamCheck::abort()
{
    stopExchange(m_exchange);
}

} // namespace llmdoctor::core
