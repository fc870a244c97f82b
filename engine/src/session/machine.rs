//! The simulated machine: processes (each an interpreter, `procs.rs`) on `Config::cpu_count` cores, over the
//! one virtual clock.
//!
//! Until the program forks, the session runs its one process as it always has. From the first `fork` on,
//! virtual time advances in quanta of [`QUANTUM`]: at a quantum's start the machine picks the processes that
//! can run in it (up to one per core, round-robin when there are more, so that they share the cores), then
//! runs them in turns of a [`SLICE`], each on a clock of its own, always the one furthest behind in virtual
//! time next (ties by index): the processes of one quantum run side by side in virtual time, which is what
//! cores are, none more than a slice ahead of another, so that what they do to shared memory interleaves as
//! on real cores (an unlocked `v.value += 1` loses updates). A process that waits
//! past the quantum's end leaves its core; one woken by another process (a message, a lock, a child's end)
//! wakes no earlier than the virtual time the other made the change at (`procs::Signal`). When no process can
//! run, the host is told when the first one can (`Status::Waiting`).
//!
//! **Invariant:** every choice (which processes, in which order, on which core) depends only on the processes'
//! state at the quantum's start, and which runs next within it only on their clocks, never on how
//! `Session::run` was sliced: a budget that ends inside a slice resumes the same process at the same instruction.

use super::{Session, Status};
use crate::asyncio::Tick;
use crate::procs::Handle;
use crate::trace::{EventKind, Outcome, ProcInfo, Stream, TaskId, Time, Wake, MAIN_THREAD};
use crate::vm::Vm;
use std::rc::Rc;

/// How long processes run side by side before the machine picks again: 1 ms of virtual time (Linux gives a
/// CPU-bound process a few milliseconds at a time when processes outnumber cores).
pub const QUANTUM: Time = 1_000_000;

/// How far one process runs ahead of the others within a quantum before the one furthest behind runs: 20 µs,
/// a few hundred instructions, so that processes touching shared memory interleave as on real cores (an
/// unlocked `v.value += 1` loses updates; a lock's holder keeps it across slices).
pub const SLICE: Time = 20_000;

pub(super) struct Machine {
    procs: Vec<Proc>,
    /// The process whose interpreter is `Session::vm`.
    cur: usize,
    quantum: Option<Quantum>,
    /// Where the next round-robin pick starts, when processes outnumber cores.
    rr: usize,
    /// Which process each core runs.
    cores: Vec<Option<usize>>,
    /// The last timer id given out by any process (timer ids name timers in the one trace).
    timer_seq: u64,
    /// The machine's own time, which the host sees (`Session::now`): the current quantum's start, or between
    /// quanta where the last one ended (each process's clock is its own).
    now: Time,
}

struct Proc {
    /// Its interpreter while another one runs.
    vm: Option<Box<Vm>>,
    /// How its parent sees it (`None` for the main process).
    handle: Option<Rc<Handle>>,
    /// Its main thread's lane.
    lane: TaskId,
    /// Its own clock: where its virtual time stands.
    clock: Time,
    ended: bool,
    /// It has run at least once (its lane is `Resumed` then).
    started: bool,
    core: Option<u32>,
}

struct Quantum {
    end: Time,
    start: Time,
    order: Vec<usize>,
    /// The process running a slice now, and where its slice ends (kept when a budget ends inside it).
    running: Option<(usize, Time)>,
}

impl Session {
    /// Whether the running code is a child process's.
    pub(super) fn in_child(&self) -> bool {
        self.machine.as_ref().is_some_and(|m| m.cur != 0)
    }

    /// The running child's exit code, once it has ended.
    pub(super) fn process_ended(&self) -> Option<i32> {
        let m = self.machine.as_ref()?;
        let p = &m.procs[m.cur];
        if m.cur == 0 || !p.ended {
            return None;
        }
        Some(p.handle.as_ref().and_then(|h| h.exitcode.get()).unwrap_or(1))
    }

    /// The exit code of a child whose main thread ended: the one `multiprocessing._il_child_main` computed,
    /// or 1 after an exception it did not catch (printed as CPython prints one).
    pub(super) fn child_exit_code(&mut self, raised: Option<crate::value::Value>) -> i32 {
        if let Some(e) = raised {
            let text = self.vm.format_exception(&e);
            self.vm.write(Stream::Stderr, &text);
            return 1;
        }
        let code = self
            .vm
            .modules
            .get_str("multiprocessing")
            .and_then(|m| self.vm.getattr(&m, "_il_exitcode").ok());
        match code {
            Some(crate::value::Value::Int(c)) => c as i32,
            Some(crate::value::Value::Bool(b)) => b as i32,
            _ => 0,
        }
    }

    /// Ends the running process with `code`: its lane finishes, its parent's handle learns the code.
    pub(super) fn end_process(&mut self, code: i32) {
        let Some(m) = self.machine.as_mut() else { return };
        let p = m.cur;
        if m.procs[p].ended {
            return;
        }
        m.procs[p].ended = true;
        let lane = m.procs[p].lane;
        let handle = m.procs[p].handle.clone();
        let core = m.procs[p].core.take();
        if let Some(c) = core {
            m.cores[c as usize] = None;
        }
        self.vm.flush_warnings();
        let outcome = if code == 0 {
            Outcome::Returned
        } else {
            Outcome::Raised {
                exc: self.vm.text(format!("exit code {code}")),
            }
        };
        let started = m.procs[p].started;
        match self.vm.threads.holder {
            // Killed before it ever ran: its lane never took its GIL.
            _ if !started => self.vm.event(lane, EventKind::Finished { outcome }),
            Some(0) => self.vm.end_thread(outcome),
            other => {
                if other.is_some() {
                    self.vm.drop_gil(None);
                }
                self.vm.event(lane, EventKind::Finished { outcome });
            }
        }
        self.vm.threads.waiting.clear();
        for t in &mut self.vm.threads.list {
            t.status = crate::threads::Status::Done;
        }
        if let Some(h) = handle {
            h.exitcode.set(Some(code));
            h.signal.notify(self.vm.world.now);
        }
        self.vm.event(lane, EventKind::ProcessExited { code });
        if core.is_some() {
            self.vm.event(lane, EventKind::OffCore);
        }
    }

    pub(super) fn loop_tick(&mut self) -> Tick {
        let tick = self.vm.loop_tick();
        self.after_native_exit();
        tick
    }

    /// A native may have ended the interpreter's budget early (`fork`, `kill`): the session's stands.
    pub(super) fn after_native_exit(&mut self) {
        self.vm.world.step_limit = self.step_limit;
    }

    /// Takes the children the running process forked onto the machine (made at the first fork).
    pub(super) fn adopt_children(&mut self) {
        let forked = std::mem::take(&mut self.vm.forked);
        let now = self.vm.world.now;
        if self.machine.is_none() {
            let cores = self.vm.threads.cpu_count.max(1) as usize;
            let mut m = Machine {
                procs: vec![Proc {
                    vm: None,
                    handle: None,
                    lane: MAIN_THREAD,
                    clock: now,
                    ended: false,
                    started: true,
                    core: Some(0),
                }],
                cur: 0,
                quantum: Some(Quantum {
                    start: now,
                    end: now.saturating_add(QUANTUM),
                    order: vec![0],
                    running: None,
                }),
                rr: 1,
                cores: vec![None; cores],
                timer_seq: 0,
                now,
            };
            m.cores[0] = Some(0);
            self.machine = Some(m);
            self.vm.world.trace.processes.push(ProcInfo {
                name: "MainProcess".into(),
                pid: self.vm.pid,
                parent: 0,
                lane: MAIN_THREAD,
            });
            self.machine_event(MAIN_THREAD, EventKind::OnCore { core: 0 });
            // Each process has a GIL of its own, whose story the trace tells from now on.
            if !self.vm.threads.multi {
                self.vm.threads.multi = true;
                let holder = self.vm.ts.lane;
                if self.vm.threads.holder.is_some() {
                    self.vm.event(holder, EventKind::GilTaken);
                }
            }
        }
        for child in forked {
            let Some(m) = self.machine.as_mut() else { return };
            let index = m.procs.len() as u32;
            let parent = m.cur as u32;
            let by = self.vm.ts.current_task;
            self.vm.next_task_id += 1;
            let lane = self.vm.next_task_id;
            self.vm.world.trace.tasks.push(crate::trace::TaskInfo {
                name: child.name.clone(),
                coro: "process".into(),
                parent: by,
                created_line: self.vm.ts.line,
                internal: false,
                thread: true,
            });
            self.vm.world.trace.processes.push(ProcInfo {
                name: child.name,
                pid: child.handle.pid,
                parent,
                lane,
            });
            self.vm.event(lane, EventKind::Created { parent: by });
            self.vm.event(lane, EventKind::ProcessStarted { process: index });
            self.vm.event(lane, EventKind::Ready { by: Wake::Gil });
            let mut vm = child.vm;
            vm.threads.list[0].lane = lane;
            vm.ts.lane = lane;
            vm.ts.current_task = lane;
            vm.threads.multi = true;
            let Some(m) = self.machine.as_mut() else { return };
            m.procs.push(Proc {
                vm: Some(vm),
                handle: Some(child.handle),
                lane,
                clock: now.saturating_add(child.cost),
                ended: false,
                started: false,
                core: None,
            });
        }
    }

    /// Makes process `p`'s interpreter the running one; the world (clock, trace, output) goes with it.
    /// Makes process `p` the running one; whether that freed the heap of the one that ran before (it ended).
    fn swap_to(&mut self, p: usize) -> bool {
        let Some(m) = self.machine.as_mut() else { return false };
        if m.cur == p {
            return false;
        }
        let Some(mut next) = m.procs[p].vm.take() else {
            return false;
        };
        m.procs[m.cur].clock = self.vm.world.now;
        m.timer_seq = m.timer_seq.max(self.vm.timer_seq);
        std::mem::swap(&mut self.vm.world, &mut next.world);
        next.timer_seq = m.timer_seq;
        next.next_task_id = (next.world.trace.tasks.len() as TaskId).saturating_sub(1);
        next.world.now = m.procs[p].clock;
        let prev = std::mem::replace(&mut self.vm, *next);
        // An ended child's heap goes now (its teardown spares the classes it shares with the others).
        let freed = m.procs[m.cur].ended && m.cur != 0;
        if freed {
            drop(prev);
        } else {
            m.procs[m.cur].vm = Some(Box::new(prev));
        }
        m.cur = p;
        freed
    }

    /// Ends the host's `run` call here, as a spent budget would, after work that no instruction count measures
    /// (a fork's copy of a heap, an ended process's heap freed: a millisecond or more each in the page), so
    /// that a program forking or ending sixteen processes at once does not freeze one of the page's frames.
    /// Where a call ends never changes the run (see the invariant above).
    pub(super) fn end_call(&mut self) -> Status {
        self.step_limit = self.vm.world.steps;
        self.vm.world.step_limit = self.step_limit;
        Status::Runnable
    }

    /// An event of the machine's own (cores), on a process's lane, at no line.
    fn machine_event(&mut self, lane: TaskId, kind: EventKind) {
        let line = std::mem::replace(&mut self.vm.ts.line, 0);
        self.vm.event(lane, kind);
        self.vm.ts.line = line;
    }

    /// When process `p` can run next: now if it can, the first deadline among its waits, `None` if only
    /// another process can wake it (or it has ended).
    fn ready_at(&self, p: usize) -> Option<Time> {
        let m = self.machine.as_ref()?;
        let proc = &m.procs[p];
        if proc.ended {
            return None;
        }
        let (vm, clock) = if p == m.cur {
            (&self.vm, self.vm.world.now)
        } else {
            (proc.vm.as_deref()?, proc.clock)
        };
        if proc.handle.as_ref().is_some_and(|h| h.kill.get().is_some()) {
            return Some(clock);
        }
        if vm.threads.holder.is_some() || !vm.threads.waiting.is_empty() {
            return Some(clock);
        }
        vm.threads.next_deadline().map(|t| t.max(clock))
    }

    /// The machine's time, for the host.
    pub(super) fn machine_now(&self) -> Option<Time> {
        self.machine.as_ref().map(|m| m.now)
    }

    /// Moves the machine's clock between quanta (the host's `advance_to`).
    pub(super) fn machine_advance(&mut self, t: Time) {
        if let Some(m) = self.machine.as_mut() {
            m.now = m.now.max(t);
            self.vm.world.now = self.vm.world.now.max(t);
        }
    }

    /// Between quanta: when the first process can run (`None` if one can now, or none ever can).
    pub(super) fn machine_deadline(&self) -> Option<Time> {
        let m = self.machine.as_ref()?;
        if m.quantum.is_some() {
            return None;
        }
        let now = m.now;
        let first = (0..m.procs.len()).filter_map(|p| self.ready_at(p)).min()?;
        (first > now).then_some(first)
    }

    /// Whether a process was killed and has not been ended yet.
    pub(super) fn kill_pending(&self) -> bool {
        self.machine.as_ref().is_some_and(|m| {
            m.procs
                .iter()
                .any(|p| !p.ended && p.handle.as_ref().is_some_and(|h| h.kill.get().is_some()))
        })
    }

    /// Ends the first process that was killed (`terminate()`, `kill()`), at the time the killer did it; whether
    /// there was one. One a call: each frees a heap (see [`Session::end_call`]), and the next call ends the
    /// next one before anything else runs.
    fn apply_kill(&mut self) -> bool {
        let Some(m) = self.machine.as_ref() else { return false };
        let killed = m
            .procs
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.ended)
            .find_map(|(i, p)| Some((i, p.handle.as_ref()?.kill.get()?)));
        let Some((p, code)) = killed else { return false };
        let back = m.cur;
        let at = self.vm.world.now;
        self.swap_to(p);
        self.vm.world.now = self.vm.world.now.max(at);
        self.end_process(code);
        self.swap_to(back);
        self.vm.world.now = self.vm.world.now.max(at);
        true
    }

    /// Picks the processes of the next quantum and gives them cores; a status to return when none can run.
    fn start_quantum(&mut self) -> Option<Status> {
        let now = self.machine.as_ref().map_or(self.vm.world.now, |m| m.now);
        self.vm.world.now = self.vm.world.now.max(now);
        let end = now.saturating_add(QUANTUM);
        let n = self.machine.as_ref().map_or(0, |m| m.procs.len());
        let ready: Vec<(usize, Time)> = (0..n).filter_map(|p| Some((p, self.ready_at(p)?))).collect();
        // Only what can run at the quantum's very start: when quanta start must not depend on how far the
        // host moved the clock while everything waited.
        let candidates: Vec<usize> = ready.iter().filter(|(_, t)| *t <= now).map(|&(p, _)| p).collect();
        if candidates.is_empty() {
            // Every process waits: none holds a core meanwhile (a sleeping process is off the CPU).
            self.release_cores();
            match ready.iter().map(|&(_, t)| t).min() {
                Some(t) => return Some(Status::Waiting { until: t.max(now + 1) }),
                None => {
                    self.machine_deadlock();
                    return None;
                }
            }
        }
        let m = self.machine.as_mut()?;
        let cores = m.cores.len();
        let rr = m.rr;
        let mut chosen: Vec<usize> = candidates
            .iter()
            .filter(|&&p| p >= rr)
            .chain(candidates.iter().filter(|&&p| p < rr))
            .copied()
            .take(cores)
            .collect();
        if let Some(&last) = chosen.last() {
            m.rr = last + 1;
        }
        crate::smallsort::sort(&mut chosen);
        // Cores: a process keeps its core when it can; the others take the free ones, lowest first.
        let mut events = Vec::new();
        for (p, proc) in m.procs.iter_mut().enumerate() {
            if let Some(c) = proc.core.filter(|_| !chosen.contains(&p)) {
                m.cores[c as usize] = None;
                proc.core = None;
                events.push((proc.lane, EventKind::OffCore));
            }
        }
        for &p in &chosen {
            if m.procs[p].core.is_none() {
                if let Some(c) = m.cores.iter().position(Option::is_none) {
                    m.cores[c] = Some(p);
                    m.procs[p].core = Some(c as u32);
                    events.push((m.procs[p].lane, EventKind::OnCore { core: c as u32 }));
                }
            }
        }
        m.now = now;
        m.quantum = Some(Quantum {
            start: now,
            end,
            order: chosen,
            running: None,
        });
        for (lane, kind) in events {
            self.machine_event(lane, kind);
        }
        None
    }

    /// Takes every process off its core.
    fn release_cores(&mut self) {
        let Some(m) = self.machine.as_mut() else { return };
        let mut lanes = Vec::new();
        for proc in &mut m.procs {
            if let Some(c) = proc.core.take() {
                m.cores[c as usize] = None;
                lanes.push(proc.lane);
            }
        }
        for lane in lanes {
            self.machine_event(lane, EventKind::OffCore);
        }
    }

    /// Every process waits and none can ever be woken.
    fn machine_deadlock(&mut self) {
        self.swap_to(0);
        let who = self.vm.describe_waits();
        let text = if who.is_empty() {
            "Interleave: deadlock: every process is blocked and nothing can wake them; CPython would wait here forever.\n".to_string()
        } else {
            format!("Interleave: deadlock: every process is blocked and nothing can wake them ({who}); CPython would wait here forever.\n")
        };
        self.vm.write(Stream::Stderr, &text);
        self.error = Some(super::ProgramError {
            kind: "Deadlock".into(),
            message: "every process is blocked".into(),
            line: 0,
            col: 0,
        });
        self.vm.restore_main_for_exit();
        self.finish(1);
    }

    /// Runs the machine until the budget is spent, the host's `until` is reached between quanta, every process
    /// waits, or the main process ends.
    pub(super) fn run_machine(&mut self, host_until: Time) -> Status {
        loop {
            if let Some(code) = self.done {
                return Status::Done { exit_code: code };
            }
            if self.vm.world.steps >= self.step_limit {
                return Status::Runnable;
            }
            if self.apply_kill() {
                return self.end_call();
            }
            let Some(m) = self.machine.as_mut() else {
                return Status::Runnable;
            };
            let Some(q) = m.quantum.as_mut() else {
                // The host's `until` is honoured between quanta: a quantum, once begun, runs to its end.
                if m.now >= host_until {
                    return Status::Runnable;
                }
                if let Some(status) = self.start_quantum() {
                    return status;
                }
                continue;
            };
            let (running, start, end, order) = (q.running, q.start, q.end, q.order.clone());
            let (p, slice_end) = match running {
                Some(running) => running,
                None => {
                    // The process furthest behind in virtual time runs next (ties by index), so that no
                    // process runs more than a slice ahead of another and they interleave finely.
                    let next = order
                        .iter()
                        .filter_map(|&p| Some((self.ready_at(p)?, p)))
                        .filter(|&(t, _)| t < end)
                        .min();
                    let Some(m) = self.machine.as_mut() else { continue };
                    let Some((t, p)) = next else {
                        // A process may have stepped a little past the end: the machine's time is past them all.
                        let end = m.procs.iter().map(|p| p.clock).fold(end, Time::max);
                        m.quantum = None;
                        self.vm.world.now = self.vm.world.now.max(end);
                        m.now = self.vm.world.now;
                        continue;
                    };
                    let slice_end = t.max(start).saturating_add(SLICE).min(end);
                    if let Some(q) = m.quantum.as_mut() {
                        q.running = Some((p, slice_end));
                    }
                    (p, slice_end)
                }
            };
            if self.machine.as_ref().is_some_and(|m| m.procs[p].ended) {
                self.end_slice();
                continue;
            }
            if self.swap_to(p) {
                return self.end_call();
            }
            if self.vm.world.now < start {
                self.vm.world.now = start;
            }
            let Some(m) = self.machine.as_mut() else { continue };
            if !m.procs[p].started {
                m.procs[p].started = true;
                let lane = m.procs[p].lane;
                self.vm.event(lane, EventKind::Resumed);
                self.vm.event(lane, EventKind::GilTaken);
            }
            self.until = slice_end;
            let status = self.run_process();
            let next = match status {
                Status::Done { .. } => true,
                Status::Waiting { until } if until < slice_end => {
                    self.vm.world.now = self.vm.world.now.max(until);
                    false
                }
                Status::Waiting { .. } => true,
                // Its slice is up; or the budget is (the loop's top returns); or it killed a process (the loop's
                // top ends that one, and it goes on).
                Status::Runnable => self.vm.world.steps < self.step_limit && self.vm.world.now >= slice_end,
            };
            if next {
                self.end_slice();
            }
        }
    }

    fn end_slice(&mut self) {
        if let Some(q) = self.machine.as_mut().and_then(|m| m.quantum.as_mut()) {
            q.running = None;
        }
    }
}
