//! `range` and `slice`: construction, their attributes and methods.

use super::args::{self, int_arg, noargs, one, rest};
use super::{add_methods, add_property, dunder, Types};
use crate::exc::{Exc, PyResult};
use crate::native::Kwargs;
use crate::value::{RangeObj, Value};
use crate::vm::Vm;
use std::rc::Rc;

/// A range bound: an int that fits a machine word (bigger ones are outside what Interleave's ranges hold).
fn bound(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::BigInt(_) => Err(Exc::overflow(
            "range() arguments beyond 64 bits are not supported in Interleave",
        )),
        _ => int_arg(vm, v),
    }
}

/// `range(stop)`, `range(start, stop[, step])`.
pub fn new_range(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult {
    args::no_kw("range", kw)?;
    args::expect("range", a, 1, 3)?;
    let (start, stop, step) = match a {
        [stop] => (0, bound(vm, stop)?, 1),
        [start, stop] => (bound(vm, start)?, bound(vm, stop)?, 1),
        [start, stop, step] => (bound(vm, start)?, bound(vm, stop)?, bound(vm, step)?),
        _ => return Err(Exc::type_error("range expected at most 3 arguments")),
    };
    if step == 0 {
        return Err(Exc::value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Range(Rc::new(RangeObj { start, stop, step })))
}

/// `slice(stop)`, `slice(start, stop[, step])`.
pub fn new_slice(_vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult {
    args::no_kw("slice", kw)?;
    args::expect("slice", a, 1, 3)?;
    let s = match a {
        [stop] => [Value::None, stop.clone(), Value::None],
        [start, stop] => [start.clone(), stop.clone(), Value::None],
        [start, stop, step] => [start.clone(), stop.clone(), step.clone()],
        _ => return Err(Exc::type_error("slice expected at most 3 arguments")),
    };
    Ok(Value::Slice(Rc::new(s)))
}

fn this(vm: &Vm, name: &str, args: &[Value]) -> PyResult<Rc<RangeObj>> {
    match args::recv(vm, "range", name, args, |v| matches!(v, Value::Range(_)))? {
        Value::Range(r) => Ok(r),
        _ => Err(Exc::type_error("expected a range")),
    }
}

fn start(vm: &mut Vm, args: &[Value], _kw: &Kwargs) -> PyResult {
    Ok(Value::Int(this(vm, "start", args)?.start))
}

fn stop(vm: &mut Vm, args: &[Value], _kw: &Kwargs) -> PyResult {
    Ok(Value::Int(this(vm, "stop", args)?.stop))
}

fn step(vm: &mut Vm, args: &[Value], _kw: &Kwargs) -> PyResult {
    Ok(Value::Int(this(vm, "step", args)?.step))
}

/// The position of `x` in the range, for ints.
fn position(r: &RangeObj, x: i64) -> Option<i64> {
    let (s, e, st, x) = (r.start as i128, r.stop as i128, r.step as i128, x as i128);
    let inside = if st > 0 { s <= x && x < e } else { e < x && x <= s };
    if inside && (x - s) % st == 0 {
        Some(((x - s) / st) as i64)
    } else {
        None
    }
}

fn count(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let r = this(vm, "count", args)?;
    let x = one("range.count", rest(args), kw)?;
    match x {
        Value::Int(i) => Ok(Value::Int(position(&r, *i).is_some() as i64)),
        Value::Bool(b) => Ok(Value::Int(position(&r, *b as i64).is_some() as i64)),
        _ => {
            let mut n = 0;
            for k in 0..r.len() {
                if vm.eq(&Value::Int(r.get(k)), x)? {
                    n += 1;
                }
            }
            Ok(Value::Int(n))
        }
    }
}

fn index(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let r = this(vm, "index", args)?;
    let x = one("range.index", rest(args), kw)?;
    match x {
        Value::Int(_) | Value::Bool(_) => {
            let i = match x {
                Value::Bool(b) => *b as i64,
                Value::Int(i) => *i,
                _ => 0,
            };
            match position(&r, i) {
                Some(p) => Ok(Value::Int(p)),
                None => Err(Exc::value_error(format!("{i} is not in range"))),
            }
        }
        _ => {
            for k in 0..r.len() {
                if vm.eq(&Value::Int(r.get(k)), x)? {
                    return Ok(Value::Int(k));
                }
            }
            Err(Exc::value_error("sequence.index(x): x not in sequence"))
        }
    }
}

fn this_slice(args: &[Value]) -> PyResult<Rc<[Value; 3]>> {
    match args.first() {
        Some(Value::Slice(s)) => Ok(s.clone()),
        _ => Err(Exc::type_error("descriptor for 'slice' objects needs a slice")),
    }
}

fn slice_start(_vm: &mut Vm, args: &[Value], _kw: &Kwargs) -> PyResult {
    Ok(this_slice(args)?[0].clone())
}

fn slice_stop(_vm: &mut Vm, args: &[Value], _kw: &Kwargs) -> PyResult {
    Ok(this_slice(args)?[1].clone())
}

fn slice_step(_vm: &mut Vm, args: &[Value], _kw: &Kwargs) -> PyResult {
    Ok(this_slice(args)?[2].clone())
}

fn slice_indices(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let s = this_slice(args)?;
    let n = one("slice.indices", rest(args), kw)?;
    let n = int_arg(vm, n)?;
    if n < 0 {
        return Err(Exc::value_error("length should not be negative"));
    }
    let si = super::ops::slice_indices(vm, &s, n as usize)?;
    Ok(Value::tuple(vec![
        Value::Int(si.start),
        Value::Int(si.stop),
        Value::Int(si.step),
    ]))
}

fn range_reversed(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let r = this(vm, "__reversed__", args)?;
    noargs("range.__reversed__", rest(args), kw)?;
    Ok(Value::Object(Rc::new(super::iters::RangeIter::new(&r, true))))
}

pub fn install(t: &Types) {
    add_methods(
        &t.range,
        "range",
        &[("count", count), ("index", index), ("__reversed__", range_reversed)],
    );
    add_property(&t.range, "range", "start", start);
    add_property(&t.range, "range", "stop", stop);
    add_property(&t.range, "range", "step", step);
    dunder::install_range(&t.range);
    add_methods(&t.slice, "slice", &[("indices", slice_indices)]);
    add_property(&t.slice, "slice", "start", slice_start);
    add_property(&t.slice, "slice", "stop", slice_stop);
    add_property(&t.slice, "slice", "step", slice_step);
}
