#include "latencychart.h"

#include "chartstyle.h"
#include "phasechart.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QEvent>
#include <QFontMetrics>
#include <QGraphicsLayout>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QKeyEvent>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QRubberBand>
#include <QScatterSeries>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>
#include <limits>

namespace llmdoctor::ui {

using namespace Qt::StringLiterals;
using core::Sample;

namespace {

constexpr int kTotal = 4;        // samplePhases() index of the total
constexpr int kFailureGroup = 3; // decimation buckets per failure mark: marks are wider than a pixel
constexpr int kStackGroup = 4;   // buckets per point of the stacked areas (see updateSeries)
constexpr quint32 kMinSpanMs = 1000;
constexpr double kHoverPx = 6;
constexpr qint64 kDayMs = 24 * 3600 * 1000;

// PhaseChart's phase colours, but for waiting: its coral is the biggest area here and would
// read as "failed" next to the red failure marks, so violet.
QColor phaseColour(int phase)
{
    static const QColor colours[] = {QColor(0x4e, 0x79, 0xd8), QColor(0x2f, 0xa8, 0x8f),
                                     QColor(0xc9, 0x8b, 0x12), QColor(0x86, 0x6b, 0xc9)};
    return colours[std::clamp(phase, 0, 3)];
}

bool isDark(const QPalette &pal)
{
    return pal.color(QPalette::Window).lightness() < 128;
}

// Blue rather than green for success: it stays apart from the red failures for red-green
// colour blindness too.
QColor successColour(const QPalette &pal)
{
    return isDark(pal) ? QColor(0x6e, 0xa8, 0xff) : QColor(0x1f, 0x5f, 0xc8);
}

QColor failureColour(const QPalette &pal)
{
    return isDark(pal) ? QColor(0xff, 0x6b, 0x6b) : QColor(0xd0, 0x1f, 0x1f);
}

QColor incidentColour(const QString &severity, const QPalette &pal)
{
    QColor c;
    if (severity == u"critical")
        c = QColor(0xe0, 0x40, 0x40);
    else if (severity == u"major")
        c = QColor(0xf0, 0x8c, 0x00);
    else if (severity == u"maintenance")
        c = QColor(0x8e, 0x7c, 0xc3);
    else
        c = QColor(0xe6, 0xb4, 0x00);
    c.setAlphaF(isDark(pal) ? 0.2 : 0.16);
    return c;
}

// The smallest "round" duration at least ms long: what time steps a reader counts in.
qint64 niceStep(double ms)
{
    static const qint64 steps[] = {1000,     2000,     5000,     10000,  15000,      30000,     60000,
                                   120000,   300000,   600000,   900000, 1800000,    3600000,   7200000,
                                   10800000, 21600000, 43200000, kDayMs, 2 * kDayMs, 7 * kDayMs};
    for (qint64 s : steps) {
        if (s >= ms)
            return s;
    }
    return 7 * kDayMs * qint64(std::ceil(ms / double(7 * kDayMs)));
}

// 1, 2, 2.5 or 5 times a power of ten, at least v.
double niceNumber(double v)
{
    if (v <= 0)
        return 1;
    const double p = std::pow(10.0, std::floor(std::log10(v)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (m * p >= v * (1 - 1e-9))
            return m * p;
    }
    return 10 * p;
}

// Status lines are protocol texts people search for, so they stay untranslated.
QString reasonPhrase(quint16 status)
{
    switch (status) {
    case 400:
        return u"Bad Request"_s;
    case 401:
        return u"Unauthorized"_s;
    case 402:
        return u"Payment Required"_s;
    case 403:
        return u"Forbidden"_s;
    case 404:
        return u"Not Found"_s;
    case 408:
        return u"Request Timeout"_s;
    case 409:
        return u"Conflict"_s;
    case 413:
        return u"Payload Too Large"_s;
    case 422:
        return u"Unprocessable Entity"_s;
    case 429:
        return u"Too Many Requests"_s;
    case 500:
        return u"Internal Server Error"_s;
    case 501:
        return u"Not Implemented"_s;
    case 502:
        return u"Bad Gateway"_s;
    case 503:
        return u"Service Unavailable"_s;
    case 504:
        return u"Gateway Timeout"_s;
    case 520:
        return u"Web Server Returned an Unknown Error"_s;
    case 521:
        return u"Web Server Is Down"_s;
    case 522:
        return u"Connection Timed Out"_s;
    case 523:
        return u"Origin Is Unreachable"_s;
    case 524:
        return u"A Timeout Occurred"_s;
    case 529:
        return u"Overloaded"_s;
    default:
        return {};
    }
}

// The end of the whole-run view: some room right of the newest sample, so the axis does not
// move with every sample, rounded to a step a reader counts in.
quint32 liveEnd(quint32 last)
{
    const double want = std::max(60000.0, last * 1.04 + 1000);
    const qint64 step = niceStep(want / 40);
    return quint32(
        std::min<qint64>(std::numeric_limits<quint32>::max(), qint64(std::ceil(want / double(step))) * step));
}

} // namespace

LatencyChart::LatencyChart(QWidget *parent)
    : QWidget(parent), m_chart(new QChart), m_view(new QChartView(this)), m_timeAxis(new QDateTimeAxis),
      m_valueAxis(new QValueAxis), m_line(new QLineSeries), m_failureSeries(new QScatterSeries),
      m_failureTimes(new QScatterSeries), m_band(new QAreaSeries), m_bandLow(new QLineSeries(m_band)),
      m_bandHigh(new QLineSeries(m_band)), m_emptyText(new QGraphicsSimpleTextItem(m_chart))
{
    setObjectName(u"latencyChart"_s);
    setAccessibleName(tr("Chart of how long each request took over time"));
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(360, 220);

    m_chart->setBackgroundVisible(false);
    m_chart->setPlotAreaBackgroundVisible(false);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    // QChartView starts with a chart of its own, which setChart() lets go of without deleting.
    QChart *const placeholder = m_view->chart();
    m_view->setChart(m_chart); // the view owns the chart
    delete placeholder;
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setBackgroundRole(QPalette::Window);
    m_view->setFocusPolicy(Qt::NoFocus);
    m_view->viewport()->setFocusPolicy(Qt::NoFocus); // Tab goes to the chart itself, or past it
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->viewport()->setMouseTracking(true);
    m_view->viewport()->installEventFilter(this);

    m_timeAxis->setFormat(u"HH:mm:ss"_s);
    m_valueAxis->setTitleText(tr("Time to answer (ms)"));
    m_valueAxis->setLabelFormat(u"%.0f"_s);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_valueAxis, Qt::AlignLeft);

    auto add = [this](QAbstractSeries *series) {
        m_chart->addSeries(series);
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_valueAxis);
    };
    // Added back to front: later series are drawn on top.
    m_band->setUpperSeries(m_bandHigh);
    m_band->setLowerSeries(m_bandLow);
    m_band->setName(tr("Usual range: half of the requests were faster than the lower edge, "
                       "nine in ten faster than the upper"));
    add(m_band);
    const QStringList phases = PhaseChart::phaseKeys();
    for (int k = 0; k < int(phases.size()); ++k) {
        auto *area = new QAreaSeries;
        auto *upper = new QLineSeries(area); // the area does not own its lines
        area->setUpperSeries(upper);
        QLineSeries *lower = nullptr;
        if (k > 0) {
            lower = new QLineSeries(area);
            area->setLowerSeries(lower);
        }
        area->setName(PhaseChart::phaseLabel(phases.at(k)));
        area->setVisible(false);
        m_phaseAreas.append(area);
        m_phaseUpper.append(upper);
        m_phaseLower.append(lower);
        add(area);
    }
    m_line->setName(tr("Worked: time to answer"));
    add(m_line);
    m_failureSeries->setName(tr("Failed"));
    m_failureSeries->setMarkerShape(QScatterSeries::MarkerShapeTriangle);
    m_failureSeries->setMarkerSize(9);
    add(m_failureSeries);
    // When nothing worked there is no line: each failure at how long it took to fail instead.
    m_failureTimes->setName(tr("Failed: time until it failed"));
    m_failureTimes->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    m_failureTimes->setMarkerSize(7);
    m_failureTimes->setVisible(false);
    add(m_failureTimes);

    m_emptyText->setText(tr("No requests yet\nThe chart fills in as soon as the first request is made."));
    m_emptyText->setZValue(10);

    m_updateTimer.setSingleShot(true);
    m_updateTimer.setInterval(33); // about 30 redraws a second at most, however fast samples come
    connect(&m_updateTimer, &QTimer::timeout, this, &LatencyChart::flushPendingUpdate);
    connect(m_chart, &QChart::plotAreaChanged, this, [this](const QRectF &) {
        if (bucketsStale()) {
            m_fullRebuild = true;
            scheduleUpdate();
        }
        layoutOverlays();
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    applyPalette();
    resetZoom();
}

LatencyChart::~LatencyChart() = default;

void LatencyChart::setStore(const core::SampleStore *store)
{
    m_store = store;
    m_epochMs = store && store->startedAt().isValid() ? store->startedAt().toMSecsSinceEpoch() : 0;
    m_decimatedCount = 0;
    resetZoom();
}

bool LatencyChart::isEmptyStore() const
{
    return !m_store || m_store->isEmpty();
}

quint32 LatencyChart::lastTimeMs() const
{
    return isEmptyStore() ? 0 : m_store->at(m_store->size() - 1).timeMs;
}

int LatencyChart::plotBuckets() const
{
    const double w = m_chart->plotArea().width();
    if (w >= 20)
        return int(w);
    return std::max(100, width() - 80); // not laid out yet
}

bool LatencyChart::bucketsStale() const
{
    // Within a few per cent is close enough: axis labels of another width move the plot edge
    // by a few pixels on most zooms, and decimating twice per zoom is what this avoids.
    return std::abs(plotBuckets() - m_buckets) > std::max(4, m_buckets / 32);
}

void LatencyChart::samplesAppended()
{
    if (!m_store)
        return;
    scheduleUpdate();
}

void LatencyChart::scheduleUpdate()
{
    // Not restarted by later calls: the first append of a burst bounds the delay.
    if (!m_updateTimer.isActive())
        m_updateTimer.start();
}

void LatencyChart::flushPendingUpdate()
{
    m_updateTimer.stop();
    QGraphicsLayout *layout = m_chart->layout();
    if (layout)
        layout->activate();                              // the plot width decides the bucket count
    if (m_store && m_store->size() < m_decimatedCount) { // the store was cleared and refilled
        resetZoom();
        return;
    }
    if (moveLiveEdge() || m_fullRebuild || bucketsStale())
        rebuild();
    else if (m_store && m_decimatedCount < m_store->size())
        appendTail();
    if (!layout)
        return;
    // New axis ranges change label widths, so the plot area too: lay out again (the legend
    // first, it lays out on its own), and once more if that changed the bucket count.
    if (QGraphicsLayout *legend = m_chart->legend()->layout())
        legend->activate();
    layout->activate();
    if (bucketsStale()) {
        rebuild();
        layout->activate();
    }
}

bool LatencyChart::moveLiveEdge()
{
    if (isEmptyStore() || m_follow == Follow::None)
        return false;
    const quint32 last = lastTimeMs();
    if (last < m_to && !(m_follow == Follow::All && m_from != 0))
        return false;
    if (m_follow == Follow::All) {
        m_from = 0;
        m_to = liveEnd(last);
    } else {
        const quint32 span = m_to - m_from;
        const qint64 shift = qint64(last) + 1 - m_to + span / 20;
        const qint64 q = std::max<qint64>(1, m_bucketMs);
        const qint64 by = (shift + q - 1) / q * q;
        m_from = quint32(std::min<qint64>(qint64(m_from) + by, std::numeric_limits<quint32>::max() - span));
        m_to = m_from + span;
    }
    return true;
}

void LatencyChart::rebuild()
{
    m_fullRebuild = false;
    m_buckets = plotBuckets();
    m_bucketMs = std::max<qint64>(1, (qint64(m_to - m_from) + m_buckets - 1) / m_buckets);
    m_points.clear();
    m_failures.clear();
    m_decimatedCount = 0;
    m_allSamples = false;
    if (!isEmptyStore()) {
        m_points = core::decimateMinMax(*m_store, m_from, decimationEnd(), m_buckets, kTotal, true);
        m_allSamples =
            m_store->lowerBound(decimationEnd()) - m_store->lowerBound(m_from) <= 2 * qsizetype(m_buckets);
        updateFailures(m_store->lowerBound(m_from));
        m_decimatedCount = m_store->size();
    }
    updateSeries();
}

void LatencyChart::appendTail()
{
    const qsizetype n = m_store->size();
    const quint32 firstNew = m_store->at(m_decimatedCount).timeMs;
    if (firstNew >= decimationEnd()) { // all beyond the window the user looks at
        m_decimatedCount = n;
        return;
    }
    if (firstNew < m_from) {
        rebuild();
        return;
    }
    // decimateMinMax keeps every sample of a range that has few: then redraw it all, it is cheap.
    const qsizetype inRange = m_store->lowerBound(decimationEnd()) - m_store->lowerBound(m_from);
    if (m_allSamples || inRange <= 2 * qsizetype(m_buckets)) {
        rebuild();
        return;
    }
    // Bucket edges stay where they were, so only the buckets new samples fell into change; each
    // is decimated on its own, giving the same points as decimating the whole range.
    const qint64 k = (firstNew - m_from) / m_bucketMs;
    const quint32 tailFrom = quint32(m_from + k * m_bucketMs);
    while (!m_points.isEmpty() && m_points.constLast().timeMs >= tailFrom)
        m_points.removeLast();
    const quint32 newest = m_store->at(n - 1).timeMs;
    const qint64 lastBucket = std::min<qint64>(m_buckets - 1, (qint64(newest) - m_from) / m_bucketMs);
    for (qint64 b = k; b <= lastBucket; ++b) {
        const quint32 from = quint32(m_from + b * m_bucketMs);
        const quint32 to = b == m_buckets - 1 ? decimationEnd() : quint32(from + m_bucketMs);
        m_points.append(core::decimateMinMax(*m_store, from, to, 1, kTotal, true));
    }
    const qint64 groupMs = m_bucketMs * kFailureGroup;
    const quint32 failFrom = quint32(m_from + (firstNew - m_from) / groupMs * groupMs);
    while (!m_failures.empty() && m_store->at(m_failures.back().index).timeMs >= failFrom)
        m_failures.pop_back();
    updateFailures(m_store->lowerBound(failFrom));
    m_decimatedCount = n;
    updateSeries();
}

void LatencyChart::updateFailures(qsizetype fromIndex)
{
    // One mark per few pixel columns, however many failures fall there: a flood stays bounded.
    const qsizetype end = m_store->lowerBound(decimationEnd());
    const qint64 groupMs = m_bucketMs * kFailureGroup;
    qint64 lastGroup = -1;
    QString lastText;
    for (qsizetype i = fromIndex; i < end; ++i) {
        const Sample &s = m_store->at(i);
        if (s.ok())
            continue;
        const qint64 g = (s.timeMs - m_from) / groupMs;
        if (g != lastGroup || m_failures.empty()) {
            m_failures.push_back({i, 1, false});
            lastGroup = g;
            lastText = shortOutcome(s);
        } else {
            FailureMark &mark = m_failures.back();
            ++mark.count;
            if (!mark.mixed && shortOutcome(s) != lastText)
                mark.mixed = true;
        }
    }
}

void LatencyChart::updatePercentiles()
{
    m_p50 = m_p90 = -1;
    if (isEmptyStore())
        return;
    // Over what is visible. Past ~8k samples, every n-th one: the band's edges then move by far
    // less than a pixel, and a frame at a day of samples stays cheap. Not kept between frames.
    std::vector<float> totals;
    const qsizetype first = m_store->lowerBound(m_from), last = m_store->lowerBound(m_to);
    const qsizetype stride = std::max<qsizetype>(1, (last - first) / 8192);
    totals.reserve(size_t(std::max<qsizetype>(0, (last - first) / stride + 1)));
    for (qsizetype i = first; i < last; i += stride) {
        const Sample &s = m_store->at(i);
        if (s.ok() && s.totalMs >= 0)
            totals.push_back(s.totalMs);
    }
    if (totals.size() < 5)
        return;
    const auto i90 = totals.begin() + qsizetype(0.9 * double(totals.size() - 1));
    const auto i50 = totals.begin() + qsizetype(0.5 * double(totals.size() - 1));
    std::nth_element(totals.begin(), i90, totals.end());
    std::nth_element(totals.begin(), i50, i90); // the lower 90 % is already in front
    m_p90 = *i90;
    m_p50 = *i50;
}

void LatencyChart::updateSeries()
{
    const bool empty = isEmptyStore();
    updatePercentiles();

    double yMax = 0; // scaled to what is drawn: the line, or the stacked means
    if (!m_stacked) {
        yMax = std::max(0.0, m_p90);
        for (const core::ChartPoint &p : m_points)
            yMax = std::max(yMax, double(p.value));
    }
    QList<QPointF> line;
    line.reserve(m_points.size());
    for (const core::ChartPoint &p : m_points)
        line.append({xValue(p.timeMs), p.value});

    QList<QList<QPointF>> layers(m_phaseUpper.size());
    if (m_stacked && !empty) {
        for (auto &l : layers)
            l.reserve(m_points.size());
        auto stack = [&](double x, const double(&phases)[4]) {
            double sum = 0;
            for (int k = 0; k < int(layers.size()); ++k) {
                sum += phases[k];
                layers[k].append({x, sum});
            }
            yMax = std::max(yMax, sum);
        };
        // Where the time goes is an average: the mean phases of every few pixel columns. Min/max
        // per pixel would draw a comb of thin spikes, no easier to read, and Qt's rasteriser
        // takes time that grows faster than the vertex count on such jagged fills (tens of ms
        // at one point per pixel, a few at one per four). Spikes stay visible in the line view.
        const qsizetype first = m_store->lowerBound(m_from), last = m_store->lowerBound(decimationEnd());
        const qint64 groupMs = m_bucketMs * kStackGroup;
        const bool each = last - first <= m_buckets / kStackGroup; // few enough to draw each one
        double sums[4] = {0, 0, 0, 0};
        int count = 0;
        qint64 group = -1;
        auto flush = [&] {
            if (count == 0)
                return;
            double means[4];
            for (int k = 0; k < 4; ++k)
                means[k] = sums[k] / count;
            stack(xValue(quint32(m_from + group * groupMs + groupMs / 2)), means);
            std::fill(std::begin(sums), std::end(sums), 0.0);
            count = 0;
        };
        for (qsizetype i = first; i < last; ++i) {
            const Sample &s = m_store->at(i);
            if (!s.ok() || s.totalMs < 0)
                continue;
            if (each) {
                const double phases[4] = {std::max(0.0f, s.dnsMs), std::max(0.0f, s.connectMs),
                                          std::max(0.0f, s.tlsMs), std::max(0.0f, s.ttfbMs)};
                stack(xValue(s.timeMs), phases);
                continue;
            }
            const qint64 g = (s.timeMs - m_from) / groupMs;
            if (g != group) {
                flush();
                group = g;
            }
            for (int k = 0; k < 4; ++k)
                sums[k] += std::max(0.0f, s.phase(k));
            ++count;
        }
        flush();
    }

    QList<QPointF> failedTimes;
    if (!empty && m_points.isEmpty()) {
        for (const FailureMark &f : m_failures) {
            const Sample &s = m_store->at(f.index);
            if (s.totalMs >= 0) {
                failedTimes.append({xValue(s.timeMs), s.totalMs});
                yMax = std::max(yMax, double(s.totalMs));
            }
        }
    }

    // Headroom above the highest point for the failure marks and their labels.
    m_yMax = niceTop(yMax > 0 ? yMax * 1.25 : 1000);
    // A new axis range makes every series recompute its geometry: empty them first, so that
    // happens once, with the new points, rather than twice.
    if (m_timeAxis->min().toMSecsSinceEpoch() != m_epochMs + m_from ||
        m_timeAxis->max().toMSecsSinceEpoch() != m_epochMs + m_to || m_valueAxis->max() != m_yMax) {
        m_line->clear();
        m_failureSeries->clear();
        m_failureTimes->clear();
        for (QLineSeries *s : std::as_const(m_phaseUpper))
            s->clear();
    }
    updateAxes();
    m_line->replace(line);
    // A handful of requests (a retry run) would be a line too short to see: mark each one.
    m_line->setPointsVisible(line.size() < 60);
    m_line->setMarkerSize(5);
    for (int k = 0; k < int(layers.size()); ++k) {
        m_phaseUpper[k]->replace(layers[k]);
        if (k + 1 < int(layers.size()))
            m_phaseLower[k + 1]->replace(layers[k]);
    }

    const double lane = failureLaneValue();
    QList<QPointF> marks;
    marks.reserve(qsizetype(m_failures.size()));
    for (const FailureMark &f : m_failures)
        marks.append({xValue(m_store->at(f.index).timeMs), lane});
    m_failureSeries->replace(marks);
    m_failureTimes->replace(failedTimes);
    m_failureTimes->setVisible(!failedTimes.isEmpty());

    // Stacked phases tell where time went; the band, about the total, would sit on top of them.
    const bool band = !empty && !m_stacked && m_p50 >= 0;
    if (band) {
        m_bandLow->replace({{xValue(m_from), m_p50}, {xValue(m_to), m_p50}});
        m_bandHigh->replace({{xValue(m_from), m_p90}, {xValue(m_to), m_p90}});
    }
    m_band->setVisible(band);
    m_line->setVisible(!empty && !m_stacked);
    for (QAreaSeries *a : std::as_const(m_phaseAreas))
        a->setVisible(!empty && m_stacked);
    m_failureSeries->setVisible(!empty);
    m_timeAxis->setVisible(!empty);
    m_valueAxis->setVisible(!empty);
    m_chart->legend()->setVisible(!empty);
    // A series without points still gets a legend entry; leave out the ones with nothing to say.
    for (QLegendMarker *marker : m_chart->legend()->markers(m_failureSeries))
        marker->setVisible(!m_failures.empty());
    for (QLegendMarker *marker : m_chart->legend()->markers(m_failureTimes))
        marker->setVisible(!failedTimes.isEmpty());
    m_emptyText->setVisible(empty);

    layoutOverlays();
    updateAccessibleText();
}

void LatencyChart::updateAxes()
{
    const qint64 span = qint64(m_to) - m_from;
    m_timeAxis->setFormat(timeFormat());
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(m_epochMs + m_from),
                         QDateTime::fromMSecsSinceEpoch(m_epochMs + m_to));
    const QFontMetrics fm(m_timeAxis->labelsFont());
    const int labelWidth =
        fm.horizontalAdvance(QDateTime::fromMSecsSinceEpoch(m_epochMs).toString(timeFormat()));
    const int most = int(std::clamp<qint64>(m_buckets / (labelWidth + 48) + 1, 2, 13));
    // QDateTimeAxis spaces its ticks evenly from the range start: pick a count whose spacing is
    // a whole unit of what the labels show, so they step by 90 s or 5 h rather than 1:17:23.
    // Round steps first (15 s, 5 min, 1 h), else whole ones (1 s, 1 min, 15 min).
    const std::pair<qint64, qint64> units = span <= 20 * 60 * 1000 ? std::pair<qint64, qint64>{15000, 1000}
                                            : span < kDayMs        ? std::pair<qint64, qint64>{300000, 60000}
                                                            : std::pair<qint64, qint64>{3600000, 900000};
    int ticks = most;
    bool found = false;
    for (qint64 unit : {units.first, units.second}) {
        for (int t = most; t >= 4 && !found; --t) {
            if (span % (t - 1) == 0 && (span / (t - 1)) % unit == 0) {
                ticks = t;
                found = true;
            }
        }
    }
    m_timeAxis->setTickCount(int(std::min<qint64>(ticks, span / 1000 + 1)));

    const double step = niceNumber(m_yMax / 5);
    m_valueAxis->setRange(0, m_yMax);
    m_valueAxis->setTickCount(int(std::lround(m_yMax / step)) + 1);
    m_valueAxis->setLabelFormat(step < 1 ? u"%.1f"_s : u"%.0f"_s);
}

QString LatencyChart::timeFormat() const
{
    const qint64 span = qint64(m_to) - m_from;
    if (span <= 20 * 60 * 1000)
        return u"HH:mm:ss"_s;
    if (span < kDayMs)
        return u"HH:mm"_s;
    return u"dd MMM HH:mm"_s;
}

double LatencyChart::niceTop(double v)
{
    const double step = niceNumber(v / 5);
    return std::ceil(v / step - 1e-9) * step;
}

double LatencyChart::xValue(quint32 timeMs) const
{
    return double(m_epochMs + timeMs);
}

double LatencyChart::failureLaneValue() const
{
    const double h = std::max(40.0, m_chart->plotArea().height());
    return m_yMax * (1 - 9 / h);
}

QPointF LatencyChart::chartPos(quint32 timeMs, double value) const
{
    const QRectF plot = m_chart->plotArea();
    const double x = plot.left() + (double(timeMs) - m_from) / double(m_to - m_from) * plot.width();
    const double y = plot.bottom() - value / m_yMax * plot.height();
    return {x, y};
}

void LatencyChart::layoutOverlays()
{
    const QRectF plot = m_chart->plotArea();
    const QRectF all = m_chart->rect();
    const bool empty = isEmptyStore();
    m_emptyText->setPos(all.center() - m_emptyText->boundingRect().center());

    // Failure labels: neighbouring marks share one label ("502 ×12", "429, reset", "40 failed"),
    // and labels that would overlap merge, so a flood of failures still draws a handful.
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    small.setBold(true);
    const QFontMetricsF fm(small);
    struct Cluster
    {
        double xs = 0;
        int marks = 0, count = 0;
        QStringList kinds;
        bool mixed = false;
        double firstX = 0, lastX = 0, left = 0, width = 0;
        QString text;
    };
    QList<Cluster> clusters;
    auto finish = [&](Cluster &c) {
        if (c.kinds.size() == 1 && !c.mixed)
            c.text = c.count > 1 ? u"%1 ×%2"_s.arg(c.kinds.constFirst()).arg(c.count) : c.kinds.constFirst();
        else if (c.kinds.size() <= 2 && !c.mixed && c.count == c.kinds.size())
            c.text = c.kinds.join(u", "_s);
        else
            c.text = tr("%n failed", nullptr, c.count);
        c.width = fm.horizontalAdvance(c.text);
        c.left = std::clamp(c.xs / c.marks - c.width / 2, plot.left(),
                            std::max(plot.left(), plot.right() - c.width));
    };
    auto merge = [](Cluster &into, const Cluster &from) {
        into.xs += from.xs;
        into.marks += from.marks;
        into.count += from.count;
        into.mixed = into.mixed || from.mixed;
        for (const QString &k : from.kinds) {
            if (!into.kinds.contains(k))
                into.kinds << k;
        }
        into.lastX = from.lastX;
    };
    if (!empty && plot.width() > 0) {
        for (const FailureMark &f : m_failures) {
            const Sample &s = m_store->at(f.index);
            Cluster one;
            one.xs = one.firstX = one.lastX = chartPos(s.timeMs, 0).x();
            one.marks = 1;
            one.count = f.count;
            one.kinds << shortOutcome(s);
            one.mixed = f.mixed;
            // Close marks share a label, but only so far: evenly spread failures keep a label
            // every hundred pixels or so, which shows where they were dense.
            if (!clusters.isEmpty() && one.lastX - clusters.last().lastX <= 24 &&
                one.lastX - clusters.last().firstX <= 110) {
                merge(clusters.last(), one);
                continue;
            }
            if (!clusters.isEmpty())
                finish(clusters.last());
            // A label that would run into the one before joins it instead.
            finish(one);
            while (!clusters.isEmpty() && one.left < clusters.last().left + clusters.last().width + 8) {
                Cluster prev = clusters.takeLast();
                merge(prev, one);
                one = prev;
                finish(one);
            }
            clusters.append(one);
        }
        if (!clusters.isEmpty())
            finish(clusters.last());
        while (clusters.size() > 1 && clusters.last().left < clusters.at(clusters.size() - 2).left +
                                                                 clusters.at(clusters.size() - 2).width + 8) {
            Cluster last = clusters.takeLast();
            merge(clusters.last(), last);
            finish(clusters.last());
        }
    }
    const QColor red = failureColour(palette());
    const double labelY = chartPos(0, failureLaneValue()).y() + 6;
    int used = 0;
    for (const Cluster &c : std::as_const(clusters)) {
        if (used == m_failureTexts.size()) {
            auto *item = new QGraphicsSimpleTextItem(m_chart);
            item->setZValue(7);
            m_failureTexts.append(item);
        }
        QGraphicsSimpleTextItem *item = m_failureTexts.at(used++);
        item->setFont(small);
        item->setBrush(red);
        item->setText(c.text);
        item->setPos(c.left, labelY);
        item->setVisible(true);
    }
    for (int i = used; i < m_failureTexts.size(); ++i)
        m_failureTexts.at(i)->setVisible(false);

    // Incident spans behind the series, their label above the plot where no data is.
    while (m_incidentItems.size() < m_incidents.size()) {
        auto *rect = new QGraphicsRectItem(m_chart);
        rect->setPen(Qt::NoPen);
        rect->setZValue(1.5); // above the plot background, below grid and series
        auto *text = new QGraphicsSimpleTextItem(m_chart);
        text->setZValue(7);
        m_incidentItems.append(rect);
        m_incidentTexts.append(text);
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < m_incidentItems.size(); ++i) {
        QGraphicsRectItem *rect = m_incidentItems.at(i);
        QGraphicsSimpleTextItem *text = m_incidentTexts.at(i);
        rect->setVisible(false);
        text->setVisible(false);
        if (i >= m_incidents.size() || empty || plot.width() <= 0)
            continue;
        const Span &span = m_incidents.at(i);
        const qint64 start = span.start.toMSecsSinceEpoch() - m_epochMs;
        // Still going on: to the right edge, as it will be for the requests still to come.
        const qint64 end = span.end.isValid() ? span.end.toMSecsSinceEpoch() - m_epochMs
                                              : std::max<qint64>(now - m_epochMs, m_to);
        const double msToPx = plot.width() / double(m_to - m_from);
        const double x1 = std::max(plot.left(), plot.left() + double(start - m_from) * msToPx);
        const double x2 = std::min(plot.right(), plot.left() + double(end - m_from) * msToPx);
        if (x2 - x1 < 1)
            continue;
        rect->setRect(x1, plot.top(), x2 - x1, plot.height());
        rect->setBrush(incidentColour(span.severity, palette()));
        rect->setVisible(true);
        const QFontMetricsF tfm(font());
        const QString label = tfm.elidedText(span.label, Qt::ElideRight, x2 - x1 - 8);
        if (x2 - x1 >= 40 && !label.isEmpty()) {
            text->setFont(font());
            text->setBrush(palette().brush(QPalette::WindowText));
            text->setText(label);
            text->setPos(x1 + 2, plot.top() - tfm.height() - 1);
            text->setVisible(true);
        }
    }
}

QList<QRectF> LatencyChart::incidentRects() const
{
    QList<QRectF> out;
    for (QGraphicsRectItem *rect : m_incidentItems) {
        if (!rect->isVisible())
            continue;
        const QRectF scene = m_chart->mapRectToScene(rect->rect());
        const QPolygon vp = m_view->mapFromScene(scene);
        out.append(QRectF(m_view->viewport()->mapTo(this, vp.boundingRect().topLeft()), scene.size()));
    }
    return out;
}

void LatencyChart::updateAccessibleText()
{
    QString text;
    if (isEmptyStore()) {
        text = tr("No requests yet.");
    } else {
        int failed = 0;
        for (const FailureMark &f : m_failures)
            failed += f.count;
        const QString from = QDateTime::fromMSecsSinceEpoch(m_epochMs + m_from).toString(timeFormat());
        const QString to = QDateTime::fromMSecsSinceEpoch(m_epochMs + m_to).toString(timeFormat());
        text = tr("From %1 to %2: %n request(s) failed.", nullptr, failed).arg(from, to);
        if (m_p50 >= 0)
            text += u' ' + tr("Half of the requests that worked answered within %1, nine in ten within %2.")
                               .arg(PhaseChart::formatMs(m_p50), PhaseChart::formatMs(m_p90));
    }
    if (text != accessibleDescription())
        setAccessibleDescription(text);
}

void LatencyChart::setShowPhases(bool stacked)
{
    if (m_stacked == stacked)
        return;
    m_stacked = stacked;
    updateSeries();
}

void LatencyChart::setIncidents(const QList<Span> &spans)
{
    m_incidents = spans;
    layoutOverlays();
}

void LatencyChart::setRange(quint32 fromMs, quint32 toMs, Follow follow)
{
    m_from = fromMs;
    m_to = std::max(toMs, fromMs + kMinSpanMs);
    m_follow = follow;
    m_fullRebuild = true;
    flushPendingUpdate();
}

void LatencyChart::zoomToRange(quint32 fromMs, quint32 toMs)
{
    if (toMs < fromMs)
        std::swap(fromMs, toMs);
    userRange(fromMs, toMs);
}

void LatencyChart::resetZoom()
{
    m_follow = Follow::All;
    m_from = 0;
    m_to = 60000;
    moveLiveEdge();
    m_fullRebuild = true;
    flushPendingUpdate();
}

void LatencyChart::userRange(double fromMs, double toMs)
{
    // The whole-run view bounds where the user can go.
    const quint32 last = lastTimeMs();
    const double fullEnd = liveEnd(last);
    double span = std::max(double(kMinSpanMs), toMs - fromMs);
    if (span >= fullEnd) {
        resetZoom();
        return;
    }
    fromMs = std::clamp(fromMs, 0.0, fullEnd - span);
    const double to = fromMs + span;
    // A view that still shows the newest sample keeps showing it as samples come.
    const Follow follow = !isEmptyStore() && to > last ? Follow::Window : Follow::None;
    setRange(quint32(std::lround(fromMs)), quint32(std::lround(to)), follow);
}

void LatencyChart::zoomBy(double factor, double anchorMs)
{
    const double from = m_from, to = m_to;
    userRange(anchorMs - (anchorMs - from) * factor, anchorMs + (to - anchorMs) * factor);
}

void LatencyChart::panBy(double ms)
{
    userRange(double(m_from) + ms, double(m_to) + ms);
}

double LatencyChart::timeAtWidgetX(double x) const
{
    const QPoint vp = m_view->viewport()->mapFrom(this, QPoint(int(x), 0));
    const QPointF c = m_chart->mapFromScene(m_view->mapToScene(vp));
    const QRectF plot = m_chart->plotArea();
    if (plot.width() <= 0)
        return m_from;
    return m_from + (c.x() - plot.left()) / plot.width() * double(m_to - m_from);
}

qsizetype LatencyChart::sampleNear(const QPoint &widgetPos) const
{
    if (isEmptyStore())
        return -1;
    const QPoint vp = m_view->viewport()->mapFrom(this, widgetPos);
    const QPointF c = m_chart->mapFromScene(m_view->mapToScene(vp));
    const QRectF plot = m_chart->plotArea();
    if (plot.width() <= 0 || !plot.adjusted(-kHoverPx, -kHoverPx, kHoverPx, kHoverPx).contains(c))
        return -1;
    const double msPerPx = double(m_to - m_from) / plot.width();
    const double t = m_from + (c.x() - plot.left()) * msPerPx;
    const qsizetype lo = m_store->lowerBound(quint32(std::max(0.0, t - kHoverPx * msPerPx)));
    const qsizetype hi = m_store->lowerBound(quint32(std::max(0.0, t + kHoverPx * msPerPx + 1)));
    const double lane = chartPos(0, failureLaneValue()).y();
    qsizetype best = -1;
    double bestDist = 0;
    for (qsizetype i = lo; i < hi; ++i) {
        const Sample &s = m_store->at(i);
        const QPointF p = chartPos(s.timeMs, s.ok() ? std::max(0.0f, s.totalMs) : 0);
        const double dx = p.x() - c.x(), dy = (s.ok() ? p.y() : lane) - c.y();
        if (std::abs(dx) > kHoverPx)
            continue;
        const double d = dx * dx + dy * dy;
        if (best < 0 || d < bestDist) {
            best = i;
            bestDist = d;
        }
    }
    return best;
}

QPoint LatencyChart::positionOf(qsizetype index) const
{
    if (isEmptyStore() || index < 0 || index >= m_store->size())
        return {-1, -1};
    const Sample &s = m_store->at(index);
    QPointF c = chartPos(s.timeMs, s.ok() ? std::max(0.0f, s.totalMs) : failureLaneValue());
    const QPoint vp = m_view->mapFromScene(m_chart->mapToScene(c));
    return m_view->viewport()->mapTo(this, vp);
}

QString LatencyChart::shortOutcome(const Sample &sample)
{
    if (sample.ok())
        return tr("worked");
    if (sample.status != 0)
        return QString::number(sample.status);
    const QString c = core::categoryName(sample.category);
    if (c == u"upstream_reset")
        return tr("reset");
    if (c == u"timeout" || c == u"connect_timeout" || c == u"gateway_timeout")
        return tr("timeout");
    if (c == u"dns_failure")
        return tr("DNS");
    if (c == u"connection_refused")
        return tr("refused");
    if (c.startsWith(u"tls_"))
        return tr("TLS");
    if (c == u"network_unreachable")
        return tr("no network");
    if (c == u"proxy_error")
        return tr("proxy");
    return tr("failed");
}

QString LatencyChart::outcomeText(const Sample &sample)
{
    if (sample.ok())
        return tr("Worked");
    const QString c = core::categoryName(sample.category);
    if (sample.status != 0) {
        QString who;
        if (c == u"gateway_error")
            who = tr("from a gateway");
        else if (c == u"gateway_timeout")
            who = tr("from a gateway that stopped waiting for the provider");
        else if (c == u"upstream_reset")
            who = tr("from a gateway that lost its connection to the provider");
        else if (c == u"rate_limited")
            who = tr("(too many requests: the provider asks to slow down)");
        else if (c == u"quota_exhausted")
            who = tr("(the account's quota or credit is used up)");
        else if (c == u"provider_overloaded")
            who = tr("(the provider is overloaded)");
        else if (c == u"provider_outage")
            who = tr("(the provider has an outage)");
        else if (c == u"server_error")
            who = tr("from the provider's server");
        else if (c == u"auth_missing_key" || c == u"auth_invalid_key")
            who = tr("(the API key was missing or refused)");
        else if (c == u"permission_denied")
            who = tr("(the key may not do this)");
        else if (c == u"model_not_found")
            who = tr("(the model name is not known there)");
        else if (c == u"endpoint_not_found")
            who = tr("(nothing at that address)");
        else if (c == u"bad_request")
            who = tr("(the server refused the request as it was written)");
        else if (c == u"proxy_error")
            who = tr("from the proxy");
        const QString status = u"%1 %2"_s.arg(sample.status).arg(reasonPhrase(sample.status)).trimmed();
        return (who.isEmpty() ? tr("Failed: %1").arg(status) : tr("Failed: %1 %2").arg(status, who));
    }
    QString what;
    if (c == u"upstream_reset")
        what = tr("the connection was cut before an answer came");
    else if (c == u"timeout" || c == u"gateway_timeout")
        what = tr("no answer in time");
    else if (c == u"connect_timeout")
        what = tr("could not connect in time");
    else if (c == u"dns_failure")
        what = tr("the server's name could not be found");
    else if (c == u"connection_refused")
        what = tr("the server refused the connection");
    else if (c == u"network_unreachable")
        what = tr("the network could not reach the server");
    else if (c.startsWith(u"tls_"))
        what = tr("the secure connection could not be set up");
    else if (c == u"proxy_error")
        what = tr("the proxy could not pass the request on");
    else if (c == u"cancelled")
        what = tr("cancelled");
    else
        what = tr("no answer");
    return tr("Failed: %1").arg(what);
}

QString LatencyChart::describeSample(qsizetype index) const
{
    if (isEmptyStore() || index < 0 || index >= m_store->size())
        return {};
    const Sample &s = m_store->at(index);
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(m_epochMs + s.timeMs);
    QStringList lines;
    const bool days =
        lastTimeMs() >= kDayMs || QDateTime::fromMSecsSinceEpoch(m_epochMs).date() != when.date();
    const QString time = when.toString(u"HH:mm:ss"_s);
    lines
        << (days
                ? tr("%1 on %2 (local time)").arg(time, QLocale().toString(when.date(), QLocale::ShortFormat))
                : tr("%1 (local time)").arg(time));
    lines << outcomeText(s);
    const QStringList keys = PhaseChart::phaseKeys();
    QStringList phases;
    for (int k = 0; k < int(keys.size()); ++k) {
        if (s.phase(k) >= 0)
            phases << u"%1: %2"_s.arg(PhaseChart::phaseLabel(keys.at(k)), PhaseChart::formatMs(s.phase(k)));
    }
    if (!phases.isEmpty())
        lines << phases.join(u"\n"_s);
    if (s.totalMs >= 0)
        lines << (s.ok() ? tr("Total: %1") : tr("Ended after: %1")).arg(PhaseChart::formatMs(s.totalMs));
    const QStringList hops = m_store->hops(s.hops);
    if (!hops.isEmpty())
        lines << tr("Passed through: %1").arg(hops.join(u" → "_s));
    if (s.flags & Sample::ViaProxy)
        lines << tr("Went through your proxy");
    if (s.ipv6())
        lines << tr("Connected over IPv6");
    const qint64 at = when.toMSecsSinceEpoch();
    for (const Span &span : m_incidents) {
        const qint64 end =
            span.end.isValid() ? span.end.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
        if (at >= span.start.toMSecsSinceEpoch() && at < end)
            lines << tr("During a provider incident: %1").arg(span.label);
    }
    return lines.join(u'\n');
}

int LatencyChart::displayedPointCount() const
{
    int n = int(m_failureSeries->count());
    if (m_stacked) {
        for (QLineSeries *s : m_phaseUpper)
            n += int(s->count());
    } else {
        n += int(m_line->count());
    }
    return n;
}

QList<QPointF> LatencyChart::failureTimePoints() const
{
    return m_failureTimes->isVisible() ? m_failureTimes->points() : QList<QPointF>();
}

QList<QPointF> LatencyChart::linePoints() const
{
    return m_line->points();
}

QStringList LatencyChart::failureLabels() const
{
    QStringList out;
    for (QGraphicsSimpleTextItem *item : m_failureTexts) {
        if (item->isVisible())
            out << item->text();
    }
    return out;
}

qsizetype LatencyChart::cachedBytes() const
{
    // Our caches plus the copies the series keep (each series holds its QPointF list).
    qsizetype series = m_line->count() + m_failureSeries->count();
    for (QLineSeries *s : m_phaseUpper)
        series += s->count();
    for (QLineSeries *s : m_phaseLower)
        series += s ? s->count() : 0;
    return m_points.capacity() * qsizetype(sizeof(core::ChartPoint)) +
           qsizetype(m_failures.capacity() * sizeof(FailureMark)) + series * qsizetype(sizeof(QPointF));
}

void LatencyChart::renderTo(QPainter *painter, const QRect &target)
{
    // Lay the chart out at the target's size, so labels and buckets fit what is drawn.
    const QSizeF old = m_chart->size();
    const bool resized = old.toSize() != target.size();
    if (resized)
        m_chart->resize(target.size());
    flushPendingUpdate();
    painter->save();
    painter->fillRect(target, palette().window());
    painter->setRenderHint(QPainter::Antialiasing);
    m_chart->scene()->render(painter, QRectF(target), m_chart->sceneBoundingRect());
    painter->restore();
    // On screen, back to the widget's size; a chart drawn only for a report keeps this one.
    if (resized && isVisible()) {
        m_chart->resize(old);
        m_fullRebuild = true;
        scheduleUpdate();
    }
}

void LatencyChart::applyPalette()
{
    const QPalette pal = palette();
    applyChartPalette(m_chart, pal, font(), 0.15, 0.4);
    const QColor blue = successColour(pal);
    // Cosmetic and one pixel wide: Qt draws that with its fast line stroker instead of
    // outlining the line as a polygon, a few ms less for a day of min/max points.
    QPen linePen(blue, 1);
    linePen.setCosmetic(true);
    m_line->setPen(linePen);
    QColor bandFill = blue;
    bandFill.setAlphaF(isDark(pal) ? 0.3 : 0.15);
    m_band->setBrush(bandFill);
    QColor bandEdge = blue;
    bandEdge.setAlphaF(0.45);
    m_band->setPen(QPen(bandEdge, 1, Qt::DashLine));
    const QColor red = failureColour(pal);
    m_failureSeries->setColor(red);
    m_failureSeries->setBorderColor(pal.color(QPalette::Window)); // keeps neighbouring marks apart
    m_failureTimes->setColor(red);
    m_failureTimes->setBorderColor(pal.color(QPalette::Window));
    for (int k = 0; k < m_phaseAreas.size(); ++k) {
        // Opaque, but a quarter window colour to soften it: opaque fills are much cheaper
        // to paint than translucent ones over most of the plot.
        const QColor c = phaseColour(k), w = pal.color(QPalette::Window);
        m_phaseAreas[k]->setPen(Qt::NoPen);
        m_phaseAreas[k]->setBrush(QColor::fromRgbF(c.redF() * 0.75f + w.redF() * 0.25f,
                                                   c.greenF() * 0.75f + w.greenF() * 0.25f,
                                                   c.blueF() * 0.75f + w.blueF() * 0.25f));
    }
    // Room above the plot for the incident labels.
    m_chart->setMargins(QMargins(4, QFontMetrics(font()).height() + 4, 8, 4));
    m_emptyText->setBrush(pal.brush(QPalette::PlaceholderText));
    QFont big = font();
    big.setPointSizeF(font().pointSizeF() * 1.2);
    m_emptyText->setFont(big);
    layoutOverlays();
}

void LatencyChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyPalette();
}

void LatencyChart::keyPressEvent(QKeyEvent *event)
{
    const double span = double(m_to - m_from);
    const double centre = m_from + span / 2;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(0.5, centre);
        break;
    case Qt::Key_Minus:
        zoomBy(2, centre);
        break;
    case Qt::Key_Left:
        panBy(-span / 5);
        break;
    case Qt::Key_Right:
        panBy(span / 5);
        break;
    case Qt::Key_Home:
        resetZoom();
        break;
    case Qt::Key_End: // back to the newest sample, at the same zoom
        panBy(double(lastTimeMs()) + span * 0.05 - m_to);
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

bool LatencyChart::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_view->viewport())
        return QWidget::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::Wheel: {
        auto *e = static_cast<QWheelEvent *>(event);
        const QPoint pos = m_view->viewport()->mapTo(this, e->position().toPoint());
        const double steps = e->angleDelta().y() / 120.0;
        if (steps != 0 && !isEmptyStore())
            zoomBy(std::pow(0.8, steps), timeAtWidgetX(pos.x()));
        return true;
    }
    case QEvent::MouseButtonPress: {
        auto *e = static_cast<QMouseEvent *>(event);
        setFocus(Qt::MouseFocusReason);
        m_pressPos = e->position().toPoint();
        m_pressFrom = m_from;
        m_pressTo = m_to;
        // Shift-drag or the right button marks a range to zoom into; a plain drag pans.
        if (e->button() == Qt::RightButton ||
            (e->button() == Qt::LeftButton && e->modifiers() & Qt::ShiftModifier)) {
            m_drag = Drag::Zoom;
            if (!m_rubberBand)
                m_rubberBand = new QRubberBand(QRubberBand::Rectangle, m_view->viewport());
            m_rubberBand->setGeometry(QRect(m_pressPos, QSize()));
            m_rubberBand->show();
        } else if (e->button() == Qt::LeftButton) {
            m_drag = Drag::Pan;
            m_view->viewport()->setCursor(Qt::ClosedHandCursor);
        }
        QToolTip::hideText();
        return true;
    }
    case QEvent::MouseMove: {
        auto *e = static_cast<QMouseEvent *>(event);
        const QPoint pos = e->position().toPoint();
        const double plotWidth = std::max(1.0, m_chart->plotArea().width());
        if (m_drag == Drag::Pan) {
            const double ms = (pos.x() - m_pressPos.x()) * (m_pressTo - m_pressFrom) / plotWidth;
            userRange(m_pressFrom - ms, m_pressTo - ms);
        } else if (m_drag == Drag::Zoom) {
            const QRect plot =
                m_view->mapFromScene(m_chart->mapRectToScene(m_chart->plotArea())).boundingRect();
            m_rubberBand->setGeometry(QRect(QPoint(std::min(pos.x(), m_pressPos.x()), plot.top()),
                                            QPoint(std::max(pos.x(), m_pressPos.x()), plot.bottom())));
        } else {
            const qsizetype i = sampleNear(m_view->viewport()->mapTo(this, pos));
            if (i >= 0)
                QToolTip::showText(e->globalPosition().toPoint(), describeSample(i), m_view->viewport());
            else
                QToolTip::hideText();
        }
        return true;
    }
    case QEvent::MouseButtonRelease: {
        auto *e = static_cast<QMouseEvent *>(event);
        if (m_drag == Drag::Zoom) {
            m_rubberBand->hide();
            const int x1 = std::min(e->position().toPoint().x(), m_pressPos.x());
            const int x2 = std::max(e->position().toPoint().x(), m_pressPos.x());
            if (x2 - x1 >= 6) {
                const double t1 = timeAtWidgetX(m_view->viewport()->mapTo(this, QPoint(x1, 0)).x());
                const double t2 = timeAtWidgetX(m_view->viewport()->mapTo(this, QPoint(x2, 0)).x());
                userRange(t1, t2);
            }
        }
        m_drag = Drag::None;
        m_view->viewport()->unsetCursor();
        return true;
    }
    case QEvent::MouseButtonDblClick:
        resetZoom();
        return true;
    case QEvent::Leave:
        QToolTip::hideText();
        return false;
    default:
        return QWidget::eventFilter(watched, event);
    }
}

} // namespace llmdoctor::ui
