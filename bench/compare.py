#!/usr/bin/python3
"""Joins the bench outputs into the tables of docs/benchmarks.md.

usage: compare.py BENCH.json EXTRUCT.json [--callgrind CALLGRIND.json] [--wasm WASM.json] [--time real|cpu]
  BENCH.json      parse_bench's Google Benchmark JSON (gumbo/, extract/ and json/ rows)
  EXTRUCT.json    extruct_peer.py's output
  CALLGRIND.json  callgrind_ratios.py's instruction counts (extraction overhead by instructions)
  WASM.json       wasm_bench.mjs's output (WASM in node against native extract_json)
  --time          which clock to compare (default cpu: the process's own CPU time, which moves
                  less than wall time when other builds load the machine)
Per page: bare gumbo ms, Caiji extract ms, extraction overhead over the bare parse, extruct ms
and how many times faster Caiji is; then the medians the goals are stated on.
"""
import argparse
import json
import statistics
import sys


def ms(b: dict, key: str) -> float:
    unit = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}[b.get("time_unit", "ns")]
    return b[key] * unit


def peer_ms(v, clock: str) -> float:
    return v if isinstance(v, (int, float)) else v[f"{clock}_ms"]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("bench")
    ap.add_argument("extruct")
    ap.add_argument("--callgrind")
    ap.add_argument("--wasm")
    ap.add_argument("--time", choices=["real", "cpu"], default="cpu")
    a = ap.parse_args()
    key = "cpu_time" if a.time == "cpu" else "real_time"
    bench = json.load(open(a.bench))
    peer = json.load(open(a.extruct))
    ir = json.load(open(a.callgrind)) if a.callgrind else {}
    wasm = json.load(open(a.wasm)) if a.wasm else {}
    rows = {"gumbo": {}, "extract": {}, "json": {}}
    tree = {}
    for b in bench["benchmarks"]:
        if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "median":
            continue
        kind, _, page = b.get("run_name", b["name"]).partition("/")
        rows.setdefault(kind, {})[page] = ms(b, key)
        if kind == "extract" and "tree" in b:
            tree[page] = bool(b["tree"])
    gumbo, caiji, native_json = rows["gumbo"], rows["extract"], rows["json"]

    print(f"Times are the median {a.time} time per page in ms.\n")
    print("| page | KiB | tree | gumbo | Caiji | overhead (time) | overhead (instr.) | extruct | vs extruct |")
    print("| --- | ---: | :---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for page in sorted(caiji):
        g, c = gumbo.get(page), caiji[page]
        e = peer_ms(peer[page], a.time) if page in peer else None
        ov = (c / g - 1) * 100 if g else None
        iov = (ir[page]["extract_ir"] / ir[page]["gumbo_ir"] - 1) * 100 if page in ir else None
        sp = e / c if e else None
        size = next((b["bytes_per_second"] * ms(b, key) / 1000 / 1024 for b in bench["benchmarks"]
                     if b.get("run_name", b["name"]) == f"gumbo/{page}" and b.get("run_type") != "aggregate"), 0)
        print(f"| {page} | {size:.0f} | {'yes' if tree.get(page) else 'no'} | {g:.3f} | {c:.3f} | "
              + (f"{ov:+.0f} %" if ov is not None else "-") + " | "
              + (f"{iov:+.0f} %" if iov is not None else "-") + " | "
              + (f"{e:.3f}" if e else "-") + " | " + (f"{sp:.1f}x" if sp else "-") + " |")
    print()
    groups = {"all pages": sorted(caiji)}
    for prefix in sorted({p.split("/")[0] for p in caiji}):
        groups[f"{prefix} pages"] = [p for p in sorted(caiji) if p.startswith(prefix + "/")]
    for label, pages in groups.items():
        over = [(caiji[p] / gumbo[p] - 1) * 100 for p in pages if gumbo.get(p)]
        over_ir = [(ir[p]["extract_ir"] / ir[p]["gumbo_ir"] - 1) * 100 for p in pages if p in ir]
        over_ir_tree = [(ir[p]["extract_ir"] / ir[p]["gumbo_ir"] - 1) * 100 for p in pages if p in ir and tree.get(p)]
        speed = [peer_ms(peer[p], a.time) / caiji[p] for p in pages if p in peer]
        print(f"**{label}** ({len(pages)}, {sum(1 for p in pages if tree.get(p))} built gumbo's tree):")
        print(f"- median extraction overhead over gumbo's bare parse: {statistics.median(over):+.1f} % by {a.time} time"
              + (f", {statistics.median(over_ir):+.1f} % by instructions" if over_ir else ""))
        if over_ir_tree:
            print(f"- the same on the pages that built the tree: {statistics.median(over_ir_tree):+.1f} % by instructions")
        if speed:
            print(f"- median page: Caiji {statistics.median(speed):.2f}x as fast as extruct by {a.time} time")
        if wasm:
            ratios = [peer_ms(wasm[p], a.time) / native_json[p] for p in pages if p in wasm and native_json.get(p)]
            if ratios:
                print(f"- WASM in node vs native extract_json: median {statistics.median(ratios):.2f}x, "
                      f"worst {max(ratios):.2f}x")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
