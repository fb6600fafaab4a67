#include "snippetview.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace llmdoctor::ui {

using namespace Qt::StringLiterals;

SnippetView::SnippetView(const QString &title, const QString &language, const QString &code, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"snippet"_s);
    const bool sayLanguage = !language.isEmpty() && !title.contains(language, Qt::CaseInsensitive);
    auto *heading = new QLabel(sayLanguage ? tr("%1 (%2)").arg(title, language) : title, this);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);

    m_copy = new QPushButton(tr("Copy"), this);
    m_copy->setAccessibleName(tr("Copy: %1").arg(title));
    m_copy->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);

    m_code = new QPlainTextEdit(code, this);
    m_code->setReadOnly(true);
    m_code->setAccessibleName(title);
    m_code->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_code->setLineWrapMode(QPlainTextEdit::NoWrap);
    const int lines = std::min<int>(int(code.count(u'\n')) + 1, 14);
    m_code->setFixedHeight(m_code->fontMetrics().lineSpacing() * lines + 16);

    auto *top = new QHBoxLayout;
    top->addWidget(heading, 1);
    top->addWidget(m_copy);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 4);
    layout->addLayout(top);
    layout->addWidget(m_code);

    connect(m_copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_code->toPlainText());
        m_copy->setText(tr("Copied"));
        QTimer::singleShot(1500, m_copy, [button = m_copy] { button->setText(SnippetView::tr("Copy")); });
    });
}

QString SnippetView::code() const
{
    return m_code->toPlainText();
}

SnippetGroup::SnippetGroup(const QList<core::Snippet> &snippets, QWidget *parent) : QWidget(parent)
{
    setObjectName(u"snippetGroup"_s);
    m_toggle = new QToolButton(this);
    m_toggle->setObjectName(u"snippetToggle"_s);
    m_toggle->setCheckable(true);
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toggle->setArrowType(Qt::RightArrow);
    m_toggle->setAutoRaise(true);
    m_toggle->setText(
        tr("Copyable fixes for whoever maintains your app (%n)", nullptr, int(snippets.size())));
    m_toggle->setAccessibleName(m_toggle->text());

    m_body = new QWidget(this);
    auto *bodyLayout = new QVBoxLayout(m_body);
    bodyLayout->setContentsMargins(18, 0, 0, 0);
    for (const core::Snippet &snippet : snippets)
        bodyLayout->addWidget(new SnippetView(snippet.title, snippet.language, snippet.code, m_body));
    m_body->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_toggle, 0, Qt::AlignLeft);
    layout->addWidget(m_body);

    connect(m_toggle, &QToolButton::toggled, this, [this](bool open) {
        m_toggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
        m_body->setVisible(open);
    });
}

bool SnippetGroup::isExpanded() const
{
    return m_toggle->isChecked();
}

} // namespace llmdoctor::ui
