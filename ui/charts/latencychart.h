#pragma once

#include "core/monitor/decimation.h"

#include <QDateTime>
#include <QList>
#include <QRectF>
#include <QString>
#include <QTimer>
#include <QWidget>
#include <utility>
#include <vector>

QT_BEGIN_NAMESPACE
class QAreaSeries;
class QChart;
class QChartView;
class QDateTimeAxis;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;
class QLineSeries;
class QPainter;
class QRubberBand;
class QScatterSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace llmdoctor::ui {

// How long each request of a monitor or retry run took, over time: successful requests as a
// line (or stacked phases), failures as red marks along the top with their status, the usual
// range (p50 to p90) as a band, and provider incidents as shaded spans. Draws from a
// SampleStore it does not own, decimated to about one point pair per pixel column.
class LatencyChart final : public QWidget
{
    Q_OBJECT
public:
    explicit LatencyChart(QWidget *parent = nullptr);
    ~LatencyChart() override;

    // Not owned; nullptr clears. After store->clear(), call setStore() again to start afresh.
    void setStore(const core::SampleStore *store);
    // New samples were appended to the store: redrawn at most once per ~33 ms; the view keeps
    // following the newest sample unless the user zoomed or panned away from it.
    void samplesAppended();
    void flushPendingUpdate(); // do a pending redraw now (reports, tests, benchmarks)
    bool updatePending() const { return m_updateTimer.isActive(); }

    void setShowPhases(bool stacked); // total latency line, or stacked dns/connect/tls/ttfb areas
    bool showsPhases() const { return m_stacked; }

    struct Span
    {
        QDateTime start, end; // no end: still going on
        QString label;
        QString severity; // minor | major | critical | maintenance
    };
    void setIncidents(const QList<Span> &spans);
    // Where the incident spans are drawn, in widget coordinates, for the shown ones.
    QList<QRectF> incidentRects() const;

    // Ranges are ms from the start of the run, [from, to).
    void zoomToRange(quint32 fromMs, quint32 toMs);
    void resetZoom(); // the whole run, following new samples
    std::pair<quint32, quint32> visibleRange() const { return {m_from, m_to}; }
    bool followsLiveEdge() const { return m_follow != Follow::None; }

    qsizetype sampleNear(const QPoint &widgetPos) const; // -1 when none within a few pixels in x
    QString describeSample(qsizetype index) const;       // the hover text
    QPoint positionOf(qsizetype index) const;            // where a sample is drawn, widget coordinates

    int displayedPointCount() const;   // points currently in the series
    QList<QPointF> linePoints() const; // the total-latency line as drawn (x: ms since the epoch)
    // When nothing in view worked: each failure at how long it took to fail (y: ms); else empty.
    QList<QPointF> failureTimePoints() const;
    int bucketCount() const { return m_buckets; }
    QString timeFormat() const;        // the time axis' current label format
    QStringList failureLabels() const; // the status texts drawn next to the failure marks
    std::pair<double, double> percentileBand() const { return {m_p50, m_p90}; } // ms; <0 = none
    qsizetype cachedBytes() const; // display points this widget holds (the store is not copied)

    void renderTo(QPainter *painter, const QRect &target); // for reports and the benchmark

    // Plain words for a failure's short mark ("502", "reset", "timeout") and the outcome line.
    static QString shortOutcome(const core::Sample &sample);
    static QString outcomeText(const core::Sample &sample);

protected:
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum class Follow
    {
        All,    // the whole run, growing
        Window, // a fixed-width window sliding with the newest sample
        None,   // the user looks at the past
    };
    struct FailureMark
    {
        qsizetype index; // first failure in its bucket
        int count;       // failures in the bucket
        bool mixed;      // of more than one kind
    };

    void scheduleUpdate();
    void rebuild();    // re-decimate the visible range
    void appendTail(); // decimate only the buckets new samples fell into
    void updateFailures(qsizetype fromIndex);
    void updateSeries(); // cached points -> series, axes, band, labels
    void updateAxes();
    void updatePercentiles();
    void layoutOverlays(); // failure labels, incident spans, empty text: pixel positions
    void applyPalette();
    void updateAccessibleText();
    bool isEmptyStore() const;

    void setRange(quint32 fromMs, quint32 toMs, Follow follow);
    void userRange(double fromMs, double toMs); // zoom/pan by the user: decides on following
    void zoomBy(double factor, double anchorMs);
    void panBy(double ms);
    bool moveLiveEdge(); // following: range for the newest sample; true when it changed
    quint32 lastTimeMs() const;
    quint32 decimationEnd() const { return m_from + quint32(m_bucketMs) * quint32(m_buckets); }
    int plotBuckets() const;
    bool bucketsStale() const;

    static double niceTop(double v);      // a round axis maximum of about five steps
    double xValue(quint32 timeMs) const;  // ms since the epoch, as on the time axis
    double timeAtWidgetX(double x) const; // ms from the run start
    QPointF chartPos(quint32 timeMs, double value) const;
    double failureLaneValue() const;

    const core::SampleStore *m_store = nullptr;
    qint64 m_epochMs = 0; // wall clock of time 0
    quint32 m_from = 0, m_to = 60000;
    Follow m_follow = Follow::All;
    bool m_stacked = false;
    int m_buckets = 1;
    qint64 m_bucketMs = 1;
    qsizetype m_decimatedCount = 0; // store size the cache covers
    bool m_fullRebuild = true;
    bool m_allSamples = false; // the range had so few samples that all of them are drawn
    QTimer m_updateTimer;

    QList<core::ChartPoint> m_points; // successful totals, decimated
    std::vector<FailureMark> m_failures;
    double m_p50 = -1, m_p90 = -1;
    double m_yMax = 1000;
    QList<Span> m_incidents;

    QChart *m_chart;
    QChartView *m_view;
    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_valueAxis;
    QLineSeries *m_line;
    QScatterSeries *m_failureSeries;
    QScatterSeries *m_failureTimes; // failures at their duration, when none worked
    QAreaSeries *m_band;
    QLineSeries *m_bandLow, *m_bandHigh;
    QList<QAreaSeries *> m_phaseAreas;
    QList<QLineSeries *> m_phaseUpper, m_phaseLower; // lower of layer 0 is the axis
    QList<QGraphicsSimpleTextItem *> m_failureTexts;
    QList<QGraphicsRectItem *> m_incidentItems;
    QList<QGraphicsSimpleTextItem *> m_incidentTexts;
    QGraphicsSimpleTextItem *m_emptyText;
    QRubberBand *m_rubberBand = nullptr;
    QPoint m_pressPos;
    double m_pressFrom = 0, m_pressTo = 0;
    enum class Drag
    {
        None,
        Pan,
        Zoom
    } m_drag = Drag::None;
};

} // namespace llmdoctor::ui
