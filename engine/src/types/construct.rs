//! Calling a builtin class: `int('12')`, `list(x)`, `dict(a=1)`, `str(x)`, `range(3)`...

use super::args;
use super::set::set_from;
use crate::dict::Dict;
use crate::exc::{Exc, PyResult};
use crate::native::Kwargs;
use crate::value::{BuiltinType, Value};
use crate::vm::Vm;
use std::cell::RefCell;
use std::rc::Rc;

/// Makes a value of builtin type `t` from call arguments, as calling the class does.
pub fn construct(vm: &mut Vm, t: BuiltinType, a: &[Value], kw: &Kwargs) -> PyResult {
    use BuiltinType as B;
    match t {
        B::Object => {
            if !a.is_empty() || !kw.is_empty() {
                return Err(Exc::type_error("object() takes no arguments"));
            }
            let object = vm.types.object.clone();
            Ok(vm.new_instance(&object, &[]))
        }
        B::Type => match a {
            [v] if kw.is_empty() => Ok(vm.type_of(v)),
            [_, _, _] => crate::vm::attr::type_new(vm, a),
            _ => Err(Exc::type_error("type() takes 1 or 3 arguments")),
        },
        B::NoneType | B::NotImplementedType | B::Ellipsis => {
            let name = vm.types.get(t).name.clone();
            if !a.is_empty() || !kw.is_empty() {
                return Err(Exc::type_error(format!("{name} takes no arguments")));
            }
            Ok(match t {
                B::NoneType => Value::None,
                B::NotImplementedType => Value::NotImplemented,
                _ => Value::Ellipsis,
            })
        }
        B::Bool => {
            args::no_kw("bool", kw)?;
            args::expect("bool", a, 0, 1)?;
            match a.first() {
                Some(v) => Ok(Value::Bool(vm.truthy(v)?)),
                None => Ok(Value::Bool(false)),
            }
        }
        B::Int => super::num::new_int(vm, a, kw),
        B::Float => super::num::new_float(vm, a, kw),
        B::Complex => Err(Exc::not_implemented("complex numbers are not supported in Interleave")),
        B::Str => new_str(vm, a, kw),
        B::Bytes => super::bytes::new_bytes(vm, a, kw),
        B::List => {
            args::no_kw("list", kw)?;
            args::expect("list", a, 0, 1)?;
            Ok(Value::list(match a.first() {
                Some(v) => vm.collect(v)?,
                None => Vec::new(),
            }))
        }
        B::Tuple => {
            args::no_kw("tuple", kw)?;
            args::expect("tuple", a, 0, 1)?;
            Ok(match a.first() {
                Some(v @ Value::Tuple(_)) => v.clone(),
                Some(v) => Value::tuple(vm.collect(v)?),
                None => Value::tuple(Vec::new()),
            })
        }
        B::Dict => {
            args::expect("dict", a, 0, 1)?;
            let d = Rc::new(RefCell::new(Dict::new()));
            super::dict::update_from(vm, &d, a, kw)?;
            Ok(Value::Dict(d))
        }
        B::Set => {
            args::no_kw("set", kw)?;
            args::expect("set", a, 0, 1)?;
            let s = match a.first() {
                Some(v) => set_from(vm, v)?,
                None => crate::dict::Set::new(),
            };
            Ok(Value::Set(Rc::new(RefCell::new(s))))
        }
        B::FrozenSet => {
            args::no_kw("frozenset", kw)?;
            args::expect("frozenset", a, 0, 1)?;
            Ok(match a.first() {
                Some(v @ Value::FrozenSet(_)) => v.clone(),
                Some(v) => Value::FrozenSet(Rc::new(set_from(vm, v)?)),
                None => Value::FrozenSet(Rc::new(crate::dict::Set::new())),
            })
        }
        B::Range => super::range::new_range(vm, a, kw),
        B::Slice => super::range::new_slice(vm, a, kw),
        B::Property => crate::vm::attr::property_new(vm, a, kw),
        B::StaticMethod => crate::vm::attr::staticmethod_new(vm, a, kw),
        B::ClassMethod => crate::vm::attr::classmethod_new(vm, a, kw),
        B::Super => crate::vm::attr::super_new(vm, a, kw),
        B::BaseException => Ok(vm.exc_new(crate::exc::ExcType::BaseException, a.to_vec())),
        B::Function
        | B::BuiltinFunction
        | B::Method
        | B::Module
        | B::Cell
        | B::Generator
        | B::Coroutine
        | B::AsyncGenerator
        | B::Native => {
            let name = vm.types.get(t).name.clone();
            Err(Exc::type_error(format!("cannot create '{name}' instances")))
        }
    }
}

/// `str(object='')`, `str(bytes, encoding, errors)`.
fn new_str(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult {
    if a.len() > 3 {
        return Err(Exc::type_error(format!(
            "str() takes at most 3 arguments ({} given)",
            a.len() + kw.len()
        )));
    }
    let slots = args::bind("str", &["object", "encoding", "errors"], a, kw)?;
    let obj = slots.first().cloned().flatten();
    let enc = slots.get(1).cloned().flatten();
    let errors = slots.get(2).cloned().flatten();
    match obj {
        None => Ok(Value::str("")),
        Some(v) if enc.is_none() && errors.is_none() => vm.to_str(&v).map(Value::Str),
        Some(Value::Bytes(b)) => {
            let mut call = vec![Value::Bytes(b)];
            call.push(enc.unwrap_or_else(|| Value::str("utf-8")));
            let decode = vm.types.bytes.lookup("decode").unwrap_or_default();
            vm.call(&decode, call)
        }
        Some(v) => Err(Exc::type_error(format!(
            "decoding to str: need a bytes-like object, {} found",
            vm.type_name(&v)
        ))),
    }
}

/// `int.__new__(cls, ...)` and the like for the immutable builtins: a subclass instance wrapping the value
/// the builtin constructor makes, which is what `super().__new__(cls, x)` needs.
pub fn immutable_new(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult {
    let Some(Value::Class(cls)) = a.first() else {
        return Err(Exc::type_error("__new__(X): X is not a type object"));
    };
    let rest = a.get(1..).unwrap_or(&[]);
    if let Some(bt) = cls.builtin {
        return construct(vm, bt, rest, kw);
    }
    let crate::value::BaseKind::Wrapped(bt) = cls.base_kind else {
        return Err(Exc::type_error(format!(
            "{}.__new__() is not a subtype of a builtin type",
            cls.name
        )));
    };
    let value = construct(vm, bt, rest, kw)?;
    let inst = vm.new_instance(cls, &[]);
    if let Value::Instance(i) = &inst {
        *i.wrapped.borrow_mut() = value;
    }
    Ok(inst)
}
