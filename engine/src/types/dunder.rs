//! The dunder methods of builtin types (`list.__getitem__`, `int.__add__`...), for explicit calls such as
//! `super().__setitem__(k, v)`; ordinary operators on builtin values never go through them.

use super::args::{self, rest, unwrap};
use super::{add_methods, ops};
use crate::ast::{BinOp, CmpOp};
use crate::exc::{Exc, PyResult};
use crate::native::{Kwargs, NativeFn};
use crate::value::{Class, Value};
use crate::vm::Vm;
use std::rc::Rc;

fn this(args: &[Value], name: &str) -> PyResult<Value> {
    match args.first() {
        Some(v) => Ok(unwrap(v)),
        None => Err(Exc::type_error(format!("descriptor '{name}' needs an argument"))),
    }
}

fn other<'a>(args: &'a [Value], name: &str) -> PyResult<&'a Value> {
    match rest(args) {
        [o] => Ok(o),
        r => Err(Exc::type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            r.len()
        ))),
    }
}

fn is_num(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_))
}

fn binary(vm: &mut Vm, args: &[Value], kw: &Kwargs, op: BinOp, reflected: bool, name: &str) -> PyResult {
    args::no_kw(name, kw)?;
    let s = this(args, name)?;
    let o = unwrap(other(args, name)?);
    if matches!(o, Value::Instance(_)) {
        return Ok(Value::NotImplemented);
    }
    let (a, b) = if reflected { (&o, &s) } else { (&s, &o) };
    if let Some(r) = ops::seq_binary(vm, op, a, b) {
        return r;
    }
    if is_num(a) && is_num(b) {
        return vm.binary(op, a, b, false);
    }
    Ok(Value::NotImplemented)
}

fn compare(vm: &mut Vm, args: &[Value], kw: &Kwargs, op: CmpOp, name: &str) -> PyResult {
    args::no_kw(name, kw)?;
    let s = this(args, name)?;
    let o = unwrap(other(args, name)?);
    if let Some(r) = ops::seq_compare(vm, op, &s, &o) {
        return r.map(Value::Bool);
    }
    if is_num(&s) && is_num(&o) {
        return vm.compare(op, &s, &o);
    }
    Ok(Value::NotImplemented)
}

macro_rules! binops {
    ($($f:ident = $op:ident, $refl:expr, $name:literal;)*) => {
        $(fn $f(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
            binary(vm, args, kw, BinOp::$op, $refl, $name)
        })*
    };
}

macro_rules! cmpops {
    ($($f:ident = $op:ident, $name:literal;)*) => {
        $(fn $f(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
            compare(vm, args, kw, CmpOp::$op, $name)
        })*
    };
}

binops! {
    add = Add, false, "__add__";
    radd = Add, true, "__radd__";
    sub = Sub, false, "__sub__";
    rsub = Sub, true, "__rsub__";
    mul = Mult, false, "__mul__";
    rmul = Mult, true, "__rmul__";
    truediv = Div, false, "__truediv__";
    rtruediv = Div, true, "__rtruediv__";
    floordiv = FloorDiv, false, "__floordiv__";
    rfloordiv = FloorDiv, true, "__rfloordiv__";
    modulo = Mod, false, "__mod__";
    rmodulo = Mod, true, "__rmod__";
    pow = Pow, false, "__pow__";
    rpow = Pow, true, "__rpow__";
    lshift = LShift, false, "__lshift__";
    rlshift = LShift, true, "__rlshift__";
    rshift = RShift, false, "__rshift__";
    rrshift = RShift, true, "__rrshift__";
    or = BitOr, false, "__or__";
    ror = BitOr, true, "__ror__";
    and = BitAnd, false, "__and__";
    rand = BitAnd, true, "__rand__";
    xor = BitXor, false, "__xor__";
    rxor = BitXor, true, "__rxor__";
}

cmpops! {
    eq = Eq, "__eq__";
    ne = NotEq, "__ne__";
    lt = Lt, "__lt__";
    le = LtE, "__le__";
    gt = Gt, "__gt__";
    ge = GtE, "__ge__";
}

fn len(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    args::noargs("__len__", rest(args), kw)?;
    let s = this(args, "__len__")?;
    Ok(Value::Int(vm.len(&s)? as i64))
}

fn iter(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    args::noargs("__iter__", rest(args), kw)?;
    let s = this(args, "__iter__")?;
    vm.iter(&s)
}

fn contains(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    args::no_kw("__contains__", kw)?;
    let s = this(args, "__contains__")?;
    let x = other(args, "__contains__")?;
    Ok(Value::Bool(vm.contains(&s, x)?))
}

fn getitem(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    args::no_kw("__getitem__", kw)?;
    let s = this(args, "__getitem__")?;
    let k = other(args, "__getitem__")?;
    vm.getitem(&s, k)
}

fn setitem(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    args::no_kw("__setitem__", kw)?;
    let s = this(args, "__setitem__")?;
    match rest(args) {
        [k, v] => {
            vm.setitem(&s, k.clone(), v.clone())?;
            Ok(Value::None)
        }
        r => Err(Exc::type_error(format!("expected 2 arguments, got {}", r.len()))),
    }
}

fn delitem(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    args::no_kw("__delitem__", kw)?;
    let s = this(args, "__delitem__")?;
    let k = other(args, "__delitem__")?;
    vm.delitem(&s, k)?;
    Ok(Value::None)
}

fn repr(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    args::noargs("__repr__", rest(args), kw)?;
    let s = this(args, "__repr__")?;
    vm.repr(&s).map(Value::Str)
}

fn str_(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    args::noargs("__str__", rest(args), kw)?;
    let s = this(args, "__str__")?;
    vm.to_str(&s).map(Value::Str)
}

fn format(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    args::no_kw("__format__", kw)?;
    let s = this(args, "__format__")?;
    let spec = other(args, "__format__")?;
    let spec = args::str_arg(spec, || {
        format!("__format__() argument must be str, not {}", vm.type_name(spec))
    })?;
    vm.format(&s, spec).map(Value::Str)
}

fn hash(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    args::noargs("__hash__", rest(args), kw)?;
    let s = this(args, "__hash__")?;
    let k = vm.hkey(s)?;
    Ok(Value::Int(super::num::py_hash(k.hash)))
}

fn bool_(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    args::noargs("__bool__", rest(args), kw)?;
    let s = this(args, "__bool__")?;
    Ok(Value::Bool(vm.truthy(&s)?))
}

fn neg(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    args::noargs("__neg__", rest(args), kw)?;
    let s = this(args, "__neg__")?;
    vm.unary(crate::ast::UnaryOp::Neg, &s)
}

fn pos(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    args::noargs("__pos__", rest(args), kw)?;
    let s = this(args, "__pos__")?;
    vm.unary(crate::ast::UnaryOp::Pos, &s)
}

fn abs(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    args::noargs("__abs__", rest(args), kw)?;
    let s = this(args, "__abs__")?;
    super::num::abs_value(vm, &s)
}

fn int(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    args::noargs("__int__", rest(args), kw)?;
    let s = this(args, "__int__")?;
    super::num::to_int(vm, &s)
}

fn float(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    args::noargs("__float__", rest(args), kw)?;
    let s = this(args, "__float__")?;
    super::num::to_float(vm, &s).map(Value::Float)
}

fn index(_vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    args::noargs("__index__", rest(args), kw)?;
    match this(args, "__index__")? {
        Value::Bool(b) => Ok(Value::Int(b as i64)),
        v => Ok(v),
    }
}

const COMPARE: &[(&str, NativeFn)] = &[
    ("__eq__", eq),
    ("__ne__", ne),
    ("__lt__", lt),
    ("__le__", le),
    ("__gt__", gt),
    ("__ge__", ge),
];

const CONTAINER: &[(&str, NativeFn)] = &[
    ("__len__", len),
    ("__iter__", iter),
    ("__contains__", contains),
    ("__repr__", repr),
];

fn put(class: &Rc<Class>, owner: &'static str, table: &[(&'static str, NativeFn)]) {
    add_methods(class, owner, table);
}

/// str, bytes and tuple: immutable sequences.
pub fn install_seq(class: &Rc<Class>, owner: &'static str) {
    put(class, owner, COMPARE);
    put(class, owner, CONTAINER);
    put(
        class,
        owner,
        &[
            ("__getitem__", getitem),
            ("__add__", add),
            ("__mul__", mul),
            ("__rmul__", rmul),
            ("__hash__", hash),
        ],
    );
    if owner == "str" {
        put(
            class,
            owner,
            &[("__str__", str_), ("__mod__", modulo), ("__format__", format)],
        );
    }
}

/// list: a mutable sequence.
pub fn install_list(class: &Rc<Class>) {
    put(class, "list", COMPARE);
    put(class, "list", CONTAINER);
    put(
        class,
        "list",
        &[
            ("__getitem__", getitem),
            ("__setitem__", setitem),
            ("__delitem__", delitem),
            ("__add__", add),
            ("__mul__", mul),
            ("__rmul__", rmul),
        ],
    );
    class.dict.borrow_mut().set_str("__hash__", Value::None);
}

/// dict.
pub fn install_dict(class: &Rc<Class>) {
    put(class, "dict", &COMPARE[..2]);
    put(class, "dict", CONTAINER);
    put(
        class,
        "dict",
        &[
            ("__getitem__", getitem),
            ("__setitem__", setitem),
            ("__delitem__", delitem),
            ("__or__", or),
            ("__ror__", ror),
        ],
    );
    class.dict.borrow_mut().set_str("__hash__", Value::None);
}

/// set and frozenset.
pub fn install_set(class: &Rc<Class>, owner: &'static str) {
    put(class, owner, COMPARE);
    put(class, owner, CONTAINER);
    put(
        class,
        owner,
        &[
            ("__or__", or),
            ("__ror__", ror),
            ("__and__", and),
            ("__rand__", rand),
            ("__sub__", sub),
            ("__rsub__", rsub),
            ("__xor__", xor),
            ("__rxor__", rxor),
        ],
    );
    if owner == "frozenset" {
        put(class, owner, &[("__hash__", hash)]);
    }
}

/// int, bool and float.
pub fn install_num(class: &Rc<Class>, owner: &'static str) {
    put(class, owner, COMPARE);
    put(
        class,
        owner,
        &[
            ("__add__", add),
            ("__radd__", radd),
            ("__sub__", sub),
            ("__rsub__", rsub),
            ("__mul__", mul),
            ("__rmul__", rmul),
            ("__truediv__", truediv),
            ("__rtruediv__", rtruediv),
            ("__floordiv__", floordiv),
            ("__rfloordiv__", rfloordiv),
            ("__mod__", modulo),
            ("__rmod__", rmodulo),
            ("__pow__", pow),
            ("__rpow__", rpow),
            ("__neg__", neg),
            ("__pos__", pos),
            ("__abs__", abs),
            ("__bool__", bool_),
            ("__int__", int),
            ("__float__", float),
            ("__hash__", hash),
            ("__repr__", repr),
            ("__format__", format),
        ],
    );
    if owner != "float" {
        put(
            class,
            owner,
            &[
                ("__index__", index),
                ("__lshift__", lshift),
                ("__rlshift__", rlshift),
                ("__rshift__", rshift),
                ("__rrshift__", rrshift),
                ("__or__", or),
                ("__ror__", ror),
                ("__and__", and),
                ("__rand__", rand),
                ("__xor__", xor),
                ("__rxor__", rxor),
            ],
        );
    }
}

/// range.
pub fn install_range(class: &Rc<Class>) {
    put(class, "range", &COMPARE[..2]);
    put(class, "range", CONTAINER);
    put(class, "range", &[("__getitem__", getitem), ("__hash__", hash)]);
}
