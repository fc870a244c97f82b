//! The lazy iterators the builtins return: `enumerate`, `zip`, `map`, `filter` and `reversed`.

use super::args;
use super::iters::{dict_iter, is_exc, list_reversed, native_iter, RangeIter, VecIter};
use crate::exc::{Exc, ExcType, PyResult};
use crate::native::Kwargs;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

pub struct Enumerate {
    it: Value,
    count: RefCell<Value>,
}

impl Enumerate {
    fn next_item(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let Some(x) = vm.next(&self.it)? else {
            return Ok(None);
        };
        let n = self.count.borrow().clone();
        let next = match &n {
            Value::Int(i) if *i < i64::MAX => Value::Int(i + 1),
            _ => vm.binary(crate::ast::BinOp::Add, &n, &Value::Int(1), false)?,
        };
        *self.count.borrow_mut() = next;
        Ok(Some(Value::tuple(vec![n, x])))
    }
}
native_iter!(Enumerate, |_| "enumerate");

/// `enumerate(iterable, start=0)`.
pub fn enumerate(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let slots = args::bind("enumerate", &["iterable", "start"], args, kw)?;
    let Some(iterable) = slots.first().cloned().flatten() else {
        return Err(Exc::type_error("enumerate() missing required argument 'iterable'"));
    };
    let start = match slots.get(1).cloned().flatten() {
        None => Value::Int(0),
        Some(v @ (Value::Int(_) | Value::BigInt(_))) => v,
        Some(Value::Bool(b)) => Value::Int(b as i64),
        Some(v) => match args::index_of(vm, &v)? {
            Some(i) => Value::Int(i),
            None => {
                return Err(Exc::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(&v)
                )))
            }
        },
    };
    let it = vm.iter(&iterable)?;
    Ok(Value::Object(Rc::new(Enumerate {
        it,
        count: RefCell::new(start),
    })))
}

pub struct Zip {
    its: Vec<Value>,
    strict: bool,
    done: Cell<bool>,
}

fn arguments_upto(i: usize) -> String {
    if i == 1 {
        "argument 1".into()
    } else {
        format!("arguments 1-{i}")
    }
}

impl Zip {
    fn next_item(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        if self.done.get() || self.its.is_empty() {
            return Ok(None);
        }
        let mut out = Vec::with_capacity(self.its.len());
        for (i, it) in self.its.iter().enumerate() {
            match vm.next(it)? {
                Some(v) => out.push(v),
                None => {
                    self.done.set(true);
                    if !self.strict {
                        return Ok(None);
                    }
                    if i > 0 {
                        return Err(Exc::value_error(format!(
                            "zip() argument {} is shorter than {}",
                            i + 1,
                            arguments_upto(i)
                        )));
                    }
                    for (j, other) in self.its.iter().enumerate().skip(1) {
                        if vm.next(other)?.is_some() {
                            return Err(Exc::value_error(format!(
                                "zip() argument {} is longer than {}",
                                j + 1,
                                arguments_upto(j)
                            )));
                        }
                    }
                    return Ok(None);
                }
            }
        }
        Ok(Some(Value::tuple(out)))
    }
}
native_iter!(Zip, |_| "zip");

/// `zip(*iterables, strict=False)`.
pub fn zip(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let mut strict = false;
    for (k, v) in kw {
        if &**k == "strict" {
            strict = vm.truthy(v)?;
        } else {
            return Err(Exc::type_error(format!(
                "'{k}' is an invalid keyword argument for zip()"
            )));
        }
    }
    let mut its = Vec::with_capacity(args.len());
    for a in args {
        its.push(vm.iter(a)?);
    }
    Ok(Value::Object(Rc::new(Zip {
        its,
        strict,
        done: Cell::new(false),
    })))
}

pub struct Map {
    func: Value,
    its: Vec<Value>,
}

impl Map {
    fn next_item(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let mut call_args = Vec::with_capacity(self.its.len());
        for it in &self.its {
            match vm.next(it)? {
                Some(v) => call_args.push(v),
                None => return Ok(None),
            }
        }
        vm.call(&self.func, call_args).map(Some)
    }
}
native_iter!(Map, |_| "map");

/// `map(func, *iterables)`.
pub fn map(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    args::no_kw("map", kw)?;
    let Some((func, iterables)) = args.split_first().filter(|(_, r)| !r.is_empty()) else {
        return Err(Exc::type_error("map() must have at least two arguments."));
    };
    let mut its = Vec::with_capacity(iterables.len());
    for a in iterables {
        its.push(vm.iter(a)?);
    }
    Ok(Value::Object(Rc::new(Map {
        func: func.clone(),
        its,
    })))
}

pub struct Filter {
    func: Value,
    it: Value,
}

impl Filter {
    fn next_item(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        while let Some(x) = vm.next(&self.it)? {
            let keep = if self.func.is_none() {
                vm.truthy(&x)?
            } else {
                let r = vm.call(&self.func, vec![x.clone()])?;
                vm.truthy(&r)?
            };
            if keep {
                return Ok(Some(x));
            }
        }
        Ok(None)
    }
}
native_iter!(Filter, |_| "filter");

/// `filter(function or None, iterable)`.
pub fn filter(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    args::no_kw("filter", kw)?;
    args::expect("filter", args, 2, 2)?;
    let it = vm.iter(&args[1])?;
    Ok(Value::Object(Rc::new(Filter {
        func: args[0].clone(),
        it,
    })))
}

/// `reversed(seq)` over anything with `__len__` and `__getitem__`.
pub struct Reversed {
    seq: Value,
    /// One past the next index to read; 0 means exhausted.
    idx: Cell<usize>,
}

impl Reversed {
    fn next_item(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let i = self.idx.get();
        if i == 0 {
            return Ok(None);
        }
        self.idx.set(i - 1);
        match vm.getitem(&self.seq, &Value::Int(i as i64 - 1)) {
            Ok(v) => Ok(Some(v)),
            Err(e) if is_exc(vm, &e, ExcType::IndexError) || is_exc(vm, &e, ExcType::StopIteration) => {
                self.idx.set(0);
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }
}
native_iter!(Reversed, |_| "reversed");

/// `reversed(seq)`.
pub fn reversed(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    args::no_kw("reversed", kw)?;
    args::expect("reversed", args, 1, 1)?;
    let seq = &args[0];
    let rev = |name: &'static str, mut items: Vec<Value>| {
        items.reverse();
        Value::Object(Rc::new(VecIter::new(
            name,
            Rc::new(crate::value::TupleData::from(items)),
        )))
    };
    if let Value::Class(c) = seq {
        if let Some(f) = c.lookup("__il_reversed__") {
            let f = crate::vm::attr::unwrap_classmethod(&f);
            return vm.call(&f, vec![seq.clone()]);
        }
    }
    Ok(match seq {
        Value::List(l) => list_reversed(l.clone()),
        Value::Tuple(t) => rev("reversed", t.to_vec()),
        Value::Str(s) => rev(
            "reversed",
            s.chars().map(|c| Value::str(c.encode_utf8(&mut [0; 4]))).collect(),
        ),
        Value::Bytes(b) => rev("reversed", b.iter().map(|&x| Value::Int(x as i64)).collect()),
        Value::Range(r) => Value::Object(Rc::new(RangeIter::new(r, true))),
        Value::Dict(d) => dict_iter(d.clone(), super::dict::ViewKind::Keys, true),
        Value::Object(_) if seq.as_native::<super::dict::DictView>().is_some() => {
            let v = seq.as_native::<super::dict::DictView>();
            match v {
                Some(v) => dict_iter(v.dict.clone(), v.kind, true),
                None => Value::None,
            }
        }
        _ => {
            if let Some(f) = vm.getattr_opt(seq, "__reversed__")? {
                return vm.call(&f, Vec::new());
            }
            let has_getitem = vm.getattr_opt(seq, "__getitem__")?.is_some();
            let has_len = matches!(seq, Value::Instance(_)) && vm.getattr_opt(seq, "__len__")?.is_some();
            if !(has_getitem && has_len) {
                return Err(Exc::type_error(format!(
                    "'{}' object is not reversible",
                    vm.type_name(seq)
                )));
            }
            let n = vm.len(seq)?;
            Value::Object(Rc::new(Reversed {
                seq: seq.clone(),
                idx: Cell::new(n),
            }))
        }
    })
}

/// `iter(callable, sentinel)`: calls until the result equals the sentinel.
pub struct CallIter {
    func: Value,
    sentinel: Value,
    done: Cell<bool>,
}

impl CallIter {
    fn next_item(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        if self.done.get() {
            return Ok(None);
        }
        let v = match vm.call(&self.func, Vec::new()) {
            Ok(v) => v,
            Err(e) if is_exc(vm, &e, ExcType::StopIteration) => {
                self.done.set(true);
                return Ok(None);
            }
            Err(e) => return Err(e),
        };
        if super::ops::same_or_eq(vm, &v, &self.sentinel)? {
            self.done.set(true);
            return Ok(None);
        }
        Ok(Some(v))
    }
}
native_iter!(CallIter, |_| "callable_iterator");

pub fn call_iter(vm: &mut Vm, func: &Value, sentinel: &Value) -> PyResult {
    let is_callable = match func {
        Value::Function(_) | Value::Native(_) | Value::Method(_) | Value::Class(_) => true,
        _ => vm.class_of(func).lookup("__call__").is_some(),
    };
    if !is_callable {
        return Err(Exc::type_error("iter(v, w): v must be callable"));
    }
    Ok(Value::Object(Rc::new(CallIter {
        func: func.clone(),
        sentinel: sentinel.clone(),
        done: Cell::new(false),
    })))
}
