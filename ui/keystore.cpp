#include "keystore.h"

#include <qt6keychain/keychain.h>

namespace llmdoctor::ui {

using namespace Qt::StringLiterals;

namespace {

const auto serviceName = u"llmdoctor"_s;

// Every job: no plain-text fallback (QtKeychain's insecureFallback would write the key into an
// INI file when no keychain answers), deleted once finished.
template <typename Job> Job *makeJob(QObject *parent)
{
    auto *job = new Job(serviceName, parent);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    return job;
}

} // namespace

KeyStore::KeyStore(QObject *parent) : QObject(parent) {}

QString KeyStore::accountFor(const core::Target &target)
{
    const QString who =
        target.provider.isEmpty()
            ? target.baseUrl.host() +
                  (target.baseUrl.port() > 0 ? u":"_s + QString::number(target.baseUrl.port()) : QString())
            : target.provider;
    return u"api-key/"_s + who;
}

void KeyStore::setState(State state, const QString &problem)
{
    const bool changed = state != m_state || problem != m_problem;
    m_state = state;
    m_problem = problem;
    if (changed)
        emit stateChanged(state);
}

namespace {

// What a failed job means for the person at the keyboard; empty when the keychain works.
QString problemFor(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
    case QKeychain::EntryNotFound: // a working keychain without our entry
        return {};
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return KeyStore::tr("The system keychain refused access, so the key is kept in memory only.");
    default:
        return KeyStore::tr(
            "No system keychain is available on this computer, so the key is kept in memory only.");
    }
}

} // namespace

void KeyStore::read(const QString &account)
{
    auto *job = makeJob<QKeychain::ReadPasswordJob>(this);
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, this, [this, job, account] {
        const QString problem = problemFor(job->error());
        setState(problem.isEmpty() ? State::Available : State::Unavailable, problem);
        if (job->error() == QKeychain::NoError && !job->binaryData().isEmpty())
            emit keyRead(account, job->binaryData());
    });
    job->start();
}

void KeyStore::write(const QString &account, const QByteArray &key)
{
    auto *job = makeJob<QKeychain::WritePasswordJob>(this);
    job->setKey(account);
    job->setBinaryData(key);
    connect(job, &QKeychain::Job::finished, this, [this, job] {
        const QString problem = problemFor(job->error());
        setState(problem.isEmpty() ? State::Available : State::Unavailable, problem);
        emit written(problem.isEmpty());
    });
    job->start();
}

void KeyStore::remove(const QString &account)
{
    auto *job = makeJob<QKeychain::DeletePasswordJob>(this);
    job->setKey(account);
    // Nothing to report: an entry that was never written is as good as a deleted one.
    connect(job, &QKeychain::Job::finished, this, [this, job] {
        if (const QString problem = problemFor(job->error()); !problem.isEmpty())
            setState(State::Unavailable, problem);
    });
    job->start();
}

} // namespace llmdoctor::ui
