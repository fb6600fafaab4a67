#include "responseclassifier.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

QString jsonText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toInteger());
    return {};
}

} // namespace

ProviderError parseProviderError(const QByteArray &body)
{
    ProviderError e;
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(body.left(256 * 1024), &perr);
    if (perr.error != QJsonParseError::NoError || !doc.isObject())
        return e;
    const QJsonObject root = doc.object();
    const QJsonValue errorValue = root.value(u"error");
    if (errorValue.isObject()) {
        const QJsonObject err = errorValue.toObject();
        e.type = jsonText(err.value(u"type"));
        e.code = jsonText(err.value(u"code"));
        e.message = jsonText(err.value(u"message"));
    } else if (errorValue.isString()) {
        e.message = errorValue.toString();
    }
    if (e.message.isEmpty())
        e.message = jsonText(root.value(u"message")); // Kong, some gateways
    if (e.code.isEmpty())
        e.code = jsonText(root.value(u"code"));
    return e;
}

ResponseClass classifyResponse(const HttpResponse &response, bool keySent, bool viaProxy)
{
    ResponseClass c;
    c.error = parseProviderError(response.body);
    const int s = response.status;
    const QString body = QString::fromUtf8(response.body.left(4096));
    const QString code = c.error.code.toLower();
    const QString type = c.error.type.toLower();
    const bool fromSquid = !response.header("x-squid-error").isEmpty();

    auto set = [&c](Category category, const QString &summary) {
        c.category = category;
        c.summary = summary;
        return c;
    };

    if (s >= 200 && s < 300)
        return set(Category::Ok,
                   QCoreApplication::translate("Response", "The API answered normally (HTTP %1).").arg(s));
    if (viaProxy && (s == 407 || fromSquid))
        return set(Category::ProxyError,
                   s == 407 ? QCoreApplication::translate(
                                  "Response", "The proxy asks for a user name and password (HTTP 407).")
                            : QCoreApplication::translate(
                                  "Response", "The proxy refused or could not forward the request (HTTP %1).")
                                  .arg(s));
    if (s == 401)
        return keySent ? set(Category::AuthInvalidKey,
                             QCoreApplication::translate("Response",
                                                         "The server rejected the API key (HTTP 401)."))
                       : set(Category::AuthMissingKey,
                             QCoreApplication::translate(
                                 "Response", "The server wants an API key and none was sent (HTTP 401)."));
    const QString message = c.error.message.toLower();
    if (s == 402 || code == u"insufficient_quota" || code == u"insufficient_balance" ||
        (s >= 400 && s < 500 &&
         (message.contains(u"credit balance is too low") || message.contains(u"insufficient credits") ||
          message.contains(u"insufficient balance") || message.contains(u"exceeded your current quota"))))
        return set(
            Category::QuotaExhausted,
            QCoreApplication::translate("Response", "The account has run out of credit or quota (HTTP %1).")
                .arg(s));
    if (s == 403) {
        if (code.contains(u"region") || code.contains(u"country") || message.contains(u"region") ||
            message.contains(u"country")) {
            c.regionRefused = true;
            return set(Category::PermissionDenied,
                       QCoreApplication::translate(
                           "Response", "The provider does not serve your country or region (HTTP 403)."));
        }
        return set(Category::PermissionDenied,
                   QCoreApplication::translate("Response", "The key is not allowed to use this (HTTP 403)."));
    }
    // "Unavailable For Legal Reasons": the service may not serve the place the request came from.
    if (s == 451) {
        c.regionRefused = true;
        return set(Category::PermissionDenied,
                   QCoreApplication::translate(
                       "Response", "The provider does not serve your country or region (HTTP 451)."));
    }
    if (s == 404) {
        const bool modelMissing = body.contains(u"does not exist") && body.contains(u"model");
        if (code.contains(u"model_not_found") || code == u"deploymentnotfound" || modelMissing)
            return set(
                Category::ModelNotFound,
                QCoreApplication::translate("Response", "The server does not know that model (HTTP 404)."));
        return set(
            Category::EndpointNotFound,
            QCoreApplication::translate("Response", "The server has no API at this address (HTTP 404)."));
    }
    // A path that exists but does not take a POST (a web page, the API's root): the address is not the
    // endpoint.
    if (s == 405)
        return set(Category::EndpointNotFound,
                   QCoreApplication::translate(
                       "Response", "The address does not take this kind of request (HTTP 405): it is not the "
                                   "API's endpoint."));
    if (s == 408)
        return set(Category::Timeout,
                   QCoreApplication::translate("Response",
                                               "The server gave up waiting for the request (HTTP 408)."));
    if (s == 429)
        return set(Category::RateLimited,
                   QCoreApplication::translate(
                       "Response", "Too many requests: the provider asks you to slow down (HTTP 429)."));
    if (s == 529 || type.contains(u"overloaded") ||
        (s == 503 && body.contains(u"overloaded", Qt::CaseInsensitive)))
        return set(Category::ProviderOverloaded,
                   QCoreApplication::translate("Response", "The provider is overloaded right now (HTTP %1).")
                       .arg(s));
    if (body.contains(u"upstream connect error or disconnect/reset before headers"))
        return set(
            Category::UpstreamReset,
            QCoreApplication::translate(
                "Response",
                "A gateway (Envoy) lost its connection to the server behind it before any answer (HTTP %1).")
                .arg(s));
    if (s == 504 || s == 522 || s == 524 || body.contains(u"upstream request timeout"))
        return set(Category::GatewayTimeout,
                   QCoreApplication::translate(
                       "Response", "A gateway gave up waiting for the server behind it (HTTP %1).")
                       .arg(s));
    if (s == 502 || s == 503 || (s >= 520 && s <= 526))
        return set(
            Category::GatewayError,
            QCoreApplication::translate(
                "Response", "A gateway could not get a good answer from the server behind it (HTTP %1).")
                .arg(s));
    if (s >= 500)
        return set(
            Category::ServerError,
            QCoreApplication::translate("Response", "The server failed while handling the request (HTTP %1).")
                .arg(s));
    if (s >= 400)
        return set(Category::BadRequest,
                   QCoreApplication::translate("Response", "The server did not accept the request (HTTP %1).")
                       .arg(s));
    return set(Category::Unknown,
               QCoreApplication::translate("Response", "Unexpected answer (HTTP %1).").arg(s));
}

} // namespace llmdoctor::core
