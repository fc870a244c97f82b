//! Searching a str: `find`, `rfind`, `index`, `rindex`, `count`, `startswith`, `endswith` and `replace`, as
//! argument handling around `crate::pystr`.

use super::{opt_str_arg, this};
use crate::exc::{Exc, PyResult};
use crate::native::Kwargs;
use crate::pystr;
use crate::types::args::{self, rest};
use crate::types::from_pyerr;
use crate::value::Value;
use crate::vm::Vm;

/// `(sub[, start[, end]])` of the `find` family.
fn parse<'a>(vm: &mut Vm, name: &str, a: &'a [Value], kw: &Kwargs) -> PyResult<(&'a str, Option<i64>, Option<i64>)> {
    args::no_kw(name, kw)?;
    args::takes(name, a, 1, 3)?;
    let sub = match &a[0] {
        Value::Str(x) => &**x,
        other => return Err(Exc::type_error(format!("must be str, not {}", vm.type_name(other)))),
    };
    let start = args::opt_bound(vm, a.get(1))?;
    let end = args::opt_bound(vm, a.get(2))?;
    Ok((sub, start, end))
}

pub fn find(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let s = this(vm, "find", args)?;
    let (sub, a, b) = parse(vm, "find", rest(args), kw)?;
    Ok(Value::Int(pystr::find(&s, sub, a, b)))
}

pub fn rfind(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let s = this(vm, "rfind", args)?;
    let (sub, a, b) = parse(vm, "rfind", rest(args), kw)?;
    Ok(Value::Int(pystr::rfind(&s, sub, a, b)))
}

pub fn index(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let s = this(vm, "index", args)?;
    let (sub, a, b) = parse(vm, "index", rest(args), kw)?;
    pystr::index(&s, sub, a, b).map(Value::Int).map_err(from_pyerr)
}

pub fn rindex(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let s = this(vm, "rindex", args)?;
    let (sub, a, b) = parse(vm, "rindex", rest(args), kw)?;
    pystr::rindex(&s, sub, a, b).map(Value::Int).map_err(from_pyerr)
}

pub fn count(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let s = this(vm, "count", args)?;
    let (sub, a, b) = parse(vm, "count", rest(args), kw)?;
    Ok(Value::Int(pystr::count(&s, sub, a, b)))
}

fn affix(vm: &mut Vm, name: &str, args: &[Value], kw: &Kwargs, at_end: bool) -> PyResult {
    let s = this(vm, name, args)?;
    let a = rest(args);
    args::no_kw(name, kw)?;
    args::takes(name, a, 1, 3)?;
    let candidates: Vec<Value> = match &a[0] {
        Value::Str(_) => vec![a[0].clone()],
        Value::Tuple(t) => t.to_vec(),
        other => {
            return Err(Exc::type_error(format!(
                "{name} first arg must be str or a tuple of str, not {}",
                vm.type_name(other)
            )))
        }
    };
    let start = args::opt_bound(vm, a.get(1))?;
    let end = args::opt_bound(vm, a.get(2))?;
    for c in &candidates {
        let Value::Str(p) = c else {
            return Err(Exc::type_error(format!(
                "tuple for {name} must only contain str, not {}",
                vm.type_name(c)
            )));
        };
        let hit = if at_end {
            pystr::endswith(&s, p, start, end)
        } else {
            pystr::startswith(&s, p, start, end)
        };
        if hit {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

pub fn startswith(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    affix(vm, "startswith", args, kw, false)
}

pub fn endswith(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    affix(vm, "endswith", args, kw, true)
}

/// `str.replace(old, new, count=-1)`.
pub fn replace(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let s = this(vm, "replace", args)?;
    let a = rest(args);
    args::no_kw("replace", kw)?;
    args::expect("replace", a, 2, 3)?;
    let old = opt_str_arg(vm, "replace", 1, &a[0])?;
    let new = opt_str_arg(vm, "replace", 2, &a[1])?;
    let count = match a.get(2) {
        Some(v) => args::int_arg(vm, v)?,
        None => -1,
    };
    pystr::replace(&s, &old, &new, count)
        .map(|r| Value::str(&r))
        .map_err(from_pyerr)
}
