//! Builtins that consume a whole iterable hand the loop to Python when iterating runs Python code.
//!
//! A native like `sum` iterates by calling `Vm::next`, which resumes a generator as a nested run: the budget
//! cannot pause it, so `sum(i * i for i in range(10_000_000))` would freeze the page and then hit the nested
//! allowance. Instead, once a call's arguments have passed the builtin's own checks, a call whose iterable runs
//! Python code (a generator, an instance of a Python class, `map`/`filter`/`zip`/`enumerate` and the other
//! lazy iterators) becomes a call of the matching function of the hidden module `_il_iter`, which runs as
//! ordinary frames: budgeted, sliced, and visible to the trace as the calling task's own work. Those functions
//! do what CPython's C code does, in the same order, so the output is the same either way. Calls from Rust
//! (`Vm::call`) take the same route and run the helper nested, as before.
//!
//! Iterating a builtin container, string or range stays native: it cannot run Python code and is fast, within
//! the allowance that `Vm::next` gives finite iterators. `sum`, `min`, `max`, `any` and `all` over a range
//! longer than that allowance defer too, so `sum(range(10**8))` runs (slowly) as it does in CPython.

use super::call::Prepared;
use super::Vm;
use crate::code::CodeKind;
use crate::exc::PyResult;
use crate::native::Kwargs;
use crate::value::{Class, Deferral, Str, Value};
use std::rc::Rc;

/// The hidden module whose functions take over the loops.
const HELPERS: &str = "_il_iter";

/// Whether drawing from `v` may run Python code: a generator, an instance of a Python class, or a native
/// iterator over another iterable or a function (`map`, `zip`, `iter(f, sentinel)`...).
fn runs_python(v: &Value, dict_like: bool) -> bool {
    match v {
        Value::Gen(g) => g.kind == CodeKind::Generator,
        // `dict(x)` asks an instance for `keys()` first, which the helper would not do.
        Value::Instance(_) => !dict_like,
        Value::Object(o) => crate::types::iters::OTHER_ITERATOR_TYPES.contains(&o.type_name()),
        _ => false,
    }
}

/// A range longer than one native call may draw from (`Vm::next`'s allowance for finite iterators).
fn too_long(v: &Value) -> bool {
    matches!(v, Value::Range(r) if r.len() > crate::types::args::MAX_ITEMS as i64)
}

impl Vm {
    /// The helper call that replaces a call of the builtin `which`, when its iterable runs Python code and its
    /// arguments are ones the builtin accepts; `None` leaves the call to the builtin (and its errors).
    pub(super) fn defer_native(&mut self, which: Deferral, args: &[Value], kw: &Kwargs) -> PyResult<Option<Prepared>> {
        let keys_within = |allowed: &[&str]| kw.iter().all(|(k, _)| allowed.contains(&&**k));
        let (name, call_args, call_kw): (&str, Vec<Value>, Kwargs) = match which {
            Deferral::Never => return Ok(None),
            Deferral::Sum => {
                let [iterable, rest @ ..] = args else { return Ok(None) };
                if rest.len() + kw.len() > 1 || !keys_within(&["start"]) {
                    return Ok(None);
                }
                if !(runs_python(iterable, false) || too_long(iterable)) {
                    return Ok(None);
                }
                let start = rest
                    .first()
                    .or(kw.first().map(|(_, v)| v))
                    .cloned()
                    .unwrap_or(Value::Int(0));
                // The builtin refuses strings and bytes as the start before it iterates.
                if matches!(start, Value::Str(_) | Value::Bytes(_)) {
                    return Ok(None);
                }
                ("sum", vec![iterable.clone(), start], Vec::new())
            }
            Deferral::Min | Deferral::Max => {
                let [iterable] = args else { return Ok(None) };
                if !keys_within(&["key", "default"]) || !(runs_python(iterable, false) || too_long(iterable)) {
                    return Ok(None);
                }
                let pick = |k: &str| kw.iter().find(|(n, _)| &**n == k).map(|(_, v)| v.clone());
                let missing = self.helper("_MISSING")?;
                let min = which == Deferral::Min;
                let call = vec![
                    iterable.clone(),
                    pick("key").unwrap_or(Value::None),
                    pick("default").unwrap_or(missing),
                    Value::str(if min { "min" } else { "max" }),
                    Value::Bool(min),
                ];
                ("extreme", call, Vec::new())
            }
            Deferral::Sorted => {
                let [iterable] = args else { return Ok(None) };
                // Even unknown keywords: `sorted` draws the whole iterable before `list.sort` rejects them.
                if !runs_python(iterable, false) {
                    return Ok(None);
                }
                ("sorted", vec![iterable.clone()], kw.clone())
            }
            Deferral::Any | Deferral::All => {
                let [iterable] = args else { return Ok(None) };
                if !kw.is_empty() || !(runs_python(iterable, false) || too_long(iterable)) {
                    return Ok(None);
                }
                let name = if which == Deferral::Any { "any" } else { "all" };
                (name, vec![iterable.clone()], Vec::new())
            }
            Deferral::Next => {
                let ([it] | [it, _]) = args else { return Ok(None) };
                // A generator's own frame runs on the thread, as a `for` would run it.
                if let (Value::Gen(g), true) = (it, kw.is_empty()) {
                    if g.kind == CodeKind::Generator && g.state.get() != crate::vm::GenState::Finished {
                        return self
                            .gen_frame(g, Value::None, crate::vm::Ret::Next(args.get(1).cloned()))
                            .map(|f| Some(Prepared::Frame(f)));
                    }
                }
                let python = match it {
                    Value::Instance(i) => {
                        let cls = i.class.borrow().clone();
                        matches!(cls.lookup("__next__"), Some(Value::Function(_)))
                    }
                    _ => false,
                };
                if !kw.is_empty() || !python {
                    return Ok(None);
                }
                let default = match args.get(1) {
                    Some(d) => d.clone(),
                    None => self.helper("_MISSING")?,
                };
                ("next", vec![it.clone(), default], Vec::new())
            }
            Deferral::Join | Deferral::Extend => {
                let [receiver, iterable] = args else { return Ok(None) };
                let receiver_fits = match which {
                    Deferral::Join => matches!(receiver, Value::Str(_)),
                    _ => matches!(receiver, Value::List(_)),
                };
                if !kw.is_empty() || !receiver_fits || !runs_python(iterable, false) {
                    return Ok(None);
                }
                let name = if which == Deferral::Join { "join" } else { "extend" };
                (name, args.to_vec(), Vec::new())
            }
        };
        self.call_helper(name, call_args, call_kw).map(Some)
    }

    /// The same for a call of the builtin class `c` itself: `list(gen)`, `tuple(...)`, `set`, `frozenset`, `dict`.
    pub(super) fn defer_construct(&mut self, c: &Rc<Class>, args: &[Value], kw: &Kwargs) -> PyResult<Option<Prepared>> {
        let ([iterable], true) = (args, kw.is_empty()) else {
            return Ok(None);
        };
        let t = &self.types;
        let name = if Rc::ptr_eq(c, &t.list) {
            "to_list"
        } else if Rc::ptr_eq(c, &t.tuple) {
            "to_tuple"
        } else if Rc::ptr_eq(c, &t.set) {
            "to_set"
        } else if Rc::ptr_eq(c, &t.frozenset) {
            "to_frozenset"
        } else if Rc::ptr_eq(c, &t.dict) {
            "to_dict"
        } else {
            return Ok(None);
        };
        if !runs_python(iterable, name == "to_dict") {
            return Ok(None);
        }
        self.call_helper(name, vec![iterable.clone()], Vec::new()).map(Some)
    }

    fn call_helper(&mut self, name: &str, args: Vec<Value>, kw: Vec<(Str, Value)>) -> PyResult<Prepared> {
        let f = self.helper(name)?;
        self.prepare_call(f, args, kw)
    }

    /// A global of the helper module, which is imported (hidden from tracebacks) on first use.
    fn helper(&mut self, name: &str) -> PyResult {
        let m = self.import(HELPERS)?;
        self.getattr(&m, name)
    }
}
