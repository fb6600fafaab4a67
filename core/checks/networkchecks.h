#pragma once

#include "../target/target.h"
#include "check.h"

#include <QPointer>

namespace llmdoctor::core {

class Exchange;
class HostLookup;
struct ExchangeRequest;
struct ExchangeResult;
struct ResponseClass;

// Builds the exchange every network check starts from: the target URL, the proxy, the trusted
// certificates, the addresses the DNS check found and the time left.
ExchangeRequest exchangeRequestFor(const DiagnosisContext &context, const QUrl &url);

// The provider's own error fields (message, code, type) as details, those it sent.
void addProviderError(CheckResult &r, const ResponseClass &rc);

// Evidence text for a response: status line, headers and the first bytes of the body.
QString responseEvidence(const struct HttpResponse &response, qsizetype bodyBytes = 2048);

// Whether any interface could carry traffic off this computer (false in airplane mode, with the
// cable out, or in a network namespace of its own).
bool hasUsableNetwork();
// Whether host is the known provider's own documented API host (so a failed lookup is no typo).
bool isProvidersOwnHost(const Target &target, const QString &host);

// "Can your computer find the server?"
class DnsCheck final : public Check
{
    Q_OBJECT
public:
    explicit DnsCheck(QObject *parent = nullptr);

protected:
    void run() override;
    void abort() override;

private:
    QPointer<HostLookup> m_lookup;
};

// "Can your computer reach the server?": one connection per address family, at once.
class ConnectCheck final : public Check
{
    Q_OBJECT
public:
    explicit ConnectCheck(QObject *parent = nullptr);

protected:
    void run() override;
    void abort() override;

private:
    void onFamilyDone();
    QList<QPointer<Exchange>> m_exchanges;
    QList<ExchangeResult> m_results;
};

// "Is the connection private and the certificate valid?"
class TlsCheck final : public Check
{
    Q_OBJECT
public:
    explicit TlsCheck(QObject *parent = nullptr);

protected:
    void run() override;
    void abort() override;

private:
    QPointer<Exchange> m_exchange;
};

// "Does the API answer?": the authenticated model-list request, shared with later checks.
class HttpCheck final : public Check
{
    Q_OBJECT
public:
    explicit HttpCheck(QObject *parent = nullptr);

protected:
    void run() override;
    void abort() override;

private:
    void onDone(const ExchangeResult &result);
    QPointer<Exchange> m_exchange;
};

// "Does the model you named exist?": read from the model list the HTTP check fetched.
class ModelCheck final : public Check
{
    Q_OBJECT
public:
    explicit ModelCheck(QObject *parent = nullptr);

    // Model ids from an OpenAI/Anthropic ({"data":[{"id"}]}) or Ollama ({"models":[{"name"}]}) list.
    static QStringList parseModelList(const QByteArray &body, bool *ok = nullptr);
    // Up to three ids that look like what the user typed (case, separators, provider prefixes).
    static QStringList closestModels(const QString &wanted, const QStringList &available);

protected:
    void run() override;
    void abort() override {}
};

} // namespace llmdoctor::core
