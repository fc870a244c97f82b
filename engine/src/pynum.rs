//! Python's int and float arithmetic over one number type, with CPython's results, rounding and error messages.
//!
//! Ints stay in `i64` while they fit and move to `BigInt` when they do not; every result is normalised back, so a
//! `Num::Big` always holds a value outside the `i64` range. Bools are passed as `Int` by the caller.
//!
//! CPython would compute any int its memory allows; we refuse results over `MAX_INT_BITS` bits (two MiB) with a bare
//! `MemoryError`, so that `2 ** 10**12` or `1 << 10**12` fails at once instead of hanging the page.

use crate::pyerr::{PyErr, PyRes};
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::cmp::Ordering;

/// The largest int result, in bits, that an operation may build.
pub const MAX_INT_BITS: u64 = 1 << 24;

/// A Python int or float.
#[derive(Clone, Debug, PartialEq)]
pub enum Num {
    Int(i64),
    /// An int outside the `i64` range (never one that fits: see `Num::from_big`).
    Big(BigInt),
    Float(f64),
}

impl Num {
    /// Wraps a BigInt, using `Int` when it fits in an `i64`.
    pub fn from_big(b: BigInt) -> Num {
        match b.to_i64() {
            Some(i) => Num::Int(i),
            None => Num::Big(b),
        }
    }

    pub fn is_int(&self) -> bool {
        !matches!(self, Num::Float(_))
    }

    /// The int as a BigInt, or `None` for a float.
    pub fn to_bigint(&self) -> Option<BigInt> {
        match self {
            Num::Int(i) => Some(BigInt::from(*i)),
            Num::Big(b) => Some(b.clone()),
            Num::Float(_) => None,
        }
    }

    /// Python truthiness: nonzero.
    pub fn is_true(&self) -> bool {
        match self {
            Num::Int(i) => *i != 0,
            Num::Big(_) => true,
            Num::Float(f) => *f != 0.0,
        }
    }
}

fn memory() -> PyErr {
    PyErr::memory()
}

/// Refuses an int result estimated to need more than `MAX_INT_BITS` bits.
fn check_bits(bits: u64) -> PyRes<()> {
    if bits > MAX_INT_BITS {
        Err(memory())
    } else {
        Ok(())
    }
}

fn bits_of(n: &Num) -> u64 {
    match n {
        Num::Int(i) => 64 - i.unsigned_abs().leading_zeros() as u64,
        Num::Big(b) => b.bits(),
        Num::Float(_) => 0,
    }
}

/// `2**e` as a float, for `e` in the normal exponent range.
fn pow2(e: i64) -> f64 {
    f64::from_bits(((e.clamp(-1022, 1023) + 1023) as u64) << 52)
}

/// `m * 2**e`, exact whenever the result is representable (only the last step may round).
fn ldexp(m: f64, mut e: i64) -> f64 {
    let mut x = m;
    while e > 1000 {
        x *= pow2(1000);
        e -= 1000;
        if x.is_infinite() {
            return x;
        }
    }
    while e < -1000 {
        x *= pow2(-1000);
        e += 1000;
    }
    x * pow2(e)
}

/// `a / b` correctly rounded (ties to even), or `None` when it overflows a float. `b` must be nonzero.
pub fn ratio_to_f64(a: &BigInt, b: &BigInt) -> Option<f64> {
    let negative = (a.sign() == Sign::Minus) != (b.sign() == Sign::Minus);
    let signed = |x: f64| if negative { -x } else { x };
    let (na, nb) = (a.magnitude(), b.magnitude());
    if na.is_zero() {
        return Some(signed(0.0));
    }
    let diff = na.bits() as i64 - nb.bits() as i64;
    if diff > 1025 {
        return None;
    }
    if diff < -1080 {
        return Some(signed(0.0));
    }
    // Keep two bits beyond the 53 a double holds (three for subnormals), plus a sticky bit for the remainder.
    let e = (diff - 55).max(-1076);
    let num = if e < 0 { na << (-e) as u64 } else { na.clone() };
    let den = if e > 0 { nb << e as u64 } else { nb.clone() };
    let (q, r) = num.div_rem(&den);
    let sticky = !r.is_zero();
    let drop = (q.bits() as i64 - 53).max(-1074 - e);
    let m_big = &q >> drop as u64;
    let rem = &q - (&m_big << drop as u64);
    let half = num_bigint::BigUint::one() << (drop - 1) as u64;
    let mut m = m_big.to_u64()?;
    if rem > half || (rem == half && (sticky || m & 1 == 1)) {
        m += 1;
    }
    let exp = e + drop;
    if 64 - m.leading_zeros() as i64 + exp > 1024 {
        return None;
    }
    Some(signed(ldexp(m as f64, exp)))
}

/// `float(n)`: exact rounding, with CPython's "int too large to convert to float".
pub fn to_f64(n: &Num) -> PyRes<f64> {
    match n {
        Num::Int(i) => Ok(*i as f64),
        Num::Big(b) => {
            ratio_to_f64(b, &BigInt::one()).ok_or_else(|| PyErr::overflow("int too large to convert to float"))
        }
        Num::Float(f) => Ok(*f),
    }
}

/// The integer part of a finite float as a BigInt, exactly.
pub fn f64_to_bigint(x: f64) -> BigInt {
    let x = x.trunc();
    if x.abs() < 9.2e18 {
        return BigInt::from(x as i64);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mant = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    let mag = BigInt::from(mant) << exp.max(0) as u64;
    if x < 0.0 {
        -mag
    } else {
        mag
    }
}

/// `int(x)` of a float: truncation toward zero.
pub fn float_to_int(x: f64) -> PyRes<Num> {
    if x.is_nan() {
        return Err(PyErr::value("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(PyErr::overflow("cannot convert float infinity to integer"));
    }
    Ok(Num::from_big(f64_to_bigint(x)))
}

/// `x.is_integer()` of a float.
pub fn float_is_integer(x: f64) -> bool {
    x.is_finite() && x.trunc() == x
}

/// `n.bit_length()` of an int.
pub fn bit_length(n: &Num) -> u64 {
    bits_of(n)
}

/// Both operands as ints (`Some`) or both as floats (`None` when either is a float).
fn both_big(a: &Num, b: &Num) -> Option<(BigInt, BigInt)> {
    Some((a.to_bigint()?, b.to_bigint()?))
}

fn both_f64(a: &Num, b: &Num) -> PyRes<(f64, f64)> {
    Ok((to_f64(a)?, to_f64(b)?))
}

pub fn add(a: &Num, b: &Num) -> PyRes<Num> {
    if let (Num::Int(x), Num::Int(y)) = (a, b) {
        if let Some(r) = x.checked_add(*y) {
            return Ok(Num::Int(r));
        }
    }
    match both_big(a, b) {
        Some((x, y)) => Ok(Num::from_big(x + y)),
        None => both_f64(a, b).map(|(x, y)| Num::Float(x + y)),
    }
}

pub fn sub(a: &Num, b: &Num) -> PyRes<Num> {
    if let (Num::Int(x), Num::Int(y)) = (a, b) {
        if let Some(r) = x.checked_sub(*y) {
            return Ok(Num::Int(r));
        }
    }
    match both_big(a, b) {
        Some((x, y)) => Ok(Num::from_big(x - y)),
        None => both_f64(a, b).map(|(x, y)| Num::Float(x - y)),
    }
}

pub fn mul(a: &Num, b: &Num) -> PyRes<Num> {
    if let (Num::Int(x), Num::Int(y)) = (a, b) {
        if let Some(r) = x.checked_mul(*y) {
            return Ok(Num::Int(r));
        }
    }
    match both_big(a, b) {
        Some((x, y)) => {
            if !x.is_zero() && !y.is_zero() {
                check_bits(x.bits() + y.bits())?;
            }
            Ok(Num::from_big(x * y))
        }
        None => both_f64(a, b).map(|(x, y)| Num::Float(x * y)),
    }
}

/// `a / b`: always a float; int/int is correctly rounded however big the operands.
pub fn truediv(a: &Num, b: &Num) -> PyRes<Num> {
    if let Some((x, y)) = both_big(a, b) {
        if y.is_zero() {
            return Err(PyErr::zero_div("division by zero"));
        }
        const EXACT: u64 = 1 << 53;
        if let (Num::Int(p), Num::Int(q)) = (a, b) {
            if p.unsigned_abs() <= EXACT && q.unsigned_abs() <= EXACT {
                return Ok(Num::Float(*p as f64 / *q as f64));
            }
        }
        return ratio_to_f64(&x, &y)
            .map(Num::Float)
            .ok_or_else(|| PyErr::overflow("integer division result too large for a float"));
    }
    let (x, y) = both_f64(a, b)?;
    if y == 0.0 {
        return Err(PyErr::zero_div("float division by zero"));
    }
    Ok(Num::Float(x / y))
}

/// CPython's `float_divmod` core: the floored quotient and the remainder with the divisor's sign.
fn float_divmod_raw(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

fn int_divmod(a: &Num, b: &Num) -> Option<PyRes<(Num, Num)>> {
    if let (Num::Int(x), Num::Int(y)) = (a, b) {
        if *y == 0 {
            return Some(Err(PyErr::zero_div("integer division or modulo by zero")));
        }
        if let (Some(_), Some(_)) = (x.checked_div(*y), x.checked_rem(*y)) {
            let (q, r) = x.div_mod_floor(y);
            return Some(Ok((Num::Int(q), Num::Int(r))));
        }
    }
    let (x, y) = both_big(a, b)?;
    if y.is_zero() {
        return Some(Err(PyErr::zero_div("integer division or modulo by zero")));
    }
    let (q, r) = x.div_mod_floor(&y);
    Some(Ok((Num::from_big(q), Num::from_big(r))))
}

/// `a // b` with floor semantics.
pub fn floordiv(a: &Num, b: &Num) -> PyRes<Num> {
    if let Some(r) = int_divmod(a, b) {
        return r.map(|(q, _)| q);
    }
    let (x, y) = both_f64(a, b)?;
    if y == 0.0 {
        return Err(PyErr::zero_div("float floor division by zero"));
    }
    Ok(Num::Float(float_divmod_raw(x, y).0))
}

/// `a % b`: the result takes the divisor's sign.
pub fn modulo(a: &Num, b: &Num) -> PyRes<Num> {
    if a.is_int() && b.is_int() && matches!(b, Num::Int(0)) {
        return Err(PyErr::zero_div("integer modulo by zero"));
    }
    if let Some(r) = int_divmod(a, b) {
        return r.map(|(_, m)| m);
    }
    let (x, y) = both_f64(a, b)?;
    if y == 0.0 {
        return Err(PyErr::zero_div("float modulo"));
    }
    let mut m = x % y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    Ok(Num::Float(m))
}

/// `divmod(a, b)`.
pub fn divmod(a: &Num, b: &Num) -> PyRes<(Num, Num)> {
    if let Some(r) = int_divmod(a, b) {
        return r;
    }
    let (x, y) = both_f64(a, b)?;
    if y == 0.0 {
        return Err(PyErr::zero_div("float divmod()"));
    }
    let (q, m) = float_divmod_raw(x, y);
    Ok((Num::Float(q), Num::Float(m)))
}

fn is_odd_integer(x: f64) -> bool {
    (x.abs() % 2.0) == 1.0
}

/// CPython's `float_pow`, including its special cases for zeros, infinities and NaNs.
pub fn float_pow(iv: f64, iw: f64) -> PyRes<f64> {
    if iw == 0.0 {
        return Ok(1.0);
    }
    if iv.is_nan() {
        return Ok(iv);
    }
    if iw.is_nan() {
        return Ok(if iv == 1.0 { 1.0 } else { iw });
    }
    if iw.is_infinite() {
        let av = iv.abs();
        return Ok(if av == 1.0 {
            1.0
        } else if (iw > 0.0) == (av > 1.0) {
            iw.abs()
        } else {
            0.0
        });
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        return Ok(if iw > 0.0 {
            if odd {
                iv
            } else {
                iv.abs()
            }
        } else if odd {
            0.0f64.copysign(iv)
        } else {
            0.0
        });
    }
    if iv == 0.0 {
        if iw < 0.0 {
            return Err(PyErr::zero_div("0.0 cannot be raised to a negative power"));
        }
        return Ok(if is_odd_integer(iw) { iv } else { 0.0 });
    }
    let mut base = iv;
    let mut negate = false;
    if iv < 0.0 {
        if iw != iw.floor() {
            return Err(PyErr::new("NotImplementedError", "complex numbers are not supported"));
        }
        base = -iv;
        negate = is_odd_integer(iw);
    }
    if base == 1.0 {
        return Ok(if negate { -1.0 } else { 1.0 });
    }
    let r = base.powf(iw);
    if r.is_infinite() {
        return Err(PyErr::overflow("(34, 'Numerical result out of range')"));
    }
    Ok(if negate { -r } else { r })
}

/// `a ** b` (two arguments): an int for int ** non-negative int, a float otherwise.
pub fn pow(a: &Num, b: &Num) -> PyRes<Num> {
    let (x, y) = match both_big(a, b) {
        Some(p) => p,
        None => {
            let (x, y) = both_f64(a, b)?;
            return float_pow(x, y).map(Num::Float);
        }
    };
    if y.is_negative() {
        let (x, y) = both_f64(a, b)?;
        return float_pow(x, y).map(Num::Float);
    }
    if x.is_zero() {
        return Ok(Num::Int(if y.is_zero() { 1 } else { 0 }));
    }
    if x.is_one() {
        return Ok(Num::Int(1));
    }
    if x == BigInt::from(-1) {
        return Ok(Num::Int(if y.is_even() { 1 } else { -1 }));
    }
    // Any other base at least doubles per step, so the result has about bits(x-1) * y bits.
    let e = match y.to_u64() {
        Some(e) if e <= MAX_INT_BITS => e,
        _ => return Err(memory()),
    };
    let est = (x.bits() - 1).max(1).saturating_mul(e);
    check_bits(est)?;
    if let (Num::Int(p), Ok(e32)) = (a, u32::try_from(e)) {
        if let Some(r) = p.checked_pow(e32) {
            return Ok(Num::Int(r));
        }
    }
    let e32 = u32::try_from(e).map_err(|_| memory())?;
    Ok(Num::from_big(num_traits::pow::Pow::pow(&x, e32)))
}

/// `pow(a, b, m)` with three arguments; all must be ints, and a negative `b` means a modular inverse.
pub fn pow_mod(a: &Num, b: &Num, m: &Num) -> PyRes<Num> {
    let (Some(x), Some(y), Some(md)) = (a.to_bigint(), b.to_bigint(), m.to_bigint()) else {
        return Err(PyErr::type_err(
            "pow() 3rd argument not allowed unless all arguments are integers",
        ));
    };
    if md.is_zero() {
        return Err(PyErr::value("pow() 3rd argument cannot be 0"));
    }
    let modulus = md.abs();
    if modulus.is_one() {
        return Ok(Num::Int(0));
    }
    let mut base = x.mod_floor(&modulus);
    let mut exp = y;
    if exp.is_negative() {
        let g = base.extended_gcd(&modulus);
        if !g.gcd.is_one() {
            return Err(PyErr::value("base is not invertible for the given modulus"));
        }
        base = g.x.mod_floor(&modulus);
        exp = -exp;
    }
    let mut r = base.modpow(&exp, &modulus);
    if md.is_negative() && !r.is_zero() {
        r -= &modulus;
    }
    Ok(Num::from_big(r))
}

fn shift_count(b: &Num) -> PyRes<Option<u64>> {
    match b {
        Num::Int(i) if *i < 0 => Err(PyErr::value("negative shift count")),
        Num::Int(i) => Ok(Some(*i as u64)),
        Num::Big(bb) if bb.is_negative() => Err(PyErr::value("negative shift count")),
        Num::Big(_) => Ok(None),
        Num::Float(_) => Err(PyErr::type_err("unsupported operand type(s) for shift")),
    }
}

/// `a << b` on ints.
pub fn lshift(a: &Num, b: &Num) -> PyRes<Num> {
    let count = shift_count(b)?;
    let x = a
        .to_bigint()
        .ok_or_else(|| PyErr::type_err("unsupported operand type(s) for <<"))?;
    if x.is_zero() {
        return Ok(Num::Int(0));
    }
    let Some(n) = count else {
        return Err(PyErr::overflow("too many digits in integer"));
    };
    if let (Num::Int(v), true) = (a, n < 63) {
        if let Some(r) = v.checked_mul(1i64 << n) {
            return Ok(Num::Int(r));
        }
    }
    check_bits(x.bits().saturating_add(n))?;
    Ok(Num::from_big(x << n))
}

/// `a >> b` on ints: floor division by a power of two.
pub fn rshift(a: &Num, b: &Num) -> PyRes<Num> {
    let count = shift_count(b)?;
    let x = a
        .to_bigint()
        .ok_or_else(|| PyErr::type_err("unsupported operand type(s) for >>"))?;
    let n = match count {
        Some(n) if n < x.bits() + 1 => n,
        _ => return Ok(Num::Int(if x.is_negative() { -1 } else { 0 })),
    };
    if let Num::Int(v) = a {
        return Ok(Num::Int(v >> n.min(63)));
    }
    Ok(Num::from_big(x >> n))
}

fn int_pair(a: &Num, b: &Num) -> PyRes<(BigInt, BigInt)> {
    both_big(a, b).ok_or_else(|| PyErr::type_err("unsupported operand type(s) for bitwise operation"))
}

pub fn bitand(a: &Num, b: &Num) -> PyRes<Num> {
    if let (Num::Int(x), Num::Int(y)) = (a, b) {
        return Ok(Num::Int(x & y));
    }
    let (x, y) = int_pair(a, b)?;
    Ok(Num::from_big(x & y))
}

pub fn bitor(a: &Num, b: &Num) -> PyRes<Num> {
    if let (Num::Int(x), Num::Int(y)) = (a, b) {
        return Ok(Num::Int(x | y));
    }
    let (x, y) = int_pair(a, b)?;
    Ok(Num::from_big(x | y))
}

pub fn bitxor(a: &Num, b: &Num) -> PyRes<Num> {
    if let (Num::Int(x), Num::Int(y)) = (a, b) {
        return Ok(Num::Int(x ^ y));
    }
    let (x, y) = int_pair(a, b)?;
    Ok(Num::from_big(x ^ y))
}

/// `~a` on an int: `-(a + 1)`.
pub fn invert(a: &Num) -> PyRes<Num> {
    match a {
        Num::Int(x) => Ok(Num::Int(!x)),
        Num::Big(x) => Ok(Num::from_big(-(x + BigInt::one()))),
        Num::Float(_) => Err(PyErr::type_err("bad operand type for unary ~: 'float'")),
    }
}

pub fn neg(a: &Num) -> Num {
    match a {
        Num::Int(x) => match x.checked_neg() {
            Some(r) => Num::Int(r),
            None => Num::from_big(-BigInt::from(*x)),
        },
        Num::Big(x) => Num::from_big(-x),
        Num::Float(f) => Num::Float(-f),
    }
}

pub fn pos(a: &Num) -> Num {
    a.clone()
}

pub fn abs(a: &Num) -> Num {
    match a {
        Num::Int(x) if *x < 0 => neg(a),
        Num::Big(x) => Num::from_big(x.abs()),
        Num::Float(f) => Num::Float(f.abs()),
        _ => a.clone(),
    }
}

/// Compares an int with a finite or infinite float exactly (no rounding of the int).
fn cmp_int_float(i: &Num, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    if let Num::Int(v) = i {
        if v.unsigned_abs() < (1u64 << 53) {
            return (*v as f64).partial_cmp(&f);
        }
    }
    let x = i.to_bigint()?;
    let fl = f.floor();
    let fb = f64_to_bigint(fl);
    Some(match x.cmp(&fb) {
        Ordering::Equal if fl != f => Ordering::Less,
        o => o,
    })
}

/// Exact comparison across ints, big ints and floats; `None` when a NaN is involved.
pub fn num_cmp(a: &Num, b: &Num) -> Option<Ordering> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => Some(x.cmp(y)),
        (Num::Float(x), Num::Float(y)) => x.partial_cmp(y),
        (Num::Float(x), i) => cmp_int_float(i, *x).map(Ordering::reverse),
        (i, Num::Float(y)) => cmp_int_float(i, *y),
        _ => Some(a.to_bigint()?.cmp(&b.to_bigint()?)),
    }
}

/// `a == b` with Python semantics (`1 == 1.0`, `nan != nan`).
pub fn num_eq(a: &Num, b: &Num) -> bool {
    num_cmp(a, b) == Some(Ordering::Equal)
}

const HASH_BITS: u32 = 61;
const HASH_MOD: u64 = (1 << HASH_BITS) - 1;

/// `hash(n)` exactly as CPython computes it for ints and floats (NaN hashes to 0 here).
pub fn hash_num(n: &Num) -> i64 {
    let h: i64 = match n {
        Num::Int(i) => {
            let m = (i.unsigned_abs() % HASH_MOD) as i64;
            if *i < 0 {
                -m
            } else {
                m
            }
        }
        Num::Big(b) => {
            let m = (b.magnitude() % HASH_MOD).to_i64().unwrap_or(0);
            if b.is_negative() {
                -m
            } else {
                m
            }
        }
        Num::Float(f) => return hash_float(*f),
    };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// CPython's `_Py_HashDouble`, which makes `hash(2.0) == hash(2)`.
fn hash_float(v: f64) -> i64 {
    if v.is_nan() {
        return 0;
    }
    if v.is_infinite() {
        return if v > 0.0 { 314159 } else { -314159 };
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MOD) | (x >> (HASH_BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MOD {
            x -= HASH_MOD;
        }
    }
    let hb = HASH_BITS as i64;
    let e = if e >= 0 { e % hb } else { hb - 1 - ((-1 - e) % hb) } as u32;
    x = ((x << e) & HASH_MOD) | (x >> (HASH_BITS - e));
    let r = (x as i64).wrapping_mul(sign);
    if r == -1 {
        -2
    } else {
        r
    }
}

/// C's `frexp`: `v == m * 2**e` with `0.5 <= |m| < 1` (or `m == 0`).
fn frexp(v: f64) -> (f64, i64) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(v * pow2(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}

#[cfg(test)]
#[path = "pynum/tests.rs"]
mod tests;
