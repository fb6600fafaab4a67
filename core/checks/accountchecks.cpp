#include "accountchecks.h"

#include "../diagnosis/hops.h"
#include "../diagnosis/ratelimit.h"
#include "../diagnosis/responseclassifier.h"
#include "../probe/exchange.h"
#include "../target/addresslint.h"
#include "../target/keylint.h"
#include "../target/providercatalog.h"
#include "diagnosiscontext.h"
#include "networkchecks.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <algorithm>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

Provider providerOf(const Target &t)
{
    return ProviderCatalog::instance().find(t.provider).value_or(Provider());
}

// Lint findings as one check result: pass, warn, or fail on the first fatal finding.
CheckResult lintResult(const QList<LintFinding> &findings, const CheckResult &base,
                       const QString &passSummary)
{
    CheckResult r = base;
    if (findings.isEmpty()) {
        r.status = CheckStatus::Pass;
        r.summary = passSummary;
        r.category = Category::Ok;
        return r;
    }
    const LintFinding *first = &findings.first();
    for (const LintFinding &f : findings) {
        if (f.fatal) {
            first = &f;
            break;
        }
    }
    r.status = first->fatal ? CheckStatus::Fail : CheckStatus::Warn;
    r.category = first->fatal ? first->category : Category::Ok;
    QStringList messages{first->message};
    for (const LintFinding &f : findings) {
        if (&f != first)
            messages << f.message;
    }
    r.summary = messages.join(u' ');
    QStringList codes;
    for (const LintFinding &f : findings)
        codes << f.code;
    r.addDetail(u"findings"_s, codes.join(u", "_s));
    if (!first->suggestion.isEmpty())
        r.addDetail(u"type instead"_s, first->suggestion);
    return r;
}

void addRateLimits(CheckResult &r, const HeaderList &headers)
{
    const QMap<QString, double> limits = parsedRateLimits(headers);
    for (auto it = limits.cbegin(); it != limits.cend(); ++it) {
        r.addDetail(it.key(),
                    it.key().endsWith(u"_s")
                        ? QString::number(it.value(), 'f', 3).remove(QRegularExpression(u"\\.?0+$"_s))
                        : QString::number(it.value(), 'f', 0));
    }
    const auto ids = requestIds(headers);
    for (auto it = ids.cbegin(); it != ids.cend(); ++it)
        r.addDetail(it.key(), it.value());
}

QString keyHint(const KeyLint &lint)
{
    for (const LintFinding &f : lint.findings) {
        if (f.code == u"other_provider" || f.code == u"placeholder" || f.code == u"unexpected_shape")
            return u" "_s + f.message;
    }
    return {};
}

} // namespace

// ---------------------------------------------------------------------------------------------

BaseUrlFormatCheck::BaseUrlFormatCheck(QObject *parent)
    : Check(u"base_url_format"_s,
            QCoreApplication::translate("Check", "Is the API address written correctly?"), {}, parent)
{
}

void BaseUrlFormatCheck::run()
{
    const Target &t = context().target;
    const QString text = t.baseUrlText.isEmpty() ? t.baseUrl.toString() : t.baseUrlText;
    CheckResult r = lintResult(lintBaseUrl(text, t.provider), makeResult(CheckStatus::Pass, {}),
                               QCoreApplication::translate("Check", "The address is written correctly."));
    r.addDetail(u"address"_s, shownUrl(t.baseUrl));
    complete(r);
}

// ---------------------------------------------------------------------------------------------

ApiKeyFormatCheck::ApiKeyFormatCheck(QObject *parent)
    : Check(u"api_key_format"_s, QCoreApplication::translate("Check", "Does the API key look right?"), {},
            parent)
{
}

void ApiKeyFormatCheck::run()
{
    const Target &t = context().target;
    if (t.apiKey.trimmed().isEmpty() && !querySecrets(t.baseUrl).isEmpty()) {
        complete(makeResult(
            CheckStatus::Pass,
            QCoreApplication::translate("Check", "The key is carried in the address (%1); it is never shown.")
                .arg(shownUrl(t.baseUrl)),
            Category::Ok));
        return;
    }
    const KeyLint lint = lintApiKey(t.apiKey, t.provider);
    if (t.apiKey.trimmed().isEmpty() && lint.findings.isEmpty()) {
        complete(makeResult(
            CheckStatus::Skip,
            QCoreApplication::translate(
                "Check", "No API key was given. Servers on your own computer usually need none.")));
        return;
    }
    const Provider p = providerOf(t);
    const QString pass = p.keyPrefixes.isEmpty() || p.id.isEmpty()
                             ? QCoreApplication::translate(
                                   "Check", "The key has no stray spaces, quotes or other extra characters.")
                             : QCoreApplication::translate(
                                   "Check", "The key has the shape of a %1 key, with no stray characters.")
                                   .arg(p.name);
    CheckResult r = lintResult(lint.findings, makeResult(CheckStatus::Pass, {}), pass);
    r.addDetail(u"length"_s, QString::number(lint.cleaned.size()));
    // Anything around the key, a trailing line break too: we send it cleaned, but many HTTP
    // libraries refuse a header with a line break, and the app sends the key as stored.
    r.facts.keyHasWhitespace = !t.apiKey.trimmed().isEmpty() && lint.cleaned != t.apiKey;
    complete(r);
}

// ---------------------------------------------------------------------------------------------

ApiKeyCheck::ApiKeyCheck(QObject *parent)
    : Check(u"api_key"_s, QCoreApplication::translate("Check", "Is your API key accepted?"), {u"http"_s},
            parent)
{
}

void ApiKeyCheck::run()
{
    const DiagnosisContext &c = context();
    if (!c.modelList || !c.modelList->response) {
        complete(makeResult(
            CheckStatus::Skip,
            QCoreApplication::translate("Check", "The API gave no answer to read the key's status from.")));
        return;
    }
    const ResponseClass rc =
        classifyResponse(*c.modelList->response, c.target.carriesKey(), c.modelList->viaProxy);
    const KeyLint lint = lintApiKey(c.target.apiKey, c.target.provider);
    const bool refused = rc.category == Category::AuthInvalidKey || rc.category == Category::PermissionDenied;
    if (!(refused && lint.strayCharacters && !lint.cleaned.isEmpty())) {
        finishWith(nullptr);
        return;
    }
    // The key as typed was refused; would it work without the stray characters?
    ExchangeRequest req = exchangeRequestFor(c, c.target.modelsUrl());
    req.headers.append(providerOf(c.target).authHeaders(lint.cleaned));
    emit progress(QCoreApplication::translate("Check", "Trying the key again without the stray characters…"));
    m_exchange = new Exchange(req, this);
    connect(m_exchange, &Exchange::finished, this, [this](const ExchangeResult &x) {
        recordExchange(m_exchange, x);
        finishWith(&x);
    });
    m_exchange->start();
}

void ApiKeyCheck::finishWith(const ExchangeResult *cleanedAnswer)
{
    const DiagnosisContext &c = context();
    const HttpResponse &resp = *c.modelList->response;
    const bool sent = c.target.carriesKey();
    const ResponseClass rc = classifyResponse(resp, c.target.carriesKey(), c.modelList->viaProxy);
    const KeyLint lint = lintApiKey(c.target.apiKey, c.target.provider);
    const QString status = QString::number(resp.status);
    CheckResult r;
    const Category cat = rc.category;
    if (cat == Category::Ok) {
        bool trimmed = false;
        for (const LintFinding &f : lint.findings)
            trimmed |= f.code == u"whitespace";
        r = makeResult(
            CheckStatus::Pass,
            !sent     ? QCoreApplication::translate("Check",
                                                    "The server answered without a key: it does not need one.")
            : trimmed ? QCoreApplication::translate(
                            "Check", "Your API key is accepted once the spaces or line breaks around it are "
                                     "removed; make sure your app removes them too.")
                      : QCoreApplication::translate("Check", "Your API key is accepted."),
            Category::Ok);
    } else if (cat == Category::AuthMissingKey) {
        r = makeResult(
            CheckStatus::Fail,
            QCoreApplication::translate("Check", "The server wants an API key, and none was sent (HTTP %1).")
                .arg(status),
            cat);
    } else if (cat == Category::AuthInvalidKey) {
        r = makeResult(CheckStatus::Fail,
                       QCoreApplication::translate("Check", "The provider rejected your API key (HTTP %1).%2")
                           .arg(status, keyHint(lint)),
                       cat);
    } else if (cat == Category::PermissionDenied) {
        r = makeResult(CheckStatus::Fail, rc.summary + keyHint(lint), cat);
    } else if (cat == Category::QuotaExhausted) {
        r = makeResult(
            CheckStatus::Fail,
            QCoreApplication::translate(
                "Check",
                "Your key is valid, but the account has run out of credit or quota (HTTP %1): waiting or "
                "retrying will not help.")
                .arg(status),
            cat);
    } else if (cat == Category::RateLimited) {
        const auto wait = suggestedWaitSeconds(parsedRateLimits(resp.headers));
        r = makeResult(CheckStatus::Fail,
                       wait ? QCoreApplication::translate(
                                  "Check", "Your key is accepted, but the provider is limiting your "
                                           "requests right now (HTTP 429); it asks you to wait %1.")
                                  .arg(plainWait(*wait))
                            : QCoreApplication::translate(
                                  "Check", "Your key is accepted, but the provider is limiting your "
                                           "requests right now (HTTP 429)."),
                       cat);
    } else {
        r = makeResult(
            CheckStatus::Skip,
            QCoreApplication::translate("Check", "The API's answer (HTTP %1) says nothing about the key.")
                .arg(status));
    }
    if (cleanedAnswer) {
        const bool fixedByCleaning =
            cleanedAnswer->ok() && cleanedAnswer->response && cleanedAnswer->response->status / 100 == 2;
        if (fixedByCleaning) {
            QStringList what;
            for (const LintFinding &f : lint.findings) {
                if (f.code == u"quotes")
                    what << QCoreApplication::translate("Check", "quotation marks");
                else if (f.code == u"bearer_prefix")
                    what << QCoreApplication::translate("Check", "word \"Bearer\"");
                else if (f.code == u"whitespace_inside" || f.code == u"whitespace")
                    what << QCoreApplication::translate("Check", "spaces and line breaks");
                else if (f.code == u"invisible")
                    what << QCoreApplication::translate("Check", "invisible characters");
                else if (f.code == u"non_ascii")
                    what << QCoreApplication::translate("Check", "typographic dashes");
            }
            const bool bearerOnly =
                what.size() == 1 && lint.findings.size() >= 1 &&
                std::any_of(lint.findings.cbegin(), lint.findings.cend(),
                            [](const LintFinding &f) { return f.code == u"bearer_prefix"; });
            r.summary =
                what.isEmpty()
                    ? QCoreApplication::translate("Check",
                                                  "The key is rejected as typed, but accepted once the stray "
                                                  "characters are removed: correct the key where your app "
                                                  "stores it.")
                : bearerOnly
                    ? QCoreApplication::translate("Check",
                                                  "The key is rejected as typed, but accepted once the "
                                                  "%1 is removed: correct the key where your app stores "
                                                  "it.")
                          .arg(what.first())
                    : QCoreApplication::translate("Check",
                                                  "The key is rejected as typed, but accepted once the "
                                                  "%1 are removed: correct the key where your app "
                                                  "stores it.")
                          .arg(what.join(QCoreApplication::translate("Check", " and ")));
            r.addDetail(u"cleaned key"_s, u"accepted"_s);
        } else {
            r.summary +=
                QCoreApplication::translate("Check", " Removing the stray characters does not help either.");
            r.addDetail(u"cleaned key"_s, cleanedAnswer->response ? u"rejected too (HTTP %1)"_s.arg(
                                                                        cleanedAnswer->response->status)
                                                                  : u"no answer"_s);
        }
    }
    r.addDetail(u"status"_s, u"%1 %2"_s.arg(resp.status).arg(QString::fromLatin1(resp.reason)));
    addProviderError(r, rc);
    addRateLimits(r, resp.headers);
    r.facts.httpStatus = resp.status;
    r.facts.providerMessage = rc.error.message;
    r.facts.regionRefused = rc.regionRefused;
    r.facts.keyHasWhitespace = lint.strayCharacters;
    if (const auto wait = suggestedWaitSeconds(parsedRateLimits(resp.headers)))
        r.facts.retryAfterS = *wait;
    if (const Provider p = providerOf(c.target); !p.keysUrl.isEmpty() && r.status == CheckStatus::Fail)
        r.addDetail(u"manage keys at"_s, p.keysUrl);
    complete(r);
}

void ApiKeyCheck::abort()
{
    stopExchange(m_exchange);
}

// ---------------------------------------------------------------------------------------------

TestRequestCheck::TestRequestCheck(QObject *parent)
    : Check(u"test_request"_s, QCoreApplication::translate("Check", "Does a tiny test request work?"),
            {u"api_key"_s}, parent)
{
}

void TestRequestCheck::run()
{
    const DiagnosisContext &c = context();
    if (!c.target.sendTestRequest) {
        complete(makeResult(
            CheckStatus::Skip,
            QCoreApplication::translate(
                "Check", "Not sent: a test request may cost a fraction of a cent, so it only runs when you "
                         "ask for it.")));
        return;
    }
    if (c.target.model.trimmed().isEmpty()) {
        complete(makeResult(
            CheckStatus::Skip,
            QCoreApplication::translate("Check", "No model was named, so no test request was sent.")));
        return;
    }
    // A model the list does not have would only earn a paid error: the model check says why.
    if (c.modelList && c.modelList->response && c.modelList->response->status / 100 == 2) {
        const QStringList ids = ModelCheck::parseModelList(c.modelList->response->body);
        if (!ids.isEmpty() && !ids.contains(c.target.model.trimmed())) {
            complete(makeResult(
                CheckStatus::Skip,
                QCoreApplication::translate(
                    "Check", "Not sent: the model is not in the server's list (see the model check).")));
            return;
        }
    }
    const Provider p = providerOf(c.target);
    QUrl url = c.target.baseUrl;
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + u'/' + p.chatPath);
    const QJsonObject message{{u"role"_s, u"user"_s}, {u"content"_s, u"Say OK."_s}};
    const QJsonObject body{
        {u"model"_s, c.target.model.trimmed()}, {u"messages"_s, QJsonArray{message}}, {u"max_tokens"_s, 1}};
    ExchangeRequest req = exchangeRequestFor(c, url);
    req.method = "POST";
    req.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    req.headers.append(HeaderList::value_type("Content-Type", "application/json"));
    req.headers.append(p.authHeaders(sendableKey(c.target.apiKey)));
    emit progress(QCoreApplication::translate("Check", "Sending one tiny test request…"));
    m_exchange = new Exchange(req, this);
    connect(m_exchange, &Exchange::finished, this, [this, url](const ExchangeResult &x) {
        recordExchange(m_exchange, x);
        CheckResult r;
        if (!x.ok() || !x.response) {
            r = makeResult(
                CheckStatus::Fail,
                QCoreApplication::translate("Check", "The test request got no answer: %1").arg(x.error),
                failureCategory(x.failure));
        } else if (x.readLimitHit) {
            // A one-token answer that does not end is a broken server, whatever its status said.
            r = makeResult(
                CheckStatus::Fail,
                QCoreApplication::translate(
                    "Check",
                    "The test request's answer (HTTP %1) never ended: llmdoctor stopped reading after "
                    "%2 bytes. The server, or a gateway in front of it, is broken.")
                    .arg(x.response->status)
                    .arg(x.response->bodyBytes),
                Category::ServerError);
            r.evidence = responseEvidence(*x.response);
        } else {
            const ResponseClass rc = classifyResponse(*x.response, true, x.viaProxy);
            r = makeResult(
                rc.category == Category::Ok ? CheckStatus::Pass : CheckStatus::Fail,
                rc.category == Category::Ok
                    ? QCoreApplication::translate("Check", "The model answered a one-word test request.")
                    : rc.summary,
                rc.category);
            r.addDetail(u"status"_s, QString::number(x.response->status));
            addProviderError(r, rc);
            addRateLimits(r, x.response->headers);
            r.evidence = responseEvidence(*x.response);
            r.facts.providerMessage = rc.error.message;
            r.facts.regionRefused = rc.regionRefused;
        }
        r.facts.error = x.error;
        if (x.response)
            r.facts.httpStatus = x.response->status;
        double spent = -1;
        if (!x.ok())
            r.facts.failedPhase = failedPhaseOf(x.marks, x.tls.attempted, &spent);
        r.facts.failedPhaseMs = spent;
        r.addDetail(u"request"_s, u"POST %1 (max_tokens 1)"_s.arg(shownUrl(url)));
        complete(r);
    });
    m_exchange->start();
}

void TestRequestCheck::abort()
{
    stopExchange(m_exchange);
}

} // namespace llmdoctor::core
