//! Replays a trace into what the event loop looked like after any event, and into per-task timeline lanes, incrementally.
//!
//! [`LoopState`] folds events one at a time ([`LoopState::apply`]): each task's phase and line, the ready queue,
//! pending timers, who holds and who waits on each synchronisation object, and the output lines so far.
//! [`Replay`] pairs a live `LoopState` with the [`Lane`]s of the timeline and extends both with
//! [`Replay::extend`] as a running session appends events, so the host never re-reads the whole trace.
//!
//! **Invariant:** `state_at(trace, n)` equals a `Replay` extended over the same first `n` events: there is one
//! fold, and the pure functions are that fold from the start.

use std::collections::{BTreeMap, HashMap, VecDeque};

use crate::trace::{Event, EventKind, ObjId, Outcome, Stream, SyncOp, TaskId, Time, TimerId, Trace, WaitReason, Wake};

/// What a task is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskPhase {
    /// Created and not yet scheduled.
    New,
    /// On the ready queue, put there for this reason.
    Ready(Wake),
    /// Running on the loop.
    Running,
    /// Suspended, for this reason.
    Waiting(WaitReason),
    /// Running but holding the whole loop until `until` (`time.sleep` in a coroutine).
    Blocking {
        until: Time,
    },
    Done,
    Cancelled,
    /// Ended by an uncaught exception; `exc` indexes [`Trace::texts`].
    Failed {
        exc: u32,
    },
}

impl TaskPhase {
    pub fn is_finished(self) -> bool {
        matches!(self, TaskPhase::Done | TaskPhase::Cancelled | TaskPhase::Failed { .. })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TaskState {
    pub phase: TaskPhase,
    /// The source line the task is at (0 when not known yet).
    pub line: u32,
    /// When the task entered its phase.
    pub since: Time,
    /// `Task.cancel()` was called on it and it has not finished yet.
    pub cancel_requested: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PendingTimer {
    pub timer: TimerId,
    pub deadline: Time,
    /// The task that armed it.
    pub task: TaskId,
}

/// Who holds a synchronisation object and who waits on it, both in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ObjState {
    pub holders: Vec<TaskId>,
    /// A deque: the waiter taken off is nearly always the front one, and a lock that 1,000 tasks queue on
    /// hands itself on 200,000 times in `shared/bench/lock.py`.
    pub waiters: VecDeque<(TaskId, SyncOp)>,
}

/// One line of output; the last one may still be open (printed with `end=""`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputLine {
    /// The task that began the line.
    pub task: TaskId,
    pub stream: Stream,
    pub text: String,
    pub at: Time,
}

/// The event loop after some prefix of a trace.
#[derive(Debug, Clone, Default)]
pub struct LoopState {
    /// How many events have been applied.
    pub applied: usize,
    /// The time of the last applied event.
    pub now: Time,
    /// Indexed by `TaskId`; `None` until the task's first event.
    pub tasks: Vec<Option<TaskState>>,
    pub running: Option<TaskId>,
    /// The ready queue, front first.
    pub ready: VecDeque<TaskId>,
    /// Indexed by `ObjId`; objects nobody has touched yet are absent or empty.
    pub objects: Vec<ObjState>,
    pub output: Vec<OutputLine>,
    /// The thread (its lane) holding the GIL, in a program with threads.
    pub gil_holder: Option<TaskId>,
    /// Indexed by `TaskId`: whether the task is on `ready`, so that queueing and resuming cost O(1) however
    /// long the queue is (100,000 tasks gathered at once are all on it).
    queued: Vec<bool>,
    /// Indexed by `TaskId`: how many entries the task has in the objects' `waiters`, so that taking it off
    /// stops at the entry found (nearly always the front one) instead of scanning a long queue.
    waits: Vec<u32>,
    timers: BTreeMap<(Time, TimerId), TaskId>,
    timer_deadlines: HashMap<TimerId, Time>,
    line_open: bool,
}

impl LoopState {
    pub fn task(&self, task: TaskId) -> Option<&TaskState> {
        self.tasks.get(task as usize).and_then(Option::as_ref)
    }

    pub fn object(&self, obj: ObjId) -> Option<&ObjState> {
        self.objects.get(obj as usize)
    }

    /// Pending timers, soonest first; ties in arming order.
    pub fn timers(&self) -> impl Iterator<Item = PendingTimer> + '_ {
        self.timers
            .iter()
            .map(|(&(deadline, timer), &task)| PendingTimer { timer, deadline, task })
    }

    pub fn timer_count(&self) -> usize {
        self.timers.len()
    }

    /// Applies the next event; `trace` supplies printed text.
    pub fn apply(&mut self, trace: &Trace, e: &Event) {
        self.applied += 1;
        self.now = self.now.max(e.at);
        let t = e.task;
        if self.tasks.len() <= t as usize {
            self.tasks.resize(t as usize + 1, None);
            self.queued.resize(t as usize + 1, false);
            self.waits.resize(t as usize + 1, 0);
        }
        if self.tasks[t as usize].is_none() {
            self.tasks[t as usize] = Some(TaskState {
                phase: TaskPhase::New,
                line: 0,
                since: e.at,
                cancel_requested: false,
            });
        }
        // Only these events happen where the task's own code is (Finished: where its coroutine returned or
        // raised): Created carries the creator's line, CancelRequested the canceller's, Ready the waker's, and
        // timers and locks may be armed or taken inside library code.
        let own_line = matches!(
            e.kind,
            EventKind::Resumed
                | EventKind::Suspended { .. }
                | EventKind::Print { .. }
                | EventKind::Blocked { .. }
                | EventKind::Finished { .. }
        );
        if own_line && e.line != 0 {
            self.set(t, |s| s.line = e.line);
        }
        match e.kind {
            EventKind::Created { .. } => {}
            EventKind::Ready { by } => {
                self.unwait(t);
                // Waiting for the GIL is not waiting on the event loop's ready queue.
                if by != Wake::Gil && !self.queued[t as usize] {
                    self.queued[t as usize] = true;
                    self.ready.push_back(t);
                }
                self.enter(t, TaskPhase::Ready(by), e.at);
            }
            EventKind::Resumed => {
                self.unready(t);
                self.running = Some(t);
                self.enter(t, TaskPhase::Running, e.at);
            }
            EventKind::Suspended { reason } => {
                if let WaitReason::Sync { obj, op } = reason {
                    self.obj_mut(obj).waiters.push_back((t, op));
                    self.waits[t as usize] += 1;
                }
                self.stop_running(t);
                self.enter(t, TaskPhase::Waiting(reason), e.at);
            }
            EventKind::Finished { outcome } => {
                self.unready(t);
                self.unwait(t);
                self.stop_running(t);
                let phase = match outcome {
                    Outcome::Returned => TaskPhase::Done,
                    Outcome::Raised { exc } => TaskPhase::Failed { exc },
                    Outcome::Cancelled => TaskPhase::Cancelled,
                };
                self.enter(t, phase, e.at);
                self.set(t, |s| s.cancel_requested = false);
            }
            EventKind::Print { stream, text } => self.print(t, stream, trace.text(text), e.at),
            EventKind::TimerArmed { timer, deadline } => {
                self.timers.insert((deadline, timer), t);
                self.timer_deadlines.insert(timer, deadline);
            }
            EventKind::TimerFired { timer } | EventKind::TimerCancelled { timer } => {
                if let Some(deadline) = self.timer_deadlines.remove(&timer) {
                    self.timers.remove(&(deadline, timer));
                }
            }
            EventKind::Acquired { obj } => {
                self.remove_waiter(obj, t);
                self.obj_mut(obj).holders.push(t);
            }
            EventKind::Released { obj } => {
                // asyncio lets any task release a lock; then the oldest holder is the one let go.
                let o = self.obj_mut(obj);
                let at = o.holders.iter().position(|&h| h == t).unwrap_or(0);
                if at < o.holders.len() {
                    o.holders.remove(at);
                }
            }
            EventKind::Blocked { until } => self.enter(t, TaskPhase::Blocking { until }, e.at),
            EventKind::Renamed { .. } => {}
            EventKind::CancelRequested { .. } => self.set(t, |s| s.cancel_requested = true),
            EventKind::GilTaken => self.gil_holder = Some(t),
            EventKind::GilDropped { .. } => self.gil_holder = None,
            // Processes, cores and messages have lanes of their own (`Replay`), not task states.
            EventKind::ProcessStarted { .. }
            | EventKind::ProcessExited { .. }
            | EventKind::OnCore { .. }
            | EventKind::OffCore
            | EventKind::MessageSent { .. }
            | EventKind::MessageReceived { .. } => {}
        }
    }

    fn set(&mut self, t: TaskId, f: impl FnOnce(&mut TaskState)) {
        if let Some(Some(s)) = self.tasks.get_mut(t as usize) {
            f(s);
        }
    }

    fn enter(&mut self, t: TaskId, phase: TaskPhase, at: Time) {
        self.set(t, |s| {
            s.phase = phase;
            s.since = at;
        });
    }

    fn obj_mut(&mut self, obj: ObjId) -> &mut ObjState {
        if self.objects.len() <= obj as usize {
            self.objects.resize(obj as usize + 1, ObjState::default());
        }
        &mut self.objects[obj as usize]
    }

    fn unready(&mut self, t: TaskId) {
        if !std::mem::take(&mut self.queued[t as usize]) {
            return;
        }
        // The task resumed is nearly always the front one.
        if self.ready.front() == Some(&t) {
            self.ready.pop_front();
        } else if let Some(i) = self.ready.iter().position(|&r| r == t) {
            self.ready.remove(i);
        }
    }

    fn unwait(&mut self, t: TaskId) {
        if let Some(TaskPhase::Waiting(WaitReason::Sync { obj, .. })) = self.task(t).map(|s| s.phase) {
            self.remove_waiter(obj, t);
        }
    }

    /// Takes every entry of `t` off `obj`'s waiters, as a `retain` would, but stops once the task has no
    /// entry left anywhere.
    fn remove_waiter(&mut self, obj: ObjId, t: TaskId) {
        self.obj_mut(obj);
        let left = &mut self.waits[t as usize];
        let waiters = &mut self.objects[obj as usize].waiters;
        let mut i = 0;
        while *left > 0 && i < waiters.len() {
            if waiters[i].0 == t {
                waiters.remove(i);
                *left -= 1;
            } else {
                i += 1;
            }
        }
    }

    fn stop_running(&mut self, t: TaskId) {
        if self.running == Some(t) {
            self.running = None;
        }
    }

    fn print(&mut self, task: TaskId, stream: Stream, text: &str, at: Time) {
        let mut rest = text;
        loop {
            let (piece, ends_line) = match rest.find('\n') {
                Some(i) => (&rest[..i], true),
                None => (rest, false),
            };
            let continues = self.line_open && self.output.last().is_some_and(|l| l.stream == stream);
            if continues {
                self.output.last_mut().expect("open line").text.push_str(piece);
            } else if !piece.is_empty() || ends_line {
                self.output.push(OutputLine {
                    task,
                    stream,
                    text: piece.to_string(),
                    at,
                });
            }
            if !ends_line {
                if !piece.is_empty() {
                    self.line_open = true;
                }
                return;
            }
            self.line_open = false;
            rest = &rest[piece.len() + 1..];
            if rest.is_empty() {
                return;
            }
        }
    }
}

/// The loop as it was after the first `event_index` events of `trace` (clamped to its length).
pub fn state_at(trace: &Trace, event_index: usize) -> LoopState {
    let mut state = LoopState::default();
    for e in &trace.events[..event_index.min(trace.events.len())] {
        state.apply(trace, e);
    }
    state
}

/// How many events happened at or before `t`: the index to give [`state_at`] for "the moment `t`".
pub fn events_until(trace: &Trace, t: Time) -> usize {
    trace.events.partition_point(|e| e.at <= t)
}

/// A stretch of time a task spent in one phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    pub start: Time,
    /// `Time::MAX` while the segment is still going.
    pub end: Time,
    pub phase: TaskPhase,
    /// The task's line when the segment began.
    pub line: u32,
    /// For a wait on a synchronisation object, who held it when the wait began.
    pub holder: Option<TaskId>,
    /// The index of the event that began the segment.
    pub event: u32,
}

impl Segment {
    /// The segment's end, with an open segment ending at `now`.
    pub fn end_at(&self, now: Time) -> Time {
        if self.end == Time::MAX {
            now.max(self.start)
        } else {
            self.end
        }
    }

    pub fn is_open(&self) -> bool {
        self.end == Time::MAX
    }
}

/// One task's row of the timeline: its segments in time order, not overlapping; the last may be open.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lane {
    pub task: TaskId,
    pub segments: Vec<Segment>,
}

impl Lane {
    /// The index of the segment covering `t`, or of the first one after it.
    pub fn segment_at(&self, t: Time) -> usize {
        self.segments.partition_point(|s| s.end != Time::MAX && s.end <= t)
    }
}

/// The task id of the main process's GIL lane ([`Replay::gils`]), which no task has.
pub const GIL_LANE: TaskId = TaskId::MAX;
/// How many ids each kind of lane that is not a task's may take (processes, cores), below [`GIL_LANE`].
const KIND_IDS: TaskId = 1 << 16;

/// What a lane's id stands for: a task's own lane, or one of the lanes the replay adds (ids counted down
/// from [`GIL_LANE`], far above any task's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LaneId {
    Task(TaskId),
    /// The GIL of this process (an index into `Trace::processes`; 0 without processes).
    Gil(u32),
    /// This simulated core.
    Core(u32),
    /// This process, as a whole: when it was on a core, and its end.
    Process(u32),
}

impl LaneId {
    pub fn of(id: TaskId) -> LaneId {
        match GIL_LANE - id {
            n if n < KIND_IDS => LaneId::Gil(n),
            n if n < 2 * KIND_IDS => LaneId::Core(n - KIND_IDS),
            n if n < 3 * KIND_IDS => LaneId::Process(n - 2 * KIND_IDS),
            _ => LaneId::Task(id),
        }
    }

    pub fn id(self) -> TaskId {
        match self {
            LaneId::Task(t) => t,
            LaneId::Gil(p) => GIL_LANE - p,
            LaneId::Core(c) => GIL_LANE - KIND_IDS - c,
            LaneId::Process(p) => GIL_LANE - 2 * KIND_IDS - p,
        }
    }
}

/// A message between processes: who sent it when, and who took it when (`None` until then).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Message {
    pub channel: ObjId,
    pub sent: (Time, TaskId),
    pub received: Option<(Time, TaskId)>,
}

/// A channel's backlog over time: the messages sent through it and not yet received (a pool's pending tasks).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Backlog {
    pub channel: ObjId,
    /// From each time on, how many messages wait: in time order, one step per time (a message sent a little
    /// earlier in virtual time by another process counts from the last step's time).
    pub steps: Vec<(Time, u32)>,
    /// The most that ever waited.
    pub peak: u32,
}

impl Backlog {
    fn change(&mut self, at: Time, up: bool) {
        let (last_at, count) = self.steps.last().copied().unwrap_or((at, 0));
        let count = if up { count + 1 } else { count.saturating_sub(1) };
        let at = at.max(last_at);
        self.peak = self.peak.max(count);
        match self.steps.last_mut() {
            Some(last) if last.0 == at => last.1 = count,
            _ => self.steps.push((at, count)),
        }
    }

    /// The index of the step in force at `t` (0 before the first).
    pub fn step_at(&self, t: Time) -> usize {
        self.steps.partition_point(|s| s.0 <= t).saturating_sub(1)
    }
}

/// The live fold: the loop state and the timeline lanes, extended as events arrive.
#[derive(Debug, Clone, Default)]
pub struct Replay {
    pub state: LoopState,
    /// Indexed by `TaskId`: the main thread first, then tasks in creation order.
    pub lanes: Vec<Lane>,
    /// Indexed by process: who held its GIL when, for a program with threads or processes (empty otherwise):
    /// `Running` segments whose `holder` is the thread's lane, and `Done` ones while every thread of the
    /// process waits and nobody holds it.
    pub gils: Vec<Lane>,
    /// Indexed by core, once the program starts a process: `Running` segments while a process is on the core,
    /// whose `holder` is the process's main lane; nothing while the core is idle.
    pub cores: Vec<Lane>,
    /// Indexed by process: `Running` segments while it is on a core (whose `holder` is the core's number,
    /// not a task), a `Done` one from its end on.
    pub procs: Vec<Lane>,
    /// Indexed by process: its exit code, once it ended.
    pub exits: Vec<Option<i32>>,
    /// Indexed by the message's number (`EventKind::MessageSent`).
    pub messages: Vec<Message>,
    /// The messages received, in the order they were: with `messages` (in the order they were sent), what
    /// the timeline looks up by time to find the arrows in its window.
    pub received: Vec<u32>,
    /// One per channel that carried a message, in the order of their first messages.
    pub backlogs: Vec<Backlog>,
    /// The index in `backlogs` of each channel's.
    backlog_of: HashMap<ObjId, usize, crate::findings::FastHash>,
    /// Indexed by `TaskId`: the process each lane belongs to.
    process_of: Vec<u32>,
    /// Indexed by process: the core it is on.
    on_core: Vec<Option<u32>>,
}

impl Replay {
    pub fn new() -> Replay {
        Replay::default()
    }

    /// The process (an index into `Trace::processes`) whose lane `task` is: its creator's, or the one it is
    /// the main lane of.
    pub fn process_of(&self, task: TaskId) -> u32 {
        self.process_of.get(task as usize).copied().unwrap_or(0)
    }

    /// The lane an id stands for, if it has one yet.
    pub fn lane(&self, id: TaskId) -> Option<&Lane> {
        match LaneId::of(id) {
            LaneId::Task(t) => self.lanes.get(t as usize),
            LaneId::Gil(p) => self.gils.get(p as usize),
            LaneId::Core(c) => self.cores.get(c as usize),
            LaneId::Process(p) => self.procs.get(p as usize),
        }
    }

    /// Applies the events of `trace` not seen yet. Cost is proportional to the new events only.
    pub fn extend(&mut self, trace: &Trace) {
        if self.lanes.len() < trace.tasks.len() {
            let from = self.lanes.len() as TaskId;
            self.lanes.extend((from..trace.tasks.len() as TaskId).map(|task| Lane {
                task,
                segments: Vec::new(),
            }));
        }
        let start = self.state.applied;
        for (i, e) in trace.events.iter().enumerate().skip(start) {
            let before = self.state.task(e.task).map(|s| s.phase);
            self.state.apply(trace, e);
            match e.kind {
                EventKind::GilTaken | EventKind::GilDropped { .. } => self.gil_changed(e, i),
                EventKind::Created { .. }
                | EventKind::ProcessStarted { .. }
                | EventKind::ProcessExited { .. }
                | EventKind::OnCore { .. }
                | EventKind::OffCore
                | EventKind::MessageSent { .. }
                | EventKind::MessageReceived { .. } => self.process_event(e, i),
                _ => {}
            }
            let after = self.state.task(e.task).copied().expect("applied");
            if before != Some(after.phase) {
                self.open(e, i, after);
            }
        }
    }

    fn gil_changed(&mut self, e: &Event, index: usize) {
        let (phase, holder) = match e.kind {
            EventKind::GilTaken => (TaskPhase::Running, Some(e.task)),
            _ => (TaskPhase::Done, None),
        };
        let p = self.process_of(e.task);
        let gil = lane_mut(&mut self.gils, p, LaneId::Gil);
        turn(gil, e.at, Some((phase, holder, index)));
    }

    /// Follows the processes: which lane is whose, their time on cores, their ends, their messages.
    fn process_event(&mut self, e: &Event, index: usize) {
        let t = e.task as usize;
        if self.process_of.len() <= t {
            self.process_of.resize(t + 1, 0);
        }
        let p = self.process_of[t];
        match e.kind {
            EventKind::Created { parent } => self.process_of[t] = self.process_of(parent),
            EventKind::ProcessStarted { process } => {
                self.process_of[t] = process;
                // Its lane (and its parents') exists from its start, before it first gets a core.
                lane_mut(&mut self.procs, process, LaneId::Process);
            }
            EventKind::OnCore { core } => {
                let run = Some((TaskPhase::Running, Some(e.task), index));
                turn(lane_mut(&mut self.cores, core, LaneId::Core), e.at, run);
                let mine = Some((TaskPhase::Running, Some(core), index));
                turn(lane_mut(&mut self.procs, p, LaneId::Process), e.at, mine);
                grow(&mut self.on_core, p)[p as usize] = Some(core);
            }
            EventKind::OffCore => {
                if let Some(core) = grow(&mut self.on_core, p)[p as usize].take() {
                    turn(lane_mut(&mut self.cores, core, LaneId::Core), e.at, None);
                }
                let lane = lane_mut(&mut self.procs, p, LaneId::Process);
                if lane.segments.last().is_some_and(|s| s.phase == TaskPhase::Running) {
                    turn(lane, e.at, None);
                }
            }
            EventKind::ProcessExited { code } => {
                grow(&mut self.exits, p)[p as usize] = Some(code);
                let done = Some((TaskPhase::Done, None, index));
                turn(lane_mut(&mut self.procs, p, LaneId::Process), e.at, done);
            }
            EventKind::MessageSent { channel, msg } => {
                let m = Message {
                    channel,
                    sent: (e.at, e.task),
                    received: None,
                };
                let at = msg as usize;
                if self.messages.len() <= at {
                    self.messages.resize(at + 1, m);
                }
                self.messages[at] = m;
                self.backlog(channel).change(e.at, true);
            }
            EventKind::MessageReceived { channel, msg } => {
                if let Some(m) = self.messages.get_mut(msg as usize) {
                    m.received = Some((e.at, e.task));
                    self.received.push(msg);
                    self.backlog(channel).change(e.at, false);
                }
            }
            _ => {}
        }
    }

    fn backlog(&mut self, channel: ObjId) -> &mut Backlog {
        let next = self.backlogs.len();
        let i = *self.backlog_of.entry(channel).or_insert(next);
        if i == next {
            self.backlogs.push(Backlog {
                channel,
                ..Backlog::default()
            });
        }
        &mut self.backlogs[i]
    }

    fn open(&mut self, e: &Event, index: usize, s: TaskState) {
        let t = e.task as usize;
        if self.lanes.len() <= t {
            let from = self.lanes.len() as TaskId;
            self.lanes.extend((from..=e.task).map(|task| Lane {
                task,
                segments: Vec::new(),
            }));
        }
        let holder = match s.phase {
            TaskPhase::Waiting(WaitReason::Sync { obj, .. }) => {
                self.state.object(obj).and_then(|o| o.holders.first().copied())
            }
            _ => None,
        };
        let segments = &mut self.lanes[t].segments;
        if let Some(last) = segments.last_mut() {
            if last.is_open() {
                last.end = e.at.max(last.start);
                // Zero-length stretches (a yield, a wake and resume at one instant) draw nothing.
                if last.end == last.start {
                    segments.pop();
                }
            }
        }
        // A task known only from, say, its prints (the main thread outside asyncio) has no phase to draw.
        if s.phase == TaskPhase::New {
            return;
        }
        let mut seg = Segment {
            start: e.at,
            end: Time::MAX,
            phase: s.phase,
            line: s.line,
            holder,
            event: index as u32,
        };
        if let TaskPhase::Blocking { until } = s.phase {
            // The task holds the loop until `until` and then runs on: two segments, the second open.
            seg.end = until.max(e.at);
            segments.push(seg);
            seg = Segment {
                start: seg.end,
                end: Time::MAX,
                phase: TaskPhase::Running,
                ..seg
            };
        }
        segments.push(seg);
    }
}

/// `v[i]`, with `v` grown to hold it.
fn grow<T: Default + Clone>(v: &mut Vec<T>, i: u32) -> &mut Vec<T> {
    if v.len() <= i as usize {
        v.resize(i as usize + 1, T::default());
    }
    v
}

/// Lane `i` of `lanes` (a process's GIL, a core), made with its id if new.
fn lane_mut(lanes: &mut Vec<Lane>, i: u32, id: fn(u32) -> LaneId) -> &mut Lane {
    while lanes.len() <= i as usize {
        let task = id(lanes.len() as u32).id();
        lanes.push(Lane {
            task,
            segments: Vec::new(),
        });
    }
    &mut lanes[i as usize]
}

/// Ends `lane`'s open segment at `at` (dropping it if that leaves it empty) and opens `next`: (phase, holder,
/// the event's index), if any.
fn turn(lane: &mut Lane, at: Time, next: Option<(TaskPhase, Option<TaskId>, usize)>) {
    let segments = &mut lane.segments;
    if let Some(last) = segments.last_mut().filter(|l| l.is_open()) {
        last.end = at.max(last.start);
        if last.end == last.start {
            segments.pop();
        }
    }
    if let Some((phase, holder, index)) = next {
        segments.push(Segment {
            start: at,
            end: Time::MAX,
            phase,
            line: 0,
            holder,
            event: index as u32,
        });
    }
}

/// The timeline of a whole trace: [`Replay::extend`] from the start.
pub fn segments(trace: &Trace) -> Vec<Lane> {
    let mut replay = Replay::new();
    replay.extend(trace);
    replay.lanes
}
