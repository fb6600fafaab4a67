#include "phasetimings.h"

#include <QCoreApplication>
#include <QLocale>
#include <algorithm>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

QString phaseName(Phase phase)
{
    switch (phase) {
    case Phase::None:
        return {};
    case Phase::Dns:
        return u"dns"_s;
    case Phase::Connect:
        return u"connect"_s;
    case Phase::Tls:
        return u"tls"_s;
    case Phase::Ttfb:
        return u"ttfb"_s;
    case Phase::Body:
        return u"body"_s;
    }
    return {};
}

QString plainDuration(double ms)
{
    if (ms < 0)
        return QCoreApplication::translate("Phase", "an unknown time");
    if (ms >= 1000)
        return QCoreApplication::translate("Phase", "%1 s").arg(QLocale().toString(ms / 1000, 'f', 1));
    return QCoreApplication::translate("Phase", "%1 ms").arg(QLocale().toString(ms, 'f', ms < 10 ? 1 : 0));
}

QString failedPhaseSentence(Phase phase, double ms)
{
    const QString t = plainDuration(ms);
    switch (phase) {
    case Phase::None:
        return {};
    case Phase::Dns:
        return QCoreApplication::translate("Phase", "Spent %1 looking up the server's name; no address came.")
            .arg(t);
    case Phase::Connect:
        return QCoreApplication::translate("Phase",
                                           "Spent %1 trying to connect; the connection never opened.")
            .arg(t);
    case Phase::Tls:
        return QCoreApplication::translate(
                   "Phase", "Spent %1 setting up the secure connection (TLS); it never finished.")
            .arg(t);
    case Phase::Ttfb:
        return QCoreApplication::translate("Phase", "Waited %1 for an answer that never came.").arg(t);
    case Phase::Body:
        return QCoreApplication::translate("Phase",
                                           "The answer began, then %1 passed without the rest of it.")
            .arg(t);
    }
    return {};
}

Phase failedPhaseOf(const PhaseMarks &m, bool tls, double *ms)
{
    Phase phase = Phase::Body;
    double since = m.startTransfer;
    if (m.nameLookup < 0) {
        phase = Phase::Dns;
        since = 0;
    } else if (m.connect < 0) {
        phase = Phase::Connect;
        since = m.nameLookup;
    } else if (tls && m.appConnect < 0) {
        phase = Phase::Tls;
        since = m.connect;
    } else if (m.startTransfer < 0) {
        phase = Phase::Ttfb;
        // Sending the request is part of the wait: it is a few microseconds on an open socket.
        since = m.appConnect >= 0 ? m.appConnect : m.connect;
    }
    if (ms)
        *ms = m.total >= 0 ? std::max(0.0, m.total - since) : -1;
    return phase;
}

PhaseDurations PhaseDurations::fromMarks(const PhaseMarks &m)
{
    PhaseDurations d;
    d.dns = m.nameLookup;
    if (m.connect >= 0 && m.nameLookup >= 0)
        d.connect = m.connect - m.nameLookup;
    if (m.appConnect >= 0 && m.connect >= 0)
        d.tls = m.appConnect - m.connect;
    if (m.startTransfer >= 0 && m.preTransfer >= 0)
        d.ttfb = m.startTransfer - m.preTransfer;
    d.total = m.total;
    return d;
}

} // namespace llmdoctor::core
