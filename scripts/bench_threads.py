#!/usr/bin/env python3
"""Times the threaded workloads (engine/benches/threads/*.py) with CPython and the engine, side by side in one run.

    cargo build --profile native -p interleave
    python3 scripts/bench_threads.py [--runs N] -- target/native/interleave run

For each workload: the best wall-clock time of N runs of each (process start included) and their ratio, after
checking that the engine prints exactly CPython's stdout. Each workload also reports on stderr the time it
measured itself (`elapsed S`): CPython's wall clock, the engine's virtual clock. Their ratio shows how well the
engine's cost per instruction matches CPython's pace on this machine (1.0 is a perfect match).
"""
import argparse
import pathlib
import re
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent.parent / "engine" / "benches" / "threads"


def best(cmd, runs):
    times, out, elapsed = [], None, None
    for _ in range(runs):
        t = time.perf_counter()
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
        dt = time.perf_counter() - t
        if p.returncode != 0:
            return None, f"exit {p.returncode}: {p.stderr.strip()[-300:]}", None
        times.append(dt)
        out = p.stdout
        m = re.search(r"elapsed ([0-9.]+)", p.stderr)
        if m:
            value = float(m.group(1))
            elapsed = value if elapsed is None else min(elapsed, value)
    return min(times), out, elapsed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("engine", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    engine = [x for x in a.engine if x != "--"]
    if not engine:
        sys.exit("give the engine command after --")
    print(f"{'workload':9} {'cpython_s':>9} {'engine_s':>9} {'ratio':>6} {'py_clock':>9} {'virtual':>9} {'v/py':>5}")
    bad = 0
    for path in sorted(HERE.glob("*.py")):
        ct, cout, cel = best(["python3", str(path)], a.runs)
        et, eout, eel = best(engine + [str(path)], a.runs)
        if ct is None or et is None or eout != cout:
            why = (cout if ct is None else eout) if (ct is None or et is None) else "stdout differs"
            print(f"{path.stem:9} FAILED: {why}")
            bad += 1
            continue
        pace = f"{eel / cel:5.2f}" if cel and eel else "    -"
        print(f"{path.stem:9} {ct:9.3f} {et:9.3f} {et / ct:6.2f} {cel or 0:9.4f} {eel or 0:9.4f} {pace}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
