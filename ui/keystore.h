#pragma once

#include "core/target/target.h"

#include <QObject>
#include <QString>

namespace llmdoctor::ui {

// The API key in the system keychain (Secret Service or KWallet on Linux, the Keychain on macOS,
// the Credential Manager on Windows) through QtKeychain's asynchronous jobs. Only on request, and
// never a plain-text fallback: where no keychain service answers, it says so and the key stays in
// memory only.
class KeyStore final : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Unknown,    // not asked yet
        Available,  // the last job reached a keychain
        Unavailable // no keychain service (e.g. no D-Bus secret service), or it refused
    };

    explicit KeyStore(QObject *parent = nullptr);

    State state() const { return m_state; }
    // Why the keychain cannot be used, in one plain sentence; empty while it can.
    QString problem() const { return m_problem; }

    // One entry per provider (or per host for other servers): "api-key/openai".
    static QString accountFor(const core::Target &target);

    void read(const QString &account);                         // keyRead, or nothing when none is stored
    void write(const QString &account, const QByteArray &key); // written(ok)
    void remove(const QString &account);

signals:
    void stateChanged(KeyStore::State state);
    void keyRead(const QString &account, const QByteArray &key);
    void written(bool ok);

private:
    void setState(State state, const QString &problem = {});

    State m_state = State::Unknown;
    QString m_problem;
};

} // namespace llmdoctor::ui
