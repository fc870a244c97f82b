//! A time-bounded fuzz: mutated corpus programs and random ones never panic, hang, or stall a budget.
//!
//! The corpus is every program under `tests/programs/` and every source in `tests/syntax_errors.txt`.
//! Each case is a mutation of one of them (lines and tokens deleted, duplicated, swapped, numbers changed,
//! keywords and operators inserted), a splice of two, or a program from a small random generator, run
//! through `Session` in budgets up to a total step limit. A case fails when it panics, when it kills the
//! process (a stack overflow, a failed allocation), when one `run` call takes more than `FUZZ_SLOW_SECS`
//! (a native looping without counting steps), when its trace breaks the state machine of `trace.rs`, when
//! two slicings of it into budgets print or trace differently, or when running it twice gives different results.
//!
//! The cases run in a child process (this binary again), so that crashes and hangs are caught too; the
//! parent restarts it after the failing case. Failing inputs are written to `target/fuzz-failures/` as
//! `<kind>-<seed>-<case>.py` with a `.txt` beside them saying what happened.
//!
//! - `FUZZ_SECS=n` fuzzes for `n` seconds (default 20).
//! - `FUZZ_SEED=n` picks the seed (default: a fixed one, `DEFAULT_SEED`, so that a verdict can be repeated;
//!   `FUZZ_SEED=now` takes one from the clock; the seed is printed, so a run can be repeated).
//! - `FUZZ_CASE=n` with `FUZZ_SEED` replays just that case and prints it.

#[path = "support/invariants.rs"]
mod invariants;

use interleave::session::{Budget, Config, Session, Status};
use interleave::trace::{Event, Time};
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant, SystemTime};

const CHILD_ENV: &str = "INTERLEAVE_FUZZ_CHILD";
/// Steps a case may run in all; most programs end far sooner.
const MAX_STEPS: u64 = 200_000;
/// Deep but bounded recursion through builtins takes a lot of stack in debug builds; only unbounded
/// recursion should overflow this.
const STACK_BYTES: usize = 256 << 20;
/// The child's address space, so that a runaway allocation fails in the child instead of the machine.
const MEMORY_KIB: u64 = 6 << 20;
/// A case making no progress for this long is a hang.
const HANG: Duration = Duration::from_secs(20);
/// The seed when `FUZZ_SEED` does not give one.
const DEFAULT_SEED: u64 = 20_261_123;
/// The budgets a case is sliced into; each case runs under two of them, which must agree.
const SLICES: [u64; 5] = [1, 1_000, 7_919, 50_000, MAX_STEPS];

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

/// xorshift64*, seeded per case so that any case can be regenerated from `(seed, case)` alone.
struct Rng(u64);

impl Rng {
    fn for_case(seed: u64, case: u64) -> Rng {
        let mut r = Rng(seed ^ case.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 0x2545_f491_4f6c_dd1d);
        for _ in 0..4 {
            r.next();
        }
        r
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0.max(1);
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

// ---------------------------------------------------------------------------------------------------------
// The corpus and its mutations.

fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut files = Vec::new();
    collect_py(&root.join("programs"), &mut files);
    files.sort();
    let mut sources: Vec<String> = files.iter().filter_map(|p| fs::read_to_string(p).ok()).collect();
    if let Ok(text) = fs::read_to_string(root.join("syntax_errors.txt")) {
        let mut current: Option<String> = None;
        for line in text.lines() {
            if line.starts_with("=== ") {
                current = Some(String::new());
            } else if line.starts_with("--- ") {
                sources.extend(current.take());
            } else if let Some(source) = current.as_mut() {
                source.push_str(line);
                source.push('\n');
            }
        }
    }
    assert!(sources.len() > 100, "the corpus is missing: {} sources", sources.len());
    sources
}

fn collect_py(dir: &Path, out: &mut Vec<PathBuf>) {
    for path in fs::read_dir(dir).into_iter().flatten().flatten().map(|e| e.path()) {
        if path.is_dir() {
            collect_py(&path, out);
        } else if path.extension().is_some_and(|x| x == "py") {
            out.push(path);
        }
    }
}

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", "match", "case", "*",
];

const OPERATORS: &[&str] = &[
    "+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "~", "<", ">", "<=", ">=", "==", "!=", "=", "+=",
    "-=", "*=", "**=", "//=", ":=", "(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "@", "->", "...", "\\", "'",
    "\"", "\"\"\"", "#", "f'", "f'{", "}'", "b'", "r'", "\t", "\n", "    ",
];

const NUMBERS: &[&str] = &[
    "0",
    "1",
    "-1",
    "2",
    "7",
    "255",
    "256",
    "1000",
    "10**6",
    "10**9",
    "2**31",
    "2**63",
    "-2**63",
    "2**64",
    "10**20",
    "10**100",
    "1e308",
    "1e-308",
    "-0.0",
    "0.1",
    "1e300",
    "float('inf')",
    "float('nan')",
    "0x7f",
    "0b1010",
    "0o17",
    "1_000",
    "3j",
    "10**4300",
    "sys.maxsize",
    "-10**30",
];

const SNIPPETS: &[&str] = &[
    "raise",
    "return",
    "yield",
    "break",
    "continue",
    "await asyncio.sleep(0)",
    "await asyncio.sleep(1e-9)",
    "import asyncio",
    "import sys",
    "global x",
    "del x",
    "x = x",
    "print(*range(100))",
    "asyncio.current_task().cancel()",
    "raise asyncio.CancelledError",
    "raise KeyboardInterrupt",
    "raise SystemExit(3)",
    "raise GeneratorExit",
    "raise StopIteration",
    "raise StopAsyncIteration",
    "sys.setrecursionlimit(50)",
    "sys.setrecursionlimit(10**9)",
    "time.sleep(0.01)",
    "asyncio.get_running_loop().stop()",
    "asyncio.run(asyncio.sleep(0))",
    "lst = [1]; lst.append(lst); print(lst)",
    "d = {}; d[1] = d; print(d)",
    "print(repr(globals())[:10])",
    "gc = [].__class__.__subclasses__",
    "t = asyncio.ensure_future(asyncio.sleep(0.1))",
    "await asyncio.gather(*[asyncio.sleep(0) for _ in range(3)])",
    "async with asyncio.timeout(0):",
    "async with asyncio.Lock():",
    "with open('x') as f:",
    "for _ in range(10**8): pass",
    "while True: pass",
    "lambda: (yield)",
    "def f(*a, **k): return f",
    "class C(int): pass",
    "class C(BaseException): pass",
    "match x:",
    "case _:",
    "try:",
    "except* ValueError:",
    "finally:",
    "else:",
    "@staticmethod",
    "nonlocal q",
];

/// Splits a line into rough tokens: names, numbers, strings, operators and runs of spaces.
fn tokens(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let c = bytes[i];
        if c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80 {
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_' || bytes[i] >= 0x80) {
                i += 1;
            }
        } else if c == b' ' {
            while i < bytes.len() && bytes[i] == b' ' {
                i += 1;
            }
        } else if c == b'"' || c == b'\'' {
            i += 1;
            while i < bytes.len() && bytes[i] != c {
                i += if bytes[i] == b'\\' { 2 } else { 1 };
            }
            i = (i + 1).min(bytes.len());
        } else {
            i += 1;
        }
        while !line.is_char_boundary(i) {
            i += 1;
        }
        out.push(&line[start..i]);
    }
    out
}

fn is_number(token: &str) -> bool {
    token.starts_with(|c: char| c.is_ascii_digit())
}

fn mutate(rng: &mut Rng, source: &str, corpus: &[String]) -> String {
    let mut lines: Vec<String> = source.lines().map(str::to_string).collect();
    if lines.is_empty() {
        lines.push(String::new());
    }
    for _ in 0..1 + rng.below(4) {
        let n = lines.len();
        let at = rng.below(n);
        match rng.below(12) {
            0 if n > 1 => {
                lines.remove(at);
            }
            1 => {
                let line = lines[at].clone();
                lines.insert(at, line);
            }
            2 => {
                let other = rng.below(n);
                lines.swap(at, other);
            }
            3 => {
                let indent = lines[at].len() - lines[at].trim_start().len();
                let snippet = rng.pick(SNIPPETS);
                lines.insert(at, format!("{}{snippet}", " ".repeat(indent)));
            }
            4 => {
                // Re-indent: into a block, or out of one.
                if rng.chance(50) {
                    lines[at].insert_str(0, "    ");
                } else if let Some(rest) = lines[at].strip_prefix("    ") {
                    lines[at] = rest.to_string();
                }
            }
            5 => {
                let donor = rng.pick(corpus);
                if let Some(line) = donor.lines().nth(rng.below(donor.lines().count())) {
                    lines.insert(at, line.to_string());
                }
            }
            _ => lines[at] = mutate_tokens(rng, &lines[at]),
        }
    }
    let mut out = lines.join("\n");
    if rng.chance(90) {
        out.push('\n');
    }
    out
}

fn mutate_tokens(rng: &mut Rng, line: &str) -> String {
    let mut toks: Vec<String> = tokens(line).into_iter().map(str::to_string).collect();
    if toks.is_empty() {
        return rng.pick(SNIPPETS).to_string();
    }
    let at = rng.below(toks.len());
    match rng.below(8) {
        0 => {
            toks.remove(at);
        }
        1 => {
            let t = toks[at].clone();
            toks.insert(at, t);
        }
        2 => {
            let other = rng.below(toks.len());
            toks.swap(at, other);
        }
        3 => toks.insert(at, format!(" {} ", rng.pick(KEYWORDS))),
        4 => toks.insert(at, rng.pick(OPERATORS).to_string()),
        _ => {
            // Change a number if there is one, else replace the token with a number.
            let numbers: Vec<usize> = (0..toks.len()).filter(|&i| is_number(&toks[i])).collect();
            let i = if numbers.is_empty() { at } else { *rng.pick(&numbers) };
            toks[i] = rng.pick(NUMBERS).to_string();
        }
    }
    toks.concat()
}

fn splice(rng: &mut Rng, a: &str, b: &str) -> String {
    let a: Vec<&str> = a.lines().collect();
    let b: Vec<&str> = b.lines().collect();
    let cut_a = rng.below(a.len() + 1);
    let cut_b = rng.below(b.len() + 1);
    let mut out: Vec<&str> = a[..cut_a].to_vec();
    out.extend(&b[cut_b..]);
    out.join("\n") + "\n"
}

// ---------------------------------------------------------------------------------------------------------
// A small generator of mostly valid programs, to reach the interpreter past the parser.

const NAMES: &[&str] = &["a", "b", "c", "x", "y", "lst", "d", "s", "n"];

const CALLS: &[&str] = &[
    "len",
    "str",
    "repr",
    "sorted",
    "list",
    "dict",
    "set",
    "tuple",
    "sum",
    "min",
    "max",
    "abs",
    "int",
    "float",
    "hash",
    "format",
    "bool",
    "reversed",
    "enumerate",
    "zip",
    "iter",
    "next",
    "divmod",
    "pow",
    "round",
    "chr",
    "ord",
    "hex",
    "bin",
    "oct",
    "frozenset",
    "bytes",
    "bytearray",
    "range",
    "any",
    "all",
    "map",
    "filter",
    "id",
    "type",
    "isinstance",
    "getattr",
    "hasattr",
    "callable",
    "ascii",
    "slice",
    "vars",
    "dir",
    "print",
];

const METHODS: &[&str] = &[
    "append",
    "pop",
    "sort",
    "index",
    "count",
    "insert",
    "extend",
    "remove",
    "reverse",
    "copy",
    "clear",
    "split",
    "join",
    "replace",
    "center",
    "ljust",
    "zfill",
    "strip",
    "format",
    "encode",
    "startswith",
    "find",
    "upper",
    "expandtabs",
    "splitlines",
    "partition",
    "keys",
    "values",
    "items",
    "get",
    "setdefault",
    "update",
    "add",
    "discard",
    "union",
    "bit_length",
    "to_bytes",
    "as_integer_ratio",
    "is_integer",
    "hex",
    "__repr__",
    "__eq__",
    "__hash__",
    "__len__",
    "__iter__",
    "__class__",
    "__dict__",
];

const BINOPS: &[&str] = &[
    "+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@", "<", ">", "==", "!=", "in", "not in", "is",
    "and", "or",
];

fn gen_literal(rng: &mut Rng) -> String {
    match rng.below(10) {
        0 => rng.pick(NUMBERS).to_string(),
        1 => format!("{}", rng.next() as i64 >> rng.below(64)),
        2 => format!("{:?}", (rng.next() % 1000) as f64 / 7.0),
        3 => [
            "''",
            "'abc'",
            "'é\\u1234'",
            "'{}'",
            "'%s %d'",
            "'\\x00'",
            "b'xy'",
            "'  a b  '",
        ][rng.below(8)]
        .into(),
        4 => ["None", "True", "False", "...", "NotImplemented"][rng.below(5)].into(),
        5 => "[]".into(),
        6 => "{}".into(),
        7 => "()".into(),
        _ => format!("{}", rng.below(10)),
    }
}

fn gen_expr(rng: &mut Rng, depth: u32) -> String {
    if depth == 0 || rng.chance(25) {
        return if rng.chance(50) {
            rng.pick(NAMES).to_string()
        } else {
            gen_literal(rng)
        };
    }
    let d = depth - 1;
    match rng.below(16) {
        0 | 1 => format!("({} {} {})", gen_expr(rng, d), rng.pick(BINOPS), gen_expr(rng, d)),
        2 => format!("{}({})", rng.pick(CALLS), gen_args(rng, d)),
        3 => format!("({}).{}({})", gen_expr(rng, d), rng.pick(METHODS), gen_args(rng, d)),
        4 => format!("[{}]", gen_args(rng, d)),
        5 => match gen_args(rng, d) {
            args if args.is_empty() => "()".into(),
            args => format!("({args},)"),
        },
        6 => format!("{{{}: {}}}", gen_expr(rng, d), gen_expr(rng, d)),
        7 => format!("{}[{}]", gen_expr(rng, d), gen_expr(rng, d)),
        8 => format!(
            "{}[{}:{}:{}]",
            gen_expr(rng, d),
            gen_expr(rng, d),
            gen_expr(rng, d),
            gen_expr(rng, d)
        ),
        9 => format!("[{} for {} in {}]", gen_expr(rng, d), rng.pick(NAMES), gen_expr(rng, d)),
        10 => format!(
            "({} if {} else {})",
            gen_expr(rng, d),
            gen_expr(rng, d),
            gen_expr(rng, d)
        ),
        11 => format!("(lambda {}: {})", rng.pick(NAMES), gen_expr(rng, d)),
        12 => format!("'{{!r:>{}}}'.format({})", rng.below(12), gen_expr(rng, d)),
        13 => format!("{}{}", ["-", "~", "not ", "+"][rng.below(4)], gen_expr(rng, d)),
        14 => match gen_args(rng, d) {
            args if args.is_empty() => "set()".into(),
            args => format!("{{{args}}}"),
        },
        _ => format!("C({})", gen_args(rng, d)),
    }
}

fn gen_args(rng: &mut Rng, depth: u32) -> String {
    (0..rng.below(4))
        .map(|_| gen_expr(rng, depth))
        .collect::<Vec<_>>()
        .join(", ")
}

fn gen_block(rng: &mut Rng, indent: usize, depth: u32, is_async: bool, out: &mut String) {
    let pad = " ".repeat(indent);
    let count = 1 + rng.below(4);
    for _ in 0..count {
        let d = depth.saturating_sub(1);
        let stmt = if depth == 0 { 0 } else { rng.below(16) };
        match stmt {
            0..=3 => out.push_str(&format!("{pad}{} = {}\n", rng.pick(NAMES), gen_expr(rng, 3))),
            4 => out.push_str(&format!("{pad}print({})\n", gen_args(rng, 2))),
            5 => {
                out.push_str(&format!("{pad}if {}:\n", gen_expr(rng, 2)));
                gen_block(rng, indent + 4, d, is_async, out);
                out.push_str(&format!("{pad}else:\n"));
                gen_block(rng, indent + 4, d, is_async, out);
            }
            6 => {
                out.push_str(&format!("{pad}for {} in {}:\n", rng.pick(NAMES), gen_expr(rng, 2)));
                gen_block(rng, indent + 4, d, is_async, out);
            }
            7 => {
                out.push_str(&format!("{pad}try:\n"));
                gen_block(rng, indent + 4, d, is_async, out);
                out.push_str(&format!(
                    "{pad}except Exception as e:\n{pad}    print(type(e).__name__, e)\n"
                ));
                if rng.chance(30) {
                    out.push_str(&format!("{pad}finally:\n"));
                    gen_block(rng, indent + 4, d, is_async, out);
                }
            }
            8 => {
                out.push_str(&format!("{pad}while {}:\n", gen_expr(rng, 2)));
                gen_block(rng, indent + 4, d, is_async, out);
                out.push_str(&format!("{pad}    break\n"));
            }
            9 => out.push_str(&format!(
                "{pad}{} {}= {}\n",
                rng.pick(NAMES),
                rng.pick(&["+", "*", "-", "|"]),
                gen_expr(rng, 2)
            )),
            10 => out.push_str(&format!(
                "{pad}{}.{}({})\n",
                rng.pick(NAMES),
                rng.pick(METHODS),
                gen_args(rng, 2)
            )),
            11 if is_async => out.push_str(&format!(
                "{pad}await asyncio.sleep({})\n",
                rng.pick(&["0", "0.01", "1", "x"])
            )),
            12 if is_async => out.push_str(&format!(
                "{pad}{} = asyncio.create_task(work({}))\n",
                rng.pick(NAMES),
                gen_expr(rng, 1)
            )),
            13 if is_async => out.push_str(&format!(
                "{pad}{} = await asyncio.{}\n",
                rng.pick(NAMES),
                rng.pick(&[
                    "gather(work(1), work(2), return_exceptions=True)",
                    "wait_for(work(3), 0.05)",
                    "shield(work(0))",
                    "wait([asyncio.ensure_future(work(2))], timeout=0.01)",
                ])
            )),
            14 if is_async => {
                out.push_str(&format!("{pad}async with lock:\n"));
                gen_block(rng, indent + 4, d, is_async, out);
            }
            _ => out.push_str(&format!("{pad}{}\n", gen_expr(rng, 3))),
        }
    }
}

const PRELUDE: &str = r#"import asyncio
import sys
a, b, c, x, y, lst, d, s, n = 1, 2.5, 'c', [1, 2], (3, 'y'), [3, 1, 2], {'k': 1}, 'str', None

class C:
    def __init__(self, *args):
        self.args = args
    def __repr__(self):
        return f'C{self.args!r}'
    def __eq__(self, other):
        return isinstance(other, C) and self.args == other.args
    def __hash__(self):
        return hash(self.args)
    def __lt__(self, other):
        return len(self.args) < len(getattr(other, 'args', ()))
    def __len__(self):
        return len(self.args)
    def __iter__(self):
        return iter(self.args)

lock = asyncio.Lock()

async def work(v):
    await asyncio.sleep(0.01)
    return v
"#;

fn generate(rng: &mut Rng) -> String {
    let mut out = String::from(PRELUDE);
    let run_async = rng.chance(50);
    if run_async {
        out.push_str("\nasync def main():\n    global a, b, c, x, y, lst, d, s, n\n");
        gen_block(rng, 4, 3, true, &mut out);
        out.push_str("\nasyncio.run(main())\n");
    } else {
        gen_block(rng, 0, 3, false, &mut out);
    }
    out
}

fn case_source(seed: u64, case: u64, corpus: &[String]) -> String {
    let mut rng = Rng::for_case(seed, case);
    match rng.below(10) {
        0..=4 => {
            let base = rng.pick(corpus).clone();
            mutate(&mut rng, &base, corpus)
        }
        5 => {
            let (a, b) = (rng.pick(corpus).clone(), rng.pick(corpus).clone());
            splice(&mut rng, &a, &b)
        }
        6 => {
            let base = generate(&mut rng);
            mutate(&mut rng, &base, corpus)
        }
        _ => generate(&mut rng),
    }
}

// ---------------------------------------------------------------------------------------------------------
// Running one case.

#[derive(PartialEq, Eq)]
struct Observed {
    stdout: String,
    stderr: String,
    events: Vec<Event>,
    status: Status,
}

/// Runs a case through budgets of `slice` steps, `MAX_STEPS` in all (so that two slicings stop at the same
/// step); `Err` is a failure to report (slowness, broken invariants).
fn run_case(source: &str, slice: u64, slow: Duration) -> Result<Observed, String> {
    let mut s = Session::new(source, Config::default());
    let mut status = Status::Runnable;
    while s.steps() < MAX_STEPS {
        let started = Instant::now();
        status = s.run(Budget {
            steps: slice.min(MAX_STEPS - s.steps()),
            until: Time::MAX,
        });
        let took = started.elapsed();
        if took > slow {
            return Err(format!(
                "slow: one run of {slice} steps took {took:?} (at step {})",
                s.steps()
            ));
        }
        match status {
            Status::Done { .. } => break,
            Status::Waiting { until } => s.advance_to(until),
            Status::Runnable => {}
        }
    }
    let broken = match status {
        Status::Done { .. } => invariants::violations(s.trace()),
        _ => invariants::violations_so_far(s.trace()),
    };
    if !broken.is_empty() {
        return Err(format!("invariant: {} violations, first: {}", broken.len(), broken[0]));
    }
    Ok(Observed {
        stdout: s.stdout().to_string(),
        stderr: s.stderr().to_string(),
        events: s.trace().events.clone(),
        status,
    })
}

/// Where two runs of a case part: the first of stdout, stderr, events and status that differs.
fn difference(a: &Observed, b: &Observed) -> String {
    if a.stdout != b.stdout {
        return format!("stdout {:?} vs {:?}", a.stdout, b.stdout);
    }
    if a.stderr != b.stderr {
        return format!("stderr {:?} vs {:?}", a.stderr, b.stderr);
    }
    if let Some(i) = a.events.iter().zip(&b.events).position(|(x, y)| x != y) {
        return format!("event #{i}: {:?} vs {:?}", a.events[i], b.events[i]);
    }
    if a.events.len() != b.events.len() {
        return format!("{} events vs {}", a.events.len(), b.events.len());
    }
    format!("status {:?} vs {:?}", a.status, b.status)
}

fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "<non-string panic>".into())
}

/// Checks one case; `Err((kind, what))` when it fails.
fn check_case(seed: u64, case: u64, source: &str, slow: Duration) -> Result<(), (&'static str, String)> {
    let mut rng = Rng::for_case(seed ^ 0x5eed, case);
    let slice = *rng.pick(&SLICES);
    let other = *rng.pick(&SLICES);
    let other = if other == slice {
        SLICES[(SLICES.iter().position(|&s| s == slice).unwrap() + 1) % SLICES.len()]
    } else {
        other
    };
    let twice = rng.chance(10);
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        let first = run_case(source, slice, slow)?;
        let sliced = run_case(source, other, slow)?;
        if first != sliced {
            return Err(format!(
                "sliced: budgets of {slice} and of {other} steps differ: {}",
                difference(&first, &sliced)
            ));
        }
        if twice {
            let second = run_case(source, slice, slow)?;
            if first != second {
                return Err("nondeterministic: two identical runs differ".to_string());
            }
        }
        Ok(())
    }));
    match result {
        Ok(Ok(())) => Ok(()),
        Ok(Err(what)) => Err((what.split(':').next().map_or("other", kind_name), what)),
        Err(payload) => Err(("panic", panic_text(payload.as_ref()))),
    }
}

fn kind_name(prefix: &str) -> &'static str {
    match prefix {
        "slow" => "slow",
        "invariant" => "invariant",
        "nondeterministic" => "nondeterministic",
        "sliced" => "sliced",
        _ => "other",
    }
}

// ---------------------------------------------------------------------------------------------------------
// The child: runs cases from `start` until the deadline, reporting each on stdout.

fn child(seed: u64, start: u64, deadline: SystemTime, slow: Duration) {
    let corpus = corpus();
    panic::set_hook(Box::new(|_| {}));
    let worker = thread::Builder::new().stack_size(STACK_BYTES).spawn(move || {
        let mut out = std::io::stdout();
        let mut case = start;
        while SystemTime::now() < deadline {
            let source = case_source(seed, case, &corpus);
            let _ = writeln!(out, "case {case}");
            let _ = out.flush();
            if let Err((kind, what)) = check_case(seed, case, &source, slow) {
                let _ = writeln!(out, "fail {case} {kind} {}", what.replace('\n', " | "));
            }
            case += 1;
        }
        let _ = writeln!(out, "done {case}");
        let _ = out.flush();
    });
    let _ = worker.unwrap().join();
}

// ---------------------------------------------------------------------------------------------------------
// The parent: keeps a child running until the time is up, and records what fails.

struct Failure {
    case: u64,
    kind: String,
    what: String,
}

fn failures_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("target/tmp has a parent")
        .join("fuzz-failures")
}

fn record(seed: u64, failure: &Failure, corpus: &[String]) -> PathBuf {
    let dir = failures_dir();
    let _ = fs::create_dir_all(&dir);
    let stem = dir.join(format!("{}-{seed}-{}", failure.kind, failure.case));
    let _ = fs::write(stem.with_extension("py"), case_source(seed, failure.case, corpus));
    let note = format!(
        "{}: {}\nreplay: FUZZ_SEED={seed} FUZZ_CASE={} cargo test -p interleave --test fuzz -- --nocapture\n",
        failure.kind, failure.what, failure.case
    );
    let _ = fs::write(stem.with_extension("txt"), note);
    stem.with_extension("py")
}

enum Line {
    Out(String),
    Closed,
}

/// Runs one child from `start`; returns the cases it got through and what failed, crashes and hangs included.
fn run_child(seed: u64, start: u64, deadline: SystemTime, failures: &mut Vec<Failure>) -> u64 {
    let exe = std::env::current_exe().unwrap();
    let secs = deadline.duration_since(SystemTime::UNIX_EPOCH).unwrap().as_secs();
    // `ulimit -v` keeps a runaway allocation inside the child.
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {MEMORY_KIB} 2>/dev/null; exec \"$0\" \"$@\""))
        .arg(exe)
        .args(["fuzz", "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, format!("{seed} {start} {secs}"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (tx, rx) = mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if tx.send(Line::Out(line)).is_err() {
                return;
            }
        }
        let _ = tx.send(Line::Closed);
    });
    let mut stderr = child.stderr.take().unwrap();
    let errors = thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let mut current = start;
    let mut finished = false;
    let mut hung = false;
    loop {
        match rx.recv_timeout(HANG) {
            Ok(Line::Out(line)) => {
                let mut parts = line.splitn(4, ' ');
                match (parts.next(), parts.next().and_then(|n| n.parse::<u64>().ok())) {
                    (Some("case"), Some(n)) => current = n,
                    (Some("fail"), Some(n)) => failures.push(Failure {
                        case: n,
                        kind: parts.next().unwrap_or("other").to_string(),
                        what: parts.next().unwrap_or("").to_string(),
                    }),
                    (Some("done"), Some(n)) => {
                        current = n;
                        finished = true;
                    }
                    _ => {}
                }
            }
            Ok(Line::Closed) => break,
            Err(_) => {
                hung = true;
                let _ = child.kill();
                break;
            }
        }
    }
    let status = child.wait().unwrap();
    let errors = errors.join().unwrap_or_default();
    if finished {
        return current;
    }
    let last = errors
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .to_string();
    let (kind, what) = if hung {
        ("hang", format!("no progress for {HANG:?}"))
    } else if errors.contains("overflowed its stack") {
        ("overflow", last)
    } else if errors.contains("memory allocation") {
        ("oom", last)
    } else {
        ("crash", format!("{status}: {last}"))
    };
    failures.push(Failure {
        case: current,
        kind: kind.into(),
        what,
    });
    current + 1
}

#[test]
fn fuzz() {
    let slow = Duration::from_secs(env_u64("FUZZ_SLOW_SECS").unwrap_or(2));
    if let Ok(args) = std::env::var(CHILD_ENV) {
        let n: Vec<u64> = args.split(' ').filter_map(|a| a.parse().ok()).collect();
        let deadline = SystemTime::UNIX_EPOCH + Duration::from_secs(n[2]);
        child(n[0], n[1], deadline, slow);
        return;
    }
    let corpus = corpus();
    let clock = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).unwrap();
    // A fixed stream of cases unless asked otherwise, so that a verdict can be repeated.
    let seed = match std::env::var("FUZZ_SEED").as_deref() {
        Ok("now") => clock.as_nanos() as u64 & 0xffff_ffff,
        Ok(n) => n.parse().unwrap_or_else(|_| panic!("FUZZ_SEED={n}: a number or `now`")),
        Err(_) => DEFAULT_SEED,
    };
    if let Some(case) = env_u64("FUZZ_CASE") {
        let source = case_source(seed, case, &corpus);
        println!("--- case {case} of seed {seed} ---\n{source}--- end ---");
        let result = thread::Builder::new()
            .stack_size(STACK_BYTES)
            .spawn(move || check_case(seed, case, &source, slow))
            .unwrap()
            .join()
            .unwrap();
        assert!(result.is_ok(), "{result:?}");
        return;
    }
    let secs = env_u64("FUZZ_SECS").unwrap_or(20);
    let started = Instant::now();
    let deadline = SystemTime::now() + Duration::from_secs(secs);
    let mut failures = Vec::new();
    let mut next = 0;
    let mut children = 0;
    while SystemTime::now() + Duration::from_secs(1) < deadline {
        // A rebuild replaces this binary; children of the deleted one cannot start, so every case would "crash".
        if !std::env::current_exe().is_ok_and(|exe| exe.exists()) {
            println!("fuzz: the test binary was rebuilt while fuzzing; stopping after {next} cases");
            break;
        }
        next = run_child(seed, next, deadline, &mut failures);
        children += 1;
    }
    let mut report = format!(
        "fuzz: seed {seed}, {next} cases in {:.1} s ({children} child processes), {} failures",
        started.elapsed().as_secs_f64(),
        failures.len()
    );
    for f in &failures {
        let path = record(seed, f, &corpus);
        report.push_str(&format!(
            "\n  {} case {}: {} -> {}",
            f.kind,
            f.case,
            f.what,
            path.display()
        ));
    }
    println!("{report}");
    assert!(failures.is_empty(), "{report}");
    // A fuzz that ran nothing (no time left, children that could not start) must not pass as a clean one.
    assert!(next > 0, "fuzz: no case ran; {report}");
}

#[test]
fn the_generator_mostly_writes_programs_that_parse() {
    let corpus = corpus();
    let mut ok = 0;
    for case in 0..200 {
        let mut rng = Rng::for_case(1, case);
        let source = generate(&mut rng);
        let mut s = Session::new(&source, Config::default());
        s.run(Budget {
            steps: 0,
            until: Time::MAX,
        });
        if s.error().is_none_or(|e| e.kind != "SyntaxError") {
            ok += 1;
        }
    }
    assert!(ok > 190, "only {ok} of 200 generated programs parse");
    assert!(!case_source(1, 1, &corpus).is_empty());
}
