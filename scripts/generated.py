"""Writes a file that a `gen_*.py` script generates from CPython, or with `--check` only compares it.

    python3 scripts/gen_NAME.py           rewrite the file (from any working directory)
    python3 scripts/gen_NAME.py --check   change nothing; exit 1 with a summary of the differences if it is stale
"""
import difflib
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def rustfmt(text: str) -> str:
    """Rust source as `cargo fmt` leaves it, so that the generated file and the committed one compare equal."""
    done = subprocess.run(["rustfmt", "--edition", "2021", "--config-path", str(ROOT / "rustfmt.toml")],
                          input=text, capture_output=True, text=True, check=True)
    return done.stdout


def write_or_check(relative: str, text: str) -> None:
    """Writes `text` to `relative` (a path from the repository's root), or compares under `--check`; exits.

    A `.rs` file goes through rustfmt first."""
    path = ROOT / relative
    if relative.endswith(".rs"):
        text = rustfmt(text)
    if "--check" not in sys.argv[1:]:
        path.write_text(text, encoding="utf-8")
        print(f"wrote {relative}")
        sys.exit(0)
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if old == text:
        print(f"{relative}: up to date")
        sys.exit(0)
    diff = list(difflib.unified_diff(old.splitlines(), text.splitlines(), relative, "regenerated", n=0, lineterm=""))
    changed = sum(1 for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---"))
    print(f"{relative}: stale, {changed} lines differ; first differences:")
    print("\n".join(diff[:20]))
    print(f"run `python3 scripts/{Path(sys.argv[0]).name}` to regenerate it")
    sys.exit(1)
