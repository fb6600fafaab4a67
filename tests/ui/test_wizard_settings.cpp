// What the wizard remembers between runs (core::Settings), and the key: only on request, in the
// system keychain; where there is none (as here: no D-Bus secret service), the page says so and
// nothing is written anywhere in plain text.
#include "core/settings/settings.h"
#include "support/waiting.h"
#include "ui/checkspage.h"
#include "ui/keystore.h"
#include "ui/mainwindow.h"
#include "ui/startpage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using llmdoctor::core::Settings;
using llmdoctor::test::waitFor;
using llmdoctor::ui::ChecksPage;
using llmdoctor::ui::KeyStore;
using llmdoctor::ui::MainWindow;

namespace {

const QByteArray secretKey = "sk-proj-PLAINTEXTCANARY0123456789abcdefghij";

template <typename T> T *child(QWidget &w, const QString &name)
{
    T *c = w.findChild<T *>(name);
    EXPECT_NE(c, nullptr) << name.toStdString();
    return c;
}

// Every file the process could have written settings or a fallback key store into.
QStringList writableFiles()
{
    QStringList roots{qEnvironmentVariable("LLMDOCTOR_TEST_SETTINGS_DIR")};
    for (auto location : {QStandardPaths::GenericConfigLocation, QStandardPaths::AppConfigLocation,
                          QStandardPaths::GenericDataLocation, QStandardPaths::AppDataLocation,
                          QStandardPaths::GenericCacheLocation, QStandardPaths::RuntimeLocation})
        roots << QStandardPaths::writableLocation(location);
    QStringList files;
    for (const QString &root : roots) {
        if (root.isEmpty())
            continue;
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
    }
    return files;
}

// The key in any of the forms a careless store would use.
QString fileHoldingKey(const QStringList &files)
{
    const QList<QByteArray> forms{secretKey, secretKey.toBase64(), secretKey.toHex(),
                                  QString::fromLatin1(secretKey).toUtf8().toPercentEncoding()};
    for (const QString &path : files) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray data = f.read(16 * 1024 * 1024);
        for (const QByteArray &form : forms) {
            if (data.contains(form))
                return path;
        }
    }
    return {};
}

class WizardSettingsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QStandardPaths::setTestModeEnabled(true);
        Settings().clear();
    }
    void TearDown() override { Settings().clear(); }

    // Runs the checks against a port nothing listens on: quick, and enough to save the target.
    static void runAgainstClosedPort(MainWindow &w)
    {
        w.findChild<QPushButton *>(u"runButton"_s)->click();
        ASSERT_TRUE(waitFor([&] { return w.checksPage()->state() == ChecksPage::State::Finished; }, 20000));
    }
};

} // namespace

TEST_F(WizardSettingsTest, RememberingTheKeyIsOffByDefault)
{
    MainWindow w;
    w.show();
    auto *box = child<QCheckBox>(w, u"rememberKeyBox"_s);
    EXPECT_FALSE(box->isChecked());
    EXPECT_TRUE(box->isEnabled());
    EXPECT_EQ(child<QLabel>(w, u"keyNote"_s)->text(), u"Kept in memory only, never saved."_s);
}

TEST_F(WizardSettingsTest, WithoutAKeychainThePageSaysSoAndNothingIsWrittenInPlainText)
{
    {
        MainWindow w;
        w.show();
        child<QLineEdit>(w, u"addressEdit"_s)->setText(u"http://127.0.0.1:1/v1"_s);
        child<QLineEdit>(w, u"apiKeyEdit"_s)->setText(QString::fromLatin1(secretKey));
        auto *box = child<QCheckBox>(w, u"rememberKeyBox"_s);
        box->click();
        // The first job finds out that no keychain service answers.
        ASSERT_TRUE(waitFor([&] { return w.keyStore()->state() != KeyStore::State::Unknown; }, 20000));
        EXPECT_EQ(w.keyStore()->state(), KeyStore::State::Unavailable);
        auto *note = child<QLabel>(w, u"keyNote"_s);
        EXPECT_TRUE(note->isVisible());
        EXPECT_EQ(note->text(),
                  u"No system keychain is available on this computer, so the key is kept in memory only."_s);
        EXPECT_FALSE(box->isChecked());
        EXPECT_FALSE(box->isEnabled()) << "a choice that cannot work is not offered";
        // For a person to look at: LLMDOCTOR_SCREENSHOT_DIR=... under xvfb-run with QT_QPA_PLATFORM=xcb.
        if (const QString dir = qEnvironmentVariable("LLMDOCTOR_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QTest::qWait(100); // the layout makes room for the note first
            w.grab().save(dir + u"/start-no-keychain.png"_s);
        }

        // The key is still used for this run, from memory.
        runAgainstClosedPort(w);
        EXPECT_EQ(w.currentDiagnosis()->target().apiKey, secretKey);
        w.close();
    }
    const QStringList files = writableFiles();
    EXPECT_TRUE(files.contains(Settings().fileName())) << "the settings were written, so the scan saw them";
    const QString holder = fileHoldingKey(files);
    EXPECT_TRUE(holder.isEmpty()) << "the key is in " << holder.toStdString();

    // Nothing comes back: the next window starts without a key.
    MainWindow again;
    EXPECT_TRUE(child<QLineEdit>(again, u"apiKeyEdit"_s)->text().isEmpty());
}

TEST_F(WizardSettingsTest, TheNextWindowStartsWithTheLastTargetButNotItsKeyOrPastedError)
{
    {
        MainWindow w;
        w.show();
        w.resize(780, 700); // fits the offscreen screen (800×800): a bigger size would be made to fit it
        child<QLineEdit>(w, u"addressEdit"_s)->setText(u"http://127.0.0.1:1/v1"_s);
        child<QLineEdit>(w, u"apiKeyEdit"_s)->setText(QString::fromLatin1(secretKey));
        child<QLineEdit>(w, u"modelEdit"_s)->setText(u"gpt-4o-mini"_s);
        // A pasted traceback often quotes the key; it is explained, then forgotten.
        child<QPlainTextEdit>(w, u"errorTextEdit"_s)
            ->setPlainText(u"Error code: 401 - Incorrect API key provided: "_s +
                           QString::fromLatin1(secretKey));
        w.runChecks();
        ASSERT_TRUE(waitFor([&] { return w.checksPage()->state() == ChecksPage::State::Finished; }, 20000));
        w.close();
    }
    Settings settings;
    QFile file(settings.fileName());
    ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << settings.fileName().toStdString();
    const QByteArray text = file.readAll();
    EXPECT_FALSE(text.contains("PLAINTEXTCANARY")) << text.toStdString();
    EXPECT_FALSE(text.contains("Incorrect API key")) << text.toStdString();
    EXPECT_FALSE(settings.windowGeometry().isEmpty());

    MainWindow w;
    const auto target = w.startPage()->target();
    ASSERT_TRUE(target.has_value());
    EXPECT_EQ(target->baseUrl, QUrl(u"http://127.0.0.1:1/v1"_s));
    EXPECT_EQ(target->model, u"gpt-4o-mini"_s);
    EXPECT_TRUE(target->apiKey.isEmpty());
    EXPECT_TRUE(target->errorText.isEmpty());
    EXPECT_EQ(w.size(), QSize(780, 700)) << "the window comes back at its last size";
}

TEST_F(WizardSettingsTest, OptionsOnTheCommandLineWinOverTheLastTarget)
{
    Settings s;
    llmdoctor::core::Target last;
    last.baseUrl = QUrl(u"http://127.0.0.1:1/v1"_s);
    s.setLastTarget(last);
    s.sync();
    llmdoctor::core::Target prefill;
    prefill.baseUrl = QUrl(u"https://api.deepseek.com/v1"_s);
    MainWindow w(prefill);
    EXPECT_EQ(child<QLineEdit>(w, u"addressEdit"_s)->text(), u"https://api.deepseek.com/v1"_s);
}

TEST_F(WizardSettingsTest, TheDefaultProviderAndTimeoutFillInAFreshStart)
{
    Settings s;
    s.setDefaultProvider(u"chutes"_s);
    s.setTimeoutSeconds(90);
    s.sync();
    MainWindow w;
    EXPECT_EQ(child<QComboBox>(w, u"providerCombo"_s)->currentData().toString(), u"chutes"_s);
    EXPECT_EQ(child<QLineEdit>(w, u"addressEdit"_s)->text(), u"https://llm.chutes.ai/v1"_s);
    const auto target = w.startPage()->target();
    ASSERT_TRUE(target.has_value());
    EXPECT_EQ(target->timeoutMs, 90000);
}
