#pragma once

#include "sample.h"

#include <QList>

namespace llmdoctor::core {

// One point to draw: a sample's start time and one of its values.
struct ChartPoint
{
    quint32 timeMs = 0;
    float value = 0;
    qsizetype index = 0; // the sample it came from, for hover details
};

// Min/max decimation: the samples whose time lies in [fromMs, toMs) are split into `buckets`
// equal time slices, and each slice gives its smallest and largest value (in time order), so a
// spike survives however far out the chart is zoomed. phase is an index into samplePhases();
// samples where the phase was not reached are left out; onlyOk keeps successful probes only.
// Returns at most 2 * buckets points; when the range holds fewer samples than that, all of them.
QList<ChartPoint> decimateMinMax(const SampleStore &store, quint32 fromMs, quint32 toMs, int buckets,
                                 int phase, bool onlyOk);

} // namespace llmdoctor::core
