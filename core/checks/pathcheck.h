#pragma once

#include "check.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTcpSocket>
#include <vector>

namespace llmdoctor::core {

class PathTracer;
struct PathResult;

// "Does your connection lose packets?": a short burst of TCP connects to the API's port, in
// parallel with the other checks. A lost SYN or SYN-ACK shows as a connect that ends about 1 s
// late (the kernel's retransmission), so one run can already say that packets are lost.
class ConnectBurstCheck final : public Check
{
    Q_OBJECT
public:
    explicit ConnectBurstCheck(QObject *parent = nullptr);

    static constexpr int connects = 16;
    static constexpr int spacingMs = 10; // 16 SYNs in 150 ms: cheap, and no burst for a router
    static constexpr int waitMs = 1600;  // per connect: long enough for one retransmission

protected:
    void run() override;
    void abort() override;

private:
    void launch();
    void onDone(int index);
    void finishUp();

    QList<QPointer<QTcpSocket>> m_sockets;
    std::vector<QElapsedTimer> m_clocks;
    std::vector<float> m_ms; // -1 while running; -2 refused or unreachable; -3 not connected in time
    int m_launched = 0;
    int m_open = 0;
};

// "Where on the way are packets lost?" (opt-in, Target::checkPath): the route hop by hop.
class PathCheck final : public Check
{
    Q_OBJECT
public:
    explicit PathCheck(QObject *parent = nullptr);

    static constexpr int probes = 8; // enough to tell loss of a third of the packets from chance

protected:
    void run() override;
    void abort() override;

private:
    void onDone(const PathResult &result);
    QPointer<PathTracer> m_tracer;
};

} // namespace llmdoctor::core
