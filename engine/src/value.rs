//! Python values: the `Value` enum, and the heap objects it points to (functions, classes, instances, containers).

use crate::code::Code;
use crate::dict::{Dict, Set};
use crate::exc::ExcData;
use num_bigint::BigInt;
use std::cell::{Cell, RefCell};
use std::fmt;
use std::rc::Rc;

pub type Str = Rc<str>;

/// A Python value: 24 bytes (a tag and at most a fat `Rc`), cheap to clone (small values inline, the rest behind
/// `Rc`).
#[derive(Clone, Default)]
pub enum Value {
    #[default]
    None,
    /// `NotImplemented`, returned by binary dunders that give up.
    NotImplemented,
    Ellipsis,
    Bool(bool),
    Int(i64),
    /// Only for values outside `i64`: every operation normalises back to `Int` when it fits.
    BigInt(Rc<BigInt>),
    Float(f64),
    Str(Str),
    Bytes(Rc<[u8]>),
    List(Rc<ListCell>),
    Tuple(Rc<TupleData>),
    Dict(Rc<RefCell<Dict>>),
    Set(Rc<RefCell<Set>>),
    FrozenSet(Rc<Set>),
    Range(Rc<RangeObj>),
    Slice(Rc<[Value; 3]>),
    Function(Rc<Function>),
    /// A native function or a native method looked up on its type (the receiver comes first in args).
    Native(Rc<NativeFunc>),
    /// `obj.method` bound to its receiver.
    Method(Rc<(Value, Value)>),
    Class(Rc<Class>),
    Instance(Rc<Instance>),
    Module(Rc<Module>),
    Cell(Rc<RefCell<Value>>),
    /// A compiled code object (a constant of `MakeFunction`).
    Code(Rc<Code>),
    /// Internal: an empty stack slot left by `LoadMethod`; never visible to Python code.
    Null,
    /// Generators, coroutines and async generators.
    Gen(Rc<crate::vm::gen::Generator>),
    /// Native objects with state: iterators, futures, tasks, deques, loops and the like.
    Object(Rc<dyn crate::native::NativeObject>),
}

/// A list's items. Dropping one frees nested containers iteratively (see [`bury`]), so a list nested a
/// hundred thousand deep does not overflow the stack when it goes.
pub struct ListCell(RefCell<Vec<Value>>);

impl ListCell {
    pub fn new(items: Vec<Value>) -> ListCell {
        ListCell(RefCell::new(items))
    }
}

impl std::ops::Deref for ListCell {
    type Target = RefCell<Vec<Value>>;
    fn deref(&self) -> &RefCell<Vec<Value>> {
        &self.0
    }
}

impl Drop for ListCell {
    fn drop(&mut self) {
        bury(std::mem::take(self.0.get_mut()));
    }
}

/// A tuple's items; dropped like [`ListCell`].
#[derive(Debug)]
pub struct TupleData(Box<[Value]>);

impl std::ops::Deref for TupleData {
    type Target = [Value];
    fn deref(&self) -> &[Value] {
        &self.0
    }
}

impl From<Vec<Value>> for TupleData {
    fn from(v: Vec<Value>) -> TupleData {
        TupleData(v.into_boxed_slice())
    }
}

impl From<&[Value]> for TupleData {
    fn from(v: &[Value]) -> TupleData {
        TupleData(v.to_vec().into_boxed_slice())
    }
}

impl Drop for TupleData {
    fn drop(&mut self) {
        bury(std::mem::take(&mut self.0).into_vec());
    }
}

thread_local! {
    static GRAVE: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
    static DIGGING: Cell<bool> = const { Cell::new(false) };
}

/// Drops values that may hold containers without recursing: nested containers are queued and freed
/// one at a time by the outermost call (CPython's "trashcan" does the same job).
pub fn bury(items: impl IntoIterator<Item = Value>) {
    let mut nested = false;
    for v in items {
        match v {
            Value::List(_)
            | Value::Tuple(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::FrozenSet(_)
            | Value::Instance(_) => {
                GRAVE.with(|g| g.borrow_mut().push(v));
                nested = true;
            }
            other => drop(other),
        }
    }
    if !nested || DIGGING.with(|d| d.get()) {
        return;
    }
    DIGGING.with(|d| d.set(true));
    while let Some(v) = GRAVE.with(|g| g.borrow_mut().pop()) {
        drop(v);
    }
    DIGGING.with(|d| d.set(false));
}

pub struct RangeObj {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl RangeObj {
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn len(&self) -> i64 {
        let (start, stop, step) = (self.start as i128, self.stop as i128, self.step as i128);
        let n = if step > 0 && start < stop {
            (stop - start - 1) / step + 1
        } else if step < 0 && start > stop {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        };
        n.min(i64::MAX as i128) as i64
    }

    pub fn get(&self, i: i64) -> i64 {
        self.start.wrapping_add(i.wrapping_mul(self.step))
    }
}

/// A native function: a Rust fn with a Python name.
pub struct NativeFunc {
    pub name: &'static str,
    /// The type it is a method of, for `repr` (`<method 'append' of 'list' objects>`).
    pub owner: Option<&'static str>,
    pub func: crate::native::NativeFn,
    /// A bound first argument (for natives made at run time, e.g. `functools.partial` helpers).
    pub bound: Option<Value>,
    /// Whether calls whose iterable runs Python code go to a hidden Python helper (see `vm/defer.rs`).
    pub defer: Deferral,
}

/// The builtins that consume a whole iterable and, when iterating it runs Python code (a generator, a
/// class's `__iter__`, `map` with a lambda), hand the loop to a Python helper that the budget can pause.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Deferral {
    Never,
    Sum,
    Min,
    Max,
    Sorted,
    Any,
    All,
    /// `str.join`
    Join,
    /// `list.extend`
    Extend,
    /// `next(it)` of a generator or an instance with a Python `__next__`
    Next,
}

impl Deferral {
    /// The deferral of the builtin function or method `name` (`owner` is its type for a method).
    pub fn of(owner: Option<&str>, name: &str) -> Deferral {
        match (owner, name) {
            (None, "sum") => Deferral::Sum,
            (None, "min") => Deferral::Min,
            (None, "max") => Deferral::Max,
            (None, "sorted") => Deferral::Sorted,
            (None, "any") => Deferral::Any,
            (None, "all") => Deferral::All,
            (None, "next") => Deferral::Next,
            (Some("str"), "join") => Deferral::Join,
            (Some("list"), "extend") => Deferral::Extend,
            _ => Deferral::Never,
        }
    }
}

/// A Python function: code plus what it closed over.
pub struct Function {
    pub code: Rc<Code>,
    pub name: RefCell<Str>,
    pub qualname: RefCell<Str>,
    pub globals: Rc<RefCell<Dict>>,
    pub defaults: Vec<Value>,
    pub kwdefaults: Vec<(Str, Value)>,
    pub closure: Vec<Rc<RefCell<Value>>>,
    /// `__dict__`: attributes set on the function (`functools.wraps` copies some).
    pub attrs: RefCell<Dict>,
    pub doc: Value,
    pub module: Str,
}

/// A class: user-defined, or one of the builtin types (which carry native method tables).
pub struct Class {
    pub name: Str,
    pub qualname: Str,
    pub module: Str,
    pub bases: Vec<Rc<Class>>,
    /// The ancestors in method resolution order, without this class itself.
    pub mro: Vec<Rc<Class>>,
    pub dict: RefCell<Dict>,
    /// Which builtin type's layout instances have (an exception, a plain object, a dict subclass...).
    pub base_kind: BaseKind,
    pub id: usize,
    /// Set for classes whose instances are never made with `Instance` (int, str, list, ...).
    pub builtin: Option<BuiltinType>,
    /// `__slots__`-free classes whose behaviour is affected by flags computed at creation.
    pub flags: Cell<ClassFlags>,
}

#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct ClassFlags {
    pub has_getattr: bool,
    pub has_setattr: bool,
    pub has_eq: bool,
    pub has_hash: bool,
    pub is_enum: bool,
    /// The class or an ancestor may hold a data descriptor (a property, or an object with `__set__` or
    /// `__delete__`), which takes precedence over the instance dict; without one, lookups try the dict first.
    pub has_descriptors: bool,
    /// Instances have no `__dict__`: the class and every ancestor but `object` define `__slots__` (without
    /// `"__dict__"`), so only slot names can be assigned (they still live in `Instance::dict`).
    pub no_dict: bool,
}

/// The layout an instance of a class needs, inherited from its builtin ancestor.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BaseKind {
    Object,
    Exception,
    /// A subclass of a builtin container or scalar: the instance wraps a builtin value.
    Wrapped(BuiltinType),
}

/// The builtin types that have their own `Class` object.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum BuiltinType {
    Object,
    Type,
    NoneType,
    NotImplementedType,
    Ellipsis,
    Bool,
    Int,
    Float,
    Complex,
    Str,
    Bytes,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    Function,
    BuiltinFunction,
    Method,
    Module,
    Cell,
    Generator,
    Coroutine,
    AsyncGenerator,
    Property,
    StaticMethod,
    ClassMethod,
    Super,
    BaseException,
    Native,
}

/// An instance of a user-defined class.
pub struct Instance {
    /// Creation order within the run: the default hash, so sets of objects iterate the same way every run.
    pub serial: u64,
    pub class: RefCell<Rc<Class>>,
    /// Shared with `obj.__dict__`, which is live as in CPython.
    pub dict: Rc<RefCell<Dict>>,
    /// Set when the class derives from a builtin exception.
    pub exc: Option<RefCell<ExcData>>,
    /// The wrapped builtin value of a subclass of a builtin type (`class Foo(dict)`).
    pub wrapped: RefCell<Value>,
    /// For an instance with a user `__eq__` used as a key: the serial of the first equal instance used as a key
    /// (0 before), so that keys compare equal in dicts and sets (`dict::key_eq`) while each container keeps
    /// the key object put in it. Set by `Vm::hkey`.
    pub eq_class: Cell<u64>,
}

pub struct Module {
    pub name: Str,
    pub dict: Rc<RefCell<Dict>>,
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::from(s))
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(ListCell::new(items)))
    }

    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Rc::new(TupleData::from(items)))
    }

    pub fn dict(d: Dict) -> Value {
        Value::Dict(Rc::new(RefCell::new(d)))
    }

    pub fn from_bigint(b: BigInt) -> Value {
        use num_traits::ToPrimitive;
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::BigInt(Rc::new(b)),
        }
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// Identity, as `is` sees it.
    pub fn is(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (None, None) | (NotImplemented, NotImplemented) | (Ellipsis, Ellipsis) => true,
            (Bool(a), Bool(b)) => a == b,
            // Small ints are cached in CPython; equal ints of any size compare `is`-equal here,
            // which only differs from CPython for large ints that programs should not compare with `is`.
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (Str(a), Str(b)) => Rc::ptr_eq(a, b) || (a.len() <= 1 && a == b),
            _ => match (self.ptr(), other.ptr()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
        }
    }

    /// The address of the heap object behind the value, for identity and `id()`.
    pub fn ptr(&self) -> Option<usize> {
        use Value::*;
        Some(match self {
            BigInt(r) => Rc::as_ptr(r) as *const u8 as usize,
            Str(r) => Rc::as_ptr(r) as *const u8 as usize,
            Bytes(r) => Rc::as_ptr(r) as *const u8 as usize,
            List(r) => Rc::as_ptr(r) as *const u8 as usize,
            Tuple(r) => Rc::as_ptr(r) as *const u8 as usize,
            Dict(r) => Rc::as_ptr(r) as *const u8 as usize,
            Set(r) => Rc::as_ptr(r) as *const u8 as usize,
            FrozenSet(r) => Rc::as_ptr(r) as *const u8 as usize,
            Range(r) => Rc::as_ptr(r) as *const u8 as usize,
            Slice(r) => Rc::as_ptr(r) as *const u8 as usize,
            Function(r) => Rc::as_ptr(r) as *const u8 as usize,
            Native(r) => Rc::as_ptr(r) as *const u8 as usize,
            Method(r) => Rc::as_ptr(r) as *const u8 as usize,
            Class(r) => Rc::as_ptr(r) as *const u8 as usize,
            Instance(r) => Rc::as_ptr(r) as *const u8 as usize,
            Module(r) => Rc::as_ptr(r) as *const u8 as usize,
            Cell(r) => Rc::as_ptr(r) as *const u8 as usize,
            Code(r) => Rc::as_ptr(r) as *const u8 as usize,
            Gen(r) => Rc::as_ptr(r) as *const u8 as usize,
            Object(r) => Rc::as_ptr(r) as *const u8 as usize,
            _ => return Option::None,
        })
    }

    pub fn as_instance(&self) -> Option<&Rc<Instance>> {
        match self {
            Value::Instance(i) => Some(i),
            _ => None,
        }
    }

    pub fn as_native<T: 'static>(&self) -> Option<&T> {
        match self {
            Value::Object(o) => o.as_any().downcast_ref::<T>(),
            _ => None,
        }
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::None => write!(f, "None"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(i) => write!(f, "{i}"),
            Value::BigInt(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{x:?}"),
            Value::Str(s) => write!(f, "{s:?}"),
            Value::List(l) => f.debug_list().entries(l.borrow().iter()).finish(),
            Value::Tuple(t) => f.debug_tuple("").field(&t).finish(),
            Value::Class(c) => write!(f, "<class {}>", c.name),
            Value::Function(func) => write!(f, "<function {}>", func.name.borrow()),
            Value::Native(n) => write!(f, "<native {}>", n.name),
            Value::Object(o) => write!(f, "<{}>", o.type_name()),
            _ => write!(f, "<value>"),
        }
    }
}

impl Class {
    pub fn is_subclass(&self, other: &Class) -> bool {
        self.id == other.id || self.mro.iter().any(|c| c.id == other.id)
    }

    /// Looks a name up along the MRO.
    pub fn lookup(&self, name: &str) -> Option<Value> {
        self.lookup_hashed(name, crate::dict::hash_str(name))
    }

    /// `lookup` with the name's hash already known (names in code objects carry theirs).
    pub fn lookup_hashed(&self, name: &str, hash: u64) -> Option<Value> {
        if let Some(v) = self.dict.borrow().get_hashed(name, hash) {
            return Some(v.clone());
        }
        for c in self.mro.iter() {
            if let Some(v) = c.dict.borrow().get_hashed(name, hash) {
                return Some(v.clone());
            }
        }
        None
    }
}
