#pragma once

#include "../checks/checkresult.h"
#include "category.h"
#include "errorclassifier.h"

#include <QJsonObject>
#include <QStringList>

namespace llmdoctor::core {

struct Target;

struct DiagnosisContext;

// A further cause the checks found beside the one the verdict leads with.
struct AlsoFound
{
    Category category = Category::Unknown;
    Blame blame = Blame::None;
    QString headline;
    QString decidedBy; // the check that found it
};

// The answer a user reads first: what is wrong, whose side it is on, what to do.
struct Verdict
{
    Category category = Category::Unknown;
    Blame blame = Blame::None;
    QString headline;
    QString explanation;
    QStringList nextSteps;
    double confidence = 0;
    QString decidedBy;       // id of the check the verdict rests on ("error_text" for a pasted message)
    QList<Snippet> snippets; // copyable fixes: retry code, an nginx block, a corrected address
    // Other causes, what blocks first and hardest first: the primary one blocks everything now,
    // these are next (an outage now, and a key still missing for when it is over).
    QList<AlsoFound> alsoFound;

    QString categoryName() const { return core::categoryName(category); }
    QString blameName() const { return core::blameName(blame); }
    QJsonObject toJson() const;
    // Who should act, for a non-expert: "you", "your network administrator", "the provider", ...
    static QString whoActs(Blame blame);
};

// Picks the most fundamental failure (name lookup before connection before TLS before HTTP)
// and words it from resources/advice.json. When the target carries a pasted error message, the
// message is folded in: it confirms a failure the checks found, or explains a failure they
// could no longer see (a provider-side error while every check passes now).
Verdict decideVerdict(const QList<CheckResult> &results, const DiagnosisContext &context);

// The advice entry `key` (resources/advice.json) worded with these placeholder values ("status",
// "host", "detail", ...); a sentence that needs a value that is absent is not used. The
// category is the key's, and the copyable fixes those of that category.
Verdict verdictFromAdvice(const QString &key, Category category, const QMap<QString, QString> &values);

// The verdict for a pasted error message alone (llmdoctor explain), without any check.
Verdict verdictForSignature(const ErrorSignature &signature);
// The same, for the target it was pasted for: whose gateway wrote it follows the same rules as
// the verdict after the checks (a gateway in front of an address on this computer is the user's).
Verdict readPastedError(const ErrorSignature &signature, const Target &target);

} // namespace llmdoctor::core
