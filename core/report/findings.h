#pragma once

#include "../checks/checkresult.h"
#include "../checks/diagnosiscontext.h"
#include "../diagnosis/verdict.h"
#include "../monitor/retrier.h"
#include "../monitor/sample.h"
#include "../monitor/statistics.h"
#include "../monitor/timingsignature.h"
#include "../path/pathresult.h"
#include "report.h"
#include "reportparts.h"

#include <QDateTime>
#include <optional>

namespace llmdoctor::core {

class Diagnosis;
class Monitor;

// What a run was made against. Retry and monitor runs belong to a diagnosis only when all of
// this matches: another address, provider, model, key or proxy is another target.
struct RunTarget
{
    QString address; // as shown (no key in a query)
    QString provider;
    QString model;
    QByteArray keyTag; // a hash that tells keys apart without holding one
    QString proxy;     // as shown (no credentials)

    static RunTarget of(const Target &target);
    bool operator==(const RunTarget &) const = default;
};

struct RetryRun
{
    RunTarget target;
    Retrier::Outcome outcome = Retrier::Outcome::Running;
    QList<RetryAttempt> attempts;
    SampleStore samples; // one per attempt, for the chart
    QJsonObject json;    // Retrier::toJson without its schema and target
};

struct MonitorRun
{
    RunTarget target;
    double intervalS = 0;
    SampleStore samples;
    RunStats stats;
    QList<TimingSignature> signatures;
};

// The message the user pasted, and what it says read alone (as `llmdoctor explain` reads it).
struct PastedError
{
    QString text;     // redacted
    Verdict reading;  // category, blame, headline of the message on its own
    QStringList hops; // who wrote it, as far as its words tell
    Certainty certainty;
};

// Everything one diagnosis found, as values, with every secret already redacted: built once when
// a run ends (and again when a retry or monitor run ends), then rendered by every page, the CLI
// and every report format. Nothing that renders it goes back to the live checks.
struct Findings
{
    RunTarget target;
    DiagnosisContext context; // the key and the pasted text in their redacted form
    QString keyShown;         // the key's redacted form; empty when none was given
    QDateTime startedAt;
    double durationMs = 0;
    QList<CheckResult> checks;
    Verdict verdict;
    std::optional<PastedError> pasted;
    std::optional<RetryRun> retry;     // only a run against this same target
    std::optional<MonitorRun> monitor; // likewise
    std::optional<PathResult> path;    // the path check's route, else the one the Watch window followed
    QList<QPair<QString, QString>> environment;
    QList<QPair<QString, QString>> requestIds;
    SupportMessage support;
    QString curl;

    // The model-list request's phases, with the phase it died in: what "Where the time went" draws.
    struct Timing
    {
        PhaseDurations phases;
        Phase failedPhase = Phase::None;
        double failedPhaseMs = -1;
        int status = 0;
    };
    std::optional<Timing> timing() const;
    const CheckResult *check(const QString &id) const;
};

// What the report is made of: a finished diagnosis, and the wizard's retry and monitor runs when
// there were any (dropped when they ran against another target).
struct ReportSources
{
    const Diagnosis *diagnosis = nullptr;
    const Retrier *retry = nullptr;
    const Monitor *monitor = nullptr;
    const PathResult *path = nullptr; // the route the Watch window followed, when the diagnosis has none
};

// The one place secrets are removed: the key in any encoding, proxy credentials, a key carried in
// the address, in every string the findings hold.
Findings buildFindings(const ReportSources &sources);

// buildFindings, then renderReport: for one report of a run, as the CLI makes it.
QByteArray renderReport(const ReportSources &sources, ReportFormat format, bool color = false);

} // namespace llmdoctor::core
