#pragma once

#include "sample.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <vector>

namespace llmdoctor::core {

// A pattern across many probes that one request cannot show.
struct TimingSignature
{
    // fixed_time_failure | reset_after_idle | ipv6_failing | ipv6_slower | packet_loss | jitter
    QString kind;
    double seconds = 0; // the elapsed time, idle time or extra delay the pattern is about
    int count = 0;      // probes that show it
    QString likely;     // who most likely causes it, in plain words
    QString advice;     // what to do about it
    double share = -1;  // packet_loss: the estimated share of packets lost (0..1); -1 = not applicable

    QJsonObject toJson() const;
};

struct SignatureContext
{
    double probeTimeoutS = 30; // our own limit per probe: failures at it are ours, not a hop's
    bool viaProxy = false;
};

// What connect times say about lost packets. A lost SYN or SYN-ACK costs the kernel's
// retransmission timeout: the connect ends about 1 s (or 2, 3, 4, 7 s, …; 3 s, 9 s on Windows)
// after the others. Connects that end there are counted as retransmitted, the rest must be fast.
struct LossEstimate
{
    int connects = 0;        // connects measured
    int delayed = 0;         // of them, ended at a retransmission delay
    int retransmissions = 0; // handshake rounds lost, summed over the delayed ones
    double baseMs = -1;      // the usual connect time (median of the undelayed ones)
    double share = 0;        // estimated share of packets lost, per packet and direction (0..1)

    // Enough evidence to say packets are lost.
    bool lossFound() const;
};
LossEstimate estimateLoss(const std::vector<float> &connectMs);

// Looks for the timing signatures of DESIGN/KNOWLEDGE §5 in a run's samples.
QList<TimingSignature> detectSignatures(const SampleStore &store, const SignatureContext &context);

} // namespace llmdoctor::core
