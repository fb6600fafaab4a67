#include "errorpage.h"

#include "glossary.h"
#include "labels.h"
#include "pathdiagram.h"
#include "snippetview.h"

#include <QCoreApplication>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace llmdoctor::ui {

using namespace Qt::StringLiterals;

namespace {

} // namespace

ErrorPage::ErrorPage(QWidget *parent) : QWidget(parent)
{
    auto *title = headingLabel(tr("What this error means"), this, 1.6);

    auto *quoteHeading = headingLabel(tr("The message you pasted"), this, 1.0);
    m_quote = new QPlainTextEdit(this);
    m_quote->setObjectName(u"pastedError"_s);
    m_quote->setReadOnly(true);
    m_quote->setAccessibleName(tr("The error message you pasted"));
    m_quote->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    m_producer = textLabel(this, u"errorProducer"_s);
    m_path = new PathDiagram(this);

    m_headline = textLabel(this, u"errorHeadline"_s);
    QFont big = m_headline->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.3);
    m_headline->setFont(big);

    m_termHelp = new TermHelp(this); // what "gateway", "proxy"… mean, for the words used below

    m_meaning = textLabel(this, u"errorMeaning"_s);
    m_whoActs = textLabel(this, u"errorWhoActs"_s);
    QFont bold = m_whoActs->font();
    bold.setBold(true);
    m_whoActs->setFont(bold);
    m_explanation = textLabel(this);
    m_certainty = textLabel(this, u"errorCertainty"_s);
    QFont aside = m_certainty->font(); // a remark about the reading, not part of it
    aside.setItalic(true);
    m_certainty->setFont(aside);

    auto *stepsHeading = headingLabel(tr("What to do next"), this);
    m_steps = new QWidget(this);
    m_stepsLayout = new QVBoxLayout(m_steps);
    m_stepsLayout->setContentsMargins(0, 0, 0, 0);

    m_next = textLabel(this);
    m_next->setText(tr("\"Run the checks\" now tests the connection step by step, to confirm this or find "
                       "another cause."));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->setSpacing(8);
    layout->addWidget(title);
    layout->addWidget(quoteHeading);
    layout->addWidget(m_quote);
    layout->addWidget(m_producer);
    layout->addSpacing(4);
    layout->addWidget(m_path);
    layout->addSpacing(4);
    auto *headlineRow = new QHBoxLayout;
    headlineRow->setSpacing(4);
    headlineRow->addWidget(m_headline, 100); // up to its one-line width: the "?" follows the text
    headlineRow->addWidget(m_termHelp, 0, Qt::AlignTop);
    headlineRow->addStretch(1);
    layout->addLayout(headlineRow);
    layout->addWidget(m_meaning);
    layout->addWidget(m_whoActs);
    layout->addWidget(m_explanation);
    layout->addSpacing(2);
    layout->addWidget(m_certainty);
    layout->addSpacing(6);
    layout->addWidget(stepsHeading);
    layout->addWidget(m_steps);
    layout->addSpacing(6);
    layout->addWidget(m_next);
    layout->addStretch(1);
}

void ErrorPage::explain(const QString &pastedText, const core::Target &target)
{
    m_signature = core::classifyErrorText(pastedText);
    m_verdict = core::readPastedError(m_signature, target);

    m_quote->setPlainText(pastedText.left(4000));
    const int lines = std::clamp(int(pastedText.count(u'\n')) + 2, 2, 6);
    m_quote->setFixedHeight(m_quote->fontMetrics().lineSpacing() * lines + 12);
    const bool known = m_signature.category != u"unknown";
    m_producer->setText(
        m_signature.producer.isEmpty()
            ? tr("llmdoctor cannot tell which program wrote this message.")
            : tr("This message was written by: %1.")
                  .arg(QCoreApplication::translate("Signature", m_signature.producer.toUtf8().constData())));
    m_path->setBrokenHop(known ? m_signature.where : QString());
    m_path->setVisible(known && !m_signature.where.isEmpty());

    m_headline->setText(m_verdict.headline);
    m_headline->setMaximumWidth(m_headline->fontMetrics().horizontalAdvance(m_verdict.headline) + 4);
    m_headline->setProperty("category", m_verdict.categoryName());
    m_headline->setProperty("blame", m_verdict.blameName());
    const QString meaning = core::translatedMeaning(m_signature.meaning);
    m_meaning->setText(meaning);
    // The explanation often opens with the meaning itself: say it once.
    m_meaning->setVisible(!meaning.isEmpty() && meaning != m_verdict.headline &&
                          !m_verdict.explanation.contains(meaning));
    m_whoActs->setText(m_verdict.blame == core::Blame::None
                           ? QString()
                           : tr("Who should act: %1").arg(core::Verdict::whoActs(m_verdict.blame)));
    m_whoActs->setVisible(m_verdict.blame != core::Blame::None);
    m_explanation->setText(m_verdict.explanation);
    const core::Certainty certainty = m_signature.certainty();
    m_certainty->setText(certainty.inWords());
    m_certainty->setVisible(certainty.applies);
    m_termHelp->setTermsFrom(
        QStringList{m_verdict.headline, m_signature.meaning, m_verdict.explanation}.join(u'\n'));

    clearLayout(m_stepsLayout);
    for (qsizetype i = 0; i < m_verdict.nextSteps.size(); ++i) {
        auto *step = textLabel(m_steps);
        step->setText(u"%1.  %2"_s.arg(i + 1).arg(m_verdict.nextSteps.at(i)));
        m_stepsLayout->addWidget(step);
    }
    if (!m_verdict.snippets.isEmpty())
        m_stepsLayout->addWidget(new SnippetGroup(m_verdict.snippets, m_steps));
}

} // namespace llmdoctor::ui
