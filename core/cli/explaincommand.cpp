#include "explaincommand.h"

#include "../diagnosis/errorclassifier.h"
#include "../diagnosis/hops.h"
#include "../diagnosis/verdict.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

// A pasted log can be long, but not endless.
constexpr qint64 maxInputBytes = 64 * 1024 * 1024;

QString usage()
{
    return u"Usage: llmdoctor explain (TEXT... | --error-file FILE) [--format text|json]\n\n"
           "Explains an error message before any check runs: what it means, which part of the\n"
           "connection produced it, and who should act. Paste the message as TEXT (quote it), or\n"
           "give a file; \"--error-file -\" reads standard input.\n"
           "Exit status: 0 nothing wrong, 1 a problem was explained, 2 bad usage or input, 3 internal "
           "error.\n\n"
           "Options:\n"
           "  --error-file FILE    read the message from FILE (- for standard input)\n"
           "  --format text|json   text for people (default), json for scripts\n"
           "  --                   everything after this is message text, even if it starts with -\n"_s;
}

struct Node
{
    QString place;
    QString label;
};

// Where each hop sits on the path from the user's computer to the model server.
QString placeOf(const QString &hop, bool ownHop)
{
    if (isClientLibrary(hop))
        return u"computer"_s;
    if (hop == u"squid" || hop == u"zscaler" || hop == u"litellm" || hop.startsWith(u"proxy ("_s))
        return u"proxy"_s;
    if (ownHop)
        return u"proxy"_s;
    return u"edge"_s;
}

QString pathText(const ErrorSignature &sig)
{
    const QList<Node> all{{u"computer"_s, u"your computer"_s},
                          {u"network"_s, u"your network"_s},
                          {u"proxy"_s, sig.ownHop ? u"your gateway"_s : u"proxy"_s},
                          {u"edge"_s, u"provider's edge"_s},
                          {u"server"_s, u"model server"_s}};
    QHash<QString, QStringList> hopsAt;
    for (const QString &hop : sig.hops)
        hopsAt[placeOf(hop, sig.ownHop)] << hop;
    QList<Node> nodes;
    for (const Node &n : all) {
        // The proxy only appears when the message shows one.
        if (n.place == u"proxy" && sig.where != u"proxy" && !hopsAt.contains(n.place))
            continue;
        nodes << n;
    }
    qsizetype broke = -1;
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        if (nodes.at(i).place == sig.where)
            broke = i;
    }

    QStringList labels;
    qsizetype width = 0;
    for (const Node &n : std::as_const(nodes)) {
        const QStringList hops = hopsAt.value(n.place);
        labels << (hops.isEmpty() ? n.label : u"%1 (%2)"_s.arg(n.label, hops.join(u", "_s)));
        width = std::max(width, labels.last().size());
    }
    QString out;
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        QString mark;
        if (broke < 0)
            mark = u"?"_s;
        else if (i < broke)
            mark = hopsAt.contains(nodes.at(i).place) && nodes.at(i).place != u"computer" &&
                           sig.where == u"server"
                       ? u"✓ reached; it sent the error message"_s
                       : u"✓ got through"_s;
        else if (i == broke)
            mark = u"✖ it broke here"_s;
        else
            mark = u"· not reached"_s;
        out += u"  %1  %2\n"_s.arg(labels.at(i).leftJustified(width), mark);
        if (i + 1 < nodes.size())
            out += u"    ↓\n"_s;
    }
    if (broke < 0)
        out += u"  The message does not say where the connection broke.\n"_s;
    return out;
}

QString renderText(const ErrorSignature &sig, const Verdict &v)
{
    QString out;
    out += (v.category == Category::Ok ? u"✔ "_s : u"✖ "_s) + v.headline + u"\n\n"_s;
    out += u"What it means:\n  %1\n"_s.arg(v.explanation);
    if (!sig.producer.isEmpty())
        out += u"  The message was written by %1.\n"_s.arg(sig.producer);
    if (!sig.envoyResetReason.isEmpty())
        out += u"  Reset reason: %1\n"_s.arg(sig.envoyResetReason);
    if (!sig.envoyTransportFailure.isEmpty())
        out += u"  Transport failure reason: %1\n"_s.arg(sig.envoyTransportFailure);
    if (!sig.providerError.message.isEmpty() || !sig.providerError.type.isEmpty() ||
        !sig.providerError.code.isEmpty()) {
        QStringList parts;
        if (!sig.providerError.type.isEmpty())
            parts << u"type %1"_s.arg(sig.providerError.type);
        if (!sig.providerError.code.isEmpty())
            parts << u"code %1"_s.arg(sig.providerError.code);
        if (!sig.providerError.message.isEmpty())
            parts << u"\"%1\""_s.arg(sig.providerError.message.left(300));
        out += u"  Provider's error: %1\n"_s.arg(parts.join(u", "_s));
    }
    if (sig.status != 0)
        out += u"  HTTP status: %1\n"_s.arg(sig.status);

    out += u"\nWhere it broke:\n"_s + pathText(sig);

    out += u"\nWho should act: %1"_s.arg(v.blame == Blame::None ? u"not known yet"_s
                                                                : Verdict::whoActs(v.blame));
    out += u" (blame: %1, confidence %2%)\n"_s.arg(v.blameName()).arg(qRound(v.confidence * 100));
    if (const Certainty sure = sig.certainty(); sure.applies)
        out += sure.inWords() + u'\n';

    if (!v.nextSteps.isEmpty()) {
        out += u"\nWhat to do:\n"_s;
        for (qsizetype i = 0; i < v.nextSteps.size(); ++i)
            out += u"  %1. %2\n"_s.arg(i + 1).arg(v.nextSteps.at(i));
    }
    for (const Snippet &s : v.snippets) {
        out += u"\n[%1] %2:\n"_s.arg(s.language, s.title);
        for (const QString &line : s.code.split(u'\n')) {
            if (!line.isEmpty())
                out += u"    "_s + line;
            out += u'\n';
        }
        while (out.endsWith(u"\n\n"_s))
            out.chop(1);
    }
    return out;
}

} // namespace

int runExplainCommand(const QStringList &args, QTextStream &out, QTextStream &err,
                      const std::function<QByteArray()> &readStdin)
{
    QString format = u"text"_s;
    QString file;
    bool haveFile = false;
    QStringList words;
    bool onlyText = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (onlyText || !arg.startsWith(u'-') || arg == u"-") {
            words << arg;
            continue;
        }
        if (arg == u"--") {
            onlyText = true;
            continue;
        }
        if (arg == u"--help" || arg == u"-h") {
            out << usage();
            return 0;
        }
        QString name = arg, value;
        const bool inlineValue = name.contains(u'=');
        if (inlineValue) {
            value = name.section(u'=', 1);
            name = name.section(u'=', 0, 0);
        }
        if (name != u"--format" && name != u"--error-file") {
            err << "llmdoctor explain: unknown option \"" << arg
                << "\" (see llmdoctor explain --help; put -- before text that starts with -)\n";
            return 2;
        }
        if (!inlineValue) {
            if (i + 1 >= args.size()) {
                err << "llmdoctor explain: " << name << " needs a value\n";
                return 2;
            }
            value = args.at(++i);
        }
        if (name == u"--format") {
            format = value;
        } else {
            file = value;
            haveFile = true;
        }
    }
    if (format != u"text" && format != u"json") {
        err << "llmdoctor explain: --format must be text or json, not \"" << format << "\"\n";
        return 2;
    }
    if (haveFile && !words.isEmpty()) {
        err << "llmdoctor explain: give the message as TEXT or with --error-file, not both\n";
        return 2;
    }

    QString text;
    if (haveFile) {
        QByteArray bytes;
        if (file == u"-") {
            bytes = readStdin ? readStdin() : QByteArray();
        } else {
            QFile f(file);
            if (!f.open(QIODevice::ReadOnly)) {
                err << "llmdoctor explain: cannot read \"" << file << "\": " << f.errorString() << "\n";
                return 2;
            }
            bytes = f.read(maxInputBytes);
        }
        text = QString::fromUtf8(bytes);
    } else {
        text = words.join(u' ');
    }
    if (text.trimmed().isEmpty()) {
        err << "llmdoctor explain: the error message is empty; paste it as TEXT or give --error-file\n\n"
            << usage();
        return 2;
    }

    if (const QStringList problems = signatureCatalogueProblems(); !problems.isEmpty()) {
        err << "llmdoctor explain: internal error in the error signatures: " << problems.join(u"; "_s)
            << "\n";
        return 3;
    }

    const ErrorSignature sig = classifyErrorText(text);
    const Verdict v = verdictForSignature(sig);
    if (format == u"json") {
        const QJsonObject doc{{u"schema"_s, u"llmdoctor.explain/1"_s},
                              {u"verdict"_s, v.toJson()},
                              {u"signature"_s, sig.toJson()}};
        // The same split as the signature's: hops on the way, and the client that reported it.
        QJsonObject withHops = doc;
        withHops.insert(u"hops"_s, doc[u"signature"_s][u"hops"_s]);
        withHops.insert(u"client"_s, doc[u"signature"_s][u"client"_s]);
        out << QString::fromUtf8(QJsonDocument(withHops).toJson(QJsonDocument::Indented));
    } else {
        out << renderText(sig, v);
    }
    out.flush();
    return v.category == Category::Ok ? 0 : 1;
}

} // namespace llmdoctor::core
