#include "wordmodel.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <cmath>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

WordModel::WordModel()
{
    QFile f(u":/llmdoctor/second_reading.json"_s);
    if (!f.open(QIODevice::ReadOnly)) {
        m_problems << u"second_reading.json is missing from the resources"_s;
        return;
    }
    QJsonParseError perr;
    const QJsonObject root = QJsonDocument::fromJson(f.readAll(), &perr).object();
    if (perr.error != QJsonParseError::NoError) {
        m_problems << u"second_reading.json: %1"_s.arg(perr.errorString());
        return;
    }
    const double alpha = root[u"alpha"_s].toDouble();
    m_maxChars = root[u"max_chars"_s].toInteger();
    const QJsonArray features = root[u"features"_s].toArray();
    m_index.reserve(features.size());
    for (qsizetype i = 0; i < features.size(); ++i)
        m_index.insert(features.at(i).toString(), int(i));
    for (const QJsonValue &id : root[u"learnt_from"_s].toArray())
        m_learntFrom << id.toString();

    const QJsonArray classes = root[u"classes"_s].toArray();
    double texts = 0;
    for (const QJsonValue &c : classes)
        texts += c[u"texts"_s].toDouble();
    if (alpha <= 0 || m_maxChars <= 0 || m_index.isEmpty() || classes.isEmpty() || texts <= 0) {
        m_problems << u"second_reading.json has no model in it"_s;
        return;
    }
    for (const QJsonValue &c : classes) {
        Class k;
        k.category = c[u"category"_s].toString();
        k.prior = std::log(c[u"texts"_s].toDouble() / texts);
        const QJsonArray counts = c[u"counts"_s].toArray();
        double total = alpha * double(m_index.size());
        for (const QJsonValue &pair : counts)
            total += pair[1].toDouble();
        k.unseen = std::log(alpha / total);
        k.weight.reserve(counts.size());
        for (const QJsonValue &pair : counts)
            k.weight.insert(pair[0].toInt(), std::log((pair[1].toDouble() + alpha) / total));
        m_classes << k;
    }
}

const WordModel &WordModel::shared()
{
    static const WordModel model;
    return model;
}

QSet<QString> WordModel::features(const QString &text, qsizetype maxChars)
{
    static const QRegularExpression token(
        uR"([a-z][a-z0-9_]*|[0-9]{3}|[\x{3040}-\x{30ff}\x{3400}-\x{9fff}\x{ac00}-\x{d7af}])"_s);
    QStringList tokens;
    for (const QRegularExpressionMatch &m : token.globalMatch(text.left(maxChars).toLower())) {
        const QString t = m.captured();
        if (t.size() > 1 || t.at(0).unicode() >= 0x3000)
            tokens << t;
    }
    QSet<QString> found(tokens.cbegin(), tokens.cend());
    for (qsizetype i = 1; i < tokens.size(); ++i)
        found.insert(tokens.at(i - 1) + u' ' + tokens.at(i));
    return found;
}

QString WordModel::categoryOf(const QString &text) const
{
    if (m_classes.isEmpty())
        return {};
    QList<int> known;
    for (const QString &f : features(text, m_maxChars)) {
        if (const auto it = m_index.constFind(f); it != m_index.cend())
            known << it.value();
    }
    const Class *best = nullptr;
    double bestScore = 0;
    for (const Class &k : m_classes) {
        double score = k.prior;
        for (const int i : std::as_const(known))
            score += k.weight.value(i, k.unseen);
        if (!best || score >= bestScore) { // a tie goes to the later name, as in the script
            best = &k;
            bestScore = score;
        }
    }
    return best->category;
}

} // namespace llmdoctor::core
