#pragma once

#include <QMap>
#include <QStringList>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
class QLabel;
QT_END_NAMESPACE

namespace llmdoctor::ui {

// How long each phase of the test request took (finding the server, connecting, securing,
// waiting for the answer), as one horizontal stacked bar plus the same facts as plain text.
// All Qt Charts code of the wizard lives in this folder.
class PhaseChart final : public QWidget
{
    Q_OBJECT
public:
    explicit PhaseChart(QWidget *parent = nullptr);

    // Keys as in CheckResult::timings (ms): dns, connect, tls, ttfb; "total" is shown as text.
    void setTimings(const QMap<QString, double> &timings);
    // The phase a failed request died in ("ttfb", "body"...), drawn marked, and the sentence that
    // names it, which then is the caption; empty for a request that did not fail.
    void setFailedPhase(const QString &key, const QString &sentence);
    QString failedPhase() const { return m_failedKey; }
    bool isEmpty() const { return m_timings.isEmpty(); }
    QString plainText() const;   // every phase with its duration
    QString captionText() const; // the total and the slowest phase, in words

    static QStringList phaseKeys();                // dns, connect, tls, ttfb
    static QString phaseLabel(const QString &key); // "Finding the server", ...
    static QString formatMs(double ms);            // "3.4 ms", "120 ms"

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void applyPalette();

    QMap<QString, double> m_timings;
    QString m_failedKey;
    QString m_failedSentence;
    QChart *m_chart;
    QChartView *m_view;
    QLabel *m_caption;
};

} // namespace llmdoctor::ui
