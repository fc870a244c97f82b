//! `collections.deque`, native: a `VecDeque` of values with an optional `maxlen`, behind the `_collections` module.

use super::{int_arg, module};
use crate::exc::{Exc, PyResult};
use crate::native::{kwarg, Kwargs, NativeFn, NativeObject};
use crate::types::args;
use crate::value::Value;
use crate::vm::Vm;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

pub struct Deque {
    items: RefCell<VecDeque<Value>>,
    maxlen: Option<usize>,
    /// Bumped by every mutation, so iterators notice (CPython's `state`).
    state: Cell<u64>,
    in_repr: Cell<bool>,
}

impl Deque {
    /// The items, front first, borrowed (asyncio's `Lock` reads its waiters so).
    pub fn items(&self) -> std::cell::Ref<'_, VecDeque<Value>> {
        self.items.borrow()
    }

    fn new(items: VecDeque<Value>, maxlen: Option<usize>) -> Deque {
        Deque {
            items: RefCell::new(items),
            maxlen,
            state: Cell::new(0),
            in_repr: Cell::new(false),
        }
    }

    fn touch(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }

    /// Takes out the item at `i` (asyncio's locks remove a waiter so, once they found it).
    pub fn remove_at(&self, i: usize) {
        self.touch();
        self.items.borrow_mut().remove(i);
    }

    /// `append(v)` (asyncio's locks add their waiters so).
    pub fn push_back(&self, v: Value) {
        self.touch();
        let mut items = self.items.borrow_mut();
        if self.maxlen == Some(0) {
            return;
        }
        if Some(items.len()) == self.maxlen {
            items.pop_front();
        }
        items.push_back(v);
    }

    fn push_front(&self, v: Value) {
        self.touch();
        let mut items = self.items.borrow_mut();
        if self.maxlen == Some(0) {
            return;
        }
        if Some(items.len()) == self.maxlen {
            items.pop_back();
        }
        items.push_front(v);
    }

    fn snapshot(&self) -> Vec<Value> {
        self.items.borrow().iter().cloned().collect()
    }
}

impl NativeObject for Deque {
    fn type_name(&self) -> &'static str {
        "deque"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn len(&self) -> Option<usize> {
        Some(self.items.borrow().len())
    }
    fn repr(&self, vm: &mut Vm) -> Option<PyResult<String>> {
        if self.in_repr.get() {
            return Some(Ok("[...]".into()));
        }
        self.in_repr.set(true);
        let items = self.snapshot();
        let r = vm.join_reprs(&items);
        self.in_repr.set(false);
        Some(r.map(|inner| match self.maxlen {
            Some(m) => format!("deque([{inner}], maxlen={m})"),
            None => format!("deque([{inner}])"),
        }))
    }
    fn getattr(&self, _vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        match name {
            "maxlen" => Some(Ok(match self.maxlen {
                Some(m) => Value::Int(m as i64),
                None => Value::None,
            })),
            _ => None,
        }
    }
}

/// Iterates a deque forwards or backwards, failing if the deque changes meanwhile.
pub struct DequeIter {
    deque: Value,
    pos: Cell<usize>,
    state: u64,
    reverse: bool,
}

impl NativeObject for DequeIter {
    fn type_name(&self) -> &'static str {
        if self.reverse {
            "_deque_reverse_iterator"
        } else {
            "_deque_iterator"
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn iter_next(&self, _vm: &mut Vm) -> Option<PyResult<Option<Value>>> {
        let Some(d) = self.deque.as_native::<Deque>() else {
            return Some(Ok(None));
        };
        if d.state.get() != self.state {
            return Some(Err(Exc::runtime("deque mutated during iteration")));
        }
        let items = d.items.borrow();
        let i = self.pos.get();
        if i >= items.len() {
            return Some(Ok(None));
        }
        self.pos.set(i + 1);
        let idx = if self.reverse { items.len() - 1 - i } else { i };
        Some(Ok(items.get(idx).cloned()))
    }
}

fn this(a: &[Value]) -> PyResult<&Deque> {
    a.first()
        .and_then(|v| v.as_native::<Deque>())
        .ok_or_else(|| Exc::type_error("descriptor requires a 'collections.deque' object"))
}

fn arg<'a>(a: &'a [Value], name: &str) -> PyResult<&'a Value> {
    a.get(1)
        .ok_or_else(|| Exc::type_error(format!("deque.{name}() takes exactly one argument (0 given)")))
}

fn new_deque(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
    // a[0] is the class.
    let rest = a.get(1..).unwrap_or(&[]);
    if rest.len() > 2 {
        return Err(Exc::type_error(format!(
            "deque() takes at most 2 arguments ({} given)",
            rest.len() + k.len()
        )));
    }
    let slots = args::bind("deque", &["iterable", "maxlen"], rest, k)?;
    let maxlen = match slots.get(1).cloned().flatten() {
        None | Some(Value::None) => None,
        Some(v) => {
            let n = match args::unwrap(&v) {
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => int_arg(vm, &v)?,
                _ => return Err(Exc::type_error("an integer is required")),
            };
            if n < 0 {
                return Err(Exc::value_error("maxlen must be non-negative"));
            }
            Some(n as usize)
        }
    };
    let d = Deque::new(VecDeque::new(), maxlen);
    if let Some(it) = slots.first().cloned().flatten() {
        for v in vm.collect(&it)? {
            d.push_back(v);
        }
    }
    Ok(Value::Object(Rc::new(d)))
}

fn append(_vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    this(a)?.push_back(arg(a, "append")?.clone());
    Ok(Value::None)
}

fn appendleft(_vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    this(a)?.push_front(arg(a, "appendleft")?.clone());
    Ok(Value::None)
}

fn pop(_vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let d = this(a)?;
    d.touch();
    let v = d.items.borrow_mut().pop_back();
    v.ok_or_else(|| Exc::index_error("pop from an empty deque"))
}

fn popleft(_vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let d = this(a)?;
    d.touch();
    let v = d.items.borrow_mut().pop_front();
    v.ok_or_else(|| Exc::index_error("pop from an empty deque"))
}

fn extend(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let d = this(a)?;
    let items = vm.collect(arg(a, "extend")?)?;
    for v in items {
        d.push_back(v);
    }
    Ok(Value::None)
}

fn extendleft(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let d = this(a)?;
    let items = vm.collect(arg(a, "extendleft")?)?;
    for v in items {
        d.push_front(v);
    }
    Ok(Value::None)
}

fn rotate(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let d = this(a)?;
    let n = match a.get(1) {
        Some(v) => int_arg(vm, v)?,
        None => 1,
    };
    d.touch();
    let mut items = d.items.borrow_mut();
    let len = items.len() as i64;
    if len > 1 {
        let k = n.rem_euclid(len) as usize;
        items.rotate_right(k);
    }
    Ok(Value::None)
}

fn clear(_vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let d = this(a)?;
    d.touch();
    d.items.borrow_mut().clear();
    Ok(Value::None)
}

/// Compares each item with `x` (which may run Python code), failing if the deque changes meanwhile.
fn positions(vm: &mut Vm, d: &Deque, x: &Value) -> PyResult<Vec<bool>> {
    let state = d.state.get();
    let items = d.snapshot();
    let mut out = Vec::with_capacity(items.len());
    for it in &items {
        let eq = it.is(x) || vm.eq(it, x)?;
        if d.state.get() != state {
            return Err(Exc::runtime("deque mutated during iteration"));
        }
        out.push(eq);
    }
    Ok(out)
}

fn count(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let d = this(a)?;
    let x = arg(a, "count")?.clone();
    let n = positions(vm, d, &x)?.iter().filter(|b| **b).count();
    Ok(Value::Int(n as i64))
}

fn index(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let d = this(a)?;
    let x = arg(a, "index")?.clone();
    let len = d.items.borrow().len();
    let start = match a.get(2) {
        Some(v) => args::clamp_index(int_arg(vm, v)?, len),
        None => 0,
    };
    let stop = match a.get(3) {
        Some(v) => args::clamp_index(int_arg(vm, v)?, len),
        None => len,
    };
    let state = d.state.get();
    let items = d.snapshot();
    for (i, it) in items.iter().enumerate().take(stop).skip(start) {
        let eq = it.is(&x) || vm.eq(it, &x)?;
        if d.state.get() != state {
            return Err(Exc::runtime("deque mutated during iteration"));
        }
        if eq {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(Exc::value_error(format!("{} is not in deque", vm.repr(&x)?)))
}

/// Stops at the first equal item, as CPython does: the lock waiters that asyncio removes are nearly always
/// at the front of a long deque.
fn remove(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let d = this(a)?;
    let x = arg(a, "remove")?.clone();
    let state = d.state.get();
    let mut i = 0;
    loop {
        let Some(it) = d.items.borrow().get(i).cloned() else {
            let r = vm.repr(&x)?;
            return Err(Exc::value_error(format!("{r} is not in deque")));
        };
        let eq = it.is(&x) || vm.eq(&it, &x)?;
        if d.state.get() != state {
            return Err(Exc::index_error("deque mutated during iteration"));
        }
        if eq {
            d.touch();
            d.items.borrow_mut().remove(i);
            return Ok(Value::None);
        }
        i += 1;
    }
}

fn insert(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let d = this(a)?;
    let (Some(i), Some(x)) = (a.get(1), a.get(2)) else {
        return Err(Exc::type_error(format!(
            "insert expected 2 arguments, got {}",
            a.len().saturating_sub(1)
        )));
    };
    let i = int_arg(vm, i)?;
    let len = d.items.borrow().len();
    if Some(len) == d.maxlen {
        return Err(Exc::index_error("deque already at its maximum size"));
    }
    d.touch();
    let at = args::clamp_index(i, len);
    d.items.borrow_mut().insert(at, x.clone());
    Ok(Value::None)
}

fn reverse(_vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let d = this(a)?;
    d.touch();
    let mut items = d.items.borrow_mut();
    let v: Vec<Value> = items.drain(..).rev().collect();
    items.extend(v);
    Ok(Value::None)
}

fn copy(_vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let d = this(a)?;
    let items = d.items.borrow().clone();
    Ok(Value::Object(Rc::new(Deque::new(items, d.maxlen))))
}

fn iter(_vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let d = this(a)?;
    Ok(Value::Object(Rc::new(DequeIter {
        deque: a[0].clone(),
        pos: Cell::new(0),
        state: d.state.get(),
        reverse: false,
    })))
}

fn reversed(_vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let d = this(a)?;
    Ok(Value::Object(Rc::new(DequeIter {
        deque: a[0].clone(),
        pos: Cell::new(0),
        state: d.state.get(),
        reverse: true,
    })))
}

fn item_index(vm: &mut Vm, d: &Deque, i: &Value) -> PyResult<usize> {
    let i = match args::unwrap(i) {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => int_arg(vm, i)?,
        _ => {
            return Err(Exc::type_error(format!(
                "sequence index must be integer, not '{}'",
                vm.type_name(i)
            )))
        }
    };
    let len = d.items.borrow().len();
    args::norm_index(i, len).ok_or_else(|| Exc::index_error("deque index out of range"))
}

fn getitem(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let d = this(a)?;
    let i = item_index(vm, d, arg(a, "__getitem__")?)?;
    let v = d.items.borrow().get(i).cloned();
    v.ok_or_else(|| Exc::index_error("deque index out of range"))
}

fn setitem(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let d = this(a)?;
    let i = item_index(vm, d, arg(a, "__setitem__")?)?;
    let v = a.get(2).cloned().unwrap_or_default();
    if let Some(slot) = d.items.borrow_mut().get_mut(i) {
        *slot = v;
    }
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let d = this(a)?;
    let i = item_index(vm, d, arg(a, "__delitem__")?)?;
    d.touch();
    d.items.borrow_mut().remove(i);
    Ok(Value::None)
}

fn contains(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let d = this(a)?;
    let x = arg(a, "__contains__")?.clone();
    Ok(Value::Bool(positions(vm, d, &x)?.contains(&true)))
}

fn bool_(_vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    Ok(Value::Bool(!this(a)?.items.borrow().is_empty()))
}

fn len_(_vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    Ok(Value::Int(this(a)?.items.borrow().len() as i64))
}

/// Rich comparison of two deques, item by item like lists.
fn compare(vm: &mut Vm, a: &[Value], op: crate::ast::CmpOp) -> PyResult {
    let d = this(a)?;
    let Some(other) = a.get(1).and_then(|o| o.as_native::<Deque>()) else {
        return Ok(Value::NotImplemented);
    };
    let x = Value::list(d.snapshot());
    let y = Value::list(other.snapshot());
    vm.compare(op, &x, &y)
}

fn add(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let d = this(a)?;
    let Some(other) = a.get(1).and_then(|o| o.as_native::<Deque>()) else {
        let other = a.get(1).cloned().unwrap_or_default();
        return Err(Exc::type_error(format!(
            "can only concatenate deque (not \"{}\") to deque",
            vm.type_name(&other)
        )));
    };
    let n = Deque::new(d.items.borrow().clone(), d.maxlen);
    for v in other.snapshot() {
        n.push_back(v);
    }
    Ok(Value::Object(Rc::new(n)))
}

fn iadd(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
    extend(vm, a, k)?;
    Ok(a[0].clone())
}

fn mul(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let d = this(a)?;
    let n = int_arg(vm, arg(a, "__mul__")?)?.max(0) as usize;
    let items = d.snapshot();
    args::check_size(items.len().saturating_mul(n))?;
    let out = Deque::new(VecDeque::new(), d.maxlen);
    for _ in 0..n {
        for v in &items {
            out.push_back(v.clone());
        }
    }
    Ok(Value::Object(Rc::new(out)))
}

fn init(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
    // `deque.__init__` re-fills an existing deque; the constructor already did the work.
    let _ = (vm, a, k, kwarg(k, "maxlen"));
    Ok(Value::None)
}

pub fn native_module(vm: &mut Vm) -> Value {
    let methods: &[(&'static str, NativeFn)] = &[
        ("__new__", new_deque),
        ("__init__", init),
        ("append", append),
        ("appendleft", appendleft),
        ("pop", pop),
        ("popleft", popleft),
        ("extend", extend),
        ("extendleft", extendleft),
        ("rotate", rotate),
        ("clear", clear),
        ("count", count),
        ("index", index),
        ("remove", remove),
        ("insert", insert),
        ("reverse", reverse),
        ("copy", copy),
        ("__copy__", copy),
        ("__iter__", iter),
        ("__reversed__", reversed),
        ("__getitem__", getitem),
        ("__setitem__", setitem),
        ("__delitem__", delitem),
        ("__contains__", contains),
        ("__bool__", bool_),
        ("__len__", len_),
        ("__eq__", |vm, a, _| compare(vm, a, crate::ast::CmpOp::Eq)),
        ("__ne__", |vm, a, _| compare(vm, a, crate::ast::CmpOp::NotEq)),
        ("__lt__", |vm, a, _| compare(vm, a, crate::ast::CmpOp::Lt)),
        ("__le__", |vm, a, _| compare(vm, a, crate::ast::CmpOp::LtE)),
        ("__gt__", |vm, a, _| compare(vm, a, crate::ast::CmpOp::Gt)),
        ("__ge__", |vm, a, _| compare(vm, a, crate::ast::CmpOp::GtE)),
        ("__add__", add),
        ("__iadd__", iadd),
        ("__mul__", mul),
    ];
    let cls = vm.types.register_native_in("collections", "deque", methods);
    cls.dict.borrow_mut().set_str("__hash__", Value::None);
    vm.types.register_native_in("_collections", "_deque_iterator", &[]);
    vm.types
        .register_native_in("_collections", "_deque_reverse_iterator", &[]);
    module(vm, "_collections", &[], vec![("deque", Value::Class(cls))])
}
