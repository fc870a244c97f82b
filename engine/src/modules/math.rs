//! The `math` module: CPython's functions with its argument conversions, special cases and error messages.

use super::{float_arg, int_arg_big, Funcs};
use crate::exc::{Exc, PyResult};
use crate::native::{kwarg, Kwargs};
use crate::pynum;
use crate::types::from_pyerr;
use crate::value::Value;
use crate::vm::ops::num_to_value;
use crate::vm::Vm;
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::f64::consts::{E, PI, TAU};

pub fn module(vm: &mut Vm) -> Value {
    let funcs: Funcs = &[
        ("ceil", ceil),
        ("floor", floor),
        ("trunc", trunc),
        ("sqrt", |vm, a, k| unary(vm, a, k, "sqrt", f64::sqrt, false)),
        ("cbrt", |vm, a, k| unary(vm, a, k, "cbrt", cbrt, false)),
        ("exp", |vm, a, k| unary(vm, a, k, "exp", f64::exp, true)),
        ("exp2", |vm, a, k| unary(vm, a, k, "exp2", f64::exp2, true)),
        ("expm1", |vm, a, k| unary(vm, a, k, "expm1", f64::exp_m1, true)),
        ("sin", |vm, a, k| unary(vm, a, k, "sin", f64::sin, false)),
        ("cos", |vm, a, k| unary(vm, a, k, "cos", f64::cos, false)),
        ("tan", |vm, a, k| unary(vm, a, k, "tan", f64::tan, false)),
        ("asin", |vm, a, k| unary(vm, a, k, "asin", f64::asin, false)),
        ("acos", |vm, a, k| unary(vm, a, k, "acos", f64::acos, false)),
        ("atan", |vm, a, k| unary(vm, a, k, "atan", f64::atan, false)),
        ("sinh", |vm, a, k| unary(vm, a, k, "sinh", f64::sinh, true)),
        ("cosh", |vm, a, k| unary(vm, a, k, "cosh", f64::cosh, true)),
        ("tanh", |vm, a, k| unary(vm, a, k, "tanh", f64::tanh, false)),
        ("asinh", |vm, a, k| unary(vm, a, k, "asinh", f64::asinh, false)),
        ("acosh", |vm, a, k| unary(vm, a, k, "acosh", f64::acosh, false)),
        ("atanh", |vm, a, k| unary(vm, a, k, "atanh", f64::atanh, false)),
        ("fabs", |vm, a, k| unary(vm, a, k, "fabs", f64::abs, false)),
        ("degrees", |vm, a, k| {
            unary(vm, a, k, "degrees", |x| x * (180.0 / PI), true)
        }),
        ("radians", |vm, a, k| {
            unary(vm, a, k, "radians", |x| x * (PI / 180.0), false)
        }),
        ("atan2", |vm, a, k| binary(vm, a, k, "atan2", f64::atan2)),
        ("copysign", |vm, a, k| binary(vm, a, k, "copysign", f64::copysign)),
        ("fmod", fmod),
        ("remainder", remainder),
        ("pow", pow),
        ("log", log),
        ("log2", |vm, a, k| log_named(vm, a, k, "log2", f64::log2)),
        ("log10", |vm, a, k| log_named(vm, a, k, "log10", f64::log10)),
        ("log1p", |vm, a, k| unary(vm, a, k, "log1p", ln_1p, false)),
        ("isfinite", |vm, a, k| predicate(vm, a, k, "isfinite", f64::is_finite)),
        ("isinf", |vm, a, k| predicate(vm, a, k, "isinf", f64::is_infinite)),
        ("isnan", |vm, a, k| predicate(vm, a, k, "isnan", f64::is_nan)),
        ("isclose", isclose),
        ("modf", modf),
        ("frexp", frexp_fn),
        ("ldexp", ldexp_fn),
        ("hypot", hypot),
        ("dist", dist),
        ("fsum", fsum_fn),
        ("prod", prod),
        ("gcd", gcd),
        ("lcm", lcm),
        ("factorial", factorial),
        ("comb", comb),
        ("perm", perm),
        ("isqrt", isqrt),
        ("nextafter", nextafter),
        ("ulp", ulp),
    ];
    let consts = vec![
        ("pi", Value::Float(PI)),
        ("e", Value::Float(E)),
        ("tau", Value::Float(TAU)),
        ("inf", Value::Float(f64::INFINITY)),
        ("nan", Value::Float(f64::NAN)),
    ];
    super::module(vm, "math", funcs, consts)
}

fn domain() -> Exc {
    Exc::value_error("math domain error")
}

fn range() -> Exc {
    Exc::overflow("math range error")
}

fn one<'a>(name: &str, a: &'a [Value], k: &Kwargs) -> PyResult<&'a Value> {
    crate::types::args::no_kw(name, k)?;
    match a {
        [x] => Ok(x),
        _ => Err(Exc::type_error(format!(
            "math.{name}() takes exactly one argument ({} given)",
            a.len()
        ))),
    }
}

fn two<'a>(name: &str, a: &'a [Value], k: &Kwargs) -> PyResult<(&'a Value, &'a Value)> {
    crate::types::args::no_kw(name, k)?;
    match a {
        [x, y] => Ok((x, y)),
        _ => Err(Exc::type_error(format!("{name} expected 2 arguments, got {}", a.len()))),
    }
}

/// CPython's `math_1`: NaN from a non-NaN is a domain error, infinity from a finite is a range error
/// (or a domain error for functions with poles, like `atanh(1)`).
fn checked(x: f64, r: f64, can_overflow: bool) -> PyResult<f64> {
    if r.is_nan() && !x.is_nan() {
        return Err(domain());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range() } else { domain() });
    }
    Ok(r)
}

fn unary(vm: &mut Vm, a: &[Value], k: &Kwargs, name: &str, f: fn(f64) -> f64, can_overflow: bool) -> PyResult {
    let x = float_arg(vm, one(name, a, k)?)?;
    Ok(Value::Float(checked(x, f(x), can_overflow)?))
}

fn binary(vm: &mut Vm, a: &[Value], k: &Kwargs, name: &str, f: fn(f64, f64) -> f64) -> PyResult {
    let (x, y) = two(name, a, k)?;
    let (x, y) = (float_arg(vm, x)?, float_arg(vm, y)?);
    Ok(Value::Float(f(x, y)))
}

fn predicate(vm: &mut Vm, a: &[Value], k: &Kwargs, name: &str, f: fn(f64) -> bool) -> PyResult {
    let x = float_arg(vm, one(name, a, k)?)?;
    Ok(Value::Bool(f(x)))
}

/// glibc's `cbrt`, which CPython calls: a polynomial guess and one Halley step, not correctly rounded.
#[allow(clippy::excessive_precision)]
pub fn cbrt(x: f64) -> f64 {
    const CBRT2: f64 = 1.2599210498948731648;
    const SQR_CBRT2: f64 = 1.5874010519681994748;
    const FACTOR: [f64; 5] = [1.0 / SQR_CBRT2, 1.0 / CBRT2, 1.0, CBRT2, SQR_CBRT2];
    if x == 0.0 || !x.is_finite() {
        return x + x;
    }
    let (xm, xe) = frexp(x.abs());
    let u = 0.354895765043919860
        + ((1.50819193781584896
            + ((-2.11499494167371287
                + ((2.44693122563534430
                    + ((-1.83469277483613086 + (0.784932344976639262 - 0.145263899385486377 * xm) * xm) * xm))
                    * xm))
                * xm))
            * xm);
    let t2 = u * u * u;
    let ym = u * (t2 + 2.0 * xm) / (2.0 * t2 + xm) * FACTOR[(2 + xe % 3) as usize];
    ldexp(if x > 0.0 { ym } else { -ym }, (xe / 3) as i64)
}

fn ln_1p(x: f64) -> f64 {
    if x == -1.0 {
        f64::NEG_INFINITY
    } else {
        x.ln_1p()
    }
}

/// An int argument as it is (`floor(7) == 7`), an object's `__floor__`/`__ceil__`/`__trunc__`, or a float.
fn rounding(vm: &mut Vm, a: &[Value], k: &Kwargs, name: &str, f: fn(f64) -> f64) -> PyResult {
    let x = one(name, a, k)?;
    let v = crate::types::args::unwrap(x);
    match v {
        Value::Int(_) | Value::BigInt(_) => return Ok(v),
        Value::Bool(b) => return Ok(Value::Int(b as i64)),
        Value::Float(f_) => return int_of(f(f_)),
        _ => {}
    }
    if let Value::Instance(_) = x {
        let dunder = format!("__{name}__");
        if let Some(m) = vm.getattr_opt(x, &dunder)? {
            return vm.call(&m, Vec::new());
        }
    }
    if name == "trunc" {
        return Err(Exc::type_error(format!(
            "type {} doesn't define __trunc__ method",
            vm.type_name(x)
        )));
    }
    let xf = float_arg(vm, x)?;
    int_of(f(xf))
}

fn int_of(x: f64) -> PyResult {
    pynum::float_to_int(x).map(num_to_value).map_err(from_pyerr)
}

fn ceil(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
    rounding(vm, a, k, "ceil", f64::ceil)
}

fn floor(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
    rounding(vm, a, k, "floor", f64::floor)
}

fn trunc(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
    rounding(vm, a, k, "trunc", f64::trunc)
}

fn fmod(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
    let (x, y) = two("fmod", a, k)?;
    let (x, y) = (float_arg(vm, x)?, float_arg(vm, y)?);
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::Float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain());
    }
    Ok(Value::Float(r))
}

fn remainder(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
    let (x, y) = two("remainder", a, k)?;
    let (x, y) = (float_arg(vm, x)?, float_arg(vm, y)?);
    Ok(Value::Float(py_remainder(x, y)?))
}

/// IEEE 754 remainder, as CPython's `m_remainder` computes it.
fn py_remainder(x: f64, y: f64) -> PyResult<f64> {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return Err(domain());
        }
        let absx = x.abs();
        let absy = y.abs();
        let m = absx % absy;
        let c = absy - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            // Half-way: choose the even multiple.
            m - 2.0 * ((0.5 * (absx - m)) % absy)
        };
        return Ok(1.0f64.copysign(x) * r);
    }
    if x.is_nan() {
        return Ok(x);
    }
    if y.is_nan() {
        return Ok(y);
    }
    if x.is_infinite() {
        return Err(domain());
    }
    Ok(x)
}

fn pow(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
    let (x, y) = two("pow", a, k)?;
    let (x, y) = (float_arg(vm, x)?, float_arg(vm, y)?);
    Ok(Value::Float(py_pow(x, y)?))
}

/// `math.pow`: C's pow with CPython's special cases and errno checks.
fn py_pow(x: f64, y: f64) -> PyResult<f64> {
    if !x.is_finite() || !y.is_finite() {
        if x.is_nan() {
            return Ok(if y == 0.0 { 1.0 } else { x });
        }
        if y.is_nan() {
            return Ok(if x == 1.0 { 1.0 } else { y });
        }
        if x.is_infinite() {
            let odd_y = y.is_finite() && (y % 2.0).abs() == 1.0;
            return Ok(if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            });
        }
        // y is infinite.
        return Ok(if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0) == (x.abs() > 1.0) {
            y.abs()
        } else {
            0.0
        });
    }
    if x == 0.0 && y < 0.0 {
        return Err(domain());
    }
    if x < 0.0 && y != y.trunc() {
        return Err(domain());
    }
    let r = x.powf(y);
    if r.is_infinite() {
        return Err(range());
    }
    Ok(r)
}

/// `func(x)` for a positive number, ints of any size included (CPython's `loghelper`).
fn log_of(vm: &mut Vm, v: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    let v = crate::types::args::unwrap(v);
    if let Value::BigInt(b) = &v {
        if b.sign() != Sign::Plus {
            return Err(domain());
        }
        if let Ok(x) = pynum::to_f64(&pynum::Num::Big((**b).clone())) {
            return Ok(f(x));
        }
        // Too big for a float: with n ~= x * 2**e, log(n) ~= log(x) + log(2) * e.
        let e = b.bits();
        let x = pynum::ratio_to_f64(b, &(BigInt::one() << e)).unwrap_or(0.5);
        return Ok(f(x) + f(2.0) * e as f64);
    }
    let x = float_arg(vm, &v)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain());
    }
    if x.is_infinite() {
        return Ok(x);
    }
    Ok(f(x))
}

fn log(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
    crate::types::args::no_kw("log", k)?;
    match a {
        [x] => Ok(Value::Float(log_of(vm, x, f64::ln)?)),
        [x, base] => {
            let num = log_of(vm, x, f64::ln)?;
            let den = log_of(vm, base, f64::ln)?;
            if den == 0.0 {
                return Err(Exc::zero_division("float division by zero"));
            }
            Ok(Value::Float(num / den))
        }
        _ => Err(Exc::type_error(format!(
            "log expected {} argument{}, got {}",
            if a.is_empty() { "at least 1" } else { "at most 2" },
            if a.is_empty() { "" } else { "s" },
            a.len()
        ))),
    }
}

fn log_named(vm: &mut Vm, a: &[Value], k: &Kwargs, name: &str, f: fn(f64) -> f64) -> PyResult {
    let x = one(name, a, k)?;
    Ok(Value::Float(log_of(vm, x, f)?))
}

fn isclose(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
    let slots = crate::types::args::bind_kw("isclose", &["a", "b", "rel_tol", "abs_tol"], a.len(), k)?;
    if a.len() != 2 {
        return Err(Exc::type_error(if a.len() < 2 {
            format!(
                "isclose() missing required argument '{}' (pos {})",
                if a.is_empty() { "a" } else { "b" },
                a.len() + 1
            )
        } else {
            format!("isclose() takes exactly 2 positional arguments ({} given)", a.len())
        }));
    }
    let x = float_arg(vm, &a[0])?;
    let y = float_arg(vm, &a[1])?;
    let rel = match &slots[2] {
        Some(v) => float_arg(vm, v)?,
        None => 1e-9,
    };
    let abs = match &slots[3] {
        Some(v) => float_arg(vm, v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(Exc::value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(Value::Bool(true));
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (y - x).abs();
    Ok(Value::Bool(
        (diff <= (rel * y).abs()) || (diff <= (rel * x).abs()) || diff <= abs,
    ))
}

fn modf(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
    let x = float_arg(vm, one("modf", a, k)?)?;
    if x.is_infinite() {
        return Ok(Value::tuple(vec![Value::Float(0.0f64.copysign(x)), Value::Float(x)]));
    }
    let int = x.trunc();
    let frac = (x - int).copysign(x);
    Ok(Value::tuple(vec![Value::Float(frac), Value::Float(int)]))
}

/// `frexp` for finite nonzero floats: mantissa in [0.5, 1) and exponent.
pub fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(x * 2f64.powi(54));
        return (m, e - 54);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, e)
}

/// `ldexp(x, e)`, rounding once (half to even) when the result is subnormal.
pub fn ldexp(x: f64, e: i64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let (m, ex) = frexp(x);
    let new_e = ex as i64 + e.clamp(-10_000, 10_000);
    if new_e > 1024 {
        return f64::INFINITY.copysign(x);
    }
    let bits = m.to_bits();
    if new_e >= -1021 {
        return f64::from_bits((bits & !(0x7ffu64 << 52)) | (((1022 + new_e) as u64) << 52));
    }
    // x = M * 2**(new_e - 53) with a 53-bit M; the result is a multiple of 2**-1074.
    let mant = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    let shift = (-(new_e - 53 + 1074)) as u64;
    let q = if shift > 54 {
        0
    } else {
        let q = mant >> shift;
        let rem = mant & ((1u64 << shift) - 1);
        let half = 1u64 << (shift - 1);
        if rem > half || (rem == half && q & 1 == 1) {
            q + 1
        } else {
            q
        }
    };
    f64::from_bits(q).copysign(x)
}

fn frexp_fn(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
    let x = float_arg(vm, one("frexp", a, k)?)?;
    let (m, e) = frexp(x);
    Ok(Value::tuple(vec![Value::Float(m), Value::Int(e as i64)]))
}

fn ldexp_fn(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
    let (x, i) = two("ldexp", a, k)?;
    let x = float_arg(vm, x)?;
    let i = match crate::types::args::unwrap(i) {
        Value::Int(n) => n,
        Value::Bool(b) => b as i64,
        Value::BigInt(b) => {
            if b.sign() == Sign::Minus {
                i64::MIN
            } else {
                i64::MAX
            }
        }
        _ => return Err(Exc::type_error("Expected an int as second argument to ldexp.")),
    };
    let r = ldexp(x, i);
    if r.is_infinite() && x.is_finite() {
        return Err(range());
    }
    Ok(Value::Float(r))
}

fn dl_fast_sum(a: f64, b: f64) -> (f64, f64) {
    let x = a + b;
    let y = (a - x) + b;
    (x, y)
}

fn dl_mul(x: f64, y: f64) -> (f64, f64) {
    // Dekker's split: the product's exact error term without a fused multiply-add.
    let t = x * 134217729.0;
    let hx = t - (t - x);
    let lx = x - hx;
    let t = y * 134217729.0;
    let hy = t - (t - y);
    let ly = y - hy;
    let z = x * y;
    let zz = (((hx * hy - z) + hx * ly) + lx * hy) + lx * ly;
    (z, zz)
}

/// CPython 3.11's `vector_norm`: an accurately rounded Euclidean norm.
pub fn vector_norm(vec: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = frexp(max);
    if max_e < -1023 {
        for v in vec.iter_mut() {
            *v /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = ldexp(1.0, -(max_e as i64));
    let mut csum = 1.0;
    let mut frac1 = 0.0;
    let mut frac2 = 0.0;
    for &v in vec.iter() {
        let x = v * scale;
        let (hi, lo) = dl_mul(x, x);
        let (s, e) = dl_fast_sum(csum, hi);
        csum = s;
        frac1 += lo;
        frac2 += e;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let (hi, lo) = dl_mul(-h, h);
    let (s, e) = dl_fast_sum(csum, hi);
    csum = s;
    frac1 += lo;
    frac2 += e;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

fn hypot(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
    crate::types::args::no_kw("hypot", k)?;
    let mut coords = Vec::with_capacity(a.len());
    let mut max = 0.0f64;
    let mut found_nan = false;
    for v in a {
        let x = float_arg(vm, v)?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        coords.push(x);
    }
    Ok(Value::Float(vector_norm(&mut coords, max, found_nan)))
}

fn dist(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
    let (p, q) = two("dist", a, k)?;
    let (p, q) = match (p, q) {
        (Value::Tuple(_) | Value::List(_), Value::Tuple(_) | Value::List(_)) => (vm.collect(p)?, vm.collect(q)?),
        _ => {
            let bad = if matches!(p, Value::Tuple(_) | Value::List(_)) {
                q
            } else {
                p
            };
            return Err(Exc::type_error(format!(
                "dist(): argument {} must be tuple, not {}",
                if matches!(p, Value::Tuple(_) | Value::List(_)) {
                    2
                } else {
                    1
                },
                vm.type_name(bad)
            )));
        }
    };
    if p.len() != q.len() {
        return Err(Exc::value_error("both points must have the same number of dimensions"));
    }
    let mut diffs = Vec::with_capacity(p.len());
    let mut max = 0.0f64;
    let mut found_nan = false;
    for (x, y) in p.iter().zip(q.iter()) {
        let d = (float_arg(vm, x)? - float_arg(vm, y)?).abs();
        found_nan |= d.is_nan();
        if d > max {
            max = d;
        }
        diffs.push(d);
    }
    Ok(Value::Float(vector_norm(&mut diffs, max, found_nan)))
}

/// CPython's `math_fsum`: Shewchuk's exact partial sums with the final correctly-rounded step.
pub fn fsum(values: &[f64]) -> PyResult<f64> {
    let mut p: Vec<f64> = Vec::new();
    let mut special_sum = 0.0f64;
    let mut inf_sum = 0.0f64;
    for &x0 in values {
        let mut x = x0;
        let xsave = x;
        let mut i = 0;
        for j in 0..p.len() {
            let mut y = p[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                p[i] = lo;
                i += 1;
            }
            x = hi;
        }
        p.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // A nonfinite x could arise from a finite input if the sum overflowed.
                if xsave.is_finite() {
                    return Err(Exc::overflow("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                p.clear();
            } else {
                p.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(Exc::value_error("-inf + inf in fsum"));
        }
        return Ok(special_sum);
    }
    let mut hi = 0.0f64;
    let mut n = p.len();
    if n > 0 {
        n -= 1;
        hi = p[n];
        let mut lo = 0.0f64;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        // Make half-even rounding work across multiple partials.
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(hi)
}

fn fsum_fn(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
    let it = one("fsum", a, k)?;
    let items = vm.collect(it)?;
    let mut vals = Vec::with_capacity(items.len());
    for v in &items {
        vals.push(float_arg(vm, v)?);
    }
    Ok(Value::Float(fsum(&vals)?))
}

fn prod(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
    if a.len() != 1 {
        return Err(Exc::type_error(format!(
            "prod() takes exactly 1 positional argument ({} given)",
            a.len()
        )));
    }
    for (name, _) in k {
        if &**name != "start" {
            return Err(Exc::type_error(format!(
                "prod() got an unexpected keyword argument '{name}'"
            )));
        }
    }
    let mut acc = kwarg(k, "start").cloned().unwrap_or(Value::Int(1));
    let it = vm.iter(&a[0])?;
    while let Some(x) = vm.next(&it)? {
        acc = vm.binary(crate::ast::BinOp::Mult, &acc, &x, false)?;
    }
    Ok(acc)
}

fn big_of(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    int_arg_big(vm, v)
}

fn gcd(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
    crate::types::args::no_kw("gcd", k)?;
    let mut g = BigInt::zero();
    for v in a {
        let n = big_of(vm, v)?;
        g = g.gcd(&n);
    }
    Ok(Value::from_bigint(g))
}

fn lcm(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
    crate::types::args::no_kw("lcm", k)?;
    let mut l = BigInt::one();
    for v in a {
        let n = big_of(vm, v)?;
        if n.is_zero() || l.is_zero() {
            l = BigInt::zero();
            continue;
        }
        l = l.lcm(&n);
        check_bits(&l)?;
    }
    Ok(Value::from_bigint(l.abs()))
}

fn check_bits(n: &BigInt) -> PyResult<()> {
    if n.bits() > pynum::MAX_INT_BITS {
        Err(Exc::memory())
    } else {
        Ok(())
    }
}

/// The product of `lo..=hi`, split in halves so the multiplications stay balanced.
fn range_product(lo: u64, hi: u64) -> BigInt {
    if lo > hi {
        return BigInt::one();
    }
    if hi - lo < 16 {
        let mut p = BigInt::one();
        for i in lo..=hi {
            p *= i;
        }
        return p;
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid + 1, hi)
}

/// A nonnegative machine-sized count, with CPython's messages.
fn count_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Option<u64>> {
    let n = big_of(vm, v)?;
    if n.sign() == Sign::Minus {
        return Err(Exc::value_error(format!("{what} must be a non-negative integer")));
    }
    Ok(n.to_u64())
}

fn factorial(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
    let x = one("factorial", a, k)?;
    let n = big_of(vm, x)?;
    if n.sign() == Sign::Minus {
        return Err(Exc::value_error("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_u64() else {
        return Err(Exc::overflow(
            "factorial() argument should not exceed 9223372036854775807",
        ));
    };
    // About n*log2(n) bits: refuse what would exceed the engine's int size cap.
    if (n as f64) * (n.max(2) as f64).log2() > pynum::MAX_INT_BITS as f64 * 1.2 {
        return Err(Exc::memory());
    }
    Ok(Value::from_bigint(range_product(1, n)))
}

fn comb(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
    let (n, r) = two("comb", a, k)?;
    let n = count_arg(vm, n, "n")?;
    let r = count_arg(vm, r, "k")?;
    let (Some(n), Some(r)) = (n, r) else {
        return Err(Exc::overflow("Python int too large to convert to C long"));
    };
    if r > n {
        return Ok(Value::Int(0));
    }
    let r = r.min(n - r);
    let mut acc = BigInt::one();
    for i in 0..r {
        acc = acc * (n - i) / (i + 1);
        check_bits(&acc)?;
    }
    Ok(Value::from_bigint(acc))
}

fn perm(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
    crate::types::args::no_kw("perm", k)?;
    let (n, r) = match a {
        [n] => (n, None),
        [n, r] => (n, Some(r)),
        _ => {
            return Err(Exc::type_error(format!(
                "perm expected at most 2 arguments, got {}",
                a.len()
            )))
        }
    };
    let n = count_arg(vm, n, "n")?;
    let r = match r {
        Some(Value::None) | None => n,
        Some(r) => count_arg(vm, r, "k")?,
    };
    let (Some(n), Some(r)) = (n, r) else {
        return Err(Exc::overflow("Python int too large to convert to C long"));
    };
    if r > n {
        return Ok(Value::Int(0));
    }
    if (r as f64) * (n.max(2) as f64).log2() > pynum::MAX_INT_BITS as f64 * 1.2 {
        return Err(Exc::memory());
    }
    Ok(Value::from_bigint(range_product(n - r + 1, n)))
}

fn isqrt(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
    let x = one("isqrt", a, k)?;
    let n = big_of(vm, x)?;
    if n.sign() == Sign::Minus {
        return Err(Exc::value_error("isqrt() argument must be nonnegative"));
    }
    Ok(Value::from_bigint(n.sqrt()))
}

fn nextafter(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
    let (x, y) = two("nextafter", a, k)?;
    let (x, y) = (float_arg(vm, x)?, float_arg(vm, y)?);
    Ok(Value::Float(next_after(x, y)))
}

fn next_after(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let up = (y > x) == (x > 0.0);
    f64::from_bits(if up { bits + 1 } else { bits - 1 })
}

fn ulp(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
    let x = float_arg(vm, one("ulp", a, k)?)?.abs();
    if x.is_nan() || x.is_infinite() {
        return Ok(Value::Float(x));
    }
    let x2 = next_after(x, f64::INFINITY);
    if x2.is_infinite() {
        let x0 = next_after(x, 0.0);
        return Ok(Value::Float(x - x0));
    }
    Ok(Value::Float(x2 - x))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cbrt_matches_glibc() {
        assert_eq!(cbrt(27.0), 3.0000000000000004);
        assert_eq!(cbrt(8.0), 2.0);
        assert_eq!(cbrt(3.0), 1.4422495703074083);
    }

    #[test]
    fn ldexp_rounds_subnormals_once() {
        assert_eq!(ldexp(1.0, -1074), 5e-324);
        assert_eq!(ldexp(1.0, -1075), 0.0);
        assert_eq!(ldexp(0.75, -1073), 1e-323);
        assert_eq!(ldexp(0.5, 4), 8.0);
        assert_eq!(ldexp(1.0, 1024), f64::INFINITY);
    }

    #[test]
    fn fsum_is_exact() {
        assert_eq!(fsum(&[0.1; 10]).ok(), Some(1.0));
        assert_eq!(fsum(&[1e100, 1.0, -1e100]).ok(), Some(1.0));
    }
}
