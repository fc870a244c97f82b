#!/usr/bin/env python3
"""Regenerates the expected output of the conformance corpus by running CPython 3.11.

Every `engine/tests/programs/<feature>/<name>.py` is run as `python3 <name>.py` from its own folder, so
tracebacks and warnings name the bare file, exactly as `interleave::run_source(name, source)` is asked to.
Its stdout becomes `<name>.out`; when CPython wrote to stderr or exited non-zero, `<name>.err` holds
`exit: N` and then the stderr lines that do not start with a space (tracebacks keep their headers and final
line, and drop the indented frames, source lines and carets). Under `tracebacks/` it holds every stderr line:
those programs check frames, source lines and carets too (and so avoid asyncio, whose internal frames CPython
shows and Interleave does not).

    scripts/bless.py                  bless every program
    scripts/bless.py PATH...          bless only these programs (files or folders)
    scripts/bless.py --check [PATH]   change nothing; report programs whose fresh output differs (run it twice
                                      to catch flaky programs)
    scripts/bless.py --traces PATH... write each program's `<name>.trace` (and nothing else): Interleave's own
                                      schedule (`interleave run --trace text`), not CPython's, as a snapshot
                                      that turns any change of order into a diff
    scripts/bless.py --traces         rewrite every existing `.trace`

Programs under `network/` talk to Interleave's simulated internet; under CPython they reach a local stand-in
that serves the same answers (`scripts/netstub.py`, started here on a free port), through a `sitecustomize`
that resolves the simulated hosts to it, so no program needs the internet. Those that import `aiohttp` need it
installed (`pip install aiohttp`, for blessing only); without it, `--check` skips them and says so.

Traces come from the engine's test harness (`UPDATE_TRACES=1 cargo test -p interleave --test programs`), so
they are exactly what it compares; review their diff before committing.
"""

import argparse
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "engine" / "tests" / "programs"
TIMEOUT_SECONDS = 30
# A program that prints an address cannot be deterministic; tell the author rather than bless it.
ADDRESS = re.compile(r"\bat 0x[0-9a-fA-F]+")


FULL_STDERR_DIR = "tracebacks"
NETWORK_DIR = "network"
# The stand-in for the simulated internet, started on first need (`stand_in`).
_stub_port: int | None = None
_stub_lock = __import__("threading").Lock()


def stand_in() -> dict[str, str]:
    """The environment that points a CPython process at the stand-in, which starts on the first call."""
    global _stub_port
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import netstub

    with _stub_lock:
        if _stub_port is None:
            _stub_port = netstub.serve_in_background()
    return netstub.env_for(_stub_port)


def needs_missing_aiohttp(program: Path) -> bool:
    if "aiohttp" not in program.read_text(encoding="utf-8"):
        return False
    try:
        import aiohttp  # noqa: F401
    except ImportError:
        return True
    return False


def filter_stderr(stderr: str, full: bool) -> list[str]:
    """The stderr lines we compare: those not starting with a space, or all (the harness applies the same rule)."""
    lines = stderr.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line for line in lines if full or not line.startswith(" ")]


def expected_err(stderr: str, exit_code: int, full: bool) -> str | None:
    if not stderr and exit_code == 0:
        return None
    return "".join(f"{line}\n" for line in [f"exit: {exit_code}", *filter_stderr(stderr, full)])


def run(program: Path) -> tuple[str, str | None, list[str]]:
    """Runs one program under CPython; returns (stdout, .err text or None, problems)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    if NETWORK_DIR in program.relative_to(ROOT).parts:
        env.update(stand_in())
    try:
        done = subprocess.run(
            [sys.executable, program.name],
            cwd=program.parent,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
        )
    except subprocess.TimeoutExpired:
        return "", None, [f"timed out after {TIMEOUT_SECONDS} s"]
    stdout = done.stdout.decode("utf-8")
    # CPython makes the main script's path absolute; the engine is given the bare file name.
    stderr = done.stderr.decode("utf-8").replace(f"{program.parent}/", "")
    err = expected_err(stderr, done.returncode, program.parent.name == FULL_STDERR_DIR)
    problems = []
    if ADDRESS.search(stdout) or (err and ADDRESS.search(err)):
        problems.append("output contains a memory address")
    if str(ROOT) in stdout or (err and sys.prefix in err):
        problems.append("output contains a path on this machine")
    return stdout, err, problems


def collect(paths: list[str]) -> list[Path]:
    if not paths:
        return sorted(ROOT.rglob("*.py"))
    programs = []
    for given in paths:
        path = Path(given).resolve()
        if path.is_dir():
            programs.extend(path.rglob("*.py"))
        elif path.suffix == ".py" and path.exists():
            programs.append(path)
        else:
            sys.exit(f"bless: not a program or folder: {given}")
    return sorted(set(programs))


def write_traces(programs: list[Path], every: bool) -> int:
    """Writes the `.trace` snapshots of `programs` (creating them) or, with `every`, rewrites all existing ones,
    by running the harness in its update mode (a failing program still gets its trace; the harness's report
    says what else differs). Returns the harness's exit status."""
    if every:
        selected = sorted(path.with_suffix(".py") for path in ROOT.rglob("*.trace"))
    else:
        selected = programs
    if not selected:
        return 0
    for program in selected:
        trace = program.with_suffix(".trace")
        if not trace.exists():
            trace.write_text("", encoding="utf-8")
    names = ",".join(program.relative_to(ROOT).as_posix() for program in selected)
    env = dict(os.environ, UPDATE_TRACES="1", PROGRAMS_FILTER=names)
    done = subprocess.run(
        ["cargo", "test", "--quiet", "-p", "interleave", "--test", "programs"],
        cwd=ROOT.parent.parent.parent,
        env=env,
    )
    print(f"wrote the traces of {len(selected)} programs")
    return done.returncode


def read(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.exists() else None


def main() -> int:
    assert sys.version_info[:2] == (3, 11), f"bless needs CPython 3.11, not {sys.version.split()[0]}"
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="report differences, write nothing")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="programs run at once (timing needs idle CPUs)")
    parser.add_argument("--traces", action="store_true", help="write .trace snapshots from the engine instead")
    parser.add_argument("paths", nargs="*")
    args = parser.parse_args()

    programs = collect(args.paths)
    if args.traces:
        return write_traces(programs, every=not args.paths)
    skipped = [p for p in programs if NETWORK_DIR in p.relative_to(ROOT).parts and needs_missing_aiohttp(p)]
    if skipped and not args.check:
        sys.exit("bless: these programs import aiohttp, which is not installed (pip install aiohttp): "
                 + " ".join(p.relative_to(ROOT).as_posix() for p in skipped))
    for program in skipped:
        print(f"{program.relative_to(ROOT).as_posix()}: skipped, aiohttp is not installed")
    programs = [p for p in programs if p not in skipped]
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(run, programs))

    bad = 0
    for program, (stdout, err, problems) in zip(programs, results):
        name = program.relative_to(ROOT).as_posix()
        out_path, err_path = program.with_suffix(".out"), program.with_suffix(".err")
        for problem in problems:
            print(f"{name}: {problem}")
            bad += 1
        if args.check:
            if read(out_path) != stdout:
                print(f"{name}: stdout differs from {out_path.name}")
                bad += 1
            if read(err_path) != err:
                print(f"{name}: stderr or exit status differs from {err_path.name}")
                bad += 1
            continue
        if problems:
            continue
        out_path.write_text(stdout, encoding="utf-8")
        if err is None:
            err_path.unlink(missing_ok=True)
        else:
            err_path.write_text(err, encoding="utf-8")

    if not args.check and not args.paths:
        for orphan in sorted([*ROOT.rglob("*.out"), *ROOT.rglob("*.err"), *ROOT.rglob("*.trace")]):
            if not orphan.with_suffix(".py").exists():
                print(f"removing {orphan.relative_to(ROOT).as_posix()}: no program beside it")
                orphan.unlink()

    verb = "checked" if args.check else "blessed"
    print(f"{verb} {len(programs)} programs, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
