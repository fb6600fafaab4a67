#include "monitor.h"

#include "../probe/background.h"

#include <QIODevice>
#include <QJsonArray>
#include <cmath>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

Monitor::Monitor(Target target, MonitorOptions options, QObject *parent)
    : QObject(parent), m_target(std::move(target)), m_options(options)
{
    m_options.intervalS = std::max(std::max(0.0, m_options.minimumIntervalS), m_options.intervalS);
    m_interval.setTimerType(Qt::PreciseTimer);
    m_end.setSingleShot(true);
    connect(&m_interval, &QTimer::timeout, this, &Monitor::onTick);
    connect(&m_end, &QTimer::timeout, this, &Monitor::stop);
}

Monitor::~Monitor()
{
    if (m_probe)
        m_probe->disconnect(this);
}

double Monitor::probeTimeoutMs() const
{
    const int ms =
        m_options.probeTimeoutMs > 0 ? m_options.probeTimeoutMs : std::min(m_target.timeoutMs, 30000);
    return std::max(100, ms);
}

bool Monitor::prepare(QString *error)
{
    m_setup = prepareProbeSetup(m_target, m_env, error);
    if (m_setup)
        m_setup->timeoutMs = int(probeTimeoutMs());
    return m_setup.has_value();
}

void Monitor::start()
{
    if (m_running)
        return;
    if (!m_setup && !prepare(nullptr)) {
        emit finished();
        return;
    }
    m_running = true;
    m_samples.clear();
    m_samples.setStartedAt(QDateTime::currentDateTime());
    m_clock.start();
    if (m_options.durationS > 0)
        m_end.start(int(std::ceil(m_options.durationS * 1000)));
    auto begin = [this] {
        m_interval.start(int(std::lround(m_options.intervalS * 1000)));
        startProbe();
    };
    if (m_setup->proxy.systemQueryNeeded) {
        const Target target = m_target;
        const QProcessEnvironment env = m_env;
        BackgroundTask::run<ProxyDecision>(
            this, [target, env] { return decideProxy(target.proxy, target.baseUrl, env); },
            [this, begin](const ProxyDecision &decision) {
                m_setup->proxy = decision;
                if (m_running)
                    begin();
            });
        return;
    }
    begin();
}

void Monitor::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_interval.stop();
    m_end.stop();
    if (m_probe) {
        m_probe->disconnect(this);
        m_probe->cancel();
        m_probe->deleteLater();
    }
    emit finished();
}

void Monitor::onTick()
{
    // A probe that outlasts the interval is not overlapped: this tick is skipped.
    if (m_running && !m_probe)
        startProbe();
}

void Monitor::startProbe()
{
    ProbeSetup setup = *m_setup;
    if (m_options.alternateFamilies)
        setup.family = m_useIpv6Next ? QAbstractSocket::IPv6Protocol : QAbstractSocket::IPv4Protocol;
    m_useIpv6Next = !m_useIpv6Next;
    m_probeStartedMs = double(m_clock.nsecsElapsed()) / 1e6;
    m_probe = new Probe(setup, this);
    connect(m_probe, &Probe::finished, this, &Monitor::onProbe);
    ++m_probeCount;
    emit probeStarted();
    m_probe->start();
}

void Monitor::onProbe(const ProbeOutcome &outcome)
{
    if (m_probe) {
        m_probe->deleteLater();
        m_probe = nullptr;
    }
    if (!m_running)
        return;
    emit probeFinished(outcome);
    m_samples.append(outcome.toSample(quint32(m_probeStartedMs), m_samples));
    emit sampleAdded(m_samples.size() - 1);
}

QList<TimingSignature> Monitor::signatures() const
{
    SignatureContext context;
    context.probeTimeoutS = probeTimeoutMs() / 1000.0;
    context.viaProxy = m_setup && m_setup->proxy.proxy.has_value();
    return detectSignatures(m_samples, context);
}

namespace {

QString msField(float v)
{
    return v < 0 ? QString() : QString::number(v, 'f', 2);
}

} // namespace

bool writeSamplesCsv(const SampleStore &store, QIODevice *out)
{
    QByteArray text = "time_ms,status,category,dns_ms,connect_ms,tls_ms,ttfb_ms,total_ms\n";
    auto flush = [&] {
        const bool ok = out->write(text) == text.size();
        text.clear();
        return ok;
    };
    for (const Sample &s : store.samples()) {
        text += QString::number(s.timeMs).toLatin1() + ',' + QByteArray::number(s.status) + ',' +
                categoryName(s.category).toLatin1() + ',' + msField(s.dnsMs).toLatin1() + ',' +
                msField(s.connectMs).toLatin1() + ',' + msField(s.tlsMs).toLatin1() + ',' +
                msField(s.ttfbMs).toLatin1() + ',' + msField(s.totalMs).toLatin1() + '\n';
        if (text.size() > 64 * 1024 && !flush())
            return false;
    }
    return flush();
}

QJsonObject monitorJson(const SampleStore &store, const RunStats &stats,
                        const QList<TimingSignature> &signatures)
{
    auto ms = [](float v) {
        return v < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(std::round(v * 100) / 100);
    };
    QJsonArray samples;
    for (const Sample &s : store.samples()) {
        samples.append(QJsonObject{{u"time_ms"_s, qint64(s.timeMs)},
                                   {u"status"_s, s.status},
                                   {u"category"_s, categoryName(s.category)},
                                   {u"dns_ms"_s, ms(s.dnsMs)},
                                   {u"connect_ms"_s, ms(s.connectMs)},
                                   {u"tls_ms"_s, ms(s.tlsMs)},
                                   {u"ttfb_ms"_s, ms(s.ttfbMs)},
                                   {u"total_ms"_s, ms(s.totalMs)},
                                   {u"ip_version"_s, s.ipv6() ? 6 : 4},
                                   {u"hops"_s, QJsonArray::fromStringList(store.hops(s.hops))}});
    }
    QJsonArray sigs;
    for (const TimingSignature &sig : signatures)
        sigs.append(sig.toJson());
    return {{u"schema"_s, u"llmdoctor.monitor/1"_s},
            {u"started_at"_s, store.startedAt().toString(Qt::ISODateWithMs)},
            {u"samples"_s, samples},
            {u"stats"_s, stats.toJson()},
            {u"signatures"_s, sigs}};
}

} // namespace llmdoctor::core
