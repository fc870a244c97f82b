//! Methods of `tuple`.

use super::args::{self, clamp_index, one, rest};
use super::ops::same_or_eq;
use super::{add_methods, dunder, Types};
use crate::exc::{Exc, PyResult};
use crate::native::Kwargs;
use crate::value::Value;
use crate::vm::Vm;
use std::rc::Rc;

fn this(vm: &Vm, name: &str, args: &[Value]) -> PyResult<Rc<crate::value::TupleData>> {
    match args::recv(vm, "tuple", name, args, |v| matches!(v, Value::Tuple(_)))? {
        Value::Tuple(t) => Ok(t),
        _ => Err(Exc::type_error("expected a tuple")),
    }
}

fn index(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let t = this(vm, "index", args)?;
    args::no_kw("tuple.index", kw)?;
    let a = rest(args);
    args::expect("index", a, 1, 3)?;
    let bound = |vm: &mut Vm, v: Option<&Value>| -> PyResult<Option<i64>> {
        match v {
            None => Ok(None),
            Some(v) => match args::index_of(vm, v)? {
                Some(i) => Ok(Some(i)),
                None => Err(Exc::type_error(
                    "slice indices must be integers or have an __index__ method",
                )),
            },
        }
    };
    let start = bound(vm, a.get(1))?.map_or(0, |s| clamp_index(s, t.len()));
    let stop = bound(vm, a.get(2))?.map_or(t.len(), |s| clamp_index(s, t.len()));
    for (i, x) in t.iter().enumerate().take(stop).skip(start) {
        if same_or_eq(vm, x, &a[0])? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(Exc::value_error("tuple.index(x): x not in tuple"))
}

fn count(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let t = this(vm, "count", args)?;
    let x = one("tuple.count", rest(args), kw)?;
    let mut n = 0;
    for v in t.iter() {
        if same_or_eq(vm, v, x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

pub fn install(t: &Types) {
    add_methods(&t.tuple, "tuple", &[("index", index), ("count", count)]);
    dunder::install_seq(&t.tuple, "tuple");
}
