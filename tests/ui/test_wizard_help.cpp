// Issue 18, a wizard a non-expert finishes without help: the provider recognised as it is typed,
// a greyed-out Run that says why, the model list the run read, a countdown on the running check,
// "Run the checks again" after a retry that worked, and the network words explained where they
// appear. Against the simulator on 127.0.0.1. LLMDOCTOR_SCREENSHOTS=dir saves what a user sees.
#include "core/settings/settings.h"
#include "core/sim/simulator.h"
#include "core/target/keylint.h"
#include "support/waiting.h"
#include "ui/checkrow.h"
#include "ui/checkspage.h"
#include "ui/glossary.h"
#include "ui/mainwindow.h"
#include "ui/modelchooser.h"
#include "ui/resultpage.h"
#include "ui/retrypage.h"
#include "ui/startpage.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>
#include <gtest/gtest.h>
#include <memory>

using namespace Qt::StringLiterals;
using namespace llmdoctor;
using llmdoctor::test::waitFor;
using ui::Glossary;
using ui::MainWindow;

namespace {

template <typename T> T *child(QWidget &w, const QString &name)
{
    T *c = w.findChild<T *>(name);
    EXPECT_NE(c, nullptr) << "no child named " << name.toStdString();
    return c;
}

void screenshot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("LLMDOCTOR_SCREENSHOTS");
    if (dir.isEmpty())
        return;
    QTest::qWait(80); // pending layouts, as a user would see them
    w->grab().save(QDir(dir).filePath(name + u".png"_s));
}

// Typing as a user does: replaces the field's text key by key, so textEdited is sent.
void typeInto(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

class HelpWizard : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QStandardPaths::setTestModeEnabled(true);
        core::Settings().clear(); // a fresh start: no last target
    }
    void TearDown() override
    {
        m_window.reset();
        m_sim.reset();
        core::Settings().clear();
    }

    void openAgainst(core::SimulatorOptions options, int timeoutMs = 10000)
    {
        m_sim = std::make_unique<core::Simulator>(options);
        ASSERT_TRUE(m_sim->start());
        core::Target target;
        target.baseUrl = m_sim->baseUrl();
        target.timeoutMs = timeoutMs;
        target.proxy.mode = core::ProxyChoice::Mode::None;
        m_window = std::make_unique<MainWindow>(target);
        m_window->resize(820, 700);
        m_window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
    }
    QPushButton *button(const QString &name) const { return child<QPushButton>(*m_window, name); }
    bool runChecks()
    {
        button(u"runButton"_s)->click();
        return waitFor([this] { return m_window->checksPage()->state() == ui::ChecksPage::State::Finished; },
                       20000);
    }

    std::unique_ptr<core::Simulator> m_sim;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace

// 1. A fresh start is a real choice, not an empty "Other" address.
TEST_F(HelpWizard, AFreshStartPreselectsOpenAIWithItsAddress)
{
    MainWindow w;
    w.show();
    EXPECT_EQ(child<QComboBox>(w, u"providerCombo"_s)->currentData().toString(), u"openai"_s);
    EXPECT_EQ(child<QLineEdit>(w, u"addressEdit"_s)->text(), u"https://api.openai.com/v1"_s);
    EXPECT_TRUE(child<QPushButton>(w, u"runButton"_s)->isEnabled());
    EXPECT_TRUE(w.startPage()->recognisedText().isEmpty()) << "nothing was recognised yet";
}

TEST_F(HelpWizard, TheProviderIsRecognisedFromTheAddressAsItIsTyped)
{
    MainWindow w;
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    auto *combo = child<QComboBox>(w, u"providerCombo"_s);
    auto *address = child<QLineEdit>(w, u"addressEdit"_s);

    typeInto(address, u"https://api.deepseek.com/v1"_s);
    EXPECT_EQ(combo->currentData().toString(), u"deepseek"_s);
    EXPECT_TRUE(w.startPage()->recognisedText().contains(u"DeepSeek"_s))
        << w.startPage()->recognisedText().toStdString();
    EXPECT_TRUE(child<QLabel>(w, u"providerRecognised"_s)->isVisible());
    screenshot(&w, u"1-recognised-address"_s);

    // Someone's own server: no cloud provider's semantics for it.
    typeInto(address, u"http://10.1.2.3:8000/v1"_s);
    EXPECT_EQ(combo->currentData().toString(), u"custom"_s);

    typeInto(address, u"https://openrouter.ai/api/v1"_s);
    EXPECT_EQ(combo->currentData().toString(), u"openrouter"_s);
    const auto target = w.startPage()->target();
    ASSERT_TRUE(target.has_value());
    EXPECT_EQ(target->provider, u"openrouter"_s);
}

TEST_F(HelpWizard, TheProviderIsRecognisedFromTheKeyShapeAsItIsTyped)
{
    EXPECT_EQ(core::providerForKey("gsk_0123456789abcdef"), u"groq"_s);
    EXPECT_EQ(core::providerForKey("sk-ant-api03-abcdef"), u"anthropic"_s);
    EXPECT_TRUE(core::providerForKey("sk-0123456789").isEmpty()) << "OpenAI and DeepSeek both use sk-";
    EXPECT_TRUE(core::providerForKey("hello").isEmpty());

    MainWindow w;
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    auto *combo = child<QComboBox>(w, u"providerCombo"_s);
    auto *address = child<QLineEdit>(w, u"addressEdit"_s);
    auto *key = child<QLineEdit>(w, u"apiKeyEdit"_s);

    typeInto(key, u"gsk_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKL"_s);
    EXPECT_EQ(combo->currentData().toString(), u"groq"_s);
    EXPECT_EQ(address->text(), u"https://api.groq.com/openai/v1"_s) << "the provider's address came with it";
    EXPECT_TRUE(w.startPage()->recognisedText().contains(u"Groq"_s))
        << w.startPage()->recognisedText().toStdString();
    screenshot(&w, u"1-recognised-key"_s);

    typeInto(key, u"sk-ant-api03-0123456789abcdefghijklmnop"_s);
    EXPECT_EQ(combo->currentData().toString(), u"anthropic"_s);
    EXPECT_EQ(address->text(), u"https://api.anthropic.com/v1"_s);

    // An address the user typed is never replaced by a key's guess.
    typeInto(address, u"http://127.0.0.1:9/v1"_s);
    typeInto(key, u"gsk_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKL"_s);
    EXPECT_EQ(address->text(), u"http://127.0.0.1:9/v1"_s);
    EXPECT_NE(combo->currentData().toString(), u"groq"_s);
}

// 2. A greyed-out Run says why, on the button and beside it, as the user types.
TEST_F(HelpWizard, AGreyedOutRunButtonSaysWhyAndFollowsTyping)
{
    MainWindow w;
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    auto *run = child<QPushButton>(w, u"runButton"_s);
    auto *hint = child<QLabel>(w, u"runHint"_s);
    auto *address = child<QLineEdit>(w, u"addressEdit"_s);
    EXPECT_TRUE(run->isEnabled());
    EXPECT_FALSE(hint->isVisible());
    EXPECT_TRUE(run->toolTip().isEmpty());

    typeInto(address, QString());
    EXPECT_FALSE(run->isEnabled());
    EXPECT_TRUE(hint->isVisible());
    EXPECT_EQ(hint->text(), u"Type the API address first."_s);
    EXPECT_EQ(run->toolTip(), hint->text());
    screenshot(&w, u"2-run-hint-empty"_s);

    QTest::keyClicks(address, u"htp:/example.com"_s);
    EXPECT_FALSE(run->isEnabled());
    EXPECT_TRUE(hint->text().startsWith(u"Correct the API address first"_s)) << hint->text().toStdString();
    EXPECT_EQ(run->toolTip(), hint->text());
    screenshot(&w, u"2-run-hint-mistyped"_s);

    typeInto(address, u"https://api.openai.com/v1"_s);
    EXPECT_TRUE(run->isEnabled());
    EXPECT_FALSE(hint->isVisible());
    EXPECT_TRUE(run->toolTip().isEmpty());

    // A proxy chosen but not typed blocks too, and says where.
    auto *proxyMode = child<QComboBox>(w, u"proxyMode"_s);
    proxyMode->setCurrentIndex(3);
    EXPECT_FALSE(run->isEnabled());
    EXPECT_TRUE(hint->isVisible());
    EXPECT_TRUE(hint->text().contains(u"proxy"_s)) << hint->text().toStdString();
    proxyMode->setCurrentIndex(0);
    EXPECT_TRUE(run->isEnabled());
    EXPECT_FALSE(hint->isVisible());
}

// 3. The model list the run read, one click away on the verdict page.
TEST_F(HelpWizard, TheVerdictPageShowsTheModelsTheRunRead)
{
    core::SimulatorOptions o;
    o.fault = core::Fault::None;
    openAgainst(o);
    ASSERT_TRUE(runChecks());
    button(u"verdictButton"_s)->click();
    ASSERT_EQ(m_window->currentPage(), MainWindow::Result);
    QPushButton *show = button(u"showModelsButton"_s);
    ASSERT_TRUE(show->isVisible());
    screenshot(m_window.get(), u"3-show-models"_s);
    show->click();
    auto *chooser = m_window->findChild<ui::ModelChooser *>();
    ASSERT_NE(chooser, nullptr);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(chooser));
    auto *list = chooser->findChild<QListWidget *>();
    ASSERT_NE(list, nullptr);
    ASSERT_GT(list->count(), 0);
    const QString picked = list->item(0)->text();
    list->setCurrentRow(0);
    screenshot(chooser, u"3-model-chooser"_s);
    chooser->accept();
    const auto target = m_window->startPage()->target();
    ASSERT_TRUE(target.has_value());
    EXPECT_EQ(target->model, picked);
}

TEST_F(HelpWizard, NoModelButtonWhenTheRunCouldNotReadTheList)
{
    core::SimulatorOptions o;
    o.fault = core::Fault::BadGateway;
    openAgainst(o);
    ASSERT_TRUE(runChecks());
    button(u"verdictButton"_s)->click();
    ASSERT_EQ(m_window->currentPage(), MainWindow::Result);
    EXPECT_FALSE(button(u"showModelsButton"_s)->isVisible());
}

// 4. A check that hangs: its row counts down to the deadline, the status line names it.
TEST_F(HelpWizard, TheRunningCheckCountsDownToItsDeadlineAndTheStatusLineNamesIt)
{
    core::SimulatorOptions o;
    o.fault = core::Fault::Hang;
    openAgainst(o, 4000);
    button(u"runButton"_s)->click();
    ui::CheckRow *http = nullptr;
    ASSERT_TRUE(waitFor(
        [&] {
            http = m_window->checksPage()->row(u"http"_s);
            return http && http->status() == u"running" && !http->givesUpText().isEmpty();
        },
        5000));
    static const QRegularExpression number(u"(\\d+) s"_s);
    const auto first = number.match(http->givesUpText());
    ASSERT_TRUE(first.hasMatch()) << http->givesUpText().toStdString();
    EXPECT_TRUE(http->givesUpText().startsWith(u"gives up in"_s)) << http->givesUpText().toStdString();
    const int before = first.captured(1).toInt();
    EXPECT_GE(before, 1);
    EXPECT_LE(before, 4);
    auto *status = child<QLabel>(*m_window, u"checksStatus"_s);
    EXPECT_TRUE(status->text().contains(http->title())) << status->text().toStdString();
    EXPECT_TRUE(status->text().contains(u"Gives up in"_s)) << status->text().toStdString();
    screenshot(m_window.get(), u"4-countdown"_s);

    ASSERT_TRUE(waitFor(
        [&] {
            const auto m = number.match(http->givesUpText());
            return m.hasMatch() && m.captured(1).toInt() < before;
        },
        2500))
        << "the countdown did not move: " << http->givesUpText().toStdString();

    ASSERT_TRUE(
        waitFor([&] { return m_window->checksPage()->state() == ui::ChecksPage::State::Finished; }, 10000));
    EXPECT_TRUE(http->givesUpText().isEmpty()) << "a finished step has nothing to count down";
    EXPECT_FALSE(status->text().contains(u"Still running"_s)) << status->text().toStdString();
}

// 5. A retry that worked offers to run the checks again, and doing so re-runs them.
TEST_F(HelpWizard, AfterARetryWorksThePageOffersToRunTheChecksAgain)
{
    core::SimulatorOptions o;
    o.fault = core::Fault::RateLimit;
    o.retryAfterSeconds = 1;
    o.failFirst = 2; // the diagnosis's request and the first retry get 429
    openAgainst(o);
    ASSERT_TRUE(runChecks());
    button(u"verdictButton"_s)->click();
    button(u"retryButton"_s)->click();
    ASSERT_EQ(m_window->currentPage(), MainWindow::Retry);
    ui::RetryPage *page = m_window->retryPage();
    QPushButton *again = button(u"retryRunChecksButton"_s);
    EXPECT_FALSE(again->isVisible()) << "nothing worked yet";
    ASSERT_TRUE(waitFor([&] { return !page->isRunning(); }, 15000));
    ASSERT_EQ(page->retrier()->outcome(), core::Retrier::Outcome::Succeeded);
    ASSERT_TRUE(again->isVisible());
    screenshot(m_window.get(), u"5-retry-run-again"_s);

    core::Diagnosis *before = m_window->currentDiagnosis();
    again->click();
    EXPECT_EQ(m_window->currentPage(), MainWindow::Checks);
    EXPECT_NE(m_window->currentDiagnosis(), before) << "a new run";
    ASSERT_TRUE(waitFor([this] { return m_window->checksPage()->state() == ui::ChecksPage::State::Finished; },
                        20000));
    EXPECT_EQ(m_window->checksPage()->row(u"http"_s)->status(), u"pass"_s) << "the API answers now";
}

TEST_F(HelpWizard, AFailedRetryDoesNotOfferToRunTheChecksAgain)
{
    core::SimulatorOptions o;
    o.fault = core::Fault::InvalidKey; // waiting cannot help: it stops at once
    openAgainst(o);
    ASSERT_TRUE(runChecks());
    button(u"verdictButton"_s)->click();
    button(u"retryButton"_s)->click();
    ui::RetryPage *page = m_window->retryPage();
    ASSERT_TRUE(waitFor([&] { return !page->isRunning(); }, 15000));
    EXPECT_NE(page->retrier()->outcome(), core::Retrier::Outcome::Succeeded);
    EXPECT_FALSE(button(u"retryRunChecksButton"_s)->isVisible());
}

// 6. One glossary, in English and German, found in the words the pages use.
TEST(Glossary, EveryTermHasAPlainOneLineExplanationInEnglishAndGerman)
{
    QStringList english;
    for (const Glossary::Term t : Glossary::all()) {
        EXPECT_FALSE(Glossary::name(t).isEmpty());
        const QString e = Glossary::explanation(t);
        EXPECT_FALSE(e.isEmpty());
        EXPECT_FALSE(e.contains(u'\n')) << "one line";
        english << e;
    }
    QTranslator german;
    ASSERT_TRUE(german.load(u"llmdoctor_de"_s, u":/i18n"_s));
    QCoreApplication::installTranslator(&german);
    QStringList translated;
    for (const Glossary::Term t : Glossary::all())
        translated << Glossary::explanation(t);
    // German words are found too, English ones still (servers speak English).
    const auto inGerman = Glossary::termsIn(u"Der Proxyserver antwortete nicht"_s);
    const auto serverWords = Glossary::termsIn(u"429 Too Many Requests"_s);
    QCoreApplication::removeTranslator(&german);
    for (qsizetype i = 0; i < english.size(); ++i)
        EXPECT_NE(english.at(i), translated.at(i)) << "not translated: " << english.at(i).toStdString();
    EXPECT_TRUE(inGerman.contains(Glossary::Term::Proxy));
    EXPECT_TRUE(serverWords.contains(Glossary::Term::RateLimit));
}

TEST(Glossary, FindsTheTermsATextUses)
{
    using T = Glossary::Term;
    EXPECT_EQ(Glossary::termsIn(u"502 Bad Gateway from nginx"_s), QList<T>{T::Gateway});
    EXPECT_EQ(Glossary::termsIn(u"The DNS lookup failed behind the proxy"_s), (QList<T>{T::Dns, T::Proxy}));
    EXPECT_EQ(Glossary::termsIn(u"Wait as the Retry-After header says"_s), QList<T>{T::RetryAfter});
    EXPECT_TRUE(Glossary::termsIn(u"The model answered"_s).isEmpty());
    EXPECT_TRUE(Glossary::termsIn(u"subgateway unproxied"_s).isEmpty()) << "whole words from their start";
}

TEST_F(HelpWizard, TheTermsAreExplainedBesideTheWordsOnThePages)
{
    core::SimulatorOptions o;
    o.fault = core::Fault::BadGateway;
    openAgainst(o);
    ASSERT_TRUE(runChecks());
    // The name-lookup step: its "?" says what DNS is; a step without such words has none.
    ui::CheckRow *dns = m_window->checksPage()->row(u"dns"_s);
    auto *dnsHelp = dns->findChild<ui::TermHelp *>();
    ASSERT_NE(dnsHelp, nullptr);
    EXPECT_TRUE(dnsHelp->isVisible());
    EXPECT_TRUE(dnsHelp->toolTip().contains(Glossary::explanation(Glossary::Term::Dns)));
    // Clicking the "?" shows the same explanation at once, without waiting for the hover.
    dnsHelp->click();
    QLabel *tip = nullptr;
    ASSERT_TRUE(waitFor(
        [&] {
            for (QWidget *top : QApplication::topLevelWidgets()) {
                if (top->inherits("QTipLabel") && top->isVisible())
                    tip = qobject_cast<QLabel *>(top);
            }
            return tip != nullptr;
        },
        2000));
    EXPECT_TRUE(tip->text().contains(Glossary::explanation(Glossary::Term::Dns)))
        << tip->text().toStdString();
    screenshot(tip, u"6-glossary-tooltip"_s);
    auto *modelHelp = m_window->checksPage()->row(u"model"_s)->findChild<ui::TermHelp *>();
    ASSERT_NE(modelHelp, nullptr);
    EXPECT_FALSE(modelHelp->isVisible());

    // The verdict on a 502 speaks of a gateway, and explains it.
    button(u"verdictButton"_s)->click();
    ASSERT_EQ(m_window->currentPage(), MainWindow::Result);
    ui::TermHelp *verdictHelp = nullptr;
    for (auto *h : m_window->resultPage()->findChildren<ui::TermHelp *>())
        verdictHelp = h->isVisible() ? h : verdictHelp;
    ASSERT_NE(verdictHelp, nullptr);
    EXPECT_TRUE(verdictHelp->terms().contains(Glossary::Term::Gateway));
    EXPECT_TRUE(verdictHelp->toolTip().contains(Glossary::explanation(Glossary::Term::Gateway)));
    screenshot(m_window.get(), u"6-glossary-verdict"_s);

    // Wait and retry: rate limit and retry-after.
    auto *retryHelp = m_window->retryPage()->findChild<ui::TermHelp *>();
    ASSERT_NE(retryHelp, nullptr);
    EXPECT_TRUE(retryHelp->terms().contains(Glossary::Term::RetryAfter));
    EXPECT_TRUE(retryHelp->terms().contains(Glossary::Term::RateLimit));
    // The proxy setting.
    auto *proxyHelp = child<ui::TermHelp>(*m_window->startPage(), u"proxyHelp"_s);
    EXPECT_TRUE(proxyHelp->toolTip().contains(Glossary::explanation(Glossary::Term::Proxy)));
}
