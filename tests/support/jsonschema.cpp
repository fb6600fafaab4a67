#include "jsonschema.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <cmath>

namespace llmdoctor::test {

using namespace Qt::StringLiterals;

namespace {

bool hasType(const QJsonValue &v, const QString &type)
{
    if (type == u"object")
        return v.isObject();
    if (type == u"array")
        return v.isArray();
    if (type == u"string")
        return v.isString();
    if (type == u"number")
        return v.isDouble();
    if (type == u"integer")
        return v.isDouble() && std::floor(v.toDouble()) == v.toDouble();
    if (type == u"boolean")
        return v.isBool();
    if (type == u"null")
        return v.isNull();
    return false;
}

} // namespace

QStringList schemaViolations(const QJsonValue &value, const QJsonObject &schema, const QString &path)
{
    QStringList out;
    const QString at = path.isEmpty() ? u"(root)"_s : path;
    if (schema.contains(u"type")) {
        const QJsonValue t = schema.value(u"type");
        QStringList types;
        if (t.isArray()) {
            for (const QJsonValue &x : t.toArray())
                types << x.toString();
        } else {
            types << t.toString();
        }
        if (!std::any_of(types.cbegin(), types.cend(),
                         [&](const QString &type) { return hasType(value, type); })) {
            out << u"%1: expected %2"_s.arg(at, types.join(u" or "_s));
            return out;
        }
    }
    if (schema.contains(u"const") && value != schema.value(u"const"))
        out << u"%1: expected %2"_s.arg(
            at, QString::fromUtf8(
                    QJsonDocument(QJsonArray{schema.value(u"const")}).toJson(QJsonDocument::Compact)));
    if (schema.contains(u"enum") && !schema.value(u"enum").toArray().contains(value))
        out << u"%1: %2 is not one of the allowed values"_s.arg(at, value.toVariant().toString());
    if (value.isDouble()) {
        if (schema.contains(u"minimum") && value.toDouble() < schema.value(u"minimum").toDouble())
            out << u"%1: %2 is below the minimum"_s.arg(at).arg(value.toDouble());
        if (schema.contains(u"maximum") && value.toDouble() > schema.value(u"maximum").toDouble())
            out << u"%1: %2 is above the maximum"_s.arg(at).arg(value.toDouble());
    }
    if (value.isString() && schema.contains(u"pattern")) {
        const QRegularExpression re(schema.value(u"pattern").toString());
        if (!re.match(value.toString()).hasMatch())
            out << u"%1: \"%2\" does not match %3"_s.arg(at, value.toString(), re.pattern());
    }
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (const QJsonValue &r : schema.value(u"required").toArray()) {
            if (!o.contains(r.toString()))
                out << u"%1: missing \"%2\""_s.arg(at, r.toString());
        }
        const QJsonObject props = schema.value(u"properties").toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            const QString child = path.isEmpty() ? it.key() : path + u'.' + it.key();
            if (props.contains(it.key()))
                out << schemaViolations(it.value(), props.value(it.key()).toObject(), child);
            else if (schema.value(u"additionalProperties").isObject())
                out << schemaViolations(it.value(), schema.value(u"additionalProperties").toObject(), child);
        }
    }
    if (value.isArray() && schema.value(u"items").isObject()) {
        const QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            out << schemaViolations(a.at(i), schema.value(u"items").toObject(), u"%1[%2]"_s.arg(path).arg(i));
    }
    return out;
}

QJsonObject loadSchema(const QString &relativePath)
{
    QFile f(QStringLiteral(LLMDOCTOR_SOURCE_DIR) + u'/' + relativePath);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

} // namespace llmdoctor::test
