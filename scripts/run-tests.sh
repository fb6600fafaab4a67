#!/usr/bin/env bash
# Builds llmdoctor and runs the whole test suite against servers started on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
llmdoctor_install "${llmdoctor_build_packages[@]}" "${llmdoctor_test_packages[@]}"
preset=default
[ "${CI:-}" = "true" ] && preset=ci
llmdoctor_configure_build "$preset"
# UI tests use the offscreen platform; nothing here needs a display.
export QT_QPA_PLATFORM=offscreen
ctest --preset "$preset" --parallel "$(nproc)"
