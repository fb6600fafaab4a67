#include "targetoptions.h"

#include "../target/providercatalog.h"

#include <QFile>
#include <cmath>
#include <cstdio>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

QString targetOptionsHelp()
{
    return u"Target options:\n"
           "  --provider ID        openai, anthropic, chutes, deepseek, openrouter, groq, mistral, "
           "together,\n"
           "                       gemini, azure, ollama, lmstudio, vllm, llamacpp, custom\n"
           "  --base-url URL       the API address, e.g. https://api.openai.com/v1 (overrides the "
           "provider's)\n"
           "  --model NAME         the model your app asks for\n"
           "  --api-key-env VAR    read the API key from environment variable VAR\n"
           "  --api-key-stdin      read the API key from the first line of standard input\n"
           "                       (a key is never accepted on the command line: it would show in process "
           "lists)\n"
           "  --proxy URL|system|none   which proxy to use (default: HTTPS_PROXY/HTTP_PROXY/NO_PROXY, then "
           "system)\n"
           "  --ca-file PEM        also trust the certificates in this file (company or self-signed CA)\n"
           "  --timeout S          give up after S seconds (default 30)\n"
           "  --error-text TEXT    the error message your app showed\n"
           "  --status-url URL     the provider's status page (its address or a JSON file of it), when\n"
           "                       it is not the one llmdoctor knows\n"
           "  (--base-url only replaces the address: --provider still picks the key header, error format\n"
           "   and status page)\n"_s;
}

bool hasTargetOption(const QStringList &args)
{
    for (const QString &a : args) {
        if (a == u"--base-url" || a.startsWith(u"--base-url=") || a == u"--provider" ||
            a.startsWith(u"--provider="))
            return true;
    }
    return false;
}

QByteArray readKeyFromStdin()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    QByteArray line = in.readLine(64 * 1024);
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return line;
}

std::optional<Target> parseTargetOptions(const QStringList &args, QStringList *rest, QString *error,
                                         const std::function<QByteArray()> &readStdin)
{
    Target t;
    QString baseUrlText;
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    static const QStringList withValue{u"--provider"_s,    u"--base-url"_s,   u"--model"_s,
                                       u"--api-key-env"_s, u"--proxy"_s,      u"--ca-file"_s,
                                       u"--timeout"_s,     u"--error-text"_s, u"--status-url"_s};
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString name = args.at(i);
        QString value;
        bool inlineValue = false;
        if (name.startsWith(u"--") && name.contains(u'=')) {
            value = name.section(u'=', 1);
            name = name.section(u'=', 0, 0);
            inlineValue = true;
        }
        if (name == u"--api-key" || name == u"--key") {
            return fail(
                u"an API key is never accepted on the command line (other users could see it in the process "
                "list). Use --api-key-env VAR or --api-key-stdin."_s);
        }
        if (name == u"--api-key-stdin") {
            t.apiKey = readStdin ? readStdin() : QByteArray();
            if (t.apiKey.isEmpty())
                return fail(u"--api-key-stdin: nothing was read from standard input"_s);
            continue;
        }
        if (!withValue.contains(name)) {
            if (rest)
                rest->append(args.at(i));
            continue;
        }
        if (!inlineValue) {
            if (i + 1 >= args.size())
                return fail(u"%1 needs a value"_s.arg(name));
            value = args.at(++i);
        }
        if (name == u"--provider") {
            if (!ProviderCatalog::instance().find(value))
                return fail(u"unknown provider \"%1\"; known: %2"_s.arg(
                    value, ProviderCatalog::instance().ids().join(u", "_s)));
            t.provider = value.toLower();
        } else if (name == u"--base-url") {
            baseUrlText = value;
        } else if (name == u"--model") {
            t.model = value.trimmed();
        } else if (name == u"--api-key-env") {
            if (!qEnvironmentVariableIsSet(value.toLocal8Bit().constData()))
                return fail(u"--api-key-env: environment variable %1 is not set"_s.arg(value));
            t.apiKey = qgetenv(value.toLocal8Bit().constData());
            if (t.apiKey.trimmed().isEmpty())
                return fail(u"--api-key-env: environment variable %1 is empty: put your API key in it "
                            "(export %1=...)"_s.arg(value));
        } else if (name == u"--proxy") {
            QString perr;
            auto choice = ProxyChoice::parse(value, &perr);
            if (!choice)
                return fail(u"--proxy: "_s + perr);
            t.proxy = *choice;
        } else if (name == u"--ca-file") {
            if (!QFile::exists(value))
                return fail(u"--ca-file: \"%1\" does not exist"_s.arg(value));
            t.caFile = value;
        } else if (name == u"--timeout") {
            bool ok = false;
            const double s = value.toDouble(&ok);
            if (!ok || !std::isfinite(s) || s <= 0 || s > 3600)
                return fail(
                    u"--timeout wants a number of seconds between 0 and 3600, not \"%1\""_s.arg(value));
            t.timeoutMs = int(s * 1000);
        } else if (name == u"--error-text") {
            t.errorText = value;
        } else if (name == u"--status-url") {
            const QUrl url = QUrl::fromUserInput(value.trimmed());
            if (!url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http") ||
                url.host().isEmpty())
                return fail(u"--status-url wants an http(s) address, not \"%1\""_s.arg(value));
            t.statusUrl = url;
        }
    }
    if (baseUrlText.isEmpty() && !t.provider.isEmpty())
        baseUrlText = ProviderCatalog::instance().find(t.provider)->baseUrl;
    if (baseUrlText.isEmpty())
        return fail(t.provider.isEmpty()
                        ? u"say what to test: --base-url URL or --provider ID"_s
                        : u"provider \"%1\" has no fixed address: give --base-url"_s.arg(t.provider));
    QString urlError;
    auto url = parseBaseUrl(baseUrlText, &urlError);
    if (!url)
        return fail(u"--base-url: "_s + urlError);
    t.baseUrl = *url;
    t.baseUrlText = baseUrlText; // as typed: the address lint reads it
    return t;
}

} // namespace llmdoctor::core
