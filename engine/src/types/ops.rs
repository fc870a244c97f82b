//! Subscripts and `in` on the builtin containers: indexing, slicing, slice assignment and deletion, membership.

use super::args::{self, check_size, index_of, norm_index};
use super::dict::{DictView, ViewKind};
use super::from_pyerr;
use crate::dict::HKey;
use crate::exc::{Exc, PyResult};
use crate::pystr;
use crate::value::{RangeObj, Value};
use crate::vm::Vm;
use std::rc::Rc;

pub use super::arith::{seq_binary, seq_inplace};
pub use super::compare::seq_compare;

/// A slice resolved against a length, as `slice.indices(len)` gives it, with the number of items it selects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SliceIdx {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: usize,
}

impl SliceIdx {
    /// The positions the slice selects, in order.
    pub fn positions(self) -> impl Iterator<Item = usize> {
        (0..self.len).map(move |k| (self.start + k as i64 * self.step) as usize)
    }
}

/// CPython's `PySlice_AdjustIndices`: clamps optional bounds into a sequence of `len` items.
pub fn adjust_slice(start: Option<i64>, stop: Option<i64>, step: Option<i64>, len: usize) -> PyResult<SliceIdx> {
    let (start, stop, step, n) = pystr::slice_indices(len as i64, start, stop, step).map_err(from_pyerr)?;
    Ok(SliceIdx {
        start,
        stop,
        step,
        len: n.max(0) as usize,
    })
}

/// Resolves a slice object's bounds (ints, `None` or `__index__` objects) against a length.
pub fn slice_indices(vm: &mut Vm, s: &[Value; 3], len: usize) -> PyResult<SliceIdx> {
    let [a, b, c] = s;
    let step = args::opt_bound(vm, Some(c))?;
    let start = args::opt_bound(vm, Some(a))?;
    let stop = args::opt_bound(vm, Some(b))?;
    adjust_slice(start, stop, step, len)
}

/// What an index argument is: a position, a slice, or neither.
enum Index {
    At(i64),
    /// An int too large for a machine word.
    Huge,
    Slice(Rc<[Value; 3]>),
    Other,
}

fn classify(vm: &mut Vm, idx: &Value) -> PyResult<Index> {
    Ok(match idx {
        Value::Slice(s) => Index::Slice(s.clone()),
        Value::BigInt(_) => Index::Huge,
        Value::Float(_) | Value::Str(_) => Index::Other,
        _ => match index_of(vm, idx)? {
            Some(i) => Index::At(i),
            None => Index::Other,
        },
    })
}

fn huge() -> Exc {
    Exc::index_error("cannot fit 'int' into an index-sized integer")
}

/// `obj[idx]` for the builtin containers; `None` for anything else.
pub fn seq_getitem(vm: &mut Vm, obj: &Value, idx: &Value) -> Option<PyResult> {
    Some(match obj {
        Value::List(l) => match classify(vm, idx) {
            Ok(Index::At(i)) => {
                let l = l.borrow();
                match norm_index(i, l.len()).and_then(|j| l.get(j)) {
                    Some(v) => Ok(v.clone()),
                    None => Err(Exc::index_error("list index out of range")),
                }
            }
            Ok(Index::Huge) => Err(huge()),
            Ok(Index::Slice(s)) => {
                let len = l.borrow().len();
                slice_indices(vm, &s, len).map(|si| Value::list(take_slice(&l.borrow(), si)))
            }
            Ok(Index::Other) => Err(bad_index("list", vm.type_name(idx))),
            Err(e) => Err(e),
        },
        Value::Tuple(t) => match classify(vm, idx) {
            Ok(Index::At(i)) => match norm_index(i, t.len()).and_then(|j| t.get(j)) {
                Some(v) => Ok(v.clone()),
                None => Err(Exc::index_error("tuple index out of range")),
            },
            Ok(Index::Huge) => Err(huge()),
            Ok(Index::Slice(s)) => slice_indices(vm, &s, t.len()).map(|si| {
                if si.step == 1 && si.len == t.len() {
                    obj.clone()
                } else {
                    Value::tuple(take_slice(t, si))
                }
            }),
            Ok(Index::Other) => Err(bad_index("tuple", vm.type_name(idx))),
            Err(e) => Err(e),
        },
        Value::Str(s) => match classify(vm, idx) {
            Ok(Index::At(i)) => str_at(s, i),
            Ok(Index::Huge) => Err(huge()),
            Ok(Index::Slice(sl)) => str_slice(vm, s, &sl),
            Ok(Index::Other) => Err(Exc::type_error(format!(
                "string indices must be integers, not '{}'",
                vm.type_name(idx)
            ))),
            Err(e) => Err(e),
        },
        Value::Bytes(b) => match classify(vm, idx) {
            Ok(Index::At(i)) => match norm_index(i, b.len()).and_then(|j| b.get(j)) {
                Some(&v) => Ok(Value::Int(v as i64)),
                None => Err(Exc::index_error("index out of range")),
            },
            Ok(Index::Huge) => Err(huge()),
            Ok(Index::Slice(s)) => slice_indices(vm, &s, b.len()).map(|si| {
                let out: Vec<u8> = si.positions().filter_map(|p| b.get(p).copied()).collect();
                Value::Bytes(Rc::from(out))
            }),
            Ok(Index::Other) => Err(bad_index("byte", vm.type_name(idx))),
            Err(e) => Err(e),
        },
        Value::Range(r) => range_getitem(vm, r, idx),
        Value::Dict(d) => {
            let k = match vm.hkey(idx.clone()) {
                Ok(k) => k,
                Err(e) => return Some(Err(e)),
            };
            let got = d.borrow().get(&k);
            got.ok_or_else(|| args::key_error(idx.clone()))
        }
        _ => return None,
    })
}

fn bad_index(what: &str, tname: String) -> Exc {
    Exc::type_error(format!("{what} indices must be integers or slices, not {tname}"))
}

/// The items a resolved slice selects.
pub fn take_slice(items: &[Value], si: SliceIdx) -> Vec<Value> {
    if si.step == 1 {
        let a = si.start.max(0) as usize;
        return items.get(a..a + si.len).map(<[Value]>::to_vec).unwrap_or_default();
    }
    si.positions().filter_map(|p| items.get(p).cloned()).collect()
}

fn str_at(s: &str, i: i64) -> PyResult {
    let c = pystr::char_index(s, i).map_err(from_pyerr)?;
    Ok(Value::str(c.encode_utf8(&mut [0; 4])))
}

fn str_slice(vm: &mut Vm, s: &Rc<str>, sl: &[Value; 3]) -> PyResult {
    let [a, b, c] = sl;
    let step = args::opt_bound(vm, Some(c))?;
    let start = args::opt_bound(vm, Some(a))?;
    let stop = args::opt_bound(vm, Some(b))?;
    if start.is_none() && stop.is_none() && step.is_none() {
        return Ok(Value::Str(s.clone()));
    }
    pystr::slice_str(s, start, stop, step)
        .map(|r| Value::str(&r))
        .map_err(from_pyerr)
}

fn range_getitem(vm: &mut Vm, r: &RangeObj, idx: &Value) -> PyResult {
    let len = r.len();
    match classify(vm, idx)? {
        Index::At(i) => {
            let j = if i < 0 { i.saturating_add(len) } else { i };
            if (0..len).contains(&j) {
                Ok(Value::Int(r.get(j)))
            } else {
                Err(Exc::index_error("range object index out of range"))
            }
        }
        Index::Huge => Err(Exc::index_error("range object index out of range")),
        Index::Slice(s) => {
            let [a, b, c] = &*s;
            let step = args::opt_bound(vm, Some(c))?;
            let start = args::opt_bound(vm, Some(a))?;
            let stop = args::opt_bound(vm, Some(b))?;
            let (sa, sb, sc, _) = pystr::slice_indices(len, start, stop, step).map_err(from_pyerr)?;
            let start = r.start as i128 + sa as i128 * r.step as i128;
            let stop = r.start as i128 + sb as i128 * r.step as i128;
            let step = r.step as i128 * sc as i128;
            let fit = |x: i128| x.clamp(i64::MIN as i128, i64::MAX as i128) as i64;
            Ok(Value::Range(Rc::new(RangeObj {
                start: fit(start),
                stop: fit(stop),
                step: fit(step),
            })))
        }
        Index::Other => Err(bad_index("range", vm.type_name(idx))),
    }
}

/// `obj[idx] = v` for the builtin containers; `None` for anything else.
pub fn seq_setitem(vm: &mut Vm, obj: &Value, idx: Value, v: Value) -> Option<PyResult<()>> {
    Some(match obj {
        Value::List(l) => match classify(vm, &idx) {
            Ok(Index::At(i)) => {
                let mut l = l.borrow_mut();
                let len = l.len();
                match norm_index(i, len).and_then(|j| l.get_mut(j)) {
                    Some(slot) => {
                        *slot = v;
                        Ok(())
                    }
                    None => Err(Exc::index_error("list assignment index out of range")),
                }
            }
            Ok(Index::Huge) => Err(huge()),
            Ok(Index::Slice(s)) => list_set_slice(vm, l, &s, &v),
            Ok(Index::Other) => Err(bad_index("list", vm.type_name(&idx))),
            Err(e) => Err(e),
        },
        Value::Dict(d) => match vm.hkey(idx) {
            Ok(k) => {
                d.borrow_mut().insert(k, v);
                Ok(())
            }
            Err(e) => Err(e),
        },
        Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) | Value::Range(_) | Value::FrozenSet(_) => {
            Err(Exc::type_error(format!(
                "'{}' object does not support item assignment",
                vm.type_name(obj)
            )))
        }
        _ => return None,
    })
}

fn list_set_slice(vm: &mut Vm, l: &Rc<crate::value::ListCell>, s: &[Value; 3], v: &Value) -> PyResult<()> {
    let len = l.borrow().len();
    let si = slice_indices(vm, s, len)?;
    let items = match v {
        Value::List(src) => src.borrow().clone(),
        Value::Tuple(t) => t.to_vec(),
        _ => match vm.collect(v) {
            Ok(items) => items,
            Err(e) => {
                // CPython words a non-iterable right-hand side by the kind of slice.
                if matches!(&e, Exc::Msg(crate::exc::ExcType::TypeError, m) if m.ends_with("is not iterable")) {
                    return Err(Exc::type_error(if si.step == 1 {
                        "can only assign an iterable"
                    } else {
                        "must assign iterable to extended slice"
                    }));
                }
                return Err(e);
            }
        },
    };
    let mut l = l.borrow_mut();
    if si.step == 1 {
        let a = (si.start.max(0) as usize).min(l.len());
        let b = (a + si.len).min(l.len());
        check_size(l.len() - (b - a) + items.len())?;
        l.splice(a..b, items);
        return Ok(());
    }
    if items.len() != si.len {
        return Err(Exc::value_error(format!(
            "attempt to assign sequence of size {} to extended slice of size {}",
            items.len(),
            si.len
        )));
    }
    for (p, item) in si.positions().zip(items) {
        if let Some(slot) = l.get_mut(p) {
            *slot = item;
        }
    }
    Ok(())
}

/// `del obj[idx]` for the builtin containers; `None` for anything else.
pub fn seq_delitem(vm: &mut Vm, obj: &Value, idx: &Value) -> Option<PyResult<()>> {
    Some(match obj {
        Value::List(l) => match classify(vm, idx) {
            Ok(Index::At(i)) => {
                let mut l = l.borrow_mut();
                match norm_index(i, l.len()) {
                    Some(j) => {
                        l.remove(j);
                        Ok(())
                    }
                    None => Err(Exc::index_error("list assignment index out of range")),
                }
            }
            Ok(Index::Huge) => Err(huge()),
            Ok(Index::Slice(s)) => {
                let len = l.borrow().len();
                match slice_indices(vm, &s, len) {
                    Ok(si) => {
                        delete_positions(&mut l.borrow_mut(), si);
                        Ok(())
                    }
                    Err(e) => Err(e),
                }
            }
            Ok(Index::Other) => Err(bad_index("list", vm.type_name(idx))),
            Err(e) => Err(e),
        },
        Value::Dict(d) => match vm.hkey(idx.clone()) {
            Ok(k) => match d.borrow_mut().remove(&k) {
                Some(_) => Ok(()),
                None => Err(args::key_error(idx.clone())),
            },
            Err(e) => Err(e),
        },
        Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) | Value::Range(_) | Value::FrozenSet(_) => Err(
            Exc::type_error(format!("'{}' object doesn't support item deletion", vm.type_name(obj))),
        ),
        _ => return None,
    })
}

fn delete_positions(l: &mut Vec<Value>, si: SliceIdx) {
    if si.len == 0 {
        return;
    }
    if si.step == 1 {
        let a = si.start.max(0) as usize;
        l.drain(a..(a + si.len).min(l.len()));
        return;
    }
    let mut doomed = vec![false; l.len()];
    for p in si.positions() {
        if let Some(d) = doomed.get_mut(p) {
            *d = true;
        }
    }
    let mut k = 0;
    l.retain(|_| {
        let keep = !doomed.get(k).copied().unwrap_or(false);
        k += 1;
        keep
    });
}

/// `x is y or x == y`, the equality containers use.
pub fn same_or_eq(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if a.is(b) {
        return Ok(true);
    }
    vm.eq(a, b)
}

/// A hash key for a set or dict lookup; a `set` probe is looked up as the equal `frozenset`.
pub fn lookup_key(vm: &mut Vm, item: &Value) -> PyResult<HKey> {
    if let Value::Set(s) = item {
        return vm.hkey(Value::FrozenSet(Rc::new(s.borrow().clone())));
    }
    vm.hkey(item.clone())
}

/// `item in container` for the builtin containers; `None` for anything else.
pub fn contains(vm: &mut Vm, container: &Value, item: &Value) -> Option<PyResult<bool>> {
    Some(match container {
        Value::Str(s) => match item {
            Value::Str(sub) => Ok(s.contains(&**sub)),
            _ => Err(Exc::type_error(format!(
                "'in <string>' requires string as left operand, not {}",
                vm.type_name(item)
            ))),
        },
        Value::List(l) => {
            let mut i = 0;
            loop {
                let x = match l.borrow().get(i) {
                    Some(x) => x.clone(),
                    None => break Ok(false),
                };
                match same_or_eq(vm, &x, item) {
                    Ok(true) => break Ok(true),
                    Ok(false) => i += 1,
                    Err(e) => break Err(e),
                }
            }
        }
        Value::Tuple(t) => {
            for x in t.iter() {
                match same_or_eq(vm, x, item) {
                    Ok(true) => return Some(Ok(true)),
                    Ok(false) => {}
                    Err(e) => return Some(Err(e)),
                }
            }
            Ok(false)
        }
        Value::Dict(d) => vm.hkey(item.clone()).map(|k| d.borrow().get(&k).is_some()),
        Value::Set(s) => lookup_key(vm, item).map(|k| s.borrow().contains(&k)),
        Value::FrozenSet(s) => lookup_key(vm, item).map(|k| s.contains(&k)),
        Value::Range(r) => range_contains(vm, r, item),
        Value::Bytes(b) => match item {
            Value::Bytes(sub) => Ok(sub.is_empty() || b.windows(sub.len()).any(|w| w == &**sub)),
            Value::Int(i) => {
                if (0..256).contains(i) {
                    Ok(b.contains(&(*i as u8)))
                } else {
                    Err(Exc::value_error("byte must be in range(0, 256)"))
                }
            }
            _ => Err(Exc::type_error(format!(
                "a bytes-like object is required, not '{}'",
                vm.type_name(item)
            ))),
        },
        Value::Object(_) => {
            let view = container.as_native::<DictView>()?;
            view_contains(vm, view, item)
        }
        _ => return None,
    })
}

fn range_contains(vm: &mut Vm, r: &RangeObj, item: &Value) -> PyResult<bool> {
    let x = match item {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::BigInt(_) => return Ok(false),
        _ => {
            // Not an int: compare with each element, as CPython does.
            let n = r.len();
            let mut k = 0;
            while k < n {
                if vm.eq(&Value::Int(r.get(k)), item)? {
                    return Ok(true);
                }
                k += 1;
            }
            return Ok(false);
        }
    };
    let (start, stop, step) = (r.start as i128, r.stop as i128, r.step as i128);
    let x = x as i128;
    let inside = if step > 0 {
        start <= x && x < stop
    } else {
        stop < x && x <= start
    };
    Ok(inside && (x - start) % step == 0)
}

fn view_contains(vm: &mut Vm, view: &DictView, item: &Value) -> PyResult<bool> {
    match view.kind {
        ViewKind::Keys => {
            let k = vm.hkey(item.clone())?;
            Ok(view.dict.borrow().get(&k).is_some())
        }
        ViewKind::Items => {
            let (k, v) = match item {
                Value::Tuple(t) if t.len() == 2 => (t[0].clone(), t[1].clone()),
                _ => return Ok(false),
            };
            let k = vm.hkey(k)?;
            let found = view.dict.borrow().get(&k);
            match found {
                Some(x) => same_or_eq(vm, &x, &v),
                None => Ok(false),
            }
        }
        ViewKind::Values => {
            let mut i = 0;
            loop {
                let x = match view.dict.borrow().map.get_index(i) {
                    Some((_, x)) => x.clone(),
                    None => return Ok(false),
                };
                if same_or_eq(vm, &x, item)? {
                    return Ok(true);
                }
                i += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn adj(a: Option<i64>, b: Option<i64>, c: Option<i64>, n: usize) -> (i64, i64, i64, usize) {
        let s = adjust_slice(a, b, c, n).unwrap();
        (s.start, s.stop, s.step, s.len)
    }

    #[test]
    fn slices_match_cpython_indices() {
        // slice(None, None, -1).indices(5) == (4, -1, -1)
        assert_eq!(adj(None, None, Some(-1), 5), (4, -1, -1, 5));
        assert_eq!(adj(Some(1), Some(100), None, 3), (1, 3, 1, 2));
        assert_eq!(adj(Some(-100), Some(2), None, 3), (0, 2, 1, 2));
        assert_eq!(adj(Some(3), Some(1), None, 5), (3, 1, 1, 0));
        assert_eq!(adj(None, None, Some(2), 5), (0, 5, 2, 3));
        assert_eq!(adj(None, None, Some(i64::MIN), 5), (4, -1, -i64::MAX, 1));
        assert!(adjust_slice(None, None, Some(0), 5).is_err());
    }
}
