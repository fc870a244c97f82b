//! `_thread`, natively: starting threads, `Lock` and `RLock` (which block the calling thread off the GIL), idents.
//!
//! Everything else of `threading`, `queue` and `concurrent.futures` is Python built on these, as in CPython.

use super::Block;
use crate::exc::{Exc, ExcType, PyResult};
use crate::native::{Kwargs, NativeFn, NativeObject};
use crate::trace::{EventKind, ObjId};
use crate::types::args;
use crate::value::Value;
use crate::vm::frame::{Ret, Thread};
use crate::vm::Vm;
use std::any::Any;
use std::cell::Cell;
use std::rc::Rc;

/// The most a timeout may be, in seconds (CPython's `_thread.TIMEOUT_MAX` on Linux).
const TIMEOUT_MAX: f64 = 9_223_372_036.0;

/// A lock's state, shared with the threads blocked on it.
pub struct LockObj {
    pub locked: Cell<bool>,
    /// The thread holding it (the one that took it; any thread may release a plain lock).
    pub owner: super::Owner,
    /// How often the owner holds an `RLock`.
    pub count: Cell<u32>,
    pub reentrant: bool,
    pub waiters: super::Waiters,
    /// Its trace object, made the first time a thread waits for it.
    pub obj: Cell<Option<ObjId>>,
    /// What waiting for it means, when it is a part of something bigger (`_il_tag`): a `Condition`'s waiter
    /// lock, a `Queue`'s mutex, a thread's end.
    pub tag: std::cell::RefCell<Option<Tag>>,
}

/// What a lock stands for in the trace.
#[derive(Clone)]
pub enum Tag {
    /// Waiting for it waits on a synchronisation object (the target's `key`), as `op`.
    Sync {
        key: u64,
        kind: crate::trace::ObjKind,
        label: String,
        op: crate::trace::SyncOp,
    },
    /// Waiting for it waits for the thread with this ident to end (or to start).
    Thread(u64),
}

/// `_thread.lock` and `_thread.RLock` objects.
pub struct Lock(pub Rc<LockObj>);

impl NativeObject for Lock {
    fn type_name(&self) -> &'static str {
        if self.0.reentrant {
            "RLock"
        } else {
            "lock"
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, vm: &mut Vm) -> Option<PyResult<String>> {
        let lock = &self.0;
        let state = if lock.locked.get() { "locked" } else { "unlocked" };
        let addr = crate::vm::repr::addr_of(vm, self);
        Some(Ok(if lock.reentrant {
            let owner = match lock.owner.get() {
                Some(o) if lock.locked.get() => vm.threads.list.get(o).map_or(0, |t| t.ident),
                _ => 0,
            };
            let count = if lock.locked.get() { lock.count.get() } else { 0 };
            format!("<{state} _thread.RLock object owner={owner} count={count} at {addr}>")
        } else {
            format!("<{state} _thread.lock object at {addr}>")
        }))
    }
}

/// A forked child's copy of a `_thread` lock (`procs/fork.rs`): held or not as at the fork, by the child's
/// one thread if the forking thread held it, else by a thread the child does not have (as after `fork()`).
pub fn fork_copy(v: &Value, forking: usize) -> Option<Value> {
    let Value::Object(o) = v else { return None };
    let lock = &o.as_any().downcast_ref::<Lock>()?.0;
    let owner = lock.owner.get().map(|t| if t == forking { 0 } else { usize::MAX });
    Some(Value::Object(Rc::new(Lock(Rc::new(LockObj {
        locked: Cell::new(lock.locked.get()),
        owner: Cell::new(owner),
        count: Cell::new(lock.count.get()),
        reentrant: lock.reentrant,
        waiters: Default::default(),
        obj: Cell::new(None),
        tag: std::cell::RefCell::new(lock.tag.borrow().clone()),
    })))))
}

fn new_lock(reentrant: bool) -> Value {
    Value::Object(Rc::new(Lock(Rc::new(LockObj {
        locked: Cell::new(false),
        owner: Cell::new(None),
        count: Cell::new(0),
        reentrant,
        waiters: Default::default(),
        obj: Cell::new(None),
        tag: Default::default(),
    }))))
}

/// Takes the lock for thread `me` if it can be taken now.
pub fn try_acquire(vm: &mut Vm, lock: &LockObj, me: usize) -> bool {
    if lock.reentrant && lock.locked.get() && lock.owner.get() == Some(me) {
        lock.count.set(lock.count.get().saturating_add(1));
        return true;
    }
    if lock.locked.get() {
        return false;
    }
    lock.locked.set(true);
    lock.owner.set(Some(me));
    lock.count.set(1);
    if let Some(obj) = lock.obj.get() {
        let task = vm.ts.current_task;
        vm.event(task, EventKind::Acquired { obj });
    }
    true
}

fn lock_of<'a>(name: &str, a: &'a [Value]) -> PyResult<&'a Rc<LockObj>> {
    match a.first().and_then(|v| v.as_native::<Lock>()) {
        Some(l) => Ok(&l.0),
        None => Err(Exc::type_error(format!("descriptor '{name}' requires a lock object"))),
    }
}

/// `acquire(blocking=True, timeout=-1)`.
fn acquire(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
    let lock = lock_of("acquire", a)?.clone();
    let slots = args::bind("acquire", &["blocking", "timeout"], args::rest(a), k)?;
    let blocking = match &slots[0] {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let timeout = match &slots[1] {
        Some(v) => crate::modules::float_arg(vm, v)?,
        None => -1.0,
    };
    if !blocking && timeout != -1.0 {
        return Err(Exc::value_error("can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(Exc::value_error("timeout value must be positive"));
    }
    if timeout > TIMEOUT_MAX {
        return Err(Exc::new(ExcType::OverflowError, "timeout value is too large"));
    }
    let me = vm.ts.index;
    if try_acquire(vm, &lock, me) {
        return Ok(Value::Bool(true));
    }
    if !blocking || timeout == 0.0 {
        return Ok(Value::Bool(false));
    }
    if vm.ts.nested_cap.is_some() {
        return Err(Exc::runtime(
            "Interleave cannot block a thread inside a call made by a builtin (a key function, __repr__, __eq__...)",
        ));
    }
    let until = (timeout >= 0.0).then(|| {
        let ns = (timeout * 1e9).ceil() as u64;
        vm.world.now.saturating_add(ns).min(crate::trace::END_OF_TIME)
    });
    vm.block(Block::Lock { lock, until, count: 1 });
    Ok(Value::None)
}

fn release(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
    let lock = lock_of("release", a)?.clone();
    args::noargs("release", args::rest(a), k)?;
    release_lock(vm, &lock)?;
    Ok(Value::None)
}

fn release_lock(vm: &mut Vm, lock: &LockObj) -> PyResult<()> {
    if lock.reentrant {
        if !lock.locked.get() || lock.owner.get() != Some(vm.ts.index) {
            return Err(Exc::runtime("cannot release un-acquired lock"));
        }
        lock.count.set(lock.count.get() - 1);
        if lock.count.get() > 0 {
            return Ok(());
        }
    } else if !lock.locked.get() {
        return Err(Exc::runtime("release unlocked lock"));
    }
    lock.locked.set(false);
    lock.owner.set(None);
    lock.count.set(0);
    if let Some(obj) = lock.obj.get() {
        let task = vm.ts.current_task;
        vm.event(task, EventKind::Released { obj });
    }
    vm.wake_lock_waiter(lock);
    Ok(())
}

fn locked(_: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult {
    Ok(Value::Bool(lock_of("locked", a)?.locked.get()))
}

fn exit(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult {
    let lock = lock_of("__exit__", a)?.clone();
    release_lock(vm, &lock)?;
    Ok(Value::None)
}

fn is_owned(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult {
    let lock = lock_of("_is_owned", a)?;
    Ok(Value::Bool(lock.locked.get() && lock.owner.get() == Some(vm.ts.index)))
}

/// `RLock._release_save()`: lets go whatever the count, for `Condition.wait`; returns what restores it.
fn release_save(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult {
    let lock = lock_of("_release_save", a)?.clone();
    if !lock.locked.get() || lock.owner.get() != Some(vm.ts.index) {
        return Err(Exc::runtime("cannot release un-acquired lock"));
    }
    let count = lock.count.get();
    lock.count.set(1);
    release_lock(vm, &lock)?;
    let ident = vm.current_ident();
    Ok(Value::tuple(vec![Value::Int(count as i64), Value::Int(ident as i64)]))
}

/// `RLock._acquire_restore(state)`: takes the lock again (blocking) with the saved count.
fn acquire_restore(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult {
    let lock = lock_of("_acquire_restore", a)?.clone();
    let count = match a.get(1) {
        Some(Value::Tuple(t)) => match t.first() {
            Some(Value::Int(n)) => *n as u32,
            _ => 1,
        },
        _ => 1,
    };
    let me = vm.ts.index;
    if try_acquire(vm, &lock, me) {
        lock.count.set(count.max(1));
        return Ok(Value::None);
    }
    vm.block(Block::Lock {
        lock,
        until: None,
        count: count.max(1),
    });
    Ok(Value::None)
}

fn recursion_count(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult {
    let lock = lock_of("_recursion_count", a)?;
    let mine = lock.locked.get() && lock.owner.get() == Some(vm.ts.index);
    Ok(Value::Int(if mine { lock.count.get() as i64 } else { 0 }))
}

fn start_new_thread(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
    args::no_kw("start_new_thread", k)?;
    if a.len() < 2 || a.len() > 3 {
        return Err(Exc::type_error(format!(
            "start_new_thread expected at least 2 arguments, got {}",
            a.len()
        )));
    }
    let func = a[0].clone();
    let callable = match &func {
        Value::Function(_) | Value::Native(_) | Value::Method(_) | Value::Class(_) => true,
        Value::Instance(_) | Value::Object(_) => vm.class_of(&func).lookup("__call__").is_some(),
        _ => false,
    };
    if !callable {
        return Err(Exc::type_error("first arg must be callable"));
    }
    if !matches!(a[1], Value::Tuple(_)) {
        return Err(Exc::type_error("2nd arg must be a tuple"));
    }
    let kwargs = match a.get(2) {
        None => Value::dict(crate::dict::Dict::new()),
        Some(d @ Value::Dict(_)) => d.clone(),
        Some(_) => return Err(Exc::type_error("optional 3rd arg must be a dictionary")),
    };
    let boot = vm.import("_il_thread")?;
    let bootstrap = vm.getattr(&boot, "bootstrap")?;
    let mut frames = Thread::default();
    match vm.prepare_call(bootstrap, vec![func.clone(), a[1].clone(), kwargs], Vec::new())? {
        crate::vm::call::Prepared::Frame(mut f) => {
            f.ret = Ret::Exit;
            frames.frames.push(f);
        }
        crate::vm::call::Prepared::Value(_) => return Err(Exc::runtime("can't start new thread")),
    }
    let func_name = match vm.getattr_opt(&func, "__name__")? {
        Some(Value::Str(s)) => s.to_string(),
        _ => String::new(),
    };
    let name = if func_name.is_empty() {
        "Thread".to_string()
    } else {
        format!("Thread ({func_name})")
    };
    let ident = vm.spawn_thread(frames, name, func_name);
    Ok(Value::Int(ident as i64))
}

/// `_thread._il_tag(lock, target, kind, op)`: waiting for `lock` means waiting on `target`, a `kind` ("Event",
/// "Queue", "Thread" with `target` its ident...) for `op` ("wait", "get", "put", "join", "acquire").
fn tag(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult {
    let lock = lock_of("_il_tag", a)?.clone();
    let (Some(target), Some(Value::Str(kind)), Some(Value::Str(op))) = (a.get(1), a.get(2), a.get(3)) else {
        return Ok(Value::None);
    };
    use crate::trace::{ObjKind, SyncOp};
    let op = match &**op {
        "wait" => SyncOp::Wait,
        "get" => SyncOp::Get,
        "put" => SyncOp::Put,
        "join" => SyncOp::Join,
        _ => SyncOp::Acquire,
    };
    let t = match (&**kind, target) {
        ("Thread", Value::Int(ident)) => Tag::Thread(*ident as u64),
        (label, target) => Tag::Sync {
            key: crate::vm::repr::stable_id(vm, target),
            kind: match label {
                "Event" => ObjKind::Event,
                "Semaphore" => ObjKind::Semaphore,
                "BoundedSemaphore" => ObjKind::BoundedSemaphore,
                "Queue" | "SimpleQueue" => ObjKind::Queue,
                "PriorityQueue" => ObjKind::PriorityQueue,
                "LifoQueue" => ObjKind::LifoQueue,
                "Lock" | "RLock" => ObjKind::Lock,
                _ => ObjKind::Condition,
            },
            label: label.to_string(),
            op,
        },
    };
    *lock.tag.borrow_mut() = Some(t);
    Ok(Value::None)
}

/// `_thread._il_set_name(ident, name)`: the name the thread's lane shows.
fn set_name(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult {
    if let (Some(Value::Int(ident)), Some(Value::Str(name))) = (a.first(), a.get(1)) {
        let lane = vm
            .threads
            .list
            .iter()
            .find(|t| t.ident as i64 == *ident)
            .map(|t| t.lane);
        if let Some(task) = lane.and_then(|l| vm.world.trace.tasks.get_mut(l as usize)) {
            task.name = name.to_string();
        }
    }
    Ok(Value::None)
}

pub fn native_module(vm: &mut Vm) -> Value {
    let methods: &[(&'static str, NativeFn)] = &[
        ("acquire", acquire),
        ("acquire_lock", acquire),
        ("__enter__", acquire),
        ("release", release),
        ("release_lock", release),
        ("__exit__", exit),
        ("locked", locked),
        ("locked_lock", locked),
    ];
    let lock_type = vm.types.register_native_in("_thread", "lock", methods);
    let rlock_methods: &[(&'static str, NativeFn)] = &[
        ("__new__", |_, _, _| Ok(new_lock(true))),
        ("acquire", acquire),
        ("__enter__", acquire),
        ("release", release),
        ("__exit__", exit),
        ("_is_owned", is_owned),
        ("_release_save", release_save),
        ("_acquire_restore", acquire_restore),
        ("_recursion_count", recursion_count),
    ];
    let rlock_type = vm.types.register_native_in("_thread", "RLock", rlock_methods);
    let funcs: crate::modules::Funcs = &[
        ("start_new_thread", start_new_thread),
        ("start_new", start_new_thread),
        ("allocate_lock", |_, a, k| {
            args::noargs("allocate_lock", a, k)?;
            Ok(new_lock(false))
        }),
        ("allocate", |_, _, _| Ok(new_lock(false))),
        ("get_ident", |vm, _, _| Ok(Value::Int(vm.current_ident() as i64))),
        ("get_native_id", |vm, _, _| Ok(Value::Int(4100 + vm.ts.index as i64))),
        ("_count", |vm, _, _| {
            let n = vm
                .threads
                .list
                .iter()
                .skip(1)
                .filter(|t| !matches!(t.status, super::Status::Done))
                .count();
            Ok(Value::Int(n as i64))
        }),
        ("stack_size", |_, _, _| Ok(Value::Int(0))),
        ("_il_set_name", set_name),
        ("_il_tag", tag),
        ("_il_cpu_count", |vm, _, _| Ok(Value::Int(vm.threads.cpu_count as i64))),
    ];
    let error = vm.builtins.borrow().get_str("RuntimeError").unwrap_or_default();
    crate::modules::module(
        vm,
        "_thread",
        funcs,
        vec![
            ("LockType", Value::Class(lock_type)),
            ("RLock", Value::Class(rlock_type)),
            ("error", error),
            ("TIMEOUT_MAX", Value::Float(TIMEOUT_MAX)),
        ],
    )
}
