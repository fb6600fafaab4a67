// Once a run shows the key works, the model field offers the provider's models.
#include "core/sim/simulator.h"
#include "support/servers.h"
#include "support/waiting.h"
#include "ui/checkspage.h"
#include "ui/mainwindow.h"
#include "ui/startpage.h"

#include <QPushButton>
#include <QStandardPaths>
#include <gtest/gtest.h>

using namespace llmdoctor::core;
using namespace llmdoctor::test;
using namespace Qt::StringLiterals;
using llmdoctor::ui::ChecksPage;
using llmdoctor::ui::MainWindow;

TEST(WizardModels, ARunFillsTheModelSuggestions)
{
    QStandardPaths::setTestModeEnabled(true);
    Simulator sim(faultOptions(Fault::None));
    ASSERT_TRUE(sim.start());
    Target target;
    target.baseUrl = sim.baseUrl();
    target.proxy.mode = ProxyChoice::Mode::None;
    MainWindow window(target);
    window.show();
    EXPECT_TRUE(window.startPage()->availableModels().isEmpty());
    window.findChild<QPushButton *>(u"runButton"_s)->click();
    ASSERT_TRUE(waitFor([&window] { return window.checksPage()->state() == ChecksPage::State::Finished; }));
    EXPECT_EQ(window.startPage()->availableModels(), Simulator::defaultModels());
}

TEST(WizardModels, ARejectedKeyOffersNothing)
{
    QStandardPaths::setTestModeEnabled(true);
    Simulator sim(faultOptions(Fault::InvalidKey));
    ASSERT_TRUE(sim.start());
    Target target;
    target.baseUrl = sim.baseUrl();
    target.proxy.mode = ProxyChoice::Mode::None;
    target.apiKey = "sk-test-wrongwrongwrong";
    MainWindow window(target);
    window.show();
    window.findChild<QPushButton *>(u"runButton"_s)->click();
    ASSERT_TRUE(waitFor([&window] { return window.checksPage()->state() == ChecksPage::State::Finished; }));
    EXPECT_TRUE(window.startPage()->availableModels().isEmpty());
}
