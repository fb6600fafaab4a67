#pragma once

namespace llmdoctor::core {

// Milestones measured from the start of an exchange, in ms, the way curl -w reports
// time_namelookup, time_connect, time_appconnect, time_pretransfer, time_starttransfer and
// time_total. A milestone that was not reached is negative.
struct PhaseMarks
{
    double nameLookup = -1;
    double connect = -1;
    double appConnect = -1; // TLS done; stays negative for plain http
    double preTransfer = -1;
    double startTransfer = -1;
    double total = -1;
};

// Durations of each phase, in ms: what the report and the charts show.
struct PhaseDurations
{
    double dns = -1;
    double connect = -1;
    double tls = -1;  // negative for plain http
    double ttfb = -1; // request sent -> first response byte (server think time + one round trip)
    double total = -1;

    static PhaseDurations fromMarks(const PhaseMarks &m);
};

} // namespace llmdoctor::core
