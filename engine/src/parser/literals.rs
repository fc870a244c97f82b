//! Number and string literals: their values, escape sequences, and implicit concatenation of neighbours.

use super::{PResult, Parser};
use crate::ast::{Constant, Expr, ExprKind, FStringPart};
use crate::lexer::{Tok, Token};
use num_bigint::BigInt;
use std::rc::Rc;

/// CPython 3.11's default `sys.get_int_max_str_digits()`, which already applies to literals.
const MAX_STR_DIGITS: usize = 4300;

/// A string token's prefix letters and where its body lies.
pub(super) struct StrToken {
    pub bytes: bool,
    pub raw: bool,
    pub fstring: bool,
    /// Byte range of the text between the quotes.
    pub body: (usize, usize),
}

pub(super) fn split_string_token(src: &str, t: &Token) -> StrToken {
    let (start, end) = (t.start as usize, t.end as usize);
    let b = src.as_bytes();
    let mut i = start;
    let (mut bytes, mut raw, mut fstring) = (false, false, false);
    while i < end && b[i] != b'"' && b[i] != b'\'' {
        match b[i].to_ascii_lowercase() {
            b'b' => bytes = true,
            b'r' => raw = true,
            b'f' => fstring = true,
            _ => {}
        }
        i += 1;
    }
    let q = b.get(i).copied().unwrap_or(b'"');
    let quote = if end - i >= 6 && b[i + 1] == q && b[i + 2] == q {
        3
    } else {
        1
    };
    let body = (
        (i + quote).min(end),
        end.saturating_sub(quote).max((i + quote).min(end)),
    );
    StrToken {
        bytes,
        raw,
        fstring,
        body,
    }
}

fn hex_value(s: &[u8]) -> Option<u32> {
    let mut v: u32 = 0;
    for &c in s {
        v = v * 16 + (c as char).to_digit(16)?;
    }
    Some(v)
}

/// The characters `\N{...}` can name here: a short list of common ones, matched case-insensitively as
/// CPython does. Interleave carries no Unicode name database.
const NAMED: &[(&str, char)] = &[
    ("BULLET", '\u{2022}'),
    ("EM DASH", '\u{2014}'),
    ("EN DASH", '\u{2013}'),
    ("HORIZONTAL ELLIPSIS", '\u{2026}'),
    ("DEGREE SIGN", '\u{B0}'),
    ("NO-BREAK SPACE", '\u{A0}'),
    ("MULTIPLICATION SIGN", '\u{D7}'),
    ("DIVISION SIGN", '\u{F7}'),
    ("PLUS-MINUS SIGN", '\u{B1}'),
    ("COPYRIGHT SIGN", '\u{A9}'),
    ("REGISTERED SIGN", '\u{AE}'),
    ("EURO SIGN", '\u{20AC}'),
    ("POUND SIGN", '\u{A3}'),
    ("YEN SIGN", '\u{A5}'),
    ("SECTION SIGN", '\u{A7}'),
    ("MICRO SIGN", '\u{B5}'),
    ("CHECK MARK", '\u{2713}'),
    ("HEAVY CHECK MARK", '\u{2714}'),
    ("BALLOT X", '\u{2717}'),
    ("BLACK STAR", '\u{2605}'),
    ("WHITE STAR", '\u{2606}'),
    ("SNOWMAN", '\u{2603}'),
    ("BLACK HEART SUIT", '\u{2665}'),
    ("RIGHTWARDS ARROW", '\u{2192}'),
    ("LEFTWARDS ARROW", '\u{2190}'),
    ("UPWARDS ARROW", '\u{2191}'),
    ("DOWNWARDS ARROW", '\u{2193}'),
    ("INFINITY", '\u{221E}'),
    ("GREEK SMALL LETTER ALPHA", '\u{3B1}'),
    ("GREEK SMALL LETTER BETA", '\u{3B2}'),
    ("GREEK SMALL LETTER GAMMA", '\u{3B3}'),
    ("GREEK SMALL LETTER DELTA", '\u{3B4}'),
    ("GREEK SMALL LETTER LAMDA", '\u{3BB}'),
    ("GREEK SMALL LETTER MU", '\u{3BC}'),
    ("GREEK SMALL LETTER PI", '\u{3C0}'),
    ("GREEK SMALL LETTER SIGMA", '\u{3C3}'),
    ("GREEK CAPITAL LETTER DELTA", '\u{394}'),
    ("GREEK CAPITAL LETTER OMEGA", '\u{3A9}'),
    ("LATIN SMALL LETTER E WITH ACUTE", '\u{E9}'),
    ("SPACE", ' '),
    ("LINE FEED", '\n'),
    ("CHARACTER TABULATION", '\t'),
    ("NULL", '\0'),
    ("HOURGLASS", '\u{231B}'),
    ("WHITE HEAVY CHECK MARK", '\u{2705}'),
    ("CROSS MARK", '\u{274C}'),
    ("ROCKET", '\u{1F680}'),
    ("PARTY POPPER", '\u{1F389}'),
    ("SNAKE", '\u{1F40D}'),
    ("FIRE", '\u{1F525}'),
    ("THUMBS UP SIGN", '\u{1F44D}'),
    ("ALARM CLOCK", '\u{23F0}'),
    ("STOPWATCH", '\u{23F1}'),
];

fn unicode_error(pos: (usize, usize), what: &str) -> String {
    format!(
        "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {what}",
        pos.0, pos.1
    )
}

/// Decodes the body of a `str` literal (or a literal part of an f-string); errors are CPython's messages.
pub(super) fn decode_str(body: &str, raw: bool) -> Result<String, String> {
    let b = body.as_bytes();
    let mut out = String::with_capacity(body.len());
    // CPython measures escape errors in a copy where each non-ASCII character became a 10-byte `\Uxxxxxxxx`.
    let mut shift = 0usize;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'\r' {
            out.push('\n');
            i += if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
            continue;
        }
        if c != b'\\' || raw {
            let ch = body[i..].chars().next().unwrap_or('\u{FFFD}');
            if !ch.is_ascii() {
                shift += 10 - ch.len_utf8();
            }
            out.push(ch);
            i += ch.len_utf8();
            continue;
        }
        let at = i + shift;
        let Some(&e) = b.get(i + 1) else {
            return Err(unicode_error((at, at), "\\ at end of string"));
        };
        i += 2;
        match e {
            b'\n' => {}
            b'\r' => {
                if b.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\\' => out.push('\\'),
            b'\'' => out.push('\''),
            b'"' => out.push('"'),
            b'a' => out.push('\x07'),
            b'b' => out.push('\x08'),
            b'f' => out.push('\x0c'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'v' => out.push('\x0b'),
            b'0'..=b'7' => {
                let mut v = u32::from(e - b'0');
                let mut n = 1;
                while n < 3 && i < b.len() && (b'0'..=b'7').contains(&b[i]) {
                    v = v * 8 + u32::from(b[i] - b'0');
                    i += 1;
                    n += 1;
                }
                out.push(char::from_u32(v).unwrap_or('\u{FFFD}'));
            }
            b'x' | b'u' | b'U' => {
                let (n, what) = match e {
                    b'x' => (2, "truncated \\xXX escape"),
                    b'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let digits = b[i..].iter().take(n).take_while(|c| c.is_ascii_hexdigit()).count();
                if digits < n {
                    return Err(unicode_error((at, at + 1 + digits), what));
                }
                let v = hex_value(&b[i..i + n]).unwrap_or(0);
                i += n;
                match char::from_u32(v) {
                    Some(ch) => out.push(ch),
                    // A lone surrogate: CPython keeps it, a Rust string cannot.
                    None if v <= 0x10FFFF => out.push('\u{FFFD}'),
                    None => return Err(unicode_error((at, at + 1 + n), "illegal Unicode character")),
                }
            }
            b'N' => {
                let close = if b.get(i) == Some(&b'{') {
                    b[i..].iter().position(|&c| c == b'}')
                } else {
                    None
                };
                let Some(close) = close.filter(|&k| k > 1) else {
                    let end = if b.get(i) == Some(&b'{') {
                        b.len() - 1 + shift
                    } else {
                        at + 1
                    };
                    return Err(unicode_error((at, end.max(at + 1)), "malformed \\N character escape"));
                };
                let name = &body[i + 1..i + close];
                let found = NAMED
                    .iter()
                    .find(|(n, _)| n.eq_ignore_ascii_case(name))
                    .map(|&(_, c)| c);
                match found {
                    Some(ch) => out.push(ch),
                    None => return Err(unicode_error((at, at + 2 + close), "unknown Unicode character name")),
                }
                i += close + 1;
            }
            _ => {
                // Not an escape: CPython keeps the backslash (and warns, which we do not).
                out.push('\\');
                i -= 1;
            }
        }
    }
    Ok(out)
}

/// Decodes the body of a bytes literal, which must be ASCII.
fn decode_bytes(body: &str, raw: bool) -> Result<Vec<u8>, String> {
    let b = body.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'\r' {
            out.push(b'\n');
            i += if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
            continue;
        }
        if c != b'\\' || raw || i + 1 >= b.len() {
            out.push(c);
            i += 1;
            if raw && c == b'\\' && i < b.len() {
                out.push(b[i]);
                i += 1;
            }
            continue;
        }
        let e = b[i + 1];
        let at = i;
        i += 2;
        match e {
            b'\n' => {}
            b'\r' => {
                if b.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\\' | b'\'' | b'"' => out.push(e),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut v = u32::from(e - b'0');
                let mut n = 1;
                while n < 3 && i < b.len() && (b'0'..=b'7').contains(&b[i]) {
                    v = v * 8 + u32::from(b[i] - b'0');
                    i += 1;
                    n += 1;
                }
                out.push(v as u8);
            }
            b'x' => {
                let v = b
                    .get(i..i + 2)
                    .filter(|d| d.iter().all(u8::is_ascii_hexdigit))
                    .and_then(hex_value);
                let Some(v) = v else {
                    return Err(format!("(value error) invalid \\x escape at position {at}"));
                };
                out.push(v as u8);
                i += 2;
            }
            _ => {
                out.push(b'\\');
                i -= 1;
            }
        }
    }
    Ok(out)
}

/// The value of an integer literal written in `radix`, digits only.
fn int_value(digits: &str, radix: u32) -> Constant {
    if let Ok(v) = i64::from_str_radix(digits, radix) {
        return Constant::Int(v);
    }
    match BigInt::parse_bytes(digits.as_bytes(), radix) {
        Some(v) => Constant::BigInt(Rc::new(v)),
        None => Constant::Int(0),
    }
}

impl Parser<'_> {
    /// The value of a number token, which the lexer has already checked.
    #[inline(never)]
    pub(super) fn number(&mut self, t: &Token) -> PResult<Constant> {
        let text = self.text(t);
        let clean: String = text.chars().filter(|&c| c != '_').collect();
        let lower = clean.to_ascii_lowercase();
        if let Some(imag) = lower.strip_suffix('j') {
            return Ok(Constant::Imag(crate::floatread::parse_f64(imag).unwrap_or(0.0)));
        }
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] {
            if let Some(digits) = lower.strip_prefix(prefix) {
                return Ok(int_value(digits, radix));
            }
        }
        if lower.contains(['.', 'e']) {
            return Ok(Constant::Float(crate::floatread::parse_f64(&lower).unwrap_or(0.0)));
        }
        if clean.len() > MAX_STR_DIGITS {
            let msg = format!(
                "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: value has {} digits; use \
                 sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals \
                 to avoid decimal conversion limits.",
                clean.len()
            );
            // CPython reports no column for this one.
            return Err(self.fail_at(crate::ast::Pos { line: t.line, col: 0 }, msg));
        }
        Ok(int_value(&clean, 10))
    }

    /// One or more adjacent string tokens, concatenated: a `str` or `bytes` constant, or an f-string.
    #[inline(never)]
    pub(super) fn strings(&mut self) -> PResult<Expr> {
        let first = self.tok();
        let mut toks = Vec::new();
        while self.at(Tok::String) {
            toks.push(self.bump());
        }
        let pos = Self::pos_of(&first);
        let parts: Vec<StrToken> = toks.iter().map(|t| split_string_token(self.src, t)).collect();
        let is_bytes = parts[0].bytes;
        if parts.iter().any(|p| p.bytes != is_bytes) {
            let t = self.tok();
            return Err(self.fail_tok(&t, "cannot mix bytes and nonbytes literals"));
        }
        if is_bytes {
            let mut value = Vec::new();
            for (p, t) in parts.iter().zip(&toks) {
                let body = &self.src[p.body.0..p.body.1];
                if !body.is_ascii() {
                    return Err(self.fail_tok(t, "bytes can only contain ASCII literal characters"));
                }
                match decode_bytes(body, p.raw) {
                    Ok(v) => value.extend(v),
                    Err(msg) => {
                        let t = self.tok();
                        return Err(self.fail_tok(&t, msg));
                    }
                }
            }
            return Ok(self.mk(pos, ExprKind::Constant(Constant::Bytes(value.into()))));
        }
        let mut joined: Vec<FStringPart> = Vec::new();
        let mut text = String::new();
        let mut any_f = false;
        for (p, t) in parts.iter().zip(&toks) {
            if p.fstring {
                any_f = true;
                self.fstring(p, t, &mut text, &mut joined)?;
            } else {
                match decode_str(&self.src[p.body.0..p.body.1], p.raw) {
                    Ok(s) => text.push_str(&s),
                    Err(msg) => {
                        let t = self.tok();
                        return Err(self.fail_tok(&t, msg));
                    }
                }
            }
        }
        if !any_f {
            return Ok(self.mk(pos, ExprKind::Constant(Constant::Str(text.into()))));
        }
        if !text.is_empty() {
            joined.push(FStringPart::Literal(text.into()));
        }
        Ok(self.mk(pos, ExprKind::JoinedStr(joined)))
    }
}
