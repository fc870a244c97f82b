//! asyncio's core in Rust: futures, tasks and the event loop (ready queue, timers, virtual clock).
//!
//! The loop follows CPython's `BaseEventLoop._run_once` step for step: collect the timers that are
//! due into the ready queue, then run exactly the handles that were ready when the iteration began.
//! Futures schedule their done callbacks with `call_soon`, and a task wakes through its
//! `__wakeup` callback, so programs see the same interleaving as under CPython. Everything built
//! on top (gather, locks, queues, timeouts, TaskGroup) is Python in `asyncio/prelude.py`.

mod fast;
mod natives;

use crate::exc::{Exc, ExcType, PyResult};
use crate::native::NativeObject;
use crate::trace::{EventKind, ObjId, Outcome, TaskId, Time, WaitReason, Wake, END_OF_TIME};
use crate::value::{Str, Value};
use crate::vm::frame::{Ret, Thread};
use crate::vm::{Exit, Vm, Warning, WarningSink};
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, VecDeque};
use std::rc::Rc;

pub use natives::install;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FutState {
    Pending,
    Finished,
    Cancelled,
}

/// What a task adds to a future.
pub struct TaskData {
    pub id: TaskId,
    pub name: RefCell<Str>,
    pub coro: RefCell<Value>,
    pub coro_name: Str,
    pub defined_line: u32,
    /// For a coroutine of the runtime's own (`asyncio.sleep`, `Queue.get`, ...): where CPython has it, which the
    /// task's repr names, with `defined_line` the line of CPython's `def`.
    pub stdlib: Option<&'static StdlibCoroutine>,
    /// The program's line that created the task: where findings about a task of the runtime's own point.
    pub created_line: u32,
    pub thread: RefCell<Option<Thread>>,
    pub fut_waiter: RefCell<Option<Rc<FutureObj>>>,
    pub must_cancel: Cell<bool>,
    pub cancel_msg: RefCell<Value>,
    pub num_cancels: Cell<u32>,
    /// The value to hand the coroutine when it resumes (the awaited future's result).
    pub resume_with: RefCell<Option<Rc<FutureObj>>>,
    /// The task's `contextvars` mapping (`ThreadState::context` while it runs): a copy of its creator's, or the
    /// `context=` it was given.
    pub context: RefCell<Value>,
}

pub enum Callback {
    /// A task's `__wakeup`.
    Wakeup(Rc<FutureObj>),
    /// A Python callable, called with the future.
    Py(Value),
}

/// `asyncio.Future`, and with `task` set, `asyncio.Task`.
pub struct FutureObj {
    pub state: Cell<FutState>,
    pub result: RefCell<Value>,
    pub exception: RefCell<Value>,
    pub callbacks: RefCell<Vec<Callback>>,
    pub cancel_msg: RefCell<Value>,
    pub log_traceback: Cell<bool>,
    pub task: Option<TaskData>,
    /// Trace object id of a plain future (0 for tasks).
    pub obj: ObjId,
    /// The timer of an `asyncio.sleep`, cancelled with the future.
    pub timer: Cell<Option<u64>>,
    /// The timer that completes this future, if it is an `asyncio.sleep` (kept after it fires).
    pub sleep_timer: Cell<u32>,
    /// `gather`'s outer future cancels its children instead of itself.
    pub cancel_hook: RefCell<Value>,
    /// The CancelledError that ended a task, handed out once by `result()` (as CPython's `_cancelled_exc`).
    pub cancelled_exc: RefCell<Value>,
    /// The hash: a task's id, or a count of futures for plain ones (deterministic, unlike an address).
    pub serial: u64,
    pub sink: WarningSink,
}

impl NativeObject for FutureObj {
    fn type_name(&self) -> &'static str {
        if self.task.is_some() {
            "Task"
        } else {
            "Future"
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, vm: &mut Vm) -> Option<PyResult<String>> {
        Some(self.describe(vm))
    }
}

impl Drop for FutureObj {
    fn drop(&mut self) {
        if self.log_traceback.get() {
            let exc = std::mem::take(&mut *self.exception.borrow_mut());
            let (name, coro, line, stdlib, created) = match &self.task {
                Some(t) => (
                    t.name.borrow().to_string(),
                    t.coro_name.to_string(),
                    t.defined_line,
                    t.stdlib.map(|c| c.module),
                    t.created_line,
                ),
                None => (String::new(), String::new(), 0, None, 0),
            };
            self.sink.push(Warning::TaskException {
                exc,
                name,
                coro,
                line,
                stdlib,
                created,
                is_task: self.task.is_some(),
            });
        }
    }
}

impl FutureObj {
    pub fn is_done(&self) -> bool {
        self.state.get() != FutState::Pending
    }

    /// `future.result()`: the value, or the exception it holds (marking it retrieved).
    pub fn result_value(&self) -> PyResult {
        match self.state.get() {
            FutState::Pending => Err(Exc::Msg(ExcType::InvalidStateError, "Result is not set.".into())),
            FutState::Cancelled => Err(self.cancelled_error()),
            FutState::Finished => {
                self.log_traceback.set(false);
                let e = self.exception.borrow().clone();
                if !e.is_none() {
                    return Err(Exc::Raised(e));
                }
                Ok(self.result.borrow().clone())
            }
        }
    }

    pub fn cancelled_error(&self) -> Exc {
        let stored = std::mem::take(&mut *self.cancelled_exc.borrow_mut());
        if !stored.is_none() {
            return Exc::Raised(stored);
        }
        let msg = self.cancel_msg.borrow().clone();
        if msg.is_none() {
            Exc::Args(ExcType::CancelledError, vec![])
        } else {
            Exc::Args(ExcType::CancelledError, vec![msg])
        }
    }

    fn describe(&self, vm: &mut Vm) -> PyResult<String> {
        let state = match self.state.get() {
            // CPython 3.11 calls a task asked to cancel that has not finished yet "cancelling".
            FutState::Pending if self.task.as_ref().is_some_and(|t| t.num_cancels.get() > 0) => "cancelling",
            FutState::Pending => "pending",
            FutState::Finished => "finished",
            FutState::Cancelled => "cancelled",
        };
        match &self.task {
            Some(t) => {
                let mut s = format!("<Task {state} name='{}' coro=<{}() ", t.name.borrow(), t.coro_name);
                let file = match t.stdlib {
                    Some(c) => stdlib_path(c.module),
                    None => vm.filename.to_string(),
                };
                if self.is_done() {
                    s.push_str(&format!("done, defined at {file}:{}>", t.defined_line));
                } else {
                    let thread = t.thread.borrow();
                    let bottom = thread.as_ref().and_then(|th| th.frames.first());
                    let line = match (t.stdlib, bottom) {
                        // Where CPython's coroutine waits, once it has started.
                        (Some(c), Some(f)) if f.pc > 0 => c
                            .wait_line(f.line().saturating_sub(f.code.first_line))
                            .unwrap_or(t.defined_line),
                        (Some(_), _) => t.defined_line,
                        (None, f) => f.map(|f| f.raise_line()).filter(|l| *l > 0).unwrap_or(t.defined_line),
                    };
                    s.push_str(&format!("running at {file}:{line}>"));
                }
                let exc = self.exception.borrow().clone();
                if self.state.get() == FutState::Finished {
                    if exc.is_none() {
                        let r = self.result.borrow().clone();
                        s.push_str(&format!(" result={}", vm.repr(&r)?));
                    } else {
                        s.push_str(&format!(" exception={}", vm.repr(&exc)?));
                    }
                }
                let waiter = t.fut_waiter.borrow().clone();
                if let (false, Some(w)) = (self.is_done(), waiter) {
                    // Tasks awaiting each other would describe each other forever.
                    let me = self as *const FutureObj as usize;
                    if vm.ts.repr_stack.contains(&me) {
                        s.push_str(" wait_for=...");
                    } else {
                        vm.ts.repr_stack.push(me);
                        let inner = w.describe(vm);
                        vm.ts.repr_stack.pop();
                        s.push_str(&format!(" wait_for={}", inner?));
                    }
                }
                s.push('>');
                Ok(s)
            }
            None => {
                let mut s = format!("<Future {state}");
                let cbs: Vec<String> = self
                    .callbacks
                    .borrow()
                    .iter()
                    .map(|c| match c {
                        Callback::Wakeup(_) => "Task.task_wakeup()".to_string(),
                        Callback::Py(v) => match v {
                            Value::Function(f) => format!("{}()", f.qualname.borrow()),
                            _ => "callback()".to_string(),
                        },
                    })
                    .collect();
                if !cbs.is_empty() {
                    s.push_str(&format!(" cb=[{}]", cbs.join(", ")));
                }
                if self.state.get() == FutState::Finished {
                    let exc = self.exception.borrow().clone();
                    if exc.is_none() {
                        let r = self.result.borrow().clone();
                        s.push_str(&format!(" result={}", vm.repr(&r)?));
                    } else {
                        s.push_str(&format!(" exception={}", vm.repr(&exc)?));
                    }
                }
                s.push('>');
                Ok(s)
            }
        }
    }
}

/// `await asyncio.sleep(0)`: yields to the loop once.
pub struct YieldNow;

impl NativeObject for YieldNow {
    fn type_name(&self) -> &'static str {
        "coroutine"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// The awaitable of an async generator's `__anext__`.
pub struct ANext {
    pub gen: Rc<crate::vm::gen::Generator>,
    /// What the generator's `yield` receives (`asend(value)`).
    pub send: Value,
    /// `anext(gen, default)`: the result when the generator is exhausted.
    pub default: Option<Value>,
}

impl NativeObject for ANext {
    fn type_name(&self) -> &'static str {
        "async_generator_asend"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// The awaitable of an async generator's `aclose()`.
pub struct AClose {
    pub gen: Rc<crate::vm::gen::Generator>,
}

impl NativeObject for AClose {
    fn type_name(&self) -> &'static str {
        "async_generator_athrow"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// The awaitable of an async generator's `athrow(exc)`.
pub struct AThrow {
    pub gen: Rc<crate::vm::gen::Generator>,
    pub exc: Value,
}

impl NativeObject for AThrow {
    fn type_name(&self) -> &'static str {
        "async_generator_athrow"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// A Python-visible timer handle (`loop.call_later` returns one).
pub struct TimerHandle {
    pub id: u64,
    pub cancelled: Rc<Cell<bool>>,
    pub when: Time,
}

impl NativeObject for TimerHandle {
    fn type_name(&self) -> &'static str {
        "TimerHandle"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub fn as_future(v: &Value) -> Option<Rc<FutureObj>> {
    match v {
        Value::Object(o) => {
            let any: Rc<dyn Any> = o.clone();
            any.downcast::<FutureObj>().ok()
        }
        _ => None,
    }
}

pub enum Handle {
    Step {
        task: Rc<FutureObj>,
        exc: Option<Value>,
    },
    Wakeup {
        task: Rc<FutureObj>,
        fut: Rc<FutureObj>,
    },
    Call {
        func: Value,
        args: Vec<Value>,
        cancelled: Rc<Cell<bool>>,
    },
    /// The end of an `asyncio.sleep`: completes the future unless it was cancelled.
    SleepDone {
        fut: Rc<FutureObj>,
        result: Value,
    },
}

/// An event loop's state; one per thread (`ThreadState::aio`; a new loop object of the same thread reuses it,
/// as only one runs at a time).
#[derive(Default)]
pub struct Loop {
    pub ready: VecDeque<Handle>,
    pub timers: BinaryHeap<Reverse<(Time, u64)>>,
    /// Each pending timer's handle, cancel flag and the task that armed it.
    pub timer_table: HashMap<u64, (Handle, Rc<Cell<bool>>, TaskId), crate::findings::FastHash>,
    /// Handles left to run in the current iteration.
    pub ntodo: usize,
    pub running: bool,
    pub stopping: bool,
    /// The line of the `asyncio.run` call the main thread is inside: its lane shows one wait for the loop
    /// from the call to the return, not a wait per `run_until_complete` of the runner's shutdown.
    pub main_in_run: Option<u32>,
    /// The main thread's last event is its `Suspended(EventLoop)`.
    pub main_waiting: bool,
    pub current: Option<Rc<FutureObj>>,
    /// Tasks not yet done, by id (`asyncio.all_tasks`): a hash map, where a B-tree would add a copy of its
    /// code to the bundle for this one type; [`Loop::live_tasks`] gives them in creation order.
    pub live: HashMap<TaskId, Rc<FutureObj>, crate::findings::FastHash>,
    /// A task step the budget interrupted.
    pub in_progress: Option<Rc<FutureObj>>,
    /// A Python callback the budget interrupted.
    pub in_progress_cb: Option<(Thread, Value, Vec<Value>)>,
    /// Set by the prelude right before a task awaits a synchronisation primitive.
    pub pending_reason: Option<WaitReason>,
    pub loop_obj: Value,
    /// The prelude's `Queue`, `Lock`, `Event`, `Semaphore` and `BoundedSemaphore` classes, whose plain
    /// instances get the fast paths of `fast.rs`.
    pub plain: [Option<Rc<crate::value::Class>>; fast::PLAIN_CLASSES],
    /// A `SystemExit` or `KeyboardInterrupt` a task step or a callback raised: it stops the loop and leaves
    /// `run_forever` in the thread that runs it, as CPython's `Task.__step` and `Handle._run` re-raise them.
    pub escaped: Option<Value>,
    /// Set by a fast path (`fast.rs`) whose result is an awaitable for the call's `await` to await, rather than
    /// the call's result.
    pub then_await: bool,
    /// While a fast path runs for an awaited call: whether the caller drops what the `await` gives
    /// (`async with x:` with no `as`).
    pub value_dropped: bool,
}

impl Loop {
    /// Takes the tasks not yet done, in creation order.
    pub fn take_live(&mut self) -> Vec<Rc<FutureObj>> {
        let mut live: Vec<(TaskId, Rc<FutureObj>)> = std::mem::take(&mut self.live).into_iter().collect();
        crate::smallsort::sort_by_key(&mut live, |(id, _)| *id);
        live.into_iter().map(|(_, t)| t).collect()
    }

    /// The tasks not yet done, in creation order.
    pub fn live_tasks(&self) -> Vec<Rc<FutureObj>> {
        let mut live: Vec<(TaskId, Rc<FutureObj>)> = self.live.iter().map(|(id, t)| (*id, t.clone())).collect();
        crate::smallsort::sort_by_key(&mut live, |(id, _)| *id);
        live.into_iter().map(|(_, t)| t).collect()
    }
}

/// What one tick of the loop did.
pub enum Tick {
    Ran,
    Budget,
    /// Nothing is ready before this time.
    Idle(Time),
    /// `stop()` took effect: `run_forever` returns.
    Stopped,
    /// Nothing is ready and no timer is pending: the loop would wait forever.
    Deadlock,
    /// The host is to choose the next handle (`Strategy::Manual`).
    Paused,
}

impl Vm {
    pub fn call_soon(&mut self, h: Handle) {
        if let Handle::Step { task, .. } | Handle::Wakeup { task, .. } = &h {
            if let Some(t) = &task.task {
                let by = match &h {
                    Handle::Step { exc: Some(_), .. } => Wake::Cancel {
                        by: self.ts.current_task,
                    },
                    Handle::Step { .. } => Wake::Spawn,
                    Handle::Wakeup { fut, .. } if fut.sleep_timer.get() != 0 => Wake::Timer(fut.sleep_timer.get()),
                    Handle::Wakeup { fut, .. } => Wake::Done {
                        obj: fut.task.as_ref().map_or(fut.obj, |t| t.id),
                        by: self.ts.current_task,
                    },
                    _ => Wake::Spawn,
                };
                self.event(t.id, EventKind::Ready { by });
            }
        }
        self.ts.aio.ready.push_back(h);
    }

    pub fn call_at(&mut self, when: Time, h: Handle) -> (u64, Rc<Cell<bool>>) {
        let when = when.min(END_OF_TIME);
        self.timer_seq += 1;
        let id = self.timer_seq;
        let cancelled = Rc::new(Cell::new(false));
        self.ts.aio.timers.push(Reverse((when, id)));
        let task = self.ts.current_task;
        self.ts.aio.timer_table.insert(id, (h, cancelled.clone(), task));
        self.event(
            task,
            EventKind::TimerArmed {
                timer: id as u32,
                deadline: when,
            },
        );
        (id, cancelled)
    }

    pub fn cancel_timer(&mut self, id: u64) {
        if let Some((_, c, _)) = self.ts.aio.timer_table.remove(&id) {
            c.set(true);
            let task = self.ts.current_task;
            self.event(task, EventKind::TimerCancelled { timer: id as u32 });
        }
    }

    pub fn next_timer(&mut self) -> Option<Time> {
        while let Some(Reverse((when, id))) = self.ts.aio.timers.peek().copied() {
            match self.ts.aio.timer_table.get(&id) {
                Some((_, c, _)) if !c.get() => return Some(when),
                _ => {
                    self.ts.aio.timers.pop();
                    self.ts.aio.timer_table.remove(&id);
                }
            }
        }
        None
    }

    pub fn new_future(&mut self) -> Rc<FutureObj> {
        self.object_serial += 1;
        Rc::new(FutureObj {
            serial: self.object_serial,
            state: Cell::new(FutState::Pending),
            result: RefCell::new(Value::None),
            exception: RefCell::new(Value::None),
            callbacks: RefCell::new(Vec::new()),
            cancel_msg: RefCell::new(Value::None),
            log_traceback: Cell::new(false),
            task: None,
            obj: 0,
            timer: Cell::new(None),
            sleep_timer: Cell::new(0),
            cancel_hook: RefCell::new(Value::None),
            cancelled_exc: RefCell::new(Value::None),
            sink: self.warnings.clone(),
        })
    }

    /// A copy of the running code's `contextvars` mapping (`contextvars.copy_context()`'s), None while empty.
    pub fn context_copy(&self) -> Value {
        match &self.ts.context {
            Value::Dict(d) => Value::Dict(Rc::new(RefCell::new(d.borrow().clone()))),
            _ => Value::None,
        }
    }

    /// `asyncio.create_task(coro, name=...)`.
    pub fn create_task(&mut self, coro: Value, name: Option<Str>) -> PyResult<Rc<FutureObj>> {
        let Value::Gen(g) = &coro else {
            return Err(Exc::type_error(format!(
                "a coroutine was expected, got {}",
                self.repr(&coro)?
            )));
        };
        if g.kind != crate::code::CodeKind::Coroutine {
            return Err(Exc::type_error(format!(
                "a coroutine was expected, got {}",
                self.repr(&coro)?
            )));
        }
        // CPython counts every task, named or not.
        self.task_names += 1;
        let name: Str = match name {
            Some(n) => n,
            None => Rc::from(format!("Task-{}", self.task_names)),
        };
        let mut th = Thread::default();
        self.push_gen(&mut th, g, Value::None, Ret::Exit)?;
        self.ts.depth = self.ts.depth.saturating_sub(1);
        // Only a task that exists takes an id: ids index the trace's task list.
        self.next_task_id += 1;
        let id = self.next_task_id;
        let mut defined_line = th.frames.first().map_or(0, |f| f.code.first_line);
        let th_hidden = th.frames.first().is_some_and(|f| f.code.hidden);
        let stdlib = match th_hidden {
            true => stdlib_coroutine(&g.qualname),
            false => None,
        };
        if let Some(c) = stdlib {
            defined_line = c.def;
        }
        let task = Rc::new(FutureObj {
            serial: id as u64,
            state: Cell::new(FutState::Pending),
            result: RefCell::new(Value::None),
            exception: RefCell::new(Value::None),
            callbacks: RefCell::new(Vec::new()),
            cancel_msg: RefCell::new(Value::None),
            log_traceback: Cell::new(false),
            task: Some(TaskData {
                id,
                name: RefCell::new(name.clone()),
                coro: RefCell::new(coro.clone()),
                coro_name: g.qualname.clone(),
                defined_line,
                stdlib,
                created_line: self.ts.line,
                thread: RefCell::new(Some(th)),
                fut_waiter: RefCell::new(None),
                must_cancel: Cell::new(false),
                cancel_msg: RefCell::new(Value::None),
                num_cancels: Cell::new(0),
                resume_with: RefCell::new(None),
                context: RefCell::new(self.context_copy()),
            }),
            obj: 0,
            timer: Cell::new(None),
            sleep_timer: Cell::new(0),
            cancel_hook: RefCell::new(Value::None),
            cancelled_exc: RefCell::new(Value::None),
            sink: self.warnings.clone(),
        });
        self.world.trace.tasks.push(crate::trace::TaskInfo {
            name: name.to_string(),
            coro: g.qualname.to_string(),
            parent: self.ts.current_task,
            created_line: self.ts.line,
            internal: th_hidden,
            thread: false,
        });
        let parent = self.ts.current_task;
        self.event(id, EventKind::Created { parent });
        self.ts.aio.live.insert(id, task.clone());
        self.call_soon(Handle::Step {
            task: task.clone(),
            exc: None,
        });
        Ok(task)
    }

    /// Marks a future done and schedules its callbacks, as `Future.__schedule_callbacks` does.
    pub fn schedule_callbacks(&mut self, fut: &Rc<FutureObj>) {
        let cbs = std::mem::take(&mut *fut.callbacks.borrow_mut());
        for cb in cbs {
            match cb {
                Callback::Wakeup(task) => self.call_soon(Handle::Wakeup { task, fut: fut.clone() }),
                Callback::Py(func) => self.call_soon(Handle::Call {
                    func,
                    args: vec![Value::Object(fut.clone())],
                    cancelled: Rc::new(Cell::new(false)),
                }),
            }
        }
    }

    pub fn fut_set_result(&mut self, fut: &Rc<FutureObj>, v: Value) -> PyResult<()> {
        if fut.is_done() {
            return Err(Exc::Msg(ExcType::InvalidStateError, "invalid state".into()));
        }
        *fut.result.borrow_mut() = v;
        fut.state.set(FutState::Finished);
        self.schedule_callbacks(fut);
        Ok(())
    }

    pub fn fut_set_exception(&mut self, fut: &Rc<FutureObj>, exc: Value) -> PyResult<()> {
        if fut.is_done() {
            return Err(Exc::Msg(ExcType::InvalidStateError, "invalid state".into()));
        }
        let exc = match &exc {
            Value::Class(_) => self.call(&exc, vec![])?,
            _ => exc,
        };
        if self.exc_is(&exc, ExcType::StopIteration) {
            return Err(Exc::type_error(
                "StopIteration interacts badly with generators and cannot be raised into a Future",
            ));
        }
        *fut.exception.borrow_mut() = exc;
        fut.state.set(FutState::Finished);
        fut.log_traceback.set(true);
        self.schedule_callbacks(fut);
        Ok(())
    }

    /// `Future.cancel(msg)`; for a task, `Task.cancel(msg)`.
    pub fn fut_cancel(&mut self, fut: &Rc<FutureObj>, msg: Value) -> bool {
        if let Some(t) = &fut.task {
            if fut.is_done() {
                return false;
            }
            t.num_cancels.set(t.num_cancels.get() + 1);
            let by = self.ts.current_task;
            self.event(t.id, EventKind::CancelRequested { by });
            let waiter = t.fut_waiter.borrow().clone();
            if let Some(w) = waiter {
                if self.fut_cancel(&w, msg.clone()) {
                    // The waiter's callbacks wake the task with a CancelledError.
                    return true;
                }
            }
            t.must_cancel.set(true);
            *t.cancel_msg.borrow_mut() = msg;
            return true;
        }
        if fut.is_done() {
            return false;
        }
        let hook = fut.cancel_hook.borrow().clone();
        if !hook.is_none() {
            return match self.call(&hook, vec![msg]) {
                Ok(v) => matches!(v, Value::Bool(true)),
                Err(_) => false,
            };
        }
        fut.log_traceback.set(false);
        *fut.cancel_msg.borrow_mut() = msg;
        fut.state.set(FutState::Cancelled);
        if let Some(id) = fut.timer.take() {
            self.cancel_timer(id);
        }
        self.schedule_callbacks(fut);
        true
    }

    /// Whether an exception raised by a task or a callback leaves the loop (`SystemExit`, `KeyboardInterrupt`).
    fn escapes_loop(&self, e: &Value) -> bool {
        self.exc_is(e, ExcType::SystemExit) || self.exc_is(e, ExcType::KeyboardInterrupt)
    }

    /// Runs one handle of the loop (or starts a new iteration).
    pub fn loop_tick(&mut self) -> Tick {
        if self.ts.aio.escaped.is_some() {
            // The handles not yet run stay ready for the loop's next run.
            self.ts.aio.stopping = false;
            self.ts.aio.running = false;
            return Tick::Stopped;
        }
        if let Some(task) = self.ts.aio.in_progress.take() {
            return self.run_task(task, None);
        }
        if let Some((th, func, args)) = self.ts.aio.in_progress_cb.take() {
            return self.run_callback(th, func, args);
        }
        if self.ts.aio.ntodo == 0 {
            if self.ts.aio.stopping {
                self.ts.aio.stopping = false;
                self.ts.aio.running = false;
                return Tick::Stopped;
            }
            let next = self.next_timer();
            if self.ts.aio.ready.is_empty() {
                match next {
                    None => return Tick::Deadlock,
                    Some(when) if when > self.world.now => return Tick::Idle(when),
                    _ => {}
                }
            }
            // Move every due timer to the ready queue, earliest first.
            while let Some(when) = self.next_timer() {
                if when > self.world.now {
                    break;
                }
                let Some(Reverse((_, id))) = self.ts.aio.timers.pop() else {
                    break;
                };
                if let Some((h, _, owner)) = self.ts.aio.timer_table.remove(&id) {
                    self.event(owner, EventKind::TimerFired { timer: id as u32 });
                    if let Handle::SleepDone { fut, .. } = &h {
                        fut.timer.set(None);
                    }
                    self.ts.aio.ready.push_back(h);
                }
            }
            self.ts.aio.ntodo = self.ts.aio.ready.len();
            if self.ts.aio.ntodo == 0 {
                return Tick::Ran;
            }
        }
        if self.world.sched.active {
            // Any ready handle may run next, this iteration's or the next's (`sched.rs`).
            if self.pause_ready() {
                return Tick::Paused;
            }
            let i = self.choose_ready();
            let Some(h) = self.ts.aio.ready.remove(i) else {
                self.ts.aio.ntodo = 0;
                return Tick::Ran;
            };
            if i < self.ts.aio.ntodo {
                self.ts.aio.ntodo -= 1;
            }
            return self.run_handle(h);
        }
        let Some(h) = self.ts.aio.ready.pop_front() else {
            self.ts.aio.ntodo = 0;
            return Tick::Ran;
        };
        self.ts.aio.ntodo -= 1;
        self.run_handle(h)
    }

    fn run_handle(&mut self, h: Handle) -> Tick {
        match h {
            Handle::Step { task, exc } => self.run_task(task, exc.map(Ok)),
            Handle::Wakeup { task, fut } => {
                let r = fut.result_value();
                match r {
                    Ok(_) => {
                        if let Some(t) = &task.task {
                            *t.resume_with.borrow_mut() = Some(fut.clone());
                        }
                        self.run_task(task, None)
                    }
                    Err(e) => {
                        let e = self.materialize(e);
                        self.run_task(task, Some(Ok(e)))
                    }
                }
            }
            Handle::Call { func, args, cancelled } => {
                if cancelled.get() {
                    return Tick::Ran;
                }
                // Python callbacks run as a thread of their own, so the budget can pause them too.
                let r = match self.prepare_call(func.clone(), args.clone(), Vec::new()) {
                    Ok(crate::vm::call::Prepared::Value(_)) => Ok(()),
                    Ok(crate::vm::call::Prepared::Frame(mut f)) => {
                        f.ret = Ret::Exit;
                        let mut th = Thread::default();
                        th.frames.push(f);
                        return self.run_callback(th, func, args);
                    }
                    Err(e) => Err(e),
                };
                if let Err(e) = r {
                    let e = self.materialize(e);
                    self.report_callback_error(&func, &args, &e);
                }
                self.flush_warnings();
                Tick::Ran
            }
            Handle::SleepDone { fut, result } => {
                if !fut.is_done() {
                    let _ = self.fut_set_result(&fut, result);
                }
                Tick::Ran
            }
        }
    }

    fn report_callback_error(&mut self, func: &Value, args: &[Value], e: &Value) {
        let cb = self.callback_label(func, args);
        let text = format!(
            "Exception in callback {cb}\nhandle: <Handle {cb}>\n{}",
            self.format_exception(e)
        );
        self.write(crate::trace::Stream::Stderr, &text);
    }

    /// Runs (or goes on running) a Python callback's thread.
    fn run_callback(&mut self, mut th: Thread, func: Value, args: Vec<Value>) -> Tick {
        match self.run(&mut th) {
            Exit::Budget => {
                self.ts.aio.in_progress_cb = Some((th, func, args));
                Tick::Budget
            }
            Exit::Raised(e) if self.escapes_loop(&e) => {
                self.ts.aio.escaped = Some(e);
                self.flush_warnings();
                Tick::Ran
            }
            Exit::Raised(e) => {
                self.report_callback_error(&func, &args, &e);
                self.flush_warnings();
                Tick::Ran
            }
            _ => {
                self.flush_warnings();
                Tick::Ran
            }
        }
    }

    /// `Task.__step`: runs the task's coroutine until it awaits, yields, finishes or the budget ends.
    fn run_task(&mut self, task: Rc<FutureObj>, exc: Option<PyResult<Value>>) -> Tick {
        let Some(t) = &task.task else { return Tick::Ran };
        if task.is_done() {
            return Tick::Ran;
        }
        let Some(mut th) = t.thread.borrow_mut().take() else {
            return Tick::Ran;
        };
        let resumed_mid_step = self.ts.aio.current.as_ref().is_some_and(|c| Rc::ptr_eq(c, &task));
        if !resumed_mid_step {
            self.ts.aio.pending_reason = None;
        }
        self.ts.aio.current = Some(task.clone());
        self.ts.current_task = t.id;
        let outer_context = std::mem::replace(&mut self.ts.context, t.context.borrow().clone());
        let mut exc = exc;
        self.ts.exit_line = 0;
        if !resumed_mid_step {
            self.ts.line = th.frames.iter().rev().find(|f| !f.code.hidden).map_or(0, |f| f.line());
            self.event(t.id, EventKind::Resumed);
            *t.fut_waiter.borrow_mut() = None;
            if t.must_cancel.get() {
                t.must_cancel.set(false);
                let is_cancel = matches!(&exc, Some(Ok(e)) if self.exc_is(e, ExcType::CancelledError));
                if !is_cancel {
                    let msg = t.cancel_msg.borrow().clone();
                    let args = if msg.is_none() { vec![] } else { vec![msg] };
                    exc = Some(Ok(self.exc_new(ExcType::CancelledError, args)));
                }
            }
        }
        let exit = match exc {
            Some(Ok(e)) => {
                t.resume_with.borrow_mut().take();
                match self.throw(&mut th, e) {
                    Some(exit) => exit,
                    None => self.run(&mut th),
                }
            }
            Some(Err(e)) => Exit::Raised(self.materialize(e)),
            None => {
                if let Some(f) = t.resume_with.borrow_mut().take() {
                    let v = f.result.borrow().clone();
                    if let Some(top) = th.frames.last_mut() {
                        top.stack.push(v);
                    }
                }
                self.run(&mut th)
            }
        };
        if matches!(exit, Exit::Returned(_) | Exit::Raised(_)) && self.ts.exit_line != 0 {
            // The task ends where its coroutine returned or raised, not at the last line an event recorded.
            self.ts.line = self.ts.exit_line;
        }
        // A variable first set in this step made the task's mapping: it keeps it for its next steps.
        *t.context.borrow_mut() = std::mem::replace(&mut self.ts.context, outer_context);
        let tick = self.finish_step(&task, th, exit);
        if !matches!(tick, Tick::Budget) {
            self.ts.aio.current = None;
            self.ts.current_task = self.ts.lane;
            self.flush_warnings();
        }
        tick
    }

    fn finish_step(&mut self, task: &Rc<FutureObj>, th: Thread, exit: Exit) -> Tick {
        let Some(t) = &task.task else { return Tick::Ran };
        let id = t.id;
        match exit {
            Exit::Budget => {
                *t.thread.borrow_mut() = Some(th);
                self.ts.aio.in_progress = Some(task.clone());
                return Tick::Budget;
            }
            Exit::Returned(v) => {
                drop(th);
                if t.must_cancel.get() {
                    t.must_cancel.set(false);
                    let msg = t.cancel_msg.borrow().clone();
                    self.task_cancelled(task, msg);
                } else {
                    self.event(
                        id,
                        EventKind::Finished {
                            outcome: Outcome::Returned,
                        },
                    );
                    let _ = self.fut_set_result(task, v);
                }
                self.ts.aio.live.remove(&id);
            }
            Exit::Raised(e) => {
                drop(th);
                if self.exc_is(&e, ExcType::CancelledError) {
                    // The error itself is handed out once; after it `result()` makes a new one with no message,
                    // as CPython's C task does (it cancels the future with none).
                    *task.cancelled_exc.borrow_mut() = e;
                    self.task_cancelled(task, Value::None);
                } else {
                    let summary = self.repr(&e).map(|s| s.to_string()).unwrap_or_default();
                    let text = self.text(summary);
                    self.event(
                        id,
                        EventKind::Finished {
                            outcome: Outcome::Raised { exc: text },
                        },
                    );
                    if self.escapes_loop(&e) {
                        self.ts.aio.escaped = Some(e.clone());
                    }
                    let _ = self.fut_set_exception(task, e);
                }
                self.ts.aio.live.remove(&id);
            }
            Exit::Yield => {
                *t.thread.borrow_mut() = Some(th);
                self.event(
                    id,
                    EventKind::Suspended {
                        reason: WaitReason::Yield,
                    },
                );
                self.ts.aio.ready.push_back(Handle::Step {
                    task: task.clone(),
                    exc: None,
                });
                self.event(id, EventKind::Ready { by: Wake::Yield });
            }
            Exit::Await(v) => {
                let Some(fut) = as_future(&v) else {
                    *t.thread.borrow_mut() = Some(th);
                    return Tick::Ran;
                };
                if Rc::ptr_eq(&fut, task) {
                    let desc = self.repr(&v).map(|s| s.to_string()).unwrap_or_default();
                    let e = self.materialize(Exc::runtime(format!("Task cannot await on itself: {desc}")));
                    *t.thread.borrow_mut() = Some(th);
                    self.call_soon(Handle::Step {
                        task: task.clone(),
                        exc: Some(e),
                    });
                    return Tick::Ran;
                }
                *t.thread.borrow_mut() = Some(th);
                let reason = match (&fut.task, self.ts.aio.pending_reason.take()) {
                    (Some(other), _) => WaitReason::Task(other.id),
                    (None, Some(r)) => r,
                    (None, None) => match fut.timer.get().and_then(|id| self.timer_deadline(id)) {
                        Some(until) => WaitReason::Sleep { until },
                        None => WaitReason::Future(fut.obj),
                    },
                };
                self.event(id, EventKind::Suspended { reason });
                fut.callbacks.borrow_mut().push(Callback::Wakeup(task.clone()));
                *t.fut_waiter.borrow_mut() = Some(fut.clone());
                if t.must_cancel.get() {
                    let msg = t.cancel_msg.borrow().clone();
                    if self.fut_cancel(&fut, msg) {
                        t.must_cancel.set(false);
                    }
                }
            }
            Exit::RunLoop => {
                *t.thread.borrow_mut() = Some(th);
                let e = self.materialize(Exc::runtime("This event loop is already running"));
                self.call_soon(Handle::Step {
                    task: task.clone(),
                    exc: Some(e),
                });
            }
            Exit::Yielded(_) => {
                drop(th);
            }
        }
        Tick::Ran
    }

    /// How CPython names a callback in loop messages: `f(1, 'a') at file.py:3`.
    fn callback_label(&mut self, func: &Value, args: &[Value]) -> String {
        let args = self.join_reprs(args).unwrap_or_default();
        match func {
            Value::Function(f) => format!(
                "{}({args}) at {}:{}",
                f.qualname.borrow(),
                f.code.filename,
                f.code.first_line
            ),
            // A bound method is not a function to CPython's `_get_function_source`: no place is given.
            Value::Method(m) => match &m.1 {
                Value::Function(f) => format!("{}({args})", f.qualname.borrow()),
                _ => format!("{}({args})", self.repr(func).map(|s| s.to_string()).unwrap_or_default()),
            },
            _ => format!("{}({args})", self.repr(func).map(|s| s.to_string()).unwrap_or_default()),
        }
    }

    fn timer_deadline(&self, id: u64) -> Option<Time> {
        self.ts
            .aio
            .timers
            .iter()
            .find(|Reverse((_, i))| *i == id)
            .map(|Reverse((w, _))| *w)
    }

    fn task_cancelled(&mut self, task: &Rc<FutureObj>, msg: Value) {
        if let Some(t) = &task.task {
            self.event(
                t.id,
                EventKind::Finished {
                    outcome: Outcome::Cancelled,
                },
            );
        }
        *task.cancel_msg.borrow_mut() = msg;
        task.state.set(FutState::Cancelled);
        self.schedule_callbacks(task);
    }

    /// Reports what objects dropped since the last call left behind (never-retrieved exceptions,
    /// never-awaited coroutines), on stderr where CPython prints them.
    pub fn flush_warnings(&mut self) {
        if !self.warnings.pending() {
            return;
        }
        let ws = self.warnings.take();
        for w in ws {
            let text = match w {
                Warning::NeverAwaited { name } => {
                    // Like every warning, with the source line it is attributed to.
                    let source = (self.ts.line as usize)
                        .checked_sub(1)
                        .and_then(|i| self.source.lines().nth(i))
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map_or(String::new(), |l| format!("  {l}\n"));
                    let task = self.ts.current_task;
                    let message = format!(
                        "The coroutine {name}() made at line {} was never awaited, so its body never ran: \
                         await it, or make it a task with asyncio.create_task(...).",
                        self.ts.line
                    );
                    let kind = crate::findings::Kind::NeverAwaited;
                    let found = crate::findings::Finding::new(kind, message, vec![self.ts.line], self.world.now)
                        .on(&self.world.trace, &[task]);
                    self.world.findings.push(found);
                    if !self.warnings.first_at(&name, self.ts.line) {
                        continue;
                    }
                    format!(
                        "{}:{}: RuntimeWarning: coroutine '{name}' was never awaited\n{source}RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n",
                        self.filename, self.ts.line
                    )
                }
                Warning::Text(t) => t,
                Warning::TaskException {
                    exc,
                    name,
                    coro,
                    line,
                    stdlib,
                    created,
                    is_task,
                } => {
                    let er = self.repr(&exc).map(|s| s.to_string()).unwrap_or_default();
                    let future = if is_task {
                        format!(
                            "<Task finished name='{name}' coro=<{coro}() done, defined at {}:{line}> exception={er}>",
                            stdlib.map_or_else(|| self.filename.to_string(), stdlib_path)
                        )
                    } else {
                        format!("<Future finished exception={er}>")
                    };
                    let tb = self.format_exception(&exc);
                    let head = if is_task { "Task" } else { "Future" };
                    // A task of the runtime's own is pointed at where the program created it.
                    let program_line = if stdlib.is_some() { created } else { line };
                    self.unretrieved_finding(&exc, &name, &coro, &er, is_task, program_line);
                    format!("{head} exception was never retrieved\nfuture: {future}\n{tb}")
                }
            };
            self.write(crate::trace::Stream::Stderr, &text);
        }
    }

    /// A task or future dropped with an exception nobody retrieved: where the program raised it (the innermost
    /// frame of its traceback in the program's file), or where the task was defined.
    fn unretrieved_finding(
        &mut self,
        exc_value: &Value,
        name: &str,
        coro: &str,
        exc: &str,
        is_task: bool,
        defined: u32,
    ) {
        let raised = self
            .exc_data(exc_value)
            .and_then(|d| {
                let d = d.borrow();
                d.traceback
                    .iter()
                    .rev()
                    .find(|t| *t.filename == *self.filename)
                    .map(|t| t.line)
            })
            .unwrap_or(defined);
        let (what, tasks) = if is_task {
            (format!("{name} ({coro})"), vec![name.to_string()])
        } else {
            ("A future".to_string(), Vec::new())
        };
        let message = format!(
            "{what} failed with {exc} at line {raised}, and nothing ever awaited it or asked for its exception, \
             so the error went unnoticed: await the task (or gather it) to see its exception."
        );
        let kind = crate::findings::Kind::UnretrievedException;
        let mut found = crate::findings::Finding::new(kind, message, vec![raised], self.world.now);
        // The task's lane, by its name (task names are the loop's, unique unless the program renamed one).
        let trace = &self.world.trace;
        let lane = tasks
            .first()
            .and_then(|n| trace.tasks.iter().rposition(|t| !t.thread && t.name == *n));
        found.lanes = lane.map(|l| l as crate::trace::TaskId).into_iter().collect();
        found.tasks = tasks;
        self.world.findings.push(found);
    }

    /// `time.sleep` inside the program. With other threads alive it releases the GIL and they run meanwhile;
    /// alone, the thread holds on while the clock moves on (in a task: the task holds its loop, `Blocked`).
    pub fn blocking_sleep(&mut self, secs: f64) -> PyResult {
        if secs.is_nan() || secs < 0.0 {
            return Err(Exc::value_error("sleep length must be non-negative"));
        }
        let ns = (secs * 1e9).min(1e18) as Time;
        let until = self.world.now.saturating_add(ns).min(END_OF_TIME);
        if self.ts.nested_cap.is_none() && (self.machine || self.threads.others_alive(self.ts.index)) {
            self.block(crate::threads::Block::Sleep { until });
            return Ok(Value::None);
        }
        let task = self.ts.current_task;
        self.event(task, EventKind::Blocked { until });
        self.ts.blocked_until = until;
        Ok(Value::None)
    }
}

/// `time.sleep(secs)` as a native function.
pub fn blocking_sleep(vm: &mut Vm, secs: f64) -> PyResult {
    vm.blocking_sleep(secs)
}

/// Where the standard library is on a Debian or Ubuntu machine, whose `python3` is CPython 3.11.
fn stdlib_path(module: &str) -> String {
    format!("/usr/lib/python3.11/asyncio/{module}")
}

/// One of the runtime's coroutines that a program may wrap in a task, as CPython 3.11.7 has it: its module of
/// `asyncio`, the line of its `def`, and where it waits once started: each `await` of the prelude's function (its
/// line after the `def`, in the runtime's source as the engine compiles it) with the line of the same `await` in
/// CPython's, or one line at [`ANY_AWAIT`] where the two functions differ in shape.
pub struct StdlibCoroutine {
    name: &'static str,
    pub module: &'static str,
    pub def: u32,
    waits: &'static [(u32, u32)],
}

const ANY_AWAIT: u32 = u32::MAX;

const fn coro(name: &'static str, module: &'static str, def: u32, waits: &'static [(u32, u32)]) -> StdlibCoroutine {
    StdlibCoroutine {
        name,
        module,
        def,
        waits,
    }
}

const STDLIB: &[StdlibCoroutine] = &[
    // `sleep(0)` yields once (`await __sleep0()`); any other delay awaits a future.
    coro("sleep", "tasks.py", 637, &[(2, 640), (4, 649)]),
    // No timeout; a timeout already passed; the wait; cancelled while waiting; the timeout.
    coro(
        "wait_for",
        "tasks.py",
        436,
        &[(3, 452), (8, 460), (20, 476), (26, 485), (32, 495)],
    ),
    coro("wait", "tasks.py", 399, &[(ANY_AWAIT, 428)]),
    coro("to_thread", "threads.py", 12, &[(ANY_AWAIT, 25)]),
    coro("Queue.put", "queues.py", 110, &[(ANY_AWAIT, 120)]),
    coro("Queue.get", "queues.py", 149, &[(ANY_AWAIT, 158)]),
    coro("Queue.join", "queues.py", 206, &[(ANY_AWAIT, 215)]),
    coro("Event.wait", "locks.py", 200, &[(ANY_AWAIT, 213)]),
    coro("Lock.acquire", "locks.py", 93, &[(ANY_AWAIT, 114)]),
    coro("Semaphore.acquire", "locks.py", 364, &[(ANY_AWAIT, 387)]),
    coro("Condition.wait", "locks.py", 248, &[]),
    coro("Condition.wait_for", "locks.py", 285, &[]),
    coro("Barrier.wait", "locks.py", 481, &[(ANY_AWAIT, 497)]),
];

fn stdlib_coroutine(qualname: &str) -> Option<&'static StdlibCoroutine> {
    STDLIB.iter().find(|c| c.name == qualname)
}

impl StdlibCoroutine {
    /// The line where CPython's coroutine waits when the runtime's waits `offset` lines after its `def`.
    fn wait_line(&self, offset: u32) -> Option<u32> {
        self.waits
            .iter()
            .find(|(at, _)| *at == offset || *at == ANY_AWAIT)
            .map(|(_, line)| *line)
    }
}

#[cfg(test)]
mod stdlib_tests {
    use super::{ANY_AWAIT, STDLIB};

    /// The offsets of `STDLIB`'s waits are lines of `await` in the prelude, with no blank or comment line between
    /// the `def` and them (which the engine's copy of the prelude leaves out, moving the lines).
    #[test]
    fn stdlib_waits_are_the_preludes_awaits() {
        let prelude = include_str!("asyncio/prelude.py");
        let lines: Vec<&str> = prelude.lines().collect();
        for c in STDLIB.iter().filter(|c| c.waits.iter().any(|(at, _)| *at != ANY_AWAIT)) {
            let name = c.name;
            let def = lines
                .iter()
                .position(|l| l.starts_with(&format!("async def {name}(")))
                .unwrap_or_else(|| panic!("no `async def {name}` in the prelude"));
            for (offset, _) in c.waits.iter() {
                let at = def + *offset as usize;
                assert!(
                    lines[at].contains("await "),
                    "{name}: line {} is not an await: {:?}",
                    at + 1,
                    lines[at]
                );
                for l in &lines[def..=at] {
                    assert!(
                        !l.trim().is_empty() && !l.trim_start().starts_with('#'),
                        "{name}: {l:?}"
                    );
                }
            }
        }
    }
}
