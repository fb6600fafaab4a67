#include "findings.h"

#include "../checks/diagnosis.h"
#include "../diagnosis/errorclassifier.h"
#include "../monitor/monitor.h"
#include "../target/proxychoice.h"
#include "../target/redactor.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

RunTarget RunTarget::of(const Target &t)
{
    RunTarget r;
    r.address = shownUrl(t.baseUrl);
    r.provider = t.provider;
    r.model = t.model;
    // Keys differ in a single character; a hash tells them apart and holds nothing to redact.
    if (!t.apiKey.trimmed().isEmpty())
        r.keyTag = QCryptographicHash::hash(t.apiKey, QCryptographicHash::Sha256).toHex().left(16);
    switch (t.proxy.mode) {
    case ProxyChoice::Mode::Auto:
        r.proxy = u"auto"_s;
        break;
    case ProxyChoice::Mode::None:
        r.proxy = u"none"_s;
        break;
    case ProxyChoice::Mode::System:
        r.proxy = u"system"_s;
        break;
    case ProxyChoice::Mode::Explicit:
        r.proxy = proxyForDisplay(t.proxy.url);
        break;
    }
    return r;
}

const CheckResult *Findings::check(const QString &id) const
{
    for (const CheckResult &r : checks) {
        if (r.id == id)
            return &r;
    }
    return nullptr;
}

std::optional<Findings::Timing> Findings::timing() const
{
    if (!context.modelList)
        return std::nullopt;
    const ExchangeResult &x = *context.modelList;
    Timing t;
    t.phases = PhaseDurations::fromMarks(x.marks);
    t.status = x.response ? x.response->status : 0;
    if (!x.ok() && !x.response)
        t.failedPhase = failedPhaseOf(x.marks, context.target.baseUrl.scheme() == u"https", &t.failedPhaseMs);
    return t;
}

namespace {

// Every string of the findings through one redactor: the only place secrets are removed.
class Scrub final
{
public:
    explicit Scrub(const Redactor &r) : m_r(r) {}

    void operator()(QString &s) const { s = m_r.apply(s); }
    void operator()(QByteArray &b) const { b = m_r.apply(b); }
    void operator()(QStringList &list) const
    {
        for (QString &s : list)
            (*this)(s);
    }
    void operator()(QUrl &url) const
    {
        if (!url.isEmpty())
            url = QUrl(m_r.apply(url.toString(QUrl::FullyEncoded)));
    }
    void operator()(HeaderList &headers) const
    {
        for (auto &[name, value] : headers)
            value = Redactor::isSecretHeader(name) ? m_r.headerValue(name, value).toUtf8() : m_r.apply(value);
    }
    void operator()(HttpResponse &response) const
    {
        (*this)(response.headers);
        (*this)(response.body);
    }
    void operator()(ExchangeResult &x) const
    {
        (*this)(x.error);
        if (x.response)
            (*this)(*x.response);
        if (x.proxyResponse)
            (*this)(*x.proxyResponse);
    }
    void operator()(QList<QPair<QString, QString>> &pairs) const
    {
        for (auto &[k, v] : pairs)
            (*this)(v);
    }
    void operator()(Verdict &v) const
    {
        (*this)(v.headline);
        (*this)(v.explanation);
        (*this)(v.nextSteps);
        for (Snippet &s : v.snippets) {
            (*this)(s.title);
            (*this)(s.code);
        }
        for (AlsoFound &a : v.alsoFound)
            (*this)(a.headline);
    }
    void operator()(CheckResult &r) const
    {
        (*this)(r.summary);
        (*this)(r.details);
        (*this)(r.evidence);
        (*this)(r.advice);
        (*this)(r.facts.providerMessage);
        (*this)(r.facts.error);
        (*this)(r.facts.movedTo);
        (*this)(r.facts.pageTitle);
        (*this)(r.facts.requestIds);
    }
    void operator()(QJsonObject &o) const
    {
        o = QJsonDocument::fromJson(m_r.apply(QJsonDocument(o).toJson(QJsonDocument::Compact))).object();
    }

private:
    const Redactor &m_r;
};

} // namespace

Findings buildFindings(const ReportSources &sources)
{
    Q_ASSERT(sources.diagnosis);
    const Diagnosis &d = *sources.diagnosis;
    const DiagnosisContext &c = d.context();
    const Redactor redactor(c.target, c.proxy.proxy);
    const Scrub scrub(redactor);

    Findings f;
    f.target = RunTarget::of(c.target);
    f.startedAt = d.startedAt();
    f.durationMs = d.durationMs();
    f.checks = d.results();
    f.verdict = d.verdict();
    f.environment = environmentFacts(c);
    f.requestIds = requestIdFacts(c);
    f.support = supportMessage(d);
    f.curl = curlCommand(c);
    f.keyShown = c.target.apiKey.trimmed().isEmpty() ? QString() : redactKey(c.target.apiKey);

    f.context = c;
    Target &t = f.context.target;
    t.apiKey.clear();
    t.proxy.url = t.proxy.url.adjusted(QUrl::RemoveUserInfo);
    if (f.context.proxy.proxy)
        f.context.proxy.proxy = f.context.proxy.proxy->adjusted(QUrl::RemoveUserInfo);
    scrub(t.baseUrl);
    scrub(t.baseUrlText);
    scrub(t.errorText);
    for (RecordedExchange &x : f.context.exchanges) {
        scrub(x.request.url);
        scrub(x.request.headers);
        scrub(x.request.body);
        if (x.request.proxy)
            x.request.proxy = x.request.proxy->adjusted(QUrl::RemoveUserInfo);
        scrub(x.result);
    }
    if (f.context.modelList)
        scrub(*f.context.modelList);

    for (CheckResult &r : f.checks)
        scrub(r);
    scrub(f.verdict);
    scrub(f.environment);
    scrub(f.requestIds);
    scrub(f.support.to);
    scrub(f.support.subject);
    scrub(f.support.body);
    scrub(f.curl);

    if (!t.errorText.trimmed().isEmpty()) {
        const ErrorSignature sig = classifyErrorText(t.errorText);
        f.pasted = PastedError{t.errorText, readPastedError(sig, c.target), sig.hops, sig.certainty()};
        scrub(f.pasted->reading);
    }

    // Runs made against another target are another story: never shown with this one.
    if (const Retrier *r = sources.retry;
        r && !r->attempts().isEmpty() && RunTarget::of(r->target()) == f.target) {
        RetryRun run{f.target, r->outcome(), r->attempts(), r->samples(), r->toJson()};
        run.json.remove(u"schema"_s);
        run.json.remove(u"target"_s);
        for (RetryAttempt &a : run.attempts) {
            scrub(a.summary);
            scrub(a.waitReason);
        }
        scrub(run.json);
        f.retry = std::move(run);
    }
    if (const Monitor *m = sources.monitor;
        m && !m->samples().isEmpty() && RunTarget::of(m->target()) == f.target) {
        MonitorRun run{f.target, m->options().intervalS, m->samples(), m->stats(), m->signatures()};
        f.monitor = std::move(run);
    }
    if (c.path && !c.path->method.isEmpty())
        f.path = *c.path;
    else if (sources.path && !sources.path->method.isEmpty() && (!sources.monitor || f.monitor))
        f.path = *sources.path;
    return f;
}

} // namespace llmdoctor::core
