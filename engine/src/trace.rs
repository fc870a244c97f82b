//! The trace: every scheduling event of a run, with its virtual time and source line, as a documented state machine.
//!
//! A task's life, as the events record it:
//!
//! ```text
//!            Created
//!               |
//!               v
//!   +-------> Ready ------(cancelled before it ever ran)------+
//!   |           |                                             |
//!   |           v                                             v
//!   |        Resumed ---------------------------------> Finished
//!   |           |                                  (returned, raised, cancelled)
//!   |           v
//!   +--- Suspended(reason)
//! ```
//!
//! - `Created` comes first for every task, exactly once, carrying its parent and the line that created it.
//! - `Ready` means the task was put on the event loop's ready queue (by whom: `Wake`). The ready queue is
//!   FIFO, so the queue at any moment is the `Ready` events not yet matched by a `Resumed`, in order.
//! - Every `Resumed` is followed by exactly one `Suspended` or `Finished` of the same task, and no other
//!   task is resumed in between: the loop runs one task at a time.
//! - `Suspended` carries why the task waits; the wait ends with the task's next `Ready`.
//! - `Print` events belong to the task that was running (task 0 is the program's main thread, outside
//!   any task).
//! - The main thread (task 0) has no `Created` or `Ready`: it is `Resumed` when the program starts,
//!   `Suspended(EventLoop)` while the event loop runs the tasks, `Resumed` when the loop stops, and
//!   `Finished` when the program ends (from either phase: a deadlock ends the run inside the loop).
//! - `TimerArmed` is followed by exactly one `TimerFired` or `TimerCancelled` with the same timer id,
//!   unless the run ended first.
//! - `Acquired`/`Released` pair up per synchronisation object; between them the task holds it. A semaphore
//!   may be released more often than acquired (a plain one always may; a bounded one when a float value slips
//!   past its bound check, as in CPython, or while the task its release woke has not run yet), and then its
//!   extra `Released` pairs with nothing.
//! - Threads (`TaskInfo::thread`) have lanes of their own and follow the same machine: `Created` by the thread
//!   that started them, `Ready(Gil)` when they want the GIL, `Resumed` when they take it, `Suspended` when they
//!   let go of it (`Gil`: the switch interval expired while another thread waited; `Sleep`, `Sync`: a blocking
//!   call) and `Finished` at their end. Only the thread holding the GIL runs, so still no two tasks or threads
//!   are resumed at once. When a thread running an asyncio task lets go of the GIL, the task's lane gets the
//!   `Suspended`/`Ready`/`Resumed` (the thread's own lane is waiting for its loop). A program that never starts
//!   a thread records none of these.
//! - `GilTaken` and `GilDropped` (recorded on the thread's own lane, once a program has more than one thread)
//!   alternate per thread, and at most one thread holds the GIL between them: every `GilTaken` comes after the
//!   previous holder's `GilDropped`. `GilDropped` says why (`GilDrop`).
//! - `Blocked` marks the running task occupying the loop without yielding (a `time.sleep`, a long
//!   computation is visible as a long Resumed..Suspended stretch instead).
//!
//! - Processes: `ProcessStarted` follows the `Created` of a process's main lane; every lane created later by
//!   a lane of that process belongs to it (a lane's process is its creator's, up to a `ProcessStarted`).
//!   `ProcessExited` is the last event of its lane's process but for `OffCore`. Each process has its own
//!   GIL and its own running task, so the one-at-a-time rules above hold per process. `OnCore`/`OffCore` on
//!   a process's main lane bracket its time on a simulated core. The machine runs its processes in quanta of
//!   virtual time (`session::QUANTUM`), and within a quantum in turns of a slice (`session::SLICE`), the
//!   process furthest behind first, so between two processes' events the time may step back by up to a slice;
//!   within one process it never does.
//! - `MessageSent` and `MessageReceived` mark a message crossing between processes (or threads of one) through
//!   a channel: every `MessageReceived` has exactly one earlier `MessageSent` with the same `msg`, on the same
//!   channel, at a time no later than its own; a message may never be received (the run ended first). Messages
//!   are numbered from 0 in the order they are sent, and a channel delivers them in that order.
//!
//! Events are compact (`size_of::<Event>()` is 40 bytes, so a million events take 40 MB); names and printed text
//! live in side tables.

use std::fmt::Write as _;

/// Virtual time in nanoseconds since the run started.
pub type Time = u64;
/// 0 is the program's main thread; asyncio tasks and other threads count from 1 in creation order.
pub type TaskId = u32;
/// A synchronisation object, future or queue: an index into [`Trace::objects`].
pub type ObjId = u32;
pub type TimerId = u32;

pub const MAIN_THREAD: TaskId = 0;

/// The latest deadline a timer or blocking call may have (about 146 years). Later ones wait until then, so
/// the clock never reaches `Time::MAX` and a host's `now + slice` always lies ahead of it.
pub const END_OF_TIME: Time = 1 << 62;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Event {
    pub at: Time,
    pub task: TaskId,
    /// The source line of the task's current instruction (0 when it has none, e.g. loop internals).
    pub line: u32,
    pub kind: EventKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    /// The task was created by `parent` (its name and coroutine are in [`Trace::tasks`]).
    Created {
        parent: TaskId,
    },
    /// The task joined the ready queue.
    Ready {
        by: Wake,
    },
    Resumed,
    Suspended {
        reason: WaitReason,
    },
    /// At the line where the task's coroutine (a thread's target) returned or raised.
    Finished {
        outcome: Outcome,
    },
    /// `text` indexes [`Trace::texts`]: what one `print` (or one warning) wrote.
    Print {
        stream: Stream,
        text: u32,
    },
    TimerArmed {
        timer: TimerId,
        deadline: Time,
    },
    TimerFired {
        timer: TimerId,
    },
    TimerCancelled {
        timer: TimerId,
    },
    /// The task now holds the lock or semaphore slot `obj`.
    Acquired {
        obj: ObjId,
    },
    Released {
        obj: ObjId,
    },
    /// The task blocks the whole loop until `until` (`time.sleep` inside a coroutine).
    Blocked {
        until: Time,
    },
    /// `Task.set_name`: the new name is [`Trace::texts`]`[name]`.
    Renamed {
        name: u32,
    },
    /// Someone asked to cancel the task (`Task.cancel`).
    CancelRequested {
        by: TaskId,
    },
    /// The thread whose lane this is took the GIL.
    GilTaken,
    /// The thread whose lane this is let go of the GIL, for this reason.
    GilDropped {
        why: GilDrop,
    },
    /// This lane is the main thread of a new process (`Trace::processes[process]`), just `Created` by the
    /// thread that called `Process.start()`: the lanes it creates from now on belong to that process.
    ProcessStarted {
        process: u32,
    },
    /// The process whose main lane this is ended with this exit code (negative: killed by a signal).
    ProcessExited {
        code: i32,
    },
    /// The process whose main lane this is runs on this core from now on (until its next `OffCore`).
    OnCore {
        core: u32,
    },
    /// The process whose main lane this is left its core: it waits, has no core free, or ended.
    OffCore,
    /// The task put message `msg` (an index into [`Trace::messages`]) on `channel`: a multiprocessing queue
    /// or one direction of a pipe (an object of kind [`ObjKind::Channel`]), or a simulated socket's service
    /// (kind [`ObjKind::Socket`], `127.0.0.1:8888`) for the bytes of one send, received by the read that takes
    /// their first byte.
    MessageSent {
        channel: ObjId,
        msg: u32,
    },
    /// The task took message `msg` off `channel`: the same `msg` as exactly one earlier `MessageSent`.
    MessageReceived {
        channel: ObjId,
        msg: u32,
    },
}

/// Why a thread let go of the GIL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GilDrop {
    /// Another thread waited for a whole switch interval and asked for it (CPython's forced switching).
    Interval,
    /// A blocking call: `time.sleep`, a contended lock, a queue or a join, the event loop's selector.
    Blocked,
    /// The thread ended.
    Finished,
}

/// Why a task went back to the ready queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wake {
    /// Just created: `create_task` schedules the first step.
    Spawn,
    /// It yielded (`await asyncio.sleep(0)`) and goes to the back of the queue.
    Yield,
    /// A timer fired (the end of a sleep or timeout).
    Timer(TimerId),
    /// The future or task it awaited completed; `by` is the task that completed it (0 if none).
    Done { obj: ObjId, by: TaskId },
    /// It was cancelled while waiting.
    Cancel { by: TaskId },
    /// A thread (or the task running on it) can run again and waits for the GIL: after the holder was asked to
    /// let go, after its blocking call ended, or when it was just started.
    Gil,
}

/// Why a task is not running.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaitReason {
    /// `await asyncio.sleep(0)`: ready again at once, after the others.
    Yield,
    Sleep {
        until: Time,
    },
    /// Awaiting another task.
    Task(TaskId),
    /// Awaiting a plain future, `gather`, `wait`, a timeout or another combinator.
    Future(ObjId),
    /// The main thread runs the event loop (`asyncio.run`, `run_until_complete`, `run_forever`) and waits
    /// for it to stop; only task 0 waits for this.
    EventLoop,
    /// Waiting on a synchronisation object (lock, event, condition, semaphore, queue).
    Sync {
        obj: ObjId,
        op: SyncOp,
    },
    /// A thread had to let go of the GIL: its switch interval expired while another thread waited for it.
    Gil,
    /// Waiting on another process: a `multiprocessing` queue, pipe, lock, event or a child's end; `obj` is
    /// the channel ([`ObjKind::Channel`]) or the child ([`ObjKind::Process`]) when it is one of those.
    Process {
        obj: Option<ObjId>,
    },
    /// Waiting for the simulated network (`net.rs`): data on a socket, a connection, or a host's answer;
    /// `obj` is the host or the loopback address waited on (an object of kind [`ObjKind::Socket`]).
    Net {
        obj: Option<ObjId>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncOp {
    Acquire,
    Wait,
    Get,
    Put,
    Join,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Returned,
    /// `exc` indexes [`Trace::texts`]: the exception's `repr`-like summary (`ValueError('boom')`).
    Raised {
        exc: u32,
    },
    Cancelled,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskInfo {
    /// As asyncio names it: `Task-1`, or the `name=` given.
    pub name: String,
    /// The coroutine's name, e.g. `main` or `worker`.
    pub coro: String,
    pub parent: TaskId,
    pub created_line: u32,
    /// A task of the runtime itself (`asyncio.run`'s shutdown steps), which views may hide.
    pub internal: bool,
    /// A thread's own lane (`threading.Thread`; the main thread is not marked), not an asyncio task.
    pub thread: bool,
}

/// A simulated process: entry 0 is the main one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcInfo {
    /// `Process-1`, or the `name=` given; `MainProcess` for entry 0.
    pub name: String,
    pub pid: u32,
    /// The index of its parent in `Trace::processes` (0 for the main process itself).
    pub parent: u32,
    /// Its main thread's lane.
    pub lane: TaskId,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ObjKind {
    Future,
    Gather,
    Lock,
    Event,
    Condition,
    Semaphore,
    BoundedSemaphore,
    Queue,
    PriorityQueue,
    LifoQueue,
    Timeout,
    TaskGroup,
    /// A `multiprocessing` queue, or one direction of a pipe, between processes (`Queue-1`, `Pipe-1`).
    Channel,
    /// A child process, as its parent's `join` waits for it (named as the process is).
    Process,
    /// A host of the simulated internet or an address on the loopback, as network waits name it
    /// (`example.com`, `127.0.0.1:8888`).
    Socket,
}

impl ObjKind {
    /// The kind its name says (`"Lock"`, as `{:?}` writes it), for the runtime's registrations and run files.
    pub fn from_name(name: &str) -> Option<ObjKind> {
        Some(match name {
            "Future" => ObjKind::Future,
            "Gather" => ObjKind::Gather,
            "Lock" => ObjKind::Lock,
            "Event" => ObjKind::Event,
            "Condition" => ObjKind::Condition,
            "Semaphore" => ObjKind::Semaphore,
            "BoundedSemaphore" => ObjKind::BoundedSemaphore,
            "Queue" => ObjKind::Queue,
            "PriorityQueue" => ObjKind::PriorityQueue,
            "LifoQueue" => ObjKind::LifoQueue,
            "Timeout" => ObjKind::Timeout,
            "TaskGroup" => ObjKind::TaskGroup,
            "Channel" => ObjKind::Channel,
            "Socket" => ObjKind::Socket,
            "Process" => ObjKind::Process,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjInfo {
    pub kind: ObjKind,
    /// `Lock-1`, `Queue-2`: the kind and a counter per kind, in creation order.
    pub name: String,
    pub created_line: u32,
    /// The runtime's own object (the `Event` inside a `Queue`): in the trace, but not the program's to see.
    pub internal: bool,
    /// An asyncio semaphore's initial value, when it is a whole number: its free slots (the initial value, less
    /// `Acquired`, plus `Released`) never go below zero, and a bounded one's never above it but for wakeups in
    /// flight. `None` for other objects and for a float value, whose rounding can defeat the bound check.
    pub capacity: Option<u64>,
}

/// Everything recorded so far. The host reads `events[seen..]` after each budget slice.
#[derive(Debug, Clone, Default)]
pub struct Trace {
    pub events: Vec<Event>,
    /// Indexed by `TaskId`; entry 0 is the main thread.
    pub tasks: Vec<TaskInfo>,
    pub objects: Vec<ObjInfo>,
    pub texts: Vec<String>,
    /// The processes, once the program starts a second one (empty until then).
    pub processes: Vec<ProcInfo>,
    /// Indexed by the `msg` of `MessageSent`: a short description of each message (`3`, `'done'`,
    /// `tuple of 2`), the title of its arrow.
    pub messages: Vec<String>,
    /// Where the trace was cut: the virtual time of the first event not recorded, once `Config::max_events`
    /// were (the run goes on, unrecorded but for its `Print` events, which output is shown from).
    pub cut_at: Option<Time>,
}

impl Trace {
    pub fn task_name(&self, task: TaskId) -> &str {
        self.tasks.get(task as usize).map_or("?", |t| t.name.as_str())
    }

    pub fn object_name(&self, obj: ObjId) -> &str {
        self.objects.get(obj as usize).map_or("?", |o| o.name.as_str())
    }

    pub fn text(&self, id: u32) -> &str {
        self.texts.get(id as usize).map_or("", |t| t.as_str())
    }

    /// Every event, one a line: time in seconds, task, line, what happened (`interleave run --trace text`, and
    /// the corpus's `.trace` snapshots).
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        for e in &self.events {
            let who = self.task_name(e.task);
            let what = match e.kind {
                EventKind::Print { text, .. } => format!("Print {:?}", self.text(text)),
                other => format!("{other:?}"),
            };
            let _ = writeln!(s, "{:>12.6} {:<10} L{:<4} {}", e.at as f64 / 1e9, who, e.line, what);
        }
        s
    }
}
