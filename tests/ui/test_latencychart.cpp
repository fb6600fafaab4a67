// The latency-over-time chart, offscreen: decimation bounds, zoom, following the live edge,
// hover texts, incident spans and what a rendering shows.
#include "core/monitor/sample.h"
#include "support/waiting.h"
#include "ui/charts/latencychart.h"

#include <QAbstractScrollArea>
#include <QImage>
#include <QMouseEvent>
#include <QPainter>
#include <QRandomGenerator>
#include <QWheelEvent>
#include <algorithm>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using llmdoctor::core::categoryIndex;
using llmdoctor::core::Sample;
using llmdoctor::core::SampleStore;
using llmdoctor::test::waitFor;
using llmdoctor::ui::LatencyChart;

namespace {

constexpr qsizetype kDay = 86400;
constexpr qsizetype kSpike = 43210;     // an ok sample that took 9 s
constexpr qsizetype kGateway = 50000;   // a 502 from a gateway
constexpr qsizetype kTimeout = 50500;   // no answer in time
constexpr qsizetype kReset = 51000;     // connection cut, no status
constexpr qsizetype kRateLimit = 51500; // 429

Sample okSample(quint32 timeMs, QRandomGenerator &rng)
{
    Sample s;
    s.timeMs = timeMs;
    s.dnsMs = 1.f + float(rng.bounded(1.0));
    s.connectMs = 15.f + float(rng.bounded(5.0));
    s.tlsMs = 30.f + float(rng.bounded(10.0));
    s.ttfbMs = 240.f + float(rng.bounded(80.0));
    s.totalMs = s.dnsMs + s.connectMs + s.tlsMs + s.ttfbMs + 4;
    s.status = 200;
    return s;
}

Sample failure(Sample s, quint16 status, const QString &category)
{
    s.status = status;
    s.category = categoryIndex(category);
    if (status == 0) {
        s.ttfbMs = -1;
        s.totalMs = category == u"timeout" ? 30000 : 400;
    } else {
        s.totalMs = 90;
    }
    return s;
}

// A day of one-second probes with failures of several kinds sprinkled in.
void fillDay(SampleStore &store, qsizetype n = kDay, const QList<qsizetype> &more502 = {})
{
    store.setStartedAt(QDateTime(QDate(2024, 5, 14), QTime(0, 0, 3)));
    const quint16 hops = store.internHops({u"cloudflare"_s, u"envoy"_s});
    QRandomGenerator rng(42);
    store.reserve(n);
    for (qsizetype i = 0; i < n; ++i) {
        Sample s = okSample(quint32(i * 1000), rng);
        s.hops = hops;
        if (i == kSpike)
            s.ttfbMs = s.totalMs = 9000;
        else if (i == kGateway || (i % 997 == 0 && i > 0 && i < 40000) || more502.contains(i))
            s = failure(s, 502, u"gateway_error"_s);
        else if (i == kTimeout || i % 1499 == 0)
            s = failure(s, 0, u"timeout"_s);
        else if (i == kReset || i % 2003 == 0)
            s = failure(s, 0, u"upstream_reset"_s);
        else if (i == kRateLimit)
            s = failure(s, 429, u"rate_limited"_s);
        store.append(s);
    }
}

void appendSeconds(SampleStore &store, qsizetype count)
{
    QRandomGenerator rng(7);
    const quint32 start = store.isEmpty() ? 0 : store.at(store.size() - 1).timeMs + 1000;
    for (qsizetype i = 0; i < count; ++i)
        store.append(okSample(start + quint32(i * 1000), rng));
}

struct Chart
{
    LatencyChart chart;
    explicit Chart(const SampleStore *store = nullptr)
    {
        chart.resize(1200, 500);
        chart.show();
        chart.setStore(store);
        chart.flushPendingUpdate();
    }
};

bool isRed(QRgb c)
{
    return qRed(c) > 170 && qRed(c) - qGreen(c) > 90 && qRed(c) - qBlue(c) > 90;
}

int differingPixels(const QImage &img, QRgb background)
{
    int n = 0;
    for (int y = 0; y < img.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(img.constScanLine(y));
        for (int x = 0; x < img.width(); ++x)
            n += line[x] != background;
    }
    return n;
}

QImage render(LatencyChart &chart, QSize size = QSize(1200, 500))
{
    QImage img(size, QImage::Format_ARGB32);
    img.fill(Qt::transparent);
    QPainter p(&img);
    chart.renderTo(&p, img.rect());
    p.end();
    // Set LLMDOCTOR_CHART_PNG_DIR to look at what the tests draw.
    static int n = 0;
    if (const QString dir = qEnvironmentVariable("LLMDOCTOR_CHART_PNG_DIR"); !dir.isEmpty())
        img.save(u"%1/latencychart-%2.png"_s.arg(dir).arg(++n));
    return img;
}

} // namespace

TEST(LatencyChart, DecimatesADayToAboutTwoPointsPerBucket)
{
    SampleStore store;
    fillDay(store);
    Chart c(&store);
    const int buckets = c.chart.bucketCount();
    EXPECT_GT(buckets, 800); // about the plot width of a 1200 px chart
    EXPECT_LE(buckets, 1200);
    EXPECT_LE(c.chart.linePoints().size(), 2 * buckets);
    EXPECT_GT(c.chart.linePoints().size(), buckets); // min and max of most buckets
    // Line plus failure marks (at most one per three buckets).
    EXPECT_LE(c.chart.displayedPointCount(), 2 * buckets + buckets / 3 + 1);
    // The chart keeps display points only, never a copy of the day.
    EXPECT_LT(c.chart.cachedBytes(), store.memoryBytes() / 10);
}

TEST(LatencyChart, SpikeSurvivesDecimation)
{
    SampleStore store;
    fillDay(store);
    Chart c(&store);
    const QList<QPointF> line = c.chart.linePoints();
    const auto top = std::max_element(line.begin(), line.end(),
                                      [](const QPointF &a, const QPointF &b) { return a.y() < b.y(); });
    ASSERT_NE(top, line.end());
    EXPECT_FLOAT_EQ(float(top->y()), 9000.f);
    EXPECT_EQ(qint64(top->x()), store.timeOf(store.at(kSpike)).toMSecsSinceEpoch());
}

TEST(LatencyChart, PercentileBandCoversTheUsualTimes)
{
    SampleStore store;
    fillDay(store);
    Chart c(&store);
    const auto [p50, p90] = c.chart.percentileBand();
    // ok totals are uniform-ish between about 290 and 380 ms
    EXPECT_GT(p50, 300);
    EXPECT_LT(p50, p90);
    EXPECT_LT(p90, 400);
    EXPECT_TRUE(c.chart.accessibleDescription().contains(u"nine in ten"_s))
        << c.chart.accessibleDescription().toStdString();
}

TEST(LatencyChart, ZoomShowsIndividualSamplesAndChangesTheTimeFormat)
{
    SampleStore store;
    fillDay(store);
    Chart c(&store);
    EXPECT_EQ(c.chart.timeFormat(), u"dd MMM HH:mm"_s); // a whole day

    c.chart.zoomToRange(3600 * 1000, 3 * 3600 * 1000);
    EXPECT_EQ(c.chart.timeFormat(), u"HH:mm"_s);
    EXPECT_EQ(c.chart.visibleRange(), std::make_pair(quint32(3600 * 1000), quint32(3 * 3600 * 1000)));

    const quint32 from = quint32(kGateway - 100) * 1000, to = quint32(kGateway + 200) * 1000;
    c.chart.zoomToRange(from, to);
    EXPECT_EQ(c.chart.timeFormat(), u"HH:mm:ss"_s);
    EXPECT_FALSE(c.chart.followsLiveEdge());
    // 300 samples in view: every successful one is drawn, at its own time.
    QList<qint64> expected;
    for (qsizetype i = store.lowerBound(from); i < store.lowerBound(to); ++i) {
        if (store.at(i).ok())
            expected << store.timeOf(store.at(i)).toMSecsSinceEpoch();
    }
    QList<QPointF> line = c.chart.linePoints();
    // The line may run on to one sample past the right edge (clipped), so it reaches the edge.
    const double end = double(store.startedAt().toMSecsSinceEpoch() + to);
    line.removeIf([&](const QPointF &p) { return p.x() >= end; });
    ASSERT_EQ(line.size(), expected.size());
    for (qsizetype i = 0; i < line.size(); ++i)
        EXPECT_EQ(qint64(line.at(i).x()), expected.at(i));
    // Few failures in view: each gets its own status label.
    EXPECT_TRUE(c.chart.failureLabels().contains(u"502"_s))
        << c.chart.failureLabels().join(u' ').toStdString();

    c.chart.resetZoom();
    EXPECT_TRUE(c.chart.followsLiveEdge());
    EXPECT_EQ(c.chart.visibleRange().first, 0u);
    EXPECT_GE(c.chart.visibleRange().second, store.at(store.size() - 1).timeMs);
}

TEST(LatencyChart, KeyboardZoomsAndPans)
{
    SampleStore store;
    fillDay(store, 3600);
    Chart c(&store);
    const auto whole = c.chart.visibleRange();
    QKeyEvent plus(QEvent::KeyPress, Qt::Key_Plus, Qt::NoModifier, u"+"_s);
    QCoreApplication::sendEvent(&c.chart, &plus);
    const auto zoomed = c.chart.visibleRange();
    EXPECT_LT(zoomed.second - zoomed.first, whole.second - whole.first);
    QKeyEvent left(QEvent::KeyPress, Qt::Key_Left, Qt::NoModifier);
    QCoreApplication::sendEvent(&c.chart, &left);
    EXPECT_LT(c.chart.visibleRange().first, zoomed.first);
    QKeyEvent home(QEvent::KeyPress, Qt::Key_Home, Qt::NoModifier);
    QCoreApplication::sendEvent(&c.chart, &home);
    EXPECT_EQ(c.chart.visibleRange(), whole);
}

TEST(LatencyChart, FollowsTheLiveEdgeUntilTheUserLooksAway)
{
    SampleStore store;
    fillDay(store, 600);
    Chart c(&store);
    const auto before = c.chart.visibleRange();
    EXPECT_GT(before.second, 599000u);

    // Appends are coalesced into one later redraw.
    for (int i = 0; i < 5; ++i) {
        appendSeconds(store, 20);
        c.chart.samplesAppended();
    }
    EXPECT_TRUE(c.chart.updatePending());
    EXPECT_EQ(c.chart.visibleRange(), before);
    ASSERT_TRUE(waitFor([&] { return !c.chart.updatePending(); }));
    const auto after = c.chart.visibleRange();
    EXPECT_EQ(after.first, 0u);
    EXPECT_GT(after.second, store.at(store.size() - 1).timeMs);

    // Looking at the past: new samples leave the view alone.
    c.chart.zoomToRange(100000, 200000);
    appendSeconds(store, 300);
    c.chart.samplesAppended();
    c.chart.flushPendingUpdate();
    EXPECT_EQ(c.chart.visibleRange(), std::make_pair(100000u, 200000u));

    // A zoomed view that shows the newest sample slides along, keeping its width.
    const quint32 last = store.at(store.size() - 1).timeMs;
    c.chart.zoomToRange(last - 60000, last + 1000);
    EXPECT_TRUE(c.chart.followsLiveEdge());
    appendSeconds(store, 30);
    c.chart.samplesAppended();
    c.chart.flushPendingUpdate();
    const auto slid = c.chart.visibleRange();
    EXPECT_EQ(slid.second - slid.first, 61000u);
    EXPECT_GT(slid.second, store.at(store.size() - 1).timeMs);
}

TEST(LatencyChart, IncrementalAppendMatchesAFullRedraw)
{
    SampleStore store;
    fillDay(store, 20000);
    Chart live(&store);
    QRandomGenerator rng(3);
    for (int i = 0; i < 50; ++i) {
        Sample s = okSample(store.at(store.size() - 1).timeMs + 1000, rng);
        if (i % 7 == 0)
            s = failure(s, 503, u"provider_overloaded"_s);
        store.append(s);
        live.chart.samplesAppended();
        live.chart.flushPendingUpdate();
    }
    Chart fresh(&store);
    ASSERT_EQ(live.chart.visibleRange(), fresh.chart.visibleRange());
    EXPECT_EQ(live.chart.linePoints(), fresh.chart.linePoints());
    EXPECT_EQ(live.chart.displayedPointCount(), fresh.chart.displayedPointCount());
    EXPECT_EQ(live.chart.failureLabels(), fresh.chart.failureLabels());
}

TEST(LatencyChart, HoverFindsTheFailureAndSaysItsStatus)
{
    SampleStore store;
    fillDay(store);
    Chart c(&store);

    // Zoomed out over the day, and zoomed in around it.
    for (int zoomed = 0; zoomed < 2; ++zoomed) {
        if (zoomed)
            c.chart.zoomToRange(quint32(kGateway - 60) * 1000, quint32(kGateway + 60) * 1000);
        const QPoint at = c.chart.positionOf(kGateway);
        ASSERT_TRUE(c.chart.rect().contains(at));
        EXPECT_EQ(c.chart.sampleNear(at), kGateway) << "zoomed " << zoomed;
    }
    const QString gateway = c.chart.describeSample(kGateway);
    EXPECT_TRUE(gateway.contains(u"Failed: 502 Bad Gateway from a gateway"_s)) << gateway.toStdString();
    EXPECT_TRUE(gateway.contains(u"cloudflare → envoy"_s)) << gateway.toStdString();
    EXPECT_TRUE(gateway.contains(u"local time"_s));

    const QString timeout = c.chart.describeSample(kTimeout);
    EXPECT_TRUE(timeout.contains(u"Failed: no answer in time"_s)) << timeout.toStdString();
    EXPECT_TRUE(c.chart.describeSample(kReset).contains(u"cut before an answer"_s));
    EXPECT_TRUE(c.chart.describeSample(kRateLimit).contains(u"429 Too Many Requests"_s));
    EXPECT_EQ(LatencyChart::shortOutcome(store.at(kReset)), u"reset"_s);
    EXPECT_EQ(LatencyChart::shortOutcome(store.at(kTimeout)), u"timeout"_s);

    const QString ok = c.chart.describeSample(kGateway + 5);
    EXPECT_TRUE(ok.contains(u"Worked"_s)) << ok.toStdString();
    EXPECT_TRUE(ok.contains(u"Waiting for the answer"_s));
    EXPECT_TRUE(ok.contains(u"Total"_s));

    EXPECT_EQ(c.chart.sampleNear(QPoint(2, 2)), -1); // outside the plot
    EXPECT_TRUE(c.chart.describeSample(-1).isEmpty());
}

TEST(LatencyChart, AFloodOfFailuresGetsFewLabels)
{
    SampleStore store;
    store.setStartedAt(QDateTime(QDate(2024, 5, 14), QTime(8, 0)));
    QRandomGenerator rng(9);
    for (qsizetype i = 0; i < kDay; ++i) {
        Sample s = okSample(quint32(i * 1000), rng);
        if (rng.bounded(3) == 0)
            s = failure(s, rng.bounded(2) ? 502 : 0,
                        rng.bounded(2) ? u"gateway_error"_s : u"upstream_reset"_s);
        store.append(s);
    }
    Chart c(&store);
    const QStringList labels = c.chart.failureLabels();
    EXPECT_GE(labels.size(), 1);
    EXPECT_LE(labels.size(), 40);
    EXPECT_LE(c.chart.displayedPointCount(), 2 * c.chart.bucketCount() + c.chart.bucketCount() / 3 + 1);
}

TEST(LatencyChart, IncidentsAreShadedSpans)
{
    SampleStore store;
    fillDay(store);
    Chart c(&store);
    const QDateTime start = store.startedAt();
    c.chart.setIncidents({{start.addSecs(3600), start.addSecs(2 * 3600), u"Elevated errors"_s, u"major"_s},
                          {start.addSecs(20 * 3600), {}, u"Still investigating"_s, u"critical"_s}});
    const QList<QRectF> rects = c.chart.incidentRects();
    ASSERT_EQ(rects.size(), 2);
    EXPECT_NEAR(rects.at(0).left(), c.chart.positionOf(3600).x(), 2);
    EXPECT_NEAR(rects.at(0).right(), c.chart.positionOf(7200).x(), 2);
    // No end: until now, so to the right edge of the plot.
    EXPECT_GT(rects.at(1).right(), c.chart.positionOf(kDay - 1).x());
    EXPECT_TRUE(c.chart.describeSample(5000).contains(u"Elevated errors"_s));

    QImage img = render(c.chart);
    const QRgb inside = img.pixel(int(rects.at(0).center().x()), int(rects.at(0).bottom()) - 30);
    const QRgb outside = img.pixel(int(rects.at(0).left()) - 40, int(rects.at(0).bottom()) - 30);
    EXPECT_NE(inside, outside); // shaded

    // Zoomed away from both: nothing drawn.
    c.chart.zoomToRange(10 * 3600 * 1000, 11 * 3600 * 1000);
    EXPECT_TRUE(c.chart.incidentRects().isEmpty());
}

TEST(LatencyChart, RendersFailuresInRedInLightAndDark)
{
    SampleStore store;
    fillDay(store, 600, {120, 121, 300, 450}); // ten minutes with a few failures
    Chart c(&store);
    c.chart.setIncidents(
        {{store.startedAt().addSecs(240), store.startedAt().addSecs(360), u"Elevated errors"_s, u"minor"_s}});
    for (bool dark : {false, true}) {
        if (dark) {
            QPalette pal;
            pal.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
            pal.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
            c.chart.setPalette(pal);
        }
        for (bool stacked : {false, true}) {
            c.chart.setShowPhases(stacked);
            const QImage img = render(c.chart);
            const QRgb background = c.chart.palette().color(QPalette::Window).rgb();
            EXPECT_GT(differingPixels(img, background), 20000);
            const QPoint at = c.chart.positionOf(300);
            bool red = false;
            for (int y = at.y() - 6; y <= at.y() + 6 && !red; ++y) {
                for (int x = at.x() - 6; x <= at.x() + 6 && !red; ++x)
                    red = isRed(img.pixel(x, y));
            }
            EXPECT_TRUE(red) << "dark " << dark << " stacked " << stacked;
            bool redElsewhere = false; // the success line is not red
            for (int x = 100; x < 1100 && !redElsewhere; x += 3)
                redElsewhere = isRed(img.pixel(x, c.chart.positionOf(10).y()));
            EXPECT_FALSE(redElsewhere && !stacked);
        }
    }
    EXPECT_EQ(c.chart.failureLabels().count(u"502"_s) + c.chart.failureLabels().count(u"502 ×2"_s), 3);

    // A different size for a report lays the chart out for that size.
    const QImage small = render(c.chart, QSize(640, 300));
    EXPECT_GT(differingPixels(small, c.chart.palette().color(QPalette::Window).rgb()), 5000);
}

TEST(LatencyChart, EmptyStateSaysSoInsteadOfAnEmptyGrid)
{
    Chart c;
    EXPECT_FALSE(c.chart.accessibleName().isEmpty());
    EXPECT_TRUE(c.chart.accessibleDescription().contains(u"No requests yet"_s));
    EXPECT_EQ(c.chart.displayedPointCount(), 0);
    EXPECT_EQ(c.chart.sampleNear(QPoint(600, 250)), -1);
    const QImage img = render(c.chart);
    EXPECT_GT(differingPixels(img, c.chart.palette().color(QPalette::Window).rgb()), 200); // the text

    SampleStore store;
    c.chart.setStore(&store);
    EXPECT_TRUE(c.chart.accessibleDescription().contains(u"No requests yet"_s));
    appendSeconds(store, 3);
    c.chart.samplesAppended();
    c.chart.flushPendingUpdate();
    EXPECT_FALSE(c.chart.accessibleDescription().contains(u"No requests yet"_s));
    EXPECT_EQ(c.chart.linePoints().size(), 3);
    c.chart.setStore(nullptr);
    EXPECT_EQ(c.chart.displayedPointCount(), 0);
}

TEST(LatencyChart, WheelDragAndRubberBandZoomAndPan)
{
    SampleStore store;
    fillDay(store, 3600);
    Chart c(&store);
    auto *view = c.chart.findChild<QAbstractScrollArea *>(); // the chart view
    ASSERT_NE(view, nullptr);
    QWidget *vp = view->viewport();
    const QPoint mid = vp->rect().center();
    auto send = [&](QEvent::Type type, QPoint at, Qt::MouseButton button, Qt::MouseButtons buttons,
                    Qt::KeyboardModifiers mods = Qt::NoModifier) {
        QMouseEvent e(type, QPointF(at), vp->mapToGlobal(QPointF(at)), button, buttons, mods);
        QCoreApplication::sendEvent(vp, &e);
    };
    const auto whole = c.chart.visibleRange();
    // Hovering shows the hover text (here just: it does not get in the way).
    send(QEvent::MouseMove, vp->mapFrom(&c.chart, c.chart.positionOf(300)), Qt::NoButton, Qt::NoButton);
    EXPECT_EQ(c.chart.visibleRange(), whole);

    QWheelEvent wheel(QPointF(mid), vp->mapToGlobal(QPointF(mid)), QPoint(), QPoint(0, 240), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(vp, &wheel);
    const auto zoomed = c.chart.visibleRange();
    EXPECT_LT(zoomed.second - zoomed.first, (whole.second - whole.first) * 0.7);

    // Dragging to the right shows earlier times.
    send(QEvent::MouseButtonPress, mid, Qt::LeftButton, Qt::LeftButton);
    send(QEvent::MouseMove, mid + QPoint(200, 0), Qt::NoButton, Qt::LeftButton);
    send(QEvent::MouseButtonRelease, mid + QPoint(200, 0), Qt::LeftButton, Qt::NoButton);
    const auto panned = c.chart.visibleRange();
    EXPECT_LT(panned.first, zoomed.first);
    EXPECT_EQ(panned.second - panned.first, zoomed.second - zoomed.first);
    EXPECT_FALSE(c.chart.followsLiveEdge());

    // Shift-drag marks a range to zoom into.
    send(QEvent::MouseButtonPress, mid - QPoint(100, 0), Qt::LeftButton, Qt::LeftButton, Qt::ShiftModifier);
    send(QEvent::MouseMove, mid + QPoint(100, 0), Qt::NoButton, Qt::LeftButton, Qt::ShiftModifier);
    send(QEvent::MouseButtonRelease, mid + QPoint(100, 0), Qt::LeftButton, Qt::NoButton, Qt::ShiftModifier);
    const auto band = c.chart.visibleRange();
    const double plotShare = 200.0 / c.chart.bucketCount();
    EXPECT_NEAR(double(band.second - band.first), (panned.second - panned.first) * plotShare,
                (panned.second - panned.first) * 0.02);

    send(QEvent::MouseButtonDblClick, mid, Qt::LeftButton, Qt::LeftButton);
    EXPECT_EQ(c.chart.visibleRange(), whole);
    EXPECT_TRUE(c.chart.followsLiveEdge());
}

TEST(LatencyChart, RendersForAReportWithoutBeingShown)
{
    SampleStore store;
    fillDay(store, 600, {300});
    LatencyChart chart; // never shown, as when a report is written
    chart.setStore(&store);
    const QImage img = render(chart, QSize(900, 360));
    EXPECT_GT(differingPixels(img, chart.palette().color(QPalette::Window).rgb()), 10000);
    int red = 0;
    for (int y = 0; y < img.height(); ++y) {
        for (int x = 0; x < img.width(); ++x)
            red += isRed(img.pixel(x, y));
    }
    EXPECT_GT(red, 10); // the failure marks
    EXPECT_TRUE(chart.failureLabels().contains(u"502"_s)) << chart.failureLabels().join(u' ').toStdString();
}
