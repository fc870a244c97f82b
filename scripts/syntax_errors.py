#!/usr/bin/env python3
"""Fills in CPython 3.11's verdict for every case of `engine/tests/syntax_errors.txt`.

The file is a list of cases. Each starts with a line `=== name`, then the source lines, then one line
`--- ` that this script rewrites to what `compile(source, "main.py", "exec")` says:
`--- OK` or `--- Kind: message @ line:col` (1-based line and column of CPython's caret). A name ending in
`[nocol]` tells the Rust test (`engine/tests/parser.rs`) to compare the message and line only, for errors
whose column CPython measures inside an f-string's private copy of the expression.

    scripts/syntax_errors.py           rewrite the expectations in place
    scripts/syntax_errors.py --check   change nothing; exit 1 if any expectation is stale
"""

import sys
import warnings
from pathlib import Path

CASES = Path(__file__).resolve().parent.parent / "engine" / "tests" / "syntax_errors.txt"


def verdict(source: str) -> str:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(source, "main.py", "exec")
        return "OK"
    except SyntaxError as e:
        return f"{type(e).__name__}: {e.msg} @ {e.lineno}:{e.offset}"


def main() -> int:
    check = "--check" in sys.argv[1:]
    out = []
    stale = 0
    source: list[str] | None = None
    for line in CASES.read_text(encoding="utf-8").split("\n"):
        if line.startswith("=== "):
            source = []
            out.append(line)
        elif line.startswith("---") and source is not None:
            fresh = f"--- {verdict(chr(10).join(source) + chr(10))}"
            if fresh != line:
                stale += 1
                if check:
                    print(f"stale: {line!r} -> {fresh!r}")
            out.append(fresh)
            source = None
        else:
            if source is not None:
                source.append(line)
            out.append(line)
    if not check:
        CASES.write_text("\n".join(out), encoding="utf-8")
    else:
        print(f"engine/tests/syntax_errors.txt: {stale} stale expectations")
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
