//! A stable merge sort whose comparisons may run Python code and raise, for `list.sort` and `sorted`.

use crate::exc::{Exc, PyResult};
use crate::native::Kwargs;
use crate::value::Value;
use crate::vm::Vm;

/// Runs below this length are sorted by insertion before merging.
const RUN: usize = 16;

/// Sorts `items` stably by `lt`, stopping at the first comparison that raises.
pub fn merge_sort<T: Clone>(items: Vec<T>, lt: &mut dyn FnMut(&T, &T) -> PyResult<bool>) -> PyResult<Vec<T>> {
    let n = items.len();
    if n < 2 {
        return Ok(items);
    }
    let mut a = items;
    // Insertion-sort fixed-size runs: an item moves left only past items strictly greater than it.
    let mut start = 0;
    while start < n {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let mut j = i;
            while j > start && lt(&a[j], &a[j - 1])? {
                a.swap(j, j - 1);
                j -= 1;
            }
        }
        start = end;
    }
    let mut width = RUN;
    let mut buf: Vec<T> = Vec::with_capacity(n);
    while width < n {
        buf.clear();
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j) = (lo, mid);
            while i < mid && j < hi {
                // Take from the right only when strictly smaller, which keeps equal items in order.
                if lt(&a[j], &a[i])? {
                    buf.push(a[j].clone());
                    j += 1;
                } else {
                    buf.push(a[i].clone());
                    i += 1;
                }
            }
            buf.extend_from_slice(&a[i..mid]);
            buf.extend_from_slice(&a[j..hi]);
            lo = hi;
        }
        std::mem::swap(&mut a, &mut buf);
        width = width.saturating_mul(2);
    }
    Ok(a)
}

/// Sorts values as `sorted(items, key=key, reverse=reverse)` does.
pub fn sort_values(vm: &mut Vm, items: Vec<Value>, key: Option<&Value>, reverse: bool) -> PyResult<Vec<Value>> {
    // Reversing before and after a stable ascending sort keeps equal items in their original order. Keys are
    // computed first, in the list's order, as CPython does.
    fn orient<T>(mut v: Vec<T>, reverse: bool) -> Vec<T> {
        if reverse {
            v.reverse();
        }
        v
    }
    Ok(orient(
        match key {
            None => merge_sort(orient(items, reverse), &mut |a: &Value, b: &Value| vm.lt(a, b))?,
            Some(k) => {
                let mut pairs = Vec::with_capacity(items.len());
                for it in items {
                    let kv = vm.call(k, vec![it.clone()])?;
                    pairs.push((kv, it));
                }
                let pairs = merge_sort(orient(pairs, reverse), &mut |a: &(Value, Value), b: &(Value, Value)| {
                    vm.lt(&a.0, &b.0)
                })?;
                pairs.into_iter().map(|(_, v)| v).collect()
            }
        },
        reverse,
    ))
}

/// Reads `key=` and `reverse=` for `sort()` and `sorted()`; the key `None` means no key.
pub fn sort_options(vm: &mut Vm, kw: &Kwargs) -> PyResult<(Option<Value>, bool)> {
    let mut key = None;
    let mut reverse = false;
    for (k, v) in kw {
        match &**k {
            "key" => {
                if !v.is_none() {
                    key = Some(v.clone());
                }
            }
            "reverse" => reverse = super::args::int_arg(vm, v)? != 0,
            other => {
                return Err(Exc::type_error(format!(
                    "'{other}' is an invalid keyword argument for sort()"
                )))
            }
        }
    }
    Ok((key, reverse))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_sort_is_stable_and_sorted() {
        let items: Vec<(i32, usize)> = (0..200).map(|i: i32| (i * 7919 % 13, i as usize)).collect();
        let sorted = merge_sort(items.clone(), &mut |a: &(i32, usize), b: &(i32, usize)| Ok(a.0 < b.0)).unwrap();
        let mut expect = items;
        expect.sort_by_key(|p| p.0);
        assert_eq!(sorted, expect);
    }

    #[test]
    fn merge_sort_stops_on_error() {
        let r = merge_sort(vec![3, 1, 2], &mut |_a: &i32, _b: &i32| Err(Exc::type_error("no")));
        assert!(r.is_err());
    }
}
