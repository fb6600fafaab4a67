// One-click fixes on the verdict page: each button appears only for its case, puts the change
// into the first page's fields, and "Run again" then gets the better verdict. Against the
// simulator and fixture servers on 127.0.0.1; no browser opens and no file dialog shows.
#include "core/sim/simulator.h"
#include "support/fixtureserver.h"
#include "support/layoutcheck.h"
#include "support/servers.h"
#include "support/waiting.h"
#include "ui/checkspage.h"
#include "ui/fixactions.h"
#include "ui/keyboard.h"
#include "ui/mainwindow.h"
#include "ui/modelchooser.h"
#include "ui/resultpage.h"
#include "ui/startpage.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>
#include <gtest/gtest.h>
#include <memory>

using namespace Qt::StringLiterals;
using namespace llmdoctor;
using llmdoctor::test::faultOptions;
using llmdoctor::test::waitFor;
using ui::MainWindow;

namespace {

const QByteArray kKey = "sk-proj-ONECLICKabcdefghijklmnopqrstuvwxyz0123456789abcdef";

const QStringList kFixButtons{u"useAddressButton"_s,  u"chooseModelButton"_s,  u"openStatusPageButton"_s,
                              u"openKeyPageButton"_s, u"chooseCaFileButton"_s, u"useSystemProxyButton"_s,
                              u"goDirectButton"_s};

class OneClickFix : public ::testing::Test
{
protected:
    static void SetUpTestSuite() { QStandardPaths::setTestModeEnabled(true); }
    void SetUp() override
    {
        ui::FixActions::setUrlOpener([this](const QUrl &url) {
            m_opened << url;
            return true;
        });
        ui::FixActions::setFileChooser(
            [this](QWidget *, const QString &, const QString &, const QString &) { return m_chosenFile; });
    }
    void TearDown() override
    {
        m_window.reset();
        ui::FixActions::setUrlOpener({});
        ui::FixActions::setFileChooser({});
    }

    void open(const core::Target &target)
    {
        m_window = std::make_unique<MainWindow>(target);
        m_window->resize(900, 760);
        m_window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
    }
    static core::Target targetFor(const core::Simulator &sim)
    {
        core::Target t = test::simulatorTarget(sim, 8000);
        t.apiKey = kKey;
        return t;
    }
    QPushButton *button(const QString &name) const
    {
        // A button of an earlier verdict may wait for its deletion: only a shown one counts.
        for (QPushButton *b : m_window->findChildren<QPushButton *>(name)) {
            if (b->isVisible())
                return b;
        }
        return nullptr;
    }
    template <typename T> T *child(const QString &name) const { return m_window->findChild<T *>(name); }
    QString category() const { return child<QLabel>(u"verdictHeadline"_s)->property("category").toString(); }
    QString headline() const { return child<QLabel>(u"verdictHeadline"_s)->text(); }
    bool finish()
    {
        if (!waitFor([this] { return m_window->checksPage()->state() == ui::ChecksPage::State::Finished; },
                     25000))
            return false;
        m_window->findChild<QPushButton *>(u"verdictButton"_s)->click();
        QCoreApplication::processEvents();
        return m_window->currentPage() == MainWindow::Result;
    }
    bool runToVerdict()
    {
        m_window->findChild<QPushButton *>(u"runButton"_s)->click();
        return finish();
    }
    bool runAgain()
    {
        QPushButton *again = button(u"runAgainButton"_s);
        if (!again || !again->isEnabled())
            return false;
        again->click();
        return finish();
    }
    // The fix buttons shown now, by object name.
    QStringList shownFixes() const
    {
        QStringList out;
        for (const QString &name : kFixButtons) {
            if (button(name))
                out << name;
        }
        return out;
    }
    QString fixStatus() const
    {
        auto *label = child<QLabel>(u"fixStatus"_s);
        return label && label->isVisible() ? label->text() : QString();
    }
    // LLMDOCTOR_SCREENSHOTS=dir: what a user sees, to look at.
    void screenshot(const QString &name) const
    {
        const QString dir = qEnvironmentVariable("LLMDOCTOR_SCREENSHOTS");
        if (dir.isEmpty())
            return;
        QTest::qWait(60);
        m_window->grab().save(QDir(dir).filePath(name + u".png"_s));
    }
    // At 800×600 the verdict page holds: nothing cut off or outside the window, no two
    // mnemonics alike among what is shown.
    void expectLayoutHolds(const QString &where)
    {
        const QSize before = m_window->size();
        m_window->resize(800, 600);
        for (int i = 0; i < 3; ++i)
            QCoreApplication::processEvents();
        for (const QString &problem : test::geometryProblems(m_window.get()))
            ADD_FAILURE() << where.toStdString() << " at 800x600: " << problem.toStdString();
        QHash<QChar, QWidget *> seen;
        for (const auto &[c, w] : ui::mnemonicsIn(m_window.get())) {
            if (seen.contains(c))
                ADD_FAILURE() << where.toStdString() << ": Alt+" << QString(c).toStdString() << " is both "
                              << test::describe(seen.value(c)).toStdString() << " and "
                              << test::describe(w).toStdString();
            seen.insert(c, w);
        }
        screenshot(where + u"-800x600"_s);
        m_window->resize(before);
    }
    ui::ModelChooser *chooser() const
    {
        for (ui::ModelChooser *c : m_window->findChildren<ui::ModelChooser *>()) {
            if (c->isVisible())
                return c;
        }
        return nullptr;
    }

    std::unique_ptr<MainWindow> m_window;
    QList<QUrl> m_opened;
    QString m_chosenFile;
};

} // namespace

// A working API: no fix to offer, no wait to report.
TEST_F(OneClickFix, NothingToFixShowsNoButtons)
{
    core::Simulator sim(faultOptions(core::Fault::None));
    ASSERT_TRUE(sim.start());
    core::Target t = targetFor(sim);
    t.model = u"gpt-4o-mini"_s;
    open(t);
    ASSERT_TRUE(runToVerdict());
    EXPECT_EQ(category(), u"ok"_s) << headline().toStdString();
    EXPECT_TRUE(shownFixes().isEmpty()) << shownFixes().join(u' ').toStdString();
    EXPECT_FALSE(child<QLabel>(u"retryAfterLine"_s)->isVisible());
    EXPECT_TRUE(fixStatus().isEmpty());
}

// A mistyped model: the provider's list, closest names first, searchable; the name chosen goes
// into the model field, and the run after it is clean.
TEST_F(OneClickFix, ChooseAModelFromTheProvidersList)
{
    core::Simulator sim(faultOptions(core::Fault::None));
    ASSERT_TRUE(sim.start());
    core::Target t = targetFor(sim);
    t.model = u"gpt-4o-mni"_s;
    open(t);
    ASSERT_TRUE(runToVerdict());
    ASSERT_EQ(category(), u"model_not_found"_s) << headline().toStdString();
    EXPECT_EQ(shownFixes(), QStringList{u"chooseModelButton"_s});
    expectLayoutHolds(u"oneclick-model"_s);

    button(u"chooseModelButton"_s)->click();
    ui::ModelChooser *dialog = nullptr;
    ASSERT_TRUE(waitFor([&] { return (dialog = chooser()) != nullptr; }, 3000));
    auto *list = dialog->findChild<QListWidget *>(u"modelList"_s);
    ASSERT_NE(list, nullptr);
    // Every model the server offers, the closest name first.
    EXPECT_EQ(list->count(), core::Simulator::defaultModels().size());
    const core::CheckResult *modelCheck = m_window->findings()->check(u"model"_s);
    ASSERT_TRUE(modelCheck && !modelCheck->facts.closeModels.isEmpty());
    EXPECT_EQ(list->item(0)->text(), modelCheck->facts.closeModels.first());
    EXPECT_EQ(dialog->chosenModel(), modelCheck->facts.closeModels.first()) << "the closest name is chosen";
    if (const QString dir = qEnvironmentVariable("LLMDOCTOR_SCREENSHOTS"); !dir.isEmpty())
        dialog->grab().save(QDir(dir).filePath(u"oneclick-model-dialog.png"_s));
    // The search narrows the list; the best match left is the one chosen.
    auto *filter = dialog->findChild<QLineEdit *>(u"modelFilter"_s);
    ASSERT_NE(filter, nullptr);
    QTest::keyClicks(filter, u"llama"_s);
    int visible = 0;
    for (int i = 0; i < list->count(); ++i)
        visible += list->item(i)->isHidden() ? 0 : 1;
    EXPECT_EQ(visible, 1);
    EXPECT_EQ(dialog->chosenModel(), u"meta-llama/Llama-3.3-70B-Instruct"_s);
    filter->clear();
    // The arrow keys in the search field move through the list.
    QTest::keyClick(filter, Qt::Key_Down);
    EXPECT_EQ(dialog->chosenModel(), list->item(1)->text());
    QTest::keyClick(filter, Qt::Key_Up);
    EXPECT_EQ(dialog->chosenModel(), list->item(0)->text());
    QTest::keyClicks(filter, u"4o-mini"_s);
    EXPECT_EQ(dialog->chosenModel(), u"gpt-4o-mini"_s);
    QTest::keyClick(filter, Qt::Key_Return);
    ASSERT_TRUE(waitFor([&] { return chooser() == nullptr; }, 3000));

    EXPECT_EQ(child<QLineEdit>(u"modelEdit"_s)->text(), u"gpt-4o-mini"_s);
    EXPECT_TRUE(fixStatus().contains(u"gpt-4o-mini"_s)) << fixStatus().toStdString();
    EXPECT_TRUE(fixStatus().contains(u"Run again"_s)) << fixStatus().toStdString();
    EXPECT_EQ(m_window->focusWidget(), button(u"runAgainButton"_s)); // the window's, active or not
    screenshot(u"oneclick-model-applied"_s);

    ASSERT_TRUE(runAgain());
    EXPECT_EQ(category(), u"ok"_s) << headline().toStdString();
    EXPECT_TRUE(shownFixes().isEmpty());
    EXPECT_TRUE(fixStatus().isEmpty()) << "a new verdict starts without the old status";
    EXPECT_FALSE(child<QWidget>(u"requestIdRow"_s)->isVisible()) << "nothing to ask support about";
}

// A server without the usual model (the simulator's ModelNotFound fault): a name it lists, picked
// with the mouse, works.
TEST_F(OneClickFix, ChooseTheFirstModelAServerLists)
{
    core::Simulator sim(faultOptions(core::Fault::ModelNotFound));
    ASSERT_TRUE(sim.start());
    core::Target t = targetFor(sim);
    t.model = u"gpt-4o-mini"_s;
    open(t);
    ASSERT_TRUE(runToVerdict());
    ASSERT_EQ(category(), u"model_not_found"_s) << headline().toStdString();
    ASSERT_EQ(shownFixes(), QStringList{u"chooseModelButton"_s});
    button(u"chooseModelButton"_s)->click();
    ui::ModelChooser *dialog = nullptr;
    ASSERT_TRUE(waitFor([&] { return (dialog = chooser()) != nullptr; }, 3000));
    auto *list = dialog->findChild<QListWidget *>(u"modelList"_s);
    ASSERT_TRUE(list && list->count() > 0);
    EXPECT_TRUE(list->findItems(u"gpt-4o-mini"_s, Qt::MatchExactly).isEmpty());
    // The last name, clicked, then the dialog's button.
    QListWidgetItem *item = list->item(list->count() - 1);
    const QString chosen = item->text();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(item).center());
    EXPECT_EQ(dialog->chosenModel(), chosen);
    auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    ASSERT_TRUE(ok && ok->isEnabled());
    ok->click();
    ASSERT_TRUE(waitFor([&] { return chooser() == nullptr; }, 3000));
    EXPECT_EQ(child<QLineEdit>(u"modelEdit"_s)->text(), chosen);
    ASSERT_TRUE(runAgain());
    EXPECT_EQ(category(), u"ok"_s) << headline().toStdString();
}

// Cancelling the model dialog changes nothing.
TEST_F(OneClickFix, CancellingTheModelChoiceChangesNothing)
{
    core::Simulator sim(faultOptions(core::Fault::None));
    ASSERT_TRUE(sim.start());
    core::Target t = targetFor(sim);
    t.model = u"gpt-5-turbo-ultra"_s;
    open(t);
    ASSERT_TRUE(runToVerdict());
    ASSERT_EQ(category(), u"model_not_found"_s) << headline().toStdString();
    button(u"chooseModelButton"_s)->click();
    ui::ModelChooser *dialog = nullptr;
    ASSERT_TRUE(waitFor([&] { return (dialog = chooser()) != nullptr; }, 3000));
    dialog->reject();
    ASSERT_TRUE(waitFor([&] { return chooser() == nullptr; }, 3000));
    EXPECT_EQ(child<QLineEdit>(u"modelEdit"_s)->text(), u"gpt-5-turbo-ultra"_s);
    EXPECT_TRUE(fixStatus().isEmpty());
}

// An endpoint pasted into the address: "Use this address" puts the corrected one in its place.
TEST_F(OneClickFix, UseTheCorrectedAddress)
{
    core::Simulator sim(faultOptions(core::Fault::None));
    ASSERT_TRUE(sim.start());
    core::Target t = targetFor(sim);
    t.model = u"gpt-4o-mini"_s;
    const QString base = sim.baseUrl().toString();
    t.baseUrl = QUrl(base + u"/chat/completions"_s);
    open(t);
    ASSERT_TRUE(runToVerdict());
    ASSERT_EQ(category(), u"endpoint_not_found"_s) << headline().toStdString();
    EXPECT_EQ(shownFixes(), QStringList{u"useAddressButton"_s});
    expectLayoutHolds(u"oneclick-address"_s);
    button(u"useAddressButton"_s)->click();
    EXPECT_EQ(child<QLineEdit>(u"addressEdit"_s)->text(), base);
    EXPECT_EQ(fixStatus(), u"Changed the address to %1; press Run again."_s.arg(base));
    EXPECT_EQ(m_window->focusWidget(), button(u"runAgainButton"_s)); // the window's, active or not
    screenshot(u"oneclick-address-applied"_s);
    ASSERT_TRUE(runAgain());
    EXPECT_EQ(category(), u"ok"_s) << headline().toStdString();
}

// The API moved (a redirect llmdoctor does not follow with the key): "Use this address" takes the
// new one.
TEST_F(OneClickFix, UseTheAddressARedirectPointsTo)
{
    core::Simulator sim(faultOptions(core::Fault::None));
    ASSERT_TRUE(sim.start());
    test::FixtureServer old;
    ASSERT_TRUE(old.start());
    const QString base = sim.baseUrl().toString();
    old.redirect(u"/old/v1/models"_s, (base + u"/models"_s).toUtf8(), 301);
    core::Target t = targetFor(sim);
    t.model = u"gpt-4o-mini"_s;
    t.baseUrl = old.url(u"/old/v1"_s);
    open(t);
    ASSERT_TRUE(runToVerdict());
    ASSERT_EQ(category(), u"endpoint_not_found"_s) << headline().toStdString();
    ASSERT_EQ(shownFixes(), QStringList{u"useAddressButton"_s});
    button(u"useAddressButton"_s)->click();
    EXPECT_EQ(child<QLineEdit>(u"addressEdit"_s)->text(), base);
    ASSERT_TRUE(runAgain());
    EXPECT_EQ(category(), u"ok"_s) << headline().toStdString();
}

// A certificate nobody trusts (a company's inspecting proxy, here a private CA): the company's
// certificate file goes into the field, and the next run trusts it.
TEST_F(OneClickFix, ChooseTheCompanyCertificateFile)
{
    test::TestCertificates certs;
    QString error;
    ASSERT_TRUE(certs.create(&error)) << error.toStdString();
    core::SimulatorOptions o = faultOptions(core::Fault::Tls);
    o.certFile = certs.cert(u"good");
    o.keyFile = certs.key(u"good");
    core::Simulator sim(o);
    ASSERT_TRUE(sim.start(&error)) << error.toStdString();
    core::Target t = targetFor(sim);
    t.model = u"gpt-4o-mini"_s;
    open(t);
    ASSERT_TRUE(runToVerdict());
    ASSERT_EQ(category(), u"tls_untrusted"_s) << headline().toStdString();
    EXPECT_EQ(shownFixes(), QStringList{u"chooseCaFileButton"_s});
    expectLayoutHolds(u"oneclick-certificate"_s);

    // Cancelled: nothing changes.
    m_chosenFile.clear();
    button(u"chooseCaFileButton"_s)->click();
    EXPECT_TRUE(child<QLineEdit>(u"caFileEdit"_s)->text().isEmpty());
    EXPECT_TRUE(fixStatus().isEmpty());

    m_chosenFile = certs.caCert();
    button(u"chooseCaFileButton"_s)->click();
    EXPECT_EQ(child<QLineEdit>(u"caFileEdit"_s)->text(), certs.caCert());
    EXPECT_TRUE(fixStatus().contains(QDir::toNativeSeparators(certs.caCert()))) << fixStatus().toStdString();
    EXPECT_EQ(m_window->focusWidget(), button(u"runAgainButton"_s)); // the window's, active or not
    ASSERT_TRUE(runAgain());
    EXPECT_NE(category(), u"tls_untrusted"_s) << headline().toStdString();
    EXPECT_EQ(category(), u"ok"_s) << headline().toStdString();
}

// A proxy that is not there: "Go direct" sets the proxy to none, and the API answers.
TEST_F(OneClickFix, GoDirectPastABrokenProxy)
{
    core::Simulator sim(faultOptions(core::Fault::None));
    ASSERT_TRUE(sim.start());
    core::Target t = targetFor(sim);
    t.model = u"gpt-4o-mini"_s;
    t.proxy.mode = core::ProxyChoice::Mode::Explicit;
    t.proxy.url = QUrl(u"http://127.0.0.1:%1"_s.arg(test::freePort()));
    open(t);
    ASSERT_TRUE(runToVerdict());
    // Whether it reads as the proxy's fault or as nothing listening there: the proxy is in the way.
    ASSERT_EQ(shownFixes(), (QStringList{u"useSystemProxyButton"_s, u"goDirectButton"_s}))
        << headline().toStdString() << " (" << category().toStdString() << ")";
    expectLayoutHolds(u"oneclick-proxy"_s);

    button(u"useSystemProxyButton"_s)->click();
    auto *mode = child<QComboBox>(u"proxyMode"_s);
    EXPECT_EQ(mode->currentIndex(), 2); // "Use the system settings"
    EXPECT_TRUE(fixStatus().contains(u"Run again"_s));

    button(u"goDirectButton"_s)->click();
    EXPECT_EQ(mode->currentIndex(), 1);                              // "No proxy: connect directly"
    EXPECT_EQ(m_window->focusWidget(), button(u"runAgainButton"_s)); // the window's, active or not
    screenshot(u"oneclick-proxy-applied"_s);
    ASSERT_TRUE(runAgain());
    EXPECT_EQ(category(), u"ok"_s) << headline().toStdString();
}

// A refused key at a known provider: the page where keys are made opens, not a browser in tests.
TEST_F(OneClickFix, OpenThePageWhereKeysAreMade)
{
    core::SimulatorOptions o = faultOptions(core::Fault::None);
    o.expectedKey = "sk-proj-THEGOODONEabcdefghijklmnopqrstuvwxyz0123456789abcdef";
    core::Simulator sim(o);
    ASSERT_TRUE(sim.start());
    core::Target t = targetFor(sim);
    t.provider = u"openai"_s;
    t.model = u"gpt-4o-mini"_s;
    open(t);
    ASSERT_TRUE(runToVerdict());
    ASSERT_EQ(category(), u"auth_invalid_key"_s) << headline().toStdString();
    EXPECT_EQ(shownFixes(), QStringList{u"openKeyPageButton"_s});
    expectLayoutHolds(u"oneclick-key"_s);
    button(u"openKeyPageButton"_s)->click();
    ASSERT_EQ(m_opened.size(), 1);
    EXPECT_EQ(m_opened.first(), QUrl(u"https://platform.openai.com/api-keys"_s));
    EXPECT_TRUE(fixStatus().contains(u"platform.openai.com/api-keys"_s)) << fixStatus().toStdString();

    // A server of one's own has no such page: no button.
    t.provider.clear();
    m_window.reset();
    open(t);
    ASSERT_TRUE(runToVerdict());
    ASSERT_EQ(category(), u"auth_invalid_key"_s) << headline().toStdString();
    EXPECT_TRUE(shownFixes().isEmpty()) << shownFixes().join(u' ').toStdString();
}

// An outage on the provider's status page: the page opens in the browser.
TEST_F(OneClickFix, OpenTheStatusPageInAnOutage)
{
    test::FixtureServer pages;
    ASSERT_TRUE(pages.start());
    ASSERT_TRUE(pages.file(u"/sp/api/v2/summary.json"_s, u"statuspage_major.json"_s));
    ASSERT_TRUE(pages.file(u"/sp/api/v2/incidents/unresolved.json"_s, u"statuspage_unresolved_empty.json"_s));
    ASSERT_TRUE(pages.file(u"/sp/api/v2/scheduled-maintenances/active.json"_s,
                           u"statuspage_maintenance_empty.json"_s));
    core::Simulator sim(faultOptions(core::Fault::EnvoyReset));
    ASSERT_TRUE(sim.start());
    core::Target t = targetFor(sim);
    t.provider = u"openai"_s;
    t.model = u"gpt-4o-mini"_s;
    t.statusUrl = pages.url(u"/sp"_s);
    open(t);
    ASSERT_TRUE(runToVerdict());
    ASSERT_EQ(category(), u"provider_outage"_s) << headline().toStdString();
    EXPECT_EQ(shownFixes(), QStringList{u"openStatusPageButton"_s});
    expectLayoutHolds(u"oneclick-status"_s);
    button(u"openStatusPageButton"_s)->click();
    ASSERT_EQ(m_opened.size(), 1);
    const auto *findings = m_window->findings();
    ASSERT_NE(findings, nullptr);
    const QString expected = findings->context.statusPage && !findings->context.statusPage->pageUrl.isEmpty()
                                 ? findings->context.statusPage->pageUrl
                                 : u"https://status.openai.com"_s;
    EXPECT_EQ(m_opened.first().toString(), expected);

    // A browser that does not open is said so.
    ui::FixActions::setUrlOpener([](const QUrl &) { return false; });
    button(u"openStatusPageButton"_s)->click();
    EXPECT_TRUE(fixStatus().startsWith(u"Nothing on this computer opened"_s)) << fixStatus().toStdString();
}

// A 429: the wait the provider asked for is said once, and the request id can be copied.
TEST_F(OneClickFix, TheWaitAndTheRequestIdOfA429)
{
    core::SimulatorOptions o = faultOptions(core::Fault::RateLimit);
    o.retryAfterSeconds = 17;
    o.errorStyle = core::ErrorStyle::Anthropic; // its message names no wait
    core::Simulator sim(o);
    ASSERT_TRUE(sim.start());
    core::Target t = targetFor(sim);
    t.model = u"gpt-4o-mini"_s;
    open(t);
    ASSERT_TRUE(runToVerdict());
    ASSERT_EQ(category(), u"rate_limited"_s) << headline().toStdString();
    auto *wait = child<QLabel>(u"retryAfterLine"_s);
    EXPECT_TRUE(wait->isVisible());
    // "17 seconds" where the English plural forms are installed (the app), "17 second(s)" here.
    EXPECT_TRUE(wait->text().startsWith(u"The provider asks you to wait 17 second"_s))
        << wait->text().toStdString();
    EXPECT_TRUE(shownFixes().isEmpty()) << shownFixes().join(u' ').toStdString();

    const auto *findings = m_window->findings();
    ASSERT_NE(findings, nullptr);
    ASSERT_FALSE(findings->requestIds.isEmpty());
    const QString id = findings->requestIds.first().second;
    auto *label = child<QLabel>(u"requestId"_s);
    EXPECT_TRUE(label->isVisible());
    EXPECT_TRUE(label->text().contains(id)) << label->text().toStdString();
    QApplication::clipboard()->clear();
    button(u"copyRequestIdButton"_s)->click();
    EXPECT_EQ(QApplication::clipboard()->text(), id);
    EXPECT_TRUE(fixStatus().contains(id));
    expectLayoutHolds(u"oneclick-429"_s);
}

// The OpenAI message already names the wait ("try again in 17s"): no second sentence says it.
TEST_F(OneClickFix, AWaitTheVerdictAlreadyNamesIsNotRepeated)
{
    core::SimulatorOptions o = faultOptions(core::Fault::RateLimit);
    o.retryAfterSeconds = 17;
    core::Simulator sim(o);
    ASSERT_TRUE(sim.start());
    core::Target t = targetFor(sim);
    t.model = u"gpt-4o-mini"_s;
    open(t);
    ASSERT_TRUE(runToVerdict());
    ASSERT_EQ(category(), u"rate_limited"_s) << headline().toStdString();
    ASSERT_TRUE(child<QLabel>(u"verdictExplanation"_s)->text().contains(u"17"_s));
    EXPECT_FALSE(child<QLabel>(u"retryAfterLine"_s)->isVisible());
}

// The offer follows the findings alone: the fix for the verdict's cause, nothing for "Also found".
TEST(OneClickFixes, FollowTheVerdictsCauseOnly)
{
    core::Findings f;
    f.context.target.baseUrl = QUrl(u"http://127.0.0.1:9/v1"_s);
    f.context.target.proxy.mode = core::ProxyChoice::Mode::System;
    f.verdict.category = core::Category::ProxyError;
    f.verdict.blame = core::Blame::Proxy;
    f.verdict.alsoFound.append({core::Category::ModelNotFound, core::Blame::Config, u"x"_s, u"model"_s});
    auto fixes = ui::FixActions::forFindings(f);
    ASSERT_EQ(fixes.size(), 1); // the system proxy is in use: only "Go direct"
    EXPECT_EQ(fixes.first().kind, ui::Fix::Kind::GoDirect);

    // A redirect names the new address.
    core::CheckResult http;
    http.id = u"http"_s;
    http.facts.movedTo = u"https://api.example.com/v2"_s;
    f.checks = {http};
    f.verdict = {};
    f.verdict.category = core::Category::EndpointNotFound;
    f.verdict.blame = core::Blame::Config;
    fixes = ui::FixActions::forFindings(f);
    ASSERT_EQ(fixes.size(), 1);
    EXPECT_EQ(fixes.first().kind, ui::Fix::Kind::UseAddress);
    EXPECT_EQ(fixes.first().value, u"https://api.example.com/v2"_s);

    // Closest names first, each once.
    core::CheckResult model;
    model.id = u"model"_s;
    model.facts.closeModels = {u"b"_s};
    model.facts.models = {u"a"_s, u"b"_s, u"c"_s};
    f.checks = {model};
    f.verdict.category = core::Category::ModelNotFound;
    fixes = ui::FixActions::forFindings(f);
    ASSERT_EQ(fixes.size(), 1);
    EXPECT_EQ(fixes.first().kind, ui::Fix::Kind::ChooseModel);
    EXPECT_EQ(fixes.first().choices, (QStringList{u"b"_s, u"a"_s, u"c"_s}));

    f.verdict.category = core::Category::Ok;
    f.verdict.blame = core::Blame::None;
    EXPECT_TRUE(ui::FixActions::forFindings(f).isEmpty());
}
