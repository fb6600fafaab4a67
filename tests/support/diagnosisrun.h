#pragma once

#include "core/checks/diagnosis.h"
#include "support/waiting.h"

#include <QElapsedTimer>
#include <gtest/gtest.h>

namespace llmdoctor::test {

// What a real Diagnosis decided, for tests to look at after it has gone.
struct DiagnosisOutcome
{
    core::Verdict verdict;
    QList<core::CheckResult> results;
    qint64 elapsedMs = 0; // from start() until it finished or the wait ended
    bool finished = false;

    const core::CheckResult *check(const QString &id) const
    {
        for (const core::CheckResult &r : results) {
            if (r.id == id)
                return &r;
        }
        return nullptr;
    }
    QString status(const QString &id) const
    {
        return check(id) ? core::checkStatusName(check(id)->status) : QStringLiteral("missing");
    }
};

// Prepares and starts diagnosis, then runs the event loop until it finishes or waitMs pass.
inline DiagnosisOutcome runDiagnosis(core::Diagnosis &diagnosis, int waitMs = 20000)
{
    QString error;
    EXPECT_TRUE(diagnosis.prepare(&error)) << error.toStdString();
    QElapsedTimer clock;
    clock.start();
    diagnosis.start();
    DiagnosisOutcome o;
    o.finished = waitFor([&diagnosis] { return diagnosis.isFinished(); }, waitMs);
    o.elapsedMs = clock.elapsed();
    o.verdict = diagnosis.verdict();
    o.results = diagnosis.results();
    return o;
}

} // namespace llmdoctor::test
