// The network-state matrix through the wizard (offscreen): for every provider, no network at all
// (this test binary again, inside a fresh network namespace), the status page's name failing
// only, and the API's name failing only. Each run ends on the verdict page within 2 s.
#include "core/sim/simulator.h"
#include "support/fixtureserver.h"
#include "support/providermatrix.h"
#include "support/servers.h"
#include "support/wizardrun.h"

#include <QCoreApplication>
#include <QStandardPaths>
#include <gtest/gtest.h>

using namespace llmdoctor::core;
using namespace llmdoctor::test;
using namespace Qt::StringLiterals;

namespace {

constexpr const char *kChildVariable = "LLMDOCTOR_MATRIX_CHILD";

Target matrixTarget(const MatrixProvider &p, const QString &address, const QString &statusUrl = {})
{
    Target t;
    t.provider = p.id;
    t.baseUrl = QUrl(address);
    t.baseUrlText = address;
    t.timeoutMs = 10000;
    t.proxy.mode = ProxyChoice::Mode::None;
    if (!statusUrl.isEmpty())
        t.statusUrl = QUrl(statusUrl);
    return t;
}

void expectWizardVerdict(const WizardOutcome &v, const QString &label)
{
    SCOPED_TRACE(label.toStdString());
    EXPECT_FALSE(v.headline.isEmpty());
    EXPECT_FALSE(v.category.isEmpty());
    EXPECT_NE(v.category, u"ok"_s);
    EXPECT_LT(v.elapsedMs, 2000) << "the verdict took " << v.elapsedMs << " ms";
}

} // namespace

// Disabled on its own: NoNetworkAtAll below runs it inside a fresh network namespace.
TEST(NetworkMatrixWizard, DISABLED_InsideTheNamespace)
{
    ASSERT_TRUE(qEnvironmentVariableIsSet(kChildVariable)) << "run by NetworkMatrixWizard.NoNetworkAtAll";
    for (const MatrixProvider &p : catalogueProviders()) {
        // LLMDOCTOR_SCREENSHOT_DIR: a picture of each verdict, to look at what a person sees.
        const QString dir = qEnvironmentVariable("LLMDOCTOR_SCREENSHOT_DIR");
        const WizardOutcome v =
            runWizardToVerdict(matrixTarget(p, p.address()), 15000,
                               dir.isEmpty() ? QString() : dir + u"/offline-"_s + p.id + u".png"_s);
        expectWizardVerdict(v, u"offline, "_s + p.id);
        EXPECT_FALSE(v.headline.contains(u"typo"_s, Qt::CaseInsensitive)) << v.headline.toStdString();
        if (!p.local) {
            EXPECT_EQ(v.category, u"dns_failure"_s) << p.id.toStdString();
            EXPECT_EQ(v.blame, u"local"_s) << p.id.toStdString();
            EXPECT_TRUE(v.headline.contains(u"no working network connection"_s)) << v.headline.toStdString();
        }
    }
}

TEST(NetworkMatrixWizard, NoNetworkAtAll)
{
    LLMDOCTOR_REQUIRE_UNSHARE("-n");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(kChildVariable), u"1"_s);
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    const CliRun run =
        runProgram(QStandardPaths::findExecutable(u"unshare"_s),
                   {u"-n"_s, QCoreApplication::applicationFilePath(), u"--gtest_also_run_disabled_tests"_s,
                    u"--gtest_filter=NetworkMatrixWizard.DISABLED_InsideTheNamespace"_s},
                   {}, 120000, env);
    EXPECT_EQ(run.exitCode, 0) << run.out.toStdString() << run.err.toStdString();
    EXPECT_TRUE(run.out.contains("[  PASSED  ] 1 test")) << run.out.toStdString();
    EXPECT_FALSE(run.out.contains("[  SKIPPED ]")) << run.out.toStdString();
}

TEST(NetworkMatrixWizard, StatusPageNameFailingOnly)
{
    Simulator sim(faultOptions(Fault::BadGateway));
    ASSERT_TRUE(sim.start());
    for (const MatrixProvider &p : catalogueProviders()) {
        const WizardOutcome v = runWizardToVerdict(matrixTarget(
            p, sim.baseUrl().toString(), u"https://status.%1.invalid/api/v2/summary.json"_s.arg(p.id)));
        expectWizardVerdict(v, u"status page name failing, "_s + p.id);
        EXPECT_EQ(v.category, u"gateway_error"_s) << p.id.toStdString();
    }
}

TEST(NetworkMatrixWizard, ApiNameFailingOnly)
{
    FixtureServer status;
    ASSERT_TRUE(status.start());
    ASSERT_TRUE(status.file(u"/api/v2/summary.json"_s, u"statuspage_none.json"_s));
    for (const MatrixProvider &p : catalogueProviders()) {
        const WizardOutcome v = runWizardToVerdict(
            matrixTarget(p, p.unresolvableAddress(), status.url(u"/api/v2/summary.json"_s).toString()));
        expectWizardVerdict(v, u"API name failing, "_s + p.id);
        EXPECT_EQ(v.category, u"dns_failure"_s) << p.id.toStdString();
    }
}
