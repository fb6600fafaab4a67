#include "savedfilebar.h"

#include "labels.h"
#include "palette.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace llmdoctor::ui {

using namespace Qt::StringLiterals;

namespace {

SavedFileBar::Opener &opener()
{
    static SavedFileBar::Opener o;
    return o;
}

} // namespace

SavedFileBar::SavedFileBar(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"savedFileBar"_s);
    m_where = textLabel(this, u"savedFileWhere"_s);
    m_open = new QPushButton(tr("&Open"), this);
    m_open->setObjectName(u"openSavedButton"_s);
    m_open->setAccessibleName(tr("Open the saved file"));
    m_showFolder = new QPushButton(tr("Show in &folder"), this);
    m_showFolder->setObjectName(u"showSavedFolderButton"_s);
    m_showFolder->setAccessibleName(tr("Show the folder the file was saved in"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(m_where, 1);
    layout->addWidget(m_open);
    layout->addWidget(m_showFolder);
    connect(m_open, &QPushButton::clicked, this, [this] { open(openUrl()); });
    connect(m_showFolder, &QPushButton::clicked, this, [this] { open(folderUrl()); });
    hide();
}

void SavedFileBar::setFile(const QString &path)
{
    m_path = path;
    m_where->setText(path.isEmpty() ? QString()
                                    : tr("Saved as %1 in %2")
                                          .arg(QFileInfo(path).fileName(),
                                               QDir::toNativeSeparators(QFileInfo(path).absolutePath())));
    setVisible(!path.isEmpty());
}

QUrl SavedFileBar::openUrl() const
{
    return m_path.isEmpty() ? QUrl() : QUrl::fromLocalFile(QFileInfo(m_path).absoluteFilePath());
}

QUrl SavedFileBar::folderUrl() const
{
    return m_path.isEmpty() ? QUrl() : QUrl::fromLocalFile(QFileInfo(m_path).absolutePath());
}

void SavedFileBar::setOpener(Opener o)
{
    opener() = std::move(o);
}

void SavedFileBar::open(const QUrl &url)
{
    if (url.isEmpty())
        return;
    const bool ok = opener() ? opener()(url) : QDesktopServices::openUrl(url);
    if (!ok) {
        m_where->setText(
            tr("Nothing on this computer opened %1.").arg(QDir::toNativeSeparators(url.toLocalFile())));
        setTone(m_where, Tone::Fail);
    } else {
        setTone(m_where, Tone::Normal);
    }
}

} // namespace llmdoctor::ui
