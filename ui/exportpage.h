#pragma once

#include "core/report/reportparts.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace llmdoctor::ui {

class SavedFileBar;

// The last step: hand the evidence to whoever can fix it. A message addressed to them, ready to
// copy, and the report in the format they want. The key is never in any of it.
class ExportPage final : public QWidget
{
    Q_OBJECT
public:
    explicit ExportPage(QWidget *parent = nullptr);

    void setMessage(const core::SupportMessage &message, const QString &shownKey);
    QString messageText() const; // as the user may have edited it
    void setStatus(const QString &text, bool failed);
    QString statusText() const;
    void setSavedFile(const QString &path); // offers to open it or its folder; "" hides that
    SavedFileBar *savedFileBar() const { return m_saved; }

signals:
    void saveRequested(const QString &suffix); // "html", "pdf", "md", "json", "har", "txt"
    void copyCurlRequested();
    void copySummaryRequested();

private:
    QLabel *m_to;
    QPlainTextEdit *m_message;
    QLabel *m_keyNote;
    QLabel *m_status;
    SavedFileBar *m_saved;
};

} // namespace llmdoctor::ui
