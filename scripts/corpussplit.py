"""The corpus split every script shares with tests/core/test_realerrorcorpus.cpp.

A quarter of each error corpus is held out by a stable hash of the entry id (FNV-1a; the split must
not change between runs or Python versions), and no rule or model is ever tuned on it.
"""


def held_out(entry_id):
    h = 2166136261
    for byte in entry_id.encode("utf-8"):
        h ^= byte
        h = (h * 16777619) & 0xFFFFFFFF
    return h % 4 == 0
