#pragma once

#include <QUrl>
#include <QWidget>
#include <functional>

class QLabel;
class QPushButton;

namespace llmdoctor::ui {

// After a file is saved: where it went, and "Open" / "Show in folder" for it.
class SavedFileBar final : public QWidget
{
    Q_OBJECT
public:
    explicit SavedFileBar(QWidget *parent = nullptr);

    void setFile(const QString &path); // "" hides the bar
    QString file() const { return m_path; }
    QUrl openUrl() const;   // the file itself
    QUrl folderUrl() const; // the folder it is in

    // What opens a URL: QDesktopServices::openUrl unless a test puts something else in.
    using Opener = std::function<bool(const QUrl &)>;
    static void setOpener(Opener opener); // empty: QDesktopServices again

private:
    void open(const QUrl &url);

    QString m_path;
    QLabel *m_where;
    QPushButton *m_open;
    QPushButton *m_showFolder;
};

} // namespace llmdoctor::ui
