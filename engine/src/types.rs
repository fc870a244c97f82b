//! The registry of builtin classes (`int`, `list`, the exceptions, native object types) and their method tables.

pub mod args;
pub mod arith;
pub mod bytearray;
pub mod bytes;
pub mod compare;
pub mod construct;
pub mod dict;
pub mod dunder;
pub mod generic_alias;
pub mod hash;
pub mod iters;
pub mod lazy;
pub mod list;
pub mod num;
pub mod ops;
pub mod printf;
pub mod range;
pub mod set;
pub mod settable;
pub mod sort;
pub mod str;
pub mod strfmt;
pub mod tuple;

use crate::dict::Dict;
use crate::exc::ExcType;
use crate::native::NativeFn;
use crate::value::{BaseKind, BuiltinType, Class, ClassFlags, Deferral, NativeFunc, Value};
use crate::vm::Vm;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

pub use construct::construct;
pub use iters::{make_iter, SeqIter};
pub use ops::{contains, seq_binary, seq_compare, seq_delitem, seq_getitem, seq_inplace, seq_setitem};

thread_local! {
    static NEXT_CLASS_ID: Cell<usize> = const { Cell::new(1) };
}

/// A fresh class id; builtin and user classes draw from the same counter so ids never collide.
pub fn next_class_id() -> usize {
    NEXT_CLASS_ID.with(|c| {
        let id = c.get();
        c.set(id.wrapping_add(1));
        id
    })
}

pub use crate::vm::ops::from_pyerr;

/// A native method as it sits in a class's dict.
pub fn native_method(owner: &'static str, name: &'static str, func: NativeFn) -> Value {
    Value::Native(Rc::new(NativeFunc {
        name,
        owner: Some(owner),
        func,
        bound: None,
        defer: Deferral::of(Some(owner), name),
    }))
}

/// A free native function (a builtin like `len`).
pub fn native_fn(name: &'static str, func: NativeFn) -> Value {
    Value::Native(Rc::new(NativeFunc {
        name,
        owner: None,
        func,
        bound: None,
        defer: Deferral::Never,
    }))
}

/// A builtin function (`sum`, `len`): [`native_fn`], deferring to Python where [`Deferral::of`] says so.
pub fn builtin_fn(name: &'static str, func: NativeFn) -> Value {
    Value::Native(Rc::new(NativeFunc {
        name,
        owner: None,
        func,
        bound: None,
        defer: Deferral::of(None, name),
    }))
}

/// Puts a read-only data attribute computed by `fget` into a class's dict (`range.start`, `slice.stop`).
pub fn add_property(class: &Rc<Class>, owner: &'static str, name: &'static str, fget: NativeFn) {
    let prop = crate::vm::attr::Property {
        fget: native_method(owner, name, fget),
        fset: Value::None,
        fdel: Value::None,
    };
    class.dict.borrow_mut().set_str(name, Value::Object(Rc::new(prop)));
}

/// One class object per builtin type, per exception type and per native object type. A forked process's
/// interpreter shares its parent's (`Clone` copies the handles).
#[derive(Clone)]
pub struct Types {
    pub object: Rc<Class>,
    pub type_: Rc<Class>,
    pub none: Rc<Class>,
    pub not_implemented: Rc<Class>,
    pub ellipsis: Rc<Class>,
    pub bool_: Rc<Class>,
    pub int: Rc<Class>,
    pub float: Rc<Class>,
    pub complex: Rc<Class>,
    pub str_: Rc<Class>,
    pub bytes: Rc<Class>,
    pub list: Rc<Class>,
    pub tuple: Rc<Class>,
    pub dict: Rc<Class>,
    pub set: Rc<Class>,
    pub frozenset: Rc<Class>,
    pub range: Rc<Class>,
    pub slice: Rc<Class>,
    pub function: Rc<Class>,
    pub builtin_function: Rc<Class>,
    pub method: Rc<Class>,
    pub module: Rc<Class>,
    pub cell: Rc<Class>,
    pub generator: Rc<Class>,
    pub coroutine: Rc<Class>,
    pub async_generator: Rc<Class>,
    pub property: Rc<Class>,
    pub staticmethod: Rc<Class>,
    pub classmethod: Rc<Class>,
    pub super_: Rc<Class>,
    /// Indexed like `ExcType::ALL`.
    excs: Vec<Rc<Class>>,
    natives: HashMap<&'static str, Rc<Class>>,
    /// The native object types `class_of` found last, by the address and length of their static names: a
    /// compare each, where the map hashes the name with SipHash (about 350 instructions at "z").
    recent: RefCell<Vec<(usize, usize, Rc<Class>)>>,
}

/// How many native object types `Types::recent` remembers.
const RECENT_NATIVES: usize = 8;

/// Builds a class with the given bases; the MRO is linear because builtin hierarchies are single inheritance.
pub fn make_builtin_class(
    name: &str,
    module: &str,
    base: Option<&Rc<Class>>,
    base_kind: BaseKind,
    builtin: Option<BuiltinType>,
) -> Rc<Class> {
    let (bases, mro) = match base {
        Some(b) => {
            let mut mro = vec![b.clone()];
            mro.extend(b.mro.iter().cloned());
            (vec![b.clone()], mro)
        }
        None => (Vec::new(), Vec::new()),
    };
    Rc::new(Class {
        name: Rc::from(name),
        qualname: Rc::from(name),
        module: Rc::from(module),
        bases,
        mro,
        dict: RefCell::new(Dict::new()),
        base_kind,
        id: next_class_id(),
        builtin,
        flags: Cell::new(ClassFlags::default()),
    })
}

/// Puts native methods into a class's dict.
pub fn add_methods(class: &Rc<Class>, owner: &'static str, methods: &[(&'static str, NativeFn)]) {
    let mut d = class.dict.borrow_mut();
    for &(name, func) in methods {
        d.set_str(name, native_method(owner, name, func));
    }
}

impl Types {
    pub fn new() -> Types {
        use BuiltinType as B;
        let object = make_builtin_class("object", "builtins", None, BaseKind::Object, Some(B::Object));
        let plain =
            |name: &str, t: BuiltinType| make_builtin_class(name, "builtins", Some(&object), BaseKind::Object, Some(t));
        let data = |name: &str, t: BuiltinType| {
            make_builtin_class(name, "builtins", Some(&object), BaseKind::Wrapped(t), Some(t))
        };
        let int = data("int", B::Int);
        let bool_ = make_builtin_class("bool", "builtins", Some(&int), BaseKind::Wrapped(B::Int), Some(B::Bool));
        let mut excs: Vec<Rc<Class>> = Vec::with_capacity(ExcType::ALL.len());
        // ExcType::ALL lists every parent before its children, so each parent is already built.
        for &t in ExcType::ALL {
            let parent = if t == ExcType::BaseException {
                object.clone()
            } else {
                let p = t.parent();
                let idx = ExcType::ALL.iter().position(|&x| x == p).unwrap_or(0);
                excs.get(idx).cloned().unwrap_or_else(|| object.clone())
            };
            excs.push(make_builtin_class(
                t.name(),
                t.module(),
                Some(&parent),
                BaseKind::Exception,
                None,
            ));
        }
        // ExceptionGroup derives from both BaseExceptionGroup and Exception, as in CPython.
        let pos = |t: ExcType| ExcType::ALL.iter().position(|&x| x == t).unwrap_or(0);
        let (beg, exc) = (
            excs[pos(ExcType::BaseExceptionGroup)].clone(),
            excs[pos(ExcType::Exception)].clone(),
        );
        let mut mro = vec![beg.clone(), exc.clone()];
        mro.extend(exc.mro.iter().cloned());
        excs[pos(ExcType::ExceptionGroup)] = Rc::new(Class {
            name: Rc::from("ExceptionGroup"),
            qualname: Rc::from("ExceptionGroup"),
            module: Rc::from("builtins"),
            bases: vec![beg, exc],
            mro,
            dict: RefCell::new(Dict::new()),
            base_kind: BaseKind::Exception,
            id: next_class_id(),
            builtin: None,
            flags: Cell::new(ClassFlags::default()),
        });
        let mut types = Types {
            type_: plain("type", B::Type),
            none: plain("NoneType", B::NoneType),
            not_implemented: plain("NotImplementedType", B::NotImplementedType),
            ellipsis: plain("ellipsis", B::Ellipsis),
            bool_,
            int,
            float: data("float", B::Float),
            complex: data("complex", B::Complex),
            str_: data("str", B::Str),
            bytes: data("bytes", B::Bytes),
            list: data("list", B::List),
            tuple: data("tuple", B::Tuple),
            dict: data("dict", B::Dict),
            set: data("set", B::Set),
            frozenset: data("frozenset", B::FrozenSet),
            range: plain("range", B::Range),
            slice: plain("slice", B::Slice),
            function: plain("function", B::Function),
            builtin_function: plain("builtin_function_or_method", B::BuiltinFunction),
            method: plain("method", B::Method),
            module: plain("module", B::Module),
            cell: plain("cell", B::Cell),
            generator: plain("generator", B::Generator),
            coroutine: plain("coroutine", B::Coroutine),
            async_generator: plain("async_generator", B::AsyncGenerator),
            property: plain("property", B::Property),
            staticmethod: plain("staticmethod", B::StaticMethod),
            classmethod: plain("classmethod", B::ClassMethod),
            super_: plain("super", B::Super),
            object,
            excs,
            natives: HashMap::new(),
            recent: RefCell::new(Vec::new()),
        };
        str::install(&types);
        list::install(&types);
        tuple::install(&types);
        dict::install(&mut types);
        set::install(&types);
        num::install(&types);
        range::install(&types);
        bytes::install(&types);
        iters::install(&mut types);
        generic_alias::install(&mut types);
        bytearray::install(&mut types);
        types.register_native("frame", &[]);
        types.register_native("traceback", &[]);
        types.register_native("code", &[]);
        add_methods(
            &types.property,
            "property",
            &[
                ("setter", crate::vm::attr::property_setter),
                ("getter", crate::vm::attr::property_getter),
                ("deleter", crate::vm::attr::property_deleter),
            ],
        );
        for c in [
            &types.int,
            &types.float,
            &types.str_,
            &types.tuple,
            &types.frozenset,
            &types.bytes,
        ] {
            let owner: &'static str = match &*c.name {
                "int" => "int",
                "float" => "float",
                "str" => "str",
                "tuple" => "tuple",
                "frozenset" => "frozenset",
                _ => "bytes",
            };
            add_methods(c, owner, &[("__new__", construct::immutable_new)]);
        }
        // `x.__class__` for values whose own attribute lookup does not answer it (native objects).
        add_property(&types.object, "object", "__class__", |vm, args, _| {
            Ok(args.first().map_or(Value::None, |v| vm.type_of(v)))
        });
        // These builtin types are native objects at run time, so `type(x)` finds them by name.
        for c in [&types.property, &types.staticmethod, &types.classmethod, &types.super_] {
            let name: &'static str = match &*c.name {
                "property" => "property",
                "staticmethod" => "staticmethod",
                "classmethod" => "classmethod",
                _ => "super",
            };
            types.natives.insert(name, c.clone());
        }
        types
    }

    /// The class of a builtin type.
    pub fn get(&self, t: BuiltinType) -> Rc<Class> {
        use BuiltinType as B;
        match t {
            B::Object | B::Native => &self.object,
            B::Type => &self.type_,
            B::NoneType => &self.none,
            B::NotImplementedType => &self.not_implemented,
            B::Ellipsis => &self.ellipsis,
            B::Bool => &self.bool_,
            B::Int => &self.int,
            B::Float => &self.float,
            B::Complex => &self.complex,
            B::Str => &self.str_,
            B::Bytes => &self.bytes,
            B::List => &self.list,
            B::Tuple => &self.tuple,
            B::Dict => &self.dict,
            B::Set => &self.set,
            B::FrozenSet => &self.frozenset,
            B::Range => &self.range,
            B::Slice => &self.slice,
            B::Function => &self.function,
            B::BuiltinFunction => &self.builtin_function,
            B::Method => &self.method,
            B::Module => &self.module,
            B::Cell => &self.cell,
            B::Generator => &self.generator,
            B::Coroutine => &self.coroutine,
            B::AsyncGenerator => &self.async_generator,
            B::Property => &self.property,
            B::StaticMethod => &self.staticmethod,
            B::ClassMethod => &self.classmethod,
            B::Super => &self.super_,
            B::BaseException => return self.exc(ExcType::BaseException),
        }
        .clone()
    }

    /// The class of a builtin exception type.
    pub fn exc(&self, t: ExcType) -> Rc<Class> {
        let idx = ExcType::ALL.iter().position(|&x| x == t).unwrap_or(0);
        self.excs.get(idx).cloned().unwrap_or_else(|| self.object.clone())
    }

    /// Every builtin exception class, in `ExcType::ALL` order.
    pub fn all_excs(&self) -> impl Iterator<Item = (ExcType, &Rc<Class>)> {
        ExcType::ALL.iter().copied().zip(self.excs.iter())
    }

    /// Which builtin exception a class is, if it is one of them (not a user subclass).
    pub fn exc_type_of(&self, class: &Class) -> Option<ExcType> {
        self.all_excs().find(|(_, c)| c.id == class.id).map(|(t, _)| t)
    }

    /// Registers the class of a native object type (found by `NativeObject::type_name`), in module `builtins`.
    pub fn register_native(&mut self, name: &'static str, methods: &[(&'static str, NativeFn)]) -> Rc<Class> {
        self.register_native_in("builtins", name, methods)
    }

    /// Registers the class of a native object type defined by another module (`_asyncio.Task`...).
    pub fn register_native_in(
        &mut self,
        module: &str,
        name: &'static str,
        methods: &[(&'static str, NativeFn)],
    ) -> Rc<Class> {
        // No `builtin` type: calling the class goes through its `__new__`/`__il_call__` like a user class.
        let class = make_builtin_class(name, module, Some(&self.object), BaseKind::Object, None);
        add_methods(&class, name, methods);
        self.natives.insert(name, class.clone());
        self.recent.borrow_mut().clear();
        class
    }

    pub fn native(&self, name: &str) -> Option<Rc<Class>> {
        self.natives.get(name).cloned()
    }

    /// `native` for a native object's type name, remembered by where the name lies: a static string's
    /// address and length name its text, and the map is only looked at for a type not seen lately.
    pub fn native_of(&self, name: &'static str) -> Option<Rc<Class>> {
        let key = (name.as_ptr() as usize, name.len());
        if let Ok(recent) = self.recent.try_borrow() {
            if let Some((_, _, c)) = recent.iter().find(|(p, n, _)| (*p, *n) == key) {
                return Some(c.clone());
            }
        }
        let c = self.native(name)?;
        if let Ok(mut recent) = self.recent.try_borrow_mut() {
            if recent.len() >= RECENT_NATIVES {
                recent.remove(0);
            }
            recent.push((key.0, key.1, c.clone()));
        }
        Some(c)
    }

    /// The builtin classes that `builtins` exposes by name.
    pub fn named(&self) -> Vec<(&'static str, Rc<Class>)> {
        vec![
            ("object", self.object.clone()),
            ("type", self.type_.clone()),
            ("bool", self.bool_.clone()),
            ("int", self.int.clone()),
            ("float", self.float.clone()),
            ("complex", self.complex.clone()),
            ("str", self.str_.clone()),
            ("bytes", self.bytes.clone()),
            ("list", self.list.clone()),
            ("tuple", self.tuple.clone()),
            ("dict", self.dict.clone()),
            ("set", self.set.clone()),
            ("frozenset", self.frozenset.clone()),
            ("range", self.range.clone()),
            ("slice", self.slice.clone()),
            ("property", self.property.clone()),
            ("staticmethod", self.staticmethod.clone()),
            ("classmethod", self.classmethod.clone()),
            ("super", self.super_.clone()),
        ]
    }
}

impl Default for Types {
    fn default() -> Self {
        Types::new()
    }
}

impl Vm {
    /// A class's metaclass: `abc.ABCMeta` for `abc.ABC` and the classes under it (which is what Interleave makes
    /// of `metaclass=ABCMeta`), `type` for every other class (custom metaclasses are not supported).
    pub(crate) fn metaclass_of(&self, c: &Rc<Class>) -> Rc<Class> {
        let is_abc = |k: &Rc<Class>| &*k.name == "ABC" && &*k.module == "abc";
        if is_abc(c) || c.mro.iter().any(is_abc) {
            let meta = self.modules.get_str("abc").and_then(|m| match m {
                Value::Module(m) => m.dict.borrow().get_str("ABCMeta"),
                _ => None,
            });
            if let Some(Value::Class(meta)) = meta {
                return meta;
            }
        }
        self.types.type_.clone()
    }

    /// The class of any value: what `type(v)` returns.
    pub fn class_of(&self, v: &Value) -> Rc<Class> {
        let t = &self.types;
        match v {
            Value::None => t.none.clone(),
            Value::NotImplemented => t.not_implemented.clone(),
            Value::Ellipsis => t.ellipsis.clone(),
            Value::Bool(_) => t.bool_.clone(),
            Value::Int(_) | Value::BigInt(_) => t.int.clone(),
            Value::Float(_) => t.float.clone(),
            Value::Str(_) => t.str_.clone(),
            Value::Bytes(_) => t.bytes.clone(),
            Value::List(_) => t.list.clone(),
            Value::Tuple(_) => t.tuple.clone(),
            Value::Dict(_) => t.dict.clone(),
            Value::Set(_) => t.set.clone(),
            Value::FrozenSet(_) => t.frozenset.clone(),
            Value::Range(_) => t.range.clone(),
            Value::Slice(_) => t.slice.clone(),
            Value::Function(_) => t.function.clone(),
            Value::Native(_) => t.builtin_function.clone(),
            Value::Method(_) => t.method.clone(),
            Value::Class(c) => self.metaclass_of(c),
            Value::Instance(i) => i.class.borrow().clone(),
            Value::Module(_) => t.module.clone(),
            Value::Cell(_) => t.cell.clone(),
            Value::Code(_) | Value::Null => t.object.clone(),
            Value::Gen(g) => match g.kind {
                crate::code::CodeKind::Coroutine => t.coroutine.clone(),
                crate::code::CodeKind::AsyncGenerator => t.async_generator.clone(),
                _ => t.generator.clone(),
            },
            Value::Object(o) => t.native_of(o.type_name()).unwrap_or_else(|| t.object.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exc::Exc;

    #[test]
    fn exception_hierarchy_follows_parents() {
        let t = Types::new();
        let ki = t.exc(ExcType::KeyError);
        assert_eq!(&*ki.name, "KeyError");
        let names: Vec<&str> = ki.mro.iter().map(|c| &*c.name).collect();
        assert_eq!(names, ["LookupError", "Exception", "BaseException", "object"]);
        assert_eq!(&*t.exc(ExcType::CancelledError).module, "asyncio.exceptions");
        assert!(t.bool_.is_subclass(&t.int));
        assert!(!t.int.is_subclass(&t.bool_));
    }

    #[test]
    fn pyerr_maps_to_exc_type() {
        let e = from_pyerr(crate::pyerr::PyErr::value("bad"));
        assert!(matches!(e, Exc::Msg(ExcType::ValueError, ref m) if m == "bad"));
    }
}
