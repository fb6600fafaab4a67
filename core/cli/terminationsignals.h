#pragma once

#include <QObject>
#include <csignal>
#include <functional>
#include <memory>

class QSocketNotifier;

namespace llmdoctor::core {

// Installs SIGINT/SIGTERM handlers for its lifetime and restores the previous ones afterwards,
// so Ctrl+C ends a long command (simulate, retry, monitor) through the event loop: the handler
// only writes a byte to a pipe, a notifier sees it.
class TerminationSignals final
{
public:
    TerminationSignals();
    ~TerminationSignals();
    TerminationSignals(const TerminationSignals &) = delete;
    TerminationSignals &operator=(const TerminationSignals &) = delete;

    bool ok() const { return m_ok; }
    // Calls handler on context's thread each time a signal arrives.
    void onSignal(QObject *context, std::function<void()> handler);

private:
    bool m_ok = false;
    struct sigaction m_oldInt = {};
    struct sigaction m_oldTerm = {};
    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace llmdoctor::core
