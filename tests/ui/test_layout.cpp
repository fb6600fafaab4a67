// Every wizard page at every window size, light and dark: nothing clipped, nothing outside the
// window unless it scrolls, buttons apart, text readable (4.5:1), mnemonics unique, Tab in reading
// order, Enter and Space press buttons. The pages are reached through practice mode, against
// llmdoctor's own simulator on 127.0.0.1. LLMDOCTOR_LAYOUT_SHOTS=dir saves each page at each size.
#include "core/sim/simulator.h"
#include "support/layoutcheck.h"
#include "support/waiting.h"
#include "ui/charts/latencychart.h"
#include "ui/checkrow.h"
#include "ui/checkspage.h"
#include "ui/elidinglabel.h"
#include "ui/exportpage.h"
#include "ui/keyboard.h"
#include "ui/mainwindow.h"
#include "ui/monitorwindow.h"
#include "ui/palette.h"
#include "ui/practicebox.h"
#include "ui/reportexport.h"
#include "ui/retrypage.h"
#include "ui/savedfilebar.h"
#include "ui/screenfit.h"
#include "ui/startpage.h"
#include "ui/translations.h"

#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QGraphicsView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>
#include <functional>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace llmdoctor;
using llmdoctor::test::describe;
using llmdoctor::test::geometryProblems;
using llmdoctor::test::shown;
using llmdoctor::test::waitFor;

namespace {

struct WindowSize
{
    QSize size;
    const char *name;
};
// 1920×1080 at 200 % leaves 960×540 device-independent pixels.
const WindowSize kSizes[] = {{{800, 600}, "800x600"},
                             {{820, 700}, "default"},
                             {{1366, 768}, "1366x768"},
                             {{960, 540}, "1920x1080@200%"}};

// The colour a widget's background is painted in: its own, or the nearest ancestor's that fills.
QColor backgroundOf(const QWidget *w)
{
    for (const QWidget *p = w; p; p = p->parentWidget()) {
        if (p->autoFillBackground() || p->isWindow())
            return p->palette().color(QPalette::Active, p->backgroundRole());
        if (const auto *area = qobject_cast<const QAbstractScrollArea *>(p->parentWidget());
            area && area->viewport() == p)
            return p->palette().color(QPalette::Active, p->backgroundRole());
    }
    return qApp->palette().color(QPalette::Window);
}

QStringList contrastProblems(QWidget *window)
{
    QStringList problems;
    for (QWidget *w : shown(window)) {
        if (!w->isEnabled())
            continue; // disabled text is meant to look faint (WCAG makes an exception for it)
        QColor fg, bg;
        if (auto *label = qobject_cast<QLabel *>(w); label && !label->text().isEmpty()) {
            fg = label->palette().color(QPalette::Active, label->foregroundRole());
            bg = backgroundOf(label);
        } else if (auto *check = qobject_cast<QCheckBox *>(w); check && !check->text().isEmpty()) {
            fg = check->palette().color(QPalette::Active, QPalette::WindowText);
            bg = backgroundOf(check);
        } else if (auto *push = qobject_cast<QPushButton *>(w)) {
            fg = push->palette().color(QPalette::Active, QPalette::ButtonText);
            bg = push->palette().color(QPalette::Active, QPalette::Button);
        } else if (auto *tree = qobject_cast<QTreeWidget *>(w)) {
            bg = tree->palette().color(QPalette::Active, QPalette::Base);
            for (int i = 0; i < tree->topLevelItemCount(); ++i) {
                for (int c = 0; c < tree->columnCount(); ++c) {
                    const QBrush brush = tree->topLevelItem(i)->foreground(c);
                    const QColor item = brush.style() == Qt::NoBrush
                                            ? tree->palette().color(QPalette::Active, QPalette::Text)
                                            : brush.color();
                    const double ratio = ui::contrastRatio(ui::blended(item, bg), bg);
                    if (ratio < 4.5)
                        problems << u"%1 row %2 column %3: %4 on %5 is %6:1"_s.arg(describe(tree))
                                        .arg(i)
                                        .arg(c)
                                        .arg(item.name(), bg.name())
                                        .arg(ratio, 0, 'f', 1);
                }
            }
            continue;
        } else {
            continue;
        }
        const double ratio = ui::contrastRatio(ui::blended(fg, bg), bg);
        if (ratio < 4.5)
            problems << u"%1: %2 on %3 is %4:1 (at least 4.5)"_s.arg(describe(w), fg.name(), bg.name())
                            .arg(ratio, 0, 'f', 1);
    }
    return problems;
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2b, 0x2b), text(0xe8, 0xe8, 0xe8), base(0x1e, 0x1e, 0x1e);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x36, 0x36, 0x36));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0x20, 0x20, 0x20));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Highlight, QColor(0x2a, 0x6f, 0xc9));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x7c, 0xb4, 0xff));
    p.setColor(QPalette::Light, QColor(0x50, 0x50, 0x50));
    p.setColor(QPalette::Midlight, QColor(0x44, 0x44, 0x44));
    p.setColor(QPalette::Mid, QColor(0x30, 0x30, 0x30));
    p.setColor(QPalette::Dark, QColor(0x1a, 0x1a, 0x1a));
    p.setColor(QPalette::Shadow, Qt::black);
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x80, 0x80, 0x80));
    return p;
}

void settle()
{
    for (int i = 0; i < 3; ++i) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }
}

void shot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("LLMDOCTOR_LAYOUT_SHOTS");
    if (!dir.isEmpty())
        w->grab().save(QDir(dir).filePath(name + u".png"_s));
}

// Walks the wizard through every page and calls visit on each: the first page, with Advanced
// open, then practice (the banner on every page): what the error means, the checks, the verdict,
// wait and retry, send a report (after saving one), the first page again; the Watch window last.
void walkWizard(const std::function<void(QWidget *window, const QString &page)> &visit)
{
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    ui::ReportExport::setSaveDialog([&dir](QWidget *, const QString &, const QString &path, const QString &,
                                           QString *) { return dir.filePath(QFileInfo(path).fileName()); });
    ui::SavedFileBar::setOpener([](const QUrl &) { return true; });
    ui::MainWindow w;
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    settle();
    visit(&w, u"start"_s);
    w.findChild<QToolButton *>(u"advancedToggle"_s)->setChecked(true);
    settle();
    visit(&w, u"start-advanced"_s);
    w.findChild<QToolButton *>(u"advancedToggle"_s)->setChecked(false);
    // Nothing to run yet: the greyed-out button says why, beside it.
    auto *address = w.findChild<QLineEdit *>(u"addressEdit"_s);
    const QString typed = address->text();
    address->clear();
    settle();
    ASSERT_TRUE(w.findChild<QLabel *>(u"runHint"_s)->isVisible());
    visit(&w, u"start-blocked"_s);
    address->setText(typed);

    // A check that hangs: its row counts down to the deadline while the pages are measured.
    {
        const auto before = w.startPage()->target();
        ASSERT_TRUE(before.has_value());
        core::SimulatorOptions hang;
        hang.fault = core::Fault::Hang;
        core::Simulator sim(hang);
        ASSERT_TRUE(sim.start());
        core::Target t;
        t.baseUrl = sim.baseUrl();
        t.proxy.mode = core::ProxyChoice::Mode::None;
        t.timeoutMs = 60000;
        w.startPage()->setTarget(t);
        w.runChecks();
        ASSERT_TRUE(waitFor(
            [&w] {
                const ui::CheckRow *http = w.checksPage()->row(u"http"_s);
                return http && !http->givesUpText().isEmpty();
            },
            10000));
        settle();
        visit(&w, u"checks-running"_s);
        w.cancelChecks();
        w.startPage()->setTarget(*before);
        w.findChild<QPushButton *>(u"backButton"_s)->click();
        ASSERT_EQ(w.currentPage(), ui::MainWindow::Start);
    }

    // 429, with a pasted message: explained first; waiting helps, so the retry page ends well.
    const QList<ui::PracticeScenario> all = ui::PracticeBox::scenarios();
    const auto rateLimit = std::find_if(all.begin(), all.end(), [](const ui::PracticeScenario &s) {
        return s.fault == core::Fault::RateLimit;
    });
    ASSERT_NE(rateLimit, all.end());
    w.startPractice(*rateLimit);
    ASSERT_EQ(w.currentPage(), ui::MainWindow::Explain);
    settle();
    visit(&w, u"explain"_s);
    w.findChild<QPushButton *>(u"runButton"_s)->click();
    ASSERT_TRUE(waitFor([&w] { return w.checksPage()->state() == ui::ChecksPage::State::Finished; }, 20000));
    settle();
    visit(&w, u"checks"_s);
    w.showVerdict();
    settle();
    visit(&w, u"result"_s);
    w.showRetry();
    ASSERT_TRUE(waitFor([&w] { return !w.retryPage()->isRunning(); }, 30000));
    settle();
    visit(&w, u"retry"_s);
    w.showVerdict();
    w.showExport();
    w.findChild<QPushButton *>(u"save_html"_s)->click();
    ASSERT_TRUE(waitFor([&w] { return w.exportPage()->savedFileBar()->isVisible(); }, 10000));
    settle();
    visit(&w, u"export"_s);
    w.findChild<QPushButton *>(u"startOverButton"_s)->click();
    settle();
    visit(&w, u"start-practice"_s);
    w.showMonitor();
    ui::MonitorWindow *monitor = w.monitorWindow();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(monitor));
    settle();
    visit(monitor, u"monitor"_s);
    monitor->close();
    w.leavePractice();
    ui::ReportExport::setSaveDialog({});
    ui::SavedFileBar::setOpener({});
}

class WizardLayout : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        // The German run (ctest layout.german) checks the longer labels.
        if (qEnvironmentVariable("LANGUAGE") == u"de")
            ui::installTranslations(*qApp);
    }
};

} // namespace

TEST(ScreenFit, NeverTallerOrWiderThanTheScreen)
{
    EXPECT_EQ(ui::fittedSize({820, 700}, QRect(0, 0, 1920, 1080)), QSize(820, 700));
    EXPECT_EQ(ui::fittedSize({820, 700}, QRect(0, 0, 960, 540)), QSize(820, 508));
    EXPECT_EQ(ui::fittedSize({820, 700}, QRect(0, 0, 800, 600)), QSize(800, 568));
    EXPECT_EQ(ui::fittedSize({820, 700}, QRect(0, 0, 800, 600), QMargins(2, 30, 2, 2)), QSize(796, 568));
    EXPECT_EQ(ui::fittedSize({820, 700}, QRect(0, 27, 1366, 741), QMargins(0, 30, 0, 0)), QSize(820, 700));
}

TEST_F(WizardLayout, TheWindowFitsItsScreen)
{
    QStandardPaths::setTestModeEnabled(true);
    ui::MainWindow w;
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    settle(); // fitted again once its frame is known
    const QRect available = w.screen()->availableGeometry();
    EXPECT_LE(w.frameGeometry().height(), available.height());
    EXPECT_LE(w.frameGeometry().width(), available.width());
    EXPECT_LE(w.minimumSizeHint().height(), available.height());
    EXPECT_LE(w.minimumSizeHint().width(), available.width());
    ui::MonitorWindow monitor;
    monitor.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&monitor));
    settle();
    EXPECT_LE(monitor.frameGeometry().height(), available.height());
    EXPECT_LE(monitor.minimumSizeHint().height(), available.height());
}

TEST_F(WizardLayout, EveryPageFitsAtEverySize)
{
    QHash<QString, int> widths; // per size: the window never widens from page to page
    walkWizard([&](QWidget *window, const QString &page) {
        // As the app sizes it, all of the window is on the screen.
        ui::fitToScreen(window, window->size());
        settle();
        const QRect available = window->screen()->availableGeometry();
        EXPECT_TRUE(available.contains(window->frameGeometry()))
            << page.toStdString() << ": the window is not all on the screen";
        for (const WindowSize &size : kSizes) {
            window->resize(size.size);
            settle();
            const QString where = page + u" at "_s + QLatin1String(size.name);
            for (const QString &problem : geometryProblems(window))
                ADD_FAILURE() << where.toStdString() << ": " << problem.toStdString();
            EXPECT_LE(window->minimumSizeHint().width(), size.size.width()) << where.toStdString();
            if (window->objectName() == u"llmdoctorMainWindow") {
                EXPECT_EQ(window->width(), size.size.width())
                    << where.toStdString() << ": the window widened";
                widths.insert(QLatin1String(size.name), window->width());
            }
            shot(window, page + u"-"_s + QLatin1String(size.name));
        }
    });
}

TEST_F(WizardLayout, AllTextIsReadableInTheLightAndTheDarkPalette)
{
    const QPalette light = qApp->palette();
    walkWizard([&](QWidget *window, const QString &page) {
        for (const QSize size : {QSize(800, 600), QSize(1366, 768)}) {
            window->resize(size);
            for (const bool dark : {false, true}) {
                QApplication::setPalette(dark ? darkPalette() : light);
                settle();
                const QString where = page + (dark ? u" (dark)"_s : u" (light)"_s);
                for (const QString &problem : contrastProblems(window))
                    ADD_FAILURE() << where.toStdString() << ": " << problem.toStdString();
                shot(window, u"%1-%2x%3-%4"_s.arg(page)
                                 .arg(size.width())
                                 .arg(size.height())
                                 .arg(dark ? u"dark"_s : u"light"_s));
            }
        }
        QApplication::setPalette(light);
        settle();
    });
}

TEST_F(WizardLayout, MnemonicsAreUniqueAndTabFollowsTheReadingOrder)
{
    walkWizard([&](QWidget *window, const QString &page) {
        window->resize(820, 700);
        settle();
        // The mnemonics of what is visible now: the page and the bar together.
        QHash<QChar, QWidget *> seen;
        for (const auto &[c, w] : ui::mnemonicsIn(window)) {
            if (seen.contains(c))
                ADD_FAILURE() << page.toStdString() << ": Alt+" << QString(c).toStdString() << " is both "
                              << describe(seen.value(c)).toStdString() << " and "
                              << describe(w).toStdString();
            seen.insert(c, w);
        }
        // Tab, pressed as a user would from the first stop, visits every stop in reading order.
        const QList<QWidget *> stops = ui::tabStops(window);
        ASSERT_FALSE(stops.isEmpty()) << page.toStdString();
        const QList<QWidget *> expected = ui::inReadingOrder(window, stops);
        window->activateWindow();
        expected.first()->setFocus(Qt::TabFocusReason);
        QList<QWidget *> visited{expected.first()};
        for (qsizetype i = 1; i < expected.size(); ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QWidget *now = QApplication::focusWidget();
            while (now && !stops.contains(now)) // a spin box's line edit is the spin box
                now = now->parentWidget();
            visited.append(now);
        }
        QStringList got, want;
        for (QWidget *w : std::as_const(visited))
            got << (w ? describe(w) : u"(nothing)"_s);
        for (QWidget *w : expected)
            want << describe(w);
        EXPECT_TRUE(got == want) << page.toStdString()
                                 << "\n  Tab goes: " << got.join(u"\n    "_s).toStdString()
                                 << "\n  reading order: " << want.join(u"\n    "_s).toStdString();
    });
}

TEST_F(WizardLayout, EnterAndSpacePressEveryFocusedButton)
{
    walkWizard([&](QWidget *window, const QString &page) {
        for (QWidget *w : shown(window)) {
            auto *button = qobject_cast<QAbstractButton *>(w);
            if (!button || qobject_cast<QCheckBox *>(button) || !button->isEnabled() ||
                !(button->focusPolicy() & Qt::TabFocus))
                continue;
            const bool wasChecked = button->isChecked();
            const QSignalBlocker quiet(button); // pressed, not acted on
            for (const Qt::Key key : {Qt::Key_Return, Qt::Key_Enter, Qt::Key_Space}) {
                button->setFocus(Qt::TabFocusReason);
                QTest::keyPress(button, key);
                EXPECT_TRUE(button->isDown()) << page.toStdString() << ": " << describe(button).toStdString()
                                              << " not pressed by key " << key;
                if (key == Qt::Key_Space)
                    QTest::keyRelease(button, key);
                EXPECT_TRUE(waitFor([button] { return !button->isDown(); }, 1000));
                button->setChecked(wasChecked);
            }
        }
    });
}

TEST(MonitorWindowKeys, EscapeAndCtrlWClose)
{
    for (const QKeySequence &key : {QKeySequence(Qt::Key_Escape), QKeySequence(Qt::CTRL | Qt::Key_W)}) {
        ui::MonitorWindow window;
        window.show();
        window.activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
        QTest::keySequence(&window, key);
        EXPECT_TRUE(waitFor([&window] { return !window.isVisible(); }, 2000)) << key.toString().toStdString();
    }
}

TEST(SaveDialog, OpensWithTheFilterOfTheChosenFormatAndOffersToOpenTheFile)
{
    QStandardPaths::setTestModeEnabled(true);
    core::SimulatorOptions o;
    o.fault = core::Fault::BadGateway;
    core::Simulator sim(o);
    ASSERT_TRUE(sim.start());
    core::Target t;
    t.baseUrl = sim.baseUrl();
    t.proxy.mode = core::ProxyChoice::Mode::None;
    ui::MainWindow w(t);
    w.show();
    w.runChecks();
    ASSERT_TRUE(waitFor([&w] { return w.checksPage()->state() == ui::ChecksPage::State::Finished; }, 20000));
    w.showVerdict();
    w.showExport();
    QTemporaryDir dir;
    QString filter, filters;
    ui::ReportExport::setSaveDialog(
        [&](QWidget *, const QString &, const QString &path, const QString &all, QString *selected) {
            filter = *selected;
            filters = all;
            EXPECT_TRUE(path.endsWith(u".pdf"_s)) << path.toStdString();
            *selected = ui::ReportExport::fileFilter(u"pdf"_s);
            return dir.filePath(u"report"_s); // typed without a suffix: the chosen format's is added
        });
    QList<QUrl> opened;
    ui::SavedFileBar::setOpener([&opened](const QUrl &url) {
        opened.append(url);
        return true;
    });
    auto *bar = w.exportPage()->savedFileBar();
    EXPECT_FALSE(bar->isVisible());
    w.findChild<QPushButton *>(u"save_pdf"_s)->click();
    EXPECT_EQ(filter, ui::ReportExport::fileFilter(u"pdf"_s));
    EXPECT_TRUE(filter.endsWith(u"(*.pdf)"_s)) << filter.toStdString();
    EXPECT_TRUE(filters.contains(filter));
    EXPECT_EQ(ui::ReportExport::fileFilter(u"har"_s).section(u'(', -1), u"*.har)"_s);
    ASSERT_TRUE(QFile::exists(dir.filePath(u"report.pdf"_s)));
    EXPECT_TRUE(bar->isVisible());
    bar->findChild<QPushButton *>(u"openSavedButton"_s)->click();
    bar->findChild<QPushButton *>(u"showSavedFolderButton"_s)->click();
    ASSERT_EQ(opened.size(), 2);
    EXPECT_EQ(opened.at(0), QUrl::fromLocalFile(QDir(dir.path()).absoluteFilePath(u"report.pdf"_s)));
    EXPECT_EQ(opened.at(1), QUrl::fromLocalFile(QDir(dir.path()).absolutePath()));
    // Nothing opened it: the bar says so, in the failure tone.
    ui::SavedFileBar::setOpener([](const QUrl &) { return false; });
    bar->findChild<QPushButton *>(u"openSavedButton"_s)->click();
    EXPECT_EQ(ui::toneOf(bar->findChild<QLabel *>(u"savedFileWhere"_s)), ui::Tone::Fail);
    ui::SavedFileBar::setOpener({});
    ui::ReportExport::setSaveDialog({});
}

TEST(Palette, StatusTonesReadAtLeastFourAndAHalfToOneAndFollowADarkDesktop)
{
    const QPalette light = qApp->palette();
    for (const QPalette &pal : {light, darkPalette()}) {
        for (const ui::Tone tone :
             {ui::Tone::Muted, ui::Tone::Pass, ui::Tone::Warn, ui::Tone::Fail, ui::Tone::Running}) {
            for (const auto role : {QPalette::Window, QPalette::Base, QPalette::AlternateBase})
                EXPECT_GE(ui::contrastRatio(ui::toneColour(tone, pal, role), pal.color(role)), 4.5);
        }
    }
    // The old warning orange on a light window was 2.3:1.
    EXPECT_LT(ui::contrastRatio(QColor(0xd9, 0x8e, 0x04), QColor(0xef, 0xef, 0xef)), 2.5);
    QWidget parent;
    auto *label = new QLabel(u"warning"_s, &parent);
    ui::setTone(label, ui::Tone::Warn);
    const QColor before = label->palette().color(QPalette::WindowText);
    QApplication::setPalette(darkPalette());
    settle();
    const QColor after = label->palette().color(QPalette::WindowText);
    EXPECT_NE(before, after);
    EXPECT_GE(ui::contrastRatio(after, darkPalette().color(QPalette::Window)), 4.5);
    QApplication::setPalette(light);
    settle();
    EXPECT_EQ(label->palette().color(QPalette::WindowText), before);
    ui::setTone(label, ui::Tone::Normal);
    EXPECT_EQ(label->palette().color(QPalette::WindowText), light.color(QPalette::WindowText));
}

TEST(ElidingLabel, ALongAddressIsShortenedWithTheWholeOfItOnHover)
{
    ui::ElidingLabel label;
    const QString url = u"https://gateway.internal.example.com/openai/deployments/a-very-long-name/v1"_s;
    label.setFullText(url);
    label.resize(200, label.sizeHint().height());
    label.show();
    EXPECT_TRUE(label.isElided());
    EXPECT_TRUE(label.text().contains(u'…'));
    EXPECT_EQ(label.toolTip(), url);
    EXPECT_LE(label.minimumSizeHint().width(), 200);
    label.resize(label.sizeHint().width() + 10, label.height());
    EXPECT_FALSE(label.isElided());
    EXPECT_TRUE(label.toolTip().isEmpty());
}

TEST(ScreenFit, ASizeSavedOnABiggerScreenIsMadeToFit)
{
    QWidget w;
    const QRect available = w.screen()->availableGeometry();
    ui::keepOnScreen(&w, available.size() + QSize(300, 300));
    EXPECT_LE(w.width(), available.width());
    EXPECT_LE(w.height(), available.height() - 32); // room for a title bar
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    w.resize(available.size() + QSize(300, 300)); // restoreGeometry from a bigger screen
    ui::fitToScreen(&w, w.size());
    EXPECT_TRUE(available.contains(w.frameGeometry()));
}

TEST(WrappedCheckBox, ItsRowIsAsTallAsItsTextNeedsAndItsLabelToggles)
{
    ui::StartPage page;
    page.resize(800, 1000);
    page.findChild<QToolButton *>(u"advancedToggle"_s)->setChecked(true);
    page.show();
    settle();
    for (const QString &name :
         {u"testRequestBox"_s, u"rememberKeyBox"_s, u"keepAliveBox"_s, u"checkPathBox"_s}) {
        auto *row = page.findChild<QWidget *>(name + u"Row"_s);
        ASSERT_TRUE(row) << name.toStdString();
        // Not the height of its text wrapped narrow (QFormLayout does that to a row without a label).
        EXPECT_LE(row->height(), row->heightForWidth(row->width()) + 2) << name.toStdString();
        auto *box = page.findChild<QCheckBox *>(name);
        auto *label = page.findChild<QLabel *>(name + u"Label"_s);
        EXPECT_EQ(label->buddy(), box);
        EXPECT_FALSE(box->accessibleName().isEmpty());
        const bool before = box->isChecked();
        QTest::mouseClick(label, Qt::LeftButton);
        EXPECT_NE(box->isChecked(), before) << name.toStdString() << ": a click on the text toggles the box";
        box->setChecked(before);
    }
}

TEST(LongAddress, IsElidedOnTheChecksPageWithTheWholeOfItOnHover)
{
    QStandardPaths::setTestModeEnabled(true);
    core::Simulator sim(core::SimulatorOptions{});
    ASSERT_TRUE(sim.start());
    core::Target t;
    t.baseUrl = QUrl(sim.baseUrl().toString() + u"/openai/deployments/"_s + QString(120, u'x') + u"/v1"_s);
    t.proxy.mode = core::ProxyChoice::Mode::None;
    ui::MainWindow w(t);
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    settle();
    w.resize(760, 560);
    w.runChecks();
    ASSERT_TRUE(waitFor([&w] { return w.checksPage()->state() == ui::ChecksPage::State::Finished; }, 20000));
    settle();
    auto *heading = w.findChild<ui::ElidingLabel *>(u"checksHeading"_s);
    ASSERT_TRUE(heading);
    EXPECT_TRUE(heading->isElided());
    EXPECT_TRUE(heading->toolTip().contains(QString(120, u'x')));
    EXPECT_LE(heading->width(), w.width());
    EXPECT_EQ(w.width(), 760) << "the window did not widen";
    for (const QString &problem : geometryProblems(&w))
        ADD_FAILURE() << problem.toStdString();
    w.close(); // its run's objects go before the simulator does
    settle();
}
