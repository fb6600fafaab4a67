#pragma once

#include "lintfinding.h"

#include <QByteArray>

namespace llmdoctor::core {

struct KeyLint
{
    QList<LintFinding> findings;
    QByteArray cleaned; // without surrounding whitespace, quotes, "Bearer ", invisible characters
    // True when cleaning removed more than surrounding whitespace (which a header drops anyway):
    // then a second request with the cleaned key tells whether cleaning fixes it.
    bool strayCharacters = false;
};

// Offline checks of an API key: missing, surrounding whitespace or line break, quotes, a pasted
// "Bearer " prefix, a placeholder, non-ASCII characters, the shape of another provider's keys, an
// implausible length. Messages describe the key, never quote it.
KeyLint lintApiKey(const QByteArray &key, const QString &providerId = QString());

// The provider whose keys start the way this one does (the longest prefix of the catalogue), or
// empty when no provider's prefix fits or two providers share it ("sk-": OpenAI and DeepSeek).
QString providerForKey(const QByteArray &key);

// The key as a header can carry it: surrounding whitespace and control characters removed.
QByteArray sendableKey(const QByteArray &key);

} // namespace llmdoctor::core
