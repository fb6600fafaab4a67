// The redactor's promise: after apply(), the key is not in the text. The input is a key, a NUL,
// then the text; the key is also planted into the text in the forms the redactor knows.
#include "core/target/redactor.h"
#include "core/target/target.h"
#include "fuzzinput.h"

#include <cstdlib>

using namespace llmdoctor;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QList<QByteArray> p = fuzz::parts(fuzz::bytes(data, size), 2);
    if (p.size() < 2)
        return 0;
    core::Target target;
    target.apiKey = p[0];
    const QByteArray key = p[0].trimmed();
    const core::Redactor redactor(target);
    // Printable-ASCII keys of a real key's length: what API keys are.
    const bool realistic =
        key.size() >= 12 && std::all_of(key.cbegin(), key.cend(), [](char c) { return c > ' ' && c < 127; });
    const QByteArray text = p[1];
    for (const QByteArray &planted : {text, text + key + text, key.toBase64() + text, text + key.toHex()}) {
        const QByteArray out = redactor.apply(planted);
        if (realistic && (out.contains(key) || out.contains(key.toBase64()) || out.contains(key.toHex())))
            std::abort();
        redactor.apply(QString::fromUtf8(planted));
    }
    return 0;
}
