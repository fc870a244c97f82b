//! Unpacking into calls and displays (`f(*args, **kwargs)`, `[*xs]`, `{**m}`), with CPython's errors, which
//! name the function being called.

use super::Vm;
use crate::dict::Dict;
use crate::exc::{Exc, ExcType, PyResult};
use crate::value::Value;
use std::cell::RefCell;
use std::rc::Rc;

impl Vm {
    /// How CPython names a callable in call errors (`_PyObject_FunctionStr`): `__main__.f()`, `A.m()` for
    /// `__main__.A.m`, `print()` and `list.append()` for builtins.
    pub fn function_str(&mut self, func: &Value) -> String {
        let qualified = |module: &str, qualname: &str| match module {
            "builtins" | "" => format!("{qualname}()"),
            m => format!("{m}.{qualname}()"),
        };
        match func {
            Value::Function(f) => qualified(&f.module, &f.qualname.borrow()),
            Value::Native(n) => match n.owner {
                Some(owner) => format!("{owner}.{}()", n.name),
                None => format!("{}()", n.name),
            },
            Value::Method(m) => {
                let inner = m.1.clone();
                self.function_str(&inner)
            }
            Value::Class(c) => qualified(&c.module, &c.qualname),
            other => match self.to_str(other) {
                Ok(s) => format!("{s} object"),
                Err(_) => format!("{} object", self.type_name(other)),
            },
        }
    }

    /// `{**src}` (`call` is `None`) and `f(**src)` (`call` is `f`): copies the mapping `src` into `d`. Not a
    /// mapping, or (in a call) a key given twice, is CPython's error.
    pub fn merge_mapping(&mut self, d: &Rc<RefCell<Dict>>, src: &Value, call: Option<&Value>) -> PyResult<()> {
        let src = self.unwrap_builtin(src);
        let items: Vec<(Value, Value)> = match &src {
            Value::Dict(s) => s.borrow().items().map(|(k, v)| (k.clone(), v.clone())).collect(),
            other => match self.getattr_opt(other, "keys")? {
                Some(keys) => {
                    let keys = self.call(&keys, vec![])?;
                    let mut items = Vec::new();
                    for k in self.collect(&keys)? {
                        let v = self.getitem(other, &k)?;
                        items.push((k, v));
                    }
                    items
                }
                None => {
                    let t = self.type_name(other);
                    return Err(Exc::type_error(match call {
                        Some(f) => format!("{} argument after ** must be a mapping, not {t}", self.function_str(f)),
                        None => format!("'{t}' object is not a mapping"),
                    }));
                }
            },
        };
        for (k, v) in items {
            let hk = self.hkey(k.clone())?;
            if let Some(f) = call {
                if d.borrow().get(&hk).is_some() {
                    let name = match &k {
                        Value::Str(s) => s.to_string(),
                        other => self.to_str(other).map(|s| s.to_string()).unwrap_or_default(),
                    };
                    return Err(Exc::type_error(format!(
                        "{} got multiple values for keyword argument '{name}'",
                        self.function_str(f)
                    )));
                }
            }
            d.borrow_mut().insert(hk, v);
        }
        Ok(())
    }

    /// Whether `e` is the "object is not iterable" error of iterating `v` (which CPython words differently
    /// where `*v` unpacks it).
    pub fn is_not_iterable(&self, e: &Exc, v: &Value) -> bool {
        matches!(e, Exc::Msg(ExcType::TypeError, m) if *m == format!("'{}' object is not iterable", self.type_name(v)))
    }
}
