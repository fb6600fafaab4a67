#pragma once

#include "core/diagnosis/errorclassifier.h"
#include "core/diagnosis/verdict.h"
#include "core/target/target.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QVBoxLayout;

namespace llmdoctor::ui {

class PathDiagram;
class TermHelp;

// "What this error means": the message the user pasted, explained before any check runs —
// who wrote it, where on the path it broke, who should act.
class ErrorPage final : public QWidget
{
    Q_OBJECT
public:
    explicit ErrorPage(QWidget *parent = nullptr);

    // Classifies the text and shows what it means.
    void explain(const QString &pastedText, const core::Target &target);
    const core::ErrorSignature &signature() const { return m_signature; }
    const core::Verdict &verdict() const { return m_verdict; }

private:
    core::ErrorSignature m_signature;
    core::Verdict m_verdict;
    QPlainTextEdit *m_quote;
    QLabel *m_producer;
    PathDiagram *m_path;
    QLabel *m_headline;
    TermHelp *m_termHelp;
    QLabel *m_meaning;
    QLabel *m_whoActs;
    QLabel *m_explanation;
    QLabel *m_certainty;
    QWidget *m_steps;
    QVBoxLayout *m_stepsLayout;
    QLabel *m_next;
};

} // namespace llmdoctor::ui
