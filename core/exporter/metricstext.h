#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace llmdoctor::core {

// The two answers Prometheus understands: text format 0.0.4, and OpenMetrics 1.0 when the
// scraper's Accept asks for it.
enum class MetricsFormat
{
    Prometheus,
    OpenMetrics
};
// From an Accept header: OpenMetrics only when application/openmetrics-text is listed.
MetricsFormat metricsFormatFromAccept(const QByteArray &accept);
QByteArray metricsContentType(MetricsFormat format);

using MetricLabels = QList<QPair<QString, QString>>;

// Writes metric families in either format. A family is declared once (HELP, TYPE), followed by
// its samples; names are trusted (ours), label values are escaped.
class MetricsText final
{
public:
    enum class Type
    {
        Gauge,
        Counter,
        Histogram
    };
    explicit MetricsText(MetricsFormat format) : m_format(format) {}

    // For a counter, name ends in _total; OpenMetrics declares the family without it.
    void family(const QString &name, Type type, const QString &help);
    void sample(const QString &name, double value, const MetricLabels &labels = {});
    // A histogram's _bucket, _sum and _count samples; bounds ascending, counts cumulative per bound.
    void histogram(const QString &name, const QList<double> &bounds, const QList<quint64> &cumulative,
                   double sum, quint64 count, const MetricLabels &labels = {});

    // The answer: OpenMetrics ends with "# EOF".
    QByteArray finish();

    static QString escapeLabelValue(const QString &value);
    static QString formatValue(double value);

private:
    MetricsFormat m_format;
    QByteArray m_out;
};

} // namespace llmdoctor::core
