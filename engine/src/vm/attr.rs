//! Attributes: lookup along the MRO, binding methods, descriptors (property, staticmethod, classmethod), super.

use super::Vm;
use crate::dict::Dict;
use crate::exc::{Exc, ExcType, PyResult};
use crate::native::{Kwargs, NativeObject};
use crate::value::{BaseKind, Class, Value};
use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

pub struct Property {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
}

impl NativeObject for Property {
    fn type_name(&self) -> &'static str {
        "property"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub struct StaticMethod(pub Value);

impl NativeObject for StaticMethod {
    fn type_name(&self) -> &'static str {
        "staticmethod"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub struct ClassMethod(pub Value);

impl NativeObject for ClassMethod {
    fn type_name(&self) -> &'static str {
        "classmethod"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub struct Super {
    /// The class whose MRO position the lookup starts after.
    pub cls: Rc<Class>,
    pub obj: Value,
}

impl NativeObject for Super {
    fn type_name(&self) -> &'static str {
        "super"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub fn unwrap_static(v: &Value) -> Value {
    match v.as_native::<StaticMethod>() {
        Some(s) => s.0.clone(),
        None => v.clone(),
    }
}

pub fn unwrap_classmethod(v: &Value) -> Value {
    match v.as_native::<ClassMethod>() {
        Some(s) => s.0.clone(),
        None => v.clone(),
    }
}

/// The prefix of a generator kind's attributes: `gi_frame`, `cr_frame`, `ag_frame`.
fn frame_prefix(kind: crate::code::CodeKind) -> &'static str {
    match kind {
        crate::code::CodeKind::Coroutine => "cr_",
        crate::code::CodeKind::AsyncGenerator => "ag_",
        _ => "gi_",
    }
}

/// The names a class's `__slots__` value declares.
pub fn slot_names(vm: &Vm, v: &Value, class_name: &crate::value::Str) -> PyResult<Vec<crate::value::Str>> {
    let items: Vec<Value> = match v {
        Value::Str(_) => vec![v.clone()],
        Value::Tuple(t) => t.to_vec(),
        Value::List(l) => l.borrow().clone(),
        Value::Dict(d) => d.borrow().keys().cloned().collect(),
        other => {
            return Err(Exc::type_error(format!(
                "'{}' object is not iterable",
                vm.type_name(other)
            )))
        }
    };
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let Value::Str(s) = &item else {
            return Err(Exc::type_error(format!(
                "__slots__ items must be strings, not '{}'",
                vm.type_name(&item)
            )));
        };
        // Private names are mangled as the compiler mangles `self.__x` in the class's methods.
        out.push(crate::compiler::symtable::mangle(Some(class_name), s));
    }
    Ok(out)
}

/// The slot names that `cls` and its ancestors declare.
fn all_slots(vm: &Vm, cls: &Rc<Class>) -> Vec<crate::value::Str> {
    let mut out = Vec::new();
    for c in std::iter::once(cls).chain(cls.mro.iter()) {
        let declared = c.dict.borrow().get_str("__slots__");
        if let Some(v) = declared {
            out.extend(slot_names(vm, &v, &c.name).unwrap_or_default());
        }
    }
    out
}

/// Whether `name` is a slot of `cls` (or of an ancestor), without allocating: the stores of slotted classes
/// ask on every new attribute.
pub(super) fn is_slot(_vm: &Vm, cls: &Rc<Class>, name: &str) -> bool {
    std::iter::once(cls).chain(cls.mro.iter()).any(|c| {
        let is = |v: &Value| matches!(v, Value::Str(s) if is_mangled_as(&c.name, s, name));
        let d = c.dict.borrow();
        match d.get_str("__slots__") {
            None => false,
            Some(v @ Value::Str(_)) => is(&v),
            Some(Value::Tuple(t)) => t.iter().any(is),
            Some(Value::List(l)) => l.borrow().iter().any(is),
            Some(Value::Dict(m)) => m.borrow().keys().any(is),
            Some(_) => false,
        }
    })
}

/// Whether the slot `slot` declared in class `class` is the attribute `name` (`__x` in class `C` is `_C__x`).
fn is_mangled_as(class: &str, slot: &str, name: &str) -> bool {
    let class = class.trim_start_matches('_');
    let private = slot.starts_with("__") && !slot.ends_with("__") && !slot.contains('.') && !class.is_empty();
    if !private {
        return slot == name;
    }
    name.strip_prefix('_')
        .and_then(|rest| rest.strip_prefix(class))
        .is_some_and(|rest| rest == slot)
}

/// Why an instance without `__dict__` refuses the assignment of `name`, or `None` when it takes it.
fn slot_refusal(vm: &Vm, cls: &Rc<Class>, name: &str) -> Option<Exc> {
    if !cls.flags.get().no_dict || is_slot(vm, cls, name) {
        return None;
    }
    Some(Exc::attribute_error(if cls.lookup(name).is_some() {
        format!("'{}' object attribute '{name}' is read-only", cls.name)
    } else {
        format!("'{}' object has no attribute '{name}'", cls.name)
    }))
}

/// `type(name, bases, dict)`.
pub fn type_new(vm: &mut Vm, args: &[Value]) -> PyResult {
    let (Value::Str(name), Value::Tuple(bases), Value::Dict(ns)) = (&args[0], &args[1], &args[2]) else {
        return Err(Exc::type_error("type() argument 1 must be str, not int"));
    };
    let ns = Rc::new(RefCell::new(ns.borrow().clone()));
    vm.make_class(name.clone(), bases.to_vec(), ns, Vec::new())
}

pub fn property_new(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult {
    let get = |i: usize, name: &str| {
        args.get(i)
            .cloned()
            .or_else(|| crate::native::kwarg(kwargs, name).cloned())
            .unwrap_or(Value::None)
    };
    Ok(Value::Object(Rc::new(Property {
        fget: get(0, "fget"),
        fset: get(1, "fset"),
        fdel: get(2, "fdel"),
    })))
}

pub fn property_setter(_vm: &mut Vm, args: &[Value], _kw: &Kwargs) -> PyResult {
    let p = args
        .first()
        .and_then(|p| p.as_native::<Property>())
        .ok_or_else(|| Exc::type_error("descriptor 'setter' requires a 'property'"))?;
    Ok(Value::Object(Rc::new(Property {
        fget: p.fget.clone(),
        fset: args.get(1).cloned().unwrap_or_default(),
        fdel: p.fdel.clone(),
    })))
}

pub fn property_deleter(_vm: &mut Vm, args: &[Value], _kw: &Kwargs) -> PyResult {
    let p = args
        .first()
        .and_then(|p| p.as_native::<Property>())
        .ok_or_else(|| Exc::type_error("descriptor 'deleter' requires a 'property'"))?;
    Ok(Value::Object(Rc::new(Property {
        fget: p.fget.clone(),
        fset: p.fset.clone(),
        fdel: args.get(1).cloned().unwrap_or_default(),
    })))
}

pub fn property_getter(_vm: &mut Vm, args: &[Value], _kw: &Kwargs) -> PyResult {
    let p = args
        .first()
        .and_then(|p| p.as_native::<Property>())
        .ok_or_else(|| Exc::type_error("descriptor 'getter' requires a 'property'"))?;
    Ok(Value::Object(Rc::new(Property {
        fget: args.get(1).cloned().unwrap_or_default(),
        fset: p.fset.clone(),
        fdel: p.fdel.clone(),
    })))
}

pub fn staticmethod_new(_vm: &mut Vm, args: &[Value], _kw: &Kwargs) -> PyResult {
    Ok(Value::Object(Rc::new(StaticMethod(
        args.first().cloned().unwrap_or_default(),
    ))))
}

pub fn classmethod_new(_vm: &mut Vm, args: &[Value], _kw: &Kwargs) -> PyResult {
    Ok(Value::Object(Rc::new(ClassMethod(
        args.first().cloned().unwrap_or_default(),
    ))))
}

pub fn super_new(vm: &mut Vm, args: &[Value], _kw: &Kwargs) -> PyResult {
    match args {
        [Value::Class(c), obj] => Ok(Value::Object(Rc::new(Super {
            cls: c.clone(),
            obj: obj.clone(),
        }))),
        [_, _] => Err(Exc::type_error("super() argument 1 must be a type")),
        _ => {
            let _ = vm;
            Err(Exc::runtime("super(): no arguments"))
        }
    }
}

fn is_object_native(v: &Value, name: &str) -> bool {
    matches!(v, Value::Native(n) if n.owner == Some("object") && n.name == name)
}

/// Whether a `__new__` found on a class is `object.__new__` (which needs no call).
pub fn is_default_new(v: &Value) -> bool {
    is_object_native(&unwrap_static(v), "__new__")
}

/// `object.__new__`, `object.__setattr__` and friends, and `__new__` of the builtin types that
/// user classes subclass (`tuple.__new__(cls, items)` for namedtuples).
pub fn install(vm: &mut Vm) {
    use crate::native::NativeFn;
    let object: &[(&'static str, NativeFn)] = &[
        ("__new__", |vm, a, _| match a.first() {
            Some(Value::Class(c)) => {
                let c = c.clone();
                Ok(vm.new_instance(&c, &[]))
            }
            _ => Err(Exc::type_error("object.__new__(X): X is not a type object")),
        }),
        ("__init__", |_, _, _| Ok(Value::None)),
        ("__hash__", |vm, a, _| {
            let v = a.first().cloned().unwrap_or_default();
            let h = match &v {
                Value::Instance(i) => i.serial,
                other => vm.hash(other)?,
            };
            Ok(Value::Int((h & (i64::MAX as u64)) as i64))
        }),
        ("__init_subclass__", |vm, a, kw| {
            if kw.is_empty() {
                return Ok(Value::None);
            }
            let name = match a.first() {
                Some(Value::Class(c)) => c.name.to_string(),
                Some(other) => vm.type_name(other),
                None => "object".into(),
            };
            Err(Exc::type_error(format!(
                "{name}.__init_subclass__() takes no keyword arguments"
            )))
        }),
        ("__setattr__", |vm, a, _| {
            let (Some(obj @ Value::Instance(_)), Some(Value::Str(name)), Some(v)) = (a.first(), a.get(1), a.get(2))
            else {
                return Err(Exc::type_error("__setattr__ expects an object, a name and a value"));
            };
            vm.generic_setattr(obj, name, v.clone())?;
            Ok(Value::None)
        }),
        ("__delattr__", |vm, a, _| {
            let (Some(obj @ Value::Instance(i)), Some(Value::Str(name))) = (a.first(), a.get(1)) else {
                return Err(Exc::type_error("__delattr__ expects an object and a name"));
            };
            if i.dict.borrow_mut().remove_str(name).is_none() {
                let cls = i.class.borrow().clone();
                if is_slot(vm, &cls, name) {
                    return Err(Exc::attribute_error(name.to_string()));
                }
                return Err(vm.no_attribute(obj, name));
            }
            Ok(Value::None)
        }),
        ("__getattribute__", |vm, a, _| {
            let (Some(obj), Some(Value::Str(name))) = (a.first(), a.get(1)) else {
                return Err(Exc::type_error("__getattribute__ expects an object and a name"));
            };
            vm.getattr(obj, name)
        }),
    ];
    let obj = vm.types.object.clone();
    crate::types::add_methods(&obj, "object", object);
    for (cls, bt) in [
        (vm.types.tuple.clone(), crate::value::BuiltinType::Tuple),
        (vm.types.int.clone(), crate::value::BuiltinType::Int),
        (vm.types.str_.clone(), crate::value::BuiltinType::Str),
        (vm.types.float.clone(), crate::value::BuiltinType::Float),
        (vm.types.list.clone(), crate::value::BuiltinType::List),
        (vm.types.dict.clone(), crate::value::BuiltinType::Dict),
    ] {
        let f: NativeFn = match bt {
            crate::value::BuiltinType::Tuple => |vm, a, kw| wrapped_new(vm, a, kw, crate::value::BuiltinType::Tuple),
            crate::value::BuiltinType::Int => |vm, a, kw| wrapped_new(vm, a, kw, crate::value::BuiltinType::Int),
            crate::value::BuiltinType::Str => |vm, a, kw| wrapped_new(vm, a, kw, crate::value::BuiltinType::Str),
            crate::value::BuiltinType::Float => |vm, a, kw| wrapped_new(vm, a, kw, crate::value::BuiltinType::Float),
            crate::value::BuiltinType::List => |vm, a, kw| wrapped_new(vm, a, kw, crate::value::BuiltinType::List),
            _ => |vm, a, kw| wrapped_new(vm, a, kw, crate::value::BuiltinType::Dict),
        };
        let name = cls.name.clone();
        let owner: &'static str = match &*name {
            "tuple" => "tuple",
            "int" => "int",
            "str" => "str",
            "float" => "float",
            "list" => "list",
            _ => "dict",
        };
        crate::types::add_methods(&cls, owner, &[("__new__", f)]);
    }
}

fn wrapped_new(vm: &mut Vm, a: &[Value], kw: &Kwargs, bt: crate::value::BuiltinType) -> PyResult {
    let Some(Value::Class(c)) = a.first() else {
        return Err(Exc::type_error("__new__(X): X is not a type object"));
    };
    let c = c.clone();
    let rest = a.get(1..).unwrap_or(&[]);
    let value = match bt {
        crate::value::BuiltinType::List | crate::value::BuiltinType::Dict => {
            crate::types::construct(vm, bt, &[], &Vec::new())?
        }
        _ => crate::types::construct(vm, bt, rest, kw)?,
    };
    if c.builtin.is_some() {
        return Ok(value);
    }
    let inst = vm.new_instance(&c, &[]);
    if let Value::Instance(i) = &inst {
        *i.wrapped.borrow_mut() = value;
    }
    Ok(inst)
}

/// asyncio's names that `modules/_il_streams.py` defines.
const STREAM_NAMES: &[&str] = &[
    "open_connection",
    "start_server",
    "StreamReader",
    "StreamWriter",
    "Server",
    "IncompleteReadError",
    "LimitOverrunError",
    "BaseProtocol",
    "Protocol",
    "BufferedProtocol",
    "DatagramProtocol",
    "_net_wake_items",
];

/// asyncio's names that `modules/_il_aio_more.py` defines.
const AIO_MORE_NAMES: &[&str] = &[
    "Barrier",
    "BrokenBarrierError",
    "subprocess",
    "create_subprocess_exec",
    "create_subprocess_shell",
];

/// asyncio's event loop's methods that `modules/_il_transports.py` defines (each taking the loop first).
const LOOP_NET_NAMES: &[&str] = &[
    "sock_recv",
    "sock_recv_into",
    "sock_recvfrom",
    "sock_sendall",
    "sock_sendto",
    "sock_connect",
    "sock_accept",
    "add_reader",
    "remove_reader",
    "add_writer",
    "remove_writer",
    "create_server",
    "create_connection",
    "create_datagram_endpoint",
    "connect_accepted_socket",
];

impl Vm {
    pub fn getattr(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        self.getattr_failure = None;
        match self.getattr_opt(obj, name)? {
            Some(v) => Ok(v),
            None => {
                // What the class's `__getattr__` raised is what the program sees, as in CPython.
                if let Some(e) = self.getattr_failure.take() {
                    return Err(e);
                }
                let e = self.no_attribute(obj, name);
                let e = self.materialize(e);
                if let Some(d) = self.exc_data(&e) {
                    d.borrow_mut().hint = Some((Rc::from(name), obj.clone()));
                }
                Err(Exc::Raised(e))
            }
        }
    }

    pub fn no_attribute(&self, obj: &Value, name: &str) -> Exc {
        let msg = match obj {
            Value::Module(m) => format!("module '{}' has no attribute '{name}'", m.name),
            Value::Class(c) => format!("type object '{}' has no attribute '{name}'", c.name),
            _ => format!("'{}' object has no attribute '{name}'", self.type_name(obj)),
        };
        Exc::attribute_error(msg)
    }

    /// Binds a class attribute found for `obj`: functions become methods, descriptors are applied.
    fn bind(&mut self, attr: Value, obj: &Value, cls: &Rc<Class>, receiver: &Value) -> PyResult<Value> {
        Ok(match &attr {
            Value::Function(_) => Value::Method(Rc::new((obj.clone(), attr))),
            Value::Native(_) => Value::Method(Rc::new((receiver.clone(), attr))),
            Value::Object(o) => match o.type_name() {
                "staticmethod" => unwrap_static(&attr),
                "classmethod" => Value::Method(Rc::new((Value::Class(cls.clone()), unwrap_classmethod(&attr)))),
                "property" => {
                    let fget = attr.as_native::<Property>().map(|p| p.fget.clone()).unwrap_or_default();
                    if fget.is_none() {
                        return Err(Exc::attribute_error("property has no getter"));
                    }
                    self.call(&fget, vec![obj.clone()])?
                }
                _ => attr.clone(),
            },
            Value::Instance(d) => {
                let dc = d.class.borrow().clone();
                match dc.lookup("__get__") {
                    Some(get) => self.call(&get, vec![attr.clone(), obj.clone(), Value::Class(cls.clone())])?,
                    None => attr.clone(),
                }
            }
            _ => attr.clone(),
        })
    }

    /// A user descriptor with `__set__` (or `__delete__`) found on the class takes the assignment.
    fn data_descriptor(&self, cls: &Rc<Class>, name: &str, method: &str) -> Option<Value> {
        let attr = cls.lookup(name)?;
        let Value::Instance(d) = &attr else { return None };
        let m = d.class.borrow().lookup(method)?;
        Some(Value::Method(Rc::new((attr.clone(), m))))
    }

    pub fn getattr_opt(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        match obj {
            Value::Instance(inst) => {
                let cls = inst.class.borrow().clone();
                match name {
                    "__class__" => return Ok(Some(Value::Class(cls))),
                    "__dict__" if cls.flags.get().no_dict => return Ok(None),
                    "__dict__" => {
                        let slots = all_slots(self, &cls);
                        if slots.is_empty() {
                            return Ok(Some(Value::Dict(inst.dict.clone())));
                        }
                        // Slot values live in the same dict here; `__dict__` shows the others.
                        let mut d = inst.dict.borrow().clone();
                        for s in &slots {
                            d.remove_str(s);
                        }
                        return Ok(Some(Value::dict(d)));
                    }
                    _ => {}
                }
                if let Some(exc) = &inst.exc {
                    if let Some(v) = self.exc_attr(exc, name) {
                        return Ok(Some(v));
                    }
                    if matches!(name, "errno" | "strerror" | "filename" | "filename2")
                        && inst.class.borrow().is_subclass(&self.types.exc(ExcType::OSError))
                    {
                        // OSError(errno, strerror[, filename]) keeps its first arguments as these, as CPython's does.
                        let args = &exc.borrow().args;
                        let i = match name {
                            "errno" => 0,
                            "strerror" => 1,
                            "filename" => 2,
                            _ => 4,
                        };
                        let two = (2..=5).contains(&args.len());
                        return Ok(Some(if two {
                            args.get(i).cloned().unwrap_or(Value::None)
                        } else {
                            Value::None
                        }));
                    }
                }
                if !cls.flags.get().has_descriptors {
                    if let Some(v) = inst.dict.borrow().get_str(name) {
                        return Ok(Some(v));
                    }
                }
                // `StopIteration.value`: other exceptions' `value` is an ordinary attribute.
                if name == "value"
                    && (self.exc_is(obj, ExcType::StopIteration) || self.exc_is(obj, ExcType::StopAsyncIteration))
                {
                    let first = inst.exc.as_ref().and_then(|e| e.borrow().args.first().cloned());
                    return Ok(Some(first.unwrap_or(Value::None)));
                }
                if name == "code" && self.exc_is(obj, ExcType::SystemExit) {
                    let args = inst.exc.as_ref().map(|e| e.borrow().args.clone()).unwrap_or_default();
                    return Ok(Some(match args.len() {
                        0 => Value::None,
                        1 => args[0].clone(),
                        _ => Value::tuple(args),
                    }));
                }
                let class_attr = cls.lookup(name);
                if let Some(a @ Value::Instance(d)) = &class_attr {
                    let has_set = d.class.borrow().lookup("__set__").is_some();
                    if has_set {
                        let receiver = obj.clone();
                        return self.bind(a.clone(), obj, &cls, &receiver).map(Some);
                    }
                }
                if let Some(a) = &class_attr {
                    if a.as_native::<Property>().is_some() {
                        let receiver = obj.clone();
                        return self.bind(a.clone(), obj, &cls, &receiver).map(Some);
                    }
                }
                if let Some(v) = inst.dict.borrow().get_str(name) {
                    return Ok(Some(v));
                }
                if let Some(a) = class_attr {
                    let receiver = match &*inst.wrapped.borrow() {
                        Value::None => obj.clone(),
                        w => w.clone(),
                    };
                    return self.bind(a, obj, &cls, &receiver).map(Some);
                }
                if let Some(ga) = cls.lookup("__getattr__") {
                    return match self.call(&ga, vec![obj.clone(), Value::str(name)]) {
                        Ok(v) => Ok(Some(v)),
                        Err(e) => {
                            if self.exc_kind_is(&e, ExcType::AttributeError) {
                                self.getattr_failure = Some(e);
                                Ok(None)
                            } else {
                                Err(e)
                            }
                        }
                    };
                }
                if LOOP_NET_NAMES.contains(&name)
                    && cls.lookup("_check_closed").is_some()
                    && cls.lookup("run_in_executor").is_some()
                {
                    // asyncio's event loop: its network methods live in a module of their own, imported on
                    // their first use, so that `import asyncio` costs nothing more.
                    let module = self.import("_il_transports")?;
                    if let Some(f) = self.getattr_opt(&module, name)? {
                        return Ok(Some(Value::Method(Rc::new((obj.clone(), f)))));
                    }
                }
                Ok(None)
            }
            Value::Class(c) => {
                match name {
                    "__name__" => return Ok(Some(Value::Str(c.name.clone()))),
                    "__qualname__" => return Ok(Some(Value::Str(c.qualname.clone()))),
                    "__module__" => return Ok(Some(Value::Str(c.module.clone()))),
                    "__dict__" => return Ok(Some(Value::dict(c.dict.borrow().clone()))),
                    "__bases__" => {
                        return Ok(Some(Value::tuple(
                            c.bases.iter().map(|b| Value::Class(b.clone())).collect(),
                        )))
                    }
                    "__mro__" => {
                        let mut v = vec![Value::Class(c.clone())];
                        v.extend(c.mro.iter().map(|b| Value::Class(b.clone())));
                        return Ok(Some(Value::tuple(v)));
                    }
                    "__class__" => return Ok(Some(Value::Class(self.metaclass_of(c)))),
                    _ => {}
                }
                match c.lookup(name) {
                    Some(a) => {
                        let v = match a.as_native::<ClassMethod>() {
                            Some(cm) => Value::Method(Rc::new((obj.clone(), cm.0.clone()))),
                            None => match a.as_native::<StaticMethod>() {
                                Some(s) => s.0.clone(),
                                None => a,
                            },
                        };
                        Ok(Some(v))
                    }
                    None => {
                        if name == "__doc__" {
                            return Ok(Some(Value::None));
                        }
                        // Methods of `type` itself, e.g. `cls.mro()`.
                        Ok(self
                            .types
                            .type_
                            .lookup(name)
                            .map(|m| Value::Method(Rc::new((obj.clone(), m)))))
                    }
                }
            }
            Value::Module(m) => {
                if name == "__dict__" {
                    return Ok(Some(Value::Dict(m.dict.clone())));
                }
                let v = m.dict.borrow().get_str(name);
                let lazy = match name {
                    _ if STREAM_NAMES.contains(&name) => "_il_streams",
                    _ if AIO_MORE_NAMES.contains(&name) => "_il_aio_more",
                    _ => "",
                };
                if v.is_none() && &*m.name == "asyncio" && !lazy.is_empty() {
                    // asyncio's streams (and a few other names) live in modules of their own, imported on their
                    // first use.
                    let streams = self.import(lazy)?;
                    let v = self.getattr_opt(&streams, name)?;
                    if let Some(v) = &v {
                        m.dict.borrow_mut().set_str(name, v.clone());
                    }
                    return Ok(v);
                }
                if v.is_none() && name != "__getattr__" {
                    // A module's own `__getattr__` (PEP 562) answers for the names it lacks.
                    let hook = m.dict.borrow().get_str("__getattr__");
                    if let Some(hook) = hook {
                        return match self.call(&hook, vec![Value::str(name)]) {
                            Ok(v) => Ok(Some(v)),
                            Err(e) if self.exc_kind_is(&e, ExcType::AttributeError) => {
                                self.getattr_failure = Some(e);
                                Ok(None)
                            }
                            Err(e) => Err(e),
                        };
                    }
                }
                Ok(v)
            }
            Value::Function(f) if f.attrs.borrow().get_str(name).is_some() => Ok(f.attrs.borrow().get_str(name)),
            Value::Function(f) => Ok(match name {
                "__name__" => Some(Value::Str(f.name.borrow().clone())),
                "__annotations__" => {
                    let d = Value::dict(crate::dict::Dict::new());
                    f.attrs.borrow_mut().set_str("__annotations__", d.clone());
                    Some(d)
                }
                "__qualname__" => Some(Value::Str(f.qualname.borrow().clone())),
                "__module__" => Some(Value::Str(f.module.clone())),
                "__doc__" => Some(f.doc.clone()),
                "__dict__" => Some(Value::dict(f.attrs.borrow().clone())),
                "__defaults__" => Some(if f.defaults.is_empty() {
                    Value::None
                } else {
                    Value::tuple(f.defaults.clone())
                }),
                _ => match f.attrs.borrow().get_str(name) {
                    Some(v) => Some(v),
                    None => self
                        .types
                        .function
                        .lookup(name)
                        .map(|m| Value::Method(Rc::new((obj.clone(), m)))),
                },
            }),
            Value::Method(m) => Ok(match name {
                "__self__" => Some(m.0.clone()),
                "__func__" => Some(m.1.clone()),
                _ => return self.getattr_opt(&m.1.clone(), name),
            }),
            Value::Native(n) => Ok(match name {
                "__name__" | "__qualname__" => Some(Value::str(n.name)),
                "__doc__" => Some(Value::None),
                _ => None,
            }),
            Value::Gen(g) => Ok(match name {
                "__name__" => Some(Value::Str(g.name.clone())),
                "__qualname__" => Some(Value::Str(g.qualname.clone())),
                "gi_frame" | "cr_frame" | "ag_frame" if name.starts_with(frame_prefix(g.kind)) => Some(g.frame_value()),
                // A plain generator is `Running` only while it executes (it cannot suspend a task's thread);
                // a coroutine stays `Running` while its task waits, so only generators answer these.
                "gi_running" if g.kind == crate::code::CodeKind::Generator => {
                    Some(Value::Bool(g.state.get() == super::gen::GenState::Running))
                }
                "gi_suspended" if g.kind == crate::code::CodeKind::Generator => {
                    Some(Value::Bool(g.state.get() == super::gen::GenState::Suspended))
                }
                _ => {
                    let cls = self.class_of(obj);
                    cls.lookup(name).map(|m| Value::Method(Rc::new((obj.clone(), m))))
                }
            }),
            Value::Object(o) => {
                if let Some(sup) = obj.as_native::<Super>() {
                    return self.super_getattr(sup.cls.clone(), sup.obj.clone(), name);
                }
                if let Some(r) = o.clone().getattr(self, name) {
                    return r.map(Some);
                }
                let cls = self.class_of(obj);
                match cls.lookup(name) {
                    Some(a) => self.bind(a, obj, &cls, obj).map(Some),
                    None => Ok(None),
                }
            }
            _ => {
                match (obj, name) {
                    (Value::Int(_) | Value::Bool(_) | Value::BigInt(_), "real" | "numerator") => {
                        return Ok(Some(match obj {
                            Value::Bool(b) => Value::Int(*b as i64),
                            o => o.clone(),
                        }))
                    }
                    (Value::Int(_) | Value::Bool(_) | Value::BigInt(_), "imag") => return Ok(Some(Value::Int(0))),
                    (Value::Int(_) | Value::Bool(_) | Value::BigInt(_), "denominator") => {
                        return Ok(Some(Value::Int(1)))
                    }
                    (Value::Float(_), "real") => return Ok(Some(obj.clone())),
                    (Value::Float(_), "imag") => return Ok(Some(Value::Float(0.0))),
                    (_, "__class__") => return Ok(Some(self.type_of(obj))),
                    _ => {}
                }
                let cls = self.class_of(obj);
                match cls.lookup(name) {
                    Some(a) => self.bind(a, obj, &cls, obj).map(Some),
                    None => Ok(None),
                }
            }
        }
    }

    fn super_getattr(&mut self, start: Rc<Class>, obj: Value, name: &str) -> PyResult<Option<Value>> {
        let obj_cls = match &obj {
            Value::Class(c) => c.clone(),
            other => self.class_of(other),
        };
        let mut full = vec![obj_cls.clone()];
        full.extend(obj_cls.mro.iter().cloned());
        let pos = full.iter().position(|c| c.id == start.id).map_or(full.len(), |p| p + 1);
        for c in &full[pos..] {
            if let Some(a) = c.dict.borrow().get_str(name) {
                if let Value::Class(_) = obj {
                    return Ok(Some(match a.as_native::<ClassMethod>() {
                        Some(cm) => Value::Method(Rc::new((obj.clone(), cm.0.clone()))),
                        // `object.__init_subclass__` is a class method in CPython.
                        None if name == "__init_subclass__" && matches!(a, Value::Native(_)) => {
                            Value::Method(Rc::new((obj.clone(), a.clone())))
                        }
                        None => unwrap_static(&a),
                    }));
                }
                let receiver = match &obj {
                    Value::Instance(i) => match &*i.wrapped.borrow() {
                        Value::None => obj.clone(),
                        w => w.clone(),
                    },
                    _ => obj.clone(),
                };
                return self.bind(a, &obj, &obj_cls, &receiver).map(Some);
            }
        }
        if name == "__init__" {
            // object.__init__ accepts the call and does nothing.
            return Ok(Some(Value::Native(Rc::new(crate::value::NativeFunc {
                name: "__init__",
                owner: Some("object"),
                func: |_, _, _| Ok(Value::None),
                bound: None,
                defer: crate::value::Deferral::Never,
            }))));
        }
        Err(Exc::attribute_error(format!(
            "'super' object has no attribute '{name}'"
        )))
    }

    /// For a method call: `(function, self)` without making a bound method, or `(value, Null)`.
    pub fn load_method(&mut self, obj: Value, name: &str) -> PyResult<(Value, Value)> {
        self.load_method_hashed(obj, &Rc::from(name), crate::dict::hash_str(name))
    }

    /// `load_method` with the name's hash already known: the receiver and the function, unbound, when the
    /// method is a plain function or native found on the class; else the attribute and `Null`.
    pub fn load_method_hashed(&mut self, obj: Value, name: &crate::value::Str, hash: u64) -> PyResult<(Value, Value)> {
        match &obj {
            Value::Instance(inst) => {
                let cls = inst.class.borrow().clone();
                if inst.exc.is_none() && inst.dict.borrow().get_hashed(name, hash).is_none() {
                    if let Some(f @ Value::Function(_)) = self.class_lookup(&cls, name, hash) {
                        return Ok((f, obj));
                    }
                }
            }
            Value::Module(m) => {
                if let Some(v) = m.dict.borrow().get_hashed(name, hash) {
                    return Ok((v.clone(), Value::Null));
                }
            }
            Value::List(_) | Value::Str(_) | Value::Dict(_) | Value::Tuple(_) | Value::Set(_) | Value::Object(_)
                if obj.as_native::<Super>().is_none() =>
            {
                let cls = self.class_of(&obj);
                if let Some(f @ Value::Native(_)) = self.class_lookup(&cls, name, hash) {
                    return Ok((f, obj));
                }
            }
            _ => {}
        }
        let v = self.getattr(&obj, name)?;
        Ok((v, Value::Null))
    }

    pub fn setattr(&mut self, obj: &Value, name: &str, v: Value) -> PyResult<()> {
        if let Value::Instance(inst) = obj {
            // A class's own `__setattr__` sees every assignment, to properties and descriptors too.
            let cls = inst.class.borrow().clone();
            if cls.flags.get().has_setattr {
                if let Some(sa @ Value::Function(_)) = cls.lookup("__setattr__") {
                    self.call(&sa, vec![obj.clone(), Value::str(name), v])?;
                    return Ok(());
                }
            }
        }
        self.generic_setattr(obj, name, v)
    }

    /// `object.__setattr__`: a data descriptor's or property's setter, else the instance's dict.
    pub fn generic_setattr(&mut self, obj: &Value, name: &str, v: Value) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                let cls = inst.class.borrow().clone();
                if let Some(set) = self.data_descriptor(&cls, name, "__set__") {
                    self.call(&set, vec![obj.clone(), v])?;
                    return Ok(());
                }
                if let Some(a) = cls.lookup(name) {
                    if let Some(p) = a.as_native::<Property>() {
                        if p.fset.is_none() {
                            return Err(Exc::attribute_error(format!(
                                "property '{name}' of '{}' object has no setter",
                                cls.name
                            )));
                        }
                        let f = p.fset.clone();
                        self.call(&f, vec![obj.clone(), v])?;
                        return Ok(());
                    }
                }
                if let Some(exc) = &inst.exc {
                    let mut e = exc.borrow_mut();
                    match name {
                        "__cause__" => {
                            e.cause = v;
                            e.suppress_context = true;
                            return Ok(());
                        }
                        "__context__" => {
                            e.context = v;
                            return Ok(());
                        }
                        "__suppress_context__" => {
                            e.suppress_context = matches!(v, Value::Bool(true));
                            return Ok(());
                        }
                        "args" => {
                            e.args = match v {
                                Value::Tuple(t) => t.to_vec(),
                                other => vec![other],
                            };
                            return Ok(());
                        }
                        _ => {}
                    }
                }
                if let Some(e) = slot_refusal(self, &cls, name) {
                    return Err(e);
                }
                inst.dict.borrow_mut().set_str(name, v);
                Ok(())
            }
            Value::Class(c) => {
                let mut flags = c.flags.get();
                flags.has_descriptors |= super::call::is_data_descriptor(&v);
                match name {
                    "__setattr__" => flags.has_setattr = true,
                    "__getattr__" => flags.has_getattr = true,
                    "__eq__" => flags.has_eq = true,
                    "__hash__" => flags.has_hash = true,
                    _ => {}
                }
                c.flags.set(flags);
                c.dict.borrow_mut().set_str(name, v);
                self.forget_class_lookups();
                Ok(())
            }
            Value::Function(f) => {
                match name {
                    "__name__" => {
                        if let Value::Str(s) = &v {
                            *f.name.borrow_mut() = s.clone();
                        }
                    }
                    "__qualname__" => {
                        if let Value::Str(s) = &v {
                            *f.qualname.borrow_mut() = s.clone();
                        }
                    }
                    _ => f.attrs.borrow_mut().set_str(name, v),
                }
                Ok(())
            }
            Value::Module(m) => {
                m.dict.borrow_mut().set_str(name, v);
                Ok(())
            }
            Value::Object(o) => {
                if let Some(cls) = self.types.native_of(o.type_name()) {
                    if let Some(sa) = cls.lookup("__setattr__") {
                        self.call(&sa, vec![obj.clone(), Value::str(name), v])?;
                        return Ok(());
                    }
                }
                Err(Exc::attribute_error(format!(
                    "'{}' object has no attribute '{name}'",
                    o.type_name()
                )))
            }
            _ => Err(Exc::attribute_error(format!(
                "'{}' object has no attribute '{name}'",
                self.type_name(obj)
            ))),
        }
    }

    pub fn delattr(&mut self, obj: &Value, name: &str) -> PyResult<()> {
        if let Value::Instance(inst) = obj {
            let cls = inst.class.borrow().clone();
            if let Some(f @ Value::Function(_)) = cls.lookup("__delattr__") {
                self.call(&f, vec![obj.clone(), Value::str(name)])?;
                return Ok(());
            }
            if let Some(del) = self.data_descriptor(&cls, name, "__delete__") {
                self.call(&del, vec![obj.clone()])?;
                return Ok(());
            }
        }
        let removed = match obj {
            Value::Instance(inst) => inst.dict.borrow_mut().remove_str(name),
            Value::Class(c) => {
                self.forget_class_lookups();
                c.dict.borrow_mut().remove_str(name)
            }
            Value::Module(m) => m.dict.borrow_mut().remove_str(name),
            Value::Function(f) => f.attrs.borrow_mut().remove_str(name),
            _ => None,
        };
        match removed {
            Some(_) => Ok(()),
            None => match obj {
                Value::Instance(inst) if is_slot(self, &inst.class.borrow().clone(), name) => {
                    Err(Exc::attribute_error(name.to_string()))
                }
                _ => Err(self.no_attribute(obj, name)),
            },
        }
    }

    /// Whether `cls` (or an ancestor) is a user class wrapping builtin type values.
    pub fn wrapped_kind(cls: &Class) -> Option<crate::value::BuiltinType> {
        match cls.base_kind {
            BaseKind::Wrapped(bt) => Some(bt),
            _ => None,
        }
    }

    pub fn class_dict_snapshot(cls: &Class) -> Dict {
        cls.dict.borrow().clone()
    }
}
