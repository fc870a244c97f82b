//! Words for what the trace shows: times in seconds, what a task was doing and why, and each task's hue.

use interleave::replay::{LaneId, Segment, TaskPhase, TaskState};
use interleave::trace::{
    EventKind, GilDrop, ObjId, ObjKind, SyncOp, TaskId, Time, Trace, WaitReason, Wake, MAIN_THREAD,
};

/// `1.250 s`: virtual time with three decimals.
pub fn seconds(t: Time) -> String {
    seconds_with(t, 3)
}

/// A stretch of virtual time in the unit that reads best: `120 ms`, `1.5 s`, `80 µs`.
pub fn duration(t: Time) -> String {
    let trim = |x: f64| {
        let s = format!("{x:.1}");
        s.strip_suffix(".0").map_or(s.clone(), str::to_string)
    };
    match t {
        0..=999 => format!("{t} ns"),
        1_000..=999_999 => format!("{} \u{b5}s", trim(t as f64 / 1e3)),
        1_000_000..=999_999_999 => format!("{} ms", trim(t as f64 / 1e6)),
        _ => format!("{} s", trim(t as f64 / 1e9)),
    }
}

/// Virtual time with `decimals` digits after the point (up to nine, nanoseconds).
pub fn seconds_with(t: Time, decimals: usize) -> String {
    let decimals = decimals.min(9);
    let whole = t / 1_000_000_000;
    if decimals == 0 {
        return format!("{} s", (t + 500_000_000) / 1_000_000_000);
    }
    let scale = 10u64.pow(9 - decimals as u32);
    let frac = (t % 1_000_000_000 + scale / 2) / scale;
    let limit = 10u64.pow(decimals as u32);
    let (whole, frac) = if frac >= limit {
        (whole + 1, frac - limit)
    } else {
        (whole, frac)
    };
    format!("{whole}.{frac:0decimals$} s")
}

/// Groups digits in threes: 1234567 as "1,234,567".
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A task's hue on the colour wheel: golden-angle steps keep neighbours apart; the main thread is grey.
pub fn task_hue(task: TaskId) -> u32 {
    task.wrapping_mul(137).wrapping_add(200) % 360
}

/// The inline style giving an element its task's colour variables.
pub fn task_style(task: TaskId) -> String {
    if task == MAIN_THREAD {
        "--task-hue: 220; --task-sat: 0%".to_string()
    } else {
        format!("--task-hue: {}", task_hue(task))
    }
}

fn object(trace: &Trace, obj: ObjId) -> &str {
    trace.object_name(obj)
}

/// "waiting for Lock-1", "waiting to get from Queue-1"...
pub fn sync_wait(trace: &Trace, obj: ObjId, op: SyncOp) -> String {
    let name = object(trace, obj);
    match op {
        SyncOp::Acquire => format!("waiting for {name}"),
        SyncOp::Wait => format!("waiting on {name}"),
        SyncOp::Get => format!("waiting to get from {name}"),
        SyncOp::Put => format!("waiting to put into {name}"),
        SyncOp::Join => format!("waiting for {name} to be drained"),
    }
}

/// "waiting for Process-1 to end", "waiting for a message on Pipe-1 from another process"...
fn process_wait(trace: &Trace, obj: Option<ObjId>) -> String {
    let Some(info) = obj.and_then(|o| trace.objects.get(o as usize)) else {
        return "waiting for another process (to release a lock, set an event, change a shared value)".into();
    };
    let name = &info.name;
    match info.kind {
        ObjKind::Process => format!("waiting for {name} to end (join)"),
        _ if name.starts_with("Pipe") => format!("waiting for a message on {name} from another process"),
        _ => format!("waiting on {name} for another process to put a message (or, when it is full, take one)"),
    }
}

fn net_wait(trace: &Trace, obj: Option<ObjId>) -> String {
    match obj.and_then(|o| trace.objects.get(o as usize)) {
        Some(info) if info.name.starts_with("127.") => {
            format!("waiting for the network: data or a connection on {}", info.name)
        }
        Some(info) => format!("waiting for {} (the network)", info.name),
        None => "waiting for the network".into(),
    }
}

fn wake(trace: &Trace, by: Wake) -> String {
    match by {
        Wake::Spawn => "just created".into(),
        Wake::Yield => "yielded to the others".into(),
        Wake::Timer(_) => "woken by its timer".into(),
        Wake::Done { by, .. } if by != MAIN_THREAD => format!("woken by {}", trace.task_name(by)),
        // Only futures and their kin complete; for anything else the object says nothing useful.
        Wake::Done { obj, .. } => match trace.objects.get(obj as usize).map(|o| o.kind) {
            Some(ObjKind::Future | ObjKind::Gather | ObjKind::Timeout | ObjKind::TaskGroup) => {
                format!("woken when {} completed", object(trace, obj))
            }
            _ => "woken up".into(),
        },
        Wake::Cancel { by } => format!("cancelled by {}", trace.task_name(by)),
        Wake::Gil => "waiting for the GIL".into(),
    }
}

/// What a phase means, without when: "sleeping until 2.000 s", "awaiting Task-2".
pub fn phase(trace: &Trace, phase: TaskPhase) -> String {
    match phase {
        TaskPhase::New => "created, not yet scheduled".into(),
        TaskPhase::Ready(Wake::Gil) => "could run, waiting for the GIL".into(),
        TaskPhase::Ready(by) => format!("ready ({})", wake(trace, by)),
        TaskPhase::Running => "running".into(),
        TaskPhase::Waiting(WaitReason::Yield) => "yielding".into(),
        TaskPhase::Waiting(WaitReason::Sleep { until }) => {
            format!("sleeping until {}", seconds(until))
        }
        TaskPhase::Waiting(WaitReason::Task(t)) => format!("awaiting {}", trace.task_name(t)),
        TaskPhase::Waiting(WaitReason::Future(obj)) => format!("awaiting {}", object(trace, obj)),
        TaskPhase::Waiting(WaitReason::Sync { obj, op }) => sync_wait(trace, obj, op),
        TaskPhase::Waiting(WaitReason::EventLoop) => {
            "in asyncio.run, waiting while the event loop runs the tasks".into()
        }
        TaskPhase::Waiting(WaitReason::Gil) => {
            "let go of the GIL: its switch interval ran out while another thread waited".into()
        }
        TaskPhase::Waiting(WaitReason::Process { obj }) => process_wait(trace, obj),
        TaskPhase::Waiting(WaitReason::Net { obj }) => net_wait(trace, obj),
        TaskPhase::Blocking { until } => {
            format!("blocking the whole loop until {} (time.sleep)", seconds(until))
        }
        TaskPhase::Done => "done".into(),
        TaskPhase::Cancelled => "cancelled".into(),
        TaskPhase::Failed { exc } => format!("failed with {}", trace.text(exc)),
    }
}

/// One sentence for a timeline segment: "Task-2: waiting for Lock-1, held by Task-3, since 1.250 s, line 14".
pub fn segment(trace: &Trace, task: TaskId, seg: &Segment) -> String {
    let span = || {
        if seg.is_open() {
            format!("since {}", seconds(seg.start))
        } else {
            format!("from {} to {}", seconds(seg.start), seconds(seg.end))
        }
    };
    let process = |p: u32| trace.processes.get(p as usize).map_or("?", |i| i.name.as_str());
    match LaneId::of(task) {
        LaneId::Gil(p) => return gil_segment(trace, p, seg),
        LaneId::Core(c) => {
            let on = trace.processes.iter().find(|i| Some(i.lane) == seg.holder);
            return match on {
                Some(i) => format!("Core {c}: {} (pid {}) runs on it {}", i.name, i.pid, span()),
                None => format!("Core {c}: idle {}", span()),
            };
        }
        LaneId::Process(p) if seg.phase.is_finished() => {
            return format!("{}: ended at {}", process(p), seconds(seg.start));
        }
        LaneId::Process(p) => {
            let core = seg.holder.unwrap_or(0);
            return format!("{}: on core {core} {}", process(p), span());
        }
        LaneId::Task(_) => {}
    }
    let mut s = format!("{}: {}", trace.task_name(task), phase(trace, seg.phase));
    if matches!(seg.phase, TaskPhase::Waiting(WaitReason::Net { .. })) && !seg.is_open() {
        // How long the network took is the point of the wait: "waiting for example.com (the network): 120 ms".
        s.push_str(&format!(": {}", duration(seg.end - seg.start)));
    }
    if let Some(holder) = seg.holder {
        s.push_str(&format!(", held by {}", trace.task_name(holder)));
    }
    if seg.phase.is_finished() {
        s.push_str(&format!(" at {}", seconds(seg.start)));
    } else if seg.is_open() {
        s.push_str(&format!(", since {}", seconds(seg.start)));
    } else {
        s.push_str(&format!(", from {} to {}", seconds(seg.start), seconds(seg.end)));
    }
    if seg.line != 0 {
        s.push_str(&format!(", line {}", seg.line));
    }
    s
}

/// A lane's name: the task's or thread's, or "GIL" for a GIL's lane.
pub fn lane_name(trace: &Trace, task: TaskId) -> &str {
    match LaneId::of(task) {
        LaneId::Task(t) => trace.task_name(t),
        LaneId::Gil(_) => "GIL",
        LaneId::Core(_) => "Core",
        LaneId::Process(p) => trace.processes.get(p as usize).map_or("?", |i| i.name.as_str()),
    }
}

/// How far past a GIL segment's start to look for why its holder let go: a turn is at most one switch
/// interval of running, but a thread alone may print a lot before it blocks.
const GIL_SCAN: usize = 200_000;

/// "GIL: held by Thread-1 (worker) from 0.010 s to 0.015 s; let go: its switch interval ran out".
fn gil_segment(trace: &Trace, process: u32, seg: &Segment) -> String {
    let gil = match trace.processes.get(process as usize) {
        Some(p) => format!("GIL of {}", p.name),
        None => "GIL".into(),
    };
    let span = if seg.is_open() {
        format!("since {}", seconds(seg.start))
    } else {
        format!("from {} to {}", seconds(seg.start), seconds(seg.end))
    };
    let Some(holder) = seg.holder else {
        return format!("{gil}: free, every thread waits, {span}");
    };
    let why = trace
        .events
        .iter()
        .skip(seg.event as usize + 1)
        .take(GIL_SCAN)
        .find_map(|e| match e.kind {
            EventKind::GilDropped { why } if e.task == holder => Some(why),
            _ => None,
        });
    let why = match why {
        Some(GilDrop::Interval) => "; let go: its switch interval ran out while another thread waited",
        Some(GilDrop::Blocked) => "; let go: a blocking call (sleep, lock, queue, join or I/O)",
        Some(GilDrop::Finished) => "; let go: the thread ended",
        None => "",
    };
    format!("{gil}: held by {} {span}{why}", trace.task_name(holder))
}

/// How far back from a wait to look for when its object's holder took it.
const HOLD_SCAN: usize = 200_000;

/// When `holder` took `obj`, the last time before event `before`, and at which line (within [`HOLD_SCAN`]
/// events).
pub fn held_since(trace: &Trace, obj: ObjId, holder: TaskId, before: usize) -> Option<(Time, u32)> {
    let end = before.min(trace.events.len());
    trace.events[end.saturating_sub(HOLD_SCAN)..end]
        .iter()
        .rev()
        .find(|e| e.task == holder && matches!(e.kind, EventKind::Acquired { obj: o } if o == obj))
        .map(|e| (e.at, e.line))
}

/// A hovered or focused segment in plain words: [`segment`], and for a wait on an object someone holds, since
/// when they hold it and what the wait needs; for an await, what it waits for.
pub fn segment_detail(trace: &Trace, task: TaskId, seg: &Segment) -> String {
    let mut s = segment(trace, task, seg);
    if !matches!(LaneId::of(task), LaneId::Task(_)) {
        return s;
    }
    let me = trace.task_name(task);
    match (seg.phase, seg.holder) {
        (TaskPhase::Waiting(WaitReason::Sync { obj, op }), Some(holder)) => {
            let (who, what) = (trace.task_name(holder), object(trace, obj));
            match held_since(trace, obj, holder, seg.event as usize) {
                Some((at, line)) if line != 0 => {
                    s.push_str(&format!(". {who} has held {what} since {} (line {line})", seconds(at)))
                }
                Some((at, _)) => s.push_str(&format!(". {who} has held {what} since {}", seconds(at))),
                None => {}
            }
            if op == SyncOp::Acquire {
                s.push_str(&format!("; {me} can go on only once {who} releases it"));
            }
        }
        (TaskPhase::Waiting(WaitReason::Task(t)), _) if !seg.phase.is_finished() => {
            s.push_str(&format!("; {me} goes on when {} finishes", trace.task_name(t)));
        }
        _ => {}
    }
    s
}

/// One line for a task in the event loop panel: "sleeping until 2.000 s, line 6".
pub fn task_now(trace: &Trace, state: &TaskState) -> String {
    let mut s = phase(trace, state.phase);
    if state.cancel_requested {
        s.push_str(", cancel requested");
    }
    if state.line != 0 {
        s.push_str(&format!(", line {}", state.line));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use interleave::trace::{ObjInfo, TaskInfo};

    fn trace() -> Trace {
        let task = |name: &str| TaskInfo {
            name: name.into(),
            coro: "f".into(),
            parent: 0,
            created_line: 1,
            internal: false,
            thread: false,
        };
        Trace {
            tasks: vec![task("main"), task("Task-1"), task("Task-2"), task("Task-3")],
            objects: vec![ObjInfo {
                kind: ObjKind::Lock,
                name: "Lock-1".into(),
                created_line: 1,
                internal: false,
                capacity: None,
            }],
            ..Trace::default()
        }
    }

    #[test]
    fn seconds_have_three_decimals_and_round() {
        assert_eq!(seconds(1_250_000_000), "1.250 s");
        assert_eq!(seconds(0), "0.000 s");
        assert_eq!(seconds(1_999_999_999), "2.000 s");
        assert_eq!(seconds_with(1_500_000, 4), "0.0015 s");
        assert_eq!(seconds_with(2_000_000_000, 0), "2 s");
    }

    #[test]
    fn durations_read_in_their_unit() {
        assert_eq!(duration(120_000_000), "120 ms");
        assert_eq!(duration(1_500_000_000), "1.5 s");
        assert_eq!(duration(80_000), "80 \u{b5}s");
        assert_eq!(duration(2_260_000), "2.3 ms");
        assert_eq!(duration(999), "999 ns");
    }

    #[test]
    fn a_network_wait_says_how_long_the_host_took() {
        let mut trace = trace();
        trace.objects.push(ObjInfo {
            kind: ObjKind::Socket,
            name: "example.com".into(),
            created_line: 3,
            internal: false,
            capacity: None,
        });
        let seg = Segment {
            start: 1_000_000_000,
            end: 1_120_000_000,
            phase: TaskPhase::Waiting(WaitReason::Net { obj: Some(1) }),
            line: 3,
            holder: None,
            event: 0,
        };
        assert_eq!(
            segment(&trace, 1, &seg),
            "Task-1: waiting for example.com (the network): 120 ms, from 1.000 s to 1.120 s, line 3"
        );
    }

    #[test]
    fn a_lock_wait_names_the_lock_and_its_holder() {
        let seg = Segment {
            start: 1_250_000_000,
            end: Time::MAX,
            phase: TaskPhase::Waiting(WaitReason::Sync {
                obj: 0,
                op: SyncOp::Acquire,
            }),
            line: 14,
            holder: Some(3),
            event: 0,
        };
        assert_eq!(
            segment(&trace(), 2, &seg),
            "Task-2: waiting for Lock-1, held by Task-3, since 1.250 s, line 14"
        );
    }

    #[test]
    fn a_hovered_lock_wait_says_since_when_the_holder_holds_it() {
        use interleave::trace::Event;
        let mut trace = trace();
        trace.events = vec![
            Event {
                at: 100_000_000,
                task: 3,
                line: 5,
                kind: EventKind::Acquired { obj: 0 },
            },
            Event {
                at: 1_250_000_000,
                task: 2,
                line: 14,
                kind: EventKind::Suspended {
                    reason: WaitReason::Sync {
                        obj: 0,
                        op: SyncOp::Acquire,
                    },
                },
            },
        ];
        let seg = Segment {
            start: 1_250_000_000,
            end: Time::MAX,
            phase: TaskPhase::Waiting(WaitReason::Sync {
                obj: 0,
                op: SyncOp::Acquire,
            }),
            line: 14,
            holder: Some(3),
            event: 1,
        };
        assert_eq!(
            segment_detail(&trace, 2, &seg),
            "Task-2: waiting for Lock-1, held by Task-3, since 1.250 s, line 14. Task-3 has held Lock-1 since \
             0.100 s (line 5); Task-2 can go on only once Task-3 releases it"
        );
        // Taken by another lane, or after the wait began: not this hold.
        assert_eq!(held_since(&trace, 0, 2, 1), None);
        assert_eq!(held_since(&trace, 0, 3, 0), None);
    }

    #[test]
    fn a_closed_segment_says_from_when_to_when() {
        let seg = Segment {
            start: 1_000_000_000,
            end: 2_000_000_000,
            phase: TaskPhase::Waiting(WaitReason::Sleep { until: 2_000_000_000 }),
            line: 0,
            holder: None,
            event: 0,
        };
        assert_eq!(
            segment(&trace(), 1, &seg),
            "Task-1: sleeping until 2.000 s, from 1.000 s to 2.000 s"
        );
    }

    #[test]
    fn digits_group_in_threes() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(1234), "1,234");
        assert_eq!(grouped(1234567), "1,234,567");
    }

    #[test]
    fn hues_differ_between_neighbours() {
        assert_ne!(task_hue(1), task_hue(2));
        assert!(task_style(0).contains("--task-sat: 0%"));
    }

    #[test]
    fn a_wait_on_another_process_says_on_what_when_the_trace_knows() {
        let mut t = trace();
        for (kind, name) in [
            (ObjKind::Channel, "Queue-1"),
            (ObjKind::Channel, "Pipe-1"),
            (ObjKind::Process, "Process-2"),
        ] {
            t.objects.push(ObjInfo {
                kind,
                name: name.into(),
                created_line: 1,
                internal: false,
                capacity: None,
            });
        }
        let wait = |obj| phase(&t, TaskPhase::Waiting(WaitReason::Process { obj }));
        assert_eq!(
            wait(Some(1)),
            "waiting on Queue-1 for another process to put a message (or, when it is full, take one)"
        );
        assert_eq!(wait(Some(2)), "waiting for a message on Pipe-1 from another process");
        assert_eq!(wait(Some(3)), "waiting for Process-2 to end (join)");
        assert!(wait(None).starts_with("waiting for another process (to release a lock"));
    }
}
