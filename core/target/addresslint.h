#pragma once

#include "lintfinding.h"

namespace llmdoctor::core {

// Offline checks of an API address as typed: missing scheme, http for a cloud provider, an
// endpoint pasted as the base address, a missing or doubled /v1, stray whitespace, look-alike
// characters, a host one typo away from a known provider's. providerId may be empty.
QList<LintFinding> lintBaseUrl(const QString &text, const QString &providerId = QString());

// Levenshtein distance; small inputs only (host names, model names).
int editDistance(const QString &a, const QString &b);

} // namespace llmdoctor::core
