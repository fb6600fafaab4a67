// A pasted error message is explained before any check runs, and the checks follow.
#include "core/diagnosis/errorclassifier.h"
#include "core/sim/simulator.h"
#include "support/servers.h"
#include "support/waiting.h"
#include "ui/checkspage.h"
#include "ui/errorpage.h"
#include "ui/mainwindow.h"
#include "ui/pathdiagram.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTest>
#include <gtest/gtest.h>

using namespace llmdoctor::core;
using namespace llmdoctor::test;
using namespace Qt::StringLiterals;
using llmdoctor::ui::ChecksPage;
using llmdoctor::ui::MainWindow;
using llmdoctor::ui::PathDiagram;

TEST(WizardExplain, PastedErrorIsExplainedThenChecked)
{
    QStandardPaths::setTestModeEnabled(true);
    Simulator sim(faultOptions(Fault::EnvoyReset));
    ASSERT_TRUE(sim.start());
    Target target;
    target.baseUrl = sim.baseUrl();
    target.proxy.mode = ProxyChoice::Mode::None;
    target.errorText = u"Error code: 503 - upstream connect error or disconnect/reset before headers. "
                       "reset reason: connection termination"_s;
    MainWindow window(target);
    window.show();

    auto *stack = window.findChild<QStackedWidget *>(u"pageStack"_s);
    auto *run = window.findChild<QPushButton *>(u"runButton"_s);
    ASSERT_TRUE(stack && run);
    EXPECT_TRUE(run->text().contains(u"error means"_s)) << "with a pasted message, the next step explains it";
    run->click();
    ASSERT_EQ(stack->currentIndex(), MainWindow::Explain);
    EXPECT_EQ(window.currentDiagnosis(), nullptr) << "no check runs before the message is explained";

    const ErrorSignature expected = classifyErrorText(target.errorText);
    ASSERT_NE(expected.category, u"unknown"_s);
    auto *headline = window.findChild<QLabel *>(u"errorHeadline"_s);
    ASSERT_NE(headline, nullptr);
    EXPECT_EQ(headline->text(), verdictForSignature(expected).headline);
    EXPECT_TRUE(
        window.findChild<QLabel *>(u"errorProducer"_s)->text().contains(u"Envoy"_s, Qt::CaseInsensitive));
    auto *path = window.findChild<PathDiagram *>(u"pathDiagram"_s);
    ASSERT_NE(path, nullptr);
    EXPECT_GE(path->brokenHop(), 0) << "the picture marks where it broke";

    EXPECT_TRUE(run->isVisible() && run->text().contains(u"Run the checks"_s));
    run->click();
    ASSERT_EQ(stack->currentIndex(), MainWindow::Checks);
    ASSERT_TRUE(waitFor([&window] { return window.checksPage()->state() == ChecksPage::State::Finished; }));
    EXPECT_EQ(window.currentDiagnosis()->target().errorText, target.errorText) << "the verdict can use it";

    window.findChild<QPushButton *>(u"backButton"_s)->click();
    EXPECT_EQ(stack->currentIndex(), MainWindow::Explain) << "Back retraces the pages";
    window.findChild<QPushButton *>(u"backButton"_s)->click();
    EXPECT_EQ(stack->currentIndex(), MainWindow::Start);
}

TEST(WizardExplain, VagueMessageSaysSoAndDrawsNoGuess)
{
    QStandardPaths::setTestModeEnabled(true);
    Target target;
    target.baseUrl = QUrl(u"https://api.example.invalid/v1"_s);
    target.errorText = u"Network error. Try again later!"_s;
    MainWindow window(target);
    window.show();
    window.findChild<QPushButton *>(u"runButton"_s)->click();
    ASSERT_EQ(window.findChild<QStackedWidget *>(u"pageStack"_s)->currentIndex(), MainWindow::Explain);
    EXPECT_EQ(window.errorPage()->signature().category, u"unknown"_s);
    EXPECT_FALSE(window.findChild<PathDiagram *>(u"pathDiagram"_s)->isVisible());
}

TEST(WizardExplain, ErrorTypedOnTheStartPageIsExplained)
{
    QStandardPaths::setTestModeEnabled(true);
    Target target;
    target.baseUrl = QUrl(u"https://api.example.invalid/v1"_s);
    MainWindow window(target);
    window.show();
    auto *run = window.findChild<QPushButton *>(u"runButton"_s);
    EXPECT_TRUE(run->text().contains(u"Run the checks"_s));
    auto *box = window.findChild<QPlainTextEdit *>(u"errorTextEdit"_s);
    ASSERT_NE(box, nullptr);
    QTest::keyClicks(box,
                     u"<html><head><title>502 Bad Gateway</title></head><hr><center>nginx</center></html>"_s);
    EXPECT_TRUE(run->text().contains(u"error means"_s));
    run->click();
    ASSERT_EQ(window.findChild<QStackedWidget *>(u"pageStack"_s)->currentIndex(), MainWindow::Explain);
    EXPECT_EQ(window.errorPage()->signature().category, u"gateway_error"_s);
    EXPECT_TRUE(window.errorPage()->signature().hops.contains(u"nginx"_s));

    box->clear();
    window.findChild<QPushButton *>(u"backButton"_s)->click();
    EXPECT_TRUE(run->text().contains(u"Run the checks"_s)) << "no text, no explanation step";
}
