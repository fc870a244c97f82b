//! CPython's text forms of floats, strs and bytes: `repr(float)`, `repr(str)`, `repr(bytes)` and `PyOS_double_to_string`.
//!
//! Floats go through `double_to_string`, a port of CPython's `format_float_short` (Python/pystrtod.c). The digit
//! strings themselves come from Rust's float formatting, which is exact: `{:e}` gives the shortest round-trip digits
//! (dtoa mode 0), and `{:.*e}` / `{:.*}` give correctly rounded digits with ties to even (dtoa modes 2 and 3).

use crate::pyunicode;

/// Options of `double_to_string`, CPython's `Py_DTSF_*` flags.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DtoaFlags {
    /// `Py_DTSF_SIGN`: always write a sign.
    pub sign: bool,
    /// `Py_DTSF_ADD_DOT_0`: write `1.0` rather than `1` when there is no exponent.
    pub add_dot_0: bool,
    /// `Py_DTSF_ALT`: the `#` form, which keeps trailing zeros and the decimal point.
    pub alt: bool,
    /// `Py_DTSF_NO_NEG_0`: the `z` option, which turns a result that rounds to `-0` into `0`.
    pub no_neg_0: bool,
}

/// `repr(x)` and `str(x)` of a float: `1.0`, `1e+16`, `1e-05`, `inf`, `nan`, `-0.0`.
pub fn float_repr(x: f64) -> String {
    double_to_string(
        x,
        'r',
        0,
        DtoaFlags {
            add_dot_0: true,
            ..DtoaFlags::default()
        },
    )
}

/// The decimal digits of `|x|` (finite) without trailing zeros, and the position of the decimal point:
/// the value is `0.DIGITS * 10**decpt`. Zero is `("0", 1)`, as in David Gay's dtoa.
fn digits_of(x: f64, mode: u8, ndigits: usize) -> (Vec<u8>, i64) {
    // A double's exact decimal expansion has at most 1,074 digits after the point and 767 significant ones, so
    // asking for more only adds zeros, which go below; capping keeps Rust's formatter under its precision limit
    // of 65,535 (`f"{1:.100000f}"` is legal Python).
    let ndigits = ndigits.min(if mode == 3 { 1_100 } else { 800 });
    let x = x.abs();
    let (mut digits, decpt) = if mode == 3 {
        let s = format!("{:.*}", ndigits, x);
        let (int_part, frac) = s.split_once('.').unwrap_or((s.as_str(), ""));
        let mut d: Vec<u8> = int_part.bytes().chain(frac.bytes()).collect();
        let mut decpt = int_part.len() as i64;
        let lead = d.iter().take_while(|&&b| b == b'0').count();
        d.drain(..lead);
        decpt -= lead as i64;
        (d, decpt)
    } else {
        // Mode 0 asks for the shortest round-trip digits, mode 2 for `ndigits` significant digits.
        let s = if mode == 0 {
            format!("{:e}", x)
        } else {
            format!("{:.*e}", ndigits.saturating_sub(1), x)
        };
        let (mant, exp) = s.split_once('e').unwrap_or((s.as_str(), "0"));
        let d: Vec<u8> = mant.bytes().filter(|b| b.is_ascii_digit()).collect();
        (d, exp.parse::<i64>().unwrap_or(0) + 1)
    };
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    if digits.is_empty() {
        return (vec![b'0'], 1);
    }
    (digits, decpt)
}

/// CPython's `PyOS_double_to_string(x, code, precision, flags)`: `code` is one of `eEfFgGr`
/// (`r` is repr and ignores `precision`). Infinities and NaNs give `inf`/`nan` (upper case for `EFG`).
pub fn double_to_string(x: f64, code: char, precision: usize, flags: DtoaFlags) -> String {
    let upper = matches!(code, 'E' | 'F' | 'G');
    let code = code.to_ascii_lowercase();
    let mut precision = precision as i64;
    let (mode, ndigits) = match code {
        'e' => {
            precision += 1;
            (2, precision)
        }
        'f' => (3, precision),
        'g' => {
            if precision == 0 {
                precision = 1;
            }
            (2, precision)
        }
        _ => (0, 0),
    };
    let mut out = String::new();
    let mut negative = x.is_sign_negative();
    if !x.is_finite() {
        // The sign of a NaN is never shown.
        if x.is_nan() {
            negative = false;
        }
        if negative {
            out.push('-');
        } else if flags.sign {
            out.push('+');
        }
        let word = if x.is_nan() { "nan" } else { "inf" };
        out.push_str(&if upper {
            word.to_ascii_uppercase()
        } else {
            word.to_string()
        });
        return out;
    }
    let (digits, mut decpt) = digits_of(x, mode, ndigits.max(0) as usize);
    if flags.no_neg_0 && negative && digits == b"0" {
        negative = false;
    }
    let digits_len = digits.len() as i64;
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            let limit = if flags.add_dot_0 { precision - 1 } else { precision };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = precision;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    vdigits_end = if !use_exp && flags.add_dot_0 {
        vdigits_end.max(decpt + 1)
    } else {
        vdigits_end.max(decpt)
    };
    if negative {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    let zeros = |out: &mut String, n: i64| {
        for _ in 0..n.max(0) {
            out.push('0');
        }
    };
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    let text = |d: &[u8]| d.iter().map(|&b| b as char).collect::<String>();
    if 0 < decpt && decpt <= digits_len {
        let (a, b) = digits.split_at(decpt as usize);
        out.push_str(&text(a));
        out.push('.');
        out.push_str(&text(b));
    } else {
        out.push_str(&text(&digits));
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.unsigned_abs()));
    }
    out
}

/// `repr(s)` of a str: single quotes unless the text holds `'` and no `"`, with `\n`, `\t`, `\r`, `\\`, `\xhh`,
/// `\uhhhh` and `\Uhhhhhhhh` escapes for characters that `str.isprintable()` rejects.
pub fn str_repr(s: &str) -> String {
    repr_impl(s, false)
}

/// `ascii(s)` of a str: like `repr`, but every non-ASCII character is escaped too.
pub fn str_ascii(s: &str) -> String {
    repr_impl(s, true)
}

fn repr_impl(s: &str, ascii_only: bool) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            c if !c.is_ascii() && !ascii_only && pyunicode::is_printable(c) => out.push(c),
            c => {
                let n = c as u32;
                if n < 0x100 {
                    out.push_str(&format!("\\x{:02x}", n));
                } else if n < 0x10000 {
                    out.push_str(&format!("\\u{:04x}", n));
                } else {
                    out.push_str(&format!("\\U{:08x}", n));
                }
            }
        }
    }
    out.push(quote);
    out
}

/// `repr(b)` of a bytes object: `b'...'`, with the same quote rule as str and `\xhh` for non-printable bytes.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            b' '..=b'~' => out.push(c as char),
            c => out.push_str(&format!("\\x{:02x}", c)),
        }
    }
    out.push(quote as char);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_repr_matches_python() {
        // Expected values printed by python3.11's repr().
        let cases: &[(f64, &str)] = &[
            (1.0, "1.0"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (1e16, "1e+16"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (123456789012345.0, "123456789012345.0"),
            (1.2345678901234567e16, "1.2345678901234568e+16"),
            (9999999999999998.0, "9999999999999998.0"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1.0 / 3.0, "0.3333333333333333"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-f64::NAN, "nan"),
            (5e-324, "5e-324"),
            (f64::MAX, "1.7976931348623157e+308"),
            (1e22, "1e+22"),
            (123.456, "123.456"),
            (-2.5e-7, "-2.5e-07"),
            (100.0, "100.0"),
        ];
        for &(x, want) in cases {
            assert_eq!(float_repr(x), want, "{x:?}");
        }
    }

    #[test]
    fn double_to_string_codes() {
        let f = DtoaFlags::default();
        let alt = DtoaFlags { alt: true, ..f };
        // Expected values from python3.11's '%.<p><code>' % x.
        let cases: &[(f64, char, usize, DtoaFlags, &str)] = &[
            (0.125, 'f', 2, f, "0.12"),
            (2.675, 'f', 2, f, "2.67"),
            (1.5, 'f', 0, f, "2"),
            (2.5, 'f', 0, f, "2"),
            (1.5, 'f', 0, alt, "2."),
            (-0.0001, 'f', 2, f, "-0.00"),
            (1e300, 'e', 3, f, "1.000e+300"),
            (12345.678, 'E', 2, f, "1.23E+04"),
            (0.0, 'e', 0, f, "0e+00"),
            (0.0001, 'g', 6, f, "0.0001"),
            (0.00001, 'g', 6, f, "1e-05"),
            (123456789.0, 'g', 6, f, "1.23457e+08"),
            (1.0, 'g', 6, alt, "1.00000"),
            (100.0, 'g', 0, f, "1e+02"),
            (f64::INFINITY, 'F', 2, f, "INF"),
            (f64::NAN, 'g', 2, f, "nan"),
            (0.5, 'g', 0, f, "0.5"),
            (1e15, 'g', 16, f, "1000000000000000"),
        ];
        for &(x, code, p, fl, want) in cases {
            assert_eq!(double_to_string(x, code, p, fl), want, "{x:?} {code} {p}");
        }
    }

    #[test]
    fn reprs_match_python() {
        assert_eq!(str_repr("abc"), "'abc'");
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("it's \"x\""), "'it\\'s \"x\"'");
        assert_eq!(str_repr("a\nb\tc\\\r\x00\x7f"), "'a\\nb\\tc\\\\\\r\\x00\\x7f'");
        assert_eq!(str_repr("é中😀"), "'é中😀'");
        assert_eq!(
            str_repr("\u{a0}\u{200b}\u{e000}\u{f0000}"),
            "'\\xa0\\u200b\\ue000\\U000f0000'"
        );
        assert_eq!(str_ascii("é😀"), "'\\xe9\\U0001f600'");
        assert_eq!(bytes_repr(b"a'\x00\xff\n"), "b\"a'\\x00\\xff\\n\"");
        assert_eq!(bytes_repr(b""), "b''");
    }
}
