//! Parsing for `str.format` and `str.format_map`: literal text, `{field!conv:spec}` fields and field names like
//! `0.attr[key]`, ported from CPython 3.11's Objects/stringlib/unicode_format.h with its error messages.
//!
//! CPython parses lazily, so an error in a later field only shows once earlier fields have been formatted (and an
//! earlier field's own error wins). `parse_format_string` keeps that order by ending its list with an `Error` piece.
//! For each `Field` the caller then: parses the name with `parse_field_name` (positional args missing raise
//! `IndexError: Replacement index 3 out of range for positional args tuple`, names missing raise `KeyError(name)`),
//! applies the accessors, then the conversion (`conversion_error` for anything but r, s, a), then expands a spec that
//! `needs_expanding` by formatting it as a format string itself with the same args and `AutoNumber` (only two levels:
//! deeper raises `ValueError: Max string recursion exceeded`), and finally calls `format(value, spec)`.

use crate::pyerr::{PyErr, PyRes};
use crate::pyunicode;

/// One replacement field, raw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    /// The text before `!` or `:`, e.g. `0.name[1]` (empty for automatic numbering).
    pub name: String,
    /// The character after `!`, not yet validated.
    pub conversion: Option<char>,
    /// The text after `:`, which may hold nested `{}` fields.
    pub spec: String,
    /// Whether `spec` holds `{` and must itself be formatted first.
    pub spec_needs_expanding: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatPiece {
    Literal(String),
    Field(Field),
    /// A malformed format string, reported once the pieces before it are done; always the last piece.
    Error(PyErr),
}

/// Splits a format string into literal text (with `{{` and `}}` unescaped) and fields.
pub fn parse_format_string(s: &str) -> Vec<FormatPiece> {
    let c: Vec<char> = s.chars().collect();
    let mut pieces = Vec::new();
    let mut lit = String::new();
    let mut i = 0;
    while i < c.len() {
        let ch = c[i];
        i += 1;
        if ch != '{' && ch != '}' {
            lit.push(ch);
            continue;
        }
        let next = c.get(i).copied();
        if next == Some(ch) {
            lit.push(ch);
            i += 1;
            continue;
        }
        if !lit.is_empty() {
            pieces.push(FormatPiece::Literal(std::mem::take(&mut lit)));
        }
        if ch == '}' {
            pieces.push(FormatPiece::Error(PyErr::value(
                "Single '}' encountered in format string",
            )));
            return pieces;
        }
        if next.is_none() {
            pieces.push(FormatPiece::Error(PyErr::value(
                "Single '{' encountered in format string",
            )));
            return pieces;
        }
        match parse_field(&c, &mut i) {
            Ok(f) => pieces.push(FormatPiece::Field(f)),
            Err(e) => {
                pieces.push(FormatPiece::Error(e));
                return pieces;
            }
        }
    }
    if !lit.is_empty() {
        pieces.push(FormatPiece::Literal(lit));
    }
    pieces
}

/// CPython's `parse_field`: reads `name[!conv][:spec]}` starting just after the `{`.
fn parse_field(c: &[char], i: &mut usize) -> PyRes<Field> {
    let start = *i;
    let mut end_char = None;
    while *i < c.len() {
        let ch = c[*i];
        *i += 1;
        match ch {
            '{' => return Err(PyErr::value("unexpected '{' in field name")),
            '[' => {
                while *i < c.len() && c[*i] != ']' {
                    *i += 1;
                }
            }
            '}' | ':' | '!' => {
                end_char = Some(ch);
                break;
            }
            _ => {}
        }
    }
    let name_end = if end_char.is_some() { *i - 1 } else { *i };
    let mut field = Field {
        name: c[start..name_end].iter().collect(),
        conversion: None,
        spec: String::new(),
        spec_needs_expanding: false,
    };
    match end_char {
        Some('}') => return Ok(field),
        None => return Err(PyErr::value("expected '}' before end of string")),
        _ => {}
    }
    if end_char == Some('!') {
        let Some(&conv) = c.get(*i) else {
            return Err(PyErr::value("end of string while looking for conversion specifier"));
        };
        field.conversion = Some(conv);
        *i += 1;
        if let Some(&next) = c.get(*i) {
            *i += 1;
            if next == '}' {
                return Ok(field);
            }
            if next != ':' {
                return Err(PyErr::value("expected ':' after conversion specifier"));
            }
        }
    }
    let spec_start = *i;
    let mut depth = 1;
    while *i < c.len() {
        let ch = c[*i];
        *i += 1;
        match ch {
            '{' => {
                field.spec_needs_expanding = true;
                depth += 1;
            }
            '}' => {
                depth -= 1;
                if depth == 0 {
                    field.spec = c[spec_start..*i - 1].iter().collect();
                    return Ok(field);
                }
            }
            _ => {}
        }
    }
    Err(PyErr::value("unmatched '{' in format spec"))
}

/// `ValueError: Unknown conversion specifier x` for a conversion other than r, s and a.
pub fn conversion_error(conv: char) -> PyErr {
    let n = conv as u32;
    if n > 32 && n < 127 {
        PyErr::value(format!("Unknown conversion specifier {conv}"))
    } else {
        PyErr::value(format!("Unknown conversion specifier \\x{n:x}"))
    }
}

/// Automatic (`{}`) versus manual (`{0}`) field numbering, which one format string may not mix.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AutoNumber {
    state: Option<bool>,
    next: usize,
}

/// Where a field's value comes from first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldKey {
    /// A positional argument (numbered explicitly or automatically).
    Index(usize),
    /// A keyword argument.
    Name(String),
}

/// One step after the first part of a field name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldAccess {
    /// `.name`: getattr.
    Attr(String),
    /// `[3]`: getitem with an int.
    Index(usize),
    /// `[key]`: getitem with a str.
    Key(String),
}

/// A parsed field name: apply `rest` in order, then raise `rest_error` if there is one (CPython finds it only then).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldName {
    pub first: FieldKey,
    pub rest: Vec<FieldAccess>,
    pub rest_error: Option<PyErr>,
}

/// Decimal digits of any script as a number (`None` when empty or not all digits), as CPython's `get_integer`.
fn get_integer(s: &[char]) -> PyRes<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for &ch in s {
        let Some(d) = pyunicode::decimal_value(ch) else {
            return Ok(None);
        };
        acc = acc
            .checked_mul(10)
            .and_then(|v| v.checked_add(d as usize))
            .filter(|&v| v <= i64::MAX as usize)
            .ok_or_else(|| PyErr::value("Too many decimal digits in format string"))?;
    }
    Ok(Some(acc))
}

/// Parses a field name such as `""`, `"0"`, `"name.attr[0][key]"`, numbering empty names automatically.
pub fn parse_field_name(name: &str, auto: &mut AutoNumber) -> PyRes<FieldName> {
    let c: Vec<char> = name.chars().collect();
    let split = c.iter().position(|&ch| ch == '.' || ch == '[').unwrap_or(c.len());
    let first = &c[..split];
    let index = get_integer(first)?;
    let empty = first.is_empty();
    if empty || index.is_some() {
        let state = *auto.state.get_or_insert(empty);
        if state && !empty {
            return Err(PyErr::value(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        if !state && empty {
            return Err(PyErr::value(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
    }
    let first = match index {
        Some(n) => FieldKey::Index(n),
        None if empty => {
            auto.next += 1;
            FieldKey::Index(auto.next - 1)
        }
        None => FieldKey::Name(first.iter().collect()),
    };
    let mut out = FieldName {
        first,
        rest: Vec::new(),
        rest_error: None,
    };
    let mut i = split;
    while i < c.len() {
        match next_access(&c, &mut i) {
            Ok(a) => out.rest.push(a),
            Err(e) => {
                out.rest_error = Some(e);
                break;
            }
        }
    }
    Ok(out)
}

/// CPython's `FieldNameIterator_next`: one `.attr` or `[item]` starting at `c[*i]`.
fn next_access(c: &[char], i: &mut usize) -> PyRes<FieldAccess> {
    let kind = c[*i];
    *i += 1;
    let start = *i;
    let access = match kind {
        '.' => {
            while *i < c.len() && c[*i] != '.' && c[*i] != '[' {
                *i += 1;
            }
            FieldAccess::Attr(c[start..*i].iter().collect())
        }
        '[' => {
            while *i < c.len() && c[*i] != ']' {
                *i += 1;
            }
            if *i >= c.len() {
                return Err(PyErr::value("Missing ']' in format string"));
            }
            let inner = &c[start..*i];
            *i += 1;
            match get_integer(inner)? {
                Some(n) => FieldAccess::Index(n),
                None => FieldAccess::Key(inner.iter().collect()),
            }
        }
        _ => return Err(PyErr::value("Only '.' or '[' may follow ']' in format field specifier")),
    };
    let is_empty = match &access {
        FieldAccess::Attr(s) | FieldAccess::Key(s) => s.is_empty(),
        FieldAccess::Index(_) => false,
    };
    if is_empty {
        return Err(PyErr::value("Empty attribute in format string"));
    }
    Ok(access)
}

#[cfg(test)]
#[path = "pystrformat/tests.rs"]
mod tests;
