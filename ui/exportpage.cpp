#include "exportpage.h"

#include "labels.h"
#include "palette.h"
#include "savedfilebar.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace llmdoctor::ui {

using namespace Qt::StringLiterals;

ExportPage::ExportPage(QWidget *parent) : QWidget(parent)
{
    auto *title = headingLabel(tr("Send a report"), this, 1.6);
    auto *intro = textLabel(this);
    intro->setText(
        tr("Give whoever can fix it everything llmdoctor found. Copy the message below into an e-mail or "
           "a support form, and attach the report."));
    m_to = textLabel(this, u"exportTo"_s);
    QFont bold = m_to->font();
    bold.setBold(true);
    m_to->setFont(bold);
    m_message = new QPlainTextEdit(this);
    m_message->setObjectName(u"exportMessage"_s);
    m_message->setAccessibleName(tr("Message to send"));
    m_message->setTabChangesFocus(true);
    m_message->setMinimumHeight(180);
    auto *copyMessage = new QPushButton(tr("&Copy the message"), this);
    copyMessage->setObjectName(u"copyMessageButton"_s);
    auto *copySummary = new QPushButton(tr("Copy a summar&y of the checks"), this);
    copySummary->setObjectName(u"copySummaryButton"_s);
    copySummary->setToolTip(tr("The verdict and every check's result as text."));
    m_keyNote = textLabel(this);

    auto *saveHeading = headingLabel(tr("Save the report"), this);
    auto *grid = new QGridLayout;
    struct Kind
    {
        const char *suffix;
        const char *label;
        const char *what;
    };
    static const Kind kinds[] = {
        {"html", QT_TR_NOOP("&HTML page"),
         QT_TR_NOOP("one file to attach or open in a browser, with the charts")},
        {"pdf", QT_TR_NOOP("P&DF document"), QT_TR_NOOP("the same, on printable pages")},
        {"md", QT_TR_NOOP("&Markdown"), QT_TR_NOOP("to paste into a GitHub issue or a support form")},
        {"json", QT_TR_NOOP("&JSON"), QT_TR_NOOP("for scripts and tools")},
        {"har", QT_TR_NOOP("HA&R"), QT_TR_NOOP("every HTTP request, opens in a browser's developer tools")},
        {"txt", QT_TR_NOOP("&Text"), QT_TR_NOOP("plain text for an e-mail")},
    };
    int row = 0;
    for (const Kind &k : kinds) {
        auto *button = new QPushButton(tr(k.label), this);
        button->setObjectName(u"save_"_s + QLatin1String(k.suffix));
        button->setAccessibleName(tr("Save as %1").arg(QString(tr(k.label)).remove(u'&')));
        auto *what = textLabel(this);
        what->setText(tr(k.what));
        grid->addWidget(button, row, 0);
        grid->addWidget(what, row, 1);
        ++row;
        const QString suffix = QLatin1String(k.suffix);
        connect(button, &QPushButton::clicked, this, [this, suffix] { emit saveRequested(suffix); });
    }
    grid->setColumnStretch(1, 1);

    auto *curlHeading = headingLabel(tr("For whoever maintains your app or server"), this);
    auto *curlNote = textLabel(this);
    curlNote->setText(
        tr("A command that repeats the request with curl, so they can see the failure themselves. It "
           "reads the key from an environment variable; the key is not in it."));
    auto *copyCurl = new QPushButton(tr("Copy as c&url"), this);
    copyCurl->setObjectName(u"exportCopyCurlButton"_s);
    m_status = textLabel(this, u"exportPageStatus"_s);
    m_status->hide();
    m_saved = new SavedFileBar(this);

    auto *copyRow = new QHBoxLayout;
    copyRow->addWidget(copyMessage);
    copyRow->addWidget(copySummary);
    copyRow->addStretch(1);
    auto *curlRow = new QHBoxLayout;
    curlRow->addWidget(copyCurl);
    curlRow->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 12);
    layout->setSpacing(10);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addWidget(m_to);
    layout->addWidget(m_message, 1);
    layout->addLayout(copyRow);
    layout->addWidget(m_keyNote);
    layout->addWidget(saveHeading);
    layout->addLayout(grid);
    layout->addWidget(curlHeading);
    layout->addWidget(curlNote);
    layout->addLayout(curlRow);
    layout->addWidget(m_status);
    layout->addWidget(m_saved);

    connect(copyMessage, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(messageText());
        setStatus(tr("Copied the message ✓"), false);
    });
    connect(copyCurl, &QPushButton::clicked, this, &ExportPage::copyCurlRequested);
    connect(copySummary, &QPushButton::clicked, this, &ExportPage::copySummaryRequested);
}

void ExportPage::setMessage(const core::SupportMessage &message, const QString &shownKey)
{
    m_to->setText(tr("Send it to: %1").arg(message.to));
    m_message->setPlainText(tr("Subject: %1").arg(message.subject) + u"\n\n"_s + message.body);
    m_keyNote->setText(shownKey.isEmpty()
                           ? tr("No API key was used, so none can be in it.")
                           : tr("Your API key appears only as %1: enough to tell which key it was, "
                                "not enough to use it.")
                                 .arg(shownKey));
    m_status->hide();
    m_saved->setFile({});
}

QString ExportPage::messageText() const
{
    return m_message->toPlainText();
}

void ExportPage::setStatus(const QString &text, bool failed)
{
    m_status->setText(text);
    m_status->setProperty("failed", failed);
    setTone(m_status, failed ? Tone::Fail : Tone::Normal);
    m_status->setVisible(!text.isEmpty());
}

void ExportPage::setSavedFile(const QString &path)
{
    m_saved->setFile(path);
}

QString ExportPage::statusText() const
{
    return m_status->isVisible() ? m_status->text() : QString();
}

} // namespace llmdoctor::ui
