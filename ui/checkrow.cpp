#include "checkrow.h"

#include "charts/phasechart.h"
#include "core/checks/detailtext.h"
#include "glossary.h"
#include "palette.h"

#include <QFontDatabase>
#include <QFontMetrics>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace llmdoctor::ui {

using namespace Qt::StringLiterals;

namespace {

QLabel *selectableLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

} // namespace

CheckRow::CheckRow(const QString &id, const QString &title, QWidget *parent)
    : QFrame(parent), m_id(id), m_title(title)
{
    setObjectName(u"checkRow_"_s + id);
    setFrameShape(QFrame::StyledPanel);
    setFrameShadow(QFrame::Plain);

    m_icon = new StatusIcon(22, this);
    m_titleLabel = new QLabel(title, this);
    m_titleLabel->setTextFormat(Qt::PlainText);
    m_titleLabel->setWordWrap(true);
    QFont bold = m_titleLabel->font();
    bold.setBold(true);
    m_titleLabel->setFont(bold);

    m_summaryLabel = selectableLabel(QString(), this);
    // The words of the question explained (DNS, TLS, proxy…), by the step or by its wording.
    m_termHelp = new TermHelp(this);
    QList<Glossary::Term> terms = Glossary::termsIn(title);
    if (id == u"dns" && !terms.contains(Glossary::Term::Dns))
        terms.prepend(Glossary::Term::Dns);
    if (id == u"tls" && !terms.contains(Glossary::Term::Tls))
        terms.prepend(Glossary::Term::Tls);
    m_termHelp->setTerms(terms);
    m_givesUp = new QLabel(this);
    m_givesUp->setObjectName(u"givesUp"_s);
    m_givesUp->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    setTone(m_givesUp, Tone::Muted);
    m_givesUp->hide();
    m_stateLabel = new QLabel(this);
    m_stateLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_stateLabel->setFont(bold);

    m_detailsButton = new QToolButton(this);
    m_detailsButton->setText(tr("Details"));
    m_detailsButton->setCheckable(true);
    m_detailsButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_detailsButton->setArrowType(Qt::RightArrow);
    m_detailsButton->setAutoRaise(true);
    m_detailsButton->setEnabled(false); // nothing to show before a result arrives
    m_detailsButton->setAccessibleName(tr("Technical details for: %1").arg(title));

    // The technical part, hidden until asked for.
    m_details = new QWidget(this);
    m_details->setObjectName(u"details"_s);
    auto *detailsLayout = new QVBoxLayout(m_details);
    detailsLayout->setContentsMargins(0, 4, 0, 0);
    m_detailForm = new QFormLayout;
    m_detailForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_detailForm->setRowWrapPolicy(QFormLayout::WrapLongRows);
    detailsLayout->addLayout(m_detailForm);
    m_timingsLabel = selectableLabel(QString(), m_details);
    detailsLayout->addWidget(m_timingsLabel);
    m_evidence = new QPlainTextEdit(m_details);
    m_evidence->setObjectName(u"evidence"_s);
    m_evidence->setReadOnly(true);
    m_evidence->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_evidence->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Bodies are often one long JSON line: wrap it rather than make people scroll sideways.
    m_evidence->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_evidence->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_evidence->setTabChangesFocus(true);
    m_evidence->setMaximumHeight(m_evidence->fontMetrics().lineSpacing() * 12 + 12);
    m_evidence->setAccessibleName(tr("What the server sent back, for: %1").arg(title));
    detailsLayout->addWidget(m_evidence);
    m_details->hide();

    connect(m_detailsButton, &QToolButton::toggled, this, [this](bool on) {
        m_details->setVisible(on);
        m_detailsButton->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
    });

    auto *text = new QVBoxLayout;
    text->setSpacing(2);
    auto *titleRow = new QHBoxLayout;
    titleRow->setSpacing(4);
    // The "?" right after the question, not at the far side of the row: the title grows up to
    // its one-line width and wraps only when the row is narrower.
    m_titleLabel->setMaximumWidth(QFontMetrics(bold).horizontalAdvance(title) + 4);
    titleRow->addWidget(m_titleLabel, 100); // takes nearly all the room before the spacer gets any
    titleRow->addWidget(m_termHelp, 0, Qt::AlignTop);
    titleRow->addStretch(1);
    text->addLayout(titleRow);
    text->addWidget(m_summaryLabel);

    auto *top = new QHBoxLayout;
    top->addWidget(m_icon, 0, Qt::AlignTop);
    top->addLayout(text, 1);
    auto *state = new QVBoxLayout;
    state->setSpacing(2);
    state->addWidget(m_stateLabel);
    state->addWidget(m_givesUp);
    state->addStretch(1);
    top->addLayout(state);
    top->addWidget(m_detailsButton, 0, Qt::AlignTop);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(10, 8, 10, 8);
    outer->addLayout(top);
    // Indent the details under the text, past the badge.
    auto *indent = new QHBoxLayout;
    indent->addSpacing(m_icon->sizeHint().width() + top->spacing());
    indent->addWidget(m_details, 1);
    outer->addLayout(indent);

    setWaiting();
}

bool CheckRow::isFinal() const
{
    const QString s = status();
    return s != u"waiting" && s != u"running";
}

QWidget *CheckRow::lastFocusable() const
{
    return m_detailsButton;
}

void CheckRow::setState(StatusIcon::State state, const QString &status, const QString &word)
{
    if (status != u"running")
        m_givesUp->hide(); // only a running step has a deadline to count down to
    m_icon->setState(state);
    setProperty("status", status);
    m_stateLabel->setText(word);
    // The neutral states follow the theme; the others in a tone readable on it, light or dark.
    Tone tone = Tone::Normal;
    if (state == StatusIcon::State::Pass)
        tone = Tone::Pass;
    else if (state == StatusIcon::State::Warn)
        tone = Tone::Warn;
    else if (state == StatusIcon::State::Fail)
        tone = Tone::Fail;
    else if (state == StatusIcon::State::Running)
        tone = Tone::Running;
    setTone(m_stateLabel, tone);
    updateAccessibleText();
}

void CheckRow::updateAccessibleText()
{
    setAccessibleName(u"%1 %2"_s.arg(m_title, m_stateLabel->text()));
    setAccessibleDescription(m_summaryLabel->text());
}

void CheckRow::setWaiting()
{
    setProperty("cancelled", false);
    m_summaryLabel->setText(tr("Waiting for its turn."));
    m_detailsButton->setChecked(false);
    m_detailsButton->setEnabled(false);
    setState(StatusIcon::State::Waiting, u"waiting"_s, tr("Waiting"));
}

void CheckRow::setRunning()
{
    m_summaryLabel->setText(tr("Checking…"));
    setState(StatusIcon::State::Running, u"running"_s, tr("Checking"));
}

void CheckRow::setGivesUpIn(int seconds)
{
    const bool show = seconds >= 0 && status() == u"running";
    m_givesUp->setText(show ? tr("gives up in %1 s").arg(seconds) : QString());
    m_givesUp->setVisible(show);
}

QString CheckRow::givesUpText() const
{
    return m_givesUp->isHidden() ? QString() : m_givesUp->text();
}

void CheckRow::setProgress(const QString &text)
{
    if (status() != u"running")
        return;
    m_summaryLabel->setText(text);
    updateAccessibleText();
}

void CheckRow::setResult(const core::CheckResult &result, bool cancelled)
{
    fillDetails(result);
    m_detailsButton->setEnabled(!result.details.isEmpty() || !result.timings.isEmpty() ||
                                !result.evidence.isEmpty());
    if (cancelled) {
        setCancelled();
        return;
    }
    m_summaryLabel->setText(result.summary);
    // The answer may use a word the question did not ("a gateway answered 502").
    QList<Glossary::Term> terms = m_termHelp->terms();
    for (const Glossary::Term t : Glossary::termsIn(result.summary)) {
        if (!terms.contains(t))
            terms << t;
    }
    m_termHelp->setTerms(terms);
    switch (result.status) {
    case core::CheckStatus::Pass:
        setState(StatusIcon::State::Pass, u"pass"_s, tr("OK"));
        break;
    case core::CheckStatus::Warn:
        setState(StatusIcon::State::Warn, u"warn"_s, tr("Worth a look"));
        break;
    case core::CheckStatus::Fail:
        setState(StatusIcon::State::Fail, u"fail"_s, tr("Problem"));
        break;
    case core::CheckStatus::Skip:
        setState(StatusIcon::State::Skip, u"skip"_s, tr("Not checked"));
        break;
    }
}

void CheckRow::setCancelled()
{
    setProperty("cancelled", true);
    m_summaryLabel->setText(tr("Cancelled: this step did not finish."));
    setState(StatusIcon::State::Skip, u"skip"_s, tr("Cancelled"));
}

void CheckRow::fillDetails(const core::CheckResult &result)
{
    while (m_detailForm->rowCount() > 0)
        m_detailForm->removeRow(0);
    for (const auto &[key, english] : result.details) {
        // English in the result (the report prints it so), the user's language here.
        const QString value = core::translatedDetail(english);
        QLabel *v = selectableLabel(value, m_details);
        v->setToolTip(value);
        v->setMinimumWidth(
            1); // a long URL is clipped (full text in the tooltip) instead of widening the window
        auto *k = new QLabel(core::translatedDetail(key) + u':', m_details);
        k->setTextFormat(Qt::PlainText);
        m_detailForm->addRow(k, v);
    }

    QStringList timings;
    for (const QString &phase : PhaseChart::phaseKeys()) {
        if (result.timings.contains(phase))
            timings << u"%1 (%2) %3"_s.arg(PhaseChart::phaseLabel(phase), phase,
                                           PhaseChart::formatMs(result.timings.value(phase)));
    }
    if (result.timings.contains(u"total"_s))
        timings << tr("total %1").arg(PhaseChart::formatMs(result.timings.value(u"total"_s)));
    if (result.durationMs > 0)
        timings << tr("this step took %1").arg(PhaseChart::formatMs(result.durationMs));
    m_timingsLabel->setText(timings.isEmpty() ? QString() : tr("Timings: %1").arg(timings.join(u" · "_s)));
    m_timingsLabel->setVisible(!timings.isEmpty());

    m_evidence->setPlainText(result.evidence);
    m_evidence->moveCursor(QTextCursor::Start);
    m_evidence->setVisible(!result.evidence.isEmpty());
}

} // namespace llmdoctor::ui
