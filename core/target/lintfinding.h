#pragma once

#include "../diagnosis/category.h"

#include <QList>
#include <QString>

namespace llmdoctor::core {

// One thing the offline lint noticed about what the user typed. Never quotes a key.
struct LintFinding
{
    QString code;       // stable id for tests and the UI: "missing_scheme", "bearer_prefix", ...
    bool fatal = false; // the value cannot work as typed (else: a warning)
    QString message;    // one plain sentence: what is wrong and what to type instead
    QString suggestion; // the corrected value to type, when there is one (never for keys)
    Category category = Category::Ok; // the verdict category a fatal finding points at
};

inline bool hasFatal(const QList<LintFinding> &findings)
{
    for (const LintFinding &f : findings) {
        if (f.fatal)
            return true;
    }
    return false;
}

} // namespace llmdoctor::core
