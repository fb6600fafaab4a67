// The typed settings: what is kept between runs, and that no key, pasted error or credential
// ever reaches the file.
#include "core/settings/settings.h"

#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using llmdoctor::core::ProxyChoice;
using llmdoctor::core::Settings;
using llmdoctor::core::Target;

namespace {

QByteArray fileText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

TEST(Settings, DefaultsWithoutAFile)
{
    QTemporaryDir dir;
    Settings s(dir.filePath(u"llmdoctor.ini"_s));
    EXPECT_EQ(s.timeoutSeconds(), 30);
    EXPECT_TRUE(s.defaultProvider().isEmpty());
    EXPECT_FALSE(s.lastTarget().has_value());
    EXPECT_FALSE(s.rememberKey()) << "the keychain is opt-in";
    EXPECT_TRUE(s.windowGeometry().isEmpty());
}

TEST(Settings, ValuesSurviveAReopenAndAreClamped)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"llmdoctor.ini"_s);
    {
        Settings s(path);
        s.setTimeoutSeconds(5000);
        s.setDefaultProvider(u"chutes"_s);
        s.setRememberKey(true);
        s.setWindowGeometry("geometry-bytes");
        s.setWindowState("state-bytes");
        s.sync();
        EXPECT_TRUE(s.ok());
    }
    Settings s(path);
    EXPECT_EQ(s.timeoutSeconds(), Settings::maxTimeoutSeconds);
    EXPECT_EQ(s.defaultProvider(), u"chutes"_s);
    EXPECT_TRUE(s.rememberKey());
    EXPECT_EQ(s.windowGeometry(), "geometry-bytes");
    EXPECT_EQ(s.windowState(), "state-bytes");
    s.setTimeoutSeconds(0);
    EXPECT_EQ(s.timeoutSeconds(), Settings::minTimeoutSeconds);
}

TEST(Settings, LastTargetKeepsWhatToTestButNeverTheKeyOrCredentials)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"llmdoctor.ini"_s);
    const QByteArray key = "sk-proj-NEVERSTOREDabcdefghijklmnop1234";
    Target t;
    t.provider = u"openai"_s;
    t.baseUrl = QUrl(u"https://alice:urlpassword@gateway.example.com/v1?key=querysecret&region=eu"_s);
    t.model = u"gpt-4o-mini"_s;
    t.apiKey = key;
    t.errorText =
        u"openai.AuthenticationError: Incorrect API key provided: sk-proj-NEVERSTOREDabcdefghijklmnop1234"_s;
    t.proxy.mode = ProxyChoice::Mode::Explicit;
    t.proxy.url = QUrl(u"http://bob:proxypassword@proxy.example.com:3128"_s);
    t.caFile = u"/etc/ssl/company.pem"_s;
    t.timeoutMs = 45000;
    t.sendTestRequest = true;
    {
        Settings s(path);
        s.setLastTarget(t);
        s.sync();
    }
    const QByteArray text = fileText(path);
    ASSERT_FALSE(text.isEmpty());
    for (const QByteArray &secret :
         {QByteArray("NEVERSTORED"), QByteArray("urlpassword"), QByteArray("alice"),
          QByteArray("querysecret"), QByteArray("proxypassword"), QByteArray("AuthenticationError"),
          key.toBase64(), key.toHex()})
        EXPECT_FALSE(text.contains(secret)) << secret.toStdString() << " in\n" << text.toStdString();

    Settings s(path);
    const auto last = s.lastTarget();
    ASSERT_TRUE(last.has_value());
    EXPECT_EQ(last->provider, u"openai"_s);
    EXPECT_EQ(last->baseUrl.host(), u"gateway.example.com"_s);
    EXPECT_EQ(last->baseUrl.query(), u"region=eu"_s) << "harmless query items stay";
    EXPECT_EQ(last->model, u"gpt-4o-mini"_s);
    EXPECT_TRUE(last->apiKey.isEmpty());
    EXPECT_TRUE(last->errorText.isEmpty()) << "a pasted error may quote the key";
    EXPECT_FALSE(last->sendTestRequest) << "costs money: asked for every time";
    EXPECT_EQ(last->proxy.mode, ProxyChoice::Mode::Explicit);
    EXPECT_EQ(last->proxy.url, QUrl(u"http://proxy.example.com:3128"_s));
    EXPECT_EQ(last->caFile, u"/etc/ssl/company.pem"_s);
    EXPECT_EQ(last->timeoutMs, 45000);

    s.forgetLastTarget();
    EXPECT_FALSE(s.lastTarget().has_value());
}

TEST(Settings, AnUnusableSavedAddressStartsFresh)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"llmdoctor.ini"_s);
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("[lastTarget]\nbaseUrl=ftp://nothing here\n");
    }
    Settings s(path);
    EXPECT_FALSE(s.lastTarget().has_value());
}
