//! The host's handle on one run: a budgeted, sans-IO API over the interpreter, the executor and the clock.

use crate::ast::{SyntaxError, SyntaxErrorKind};
use crate::asyncio::Tick;
use crate::exc::{Exc, ExcType};
use crate::threads::{Block, Mode};
use crate::trace::{EventKind, Outcome, Stream, TaskId, Time, Trace, WaitReason, END_OF_TIME};
use crate::value::Value;
use crate::vm::frame::{Ret, Thread};
use crate::vm::{Exit, Vm};
use std::rc::Rc;

mod machine;
pub use machine::{QUANTUM, SLICE};

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
    /// Events past this count are not recorded, but for prints (the run goes on; `Trace::cut_at` says when).
    pub max_events: usize,
    /// The GIL's switch interval in virtual nanoseconds (`sys.getswitchinterval()`, 5 ms in CPython).
    pub switch_interval: Time,
    /// Let threads switch at any instruction, as Python 3.9 and older could (so `counter += 1` in several
    /// threads loses updates); by default they switch where CPython 3.11 checks its eval breaker.
    pub switch_any_instruction: bool,
    /// The simulated machine's cores (`os.cpu_count()`).
    pub cpu_count: u32,
    /// Bytes the run may hold (values, frames, tasks, its trace and output) before the program gets
    /// `MemoryError`; `usize::MAX` for no limit.
    pub memory_limit: usize,
    /// The granularity, in virtual nanoseconds, of an event loop's wait in its selector: a positive timeout is
    /// rounded up to a multiple of it, as CPython's `EpollSelector` rounds to whole milliseconds on Linux (1 ms,
    /// the default). After the wait every timer then due fires in the same iteration, so timers a few
    /// instructions apart fire together, before any callback they schedule. 1 makes the wait exact.
    pub selector_resolution: Time,
    /// Record the program's reads and writes of globals and instance attributes, so that lost updates are
    /// found (`findings.rs`); off by default, as it costs time on every such access.
    pub track_accesses: bool,
    /// Who runs next at each choice point (`sched.rs`); `Cpython` is what CPython does.
    pub scheduler: crate::sched::Strategy,
    /// A choice log (`sched::log`) to follow first: exactly, with `Strategy::Replay`; else its choices, then
    /// the strategy's own past its end.
    pub choices: Option<String>,
    /// The simulated network's latencies, bandwidth and failures (`net.rs`).
    pub net: crate::net::NetConfig,
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
            switch_interval: 5_000_000,
            switch_any_instruction: false,
            cpu_count: 4,
            memory_limit: 1 << 30,
            selector_resolution: 1_000_000,
            track_accesses: false,
            scheduler: crate::sched::Strategy::Cpython,
            choices: None,
            net: crate::net::NetConfig::default(),
        }
    }
}

/// How much a call to [`Session::run`] may do before it returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// Instructions to execute at most.
    pub steps: u64,
    /// Virtual time not to run past: the clock pauses here (mid-task if need be). With several processes, at
    /// the end of the quantum that reaches it (`session/machine.rs`).
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

/// Budget steps a loop tick costs besides the instructions it runs.
const TICK_STEPS: u64 = 2;

/// One program's run.
pub struct Session {
    vm: Vm,
    /// The exit status, once the program has ended.
    done: Option<i32>,
    /// The exit status to end with once `threading._shutdown()` has joined the other threads.
    exiting: Option<i32>,
    error: Option<ProgramError>,
    /// The virtual time the current budget ends at (the interpreter's own limit may be nearer: a thread's
    /// deadline, a GIL drop).
    until: Time,
    /// `Config::selector_resolution`, never 0.
    selector_resolution: Time,
    /// Set by [`Session::free_some`]: the run's objects are being freed and it runs no more.
    teardown: Option<crate::vm::teardown::Teardown>,
    /// The step count the current budget ends at (natives that must leave the interpreter at once, `fork`
    /// and `kill`, lower the interpreter's own limit; it is restored from here).
    step_limit: u64,
    /// The processes and cores, from the program's first `fork` on (`session/machine.rs`).
    machine: Option<machine::Machine>,
    /// What went wrong so far (`Session::findings`); `findings_ended` once the end of the run was analysed.
    analyzer: crate::findings::Analyzer,
    findings_started: bool,
    findings_ended: bool,
}

impl Session {
    /// Parses and compiles `source`; a syntax error ends the run at once, recorded as output.
    pub fn new(source: &str, config: Config) -> Session {
        let entry = crate::memory::live();
        let mut s = Session::blank(source, &config);
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
                s.vm.main_code = Some(code.clone());
                let frame = s.vm.new_frame(code, globals, Ret::Exit);
                s.vm.threads.list[0].frames.frames.push(frame);
                s.main_event(EventKind::Resumed);
            }
            Err(e) => s.syntax_error(source, &config.filename, e),
        }
        // The interpreter and the compiled program are the run's too.
        s.vm.world.memory.used = crate::memory::since(entry);
        s
    }

    /// A session with its main thread and no code yet.
    fn blank(source: &str, config: &Config) -> Session {
        let mut vm = Vm::new(config);
        vm.source = Rc::from(source);
        let mut s = Session {
            vm,
            done: None,
            exiting: None,
            error: None,
            until: Time::MAX,
            selector_resolution: config.selector_resolution.max(1),
            teardown: None,
            step_limit: u64::MAX,
            machine: None,
            analyzer: crate::findings::Analyzer::default(),
            findings_started: false,
            findings_ended: false,
        };
        s.vm.add_main_thread(Thread::default());
        s
    }

    /// A program file's bytes, decoded as CPython reads a file (a BOM, a coding declaration); bytes that do not
    /// decode end the run at once with CPython's `SyntaxError`.
    pub fn from_bytes(bytes: &[u8], config: Config) -> Session {
        match crate::source::decode(bytes) {
            Ok(text) => Session::new(&text, config),
            Err(e) => {
                let filename = config.filename.clone();
                let text = String::from_utf8_lossy(bytes);
                let mut s = Session::blank(&text, &config);
                match e {
                    crate::source::SourceError::At(e) => s.syntax_error(&text, &filename, e),
                    crate::source::SourceError::Plain(msg) => {
                        let msg = msg.replace("{file}", &filename);
                        s.vm.write(Stream::Stderr, &format!("SyntaxError: {msg}\n"));
                        s.error = Some(ProgramError {
                            kind: "SyntaxError".into(),
                            message: msg,
                            line: 0,
                            col: 0,
                        });
                        s.done = Some(1);
                    }
                }
                s
            }
        }
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
        self.done = Some(1);
    }

    /// Records an event of the running thread's own lane at its current line.
    fn main_event(&mut self, kind: EventKind) {
        let i = self.vm.ts.index;
        // With no frame left (the program ended), the last line that ran.
        let line = self.vm.line_of(&self.vm.threads.list[i].frames);
        if line != 0 {
            self.vm.ts.line = line;
        }
        let lane = self.vm.ts.lane;
        self.vm.event(lane, kind);
    }

    /// Where the code runs right now: the running task or thread (0 for the main thread) and its line. `None`
    /// while nothing runs (the loop is idle, between tasks, or the program ended).
    pub fn position(&self) -> Option<(TaskId, u32)> {
        if self.done.is_some() {
            return None;
        }
        let i = self.vm.threads.holder?;
        let rec = &self.vm.threads.list[i];
        match rec.mode {
            Mode::Code => Some((rec.lane, self.vm.line_of(&rec.frames))),
            Mode::Loop => {
                let task = self.vm.ts.aio.in_progress.as_ref()?.task.as_ref()?;
                let th = task.thread.borrow();
                Some((task.id, self.vm.line_of(th.as_ref()?)))
            }
        }
    }

    /// Runs until the budget is spent, nothing can run before a deadline, or the program ends.
    pub fn run(&mut self, budget: Budget) -> Status {
        self.vm.world.memory.enter();
        let status = self.run_metered(budget);
        self.vm.world.memory.leave();
        status
    }

    fn run_metered(&mut self, budget: Budget) -> Status {
        self.step_limit = self.vm.world.steps.saturating_add(budget.steps);
        self.vm.world.step_limit = self.step_limit;
        if self.teardown.is_some() {
            return Status::Done {
                exit_code: self.done.unwrap_or(1),
            };
        }
        if self.machine.is_none() {
            self.until = budget.until;
            let status = self.run_process();
            if self.machine.is_none() || self.done.is_some() {
                return status;
            }
        }
        self.run_machine(budget.until)
    }

    /// Runs the current process (its threads, GIL and event loops) until the budget is spent, it reaches
    /// `self.until`, it waits for a deadline (`Waiting`, `Time::MAX` when only another process can wake it),
    /// or it ends (`Done`; for a child process, its exit code).
    fn run_process(&mut self) -> Status {
        loop {
            if let Some(code) = self.done {
                return Status::Done { exit_code: code };
            }
            if let Some(code) = self.process_ended() {
                return Status::Done { exit_code: code };
            }
            // A process was killed: the machine ends it before anything else runs (see `run_machine`).
            if self.kill_pending() {
                return Status::Runnable;
            }
            if self.vm.world.steps >= self.step_limit || self.vm.world.now >= self.until {
                return Status::Runnable;
            }
            if !self.vm.forked.is_empty() {
                // After the first child the machine schedules processes: leave for it. And a fork copies a
                // heap, work no instruction count measures: the host's call ends after each one.
                self.adopt_children();
                return self.end_call();
            }
            if self.vm.world.sched.pending.is_some() {
                return Status::Runnable;
            }
            // Threads whose wait is over queue for the GIL; with nobody holding it, the first takes it.
            self.vm.wake_threads();
            let i = match self.vm.threads.holder {
                Some(i) => i,
                None => {
                    if self.vm.pause_waiter() {
                        continue;
                    }
                    if self.vm.take_next_waiter() {
                        self.resume_blocked_call();
                        continue;
                    }
                    match self.vm.threads.next_deadline() {
                        Some(t) if t > self.vm.world.now => return Status::Waiting { until: t },
                        Some(_) => continue,
                        // Another process may still wake it: the machine decides whether that can be.
                        None if self.machine.is_some() => return Status::Waiting { until: Time::MAX },
                        None => {
                            self.deadlock();
                            continue;
                        }
                    }
                }
            };
            // The interpreter stops at the next thread's deadline, and in the 3.9 mode at a GIL drop request.
            let mut limit = self.until;
            if self.vm.threads.multi {
                limit = limit.min(self.vm.threads.next_deadline().unwrap_or(Time::MAX));
                if self.vm.threads.any_instruction {
                    limit = limit.min(self.vm.threads.drop_at);
                }
            }
            self.vm.world.time_limit = limit;
            match self.vm.threads.list[i].mode {
                Mode::Code => {
                    let mut frames = std::mem::take(&mut self.vm.threads.list[i].frames);
                    let exit = self.vm.run(&mut frames);
                    self.vm.threads.list[i].frames = frames;
                    self.after_native_exit();
                    match exit {
                        Exit::Returned(_) => self.thread_returned(i),
                        Exit::Raised(e) => self.thread_raised(i, e),
                        Exit::RunLoop => {
                            if !self.vm.ts.aio.main_waiting {
                                self.vm.ts.aio.main_waiting = true;
                                self.main_event(EventKind::Suspended {
                                    reason: WaitReason::EventLoop,
                                });
                            }
                            self.vm.threads.list[i].mode = Mode::Loop;
                        }
                        Exit::Budget => self.after_budget(),
                        Exit::Await(_) | Exit::Yield | Exit::Yielded(_) => {
                            let e = self.vm.materialize(Exc::runtime("'await' outside of a running task"));
                            self.thread_raised(i, e);
                        }
                    }
                }
                Mode::Loop => match self.loop_tick() {
                    // A tick's own work (timers, callbacks in Rust) runs no instruction but still takes
                    // time: it counts against the budget, so a slice stays short even when most of its
                    // ticks run no Python. (The clock is not charged: slicing never changes the trace.)
                    Tick::Ran => {
                        self.step_limit = self.step_limit.saturating_sub(TICK_STEPS);
                        self.vm.world.step_limit = self.step_limit;
                        // A Rust-only tick checks no eval breaker, but a tick ends a step: let go if asked.
                        // (Between tasks the lane already shows its wait for the loop: no Suspended is added.)
                        if self.vm.tick_switch() {
                            self.vm.drop_gil(Some(WaitReason::Gil));
                            self.vm.want_gil(i);
                        }
                    }
                    Tick::Budget => self.after_budget(),
                    Tick::Paused => {}
                    // The loop waits in its selector, off the GIL, for its next timer's delay rounded up.
                    Tick::Idle(t) => {
                        let until = self.selector_wakeup(t);
                        self.vm.park(Block::Select { until: Some(until) })
                    }
                    Tick::Stopped => {
                        // Inside asyncio.run the wait goes on until it returns (`main_in_run`).
                        if self.vm.ts.aio.main_in_run.is_none() {
                            self.vm.ts.aio.main_waiting = false;
                            self.main_event(EventKind::Resumed);
                        }
                        self.vm.threads.list[i].mode = Mode::Code;
                        if let Some(e) = self.vm.ts.aio.escaped.take() {
                            // `run_forever` raises it in the thread that called it.
                            let mut frames = std::mem::take(&mut self.vm.threads.list[i].frames);
                            let out = self.vm.throw(&mut frames, e);
                            self.vm.threads.list[i].frames = frames;
                            if let Some(Exit::Raised(e)) = out {
                                self.thread_raised(i, e);
                            }
                        }
                    }
                    Tick::Deadlock => {
                        if self.vm.threads.others_alive(i) {
                            // Another thread may still call `call_soon_threadsafe`.
                            self.vm.park(Block::Select { until: None });
                        } else {
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
                },
            }
        }
    }

    /// When a selector asked to wait until `deadline` returns: the timeout from now, rounded up to the
    /// selector's resolution (`math.ceil(timeout * 1e3) * 1e-3` in CPython's `EpollSelector.select`), never
    /// before the deadline and never past the end of time.
    fn selector_wakeup(&self, deadline: Time) -> Time {
        let now = self.vm.world.now;
        let timeout = deadline.saturating_sub(now);
        let r = self.selector_resolution;
        let rounded = timeout.div_ceil(r).saturating_mul(r);
        now.saturating_add(rounded).min(END_OF_TIME).max(deadline)
    }

    /// The running thread left the interpreter early: it blocked, it was asked to let go of the GIL, or a
    /// limit (the budget, a deadline) was reached.
    fn after_budget(&mut self) {
        // Paused at an eval-breaker check: `choose` decides.
        if self.vm.world.sched.pending.is_some() {
            return;
        }
        // A switch happens at an eval-breaker check (or, switching anywhere, at the first instruction past the
        // drop request), never where a budget happened to end: slicing must not move it.
        let at_breaker = std::mem::take(&mut self.vm.threads.at_breaker)
            || (self.vm.threads.any_instruction && self.vm.world.now >= self.vm.threads.drop_at);
        if let Some(b) = self.vm.threads.blocking.take() {
            self.vm.park(b);
        } else if at_breaker && self.vm.breaker() && !self.vm.threads.waiting.is_empty() {
            let Some(i) = self.vm.threads.holder else { return };
            self.vm.drop_gil(Some(WaitReason::Gil));
            self.vm.want_gil(i);
        }
    }

    /// A thread that took the GIL after a wait finishes the call that blocked it, or waits again.
    fn resume_blocked_call(&mut self) {
        let Some(i) = self.vm.threads.holder else { return };
        let Some(b) = self.vm.threads.list[i].pending.take() else {
            return;
        };
        match self.vm.retry_block(b) {
            Ok(Some(v)) => self.vm.set_block_result(i, v),
            Ok(None) => {}
            Err(b) => self.vm.park(b),
        }
    }

    fn thread_returned(&mut self, i: usize) {
        if i == 0 && self.in_child() {
            let code = self.child_exit_code(None);
            self.end_process(code);
        } else if i == 0 {
            self.main_ended(0);
        } else {
            self.vm.flush_warnings();
            self.vm.end_thread(Outcome::Returned);
        }
    }

    fn thread_raised(&mut self, i: usize, e: Value) {
        if i == 0 && self.in_child() {
            let code = self.child_exit_code(Some(e));
            self.end_process(code);
        } else if i == 0 {
            if self.exiting.is_some() {
                // `threading._shutdown()` itself failed: report it and end.
                let text = self.vm.format_exception(&e);
                self.vm.write(Stream::Stderr, &text);
                let code = self.exiting.unwrap_or(1);
                self.finish(code);
                return;
            }
            self.uncaught(e);
        } else {
            let text = self.vm.format_exception(&e);
            self.vm.write(Stream::Stderr, &text);
            let summary = self.vm.repr(&e).map(|s| s.to_string()).unwrap_or_default();
            let exc = self.vm.text(summary);
            self.vm.end_thread(Outcome::Raised { exc });
        }
    }

    /// The main thread's code ended with `code`: as CPython's finalization does, `threading._shutdown()` joins
    /// the other non-daemon threads first (when the program imported `threading`), then the program ends.
    fn main_ended(&mut self, code: i32) {
        // `multiprocessing` joins its children after the threads (its `_exit_function`, an atexit callback).
        let module = ["multiprocessing", "threading"]
            .into_iter()
            .find(|m| self.vm.modules.get_str(m).is_some());
        if let (None, Some(module)) = (self.exiting, module) {
            self.exiting = Some(code);
            let name = if module == "threading" {
                "_shutdown"
            } else {
                "_il_shutdown"
            };
            let shutdown = self
                .vm
                .modules
                .get_str(module)
                .and_then(|m| self.vm.getattr(&m, name).ok());
            if let Some(f) = shutdown {
                if let Ok(crate::vm::call::Prepared::Frame(mut frame)) = self.vm.prepare_call(f, vec![], vec![]) {
                    frame.ret = Ret::Exit;
                    self.vm.threads.list[0].frames.frames.push(frame);
                    return;
                }
            }
        }
        self.finish(self.exiting.unwrap_or(code));
    }

    /// Every thread is blocked and none has a deadline: nothing can ever wake them.
    fn deadlock(&mut self) {
        let who = self.vm.describe_waits();
        self.vm.write(
            Stream::Stderr,
            &format!(
                "Interleave: deadlock: every thread is blocked and nothing can wake them ({who}); CPython would wait here forever.\n"
            ),
        );
        self.error = Some(ProgramError {
            kind: "Deadlock".into(),
            message: format!("every thread is blocked: {who}"),
            line: 0,
            col: 0,
        });
        // The main thread's state comes back, without running, to end the run in.
        self.vm.restore_main_for_exit();
        self.finish(1);
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
            self.main_ended(code);
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
        self.main_ended(1);
    }

    fn finish(&mut self, code: i32) {
        self.vm.flush_warnings();
        // Tasks still pending when the program ends are destroyed, as at interpreter exit.
        let pending = self.vm.ts.aio.take_live();
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
        self.vm.close_step();
        self.vm.world.sched.finish();
        self.vm.world.trace.events.shrink_to_fit();
        self.done = Some(code);
    }

    /// The choices made so far at points with more than one candidate (none under plain `cpython`): what
    /// a page lists to branch from.
    pub fn choices(&self) -> &[crate::sched::Choice] {
        &self.vm.world.sched.made
    }

    /// The choices made so far as a log (`sched::log`): with `Strategy::Replay`, it replays this run.
    pub fn choice_log(&self) -> String {
        self.vm.world.sched.log()
    }

    /// Hands the run's choices to the explorer (`sched::explore`), from the start.
    pub(crate) fn start_exploring(&mut self, run: crate::sched::ExploreRun) {
        self.vm.world.tracking |= run.por;
        self.vm.world.sched.explore = Some(Box::new(run));
    }

    pub(crate) fn exploring(&self) -> Option<&crate::sched::ExploreRun> {
        self.vm.world.sched.explore.as_deref()
    }

    /// What the explorer learnt of the run (its last step closed, if it did not end).
    pub(crate) fn stop_exploring(&mut self) -> crate::sched::ExploreRun {
        if self.done.is_none() {
            self.vm.close_step();
        }
        self.vm.world.sched.explore.take().map(|b| *b).unwrap_or_default()
    }

    /// The choice the run is paused at, under `Strategy::Manual`: `run` does nothing until `choose` answers it.
    pub fn pending_choice(&self) -> Option<&crate::sched::Pending> {
        self.vm.world.sched.pending.as_ref()
    }

    /// Answers the pending choice with candidate `chosen` (0 is CPython's); false if there is none or no
    /// such candidate. The run goes on at the next `run`.
    pub fn choose(&mut self, chosen: u32) -> bool {
        let Some(p) = self.vm.world.sched.pending.clone() else {
            return false;
        };
        if chosen >= p.candidates() {
            return false;
        }
        self.vm.world.sched.answer(chosen);
        if p.kind == crate::sched::Kind::Switch {
            // The eval-breaker check the run paused at, decided now as `chosen_breaker` would have.
            if self.vm.choose_switch(p.switch) {
                self.vm.threads.drop_at = self.vm.threads.drop_at.min(self.vm.world.now);
                self.vm.threads.at_breaker = true;
                self.after_budget();
            } else if p.switch {
                self.vm.threads.drop_at = self.vm.world.now.saturating_add(self.vm.threads.switch_interval);
            }
        }
        true
    }

    /// Why the choice log given does not fit the program (known once the run goes past the misfit, or at
    /// its end for a log with choices left over).
    pub fn schedule_error(&self) -> Option<&str> {
        self.vm.world.sched.error.as_deref()
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
            if self.machine.is_some() {
                self.machine_advance(t.min(d));
                return;
            }
            self.vm.world.now = self.vm.world.now.max(t.min(d));
        }
    }

    /// When every thread waits (an idle event loop, a sleep, a lock with a timeout), the earliest time one of
    /// them wakes.
    pub fn next_deadline(&mut self) -> Option<Time> {
        if self.done.is_some() {
            return None;
        }
        if self.machine.is_some() {
            return self.machine_deadline();
        }
        if self.vm.threads.holder.is_some() || !self.vm.threads.waiting.is_empty() {
            return None;
        }
        self.vm.threads.next_deadline()
    }

    /// The virtual clock. With several processes, each runs on a clock of its own within a quantum; this is
    /// the machine's, at the quantum's start (`session/machine.rs`).
    pub fn now(&self) -> Time {
        self.machine_now().unwrap_or(self.vm.world.now)
    }

    pub fn status(&mut self) -> Status {
        match self.done {
            Some(code) => Status::Done { exit_code: code },
            None => match self.next_deadline() {
                Some(t) if t > self.now() => Status::Waiting { until: t },
                _ => Status::Runnable,
            },
        }
    }

    pub fn trace(&self) -> &Trace {
        &self.vm.world.trace
    }

    /// What went wrong in the run so far (`findings.rs`), in the order found (the first call parses the
    /// program again, for the statements that drop the task they make): a host may call this after
    /// each budget to show findings as they appear. At the end of a run that deadlocked, the waits no
    /// deadlock explains are added as stuck.
    pub fn findings(&mut self) -> &[crate::findings::Finding] {
        if !self.findings_started {
            self.findings_started = true;
            if let Ok(module) = crate::parser::parse(&self.vm.source) {
                self.analyzer.discarded = crate::findings::discarded_task_lines(&module);
            }
        }
        let world = &mut self.vm.world;
        self.analyzer.findings.append(&mut world.findings);
        self.analyzer.feed(&world.trace);
        if self.done.is_some() && !self.findings_ended {
            self.findings_ended = true;
            let deadlocked = self.error.as_ref().is_some_and(|e| e.kind == "Deadlock");
            self.analyzer.finish(&world.trace, deadlocked);
        }
        &self.analyzer.findings
    }

    pub fn error(&self) -> Option<&ProgramError> {
        self.error.as_ref()
    }

    /// Instructions executed so far.
    /// Bytes the run holds, as its memory budget counts them (`Config::memory_limit`).
    pub fn memory_held(&self) -> usize {
        self.vm.world.memory.held().max(0) as usize
    }

    pub fn steps(&self) -> u64 {
        self.vm.world.steps
    }

    pub fn stdout(&self) -> &str {
        &self.vm.world.stdout
    }

    pub fn stderr(&self) -> &str {
        &self.vm.world.stderr
    }

    /// Frees up to `items` of the run's containers (see `vm/teardown.rs`), then of its trace's task records,
    /// for a host that drops a big run in slices between other work; true when all are freed and dropping the
    /// session costs little more. From the first call on, the run is over: [`Session::run`] returns `Done`
    /// (exit code 1 if the program had not ended) and runs nothing; the trace's events and output stay.
    pub fn free_some(&mut self, items: usize) -> bool {
        let vm = &mut self.vm;
        let teardown = self
            .teardown
            .get_or_insert_with(|| crate::vm::teardown::Teardown::begin(vm));
        if !teardown.free(items) {
            return false;
        }
        // A run of 400,000 tasks has as many names and coroutine names to free.
        let tasks = &mut self.vm.world.trace.tasks;
        tasks.truncate(tasks.len().saturating_sub(items / 2));
        tasks.is_empty()
    }

    /// Runs to the end, jumping the clock to each deadline (tests, the command line).
    pub fn run_to_end(&mut self) -> i32 {
        loop {
            // A host that does not answer a manual schedule's choices gets CPython's.
            if self.pending_choice().is_some() {
                self.choose(0);
            }
            match self.run(Budget::UNLIMITED) {
                Status::Done { exit_code } => return exit_code,
                Status::Waiting { until } => self.advance_to(until),
                Status::Runnable => {}
            }
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // A teardown left unfinished still breaks every cycle.
        if let Some(t) = &mut self.teardown {
            t.free(usize::MAX);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Past `max_events` the run goes on unrecorded, and the trace says when it was cut.
    #[test]
    fn a_cut_trace_says_where() {
        let source = "import asyncio\n\
                      async def w(i):\n    await asyncio.sleep(i)\n\
                      async def main():\n    await asyncio.gather(*(w(i) for i in range(20)))\n    print('done')\n\
                      asyncio.run(main())\n";
        let config = Config {
            max_events: 30,
            ..Config::default()
        };
        let mut s = Session::new(source, config);
        assert_eq!(s.run_to_end(), 0, "{}", s.stderr());
        assert_eq!(s.stdout(), "done\n");
        // Thirty events, and the print past the cut, which the host shows output from.
        assert_eq!(s.trace().events.len(), 31);
        assert!(matches!(s.trace().events[30].kind, EventKind::Print { .. }));
        let cut = s.trace().cut_at.expect("cut");
        assert!(
            cut >= s.trace().events[29].at && cut <= s.trace().events[30].at,
            "{cut}"
        );
        let mut whole = Session::new(source, Config::default());
        whole.run_to_end();
        assert_eq!(whole.trace().cut_at, None);
        assert_eq!(whole.trace().events[..30], s.trace().events[..30]);
    }

    /// A run stopped midway (tasks sleeping, the main thread inside `asyncio.run`) goes with its session too,
    /// whether dropped at once or freed in small slices first; freeing ends the run and keeps its trace.
    #[test]
    fn a_stopped_session_frees_its_cycles_at_once_or_in_slices() {
        let source = "import asyncio\n\
                      async def spawn(n):\n    if n:\n        asyncio.create_task(spawn(n - 1))\n        asyncio.create_task(spawn(n - 1))\n    await asyncio.sleep(1)\n\
                      async def main():\n    asyncio.create_task(spawn(8))\n    await asyncio.sleep(3600)\n\
                      asyncio.run(main())\n";
        for sliced in [false, true] {
            let mut s = Session::new(source, Config::default());
            let status = s.run(Budget {
                steps: 200_000,
                until: Time::MAX,
            });
            assert!(matches!(status, Status::Waiting { .. }), "{status:?} {}", s.stderr());
            let globals = Rc::downgrade(&s.vm.main_globals);
            if sliced {
                let events = s.trace().events.len();
                let mut slices = 0;
                while !s.free_some(50) {
                    slices += 1;
                }
                assert!(slices > 10, "{slices} slices");
                assert_eq!(s.run(Budget::UNLIMITED), Status::Done { exit_code: 1 });
                assert_eq!(s.trace().events.len(), events);
                assert!(s.trace().tasks.is_empty());
            }
            drop(s);
            assert!(
                globals.upgrade().is_none(),
                "the globals outlived the session (sliced: {sliced})"
            );
        }
    }

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

    /// Two sleeps of the same length started a few instructions apart: the first wakes a waiter on the
    /// semaphore it releases. Waiting whole milliseconds, both timers fire in one iteration, before the waiter
    /// gets in (CPython on Linux); waiting exactly, the waiter gets in between.
    const SLEEPS_APART: &str = r#"
import asyncio
async def worker(name, sem):
    async with sem:
        print(name, 'in')
        await asyncio.sleep(1)
        print(name, 'done')
    print(name, 'released')
async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(worker('a', sem), worker('b', sem), worker('c', sem))
asyncio.run(main())
"#;

    fn output_with(resolution: Time) -> String {
        let config = Config {
            selector_resolution: resolution,
            ..Config::default()
        };
        let mut s = Session::new(SLEEPS_APART, config);
        assert_eq!(s.run_to_end(), 0, "{}", s.stderr());
        s.stdout().to_string()
    }

    #[test]
    fn timers_due_within_the_selectors_resolution_fire_together() {
        let lines = |s: String| s.lines().map(str::to_string).collect::<Vec<_>>();
        let rounded = lines(output_with(Config::default().selector_resolution));
        assert_eq!(
            rounded[2..7],
            ["a done", "a released", "b done", "b released", "c in"],
            "{rounded:?}"
        );
        let exact = lines(output_with(1));
        assert_eq!(
            exact[2..7],
            ["a done", "a released", "c in", "b done", "b released"],
            "{exact:?}"
        );
    }
}
