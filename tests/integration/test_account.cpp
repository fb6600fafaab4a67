// Key and model problems end to end: a real Diagnosis (and the real binary) against the
// simulator configured with a key and a model list, in the OpenAI, Anthropic and OpenRouter
// error dialects. No test output may ever contain a key.
#include "core/checks/diagnosis.h"
#include "core/checks/diagnosiscontext.h"
#include "core/report/findings.h"
#include "core/report/jsonreport.h"
#include "core/report/textreport.h"
#include "core/sim/simulator.h"
#include "support/diagnosisrun.h"
#include "support/servers.h"
#include "support/waiting.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <gtest/gtest.h>

using namespace llmdoctor::core;
using namespace llmdoctor::test;
using namespace Qt::StringLiterals;

namespace {

// Realistically shaped, obviously fake keys. The middle part is what must never be printed.
const QByteArray kOpenAiKey = "sk-proj-SECRETabcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH";
const QByteArray kAnthropicKey =
    "sk-ant-api03-"
    "SECRETabcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvw-AA";
const QByteArray kOpenRouterKey = "sk-or-v1-5ec2e7abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123";
const QStringList kModels{u"gpt-4o"_s, u"gpt-4o-mini"_s, u"deepseek-ai/DeepSeek-V3-0324"_s,
                          u"claude-sonnet-4-5"_s};

struct Style
{
    const char *name;
    ErrorStyle style;
    const char *provider;
    QByteArray key;
};

const QList<Style> kStyles{{"openai", ErrorStyle::OpenAi, "openai", kOpenAiKey},
                           {"anthropic", ErrorStyle::Anthropic, "anthropic", kAnthropicKey},
                           {"openrouter", ErrorStyle::OpenRouter, "openrouter", kOpenRouterKey}};

struct Outcome : DiagnosisOutcome
{
    QString json; // the whole JSON report
    QString text; // the whole text report
};

Outcome diagnose(Target target)
{
    target.proxy.mode = ProxyChoice::Mode::None;
    Diagnosis d(target);
    const DiagnosisOutcome run = runDiagnosis(d);
    const Findings f = buildFindings({&d});
    return {run, QString::fromUtf8(QJsonDocument(reportJson(f)).toJson()), reportText(f, false)};
}

SimulatorOptions options(const Style &s, Fault fault = Fault::None)
{
    SimulatorOptions o;
    o.fault = fault;
    o.models = kModels;
    o.expectedKey = s.key;
    o.errorStyle = s.style;
    return o;
}

Target targetFor(const Simulator &sim, const Style &s, QByteArray key)
{
    Target t;
    t.provider = QString::fromLatin1(s.provider);
    t.baseUrl = sim.baseUrl();
    t.apiKey = std::move(key);
    t.timeoutMs = 8000;
    return t;
}

// Everything a user could see or send on: no part of the key beyond its redacted form.
void expectNoKey(const Outcome &o, const QByteArray &key)
{
    const QByteArray secret = key.mid(key.size() / 3, 12); // a stretch redaction never shows
    EXPECT_FALSE(o.json.contains(QString::fromLatin1(secret))) << "the JSON report leaks the key";
    EXPECT_FALSE(o.text.contains(QString::fromLatin1(secret))) << "the text report leaks the key";
    for (const CheckResult &r : o.results) {
        EXPECT_FALSE(r.summary.contains(QString::fromLatin1(secret))) << r.id.toStdString();
        EXPECT_FALSE(r.evidence.contains(QString::fromLatin1(secret))) << r.id.toStdString();
        for (const auto &[k, v] : r.details)
            EXPECT_FALSE(v.contains(QString::fromLatin1(secret)))
                << r.id.toStdString() << " " << k.toStdString();
    }
}

class AccountStyle : public ::testing::TestWithParam<Style>
{
};

void PrintTo(const Style &s, std::ostream *os)
{
    *os << s.name;
}

} // namespace

TEST_P(AccountStyle, RightKeyAndModelPass)
{
    const Style s = GetParam();
    Simulator sim(options(s));
    ASSERT_TRUE(sim.start());
    Target t = targetFor(sim, s, s.key);
    t.model = u"gpt-4o-mini"_s;
    const Outcome o = diagnose(t);
    ASSERT_TRUE(o.finished);
    EXPECT_EQ(o.verdict.category, u"ok"_s) << o.text.toStdString();
    EXPECT_EQ(o.status(u"api_key_format"_s), u"pass"_s)
        << o.check(u"api_key_format"_s)->summary.toStdString();
    EXPECT_EQ(o.status(u"base_url_format"_s), u"pass"_s);
    EXPECT_EQ(o.status(u"http"_s), u"pass"_s);
    EXPECT_EQ(o.status(u"api_key"_s), u"pass"_s);
    EXPECT_EQ(o.status(u"model"_s), u"pass"_s);
    EXPECT_EQ(o.status(u"test_request"_s), u"skip"_s);
    expectNoKey(o, s.key);
}

TEST_P(AccountStyle, WrongKeyIsInvalidAndTheApiStillAnswered)
{
    const Style s = GetParam();
    Simulator sim(options(s));
    ASSERT_TRUE(sim.start());
    QByteArray wrong = s.key;
    wrong[wrong.size() - 3] = wrong[wrong.size() - 3] == 'x' ? 'y' : 'x';
    const Outcome o = diagnose(targetFor(sim, s, wrong));
    EXPECT_EQ(o.verdict.category, u"auth_invalid_key"_s);
    EXPECT_EQ(o.verdict.blame, u"account"_s);
    EXPECT_EQ(o.status(u"http"_s), u"pass"_s) << "a 401 proves the address is right";
    EXPECT_EQ(o.status(u"api_key"_s), u"fail"_s);
    EXPECT_FALSE(o.check(u"api_key"_s)->detail(u"provider message"_s).isEmpty()) << "reads the error JSON";
    EXPECT_EQ(o.status(u"model"_s), u"skip"_s);
    expectNoKey(o, wrong);
}

TEST_P(AccountStyle, MissingKey)
{
    const Style s = GetParam();
    Simulator sim(options(s));
    ASSERT_TRUE(sim.start());
    const Outcome o = diagnose(targetFor(sim, s, {}));
    EXPECT_EQ(o.verdict.category, u"auth_missing_key"_s);
    EXPECT_EQ(o.verdict.blame, u"config"_s);
    EXPECT_EQ(o.check(u"api_key_format"_s)->detail(u"findings"_s), u"missing"_s);
}

TEST_P(AccountStyle, QuotaExhausted)
{
    const Style s = GetParam();
    Simulator sim(options(s, Fault::QuotaExhausted));
    ASSERT_TRUE(sim.start());
    const Outcome o = diagnose(targetFor(sim, s, s.key));
    EXPECT_EQ(o.verdict.category, u"quota_exhausted"_s) << o.text.toStdString();
    EXPECT_EQ(o.verdict.blame, u"account"_s);
    EXPECT_EQ(o.status(u"http"_s), u"pass"_s);
    EXPECT_EQ(o.status(u"api_key"_s), u"fail"_s);
}

// Anthropic's 403 refuses the key; OpenAI's and OpenRouter's refuse the region the request comes from,
// which no key setting changes: that verdict points at the connection's exit (VPN, proxy, cloud region).
TEST_P(AccountStyle, ForbiddenIsPermissionDenied)
{
    const Style s = GetParam();
    Simulator sim(options(s, Fault::Forbidden));
    ASSERT_TRUE(sim.start());
    const Outcome o = diagnose(targetFor(sim, s, s.key));
    EXPECT_EQ(o.verdict.category, u"permission_denied"_s) << o.text.toStdString();
    const bool region = s.style != ErrorStyle::Anthropic;
    EXPECT_EQ(o.verdict.blame, region ? u"network"_s : u"account"_s);
    EXPECT_EQ(o.verdict.headline.contains(u"region"_s), region) << o.verdict.headline.toStdString();
    EXPECT_EQ(o.status(u"api_key"_s), u"fail"_s);
}

TEST_P(AccountStyle, RateLimitedKeepsTheHeaders)
{
    const Style s = GetParam();
    SimulatorOptions opts = options(s, Fault::RateLimit);
    opts.retryAfterSeconds = 42;
    Simulator sim(opts);
    ASSERT_TRUE(sim.start());
    const Outcome o = diagnose(targetFor(sim, s, s.key));
    EXPECT_EQ(o.verdict.category, u"rate_limited"_s);
    EXPECT_EQ(o.verdict.blame, u"account"_s);
    const CheckResult *key = o.check(u"api_key"_s);
    ASSERT_NE(key, nullptr);
    EXPECT_EQ(key->detail(u"retry_after_s"_s), u"42"_s);
    EXPECT_TRUE(key->summary.contains(u"42 s"_s)) << key->summary.toStdString();
    EXPECT_TRUE(o.json.contains(u"\"retry_after_s\": 42"_s)) << o.json.toStdString();
    if (s.style == ErrorStyle::Anthropic) {
        EXPECT_FALSE(key->detail(u"reset_requests_s"_s).isEmpty()) << "RFC 3339 reset parsed";
        EXPECT_TRUE(key->detail(u"request-id"_s).startsWith(u"req_"_s));
    }
}

TEST_P(AccountStyle, UnknownModelSuggestsNamesInTheNextSteps)
{
    const Style s = GetParam();
    Simulator sim(options(s));
    ASSERT_TRUE(sim.start());
    Target t = targetFor(sim, s, s.key);
    t.model = u"deepseek-v3"_s;
    const Outcome o = diagnose(t);
    EXPECT_EQ(o.verdict.category, u"model_not_found"_s);
    EXPECT_EQ(o.verdict.blame, u"config"_s);
    EXPECT_TRUE(o.verdict.nextSteps.join(u' ').contains(u"deepseek-ai/DeepSeek-V3-0324"_s))
        << o.verdict.nextSteps.join(u" | "_s).toStdString();
}

INSTANTIATE_TEST_SUITE_P(Styles, AccountStyle, ::testing::ValuesIn(kStyles),
                         [](const auto &param) { return std::string(param.param.name); });

TEST(Account, ModelSuggestionsForCasePrefixAndVersion)
{
    Simulator sim(options(kStyles.first()));
    ASSERT_TRUE(sim.start());
    Target t = targetFor(sim, kStyles.first(), kOpenAiKey);
    const QList<QPair<QString, QString>> cases{{u"GPT-4o"_s, u"gpt-4o"_s},
                                               {u"openai/gpt-4o-mini"_s, u"gpt-4o-mini"_s},
                                               {u"gpt_4o_mini"_s, u"gpt-4o-mini"_s},
                                               {u"DeepSeek-V3"_s, u"deepseek-ai/DeepSeek-V3-0324"_s}};
    for (const auto &[typed, expected] : cases) {
        t.model = typed;
        const Outcome o = diagnose(t);
        EXPECT_EQ(o.verdict.category, u"model_not_found"_s) << typed.toStdString();
        EXPECT_EQ(o.check(u"model"_s)->detail(u"did you mean"_s).section(u", "_s, 0, 0), expected)
            << typed.toStdString();
    }
}

TEST(Account, EndpointNotFound)
{
    Simulator sim(options(kStyles.first()));
    ASSERT_TRUE(sim.start());
    // A server that answers, but not at this path.
    Target t = targetFor(sim, kStyles.first(), kOpenAiKey);
    t.baseUrl = QUrl(u"http://127.0.0.1:%1/v2"_s.arg(sim.port()));
    Outcome o = diagnose(t);
    EXPECT_EQ(o.verdict.category, u"endpoint_not_found"_s);
    EXPECT_EQ(o.verdict.blame, u"config"_s);
    EXPECT_EQ(o.status(u"http"_s), u"fail"_s);

    // An endpoint pasted as the base address: the lint says what to type.
    t.baseUrlText = sim.baseUrl().toString() + u"/chat/completions"_s;
    t.baseUrl = QUrl(t.baseUrlText);
    o = diagnose(t);
    EXPECT_EQ(o.verdict.category, u"endpoint_not_found"_s);
    EXPECT_EQ(o.status(u"base_url_format"_s), u"fail"_s);
    EXPECT_EQ(o.check(u"base_url_format"_s)->detail(u"type instead"_s), sim.baseUrl().toString());
    EXPECT_TRUE(o.verdict.explanation.contains(sim.baseUrl().toString()))
        << o.verdict.explanation.toStdString();
}

TEST(Account, StrayCharactersAreFoundAndTheCleanedKeyIsTried)
{
    const Style s = kStyles.first();
    Simulator sim(options(s));
    ASSERT_TRUE(sim.start());
    struct Case
    {
        QByteArray key;
        const char *finding;
    };
    const QList<Case> cases{{"Bearer " + s.key, "bearer_prefix"},
                            {'"' + s.key + '"', "quotes"},
                            {s.key.left(20) + " " + s.key.mid(20), "whitespace_inside"},
                            {s.key.left(10) + "\xe2\x80\x8b" + s.key.mid(10), "invisible"}};
    for (const Case &c : cases) {
        const Outcome o = diagnose(targetFor(sim, s, c.key));
        EXPECT_EQ(o.status(u"api_key_format"_s), u"warn"_s) << c.finding;
        EXPECT_TRUE(
            o.check(u"api_key_format"_s)->detail(u"findings"_s).contains(QLatin1StringView(c.finding)))
            << c.finding;
        const CheckResult *key = o.check(u"api_key"_s);
        ASSERT_NE(key, nullptr);
        EXPECT_EQ(key->detail(u"cleaned key"_s), u"accepted"_s) << c.finding;
        EXPECT_EQ(o.verdict.category, u"auth_invalid_key"_s) << c.finding;
        EXPECT_TRUE(key->summary.contains(u"accepted once"_s)) << key->summary.toStdString();
        expectNoKey(o, s.key);
    }

    // A trailing line break: we send the key cleaned, so it works here; but many HTTP libraries
    // refuse such a header, and the app sends the key as stored: not "everything works".
    const Outcome o = diagnose(targetFor(sim, s, s.key + "\n"));
    EXPECT_EQ(o.verdict.category, u"auth_invalid_key"_s);
    EXPECT_EQ(o.verdict.blame, u"config"_s);
    EXPECT_EQ(o.status(u"api_key_format"_s), u"warn"_s);
    EXPECT_TRUE(o.check(u"api_key_format"_s)->summary.contains(u"ends with a line break"_s));

    // Cleaning does not help a wrong key, and the check says so.
    QByteArray wrong = s.key;
    wrong[12] = 'Z';
    const Outcome bad = diagnose(targetFor(sim, s, "'" + wrong + "'"));
    EXPECT_EQ(bad.verdict.category, u"auth_invalid_key"_s);
    EXPECT_TRUE(bad.check(u"api_key"_s)->detail(u"cleaned key"_s).startsWith(u"rejected too"_s));
}

TEST(Account, AnotherProvidersKeyIsNamed)
{
    const Style s = kStyles.first(); // OpenAI
    Simulator sim(options(s));
    ASSERT_TRUE(sim.start());
    const Outcome o = diagnose(targetFor(sim, s, kAnthropicKey));
    EXPECT_EQ(o.verdict.category, u"auth_invalid_key"_s);
    EXPECT_TRUE(o.check(u"api_key_format"_s)->summary.contains(u"Claude / Anthropic"_s));
    EXPECT_TRUE(o.check(u"api_key"_s)->summary.contains(u"Claude / Anthropic"_s));
    expectNoKey(o, kAnthropicKey);
}

TEST(Account, PlaceholderKeyFailsBeforeAnyRequestMatters)
{
    const Style s = kStyles.first();
    Simulator sim(options(s));
    ASSERT_TRUE(sim.start());
    const Outcome o = diagnose(targetFor(sim, s, "YOUR_API_KEY"));
    EXPECT_EQ(o.status(u"api_key_format"_s), u"fail"_s);
    EXPECT_EQ(o.verdict.category, u"auth_invalid_key"_s);
    EXPECT_EQ(o.verdict.decidedBy, u"api_key_format"_s);
}

TEST(Account, NoCompletionRequestUnlessAskedFor)
{
    const Style s = kStyles.first();
    Simulator sim(options(s));
    ASSERT_TRUE(sim.start());
    QSignalSpy served(&sim, &Simulator::requestServed);
    Target t = targetFor(sim, s, s.key);
    t.model = u"gpt-4o-mini"_s;
    Outcome o = diagnose(t);
    EXPECT_EQ(o.verdict.category, u"ok"_s);
    ASSERT_TRUE(waitFor([&] { return served.size() >= 1; }, 2000));
    for (const QList<QVariant> &call : std::as_const(served))
        EXPECT_EQ(call.at(0).toString(), u"GET"_s) << call.at(1).toString().toStdString();
    EXPECT_EQ(o.status(u"test_request"_s), u"skip"_s);

    served.clear();
    t.sendTestRequest = true;
    o = diagnose(t);
    EXPECT_EQ(o.status(u"test_request"_s), u"pass"_s) << o.check(u"test_request"_s)->summary.toStdString();
    ASSERT_TRUE(waitFor([&] { return served.size() >= 3; }, 2000));
    int posts = 0;
    for (const QList<QVariant> &call : std::as_const(served)) {
        if (call.at(0).toString() == u"POST") {
            ++posts;
            EXPECT_EQ(call.at(1).toString(), u"/v1/chat/completions"_s);
            EXPECT_EQ(call.at(2).toInt(), 200);
        }
    }
    EXPECT_EQ(posts, 2) << "the test request and the stream check's streamed one";

    // Even when asked, no paid request for a model the server does not list.
    served.clear();
    t.model = u"gpt-5-imaginary"_s;
    o = diagnose(t);
    EXPECT_EQ(o.verdict.category, u"model_not_found"_s);
    EXPECT_EQ(o.status(u"test_request"_s), u"skip"_s);
    waitFor([] { return false; }, 100);
    for (const QList<QVariant> &call : std::as_const(served))
        EXPECT_EQ(call.at(0).toString(), u"GET"_s);
}

TEST(Account, CliReportsTheVerdictWithoutTheKey)
{
    const Style s = kStyles.at(1); // Anthropic: x-api-key
    Simulator sim(options(s));
    ASSERT_TRUE(sim.start());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LLMDOCTOR_TEST_KEY"_s, QString::fromLatin1("Bearer " + s.key + "\n"));
    for (const QString &format : {u"json"_s, u"text"_s}) {
        const CliRun r =
            runCli({u"diagnose"_s, u"--provider"_s, u"anthropic"_s, u"--base-url"_s, sim.baseUrl().toString(),
                    u"--proxy"_s, u"none"_s, u"--api-key-env"_s, u"LLMDOCTOR_TEST_KEY"_s, u"--model"_s,
                    u"claude-sonnet-4.5"_s, u"--format"_s, format},
                   {}, 30000, env);
        EXPECT_EQ(r.exitCode, 1) << r.err.toStdString();
        EXPECT_FALSE(r.out.contains("SECRET")) << r.out.toStdString();
        EXPECT_FALSE(r.err.contains("SECRET"));
        if (format == u"json") {
            const QJsonObject report = QJsonDocument::fromJson(r.out).object();
            const QJsonObject verdict = report.value(u"verdict").toObject();
            EXPECT_EQ(verdict.value(u"category").toString(), u"auth_invalid_key"_s);
            QStringList ids;
            for (const QJsonValue &c : report.value(u"checks").toArray())
                ids << c.toObject().value(u"id").toString();
            EXPECT_EQ(ids,
                      (QStringList{u"base_url_format"_s, u"api_key_format"_s, u"dns"_s, u"tcp"_s, u"tls"_s,
                                   u"http"_s, u"api_key"_s, u"model"_s, u"test_request"_s, u"stream"_s,
                                   u"keepalive"_s, u"status_page"_s, u"loss"_s, u"path"_s}));
        } else {
            EXPECT_TRUE(r.out.contains("Bearer")) << "the finding names the word";
        }
    }

    // The cleaned key works: the verdict still points at the key, and the model name gets a
    // suggestion once the key is right.
    env.insert(u"LLMDOCTOR_TEST_KEY"_s, QString::fromLatin1(s.key));
    const CliRun ok =
        runCli({u"diagnose"_s, u"--provider"_s, u"anthropic"_s, u"--base-url"_s, sim.baseUrl().toString(),
                u"--proxy"_s, u"none"_s, u"--api-key-env"_s, u"LLMDOCTOR_TEST_KEY"_s, u"--model"_s,
                u"claude-sonnet-4.5"_s, u"--format"_s, u"json"_s},
               {}, 30000, env);
    const QJsonObject verdict = QJsonDocument::fromJson(ok.out).object().value(u"verdict").toObject();
    EXPECT_EQ(verdict.value(u"category").toString(), u"model_not_found"_s);
    EXPECT_TRUE(verdict.value(u"next_steps").toArray().first().toString().contains(u"claude-sonnet-4-5"_s));
    EXPECT_FALSE(ok.out.contains("SECRET"));
}

TEST(Account, CliSendsATestRequestOnlyWhenAsked)
{
    const Style s = kStyles.first();
    Simulator sim(options(s));
    ASSERT_TRUE(sim.start());
    QSignalSpy served(&sim, &Simulator::requestServed);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LLMDOCTOR_TEST_KEY"_s, QString::fromLatin1(s.key));
    const QStringList args{
        u"diagnose"_s, u"--provider"_s, u"openai"_s,        u"--base-url"_s,         sim.baseUrl().toString(),
        u"--proxy"_s,  u"none"_s,       u"--api-key-env"_s, u"LLMDOCTOR_TEST_KEY"_s, u"--model"_s,
        u"gpt-4o"_s,   u"--format"_s,   u"json"_s};
    CliRun r = runCli(args, {}, 30000, env);
    EXPECT_EQ(r.exitCode, 0) << r.out.toStdString();
    waitFor([&] { return false; }, 200); // let the simulator report what it served
    for (const QList<QVariant> &call : std::as_const(served))
        EXPECT_NE(call.at(0).toString(), u"POST"_s);
    r = runCli(args + QStringList{u"--send-test-request"_s}, {}, 30000, env);
    EXPECT_EQ(r.exitCode, 0) << r.out.toStdString();
    waitFor([&] { return false; }, 200);
    int posts = 0;
    for (const QList<QVariant> &call : std::as_const(served))
        posts += call.at(0).toString() == u"POST";
    EXPECT_EQ(posts, 2) << "the test request and the stream check's streamed one";
}
