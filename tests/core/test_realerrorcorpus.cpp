// Error messages copied from public bug reports, forums and Q&A threads (tests/data/real_error_corpus.json),
// each with its source address and the category, blame and hops a person who read the thread would give.
// A quarter of the corpus is held out by a stable hash of the entry id: signatures are tuned on the other
// three quarters only, so the held-out score says how well the rules generalise to messages never seen.
// Further sets (real_error_corpus_blind_vN.json) were collected blind by people who never read the
// classifier (notes in each .md); all are labelled by tests/data/LABELLING.md. scripts/score-corpus.py
// prints the same figures and the tuning misses from the command line.
#include "core/diagnosis/errorclassifier.h"
#include "core/diagnosis/hops.h"
#include "core/diagnosis/verdict.h"
#include "core/diagnosis/wordmodel.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <array>
#include <gtest/gtest.h>
#include <iostream>

using namespace llmdoctor::core;
using namespace Qt::StringLiterals;

namespace {

const QString v1File = u"real_error_corpus.json"_s;
const QString v2File = u"real_error_corpus_blind_v2.json"_s;
const QString v3File = u"real_error_corpus_blind_v3.json"_s;
const QString v4File = u"real_error_corpus_blind_v4.json"_s;
const QString v5File = u"real_error_corpus_blind_v5.json"_s;
const QString v6File = u"real_error_corpus_blind_v6.json"_s;
const QString v7File = u"real_error_corpus_blind_v7.json"_s;
const QString v8File = u"real_error_corpus_blind_v8.json"_s;
const QString v9File = u"real_error_corpus_blind_v9.json"_s;
const QString v10File = u"real_error_corpus_blind_v10.json"_s;
const QString v11File = u"real_error_corpus_blind_v11.json"_s;
const QString v12File = u"real_error_corpus_blind_v12.json"_s;
const QString v13File = u"real_error_corpus_blind_v13.json"_s;
const QString v14File = u"real_error_corpus_blind_v14.json"_s;
const QString v15File = u"real_error_corpus_blind_v15.json"_s;
const QString v16File = u"real_error_corpus_blind_v16.json"_s;
const QString v17File = u"real_error_corpus_blind_v17.json"_s;
const QString v18File = u"real_error_corpus_blind_v18.json"_s;
const QString v19File = u"real_error_corpus_blind_v19.json"_s;
const QString v20File = u"real_error_corpus_blind_v20.json"_s;
const QString v21File = u"real_error_corpus_blind_v21.json"_s;
const QStringList allFiles{v1File,  v2File,  v3File,  v4File,  v5File,  v6File,  v7File,
                           v8File,  v9File,  v10File, v11File, v12File, v13File, v14File,
                           v15File, v16File, v17File, v18File, v19File, v20File, v21File};

QJsonArray realCorpus(const QString &file = v1File)
{
    QFile f(QStringLiteral(LLMDOCTOR_SOURCE_DIR) + u"/tests/data/"_s + file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).array();
}

// FNV-1a over the id: the split must not change between Qt versions or runs (qHash is seeded).
bool heldOut(const QString &id)
{
    quint32 h = 2166136261u;
    for (const char c : id.toUtf8()) {
        h ^= quint8(c);
        h *= 16777619u;
    }
    return h % 4 == 0;
}

QSet<QString> pathHops(const QStringList &hops)
{
    QSet<QString> out;
    for (const QString &h : hops) {
        if (!isClientLibrary(h))
            out.insert(h);
    }
    return out;
}

QSet<QString> strings(const QJsonValue &v)
{
    QSet<QString> out;
    for (const QJsonValue &s : v.toArray())
        out.insert(s.toString());
    return out;
}

struct Outcome
{
    QString id;
    bool held = false;
    bool knownCause = false;
    bool right = false;
    bool readAsUnknown = false;
    Certainty certainty;
    QString detail;
};

QList<Outcome> classifyAll(const QString &file = v1File)
{
    QList<Outcome> out;
    for (const QJsonValue &value : realCorpus(file)) {
        const QJsonObject e = value.toObject();
        Outcome o;
        o.id = e[u"id"].toString();
        o.held = heldOut(o.id);
        const QString category = e[u"category"].toString();
        o.knownCause = category != u"unknown";
        const ErrorSignature sig = classifyErrorText(e[u"text"].toString());
        const Verdict v = verdictForSignature(sig);
        const QSet<QString> hops = pathHops(sig.hops);
        const QSet<QString> expectedHops = strings(e[u"hops"]);
        o.readAsUnknown = sig.category == u"unknown";
        o.certainty = sig.certainty();
        o.right = sig.category == category && v.blame == e[u"blame"].toString() && hops == expectedHops;
        if (!o.right) {
            QStringList got = hops.values();
            got.sort();
            QStringList want = expectedHops.values();
            want.sort();
            o.detail = u"%1: expected %2/%3 [%4], got %5/%6 [%7] matched %8"_s.arg(
                o.id, category, e[u"blame"].toString(), want.join(u','), sig.category, v.blameName(),
                got.join(u','), sig.matched.join(u','));
        }
        out << o;
    }
    return out;
}

void expectWellFormed(const QJsonArray &entries)
{
    const QStringList blames{u"none"_s,     u"local"_s,   u"network"_s, u"proxy"_s,
                             u"provider"_s, u"account"_s, u"config"_s};
    QSet<QString> ids;
    for (const QJsonValue &value : entries) {
        const QJsonObject e = value.toObject();
        const QString id = e[u"id"].toString();
        SCOPED_TRACE(id.toStdString());
        EXPECT_FALSE(id.isEmpty());
        EXPECT_FALSE(ids.contains(id)) << "duplicate id";
        ids.insert(id);
        EXPECT_TRUE(e[u"source"].toString().startsWith(u"https://"_s) ||
                    e[u"source"].toString().startsWith(u"http://"_s))
            << "every text names where it was found";
        EXPECT_FALSE(e[u"text"].toString().trimmed().isEmpty());
        EXPECT_TRUE(verdictCategories().contains(e[u"category"].toString()));
        EXPECT_TRUE(blames.contains(e[u"blame"].toString()));
        EXPECT_TRUE(e[u"hops"].isArray());
        for (const QJsonValue &hop : e[u"hops"].toArray())
            EXPECT_FALSE(isClientLibrary(hop.toString())) << "the user's own client is never a hop";
    }
}

} // namespace

TEST(RealErrorCorpus, IsLargeSourcedAndUsesTheFixedCategories)
{
    const QJsonArray entries = realCorpus();
    ASSERT_GE(entries.size(), 250) << "tests/data/real_error_corpus.json is missing or too small";
    expectWellFormed(entries);
    int held = 0;
    for (const QJsonValue &value : entries)
        held += heldOut(value[u"id"].toString()) ? 1 : 0;
    // The split is about a quarter, whatever ids are added later.
    EXPECT_GT(held, entries.size() / 6);
    EXPECT_LT(held, entries.size() / 3);
}

struct SetScore
{
    int right = 0, total = 0, held = 0, heldRight = 0, known = 0, unknown = 0;
    double score() const { return 100.0 * right / std::max(total, 1); }
    double heldScore() const { return 100.0 * heldRight / std::max(held, 1); }
    double unknownRate() const { return 100.0 * unknown / std::max(known, 1); }
};

SetScore scoreSet(const QString &file)
{
    SetScore s;
    for (const Outcome &o : classifyAll(file)) {
        ++s.total;
        s.right += o.right ? 1 : 0;
        s.held += o.held ? 1 : 0;
        s.heldRight += o.held && o.right ? 1 : 0;
        if (o.knownCause) {
            ++s.known;
            s.unknown += o.readAsUnknown ? 1 : 0;
        }
        // Held-out misses stay hidden: reading them while writing rules would tune on them.
        if (!o.right && !o.held)
            std::cout << "  miss " << o.detail.toStdString() << '\n';
    }
    std::cout << file.toStdString() << ": " << s.right << "/" << s.total << " (" << s.score()
              << " %), held-out " << s.heldRight << "/" << s.held << " (" << s.heldScore() << " %), unknown "
              << s.unknown << "/" << s.known << "\n";
    return s;
}

// The blind sets, each collected by someone who never read the classifier nor saw its output, labelled by
// tests/data/LABELLING.md (v1-v3 relabelled by that rule on 2026-12-03, log in relabel-2026-12-03.tsv).
// The first score of each, before any rule was changed for it, is the honest figure for texts never seen:
//   v2: 60.3 % (2026-11); v3: 65.1 % (held-out 51.5 %); v4: 76.4 % full, 86.1 % category, 80.6 % blame,
//   9.3 % unknown (2026-12-03, after v1-v3 were relabelled and tuned on); v5 (207 texts): 77.3 % full,
//   80.2 % category, 83.1 % blame, 9.5 % unknown (2026-12-03, after v4 was tuned on); v6 (200 texts, less
//   covered ecosystems): 71.5 % full, 83.5 % category, 76.5 % blame, 12.1 % unknown (after v5); v7 (210
//   texts, 2026-12-03, after 412 documented wordings were added but before any rule for v7): 80.5 % full
//   (held-out 77.0 %), 86.7 % category, 82.9 % blame, 9.1 % unknown; the build from before those wordings
//   scored 78.1 % (held-out 72.1 %) on it; v8 (152 texts, chat bots and less covered ecosystems, after v7 was
//   tuned on): 78.9 % full (held-out 76.9 %), 83.6 % category, 84.9 % blame, 10.0 % unknown; the build from
//   the start of that session: 78.3 %; v9 (188 texts, after v8 was tuned on): 77.1 % full (held-out 76.6 %),
//   88.8 % category, 79.3 % blame, 8.5 % unknown; the build from the start of that session: 72.3 % (70.2 %).
//   v10 (163 texts, owners a-l, relays and non-English users) and v11 (156, owners m-z, apps' own sentences),
//   collected side by side after v9 was tuned on and 112 more documented wordings were added: v10 80.4 % full
//   (held-out 84.6 %), 88.3 % category, 81.6 % blame, 8.7 % unknown; v11 67.9 % (69.6 %), 75.6 % category,
//   75.0 % blame, 16.0 % unknown. The session-start build scored the same on both: the documented wordings
//   added nothing to them. (After LABELLING.md listed the hop ids, one hop label each changed: 81.0 and
//   68.6 %.) v12 (168 texts, owners a-l, the long tail) and v13 (145, owners m-z), collected side by side
//   after v10 and v11 were tuned on: v13 75.9 % full (held-out 80.6 %), 81.4 % category, 77.9 % blame,
//   13.0 % unknown (session-start build 74.5 %); v12, after v13's tuning quarter too, 76.2 % (held-out
//   70.6 %), 83.9 % category, 81.5 % blame, 9.7 % unknown (session-start build 75.6 %).
//   v14 (162 texts, a-l) and v15 (160, m-z), collected side by side after v12 and v13 were tuned on: v14 72.2
//   % full (held-out 73.0 %), 82.1 % category, 77.2 % blame, 9.5 % unknown; v15 76.9 % (83.7 %), 85.0 %
//   category, 81.2 % blame, 7.5 % unknown. v16 (149, a-l) and v17 (151, m-z), collected after the rules for
//   v14 and v15 were written, scored by the build from before those rules and by the build after them: v16
//   75.8 % and 76.5 %, v17 68.2 % and 68.2 %: a set's rules reach the next set's texts hardly at all. Only
//   then were v16's and v17's tuning quarters tuned on.
//   v18 (160 texts, a-l) and v19 (160, m-z), collected after v16 and v17 were tuned on and scored at first
//   sight together with the second reading: v18 71.9 % full (held-out 75.6 %), 83.8 % category, 77.5 % blame,
//   13.0 % unknown; v19 72.5 % (70.0 %), 81.2 % category, 76.9 % blame, 12.3 % unknown. v18's rules left v19
//   exactly where it was (72.5 %). Where the two readings agreed (197 texts) the reading was fully right
//   89.8 % of the time, where they differed (60) 63.3 %.
//   v20 (80 texts, a-l) and v21 (80, m-z), collected after v18 and v19 were tuned on, scored at first sight
//   by the build of 2026-12-04 that had general rules from the older sets' tuning quarters (ddfe380):
//   v20 86.2 % full (held-out 81.8 %), 91.2 % category, 87.5 % blame, 8.5 % unknown; v21 70.0 % (52.9
//   %), 77.5 % category, 81.2 % blame, 10.1 % unknown; together 78.1 %. The build from the start of that
//   session: v20 85.0 %, v21 67.5 %, together 76.3 %: those general rules reached three of the 160 unseen
//   texts.
// Each set's tuning quarters were then tuned on (general rules only); the held-out quarter never was.
// These bounds guard against regressions; the 95 % target holds for v1 only (see the next test).
struct BlindSet
{
    QString file;
    int minimumSize;
    double floor;     // whole set, %
    double heldFloor; // its held-out quarter, %
};

void PrintTo(const BlindSet &set, std::ostream *os)
{
    *os << set.file.toStdString();
}

class BlindSets : public ::testing::TestWithParam<BlindSet>
{
};

TEST_P(BlindSets, AreWellFormedAndHaveNotRegressed)
{
    const BlindSet set = GetParam();
    const QJsonArray entries = realCorpus(set.file);
    ASSERT_GE(entries.size(), set.minimumSize) << set.file.toStdString() << " is missing or too small";
    expectWellFormed(entries);
    // Ids must not collide with another set's: a text must not count twice.
    QSet<QString> others;
    for (const QString &file : allFiles) {
        if (file == set.file)
            continue;
        for (const QJsonValue &value : realCorpus(file))
            others.insert(value[u"id"].toString());
    }
    for (const QJsonValue &value : entries)
        EXPECT_FALSE(others.contains(value[u"id"].toString())) << value[u"id"].toString().toStdString();
    const SetScore s = scoreSet(set.file);
    RecordProperty("score", QString::number(s.score(), 'f', 1).toStdString());
    RecordProperty("held_out_score", QString::number(s.heldScore(), 'f', 1).toStdString());
    EXPECT_GE(s.score(), set.floor);
    EXPECT_GE(s.heldScore(), set.heldFloor);
}

INSTANTIATE_TEST_SUITE_P(
    RealErrorCorpus, BlindSets,
    ::testing::Values(BlindSet{v2File, 100, 97.0, 94.0}, BlindSet{v3File, 120, 94.0, 81.0},
                      BlindSet{v4File, 140, 87.0, 79.0}, BlindSet{v5File, 200, 91.0, 81.0},
                      BlindSet{v6File, 190, 91.0, 84.0}, BlindSet{v7File, 200, 93.0, 86.0},
                      BlindSet{v8File, 150, 90.0, 79.0}, BlindSet{v9File, 180, 84.0, 76.0},
                      BlindSet{v10File, 160, 90.0, 87.0}, BlindSet{v11File, 150, 87.0, 69.0},
                      BlindSet{v12File, 160, 88.0, 70.0}, BlindSet{v13File, 140, 88.0, 80.0},
                      BlindSet{v14File, 160, 77.0, 75.0}, BlindSet{v15File, 160, 85.0, 83.0},
                      BlindSet{v16File, 145, 82.0, 80.0}, BlindSet{v17File, 150, 74.0, 72.0},
                      BlindSet{v18File, 155, 78.0, 75.0}, BlindSet{v19File, 155, 77.0, 72.0},
                      BlindSet{v20File, 80, 90.0, 80.0}, BlindSet{v21File, 80, 80.0, 52.0}),
    [](const auto &param) { return "v" + std::to_string(param.index + 2); });

TEST(RealErrorCorpus, TuningAndHeldOutScoresAreAtLeast95Percent)
{
    const QList<Outcome> outcomes = classifyAll();
    ASSERT_FALSE(outcomes.isEmpty());
    int tuning = 0, tuningRight = 0, held = 0, heldRight = 0;
    // Held-out misses stay hidden unless asked for: looking at them while writing rules would tune on them.
    const bool showHeld = qEnvironmentVariableIsSet("LLMDOCTOR_SHOW_HELDOUT");
    for (const Outcome &o : outcomes) {
        (o.held ? held : tuning)++;
        (o.held ? heldRight : tuningRight) += o.right ? 1 : 0;
        if (!o.right && (!o.held || showHeld))
            std::cout << (o.held ? "  held-out miss " : "  tuning miss ") << o.detail.toStdString() << '\n';
    }
    const double tuningScore = 100.0 * tuningRight / std::max(tuning, 1);
    const double heldScore = 100.0 * heldRight / std::max(held, 1);
    std::cout << "real error corpus: tuning " << tuningRight << "/" << tuning << " (" << tuningScore
              << " %), held-out " << heldRight << "/" << held << " (" << heldScore << " %)\n";
    RecordProperty("tuning_score", QString::number(tuningScore, 'f', 1).toStdString());
    RecordProperty("held_out_score", QString::number(heldScore, 'f', 1).toStdString());
    EXPECT_GE(tuningScore, 95.0);
    EXPECT_GE(heldScore, 95.0);
}

TEST(RealErrorCorpus, UnknownOnlyWhenNothingIsKnown)
{
    int known = 0, unknown = 0;
    for (const QString &file : allFiles) {
        for (const Outcome &o : classifyAll(file)) {
            if (!o.knownCause)
                continue;
            ++known;
            unknown += o.readAsUnknown ? 1 : 0;
        }
    }
    ASSERT_GT(known, 0);
    const double rate = 100.0 * unknown / known;
    std::cout << "unknown for texts with a known cause: " << unknown << "/" << known << " (" << rate
              << " %)\n";
    EXPECT_LT(rate, 3.0);
}

TEST(RealErrorCorpus, ExplanationsAreShortAndNeverRepeatASentence)
{
    static const QRegularExpression sentenceEnd(u"(?<=[.!?])\\s+"_s);
    QJsonArray both;
    for (const QString &file : allFiles) {
        for (const QJsonValue &value : realCorpus(file))
            both.append(value);
    }
    for (const QJsonValue &value : std::as_const(both)) {
        const QString id = value[u"id"].toString();
        SCOPED_TRACE(id.toStdString());
        const Verdict v = verdictForSignature(classifyErrorText(value[u"text"].toString()));
        const QString before = v.explanation.section(u"Details"_s, 0, 0);
        const qsizetype words = before.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts).size();
        EXPECT_LT(words, 60) << v.explanation.toStdString();
        QSet<QString> seen;
        for (const QString &s : v.explanation.split(sentenceEnd, Qt::SkipEmptyParts)) {
            const QString key = s.trimmed().toLower();
            EXPECT_FALSE(seen.contains(key)) << "repeated: " << s.toStdString();
            seen.insert(key);
        }
        EXPECT_FALSE(v.headline.isEmpty());
        EXPECT_FALSE(v.nextSteps.isEmpty());
        // Every placeholder is filled, and a stand-in for an absent fact reads as a sentence.
        static const QRegularExpression unfilled(u"\\{[a-z_]+\\}|\\(the server\\)|port the port"_s);
        const QString all = QStringList{v.headline, v.explanation, v.nextSteps.join(u' ')}.join(u' ');
        EXPECT_FALSE(unfilled.match(all).hasMatch()) << all.toStdString();
    }
}

TEST(RealErrorCorpus, UnknownStillSaysWhatItReadAndOffersTheChecks)
{
    // A generic client message with a status but no cause: the status and the hop are read back, and
    // the live checks are offered.
    const ErrorSignature sig =
        classifyErrorText(u"Request failed: HTTP 302 Found\nServer: cloudflare\nSomething went wrong"_s);
    const Verdict v = verdictForSignature(sig);
    EXPECT_EQ(v.category, u"unknown"_s);
    EXPECT_TRUE(v.explanation.contains(u"HTTP status 302"_s)) << v.explanation.toStdString();
    EXPECT_TRUE(v.explanation.contains(u"cloudflare"_s)) << v.explanation.toStdString();
    EXPECT_TRUE(v.nextSteps.join(u' ').contains(u"checks"_s));
    for (const QJsonValue &value : realCorpus()) {
        if (value[u"category"].toString() != u"unknown")
            continue;
        const Verdict u = verdictForSignature(classifyErrorText(value[u"text"].toString()));
        SCOPED_TRACE(value[u"id"].toString().toStdString());
        EXPECT_TRUE(u.nextSteps.join(u' ').contains(u"checks"_s));
    }
}

// The second reading must not have learnt from a held-out text, or the figures below would flatter it.
TEST(SecondReading, LearntFromTuningQuartersOnly)
{
    const WordModel &model = WordModel::shared();
    ASSERT_TRUE(model.problems().isEmpty()) << model.problems().join(u"; "_s).toStdString();
    QSet<QString> tuningIds;
    for (const QString &file : allFiles) {
        for (const QJsonValue &value : realCorpus(file)) {
            if (!heldOut(value[u"id"].toString()))
                tuningIds.insert(value[u"id"].toString());
        }
    }
    const QStringList learnt = model.learntFrom();
    EXPECT_GT(learnt.size(), 2000);
    for (const QString &id : learnt) {
        EXPECT_FALSE(heldOut(id)) << id.toStdString() << " is held out";
        EXPECT_TRUE(tuningIds.contains(id)) << id.toStdString() << " is in no corpus";
    }
}

// What the "how sure" sentences claim, measured where neither reading has learnt: the held-out quarters
// of every set. "Fairly sure" readings must be fully right about 9 times in 10, "not sure" ones wrong at
// most 4 times in 10, and the difference must be real: at least twice the misses.
TEST(SecondReading, AgreementSaysHowSureOnTextsNeverLearntFrom)
{
    int sure = 0, sureWrong = 0, unsure = 0, unsureWrong = 0;
    for (const QString &file : allFiles) {
        for (const Outcome &o : classifyAll(file)) {
            if (!o.held || !o.certainty.applies)
                continue;
            (o.certainty.sure ? sure : unsure)++;
            (o.certainty.sure ? sureWrong : unsureWrong) += o.right ? 0 : 1;
        }
    }
    ASSERT_GT(sure + unsure, 600);
    const double sureMiss = double(sureWrong) / std::max(sure, 1);
    const double unsureMiss = double(unsureWrong) / std::max(unsure, 1);
    std::cout << "held-out quarters: readings agree on " << sure << " (" << 100 * sureMiss
              << " % wrong), differ on " << unsure << " (" << 100 * unsureMiss << " % wrong)\n";
    RecordProperty("sure_wrong_percent", QString::number(100 * sureMiss, 'f', 1).toStdString());
    RecordProperty("unsure_wrong_percent", QString::number(100 * unsureMiss, 'f', 1).toStdString());
    EXPECT_GT(sure, 2 * unsure) << "a reading that is rarely \"fairly sure\" tells nobody anything";
    EXPECT_LE(sureMiss, 0.12);
    EXPECT_LE(unsureMiss, 0.40);
    EXPECT_GE(unsureMiss, 2 * sureMiss);
}

TEST(ErrorStructure, StatusInAnyLayout)
{
    const QList<QPair<QString, int>> layouts{
        {u"openai.InternalServerError: Error code: 503 - {'error': 'x'}"_s, 503},
        {u"aiohttp.client_exceptions.ClientResponseError: 503, message='Service Unavailable'"_s, 503},
        {u"HTTP 502 Bad Gateway: upstream said no"_s, 502},
        {u"The remote server returned an error: (503) Server Unavailable."_s, 503},
        {u"APIStatusError status_code=429 body=None"_s, 429},
        {u"{\"error\": {\"code\": 503, \"message\": \"x\"}}"_s, 503},
        {u"Status: RESOURCE_EXHAUSTED"_s, 429},
        {u"Operation failed after 3 attempts: 403 {\"error\":{\"type\":\"forbidden\"}}"_s, 403},
        {u"AI_APICallError: Unauthorized"_s, 401},
    };
    for (const auto &[text, status] : layouts)
        EXPECT_EQ(classifyErrorText(text).status, status) << text.toStdString();
}

TEST(ErrorStructure, BodyBeatsTheStatusDefault)
{
    EXPECT_EQ(classifyErrorText(u"HTTP 404: {\"error\":\"model 'qwen3' not found, try pulling it first\"}"_s)
                  .category,
              u"model_not_found"_s);
    EXPECT_EQ(
        classifyErrorText(u"Error code: 400 - API key not valid. Please pass a valid API key."_s).category,
        u"auth_invalid_key"_s);
    EXPECT_EQ(classifyErrorText(u"HTTP 503: no capacity available for this model right now"_s).category,
              u"provider_overloaded"_s);
    EXPECT_EQ(
        classifyErrorText(u"{\"error\":{\"code\":500,\"message\":\"Context size has been exceeded.\"}}"_s)
            .category,
        u"bad_request"_s);
}

TEST(ErrorStructure, BlameFromEvidence)
{
    // A reset by a server on this computer is the user's own server.
    const ErrorSignature reset =
        classifyErrorText(u"Error: read ECONNRESET\n  address: '127.0.0.1', port: 8080"_s);
    EXPECT_EQ(reset.category, u"upstream_reset"_s);
    EXPECT_EQ(reset.blame, u"local"_s);
    // The same bare reset from a remote host, with no gateway on the path, was cut on the way (issue 17).
    EXPECT_EQ(classifyErrorText(u"Error: read ECONNRESET (api.example.com)"_s).blame, u"network"_s);
    // A server that hung up on a connection it had accepted stays the provider's.
    EXPECT_EQ(classifyErrorText(u"Error: socket hang up (api.example.com)"_s).blame, u"provider"_s);

    // A certificate made for another domain: something on the way answered, not a typo in the address.
    const ErrorSignature other = classifyErrorText(
        u"Error [ERR_TLS_CERT_ALTNAME_INVALID]: Hostname/IP does not match certificate's altnames: Host: "
        "api.example.com. is not in the cert's altnames: DNS:*.captive-portal.net"_s);
    EXPECT_EQ(other.category, u"tls_hostname_mismatch"_s);
    EXPECT_EQ(other.blame, u"network"_s);
    const ErrorSignature sibling = classifyErrorText(
        u"Error [ERR_TLS_CERT_ALTNAME_INVALID]: Hostname/IP does not match certificate's altnames: Host: "
        "llm.example.com. is not in the cert's altnames: DNS:www.example.com"_s);
    EXPECT_EQ(sibling.blame, u"config"_s);

    // The name of a well-known provider exists: failing to look it up is the network's name service.
    const Verdict dns = verdictForSignature(
        classifyErrorText(u"FetchError: request failed, reason: getaddrinfo ENOTFOUND api.openai.com"_s));
    EXPECT_EQ(dns.blame, u"network"_s);
    const Verdict typo = verdictForSignature(
        classifyErrorText(u"FetchError: request failed, reason: getaddrinfo ENOTFOUND api.openai.con"_s));
    EXPECT_EQ(typo.blame, u"config"_s);
}

TEST(ErrorStructure, AdviceUsesWhatTheMessageSays)
{
    const Verdict pull = verdictForSignature(classifyErrorText(
        u"ollama._types.ResponseError: model 'qwen3:8b' not found, try pulling it first"_s));
    EXPECT_TRUE(pull.nextSteps.join(u' ').contains(u"ollama pull qwen3:8b"_s))
        << pull.nextSteps.join(u' ').toStdString();

    const Verdict wait = verdictForSignature(classifyErrorText(
        u"429 Rate limit reached for gpt-4o on tokens per min (TPM). Please try again in 26.604s."_s));
    EXPECT_EQ(wait.category, u"rate_limited"_s);
    EXPECT_TRUE(wait.nextSteps.join(u' ').contains(u"27 seconds"_s))
        << wait.nextSteps.join(u' ').toStdString();

    const Verdict credit = verdictForSignature(classifyErrorText(
        u"402 Insufficient credits. Purchase more at https://openrouter.ai/settings/credits"_s));
    EXPECT_EQ(credit.category, u"quota_exhausted"_s);
    EXPECT_TRUE(credit.nextSteps.join(u' ').contains(u"https://openrouter.ai/settings/credits"_s));

    const Verdict region = verdictForSignature(classifyErrorText(
        u"google.api_core.exceptions.FailedPrecondition: 400 User location is not supported for the API use."_s));
    EXPECT_EQ(region.category, u"permission_denied"_s);
    EXPECT_EQ(region.blame, u"network"_s);
    EXPECT_TRUE(region.nextSteps.join(u' ').contains(u"VPN"_s));

    // A quota that resets within seconds is a rate limit: waiting fixes it, paying does not.
    EXPECT_EQ(classifyErrorText(u"You exceeded your current quota. Please retry in 12.01s."_s).category,
              u"rate_limited"_s);
}

TEST(ErrorStructure, HopsFromHeadersAndPageTextButNeverTheUsersClient)
{
    EXPECT_TRUE(detectHops({{"x-azure-ref", "20261202T101010Z-abc"}}).contains(u"azure_fd"_s));
    EXPECT_TRUE(detectHops({{"x-litellm-call-id", "abc"}}).contains(u"litellm"_s));
    const ErrorSignature nginx =
        classifyErrorText(u"HTTP 502 Bad Gateway:\n   502 Bad Gateway / nginx/1.27.4"_s);
    EXPECT_TRUE(nginx.hops.contains(u"nginx"_s));
    const ErrorSignature cf = classifyErrorText(u"<title>api.example.com | 502: Bad gateway</title>"_s);
    EXPECT_TRUE(cf.hops.contains(u"cloudflare"_s));
    EXPECT_EQ(cf.category, u"gateway_error"_s);
    // "Error code: 503" from an SDK is not Cloudflare's plain "error code: 5xx" page.
    EXPECT_FALSE(classifyErrorText(u"openai.InternalServerError: Error code: 503 - {}"_s)
                     .hops.contains(u"cloudflare"_s));
    for (const QString &hop : classifyErrorText(u"curl: (7) Failed to connect to localhost port 1234"_s).hops)
        EXPECT_TRUE(isClientLibrary(hop)) << hop.toStdString();
}

namespace {

struct Expect
{
    QString text;
    QString category;
    QString blame; // empty: not checked
};

void expectAll(const QList<Expect> &cases)
{
    for (const Expect &c : cases) {
        const ErrorSignature sig = classifyErrorText(c.text);
        EXPECT_EQ(sig.category, c.category)
            << c.text.toStdString() << "\n  matched " << sig.matched.join(u',').toStdString();
        if (!c.blame.isEmpty()) {
            EXPECT_EQ(verdictForSignature(sig).blameName(), c.blame) << c.text.toStdString();
        }
    }
}

} // namespace

TEST(ErrorStructure, ErrnoAndWinSockNumbersInAnyLayout)
{
    // The number alone, in the layouts Python, .NET, libuv, nginx and Rust print it in.
    expectAll({
        {u"OSError: [Errno 111] Something failed"_s, u"connection_refused"_s, {}},
        {u"System.Net.Sockets.SocketException (10061): No connection could be made"_s,
         u"connection_refused"_s,
         {}},
        {u"Error: request failed {\n  errno: -4078,\n  syscall: 'connect'\n}"_s, u"connection_refused"_s, {}},
        {u"System.Net.Sockets.SocketException (10054): An existing connection was forcibly closed"_s,
         u"upstream_reset"_s,
         {}},
        {u"io error: (113: No route to host) while talking to the model server"_s,
         u"network_unreachable"_s,
         {}},
        {u"failed: [Errno -3] lookup of api.example.com did not finish"_s, u"dns_failure"_s, u"network"_s},
        {u"reqwest::Error { kind: Request, source: hyper::Error(Connect, Os { code: 111 }) } (os error 111)"_s,
         u"connection_refused"_s,
         {}},
    });
    // A number is only an error code in an error-number layout: a port or a count is not.
    EXPECT_EQ(classifyErrorText(u"Listening on 0.0.0.0:10061, 111 requests served"_s).category, u"unknown"_s);
    // A number shared with an unrelated errno elsewhere needs its family's wording: 60 is ETIMEDOUT on macOS.
    EXPECT_EQ(
        classifyErrorText(u"NewConnectionError: Failed to establish a new connection: [Errno 60] Operation "
                          "timed out"_s)
            .category,
        u"connect_timeout"_s);
}

TEST(ErrorStructure, CurlNumberedErrors)
{
    expectAll({
        {u"curl: (28) Operation timed out after 30001 milliseconds with 0 bytes received"_s,
         u"timeout"_s,
         {}},
        {u"cURL error 28: Connection timed out after 10002 milliseconds"_s, u"connect_timeout"_s,
         u"network"_s},
        {u"Failed to perform, ErrCode: 35, Reason: 'OpenSSL SSL_connect: Connection was reset in connection "
         u"to "
         "api.example.com:443'"_s,
         u"upstream_reset"_s, u"network"_s},
        {u"curl: (56) Recv failure: Connection reset by peer"_s, u"upstream_reset"_s, u"network"_s},
        // 7 is "could not connect" for any reason: the words say which.
        {u"curl: (7) Failed to connect to 2001:db8::1 port 443 after 2 ms: Network is unreachable"_s,
         u"network_unreachable"_s,
         {}},
    });
}

TEST(ErrorStructure, ThePhaseDecidesWhatATimeoutOrResetMeans)
{
    expectAll({
        // Connecting: nothing answered the connection attempt.
        {u"Post \"https://api.example.com/v1/chat/completions\": dial tcp 192.0.2.7:443: i/o timeout"_s,
         u"connect_timeout"_s, u"network"_s},
        {u"Error: connect ETIMEDOUT 192.0.2.7:443"_s, u"connect_timeout"_s, u"network"_s},
        {u"httpx.ConnectTimeout: timed out"_s, u"connect_timeout"_s, u"network"_s},
        // Waiting for the answer: connected, and the server was slow.
        {u"Post \"https://api.example.com/v1/messages\": context deadline exceeded (Client.Timeout exceeded "
         u"while "
         "awaiting headers)"_s,
         u"timeout"_s,
         {}},
        {u"net/http: timeout awaiting response headers"_s, u"timeout"_s, {}},
        {u"TypeError: fetch failed\n  cause: HeadersTimeoutError: Headers Timeout Error\n  code: "
         "'UND_ERR_HEADERS_TIMEOUT'"_s,
         u"timeout"_s,
         {}},
        // Read wording wins over a class that calls every transfer failure a connect exception.
        {u"GuzzleHttp\\Exception\\ConnectException: cURL error 28: Operation timed out after 90001 "
         u"milliseconds "
         "with 0 bytes received"_s,
         u"timeout"_s,
         {}},
        // A reset while connecting is cut on the way; so is a bare reset after the request went out when no
        // gateway is named (issue 17: a provider's load balancer answers with an HTTP error instead); a
        // server
        // that hung up ("socket hang up") is the server's.
        {u"Error: connect ECONNRESET 192.0.2.7:443"_s, u"upstream_reset"_s, u"network"_s},
        {u"Error: read ECONNRESET\n    at TLSWrap.onStreamRead"_s, u"upstream_reset"_s, u"network"_s},
        {u"Error: socket hang up\n    at TLSSocket.socketOnEnd"_s, u"upstream_reset"_s, u"provider"_s},
    });
}

TEST(ErrorStructure, OnlyRealStatusCodesCount)
{
    EXPECT_EQ(classifyErrorText(u"Error in API call (Attempt 2/3): 400 Provider returned error"_s).status,
              400);
    EXPECT_EQ(classifyErrorText(u"error: 429 You have sent too much"_s).status, 429);
    // A port or a count after a colon is no status.
    EXPECT_EQ(classifyErrorText(u"proxy at port: 443 Unreachable"_s).status, 0);
    EXPECT_EQ(classifyErrorText(u"{\"detail\":\"Not Found\"}"_s).status, 404);
    EXPECT_EQ(classifyErrorText(u"{\"detail\":\"Not Found\"}"_s).category, u"endpoint_not_found"_s);
}

TEST(ErrorStructure, WordingFamilies)
{
    expectAll({
        // Cloudflare's firewall turned the client away: the way in, not the account.
        {u"<title>Attention Required! | Cloudflare</title> Sorry, you have been blocked"_s,
         u"permission_denied"_s, u"network"_s},
        {u"Access denied. Error reference number: 1020. Ray ID: 8a1b2c3d4e5f6a7b"_s, u"permission_denied"_s,
         u"network"_s},
        // A region the provider does not serve, in either wording: the egress location, not the account.
        {u"Error code: 403 - {'error': {'code': 'unsupported_country_region_territory'}}"_s,
         u"permission_denied"_s, u"network"_s},
        {u"Claude might not be available in your country."_s, u"permission_denied"_s, u"network"_s},
        // No key at all is not a wrong key.
        {u"401 {\"error\":{\"message\":\"No session auth credentials found\",\"code\":401}}"_s,
         u"auth_missing_key"_s, u"config"_s},
        {u"HTTP 401: Missing Authorization header"_s, u"auth_missing_key"_s, u"config"_s},
        // A retired model is a model name to change.
        {u"Error: 400 {\"error\":{\"code\":\"model_decommissioned\",\"message\":\"The model `old-1` has been "
         "decommissioned\"}}"_s,
         u"model_not_found"_s, u"config"_s},
        {u"403 {\"error\":{\"message\":\"The API can only be accessed over HTTPS.\"}}"_s,
         u"endpoint_not_found"_s, u"config"_s},
        {u"{\"error\":{\"message\":\"Upstream request failed\",\"type\":\"upstream_error\"}}"_s,
         u"gateway_error"_s, u"provider"_s},
        {u"HTTP 503: Service temporarily unavailable"_s, u"server_error"_s, u"provider"_s},
        {u"{\"error\":{\"message\":\"Server is busy, please try again later\"}}"_s, u"provider_overloaded"_s,
         u"provider"_s},
        {u"SSLError(1, '[SSL: SSLV3_ALERT_HANDSHAKE_FAILURE] sslv3 alert handshake failure (_ssl.c:1000)')"_s,
         u"tls_handshake_failed"_s, u"provider"_s},
        {u"Last error: This request would exceed your organization's rate limit of 10,000 output tokens per "
         "minute"_s,
         u"rate_limited"_s, u"account"_s},
        // The router's shared pool at the provider behind it, not the account.
        {u"{\"error\":{\"message\":\"Provider returned error\",\"code\":429,\"metadata\":{\"raw\":\"model-x "
         u"is "
         "temporarily rate-limited upstream\",\"provider_name\":\"Somecloud\"}}}"_s,
         u"rate_limited"_s, u"provider"_s},
        // A zero limit never resets, whatever the message says about retrying.
        {u"429 You exceeded your current quota. Quota exceeded for metric: requests, limit: 0. Please retry "
         u"in "
         "20s."_s,
         u"quota_exhausted"_s, u"account"_s},
    });
    EXPECT_TRUE(classifyErrorText(u"{\"error\":{\"message\":\"Provider returned error\",\"code\":502}}"_s)
                    .hops.contains(u"openrouter"_s));
}

TEST(ErrorStructure, MoreBlameFromEvidence)
{
    expectAll({
        // A well-known provider's servers accept connections: a refusal is on the way there.
        {u"Failed to connect to api.anthropic.com: ECONNREFUSED"_s, u"connection_refused"_s, u"network"_s},
        {u"Error: connect ECONNREFUSED 127.0.0.1:11434"_s, u"connection_refused"_s, u"local"_s},
        // Another name under a provider's domain exists too.
        {u"request to https://other-api.googleapis.com/v1 failed, reason: getaddrinfo ENOTFOUND "
         "other-api.googleapis.com"_s,
         u"dns_failure"_s, u"network"_s},
        // A server on this computer that fails is the user's own.
        {u"Server error '502 Bad Gateway' for url 'http://localhost:8000/v1/chat/completions'"_s,
         u"gateway_error"_s, u"local"_s},
        {u"POST http://127.0.0.1:5000/v1/chat/completions \"HTTP/1.1 500 Internal Server Error\"\n"
         "openai.InternalServerError: Internal Server Error"_s,
         u"server_error"_s, u"local"_s},
        // A certificate made for no name, or for another domain, came from something on the way.
        {u"Hostname/IP does not match certificate's altnames: Cert does not contain a DNS name"_s,
         u"tls_hostname_mismatch"_s, u"network"_s},
        {u"* Server certificate:\n*  subject: CN=portal.example.net\n* SSL: no alternative certificate "
         u"subject name "
         "matches target host name 'api.example.com'"_s,
         u"tls_hostname_mismatch"_s, u"network"_s},
        // (A hint the client prints with every such error names no proxy.)
        {u"Self-signed certificate detected. Check your proxy or corporate SSL certificates"_s,
         u"tls_untrusted"_s, u"network"_s},
    });
}

TEST(ErrorStructure, TheServerTriedIsNoHop)
{
    // The connection to OpenRouter itself failed: it is the server the client tried, not a hop on the way.
    const ErrorSignature tls = classifyErrorText(
        u"HTTPSConnectionPool(host='openrouter.ai', port=443): Max retries exceeded (Caused by "
        "SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed')))"_s);
    EXPECT_EQ(tls.category, u"tls_untrusted"_s);
    EXPECT_FALSE(tls.hops.contains(u"openrouter"_s));
    // An answer came back from it: it is on the path.
    EXPECT_TRUE(classifyErrorText(
                    u"402 Insufficient credits. Add more using https://openrouter.ai/settings/credits"_s)
                    .hops.contains(u"openrouter"_s));
    // The origin's own web server and an unnamed Via proxy are no hop of the fixed list.
    EXPECT_TRUE(classifyErrorText(u"HTTP/1.1 500 Internal Server Error\nServer: gunicorn\nVia: 1.1 vegur\n"_s)
                    .hops.isEmpty());
    // A Via header pasted from a JavaScript object is still a Via header.
    EXPECT_EQ(detectHops({{"via", "'1.1 google',"}}), QStringList{u"gcp_lb"_s});
}

TEST(ErrorStructure, ClientFamiliesOfOtherLanguages)
{
    expectAll({
        // Rust (reqwest/hyper): the OS error in its own layout, and its ErrorKind names.
        {u"reqwest::Error { kind: Request, source: hyper_util::client::legacy::Error(Connect, "
         u"ConnectError(\"tcp "
         "connect error\", Os { code: 10060, kind: TimedOut, message: \"A connection attempt failed\" })) }"_s,
         u"connect_timeout"_s, u"network"_s},
        // Java: the phase in words; a resolver's temporary failure inside an UnknownHostException.
        {u"java.net.SocketTimeoutException: connect timed out"_s, u"connect_timeout"_s, u"network"_s},
        {u"Caused by: java.net.UnknownHostException: llm.example.org: Temporary failure in name resolution"_s,
         u"dns_failure"_s, u"network"_s},
        // Go: a TLS handshake that never finished is still connecting; HTTP/2 GOAWAY is the server closing.
        {u"net/http: TLS handshake timeout"_s, u"connect_timeout"_s, u"network"_s},
        {u"http2: server sent GOAWAY and closed the connection; LastStreamID=19, ErrCode=NO_ERROR"_s,
         u"upstream_reset"_s, u"provider"_s},
        // Node: AbortSignal.timeout(), a proxy tunnel that asked for credentials, IPv6 loopback.
        {u"DOMException [TimeoutError]: The operation was aborted due to timeout"_s, u"timeout"_s, {}},
        {u"Error: tunneling socket could not be established, statusCode=407"_s, u"proxy_error"_s, u"proxy"_s},
        {u"Error: connect ECONNREFUSED ::1:1234"_s, u"connection_refused"_s, u"local"_s},
        // .NET: the host in parentheses after the message.
        {u"System.Net.Http.HttpRequestException: No such host is known. (api.openai.com:443)"_s,
         u"dns_failure"_s, u"network"_s},
    });
}

TEST(ErrorStructure, CertificateNamesInEachClientsLayout)
{
    expectAll({
        // Go and curl name the certificate's names their own way; another domain is something on the way.
        {u"Get \"https://api.example.com/v1/models\": x509: certificate is valid for ingress.local, "
         "*.ingress.local, not api.example.com"_s,
         u"tls_hostname_mismatch"_s, u"network"_s},
        {u"curl: (60) SSL: certificate subject name (*.filter.example.net) does not match target host name "
         "'api.example.com'"_s,
         u"tls_hostname_mismatch"_s, u"network"_s},
        // A sibling name of the same domain is a wrong address in the settings.
        {u"x509: certificate is valid for www.example.com, example.com, not llm.example.com"_s,
         u"tls_hostname_mismatch"_s, u"config"_s},
    });
}

TEST(ErrorStructure, EdgeBlocksAndLocalRunners)
{
    // A CDN's challenge or block page where the API should answer: the edge turned this client away.
    const ErrorSignature challenge =
        classifyErrorText(u"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>Checking "
                          u"your browser before "
                          "accessing api.example.com.</body></html>"_s);
    EXPECT_EQ(challenge.category, u"permission_denied"_s);
    EXPECT_TRUE(challenge.hops.contains(u"cloudflare"_s));
    const ErrorSignature cloudfront =
        classifyErrorText(u"403 ERROR\nThe request could not be satisfied.\nRequest blocked. We can't "
                          u"connect to the server for this "
                          "app or website at this time.\nGenerated by cloudfront (CloudFront)"_s);
    EXPECT_EQ(cloudfront.category, u"permission_denied"_s);
    EXPECT_EQ(verdictForSignature(cloudfront).blameName(), u"network"_s);
    EXPECT_TRUE(cloudfront.hops.contains(u"cloudfront"_s));
    // The model process of a local server crashed: the user's own computer.
    expectAll({{u"{\"error\":\"llama runner process has terminated: exit status 2\"}"_s, u"server_error"_s,
                u"local"_s}});
}

TEST(ErrorStructure, ExceptionClassesStandForAStatus)
{
    // With no number in the text, the client's exception class says which status it got.
    const QList<QPair<QString, int>> classes{
        {u"google.api_core.exceptions.ResourceExhausted: Quota exceeded for requests per minute"_s, 429},
        {u"dev.langchain4j.exception.RateLimitException: slow down"_s, 429},
        {u"openai.PermissionDeniedError: nope"_s, 403},
        {u"litellm.exceptions.ServiceUnavailableError: try later"_s, 503},
        {u"google.genai.errors.DeadlineExceeded: took too long"_s, 504},
    };
    for (const auto &[text, status] : classes)
        EXPECT_EQ(classifyErrorText(text).status, status) << text.toStdString();
    // Go's gRPC layout: the status name after "code = ".
    EXPECT_EQ(classifyErrorText(u"rpc error: code = ResourceExhausted desc = Quota exceeded"_s).status, 429);
    EXPECT_EQ(classifyErrorText(u"rpc error: code = Unavailable desc = try later"_s).status, 503);
    // A number in the text wins over the class ("401 (PermissionDenied)" is a 401).
    EXPECT_EQ(classifyErrorText(u"Status: 401 (PermissionDenied)"_s).status, 401);
    // A word that is no class name stands for nothing.
    EXPECT_EQ(classifyErrorText(u"the conflict between two settings"_s).status, 0);
    EXPECT_EQ(
        classifyErrorText(u"google.api_core.exceptions.ResourceExhausted: Quota exceeded for requests per "
                          "minute"_s)
            .category,
        u"rate_limited"_s);
}

TEST(ErrorStructure, CorporateProxyPagesNameTheirHop)
{
    const ErrorSignature page = classifyErrorText(
        u"Access blocked. This site has been blocked by your organization. Internet Security by "
        "Zscaler"_s);
    EXPECT_EQ(page.category, u"proxy_error"_s);
    EXPECT_EQ(verdictForSignature(page).blameName(), u"proxy"_s);
    EXPECT_EQ(page.hops, QStringList{u"zscaler"_s});
}

TEST(ErrorStructure, GenericSignaturesYieldToTheStatus)
{
    // "invalid_request_error" is the type of nearly every request error: the status says more.
    expectAll({
        {u"Error: 403 {\"error\":{\"message\":\"You may not do that here.\",\"type\":\"invalid_request_error\"}}"_s,
         u"permission_denied"_s, u"account"_s},
        {u"openai.InternalServerError: Error code: 502 - {'error': {'message': 'Bad Gateway'}}"_s,
         u"gateway_error"_s, u"provider"_s},
        // Same type with a 400 stays a bad request.
        {u"Error: 400 {\"error\":{\"message\":\"messages: must not be empty\",\"type\":\"invalid_request_error\"}}"_s,
         u"bad_request"_s, u"config"_s},
    });
}

TEST(ErrorStructure, CommonWordsDecideOnlyWhenNothingElseDoes)
{
    expectAll({
        // No signature and no status: the plain words still say what happened.
        {u"Error: Timed out waiting for response. Try enabling debug mode to see more information."_s,
         u"timeout"_s, u"provider"_s},
        {u"You've reached your monthly chat messages quota. Please reach out to your organization's admin."_s,
         u"quota_exhausted"_s, u"account"_s},
        // A status beats them: a 502 page that also says "timed out" is the gateway's.
        {u"HTTP 502 Bad Gateway: the upstream timed out"_s, u"gateway_error"_s, u"provider"_s},
        // "Status code" in the app's own language is a status layout like any other.
        {u"错误信息: upstream error: do request failed\n状态码: 500"_s, u"server_error"_s, u"provider"_s},
        // 451 is a refusal by place, not a bad request.
        {u"status 451 Unavailable For Legal Reasons - \"not available from this data center (HKG)\""_s,
         u"permission_denied"_s, u"network"_s},
        // Claude Code goes to Anthropic's API unless set otherwise: a refusal there is on the way.
        {u"API Error: Unable to connect to API (ConnectionRefused)"_s, u"connection_refused"_s, u"network"_s},
        // An SDK that names no address may have gone to a server of the user's own: no such conclusion.
        {u"httpx.ConnectError: [Errno 111] Connection refused"_s, u"connection_refused"_s, u"config"_s},
        // A person who says the traffic goes through the company proxy names where to look.
        {u"Fails when connecting through corporate proxies: API Error (Connection error.)"_s, u"unknown"_s,
         u"proxy"_s},
        // A client's hint is not such a statement.
        {u"Connection error. If you are behind a corporate proxy, set HTTPS_PROXY."_s, u"unknown"_s,
         u"none"_s},
        // A 403 that is a web page came from something on the way, not from the API weighing the key.
        {u"openai.error.APIError: HTTP code 403 from API (<html>\n<head><title>403 Forbidden</title></head>"_s,
         u"permission_denied"_s, u"network"_s},
        // Other runtimes and languages: Erlang's resolver, a Chinese app's "call rate exceeded".
        {u"unknown Finch Error - :nxdomain"_s, u"dns_failure"_s, {}},
        {u"错误: API调用频率超限"_s, u"rate_limited"_s, u"account"_s},
    });
    // A catch-all of the client's own ("fetch failed") says the connection was not made: a "超时" beside it
    // is not the answer's timeout.
    EXPECT_EQ(classifyErrorText(u"错误: fetch failed\n延迟检查: ✗ 超时"_s).category, u"unknown"_s);
}

TEST(ErrorStructure, MoreWordingFamilies)
{
    expectAll({
        // A key that was never configured, in the SDKs' and apps' words.
        {u"Error: Could not resolve authentication method. Expected either apiKey or authToken to be set."_s,
         u"auth_missing_key"_s, u"config"_s},
        {u"ValueError: MISTRAL_API_KEY environment variable is not set"_s, u"auth_missing_key"_s,
         u"config"_s},
        // "Invalid model key" is about a key, not a model name.
        {u"Error: 400 {\"error\":{\"message\":\"invalid model ID\"}}"_s, u"model_not_found"_s, u"config"_s},
        {u"{\"error\":{\"message\":\"Billing hard limit has been reached\"}}"_s, u"quota_exhausted"_s,
         u"account"_s},
        {u"Error: 400 This organization has been disabled."_s, u"permission_denied"_s, u"account"_s},
        // HTML where the SDK expected JSON.
        {u"SyntaxError: Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON"_s, u"not_an_api"_s, {}},
    });
    EXPECT_NE(classifyErrorText(u"401 Invalid model key or incorrect configuration."_s).category,
              u"model_not_found"_s);
}

TEST(ErrorStructure, ProxyAndTlsWordingOfOtherClients)
{
    expectAll({
        {u"curl: (5) Could not resolve proxy: proxy.corp.example"_s, u"proxy_error"_s, u"proxy"_s},
        {u"httpx.ProxyError: 503 Service Unavailable"_s, u"proxy_error"_s, u"proxy"_s},
        {u"net::ERR_TUNNEL_CONNECTION_FAILED"_s, u"proxy_error"_s, u"proxy"_s},
        {u"Error: self-signed certificate\n    at TLSSocket.onConnectSecure"_s, u"tls_untrusted"_s, {}},
        // Java: the server's alert is the server refusing; a dropped handshake is the way there.
        {u"javax.net.ssl.SSLHandshakeException: Received fatal alert: handshake_failure"_s,
         u"tls_handshake_failed"_s, u"provider"_s},
        {u"javax.net.ssl.SSLHandshakeException: Remote host terminated the handshake"_s,
         u"tls_handshake_failed"_s, u"network"_s},
    });
}

TEST(ErrorStructure, RelayGatewaysAndProvidersInOtherLanguages)
{
    // one-api / new-api relays and Chinese providers word the same causes in Chinese.
    expectAll({
        {u"{\"error\":{\"message\":\"无效的令牌 (request id: 1)\",\"type\":\"new_api_error\"}}"_s,
         u"auth_invalid_key"_s, u"account"_s},
        {u"{\"error\":{\"message\":\"未提供令牌\",\"type\":\"one_api_error\"}}"_s, u"auth_missing_key"_s,
         u"config"_s},
        {u"{\"error\":{\"message\":\"用户额度不足\"}}"_s, u"quota_exhausted"_s, u"account"_s},
        // The relay's own limit toward its upstream channels: it asks to slow down (LABELLING.md).
        {u"{\"error\":{\"message\":\"上游负载已饱和，请稍后再试\"}}"_s, u"rate_limited"_s, u"proxy"_s},
        {u"{\"error\":{\"code\":\"1302\",\"message\":\"并发数过高，请降低并发\"}}"_s, u"rate_limited"_s,
         u"account"_s},
        // A JSON parser's complaint is no key problem.
        {u"SyntaxError: Unexpected token < in JSON at position 0"_s, u"not_an_api"_s, {}},
    });
}

TEST(ErrorStructure, AppMessagesInOtherLanguages)
{
    // Chat apps with localized interfaces (Chinese, Japanese, Korean, Russian, Spanish, Portuguese, German,
    // French) show their own sentence instead of the API's: the common wordings of each cause.
    expectAll({
        {u"请求超时，请稍后重试"_s, u"timeout"_s, {}},
        {u"连接超时"_s, u"connect_timeout"_s, u"network"_s},
        {u"模型不存在"_s, u"model_not_found"_s, u"config"_s},
        {u"该模型不存在，请检查模型名称"_s, u"model_not_found"_s, u"config"_s},
        {u"API密钥无效"_s, u"auth_invalid_key"_s, u"account"_s},
        {u"无效的API Key"_s, u"auth_invalid_key"_s, u"account"_s},
        {u"请提供API密钥"_s, u"auth_missing_key"_s, u"config"_s},
        {u"未提供API Key"_s, u"auth_missing_key"_s, u"config"_s},
        {u"余额不足，请充值"_s, u"quota_exhausted"_s, u"account"_s},
        {u"请求频率过快，请稍后再试"_s, u"rate_limited"_s, u"account"_s},
        {u"服务器内部错误"_s, u"server_error"_s, u"provider"_s},
        {u"服务暂时不可用"_s, u"server_error"_s, u"provider"_s},
        {u"证书验证失败"_s, u"tls_untrusted"_s, u"network"_s},
        {u"SSL证书错误"_s, u"tls_untrusted"_s, u"network"_s},
        {u"网关超时"_s, u"gateway_timeout"_s, {}},
        {u"错误的网关"_s, u"gateway_error"_s, {}},
        {u"没有权限访问该模型"_s, u"permission_denied"_s, u"account"_s},
        {u"上下文长度超过限制"_s, u"bad_request"_s, u"config"_s},
        {u"内容违规，请修改后重试"_s, u"bad_request"_s, u"config"_s},
        {u"タイムアウトしました"_s, u"timeout"_s, {}},
        {u"APIキーが無効です"_s, u"auth_invalid_key"_s, u"account"_s},
        {u"レート制限を超えました"_s, u"rate_limited"_s, u"account"_s},
        {u"モデルが見つかりません"_s, u"model_not_found"_s, u"config"_s},
        {u"요청 시간이 초과되었습니다"_s, u"timeout"_s, {}},
        {u"API 키가 유효하지 않습니다"_s, u"auth_invalid_key"_s, u"account"_s},
        {u"Превышено время ожидания ответа"_s, u"timeout"_s, {}},
        {u"Неверный API-ключ"_s, u"auth_invalid_key"_s, u"account"_s},
        {u"Превышен лимит запросов"_s, u"rate_limited"_s, u"account"_s},
        {u"Modelo no encontrado"_s, u"model_not_found"_s, u"config"_s},
        {u"Clave de API no válida"_s, u"auth_invalid_key"_s, u"account"_s},
        {u"Tempo limite excedido"_s, u"timeout"_s, {}},
        {u"Chave de API inválida"_s, u"auth_invalid_key"_s, u"account"_s},
        {u"Ungültiger API-Schlüssel"_s, u"auth_invalid_key"_s, u"account"_s},
        {u"Zeitüberschreitung bei der Anfrage"_s, u"timeout"_s, {}},
        {u"Clé API invalide"_s, u"auth_invalid_key"_s, u"account"_s},
        {u"Délai d'attente dépassé"_s, u"timeout"_s, {}},
    });
}

// More documented wordings as data (tests/data/documented_error_wordings.json): exception classes of the
// HTTP stacks, curl's exit codes, and the error bodies of the providers' APIs and local servers.
TEST(ErrorStructure, DocumentedWordingsOfEveryStackAndProvider)
{
    QFile f(QStringLiteral(LLMDOCTOR_SOURCE_DIR) + u"/tests/data/documented_error_wordings.json"_s);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QJsonArray wordings = QJsonDocument::fromJson(f.readAll()).object()[u"wordings"].toArray();
    ASSERT_GE(wordings.size(), 240);
    QList<Expect> cases;
    for (const QJsonValue &w : wordings) {
        const QJsonObject o = w.toObject();
        ASSERT_FALSE(o[u"family"].toString().isEmpty()) << o[u"text"].toString().toStdString();
        cases << Expect{o[u"text"].toString(), o[u"category"].toString(), o[u"blame"].toString()};
        if (o.contains(u"hops")) {
            EXPECT_EQ(pathHops(classifyErrorText(o[u"text"].toString()).hops), strings(o[u"hops"]))
                << o[u"text"].toString().toStdString();
        }
    }
    expectAll(cases);
}

// The wordings of each platform's HTTP stack, from their documentation (Apple's NSURLError codes, Java's
// java.net and javax.net.ssl, .NET's HttpClient and SslStream, Rust's hyper/reqwest/rustls, Go's net/http
// and crypto/tls, Ruby's Net::HTTP and Faraday, PHP's Guzzle, Dart's dart:io, gRPC status names): a
// family known from its documentation is read the same in every layout, not only the ones pasted so far.
TEST(ErrorStructure, EveryPlatformsHttpStack)
{
    expectAll(
        {
            {u"java.net.UnknownHostException: api.example-llm.com: Name or service not known"_s,
             u"dns_failure"_s,
             {}},
            {u"java.net.UnknownHostException: api.example-llm.com"_s, u"dns_failure"_s, {}},
            {u"System.Net.Http.HttpRequestException: No such host is known. (api.example-llm.com:443)"_s,
             u"dns_failure"_s,
             {}},
            {u"reqwest::Error { kind: Request, url: \"https://api.example-llm.com/v1/chat\", source: hyper_util::client::legacy::Error(Connect, ConnectError(\"dns error\", Custom { kind: Uncategorized, error: \"failed to lookup address information: nodename nor servname provided, or not known\" })) }"_s,
             u"dns_failure"_s,
             {}},
            {u"error sending request for url (https://api.example-llm.com/v1/chat/completions): error trying to connect: dns error: failed to lookup address information: Name or service not known"_s,
             u"dns_failure"_s,
             {}},
            {u"Error Domain=NSURLErrorDomain Code=-1003 \"A server with the specified hostname could not be found.\""_s,
             u"dns_failure"_s,
             {}},
            {u"SocketException: Failed host lookup: 'api.example-llm.com' (OS Error: No address associated with hostname, errno = 7)"_s,
             u"dns_failure"_s,
             {}},
            {u"cURL error 6: Could not resolve host: api.example-llm.com (see https://curl.haxx.se/libcurl/c/libcurl-errors.html)"_s,
             u"dns_failure"_s,
             {}},
            {u"GuzzleHttp\\Exception\\ConnectException: cURL error 6: Could not resolve host: api.example-llm.com"_s,
             u"dns_failure"_s,
             {}},
            {u"Faraday::ConnectionFailed: Failed to open TCP connection to api.example-llm.com:443 (getaddrinfo: Name or service not known)"_s,
             u"dns_failure"_s,
             {}},
            {u"SocketError: Failed to open TCP connection to api.example-llm.com:443 (getaddrinfo: nodename nor servname provided, or not known)"_s,
             u"dns_failure"_s,
             {}},
            {u"WinHttpException: The server name or address could not be resolved"_s, u"dns_failure"_s, {}},
            {u"java.net.ConnectException: Connection refused"_s, u"connection_refused"_s, {}},
            {u"System.Net.Http.HttpRequestException: No connection could be made because the target machine actively refused it. (api.example-llm.com:8080)"_s,
             u"connection_refused"_s,
             {}},
            {u"error sending request for url (http://api.example-llm.com:8080/v1/chat/completions): error trying to connect: tcp connect error: Connection refused (os error 111)"_s,
             u"connection_refused"_s,
             {}},
            {u"Errno::ECONNREFUSED: Failed to open TCP connection to api.example-llm.com:8080 (Connection refused - connect(2) for \"api.example-llm.com\" port 8080)"_s,
             u"connection_refused"_s,
             {}},
            {u"Error Domain=NSURLErrorDomain Code=-1004 \"Could not connect to the server.\""_s,
             u"connection_refused"_s,
             {}},
            {u"SocketException: Connection refused (OS Error: Connection refused, errno = 111), address = api.example-llm.com, port = 8080"_s,
             u"connection_refused"_s,
             {}},
            {u"cURL error 7: Failed to connect to api.example-llm.com port 8080: Connection refused"_s,
             u"connection_refused"_s,
             {}},
            {u"grpc._channel._InactiveRpcError: <_InactiveRpcError of RPC that terminated with: status = StatusCode.UNAVAILABLE details = \"failed to connect to all addresses; last error: UNKNOWN: ipv4:10.0.0.5:50051: Failed to connect to remote host: Connection refused\""_s,
             u"connection_refused"_s,
             {}},
            {u"java.net.SocketTimeoutException: connect timed out"_s, u"connect_timeout"_s, {}},
            {u"java.net.ConnectException: Connection timed out: connect"_s, u"connect_timeout"_s, {}},
            {u"error sending request for url (https://api.example-llm.com/v1/chat/completions): error trying to connect: tcp connect error: Connection timed out (os error 110)"_s,
             u"connect_timeout"_s,
             {}},
            {u"Net::OpenTimeout: execution expired"_s, u"connect_timeout"_s, {}},
            {u"cURL error 28: Failed to connect to api.example-llm.com port 443 after 21001 ms: Timed out"_s,
             u"connect_timeout"_s,
             {}},
            {u"dial tcp 10.1.2.3:443: i/o timeout"_s, u"connect_timeout"_s, {}},
            {u"dial tcp 10.1.2.3:443: connect: connection timed out"_s, u"connect_timeout"_s, {}},
            {u"httpx.ConnectTimeout: timed out"_s, u"connect_timeout"_s, {}},
            {u"Error: connect ETIMEDOUT 10.1.2.3:443"_s, u"connect_timeout"_s, {}},
            {u"java.net.SocketTimeoutException: Read timed out"_s, u"timeout"_s, {}},
            {u"java.net.SocketTimeoutException: timeout"_s, u"timeout"_s, {}},
            {u"System.Threading.Tasks.TaskCanceledException: The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing."_s,
             u"timeout"_s,
             {}},
            {u"Net::ReadTimeout: Net::ReadTimeout with #<TCPSocket:(closed)>"_s, u"timeout"_s, {}},
            {u"Error Domain=NSURLErrorDomain Code=-1001 \"The request timed out.\""_s, u"timeout"_s, {}},
            {u"cURL error 28: Operation timed out after 30001 milliseconds with 0 bytes received"_s,
             u"timeout"_s,
             {}},
            {u"error sending request for url (https://api.example-llm.com/v1/chat/completions): operation timed out"_s,
             u"timeout"_s,
             {}},
            {u"net/http: request canceled (Client.Timeout exceeded while awaiting headers)"_s,
             u"timeout"_s,
             {}},
            {u"httpx.ReadTimeout: The read operation timed out"_s, u"timeout"_s, {}},
            {u"grpc._channel._InactiveRpcError: <_InactiveRpcError of RPC that terminated with: status = StatusCode.DEADLINE_EXCEEDED details = \"Deadline Exceeded\">"_s,
             u"timeout"_s,
             {}},
            {u"java.net.NoRouteToHostException: No route to host"_s, u"network_unreachable"_s, {}},
            {u"java.net.SocketException: Network is unreachable (connect failed)"_s,
             u"network_unreachable"_s,
             {}},
            {u"Error Domain=NSURLErrorDomain Code=-1009 \"The Internet connection appears to be offline.\""_s,
             u"network_unreachable"_s,
             {}},
            {u"dial tcp 10.1.2.3:443: connect: network is unreachable"_s, u"network_unreachable"_s, {}},
            {u"dial tcp 10.1.2.3:443: connect: no route to host"_s, u"network_unreachable"_s, {}},
            {u"SocketException: Network is unreachable (OS Error: Network is unreachable, errno = 101)"_s,
             u"network_unreachable"_s,
             {}},
            {u"Error: connect EHOSTUNREACH 10.1.2.3:443"_s, u"network_unreachable"_s, {}},
            {u"java.net.SocketException: Connection reset"_s, u"upstream_reset"_s, {}},
            {u"Error Domain=NSURLErrorDomain Code=-1005 \"The network connection was lost.\""_s,
             u"upstream_reset"_s,
             {}},
            {u"error sending request for url (https://api.example-llm.com/v1/chat/completions): connection closed before message completed"_s,
             u"upstream_reset"_s,
             {}},
            {u"hyper::Error(IncompleteMessage): connection closed before message completed"_s,
             u"upstream_reset"_s,
             {}},
            {u"read tcp 10.0.0.2:51234->10.1.2.3:443: read: connection reset by peer"_s,
             u"upstream_reset"_s,
             {}},
            {u"Post \"https://api.example-llm.com/v1/chat/completions\": EOF"_s, u"upstream_reset"_s, {}},
            {u"http2: server sent GOAWAY and closed the connection; LastStreamID=1, ErrCode=NO_ERROR, debug=\"\""_s,
             u"upstream_reset"_s,
             {}},
            {u"httpx.RemoteProtocolError: Server disconnected without sending a response."_s,
             u"upstream_reset"_s,
             {}},
            {u"aiohttp.client_exceptions.ServerDisconnectedError: Server disconnected"_s,
             u"upstream_reset"_s,
             {}},
            {u"System.IO.IOException: Unable to read data from the transport connection: An existing connection was forcibly closed by the remote host."_s,
             u"upstream_reset"_s,
             {}},
            {u"okhttp3.internal.http2.StreamResetException: stream was reset: INTERNAL_ERROR"_s,
             u"upstream_reset"_s,
             {}},
            {u"java.io.IOException: unexpected end of stream on https://api.example-llm.com/..."_s,
             u"upstream_reset"_s,
             {}},
            {u"Faraday::ConnectionFailed: end of file reached"_s, u"upstream_reset"_s, {}},
            {u"javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target"_s,
             u"tls_untrusted"_s,
             {}},
            {u"x509: certificate signed by unknown authority"_s, u"tls_untrusted"_s, {}},
            {u"System.Security.Authentication.AuthenticationException: The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot"_s,
             u"tls_untrusted"_s,
             {}},
            {u"Error Domain=NSURLErrorDomain Code=-1202 \"The certificate for this server is invalid.\""_s,
             u"tls_untrusted"_s,
             {}},
            {u"HandshakeException: Handshake error in client (OS Error: CERTIFICATE_VERIFY_FAILED: unable to get local issuer certificate(handshake.cc:393))"_s,
             u"tls_untrusted"_s,
             {}},
            {u"cURL error 60: SSL certificate problem: unable to get local issuer certificate"_s,
             u"tls_untrusted"_s,
             {}},
            {u"error sending request for url (https://api.example-llm.com/v1/chat/completions): error trying to connect: invalid peer certificate: UnknownIssuer"_s,
             u"tls_untrusted"_s,
             {}},
            {u"OpenSSL::SSL::SSLError: SSL_connect returned=1 errno=0 state=error: certificate verify failed (unable to get local issuer certificate)"_s,
             u"tls_untrusted"_s,
             {}},
            {u"Error: unable to verify the first certificate"_s, u"tls_untrusted"_s, {}},
            {u"Error: self-signed certificate in certificate chain"_s, u"tls_untrusted"_s, {}},
            {u"x509: certificate has expired or is not yet valid: current time 2026-01-01T00:00:00Z is after 2025-12-01T00:00:00Z"_s,
             u"tls_expired"_s,
             {}},
            {u"javax.net.ssl.SSLHandshakeException: PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed"_s,
             u"tls_expired"_s,
             {}},
            {u"error sending request for url (https://api.example-llm.com/): error trying to connect: invalid peer certificate: Expired"_s,
             u"tls_expired"_s,
             {}},
            {u"Error: certificate has expired"_s, u"tls_expired"_s, {}},
            {u"x509: certificate is valid for other.example.net, not api.example-llm.com"_s,
             u"tls_hostname_mismatch"_s,
             {}},
            {u"javax.net.ssl.SSLPeerUnverifiedException: Hostname api.example-llm.com not verified"_s,
             u"tls_hostname_mismatch"_s,
             {}},
            {u"System.Security.Authentication.AuthenticationException: The remote certificate is invalid because of errors in the certificate chain: RemoteCertificateNameMismatch"_s,
             u"tls_hostname_mismatch"_s,
             {}},
            {u"error sending request for url (https://api.example-llm.com/): error trying to connect: invalid peer certificate: NotValidForName"_s,
             u"tls_hostname_mismatch"_s,
             {}},
            {u"Error [ERR_TLS_CERT_ALTNAME_INVALID]: Hostname/IP does not match certificate's altnames: Host: api.example-llm.com. is not in the cert's altnames: DNS:other.example.net"_s,
             u"tls_hostname_mismatch"_s,
             {}},
            {u"cURL error 60: SSL: no alternative certificate subject name matches target host name 'api.example-llm.com'"_s,
             u"tls_hostname_mismatch"_s,
             {}},
            {u"javax.net.ssl.SSLHandshakeException: Remote host terminated the handshake"_s,
             u"tls_handshake_failed"_s,
             {}},
            {u"javax.net.ssl.SSLHandshakeException: Received fatal alert: handshake_failure"_s,
             u"tls_handshake_failed"_s,
             {}},
            {u"tls: first record does not look like a TLS handshake"_s, u"tls_handshake_failed"_s, {}},
            {u"System.Net.Http.HttpRequestException: The SSL connection could not be established, see inner exception."_s,
             u"tls_handshake_failed"_s,
             {}},
            {u"Error Domain=NSURLErrorDomain Code=-1200 \"An SSL error has occurred and a secure connection to the server cannot be made.\""_s,
             u"tls_handshake_failed"_s,
             {}},
            {u"ssl.SSLEOFError: EOF occurred in violation of protocol (_ssl.c:1006)"_s,
             u"tls_handshake_failed"_s,
             {}},
            {u"Error: Client network socket disconnected before secure TLS connection was established"_s,
             u"tls_handshake_failed"_s,
             {}},
            {u"remote error: tls: handshake failure"_s, u"tls_handshake_failed"_s, {}},
            {u"java.io.IOException: Unable to tunnel through proxy. Proxy returns \"HTTP/1.1 407 Proxy Authentication Required\""_s,
             u"proxy_error"_s,
             {}},
            {u"proxyconnect tcp: dial tcp 10.9.9.9:3128: connect: connection refused"_s,
             u"proxy_error"_s,
             {}},
            {u"cURL error 56: Received HTTP code 403 from proxy after CONNECT"_s, u"proxy_error"_s, {}},
            {u"cURL error 7: Failed to connect to proxy.corp.example port 8080 after 3 ms: Connection refused"_s,
             u"proxy_error"_s,
             {}},
            {u"httpx.ProxyError: 407 Proxy Authentication Required"_s, u"proxy_error"_s, {}},
            {u"requests.exceptions.ProxyError: HTTPSConnectionPool(host='api.example-llm.com', port=443): Max retries exceeded with url: /v1/chat/completions (Caused by ProxyError('Unable to connect to proxy', OSError('Tunnel connection failed: 403 Forbidden')))"_s,
             u"proxy_error"_s,
             {}},
            {u"grpc._channel._InactiveRpcError: <_InactiveRpcError of RPC that terminated with: status = StatusCode.UNAUTHENTICATED details = \"Request had invalid authentication credentials.\">"_s,
             u"auth_invalid_key"_s,
             {}},
            {u"google.api_core.exceptions.Unauthenticated: 401 Request had invalid authentication credentials."_s,
             u"auth_invalid_key"_s,
             {}},
            {u"google.api_core.exceptions.PermissionDenied: 403 Permission denied on resource project my-project."_s,
             u"permission_denied"_s,
             {}},
            {u"google.api_core.exceptions.ResourceExhausted: 429 Quota exceeded for aiplatform.googleapis.com/generate_content_requests_per_minute_per_project_per_base_model with base model: gemini-pro. Please submit a quota increase request."_s, u"rate_limited"_s, {}},
            {u"google.api_core.exceptions.ServiceUnavailable: 503 The model is overloaded. Please try again later."_s,
             u"provider_overloaded"_s,
             {}},
            {u"google.api_core.exceptions.InternalServerError: 500 An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting"_s,
             u"server_error"_s,
             {}},
            {u"grpc._channel._InactiveRpcError: <_InactiveRpcError of RPC that terminated with: status = StatusCode.INTERNAL details = \"Internal error encountered.\">"_s,
             u"server_error"_s,
             {}},
            {u"google.api_core.exceptions.NotFound: 404 models/gemini-9-pro is not found for API version v1beta, or is not supported for generateContent."_s,
             u"model_not_found"_s,
             {}},
            {u"google.api_core.exceptions.InvalidArgument: 400 Request contains an invalid argument."_s,
             u"bad_request"_s,
             {}},
            // Chromium's net errors, as Electron apps (editors, desktop chat apps) show them, and bare
            // wordings.
            {u"net::ERR_NAME_NOT_RESOLVED"_s, u"dns_failure"_s, {}},
            {u"net::ERR_CONNECTION_REFUSED"_s, u"connection_refused"_s, {}},
            {u"net::ERR_CONNECTION_TIMED_OUT"_s, u"connect_timeout"_s, {}},
            {u"net::ERR_CONNECTION_RESET"_s, u"upstream_reset"_s, {}},
            {u"net::ERR_CONNECTION_CLOSED"_s, u"upstream_reset"_s, {}},
            {u"net::ERR_INTERNET_DISCONNECTED"_s, u"network_unreachable"_s, {}},
            {u"net::ERR_NETWORK_CHANGED"_s, u"network_unreachable"_s, {}},
            {u"net::ERR_ADDRESS_UNREACHABLE"_s, u"network_unreachable"_s, {}},
            {u"net::ERR_CERT_AUTHORITY_INVALID"_s, u"tls_untrusted"_s, {}},
            {u"net::ERR_CERT_DATE_INVALID"_s, u"tls_expired"_s, {}},
            {u"net::ERR_CERT_COMMON_NAME_INVALID"_s, u"tls_hostname_mismatch"_s, {}},
            {u"net::ERR_SSL_PROTOCOL_ERROR"_s, u"tls_handshake_failed"_s, {}},
            {u"net::ERR_PROXY_CONNECTION_FAILED"_s, u"proxy_error"_s, {}},
            {u"net::ERR_TUNNEL_CONNECTION_FAILED"_s, u"proxy_error"_s, {}},
            {u"net::ERR_TIMED_OUT"_s, u"timeout"_s, {}},
            {u"net::ERR_EMPTY_RESPONSE"_s, u"upstream_reset"_s, {}},
            {u"net::ERR_HTTP2_PROTOCOL_ERROR"_s, u"upstream_reset"_s, {}},
            {u"Error: getaddrinfo ENOTFOUND api.example-llm.com"_s, u"dns_failure"_s, {}},
            {u"Error: Timeout"_s, u"timeout"_s, {}},
            {u"The operation timed out."_s, u"timeout"_s, {}},
            {u"Connection timed out"_s, u"connect_timeout"_s, {}},
            {u"401 Unauthorized"_s, u"auth_invalid_key"_s, {}},
            {u"Error 403 Forbidden"_s, u"permission_denied"_s, {}},
            {u"Too many requests"_s, u"rate_limited"_s, {}},
            {u"Model not found"_s, u"model_not_found"_s, {}},
            {u"Bad Gateway"_s, u"gateway_error"_s, {}},
            {u"Service Unavailable"_s, u"server_error"_s, {}},
            {u"DNS resolution failed"_s, u"dns_failure"_s, {}},
            {u"SSL certificate error: self signed certificate"_s, u"tls_untrusted"_s, {}},
            {u"Request timeout"_s, u"timeout"_s, {}},
            {u"408 Request Timeout"_s, u"timeout"_s, {}},
            // .NET Framework and PowerShell, OkHttp, undici causes, curl's numbered errors, Go's http2, SDK
            // chains.
            {u"Invoke-RestMethod: Unable to connect to the remote server"_s, u"unknown"_s, {}},
            {u"Invoke-WebRequest : The remote name could not be resolved: 'api.example-llm.com'"_s,
             u"dns_failure"_s,
             {}},
            {u"The underlying connection was closed: Could not establish trust relationship for the SSL/TLS secure channel."_s,
             u"tls_untrusted"_s,
             {}},
            {u"The request was aborted: Could not create SSL/TLS secure channel."_s,
             u"tls_handshake_failed"_s,
             {}},
            {u"System.Net.WebException: The remote server returned an error: (429) Too Many Requests."_s,
             u"rate_limited"_s,
             {}},
            {u"The remote server returned an error: (401) Unauthorized."_s, u"auth_invalid_key"_s, {}},
            {u"System.Net.WebException: The operation has timed out"_s, u"timeout"_s, {}},
            {u"urllib.error.URLError: <urlopen error [Errno 8] nodename nor servname provided, or not known>"_s,
             u"dns_failure"_s,
             {}},
            {u"urllib.error.HTTPError: HTTP Error 429: Too Many Requests"_s, u"rate_limited"_s, {}},
            {u"java.net.SocketTimeoutException: failed to connect to api.example-llm.com/1.2.3.4 (port 443) from /10.0.0.2 (port 50000) after 10000ms"_s,
             u"connect_timeout"_s,
             {}},
            {u"javax.net.ssl.SSLException: Connection reset"_s, u"upstream_reset"_s, {}},
            {u"TypeError: fetch failed\n  [cause]: ConnectTimeoutError: Connect Timeout Error (attempted address: api.example-llm.com:443, timeout: 10000ms)"_s,
             u"connect_timeout"_s,
             {}},
            {u"TypeError: terminated\n  [cause]: SocketError: other side closed"_s, u"upstream_reset"_s, {}},
            {u"TypeError: fetch failed\n  [cause]: HeadersTimeoutError: Headers Timeout Error"_s,
             u"timeout"_s,
             {}},
            {u"WinHttpException: The server name or address could not be resolved (0x80072EE7)"_s,
             u"dns_failure"_s,
             {}},
            {u"curl: (28) Connection timed out after 10001 milliseconds"_s, u"connect_timeout"_s, {}},
            {u"curl: (7) Failed to connect to 127.0.0.1 port 11434 after 0 ms: Couldn't connect to server"_s,
             u"connection_refused"_s,
             {}},
            {u"curl: (60) SSL certificate problem: self-signed certificate in certificate chain"_s,
             u"tls_untrusted"_s,
             {}},
            {u"curl: (35) OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to api.example-llm.com:443"_s,
             u"tls_handshake_failed"_s,
             {}},
            {u"curl: (52) Empty reply from server"_s, u"upstream_reset"_s, {}},
            {u"curl: (56) Recv failure: Connection reset by peer"_s, u"upstream_reset"_s, {}},
            {u"curl: (56) CONNECT tunnel failed, response 403"_s, u"proxy_error"_s, {}},
            {u"curl: (92) HTTP/2 stream 1 was not closed cleanly: INTERNAL_ERROR (err 2)"_s,
             u"upstream_reset"_s,
             {}},
            {u"stream error: stream ID 3; INTERNAL_ERROR; received from peer"_s, u"upstream_reset"_s, {}},
            {u"http2: client connection lost"_s, u"upstream_reset"_s, {}},
            {u"httpcore.RemoteProtocolError: peer closed connection without sending complete message body (incomplete chunked read)"_s,
             u"upstream_reset"_s,
             {}},
            {u"anthropic.APITimeoutError: Request timed out."_s, u"timeout"_s, {}},
            {u"openai.APIConnectionError: Connection error.\nCaused by: httpx.RemoteProtocolError: Server disconnected without sending a response."_s,
             u"upstream_reset"_s,
             {}},
        });
}

// HTTP statuses as each client and tool words them (.NET, Java, Spring, Go, Rust, Ruby, PHP, axios, requests,
// aiohttp, httpx, n8n's friendly messages), and the providers' own error bodies, from their documentation.
TEST(ErrorStructure, StatusWordingsOfEveryClientAndProvider)
{
    expectAll(
        {
            {u"System.Net.Http.HttpRequestException: Response status code does not indicate success: 502 (Bad Gateway)."_s,
             u"gateway_error"_s,
             {}},
            {u"System.Net.Http.HttpRequestException: Response status code does not indicate success: 429 (Too Many Requests)."_s,
             u"rate_limited"_s,
             {}},
            {u"java.io.IOException: Server returned HTTP response code: 401 for URL: https://api.example-llm.com/v1/chat/completions"_s,
             u"auth_invalid_key"_s,
             {}},
            {u"org.springframework.web.client.HttpClientErrorException$Unauthorized: 401 Unauthorized: [no body]"_s,
             u"auth_invalid_key"_s,
             {}},
            {u"org.springframework.web.client.HttpServerErrorException$BadGateway: 502 Bad Gateway: [no body]"_s,
             u"gateway_error"_s,
             {}},
            {u"unexpected status code: 500"_s, u"server_error"_s, {}},
            {u"HTTP status server error (502 Bad Gateway) for url (https://api.example-llm.com/v1/chat/completions)"_s,
             u"gateway_error"_s,
             {}},
            {u"HTTP status client error (401 Unauthorized) for url (https://api.example-llm.com/v1/chat/completions)"_s,
             u"auth_invalid_key"_s,
             {}},
            {u"Faraday::ServerError: the server responded with status 500"_s, u"server_error"_s, {}},
            {u"GuzzleHttp\\Exception\\ServerException: Server error: `POST https://api.example-llm.com/v1/chat/completions` resulted in a `502 Bad Gateway` response"_s,
             u"gateway_error"_s,
             {}},
            {u"AxiosError: Request failed with status code 429"_s, u"rate_limited"_s, {}},
            {u"Error: HTTP error! status: 500"_s, u"server_error"_s, {}},
            {u"requests.exceptions.HTTPError: 504 Server Error: Gateway Timeout for url: https://api.example-llm.com/v1/chat/completions"_s,
             u"gateway_timeout"_s,
             {}},
            {u"aiohttp.client_exceptions.ClientResponseError: 429, message='Too Many Requests', url=URL('https://api.example-llm.com/v1/chat/completions')"_s,
             u"rate_limited"_s,
             {}},
            {u"httpx.HTTPStatusError: Server error '502 Bad Gateway' for url 'https://api.example-llm.com/v1/chat/completions'"_s,
             u"gateway_error"_s,
             {}},
            {u"httpx.HTTPStatusError: Client error '404 Not Found' for url 'https://api.example-llm.com/v1/chat/completion'"_s,
             u"endpoint_not_found"_s,
             {}},
            {u"org.springframework.ai.retry.NonTransientAiException: 401 - {\"error\":{\"message\":\"Incorrect API key provided: sk-abc***\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"_s,
             u"auth_invalid_key"_s,
             {}},
            {u"The service is receiving too many requests from you"_s, u"rate_limited"_s, {}},
            {u"Authorization failed - please check your credentials"_s, u"auth_invalid_key"_s, {}},
            {u"Forbidden - perhaps check your credentials?"_s, u"permission_denied"_s, {}},
            {u"The resource you are requesting could not be found"_s, u"endpoint_not_found"_s, {}},
            {u"Bad request - please check your parameters"_s, u"bad_request"_s, {}},
            {u"The service was not able to process your request"_s, u"server_error"_s, {}},
            {u"502 Bad Gateway"_s, u"gateway_error"_s, {}},
            {u"503 Service Unavailable: The model is overloaded"_s, u"provider_overloaded"_s, {}},
            {u"Error: 504 Gateway Timeout"_s, u"gateway_timeout"_s, {}},
            {u"Error: 500 Internal Server Error"_s, u"server_error"_s, {}},
            {u"Error 400: Bad Request"_s, u"bad_request"_s, {}},
            {u"Error: OPENAI_API_KEY environment variable is missing or empty; either provide it, or instantiate the OpenAI client with an apiKey option"_s,
             u"auth_missing_key"_s,
             {}},
            {u"The api_key client option must be set either by passing api_key to the client or by setting the OPENAI_API_KEY environment variable"_s,
             u"auth_missing_key"_s,
             {}},
            {u"anthropic.AuthenticationError: Could not resolve authentication method. Expected either api_key or auth_token to be set."_s,
             u"auth_missing_key"_s,
             {}},
            {u"ValueError: Missing key inputs argument! To use the Google AI API, provide (`api_key`) arguments."_s,
             u"auth_missing_key"_s,
             {}},
            {u"{\"error\":{\"code\":401,\"message\":\"Invalid Authentication\",\"type\":\"invalid_authentication_error\"}}"_s,
             u"auth_invalid_key"_s,
             {}},
            {u"{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}"_s,
             u"auth_invalid_key"_s,
             {}},
            {u"{\"error\": {\"code\": 400, \"message\": \"API key not valid. Please pass a valid API key.\", \"status\": \"INVALID_ARGUMENT\"}}"_s,
             u"auth_invalid_key"_s,
             {}},
            {u"{\"error\":{\"message\":\"Insufficient Balance\",\"type\":\"unknown_error\",\"param\":null,\"code\":\"invalid_request_error\"}}"_s,
             u"quota_exhausted"_s,
             {}},
            {u"This model's maximum context length is 8192 tokens. However, your messages resulted in 9000 tokens. Please reduce the length of the messages."_s,
             u"bad_request"_s,
             {}},
            {u"{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"prompt is too long: 215000 tokens > 200000 maximum\"}}"_s,
             u"bad_request"_s,
             {}},
            {u"{\"error\":{\"code\":400,\"message\":\"The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).\",\"status\":\"INVALID_ARGUMENT\"}}"_s,
             u"bad_request"_s,
             {}},
            {u"Error code: 400 - {'error': {'message': \"The response was filtered due to the prompt triggering Azure OpenAI's content management policy.\", 'type': None, 'param': 'prompt', 'code': 'content_filter', 'status': 400}}"_s,
             u"bad_request"_s,
             {}},
            {u"Error code: 404 - {'error': {'code': 'DeploymentNotFound', 'message': 'The API deployment for this resource does not exist.'}}"_s,
             u"model_not_found"_s,
             {}},
            {u"{\"error\":{\"message\":\"The model `gpt-5-turbo` does not exist or you do not have access to it.\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"model_not_found\"}}"_s,
             u"model_not_found"_s,
             {}},
            {u"{\"type\":\"error\",\"error\":{\"type\":\"not_found_error\",\"message\":\"model: claude-3-opus-latest\"}}"_s,
             u"model_not_found"_s,
             {}},
            {u"{\"error\":{\"message\":\"model \\\"llama3:70b\\\" not found, try pulling it first\"}}"_s,
             u"model_not_found"_s,
             {}},
            {u"{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"This request would exceed the rate limit for your organization of 50,000 input tokens per minute.\"}}"_s,
             u"rate_limited"_s,
             {}},
            {u"{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"_s,
             u"provider_overloaded"_s,
             {}},
            {u"{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"Internal server error\"}}"_s,
             u"server_error"_s,
             {}},
            {u"{\"error\":{\"message\":\"You exceeded your current quota, please check your plan and billing details.\",\"type\":\"insufficient_quota\",\"param\":null,\"code\":\"insufficient_quota\"}}"_s,
             u"quota_exhausted"_s,
             {}},
            {u"{\"error\":{\"message\":\"Insufficient credits. Add more using https://openrouter.ai/settings/credits\",\"code\":402}}"_s,
             u"quota_exhausted"_s,
             {}},
            {u"{\"error\":{\"message\":\"No endpoints found matching your data policy (Free model publication). Configure: https://openrouter.ai/settings/privacy\",\"code\":404}}"_s,
             u"permission_denied"_s,
             {}},
            {u"{\"object\":\"error\",\"message\":\"Requests rate limit exceeded\",\"type\":\"rate_limited\",\"param\":null,\"code\":\"1300\"}"_s,
             u"rate_limited"_s,
             {}},
            {u"{\"error\":{\"message\":\"Rate limit reached for model `llama-3.3-70b-versatile` in organization `org_x` service tier `on_demand` on tokens per minute (TPM): Limit 6000, Used 5000, Requested 2000. Please try again in 10s.\",\"type\":\"tokens\",\"code\":\"rate_limit_exceeded\"}}"_s,
             u"rate_limited"_s,
             {}},
            {u"{\"error\":{\"code\":503,\"message\":\"The model is overloaded. Please try again later.\",\"status\":\"UNAVAILABLE\"}}"_s,
             u"provider_overloaded"_s,
             {}},
            {u"{\"error\":{\"code\":429,\"message\":\"Resource has been exhausted (e.g. check quota).\",\"status\":\"RESOURCE_EXHAUSTED\"}}"_s,
             u"rate_limited"_s,
             {}},
            // Error bodies of Mistral, Together, DeepSeek, Gemini, Azure, Cohere, xAI, Anthropic, OpenAI,
            // OpenRouter and FastAPI-based servers, from their documentation.
            {u"{\"message\":\"Unauthorized\",\"request_id\":\"f3a1b2c3d4e5\"}"_s, u"auth_invalid_key"_s, {}},
            {u"{\"object\":\"error\",\"message\":\"Invalid model: mistral-foo\",\"type\":\"invalid_model\",\"param\":null,\"code\":\"1500\"}"_s,
             u"model_not_found"_s,
             {}},
            {u"{\"id\":\"8a1\",\"error\":{\"message\":\"Unable to access model meta-llama/Foo. Please visit https://api.together.ai/models to view the list of supported models.\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"model_not_available\"}}"_s,
             u"model_not_found"_s,
             {}},
            {u"{\"error\":{\"message\":\"Authentication Fails (no such user)\",\"type\":\"authentication_error\",\"param\":null,\"code\":\"invalid_request_error\"}}"_s,
             u"auth_invalid_key"_s,
             {}},
            {u"{\"error\":{\"message\":\"Invalid Parameters\",\"type\":\"invalid_request_error\"}} (HTTP 422)"_s,
             u"bad_request"_s,
             {}},
            {u"{\"error\":{\"code\":403,\"message\":\"Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.\",\"status\":\"PERMISSION_DENIED\"}}"_s,
             u"auth_missing_key"_s,
             {}},
            {u"{\"error\":{\"code\":403,\"message\":\"Generative Language API has not been used in project 123456 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/generativelanguage.googleapis.com/overview?project=123456 then retry.\",\"status\":\"PERMISSION_DENIED\"}}"_s,
             u"permission_denied"_s,
             {}},
            {u"{\"error\":{\"code\":400,\"message\":\"* GenerateContentRequest.contents: contents is not specified\\n\",\"status\":\"INVALID_ARGUMENT\"}}"_s,
             u"bad_request"_s,
             {}},
            {u"{\"error\":{\"code\":\"401\",\"message\":\"Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.\"}}"_s,
             u"auth_invalid_key"_s,
             {}},
            {u"{\"error\":{\"code\":\"429\",\"message\":\"Requests to the ChatCompletions_Create Operation under Azure OpenAI API version 2024-02-01 have exceeded token rate limit of your current OpenAI S0 pricing tier. Please retry after 6 seconds.\"}}"_s,
             u"rate_limited"_s,
             {}},
            {u"{\"error\":{\"code\":\"404\",\"message\":\"Resource not found\"}}"_s,
             u"endpoint_not_found"_s,
             {}},
            {u"{\"error\":{\"code\":\"OperationNotSupported\",\"message\":\"The chatCompletion operation does not work with the specified model, text-embedding-ada-002. Please choose different model and try again.\"}}"_s,
             u"model_not_found"_s,
             {}},
            {u"{\"message\":\"invalid api token\"}"_s, u"auth_invalid_key"_s, {}},
            {u"{\"message\":\"You are using a Trial key, which is limited to 10 API calls / minute. You can continue to use the Trial key for free or upgrade to a Production key with higher rate limits.\"}"_s,
             u"rate_limited"_s,
             {}},
            {u"<html><head><title>401 Authorization Required</title></head><body><center><h1>401 Authorization Required</h1></center><hr><center>openresty/1.25.3.1</center></body></html>"_s,
             u"auth_invalid_key"_s,
             {}},
            {u"{\"code\":\"Client specified an invalid argument\",\"error\":\"Incorrect API key provided: xa***ab. You can obtain an API key from https://console.x.ai.\"}"_s,
             u"auth_invalid_key"_s,
             {}},
            {u"{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.\"}}"_s,
             u"quota_exhausted"_s,
             {}},
            {u"{\"error\":{\"message\":\"You must be a member of an organization to use the API. Please contact us through our help center at help.openai.com.\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"no_organization\"}}"_s,
             u"permission_denied"_s,
             {}},
            {u"{\"error\":{\"message\":\"Your OpenAI account has been deactivated, please check your email for more information.\",\"type\":\"invalid_request_error\",\"code\":\"account_deactivated\"}}"_s,
             u"permission_denied"_s,
             {}},
            {u"That model is currently overloaded with other requests. You can retry your request, or contact us through our help center at help.openai.com if the error persists."_s,
             u"provider_overloaded"_s,
             {}},
            {u"{\"error\":{\"message\":\"Rate limit exceeded: free-models-per-day. Add 10 credits to unlock 1000 free model requests per day\",\"code\":429,\"metadata\":{\"headers\":{\"X-RateLimit-Limit\":\"50\"}}}}"_s,
             u"rate_limited"_s,
             {}},
            {u"{\"error\":{\"message\":\"User not found.\",\"code\":401}}"_s, u"auth_invalid_key"_s, {}},
            {u"{\"error\":{\"message\":\"This model is not available in your region.\",\"code\":403}}"_s,
             u"permission_denied"_s,
             {}},
            {u"{\"error\":{\"message\":\"This endpoint's maximum context length is 131072 tokens. However, you requested about 150000 tokens. Please reduce the length of either one.\",\"code\":400}}"_s,
             u"bad_request"_s,
             {}},
            {u"{\"detail\":\"Internal Server Error\"}"_s, u"server_error"_s, {}},
            {u"{\"detail\":\"Invalid token\"}"_s, u"auth_invalid_key"_s, {}},
            {u"{\"detail\":\"model not found\"}"_s, u"model_not_found"_s, {}},
            {u"{\"detail\":\"Too many requests, please slow down.\"}"_s, u"rate_limited"_s, {}},
        });
}

// Gateways, load balancers, CDNs and proxies word their own errors (Envoy, nginx, HAProxy, Cloudflare, AWS
// ALB and API Gateway, Azure API Management and Front Door, Kong, Squid, Google's front end, Vercel, Varnish,
// Akamai, CloudFront, Traefik): each is read by its category and names its hop, from the products'
// documentation.
TEST(ErrorStructure, GatewayAndEdgePagesOfEveryProduct)
{
    const QList<std::array<QString, 3>> cases{
        {u"no healthy upstream"_s, u"gateway_error"_s, u"envoy"_s},
        {u"upstream request timeout"_s, u"gateway_timeout"_s, u"envoy"_s},
        {u"upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: delayed connect error: 111"_s,
         u"upstream_reset"_s, u"envoy"_s},
        {u"upstream connect error or disconnect/reset before headers. reset reason: overflow"_s,
         u"provider_overloaded"_s, u"envoy"_s},
        {u"<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>"_s,
         u"gateway_error"_s, u"nginx"_s},
        {u"<html><head><title>413 Request Entity Too Large</title></head><body><center><h1>413 Request Entity Too Large</h1></center><hr><center>nginx/1.24.0</center></body></html>"_s,
         u"bad_request"_s, u"nginx"_s},
        {u"2026/01/01 10:00:00 [error] 31#31: *1 upstream prematurely closed connection while reading response header from upstream, client: 10.0.0.1, server: api.example-llm.com"_s,
         u"upstream_reset"_s, u"nginx"_s},
        {u"2026/01/01 10:00:00 [error] 31#31: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.1"_s,
         u"gateway_error"_s, u"nginx"_s},
        {u"<html><body><h1>502 Bad Gateway</h1>\nThe server returned an invalid or incomplete response.\n</body></html>"_s,
         u"gateway_error"_s, u"haproxy"_s},
        {u"<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this request.\n</body></html>"_s,
         u"gateway_error"_s, u"haproxy"_s},
        {u"<html><body><h1>504 Gateway Time-out</h1>\nThe server didn't respond in time.\n</body></html>"_s,
         u"gateway_timeout"_s, u"haproxy"_s},
        {u"error code: 520"_s, u"gateway_error"_s, u"cloudflare"_s},
        {u"Error 1020 Access denied. This website is using a security service to protect itself from online attacks. Cloudflare Ray ID: 8a1b2c3d4e5f6a7b"_s,
         u"permission_denied"_s, u"cloudflare"_s},
        {u"<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>\nServer: awselb/2.0"_s,
         u"gateway_error"_s, u"aws_alb"_s},
        {u"HTTP/1.1 504 Gateway Time-out\nServer: awselb/2.0"_s, u"gateway_timeout"_s, u"aws_alb"_s},
        {u"{\"message\": \"Endpoint request timed out\"}"_s, u"gateway_timeout"_s, u""_s},
        {u"{\"message\":\"Missing Authentication Token\"}"_s, u"endpoint_not_found"_s, u""_s},
        {u"{ \"statusCode\": 401, \"message\": \"Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.\" }"_s,
         u"auth_invalid_key"_s, u""_s},
        {u"{ \"statusCode\": 429, \"message\": \"Rate limit is exceeded. Try again in 5 seconds.\" }"_s,
         u"rate_limited"_s, u""_s},
        {u"{\"message\":\"An invalid response was received from the upstream server\"}\nServer: kong/3.4.0"_s,
         u"gateway_error"_s, u"kong"_s},
        {u"{\"message\":\"The upstream server is timing out\"}\nVia: kong/3.4.0"_s, u"gateway_timeout"_s,
         u"kong"_s},
        {u"{\"message\":\"failure to get a peer from the ring-balancer\"}"_s, u"gateway_error"_s, u"kong"_s},
        {u"{\"message\":\"No API key found in request\"}\nServer: kong/3.4.0"_s, u"auth_missing_key"_s,
         u"kong"_s},
        {u"{\"message\":\"API rate limit exceeded\"}\nServer: kong/3.4.0"_s, u"rate_limited"_s, u"kong"_s},
        {u"{\"message\":\"no Route matched with those values\"}"_s, u"endpoint_not_found"_s, u"kong"_s},
        {u"ERROR The requested URL could not be retrieved. The following error was encountered while trying to retrieve the URL: https://api.example-llm.com/* Connection to 10.1.2.3 failed. The system returned: (111) Connection refused. Generated by proxy.corp (squid/5.7)"_s,
         u"proxy_error"_s, u"squid"_s},
        {u"ERR_DNS_FAIL Unable to determine IP address from host name api.example-llm.com. The DNS server returned: Name Error: The domain name does not exist. squid/5.7"_s,
         u"proxy_error"_s, u"squid"_s},
        {u"ERR_ACCESS_DENIED Access control configuration prevents your request from being allowed at this time. Generated by proxy.corp (squid/6.1)"_s,
         u"proxy_error"_s, u"squid"_s},
        {u"Error: Server Error\nThe server encountered a temporary error and could not complete your request.<p>Please try again in 30 seconds."_s,
         u"gateway_error"_s, u"gcp_lb"_s},
        {u"An error occurred with your deployment\n\nFUNCTION_INVOCATION_TIMEOUT"_s, u"gateway_timeout"_s,
         u""_s},
        {u"Error 503 Backend fetch failed\nBackend fetch failed\nGuru Meditation:\nXID: 12345\nVarnish cache server"_s,
         u"gateway_error"_s, u"varnish"_s},
        {u"Access Denied\nYou don't have permission to access \"http://api.example-llm.com/v1/chat/completions\" on this server.\nReference #18.2f3c1702.1700000000.abcdef"_s,
         u"permission_denied"_s, u"akamai"_s},
        {u"502 ERROR\nThe request could not be satisfied.\nCloudFront wasn't able to connect to the origin.\nGenerated by cloudfront (CloudFront)\nRequest ID: abc=="_s,
         u"gateway_error"_s, u"cloudfront"_s},
        {u"Bad Gateway\nServer: traefik"_s, u"gateway_error"_s, u"traefik"_s},
        {u"Our services aren't available right now\nWe're working to restore all services as soon as possible. Please check back soon.\nx-azure-ref: 0abcDEF"_s,
         u"gateway_error"_s, u"azure_fd"_s},
        {u"{\"message\":\"The upstream server is currently unavailable\",\"request_id\":\"abc\"}\nVia: kong/3.6.1"_s,
         u"gateway_error"_s, u"kong"_s},
        {u"<title>Error 502 (Server Error)!!1</title>\n<p><b>502.</b> <ins>That’s an error.</ins>"_s,
         u"gateway_error"_s, u"gcp_lb"_s},
        {u"2026/01/01 10:00:00 [error] 7#7: *5 no live upstreams while connecting to upstream, client: 10.0.0.1, server: _, request: \"POST /v1/chat/completions HTTP/1.1\", upstream: \"http://backend/v1/chat/completions\""_s,
         u"gateway_error"_s, u"nginx"_s},
        {u"2026/01/01 10:00:00 [error] 7#7: *5 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 10.0.0.1"_s,
         u"gateway_timeout"_s, u"nginx"_s},
        {u"Gateway Timeout\nServer: traefik"_s, u"gateway_timeout"_s, u"traefik"_s},
        {u"upstream connect error or disconnect/reset before headers. retried and the latest reset reason: remote connection failure, transport failure reason: TLS_error:|268435581:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:TLS_error_end"_s,
         u"upstream_reset"_s, u"envoy"_s},
        {u"upstream connect error or disconnect/reset before headers. reset reason: overload manager reset"_s,
         u"provider_overloaded"_s, u"envoy"_s},
        {u"upstream connect error or disconnect/reset before headers. reset reason: connection timeout"_s,
         u"upstream_reset"_s, u"envoy"_s},
        {u"upstream connect error or disconnect/reset before headers. reset reason: remote refused stream reset"_s,
         u"upstream_reset"_s, u"envoy"_s},
        {u"HTTP/2 521\nserver: cloudflare\ncf-ray: 8a1b2c3d4e5f6a7b-FRA"_s, u"gateway_error"_s,
         u"cloudflare"_s},
        {u"HTTP/2 524\nserver: cloudflare\ncf-ray: 8a1b2c3d4e5f6a7b-FRA"_s, u"gateway_timeout"_s,
         u"cloudflare"_s},
        {u"HTTP/1.1 503 Service Temporarily Unavailable\nServer: awselb/2.0"_s, u"gateway_error"_s,
         u"aws_alb"_s},
        {u"{\"error\":{\"message\":\"Insufficient Balance\",\"type\":\"unknown_error\",\"param\":null,\"code\":\"invalid_request_error\"}}\nHTTP 402"_s,
         u"quota_exhausted"_s, u""_s},
        {u"Error code: 503 - {'error': {'message': 'Server overloaded, please try again later', 'type': 'server_error'}}"_s,
         u"provider_overloaded"_s, u""_s},
        {u"{\"error\":{\"message\":\"The engine is currently overloaded, please try again later\",\"type\":\"server_error\"}}"_s,
         u"provider_overloaded"_s, u""_s},
        {u"HTTP/1.1 429 Too Many Requests\nretry-after: 20\nx-ratelimit-remaining-requests: 0"_s,
         u"rate_limited"_s, u""_s},
        {u"Error code: 429 - {'error': {'message': 'You exceeded your current quota, please check your plan and billing details.', 'type': 'insufficient_quota', 'param': None, 'code': 'insufficient_quota'}}"_s,
         u"quota_exhausted"_s, u""_s},
        {u"{\"type\":\"error\",\"error\":{\"type\":\"permission_error\",\"message\":\"Your API key does not have permission to use the specified resource.\"}}"_s,
         u"permission_denied"_s, u""_s},
        {u"{\"type\":\"error\",\"error\":{\"type\":\"request_too_large\",\"message\":\"Request exceeds the maximum allowed number of bytes.\"}}"_s,
         u"bad_request"_s, u""_s},
        {u"Error code: 404 - {'error': {'code': 'DeploymentNotFound', 'message': 'The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.'}}"_s,
         u"model_not_found"_s, u""_s},
    };
    for (const auto &[text, category, hop] : cases) {
        const ErrorSignature sig = classifyErrorText(text);
        EXPECT_EQ(sig.category, category)
            << text.toStdString() << "\n  matched " << sig.matched.join(u',').toStdString();
        if (!hop.isEmpty()) {
            EXPECT_TRUE(sig.hops.contains(hop)) << text.toStdString();
        }
    }
}
