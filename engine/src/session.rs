//! The host's handle on one run: a budgeted, sans-IO API over the interpreter, the executor and the clock.

use crate::trace::{Stream, Time, Trace};

/// How a run is set up. The same config and source always give the same output and trace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The name tracebacks and warnings show, like the path given to `python3`.
    pub filename: String,
    /// Virtual nanoseconds each executed instruction costs, so CPU-bound work occupies time.
    pub step_cost: Time,
    /// Output past this many bytes is cut with a note.
    pub max_output_bytes: usize,
    /// Python's recursion limit (`sys.getrecursionlimit()`).
    pub recursion_limit: u32,
    /// Seed for `random` when the program does not seed it.
    pub seed: u64,
    /// Events past this count are not recorded (the run goes on).
    pub max_events: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            filename: "main.py".into(),
            step_cost: 20,
            max_output_bytes: 4 << 20,
            recursion_limit: 1000,
            seed: 0,
            max_events: 4_000_000,
        }
    }
}

/// How much a call to [`Session::run`] may do before it returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// Instructions to execute at most.
    pub steps: u64,
    /// Virtual time not to run past: the clock pauses here (mid-task if need be).
    pub until: Time,
}

impl Budget {
    pub const UNLIMITED: Budget = Budget {
        steps: u64::MAX,
        until: Time::MAX,
    };
}

/// Where a run stands after a call returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// There is work to do now: call `run` or `step` again.
    Runnable,
    /// Nothing can run before the clock reaches `until`: call `advance_to`.
    Waiting { until: Time },
    /// The program ended with this exit status (0, or 1 after an uncaught exception).
    Done { exit_code: i32 },
}

/// The error that ended a run, placed for the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgramError {
    /// `SyntaxError`, `ZeroDivisionError`, ...
    pub kind: String,
    pub message: String,
    /// 1-based; 0 when unknown.
    pub line: u32,
    pub col: u32,
}

/// One program's run. The interpreter is not wired in yet: a session parses the program, reports a
/// syntax error the way the real run will, and otherwise ends at once with a note on stderr.
pub struct Session {
    trace: Trace,
    now: Time,
    error: Option<ProgramError>,
    exit_code: i32,
}

impl Session {
    /// Parses `source`; a syntax error ends the run at once, recorded as output.
    pub fn new(source: &str, config: Config) -> Session {
        let mut trace = Trace::default();
        trace.tasks.push(crate::trace::TaskInfo {
            name: "main".into(),
            coro: "<module>".into(),
            parent: 0,
            created_line: 0,
        });
        let (text, error) = match crate::parser::parse(source) {
            Err(e) => (
                format!("  File \"{}\", line {}\n{}: {}\n", config.filename, e.line, e.kind.name(), e.msg),
                Some(ProgramError {
                    kind: e.kind.name().into(),
                    message: e.msg,
                    line: e.line,
                    col: e.col,
                }),
            ),
            Ok(_) => ("Interleave: the interpreter is not wired in yet; only parsing runs.\n".to_string(), None),
        };
        trace.texts.push(text);
        trace.events.push(crate::trace::Event {
            at: 0,
            task: crate::trace::MAIN_THREAD,
            line: error.as_ref().map_or(0, |e| e.line),
            kind: crate::trace::EventKind::Print {
                stream: Stream::Stderr,
                text: 0,
            },
        });
        Session {
            trace,
            now: 0,
            error,
            exit_code: 1,
        }
    }

    /// Runs until the budget is spent, nothing is ready before a timer, or the program ends.
    pub fn run(&mut self, budget: Budget) -> Status {
        let _ = budget;
        self.status()
    }

    /// Runs until the next scheduling event: one task resumed until it suspends or finishes.
    pub fn step(&mut self) -> Status {
        self.status()
    }

    /// Moves the clock forward, never past the next deadline (so slicing never changes the trace).
    pub fn advance_to(&mut self, t: Time) {
        if let Some(d) = self.next_deadline() {
            self.now = self.now.max(t.min(d));
        }
    }

    pub fn next_deadline(&self) -> Option<Time> {
        None
    }

    pub fn now(&self) -> Time {
        self.now
    }

    pub fn status(&self) -> Status {
        Status::Done {
            exit_code: self.exit_code,
        }
    }

    pub fn trace(&self) -> &Trace {
        &self.trace
    }

    pub fn error(&self) -> Option<&ProgramError> {
        self.error.as_ref()
    }

    /// Instructions executed so far.
    pub fn steps(&self) -> u64 {
        0
    }
}
