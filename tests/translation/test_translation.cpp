// The translation pipeline end to end: ctest runs this binary with LANGUAGE=de and LC_ALL=de_DE
// (tests/CMakeLists.txt), the way a German desktop starts the wizard; the strings come from the
// .qm files compiled into the binary from resources/translations/*.ts.
#include "ui/mainwindow.h"
#include "ui/startpage.h"
#include "ui/translations.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

TEST(Translation, TheSystemLocaleSelectsGerman)
{
    ASSERT_EQ(qEnvironmentVariable("LANGUAGE"), u"de"_s) << "run through ctest, which sets the locale";
    EXPECT_EQ(llmdoctor::ui::installTranslations(*qApp), u"de"_s);
    QStandardPaths::setTestModeEnabled(true);
    llmdoctor::ui::MainWindow w;
    w.show();
    EXPECT_EQ(w.findChild<QPushButton *>(u"runButton"_s)->text(), u"&Prüfungen starten"_s);
    bool titleFound = false;
    for (const QLabel *label : w.startPage()->findChildren<QLabel *>())
        titleFound |= label->text() == u"Was läuft schief?"_s;
    EXPECT_TRUE(titleFound);
    if (const QString dir = qEnvironmentVariable("LLMDOCTOR_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QTest::qWait(100);
        w.grab().save(dir + u"/start-de.png"_s);
    }
    // Plural forms come from the .ts file too.
    w.startPage()->setAvailableModels({u"a"_s, u"b"_s});
    EXPECT_TRUE(
        w.startPage()->findChild<QLabel *>(u"modelHint"_s)->text().startsWith(u"2 Modelle verfügbar"_s));
}

TEST(Translation, EnglishCarriesThePluralForms)
{
    QTranslator english;
    ASSERT_TRUE(english.load(u"llmdoctor_en"_s, u":/i18n"_s));
    QCoreApplication::installTranslator(&english);
    llmdoctor::ui::StartPage page;
    page.setAvailableModels({u"a"_s});
    EXPECT_EQ(page.findChild<QLabel *>(u"modelHint"_s)->text(),
              u"1 model available: start typing to pick it."_s);
    page.setAvailableModels({u"a"_s, u"b"_s});
    EXPECT_EQ(page.findChild<QLabel *>(u"modelHint"_s)->text(),
              u"2 models available: start typing to pick one."_s);
    QCoreApplication::removeTranslator(&english);
}

TEST(Translation, GermanIsComplete)
{
    // Run `cmake --build --preset default --target update_translations` after changing tr()
    // strings; this fails until every new one is translated.
    QFile ts(QStringLiteral(LLMDOCTOR_SOURCE_DIR "/resources/translations/llmdoctor_de.ts"));
    ASSERT_TRUE(ts.open(QIODevice::ReadOnly));
    const QByteArray text = ts.readAll();
    EXPECT_GT(text.count("<message"), 300);
    EXPECT_EQ(text.count("type=\"unfinished\""), 0);
    EXPECT_EQ(text.count("type=\"vanished\"") + text.count("type=\"obsolete\""), 0);
}
