#include "core/cli/cli.h"
#include "core/cli/targetoptions.h"
#include "ui/mainwindow.h"
#include "ui/translations.h"

#include <QApplication>
#include <QCoreApplication>
#include <QIcon>
#include <QTextStream>
#include <cstdio>
#include <exception>
#ifdef Q_OS_WIN
#include <windows.h>
#endif

using namespace Qt::StringLiterals;

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
        // articles match its words.
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(u"llmdoctor"_s);
        QCoreApplication::setApplicationVersion(QStringLiteral(LLMDOCTOR_VERSION));
        try {
            return llmdoctor::core::runCli(args);
        } catch (const std::exception &e) {
            QTextStream(stderr) << "llmdoctor: internal error: " << e.what() << "\n";
            return 3;
        }
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
