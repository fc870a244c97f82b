//! Binary operators on the builtin containers: concatenation, repetition, `%` formatting, set and dict union.

use super::args::{check_size, check_str_size, index_of};
use super::dict::{DictView, ViewKind};
use super::set::{
    difference_impl, difference_update, intersection_impl, symmetric_difference, symmetric_difference_update, update,
    Operand,
};
use crate::ast::BinOp;
use crate::dict::{Dict, Set};
use crate::exc::{Exc, PyResult};
use crate::value::Value;
use crate::vm::Vm;
use std::rc::Rc;

/// `a op b` when `a` or `b` is a builtin container; `None` when this pair is not ours (numbers, instances...).
pub fn seq_binary(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> Option<PyResult> {
    // Numbers arrive here unwrapped from instances of int or float subclasses (IntEnum members...).
    if super::num::num_of(a).is_some() && super::num::num_of(b).is_some() {
        return Some(vm.binary(op, a, b, false));
    }
    match op {
        BinOp::Add => concat(vm, a, b),
        BinOp::Mult => match (a, b) {
            (Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_), _) => repeat(vm, a, b),
            (_, Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_)) => {
                if matches!(a, Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) {
                    repeat(vm, b, a)
                } else {
                    None
                }
            }
            _ => None,
        },
        BinOp::Mod => match a {
            Value::Str(fmt) => Some(super::printf::format(vm, fmt, b).map(|s| Value::Str(Rc::from(s)))),
            Value::Bytes(fmt) => Some(super::printf::format_bytes(vm, fmt, b).map(|s| Value::Bytes(Rc::from(s)))),
            // `bytearray % args` formats as bytes do, into a new bytearray.
            Value::Object(o) => o.as_any().downcast_ref::<super::bytearray::ByteArray>().map(|ba| {
                let fmt = ba.data.borrow().clone();
                super::printf::format_bytes(vm, &fmt, b).map(super::bytearray::ByteArray::value)
            }),
            _ => None,
        },
        BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor => set_like(vm, op, a, b),
        _ => None,
    }
}

fn concat(vm: &mut Vm, a: &Value, b: &Value) -> Option<PyResult> {
    let r = match (a, b) {
        (Value::Str(x), Value::Str(y)) => {
            if x.is_empty() {
                return Some(Ok(b.clone()));
            }
            if y.is_empty() {
                return Some(Ok(a.clone()));
            }
            check_str_size(x.len() + y.len()).map(|_| {
                let mut s = String::with_capacity(x.len() + y.len());
                s.push_str(x);
                s.push_str(y);
                Value::Str(Rc::from(s))
            })
        }
        (Value::List(x), Value::List(y)) => {
            if let Err(e) = check_size(x.borrow().len() + y.borrow().len()) {
                return Some(Err(e));
            }
            let mut v = x.borrow().clone();
            v.extend(y.borrow().iter().cloned());
            check_size(v.len()).map(|_| Value::list(v))
        }
        (Value::Tuple(x), Value::Tuple(y)) => {
            if y.is_empty() {
                return Some(Ok(a.clone()));
            }
            let mut v = x.to_vec();
            v.extend(y.iter().cloned());
            check_size(v.len()).map(|_| Value::tuple(v))
        }
        (Value::Bytes(x), Value::Bytes(y)) => {
            let mut v = x.to_vec();
            v.extend_from_slice(y);
            check_str_size(v.len()).map(|_| Value::Bytes(Rc::from(v)))
        }
        (Value::Bytes(x), other) if other.as_native::<super::bytearray::ByteArray>().is_some() => {
            let y = super::bytearray::bytes_like(other).unwrap_or_else(|| Rc::from(&b""[..]));
            let mut v = x.to_vec();
            v.extend_from_slice(&y);
            check_str_size(v.len()).map(|_| Value::Bytes(Rc::from(v)))
        }
        // An instance may still answer with `__radd__`; the caller tries that and words the failure.
        (_, Value::Instance(_)) => return None,
        (Value::Str(_), _) => Err(only_concat("str", vm.type_name(b))),
        (Value::List(_), _) => Err(only_concat("list", vm.type_name(b))),
        (Value::Tuple(_), _) => Err(only_concat("tuple", vm.type_name(b))),
        (Value::Bytes(_), _) => Err(Exc::type_error(format!("can't concat {} to bytes", vm.type_name(b)))),
        _ => return None,
    };
    Some(r)
}

fn only_concat(what: &str, other: String) -> Exc {
    Exc::type_error(format!("can only concatenate {what} (not \"{other}\") to {what}"))
}

/// `seq * n`: a negative count gives an empty sequence; an oversized result raises MemoryError.
fn repeat(vm: &mut Vm, seq: &Value, n: &Value) -> Option<PyResult> {
    let count = match n {
        Value::BigInt(b) => {
            if b.sign() == num_bigint::Sign::Minus {
                0
            } else {
                return Some(Err(Exc::overflow("cannot fit 'int' into an index-sized integer")));
            }
        }
        Value::Instance(_) if !matches!(seq, Value::Instance(_)) => match index_of(vm, n) {
            Ok(Some(i)) => i,
            Ok(None) => return None,
            Err(e) => return Some(Err(e)),
        },
        _ => match index_of(vm, n) {
            Ok(Some(i)) => i,
            Ok(None) => {
                return Some(Err(Exc::type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    vm.type_name(n)
                ))))
            }
            Err(e) => return Some(Err(e)),
        },
    };
    let count = count.max(0) as u64;
    let r = match seq {
        Value::Str(s) if s.is_empty() => Ok(seq.clone()),
        Value::Str(s) => size(s.len(), count, check_str_size).map(|_| Value::Str(Rc::from(s.repeat(count as usize)))),
        Value::Bytes(b) => {
            size(b.len(), count, check_str_size).map(|_| Value::Bytes(Rc::from(b.repeat(count as usize))))
        }
        Value::List(l) => {
            let items = l.borrow().clone();
            size(items.len(), count, check_size).map(|_| Value::list(repeat_values(&items, count)))
        }
        Value::Tuple(t) => {
            if count == 1 {
                return Some(Ok(seq.clone()));
            }
            size(t.len(), count, check_size).map(|_| Value::tuple(repeat_values(t, count)))
        }
        _ => return None,
    };
    Some(r)
}

/// `items * count`, once `size` has checked that the result fits.
fn repeat_values(items: &[Value], count: u64) -> Vec<Value> {
    if items.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::with_capacity(items.len() * count as usize);
    for _ in 0..count {
        out.extend_from_slice(items);
    }
    out
}

fn size(len: usize, count: u64, check: fn(usize) -> PyResult<()>) -> PyResult<()> {
    if len == 0 {
        return Ok(());
    }
    let total = (len as u64).checked_mul(count).ok_or_else(Exc::memory)?;
    check(usize::try_from(total).map_err(|_| Exc::memory())?)
}

/// The set a set-like operand stands for: a set, a frozenset, or a dict's keys or items view.
pub fn as_set(vm: &mut Vm, v: &Value) -> Option<PyResult<Set>> {
    match v {
        Value::Set(s) => Some(Ok(s.borrow().clone())),
        Value::FrozenSet(s) => Some(Ok((**s).clone())),
        Value::Object(_) => {
            let view = v.as_native::<DictView>()?;
            match view.kind {
                ViewKind::Values => None,
                _ => Some(view_set(vm, view)),
            }
        }
        _ => None,
    }
}

/// CPython's `dictviews_to_set`: a keys view copies its dict's keys (growing the table up front).
fn view_set(vm: &mut Vm, view: &DictView) -> PyResult<Set> {
    let mut s = Set::new();
    match view.kind {
        ViewKind::Keys => {
            let keys: Vec<crate::dict::HKey> = view.dict.borrow().map.keys().cloned().collect();
            update(vm, &mut s, Operand::Dict(keys))?;
        }
        _ => update(vm, &mut s, Operand::Items(view.items()))?,
    }
    Ok(s)
}

fn set_like(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> Option<PyResult> {
    if let Value::Dict(x) = a {
        if let (Value::Dict(y), BinOp::BitOr) = (b, op) {
            let mut d: Dict = x.borrow().clone();
            for (k, v) in y.borrow().map.iter() {
                d.insert(k.clone(), v.clone());
            }
            return Some(Ok(Value::dict(d)));
        }
        return None;
    }
    let a_view = a.as_native::<DictView>().is_some_and(|v| v.kind != ViewKind::Values);
    let b_view = b.as_native::<DictView>().is_some_and(|v| v.kind != ViewKind::Values);
    let a_set = matches!(a, Value::Set(_) | Value::FrozenSet(_));
    let b_set = matches!(b, Value::Set(_) | Value::FrozenSet(_));
    let r = if a_set && b_set {
        set_operator(vm, op, a, b)
    } else if a_view || b_view {
        view_operator(vm, op, a, b, a_view)
    } else {
        return None;
    };
    Some(r)
}

/// `set op set`: the result has the left operand's type.
fn set_operator(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult {
    let left = match as_set(vm, a) {
        Some(r) => r?,
        None => Set::new(),
    };
    let right = Operand::of(vm, b)?;
    let out = match op {
        BinOp::BitOr => {
            let mut r = left.copy_compact();
            update(vm, &mut r, right)?;
            r
        }
        BinOp::BitAnd => intersection_impl(vm, &left, right)?,
        BinOp::Sub => difference_impl(vm, &left, right)?,
        _ => symmetric_difference(vm, &left, right)?,
    };
    Ok(match a {
        Value::FrozenSet(_) => Value::FrozenSet(Rc::new(out)),
        _ => Value::Set(Rc::new(std::cell::RefCell::new(out))),
    })
}

/// A dict view on either side: CPython's `dictviews_or` and friends, which always make a set.
fn view_operator(vm: &mut Vm, op: BinOp, a: &Value, b: &Value, a_view: bool) -> PyResult {
    let out = if op == BinOp::BitAnd {
        // `_PyDictView_Intersect`: the view goes first, and a bigger set answers with its own intersection.
        let (view, other) = if a_view { (a, b) } else { (b, a) };
        let vset = as_set(vm, view).unwrap_or_else(|| Ok(Set::new()))?;
        match other {
            Value::Set(s) if vset.len() <= s.borrow().len() => {
                let s = s.borrow().clone();
                let view_items = match view.as_native::<DictView>() {
                    Some(v) => v.items(),
                    None => Vec::new(),
                };
                intersection_impl(vm, &s, Operand::Items(view_items))?
            }
            _ => {
                let items = vm.collect(other)?;
                let mut r = Set::new();
                for it in items {
                    let k = vm.hkey(it)?;
                    if vset.contains(&k) {
                        r.insert(k);
                    }
                }
                r
            }
        }
    } else {
        let mut left = match as_set(vm, a) {
            Some(r) => r?,
            None => {
                let mut s = Set::new();
                let o = Operand::of(vm, a)?;
                update(vm, &mut s, o)?;
                s
            }
        };
        let right = Operand::of(vm, b)?;
        match op {
            BinOp::BitOr => update(vm, &mut left, right)?,
            BinOp::Sub => difference_update(vm, &mut left, right)?,
            _ => symmetric_difference_update(vm, &mut left, right)?,
        }
        left
    };
    Ok(Value::Set(Rc::new(std::cell::RefCell::new(out))))
}

/// `a op= b` where the builtin container changes in place (`list +=`, `set |=`, `dict |=`...);
/// `None` means "no in-place form here, fall back to `seq_binary`".
pub fn seq_inplace(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> Option<PyResult> {
    match (a, op) {
        (Value::List(l), BinOp::Add) => {
            let items = match b {
                Value::List(x) => x.borrow().clone(),
                Value::Tuple(t) => t.to_vec(),
                _ => match vm.collect(b) {
                    Ok(v) => v,
                    Err(e) => return Some(Err(e)),
                },
            };
            let len = l.borrow().len();
            let r = check_size(len + items.len()).map(|_| {
                l.borrow_mut().extend(items);
                a.clone()
            });
            Some(r)
        }
        (Value::List(l), BinOp::Mult) => {
            let count = match index_of(vm, b) {
                Ok(Some(i)) => i.max(0) as u64,
                Ok(None) => return None,
                Err(e) => return Some(Err(e)),
            };
            let items = l.borrow().clone();
            let r = size(items.len(), count, check_size).map(|_| {
                *l.borrow_mut() = repeat_values(&items, count);
                a.clone()
            });
            Some(r)
        }
        (Value::Set(s), BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor) => {
            if !matches!(b, Value::Set(_) | Value::FrozenSet(_)) {
                return None;
            }
            let r = (|| {
                let right = Operand::of(vm, b)?;
                let mut cur = s.borrow().clone();
                match op {
                    BinOp::BitOr => update(vm, &mut cur, right)?,
                    BinOp::BitAnd => cur = intersection_impl(vm, &cur, right)?,
                    BinOp::Sub => difference_update(vm, &mut cur, right)?,
                    _ => symmetric_difference_update(vm, &mut cur, right)?,
                }
                *s.borrow_mut() = cur;
                Ok(a.clone())
            })();
            Some(r)
        }
        (Value::Dict(d), BinOp::BitOr) => {
            let d = d.clone();
            Some(vm.dict_update(&d, b).map(|_| a.clone()))
        }
        _ => None,
    }
}
