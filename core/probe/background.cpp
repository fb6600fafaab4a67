#include "background.h"

#include <QCoreApplication>
#include <QSslSocket>

namespace llmdoctor::core {

BackgroundTask::BackgroundTask(QObject *context) : QObject(context), m_guard(std::make_shared<Guard>())
{
    m_guard->owner = this;
}

BackgroundTask::~BackgroundTask()
{
    QMutexLocker lock(&m_guard->mutex);
    m_guard->owner = nullptr;
}

QThreadPool *BackgroundTask::pool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(16);
        p->setExpiryTimeout(30000);
        // A lookup still running while the process exits would race the library teardown (seen as
        // heap corruption at exit): let running work finish first, for a bounded time.
        qAddPostRoutine([] { BackgroundTask::pool()->waitForDone(3000); });
        return p;
    }();
    return pool;
}

void warmUpTls()
{
    BackgroundTask::pool()->start([] {
        QSslSocket::supportsSsl();
        QSslSocket first; // the first socket finishes the backend's set-up
    });
}

} // namespace llmdoctor::core
