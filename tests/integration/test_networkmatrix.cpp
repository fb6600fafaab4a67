// The network states people run a network doctor in, for every provider llmdoctor knows: no
// network at all (a fresh network namespace), the status page's name failing while the API
// answers, and the API's name failing while the status page answers. Each run ends with a
// verdict, exit status 1 and no crash, within 2 s.
#include "core/sim/simulator.h"
#include "support/fixtureserver.h"
#include "support/providermatrix.h"
#include "support/servers.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <gtest/gtest.h>

using namespace llmdoctor::core;
using namespace llmdoctor::test;
using namespace Qt::StringLiterals;

namespace {

// The CLI's JSON verdict, and the run around it.
struct MatrixRun
{
    CliRun run;
    QJsonObject verdict;
};

MatrixRun diagnose(const QString &program, const QStringList &args)
{
    MatrixRun r;
    r.run =
        runProgram(program, args + QStringList{u"--format"_s, u"json"_s, u"--timeout"_s, u"10"_s}, {}, 20000);
    r.verdict = QJsonDocument::fromJson(r.run.out).object()[u"verdict"_s].toObject();
    return r;
}

// AddressSanitizer's own documentation puts its slowdown at about 2x; on a loaded CI machine a run took
// 2.1 s there. The bound is there to catch a verdict that waits for a failing name's 10 s deadline.
#if defined(__SANITIZE_ADDRESS__)
constexpr qint64 sanitizerSlowdown = 3;
#else
constexpr qint64 sanitizerSlowdown = 1;
#endif

void expectVerdict(const MatrixRun &r, const QString &label, qint64 limitMs = 2000)
{
    SCOPED_TRACE(label.toStdString());
    EXPECT_EQ(r.run.exitCode, 1) << r.run.err.toStdString();
    EXPECT_LT(r.run.elapsedMs, limitMs * sanitizerSlowdown)
        << "the verdict took " << r.run.elapsedMs << " ms";
    EXPECT_FALSE(r.verdict[u"headline"_s].toString().isEmpty()) << r.run.out.toStdString();
    EXPECT_NE(r.verdict[u"category"_s].toString(), u"ok"_s);
}

} // namespace

TEST(NetworkMatrix, NoNetworkAtAllEveryProviderSaysSo)
{
    LLMDOCTOR_REQUIRE_UNSHARE("-n");
    const QString unshare = QStandardPaths::findExecutable(u"unshare"_s);
    for (const MatrixProvider &p : catalogueProviders()) {
        const MatrixRun r = diagnose(unshare, {u"-n"_s, QStringLiteral(LLMDOCTOR_BINARY), u"diagnose"_s,
                                               u"--provider"_s, p.id, u"--base-url"_s, p.address()});
        expectVerdict(r, u"offline, "_s + p.id);
        const QString said =
            (r.verdict[u"headline"_s].toString() + u' ' + r.verdict[u"explanation"_s].toString() + u' ' +
             r.verdict[u"next_steps"_s].toVariant().toStringList().join(u' '));
        EXPECT_FALSE(said.contains(u"typo"_s, Qt::CaseInsensitive))
            << p.id.toStdString() << ": " << said.toStdString();
        if (!p.local) {
            // A server on this computer is another matter: loopback has no name to look up.
            EXPECT_EQ(r.verdict[u"category"_s].toString(), u"dns_failure"_s) << p.id.toStdString();
            EXPECT_EQ(r.verdict[u"blame"_s].toString(), u"local"_s) << p.id.toStdString();
            EXPECT_TRUE(said.contains(u"no working network connection"_s))
                << p.id.toStdString() << ": " << said.toStdString();
        }
    }
}

TEST(NetworkMatrix, StatusPageNameFailingOnlyEveryProvider)
{
    // The API answers (here with a 502 of its own), the status page's name does not resolve.
    Simulator sim(faultOptions(Fault::BadGateway));
    ASSERT_TRUE(sim.start());
    for (const MatrixProvider &p : catalogueProviders()) {
        const MatrixRun r = diagnose(QStringLiteral(LLMDOCTOR_BINARY),
                                     {u"diagnose"_s, u"--provider"_s, p.id, u"--base-url"_s,
                                      sim.baseUrl().toString(), u"--proxy"_s, u"none"_s, u"--status-url"_s,
                                      u"https://status.%1.invalid/api/v2/summary.json"_s.arg(p.id)});
        expectVerdict(r, u"status page name failing, "_s + p.id);
        EXPECT_EQ(r.verdict[u"category"_s].toString(), u"gateway_error"_s) << p.id.toStdString();
    }
}

TEST(NetworkMatrix, ApiNameFailingOnlyEveryProvider)
{
    // The status page answers from 127.0.0.1; the API's name does not resolve.
    FixtureServer status;
    ASSERT_TRUE(status.start());
    ASSERT_TRUE(status.file(u"/api/v2/summary.json"_s, u"statuspage_none.json"_s));
    for (const MatrixProvider &p : catalogueProviders()) {
        const MatrixRun r = diagnose(QStringLiteral(LLMDOCTOR_BINARY),
                                     {u"diagnose"_s, u"--provider"_s, p.id, u"--base-url"_s,
                                      p.unresolvableAddress(), u"--proxy"_s, u"none"_s, u"--status-url"_s,
                                      status.url(u"/api/v2/summary.json"_s).toString()});
        expectVerdict(r, u"API name failing, "_s + p.id);
        EXPECT_EQ(r.verdict[u"category"_s].toString(), u"dns_failure"_s) << p.id.toStdString();
    }
}
