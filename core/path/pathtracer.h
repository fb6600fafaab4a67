#pragma once

#include "pathresult.h"

#include <QObject>
#include <QThread>
#include <atomic>
#include <functional>
#include <memory>

namespace llmdoctor::core {

struct PathOptions
{
    QString target;           // the host name, for the result
    QHostAddress destination; // resolved already
    int probes = 10;          // per hop
    int maxHops = 30;
    int roundIntervalMs = 1000; // routers answer about one probe a second per sender (Linux:
                                // net.ipv4.icmp_ratelimit); faster rounds would look like loss
    int replyTimeoutMs = 2000;  // a probe unanswered after this is lost
    int deadlineMs = 60000;     // the whole trace
    bool allowIcmp = true;      // use an unprivileged ICMP socket where the system allows one
};

// The blocking trace, for a worker thread: rounds of probes with rising TTL, one round every
// roundIntervalMs, without privileges (Linux: UDP or ping sockets with IP_RECVERR, the way
// tracepath works; Windows: IcmpSendEcho2; other systems: a ping socket). progress() gets the
// result so far after each round; cancelled is polled at least every 100 ms.
PathResult tracePath(const PathOptions &options, const std::atomic<bool> &cancelled,
                     const std::function<void(const PathResult &)> &progress = {});

// The trace on a thread of its own. Exactly one finished() per start(); cancel() at any time
// (the thread ends within ~100 ms); deleting the tracer cancels and waits for it.
class PathTracer final : public QObject
{
    Q_OBJECT
public:
    explicit PathTracer(PathOptions options, QObject *parent = nullptr);
    ~PathTracer() override;

    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    const PathOptions &options() const { return m_options; }

signals:
    void progress(const llmdoctor::core::PathResult &partial);
    void finished(const llmdoctor::core::PathResult &result);

private:
    void stopThread();

    PathOptions m_options;
    std::shared_ptr<std::atomic<bool>> m_cancelled = std::make_shared<std::atomic<bool>>(false);
    QThread *m_thread = nullptr;
    bool m_running = false;
    bool m_done = false;
};

} // namespace llmdoctor::core

Q_DECLARE_METATYPE(llmdoctor::core::PathResult)
