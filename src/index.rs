//! What the views need of a live run, kept up to date as its events arrive, so that drawing the page costs
//! what is shown rather than the size of the run: the lanes in the order they are drawn, the sync objects the
//! loop panel lists, and the editor's task markers grouped by line.
//!
//! Each part is extended with the events (or tasks, or objects) recorded since the last [`RunIndex::extend`],
//! so a run of 100,000 tasks costs O(1) per new event here, and a render reads only the rows and lines it shows.

use std::collections::BTreeMap;

use interleave::replay::{LoopState, TaskPhase};
use interleave::trace::{ObjId, ObjKind, TaskId, Trace};

use crate::describe;
use crate::marks::{LineMarks, TaskMark, PER_LINE};

/// The lanes the timeline draws, in its order: by process (in the order they started), then each thread's lane
/// followed by its event loop's tasks, threads in the order they started (without threads or processes,
/// creation order). The runtime's own tasks are left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LaneOrder {
    /// The thread each task seen so far belongs to (see [`crate::layout::thread_of`]).
    thread: Vec<TaskId>,
    /// The process each task seen so far belongs to: its creator's, unless it is a process's main lane.
    process: Vec<u32>,
    /// Indexed by process: its main lane, for the processes seen so far (a few, so a scan finds one).
    mains: Vec<TaskId>,
    /// Shown lanes grouped by (process, thread), groups in that order.
    groups: Vec<((u32, TaskId), Vec<TaskId>)>,
    /// Indexed by process: how many lanes it shows.
    counts: Vec<usize>,
    len: usize,
}

impl LaneOrder {
    /// Takes in the tasks (and processes) created since the last call.
    pub fn extend(&mut self, trace: &Trace) {
        self.mains
            .extend(trace.processes.iter().skip(self.mains.len()).map(|p| p.lane));
        for (id, info) in trace.tasks.iter().enumerate().skip(self.thread.len()) {
            let id = id as TaskId;
            // Parents come before their children, so the parent's thread and process are known already.
            let parent = Some(info.parent as usize).filter(|_| info.parent < id);
            let thread = if info.thread || id == 0 {
                id
            } else {
                parent.and_then(|p| self.thread.get(p).copied()).unwrap_or(0)
            };
            let process = match self.mains.iter().position(|&l| l == id) {
                Some(p) => p as u32,
                None => parent.and_then(|p| self.process.get(p).copied()).unwrap_or(0),
            };
            self.thread.push(thread);
            self.process.push(process);
            if info.internal {
                continue;
            }
            let key = (process, thread);
            let at = match self.groups.binary_search_by_key(&key, |g| g.0) {
                Ok(at) => at,
                Err(at) => {
                    self.groups.insert(at, (key, Vec::new()));
                    at
                }
            };
            self.groups[at].1.push(id);
            if self.counts.len() <= process as usize {
                self.counts.resize(process as usize + 1, 0);
            }
            self.counts[process as usize] += 1;
            self.len += 1;
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The task of the `i`th lane drawn. O(threads).
    pub fn get(&self, mut i: usize) -> Option<TaskId> {
        for (_, tasks) in &self.groups {
            match tasks.get(i) {
                Some(&t) => return Some(t),
                None => i -= tasks.len(),
            }
        }
        None
    }

    /// How many lanes process `p` shows.
    pub fn count(&self, p: u32) -> usize {
        self.counts.get(p as usize).copied().unwrap_or(0)
    }

    /// The task of process `p`'s `k`th lane. O(threads).
    pub fn lane(&self, p: u32, mut k: usize) -> Option<TaskId> {
        let first = self.groups.partition_point(|g| g.0 .0 < p);
        for (_, tasks) in self.groups[first..].iter().take_while(|g| g.0 .0 == p) {
            match tasks.get(k) {
                Some(&t) => return Some(t),
                None => k -= tasks.len(),
            }
        }
        None
    }

    /// Where `task`'s lane is: its process and its place among that process's lanes (`None` for the runtime's
    /// own tasks). O(threads).
    pub fn position(&self, task: TaskId) -> Option<(u32, usize)> {
        let key = (*self.process.get(task as usize)?, self.thread[task as usize]);
        let g = self.groups.binary_search_by_key(&key, |g| g.0).ok()?;
        let first = self.groups.partition_point(|g| g.0 .0 < key.0);
        let before: usize = self.groups[first..g].iter().map(|g| g.1.len()).sum();
        Some((key.0, before + self.groups[g].1.binary_search(&task).ok()?))
    }
}

/// The synchronisation objects the loop panel lists: the program's own locks, events, semaphores, conditions
/// and queues, in creation order; and apart, the network's hosts and services waited on or sent to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ObjectList {
    seen: usize,
    pub shown: Vec<ObjId>,
    pub sockets: Vec<ObjId>,
}

impl ObjectList {
    pub fn extend(&mut self, trace: &Trace) {
        // The prelude hides its own objects right after creating them; when a slice ended in between, the
        // object is the last one listed.
        while let Some(&last) = self.shown.last() {
            if !trace.objects.get(last as usize).is_some_and(|o| o.internal) {
                break;
            }
            self.shown.pop();
        }
        for (id, info) in trace.objects.iter().enumerate().skip(self.seen) {
            // A process's channels and children are drawn as arrows and headers on the timeline instead.
            let future_like = matches!(
                info.kind,
                ObjKind::Future
                    | ObjKind::Gather
                    | ObjKind::Timeout
                    | ObjKind::TaskGroup
                    | ObjKind::Channel
                    | ObjKind::Process
            );
            if info.internal {
                continue;
            }
            if info.kind == ObjKind::Socket {
                self.sockets.push(id as ObjId);
            } else if !future_like {
                self.shown.push(id as ObjId);
            }
        }
        self.seen = trace.objects.len();
    }
}

/// Each unfinished task's line, kept as the replay moves, for [`task_lines`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MarkIndex {
    /// Per task, the entry it has in `by_line`: (line, not running); line 0 while not known.
    at: Vec<Option<(u32, bool)>>,
    /// Every entry of `at`, by line, then running first, then task: the key is (line × 2 + not running, task),
    /// the value unused. The map has the type of the replay's timers (`BTreeMap<(Time, TimerId), TaskId>`), so
    /// that the two share one copy of the B-tree's code in the bundle (a map of sets took two more, 4 KiB).
    by_line: BTreeMap<(u64, u32), u32>,
    /// How many entries each line has.
    counts: Vec<usize>,
}

/// `MarkIndex::by_line`'s key.
fn mark_key(line: u32, not_running: bool, task: TaskId) -> (u64, u32) {
    ((line as u64) << 1 | not_running as u64, task)
}

impl MarkIndex {
    /// Brings the entry of `task` up to date with `state`.
    pub fn update(&mut self, state: &LoopState, task: TaskId) {
        let t = task as usize;
        if self.at.len() <= t {
            self.at.resize(t + 1, None);
        }
        let now = state.task(task).and_then(|s| {
            // A running task at line 0 is kept too: the session's position may place it.
            let alive = !s.phase.is_finished() && s.phase != TaskPhase::New;
            alive.then_some((s.line, s.phase != TaskPhase::Running))
        });
        let before = self.at[t];
        if before == now {
            return;
        }
        if let Some((line, not_running)) = before {
            if self.by_line.remove(&mark_key(line, not_running, task)).is_some() {
                self.counts[line as usize] -= 1;
            }
        }
        if let Some((line, not_running)) = now {
            if self.by_line.insert(mark_key(line, not_running, task), 0).is_none() {
                let l = line as usize;
                if self.counts.len() <= l {
                    self.counts.resize(l + 1, 0);
                }
                self.counts[l] += 1;
            }
        }
        self.at[t] = now;
    }

    /// How many tasks are at `line`.
    fn count(&self, line: u32) -> usize {
        self.counts.get(line as usize).copied().unwrap_or(0)
    }

    /// The tasks at `line`, running first, then by task.
    fn at_line(&self, line: u32) -> impl Iterator<Item = (bool, TaskId)> + '_ {
        let from = (line as u64) << 1;
        self.by_line
            .range((from, 0)..(from + 2, 0))
            .map(|(&(k, task), _)| (k & 1 == 1, task))
    }
}

/// The editor's markers for the live state, as [`crate::marks::task_lines`] makes them from the whole state,
/// in O(lines × [`PER_LINE`]): `live` moves the running task to the line it computes at.
pub fn task_lines(trace: &Trace, state: &LoopState, index: &MarkIndex, live: Option<(TaskId, u32)>) -> Vec<LineMarks> {
    // The running task whose marker follows the session's position, and where it goes.
    let moved = live.and_then(|(task, line)| match index.at.get(task as usize).copied().flatten() {
        Some((from, false)) if line != 0 && line != from => Some((task, from, line)),
        _ => None,
    });
    // Line 0 holds the tasks whose line is not known yet: no marker.
    let mut lines: Vec<u32> = (1..index.counts.len() as u32).filter(|&l| index.count(l) > 0).collect();
    if let Some((_, from, to)) = moved {
        if index.count(from) == 1 {
            lines.retain(|&l| l != from);
        }
        if let Err(at) = lines.binary_search(&to) {
            lines.insert(at, to);
        }
    }
    lines
        .into_iter()
        .map(|line| {
            let mut first: Vec<(bool, TaskId)> = index
                .at_line(line)
                .filter(|&(_, t)| moved.is_none_or(|m| m.0 != t))
                .take(PER_LINE)
                .collect();
            let mut total = index.count(line);
            if let Some((task, from, to)) = moved {
                if from == line {
                    total -= 1;
                }
                if to == line {
                    total += 1;
                    first.push((false, task));
                    interleave::smallsort::sort(&mut first);
                    first.truncate(PER_LINE);
                }
            }
            let tasks: Vec<TaskMark> = first
                .into_iter()
                .map(|(not_running, task)| {
                    let phase = state.task(task).map_or(TaskPhase::New, |s| s.phase);
                    TaskMark {
                        line,
                        task,
                        label: format!("{}: {}", trace.task_name(task), describe::phase(trace, phase)),
                        running: !not_running,
                    }
                })
                .collect();
            LineMarks {
                line,
                more: total - tasks.len(),
                tasks,
            }
        })
        .collect()
}

/// Everything above, for one run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunIndex {
    pub lanes: LaneOrder,
    pub objects: ObjectList,
    pub marks: MarkIndex,
}

impl RunIndex {
    /// Takes in what `trace` recorded since the last call; `state` has applied all its events, and events
    /// `from..` are the new ones.
    pub fn extend(&mut self, trace: &Trace, state: &LoopState, from: usize) {
        self.lanes.extend(trace);
        self.objects.extend(trace);
        for e in &trace.events[from.min(trace.events.len())..] {
            self.marks.update(state, e.task);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use interleave::replay::Replay;
    use interleave::session::{Budget, Config, Session, Status};

    const PROGRAM: &str = r#"import asyncio
import threading

async def worker(i, lock):
    for _ in range(3):
        async with lock:
            await asyncio.sleep(0.01 * (i % 3))
        x = 0
        for k in range(50):
            x += k


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(*(worker(i, lock) for i in range(9)))


def side():
    asyncio.run(main())


t = threading.Thread(target=side)
t.start()
asyncio.run(main())
t.join()
"#;

    /// Runs PROGRAM in small slices and checks after each that the index gives what the full scans give.
    #[test]
    fn the_index_agrees_with_the_full_scans_all_along() {
        let mut session = Session::new(PROGRAM, Config::default());
        let mut replay = Replay::new();
        let mut index = RunIndex::default();
        for _ in 0..100_000 {
            let status = session.run(Budget {
                steps: 37,
                until: interleave::trace::Time::MAX,
            });
            let from = replay.state.applied;
            replay.extend(session.trace());
            let trace = session.trace();
            index.extend(trace, &replay.state, from);

            let shown: Vec<TaskId> = replay
                .lanes
                .iter()
                .filter(|l| !trace.tasks[l.task as usize].internal)
                .map(|l| l.task)
                .collect();
            let order: Vec<TaskId> = crate::layout::lane_order(trace, &shown)
                .into_iter()
                .map(|i| shown[i])
                .collect();
            let got: Vec<TaskId> = (0..index.lanes.len()).filter_map(|i| index.lanes.get(i)).collect();
            assert_eq!(got, order);

            for live in [None, session.position(), Some((1, 7))] {
                assert_eq!(
                    task_lines(trace, &replay.state, &index.marks, live),
                    crate::marks::task_lines(trace, &replay.state, live),
                    "at event {} with {live:?}",
                    replay.state.applied
                );
            }
            match status {
                Status::Done { .. } => break,
                Status::Waiting { until } => session.advance_to(until),
                Status::Runnable => {}
            }
        }
        assert!(matches!(session.status(), Status::Done { exit_code: 0 }));
        let names: Vec<&str> = index.objects.shown.iter().map(|&o| trace_name(&session, o)).collect();
        assert_eq!(names, ["Lock-1", "Lock-2"]);
    }

    /// A child process's threads are its own lanes, found where `position` says.
    #[test]
    fn lanes_are_grouped_by_process_and_found_by_position() {
        let mut session = Session::new(
            r#"import multiprocessing, threading
def work():
    t = threading.Thread(target=print, args=("hi",))
    t.start()
    t.join()
p = multiprocessing.Process(target=work)
p.start()
t = threading.Thread(target=print, args=("main",))
t.start()
t.join()
p.join()
"#,
            Config::default(),
        );
        assert_eq!(session.run_to_end(), 0);
        let mut order = LaneOrder::default();
        order.extend(session.trace());
        let trace = session.trace();
        let names = |p: u32| -> Vec<&str> {
            (0..order.count(p))
                .map(|k| trace.task_name(order.lane(p, k).expect("a lane")))
                .collect()
        };
        assert_eq!(names(0), ["MainThread", "Thread-1 (print)"]);
        assert_eq!(names(1), ["Process-1", "Thread-1 (print)"]);
        for t in 0..trace.tasks.len() as TaskId {
            let (p, k) = order.position(t).expect("shown");
            assert_eq!(order.lane(p, k), Some(t));
        }
    }

    fn trace_name(session: &Session, obj: ObjId) -> &str {
        session.trace().object_name(obj)
    }
}
