//! The GIL's rules, as CPython 3.11 switches threads: where a switch may happen, after how long, to whom, and
//! what lets go of it. Each test reads the run's output or its trace.

use interleave::session::{Config, Session};
use interleave::trace::{EventKind, TaskId, Time, WaitReason, Wake};

fn run(source: &str, config: Config) -> Session {
    let mut s = Session::new(source, config);
    let code = s.run_to_end();
    assert_eq!(code, 0, "the program failed:\n{}", s.stderr());
    s
}

fn run_default(source: &str) -> Session {
    run(source, Config::default())
}

/// The lane of the thread named `name`.
fn lane(s: &Session, name: &str) -> TaskId {
    s.trace()
        .tasks
        .iter()
        .position(|t| t.name == name)
        .unwrap_or_else(|| panic!("no lane named {name}")) as TaskId
}

/// The threads that took the GIL, in order, as `(lane, when)`.
fn gil_takes(s: &Session) -> Vec<(TaskId, Time)> {
    s.trace()
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Resumed)
        .map(|e| (e.task, e.at))
        .collect()
}

const RACE_IN_PLACE: &str = r#"
import sys, threading
sys.setswitchinterval(0.0001)
counter = 0
def work():
    global counter
    for _ in range(20000):
        counter += 1
threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
"#;

/// CPython 3.11 checks for a switch only at backward jumps, calls and function entries, so `counter += 1`
/// (load, add, store with no call between) is never interrupted: no update is lost.
#[test]
fn an_in_place_add_loses_no_update_at_311_switch_points() {
    let s = run_default(RACE_IN_PLACE);
    assert_eq!(s.stdout(), "80000\n");
    let switches = s
        .trace()
        .events
        .iter()
        .filter(|e| {
            matches!(
                e.kind,
                EventKind::Suspended {
                    reason: WaitReason::Gil
                }
            )
        })
        .count();
    assert!(
        switches > 10,
        "the threads should have switched often, not {switches} times"
    );
}

/// Switching at any instruction (Python 3.9 and older) brings the classic lost update back.
#[test]
fn switching_at_any_instruction_loses_updates() {
    let config = Config {
        switch_any_instruction: true,
        ..Config::default()
    };
    let s = run(RACE_IN_PLACE, config);
    let n: u64 = s.stdout().trim().parse().expect("a count");
    assert!(n < 80000, "no update was lost ({n})");
    assert!(n >= 20000, "more updates were lost than one thread makes ({n})");
}

/// A call between the read and the write is a switch point in 3.11 too: `counter = counter + f()` loses updates.
#[test]
fn a_call_between_read_and_write_loses_updates() {
    let source = r#"
import sys, threading
sys.setswitchinterval(0.0001)
counter = 0
def one():
    return 1
def work():
    global counter
    for _ in range(20000):
        counter = counter + one()
threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
"#;
    let s = run_default(source);
    let n: u64 = s.stdout().trim().parse().expect("a count");
    assert!(n < 80000, "no update was lost ({n})");
}

const TWO_CPU_BOUND: &str = r#"
import threading
def spin():
    n = 0
    for i in range(300000):
        n += i
threads = [threading.Thread(target=spin, name=f"T{k}") for k in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
"#;

/// With several CPU-bound threads, the holder lets go only after the switch interval (5 ms), and the waiters
/// take the GIL first come, first served: T0, T1, T2, T0, T1, T2...
#[test]
fn cpu_bound_threads_take_turns_after_the_interval_in_fifo_order() {
    let s = run_default(TWO_CPU_BOUND);
    let lanes: Vec<TaskId> = ["T0", "T1", "T2"].iter().map(|n| lane(&s, n)).collect();
    let takes: Vec<(TaskId, Time)> = gil_takes(&s).into_iter().filter(|(t, _)| lanes.contains(t)).collect();
    // Once all three run (the main thread waits in join) and until the first one ends, they rotate.
    let all: Vec<TaskId> = takes.iter().map(|(t, _)| *t).collect();
    assert!(all.len() > 12, "too few hand-offs: {takes:?}");
    let rotating = &all[4..all.len() - 6];
    for w in rotating.windows(4) {
        assert_eq!(w[0], w[3], "not a FIFO rotation: {rotating:?}");
        assert_ne!(w[0], w[1], "a thread took the GIL twice in a row: {rotating:?}");
    }
    // A forced switch comes one interval after the waiter asked: turns last at least 5 ms.
    let turns: Vec<Time> = takes.windows(2).map(|w| w[1].1 - w[0].1).collect();
    for t in &turns[4..turns.len() - 6] {
        assert!(
            (5_000_000..5_200_000).contains(t),
            "a turn of {t} ns, not one switch interval"
        );
    }
}

/// `sys.setswitchinterval` changes how long a turn lasts.
#[test]
fn the_switch_interval_is_a_setting_of_the_program() {
    let source = format!("import sys\nsys.setswitchinterval(0.001)\n{TWO_CPU_BOUND}");
    let s = run_default(&source);
    let lanes: Vec<TaskId> = ["T0", "T1", "T2"].iter().map(|n| lane(&s, n)).collect();
    let takes: Vec<(TaskId, Time)> = gil_takes(&s).into_iter().filter(|(t, _)| lanes.contains(t)).collect();
    let turn = takes[5].1 - takes[4].1;
    assert!((1_000_000..1_200_000).contains(&turn), "a turn of {turn} ns");
}

/// `Thread.start()` waits until the new thread has started, so the new thread runs first.
#[test]
fn a_started_thread_runs_before_start_returns() {
    let source = r#"
import threading
def hello():
    print("thread says hello")
t = threading.Thread(target=hello)
t.start()
print("start returned")
t.join()
"#;
    let s = run_default(source);
    assert_eq!(s.stdout(), "thread says hello\nstart returned\n");
}

/// A blocking call lets go of the GIL at once: while one thread sleeps, another computes, and the sleeper gets
/// the GIL back within one switch interval of waking.
#[test]
fn sleeping_releases_the_gil_and_waking_asks_for_it_back() {
    let source = r#"
import threading, time
def sleeper():
    time.sleep(0.002)
    print("woke")
def spinner():
    n = 0
    for i in range(300000):
        n += i
    print("spun")
a = threading.Thread(target=sleeper, name="sleeper")
b = threading.Thread(target=spinner, name="spinner")
a.start()
b.start()
a.join()
b.join()
"#;
    let s = run_default(source);
    assert_eq!(
        s.stdout(),
        "woke\nspun\n",
        "the sleeper should finish while the spinner computes"
    );
    let sleeper = lane(&s, "sleeper");
    let events = &s.trace().events;
    let slept = events
        .iter()
        .find(|e| {
            e.task == sleeper
                && matches!(
                    e.kind,
                    EventKind::Suspended {
                        reason: WaitReason::Sleep { .. }
                    }
                )
        })
        .expect("the sleeper's sleep is in the trace");
    let ready = events
        .iter()
        .find(|e| e.task == sleeper && e.at > slept.at && e.kind == (EventKind::Ready { by: Wake::Gil }))
        .expect("the sleeper asks for the GIL when it wakes");
    assert!(ready.at >= slept.at + 2_000_000, "woke early");
    let back = events
        .iter()
        .find(|e| e.task == sleeper && e.at >= ready.at && e.kind == EventKind::Resumed)
        .expect("the sleeper runs again");
    assert!(
        back.at - ready.at <= 5_100_000,
        "waited {} ns for the GIL",
        back.at - ready.at
    );
}

/// Threads never speed up CPU-bound work: one GIL, so four threads take as long as one doing it all.
#[test]
fn cpu_bound_work_takes_as_long_in_four_threads_as_in_one() {
    let work = |threads: usize| {
        format!(
            r#"
import threading, time
def spin(n):
    total = 0
    for i in range(n):
        total += i
start = time.perf_counter()
threads = [threading.Thread(target=spin, args=(200000 // {threads},)) for _ in range({threads})]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(time.perf_counter() - start)
"#
        )
    };
    let one: f64 = run_default(&work(1)).stdout().trim().parse().expect("seconds");
    let four: f64 = run_default(&work(4)).stdout().trim().parse().expect("seconds");
    assert!(four >= one * 0.95, "four threads took {four} s, one {one} s");
}

/// When every thread is blocked and nothing can wake them, the run ends saying who waits for what.
#[test]
fn a_lock_order_deadlock_names_who_waits_for_what() {
    let source = r#"
import threading, time
a = threading.Lock()
b = threading.Lock()
def one():
    with a:
        time.sleep(0.1)
        with b:
            pass
def two():
    with b:
        time.sleep(0.1)
        with a:
            pass
t1 = threading.Thread(target=one, name="first")
t2 = threading.Thread(target=two, name="second")
t1.start()
t2.start()
t1.join()
"#;
    let mut s = Session::new(source, Config::default());
    assert_eq!(s.run_to_end(), 1);
    let err = s.stderr();
    assert!(err.contains("deadlock"), "{err}");
    assert!(err.contains("first waits for Lock-"), "{err}");
    assert!(err.contains("second waits for Lock-"), "{err}");
    assert!(err.contains("held by first") && err.contains("held by second"), "{err}");
}

/// A daemon thread still running when the program ends is dropped, as at interpreter exit; a non-daemon one is
/// waited for.
#[test]
fn the_program_waits_for_non_daemon_threads_only() {
    let source = r#"
import threading, time
def late(word, delay):
    time.sleep(delay)
    print(word)
threading.Thread(target=late, args=("daemon", 2), daemon=True).start()
threading.Thread(target=late, args=("worker", 1)).start()
print("main done")
"#;
    let s = run_default(source);
    assert_eq!(s.stdout(), "main done\nworker\n");
}
