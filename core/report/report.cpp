#include "report.h"

#include "findings.h"
#include "jsonreport.h"
#include "outputfile.h"
#include "textreport.h"

#include <QDir>
#include <QFileInfo>
#include <QIODevice>
#include <QJsonDocument>
#include <QSaveFile>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

std::optional<ReportFormat> reportFormatFromName(QStringView name)
{
    const QString n = name.toString().toLower();
    if (n == u"text" || n == u"txt")
        return ReportFormat::Text;
    if (n == u"json")
        return ReportFormat::Json;
    if (n == u"markdown" || n == u"md")
        return ReportFormat::Markdown;
    if (n == u"html" || n == u"htm")
        return ReportFormat::Html;
    if (n == u"har")
        return ReportFormat::Har;
    return std::nullopt;
}

QString reportFormatName(ReportFormat format)
{
    switch (format) {
    case ReportFormat::Text:
        return u"text"_s;
    case ReportFormat::Json:
        return u"json"_s;
    case ReportFormat::Markdown:
        return u"markdown"_s;
    case ReportFormat::Html:
        return u"html"_s;
    case ReportFormat::Har:
        return u"har"_s;
    }
    return {};
}

QString reportFileSuffix(ReportFormat format)
{
    switch (format) {
    case ReportFormat::Text:
        return u"txt"_s;
    case ReportFormat::Markdown:
        return u"md"_s;
    default:
        return reportFormatName(format);
    }
}

QStringList reportFormatNames()
{
    return {u"text"_s, u"json"_s, u"markdown"_s, u"html"_s, u"har"_s};
}

namespace {
PdfRenderer g_pdfRenderer = nullptr;
} // namespace

void setPdfRenderer(PdfRenderer renderer)
{
    g_pdfRenderer = renderer;
}

PdfRenderer pdfRenderer()
{
    return g_pdfRenderer;
}

bool writeReport(const Findings &findings, ReportFormat format, QIODevice *device, bool color)
{
    const QByteArray out = renderReport(findings, format, color);
    return device->write(out) == out.size();
}

QByteArray renderReport(const Findings &f, ReportFormat format, bool color)
{
    switch (format) {
    case ReportFormat::Text:
        return reportText(f, color).toUtf8();
    case ReportFormat::Json:
        return QJsonDocument(reportJson(f)).toJson(QJsonDocument::Indented);
    case ReportFormat::Markdown:
        return markdownReport(f);
    case ReportFormat::Html:
        return htmlReport(f);
    case ReportFormat::Har:
        return harReport(f);
    }
    return {};
}

QByteArray renderReport(const ReportSources &sources, ReportFormat format, bool color)
{
    return renderReport(buildFindings(sources), format, color);
}

bool writeReportFile(const QByteArray &data, const QString &path, QString *error)
{
    QString why;
    OutputTarget target;
    if (path.isEmpty() || path == u"-")
        why = u"no file name was given"_s;
    else if (checkOutput(path, &target, &why) == OutputProblem::None &&
             writeOutput(target, data, &why) == OutputProblem::None)
        return true;
    if (error)
        *error = why;
    return false;
}

} // namespace llmdoctor::core
