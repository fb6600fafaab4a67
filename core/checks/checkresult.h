#pragma once

#include "../diagnosis/category.h"
#include "../probe/phasetimings.h"

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

// What a check established, as values: the verdict rules read these and never the display text.
// Each field is empty, zero or None when the check did not establish it.
struct CheckFacts
{
    enum class Lookup : quint8
    {
        NotTried,
        Found,
        NotFound, // the name does not exist
        Failed,   // the resolver itself failed (no answer, refused, timed out)
    };

    int httpStatus = 0;              // the answer's status; 0 when none came
    Phase failedPhase = Phase::None; // the phase an exchange died in
    double failedPhaseMs = -1;       // how long it spent there before it died
    qint64 bytesReceived = -1;       // of the answer, head and body
    QStringList hops;                // products on the way, normalised ids ("envoy", "nginx")
    QList<QPair<QString, QString>> requestIds;
    double retryAfterS = -1; // the wait the server asked for
    QString providerMessage; // the provider's own error message
    QString error;           // the client side's error (socket, TLS library, resolver)
    QString movedTo;         // the address the API moved to (a redirect)
    QString pageTitle;       // a web page's title where an API answer was expected
    QStringList closeModels; // model names close to the one asked for
    QStringList models;      // the model list, when it was read
    Lookup lookup = Lookup::NotTried;
    bool networkDown = false;      // no usable network interface at all
    bool knownHost = false;        // the name is a known provider's documented host
    QString topIssuer;             // the certificate chain's top issuer
    bool keyHasWhitespace = false; // spaces, quotes or line breaks around the key
    bool regionRefused = false;    // the provider refused the place the request came from (451, 403)
};

// One step of the checklist, as a value the CLI prints and the wizard renders.
struct CheckResult
{
    QString id;
    CheckStatus status = CheckStatus::Skip;
    QString title;                          // the question the check answers, in a user's words
    QString summary;                        // one plain sentence
    Category category = Category::Ok;       // the verdict category this result points at
    QList<QPair<QString, QString>> details; // technical facts, in order, for "Details"
    QMap<QString, double> timings;          // phase durations in ms
    QString evidence;                       // response head and first bytes, redacted
    QStringList advice;
    double durationMs = 0;
    CheckFacts facts;

    void addDetail(const QString &key, const QString &value) { details.append({key, value}); }
    QString detail(const QString &key) const;
};

// The category's name in a report: "skipped" for a check that did not run and found nothing.
QString checkCategoryName(const CheckResult &result);

} // namespace llmdoctor::core
