#include "phasetimings.h"

namespace llmdoctor::core {

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
