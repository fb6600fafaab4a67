#pragma once

#include "check.h"

#include <QPointer>

namespace llmdoctor::core {

class KeepAliveProbe;
struct KeepAliveResult;

// "Does the server keep idle connections open?": reuses one connection after idle pauses of
// 1, 2, 4 and 8 s to find the idle time after which the server or a hop closes it. A client
// that pools connections longer than that sees "reset before headers" now and then. It takes up
// to ~15 s, so it runs only when the user asks for it (Target::checkKeepAlive).
class KeepAliveCheck final : public Check
{
    Q_OBJECT
public:
    explicit KeepAliveCheck(QObject *parent = nullptr);

    static QList<int> pausesMs() { return {1000, 2000, 4000, 8000}; }

protected:
    void run() override;
    void abort() override;

private:
    void onDone(const KeepAliveResult &result);
    QPointer<KeepAliveProbe> m_probe;
};

} // namespace llmdoctor::core
