//! Methods of `set` and `frozenset`, and the set algebra the operators share with them.

use super::args::{self, noargs, one, rest};
use super::{add_methods, dunder, Types};
use crate::dict::{HKey, Set};
use crate::exc::{Exc, PyResult};
use crate::native::{Kwargs, NativeFn};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;
use std::rc::Rc;

/// The other operand of a set operation, in the three shapes CPython's algorithms tell apart.
pub enum Operand {
    Set(Set),
    /// A dict's keys, with their hashes (CPython grows the table for them up front).
    Dict(Vec<HKey>),
    Items(Vec<Value>),
}

impl Operand {
    pub fn of(vm: &mut Vm, v: &Value) -> PyResult<Operand> {
        Ok(match args::unwrap(v) {
            Value::Set(s) => Operand::Set(s.borrow().clone()),
            Value::FrozenSet(s) => Operand::Set((*s).clone()),
            Value::Dict(d) if !matches!(v, Value::Instance(_)) => {
                Operand::Dict(d.borrow().map.keys().cloned().collect())
            }
            _ => Operand::Items(vm.collect(v)?),
        })
    }

    /// The operand as a set of its own (CPython's `make_new_set(type, other)`).
    fn into_set(self, vm: &mut Vm) -> PyResult<Set> {
        match self {
            Operand::Set(s) => Ok(s.copy_compact()),
            other => {
                let mut t = Set::new();
                update(vm, &mut t, other)?;
                Ok(t)
            }
        }
    }
}

/// `so |= other`, CPython's `set_update_internal`.
pub fn update(vm: &mut Vm, so: &mut Set, other: Operand) -> PyResult<()> {
    match other {
        Operand::Set(o) => so.merge(&o),
        Operand::Dict(keys) => {
            so.reserve_for(keys.len());
            for k in keys {
                so.insert(k);
            }
        }
        Operand::Items(items) => {
            for it in items {
                let k = vm.hkey(it)?;
                so.insert(k);
            }
        }
    }
    Ok(())
}

/// `so & other`, CPython's `set_intersection`: walks the smaller set, keeping what the larger holds.
pub fn intersection_impl(vm: &mut Vm, so: &Set, other: Operand) -> PyResult<Set> {
    let mut result = Set::new();
    match other {
        Operand::Set(o) => {
            let (walk, probe) = if o.len() > so.len() { (so, &o) } else { (&o, so) };
            for k in walk.iter() {
                if probe.contains(k) {
                    result.insert(k.clone());
                }
            }
        }
        Operand::Dict(keys) => {
            for k in keys {
                if so.contains(&k) {
                    result.insert(k);
                }
            }
        }
        Operand::Items(items) => {
            for it in items {
                let k = vm.hkey(it)?;
                if so.contains(&k) {
                    result.insert(k);
                }
            }
        }
    }
    Ok(result)
}

/// `so - other`, CPython's `set_difference`.
pub fn difference_impl(vm: &mut Vm, so: &Set, other: Operand) -> PyResult<Set> {
    let other_set = match other {
        Operand::Set(o) => o,
        Operand::Dict(keys) => {
            let mut t = Set::new();
            for k in keys {
                t.insert(k);
            }
            t
        }
        items @ Operand::Items(_) => {
            let mut result = so.copy_compact();
            difference_update(vm, &mut result, items)?;
            return Ok(result);
        }
    };
    // A much larger receiver is copied and trimmed rather than rebuilt.
    if (so.len() >> 2) > other_set.len() {
        let mut result = so.copy_compact();
        for k in other_set.iter() {
            result.remove(k);
        }
        return Ok(result);
    }
    let mut result = Set::new();
    for k in so.iter() {
        if !other_set.contains(k) {
            result.insert(k.clone());
        }
    }
    Ok(result)
}

/// `so -= other`, CPython's `set_difference_update_internal`.
pub fn difference_update(vm: &mut Vm, so: &mut Set, other: Operand) -> PyResult<()> {
    match other {
        Operand::Set(o) => {
            // A much larger other set is first cut down to what the two share.
            let o = if (o.len() >> 3) > so.len() {
                intersection_impl(vm, so, Operand::Set(o))?
            } else {
                o
            };
            for k in o.iter() {
                so.remove(k);
            }
        }
        Operand::Dict(keys) => {
            for k in keys {
                so.remove(&k);
            }
        }
        Operand::Items(items) => {
            for it in items {
                let k = vm.hkey(it)?;
                so.remove(&k);
            }
        }
    }
    so.shed_dummies();
    Ok(())
}

/// `so ^ other`, CPython's `set_symmetric_difference`: a copy of `other`, toggled by each member of `so`.
pub fn symmetric_difference(vm: &mut Vm, so: &Set, other: Operand) -> PyResult<Set> {
    let mut result = other.into_set(vm)?;
    for k in so.iter() {
        if !result.remove(k) {
            result.insert(k.clone());
        }
    }
    Ok(result)
}

/// `so ^= other`: each member of `other` toggles its presence in `so`.
pub fn symmetric_difference_update(vm: &mut Vm, so: &mut Set, other: Operand) -> PyResult<()> {
    // A dict toggles in its own order; any other iterable becomes a set first.
    let keys: Vec<HKey> = match other {
        Operand::Set(o) => o.iter().cloned().collect(),
        Operand::Dict(keys) => keys,
        items => items.into_set(vm)?.iter().cloned().collect(),
    };
    for k in keys {
        if !so.remove(&k) {
            so.insert(k);
        }
    }
    Ok(())
}

/// Builds a set from any iterable, hashing every item.
pub fn set_from(vm: &mut Vm, v: &Value) -> PyResult<Set> {
    let mut out = Set::new();
    let other = Operand::of(vm, v)?;
    update(vm, &mut out, other)?;
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
    let k = s.borrow_mut().pop();
    match k {
        Some(k) => Ok(k.value),
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
    Ok(like(&v, s.copy_compact()))
}

fn union(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let (v, s) = this_any(vm, "union", args)?;
    args::no_kw("set.union", kw)?;
    let mut acc = s.copy_compact();
    for other in rest(args) {
        let o = Operand::of(vm, other)?;
        update(vm, &mut acc, o)?;
    }
    Ok(like(&v, acc))
}

fn intersection(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let (v, s) = this_any(vm, "intersection", args)?;
    args::no_kw("set.intersection", kw)?;
    let mut acc = s.copy_compact();
    for other in rest(args) {
        let o = Operand::of(vm, other)?;
        acc = intersection_impl(vm, &acc, o)?;
    }
    Ok(like(&v, acc))
}

fn difference(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let (v, s) = this_any(vm, "difference", args)?;
    args::no_kw("set.difference", kw)?;
    let mut others = rest(args).iter();
    let Some(first) = others.next() else {
        return Ok(like(&v, s.copy_compact()));
    };
    let o = Operand::of(vm, first)?;
    let mut acc = difference_impl(vm, &s, o)?;
    for other in others {
        let o = Operand::of(vm, other)?;
        difference_update(vm, &mut acc, o)?;
    }
    Ok(like(&v, acc))
}

fn symmetric_difference_m(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let (v, s) = this_any(vm, "symmetric_difference", args)?;
    let other = one("set.symmetric_difference", rest(args), kw)?;
    let o = Operand::of(vm, other)?;
    Ok(like(&v, symmetric_difference(vm, &s, o)?))
}

/// The `*_update` methods change the receiver by each argument in turn.
fn update_with(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: &Kwargs,
    step: fn(&mut Vm, &mut Set, Operand) -> PyResult<()>,
) -> PyResult {
    let s = this_mut(vm, name, args)?;
    args::no_kw(&format!("set.{name}"), kw)?;
    for other in rest(args) {
        let o = Operand::of(vm, other)?;
        // Work on a copy so no borrow is held while hashing runs Python code.
        let mut cur = s.borrow().clone();
        step(vm, &mut cur, o)?;
        *s.borrow_mut() = cur;
    }
    Ok(Value::None)
}

fn update_m(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    update_with(vm, "update", args, kw, update)
}

fn intersection_update(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    update_with(vm, "intersection_update", args, kw, |vm, so, o| {
        *so = intersection_impl(vm, so, o)?;
        Ok(())
    })
}

fn difference_update_m(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    update_with(vm, "difference_update", args, kw, difference_update)
}

fn symmetric_difference_update_m(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let s = this_mut(vm, "symmetric_difference_update", args)?;
    let other = one("set.symmetric_difference_update", rest(args), kw)?;
    let o = Operand::of(vm, other)?;
    let mut cur = s.borrow().clone();
    symmetric_difference_update(vm, &mut cur, o)?;
    *s.borrow_mut() = cur;
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
        ("symmetric_difference", symmetric_difference_m),
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
            ("update", update_m),
            ("intersection_update", intersection_update),
            ("difference_update", difference_update_m),
            ("symmetric_difference_update", symmetric_difference_update_m),
            ("__init__", init),
        ],
    );
    dunder::install_set(&t.set, "set");
    dunder::install_set(&t.frozenset, "frozenset");
    t.set.dict.borrow_mut().set_str("__hash__", Value::None);
}
