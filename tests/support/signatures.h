#pragma once

#include "core/monitor/timingsignature.h"

namespace llmdoctor::test {

// The signature of that kind among those found, or nullptr.
inline const core::TimingSignature *findSignature(const QList<core::TimingSignature> &list,
                                                  const QString &kind)
{
    for (const core::TimingSignature &s : list) {
        if (s.kind == kind)
            return &s;
    }
    return nullptr;
}
// The pointer would dangle as soon as the temporary list is gone (ASan found three such tests):
// keep the list in a variable.
const core::TimingSignature *findSignature(QList<core::TimingSignature> &&list, const QString &kind) = delete;

} // namespace llmdoctor::test
