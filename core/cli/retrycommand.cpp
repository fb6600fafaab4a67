#include "retrycommand.h"

#include "../monitor/retrier.h"
#include "../report/textreport.h"
#include "commandoptions.h"
#include "targetoptions.h"
#include "terminationsignals.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <cmath>
#include <unistd.h>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

QString usage()
{
    return u"Usage: llmdoctor retry [TARGET OPTIONS] [--max-attempts N] [--max-wait S] [--cap S]\n"
           "                       [--format text|json] [--output FILE]\n\n"
           "Waits and tries again for you, as the official OpenAI and Anthropic libraries do: it repeats\n"
           "the free model-list request, waits as long as the server asks (retry-after) or backs off\n"
           "0.5, 1, 2, 4, 8 s..., and stops when it works, when waiting cannot help (a wrong key, no\n"
           "credit, an unknown model), or when the attempts or the time run out. Ctrl+C stops it.\n"
           "Exit status: 0 it worked, 1 it did not, 2 bad usage or input.\n\n"_s +
           targetOptionsHelp() +
           u"\nRetrying:\n"
           "  --max-attempts N     attempts in all, the first included (default 8, at most 1000)\n"
           "  --max-wait S         keep trying for up to S seconds in all (default 120)\n"
           "  --cap S              the longest pause between two attempts (default 8)\n"
           "\nOutput:\n"
           "  --format text|json   text for people (default), json for scripts\n"
           "  --output FILE        write the result to FILE instead of standard output\n"_s;
}

QString ms(double v)
{
    return v < 10 ? QString::number(v, 'f', 1) + u" ms"_s : QString::number(std::lround(v)) + u" ms"_s;
}

QString attemptLine(const RetryAttempt &a)
{
    const QString what = a.status > 0 ? u"HTTP %1 %2"_s.arg(a.status).arg(a.category) : a.category;
    return u"  %1  %2  %3  %4\n"_s.arg(u"#"_s + QString::number(a.n), -4)
        .arg(what, -28)
        .arg(ms(a.durationMs), 9)
        .arg(a.summary);
}

} // namespace

int runRetryCommand(const QStringList &args, QTextStream &out, QTextStream &err,
                    const std::function<QByteArray()> &readStdin)
{
    int exitCode = 0;
    auto parsed =
        parseCommand(args, u"retry"_s, usage(),
                     {u"--max-attempts"_s, u"--max-wait"_s, u"--cap"_s, u"--format"_s, u"--output"_s}, {},
                     out, err, readStdin, &exitCode);
    if (!parsed)
        return exitCode;
    Target &target = parsed->target;
    const CommandOptions &options = parsed->options;
    QString error;
    RetryPolicy policy;
    const std::optional<double> attempts =
        options.number(u"--max-attempts"_s, policy.maxAttempts, 1, 1000, &error);
    const std::optional<double> maxWait =
        attempts ? options.number(u"--max-wait"_s, policy.maxWaitS, 0, 7 * 86400, &error) : std::nullopt;
    const std::optional<double> cap =
        maxWait ? options.number(u"--cap"_s, policy.capS, 0.1, 3600, &error) : std::nullopt;
    if (!attempts || !maxWait || !cap) {
        err << "llmdoctor retry: " << error << "\n";
        return 2;
    }
    if (*attempts != std::floor(*attempts)) {
        err << "llmdoctor retry: --max-attempts needs a whole number\n";
        return 2;
    }
    policy.maxAttempts = int(*attempts);
    policy.maxWaitS = *maxWait;
    policy.capS = *cap;
    const QString format = options.value(u"--format"_s, u"text"_s);
    const QString output = options.value(u"--output"_s);
    if (format != u"text" && format != u"json") {
        err << "llmdoctor retry: --format must be text or json, not \"" << format << "\"\n";
        return 2;
    }

    const std::optional<OutputTarget> sink = checkCommandOutput(output, err, u"retry"_s, &exitCode);
    if (!sink)
        return exitCode;

    Retrier retrier(target, policy);
    if (!retrier.prepare(&error)) {
        err << "llmdoctor retry: " << error << "\n";
        return 2;
    }
    // Progress as it happens goes to the terminal: the result itself may go to a file or a pipe.
    const bool live = isatty(STDERR_FILENO);
    const bool textToStdout = format == u"text" && sink->kind == OutputKind::Stdout;
    QTextStream &progress = textToStdout ? out : err;
    const bool showProgress = textToStdout || live;
    if (showProgress) {
        progress << "Trying GET " << shownUrl(target.modelsUrl()) << " (up to " << policy.maxAttempts
                 << " attempts within " << policy.maxWaitS << " s)\n";
        progress.flush();
    }
    QObject::connect(&retrier, &Retrier::attemptFinished, &retrier, [&](const RetryAttempt &a) {
        if (!showProgress)
            return;
        if (live)
            err << "\r\x1b[K";
        err.flush();
        progress << attemptLine(a);
        progress.flush();
    });
    QObject::connect(&retrier, &Retrier::attemptStarted, &retrier, [&](int n) {
        if (showProgress && n > 1 && !retrier.attempts().isEmpty()) {
            // The finished wait, on its own line, so the log says how long it waited and why.
            const RetryAttempt &a = retrier.attempts().last();
            if (live)
                err << "\r\x1b[K";
            err.flush();
            progress << "       waited " << QString::number(a.waitedMs / 1000.0, 'f', 1)
                     << " s: " << a.waitReason << "\n";
            progress.flush();
        }
    });
    QObject::connect(
        &retrier, &Retrier::waiting, &retrier, [&](double remainingMs, double, const QString &reason) {
            if (!live)
                return;
            err << "\r\x1b[K  waiting " << QString::number(remainingMs / 1000.0, 'f', 1) << " s: " << reason;
            err.flush();
        });
    QEventLoop loop;
    QObject::connect(&retrier, &Retrier::finished, &loop, &QEventLoop::quit);
    TerminationSignals signalsGuard;
    signalsGuard.onSignal(&retrier, [&retrier] { retrier.cancel(); });
    bool readerGone = false;
    if (sink->kind == OutputKind::Stdout)
        watchOutputReader(&retrier, [&] {
            readerGone = true;
            retrier.cancel();
        });
    retrier.start();
    if (retrier.isRunning())
        loop.exec();
    if (readerGone) {
        err << "llmdoctor retry: standard output was closed; stopped.\n";
        return 3;
    }
    if (live) {
        err << "\r\x1b[K";
        err.flush();
    }

    QByteArray result;
    if (format == u"json") {
        result = QJsonDocument(retrier.toJson()).toJson(QJsonDocument::Indented);
    } else {
        QString text;
        if (!textToStdout) {
            for (const RetryAttempt &a : retrier.attempts())
                text += attemptLine(a);
        }
        const int n = int(retrier.attempts().size());
        text += u"\nOutcome: %1 after %2 attempt%3 in %4 s\n\n"_s.arg(Retrier::outcomeName(retrier.outcome()))
                    .arg(n)
                    .arg(n == 1 ? QString() : u"s"_s)
                    .arg(QString::number(retrier.elapsedMs() / 1000.0, 'f', 1));
        text += verdictText(retrier.verdict(),
                            textToStdout && isatty(STDOUT_FILENO) && qEnvironmentVariableIsEmpty("NO_COLOR"));
        result = text.toUtf8();
    }
    if (const int failed = writeCommandOutput(result, *sink, out, err, u"retry"_s, u"result"_s))
        return failed;
    return retrier.outcome() == Retrier::Outcome::Succeeded ? 0 : 1;
}

} // namespace llmdoctor::core
