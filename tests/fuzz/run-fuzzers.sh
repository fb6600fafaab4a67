#!/usr/bin/env bash
# Runs every libFuzzer harness of the "fuzz" preset: first each kept regression input once (a
# crash found earlier must stay fixed), then a bounded fuzzing run seeded from tests/data and
# tests/fuzz/corpus. Usage: run-fuzzers.sh [BUILD_DIR] ; FUZZ_SECONDS (default 15) per harness.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build/fuzz}
seconds=${FUZZ_SECONDS:-15}
work="$build/fuzz-work"
mkdir -p "$work"
export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0"

# Seed directories beyond tests/fuzz/corpus/<name>: the test data each parser reads in the suite.
extra_seeds() {
    case $1 in
        statuspage) echo "$root/tests/data/statuspage" ;;
    esac
}

failed=()
for bin in "$build"/tests/fuzz/fuzz_*; do
    [ -f "$bin" ] && [ -x "$bin" ] || continue # not the _autogen folders
    name=${bin##*/fuzz_}
    regressions="$here/regressions/$name"
    if compgen -G "$regressions/*" >/dev/null; then
        echo "== fuzz_$name: regression inputs"
        if ! "$bin" "$regressions"/* >"$work/$name-regressions.log" 2>&1; then
            tail -40 "$work/$name-regressions.log"
            failed+=("$name (regression)")
            continue
        fi
    fi
    # A fresh writable corpus each run, so CI results do not depend on earlier runs.
    rm -rf "$work/$name" && mkdir -p "$work/$name" "$work/artifacts"
    seeds=()
    [ -d "$here/corpus/$name" ] && seeds+=("$here/corpus/$name")
    [ -d "$regressions" ] && seeds+=("$regressions")
    extra=$(extra_seeds "$name")
    [ -n "$extra" ] && seeds+=("$extra")
    echo "== fuzz_$name: ${seconds}s from ${#seeds[@]} seed folders"
    # -timeout: one input taking 10 s is a hang; -rss_limit_mb: memory growth is a bug too.
    if ! "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
        -artifact_prefix="$work/artifacts/$name-" "$work/$name" "${seeds[@]}" >"$work/$name.log" 2>&1; then
        tail -60 "$work/$name.log"
        echo "fuzz_$name failed; the input is in $work/artifacts/ (keep it in $regressions/ once fixed)"
        failed+=("$name")
    else
        grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$work/$name.log" | tr '\n' ' '
        echo
    fi
done
if [ ${#failed[@]} -ne 0 ]; then
    echo "fuzzers failed: ${failed[*]}" >&2
    exit 1
fi
