//! What went wrong in a run, named in plain words: deadlocks, waits nothing can satisfy, steps that hold the
//! event loop, coroutines never awaited, exceptions nobody retrieved.
//!
//! Most findings come from the trace as it grows ([`Analyzer::feed`]), so they are the same for tasks,
//! threads and processes, and appear while the program still runs: a wait-for graph is kept from the
//! `Suspended`, `Resumed`, `Acquired` and `Released` events, and a cycle is reported at the event that
//! closes it. The runtime reports the other two where it prints CPython's warnings (`Vm::flush_warnings`).

use crate::trace::{EventKind, ObjId, SyncOp, TaskId, Time, Trace, WaitReason};
use crate::value::Value;
use std::collections::HashMap;
use std::fmt::Write;
use std::rc::Rc;

/// A step of an asyncio task this long (virtual time) holds its loop too long: asyncio's debug mode warns
/// from 100 ms on (`loop.slow_callback_duration`).
pub const SLOW_STEP: Time = 100_000_000;

/// The most lanes a search for a cycle of waits visits: a cycle longer than this goes unreported, so that a
/// chain of a hundred thousand tasks each awaiting the one before costs neither quadratic time nor a deep
/// recursion at every new wait.
const MAX_CYCLE: usize = 256;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A cycle of waits: each member waits for the next.
    Deadlock,
    /// A wait that nothing left can satisfy, found when the run can go no further.
    Stuck,
    /// A read, a switch, another's write, then a write computed from the stale read.
    LostUpdate,
    /// A coroutine step that held its event loop for [`SLOW_STEP`] or more.
    BlockingCall,
    /// A coroutine created and never awaited.
    NeverAwaited,
    /// A task or future whose exception nobody retrieved.
    UnretrievedException,
    /// A task whose `create_task` result was kept nowhere.
    DroppedTask,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Deadlock => "deadlock",
            Kind::Stuck => "stuck",
            Kind::LostUpdate => "lost-update",
            Kind::BlockingCall => "blocking-call",
            Kind::NeverAwaited => "never-awaited",
            Kind::UnretrievedException => "unretrieved-exception",
            Kind::DroppedTask => "dropped-task",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub kind: Kind,
    /// One sentence that names the tasks or threads, the objects and the lines.
    pub message: String,
    /// The source lines involved, sorted, 1-based.
    pub lines: Vec<u32>,
    /// The tasks and threads involved, as the trace names them.
    pub tasks: Vec<String>,
    /// When it happened, in virtual nanoseconds.
    pub time: Time,
    /// The indices of the trace events involved.
    pub events: Vec<usize>,
    /// The lanes involved (trace task ids), in the order of `tasks`, for a host to point at.
    pub lanes: Vec<TaskId>,
    /// A deadlock's cycle, in order: each lane with the object it waits for (`None`: it awaits the next lane
    /// to finish); the lane after the last is the first.
    pub cycle: Vec<(TaskId, Option<ObjId>)>,
    /// Moments on lanes worth drawing: a lost update's read, the other lane's write and the stale write.
    pub marks: Vec<Mark>,
    /// Stretches of lanes worth shading: a lost update's two overlapping read-to-write windows.
    pub windows: Vec<Window>,
}

/// A moment on a lane, with what happened then.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub lane: TaskId,
    pub at: Time,
    pub label: &'static str,
}

/// A stretch of a lane, from `from` to `to` (virtual time).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub lane: TaskId,
    pub from: Time,
    pub to: Time,
}

impl Finding {
    /// A finding with no cycle, marks or windows.
    pub fn new(kind: Kind, message: String, lines: Vec<u32>, time: Time) -> Finding {
        Finding {
            kind,
            message,
            lines,
            tasks: Vec::new(),
            time,
            events: Vec::new(),
            lanes: Vec::new(),
            cycle: Vec::new(),
            marks: Vec::new(),
            windows: Vec::new(),
        }
    }

    /// With these lanes, named as the trace names them.
    pub fn on(mut self, trace: &Trace, lanes: &[TaskId]) -> Finding {
        self.lanes = lanes.to_vec();
        self.tasks = lanes.iter().map(|&t| trace.task_name(t).to_string()).collect();
        self
    }
}

impl Finding {
    /// `LINE: kind: message`, as `interleave explain` prints it (the first line involved; 0 when none).
    pub fn to_line(&self) -> String {
        format!(
            "{}: {}: {}",
            self.lines.first().copied().unwrap_or(0),
            self.kind.as_str(),
            self.message
        )
    }

    /// One JSON object: `kind`, `message`, `lines`, `tasks`, `time`.
    pub fn to_json(&self) -> String {
        let lines: Vec<String> = self.lines.iter().map(u32::to_string).collect();
        let tasks: Vec<String> = self.tasks.iter().map(|t| json_string(t)).collect();
        format!(
            "{{\"kind\": {}, \"message\": {}, \"lines\": [{}], \"tasks\": [{}], \"time\": {}}}",
            json_string(self.kind.as_str()),
            json_string(&self.message),
            lines.join(", "),
            tasks.join(", "),
            self.time
        )
    }
}

/// A JSON array of findings, one a line.
pub fn to_json(findings: &[Finding]) -> String {
    if findings.is_empty() {
        return "[]".into();
    }
    let items: Vec<String> = findings.iter().map(|f| format!("  {}", f.to_json())).collect();
    format!("[\n{}\n]", items.join(",\n"))
}

fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A lane's current wait.
#[derive(Clone, Copy)]
struct Wait {
    reason: WaitReason,
    /// The `Suspended` event.
    event: usize,
    line: u32,
}

/// A step a lane is in: from its `Resumed`.
#[derive(Clone, Copy)]
struct Step {
    at: Time,
    line: u32,
    /// The line of a blocking call made in the step (`Blocked`: `time.sleep` in a coroutine).
    blocked_line: Option<u32>,
    /// The event that began the step (its `Resumed`), or its blocking call's `Blocked`.
    event: usize,
}

/// Follows a trace as it grows and finds what went wrong in it.
#[derive(Default)]
pub struct Analyzer {
    /// Events analysed so far.
    seen: usize,
    waits: HashMap<TaskId, Wait, FastHash>,
    steps: HashMap<TaskId, Step, FastHash>,
    /// Who holds each lock or semaphore slot, with the `Acquired` event and its line.
    holders: HashMap<ObjId, Vec<(TaskId, usize, u32)>, FastHash>,
    /// Lanes that ended while they waited, with when they ended and the wait.
    ended_waiting: HashMap<TaskId, (Time, Wait), FastHash>,
    /// Deadlocks reported, by their members (sorted; a `smallsort::insert` set).
    cycles: Vec<Vec<TaskId>>,
    /// The lines of statements that make a task and keep nothing of it (`discarded_task_lines`), and those
    /// of them already reported, sorted (sets as `Vec`s, `smallsort::insert`: no B-tree's code for them).
    pub discarded: Vec<u32>,
    dropped: Vec<u32>,
    pub findings: Vec<Finding>,
}

impl Analyzer {
    /// Analyses the events added to `trace` since the last call.
    pub fn feed(&mut self, trace: &Trace) {
        let from = self.seen.min(trace.events.len());
        for i in from..trace.events.len() {
            let e = &trace.events[i];
            match e.kind {
                EventKind::Created { .. }
                    if self.discarded.binary_search(&e.line).is_ok()
                        && crate::smallsort::insert(&mut self.dropped, e.line) =>
                {
                    let info = trace.tasks.get(e.task as usize);
                    if info.is_some_and(|t| !t.thread && !t.internal) {
                        let who = lane_name(trace, e.task);
                        let message = format!(
                            "{who} was made at line {} and nothing keeps a reference to it: the event loop \
                             keeps only a weak one, so the task may vanish mid-run and its result and errors \
                             are lost; keep it (in a variable or a set) and await it.",
                            e.line
                        );
                        let mut f = Finding::new(Kind::DroppedTask, message, vec![e.line], e.at).on(trace, &[e.task]);
                        f.events = vec![i];
                        self.findings.push(f);
                    }
                }
                // Woken: the wait is over, though the lane may not run for a while yet.
                EventKind::Ready { .. } => {
                    self.waits.remove(&e.task);
                }
                EventKind::Resumed => {
                    self.waits.remove(&e.task);
                    self.steps.insert(
                        e.task,
                        Step {
                            at: e.at,
                            line: e.line,
                            blocked_line: None,
                            event: i,
                        },
                    );
                }
                EventKind::Blocked { .. } => {
                    if let Some(step) = self.steps.get_mut(&e.task) {
                        step.blocked_line = Some(e.line);
                        step.event = i;
                    }
                }
                EventKind::Suspended { reason } => {
                    self.end_step(trace, i);
                    self.waits.insert(
                        e.task,
                        Wait {
                            reason,
                            event: i,
                            line: e.line,
                        },
                    );
                    self.find_cycle(trace, e.task, i, false);
                }
                EventKind::Finished { .. } => {
                    self.end_step(trace, i);
                    // A lane that ends while it waits was ended by the run's end (a deadlock ends the main
                    // thread with its error): its wait is kept for `finish`.
                    if let Some(w) = self.waits.remove(&e.task) {
                        self.ended_waiting.insert(e.task, (e.at, w));
                    }
                }
                EventKind::Acquired { obj } => self.holders.entry(obj).or_default().push((e.task, i, e.line)),
                EventKind::Released { obj } => {
                    if let Some(h) = self.holders.get_mut(&obj) {
                        if let Some(k) = h.iter().position(|(t, ..)| *t == e.task) {
                            h.remove(k);
                        }
                    }
                }
                _ => {}
            }
        }
        self.seen = trace.events.len();
    }

    /// At the end of a run that could go no further (`deadlocked`): every wait still open that no deadlock
    /// found explains is stuck.
    pub fn finish(&mut self, trace: &Trace, deadlocked: bool) {
        self.feed(trace);
        if !deadlocked {
            return;
        }
        // The waits the end cut short count as still open.
        let end = trace.events.last().map_or(0, |e| e.at);
        for (task, (at, wait)) in std::mem::take(&mut self.ended_waiting) {
            if at == end {
                self.waits.entry(task).or_insert(wait);
            }
        }
        let mut open: Vec<(TaskId, usize)> = self.waits.iter().map(|(t, w)| (*t, w.event)).collect();
        crate::smallsort::sort_by_key(&mut open, |(_, event)| *event);
        for (task, event) in open {
            self.find_cycle(trace, task, event, true);
        }
        let mut in_cycle: Vec<TaskId> = self.cycles.iter().flatten().copied().collect();
        crate::smallsort::sort(&mut in_cycle);
        let mut waiting: Vec<(TaskId, Wait)> = self.waits.iter().map(|(t, w)| (*t, *w)).collect();
        crate::smallsort::sort_by_key(&mut waiting, |(_, w)| w.event);
        let mut stuck = Vec::new();
        for (task, wait) in &waiting {
            if in_cycle.binary_search(task).is_ok() || trace.tasks.get(*task as usize).is_none_or(|t| t.internal) {
                continue;
            }
            // Waits on another waiting lane are explained by that lane's wait; a future (gather, wait_for)
            // says nothing of who would complete it, so it is reported only when nothing else is.
            let on_waiting = self.edges(*task).iter().any(|(t, _)| self.waits.contains_key(t));
            if on_waiting || matches!(wait.reason, WaitReason::EventLoop | WaitReason::Gil) {
                continue;
            }
            stuck.push((*task, *wait));
        }
        let only_futures = stuck.iter().all(|(_, w)| matches!(w.reason, WaitReason::Future(_)));
        for (task, wait) in stuck {
            if matches!(wait.reason, WaitReason::Future(_)) && !(only_futures && in_cycle.is_empty()) {
                continue;
            }
            let who = lane_name(trace, task);
            let what = describe_wait(trace, wait.reason);
            let at = trace.events.get(wait.event).map_or(0, |e| e.at);
            let message = format!(
                "{who} waits {what} at line {}, and nothing left in the program can ever let it go on.",
                wait.line
            );
            let mut f = Finding::new(Kind::Stuck, message, vec![wait.line], at).on(trace, &[task]);
            f.events = vec![wait.event];
            self.findings.push(f);
        }
    }

    /// The lanes `task` waits for: the holders of the lock it waits to take, or the task it awaits.
    fn edges(&self, task: TaskId) -> Vec<(TaskId, Option<ObjId>)> {
        match self.waits.get(&task).map(|w| w.reason) {
            // Only a lock-like object with one holder says for sure whom the wait is for (that holder may be
            // the waiter itself, with a lock that is not reentrant); a semaphore's other holders may let go.
            Some(WaitReason::Sync {
                obj,
                op: SyncOp::Acquire,
            }) => match self.holders.get(&obj).map(Vec::as_slice) {
                Some([(holder, ..)]) => vec![(*holder, Some(obj))],
                _ => Vec::new(),
            },
            Some(WaitReason::Task(t)) if t != task => vec![(t, None)],
            _ => Vec::new(),
        }
    }

    /// Looks for a cycle of waits through `task`, which has just begun to wait (event `at`).
    /// A lane waiting for a lock it holds itself is a cycle too, but only at the end (`alone`): until then
    /// another thread or task may release the lock for it (a plain `Lock` used as a signal).
    fn find_cycle(&mut self, trace: &Trace, task: TaskId, at: usize, alone: bool) {
        // Depth-first over waiting lanes; the path holds each lane and the object it waits on.
        let mut path: Vec<(TaskId, Option<ObjId>)> = Vec::new();
        let mut visited = Vec::new();
        if !self.walk(task, task, &mut path, &mut visited) || (path.len() == 1) != alone {
            return;
        }
        let mut members: Vec<TaskId> = path.iter().map(|(t, _)| *t).collect();
        crate::smallsort::sort(&mut members);
        if !crate::smallsort::insert(&mut self.cycles, members) {
            return;
        }
        let mut message = String::new();
        let mut lines = Vec::new();
        let mut events = Vec::new();
        for (k, (lane, obj)) in path.iter().enumerate() {
            let next = path[(k + 1) % path.len()].0;
            let who = lane_name(trace, *lane);
            let whom = lane_name(trace, next);
            let step = match obj {
                Some(o) if next == *lane => format!("waits for {}, which it holds itself", trace.object_name(*o)),
                Some(o) => format!("waits for {}, held by {whom}", trace.object_name(*o)),
                None => format!("waits for {whom} to finish"),
            };
            if k == 0 {
                let _ = write!(message, "{who} {step}");
            } else {
                let _ = write!(message, ", which {step}");
            }
            if let Some(w) = self.waits.get(lane) {
                crate::smallsort::insert(&mut lines, w.line);
                events.push(w.event);
            }
            if let Some(o) = obj {
                if let Some((_, ev, line)) = self.holders.get(o).and_then(|h| h.iter().find(|(t, ..)| *t == next)) {
                    crate::smallsort::insert(&mut lines, *line);
                    events.push(*ev);
                }
            }
        }
        message.push_str(if path.len() == 1 {
            ": it can never go on."
        } else {
            ": none of them can ever go on."
        });
        lines.retain(|&l| l != 0);
        crate::smallsort::sort(&mut events);
        let time = trace.events.get(at).map_or(0, |e| e.at);
        let lanes: Vec<TaskId> = path.iter().map(|(t, _)| *t).collect();
        let mut f = Finding::new(Kind::Deadlock, message, lines, time).on(trace, &lanes);
        f.events = events;
        f.cycle = path;
        self.findings.push(f);
    }

    /// Extends `path` from `lane` toward `target`; true with the cycle in `path` when it gets there.
    fn walk(
        &self,
        lane: TaskId,
        target: TaskId,
        path: &mut Vec<(TaskId, Option<ObjId>)>,
        visited: &mut Vec<TaskId>,
    ) -> bool {
        if visited.len() >= MAX_CYCLE || !crate::smallsort::insert(visited, lane) {
            return false;
        }
        for (next, obj) in self.edges(lane) {
            path.push((lane, obj));
            if next == target || (self.waits.contains_key(&next) && self.walk(next, target, path, visited)) {
                return true;
            }
            path.pop();
        }
        false
    }

    /// The step of the lane of event `i` ends there: an asyncio task's long step held its loop.
    fn end_step(&mut self, trace: &Trace, i: usize) {
        let e = &trace.events[i];
        let Some(step) = self.steps.remove(&e.task) else {
            return;
        };
        let Some(info) = trace.tasks.get(e.task as usize) else {
            return;
        };
        // Task 0 is the main thread, which runs the loop rather than a step of it; threads hold no loop.
        if e.task == 0 || info.thread || info.internal || e.at.saturating_sub(step.at) < SLOW_STEP {
            return;
        }
        let who = lane_name(trace, e.task);
        let secs = format_secs(e.at - step.at);
        let (message, lines) = match step.blocked_line {
            Some(line) => (
                format!(
                    "{who} blocked the event loop for {secs} at line {line} (a blocking call such as time.sleep): \
                     no other task could run meanwhile; await asyncio.sleep(...) instead, or run the blocking \
                     call with await asyncio.to_thread(...)."
                ),
                vec![line],
            ),
            None => {
                let (a, b) = (step.line.min(e.line), step.line.max(e.line));
                let place = if a == b {
                    format!("line {a}")
                } else {
                    format!("lines {a} to {b}")
                };
                let mut lines = vec![a, b];
                lines.dedup();
                lines.retain(|l| *l > 0);
                (
                    format!(
                        "{who} ran for {secs} without awaiting ({place}), holding the event loop: no other task \
                         could run meanwhile; move the work off the loop (asyncio.to_thread, or a process pool \
                         for CPU-bound work) or await between parts of it."
                    ),
                    lines,
                )
            }
        };
        let mut f = Finding::new(Kind::BlockingCall, message, lines, step.at).on(trace, &[e.task]);
        f.events = vec![step.event];
        f.windows = vec![Window {
            lane: e.task,
            from: step.at,
            to: e.at,
        }];
        self.findings.push(f);
    }
}

/// The lines of statements that call `asyncio.create_task(...)` or `asyncio.ensure_future(...)` and keep
/// nothing of the result (a `TaskGroup`'s `create_task` is kept by the group, so it is not one), sorted.
pub fn discarded_task_lines(module: &crate::ast::Module) -> Vec<u32> {
    use crate::ast::{ExprKind, Stmt, StmtKind};
    fn walk(body: &[Stmt], out: &mut Vec<u32>) {
        for stmt in body {
            match &stmt.kind {
                StmtKind::Expr(e) => {
                    if let ExprKind::Call { func, .. } = &e.kind {
                        if let ExprKind::Attribute { value, attr } = &func.kind {
                            let on_asyncio = matches!(&value.kind, ExprKind::Name(n) if &**n == "asyncio");
                            if on_asyncio && matches!(&**attr, "create_task" | "ensure_future") {
                                crate::smallsort::insert(out, e.pos.line);
                            }
                        }
                    }
                }
                StmtKind::FunctionDef(f) => walk(&f.body, out),
                StmtKind::ClassDef(c) => walk(&c.body, out),
                StmtKind::If { body, orelse, .. }
                | StmtKind::While { body, orelse, .. }
                | StmtKind::For { body, orelse, .. } => {
                    walk(body, out);
                    walk(orelse, out);
                }
                StmtKind::With { body, .. } => walk(body, out),
                StmtKind::Try {
                    body,
                    handlers,
                    orelse,
                    finalbody,
                    ..
                } => {
                    walk(body, out);
                    for h in handlers {
                        walk(&h.body, out);
                    }
                    walk(orelse, out);
                    walk(finalbody, out);
                }
                StmtKind::Match { cases, .. } => {
                    for c in cases {
                        walk(&c.body, out);
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(&module.body, &mut out);
    out
}

/// A task as the findings name it: `Task-2 (worker)`, a thread by its name (`Thread-1 (worker)`).
pub fn lane_name(trace: &Trace, task: TaskId) -> String {
    match trace.tasks.get(task as usize) {
        Some(t) if !t.thread && task != 0 && t.name != t.coro && !t.coro.is_empty() => {
            format!("{} ({})", t.name, t.coro)
        }
        Some(t) => t.name.clone(),
        None => "?".into(),
    }
}

fn describe_wait(trace: &Trace, reason: WaitReason) -> String {
    match reason {
        WaitReason::Sync { obj, op } => {
            let name = trace.object_name(obj);
            match op {
                SyncOp::Acquire => format!("to acquire {name}"),
                SyncOp::Wait => format!("on {name}"),
                SyncOp::Get => format!("to get from {name}"),
                SyncOp::Put => format!("to put into {name}"),
                SyncOp::Join => format!("for {name} to be joined"),
            }
        }
        WaitReason::Task(t) => format!("for {} to finish", lane_name(trace, t)),
        WaitReason::Future(_) => "for a future".into(),
        WaitReason::Process { obj: Some(obj) } => format!("on {}", trace.object_name(obj)),
        WaitReason::Process { obj: None } => "for another process".into(),
        WaitReason::Net { obj: Some(obj) } => format!("for {}", trace.object_name(obj)),
        WaitReason::Net { obj: None } => "for the network".into(),
        WaitReason::Sleep { .. } => "in a sleep".into(),
        WaitReason::Yield | WaitReason::EventLoop | WaitReason::Gil => "to run".into(),
    }
}

fn format_secs(ns: Time) -> String {
    format!("{:.3} s", ns as f64 / 1e9)
}

/// A value a lost update can be made of: not a module, function, class, or the runtime's object.
pub fn is_data(v: &Value) -> bool {
    matches!(
        v,
        Value::None
            | Value::Bool(_)
            | Value::Int(_)
            | Value::BigInt(_)
            | Value::Float(_)
            | Value::Str(_)
            | Value::Bytes(_)
            | Value::List(_)
            | Value::Tuple(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::FrozenSet(_)
            | Value::Instance(_)
    )
}

/// A hasher for keys that need no defence against collisions (places' addresses and name hashes, task and
/// object ids): a multiply and a rotate per word, where the standard SipHash would double the cost of a tracked
/// access or of an event.
#[derive(Default, Clone, Copy)]
pub struct PlaceHasher(u64);

impl std::hash::Hasher for PlaceHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(u64::from(*b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
}

/// Maps keyed by ids, addresses and hashes that the engine updates at every event or tracked access.
pub type FastHash = std::hash::BuildHasherDefault<PlaceHasher>;

/// A place a program's tasks and threads share: a global, an instance's attribute (the namespace or
/// instance, and the name's hash), or a dict's or list's item.
pub type Place = (usize, u64);

/// A dict's item under a string or int key, or a list's item at an index: by the container's address with its
/// second bit set (addresses are 8-byte aligned: never a namespace's address, and even, never an attribute's),
/// and the key's hash or the index. With the place, what the message calls it (`the item 'hits' of a dict`).
pub fn item(container: &Value, key: &Value) -> Option<Place> {
    let (addr, key) = match (container, key) {
        (Value::Dict(d), Value::Str(s)) => (Rc::as_ptr(d) as *const u8 as usize, crate::dict::hash_str(s)),
        (Value::Dict(d), Value::Int(i)) => (Rc::as_ptr(d) as *const u8 as usize, *i as u64),
        (Value::List(l), Value::Int(i)) => {
            let len = l.borrow().len() as i64;
            let i = if *i < 0 { *i + len } else { *i };
            if !(0..len).contains(&i) {
                return None;
            }
            (Rc::as_ptr(l) as *const u8 as usize, i as u64)
        }
        _ => return None,
    };
    Some((addr | 2, key))
}

/// How a lost update's message names an item: `the item 'hits' of a dict`, `the item 0 of a list`.
pub fn item_name(container: &Value, key: &Value) -> String {
    let key = match key {
        Value::Str(s) => crate::pyfmt::str_repr(s),
        Value::Int(i) => i.to_string(),
        _ => "?".into(),
    };
    let kind = if matches!(container, Value::List(_)) {
        "list"
    } else {
        "dict"
    };
    format!("the item {key} of a {kind}")
}

/// An instance's attribute: by the instance's serial, which no later instance reuses (an address may be),
/// made odd so that it never equals a namespace's address.
pub fn attribute(serial: u64, name_hash: u64) -> Place {
    (((serial as usize) << 1) | 1, name_hash)
}

/// The interpreter's reads and writes of shared places, for lost updates (`Config::track_accesses`): a lane
/// that read a place, then switched (it waited, or let go of the GIL), then wrote the place after another lane
/// had written it since the read, wrote a value computed from a stale read.
#[derive(Default)]
pub struct Accesses {
    /// Set once the program has a second task or thread: before, nothing can lose an update, and reads are
    /// not recorded (a module-level loop of a one-lane program then costs nothing more).
    pub shared: bool,
    /// Places written with a plain value (not a module, function or class), with their last write.
    places: HashMap<Place, LastWrite, FastHash>,
    /// Each lane's last read of each place.
    reads: HashMap<(TaskId, Place), Read, FastHash>,
    /// How many times each lane has switched, and the line of its last switch.
    switches: HashMap<TaskId, (u64, u32), FastHash>,
    /// Lost updates reported, by place and the reading and writing lines (sorted; a `smallsort::insert` set).
    reported: Vec<(Place, u32, u32)>,
    /// How many items `read_item` began tracking.
    items: usize,
}

/// The most items tracked from a read: a loop reading a long list item by item must not grow memory without
/// bound (items written by subscript assignment are tracked as globals are, without this limit).
pub const MAX_ITEMS: usize = 1 << 16;

#[derive(Clone, Copy)]
struct LastWrite {
    version: u64,
    lane: TaskId,
    line: u32,
    at: Time,
    /// When the writer had last read the place before this write, if it had.
    read_at: Option<Time>,
}

#[derive(Clone, Copy)]
struct Read {
    version: u64,
    line: u32,
    at: Time,
    switches: u64,
}

impl Accesses {
    /// `lane` read `place` at `line`, at virtual time `at`.
    pub fn read(&mut self, lane: TaskId, place: Place, line: u32, at: Time) {
        if !self.shared {
            return;
        }
        let Some(w) = self.places.get(&place) else { return };
        let switches = self.switches.get(&lane).map_or(0, |s| s.0);
        self.reads.insert(
            (lane, place),
            Read {
                version: w.version,
                line,
                at,
                switches,
            },
        );
    }

    /// `lane` read an item at `line`: as `read`, except that an item first met by a read (put there by a
    /// literal or a method, not a subscript assignment) is tracked from then on, up to [`MAX_ITEMS`] of them.
    pub fn read_item(&mut self, lane: TaskId, place: Place, line: u32, at: Time) {
        if !self.shared {
            return;
        }
        if !self.places.contains_key(&place) {
            if self.items >= MAX_ITEMS {
                return;
            }
            self.items += 1;
            let nobody = LastWrite {
                version: 0,
                lane: TaskId::MAX,
                line: 0,
                at,
                read_at: None,
            };
            self.places.insert(place, nobody);
        }
        self.read(lane, place, line, at);
    }

    /// `lane` switched away at `line`: a wait, or the GIL let go.
    pub fn switched(&mut self, lane: TaskId, line: u32) {
        let s = self.switches.entry(lane).or_default();
        s.0 += 1;
        s.1 = line;
    }

    /// `lane` wrote `place` at `line`, a plain value or not (`data`); a lost update when its last read of the
    /// place came before a switch and another lane's write. `name` says what the place is, for the message.
    #[allow(clippy::too_many_arguments)]
    pub fn write(
        &mut self,
        trace: &Trace,
        lane: TaskId,
        place: Place,
        line: u32,
        at: Time,
        data: bool,
        name: impl FnOnce() -> String,
    ) -> Option<Finding> {
        let read = self.reads.remove(&(lane, place));
        let Some(w) = self.places.get_mut(&place) else {
            if data {
                let first = LastWrite {
                    version: 0,
                    lane,
                    line,
                    at,
                    read_at: None,
                };
                self.places.insert(place, first);
            }
            return None;
        };
        let before = *w;
        w.version += 1;
        w.lane = lane;
        w.line = line;
        w.at = at;
        w.read_at = read.map(|r| r.at);
        let read = read?;
        let (switches, switch_line) = self.switches.get(&lane).copied().unwrap_or_default();
        if read.switches == switches || read.version == before.version || before.lane == lane {
            return None;
        }
        if !crate::smallsort::insert(&mut self.reported, (place, read.line, line)) {
            return None;
        }
        let (me, other) = (lane_name(trace, lane), lane_name(trace, before.lane));
        let what = name();
        let mut lines = vec![read.line, switch_line, before.line, line];
        lines.retain(|l| *l > 0);
        crate::smallsort::sort(&mut lines);
        lines.dedup();
        let message = format!(
            "{me} read {what} at line {}, then let others run at line {switch_line}; meanwhile {other} wrote \
             it at line {}, and {me} then wrote it at line {line} from the value it had read before, so the \
             update by {other} was lost. Hold one lock around the read and the write.",
            read.line, before.line
        );
        let mut f = Finding::new(Kind::LostUpdate, message, lines, at).on(trace, &[lane, before.lane]);
        // The reader's window, from its read to its stale write, and the other's, from its own read (or its
        // write alone) to its write, which falls inside the first.
        f.windows = vec![
            Window {
                lane,
                from: read.at,
                to: at,
            },
            Window {
                lane: before.lane,
                from: before.read_at.unwrap_or(before.at).max(read.at).min(before.at),
                to: before.at,
            },
        ];
        f.marks = vec![
            Mark {
                lane,
                at: read.at,
                label: "read",
            },
            Mark {
                lane: before.lane,
                at: before.at,
                label: "other write",
            },
            Mark {
                lane,
                at,
                label: "stale write",
            },
        ];
        Some(f)
    }
}
