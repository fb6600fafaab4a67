#include "report.h"

#include "../checks/diagnosis.h"
#include "../checks/diagnosiscontext.h"
#include "../monitor/monitor.h"
#include "../monitor/retrier.h"
#include "../target/redactor.h"
#include "jsonreport.h"
#include "outputfile.h"
#include "textreport.h"

#include <QDir>
#include <QFileInfo>
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

QByteArray renderReport(const ReportSources &sources, ReportFormat format, bool color)
{
    Q_ASSERT(sources.diagnosis);
    const Diagnosis &d = *sources.diagnosis;
    QByteArray out;
    switch (format) {
    case ReportFormat::Text:
        out = reportText(d, color, sources.retry, sources.monitor, sources.path).toUtf8();
        break;
    case ReportFormat::Json:
        out = QJsonDocument(reportJson(d, sources.retry, sources.monitor, sources.path))
                  .toJson(QJsonDocument::Indented);
        break;
    case ReportFormat::Markdown:
        out = markdownReport(sources);
        break;
    case ReportFormat::Html:
        out = htmlReport(sources);
        break;
    case ReportFormat::Har:
        out = harReport(sources);
        break;
    }
    const Redactor redactor(d.context().target, d.context().proxy.proxy);
    return redactor.apply(out);
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
