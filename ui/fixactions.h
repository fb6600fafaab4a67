#pragma once

#include "core/report/findings.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <functional>

class QWidget;

namespace llmdoctor::ui {

// A change the verdict page can make for the user, rather than describe: it goes into the start
// page's fields, and "Run again" tries it.
struct Fix
{
    enum class Kind
    {
        UseAddress,     // value: the address a redirect or the address lint found
        ChooseModel,    // choices: the provider's models, the closest names first
        OpenStatusPage, // value: the provider's status page
        OpenKeyPage,    // value: where the provider makes keys
        ChooseCaFile,   // the company's certificate, for an untrusted chain
        UseSystemProxy, // the proxy setting, when the proxy is to blame
        GoDirect,
    };
    Kind kind = Kind::UseAddress;
    QString value;
    QStringList choices;
};

// Which fixes a verdict allows, from the findings' typed facts only; in the order they are shown.
// Only for the verdict's own cause: "Also found" comes after it is fixed.
class FixActions final
{
public:
    static QList<Fix> forFindings(const core::Findings &findings);
    // The models the run read from the provider's list, the closest to the one asked for first;
    // empty when the list was not read.
    static QStringList modelsRead(const core::Findings &findings);
    // The first request id the provider gave, as (header, value); empty when there was none.
    static QPair<QString, QString> firstRequestId(const core::Findings &findings);
    // The wait the provider asked for (retry-after), in seconds; negative when it asked for none.
    static double retryAfterSeconds(const core::Findings &findings);

    // Opening a page in the browser: tests replace it so that no browser starts.
    using UrlOpener = std::function<bool(const QUrl &url)>;
    static void setUrlOpener(UrlOpener opener); // empty: QDesktopServices again
    static bool openUrl(const QUrl &url);

    // Choosing a file to read: QFileDialog::getOpenFileName's arguments; "" when cancelled.
    using FileChooser = std::function<QString(QWidget *parent, const QString &caption, const QString &dir,
                                              const QString &filter)>;
    static void setFileChooser(FileChooser chooser); // tests: no dialog; empty: the real one again
    // Asks for a file; done gets the path, never called when the user cancels. The real dialog
    // opens without a nested event loop.
    static void chooseFile(QWidget *parent, const QString &caption, const QString &dir, const QString &filter,
                           const std::function<void(const QString &path)> &done);
};

} // namespace llmdoctor::ui
