#!/usr/bin/env bash
# Builds llmdoctor and runs the whole test suite against servers started on 127.0.0.1.
# Under CI (CI=true), or locally with LLMDOCTOR_HARDENING=1, it then also runs the whole suite
# again built with AddressSanitizer + UndefinedBehaviorSanitizer (preset "asan") and every
# libFuzzer harness for a bounded time (preset "fuzz", clang; FUZZ_SECONDS per harness).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
hardening=false
[ "${CI:-}" = "true" ] || [ "${LLMDOCTOR_HARDENING:-}" = "1" ] && hardening=true
packages=("${llmdoctor_build_packages[@]}" "${llmdoctor_test_packages[@]}")
$hardening && packages+=("${llmdoctor_hardening_packages[@]}")
llmdoctor_install "${packages[@]}"
preset=default
[ "${CI:-}" = "true" ] && preset=ci
# UI tests use the offscreen platform; nothing here needs a display.
export QT_QPA_PLATFORM=offscreen

step() { echo "== $1 ($(date +%T))"; }
step "build and test: $preset"
llmdoctor_configure_build "$preset"
ctest --preset "$preset" --parallel "$(nproc)"
$hardening || exit 0

# The asan test preset sets ASAN_OPTIONS, UBSAN_OPTIONS and LSAN_OPTIONS (tests/lsan.supp).
step "build and test: asan (AddressSanitizer + UndefinedBehaviorSanitizer)"
llmdoctor_configure_build asan
ctest --preset asan --parallel "$(nproc)"

step "fuzzers: build (clang) and run ${FUZZ_SECONDS:-15} s each"
llmdoctor_configure_build fuzz
bash tests/fuzz/run-fuzzers.sh build/fuzz
step "done"
