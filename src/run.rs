//! One run of the program as the app holds it: the engine session and the replay that follows its trace.

use std::cell::RefCell;
use std::rc::Rc;

use interleave::findings::Finding;
use interleave::replay::{events_until, state_at, LoopState, Replay};
use interleave::runfile::{RunView, Settings};
use interleave::session::{Budget, Config, ProgramError, Session, Status};
use interleave::trace::{TaskId, Time, Trace};

use crate::index::RunIndex;

/// Events a run in the page records at most; the run goes on past them and the timeline says where the trace
/// was cut. An event takes 40 bytes and its replay about as much again in the lanes, so two million keep a
/// tab near 200 MB (the engine's own default, four million, is for the command, which keeps no lanes).
pub const MAX_EVENTS: usize = 2_000_000;

/// The settings of the page's runs: the engine's defaults.
pub fn page_settings() -> Settings {
    Settings::default()
}

/// Where the events come from: a live session, or a trace recorded before (tests build these by hand).
pub enum Source {
    Live(Box<Session>),
    Recorded { trace: Trace, now: Time },
}

/// The run's source and what has been derived from its trace so far.
pub struct Run {
    source: Source,
    /// The program and the settings it runs with, for a run file.
    pub code: Rc<str>,
    pub settings: Settings,
    pub replay: Replay,
    /// What the views read of the replay, kept up to date with it.
    pub index: RunIndex,
    /// What went wrong so far (`Session::findings`), in the order found.
    pub findings: Vec<Rc<Finding>>,
}

impl Run {
    pub fn new(source: &str) -> Run {
        Run::with_settings(source, false)
    }

    /// A run whose threads switch at any instruction (Python 3.9 and older) or where CPython 3.11 checks.
    pub fn with_settings(source: &str, switch_anywhere: bool) -> Run {
        let settings = Settings {
            switch_anywhere,
            ..page_settings()
        };
        Run::with(source, &settings)
    }

    /// A run with these settings (a run file's), under the page's limits.
    pub fn with(source: &str, settings: &Settings) -> Run {
        // Reads and writes of shared places are recorded for lost updates: about 7% more time natively.
        let config = settings.apply(Config {
            max_events: MAX_EVENTS,
            track_accesses: true,
            ..Config::default()
        });
        let session = Session::new(source, config);
        Run::from_source(Source::Live(Box::new(session)), source.into(), settings.clone())
    }

    /// A finished run over `trace`, its clock at the last event.
    pub fn recorded(trace: Trace) -> Run {
        let now = trace.events.last().map_or(0, |e| e.at);
        Run::from_source(Source::Recorded { trace, now }, "".into(), page_settings())
    }

    fn from_source(source: Source, code: Rc<str>, settings: Settings) -> Run {
        let mut run = Run {
            source,
            code,
            settings,
            replay: Replay::new(),
            index: RunIndex::default(),
            findings: Vec::new(),
        };
        run.sync();
        run
    }

    /// The live session, to read.
    pub fn session(&self) -> Option<&Session> {
        match &self.source {
            Source::Live(session) => Some(session),
            Source::Recorded { .. } => None,
        }
    }

    /// The live session, to drive.
    pub fn session_mut(&mut self) -> Option<&mut Session> {
        match &mut self.source {
            Source::Live(session) => Some(session),
            Source::Recorded { .. } => None,
        }
    }

    pub fn trace(&self) -> &Trace {
        match &self.source {
            Source::Live(session) => session.trace(),
            Source::Recorded { trace, .. } => trace,
        }
    }

    /// The run's virtual clock.
    pub fn now(&self) -> Time {
        match &self.source {
            Source::Live(session) => session.now(),
            Source::Recorded { now, .. } => *now,
        }
    }

    pub fn status(&mut self) -> Status {
        match &mut self.source {
            Source::Live(session) => session.status(),
            Source::Recorded { .. } => Status::Done { exit_code: 0 },
        }
    }

    pub fn error(&self) -> Option<&ProgramError> {
        match &self.source {
            Source::Live(session) => session.error(),
            Source::Recorded { .. } => None,
        }
    }

    /// The running task and the line it is at right now (live sessions only).
    pub fn position(&self) -> Option<(TaskId, u32)> {
        match &self.source {
            Source::Live(session) => session.position(),
            Source::Recorded { .. } => None,
        }
    }

    /// Instructions executed so far.
    pub fn steps(&self) -> u64 {
        match &self.source {
            Source::Live(session) => session.steps(),
            Source::Recorded { .. } => 0,
        }
    }

    /// Frees up to `items` of a live session's objects, then of its lanes, for [`crate::driver::bury`]; true
    /// when dropping the run costs little more. The run is over from the first call on.
    pub fn free_some(&mut self, items: usize) -> bool {
        if let Source::Live(session) = &mut self.source {
            if !session.free_some(items) {
                return false;
            }
        }
        // Then the lanes, a chunk at a time: one vector of segments per task.
        let lanes = &mut self.replay.lanes;
        lanes.truncate(lanes.len().saturating_sub(items));
        lanes.is_empty()
    }

    /// Folds the events recorded since the last call into the replay.
    pub fn sync(&mut self) {
        let trace = match &self.source {
            Source::Live(session) => session.trace(),
            Source::Recorded { trace, .. } => trace,
        };
        let from = self.replay.state.applied;
        self.replay.extend(trace);
        self.index.extend(trace, &self.replay.state, from);
        if let Source::Live(session) = &mut self.source {
            let found = session.findings();
            if found.len() > self.findings.len() {
                let new = found[self.findings.len()..].iter().cloned().map(Rc::new);
                self.findings.extend(new);
            }
        }
    }

    /// Runs a live session at once until its trace holds `events` events, it ends, it is stuck or it has run
    /// `max_steps` more instructions, jumping the clock from timer to timer; true when it got there or ended.
    pub fn run_to_events(&mut self, events: usize, max_steps: u64) -> bool {
        let Source::Live(session) = &mut self.source else {
            return true;
        };
        let limit = session.steps().saturating_add(max_steps);
        let reached = loop {
            if session.trace().events.len() >= events || session.pending_choice().is_some() {
                break true;
            }
            if session.steps() >= limit {
                break false;
            }
            let budget = Budget {
                steps: (limit - session.steps()).min(10_000),
                until: Time::MAX,
            };
            match session.run(budget) {
                Status::Done { .. } => break true,
                Status::Waiting { until: Time::MAX } => break false,
                Status::Waiting { until } => session.advance_to(until),
                Status::Runnable => {}
            }
        };
        self.sync();
        reached
    }

    /// What the program printed so far, on stdout and on stderr.
    pub fn printed(&self) -> (&str, &str) {
        match &self.source {
            Source::Live(session) => (session.stdout(), session.stderr()),
            Source::Recorded { .. } => ("", ""),
        }
    }

    /// The run as a run file's text (`runfile.rs`): its code, settings and trace so far.
    pub fn to_file(&mut self) -> String {
        let exit_status = match self.status() {
            Status::Done { exit_code } => Some(exit_code),
            _ => None,
        };
        let (stdout, stderr) = self.printed();
        // Another scheduler than CPython's saves the choices made, which replay the run (a manual run's
        // answers are nowhere else).
        let mut settings = self.settings.clone();
        if let (true, Some(session)) = (
            settings.scheduler != interleave::sched::Strategy::Cpython,
            self.session(),
        ) {
            settings.choices = Some(session.choice_log());
        }
        interleave::runfile::write(&RunView {
            code: &self.code,
            settings: &settings,
            trace: self.trace(),
            now: self.now(),
            exit_status,
            stdout,
            stderr,
        })
    }

    /// The timeline as a standalone SVG picture, as the command's `--svg` draws it.
    pub fn to_svg(&self) -> String {
        interleave::svg::timeline(self.trace(), &self.replay, self.now())
    }

    pub fn is_done(&mut self) -> bool {
        matches!(self.status(), Status::Done { .. })
    }

    /// The loop as it was at virtual time `t`.
    pub fn state_at_time(&self, t: Time) -> Inspection {
        let trace = self.trace();
        let events = events_until(trace, t);
        Inspection {
            at: t,
            events,
            state: Rc::new(state_at(trace, events)),
        }
    }

    /// The loop as it was after `events` events, at the time of the last of them.
    pub fn state_after(&self, events: usize) -> Inspection {
        let trace = self.trace();
        let events = events.min(trace.events.len());
        let at = events.checked_sub(1).map_or(0, |i| trace.events[i].at);
        Inspection {
            at,
            events,
            state: Rc::new(state_at(trace, events)),
        }
    }
}

/// A moment chosen on the timeline and the loop as it was then.
#[derive(Debug, Clone)]
pub struct Inspection {
    pub at: Time,
    /// Events applied (the event index the state is "after").
    pub events: usize,
    pub state: Rc<LoopState>,
}

impl PartialEq for Inspection {
    fn eq(&self, other: &Self) -> bool {
        self.at == other.at && self.events == other.events && Rc::ptr_eq(&self.state, &other.state)
    }
}

/// A handle on the live run for components: equal while the run has not progressed, so that props
/// compare in O(1) and nothing is cloned per frame.
#[derive(Clone)]
pub struct RunRef {
    pub run: Rc<RefCell<Run>>,
    /// Bumped by the driver each time the run progresses.
    pub tick: u64,
}

impl PartialEq for RunRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.run, &other.run) && self.tick == other.tick
    }
}
