#!/usr/bin/env python3
"""How often two labellers agree, and how the classifier scores against each.

Usage: scripts/label-agreement.py [--binary PATH]

tests/data/real_error_corpus_second_labels_*.json hold a second, independent labelling of blind sets (the
file's name says which: _v4v5 is v4 and v5), made by the same rule, tests/data/LABELLING.md, without seeing the
first labels. Agreement between two careful people is the ceiling any classifier can be measured to. Prints
aggregates only, per quarter, so the held-out texts stay unread; progress goes to stderr.
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

from corpussplit import held_out  # the split the C++ tests use

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "tests", "data")


def compare(a, b, ids):
    full = cat = blame = 0
    for i in ids:
        x, y = a[i], b[i]
        c = x["category"] == y["category"]
        bl = x["blame"] == y["blame"]
        cat += c
        blame += bl
        full += c and bl and set(x["hops"]) == set(y["hops"])
    n = max(len(ids), 1)
    return f"n={len(ids)}: full {100 * full / n:.1f} %, category {100 * cat / n:.1f} %, blame {100 * blame / n:.1f} %"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--binary", default=os.path.join(ROOT, "build", "default", "app", "llmdoctor"))
    args = ap.parse_args()
    first = {}
    second = {}
    # Every second labelling names the sets it covers: real_error_corpus_second_labels_v4v5.json is v4 and v5.
    for path in sorted(glob.glob(os.path.join(DATA, "real_error_corpus_second_labels_*.json"))):
        for v in re.findall(r"v\d+", os.path.basename(path).rsplit("_", 1)[1]):
            with open(os.path.join(DATA, f"real_error_corpus_blind_{v}.json"), encoding="utf-8") as f:
                first.update({e["id"]: e for e in json.load(f)})
        with open(path, encoding="utf-8") as f:
            second.update({e["id"]: e for e in json.load(f)})
    wanted = [i for i in first if i in second]

    def explain(i):
        out = subprocess.run([args.binary, "explain", "--format", "json", "--", first[i]["text"]],
                             capture_output=True, text=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
        d = json.loads(out.stdout)
        return i, {"category": d["verdict"]["category"], "blame": d["verdict"]["blame"], "hops": d["hops"]}

    product = {}
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for n, (i, r) in enumerate(pool.map(explain, wanted), 1):
            product[i] = r
            if n % 200 == 0 or n == len(wanted):
                print(f"  explained {n}/{len(wanted)}", file=sys.stderr, flush=True)
    ids = sorted(i for i in first if i in second)
    for name, sub in (("all", ids), ("tuning", [i for i in ids if not held_out(i)]),
                      ("held-out", [i for i in ids if held_out(i)])):
        agreed = [i for i in sub if compare(first, second, [i]).startswith("n=1: full 100")]
        print(name)
        print("  labeller 1 vs labeller 2:   ", compare(first, second, sub))
        print("  classifier vs labeller 1:   ", compare(product, first, sub))
        print("  classifier vs labeller 2:   ", compare(product, second, sub))
        print("  classifier where both agree:", compare(product, first, agreed))
        # Where two careful people read a text differently, either reading is one the rule allows.
        either = {i: (second[i] if compare(product, second, [i]).startswith("n=1: full 100") else first[i])
                  for i in sub}
        print("  classifier vs either:       ", compare(product, either, sub))


if __name__ == "__main__":
    main()
