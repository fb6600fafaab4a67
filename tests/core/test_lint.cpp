// Offline lint of addresses and keys, rate-limit header parsing and the key-related response
// classification: pure functions, no network.
#include "core/checks/networkchecks.h"
#include "core/diagnosis/ratelimit.h"
#include "core/diagnosis/responseclassifier.h"
#include "core/target/addresslint.h"
#include "core/target/keylint.h"
#include "core/target/providercatalog.h"

#include <gtest/gtest.h>

using namespace llmdoctor::core;
using namespace Qt::StringLiterals;

namespace {

const LintFinding *findingFor(const QList<LintFinding> &findings, const QString &code)
{
    for (const LintFinding &f : findings) {
        if (f.code == code)
            return &f;
    }
    return nullptr;
}

QStringList codes(const QList<LintFinding> &findings)
{
    QStringList out;
    for (const LintFinding &f : findings)
        out << f.code;
    return out;
}

} // namespace

TEST(ProviderCatalogData, EveryProviderOfTheKnowledgeBase)
{
    const ProviderCatalog &c = ProviderCatalog::instance();
    for (const char *id : {"openai", "anthropic", "chutes", "deepseek", "openrouter", "groq", "mistral",
                           "together", "gemini", "azure", "ollama", "lmstudio", "vllm", "llamacpp", "custom"})
        EXPECT_TRUE(c.find(QLatin1StringView(id)).has_value()) << id;
    EXPECT_EQ(c.find(u"openai"_s)->name, u"ChatGPT / OpenAI"_s);
    EXPECT_EQ(c.find(u"anthropic"_s)->name, u"Claude / Anthropic"_s);
    EXPECT_EQ(c.find(u"chutes"_s)->name, u"Chutes AI"_s);
    const Provider anthropic = *c.find(u"anthropic"_s);
    EXPECT_EQ(anthropic.errorFormat, u"anthropic"_s);
    EXPECT_EQ(anthropic.rateLimitHeaders, u"anthropic"_s);
    EXPECT_FALSE(anthropic.statusPlatform.isEmpty());
    EXPECT_FALSE(anthropic.supportUrl.isEmpty());
    const HeaderList h = anthropic.authHeaders("k");
    EXPECT_TRUE(h.contains(HeaderList::value_type("x-api-key", "k")));
    EXPECT_TRUE(h.contains(HeaderList::value_type("anthropic-version", "2023-06-01")));
    EXPECT_TRUE(c.find(u"azure"_s)->authHeaders("k").contains(HeaderList::value_type("api-key", "k")));
    EXPECT_TRUE(
        c.find(u"chutes"_s)->authHeaders("k").contains(HeaderList::value_type("Authorization", "Bearer k")));
    EXPECT_EQ(c.findByHost(u"api.groq.com"_s)->id, u"groq"_s);
}

TEST(AddressLint, CleanAddressesHaveNoFindings)
{
    for (const QString &a :
         {u"https://api.openai.com/v1"_s, u"https://api.anthropic.com/v1"_s, u"https://llm.chutes.ai/v1"_s,
          u"https://openrouter.ai/api/v1"_s, u"https://api.deepseek.com"_s, u"http://localhost:11434/v1"_s,
          u"http://127.0.0.1:8080/v1"_s, u"https://my-server.example.com/v1"_s})
        EXPECT_TRUE(lintBaseUrl(a).isEmpty())
            << a.toStdString() << ": " << codes(lintBaseUrl(a)).join(u',').toStdString();
}

TEST(AddressLint, EachFindingSaysWhatToType)
{
    struct Case
    {
        QString text;
        QString provider;
        const char *code;
        bool fatal;
        QString suggestion;
    };
    const QList<Case> cases{
        {u"api.openai.com/v1"_s, {}, "missing_scheme", false, u"https://api.openai.com/v1"_s},
        {u"http://api.openai.com/v1"_s, {}, "http_cloud", false, u"https://api.openai.com/v1"_s},
        {u"https://api.openai.com/v1/chat/completions"_s,
         {},
         "endpoint_path",
         true,
         u"https://api.openai.com/v1"_s},
        {u"https://api.anthropic.com/v1/messages"_s,
         {},
         "endpoint_path",
         true,
         u"https://api.anthropic.com/v1"_s},
        {u"https://api.openai.com"_s, {}, "missing_v1", true, u"https://api.openai.com/v1"_s},
        {u"https://llm.chutes.ai/v1/v1"_s, {}, "doubled_v1", true, u"https://llm.chutes.ai/v1"_s},
        {u" https://api.openai.com/v1\n"_s, {}, "whitespace", false, u"https://api.openai.com/v1"_s},
        {u"https://api.open ai.com/v1"_s, {}, "whitespace_inside", true, u"https://api.openai.com/v1"_s},
        {u"https://api.open\u0430i.com/v1"_s, {}, "lookalike", true, u"https://api.openai.com/v1"_s},
        {u"https://api.openai.com\u2215v1"_s, {}, "lookalike", true, u"https://api.openai.com/v1"_s},
        {u"https://api.opena1.com/v1"_s, {}, "host_typo", false, u"https://api.openai.com/v1"_s},
        {u"https://api.antropic.com/v1"_s, {}, "host_typo", false, u"https://api.anthropic.com/v1"_s},
        {u"https://chat.openai.com"_s, {}, "website_not_api", false, u"https://api.openai.com/v1"_s},
        {u"https://api.openai.com/v1"_s, u"anthropic"_s, "other_provider", false,
         u"https://api.anthropic.com/v1"_s},
        {u"https://openrouter.ai/v1"_s, {}, "path_differs", false, u"https://openrouter.ai/api/v1"_s},
    };
    for (const Case &c : cases) {
        const QList<LintFinding> findings = lintBaseUrl(c.text, c.provider);
        const LintFinding *f = findingFor(findings, QLatin1StringView(c.code));
        ASSERT_NE(f, nullptr) << c.text.toStdString() << " gave " << codes(findings).join(u',').toStdString();
        EXPECT_EQ(f->fatal, c.fatal) << c.code;
        EXPECT_EQ(f->suggestion, c.suggestion) << c.code;
        EXPECT_TRUE(f->message.contains(c.suggestion) || f->message.contains(u"Did you mean"_s))
            << f->message.toStdString();
        EXPECT_TRUE(f->message.endsWith(u'.') || f->message.endsWith(u'?')) << f->message.toStdString();
        if (c.fatal) {
            EXPECT_NE(f->category, Category::Ok);
        }
    }
}

TEST(KeyLint, GoodKeysPass)
{
    const QByteArray openai = "sk-proj-" + QByteArray(48, 'a');
    EXPECT_TRUE(lintApiKey(openai, u"openai"_s).findings.isEmpty());
    const QByteArray anthropic = "sk-ant-api03-" + QByteArray(95, 'b');
    EXPECT_TRUE(lintApiKey(anthropic, u"anthropic"_s).findings.isEmpty());
    const QByteArray openrouter = "sk-or-v1-" + QByteArray(64, 'c');
    EXPECT_TRUE(lintApiKey(openrouter, u"openrouter"_s).findings.isEmpty());
    EXPECT_TRUE(lintApiKey("cpk_" + QByteArray(60, 'd'), u"chutes"_s).findings.isEmpty());
    EXPECT_TRUE(lintApiKey("anything-goes-here-1234", {}).findings.isEmpty());
    EXPECT_TRUE(lintApiKey({}, u"ollama"_s).findings.isEmpty()) << "local servers need no key";
}

TEST(KeyLint, EachFindingDescribesTheKeyWithoutQuotingIt)
{
    const QByteArray key = "sk-proj-" + QByteArray("Q7xTopSecretPart") + QByteArray(32, 'z');
    struct Case
    {
        QByteArray typed;
        QString provider;
        const char *code;
        bool fatal;
        bool cleanable;
    };
    const QList<Case> cases{
        {{}, u"openai"_s, "missing", true, false},
        {key + "\n", u"openai"_s, "whitespace", false, false},
        {" " + key, u"openai"_s, "whitespace", false, false},
        {'"' + key + '"', u"openai"_s, "quotes", false, true},
        {"\xe2\x80\x9c" + key + "\xe2\x80\x9d", u"openai"_s, "quotes", false, true},
        {"Bearer " + key, u"openai"_s, "bearer_prefix", false, true},
        {"Authorization: Bearer " + key, u"openai"_s, "bearer_prefix", false, true},
        {key.left(20) + " " + key.mid(20), u"openai"_s, "whitespace_inside", false, true},
        {key.left(20) + "\xe2\x80\x8b" + key.mid(20), u"openai"_s, "invisible", false, true},
        {key.left(20) + "\xe2\x80\x93" + key.mid(20), u"openai"_s, "non_ascii", false, true},
        {key.left(20) + "\xc3\xa9" + key.mid(20), u"openai"_s, "non_ascii", true, false},
        {"YOUR_API_KEY", u"openai"_s, "placeholder", true, false},
        {"sk-...", u"openai"_s, "placeholder", true, false},
        {"<your-api-key>", {}, "placeholder", true, false},
        {"sk-ant-api03-" + QByteArray(95, 'b'), u"openai"_s, "other_provider", false, false},
        {"key-" + QByteArray(100, 'c'), u"anthropic"_s, "unexpected_shape", false, false},
        {"sk-or-v1-" + QByteArray(64, 'c'), u"anthropic"_s, "other_provider", false, false},
        {"sk-or-v1-" + QByteArray(64, 'c'), u"deepseek"_s, "other_provider", false, false},
        {"gsk_" + QByteArray(52, 'e'), u"chutes"_s, "other_provider", false, false},
        {"sk-proj-abc", u"openai"_s, "length", false, false},
        {"abc", {}, "length", false, false},
    };
    for (const Case &c : cases) {
        const KeyLint lint = lintApiKey(c.typed, c.provider);
        const LintFinding *f = findingFor(lint.findings, QLatin1StringView(c.code));
        ASSERT_NE(f, nullptr) << c.code << " gave " << codes(lint.findings).join(u',').toStdString();
        EXPECT_EQ(f->fatal, c.fatal) << c.code;
        EXPECT_EQ(lint.strayCharacters, c.cleanable) << c.code;
        if (c.cleanable) {
            // The dash becomes a hyphen; everything else stray goes.
            EXPECT_EQ(lint.cleaned.size(), key.size() + (c.code == std::string("non_ascii") ? 1 : 0))
                << c.code;
        }
        for (const LintFinding &any : lint.findings) {
            EXPECT_FALSE(any.message.contains(u"TopSecret"_s)) << "never quotes the key: " << c.code;
            EXPECT_TRUE(any.suggestion.isEmpty()) << "never suggests a key";
        }
    }
    EXPECT_EQ(lintApiKey("Bearer \"" + key + "\"\n", u"openai"_s).cleaned, key);
    EXPECT_TRUE(findingFor(lintApiKey("sk-ant-api03-" + QByteArray(95, 'b'), u"openai"_s).findings,
                           u"other_provider"_s)
                    ->message.contains(u"Claude / Anthropic"_s));
}

TEST(RateLimit, Durations)
{
    EXPECT_DOUBLE_EQ(*parseDurationSeconds(u"6m0s"), 360.0);
    EXPECT_DOUBLE_EQ(*parseDurationSeconds(u"1.5s"), 1.5);
    EXPECT_DOUBLE_EQ(*parseDurationSeconds(u"12ms"), 0.012);
    EXPECT_DOUBLE_EQ(*parseDurationSeconds(u"1h2m3s"), 3723.0);
    EXPECT_DOUBLE_EQ(*parseDurationSeconds(u"20"), 20.0);
    EXPECT_FALSE(parseDurationSeconds(u"soon").has_value());
    EXPECT_FALSE(parseDurationSeconds(u"").has_value());
}

TEST(RateLimit, TimesAndRetryAfter)
{
    const QDateTime now = QDateTime::fromString(u"2026-11-22T05:00:00Z"_s, Qt::ISODate);
    EXPECT_DOUBLE_EQ(*secondsUntilRfc3339(u"2026-11-22T05:00:30Z", now), 30.0);
    EXPECT_DOUBLE_EQ(*secondsUntilRfc3339(u"2026-11-22T04:00:00Z", now), 0.0);
    EXPECT_FALSE(secondsUntilRfc3339(u"tomorrow", now).has_value());
    EXPECT_DOUBLE_EQ(*parseRetryAfter(u"20", now), 20.0);
    EXPECT_DOUBLE_EQ(*parseRetryAfter(u"0.5", now), 0.5);
    EXPECT_DOUBLE_EQ(*parseRetryAfter(u"Sun, 22 Nov 2026 05:01:00 GMT", now), 60.0);
    EXPECT_FALSE(parseRetryAfter(u"later", now).has_value());

    const HeaderList openai{{"x-ratelimit-limit-requests", "60"},
                            {"x-ratelimit-remaining-requests", "0"},
                            {"x-ratelimit-reset-requests", "6m0s"},
                            {"x-ratelimit-reset-tokens", "12ms"},
                            {"retry-after", "7"},
                            {"retry-after-ms", "6500"}};
    const auto o = parsedRateLimits(openai, now);
    EXPECT_DOUBLE_EQ(o.value(u"reset_requests_s"_s), 360.0);
    EXPECT_DOUBLE_EQ(o.value(u"reset_tokens_s"_s), 0.012);
    EXPECT_DOUBLE_EQ(o.value(u"limit_requests"_s), 60.0);
    EXPECT_DOUBLE_EQ(o.value(u"retry_after_s"_s), 6.5) << "retry-after-ms wins";
    EXPECT_DOUBLE_EQ(*suggestedWaitSeconds(o), 6.5);

    const HeaderList anthropic{{"anthropic-ratelimit-requests-reset", "2026-11-22T05:00:45Z"},
                               {"anthropic-ratelimit-input-tokens-remaining", "100"}};
    const auto a = parsedRateLimits(anthropic, now);
    EXPECT_DOUBLE_EQ(a.value(u"reset_requests_s"_s), 45.0);
    EXPECT_DOUBLE_EQ(a.value(u"remaining_input_tokens"_s), 100.0);
    EXPECT_DOUBLE_EQ(*suggestedWaitSeconds(a), 45.0);
    EXPECT_EQ(plainWait(45), u"45 s"_s);
    EXPECT_EQ(plainWait(360), u"6 min"_s);

    // Odd names and values a hostile server can send: no wait is negative or not a number.
    const HeaderList odd{{"x-ratelimit-reset_-tokens", "-5"},
                         {"x-ratelimit-reset_-requests", "nan"},
                         {"x-ratelimit-retry_after-s", "-7"},
                         {"x-ratelimit-limit-requests", "inf"}};
    const auto b = parsedRateLimits(odd, now);
    EXPECT_FALSE(suggestedWaitSeconds(b).has_value());
    EXPECT_FALSE(b.contains(u"limit_requests"_s)) << "an infinite limit counts nothing";
    const auto mixed = parsedRateLimits(odd + HeaderList{{"x-ratelimit-reset-tokens", "3s"}}, now);
    EXPECT_DOUBLE_EQ(*suggestedWaitSeconds(mixed), 3.0) << "the one real wait is still found";
}

TEST(KeyResponses, ProviderDialects)
{
    auto classify = [](int status, const QByteArray &body) {
        HttpResponse r;
        r.status = status;
        r.body = body;
        return classifyResponse(r, true, false).category;
    };
    EXPECT_EQ(
        classify(
            429,
            R"({"error":{"message":"You exceeded your current quota","type":"insufficient_quota","param":null,"code":"insufficient_quota"}})"),
        u"quota_exhausted"_s);
    EXPECT_EQ(classify(402, R"({"error":{"code":402,"message":"Insufficient credits"}})"),
              u"quota_exhausted"_s);
    EXPECT_EQ(
        classify(
            400,
            R"({"type":"error","error":{"type":"invalid_request_error","message":"Your credit balance is too low to access the Anthropic API."}})"),
        u"quota_exhausted"_s);
    EXPECT_EQ(classify(403, R"({"type":"error","error":{"type":"permission_error","message":"no"}})"),
              u"permission_denied"_s);
    EXPECT_EQ(
        classify(401,
                 R"({"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}})"),
        u"auth_invalid_key"_s);
    EXPECT_EQ(classify(429, R"({"error":{"code":429,"message":"Rate limit exceeded"}})"), u"rate_limited"_s);
    HttpResponse region;
    region.status = 403;
    region.body =
        R"({"error":{"code":"unsupported_country_region_territory","message":"Country, region, or territory not supported"}})";
    EXPECT_TRUE(classifyResponse(region, true, false).summary.contains(u"region"_s));
}

TEST(ModelNames, ClosestNames)
{
    const QStringList models{u"gpt-4o"_s, u"gpt-4o-mini"_s, u"openai/gpt-4.1"_s,
                             u"deepseek-ai/DeepSeek-V3-0324"_s};
    EXPECT_EQ(ModelCheck::closestModels(u"GPT-4O"_s, models).value(0), u"gpt-4o"_s);
    EXPECT_EQ(ModelCheck::closestModels(u"gpt-4.1"_s, models).value(0), u"openai/gpt-4.1"_s);
    EXPECT_EQ(ModelCheck::closestModels(u"deepseek-v3"_s, models).value(0),
              u"deepseek-ai/DeepSeek-V3-0324"_s);
    EXPECT_TRUE(ModelCheck::closestModels(u"llama-3-70b"_s, models).isEmpty());
}
