//! Methods of `list`.

use super::args::{self, check_size, clamp_index, int_arg, noargs, one, rest};
use super::ops::same_or_eq;
use super::{add_methods, dunder, Types};
use crate::exc::{Exc, PyResult};
use crate::native::Kwargs;
use crate::value::Value;
use crate::vm::Vm;

use std::rc::Rc;

type ListRef = Rc<crate::value::ListCell>;

fn this(vm: &Vm, name: &str, args: &[Value]) -> PyResult<ListRef> {
    match args::recv(vm, "list", name, args, |v| matches!(v, Value::List(_)))? {
        Value::List(l) => Ok(l),
        _ => Err(Exc::type_error("expected a list")),
    }
}

fn item(l: &ListRef, i: usize) -> Option<Value> {
    l.borrow().get(i).cloned()
}

fn append(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let l = this(vm, "append", args)?;
    let v = one("list.append", rest(args), kw)?;
    let n = l.borrow().len();
    check_size(n + 1)?;
    l.borrow_mut().push(v.clone());
    Ok(Value::None)
}

fn extend(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let l = this(vm, "extend", args)?;
    let v = one("list.extend", rest(args), kw)?;
    let items = vm.collect(v)?;
    let n = l.borrow().len();
    check_size(n + items.len())?;
    l.borrow_mut().extend(items);
    Ok(Value::None)
}

fn insert(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let l = this(vm, "insert", args)?;
    args::no_kw("list.insert", kw)?;
    let a = rest(args);
    args::expect("insert", a, 2, 2)?;
    let i = int_arg(vm, &a[0])?;
    let mut l = l.borrow_mut();
    check_size(l.len() + 1)?;
    let at = clamp_index(i, l.len());
    l.insert(at, a[1].clone());
    Ok(Value::None)
}

/// The position of the first item equal to `x` in `[start, stop)`.
fn find(vm: &mut Vm, l: &ListRef, x: &Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let mut i = start;
    while i < stop {
        let Some(v) = item(l, i) else { break };
        if same_or_eq(vm, &v, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn remove(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let l = this(vm, "remove", args)?;
    let x = one("list.remove", rest(args), kw)?;
    match find(vm, &l, x, 0, usize::MAX)? {
        Some(i) => {
            let mut l = l.borrow_mut();
            if i < l.len() {
                l.remove(i);
            }
            Ok(Value::None)
        }
        None => Err(Exc::value_error("list.remove(x): x not in list")),
    }
}

fn pop(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let l = this(vm, "pop", args)?;
    args::no_kw("list.pop", kw)?;
    let a = rest(args);
    args::expect("pop", a, 0, 1)?;
    let i = match a.first() {
        Some(v) => int_arg(vm, v)?,
        None => -1,
    };
    let mut l = l.borrow_mut();
    if l.is_empty() {
        return Err(Exc::index_error("pop from empty list"));
    }
    match args::norm_index(i, l.len()) {
        Some(j) => Ok(l.remove(j)),
        None => Err(Exc::index_error("pop index out of range")),
    }
}

fn index(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let l = this(vm, "index", args)?;
    args::no_kw("list.index", kw)?;
    let a = rest(args);
    args::expect("index", a, 1, 3)?;
    let len = l.borrow().len();
    let start = args::opt_bound(vm, a.get(1))?.map_or(0, |s| clamp_index(s, len));
    let stop = args::opt_bound(vm, a.get(2))?.map_or(len, |s| clamp_index(s, len));
    match find(vm, &l, &a[0], start, stop)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => {
            let r = vm.repr(&a[0])?;
            Err(Exc::value_error(format!("{r} is not in list")))
        }
    }
}

fn count(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let l = this(vm, "count", args)?;
    let x = one("list.count", rest(args), kw)?;
    let mut n = 0;
    let mut i = 0;
    while let Some(v) = item(&l, i) {
        if same_or_eq(vm, &v, x)? {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::Int(n))
}

fn sort(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let l = this(vm, "sort", args)?;
    if !rest(args).is_empty() {
        return Err(Exc::type_error("sort() takes no positional arguments"));
    }
    let (key, reverse) = super::sort::sort_options(vm, kw)?;
    // While sorting, the list looks empty to the key function and comparisons, as in CPython.
    let items = std::mem::take(&mut *l.borrow_mut());
    let result = super::sort::sort_values(vm, items.clone(), key.as_ref(), reverse);
    let mut cur = l.borrow_mut();
    let modified = !cur.is_empty();
    match result {
        Ok(sorted) => {
            *cur = sorted;
            if modified {
                return Err(Exc::value_error("list modified during sort"));
            }
            Ok(Value::None)
        }
        Err(e) => {
            *cur = items;
            Err(e)
        }
    }
}

fn reverse(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let l = this(vm, "reverse", args)?;
    noargs("list.reverse", rest(args), kw)?;
    l.borrow_mut().reverse();
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let l = this(vm, "copy", args)?;
    noargs("list.copy", rest(args), kw)?;
    let items = l.borrow().clone();
    Ok(Value::list(items))
}

fn clear(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let l = this(vm, "clear", args)?;
    noargs("list.clear", rest(args), kw)?;
    let old = std::mem::take(&mut *l.borrow_mut());
    // Dropping the items may run finalizers; do it after the borrow ends.
    drop(old);
    Ok(Value::None)
}

/// `list.__init__`, for subclasses whose instance wraps a list.
fn init(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let l = this(vm, "__init__", args)?;
    args::no_kw("list", kw)?;
    let a = rest(args);
    args::expect("list", a, 0, 1)?;
    let items = match a.first() {
        Some(v) => vm.collect(v)?,
        None => Vec::new(),
    };
    *l.borrow_mut() = items;
    Ok(Value::None)
}

fn reversed(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let l = this(vm, "__reversed__", args)?;
    noargs("list.__reversed__", rest(args), kw)?;
    Ok(super::iters::list_reversed(l))
}

pub fn install(t: &Types) {
    add_methods(
        &t.list,
        "list",
        &[
            ("append", append),
            ("extend", extend),
            ("insert", insert),
            ("remove", remove),
            ("pop", pop),
            ("index", index),
            ("count", count),
            ("sort", sort),
            ("reverse", reverse),
            ("copy", copy),
            ("clear", clear),
            ("__init__", init),
            ("__reversed__", reversed),
        ],
    );
    dunder::install_list(&t.list);
}
