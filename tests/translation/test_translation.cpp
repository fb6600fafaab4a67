// The translation pipeline end to end: ctest runs this binary with LANGUAGE=de and LC_ALL=de_DE
// (tests/CMakeLists.txt), the way a German desktop starts the wizard; the strings come from the
// .qm files compiled into the binary from resources/translations/*.ts.
#include "ui/mainwindow.h"
#include "ui/startpage.h"
#include "ui/translations.h"

#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>
#include <functional>
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

// advice.json's templates reach lupdate through advicestrings.cpp, which CMake writes from it
// (cmake/advicestrings.cmake); a template added or changed there without a German translation
// fails here, even before update_translations has run.
TEST(Translation, EveryAdviceTemplateHasGerman)
{
    QTranslator german;
    ASSERT_TRUE(german.load(u"llmdoctor_de"_s, u":/i18n"_s));
    QFile file(u":/llmdoctor/advice.json"_s);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QJsonObject advice = QJsonDocument::fromJson(file.readAll()).object();
    QStringList texts;
    const std::function<void(const QJsonValue &)> collect = [&](const QJsonValue &v) {
        if (v.isString())
            texts << v.toString();
        else if (v.isArray())
            for (const QJsonValue &item : v.toArray())
                collect(item);
        else if (v.isObject() && v.toObject().contains(u"text"))
            collect(v.toObject().value(u"text"));
    };
    for (auto it = advice.begin(); it != advice.end(); ++it) {
        for (const char *field : {"headline", "explanation", "next_steps"})
            collect(it.value().toObject().value(QLatin1StringView(field)));
    }
    EXPECT_GT(texts.size(), 300);
    static const QRegularExpression placeholder(u"\\{[a-z_]+\\}"_s);
    for (const QString &text : std::as_const(texts)) {
        const QString de = german.translate("advice", text.toUtf8().constData());
        EXPECT_FALSE(de.isEmpty()) << "no German for: " << text.toStdString();
        QStringList want, got;
        for (auto m = placeholder.globalMatch(text); m.hasNext();)
            want << m.next().captured();
        for (auto m = placeholder.globalMatch(de); m.hasNext();)
            got << m.next().captured();
        want.sort();
        got.sort();
        EXPECT_EQ(want, got) << "placeholders differ in the German for: " << text.toStdString();
    }
}
