#pragma once

#include "core/checks/checkresult.h"
#include "statusicon.h"

#include <QFrame>

class QLabel;
class QPlainTextEdit;
class QToolButton;
class QFormLayout;

namespace llmdoctor::ui {
class TermHelp;
}

namespace llmdoctor::ui {

// One line of the checklist: status badge, the question, its one-sentence answer, and a
// "Details" toggle that reveals the technical facts. Exposes its state as the dynamic property
// "status" (waiting | running | pass | warn | fail | skip) and "cancelled" (bool) for tests.
class CheckRow final : public QFrame
{
    Q_OBJECT
public:
    CheckRow(const QString &id, const QString &title, QWidget *parent = nullptr);

    QString id() const { return m_id; }
    QString title() const { return m_title; }
    QString status() const { return property("status").toString(); }
    bool isFinal() const; // has a result or was cancelled
    QToolButton *detailsButton() const { return m_detailsButton; }
    QWidget *lastFocusable() const;

    void setWaiting();
    void setRunning();
    void setProgress(const QString &text);
    // cancelled: the result only exists because the user stopped the run.
    void setResult(const core::CheckResult &result, bool cancelled = false);
    void setCancelled();
    // While running: how long until the run's deadline ends this step; negative hides it.
    void setGivesUpIn(int seconds);
    QString givesUpText() const;

private:
    void setState(StatusIcon::State state, const QString &status, const QString &word);
    void fillDetails(const core::CheckResult &result);
    void updateAccessibleText();

    QString m_id;
    QString m_title;
    StatusIcon *m_icon;
    QLabel *m_titleLabel;
    QLabel *m_summaryLabel;
    QLabel *m_stateLabel;
    QLabel *m_givesUp; // "gives up in 12 s", while running
    TermHelp *m_termHelp;
    QToolButton *m_detailsButton;
    QWidget *m_details;
    QFormLayout *m_detailForm;
    QLabel *m_timingsLabel;
    QPlainTextEdit *m_evidence;
};

} // namespace llmdoctor::ui
