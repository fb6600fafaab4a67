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

} // namespace llmdoctor::test
