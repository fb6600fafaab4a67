#include "glossary.h"

#include <QRegularExpression>
#include <QToolTip>

namespace llmdoctor::ui {

using namespace Qt::StringLiterals;

namespace {

// The words that name a term in what servers and core messages say (English, not shown).
QStringList englishWords(Glossary::Term term)
{
    switch (term) {
    case Glossary::Term::Dns:
        return {u"DNS"_s, u"name lookup"_s};
    case Glossary::Term::Tls:
        return {u"TLS"_s, u"SSL"_s, u"certificate"_s};
    case Glossary::Term::Gateway:
        return {u"gateway"_s};
    case Glossary::Term::Proxy:
        return {u"proxy"_s, u"proxies"_s};
    case Glossary::Term::RateLimit:
        return {u"rate limit"_s, u"rate-limit"_s, u"too many requests"_s};
    case Glossary::Term::RetryAfter:
        return {u"retry-after"_s, u"retry after"_s};
    }
    return {};
}

// Other words for a term in the language shown, comma-separated, from the translation.
QStringList translatedWords(Glossary::Term term)
{
    QString words;
    switch (term) {
    case Glossary::Term::Dns:
        words = Glossary::tr("name lookup", "glossary: other words for DNS, comma-separated");
        break;
    case Glossary::Term::Tls:
        words = Glossary::tr("certificate", "glossary: other words for TLS, comma-separated");
        break;
    case Glossary::Term::Gateway:
        words = Glossary::tr("gateway", "glossary: other words for gateway, comma-separated");
        break;
    case Glossary::Term::Proxy:
        words = Glossary::tr("proxy", "glossary: other words for proxy, comma-separated");
        break;
    case Glossary::Term::RateLimit:
        words = Glossary::tr("rate limit", "glossary: other words for rate limit, comma-separated");
        break;
    case Glossary::Term::RetryAfter:
        words = Glossary::tr("retry-after", "glossary: other words for retry-after, comma-separated");
        break;
    }
    QStringList out;
    for (const QString &w : words.split(u',', Qt::SkipEmptyParts))
        out << w.trimmed();
    return out;
}

} // namespace

QList<Glossary::Term> Glossary::all()
{
    return {Term::Dns, Term::Tls, Term::Gateway, Term::Proxy, Term::RateLimit, Term::RetryAfter};
}

QString Glossary::name(Term term)
{
    switch (term) {
    case Term::Dns:
        return tr("DNS");
    case Term::Tls:
        return tr("TLS");
    case Term::Gateway:
        return tr("Gateway");
    case Term::Proxy:
        return tr("Proxy");
    case Term::RateLimit:
        return tr("Rate limit");
    case Term::RetryAfter:
        return tr("Retry-after");
    }
    return {};
}

QString Glossary::explanation(Term term)
{
    switch (term) {
    case Term::Dns:
        return tr("The internet's phone book: it turns a name like api.openai.com into the number "
                  "(IP address) your computer connects to.");
    case Term::Tls:
        return tr("The encryption behind https: it keeps the connection private, and the server's "
                  "certificate proves it is the server it claims to be.");
    case Term::Gateway:
        return tr("A server between you and the model's server that passes your requests on; \"Bad "
                  "Gateway\" means it got no usable answer from the server behind it.");
    case Term::Proxy:
        return tr("A server, often your company's, that your computer sends its internet traffic "
                  "through instead of connecting directly.");
    case Term::RateLimit:
        return tr("How many requests the provider lets you send per minute; above it, it answers "
                  "429 until the limit resets.");
    case Term::RetryAfter:
        return tr("The server telling you how many seconds to wait before you try again.");
    }
    return {};
}

QList<Glossary::Term> Glossary::termsIn(const QString &text)
{
    QList<Term> found;
    if (text.isEmpty())
        return found;
    for (const Term term : all()) {
        QStringList words = englishWords(term) + translatedWords(term);
        words << name(term);
        QStringList escaped;
        for (const QString &w : std::as_const(words))
            escaped << QRegularExpression::escape(w);
        // A word's start only: "gateways", "proxy's" and German compounds' first part count too.
        const QRegularExpression re(u"(?<![\\w-])(%1)"_s.arg(escaped.join(u'|')),
                                    QRegularExpression::CaseInsensitiveOption |
                                        QRegularExpression::UseUnicodePropertiesOption);
        if (re.match(text).hasMatch())
            found << term;
    }
    return found;
}

QString Glossary::tooltip(const QList<Term> &terms)
{
    QStringList lines;
    for (const Term term : terms)
        lines << tr("%1: %2").arg(name(term), explanation(term));
    return lines.join(u'\n');
}

TermHelp::TermHelp(QWidget *parent) : QToolButton(parent)
{
    setObjectName(u"termHelp"_s);
    setText(u"?"_s);
    setAutoRaise(true);
    setCursor(Qt::WhatsThisCursor);
    // Explains the words beside it; the words themselves stay the way through the page.
    setFocusPolicy(Qt::NoFocus);
    hide();
    connect(this, &QToolButton::clicked, this,
            [this] { QToolTip::showText(mapToGlobal(rect().bottomLeft()), toolTip(), this); });
}

void TermHelp::setTerms(const QList<Glossary::Term> &terms)
{
    m_terms = terms;
    const QString tip = Glossary::tooltip(terms);
    setToolTip(tip);
    setAccessibleName(tr("What the words mean"));
    setAccessibleDescription(tip);
    setVisible(!terms.isEmpty());
}

} // namespace llmdoctor::ui
