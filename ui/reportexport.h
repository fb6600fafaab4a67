#pragma once

#include "core/report/findings.h"
#include "core/report/report.h"

#include <QString>
#include <functional>

class QWidget;

namespace llmdoctor::ui {

// The wizard's exports: every core format, plus PDF (the HTML report laid out on pages, its
// SVG charts drawn as pictures). The format follows the file name's suffix; writing is atomic.
class ReportExport final
{
public:
    // "HTML page (*.html);;PDF document (*.pdf);;..." for a save dialog, HTML first.
    static QString fileFilters();
    // The one line of fileFilters() for a suffix ("pdf" -> "PDF document (*.pdf)"); the first
    // line for a suffix it does not know.
    static QString fileFilter(const QString &suffix);

    // The save dialog: QFileDialog::getSaveFileName's arguments; returns the chosen path or "".
    using SaveDialog = std::function<QString(QWidget *parent, const QString &caption, const QString &path,
                                             const QString &filters, QString *selectedFilter)>;
    static void setSaveDialog(SaveDialog dialog); // tests: no dialog; empty: the real one again
    // Asks where to save a report of that suffix: the dialog opens with that format's filter
    // chosen and a file name ending in it. "" when the user cancels.
    static QString askSavePath(QWidget *parent, const QString &suffix);
    // The format for a path, from its suffix; PDF is reported through isPdf.
    static std::optional<core::ReportFormat> formatFor(const QString &path, bool *isPdf);
    // Writes the report; false and a plain *error otherwise (nothing else changes).
    static bool write(const core::Findings &findings, const QString &path, QString *error);
    // The HTML report as a PDF document.
    static QByteArray pdf(const core::Findings &findings);
};

} // namespace llmdoctor::ui
