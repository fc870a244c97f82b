//! printf-style `"%d %s %5.2f" % args` for str: parsing the format and formatting one argument, ported from
//! CPython 3.11's `PyUnicode_Format` (Objects/unicodeobject.c) with its error messages.
//!
//! The caller walks the pieces in order, fetching arguments itself (positional or `%(key)`), because CPython
//! raises errors in that order: an argument error for an earlier field wins over a malformed later one.
//! Per field: resolve `*` width/precision (`set_star_width`/`set_star_prec`), fetch the value ("not enough arguments
//! for format string"), then call `format_int` (d i u o x X), `format_float` (e E f F g G), or `format_text` with the
//! value's `str()`/`repr()`/`ascii()` (s r a) or its character (c, see `char_from_int`); any other conversion
//! raises `spec.unsupported()`. Afterwards, leftover positional args raise "not all arguments converted during
//! string formatting".

use crate::pyconv::int_digits;
use crate::pyerr::{PyErr, PyRes};
use crate::pyfmt::{double_to_string, DtoaFlags};
use crate::pynum::Num;
use crate::pyspec::MAX_FORMAT_WIDTH;

/// One conversion such as `%-08.3f` or `%(name)s`.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct PercentSpec {
    /// The `name` of `%(name)s`: the value comes from the mapping argument (else "format requires a mapping").
    pub key: Option<String>,
    pub left: bool,
    pub plus: bool,
    pub space: bool,
    pub alt: bool,
    pub zero: bool,
    pub width: Option<usize>,
    pub width_star: bool,
    pub prec: Option<usize>,
    pub prec_star: bool,
    /// The conversion character (`d`, `s`, ...), not yet validated.
    pub conv: char,
    /// The character index of `conv` in the format string, for "unsupported format character".
    pub index: usize,
}

/// A piece of a `%` format string. An `Error` is always the last piece: CPython only reports a malformed
/// conversion once it gets there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PercentPiece {
    Literal(String),
    Spec(PercentSpec),
    Error(PyErr),
}

impl PercentSpec {
    /// Applies a `*` width taken from the arguments (it must be an int: "* wants int"); negative means left-aligned.
    pub fn set_star_width(&mut self, w: i64) -> PyRes<()> {
        if w < 0 {
            self.left = true;
        }
        self.width = Some(checked_len(w.unsigned_abs())?);
        Ok(())
    }

    /// Applies a `*` precision taken from the arguments; negative means zero.
    pub fn set_star_prec(&mut self, p: i64) -> PyRes<()> {
        if p > i32::MAX as i64 || p < i32::MIN as i64 {
            return Err(PyErr::overflow("Python int too large to convert to C int"));
        }
        self.prec = Some(checked_len(p.max(0) as u64)?);
        Ok(())
    }

    /// `ValueError: unsupported format character 'y' (0x79) at index 3`.
    pub fn unsupported(&self) -> PyErr {
        let c = self.conv;
        let shown = if (31..=126).contains(&(c as u32)) { c } else { '?' };
        PyErr::value(format!(
            "unsupported format character '{shown}' (0x{:x}) at index {}",
            c as u32, self.index
        ))
    }
}

fn checked_len(n: u64) -> PyRes<usize> {
    usize::try_from(n)
        .ok()
        .filter(|&n| n <= MAX_FORMAT_WIDTH)
        .ok_or_else(PyErr::memory)
}

/// Splits a `%` format string into literal text (with `%%` already turned into `%`) and conversions.
pub fn parse_percent_format(fmt: &str) -> Vec<PercentPiece> {
    let c: Vec<char> = fmt.chars().collect();
    let mut pieces = Vec::new();
    let mut lit = String::new();
    let mut i = 0;
    while i < c.len() {
        if c[i] != '%' {
            lit.push(c[i]);
            i += 1;
            continue;
        }
        i += 1;
        if c.get(i) == Some(&'%') {
            lit.push('%');
            i += 1;
            continue;
        }
        if !lit.is_empty() {
            pieces.push(PercentPiece::Literal(std::mem::take(&mut lit)));
        }
        match parse_one(&c, &mut i) {
            Ok(spec) => pieces.push(PercentPiece::Spec(spec)),
            Err(e) => {
                pieces.push(PercentPiece::Error(e));
                return pieces;
            }
        }
    }
    if !lit.is_empty() {
        pieces.push(PercentPiece::Literal(lit));
    }
    pieces
}

/// Parses the conversion after a `%` (CPython's `unicode_format_arg_parse`), leaving `i` after it.
fn parse_one(c: &[char], i: &mut usize) -> PyRes<PercentSpec> {
    let mut spec = PercentSpec::default();
    let incomplete = || PyErr::value("incomplete format");
    if c.get(*i) == Some(&'(') {
        *i += 1;
        let start = *i;
        let mut depth = 1;
        while *i < c.len() {
            match c[*i] {
                ')' => depth -= 1,
                '(' => depth += 1,
                _ => {}
            }
            *i += 1;
            if depth == 0 {
                break;
            }
        }
        if depth > 0 {
            return Err(PyErr::value("incomplete format key"));
        }
        spec.key = Some(c[start..*i - 1].iter().collect());
    }
    while let Some(&ch) = c.get(*i) {
        match ch {
            '-' => spec.left = true,
            '+' => spec.plus = true,
            ' ' => spec.space = true,
            '#' => spec.alt = true,
            '0' => spec.zero = true,
            _ => break,
        }
        *i += 1;
    }
    if c.get(*i) == Some(&'*') {
        spec.width_star = true;
        *i += 1;
    } else {
        spec.width = read_digits(c, i, "width too big", i64::MAX as u64)?;
    }
    if c.get(*i) == Some(&'.') {
        *i += 1;
        spec.prec = Some(0);
        if c.get(*i) == Some(&'*') {
            spec.prec_star = true;
            *i += 1;
        } else if let Some(p) = read_digits(c, i, "precision too big", i32::MAX as u64)? {
            spec.prec = Some(p);
        }
    }
    if matches!(c.get(*i), Some('h' | 'l' | 'L')) {
        *i += 1;
    }
    let conv = *c.get(*i).ok_or_else(incomplete)?;
    spec.conv = conv;
    spec.index = *i;
    *i += 1;
    Ok(spec)
}

fn read_digits(c: &[char], i: &mut usize, msg: &str, max: u64) -> PyRes<Option<usize>> {
    let mut acc: Option<u64> = None;
    while let Some(d) = c.get(*i).and_then(|ch| ch.to_digit(10)) {
        let v = acc
            .unwrap_or(0)
            .checked_mul(10)
            .and_then(|v| v.checked_add(d as u64))
            .filter(|&v| v <= max)
            .ok_or_else(|| PyErr::value(msg))?;
        acc = Some(v);
        *i += 1;
    }
    // Past usize (on 32-bit targets) the value is far beyond MAX_FORMAT_WIDTH anyway.
    Ok(acc.map(|v| usize::try_from(v).unwrap_or(usize::MAX)))
}

/// CPython's `unicode_format_arg_output`: sign, `0x` prefix, zero or space padding, and truncation for s/r/a.
fn output(text: &str, spec: &PercentSpec, numeric: bool) -> PyRes<String> {
    let chars: Vec<char> = text.chars().collect();
    let width = spec.width.unwrap_or(0);
    if width > MAX_FORMAT_WIDTH {
        return Err(PyErr::memory());
    }
    let fill = if numeric && spec.zero { '0' } else { ' ' };
    let mut len = chars.len();
    if matches!(spec.conv, 's' | 'r' | 'a') {
        if let Some(p) = spec.prec {
            len = len.min(p);
        }
    }
    let mut pindex = 0;
    let mut sign = numeric;
    let mut signchar = ' ';
    if sign {
        match chars.first() {
            Some(&ch @ ('-' | '+')) => {
                signchar = ch;
                len -= 1;
                pindex = 1;
            }
            _ if spec.plus => signchar = '+',
            _ if spec.space => signchar = ' ',
            _ => sign = false,
        }
    }
    let mut width = width.max(len);
    let mut out = String::with_capacity(width + 2);
    if sign {
        if fill != ' ' {
            out.push(signchar);
        }
        if width > len {
            width -= 1;
        }
    }
    let prefixed = spec.alt && matches!(spec.conv, 'x' | 'X' | 'o');
    if prefixed {
        if fill != ' ' {
            out.push('0');
            out.push(spec.conv);
            pindex += 2;
        }
        width = width.saturating_sub(2);
        len = len.saturating_sub(2);
    }
    if width > len && !spec.left {
        out.extend(std::iter::repeat_n(fill, width - len));
        width = len;
    }
    if fill == ' ' {
        if sign {
            out.push(signchar);
        }
        if prefixed {
            out.push('0');
            out.push(spec.conv);
            pindex += 2;
        }
    }
    out.extend(chars.iter().skip(pindex).take(len));
    if width > len {
        out.extend(std::iter::repeat_n(' ', width - len));
    }
    Ok(out)
}

/// `%d %i %u %o %x %X` of an int (the caller converts floats with `int()` for d/i/u first, and raises
/// "%x format: an integer is required, not float" for o/x/X).
pub fn format_int(n: &Num, spec: &PercentSpec) -> PyRes<String> {
    let base = match spec.conv {
        'o' => 8,
        'x' | 'X' => 16,
        _ => 10,
    };
    let digits = int_digits(n, base)?;
    let (negative, digits) = match digits.strip_prefix('-') {
        Some(d) => (true, d.to_string()),
        None => (false, digits),
    };
    let prec = spec.prec.unwrap_or(0);
    if prec > MAX_FORMAT_WIDTH {
        return Err(PyErr::memory());
    }
    let mut text = String::with_capacity(digits.len().max(prec) + 3);
    if negative {
        text.push('-');
    }
    if spec.alt && base != 10 {
        text.push_str(if base == 8 { "0o" } else { "0x" });
    }
    text.extend(std::iter::repeat_n('0', prec.saturating_sub(digits.len())));
    text.push_str(&digits);
    if spec.conv == 'X' {
        text.make_ascii_uppercase();
    }
    output(&text, spec, true)
}

/// `%e %E %f %F %g %G` of a float (default precision 6).
pub fn format_float(x: f64, spec: &PercentSpec) -> PyRes<String> {
    let prec = spec.prec.unwrap_or(6);
    if prec > MAX_FORMAT_WIDTH {
        return Err(PyErr::memory());
    }
    let flags = DtoaFlags {
        alt: spec.alt,
        ..DtoaFlags::default()
    };
    let text = double_to_string(x, spec.conv, prec, flags);
    output(&text, spec, true)
}

/// `%s %r %a` (given the value's `str()`, `repr()` or `ascii()`) and `%c` (given its one character).
pub fn format_text(text: &str, spec: &PercentSpec) -> PyRes<String> {
    output(text, spec, false)
}

/// The character `%c` makes of an int: `OverflowError: %c arg not in range(0x110000)`. (Any other value but a
/// one-character str raises `TypeError: %c requires int or char`.)
pub fn char_from_int(n: &Num) -> PyRes<char> {
    match n {
        Num::Int(i) => u32::try_from(*i).ok().and_then(char::from_u32),
        _ => None,
    }
    .ok_or_else(|| PyErr::overflow("%c arg not in range(0x110000)"))
}

#[cfg(test)]
#[path = "pypercent/tests.rs"]
mod tests;
