//! The replay fold over hand-built traces: loop state at an event, timeline lanes, and incremental extension.

use interleave::replay::{events_until, segments, state_at, Replay, TaskPhase};
use interleave::trace::{
    Event, EventKind, ObjInfo, ObjKind, Outcome, Stream, SyncOp, TaskInfo, Time, Trace, WaitReason, Wake,
};

const MS: Time = 1_000_000;

/// Builds a trace event by event, with tasks named `main`, `Task-1`, `Task-2`...
struct Builder {
    trace: Trace,
}

impl Builder {
    fn new(tasks: u32) -> Builder {
        let mut trace = Trace::default();
        for id in 0..=tasks {
            trace.tasks.push(TaskInfo {
                name: if id == 0 { "main".into() } else { format!("Task-{id}") },
                coro: "main".into(),
                parent: 0,
                created_line: 1,
                internal: false,
                thread: false,
            });
        }
        Builder { trace }
    }

    fn lock(mut self) -> Builder {
        self.trace.objects.push(ObjInfo {
            kind: ObjKind::Lock,
            name: "Lock-1".into(),
            created_line: 1,
            internal: false,
            capacity: None,
        });
        self
    }

    fn ev(mut self, at: Time, task: u32, line: u32, kind: EventKind) -> Builder {
        self.trace.events.push(Event { at, task, line, kind });
        self
    }

    fn print(mut self, at: Time, task: u32, stream: Stream, text: &str) -> Builder {
        self.trace.texts.push(text.into());
        let text = self.trace.texts.len() as u32 - 1;
        self.ev(at, task, 0, EventKind::Print { stream, text })
    }
}

/// main starts Task-1, which sleeps 10 ms, prints and returns while main awaits it.
fn sleeper() -> Trace {
    use EventKind::*;
    Builder::new(1)
        .ev(0, 0, 1, Created { parent: 0 })
        .ev(0, 0, 1, Resumed)
        .ev(0, 1, 2, Created { parent: 0 })
        .ev(0, 1, 2, Ready { by: Wake::Spawn })
        .ev(
            MS,
            0,
            3,
            Suspended {
                reason: WaitReason::Task(1),
            },
        )
        .ev(MS, 1, 5, Resumed)
        .ev(
            2 * MS,
            1,
            6,
            TimerArmed {
                timer: 0,
                deadline: 12 * MS,
            },
        )
        .ev(
            2 * MS,
            1,
            6,
            Suspended {
                reason: WaitReason::Sleep { until: 12 * MS },
            },
        )
        .ev(12 * MS, 1, 6, TimerFired { timer: 0 })
        .ev(12 * MS, 1, 6, Ready { by: Wake::Timer(0) })
        .ev(12 * MS, 1, 6, Resumed)
        .print(13 * MS, 1, Stream::Stdout, "woke\n")
        .ev(
            13 * MS,
            1,
            7,
            Finished {
                outcome: Outcome::Returned,
            },
        )
        .ev(
            13 * MS,
            0,
            3,
            Ready {
                by: Wake::Done { obj: 0, by: 1 },
            },
        )
        .ev(13 * MS, 0, 3, Resumed)
        .trace
}

#[test]
fn a_spawned_task_waits_on_the_ready_queue() {
    let trace = sleeper();
    let s = state_at(&trace, 4);
    assert_eq!(s.ready.iter().copied().collect::<Vec<_>>(), vec![1]);
    assert_eq!(s.running, Some(0));
    assert_eq!(s.task(1).unwrap().phase, TaskPhase::Ready(Wake::Spawn));
}

#[test]
fn a_sleeping_task_has_a_pending_timer_and_its_line() {
    let trace = sleeper();
    let s = state_at(&trace, 8);
    let timers: Vec<_> = s.timers().map(|t| (t.deadline, t.task)).collect();
    assert_eq!(timers, vec![(12 * MS, 1)]);
    let task = s.task(1).unwrap();
    assert_eq!(task.phase, TaskPhase::Waiting(WaitReason::Sleep { until: 12 * MS }));
    assert_eq!((task.line, task.since), (6, 2 * MS));
    assert_eq!(s.task(0).unwrap().phase, TaskPhase::Waiting(WaitReason::Task(1)));
    assert!(s.ready.is_empty() && s.running.is_none());
}

#[test]
fn a_fired_timer_is_no_longer_pending() {
    let trace = sleeper();
    assert_eq!(state_at(&trace, 9).timer_count(), 0);
}

#[test]
fn the_whole_trace_ends_with_the_task_done_and_its_output() {
    let trace = sleeper();
    let s = state_at(&trace, usize::MAX);
    assert_eq!(s.task(1).unwrap().phase, TaskPhase::Done);
    assert_eq!(s.output.len(), 1);
    assert_eq!((s.output[0].task, s.output[0].text.as_str()), (1, "woke"));
    assert_eq!(s.now, 13 * MS);
}

#[test]
fn events_until_counts_events_at_or_before_a_time() {
    let trace = sleeper();
    assert_eq!(events_until(&trace, 0), 4);
    assert_eq!(events_until(&trace, 11 * MS), 8);
    assert_eq!(events_until(&trace, 100 * MS), trace.events.len());
}

#[test]
fn lanes_hold_one_segment_per_phase_and_drop_instant_ones() {
    let trace = sleeper();
    let lanes = segments(&trace);
    assert_eq!(lanes.len(), 2);
    let task1: Vec<_> = lanes[1]
        .segments
        .iter()
        .map(|s| (s.start, s.end, s.phase, s.line))
        .collect();
    let sleep = TaskPhase::Waiting(WaitReason::Sleep { until: 12 * MS });
    assert_eq!(
        task1,
        vec![
            (0, MS, TaskPhase::Ready(Wake::Spawn), 0),
            (MS, 2 * MS, TaskPhase::Running, 5),
            (2 * MS, 12 * MS, sleep, 6),
            (12 * MS, 13 * MS, TaskPhase::Running, 6),
            (13 * MS, Time::MAX, TaskPhase::Done, 7),
        ]
    );
    // main's zero-length New and Ready stretches are gone.
    let main: Vec<_> = lanes[0].segments.iter().map(|s| s.phase).collect();
    assert_eq!(
        main,
        vec![
            TaskPhase::Running,
            TaskPhase::Waiting(WaitReason::Task(1)),
            TaskPhase::Running
        ]
    );
}

#[test]
fn segment_at_finds_the_covering_segment() {
    let lanes = segments(&sleeper());
    let lane = &lanes[1];
    assert_eq!(lane.segment_at(0), 0);
    assert_eq!(lane.segment_at(5 * MS), 2);
    assert_eq!(lane.segment_at(12 * MS), 3);
    assert_eq!(lane.segment_at(50 * MS), 4);
}

#[test]
fn extending_in_slices_matches_the_whole_fold() {
    let full = sleeper();
    let mut partial = Trace {
        tasks: full.tasks.clone(),
        texts: full.texts.clone(),
        ..Trace::default()
    };
    let mut replay = Replay::new();
    for chunk in full.events.chunks(3) {
        partial.events.extend_from_slice(chunk);
        replay.extend(&partial);
    }
    assert_eq!(replay.lanes, segments(&full));
    assert_eq!(replay.state.applied, full.events.len());
    assert_eq!(replay.state.output, state_at(&full, usize::MAX).output);
}

/// Task-1 holds Lock-1 while Task-2 asks for it, then releases it.
fn contended_lock() -> Trace {
    use EventKind::*;
    let wait = WaitReason::Sync {
        obj: 0,
        op: SyncOp::Acquire,
    };
    Builder::new(2)
        .lock()
        .ev(0, 1, 1, Resumed)
        .ev(0, 1, 2, Acquired { obj: 0 })
        .ev(
            0,
            1,
            3,
            Suspended {
                reason: WaitReason::Sleep { until: 5 * MS },
            },
        )
        .ev(MS, 2, 1, Resumed)
        .ev(MS, 2, 2, Suspended { reason: wait })
        .ev(5 * MS, 1, 3, Ready { by: Wake::Timer(0) })
        .ev(5 * MS, 1, 3, Resumed)
        .ev(5 * MS, 1, 4, Released { obj: 0 })
        .ev(
            5 * MS,
            2,
            4,
            Ready {
                by: Wake::Done { obj: 0, by: 1 },
            },
        )
        .ev(
            5 * MS,
            1,
            4,
            Finished {
                outcome: Outcome::Returned,
            },
        )
        .ev(5 * MS, 2, 2, Resumed)
        .ev(5 * MS, 2, 2, Acquired { obj: 0 })
        .trace
}

#[test]
fn a_waiter_is_listed_with_the_holder() {
    let trace = contended_lock();
    let s = state_at(&trace, 5);
    let lock = s.object(0).unwrap();
    assert_eq!(lock.holders, vec![1]);
    assert_eq!(lock.waiters, vec![(2, SyncOp::Acquire)]);
}

#[test]
fn a_woken_waiter_leaves_the_waiters_and_later_holds_the_lock() {
    let trace = contended_lock();
    let s = state_at(&trace, 9);
    assert!(s.object(0).unwrap().waiters.is_empty());
    assert!(s.object(0).unwrap().holders.is_empty());
    let s = state_at(&trace, usize::MAX);
    assert_eq!(s.object(0).unwrap().holders, vec![2]);
}

#[test]
fn a_sync_wait_segment_records_who_held_the_object() {
    let lanes = segments(&contended_lock());
    let wait = lanes[2]
        .segments
        .iter()
        .find(|s| matches!(s.phase, TaskPhase::Waiting(WaitReason::Sync { .. })))
        .unwrap();
    assert_eq!((wait.start, wait.end, wait.holder), (MS, 5 * MS, Some(1)));
}

#[test]
fn a_task_cancelled_before_running_leaves_the_ready_queue() {
    use EventKind::*;
    let trace = Builder::new(2)
        .ev(0, 1, 1, Ready { by: Wake::Spawn })
        .ev(0, 2, 1, Ready { by: Wake::Spawn })
        .ev(0, 2, 1, CancelRequested { by: 0 })
        .ev(
            0,
            2,
            1,
            Finished {
                outcome: Outcome::Cancelled,
            },
        )
        .trace;
    let s = state_at(&trace, 3);
    assert!(s.task(2).unwrap().cancel_requested);
    let s = state_at(&trace, 4);
    assert_eq!(s.ready.iter().copied().collect::<Vec<_>>(), vec![1]);
    assert_eq!(s.task(2).unwrap().phase, TaskPhase::Cancelled);
}

#[test]
fn blocking_the_loop_is_a_closed_segment_then_running_again() {
    use EventKind::*;
    let trace = Builder::new(1)
        .ev(0, 1, 1, Resumed)
        .ev(MS, 1, 2, Blocked { until: 3 * MS })
        .ev(
            4 * MS,
            1,
            3,
            Suspended {
                reason: WaitReason::Yield,
            },
        )
        .trace;
    let phases: Vec<_> = segments(&trace)[1]
        .segments
        .iter()
        .map(|s| (s.start, s.end, s.phase))
        .collect();
    assert_eq!(
        phases,
        vec![
            (0, MS, TaskPhase::Running),
            (MS, 3 * MS, TaskPhase::Blocking { until: 3 * MS }),
            (3 * MS, 4 * MS, TaskPhase::Running),
            (4 * MS, Time::MAX, TaskPhase::Waiting(WaitReason::Yield)),
        ]
    );
}

#[test]
fn a_task_seen_only_printing_has_an_empty_lane() {
    let trace = Builder::new(0).print(0, 0, Stream::Stdout, "hi\n").trace;
    let lanes = segments(&trace);
    assert_eq!(lanes.len(), 1);
    assert!(lanes[0].segments.is_empty());
}

#[test]
fn output_joins_partial_prints_and_splits_lines() {
    let trace = Builder::new(2)
        .print(0, 1, Stream::Stdout, "a")
        .print(0, 2, Stream::Stdout, "b\n")
        .print(0, 1, Stream::Stdout, "c\n\nd\n")
        .print(0, 0, Stream::Stderr, "Traceback\n  boom\n")
        .print(0, 2, Stream::Stdout, "tail")
        .trace;
    let s = state_at(&trace, usize::MAX);
    let lines: Vec<_> = s.output.iter().map(|l| (l.task, l.stream, l.text.as_str())).collect();
    assert_eq!(
        lines,
        vec![
            (1, Stream::Stdout, "ab"),
            (1, Stream::Stdout, "c"),
            (1, Stream::Stdout, ""),
            (1, Stream::Stdout, "d"),
            (0, Stream::Stderr, "Traceback"),
            (0, Stream::Stderr, "  boom"),
            (2, Stream::Stdout, "tail"),
        ]
    );
}

/// The phases of a lane, without the times.
fn phases(lane: &interleave::replay::Lane) -> Vec<TaskPhase> {
    lane.segments.iter().map(|s| s.phase).collect()
}

#[test]
fn the_main_thread_runs_then_waits_for_the_loop_then_runs_on() {
    use interleave::session::{Config, Session};
    let source =
        "import asyncio\nx = 1\nasync def main():\n    await asyncio.sleep(1)\nasyncio.run(main())\nprint('after')\n";
    let mut s = Session::new(source, Config::default());
    assert_eq!(s.run_to_end(), 0);
    let lanes = segments(s.trace());
    assert_eq!(
        phases(&lanes[0]),
        [
            TaskPhase::Running,
            TaskPhase::Waiting(WaitReason::EventLoop),
            TaskPhase::Running,
            TaskPhase::Done
        ]
    );
    let wait = lanes[0].segments[1];
    assert_eq!(wait.line, 5, "the main thread waits at its asyncio.run line");
    assert!(wait.end >= 1_000 * MS, "it waits as long as the loop runs: {wait:?}");
    // The main thread's own time is not the loop's: main() sleeps on its own lane.
    assert!(lanes[1]
        .segments
        .iter()
        .any(|s| matches!(s.phase, TaskPhase::Waiting(WaitReason::Sleep { .. }))));
}

#[test]
fn an_uncaught_error_fails_the_main_lane_and_a_deadlock_ends_it_waiting() {
    use interleave::session::{Config, Session};
    let mut s = Session::new("x = 1\nraise ValueError('no')\n", Config::default());
    assert_eq!(s.run_to_end(), 1);
    let lane = &segments(s.trace())[0];
    assert!(
        matches!(phases(lane)[..], [TaskPhase::Running, TaskPhase::Failed { .. }]),
        "{lane:?}"
    );
    let source = "import asyncio\nasync def main():\n    await asyncio.Event().wait()\nasyncio.run(main())\n";
    let mut s = Session::new(source, Config::default());
    assert_eq!(s.run_to_end(), 1);
    let lane = &segments(s.trace())[0];
    assert_eq!(
        phases(lane)[..2],
        [TaskPhase::Running, TaskPhase::Waiting(WaitReason::EventLoop)]
    );
    assert!(matches!(phases(lane)[2], TaskPhase::Failed { .. }), "{lane:?}");
}

#[test]
fn position_follows_the_running_code() {
    use interleave::session::{Budget, Config, Session};
    let source = "import asyncio\nasync def spin():\n    while True:\n        pass\nasyncio.run(spin())\n";
    let mut s = Session::new(source, Config::default());
    assert_eq!(s.position(), Some((0, 1)));
    s.run(Budget {
        steps: 10_000,
        until: Time::MAX,
    });
    let (task, line) = s.position().expect("spin is running");
    assert_eq!(task, 1);
    assert!((3..=4).contains(&line), "inside the loop, not at line {line}");
}

/// A finished task is marked where its coroutine returned or raised, not at the last line an event recorded.
#[test]
fn a_finished_task_keeps_the_line_it_returned_or_raised_from() {
    use interleave::session::{Config, Session};
    let source = "import asyncio\n\
                  async def ok():\n    await asyncio.sleep(0)\n    x = 1\n    return x\n\
                  async def bad():\n    await asyncio.sleep(0)\n    y = 2\n    raise ValueError(y)\n\
                  async def main():\n    t = asyncio.create_task(ok())\n    u = asyncio.create_task(bad())\n\
                  \x20   await asyncio.gather(t, u, return_exceptions=True)\n\
                  asyncio.run(main())\n";
    let mut s = Session::new(source, Config::default());
    assert_eq!(s.run_to_end(), 0, "{}", s.stderr());
    let end = state_at(s.trace(), usize::MAX);
    let lines: Vec<_> = [2, 3]
        .iter()
        .map(|&t| (end.task(t).unwrap().phase, end.task(t).unwrap().line))
        .collect();
    assert!(matches!(lines[0], (TaskPhase::Done, 5)), "{lines:?}");
    assert!(matches!(lines[1], (TaskPhase::Failed { .. }, 9)), "{lines:?}");
}

/// A thread, too, ends where its target returned, not at the last line an event recorded (its sleep).
#[test]
fn a_finished_thread_keeps_the_line_its_target_returned_from() {
    use interleave::session::{Config, Session};
    let source = r#"
import threading, time
def work():
    time.sleep(0.01)
    x = 1
    return x
t = threading.Thread(target=work)
t.start()
t.join()
"#;
    let mut s = Session::new(source, Config::default());
    assert_eq!(s.run_to_end(), 0, "{}", s.stderr());
    let lane = s
        .trace()
        .tasks
        .iter()
        .position(|t| t.thread && t.name.starts_with("Thread-1"));
    let task = state_at(s.trace(), usize::MAX)
        .task(lane.expect("the thread has a lane") as u32)
        .cloned();
    assert!(
        matches!(task, Some(ref t) if t.phase == TaskPhase::Done && t.line == 6),
        "{task:?}"
    );
}

/// Waiters leave from anywhere in the queue, not only its front, and the others keep their order.
#[test]
fn a_waiter_leaves_from_the_middle_of_the_queue() {
    use EventKind::*;
    let wait = Suspended {
        reason: WaitReason::Sync {
            obj: 0,
            op: SyncOp::Acquire,
        },
    };
    let trace = Builder::new(4)
        .lock()
        .ev(MS, 1, 2, Acquired { obj: 0 })
        .ev(MS, 2, 2, wait)
        .ev(MS, 3, 2, wait)
        .ev(MS, 4, 2, wait)
        .ev(2 * MS, 3, 2, Acquired { obj: 0 })
        .trace;
    let s = state_at(&trace, usize::MAX);
    let lock = s.object(0).unwrap();
    assert_eq!(lock.holders, vec![1, 3]);
    assert_eq!(lock.waiters, vec![(2, SyncOp::Acquire), (4, SyncOp::Acquire)]);
}
