#pragma once

#include "sample.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace llmdoctor::core {

// A pattern across many probes that one request cannot show.
struct TimingSignature
{
    // fixed_time_failure | reset_after_idle | ipv6_failing | ipv6_slower
    QString kind;
    double seconds = 0; // the elapsed time, idle time or extra delay the pattern is about
    int count = 0;      // probes that show it
    QString likely;     // who most likely causes it, in plain words
    QString advice;     // what to do about it

    QJsonObject toJson() const;
};

struct SignatureContext
{
    double probeTimeoutS = 30; // our own limit per probe: failures at it are ours, not a hop's
    bool viaProxy = false;
};

// Looks for the timing signatures of DESIGN/KNOWLEDGE §5 in a run's samples.
QList<TimingSignature> detectSignatures(const SampleStore &store, const SignatureContext &context);

} // namespace llmdoctor::core
