//! Numeric builtins: `abs`, `round`, `divmod`, `pow`, and the conversions `chr`, `ord`, `hex`, `oct`, `bin`.

use crate::ast::BinOp;
use crate::exc::{Exc, PyResult};
use crate::native::Kwargs;
use crate::types::args::{self, one};
use crate::types::num;
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, Zero};

pub fn abs(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let v = one("abs", args, kw)?;
    num::abs_value(vm, v)
}

pub fn round(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let slots = args::bind("round", &["number", "ndigits"], args, kw)?;
    let Some(x) = slots.first().cloned().flatten() else {
        return Err(Exc::type_error("round() missing required argument 'number' (pos 1)"));
    };
    let nd = slots.get(1).cloned().flatten().filter(|v| !v.is_none());
    num::round_value(vm, &x, nd.as_ref())
}

fn is_num(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_))
}

pub fn divmod(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    args::no_kw("divmod", kw)?;
    args::expect("divmod", args, 2, 2)?;
    let (a, b) = (&args[0], &args[1]);
    if is_num(a) && is_num(b) {
        let q = vm.binary(BinOp::FloorDiv, a, b, false)?;
        let r = vm.binary(BinOp::Mod, a, b, false)?;
        return Ok(Value::tuple(vec![q, r]));
    }
    for (x, y, name) in [(a, b, "__divmod__"), (b, a, "__rdivmod__")] {
        if let Value::Instance(_) = x {
            if let Some(f) = vm.class_of(x).lookup(name) {
                let r = vm.call(&f, vec![x.clone(), y.clone()])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
    }
    Err(Exc::type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        vm.type_name(a),
        vm.type_name(b)
    )))
}

pub fn pow(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let slots = args::bind("pow", &["base", "exp", "mod"], args, kw)?;
    let Some(base) = slots.first().cloned().flatten() else {
        return Err(Exc::type_error("pow() missing required argument 'base' (pos 1)"));
    };
    let Some(exp) = slots.get(1).cloned().flatten() else {
        return Err(Exc::type_error("pow() missing required argument 'exp' (pos 2)"));
    };
    let modulus = slots.get(2).cloned().flatten().filter(|v| !v.is_none());
    let Some(m) = modulus else {
        return vm.binary(BinOp::Pow, &base, &exp, false);
    };
    let (Some(b), Some(e), Some(m)) = (num::to_bigint(&base), num::to_bigint(&exp), num::to_bigint(&m)) else {
        if let (Value::Instance(_), false) = (&base, is_num(&base)) {
            if let Some(f) = vm.class_of(&base).lookup("__pow__") {
                return vm.call(&f, vec![base.clone(), exp, m]);
            }
        }
        return Err(Exc::type_error(
            "pow() 3rd argument not allowed unless all arguments are integers",
        ));
    };
    mod_pow(&b, &e, &m).map(Value::from_bigint)
}

/// `pow(b, e, m)` for ints, with Python's sign rules and modular inverses for negative exponents.
pub fn mod_pow(b: &BigInt, e: &BigInt, m: &BigInt) -> PyResult<BigInt> {
    if m.is_zero() {
        return Err(Exc::value_error("pow() 3rd argument cannot be 0"));
    }
    let am = m.abs();
    let mut base = b.mod_floor(&am);
    let mut exp = e.clone();
    if exp.is_negative() {
        base =
            mod_inverse(&base, &am).ok_or_else(|| Exc::value_error("base is not invertible for the given modulus"))?;
        exp = -exp;
    }
    let mut r = base.modpow(&exp, &am);
    // Python's result takes the sign of the modulus.
    if m.is_negative() && !r.is_zero() {
        r -= &am;
    }
    Ok(r)
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let g = a.extended_gcd(m);
    if g.gcd != BigInt::one() {
        return None;
    }
    Some(g.x.mod_floor(m))
}

pub fn chr(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let v = one("chr", args, kw)?;
    if let Value::BigInt(_) = v {
        return Err(Exc::overflow("Python int too large to convert to C int"));
    }
    let i = args::int_arg(vm, v)?;
    let c = u32::try_from(i).ok().filter(|&n| n < 0x110000).and_then(char::from_u32);
    match c {
        Some(c) => Ok(Value::str(c.encode_utf8(&mut [0; 4]))),
        None if (0xD800..0xE000).contains(&i) => Err(Exc::value_error(
            "chr() of a surrogate code point is not supported in Interleave",
        )),
        None => Err(Exc::value_error("chr() arg not in range(0x110000)")),
    }
}

pub fn ord(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let v = one("ord", args, kw)?;
    match v {
        Value::Str(s) => {
            let mut it = s.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => Ok(Value::Int(c as i64)),
                _ => Err(Exc::type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    s.chars().count()
                ))),
            }
        }
        Value::Bytes(b) if b.len() == 1 => Ok(Value::Int(b[0] as i64)),
        Value::Bytes(b) => Err(Exc::type_error(format!(
            "ord() expected a character, but string of length {} found",
            b.len()
        ))),
        other => Err(Exc::type_error(format!(
            "ord() expected string of length 1, but {} found",
            vm.type_name(other)
        ))),
    }
}

fn radix(vm: &mut Vm, name: &str, args: &[Value], kw: &Kwargs, prefix: &str, base: u32) -> PyResult {
    let v = one(name, args, kw)?;
    let n = match num::to_bigint(v) {
        Some(n) => n,
        None => match args::index_of(vm, v)? {
            Some(i) => BigInt::from(i),
            None => {
                return Err(Exc::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(v)
                )))
            }
        },
    };
    let digits = n.magnitude().to_str_radix(base);
    let sign = if n.is_negative() { "-" } else { "" };
    Ok(Value::str(&format!("{sign}{prefix}{digits}")))
}

pub fn hex(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    radix(vm, "hex", args, kw, "0x", 16)
}

pub fn oct(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    radix(vm, "oct", args, kw, "0o", 8)
}

pub fn bin(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    radix(vm, "bin", args, kw, "0b", 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mp(b: i64, e: i64, m: i64) -> Option<i64> {
        mod_pow(&BigInt::from(b), &BigInt::from(e), &BigInt::from(m))
            .ok()
            .and_then(|r| i64::try_from(r).ok())
    }

    #[test]
    fn mod_pow_matches_python() {
        assert_eq!(mp(2, 10, 1000), Some(24));
        assert_eq!(mp(2, -1, 7), Some(4));
        assert_eq!(mp(3, 2, -5), Some(-1));
        assert_eq!(mp(-3, 3, 5), Some(3));
        assert_eq!(mp(2, -1, 4), None);
        assert_eq!(mp(2, 5, 0), None);
    }
}
