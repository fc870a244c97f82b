//! Cutting and gluing strs: `split`, `rsplit`, `splitlines`, `partition`, `rpartition`, the `strip`s and `join`,
//! as argument handling around `crate::pystr`.

use super::this;
use crate::exc::{Exc, PyResult};
use crate::native::Kwargs;
use crate::pystr;
use crate::types::args::{self, rest};
use crate::types::from_pyerr;
use crate::value::{Str, Value};
use crate::vm::Vm;

fn strs(parts: Vec<String>) -> Value {
    Value::list(parts.iter().map(|p| Value::str(p)).collect())
}

/// `(sep=None, maxsplit=-1)` of `split` and `rsplit`.
fn split_args(vm: &mut Vm, name: &str, a: &[Value], kw: &Kwargs) -> PyResult<(Option<Str>, i64)> {
    if a.len() > 2 {
        return Err(Exc::type_error(format!(
            "{name}() takes at most 2 arguments ({} given)",
            a.len() + kw.len()
        )));
    }
    let slots = args::bind(name, &["sep", "maxsplit"], a, kw)?;
    let sep = match slots.first().cloned().flatten() {
        None | Some(Value::None) => None,
        Some(Value::Str(s)) => Some(s),
        Some(v) => {
            return Err(Exc::type_error(format!(
                "must be str or None, not {}",
                vm.type_name(&v)
            )))
        }
    };
    let max = match slots.get(1).cloned().flatten() {
        Some(v) => args::int_arg(vm, &v)?,
        None => -1,
    };
    Ok((sep, max))
}

pub fn split(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let s = this(vm, "split", args)?;
    let (sep, max) = split_args(vm, "split", rest(args), kw)?;
    pystr::split(&s, sep.as_deref(), max).map(strs).map_err(from_pyerr)
}

pub fn rsplit(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let s = this(vm, "rsplit", args)?;
    let (sep, max) = split_args(vm, "rsplit", rest(args), kw)?;
    pystr::rsplit(&s, sep.as_deref(), max).map(strs).map_err(from_pyerr)
}

pub fn splitlines(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let s = this(vm, "splitlines", args)?;
    let a = rest(args);
    if a.len() > 1 {
        return Err(Exc::type_error(format!(
            "splitlines() takes at most 1 argument ({} given)",
            a.len() + kw.len()
        )));
    }
    let slots = args::bind("splitlines", &["keepends"], a, kw)?;
    let keep = match slots.first().cloned().flatten() {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    Ok(strs(pystr::splitlines(&s, keep)))
}

fn sep_arg<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a str> {
    match v {
        Value::Str(s) => Ok(s),
        other => Err(Exc::type_error(format!("must be str, not {}", vm.type_name(other)))),
    }
}

fn triple((a, b, c): (String, String, String)) -> Value {
    Value::tuple(vec![Value::str(&a), Value::str(&b), Value::str(&c)])
}

pub fn partition(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let s = this(vm, "partition", args)?;
    let sep = args::one("str.partition", rest(args), kw)?;
    let sep = sep_arg(vm, sep)?;
    pystr::partition(&s, sep).map(triple).map_err(from_pyerr)
}

pub fn rpartition(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let s = this(vm, "rpartition", args)?;
    let sep = args::one("str.rpartition", rest(args), kw)?;
    let sep = sep_arg(vm, sep)?;
    pystr::rpartition(&s, sep).map(triple).map_err(from_pyerr)
}

fn strip_impl(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: &Kwargs,
    f: for<'a> fn(&'a str, Option<&str>) -> &'a str,
) -> PyResult {
    let s = this(vm, name, args)?;
    let a = rest(args);
    args::no_kw(&format!("str.{name}"), kw)?;
    args::expect(name, a, 0, 1)?;
    let chars: Option<Str> = match a.first() {
        None | Some(Value::None) => None,
        Some(Value::Str(c)) => Some(c.clone()),
        Some(_) => return Err(Exc::type_error(format!("{name} arg must be None or str"))),
    };
    let out = f(&s, chars.as_deref());
    if out.len() == s.len() {
        return Ok(Value::Str(s.clone()));
    }
    Ok(Value::str(out))
}

pub fn strip(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    strip_impl(vm, "strip", args, kw, pystr::strip)
}

pub fn lstrip(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    strip_impl(vm, "lstrip", args, kw, pystr::lstrip)
}

pub fn rstrip(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    strip_impl(vm, "rstrip", args, kw, pystr::rstrip)
}

pub fn join(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let s = this(vm, "join", args)?;
    let it = args::one("str.join", rest(args), kw)?;
    let items = vm.collect(it)?;
    let mut parts: Vec<Str> = Vec::with_capacity(items.len());
    let mut total = s.len().saturating_mul(items.len().saturating_sub(1));
    for (i, x) in items.iter().enumerate() {
        match args::unwrap(x) {
            Value::Str(p) => {
                total = total.saturating_add(p.len());
                parts.push(p);
            }
            _ => {
                return Err(Exc::type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    vm.type_name(x)
                )))
            }
        }
    }
    args::check_str_size(total)?;
    let mut out = String::with_capacity(total);
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(&s);
        }
        out.push_str(p);
    }
    Ok(Value::str(&out))
}
