#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

namespace llmdoctor::test {

// Checks a JSON value against a JSON Schema, in the subset our documented schemas use: type,
// const, enum, required, properties, additionalProperties, items, minimum, maximum, pattern.
// Returns what does not conform, each with its path ("log.entries[0].timings.wait: ..."); empty
// when the value conforms.
QStringList schemaViolations(const QJsonValue &value, const QJsonObject &schema,
                             const QString &path = QString());

// The schema in a file of the source tree (docs/report.schema.json, tests/data/...).
QJsonObject loadSchema(const QString &relativePath);

} // namespace llmdoctor::test
