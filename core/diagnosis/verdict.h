#pragma once

#include "../checks/checkresult.h"
#include "errorclassifier.h"

#include <QJsonObject>
#include <QStringList>

namespace llmdoctor::core {

struct DiagnosisContext;

// The answer a user reads first: what is wrong, whose side it is on, what to do.
struct Verdict
{
    QString category = QStringLiteral("unknown");
    QString blame = QStringLiteral("none"); // none | local | network | proxy | provider | account | config
    QString headline;
    QString explanation;
    QStringList nextSteps;
    double confidence = 0;
    QString decidedBy;       // id of the check the verdict rests on ("error_text" for a pasted message)
    QList<Snippet> snippets; // copyable fixes: retry code, an nginx block, a corrected address

    QJsonObject toJson() const;
    // Who should act, for a non-expert: "you", "your network administrator", "the provider", ...
    static QString whoActs(const QString &blame);
};

// Picks the most fundamental failure (name lookup before connection before TLS before HTTP)
// and words it from resources/advice.json. When the target carries a pasted error message, the
// message is folded in: it confirms a failure the checks found, or explains a failure they
// could no longer see (a provider-side error while every check passes now).
Verdict decideVerdict(const QList<CheckResult> &results, const DiagnosisContext &context);

// The advice entry `key` (resources/advice.json) worded with these placeholder values ("status",
// "host", "detail", ...); a placeholder without a value drops the words that need it. The
// category is the key's, and the copyable fixes those of that category.
Verdict verdictFromAdvice(const QString &key, const QString &category, const QMap<QString, QString> &values);

// The verdict for a pasted error message alone (llmdoctor explain), without any check.
Verdict verdictForSignature(const ErrorSignature &signature);

} // namespace llmdoctor::core
