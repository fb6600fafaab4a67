#include "core/cli/cli.h"
#include "core/cli/targetoptions.h"
#include "core/report/report.h"
#include "ui/mainwindow.h"
#include "ui/reportexport.h"
#include "ui/translations.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFileInfo>
#include <QGuiApplication>
#include <QIcon>
#include <QRegularExpression>
#include <QTextStream>
#include <cstdio>
#include <exception>
#include <memory>
#ifdef Q_OS_WIN
#include <windows.h>
#endif

using namespace Qt::StringLiterals;

namespace {

// Whether the wizard has a screen to open on. Without one Qt aborts ("could not connect to
// display"); a person on a server gets one plain line instead.
bool hasDisplay(const QStringList &args)
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    QString platform = qEnvironmentVariable("QT_QPA_PLATFORM");
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == u"-platform" || args.at(i) == u"--platform")
            platform = args.at(i + 1);
    }
    const QString first = platform.section(u';', 0, 0).section(u':', 0, 0);
    // offscreen, minimal, vnc, eglfs, linuxfb… need no display server.
    if (!first.isEmpty() && first != u"xcb" && first != u"wayland" && !first.startsWith(u"wayland-"))
        return true;
    const QString wayland = qEnvironmentVariable("WAYLAND_DISPLAY");
    if (!wayland.isEmpty() && first != u"xcb") {
        const QString socket =
            wayland.startsWith(u'/') ? wayland : qEnvironmentVariable("XDG_RUNTIME_DIR") + u'/' + wayland;
        if (QFileInfo::exists(socket))
            return true;
    }
    if (first.startsWith(u"wayland"))
        return false;
    const QString display = qEnvironmentVariable("DISPLAY");
    if (display.isEmpty())
        return false;
    // A display on this computer (":0", "unix:1.0") has a socket to look for; trust a remote one.
    static const QRegularExpression local(u"^(?:unix)?:(\\d+)(?:\\.\\d+)?$"_s);
    const auto m = local.match(display);
    if (!m.hasMatch())
        return true;
    return QFileInfo::exists(u"/tmp/.X11-unix/X"_s + m.captured(1));
#else
    Q_UNUSED(args);
    return true;
#endif
}

// `diagnose --format pdf` (or --format=pdf).
bool wantsPdf(const QStringList &args)
{
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args.at(i).compare(u"--format=pdf"_s, Qt::CaseInsensitive) == 0 ||
            (args.at(i) == u"--format" && i + 1 < args.size() &&
             args.at(i + 1).compare(u"pdf"_s, Qt::CaseInsensitive) == 0))
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);

    if (llmdoctor::core::isCliInvocation(args)) {
#ifdef Q_OS_WIN
        // The executable is a GUI one (no console window for the wizard): print into the console
        // the command was typed in. Streams redirected to a file or pipe already work; only the
        // ones without a handle are pointed at the console.
        if (AttachConsole(ATTACH_PARENT_PROCESS)) {
            if (_fileno(stdout) < 0)
                std::freopen("CONOUT$", "w", stdout);
            if (_fileno(stderr) < 0)
                std::freopen("CONOUT$", "w", stderr);
            if (_fileno(stdin) < 0)
                std::freopen("CONIN$", "r", stdin);
        }
#endif
        // The command line stays in English, like the JSON it prints: scripts and support
        // articles match its words. A PDF is laid out with Qt GUI's fonts and painter, which
        // need a QGuiApplication; the offscreen platform needs no display.
        const bool pdf = wantsPdf(args);
        if (pdf) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
            // On a server Qt GUI warns about a runtime folder it does not need for a PDF.
            qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &message) {
                if (!message.startsWith(u"QStandardPaths: XDG_RUNTIME_DIR"_s))
                    QTextStream(stderr) << message << '\n';
            });
        }
        std::unique_ptr<QCoreApplication> app = pdf ? std::make_unique<QGuiApplication>(argc, argv)
                                                    : std::make_unique<QCoreApplication>(argc, argv);
        if (pdf)
            llmdoctor::core::setPdfRenderer(&llmdoctor::ui::ReportExport::pdf);
        QCoreApplication::setApplicationName(u"llmdoctor"_s);
        QCoreApplication::setApplicationVersion(QStringLiteral(LLMDOCTOR_VERSION));
        try {
            return llmdoctor::core::runCli(args);
        } catch (const std::exception &e) {
            QTextStream(stderr) << "llmdoctor: internal error: " << e.what() << "\n";
            return 3;
        }
    }

    if (!hasDisplay(args)) {
        std::fputs("llmdoctor: no display: run `llmdoctor diagnose ...` for the command line "
                   "(llmdoctor --help lists the commands)\n",
                   stderr);
        return 2;
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"llmdoctor"_s);
    QApplication::setOrganizationName(u"llmdoctor"_s);
    QApplication::setApplicationVersion(QStringLiteral(LLMDOCTOR_VERSION));
    // The AppStream id: the .desktop file's name, and the Wayland app id the shell matches it by.
    QApplication::setDesktopFileName(u"io.github.llmdoctor.llmdoctor"_s);
    QApplication::setWindowIcon(
        QIcon::fromTheme(u"io.github.llmdoctor.llmdoctor"_s, QIcon(u":/icons/llmdoctor.svg"_s)));
    llmdoctor::ui::installTranslations(app);

    // Target options fill in the wizard's first page.
    llmdoctor::core::Target prefill;
    const QStringList options = app.arguments().mid(1);
    if (llmdoctor::core::hasTargetOption(options)) {
        QString error;
        QStringList rest;
        auto target =
            llmdoctor::core::parseTargetOptions(options, &rest, &error, llmdoctor::core::readKeyFromStdin);
        if (!target) {
            QTextStream(stderr) << "llmdoctor: " << error << "\n";
            return 2;
        }
        prefill = *target;
    }
    llmdoctor::ui::MainWindow window(prefill);
    window.show();
    return app.exec();
}
