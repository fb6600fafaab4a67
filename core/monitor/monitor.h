#pragma once

#include "probe.h"
#include "sample.h"
#include "statistics.h"
#include "timingsignature.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

class QIODevice;

namespace llmdoctor::core {

struct MonitorOptions
{
    double intervalS = 5; // down to minimumIntervalS
    // 0.2 s for every user-facing run; only the soak benchmark (tests/bench/monitor_soak) lowers
    // it, to make 10,000 probes in minutes rather than half an hour.
    double minimumIntervalS = 0.2;
    double durationS = 0;          // 0 = until stopped
    int probeTimeoutMs = 0;        // 0 = the target's timeout, at most 30 s
    bool alternateFamilies = true; // when the name has IPv4 and IPv6 addresses, take turns
};

// Probes at a fixed interval; a probe that outlasts the interval is not overlapped by the next
// (the next starts at the first interval tick after it ended).
class Monitor final : public QObject
{
    Q_OBJECT
public:
    Monitor(Target target, MonitorOptions options, QObject *parent = nullptr);
    ~Monitor() override;

    void setEnvironment(const QProcessEnvironment &env) { m_env = env; }
    bool prepare(QString *error);
    void start();
    void stop(); // ends the run after no further probe; the one in flight is cancelled

    bool isRunning() const { return m_running; }
    const MonitorOptions &options() const { return m_options; }
    const Target &target() const { return m_target; }
    const SampleStore &samples() const { return m_samples; }
    RunStats stats() const { return computeStats(m_samples); }
    QList<TimingSignature> signatures() const;
    double probeTimeoutMs() const;

signals:
    void probeStarted();
    // The whole outcome of a probe, just before its sample is added (the textfile writer
    // needs what a sample does not keep: retry-after, the certificate).
    void probeFinished(const llmdoctor::core::ProbeOutcome &outcome);
    void sampleAdded(qsizetype index);
    void finished();

private:
    void onTick();
    void onProbe(const ProbeOutcome &outcome);
    void startProbe();

    Target m_target;
    MonitorOptions m_options;
    QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();
    std::optional<ProbeSetup> m_setup;
    QPointer<Probe> m_probe;
    SampleStore m_samples;
    QElapsedTimer m_clock;
    QTimer m_interval;
    QTimer m_end;
    double m_probeStartedMs = 0;
    int m_probeCount = 0;
    bool m_useIpv6Next = false;
    bool m_running = false;
};

// The samples as CSV: time_ms,status,category,dns_ms,connect_ms,tls_ms,ttfb_ms,total_ms.
bool writeSamplesCsv(const SampleStore &store, QIODevice *out);
QJsonObject monitorJson(const SampleStore &store, const RunStats &stats,
                        const QList<TimingSignature> &signatures);

} // namespace llmdoctor::core
