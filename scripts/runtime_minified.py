#!/usr/bin/env python3
"""Checks that the runtime's Python modules as `engine/build.rs` writes them (without comments, blank lines,
docstrings and the spaces between tokens that Python does not need, indented by one space a level) are the
same programs as their sources: CPython 3.11 parses both to
the same syntax tree, once docstrings and `...` statements (which do nothing) are left out of both. Reads the newest build's copies under target/; run it after a build (`scripts/test data` does,
after the `test` suite built the engine).

    scripts/runtime_minified.py [--check]     (--check is accepted for symmetry: it never writes anything)
"""
import ast
import glob
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def without_docstrings(tree):
    """The tree without docstrings and `...` statements; a body left empty gets `pass`."""
    for node in ast.walk(tree):
        for field in ("body", "orelse", "finalbody"):
            body = getattr(node, field, None)
            if field == "body" and body == []:
                setattr(node, field, [ast.Pass()])
                continue
            if not isinstance(body, list) or not body or not isinstance(body[0], ast.stmt):
                continue
            kept = []
            for i, stmt in enumerate(body):
                value = stmt.value if isinstance(stmt, ast.Expr) else None
                docstring = (
                    i == 0 and field == "body" and isinstance(value, ast.Constant) and isinstance(value.value, str)
                    and isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                )
                ellipsis = isinstance(value, ast.Constant) and value.value is Ellipsis
                if not docstring and not ellipsis:
                    kept.append(stmt)
            setattr(node, field, kept or [ast.Pass()])
    return ast.dump(tree)


def main():
    outs = glob.glob(os.path.join(ROOT, "target", "**", "build", "interleave-*", "out", "runtime"), recursive=True)
    if not outs:
        print("runtime_minified: no build of the engine under target/; build it first", file=sys.stderr)
        return 2
    # The build whose files were written last (a directory's own time changes only when entries come or go).
    def written(out):
        return max((os.path.getmtime(f) for f in glob.glob(os.path.join(out, "**", "*.py"), recursive=True)), default=0)

    newest = max(outs, key=written)
    sources = sorted(glob.glob(os.path.join(ROOT, "engine", "src", "modules", "*.py")))
    sources.append(os.path.join(ROOT, "engine", "src", "asyncio", "prelude.py"))
    problems = 0
    for src in sources:
        rel = os.path.relpath(src, os.path.join(ROOT, "engine", "src"))
        built = os.path.join(newest, rel)
        if not os.path.exists(built):
            print(f"runtime_minified: {rel} is missing from {newest}", file=sys.stderr)
            problems += 1
            continue
        with open(src, encoding="utf-8") as f:
            original = without_docstrings(ast.parse(f.read(), rel))
        with open(built, encoding="utf-8") as f:
            minified = without_docstrings(ast.parse(f.read(), rel))
        if original != minified:
            print(f"runtime_minified: {rel}: the minified module is a different program", file=sys.stderr)
            problems += 1
    print(f"runtime_minified: {len(sources)} modules checked, {problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
