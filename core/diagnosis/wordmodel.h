#pragma once

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace llmdoctor::core {

// A second reading of a pasted error text that shares nothing with signatures.json: a word-count
// model (naive Bayes over words and word pairs) learnt by scripts/train-second-reading.py from the
// tuning quarters of the labelled corpora. On its own it is the weaker reader; its use is as a
// witness: where it names the same category as the signatures, that reading was right far more
// often on texts neither had seen than where it names another.
class WordModel final
{
public:
    // The model in resources/core/second_reading.json, loaded on first use.
    static const WordModel &shared();

    // The category the words of the text point to most; empty when the model did not load, so that no
    // reading is called unsure for want of a witness.
    QString categoryOf(const QString &text) const;

    // What is wrong with the model file; empty when it loaded.
    QStringList problems() const { return m_problems; }
    // The corpus ids the model learnt from (none may be in a held-out quarter).
    QStringList learntFrom() const { return m_learntFrom; }

    // Lower-cased words (letters first, then letters, digits or '_'), three-digit numbers and single
    // CJK characters, and each pair of neighbours. Must match features() in the training script.
    static QSet<QString> features(const QString &text, qsizetype maxChars);

private:
    WordModel();

    struct Class
    {
        QString category;
        double prior = 0;  // log share of the texts
        double unseen = 0; // log weight of a known word this category's texts never had
        QHash<int, double> weight;
    };
    QHash<QString, int> m_index;
    QList<Class> m_classes;
    qsizetype m_maxChars = 0;
    QStringList m_learntFrom;
    QStringList m_problems;
};

} // namespace llmdoctor::core
