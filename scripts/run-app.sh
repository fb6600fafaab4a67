#!/usr/bin/env bash
# Builds llmdoctor and opens the wizard. Arguments are passed on (e.g. --base-url URL).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
llmdoctor_install "${llmdoctor_build_packages[@]}"
llmdoctor_configure_build default
exec build/default/app/llmdoctor "$@"
