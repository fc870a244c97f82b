//! Simulated Python threads: the thread table, the GIL and what blocks a thread, on the virtual clock.
//!
//! Threads are simulated: one Rust thread runs them all, one at a time, and the one running holds the GIL.
//! The GIL changes hands as in CPython 3.11 (`Python/ceval_gil.c`, with forced switching):
//! - a thread that wants the GIL joins a FIFO of waiters; if the holder has not let go within the switch
//!   interval (`sys.getswitchinterval()`, 5 ms of virtual time), the waiter asks for a drop (`drop_at`);
//! - the holder drops it at its next eval-breaker check (`Vm::eval_breaker`: a backward jump, a call's entry or
//!   return, a generator's resumption; or before any instruction in the "Python 3.9 and older" mode), and the
//!   first waiter takes it;
//! - a blocking call (`time.sleep`, a contended lock, the event loop waiting in its selector) releases it at
//!   once, and the thread waits off the GIL until its wait ends, then queues for the GIL again.
//!
//! A blocking native asks for the block with [`Vm::block`]: it returns a placeholder, the thread leaves the
//! interpreter as if its budget ended, and the `Session` parks it. When the wait is over and the thread holds
//! the GIL again, [`Vm::retry_block`] finishes the call (a lock is taken only then: a released lock is not
//! handed to a waiter, as in CPython) and puts its result where the placeholder was.
//!
//! **Invariant:** one thread at a time runs, and every choice of the next one goes through
//! [`Vm::take_next_waiter`] (the GIL's FIFO); deadlines are virtual times, so any slicing gives the same
//! schedule.

mod natives;

use crate::trace::{EventKind, GilDrop, ObjId, TaskId, Time, WaitReason, Wake};
use crate::value::Value;
use crate::vm::frame::Thread;
use crate::vm::{Control, ThreadState, Vm};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

pub use natives::{fork_copy, native_module, LockObj};

/// What a thread's frames are doing: running code, or running its event loop (`run_forever`) below it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Code,
    Loop,
}

/// What a thread waits for, off the GIL.
#[derive(Clone)]
pub enum Block {
    /// `time.sleep`.
    Sleep { until: Time },
    /// A contended `Lock.acquire`/`RLock.acquire`, with its timeout's deadline and the recursion count to
    /// take an `RLock` with (`Condition.wait` restores the count it saved).
    Lock {
        lock: Rc<LockObj>,
        until: Option<Time>,
        count: u32,
    },
    /// The thread's event loop waits in its selector for a timer, or for a callback from another thread.
    Select { until: Option<Time> },
    /// A `multiprocessing` wait (`procs.rs`): for the signal's version to move past `seen`, which another
    /// process (or thread) may do; the change counts from the virtual time it was made at, not before.
    Signal {
        sig: Rc<crate::procs::Signal>,
        seen: u64,
        until: Option<Time>,
    },
}

impl Block {
    pub fn deadline(&self) -> Option<Time> {
        match self {
            Block::Sleep { until } => Some(*until),
            Block::Lock { until, .. } | Block::Select { until } => *until,
            Block::Signal { sig, seen, until } if sig.version.get() != *seen => {
                Some(until.map_or(sig.at.get(), |u| u.min(sig.at.get())))
            }
            Block::Signal { until, .. } => *until,
        }
    }
}

#[derive(Clone)]
pub enum Status {
    /// Holding the GIL or queued for it.
    Runnable,
    Blocked(Block),
    Done,
}

/// One thread of the interpreter.
pub struct ThreadRec {
    /// `threading.get_ident()`.
    pub ident: u64,
    /// Its own lane in the trace.
    pub lane: TaskId,
    /// Its state while it does not run (while it runs, this is a default and the state is `Vm::ts`).
    pub state: ThreadState,
    /// Its own frames: the module for the main thread, the bootstrap call for the others.
    pub frames: Thread,
    pub mode: Mode,
    pub status: Status,
    /// A blocking call to finish when the thread next holds the GIL.
    pub pending: Option<Block>,
    /// The task whose `Suspended` the GIL's last drop recorded: it is `Resumed` when the thread runs again.
    pub parked_task: Option<TaskId>,
}

/// Every thread of one interpreter, and its GIL.
pub struct Threads {
    pub list: Vec<ThreadRec>,
    /// The thread holding the GIL; its state is `Vm::ts`.
    pub holder: Option<usize>,
    /// Threads that want the GIL, first come first served.
    pub waiting: VecDeque<usize>,
    /// When the holder must let go at its next eval-breaker check (`Time::MAX` while nobody waits).
    pub drop_at: Time,
    /// The GIL's switch interval (`sys.getswitchinterval()`), in virtual nanoseconds.
    pub switch_interval: Time,
    /// Switch at any instruction, as Python 3.9 and older could (`counter += 1` then loses updates).
    pub any_instruction: bool,
    /// `os.cpu_count()`: the simulated machine's cores.
    pub cpu_count: u32,
    /// A blocking call of the running thread, made by a native, for the session to act on.
    pub blocking: Option<Block>,
    /// More than one thread has existed: from then on GIL hand-offs are recorded in the trace.
    pub multi: bool,
    /// Instructions run by threads that have finished, for `time.process_time`.
    pub finished_steps: u64,
    /// The running thread left the interpreter at an eval-breaker check that asked it to let go of the GIL.
    pub at_breaker: bool,
    /// The trace objects of what tagged locks stand for (`_thread._il_tag`), by the target's stable id.
    pub tagged: std::collections::HashMap<u64, ObjId>,
}

impl Threads {
    pub fn new(config: &crate::session::Config) -> Threads {
        Threads {
            list: Vec::new(),
            holder: None,
            waiting: VecDeque::new(),
            drop_at: Time::MAX,
            switch_interval: config.switch_interval,
            any_instruction: config.switch_any_instruction,
            cpu_count: config.cpu_count,
            blocking: None,
            multi: false,
            tagged: std::collections::HashMap::new(),
            at_breaker: false,
            finished_steps: 0,
        }
    }

    /// Threads other than `me` that have not finished.
    pub fn others_alive(&self, me: usize) -> bool {
        self.list
            .iter()
            .enumerate()
            .any(|(i, t)| i != me && !matches!(t.status, Status::Done))
    }

    /// The earliest deadline among the threads blocked off the GIL.
    pub fn next_deadline(&self) -> Option<Time> {
        self.list
            .iter()
            .filter_map(|t| match &t.status {
                Status::Blocked(b) => b.deadline(),
                _ => None,
            })
            .min()
    }
}

/// The ident the `n`th thread gets: large, like CPython's (a pthread's address), but the same on every run.
fn ident_of(n: usize) -> u64 {
    0x7f3a_c1d0_0700 + (n as u64) * 0x80_1000
}

impl Vm {
    /// Registers the main thread, holding the GIL, with `frames` to run.
    pub fn add_main_thread(&mut self, frames: Thread) {
        self.threads.list.push(ThreadRec {
            ident: ident_of(0),
            lane: crate::trace::MAIN_THREAD,
            state: ThreadState::default(),
            frames,
            mode: Mode::Code,
            status: Status::Runnable,
            pending: None,
            parked_task: None,
        });
        self.threads.holder = Some(0);
        self.ts.index = 0;
        self.ts.lane = crate::trace::MAIN_THREAD;
    }

    pub fn current_ident(&self) -> u64 {
        self.threads.list.get(self.ts.index).map_or(0, |t| t.ident)
    }

    /// `_thread.start_new_thread`: a new thread that will run `frames`, queued for the GIL.
    pub fn spawn_thread(&mut self, frames: Thread, name: String, func_name: String) -> u64 {
        let index = self.threads.list.len();
        self.next_task_id += 1;
        let lane = self.next_task_id;
        let parent = self.ts.current_task;
        let line = self.ts.line;
        self.world.trace.tasks.push(crate::trace::TaskInfo {
            name,
            coro: func_name,
            parent,
            created_line: line,
            internal: false,
            thread: true,
        });
        self.event(lane, EventKind::Created { parent });
        let state = ThreadState {
            index,
            lane,
            current_task: lane,
            ..ThreadState::default()
        };
        self.threads.list.push(ThreadRec {
            ident: ident_of(index),
            lane,
            state,
            frames,
            mode: Mode::Code,
            status: Status::Runnable,
            pending: None,
            parked_task: Some(lane),
        });
        if !self.threads.multi {
            // The GIL's story begins with the second thread: the starter holds it.
            self.threads.multi = true;
            let holder = self.ts.lane;
            self.event(holder, EventKind::GilTaken);
        }
        self.want_gil(index);
        ident_of(index)
    }

    /// Queues thread `i` for the GIL; the holder is asked to drop it after the switch interval.
    pub fn want_gil(&mut self, i: usize) {
        if self.threads.waiting.contains(&i) || self.threads.holder == Some(i) {
            return;
        }
        self.threads.waiting.push_back(i);
        // Only a task whose lane shows it stopped (see `drop_gil`) is shown ready again.
        if let Some(task) = self.threads.list[i].parked_task {
            self.event(task, EventKind::Ready { by: Wake::Gil });
        }
        if self.threads.holder.is_some() && self.threads.drop_at == Time::MAX {
            self.threads.drop_at = self.world.now.saturating_add(self.threads.switch_interval);
        }
    }

    /// Whether the running thread has been asked to give up the GIL (its drop request is due).
    #[inline]
    pub fn breaker(&self) -> bool {
        self.world.now >= self.threads.drop_at && self.ts.nested_cap.is_none()
    }

    /// An eval-breaker check, where CPython 3.11 makes one: true (and noted for the session) when the running
    /// thread must let go of the GIL here. Only these points switch threads, whatever the budget's slicing.
    #[inline]
    pub fn eval_breaker(&mut self, hidden: impl FnOnce() -> bool) -> bool {
        if self.world.sched.active {
            return self.chosen_breaker(hidden());
        }
        if self.breaker() {
            self.threads.at_breaker = true;
            return true;
        }
        false
    }

    /// An eval-breaker check under a scheduler (`sched.rs`): while another thread waits, whether to let go
    /// here is a choice, CPython's being what the switch interval says. Not in the runtime's own code
    /// (`hidden`, `threading.py` and the like): a switch there is put off to the program's next check, so
    /// that the choices are the program's.
    #[cold]
    fn chosen_breaker(&mut self, hidden: bool) -> bool {
        let cpython = self.breaker();
        if hidden || self.threads.waiting.is_empty() || self.ts.nested_cap.is_some() {
            self.threads.at_breaker |= cpython;
            return cpython;
        }
        if self.world.sched.pauses() {
            // Leave the interpreter as at a budget's end; `Session::choose` decides the switch.
            let lanes = self.switch_lanes();
            self.pause(crate::sched::Kind::Switch, lanes, cpython);
            return true;
        }
        if self.choose_switch(cpython) {
            self.threads.drop_at = self.threads.drop_at.min(self.world.now);
            self.threads.at_breaker = true;
            true
        } else {
            if cpython {
                self.threads.drop_at = self.world.now.saturating_add(self.threads.switch_interval);
            }
            false
        }
    }

    /// Whether the running thread lets go of the GIL at the end of a loop tick that ran no instruction.
    pub fn tick_switch(&mut self) -> bool {
        if self.threads.waiting.is_empty() {
            return false;
        }
        let cpython = self.breaker();
        if !self.world.sched.active || self.ts.nested_cap.is_some() {
            return cpython;
        }
        let switch = self.choose_switch(cpython);
        if switch {
            self.threads.drop_at = self.threads.drop_at.min(self.world.now);
        } else if cpython {
            self.threads.drop_at = self.world.now.saturating_add(self.threads.switch_interval);
        }
        switch
    }

    /// Asks for the running thread to block: the calling native returns a placeholder, which the result
    /// replaces when the wait is over (`retry_block`).
    pub fn block(&mut self, b: Block) {
        self.threads.blocking = Some(b);
        self.ts.control = Some(Control::Block);
    }

    /// Saves the running thread's state and lets go of the GIL, recording why in the trace.
    pub fn drop_gil(&mut self, why: Option<WaitReason>) {
        let Some(i) = self.threads.holder.take() else { return };
        // The events first, while the thread's own line is at hand.
        if self.threads.multi {
            let rec = &self.threads.list[i];
            let lane = rec.lane;
            let task = self.ts.current_task;
            let gil_why = match (why, &rec.status) {
                (_, Status::Done) => GilDrop::Finished,
                (Some(WaitReason::Gil), _) => GilDrop::Interval,
                _ => GilDrop::Blocked,
            };
            // A thread running its loop between tasks shows its lane waiting for the loop already.
            let lane_waits = rec.mode == Mode::Loop && task == lane;
            self.event(lane, EventKind::GilDropped { why: gil_why });
            if let (Some(reason), false) = (why, lane_waits) {
                self.threads.list[i].parked_task = Some(task);
                self.event(task, EventKind::Suspended { reason });
            }
        } else if let Some(reason @ WaitReason::Net { .. }) = why {
            // Alone, a thread's other waits leave no mark (nobody else runs meanwhile), but a wait for the
            // network is the point of a program that makes requests one after another: its lane shows it.
            let rec = &self.threads.list[i];
            if self.ts.current_task == rec.lane && rec.mode == Mode::Code {
                let lane = rec.lane;
                self.threads.list[i].parked_task = Some(lane);
                self.event(lane, EventKind::Suspended { reason });
            }
        }
        self.ts.cpu_steps += self.world.steps.saturating_sub(self.ts.steps_at_take);
        self.threads.list[i].state = std::mem::take(&mut self.ts);
        self.threads.drop_at = Time::MAX;
    }

    /// CPU time in virtual nanoseconds: the running thread's (`thread`), or every thread's together.
    pub fn cpu_time(&self, thread: bool) -> Time {
        let running = self.ts.cpu_steps + self.world.steps.saturating_sub(self.ts.steps_at_take);
        let steps = if thread {
            running
        } else {
            let others: u64 = self
                .threads
                .list
                .iter()
                .enumerate()
                .filter(|(i, _)| Some(*i) != self.threads.holder)
                .map(|(_, t)| t.state.cpu_steps)
                .sum();
            running + others + self.threads.finished_steps
        };
        steps.saturating_mul(self.world.step_cost)
    }

    /// Brings the main thread's state back so that the run can end in it (after a deadlock): no thread runs
    /// again, so nothing is recorded, and what the ending prints belongs to the main thread's lane.
    pub fn restore_main_for_exit(&mut self) {
        if self.threads.holder != Some(0) {
            if let Some(i) = self.threads.holder.take() {
                self.threads.list[i].state = std::mem::take(&mut self.ts);
            }
            self.ts = std::mem::take(&mut self.threads.list[0].state);
            self.ts.steps_at_take = self.world.steps;
            self.threads.holder = Some(0);
        }
        self.threads.waiting.clear();
        self.ts.current_task = self.ts.lane;
    }

    /// Gives the GIL to the first thread that wants it; false if none does.
    pub fn take_next_waiter(&mut self) -> bool {
        let next = if self.world.sched.active && self.threads.waiting.len() > 1 {
            let k = self.choose_waiter();
            self.threads.waiting.remove(k)
        } else {
            self.threads.waiting.pop_front()
        };
        let Some(i) = next else {
            return false;
        };
        self.take_gil(i);
        true
    }

    fn take_gil(&mut self, i: usize) {
        let state = std::mem::take(&mut self.threads.list[i].state);
        self.ts = state;
        self.ts.steps_at_take = self.world.steps;
        self.threads.holder = Some(i);
        self.threads.drop_at = if self.threads.waiting.is_empty() {
            Time::MAX
        } else {
            self.world.now.saturating_add(self.threads.switch_interval)
        };
        if self.threads.multi {
            let lane = self.threads.list[i].lane;
            self.event(lane, EventKind::GilTaken);
        }
        if let Some(task) = self.threads.list[i].parked_task.take() {
            self.ts.line = self.line_of_thread(i);
            self.event(task, EventKind::Resumed);
        }
    }

    /// The line thread `i` (holding the GIL) is at.
    fn line_of_thread(&self, i: usize) -> u32 {
        let rec = &self.threads.list[i];
        if rec.mode == Mode::Loop {
            if let Some(task) = self.ts.aio.in_progress.as_ref().and_then(|t| t.task.as_ref()) {
                if let Some(th) = task.thread.borrow().as_ref() {
                    return self.line_of(th);
                }
            }
        }
        let l = self.line_of(&rec.frames);
        if l == 0 {
            self.ts.line
        } else {
            l
        }
    }

    /// Parks the running thread on `b` and lets go of the GIL.
    pub fn park(&mut self, b: Block) {
        let Some(i) = self.threads.holder else { return };
        let reason = match &b {
            Block::Sleep { until } => Some(WaitReason::Sleep { until: *until }),
            Block::Lock { lock, .. } => Some(self.lock_wait_reason(lock)),
            Block::Select { .. } => Some(WaitReason::EventLoop),
            Block::Signal { sig, .. } if sig.net.get() => Some(WaitReason::Net { obj: sig.obj.get() }),
            Block::Signal { sig, .. } => Some(WaitReason::Process { obj: sig.obj.get() }),
        };
        if let Block::Lock { lock, .. } = &b {
            lock.waiters.borrow_mut().push_back(i);
        }
        self.threads.list[i].status = Status::Blocked(b);
        self.drop_gil(reason);
    }

    /// Why a thread blocked on `lock` waits, in the learner's terms: the lock itself, or what it is part of.
    fn lock_wait_reason(&mut self, lock: &LockObj) -> WaitReason {
        let tag = lock.tag.borrow().clone();
        match tag {
            None => WaitReason::Sync {
                obj: self.lock_obj_id(lock),
                op: crate::trace::SyncOp::Acquire,
            },
            Some(natives::Tag::Thread(ident)) => match self.threads.list.iter().find(|t| t.ident == ident) {
                Some(t) => WaitReason::Task(t.lane),
                None => WaitReason::Sync {
                    obj: self.lock_obj_id(lock),
                    op: crate::trace::SyncOp::Acquire,
                },
            },
            Some(natives::Tag::Sync { key, kind, label, op }) => {
                let obj = match self.threads.tagged.get(&key) {
                    Some(&obj) => obj,
                    None => {
                        let obj = self.new_trace_object(kind, &label);
                        self.threads.tagged.insert(key, obj);
                        obj
                    }
                };
                WaitReason::Sync { obj, op }
            }
        }
    }

    /// A new synchronisation object in the trace, named `label-N` by its count of that label.
    fn new_trace_object(&mut self, kind: crate::trace::ObjKind, label: &str) -> ObjId {
        let counts = &mut self.world.obj_counts;
        let n = counts.by_label.entry(label.to_string()).or_default();
        *n += 1;
        let n = *n;
        *counts.visible_by_kind.entry(kind).or_default() += 1;
        self.world.trace.objects.push(crate::trace::ObjInfo {
            kind,
            name: format!("{label}-{n}"),
            created_line: self.ts.line,
            internal: false,
            capacity: None,
        });
        self.world.trace.objects.len() as ObjId - 1
    }

    fn lock_obj_id(&mut self, lock: &LockObj) -> ObjId {
        if let Some(id) = lock.obj.get() {
            return id;
        }
        let label = if lock.reentrant { "RLock" } else { "Lock" };
        let id = self.new_trace_object(crate::trace::ObjKind::Lock, label);
        lock.obj.set(Some(id));
        // The lock is traced from its first contention on; its holder took it before that.
        if let Some(owner) = lock.owner.get().filter(|_| lock.locked.get()) {
            let task = if Some(owner) == self.threads.holder {
                self.ts.current_task
            } else {
                self.threads.list.get(owner).map_or(0, |t| t.state.current_task)
            };
            self.event(task, EventKind::Acquired { obj: id });
        }
        id
    }

    /// Wakes the blocked threads whose wait may be over (a deadline passed, a lock came free, a loop got a
    /// callback): they queue for the GIL, in the order they blocked.
    pub fn wake_threads(&mut self) {
        let now = self.world.now;
        for i in 0..self.threads.list.len() {
            if Some(i) == self.threads.holder {
                continue;
            }
            let rec = &self.threads.list[i];
            let Status::Blocked(b) = &rec.status else { continue };
            // A free lock wakes its waiter when it is released (`wake_lock_waiter`), never here: whether this
            // ran between the release and the next event would depend on where a budget ended.
            let due = b.deadline().is_some_and(|d| d <= now)
                || match b {
                    Block::Select { .. } => !rec.state.aio.ready.is_empty(),
                    Block::Lock { .. } | Block::Sleep { .. } | Block::Signal { .. } => false,
                };
            if due {
                let b = b.clone();
                if let Block::Lock { lock, .. } = &b {
                    lock.waiters.borrow_mut().retain(|&w| w != i);
                }
                self.threads.list[i].status = Status::Runnable;
                self.threads.list[i].pending = Some(b);
                self.want_gil(i);
            }
        }
    }

    /// A released `lock` wakes its first waiter, and that one only, as a semaphore's post does in CPython on
    /// Linux; the others wait for the next release. The woken thread queues for the GIL and takes the lock
    /// only when it runs (`retry_block`): if another thread took it first, it waits again, at the back.
    pub fn wake_lock_waiter(&mut self, lock: &natives::LockObj) {
        if lock.locked.get() {
            return;
        }
        let Some(i) = lock.waiters.borrow_mut().pop_front() else {
            return;
        };
        let Status::Blocked(b) = &self.threads.list[i].status else {
            return;
        };
        let b = b.clone();
        self.threads.list[i].status = Status::Runnable;
        self.threads.list[i].pending = Some(b);
        self.want_gil(i);
    }

    /// Finishes the blocking call the running thread was woken from: `Ok(v)` puts `v` where the call's
    /// placeholder is; `Err(b)` means it must wait again (the lock was taken again first).
    pub fn retry_block(&mut self, b: Block) -> Result<Option<Value>, Block> {
        let now = self.world.now;
        match b {
            Block::Sleep { until } if until <= now => Ok(None),
            Block::Lock { lock, until, count } => {
                let me = self.ts.index;
                if natives::try_acquire(self, &lock, me) {
                    lock.count.set(count);
                    Ok(Some(Value::Bool(true)))
                } else if until.is_some_and(|d| d <= now) {
                    Ok(Some(Value::Bool(false)))
                } else {
                    Err(Block::Lock { lock, until, count })
                }
            }
            Block::Select { .. } => Ok(None),
            Block::Signal { sig, seen, until } => {
                if sig.version.get() != seen && sig.at.get() <= now {
                    Ok(Some(Value::Bool(true)))
                } else if until.is_some_and(|d| d <= now) {
                    Ok(Some(Value::Bool(false)))
                } else {
                    Err(Block::Signal { sig, seen, until })
                }
            }
            b => Err(b),
        }
    }

    /// Puts a finished blocking call's result on the stack of whatever frames called it.
    pub fn set_block_result(&mut self, i: usize, v: Value) {
        let top = |th: &mut Thread| {
            if let Some(f) = th.frames.last_mut() {
                if let Some(slot) = f.stack.last_mut() {
                    *slot = v.clone();
                }
            }
        };
        if self.threads.list[i].mode == Mode::Loop {
            if let Some(task) = self.ts.aio.in_progress.as_ref().and_then(|t| t.task.as_ref()) {
                if let Some(th) = task.thread.borrow_mut().as_mut() {
                    top(th);
                    return;
                }
            }
            if let Some((th, _, _)) = self.ts.aio.in_progress_cb.as_mut() {
                top(th);
                return;
            }
        }
        top(&mut self.threads.list[i].frames);
    }

    /// Marks the running thread finished and lets go of the GIL.
    pub fn end_thread(&mut self, outcome: crate::trace::Outcome) {
        let Some(i) = self.threads.holder else { return };
        let lane = self.threads.list[i].lane;
        // Where the program's code of the thread returned or raised, else the last line that ran.
        let line = match self.ts.exit_line {
            0 => self.line_of_thread(i),
            line => line,
        };
        self.threads.list[i].status = Status::Done;
        self.threads.waiting.retain(|&w| w != i);
        // Its loop's leftovers and frames go with it.
        self.threads.list[i].frames = Thread::default();
        self.drop_gil(None);
        self.threads.finished_steps += self.threads.list[i].state.cpu_steps;
        self.threads.list[i].state = ThreadState::default();
        // The lane's last event: after the GIL's `GilDropped`, still at the thread's last line.
        let other = std::mem::replace(&mut self.ts.line, line);
        self.event(lane, EventKind::Finished { outcome });
        self.ts.line = other;
    }

    /// Who waits for what, for the deadlock message.
    pub fn describe_waits(&self) -> String {
        let mut parts = Vec::new();
        for rec in &self.threads.list {
            let name = self.world.trace.task_name(rec.lane).to_string();
            let what = match &rec.status {
                Status::Blocked(Block::Lock { lock, .. }) if lock.tag.borrow().is_some() => {
                    let tag = lock.tag.borrow().clone();
                    match tag {
                        Some(natives::Tag::Thread(ident)) => {
                            let other = self.threads.list.iter().find(|t| t.ident == ident);
                            let other = other.map_or("a thread", |t| self.world.trace.task_name(t.lane));
                            format!("{name} waits for {other}")
                        }
                        Some(natives::Tag::Sync { key, label, op, .. }) => {
                            let obj = self.threads.tagged.get(&key).map(|&o| self.world.trace.object_name(o));
                            let obj = obj.map_or_else(|| format!("a {label}"), str::to_string);
                            let how = match op {
                                crate::trace::SyncOp::Get => "to get from",
                                crate::trace::SyncOp::Put => "to put into",
                                crate::trace::SyncOp::Join => "for everything in",
                                _ => "on",
                            };
                            format!("{name} waits {how} {obj}")
                        }
                        None => continue,
                    }
                }
                Status::Blocked(Block::Lock { lock, .. }) => {
                    let lname = lock.obj.get().map_or("a lock", |o| self.world.trace.object_name(o));
                    match lock.owner.get().and_then(|o| self.threads.list.get(o)) {
                        Some(h) => format!(
                            "{name} waits for {lname}, held by {}",
                            self.world.trace.task_name(h.lane)
                        ),
                        None => format!("{name} waits for {lname}"),
                    }
                }
                Status::Blocked(Block::Select { .. }) => format!("{name} waits in its event loop"),
                Status::Blocked(Block::Signal { sig, .. }) if sig.net.get() => {
                    let on = sig.obj.get().map_or("the network", |o| self.world.trace.object_name(o));
                    format!("{name} waits for {on}")
                }
                Status::Blocked(Block::Signal { .. }) => format!("{name} waits for another process"),
                _ => continue,
            };
            parts.push(what);
        }
        parts.join("; ")
    }
}

/// A `Cell` of an optional index, for lock owners.
pub type Owner = Cell<Option<usize>>;
/// Thread indices waiting for a lock, in arrival order.
pub type Waiters = RefCell<VecDeque<usize>>;
