//! What crosses a process boundary: values "pickled" into a form no interpreter owns, and rebuilt in the
//! receiver's interpreter, with pickle's rules and CPython's errors.
//!
//! As pickle does, functions and classes travel by reference (module and qualified name) and are looked up
//! again in the receiving process, so a lambda or a nested function cannot travel, and a function defined after
//! a pool's workers were forked is missing there. Instances travel as their class and `__dict__` (no
//! `__init__` runs when they are rebuilt); exceptions as their class and arguments. Locks, generators,
//! coroutines and modules raise pickle's `TypeError`. `multiprocessing`'s own shared objects (channels and
//! cells, which are the simulated pipes and shared memory) travel as themselves.

use crate::dict::{Dict, HKey};
use crate::exc::{Exc, PyResult};
use crate::value::{Str, Value};
use crate::vm::Vm;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// A pickled value.
pub enum P {
    /// Immutable and interpreter-independent: numbers, strings, bytes, ranges, `None`, shared native objects.
    Atom(Value),
    /// The object pickled earlier under this memo number (sharing and cycles survive, as with pickle).
    Memo(usize),
    List(usize, Vec<P>),
    Tuple(Vec<P>),
    Dict(usize, Vec<(u64, P, P)>),
    Set(usize, Vec<P>),
    FrozenSet(Vec<P>),
    /// A function or class, by module and qualified name.
    Global(Str, Str),
    Instance {
        memo: usize,
        class: Box<P>,
        state: Vec<(u64, P, P)>,
        args: Option<Vec<P>>,
        wrapped: Box<P>,
    },
    /// A bound method: its receiver and name.
    Method(Box<P>, Str),
}

const MAX_DEPTH: usize = 300;

struct Pickler<'a> {
    vm: &'a mut Vm,
    memo: HashMap<usize, usize>,
    depth: usize,
}

fn addr<T: ?Sized>(rc: &Rc<T>) -> usize {
    Rc::as_ptr(rc) as *const () as usize
}

/// Pickles `v` in the sender's interpreter.
pub fn dumps(vm: &mut Vm, v: &Value) -> PyResult<P> {
    let mut p = Pickler {
        vm,
        memo: HashMap::new(),
        depth: 0,
    };
    p.dump(v)
}

/// `_pickle.PicklingError(msg)`, from the `pickle` module.
pub fn pickling_error(vm: &mut Vm, msg: String) -> Exc {
    let class = vm.import("pickle").and_then(|m| vm.getattr(&m, "PicklingError")).ok();
    match class {
        Some(Value::Class(c)) => Exc::Raised(vm.new_instance(&c, &[Value::str(&msg)])),
        _ => Exc::runtime(msg),
    }
}

impl Pickler<'_> {
    fn memo_new(&mut self, key: usize) -> usize {
        let n = self.memo.len();
        self.memo.insert(key, n);
        n
    }

    fn items(&mut self, d: &Dict) -> PyResult<Vec<(u64, P, P)>> {
        let items: Vec<(HKey, Value)> = d.map.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        let mut out = Vec::with_capacity(items.len());
        for (k, v) in items {
            out.push((k.hash, self.dump(&k.value)?, self.dump(&v)?));
        }
        Ok(out)
    }

    /// A function or class by reference, checked as pickle's `save_global` checks it.
    fn global(&mut self, v: &Value, module: Str, qualname: Str) -> PyResult<P> {
        if qualname.contains("<locals>") {
            return Err(Exc::attribute_error(format!("Can't pickle local object '{qualname}'")));
        }
        let found = self.lookup(&module, &qualname);
        let same = match (&found, v) {
            (Some(Value::Function(a)), Value::Function(b)) => Rc::ptr_eq(a, b),
            (Some(Value::Class(a)), Value::Class(b)) => Rc::ptr_eq(a, b),
            _ => false,
        };
        if !same {
            let r = self.vm.repr(v)?;
            let msg = match found {
                None => format!("Can't pickle {r}: attribute lookup {qualname} on {module} failed"),
                Some(_) => format!("Can't pickle {r}: it's not the same object as {module}.{qualname}"),
            };
            return Err(pickling_error(self.vm, msg));
        }
        Ok(P::Global(module, qualname))
    }

    fn lookup(&mut self, module: &str, qualname: &str) -> Option<Value> {
        lookup(self.vm, module, qualname).ok()
    }

    fn dump(&mut self, v: &Value) -> PyResult<P> {
        if self.depth >= MAX_DEPTH {
            return Err(Exc::new(
                crate::exc::ExcType::RecursionError,
                "maximum recursion depth exceeded while pickling an object",
            ));
        }
        self.depth += 1;
        let r = self.dump_inner(v);
        self.depth -= 1;
        r
    }

    fn dump_inner(&mut self, v: &Value) -> PyResult<P> {
        let key = match v {
            Value::List(r) => Some(addr(r)),
            Value::Dict(r) => Some(addr(r)),
            Value::Set(r) => Some(addr(r)),
            Value::Instance(r) => Some(addr(r)),
            _ => None,
        };
        if let Some(n) = key.and_then(|k| self.memo.get(&k)) {
            return Ok(P::Memo(*n));
        }
        Ok(match v {
            Value::None
            | Value::NotImplemented
            | Value::Ellipsis
            | Value::Bool(_)
            | Value::Int(_)
            | Value::BigInt(_)
            | Value::Float(_)
            | Value::Str(_)
            | Value::Bytes(_)
            | Value::Range(_)
            | Value::Slice(_) => P::Atom(v.clone()),
            Value::List(l) => {
                let n = self.memo_new(addr(l));
                let items: Vec<Value> = l.borrow().clone();
                let mut out = Vec::with_capacity(items.len());
                for x in &items {
                    out.push(self.dump(x)?);
                }
                P::List(n, out)
            }
            Value::Tuple(t) => {
                let mut out = Vec::with_capacity(t.len());
                for x in t.iter() {
                    out.push(self.dump(x)?);
                }
                P::Tuple(out)
            }
            Value::Dict(d) => {
                let n = self.memo_new(addr(d));
                let d = d.borrow().clone();
                P::Dict(n, self.items(&d)?)
            }
            Value::Set(s) => {
                let n = self.memo_new(addr(s));
                let items: Vec<Value> = s.borrow().iter().map(|k| k.value.clone()).collect();
                let mut out = Vec::with_capacity(items.len());
                for x in &items {
                    out.push(self.dump(x)?);
                }
                P::Set(n, out)
            }
            Value::FrozenSet(s) => {
                let items: Vec<Value> = s.iter().map(|k| k.value.clone()).collect();
                let mut out = Vec::with_capacity(items.len());
                for x in &items {
                    out.push(self.dump(x)?);
                }
                P::FrozenSet(out)
            }
            Value::Function(f) => {
                let qualname = f.qualname.borrow().clone();
                let module = match f.globals.borrow().get_str("__name__") {
                    Some(Value::Str(s)) => s,
                    _ => f.module.clone(),
                };
                self.global(v, module, qualname)?
            }
            Value::Class(c) => {
                if c.builtin.is_some() || &*c.module == "builtins" {
                    P::Atom(v.clone())
                } else {
                    self.global(v, c.module.clone(), c.qualname.clone())?
                }
            }
            Value::Native(_) => P::Atom(v.clone()),
            Value::Method(m) => {
                let name = match self.vm.getattr(&m.1, "__name__")? {
                    Value::Str(s) => s,
                    _ => Rc::from("?"),
                };
                P::Method(Box::new(self.dump(&m.0)?), name)
            }
            Value::Instance(i) => {
                let n = self.memo_new(addr(i));
                let class = i.class.borrow().clone();
                let class = self.dump(&Value::Class(class))?;
                let args = match &i.exc {
                    Some(e) => {
                        let a = e.borrow().args.clone();
                        let mut out = Vec::with_capacity(a.len());
                        for x in &a {
                            out.push(self.dump(x)?);
                        }
                        Some(out)
                    }
                    None => None,
                };
                let d = i.dict.borrow().clone();
                let state = self.items(&d)?;
                let wrapped = i.wrapped.borrow().clone();
                let wrapped = self.dump(&wrapped)?;
                P::Instance {
                    memo: n,
                    class: Box::new(class),
                    state,
                    args,
                    wrapped: Box::new(wrapped),
                }
            }
            Value::Object(o) if super::is_shared(o.as_any()) => P::Atom(v.clone()),
            Value::Object(o) => {
                let name = match o.type_name() {
                    "lock" => "_thread.lock",
                    "RLock" => "_thread.RLock",
                    other => other,
                };
                return Err(Exc::type_error(format!("cannot pickle '{name}' object")));
            }
            Value::Gen(_) | Value::Module(_) | Value::Cell(_) | Value::Code(_) | Value::Null => {
                let name = self.vm.type_name(v);
                return Err(Exc::type_error(format!("cannot pickle '{name}' object")));
            }
        })
    }
}

/// `module.qualname` in the interpreter `vm`: pickle's `find_class`, with its `AttributeError`.
pub fn lookup(vm: &mut Vm, module: &str, qualname: &str) -> PyResult<Value> {
    let m = if module == "__main__" {
        Value::Module(Rc::new(crate::value::Module {
            name: Rc::from("__main__"),
            dict: vm.main_globals.clone(),
        }))
    } else {
        vm.import(module)?
    };
    let mut cur = m.clone();
    for part in qualname.split('.') {
        match vm.getattr_opt(&cur, part)? {
            Some(v) => cur = v,
            None => {
                let file = vm.main_globals.borrow().get_str("__file__");
                let r = match file {
                    Some(Value::Str(f)) if module == "__main__" => format!("<module '__main__' from '{f}'>"),
                    _ => vm.repr(&m)?.to_string(),
                };
                return Err(Exc::attribute_error(format!("Can't get attribute '{qualname}' on {r}")));
            }
        }
    }
    Ok(cur)
}

/// Rebuilds a pickled value in the receiver's interpreter.
pub fn loads(vm: &mut Vm, p: &P) -> PyResult<Value> {
    let mut memo = HashMap::new();
    load(vm, p, &mut memo)
}

fn load(vm: &mut Vm, p: &P, memo: &mut HashMap<usize, Value>) -> PyResult<Value> {
    Ok(match p {
        P::Atom(v) => v.clone(),
        P::Memo(n) => memo.get(n).cloned().unwrap_or(Value::None),
        P::List(n, items) => {
            let l = Rc::new(crate::value::ListCell::new(Vec::with_capacity(items.len())));
            memo.insert(*n, Value::List(l.clone()));
            for x in items {
                let v = load(vm, x, memo)?;
                l.borrow_mut().push(v);
            }
            Value::List(l)
        }
        P::Tuple(items) => {
            let mut out = Vec::with_capacity(items.len());
            for x in items {
                out.push(load(vm, x, memo)?);
            }
            Value::tuple(out)
        }
        P::Dict(n, items) => {
            let d = Rc::new(RefCell::new(Dict::new()));
            memo.insert(*n, Value::Dict(d.clone()));
            for (hash, k, v) in items {
                let k = load(vm, k, memo)?;
                let v = load(vm, v, memo)?;
                d.borrow_mut().insert(HKey { hash: *hash, value: k }, v);
            }
            Value::Dict(d)
        }
        P::Set(n, items) => {
            let s = Rc::new(RefCell::new(crate::dict::Set::new()));
            memo.insert(*n, Value::Set(s.clone()));
            for x in items {
                let v = load(vm, x, memo)?;
                let k = vm.hkey(v)?;
                s.borrow_mut().insert(k);
            }
            Value::Set(s)
        }
        P::FrozenSet(items) => {
            let mut s = crate::dict::Set::new();
            for x in items {
                let v = load(vm, x, memo)?;
                let k = vm.hkey(v)?;
                s.insert(k);
            }
            Value::FrozenSet(Rc::new(s))
        }
        P::Global(module, qualname) => lookup(vm, module, qualname)?,
        P::Method(obj, name) => {
            let obj = load(vm, obj, memo)?;
            vm.getattr(&obj, name)?
        }
        P::Instance {
            memo: n,
            class,
            state,
            args,
            wrapped,
        } => {
            let class = match load(vm, class, memo)? {
                Value::Class(c) => c,
                other => {
                    let name = vm.type_name(&other);
                    return Err(Exc::type_error(format!("cannot unpickle an instance of '{name}'")));
                }
            };
            let mut a = Vec::new();
            for x in args.iter().flatten() {
                a.push(load(vm, x, memo)?);
            }
            let inst = vm.new_instance(&class, &a);
            memo.insert(*n, inst.clone());
            if let Value::Instance(i) = &inst {
                for (hash, k, v) in state {
                    let k = load(vm, k, memo)?;
                    let v = load(vm, v, memo)?;
                    i.dict.borrow_mut().insert(HKey { hash: *hash, value: k }, v);
                }
                let w = load(vm, wrapped, memo)?;
                if !w.is_none() {
                    *i.wrapped.borrow_mut() = w;
                }
            }
            inst
        }
    })
}
