//! The host's handle on one run: a budgeted, sans-IO API over the interpreter, the executor and the clock.

use crate::ast::{SyntaxError, SyntaxErrorKind};
use crate::asyncio::Tick;
use crate::exc::{Exc, ExcType};
use crate::trace::{EventKind, Outcome, Stream, TaskId, Time, Trace, WaitReason, MAIN_THREAD};
use crate::value::Value;
use crate::vm::frame::{Ret, Thread};
use crate::vm::{Exit, Vm};
use std::rc::Rc;

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

/// Where the program stands between calls.
enum State {
    /// The main thread (module code) runs.
    Main,
    /// The main thread waits in `run_forever` while the event loop runs.
    Loop,
    Done(i32),
}

/// Budget steps a loop tick costs besides the instructions it runs.
const TICK_STEPS: u64 = 2;

/// One program's run.
pub struct Session {
    vm: Vm,
    main: Thread,
    state: State,
    error: Option<ProgramError>,
}

impl Session {
    /// Parses and compiles `source`; a syntax error ends the run at once, recorded as output.
    pub fn new(source: &str, config: Config) -> Session {
        let mut vm = Vm::new(&config);
        vm.source = Rc::from(source);
        let mut s = Session {
            vm,
            main: Thread::default(),
            state: State::Main,
            error: None,
        };
        let code =
            crate::parser::parse(source).and_then(|tree| crate::compiler::compile(&tree, &config.filename, false));
        match code {
            Ok(code) => {
                let globals = s.vm.main_globals.clone();
                {
                    let mut g = globals.borrow_mut();
                    g.set_str("__name__", Value::str("__main__"));
                    g.set_str("__file__", Value::str(&config.filename));
                    g.set_str("__doc__", Value::None);
                }
                let frame = s.vm.new_frame(code, globals, Ret::Exit);
                s.main.frames.push(frame);
                s.main_event(EventKind::Resumed);
            }
            Err(e) => s.syntax_error(source, &config.filename, e),
        }
        s
    }

    fn syntax_error(&mut self, source: &str, filename: &str, e: SyntaxError) {
        let mut text = format!("  File \"{filename}\", line {}\n", e.line);
        if let Some(l) = source.lines().nth((e.line as usize).saturating_sub(1)) {
            let trimmed = l.trim_start();
            let cut = l.chars().count() - trimmed.chars().count();
            let t = trimmed.trim_end();
            if !t.is_empty() {
                text.push_str(&format!("    {t}\n"));
                let col = (e.col as usize).saturating_sub(1 + cut);
                // Indentation errors get one caret (none when the indentation itself is wrong), as in CPython.
                let width = match (e.kind, e.end) {
                    (SyntaxErrorKind::TabError, _) => 0,
                    (SyntaxErrorKind::IndentationError, _) if e.msg.starts_with("unexpected ") => 0,
                    (SyntaxErrorKind::IndentationError, _) => 1,
                    (_, Some(end)) if end.line == e.line => (end.col as usize).saturating_sub(e.col as usize).max(1),
                    (_, Some(end)) if end.line > e.line => {
                        (cut + t.chars().count() + 1).saturating_sub(e.col as usize).max(1)
                    }
                    _ => 1,
                };
                if width > 0 {
                    text.push_str(&format!("    {}{}\n", " ".repeat(col), "^".repeat(width)));
                }
            }
        }
        text.push_str(&format!("{}: {}\n", e.kind.name(), e.msg));
        self.vm.write(Stream::Stderr, &text);
        self.error = Some(ProgramError {
            kind: e.kind.name().into(),
            message: e.msg.clone(),
            line: e.line,
            col: e.col,
        });
        self.state = State::Done(1);
    }

    /// Records an event of the main thread at its current line.
    fn main_event(&mut self, kind: EventKind) {
        // With no frame left (the program ended), the last line that ran.
        let line = self.vm.line_of(&self.main);
        if line != 0 {
            self.vm.ts.line = line;
        }
        self.vm.event(MAIN_THREAD, kind);
    }

    /// Where the code runs right now: the running task (0 for the main thread) and its line. `None` while
    /// nothing runs (the loop is idle, between tasks, or the program ended).
    pub fn position(&self) -> Option<(TaskId, u32)> {
        match self.state {
            State::Main => Some((MAIN_THREAD, self.vm.line_of(&self.main))),
            State::Loop => {
                let task = self.vm.ts.aio.in_progress.as_ref()?.task.as_ref()?;
                let th = task.thread.borrow();
                Some((task.id, self.vm.line_of(th.as_ref()?)))
            }
            State::Done(_) => None,
        }
    }

    /// Runs until the budget is spent, nothing is ready before a timer, or the program ends.
    pub fn run(&mut self, budget: Budget) -> Status {
        self.vm.world.step_limit = self.vm.world.steps.saturating_add(budget.steps);
        self.vm.world.time_limit = budget.until;
        loop {
            match self.state {
                State::Done(code) => return Status::Done { exit_code: code },
                State::Main => match self.vm.run(&mut self.main) {
                    Exit::Returned(_) => self.finish(0),
                    Exit::Raised(e) => self.uncaught(e),
                    Exit::RunLoop => {
                        if !self.vm.ts.aio.main_waiting {
                            self.vm.ts.aio.main_waiting = true;
                            self.main_event(EventKind::Suspended {
                                reason: WaitReason::EventLoop,
                            });
                        }
                        self.state = State::Loop;
                    }
                    Exit::Budget => return Status::Runnable,
                    Exit::Await(_) | Exit::Yield | Exit::Yielded(_) => {
                        let e = self.vm.materialize(Exc::runtime("'await' outside of a running task"));
                        self.uncaught(e);
                    }
                },
                State::Loop => {
                    if self.vm.world.steps >= self.vm.world.step_limit || self.vm.world.now >= self.vm.world.time_limit
                    {
                        return Status::Runnable;
                    }
                    match self.vm.loop_tick() {
                        // A tick's own work (timers, callbacks in Rust) runs no instruction but still takes
                        // time: it counts against the budget, so a slice stays short even when most of its
                        // ticks run no Python. (The clock is not charged: slicing never changes the trace.)
                        Tick::Ran => self.vm.world.step_limit = self.vm.world.step_limit.saturating_sub(TICK_STEPS),
                        Tick::Budget => return Status::Runnable,
                        Tick::Idle(t) => return Status::Waiting { until: t },
                        Tick::Stopped => {
                            // Inside asyncio.run the wait goes on until it returns (`main_in_run`).
                            if self.vm.ts.aio.main_in_run.is_none() {
                                self.vm.ts.aio.main_waiting = false;
                                self.main_event(EventKind::Resumed);
                            }
                            self.state = State::Main;
                        }
                        Tick::Deadlock => {
                            self.vm.write(
                                Stream::Stderr,
                                "Interleave: deadlock: every task is waiting and no timer is pending, so nothing can ever wake them (CPython would wait here forever).\n",
                            );
                            self.error = Some(ProgramError {
                                kind: "Deadlock".into(),
                                message: "every task is waiting and no timer is pending".into(),
                                line: 0,
                                col: 0,
                            });
                            self.finish(1);
                        }
                    }
                }
            }
        }
    }

    fn uncaught(&mut self, e: Value) {
        if self.vm.exc_is(&e, ExcType::SystemExit) {
            let arg = self.vm.exc_data(&e).and_then(|d| d.borrow().args.first().cloned());
            let code = match arg {
                None | Some(Value::None) => 0,
                Some(Value::Int(i)) => i as i32,
                Some(Value::Bool(b)) => b as i32,
                Some(other) => {
                    let s = self.vm.to_str(&other).map(|s| s.to_string()).unwrap_or_default();
                    self.vm.write(Stream::Stderr, &format!("{s}\n"));
                    1
                }
            };
            self.finish(code);
            return;
        }
        self.vm.flush_warnings();
        let text = self.vm.format_exception(&e);
        self.vm.write(Stream::Stderr, &text);
        let kind = self.vm.exc_type_label(&e);
        let message = self.vm.to_str(&e).map(|s| s.to_string()).unwrap_or_default();
        let filename = self.vm.filename.clone();
        let line = self
            .vm
            .exc_data(&e)
            .and_then(|d| {
                d.borrow()
                    .traceback
                    .iter()
                    .find(|t| t.filename == filename)
                    .map(|t| t.line)
            })
            .unwrap_or(0);
        self.error = Some(ProgramError {
            kind,
            message,
            line,
            col: 0,
        });
        self.finish(1);
    }

    fn finish(&mut self, code: i32) {
        self.vm.flush_warnings();
        // Tasks still pending when the program ends are destroyed, as at interpreter exit.
        let pending: Vec<_> = std::mem::take(&mut self.vm.ts.aio.live).into_values().collect();
        for t in pending.iter().filter(|t| !t.is_done()) {
            let desc = self
                .vm
                .repr(&Value::Object(t.clone()))
                .map(|s| s.to_string())
                .unwrap_or_default();
            self.vm.write(
                Stream::Stderr,
                &format!("Task was destroyed but it is pending!\ntask: {desc}\n"),
            );
        }
        drop(pending);
        self.vm.ts.aio.ready.clear();
        self.vm.ts.aio.in_progress = None;
        self.vm.flush_warnings();
        // The main thread fails with the error that ended the program (an uncaught exception, a deadlock).
        let outcome = match &self.error {
            Some(e) if e.message.is_empty() => Outcome::Raised {
                exc: self.vm.text(e.kind.clone()),
            },
            Some(e) => Outcome::Raised {
                exc: self.vm.text(format!("{}: {}", e.kind, e.message)),
            },
            None => Outcome::Returned,
        };
        self.main_event(EventKind::Finished { outcome });
        self.vm.world.trace.events.shrink_to_fit();
        self.state = State::Done(code);
    }

    /// Runs until the next scheduling event: one task resumed until it suspends or finishes.
    pub fn step(&mut self) -> Status {
        let before = self.vm.world.trace.events.len();
        loop {
            let st = self.run(Budget {
                steps: 1_000,
                until: Time::MAX,
            });
            let moved = self.vm.world.trace.events[before..]
                .iter()
                .any(|e| matches!(e.kind, EventKind::Suspended { .. } | EventKind::Finished { .. }));
            if moved || !matches!(st, Status::Runnable) {
                return st;
            }
        }
    }

    /// Moves the clock forward, never past the next deadline (so slicing never changes the trace).
    pub fn advance_to(&mut self, t: Time) {
        if let Some(d) = self.next_deadline() {
            self.vm.world.now = self.vm.world.now.max(t.min(d));
        }
    }

    /// When the loop is idle, the time of the next timer.
    pub fn next_deadline(&mut self) -> Option<Time> {
        match self.state {
            State::Loop => self.vm.idle_until(),
            _ => None,
        }
    }

    pub fn now(&self) -> Time {
        self.vm.world.now
    }

    pub fn status(&mut self) -> Status {
        match self.state {
            State::Done(code) => Status::Done { exit_code: code },
            _ => match self.next_deadline() {
                Some(t) if t > self.vm.world.now => Status::Waiting { until: t },
                _ => Status::Runnable,
            },
        }
    }

    pub fn trace(&self) -> &Trace {
        &self.vm.world.trace
    }

    pub fn error(&self) -> Option<&ProgramError> {
        self.error.as_ref()
    }

    /// Instructions executed so far.
    pub fn steps(&self) -> u64 {
        self.vm.world.steps
    }

    pub fn stdout(&self) -> &str {
        &self.vm.world.stdout
    }

    pub fn stderr(&self) -> &str {
        &self.vm.world.stderr
    }

    /// Runs to the end, jumping the clock to each deadline (tests, the command line).
    pub fn run_to_end(&mut self) -> i32 {
        loop {
            match self.run(Budget::UNLIMITED) {
                Status::Done { exit_code } => return exit_code,
                Status::Waiting { until } => self.advance_to(until),
                Status::Runnable => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A run's objects go with its session, reference cycles included (see `vm/teardown.rs`): functions and
    /// their module's globals, a class and its `super()` cell, an instance holding itself, a task's coroutine.
    #[test]
    fn a_dropped_session_frees_its_cycles() {
        let source = "import asyncio\n\
                      def f():\n    return f\n\
                      class A:\n    def m(self):\n        return super().__repr__\n\
                      a = A()\na.me = a\n\
                      async def main():\n    task = asyncio.current_task()\n    await asyncio.sleep(0)\n\
                      asyncio.run(main())\n";
        let mut s = Session::new(source, Config::default());
        assert_eq!(s.run_to_end(), 0, "{}", s.stderr());
        let globals = Rc::downgrade(&s.vm.main_globals);
        let instance = match s.vm.main_globals.borrow().get_str("a") {
            Some(Value::Instance(i)) => Rc::downgrade(&i),
            _ => panic!("no instance"),
        };
        drop(s);
        assert!(globals.upgrade().is_none(), "the module's globals outlived the session");
        assert!(
            instance.upgrade().is_none(),
            "an instance holding itself outlived the session"
        );
    }
}
