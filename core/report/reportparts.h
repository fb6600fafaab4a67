#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace llmdoctor::core {

class Diagnosis;
struct DiagnosisContext;

// What support asks about the computer: OS, Qt and TLS library versions, the proxy (never its
// credentials), llmdoctor's version. Key/value pairs in order.
QList<QPair<QString, QString>> environmentFacts(const DiagnosisContext &context);

// A short message the user can send, addressed to whoever can act on the verdict.
struct SupportMessage
{
    QString to;      // "OpenAI's support (https://help.openai.com)", "your network administrator", ...
    QString subject; // one line
    QString body;    // plain text, ready to paste; never holds the key
};
SupportMessage supportMessage(const Diagnosis &diagnosis);

// A curl command that repeats the request that failed (the opt-in test request when that is what
// failed, else the model-list request), with the key read from an environment variable named as
// the provider's SDK names it ($OPENAI_API_KEY...). The key itself is never in it.
QString curlCommand(const DiagnosisContext &context);
QString curlKeyVariable(const DiagnosisContext &context); // "OPENAI_API_KEY"

// The request ids support teams ask for, from every answer the diagnosis got: "x-request-id: abc".
QList<QPair<QString, QString>> requestIdFacts(const DiagnosisContext &context);

} // namespace llmdoctor::core
