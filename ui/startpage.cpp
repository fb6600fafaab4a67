#include "startpage.h"

#include "core/checks/accountchecks.h"
#include "core/checks/diagnosis.h"
#include "core/checks/diagnosiscontext.h"
#include "core/checks/networkchecks.h"
#include "core/target/addresslint.h"
#include "core/target/keylint.h"
#include "core/target/providercatalog.h"
#include "glossary.h"
#include "labels.h"
#include "palette.h"
#include "practicebox.h"
#include "statusicon.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStringListModel>
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
    setTone(label, Tone::Fail);
    label->hide();
    return label;
}

// Lint findings in the theme's warning colour: advice, not a blocker.
QLabel *hintLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    setTone(label, Tone::Warn);
    label->hide();
    return label;
}

QString findingsText(const QList<core::LintFinding> &findings)
{
    QStringList lines;
    for (const core::LintFinding &f : findings)
        lines << f.message;
    return lines.join(u'\n');
}

QLabel *noteLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    setTone(label, Tone::Muted); // a quieter shade of the theme's text, still readable
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

    // The provider, by the name people know it by; it fills in the address.
    m_provider = new QComboBox(this);
    m_provider->setObjectName(u"providerCombo"_s);
    m_provider->setAccessibleName(tr("Provider"));
    for (const core::Provider &p : core::ProviderCatalog::instance().providers())
        m_provider->addItem(p.name, p.id);
    m_provider->setCurrentIndex(m_provider->findData(u"custom"_s));
    narrowComboBox(m_provider);
    connect(m_provider, &QComboBox::activated, this, [this](int index) {
        showRecognised({}); // chosen by hand now
        onProviderChosen(index);
    });
    m_recognised = noteLabel(QString(), this);
    m_recognised->setObjectName(u"providerRecognised"_s);
    m_recognised->hide();

    // The address.
    m_address = new QLineEdit(this);
    m_address->setObjectName(u"addressEdit"_s);
    m_address->setPlaceholderText(u"https://api.openai.com/v1"_s);
    m_address->setAccessibleName(tr("API address"));
    m_address->setClearButtonEnabled(true);
    m_addressError = errorLabel(this);
    m_addressError->setObjectName(u"addressError"_s);
    m_addressHint = hintLabel(this);
    m_addressHint->setObjectName(u"addressHint"_s);
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
    m_rememberKey = new QCheckBox(tr("Remember the key on this &computer (system keychain)"), this);
    m_rememberKey->setObjectName(u"rememberKeyBox"_s);
    m_rememberKey->setToolTip(tr("Keeps the key in your system's password store (GNOME Keyring, KWallet, "
                                 "macOS Keychain or Windows Credential Manager), never in a file."));
    m_rememberKey->setChecked(false); // nothing leaves memory unless the user asks
    connect(m_rememberKey, &QCheckBox::toggled, this, [this](bool on) {
        updateKeyNote();
        emit rememberKeyToggled(on);
    });
    m_keyNote = noteLabel(QString(), this);
    m_keyNote->setObjectName(u"keyNote"_s);
    updateKeyNote();
    m_keyHint = hintLabel(this);
    m_keyHint->setObjectName(u"keyHint"_s);

    m_model = new QLineEdit(this);
    m_model->setObjectName(u"modelEdit"_s);
    m_model->setAccessibleName(tr("Model name (optional)"));
    m_model->setPlaceholderText(tr("optional, e.g. gpt-4o-mini"));
    m_modelList = new QStringListModel(this);
    m_completer = new QCompleter(m_modelList, this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_model->setCompleter(m_completer);
    m_loadModels = new QPushButton(tr("Show the m&odels"), this);
    m_loadModels->setObjectName(u"loadModelsButton"_s);
    m_loadModels->setAccessibleName(tr("Ask the provider for its models, using the key"));
    connect(m_loadModels, &QPushButton::clicked, this, &StartPage::loadModels);
    m_modelHint = hintLabel(this);
    m_modelHint->setObjectName(u"modelHint"_s);
    auto *modelRow = new QHBoxLayout;
    modelRow->addWidget(m_model, 1);
    modelRow->addWidget(m_loadModels);

    m_testRequest = new QCheckBox(
        tr("Also send two tiny test requests, one of them streamed (may cost a fraction of a cent)"), this);
    m_testRequest->setObjectName(u"testRequestBox"_s);
    m_testRequest->setChecked(false); // never spend the user's money by default

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *providerLabel = new QLabel(tr("&Provider:"), this);
    providerLabel->setBuddy(m_provider);
    auto *providerBox = new QVBoxLayout;
    providerBox->setSpacing(2);
    providerBox->addWidget(m_provider);
    providerBox->addWidget(m_recognised);
    form->addRow(providerLabel, providerBox);
    auto *addressLabel = new QLabel(tr("API &address:"), this);
    addressLabel->setBuddy(m_address);
    auto *addressBox = new QVBoxLayout;
    addressBox->setSpacing(2);
    addressBox->addWidget(m_address);
    addressBox->addWidget(m_addressError);
    addressBox->addWidget(m_addressHint);
    addressBox->addWidget(addressNote);
    form->addRow(addressLabel, addressBox);
    auto *keyLabel = new QLabel(tr("API &key:"), this);
    keyLabel->setBuddy(m_key);
    auto *keyBox = new QVBoxLayout;
    keyBox->setSpacing(2);
    keyBox->addLayout(keyRow);
    keyBox->addWidget(m_keyHint);
    keyBox->addWidget(wrapCheckBox(m_rememberKey));
    keyBox->addWidget(m_keyNote);
    form->addRow(keyLabel, keyBox);
    auto *modelLabel = new QLabel(tr("&Model:"), this);
    modelLabel->setBuddy(m_model);
    auto *modelBox = new QVBoxLayout;
    modelBox->setSpacing(2);
    modelBox->addLayout(modelRow);
    modelBox->addWidget(m_modelHint);
    form->addRow(modelLabel, modelBox);

    m_errorText = new QPlainTextEdit(this);
    m_errorText->setObjectName(u"errorTextEdit"_s);
    m_errorText->setAccessibleName(tr("The error message you got (optional)"));
    m_errorText->setPlaceholderText(tr("Optional: paste the error your app showed, for example "
                                       "\"502 Bad Gateway\" or \"upstream connect error…\""));
    m_errorText->setTabChangesFocus(true);
    m_errorText->setFixedHeight(m_errorText->fontMetrics().lineSpacing() * 3 + 14);
    auto *errorLabelText = new QLabel(tr("The &error you got:"), this);
    errorLabelText->setBuddy(m_errorText);
    form->addRow(errorLabelText, m_errorText);
    // An empty label, not none: QFormLayout sizes a row without one by its size hint (the text
    // wrapped narrow, so too tall), a row with one by the height its width needs.
    form->addRow(new QLabel(this), wrapCheckBox(m_testRequest));

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
    auto *proxyHelp = new TermHelp(m_advanced);
    proxyHelp->setObjectName(u"proxyHelp"_s);
    proxyHelp->setTerms({Glossary::Term::Proxy});
    proxyRow->addWidget(proxyHelp);
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
    m_keepAlive = new QCheckBox(
        tr("Also find out how long the server keeps an &idle connection open (up to 15 s)"), m_advanced);
    m_keepAlive->setObjectName(u"keepAliveBox"_s);
    m_keepAlive->setToolTip(
        tr("Apps that reuse connections fail with \"reset before headers\" when they keep one "
           "longer than the server does. This reuses one connection after growing pauses."));
    advancedForm->addRow(new QLabel(m_advanced), wrapCheckBox(m_keepAlive));
    m_checkPath = new QCheckBox(
        tr("Also follow the ro&ute hop by hop, to see where packets are lost (about 10 s)"), m_advanced);
    m_checkPath->setObjectName(u"checkPathBox"_s);
    m_checkPath->setToolTip(
        tr("Like traceroute, without administrator rights: which routers lie between you and the "
           "server, and from which one on packets go missing (your Wi-Fi, your internet provider, "
           "or the API's own network)."));
    advancedForm->addRow(new QLabel(m_advanced), wrapCheckBox(m_checkPath));
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
    m_practice = new PracticeBox(this);
    layout->addWidget(m_practice);
    layout->addStretch(1);

    connect(m_address, &QLineEdit::textChanged, this, &StartPage::validate);
    connect(m_key, &QLineEdit::textChanged, this, &StartPage::lintFields);
    // Typed or pasted by the user only: a prefilled target keeps the provider it names.
    connect(m_address, &QLineEdit::textEdited, this, &StartPage::recogniseFromAddress);
    connect(m_key, &QLineEdit::textEdited, this, &StartPage::recogniseFromKey);
    connect(m_model, &QLineEdit::textChanged, this, [this] { m_modelHint->hide(); });
    connect(m_proxyUrl, &QLineEdit::textChanged, this, &StartPage::validate);
    connect(m_proxyMode, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_proxyUrl->setEnabled(index == ProxyCustom);
        if (index == ProxyCustom)
            m_proxyUrl->setFocus();
        validate();
    });
    connect(m_caFile, &QLineEdit::textChanged, this, [this] { m_runProblem->hide(); });
    // The window's main button changes with it ("what the error means" first).
    connect(m_errorText, &QPlainTextEdit::textChanged, this, [this] { emit validityChanged(m_valid); });
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
    showRecognised({});
    QString providerIdText = target.provider;
    if (providerIdText.isEmpty()) {
        if (const auto byHost = core::ProviderCatalog::instance().findByHost(target.baseUrl.host()))
            providerIdText = byHost->id;
    }
    const int providerIndex = m_provider->findData(providerIdText.isEmpty() ? u"custom"_s : providerIdText);
    m_provider->setCurrentIndex(providerIndex >= 0 ? providerIndex : m_provider->findData(u"custom"_s));
    m_address->setText(target.baseUrl.isEmpty()       ? QString()
                       : target.baseUrlText.isEmpty() ? target.baseUrl.toString()
                                                      : target.baseUrlText);
    m_testRequest->setChecked(target.sendTestRequest);
    m_keepAlive->setChecked(target.checkKeepAlive);
    m_checkPath->setChecked(target.checkPath);
    m_key->setText(QString::fromUtf8(target.apiKey));
    m_model->setText(target.model);
    m_errorText->setPlainText(target.errorText);
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
                    target.timeoutMs != m_defaultTimeoutS * 1000 || target.checkKeepAlive ||
                    target.checkPath);
    // A provider without an address (a default provider, or --provider alone) brings its own.
    if (target.baseUrl.isEmpty() && !target.provider.isEmpty())
        onProviderChosen(m_provider->currentIndex());
    validate();
}

void StartPage::setAddress(const QString &address)
{
    m_address->setText(address); // validated as typed text is
}

void StartPage::setModel(const QString &model)
{
    m_model->setText(model);
}

void StartPage::setCaFile(const QString &path)
{
    m_caFile->setText(path);
    setAdvancedOpen(true);
}

void StartPage::setProxyMode(core::ProxyChoice::Mode mode)
{
    switch (mode) {
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
        break;
    }
    setAdvancedOpen(true);
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
    t.provider = providerId();
    t.baseUrl = *url;
    t.baseUrlText = m_address->text();
    t.model = m_model->text().trimmed();
    // As typed: the key checks tell about stray spaces or quotes (and try without them).
    t.apiKey = m_key->text().toUtf8();
    t.sendTestRequest = m_testRequest->isChecked();
    t.checkKeepAlive = m_keepAlive->isChecked();
    t.checkPath = m_checkPath->isChecked();
    t.errorText = m_errorText->toPlainText().trimmed();
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
    QString blocker;
    if (address.isEmpty()) {
        ok = false; // nothing typed yet: no red text, just nothing to run
        blocker = tr("Type the API address first.");
        m_addressError->hide();
    } else if (!checkAddress(address, &why)) {
        ok = false;
        blocker = tr("Correct the API address first (the red line under it says how).");
        m_addressError->setText(why);
        m_addressError->show();
    } else {
        m_addressError->hide();
    }

    if (m_proxyMode->currentIndex() == ProxyCustom) {
        const QString proxy = m_proxyUrl->text().trimmed();
        if (proxy.isEmpty()) {
            ok = false;
            if (blocker.isEmpty())
                blocker = tr("Type the proxy address first, or choose another proxy setting.");
            m_proxyError->hide();
        } else if (!core::ProxyChoice::parse(proxy, &why)) {
            ok = false;
            if (blocker.isEmpty())
                blocker = tr("Correct the proxy address first (under Advanced settings).");
            m_proxyError->setText(sentence(why));
            m_proxyError->show();
        } else {
            m_proxyError->hide();
        }
    } else {
        m_proxyError->hide();
    }

    lintFields();
    const bool blockerChanged = blocker != m_blocker;
    m_blocker = blocker;
    if (ok != m_valid || blockerChanged) {
        m_valid = ok;
        emit validityChanged(ok);
    }
}

QString StartPage::providerId() const
{
    const QString id = m_provider->currentData().toString();
    return id == u"custom" ? QString() : id;
}

void StartPage::onProviderChosen(int index)
{
    const auto p = core::ProviderCatalog::instance().find(m_provider->itemData(index).toString());
    if (!p)
        return;
    // Replace the address only when it is empty or another provider's: never what the user typed.
    const QString current = m_address->text().trimmed();
    bool someProvidersAddress = current.isEmpty();
    for (const core::Provider &other : core::ProviderCatalog::instance().providers())
        someProvidersAddress |= !other.baseUrl.isEmpty() && current == other.baseUrl;
    if (someProvidersAddress && !p->baseUrl.isEmpty())
        m_address->setText(p->baseUrl);
    m_key->setPlaceholderText(p->keyPrefixes.isEmpty() ? tr("optional, e.g. sk-…")
                                                       : tr("starts with %1").arg(p->keyPrefixes.last()));
    setAvailableModels({});
    lintFields();
}

QString StartPage::recognisedText() const
{
    return m_recognised->isHidden() ? QString() : m_recognised->text();
}

void StartPage::showRecognised(const QString &text)
{
    m_recognised->setText(text);
    m_recognised->setVisible(!text.isEmpty());
}

void StartPage::recogniseFromAddress()
{
    const core::ProviderCatalog &catalog = core::ProviderCatalog::instance();
    const QString typed = m_address->text().trimmed();
    QString why;
    const auto url = core::parseBaseUrl(typed, &why);
    if (!url) {
        showRecognised({}); // half typed or mistyped: nothing to recognise yet
        return;
    }
    std::optional<core::Provider> found = catalog.findByHost(url->host());
    if (!found) {
        // A server on this computer is known by its whole address (Ollama's port, LM Studio's).
        for (const core::Provider &p : catalog.providers()) {
            if (!p.baseUrl.isEmpty() &&
                QUrl(p.baseUrl).adjusted(QUrl::StripTrailingSlash) == url->adjusted(QUrl::StripTrailingSlash))
                found = p;
        }
    }
    const auto current = catalog.find(m_provider->currentData().toString());
    if (!found) {
        // Another host than the chosen cloud provider's: an OpenAI-compatible server of its own.
        if (current && !current->host().isEmpty() && !current->isLocal() &&
            current->host() != url->host().toLower()) {
            const int custom = m_provider->findData(u"custom"_s);
            m_provider->setCurrentIndex(custom);
            onProviderChosen(custom); // never replaces a typed address
            showRecognised(tr("Recognised from the address: another OpenAI-compatible server."));
        }
        return;
    }
    if (current && current->id == found->id)
        return;
    const int index = m_provider->findData(found->id);
    m_provider->setCurrentIndex(index);
    onProviderChosen(index); // the key's hint and the model list follow; the address stays as typed
    showRecognised(tr("Recognised from the address: %1.").arg(found->name));
}

void StartPage::recogniseFromKey()
{
    const QString id = core::providerForKey(m_key->text().toUtf8());
    if (id.isEmpty() || id == m_provider->currentData().toString())
        return;
    // Only while the address is none or a provider's own: never over an address the user typed
    // (the key's note then says whose key it looks like).
    const QString current = m_address->text().trimmed();
    bool someProvidersAddress = current.isEmpty();
    for (const core::Provider &other : core::ProviderCatalog::instance().providers())
        someProvidersAddress |= !other.baseUrl.isEmpty() && current == other.baseUrl;
    const auto p = core::ProviderCatalog::instance().find(id);
    if (!someProvidersAddress || !p)
        return;
    const int index = m_provider->findData(id);
    m_provider->setCurrentIndex(index);
    onProviderChosen(index);
    showRecognised(tr("Recognised from the key: %1.").arg(p->name));
}

void StartPage::lintFields()
{
    // Advice next to the field it concerns; only parse errors (above) block the run button.
    const QString address = m_address->text();
    QList<core::LintFinding> addressFindings;
    if (!address.trimmed().isEmpty())
        addressFindings = core::lintBaseUrl(address, providerId());
    // The red error line already says what a parse error is.
    addressFindings.removeIf([](const core::LintFinding &f) { return f.code == u"unreadable"; });
    m_addressHint->setText(findingsText(addressFindings));
    m_addressHint->setVisible(!addressFindings.isEmpty() && m_addressError->isHidden());

    const QByteArray key = m_key->text().toUtf8();
    QList<core::LintFinding> keyFindings = core::lintApiKey(key, providerId()).findings;
    if (key.isEmpty()) // an empty field is not a mistake yet
        keyFindings.clear();
    m_keyHint->setText(findingsText(keyFindings));
    m_keyHint->setVisible(!keyFindings.isEmpty());
}

void StartPage::setAvailableModels(const QStringList &models)
{
    m_modelList->setStringList(models);
    if (models.isEmpty()) {
        m_modelHint->hide();
        return;
    }
    const QString wanted = m_model->text().trimmed();
    QString text = tr("%n model(s) available: start typing to pick one.", nullptr, int(models.size()));
    if (!wanted.isEmpty() && !models.contains(wanted)) {
        const QStringList near = core::ModelCheck::closestModels(wanted, models);
        text = near.isEmpty() ? tr("This provider has no model called \"%1\".").arg(wanted)
                              : tr("This provider has no model called \"%1\". Did you mean \"%2\"?")
                                    .arg(wanted, near.join(u"\", \""_s));
    }
    m_modelHint->setText(text);
    m_modelHint->show();
}

QStringList StartPage::availableModels() const
{
    return m_modelList->stringList();
}

void StartPage::loadModels()
{
    QString why;
    auto t = target(&why);
    if (!t) {
        m_modelHint->setText(why);
        m_modelHint->show();
        return;
    }
    if (m_modelLoad) { // a list still loading: its answer no longer matters
        m_modelLoad->disconnect(this);
        m_modelLoad->cancel();
        m_modelLoad->deleteLater();
    }
    // Only the free model-list request: name lookup, the list, and what it says about the key.
    auto *diagnosis = new core::Diagnosis(*t, this);
    diagnosis->setChecks({new core::DnsCheck, new core::HttpCheck, new core::ApiKeyCheck});
    m_modelLoad = diagnosis;
    m_loadModels->setEnabled(false);
    m_modelHint->setText(tr("Asking the provider for its models…"));
    m_modelHint->show();
    connect(diagnosis, &core::Diagnosis::finished, this, [this, diagnosis] {
        m_loadModels->setEnabled(true);
        m_modelLoad = nullptr;
        diagnosis->deleteLater();
        const auto &list = diagnosis->context().modelList;
        const bool listed = list && list->response && list->response->status / 100 == 2;
        const QStringList models =
            listed ? core::ModelCheck::parseModelList(list->response->body) : QStringList();
        if (!models.isEmpty()) {
            setAvailableModels(models);
            return;
        }
        QString problem = tr("The models could not be listed.");
        for (const core::CheckResult &r : diagnosis->results()) {
            if (r.status == core::CheckStatus::Fail) {
                problem = r.summary;
                break;
            }
        }
        m_modelHint->setText(problem);
        m_modelHint->show();
    });
    diagnosis->start();
}

void StartPage::setDefaultTimeout(int seconds)
{
    const bool wasDefault = m_timeout->value() == m_defaultTimeoutS;
    m_defaultTimeoutS = std::clamp(seconds, m_timeout->minimum(), m_timeout->maximum());
    if (wasDefault)
        m_timeout->setValue(m_defaultTimeoutS);
}

bool StartPage::rememberKey() const
{
    return m_rememberKey->isChecked();
}

void StartPage::setRememberKey(bool remember)
{
    m_rememberKey->setChecked(remember && m_keychainUsable);
}

void StartPage::setKeychainProblem(const QString &problem)
{
    m_keychainUsable = problem.isEmpty();
    if (!m_keychainUsable) {
        const QSignalBlocker block(m_rememberKey); // the user's choice stays; it just cannot work here
        m_rememberKey->setChecked(false);
    }
    m_rememberKey->setEnabled(m_keychainUsable);
    m_keyNote->setText(m_keychainUsable ? QString() : problem);
    updateKeyNote();
}

void StartPage::updateKeyNote()
{
    if (!m_keychainUsable)
        return; // the problem sentence says where the key is
    m_keyNote->setText(m_rememberKey->isChecked()
                           ? tr("Saved in the system keychain when you run the checks; untick to remove it.")
                           : tr("Kept in memory only, never saved."));
}

void StartPage::setKeyIfEmpty(const QByteArray &key)
{
    if (m_key->text().isEmpty())
        m_key->setText(QString::fromUtf8(key));
}

void StartPage::showRunProblem(const QString &text)
{
    m_runProblem->setText(sentence(text));
    m_runProblem->show();
    if (!m_caFile->text().isEmpty())
        setAdvancedOpen(true);
}

} // namespace llmdoctor::ui
