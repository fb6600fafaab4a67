#pragma once

#include "core/target/target.h"

#include <QWidget>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QToolButton;
class QPushButton;

namespace llmdoctor::ui {

// "What is going wrong?": the address, key and model to test, plus the rarely needed settings
// under "Advanced". Validates as the user types; never stores anything.
class StartPage final : public QWidget
{
    Q_OBJECT
public:
    explicit StartPage(QWidget *parent = nullptr);

    void setTarget(const core::Target &target);
    // What the user typed, as a Target; nullopt and a plain *error when it cannot be tested.
    std::optional<core::Target> target(QString *error = nullptr) const;
    bool isValid() const { return m_valid; }
    // A problem found when starting (for example an unreadable certificate file).
    void showRunProblem(const QString &text);
    QWidget *firstField() const;
    QWidget *lastFocusable() const;

signals:
    void validityChanged(bool valid);
    void runRequested(); // Enter in a field

private:
    void validate();
    void setAdvancedOpen(bool open);
    void chooseCaFile();
    QString proxyText() const;

    core::Target m_prefill; // keeps provider and error text, which have no field here
    QLineEdit *m_address;
    QLabel *m_addressError;
    QLineEdit *m_key;
    QToolButton *m_showKey;
    QLineEdit *m_model;
    QToolButton *m_advancedToggle;
    QWidget *m_advanced;
    QComboBox *m_proxyMode;
    QLineEdit *m_proxyUrl;
    QLabel *m_proxyError;
    QSpinBox *m_timeout;
    QLineEdit *m_caFile;
    QPushButton *m_browseCa;
    QLabel *m_runProblem;
    bool m_valid = false;
};

} // namespace llmdoctor::ui
