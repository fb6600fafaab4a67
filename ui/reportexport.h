#pragma once

#include "core/report/report.h"

#include <QString>

namespace llmdoctor::ui {

// The wizard's exports: every core format, plus PDF (the HTML report laid out on pages, its
// SVG charts drawn as pictures). The format follows the file name's suffix; writing is atomic.
class ReportExport final
{
public:
    // "HTML page (*.html);;PDF document (*.pdf);;..." for a save dialog, HTML first.
    static QString fileFilters();
    // The format for a path, from its suffix; PDF is reported through isPdf.
    static std::optional<core::ReportFormat> formatFor(const QString &path, bool *isPdf);
    // Writes the report; false and a plain *error otherwise (nothing else changes).
    static bool write(const core::ReportSources &sources, const QString &path, QString *error);
    // The HTML report as a PDF document.
    static QByteArray pdf(const core::ReportSources &sources);
};

} // namespace llmdoctor::ui
