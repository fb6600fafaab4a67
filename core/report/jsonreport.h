#pragma once

#include <QJsonObject>

namespace llmdoctor::core {

class Diagnosis;

// The llmdoctor.report/1 document of DESIGN.md. The key appears only in redacted form.
QJsonObject reportJson(const Diagnosis &diagnosis);

} // namespace llmdoctor::core
