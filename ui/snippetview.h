#pragma once

#include "core/diagnosis/errorclassifier.h"

#include <QWidget>

class QPlainTextEdit;
class QPushButton;
class QToolButton;

namespace llmdoctor::ui {

// A fix the user can copy as it is: retry code, an nginx block, a corrected address.
class SnippetView final : public QWidget
{
    Q_OBJECT
public:
    SnippetView(const QString &title, const QString &language, const QString &code,
                QWidget *parent = nullptr);
    QString code() const;

private:
    QPlainTextEdit *m_code;
    QPushButton *m_copy;
};

// The fixes of a verdict behind one toggle: code is for whoever maintains the app, and would
// bury the plain-language steps if shown at once.
class SnippetGroup final : public QWidget
{
    Q_OBJECT
public:
    explicit SnippetGroup(const QList<core::Snippet> &snippets, QWidget *parent = nullptr);
    bool isExpanded() const;

private:
    QToolButton *m_toggle;
    QWidget *m_body;
};

} // namespace llmdoctor::ui
