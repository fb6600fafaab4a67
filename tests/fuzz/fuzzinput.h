#pragma once

#include <QByteArray>
#include <QList>
#include <cstddef>
#include <cstdint>

namespace llmdoctor::fuzz {

// The fuzzer's bytes as a QByteArray that owns a copy: libFuzzer's buffer is exactly size bytes
// long, so ASan catches any read past it in the copy as well.
inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

// Splits the input at NUL bytes (at most maxParts parts), so one input can carry several
// arguments (a key and a text, a provider id and an address) and the corpus stays readable.
inline QList<QByteArray> parts(const QByteArray &input, int maxParts)
{
    QList<QByteArray> out;
    qsizetype from = 0;
    while (out.size() < maxParts - 1) {
        const qsizetype nul = input.indexOf('\0', from);
        if (nul < 0)
            break;
        out.append(input.mid(from, nul - from));
        from = nul + 1;
    }
    out.append(input.mid(from));
    return out;
}

// Provider ids the catalogue knows, picked by a byte, plus "" (a custom server).
inline QString providerFor(unsigned char pick)
{
    static const char *const ids[] = {"",     "openai",     "anthropic", "gemini", "mistral",
                                      "groq", "openrouter", "ollama",    "azure",  "custom"};
    return QString::fromLatin1(ids[pick % (sizeof ids / sizeof *ids)]);
}

} // namespace llmdoctor::fuzz
