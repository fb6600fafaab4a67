#!/usr/bin/env python3
"""Score `llmdoctor explain` against a corpus of real error texts.

Usage: scripts/score-corpus.py CORPUS.json [--binary PATH] [--split] [--show-held-out] [--quiet]

Each entry of CORPUS.json has "id", "text", "category", "blame" and "hops". An entry is fully right
when the category, the blame and the set of hops on the path (the user's own client excluded, as
`explain` reports them) all match. Prints full/category/blame/hops percentages, the unknown rate
among texts with a known cause, and the misses.

--split scores the tuning and held-out quarters separately (the same FNV-1a split of the id as
tests/core/test_realerrorcorpus.cpp). Held-out misses are hidden unless --show-held-out is given:
reading them while writing rules would tune on them.
"""
import argparse
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

from corpussplit import held_out  # the split the C++ tests use

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_BINARY = os.path.join(HERE, "..", "build", "default", "app", "llmdoctor")


def explain(binary, text):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([binary, "explain", "--format", "json", "--", text],
                          capture_output=True, text=True, env=env, timeout=60)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"exit {proc.returncode}: {proc.stderr.strip()}")
    return json.loads(proc.stdout)


def score(entries, results):
    n = len(entries)
    full = cat = blame = hops = 0
    known = unknown = 0
    misses = []
    for e, r in zip(entries, results):
        sig = r["signature"]
        got_cat = sig["category"]
        got_blame = r["verdict"]["blame"]
        got_hops = sorted(set(r.get("hops", [])))
        want_hops = sorted(set(e["hops"]))
        ok_cat = got_cat == e["category"]
        ok_blame = got_blame == e["blame"]
        ok_hops = got_hops == want_hops
        cat += ok_cat
        blame += ok_blame
        hops += ok_hops
        if e["category"] != "unknown":
            known += 1
            unknown += got_cat == "unknown"
        if ok_cat and ok_blame and ok_hops:
            full += 1
        else:
            misses.append((e, got_cat, got_blame, got_hops, sig.get("matched", [])))
    pct = lambda k, d: 100.0 * k / d if d else 0.0
    return {
        "n": n, "full": full, "full_pct": pct(full, n), "category_pct": pct(cat, n),
        "blame_pct": pct(blame, n), "hops_pct": pct(hops, n), "unknown": unknown, "known": known,
        "unknown_pct": pct(unknown, known), "misses": misses,
    }


def report(name, s, show_misses):
    print(f"{name}: {s['full']}/{s['n']} full ({s['full_pct']:.1f} %), category {s['category_pct']:.1f} %, "
          f"blame {s['blame_pct']:.1f} %, hops {s['hops_pct']:.1f} %, unknown {s['unknown']}/{s['known']} "
          f"({s['unknown_pct']:.1f} %) among texts with a known cause")
    if not show_misses:
        return
    for e, got_cat, got_blame, got_hops, matched in s["misses"]:
        print(f"  miss {e['id']}: expected {e['category']}/{e['blame']} [{','.join(sorted(e['hops']))}], "
              f"got {got_cat}/{got_blame} [{','.join(got_hops)}] matched {','.join(matched)}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("--binary", default=DEFAULT_BINARY)
    ap.add_argument("--split", action="store_true", help="score tuning and held-out quarters apart")
    ap.add_argument("--show-held-out", action="store_true", help="print held-out misses too")
    ap.add_argument("--quiet", action="store_true", help="figures only, no misses")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()

    with open(args.corpus, encoding="utf-8") as f:
        entries = json.load(f)
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(lambda e: explain(args.binary, e["text"]), entries))

    if args.split:
        tuning = [(e, r) for e, r in zip(entries, results) if not held_out(e["id"])]
        held = [(e, r) for e, r in zip(entries, results) if held_out(e["id"])]
        report("tuning", score(*zip(*tuning)), not args.quiet)
        report("held-out", score(*zip(*held)), args.show_held_out and not args.quiet)
    report("all", score(entries, results), not args.quiet and not args.split)
    return 0


if __name__ == "__main__":
    sys.exit(main())
