// The Watch over time window's path view: one row a hop, drawn from a path result, and the box
// that turns it on.
#include "ui/monitorwindow.h"
#include "ui/pathview.h"

#include <QCheckBox>
#include <QImage>
#include <QTest>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace llmdoctor;

namespace {

core::PathResult samplePath()
{
    core::PathResult p;
    p.target = u"api.example.invalid"_s;
    p.destination = QHostAddress(u"10.77.3.2"_s);
    p.method = u"udp"_s;
    p.reached = true;
    const QList<QPair<QString, int>> hops{
        {u"10.77.1.1"_s, 0}, {QString(), 10}, {u"10.77.2.2"_s, 4}, {u"10.77.3.2"_s, 3}};
    for (int i = 0; i < hops.size(); ++i) {
        core::PathHop h;
        h.ttl = i + 1;
        h.address = QHostAddress(hops[i].first);
        h.sent = 10;
        h.lost = hops[i].second;
        for (int k = 0; k < h.sent - h.lost; ++k)
            h.rttsMs.push_back(2.0 + 8 * i + k);
        h.destination = i == 3;
        p.hops.append(h);
    }
    return p;
}

} // namespace

TEST(PathView, DrawsOneRowAHopWithLossInRed)
{
    ui::PathView view;
    view.setPath(samplePath());
    view.resize(700, view.sizeHint().height());
    EXPECT_GE(view.sizeHint().height(), 4 * 22);
    const QImage image = view.grab().toImage();
    // Loss bars are red: the rows of hops 3 and 4 hold red pixels; hop 1 lost nothing, and hop 2
    // never answers at all (a router that does not answer probes is no loss).
    auto redIn = [&](int row) {
        int red = 0;
        const int y = 22 + row * 22 + 11;
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            red += c.red() > 180 && c.green() < 100 && c.blue() < 100 ? 1 : 0;
        }
        return red;
    };
    EXPECT_EQ(redIn(0), 0);
    EXPECT_EQ(redIn(1), 0);
    EXPECT_GT(redIn(2), 0);
    EXPECT_GT(redIn(3), 0);
    if (!qEnvironmentVariableIsEmpty("LLMDOCTOR_SCREENSHOTS"))
        image.save(qEnvironmentVariable("LLMDOCTOR_SCREENSHOTS") + u"/pathview.png"_s);
}

TEST(PathView, MonitorWindowShowsItWhenAsked)
{
    ui::MonitorWindow window;
    auto *box = window.findChild<QCheckBox *>(u"monitorFollowPath"_s);
    ASSERT_NE(box, nullptr);
    EXPECT_FALSE(window.pathView()->isVisibleTo(&window));
    box->setChecked(true);
    EXPECT_TRUE(window.pathView()->isVisibleTo(&window));
    window.pathView()->setPath(samplePath());
    if (!qEnvironmentVariableIsEmpty("LLMDOCTOR_SCREENSHOTS")) {
        window.show();
        QTest::qWait(100);
        window.grab().save(qEnvironmentVariable("LLMDOCTOR_SCREENSHOTS") + u"/monitor-path.png"_s);
    }
}
