//! Hostile programs end in a Python exception or a spent budget: never a panic, a hang or a blown stack.
//!
//! Each test runs in a child process of this test binary (see [`isolated`]), on a thread with a 2 MiB stack
//! (wasm's is about 1 MiB, and release frames are smaller than these debug ones), so a stack overflow or a
//! hang fails that one test with a message instead of aborting the whole binary.

use interleave::session::{Budget, Config, Session, Status};
use interleave::trace::Time;
use std::io::Read;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

const CHILD_ENV: &str = "INTERLEAVE_LIMITS_CHILD";
/// wasm gives the engine about 1 MiB of stack. Debug frames are about 16 times the size of release ones
/// (a Python -> builtin -> Python level takes ~4 KiB in release, ~65 KiB in debug), so debug runs get more.
const STACK_BYTES: usize = if cfg!(debug_assertions) { 32 << 20 } else { 2 << 20 };
/// How long one hostile program may take, in wall time, before it counts as hung.
const WALL_LIMIT: Duration = Duration::from_secs(20);

/// Runs `check` on each case in a child process of its own (this binary, filtered to the calling test).
///
/// In the child, `check` runs on a thread with [`STACK_BYTES`] of stack; the parent waits for every child
/// and fails, listing each case whose child panicked, died by a signal or outlived [`WALL_LIMIT`].
fn isolated_each<T: Sync + std::fmt::Debug>(test: &str, cases: &[T], check: fn(&T)) {
    if let Ok(id) = std::env::var(CHILD_ENV) {
        let Some(i) = id.strip_prefix(test).and_then(|rest| rest.strip_prefix('#')) else {
            return;
        };
        let case = &cases[i.parse::<usize>().unwrap()];
        let ok = thread::scope(|scope| {
            let worker = thread::Builder::new()
                .stack_size(STACK_BYTES)
                .spawn_scoped(scope, || check(case));
            worker.unwrap().join().is_ok()
        });
        std::process::exit(if ok { 0 } else { 101 });
    }
    let failures: Vec<String> = (0..cases.len())
        .filter_map(|i| run_child(test, i).map(|why| format!("case {i}, {:?}: {why}", cases[i])))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

/// Runs one case of one test in a child process; `None` when it passed, else why not.
fn run_child(test: &str, case: usize) -> Option<String> {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([test, "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, format!("{test}#{case}"))
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let reader = thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if start.elapsed() > WALL_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        thread::sleep(Duration::from_millis(20));
    };
    let text = reader.join().unwrap();
    let text = text
        .lines()
        .filter(|l| !l.starts_with("note: "))
        .collect::<Vec<_>>()
        .join("\n");
    match status {
        Some(s) if s.success() => None,
        Some(s) => Some(format!("{s}\n{}", text.trim())),
        None => Some(format!("hung: still running after {WALL_LIMIT:?}\n{}", text.trim())),
    }
}

/// One case: [`isolated_each`] for a test that checks a single thing.
fn isolated(test: &str, body: fn()) {
    isolated_each(test, &[body], |body| body());
}

/// Runs `source` to its end (jumping the clock), failing if it takes more than `max_calls` budgets of `steps`.
fn run_bounded(source: &str, steps: u64, max_calls: u32) -> Session {
    let mut s = Session::new(source, Config::default());
    for _ in 0..max_calls {
        let started = Instant::now();
        let status = s.run(Budget {
            steps,
            until: Time::MAX,
        });
        let took = started.elapsed();
        assert!(
            took < Duration::from_secs(10),
            "one budget of {steps} steps took {took:?}"
        );
        match status {
            Status::Done { .. } => return s,
            Status::Waiting { until } => s.advance_to(until),
            Status::Runnable => {}
        }
    }
    panic!(
        "still running after {max_calls} budgets of {steps} steps\nstdout: {}",
        tail(s.stdout())
    );
}

fn tail(text: &str) -> &str {
    let mut cut = text.len().saturating_sub(600);
    while !text.is_char_boundary(cut) {
        cut += 1;
    }
    &text[cut..]
}

fn last_line(text: &str) -> &str {
    text.trim_end().lines().last().unwrap_or("")
}

fn exit_code(s: &mut Session) -> i32 {
    match s.status() {
        Status::Done { exit_code } => exit_code,
        other => panic!("the run has not ended: {other:?}"),
    }
}

/// The program ends with exit 1 and this exact last line of stderr.
fn assert_fails_with(source: &str, last: &str) {
    let mut s = run_bounded(source, 1_000_000, 1_000);
    assert_eq!(last_line(s.stderr()), last, "stderr ends:\n{}", tail(s.stderr()));
    assert_eq!(exit_code(&mut s), 1);
}

/// The program ends with exit 1 and a last line of stderr that starts with this.
fn assert_fails_with_prefix(source: &str, prefix: &str) {
    let mut s = run_bounded(source, 1_000_000, 1_000);
    assert!(
        last_line(s.stderr()).starts_with(prefix),
        "expected {prefix}..., stderr ends:\n{}",
        tail(s.stderr())
    );
    assert_eq!(exit_code(&mut s), 1);
}

#[test]
fn an_infinite_loop_returns_when_its_budget_is_spent() {
    isolated("an_infinite_loop_returns_when_its_budget_is_spent", || {
        let mut s = Session::new("while True:\n    pass\n", Config::default());
        let budget = Budget {
            steps: 1_000_000,
            until: Time::MAX,
        };
        assert_eq!(s.run(budget), Status::Runnable);
        let first = s.steps();
        assert!(first >= 1_000_000, "only {first} steps ran");
        assert_eq!(s.run(budget), Status::Runnable);
        assert!(
            s.steps() >= first + 1_000_000,
            "the second slice did not go on: {} steps",
            s.steps()
        );
    });
}

#[test]
fn an_infinite_loop_inside_a_task_returns_when_its_budget_is_spent() {
    isolated(
        "an_infinite_loop_inside_a_task_returns_when_its_budget_is_spent",
        || {
            let source = r#"
import asyncio
async def spin():
    while True:
        pass
async def main():
    asyncio.create_task(spin())
    await asyncio.sleep(1)
asyncio.run(main())
"#;
            let mut s = Session::new(source, Config::default());
            let budget = Budget {
                steps: 1_000_000,
                until: Time::MAX,
            };
            for _ in 0..3 {
                assert_eq!(s.run(budget), Status::Runnable);
            }
            // Nearly all of each budget went to the loop (a few steps pay for the loop's own ticks).
            assert!(s.steps() >= 2_999_000, "{} steps", s.steps());
        },
    );
}

/// How a hostile program must end.
#[derive(Debug)]
enum Ends {
    /// Exit 1, with a last line of stderr that starts with this.
    Raising(&'static str),
    /// Exit 0, or exit 1 with a last line of stderr that starts with this.
    FineOr(&'static str),
    /// This exit status and exactly this last line of stderr ("" when there is none).
    Exactly(i32, &'static str),
}

type Case = (String, Ends);

fn check_ends((source, ends): &Case) {
    let mut s = run_bounded(source, 1_000_000, 1_000);
    let code = exit_code(&mut s);
    let last = last_line(s.stderr());
    let ok = match ends {
        Ends::Raising(prefix) => code == 1 && last.starts_with(prefix),
        Ends::FineOr(prefix) => code == 0 || (code == 1 && last.starts_with(prefix)),
        Ends::Exactly(want, line) => code == *want && last == *line,
    };
    assert!(ok, "exit {code}, stderr ends:\n{}", tail(s.stderr()));
}

fn raising(source: impl Into<String>, prefix: &'static str) -> Case {
    (source.into(), Ends::Raising(prefix))
}

fn fine_or(source: impl Into<String>, prefix: &'static str) -> Case {
    (source.into(), Ends::FineOr(prefix))
}

fn exactly(source: impl Into<String>, code: i32, last: &'static str) -> Case {
    (source.into(), Ends::Exactly(code, last))
}

#[test]
fn an_infinite_loop_in_a_native_callback_ends_after_a_fixed_allowance() {
    // __repr__, key functions and the like run in nested threads, which a budget cannot pause: they get a
    // fixed allowance of steps instead (the same however the run is sliced) and then fail.
    let cases = [
        "class A:\n    def __repr__(self):\n        while True:\n            pass\nprint(A())\n",
        "def k(x):\n    while True:\n        pass\nsorted([1, 2], key=k)\n",
        "class A:\n    def __eq__(self, o):\n        while True:\n            pass\n[A()].index(1)\n",
    ];
    isolated_each(
        "an_infinite_loop_in_a_native_callback_ends_after_a_fixed_allowance",
        &cases,
        |source| {
            let mut s = Session::new(source, Config::default());
            let started = Instant::now();
            let code = s.run_to_end();
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "the allowance did not stop it"
            );
            assert_eq!(code, 1);
            let last = s.stderr().lines().last().unwrap_or("");
            assert!(
                last.starts_with("RuntimeError: a function called by a builtin"),
                "{last}"
            );
        },
    );
}

#[test]
fn a_single_builtin_call_cannot_run_away() {
    // One instruction that loops inside Rust: the step budget cannot pause it, so it must end on its own.
    let cases = [
        "any(iter(int, 1))\n",
        "x = [] * 2**40\n",
        "x = () * 2**40\n",
        "x = []\nx *= 2**40\n",
        "import itertools\nx = any(itertools.repeat(0))\n",
        "import itertools\nx = max(itertools.count())\n",
        "x = sum(range(10**12))\n",
    ];
    isolated_each("a_single_builtin_call_cannot_run_away", &cases, |source| {
        let mut s = Session::new(source, Config::default());
        let started = Instant::now();
        let status = s.run(Budget {
            steps: 1_000_000,
            until: Time::MAX,
        });
        let took = started.elapsed();
        assert!(
            took < Duration::from_secs(10),
            "one budget took {took:?} and ended {status:?}"
        );
    });
}

/// How many items the cases of the next test draw: each costs several steps, so each run spans many budgets.
const DRAWN: u64 = 200_000;

/// A program whose builtin draws from Python code, and what it prints, worked out here.
fn drawing_cases() -> Vec<(String, String)> {
    let n = DRAWN;
    let million = 1_000_000u128;
    vec![
        // More than the nested allowance of 5M steps: this failed when the builtin resumed the generator itself.
        (
            "print(sum(i * i for i in range(1_000_000)))".into(),
            ((million - 1) * million * (2 * million - 1) / 6).to_string(),
        ),
        (
            format!("print(max((i * 7) % {n} for i in range({n})))"),
            (n - 1).to_string(),
        ),
        (format!("print(min(-i for i in range({n})))"), format!("-{}", n - 1)),
        (format!("print(any(i == {n} - 1 for i in range({n})))"), "True".into()),
        (format!("print(all(i >= 0 for i in range({n})))"), "True".into()),
        (format!("print(len(list(i for i in range({n}))))"), n.to_string()),
        (format!("print(len(tuple(i for i in range({n}))))"), n.to_string()),
        (
            format!("print(len(set(map(lambda i: i % 1000, range({n})))))"),
            "1000".into(),
        ),
        (format!("print(len(dict((i, i) for i in range({n}))))"), n.to_string()),
        (
            format!("print(sorted((i for i in range({n})), reverse=True)[0])"),
            (n - 1).to_string(),
        ),
        (
            format!("print(len(','.join(str(i % 10) for i in range({n}))))"),
            (2 * n - 1).to_string(),
        ),
        (
            format!("x = []\nx.extend(i for i in range({n}))\nprint(len(x))"),
            n.to_string(),
        ),
        (
            format!("class C:\n    def __iter__(self):\n        yield from range({n})\nprint(sum(C()))"),
            (n * (n - 1) / 2).to_string(),
        ),
    ]
}

#[test]
fn builtins_drawing_from_python_code_run_under_the_budget() {
    // `sum(generator)` and its kind hand their loop to Python frames (see `vm/defer.rs`): the budget slices
    // them like any other code, and they are not bound by the nested allowance.
    isolated_each(
        "builtins_drawing_from_python_code_run_under_the_budget",
        &drawing_cases(),
        |(source, printed)| {
            let mut s = Session::new(&format!("{source}\n"), Config::default());
            let budget = Budget {
                steps: 100_000,
                until: Time::MAX,
            };
            let mut slices = 0;
            while let Status::Runnable = s.run(budget) {
                slices += 1;
                assert!(slices < 10_000, "still running");
            }
            assert_eq!(exit_code(&mut s), 0, "stderr ends:\n{}", tail(s.stderr()));
            assert_eq!(s.stdout(), format!("{printed}\n"));
            assert!(
                slices >= 5,
                "the builtin ran in {slices} slices: the budget did not pause it"
            );
        },
    );
}

#[test]
fn a_builtin_over_a_range_too_long_for_one_call_runs_under_the_budget() {
    // `sum(range(10**8))` is more than a native call may draw at once: it loops in Python frames instead, which
    // the budget pauses (CPython takes a second or two for it).
    isolated(
        "a_builtin_over_a_range_too_long_for_one_call_runs_under_the_budget",
        || {
            for source in ["print(sum(range(10**8)))\n", "print(max(range(10**8)))\n"] {
                let mut s = Session::new(source, Config::default());
                let budget = Budget {
                    steps: 1_000_000,
                    until: Time::MAX,
                };
                assert_eq!(s.run(budget), Status::Runnable, "{source}");
                assert_eq!(s.run(budget), Status::Runnable, "{source}");
            }
        },
    );
}

#[test]
fn huge_allocations_are_memory_errors_at_once() {
    let cases = [
        raising("x = [0] * 10**10\n", "MemoryError"),
        raising(
            "x = [[0] * 10**5] * 10**5\nprint(len(x))\ny = [0] * 2**62\n",
            "MemoryError",
        ),
        // CPython knows the length up front and fails before building anything.
        raising("x = list(range(10**10))\n", "MemoryError"),
        raising("x = 'x' * 10**10\n", "MemoryError"),
        raising("x = 'ab'.center(10**12)\n", "MemoryError"),
        raising("x = f'{0:>{10**12}}'\n", "MemoryError"),
        // CPython would compute these for hours; a bounded engine must fail at once instead.
        raising("x = 10**10**10\n", "MemoryError"),
        raising("x = 1 << 10**12\n", "MemoryError"),
        raising("x = pow(3, 10**10)\n", "MemoryError"),
    ];
    isolated_each("huge_allocations_are_memory_errors_at_once", &cases, |case| {
        let started = Instant::now();
        check_ends(case);
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "took {:?}",
            started.elapsed()
        );
    });
}

const RECURSION: &str = "RecursionError: maximum recursion depth exceeded";

#[test]
fn deep_recursion_is_a_recursion_error() {
    let cases = [
        // CPython's exact last line.
        (
            "def f(n):\n    return f(n + 1)\nf(0)\n",
            "RecursionError: maximum recursion depth exceeded",
        ),
        // A lambda and a method go through other call paths.
        ("f = lambda n: f(n + 1)\nf(0)\n", RECURSION),
        (
            "class A:\n    def m(self):\n        return self.m()\nA().m()\n",
            RECURSION,
        ),
        (
            "import asyncio\nasync def f():\n    await f()\nasyncio.run(f())\n",
            RECURSION,
        ),
        // Python frames live on the heap, so a raised limit costs memory, not Rust stack.
        (
            "import sys\nsys.setrecursionlimit(10**6)\ndef f(n):\n    return f(n + 1)\nf(0)\n",
            RECURSION,
        ),
    ];
    isolated_each("deep_recursion_is_a_recursion_error", &cases, |(source, last)| {
        let mut s = run_bounded(source, 1_000_000, 1_000);
        assert_eq!(last_line(s.stderr()), *last, "stderr ends:\n{}", tail(s.stderr()));
        assert_eq!(exit_code(&mut s), 1);
    });
}

#[test]
fn recursion_through_native_callbacks_is_a_recursion_error() {
    // Each level goes Python -> builtin -> Python, so the Rust stack grows with the Python depth.
    let cases = [
        "class A:\n    def __repr__(self):\n        return repr(A())\nprint(A())\n",
        "class A:\n    def __str__(self):\n        return f'{A()}'\nprint(A())\n",
        "class A:\n    def __eq__(self, o):\n        return A() == o\nprint(A() == 1)\n",
        "class A:\n    def __hash__(self):\n        return hash(A())\nprint({A(): 1})\n",
        "class A:\n    def __lt__(self, o):\n        return sorted([A(), A()])\nsorted([A(), A()])\n",
        "def k(x):\n    return sorted([1, 2], key=k)\nsorted([1, 2], key=k)\n",
        "def f(x):\n    return list(map(f, [x]))\nf(1)\n",
        "class A:\n    def __getattr__(self, n):\n        return getattr(self, n + 'x')\nA().y\n",
        "class A:\n    def __iter__(self):\n        return iter(list(A()))\nlist(A())\n",
        "class A:\n    def __len__(self):\n        return len(A())\nlen(A())\n",
        "class A:\n    def __bool__(self):\n        return bool(A())\nbool(A())\n",
        "class A:\n    def __index__(self):\n        return [0][A()]\n[0][A()]\n",
        "class A:\n    def __format__(self, spec):\n        return format(A())\nformat(A())\n",
        "class A:\n    def __init__(self):\n        A()\nA()\n",
        "class A:\n    def __add__(self, o):\n        return sum([A(), A()], A())\nA() + A()\n",
        "def g():\n    yield from g()\nlist(g())\n",
        "def f():\n    return max([1], key=lambda x: f())\nf()\n",
        // A raised recursion limit must not let the Rust stack go deeper (CPython itself crashes here).
        "import sys\nsys.setrecursionlimit(10**6)\nclass A:\n    def __repr__(self):\n        return repr(A())\nrepr(A())\n",
    ]
    .map(|source| raising(source, RECURSION));
    isolated_each(
        "recursion_through_native_callbacks_is_a_recursion_error",
        &cases,
        check_ends,
    );
}

#[test]
fn deeply_nested_source_is_a_syntax_error() {
    let too_many = "SyntaxError: too many nested parentheses";
    let mut cases = Vec::new();
    for (open, close) in [("(", ")"), ("[", "]"), ("{", "}")] {
        cases.push(raising(
            format!("x = {}1{}\n", open.repeat(250), close.repeat(250)),
            too_many,
        ));
        cases.push(raising(format!("x = {}\n", open.repeat(100_000)), "SyntaxError: "));
    }
    // Nesting without brackets: unary operators, conditionals, lambdas, chains, indentation. Each ends as
    // `python3` 3.11 ends it, except where CPython's parser or compiler runs out of its own stack (a
    // MemoryError, or "RecursionError: maximum recursion depth exceeded during compilation"): there the
    // parser's depth limit says "too many nested parentheses" instead.
    let nested = "SyntaxError: too many nested parentheses";
    let undefined = "NameError: name 'x' is not defined";
    cases.extend([
        exactly(format!("x = {}1\n", "-".repeat(100_000)), 1, nested), // CPython: MemoryError
        exactly(format!("x = {}1\n", "not ".repeat(100_000)), 1, nested), // CPython: MemoryError
        exactly(format!("x = {}1\n", "lambda: ".repeat(50_000)), 1, nested), // CPython: MemoryError
        exactly(
            format!("x = {} 1\n", "1 if 1 else".repeat(50_000)),
            1,
            "SyntaxError: expected 'else' after 'if' expression",
        ),
        exactly(format!("x = 1{}\n", " ** 1".repeat(100_000)), 1, nested), // CPython: MemoryError
        exactly(format!("x = a{}\n", ".b".repeat(100_000)), 1, nested),    // CPython: RecursionError
        exactly(format!("x = f{}\n", "()".repeat(100_000)), 1, nested),    // CPython: RecursionError
        exactly(format!("x = 1{}\n", " + 1".repeat(100_000)), 1, nested),  // CPython: RecursionError
        // A comparison chain is flat: it compiles and runs.
        exactly(format!("x = 1{}\n", " < 1".repeat(100_000)), 0, ""),
        exactly(
            format!("x = {}1{}\n", "f'{".repeat(200), "}'".repeat(200)),
            1,
            "SyntaxError: f-string: expecting '}'",
        ),
        exactly(
            format!("x = {}\n", "await ".repeat(100_000)),
            1,
            "SyntaxError: invalid syntax",
        ),
        exactly(
            format!("{}x\n", "@d\n".repeat(100_000)),
            1,
            "SyntaxError: invalid syntax",
        ),
        exactly(
            format!("match x:\n    case {}a{}: pass\n", "[".repeat(199), "]".repeat(199)),
            1,
            undefined,
        ),
        exactly(
            format!("match x:\n    case {}1{}: pass\n", "P(".repeat(199), ")".repeat(199)),
            1,
            undefined,
        ),
        exactly(
            format!("match x:\n    case {}1{}: pass\n", "{0: ".repeat(199), "}".repeat(199)),
            1,
            undefined,
        ),
        exactly(
            format!("match x:\n    case 1{}: pass\n", " | 1".repeat(100_000)),
            1,
            undefined,
        ),
        exactly(
            format!("match {}x:\n    case 1: pass\n", "-".repeat(100_000)),
            1,
            nested,
        ), // CPython: MemoryError
        exactly(
            (0..200)
                .map(|i| format!("{}if x:\n", " ".repeat(i)))
                .collect::<String>()
                + &" ".repeat(200)
                + "pass\n",
            1,
            "IndentationError: too many levels of indentation",
        ),
    ]);
    isolated_each("deeply_nested_source_is_a_syntax_error", &cases, check_ends);
}

#[test]
fn deeply_nested_data_is_a_recursion_error_not_a_stack_overflow() {
    let repr = "RecursionError: maximum recursion depth exceeded while getting the repr of an object";
    let nest = |wrap: &str, then: &str| {
        format!(
            "x = {wrap}\nfor i in range(100000):\n    x = {}\n{then}",
            wrap.replace("()", "(x,)").replace("[]", "[x]").replace("{}", "{1: x}")
        )
    };
    let cases = [
        raising(nest("[]", "print(x)\n"), repr),
        raising(nest("{}", "print(x)\n"), repr),
        raising(nest("()", "print(str(x))\n"), repr),
        raising(nest("[]", "print(len(str(x)))\n"), repr),
        raising(nest("[]", "y = {1: x}\nprint(len(repr(y)))\n"), repr),
        raising(
            "x = []\ny = []\nfor i in range(100000):\n    x = [x]\n    y = [y]\nprint(x == y)\n",
            "RecursionError: maximum recursion depth exceeded in comparison",
        ),
        // Dropping the last reference frees the whole chain, in Rust.
        fine_or(nest("[]", "x = None\nprint('dropped')\n"), RECURSION),
        fine_or(nest("{}", "x.clear()\nprint('dropped')\n"), RECURSION),
        // CPython hashes, compares by identity or copies these in C without a limit: any result will do,
        // or a RecursionError.
        fine_or(nest("()", "print(hash(x) == hash(x))\n"), RECURSION),
        fine_or(nest("[]", "print(x < x, x in [x])\n"), RECURSION),
        fine_or(nest("[]", "import copy\ny = copy.deepcopy(x)\n"), RECURSION),
        fine_or(nest("[]", "import json\nprint(len(json.dumps(x)))\n"), RECURSION),
        fine_or(nest("()", "print(len({x}), x == x)\n"), RECURSION),
        fine_or(
            "x = frozenset()\nfor i in range(100000):\n    x = frozenset([x])\nprint(len({x}))\n",
            RECURSION,
        ),
    ];
    isolated_each(
        "deeply_nested_data_is_a_recursion_error_not_a_stack_overflow",
        &cases,
        check_ends,
    );
}

#[test]
fn a_million_prints_stop_at_the_output_limit() {
    isolated("a_million_prints_stop_at_the_output_limit", || {
        let config = Config::default();
        let limit = config.max_output_bytes;
        let mut s = Session::new("for i in range(1000000):\n    print('hello world', i)\n", config);
        let code = s.run_to_end();
        assert_eq!(code, 0);
        assert!(s.stdout().len() <= limit, "{} bytes of stdout", s.stdout().len());
        assert!(
            s.stdout().len() > limit / 2,
            "only {} bytes of stdout",
            s.stdout().len()
        );
        assert!(s.stderr().contains("output limit"), "no note: {}", tail(s.stderr()));
        let kept: usize = s.trace().texts.iter().map(String::len).sum();
        assert!(kept <= 2 * limit, "the trace keeps {kept} bytes of text");
        assert!(
            s.trace().events.len() < 1_000_000,
            "{} events for cut output",
            s.trace().events.len()
        );
    });
}

#[test]
fn one_huge_print_is_cut_too() {
    isolated("one_huge_print_is_cut_too", || {
        let config = Config::default();
        let limit = config.max_output_bytes;
        let mut s = Session::new("print('x' * (100 << 20))\nprint('after')\n", config);
        assert_eq!(s.run_to_end(), 0);
        assert!(s.stdout().len() <= limit, "{} bytes of stdout", s.stdout().len());
        assert!(s.stderr().contains("output limit"), "no note: {}", tail(s.stderr()));
    });
}

/// A program sleeping "forever", its exit status, its stdout and the last line of its stderr.
type Sleeper = (&'static str, i32, &'static str, &'static str);

#[test]
fn huge_sleeps_end_or_wait_without_overflowing_the_clock() {
    // Deadlines stop at the end of virtual time (about 146 years), so every sleep ends there, as CPython's would
    // end after 1e300 seconds: its program goes on to print. Two deadlines past the end of time are then equal,
    // and the first armed fires first: `wait_for` times out, as in CPython where `now + 1e300` rounds to the
    // same float for both, but so does `timeout(1e300)` around `sleep(1e299)`, whose sleep CPython would end
    // first. `time.sleep` raises at once, as CPython does (checked with python3).
    let cases: [Sleeper; 9] = [
        (
            "import asyncio\nasync def main():\n    await asyncio.sleep(1e300)\n    print('woke')\nasyncio.run(main())\n",
            0,
            "woke\n",
            "",
        ),
        (
            "import asyncio\nasync def main():\n    await asyncio.sleep(float('inf'))\n    print('woke')\nasyncio.run(main())\n",
            0,
            "woke\n",
            "",
        ),
        (
            "import asyncio\nasync def main():\n    await asyncio.sleep(10**30)\n    print('woke')\nasyncio.run(main())\n",
            0,
            "woke\n",
            "",
        ),
        (
            "import asyncio\nasync def main():\n    await asyncio.wait_for(asyncio.sleep(1e300), 1e300)\nasyncio.run(main())\n",
            1,
            "",
            "TimeoutError",
        ),
        (
            "import asyncio\nasync def main():\n    async with asyncio.timeout(1e300):\n        await asyncio.sleep(1e299)\nasyncio.run(main())\n",
            1,
            "",
            "TimeoutError",
        ),
        (
            "import asyncio\nasync def main():\n    asyncio.get_running_loop().call_later(1e300, print, 'x')\n    await asyncio.sleep(1e300)\nasyncio.run(main())\n",
            0,
            "x\n",
            "",
        ),
        (
            "import asyncio\nasync def main():\n    asyncio.get_running_loop().call_at(2**70, print, 'x')\n    await asyncio.sleep(2**70)\nasyncio.run(main())\n",
            0,
            "x\n",
            "",
        ),
        (
            "import time\ntime.sleep(1e300)\ntime.sleep(1e300)\nprint(time.monotonic() > 0)\n",
            1,
            "",
            "OverflowError: timestamp out of range for platform time_t",
        ),
        (
            "import asyncio, time\nasync def main():\n    time.sleep(1e300)\n    await asyncio.sleep(1e300)\nasyncio.run(main())\n",
            1,
            "",
            "OverflowError: timestamp out of range for platform time_t",
        ),
    ];
    isolated_each(
        "huge_sleeps_end_or_wait_without_overflowing_the_clock",
        &cases,
        |&(source, code, stdout, last)| {
            let mut s = run_bounded(source, 1_000_000, 1_000);
            assert_eq!(
                (exit_code(&mut s), s.stdout(), last_line(s.stderr())),
                (code, stdout, last),
                "{source}"
            );
            assert!(s.now() < Time::MAX, "the clock saturated");
        },
    );
}

#[test]
fn a_negative_time_sleep_is_a_value_error() {
    isolated("a_negative_time_sleep_is_a_value_error", || {
        assert_fails_with(
            "import time\ntime.sleep(-1)\n",
            "ValueError: sleep length must be non-negative",
        );
    });
}

#[test]
fn a_task_awaiting_itself_is_a_runtime_error() {
    isolated("a_task_awaiting_itself_is_a_runtime_error", || {
        let source = "import asyncio\nasync def main():\n    await asyncio.current_task()\nasyncio.run(main())\n";
        assert_fails_with_prefix(
            source,
            "RuntimeError: Task cannot await on itself: <Task pending name='Task-1'",
        );
        let source = r#"
import asyncio
async def f():
    await t
async def main():
    global t
    t = asyncio.create_task(f())
    await t
asyncio.run(main())
"#;
        assert_fails_with_prefix(
            source,
            "RuntimeError: Task cannot await on itself: <Task pending name='Task-2'",
        );
    });
}

#[test]
fn tasks_awaiting_each_other_are_a_deadlock() {
    isolated("tasks_awaiting_each_other_are_a_deadlock", || {
        let source = r#"
import asyncio
async def a():
    await tb
async def b():
    await ta
async def main():
    global ta, tb
    ta = asyncio.create_task(a())
    tb = asyncio.create_task(b())
    await ta
asyncio.run(main())
"#;
        let mut s = run_bounded(source, 1_000_000, 1_000);
        assert_eq!(exit_code(&mut s), 1);
        assert!(
            s.stderr().contains("Interleave: deadlock"),
            "stderr:\n{}",
            tail(s.stderr())
        );
    });
}

#[test]
fn an_event_never_set_is_a_deadlock() {
    isolated("an_event_never_set_is_a_deadlock", || {
        let source = "import asyncio\nasync def main():\n    await asyncio.Event().wait()\nasyncio.run(main())\n";
        let mut s = run_bounded(source, 1_000_000, 1_000);
        assert_eq!(exit_code(&mut s), 1);
        assert!(
            s.stderr()
                .starts_with("Interleave: deadlock: every task is waiting and no timer is pending"),
            "stderr:\n{}",
            s.stderr()
        );
        assert_eq!(s.error().map(|e| e.kind.as_str()), Some("Deadlock"));
    });
}

#[test]
fn a_huge_step_cost_does_not_overflow_the_clock() {
    isolated("a_huge_step_cost_does_not_overflow_the_clock", || {
        let config = Config {
            step_cost: Time::MAX / 3,
            ..Config::default()
        };
        let mut s = Session::new(
            "import asyncio\nasync def main():\n    await asyncio.sleep(1)\n    print('slept')\nasyncio.run(main())\n",
            config,
        );
        for _ in 0..1_000 {
            let before = s.now();
            let status = s.run(Budget {
                steps: 1_000,
                until: Time::MAX,
            });
            // Three steps take the clock to the end of time, where it stays, short of Time::MAX (where no
            // budget could ever run again).
            assert!(s.now() >= before, "the clock went backwards");
            assert!(
                s.now() <= interleave::trace::END_OF_TIME,
                "the clock passed the end of time"
            );
            if let Status::Done { exit_code } = status {
                // Each step costs decades of virtual time, and the program still ends as CPython ends it.
                assert_eq!((exit_code, s.stdout(), s.stderr()), (0, "slept\n", ""));
                return;
            }
            if let Some(d) = s.next_deadline() {
                s.advance_to(d);
            }
        }
        panic!("still running after 1,000 budgets; stdout: {:?}", s.stdout());
    });
}

/// The memory budget of the hostile-memory cases: small, so that they reach it quickly.
const MEMORY_LIMIT: usize = 32 << 20;

/// How a program that grows its memory step by step must end under [`MEMORY_LIMIT`].
#[derive(Debug)]
enum Growth {
    /// It catches the MemoryError and ends normally, printing exactly this.
    Caught(&'static str),
    /// It does not catch it: exit 1, and stderr's last line is `MemoryError`.
    Uncaught,
    /// Its tasks get MemoryErrors, which the loop reports, while the run keeps under the budget and its reserve,
    /// stoppable at every slice, until it ends normally or is stopped.
    Stoppable,
}

fn memory_config() -> Config {
    Config {
        memory_limit: MEMORY_LIMIT,
        max_events: 100_000,
        max_output_bytes: 1 << 20,
        ..Config::default()
    }
}

fn check_growth((source, growth): &(&'static str, Growth)) {
    let mut s = Session::new(source, memory_config());
    let mut highest = 0;
    let mut status = Status::Runnable;
    for _ in 0..300 {
        status = s.run(Budget {
            steps: 200_000,
            until: Time::MAX,
        });
        highest = highest.max(s.memory_held());
        match status {
            Status::Done { .. } => break,
            Status::Waiting { until } => s.advance_to(until),
            Status::Runnable => {}
        }
    }
    // The budget and its reserve, and what the run records past them: its trace (bounded by `max_events`) and
    // its output (`max_output_bytes`), with room for the growth of one instruction.
    let ceiling = MEMORY_LIMIT + MEMORY_LIMIT / 8 + (8 << 20);
    assert!(highest <= ceiling, "held {highest} bytes, past {ceiling}");
    match growth {
        Growth::Caught(out) => {
            assert_eq!(status, Status::Done { exit_code: 0 }, "stderr:\n{}", tail(s.stderr()));
            assert_eq!(s.stdout(), *out);
        }
        Growth::Uncaught => {
            assert_eq!(status, Status::Done { exit_code: 1 });
            assert_eq!(last_line(s.stderr()), "MemoryError", "stderr:\n{}", tail(s.stderr()));
        }
        Growth::Stoppable => {
            assert!(s.stderr().contains("\nMemoryError\n"), "stderr:\n{}", tail(s.stderr()));
            if let Status::Done { exit_code } = status {
                // The tasks that failed take their subtrees with them; once none is left, main's sleep ends.
                assert_eq!(exit_code, 0);
            }
        }
    }
}

#[test]
fn growing_memory_step_by_step_is_a_memory_error_or_stays_under_the_budget() {
    let cases: [(&'static str, Growth); 9] = [
        // Doubling a string: the doubling that would pass the budget is refused before it is attempted.
        (
            "s = 'x'\nn = 0\ntry:\n    while True:\n        s = f'{s}{s}'\n        n += 1\n\
             except MemoryError:\n    print('MemoryError', 20 <= n <= 25)\n",
            Growth::Caught("MemoryError True\n"),
        ),
        ("b = b'x'\nwhile True:\n    b += b\n", Growth::Uncaught),
        // Appending: the program catches the error, lets go, and goes on.
        (
            "items = []\ntry:\n    while True:\n        items.append([0] * 100)\n\
             except MemoryError:\n    n = len(items)\n    items = None\n    print('caught', n > 10_000)\n\
             items = [0] * 1000\nprint('still running', len(items))\n",
            Growth::Caught("caught True\nstill running 1000\n"),
        ),
        (
            "d = {}\ni = 0\nwhile True:\n    d[i] = str(i) * 10\n    i += 1\n",
            Growth::Uncaught,
        ),
        // Nesting: each step holds the last; dropping the whole structure at once does not overflow the stack.
        (
            "x = ()\ntry:\n    while True:\n        x = (x, [x] * 10)\n\
             except MemoryError:\n    x = None\n    print('freed')\n",
            Growth::Caught("freed\n"),
        ),
        // A chain of exceptions, each the cause of the next.
        (
            "e = None\ntry:\n    for i in range(10**7):\n        try:\n            raise ValueError(i) from e\n\
             \x20       except ValueError as x:\n            e = x\n\
             except MemoryError:\n    n = e.args[0]\n    e = None\n    print('chain', n > 1000)\nprint('done')\n",
            Growth::Caught("chain True\ndone\n"),
        ),
        // Generators suspended inside each other, each holding a list.
        (
            "def gen(n, keep):\n    keep = keep + [n] * 1000\n    yield n\n    yield from gen(n + 1, keep)\n\
             gens = []\ntry:\n    while True:\n        g = gen(0, [])\n        next(g)\n        gens.append(g)\n\
             except MemoryError:\n    gens.clear()\n    print('generators')\n",
            Growth::Caught("generators\n"),
        ),
        // Tasks that each spawn two more: they fail with MemoryError at the budget while the run goes on.
        (
            "import asyncio\nasync def child(n):\n    asyncio.create_task(child(n + 1))\n\
             \x20   asyncio.create_task(child(n + 1))\n    await asyncio.sleep(1)\n\
             async def main():\n    asyncio.create_task(child(0))\n    await asyncio.sleep(1000)\n\
             asyncio.run(main())\n",
            Growth::Stoppable,
        ),
        // Threads that each hold a list and wait: the thread table grows with them.
        (
            "import threading\nevent = threading.Event()\ndef hold(data):\n    event.wait()\n\
             threads = []\ntry:\n    while True:\n\
             \x20       t = threading.Thread(target=hold, args=([0] * 5_000,))\n        t.start()\n\
             \x20       threads.append(t)\nexcept MemoryError:\n    event.set()\n\
             \x20   print('threads', len(threads) > 100)\n",
            Growth::Caught("threads True\n"),
        ),
    ];
    isolated_each(
        "growing_memory_step_by_step_is_a_memory_error_or_stays_under_the_budget",
        &cases,
        check_growth,
    );
}

#[test]
fn the_memory_budget_is_the_runs_own() {
    isolated("the_memory_budget_is_the_runs_own", || {
        // What the host allocates between budgets is not charged to the run.
        let mut s = Session::new("x = [0] * 1000\nfor i in range(10**6):\n    pass\n", memory_config());
        s.run(Budget {
            steps: 1_000,
            until: Time::MAX,
        });
        let before = s.memory_held();
        let host: Vec<u8> = vec![1; 2 * MEMORY_LIMIT];
        s.run(Budget {
            steps: 1_000,
            until: Time::MAX,
        });
        assert!(
            s.memory_held() < before + (1 << 20),
            "{} then {}",
            before,
            s.memory_held()
        );
        drop(host);
        assert_eq!(s.run_to_end(), 0, "{}", s.stderr());
    });
}

#[test]
fn a_memory_error_comes_at_the_same_instruction_however_the_run_is_sliced() {
    isolated(
        "a_memory_error_comes_at_the_same_instruction_however_the_run_is_sliced",
        || {
            let source = "items = []\ntry:\n    while True:\n        items.append(str(len(items)) * 50)\n\
                      except MemoryError:\n    print(len(items))\n";
            let run = |steps: u64| {
                let config = Config {
                    memory_limit: 8 << 20,
                    ..memory_config()
                };
                let mut s = Session::new(source, config);
                loop {
                    match s.run(Budget {
                        steps,
                        until: Time::MAX,
                    }) {
                        Status::Done { exit_code } => {
                            return (exit_code, s.stdout().to_string(), s.trace().events.len())
                        }
                        Status::Waiting { until } => s.advance_to(until),
                        Status::Runnable => {}
                    }
                }
            };
            // (A first run in a thread pays for what the thread sets up on first use.)
            run(u64::MAX);
            let whole = run(u64::MAX);
            assert_eq!(whole.0, 0);
            assert!(whole.1.trim().parse::<usize>().unwrap() > 5_000, "{}", whole.1);
            assert_eq!(run(997), whole);
            assert_eq!(run(10_000), whole);
        },
    );
}
