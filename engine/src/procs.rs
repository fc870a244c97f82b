//! Simulated processes: each one an interpreter of its own (`Vm`), forked from its parent, run by the
//! session on the machine's simulated cores; and the natives of `multiprocessing` (`_il_mp`).
//!
//! A process is made by [`fork`]: its interpreter is a copy of the parent's heap at `Process.start()`
//! (`fork.rs`), with one thread, which runs `multiprocessing._il_child_main(process)`. The child waits in
//! `Vm::forked` until the session adopts it (`session/machine.rs` schedules processes on cores).
//!
//! What processes share lives in native objects that every interpreter holding them sees alike, since forking
//! shares native objects rather than copying them: a [`Chan`] (a pipe's or queue's buffer of pickled
//! messages, `pickle.rs`), a [`Cell`] (a shared value: `Value`, `Array`, the state of a `Lock`, `Event`,
//! `Semaphore`), a [`Handle`] (a child's pid and exit code). Each carries a [`Signal`]: a thread that waits for
//! one to change (`_il_mp.wait`) blocks on `threads::Block::Signal`, and a change made by a process at virtual
//! time `t` wakes it no earlier than `t`, so no process sees a message before it was sent.
//!
//! A process started by the `spawn` start method ([`spawn`]) is a fresh interpreter instead, sent its `Process`
//! object pickled; it runs the program again as `__mp_main__` (`Vm::main_code`) before the process's target.
//!
//! Simplifications: native objects of other kinds than locks (a `deque`, a future) are shared with a forked
//! child rather than copied.

pub mod fork;
pub mod pickle;

use crate::exc::{Exc, PyResult};
use crate::native::{Kwargs, NativeObject};
use crate::threads::Block;
use crate::trace::{EventKind, ObjId, ObjInfo, ObjKind, Time, END_OF_TIME};
use crate::types::args;
use crate::value::Value;
use crate::vm::frame::{Ret, Thread};
use crate::vm::Vm;
use std::any::Any;
use std::cell::{Cell as StdCell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

/// The first pid; the main process's (`os.getpid()`), its children's count up from the next one.
pub const MAIN_PID: u32 = 4242;

/// Virtual time a `fork()` takes before the child runs (copying the page tables, the new process's start).
pub const FORK_COST: Time = 1_000_000;

/// Virtual time a spawned child takes before it runs its program: a new interpreter's start-up, which CPython
/// spends importing `site`, `multiprocessing` and their dependencies.
pub const SPAWN_COST: Time = 40_000_000;

/// Something processes wait on: a version that changes, and when it last did.
#[derive(Default)]
pub struct Signal {
    pub version: StdCell<u64>,
    pub at: StdCell<Time>,
    /// The trace object a wait on it is for (a channel, a child), named in the waiter's `WaitReason`.
    pub obj: StdCell<Option<ObjId>>,
    /// A wait on it is a wait for the network (`net.rs`): `WaitReason::Net` rather than `Process`.
    pub net: StdCell<bool>,
}

impl Signal {
    pub fn notify(&self, now: Time) {
        self.version.set(self.version.get() + 1);
        self.at.set(now);
    }
}

/// A buffer of pickled messages: a pipe's direction, or a queue.
pub struct Chan {
    /// Each message with the virtual time it was sent at (it cannot be received earlier) and its number in
    /// the trace (`EventKind::MessageSent`).
    pub items: RefCell<VecDeque<(Time, pickle::P, u32)>>,
    pub signal: Rc<Signal>,
    /// Between threads of one process (`ThreadPool`): items travel as themselves, unpickled.
    pub raw: bool,
}

/// A shared value, changed in place by any process.
pub struct Cell {
    pub value: RefCell<Value>,
    pub signal: Rc<Signal>,
}

/// A child process as its parent sees it.
pub struct Handle {
    pub pid: u32,
    pub exitcode: StdCell<Option<i32>>,
    /// Set by `terminate()`/`kill()`: the session ends the process with this code before it runs again.
    pub kill: StdCell<Option<i32>>,
    pub signal: Rc<Signal>,
}

/// A forked interpreter waiting for the session to adopt it.
pub struct Child {
    pub vm: Box<Vm>,
    pub handle: Rc<Handle>,
    /// Its name (`Process-1`), for its lane.
    pub name: String,
    /// The virtual time it takes to start (`FORK_COST`, `SPAWN_COST`).
    pub cost: Time,
}

impl NativeObject for Chan {
    fn type_name(&self) -> &'static str {
        "_il_chan"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl NativeObject for Cell {
    fn type_name(&self) -> &'static str {
        "_il_cell"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl NativeObject for Handle {
    fn type_name(&self) -> &'static str {
        "_il_handle"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// Native objects that are the same object in every process (they travel as themselves).
pub fn is_shared(o: &dyn Any) -> bool {
    o.is::<Chan>() || o.is::<Cell>() || o.is::<Handle>() || o.is::<crate::net::natives::SockRef>()
}

fn signal_of(v: &Value) -> Option<Rc<Signal>> {
    let Value::Object(o) = v else { return None };
    let any = o.as_any();
    if let Some(c) = any.downcast_ref::<Chan>() {
        return Some(c.signal.clone());
    }
    if let Some(c) = any.downcast_ref::<Cell>() {
        return Some(c.signal.clone());
    }
    any.downcast_ref::<Handle>().map(|h| h.signal.clone())
}

fn obj<'a, T: 'static>(v: &'a Value, what: &str) -> PyResult<&'a T> {
    match v {
        Value::Object(o) => o.as_any().downcast_ref::<T>(),
        _ => None,
    }
    .ok_or_else(|| Exc::type_error(format!("expected a {what}")))
}

impl Vm {
    /// Marks a change of `sig` now, and wakes this process's threads waiting for it at once, at this very
    /// instruction (other processes notice when they next run), so that slicing never moves a wakeup.
    pub fn notify(&mut self, sig: &Rc<Signal>) {
        sig.notify(self.world.now);
        for i in 0..self.threads.list.len() {
            if Some(i) == self.threads.holder {
                continue;
            }
            let crate::threads::Status::Blocked(b @ Block::Signal { sig: s, .. }) = &self.threads.list[i].status else {
                continue;
            };
            if !Rc::ptr_eq(s, sig) {
                continue;
            }
            let b = b.clone();
            self.threads.list[i].status = crate::threads::Status::Runnable;
            self.threads.list[i].pending = Some(b);
            self.want_gil(i);
        }
    }

    /// A child interpreter whose heap is a copy of this one's, `process` (the `Process` object) included,
    /// and whose one thread will run `multiprocessing._il_child_main(process)`.
    fn fork_child(&mut self, process: &Value, pid: u32) -> PyResult<Box<Vm>> {
        let mut copier = fork::Copier::new(self.ts.index);
        // Every module's globals first, so that functions find their module's copy.
        let mut child = Box::new(Vm::new_empty_like(self));
        let main = copier.dict_rc(&self.main_globals);
        let builtins = copier.dict_rc(&self.builtins);
        let names: Vec<(crate::dict::HKey, Value)> =
            self.modules.map.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        for (k, v) in names {
            let m = copier.copy(&v);
            child.modules.insert(k, m);
        }
        child.main_globals = main;
        child.builtins = builtins;
        let process = copier.copy(process);
        copier.finish();
        // Objects keep their stand-in addresses: `id()` and reprs read the same in the child, as after fork().
        {
            let parent = self.addresses.borrow();
            let mut mine = child.addresses.borrow_mut();
            mine.0 = parent.0;
            for (old, new) in &copier.memo {
                if let (Some(&a), Some(p)) = (parent.1.get(old), new.ptr()) {
                    mine.1.insert(p, a);
                }
            }
        }
        drop(copier);
        child.pid = pid;
        child.ppid = self.pid;
        child.machine = true;
        let mp = child.import("multiprocessing")?;
        let entry = child.getattr(&mp, "_il_child_main")?;
        let mut frames = Thread::default();
        match child.prepare_call(entry, vec![process], Vec::new())? {
            crate::vm::call::Prepared::Frame(mut f) => {
                f.ret = Ret::Exit;
                frames.frames.push(f);
            }
            crate::vm::call::Prepared::Value(_) => return Err(Exc::runtime("cannot start a process")),
        }
        child.threads.list.clear();
        child.add_main_thread(frames);
        Ok(child)
    }
}

/// `_il_mp.fork(process, name)`: starts a child process running `process` and returns its handle.
fn fork(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
    args::no_kw("fork", k)?;
    let [process, name] = a else {
        return Err(Exc::type_error("fork() takes 2 arguments"));
    };
    let name = vm.to_str(name)?.to_string();
    vm.world.pids += 1;
    let pid = MAIN_PID + vm.world.pids;
    let child = vm.fork_child(process, pid)?;
    Ok(adopt(vm, child, pid, name, FORK_COST))
}

/// Queues `child` for the session to adopt and returns its handle.
fn adopt(vm: &mut Vm, child: Box<Vm>, pid: u32, name: String, cost: Time) -> Value {
    let handle = Rc::new(Handle {
        pid,
        exitcode: StdCell::new(None),
        kill: StdCell::new(None),
        signal: Rc::new(Signal::default()),
    });
    handle
        .signal
        .obj
        .set(Some(trace_object(vm, ObjKind::Process, name.clone())));
    vm.forked.push(Child {
        vm: child,
        handle: handle.clone(),
        name,
        cost,
    });
    vm.machine = true;
    // Leave the interpreter at the next instruction so the session adopts the child at once.
    vm.world.step_limit = vm.world.steps;
    Value::Object(handle)
}

/// `_il_mp.spawn(process, name, method)`: starts a child process as the `spawn` start method does: a fresh
/// interpreter, sent `process` pickled (so its target and arguments must pickle, by pickle's rules), whose
/// thread runs `multiprocessing._il_spawn_main(name, method)`: the program again as `__mp_main__`, then the
/// process.
fn spawn(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
    args::no_kw("spawn", k)?;
    let [process, name, method] = a else {
        return Err(Exc::type_error("spawn() takes 3 arguments"));
    };
    let data = pickle::dumps(vm, process)?;
    let title = vm.to_str(name)?.to_string();
    vm.world.pids += 1;
    let pid = MAIN_PID + vm.world.pids;
    let mut child = Box::new(Vm::new_empty_like(vm));
    child.builtins = Rc::new(RefCell::new(vm.builtins.borrow().clone()));
    {
        let mut g = child.main_globals.borrow_mut();
        g.set_str("__name__", Value::str("__mp_main__"));
        g.set_str("__file__", Value::str(&vm.filename));
        g.set_str("__doc__", Value::None);
    }
    child.spawned = Some(data);
    child.pid = pid;
    child.ppid = vm.pid;
    let mp = child.import("multiprocessing")?;
    let entry = child.getattr(&mp, "_il_spawn_main")?;
    let mut frames = Thread::default();
    match child.prepare_call(entry, vec![name.clone(), method.clone()], Vec::new())? {
        crate::vm::call::Prepared::Frame(mut f) => {
            f.ret = Ret::Exit;
            frames.frames.push(f);
        }
        crate::vm::call::Prepared::Value(_) => return Err(Exc::runtime("cannot start a process")),
    }
    child.threads.list.clear();
    child.add_main_thread(frames);
    Ok(adopt(vm, child, pid, title, SPAWN_COST))
}

/// `_il_mp.spawned()`: in a spawned child, the `Process` object its parent sent, unpickled here.
fn spawned(vm: &mut Vm, _a: &[Value], _k: &Kwargs) -> PyResult {
    let data = vm.spawned.take().ok_or_else(|| Exc::runtime("not a spawned process"))?;
    pickle::loads(vm, &data)
}

/// `_il_mp.wait(obj, seen, timeout)`: blocks until `obj`'s version is no longer `seen`, or the timeout.
fn wait(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let [o, seen, timeout] = a else {
        return Err(Exc::type_error("wait() takes 3 arguments"));
    };
    let sig = signal_of(o).ok_or_else(|| Exc::type_error("nothing to wait on"))?;
    let seen = args::int_arg(vm, seen)? as u64;
    if sig.version.get() != seen && sig.at.get() <= vm.world.now {
        return Ok(Value::Bool(true));
    }
    let mut until = match timeout {
        Value::None => None,
        t => {
            let secs = crate::modules::float_arg(vm, t)?.max(0.0);
            Some(
                vm.world
                    .now
                    .saturating_add((secs * 1e9).min(1e18) as Time)
                    .min(END_OF_TIME),
            )
        }
    };
    if until.is_some_and(|u| u <= vm.world.now) {
        return Ok(Value::Bool(false));
    }
    // Changed later in virtual time by a process that ran first: the change is visible from then on.
    let at = sig.at.get();
    if at > vm.world.now {
        until = Some(until.map_or(at, |u| u.min(at)));
    }
    if vm.ts.nested_cap.is_some() {
        return Err(Exc::runtime(
            "Interleave cannot block a thread inside a call made by a builtin (a key function, __repr__, __eq__...)",
        ));
    }
    vm.block(Block::Signal { sig, seen, until });
    Ok(Value::None)
}

fn version(_vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let sig = a
        .first()
        .and_then(signal_of)
        .ok_or_else(|| Exc::type_error("no signal"))?;
    Ok(Value::Int(sig.version.get() as i64))
}

/// `_il_mp.touch(obj)`: wakes whoever waits on `obj` without changing it (a pipe's other end closed).
fn touch(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let sig = a
        .first()
        .and_then(signal_of)
        .ok_or_else(|| Exc::type_error("no signal"))?;
    vm.notify(&sig);
    Ok(Value::None)
}

/// A trace object for something processes wait on, named `label` or, for a label ending in `-`, by its count
/// (`Queue-1`).
fn trace_object(vm: &mut Vm, kind: ObjKind, mut name: String) -> ObjId {
    if name.ends_with('-') {
        let n = vm.world.obj_counts.by_label.entry(name.clone()).or_default();
        *n += 1;
        name.push_str(&n.to_string());
    }
    let created_line = vm.ts.line;
    let objects = &mut vm.world.trace.objects;
    objects.push(ObjInfo {
        kind,
        name,
        created_line,
        internal: false,
        capacity: None,
    });
    objects.len() as ObjId - 1
}

/// `_il_mp.chan(label="Queue", exact=False)`: a new channel, named `Queue-1` (or `Pipe-1`), or `label` itself
/// when `exact`, in the trace; given another
/// channel instead, named as that one (a pipe's other direction); given `True`, a raw channel between threads of
/// one process (`ThreadPool`), whose items pass as they are, unpickled and untraced.
fn chan(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    if let Some(Value::Bool(true)) = a.first() {
        return Ok(Value::Object(Rc::new(Chan {
            items: RefCell::new(VecDeque::new()),
            signal: Rc::new(Signal::default()),
            raw: true,
        })));
    }
    let other = a.first().and_then(|c| obj::<Chan>(c, "").ok()?.signal.obj.get());
    let label = match (a.first(), other) {
        (_, Some(o)) => vm.world.trace.object_name(o).to_string(),
        // A name to keep as it is (`Pool-1 task queue`), or a label to number.
        (Some(Value::Str(s)), _) if matches!(a.get(1), Some(Value::Bool(true))) => s.to_string(),
        (Some(Value::Str(s)), _) => format!("{s}-"),
        _ => "Queue-".into(),
    };
    let signal = Rc::new(Signal::default());
    signal.obj.set(Some(trace_object(vm, ObjKind::Channel, label)));
    Ok(Value::Object(Rc::new(Chan {
        items: RefCell::new(VecDeque::new()),
        signal,
        raw: false,
    })))
}

/// `_il_mp.put(chan, obj)`: pickles `obj` here and appends it.
fn put(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let [c, item] = a else {
        return Err(Exc::type_error("put() takes 2 arguments"));
    };
    let c = obj::<Chan>(c, "channel")?;
    let p = if c.raw {
        pickle::P::Atom(item.clone())
    } else {
        pickle::dumps(vm, item)?
    };
    let msg = vm.world.trace.messages.len() as u32;
    if let (false, Some(channel)) = (c.raw, c.signal.obj.get()) {
        let text = brief(vm, item, 2);
        vm.world.trace.messages.push(text);
        vm.event(vm.ts.current_task, EventKind::MessageSent { channel, msg });
    }
    c.items.borrow_mut().push_back((vm.world.now, p, msg));
    vm.notify(&c.signal);
    Ok(Value::None)
}

/// A message as its arrow's title shows it: a short repr of numbers and strings, the shape of the rest. Never
/// runs the program's code (no `__repr__`).
fn brief(vm: &mut Vm, v: &Value, depth: usize) -> String {
    const MAX: usize = 40;
    let s = match v {
        Value::Str(s) => crate::pyfmt::str_repr(&s.chars().take(MAX).collect::<String>()),
        Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_) => {
            vm.repr(v).map_or_else(|_| "?".into(), |r| r.to_string())
        }
        Value::Tuple(t) if depth > 0 && t.len() <= 4 => {
            let parts: Vec<String> = t.iter().map(|x| brief(vm, x, depth - 1)).collect();
            let comma = if t.len() == 1 { "," } else { "" };
            format!("({}{comma})", parts.join(", "))
        }
        Value::Tuple(t) => format!("tuple of {}", t.len()),
        Value::List(l) => format!("list of {}", l.borrow().len()),
        other => format!("{} object", vm.type_name(other)),
    };
    match s.char_indices().nth(MAX) {
        Some((at, _)) => format!("{}\u{2026}", &s[..at]),
        None => s,
    }
}

/// `_il_mp.get(chan)`: `(True, item)` unpickled here, or `(False, None)` when empty.
fn get(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let c = obj::<Chan>(a.first().unwrap_or(&Value::None), "channel")?;
    // A message sent later in virtual time (by a process that ran first) has not arrived yet.
    let due = c.items.borrow().front().is_some_and(|(at, ..)| *at <= vm.world.now);
    let taken = if due { c.items.borrow_mut().pop_front() } else { None };
    let Some((_, p, msg)) = taken else {
        return Ok(Value::tuple(vec![Value::Bool(false), Value::None]));
    };
    if let Some(channel) = c.signal.obj.get() {
        vm.event(vm.ts.current_task, EventKind::MessageReceived { channel, msg });
    }
    vm.notify(&c.signal);
    let v = pickle::loads(vm, &p)?;
    Ok(Value::tuple(vec![Value::Bool(true), v]))
}

fn size(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let c = obj::<Chan>(a.first().unwrap_or(&Value::None), "channel")?;
    // With a true second argument, messages still on their way count too.
    let now = if matches!(a.get(1), Some(Value::Bool(true))) {
        Time::MAX
    } else {
        vm.world.now
    };
    Ok(Value::Int(
        c.items.borrow().iter().filter(|(at, ..)| *at <= now).count() as i64,
    ))
}

/// `_il_mp.dumps(obj)`: checks that `obj` can be pickled, as sending it would (`Pool` checks its tasks).
fn check(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let p = pickle::dumps(vm, a.first().unwrap_or(&Value::None))?;
    pickle::loads(vm, &p)
}

fn cell(_vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    Ok(Value::Object(Rc::new(Cell {
        value: RefCell::new(a.first().cloned().unwrap_or_default()),
        signal: Rc::new(Signal::default()),
    })))
}

fn cell_get(_vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let c = obj::<Cell>(a.first().unwrap_or(&Value::None), "cell")?;
    let v = c.value.borrow().clone();
    Ok(v)
}

fn cell_set(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let [c, v] = a else {
        return Err(Exc::type_error("cell_set() takes 2 arguments"));
    };
    let c = obj::<Cell>(c, "cell")?;
    *c.value.borrow_mut() = v.clone();
    vm.notify(&c.signal);
    Ok(Value::None)
}

/// `_il_mp.cas(cell, old, new)`: sets `new` if the value equals `old`, atomically; whether it did.
fn cas(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let [c, old, new] = a else {
        return Err(Exc::type_error("cas() takes 3 arguments"));
    };
    let c = obj::<Cell>(c, "cell")?;
    // Changed later in virtual time by a process that ran first: not before then (`wait` sleeps until it).
    if c.signal.at.get() > vm.world.now {
        return Ok(Value::Bool(false));
    }
    let cur = c.value.borrow().clone();
    if !vm.eq(&cur, old)? {
        return Ok(Value::Bool(false));
    }
    *c.value.borrow_mut() = new.clone();
    vm.notify(&c.signal);
    Ok(Value::Bool(true))
}

fn handle_exitcode(_vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let h = obj::<Handle>(a.first().unwrap_or(&Value::None), "process handle")?;
    Ok(h.exitcode.get().map_or(Value::None, |c| Value::Int(c as i64)))
}

fn handle_pid(_vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let h = obj::<Handle>(a.first().unwrap_or(&Value::None), "process handle")?;
    Ok(Value::Int(h.pid as i64))
}

/// `_il_mp.kill(handle, code)`: the process ends with `code` (-15 for SIGTERM, -9 for SIGKILL).
fn kill(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let [h, code] = a else {
        return Err(Exc::type_error("kill() takes 2 arguments"));
    };
    let h = obj::<Handle>(h, "process handle")?;
    let code = args::int_arg(vm, code)? as i32;
    if h.exitcode.get().is_none() && h.kill.get().is_none() {
        h.kill.set(Some(code));
        // Leave the interpreter so the session ends the process before anything else runs.
        vm.world.step_limit = vm.world.steps;
    }
    Ok(Value::None)
}

pub fn native_module(vm: &mut Vm) -> Value {
    for name in ["_il_chan", "_il_cell", "_il_handle"] {
        vm.types.register_native_in("_il_mp", name, &[]);
    }
    let funcs: crate::modules::Funcs = &[
        ("fork", fork),
        ("spawn", spawn),
        ("spawned", spawned),
        ("wait", wait),
        ("version", version),
        ("chan", chan),
        ("touch", touch),
        ("put", put),
        ("get", get),
        ("size", size),
        ("check", check),
        ("cell", cell),
        ("cell_get", cell_get),
        ("cell_set", cell_set),
        ("cas", cas),
        ("exitcode", handle_exitcode),
        ("pid", handle_pid),
        ("kill", kill),
        ("getpid", |vm, _, _| Ok(Value::Int(vm.pid as i64))),
        ("getppid", |vm, _, _| Ok(Value::Int(vm.ppid as i64))),
        ("cpu_count", |vm, _, _| Ok(Value::Int(vm.threads.cpu_count as i64))),
    ];
    crate::modules::module(vm, "_il_mp", funcs, vec![])
}
