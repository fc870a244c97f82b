//! The timeline's geometry as pure functions: the visible time window, axis ticks, which lanes and which
//! segments to draw, and the colour class of each task phase.
//!
//! Horizontal positions are fractions of the track's width (0.0 at the window's start, 1.0 at its end), so
//! the view survives resizes without a new layout; culling works at a resolution of columns the caller picks
//! from the track's width (at most [`COLUMNS`]).

use std::ops::Range;

use interleave::replay::{Backlog, Lane, Message, Segment, TaskPhase};
use interleave::trace::{TaskId, Time, Trace, WaitReason, Wake};

/// The most columns a track is divided into when deciding what is too small to draw on its own.
pub const COLUMNS: u64 = 1200;

/// Columns for a track `track_px` pixels wide: one per two pixels, so nothing narrower than that is an
/// element of its own.
pub fn columns_for(track_px: f64) -> u64 {
    ((track_px / 2.0) as u64).clamp(64, COLUMNS)
}
/// The narrowest window: one microsecond.
pub const MIN_SPAN: Time = 1_000;
/// The window shown before anything has happened, and the least a fitted window spans.
pub const DEFAULT_SPAN: Time = 1_000_000_000;

/// The colour a phase is drawn in: one CSS variable each, `--state-<class>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StateKind {
    Running,
    Ready,
    /// A thread (or the task on it) that could run but waits for the GIL.
    Gil,
    Sleeping,
    /// Asleep past its deadline: the timer is due but the loop is busy elsewhere.
    Overdue,
    Awaiting,
    Blocked,
    /// Waiting for the simulated network: a host's answer, data on a socket, a connection.
    Network,
    Blocking,
    Done,
    Cancelled,
    Failed,
}

impl StateKind {
    pub const ALL: [StateKind; 12] = [
        StateKind::Running,
        StateKind::Ready,
        StateKind::Gil,
        StateKind::Sleeping,
        StateKind::Overdue,
        StateKind::Awaiting,
        StateKind::Blocked,
        StateKind::Network,
        StateKind::Blocking,
        StateKind::Done,
        StateKind::Cancelled,
        StateKind::Failed,
    ];

    pub fn of(phase: TaskPhase) -> StateKind {
        match phase {
            TaskPhase::Ready(Wake::Gil) | TaskPhase::Waiting(WaitReason::Gil) => StateKind::Gil,
            TaskPhase::New | TaskPhase::Ready(_) | TaskPhase::Waiting(WaitReason::Yield) => StateKind::Ready,
            TaskPhase::Running => StateKind::Running,
            TaskPhase::Waiting(WaitReason::Sleep { .. }) => StateKind::Sleeping,
            TaskPhase::Waiting(WaitReason::Task(_) | WaitReason::Future(_) | WaitReason::EventLoop) => {
                StateKind::Awaiting
            }
            TaskPhase::Waiting(WaitReason::Sync { .. } | WaitReason::Process { .. }) => StateKind::Blocked,
            TaskPhase::Waiting(WaitReason::Net { .. }) => StateKind::Network,
            TaskPhase::Blocking { .. } => StateKind::Blocking,
            TaskPhase::Done => StateKind::Done,
            TaskPhase::Cancelled => StateKind::Cancelled,
            TaskPhase::Failed { .. } => StateKind::Failed,
        }
    }

    /// The CSS class suffix and variable name: `running` for `--state-running`.
    pub fn class(self) -> &'static str {
        match self {
            StateKind::Running => "running",
            StateKind::Ready => "ready",
            StateKind::Gil => "gil",
            StateKind::Sleeping => "sleeping",
            StateKind::Overdue => "overdue",
            StateKind::Awaiting => "awaiting",
            StateKind::Blocked => "blocked",
            StateKind::Network => "network",
            StateKind::Blocking => "blocking",
            StateKind::Done => "done",
            StateKind::Cancelled => "cancelled",
            StateKind::Failed => "failed",
        }
    }

    /// What the legend says.
    pub fn label(self) -> &'static str {
        match self {
            StateKind::Running => "running",
            StateKind::Ready => "ready (queued)",
            StateKind::Gil => "waiting for the GIL",
            StateKind::Sleeping => "sleeping",
            StateKind::Overdue => "timer due, loop busy",
            StateKind::Awaiting => "awaiting a task or future",
            StateKind::Blocked => "waiting on a lock, event, semaphore or queue",
            StateKind::Network => "waiting for the network",
            StateKind::Blocking => "blocking the loop (time.sleep)",
            StateKind::Done => "done",
            StateKind::Cancelled => "cancelled",
            StateKind::Failed => "failed",
        }
    }

    /// Finished tasks are drawn as a thin line rather than a bar.
    pub fn is_final(self) -> bool {
        matches!(self, StateKind::Done | StateKind::Cancelled | StateKind::Failed)
    }
}

/// The window of virtual time the timeline shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Viewport {
    pub start: Time,
    pub span: Time,
}

impl Default for Viewport {
    fn default() -> Self {
        Viewport {
            start: 0,
            span: DEFAULT_SPAN,
        }
    }
}

impl Viewport {
    /// The whole run so far, with a little room after `now` so the cursor is not on the edge.
    pub fn fit(now: Time) -> Viewport {
        Viewport {
            start: 0,
            span: (now + now / 20).max(MIN_SPAN * 10),
        }
    }

    /// The window while a run is live: from zero to a round span past `now`, at least [`DEFAULT_SPAN`], so
    /// it rescales in a few jumps rather than every frame.
    pub fn follow(now: Time) -> Viewport {
        let need = (now + now / 10).max(DEFAULT_SPAN);
        let mut unit = 1u64;
        while unit.saturating_mul(10) <= need {
            unit *= 10;
        }
        let span = [1, 2, 5, 10]
            .iter()
            .map(|m| unit.saturating_mul(*m))
            .find(|&s| s >= need)
            .unwrap_or(need);
        Viewport { start: 0, span }
    }

    pub fn end(&self) -> Time {
        self.start.saturating_add(self.span)
    }

    /// Where `t` falls, as a fraction of the track (outside 0..1 when off screen).
    pub fn fraction(&self, t: Time) -> f64 {
        (t as f64 - self.start as f64) / self.span as f64
    }

    /// The time at a fraction of the track.
    pub fn time_at(&self, fraction: f64) -> Time {
        let t = self.start as f64 + fraction.clamp(0.0, 1.0) * self.span as f64;
        t.round() as Time
    }

    /// Zooms by `factor` (below 1 zooms in) keeping the time under `anchor` (a fraction) in place.
    /// A window showing `from..to` in its middle third (a finding's stretch), at least [`MIN_SPAN`] * 3 wide.
    pub fn around(from: Time, to: Time) -> Viewport {
        let (from, to) = (from.min(to), from.max(to));
        let span = (to - from).saturating_mul(3).max(MIN_SPAN * 3);
        let middle = from + (to - from) / 2;
        Viewport {
            start: middle.saturating_sub(span / 2),
            span,
        }
    }

    pub fn zoom(&self, factor: f64, anchor: f64) -> Viewport {
        let anchor = anchor.clamp(0.0, 1.0);
        let pivot = self.start as f64 + anchor * self.span as f64;
        let span = (self.span as f64 * factor).clamp(MIN_SPAN as f64, u64::MAX as f64 / 4.0);
        let start = (pivot - anchor * span).max(0.0);
        Viewport {
            start: start.round() as Time,
            span: span.round() as Time,
        }
    }

    /// Moves by `fraction` of the window (negative is earlier), never before time zero.
    pub fn pan(&self, fraction: f64) -> Viewport {
        let start = (self.start as f64 + fraction * self.span as f64).max(0.0);
        Viewport {
            start: start.round() as Time,
            span: self.span,
        }
    }
}

/// An axis tick: its time and where it sits.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub at: Time,
    pub fraction: f64,
    /// Digits after the decimal point its label needs.
    pub decimals: usize,
}

/// Ticks at a round step (1, 2 or 5 times a power of ten nanoseconds) about `max_ticks` across the window.
pub fn ticks(view: &Viewport, max_ticks: u64) -> Vec<Tick> {
    let raw = (view.span / max_ticks.max(1)).max(1);
    let mut step = 1u64;
    while step.saturating_mul(10) <= raw {
        step *= 10;
    }
    let step = [1, 2, 5, 10]
        .iter()
        .map(|m| step.saturating_mul(*m))
        .find(|&s| s >= raw)
        .unwrap_or(step);
    // A step of 10^k ns needs 9 - k decimals of seconds (at least none).
    let decimals = 9usize.saturating_sub(step.trailing_zeros_decimal());
    let first = view.start.div_ceil(step) * step;
    (0..)
        .map(|i| first.saturating_add(i * step))
        .take_while(|&t| t <= view.end())
        .take(max_ticks as usize * 2 + 2)
        .map(|at| Tick {
            at,
            fraction: view.fraction(at),
            decimals,
        })
        .collect()
}

trait DecimalZeros {
    fn trailing_zeros_decimal(self) -> usize;
}

impl DecimalZeros for u64 {
    fn trailing_zeros_decimal(mut self) -> usize {
        let mut n = 0;
        while self >= 10 && self % 10 == 0 {
            self /= 10;
            n += 1;
        }
        n
    }
}

/// Which rows of a virtualised list are on screen, with `overscan` rows either side.
pub fn visible_rows(scroll_top: f64, height: f64, row_height: f64, count: usize, overscan: usize) -> Range<usize> {
    let first = (scroll_top / row_height).floor().max(0.0) as usize;
    let shown = (height / row_height).ceil() as usize + 1;
    let start = first.saturating_sub(overscan).min(count);
    let end = (first + shown + overscan).min(count);
    start..end
}

/// One thing to draw in a lane.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Block {
    /// Fractions of the track.
    pub left: f64,
    pub width: f64,
    pub kind: StateKind,
    /// The segment it stands for (for several too small to draw, the one in the middle of the column).
    pub segment: usize,
    /// Stands for several segments too small to draw one by one.
    pub dense: bool,
}

/// Segments looked at per dense column before falling back to the one at its middle.
const COLUMN_SCAN: usize = 16;

/// Which segment a column too dense to draw one by one shows: a running one if it has any (brief runs are
/// what the timeline is for), else the one at its middle. Looks at no more than [`COLUMN_SCAN`] segments.
fn column_colour(lane: &Lane, first: usize, col_start: Time, col_end: Time) -> (usize, StateKind) {
    let segs = &lane.segments;
    let running = segs[first..]
        .iter()
        .take(COLUMN_SCAN)
        .take_while(|s| s.start < col_end)
        .position(|s| StateKind::of(s.phase) == StateKind::Running);
    if let Some(k) = running {
        return (first + k, StateKind::Running);
    }
    let mid = lane
        .segment_at(col_start + (col_end - col_start) / 2)
        .min(segs.len() - 1);
    (mid, StateKind::of(segs[mid].phase))
}

/// The blocks that draw `lane` in `view`, with open segments ending at `now`.
///
/// Segments wider than a column become one block each; where segments are narrower, each column becomes
/// one block (see [`column_colour`]), and neighbouring columns of one colour merge. Cost is
/// O(drawn blocks × log segments): a lane of a million segments costs no more than `columns` searches.
pub fn blocks(lane: &Lane, view: &Viewport, now: Time, columns: u64) -> Vec<Block> {
    let segs = &lane.segments;
    let column = (view.span / columns.max(1)).max(1);
    let mut out: Vec<Block> = Vec::new();
    let mut i = lane.segment_at(view.start);
    // Everything before `floor` is drawn already (by a dense column).
    let mut floor = view.start;
    while i < segs.len() {
        let s: &Segment = &segs[i];
        if s.start >= view.end() {
            break;
        }
        let from = s.start.max(floor);
        // A segment known to end later (a blocking sleep) is drawn only up to now.
        let to = s.end_at(now).min(now.max(s.start)).min(view.end());
        let kind = StateKind::of(s.phase);
        if to <= from && !(kind.is_final() && to == from) {
            i += 1;
            continue;
        }
        if to - from >= column || kind.is_final() {
            let mut push = |from: Time, to: Time, kind| {
                out.push(Block {
                    left: view.fraction(from),
                    width: (to - from) as f64 / view.span as f64,
                    kind,
                    segment: i,
                    dense: false,
                })
            };
            match s.phase {
                // A sleep that outlasts its deadline: the rest is the loop being too busy to wake it.
                TaskPhase::Waiting(WaitReason::Sleep { until }) if until > from && until < to => {
                    push(from, until, kind);
                    push(until, to, StateKind::Overdue);
                }
                _ => push(from, to, kind),
            }
            i += 1;
            continue;
        }
        // Too narrow: draw this column as one block, then skip to the segment covering the next column.
        let col_start = view.start + (from - view.start) / column * column;
        let col_end = col_start + column;
        let (mid, mid_kind) = column_colour(lane, i, col_start, col_end);
        let left = view.fraction(col_start);
        let width = column as f64 / view.span as f64;
        match out.last_mut() {
            Some(b) if b.dense && b.kind == mid_kind && (b.left + b.width - left).abs() < width / 2.0 => {
                b.width += width;
            }
            _ => out.push(Block {
                left,
                width,
                kind: mid_kind,
                segment: mid,
                dense: true,
            }),
        }
        floor = col_end;
        i = (i + 1).max(lane.segment_at(col_end));
    }
    out
}

/// The thread each lane belongs to: a thread's own lane is its own, a task belongs to the thread whose code
/// created it (through its parents), and the main thread is 0.
pub fn thread_of(trace: &Trace, task: TaskId) -> TaskId {
    let mut t = task;
    // Parents come before their children, so the walk ends; the bound guards a malformed trace.
    for _ in 0..trace.tasks.len() {
        match trace.tasks.get(t as usize) {
            Some(info) if info.thread || t == 0 => return t,
            Some(info) if info.parent < t => t = info.parent,
            _ => return 0,
        }
    }
    0
}

/// The order lanes are drawn in: each thread's lane followed by the tasks of its event loop, threads in the order
/// they were started, so a worker's tasks sit under it. Without threads this is creation order.
pub fn lane_order(trace: &Trace, tasks: &[TaskId]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..tasks.len()).collect();
    // A stable sort by the owning thread's id keeps creation order within each thread.
    interleave::smallsort::sort_by_key(&mut order, |&i| thread_of(trace, tasks[i]));
    order
}

/// A stretch of a backlog's row in which items wait: fractions of the track, and the most that waited in it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pending {
    pub left: f64,
    pub width: f64,
    pub start: Time,
    pub end: Time,
    pub count: u32,
}

/// The stretches of `backlog` in `view` with items waiting, the last one lasting until `now`. Stretches
/// narrower than a column (`columns` across the track) and closer than one to each other are drawn as one
/// with their largest count, so a busy queue costs about a block per column; a wider stretch is always its
/// own, so a moment's peak does not stand for the count of the second after it.
pub fn pending(backlog: &Backlog, view: &Viewport, now: Time, columns: u64) -> Vec<Pending> {
    let column = (view.span / columns.max(1)).max(1);
    let steps = &backlog.steps;
    let mut out: Vec<Pending> = Vec::new();
    for i in backlog.step_at(view.start)..steps.len() {
        let (at, count) = steps[i];
        if at >= view.end() {
            break;
        }
        let until = steps.get(i + 1).map_or(now, |s| s.0).min(view.end());
        let from = at.max(view.start);
        if count == 0 || until <= from {
            continue;
        }
        match out.last_mut() {
            Some(last)
                if from.saturating_sub(last.end) < column
                    && last.end - last.start < column
                    && until - from < column =>
            {
                last.end = until;
                last.count = last.count.max(count);
            }
            _ => out.push(Pending {
                left: 0.0,
                width: 0.0,
                start: from,
                end: until,
                count,
            }),
        }
    }
    for p in &mut out {
        p.left = view.fraction(p.start);
        p.width = view.fraction(p.end) - p.left;
    }
    out
}

/// One row of the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A simulated core: which process runs on it when.
    Core(u32),
    /// The `k`th channel's backlog (`Replay::backlogs`): a queue's or a pool's pending items over time.
    Queue(u32),
    /// A process's header: its name, pid and exit code, the button that folds it, and its time on cores.
    Process(u32),
    /// A process's GIL (process 0's in a program without processes).
    Gil(u32),
    /// The `k`th lane (a thread's or a task's) of process `p`, in drawing order.
    Lane(u32, usize),
}

/// What a process adds to the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProcRows {
    /// Whether its GIL has a lane (its threads or the machine took it).
    pub gil: bool,
    pub lanes: usize,
    /// Folded: only its header shows.
    pub folded: bool,
}

/// The timeline's rows, top to bottom. Without processes, the GIL's lane (if any) and then the lanes, as
/// ever; with processes, a row per core, a row per channel that carried messages (its backlog), then per
/// process its header and, unless folded, its GIL and its lanes. Looking a row up costs O(processes), so a render costs what it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rows {
    pub cores: u32,
    pub queues: u32,
    /// Indexed by process; never empty.
    pub procs: Vec<ProcRows>,
    /// Whether processes have headers: only once the program started one.
    pub grouped: bool,
}

impl ProcRows {
    fn len(&self, grouped: bool) -> usize {
        let body = if self.folded {
            0
        } else {
            usize::from(self.gil) + self.lanes
        };
        usize::from(grouped) + body
    }
}

impl Rows {
    pub fn len(&self) -> usize {
        self.head() + self.procs.iter().map(|p| p.len(self.grouped)).sum::<usize>()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn head(&self) -> usize {
        if self.grouped {
            (self.cores + self.queues) as usize
        } else {
            0
        }
    }

    pub fn get(&self, i: usize) -> Option<Row> {
        if i < self.head() {
            let i = i as u32;
            return Some(if i < self.cores {
                Row::Core(i)
            } else {
                Row::Queue(i - self.cores)
            });
        }
        let mut i = i - self.head();
        for (p, rows) in self.procs.iter().enumerate() {
            let p = p as u32;
            let n = rows.len(self.grouped);
            if i >= n {
                i -= n;
                continue;
            }
            if self.grouped {
                if i == 0 {
                    return Some(Row::Process(p));
                }
                i -= 1;
            }
            return Some(match i.checked_sub(usize::from(rows.gil)) {
                None => Row::Gil(p),
                Some(k) => Row::Lane(p, k),
            });
        }
        None
    }

    /// Where a row is drawn; a folded process's GIL and lanes are drawn in its header's row.
    pub fn index_of(&self, row: Row) -> Option<usize> {
        let p = match row {
            Row::Core(c) => return (c < self.cores && self.grouped).then_some(c as usize),
            Row::Queue(k) => return (k < self.queues && self.grouped).then_some((self.cores + k) as usize),
            Row::Process(p) | Row::Gil(p) | Row::Lane(p, _) => p,
        };
        let rows = self.procs.get(p as usize)?;
        let start = self.head()
            + self.procs[..p as usize]
                .iter()
                .map(|r| r.len(self.grouped))
                .sum::<usize>();
        let header = usize::from(self.grouped);
        match row {
            _ if rows.folded => self.grouped.then_some(start),
            Row::Process(_) => self.grouped.then_some(start),
            Row::Gil(_) => rows.gil.then_some(start + header),
            Row::Lane(_, k) => (k < rows.lanes).then_some(start + header + usize::from(rows.gil) + k),
            Row::Core(_) | Row::Queue(_) => None,
        }
    }
}

/// An arrow from a message's send to its receipt: fractions of the track across, rows down.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Arrow {
    pub from: (f64, usize),
    pub to: (f64, usize),
    /// The message's number (`Trace::messages`).
    pub msg: u32,
}

/// At most this many arrows are drawn; past it, evenly spread ones stand for the rest.
pub const MAX_ARROWS: usize = 120;

/// The arrows of the messages sent or received in `view` (received ones only), from the sender's row to
/// the receiver's (`row_of` gives a lane's row, `None` when it has none). `sent` and `received` list the
/// messages in the order they were sent and received, which is time order within a quantum (`slack`), so
/// the lookup is two binary searches and a walk over the window's messages.
pub fn arrows(
    messages: &[Message],
    received: &[u32],
    view: &Viewport,
    slack: Time,
    mut row_of: impl FnMut(TaskId) -> Option<usize>,
) -> Vec<Arrow> {
    let (from, to) = (view.start.saturating_sub(slack), view.end().saturating_add(slack));
    let first = messages.partition_point(|m| m.sent.0 < from);
    let last = messages.partition_point(|m| m.sent.0 <= to);
    let sent = (first as u32..last as u32).filter(|&i| messages[i as usize].received.is_some());
    let r0 = received.partition_point(|&i| messages[i as usize].received.is_some_and(|r| r.0 < from));
    let r1 = received.partition_point(|&i| messages[i as usize].received.is_some_and(|r| r.0 <= to));
    // Those received in the window but sent before it, which the first walk missed.
    let late = received[r0..r1]
        .iter()
        .copied()
        .filter(|&i| messages[i as usize].sent.0 < from);
    let mut ids: Vec<u32> = sent.chain(late).collect();
    if ids.len() > MAX_ARROWS {
        let every = ids.len().div_ceil(MAX_ARROWS);
        ids = ids.into_iter().step_by(every).collect();
    }
    ids.into_iter()
        .filter_map(|msg| {
            let m = &messages[msg as usize];
            let (at, by) = m.received?;
            Some(Arrow {
                from: (view.fraction(m.sent.0), row_of(m.sent.1)?),
                to: (view.fraction(at), row_of(by)?),
                msg,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_around_a_stretch_shows_it_in_its_middle_third() {
        let v = Viewport::around(4_000_000, 5_000_000);
        assert_eq!((v.start, v.span), (3_000_000, 3_000_000));
        assert!((v.fraction(4_000_000) - 1.0 / 3.0).abs() < 1e-9);
        // A stretch of no time still gets a window, and none starts before 0.
        let v = Viewport::around(10, 10);
        assert_eq!((v.start, v.span), (0, MIN_SPAN * 3));
    }
    use interleave::replay::Segment;

    fn seg(start: Time, end: Time, phase: TaskPhase) -> Segment {
        Segment {
            start,
            end,
            phase,
            line: 1,
            holder: None,
            event: 0,
        }
    }

    fn lane(segments: Vec<Segment>) -> Lane {
        Lane { task: 1, segments }
    }

    #[test]
    fn fractions_and_times_invert() {
        let v = Viewport {
            start: 1_000,
            span: 2_000,
        };
        assert_eq!(v.fraction(2_000), 0.5);
        assert_eq!(v.time_at(0.25), 1_500);
    }

    #[test]
    fn zoom_keeps_the_anchor_in_place() {
        let v = Viewport {
            start: 0,
            span: 1_000_000,
        };
        let z = v.zoom(0.5, 0.5);
        assert_eq!(
            z,
            Viewport {
                start: 250_000,
                span: 500_000
            }
        );
        assert_eq!(v.zoom(0.000_001, 0.0).span, MIN_SPAN);
    }

    #[test]
    fn pan_stops_at_zero() {
        let v = Viewport {
            start: 100,
            span: 1_000,
        };
        assert_eq!(v.pan(-0.5).start, 0);
        assert_eq!(v.pan(0.5).start, 600);
    }

    #[test]
    fn fit_leaves_room_after_now_and_a_sensible_minimum() {
        assert_eq!(Viewport::fit(0).span, 10 * MIN_SPAN);
        assert_eq!(Viewport::fit(2_000_000_000).span, 2_100_000_000);
    }

    #[test]
    fn follow_grows_in_round_steps() {
        assert_eq!(Viewport::follow(0).span, DEFAULT_SPAN);
        assert_eq!(Viewport::follow(1_500_000_000).span, 2_000_000_000);
        assert_eq!(Viewport::follow(4_600_000_000).span, 10_000_000_000);
    }

    #[test]
    fn ticks_fall_on_round_steps() {
        let v = Viewport {
            start: 0,
            span: 3_000_000_000,
        };
        let t = ticks(&v, 6);
        let at: Vec<_> = t.iter().map(|t| t.at).collect();
        assert_eq!(
            at,
            vec![
                0,
                500_000_000,
                1_000_000_000,
                1_500_000_000,
                2_000_000_000,
                2_500_000_000,
                3_000_000_000
            ]
        );
        assert_eq!(t[0].decimals, 1);
        let fine = ticks(
            &Viewport {
                start: 1_000,
                span: 10_000,
            },
            5,
        );
        assert_eq!(fine[0].at, 2_000);
        assert_eq!(fine[0].decimals, 6);
    }

    #[test]
    fn visible_rows_clamp_to_the_list() {
        assert_eq!(visible_rows(0.0, 100.0, 20.0, 1000, 2), 0..8);
        assert_eq!(visible_rows(400.0, 100.0, 20.0, 1000, 2), 18..28);
        assert_eq!(visible_rows(400.0, 100.0, 20.0, 22, 2), 18..22);
    }

    #[test]
    fn wide_segments_become_blocks_and_off_screen_ones_are_culled() {
        let l = lane(vec![
            seg(0, 100, TaskPhase::Running),
            seg(100, 600, TaskPhase::Waiting(WaitReason::Sleep { until: 600 })),
            seg(600, Time::MAX, TaskPhase::Running),
        ]);
        let v = Viewport {
            start: 200,
            span: 1_200,
        };
        let b = blocks(&l, &v, 900, COLUMNS);
        let got: Vec<_> = b.iter().map(|b| (b.segment, b.kind, b.dense)).collect();
        assert_eq!(
            got,
            vec![(1, StateKind::Sleeping, false), (2, StateKind::Running, false)]
        );
        assert_eq!(b[0].left, 0.0);
        assert!((b[1].width - 0.25).abs() < 1e-9);
    }

    #[test]
    fn a_million_tiny_segments_collapse_to_at_most_one_block_per_column() {
        let segments = (0..1_000_000u64)
            .map(|i| {
                let phase = if i % 2 == 0 {
                    TaskPhase::Running
                } else {
                    TaskPhase::Ready(interleave::trace::Wake::Yield)
                };
                seg(i * 10, i * 10 + 10, phase)
            })
            .collect();
        let l = lane(segments);
        let v = Viewport {
            start: 0,
            span: 10_000_000,
        };
        let b = blocks(&l, &v, 10_000_000, COLUMNS);
        assert!(b.len() <= COLUMNS as usize, "{} blocks", b.len());
        assert!(b.iter().all(|b| b.dense));
    }

    #[test]
    fn a_sleep_past_its_deadline_ends_overdue() {
        let l = lane(vec![seg(
            0,
            1_800,
            TaskPhase::Waiting(WaitReason::Sleep { until: 1_000 }),
        )]);
        let b = blocks(&l, &Viewport { start: 0, span: 2_000 }, 2_000, COLUMNS);
        let kinds: Vec<_> = b.iter().map(|b| (b.kind, b.left, b.width)).collect();
        assert_eq!(
            kinds,
            vec![(StateKind::Sleeping, 0.0, 0.5), (StateKind::Overdue, 0.5, 0.4)]
        );
    }

    #[test]
    fn a_brief_run_shows_even_when_too_narrow_to_draw() {
        let sleep = |s, e| seg(s, e, TaskPhase::Waiting(WaitReason::Sleep { until: e }));
        let l = lane(vec![
            sleep(0, 1_000_000),
            seg(1_000_000, 1_000_010, TaskPhase::Running),
            sleep(1_000_010, 2_000_000),
        ]);
        let b = blocks(
            &l,
            &Viewport {
                start: 0,
                span: 2_000_000_000,
            },
            2_000_000,
            COLUMNS,
        );
        assert!(b.iter().any(|b| b.kind == StateKind::Running && b.dense), "{b:?}");
    }

    #[test]
    fn fewer_columns_draw_fewer_blocks() {
        // Alternating 1 µs sleeps and runs over 1 ms: at 1200 columns each is drawn, at 100 they merge.
        let segments = (0..1000u64)
            .map(|i| {
                let phase = if i % 2 == 0 {
                    TaskPhase::Running
                } else {
                    TaskPhase::Waiting(WaitReason::Sleep { until: (i + 1) * 1_000 })
                };
                seg(i * 1_000, (i + 1) * 1_000, phase)
            })
            .collect();
        let l = lane(segments);
        let v = Viewport {
            start: 0,
            span: 1_000_000,
        };
        let (fine, coarse) = (blocks(&l, &v, 1_000_000, COLUMNS), blocks(&l, &v, 1_000_000, 100));
        assert!(
            coarse.len() <= 100 && coarse.len() * 5 < fine.len(),
            "{} vs {}",
            coarse.len(),
            fine.len()
        );
        assert_eq!(columns_for(580.0), 290);
        assert_eq!(columns_for(10_000.0), COLUMNS);
    }

    #[test]
    fn dense_columns_of_one_colour_merge() {
        let segments = (0..1000u64).map(|i| seg(i, i + 1, TaskPhase::Running)).collect();
        let b = blocks(
            &lane(segments),
            &Viewport {
                start: 0,
                span: 1_200_000,
            },
            1000,
            COLUMNS,
        );
        assert_eq!(b.len(), 1);
    }

    #[test]
    fn a_worker_threads_tasks_are_drawn_under_it() {
        use interleave::trace::TaskInfo;
        let info = |name: &str, parent: TaskId, thread: bool| TaskInfo {
            name: name.into(),
            coro: "f".into(),
            parent,
            created_line: 1,
            internal: false,
            thread,
        };
        let trace = Trace {
            tasks: vec![
                info("main", 0, false),
                info("Task-1", 0, false),
                info("worker", 1, true),
                info("Task-2", 1, false),
                info("Task-3", 2, false),
                info("Task-4", 4, false),
            ],
            ..Trace::default()
        };
        let tasks: Vec<TaskId> = (0..6).collect();
        assert_eq!(
            thread_of(&trace, 5),
            2,
            "a task made by a task of the worker's loop is the worker's"
        );
        let names: Vec<&str> = lane_order(&trace, &tasks)
            .into_iter()
            .map(|i| trace.task_name(tasks[i]))
            .collect();
        assert_eq!(names, ["main", "Task-1", "Task-2", "worker", "Task-3", "Task-4"]);
    }

    fn procs(rows: &[(bool, usize, bool)]) -> Vec<ProcRows> {
        rows.iter()
            .map(|&(gil, lanes, folded)| ProcRows { gil, lanes, folded })
            .collect()
    }

    #[test]
    fn without_processes_the_rows_are_the_gil_then_the_lanes() {
        let rows = Rows {
            cores: 0,
            queues: 0,
            procs: procs(&[(true, 3, false)]),
            grouped: false,
        };
        let all: Vec<_> = (0..rows.len()).filter_map(|i| rows.get(i)).collect();
        assert_eq!(all, [Row::Gil(0), Row::Lane(0, 0), Row::Lane(0, 1), Row::Lane(0, 2)]);
        assert_eq!(rows.get(4), None);
        assert_eq!(rows.index_of(Row::Process(0)), None, "no header without processes");
    }

    #[test]
    fn processes_get_the_cores_the_queues_then_a_header_each_and_folding_keeps_only_the_header() {
        let rows = Rows {
            cores: 2,
            queues: 1,
            procs: procs(&[(true, 2, false), (true, 1, true), (false, 1, false)]),
            grouped: true,
        };
        let all: Vec<_> = (0..rows.len()).filter_map(|i| rows.get(i)).collect();
        assert_eq!(
            all,
            [
                Row::Core(0),
                Row::Core(1),
                Row::Queue(0),
                Row::Process(0),
                Row::Gil(0),
                Row::Lane(0, 0),
                Row::Lane(0, 1),
                Row::Process(1),
                Row::Process(2),
                Row::Lane(2, 0),
            ]
        );
        for (i, &row) in all.iter().enumerate() {
            assert_eq!(rows.index_of(row), Some(i), "{row:?}");
        }
        // A folded process's GIL and lanes are drawn in its header's row; a process without a GIL has none.
        assert_eq!(rows.index_of(Row::Lane(1, 0)), Some(7));
        assert_eq!(rows.index_of(Row::Gil(1)), Some(7));
        assert_eq!(rows.index_of(Row::Gil(2)), None);
        assert_eq!(rows.index_of(Row::Queue(1)), None);
    }

    #[test]
    fn a_backlog_draws_where_items_wait_merging_what_is_closer_than_a_column() {
        let backlog = Backlog {
            channel: 0,
            // 2 items from 100, 1 from 300, none from 400; then blips of 1 every 2 ns from 1,000 to 1,020;
            // then 3 from 5,000 on, still waiting.
            steps: [(100, 2), (300, 1), (400, 0)]
                .into_iter()
                .chain((0..10).flat_map(|k| [(1_000 + 2 * k, 1), (1_001 + 2 * k, 0)]))
                .chain([(5_000, 3)])
                .collect(),
            peak: 3,
        };
        let view = Viewport { start: 0, span: 10_000 };
        // A column is 100 ns: the first two steps are a column or more wide, the blips are one block.
        let got = pending(&backlog, &view, 8_000, 100);
        let spans: Vec<_> = got.iter().map(|p| (p.start, p.end, p.count)).collect();
        assert_eq!(
            spans,
            [(100, 300, 2), (300, 400, 1), (1_000, 1_019, 1), (5_000, 8_000, 3)]
        );
        assert!((got[0].left - 0.01).abs() < 1e-9 && (got[0].width - 0.02).abs() < 1e-9);
        // Zoomed in on the blips, each is its own block; before the first step nothing waits.
        let view = Viewport { start: 990, span: 30 };
        assert_eq!(pending(&backlog, &view, 8_000, 100).len(), 10);
        let view = Viewport { start: 0, span: 50 };
        assert!(pending(&backlog, &view, 8_000, 100).is_empty());
        // A moment's peak stays its own block: the wide stretch after it keeps its own count.
        let burst = Backlog {
            channel: 0,
            steps: vec![(100, 8), (101, 4), (5_000, 0)],
            peak: 8,
        };
        let view = Viewport { start: 0, span: 10_000 };
        let spans: Vec<_> = pending(&burst, &view, 8_000, 100)
            .iter()
            .map(|p| (p.start, p.end, p.count))
            .collect();
        assert_eq!(spans, [(100, 101, 8), (101, 5_000, 4)]);
    }

    #[test]
    fn arrows_join_the_senders_row_to_the_receivers_in_the_window_only() {
        let m = |sent: (Time, TaskId), received: Option<(Time, TaskId)>| Message {
            channel: 0,
            sent,
            received,
        };
        let messages = vec![
            m((100, 1), Some((1_500, 2))),   // sent before the window, received in it
            m((1_200, 2), Some((1_300, 0))), // in it
            m((1_400, 1), None),             // never received
            m((5_000, 1), Some((5_100, 2))), // after it
        ];
        let received = vec![1, 0, 3];
        let view = Viewport {
            start: 1_000,
            span: 1_000,
        };
        // Task 0 is row 4, task 1 row 7, task 2 row 9.
        let row_of = |t: TaskId| [4, 7, 9].get(t as usize).copied();
        let got = arrows(&messages, &received, &view, 0, row_of);
        let ends: Vec<_> = got.iter().map(|a| (a.msg, a.from.1, a.to.1)).collect();
        assert_eq!(ends, [(1, 9, 4), (0, 7, 9)]);
        assert!((got[0].from.0 - 0.2).abs() < 1e-9 && (got[0].to.0 - 0.3).abs() < 1e-9);
        assert!(got[1].from.0 < 0.0, "drawn from off the window's left");
        let many: Vec<Message> = (0..10_000).map(|i| m((i, 1), Some((i + 1, 2)))).collect();
        let order: Vec<u32> = (0..10_000).collect();
        let view = Viewport { start: 0, span: 20_000 };
        assert!(arrows(&many, &order, &view, 0, row_of).len() <= MAX_ARROWS);
    }
}
