#pragma once

#include "exporterconfig.h"
#include "metricstext.h"
#include "probemetrics.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>
#include <QSet>
#include <QTimer>
#include <functional>
#include <map>
#include <optional>

class QTcpServer;

namespace llmdoctor::core {

class Diagnosis;
class ExporterConnection;
struct ExporterRequest;

// Outside the fully allocated 9100-9999 exporter range: collides with none of node (9100),
// blackbox (9115), snmp (9116) or OpenTelemetry's Prometheus exporter (9464).
constexpr quint16 kDefaultExporterPort = 10115;

struct ExporterOptions
{
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = kDefaultExporterPort; // 0 = any free port
    double minIntervalS = 5;             // a scrape sooner than this after a probe gets its answer again
    int maxConcurrentProbes = 8;         // across targets; more wait in a queue
    int defaultScrapeTimeoutMs = 10000;  // without X-Prometheus-Scrape-Timeout-Seconds (Prometheus's default)
    int requestTimeoutMs = 5000;         // a request must arrive whole within this
    int idleTimeoutMs = 60000;           // a kept-alive connection with nothing to say is closed
    int writeTimeoutMs = 10000;          // a scraper that does not read its answer is dropped
    int maxConnections = 256;
    int maxAdhocTargets = 64; // distinct base-URL targets remembered (each keeps its last answer)
};

// The Prometheus exporter: GET /probe?target=NAME runs the diagnosis's default checks (never a
// paid request) against a configured target and answers with its series; /metrics has the
// exporter's own; / lists the targets. Serves HTTP/1.1 with keep-alive on a QTcpServer.
class Exporter final : public QObject
{
    Q_OBJECT
public:
    Exporter(ExporterConfig config, ExporterOptions options, QObject *parent = nullptr);
    ~Exporter() override;

    void setEnvironment(const QProcessEnvironment &env) { m_env = env; }
    // One line per event worth a journal entry (listening, a target's verdict changing). Never
    // holds a key or a URL's query.
    void setLog(std::function<void(const QString &)> log) { m_log = std::move(log); }

    bool listen(QString *error);
    void stop(); // stops listening, cancels probes, closes connections
    quint16 port() const;
    QHostAddress address() const;
    int probesInFlight() const { return m_inFlight; }

signals:
    void probeFinished(const QString &target, bool success);

private:
    friend class ExporterConnection;
    struct Waiter
    {
        QPointer<ExporterConnection> connection;
        MetricsFormat format = MetricsFormat::Prometheus;
        bool head = false;
        QDeadlineTimer deadline;
    };
    struct Counters
    {
        quint64 success = 0, failure = 0, cached = 0, dropped = 0;
        QList<quint64> buckets; // cumulative per bound of durationBounds()
        double sumS = 0;
        quint64 count = 0;
    };
    struct TargetState
    {
        QString key;   // config name, or "url|provider|model" of an ad-hoc target
        QString label; // for /metrics: the config name, or "adhoc"
        Target target; // with its key for config targets (read at probe time)
        bool adhoc = false;
        QPointer<Diagnosis> running;
        bool queued = false;
        QDeadlineTimer probeDeadline;
        QList<Waiter> waiters;
        std::optional<ProbeMetrics> last;
        QElapsedTimer lastFinished;
        QString lastCategory;
    };

    void onNewConnection();
    void handle(ExporterConnection *connection, const ExporterRequest &request);
    void handleProbe(ExporterConnection *connection, const ExporterRequest &request);
    TargetState *stateFor(const ExporterRequest &request, QString *error, int *status);
    void pump();
    void startProbe(TargetState &state);
    void onProbeDone(const QString &key, Diagnosis *diagnosis);
    void sweepWaiters();
    void answer(const Waiter &waiter, const ProbeMetrics &metrics);
    QByteArray indexPage() const;
    QByteArray ownMetrics(MetricsFormat format) const;
    void log(const QString &line) const;

    ExporterConfig m_config;
    ExporterOptions m_options;
    QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();
    std::function<void(const QString &)> m_log;
    QTcpServer *m_server = nullptr;
    std::map<QString, TargetState> m_states; // nodes stay put while others are added
    QMap<QString, Counters> m_counters;      // by /metrics label
    QMap<QString, quint64> m_requests;       // by path kind
    QList<QString> m_queue;                  // target keys waiting for a probe slot
    QTimer m_sweep;
    int m_inFlight = 0;
    QSet<ExporterConnection *> m_open; // connections not yet closed
};

} // namespace llmdoctor::core
