#pragma once

#include "metricstext.h"

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <optional>

namespace llmdoctor::core {

class Diagnosis;
struct ProbeOutcome;

// What one probe found, as the series of a /probe answer (and of monitor's textfile). Every
// label value comes from a bounded set: check ids, check statuses, phases, verdict categories
// and blames. Nothing here can hold a key, a URL or free text.
struct ProbeMetrics
{
    bool success = false;
    double durationS = 0;
    // Phase durations in seconds, by phase key (dns, connect, tls, ttfb, total); phases not
    // reached are left out.
    QList<QPair<QString, double>> phases;
    int httpStatus = 0; // 0 when no HTTP answer came
    QString category = QStringLiteral("unknown");
    QString blame = QStringLiteral("none");
    QList<QPair<QString, QString>> checks;  // check id -> pass|warn|fail|skip
    std::optional<bool> statusPageIncident; // when the status page was read
    std::optional<double> retryAfterS;      // when the server asked
    std::optional<QDateTime> certExpiry;    // the leaf certificate's, for https

    static ProbeMetrics fromDiagnosis(const Diagnosis &diagnosis);
    // A monitor probe: only the model-list request, so no checks and no status page.
    static ProbeMetrics fromProbeOutcome(const ProbeOutcome &outcome, double durationS);
};

// Appends the llmdoctor_* probe series; extraLabels go on every sample (the textfile's target).
void writeProbeMetrics(MetricsText &text, const ProbeMetrics &metrics, const MetricLabels &extraLabels = {});
QByteArray probeMetricsText(const ProbeMetrics &metrics, MetricsFormat format,
                            const MetricLabels &extraLabels = {});

} // namespace llmdoctor::core
