// The wizard as a newcomer meets it: practice mode through every page and back, cancel and run
// again, an accessible name on every control, the About box. LLMDOCTOR_SCREENSHOTS=dir saves
// each page (these are the README's pictures).
#include "support/waiting.h"
#include "ui/checkspage.h"
#include "ui/exportpage.h"
#include "ui/mainwindow.h"
#include "ui/practicebox.h"
#include "ui/retrypage.h"
#include "ui/startpage.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <gtest/gtest.h>
#include <memory>

using namespace Qt::StringLiterals;
using namespace llmdoctor;
using llmdoctor::test::waitFor;
using ui::MainWindow;

namespace {

class WizardFlow : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QStandardPaths::setTestModeEnabled(true);
        m_window = std::make_unique<MainWindow>();
        m_window->resize(820, 700);
        m_window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
    }
    QPushButton *button(const QString &name) const { return m_window->findChild<QPushButton *>(name); }
    void practise(core::Fault fault)
    {
        auto *box = m_window->startPage()->practiceBox();
        const int index = box->chooser()->findData(int(fault));
        ASSERT_GE(index, 0);
        box->chooser()->setCurrentIndex(index);
        box->findChild<QPushButton *>(u"practiceButton"_s)->click();
    }
    bool checksDone() const { return m_window->checksPage()->state() == ui::ChecksPage::State::Finished; }
    void shot(const QString &name)
    {
        const QString dir = qEnvironmentVariable("LLMDOCTOR_SCREENSHOTS");
        if (dir.isEmpty())
            return;
        QTest::qWait(80); // layouts and charts settle, as a user would see them
        m_window->grab().save(QDir(dir).filePath(name + u".png"_s));
    }
    // Every control a keyboard or screen-reader user reaches has a name to announce.
    void expectAccessibleNames(const QString &page)
    {
        for (QWidget *w : m_window->findChildren<QWidget *>()) {
            if (!w->isVisibleTo(m_window.get()) || !(w->focusPolicy() & Qt::TabFocus))
                continue;
            QString name = w->accessibleName();
            if (auto *b = qobject_cast<QAbstractButton *>(w); b && name.isEmpty())
                name = b->text().remove(u'&');
            if (name.isEmpty() && (qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w) ||
                                   qobject_cast<QSpinBox *>(w) || qobject_cast<QPlainTextEdit *>(w))) {
                for (QLabel *l : m_window->findChildren<QLabel *>()) {
                    if (l->buddy() == w || (w->parentWidget() && l->buddy() == w->parentWidget()))
                        name = l->text();
                }
            }
            if (qobject_cast<QScrollBar *>(w) || w->inherits("QScrollArea") ||
                w->inherits("QAbstractScrollArea") || w->inherits("QChartView") ||
                w->inherits("QtCharts::QChartView"))
                continue;
            EXPECT_FALSE(name.trimmed().isEmpty())
                << page.toStdString() << ": a " << w->metaObject()->className() << " named \""
                << w->objectName().toStdString() << "\" in a "
                << (w->parentWidget() ? w->parentWidget()->metaObject()->className() : "")
                << " has no accessible name";
        }
    }

    std::unique_ptr<MainWindow> m_window;
};

} // namespace

TEST_F(WizardFlow, PracticeThroughEveryPageAndBackKeepsEverything)
{
    auto *address = m_window->findChild<QLineEdit *>(u"addressEdit"_s);
    // What the user had typed before practising, typed as a person does: the provider follows the address.
    address->clear();
    QTest::keyClicks(address, u"https://llm.chutes.ai/v1"_s);
    EXPECT_EQ(m_window->findChild<QComboBox *>(u"providerCombo"_s)->currentText(), u"Chutes AI"_s);
    // First run: the start page says what this is and is ready to use.
    EXPECT_EQ(m_window->currentPage(), MainWindow::Start);
    EXPECT_TRUE(m_window->startPage()->findChild<QLabel *>() != nullptr);
    shot(u"start"_s);
    expectAccessibleNames(u"start"_s);

    practise(core::Fault::EnvoyReset);
    ASSERT_TRUE(m_window->isPractising());
    EXPECT_TRUE(m_window->findChild<QWidget *>(u"practiceBanner"_s)->isVisible());
    EXPECT_EQ(m_window->currentPage(), MainWindow::Explain); // the pasted message is explained first
    shot(u"explain"_s);
    button(u"runButton"_s)->click();
    EXPECT_EQ(m_window->currentPage(), MainWindow::Checks);
    ASSERT_TRUE(waitFor([&] { return checksDone(); }, 15000));
    shot(u"checks"_s);
    expectAccessibleNames(u"checks"_s);

    button(u"retryButton"_s)->click();
    EXPECT_EQ(m_window->currentPage(), MainWindow::Retry);
    ASSERT_TRUE(m_window->retryPage()->isRunning());
    QTest::qWait(700);
    shot(u"retry"_s);
    expectAccessibleNames(u"retry"_s);
    m_window->retryPage()->stop();

    button(u"backButton"_s)->click();
    EXPECT_EQ(m_window->currentPage(), MainWindow::Checks);
    button(u"verdictButton"_s)->click();
    ASSERT_EQ(m_window->currentPage(), MainWindow::Result);
    const QString headline = m_window->findChild<QLabel *>(u"verdictHeadline"_s)->text();
    EXPECT_FALSE(headline.isEmpty());
    shot(u"result"_s);
    expectAccessibleNames(u"result"_s);

    button(u"shareButton"_s)->click();
    ASSERT_EQ(m_window->currentPage(), MainWindow::Export);
    EXPECT_TRUE(m_window->exportPage()->messageText().startsWith(u"Subject: "_s));
    shot(u"export"_s);
    expectAccessibleNames(u"export"_s);

    // Back, all the way: every page still shows what it showed.
    button(u"backButton"_s)->click();
    EXPECT_EQ(m_window->currentPage(), MainWindow::Result);
    EXPECT_EQ(m_window->findChild<QLabel *>(u"verdictHeadline"_s)->text(), headline);
    button(u"backButton"_s)->click();
    EXPECT_EQ(m_window->currentPage(), MainWindow::Checks);
    EXPECT_TRUE(checksDone());
    button(u"backButton"_s)->click();
    EXPECT_EQ(m_window->currentPage(), MainWindow::Explain);
    button(u"backButton"_s)->click();
    EXPECT_EQ(m_window->currentPage(), MainWindow::Start);
    EXPECT_TRUE(address->text().startsWith(u"http://127.0.0.1:"_s)); // the practice server, still filled in

    button(u"leavePracticeButton"_s)->click();
    EXPECT_FALSE(m_window->isPractising());
    EXPECT_FALSE(m_window->findChild<QWidget *>(u"practiceBanner"_s)->isVisible());
    EXPECT_EQ(address->text(), u"https://llm.chutes.ai/v1"_s); // what the user typed comes back
}

TEST_F(WizardFlow, CancelAtAnyMomentAndRunAgain)
{
    practise(core::Fault::Hang); // no answer: the run would take the whole timeout
    ASSERT_EQ(m_window->currentPage(), MainWindow::Checks);
    ASSERT_TRUE(
        waitFor([&] { return m_window->checksPage()->state() == ui::ChecksPage::State::Running; }, 3000));
    QTest::qWait(200);
    QTest::keyClick(m_window.get(), Qt::Key_Escape);
    ASSERT_TRUE(
        waitFor([&] { return m_window->checksPage()->state() == ui::ChecksPage::State::Cancelled; }, 2000));
    QPushButton *again = button(u"runAgainButton"_s);
    ASSERT_TRUE(again->isVisible());
    again->click();
    ASSERT_TRUE(
        waitFor([&] { return m_window->checksPage()->state() == ui::ChecksPage::State::Running; }, 3000));
    button(u"cancelButton"_s)->click();
    ASSERT_TRUE(
        waitFor([&] { return m_window->checksPage()->state() == ui::ChecksPage::State::Cancelled; }, 2000));
    button(u"backButton"_s)->click();
    EXPECT_EQ(m_window->currentPage(), MainWindow::Start);
}

TEST_F(WizardFlow, EveryPracticeScenarioReachesAVerdict)
{
    for (const ui::PracticeScenario &s : ui::PracticeBox::scenarios()) {
        if (s.fault == core::Fault::Hang)
            continue; // five seconds of nothing: covered by the cancel test
        practise(s.fault);
        if (m_window->currentPage() == MainWindow::Explain)
            button(u"runButton"_s)->click();
        ASSERT_TRUE(waitFor([&] { return checksDone(); }, 15000)) << s.label.toStdString();
        button(u"verdictButton"_s)->click();
        ASSERT_EQ(m_window->currentPage(), MainWindow::Result) << s.label.toStdString();
        const QLabel *headline = m_window->findChild<QLabel *>(u"verdictHeadline"_s);
        EXPECT_NE(headline->property("category").toString(), u"ok"_s) << s.label.toStdString();
        EXPECT_NE(headline->property("category").toString(), u"unknown"_s) << s.label.toStdString();
    }
}

TEST_F(WizardFlow, AboutOpensWithF1)
{
    QString text;
    QTimer::singleShot(200, m_window.get(), [&] {
        if (auto *box = m_window->findChild<QMessageBox *>(u"aboutBox"_s)) {
            text = box->text();
            box->close();
        }
    });
    QTest::keyClick(m_window.get(), Qt::Key_F1);
    EXPECT_TRUE(text.contains(QStringLiteral(LLMDOCTOR_VERSION))) << text.toStdString();
}
