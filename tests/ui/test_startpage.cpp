// The start page's provider picker, key and address findings, model list and the opt-in test
// request, driven offscreen against the simulator.
#include "core/sim/simulator.h"
#include "support/waiting.h"
#include "ui/startpage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QToolButton>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using llmdoctor::core::Simulator;
using llmdoctor::core::SimulatorOptions;
using llmdoctor::test::waitFor;
using llmdoctor::ui::StartPage;

namespace {

template <typename T> T *child(QWidget &page, const QString &name)
{
    T *w = page.findChild<T *>(name);
    EXPECT_NE(w, nullptr) << name.toStdString();
    return w;
}

} // namespace

TEST(StartPage, ProviderPickerUsesFamiliarNamesAndFillsTheAddress)
{
    StartPage page;
    page.show();
    auto *provider = child<QComboBox>(page, u"providerCombo"_s);
    for (const QString &name : {u"ChatGPT / OpenAI"_s, u"Claude / Anthropic"_s, u"Chutes AI"_s,
                                u"OpenRouter"_s, u"Other OpenAI-compatible server"_s})
        EXPECT_GE(provider->findText(name), 0) << name.toStdString();
    provider->setCurrentIndex(provider->findText(u"Claude / Anthropic"_s));
    emit provider->activated(provider->currentIndex());
    EXPECT_EQ(child<QLineEdit>(page, u"addressEdit"_s)->text(), u"https://api.anthropic.com/v1"_s);
    const auto target = page.target();
    ASSERT_TRUE(target.has_value());
    EXPECT_EQ(target->provider, u"anthropic"_s);

    // An address the user typed is never replaced.
    child<QLineEdit>(page, u"addressEdit"_s)->setText(u"https://gateway.example.com/v1"_s);
    provider->setCurrentIndex(provider->findText(u"Chutes AI"_s));
    emit provider->activated(provider->currentIndex());
    EXPECT_EQ(child<QLineEdit>(page, u"addressEdit"_s)->text(), u"https://gateway.example.com/v1"_s);
}

TEST(StartPage, FindingsShowNextToTheirFieldWithoutTheKey)
{
    StartPage page;
    page.show();
    auto *provider = child<QComboBox>(page, u"providerCombo"_s);
    provider->setCurrentIndex(provider->findData(u"openai"_s));
    auto *address = child<QLineEdit>(page, u"addressEdit"_s);
    address->setText(u"https://api.openai.com/v1/chat/completions"_s);
    auto *addressHint = child<QLabel>(page, u"addressHint"_s);
    EXPECT_TRUE(addressHint->isVisible());
    EXPECT_TRUE(addressHint->text().contains(u"\"https://api.openai.com/v1\""_s))
        << addressHint->text().toStdString();
    EXPECT_TRUE(page.isValid()) << "findings advise; they never block the run";

    auto *key = child<QLineEdit>(page, u"apiKeyEdit"_s);
    EXPECT_EQ(key->echoMode(), QLineEdit::Password) << "masked by default";
    child<QToolButton>(page, u"showKeyButton"_s)->click();
    EXPECT_EQ(key->echoMode(), QLineEdit::Normal);
    child<QToolButton>(page, u"showKeyButton"_s)->click();
    EXPECT_EQ(key->echoMode(), QLineEdit::Password);

    key->setText(u"Bearer sk-proj-TOPSECRETabcdefghijklmnopqrstuvwxyz0123456789"_s);
    auto *keyHint = child<QLabel>(page, u"keyHint"_s);
    EXPECT_TRUE(keyHint->isVisible());
    EXPECT_TRUE(keyHint->text().contains(u"Bearer"_s));
    EXPECT_FALSE(keyHint->text().contains(u"TOPSECRET"_s));
    EXPECT_EQ(page.target()->apiKey, "Bearer sk-proj-TOPSECRETabcdefghijklmnopqrstuvwxyz0123456789")
        << "passed on as typed, so the checks can tell about it";

    key->setText(u"sk-proj-TOPSECRETabcdefghijklmnopqrstuvwxyz0123456789"_s);
    EXPECT_FALSE(keyHint->isVisible());
}

TEST(StartPage, TestRequestIsOffUntilTicked)
{
    StartPage page;
    auto *box = child<QCheckBox>(page, u"testRequestBox"_s);
    EXPECT_FALSE(box->isChecked());
    EXPECT_TRUE(box->accessibleName().contains(u"may cost a fraction of a cent"_s)); // its label wraps
    child<QLineEdit>(page, u"addressEdit"_s)->setText(u"http://127.0.0.1:9/v1"_s);
    EXPECT_FALSE(page.target()->sendTestRequest);
    box->setChecked(true);
    EXPECT_TRUE(page.target()->sendTestRequest);
}

TEST(StartPage, ModelsAreOfferedOnceTheKeyWorks)
{
    SimulatorOptions options;
    options.models = {u"gpt-4o"_s, u"gpt-4o-mini"_s, u"deepseek-ai/DeepSeek-V3-0324"_s};
    options.expectedKey = "sk-test-0123456789abcdefghij";
    Simulator sim(options);
    ASSERT_TRUE(sim.start());

    StartPage page;
    page.show();
    llmdoctor::core::Target t;
    t.baseUrl = sim.baseUrl();
    t.proxy.mode = llmdoctor::core::ProxyChoice::Mode::None;
    t.apiKey = "sk-test-wrong-key-000000000";
    t.model = u"deepseek-v3"_s;
    page.setTarget(t);
    auto *load = child<QPushButton>(page, u"loadModelsButton"_s);
    auto *hint = child<QLabel>(page, u"modelHint"_s);

    load->click();
    ASSERT_TRUE(waitFor([load] { return load->isEnabled(); }, 10000));
    EXPECT_TRUE(page.availableModels().isEmpty()) << "a rejected key lists nothing";
    EXPECT_TRUE(hint->text().contains(u"rejected"_s)) << hint->text().toStdString();

    child<QLineEdit>(page, u"apiKeyEdit"_s)->setText(u"sk-test-0123456789abcdefghij"_s);
    load->click();
    ASSERT_TRUE(waitFor([&page] { return !page.availableModels().isEmpty(); }, 10000));
    EXPECT_EQ(page.availableModels(), options.models);
    EXPECT_TRUE(hint->text().contains(u"deepseek-ai/DeepSeek-V3-0324"_s)) << hint->text().toStdString();
}

TEST(StartPage, OptInChecksSurviveARoundTrip)
{
    StartPage page;
    llmdoctor::core::Target t;
    t.baseUrl = QUrl(u"https://api.openai.com/v1"_s);
    t.checkKeepAlive = true;
    t.sendTestRequest = true;
    page.setTarget(t);
    const auto back = page.target();
    ASSERT_TRUE(back.has_value());
    EXPECT_TRUE(back->checkKeepAlive);
    EXPECT_TRUE(back->sendTestRequest);
    auto *box = page.findChild<QCheckBox *>(u"keepAliveBox"_s);
    ASSERT_NE(box, nullptr);
    box->setChecked(false);
    EXPECT_FALSE(page.target()->checkKeepAlive);
}

TEST(StartPage, PathTestIsOptInUnderAdvanced)
{
    StartPage page;
    llmdoctor::core::Target t;
    t.baseUrl = QUrl(u"https://api.openai.com/v1"_s);
    page.setTarget(t);
    auto *box = child<QCheckBox>(page, u"checkPathBox"_s);
    ASSERT_NE(box, nullptr);
    EXPECT_FALSE(page.target()->checkPath);
    box->setChecked(true);
    EXPECT_TRUE(page.target()->checkPath);
    t.checkPath = true;
    page.setTarget(t);
    EXPECT_TRUE(box->isChecked());
    if (!qEnvironmentVariableIsEmpty("LLMDOCTOR_SCREENSHOTS")) {
        page.resize(720, 760);
        page.show();
        QTest::qWait(50);
        page.grab().save(qEnvironmentVariable("LLMDOCTOR_SCREENSHOTS") + u"/startpage-path.png"_s);
    }
}
