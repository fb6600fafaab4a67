#pragma once

#include "../probe/httpmessage.h"
#include "responseclassifier.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace llmdoctor::core {

// How sure a pasted text's reading is: whether a second, independent reading (WordModel, which
// knows nothing of the signatures) names the same category. On corpus texts neither had learnt
// from, readings the two agree on were right about 9 times in 10 and the others wrong up to 4
// times in 10; tests/core/test_realerrorcorpus.cpp keeps the sentences' figures true.
struct Certainty
{
    bool applies = false;  // false for an "unknown" reading or an empty text: nothing to be sure of
    bool sure = false;     // the two readings agree
    QString secondReading; // the category the words point to

    QString inWords() const; // in the installed language; empty when it does not apply
    // {"sure", "second_reading"}, both null when it does not apply: the same keys in every JSON.
    QJsonObject toJson() const;
};

// What an error message or a captured response says about a failure: who produced it, what
// it means, and whose side the fault is probably on. Built from resources/signatures.json.
struct ErrorSignature
{
    QStringList hops; // intermediaries and client libraries named: "cloudflare", "envoy", "python-httpx"...
    int status = 0;   // HTTP status, 0 when the text names none
    QString category = QStringLiteral("unknown"); // a verdict category
    QString blame = QStringLiteral("none");       // hint; the verdict engine decides
    QString where;    // the hop that broke: computer | network | proxy | edge | server; empty if unknown
    QString producer; // who wrote the message, in words: "Envoy gateway", "Cloudflare"...
    QString meaning;  // one plain sentence (or two) on what the message means
    QString advice;   // advice.json key that words the verdict; empty = the category's own
    QString envoyResetReason;
    QString envoyTransportFailure;
    ProviderError providerError;
    QStringList matched; // ids of the signatures that matched
    QString host;        // server named in the text, if any
    int port = 0;        // its port, when the text names one
    QString model;       // model named in a "model not found" text, if any
    QString retryAfter;  // how long the message asks to wait, in words ("10 seconds"), if it says
    QString link;        // the billing, credits or settings page the message points at, if any
    bool ownHop = false; // the text comes from a log of the user's own proxy (nginx error log...)
    // What a message that names no cause still showed had failed. The verdict keeps the blame it points at,
    // and the meaning says so instead of "not recognised".
    enum class ShownFailure
    {
        Nothing,
        Connection,
        RouterProvider
    };
    ShownFailure shownFailure = ShownFailure::Nothing;
    double confidence = 0;
    QString secondReading; // pasted texts only: the word model's category, else empty

    Certainty certainty() const;
    QJsonObject toJson() const;
};

// A signature's meaning in the installed language: signatures.json keeps it English (the CLI and the
// JSON say it so), the generated signaturestrings.cpp hands it to lupdate as "Signature" context.
QString translatedMeaning(const QString &meaning);

// The verdict categories of DESIGN.md, "ok" first.
const QStringList &verdictCategories();

// Classifies pasted text of any length and shape: HTML pages, JSON bodies, tracebacks, curl
// output, log lines. Only the first MiB is scanned; empty or binary input gives "unknown".
ErrorSignature classifyErrorText(const QString &text);

// Classifies a captured response: headers name the hops, the body and status the failure.
ErrorSignature classifyErrorResponse(const HttpResponse &response);

// Problems in resources/signatures.json (bad regular expressions, unknown categories); empty when fine.
QStringList signatureCatalogueProblems();

// A copyable fix from signatures.json ("retry-python", "nginx-timeouts"...).
struct Snippet
{
    QString language;
    QString title;
    QString code;
};
Snippet snippetById(const QString &id);

// Names that appear in the issuer of certificates made by traffic-inspecting products
// (corporate proxies, antivirus): "Zscaler", "Fortinet"...
QStringList interceptionIssuerNames();

} // namespace llmdoctor::core
