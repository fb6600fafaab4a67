#pragma once

#include <QString>

namespace llmdoctor::core {

class Diagnosis;

// The diagnosis as a terminal reader wants it: verdict first, then each check.
QString reportText(const Diagnosis &diagnosis, bool color = false);

} // namespace llmdoctor::core
