// `llmdoctor explain` and `diagnose --error-text`: run the real binary, as users and scripts do.
#include "core/sim/simulator.h"
#include "support/servers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace llmdoctor::core;
using namespace llmdoctor::test;
using namespace Qt::StringLiterals;

namespace {

const QString envoyText =
    u"upstream connect error or disconnect/reset before headers. reset reason: connection termination"_s;

QJsonObject jsonOf(const CliRun &r)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &err);
    EXPECT_EQ(err.error, QJsonParseError::NoError) << r.out.toStdString() << r.err.toStdString();
    return doc.object();
}

} // namespace

TEST(Explain, TextNamesTheMeaningTheHopAndWhoActs)
{
    const CliRun r = runCli({u"explain"_s, envoyText});
    EXPECT_EQ(r.exitCode, 1) << r.err.toStdString();
    const QString out = QString::fromUtf8(r.out);
    EXPECT_TRUE(out.contains(u"What it means"_s)) << r.out.toStdString();
    EXPECT_TRUE(out.contains(u"Where it broke"_s));
    EXPECT_TRUE(out.contains(u"provider's edge (envoy)"_s));
    EXPECT_TRUE(out.contains(u"✖ it broke here"_s));
    EXPECT_TRUE(out.contains(u"Who should act: the provider"_s));
    EXPECT_TRUE(out.contains(u"connection termination"_s));
    EXPECT_TRUE(out.contains(u"max_retries"_s)); // the retry snippet
}

TEST(Explain, WordsAreJoinedAndJsonHasVerdictHopsAndSignature)
{
    const CliRun r = runCli({u"explain"_s, u"--format"_s, u"json"_s, u"curl:"_s, u"(6)"_s, u"Could"_s,
                             u"not"_s, u"resolve"_s, u"host:"_s, u"api.openai.con"_s});
    EXPECT_EQ(r.exitCode, 1) << r.err.toStdString();
    const QJsonObject o = jsonOf(r);
    const QJsonObject verdict = o.value(u"verdict").toObject();
    EXPECT_EQ(verdict.value(u"category").toString(), u"dns_failure"_s);
    EXPECT_EQ(verdict.value(u"blame").toString(), u"config"_s);
    EXPECT_FALSE(verdict.value(u"headline").toString().isEmpty());
    EXPECT_TRUE(verdict.value(u"next_steps").isArray());
    EXPECT_TRUE(verdict.value(u"snippets").isArray());
    EXPECT_GT(verdict.value(u"confidence").toDouble(), 0.5);
    // curl wrote the message but is no hop on the way: it is the client.
    EXPECT_EQ(o.value(u"hops").toArray(), QJsonArray{});
    EXPECT_EQ(o.value(u"client").toArray(), QJsonArray{u"curl"_s});
    EXPECT_EQ(o.value(u"signature").toObject().value(u"hops").toArray(), QJsonArray{});
    const QJsonObject sig = o.value(u"signature").toObject();
    EXPECT_EQ(sig.value(u"category").toString(), u"dns_failure"_s);
    EXPECT_EQ(sig.value(u"host").toString(), u"api.openai.con"_s);
}

TEST(Explain, ErrorFileAndStandardInput)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(u"error.html"_s);
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("<html>\n<head><title>504 Gateway Time-out</title></head>\n<body>\n<center><h1>504 Gateway "
            "Time-out</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>\n");
    f.close();
    const CliRun file = runCli({u"explain"_s, u"--error-file"_s, path, u"--format=json"_s});
    EXPECT_EQ(file.exitCode, 1) << file.err.toStdString();
    const QJsonObject o = jsonOf(file);
    EXPECT_EQ(o[u"verdict"][u"category"].toString(), u"gateway_timeout"_s);
    EXPECT_EQ(o[u"signature"][u"status"].toInt(), 504);
    EXPECT_EQ(o.value(u"hops").toArray(), QJsonArray{u"nginx"_s});

    const QByteArray traceback = "Traceback (most recent call last):\n"
                                 "  File \"/app/x.py\", line 3, in <module>\n"
                                 "httpx.ConnectError: [Errno 111] Connection refused\n";
    const CliRun in = runCli({u"explain"_s, u"--error-file"_s, u"-"_s, u"--format"_s, u"json"_s}, traceback);
    EXPECT_EQ(in.exitCode, 1) << in.err.toStdString();
    EXPECT_EQ(jsonOf(in)[u"verdict"][u"category"].toString(), u"connection_refused"_s);
}

TEST(Explain, GenericMessageIsUnknownAndSendsToTheChecks)
{
    const CliRun r = runCli({u"explain"_s, u"--format"_s, u"json"_s, u"Network error. Try again later!"_s});
    EXPECT_EQ(r.exitCode, 1);
    const QJsonObject v = jsonOf(r).value(u"verdict").toObject();
    EXPECT_EQ(v.value(u"category").toString(), u"unknown"_s);
    EXPECT_EQ(v.value(u"blame").toString(), u"none"_s);
    EXPECT_LT(v.value(u"confidence").toDouble(), 0.3);
}

TEST(Explain, BadInputExitsTwo)
{
    EXPECT_EQ(runCli({u"explain"_s}).exitCode, 2);
    EXPECT_EQ(runCli({u"explain"_s, u"   "_s}).exitCode, 2);
    EXPECT_EQ(runCli({u"explain"_s, u"--error-file"_s, u"/nonexistent.invalid/error.txt"_s}).exitCode, 2);
    EXPECT_EQ(runCli({u"explain"_s, u"--error-file"_s, u"-"_s}, QByteArray("\n\n")).exitCode, 2);
    EXPECT_EQ(runCli({u"explain"_s, u"--format"_s, u"xml"_s, u"502"_s}).exitCode, 2);
    EXPECT_EQ(runCli({u"explain"_s, u"--bogus"_s, u"x"_s}).exitCode, 2);
    EXPECT_EQ(runCli({u"explain"_s, u"--error-file"_s}).exitCode, 2);
    EXPECT_EQ(runCli({u"explain"_s, u"text"_s, u"--error-file"_s, u"-"_s}).exitCode, 2);
    const CliRun help = runCli({u"explain"_s, u"--help"_s});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.out.contains("--error-file"));
    EXPECT_TRUE(runCli({u"--help"_s}).out.contains("llmdoctor explain"));
    // Text that starts with a dash goes after --.
    EXPECT_EQ(runCli({u"explain"_s, u"--"_s, u"-bash: curl: (7) Connection refused"_s}).exitCode, 1);
}

TEST(Explain, DiagnoseFoldsThePastedMessageIntoTheVerdict)
{
    Simulator sim(faultOptions(Fault::None));
    ASSERT_TRUE(sim.start());
    const QStringList base{u"diagnose"_s, u"--base-url"_s, sim.baseUrl().toString(),
                           u"--proxy"_s,  u"none"_s,       u"--model"_s,
                           u"gpt-4o"_s,   u"--format"_s,   u"json"_s};

    const CliRun plain = runCli(base);
    EXPECT_EQ(plain.exitCode, 0) << plain.err.toStdString();
    EXPECT_EQ(jsonOf(plain)[u"verdict"][u"category"].toString(), u"ok"_s);

    // Healthy now, but the app saw a gateway's reset: on 127.0.0.1 that gateway is the user's own.
    const CliRun pasted = runCli(base + QStringList{u"--error-text"_s, envoyText});
    EXPECT_EQ(pasted.exitCode, 1) << pasted.err.toStdString();
    const QJsonObject v = jsonOf(pasted).value(u"verdict").toObject();
    EXPECT_EQ(v.value(u"category").toString(), u"upstream_reset"_s);
    // No proxy is set: the gateway is theirs to configure, not an IT department's proxy.
    EXPECT_EQ(v.value(u"blame").toString(), u"config"_s);
    EXPECT_TRUE(v.value(u"headline").toString().contains(u"gateway on your side"_s))
        << v.value(u"headline").toString().toStdString();
    EXPECT_FALSE(v.value(u"snippets").toArray().isEmpty());

    // A message llmdoctor does not recognise leaves the verdict alone and says so.
    const CliRun generic =
        runCli(base + QStringList{u"--error-text"_s, u"Network error. Try again later!"_s});
    EXPECT_EQ(generic.exitCode, 0) << generic.err.toStdString();
    const QJsonObject g = jsonOf(generic).value(u"verdict").toObject();
    EXPECT_EQ(g.value(u"category").toString(), u"ok"_s);
    EXPECT_TRUE(g.value(u"next_steps").toArray().last().toString().contains(u"did not recognise"_s));
}
