#pragma once

#include "support/waiting.h"
#include "ui/checkspage.h"
#include "ui/mainwindow.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <gtest/gtest.h>

namespace llmdoctor::test {

// What the wizard's verdict page showed.
struct WizardOutcome
{
    QString category;
    QString blame;
    QString headline;
    qint64 elapsedMs = 0; // from pressing "Run the checks" to the checks' end
};

// Opens the wizard on the target, presses "Run the checks", waits, and opens the verdict page;
// saves a picture of it to screenshot when one is named.
inline WizardOutcome runWizardToVerdict(const core::Target &target, int waitMs = 15000,
                                        const QString &screenshot = {})
{
    QStandardPaths::setTestModeEnabled(true);
    WizardOutcome v;
    ui::MainWindow window(target);
    window.show();
    auto *run = window.findChild<QPushButton *>(QStringLiteral("runButton"));
    EXPECT_TRUE(run && run->isEnabled());
    if (!run)
        return v;
    QElapsedTimer clock;
    clock.start();
    run->click();
    const bool done = waitFor(
        [&window] { return window.checksPage()->state() == ui::ChecksPage::State::Finished; }, waitMs);
    v.elapsedMs = clock.elapsed();
    EXPECT_TRUE(done);
    auto *verdictButton = window.findChild<QPushButton *>(QStringLiteral("verdictButton"));
    EXPECT_TRUE(verdictButton && verdictButton->isEnabled());
    if (!done || !verdictButton)
        return v;
    verdictButton->click();
    EXPECT_EQ(window.findChild<QStackedWidget *>(QStringLiteral("pageStack"))->currentIndex(),
              ui::MainWindow::Result);
    auto *headline = window.findChild<QLabel *>(QStringLiteral("verdictHeadline"));
    EXPECT_FALSE(headline->text().isEmpty());
    v.headline = headline->text();
    v.blame = headline->property("blame").toString();
    v.category = headline->property("category").toString();
    if (!screenshot.isEmpty())
        window.grab().save(screenshot);
    return v;
}

} // namespace llmdoctor::test
