#include "sample.h"

#include "../diagnosis/category.h"

#include <algorithm>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

float Sample::phase(int index) const
{
    switch (index) {
    case 0:
        return dnsMs;
    case 1:
        return connectMs;
    case 2:
        return tlsMs;
    case 3:
        return ttfbMs;
    case 4:
        return totalMs;
    default:
        return -1;
    }
}

const QStringList &sampleCategories()
{
    // The order is the stored index: samples live in memory only, and files carry the names.
    return categoryNames();
}

quint8 categoryIndex(const QString &category)
{
    const qsizetype i = sampleCategories().indexOf(category);
    return quint8(i < 0 ? sampleCategories().indexOf(u"unknown"_s) : i);
}

QString categoryName(quint8 index)
{
    return sampleCategories().value(index, u"unknown"_s);
}

const QStringList &samplePhases()
{
    static const QStringList keys{u"dns"_s, u"connect"_s, u"tls"_s, u"ttfb"_s, u"total"_s};
    return keys;
}

void SampleStore::append(const Sample &sample)
{
    Q_ASSERT(m_samples.empty() || sample.timeMs >= m_samples.back().timeMs);
    m_samples.push_back(sample);
}

void SampleStore::clear()
{
    m_samples.clear();
    m_hopSets = {QStringList()};
}

qsizetype SampleStore::lowerBound(quint32 timeMs) const
{
    const auto it = std::lower_bound(m_samples.begin(), m_samples.end(), timeMs,
                                     [](const Sample &s, quint32 t) { return s.timeMs < t; });
    return qsizetype(it - m_samples.begin());
}

quint16 SampleStore::internHops(const QStringList &hops)
{
    if (hops.isEmpty())
        return 0;
    const qsizetype i = m_hopSets.indexOf(hops);
    if (i >= 0)
        return quint16(i);
    if (m_hopSets.size() >= 0xffff)
        return 0; // a hostile server inventing hop sets gets no more table space
    m_hopSets.append(hops);
    return quint16(m_hopSets.size() - 1);
}

QStringList SampleStore::hops(quint16 id) const
{
    return m_hopSets.value(id);
}

qsizetype SampleStore::memoryBytes() const
{
    return qsizetype(m_samples.capacity() * sizeof(Sample));
}

} // namespace llmdoctor::core
