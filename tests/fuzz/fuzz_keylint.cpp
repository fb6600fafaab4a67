// The key lint over what a user pastes as a key. First byte: the provider.
#include "core/target/keylint.h"
#include "core/target/target.h"
#include "fuzzinput.h"

#include <cstdlib>

using namespace llmdoctor;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray key = fuzz::bytes(data + 1, size - 1);
    const core::KeyLint lint = core::lintApiKey(key, fuzz::providerFor(data[0]));
    // Findings describe the key, never quote it.
    if (lint.cleaned.size() >= 12) {
        for (const auto &f : lint.findings) {
            if (f.message.toUtf8().contains(lint.cleaned) || f.suggestion.toUtf8().contains(lint.cleaned))
                std::abort();
        }
    }
    core::sendableKey(key);
    core::redactKey(key);
    return 0;
}
