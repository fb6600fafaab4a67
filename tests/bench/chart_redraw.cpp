// How long the latency chart takes to follow a day of one-second samples: one append plus the
// redraw (what a live monitor pays each frame), a full re-decimation after a zoom, and the
// decimation alone. Reports, does not assert. Run: build/default/tests/bench/chart_redraw
#include "core/monitor/decimation.h"
#include "core/monitor/sample.h"
#include "ui/charts/latencychart.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <benchmark/benchmark.h>
#include <cstdio>

using namespace Qt::StringLiterals;
using llmdoctor::core::categoryIndex;
using llmdoctor::core::Sample;
using llmdoctor::core::SampleStore;
using llmdoctor::ui::LatencyChart;

namespace {

constexpr qsizetype kDay = 86400;
const QSize kFrame(1200, 500);

Sample probe(quint32 timeMs, QRandomGenerator &rng)
{
    Sample s;
    s.timeMs = timeMs;
    s.dnsMs = 1.f + float(rng.bounded(1.0));
    s.connectMs = 15.f + float(rng.bounded(5.0));
    s.tlsMs = 30.f + float(rng.bounded(10.0));
    s.ttfbMs = 240.f + float(rng.bounded(80.0)) + (rng.bounded(200) == 0 ? 2000.f : 0.f);
    s.totalMs = s.dnsMs + s.connectMs + s.tlsMs + s.ttfbMs + 4;
    s.status = 200;
    switch (rng.bounded(400)) { // about 1 % failures of several kinds
    case 0:
        s.status = 502;
        s.category = categoryIndex(u"gateway_error"_s);
        break;
    case 1:
        s.status = 0;
        s.category = categoryIndex(u"timeout"_s);
        s.totalMs = 30000;
        break;
    case 2:
        s.status = 0;
        s.category = categoryIndex(u"upstream_reset"_s);
        break;
    case 3:
        s.status = 429;
        s.category = categoryIndex(u"rate_limited"_s);
        break;
    default:
        break;
    }
    return s;
}

struct Day
{
    SampleStore store;
    QRandomGenerator rng{1};
    explicit Day(qsizetype room = 2 * kDay) // room to append without reallocating mid-benchmark
    {
        store.setStartedAt(QDateTime(QDate(2024, 5, 14), QTime(0, 0)));
        store.reserve(room);
        for (qsizetype i = 0; i < kDay; ++i)
            store.append(probe(quint32(i * 1000), rng));
    }
    void appendOne() { store.append(probe(store.at(store.size() - 1).timeMs + 1000, rng)); }
};

struct Shown
{
    LatencyChart chart;
    QImage frame{kFrame, QImage::Format_ARGB32_Premultiplied};
    explicit Shown(const SampleStore &store, bool stacked = false)
    {
        chart.resize(kFrame);
        chart.show();
        chart.setStore(&store);
        chart.setShowPhases(stacked);
        chart.flushPendingUpdate();
    }
    void render()
    {
        QPainter p(&frame);
        chart.renderTo(&p, frame.rect());
    }
};

void appendAndRedraw(benchmark::State &state, bool stacked, bool draw)
{
    Day day;
    Shown shown(day.store, stacked);
    shown.render();
    for (auto _ : state) {
        day.appendOne();
        shown.chart.samplesAppended();
        shown.chart.flushPendingUpdate();
        if (draw)
            shown.render();
    }
    state.counters["samples"] = double(day.store.size());
    state.counters["points"] = shown.chart.displayedPointCount();
}

void BM_AppendAndRedraw(benchmark::State &state)
{
    appendAndRedraw(state, false, true);
}
BENCHMARK(BM_AppendAndRedraw)->Unit(benchmark::kMillisecond);

void BM_AppendAndRedrawStacked(benchmark::State &state)
{
    appendAndRedraw(state, true, true);
}
BENCHMARK(BM_AppendAndRedrawStacked)->Unit(benchmark::kMillisecond);

// The series update without painting, to tell our part from Qt's drawing.
void BM_AppendUpdateOnly(benchmark::State &state)
{
    appendAndRedraw(state, false, false);
}
BENCHMARK(BM_AppendUpdateOnly)->Unit(benchmark::kMillisecond);

void BM_ZoomRedecimate(benchmark::State &state)
{
    Day day;
    Shown shown(day.store);
    bool in = false;
    for (auto _ : state) {
        // Each zoom changes every bucket edge: the whole visible range is decimated again.
        if ((in = !in))
            shown.chart.zoomToRange(3600 * 1000, 20 * 3600 * 1000);
        else
            shown.chart.resetZoom();
        if (state.range(0))
            shown.render();
    }
    state.counters["points"] = shown.chart.displayedPointCount();
}
BENCHMARK(BM_ZoomRedecimate)->Arg(0)->Arg(1)->ArgName("render")->Unit(benchmark::kMillisecond);

void BM_DecimateMinMax(benchmark::State &state)
{
    Day day;
    for (auto _ : state) {
        auto points = llmdoctor::core::decimateMinMax(day.store, 0, kDay * 1000, 1100, 4, true);
        benchmark::DoNotOptimize(points);
    }
}
BENCHMARK(BM_DecimateMinMax)->Unit(benchmark::kMillisecond);

void printMemory()
{
    Day day(kDay);
    Shown shown(day.store);
    const int points = shown.chart.displayedPointCount();
    std::printf("memory: %lld bytes per sample (store of %lld samples: %.1f MiB); chart caches %lld bytes "
                "for %d displayed points (%.0f bytes per point)\n",
                static_cast<long long>(SampleStore::bytesPerSample()),
                static_cast<long long>(day.store.size()), double(day.store.memoryBytes()) / (1024 * 1024),
                static_cast<long long>(shown.chart.cachedBytes()), points,
                points ? double(shown.chart.cachedBytes()) / points : 0.0);
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    printMemory();
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
