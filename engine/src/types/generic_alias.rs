//! `types.GenericAlias`: what `list[int]` and `dict[str, int]` make, shown as written; and
//! `types.UnionType`, what `int | None` makes.

use super::Types;
use crate::exc::PyResult;
use crate::native::{Kwargs, NativeObject};
use crate::value::{BuiltinType, Class, Value};
use crate::vm::Vm;
use std::any::Any;
use std::rc::Rc;

pub struct GenericAlias {
    pub origin: Value,
    pub args: Vec<Value>,
}

/// Whether `cls[...]` makes a generic alias, as the builtin containers' `__class_getitem__` does in CPython.
pub fn subscriptable(cls: &Class) -> bool {
    use BuiltinType as B;
    matches!(
        cls.builtin,
        Some(B::List | B::Dict | B::Tuple | B::Set | B::FrozenSet | B::Type)
    ) || matches!(
        (&*cls.module, &*cls.name),
        ("collections", "deque") | ("builtins", "Future" | "Task") | ("_contextvars", "ContextVar")
    )
}

pub fn make(origin: Value, index: &Value) -> Value {
    let args = match index {
        Value::Tuple(t) => t.to_vec(),
        other => vec![other.clone()],
    };
    Value::Object(Rc::new(GenericAlias { origin, args }))
}

/// How a generic alias shows one of its parts: classes by (qualified) name, `...` as itself.
fn type_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    Ok(match v {
        Value::Class(c) if c.builtin == Some(BuiltinType::NoneType) => "None".into(),
        Value::Class(c) => match &*c.module {
            "builtins" => c.qualname.to_string(),
            m => format!("{m}.{}", c.qualname),
        },
        Value::Ellipsis => "...".into(),
        other => vm.repr(other)?.to_string(),
    })
}

impl NativeObject for GenericAlias {
    fn type_name(&self) -> &'static str {
        "GenericAlias"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, vm: &mut Vm) -> Option<PyResult<String>> {
        let r = (|| {
            let origin = type_repr(vm, &self.origin)?;
            if self.args.is_empty() {
                return Ok(format!("{origin}[()]"));
            }
            let mut parts = Vec::with_capacity(self.args.len());
            for a in &self.args {
                parts.push(type_repr(vm, a)?);
            }
            Ok(format!("{origin}[{}]", parts.join(", ")))
        })();
        Some(r)
    }
    fn getattr(&self, _vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        Some(Ok(match name {
            "__origin__" => self.origin.clone(),
            "__args__" => Value::tuple(self.args.clone()),
            "__parameters__" => Value::tuple(Vec::new()),
            _ => return None,
        }))
    }
}

fn eq(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let (Some(x), Some(y)) = (
        a.first().and_then(|v| v.as_native::<GenericAlias>()),
        a.get(1).and_then(|v| v.as_native::<GenericAlias>()),
    ) else {
        return Ok(Value::NotImplemented);
    };
    if !x.origin.is(&y.origin) || x.args.len() != y.args.len() {
        return Ok(Value::Bool(false));
    }
    for (p, q) in x.args.iter().zip(&y.args) {
        if !vm.eq(p, q)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// `list[int]([1, 2])`: calls the origin.
fn call(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
    let Some(ga) = a.first().and_then(|v| v.as_native::<GenericAlias>()) else {
        return Ok(Value::None);
    };
    let origin = ga.origin.clone();
    vm.call_kw(&origin, a[1..].to_vec(), k.clone())
}

pub struct UnionType {
    pub args: Vec<Value>,
}

impl NativeObject for UnionType {
    fn type_name(&self) -> &'static str {
        "UnionType"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, vm: &mut Vm) -> Option<PyResult<String>> {
        let r = (|| {
            let mut parts = Vec::with_capacity(self.args.len());
            for a in &self.args {
                parts.push(type_repr(vm, a)?);
            }
            Ok(parts.join(" | "))
        })();
        Some(r)
    }
    fn getattr(&self, _vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        Some(Ok(match name {
            "__args__" => Value::tuple(self.args.clone()),
            "__parameters__" => Value::tuple(Vec::new()),
            _ => return None,
        }))
    }
}

/// `a | b` for types, `None`, generic aliases and unions: a `types.UnionType`, or `None` when an operand is
/// something else (the caller goes on with its usual lookup).
pub fn union(vm: &Vm, a: &Value, b: &Value) -> Option<Value> {
    let mut args: Vec<Value> = Vec::new();
    for v in [a, b] {
        let parts = match v {
            Value::None => vec![Value::Class(vm.types.none.clone())],
            Value::Class(_) => vec![v.clone()],
            Value::Object(o) if o.as_any().is::<GenericAlias>() => vec![v.clone()],
            Value::Object(o) => match o.as_any().downcast_ref::<UnionType>() {
                Some(u) => u.args.clone(),
                None => return None,
            },
            _ => return None,
        };
        for p in parts {
            if !args.iter().any(|x| x.is(&p)) {
                args.push(p);
            }
        }
    }
    if args.len() == 1 {
        return args.pop();
    }
    Some(Value::Object(Rc::new(UnionType { args })))
}

fn union_eq(_vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let (Some(x), Some(y)) = (
        a.first().and_then(|v| v.as_native::<UnionType>()),
        a.get(1).and_then(|v| v.as_native::<UnionType>()),
    ) else {
        return Ok(Value::NotImplemented);
    };
    let same = x.args.len() == y.args.len() && x.args.iter().all(|p| y.args.iter().any(|q| q.is(p)));
    Ok(Value::Bool(same))
}

pub fn install(t: &mut Types) {
    t.register_native_in("types", "GenericAlias", &[("__eq__", eq), ("__call__", call)]);
    t.register_native_in("types", "UnionType", &[("__eq__", union_eq)]);
}
