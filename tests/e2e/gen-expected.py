#!/usr/bin/env python3
"""Writes tests/e2e/expected/examples.json: for each gallery example (title and program, read from
src/examples.rs), the program's text, the lines CPython prints when it runs it, and the names of the tasks
and threads it creates.

    python3 tests/e2e/gen-expected.py

Rerun it whenever an example program changes; the e2e check `examples.mjs` compares the page with it.
"""
import json
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "examples.rs"
OUT = ROOT / "tests" / "e2e" / "expected" / "examples.json"

# Records every task's name as CPython creates it, then runs the example as __main__.
TRACER = r"""
import asyncio, json, runpy, sys, threading
names = []   # the tasks and threads the program creates
every = []   # and asyncio.run's clean-up tasks too, which CPython numbers in the same sequence
_start = threading.Thread.start
def start(self):
    names.append(self.name)
    every.append(self.name)
    _start(self)
threading.Thread.start = start
def factory(loop, coro, **kw):
    t = asyncio.Task(coro, loop=loop, **kw)
    every.append(t.get_name())
    # asyncio.run's own clean-up (shutdown_asyncgens, shutdown_default_executor) is not the program's.
    if not getattr(coro, "__qualname__", "").startswith("BaseEventLoop.shutdown_"):
        names.append(t.get_name())
    return t
_run = asyncio.runners.Runner._lazy_init
def _lazy_init(self):
    _run(self)
    self._loop.set_task_factory(factory)
asyncio.runners.Runner._lazy_init = _lazy_init
try:
    runpy.run_path(sys.argv[1], run_name="__main__")
finally:
    sys.stdout.flush()
    sys.stderr.write("\n@@TASKS@@" + json.dumps([names, every]) + "\n")
"""


def main():
    text = SRC.read_text()
    pairs = re.findall(r'title:\s*"((?:[^"\\]|\\.)*)".*?include_str!\("examples/([^"]+)"\)', text, re.S)
    if not pairs:
        sys.exit("no examples found in src/examples.rs")
    examples = []
    for title, file in pairs:
        path = ROOT / "src" / "examples" / file
        plain = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=60)
        traced = subprocess.run([sys.executable, "-c", TRACER, str(path)], capture_output=True, text=True,
                                timeout=60)
        m = re.search(r"@@TASKS@@(.*)", traced.stderr)
        if plain.returncode != 0 or traced.returncode != plain.returncode or not m:
            sys.exit(f"{file}: exit {plain.returncode}, traced {traced.returncode}\n{traced.stderr}")
        tasks, every = json.loads(m.group(1))
        examples.append({
            "title": json.loads('"' + title + '"'),
            "slug": pathlib.Path(file).stem,
            "source": path.read_text(),
            "exit_code": plain.returncode,
            "stdout": plain.stdout.splitlines(),
            "tasks": tasks,
            "all_tasks": every,
        })
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"python": sys.version.split()[0], "examples": examples}, indent=2) + "\n")
    print(f"wrote {len(examples)} examples to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
