#!/usr/bin/python3
"""Instruction counts per page, which the load of other builds on the machine does not move.

usage: callgrind_ratios.py BENCH_BINARY OUT.json PREFIX=DIR...
For each DIR/*.html runs `valgrind --tool=callgrind --toggle-collect=*measured_<kind>*
BENCH_BINARY --once=<kind> PAGE` for kind gumbo (bare gumbo parse) and extract (Caiji's whole
pipeline), counting only the measured function (not reading the file or building the registry),
and writes {"<prefix>/<stem>": {"gumbo_ir": N, "extract_ir": N}, ...} for compare.py.
"""
import json
import re
import subprocess
import sys
from pathlib import Path


def instructions(binary: str, kind: str, page: Path) -> int:
    run = subprocess.run(
        ["valgrind", "--tool=callgrind", f"--toggle-collect=*measured_{kind}*", "--callgrind-out-file=/dev/null",
         binary, f"--once={kind}", str(page)],
        capture_output=True, text=True, check=False)
    m = re.search(r"Collected : (\d+)", run.stderr)
    if run.returncode != 0 or not m:
        raise RuntimeError(f"callgrind failed on {page} ({kind}): {run.stderr[-400:]}")
    return int(m.group(1))


def main() -> int:
    binary, out_path, dirs = sys.argv[1], sys.argv[2], sys.argv[3:]
    results = {}
    for spec in dirs:
        prefix, _, directory = spec.partition("=")
        for page in sorted(Path(directory).glob("*.html")):
            name = f"{prefix}/{page.stem}"
            results[name] = {"gumbo_ir": instructions(binary, "gumbo", page),
                             "extract_ir": instructions(binary, "extract", page)}
            print(name, results[name], flush=True)
    Path(out_path).write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
