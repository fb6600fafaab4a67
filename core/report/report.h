#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <optional>

class QIODevice;

namespace llmdoctor::core {

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

struct Findings;

// The report in that format. The findings are already redacted: nothing here removes secrets.
QByteArray renderReport(const Findings &findings, ReportFormat format, bool color = false);
// The same, written to a device (a file, a socket, standard output); false when it would not take it.
bool writeReport(const Findings &findings, ReportFormat format, QIODevice *device, bool color = false);

// PDF needs Qt GUI, which core does not link: the app binary registers its writer at start, and
// `diagnose --format pdf` uses it when it is there.
using PdfRenderer = QByteArray (*)(const Findings &findings);
void setPdfRenderer(PdfRenderer renderer);
PdfRenderer pdfRenderer();

// Writes atomically: the file appears whole or not at all, and a failure leaves any old file.
// false and a plain *error ("the folder does not exist", "permission denied") otherwise.
bool writeReportFile(const QByteArray &data, const QString &path, QString *error);

// Markdown (pastes cleanly into a GitHub issue or a support form), HTML (one self-contained file
// with inline CSS and SVG charts) and HAR 1.2 (every HTTP exchange, for browser developer tools).
QByteArray markdownReport(const Findings &findings);
// printable: for a page layout without a browser (the wizard's PDF): no collapsed sections and
// no nested tables, column widths given.
QByteArray htmlReport(const Findings &findings, bool printable = false);
QByteArray harReport(const Findings &findings);

} // namespace llmdoctor::core
