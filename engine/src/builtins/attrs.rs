//! Builtins about types and attributes: `isinstance`, `issubclass`, `getattr` and friends, `vars`, `dir`.

use crate::exc::{Exc, ExcType, PyResult};
use crate::native::Kwargs;
use crate::types::args;
use crate::types::iters::is_exc;
use crate::value::{Class, Value};
use crate::vm::Vm;
use std::rc::Rc;

/// Calls a class's `__il_instancecheck__`/`__il_subclasscheck__` hook (how Interleave's abc works), if any.
fn hook(vm: &mut Vm, cls: &Rc<Class>, name: &str, arg: &Value) -> PyResult<Option<bool>> {
    match cls.lookup(name) {
        Some(f) => {
            let f = crate::vm::attr::unwrap_classmethod(&f);
            let r = vm.call(&f, vec![Value::Class(cls.clone()), arg.clone()])?;
            Ok(Some(vm.truthy(&r)?))
        }
        None => Ok(None),
    }
}

/// Walks a class or a (nested) tuple of classes without recursion, asking `test` of each class.
fn any_class(
    vm: &mut Vm,
    info: &Value,
    bad: &str,
    test: &mut dyn FnMut(&mut Vm, &Rc<Class>) -> PyResult<bool>,
) -> PyResult<bool> {
    let mut stack = vec![info.clone()];
    while let Some(v) = stack.pop() {
        match v {
            Value::Class(c) => {
                if test(vm, &c)? {
                    return Ok(true);
                }
            }
            Value::Tuple(t) => stack.extend(t.iter().rev().cloned()),
            Value::Object(o) if o.as_any().is::<crate::types::generic_alias::UnionType>() => {
                if let Some(u) = o.as_any().downcast_ref::<crate::types::generic_alias::UnionType>() {
                    stack.extend(u.args.iter().rev().cloned());
                }
            }
            _ => return Err(Exc::type_error(bad.to_string())),
        }
    }
    Ok(false)
}

pub fn isinstance(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    args::no_kw("isinstance", kw)?;
    args::expect("isinstance", args, 2, 2)?;
    if args[1]
        .as_native::<crate::types::generic_alias::GenericAlias>()
        .is_some()
    {
        return Err(Exc::type_error(
            "isinstance() argument 2 cannot be a parameterized generic",
        ));
    }
    let obj = args[0].clone();
    let r = any_class(
        vm,
        &args[1],
        "isinstance() arg 2 must be a type, a tuple of types, or a union",
        &mut |vm, c| {
            if vm.isinstance(&obj, c) {
                return Ok(true);
            }
            Ok(hook(vm, c, "__il_instancecheck__", &obj)?.unwrap_or(false))
        },
    )?;
    Ok(Value::Bool(r))
}

pub fn issubclass(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    args::no_kw("issubclass", kw)?;
    args::expect("issubclass", args, 2, 2)?;
    if args[1]
        .as_native::<crate::types::generic_alias::GenericAlias>()
        .is_some()
    {
        return Err(Exc::type_error(
            "issubclass() argument 2 cannot be a parameterized generic",
        ));
    }
    let Value::Class(sub) = &args[0] else {
        return Err(Exc::type_error("issubclass() arg 1 must be a class"));
    };
    let sub = sub.clone();
    let r = any_class(
        vm,
        &args[1],
        "issubclass() arg 2 must be a class, a tuple of classes, or a union",
        &mut |vm, c| {
            if sub.is_subclass(c) {
                return Ok(true);
            }
            Ok(hook(vm, c, "__il_subclasscheck__", &Value::Class(sub.clone()))?.unwrap_or(false))
        },
    )?;
    Ok(Value::Bool(r))
}

fn attr_name<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a str> {
    match v {
        Value::Str(s) => Ok(s),
        _ => Err(Exc::type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(v)
        ))),
    }
}

pub fn getattr(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    args::no_kw("getattr", kw)?;
    args::expect("getattr", args, 2, 3)?;
    let name = attr_name(vm, &args[1])?;
    match vm.getattr(&args[0], name) {
        Ok(v) => Ok(v),
        Err(e) => match args.get(2) {
            Some(d) if is_exc(vm, &e, ExcType::AttributeError) => Ok(d.clone()),
            _ => Err(e),
        },
    }
}

pub fn hasattr(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    args::no_kw("hasattr", kw)?;
    args::expect("hasattr", args, 2, 2)?;
    let name = attr_name(vm, &args[1])?;
    match vm.getattr(&args[0], name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if is_exc(vm, &e, ExcType::AttributeError) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

pub fn setattr(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    args::no_kw("setattr", kw)?;
    args::expect("setattr", args, 3, 3)?;
    let name = attr_name(vm, &args[1])?;
    vm.setattr(&args[0], name, args[2].clone())?;
    Ok(Value::None)
}

pub fn delattr(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    args::no_kw("delattr", kw)?;
    args::expect("delattr", args, 2, 2)?;
    let name = attr_name(vm, &args[1])?;
    vm.delattr(&args[0], name)?;
    Ok(Value::None)
}

pub fn vars(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    args::no_kw("vars", kw)?;
    args::expect("vars", args, 0, 1)?;
    let Some(obj) = args.first() else {
        return Ok(Value::Dict(vm.main_globals.clone()));
    };
    match vm.getattr(obj, "__dict__") {
        Ok(d) => Ok(d),
        Err(e) if is_exc(vm, &e, ExcType::AttributeError) => {
            Err(Exc::type_error("vars() argument must have __dict__ attribute"))
        }
        Err(e) => Err(e),
    }
}

fn class_names(c: &Class, out: &mut Vec<String>) {
    for k in c.dict.borrow().keys() {
        if let Value::Str(s) = k {
            out.push(s.to_string());
        }
    }
    for b in &c.mro {
        for k in b.dict.borrow().keys() {
            if let Value::Str(s) = k {
                out.push(s.to_string());
            }
        }
    }
}

pub fn dir(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    args::no_kw("dir", kw)?;
    args::expect("dir", args, 0, 1)?;
    // Collected, then sorted and deduplicated (a `Vec`: one B-tree key type fewer in the bundle).
    let mut names = Vec::new();
    let Some(obj) = args.first() else {
        for k in vm.main_globals.borrow().keys() {
            if let Value::Str(s) = k {
                names.push(s.to_string());
            }
        }
        return Ok(sorted_names(names));
    };
    if let Value::Instance(_) = obj {
        if let Some(f) = vm.class_of(obj).lookup("__dir__") {
            if !matches!(f, Value::Native(_)) {
                let r = vm.call(&f, vec![obj.clone()])?;
                let mut items = vm.collect(&r)?;
                items = crate::types::sort::sort_values(vm, items, None, false)?;
                return Ok(Value::list(items));
            }
        }
    }
    match obj {
        Value::Instance(i) => {
            for k in i.dict.borrow().keys() {
                if let Value::Str(s) = k {
                    names.push(s.to_string());
                }
            }
            class_names(&i.class.borrow(), &mut names);
        }
        Value::Class(c) => class_names(c, &mut names),
        Value::Module(m) => {
            for k in m.dict.borrow().keys() {
                if let Value::Str(s) = k {
                    names.push(s.to_string());
                }
            }
        }
        other => class_names(&vm.class_of(other), &mut names),
    }
    Ok(sorted_names(names))
}

/// `dir()`'s list: the names sorted, each once.
fn sorted_names(mut names: Vec<String>) -> Value {
    crate::smallsort::sort(&mut names);
    names.dedup();
    Value::list(names.into_iter().map(|s| Value::str(&s)).collect())
}
