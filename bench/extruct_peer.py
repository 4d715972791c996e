#!/usr/bin/python3
"""The Python peer: Debian's python3-extruct (lxml) extracting JSON-LD, microdata and OpenGraph.

usage: extruct_peer.py OUT.json PREFIX=DIR...   (each DIR's *.html, named PREFIX/<stem> as in parse_bench)
Writes {"<prefix>/<stem>": {"real_ms": median, "cpu_ms": median}, ...}: wall time and the
process's CPU time per extraction (CPU time moves less when other builds load the machine). Decodes pages like Caiji's CLI: UTF-8 when the bytes
are valid UTF-8, else GB18030, so both sides read the same text.
"""
import json
import statistics
import sys
import time
from pathlib import Path

import extruct


def decode(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gb18030", errors="replace")


def main() -> int:
    out_path, dirs = sys.argv[1], sys.argv[2:]
    results = {}
    for spec in dirs:
        prefix, _, directory = spec.partition("=")
        for page in sorted(Path(directory).glob("*.html")):
            html = decode(page.read_bytes())
            times, cpu = [], []
            deadline = time.perf_counter() + 1.0
            while len(times) < 5 or (time.perf_counter() < deadline and len(times) < 50):
                t0, c0 = time.perf_counter(), time.process_time()
                try:
                    extruct.extract(html, base_url="https://example.com/", syntaxes=["json-ld", "microdata", "opengraph"],
                                    errors="ignore")
                except Exception:  # a page extruct cannot read still costs what it cost
                    pass
                times.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.process_time() - c0) * 1000)
            results[f"{prefix}/{page.stem}"] = {"real_ms": statistics.median(times), "cpu_ms": statistics.median(cpu)}
    Path(out_path).write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
