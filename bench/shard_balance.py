#!/usr/bin/env python3
"""Simulates how Citus would spread Grassroots' largest tables over worker nodes when they are
distributed by district code (docs/scaling.md): 32 hash shards placed round-robin, the same
shards moved by Citus's rebalancer by size, and the districts isolated and placed by hand.

Offline, standard library only:

    python3 bench/shard_balance.py                      # the bench data set (bench/generate.sql)
    python3 bench/shard_balance.py --weights population # districts weighted by population
    python3 bench/shard_balance.py --markdown           # the tables in docs/benchmarks.md

The load of a worker is the rows it holds of the distributed tables; max/mean is the largest
worker's load over the average (1.00 is perfect balance).
"""

import argparse
import csv
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DIVISIONS = os.path.join(ROOT, "src/main/resources/db/migration/common/V2__chongqing_divisions.sql")

# rows per district at bench scale 1 (bench/generate.sql spreads every table evenly over the
# communities, and every district has the same number of streets and communities)
BENCH_ROWS_SCALE_1 = {
    "problem": 10_000_000,
    "problem_party": 28_200_000,  # location and handling always, responsible in 82 % (assigned onwards)
    "check_in": 20_000_000,
    "account": 2_000_000,
    "learning_member": 2_000_000,
}

INT32_MIN = -(2 ** 31)
HASH_TOKEN_COUNT = 2 ** 32


def rot(x, k):
    return ((x << k) | (x >> (32 - k))) & 0xFFFFFFFF


def pg_hash_bytes(data):
    """PostgreSQL's hash_bytes (src/common/hashfn.c, Bob Jenkins' lookup3), as hashtext() uses it
    for text and varchar; Citus hashes a varchar distribution column with it."""
    m = 0xFFFFFFFF
    length = len(data)
    a = b = c = (0x9E3779B9 + length + 3923095) & m
    k = 0

    def word(i):
        return data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24)

    def mix(a, b, c):
        a = (a - c) & m; a ^= rot(c, 4); c = (c + b) & m
        b = (b - a) & m; b ^= rot(a, 6); a = (a + c) & m
        c = (c - b) & m; c ^= rot(b, 8); b = (b + a) & m
        a = (a - c) & m; a ^= rot(c, 16); c = (c + b) & m
        b = (b - a) & m; b ^= rot(a, 19); a = (a + c) & m
        c = (c - b) & m; c ^= rot(b, 4); b = (b + a) & m
        return a, b, c

    while length >= 12:
        a = (a + word(k)) & m
        b = (b + word(k + 4)) & m
        c = (c + word(k + 8)) & m
        a, b, c = mix(a, b, c)
        k += 12
        length -= 12
    # the last 11 bytes; the lowest byte of c is left for the length
    tail = data[k:]
    for i, byte in enumerate(tail):
        if i < 4:
            a = (a + (byte << (8 * i))) & m
        elif i < 8:
            b = (b + (byte << (8 * (i - 4)))) & m
        else:
            c = (c + (byte << (8 * (i - 7)))) & m
    c ^= b; c = (c - rot(b, 14)) & m
    a ^= c; a = (a - rot(c, 11)) & m
    b ^= a; b = (b - rot(a, 25)) & m
    c ^= b; c = (c - rot(b, 16)) & m
    a ^= c; a = (a - rot(c, 4)) & m
    b ^= a; b = (b - rot(a, 14)) & m
    c ^= b; c = (c - rot(b, 24)) & m
    return c - 2 ** 32 if c >= 2 ** 31 else c


# select hashtext(...) on PostgreSQL 15, so that a slip in the port above cannot go unnoticed
KNOWN = {"500108": 915195805, "500101": 1235190108, "abcdefghijklmnopq": 1648114242, "": -1477818771}


def shard_of(code, shards):
    """The shard whose hash range holds the code: Citus splits the int32 range into equal parts."""
    increment = HASH_TOKEN_COUNT // shards
    return min((pg_hash_bytes(code.encode()) - INT32_MIN) // increment, shards - 1)


def districts():
    codes = re.findall(r"\('(5\d{5})', '[^']*', '([^']*(?:''[^']*)*)'\)", open(DIVISIONS, encoding="utf-8").read())
    found = [(code, name.replace("''", "'")) for code, name in codes if code != "500000"]
    if len(found) != 38:
        sys.exit(f"expected 38 districts in {DIVISIONS}, found {len(found)}")
    return found


def weights(kind, codes):
    if kind == "bench":
        rows = sum(BENCH_ROWS_SCALE_1.values()) / len(codes)
        return {code: rows for code in codes}
    table = {}
    with open(os.path.join(HERE, "district-population.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(line for line in f if not line.startswith("#")):
            table[row["code"]] = float(row["population_thousands"])
    missing = set(codes) - set(table)
    if missing:
        sys.exit(f"no population for {sorted(missing)}")
    total_rows = sum(BENCH_ROWS_SCALE_1.values())
    people = sum(table[c] for c in codes)
    return {code: total_rows * table[code] / people for code in codes}


def lpt(items, workers):
    """Largest first onto the least loaded worker: what a size-based rebalancer approaches."""
    loads = [0.0] * workers
    for size in sorted(items, reverse=True):
        loads[loads.index(min(loads))] += size
    return loads


def ratio(loads):
    mean = sum(loads) / len(loads)
    return max(loads) / mean


def simulate(weight, shards, workers):
    per_shard = [0.0] * shards
    districts_in = [0] * shards
    for code, rows in weight.items():
        s = shard_of(code, shards)
        per_shard[s] += rows
        districts_in[s] += 1
    round_robin = [0.0] * workers
    for s, rows in enumerate(per_shard):
        round_robin[s % workers] += rows
    return {
        "hash": ratio(round_robin),
        "rebalanced": ratio(lpt(per_shard, workers)),
        "by_hand": ratio(lpt(list(weight.values()), workers)),
        "empty_shards": districts_in.count(0),
        "most_in_a_shard": max(districts_in),
        "bound": lower_bound(list(weight.values()), workers),
    }


def lower_bound(items, workers):
    """No placement of whole districts does better: the mean, and for every k the k + 1 smallest
    of the k * workers + 1 largest districts, some k + 1 of which must share a worker."""
    items = sorted(items, reverse=True)
    mean = sum(items) / workers
    best = max(mean, items[0])
    k = 1
    while k * workers + 1 <= len(items):
        best = max(best, sum(items[k * workers + 1 - (k + 1):k * workers + 1]))
        k += 1
    return best / mean


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--weights", choices=["bench", "population"], default="bench")
    parser.add_argument("--shards", type=int, default=32)
    parser.add_argument("--workers", default="4,8,16")
    parser.add_argument("--key", choices=["district", "street"], default="district",
                        help="street: the bench's 26 street codes per district (500108S001 …) as the key")
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()

    for text, expected in KNOWN.items():
        if pg_hash_bytes(text.encode()) != expected:
            sys.exit(f"hash port broken: hashtext('{text}') should be {expected}")
    found = districts()
    weight = weights(args.weights, [code for code, _ in found])
    if args.key == "street":
        # bench/generate.sql names streets district || 'S' || lpad(i, 3, '0') and fills them evenly
        weight = {f"{code}S{i:03d}": rows / 26 for code, rows in weight.items() for i in range(1, 27)}
    workers = [int(w) for w in args.workers.split(",")]
    results = [(w, simulate(weight, args.shards, w)) for w in workers]

    title = f"{args.weights} weights, {len(weight)} keys ({args.key}), {args.shards} shards"
    if args.markdown:
        print(f"| Workers | hash, shards round-robin | hash, shards rebalanced by size | each key its own shard, placed by hand | best possible |")
        print("|---|---|---|---|---|")
        for w, r in results:
            print(f"| {w} | {r['hash']:.2f} | {r['rebalanced']:.2f} | {r['by_hand']:.2f} | {r['bound']:.2f} |")
        r = results[0][1]
        print(f"\n{title}: {r['empty_shards']} shards empty, up to {r['most_in_a_shard']} keys in one shard.")
        return
    print(title)
    print(f"  {r_empty(results)}")
    print(f"  {'workers':>7}  {'hash':>6}  {'rebal.':>6}  {'by hand':>7}  {'bound':>6}   (max/mean load per worker)")
    for w, r in results:
        print(f"  {w:>7}  {r['hash']:>6.2f}  {r['rebalanced']:>6.2f}  {r['by_hand']:>7.2f}  {r['bound']:>6.2f}")
    largest = sorted(weight.items(), key=lambda kv: -kv[1])[:3]
    names = dict(found)
    print("  largest: " + ", ".join(f"{names.get(c, c)} {v / sum(weight.values()):.1%}" for c, v in largest))


def r_empty(results):
    r = results[0][1]
    return f"{r['empty_shards']} shards empty, up to {r['most_in_a_shard']} keys in one shard"


if __name__ == "__main__":
    main()
