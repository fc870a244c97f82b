//! F-strings, read as CPython 3.11 reads them: the whole literal is one token, split here into literal text
//! and replacement fields, whose expressions are parsed by a parser of their own.
//!
//! As in 3.11, an expression may not contain a backslash, a `#`, or the quote that delimits the f-string, and
//! fields nest only one level deep inside a format spec.

use super::literals::{decode_str, StrToken};
use super::{parse_fstring_expr, Fail, PResult, Parser, MAX_DEPTH};
use crate::ast::FStringPart;
use crate::lexer::Token;
use std::rc::Rc;

impl Parser<'_> {
    /// Appends the parts of f-string token `t` to `out`; literal text accumulates in `text` so that it merges
    /// with neighbouring literals.
    pub(super) fn fstring(
        &mut self,
        p: &StrToken,
        t: &Token,
        text: &mut String,
        out: &mut Vec<FStringPart>,
    ) -> PResult<()> {
        let mut i = p.body.0;
        self.fstring_parts(p.raw, t, &mut i, p.body.1, 0, text, out)
    }

    /// The error CPython raises while scanning an f-string: at the token after the string literals.
    fn fstring_error(&mut self, msg: &str) -> Fail {
        let t = self.tok();
        let msg = if msg.starts_with("f-string") {
            msg.to_string()
        } else {
            format!("f-string: {msg}")
        };
        self.fail_tok(&t, msg)
    }

    fn push_literal(&mut self, start: usize, end: usize, raw: bool, text: &mut String) -> PResult<()> {
        if start >= end {
            return Ok(());
        }
        match decode_str(&self.src[start..end], raw) {
            Ok(s) => {
                text.push_str(&s);
                Ok(())
            }
            Err(msg) => {
                let t = self.tok();
                Err(self.fail_tok(&t, msg))
            }
        }
    }

    /// Literal text and fields from `*i` up to `end`, or, in a format spec (`level > 0`), up to its `}`.
    #[allow(clippy::too_many_arguments)]
    fn fstring_parts(
        &mut self,
        raw: bool,
        t: &Token,
        i: &mut usize,
        end: usize,
        level: u32,
        text: &mut String,
        out: &mut Vec<FStringPart>,
    ) -> PResult<()> {
        let b = self.src.as_bytes();
        loop {
            let start = *i;
            let mut s = *i;
            let mut doubled = false;
            while s < end {
                let mut ch = b[s];
                s += 1;
                if !raw && ch == b'\\' && s < end {
                    ch = b[s];
                    s += 1;
                    if ch == b'N' {
                        // `\N{NAME}`: its braces are not a field.
                        if s < end && b[s] == b'{' {
                            while s < end && b[s] != b'}' {
                                s += 1;
                            }
                            s = (s + 1).min(end);
                        }
                        continue;
                    }
                    if ch != b'{' {
                        continue;
                    }
                }
                if ch == b'{' || ch == b'}' {
                    if level == 0 {
                        if s < end && b[s] == ch {
                            doubled = true;
                            break;
                        }
                        if ch == b'}' {
                            return Err(self.fstring_error("single '}' is not allowed"));
                        }
                    }
                    s -= 1;
                    break;
                }
            }
            self.push_literal(start, s, raw, text)?;
            if doubled {
                // The literal kept one brace; skip its twin.
                *i = s + 1;
                continue;
            }
            *i = s;
            if *i >= end || b[*i] == b'}' {
                return Ok(());
            }
            self.fstring_field(raw, t, i, end, level, text, out)?;
        }
    }

    /// One replacement field, `{expression=!conversion:format_spec}`, starting at the `{` at `*i`.
    #[allow(clippy::too_many_arguments)]
    fn fstring_field(
        &mut self,
        raw: bool,
        t: &Token,
        i: &mut usize,
        end: usize,
        level: u32,
        text: &mut String,
        out: &mut Vec<FStringPart>,
    ) -> PResult<()> {
        if level >= 2 {
            return Err(self.fstring_error("expressions nested too deeply"));
        }
        let b = self.src.as_bytes();
        *i += 1;
        let expr_start = *i;
        let mut quote: u8 = 0;
        let mut triple = false;
        let mut stack: Vec<u8> = Vec::new();
        while *i < end {
            let ch = b[*i];
            if ch == b'\\' {
                return Err(self.fstring_error("f-string expression part cannot include a backslash"));
            }
            if quote != 0 {
                if ch == quote {
                    if !triple {
                        quote = 0;
                    } else if *i + 2 < end && b[*i + 1] == ch && b[*i + 2] == ch {
                        *i += 2;
                        quote = 0;
                    }
                }
            } else if ch == b'\'' || ch == b'"' {
                triple = *i + 2 < end && b[*i + 1] == ch && b[*i + 2] == ch;
                if triple {
                    *i += 2;
                }
                quote = ch;
            } else if matches!(ch, b'[' | b'{' | b'(') {
                if stack.len() >= crate::lexer::MAX_BRACKETS {
                    return Err(self.fstring_error("too many nested parenthesis"));
                }
                stack.push(ch);
            } else if ch == b'#' {
                return Err(self.fstring_error("f-string expression part cannot include '#'"));
            } else if stack.is_empty() && matches!(ch, b'!' | b':' | b'}' | b'=' | b'>' | b'<') {
                let next = b.get(*i + 1).copied().filter(|_| *i + 1 < end);
                if next == Some(b'=') && matches!(ch, b'!' | b'=' | b'<' | b'>') {
                    *i += 2;
                    continue;
                }
                if ch != b'<' && ch != b'>' {
                    break;
                }
            } else if matches!(ch, b']' | b'}' | b')') {
                let Some(open) = stack.pop() else {
                    return Err(self.fstring_error(&format!("unmatched '{}'", ch as char)));
                };
                let expected = match open {
                    b'(' => b')',
                    b'[' => b']',
                    _ => b'}',
                };
                if ch != expected {
                    let msg = format!(
                        "closing parenthesis '{}' does not match opening parenthesis '{}'",
                        ch as char, open as char
                    );
                    return Err(self.fstring_error(&msg));
                }
            }
            *i += 1;
        }
        if quote != 0 {
            return Err(self.fstring_error("unterminated string"));
        }
        if let Some(&open) = stack.last() {
            return Err(self.fstring_error(&format!("unmatched '{}'", open as char)));
        }
        if *i >= end {
            return Err(self.fstring_error("expecting '}'"));
        }
        let expr_end = *i;
        if b[expr_start..expr_end]
            .iter()
            .all(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\x0c' | b'\r'))
        {
            let stop = b[expr_end];
            return Err(if matches!(stop, b'!' | b':' | b'=') {
                self.fstring_error(&format!("expression required before '{}'", stop as char))
            } else {
                self.fstring_error("empty expression not allowed")
            });
        }
        let (line, col) = self.line_col_in(t, expr_start);
        if self.depth + 1 > MAX_DEPTH {
            let next = self.tok();
            return Err(self.fail_tok(&next, "too many nested parentheses"));
        }
        let value = match parse_fstring_expr(self.src, expr_start, expr_end, line, col, self.depth + 1) {
            Ok(v) => v,
            Err(e) => return Err(self.nested_fstring_failure(e)),
        };
        let mut debug = None;
        if b[*i] == b'=' {
            *i += 1;
            while *i < end && b[*i].is_ascii_whitespace() {
                *i += 1;
            }
            if *i >= end {
                return Err(self.fstring_error("expecting '}'"));
            }
            debug = Some(Rc::from(&self.src[expr_start..*i]));
        }
        let mut conversion = None;
        if b[*i] == b'!' {
            *i += 1;
            if *i >= end {
                return Err(self.fstring_error("expecting '}'"));
            }
            let c = self.src[*i..].chars().next().unwrap_or('?');
            *i += c.len_utf8();
            if !matches!(c, 's' | 'r' | 'a') {
                return Err(self.fstring_error("invalid conversion character: expected 's', 'r', or 'a'"));
            }
            conversion = Some(c);
        }
        let mut format_spec = None;
        if *i < end && b[*i] == b':' {
            *i += 1;
            if *i >= end {
                return Err(self.fstring_error("expecting '}'"));
            }
            let mut spec_text = String::new();
            let mut spec = Vec::new();
            self.fstring_parts(raw, t, i, end, level + 1, &mut spec_text, &mut spec)?;
            if !spec_text.is_empty() {
                spec.push(FStringPart::Literal(spec_text.into()));
            }
            format_spec = Some(spec);
        }
        if *i >= end || b[*i] != b'}' {
            return Err(self.fstring_error("expecting '}'"));
        }
        *i += 1;
        // As CPython's tree says: `{x=}` with neither conversion nor format spec means `{x=!r}`.
        if debug.is_some() && conversion.is_none() && format_spec.is_none() {
            conversion = Some('r');
        }
        if !text.is_empty() {
            out.push(FStringPart::Literal(std::mem::take(text).into()));
        }
        out.push(FStringPart::Formatted {
            value: Box::new(value),
            conversion,
            format_spec,
            debug,
        });
        Ok(())
    }

    /// The line and column of byte `off` inside token `t`.
    fn line_col_in(&self, t: &Token, off: usize) -> (u32, u32) {
        let text = self.src.get(t.start as usize..off).unwrap_or("");
        let newlines = text.bytes().filter(|&c| c == b'\n').count()
            + text.as_bytes().windows(1).filter(|w| w[0] == b'\r').count()
            - text.as_bytes().windows(2).filter(|w| w == b"\r\n").count();
        match text.rfind(['\n', '\r']) {
            Some(k) => (t.line + newlines as u32, text[k + 1..].chars().count() as u32 + 1),
            None => (t.line, t.col + text.chars().count() as u32),
        }
    }
}
