#include "core/diagnosis/hops.h"
#include "core/diagnosis/responseclassifier.h"
#include "core/target/target.h"

#include <gtest/gtest.h>

using namespace llmdoctor::core;
using namespace Qt::StringLiterals;

namespace {

HttpResponse response(int status, HeaderList headers, QByteArray body)
{
    HttpResponse r;
    r.status = status;
    r.headers = std::move(headers);
    r.body = std::move(body);
    return r;
}

QString category(int status, QByteArray body = {}, bool keySent = true, HeaderList headers = {})
{
    return categoryName(
        classifyResponse(response(status, std::move(headers), std::move(body)), keySent, false).category);
}

} // namespace

TEST(ResponseClassifier, StatusAndProviderErrorBodies)
{
    EXPECT_EQ(category(200), u"ok"_s);
    EXPECT_EQ(category(401), u"auth_invalid_key"_s);
    EXPECT_EQ(category(401, {}, false), u"auth_missing_key"_s);
    EXPECT_EQ(
        category(
            429,
            R"({"error":{"message":"You exceeded your current quota","type":"insufficient_quota","code":"insufficient_quota"}})"),
        u"quota_exhausted"_s);
    EXPECT_EQ(category(429, R"({"error":{"code":"rate_limit_exceeded"}})"), u"rate_limited"_s);
    EXPECT_EQ(category(402), u"quota_exhausted"_s);
    EXPECT_EQ(category(404, R"({"error":{"code":"model_not_found"}})"), u"model_not_found"_s);
    EXPECT_EQ(category(404, R"({"error":{"code":"DeploymentNotFound"}})"), u"model_not_found"_s);
    EXPECT_EQ(category(404, "<html>Not Found</html>"), u"endpoint_not_found"_s);
    EXPECT_EQ(category(529, R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})"),
              u"provider_overloaded"_s);
    EXPECT_EQ(category(503, "upstream connect error or disconnect/reset before headers. reset reason: "
                            "connection termination"),
              u"upstream_reset"_s);
    EXPECT_EQ(category(504, "<title>504 Gateway Time-out</title>"), u"gateway_timeout"_s);
    EXPECT_EQ(category(524), u"gateway_timeout"_s);
    EXPECT_EQ(category(502, "<title>502 Bad Gateway</title>"), u"gateway_error"_s);
    EXPECT_EQ(category(500), u"server_error"_s);
    EXPECT_EQ(category(400, "not json at all {"), u"bad_request"_s);

    const ProviderError anthropic = parseProviderError(
        R"({"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}})");
    EXPECT_EQ(anthropic.type, u"authentication_error"_s);
    EXPECT_EQ(anthropic.message, u"invalid x-api-key"_s);
    EXPECT_EQ(parseProviderError(R"({"error":{"code":402,"message":"Insufficient credits"}})").code,
              u"402"_s);
}

TEST(ResponseClassifier, ProxyGeneratedErrors)
{
    const auto squid =
        response(503, {{"Server", "squid/5.7"}, {"X-Squid-Error", "ERR_DNS_FAIL 0"}}, "<html>");
    EXPECT_EQ(classifyResponse(squid, false, true).category, u"proxy_error"_s);
    EXPECT_EQ(classifyResponse(response(407, {}, {}), false, true).category, u"proxy_error"_s);
}

TEST(Hops, EveryIntermediaryNamedOnce)
{
    // The shape of a real api.anthropic.com answer: several hops in one response.
    const HeaderList headers{{"server", "cloudflare"},       {"cf-ray", "8f1c2a3b4c5d6e7f-FRA"},
                             {"via", "1.1 google"},          {"x-envoy-upstream-service-time", "412"},
                             {"request-id", "req_011CZabc"}, {"x-request-id", "abc"}};
    EXPECT_EQ(detectHops(headers), (QStringList{u"cloudflare"_s, u"gcp_lb"_s, u"envoy"_s}));
    const auto ids = requestIds(headers);
    EXPECT_EQ(ids.value(u"cf-ray"_s), u"8f1c2a3b4c5d6e7f-FRA"_s);
    EXPECT_EQ(ids.value(u"request-id"_s), u"req_011CZabc"_s);
    EXPECT_EQ(detectHops({{"Server", "nginx/1.22.1"}}), QStringList{u"nginx"_s});
}

TEST(Target, BaseUrlParsingAndKeyRedaction)
{
    QString error;
    EXPECT_EQ(parseBaseUrl(u"  api.openai.com/v1 "_s, &error)->toString(), u"https://api.openai.com/v1"_s);
    EXPECT_FALSE(parseBaseUrl(u""_s, &error));
    EXPECT_FALSE(parseBaseUrl(u"ws://api.openai.com"_s, &error));
    EXPECT_TRUE(error.contains(u"https://"_s));
    EXPECT_FALSE(parseBaseUrl(u"https://"_s, &error));
    for (const QString &typo :
         {u"https:/api.openai.com"_s, u"https//api.openai.com"_s, u"htp:/api.openai.com"_s}) {
        EXPECT_FALSE(parseBaseUrl(typo, &error)) << typo.toStdString();
        EXPECT_TRUE(error.contains(u"mistyped"_s));
    }
    // Without a scheme: https for the internet, http for this computer and the local network.
    EXPECT_EQ(parseBaseUrl(u"localhost:8080/v1"_s, &error)->toString(), u"http://localhost:8080/v1"_s);
    EXPECT_EQ(parseBaseUrl(u"192.168.1.20:11434/v1"_s, &error)->toString(),
              u"http://192.168.1.20:11434/v1"_s);
    EXPECT_EQ(parseBaseUrl(u"llm.chutes.ai/v1"_s, &error)->toString(), u"https://llm.chutes.ai/v1"_s);

    Target t;
    t.baseUrl = QUrl(u"https://api.openai.com/v1/"_s);
    EXPECT_EQ(t.modelsUrl().toString(), u"https://api.openai.com/v1/models"_s);

    EXPECT_EQ(redactKey("sk-proj-abcdefghijklmnop1234"), u"sk-proj-…1234"_s);
    EXPECT_EQ(redactKey("sk-ant-api03-abcdefghijklmnopqrstuvwxyz-9876"), u"sk-ant-…9876"_s);
    EXPECT_EQ(redactKey("short"), u"…(5 characters)"_s);
    EXPECT_FALSE(redactKey("cpk_0123456789abcdef0123").contains(u"0123456789"_s));
}
