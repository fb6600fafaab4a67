#!/usr/bin/env bash
# The path tracer's Windows branch (IcmpSendEcho2 from iphlpapi) cannot run here, but it can be compiled:
# MinGW-w64's compiler checks it against the real Windows SDK headers, with Qt's own headers (Qt's headers
# are the same on every platform; its platform macros follow the compiler's _WIN32). A type error, a wrong
# argument count or a missing include in that branch fails here instead of on a user's machine.
# Usage: path-tracer-other-platforms.sh SOURCE_DIR QT_INCLUDE_DIR. Exit 77 = skipped (no MinGW; never under CI=true).
set -euo pipefail
src=$1
qt=$2
cxx=$(command -v x86_64-w64-mingw32-g++-posix || command -v x86_64-w64-mingw32-g++ || true)
if [[ -z $cxx ]]; then
    if [[ ${CI:-} == true ]]; then
        echo "FAIL: x86_64-w64-mingw32-g++ is missing (scripts/deps.sh installs g++-mingw-w64-x86-64-posix)"
        exit 1
    fi
    echo "SKIP: no MinGW-w64 compiler (apt-get install g++-mingw-w64-x86-64-posix)"
    exit 77
fi
out=$("$cxx" -std=c++20 -fsyntax-only -Wall -Wextra -Wno-attributes -DQT_NO_CAST_FROM_ASCII \
    -I"$qt" -I"$qt/QtCore" -I"$qt/QtNetwork" -I"$src/core" "$src/core/path/pathtracer.cpp" 2>&1) || {
    echo "$out"
    echo "FAIL: the Windows path tracer does not compile"
    exit 1
}
# -fsyntax-only would also pass if the Windows branch were never selected: prove that it was.
pre=$("$cxx" -std=c++20 -E -DQT_NO_CAST_FROM_ASCII -I"$qt" -I"$qt/QtCore" -I"$qt/QtNetwork" -I"$src/core" \
    "$src/core/path/pathtracer.cpp" 2>/dev/null)
if ! grep -q 'IcmpSendEcho2(m_handle' <<<"$pre"; then
    echo "FAIL: the preprocessor did not select the Windows branch"
    exit 1
fi
[[ -n $out ]] && echo "$out"
# The third branch (macOS and the BSDs: an unprivileged ICMP datagram socket) has no SDK here; it uses
# POSIX sockets only, so compile it against this system's POSIX headers with the other branches off.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed 's/defined(Q_OS_LINUX)/0/; s/defined(Q_OS_WIN)/0/' "$src/core/path/pathtracer.cpp" >"$tmp/pathtracer_posix.cpp"
if ! c++ -std=c++20 -fsyntax-only -Wall -Wextra -Werror -DQT_NO_CAST_FROM_ASCII -I"$qt" -I"$qt/QtCore" \
    -I"$qt/QtNetwork" -I"$src/core/path" -I"$src/core" "$tmp/pathtracer_posix.cpp"; then
    echo "FAIL: the POSIX (macOS/BSD) path tracer does not compile"
    exit 1
fi
echo "the POSIX (macOS/BSD) branch compiles against this system's headers"
echo "the Windows path tracer compiles with $("$cxx" -dumpversion) against the MinGW-w64 Windows headers"
