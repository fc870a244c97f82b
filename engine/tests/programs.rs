//! Runs every program in `tests/programs/<feature>/*.py` and compares it with what CPython 3.11 printed.
//!
//! Expectations are data, written by `scripts/bless.py`: `<name>.out` is CPython's stdout, exactly, and
//! `<name>.err`, present only when CPython wrote to stderr or failed, is `exit: N` followed by the stderr lines
//! that do not start with a space (tracebacks keep their headers and final lines, lose frames and carets);
//! under `tracebacks/`, by every stderr line (frames, source lines and carets compared too).
//!
//! A program with a `<name>.trace` beside it (where the schedule itself is the point) also has its trace compared,
//! as `interleave run --trace text` prints it: a snapshot of Interleave's own schedule, not CPython's, so that any
//! change of order or line shows as a diff. `UPDATE_TRACES=1` rewrites the `.trace` files of the programs run
//! instead of comparing them (`scripts/bless.py --traces` does this, and creates missing ones).
//!
//! Programs listed in `tests/programs/KNOWN_FAILURES` are expected to fail; the test fails when an unlisted
//! program fails or a listed one passes, so the list stays true.
//!
//! - `PROGRAMS_FILTER=substring` runs only the programs whose relative path contains `substring` (or one of
//!   several, separated by commas), and reports the known failures among them in full too.
//! - `PROGRAMS_VERBOSE=1` reports every failure in full, known or not.
//! - `UPDATE_KNOWN_FAILURES=1` rewrites the list with the failures of this run (entries outside the filter stay).
//! - `PROGRAMS_TIMEOUT_SECS=n` changes how long one program may run (default 30) before it counts as hung.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::panic;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

const KNOWN_FAILURES: &str = "KNOWN_FAILURES";
/// Deep Python recursion (RecursionError programs) must not overflow a default 2 MiB test thread.
const PROGRAM_STACK_BYTES: usize = 256 * 1024 * 1024;
/// How many differing lines a failure report shows before eliding the rest.
const DIFF_CONTEXT_LINES: usize = 6;

fn programs_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("programs")
}

/// The folder whose programs compare all of stderr.
const FULL_STDERR_DIR: &str = "tracebacks/";

/// The stderr lines both sides compare: those not starting with a space (all of them when `full`), as
/// `scripts/bless.py` keeps them.
fn filter_stderr(stderr: &str, full: bool) -> Vec<&str> {
    let mut lines: Vec<&str> = stderr.split('\n').collect();
    if lines.last() == Some(&"") {
        lines.pop();
    }
    lines
        .into_iter()
        .filter(|line| full || !line.starts_with(' '))
        .collect()
}

/// Renders an exit code and stderr the way `.err` files are written.
fn render_err(exit_code: i32, stderr: &str, full: bool) -> String {
    let mut text = format!("exit: {exit_code}\n");
    for line in filter_stderr(stderr, full) {
        text.push_str(line);
        text.push('\n');
    }
    text
}

fn collect_programs(dir: &Path, root: &Path, out: &mut Vec<String>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_programs(&path, root, out);
        } else if path.extension().is_some_and(|ext| ext == "py") {
            let relative = path.strip_prefix(root).expect("program lies under the root");
            let parts: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            out.push(parts.join("/"));
        }
    }
}

/// A compact diff: the first line where `expected` and `actual` part, a few lines of each from there.
fn first_difference(what: &str, expected: &str, actual: &str) -> String {
    let expected_lines: Vec<&str> = expected.split_inclusive('\n').collect();
    let actual_lines: Vec<&str> = actual.split_inclusive('\n').collect();
    let same = expected_lines
        .iter()
        .zip(&actual_lines)
        .take_while(|(e, a)| e == a)
        .count();
    let mut report = format!("    {what} differs from line {}:\n", same + 1);
    let show = |sign: char, lines: &[&str], report: &mut String| {
        let rest = &lines[same.min(lines.len())..];
        for line in rest.iter().take(DIFF_CONTEXT_LINES) {
            let _ = writeln!(report, "      {sign} {:?}", line);
        }
        if rest.len() > DIFF_CONTEXT_LINES {
            let _ = writeln!(
                report,
                "      {sign} ... {} more lines",
                rest.len() - DIFF_CONTEXT_LINES
            );
        }
        if rest.is_empty() {
            let _ = writeln!(report, "      {sign} <end>");
        }
    };
    show('-', &expected_lines, &mut report);
    show('+', &actual_lines, &mut report);
    report
}

enum Outcome {
    Pass,
    Fail(String),
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_string()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "<non-string panic payload>".to_string()
    }
}

/// Runs one program on its own thread, so that a panic or a hang is that program's failure alone.
fn run_program(root: &Path, relative: &str, timeout: Duration, update_traces: bool) -> Outcome {
    let path = root.join(relative);
    let source = match fs::read_to_string(&path) {
        Ok(source) => source,
        Err(error) => return Outcome::Fail(format!("    cannot read the program: {error}\n")),
    };
    let Some(expected_out) = fs::read_to_string(path.with_extension("out")).ok() else {
        return Outcome::Fail("    no .out file: run scripts/bless.py\n".to_string());
    };
    let expected_err = fs::read_to_string(path.with_extension("err")).ok();
    let trace_path = path.with_extension("trace");
    let expected_trace = fs::read_to_string(&trace_path).ok();
    let traced = expected_trace.is_some();
    let filename = path
        .file_name()
        .expect("a program has a file name")
        .to_string_lossy()
        .into_owned();

    let (sender, receiver) = mpsc::channel();
    let spawned = thread::Builder::new()
        .name(relative.to_string())
        .stack_size(PROGRAM_STACK_BYTES)
        .spawn(move || {
            let result = panic::catch_unwind(|| {
                if traced {
                    let (result, trace) = interleave::run_source_traced(&filename, &source);
                    (result, Some(trace))
                } else {
                    (interleave::run_source(&filename, &source), None)
                }
            });
            let _ = sender.send(result.map_err(|payload| panic_message(payload.as_ref())));
        });
    if let Err(error) = spawned {
        return Outcome::Fail(format!("    cannot spawn a thread: {error}\n"));
    }
    let (result, trace) = match receiver.recv_timeout(timeout) {
        Ok(Ok(result)) => result,
        Ok(Err(message)) => return Outcome::Fail(format!("    panicked: {message}\n")),
        // The thread is left to finish on its own; the process ends with the test anyway.
        Err(_) => return Outcome::Fail(format!("    did not finish within {} s\n", timeout.as_secs())),
    };

    let mut report = String::new();
    if result.stdout != expected_out {
        report.push_str(&first_difference("stdout", &expected_out, &result.stdout));
    }
    let actual_err = render_err(result.exit_code, &result.stderr, relative.starts_with(FULL_STDERR_DIR));
    match &expected_err {
        Some(expected) if *expected != actual_err => {
            report.push_str(&first_difference("exit status and stderr", expected, &actual_err));
        }
        Some(_) => {}
        None if result.exit_code != 0 || !result.stderr.is_empty() => {
            report.push_str(&first_difference("exit status and stderr", "exit: 0\n", &actual_err));
        }
        None => {}
    }
    if let (Some(expected), Some(actual)) = (&expected_trace, &trace) {
        if update_traces {
            if expected != actual {
                if let Err(error) = fs::write(&trace_path, actual) {
                    let _ = writeln!(report, "    cannot write {}: {error}", trace_path.display());
                }
            }
        } else if expected != actual {
            report.push_str(&first_difference("trace", expected, actual));
        }
    }
    if report.is_empty() {
        Outcome::Pass
    } else {
        Outcome::Fail(report)
    }
}

fn read_known_failures(path: &Path) -> BTreeSet<String> {
    let text = fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|line| !line.is_empty())
        .map(str::to_string)
        .collect()
}

fn write_known_failures(path: &Path, failures: &BTreeSet<String>) {
    let mut text = String::from(
        "# Programs under tests/programs that the engine does not pass yet, one relative path a line.\n\
         # tests/programs.rs fails when a listed program passes, so remove it when you fix it,\n\
         # or rewrite the whole list with UPDATE_KNOWN_FAILURES=1 cargo test -p interleave --test programs.\n",
    );
    for failure in failures {
        text.push_str(failure);
        text.push('\n');
    }
    fs::write(path, text).expect("KNOWN_FAILURES is writable");
}

/// Whether `program` is selected by `PROGRAMS_FILTER`: its path contains one of the comma-separated parts.
fn matches_filter(program: &str, filter: &str) -> bool {
    filter.split(',').any(|part| program.contains(part))
}

#[test]
fn programs() {
    let root = programs_root();
    let filter = std::env::var("PROGRAMS_FILTER").unwrap_or_default();
    let update = std::env::var("UPDATE_KNOWN_FAILURES").is_ok_and(|value| value == "1");
    let update_traces = std::env::var("UPDATE_TRACES").is_ok_and(|value| value == "1");
    let verbose = std::env::var("PROGRAMS_VERBOSE").is_ok_and(|value| value == "1");
    let timeout_secs = std::env::var("PROGRAMS_TIMEOUT_SECS")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(30);
    let timeout = Duration::from_secs(timeout_secs);

    let mut all = Vec::new();
    collect_programs(&root, &root, &mut all);
    all.sort();
    assert!(!all.is_empty(), "no programs found under {}", root.display());
    let selected: Vec<&String> = all.iter().filter(|program| matches_filter(program, &filter)).collect();

    let known_path = root.join(KNOWN_FAILURES);
    let known = read_known_failures(&known_path);

    // The default hook would print every engine panic in the middle of the report; we report them ourselves.
    let default_hook = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    let mut failures = BTreeSet::new();
    let mut unexpected_failures = Vec::new();
    let mut known_reports = Vec::new();
    for program in &selected {
        if let Outcome::Fail(report) = run_program(&root, program, timeout, update_traces) {
            failures.insert(program.to_string());
            if known.contains(*program) {
                known_reports.push((program.to_string(), report));
            } else {
                unexpected_failures.push((program.to_string(), report));
            }
        }
    }
    panic::set_hook(default_hook);

    let selected_set: BTreeSet<&str> = selected.iter().map(|program| program.as_str()).collect();
    let unexpected_passes: Vec<&String> = known
        .iter()
        .filter(|program| selected_set.contains(program.as_str()) && !failures.contains(*program))
        .collect();
    let missing: Vec<&String> = known
        .iter()
        .filter(|program| matches_filter(program, &filter) && !all.iter().any(|existing| existing == *program))
        .collect();

    let mut summary = String::new();
    if verbose || !filter.is_empty() {
        for (program, report) in &known_reports {
            let _ = write!(summary, "FAIL {program} (known)\n{report}");
        }
    }
    for (program, report) in &unexpected_failures {
        let _ = write!(summary, "FAIL {program}\n{report}");
    }
    for program in &unexpected_passes {
        let _ = writeln!(summary, "PASS {program}, but it is listed in {KNOWN_FAILURES}");
    }
    for program in &missing {
        let _ = writeln!(
            summary,
            "GONE {program} is listed in {KNOWN_FAILURES} but does not exist"
        );
    }
    let _ = writeln!(
        summary,
        "\n{} programs run{}: {} passed, {} failed ({} known, {} unexpected), {} known failures now pass",
        selected.len(),
        if filter.is_empty() {
            String::new()
        } else {
            format!(" (filter {filter:?})")
        },
        selected.len() - failures.len(),
        failures.len(),
        failures.len() - unexpected_failures.len(),
        unexpected_failures.len(),
        unexpected_passes.len(),
    );
    println!("{summary}");

    if update {
        let kept = known
            .iter()
            .filter(|program| !matches_filter(program, &filter))
            .cloned();
        let updated: BTreeSet<String> = kept.chain(failures.iter().cloned()).collect();
        write_known_failures(&known_path, &updated);
        println!("rewrote {KNOWN_FAILURES} with {} programs", updated.len());
        return;
    }
    assert!(
        unexpected_failures.is_empty() && unexpected_passes.is_empty() && missing.is_empty(),
        "{} unexpected failures, {} unexpected passes, {} missing programs in {KNOWN_FAILURES} (report above)",
        unexpected_failures.len(),
        unexpected_passes.len(),
        missing.len(),
    );
}
