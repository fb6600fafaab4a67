// The Watch over time window on its own: a run where every request fails, and practice mode.
#include "core/sim/simulator.h"
#include "support/waiting.h"
#include "ui/charts/latencychart.h"
#include "ui/mainwindow.h"
#include "ui/monitorwindow.h"
#include "ui/practicebox.h"

#include <QDoubleSpinBox>
#include <QLabel>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace llmdoctor;
using llmdoctor::test::waitFor;

TEST(MonitorWindowFailures, ARunWhereEverythingFailsDrawsHowLongTheFailuresTook)
{
    core::SimulatorOptions o;
    o.fault = core::Fault::BadGateway; // every request: 502
    o.delayMs = 40;                    // long enough to be more than nothing on the chart
    core::Simulator sim(o);
    ASSERT_TRUE(sim.start());
    core::Target t;
    t.baseUrl = sim.baseUrl();
    t.timeoutMs = 5000;
    t.proxy.mode = core::ProxyChoice::Mode::None;
    ui::MonitorWindow window;
    window.setTarget(t);
    window.findChild<QDoubleSpinBox *>()->setValue(0.2);
    window.show();
    window.start();
    ASSERT_TRUE(
        waitFor([&window] { return window.monitor() && window.monitor()->samples().size() >= 4; }, 15000));
    window.stop();
    ASSERT_TRUE(waitFor([&window] { return !window.isRunning(); }, 5000));
    QTest::qWait(600); // the statistics' coalescing timer
    window.chart()->flushPendingUpdate();

    const core::SampleStore &samples = window.monitor()->samples();
    for (const core::Sample &s : samples.samples())
        ASSERT_FALSE(s.ok());
    // The chart: no line of successes, but each failure at how long it took.
    EXPECT_TRUE(window.chart()->linePoints().isEmpty());
    const QList<QPointF> points = window.chart()->failureTimePoints();
    ASSERT_FALSE(points.isEmpty());
    for (const QPointF &p : points) {
        EXPECT_GT(p.y(), 0.0);
        EXPECT_LT(p.y(), 5000.0);
    }
    EXPECT_GE(points.first().y(), 30.0) << "the simulator's delay is part of each failure's duration";
    // The statistics say so, and the table has a row for the failures' durations.
    EXPECT_TRUE(window.statsText().contains(u"None of them worked"_s)) << window.statsText().toStdString();
    auto *table = window.findChild<QTreeWidget *>(u"monitorPhases"_s);
    ASSERT_EQ(table->topLevelItemCount(), 1);
    EXPECT_EQ(table->topLevelItem(0)->data(0, Qt::UserRole).toString(), u"failed"_s);
    EXPECT_TRUE(table->topLevelItem(0)->text(1).endsWith(u" ms"_s));
}

TEST(MonitorWindowFailures, ASuccessfulRunDrawsTheLineNotTheFailureDurations)
{
    core::Simulator sim(core::SimulatorOptions{});
    ASSERT_TRUE(sim.start());
    core::Target t;
    t.baseUrl = sim.baseUrl();
    t.proxy.mode = core::ProxyChoice::Mode::None;
    ui::MonitorWindow window;
    window.setTarget(t);
    window.findChild<QDoubleSpinBox *>()->setValue(0.2);
    window.show();
    window.start();
    ASSERT_TRUE(
        waitFor([&window] { return window.monitor() && window.monitor()->samples().size() >= 2; }, 15000));
    window.stop();
    QTest::qWait(600);
    window.chart()->flushPendingUpdate();
    EXPECT_FALSE(window.chart()->linePoints().isEmpty());
    EXPECT_TRUE(window.chart()->failureTimePoints().isEmpty());
    EXPECT_FALSE(window.statsText().contains(u"None of them worked"_s));
}

TEST(MonitorWindowPractice, ShowsThePracticeBannerWhileTheWizardPractises)
{
    QStandardPaths::setTestModeEnabled(true);
    ui::MainWindow w;
    w.show();
    w.showMonitor();
    EXPECT_FALSE(w.monitorWindow()->showsPracticeBanner());
    w.monitorWindow()->close();
    const auto scenarios = ui::PracticeBox::scenarios();
    w.startPractice(scenarios.first());
    ASSERT_TRUE(w.isPractising());
    w.showMonitor();
    EXPECT_TRUE(w.monitorWindow()->showsPracticeBanner());
    const auto *text = w.monitorWindow()->findChild<QLabel *>(u"monitorPracticeText"_s);
    EXPECT_TRUE(text->text().contains(scenarios.first().label)) << text->text().toStdString();
    w.leavePractice();
    EXPECT_FALSE(w.monitorWindow()->showsPracticeBanner());
}
