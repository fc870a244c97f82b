//! `bytearray`: a mutable `bytes`. Its own methods mutate; the others are `bytes` methods run on a copy,
//! whose `bytes` results come back as bytearrays.

use super::args;
use crate::exc::{Exc, PyResult};
use crate::native::{Kwargs, NativeFn, NativeObject};
use crate::value::Value;
use crate::vm::Vm;
use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

pub struct ByteArray {
    pub data: RefCell<Vec<u8>>,
}

impl ByteArray {
    pub fn value(data: Vec<u8>) -> Value {
        Value::Object(Rc::new(ByteArray {
            data: RefCell::new(data),
        }))
    }
}

impl NativeObject for ByteArray {
    fn type_name(&self) -> &'static str {
        "bytearray"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn len(&self) -> Option<usize> {
        Some(self.data.borrow().len())
    }
    fn repr(&self, _vm: &mut Vm) -> Option<PyResult<String>> {
        Some(Ok(format!(
            "bytearray({})",
            crate::pyfmt::bytes_repr(&self.data.borrow())
        )))
    }
}

/// The bytes of a bytes-like value (`bytes` or `bytearray`).
pub fn bytes_like(v: &Value) -> Option<Rc<[u8]>> {
    match args::unwrap(v) {
        Value::Bytes(b) => Some(b),
        other => other.as_native::<ByteArray>().map(|b| Rc::from(&b.data.borrow()[..])),
    }
}

fn this(a: &[Value]) -> PyResult<&ByteArray> {
    a.first()
        .and_then(|v| v.as_native::<ByteArray>())
        .ok_or_else(|| Exc::type_error("descriptor requires a 'bytearray' object"))
}

fn byte(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    match args::index_of(vm, v)? {
        Some(b) if (0..256).contains(&b) => Ok(b as u8),
        Some(_) => Err(Exc::value_error("byte must be in range(0, 256)")),
        None => Err(Exc::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))),
    }
}

/// The bytes of `bytearray(source)` / `extend(source)`: a bytes-like object or an iterable of ints.
fn bytes_of(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_like(v) {
        return Ok(b.to_vec());
    }
    if let Value::Str(_) = v {
        return Err(Exc::type_error("cannot extend bytearray with str"));
    }
    let mut out = Vec::new();
    for item in vm.collect(v)? {
        out.push(byte(vm, &item)?);
    }
    Ok(out)
}

fn new(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
    let rest = a.get(1..).unwrap_or(&[]);
    let slots = args::bind("bytearray", &["source", "encoding", "errors"], rest, k)?;
    let source = slots.first().cloned().flatten();
    let encoding = slots.get(1).cloned().flatten();
    let data = match (source, encoding) {
        (None, None) => Vec::new(),
        (Some(Value::Str(s)), Some(Value::Str(enc))) => match super::bytes::encode(&s, &enc)? {
            Value::Bytes(b) => b.to_vec(),
            _ => Vec::new(),
        },
        (Some(Value::Str(_)), _) => return Err(Exc::type_error("string argument without an encoding")),
        (_, Some(_)) => return Err(Exc::type_error("encoding without a string argument")),
        (Some(src), None) => {
            if bytes_like(&src).is_none() {
                if let Some(n) = args::index_of(vm, &src)? {
                    if n < 0 {
                        return Err(Exc::value_error("negative count"));
                    }
                    args::check_size(n as usize)?;
                    return Ok(ByteArray::value(vec![0; n as usize]));
                }
            }
            bytes_of(vm, &src)?
        }
    };
    Ok(ByteArray::value(data))
}

fn index(vm: &mut Vm, b: &ByteArray, i: &Value) -> PyResult<usize> {
    let Some(i) = args::index_of(vm, i)? else {
        return Err(Exc::type_error(format!(
            "bytearray indices must be integers or slices, not {}",
            vm.type_name(i)
        )));
    };
    let len = b.data.borrow().len();
    args::norm_index(i, len).ok_or_else(|| Exc::index_error("bytearray index out of range"))
}

fn getitem(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let b = this(a)?;
    let idx = a.get(1).cloned().unwrap_or_default();
    if let Value::Slice(_) = idx {
        let copy = Value::Bytes(Rc::from(&b.data.borrow()[..]));
        return to_bytearray(vm.getitem(&copy, &idx)?);
    }
    let i = index(vm, b, &idx)?;
    Ok(Value::Int(b.data.borrow()[i] as i64))
}

fn setitem(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let b = this(a)?;
    let idx = a.get(1).cloned().unwrap_or_default();
    let v = a.get(2).cloned().unwrap_or_default();
    if let Value::Slice(s) = &idx {
        let len = b.data.borrow().len();
        let sl = super::ops::slice_indices(vm, s, len)?;
        let new = bytes_of(vm, &v)?;
        if sl.step != 1 {
            return Err(Exc::not_implemented("extended slice assignment to a bytearray"));
        }
        let (start, stop) = (sl.start.max(0) as usize, (sl.start.max(0) as usize + sl.len).min(len));
        b.data.borrow_mut().splice(start..stop, new);
        return Ok(Value::None);
    }
    let i = index(vm, b, &idx)?;
    let x = byte(vm, &v)?;
    b.data.borrow_mut()[i] = x;
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let b = this(a)?;
    let i = index(vm, b, a.get(1).unwrap_or(&Value::None))?;
    b.data.borrow_mut().remove(i);
    Ok(Value::None)
}

fn append(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let b = this(a)?;
    let x = byte(vm, a.get(1).unwrap_or(&Value::None))?;
    b.data.borrow_mut().push(x);
    Ok(Value::None)
}

fn extend(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let b = this(a)?;
    let new = bytes_of(vm, a.get(1).unwrap_or(&Value::None))?;
    args::check_size(b.data.borrow().len() + new.len())?;
    b.data.borrow_mut().extend(new);
    Ok(Value::None)
}

fn iadd(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
    extend(vm, a, k)?;
    Ok(a[0].clone())
}

fn pop(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let b = this(a)?;
    if b.data.borrow().is_empty() {
        return Err(Exc::index_error("pop from empty bytearray"));
    }
    let i = match a.get(1) {
        Some(i) => index(vm, b, i).map_err(|_| Exc::index_error("pop index out of range"))?,
        None => b.data.borrow().len() - 1,
    };
    Ok(Value::Int(b.data.borrow_mut().remove(i) as i64))
}

fn insert(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let b = this(a)?;
    let i = args::int_arg(vm, a.get(1).unwrap_or(&Value::None))?;
    let x = byte(vm, a.get(2).unwrap_or(&Value::None))?;
    let len = b.data.borrow().len() as i64;
    let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
    b.data.borrow_mut().insert(at as usize, x);
    Ok(Value::None)
}

fn remove(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let b = this(a)?;
    let x = byte(vm, a.get(1).unwrap_or(&Value::None))?;
    let pos = b.data.borrow().iter().position(|&c| c == x);
    match pos {
        Some(i) => {
            b.data.borrow_mut().remove(i);
            Ok(Value::None)
        }
        None => Err(Exc::value_error("value not found in bytearray")),
    }
}

fn clear(_vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    this(a)?.data.borrow_mut().clear();
    Ok(Value::None)
}

fn reverse(_vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    this(a)?.data.borrow_mut().reverse();
    Ok(Value::None)
}

fn copy(_vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    Ok(ByteArray::value(this(a)?.data.borrow().clone()))
}

fn iter(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let copy = Value::Bytes(Rc::from(&this(a)?.data.borrow()[..]));
    vm.iter(&copy)
}

fn contains(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let copy = Value::Bytes(Rc::from(&this(a)?.data.borrow()[..]));
    let x = a.get(1).cloned().unwrap_or_default();
    let x = bytes_like(&x).map_or(x, Value::Bytes);
    Ok(Value::Bool(vm.contains(&copy, &x)?))
}

fn compare(vm: &mut Vm, a: &[Value], op: crate::ast::CmpOp) -> PyResult {
    let x = this(a)?.data.borrow().clone();
    let Some(y) = a.get(1).and_then(bytes_like) else {
        return Ok(Value::NotImplemented);
    };
    vm.compare(op, &Value::Bytes(Rc::from(x)), &Value::Bytes(y))
}

fn add(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let mut x = this(a)?.data.borrow().clone();
    let other = a.get(1).cloned().unwrap_or_default();
    let Some(y) = bytes_like(&other) else {
        return Err(Exc::type_error(format!(
            "can't concat {} to bytearray",
            vm.type_name(&other)
        )));
    };
    x.extend_from_slice(&y);
    args::check_size(x.len())?;
    Ok(ByteArray::value(x))
}

fn radd(_vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let y = this(a)?.data.borrow().clone();
    match a.get(1).map(args::unwrap) {
        Some(Value::Bytes(x)) => {
            let mut out = x.to_vec();
            out.extend_from_slice(&y);
            args::check_size(out.len())?;
            Ok(Value::Bytes(Rc::from(out)))
        }
        _ => Ok(Value::NotImplemented),
    }
}

fn mul(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let x = this(a)?.data.borrow().clone();
    let n = args::int_arg(vm, a.get(1).unwrap_or(&Value::None))?.max(0) as usize;
    args::check_size(x.len().saturating_mul(n))?;
    Ok(ByteArray::value(x.repeat(n)))
}

/// A `bytes` result as a bytearray; a list of them (from `split`) as a list of bytearrays.
fn to_bytearray(v: Value) -> PyResult {
    Ok(match v {
        Value::Bytes(b) => ByteArray::value(b.to_vec()),
        Value::List(l) => {
            let items: Vec<Value> = l
                .borrow()
                .iter()
                .map(|x| match x {
                    Value::Bytes(b) => ByteArray::value(b.to_vec()),
                    other => other.clone(),
                })
                .collect();
            Value::list(items)
        }
        // `partition`'s three parts.
        Value::Tuple(t) => Value::tuple(
            t.iter()
                .map(|x| match x {
                    Value::Bytes(b) => ByteArray::value(b.to_vec()),
                    other => other.clone(),
                })
                .collect(),
        ),
        other => other,
    })
}

/// Runs the `bytes` method `name` on a copy of the bytearray's contents.
fn forward(vm: &mut Vm, name: &str, a: &[Value], k: &Kwargs) -> PyResult {
    let copy = Value::Bytes(Rc::from(&this(a)?.data.borrow()[..]));
    let Some(f) = vm.types.bytes.lookup(name) else {
        return Err(Exc::attribute_error(format!(
            "'bytearray' object has no attribute '{name}'"
        )));
    };
    let mut args = vec![copy];
    for v in &a[1..] {
        args.push(bytes_like(v).map_or_else(|| v.clone(), Value::Bytes));
    }
    let r = vm.call_kw(&f, args, k.clone())?;
    if matches!(name, "decode" | "hex") {
        return Ok(r);
    }
    to_bytearray(r)
}

macro_rules! forwarders {
    ($($f:ident => $name:literal),* $(,)?) => {
        $(fn $f(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
            forward(vm, $name, a, k)
        })*
        const FORWARDED: &[(&str, NativeFn)] = &[$(($name, $f)),*];
    };
}

forwarders!(
    f_decode => "decode", f_hex => "hex", f_upper => "upper", f_lower => "lower", f_isdigit => "isdigit",
    f_isalpha => "isalpha", f_isspace => "isspace", f_strip => "strip", f_lstrip => "lstrip",
    f_rstrip => "rstrip", f_split => "split", f_join => "join", f_find => "find", f_rfind => "rfind",
    f_index => "index", f_rindex => "rindex", f_count => "count", f_startswith => "startswith",
    f_endswith => "endswith", f_replace => "replace", f_partition => "partition", f_rpartition => "rpartition",
);

pub fn install(t: &mut super::Types) {
    let mut methods: Vec<(&'static str, NativeFn)> = vec![
        ("__new__", new),
        ("__getitem__", getitem),
        ("__setitem__", setitem),
        ("__delitem__", delitem),
        ("__iter__", iter),
        ("__contains__", contains),
        ("__eq__", |vm, a, _| compare(vm, a, crate::ast::CmpOp::Eq)),
        ("__ne__", |vm, a, _| compare(vm, a, crate::ast::CmpOp::NotEq)),
        ("__lt__", |vm, a, _| compare(vm, a, crate::ast::CmpOp::Lt)),
        ("__le__", |vm, a, _| compare(vm, a, crate::ast::CmpOp::LtE)),
        ("__gt__", |vm, a, _| compare(vm, a, crate::ast::CmpOp::Gt)),
        ("__ge__", |vm, a, _| compare(vm, a, crate::ast::CmpOp::GtE)),
        ("__add__", add),
        ("__radd__", radd),
        ("__iadd__", iadd),
        ("__mul__", mul),
        ("append", append),
        ("extend", extend),
        ("pop", pop),
        ("insert", insert),
        ("remove", remove),
        ("clear", clear),
        ("reverse", reverse),
        ("copy", copy),
    ];
    methods.extend_from_slice(FORWARDED);
    let cls = t.register_native("bytearray", &methods);
    cls.dict.borrow_mut().set_str("__hash__", Value::None);
}
