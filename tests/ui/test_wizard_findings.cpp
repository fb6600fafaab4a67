// The wizard renders the one record of what was found (Findings): the cases a new user ran into,
// driven through the offscreen wizard against servers on 127.0.0.1.
#include "core/sim/simulator.h"
#include "support/fixtureserver.h"
#include "support/servers.h"
#include "support/waiting.h"
#include "ui/charts/phasechart.h"
#include "ui/checkspage.h"
#include "ui/mainwindow.h"
#include "ui/retrypage.h"
#include "ui/startpage.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <gtest/gtest.h>
#include <memory>

using namespace Qt::StringLiterals;
using namespace llmdoctor;
using llmdoctor::test::faultOptions;
using llmdoctor::test::waitFor;
using ui::MainWindow;

namespace {

const QByteArray kKey = "sk-proj-WIZARDFINDINGSabcdefghijklmnopqrstuvwxyz0123456789";

class FindingsWizard : public ::testing::Test
{
protected:
    static void SetUpTestSuite() { QStandardPaths::setTestModeEnabled(true); }

    void open(const core::Target &target)
    {
        m_window = std::make_unique<MainWindow>(target);
        m_window->resize(900, 760);
        m_window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
    }
    static core::Target targetFor(const core::Simulator &sim)
    {
        core::Target t;
        t.baseUrl = sim.baseUrl();
        t.timeoutMs = 10000;
        t.proxy.mode = core::ProxyChoice::Mode::None;
        return t;
    }
    QPushButton *button(const QString &name) const { return m_window->findChild<QPushButton *>(name); }
    template <typename T> T *child(const QString &name) const { return m_window->findChild<T *>(name); }
    // Run the checks (through the explain page when an error was pasted) and open the verdict.
    bool runToVerdict()
    {
        button(u"runButton"_s)->click();
        if (m_window->currentPage() == MainWindow::Explain)
            button(u"runButton"_s)->click();
        if (!waitFor([this] { return m_window->checksPage()->state() == ui::ChecksPage::State::Finished; },
                     20000))
            return false;
        button(u"verdictButton"_s)->click();
        return m_window->currentPage() == MainWindow::Result;
    }
    QJsonObject exportJson()
    {
        const QString path = m_dir.filePath(u"report.json"_s);
        EXPECT_TRUE(m_window->exportReport(path));
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::ReadOnly));
        return QJsonDocument::fromJson(f.readAll()).object();
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
    void TearDown() override { m_window.reset(); }

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace

// Outage on the status page, 503 from Envoy, no key: the verdict page leads with the outage and
// lists the missing key under "Also found".
TEST_F(FindingsWizard, AnOutageLeadsAndTheMissingKeyIsAlsoFound)
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
    t.statusUrl = pages.url(u"/sp"_s);
    open(t);
    ASSERT_TRUE(runToVerdict());
    auto *headline = child<QLabel>(u"verdictHeadline"_s);
    EXPECT_EQ(headline->property("category").toString(), u"provider_outage"_s)
        << headline->text().toStdString();
    auto *also = child<QLabel>(u"alsoFound"_s);
    ASSERT_NE(also, nullptr);
    EXPECT_TRUE(also->isVisible());
    ASSERT_NE(m_window->findings(), nullptr);
    ASSERT_FALSE(m_window->findings()->verdict.alsoFound.isEmpty());
    EXPECT_EQ(m_window->findings()->verdict.alsoFound.first().category, core::Category::AuthMissingKey);
    EXPECT_TRUE(also->text().contains(m_window->findings()->verdict.alsoFound.first().headline));
    EXPECT_FALSE(child<QLabel>(u"verdictExplanation"_s)->text().contains(u"401"_s));
    screenshot(u"verdict-also-found"_s);
}

// The explain page and the verdict agree on who should act: a bare 504 pasted for an address on
// this computer, with no proxy set, is not blamed on an IT department's proxy on either page.
TEST_F(FindingsWizard, TheExplainPageAndTheVerdictAgree)
{
    core::SimulatorOptions o = faultOptions(core::Fault::None);
    core::Simulator sim(o);
    ASSERT_TRUE(sim.start());
    core::Target t = targetFor(sim);
    t.errorText = u"504 Gateway Time-out"_s;
    open(t);
    button(u"runButton"_s)->click();
    ASSERT_EQ(m_window->currentPage(), MainWindow::Explain);
    const QString explainBlame = child<QLabel>(u"errorHeadline"_s)->property("blame").toString();
    const QString explainWho = child<QLabel>(u"errorWhoActs"_s)->text();
    button(u"runButton"_s)->click();
    ASSERT_TRUE(waitFor([this] { return m_window->checksPage()->state() == ui::ChecksPage::State::Finished; },
                        20000));
    button(u"verdictButton"_s)->click();
    const QString verdictBlame = child<QLabel>(u"verdictHeadline"_s)->property("blame").toString();
    EXPECT_EQ(explainBlame, verdictBlame) << explainWho.toStdString();
    EXPECT_NE(verdictBlame, u"proxy"_s);
    EXPECT_FALSE(child<QLabel>(u"whoActs"_s)->text().contains(u"IT department"_s));
}

// The explain page guesses Traefik from a bare "Gateway Timeout"; the checks see nginx write the
// same 504: the verdict says which is true, once.
TEST_F(FindingsWizard, TheVerdictSaysOnceWhoReallyWroteThePastedMessage)
{
    core::SimulatorOptions o = faultOptions(core::Fault::GatewayTimeout, 1.0);
    o.gatewayTimeoutMs = 200;
    core::Simulator sim(o);
    ASSERT_TRUE(sim.start());
    core::Target t = targetFor(sim);
    t.errorText = u"Gateway Timeout"_s;
    open(t);
    ASSERT_TRUE(runToVerdict());
    const QString explanation = child<QLabel>(u"verdictExplanation"_s)->text();
    EXPECT_TRUE(explanation.contains(u"nginx wrote it, not Traefik"_s)) << explanation.toStdString();
    EXPECT_EQ(explanation.count(u"Traefik"_s), 1) << explanation.toStdString();
}

// A key with a line break after it: the verdict page does not say everything works.
TEST_F(FindingsWizard, AKeyWithATrailingLineBreakIsNotEverythingWorks)
{
    core::Simulator sim(faultOptions(core::Fault::None));
    ASSERT_TRUE(sim.start());
    core::Target t = targetFor(sim);
    t.apiKey = kKey + "\n";
    open(t);
    ASSERT_TRUE(runToVerdict());
    auto *headline = child<QLabel>(u"verdictHeadline"_s);
    EXPECT_NE(headline->property("category").toString(), u"ok"_s) << headline->text().toStdString();
    EXPECT_FALSE(headline->text().startsWith(u"Everything works"_s));
}

// Wait and retry against one server, then check another: neither the page nor the report shows
// the first server's attempts.
TEST_F(FindingsWizard, RetryRunsOfAnotherServerAreNotShownOrExported)
{
    core::SimulatorOptions bad = faultOptions(core::Fault::BadGateway);
    core::Simulator first(bad);
    core::Simulator second(faultOptions(core::Fault::None));
    ASSERT_TRUE(first.start());
    ASSERT_TRUE(second.start());
    open(targetFor(first));
    ASSERT_TRUE(runToVerdict());
    button(u"retryButton"_s)->click();
    ui::RetryPage *page = m_window->retryPage();
    ASSERT_TRUE(waitFor([&] { return page->retrier() && !page->isRunning(); }, 30000));
    ASSERT_FALSE(page->retrier()->attempts().isEmpty());
    EXPECT_FALSE(exportJson().value(u"retry"_s).isNull()); // the same server: the run belongs here

    // Back to the start, another address, run again.
    button(u"backButton"_s)->click(); // from the retry page to the verdict
    button(u"startOverButton"_s)->click();
    ASSERT_EQ(m_window->currentPage(), MainWindow::Start);
    auto *address = child<QLineEdit>(u"addressEdit"_s);
    address->setText(second.baseUrl().toString());
    ASSERT_TRUE(runToVerdict());
    const QJsonObject report = exportJson();
    EXPECT_TRUE(report.value(u"retry"_s).isNull())
        << QJsonDocument(report.value(u"retry"_s).toObject()).toJson().toStdString();
    EXPECT_EQ(report.value(u"target"_s).toObject().value(u"base_url"_s).toString(),
              core::shownUrl(second.baseUrl()));

    // The page, opened now, is about the second server: none of the first one's rows.
    button(u"retryButton"_s)->click();
    ASSERT_TRUE(waitFor([&] { return page->retrier() && !page->isRunning(); }, 30000));
    EXPECT_EQ(core::shownUrl(page->retrier()->target().baseUrl), core::shownUrl(second.baseUrl()));
    auto *list = page->findChild<QTreeWidget *>(u"retryAttempts"_s);
    ASSERT_GT(list->topLevelItemCount(), 0);
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        EXPECT_FALSE(list->topLevelItem(i)->text(2).contains(u"502"_s)) << i;
}

// A request that hangs: "Where the time went" draws the wait, marked as the phase it failed in,
// and the sentence under it names it.
TEST_F(FindingsWizard, AHangIsDrawnAsTheWaitItWas)
{
    core::Simulator sim(faultOptions(core::Fault::Hang));
    ASSERT_TRUE(sim.start());
    core::Target t = targetFor(sim);
    t.timeoutMs = 3000;
    open(t);
    ASSERT_TRUE(runToVerdict());
    auto *chart = child<ui::PhaseChart>(u"phaseChart"_s);
    ASSERT_NE(chart, nullptr);
    EXPECT_EQ(chart->failedPhase(), u"ttfb"_s);
    // The sentence under the chart names it.
    auto *caption = chart->findChild<QLabel *>(u"phaseCaption"_s);
    ASSERT_NE(caption, nullptr);
    EXPECT_TRUE(caption->isVisible());
    const QString text = caption->text();
    EXPECT_TRUE(text.contains(u"for an answer that never came"_s)) << text.toStdString();
    // The wait it names is the typed fact: the time from the open connection to the deadline.
    static const QRegularExpression seconds(u"(\\d+[.,]\\d) s\\b"_s);
    const double waited = seconds.match(text).captured(1).replace(u',', u'.').toDouble();
    ASSERT_NE(m_window->findings(), nullptr);
    const auto timing = m_window->findings()->timing();
    ASSERT_TRUE(timing.has_value());
    EXPECT_NEAR(waited, timing->failedPhaseMs / 1000, 0.051) << text.toStdString();
    // The whole request is about the 3 s deadline. The 3 s are the diagnosis's; the request gets what is
    // left of them when it is sent, so a loaded machine (two cores, ASan; CI measured 2.89 s) reads a
    // little less, and a late timer a little more. Connecting may take a tenth of a second of it, which
    // the sentence rightly leaves out of the wait.
    EXPECT_GE(timing->phases.total, 2500.0);
    EXPECT_LE(timing->phases.total, 3600.0);
    EXPECT_LE(timing->failedPhaseMs, timing->phases.total);
    EXPECT_GE(waited, 2.0) << text.toStdString();
    EXPECT_FALSE(text.contains(u"connecting"_s)) << text.toStdString();
    screenshot(u"verdict-hang"_s);
}

// The pasted message is in every format the wizard saves, PDF included, without the key.
TEST_F(FindingsWizard, ThePastedErrorIsInEveryExport)
{
    core::Simulator sim(faultOptions(core::Fault::BadGateway));
    ASSERT_TRUE(sim.start());
    core::Target t = targetFor(sim);
    t.apiKey = kKey;
    t.errorText = u"Error code: 502 - upstream failed for key "_s + QString::fromLatin1(kKey);
    open(t);
    ASSERT_TRUE(runToVerdict());
    for (const QString &suffix : {u"txt"_s, u"json"_s, u"md"_s, u"html"_s, u"har"_s, u"pdf"_s}) {
        const QString path = m_dir.filePath(u"report."_s + suffix);
        ASSERT_TRUE(m_window->exportReport(path)) << suffix.toStdString();
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        EXPECT_FALSE(bytes.contains(kKey)) << suffix.toStdString();
        if (suffix == u"pdf")
            EXPECT_TRUE(bytes.startsWith("%PDF-"));
        else
            EXPECT_TRUE(bytes.contains("Error code: 502 - upstream failed for key")) << suffix.toStdString();
    }
}
