#pragma once

#include "core/checks/diagnosis.h"
#include "core/target/target.h"

#include <QPointer>
#include <QWidget>
#include <optional>

class QCheckBox;
class QPlainTextEdit;
class QComboBox;
class QCompleter;
class QLabel;
class QStringListModel;
class QLineEdit;
class QSpinBox;
class QToolButton;
class QPushButton;

namespace llmdoctor::ui {

class PracticeBox;

// "What is going wrong?": the address, key and model to test, plus the rarely needed settings
// under "Advanced". Validates as the user types; never stores anything itself: the window saves
// the last target (without the key) and, only when the box is ticked, the key in the keychain.
class StartPage final : public QWidget
{
    Q_OBJECT
public:
    explicit StartPage(QWidget *parent = nullptr);

    void setTarget(const core::Target &target);
    // What the user typed, as a Target; nullopt and a plain *error when it cannot be tested.
    std::optional<core::Target> target(QString *error = nullptr) const;
    bool isValid() const { return m_valid; }
    // Why the checks cannot run yet, in one short sentence ("Type the API address first."); empty
    // when they can.
    QString runBlocker() const { return m_blocker; }
    // The line under the provider that says where the provider was recognised from; empty when
    // it was chosen by hand.
    QString recognisedText() const;
    // A problem found when starting (for example an unreadable certificate file).
    void showRunProblem(const QString &text);
    QWidget *firstField() const;
    QWidget *lastFocusable() const;
    PracticeBox *practiceBox() const { return m_practice; }
    // The provider's models, offered in the model field once the key works.
    void setAvailableModels(const QStringList &models);
    QStringList availableModels() const;
    // Asks the provider for its models with the key typed (one free model-list request).
    void loadModels();
    // The verdict page's one-click fixes: each changes one field as typing would (the advanced
    // settings open for the certificate file and the proxy, so the change can be seen).
    void setAddress(const QString &address);
    void setModel(const QString &model);
    void setCaFile(const QString &path);
    void setProxyMode(core::ProxyChoice::Mode mode);
    // The timeout a new target gets; the advanced settings open when a target differs.
    void setDefaultTimeout(int seconds);

    // "Remember the key on this computer (system keychain)": off unless the user ticks it.
    bool rememberKey() const;
    void setRememberKey(bool remember);
    // Why the keychain cannot be used (one sentence), or empty when it can: the box is then
    // unticked and disabled, and the note under the key says the key stays in memory only.
    void setKeychainProblem(const QString &problem);
    // A key read from the keychain; never replaces one the user typed.
    void setKeyIfEmpty(const QByteArray &key);

signals:
    void validityChanged(bool valid);
    void runRequested(); // Enter in a field
    void rememberKeyToggled(bool remember);

private:
    void validate();
    void lintFields();
    void onProviderChosen(int index);
    // As the user types: the provider recognised from the address, or else from the key's shape.
    void recogniseFromAddress();
    void recogniseFromKey();
    void showRecognised(const QString &text);
    QString providerId() const;
    void setAdvancedOpen(bool open);
    void chooseCaFile();
    QString proxyText() const;
    void updateKeyNote();

    core::Target m_prefill;
    QComboBox *m_provider;
    QLabel *m_recognised; // "Recognised from the key: …"
    QLineEdit *m_address;
    QLabel *m_addressError;
    QLabel *m_addressHint; // lint findings about the address, next to it
    QLineEdit *m_key;
    QToolButton *m_showKey;
    QLabel *m_keyHint; // lint findings about the key (never the key itself)
    QCheckBox *m_rememberKey;
    QLabel *m_keyNote; // where the key is kept
    QLineEdit *m_model;
    QPushButton *m_loadModels;
    QLabel *m_modelHint;
    QStringListModel *m_modelList;
    QCompleter *m_completer;
    QCheckBox *m_testRequest;
    QCheckBox *m_keepAlive;                // opt-in: up to 15 s of idle pauses on one connection
    QCheckBox *m_checkPath;                // opt-in: the route hop by hop, about 10 s
    QPlainTextEdit *m_errorText;           // what the app showed; explained before the checks run
    QPointer<core::Diagnosis> m_modelLoad; // the running model-list request, if any
    QToolButton *m_advancedToggle;
    QWidget *m_advanced;
    QComboBox *m_proxyMode;
    QLineEdit *m_proxyUrl;
    QLabel *m_proxyError;
    QSpinBox *m_timeout;
    QLineEdit *m_caFile;
    QPushButton *m_browseCa;
    QLabel *m_runProblem;
    PracticeBox *m_practice;
    bool m_valid = false;
    QString m_blocker;
    int m_defaultTimeoutS = 30;
    bool m_keychainUsable = true;
};

} // namespace llmdoctor::ui
