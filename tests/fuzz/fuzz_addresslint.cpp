// The address lint and the --proxy parser over what a user types. First byte: the provider.
#include "core/target/addresslint.h"
#include "core/target/proxychoice.h"
#include "fuzzinput.h"

using namespace llmdoctor;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QString text = QString::fromUtf8(fuzz::bytes(data + 1, size - 1));
    core::lintBaseUrl(text, fuzz::providerFor(data[0]));
    QString error;
    core::ProxyChoice::parse(text, &error);
    return 0;
}
