//! Builtins that consume an iterable: `sum`, `min`, `max`, `sorted`, `any`, `all`.

use crate::ast::{BinOp, CmpOp};
use crate::exc::{Exc, PyResult};
use crate::native::Kwargs;
use crate::types::args::{self, one};
use crate::types::sort;
use crate::value::Value;
use crate::vm::Vm;

pub fn sum(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    if args.is_empty() {
        return Err(Exc::type_error("sum() takes at least 1 positional argument (0 given)"));
    }
    if args.len() > 2 {
        return Err(Exc::type_error(format!(
            "sum() takes at most 2 arguments ({} given)",
            args.len() + kw.len()
        )));
    }
    let slots = args::bind_kw("sum", &["iterable", "start"], args.len(), kw)?;
    let start = args
        .get(1)
        .cloned()
        .or_else(|| slots.get(1).cloned().flatten())
        .unwrap_or(Value::Int(0));
    match &start {
        Value::Str(_) => return Err(Exc::type_error("sum() can't sum strings [use ''.join(seq) instead]")),
        Value::Bytes(_) => return Err(Exc::type_error("sum() can't sum bytes [use b''.join(seq) instead]")),
        _ => {}
    }
    let it = vm.iter(&args[0])?;
    let mut acc = start;
    while let Some(x) = vm.next(&it)? {
        acc = match (&acc, &x) {
            (Value::Int(a), Value::Int(b)) => match a.checked_add(*b) {
                Some(s) => Value::Int(s),
                None => vm.binary(BinOp::Add, &acc, &x, false)?,
            },
            (Value::Float(a), Value::Float(b)) => Value::Float(a + b),
            _ => vm.binary(BinOp::Add, &acc, &x, false)?,
        };
    }
    Ok(acc)
}

/// `min` and `max`: `op` is the comparison that makes a new item win (`<` for min, `>` for max).
fn extreme(vm: &mut Vm, name: &str, op: CmpOp, args: &[Value], kw: &Kwargs) -> PyResult {
    let mut key = None;
    let mut default = None;
    for (k, v) in kw {
        match &**k {
            "key" => key = if v.is_none() { None } else { Some(v.clone()) },
            "default" => default = Some(v.clone()),
            _ => {
                return Err(Exc::type_error(format!(
                    "'{k}' is an invalid keyword argument for {name}()"
                )))
            }
        }
    }
    let items: Value = match args {
        [] => return Err(Exc::type_error(format!("{name} expected at least 1 argument, got 0"))),
        [one] => one.clone(),
        many => {
            if default.is_some() {
                return Err(Exc::type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            Value::tuple(many.to_vec())
        }
    };
    let it = vm.iter(&items)?;
    let mut best: Option<(Value, Value)> = None;
    while let Some(x) = vm.next(&it)? {
        let k = match &key {
            Some(f) => vm.call(f, vec![x.clone()])?,
            None => x.clone(),
        };
        best = Some(match best {
            None => (k, x),
            Some((bk, bx)) => {
                let wins = match (&k, &bk) {
                    (Value::Int(a), Value::Int(b)) => match op {
                        CmpOp::Lt => a < b,
                        _ => a > b,
                    },
                    _ => {
                        let r = vm.compare(op, &k, &bk)?;
                        vm.truthy(&r)?
                    }
                };
                if wins {
                    (k, x)
                } else {
                    (bk, bx)
                }
            }
        });
    }
    match (best, default) {
        (Some((_, x)), _) => Ok(x),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(Exc::value_error(format!("{name}() arg is an empty sequence"))),
    }
}

pub fn min(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    extreme(vm, "min", CmpOp::Lt, args, kw)
}

pub fn max(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    extreme(vm, "max", CmpOp::Gt, args, kw)
}

pub fn sorted(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    args::expect("sorted", args, 1, 1)?;
    let (key, reverse) = sort::sort_options(vm, kw)?;
    let items = vm.collect(&args[0])?;
    let out = sort::sort_values(vm, items, key.as_ref(), reverse)?;
    Ok(Value::list(out))
}

pub fn any(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let v = one("any", args, kw)?;
    let it = vm.iter(v)?;
    while let Some(x) = vm.next(&it)? {
        if vm.truthy(&x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

pub fn all(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let v = one("all", args, kw)?;
    let it = vm.iter(v)?;
    while let Some(x) = vm.next(&it)? {
        if !vm.truthy(&x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}
