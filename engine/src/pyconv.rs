//! Conversions between Python numbers and text, and rounding: `int(s, base)`, `float(s)`, `str(n)`, `bin`/`oct`/`hex`,
//! and `round()` for ints and floats, with CPython's errors.

use crate::pyerr::{PyErr, PyRes};
use crate::pyfmt::str_repr;
use crate::pynum::Num;
use crate::pyunicode;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

/// CPython 3.11's default `sys.get_int_max_str_digits()`: longer decimal conversions raise ValueError.
pub const MAX_STR_DIGITS: usize = 4300;

fn to_str_limit_error() -> PyErr {
    PyErr::value(format!(
        "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// `str(n)` of an int, refusing more than 4300 digits as CPython 3.11 does.
pub fn int_to_decimal(n: &Num) -> PyRes<String> {
    match n {
        Num::Int(i) => Ok(i.to_string()),
        Num::Big(b) => {
            // 2**14287 already has more than 4300 digits: refuse before the quadratic conversion.
            if b.bits() > 14_287 {
                return Err(to_str_limit_error());
            }
            let s = b.to_string();
            if s.trim_start_matches('-').len() > MAX_STR_DIGITS {
                return Err(to_str_limit_error());
            }
            Ok(s)
        }
        Num::Float(f) => Ok(crate::pyfmt::float_repr(*f)),
    }
}

/// The digits of an int in base 2, 8, 10 or 16 (lower case), with a leading `-` and no prefix.
/// Base 10 obeys the 4300-digit limit.
pub fn int_digits(n: &Num, base: u32) -> PyRes<String> {
    if base == 10 {
        return int_to_decimal(n);
    }
    Ok(match n {
        Num::Int(i) => {
            let mag = i.unsigned_abs();
            let body = match base {
                2 => format!("{mag:b}"),
                8 => format!("{mag:o}"),
                _ => format!("{mag:x}"),
            };
            if *i < 0 {
                format!("-{body}")
            } else {
                body
            }
        }
        Num::Big(b) => b.to_str_radix(base),
        Num::Float(_) => String::new(),
    })
}

/// `bin(n)`, `oct(n)` and `hex(n)`: `base` is 2, 8 or 16; gives `0b101`, `-0o17`, `-0x1f`.
pub fn int_to_str_radix(n: &Num, base: u32) -> String {
    let prefix = match base {
        2 => "0b",
        8 => "0o",
        _ => "0x",
    };
    let digits = int_digits(n, base).unwrap_or_default();
    match digits.strip_prefix('-') {
        Some(rest) => format!("-{prefix}{rest}"),
        None => format!("{prefix}{digits}"),
    }
}

/// CPython first maps non-ASCII whitespace to ' ' and non-ASCII decimal digits to ASCII digits; anything else
/// non-ASCII can never be valid, so it becomes a character no parser accepts.
fn to_ascii_number_text(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| {
            if c.is_ascii() {
                c as u8
            } else if pyunicode::is_space(c) {
                b' '
            } else if let Some(d) = pyunicode::decimal_value(c) {
                b'0' + d as u8
            } else {
                b'?'
            }
        })
        .collect()
}

/// C's `isspace` in the "C" locale, which is what int() and float() strip after the transformation above.
fn is_c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

fn digit_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => (b - b'0') as u32,
        b'a'..=b'z' => (b - b'a') as u32 + 10,
        b'A'..=b'Z' => (b - b'A') as u32 + 10,
        _ => 99,
    }
}

/// `int(s, base)` of a str: whitespace, sign, underscores between digits, base 0 prefixes, non-ASCII digits,
/// the 4300-digit limit, and `invalid literal for int() with base 10: 'x'`.
pub fn int_from_str(s: &str, base: i64) -> PyRes<Num> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(PyErr::value("int() base must be >= 2 and <= 36, or 0"));
    }
    let invalid = |base: i64| {
        let r: String = str_repr(s).chars().take(200).collect();
        PyErr::value(format!("invalid literal for int() with base {base}: {r}"))
    };
    let t = to_ascii_number_text(s);
    let mut i = 0;
    let at = |i: usize| t.get(i).copied().unwrap_or(0);
    while is_c_space(at(i)) {
        i += 1;
    }
    let negative = at(i) == b'-';
    if matches!(at(i), b'+' | b'-') {
        i += 1;
    }
    let mut base = base as u32;
    let mut error_if_nonzero = false;
    let lower_next = at(i + 1).to_ascii_lowercase();
    if base == 0 {
        base = if at(i) != b'0' {
            10
        } else {
            match lower_next {
                b'x' => 16,
                b'o' => 8,
                b'b' => 2,
                _ => {
                    // "010" was an octal literal in Python 2 and is only accepted when it is zero.
                    error_if_nonzero = true;
                    10
                }
            }
        };
    }
    if at(i) == b'0' && matches!((base, lower_next), (16, b'x') | (8, b'o') | (2, b'b')) {
        i += 2;
        if at(i) == b'_' {
            i += 1;
        }
    }
    let shown_base = if error_if_nonzero { 0 } else { base as i64 };
    if at(i) == b'_' {
        return Err(invalid(shown_base));
    }
    let start = i;
    let mut digits = 0usize;
    let mut prev = 0u8;
    while digit_value(at(i)) < base || at(i) == b'_' {
        if at(i) == b'_' && prev == b'_' {
            return Err(invalid(shown_base));
        }
        if at(i) != b'_' {
            digits += 1;
        }
        prev = at(i);
        i += 1;
    }
    if prev == b'_' || digits == 0 {
        return Err(invalid(shown_base));
    }
    if !base.is_power_of_two() && digits > MAX_STR_DIGITS {
        return Err(PyErr::value(format!(
            "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: value has {digits} digits; \
             use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    let body: Vec<u8> = t[start..i].iter().copied().filter(|&b| b != b'_').collect();
    let mut j = i;
    while is_c_space(at(j)) {
        j += 1;
    }
    if j != t.len() {
        return Err(invalid(shown_base));
    }
    let mag = BigInt::parse_bytes(&body, base).ok_or_else(|| invalid(shown_base))?;
    if error_if_nonzero && !mag.is_zero() {
        return Err(invalid(0));
    }
    Ok(Num::from_big(if negative { -mag } else { mag }))
}

/// `float(s)` of a str: surrounding whitespace, `inf`/`infinity`/`nan` in any case, exponents, underscores between
/// digits, non-ASCII digits, and `could not convert string to float: 'x'`.
pub fn float_from_str(s: &str) -> PyRes<f64> {
    let invalid = || PyErr::value(format!("could not convert string to float: {}", str_repr(s)));
    let mut t = to_ascii_number_text(s);
    if t.contains(&b'_') {
        let mut out = Vec::with_capacity(t.len());
        let mut prev = 0u8;
        for &c in &t {
            if c == b'_' {
                if !prev.is_ascii_digit() {
                    return Err(invalid());
                }
            } else {
                if prev == b'_' && !c.is_ascii_digit() {
                    return Err(invalid());
                }
                out.push(c);
            }
            prev = c;
        }
        if prev == b'_' {
            return Err(invalid());
        }
        t = out;
    }
    let text = std::str::from_utf8(&t).map_err(|_| invalid())?;
    let text = text.trim_matches(|c: char| c.is_ascii() && is_c_space(c as u8));
    // The reader takes Python's grammar once underscores and non-ASCII digits are gone, and nothing else.
    crate::floatread::parse_f64(text).ok_or_else(invalid)
}

/// The exact value of a finite float as `(mantissa, exponent)` with `x == mantissa * 2**exponent`.
fn float_parts(x: f64) -> (BigInt, i64) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp - 1075)
    };
    let m = BigInt::from(m);
    (if x < 0.0 { -m } else { m }, e)
}

/// Rounds `num / den` (den > 0) to the nearest integer, ties to even.
fn round_half_even(num: &BigInt, den: &BigInt) -> BigInt {
    let (q, r) = num.div_mod_floor(den);
    let twice = &r * 2;
    if twice > *den || (twice == *den && q.is_odd()) {
        q + 1
    } else {
        q
    }
}

/// `round(x)` and `round(x, ndigits)` of a float. Without `ndigits` the result is an int (ties to even);
/// with it, a float correctly rounded to that many decimal places, like `round(2.675, 2) == 2.67`.
/// A huge int `ndigits` may be passed saturated to `i64`: CPython treats anything beyond ±323 alike.
pub fn round_float(x: f64, ndigits: Option<i64>) -> PyRes<Num> {
    let Some(n) = ndigits else {
        return crate::pynum::float_to_int(x.round_ties_even());
    };
    if !x.is_finite() || x == 0.0 {
        return Ok(Num::Float(x));
    }
    // Beyond these bounds every float is unchanged, or rounds to a zero of its sign.
    if n > 323 {
        return Ok(Num::Float(x));
    }
    if n < -308 {
        return Ok(Num::Float(0.0 * x));
    }
    let text = if n >= 0 {
        format!("{:.*}", n as usize, x)
    } else {
        let (m, e) = float_parts(x);
        let ten_k = num_traits::pow(BigInt::from(10), (-n) as usize);
        let (num, den) = if e >= 0 {
            (m << e as u64, ten_k)
        } else {
            (m, ten_k << (-e) as u64)
        };
        let q = round_half_even(&num, &den);
        if q.is_zero() {
            return Ok(Num::Float(0.0f64.copysign(x)));
        }
        format!("{q}e{}", -n)
    };
    let r = crate::floatread::parse_f64(&text).unwrap_or(f64::NAN);
    if r.is_infinite() {
        return Err(PyErr::overflow("rounded value too large to represent"));
    }
    Ok(Num::Float(if r == 0.0 { 0.0f64.copysign(x) } else { r }))
}

/// `round(n, ndigits)` of an int: unchanged for `ndigits >= 0`, else rounded to a multiple of `10**-ndigits`
/// with ties to even (`round(1250, -2) == 1200`).
pub fn round_int(n: &Num, ndigits: i64) -> PyRes<Num> {
    if ndigits >= 0 {
        return Ok(n.clone());
    }
    let x = n.to_bigint().unwrap_or_default();
    let k = ndigits.unsigned_abs();
    // 10**k is more than twice |n| once k exceeds its digit count, so the result is 0.
    let max_digits = x.bits() * 30103 / 100000 + 2;
    if k > max_digits {
        return Ok(Num::Int(0));
    }
    let pow = num_traits::pow(BigInt::from(10), k as usize);
    let q = round_half_even(&x, &pow);
    Ok(Num::from_big(q * pow))
}

/// Saturates an int to `i64`, for arguments (like `ndigits`) where only the sign matters beyond that range.
pub fn saturating_i64(n: &Num) -> i64 {
    match n {
        Num::Int(i) => *i,
        Num::Big(b) => b.to_i64().unwrap_or(if b.is_negative() { i64::MIN } else { i64::MAX }),
        Num::Float(f) => *f as i64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(r: PyRes<impl std::fmt::Debug>) -> String {
        match r {
            Ok(v) => format!("ok {v:?}"),
            Err(e) => format!("{}: {}", e.kind, e.msg),
        }
    }

    #[test]
    fn int_from_str_matches_python() {
        // Outcomes printed by python3.11 for int(s, base).
        let ok: &[(&str, i64, i64)] = &[
            ("12", 10, 12),
            (" 12 ", 10, 12),
            ("1_000", 10, 1000),
            ("0x1f", 16, 31),
            ("0x_1f", 16, 31),
            ("0x1f", 0, 31),
            ("0o17", 0, 15),
            ("0b101", 0, 5),
            ("0B1", 0, 1),
            ("00", 0, 0),
            ("0_0", 0, 0),
            ("+5", 10, 5),
            ("-5", 10, -5),
            ("١٢٣", 10, 123),
            ("١_٢", 10, 12),
            ("12\u{a0}", 10, 12),
            ("z", 36, 35),
            ("Z", 36, 35),
            ("0b1", 2, 1),
            ("-0x10", 0, -16),
            ("  -0x10  ", 16, -16),
            ("\t\n12\x0b\x0c\r", 10, 12),
        ];
        for &(s, b, want) in ok {
            assert_eq!(int_from_str(s, b), Ok(Num::Int(want)), "{s:?}");
        }
        let bad: &[(&str, i64, &str)] = &[
            ("1__0", 10, "invalid literal for int() with base 10: '1__0'"),
            ("_1", 10, "invalid literal for int() with base 10: '_1'"),
            ("1_", 10, "invalid literal for int() with base 10: '1_'"),
            ("010", 0, "invalid literal for int() with base 0: '010'"),
            ("0x", 16, "invalid literal for int() with base 16: '0x'"),
            ("", 10, "invalid literal for int() with base 10: ''"),
            (" ", 10, "invalid literal for int() with base 10: ' '"),
            ("- 5", 10, "invalid literal for int() with base 10: '- 5'"),
            ("1e5", 10, "invalid literal for int() with base 10: '1e5'"),
            ("0x10", 10, "invalid literal for int() with base 10: '0x10'"),
            ("1\x00", 10, "invalid literal for int() with base 10: '1\\x00'"),
            ("12\x1c", 10, "invalid literal for int() with base 10: '12\\x1c'"),
            ("+", 10, "invalid literal for int() with base 10: '+'"),
            ("-_1", 10, "invalid literal for int() with base 10: '-_1'"),
            ("1", 1, "int() base must be >= 2 and <= 36, or 0"),
            ("1", 37, "int() base must be >= 2 and <= 36, or 0"),
        ];
        for &(s, b, want) in bad {
            let e = int_from_str(s, b).unwrap_err();
            assert_eq!((e.kind, e.msg.as_str()), ("ValueError", want), "{s:?}");
        }
        let long = "a".repeat(300);
        assert_eq!(int_from_str(&long, 10).unwrap_err().msg.len(), 240);
        let e = int_from_str(&"9".repeat(5000), 10).unwrap_err();
        assert_eq!(e.msg, "Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit");
        assert!(int_from_str(&"f".repeat(5000), 16).is_ok());
        assert_eq!(
            int_from_str("123456789012345678901234567890", 10),
            Ok(Num::Big("123456789012345678901234567890".parse().unwrap()))
        );
    }

    #[test]
    fn float_from_str_matches_python() {
        let ok: &[(&str, f64)] = &[
            ("1_0.5", 10.5),
            ("1e1_0", 1e10),
            (" 1.5 ", 1.5),
            ("١.٥", 1.5),
            ("inf", f64::INFINITY),
            ("-Infinity", f64::NEG_INFINITY),
            ("1.", 1.0),
            (".5", 0.5),
            ("1e500", f64::INFINITY),
            ("\u{a0}1.5\u{2003}", 1.5),
        ];
        for &(s, want) in ok {
            assert_eq!(float_from_str(s), Ok(want), "{s:?}");
        }
        assert!(float_from_str("+nan").unwrap().is_nan());
        for s in [
            "1._5",
            "1_.5",
            "1e_10",
            "_1.0",
            "1.0_",
            "nan1",
            "1e",
            ".",
            ".e1",
            "0x10",
            "infinit",
            "in",
            "1.5\x1c",
            "1,5",
            "1d",
            "infinity_",
            "",
            " ",
        ] {
            let e = float_from_str(s).unwrap_err();
            assert_eq!(e.msg, format!("could not convert string to float: {}", str_repr(s)));
        }
    }

    #[test]
    fn to_text() {
        assert_eq!(int_to_str_radix(&Num::Int(5), 2), "0b101");
        assert_eq!(int_to_str_radix(&Num::Int(-31), 16), "-0x1f");
        assert_eq!(int_to_str_radix(&Num::Int(15), 8), "0o17");
        assert_eq!(int_to_str_radix(&Num::Int(i64::MIN), 16), "-0x8000000000000000");
        assert_eq!(int_to_str_radix(&Num::Int(0), 2), "0b0");
        let big = Num::from_big(BigInt::from(1) << 14_000u32);
        assert_eq!(int_to_decimal(&big).map(|s| s.len()), Ok(4215));
        let big = Num::from_big(BigInt::from(10).pow(4300u32));
        assert_eq!(
            err(int_to_decimal(&big)),
            format!("ValueError: {}", to_str_limit_error().msg)
        );
        let just = Num::from_big(BigInt::from(10).pow(4300u32) - 1);
        assert_eq!(int_to_decimal(&just).map(|s| s.len()), Ok(4300));
    }

    #[test]
    fn rounding_matches_python() {
        let f = |x: f64, n: Option<i64>| round_float(x, n);
        assert_eq!(f(2.675, Some(2)), Ok(Num::Float(2.67)));
        assert_eq!(f(-4.0, Some(-1)).map(|n| format!("{n:?}")), Ok("Float(-0.0)".into()));
        assert_eq!(f(5e-324, Some(400)), Ok(Num::Float(5e-324)));
        assert_eq!(f(0.5, None), Ok(Num::Int(0)));
        assert_eq!(f(1.5, None), Ok(Num::Int(2)));
        assert_eq!(f(-2.5, None), Ok(Num::Int(-2)));
        assert_eq!(f(1250.0, Some(-2)), Ok(Num::Float(1200.0)));
        assert_eq!(f(1350.0, Some(-2)), Ok(Num::Float(1400.0)));
        assert_eq!(f(0.125, Some(2)), Ok(Num::Float(0.12)));
        assert_eq!(f(0.375, Some(2)), Ok(Num::Float(0.38)));
        assert_eq!(f(1e300, Some(-300)), Ok(Num::Float(1e300)));
        assert_eq!(f(f64::INFINITY, Some(2)), Ok(Num::Float(f64::INFINITY)));
        assert_eq!(
            err(f(1.7976931348623157e308, Some(-308))),
            "OverflowError: rounded value too large to represent"
        );
        assert_eq!(
            err(f(f64::INFINITY, None)),
            "OverflowError: cannot convert float infinity to integer"
        );
        assert_eq!(
            err(f(f64::NAN, None)),
            "ValueError: cannot convert float NaN to integer"
        );
        let i = |n: i64, d: i64| round_int(&Num::Int(n), d);
        assert_eq!(i(1234, -2), Ok(Num::Int(1200)));
        assert_eq!(i(1250, -2), Ok(Num::Int(1200)));
        assert_eq!(i(1350, -2), Ok(Num::Int(1400)));
        assert_eq!(i(-1250, -2), Ok(Num::Int(-1200)));
        assert_eq!(i(15, -1), Ok(Num::Int(20)));
        assert_eq!(i(1234, 2), Ok(Num::Int(1234)));
        assert_eq!(i(5, -10_000_000_000), Ok(Num::Int(0)));
        assert_eq!(i(50, -2), Ok(Num::Int(0)));
        assert_eq!(i(51, -2), Ok(Num::Int(100)));
    }
}
