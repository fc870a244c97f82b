//! `repr()`, `str()` and `format()` of every value, as CPython writes them.

use super::Vm;
use crate::exc::{Exc, ExcType, PyResult};
use crate::value::{BuiltinType, Str, Value};
use std::rc::Rc;

/// A stand-in address for `<... at 0x...>` reprs, handed out in order of first use, so that a program prints
/// the same text on every run (real addresses would differ between runs and between native and wasm).
pub fn addr(vm: &Vm, v: &Value) -> String {
    format!("0x{:012x}", stable_id(vm, v))
}

/// A number standing for an object's identity, the same on every run of the same program: `id()`, the hash of
/// objects that hash by identity, and the address in reprs. Kept per interpreter, so two runs side by side
/// (two embeds on one page) hand out the same numbers as each would alone.
pub fn stable_id(vm: &Vm, v: &Value) -> u64 {
    // Objects with a creation serial use it: an address reused after a free must not change the text.
    let serial = match v {
        Value::Instance(i) => Some(i.serial),
        Value::Gen(g) => Some(g.serial),
        Value::Object(_) => crate::asyncio::as_future(v).map(|f| f.serial),
        _ => None,
    };
    if let Some(n) = serial {
        return 0x7f01_0000_1000 + n * 0x40;
    }
    ptr_id(vm, v.ptr().unwrap_or(0))
}

/// The stand-in address of a native object, from inside its own `repr` (`self`'s address is the value's).
pub fn addr_of<T>(vm: &Vm, obj: &T) -> String {
    format!("0x{:012x}", ptr_id(vm, obj as *const T as usize))
}

fn ptr_id(vm: &Vm, p: usize) -> u64 {
    let mut a = vm.addresses.borrow_mut();
    let next = a.0 + 1;
    let n = *a.1.entry(p).or_insert(next);
    if n == next {
        a.0 = next;
    }
    0x7f00_0000_1000 + n * 0x40
}

impl Vm {
    pub fn type_name(&self, v: &Value) -> String {
        match v {
            Value::Instance(i) => i.class.borrow().name.to_string(),
            Value::Object(o) => o.type_name().to_string(),
            _ => self.class_of(v).name.to_string(),
        }
    }

    pub fn type_of(&self, v: &Value) -> Value {
        Value::Class(self.class_of(v))
    }

    pub fn repr(&mut self, v: &Value) -> PyResult<Str> {
        Ok(match v {
            Value::Str(s) => Rc::from(crate::pyfmt::str_repr(s)),
            _ => Rc::from(self.repr_string(v)?),
        })
    }

    fn repr_string(&mut self, v: &Value) -> PyResult<String> {
        self.enter_c(" while getting the repr of an object")?;
        let r = self.repr_inner(v);
        self.leave_c();
        r
    }

    fn repr_inner(&mut self, v: &Value) -> PyResult<String> {
        if self.ts.depth > self.recursion_limit {
            return Err(Exc::new(
                ExcType::RecursionError,
                "maximum recursion depth exceeded while getting the repr of an object",
            ));
        }
        Ok(match v {
            Value::None => "None".into(),
            Value::Null => "<NULL>".into(),
            Value::NotImplemented => "NotImplemented".into(),
            Value::Ellipsis => "Ellipsis".into(),
            Value::Bool(b) => if *b { "True" } else { "False" }.into(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(b) => {
                let s = b.to_string();
                if s.trim_start_matches('-').len() > 4300 {
                    return Err(Exc::value_error(
                        "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
                    ));
                }
                s
            }
            Value::Float(f) => crate::pyfmt::float_repr(*f),
            Value::Str(s) => crate::pyfmt::str_repr(s),
            Value::Bytes(b) => crate::pyfmt::bytes_repr(b),
            Value::List(l) => {
                if self.repr_guard_enter(v) {
                    return Ok("[...]".into());
                }
                let items = l.borrow().clone();
                let r = self.join_reprs(&items);
                self.repr_guard_exit();
                format!("[{}]", r?)
            }
            Value::Tuple(t) => {
                let r = self.join_reprs(t)?;
                if t.len() == 1 {
                    format!("({r},)")
                } else {
                    format!("({r})")
                }
            }
            Value::Dict(d) => {
                if self.repr_guard_enter(v) {
                    return Ok("{...}".into());
                }
                let items: Vec<(Value, Value)> = d.borrow().items().map(|(k, v)| (k.clone(), v.clone())).collect();
                let r = self.dict_items_repr(&items);
                self.repr_guard_exit();
                format!("{{{}}}", r?)
            }
            Value::Set(s) => {
                let items: Vec<Value> = s.borrow().iter().map(|k| k.value.clone()).collect();
                if items.is_empty() {
                    "set()".into()
                } else {
                    format!("{{{}}}", self.join_reprs(&items)?)
                }
            }
            Value::FrozenSet(s) => {
                let items: Vec<Value> = s.iter().map(|k| k.value.clone()).collect();
                if items.is_empty() {
                    "frozenset()".into()
                } else {
                    format!("frozenset({{{}}})", self.join_reprs(&items)?)
                }
            }
            Value::Range(r) => {
                if r.step == 1 {
                    format!("range({}, {})", r.start, r.stop)
                } else {
                    format!("range({}, {}, {})", r.start, r.stop, r.step)
                }
            }
            Value::Slice(s) => {
                let [a, b, c] = &**s;
                format!("slice({}, {}, {})", self.repr(a)?, self.repr(b)?, self.repr(c)?)
            }
            Value::Function(f) => format!("<function {} at {}>", f.qualname.borrow(), addr(self, v)),
            Value::Native(n) => match n.owner {
                Some(o) => format!("<method '{}' of '{}' objects>", n.name, o),
                None => format!("<built-in function {}>", n.name),
            },
            Value::Method(m) => {
                let (recv, f) = (&m.0, &m.1);
                match f {
                    Value::Native(n) => format!(
                        "<built-in method {} of {} object at {}>",
                        n.name,
                        self.type_name(recv),
                        addr(self, recv)
                    ),
                    _ => {
                        let fname = match f {
                            Value::Function(func) => func.qualname.borrow().to_string(),
                            _ => "?".into(),
                        };
                        format!("<bound method {} of {}>", fname, self.repr(recv)?)
                    }
                }
            }
            Value::Class(c) => {
                if let Some(f) = c.lookup("__il_repr__") {
                    let f = super::attr::unwrap_classmethod(&f);
                    let r = self.call(&f, vec![v.clone()])?;
                    return Ok(self.to_str(&r)?.to_string());
                }
                if c.builtin.is_some() || &*c.module == "builtins" {
                    format!("<class '{}'>", c.name)
                } else {
                    format!("<class '{}.{}'>", c.module, c.qualname)
                }
            }
            Value::Module(m) => format!("<module '{}' (built-in)>", m.name),
            Value::Cell(_) => format!("<cell at {}>", addr(self, v)),
            Value::Code(c) => format!("<code object {} at {}>", c.name, addr(self, v)),
            Value::Gen(g) => format!("<{} object {} at {}>", g.kind_name(), g.qualname, addr(self, v)),
            Value::Object(o) => match o.clone().repr(self) {
                Some(r) => r?,
                None => format!("<{} object at {}>", o.type_name(), addr(self, v)),
            },
            Value::Instance(i) => {
                let cls = i.class.borrow().clone();
                if let Some(f) = cls.lookup("__repr__") {
                    if !matches!(f, Value::Native(_)) {
                        let r = self.call(&f, vec![v.clone()])?;
                        return match r {
                            Value::Str(s) => Ok(s.to_string()),
                            other => Err(Exc::type_error(format!(
                                "__repr__ returned non-string (type {})",
                                self.type_name(&other)
                            ))),
                        };
                    }
                }
                if let Some(exc) = &i.exc {
                    let args = exc.borrow().args.clone();
                    let inner = if args.len() == 1 {
                        self.repr(&args[0])?.to_string()
                    } else {
                        self.join_reprs(&args)?
                    };
                    return Ok(format!("{}({})", cls.name, inner));
                }
                let w = i.wrapped.borrow().clone();
                if !w.is_none() {
                    let inner = self.repr_string(&w)?;
                    return Ok(match cls.builtin.or(Self::wrapped_kind(&cls)) {
                        Some(BuiltinType::Dict | BuiltinType::List) => inner,
                        _ => inner,
                    });
                }
                match &*cls.module {
                    "builtins" => format!("<{} object at {}>", cls.qualname, addr(self, v)),
                    m => format!("<{m}.{} object at {}>", cls.qualname, addr(self, v)),
                }
            }
        })
    }

    fn repr_guard_enter(&mut self, v: &Value) -> bool {
        let p = v.ptr().unwrap_or(0);
        if self.ts.repr_stack.contains(&p) {
            return true;
        }
        self.ts.repr_stack.push(p);
        false
    }

    fn repr_guard_exit(&mut self) {
        self.ts.repr_stack.pop();
    }

    pub fn join_reprs(&mut self, items: &[Value]) -> PyResult<String> {
        let mut out = String::new();
        for (i, it) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&self.repr(it)?);
        }
        Ok(out)
    }

    pub fn dict_items_repr(&mut self, items: &[(Value, Value)]) -> PyResult<String> {
        let mut out = String::new();
        for (i, (k, v)) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&self.repr(k)?);
            out.push_str(": ");
            out.push_str(&self.repr(v)?);
        }
        Ok(out)
    }

    pub fn to_str(&mut self, v: &Value) -> PyResult<Str> {
        match v {
            Value::Str(s) => Ok(s.clone()),
            Value::Instance(i) => {
                let cls = i.class.borrow().clone();
                if let Some(f) = cls.lookup("__str__") {
                    if !matches!(f, Value::Native(_)) {
                        let r = self.call(&f, vec![v.clone()])?;
                        return match r {
                            Value::Str(s) => Ok(s),
                            other => Err(Exc::type_error(format!(
                                "__str__ returned non-string (type {})",
                                self.type_name(&other)
                            ))),
                        };
                    }
                }
                if let Some(exc) = &i.exc {
                    let group = exc.borrow().group.clone();
                    if let Some((msg, items)) = group {
                        let m = self.to_str(&msg)?;
                        let n = items.len();
                        return Ok(Rc::from(format!(
                            "{m} ({n} sub-exception{})",
                            if n == 1 { "" } else { "s" }
                        )));
                    }
                    if cls.lookup("__repr__").is_none_or(|r| matches!(r, Value::Native(_))) {
                        let args = exc.borrow().args.clone();
                        let is_key = self.isinstance(v, &self.types.exc(ExcType::KeyError));
                        if (2..=5).contains(&args.len()) && self.isinstance(v, &self.types.exc(ExcType::OSError)) {
                            // CPython's OSError.__str__: `[Errno 111] Connection refused`.
                            let errno = self.to_str(&args[0])?;
                            let msg = self.to_str(&args[1])?;
                            return Ok(Rc::from(match args.get(2) {
                                Some(f) => format!("[Errno {errno}] {msg}: {}", self.repr(f)?),
                                None => format!("[Errno {errno}] {msg}"),
                            }));
                        }
                        return Ok(match args.len() {
                            0 => Rc::from(""),
                            1 if is_key => self.repr(&args[0])?,
                            1 => self.to_str(&args[0])?,
                            _ => self.repr(&Value::tuple(args))?,
                        });
                    }
                }
                let w = i.wrapped.borrow().clone();
                if let Value::Str(s) = w {
                    if cls.lookup("__repr__").is_none_or(|r| matches!(r, Value::Native(_))) {
                        return Ok(s);
                    }
                }
                self.repr(v)
            }
            _ => self.repr(v),
        }
    }

    pub fn ascii(&mut self, v: &Value) -> PyResult<String> {
        let r = self.repr(v)?;
        let mut out = String::new();
        for c in r.chars() {
            let n = c as u32;
            if n < 0x80 {
                out.push(c);
            } else if n <= 0xff {
                out.push_str(&format!("\\x{n:02x}"));
            } else if n <= 0xffff {
                out.push_str(&format!("\\u{n:04x}"));
            } else {
                out.push_str(&format!("\\U{n:08x}"));
            }
        }
        Ok(out)
    }

    pub fn format(&mut self, v: &Value, spec: &str) -> PyResult<Str> {
        if let Value::Instance(i) = v {
            let cls = i.class.borrow().clone();
            if let Some(f) = cls.lookup("__format__") {
                if !matches!(f, Value::Native(_)) {
                    let r = self.call(&f, vec![v.clone(), Value::str(spec)])?;
                    return match r {
                        Value::Str(s) => Ok(s),
                        _ => Err(Exc::type_error("__format__ must return a str")),
                    };
                }
            }
            let w = i.wrapped.borrow().clone();
            if !w.is_none() && !spec.is_empty() {
                return self.format(&w, spec);
            }
        }
        if spec.is_empty() {
            return self.to_str(v);
        }
        let r = match v {
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
                let n = super::ops::num_value(v).unwrap_or(crate::pynum::Num::Int(0));
                crate::pyspec::format_int(&n, spec, self.type_name(v).as_str())
            }
            Value::Float(f) => crate::pyspec::format_float(*f, spec),
            Value::Str(s) => crate::pyspec::format_str(s, spec),
            _ => {
                return Err(Exc::type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    self.type_name(v)
                )))
            }
        };
        r.map(|s| Rc::from(s.as_str())).map_err(super::ops::from_pyerr)
    }
}
