#include "hostlookup.h"

#include "background.h"

namespace llmdoctor::core {

HostLookup::HostLookup(QObject *parent) : QObject(parent) {}

void HostLookup::lookup(const QString &host)
{
    BackgroundTask::run<QHostInfo>(
        this, [host] { return QHostInfo::fromName(host); },
        [this](const QHostInfo &info) { emit finished(info); });
}

} // namespace llmdoctor::core
