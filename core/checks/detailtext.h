#pragma once

#include <QString>

namespace llmdoctor::core {

// A check's detail key or value (CheckResult::details) in the installed language. The details stay
// English in the result, since the JSON report and the CLI print them as they are; the wizard
// translates them where it shows them. Known words and templates ("hop %1") are translated, their
// arguments too when they are known words; anything else (addresses, header values, numbers)
// comes back unchanged.
QString translatedDetail(const QString &text);

} // namespace llmdoctor::core
