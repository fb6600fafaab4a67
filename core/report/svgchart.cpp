#include "svgchart.h"

#include "../monitor/decimation.h"
#include "../monitor/sample.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

QString num(double v)
{
    return QString::number(std::round(v * 10) / 10);
}

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString msText(double ms)
{
    return ms < 10 ? QString::number(ms, 'f', 1) + u" ms"_s : QString::number(std::lround(ms)) + u" ms"_s;
}

} // namespace

QString phaseBarSvg(const PhaseDurations &d, Phase failedPhase, double failedMs, int width)
{
    struct Part
    {
        const char16_t *label;
        double ms;
        const char16_t *colour;
        Phase phase;
    };
    std::vector<Part> parts = {{u"Finding the server", d.dns, u"#4c78a8", Phase::Dns},
                               {u"Connecting", d.connect, u"#2ca58d", Phase::Connect},
                               {u"Securing (TLS)", d.tls, u"#e0a32e", Phase::Tls},
                               {u"Waiting for the answer", d.ttfb, u"#8e6bbf", Phase::Ttfb}};
    if (failedPhase == Phase::Body)
        parts.push_back({u"Reading the answer", -1, u"#8e6bbf", Phase::Body});
    // The phase it died in keeps its time, drawn in red: where a hang spent its 8 s.
    for (Part &p : parts) {
        if (p.phase == failedPhase) {
            p.ms = std::max(0.0, failedMs);
            p.colour = u"#c5221f";
        }
    }
    double total = 0;
    for (const Part &p : parts)
        total += std::max(0.0, p.ms);
    if (total <= 0)
        return {};
    const int barTop = 8, barHeight = 28, legendTop = 52;
    QString svg =
        u"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%2\" viewBox=\"0 0 %1 %2\" "
        "role=\"img\" aria-label=\"Where the time went\" font-family=\"sans-serif\" font-size=\"12\">"_s
            .arg(width)
            .arg(legendTop + 24);
    double x = 0;
    int legendX = 0;
    for (const Part &p : parts) {
        if (p.ms < 0)
            continue;
        const double w = p.ms / total * width;
        svg +=
            u"<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\"><title>%6: %7</title></rect>"_s
                .arg(num(x))
                .arg(barTop)
                .arg(num(std::max(w, 0.5)))
                .arg(barHeight)
                .arg(QString::fromUtf16(p.colour), QString::fromUtf16(p.label), msText(p.ms));
        x += w;
        const QString label = p.phase == failedPhase
                                  ? u"%1 %2 (failed here)"_s.arg(QString::fromUtf16(p.label), msText(p.ms))
                                  : u"%1 %2"_s.arg(QString::fromUtf16(p.label), msText(p.ms));
        svg +=
            u"<rect x=\"%1\" y=\"%2\" width=\"10\" height=\"10\" fill=\"%3\"/><text x=\"%4\" y=\"%5\">%6</text>"_s
                .arg(legendX)
                .arg(legendTop)
                .arg(QString::fromUtf16(p.colour))
                .arg(legendX + 14)
                .arg(legendTop + 10)
                .arg(escaped(label));
        legendX += 14 + int(label.size()) * 7 + 16;
    }
    svg += u"</svg>"_s;
    return svg;
}

QString latencySvg(const SampleStore &store, int width, int height)
{
    if (store.isEmpty())
        return {};
    const int left = 56, right = 8, top = 22, bottom = 24;
    const int plotW = width - left - right, plotH = height - top - bottom;
    const quint32 from = store.at(0).timeMs;
    const quint32 to = std::max(from + 1000, store.at(store.size() - 1).timeMs + 1);
    const QList<ChartPoint> points = decimateMinMax(store, from, to, plotW / 2, 4, true);
    double maxMs = 1;
    for (const ChartPoint &p : points)
        maxMs = std::max(maxMs, double(p.value));
    maxMs *= 1.1;
    auto xOf = [&](quint32 t) { return left + double(t - from) / double(to - from) * plotW; };
    auto yOf = [&](double v) { return top + plotH - v / maxMs * plotH; };

    QString svg =
        u"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%2\" viewBox=\"0 0 %1 %2\" "
        "role=\"img\" aria-label=\"Time to answer over time\" font-family=\"sans-serif\" font-size=\"11\">"_s
            .arg(width)
            .arg(height);
    // Axes and three value lines.
    for (int i = 0; i <= 2; ++i) {
        const double v = maxMs / 2 * i;
        svg += u"<line x1=\"%1\" x2=\"%2\" y1=\"%3\" y2=\"%3\" stroke=\"#ccc\"/><text x=\"%4\" y=\"%5\" "
               "text-anchor=\"end\">%6</text>"_s.arg(left)
                   .arg(left + plotW)
                   .arg(num(yOf(v)))
                   .arg(left - 4)
                   .arg(num(yOf(v) + 4))
                   .arg(escaped(msText(v)));
    }
    const QDateTime start = store.timeOf(store.at(0));
    const QDateTime end = store.startedAt().addMSecs(to);
    const QString fmt = start.secsTo(end) > 86400 ? u"dd MMM HH:mm"_s : u"HH:mm:ss"_s;
    svg +=
        u"<text x=\"%1\" y=\"%2\">%3</text><text x=\"%4\" y=\"%2\" text-anchor=\"end\">%5</text>"_s.arg(left)
            .arg(height - 6)
            .arg(start.toString(fmt))
            .arg(left + plotW)
            .arg(end.toString(fmt));
    if (!points.isEmpty()) {
        QString path;
        for (const ChartPoint &p : points)
            path += (path.isEmpty() ? u"M"_s : u" L"_s) + num(xOf(p.timeMs)) + u',' + num(yOf(p.value));
        svg += u"<path d=\"%1\" fill=\"none\" stroke=\"#1f6fd1\" stroke-width=\"1.5\"/>"_s.arg(path);
        if (points.size() < 60) {
            for (const ChartPoint &p : points)
                svg += u"<circle cx=\"%1\" cy=\"%2\" r=\"3\" fill=\"#1f6fd1\"/>"_s.arg(num(xOf(p.timeMs)),
                                                                                       num(yOf(p.value)));
        }
    }
    // Failures along the top, one mark per pixel column at most.
    int lastX = -10;
    int failures = 0;
    for (const Sample &s : store.samples()) {
        if (s.ok())
            continue;
        ++failures;
        const int x = int(xOf(s.timeMs));
        if (x - lastX < 2)
            continue;
        lastX = x;
        svg += u"<path d=\"M%1,%2 l-4,8 h8 z\" fill=\"#d62728\"><title>%3 (%4)</title></path>"_s.arg(x)
                   .arg(4)
                   .arg(s.status ? QString::number(s.status) : categoryName(s.category),
                        store.timeOf(s).toString(fmt));
    }
    if (failures)
        svg += u"<text x=\"%1\" y=\"%2\" fill=\"#d62728\" text-anchor=\"end\">%3 failed</text>"_s
                   .arg(left + plotW)
                   .arg(top - 4)
                   .arg(failures);
    svg += u"</svg>"_s;
    return svg;
}

} // namespace llmdoctor::core
