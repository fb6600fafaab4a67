#pragma once

#include "../probe/phasetimings.h"

#include <QString>

namespace llmdoctor::core {

class SampleStore;

// Charts as inline SVG, so an HTML report is one self-contained file and core needs no GUI.
// Where the time of one request went: a stacked bar of its phases, with a legend.
// A failed request's last phase is drawn with its time, marked as the one it failed in.
QString phaseBarSvg(const PhaseDurations &phases, Phase failedPhase = Phase::None, double failedMs = -1,
                    int width = 640);
// Latency over time of a retry or monitor run: successes as a line, failures as red marks on top.
QString latencySvg(const SampleStore &store, int width = 640, int height = 220);

} // namespace llmdoctor::core
