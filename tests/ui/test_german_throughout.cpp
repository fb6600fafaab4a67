// Issue 18, "German throughout": every practice scenario walked twice, once in English and once with
// the German translation installed; on the checks page and the verdict page no sentence of three
// words or more may read the same in both runs. The core's sentences (check titles and summaries,
// verdicts, advice.json) go through the translator as well as the wizard's own.
//
// The checks' detail lines (each key and value of "Details", expanded or not) and what llmdoctor
// says a pasted message means (signatures.json's "meaning") are compared the same way; detail keys
// and values of two words already count.
//
// Allowed to stay English: the message a user pasted, the provider's own error message where a
// sentence quotes it, the error texts of the socket and TLS libraries, a status line's reason
// phrase ("503 Service Unavailable"), model names, web addresses.
#include "core/sim/simulator.h"
#include "support/waiting.h"
#include "ui/checkrow.h"
#include "ui/checkspage.h"
#include "ui/mainwindow.h"
#include "ui/practicebox.h"
#include "ui/retrypage.h"
#include "ui/startpage.h"

#include <QComboBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTest>
#include <QTextDocument>
#include <QToolButton>
#include <QTranslator>
#include <QTreeWidget>
#include <algorithm>
#include <gtest/gtest.h>
#include <iostream>
#include <memory>

using namespace Qt::StringLiterals;
using namespace llmdoctor;
using llmdoctor::test::waitFor;
using ui::MainWindow;

namespace {

// The sentences a user sees: visible labels, rich text as plain text, split after . ! ? : ;
// and at line breaks. Numbers become "#", so that the simulator's port (new for every run) and
// timings do not make two identical sentences look different.
QStringList visibleSentences(const QWidget *window)
{
    static const QRegularExpression split(u"(?<=[.!?:;])\\s+|\\n+"_s);
    static const QRegularExpression number(u"\\d+([.,]\\d+)?"_s);
    QStringList out;
    for (const QLabel *label : window->findChildren<QLabel *>()) {
        if (!label->isVisibleTo(window) || label->text().isEmpty())
            continue;
        QString text = label->text();
        if (label->textFormat() == Qt::RichText ||
            (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(text))) {
            QTextDocument doc;
            doc.setHtml(text);
            text = doc.toPlainText();
        }
        for (QString sentence : text.split(split, Qt::SkipEmptyParts)) {
            sentence = sentence.simplified().replace(number, u"#"_s);
            if (!sentence.isEmpty())
                out << sentence;
        }
    }
    return out;
}

int wordCount(const QString &sentence)
{
    static const QRegularExpression word(u"\\p{L}{2,}"_s);
    int n = 0;
    for (const QString &token : sentence.split(u' ', Qt::SkipEmptyParts))
        n += word.match(token).hasMatch() ? 1 : 0;
    return n;
}

struct PageTexts
{
    QStringList checks;  // the checks page, once every check has finished
    QStringList verdict; // the verdict page
    QStringList details; // every check's detail keys and values, shown or folded away
    QStringList quoted;  // the provider's own error messages, quoted as they came
};

// The keys and values of every check row's "Details" form, whether expanded or not.
QStringList detailTexts(const ui::ChecksPage *page)
{
    static const QRegularExpression number(u"\\d+([.,]\\d+)?"_s);
    QStringList out;
    for (const ui::CheckRow *row : page->rows()) {
        for (const QFormLayout *form : row->findChildren<QFormLayout *>()) {
            for (int i = 0; i < form->rowCount(); ++i) {
                for (const auto role : {QFormLayout::LabelRole, QFormLayout::FieldRole}) {
                    const QLayoutItem *item = form->itemAt(i, role);
                    const auto *label = item ? qobject_cast<const QLabel *>(item->widget()) : nullptr;
                    if (!label)
                        continue;
                    QString text = label->text().simplified().replace(number, u"#"_s);
                    if (text.endsWith(u':'))
                        text.chop(1);
                    if (role == QFormLayout::FieldRole && text.startsWith(u"# "_s))
                        continue; // a status line: the number and the server's own reason phrase
                    if (!text.isEmpty())
                        out << text;
                }
            }
        }
    }
    return out;
}

class GermanThroughout : public ::testing::TestWithParam<core::Fault>
{
protected:
    static ui::PracticeScenario scenario(core::Fault fault)
    {
        for (const ui::PracticeScenario &s : ui::PracticeBox::scenarios()) {
            if (s.fault == fault)
                return s;
        }
        return {};
    }

    // LLMDOCTOR_SCREENSHOTS=dir: the checks page with the failed checks' details expanded and the
    // verdict page, as a German user sees them, to look at.
    static void screenshot(QWidget *window, const QString &name)
    {
        const QString dir = qEnvironmentVariable("LLMDOCTOR_SCREENSHOTS");
        if (dir.isEmpty() || name.isEmpty())
            return;
        QTest::qWait(60);
        window->grab().save(QDir(dir).filePath(name + u".png"_s));
    }

    // One practice run in a new window, in the language installed now.
    static PageTexts walk(core::Fault fault, const QString &shotName = QString())
    {
        QStandardPaths::setTestModeEnabled(true);
        auto window = std::make_unique<MainWindow>();
        window->resize(820, 700);
        window->show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(window.get()));
        auto *box = window->startPage()->practiceBox();
        const int index = box->chooser()->findData(int(fault));
        EXPECT_GE(index, 0);
        box->chooser()->setCurrentIndex(index);
        box->findChild<QPushButton *>(u"practiceButton"_s)->click();
        if (window->currentPage() == MainWindow::Explain)
            window->findChild<QPushButton *>(u"runButton"_s)->click();
        PageTexts r;
        const bool done =
            waitFor([&] { return window->checksPage()->state() == ui::ChecksPage::State::Finished; }, 30000);
        EXPECT_TRUE(done);
        if (!done)
            return r;
        r.checks = visibleSentences(window.get());
        r.details = detailTexts(window->checksPage());
        if (!shotName.isEmpty() && qEnvironmentVariableIsSet("LLMDOCTOR_SCREENSHOTS")) {
            for (ui::CheckRow *row : window->checksPage()->rows()) {
                if (row->status() == u"fail" && row->detailsButton()->isEnabled())
                    row->detailsButton()->click();
            }
            screenshot(window.get(), shotName + u"-checks"_s);
        }
        window->findChild<QPushButton *>(u"verdictButton"_s)->click();
        EXPECT_EQ(window->currentPage(), MainWindow::Result);
        QTest::qWait(50);
        r.verdict = visibleSentences(window.get());
        if (!shotName.isEmpty())
            screenshot(window.get(), shotName + u"-verdict"_s);
        if (const core::Findings *findings = window->findings()) {
            for (const core::CheckResult &check : findings->checks)
                r.quoted << check.facts.providerMessage << check.facts.error
                         << check.facts.closeModels.join(u", "_s) << check.facts.models.join(u", "_s);
        }
        return r;
    }

public:
    // Sentences of the German run that read exactly as in the English run.
    static QStringList stillEnglish(const QStringList &german, const QStringList &english,
                                    const QStringList &allowed, int minWords = 3)
    {
        const QSet<QString> englishSet(english.cbegin(), english.cend());
        QStringList out;
        for (const QString &s : german) {
            if (wordCount(s) < minWords || !englishSet.contains(s) || s.contains(u"://"_s))
                continue;
            // A quotation inside a German sentence brings its brackets and quotation marks along.
            static const QRegularExpression ends(u"^[\\s(\"\u201E\u201C]+|[\\s)\"\u201C.]+$"_s);
            const QString bare = QString(s).remove(ends);
            const bool isAllowed = std::any_of(allowed.cbegin(), allowed.cend(), [&](const QString &a) {
                return !a.isEmpty() && QString(a)
                                           .replace(QRegularExpression(u"\\d+([.,]\\d+)?"_s), u"#"_s)
                                           .simplified()
                                           .contains(bare);
            });
            if (!isAllowed && !out.contains(s))
                out << s;
        }
        return out;
    }
};

TEST_P(GermanThroughout, ChecksAndVerdictHaveNoEnglishSentence)
{
    const ui::PracticeScenario s = scenario(GetParam());
    ASSERT_FALSE(s.label.isEmpty()) << "no practice scenario for fault " << int(GetParam());
    const PageTexts english = walk(s.fault);
    ASSERT_FALSE(english.checks.isEmpty());
    ASSERT_FALSE(english.verdict.isEmpty());

    QTranslator german;
    ASSERT_TRUE(german.load(u"llmdoctor_de"_s, u":/i18n"_s));
    QCoreApplication::installTranslator(&german);
    const PageTexts translated = walk(s.fault, u"german-%1"_s.arg(int(s.fault)));
    QCoreApplication::removeTranslator(&german);
    ASSERT_FALSE(translated.checks.isEmpty());
    if (qEnvironmentVariableIsSet("LLMDOCTOR_DUMP_SENTENCES")) // to read what a German user sees
        std::cerr << (translated.checks + translated.verdict).join(u"\n"_s).toStdString() << "\n";

    // Headline and summary words of the German run really are German, not an empty page.
    EXPECT_NE(translated.verdict, english.verdict);

    const QStringList allowed = english.quoted + QStringList{s.pastedText};
    const QStringList checks = stillEnglish(translated.checks, english.checks, allowed);
    EXPECT_TRUE(checks.isEmpty()) << s.label.toStdString() << ", checks page, still English:\n  "
                                  << checks.join(u"\n  "_s).toStdString();
    const QStringList details = stillEnglish(translated.details, english.details, allowed, 2);
    EXPECT_TRUE(details.isEmpty()) << s.label.toStdString() << ", check details, still English:\n  "
                                   << details.join(u"\n  "_s).toStdString();
    const QStringList verdict = stillEnglish(translated.verdict, english.verdict, allowed);
    EXPECT_TRUE(verdict.isEmpty()) << s.label.toStdString() << ", verdict page, still English:\n  "
                                   << verdict.join(u"\n  "_s).toStdString();
}

INSTANTIATE_TEST_SUITE_P(EveryPracticeScenario, GermanThroughout,
                         ::testing::Values(core::Fault::BadGateway, core::Fault::EnvoyReset,
                                           core::Fault::ResetBeforeHeaders, core::Fault::RateLimit,
                                           core::Fault::InvalidKey, core::Fault::ModelNotFound,
                                           core::Fault::GatewayTimeout, core::Fault::Overloaded,
                                           core::Fault::Hang, core::Fault::Tls));

// A scenario added to the practice box is walked here too.
TEST(GermanThroughoutList, CoversEveryPracticeScenario)
{
    const QList<core::Fault> walked{core::Fault::BadGateway,
                                    core::Fault::EnvoyReset,
                                    core::Fault::ResetBeforeHeaders,
                                    core::Fault::RateLimit,
                                    core::Fault::InvalidKey,
                                    core::Fault::ModelNotFound,
                                    core::Fault::GatewayTimeout,
                                    core::Fault::Overloaded,
                                    core::Fault::Hang,
                                    core::Fault::Tls};
    for (const ui::PracticeScenario &s : ui::PracticeBox::scenarios())
        EXPECT_TRUE(walked.contains(s.fault)) << s.label.toStdString() << " is not walked in German";
}

// The wait-and-retry page, in both languages: one retry that ends well after waiting (429 with
// retry-after), one where retrying cannot help (a refused key).
struct RetryCase
{
    core::Fault fault;
    int failFirst;
};

class GermanRetry : public ::testing::TestWithParam<RetryCase>
{
protected:
    static QStringList retryPage(const RetryCase &c, QStringList *quoted)
    {
        QStandardPaths::setTestModeEnabled(true);
        core::SimulatorOptions o;
        o.fault = c.fault;
        o.retryAfterSeconds = 1;
        o.failFirst = c.failFirst;
        core::Simulator sim(o);
        EXPECT_TRUE(sim.start());
        core::Target target;
        target.baseUrl = sim.baseUrl();
        target.timeoutMs = 10000;
        target.proxy.mode = core::ProxyChoice::Mode::None;
        MainWindow window(target);
        window.resize(900, 760);
        window.show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(&window));
        window.findChild<QPushButton *>(u"runButton"_s)->click();
        if (!waitFor([&] { return window.checksPage()->state() == ui::ChecksPage::State::Finished; }, 20000))
            return {};
        window.findChild<QPushButton *>(u"retryButton"_s)->click();
        EXPECT_EQ(window.currentPage(), MainWindow::Retry);
        ui::RetryPage *page = window.retryPage();
        EXPECT_TRUE(waitFor([&] { return !page->isRunning(); }, 20000));
        QTest::qWait(50);
        QStringList out = visibleSentences(&window);
        static const QRegularExpression number(u"\\d+([.,]\\d+)?"_s);
        if (auto *list = page->findChild<QTreeWidget *>(u"retryAttempts"_s)) {
            for (int i = 0; i < list->topLevelItemCount(); ++i) {
                for (int col = 0; col < list->columnCount(); ++col)
                    out << list->topLevelItem(i)->text(col).simplified().replace(number, u"#"_s);
            }
        }
        if (const core::Findings *findings = window.findings()) {
            for (const core::CheckResult &check : findings->checks)
                *quoted << check.facts.providerMessage;
        }
        return out;
    }
};

TEST_P(GermanRetry, RetryPageHasNoEnglishSentence)
{
    QStringList quoted;
    const QStringList english = retryPage(GetParam(), &quoted);
    ASSERT_FALSE(english.isEmpty());
    QTranslator german;
    ASSERT_TRUE(german.load(u"llmdoctor_de"_s, u":/i18n"_s));
    QCoreApplication::installTranslator(&german);
    const QStringList translated = retryPage(GetParam(), &quoted);
    QCoreApplication::removeTranslator(&german);
    ASSERT_FALSE(translated.isEmpty());
    if (qEnvironmentVariableIsSet("LLMDOCTOR_DUMP_SENTENCES"))
        std::cerr << translated.join(u"\n"_s).toStdString() << "\n";
    const QStringList left = GermanThroughout::stillEnglish(translated, english, quoted);
    EXPECT_TRUE(left.isEmpty()) << "retry page, still English:\n  " << left.join(u"\n  "_s).toStdString();
}

INSTANTIATE_TEST_SUITE_P(WaitHelpsAndCannotHelp, GermanRetry,
                         ::testing::Values(RetryCase{core::Fault::RateLimit, 3},
                                           RetryCase{core::Fault::InvalidKey, 0}));

} // namespace
