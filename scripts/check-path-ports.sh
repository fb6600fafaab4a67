#!/usr/bin/env bash
# Compile-only check of the path tracer's other systems (core/path/pathtracer.cpp), which no test
# here runs: the Windows branch (IP Helper ICMP) with MinGW-w64 against this machine's Qt headers,
# and the macOS/BSD branch (ICMP datagram socket) against glibc's BSD-compatible headers, not Apple's
# SDK. Syntax and types only: nothing is linked against Qt for Windows, nothing runs.
# Needs g++-mingw-w64-x86-64-posix (not in deps.sh: a large download for one file); exits 77 without it.
set -euo pipefail
cd "$(dirname "$0")/.."
mingw=$(command -v x86_64-w64-mingw32-g++-posix || command -v x86_64-w64-mingw32-g++ || true)
if [ -z "$mingw" ]; then
    echo "skipped: MinGW-w64 is not installed (apt-get install g++-mingw-w64-x86-64-posix)" >&2
    exit 77
fi
qt=$(pkg-config --variable=includedir Qt6Core 2>/dev/null || echo /usr/include/x86_64-linux-gnu/qt6)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Windows: the whole file, Q_OS_WIN set by the compiler's _WIN32. -Wno-attributes: Qt's Linux headers
# carry no dllimport consistency.
"$mingw" -std=c++20 -fsyntax-only -Wall -Wextra -Werror -Wno-attributes \
    -I"$qt" -I"$qt/QtCore" -I"$qt/QtNetwork" -Icore core/path/pathtracer.cpp
echo "windows: core/path/pathtracer.cpp compiles"

# macOS/BSD: the ProbeSocket of the last #else branch, with its includes and the Reply it uses.
awk 'f && /^#endif/ {exit} f {print} /^#elif defined\(Q_OS_WIN\)/ {w++} w == 2 && /^#else/ {f=1}' \
    core/path/pathtracer.cpp >"$tmp/bsd.inc"
grep -q "class ProbeSocket final" "$tmp/bsd.inc" || { echo "the BSD branch was not found" >&2; exit 1; }
cat >"$tmp/bsd.cpp" <<'CPP'
#include <QHostAddress>
#include <QString>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <netinet/ip_icmp.h>
#include <optional>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
using namespace Qt::StringLiterals;
struct Reply
{
    int id = -1;
    QHostAddress from;
    bool reached = false;
    bool final = false;
};
#include "bsd.inc"
int main()
{
    ProbeSocket s;
    QString error;
    if (s.open(QHostAddress(u"192.0.2.1"_s), false, &error) && s.send(1, 1, &error))
        (void)s.receive(0);
}
CPP
c++ -std=c++20 -fPIC -fsyntax-only -Wall -Wextra -Werror -I"$qt" -I"$qt/QtCore" -I"$qt/QtNetwork" "$tmp/bsd.cpp"
echo "macos/bsd: the ProbeSocket branch compiles (glibc's headers)"
