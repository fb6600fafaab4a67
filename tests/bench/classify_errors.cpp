// What reading a pasted error costs. The wizard's "paste an error" box classifies on the UI thread,
// so the worst case matters as much as the typical one: a frame is 16 ms. Texts are every corpus and
// documented wording in tests/data; the worst case is a 1 MiB paste (the scan limit) of log lines.
// Reports, does not assert. Run: build/default/tests/bench/classify_errors
#include "core/diagnosis/errorclassifier.h"
#include "core/diagnosis/wordmodel.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <benchmark/benchmark.h>
#include <cstdio>

using namespace Qt::StringLiterals;
using llmdoctor::core::classifyErrorText;

namespace {

QStringList loadTexts()
{
    QStringList texts;
    const QDir data(QStringLiteral(LLMDOCTOR_SOURCE_DIR "/tests/data"));
    const QStringList files =
        data.entryList({u"real_error_corpus*.json"_s, u"documented_error_wordings.json"_s});
    for (const QString &name : files) {
        QFile file(data.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
        const QJsonArray rows = doc.isArray() ? doc.array() : doc.object().value(u"wordings"_s).toArray();
        for (const QJsonValue &row : rows) {
            const QString text = row.toObject().value(u"text"_s).toString();
            if (!text.isEmpty())
                texts.append(text);
        }
    }
    return texts;
}

const QStringList &texts()
{
    static const QStringList all = loadTexts();
    return all;
}

// A long paste: corpus texts joined as log lines until the classifier's 1 MiB scan limit.
QString mebibytePaste()
{
    QString paste;
    paste.reserve(1 << 20);
    for (qsizetype i = 0; paste.size() < (1 << 20); ++i)
        paste += u"2026-12-03T14:00:00Z ERROR "_s + texts().at(i % texts().size()) + u'\n';
    return paste.left(1 << 20);
}

void BM_ClassifyEveryCorpusText(benchmark::State &state)
{
    for (auto _ : state) {
        for (const QString &text : texts())
            benchmark::DoNotOptimize(classifyErrorText(text));
    }
    state.counters["texts"] = double(texts().size());
    state.counters["texts_per_s"] =
        benchmark::Counter(double(texts().size()), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_ClassifyEveryCorpusText)->Unit(benchmark::kMillisecond);

void BM_ClassifyLongestCorpusText(benchmark::State &state)
{
    const QString longest = *std::ranges::max_element(texts(), {}, &QString::size);
    for (auto _ : state)
        benchmark::DoNotOptimize(classifyErrorText(longest));
    state.counters["chars"] = double(longest.size());
}
BENCHMARK(BM_ClassifyLongestCorpusText)->Unit(benchmark::kMicrosecond);

void BM_ClassifyMebibytePaste(benchmark::State &state)
{
    const QString paste = mebibytePaste();
    for (auto _ : state)
        benchmark::DoNotOptimize(classifyErrorText(paste));
    state.counters["chars"] = double(paste.size());
}
BENCHMARK(BM_ClassifyMebibytePaste)->Unit(benchmark::kMillisecond);

// The second reading's share of the above: it reads at most the first 64 KiB.
void BM_SecondReadingMebibytePaste(benchmark::State &state)
{
    const QString paste = mebibytePaste();
    for (auto _ : state)
        benchmark::DoNotOptimize(llmdoctor::core::WordModel::shared().categoryOf(paste));
}
BENCHMARK(BM_SecondReadingMebibytePaste)->Unit(benchmark::kMillisecond);

void BM_SecondReadingEveryCorpusText(benchmark::State &state)
{
    for (auto _ : state) {
        for (const QString &text : texts())
            benchmark::DoNotOptimize(llmdoctor::core::WordModel::shared().categoryOf(text));
    }
}
BENCHMARK(BM_SecondReadingEveryCorpusText)->Unit(benchmark::kMillisecond);

// The first call pays for loading and compiling the signature catalogue; the distribution of single
// texts shows whether any one wording is slow, which a mean over all of them would hide.
void printFirstCallAndSpread()
{
    QElapsedTimer timer;
    timer.start();
    benchmark::DoNotOptimize(llmdoctor::core::WordModel::shared().problems());
    const double modelMs = double(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    benchmark::DoNotOptimize(classifyErrorText(u"Error code: 502"_s));
    const double firstMs = double(timer.nsecsElapsed()) / 1e6;

    std::vector<double> perText;
    perText.reserve(size_t(texts().size()));
    for (const QString &text : texts()) {
        double best = 1e12;
        for (int i = 0; i < 5; ++i) {
            timer.restart();
            benchmark::DoNotOptimize(classifyErrorText(text));
            best = std::min(best, double(timer.nsecsElapsed()) / 1e3);
        }
        perText.push_back(best);
    }
    std::ranges::sort(perText);
    const auto at = [&](double q) { return perText.at(size_t(q * double(perText.size() - 1))); };
    std::printf("second-reading model load: %.1f ms\n", modelMs);
    std::printf("catalogue load and first text: %.1f ms\n", firstMs);
    std::printf("%zu texts, best of 5 each: median %.0f us, p90 %.0f us, p99 %.0f us, max %.0f us\n",
                perText.size(), at(0.5), at(0.9), at(0.99), perText.back());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    if (texts().isEmpty()) {
        std::fprintf(stderr, "no corpus texts under %s/tests/data\n", LLMDOCTOR_SOURCE_DIR);
        return 1;
    }
    printFirstCallAndSpread();
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
