#pragma once

#include "core/sim/simulator.h"

#include <QWidget>

class QComboBox;
class QPushButton;

namespace llmdoctor::ui {

// One failure to practise on: what the built-in simulator does, and what a user's app would show.
struct PracticeScenario
{
    core::Fault fault;
    QString label;      // "502 Bad Gateway"
    QString pastedText; // the message an app shows for it, to explain first; may be empty
    int failFirst = 0;  // > 0: the failure ends after this many requests (waiting helps)
};

// "No problem right now? Try it on a simulated failure": pick one, and the wizard runs against
// llmdoctor's own test server on this computer, so a user learns what each failure looks like.
class PracticeBox final : public QWidget
{
    Q_OBJECT
public:
    explicit PracticeBox(QWidget *parent = nullptr);

    static QList<PracticeScenario> scenarios();
    QComboBox *chooser() const { return m_choice; }

signals:
    void practiceRequested(const llmdoctor::ui::PracticeScenario &scenario);

private:
    QComboBox *m_choice;
    QPushButton *m_start;
};

} // namespace llmdoctor::ui
