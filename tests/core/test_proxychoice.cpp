#include "core/target/proxychoice.h"

#include <gtest/gtest.h>

using namespace llmdoctor::core;
using namespace Qt::StringLiterals;

namespace {

QProcessEnvironment env(std::initializer_list<std::pair<const char *, const char *>> vars)
{
    QProcessEnvironment e;
    for (const auto &[k, v] : vars)
        e.insert(QString::fromLatin1(k), QString::fromLatin1(v));
    return e;
}

const QUrl openai(u"https://api.openai.com/v1"_s);

} // namespace

TEST(ProxyChoice, EnvironmentVariablesByScheme)
{
    const auto d = decideProxy({}, openai, env({{"HTTPS_PROXY", "http://user:pw@proxy.corp:8080"}}));
    ASSERT_TRUE(d.proxy);
    EXPECT_EQ(d.proxy->host(), u"proxy.corp"_s);
    EXPECT_EQ(d.source, u"HTTPS_PROXY"_s);
    EXPECT_EQ(proxyForDisplay(*d.proxy), u"http://proxy.corp:8080"_s);

    // Upper-case HTTP_PROXY is ignored for http targets, as curl does.
    const QUrl plain(u"http://models.example.com/v1"_s);
    EXPECT_FALSE(decideProxy({}, plain, env({{"HTTP_PROXY", "proxy:1"}})).proxy);
    EXPECT_TRUE(decideProxy({}, plain, env({{"http_proxy", "proxy:1"}})).proxy);
}

TEST(ProxyChoice, NoProxyRules)
{
    EXPECT_TRUE(noProxyMatches(u"localhost,.openai.com"_s, openai));
    EXPECT_TRUE(noProxyMatches(u"openai.com"_s, openai));
    EXPECT_FALSE(noProxyMatches(u"ai.com"_s, openai));
    EXPECT_TRUE(noProxyMatches(u"*"_s, openai));
    EXPECT_TRUE(noProxyMatches(u"api.openai.com:443"_s, openai));
    EXPECT_FALSE(noProxyMatches(u"api.openai.com:8443"_s, openai));
    EXPECT_TRUE(noProxyMatches(u"10.0.0.0/8"_s, QUrl(u"http://10.1.2.3:8000/v1"_s)));
    EXPECT_TRUE(noProxyMatches(u"[::1]"_s, QUrl(u"http://[::1]:8000/v1"_s)));

    const auto d = decideProxy({}, openai, env({{"HTTPS_PROXY", "proxy:3128"}, {"NO_PROXY", ".openai.com"}}));
    EXPECT_FALSE(d.proxy);
    EXPECT_TRUE(d.reason.contains(u"NO_PROXY"_s));
}

TEST(ProxyChoice, ExplicitNoneAndLoopback)
{
    QString error;
    const auto none = ProxyChoice::parse(u"none"_s, &error);
    ASSERT_TRUE(none);
    EXPECT_FALSE(decideProxy(*none, openai, env({{"HTTPS_PROXY", "proxy:3128"}})).proxy);

    const auto explicitProxy = ProxyChoice::parse(u"proxy.corp:3128"_s, &error);
    ASSERT_TRUE(explicitProxy);
    EXPECT_EQ(decideProxy(*explicitProxy, QUrl(u"http://127.0.0.1:8080/v1"_s), {}).proxy->port(), 3128);

    // Auto never sends a request for this computer to a proxy.
    EXPECT_FALSE(
        decideProxy({}, QUrl(u"http://localhost:11434/v1"_s), env({{"http_proxy", "proxy:1"}})).proxy);

    EXPECT_FALSE(ProxyChoice::parse(u"socks5://proxy:1080"_s, &error));
    EXPECT_TRUE(error.contains(u"socks5"_s));
}
