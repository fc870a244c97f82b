//! Argument checking for native functions, with CPython's wording for each calling convention.

use crate::exc::{Exc, ExcType, PyResult};
use crate::native::Kwargs;
use crate::value::{BaseKind, BuiltinType, Value};
use crate::vm::Vm;
use num_traits::ToPrimitive;

fn plural(n: usize) -> &'static str {
    if n == 1 {
        "argument"
    } else {
        "arguments"
    }
}

/// The arguments after the receiver.
pub fn rest(args: &[Value]) -> &[Value] {
    args.get(1..).unwrap_or(&[])
}

/// `METH_NOARGS`: `list.copy() takes no arguments (1 given)`.
pub fn noargs(qual: &str, args: &[Value], kw: &Kwargs) -> PyResult<()> {
    no_kw(qual, kw)?;
    if !args.is_empty() {
        return Err(Exc::type_error(format!(
            "{qual}() takes no arguments ({} given)",
            args.len()
        )));
    }
    Ok(())
}

/// `METH_O`: `list.append() takes exactly one argument (0 given)`.
pub fn one<'a>(qual: &str, args: &'a [Value], kw: &Kwargs) -> PyResult<&'a Value> {
    no_kw(qual, kw)?;
    match args {
        [a] => Ok(a),
        _ => Err(Exc::type_error(format!(
            "{qual}() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

/// Rejects keyword arguments: `list.append() takes no keyword arguments`.
pub fn no_kw(qual: &str, kw: &Kwargs) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        Err(Exc::type_error(format!("{qual}() takes no keyword arguments")))
    }
}

/// Argument Clinic's positional check: `pop expected at most 1 argument, got 2`.
pub fn expect(name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    if n < min {
        if min == max {
            return Err(Exc::type_error(format!(
                "{name} expected {min} {}, got {n}",
                plural(min)
            )));
        }
        return Err(Exc::type_error(format!(
            "{name} expected at least {min} {}, got {n}",
            plural(min)
        )));
    }
    if n > max {
        if min == max {
            return Err(Exc::type_error(format!(
                "{name} expected {max} {}, got {n}",
                plural(max)
            )));
        }
        return Err(Exc::type_error(format!(
            "{name} expected at most {max} {}, got {n}",
            plural(max)
        )));
    }
    Ok(())
}

/// `PyArg_ParseTuple`'s check: `split() takes at most 2 arguments (3 given)`.
pub fn takes(name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    let (word, k) = if n < min {
        (if min == max { "exactly" } else { "at least" }, min)
    } else if n > max {
        (if min == max { "exactly" } else { "at most" }, max)
    } else {
        return Ok(());
    };
    Err(Exc::type_error(format!(
        "{name}() takes {word} {k} {} ({n} given)",
        plural(k)
    )))
}

/// Binds keyword arguments to named slots after the positional ones; unknown names raise CPython's
/// `'x' is an invalid keyword argument for f()`.
pub fn bind_kw(fname: &str, names: &[&str], npos: usize, kw: &Kwargs) -> PyResult<Vec<Option<Value>>> {
    let mut slots: Vec<Option<Value>> = vec![None; names.len()];
    for (k, v) in kw {
        match names.iter().position(|n| *n == &**k) {
            Some(i) => {
                if i < npos {
                    return Err(Exc::type_error(format!(
                        "argument for {fname}() given by name ('{k}') and position ({})",
                        i + 1
                    )));
                }
                if let Some(slot) = slots.get_mut(i) {
                    *slot = Some(v.clone());
                }
            }
            None => {
                return Err(Exc::type_error(format!(
                    "'{k}' is an invalid keyword argument for {fname}()"
                )))
            }
        }
    }
    Ok(slots)
}

/// Binds positional and keyword arguments to `names`, positionals first.
pub fn bind(fname: &str, names: &[&str], args: &[Value], kw: &Kwargs) -> PyResult<Vec<Option<Value>>> {
    if args.len() > names.len() {
        return Err(Exc::type_error(format!(
            "{fname}() takes at most {} {} ({} given)",
            names.len(),
            plural(names.len()),
            args.len() + kw.len()
        )));
    }
    let mut slots = bind_kw(fname, names, args.len(), kw)?;
    for (slot, a) in slots.iter_mut().zip(args) {
        *slot = Some(a.clone());
    }
    Ok(slots)
}

/// The builtin value a method receiver holds: itself, or what an instance of a builtin subclass wraps.
pub fn unwrap(v: &Value) -> Value {
    match v {
        Value::Instance(i) => match i.class.borrow().base_kind {
            BaseKind::Wrapped(_) => i.wrapped.borrow().clone(),
            _ => v.clone(),
        },
        _ => v.clone(),
    }
}

/// The receiver of a method of type `owner`, or CPython's complaint about it.
pub fn recv(vm: &Vm, owner: &str, name: &str, args: &[Value], ok: fn(&Value) -> bool) -> PyResult<Value> {
    let Some(first) = args.first() else {
        return Err(Exc::type_error(format!(
            "unbound method {owner}.{name}() needs an argument"
        )));
    };
    let v = unwrap(first);
    if ok(&v) {
        Ok(v)
    } else {
        Err(Exc::type_error(format!(
            "descriptor '{name}' for '{owner}' objects doesn't apply to a '{}' object",
            vm.type_name(first)
        )))
    }
}

/// An integer as `i64` for an index or a count; `__index__` is honoured, floats are refused.
pub fn index_of(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    match v {
        Value::Int(i) => Ok(Some(*i)),
        Value::Bool(b) => Ok(Some(*b as i64)),
        Value::BigInt(b) => Ok(Some(if b.sign() == num_bigint::Sign::Minus {
            i64::MIN
        } else {
            i64::MAX
        })),
        Value::Instance(i) => {
            if let BaseKind::Wrapped(BuiltinType::Int) = i.class.borrow().base_kind {
                let w = i.wrapped.borrow().clone();
                return index_of(vm, &w);
            }
            match vm.getattr_opt(v, "__index__")? {
                Some(f) => {
                    let r = vm.call(&f, Vec::new())?;
                    match r {
                        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => index_of(vm, &r),
                        _ => Err(Exc::type_error(format!(
                            "__index__ returned non-int (type {})",
                            vm.type_name(&r)
                        ))),
                    }
                }
                None => Ok(None),
            }
        }
        _ => Ok(None),
    }
}

/// An integer argument that must fit a machine word: `'str' object cannot be interpreted as an integer`,
/// `Python int too large to convert to C ssize_t`.
pub fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Value::BigInt(b) = v {
        return b
            .to_i64()
            .ok_or_else(|| Exc::overflow("Python int too large to convert to C ssize_t"));
    }
    match index_of(vm, v)? {
        Some(i) => Ok(i),
        None => Err(Exc::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))),
    }
}

/// Clamps a possibly negative index into `0..=len`, as slice bounds and `list.insert` do.
pub fn clamp_index(i: i64, len: usize) -> usize {
    let len_i = len as i64;
    if i < 0 {
        (i.saturating_add(len_i)).max(0) as usize
    } else {
        i.min(len_i) as usize
    }
}

/// Resolves `i` (possibly negative) against `len`, or `None` when out of range.
pub fn norm_index(i: i64, len: usize) -> Option<usize> {
    let len_i = len as i64;
    let j = if i < 0 { i.checked_add(len_i)? } else { i };
    if j >= 0 && j < len_i {
        Some(j as usize)
    } else {
        None
    }
}

/// The `start`/`end` arguments of `index`/`find`/`count`: ints, `None`, or objects with `__index__`.
pub fn opt_bound(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => match index_of(vm, v)? {
            Some(i) => Ok(Some(i)),
            None => Err(Exc::type_error(
                "slice indices must be integers or None or have an __index__ method",
            )),
        },
    }
}

/// A cap on container sizes (33 million items, half a gigabyte of values) so that `[0] * 10**10` raises
/// MemoryError instead of killing the browser tab.
pub const MAX_ITEMS: usize = 1 << 25;

/// Checks a size a result would have before allocating it.
pub fn check_size(n: usize) -> PyResult<()> {
    if n > MAX_ITEMS || !crate::memory::fits(n.saturating_mul(std::mem::size_of::<Value>())) {
        Err(Exc::memory())
    } else {
        Ok(())
    }
}

/// Checks the byte size a string result would have.
pub fn check_str_size(n: usize) -> PyResult<()> {
    if n > MAX_ITEMS * 4 || !crate::memory::fits(n) {
        Err(Exc::memory())
    } else {
        Ok(())
    }
}

/// A Python `str` argument or a TypeError worded by `what`.
pub fn str_arg(v: &Value, what: impl FnOnce() -> String) -> PyResult<&str> {
    match v {
        Value::Str(s) => Ok(s),
        _ => Err(Exc::type_error(what())),
    }
}

/// Wraps a message into the exception CPython raises for a missing key.
pub fn key_error(key: Value) -> Exc {
    Exc::Args(ExcType::KeyError, vec![key])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_helpers_handle_extremes() {
        assert_eq!(clamp_index(-10, 3), 0);
        assert_eq!(clamp_index(i64::MIN, 3), 0);
        assert_eq!(clamp_index(i64::MAX, 3), 3);
        assert_eq!(clamp_index(-1, 3), 2);
        assert_eq!(norm_index(-1, 3), Some(2));
        assert_eq!(norm_index(3, 3), None);
        assert_eq!(norm_index(i64::MIN, 3), None);
    }
}
