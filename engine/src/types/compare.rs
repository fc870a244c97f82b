//! Comparisons of builtin containers: lexicographic sequences, dict equality, set inclusion, range equality.

use super::arith::as_set;
use super::ops::same_or_eq;
use crate::ast::CmpOp;
use crate::dict::Set;
use crate::exc::{Exc, ExcType, PyResult};
use crate::value::{RangeObj, Value};
use crate::vm::Vm;
use std::cell::Cell;

/// Nested containers compare recursively in Rust; past this depth CPython's RecursionError is raised instead.
const MAX_DEPTH: usize = 400;

thread_local! {
    static DEPTH: Cell<usize> = const { Cell::new(0) };
}

/// Counts one level of nested comparison for as long as it lives.
pub struct DepthGuard;

impl DepthGuard {
    pub fn enter(what: &str) -> PyResult<DepthGuard> {
        let d = DEPTH.with(|c| {
            let d = c.get() + 1;
            c.set(d);
            d
        });
        if d > MAX_DEPTH {
            DEPTH.with(|c| c.set(c.get().saturating_sub(1)));
            return Err(Exc::new(
                ExcType::RecursionError,
                format!("maximum recursion depth exceeded{what}"),
            ));
        }
        Ok(DepthGuard)
    }
}

impl Drop for DepthGuard {
    fn drop(&mut self) {
        DEPTH.with(|c| c.set(c.get().saturating_sub(1)));
    }
}

fn ord_result(op: CmpOp, o: std::cmp::Ordering) -> bool {
    use std::cmp::Ordering::*;
    match op {
        CmpOp::Eq => o == Equal,
        CmpOp::NotEq => o != Equal,
        CmpOp::Lt => o == Less,
        CmpOp::LtE => o != Greater,
        CmpOp::Gt => o == Greater,
        CmpOp::GtE => o != Less,
        _ => false,
    }
}

/// `a op b` for builtin containers of the same kind; `None` when this pair is not ours.
pub fn seq_compare(vm: &mut Vm, op: CmpOp, a: &Value, b: &Value) -> Option<PyResult<bool>> {
    if !matches!(
        op,
        CmpOp::Eq | CmpOp::NotEq | CmpOp::Lt | CmpOp::LtE | CmpOp::Gt | CmpOp::GtE
    ) {
        return None;
    }
    let equality = matches!(op, CmpOp::Eq | CmpOp::NotEq);
    // Numbers arrive here unwrapped from instances of int or float subclasses (IntEnum members...).
    if let (Some(x), Some(y)) = (super::num::num_of(a), super::num::num_of(b)) {
        return Some(Ok(match crate::pynum::num_cmp(&x, &y) {
            Some(o) => ord_result(op, o),
            None => op == CmpOp::NotEq,
        }));
    }
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Some(Ok(ord_result(op, x.cmp(y)))),
        (Value::Bytes(x), Value::Bytes(y)) => Some(Ok(ord_result(op, x.cmp(y)))),
        (Value::List(_), Value::List(_)) | (Value::Tuple(_), Value::Tuple(_)) => {
            let guard = match DepthGuard::enter(" in comparison") {
                Ok(g) => g,
                Err(e) => return Some(Err(e)),
            };
            let r = seq_cmp(vm, op, a, b);
            drop(guard);
            Some(r)
        }
        (Value::Dict(x), Value::Dict(y)) if equality => {
            let guard = match DepthGuard::enter(" in comparison") {
                Ok(g) => g,
                Err(e) => return Some(Err(e)),
            };
            let r = dict_eq(vm, x, y).map(|e| e == (op == CmpOp::Eq));
            drop(guard);
            Some(r)
        }
        (Value::Range(x), Value::Range(y)) if equality => Some(Ok(range_eq(x, y) == (op == CmpOp::Eq))),
        _ => {
            let x = as_set(vm, a)?;
            let y = as_set(vm, b)?;
            Some(match (x, y) {
                (Ok(x), Ok(y)) => Ok(set_cmp(op, &x, &y)),
                (Err(e), _) | (_, Err(e)) => Err(e),
            })
        }
    }
}

fn item(v: &Value, i: usize) -> Option<Value> {
    match v {
        Value::List(l) => l.borrow().get(i).cloned(),
        Value::Tuple(t) => t.get(i).cloned(),
        _ => None,
    }
}

fn length(v: &Value) -> usize {
    match v {
        Value::List(l) => l.borrow().len(),
        Value::Tuple(t) => t.len(),
        _ => 0,
    }
}

fn seq_cmp(vm: &mut Vm, op: CmpOp, a: &Value, b: &Value) -> PyResult<bool> {
    if matches!(op, CmpOp::Eq | CmpOp::NotEq) && length(a) != length(b) {
        return Ok(op == CmpOp::NotEq);
    }
    let mut i = 0;
    // Lists may change while elements compare, so lengths are read afresh each step.
    while let (Some(x), Some(y)) = (item(a, i), item(b, i)) {
        if !same_or_eq(vm, &x, &y)? {
            return match op {
                CmpOp::Eq => Ok(false),
                CmpOp::NotEq => Ok(true),
                _ => {
                    let r = vm.compare(op, &x, &y)?;
                    vm.truthy(&r)
                }
            };
        }
        i += 1;
    }
    Ok(ord_result(op, length(a).cmp(&length(b))))
}

fn dict_eq(
    vm: &mut Vm,
    x: &std::rc::Rc<std::cell::RefCell<crate::dict::Dict>>,
    y: &std::rc::Rc<std::cell::RefCell<crate::dict::Dict>>,
) -> PyResult<bool> {
    if x.borrow().len() != y.borrow().len() {
        return Ok(false);
    }
    let mut i = 0;
    loop {
        let (k, v) = match x.borrow().map.get_index(i) {
            Some((k, v)) => (k.clone(), v.clone()),
            None => return Ok(true),
        };
        let other = y.borrow().get(&k);
        match other {
            Some(w) => {
                if !same_or_eq(vm, &v, &w)? {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
        i += 1;
    }
}

fn range_eq(x: &RangeObj, y: &RangeObj) -> bool {
    let (n, m) = (x.len(), y.len());
    if n != m {
        return false;
    }
    n == 0 || (x.start == y.start && (n == 1 || x.step == y.step))
}

fn subset(a: &Set, b: &Set) -> bool {
    a.len() <= b.len() && a.iter().all(|k| b.contains(k))
}

fn set_cmp(op: CmpOp, a: &Set, b: &Set) -> bool {
    match op {
        CmpOp::Eq => a.len() == b.len() && subset(a, b),
        CmpOp::NotEq => !(a.len() == b.len() && subset(a, b)),
        CmpOp::LtE => subset(a, b),
        CmpOp::Lt => a.len() < b.len() && subset(a, b),
        CmpOp::GtE => subset(b, a),
        CmpOp::Gt => b.len() < a.len() && subset(b, a),
        _ => false,
    }
}
