#include "decimation.h"

namespace llmdoctor::core {

QList<ChartPoint> decimateMinMax(const SampleStore &store, quint32 fromMs, quint32 toMs, int buckets,
                                 int phase, bool onlyOk)
{
    QList<ChartPoint> out;
    const qsizetype first = store.lowerBound(fromMs);
    const qsizetype last = store.lowerBound(toMs);
    auto take = [&](qsizetype i) {
        const Sample &s = store.at(i);
        const float v = s.phase(phase);
        return v >= 0 && (!onlyOk || s.ok());
    };
    if (buckets <= 0 || last <= first)
        return out;
    if (last - first <= 2 * qsizetype(buckets)) {
        for (qsizetype i = first; i < last; ++i) {
            if (take(i))
                out.append({store.at(i).timeMs, store.at(i).phase(phase), i});
        }
        return out;
    }
    out.reserve(2 * buckets);
    const double span = double(toMs - fromMs) / buckets;
    qsizetype i = first;
    for (int b = 0; b < buckets && i < last; ++b) {
        const double end = fromMs + span * (b + 1);
        qsizetype lo = -1, hi = -1;
        for (; i < last && (b == buckets - 1 || store.at(i).timeMs < end); ++i) {
            if (!take(i))
                continue;
            const float v = store.at(i).phase(phase);
            if (lo < 0 || v < store.at(lo).phase(phase))
                lo = i;
            if (hi < 0 || v > store.at(hi).phase(phase))
                hi = i;
        }
        if (lo < 0)
            continue;
        const qsizetype a = std::min(lo, hi), z = std::max(lo, hi);
        out.append({store.at(a).timeMs, store.at(a).phase(phase), a});
        if (z != a)
            out.append({store.at(z).timeMs, store.at(z).phase(phase), z});
    }
    return out;
}

} // namespace llmdoctor::core
