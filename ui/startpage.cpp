#include "startpage.h"

#include "statusicon.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace llmdoctor::ui {

using namespace Qt::StringLiterals;

namespace {

enum ProxyIndex
{
    ProxyAuto,
    ProxyNone,
    ProxySystem,
    ProxyCustom
};

QLabel *errorLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, StatusIcon::colorFor(StatusIcon::State::Fail));
    label->setPalette(pal);
    label->hide();
    return label;
}

QLabel *noteLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setForegroundRole(QPalette::PlaceholderText); // a quieter shade of the theme's text
    return label;
}

// Core messages start in lower case so they can follow "error:"; a sentence on its own needs a capital.
QString sentence(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    if (!text.endsWith(u'.'))
        text += u'.';
    return text;
}

std::optional<QUrl> checkAddress(const QString &text, QString *error)
{
    QString why;
    auto url = core::parseBaseUrl(text, &why);
    if (!url)
        *error = sentence(why);
    return url;
}

} // namespace

StartPage::StartPage(QWidget *parent) : QWidget(parent)
{
    auto *title = new QLabel(tr("What is going wrong?"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    title->setFont(big);

    auto *welcome =
        new QLabel(tr("llmdoctor tests the connection to your AI service step by step and tells you, "
                      "in plain words, what is wrong and whose side the problem is on. "
                      "Type the address your app uses, then run the checks."),
                   this);
    welcome->setWordWrap(true);

    // The address.
    m_address = new QLineEdit(this);
    m_address->setObjectName(u"addressEdit"_s);
    m_address->setPlaceholderText(u"https://api.openai.com/v1"_s);
    m_address->setAccessibleName(tr("API address"));
    m_address->setClearButtonEnabled(true);
    m_addressError = errorLabel(this);
    m_addressError->setObjectName(u"addressError"_s);
    auto *addressNote =
        noteLabel(tr("Also called the \"base URL\" or \"endpoint\" in your app's settings."), this);

    // The key: shown only on request, kept only in this field.
    m_key = new QLineEdit(this);
    m_key->setObjectName(u"apiKeyEdit"_s);
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setAccessibleName(tr("API key"));
    m_key->setPlaceholderText(tr("optional, e.g. sk-…"));
    m_showKey = new QToolButton(this);
    m_showKey->setObjectName(u"showKeyButton"_s);
    m_showKey->setCheckable(true);
    m_showKey->setText(tr("S&how"));
    m_showKey->setAccessibleName(tr("Show the API key"));
    m_showKey->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(m_showKey, &QToolButton::toggled, this, [this](bool on) {
        m_key->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
        m_showKey->setText(on ? tr("&Hide") : tr("S&how"));
        m_showKey->setAccessibleName(on ? tr("Hide the API key") : tr("Show the API key"));
    });
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_key, 1);
    keyRow->addWidget(m_showKey);
    auto *keyNote = noteLabel(tr("Kept in memory only, never saved."), this);

    m_model = new QLineEdit(this);
    m_model->setObjectName(u"modelEdit"_s);
    m_model->setAccessibleName(tr("Model name (optional)"));
    m_model->setPlaceholderText(tr("optional, e.g. gpt-4o-mini"));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *addressLabel = new QLabel(tr("API &address:"), this);
    addressLabel->setBuddy(m_address);
    auto *addressBox = new QVBoxLayout;
    addressBox->setSpacing(2);
    addressBox->addWidget(m_address);
    addressBox->addWidget(m_addressError);
    addressBox->addWidget(addressNote);
    form->addRow(addressLabel, addressBox);
    auto *keyLabel = new QLabel(tr("API &key:"), this);
    keyLabel->setBuddy(m_key);
    auto *keyBox = new QVBoxLayout;
    keyBox->setSpacing(2);
    keyBox->addLayout(keyRow);
    keyBox->addWidget(keyNote);
    form->addRow(keyLabel, keyBox);
    auto *modelLabel = new QLabel(tr("&Model:"), this);
    modelLabel->setBuddy(m_model);
    form->addRow(modelLabel, m_model);

    // Advanced: collapsed, because most people never need it.
    m_advancedToggle = new QToolButton(this);
    m_advancedToggle->setObjectName(u"advancedToggle"_s);
    m_advancedToggle->setText(tr("A&dvanced settings"));
    m_advancedToggle->setAccessibleName(tr("Advanced settings"));
    m_advancedToggle->setCheckable(true);
    m_advancedToggle->setAutoRaise(true);
    m_advancedToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_advancedToggle->setArrowType(Qt::RightArrow);
    connect(m_advancedToggle, &QToolButton::toggled, this, &StartPage::setAdvancedOpen);

    m_advanced = new QWidget(this);
    m_proxyMode = new QComboBox(m_advanced);
    m_proxyMode->setObjectName(u"proxyMode"_s);
    m_proxyMode->addItem(tr("Automatic (recommended)"));
    m_proxyMode->addItem(tr("No proxy: connect directly"));
    m_proxyMode->addItem(tr("Use the system settings"));
    m_proxyMode->addItem(tr("Use this proxy:"));
    m_proxyMode->setAccessibleName(tr("Proxy"));
    m_proxyUrl = new QLineEdit(m_advanced);
    m_proxyUrl->setObjectName(u"proxyEdit"_s);
    m_proxyUrl->setPlaceholderText(u"http://proxy.example.com:3128"_s);
    m_proxyUrl->setAccessibleName(tr("Proxy address"));
    m_proxyUrl->setEnabled(false);
    m_proxyError = errorLabel(m_advanced);
    auto *proxyBox = new QVBoxLayout;
    proxyBox->setSpacing(2);
    auto *proxyRow = new QHBoxLayout;
    proxyRow->addWidget(m_proxyMode);
    proxyRow->addWidget(m_proxyUrl, 1);
    proxyBox->addLayout(proxyRow);
    proxyBox->addWidget(m_proxyError);

    m_timeout = new QSpinBox(m_advanced);
    m_timeout->setObjectName(u"timeoutSpin"_s);
    m_timeout->setRange(1, 600);
    m_timeout->setValue(30);
    m_timeout->setSuffix(tr(" seconds"));
    m_timeout->setAccessibleName(tr("Give up after this many seconds"));
    m_timeout->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);

    m_caFile = new QLineEdit(m_advanced);
    m_caFile->setObjectName(u"caFileEdit"_s);
    m_caFile->setPlaceholderText(tr("only if your company gave you one (a .pem or .crt file)"));
    m_caFile->setAccessibleName(tr("Extra trusted certificate file"));
    m_browseCa = new QPushButton(tr("Bro&wse…"), m_advanced);
    m_browseCa->setAccessibleName(tr("Choose a certificate file"));
    connect(m_browseCa, &QPushButton::clicked, this, &StartPage::chooseCaFile);
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(m_browseCa);

    auto *advancedForm = new QFormLayout(m_advanced);
    advancedForm->setContentsMargins(20, 0, 0, 0);
    advancedForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *proxyLabel = new QLabel(tr("Pro&xy:"), m_advanced);
    proxyLabel->setBuddy(m_proxyMode);
    advancedForm->addRow(proxyLabel, proxyBox);
    auto *timeoutLabel = new QLabel(tr("&Give up after:"), m_advanced);
    timeoutLabel->setBuddy(m_timeout);
    advancedForm->addRow(timeoutLabel, m_timeout);
    auto *caLabel = new QLabel(tr("Extra trusted certi&ficate:"), m_advanced);
    caLabel->setBuddy(m_caFile);
    advancedForm->addRow(caLabel, caRow);
    m_advanced->hide();

    m_runProblem = errorLabel(this);
    m_runProblem->setObjectName(u"runProblem"_s);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 12);
    layout->setSpacing(12);
    layout->addWidget(title);
    layout->addWidget(welcome);
    layout->addSpacing(6);
    layout->addLayout(form);
    layout->addWidget(m_advancedToggle, 0, Qt::AlignLeft);
    layout->addWidget(m_advanced);
    layout->addWidget(m_runProblem);
    layout->addStretch(1);

    connect(m_address, &QLineEdit::textChanged, this, &StartPage::validate);
    connect(m_proxyUrl, &QLineEdit::textChanged, this, &StartPage::validate);
    connect(m_proxyMode, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_proxyUrl->setEnabled(index == ProxyCustom);
        if (index == ProxyCustom)
            m_proxyUrl->setFocus();
        validate();
    });
    connect(m_caFile, &QLineEdit::textChanged, this, [this] { m_runProblem->hide(); });
    // Enter in any field runs the checks, as the primary button would.
    for (QLineEdit *edit : {m_address, m_key, m_model, m_proxyUrl, m_caFile}) {
        connect(edit, &QLineEdit::returnPressed, this, [this] {
            if (m_valid)
                emit runRequested();
        });
    }
    validate();
}

QWidget *StartPage::firstField() const
{
    return m_address;
}

QWidget *StartPage::lastFocusable() const
{
    return m_browseCa;
}

void StartPage::setAdvancedOpen(bool open)
{
    m_advancedToggle->setChecked(open);
    m_advancedToggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    m_advanced->setVisible(open);
}

void StartPage::chooseCaFile()
{
    // Asynchronous on purpose: no nested event loop while a diagnosis might be running.
    auto *dialog = new QFileDialog(this, tr("Choose a trusted certificate file"), m_caFile->text(),
                                   tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this](const QString &file) { m_caFile->setText(file); });
    dialog->open();
}

void StartPage::setTarget(const core::Target &target)
{
    m_prefill = target;
    m_prefill.apiKey.clear(); // the field holds the key; no second copy
    m_address->setText(target.baseUrl.isEmpty() ? QString() : target.baseUrl.toString());
    m_key->setText(QString::fromUtf8(target.apiKey));
    m_model->setText(target.model);
    switch (target.proxy.mode) {
    case core::ProxyChoice::Mode::Auto:
        m_proxyMode->setCurrentIndex(ProxyAuto);
        break;
    case core::ProxyChoice::Mode::None:
        m_proxyMode->setCurrentIndex(ProxyNone);
        break;
    case core::ProxyChoice::Mode::System:
        m_proxyMode->setCurrentIndex(ProxySystem);
        break;
    case core::ProxyChoice::Mode::Explicit:
        m_proxyMode->setCurrentIndex(ProxyCustom);
        m_proxyUrl->setText(target.proxy.url.toString());
        break;
    }
    m_timeout->setValue(std::clamp(target.timeoutMs / 1000, m_timeout->minimum(), m_timeout->maximum()));
    m_caFile->setText(target.caFile);
    // Someone who passed advanced options should see them.
    setAdvancedOpen(target.proxy.mode != core::ProxyChoice::Mode::Auto || !target.caFile.isEmpty() ||
                    target.timeoutMs != 30000);
    validate();
}

QString StartPage::proxyText() const
{
    switch (m_proxyMode->currentIndex()) {
    case ProxyNone:
        return u"none"_s;
    case ProxySystem:
        return u"system"_s;
    case ProxyCustom:
        return m_proxyUrl->text().trimmed();
    default:
        return {};
    }
}

std::optional<core::Target> StartPage::target(QString *error) const
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    QString why;
    const auto url = checkAddress(m_address->text(), &why);
    if (!url)
        return fail(why);
    if (m_proxyMode->currentIndex() == ProxyCustom && m_proxyUrl->text().trimmed().isEmpty())
        return fail(tr("Type the proxy address, or choose another proxy setting."));
    const auto proxy = core::ProxyChoice::parse(proxyText(), &why);
    if (!proxy)
        return fail(sentence(why));

    core::Target t = m_prefill;
    t.baseUrl = *url;
    t.model = m_model->text().trimmed();
    t.apiKey = m_key->text().trimmed().toUtf8();
    t.proxy = *proxy;
    t.caFile = m_caFile->text().trimmed();
    t.timeoutMs = m_timeout->value() * 1000;
    return t;
}

void StartPage::validate()
{
    m_runProblem->hide();
    QString why;
    const QString address = m_address->text().trimmed();
    bool ok = true;
    if (address.isEmpty()) {
        ok = false; // nothing typed yet: no red text, just nothing to run
        m_addressError->hide();
    } else if (!checkAddress(address, &why)) {
        ok = false;
        m_addressError->setText(why);
        m_addressError->show();
    } else {
        m_addressError->hide();
    }

    if (m_proxyMode->currentIndex() == ProxyCustom) {
        const QString proxy = m_proxyUrl->text().trimmed();
        if (proxy.isEmpty()) {
            ok = false;
            m_proxyError->hide();
        } else if (!core::ProxyChoice::parse(proxy, &why)) {
            ok = false;
            m_proxyError->setText(sentence(why));
            m_proxyError->show();
        } else {
            m_proxyError->hide();
        }
    } else {
        m_proxyError->hide();
    }

    if (ok != m_valid) {
        m_valid = ok;
        emit validityChanged(ok);
    }
}

void StartPage::showRunProblem(const QString &text)
{
    m_runProblem->setText(sentence(text));
    m_runProblem->show();
    if (!m_caFile->text().isEmpty())
        setAdvancedOpen(true);
}

} // namespace llmdoctor::ui
