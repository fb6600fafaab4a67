#pragma once

#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>

namespace llmdoctor::core {

enum class CheckStatus
{
    Pass,
    Warn,
    Fail,
    Skip
};
QString checkStatusName(CheckStatus status); // "pass", "warn", "fail", "skip"

// One step of the checklist, as a value the CLI prints and the wizard renders.
struct CheckResult
{
    QString id;
    CheckStatus status = CheckStatus::Skip;
    QString title;    // the question the check answers, in a user's words
    QString summary;  // one plain sentence
    QString category; // the verdict category this result points at; "ok" when nothing is wrong
    QList<QPair<QString, QString>> details; // technical facts, in order, for "Details"
    QMap<QString, double> timings;          // phase durations in ms
    QString evidence;                       // response head and first bytes, redacted
    QStringList advice;
    double durationMs = 0;

    void addDetail(const QString &key, const QString &value) { details.append({key, value}); }
    QString detail(const QString &key) const;
};

} // namespace llmdoctor::core
