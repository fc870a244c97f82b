//! Rust fast paths for the prelude's `Queue`, `Lock`, `Event` and `Semaphore`: `await q.put(x)` on a queue
//! with room and `await q.get()` on one with items do exactly what the prelude's `put_nowait`/`get_nowait` do,
//! `await lock.acquire()` on a free lock and `lock.release()` what theirs do, and so on, without running their
//! Python.
//!
//! They apply only to instances of the prelude's own classes (a subclass may override `_put`, `_get`, `full`
//! or `_wake_up_first`), and only when every attribute they touch has the type the prelude gave it; otherwise
//! they change nothing and the Python path runs, which raises, waits or wakes as CPython's does.
//!
//! Two ways in. The prelude's Python calls some as `_interleave` functions (`queue_get`...) when it is run.
//! And `fast_paths` tags the methods listed in [`HOOKS`] (their code's `fast`): a call of one, with its
//! positional arguments exactly, first tries its hook (`Vm::fast_call`), and when the hook did the work its
//! result is the call's, with no frame made. A coroutine method is tried so only where the call is awaited at
//! once (`await q.get()`: the caller's next instructions are `GetAwaitable` and `Await`, which it then skips),
//! since a coroutine that is only made must do nothing until it is awaited. The steps that the method's Python
//! would have taken are not taken, so a run's clock differs from when it ran them, the same way every time.
//!
//! Also `Lock.acquire`'s `all(w.cancelled() for w in self._waiters)` (a deque), without a generator.

use super::as_future;
use crate::code::{Code, CodeKind, Instr};
use crate::dict::{Dict, StrKey};
use crate::exc::PyResult;
use crate::modules::deque::Deque;
use crate::trace::EventKind;
use crate::value::{Instance, Value};
use crate::vm::frame::Thread;
use crate::vm::Vm;
use std::cell::RefCell;
use std::rc::Rc;

/// `dict::hash_str`, at compile time, for the attribute names read here.
const fn name_hash(s: &str) -> u64 {
    let b = s.as_bytes();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < b.len() {
        h ^= b[i] as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    h
}

/// An attribute name with its hash, and the place the prelude's `__init__` gives it in an instance's dict
/// (a `Queue`'s, or its `Event`'s): looked at first, so that a lookup is one compare of keys, not a search
/// (at "z" the search is a chain of calls, about 200 instructions). A dict laid out otherwise is searched.
struct Name(&'static str, u64, usize);

macro_rules! name {
    ($s:literal, $at:literal) => {
        Name($s, name_hash($s), $at)
    };
}

const MAXSIZE: Name = name!("_maxsize", 0);
const GETTERS: Name = name!("_getters", 1);
const PUTTERS: Name = name!("_putters", 2);
const UNFINISHED: Name = name!("_unfinished_tasks", 3);
const FINISHED: Name = name!("_finished", 4);
const QUEUE: Name = name!("_queue", 5);
const VALUE: Name = name!("_value", 1);
// A `Lock`'s, as its `__init__` sets them; an `Event`'s and a `Semaphore`'s `_waiters` and `_il` are at the same
// places (a `BoundedSemaphore`'s are one further on, and searched).
const WAITERS: Name = name!("_waiters", 0);
const LOCKED: Name = name!("_locked", 1);
const IL: Name = name!("_il", 2);

/// Where `d` holds `n`: at its usual place, or found by a search.
fn index(d: &Dict, n: &Name) -> Option<usize> {
    if let Some((k, _)) = d.map.get_index(n.2) {
        if k.hash == n.1 && matches!(&k.value, Value::Str(s) if **s == *n.0) {
            return Some(n.2);
        }
    }
    d.map.get_index_of(&StrKey { hash: n.1, s: n.0 })
}

fn get(d: &RefCell<Dict>, n: &Name) -> Option<Value> {
    let d = d.borrow();
    let i = index(&d, n)?;
    d.map.get_index(i).map(|(_, v)| v.clone())
}

/// The prelude's classes whose plain instances get fast paths, in the order `fast_paths` takes them.
pub const QUEUE_CLASS: usize = 0;
const LOCK_CLASS: usize = 1;
const EVENT_CLASS: usize = 2;
const SEMAPHORE_CLASS: usize = 3;
const BOUNDED_CLASS: usize = 4;
const LOOP_CLASS: usize = 5;
pub const PLAIN_CLASSES: usize = 6;
/// In [`HOOKS`], a function of the prelude's module rather than a method.
const MODULE: usize = PLAIN_CLASSES;
/// The place of `sleep` in [`HOOKS`], plus one: its hook gives what to await, not the result.
const SLEEP_HOOK: u8 = 1;

/// The instance, when it is a plain one of the prelude's class `which` (`QUEUE_CLASS`...).
fn plain(vm: &Vm, which: usize, v: Option<&Value>) -> Option<Rc<Instance>> {
    let Some(Value::Instance(q)) = v else { return None };
    let cls = vm.ts.aio.plain[which].as_ref()?;
    (Rc::ptr_eq(&q.class.borrow(), cls) && q.exc.is_none()).then(|| q.clone())
}

/// The queue instance, when it is a plain `Queue` made by the prelude's class.
fn plain_queue(vm: &Vm, v: Option<&Value>) -> Option<Rc<Instance>> {
    plain(vm, QUEUE_CLASS, v)
}

/// Whether every item of a list of waiters is a future, checked before anything changes.
fn all_futures(l: &crate::value::ListCell) -> bool {
    l.borrow().iter().all(|w| as_future(w).is_some())
}

/// A list of waiter futures (`_getters`, `_putters`), checked before anything changes.
fn waiters(q: &Instance, name: &Name) -> Option<Rc<crate::value::ListCell>> {
    match get(&q.dict, name) {
        Some(Value::List(l)) if all_futures(&l) => Some(l),
        _ => None,
    }
}

/// `Queue._wakeup_next`: wakes the first waiter that is not done yet, dropping the ones before it.
fn wakeup_next(vm: &mut Vm, waiters: &crate::value::ListCell) -> PyResult<()> {
    loop {
        let w = {
            let mut l = waiters.borrow_mut();
            if l.is_empty() {
                return Ok(());
            }
            l.remove(0)
        };
        if let Some(f) = as_future(&w) {
            if !f.is_done() {
                return vm.fut_set_result(&f, Value::None);
            }
        }
    }
}

/// `d[name] = v` for a name `d` already holds, in place (what `set_str` does, without a new key).
fn replace(d: &RefCell<Dict>, name: &Name, v: Value) {
    let mut d = d.borrow_mut();
    match index(&d, name) {
        Some(i) => {
            if let Some((_, slot)) = d.map.get_index_mut(i) {
                *slot = v;
            }
        }
        None => d.set_str(name.0, v),
    }
}

/// `_interleave.queue_put(q, item)`: `put_nowait(item)` when `q` is a plain queue with room; whether it did.
pub fn queue_put(vm: &mut Vm, a: &[Value], _kw: &crate::native::Kwargs) -> PyResult {
    let item = a.get(1).cloned().unwrap_or_default();
    Ok(Value::Bool(try_put(vm, a.first(), item)?))
}

/// `put_nowait(item)` when `q` is a plain queue with room; whether it did.
fn try_put(vm: &mut Vm, q: Option<&Value>, item: Value) -> PyResult<bool> {
    let Some(q) = plain_queue(vm, q) else {
        return Ok(false);
    };
    // What it reads of the queue, in one borrow of its dict (at "z" each borrow, lookup and clone is a call).
    let (queue, unfinished_at, unfinished, ev, getters) = {
        let d = q.dict.borrow();
        let value = |i: Option<usize>| i.and_then(|i| d.map.get_index(i)).map(|(_, v)| v);
        let unfinished_at = index(&d, &UNFINISHED);
        let fields = (
            value(index(&d, &MAXSIZE)),
            value(index(&d, &QUEUE)),
            value(unfinished_at),
            value(index(&d, &FINISHED)),
            value(index(&d, &GETTERS)),
        );
        let (
            Some(Value::Int(maxsize)),
            Some(Value::List(queue)),
            Some(Value::Int(unfinished)),
            Some(Value::Instance(ev)),
            Some(Value::List(getters)),
        ) = fields
        else {
            return Ok(false);
        };
        // `full()`: the Python path raises or waits.
        if *maxsize > 0 && queue.borrow().len() as i64 >= *maxsize {
            return Ok(false);
        }
        let (Some(unfinished), Some(at)) = (unfinished.checked_add(1), unfinished_at) else {
            return Ok(false);
        };
        (queue.clone(), at, unfinished, ev.clone(), getters.clone())
    };
    if !all_futures(&getters) {
        return Ok(false);
    }
    let value_at = {
        let d = ev.dict.borrow();
        match index(&d, &VALUE) {
            Some(i) if matches!(d.map.get_index(i), Some((_, Value::Bool(_)))) => i,
            _ => return Ok(false),
        }
    };
    queue.borrow_mut().push(item);
    set_at(&q.dict, unfinished_at, Value::Int(unfinished));
    // `self._finished.clear()`.
    set_at(&ev.dict, value_at, Value::Bool(false));
    wakeup_next(vm, &getters)?;
    Ok(true)
}

/// `d`'s value at place `i`, found by `index` in the same step.
fn set_at(d: &RefCell<Dict>, i: usize, v: Value) {
    if let Some((_, slot)) = d.borrow_mut().map.get_index_mut(i) {
        *slot = v;
    }
}

/// `_interleave.queue_get(q, missing)`: `get_nowait()` when `q` is a plain queue with items, else `missing`.
pub fn queue_get(vm: &mut Vm, a: &[Value], _kw: &crate::native::Kwargs) -> PyResult {
    let missing = a.get(1).cloned().unwrap_or_default();
    Ok(try_get(vm, a.first())?.unwrap_or(missing))
}

/// `get_nowait()` when `q` is a plain queue with items: the item.
fn try_get(vm: &mut Vm, q: Option<&Value>) -> PyResult<Option<Value>> {
    let Some(q) = plain_queue(vm, q) else {
        return Ok(None);
    };
    let queue = get(&q.dict, &QUEUE);
    let Some(Value::List(queue)) = queue else {
        return Ok(None);
    };
    if queue.borrow().is_empty() {
        return Ok(None);
    }
    let Some(putters) = waiters(&q, &PUTTERS) else {
        return Ok(None);
    };
    let item = queue.borrow_mut().remove(0);
    wakeup_next(vm, &putters)?;
    Ok(Some(item))
}

/// `_interleave.queue_task_done(q)`: `task_done()` when `q` is a plain queue with more than one unfinished
/// task (so nothing is to be woken); whether it did.
pub fn queue_task_done(vm: &mut Vm, a: &[Value], _kw: &crate::native::Kwargs) -> PyResult {
    Ok(Value::Bool(try_task_done(vm, a.first())))
}

/// `task_done()` when `q` is a plain queue with more than one unfinished task; whether it did.
fn try_task_done(vm: &mut Vm, q: Option<&Value>) -> bool {
    let Some(q) = plain_queue(vm, q) else {
        return false;
    };
    let mut d = q.dict.borrow_mut();
    let Some(i) = index(&d, &UNFINISHED) else {
        return false;
    };
    match d.map.get_index_mut(i) {
        Some((_, slot)) => match *slot {
            Value::Int(n) if n > 1 => {
                *slot = Value::Int(n - 1);
                true
            }
            _ => false,
        },
        None => false,
    }
}

/// `_interleave.all_cancelled(futures)`: `all(f.cancelled() for f in futures)`, for a list or deque of futures.
pub fn all_cancelled(_vm: &mut Vm, a: &[Value], _kw: &crate::native::Kwargs) -> PyResult {
    let all = |ws: &mut dyn Iterator<Item = &Value>| -> PyResult {
        for w in ws {
            let f = as_future(w).ok_or_else(|| crate::exc::Exc::type_error("a Future was expected"))?;
            if f.state.get() != super::FutState::Cancelled {
                return Ok(Value::Bool(false));
            }
        }
        Ok(Value::Bool(true))
    };
    match a.first() {
        Some(Value::List(l)) => all(&mut l.borrow().iter()),
        Some(v) => match v.as_native::<crate::modules::deque::Deque>() {
            Some(d) => all(&mut d.items().iter()),
            None => Err(crate::exc::Exc::type_error("a list or deque of futures was expected")),
        },
        None => Err(crate::exc::Exc::type_error("a list or deque of futures was expected")),
    }
}

/// What a method's fast path does with the call's arguments (the receiver first): `Some(result)` when it did
/// the method's work, `None` when it changed nothing and the method's Python must run.
type Hook = fn(&mut Vm, &[Value]) -> PyResult<Option<Value>>;

/// The methods with a fast path: the class (`QUEUE_CLASS`...; `MODULE` for a function of the prelude's
/// module), the method's name, its hook. A method's code holds its place here plus one (`Code::fast`).
const HOOKS: [(usize, &str, Hook); 24] = [
    // `asyncio.sleep(delay)`: what it would await, to be awaited where it was called (see `fast_call`).
    (MODULE, "sleep", sleep_hook),
    (QUEUE_CLASS, "get", |vm, a| try_get(vm, a.first())),
    (QUEUE_CLASS, "get_nowait", |vm, a| try_get(vm, a.first())),
    (QUEUE_CLASS, "put", queue_put_hook),
    (QUEUE_CLASS, "put_nowait", queue_put_hook),
    (QUEUE_CLASS, "task_done", |vm, a| {
        Ok(try_task_done(vm, a.first()).then_some(Value::None))
    }),
    (QUEUE_CLASS, "qsize", |vm, a| {
        Ok(queue_len(vm, a).map(|(n, _)| Value::Int(n as i64)))
    }),
    (QUEUE_CLASS, "empty", |vm, a| {
        Ok(queue_len(vm, a).map(|(n, _)| Value::Bool(n == 0)))
    }),
    (QUEUE_CLASS, "full", |vm, a| {
        Ok(queue_len(vm, a).map(|(n, max)| Value::Bool(max > 0 && n as i64 >= max)))
    }),
    (LOCK_CLASS, "acquire", |vm, a| lock_acquire(vm, a, false)),
    (LOCK_CLASS, "__aenter__", |vm, a| lock_acquire(vm, a, true)),
    (LOCK_CLASS, "release", lock_release),
    (LOCK_CLASS, "__aexit__", lock_release),
    (LOCK_CLASS, "locked", |vm, a| {
        Ok(plain(vm, LOCK_CLASS, a.first())
            .and_then(|l| get(&l.dict, &LOCKED))
            .filter(|v| matches!(v, Value::Bool(_))))
    }),
    (EVENT_CLASS, "is_set", |vm, a| Ok(event_value(vm, a).map(Value::Bool))),
    (EVENT_CLASS, "wait", |vm, a| {
        Ok((event_value(vm, a) == Some(true)).then_some(Value::Bool(true)))
    }),
    (EVENT_CLASS, "set", event_set),
    (EVENT_CLASS, "clear", |vm, a| {
        let Some(e) = plain(vm, EVENT_CLASS, a.first()) else {
            return Ok(None);
        };
        replace(&e.dict, &VALUE, Value::Bool(false));
        Ok(Some(Value::None))
    }),
    (SEMAPHORE_CLASS, "acquire", |vm, a| {
        Ok(semaphore_acquire(vm, a).then_some(Value::Bool(true)))
    }),
    (SEMAPHORE_CLASS, "__aenter__", |vm, a| {
        Ok(semaphore_acquire(vm, a).then_some(Value::None))
    }),
    (SEMAPHORE_CLASS, "release", |vm, a| semaphore_release(vm, a, true)),
    // (A `BoundedSemaphore`'s own `release` checks its bound first, so its `__aexit__` takes the Python path.)
    (SEMAPHORE_CLASS, "__aexit__", |vm, a| semaphore_release(vm, a, false)),
    (SEMAPHORE_CLASS, "locked", |vm, a| {
        let Some((s, value)) = semaphore(vm, a, true) else {
            return Ok(None);
        };
        let waiting = match sem_waiters(&s) {
            Some(Some(w)) => any_waiting(&w),
            Some(None) => Some(false),
            None => None,
        };
        Ok(waiting.map(|w| Value::Bool(value == 0 || w)))
    }),
    (QUEUE_CLASS, "join", |vm, a| {
        let Some(q) = plain_queue(vm, a.first()) else {
            return Ok(None);
        };
        Ok(matches!(get(&q.dict, &UNFINISHED), Some(Value::Int(0))).then_some(Value::None))
    }),
];

/// `sleep(delay, result=None)`'s own `await`: a bare yield for a delay of zero or less (with no `result`, which
/// a yield would not give back), else the future a timer completes, as `_il.sleep_future` makes it; for a delay
/// that is not an int, float or bool (whose comparison with 0 may raise), the Python.
fn sleep_hook(vm: &mut Vm, a: &[Value]) -> PyResult<Option<Value>> {
    let result = a.get(1).cloned().unwrap_or(Value::None);
    let now = match a.first() {
        Some(Value::Int(i)) => *i <= 0,
        Some(Value::Bool(b)) => !*b,
        Some(Value::Float(f)) => *f <= 0.0,
        _ => return Ok(None),
    };
    if now {
        if !matches!(result, Value::None) {
            return Ok(None);
        }
        return Ok(Some(Value::Object(Rc::new(super::YieldNow))));
    }
    let delay = a.first().cloned().unwrap_or_default();
    super::natives::sleep_future(vm, &[delay, result], &Default::default()).map(Some)
}

fn queue_put_hook(vm: &mut Vm, a: &[Value]) -> PyResult<Option<Value>> {
    let item = a.get(1).cloned().unwrap_or_default();
    Ok(try_put(vm, a.first(), item)?.then_some(Value::None))
}

/// A plain queue's length and `maxsize`.
fn queue_len(vm: &Vm, a: &[Value]) -> Option<(usize, i64)> {
    let q = plain_queue(vm, a.first())?;
    match (get(&q.dict, &QUEUE), get(&q.dict, &MAXSIZE)) {
        (Some(Value::List(l)), Some(Value::Int(max))) => Some((l.borrow().len(), max)),
        _ => None,
    }
}

/// Where a lock or semaphore keeps its waiters: `None` (`Some(None)`), or a deque (`Some` of it); `None` when
/// it holds anything else. (Its items are looked at only as far as the Python would look.)
fn waiters_deque(v: Option<Value>) -> Option<Option<Value>> {
    match v {
        Some(Value::None) => Some(None),
        Some(v) => {
            v.as_native::<Deque>()?;
            Some(Some(v))
        }
        None => None,
    }
}

/// The first waiter of a deque that is not done yet (only the very first when `only_the_first`), as far as
/// the Python looks: `None` when an item it would look at is not a future.
fn first_not_done(waiters: &Value, only_the_first: bool) -> Option<Option<Rc<super::FutureObj>>> {
    let d = waiters.as_native::<Deque>()?;
    for w in d.items().iter() {
        let f = as_future(w)?;
        if !f.is_done() {
            return Some(Some(f));
        }
        if only_the_first {
            break;
        }
    }
    Some(None)
}

/// Whether a deque holds a waiter not cancelled (`any(not w.cancelled() for w in waiters)`), as far as the
/// Python looks: `None` when an item it would look at is not a future.
fn any_waiting(waiters: &Value) -> Option<bool> {
    let d = waiters.as_native::<Deque>()?;
    for w in d.items().iter() {
        if as_future(w)?.state.get() != super::FutState::Cancelled {
            return Some(true);
        }
    }
    Some(false)
}

/// The trace's event for the prelude's `_il.acquired(self._il)` or `_il.released(self._il)`.
fn sync_event(vm: &mut Vm, obj: &Instance, acquired: bool) {
    if let Some(Value::Int(i)) = get(&obj.dict, &IL) {
        let task = vm.ts.current_task;
        let obj = i as u32;
        vm.event(
            task,
            if acquired {
                EventKind::Acquired { obj }
            } else {
                EventKind::Released { obj }
            },
        );
    }
}

/// Whether a plain lock is free (not held, and no waiter or every waiter cancelled), as `Lock.acquire` asks;
/// None when the Python must ask.
fn lock_free(vm: &Vm, a: &[Value]) -> Option<(Rc<Instance>, bool)> {
    let l = plain(vm, LOCK_CLASS, a.first())?;
    let locked = match get(&l.dict, &LOCKED)? {
        Value::Bool(b) => b,
        _ => return None,
    };
    let free = match waiters_deque(get(&l.dict, &WAITERS))? {
        _ if locked => false,
        Some(w) => !any_waiting(&w)?,
        None => true,
    };
    Some((l, free))
}

/// `Lock.acquire` (result True) or, when `enter`, `__aenter__` (result None): a free lock is taken at once; for
/// a held one, the prelude's `_acquire_waiting(lock)` (the rest of `acquire`) is what the call's `await`
/// awaits, when the call is `await lock.acquire()`, or `async with lock:` with no `as` (where the value of
/// `__aenter__` is dropped: the caller's next instructions after the `await` are `SetupWith` and `Pop`).
fn lock_acquire(vm: &mut Vm, a: &[Value], enter: bool) -> PyResult<Option<Value>> {
    let Some((l, free)) = lock_free(vm, a) else {
        return Ok(None);
    };
    if free {
        replace(&l.dict, &LOCKED, Value::Bool(true));
        sync_event(vm, &l, true);
        return Ok(Some(if enter { Value::None } else { Value::Bool(true) }));
    }
    if enter && !vm.ts.aio.value_dropped {
        return Ok(None);
    }
    let Some(Value::Function(wait)) = l.class.borrow().dict.borrow().get_str("_acquire_waiting") else {
        return Ok(None);
    };
    if !wait.code.hidden {
        return Ok(None);
    }
    match vm.prepare_call(Value::Function(wait), vec![Value::Instance(l.clone())], Vec::new())? {
        crate::vm::call::Prepared::Value(coro) => {
            vm.ts.aio.then_await = true;
            Ok(Some(coro))
        }
        crate::vm::call::Prepared::Frame(_) => Ok(None),
    }
}

/// `Lock.release` (and `__aexit__`) on a held lock: lets it go and wakes the first waiter, as
/// `_wake_up_first` does.
fn lock_release(vm: &mut Vm, a: &[Value]) -> PyResult<Option<Value>> {
    let Some(l) = plain(vm, LOCK_CLASS, a.first()) else {
        return Ok(None);
    };
    let (Some(Value::Bool(true)), Some(waiters)) = (get(&l.dict, &LOCKED), waiters_deque(get(&l.dict, &WAITERS)))
    else {
        return Ok(None);
    };
    let wake = match waiters {
        Some(w) => match first_not_done(&w, true) {
            Some(f) => f,
            None => return Ok(None),
        },
        None => None,
    };
    replace(&l.dict, &LOCKED, Value::Bool(false));
    sync_event(vm, &l, false);
    if let Some(fut) = wake {
        vm.fut_set_result(&fut, Value::Bool(true))?;
    }
    Ok(Some(Value::None))
}

/// `_interleave.lock_wait(lock)`: what a plain `Lock`'s or `Semaphore`'s `acquire` does before it awaits, once
/// its waiters are a deque: a new future appended to them and the wait's reason set; the future. None for
/// any other lock, or before the first wait, whose Python does it.
pub fn lock_wait(vm: &mut Vm, a: &[Value], _kw: &crate::native::Kwargs) -> PyResult {
    let Some(l) = plain(vm, LOCK_CLASS, a.first()).or_else(|| semaphore(vm, a, true).map(|(s, _)| s)) else {
        return Ok(Value::None);
    };
    let (Some(waiters), Some(Value::Int(il))) = (get(&l.dict, &WAITERS), get(&l.dict, &IL)) else {
        return Ok(Value::None);
    };
    let Some(d) = waiters.as_native::<Deque>() else {
        return Ok(Value::None);
    };
    let fut = Value::Object(vm.new_future());
    d.push_back(fut.clone());
    let obj = il as u32;
    vm.ts.aio.pending_reason = Some(crate::trace::WaitReason::Sync {
        obj,
        op: crate::trace::SyncOp::Acquire,
    });
    Ok(fut)
}

/// `_interleave.lock_got(lock, fut)`: what a plain `Lock`'s `acquire` does once its wait is over, when its
/// waiters are a deque of futures up to `fut`: `fut` taken out of them (`self._waiters.remove(fut)`), the lock
/// held, the trace told; whether it did (else the Python does it, and raises as CPython's would).
pub fn lock_got(vm: &mut Vm, a: &[Value], _kw: &crate::native::Kwargs) -> PyResult {
    let (Some(l), Some(fut)) = (plain(vm, LOCK_CLASS, a.first()), a.get(1)) else {
        return Ok(Value::Bool(false));
    };
    let Some(waiters) = get(&l.dict, &WAITERS) else {
        return Ok(Value::Bool(false));
    };
    let Some(d) = waiters.as_native::<Deque>() else {
        return Ok(Value::Bool(false));
    };
    // `remove` compares with `==`, which is identity between futures: any other item before `fut`, the Python.
    let at = {
        let items = d.items();
        let mut at = None;
        for (i, w) in items.iter().enumerate() {
            if as_future(w).is_none() {
                break;
            }
            if w.is(fut) {
                at = Some(i);
                break;
            }
        }
        at
    };
    let Some(i) = at else { return Ok(Value::Bool(false)) };
    d.remove_at(i);
    replace(&l.dict, &LOCKED, Value::Bool(true));
    sync_event(vm, &l, true);
    Ok(Value::Bool(true))
}

/// `_interleave.gather_results(children)`: what `gather` hands back once every child is done, for a list of
/// futures and tasks: each child's result, its exception, or a `CancelledError` with its cancel message (each
/// exception counts as retrieved, as `exception()` makes it). None when a child is not a future of ours or not
/// done, for the Python to do it (and raise as CPython's would).
pub fn gather_results(vm: &mut Vm, a: &[Value], _kw: &crate::native::Kwargs) -> PyResult {
    let Some(Value::List(children)) = a.first() else {
        return Ok(Value::None);
    };
    let futures: Option<Vec<_>> = children.borrow().iter().map(as_future).collect();
    let Some(futures) = futures else { return Ok(Value::None) };
    if futures.iter().any(|f| f.state.get() == super::FutState::Pending) {
        return Ok(Value::None);
    }
    let mut results = Vec::with_capacity(futures.len());
    for f in &futures {
        let r = if f.state.get() == super::FutState::Cancelled {
            let msg = f.cancel_msg.borrow().clone();
            let msg = if matches!(msg, Value::None) {
                Value::str("")
            } else {
                msg
            };
            vm.exc_new(crate::exc::ExcType::CancelledError, vec![msg])
        } else {
            f.log_traceback.set(false);
            let e = f.exception.borrow().clone();
            match e {
                Value::None => f.result_value()?,
                e => e,
            }
        };
        results.push(r);
    }
    Ok(Value::list(results))
}

/// `_interleave.gather_task(arg, loop)`: what `gather`'s `ensure_future(arg, loop=loop)` gives for a coroutine
/// while the loop runs: a task on the running loop (or `loop`), made as the prelude's loop's `create_task` makes
/// it. None when `arg` is not a coroutine, no loop runs, or the loop is not the prelude's own with its own
/// `create_task` and `_check_closed` (or is closed), for the Python to do it.
pub fn gather_task(vm: &mut Vm, a: &[Value], _kw: &crate::native::Kwargs) -> PyResult {
    let coro = match a.first() {
        Some(c @ Value::Gen(g)) if g.kind == CodeKind::Coroutine => c.clone(),
        _ => return Ok(Value::None),
    };
    if !vm.ts.aio.running {
        return Ok(Value::None);
    }
    let lp = match a.get(1) {
        Some(Value::None) | None => vm.ts.aio.loop_obj.clone(),
        Some(l) => l.clone(),
    };
    let Some(l) = plain(vm, LOOP_CLASS, Some(&lp)) else {
        return Ok(Value::None);
    };
    let own = |name: &str| {
        !l.dict.borrow().map.contains_key(&StrKey {
            hash: crate::dict::hash_str(name),
            s: name,
        }) && matches!(l.class.borrow().lookup(name), Some(Value::Function(f)) if f.code.hidden)
    };
    if !own("create_task")
        || !own("_check_closed")
        || !matches!(l.dict.borrow().get_str("_closed"), Some(Value::Bool(false)))
    {
        return Ok(Value::None);
    }
    vm.ts.aio.loop_obj = lp;
    Ok(Value::Object(vm.create_task(coro, None)?))
}

/// A plain event's flag, when it is a bool.
fn event_value(vm: &Vm, a: &[Value]) -> Option<bool> {
    let e = plain(vm, EVENT_CLASS, a.first())?;
    match get(&e.dict, &VALUE) {
        Some(Value::Bool(b)) => Some(b),
        _ => None,
    }
}

/// `Event.set`: the flag up, and every waiter not done woken.
fn event_set(vm: &mut Vm, a: &[Value]) -> PyResult<Option<Value>> {
    let Some(e) = plain(vm, EVENT_CLASS, a.first()) else {
        return Ok(None);
    };
    let (Some(Value::Bool(value)), Some(waiters)) = (get(&e.dict, &VALUE), waiters(&e, &WAITERS)) else {
        return Ok(None);
    };
    if !value {
        replace(&e.dict, &VALUE, Value::Bool(true));
        let futures: Vec<_> = waiters.borrow().iter().filter_map(as_future).collect();
        for f in futures {
            if !f.is_done() {
                vm.fut_set_result(&f, Value::Bool(true))?;
            }
        }
    }
    Ok(Some(Value::None))
}

/// A plain semaphore (a `BoundedSemaphore` too when `bounded`) and its value.
fn semaphore(vm: &Vm, a: &[Value], bounded: bool) -> Option<(Rc<Instance>, i64)> {
    let s = plain(vm, SEMAPHORE_CLASS, a.first())
        .or_else(|| bounded.then(|| plain(vm, BOUNDED_CLASS, a.first())).flatten())?;
    match get(&s.dict, &VALUE) {
        Some(Value::Int(v)) => Some((s, v)),
        _ => None,
    }
}

fn sem_waiters(s: &Instance) -> Option<Option<Value>> {
    waiters_deque(get(&s.dict, &WAITERS))
}

/// `Semaphore.acquire` when it is not `locked()`: whether it took it.
fn semaphore_acquire(vm: &mut Vm, a: &[Value]) -> bool {
    let Some((s, value)) = semaphore(vm, a, true) else {
        return false;
    };
    let Some(waiters) = sem_waiters(&s) else { return false };
    if value == 0 {
        return false;
    }
    if let Some(w) = waiters {
        if any_waiting(&w) != Some(false) {
            return false;
        }
    }
    let Some(value) = value.checked_sub(1) else {
        return false;
    };
    replace(&s.dict, &VALUE, Value::Int(value));
    sync_event(vm, &s, true);
    true
}

/// `Semaphore.release`: the value up, and the first waiter not done woken (`_wake_up_next`).
fn semaphore_release(vm: &mut Vm, a: &[Value], bounded: bool) -> PyResult<Option<Value>> {
    let Some((s, value)) = semaphore(vm, a, bounded) else {
        return Ok(None);
    };
    let (Some(waiters), Some(raised)) = (sem_waiters(&s), value.checked_add(1)) else {
        return Ok(None);
    };
    let wake = match waiters {
        Some(w) => match first_not_done(&w, false) {
            Some(f) => f,
            None => return Ok(None),
        },
        None => None,
    };
    // `_value += 1`, then `_value -= 1` for the waiter woken: nothing reads it in between.
    replace(&s.dict, &VALUE, Value::Int(if wake.is_some() { value } else { raised }));
    sync_event(vm, &s, false);
    if let Some(fut) = wake {
        vm.fut_set_result(&fut, Value::Bool(true))?;
    }
    Ok(Some(Value::None))
}

/// The prelude's names of the classes with fast paths, in the order of `QUEUE_CLASS`...
const PLAIN_NAMES: [&str; PLAIN_CLASSES] = [
    "Queue",
    "Lock",
    "Event",
    "Semaphore",
    "BoundedSemaphore",
    "_UnixSelectorEventLoop",
];

/// `_interleave.fast_paths(Queue)`, run once the prelude has made its classes: tells the fast paths which
/// classes are the prelude's (`Queue`, and the others by name in `Queue`'s module) and tags the methods of
/// [`HOOKS`] (the prelude's own code only). (One argument, so that the prelude takes as many steps as when
/// only `Queue` had fast paths.)
pub fn fast_paths(vm: &mut Vm, a: &[Value], _kw: &crate::native::Kwargs) -> PyResult {
    let Some(Value::Class(queue)) = a.first() else {
        return Ok(Value::None);
    };
    let init = queue.dict.borrow().get_str("__init__");
    let Some(Value::Function(init)) = init else {
        return Ok(Value::None);
    };
    for (i, name) in PLAIN_NAMES.iter().enumerate() {
        let found = init.globals.borrow().get_str(name);
        if let Some(Value::Class(c)) = found {
            vm.ts.aio.plain[i] = Some(c);
        }
    }
    for (n, (which, name, _)) in HOOKS.iter().enumerate() {
        let method = match vm.ts.aio.plain.get(*which) {
            Some(Some(c)) => c.dict.borrow().get_str(name),
            Some(None) => continue,
            None => init.globals.borrow().get_str(name),
        };
        if let Some(Value::Function(f)) = method {
            if f.code.hidden {
                f.code.fast.set(n as u8 + 1);
            }
        }
    }
    Ok(Value::None)
}

impl Vm {
    /// A call of a method with a fast path (`code.fast`), its arguments `first..` on the caller's stack above
    /// the callee (`keep` values stay): when the hook does the work, its result replaces them (and, for a
    /// coroutine, the `GetAwaitable` and `Await` that follow are skipped, but for `sleep`'s and for a hook
    /// that sets `then_await`, whose result they await); whether it did.
    pub(crate) fn fast_call(&mut self, th: &mut Thread, code: &Code, first: usize, keep: usize) -> PyResult<bool> {
        let Some(&(_, _, hook)) = HOOKS.get((code.fast.get() as usize).wrapping_sub(1)) else {
            return Ok(false);
        };
        let Some(caller) = th.frames.last() else {
            return Ok(false);
        };
        let awaited = match code.kind {
            CodeKind::Function => false,
            CodeKind::Coroutine => {
                let at = |i: usize| caller.code.instrs.get(caller.pc + i);
                if !matches!((at(0), at(1)), (Some(Instr::GetAwaitable), Some(Instr::Await))) {
                    return Ok(false);
                }
                self.ts.aio.value_dropped = matches!((at(2), at(3)), (Some(Instr::SetupWith(_)), Some(Instr::Pop)));
                true
            }
            _ => return Ok(false),
        };
        let Some(args) = caller.stack.get(first..) else {
            return Ok(false);
        };
        // Every argument, but `sleep`'s `result`, which may be left to its default.
        let sleep = code.fast.get() == SLEEP_HOOK;
        if args.len() != code.argcount as usize && !(sleep && args.len() + 1 == code.argcount as usize) {
            return Ok(false);
        }
        self.ts.aio.then_await = false;
        let Some(result) = hook(self, args)? else {
            return Ok(false);
        };
        let then_await = sleep || std::mem::take(&mut self.ts.aio.then_await);
        let Some(caller) = th.frames.last_mut() else {
            return Ok(false);
        };
        while caller.stack.len() > keep {
            caller.stack.pop();
        }
        caller.stack.push(result);
        if awaited && !then_await {
            caller.pc += 2;
        }
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each name's usual place is where the prelude's `__init__` of `Queue`, `Event`, `Lock` and `Semaphore`
    /// puts it.
    #[test]
    fn the_names_usual_places_are_the_preludes() {
        let out = crate::run_source(
            "places.py",
            "import asyncio\nfor c in asyncio.Queue, asyncio.Event, asyncio.Lock, asyncio.Semaphore:\n    print(*c().__dict__)\n",
        )
        .stdout;
        let lines: Vec<Vec<&str>> = out.lines().map(|l| l.split(' ').collect()).collect();
        let [queue, event, lock, semaphore] = &lines[..] else {
            panic!("{out}")
        };
        for n in [MAXSIZE, GETTERS, PUTTERS, UNFINISHED, FINISHED, QUEUE] {
            assert_eq!(queue.get(n.2), Some(&n.0), "{} in {queue:?}", n.0);
        }
        for n in [WAITERS, VALUE, IL] {
            assert_eq!(event.get(n.2), Some(&n.0), "{} in {event:?}", n.0);
            assert_eq!(semaphore.get(n.2), Some(&n.0), "{} in {semaphore:?}", n.0);
        }
        for n in [WAITERS, LOCKED, IL] {
            assert_eq!(lock.get(n.2), Some(&n.0), "{} in {lock:?}", n.0);
        }
    }

    /// Every method named in `HOOKS` is one the prelude defines, so each gets its fast path.
    #[test]
    fn every_hook_finds_its_method() {
        let out = crate::run_source(
            "hooks.py",
            "import asyncio\nfrom asyncio import Queue, Lock, Event, Semaphore, BoundedSemaphore\n\
             for c in Queue, Lock, Event, Semaphore, BoundedSemaphore, asyncio._UnixSelectorEventLoop:\n\
             \x20   print(c.__name__, *sorted(vars(c)))\n\
             print('module', *sorted(vars(asyncio)))\n",
        )
        .stdout;
        let names: Vec<Vec<&str>> = out.lines().map(|l| l.split(' ').collect()).collect();
        assert_eq!(names.len(), PLAIN_CLASSES + 1, "{out}");
        for (which, name, _) in HOOKS {
            let class = &names[which.min(PLAIN_CLASSES)];
            assert!(class[1..].contains(&name), "{name} not in {class:?}");
        }
    }
}
