//! Methods of `set` and `frozenset`, and the set algebra the operators share with them.

use super::args::{self, noargs, one, rest};
use super::{add_methods, dunder, Types};
use crate::dict::Set;
use crate::exc::{Exc, PyResult};
use crate::native::{Kwargs, NativeFn};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;
use std::rc::Rc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetOp {
    Union,
    Intersection,
    Difference,
    SymmetricDifference,
}

/// One step of set algebra; the result keeps the left operand's order, then the right's.
pub fn set_op(op: SetOp, a: &Set, b: &Set) -> Set {
    let mut out = Set::new();
    match op {
        SetOp::Union => {
            out = a.clone();
            for k in b.iter() {
                out.insert(k.clone());
            }
        }
        SetOp::Intersection => {
            for k in a.iter().filter(|k| b.contains(k)) {
                out.insert(k.clone());
            }
        }
        SetOp::Difference => {
            for k in a.iter().filter(|k| !b.contains(k)) {
                out.insert(k.clone());
            }
        }
        SetOp::SymmetricDifference => {
            for k in a.iter().filter(|k| !b.contains(k)) {
                out.insert(k.clone());
            }
            for k in b.iter().filter(|k| !a.contains(k)) {
                out.insert(k.clone());
            }
        }
    }
    out
}

/// Builds a set from any iterable, hashing every item.
pub fn set_from(vm: &mut Vm, v: &Value) -> PyResult<Set> {
    match v {
        Value::Set(s) => return Ok(s.borrow().clone()),
        Value::FrozenSet(s) => return Ok((**s).clone()),
        _ => {}
    }
    let mut out = Set::new();
    for item in vm.collect(v)? {
        out.insert(vm.hkey(item)?);
    }
    Ok(out)
}

fn is_set(v: &Value) -> bool {
    matches!(v, Value::Set(_))
}

fn is_any_set(v: &Value) -> bool {
    matches!(v, Value::Set(_) | Value::FrozenSet(_))
}

/// The receiver of a method that changes the set.
fn this_mut(vm: &Vm, name: &str, args: &[Value]) -> PyResult<Rc<RefCell<Set>>> {
    match args::recv(vm, "set", name, args, is_set)? {
        Value::Set(s) => Ok(s),
        _ => Err(Exc::type_error("expected a set")),
    }
}

/// The receiver of a method both set types have, with a copy of its contents.
fn this_any(vm: &Vm, name: &str, args: &[Value]) -> PyResult<(Value, Set)> {
    let v = args::recv(vm, "set", name, args, is_any_set)?;
    let s = match &v {
        Value::Set(s) => s.borrow().clone(),
        Value::FrozenSet(s) => (**s).clone(),
        _ => Set::new(),
    };
    Ok((v, s))
}

/// A result of the receiver's own type.
fn like(recv: &Value, s: Set) -> Value {
    match recv {
        Value::FrozenSet(_) => Value::FrozenSet(Rc::new(s)),
        _ => Value::Set(Rc::new(RefCell::new(s))),
    }
}

fn add(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let s = this_mut(vm, "add", args)?;
    let item = one("set.add", rest(args), kw)?;
    let k = vm.hkey(item.clone())?;
    s.borrow_mut().insert(k);
    Ok(Value::None)
}

fn discard(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let s = this_mut(vm, "discard", args)?;
    let item = one("set.discard", rest(args), kw)?;
    let k = super::ops::lookup_key(vm, item)?;
    s.borrow_mut().remove(&k);
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let s = this_mut(vm, "remove", args)?;
    let item = one("set.remove", rest(args), kw)?;
    let k = super::ops::lookup_key(vm, item)?;
    if s.borrow_mut().remove(&k) {
        Ok(Value::None)
    } else {
        Err(args::key_error(item.clone()))
    }
}

fn pop(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let s = this_mut(vm, "pop", args)?;
    noargs("set.pop", rest(args), kw)?;
    let first = s.borrow().iter().next().cloned();
    match first {
        Some(k) => {
            s.borrow_mut().remove(&k);
            Ok(k.value)
        }
        None => Err(args::key_error(Value::str("pop from an empty set"))),
    }
}

fn clear(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let s = this_mut(vm, "clear", args)?;
    noargs("set.clear", rest(args), kw)?;
    let old = std::mem::take(&mut *s.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let (v, s) = this_any(vm, "copy", args)?;
    noargs("set.copy", rest(args), kw)?;
    if let Value::FrozenSet(_) = v {
        return Ok(v);
    }
    Ok(like(&v, s))
}

/// `union`, `intersection` and `difference` take any number of iterables.
fn many(vm: &mut Vm, name: &str, op: SetOp, args: &[Value], kw: &Kwargs) -> PyResult {
    let (v, mut acc) = this_any(vm, name, args)?;
    args::no_kw(&format!("set.{name}"), kw)?;
    for other in rest(args) {
        let o = set_from(vm, other)?;
        acc = set_op(op, &acc, &o);
    }
    Ok(like(&v, acc))
}

fn union(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    many(vm, "union", SetOp::Union, args, kw)
}

fn intersection(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    many(vm, "intersection", SetOp::Intersection, args, kw)
}

fn difference(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    many(vm, "difference", SetOp::Difference, args, kw)
}

fn symmetric_difference(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let (v, s) = this_any(vm, "symmetric_difference", args)?;
    let other = one("set.symmetric_difference", rest(args), kw)?;
    let o = set_from(vm, other)?;
    Ok(like(&v, set_op(SetOp::SymmetricDifference, &s, &o)))
}

/// The `*_update` methods: the receiver becomes `self op other` for each argument in turn.
fn update_with(vm: &mut Vm, name: &str, op: SetOp, args: &[Value], kw: &Kwargs) -> PyResult {
    let s = this_mut(vm, name, args)?;
    args::no_kw(&format!("set.{name}"), kw)?;
    for other in rest(args) {
        let o = set_from(vm, other)?;
        let out = set_op(op, &s.borrow(), &o);
        *s.borrow_mut() = out;
    }
    Ok(Value::None)
}

fn update(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    update_with(vm, "update", SetOp::Union, args, kw)
}

fn intersection_update(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    update_with(vm, "intersection_update", SetOp::Intersection, args, kw)
}

fn difference_update(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    update_with(vm, "difference_update", SetOp::Difference, args, kw)
}

fn symmetric_difference_update(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let s = this_mut(vm, "symmetric_difference_update", args)?;
    let other = one("set.symmetric_difference_update", rest(args), kw)?;
    let o = set_from(vm, other)?;
    let out = set_op(SetOp::SymmetricDifference, &s.borrow(), &o);
    *s.borrow_mut() = out;
    Ok(Value::None)
}

fn relation(vm: &mut Vm, name: &str, args: &[Value], kw: &Kwargs) -> PyResult<(Set, Set)> {
    let (_, s) = this_any(vm, name, args)?;
    let other = one(&format!("set.{name}"), rest(args), kw)?;
    let o = set_from(vm, other)?;
    Ok((s, o))
}

fn issubset(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let (s, o) = relation(vm, "issubset", args, kw)?;
    let r = s.iter().all(|k| o.contains(k));
    Ok(Value::Bool(r))
}

fn issuperset(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let (s, o) = relation(vm, "issuperset", args, kw)?;
    let r = o.iter().all(|k| s.contains(k));
    Ok(Value::Bool(r))
}

fn isdisjoint(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let (s, o) = relation(vm, "isdisjoint", args, kw)?;
    let r = !s.iter().any(|k| o.contains(k));
    Ok(Value::Bool(r))
}

/// `set.__init__`, for subclasses whose instance wraps a set.
fn init(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let s = this_mut(vm, "__init__", args)?;
    args::no_kw("set", kw)?;
    args::expect("set", rest(args), 0, 1)?;
    let items = match args.get(1) {
        Some(v) => set_from(vm, v)?,
        None => Set::new(),
    };
    *s.borrow_mut() = items;
    Ok(Value::None)
}

pub fn install(t: &Types) {
    let shared: &[(&'static str, NativeFn)] = &[
        ("copy", copy),
        ("union", union),
        ("intersection", intersection),
        ("difference", difference),
        ("symmetric_difference", symmetric_difference),
        ("issubset", issubset),
        ("issuperset", issuperset),
        ("isdisjoint", isdisjoint),
    ];
    add_methods(&t.set, "set", shared);
    add_methods(&t.frozenset, "frozenset", shared);
    add_methods(
        &t.set,
        "set",
        &[
            ("add", add),
            ("discard", discard),
            ("remove", remove),
            ("pop", pop),
            ("clear", clear),
            ("update", update),
            ("intersection_update", intersection_update),
            ("difference_update", difference_update),
            ("symmetric_difference_update", symmetric_difference_update),
            ("__init__", init),
        ],
    );
    dunder::install_set(&t.set, "set");
    dunder::install_set(&t.frozenset, "frozenset");
    t.set.dict.borrow_mut().set_str("__hash__", Value::None);
}
