// classifyErrorText over pasted text of any shape, and the provider error body parser.
#include "core/diagnosis/errorclassifier.h"
#include "core/diagnosis/responseclassifier.h"
#include "fuzzinput.h"

#include <cstdlib>

using namespace llmdoctor;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    const core::ErrorSignature sig = core::classifyErrorText(QString::fromUtf8(input));
    if (!core::verdictCategories().contains(sig.category))
        std::abort();
    if (sig.confidence < 0 || sig.confidence > 1)
        std::abort();
    sig.toJson();
    core::parseProviderError(input);
    return 0;
}
