// The error classifier over a corpus of real-world-shaped messages, and the verdict engine
// for every blame, with and without a pasted message.
#include "core/checks/diagnosiscontext.h"
#include "core/diagnosis/errorclassifier.h"
#include "core/diagnosis/verdict.h"
#include "support/servers.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <gtest/gtest.h>

using namespace llmdoctor::core;
using namespace Qt::StringLiterals;

namespace {

QJsonArray corpus()
{
    QFile f(QStringLiteral(LLMDOCTOR_SOURCE_DIR) + u"/tests/data/error_corpus.json"_s);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).array();
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &s : v.toArray())
        out << s.toString();
    return out;
}

CheckResult result(const QString &id, CheckStatus status, Category category,
                   const QList<QPair<QString, QString>> &details = {})
{
    CheckResult r;
    r.id = id;
    r.status = status;
    r.category = category;
    r.summary = u"%1 %2"_s.arg(id, categoryName(category));
    r.details = details;
    return r;
}

QList<CheckResult> allPassing()
{
    QList<CheckResult> out;
    for (const QString &id : {u"dns"_s, u"tcp"_s, u"tls"_s, u"http"_s, u"model"_s})
        out << result(id, CheckStatus::Pass, Category::Ok);
    return out;
}

DiagnosisContext contextFor(const QString &baseUrl, const QString &pasted = {}, const QString &provider = {})
{
    DiagnosisContext c;
    c.target.baseUrl = QUrl(baseUrl);
    c.target.provider = provider;
    c.target.model = u"gpt-4o"_s;
    c.target.errorText = pasted;
    return c;
}

const QString envoyText =
    u"upstream connect error or disconnect/reset before headers. reset reason: connection termination"_s;

bool hasSnippet(const Verdict &v, const QString &language)
{
    return std::any_of(v.snippets.cbegin(), v.snippets.cend(),
                       [&](const Snippet &s) { return s.language == language && !s.code.isEmpty(); });
}

void expectWorded(const Verdict &v, const std::string &what)
{
    SCOPED_TRACE(what);
    EXPECT_FALSE(v.headline.isEmpty());
    EXPECT_FALSE(v.explanation.isEmpty());
    EXPECT_FALSE(v.nextSteps.isEmpty());
    for (const QString &text : QStringList{v.headline, v.explanation} + v.nextSteps)
        EXPECT_FALSE(text.contains(u'{')) << text.toStdString(); // a placeholder left unfilled
}

} // namespace

TEST(ErrorClassifier, SignatureCatalogueIsValid)
{
    EXPECT_EQ(signatureCatalogueProblems(), QStringList());
    EXPECT_FALSE(snippetById(u"retry-python"_s).code.isEmpty());
    EXPECT_FALSE(snippetById(u"nginx-timeouts"_s).code.isEmpty());
}

TEST(ErrorClassifier, CorpusCategoriesHopsAndBlame)
{
    const QJsonArray entries = corpus();
    ASSERT_GE(entries.size(), 60) << "tests/data/error_corpus.json is missing or too small";
    QSet<QString> ids;
    for (const QJsonValue &value : entries) {
        const QJsonObject e = value.toObject();
        const QString id = e.value(u"id").toString();
        SCOPED_TRACE(id.toStdString());
        EXPECT_FALSE(ids.contains(id)) << "duplicate id";
        ids.insert(id);
        const ErrorSignature sig = classifyErrorText(e.value(u"text").toString());
        EXPECT_EQ(sig.category, e.value(u"category").toString())
            << "matched: " << sig.matched.join(u", "_s).toStdString();
        EXPECT_EQ(sorted(sig.hops), sorted(strings(e.value(u"hops"))));
        const Verdict v = verdictForSignature(sig);
        EXPECT_EQ(v.category, sig.category);
        if (e.contains(u"blame")) {
            EXPECT_EQ(v.blame, e.value(u"blame").toString());
        }
        expectWorded(v, id.toStdString());
        EXPECT_GT(v.confidence, 0.0);
        EXPECT_LE(v.confidence, 1.0);
    }
}

TEST(ErrorClassifier, CorpusCoversEveryProducerAndClient)
{
    QSet<QString> hops, categories;
    for (const QJsonValue &value : corpus()) {
        for (const QString &hop : strings(value[u"hops"]))
            hops.insert(hop);
        categories.insert(value[u"category"].toString());
    }
    for (const QString &hop : {u"envoy"_s, u"nginx"_s, u"haproxy"_s, u"traefik"_s, u"kong"_s, u"cloudflare"_s,
                               u"aws_alb"_s, u"gcp_lb"_s, u"squid"_s, u"python-httpx"_s, u"python-requests"_s,
                               u"openai-python"_s, u"anthropic-python"_s, u"node"_s, u"curl"_s})
        EXPECT_TRUE(hops.contains(hop)) << hop.toStdString();
    for (const QString &category : {u"dns_failure"_s,
                                    u"connection_refused"_s,
                                    u"connect_timeout"_s,
                                    u"network_unreachable"_s,
                                    u"tls_untrusted"_s,
                                    u"tls_expired"_s,
                                    u"tls_hostname_mismatch"_s,
                                    u"tls_handshake_failed"_s,
                                    u"proxy_error"_s,
                                    u"gateway_error"_s,
                                    u"upstream_reset"_s,
                                    u"gateway_timeout"_s,
                                    u"timeout"_s,
                                    u"auth_missing_key"_s,
                                    u"auth_invalid_key"_s,
                                    u"permission_denied"_s,
                                    u"model_not_found"_s,
                                    u"endpoint_not_found"_s,
                                    u"rate_limited"_s,
                                    u"quota_exhausted"_s,
                                    u"provider_overloaded"_s,
                                    u"server_error"_s,
                                    u"bad_request"_s,
                                    u"unknown"_s})
        EXPECT_TRUE(categories.contains(category)) << category.toStdString();
}

TEST(ErrorClassifier, EnvoyResetReasonAndTransportFailure)
{
    const ErrorSignature sig = classifyErrorText(
        u"HTTP/1.1 503 Service Unavailable\nserver: envoy\n\nupstream connect error or disconnect/reset "
        u"before "
        "headers. retried and the latest reset reason: remote connection failure, transport failure reason: "
        "delayed connect error: Connection refused"_s);
    EXPECT_EQ(sig.category, u"upstream_reset"_s);
    EXPECT_EQ(sig.status, 503);
    EXPECT_EQ(sig.hops, QStringList{u"envoy"_s});
    EXPECT_EQ(sig.envoyResetReason, u"remote connection failure"_s);
    EXPECT_EQ(sig.envoyTransportFailure, u"delayed connect error: Connection refused"_s);
    EXPECT_EQ(sig.blame, u"provider"_s);
    EXPECT_TRUE(sig.meaning.contains(u"nothing was listening"_s)) << sig.meaning.toStdString();
    // The refused connection is between Envoy and its backend, not the user's.
    EXPECT_FALSE(sig.matched.contains(u"connection-refused"_s));

    const ErrorSignature overflow = classifyErrorText(
        u"upstream connect error or disconnect/reset before headers. reset reason: overflow"_s);
    EXPECT_EQ(overflow.category, u"provider_overloaded"_s);
    EXPECT_EQ(overflow.envoyResetReason, u"overflow"_s);
}

TEST(ErrorClassifier, ProviderErrorFieldsFromJsonAndPythonRepr)
{
    const ErrorSignature openai = classifyErrorText(
        uR"({"error":{"message":"Incorrect API key provided: sk-abc.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}})"_s);
    EXPECT_EQ(openai.providerError.code, u"invalid_api_key"_s);
    EXPECT_EQ(openai.providerError.type, u"invalid_request_error"_s);
    EXPECT_EQ(openai.category, u"auth_invalid_key"_s);

    const ErrorSignature anthropic = classifyErrorText(
        u"anthropic.InternalServerError: Error code: 529 - {'type': 'error', 'error': {'type': "
        "'overloaded_error', 'message': 'Overloaded'}}"_s);
    EXPECT_EQ(anthropic.status, 529);
    EXPECT_EQ(anthropic.providerError.type, u"overloaded_error"_s);
    EXPECT_EQ(anthropic.category, u"provider_overloaded"_s);

    const ErrorSignature model = classifyErrorText(
        uR"({"error":{"message":"The model `gpt-5-mega` does not exist or you do not have access to it.","code":"model_not_found"}})"_s);
    EXPECT_EQ(model.model, u"gpt-5-mega"_s);
    EXPECT_TRUE(verdictForSignature(model).headline.contains(u"gpt-5-mega"_s));
}

TEST(ErrorClassifier, StatusAloneFallsBackToTheResponseRules)
{
    const ErrorSignature sig = classifyErrorText(u"Request failed: HTTP 418 from server"_s);
    EXPECT_EQ(sig.status, 418);
    EXPECT_EQ(sig.category, u"bad_request"_s);
}

TEST(ErrorClassifier, CapturedResponse)
{
    HttpResponse r;
    r.status = 503;
    r.headers = {{"server", "envoy"}, {"cf-ray", "8e3a1b2c4d5e6f70-FRA"}, {"content-type", "text/plain"}};
    r.body = envoyText.toUtf8();
    const ErrorSignature sig = classifyErrorResponse(r);
    EXPECT_EQ(sig.status, 503);
    EXPECT_EQ(sig.category, u"upstream_reset"_s);
    EXPECT_EQ(sorted(sig.hops), (QStringList{u"cloudflare"_s, u"envoy"_s}));

    HttpResponse ok;
    ok.status = 200;
    ok.body = R"({"object":"list","data":[{"id":"overloaded-model"}]})";
    EXPECT_EQ(classifyErrorResponse(ok).category, u"ok"_s);
}

TEST(ErrorClassifier, GenericMessageIsUnknownWithLowConfidence)
{
    const ErrorSignature sig = classifyErrorText(u"Network error. Try again later!"_s);
    EXPECT_EQ(sig.category, u"unknown"_s);
    EXPECT_LT(sig.confidence, 0.3);
    const Verdict v = verdictForSignature(sig);
    EXPECT_EQ(v.blame, u"none"_s);
    EXPECT_LT(v.confidence, 0.3);
    EXPECT_TRUE(v.nextSteps.join(u' ').contains(u"checks"_s));
    EXPECT_TRUE(v.snippets.isEmpty());
}

TEST(ErrorClassifier, HeadlinesAreOneSentenceWithoutJargon)
{
    // Words a non-expert would not know; they may appear in explanations, never in a headline.
    const QStringList jargon{u"upstream"_s, u"TLS"_s,       u"SSL"_s,  u"DNS"_s,     u"Envoy"_s,  u"errno"_s,
                             u"ECONN"_s,    u"handshake"_s, u"x509"_s, u"CONNECT"_s, u"origin"_s, u"RST"_s};
    for (const QJsonValue &value : corpus()) {
        const Verdict v = verdictForSignature(classifyErrorText(value[u"text"].toString()));
        SCOPED_TRACE(value[u"id"].toString().toStdString());
        for (const QString &word : jargon)
            EXPECT_FALSE(v.headline.contains(word)) << v.headline.toStdString();
        EXPECT_TRUE(v.headline.endsWith(u'.')) << v.headline.toStdString();
        EXPECT_FALSE(v.headline.chopped(1).contains(u". "_s)) << v.headline.toStdString();
    }
}

TEST(ErrorClassifier, RobustOnEmptyHugeAndBinaryInput)
{
    EXPECT_EQ(classifyErrorText(QString()).category, u"unknown"_s);
    EXPECT_EQ(classifyErrorText(u"   \n\t "_s).category, u"unknown"_s);
    EXPECT_TRUE(classifyErrorText(QString()).hops.isEmpty());

    QByteArray junk(5 * 1024 * 1024, '\0');
    QRandomGenerator rng(42);
    for (char &c : junk)
        c = char(rng.bounded(256));
    QElapsedTimer clock;
    clock.start();
    const ErrorSignature binary = classifyErrorText(QString::fromLatin1(junk));
    EXPECT_LT(clock.elapsed(), 20000);
    EXPECT_GE(binary.confidence, 0.0);
    EXPECT_FALSE(binary.meaning.isEmpty());

    // 5 MB of text with the signal beyond the scanned first MiB is not found, and is fast.
    QString text = u"lorem ipsum { \"error\": { [ 502 "_s.repeated(200000);
    clock.restart();
    const ErrorSignature big = classifyErrorText(text + envoyText);
    EXPECT_LT(clock.elapsed(), 20000);
    EXPECT_FALSE(big.matched.contains(u"envoy-reset"_s));

    // Within the first MiB it is.
    EXPECT_EQ(classifyErrorText(u"x"_s.repeated(500000) + u"\n"_s + envoyText).category, u"upstream_reset"_s);
    // Unbalanced braces and a truncated body.
    EXPECT_NO_FATAL_FAILURE(classifyErrorText(u"{{{{{{{{\"error\": {\"message\": \"abc"_s.repeated(1000)));
}

// ---------------------------------------------------------------------------------------------
// Verdict engine: one verdict per blame, and the pasted message folded into check results.

TEST(VerdictEngine, NoneWhenEverythingPasses)
{
    const Verdict v = decideVerdict(allPassing(), contextFor(u"https://api.openai.com/v1"_s));
    EXPECT_EQ(v.category, u"ok"_s);
    EXPECT_EQ(v.blame, u"none"_s);
    EXPECT_TRUE(v.snippets.isEmpty());
    EXPECT_TRUE(v.toJson().value(u"snippets").isArray());
}

TEST(VerdictEngine, LocalWhenNothingListensOnThisComputer)
{
    QList<CheckResult> results = allPassing();
    results[1] = result(u"tcp"_s, CheckStatus::Fail, Category::ConnectionRefused);
    const Verdict v = decideVerdict(results, contextFor(u"http://127.0.0.1:11434/v1"_s));
    EXPECT_EQ(v.blame, u"local"_s);
    expectWorded(v, "local");
}

// A live 451 (or a 403 that names the region) is about where the request leaves from: the verdict says so
// (never "HTTP 403" for a 451) and points at the connection's exit rather than the key.
TEST(VerdictEngine, RegionRefusalPointsAtTheExitNotTheKey)
{
    HttpResponse answer;
    answer.status = 451;
    answer.body = R"({"error":{"message":"Unavailable For Legal Reasons"}})";
    const ResponseClass rc = classifyResponse(answer, true, false);
    EXPECT_EQ(rc.category, Category::PermissionDenied);
    EXPECT_TRUE(rc.regionRefused);
    answer.status = 403;
    answer.body = R"({"type":"error","error":{"type":"permission_error","message":"not allowed"}})";
    EXPECT_FALSE(classifyResponse(answer, true, false).regionRefused);

    QList<CheckResult> results = allPassing();
    results << result(u"api_key"_s, CheckStatus::Fail, Category::PermissionDenied);
    results[5].facts.httpStatus = 451;
    results[5].facts.providerMessage = u"Unavailable For Legal Reasons"_s;
    results[5].facts.regionRefused = true;
    const Verdict v = decideVerdict(results, contextFor(u"https://api.openai.com/v1"_s));
    EXPECT_EQ(v.category, u"permission_denied"_s);
    EXPECT_EQ(v.blame, u"network"_s);
    EXPECT_TRUE(v.headline.contains(u"region"_s)) << v.headline.toStdString();
    EXPECT_FALSE(v.headline.contains(u"403"_s) || v.headline.contains(u"key"_s)) << v.headline.toStdString();
    EXPECT_TRUE(v.nextSteps.join(u' ').contains(u"VPN"_s)) << v.nextSteps.join(u' ').toStdString();

    results[5].facts.regionRefused = false;
    results[5].facts.httpStatus = 403;
    EXPECT_EQ(decideVerdict(results, contextFor(u"https://api.openai.com/v1"_s)).blame, u"account"_s);
}

TEST(VerdictEngine, NetworkWhenLookupsFailAndWhenSomethingInterceptsTls)
{
    QList<CheckResult> results = allPassing();
    results[0] =
        result(u"dns"_s, CheckStatus::Fail, Category::DnsFailure, {{u"lookup result"_s, u"lookup failed"_s}});
    results[0].facts.lookup = CheckFacts::Lookup::Failed;
    const Verdict dns = decideVerdict(results, contextFor(u"https://api.openai.com/v1"_s));
    EXPECT_EQ(dns.category, u"dns_failure"_s);
    EXPECT_EQ(dns.blame, u"network"_s);

    results = allPassing();
    results[2] = result(
        u"tls"_s, CheckStatus::Fail, Category::TlsUntrusted,
        {{u"certificate name matches"_s, u"yes"_s},
         {u"certificate 1"_s, u"api.openai.com, issued by Zscaler Intermediate Root CA (zscaler.net), "
                              "valid 2026-11-01T00:00:00Z to 2026-12-01T00:00:00Z"_s},
         {u"certificate 2"_s, u"Zscaler Intermediate Root CA (zscaler.net), issued by Zscaler Root CA, "
                              "valid 2020-01-01T00:00:00Z to 2030-01-01T00:00:00Z"_s}});
    results[2].facts.topIssuer = u"Zscaler Root CA"_s;
    const Verdict tls = decideVerdict(results, contextFor(u"https://api.openai.com/v1"_s));
    EXPECT_EQ(tls.category, u"tls_untrusted"_s);
    EXPECT_EQ(tls.blame, u"network"_s);
    EXPECT_TRUE(tls.headline.contains(u"security software or a company proxy"_s))
        << tls.headline.toStdString();
    EXPECT_TRUE(tls.explanation.contains(u"Zscaler Root CA"_s));
    EXPECT_TRUE(tls.explanation.contains(u"points at Zscaler"_s));
    expectWorded(tls, "interception");

    // The same on a server of the user's own network is a self-made certificate, not an interception.
    const Verdict own = decideVerdict(results, contextFor(u"https://192.168.1.20:8443/v1"_s));
    EXPECT_FALSE(own.headline.contains(u"security software"_s));
}

TEST(VerdictEngine, ProviderWhenChecksPassAndThePastedMessageIsTheProvidersGateway)
{
    const Verdict v = decideVerdict(allPassing(), contextFor(u"https://llm.chutes.ai/v1"_s, envoyText));
    EXPECT_EQ(v.category, u"upstream_reset"_s);
    EXPECT_EQ(v.blame, u"provider"_s);
    EXPECT_EQ(v.decidedBy, u"error_text"_s);
    EXPECT_TRUE(v.headline.contains(u"works now"_s)) << v.headline.toStdString();
    EXPECT_TRUE(v.headline.contains(u"provider's side"_s));
    EXPECT_TRUE(hasSnippet(v, u"python"_s));
    EXPECT_TRUE(hasSnippet(v, u"javascript"_s));
    expectWorded(v, "provider");
    const QJsonArray snippets = v.toJson().value(u"snippets").toArray();
    ASSERT_FALSE(snippets.isEmpty());
    EXPECT_FALSE(snippets.first()[u"code"].toString().isEmpty());
    EXPECT_FALSE(snippets.first()[u"title"].toString().isEmpty());
}

TEST(VerdictEngine, ProxyWhenThePastedGatewayMessageCameThroughTheUsersProxy)
{
    DiagnosisContext c = contextFor(u"https://api.openai.com/v1"_s, envoyText);
    c.proxy.proxy = QUrl(u"http://proxy.corp.example:3128"_s);
    const Verdict v = decideVerdict(allPassing(), c);
    EXPECT_EQ(v.category, u"upstream_reset"_s);
    EXPECT_EQ(v.blame, u"proxy"_s);
    EXPECT_TRUE(v.explanation.contains(u"proxy.corp.example"_s)) << v.explanation.toStdString();
    expectWorded(v, "proxy");

    // A failing proxy check decides on its own; the message only adds a note.
    QList<CheckResult> results = allPassing();
    results[3] = result(u"http"_s, CheckStatus::Fail, Category::ProxyError);
    const Verdict proxy =
        decideVerdict(results, contextFor(u"https://api.openai.com/v1"_s,
                                          u"curl: (56) Received HTTP code 407 from proxy after CONNECT"_s));
    EXPECT_EQ(proxy.blame, u"proxy"_s);
    EXPECT_EQ(proxy.category, u"proxy_error"_s);
}

TEST(VerdictEngine, OwnNginxGetsTheTimeoutSnippet)
{
    QList<CheckResult> results = allPassing();
    results[3] = result(u"http"_s, CheckStatus::Fail, Category::GatewayTimeout,
                        {{u"status"_s, u"504 Gateway Time-out"_s}, {u"hops"_s, u"nginx"_s}});
    results[3].facts.httpStatus = 504;
    results[3].facts.hops = {u"nginx"_s};
    const Verdict v = decideVerdict(results, contextFor(u"http://192.168.1.10:8080/v1"_s));
    EXPECT_EQ(v.category, u"gateway_timeout"_s);
    ASSERT_TRUE(hasSnippet(v, u"nginx"_s));
    EXPECT_TRUE(v.snippets.first().code.contains(u"proxy_read_timeout"_s));
    EXPECT_TRUE(v.nextSteps.first().contains(u"your own nginx"_s));

    // The provider's nginx is not the user's to configure.
    const Verdict remote = decideVerdict(results, contextFor(u"https://api.example-llm.com/v1"_s));
    EXPECT_FALSE(hasSnippet(remote, u"nginx"_s));

    // explain: an nginx error-log line is from the user's own nginx.
    const Verdict log = verdictForSignature(classifyErrorText(
        u"2026/11/21 18:03:44 [error] 2231#2231: *9814 upstream timed out (110: Connection timed out) while "
        "reading response header from upstream, client: 10.0.3.17"_s));
    EXPECT_EQ(log.blame, u"proxy"_s);
    EXPECT_TRUE(hasSnippet(log, u"nginx"_s));
}

TEST(VerdictEngine, AccountWhenTheKeyIsRejectedOrCreditIsGone)
{
    QList<CheckResult> results = allPassing();
    results[3] = result(u"http"_s, CheckStatus::Fail, Category::AuthInvalidKey);
    EXPECT_EQ(decideVerdict(results, contextFor(u"https://api.openai.com/v1"_s)).blame, u"account"_s);

    // Checks pass with the key given to llmdoctor; the app's own key has no credit.
    const Verdict pasted = decideVerdict(
        allPassing(),
        contextFor(
            u"https://api.deepseek.com"_s,
            uR"({"error":{"message":"Insufficient Balance","type":"unknown_error","code":"invalid_request_error"}})"_s));
    EXPECT_EQ(pasted.category, u"quota_exhausted"_s);
    EXPECT_EQ(pasted.blame, u"account"_s);
    EXPECT_TRUE(pasted.headline.contains(u"settings"_s));
    expectWorded(pasted, "account");
}

TEST(VerdictEngine, ConfigWithACorrectedBaseUrl)
{
    QList<CheckResult> results = allPassing();
    results[3] = result(u"http"_s, CheckStatus::Fail, Category::EndpointNotFound);
    const Verdict v =
        decideVerdict(results, contextFor(u"https://api.openai.com/v1/chat/completions"_s, {}, u"openai"_s));
    EXPECT_EQ(v.blame, u"config"_s);
    ASSERT_FALSE(v.snippets.isEmpty());
    EXPECT_EQ(v.snippets.first().code, u"https://api.openai.com/v1"_s);
    EXPECT_TRUE(v.nextSteps.first().contains(u"https://api.openai.com/v1"_s));

    const Verdict custom = decideVerdict(results, contextFor(u"http://10.0.0.5:8000/v1/chat/completions"_s));
    ASSERT_FALSE(custom.snippets.isEmpty());
    EXPECT_EQ(custom.snippets.first().code, u"http://10.0.0.5:8000/v1"_s);
}

TEST(VerdictEngine, PastedMessageConfirmsOrAddsToWhatTheChecksFound)
{
    QList<CheckResult> results = allPassing();
    results[0] = result(u"dns"_s, CheckStatus::Fail, Category::DnsFailure,
                        {{u"lookup result"_s, u"name not found"_s}});
    const Verdict plain = decideVerdict(results, contextFor(u"https://api.openai.con/v1"_s));
    const Verdict confirmed =
        decideVerdict(results, contextFor(u"https://api.openai.con/v1"_s,
                                          u"curl: (6) Could not resolve host: api.openai.con"_s));
    EXPECT_EQ(confirmed.category, u"dns_failure"_s);
    EXPECT_GT(confirmed.confidence, plain.confidence);

    const Verdict different = decideVerdict(results, contextFor(u"https://api.openai.con/v1"_s, envoyText));
    EXPECT_EQ(different.category, u"dns_failure"_s); // what the checks measure wins
    EXPECT_TRUE(different.nextSteps.last().contains(u"message you pasted"_s));

    const Verdict generic = decideVerdict(
        allPassing(), contextFor(u"https://api.openai.com/v1"_s, u"Network error. Try again later!"_s));
    EXPECT_EQ(generic.category, u"ok"_s);
    EXPECT_TRUE(generic.nextSteps.last().contains(u"did not recognise"_s));

    const Verdict networkNow =
        decideVerdict(allPassing(), contextFor(u"https://api.openai.com/v1"_s,
                                               u"curl: (6) Could not resolve host: api.openai.com"_s));
    EXPECT_EQ(networkNow.category, u"dns_failure"_s);
    EXPECT_EQ(networkNow.blame, u"config"_s);
}
