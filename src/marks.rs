//! What the editor marks on its lines: each live task's current line, and the error that ended the run.

use interleave::replay::{LoopState, TaskPhase};
use interleave::session::ProgramError;
use interleave::trace::{TaskId, Trace};

use crate::describe;

/// Markers drawn per line at most; the rest are counted.
pub const PER_LINE: usize = 3;

/// A task sitting at a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskMark {
    pub line: u32,
    pub task: TaskId,
    /// "Task-2: sleeping until 2.000 s"
    pub label: String,
    pub running: bool,
}

/// The markers of one line: the first few tasks there, and how many more.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineMarks {
    pub line: u32,
    pub tasks: Vec<TaskMark>,
    pub more: usize,
}

/// Each unfinished task's line, grouped by line in line order; on a line the running task comes first,
/// then the others in creation order. `live` is where the running code is right now (the session's
/// position), which moves on between events: a task computing in a loop is marked where it computes.
pub fn task_lines(trace: &Trace, state: &LoopState, live: Option<(TaskId, u32)>) -> Vec<LineMarks> {
    let mut marks: Vec<(u32, bool, TaskId)> = state
        .tasks
        .iter()
        .enumerate()
        .filter_map(|(id, s)| {
            let s = s.as_ref()?;
            let id = id as TaskId;
            let running = s.phase == TaskPhase::Running;
            let line = match live {
                Some((task, line)) if running && task == id && line != 0 => line,
                _ => s.line,
            };
            let alive = !s.phase.is_finished() && s.phase != TaskPhase::New && line != 0;
            alive.then_some((line, !running, id))
        })
        .collect();
    interleave::smallsort::sort(&mut marks);
    let mut lines: Vec<LineMarks> = Vec::new();
    for (line, not_running, task) in marks {
        if lines.last().is_none_or(|l| l.line != line) {
            lines.push(LineMarks {
                line,
                tasks: Vec::new(),
                more: 0,
            });
        }
        let entry = lines.last_mut().expect("pushed");
        if entry.tasks.len() == PER_LINE {
            entry.more += 1;
            continue;
        }
        let s = state.task(task).expect("listed");
        entry.tasks.push(TaskMark {
            line,
            task,
            label: format!("{}: {}", trace.task_name(task), describe::phase(trace, s.phase)),
            running: !not_running,
        });
    }
    lines
}

/// The error shown in the editor: its line (1-based, 0 if unknown) and one-line message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorMark {
    pub line: u32,
    pub message: String,
}

pub fn error_mark(error: &ProgramError) -> ErrorMark {
    ErrorMark {
        line: error.line,
        message: if error.message.is_empty() {
            error.kind.clone()
        } else {
            format!("{}: {}", error.kind, error.message)
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use interleave::replay::state_at;
    use interleave::trace::{Event, EventKind, TaskInfo, WaitReason};

    #[test]
    fn tasks_group_by_line_running_first_and_finished_tasks_drop_out() {
        let mut trace = Trace::default();
        for name in ["main", "Task-1", "Task-2", "Task-3", "Task-4", "Task-5", "Task-6"] {
            trace.tasks.push(TaskInfo {
                name: name.into(),
                coro: "f".into(),
                parent: 0,
                created_line: 1,
                internal: false,
                thread: false,
            });
        }
        let ev = |task, line, kind| Event {
            at: 0,
            task,
            line,
            kind,
        };
        let sleep = EventKind::Suspended {
            reason: WaitReason::Sleep { until: 5 },
        };
        trace.events = vec![
            ev(1, 4, sleep),
            ev(2, 4, sleep),
            ev(3, 4, sleep),
            ev(4, 4, sleep),
            ev(5, 9, EventKind::Resumed),
            ev(
                5,
                9,
                EventKind::Finished {
                    outcome: interleave::trace::Outcome::Returned,
                },
            ),
            ev(6, 4, EventKind::Resumed),
        ];
        let state = state_at(&trace, usize::MAX);
        let lines = task_lines(&trace, &state, None);
        assert_eq!(lines.len(), 1);
        let ids: Vec<_> = lines[0].tasks.iter().map(|m| m.task).collect();
        assert_eq!(ids, vec![6, 1, 2]);
        assert_eq!(lines[0].more, 2);
        assert!(lines[0].tasks[0].running);
        assert_eq!(lines[0].tasks[1].label, "Task-1: sleeping until 0.000 s");
        // The running task's marker follows the session's position; a stale position of another task is ignored.
        let lines = task_lines(&trace, &state, Some((6, 7)));
        assert_eq!(lines.iter().map(|l| l.line).collect::<Vec<_>>(), vec![4, 7]);
        assert_eq!(lines[1].tasks[0].task, 6);
        assert_eq!(task_lines(&trace, &state, Some((1, 7))).len(), 1);
    }
}
