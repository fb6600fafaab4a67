#!/usr/bin/env python3
"""How often two labellers agree, and how the classifier scores against each.

Usage: scripts/label-agreement.py [--binary PATH]

tests/data/real_error_corpus_second_labels_v4v5.json holds a second, independent labelling of the blind
sets v4 and v5 (same rule, tests/data/LABELLING.md, made without seeing the first labels). Agreement
between two careful people is the ceiling any classifier can be measured to. Prints aggregates only,
per quarter, so the held-out texts stay unread.
"""
import argparse
import json
import os
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "tests", "data")


def held_out(entry_id):
    # The same FNV-1a split as tests/core/test_realerrorcorpus.cpp and scripts/score-corpus.py.
    h = 2166136261
    for c in entry_id.encode():
        h ^= c
        h = (h * 16777619) & 0xFFFFFFFF
    return h % 4 == 0


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
    for name in ("real_error_corpus_blind_v4.json", "real_error_corpus_blind_v5.json"):
        with open(os.path.join(DATA, name), encoding="utf-8") as f:
            first.update({e["id"]: e for e in json.load(f)})
    with open(os.path.join(DATA, "real_error_corpus_second_labels_v4v5.json"), encoding="utf-8") as f:
        second = {e["id"]: e for e in json.load(f)}
    product = {}
    for i, e in first.items():
        out = subprocess.run([args.binary, "explain", e["text"], "--format", "json"], capture_output=True, text=True)
        d = json.loads(out.stdout)
        product[i] = {"category": d["verdict"]["category"], "blame": d["verdict"]["blame"], "hops": d["hops"]}
    ids = sorted(first)
    for name, sub in (("all", ids), ("tuning", [i for i in ids if not held_out(i)]),
                      ("held-out", [i for i in ids if held_out(i)])):
        agreed = [i for i in sub if compare(first, second, [i]).startswith("n=1: full 100")]
        print(name)
        print("  labeller 1 vs labeller 2:   ", compare(first, second, sub))
        print("  classifier vs labeller 1:   ", compare(product, first, sub))
        print("  classifier vs labeller 2:   ", compare(product, second, sub))
        print("  classifier where both agree:", compare(product, first, agreed))


if __name__ == "__main__":
    main()
