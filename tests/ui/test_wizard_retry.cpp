// The wait-and-retry page and the monitor window, driven through the wizard against the
// simulator on 127.0.0.1. LLMDOCTOR_SCREENSHOTS=dir saves what a user sees, for the README.
#include "core/sim/simulator.h"
#include "support/fixtureserver.h"
#include "support/waiting.h"
#include "ui/charts/latencychart.h"
#include "ui/checkspage.h"
#include "ui/mainwindow.h"
#include "ui/monitorwindow.h"
#include "ui/retrypage.h"

#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <gtest/gtest.h>
#include <memory>

using namespace Qt::StringLiterals;
using namespace llmdoctor;
using llmdoctor::test::waitFor;
using ui::MainWindow;

namespace {

void screenshot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("LLMDOCTOR_SCREENSHOTS");
    if (dir.isEmpty())
        return;
    QTest::qWait(60); // pending layouts and the chart's coalesced redraw, as a user would see them
    w->grab().save(QDir(dir).filePath(name + u".png"_s));
}

class RetryWizard : public ::testing::Test
{
protected:
    static void SetUpTestSuite() { QStandardPaths::setTestModeEnabled(true); }

    void open(core::SimulatorOptions options)
    {
        m_sim = std::make_unique<core::Simulator>(options);
        ASSERT_TRUE(m_sim->start());
        core::Target target;
        target.baseUrl = m_sim->baseUrl();
        target.timeoutMs = 10000;
        target.proxy.mode = core::ProxyChoice::Mode::None;
        m_window = std::make_unique<MainWindow>(target);
        m_window->resize(900, 760);
        m_window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
    }
    QPushButton *button(const QString &name) const { return m_window->findChild<QPushButton *>(name); }
    bool runChecks()
    {
        button(u"runButton"_s)->click();
        return waitFor([this] { return m_window->checksPage()->state() == ui::ChecksPage::State::Finished; });
    }
    void TearDown() override
    {
        m_window.reset();
        m_sim.reset();
    }

    std::unique_ptr<core::Simulator> m_sim;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace

TEST_F(RetryWizard, RetriesFromTheVerdictAndKeepsGoingBehindOtherPages)
{
    core::SimulatorOptions o;
    o.fault = core::Fault::RateLimit;
    o.retryAfterSeconds = 1;
    o.failFirst = 3; // the diagnosis's request and the first two retries get 429
    open(o);
    ASSERT_TRUE(runChecks());
    button(u"verdictButton"_s)->click();
    ASSERT_EQ(m_window->currentPage(), MainWindow::Result);
    QPushButton *retry = button(u"retryButton"_s);
    ASSERT_TRUE(retry->isVisible());
    retry->click();
    EXPECT_EQ(m_window->currentPage(), MainWindow::Retry);
    ui::RetryPage *page = m_window->retryPage();
    ASSERT_TRUE(page->isRunning()); // started for the user, nothing to configure

    // The countdown says why it waits.
    ASSERT_TRUE(waitFor([&] { return page->countdownText().contains(u"retry-after"_s); }, 5000))
        << page->countdownText().toStdString();
    page->chart()->flushPendingUpdate();
    screenshot(m_window.get(), u"retry-waiting"_s);

    // Reading another page does not stop it; the bar tells how it goes.
    button(u"backButton"_s)->click();
    EXPECT_EQ(m_window->currentPage(), MainWindow::Result);
    EXPECT_TRUE(page->isRunning());
    auto *status = m_window->findChild<QLabel *>(u"retryStatus"_s);
    ASSERT_NE(status, nullptr);
    EXPECT_TRUE(status->isVisible());
    EXPECT_TRUE(status->text().startsWith(u"Retrying"_s)) << status->text().toStdString();

    ASSERT_TRUE(waitFor([&] { return !page->isRunning(); }, 15000));
    EXPECT_EQ(page->retrier()->outcome(), core::Retrier::Outcome::Succeeded);
    auto *list = page->findChild<QTreeWidget *>(u"retryAttempts"_s);
    ASSERT_EQ(list->topLevelItemCount(), 3);
    EXPECT_TRUE(list->topLevelItem(0)->text(2).startsWith(u"Failed: 429"_s))
        << list->topLevelItem(0)->text(2).toStdString();
    EXPECT_TRUE(list->topLevelItem(1)->text(5).contains(u"retry-after"_s));
    EXPECT_TRUE(list->topLevelItem(2)->text(2).startsWith(u"Worked"_s));
    auto *headline = page->findChild<QLabel *>(u"retryHeadline"_s);
    EXPECT_TRUE(headline->text().contains(u"attempt 3"_s)) << headline->text().toStdString();
    EXPECT_EQ(page->chart()->displayedPointCount() > 0, true);

    retry->click(); // back to the page: the result is still there, not a new run
    EXPECT_FALSE(page->isRunning());
    EXPECT_EQ(list->topLevelItemCount(), 3);
    EXPECT_FALSE(status->isVisible()); // on the retry page itself the page says it
    page->chart()->flushPendingUpdate();
    screenshot(m_window.get(), u"retry-done"_s);
}

TEST_F(RetryWizard, StopEndsARetryAtOnce)
{
    core::SimulatorOptions o;
    o.fault = core::Fault::RateLimit;
    o.retryAfterSeconds = 30;
    open(o);
    ASSERT_TRUE(runChecks());
    button(u"retryButton"_s)->click();
    ui::RetryPage *page = m_window->retryPage();
    ASSERT_TRUE(waitFor([&] { return page->countdownText().startsWith(u"Waiting"_s); }, 5000));
    auto *startStop = page->findChild<QPushButton *>(u"retryStartStop"_s);
    startStop->click();
    EXPECT_FALSE(page->isRunning());
    EXPECT_EQ(page->retrier()->outcome(), core::Retrier::Outcome::Cancelled);
    EXPECT_TRUE(page->countdownText().startsWith(u"Stopped"_s)) << page->countdownText().toStdString();
}

TEST_F(RetryWizard, MonitorWindowChartsStatsAndExports)
{
    core::SimulatorOptions o;
    o.fault = core::Fault::GatewayTimeout;
    o.flakyShare = 0.5;
    o.gatewayTimeoutMs = 1100;
    open(o);
    ASSERT_TRUE(runChecks());
    button(u"verdictButton"_s)->click();
    button(u"watchButton"_s)->click();
    ui::MonitorWindow *w = m_window->monitorWindow();
    ASSERT_TRUE(w->isVisible());
    w->findChild<QDoubleSpinBox *>()->setValue(0.2);
    w->start();
    ASSERT_TRUE(waitFor([&] { return w->monitor()->samples().size() >= 6; }, 20000));
    ASSERT_TRUE(waitFor([&] { return w->patternsText().contains(u"1.1 s"_s); }, 3000))
        << w->patternsText().toStdString();
    EXPECT_TRUE(w->statsText().contains(u"worked"_s)) << w->statsText().toStdString();
    EXPECT_TRUE(w->statsText().contains(u"504"_s)) << w->statsText().toStdString();
    EXPECT_GT(w->findChild<QTreeWidget *>(u"monitorPhases"_s)->topLevelItemCount(), 0);
    w->chart()->flushPendingUpdate();
    EXPECT_GT(w->chart()->displayedPointCount(), 0);
    EXPECT_FALSE(w->chart()->failureLabels().isEmpty());
    screenshot(w, u"monitor"_s);

    QTemporaryDir dir;
    const QString file = dir.filePath(u"samples.csv"_s);
    QString error;
    EXPECT_TRUE(w->exportCsv(file, &error)) << error.toStdString();
    QFile f(file);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    EXPECT_EQ(lines.first(), "time_ms,status,category,dns_ms,connect_ms,tls_ms,ttfb_ms,total_ms");
    EXPECT_GE(lines.size(), 7);
    const qsizetype before = w->monitor()->samples().size();
    EXPECT_FALSE(w->exportCsv(u"/nonexistent-dir/samples.csv"_s, &error));
    EXPECT_TRUE(w->messageText().contains(u"Could not save"_s)) << w->messageText().toStdString();
    EXPECT_GE(w->monitor()->samples().size(), before); // nothing lost
    w->close();
    EXPECT_FALSE(w->isRunning());
}

TEST_F(RetryWizard, ProviderIncidentShowsInTheVerdictAndOnTheChart)
{
    test::FixtureServer pages;
    ASSERT_TRUE(pages.start());
    ASSERT_TRUE(pages.file(u"/api/v2/summary.json"_s, u"statuspage_major.json"_s));
    ASSERT_TRUE(pages.file(u"/api/v2/incidents/unresolved.json"_s, u"statuspage_unresolved_empty.json"_s));
    ASSERT_TRUE(
        pages.file(u"/api/v2/scheduled-maintenances/active.json"_s, u"statuspage_maintenance_empty.json"_s));
    m_sim = std::make_unique<core::Simulator>([] {
        core::SimulatorOptions o;
        o.fault = core::Fault::BadGateway;
        return o;
    }());
    ASSERT_TRUE(m_sim->start());
    core::Target target;
    target.provider = u"openai"_s;
    target.baseUrl = m_sim->baseUrl();
    target.statusUrl = pages.url();
    target.apiKey = "sk-proj-abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ";
    target.timeoutMs = 10000;
    target.proxy.mode = core::ProxyChoice::Mode::None;
    m_window = std::make_unique<MainWindow>(target);
    m_window->resize(900, 760);
    m_window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
    ASSERT_TRUE(runChecks());

    QWidget *row = m_window->findChild<QWidget *>(u"checkRow_status_page"_s);
    ASSERT_NE(row, nullptr);
    EXPECT_EQ(row->property("status").toString(), u"warn"_s);
    screenshot(m_window.get(), u"checks-outage"_s);
    button(u"verdictButton"_s)->click();
    screenshot(m_window.get(), u"verdict-outage"_s);
    auto *headline = m_window->findChild<QLabel *>(u"verdictHeadline"_s);
    EXPECT_EQ(headline->property("category").toString(), u"provider_outage"_s);
    EXPECT_TRUE(headline->text().contains(u"Elevated error rates on the API"_s))
        << headline->text().toStdString();

    button(u"retryButton"_s)->click();
    ui::LatencyChart *chart = m_window->retryPage()->chart();
    ASSERT_TRUE(waitFor([&] { return m_window->retryPage()->retrier()->attempts().size() >= 1; }));
    QTest::qWait(100); // the page's first layout
    chart->flushPendingUpdate();
    EXPECT_FALSE(chart->incidentRects().isEmpty()); // began before the run and still open: over all of it
    m_window->retryPage()->stop();
}
