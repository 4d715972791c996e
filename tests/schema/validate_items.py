#!/usr/bin/python3
"""Every item the parser gives for a fixture page must satisfy schema/item.schema.json.

usage: validate_items.py CAIJI_BINARY SCHEMA PAGE...
Runs `caiji parse` on each page, validates each printed item, and round-trips nothing else:
the C++ round-trip is a unit test. Prints 'N passed, N failed'.
"""
import json
import subprocess
import sys

import jsonschema


def main() -> int:
    caiji, schema_path, pages = sys.argv[1], sys.argv[2], sys.argv[3:]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    if not pages:
        print("validate_items: no fixture pages given", file=sys.stderr)
        return 1
    passed = failed = 0
    for page in pages:
        out = subprocess.run([caiji, "parse", "--collected-at", "2026-01-01T00:00:00Z", page],
                             capture_output=True, text=True, check=False)
        lines = [l for l in out.stdout.splitlines() if l.strip()]
        if out.returncode != 0 or len(lines) != 1:
            print(f"FAIL {page}: caiji parse exited {out.returncode}: {out.stderr.strip()}")
            failed += 1
            continue
        item = json.loads(lines[0])
        errors = sorted(validator.iter_errors(item), key=lambda e: list(e.path))
        if errors:
            failed += 1
            for e in errors[:5]:
                path = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in e.path)
                print(f"FAIL {page}: {path}: {e.message}")
        else:
            passed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
