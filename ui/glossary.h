#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QToolButton>

namespace llmdoctor::ui {

// The network words the wizard cannot avoid (DNS, TLS, gateway, proxy, rate limit, retry-after),
// each with one plain sentence, in one place: every page explains a word the same way.
class Glossary final
{
    Q_DECLARE_TR_FUNCTIONS(Glossary)
public:
    enum class Term
    {
        Dns,
        Tls,
        Gateway,
        Proxy,
        RateLimit,
        RetryAfter
    };
    static QList<Term> all();
    static QString name(Term term);        // "DNS", "rate limit"
    static QString explanation(Term term); // one plain sentence
    // The terms a text mentions, in glossary order: whole words, any case, in English and in the
    // language shown (a German page says "Ratenbegrenzung", the server says "rate limit").
    static QList<Term> termsIn(const QString &text);
    // "DNS: …" one line per term, for a tooltip.
    static QString tooltip(const QList<Term> &terms);
};

// A small "?" beside a heading or label: hovering or clicking it shows what its words mean.
// Hidden while there is nothing to explain.
class TermHelp final : public QToolButton
{
    Q_OBJECT
public:
    explicit TermHelp(QWidget *parent = nullptr);

    void setTerms(const QList<Glossary::Term> &terms);
    void setTermsFrom(const QString &text) { setTerms(Glossary::termsIn(text)); }
    QList<Glossary::Term> terms() const { return m_terms; }

private:
    QList<Glossary::Term> m_terms;
};

} // namespace llmdoctor::ui
