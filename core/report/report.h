#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <optional>

namespace llmdoctor::core {

class Diagnosis;
class Monitor;
class Retrier;
struct PathResult;

enum class ReportFormat
{
    Text,
    Json,
    Markdown,
    Html,
    Har
};
std::optional<ReportFormat>
reportFormatFromName(QStringView name); // "text", "json", "markdown"/"md", "html", "har"
QString reportFormatName(ReportFormat format);
QString reportFileSuffix(ReportFormat format); // "txt", "json", "md", "html", "har"
QStringList reportFormatNames();

// What a report is made of: a finished diagnosis, and the wizard's retry and monitor runs when
// there were any.
struct ReportSources
{
    const Diagnosis *diagnosis = nullptr;
    const Retrier *retry = nullptr;
    const Monitor *monitor = nullptr;
    const PathResult *path = nullptr; // the route the Watch window followed, when the diagnosis has none
};

// The report in that format, with every secret of the target (the key in any encoding, proxy
// credentials) replaced by its redacted form as a last pass.
QByteArray renderReport(const ReportSources &sources, ReportFormat format, bool color = false);

// Writes atomically: the file appears whole or not at all, and a failure leaves any old file.
// false and a plain *error ("the folder does not exist", "permission denied") otherwise.
bool writeReportFile(const QByteArray &data, const QString &path, QString *error);

// Markdown (pastes cleanly into a GitHub issue or a support form), HTML (one self-contained file
// with inline CSS and SVG charts) and HAR 1.2 (every HTTP exchange, for browser developer tools).
QByteArray markdownReport(const ReportSources &sources);
// printable: for a page layout without a browser (the wizard's PDF): no collapsed sections and
// no nested tables, column widths given.
QByteArray htmlReport(const ReportSources &sources, bool printable = false);
QByteArray harReport(const ReportSources &sources);

} // namespace llmdoctor::core
