# Sourced by run-app.sh and run-tests.sh: installs what is missing from Debian's packages.
# apt-get update runs once, and only when something is missing.

llmdoctor_build_packages=(build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-charts-dev qt6-svg-dev libqt6opengl6-dev qt6-tools-dev qtkeychain-qt6-dev
    libgl-dev qt6-l10n-tools dpkg-dev)
# Real servers the integration tests start on 127.0.0.1, plus the display for UI tests.
llmdoctor_test_packages=(libgtest-dev libgmock-dev libbenchmark-dev xvfb xauth
    nginx-light haproxy squid openssl curl)
# The packaging tests: the .deb's desktop entry, AppStream metainfo and man page checked with their tools.
llmdoctor_test_packages+=(desktop-file-utils appstream man-db)
# The exporter's tests: a real Prometheus scrapes it, promtool lints every answer and the examples.
llmdoctor_test_packages+=(prometheus)
# Corpus tools: the second reading's model is checked against what its training script gives.
llmdoctor_test_packages+=(python3)
# The multi-hop network tests: namespaces, veth pairs and routes (iproute2), loss and a firewall (nftables).
llmdoctor_test_packages+=(iproute2 nftables)
# The Windows path tracer is compiled (not run) with MinGW-w64 against the Windows SDK headers.
llmdoctor_test_packages+=(g++-mingw-w64-x86-64-posix)
# The sanitizer and fuzzing runs of CI: clang with libFuzzer and the sanitizer runtimes.
llmdoctor_hardening_packages=(clang-14 libclang-rt-14-dev)

llmdoctor_install() {
    local missing=()
    local pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "error: need root or sudo to install: ${missing[*]}" >&2; return 1; }
        sudo=(sudo)
    fi
    echo "Installing: ${missing[*]}"
    "${sudo[@]}" apt-get update -q
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

llmdoctor_configure_build() {
    local preset=$1
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset" --parallel "$(nproc)"
}
