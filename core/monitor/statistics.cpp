#include "statistics.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

double percentile(std::vector<float> &values, double p)
{
    if (values.empty())
        return -1;
    // Nearest rank: the smallest value with at least p % of the values at or below it.
    const auto rank =
        size_t(std::clamp(std::ceil(p / 100.0 * double(values.size())), 1.0, double(values.size())));
    std::nth_element(values.begin(), values.begin() + ptrdiff_t(rank - 1), values.end());
    return values[rank - 1];
}

RunStats computeStats(const SampleStore &store, qsizetype from, qsizetype to)
{
    RunStats s;
    if (to < 0 || to > store.size())
        to = store.size();
    from = std::clamp<qsizetype>(from, 0, to);
    const int phaseCount = int(samplePhases().size());
    std::vector<std::vector<float>> values(static_cast<size_t>(phaseCount));
    for (auto &v : values)
        v.reserve(size_t(to - from));
    for (qsizetype i = from; i < to; ++i) {
        const Sample &sample = store.at(i);
        ++s.probes;
        ++s.statuses[sample.status];
        if (!sample.ok()) {
            ++s.errors[categoryName(sample.category)];
            continue;
        }
        ++s.successes;
        for (int p = 0; p < phaseCount; ++p) {
            if (const float v = sample.phase(p); v >= 0)
                values[size_t(p)].push_back(v);
        }
    }
    s.successRate = s.probes ? double(s.successes) / s.probes : 0;
    for (int p = 0; p < phaseCount; ++p) {
        std::vector<float> &v = values[size_t(p)];
        if (v.empty())
            continue;
        PhaseStats ps;
        ps.count = int(v.size());
        double sum = 0;
        for (const float x : v)
            sum += x;
        ps.mean = sum / double(v.size());
        const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
        ps.min = *lo;
        ps.max = *hi;
        ps.p50 = percentile(v, 50);
        ps.p90 = percentile(v, 90);
        ps.p99 = percentile(v, 99);
        s.phases.insert(samplePhases().at(p), ps);
    }
    return s;
}

QJsonObject RunStats::toJson() const
{
    auto round = [](double v) { return std::round(v * 100) / 100; };
    QJsonObject phaseObj;
    for (auto it = phases.cbegin(); it != phases.cend(); ++it) {
        const PhaseStats &p = it.value();
        phaseObj.insert(it.key(), QJsonObject{{u"count"_s, p.count},
                                              {u"min"_s, round(p.min)},
                                              {u"p50"_s, round(p.p50)},
                                              {u"p90"_s, round(p.p90)},
                                              {u"p99"_s, round(p.p99)},
                                              {u"max"_s, round(p.max)},
                                              {u"mean"_s, round(p.mean)}});
    }
    QJsonObject errorObj;
    for (auto it = errors.cbegin(); it != errors.cend(); ++it)
        errorObj.insert(it.key(), it.value());
    QJsonObject statusObj;
    for (auto it = statuses.cbegin(); it != statuses.cend(); ++it)
        statusObj.insert(QString::number(it.key()), it.value());
    return {{u"probes"_s, probes},      {u"successes"_s, successes}, {u"success_rate"_s, round(successRate)},
            {u"phases_ms"_s, phaseObj}, {u"errors"_s, errorObj},     {u"statuses"_s, statusObj}};
}

} // namespace llmdoctor::core
