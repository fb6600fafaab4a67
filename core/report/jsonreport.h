#pragma once

#include <QJsonObject>

namespace llmdoctor::core {

struct Findings;

// The llmdoctor.report/1 document of DESIGN.md (schema: docs/report.schema.json).
QJsonObject reportJson(const Findings &findings);

} // namespace llmdoctor::core
