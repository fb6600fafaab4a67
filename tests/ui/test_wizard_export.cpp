// Exporting from the verdict page: every format, PDF included, with the retry run; no key in any
// file or on the clipboard; an unwritable place loses nothing.
#include "core/sim/simulator.h"
#include "support/jsonschema.h"
#include "support/waiting.h"
#include "ui/checkspage.h"
#include "ui/exportpage.h"
#include "ui/mainwindow.h"
#include "ui/retrypage.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>
#include <memory>

using namespace Qt::StringLiterals;
using namespace llmdoctor;
using llmdoctor::test::waitFor;

namespace {

const QByteArray kKey = "sk-proj-Wizard0Export1Key2abcdefghijklmnopqrstuvwxyz9876";

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

TEST(WizardExport, EveryFormatFromTheVerdictPageWithoutTheKey)
{
    QStandardPaths::setTestModeEnabled(true);
    core::SimulatorOptions o;
    o.fault = core::Fault::RateLimit;
    o.retryAfterSeconds = 1;
    o.failFirst = 2;
    core::Simulator sim(o);
    ASSERT_TRUE(sim.start());
    core::Target target;
    target.provider = u"openai"_s;
    target.baseUrl = sim.baseUrl();
    target.apiKey = kKey;
    target.timeoutMs = 10000;
    target.proxy.mode = core::ProxyChoice::Mode::None;
    ui::MainWindow w(target);
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    w.findChild<QPushButton *>(u"runButton"_s)->click();
    ASSERT_TRUE(waitFor([&] { return w.checksPage()->state() == ui::ChecksPage::State::Finished; }));
    w.findChild<QPushButton *>(u"verdictButton"_s)->click();
    // A retry run first, so the report has one.
    w.findChild<QPushButton *>(u"retryButton"_s)->click();
    ASSERT_TRUE(waitFor([&] { return !w.retryPage()->isRunning(); }, 10000));
    w.findChild<QPushButton *>(u"backButton"_s)->click();
    ASSERT_EQ(w.currentPage(), ui::MainWindow::Result);
    const QString headline = w.findChild<QLabel *>(u"verdictHeadline"_s)->text();
    if (const QString keep = qEnvironmentVariable("LLMDOCTOR_SCREENSHOTS"); !keep.isEmpty()) {
        w.resize(820, 700); // the window's first size
        QTest::qWait(60);
        w.grab().save(QDir(keep).filePath(u"result-bar.png"_s));
    }
    EXPECT_TRUE(w.findChild<QPushButton *>(u"shareButton"_s)->isVisible());
    w.findChild<QPushButton *>(u"shareButton"_s)->click();
    ASSERT_EQ(w.currentPage(), ui::MainWindow::Export);
    EXPECT_FALSE(w.exportPage()->messageText().contains(QString::fromLatin1(kKey)));
    EXPECT_TRUE(w.exportPage()->messageText().contains(u"sk-proj-…9876"_s))
        << w.exportPage()->messageText().toStdString();

    QTemporaryDir dir;
    for (const char *suffix : {"html", "pdf", "md", "json", "har", "txt"}) {
        const QString path = dir.filePath(u"report."_s + QLatin1String(suffix));
        ASSERT_TRUE(w.exportReport(path)) << suffix << ": " << w.exportStatus().toStdString();
        EXPECT_TRUE(w.exportStatus().startsWith(u"Saved to"_s));
        const QByteArray data = readAll(path);
        ASSERT_FALSE(data.isEmpty()) << suffix;
        EXPECT_FALSE(data.contains(kKey)) << suffix;
        EXPECT_FALSE(data.contains(kKey.toBase64())) << suffix;
        EXPECT_FALSE(data.contains(kKey.mid(8, 24))) << suffix;
    }
    EXPECT_TRUE(readAll(dir.filePath(u"report.pdf"_s)).startsWith("%PDF-"));
    if (const QString keep = qEnvironmentVariable("LLMDOCTOR_SCREENSHOTS"); !keep.isEmpty()) {
        for (const char *name : {"report.pdf", "report.html", "report.md"})
            QFile::copy(dir.filePath(QLatin1String(name)), QDir(keep).filePath(QLatin1String(name)));
    }
    const QJsonObject json = QJsonDocument::fromJson(readAll(dir.filePath(u"report.json"_s))).object();
    EXPECT_EQ(test::schemaViolations(json, test::loadSchema(u"docs/report.schema.json"_s)), QStringList());
    EXPECT_EQ(json.value(u"retry"_s).toObject().value(u"outcome"_s).toString(), u"succeeded"_s);
    EXPECT_TRUE(readAll(dir.filePath(u"report.html"_s)).contains("Wait and retry"));

    // A place that cannot be written: a clear reason, and everything still there.
    EXPECT_FALSE(w.exportReport(dir.filePath(u"no/such/folder/report.html"_s)));
    EXPECT_TRUE(w.exportStatus().contains(u"does not exist"_s)) << w.exportStatus().toStdString();
    EXPECT_FALSE(w.exportReport(dir.filePath(u"report.docx"_s)));
    EXPECT_EQ(w.currentPage(), ui::MainWindow::Export);
    EXPECT_TRUE(w.exportPage()->statusText().startsWith(u"Not saved"_s)) << w.exportPage()->statusText().toStdString();
    w.findChild<QPushButton *>(u"backButton"_s)->click(); // Back keeps everything
    EXPECT_EQ(w.currentPage(), ui::MainWindow::Result);
    EXPECT_EQ(w.findChild<QLabel *>(u"verdictHeadline"_s)->text(), headline);
    w.findChild<QPushButton *>(u"shareButton"_s)->click();
    EXPECT_TRUE(w.exportReport(dir.filePath(u"again.html"_s))); // and it works again

    w.findChild<QPushButton *>(u"exportCopyCurlButton"_s)->click();
    const QString curl = QApplication::clipboard()->text();
    EXPECT_TRUE(curl.startsWith(u"curl "_s)) << curl.toStdString();
    EXPECT_TRUE(curl.contains(u"$OPENAI_API_KEY"_s));
    EXPECT_FALSE(curl.contains(QString::fromLatin1(kKey)));
    EXPECT_TRUE(w.exportStatus().contains(u"OPENAI_API_KEY"_s));
    // The wizard's own summary for support holds no key either.
    w.findChild<QPushButton *>(u"copySummaryButton"_s)->click();
    EXPECT_FALSE(QApplication::clipboard()->text().contains(QString::fromLatin1(kKey)));
}
