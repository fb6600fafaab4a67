// The redactor's promise: after apply(), the key is not in the text in any form it knows (raw,
// base64 and base64url at any offset, hex in either case, escaped a character at a time as %XX,
// \\u00XX, &#NN; or &#xNN;, HTML-escaped). The input is a key, a NUL, then the text; each form
// is also planted into the text.
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
    // The forms a key takes escaped a character at a time, in either case.
    auto eachByte = [&key](const char *format) {
        QByteArray out;
        for (const char c : key)
            out += QString::asprintf(format, unsigned(uchar(c))).toLatin1();
        return out;
    };
    QList<QByteArray> forms{key,
                            key.toBase64(),
                            key.toHex(),
                            key.toHex().toUpper(),
                            eachByte("%%%02X"),
                            eachByte("%%%02x"),
                            eachByte("\\u%04x"),
                            eachByte("&#%u;"),
                            eachByte("&#x%X;"),
                            QString::fromLatin1(key).toHtmlEscaped().toLatin1()};
    QList<QByteArray> planted{text, text + key + text, key.toBase64() + text, text + key.toHex()};
    for (const QByteArray &f : std::as_const(forms))
        planted << text + f + text;
    // base64url inside a longer text, at each of its three offsets: its middle groups must go. A
    // middle encodes only part of the key, so the fuzzer's own text may hold it as part of the
    // encoding of another string (a near-key): those are not the key, and not checked.
    QList<QByteArray> middles;
    for (const QByteArray &lead : {QByteArray("u:"), QByteArray("us:"), QByteArray("use:")}) {
        const QByteArray enc =
            (lead + key).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        planted << text + enc + text;
        if (!text.contains(enc.mid(4, enc.size() - 8)))
            middles << enc.mid(4, enc.size() - 8);
    }
    for (const QByteArray &in : std::as_const(planted)) {
        const QByteArray out = redactor.apply(in);
        if (realistic) {
            for (const QByteArray &f : std::as_const(forms)) {
                if (out.contains(f))
                    std::abort();
            }
            for (const QByteArray &f : std::as_const(middles)) {
                if (out.contains(f))
                    std::abort();
            }
        }
        redactor.apply(QString::fromUtf8(in));
    }
    return 0;
}
