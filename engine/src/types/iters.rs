//! Iterators over the builtin containers (`list_iterator`, `dict_keyiterator`...) and `make_iter`, which picks one.

use super::args::{noargs, rest};
use super::dict::{DictRef, DictView, ViewKind};
use super::Types;
use crate::dict::Set;
use crate::exc::{Exc, ExcType, PyResult};
use crate::native::{Kwargs, NativeFn, NativeObject};
use crate::value::{RangeObj, Str, Value};
use crate::vm::Vm;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Implements `NativeObject` for an iterator type from its type name and its `next_item` method.
macro_rules! native_iter {
    ($t:ty, $name:expr) => {
        impl $crate::native::NativeObject for $t {
            fn type_name(&self) -> &'static str {
                ($name)(self)
            }
            fn as_any(&self) -> &dyn std::any::Any {
                self
            }
            fn iter_next(
                &self,
                vm: &mut $crate::vm::Vm,
            ) -> Option<$crate::exc::PyResult<Option<$crate::value::Value>>> {
                Some(self.next_item(vm))
            }
        }
    };
}
pub(crate) use native_iter;

/// `iter(list)`: reads the live list by position, so appends during iteration are seen.
pub struct ListIter {
    list: RefCell<Option<Rc<crate::value::ListCell>>>,
    idx: Cell<usize>,
}

impl ListIter {
    fn next_item(&self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        let mut slot = self.list.borrow_mut();
        let item = slot.as_ref().and_then(|l| l.borrow().get(self.idx.get()).cloned());
        match item {
            Some(v) => {
                self.idx.set(self.idx.get() + 1);
                Ok(Some(v))
            }
            None => {
                // Once exhausted it stays exhausted, even if the list grows later.
                *slot = None;
                Ok(None)
            }
        }
    }
}
native_iter!(ListIter, |_| "list_iterator");

/// `reversed(list)`: `idx` is one past the next position to read; 0 means exhausted.
pub struct ListRevIter {
    list: Rc<crate::value::ListCell>,
    idx: Cell<usize>,
}

impl ListRevIter {
    fn next_item(&self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        let i = self.idx.get();
        if i == 0 {
            return Ok(None);
        }
        let item = self.list.borrow().get(i - 1).cloned();
        match item {
            Some(v) => {
                self.idx.set(i - 1);
                Ok(Some(v))
            }
            None => {
                self.idx.set(0);
                Ok(None)
            }
        }
    }
}
native_iter!(ListRevIter, |_| "list_reverseiterator");

pub fn list_reversed(list: Rc<crate::value::ListCell>) -> Value {
    let n = list.borrow().len();
    Value::Object(Rc::new(ListRevIter {
        list,
        idx: Cell::new(n),
    }))
}

/// An iterator over a fixed sequence of values, under whichever type name CPython gives it.
pub struct VecIter {
    name: &'static str,
    items: Rc<crate::value::TupleData>,
    idx: Cell<usize>,
}

impl VecIter {
    pub fn new(name: &'static str, items: Rc<crate::value::TupleData>) -> VecIter {
        VecIter {
            name,
            items,
            idx: Cell::new(0),
        }
    }

    fn next_item(&self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        let i = self.idx.get();
        match self.items.get(i) {
            Some(v) => {
                self.idx.set(i + 1);
                Ok(Some(v.clone()))
            }
            None => Ok(None),
        }
    }
}
native_iter!(VecIter, |s: &VecIter| s.name);

/// `iter(str)`: walks the UTF-8 text one character at a time.
pub struct StrIter {
    s: Str,
    pos: Cell<usize>,
}

impl StrIter {
    fn next_item(&self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        let pos = self.pos.get();
        let Some(c) = self.s.get(pos..).and_then(|t| t.chars().next()) else {
            return Ok(None);
        };
        self.pos.set(pos + c.len_utf8());
        let mut buf = [0u8; 4];
        Ok(Some(Value::str(c.encode_utf8(&mut buf))))
    }
}
native_iter!(StrIter, |s: &StrIter| if s.s.is_ascii() {
    "str_ascii_iterator"
} else {
    "str_iterator"
});

pub struct BytesIter {
    b: Rc<[u8]>,
    idx: Cell<usize>,
}

impl BytesIter {
    fn next_item(&self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        let i = self.idx.get();
        match self.b.get(i) {
            Some(&x) => {
                self.idx.set(i + 1);
                Ok(Some(Value::Int(x as i64)))
            }
            None => Ok(None),
        }
    }
}
native_iter!(BytesIter, |_| "bytes_iterator");

pub struct RangeIter {
    next: Cell<i64>,
    step: i64,
    left: Cell<i64>,
}

impl RangeIter {
    pub fn new(r: &RangeObj, reverse: bool) -> RangeIter {
        let n = r.len();
        if reverse {
            RangeIter {
                next: Cell::new(r.get(n.saturating_sub(1))),
                step: r.step.wrapping_neg(),
                left: Cell::new(n),
            }
        } else {
            RangeIter {
                next: Cell::new(r.start),
                step: r.step,
                left: Cell::new(n),
            }
        }
    }

    fn next_item(&self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        let left = self.left.get();
        if left <= 0 {
            return Ok(None);
        }
        let v = self.next.get();
        self.left.set(left - 1);
        self.next.set(v.wrapping_add(self.step));
        Ok(Some(Value::Int(v)))
    }
}
native_iter!(RangeIter, |_| "range_iterator");

enum SetSrc {
    Mutable(Rc<RefCell<Set>>),
    Frozen(Rc<Set>),
}

impl SetSrc {
    fn len(&self) -> usize {
        match self {
            SetSrc::Mutable(s) => s.borrow().len(),
            SetSrc::Frozen(s) => s.len(),
        }
    }
}

/// `iter(set)`: walks a snapshot of the members, raising if the set changes size underneath it.
pub struct SetIter {
    src: SetSrc,
    items: Vec<Value>,
    idx: Cell<usize>,
    len0: usize,
}

impl SetIter {
    fn new(src: SetSrc) -> SetIter {
        let items: Vec<Value> = match &src {
            SetSrc::Mutable(s) => s.borrow().iter().map(|k| k.value.clone()).collect(),
            SetSrc::Frozen(s) => s.iter().map(|k| k.value.clone()).collect(),
        };
        SetIter {
            len0: items.len(),
            src,
            items,
            idx: Cell::new(0),
        }
    }

    fn next_item(&self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        let i = self.idx.get();
        if i == usize::MAX {
            return Ok(None);
        }
        if self.src.len() != self.len0 {
            // Report it once, then behave as exhausted.
            self.idx.set(usize::MAX);
            return Err(Exc::runtime("Set changed size during iteration"));
        }
        let item = self.items.get(i).cloned();
        if item.is_some() {
            self.idx.set(i + 1);
        }
        Ok(item)
    }
}
native_iter!(SetIter, |_| "set_iterator");

/// Iterates a dict's keys, values or items, forwards or backwards, raising if its size changes.
pub struct DictIter {
    dict: DictRef,
    kind: ViewKind,
    reverse: bool,
    /// Items produced so far.
    done: Cell<usize>,
    len0: usize,
}

impl DictIter {
    fn next_item(&self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        let d = self.dict.borrow();
        let n = self.done.get();
        if n == usize::MAX {
            return Ok(None);
        }
        if d.len() != self.len0 {
            self.done.set(usize::MAX);
            return Err(Exc::runtime("dictionary changed size during iteration"));
        }
        let pos = if self.reverse {
            match self.len0.checked_sub(n + 1) {
                Some(p) => p,
                None => return Ok(None),
            }
        } else {
            n
        };
        let Some((k, v)) = d.map.get_index(pos) else {
            return Ok(None);
        };
        self.done.set(n + 1);
        Ok(Some(match self.kind {
            ViewKind::Keys => k.value.clone(),
            ViewKind::Values => v.clone(),
            ViewKind::Items => Value::tuple(vec![k.value.clone(), v.clone()]),
        }))
    }
}
native_iter!(DictIter, |s: &DictIter| match (s.kind, s.reverse) {
    (ViewKind::Keys, false) => "dict_keyiterator",
    (ViewKind::Values, false) => "dict_valueiterator",
    (ViewKind::Items, false) => "dict_itemiterator",
    (ViewKind::Keys, true) => "dict_reversekeyiterator",
    (ViewKind::Values, true) => "dict_reversevalueiterator",
    (ViewKind::Items, true) => "dict_reverseitemiterator",
});

pub fn dict_iter(dict: DictRef, kind: ViewKind, reverse: bool) -> Value {
    let len0 = dict.borrow().len();
    Value::Object(Rc::new(DictIter {
        dict,
        kind,
        reverse,
        done: Cell::new(0),
        len0,
    }))
}

/// The old sequence protocol: `obj[0]`, `obj[1]`... until IndexError or StopIteration.
pub struct SeqIter {
    obj: RefCell<Option<Value>>,
    idx: Cell<i64>,
}

impl SeqIter {
    pub fn new(obj: Value) -> SeqIter {
        SeqIter {
            obj: RefCell::new(Some(obj)),
            idx: Cell::new(0),
        }
    }

    fn next_item(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let Some(obj) = self.obj.borrow().clone() else {
            return Ok(None);
        };
        let i = self.idx.get();
        match vm.getitem(&obj, &Value::Int(i)) {
            Ok(v) => {
                self.idx.set(i.saturating_add(1));
                Ok(Some(v))
            }
            Err(e) if is_exc(vm, &e, ExcType::IndexError) || is_exc(vm, &e, ExcType::StopIteration) => {
                *self.obj.borrow_mut() = None;
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }
}
native_iter!(SeqIter, |_| "iterator");

/// Whether an error is (a subclass of) the given builtin exception.
pub fn is_exc(vm: &Vm, e: &Exc, t: ExcType) -> bool {
    match e {
        Exc::Msg(k, _) | Exc::Args(k, _) => {
            let mut k = *k;
            loop {
                if k == t {
                    return true;
                }
                if k == ExcType::BaseException {
                    return false;
                }
                k = k.parent();
            }
        }
        Exc::Raised(v) => vm.isinstance(v, &vm.types.exc(t)),
    }
}

/// The iterator for a builtin iterable, or a native iterator itself; `None` for anything else.
pub fn make_iter(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let it: Rc<dyn NativeObject> = match v {
        Value::List(l) => Rc::new(ListIter {
            list: RefCell::new(Some(l.clone())),
            idx: Cell::new(0),
        }),
        Value::Tuple(t) => Rc::new(VecIter::new("tuple_iterator", t.clone())),
        Value::Str(s) => Rc::new(StrIter {
            s: s.clone(),
            pos: Cell::new(0),
        }),
        Value::Bytes(b) => Rc::new(BytesIter {
            b: b.clone(),
            idx: Cell::new(0),
        }),
        Value::Range(r) => Rc::new(RangeIter::new(r, false)),
        Value::Set(s) => Rc::new(SetIter::new(SetSrc::Mutable(s.clone()))),
        Value::FrozenSet(s) => Rc::new(SetIter::new(SetSrc::Frozen(s.clone()))),
        Value::Dict(d) => return Ok(Some(dict_iter(d.clone(), ViewKind::Keys, false))),
        Value::Object(o) => {
            if let Some(view) = v.as_native::<DictView>() {
                return Ok(Some(dict_iter(view.dict.clone(), view.kind, false)));
            }
            // Native iterators are their own iterators.
            let is_iterator = vm
                .types
                .native_of(o.type_name())
                .is_some_and(|c| c.lookup("__next__").is_some());
            return Ok(if is_iterator { Some(v.clone()) } else { None });
        }
        // An instance of a builtin subclass iterates its builtin value unless the class overrides `__iter__`.
        Value::Instance(i) => {
            let inherited = match i.class.borrow().lookup("__iter__") {
                Some(f) => matches!(f, Value::Native(_)),
                None => true,
            };
            let w = i.wrapped.borrow().clone();
            if inherited && !matches!(w, Value::None | Value::Instance(_)) {
                return make_iter(vm, &w);
            }
            return Ok(None);
        }
        _ => return Ok(None),
    };
    Ok(Some(Value::Object(it)))
}

/// `it.__iter__()` of every native iterator.
pub fn iter_self(_vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    noargs("__iter__", rest(args), kw)?;
    args.first()
        .cloned()
        .ok_or_else(|| Exc::type_error("descriptor '__iter__' needs an argument"))
}

/// `it.__next__()` of every native iterator: StopIteration when exhausted.
pub fn next_native(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    noargs("__next__", rest(args), kw)?;
    match args.first() {
        Some(Value::Object(o)) => match o.clone().iter_next(vm) {
            Some(Ok(Some(v))) => Ok(v),
            Some(Ok(None)) => Err(Exc::stop_iteration()),
            Some(Err(e)) => Err(e),
            None => Err(Exc::type_error(format!(
                "'{}' object is not an iterator",
                o.type_name()
            ))),
        },
        _ => Err(Exc::type_error("descriptor '__next__' needs an iterator")),
    }
}

/// The iterators over a builtin container or a range, which end after a bounded number of items (a range
/// may be longer than any container, which is why `Vm::next` still bounds them by `MAX_ITEMS`).
pub const FINITE_ITERATOR_TYPES: &[&str] = &[
    "list_iterator",
    "list_reverseiterator",
    "tuple_iterator",
    "str_ascii_iterator",
    "str_iterator",
    "bytes_iterator",
    "range_iterator",
    "set_iterator",
    "dict_keyiterator",
    "dict_valueiterator",
    "dict_itemiterator",
    "dict_reversekeyiterator",
    "dict_reversevalueiterator",
    "dict_reverseitemiterator",
];

/// The type names of the other iterators defined here and in `lazy`: each draws from another iterable or calls
/// a function, so its `__next__` may run Python code.
pub const OTHER_ITERATOR_TYPES: &[&str] = &[
    "iterator",
    "enumerate",
    "zip",
    "map",
    "filter",
    "reversed",
    "callable_iterator",
];

pub fn install(t: &mut Types) {
    let methods: &[(&'static str, NativeFn)] = &[("__iter__", iter_self), ("__next__", next_native)];
    for name in FINITE_ITERATOR_TYPES.iter().chain(OTHER_ITERATOR_TYPES) {
        t.register_native(name, methods);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_iter_counts_down_when_reversed() {
        let r = RangeObj {
            start: 0,
            stop: 10,
            step: 3,
        };
        let it = RangeIter::new(&r, true);
        assert_eq!(it.next.get(), 9);
        assert_eq!(it.step, -3);
        assert_eq!(it.left.get(), 4);
    }
}
