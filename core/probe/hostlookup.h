#pragma once

#include <QHostInfo>
#include <QObject>

namespace llmdoctor::core {

// A fresh DNS lookup on a worker thread. QHostInfo::lookupHost answers from a one-minute cache,
// which would hide a failure that just started; a diagnosis must ask the resolver every time.
// Cancelling is deleting the object: a late answer is then dropped.
class HostLookup final : public QObject
{
    Q_OBJECT
public:
    explicit HostLookup(QObject *parent = nullptr);

    void lookup(const QString &host);

signals:
    void finished(const QHostInfo &info);
};

} // namespace llmdoctor::core
