#!/usr/bin/env bash
# Packaging checks, one per ctest test (tests/CMakeLists.txt):
#   check.sh desktop_file|metainfo|manpage|completion|deb BUILD_DIR SOURCE_DIR LLMDOCTOR_BINARY
# Exit 0 passed, 1 failed, 77 skipped: a tool is missing. Under CI=true a missing tool fails.
set -euo pipefail
check=$1 build=$2 src=$3 binary=$4
app_id=io.github.llmdoctor.llmdoctor

fail() { echo "FAIL: $*" >&2; exit 1; }
need() { # need COMMAND DEBIAN_PACKAGE
    command -v "$1" >/dev/null && return 0
    [ "${CI:-}" = "true" ] && fail "$1 is not installed (Debian package $2), and CI must run this check"
    echo "SKIP: $1 is not installed (apt-get install $2)"
    exit 77
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
version=$("$binary" --version | awk '{print $2}')

case $check in
desktop_file)
    need desktop-file-validate desktop-file-utils
    out=$(desktop-file-validate "$src/packaging/$app_id.desktop" 2>&1) || fail "$out"
    [ -z "$out" ] || fail "desktop-file-validate has remarks: $out" # hints too: keep it clean
    echo "desktop-file-validate: no errors, warnings or hints"
    ;;
metainfo)
    need appstreamcli appstream
    metainfo=$build/packaging/$app_id.metainfo.xml
    appstreamcli validate --no-net --pedantic --explain "$metainfo" || fail "appstreamcli validate"
    grep -q "<release version=\"$version\"" "$metainfo" || fail "no release notes for version $version"
    for shot in $(grep -o 'docs/screenshots/[a-z]*\.png' "$metainfo"); do
        [ -f "$src/$shot" ] || fail "the metainfo shows $shot, which is not in the repository"
    done
    ;;
manpage)
    need man man-db
    page=$src/packaging/llmdoctor.1
    warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l "$page" 2>&1 >/dev/null) || true
    [ -z "$warnings" ] || fail "man page warnings: $warnings"
    grep -q "^\.TH LLMDOCTOR 1 .*\"llmdoctor $version\"" "$page" || fail "the man page is not for version $version"
    # Every command and option the help texts list is described.
    for command in diagnose explain retry monitor simulate exporter path; do
        for option in $("$binary" $command --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
            grep -qF -- "${option//-/\\-}" "$page" || fail "the man page does not describe $command $option"
        done
    done
    ;;
completion)
    need bash bash
    script=$src/packaging/llmdoctor.bash-completion
    complete_words() { # complete_words WORD... : what <Tab> offers after them
        bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _llmdoctor; echo "${COMPREPLY[*]}"' \
            _ "$script" "$@"
    }
    [ "$(complete_words llmdoctor di)" = "diagnose" ] || fail "subcommand"
    [ "$(complete_words llmdoctor diagnose --format '')" = "text json markdown html har" ] || fail "diagnose --format"
    [ "$(complete_words llmdoctor monitor --format '')" = "csv json openmetrics" ] || fail "monitor --format"
    [ "$(complete_words llmdoctor explain --format '')" = "text json" ] || fail "explain --format"
    providers=$(grep -o '"id": *"[a-z0-9_-]*"' "$src/resources/core/providers.json" | sed 's/.*"\([^"]*\)"$/\1/' | xargs)
    [ "$(complete_words llmdoctor diagnose --provider '')" = "$providers" ] ||
        fail "--provider offers '$(complete_words llmdoctor diagnose --provider '')', providers.json has '$providers'"
    faults=$("$binary" simulate --help | awk '/^Faults:/{on=1; next} on && /^  [a-z_]+ /{print $1} on && /^$/{on=0}' | xargs)
    [ "$(complete_words llmdoctor simulate --fault '')" = "$faults" ] ||
        fail "--fault offers '$(complete_words llmdoctor simulate --fault '')', simulate --help has '$faults'"
    # Every option of each command's help is offered.
    for command in diagnose explain retry monitor simulate exporter path; do
        offered=" $(complete_words llmdoctor $command --) "
        for option in $("$binary" $command --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
            [[ $offered == *" $option "* ]] || fail "$command: $option is not completed"
        done
    done
    echo "completion: subcommands, options, formats, $(wc -w <<<"$providers") providers, $(wc -w <<<"$faults") faults"
    ;;
deb)
    need dpkg-deb dpkg
    need dpkg-shlibdeps dpkg-dev
    need cpack cmake
    # cpack installs the build tree as it is: run after the build, as ctest is.
    cpack --config "$build/CPackConfig.cmake" -G DEB -B "$tmp/out" >"$tmp/cpack.log" 2>&1 ||
        { cat "$tmp/cpack.log"; fail "cpack -G DEB"; }
    deb=$(ls "$tmp"/out/*.deb)
    echo "package: $(basename "$deb"), $(du -k "$deb" | cut -f1) KiB"
    depends=$(dpkg-deb -f "$deb" Depends)
    echo "Depends: $depends"
    for lib in libc6 libqt6core6 libqt6network6 libqt6widgets6 libqt6charts6 libqt6svg6 libqt6keychain1; do
        [[ $depends == *"$lib "* || $depends == *"$lib," || $depends == *"$lib" ]] || fail "Depends lacks $lib"
    done
    [ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "package version is not $version"
    dpkg-deb -x "$deb" "$tmp/root"
    root=$tmp/root/usr
    for f in bin/llmdoctor share/applications/$app_id.desktop share/metainfo/$app_id.metainfo.xml \
             share/icons/hicolor/scalable/apps/$app_id.svg share/man/man1/llmdoctor.1.gz \
             share/bash-completion/completions/llmdoctor lib/systemd/system/llmdoctor-exporter.service \
             share/doc/llmdoctor/examples/prometheus/prometheus.yml; do
        [ -f "$root/$f" ] || fail "the package lacks /usr/$f"
    done
    for size in 16 22 24 32 48 64 128 256 512; do
        png=$root/share/icons/hicolor/${size}x${size}/apps/$app_id.png
        [ -f "$png" ] || fail "no ${size}px icon"
        # The PNG header's width and height: bytes 16-23, big-endian.
        [ "$(od -An -tu1 -j16 -N8 "$png" | xargs)" = "0 0 $((size / 256)) $((size % 256)) 0 0 $((size / 256)) $((size % 256))" ] ||
            fail "the ${size}px icon is not ${size}x${size}"
    done
    unexpected=$(cd "$tmp/root" && find . -type f | grep -v -E "^\./usr/(bin/llmdoctor|share/(applications|metainfo|icons|man|bash-completion)/|lib/systemd/system/llmdoctor-exporter\.service|share/doc/llmdoctor/examples/prometheus/)" || true)
    [ -z "$unexpected" ] || fail "files the package should not carry: $unexpected"
    if command -v readelf >/dev/null; then
        ! readelf -S "$root/bin/llmdoctor" | grep -q '\.debug_info' || fail "the packaged binary is not stripped"
    fi
    ! ldd "$root/bin/llmdoctor" | grep 'not found' || fail "the packaged binary misses libraries"
    # The packaged binary, run from the unpacked tree, links the system's Qt.
    out=$("$root/bin/llmdoctor" --version)
    [ "$out" = "llmdoctor $version" ] || fail "--version said: $out"
    rc=0
    out=$("$root/bin/llmdoctor" explain "502 Bad Gateway") || rc=$?
    [ $rc -eq 1 ] || fail "explain exited $rc (1 = a problem was explained): $out"
    grep -qi "gateway" <<<"$out" || fail "explain said: $out"
    echo "$out" | head -3
    ;;
*)
    fail "unknown check: $check"
    ;;
esac
echo "PASS: $check"
