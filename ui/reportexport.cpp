#include "reportexport.h"

#include "core/checks/diagnosis.h"
#include "core/checks/diagnosiscontext.h"
#include "core/target/redactor.h"

#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTextDocument>

namespace llmdoctor::ui {

using namespace Qt::StringLiterals;

QString ReportExport::fileFilters()
{
    return QObject::tr("HTML page, one file to send or open in a browser (*.html)") + u";;"_s +
           QObject::tr("PDF document (*.pdf)") + u";;"_s +
           QObject::tr("Markdown, to paste into an issue or a support form (*.md)") + u";;"_s +
           QObject::tr("JSON, for scripts (*.json)") + u";;"_s +
           QObject::tr("HAR, every HTTP request, for browser developer tools (*.har)") + u";;"_s +
           QObject::tr("Plain text (*.txt)");
}

QString ReportExport::fileFilter(const QString &suffix)
{
    const QStringList filters = fileFilters().split(u";;"_s);
    const QString pattern = u"(*."_s + suffix.toLower() + u')';
    for (const QString &f : filters) {
        if (f.endsWith(pattern))
            return f;
    }
    return filters.constFirst();
}

namespace {

ReportExport::SaveDialog &saveDialog()
{
    static ReportExport::SaveDialog dialog;
    return dialog;
}

} // namespace

void ReportExport::setSaveDialog(SaveDialog dialog)
{
    saveDialog() = std::move(dialog);
}

QString ReportExport::askSavePath(QWidget *parent, const QString &suffix)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name =
        u"llmdoctor-report-%1.%2"_s.arg(QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmm"_s), suffix);
    const QString caption = QObject::tr("Save the report");
    QString selected = fileFilter(suffix);
    QString path = saveDialog()
                       ? saveDialog()(parent, caption, QDir(dir).filePath(name), fileFilters(), &selected)
                       : QFileDialog::getSaveFileName(parent, caption, QDir(dir).filePath(name),
                                                      fileFilters(), &selected);
    // A name typed without a suffix gets the one of the chosen format.
    if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty()) {
        static const QRegularExpression pattern(u"\\(\\*\\.(\\w+)\\)$"_s);
        if (const auto m = pattern.match(selected); m.hasMatch())
            path += u'.' + m.captured(1);
    }
    return path;
}

std::optional<core::ReportFormat> ReportExport::formatFor(const QString &path, bool *isPdf)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    *isPdf = suffix == u"pdf";
    if (*isPdf)
        return std::nullopt;
    return core::reportFormatFromName(suffix);
}

QByteArray ReportExport::pdf(const core::Findings &findings)
{
    const QString html = QString::fromUtf8(core::htmlReport(findings, true));
    // QTextDocument draws no SVG: each chart becomes a picture resource of its own.
    QTextDocument doc;
    static const QRegularExpression svg(u"<svg[\\s\\S]*?</svg>"_s);
    int n = 0;
    QString out;
    qsizetype last = 0;
    for (auto it = svg.globalMatch(html); it.hasNext();) {
        const auto m = it.next();
        out += html.mid(last, m.capturedStart() - last);
        last = m.capturedEnd();
        QSvgRenderer renderer(m.captured().toUtf8());
        if (!renderer.isValid())
            continue;
        const QSize size = renderer.defaultSize();
        QImage image(size * 2, QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        renderer.render(&painter);
        painter.end();
        const QString name = u"chart%1.png"_s.arg(++n);
        doc.addResource(QTextDocument::ImageResource, QUrl(name), image);
        out +=
            u"<img src=\"%1\" width=\"%2\" height=\"%3\">"_s.arg(name).arg(size.width()).arg(size.height());
    }
    out += html.mid(last);
    doc.setHtml(out);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setTitle(u"llmdoctor report"_s);
    writer.setCreator(QStringLiteral("llmdoctor " LLMDOCTOR_VERSION));
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(96); // the document lays out in screen pixels: fonts come out at their point size
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    doc.setPageSize(QSizeF(writer.width(), writer.height()));
    doc.print(&writer);
    return bytes;
}

bool ReportExport::write(const core::Findings &findings, const QString &path, QString *error)
{
    bool isPdf = false;
    const auto format = formatFor(path, &isPdf);
    if (!format && !isPdf) {
        if (error)
            *error =
                QObject::tr("\"%1\" does not end in a report type llmdoctor writes (.html, .pdf, .md, .json, "
                            ".har or .txt)")
                    .arg(QFileInfo(path).fileName());
        return false;
    }
    return core::writeReportFile(isPdf ? pdf(findings) : core::renderReport(findings, *format), path, error);
}

} // namespace llmdoctor::ui
