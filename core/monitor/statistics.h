#pragma once

#include "sample.h"

#include <QJsonObject>
#include <QMap>

namespace llmdoctor::core {

struct PhaseStats
{
    int count = 0;
    double min = -1, p50 = -1, p90 = -1, p99 = -1, max = -1, mean = -1;
};

// Rolling statistics of a run: over all its samples, or the last `window` of them.
struct RunStats
{
    int probes = 0;
    int successes = 0;
    double successRate = 0;           // 0..1; 0 when no probe ran
    QMap<QString, PhaseStats> phases; // per samplePhases() key, over successful probes
    QMap<QString, int> errors;        // category -> count, failures only
    QMap<int, int> statuses;          // HTTP status -> count (0 = no answer)

    QJsonObject toJson() const;
};

RunStats computeStats(const SampleStore &store, qsizetype from = 0, qsizetype to = -1);

// Nearest-rank percentile (p in 0..100) of values, which it reorders. -1 for none.
double percentile(std::vector<float> &values, double p);

} // namespace llmdoctor::core
