#include "reportparts.h"

#include "../checks/diagnosis.h"
#include "../checks/diagnosiscontext.h"
#include "../diagnosis/hops.h"
#include "../target/providercatalog.h"

#include <QSslSocket>
#include <QSysInfo>
#include <QTimeZone>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

// Single quotes for a POSIX shell: nothing inside is expanded.
QString shellQuoted(const QString &text)
{
    QString q = text;
    q.replace(u"'"_s, u"'\\''"_s);
    return u"'"_s + q + u"'"_s;
}

Provider providerFor(const Target &t)
{
    return ProviderCatalog::instance().find(t.provider).value_or(Provider());
}

QString providerName(const Target &t)
{
    const Provider p = providerFor(t);
    return p.name.isEmpty() ? t.baseUrl.host() : p.name.section(u" / "_s, -1);
}

} // namespace

QList<QPair<QString, QString>> environmentFacts(const DiagnosisContext &c)
{
    QList<QPair<QString, QString>> facts{
        {u"llmdoctor"_s, QStringLiteral(LLMDOCTOR_VERSION)},
        {u"operating system"_s, QSysInfo::prettyProductName()},
        {u"kernel"_s, QSysInfo::kernelType() + u' ' + QSysInfo::kernelVersion()},
        {u"architecture"_s, QSysInfo::currentCpuArchitecture()},
        {u"Qt"_s, QString::fromLatin1(qVersion())},
        {u"TLS library"_s, QSslSocket::sslLibraryVersionString()},
        {u"time zone"_s, QString::fromUtf8(QTimeZone::systemTimeZoneId())},
    };
    facts.append({u"proxy"_s, c.proxy.proxy
                                  ? u"%1 (%2)"_s.arg(proxyForDisplay(*c.proxy.proxy), c.proxy.reason)
                                  : (c.proxy.reason.isEmpty() ? u"none"_s : c.proxy.reason)});
    if (!c.target.caFile.isEmpty())
        facts.append({u"extra trusted certificates"_s, c.target.caFile});
    return facts;
}

QList<QPair<QString, QString>> requestIdFacts(const DiagnosisContext &c)
{
    QList<QPair<QString, QString>> out;
    for (const RecordedExchange &x : c.exchanges) {
        if (!x.result.response || x.checkId == u"status_page")
            continue;
        const auto ids = requestIds(x.result.response->headers);
        for (auto it = ids.cbegin(); it != ids.cend(); ++it) {
            if (!out.contains({it.key(), it.value()}))
                out.append({it.key(), it.value()});
        }
    }
    return out;
}

SupportMessage supportMessage(const Diagnosis &diagnosis)
{
    const DiagnosisContext &c = diagnosis.context();
    const Verdict v = diagnosis.verdict();
    const Provider p = providerFor(c.target);
    const QString name = providerName(c.target);
    SupportMessage m;
    if (v.blame == Blame::Provider || v.blame == Blame::Account) {
        m.to = p.id.isEmpty() ? u"whoever runs the server at %1 (the provider, or your own team)"_s.arg(
                                    c.target.baseUrl.host())
               : p.supportUrl.isEmpty() ? u"the support of %1"_s.arg(name)
                                        : u"%1 support (%2)"_s.arg(name, p.supportUrl);
        if (v.blame == Blame::Account)
            m.to += u", or whoever manages your account and API keys"_s;
    } else if (v.blame == Blame::Network) {
        m.to = u"your network administrator or internet provider"_s;
    } else if (v.blame == Blame::Proxy) {
        m.to = u"whoever runs your proxy (usually your IT department)"_s;
    } else if (v.blame == Blame::Local || v.blame == Blame::Config) {
        m.to = u"the maintainer of the app you use (or yourself: the settings are on this side)"_s;
    } else {
        m.to = u"whoever asked you to check (nothing is wrong right now)"_s;
    }
    const QString when = diagnosis.startedAt().toString(u"yyyy-MM-dd HH:mm:ss t"_s);
    m.subject = u"API calls to %1 fail: %2"_s.arg(c.target.baseUrl.host(), v.headline);
    QString body = u"Hello,\n\n"_s;
    body += u"calls to %1%2 fail. I checked them with llmdoctor %3 on %4.\n\n"_s.arg(
        shownUrl(c.target.baseUrl),
        c.target.model.isEmpty() ? QString() : u" (model %1)"_s.arg(c.target.model),
        QStringLiteral(LLMDOCTOR_VERSION), when);
    body += u"What it found: %1\n%2\n"_s.arg(v.headline, v.explanation);
    if (c.modelList) {
        const ExchangeResult &x = *c.modelList;
        if (x.response) {
            const QStringList hops = detectHops(x.response->headers);
            body += u"\nThe request GET %1 got HTTP %2 %3%4.\n"_s.arg(
                shownUrl(c.target.modelsUrl()), QString::number(x.response->status),
                QString::fromLatin1(x.response->reason),
                hops.isEmpty() ? QString() : u" (answered by: %1)"_s.arg(hops.join(u", "_s)));
        } else if (!x.error.isEmpty()) {
            body += u"\nThe request GET %1 failed: %2.\n"_s.arg(shownUrl(c.target.modelsUrl()), x.error);
        }
        if (!x.peer.isNull())
            body += u"Server address: %1 port %2.\n"_s.arg(x.peer.toString()).arg(x.peerPort);
    }
    const auto ids = requestIdFacts(c);
    if (!ids.isEmpty()) {
        QStringList parts;
        for (const auto &[k, id] : ids)
            parts << k + u": "_s + id;
        body += u"Request ids: %1.\n"_s.arg(parts.join(u", "_s));
    }
    if (!v.nextSteps.isEmpty())
        body += u"\nSuggested next step: %1\n"_s.arg(v.nextSteps.first());
    body += u"\nThe full report is attached (it shows my API key only as %1).\n\nThank you.\n"_s.arg(
        c.target.apiKey.trimmed().isEmpty() ? u"absent: none was used"_s : redactKey(c.target.apiKey));
    m.body = body;
    return m;
}

QString curlKeyVariable(const DiagnosisContext &c)
{
    const Provider p = providerFor(c.target);
    return p.keyEnv.isEmpty() ? u"LLM_API_KEY"_s : p.keyEnv;
}

QString curlCommand(const DiagnosisContext &c)
{
    const Provider p = providerFor(c.target);
    const QString var = curlKeyVariable(c);
    // The request that failed: the test request when it was sent and failed.
    const RecordedExchange *failing = nullptr;
    for (const RecordedExchange &x : c.exchanges) {
        if (x.checkId == u"test_request")
            failing = &x;
    }
    const bool post = failing && !(failing->result.response && failing->result.response->status / 100 == 2);
    const QUrl url = post ? failing->request.url : c.target.modelsUrl();

    QStringList parts{u"curl"_s, u"-sS"_s, u"-i"_s};
    // Timings as llmdoctor measures them, for comparison.
    parts << u"-w"_s
          << shellQuoted(
                 u"\\nnamelookup %{time_namelookup}s connect %{time_connect}s tls %{time_appconnect}s "
                 "first byte %{time_starttransfer}s total %{time_total}s\\n"_s);
    if (post)
        parts << u"-X"_s << u"POST"_s;
    // The key from the environment: double quotes so the shell fills it in.
    const bool keyed = !c.target.apiKey.trimmed().isEmpty() && p.auth != u"none";
    for (const auto &[name, value] : p.authHeaders(keyed ? QByteArray("KEY") : QByteArray())) {
        QString v = QString::fromLatin1(value);
        if (v.endsWith(u"KEY"_s) && (name.compare("authorization", Qt::CaseInsensitive) == 0 ||
                                     name.compare("x-api-key", Qt::CaseInsensitive) == 0 ||
                                     name.compare("api-key", Qt::CaseInsensitive) == 0)) {
            v.chop(3);
            parts << u"-H"_s << u"\"%1: %2$%3\""_s.arg(QString::fromLatin1(name), v, var);
        } else {
            parts << u"-H"_s << shellQuoted(QString::fromLatin1(name) + u": "_s + v);
        }
    }
    if (post) {
        parts << u"-H"_s << shellQuoted(u"Content-Type: application/json"_s);
        parts << u"-d"_s << shellQuoted(QString::fromUtf8(failing->request.body));
    }
    if (c.proxy.proxy)
        parts << u"-x"_s << shellQuoted(proxyForDisplay(*c.proxy.proxy)); // credentials: add them yourself
    else
        parts << u"--noproxy"_s << shellQuoted(u"*"_s);
    if (!c.target.caFile.isEmpty())
        parts << u"--cacert"_s << shellQuoted(c.target.caFile);
    parts << u"--max-time"_s << QString::number(std::max(1, c.target.timeoutMs / 1000));
    parts << shellQuoted(shownUrl(url));
    return parts.join(u' ');
}

} // namespace llmdoctor::core
