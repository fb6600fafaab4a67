#include "metricstext.h"

#include <QLocale>
#include <cmath>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

MetricsFormat metricsFormatFromAccept(const QByteArray &accept)
{
    return accept.contains("application/openmetrics-text") ? MetricsFormat::OpenMetrics
                                                           : MetricsFormat::Prometheus;
}

QByteArray metricsContentType(MetricsFormat format)
{
    return format == MetricsFormat::OpenMetrics ? "application/openmetrics-text; version=1.0.0; charset=utf-8"
                                                : "text/plain; version=0.0.4; charset=utf-8";
}

QString MetricsText::escapeLabelValue(const QString &value)
{
    QString out;
    out.reserve(value.size());
    for (const QChar c : value) {
        if (c == u'\\')
            out += u"\\\\"_s;
        else if (c == u'"')
            out += u"\\\""_s;
        else if (c == u'\n')
            out += u"\\n"_s;
        else
            out += c;
    }
    return out;
}

QString MetricsText::formatValue(double value)
{
    if (std::isnan(value))
        return u"NaN"_s;
    if (std::isinf(value))
        return value > 0 ? u"+Inf"_s : u"-Inf"_s;
    // Shortest form that reads back to the same double; integers without an exponent.
    if (value == std::floor(value) && std::fabs(value) < 1e15)
        return QString::number(qint64(value));
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

void MetricsText::family(const QString &name, Type type, const QString &help)
{
    QString familyName = name;
    if (type == Type::Counter && m_format == MetricsFormat::OpenMetrics && familyName.endsWith(u"_total"))
        familyName.chop(6);
    const char *typeName = type == Type::Counter     ? "counter"
                           : type == Type::Histogram ? "histogram"
                                                     : "gauge";
    // HELP text: backslash and line break escaped, as the formats ask.
    QString helpText = help;
    helpText.replace(u"\\"_s, u"\\\\"_s).replace(u"\n"_s, u"\\n"_s);
    m_out += "# HELP " + familyName.toUtf8() + ' ' + helpText.toUtf8() + '\n';
    m_out += "# TYPE " + familyName.toUtf8() + ' ' + typeName + '\n';
}

void MetricsText::sample(const QString &name, double value, const MetricLabels &labels)
{
    QString line = name;
    if (!labels.isEmpty()) {
        line += u'{';
        for (qsizetype i = 0; i < labels.size(); ++i) {
            if (i)
                line += u',';
            line += labels.at(i).first + u"=\""_s + escapeLabelValue(labels.at(i).second) + u'"';
        }
        line += u'}';
    }
    m_out += line.toUtf8() + ' ' + formatValue(value).toUtf8() + '\n';
}

void MetricsText::histogram(const QString &name, const QList<double> &bounds,
                            const QList<quint64> &cumulative, double sum, quint64 count,
                            const MetricLabels &labels)
{
    for (qsizetype i = 0; i < bounds.size(); ++i) {
        MetricLabels l = labels;
        l.append({u"le"_s, formatValue(bounds.at(i))});
        sample(name + u"_bucket"_s, double(cumulative.value(i)), l);
    }
    MetricLabels inf = labels;
    inf.append({u"le"_s, u"+Inf"_s});
    sample(name + u"_bucket"_s, double(count), inf);
    sample(name + u"_sum"_s, sum, labels);
    sample(name + u"_count"_s, double(count), labels);
}

QByteArray MetricsText::finish()
{
    if (m_format == MetricsFormat::OpenMetrics)
        m_out += "# EOF\n";
    return std::move(m_out);
}

} // namespace llmdoctor::core
