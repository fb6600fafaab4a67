// Every failure the command line tells apart, told apart the same way through the wizard.
#include "core/sim/simulator.h"
#include "support/servers.h"
#include "support/waiting.h"
#include "support/wizardrun.h"
#include "ui/checkspage.h"
#include "ui/mainwindow.h"

#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <gtest/gtest.h>

using namespace llmdoctor::core;
using namespace llmdoctor::test;
using namespace Qt::StringLiterals;
using llmdoctor::ui::ChecksPage;
using llmdoctor::ui::MainWindow;

namespace {

struct VerdictCase
{
    const char *name;
    Fault fault; // None with a fixed address below means "no simulator"
    const char *address;
    const char *category;
    const char *blame;
};

void PrintTo(const VerdictCase &c, std::ostream *os)
{
    *os << c.name;
}

// Runs the wizard on the target, clicks through to the verdict and returns its category.
QString runWizard(Target target, QString *blame)
{
    target.proxy.mode = ProxyChoice::Mode::None;
    const WizardOutcome v = runWizardToVerdict(target);
    *blame = v.blame;
    return v.category;
}

class WizardVerdict : public ::testing::TestWithParam<VerdictCase>
{
};

} // namespace

TEST_P(WizardVerdict, MatchesTheDiagnosis)
{
    const VerdictCase c = GetParam();
    Target target;
    target.timeoutMs = 2000;
    std::unique_ptr<Simulator> sim;
    if (QByteArray(c.address).isEmpty()) {
        sim = std::make_unique<Simulator>(faultOptions(c.fault));
        ASSERT_TRUE(sim->start());
        target.baseUrl = sim->baseUrl();
        target.apiKey = "sk-test-abcdefghijklmnop";
    } else {
        target.baseUrl =
            QUrl(QString::fromLatin1(c.address).replace(u"FREEPORT"_s, QString::number(freePort())));
    }
    QString blame;
    EXPECT_EQ(runWizard(target, &blame).toStdString(), c.category);
    EXPECT_EQ(blame.toStdString(), c.blame);
}

INSTANTIATE_TEST_SUITE_P(
    Failures, WizardVerdict,
    ::testing::Values(
        VerdictCase{"healthy", Fault::None, "", "ok", "none"},
        VerdictCase{"bad_gateway", Fault::BadGateway, "", "gateway_error", "provider"},
        VerdictCase{"envoy_reset", Fault::EnvoyReset, "", "upstream_reset", "provider"},
        VerdictCase{"reset_before_headers", Fault::ResetBeforeHeaders, "", "upstream_reset", "provider"},
        VerdictCase{"close_before_headers", Fault::CloseBeforeHeaders, "", "upstream_reset", "provider"},
        VerdictCase{"hang", Fault::Hang, "", "timeout", "provider"},
        VerdictCase{"slow_headers", Fault::SlowHeaders, "", "timeout", "provider"},
        VerdictCase{"rate_limit", Fault::RateLimit, "", "rate_limited", "account"},
        VerdictCase{"invalid_key", Fault::InvalidKey, "", "auth_invalid_key", "account"},
        VerdictCase{"overloaded", Fault::Overloaded, "", "provider_overloaded", "provider"},
        VerdictCase{"tls", Fault::Tls, "", "tls_untrusted", "network"},
        VerdictCase{"unresolvable", Fault::None, "https://api.wizard-test.invalid/v1", "dns_failure",
                    "config"},
        VerdictCase{"closed_port", Fault::None, "http://127.0.0.1:FREEPORT/v1", "connection_refused",
                    "local"}),
    [](const auto &param) { return std::string(param.param.name); });
