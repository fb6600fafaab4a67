#include "core/cli/cli.h"
#include "core/cli/targetoptions.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCoreApplication>
#include <QTextStream>
#include <cstdio>
#include <exception>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);

    if (llmdoctor::core::isCliInvocation(args)) {
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
    QApplication::setDesktopFileName(u"llmdoctor"_s);

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
