#include "practicebox.h"

#include "labels.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace llmdoctor::ui {

using namespace Qt::StringLiterals;

QList<PracticeScenario> PracticeBox::scenarios()
{
    using core::Fault;
    return {
        {Fault::BadGateway, tr("502 Bad Gateway"), u"502 Bad Gateway"_s},
        {Fault::EnvoyReset, tr("\"upstream connect error or disconnect/reset before headers\""),
         u"upstream connect error or disconnect/reset before headers. reset reason: connection termination"_s},
        {Fault::ResetBeforeHeaders, tr("The connection is cut before any answer"), QString()},
        {Fault::RateLimit, tr("429 Too Many Requests (goes away if you wait)"),
         u"Error code: 429 - Rate limit reached"_s, 3},
        {Fault::InvalidKey, tr("401: the API key is refused"), QString()},
        {Fault::ModelNotFound, tr("The model name is wrong"), QString()},
        {Fault::GatewayTimeout, tr("504 Gateway Time-out (a time limit on the way)"),
         u"504 Gateway Time-out"_s},
        {Fault::Overloaded, tr("529: the provider is overloaded"), QString()},
        {Fault::Hang, tr("No answer at all (a timeout)"), QString()},
        {Fault::Tls, tr("A certificate your computer does not trust"), QString()},
    };
}

PracticeBox::PracticeBox(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"practiceBox"_s);
    auto *heading = headingLabel(tr("No problem right now? Try it on a simulated failure"), this, 1.0);
    auto *note = textLabel(this);
    note->setText(
        tr("llmdoctor starts a test server of its own on this computer that fails on purpose, and runs the "
           "checks against it, so you can see what each failure looks like. Nothing is sent anywhere."));
    m_choice = new QComboBox(this);
    m_choice->setObjectName(u"practiceChoice"_s);
    m_choice->setAccessibleName(tr("Failure to simulate"));
    narrowComboBox(m_choice);
    for (const PracticeScenario &s : scenarios())
        m_choice->addItem(s.label, int(s.fault));
    m_start = new QPushButton(tr("&Try it"), this);
    m_start->setObjectName(u"practiceButton"_s);
    m_start->setAccessibleName(tr("Try it on a simulated failure"));
    auto *row = new QHBoxLayout;
    row->addWidget(m_choice, 1);
    row->addWidget(m_start);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addWidget(heading);
    layout->addWidget(note);
    layout->addLayout(row);
    connect(m_start, &QPushButton::clicked, this, [this] {
        const QList<PracticeScenario> all = scenarios();
        const int i = m_choice->currentIndex();
        if (i >= 0 && i < all.size())
            emit practiceRequested(all.at(i));
    });
}

} // namespace llmdoctor::ui
