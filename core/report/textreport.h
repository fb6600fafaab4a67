#pragma once

#include <QString>

namespace llmdoctor::core {

struct Findings;
struct Verdict;

// ANSI colour around text when color is set ("1;32" bold green, ...).
QString paint(bool color, const QString &text, const char *code);

// The verdict block: headline, who should act, explanation, next steps, copyable fixes.
QString verdictText(const Verdict &verdict, bool color = false);

// The diagnosis as a terminal reader wants it: verdict first, then each check.
QString reportText(const Findings &findings, bool color = false);

} // namespace llmdoctor::core
