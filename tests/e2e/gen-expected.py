#!/usr/bin/env python3
"""Writes tests/e2e/expected/examples.json: for each gallery example (title and program, read from
src/examples.rs), the program's text, the lines CPython prints when it runs it, and the names of the tasks,
threads and processes it creates.

    python3 tests/e2e/gen-expected.py           rewrite the file (from any working directory)
    python3 tests/e2e/gen-expected.py --check   change nothing; exit 1 if the file is not what CPython says now

Rerun it whenever an example program changes; the e2e check `examples.mjs` compares the page with it, and
`scripts/test data` runs the check, so an example without CPython's output fails.
"""
import difflib
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
import asyncio, json, multiprocessing.process, re, runpy, sys, threading
names = []   # the tasks, threads and processes the program creates
every = []   # and asyncio.run's clean-up tasks and multiprocessing's own threads too, which CPython numbers alike
_start = threading.Thread.start
def start(self):
    # The threads multiprocessing starts for itself (a Pool's handlers, a Queue's feeder, a process pool's
    # manager) are not the program's: Interleave need not show them.
    # Nor are the ones aiohttp's resolver starts (asyncio's default executor, for getaddrinfo) and the thread
    # asyncio.run then starts to shut that executor down: Interleave's aiohttp resolves its simulated hosts
    # without a thread.
    stack = []
    frame = sys._getframe(1)
    while frame is not None:
        stack.append(frame.f_code.co_filename)
        frame = frame.f_back
    aiohttp_dns = any("/aiohttp/" in f for f in stack)
    executor_end = self.name.endswith("(_do_shutdown)") and not any(n.startswith("asyncio_") for n in names)
    if (not re.search(r"multiprocessing/|concurrent/futures/process", stack[0]) and not aiohttp_dns
            and not executor_end):
        names.append(self.name)
    every.append(self.name)
    _start(self)
threading.Thread.start = start
_pstart = multiprocessing.process.BaseProcess.start
def pstart(self):
    names.append(self.name)
    every.append(self.name)
    _pstart(self)
multiprocessing.process.BaseProcess.start = pstart
def factory(loop, coro, **kw):
    t = asyncio.Task(coro, loop=loop, **kw)
    every.append(t.get_name())
    # asyncio.run's own clean-up (shutdown_asyncgens, shutdown_default_executor) is not the program's, nor are
    # the tasks a server's loop starts (BaseEventLoop._create_server_getaddrinfo, one per host, and
    # BaseSelectorEventLoop._accept_connection2, one per connection), which the page hides as asyncio's own.
    # Nor are aiohttp's (a host's lookup, a session's closing), which Interleave's aiohttp starts hidden too.
    in_aiohttp = "/aiohttp/" in getattr(getattr(coro, "cr_code", None), "co_filename", "")
    if not re.match(r"Base(Selector)?EventLoop\.", getattr(coro, "__qualname__", "")) and not in_aiohttp:
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


# Examples that talk to the simulated internet or loopback run, under CPython, against scripts/netstub.py (as
# the network corpus is blessed: see scripts/bless.py), started on first need.
NETWORK = re.compile(r"^\s*(import|from) (aiohttp|requests|socket|urllib)\b|open_connection|start_server", re.M)
_stub_env = None


def stand_in():
    global _stub_env
    if _stub_env is None:
        sys.path.insert(0, str(ROOT / "scripts"))
        import netstub

        _stub_env = netstub.env_for(netstub.serve_in_background())
    return _stub_env


def missing_modules(source):
    """The third-party modules an example imports that this Python lacks (aiohttp and requests are installed
    for blessing only: `pip install aiohttp requests`)."""
    missing = []
    for name in ("aiohttp", "requests"):
        if re.search(rf"^\s*(import|from) {name}\b", source, re.M):
            try:
                __import__(name)
            except ImportError:
                missing.append(name)
    return missing


def expect(title, file):
    """The expectation of one example: its program, what CPython prints and the tasks, threads and processes it
    names."""
    path = ROOT / "src" / "examples" / file
    env = None
    if NETWORK.search(path.read_text()):
        env = dict(__import__("os").environ, **stand_in())
    plain = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=60, env=env)
    traced = subprocess.run([sys.executable, "-c", TRACER, str(path)], capture_output=True, text=True,
                            timeout=60, env=env)
    m = re.search(r"@@TASKS@@(.*)", traced.stderr)
    if plain.returncode != 0 or traced.returncode != plain.returncode or not m:
        sys.exit(f"{file}: exit {plain.returncode}, traced {traced.returncode}\n{traced.stderr}")
    tasks, every = json.loads(m.group(1))
    return {
        "title": json.loads('"' + title + '"'),
        "slug": pathlib.Path(file).stem,
        "source": path.read_text(),
        "exit_code": plain.returncode,
        "stdout": plain.stdout.splitlines(),
        # The page runs the program as main.py: CPython's warnings name the file it ran.
        "stderr": plain.stderr.replace(str(path), "main.py").splitlines(),
        "tasks": tasks,
        "all_tasks": every,
    }


def main():
    text = SRC.read_text()
    pairs = re.findall(r'title:\s*"((?:[^"\\]|\\.)*)".*?include_str!\("examples/([^"]+)"\)', text, re.S)
    if not pairs:
        sys.exit("no examples found in src/examples.rs")
    check = "--check" in sys.argv[1:]
    committed = {}
    if OUT.exists():
        committed = {e["slug"]: e for e in json.loads(OUT.read_text())["examples"]}
    examples = []
    for title, file in pairs:
        slug = pathlib.Path(file).stem
        missing = missing_modules((ROOT / "src" / "examples" / file).read_text())
        if missing:
            # Without them CPython cannot say: keep what it said when they were there.
            if slug not in committed:
                sys.exit(f"{file} imports {', '.join(missing)}: `pip install {' '.join(missing)}` to bless it")
            print(f"{file}: skipped, this Python has no {', '.join(missing)} (kept the committed expectation)")
            examples.append(committed[slug])
            continue
        entry = expect(title, file)
        # An example that times real work (gil_cpu_vs_io) may print otherwise on a busy machine: before calling
        # the file stale, or rewriting an example whose program did not change, give CPython two more tries to
        # print what it holds.
        for _ in range(2 if pathlib.Path(file).stem in committed else 0):
            if entry == committed[pathlib.Path(file).stem]:
                break
            entry = expect(title, file)
        examples.append(entry)
    text = json.dumps({"python": sys.version.split()[0], "examples": examples}, indent=2) + "\n"
    if check:
        old = OUT.read_text() if OUT.exists() else ""
        if old != text:
            diff = difflib.unified_diff(old.splitlines(), text.splitlines(), str(OUT.relative_to(ROOT)),
                                        "regenerated", n=1, lineterm="")
            print("\n".join(list(diff)[:40]))
            sys.exit(f"{OUT.relative_to(ROOT)} is stale: run `python3 tests/e2e/gen-expected.py`")
        print(f"{OUT.relative_to(ROOT)}: up to date ({len(examples)} examples)")
        return
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text)
    print(f"wrote {len(examples)} examples to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
