#pragma once

#include <QWidget>

class QPlainTextEdit;
class QPushButton;

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

} // namespace llmdoctor::ui
