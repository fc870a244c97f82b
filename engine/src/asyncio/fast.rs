//! Rust fast paths for `asyncio.Queue`: `await q.put(x)` on a queue with room and `await q.get()` on one
//! with items do exactly what the prelude's `put_nowait`/`get_nowait` do, without running their Python;
//! so does `task_done()` while other tasks stay unfinished.
//! They apply only to instances of the prelude's own `Queue` class (subclasses may override `_put`,
//! `_get` or `full`), and only when every attribute they touch has the type the prelude gave it; otherwise
//! they change nothing and the Python path runs.
//!
//! Also `Lock.acquire`'s `all(w.cancelled() for w in self._waiters)` (a deque), without a generator.

use super::as_future;
use crate::dict::{Dict, StrKey};
use crate::exc::PyResult;
use crate::value::{Instance, Value};
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

/// The queue instance, when it is a plain `Queue` made by the prelude's class.
fn plain_queue(vm: &Vm, v: Option<&Value>) -> Option<Rc<Instance>> {
    let Some(Value::Instance(q)) = v else { return None };
    let cls = vm.ts.aio.queue_class.as_ref()?;
    (Rc::ptr_eq(&q.class.borrow(), cls) && q.exc.is_none()).then(|| q.clone())
}

/// A list of waiter futures (`_getters`, `_putters`), checked before anything changes.
fn waiters(q: &Instance, name: &Name) -> Option<Rc<crate::value::ListCell>> {
    match get(&q.dict, name) {
        Some(Value::List(l)) if l.borrow().iter().all(|w| as_future(w).is_some()) => Some(l),
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
    let Some(q) = plain_queue(vm, a.first()) else {
        return Ok(Value::Bool(false));
    };
    let item = a.get(1).cloned().unwrap_or_default();
    let (maxsize, queue, unfinished, finished) = (
        get(&q.dict, &MAXSIZE),
        get(&q.dict, &QUEUE),
        get(&q.dict, &UNFINISHED),
        get(&q.dict, &FINISHED),
    );
    let (Some(Value::Int(maxsize)), Some(Value::List(queue)), Some(Value::Int(unfinished)), Some(Value::Instance(ev))) =
        (maxsize, queue, unfinished, finished)
    else {
        return Ok(Value::Bool(false));
    };
    // `full()`: the Python path raises or waits.
    if maxsize > 0 && queue.borrow().len() as i64 >= maxsize {
        return Ok(Value::Bool(false));
    }
    let Some(unfinished) = unfinished.checked_add(1) else {
        return Ok(Value::Bool(false));
    };
    let Some(getters) = waiters(&q, &GETTERS) else {
        return Ok(Value::Bool(false));
    };
    if !matches!(get(&ev.dict, &VALUE), Some(Value::Bool(_))) {
        return Ok(Value::Bool(false));
    }
    queue.borrow_mut().push(item);
    replace(&q.dict, &UNFINISHED, Value::Int(unfinished));
    // `self._finished.clear()`.
    replace(&ev.dict, &VALUE, Value::Bool(false));
    wakeup_next(vm, &getters)?;
    Ok(Value::Bool(true))
}

/// `_interleave.queue_get(q, missing)`: `get_nowait()` when `q` is a plain queue with items, else `missing`.
pub fn queue_get(vm: &mut Vm, a: &[Value], _kw: &crate::native::Kwargs) -> PyResult {
    let missing = a.get(1).cloned().unwrap_or_default();
    let Some(q) = plain_queue(vm, a.first()) else {
        return Ok(missing);
    };
    let queue = get(&q.dict, &QUEUE);
    let Some(Value::List(queue)) = queue else {
        return Ok(missing);
    };
    if queue.borrow().is_empty() {
        return Ok(missing);
    }
    let Some(putters) = waiters(&q, &PUTTERS) else {
        return Ok(missing);
    };
    let item = queue.borrow_mut().remove(0);
    wakeup_next(vm, &putters)?;
    Ok(item)
}

/// `_interleave.queue_task_done(q)`: `task_done()` when `q` is a plain queue with more than one unfinished
/// task (so nothing is to be woken); whether it did.
pub fn queue_task_done(vm: &mut Vm, a: &[Value], _kw: &crate::native::Kwargs) -> PyResult {
    let Some(q) = plain_queue(vm, a.first()) else {
        return Ok(Value::Bool(false));
    };
    match get(&q.dict, &UNFINISHED) {
        Some(Value::Int(n)) if n > 1 => {
            replace(&q.dict, &UNFINISHED, Value::Int(n - 1));
            Ok(Value::Bool(true))
        }
        _ => Ok(Value::Bool(false)),
    }
}

/// `_interleave.set_queue_class(Queue)`: tells the fast paths which class is the prelude's `Queue`.
pub fn set_queue_class(vm: &mut Vm, a: &[Value], _kw: &crate::native::Kwargs) -> PyResult {
    if let Some(Value::Class(c)) = a.first() {
        vm.ts.aio.queue_class = Some(c.clone());
    }
    Ok(Value::None)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Each name's usual place is where the prelude's `Queue.__init__` (or `Event.__init__`) puts it.
    #[test]
    fn the_names_usual_places_are_the_preludes() {
        let out = crate::run_source(
            "places.py",
            "import asyncio\nprint(*asyncio.Queue().__dict__)\nprint(*asyncio.Event().__dict__)\n",
        )
        .stdout;
        let mut lines = out.lines().map(|l| l.split(' ').collect::<Vec<_>>());
        let (queue, event) = (lines.next().unwrap_or_default(), lines.next().unwrap_or_default());
        for n in [MAXSIZE, GETTERS, PUTTERS, UNFINISHED, FINISHED, QUEUE] {
            assert_eq!(queue.get(n.2), Some(&n.0), "{} in {queue:?}", n.0);
        }
        assert_eq!(event.get(VALUE.2), Some(&VALUE.0), "{event:?}");
    }
}
