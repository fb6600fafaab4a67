#pragma once

#include "core/target/target.h"

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <optional>

namespace llmdoctor::core {

// What llmdoctor remembers between runs, typed, over one QSettings store. Nothing here can hold an
// API key: there is no setter for one, and the last target is saved without its key, without a
// pasted error message (tracebacks and request dumps often carry keys) and without proxy or
// address credentials. A key the user asks us to remember goes to the system keychain instead
// (ui/keystore.h); only the yes/no choice is kept here.
class Settings final
{
public:
    // The user's settings in the platform's usual place (QStandardPaths test mode applies).
    Settings();
    // An INI file at filePath: for tests, or a portable install.
    explicit Settings(const QString &filePath);
    Settings(const Settings &) = delete;
    Settings &operator=(const Settings &) = delete;

    static constexpr int defaultTimeoutSeconds = 30;
    static constexpr int minTimeoutSeconds = 1;
    static constexpr int maxTimeoutSeconds = 600;

    // How long one diagnosis may take, for a target that does not say (seconds, clamped).
    int timeoutSeconds() const;
    void setTimeoutSeconds(int seconds);

    // The provider chosen for a new target when there is no last one (a catalogue id, or empty
    // for "other OpenAI-compatible server").
    QString defaultProvider() const;
    void setDefaultProvider(const QString &id);

    // The last target the checks ran against, to fill in the first page next time.
    std::optional<Target> lastTarget() const;
    void setLastTarget(const Target &target);
    void forgetLastTarget();

    // Whether the user asked to keep the key in the system keychain (not the key itself).
    bool rememberKey() const;
    void setRememberKey(bool remember);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);

    void clear();
    void sync();
    QString fileName() const;
    // False when the last sync could not write or read the file.
    bool ok() const;

private:
    QSettings m_settings;
};

} // namespace llmdoctor::core
