//! Methods of `dict`, and its live views `dict_keys`, `dict_values` and `dict_items`.

use super::args::{self, noargs, rest};
use super::{add_methods, dunder, native_method, Types};
use crate::dict::Dict;
use crate::exc::{Exc, PyResult};
use crate::native::{Kwargs, NativeObject};
use crate::value::{BuiltinType, Value};
use crate::vm::Vm;
use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

pub type DictRef = Rc<RefCell<Dict>>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

/// A live view of a dict: it sees later changes, as CPython's views do.
pub struct DictView {
    pub dict: DictRef,
    pub kind: ViewKind,
}

impl DictView {
    pub fn type_name_of(kind: ViewKind) -> &'static str {
        match kind {
            ViewKind::Keys => "dict_keys",
            ViewKind::Values => "dict_values",
            ViewKind::Items => "dict_items",
        }
    }

    /// The view's items, copied out so no borrow is held while Python code runs.
    pub fn items(&self) -> Vec<Value> {
        let d = self.dict.borrow();
        match self.kind {
            ViewKind::Keys => d.keys().cloned().collect(),
            ViewKind::Values => d.values().cloned().collect(),
            ViewKind::Items => d
                .items()
                .map(|(k, v)| Value::tuple(vec![k.clone(), v.clone()]))
                .collect(),
        }
    }
}

impl NativeObject for DictView {
    fn type_name(&self) -> &'static str {
        DictView::type_name_of(self.kind)
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn repr(&self, vm: &mut Vm) -> Option<PyResult<String>> {
        let items = self.items();
        Some(vm.join_reprs(&items).map(|s| format!("{}([{s}])", self.type_name())))
    }

    fn len(&self) -> Option<usize> {
        Some(self.dict.borrow().len())
    }
}

fn this(vm: &Vm, name: &str, args: &[Value]) -> PyResult<DictRef> {
    match args::recv(vm, "dict", name, args, |v| matches!(v, Value::Dict(_)))? {
        Value::Dict(d) => Ok(d),
        _ => Err(Exc::type_error("expected a dict")),
    }
}

fn get(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let d = this(vm, "get", args)?;
    args::no_kw("dict.get", kw)?;
    let a = rest(args);
    args::expect("get", a, 1, 2)?;
    let k = vm.hkey(a[0].clone())?;
    let found = d.borrow().get(&k);
    Ok(found.unwrap_or_else(|| a.get(1).cloned().unwrap_or(Value::None)))
}

fn setdefault(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let d = this(vm, "setdefault", args)?;
    args::no_kw("dict.setdefault", kw)?;
    let a = rest(args);
    args::expect("setdefault", a, 1, 2)?;
    let k = vm.hkey(a[0].clone())?;
    let found = d.borrow().get(&k);
    match found {
        Some(v) => Ok(v),
        None => {
            let v = a.get(1).cloned().unwrap_or(Value::None);
            d.borrow_mut().insert(k, v.clone());
            Ok(v)
        }
    }
}

fn pop(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let d = this(vm, "pop", args)?;
    args::no_kw("dict.pop", kw)?;
    let a = rest(args);
    args::expect("pop", a, 1, 2)?;
    let k = vm.hkey(a[0].clone())?;
    let removed = d.borrow_mut().remove(&k);
    match (removed, a.get(1)) {
        (Some(v), _) => Ok(v),
        (None, Some(default)) => Ok(default.clone()),
        (None, None) => Err(args::key_error(a[0].clone())),
    }
}

fn popitem(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let d = this(vm, "popitem", args)?;
    noargs("dict.popitem", rest(args), kw)?;
    let last = d.borrow_mut().map.pop();
    match last {
        Some((k, v)) => Ok(Value::tuple(vec![k.value, v])),
        None => Err(args::key_error(Value::str("popitem(): dictionary is empty"))),
    }
}

fn view(vm: &mut Vm, args: &[Value], kw: &Kwargs, kind: ViewKind) -> PyResult {
    let name = match kind {
        ViewKind::Keys => "keys",
        ViewKind::Values => "values",
        ViewKind::Items => "items",
    };
    let d = this(vm, name, args)?;
    noargs(&format!("dict.{name}"), rest(args), kw)?;
    Ok(Value::Object(Rc::new(DictView { dict: d, kind })))
}

fn keys(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    view(vm, args, kw, ViewKind::Keys)
}

fn values(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    view(vm, args, kw, ViewKind::Values)
}

fn items(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    view(vm, args, kw, ViewKind::Items)
}

/// `d.update(other, **kw)`: a mapping (anything with `keys`) or an iterable of pairs, then the keywords.
pub fn update_from(vm: &mut Vm, d: &DictRef, a: &[Value], kw: &Kwargs) -> PyResult<()> {
    args::expect("update", a, 0, 1)?;
    if let Some(src) = a.first() {
        let plain = args::unwrap(src);
        let keys_overridden = matches!(src, Value::Instance(_))
            && !matches!(vm.class_of(src).lookup("keys"), Some(Value::Native(_)) | None);
        match &plain {
            Value::Dict(other) if !keys_overridden => {
                let items: Vec<(crate::dict::HKey, Value)> =
                    other.borrow().map.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                let mut d = d.borrow_mut();
                for (k, v) in items {
                    d.insert(k, v);
                }
            }
            _ => match vm.getattr_opt(src, "keys")? {
                Some(keys) => {
                    let ks = vm.call(&keys, Vec::new())?;
                    for k in vm.collect(&ks)? {
                        let v = vm.getitem(src, &k)?;
                        let hk = vm.hkey(k)?;
                        d.borrow_mut().insert(hk, v);
                    }
                }
                None => update_pairs(vm, d, src)?,
            },
        }
    }
    for (k, v) in kw {
        d.borrow_mut().set_rc(k.clone(), v.clone());
    }
    Ok(())
}

/// Adds the `(key, value)` pairs of an iterable, with CPython's complaints about malformed elements.
fn update_pairs(vm: &mut Vm, d: &DictRef, src: &Value) -> PyResult<()> {
    let it = vm.iter(src)?;
    let mut i = 0;
    while let Some(pair) = vm.next(&it)? {
        let kv = match &pair {
            Value::Tuple(t) => t.to_vec(),
            Value::List(l) => l.borrow().clone(),
            _ => match vm.collect(&pair) {
                Ok(kv) => kv,
                Err(e) if super::iters::is_exc(vm, &e, crate::exc::ExcType::TypeError) => {
                    return Err(Exc::type_error(format!(
                        "cannot convert dictionary update sequence element #{i} to a sequence"
                    )))
                }
                Err(e) => return Err(e),
            },
        };
        let [k, v] = <[Value; 2]>::try_from(kv).map_err(|kv| {
            Exc::value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                kv.len()
            ))
        })?;
        let hk = vm.hkey(k)?;
        d.borrow_mut().insert(hk, v);
        i += 1;
    }
    Ok(())
}

fn update(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let d = this(vm, "update", args)?;
    update_from(vm, &d, rest(args), kw)?;
    Ok(Value::None)
}

fn init(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let d = this(vm, "__init__", args)?;
    let a = rest(args);
    args::expect("dict", a, 0, 1)?;
    update_from(vm, &d, a, kw)?;
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let d = this(vm, "copy", args)?;
    noargs("dict.copy", rest(args), kw)?;
    let c = d.borrow().clone();
    Ok(Value::dict(c))
}

fn clear(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let d = this(vm, "clear", args)?;
    noargs("dict.clear", rest(args), kw)?;
    let old = std::mem::take(&mut *d.borrow_mut());
    drop(old);
    Ok(Value::None)
}

/// `dict.fromkeys(iterable, value=None)`, a classmethod: `args[0]` is the class.
fn fromkeys(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    args::no_kw("dict.fromkeys", kw)?;
    let a = rest(args);
    args::expect("fromkeys", a, 1, 2)?;
    let value = a.get(1).cloned().unwrap_or(Value::None);
    let keys = vm.collect(&a[0])?;
    match args.first() {
        Some(Value::Class(c)) if c.builtin != Some(BuiltinType::Dict) => {
            let obj = vm.call(&Value::Class(c.clone()), Vec::new())?;
            for k in keys {
                vm.setitem(&obj, k, value.clone())?;
            }
            Ok(obj)
        }
        _ => {
            let mut d = Dict::new();
            for k in keys {
                d.insert(vm.hkey(k)?, value.clone());
            }
            Ok(Value::dict(d))
        }
    }
}

fn receiver_view<'a>(args: &'a [Value], name: &str) -> PyResult<&'a DictView> {
    args.first()
        .and_then(|v| v.as_native::<DictView>())
        .ok_or_else(|| Exc::type_error(format!("descriptor '{name}' needs a dict view")))
}

fn view_iter(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    noargs("__iter__", rest(args), kw)?;
    let v = receiver_view(args, "__iter__")?;
    let _ = vm;
    Ok(super::iters::dict_iter(v.dict.clone(), v.kind, false))
}

fn view_reversed(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    noargs("__reversed__", rest(args), kw)?;
    let v = receiver_view(args, "__reversed__")?;
    let _ = vm;
    Ok(super::iters::dict_iter(v.dict.clone(), v.kind, true))
}

fn view_len(_vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    noargs("__len__", rest(args), kw)?;
    let v = receiver_view(args, "__len__")?;
    Ok(Value::Int(v.dict.borrow().len() as i64))
}

fn view_isdisjoint(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let other = args::one("isdisjoint", rest(args), kw)?;
    let v = receiver_view(args, "isdisjoint")?;
    for x in vm.collect(other)? {
        if super::ops::contains(vm, &args[0], &x).unwrap_or(Ok(false))? {
            return Ok(Value::Bool(false));
        }
    }
    let _ = v;
    Ok(Value::Bool(true))
}

fn dict_reversed(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let d = this(vm, "__reversed__", args)?;
    noargs("dict.__reversed__", rest(args), kw)?;
    Ok(super::iters::dict_iter(d, ViewKind::Keys, true))
}

pub fn install(t: &mut Types) {
    add_methods(
        &t.dict,
        "dict",
        &[
            ("get", get),
            ("setdefault", setdefault),
            ("pop", pop),
            ("popitem", popitem),
            ("keys", keys),
            ("values", values),
            ("items", items),
            ("update", update),
            ("copy", copy),
            ("clear", clear),
            ("__init__", init),
            ("__reversed__", dict_reversed),
        ],
    );
    let fk = native_method("dict", "fromkeys", fromkeys);
    t.dict
        .dict
        .borrow_mut()
        .set_str("fromkeys", Value::Object(Rc::new(crate::vm::attr::ClassMethod(fk))));
    dunder::install_dict(&t.dict);
    for kind in [ViewKind::Keys, ViewKind::Values, ViewKind::Items] {
        let name = DictView::type_name_of(kind);
        let mut methods: Vec<(&'static str, crate::native::NativeFn)> = vec![
            ("__iter__", view_iter),
            ("__reversed__", view_reversed),
            ("__len__", view_len),
        ];
        if kind != ViewKind::Values {
            methods.push(("isdisjoint", view_isdisjoint));
        }
        t.register_native(name, &methods);
    }
}
