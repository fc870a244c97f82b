//! What went wrong, named: every program in `tests/findings/` runs to its end and its findings, as
//! `LINE: kind` lines, must be those of its `.findings` file (empty for the clean programs, where any finding
//! is a false alarm). Those files are written by hand: they say what a reader of the program should be told.

use interleave::session::{Budget, Config, Session, Status};
use interleave::trace::Time;
use std::path::Path;

fn findings_of(name: &str, source: &str) -> Vec<String> {
    let config = Config {
        filename: name.to_string(),
        track_accesses: true,
        ..Config::default()
    };
    let mut s = Session::new(source, config);
    s.run_to_end();
    s.findings()
        .iter()
        .map(|f| format!("{}: {}", f.lines.first().copied().unwrap_or(0), f.kind.as_str()))
        .collect()
}

#[test]
fn each_program_has_its_expected_findings() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/findings");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/findings")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    paths.sort();
    let mut failures = Vec::new();
    let (mut clean, mut flagged) = (0, 0);
    for path in &paths {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let source = std::fs::read_to_string(path).expect("program");
        let expected: Vec<String> = std::fs::read_to_string(path.with_extension("findings"))
            .unwrap_or_else(|_| panic!("{name} has no .findings file"))
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_string)
            .collect();
        if expected.is_empty() {
            clean += 1;
        } else {
            flagged += 1;
        }
        let got = findings_of(name, &source);
        if got != expected {
            failures.push(format!("{name}: expected {expected:?}, got {got:?}"));
        }
    }
    assert!(
        clean >= 25 && flagged >= 20,
        "too few programs: {clean} clean, {flagged} with findings"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A deadlock is reported when its cycle closes, while the rest of the program still runs: a host that asks
/// after each budget shows it before the run ends.
#[test]
fn a_deadlock_is_found_while_other_tasks_run_on() {
    let source = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/findings/deadlock_while_others_run.py"),
    )
    .expect("program");
    let mut s = Session::new(&source, Config::default());
    let mut found_at: Option<(Time, usize)> = None;
    loop {
        let status = s.run(Budget {
            steps: 500,
            until: Time::MAX,
        });
        if found_at.is_none() && !s.findings().is_empty() {
            found_at = Some((s.now(), s.stdout().lines().count()));
        }
        match status {
            Status::Done { .. } => break,
            Status::Waiting { until } => s.advance_to(until),
            Status::Runnable => {}
        }
    }
    let (at, ticks) = found_at.expect("a finding");
    assert!(at < 1_000_000_000, "found at {at} ns, after the first tick");
    assert_eq!(ticks, 0, "found after {ticks} ticks were printed");
    assert_eq!(s.stdout(), "tick 0\ntick 1\ntick 2\n2 workers never finished\n");
    let f = &s.findings()[0];
    assert_eq!(f.kind.as_str(), "deadlock");
    assert!(
        f.message.contains("Lock-1") && f.message.contains("Lock-2"),
        "{}",
        f.message
    );
    assert_eq!(f.tasks.len(), 2);
}

/// Lost updates are looked for only when accesses are tracked (`interleave explain` tracks them).
#[test]
fn lost_updates_need_tracked_accesses() {
    let source =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/findings/lost_update_async.py"))
            .expect("program");
    let mut untracked = Session::new(&source, Config::default());
    untracked.run_to_end();
    assert!(untracked.findings().is_empty());
    let tracked = findings_of("lost_update_async.py", &source);
    assert_eq!(tracked, ["10: lost-update"]);
}

/// A long chain of tasks each awaiting the one before is no cycle, and analysing it neither overflows the stack
/// nor takes quadratic time (a search of waits that walked the whole chain at each new wait did both).
#[test]
fn a_chain_of_fifty_thousand_awaits_is_no_deadlock_and_no_deep_search() {
    let source = "import asyncio\n\
async def link(prev):\n    if prev is not None:\n        await prev\n    await asyncio.sleep(0.001)\n\
async def main():\n    prev = None\n    for _ in range(50_000):\n        prev = asyncio.create_task(link(prev))\n    await prev\n\
asyncio.run(main())\n";
    let mut s = Session::new(source, Config::default());
    assert_eq!(s.run_to_end(), 0, "{}", s.stderr());
    assert!(s.findings().is_empty());
}

/// The JSON form has the fields the command documents, and a clean run is `[]`.
#[test]
fn findings_as_json() {
    let mut s = Session::new(
        "import asyncio\nasync def f(): pass\nasync def main():\n    f()\nasyncio.run(main())\n",
        Config::default(),
    );
    s.run_to_end();
    let json = interleave::findings::to_json(s.findings());
    assert!(
        json.starts_with("[\n  {\"kind\": \"never-awaited\", \"message\": \"The coroutine f()"),
        "{json}"
    );
    assert!(
        json.contains("\"lines\": [4], \"tasks\": [\"Task-1\"], \"time\": "),
        "{json}"
    );
    let mut clean = Session::new("print(1)\n", Config::default());
    clean.run_to_end();
    assert_eq!(interleave::findings::to_json(clean.findings()), "[]");
}

fn tracked_run(file: &str) -> Session {
    let source = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/findings").join(file))
        .expect("program");
    let config = Config {
        track_accesses: true,
        ..Config::default()
    };
    let mut s = Session::new(&source, config);
    s.run_to_end();
    s
}

/// A deadlock carries its cycle for a host to draw: each lane with the lock it waits for, held by the next.
#[test]
fn a_deadlock_carries_its_cycle_of_lanes_and_locks() {
    let mut s = tracked_run("deadlock_two_locks_async.py");
    let f = s.findings()[0].clone();
    assert_eq!(f.kind.as_str(), "deadlock");
    assert_eq!(f.cycle.len(), 2);
    assert_eq!(f.lanes, f.cycle.iter().map(|(t, _)| *t).collect::<Vec<_>>());
    let trace = s.trace();
    let names: Vec<&str> = f
        .cycle
        .iter()
        .map(|(_, o)| trace.object_name(o.expect("a lock")))
        .collect();
    assert_eq!(names.len(), 2);
    assert_ne!(names[0], names[1]);
    for (k, (lane, obj)) in f.cycle.iter().enumerate() {
        // "A waits for Lock-n, held by B": the message says it in the cycle's order.
        let next = f.cycle[(k + 1) % 2].0;
        let who = match k {
            0 => interleave::findings::lane_name(trace, *lane),
            _ => "which".to_string(),
        };
        let step = format!(
            "{who} waits for {}, held by {}",
            trace.object_name(obj.unwrap()),
            interleave::findings::lane_name(trace, next)
        );
        assert!(f.message.contains(&step), "{step} / {}", f.message);
    }
}

/// A lost update carries its two windows and the three moments: the read, the other's write inside the
/// reader's window, and the stale write at its end.
#[test]
fn a_lost_update_carries_its_windows_and_moments() {
    let mut s = tracked_run("lost_update_threads.py");
    let f = s
        .findings()
        .iter()
        .find(|f| f.kind.as_str() == "lost-update")
        .expect("a lost update")
        .clone();
    let [mine, theirs] = f.windows[..] else {
        panic!("two windows: {:?}", f.windows)
    };
    assert_eq!(f.lanes, vec![mine.lane, theirs.lane]);
    assert_ne!(mine.lane, theirs.lane);
    let labels: Vec<_> = f.marks.iter().map(|m| m.label).collect();
    assert_eq!(labels, ["read", "other write", "stale write"]);
    let (read, other, stale) = (f.marks[0], f.marks[1], f.marks[2]);
    assert_eq!((read.lane, other.lane, stale.lane), (mine.lane, theirs.lane, mine.lane));
    assert_eq!((mine.from, mine.to), (read.at, stale.at));
    assert!(
        read.at <= other.at && other.at <= stale.at && read.at < stale.at,
        "{:?}",
        f.marks
    );
    assert_eq!(theirs.to, other.at);
    assert!(mine.from <= theirs.from && theirs.from <= theirs.to);
}

/// A blocking call's window is the step that held the loop.
#[test]
fn a_blocking_call_carries_the_step_that_held_the_loop() {
    let mut s = tracked_run("blocking_sleep_in_coroutine.py");
    let f = s.findings()[0].clone();
    assert_eq!(f.kind.as_str(), "blocking-call");
    let [w] = f.windows[..] else { panic!("{:?}", f.windows) };
    assert_eq!(f.lanes, vec![w.lane]);
    assert!(w.to - w.from >= interleave::findings::SLOW_STEP);
    assert_eq!(w.from, f.time);
    // Its event is the blocking call's, inside the step.
    let e = &s.trace().events[f.events[0]];
    assert!(
        matches!(e.kind, interleave::trace::EventKind::Blocked { .. }),
        "{:?}",
        e.kind
    );
    assert_eq!((e.task, e.line), (w.lane, f.lines[0]));
    assert!(w.from <= e.at && e.at < w.to);
}
