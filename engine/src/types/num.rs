//! `int`, `bool` and `float`: construction from strings and numbers, their methods, and numeric helpers.

use super::args::{self, noargs, rest};
use super::{add_methods, dunder, from_pyerr, native_method, Types};
use crate::exc::{Exc, PyResult};
use crate::native::Kwargs;
use crate::pynum::Num;
use crate::value::{BaseKind, BuiltinType, Value};
use crate::vm::Vm;
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{Signed, Zero};
use std::rc::Rc;

/// A hash as Python shows it: CPython's hashes are signed machine words.
pub fn py_hash(h: u64) -> i64 {
    h as i64
}

/// A builtin number as a `Num` (bools count as ints).
pub fn num_of(v: &Value) -> Option<Num> {
    match v {
        Value::Int(i) => Some(Num::Int(*i)),
        Value::Bool(b) => Some(Num::Int(*b as i64)),
        Value::BigInt(b) => Some(Num::Big((**b).clone())),
        Value::Float(f) => Some(Num::Float(*f)),
        _ => None,
    }
}

pub fn num_value(n: Num) -> Value {
    match n {
        Num::Int(i) => Value::Int(i),
        Num::Big(b) => Value::from_bigint(b),
        Num::Float(f) => Value::Float(f),
    }
}

/// An int value (not a float) as a BigInt.
pub fn to_bigint(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

/// The builtin value inside an instance of a subclass of int or float.
fn wrapped_num(v: &Value) -> Option<Value> {
    if let Value::Instance(i) = v {
        if let BaseKind::Wrapped(BuiltinType::Int | BuiltinType::Float | BuiltinType::Bool) = i.class.borrow().base_kind
        {
            return Some(i.wrapped.borrow().clone());
        }
    }
    None
}

/// Calls a dunder of an instance's class, if it has one.
fn call_dunder(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    if !matches!(v, Value::Instance(_)) {
        return Ok(None);
    }
    match vm.class_of(v).lookup(name) {
        Some(f) if !matches!(f, Value::Native(_)) => vm.call(&f, vec![v.clone()]).map(Some),
        _ => Ok(None),
    }
}

/// `abs(x)`.
pub fn abs_value(vm: &mut Vm, v: &Value) -> PyResult {
    if let Some(n) = num_of(v) {
        return Ok(num_value(crate::pynum::abs(&n)));
    }
    if let Some(r) = call_dunder(vm, v, "__abs__")? {
        return Ok(r);
    }
    if let Some(w) = wrapped_num(v) {
        return abs_value(vm, &w);
    }
    Err(Exc::type_error(format!(
        "bad operand type for abs(): '{}'",
        vm.type_name(v)
    )))
}

/// `round(x, ndigits)`.
pub fn round_value(vm: &mut Vm, x: &Value, ndigits: Option<&Value>) -> PyResult {
    let nd = match ndigits {
        None => None,
        Some(v) => Some(match v {
            Value::BigInt(b) => crate::pyconv::saturating_i64(&Num::Big((**b).clone())),
            _ => args::int_arg(vm, v)?,
        }),
    };
    match num_of(x) {
        Some(Num::Float(f)) => crate::pyconv::round_float(f, nd).map(num_value).map_err(from_pyerr),
        Some(n) => match nd {
            None => Ok(num_value(n)),
            Some(k) => crate::pyconv::round_int(&n, k).map(num_value).map_err(from_pyerr),
        },
        None => {
            if let Value::Instance(_) = x {
                if let Some(f) = vm.class_of(x).lookup("__round__") {
                    if !matches!(f, Value::Native(_)) {
                        let mut a = vec![x.clone()];
                        a.extend(ndigits.cloned());
                        return vm.call(&f, a);
                    }
                }
            }
            if let Some(w) = wrapped_num(x) {
                return round_value(vm, &w, ndigits);
            }
            Err(Exc::type_error(format!(
                "type {} doesn't define __round__ method",
                vm.type_name(x)
            )))
        }
    }
}

/// `int(x)` of a number or of an object with `__int__`/`__index__`/`__trunc__`.
pub fn to_int(vm: &mut Vm, v: &Value) -> PyResult {
    match num_of(v) {
        Some(Num::Float(f)) => crate::pynum::float_to_int(f).map(num_value).map_err(from_pyerr),
        Some(n) => Ok(num_value(n)),
        None => {
            for name in ["__int__", "__index__", "__trunc__"] {
                if let Some(r) = call_dunder(vm, v, name)? {
                    return match r {
                        Value::Int(_) | Value::BigInt(_) => Ok(r),
                        Value::Bool(b) => Ok(Value::Int(b as i64)),
                        other => Err(Exc::type_error(format!(
                            "{name} returned non-int (type {})",
                            vm.type_name(&other)
                        ))),
                    };
                }
            }
            if let Some(w) = wrapped_num(v) {
                return to_int(vm, &w);
            }
            Err(Exc::type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                vm.type_name(v)
            )))
        }
    }
}

/// `float(x)` of a number or of an object with `__float__`/`__index__`.
pub fn to_float(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(n) = num_of(v) {
        return crate::pynum::to_f64(&n).map_err(from_pyerr);
    }
    if let Some(r) = call_dunder(vm, v, "__float__")? {
        return match r {
            Value::Float(f) => Ok(f),
            other => Err(Exc::type_error(format!(
                "{}.__float__ returned non-float (type {})",
                vm.type_name(v),
                vm.type_name(&other)
            ))),
        };
    }
    if let Some(r) = call_dunder(vm, v, "__index__")? {
        if let Some(n) = num_of(&r).filter(|n| n.is_int()) {
            return crate::pynum::to_f64(&n).map_err(from_pyerr);
        }
    }
    if let Some(w) = wrapped_num(v) {
        return to_float(vm, &w);
    }
    Err(Exc::type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        vm.type_name(v)
    )))
}

/// The text of a str or bytes argument to `int()`/`float()`.
fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::Str(s) => Some(s.to_string()),
        Value::Bytes(b) => Some(String::from_utf8_lossy(b).into_owned()),
        Value::Instance(i) => match &*i.wrapped.borrow() {
            Value::Str(s) => Some(s.to_string()),
            _ => None,
        },
        _ => None,
    }
}

/// `int(x=0, base=10)`.
pub fn new_int(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult {
    if a.len() > 2 {
        return Err(Exc::type_error(format!(
            "int() takes at most 2 arguments ({} given)",
            a.len() + kw.len()
        )));
    }
    let slots = args::bind_kw("int", &["x", "base"], a.len(), kw)?;
    if slots.first().is_some_and(Option::is_some) {
        return Err(Exc::type_error("'x' is an invalid keyword argument for int()"));
    }
    let base = a.get(1).cloned().or_else(|| slots.get(1).cloned().flatten());
    let Some(x) = a.first() else {
        if base.is_some() {
            return Err(Exc::type_error("int() missing string argument"));
        }
        return Ok(Value::Int(0));
    };
    match base {
        Some(b) => {
            let b = args::int_arg(vm, &b)?;
            match text_of(x) {
                Some(s) => crate::pyconv::int_from_str(&s, b).map(num_value).map_err(from_pyerr),
                None => Err(Exc::type_error("int() can't convert non-string with explicit base")),
            }
        }
        None => match text_of(x) {
            Some(s) => crate::pyconv::int_from_str(&s, 10).map(num_value).map_err(from_pyerr),
            None => to_int(vm, x),
        },
    }
}

/// `float(x=0.0)`.
pub fn new_float(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult {
    args::no_kw("float", kw)?;
    args::expect("float", a, 0, 1)?;
    let Some(x) = a.first() else {
        return Ok(Value::Float(0.0));
    };
    match text_of(x) {
        Some(s) => crate::pyconv::float_from_str(&s).map(Value::Float).map_err(from_pyerr),
        None => to_float(vm, x).map(Value::Float),
    }
}

fn this_int(vm: &Vm, name: &str, args: &[Value]) -> PyResult<Num> {
    let v = args::recv(vm, "int", name, args, |v| {
        matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
    })?;
    num_of(&v).ok_or_else(|| Exc::type_error("expected an int"))
}

fn this_float(vm: &Vm, name: &str, args: &[Value]) -> PyResult<f64> {
    match args::recv(vm, "float", name, args, |v| matches!(v, Value::Float(_)))? {
        Value::Float(f) => Ok(f),
        _ => Err(Exc::type_error("expected a float")),
    }
}

fn bit_length(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let n = this_int(vm, "bit_length", args)?;
    noargs("int.bit_length", rest(args), kw)?;
    Ok(Value::Int(crate::pynum::bit_length(&n) as i64))
}

fn bit_count(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let n = this_int(vm, "bit_count", args)?;
    noargs("int.bit_count", rest(args), kw)?;
    let b = n.to_bigint().unwrap_or_default();
    let ones: u64 = b
        .magnitude()
        .to_u64_digits()
        .iter()
        .map(|d| d.count_ones() as u64)
        .sum();
    Ok(Value::Int(ones as i64))
}

fn int_self(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let n = this_int(vm, "conjugate", args)?;
    noargs("int.conjugate", rest(args), kw)?;
    Ok(num_value(n))
}

fn int_ratio(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let n = this_int(vm, "as_integer_ratio", args)?;
    noargs("int.as_integer_ratio", rest(args), kw)?;
    Ok(Value::tuple(vec![num_value(n), Value::Int(1)]))
}

fn byteorder(v: Option<Value>) -> PyResult<bool> {
    match v {
        None => Ok(true),
        Some(Value::Str(s)) if &*s == "big" => Ok(true),
        Some(Value::Str(s)) if &*s == "little" => Ok(false),
        Some(Value::Str(_)) => Err(Exc::value_error("byteorder must be either 'little' or 'big'")),
        Some(_) => Err(Exc::type_error("to_bytes() argument 'byteorder' must be str")),
    }
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn to_bytes(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let n = this_int(vm, "to_bytes", args)?;
    let slots = args::bind("to_bytes", &["length", "byteorder", "signed"], rest(args), kw)?;
    let length = match slots.first().cloned().flatten() {
        Some(v) => args::int_arg(vm, &v)?,
        None => 1,
    };
    if length < 0 {
        return Err(Exc::value_error("length argument must be non-negative"));
    }
    args::check_str_size(length as usize)?;
    let big = byteorder(slots.get(1).cloned().flatten())?;
    let signed = match slots.get(2).cloned().flatten() {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    let b = n.to_bigint().unwrap_or_default();
    if !signed && b.is_negative() {
        return Err(Exc::overflow("can't convert negative int to unsigned"));
    }
    let len = length as usize;
    // The value must fit in `length` bytes: below 2**(8*length), or in the signed range when `signed`.
    let bits = 8 * len as u64;
    let fits = if !signed {
        b.bits() <= bits
    } else if b.is_negative() {
        // -(2**(bits-1)) is the most negative value that fits.
        (-&b - 1u32).bits() < bits.max(1)
    } else {
        b.bits() < bits
    };
    if !fits {
        return Err(Exc::overflow("int too big to convert"));
    }
    let fill = if b.is_negative() { 0xff } else { 0 };
    let mut bytes = if b.is_zero() {
        Vec::new()
    } else if signed {
        b.to_signed_bytes_le()
    } else {
        b.to_bytes_le().1
    };
    bytes.truncate(len);
    bytes.resize(length as usize, fill);
    if big {
        bytes.reverse();
    }
    Ok(Value::Bytes(Rc::from(bytes)))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`, a classmethod.
fn from_bytes(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let slots = args::bind("from_bytes", &["bytes", "byteorder", "signed"], rest(args), kw)?;
    let Some(src) = slots.first().cloned().flatten() else {
        return Err(Exc::type_error(
            "from_bytes() missing required argument 'bytes' (pos 1)",
        ));
    };
    let mut bytes: Vec<u8> = match &src {
        Value::Bytes(b) => b.to_vec(),
        other => match super::bytes::new_bytes(vm, std::slice::from_ref(other), &Vec::new())? {
            Value::Bytes(b) => b.to_vec(),
            _ => Vec::new(),
        },
    };
    let big = byteorder(slots.get(1).cloned().flatten())?;
    let signed = match slots.get(2).cloned().flatten() {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    if big {
        bytes.reverse();
    }
    let n = if signed {
        BigInt::from_signed_bytes_le(&bytes)
    } else {
        BigInt::from_bytes_le(Sign::Plus, &bytes)
    };
    Ok(Value::from_bigint(n))
}

fn is_integer(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let f = this_float(vm, "is_integer", args)?;
    noargs("float.is_integer", rest(args), kw)?;
    Ok(Value::Bool(crate::pynum::float_is_integer(f)))
}

fn float_self(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let f = this_float(vm, "conjugate", args)?;
    noargs("float.conjugate", rest(args), kw)?;
    Ok(Value::Float(f))
}

/// `float.as_integer_ratio()`: the exact value as a fraction in lowest terms.
fn float_ratio(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let f = this_float(vm, "as_integer_ratio", args)?;
    noargs("float.as_integer_ratio", rest(args), kw)?;
    if f.is_nan() {
        return Err(Exc::value_error("cannot convert NaN to integer ratio"));
    }
    if f.is_infinite() {
        return Err(Exc::overflow("cannot convert Infinity to integer ratio"));
    }
    let (num, den) = exact_ratio(f);
    Ok(Value::tuple(vec![Value::from_bigint(num), Value::from_bigint(den)]))
}

/// A finite float as `num / den` in lowest terms with `den > 0`.
pub fn exact_ratio(f: f64) -> (BigInt, BigInt) {
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp - 1075)
    };
    let mut num = BigInt::from(m);
    let mut den = BigInt::from(1);
    if e >= 0 {
        num <<= e as u64;
    } else {
        den <<= (-e) as u64;
    }
    let g = num.gcd(&den);
    if !g.is_zero() {
        num /= &g;
        den /= &g;
    }
    if f < 0.0 {
        num = -num;
    }
    (num, den)
}

pub fn install(t: &Types) {
    let int_methods: &[(&'static str, crate::native::NativeFn)] = &[
        ("bit_length", bit_length),
        ("bit_count", bit_count),
        ("conjugate", int_self),
        ("as_integer_ratio", int_ratio),
        ("to_bytes", to_bytes),
    ];
    add_methods(&t.int, "int", int_methods);
    let fb = native_method("int", "from_bytes", from_bytes);
    t.int
        .dict
        .borrow_mut()
        .set_str("from_bytes", Value::Object(Rc::new(crate::vm::attr::ClassMethod(fb))));
    dunder::install_num(&t.int, "int");
    dunder::install_num(&t.bool_, "bool");
    add_methods(
        &t.float,
        "float",
        &[
            ("is_integer", is_integer),
            ("conjugate", float_self),
            ("as_integer_ratio", float_ratio),
        ],
    );
    dunder::install_num(&t.float, "float");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_ratio_is_in_lowest_terms() {
        assert_eq!(exact_ratio(1.5), (BigInt::from(3), BigInt::from(2)));
        assert_eq!(exact_ratio(-0.75), (BigInt::from(-3), BigInt::from(4)));
        assert_eq!(exact_ratio(0.0), (BigInt::from(0), BigInt::from(1)));
        assert_eq!(exact_ratio(8.0), (BigInt::from(8), BigInt::from(1)));
    }
}
