#!/usr/bin/python3
"""Joins parse_bench's JSON (Google Benchmark) and extruct_peer's JSON into one table.

usage: compare.py BENCH.json EXTRUCT.json
Per page: bare gumbo ms, Caiji extract ms, overhead of extraction over the bare parse,
extruct ms, and how many times faster Caiji is. Then the medians the goals are stated on.
"""
import json
import statistics
import sys


def main() -> int:
    bench = json.load(open(sys.argv[1]))
    peer = json.load(open(sys.argv[2]))
    gumbo, caiji = {}, {}
    for b in bench["benchmarks"]:
        if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "median":
            continue
        name = b.get("run_name", b["name"])
        kind, _, page = name.partition("/")
        ms = b["real_time"] if b.get("time_unit") == "ms" else b["real_time"] / 1e6
        (gumbo if kind == "gumbo" else caiji)[page] = ms
    rows, overheads, speedups = [], [], []
    for page in sorted(caiji):
        g, c, e = gumbo.get(page), caiji[page], peer.get(page)
        overhead = (c / g - 1) * 100 if g else float("nan")
        speedup = e / c if e else float("nan")
        overheads.append(overhead)
        if e:
            speedups.append(speedup)
        rows.append(f"| {page} | {g:.2f} | {c:.2f} | {overhead:+.0f} % | {e:.2f} | {speedup:.1f}x |" if e else
                    f"| {page} | {g:.2f} | {c:.2f} | {overhead:+.0f} % | - | - |")
    print("| page | gumbo parse ms | Caiji parse+extract ms | extraction overhead | extruct ms | Caiji vs extruct |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    print("\n".join(rows))
    print()
    print(f"median extraction overhead over gumbo's bare parse: {statistics.median(overheads):+.1f} %")
    if speedups:
        print(f"median page: Caiji is {statistics.median(speedups):.2f}x as fast as extruct")
    return 0


if __name__ == "__main__":
    sys.exit(main())
