#include "check.h"

#include "../probe/exchange.h"
#include "../target/redactor.h"
#include "diagnosiscontext.h"

#include <QCoreApplication>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

QString checkStatusName(CheckStatus status)
{
    switch (status) {
    case CheckStatus::Pass:
        return u"pass"_s;
    case CheckStatus::Warn:
        return u"warn"_s;
    case CheckStatus::Fail:
        return u"fail"_s;
    case CheckStatus::Skip:
        return u"skip"_s;
    }
    return {};
}

QString CheckResult::detail(const QString &key) const
{
    for (const auto &[k, v] : details) {
        if (k == key)
            return v;
    }
    return {};
}

QString checkCategoryName(const CheckResult &result)
{
    // The report's wire form predates the enum: a skipped check was named "skipped", not "ok".
    if (result.status == CheckStatus::Skip && result.category == Category::Ok)
        return u"skipped"_s;
    return categoryName(result.category);
}

Check::Check(QString id, QString title, QStringList dependencies, QObject *parent)
    : QObject(parent), m_id(std::move(id)), m_title(std::move(title)), m_dependencies(std::move(dependencies))
{
    m_result.id = m_id;
    m_result.title = m_title;
}

void Check::start(std::shared_ptr<DiagnosisContext> context)
{
    if (m_running || m_finished)
        return;
    m_context = std::move(context);
    m_running = true;
    m_clock.start();
    run();
}

CheckResult Check::makeResult(CheckStatus status, const QString &summary,
                              std::optional<Category> category) const
{
    CheckResult r;
    r.id = m_id;
    r.title = m_title;
    r.status = status;
    r.summary = summary;
    r.category = category.value_or(status == CheckStatus::Fail ? Category::Unknown : Category::Ok);
    return r;
}

void Check::complete(CheckResult result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_running = false;
    result.id = m_id;
    result.title = m_title;
    result.durationMs = m_clock.isValid() ? double(m_clock.nsecsElapsed()) / 1e6 : 0;
    // A server may echo the key back (in an error message, a header): it never reaches a result.
    if (m_context) {
        const Redactor redactor(m_context->target, m_context->proxy.proxy);
        result.summary = redactor.apply(result.summary);
        for (auto &[key, value] : result.details)
            value = redactor.apply(value);
        result.evidence = redactor.apply(result.evidence);
        CheckFacts &f = result.facts;
        for (QString *text : {&f.providerMessage, &f.error, &f.movedTo, &f.pageTitle})
            *text = redactor.apply(*text);
        for (auto &[key, value] : f.requestIds)
            value = redactor.apply(value);
    }
    m_result = result;
    emit finished(m_result);
}

void Check::cancel()
{
    if (m_finished)
        return;
    if (m_running)
        abort();
    complete(makeResult(CheckStatus::Skip, QCoreApplication::translate("Check", "Cancelled."),
                        Category::Cancelled));
}

void Check::expire(const QString &why, Category category)
{
    if (m_finished)
        return;
    if (m_running)
        abort();
    complete(makeResult(CheckStatus::Fail, why, category));
}

void Check::skip(const QString &why, const QString &blockedBy)
{
    if (m_finished)
        return;
    CheckResult r = makeResult(CheckStatus::Skip, why);
    if (!blockedBy.isEmpty())
        r.addDetail(u"blocked by"_s, blockedBy);
    complete(r);
}

void Check::recordExchange(const Exchange *exchange, const ExchangeResult &result)
{
    if (!exchange || !m_context)
        return;
    RecordedExchange r;
    r.checkId = m_id;
    r.request = exchange->request();
    r.result = result;
    r.startedAt = QDateTime::currentDateTime().addMSecs(-qint64(std::max(0.0, result.marks.total)));
    m_context->exchanges.append(r);
}

void Check::stopExchange(Exchange *exchange)
{
    if (exchange) {
        exchange->disconnect(this);
        exchange->cancel();
    }
}

} // namespace llmdoctor::core
