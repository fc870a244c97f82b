//! The format-spec mini-language of `format()`, `str.format` and f-strings for str, int and float, ported from
//! CPython 3.11's Python/formatter_unicode.c with its exact error messages.
//!
//! An empty spec means `str(obj)`: callers should handle it themselves (it differs for bool, whose `format(True, "")`
//! is `'True'` but `format(True, "d")` is `'1'`).

use crate::pyerr::{PyErr, PyRes};
use crate::pyfmt::{double_to_string, DtoaFlags};
use crate::pynum::{self, Num};
use crate::pyunicode;

/// The widest field (and longest precision) we build. CPython would try to allocate any size; a browser tab
/// would die instead of raising, so beyond this we raise `MemoryError`.
pub const MAX_FORMAT_WIDTH: usize = 1 << 24;

/// Thousands separators: `,` or `_` every three digits, or `_` every four for `b`, `o`, `x` and `X`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    None,
    Comma,
    Underscore,
    UnderscoreFour,
}

/// A parsed `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spec {
    pub fill: char,
    /// `<`, `>`, `^` or `=`, already defaulted (`<` for str, `>` for numbers).
    pub align: char,
    /// `+`, `-` or ` ` when given.
    pub sign: Option<char>,
    /// The `z` option (3.11): negative zero after rounding is shown without its sign.
    pub no_neg_0: bool,
    pub alternate: bool,
    pub width: Option<usize>,
    pub grouping: Grouping,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

/// Parses a format spec for an object of the named type (`"str"`, `"int"`, `"float"`, `"bool"`, ...);
/// the name appears in error messages and chooses the default alignment.
pub fn parse_spec(spec: &str, type_name: &str) -> PyRes<Spec> {
    let c: Vec<char> = spec.chars().collect();
    let default_align = if type_name == "str" { '<' } else { '>' };
    let mut s = Spec {
        fill: ' ',
        align: default_align,
        sign: None,
        no_neg_0: false,
        alternate: false,
        width: None,
        grouping: Grouping::None,
        precision: None,
        ty: None,
    };
    let at = |i: usize| c.get(i).copied();
    let is_align = |ch: Option<char>| matches!(ch, Some('<' | '>' | '=' | '^'));
    let mut pos = 0;
    let mut fill_given = false;
    let mut align_given = false;
    if c.len() >= 2 && is_align(at(1)) {
        s.fill = c[0];
        s.align = c[1];
        fill_given = true;
        align_given = true;
        pos = 2;
    } else if is_align(at(0)) {
        s.align = c[0];
        align_given = true;
        pos = 1;
    }
    if let Some(ch @ ('+' | '-' | ' ')) = at(pos) {
        s.sign = Some(ch);
        pos += 1;
    }
    if at(pos) == Some('z') {
        s.no_neg_0 = true;
        pos += 1;
    }
    if at(pos) == Some('#') {
        s.alternate = true;
        pos += 1;
    }
    if !fill_given && at(pos) == Some('0') {
        s.fill = '0';
        if !align_given && default_align == '>' {
            s.align = '=';
        }
        pos += 1;
    }
    s.width = read_number(&c, &mut pos)?;
    if at(pos) == Some(',') {
        s.grouping = Grouping::Comma;
        pos += 1;
    }
    if at(pos) == Some('_') {
        if s.grouping != Grouping::None {
            return Err(PyErr::value("Cannot specify both ',' and '_'."));
        }
        s.grouping = Grouping::Underscore;
        pos += 1;
    }
    if at(pos) == Some(',') {
        return Err(PyErr::value("Cannot specify both ',' and '_'."));
    }
    if at(pos) == Some('.') {
        pos += 1;
        s.precision = read_number(&c, &mut pos)?;
        if s.precision.is_none() {
            return Err(PyErr::value("Format specifier missing precision"));
        }
    }
    if c.len() > pos + 1 {
        return Err(PyErr::value(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        )));
    }
    // The type defaults to 's' for str and 'd' for ints, which matters for the grouping check below.
    s.ty = at(pos).or(match type_name {
        "str" => Some('s'),
        "float" => None,
        _ => Some('d'),
    });
    if s.grouping != Grouping::None {
        match s.ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
            Some('b' | 'o' | 'x' | 'X') if s.grouping == Grouping::Underscore => {
                s.grouping = Grouping::UnderscoreFour;
            }
            Some(t) => {
                let sep = if s.grouping == Grouping::Comma { ',' } else { '_' };
                return Err(PyErr::value(format!("Cannot specify '{sep}' with {}.", code_text(t))));
            }
        }
    }
    Ok(s)
}

/// Reads decimal digits (of any script, as CPython does); `None` when there are none.
fn read_number(c: &[char], pos: &mut usize) -> PyRes<Option<usize>> {
    let mut acc: Option<u64> = None;
    while let Some(d) = c.get(*pos).and_then(|&ch| pyunicode::decimal_value(ch)) {
        let v = acc
            .unwrap_or(0)
            .checked_mul(10)
            .and_then(|v| v.checked_add(d as u64))
            .filter(|&v| v <= i64::MAX as u64)
            .ok_or_else(|| PyErr::value("Too many decimal digits in format string"))?;
        acc = Some(v);
        *pos += 1;
    }
    // Past usize (on 32-bit targets) the value is far beyond MAX_FORMAT_WIDTH anyway.
    Ok(acc.map(|v| usize::try_from(v).unwrap_or(usize::MAX)))
}

/// How CPython quotes a presentation type in messages: `'x'` when printable ASCII, else `'\x..'`.
fn code_text(t: char) -> String {
    if (t as u32) > 32 && (t as u32) < 128 {
        format!("'{t}'")
    } else {
        format!("'\\x{:x}'", t as u32)
    }
}

fn unknown_code(t: char, type_name: &str) -> PyErr {
    PyErr::value(format!(
        "Unknown format code {} for object of type '{type_name}'",
        code_text(t)
    ))
}

fn check_width(spec: &Spec) -> PyRes<()> {
    if spec.width.unwrap_or(0) > MAX_FORMAT_WIDTH || spec.precision.unwrap_or(0) > MAX_FORMAT_WIDTH {
        return Err(PyErr::memory());
    }
    Ok(())
}

fn push_n(out: &mut String, c: char, n: usize) {
    out.extend(std::iter::repeat_n(c, n));
}

/// `format(s, spec)` for a str.
pub fn format_str(s: &str, spec: &str) -> PyRes<String> {
    let sp = parse_spec(spec, "str")?;
    match sp.ty {
        None | Some('s') => {}
        Some(t) => return Err(unknown_code(t, "str")),
    }
    match sp.sign {
        Some(' ') => return Err(PyErr::value("Space not allowed in string format specifier")),
        Some(_) => return Err(PyErr::value("Sign not allowed in string format specifier")),
        None => {}
    }
    if sp.no_neg_0 {
        return Err(PyErr::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if sp.alternate {
        return Err(PyErr::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if sp.align == '=' {
        return Err(PyErr::value("'=' alignment not allowed in string format specifier"));
    }
    check_width(&sp)?;
    let mut len = s.chars().count();
    let mut text = s;
    if let Some(p) = sp.precision {
        if len > p {
            len = p;
            let end = s.char_indices().nth(p).map_or(s.len(), |(i, _)| i);
            text = &s[..end];
        }
    }
    let total = sp.width.unwrap_or(0).max(len);
    let left = match sp.align {
        '>' => total - len,
        '^' => (total - len) / 2,
        _ => 0,
    };
    let mut out = String::with_capacity(text.len() + total - len);
    push_n(&mut out, sp.fill, left);
    out.push_str(text);
    push_n(&mut out, sp.fill, total - len - left);
    Ok(out)
}

/// Inserts thousands separators into ASCII `digits`, padding with zeros up to `min_width` (CPython's
/// `_PyUnicode_InsertThousandsGrouping`, which is how `0`-padding interacts with `,`: `'00,001,234'`).
fn group_digits(digits: &[u8], min_width: i64, grouping: Option<(i64, char)>) -> String {
    let mut rev: Vec<char> = Vec::with_capacity(digits.len() + digits.len() / 3 + 2);
    let mut remaining = digits.len() as i64;
    let mut min_width = min_width;
    let mut pos = digits.len();
    let mut emit = |rev: &mut Vec<char>, chars: i64, zeros: i64, sep: Option<char>| {
        rev.extend(sep);
        for _ in 0..chars {
            pos -= 1;
            rev.push(digits[pos] as char);
        }
        rev.extend(std::iter::repeat_n('0', zeros.max(0) as usize));
    };
    match grouping {
        Some((size, sep)) => {
            let mut use_sep = false;
            loop {
                let len = size.min(remaining.max(min_width).max(1));
                let zeros = (len - remaining).max(0);
                let chars = remaining.min(len).max(0);
                emit(&mut rev, chars, zeros, use_sep.then_some(sep));
                use_sep = true;
                remaining -= chars;
                min_width -= len;
                if remaining <= 0 && min_width <= 0 {
                    break;
                }
                min_width -= 1;
            }
        }
        None => {
            let len = remaining.max(min_width).max(1);
            emit(&mut rev, remaining, len - remaining, None);
        }
    }
    rev.iter().rev().collect()
}

/// The parts of a formatted number that `layout_number` pads: `-` `0x` `1234` `.` `5e+10`.
struct NumberParts<'a> {
    negative: bool,
    prefix: &'a str,
    digits: &'a str,
    has_decimal: bool,
    remainder: &'a str,
}

/// CPython's `calc_number_widths` + `fill_number`: sign, prefix, padding, grouping and alignment.
fn layout_number(p: &NumberParts, spec: &Spec, grouping: Grouping, upper: bool) -> String {
    let sign = match spec.sign {
        Some('+') => Some(if p.negative { '-' } else { '+' }),
        Some(' ') => Some(if p.negative { '-' } else { ' ' }),
        _ => p.negative.then_some('-'),
    };
    let n_prefix = p.prefix.chars().count() as i64;
    let n_non_digit = sign.is_some() as i64 + n_prefix + p.has_decimal as i64 + p.remainder.chars().count() as i64;
    let width = spec.width.map_or(-1, |w| w as i64);
    let min_width = if spec.fill == '0' && spec.align == '=' {
        width - n_non_digit
    } else {
        0
    };
    let group = match grouping {
        Grouping::None => None,
        Grouping::Comma => Some((3, ',')),
        Grouping::Underscore => Some((3, '_')),
        Grouping::UnderscoreFour => Some((4, '_')),
    };
    let mut grouped = if p.digits.is_empty() {
        String::new()
    } else {
        group_digits(p.digits.as_bytes(), min_width, group)
    };
    let mut prefix = p.prefix.to_string();
    if upper {
        grouped.make_ascii_uppercase();
        prefix.make_ascii_uppercase();
    }
    let padding = (width - (n_non_digit + grouped.len() as i64)).max(0) as usize;
    let (mut lpad, mut spad, mut rpad) = (0, 0, 0);
    match spec.align {
        '<' => rpad = padding,
        '^' => {
            lpad = padding / 2;
            rpad = padding - lpad;
        }
        '=' => spad = padding,
        _ => lpad = padding,
    }
    let mut out = String::with_capacity(padding + grouped.len() + 8 + p.remainder.len());
    push_n(&mut out, spec.fill, lpad);
    out.extend(sign);
    out.push_str(&prefix);
    push_n(&mut out, spec.fill, spad);
    out.push_str(&grouped);
    if p.has_decimal {
        out.push('.');
    }
    out.push_str(p.remainder);
    push_n(&mut out, spec.fill, rpad);
    out
}

/// `format(n, spec)` for an int (`type_name` is `"int"` or `"bool"`); types `e f g %` convert to float first.
pub fn format_int(n: &Num, spec: &str, type_name: &str) -> PyRes<String> {
    let sp = parse_spec(spec, type_name)?;
    match sp.ty.unwrap_or('d') {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => format_int_spec(n, &sp),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => format_float_spec(pynum::to_f64(n)?, &sp),
        t => Err(unknown_code(t, type_name)),
    }
}

fn format_int_spec(n: &Num, sp: &Spec) -> PyRes<String> {
    if sp.precision.is_some() {
        return Err(PyErr::value("Precision not allowed in integer format specifier"));
    }
    if sp.no_neg_0 {
        return Err(PyErr::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    check_width(sp)?;
    let ty = sp.ty.unwrap_or('d');
    if ty == 'c' {
        if sp.sign.is_some() {
            return Err(PyErr::value("Sign not allowed with integer format specifier 'c'"));
        }
        if sp.alternate {
            return Err(PyErr::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let ch = match n {
            Num::Int(i) => u32::try_from(*i).ok().and_then(char::from_u32),
            _ => return Err(PyErr::overflow("Python int too large to convert to C long")),
        };
        // Surrogates cannot live in a Rust string; CPython accepts them, we report them as out of range.
        let ch = ch.ok_or_else(|| PyErr::overflow("%c arg not in range(0x110000)"))?;
        let text = ch.to_string();
        let parts = NumberParts {
            negative: false,
            prefix: "",
            digits: "",
            has_decimal: false,
            remainder: &text,
        };
        return Ok(layout_number(&parts, sp, Grouping::None, false));
    }
    let (base, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' | 'X' => (16, "0x"),
        _ => (10, ""),
    };
    let text = crate::pyconv::int_digits(n, base)?;
    let (negative, digits) = match text.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, text.as_str()),
    };
    let parts = NumberParts {
        negative,
        prefix: if sp.alternate { prefix } else { "" },
        digits,
        has_decimal: false,
        remainder: "",
    };
    let grouping = if ty == 'n' { Grouping::None } else { sp.grouping };
    Ok(layout_number(&parts, sp, grouping, ty == 'X'))
}

/// `format(x, spec)` for a float.
pub fn format_float(x: f64, spec: &str) -> PyRes<String> {
    let sp = parse_spec(spec, "float")?;
    match sp.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => format_float_spec(x, &sp),
        Some(t) => Err(unknown_code(t, "float")),
    }
}

fn format_float_spec(x: f64, sp: &Spec) -> PyRes<String> {
    if sp.precision.unwrap_or(0) as u64 > i32::MAX as u64 {
        return Err(PyErr::value("precision too big"));
    }
    check_width(sp)?;
    let mut flags = DtoaFlags {
        alt: sp.alternate,
        no_neg_0: sp.no_neg_0,
        ..DtoaFlags::default()
    };
    let mut ty = sp.ty.unwrap_or('\0');
    let mut default_precision = 6;
    if ty == '\0' {
        // No type: repr() without a precision, else 'g' that always shows a digit after the point.
        flags.add_dot_0 = true;
        ty = 'r';
        default_precision = 0;
    }
    if ty == 'n' {
        ty = 'g';
    }
    let mut val = x;
    let mut add_pct = false;
    if ty == '%' {
        ty = 'f';
        val *= 100.0;
        add_pct = true;
    }
    let precision = match sp.precision {
        None => default_precision,
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
    };
    let mut text = double_to_string(val, ty, precision, flags);
    if add_pct {
        text.push('%');
    }
    let (negative, body) = match text.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, text.as_str()),
    };
    let n_digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = body.split_at(n_digits);
    let (has_decimal, remainder) = match rest.strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let parts = NumberParts {
        negative,
        prefix: "",
        digits,
        has_decimal,
        remainder,
    };
    let grouping = if sp.ty == Some('n') {
        Grouping::None
    } else {
        sp.grouping
    };
    Ok(layout_number(&parts, sp, grouping, false))
}

#[cfg(test)]
#[path = "pyspec/tests.rs"]
mod tests;
