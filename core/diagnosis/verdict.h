#pragma once

#include "../checks/checkresult.h"

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
    QString decidedBy; // id of the check the verdict rests on

    QJsonObject toJson() const;
    // Who should act, for a non-expert: "you", "your network administrator", "the provider", ...
    static QString whoActs(const QString &blame);
};

// Picks the most fundamental failure (name lookup before connection before TLS before HTTP)
// and words it from resources/advice.json.
Verdict decideVerdict(const QList<CheckResult> &results, const DiagnosisContext &context);

} // namespace llmdoctor::core
