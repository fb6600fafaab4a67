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
//
// The share is read from each connect's first handshake round only: it is clean (fast) exactly when
// neither the SYN nor the SYN-ACK was lost, with probability (1 - p)². Later rounds are no fair
// sample: after a lost SYN-ACK the server resends it on its own timer while the client resends its
// SYN, so a retried round succeeds more often than a first one, and counting rounds lost under-
// estimates p. Connects that never completed within the deadline lost their first round too.
// The same holds for any time that holds exactly one hidden handshake (an answer through a proxy
// or gateway that connects upstream for it): a lost data packet costs the RTO (200 ms or more),
// which stays among the fast ones, and the first round decides as before.
struct LossEstimate
{
    int connects = 0;        // connects measured (that completed)
    int unfinished = 0;      // connects that never completed within the deadline
    int fast = 0;            // of the measured, ended at the usual time: first round clean
    int delayed = 0;         // of the measured, ended at a retransmission delay
    int retransmissions = 0; // handshake rounds lost, summed over the delayed ones
    double baseMs = -1;      // the usual connect time (median of the undelayed ones)
    double share = 0;        // estimated share of packets lost, per packet and direction (0..1)

    // Enough evidence to say packets are lost.
    bool lossFound() const;
};
LossEstimate estimateLoss(const std::vector<float> &connectMs, int unfinished = 0);

// Looks for the timing signatures of DESIGN/KNOWLEDGE §5 in a run's samples.
QList<TimingSignature> detectSignatures(const SampleStore &store, const SignatureContext &context);

} // namespace llmdoctor::core
