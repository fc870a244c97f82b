#!/usr/bin/env python3
"""Records the task steps CPython's own event loop takes for a program, to compare with Interleave's schedule.

The program runs under this CPython (3.11, the reference) with asyncio's pure-Python `Task` instrumented: each
step of a task (one `Task.__step`, from a resumption to the next suspension) prints one line with the loop
iteration it ran in, the time since the loop started (real time in ms, only a guide), the task's name, the line
it resumed at (`start` for its first step) and the line where it suspended (in the innermost frame of the
program along its chain of awaits, as Interleave reports it), returned or raised (in the task's coroutine). What
the program prints appears in order as `| text` lines.

    scripts/cpython_steps.py FILE.py                 CPython's steps
    scripts/cpython_steps.py FILE.py --interleave    the same steps from Interleave (`interleave run --trace
                                                     json`), then a unified diff of the two (iterations and times
                                                     left out, as Interleave's trace has no loop iterations)

`--interleave` uses `target/debug/interleave` (build it with `cargo build -p interleave`) or the command given
with `--bin`. Coroutines outside the program (asyncio's own, as `asyncio.run` makes at its end) show `-` for
their lines. The output is a guide to read, not a test: real time makes CPython's timers, and so its order, vary
when two deadlines are closer than the time the program's steps take.
"""

import argparse
import difflib
import json
import os
import runpy
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


class Lines:
    """Collects text written in pieces and hands out whole lines."""

    def __init__(self):
        self.pending = ""

    def feed(self, text):
        self.pending += text
        *done, self.pending = self.pending.split("\n")
        return done

    def rest(self):
        rest, self.pending = self.pending, ""
        return [rest] if rest else []


def step_line(name, start, end, how):
    return f"{name:<12} {start:>6} -> {end:<6} {how}"


def cpython_steps(program: Path) -> list[tuple[str, str]]:
    """Runs `program` under instrumented asyncio; returns (prefix, line) pairs: prefix is `iter t` for steps."""
    import asyncio
    import asyncio.tasks

    out = []
    lines = Lines()
    real_stdout = sys.stdout
    filename = str(program.resolve())

    class Capture:
        def write(self, text):
            for line in lines.feed(text):
                out.append(("", f"| {line}"))
            return len(text)

        def flush(self):
            pass

    state = {"iteration": 0, "start": None, "loop": None}

    def where(frame, code):
        if code is None or frame is None or code.co_filename != filename:
            return "-"
        return f"L{frame.f_lineno}"

    def innermost(coro):
        """The line of the innermost frame of the program in the chain of awaits from `coro` (as Interleave
        reports a suspended task: where its own code waits, however deep), or `-`."""
        found = "-"
        seen = 0
        while coro is not None and seen < 1000:
            seen += 1
            frame = getattr(coro, "cr_frame", None) or getattr(coro, "gi_frame", None) or getattr(coro, "ag_frame", None)
            if frame is not None and frame.f_code.co_filename == filename:
                found = f"L{frame.f_lineno}"
            coro = getattr(coro, "cr_await", None) or getattr(coro, "gi_yieldfrom", None) or getattr(coro, "ag_await", None)
        return found

    class StepTask(asyncio.tasks._PyTask):
        """asyncio's pure-Python Task, reporting each step."""

        def _Task__step(self, exc=None):
            coro = self.get_coro()
            frame = getattr(coro, "cr_frame", None)
            code = getattr(coro, "cr_code", None)
            first = not getattr(self, "_stepped", False)
            self._stepped = True
            start = "start" if first else innermost(coro)
            super()._Task__step(exc)
            if self.done():
                if self.cancelled():
                    how = "cancelled"
                elif self.exception() is not None:
                    how = "raised"
                else:
                    how = "returned"
            else:
                how = "suspended"
            # A task that ended did so in its own coroutine; one that waits, in the innermost frame of the program.
            end = where(frame, code) if self.done() else innermost(coro)
            loop = state["loop"]
            ms = (loop.time() - state["start"]) * 1e3 if loop else 0.0
            out.append((f"{state['iteration']:>4} {ms:9.3f}", step_line(self.get_name(), start, end, how)))

    class StepLoop(asyncio.SelectorEventLoop):
        def _run_once(self):
            if state["loop"] is not self:
                state["loop"], state["start"] = self, self.time()
            state["iteration"] += 1
            super()._run_once()

    class Policy(asyncio.DefaultEventLoopPolicy):
        _loop_factory = StepLoop

    asyncio.tasks.Task = StepTask
    asyncio.Task = StepTask
    asyncio.set_event_loop_policy(Policy())
    sys.stdout = Capture()
    sys.argv = [str(program)]
    try:
        runpy.run_path(filename, run_name="__main__")
    except SystemExit:
        pass
    except BaseException as e:  # The program's own failure is part of what it does.
        out.append(("", f"! {type(e).__name__}: {e}"))
    finally:
        sys.stdout = real_stdout
    out.extend(("", f"| {line}") for line in lines.rest())
    return out


def interleave_steps(program: Path, binary: str) -> list[str]:
    """Interleave's task steps for `program`, in the format of `cpython_steps`, from its JSON trace."""
    done = subprocess.run([binary, "run", str(program), "--trace", "json"], capture_output=True, text=True)
    at = done.stdout.rfind('{"format":"interleave-run"')
    if at < 0:
        sys.exit(f"cpython_steps: no trace from {binary}:\n{done.stderr}")
    run = json.loads(done.stdout[at:])
    tasks, texts = run["tasks"], run["texts"]
    out = []
    lines = Lines()
    begun = set()
    start = {}
    for e in run["events"]:
        task, line, kind = e["task"], e["line"], e["kind"]
        info = tasks[task]
        is_task = task != 0 and not info["thread"]
        place = f"L{line}" if line else "-"
        if kind["type"] == "Print":
            out.extend(f"| {text}" for text in lines.feed(texts[kind["text"]]))
        elif not is_task:
            continue
        elif kind["type"] == "Resumed":
            start[task] = place if task in begun else "start"
            begun.add(task)
        elif kind["type"] == "Suspended" and task in start:
            out.append(step_line(info["name"], start.pop(task), place, "suspended"))
        elif kind["type"] == "Finished":
            how = {"Returned": "returned", "Cancelled": "cancelled"}.get(kind["outcome"]["type"], "raised")
            out.append(step_line(info["name"], start.pop(task, "start"), place, how))
    out.extend(f"| {line}" for line in lines.rest())
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("program")
    parser.add_argument("--interleave", action="store_true", help="compare with Interleave's steps")
    parser.add_argument("--bin", default=str(REPO / "target" / "debug" / "interleave"))
    args = parser.parse_args()
    program = Path(args.program)
    if not program.exists():
        sys.exit(f"cpython_steps: no such file: {program}")
    os.chdir(program.resolve().parent)
    program = Path(program.name)
    steps = cpython_steps(program)
    if not args.interleave:
        for prefix, line in steps:
            print(f"{prefix:>14}  {line}")
        return 0
    ours = interleave_steps(program, args.bin)
    theirs = [line for _, line in steps]
    diff = list(difflib.unified_diff(theirs, ours, "CPython", "Interleave", lineterm="", n=3))
    if not diff:
        print(f"same {len(theirs)} steps and printed lines")
        return 0
    print("\n".join(diff))
    return 1


if __name__ == "__main__":
    sys.exit(main())
