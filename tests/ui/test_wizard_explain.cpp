// A pasted error message is explained before any check runs, and the checks follow.
#include "core/diagnosis/errorclassifier.h"
#include "core/sim/simulator.h"
#include "support/servers.h"
#include "support/waiting.h"
#include "ui/checkspage.h"
#include "ui/errorpage.h"
#include "ui/mainwindow.h"
#include "ui/pathdiagram.h"

#include <QDir>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>
#include <gtest/gtest.h>

using namespace llmdoctor::core;
using namespace llmdoctor::test;
using namespace Qt::StringLiterals;
using llmdoctor::ui::ChecksPage;
using llmdoctor::ui::MainWindow;
using llmdoctor::ui::PathDiagram;

TEST(WizardExplain, PastedErrorIsExplainedThenChecked)
{
    QStandardPaths::setTestModeEnabled(true);
    Simulator sim(faultOptions(Fault::EnvoyReset));
    ASSERT_TRUE(sim.start());
    Target target;
    target.baseUrl = sim.baseUrl();
    target.proxy.mode = ProxyChoice::Mode::None;
    target.errorText = u"Error code: 503 - upstream connect error or disconnect/reset before headers. "
                       "reset reason: connection termination"_s;
    MainWindow window(target);
    window.show();

    auto *stack = window.findChild<QStackedWidget *>(u"pageStack"_s);
    auto *run = window.findChild<QPushButton *>(u"runButton"_s);
    ASSERT_TRUE(stack && run);
    EXPECT_TRUE(run->text().contains(u"error means"_s)) << "with a pasted message, the next step explains it";
    run->click();
    ASSERT_EQ(stack->currentIndex(), MainWindow::Explain);
    EXPECT_EQ(window.currentDiagnosis(), nullptr) << "no check runs before the message is explained";

    const ErrorSignature expected = classifyErrorText(target.errorText);
    ASSERT_NE(expected.category, u"unknown"_s);
    auto *headline = window.findChild<QLabel *>(u"errorHeadline"_s);
    ASSERT_NE(headline, nullptr);
    EXPECT_EQ(headline->text(), verdictForSignature(expected).headline);
    EXPECT_TRUE(
        window.findChild<QLabel *>(u"errorProducer"_s)->text().contains(u"Envoy"_s, Qt::CaseInsensitive));
    auto *path = window.findChild<PathDiagram *>(u"pathDiagram"_s);
    ASSERT_NE(path, nullptr);
    EXPECT_GE(path->brokenHop(), 0) << "the picture marks where it broke";

    EXPECT_TRUE(run->isVisible() && run->text().contains(u"Run the checks"_s));
    run->click();
    ASSERT_EQ(stack->currentIndex(), MainWindow::Checks);
    ASSERT_TRUE(waitFor([&window] { return window.checksPage()->state() == ChecksPage::State::Finished; }));
    EXPECT_EQ(window.currentDiagnosis()->target().errorText, target.errorText) << "the verdict can use it";

    window.findChild<QPushButton *>(u"backButton"_s)->click();
    EXPECT_EQ(stack->currentIndex(), MainWindow::Explain) << "Back retraces the pages";
    window.findChild<QPushButton *>(u"backButton"_s)->click();
    EXPECT_EQ(stack->currentIndex(), MainWindow::Start);
}

TEST(WizardExplain, VagueMessageSaysSoAndDrawsNoGuess)
{
    QStandardPaths::setTestModeEnabled(true);
    Target target;
    target.baseUrl = QUrl(u"https://api.example.invalid/v1"_s);
    target.errorText = u"Network error. Try again later!"_s;
    MainWindow window(target);
    window.show();
    window.findChild<QPushButton *>(u"runButton"_s)->click();
    ASSERT_EQ(window.findChild<QStackedWidget *>(u"pageStack"_s)->currentIndex(), MainWindow::Explain);
    EXPECT_EQ(window.errorPage()->signature().category, u"unknown"_s);
    EXPECT_FALSE(window.findChild<PathDiagram *>(u"pathDiagram"_s)->isVisible());
}

TEST(WizardExplain, ErrorTypedOnTheStartPageIsExplained)
{
    QStandardPaths::setTestModeEnabled(true);
    Target target;
    target.baseUrl = QUrl(u"https://api.example.invalid/v1"_s);
    MainWindow window(target);
    window.show();
    auto *run = window.findChild<QPushButton *>(u"runButton"_s);
    EXPECT_TRUE(run->text().contains(u"Run the checks"_s));
    auto *box = window.findChild<QPlainTextEdit *>(u"errorTextEdit"_s);
    ASSERT_NE(box, nullptr);
    QTest::keyClicks(box,
                     u"<html><head><title>502 Bad Gateway</title></head><hr><center>nginx</center></html>"_s);
    EXPECT_TRUE(run->text().contains(u"error means"_s));
    run->click();
    ASSERT_EQ(window.findChild<QStackedWidget *>(u"pageStack"_s)->currentIndex(), MainWindow::Explain);
    EXPECT_EQ(window.errorPage()->signature().category, u"gateway_error"_s);
    EXPECT_TRUE(window.errorPage()->signature().hops.contains(u"nginx"_s));

    box->clear();
    window.findChild<QPushButton *>(u"backButton"_s)->click();
    EXPECT_TRUE(run->text().contains(u"Run the checks"_s)) << "no text, no explanation step";
}

// Messages read from the wording families added from real reports (a SOCKS proxy without its package, a
// local model server named without an address, a proxy that cannot be reached, a connect failure to a
// well-known host, to an address the user set or on this computer, a router's failed provider, a plan that
// does not include the tool): the explain page words each with every fact filled in, in English and in
// German. LLMDOCTOR_SCREENSHOTS=dir keeps what a user sees, to look at.
TEST(WizardExplain, NewWordingsReadInPlainWordsInBothLanguages)
{
    QStandardPaths::setTestModeEnabled(true);
    const QStringList texts{
        u"request to https://api.openai.com/v1/chat/completions failed, reason: Missing dependencies for SOCKS support."_s,
        u"litellm.APIConnectionError: OllamaException - [WinError 10061] No connection could be made because "
        u"the "
        "target machine actively refused it"_s,
        u"FetchError: request to https://api.openai.com/v1/chat/completions failed, reason: getaddrinfo "
        u"ENOTFOUND "
        "proxy-server"_s,
        u"ClientConnectorError: Cannot connect to host api.openai.com:443 ssl:default"_s,
        // A company web filter's block page, a relay's saturation, Apache's proxy error page: who wrote
        // each is named in the reader's language.
        u"Web Page Blocked!\nYou have tried to access a web page which is in violation of your internet "
        u"usage "
        u"policy.\nCategory: Artificial Intelligence\nFortiGuard"_s,
        u"{\"error\":{\"message\":\"当前分组上游负载已饱和，请稍后再试\",\"type\":\"new_api_error\"}}"_s,
        u"<title>502 Proxy Error</title>\n<h1>Proxy Error</h1>\n<p>The proxy server received an "
        u"invalid\nresponse "
        u"from an upstream server.</p>"_s,
        // A gateway's own budget, and a proxy tool's page in the API's place.
        u"litellm.BudgetExceededError: Budget has been exceeded! Current cost: 10.52, Max budget: 10.0"_s,
        u"<title>500 Unable to connect</title>\n<p>Tinyproxy was unable to connect to the remote web server.</p>"_s,
        // Only a plain word to go on: the page says so and claims no step.
        u"Error: Timed out waiting for response. Try enabling debug mode to see more information."_s,
        u"API Error: Unable to connect to API (ConnectionRefused)"_s,
        // What failed but not why: at an address the user set, on this computer, behind a router; and a
        // firewall's block page in the API's place.
        u"Ollama could not be reached at http://ollama:11434. Start Ollama and re-run setup."_s,
        u"Couldn't connect to Ollama at http://127.0.0.1:11434"_s,
        u"Model: OpenRouter | owl-alpha\nProvider returned error"_s,
        u"Error: ('OpenAI', 403, '<!DOCTYPE html><html><head><title>Access denied</title></head>')"_s,
        // A plan that does not include the tool, with the page to upgrade on; Cloudflare's challenge in a
        // relay's log.
        u"To use Codex with your ChatGPT plan, upgrade to Plus: https://openai.com/chatgpt/pricing."_s,
        u"upstream server error: cloudflare challenge page (cf_ray=8f1460b27f3dae95-FRA) [kind=cloudflare_challenge]"_s,
    };
    static const QRegularExpression unfilled(u"\\{[a-z_]+\\}|\\((?:the server|der Server)\\)"_s);
    auto visibleText = [](const QWidget &page) {
        QStringList out;
        for (const QLabel *label : page.findChildren<QLabel *>()) {
            if (label->isVisible() && !label->text().isEmpty())
                out << label->text();
        }
        return out.join(u'\n');
    };
    QTranslator german;
    ASSERT_TRUE(german.load(u"llmdoctor_de"_s, u":/i18n"_s));
    for (int language = 0; language < 2; ++language) {
        if (language == 1)
            QCoreApplication::installTranslator(&german);
        for (int i = 0; i < texts.size(); ++i) {
            Target target;
            target.baseUrl = QUrl(u"https://api.example.invalid/v1"_s);
            target.errorText = texts.at(i);
            MainWindow window(target);
            window.show();
            window.findChild<QPushButton *>(u"runButton"_s)->click();
            ASSERT_EQ(window.findChild<QStackedWidget *>(u"pageStack"_s)->currentIndex(),
                      MainWindow::Explain);
            const ErrorSignature sig = classifyErrorText(texts.at(i));
            EXPECT_NE(verdictForSignature(sig).blameName(), u"none"_s)
                << "someone can act: " << texts.at(i).toStdString();
            const QString shown = visibleText(*window.errorPage());
            EXPECT_TRUE(shown.contains(verdictForSignature(sig).headline)) << shown.toStdString();
            EXPECT_FALSE(unfilled.match(shown).hasMatch()) << shown.toStdString();
            if (!sig.producer.isEmpty()) {
                const QString producer =
                    QCoreApplication::translate("Signature", sig.producer.toUtf8().constData());
                EXPECT_TRUE(shown.contains(producer)) << shown.toStdString();
                if (language == 1 && sig.producer.startsWith(u"the "_s)) {
                    EXPECT_NE(producer, sig.producer) << "untranslated: " << sig.producer.toStdString();
                }
            }
            // How sure the reading is, in the reader's language, whenever there is a reading to be sure of.
            if (const Certainty sure = sig.certainty(); sure.applies) {
                EXPECT_TRUE(shown.contains(sure.inWords())) << shown.toStdString();
                if (language == 1) {
                    EXPECT_FALSE(shown.contains(u" sure:"_s)) << "untranslated: " << shown.toStdString();
                }
            }
            if (const QString dir = qEnvironmentVariable("LLMDOCTOR_SCREENSHOTS"); !dir.isEmpty()) {
                QTest::qWait(60);
                window.grab().save(
                    QDir(dir).filePath(u"explain-%1-%2.png"_s.arg(language ? u"de"_s : u"en"_s).arg(i)));
            }
        }
    }
    QCoreApplication::removeTranslator(&german);
}
