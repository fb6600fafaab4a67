#include "exporter.h"

#include "../checks/diagnosis.h"
#include "../probe/httpmessage.h"
#include "../sim/httprequestparser.h"
#include "../target/providercatalog.h"

#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>
#include <cmath>
#ifdef Q_OS_LINUX
#include <unistd.h>
#endif

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

struct ExporterRequest
{
    QByteArray method;
    QString path;
    QUrlQuery query;
    QByteArray accept;
    QByteArray scrapeTimeout; // X-Prometheus-Scrape-Timeout-Seconds
};

namespace {

const QList<double> &durationBounds()
{
    static const QList<double> bounds{0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};
    return bounds;
}

QString htmlEscape(const QString &s)
{
    return s.toHtmlEscaped();
}

} // namespace

// One client connection: reads one bounded request at a time within a deadline, hands it to
// the exporter, writes the answer, and keeps the connection for the next one (keep-alive).
class ExporterConnection final : public QObject
{
public:
    ExporterConnection(Exporter *exporter, QTcpSocket *socket)
        : QObject(exporter), m_exporter(exporter), m_socket(socket)
    {
        m_socket->setParent(this);
        // Qt stops reading from the kernel beyond this, so a client that floods us while its
        // request is being probed costs no memory.
        m_socket->setReadBufferSize(16 * 1024);
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, &ExporterConnection::onTimeout);
        connect(m_socket, &QTcpSocket::readyRead, this, &ExporterConnection::onReadyRead);
        connect(m_socket, &QTcpSocket::bytesWritten, this, &ExporterConnection::onBytesWritten);
        connect(m_socket, &QTcpSocket::disconnected, this, &ExporterConnection::close);
        m_timer.start(m_exporter->m_options.requestTimeoutMs);
        m_exporter->m_open.insert(this);
    }
    ~ExporterConnection() override
    {
        // The socket is a child: it must not report into this half-destroyed object.
        // Always closed (and so off the exporter's list) before: stop() closes every one.
        m_socket->disconnect(this);
    }

    bool isBusy() const { return m_busy; }

    void respond(int status, const QByteArray &contentType, const QByteArray &body, bool head = false)
    {
        if (!m_busy || m_closing)
            return;
        m_busy = false;
        QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + httpReasonPhrase(status) + "\r\n";
        out += "Content-Type: " + contentType + "\r\nContent-Length: " + QByteArray::number(body.size()) +
               "\r\nCache-Control: no-store\r\n";
        out += m_keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
        if (!head)
            out += body;
        m_socket->write(out);
        m_writing = true;
        m_timer.start(m_exporter->m_options.writeTimeoutMs);
    }

    void respondText(int status, const QByteArray &text)
    {
        respond(status, "text/plain; charset=utf-8", text + '\n');
    }

    void close()
    {
        if (m_closing)
            return;
        m_closing = true;
        m_timer.stop();
        m_socket->disconnect(this);
        m_socket->abort();
        m_exporter->m_open.remove(this);
        deleteLater(); // may be inside one of the socket's signals
    }

private:
    void onReadyRead()
    {
        if (m_busy || m_writing || m_closing)
            return; // one request at a time; the rest waits in the kernel
        const QByteArray data = m_socket->read(16 * 1024);
        if (!data.isEmpty()) {
            if (m_idle) {
                // The first byte of a new request: from now on it must arrive whole in time.
                m_idle = false;
                m_timer.start(m_exporter->m_options.requestTimeoutMs);
            }
            m_parser.feed(data);
        }
        // A pipelined request may already be complete in the parser's buffer, without new bytes.
        const auto state = m_parser.state();
        if (state == HttpRequestParser::State::Error) {
            m_busy = true;
            m_keepAlive = false;
            respondText(m_parser.errorStatus(), "bad request");
            return;
        }
        if (m_parser.headersComplete() && (m_parser.request().header("content-length").toLongLong() > 0 ||
                                           m_parser.request().hasHeader("transfer-encoding"))) {
            // Nothing here takes a body; do not read one.
            m_busy = true;
            m_keepAlive = false;
            respondText(413, "no request body is accepted");
            return;
        }
        if (state != HttpRequestParser::State::Done) {
            if (m_socket->bytesAvailable() > 0)
                QTimer::singleShot(0, this, &ExporterConnection::onReadyRead);
            return;
        }
        const HttpRequestParser::Request r = m_parser.takeRequest();
        m_timer.stop();
        m_busy = true;
        m_keepAlive = r.keepAlive();
        ExporterRequest request;
        request.method = r.method;
        const QUrl url(u"http://exporter"_s + QString::fromLatin1(r.target), QUrl::StrictMode);
        request.path = url.isValid() ? url.path() : QString();
        request.query = QUrlQuery(url);
        request.accept = r.header("accept");
        request.scrapeTimeout = r.header("x-prometheus-scrape-timeout-seconds");
        m_exporter->handle(this, request);
    }

    void onBytesWritten()
    {
        if (!m_writing || m_socket->bytesToWrite() > 0)
            return;
        m_writing = false;
        if (!m_keepAlive) {
            m_socket->disconnectFromHost();
            m_timer.start(1000); // then abort, if the peer does not close its side
            m_closingAfterWrite = true;
            return;
        }
        m_idle = true;
        m_timer.start(m_exporter->m_options.idleTimeoutMs);
        if (m_socket->bytesAvailable() > 0 || !m_parser.idle()) {
            m_idle = false; // part of the next request is here already: its deadline runs
            QTimer::singleShot(0, this, &ExporterConnection::onReadyRead);
        }
    }

    void onTimeout()
    {
        if (m_busy)
            return; // the exporter answers before the scrape's own deadline
        if (!m_writing && !m_idle && !m_closingAfterWrite) {
            // A request that did not arrive whole in time: a slow or stuck client.
            m_busy = true;
            m_keepAlive = false;
            respondText(408, "the request did not arrive in time");
            return;
        }
        close();
    }

    Exporter *m_exporter;
    QTcpSocket *m_socket;
    HttpRequestParser m_parser;
    QTimer m_timer; // request, write or idle deadline, whichever applies
    bool m_busy = false;
    bool m_writing = false;
    bool m_idle = false; // between requests: the idle deadline runs
    bool m_keepAlive = true;
    bool m_closing = false;
    bool m_closingAfterWrite = false;
};

Exporter::Exporter(ExporterConfig config, ExporterOptions options, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_options(options)
{
    m_sweep.setInterval(100);
    connect(&m_sweep, &QTimer::timeout, this, &Exporter::sweepWaiters);
    for (const ExporterTarget &t : std::as_const(m_config.targets))
        m_counters[t.name].buckets.fill(0, durationBounds().size());
}

Exporter::~Exporter()
{
    stop();
}

bool Exporter::listen(QString *error)
{
    if (!m_server) {
        m_server = new QTcpServer(this);
        connect(m_server, &QTcpServer::newConnection, this, &Exporter::onNewConnection);
    }
    if (!m_server->listen(m_options.address, m_options.port)) {
        *error = u"cannot listen on %1:%2: %3"_s.arg(m_options.address.toString())
                     .arg(m_options.port)
                     .arg(m_server->errorString());
        return false;
    }
    log(u"listening on http://%1:%2/ with %3 target%4"_s
            .arg(m_options.address.protocol() == QAbstractSocket::IPv6Protocol
                     ? u"["_s + m_options.address.toString() + u"]"_s
                     : m_options.address.toString())
            .arg(port())
            .arg(m_config.targets.size())
            .arg(m_config.targets.size() == 1 ? QString() : u"s"_s));
    return true;
}

quint16 Exporter::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QHostAddress Exporter::address() const
{
    return m_server ? m_server->serverAddress() : QHostAddress();
}

void Exporter::stop()
{
    if (m_server)
        m_server->close();
    m_sweep.stop();
    m_queue.clear();
    for (auto &[key, state] : m_states) {
        state.waiters.clear();
        state.queued = false;
        if (state.running) {
            state.running->disconnect(this);
            state.running->cancel();
            state.running->deleteLater();
        }
    }
    m_inFlight = 0;
    const QSet<ExporterConnection *> open = m_open;
    for (ExporterConnection *c : open)
        c->close();
}

void Exporter::log(const QString &line) const
{
    if (m_log)
        m_log(line);
}

void Exporter::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        if (m_open.size() >= m_options.maxConnections) {
            socket->abort(); // too many at once: refuse rather than grow without bound
            socket->deleteLater();
            continue;
        }
        new ExporterConnection(this, socket); // owned by the exporter, listed in m_open
    }
}

void Exporter::handle(ExporterConnection *connection, const ExporterRequest &request)
{
    const bool head = request.method == "HEAD";
    if (request.method != "GET" && !head) {
        ++m_requests[u"other"_s];
        connection->respondText(405, "only GET and HEAD");
        return;
    }
    if (request.path == u"/probe") {
        ++m_requests[u"probe"_s];
        handleProbe(connection, request);
    } else if (request.path == u"/metrics") {
        ++m_requests[u"metrics"_s];
        const MetricsFormat format = metricsFormatFromAccept(request.accept);
        connection->respond(200, metricsContentType(format), ownMetrics(format), head);
    } else if (request.path == u"/" || request.path == u"/index.html") {
        ++m_requests[u"index"_s];
        connection->respond(200, "text/html; charset=utf-8", indexPage(), head);
    } else {
        ++m_requests[u"other"_s];
        connection->respondText(404, "not found: try /, /probe?target=NAME or /metrics");
    }
}

Exporter::TargetState *Exporter::stateFor(const ExporterRequest &request, QString *error, int *status)
{
    const QString name = request.query.queryItemValue(u"target"_s, QUrl::FullyDecoded);
    *status = 400;
    if (name.isEmpty()) {
        *error = u"say which target: /probe?target=NAME (see / for the list)"_s;
        return nullptr;
    }
    if (const auto it = m_config.targets.constFind(name); it != m_config.targets.cend()) {
        auto [state, inserted] = m_states.try_emplace(name);
        if (inserted) {
            state->second.key = name;
            state->second.label = name;
        }
        // The key is read for every probe: a rotated key needs no restart of the probes.
        state->second.target = resolveTarget(*it, m_env);
        state->second.target.sendTestRequest = false; // never a paid request
        state->second.target.checkKeepAlive = false;
        return &state->second;
    }
    if (!name.contains(u"://"_s)) {
        // Never echo what was asked: it could be anything, a key included.
        *error = u"unknown target; the configured ones are listed on /"_s;
        return nullptr;
    }
    // A base URL of a keyless local server: &provider=ID&model=M.
    QString why;
    const auto url = parseBaseUrl(name, &why);
    if (!url || !url->query().isEmpty() || !url->userInfo().isEmpty()) {
        *error = u"target is not a usable base URL (http(s), no query, no user name or password)"_s;
        return nullptr;
    }
    const QString provider = request.query.queryItemValue(u"provider"_s, QUrl::FullyDecoded).toLower();
    if (!provider.isEmpty() && !ProviderCatalog::instance().find(provider)) {
        *error = u"unknown provider; known: %1"_s.arg(ProviderCatalog::instance().ids().join(u", "_s));
        return nullptr;
    }
    const QString model = request.query.queryItemValue(u"model"_s, QUrl::FullyDecoded).trimmed();
    const QString key = url->toString() + u'|' + provider + u'|' + model;
    auto it = m_states.find(key);
    if (it == m_states.end()) {
        qsizetype adhoc = 0;
        for (const auto &[k, s] : m_states)
            adhoc += s.adhoc ? 1 : 0;
        if (adhoc >= m_options.maxAdhocTargets) {
            *status = 503;
            *error = u"too many different base-URL targets; put them in the config file"_s;
            return nullptr;
        }
        it = m_states.try_emplace(key).first;
        TargetState &s = it->second;
        s.key = key;
        s.label = u"adhoc"_s; // a URL is no label value
        s.adhoc = true;
        s.target.baseUrl = *url;
        s.target.baseUrlText = name;
        s.target.provider = provider;
        s.target.model = model;
        m_counters[s.label].buckets.fill(0, durationBounds().size());
    }
    return &it->second;
}

void Exporter::handleProbe(ExporterConnection *connection, const ExporterRequest &request)
{
    QString error;
    int status = 400;
    TargetState *state = stateFor(request, &error, &status);
    if (!state) {
        connection->respondText(status, error.toUtf8());
        return;
    }
    Waiter waiter;
    waiter.connection = connection;
    waiter.format = metricsFormatFromAccept(request.accept);
    waiter.head = request.method == "HEAD";
    // Prometheus says how long it waits; answer a little before that, whatever happens.
    bool ok = false;
    double scrapeTimeoutS = request.scrapeTimeout.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(scrapeTimeoutS) || scrapeTimeoutS <= 0)
        scrapeTimeoutS = m_options.defaultScrapeTimeoutMs / 1000.0;
    scrapeTimeoutS = std::min(scrapeTimeoutS, 3600.0);
    const qint64 scrapeMs = qint64(scrapeTimeoutS * 1000);
    waiter.deadline = QDeadlineTimer(std::max<qint64>(100, scrapeMs - std::min<qint64>(250, scrapeMs / 10)));

    // Protect the provider and the user's rate limit: a recent answer is given again.
    if (state->last && !state->running && !state->queued && state->lastFinished.isValid() &&
        state->lastFinished.elapsed() < qint64(m_options.minIntervalS * 1000)) {
        ++m_counters[state->label].cached;
        answer(waiter, *state->last);
        return;
    }
    state->waiters.append(waiter);
    if (!m_sweep.isActive())
        m_sweep.start();
    if (state->running || state->queued)
        return; // probes of one target never overlap: this scrape gets the running one's answer
    // The probe's own budget leaves time to write the answer.
    state->probeDeadline =
        QDeadlineTimer(std::max<qint64>(100, scrapeMs - std::min<qint64>(1000, scrapeMs / 4)));
    state->queued = true;
    m_queue.append(state->key);
    pump();
}

void Exporter::pump()
{
    while (m_inFlight < m_options.maxConcurrentProbes && !m_queue.isEmpty()) {
        const QString key = m_queue.takeFirst();
        const auto it = m_states.find(key);
        if (it == m_states.end())
            continue;
        TargetState &state = it->second;
        state.queued = false;
        if (state.probeDeadline.remainingTime() < 200) {
            // Waited too long for a slot: the scrapes get what is known, or nothing.
            ++m_counters[state.label].dropped;
            continue; // the sweep answers its waiters at their deadline
        }
        startProbe(state);
    }
}

void Exporter::startProbe(TargetState &state)
{
    Target target = state.target;
    target.timeoutMs = int(std::min<qint64>(target.timeoutMs, state.probeDeadline.remainingTime()));
    auto *diagnosis = new Diagnosis(target, this);
    diagnosis->setEnvironment(m_env);
    QString error;
    if (!diagnosis->prepare(&error)) {
        // A CA file that became unreadable: say so once, and answer as a failed probe.
        log(u"target %1: %2"_s.arg(state.label, error));
    }
    state.running = diagnosis;
    ++m_inFlight;
    const QString key = state.key;
    connect(diagnosis, &Diagnosis::finished, this, [this, key, diagnosis] { onProbeDone(key, diagnosis); });
    diagnosis->start();
}

void Exporter::onProbeDone(const QString &key, Diagnosis *diagnosis)
{
    diagnosis->deleteLater(); // we are inside its finished()
    --m_inFlight;
    const auto it = m_states.find(key);
    if (it != m_states.end() && it->second.running == diagnosis) {
        TargetState &state = it->second;
        state.running = nullptr;
        const ProbeMetrics metrics = ProbeMetrics::fromDiagnosis(*diagnosis);
        state.last = metrics;
        state.lastFinished.start();
        Counters &c = m_counters[state.label];
        (metrics.success ? c.success : c.failure)++;
        c.sumS += metrics.durationS;
        ++c.count;
        for (qsizetype i = 0; i < durationBounds().size(); ++i) {
            if (metrics.durationS <= durationBounds().at(i))
                ++c.buckets[i];
        }
        const QString verdict = metrics.category + u" ("_s + metrics.blame + u")"_s;
        if (verdict != state.lastCategory && !state.adhoc)
            log(u"target %1: %2"_s.arg(state.label, verdict)); // changes only: a quiet journal
        state.lastCategory = verdict;
        const QList<Waiter> waiters = std::exchange(state.waiters, {});
        for (const Waiter &w : waiters)
            answer(w, metrics);
        emit probeFinished(state.label, metrics.success);
    }
    pump();
}

void Exporter::answer(const Waiter &waiter, const ProbeMetrics &metrics)
{
    if (waiter.connection && waiter.connection->isBusy())
        waiter.connection->respond(200, metricsContentType(waiter.format),
                                   probeMetricsText(metrics, waiter.format), waiter.head);
}

void Exporter::sweepWaiters()
{
    bool any = false;
    for (auto &[key, state] : m_states) {
        for (qsizetype i = 0; i < state.waiters.size();) {
            const Waiter &w = state.waiters.at(i);
            if (!w.connection || !w.connection->isBusy()) {
                state.waiters.removeAt(i);
                continue;
            }
            if (w.deadline.hasExpired()) {
                // The scrape's time is up before the probe ended: the last answer if there is one,
                // else a clear failure Prometheus records as up == 0.
                const Waiter expired = state.waiters.takeAt(i);
                if (state.last)
                    answer(expired, *state.last);
                else
                    expired.connection->respondText(503,
                                                    "the probe did not finish within the scrape timeout");
                continue;
            }
            any = true;
            ++i;
        }
    }
    if (!any)
        m_sweep.stop();
}

QByteArray Exporter::indexPage() const
{
    QByteArray html =
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>llmdoctor exporter</title></head>"
        "<body><h1>llmdoctor exporter</h1>\n<p>Prometheus scrapes <code>/probe?target=NAME</code> "
        "for each target; the exporter's own series are on <a href=\"/metrics\">/metrics</a>.</p>\n"
        "<table><tr><th>target</th><th>provider</th><th>host</th><th>last verdict</th></tr>\n";
    for (const ExporterTarget &t : m_config.targets) {
        const QString name = htmlEscape(t.name);
        const auto st = m_states.find(t.name);
        const QString verdict =
            st != m_states.end() && st->second.last ? st->second.last->category : u"not probed yet"_s;
        html += u"<tr><td><a href=\"/probe?target=%1\">%1</a></td><td>%2</td><td>%3</td><td>%4</td></tr>\n"_s
                    .arg(name, htmlEscape(t.target.provider.isEmpty() ? u"custom"_s : t.target.provider),
                         htmlEscape(t.target.baseUrl.host()), htmlEscape(verdict))
                    .toUtf8();
    }
    html += "</table>\n<p>llmdoctor " LLMDOCTOR_VERSION "</p></body></html>\n";
    return html;
}

QByteArray Exporter::ownMetrics(MetricsFormat format) const
{
    using T = MetricsText::Type;
    MetricsText text(format);
    text.family(u"llmdoctor_exporter_build_info"_s, T::Gauge, u"The llmdoctor version serving"_s);
    text.sample(u"llmdoctor_exporter_build_info"_s, 1, {{u"version"_s, QStringLiteral(LLMDOCTOR_VERSION)}});
    text.family(u"llmdoctor_exporter_probes_total"_s, T::Counter, u"Probes run, by target and result"_s);
    for (auto it = m_counters.cbegin(); it != m_counters.cend(); ++it) {
        text.sample(u"llmdoctor_exporter_probes_total"_s, double(it->success),
                    {{u"target"_s, it.key()}, {u"result"_s, u"success"_s}});
        text.sample(u"llmdoctor_exporter_probes_total"_s, double(it->failure),
                    {{u"target"_s, it.key()}, {u"result"_s, u"failure"_s}});
    }
    text.family(u"llmdoctor_exporter_cached_answers_total"_s, T::Counter,
                u"Scrapes answered with the last probe's series (within the minimum interval)"_s);
    for (auto it = m_counters.cbegin(); it != m_counters.cend(); ++it)
        text.sample(u"llmdoctor_exporter_cached_answers_total"_s, double(it->cached),
                    {{u"target"_s, it.key()}});
    text.family(u"llmdoctor_exporter_probes_dropped_total"_s, T::Counter,
                u"Probes not started: their scrape's time ran out while waiting for a slot"_s);
    for (auto it = m_counters.cbegin(); it != m_counters.cend(); ++it)
        text.sample(u"llmdoctor_exporter_probes_dropped_total"_s, double(it->dropped),
                    {{u"target"_s, it.key()}});
    text.family(u"llmdoctor_exporter_probe_duration_seconds"_s, T::Histogram, u"How long probes took"_s);
    for (auto it = m_counters.cbegin(); it != m_counters.cend(); ++it)
        text.histogram(u"llmdoctor_exporter_probe_duration_seconds"_s, durationBounds(), it->buckets,
                       it->sumS, it->count, {{u"target"_s, it.key()}});
    text.family(u"llmdoctor_exporter_probes_in_flight"_s, T::Gauge, u"Probes running now"_s);
    text.sample(u"llmdoctor_exporter_probes_in_flight"_s, m_inFlight);
    text.family(u"llmdoctor_exporter_probes_queued"_s, T::Gauge, u"Probes waiting for a slot"_s);
    text.sample(u"llmdoctor_exporter_probes_queued"_s, double(m_queue.size()));
    text.family(u"llmdoctor_exporter_http_requests_total"_s, T::Counter, u"HTTP requests served, by path"_s);
    for (const QString &path : {u"probe"_s, u"metrics"_s, u"index"_s, u"other"_s})
        text.sample(u"llmdoctor_exporter_http_requests_total"_s, double(m_requests.value(path)),
                    {{u"path"_s, path}});
#ifdef Q_OS_LINUX
    // The usual process_* series, read from /proc, so the exporter's own cost is on the dashboard.
    QFile stat(u"/proc/self/stat"_s);
    if (stat.open(QIODevice::ReadOnly)) {
        const QByteArray line = stat.readAll();
        const QList<QByteArray> f = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (f.size() > 21) {
            const double tick = double(sysconf(_SC_CLK_TCK));
            const double page = double(sysconf(_SC_PAGESIZE));
            text.family(u"process_cpu_seconds_total"_s, T::Counter, u"User and system CPU time spent"_s);
            text.sample(u"process_cpu_seconds_total"_s, (f.at(11).toDouble() + f.at(12).toDouble()) / tick);
            text.family(u"process_resident_memory_bytes"_s, T::Gauge, u"Resident memory size"_s);
            text.sample(u"process_resident_memory_bytes"_s, f.at(21).toDouble() * page);
        }
    }
#endif
    return text.finish();
}

} // namespace llmdoctor::core
