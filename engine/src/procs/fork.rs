//! `fork()`: a child interpreter whose heap is a copy of its parent's at the moment of the call.
//!
//! Everything the program can reach from the interpreter's roots (its modules, `builtins`, the main module's
//! globals) is copied, keeping sharing and cycles: a list held twice is one list in the child too. What cannot
//! change is shared rather than copied (strings, numbers, code, native functions, the builtin classes). Native
//! objects with state are shared too: for `multiprocessing`'s channels and cells that is the point (they are
//! the simulated shared memory and pipes); for others (a `threading.Lock`, a deque) it is a simplification the
//! module doc of `procs.rs` states. Past `MAX_DEPTH`, containers are made empty and filled afterwards from a
//! work list, so that a hostile program cannot overflow the Rust stack (tuples nested that deep are shared).

use crate::dict::{Dict, HKey};
use crate::value::{Class, Function, Instance, Module, Value};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

const MAX_DEPTH: usize = 400;

/// Copies a graph of values, each object once.
pub struct Copier {
    /// The parent's thread that forks: the locks it holds are held by the child's one thread.
    pub forking: usize,
    /// Copies by the original's address (the originals stay alive while the copy is made).
    pub memo: HashMap<usize, Value>,
    dicts: HashMap<usize, Rc<RefCell<Dict>>>,
    depth: usize,
    /// Containers past `MAX_DEPTH`, made empty and filled later from here, so that the Rust stack stays short.
    deferred: Vec<(Value, Value)>,
}

fn addr<T: ?Sized>(rc: &Rc<T>) -> usize {
    Rc::as_ptr(rc) as *const () as usize
}

use crate::vm::teardown::is_runtime_class;

impl Copier {
    pub fn new(forking: usize) -> Copier {
        Copier {
            forking,
            memo: HashMap::new(),
            dicts: HashMap::new(),
            depth: 0,
            deferred: Vec::new(),
        }
    }

    /// Fills the containers deferred past `MAX_DEPTH` (and those their contents defer in turn).
    pub fn finish(&mut self) {
        while let Some((original, copy)) = self.deferred.pop() {
            self.depth = 0;
            self.fill(&original, &copy);
        }
    }

    /// The copy of a dict held by reference (a module's globals, an instance's `__dict__`).
    pub fn dict_rc(&mut self, d: &Rc<RefCell<Dict>>) -> Rc<RefCell<Dict>> {
        if let Some(c) = self.dicts.get(&addr(d)) {
            return c.clone();
        }
        let copy = Rc::new(RefCell::new(Dict::new()));
        self.dicts.insert(addr(d), copy.clone());
        if self.depth >= MAX_DEPTH {
            self.deferred.push((Value::Dict(d.clone()), Value::Dict(copy.clone())));
            return copy;
        }
        self.fill_dict(d, &copy);
        copy
    }

    fn fill_dict(&mut self, d: &Rc<RefCell<Dict>>, copy: &Rc<RefCell<Dict>>) {
        let items: Vec<(HKey, Value)> = d.borrow().map.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        let mut filled = Dict::new();
        for (k, v) in items {
            let key = HKey {
                hash: k.hash,
                value: self.copy(&k.value),
            };
            filled.insert(key, self.copy(&v));
        }
        *copy.borrow_mut() = filled;
    }

    /// Fills `copy`, made empty, with copies of what `original` holds.
    fn fill(&mut self, original: &Value, copy: &Value) {
        match (original, copy) {
            (Value::Dict(d), Value::Dict(c)) => self.fill_dict(d, c),
            (Value::List(l), Value::List(c)) => {
                let items: Vec<Value> = l.borrow().clone();
                let items = items.iter().map(|x| self.copy(x)).collect();
                *c.borrow_mut() = items;
            }
            (Value::Cell(l), Value::Cell(c)) => {
                let inner = l.borrow().clone();
                *c.borrow_mut() = self.copy(&inner);
            }
            (Value::Instance(i), Value::Instance(c)) => {
                let wrapped = i.wrapped.borrow().clone();
                *c.wrapped.borrow_mut() = self.copy(&wrapped);
            }
            _ => {}
        }
    }

    fn plain_dict(&mut self, d: &Dict) -> Dict {
        let items: Vec<(HKey, Value)> = d.map.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        let mut out = Dict::new();
        for (k, v) in items {
            let key = HKey {
                hash: k.hash,
                value: self.copy(&k.value),
            };
            out.insert(key, self.copy(&v));
        }
        out
    }

    fn class(&mut self, c: &Rc<Class>) -> Rc<Class> {
        match self.copy(&Value::Class(c.clone())) {
            Value::Class(c) => c,
            _ => c.clone(),
        }
    }

    pub fn copy(&mut self, v: &Value) -> Value {
        if self.depth >= MAX_DEPTH {
            return self.copy_deep(v);
        }
        let key = match v {
            Value::List(r) => addr(r),
            Value::Tuple(r) => addr(r),
            Value::Dict(r) => addr(r),
            Value::Set(r) => addr(r),
            Value::Function(r) => addr(r),
            Value::Method(r) => addr(r),
            Value::Class(r) => addr(r),
            Value::Instance(r) => addr(r),
            Value::Module(r) => addr(r),
            Value::Cell(r) => addr(r),
            Value::Object(r) => {
                let key = addr(r);
                if let Some(c) = self.memo.get(&key) {
                    return c.clone();
                }
                let copy = crate::threads::fork_copy(v, self.forking).unwrap_or_else(|| v.clone());
                self.memo.insert(key, copy.clone());
                return copy;
            }
            _ => return v.clone(),
        };
        if let Some(c) = self.memo.get(&key) {
            return c.clone();
        }
        self.depth += 1;
        let out = self.copy_new(v, key);
        self.depth -= 1;
        self.memo.insert(key, out.clone());
        out
    }

    /// Past `MAX_DEPTH`: lists, dicts, cells and instances are made empty now and filled later (`finish`);
    /// tuples, functions and classes are shared (a tuple nested that deep cannot be copied without recursing).
    fn copy_deep(&mut self, v: &Value) -> Value {
        let key = match v {
            Value::List(r) => addr(r),
            Value::Dict(r) => addr(r),
            Value::Cell(r) => addr(r),
            Value::Instance(r) => addr(r),
            _ => return v.clone(),
        };
        if let Some(c) = self.memo.get(&key) {
            return c.clone();
        }
        let copy = match v {
            Value::List(_) => Value::List(Rc::new(crate::value::ListCell::new(Vec::new()))),
            Value::Dict(d) => return Value::Dict(self.dict_rc(d)),
            Value::Cell(_) => Value::Cell(Rc::new(RefCell::new(Value::None))),
            Value::Instance(i) => {
                let class = i.class.borrow().clone();
                let class = self.class(&class);
                // Its `__dict__` is deferred on its own (or being copied already).
                let dict = self.dict_rc(&i.dict);
                Value::Instance(Rc::new(Instance {
                    serial: i.serial,
                    class: RefCell::new(class),
                    dict,
                    exc: i.exc.as_ref().map(|e| RefCell::new(e.borrow().clone())),
                    wrapped: RefCell::new(Value::None),
                    eq_class: std::cell::Cell::new(i.eq_class.get()),
                }))
            }
            _ => return v.clone(),
        };
        self.memo.insert(key, copy.clone());
        self.deferred.push((v.clone(), copy.clone()));
        copy
    }

    fn copy_new(&mut self, v: &Value, key: usize) -> Value {
        match v {
            Value::List(l) => {
                let copy = Rc::new(crate::value::ListCell::new(Vec::new()));
                self.memo.insert(key, Value::List(copy.clone()));
                let items: Vec<Value> = l.borrow().clone();
                let items = items.iter().map(|x| self.copy(x)).collect();
                *copy.borrow_mut() = items;
                Value::List(copy)
            }
            Value::Tuple(t) => {
                let items: Vec<Value> = t.iter().map(|x| self.copy(x)).collect();
                Value::tuple(items)
            }
            Value::Dict(d) => Value::Dict(self.dict_rc(d)),
            // A set's members are hashable, so mostly immutable: the table is copied, the members shared.
            Value::Set(s) => Value::Set(Rc::new(RefCell::new(s.borrow().copy_compact()))),
            Value::Cell(c) => {
                let copy = Rc::new(RefCell::new(Value::None));
                self.memo.insert(key, Value::Cell(copy.clone()));
                let inner = c.borrow().clone();
                *copy.borrow_mut() = self.copy(&inner);
                Value::Cell(copy)
            }
            Value::Module(m) => {
                let dict = self.dict_rc(&m.dict);
                Value::Module(Rc::new(Module {
                    name: m.name.clone(),
                    dict,
                }))
            }
            Value::Method(m) => {
                let (a, b) = (self.copy(&m.0), self.copy(&m.1));
                Value::Method(Rc::new((a, b)))
            }
            Value::Function(f) => {
                let globals = self.dict_rc(&f.globals);
                let closure = f
                    .closure
                    .iter()
                    .map(|c| match self.copy(&Value::Cell(c.clone())) {
                        Value::Cell(c) => c,
                        _ => c.clone(),
                    })
                    .collect();
                let defaults = f.defaults.iter().map(|d| self.copy(d)).collect();
                let kwdefaults = f.kwdefaults.iter().map(|(k, d)| (k.clone(), self.copy(d))).collect();
                let attrs = self.plain_dict(&f.attrs.borrow());
                Value::Function(Rc::new(Function {
                    code: f.code.clone(),
                    name: RefCell::new(f.name.borrow().clone()),
                    qualname: RefCell::new(f.qualname.borrow().clone()),
                    globals,
                    defaults,
                    kwdefaults,
                    closure,
                    attrs: RefCell::new(attrs),
                    doc: self.copy(&f.doc),
                    module: f.module.clone(),
                }))
            }
            Value::Class(c) => {
                if is_runtime_class(c) {
                    return v.clone();
                }
                let bases = c.bases.iter().map(|b| self.class(b)).collect();
                let mro = c.mro.iter().map(|b| self.class(b)).collect();
                let dict = self.plain_dict(&c.dict.borrow());
                Value::Class(Rc::new(Class {
                    name: c.name.clone(),
                    qualname: c.qualname.clone(),
                    module: c.module.clone(),
                    bases,
                    mro,
                    dict: RefCell::new(dict),
                    base_kind: c.base_kind,
                    id: c.id,
                    builtin: c.builtin,
                    flags: std::cell::Cell::new(c.flags.get()),
                }))
            }
            Value::Instance(i) => {
                let class = i.class.borrow().clone();
                let class = self.class(&class);
                let existing = self.dicts.get(&addr(&i.dict)).cloned();
                let dict = existing.clone().unwrap_or_else(|| Rc::new(RefCell::new(Dict::new())));
                let copy = Rc::new(Instance {
                    serial: i.serial,
                    class: RefCell::new(class),
                    dict: dict.clone(),
                    exc: i.exc.as_ref().map(|e| RefCell::new(e.borrow().clone())),
                    wrapped: RefCell::new(Value::None),
                    eq_class: std::cell::Cell::new(i.eq_class.get()),
                });
                self.memo.insert(key, Value::Instance(copy.clone()));
                if existing.is_none() {
                    self.dicts.insert(addr(&i.dict), dict.clone());
                    let filled = self.plain_dict(&i.dict.borrow());
                    *dict.borrow_mut() = filled;
                }
                let wrapped = i.wrapped.borrow().clone();
                *copy.wrapped.borrow_mut() = self.copy(&wrapped);
                Value::Instance(copy)
            }
            _ => v.clone(),
        }
    }
}
