#pragma once

#include <QJsonObject>

namespace llmdoctor::core {

class Diagnosis;
class Monitor;
class Retrier;
struct PathResult;

// The llmdoctor.report/1 document of DESIGN.md (schema: docs/report.schema.json), with the
// wizard's retry and monitor runs when given. The key appears only in redacted form.
QJsonObject reportJson(const Diagnosis &diagnosis, const Retrier *retry = nullptr,
                       const Monitor *monitor = nullptr, const PathResult *path = nullptr);

} // namespace llmdoctor::core
