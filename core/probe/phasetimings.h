#pragma once

#include <QString>

namespace llmdoctor::core {

// Where an HTTP exchange was when it ended: the phase it failed in.
enum class Phase : quint8
{
    None,
    Dns,
    Connect,
    Tls,
    Ttfb, // request sent, waiting for the first byte of the answer
    Body,
};
QString phaseName(Phase phase);     // "dns", "connect", "tls", "ttfb", "body"; empty for None
QString plainDuration(double ms);   // "8.0 s", "9.5 ms", translated
// Where a failed request's time went, in one sentence: "Waited 8.0 s for an answer that never came."
QString failedPhaseSentence(Phase phase, double ms);

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

// The phase a failed exchange died in, from the marks it reached and the time it ended
// (m.total); *ms is how long it spent in that phase. tls: whether a TLS phase was due.
Phase failedPhaseOf(const PhaseMarks &m, bool tls, double *ms = nullptr);

} // namespace llmdoctor::core
