#pragma once

#include <QMetaObject>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <functional>
#include <memory>

namespace llmdoctor::core {

// Runs work() on a worker thread and hands its result to done() on the context object's thread.
// If the context is destroyed first, done() is dropped. For calls that may block for long and
// cannot be made asynchronous otherwise (getaddrinfo, libproxy's system proxy query, loading the
// TLS library), so that the window never freezes.
class BackgroundTask final : public QObject
{
    Q_OBJECT
public:
    template <typename Result>
    static void run(QObject *context, std::function<Result()> work, std::function<void(Result)> done)
    {
        auto *task = new BackgroundTask(context);
        std::shared_ptr<Guard> guard = task->m_guard;
        pool()->start([guard, work = std::move(work), done = std::move(done)]() mutable {
            Result result = work();
            QMutexLocker lock(&guard->mutex);
            if (BackgroundTask *owner = guard->owner) {
                QMetaObject::invokeMethod(
                    owner,
                    [owner, done = std::move(done), result = std::move(result)]() mutable {
                        // done() may delete the context, and this task with it.
                        const QPointer<BackgroundTask> self(owner);
                        done(std::move(result));
                        if (self)
                            self->deleteLater();
                    },
                    Qt::QueuedConnection);
            }
        });
    }

    ~BackgroundTask() override;

    // A pool of its own: a stuck resolver or proxy query must not starve Qt's global pool.
    static QThreadPool *pool();

private:
    struct Guard
    {
        QMutex mutex;
        BackgroundTask *owner = nullptr;
    };
    explicit BackgroundTask(QObject *context);
    std::shared_ptr<Guard> m_guard;
};

// Loads the TLS library on a worker thread, so the first secure connection does not stall the
// window (a one-off cost of tens of milliseconds).
void warmUpTls();

} // namespace llmdoctor::core
