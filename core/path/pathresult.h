#pragma once

#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <vector>

namespace llmdoctor::core {

// One hop of the route: the router (or the destination) that answered probes sent with this TTL.
struct PathHop
{
    int ttl = 0;
    QHostAddress address; // null when nothing at this distance ever answered
    int sent = 0;
    int lost = 0;
    std::vector<double> rttsMs; // of the answered probes
    bool destination = false;   // the answer came from the destination itself

    double loss() const { return sent > 0 ? double(lost) / sent : 0; }
    bool answered() const { return sent > lost; }
    double rttPercentile(double p) const; // -1 when no probe was answered
};

// The route to a host, hop by hop, as `llmdoctor path` and the path check find it.
struct PathResult
{
    QString target;           // the host name asked for
    QHostAddress destination; // its address, as probed
    QString method;           // "udp" (tracepath's way), "icmp" (unprivileged ping socket), "windows"
    bool reached = false;
    bool cancelled = false;
    QString error; // why the trace could not run (or ended early); empty when it did
    QList<PathHop> hops;
    double durationMs = 0;

    // {"schema": "llmdoctor.path/1", "target", "destination", "reached", "method", "hops": [...]}
    QJsonObject toJson() const;
};

// How an expert reads the hops: loss that starts at a hop and lasts to the end is real loss on
// the link to that hop; loss at middle hops only is routers rate-limiting their answers.
struct PathAssessment
{
    enum class Where
    {
        None,     // no loss to the end of the path
        Local,    // from hop 1: your Wi-Fi, cable or own router
        Network,  // from a hop inside the networks in between (your internet provider, transit)
        Provider, // only at the destination: the API's own edge
    };
    Where where = Where::None;
    int startsAtTtl = 0;        // the first hop of the loss that lasts to the end
    QHostAddress startsAt;      // its address
    double endLoss = 0;         // loss share at the last hop that answered
    QList<int> rateLimitedTtls; // middle hops that drop answers while later ones do not

    bool lossFound() const { return where != Where::None; }
    QString blame() const;    // "local" | "network" | "provider" | "none"
    QString sentence() const; // one plain sentence about it
};

PathAssessment assessPath(const PathResult &path);

// The path as a table, one line a hop, with how an expert reads it (llmdoctor path, text reports).
QString pathTable(const PathResult &path);

} // namespace llmdoctor::core
