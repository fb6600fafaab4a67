#include "phasechart.h"

#include "chartstyle.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QVBoxLayout>
#include <QValueAxis>

namespace llmdoctor::ui {

using namespace Qt::StringLiterals;

namespace {

// Fixed phase colours, chosen to stay distinct and readable on light and dark windows.
QColor phaseColour(const QString &key)
{
    if (key == u"dns")
        return QColor(0x4e, 0x79, 0xd8);
    if (key == u"connect")
        return QColor(0x2f, 0xa8, 0x8f);
    if (key == u"tls")
        return QColor(0xc9, 0x8b, 0x12);
    return QColor(0xd0, 0x5a, 0x48);
}

} // namespace

PhaseChart::PhaseChart(QWidget *parent) : QWidget(parent), m_chart(new QChart), m_view(new QChartView(this))
{
    setObjectName(u"phaseChart"_s);
    m_chart->setBackgroundVisible(false);
    m_chart->setPlotAreaBackgroundVisible(false);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    // QChartView starts with a chart of its own, which setChart() lets go of without deleting.
    QChart *const placeholder = m_view->chart();
    m_view->setChart(m_chart); // the view owns the chart
    delete placeholder;
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setBackgroundRole(QPalette::Window); // follow the system palette, light or dark
    // Tall enough for bar, axis labels and legend: Qt Charts elides labels that lack room.
    m_view->setFixedHeight(190);
    m_view->setAccessibleName(tr("Chart of how long each step of the test request took"));
    m_view->setFocusPolicy(Qt::NoFocus);
    m_view->viewport()->setFocusPolicy(Qt::NoFocus); // Tab goes to the chart itself, or past it

    m_caption = new QLabel(this);
    m_caption->setObjectName(u"phaseCaption"_s);
    m_caption->setWordWrap(true);
    m_caption->setTextFormat(Qt::PlainText);
    m_caption->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    layout->addWidget(m_caption);
    applyPalette();
}

QStringList PhaseChart::phaseKeys()
{
    return {u"dns"_s, u"connect"_s, u"tls"_s, u"ttfb"_s};
}

QString PhaseChart::phaseLabel(const QString &key)
{
    if (key == u"dns")
        return tr("Finding the server");
    if (key == u"connect")
        return tr("Connecting");
    if (key == u"tls")
        return tr("Securing");
    if (key == u"ttfb")
        return tr("Waiting for the answer");
    if (key == u"body")
        return tr("Reading the answer");
    if (key == u"total")
        return tr("Total");
    return key;
}

QString PhaseChart::formatMs(double ms)
{
    // A no-break space keeps number and unit on one line when the text wraps.
    if (ms >= 10000)
        return tr("%1 s").arg(QString::number(ms / 1000.0, 'f', 1)).replace(u' ', QChar::Nbsp);
    const QString number = ms < 0.05 ? u"0"_s : QString::number(ms, 'f', ms < 10 ? 1 : 0);
    return tr("%1 ms").arg(number).replace(u' ', QChar::Nbsp);
}

void PhaseChart::setTimings(const QMap<QString, double> &timings)
{
    m_timings = timings;
    rebuild();
}

void PhaseChart::setFailedPhase(const QString &key, const QString &sentence)
{
    m_failedKey = key;
    m_failedSentence = sentence;
    rebuild();
}

QString PhaseChart::captionText() const
{
    if (!m_failedSentence.isEmpty())
        return m_failedSentence;
    // The one fact a non-expert can act on: where most of the time went.
    QString slowest;
    double most = -1;
    for (const QString &key : phaseKeys()) {
        if (m_timings.contains(key) && m_timings.value(key) > most) {
            most = m_timings.value(key);
            slowest = key;
        }
    }
    if (slowest.isEmpty())
        return {};
    const double total = m_timings.value(u"total"_s, -1);
    // English lowercases the phase's name inside the sentence; German keeps its nouns' capitals.
    //: "yes" where a phase name ("Connecting") is lowercased inside a sentence, "no" where not
    const bool lowercase = tr("yes", "lowercase phase names in sentences") == u"yes";
    const QString phase = lowercase ? phaseLabel(slowest).toLower() : phaseLabel(slowest);
    if (total > 0)
        return tr("The test request took %1 in total; most of it went to: %2.").arg(formatMs(total), phase);
    return tr("Most of the time went to: %1.").arg(phase);
}

QString PhaseChart::plainText() const
{
    QStringList parts;
    for (const QString &key : phaseKeys()) {
        if (m_timings.contains(key))
            parts << u"%1: %2"_s.arg(phaseLabel(key), formatMs(m_timings.value(key)));
    }
    if (m_timings.contains(u"total"_s))
        parts << u"%1: %2"_s.arg(phaseLabel(u"total"_s), formatMs(m_timings.value(u"total"_s)));
    return parts.join(u" · "_s);
}

void PhaseChart::rebuild()
{
    m_chart->removeAllSeries(); // deletes the series
    // removeAxis() only gives the axis back: without the delete, every redraw leaked two axes.
    for (QAbstractAxis *axis : m_chart->axes()) {
        m_chart->removeAxis(axis);
        delete axis;
    }

    auto *series = new QHorizontalStackedBarSeries;
    series->setBarWidth(0.7);
    double sum = 0;
    QStringList keys = phaseKeys();
    if (m_failedKey == u"body")
        keys << m_failedKey;
    for (const QString &key : keys) {
        if (!m_timings.contains(key))
            continue; // a phase that did not happen (plain http has no "Securing")
        const double v = std::max(0.0, m_timings.value(key));
        sum += v;
        const bool failed = key == m_failedKey;
        auto *set = new QBarSet(failed ? tr("%1 (%2, failed here)").arg(phaseLabel(key), formatMs(v))
                                       : u"%1 (%2)"_s.arg(phaseLabel(key), formatMs(v)));
        set->append(v);
        // Hatched as well as red: the failed phase stands out without telling colours apart.
        const QColor colour = failed ? QColor(0xb0, 0x1c, 0x1c) : phaseColour(key);
        set->setBrush(failed ? QBrush(colour, Qt::BDiagPattern) : QBrush(colour));
        set->setBorderColor(colour);
        series->append(set);
    }
    m_chart->addSeries(series);

    auto *category = new QBarCategoryAxis;
    category->append(tr("Test request"));
    category->setVisible(false); // one bar: its name adds nothing
    m_chart->addAxis(category, Qt::AlignLeft);
    series->attachAxis(category);

    auto *value = new QValueAxis;
    value->setRange(0, sum > 0 ? sum * 1.05 : 1.0);
    value->applyNiceNumbers();
    value->setLabelFormat(value->max() < 5 ? u"%.1f ms"_s : u"%.0f ms"_s);
    m_chart->addAxis(value, Qt::AlignBottom);
    series->attachAxis(value);

    m_view->setAccessibleDescription(plainText());
    m_caption->setText(captionText());
    applyPalette();
}

void PhaseChart::applyPalette()
{
    const QPalette pal = palette();
    applyChartPalette(m_chart, pal, font(), 0.2, 0.2);
}

void PhaseChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyPalette();
}

} // namespace llmdoctor::ui
