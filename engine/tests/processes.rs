//! Simulated processes: forked interpreters copy their parent's heap, what crosses between them follows
//! pickle's rules, and CPU-bound processes run in parallel on the machine's cores and share them past that.

use interleave::session::{Config, Session};
use interleave::trace::{EventKind, Time};

fn run(source: &str, cpus: u32) -> Session {
    let config = Config {
        cpu_count: cpus,
        ..Config::default()
    };
    let mut s = Session::new(source, config);
    let code = s.run_to_end();
    assert_eq!(code, 0, "{}", s.stderr());
    s
}

/// A child starts with a copy of its parent's state at `start()`: what either changes later, the other never
/// sees.
#[test]
fn a_child_gets_a_copy_of_the_parent_at_start() {
    let s = run(
        r#"
import multiprocessing
shared = {"list": [1], "n": 0}
def child(q):
    shared["list"].append("child")
    shared["n"] += 1
    q.put(repr(shared))
q = multiprocessing.Queue()
p = multiprocessing.Process(target=child, args=(q,))
shared["n"] = 10
p.start()
shared["list"].append("parent")
print(q.get())
p.join()
print(shared)
"#,
        4,
    );
    assert_eq!(
        s.stdout(),
        "{'list': [1, 'child'], 'n': 11}\n{'list': [1, 'parent'], 'n': 10}\n"
    );
}

/// What pickle refuses raises CPython's errors at the boundary.
#[test]
fn what_pickle_refuses_raises_cpythons_errors() {
    let s = run(
        r#"
import multiprocessing, threading
def gen():
    yield 1
def outer():
    def inner():
        pass
    return inner
a, b = multiprocessing.Pipe()
for obj in [lambda: 0, outer(), threading.Lock(), gen(), threading]:
    try:
        a.send(obj)
    except Exception as e:
        print(type(e).__name__, str(e).split(" at 0x")[0])
"#,
        4,
    );
    assert_eq!(
        s.stdout(),
        "PicklingError Can't pickle <function <lambda>\n\
         AttributeError Can't pickle local object 'outer.<locals>.inner'\n\
         TypeError cannot pickle '_thread.lock' object\n\
         TypeError cannot pickle 'generator' object\n\
         TypeError cannot pickle 'module' object\n"
    );
}

/// The virtual time a program takes to run `n` CPU-bound processes at once, on `cpus` cores.
fn elapsed_with(n: usize, cpus: u32) -> Time {
    let source = format!(
        r#"
import multiprocessing
def burn():
    total = 0
    for i in range(200_000):
        total += i
if __name__ == "__main__":
    ps = [multiprocessing.Process(target=burn) for _ in range({n})]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
"#
    );
    run(&source, cpus).now()
}

/// Two CPU-bound processes on two cores take about the time of one; the same work in one process takes twice
/// as long.
#[test]
fn cpu_bound_processes_run_in_parallel_on_their_cores() {
    let one = elapsed_with(1, 4);
    let two = elapsed_with(2, 4);
    let four = elapsed_with(4, 4);
    assert!(two < one * 12 / 10, "one process {one} ns, two {two} ns");
    assert!(
        four < one * 13 / 10,
        "one process {one} ns, four on four cores {four} ns"
    );
}

/// Past the machine's cores, processes share them: four on two cores take about twice as long as two.
#[test]
fn processes_share_the_cores_past_their_number() {
    let two = elapsed_with(2, 2);
    let four = elapsed_with(4, 2);
    let ratio = four as f64 / two as f64;
    assert!(
        (1.7..2.3).contains(&ratio),
        "two on two cores {two} ns, four {four} ns ({ratio:.2}x)"
    );
}

/// The trace names the processes and puts at most one on each core at a time, never more than the machine has.
#[test]
fn the_trace_shows_processes_on_at_most_cpu_count_cores() {
    let config = Config {
        cpu_count: 2,
        ..Config::default()
    };
    let source = r#"
import multiprocessing
def burn():
    total = 0
    for i in range(50_000):
        total += i
ps = [multiprocessing.Process(target=burn) for _ in range(3)]
for p in ps:
    p.start()
for p in ps:
    p.join()
"#;
    let mut s = Session::new(source, config);
    assert_eq!(s.run_to_end(), 0, "{}", s.stderr());
    let trace = s.trace();
    let names: Vec<&str> = trace.processes.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["MainProcess", "Process-1", "Process-2", "Process-3"]);
    let mut cores: Vec<Option<u32>> = vec![None; 2];
    let mut exited = 0;
    for e in &trace.events {
        match e.kind {
            EventKind::OnCore { core } => {
                let slot = cores.get_mut(core as usize).expect("a core the machine has");
                assert_eq!(*slot, None, "core {core} given twice at {}", e.at);
                *slot = Some(e.task);
            }
            EventKind::OffCore => {
                let slot = cores
                    .iter_mut()
                    .find(|c| **c == Some(e.task))
                    .expect("off a core it had");
                *slot = None;
            }
            EventKind::ProcessExited { code } => {
                assert_eq!(code, 0);
                exited += 1;
            }
            _ => {}
        }
    }
    assert_eq!(exited, 3);
}

/// A message through a pipe is sent on the sending lane (through a queue, on its feeder thread's) and received
/// on the getting one, and the
/// replay draws a GIL per process, a lane per core, and a lane per process that ends at its exit.
#[test]
fn messages_go_from_the_senders_lane_to_the_receivers_and_each_process_has_its_gil() {
    let s = run(
        r#"
import multiprocessing
def produce(q, conn):
    q.put(("item", 1))
    conn.send([1, 2, 3])
def consume(q):
    print(q.get())
q = multiprocessing.Queue()
a, b = multiprocessing.Pipe()
ps = [multiprocessing.Process(target=consume, args=(q,)), multiprocessing.Process(target=produce, args=(q, a))]
for p in ps:
    p.start()
print(b.recv())
for p in ps:
    p.join()
"#,
        2,
    );
    let trace = s.trace();
    let mut replay = interleave::replay::Replay::new();
    replay.extend(trace);
    let lane = |p: usize| trace.processes[p].lane;
    let mut ends: Vec<_> = replay
        .messages
        .iter()
        .map(|m| (trace.object_name(m.channel), m.sent.1, m.received.map(|r| r.1)))
        .collect();
    ends.sort();
    // A queue's item is sent by the putting process's feeder thread, as in CPython; a pipe's by the sender.
    let feeder = trace
        .tasks
        .iter()
        .position(|t| t.name.starts_with("QueueFeederThread"))
        .expect("a feeder");
    assert_eq!(
        ends,
        [("Pipe-1", lane(2), Some(0)), ("Queue-1", feeder as u32, Some(lane(1)))]
    );
    let mut messages = trace.messages.clone();
    messages.sort();
    assert_eq!(messages, ["('item', 1)", "list of 3"]);
    assert_eq!(replay.received.len(), 2);
    // Each process's GIL lane holds only its own threads.
    assert_eq!(replay.gils.len(), 3);
    for (p, gil) in replay.gils.iter().enumerate() {
        assert!(!gil.segments.is_empty(), "process {p} has a GIL lane");
        for seg in gil.segments.iter().filter_map(|s| s.holder) {
            assert_eq!(replay.process_of(seg), p as u32);
        }
    }
    assert_eq!(replay.cores.len(), 2);
    let on_cores: std::collections::HashSet<_> = replay
        .cores
        .iter()
        .flat_map(|c| c.segments.iter().filter_map(|s| s.holder))
        .collect();
    assert_eq!(on_cores, (0..3).map(lane).collect());
    assert_eq!(replay.exits, [None, Some(0), Some(0)]);
    let last = replay.procs[1].segments.last().expect("Process-1 ran");
    assert_eq!(last.phase, interleave::replay::TaskPhase::Done);
}

const RACE: &str = r#"
import multiprocessing as mp

def unlocked(v, n):
    for _ in range(n):
        v.value += 1

def locked(v, n):
    for _ in range(n):
        with v.get_lock():
            v.value += 1

if __name__ == "__main__":
    for f in (unlocked, locked):
        for v in (mp.Value("i", 0), mp.RawValue("i", 0)):
            if f is locked and not hasattr(v, "get_lock"):
                continue
            ps = [mp.Process(target=f, args=(v, 500)) for _ in range(4)]
            for p in ps:
                p.start()
            for p in ps:
                p.join()
            print(v.value)
"#;

/// Processes touching shared memory interleave finely, as on real cores: `v.value += 1` without the value's
/// lock loses updates (a read and its write are two steps), with the lock held around both it loses none.
#[test]
fn unlocked_updates_of_a_shared_value_are_lost() {
    let s = run(RACE, 4);
    let totals: Vec<i64> = s.stdout().lines().map(|l| l.parse().unwrap()).collect();
    let [synchronized, raw, locked] = totals[..] else {
        panic!("{}", s.stdout())
    };
    assert!(synchronized < 2000, "{synchronized}");
    assert!(raw < 2000, "{raw}");
    assert_eq!(locked, 2000);
}

/// A pool's task queue is named for it, and the replay follows its backlog: every task waits in it from the
/// `map` until a worker takes it, so it fills at once and drains as the workers take tasks, one at a time each.
#[test]
fn a_pools_task_queue_backlog_rises_at_map_and_drains_to_zero() {
    let s = run(
        r#"
from multiprocessing import Pool
def work(x):
    total = 0
    for i in range(2000):
        total += i * x
    return total
if __name__ == "__main__":
    with Pool(2) as pool:
        print(len(pool.map(work, range(12), chunksize=1)))
"#,
        2,
    );
    assert_eq!(s.stdout(), "12\n");
    let trace = s.trace();
    let mut replay = interleave::replay::Replay::new();
    replay.extend(trace);
    let names: Vec<_> = replay.backlogs.iter().map(|b| trace.object_name(b.channel)).collect();
    assert_eq!(names, ["Pool-1 task queue", "Pool-1 result queue"]);
    let tasks = &replay.backlogs[0];
    // All twelve are queued before the two workers can have taken more than a couple.
    assert!(tasks.peak >= 10, "peak {}", tasks.peak);
    assert!(
        tasks.steps.windows(2).all(|w| w[0].0 < w[1].0),
        "one step per time, in time order"
    );
    assert_eq!(tasks.steps.last().map(|s| s.1), Some(0), "drained");
    // It drains as the two workers take tasks, at most one each at any time, and what is taken is what was put.
    let (mut up, mut down) = (tasks.steps[0].1, 0);
    for w in tasks.steps.windows(2) {
        if w[1].1 > w[0].1 {
            up += w[1].1 - w[0].1;
        } else {
            assert!(w[0].1 - w[1].1 <= 2, "{w:?}");
            down += w[0].1 - w[1].1;
        }
    }
    assert_eq!((up, down), (12, 12));
    let mid = tasks.steps[tasks.steps.len() / 2].0;
    assert!(tasks.steps[tasks.step_at(mid)].1 < tasks.peak);
}

/// Other programs cannot run: asyncio's subprocess functions raise NotImplementedError saying so (after their
/// arguments, `asyncio.subprocess.PIPE` among them, evaluate), and a program can catch it.
#[test]
fn asyncio_subprocesses_say_why_they_cannot_start() {
    for call in [
        r#"asyncio.create_subprocess_exec("echo", "hi", stdout=asyncio.subprocess.PIPE)"#,
        r#"asyncio.create_subprocess_shell("sleep 1", stderr=asyncio.subprocess.STDOUT)"#,
    ] {
        let src = format!(
            "import asyncio\nasync def main():\n    try:\n        await {call}\n    except NotImplementedError as e:\n        print(e)\nasyncio.run(main())\n"
        );
        let s = run(&src, 4);
        assert!(
            s.stdout()
                .starts_with("Interleave runs no other programs, so asyncio.create_subprocess_"),
            "{}",
            s.stdout()
        );
    }
}
