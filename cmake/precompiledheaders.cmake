# Precompiled headers. Compiling dominates the build (linking is ~3 % of it) and every translation
# unit parses the same Qt, standard library and GoogleTest headers again; precompiling them once per
# set of compile flags cuts CI's three from-scratch builds. Only third-party headers go in: a change
# to one of ours must not rebuild everything. A build with LLMDOCTOR_PCH=OFF still catches a missing
# #include that the precompiled header hides.
option(LLMDOCTOR_PCH "Precompile the Qt, standard library and GoogleTest headers" ON)

set(llmdoctor_pch_core
    <algorithm> <cmath> <functional> <memory> <optional> <utility> <vector>
    <QByteArray> <QCoreApplication> <QDateTime> <QDir> <QElapsedTimer> <QEventLoop> <QFile> <QFileInfo>
    <QHash> <QHostAddress> <QJsonArray> <QJsonDocument> <QJsonObject> <QList> <QLocale> <QMap> <QObject>
    <QPointer> <QRegularExpression> <QSet> <QSslCertificate> <QSslConfiguration> <QSslSocket> <QString>
    <QStringList> <QTcpServer> <QTcpSocket> <QTextStream> <QTimer> <QUrl>)
set(llmdoctor_pch_widgets
    <QApplication> <QCheckBox> <QComboBox> <QEvent> <QHBoxLayout> <QLabel> <QLineEdit> <QPainter>
    <QPlainTextEdit> <QPushButton> <QScrollArea> <QToolButton> <QTreeWidget> <QVBoxLayout> <QWidget>)
set(llmdoctor_pch_tests <gtest/gtest.h> <QSignalSpy> <QStandardPaths> <QTemporaryDir> <QTest>
    # Every test translation unit gets it with -include (tests/CMakeLists.txt); a precompiled header
    # must come first, so with PCH on it moves in here, after the headers it uses.
    "${PROJECT_SOURCE_DIR}/tests/support/categorycompare.h")

# llmdoctor_precompile(<target> <list variable>...): the target's own precompiled header.
function(llmdoctor_precompile target)
    if(NOT LLMDOCTOR_PCH)
        return()
    endif()
    set(headers)
    foreach(list IN LISTS ARGN)
        list(APPEND headers ${${list}})
    endforeach()
    target_precompile_headers(${target} PRIVATE ${headers})
endfunction()

# llmdoctor_precompile_reuse(<target> <from>): <from>'s precompiled header, for a target compiled
# with exactly the same flags (a mismatch makes gcc ignore it, with -Winvalid-pch; clang stops).
function(llmdoctor_precompile_reuse target from)
    if(LLMDOCTOR_PCH)
        target_precompile_headers(${target} REUSE_FROM ${from})
    endif()
endfunction()

# ccache caches compiles that use a precompiled header only with this sloppiness
# (https://ccache.dev/manual/latest.html#_precompiled_headers); set it for a ccache launcher.
if(LLMDOCTOR_PCH AND CMAKE_CXX_COMPILER_LAUNCHER MATCHES "ccache")
    list(FIND CMAKE_CXX_COMPILER_LAUNCHER "env" llmdoctor_launcher_env)
    if(llmdoctor_launcher_env EQUAL -1)
        set(CMAKE_CXX_COMPILER_LAUNCHER
            env "CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime"
            ${CMAKE_CXX_COMPILER_LAUNCHER})
    endif()
endif()
