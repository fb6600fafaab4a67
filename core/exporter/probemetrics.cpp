#include "probemetrics.h"

#include "../checks/diagnosis.h"
#include "../checks/diagnosiscontext.h"
#include "../diagnosis/ratelimit.h"
#include "../monitor/probe.h"
#include "../monitor/sample.h"

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

void addExchangeFacts(ProbeMetrics &m, const ExchangeResult &x, bool https)
{
    const PhaseDurations d = PhaseDurations::fromMarks(x.marks);
    const double values[] = {d.dns, d.connect, d.tls, d.ttfb, d.total};
    for (qsizetype i = 0; i < samplePhases().size(); ++i) {
        if (values[i] >= 0)
            m.phases.append({samplePhases().at(i), values[i] / 1000.0});
    }
    m.httpStatus = x.response ? x.response->status : 0;
    if (x.response) {
        const QMap<QString, double> limits = parsedRateLimits(x.response->headers);
        if (limits.contains(u"retry_after_s"_s))
            m.retryAfterS = limits.value(u"retry_after_s"_s);
    }
    if (https && !x.tls.chain.isEmpty() && x.tls.chain.first().expiry.isValid())
        m.certExpiry = x.tls.chain.first().expiry;
}

} // namespace

ProbeMetrics ProbeMetrics::fromDiagnosis(const Diagnosis &diagnosis)
{
    ProbeMetrics m;
    const DiagnosisContext &c = diagnosis.context();
    const Verdict v = diagnosis.verdict();
    m.category = v.categoryName();
    m.blame = v.blameName();
    m.success = m.category == u"ok";
    m.durationS = diagnosis.durationMs() / 1000.0;
    for (const CheckResult &r : diagnosis.results())
        m.checks.append({r.id, checkStatusName(r.status)});
    if (c.modelList)
        addExchangeFacts(m, *c.modelList, c.target.baseUrl.scheme() == u"https");
    if (c.statusPage)
        m.statusPageIncident = assessStatus(*c.statusPage, c.statusComponents).apiAffected;
    return m;
}

ProbeMetrics ProbeMetrics::fromProbeOutcome(const ProbeOutcome &outcome, double durationS)
{
    ProbeMetrics m;
    m.category = categoryName(outcome.category);
    m.blame = verdictFromAdvice(m.category, categoryOr(m.category), {}).blameName();
    m.success = m.category == u"ok";
    m.durationS = durationS;
    addExchangeFacts(m, outcome.exchange, outcome.exchange.tls.attempted);
    return m;
}

void writeProbeMetrics(MetricsText &text, const ProbeMetrics &m, const MetricLabels &extra)
{
    using T = MetricsText::Type;
    auto with = [&extra](MetricLabels labels) {
        MetricLabels all = extra;
        all.append(labels);
        return all;
    };
    text.family(u"llmdoctor_probe_success"_s, T::Gauge, u"1 when the checks found nothing wrong"_s);
    text.sample(u"llmdoctor_probe_success"_s, m.success ? 1 : 0, extra);
    text.family(u"llmdoctor_probe_duration_seconds"_s, T::Gauge, u"How long the probe took"_s);
    text.sample(u"llmdoctor_probe_duration_seconds"_s, m.durationS, extra);
    if (!m.phases.isEmpty()) {
        text.family(u"llmdoctor_phase_duration_seconds"_s, T::Gauge,
                    u"Duration of each phase of the model-list request"_s);
        for (const auto &[phase, seconds] : m.phases)
            text.sample(u"llmdoctor_phase_duration_seconds"_s, seconds, with({{u"phase"_s, phase}}));
    }
    text.family(u"llmdoctor_http_status_code"_s, T::Gauge, u"HTTP status of the API's answer, 0 for none"_s);
    text.sample(u"llmdoctor_http_status_code"_s, m.httpStatus, extra);
    text.family(u"llmdoctor_verdict_info"_s, T::Gauge,
                u"The verdict: what is wrong and whose side it is on"_s);
    text.sample(u"llmdoctor_verdict_info"_s, 1, with({{u"category"_s, m.category}, {u"blame"_s, m.blame}}));
    if (!m.checks.isEmpty()) {
        text.family(u"llmdoctor_check_status"_s, T::Gauge, u"1 for the status each check ended with"_s);
        static const QStringList statuses{u"pass"_s, u"warn"_s, u"fail"_s, u"skip"_s};
        for (const auto &[check, status] : m.checks) {
            for (const QString &s : statuses)
                text.sample(u"llmdoctor_check_status"_s, s == status ? 1 : 0,
                            with({{u"check"_s, check}, {u"status"_s, s}}));
        }
    }
    if (m.statusPageIncident) {
        text.family(u"llmdoctor_status_page_incident"_s, T::Gauge,
                    u"1 while the provider's status page reports a problem touching the API"_s);
        text.sample(u"llmdoctor_status_page_incident"_s, *m.statusPageIncident ? 1 : 0, extra);
    }
    if (m.retryAfterS) {
        text.family(u"llmdoctor_retry_after_seconds"_s, T::Gauge, u"How long the server asked to wait"_s);
        text.sample(u"llmdoctor_retry_after_seconds"_s, *m.retryAfterS, extra);
    }
    if (m.certExpiry) {
        text.family(u"llmdoctor_tls_cert_expiry_timestamp_seconds"_s, T::Gauge,
                    u"When the server's certificate expires, in seconds since 1970"_s);
        text.sample(u"llmdoctor_tls_cert_expiry_timestamp_seconds"_s,
                    double(m.certExpiry->toSecsSinceEpoch()), extra);
    }
}

QByteArray probeMetricsText(const ProbeMetrics &metrics, MetricsFormat format,
                            const MetricLabels &extraLabels)
{
    MetricsText text(format);
    writeProbeMetrics(text, metrics, extraLabels);
    return text.finish();
}

} // namespace llmdoctor::core
