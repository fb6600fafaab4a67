#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>
#include <span>
#include <vector>

namespace llmdoctor::core {

// One probe of a monitor or retry run, as small as it can be: a day of one-second samples
// (86,400) takes 2.7 MiB. Durations are float ms (microsecond precision up to minutes);
// a phase that was not reached is negative.
struct Sample
{
    enum Flag : quint8
    {
        Ipv6 = 1,     // connected over IPv6
        ViaProxy = 2, // went through an HTTP proxy
    };

    quint32 timeMs = 0; // when the probe started, from the start of the run
    float dnsMs = -1;
    float connectMs = -1;
    float tlsMs = -1;
    float ttfbMs = -1;
    float totalMs = -1;  // for a failure: when it ended
    quint16 status = 0;  // HTTP status; 0 when no answer came
    quint8 category = 0; // index into sampleCategories(); 0 is "ok"
    quint8 flags = 0;
    quint16 hops = 0; // index into the store's hop-set table; 0 = none seen

    bool ok() const { return category == 0; }
    bool ipv6() const { return flags & Ipv6; }
    // The phase durations by key ("dns", "connect", "tls", "ttfb", "total").
    float phase(int index) const;
};
static_assert(sizeof(Sample) == 32, "a sample stays compact");

// The report's verdict categories (DESIGN.md), "ok" first; a Sample stores the index.
const QStringList &sampleCategories();
quint8 categoryIndex(const QString &category); // unknown names map to "unknown"
QString categoryName(quint8 index);

// Phase keys in the order Sample::phase() uses: dns, connect, tls, ttfb, total.
const QStringList &samplePhases();

// The samples of one run, in time order, and the few strings they share.
class SampleStore final
{
public:
    void append(const Sample &sample); // timeMs must not go back in time
    void clear();
    void reserve(qsizetype n) { m_samples.reserve(size_t(n)); }

    qsizetype size() const { return qsizetype(m_samples.size()); }
    bool isEmpty() const { return m_samples.empty(); }
    const Sample &at(qsizetype i) const { return m_samples[size_t(i)]; }
    std::span<const Sample> samples() const { return m_samples; }
    // First sample starting at or after timeMs (size() when none).
    qsizetype lowerBound(quint32 timeMs) const;

    quint16 internHops(const QStringList &hops);
    QStringList hops(quint16 id) const;

    QDateTime startedAt() const { return m_startedAt; }
    void setStartedAt(const QDateTime &at) { m_startedAt = at; }
    // Wall-clock time of a sample.
    QDateTime timeOf(const Sample &sample) const { return m_startedAt.addMSecs(sample.timeMs); }

    static constexpr qsizetype bytesPerSample() { return sizeof(Sample); }
    qsizetype memoryBytes() const; // what the samples hold (capacity), not the tables

private:
    std::vector<Sample> m_samples;
    QList<QStringList> m_hopSets{QStringList()};
    QDateTime m_startedAt;
};

} // namespace llmdoctor::core
