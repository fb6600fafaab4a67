// The redactor's promise over the forms a key takes on its way through servers, logs and
// reports: escaped a character at a time in any mix, hex in either case, base64url at any
// offset, and a key carried in the address's query.
#include "core/target/redactor.h"
#include "core/target/target.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <gtest/gtest.h>

using namespace llmdoctor::core;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kKey = "sk-proj-Se4+cr/Et=Ky7<Q&\"aZ9x1Ab2Cd3Ef4Gh5";

QByteArray eachByte(const QByteArray &key, const char *format)
{
    QByteArray out;
    for (const char c : key)
        out += QString::asprintf(format, unsigned(uchar(c))).toLatin1();
    return out;
}

Redactor redactorFor(const QByteArray &key)
{
    Target t;
    t.apiKey = key;
    return Redactor(t);
}

} // namespace

TEST(Redactor, EveryEscapedFormOfTheKeyIsRemoved)
{
    const Redactor r = redactorFor(kKey);
    QByteArray mixed; // %XX, \u00XX and &#NN; in turn
    for (qsizetype i = 0; i < kKey.size(); ++i) {
        const unsigned c = uchar(kKey[i]);
        mixed += i % 3 == 0   ? QString::asprintf("%%%02x", c).toLatin1()
                 : i % 3 == 1 ? QString::asprintf("\\u%04X", c).toLatin1()
                              : QByteArray(1, kKey[i]);
    }
    const QList<QPair<const char *, QByteArray>> forms{
        {"every byte %XX upper", eachByte(kKey, "%%%02X")},
        {"every byte %xx lower", eachByte(kKey, "%%%02x")},
        {"JSON \\u escapes", eachByte(kKey, "\\u%04x")},
        {"JSON \\u escapes upper", eachByte(kKey, "\\u%04X")},
        {"HTML decimal references", eachByte(kKey, "&#%u;")},
        {"HTML hex references", eachByte(kKey, "&#x%x;")},
        {"HTML-escaped", QString::fromLatin1(kKey).toHtmlEscaped().toLatin1()},
        {"hex upper", kKey.toHex().toUpper()},
        {"hex lower", kKey.toHex()},
        {"a mix of escapes", mixed},
    };
    for (const auto &[name, form] : forms) {
        const QByteArray out = r.apply("before " + form + " after");
        EXPECT_FALSE(out.contains(form)) << name;
        EXPECT_TRUE(out.startsWith("before ") && out.endsWith(" after")) << name << ": " << out.toStdString();
        EXPECT_TRUE(out.contains(redactKey(kKey).toUtf8())) << name << ": " << out.toStdString();
    }
    // Inside a longer base64url text the key may start at any of three offsets.
    for (const QByteArray &lead : {QByteArray("u:"), QByteArray("us:"), QByteArray("use:")}) {
        const QByteArray enc =
            (lead + kKey).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        const QByteArray middle = enc.mid(4, enc.size() - 8);
        EXPECT_FALSE(r.apply("token=" + enc).contains(middle)) << lead.toStdString();
    }
    // Ordinary text with escapes is left alone.
    EXPECT_EQ(r.apply(QByteArray("100%25 &amp; \\u0041 fine")), QByteArray("100%25 &amp; \\u0041 fine"));
}

TEST(Redactor, AKeyInTheAddressIsTheKey)
{
    for (const char *name : {"key", "api_key", "code", "api-key", "access_token", "sig"}) {
        Target t;
        t.baseUrl = QUrl(u"https://fn.example.invalid/api/v1?%1=AzFnCodeSecretValue0123456789xyz&x=1"_s.arg(
            QLatin1String(name)));
        const Redactor r(t);
        const QString report =
            u"GET https://fn.example.invalid/api/v1/models?%1=AzFnCodeSecretValue0123456789xyz"_s.arg(
                QLatin1String(name));
        EXPECT_FALSE(r.apply(report).contains(u"SecretValue0123"_s)) << name;
        EXPECT_FALSE(shownUrl(t.baseUrl).contains(u"SecretValue0123"_s)) << name;
        EXPECT_TRUE(shownUrl(t.baseUrl).contains(u"x=1"_s)) << "other query items stay";
        EXPECT_TRUE(t.carriesKey()) << name;
    }
    Target plain;
    plain.baseUrl = QUrl(u"https://api.example.invalid/v1?api-version=2024-10-21"_s);
    EXPECT_EQ(shownUrl(plain.baseUrl), u"https://api.example.invalid/v1?api-version=2024-10-21"_s);
    EXPECT_FALSE(plain.carriesKey());
}
