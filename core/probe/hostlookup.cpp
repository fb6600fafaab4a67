#include "hostlookup.h"

#include <QMutex>
#include <QRunnable>
#include <QThreadPool>

namespace llmdoctor::core {

struct HostLookup::Shared
{
    QMutex mutex;
    HostLookup *owner = nullptr;
};

namespace {

// getaddrinfo can block for long on a broken resolver; keep those stalls off the global pool.
QThreadPool *lookupPool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(16);
        p->setExpiryTimeout(30000);
        return p;
    }();
    return pool;
}

} // namespace

HostLookup::HostLookup(QObject *parent) : QObject(parent), m_shared(std::make_shared<Shared>())
{
    m_shared->owner = this;
}

HostLookup::~HostLookup()
{
    QMutexLocker lock(&m_shared->mutex);
    m_shared->owner = nullptr;
}

void HostLookup::lookup(const QString &host)
{
    std::shared_ptr<Shared> shared = m_shared;
    lookupPool()->start([shared, host] {
        const QHostInfo info = QHostInfo::fromName(host);
        QMutexLocker lock(&shared->mutex);
        if (HostLookup *owner = shared->owner) {
            QMetaObject::invokeMethod(
                owner, [owner, info] { emit owner->finished(info); }, Qt::QueuedConnection);
        }
    });
}

} // namespace llmdoctor::core
