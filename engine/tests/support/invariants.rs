//! Checks a recorded trace against the state machine that `trace.rs`'s module doc promises.
//!
//! Shared by the determinism and fuzz tests through `#[path]`, so it is not a test crate of its own.

use interleave::trace::{
    EventKind, ObjId, ObjKind, SyncOp, TaskId, Time, Trace, WaitReason, Wake, END_OF_TIME, MAIN_THREAD,
};
use std::collections::{HashMap, HashSet, VecDeque};

/// Where one task stands, as its events so far say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Created, not yet scheduled.
    New,
    Queued,
    Running,
    Waiting,
    Finished,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TimerPhase {
    /// Armed for this deadline.
    Armed(Time),
    Ended,
}

/// Every broken promise of a finished run's trace, each as `event #i: what`. Empty when it keeps them all.
pub fn violations(trace: &Trace) -> Vec<String> {
    check(trace, true)
}

/// As [`violations`], for a run that has not ended: a task may still be running.
#[allow(dead_code)] // Only the fuzz test uses it.
pub fn violations_so_far(trace: &Trace) -> Vec<String> {
    check(trace, false)
}

fn check(trace: &Trace, ended: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut phases: HashMap<TaskId, Phase> = HashMap::new();
    let mut ready: VecDeque<TaskId> = VecDeque::new();
    // Threads (or the tasks running on them) waiting for the GIL: a FIFO of its own.
    let mut gil: VecDeque<TaskId> = VecDeque::new();
    let is_thread = |t: TaskId| t == MAIN_THREAD || trace.tasks.get(t as usize).is_some_and(|i| i.thread);
    let mut running: Option<TaskId> = None;
    let mut timers: HashMap<u32, TimerPhase> = HashMap::new();
    let mut holders: HashMap<u32, Vec<TaskId>> = HashMap::new();
    // Per semaphore: `Acquired` less `Released` so far, and the tasks suspended to acquire it that have not run
    // since (a release may have handed them a slot already).
    let mut taken: HashMap<u32, i64> = HashMap::new();
    let mut acquiring: HashMap<u32, HashSet<TaskId>> = HashMap::new();
    let mut last_at = 0;
    let mut gil_holder: Option<TaskId> = None;
    // Each process has its own GIL, loop and running task (and its own clock within a quantum): the checks
    // of one-at-a-time run per process. A lane belongs to its creator's process, up to a `ProcessStarted`.
    let mut owner: HashMap<TaskId, u32> = HashMap::new();
    let mut process_lanes: HashSet<TaskId> = HashSet::new();
    type PerProcess = (Option<TaskId>, VecDeque<TaskId>, VecDeque<TaskId>, Option<TaskId>, Time);
    let mut saved: HashMap<u32, PerProcess> = HashMap::new();
    let mut current = 0u32;
    // Per message sent: its channel and time, and whether it was received yet.
    let mut messages: Vec<(ObjId, Time, bool)> = Vec::new();
    for (i, e) in trace.events.iter().enumerate() {
        // A new lane's `Created` is its creator's process's event (the lane belongs to it from then on).
        let p = match e.kind {
            EventKind::Created { parent } if !owner.contains_key(&e.task) => owner.get(&parent),
            _ => owner.get(&e.task),
        }
        .copied()
        .unwrap_or(0);
        if p != current {
            saved.insert(
                current,
                (
                    running,
                    std::mem::take(&mut ready),
                    std::mem::take(&mut gil),
                    gil_holder,
                    last_at,
                ),
            );
            (running, ready, gil, gil_holder, last_at) = saved.remove(&p).unwrap_or_default();
            current = p;
        }
        let mut fail = |what: String| out.push(format!("event #{i} ({:?} of task {}): {what}", e.kind, e.task));
        if e.at < last_at {
            fail(format!("time runs backwards from {last_at} to {}", e.at));
        }
        last_at = e.at;
        let phase = phases.get(&e.task).copied();
        if e.task != MAIN_THREAD && phase.is_none() && !matches!(e.kind, EventKind::Created { .. }) {
            fail("the task's first event is not Created".into());
        }
        if e.task as usize >= trace.tasks.len() {
            fail(format!("task id past the {} recorded tasks", trace.tasks.len()));
        }
        match e.kind {
            EventKind::Created { parent } => {
                if e.task == MAIN_THREAD || phase.is_some() {
                    fail("Created twice, or for the main thread".into());
                }
                if parent != MAIN_THREAD && !phases.contains_key(&parent) {
                    fail(format!("parent {parent} was never created"));
                }
                owner.insert(e.task, p);
                phases.insert(e.task, Phase::New);
            }
            EventKind::Ready { by } => {
                if !matches!(phase, Some(Phase::New | Phase::Waiting | Phase::Running)) {
                    fail(format!("Ready from {phase:?}: a task is queued at most once"));
                }
                if phase == Some(Phase::Running) && !matches!(by, Wake::Yield) {
                    fail(format!("the running task was made ready by {by:?}"));
                }
                if by == Wake::Gil {
                    phases.insert(e.task, Phase::Queued);
                    gil.push_back(e.task);
                    continue;
                }
                if is_thread(e.task) {
                    fail("a thread's own lane joined the event loop's ready queue".into());
                }
                if let Wake::Timer(t) = by {
                    if !matches!(timers.get(&t), Some(TimerPhase::Ended)) {
                        fail(format!("woken by timer {t}, which has not fired"));
                    }
                }
                phases.insert(e.task, Phase::Queued);
                ready.push_back(e.task);
            }
            EventKind::Resumed => {
                if let Some(other) = running {
                    fail(format!("task {other} is still running"));
                }
                if gil.contains(&e.task) {
                    // The GIL goes to its waiters first come, first served.
                    if gil.front() != Some(&e.task) {
                        fail(format!("not the head of the GIL's FIFO {gil:?}"));
                    }
                    gil.retain(|&t| t != e.task);
                } else if is_thread(e.task) {
                    // A thread is never queued on a loop: it starts (the main thread, the program) and goes
                    // on when its own loop stops.
                    if !matches!(phase, None | Some(Phase::Waiting)) {
                        fail(format!("a thread resumed from {phase:?}"));
                    }
                } else if ready.front() != Some(&e.task) {
                    fail(format!("not the head of the FIFO ready queue {ready:?}"));
                }
                ready.retain(|&t| t != e.task);
                for waiting in acquiring.values_mut() {
                    waiting.remove(&e.task);
                }
                running = Some(e.task);
                phases.insert(e.task, Phase::Running);
            }
            EventKind::Suspended { reason } => {
                if matches!(reason, WaitReason::EventLoop) && !is_thread(e.task) {
                    fail(format!("{reason:?}: only a thread waits for its event loop"));
                }
                if !is_thread(e.task) && !trace.tasks.iter().any(|t| t.thread) && reason == WaitReason::Gil {
                    fail("a GIL hand-off in a program with one thread".into());
                }
                if running != Some(e.task) {
                    fail(format!("suspended while {running:?} runs"));
                }
                running = None;
                if let WaitReason::Sync {
                    obj,
                    op: SyncOp::Acquire,
                } = reason
                {
                    acquiring.entry(obj).or_default().insert(e.task);
                }
                // A task that yields is queued again before it is suspended.
                if phase != Some(Phase::Queued) {
                    phases.insert(e.task, Phase::Waiting);
                }
            }
            EventKind::Finished { .. } => {
                match phase {
                    Some(Phase::Running) if running == Some(e.task) => running = None,
                    // A deadlock ends the program while the main thread waits for the loop or a lock; a process
                    // may be killed while its main thread waits.
                    Some(Phase::Waiting)
                        if (e.task == MAIN_THREAD || process_lanes.contains(&e.task)) && running.is_none() => {}
                    // Cancelled before it ever ran: it leaves the ready queue without a Resumed.
                    Some(Phase::New | Phase::Queued) if running.is_none() => {
                        ready.retain(|&t| t != e.task);
                        gil.retain(|&t| t != e.task);
                    }
                    _ => fail(format!("finished from {phase:?} while {running:?} runs")),
                }
                phases.insert(e.task, Phase::Finished);
            }
            EventKind::Print { .. } | EventKind::Blocked { .. } => {
                if e.task != running.unwrap_or(MAIN_THREAD) {
                    fail(format!("recorded for a task that is not running ({running:?} is)"));
                }
            }
            EventKind::TimerArmed { timer, deadline } => {
                if timers.insert(timer, TimerPhase::Armed(deadline)).is_some() {
                    fail(format!("timer {timer} armed twice"));
                }
                // `call_at` may name a time already past, but no deadline lies beyond the end of time.
                if deadline > END_OF_TIME {
                    fail(format!("timer {timer} armed for {deadline}, past the end of time"));
                }
            }
            EventKind::TimerFired { timer } => match timers.insert(timer, TimerPhase::Ended) {
                Some(TimerPhase::Armed(deadline)) if e.at < deadline => {
                    fail(format!(
                        "timer {timer} fired at {} before its deadline {deadline}",
                        e.at
                    ));
                }
                Some(TimerPhase::Armed(_)) => {}
                _ => fail(format!("timer {timer} fires without being armed, or ends twice")),
            },
            EventKind::TimerCancelled { timer } => {
                if !matches!(timers.insert(timer, TimerPhase::Ended), Some(TimerPhase::Armed(_))) {
                    fail(format!("timer {timer} cancelled without being armed, or ends twice"));
                }
            }
            EventKind::Acquired { obj } => {
                let holding = holders.entry(obj).or_default();
                let exclusive = trace.objects.get(obj as usize).map(|o| o.kind);
                if matches!(exclusive, Some(ObjKind::Lock | ObjKind::Condition)) && !holding.is_empty() {
                    fail(format!("object {obj} acquired while {holding:?} hold it"));
                }
                holding.push(e.task);
                let info = trace.objects.get(obj as usize);
                if let Some(capacity) = info.and_then(|o| o.capacity) {
                    let n = taken.entry(obj).or_default();
                    *n += 1;
                    // A plain semaphore's extra releases add slots; nobody acquires a slot that is not free.
                    if *n > capacity as i64 {
                        fail(format!(
                            "semaphore {obj} of {capacity} slots acquired with none free ({n} taken)"
                        ));
                    }
                }
            }
            EventKind::Released { obj } => {
                let holding = holders.entry(obj).or_default();
                let info = trace.objects.get(obj as usize);
                if let Some(capacity) = info.and_then(|o| o.capacity) {
                    let n = taken.entry(obj).or_default();
                    *n -= 1;
                    // A bounded semaphore refuses a release that would take it past its initial value, except
                    // that a release hands its slot to a waiter at once, and a second release may come before
                    // the waiter runs and records that it acquired (CPython's check sees the slot taken too).
                    let in_flight = acquiring.get(&obj).map_or(0, |w| w.len() as i64);
                    if info.is_some_and(|o| o.kind == ObjKind::BoundedSemaphore) && -*n > in_flight {
                        fail(format!(
                            "bounded semaphore {obj} of {capacity} slots released {} times more than acquired",
                            -*n
                        ));
                    }
                }
                // asyncio lets any task release a lock, so the pairing is per object, not per task.
                match holding.iter().position(|&t| t == e.task) {
                    Some(at) => {
                        holding.remove(at);
                    }
                    None if !holding.is_empty() => {
                        holding.remove(0);
                    }
                    // A plain semaphore may be released more often than acquired: its counter just grows. A
                    // bounded one may only as checked above, or when a float value defeats its bound check (as
                    // in CPython), which leaves its capacity unknown.
                    None if info.is_some_and(|o| {
                        o.kind == ObjKind::Semaphore || (o.kind == ObjKind::BoundedSemaphore && o.capacity.is_none())
                    }) => {}
                    None if info.is_some_and(|o| o.kind == ObjKind::BoundedSemaphore)
                        && acquiring.get(&obj).is_some_and(|w| !w.is_empty()) => {}
                    None => fail(format!("object {obj} released while nobody holds it")),
                }
            }
            EventKind::GilTaken => {
                if let Some(h) = gil_holder {
                    fail(format!("the GIL taken while {h} holds it"));
                }
                if !is_thread(e.task) {
                    fail("a task, not a thread, took the GIL".into());
                }
                gil_holder = Some(e.task);
            }
            EventKind::GilDropped { .. } => {
                if gil_holder != Some(e.task) {
                    fail(format!(
                        "the GIL dropped by a thread that does not hold it ({gil_holder:?} does)"
                    ));
                }
                gil_holder = None;
            }
            EventKind::Renamed { .. } | EventKind::CancelRequested { .. } => {
                if phase == Some(Phase::Finished) {
                    fail("after the task finished".into());
                }
            }
            EventKind::ProcessStarted { process } => {
                if phase != Some(Phase::New) {
                    fail(format!("a process started on a lane in {phase:?}"));
                }
                owner.insert(e.task, process);
                process_lanes.insert(e.task);
            }
            EventKind::ProcessExited { .. } => {
                if phase != Some(Phase::Finished) || !process_lanes.contains(&e.task) {
                    fail(format!(
                        "a process exited from {phase:?}, or on a lane that is no process's"
                    ));
                }
            }
            EventKind::OnCore { .. } | EventKind::OffCore => {}
            EventKind::MessageSent { channel, msg } => {
                if msg as usize != messages.len() || msg as usize >= trace.messages.len() {
                    fail(format!("message {msg} sent out of order, or without its text"));
                }
                let kind = trace.objects.get(channel as usize).map(|o| o.kind);
                if !matches!(kind, Some(ObjKind::Channel | ObjKind::Socket)) {
                    fail(format!("message {msg} sent on {channel}, not a channel or a socket"));
                }
                messages.push((channel, e.at, false));
            }
            EventKind::MessageReceived { channel, msg } => match messages.get_mut(msg as usize) {
                Some((on, at, got)) if *on == channel && !*got && *at <= e.at => *got = true,
                _ => fail(format!(
                    "message {msg} received on {channel} but not sent there before, or twice"
                )),
            },
        }
        if e.task != MAIN_THREAD && phase == Some(Phase::Finished) && !matches!(e.kind, EventKind::Finished { .. }) {
            // Reported once above for Renamed/CancelRequested. A timer belongs to the task that armed it, and
            // may fire or be cancelled after that task is gone (a `call_later` callback outliving it).
            let reported = matches!(
                e.kind,
                EventKind::Renamed { .. }
                    | EventKind::CancelRequested { .. }
                    | EventKind::ProcessExited { .. }
                    | EventKind::OffCore
            );
            let timer = matches!(e.kind, EventKind::TimerFired { .. } | EventKind::TimerCancelled { .. });
            if !reported && !timer {
                out.push(format!(
                    "event #{i} ({:?}): task {} acts after it finished",
                    e.kind, e.task
                ));
            }
        }
    }
    // The main process's: children left running when the program ended are not asked to have finished.
    if current != 0 {
        running = saved.remove(&0).and_then(|s| s.0);
    }
    if let Some(t) = running.filter(|_| ended) {
        out.push(format!("task {t} was resumed and never suspended or finished"));
    }
    out
}

/// Events whose line lies outside the program: the line of some internal code leaked into the trace.
#[allow(dead_code)] // Only the determinism tests use it.
pub fn lines_outside(trace: &Trace, source: &str) -> Vec<String> {
    let lines = source.lines().count() as u32;
    let events = trace.events.iter().enumerate().filter(|(_, e)| e.line > lines);
    let tasks = trace.tasks.iter().filter(|t| t.created_line > lines);
    events
        .map(|(i, e)| {
            format!(
                "event #{i} ({:?} of task {}) is on line {} of {lines}",
                e.kind, e.task, e.line
            )
        })
        .chain(tasks.map(|t| format!("task {} was created on line {} of {lines}", t.name, t.created_line)))
        .collect()
}
