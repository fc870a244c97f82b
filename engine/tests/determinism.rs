//! Slicing a run never changes it, and every recorded trace keeps the promises of `trace.rs`'s state machine.
//!
//! A run sliced into budgets of 1, 7 or 1000 steps, or into short stretches of virtual time, with the clock
//! pushed to arbitrary times whenever the program waits, must print and trace byte for byte what one
//! `run_to_end` does.

#[path = "support/invariants.rs"]
mod invariants;

use interleave::session::{Budget, Config, Session, Status};
use interleave::trace::{Event, ObjInfo, TaskInfo, Time};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

/// Everything a run produces that the host can observe.
#[derive(Debug, PartialEq, Eq)]
struct Outcome {
    exit_code: i32,
    stdout: String,
    stderr: String,
    events: Vec<Event>,
    tasks: Vec<TaskInfo>,
    objects: Vec<ObjInfo>,
    texts: Vec<String>,
    error: Option<(String, String, u32)>,
}

fn outcome(s: &Session, exit_code: i32) -> Outcome {
    let t = s.trace();
    Outcome {
        exit_code,
        stdout: s.stdout().to_string(),
        stderr: s.stderr().to_string(),
        events: t.events.clone(),
        tasks: t.tasks.clone(),
        objects: t.objects.clone(),
        texts: t.texts.clone(),
        error: s.error().map(|e| (e.kind.clone(), e.message.clone(), e.line)),
    }
}

fn whole(source: &str) -> Outcome {
    let mut s = Session::new(source, Config::default());
    let code = s.run_to_end();
    outcome(&s, code)
}

/// How the host treats the clock between slices.
#[derive(Debug, Clone, Copy)]
enum Clock {
    /// Straight to the deadline, as `run_to_end` does.
    Jump,
    /// Halfway first (the program must go on waiting, with nothing new recorded), then far past the deadline.
    HalfwayThenPast,
    /// Budgets of this much virtual time each, besides the steps.
    Slices(Time),
    /// Pushes the clock to pseudo-random times, past the deadline or short of it, whenever the program waits.
    Chaos(u64),
    /// As `Chaos`, and pushes it after every budget that ran out too (`advance_to` must then change nothing
    /// that matters: the clock may only move when nothing can run before the next timer).
    Pushy(u64),
}

/// A tiny xorshift, so the chaos is the same on every run of the test.
fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

fn sliced(source: &str, steps: u64, clock: Clock) -> Outcome {
    let mut s = Session::new(source, Config::default());
    let mut rng = match clock {
        Clock::Chaos(seed) | Clock::Pushy(seed) => seed | 1,
        _ => 1,
    };
    let mut calls = 0u64;
    loop {
        calls += 1;
        assert!(calls < 50_000_000, "the sliced run does not end");
        let until = match clock {
            Clock::Slices(dt) => s.now().saturating_add(dt),
            _ => Time::MAX,
        };
        let before = s.now();
        let status = s.run(Budget { steps, until });
        assert!(s.now() >= before, "run moved the clock backwards");
        match status {
            Status::Done { exit_code } => return outcome(&s, exit_code),
            Status::Runnable => {
                if let Clock::Pushy(_) = clock {
                    let deadline = s.next_deadline();
                    let now = s.now();
                    s.advance_to(now.saturating_add(next(&mut rng) % 1_000_000_000));
                    check_clock(&s, now, deadline);
                }
            }
            Status::Waiting { until: deadline } => {
                assert!(deadline > s.now(), "waiting for a time already reached");
                assert_eq!(s.next_deadline(), Some(deadline));
                let now = s.now();
                match clock {
                    Clock::Jump | Clock::Slices(_) => s.advance_to(deadline),
                    Clock::HalfwayThenPast => {
                        let events = s.trace().events.len();
                        s.advance_to(now + (deadline - now) / 2);
                        assert_eq!(s.run(Budget { steps, until }), Status::Waiting { until: deadline });
                        assert_eq!(
                            s.trace().events.len(),
                            events,
                            "a wait that has not ended recorded events"
                        );
                        s.advance_to(Time::MAX);
                        assert_eq!(s.now(), deadline, "advance_to went past the deadline");
                    }
                    Clock::Chaos(_) | Clock::Pushy(_) => {
                        let roll = next(&mut rng);
                        let t = match roll % 4 {
                            0 => Time::MAX,
                            1 => now.saturating_add(roll % (deadline - now)),
                            _ => deadline.saturating_add(roll % 1_000_000_000),
                        };
                        s.advance_to(t);
                        check_clock(&s, now, Some(deadline));
                    }
                }
            }
        }
    }
}

/// After `advance_to`, the clock is where it was or further, and never past the deadline.
fn check_clock(s: &Session, before: Time, deadline: Option<Time>) {
    assert!(s.now() >= before, "advance_to moved the clock backwards");
    match deadline {
        Some(d) => assert!(
            s.now() <= d.max(before),
            "advance_to passed the deadline {d}: now {}",
            s.now()
        ),
        None => assert_eq!(s.now(), before, "advance_to moved the clock with no timer to wait for"),
    }
}

fn first_difference(a: &Outcome, b: &Outcome) -> String {
    if a.stdout != b.stdout {
        return format!("stdout:\n{}\n--- vs ---\n{}", a.stdout, b.stdout);
    }
    if a.stderr != b.stderr {
        return format!("stderr:\n{}\n--- vs ---\n{}", a.stderr, b.stderr);
    }
    if let Some(i) = a.events.iter().zip(&b.events).position(|(x, y)| x != y) {
        return format!("event #{i}: {:?} vs {:?}", a.events[i], b.events[i]);
    }
    if a.events.len() != b.events.len() {
        return format!("{} events vs {}", a.events.len(), b.events.len());
    }
    format!("{a:?}\n--- vs ---\n{b:?}")
}

fn assert_same_under_slicing(name: &str, source: &str, slicings: &[(u64, Clock)]) {
    let mut s = Session::new(source, Config::default());
    s.run_to_end();
    let broken = invariants::violations(s.trace());
    let reference = whole(source);
    assert!(
        broken.is_empty(),
        "{name}: the trace breaks its invariants:\n{}",
        broken.join("\n")
    );
    for &(steps, clock) in slicings {
        let got = sliced(source, steps, clock);
        assert!(
            got == reference,
            "{name}: budgets of {steps} steps with {clock:?} differ from run_to_end: {}",
            first_difference(&reference, &got)
        );
    }
}

const ALL_SLICINGS: &[(u64, Clock)] = &[
    (1, Clock::Jump),
    (7, Clock::HalfwayThenPast),
    (1000, Clock::HalfwayThenPast),
    (7, Clock::Chaos(0x9e37_79b9_7f4a_7c15)),
    (1000, Clock::Chaos(12345)),
    (u64::MAX, Clock::Slices(1_000)),
    (13, Clock::Slices(3_000_000)),
];

const GATHER: &str = r#"
import asyncio

async def worker(name, delay):
    print(name, "start")
    await asyncio.sleep(delay)
    print(name, "done")
    return name * 2

async def main():
    results = await asyncio.gather(worker("a", 0.3), worker("b", 0.1), worker("c", 0.2), worker("d", 0))
    print(results)

asyncio.run(main())
"#;

const LOCKS: &str = r#"
import asyncio

counter = 0

async def bump(lock, name):
    global counter
    for i in range(3):
        async with lock:
            value = counter
            await asyncio.sleep(0.01)
            counter = value + 1
            print(name, counter)

async def main():
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(2)
    async def limited(i):
        async with sem:
            await asyncio.sleep(0.05 * i)
            print("limited", i)
    await asyncio.gather(bump(lock, "x"), bump(lock, "y"), *(limited(i) for i in range(4)))
    print("counter", counter)

asyncio.run(main())
"#;

const QUEUES: &str = r#"
import asyncio

async def producer(q, n):
    for i in range(n):
        await q.put(i)
        print("put", i)
        await asyncio.sleep(0.02)
    await q.join()
    print("all processed")

async def consumer(q, name):
    while True:
        item = await q.get()
        await asyncio.sleep(0.05)
        print(name, "got", item)
        q.task_done()

async def main():
    q = asyncio.Queue(maxsize=2)
    workers = [asyncio.create_task(consumer(q, f"w{i}")) for i in range(2)]
    await producer(q, 6)
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    print("cancelled", [w.cancelled() for w in workers])

asyncio.run(main())
"#;

const TIMEOUTS: &str = r#"
import asyncio

async def slow():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("slow cancelled")
        raise

async def main():
    try:
        await asyncio.wait_for(slow(), timeout=0.5)
    except asyncio.TimeoutError:
        print("wait_for timed out")
    try:
        async with asyncio.timeout(0.25):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout block expired")
    done, pending = await asyncio.wait([asyncio.create_task(asyncio.sleep(t)) for t in (0.1, 0.2, 5)], timeout=0.3)
    print(len(done), len(pending))
    for t in pending:
        t.cancel()
    ev = asyncio.Event()
    asyncio.get_running_loop().call_later(0.2, ev.set)
    await ev.wait()
    print("event set at", round(asyncio.get_running_loop().time(), 3) >= 0)

asyncio.run(main())
"#;

const CPU_BOUND: &str = r#"
import asyncio
import time

async def crunch(name, n):
    total = 0
    for i in range(n):
        total += i * i
        if i % 500 == 0:
            await asyncio.sleep(0)
    print(name, total)

async def sleeper():
    print("sleeper blocks")
    time.sleep(0.05)
    print("sleeper wakes")
    await asyncio.sleep(0.001)
    print("sleeper done")

async def ticker():
    for i in range(5):
        print("tick", i)
        await asyncio.sleep(0.0001)

async def main():
    await asyncio.gather(crunch("a", 3000), sleeper(), ticker(), crunch("b", 2000))

asyncio.run(main())
print("after the loop")
"#;

const ERRORS: &str = r#"
import asyncio

async def fails(delay):
    await asyncio.sleep(delay)
    raise ValueError(f"boom {delay}")

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fails(0.1))
        tg.create_task(asyncio.sleep(1))
        tg.create_task(fails(0.2))

asyncio.run(main())
"#;

#[test]
fn gather_is_the_same_however_it_is_sliced() {
    assert_same_under_slicing("gather", GATHER, ALL_SLICINGS);
}

#[test]
fn locks_and_semaphores_are_the_same_however_they_are_sliced() {
    assert_same_under_slicing("locks", LOCKS, ALL_SLICINGS);
}

#[test]
fn queues_are_the_same_however_they_are_sliced() {
    assert_same_under_slicing("queues", QUEUES, ALL_SLICINGS);
}

#[test]
fn timeouts_are_the_same_however_they_are_sliced() {
    assert_same_under_slicing("timeouts", TIMEOUTS, ALL_SLICINGS);
}

#[test]
fn cpu_bound_tasks_and_time_sleep_are_the_same_however_they_are_sliced() {
    assert_same_under_slicing("cpu_bound", CPU_BOUND, ALL_SLICINGS);
}

#[test]
fn an_uncaught_exception_group_is_the_same_however_it_is_sliced() {
    assert_same_under_slicing("errors", ERRORS, ALL_SLICINGS);
}

/// Three threads contend for one lock: each release wakes one waiter, at the release, however the run is
/// sliced (a waiter woken by polling after the release woke at the next slice's start).
const LOCK_WAITERS: &str = r#"
import threading
import time

lock = threading.Lock()
held = threading.Event()

def holder():
    with lock:
        held.set()
        time.sleep(1)
        print("holder releasing")

threading.Thread(target=holder).start()
threading.Thread(target=holder).start()
held.wait()
print("acquire(timeout=0.1):", lock.acquire(timeout=0.1))
print("acquire():", lock.acquire())
lock.release()
"#;

#[test]
fn a_lock_with_several_waiters_is_the_same_however_it_is_sliced() {
    assert_same_under_slicing("lock_waiters", LOCK_WAITERS, ALL_SLICINGS);
    let steps: Vec<(u64, Clock)> = [1, 2, 50_000].into_iter().map(|n| (n, Clock::Jump)).collect();
    assert_same_under_slicing("lock_waiters", LOCK_WAITERS, &steps);
}

const LEFTOVER_TASK: &str = r#"
import asyncio

async def main():
    asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    print("main done")

asyncio.run(main())
"#;

#[test]
fn pushing_the_clock_after_a_spent_budget_changes_nothing() {
    let pushy: Vec<(u64, Clock)> = [1, 3, 7, 50].into_iter().map(|n| (n, Clock::Pushy(n * 31))).collect();
    for (name, source) in [("leftover_task", LEFTOVER_TASK), ("gather", GATHER), ("queues", QUEUES)] {
        assert_same_under_slicing(name, source, &pushy);
    }
}

const MAIN_THREAD_SLEEP: &str = r#"
import time
print("before")
time.sleep(0.5)
print("after")
"#;

const IMPORTS_ONLY: &str = "import asyncio\nprint('imported')\n";

/// The calls of a run sliced into `dt` nanoseconds of virtual time that end past their `until` (the first few).
fn overshoots(source: &str, dt: Time) -> Option<String> {
    let mut s = Session::new(source, Config::default());
    let mut found = Vec::new();
    for _ in 0..10_000_000 {
        let until = s.now().saturating_add(dt);
        let before = s.now();
        let status = s.run(Budget { steps: u64::MAX, until });
        if s.now() > until && found.len() < 3 {
            found.push(format!(
                "from {before} until {until} returned {status:?} at {}",
                s.now()
            ));
        }
        match status {
            Status::Done { .. } => return (!found.is_empty()).then(|| found.join("; ")),
            Status::Waiting { until } => s.advance_to(until),
            Status::Runnable => {}
        }
    }
    Some("the run does not end".into())
}

#[test]
fn a_run_never_passes_its_time_budget() {
    let programs = [
        ("imports_only", IMPORTS_ONLY),
        ("main_thread_sleep", MAIN_THREAD_SLEEP),
        ("gather", GATHER),
        ("cpu_bound", CPU_BOUND),
    ];
    let failures: Vec<String> = programs
        .iter()
        .filter_map(|(name, source)| overshoots(source, 1_000).map(|e| format!("{name}: {e}")))
        .collect();
    assert!(failures.is_empty(), "runs past Budget::until:\n{}", failures.join("\n"));
}

#[test]
fn two_runs_of_a_seeded_random_program_are_identical() {
    let source = "import random\nprint([random.random() for _ in range(5)], random.choice('abcdef'))\n";
    assert_eq!(whole(source), whole(source));
}

const IDENTITIES: &str = r#"
class C:
    pass

def f():
    pass

print(id(C), id(f), id(C()), id(print), id(object()), id([]))
print(hash(C), hash(f), hash(C()), hash(object()))
print(f, object(), lambda: 0, C())
"#;

#[test]
fn ids_hashes_and_addresses_do_not_depend_on_the_allocator() {
    // Both sessions stay alive, so the second cannot reuse the first one's memory.
    let mut first = Session::new(IDENTITIES, Config::default());
    first.run_to_end();
    let mut second = Session::new(IDENTITIES, Config::default());
    second.run_to_end();
    assert_eq!(first.stderr(), "");
    assert_eq!(first.stdout(), second.stdout());
}

fn programs_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("programs")
}

/// Whether a program has anything concurrent in it: asyncio, threads, pools, queues.
fn is_concurrent(source: &str) -> bool {
    ["asyncio", "thread", "concurrent", "queue", "multiprocessing"]
        .iter()
        .any(|w| source.contains(w))
}

/// Every program of the corpus, sorted.
fn all_programs(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for path in entries.flatten().map(|e| e.path()) {
        if path.is_dir() {
            all_programs(&path, out);
        } else if path.extension().is_some_and(|x| x == "py") {
            out.push(path);
        }
    }
    out.sort();
}

/// Which programs of the corpus a check runs on.
#[derive(Clone, Copy)]
enum Programs {
    Concurrent,
    All,
}

/// Runs `check` on each program on a big-stacked thread with a time limit; collects failures instead of stopping.
fn over_corpus(which: Programs, check: fn(&str, &str) -> Result<(), String>) {
    let root = programs_root();
    let mut programs = Vec::new();
    all_programs(&root, &mut programs);
    assert!(
        programs.len() > 400,
        "the corpus is missing: {} programs",
        programs.len()
    );
    if let Programs::Concurrent = which {
        programs.retain(|p| fs::read_to_string(p).is_ok_and(|s| is_concurrent(&s)));
        assert!(
            programs.len() > 150,
            "the concurrent corpus is missing: {} programs",
            programs.len()
        );
    }
    // As `tests/programs.rs` takes it: only the programs whose path contains one of the comma-separated parts.
    if let Ok(filter) = std::env::var("PROGRAMS_FILTER") {
        let parts: Vec<&str> = filter.split(',').filter(|p| !p.is_empty()).collect();
        programs.retain(|p| {
            let name = p.strip_prefix(&root).unwrap().display().to_string();
            parts.is_empty() || parts.iter().any(|part| name.contains(part))
        });
    }
    let mut failures = Vec::new();
    for path in &programs {
        let name = path.strip_prefix(&root).unwrap().display().to_string();
        let source = fs::read_to_string(path).unwrap();
        let (tx, rx) = mpsc::channel();
        let label = name.clone();
        thread::Builder::new()
            .stack_size(64 << 20)
            .spawn(move || {
                let r = std::panic::catch_unwind(|| check(&label, &source));
                let _ = tx.send(r.unwrap_or_else(|_| Err("panicked".into())));
            })
            .unwrap();
        match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(Ok(())) => {}
            Ok(Err(e)) => failures.push(format!("{name}: {e}")),
            Err(_) => failures.push(format!("{name}: no answer within 60 s")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} programs:\n{}",
        failures.len(),
        programs.len(),
        failures.join("\n")
    );
}

#[test]
fn every_program_in_the_corpus_keeps_the_trace_invariants() {
    over_corpus(Programs::All, |_, source| {
        let mut s = Session::new(source, Config::default());
        s.run_to_end();
        let broken = invariants::violations(s.trace());
        match broken.len() {
            0 => Ok(()),
            n => Err(format!("{n} violations, first: {}", broken[0])),
        }
    });
}

/// The slicings every concurrent program is checked under.
const CORPUS_SLICINGS: &[(u64, Clock)] = &[
    (7, Clock::Chaos(7)),
    (1000, Clock::HalfwayThenPast),
    (u64::MAX, Clock::Slices(50_000)),
];

/// The one slicing of a program with nothing concurrent in it, which has only its own code to cut: budgets of
/// a prime number of steps, so that they end all over the program, with the clock pushed about whenever it
/// sleeps. Smaller budgets cost more than they find: on 2026-12-07 (debug build, a busy machine) the 296 such
/// programs took 26 s with budgets of 13 steps, 17 s with 97 (8 s of it `builtins/long_builtin_iterations.py`),
/// while the 396 concurrent ones take 148 s under their three slicings.
const SEQUENTIAL_SLICINGS: &[(u64, Clock)] = &[(97, Clock::Chaos(97))];

#[test]
fn every_program_in_the_corpus_is_the_same_when_sliced() {
    over_corpus(Programs::All, |_, source| {
        let reference = whole(source);
        let slicings = if is_concurrent(source) {
            CORPUS_SLICINGS
        } else {
            SEQUENTIAL_SLICINGS
        };
        for &(steps, clock) in slicings {
            let got = sliced(source, steps, clock);
            if got != reference {
                return Err(format!(
                    "{steps} steps, {clock:?}: {}",
                    first_difference(&reference, &got)
                ));
            }
        }
        Ok(())
    });
}

#[test]
fn every_event_of_the_corpus_lies_on_a_line_of_its_program() {
    over_corpus(Programs::Concurrent, |_, source| {
        let mut s = Session::new(source, Config::default());
        s.run_to_end();
        let outside = invariants::lines_outside(s.trace(), source);
        match outside.len() {
            0 => Ok(()),
            n => Err(format!("{n} events or tasks, first: {}", outside[0])),
        }
    });
}

const PAST_THE_END_OF_TIME: &str = r#"
import asyncio

async def worker(name, count):
    for i in range(count):
        await asyncio.sleep(1e300)
        print(f"{name} step {i}")

async def main():
    await asyncio.gather(worker("fast", 4), worker("slow", 2))

asyncio.run(main())
print("the end")
"#;

#[test]
fn sleeps_past_the_end_of_time_still_end_the_same_however_they_are_sliced() {
    // Deadlines stop at END_OF_TIME, so the clock never saturates and a host's `now + slice` stays ahead.
    let out = whole(PAST_THE_END_OF_TIME);
    assert!(out.stdout.ends_with("the end\n"), "{}", out.stdout);
    assert_same_under_slicing("past_the_end_of_time", PAST_THE_END_OF_TIME, ALL_SLICINGS);
    assert_eq!(overshoots(PAST_THE_END_OF_TIME, 1_000_000_000), None);
}

/// Objects whose repr shows an address, hashed by identity, and default task names: everything a run counts.
const COUNTS_THINGS: &str = r#"
import asyncio
class Thing:
    pass
def f():
    pass
async def work(n):
    await asyncio.sleep(n / 10)
    return object()
async def main():
    tasks = [asyncio.create_task(work(n)) for n in range(3)]
    print([t.get_name() for t in tasks])
    print(f, Thing(), [repr(x)[-16:] for x in await asyncio.gather(*tasks)])
    print(id(f) == id(f), hash(Thing()) != 0)
asyncio.run(main())
"#;

/// Two sessions run side by side in one thread (an embedding page runs several) and each prints and traces what
/// it would alone: no state of one run lives outside its session.
#[test]
fn two_sessions_side_by_side_do_not_notice_each_other() {
    let alone = whole(COUNTS_THINGS);
    assert_eq!(alone.exit_code, 0, "{}", alone.stderr);
    let mut a = Session::new(COUNTS_THINGS, Config::default());
    let mut b = Session::new(COUNTS_THINGS, Config::default());
    let mut done = [None, None];
    while done.iter().any(Option::is_none) {
        for (i, s) in [&mut a, &mut b].into_iter().enumerate() {
            if done[i].is_some() {
                continue;
            }
            match s.run(Budget {
                steps: 7,
                until: Time::MAX,
            }) {
                Status::Done { exit_code } => done[i] = Some(exit_code),
                Status::Waiting { until } => s.advance_to(until),
                Status::Runnable => {}
            }
        }
    }
    for (s, code) in [(&a, done[0]), (&b, done[1])] {
        let o = outcome(s, code.unwrap_or(-1));
        assert!(
            o == alone,
            "a session run beside another differs: {}",
            first_difference(&alone, &o)
        );
    }
}

const BOUNDED: &str = r#"
import asyncio

async def main():
    sem = asyncio.BoundedSemaphore(1)
    async with sem:
        await asyncio.sleep(0.5)
    print("released")

asyncio.run(main())
"#;

/// The invariants catch what they are for: a trace of a real run, then the same trace with one thing broken.
#[test]
fn the_invariants_catch_a_bounded_semaphore_released_twice_and_a_timer_fired_early() {
    use interleave::trace::EventKind;
    let mut s = Session::new(BOUNDED, Config::default());
    assert_eq!(s.run_to_end(), 0, "{}", s.stderr());
    let trace = s.trace().clone();
    assert_eq!(invariants::violations(&trace), Vec::<String>::new());
    let sem = trace
        .objects
        .iter()
        .position(|o| o.name == "BoundedSemaphore-1")
        .unwrap();
    assert_eq!(trace.objects[sem].capacity, Some(1));

    // The semaphore released a second time, right after its release.
    let mut twice = trace.clone();
    let at = twice
        .events
        .iter()
        .position(|e| matches!(e.kind, EventKind::Released { .. }))
        .unwrap();
    twice.events.insert(at + 1, twice.events[at]);
    let broken = invariants::violations(&twice);
    assert!(
        broken.iter().any(|v| v.contains("released 1 times more than acquired")),
        "{broken:?}"
    );

    // The sleep's timer fired at its arming time, before its deadline.
    let mut early = trace.clone();
    let armed = early
        .events
        .iter()
        .position(|e| matches!(e.kind, EventKind::TimerArmed { .. }))
        .unwrap();
    let fired = early
        .events
        .iter()
        .position(|e| matches!(e.kind, EventKind::TimerFired { .. }))
        .unwrap();
    let armed_at = early.events[armed].at;
    for e in &mut early.events[armed..=fired] {
        e.at = armed_at;
    }
    let broken = invariants::violations(&early);
    assert!(broken.iter().any(|v| v.contains("before its deadline")), "{broken:?}");
}

const SHARED_VALUE_RACE: &str = r#"
import multiprocessing as mp

def add(v, n, lock):
    for _ in range(n):
        if lock:
            with v.get_lock():
                v.value += 1
        else:
            v.value += 1

if __name__ == "__main__":
    for lock in (False, True):
        v = mp.Value("i", 0)
        ps = [mp.Process(target=add, args=(v, 40, lock)) for _ in range(3)]
        for p in ps:
            p.start()
        for p in ps:
            p.join()
        print(lock, v.value)
"#;

/// Processes racing on a shared value interleave the same way under any slicing, losing the same updates.
#[test]
fn shared_value_races_are_the_same_however_they_are_sliced() {
    assert_same_under_slicing("shared value race", SHARED_VALUE_RACE, ALL_SLICINGS);
}
