#include <QApplication>
#include <QSettings>
#include <QTemporaryDir>
#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // No test may find a real keychain: where there is no session bus, QtKeychain has no backend
    // (the case under CI); pointing at a bus that does not exist makes that true on a desktop too.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/llmdoctor-test-bus");
    QApplication app(argc, argv);
    // Each test process gets its own settings directory: ctest runs tests in parallel, and a last
    // target saved by one wizard test must not fill in another's first page.
    QTemporaryDir settingsDir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    qputenv("LLMDOCTOR_TEST_SETTINGS_DIR", settingsDir.path().toLocal8Bit());
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
