//! Turns source text into tokens, INDENT, DEDENT and NEWLINE included, the way CPython 3.11's tokenizer does.
//!
//! The lexer only finds where each token is: names, numbers and strings keep their text (as byte offsets) and
//! the parser decodes them, because CPython reports a bad escape or f-string from the parser, at the parser's
//! place. The lexer stops at its first error and ends the token list with a [`Tok::Error`] token there; how
//! that error competes with the parser's own errors is described on [`LexError`].

mod highlight;
mod number;
mod token;

pub use highlight::{highlight, Highlight, TokenClass};
pub use token::{keyword, Tok, Token, KEYWORDS};

use crate::ast::{SyntaxError, SyntaxErrorKind};

/// CPython's tokenizer limits: `MAXLEVEL` brackets deep and `MAXINDENT` indentation levels.
pub const MAX_BRACKETS: usize = 200;
pub const MAX_INDENT: usize = 100;

/// The lexer's first error and how it ranks against the parser's.
///
/// CPython's tokenizer runs lazily under the parser. Most of its errors (a bad string, number or character, a
/// bracket mismatch) also win when the parser fails earlier, because CPython tokenizes the rest of the file to
/// look for them: those are `hard` (only an "unexpected indent" found first escapes them). Indentation errors
/// and line-continuation errors only count if the parser reaches them. Otherwise, if brackets were still open
/// where the lexer stopped and the innermost opened on a line before the parser's error, CPython reports
/// "'(' was never closed" instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexError {
    pub error: SyntaxError,
    pub hard: bool,
    /// The innermost bracket still open where the lexer stopped: its character, line and column.
    pub open_bracket: Option<(char, u32, u32)>,
}

/// The tokens of a whole file, ending with ENDMARKER, or with an `Error` token when `error` is set.
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    pub tokens: Vec<Token>,
    pub error: Option<LexError>,
}

/// Tokenizes a whole module.
pub fn tokenize(source: &str) -> Tokens {
    // A UTF-8 byte order mark is no part of the program.
    let start = if source.starts_with('\u{FEFF}') { 3 } else { 0 };
    Lexer::new(source, start, source.len(), 1, 1, false).run()
}

/// Tokenizes the expression of an f-string replacement field, `source[start..end]`, which begins at `line`
/// and `col`: as CPython does, it is read as if wrapped in parentheses, so newlines are insignificant.
pub fn tokenize_fstring_expr(source: &str, start: usize, end: usize, line: u32, col: u32) -> Tokens {
    Lexer::new(source, start, end, line, col, true).run()
}

pub(crate) fn is_id_start(c: char) -> bool {
    c == '_' || c.is_ascii_alphabetic() || (!c.is_ascii() && c.is_alphabetic())
}

pub(crate) fn is_id_continue(c: char) -> bool {
    c == '_' || c.is_ascii_alphanumeric() || (!c.is_ascii() && (c.is_alphanumeric() || is_combining(c)))
}

/// Marks and connectors that Unicode allows inside identifiers but `char::is_alphanumeric` does not cover.
fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
        || matches!(c, '\u{203F}' | '\u{2040}' | '\u{00B7}')
}

/// Whether CPython would print `c` as itself rather than as an escape (`str.isprintable`), roughly.
pub(crate) fn is_printable(c: char) -> bool {
    !(c.is_control()
        || c.is_whitespace() && c != ' '
        || matches!(c as u32, 0xAD | 0x200B..=0x200F | 0x2028..=0x202E | 0x2060..=0x2064 | 0xFEFF))
}

/// A string literal's prefix letters, if `word` is a valid one (`rb`, `F`, `u`...).
pub(crate) fn is_string_prefix(word: &[u8]) -> bool {
    let (mut b, mut r, mut u, mut f) = (false, false, false, false);
    for &c in word {
        match c.to_ascii_lowercase() {
            b'b' if !(b || u || f) => b = true,
            b'u' if !(b || u || r || f) => u = true,
            b'r' if !(r || u) => r = true,
            b'f' if !(f || b || u) => f = true,
            _ => return false,
        }
    }
    !word.is_empty()
}

/// Where a string literal starting at a quote ends: the byte after its closing quote, or, unterminated, the
/// place CPython stops (the newline of a one-quote string, or the end of the text).
pub(crate) struct StringEnd {
    pub end: usize,
    pub terminated: bool,
    pub triple: bool,
}

pub(crate) fn scan_string(b: &[u8], quote_at: usize, limit: usize) -> StringEnd {
    let q = b[quote_at];
    let triple = quote_at + 2 < limit && b[quote_at + 1] == q && b[quote_at + 2] == q;
    let mut i = quote_at + if triple { 3 } else { 1 };
    while i < limit {
        let c = b[i];
        if c == q {
            if !triple {
                return StringEnd {
                    end: i + 1,
                    terminated: true,
                    triple,
                };
            }
            if i + 2 < limit && b[i + 1] == q && b[i + 2] == q {
                return StringEnd {
                    end: i + 3,
                    terminated: true,
                    triple,
                };
            }
        } else if c == b'\\' {
            // The escaped character, a newline included, never ends the string; "\r\n" counts as one.
            i += if i + 2 < limit && b[i + 1] == b'\r' && b[i + 2] == b'\n' {
                3
            } else {
                2
            };
            continue;
        } else if !triple && (c == b'\n' || c == b'\r') {
            return StringEnd {
                end: i,
                terminated: false,
                triple,
            };
        }
        i += 1;
    }
    StringEnd {
        end: limit.min(b.len()),
        terminated: false,
        triple,
    }
}

/// The number of lines CPython counts in `text`, which it always sees ending with a newline.
pub(crate) fn line_count(text: &str) -> u32 {
    let b = text.as_bytes();
    let mut n = 0u32;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' => n = n.saturating_add(1),
            b'\r' if b.get(i + 1) != Some(&b'\n') => n = n.saturating_add(1),
            _ => {}
        }
        i += 1;
    }
    if b.last().is_some_and(|&c| c != b'\n' && c != b'\r') || b.is_empty() {
        n = n.saturating_add(1);
    }
    n
}

struct Bracket {
    ch: u8,
    line: u32,
    col: u32,
}

pub(crate) struct Lexer<'s> {
    src: &'s str,
    b: &'s [u8],
    pos: usize,
    end: usize,
    line: u32,
    line_start: usize,
    /// The column of `line_start`: 1, except on the first line of an f-string expression.
    line_start_col: u32,
    /// A known (byte offset, 1-based column) on the current line, so columns cost O(1) per token.
    col_mark: (usize, u32),
    brackets: Vec<Bracket>,
    /// Indentation stack: (column with tabs to 8, column with tabs to 1), as CPython keeps both to spot TabError.
    indents: Vec<(u32, u32)>,
    fstring_expr: bool,
    tokens: Vec<Token>,
    /// Where a comment started on the current line; CPython's NEWLINE token starts there.
    comment_start: Option<usize>,
    /// Whether the current line has produced a token (so the end of the text owes a NEWLINE).
    line_has_tokens: bool,
}

enum Stop {
    Hard(SyntaxError),
    Soft(SyntaxError),
}

type Step = Result<(), Stop>;

impl<'s> Lexer<'s> {
    fn new(src: &'s str, start: usize, end: usize, line: u32, col: u32, fstring_expr: bool) -> Self {
        Lexer {
            src,
            b: src.as_bytes(),
            pos: start,
            end: end.min(src.len()),
            line,
            line_start: start,
            line_start_col: col,
            col_mark: (start, col),
            brackets: Vec::new(),
            indents: vec![(0, 0)],
            fstring_expr,
            tokens: Vec::with_capacity(src.len().min(end.saturating_sub(start)) / 3 + 4),
            comment_start: None,
            line_has_tokens: false,
        }
    }

    /// The 1-based column of byte `off` on the current line.
    fn col(&mut self, off: usize) -> u32 {
        let (mut at, mut col) = self.col_mark;
        if off < at {
            (at, col) = (self.line_start, self.line_start_col);
            if off < at {
                return col;
            }
        }
        let upto = off.min(self.b.len());
        col += self.b[at..upto].iter().filter(|&&c| c & 0xC0 != 0x80).count() as u32;
        self.col_mark = (upto, col);
        col
    }

    /// The column CPython's tokenizer reports for an error found with its cursor at `cur`: that of the last
    /// character read.
    fn cur_col(&mut self, cur: usize) -> u32 {
        self.col(cur).saturating_sub(1)
    }

    fn level(&self) -> u16 {
        (self.brackets.len() + usize::from(self.fstring_expr)) as u16
    }

    fn push(&mut self, kind: Tok, start: usize, end: usize) {
        let col = self.col(start);
        self.push_at(kind, start, end, self.line, col);
    }

    fn push_at(&mut self, kind: Tok, start: usize, end: usize, line: u32, col: u32) {
        let level = self.level();
        self.tokens.push(Token {
            kind,
            start: start as u32,
            end: end as u32,
            line,
            col,
            level,
        });
        if !matches!(kind, Tok::Newline | Tok::Indent | Tok::Dedent) {
            self.line_has_tokens = true;
        }
    }

    fn error(&self, msg: impl Into<String>, line: u32, col: u32) -> SyntaxError {
        SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            msg: msg.into(),
            line,
            col,
            end: None,
        }
    }

    fn newline_at(&mut self, i: usize) {
        self.line = self.line.saturating_add(1);
        self.line_start = i;
        self.line_start_col = 1;
        self.col_mark = (i, 1);
    }

    /// Consumes a newline ("\n", "\r\n" or "\r") at `self.pos`.
    fn eat_newline(&mut self) {
        let n = if self.b[self.pos] == b'\r' && self.b.get(self.pos + 1) == Some(&b'\n') {
            2
        } else {
            1
        };
        self.pos += n;
        let p = self.pos;
        self.newline_at(p);
    }

    pub(crate) fn run(mut self) -> Tokens {
        let outcome = if self.fstring_expr {
            self.lex_fstring_expr()
        } else {
            self.lex_module()
        };
        let error = match outcome {
            Ok(()) => None,
            Err(stop) => {
                let (error, hard) = match stop {
                    Stop::Hard(e) => (e, true),
                    Stop::Soft(e) => (e, false),
                };
                let open_bracket = self.brackets.last().map(|b| (b.ch as char, b.line, b.col));
                let level = self.level();
                self.tokens.push(Token {
                    kind: Tok::Error,
                    start: self.pos.min(self.end) as u32,
                    end: self.pos.min(self.end) as u32,
                    line: error.line,
                    col: error.col,
                    level,
                });
                Some(LexError {
                    error,
                    hard,
                    open_bracket,
                })
            }
        };
        Tokens {
            tokens: self.tokens,
            error,
        }
    }

    fn lex_fstring_expr(&mut self) -> Step {
        loop {
            self.skip_blanks();
            if self.pos >= self.end {
                let col = self.col(self.end);
                self.push_at(Tok::EndMarker, self.end, self.end, self.line, col);
                return Ok(());
            }
            match self.b[self.pos] {
                b'\n' | b'\r' => self.eat_newline(),
                _ => self.token()?,
            }
        }
    }

    fn skip_blanks(&mut self) {
        while self.pos < self.end && matches!(self.b[self.pos], b' ' | b'\t' | b'\x0c') {
            self.pos += 1;
        }
    }

    fn lex_module(&mut self) -> Step {
        let mut at_line_start = true;
        loop {
            if at_line_start {
                at_line_start = false;
                self.indentation()?;
            }
            self.skip_blanks();
            if self.pos >= self.end {
                return self.finish();
            }
            match self.b[self.pos] {
                b'#' => {
                    self.comment_start = Some(self.pos);
                    while self.pos < self.end && !matches!(self.b[self.pos], b'\n' | b'\r') {
                        self.pos += 1;
                    }
                }
                b'\n' | b'\r' => {
                    if self.line_has_tokens && self.brackets.is_empty() {
                        let at = self.comment_start.unwrap_or(self.pos);
                        let (line, col) = (self.line, self.col(at));
                        self.push_at(Tok::Newline, at, self.pos + 1, line, col);
                        self.line_has_tokens = false;
                    }
                    self.comment_start = None;
                    self.eat_newline();
                    if self.brackets.is_empty() {
                        at_line_start = true;
                    }
                }
                b'\\' => self.continuation()?,
                _ => {
                    self.comment_start = None;
                    self.token()?;
                }
            }
        }
    }

    /// A backslash joining the next line to this one.
    fn continuation(&mut self) -> Step {
        let at = self.pos;
        self.pos += 1;
        if self.pos >= self.end {
            let col = self.line_len_col();
            return Err(Stop::Soft(self.error("unexpected EOF while parsing", self.line, col)));
        }
        match self.b[self.pos] {
            b'\n' | b'\r' => {
                self.eat_newline();
                if self.pos >= self.end {
                    // CPython reports the end of the line that asked to be continued.
                    let line = self.line - 1;
                    let col = self.col_between(self.line_start_of(at), at) + 1;
                    return Err(Stop::Soft(self.error("unexpected EOF while parsing", line, col)));
                }
                Ok(())
            }
            _ => {
                let col = self.col(self.pos);
                Err(Stop::Soft(self.error(
                    "unexpected character after line continuation character",
                    self.line,
                    col,
                )))
            }
        }
    }

    fn line_start_of(&self, off: usize) -> usize {
        self.b[..off]
            .iter()
            .rposition(|&c| c == b'\n' || c == b'\r')
            .map_or(0, |i| i + 1)
    }

    fn col_between(&self, from: usize, to: usize) -> u32 {
        self.b[from..to].iter().filter(|&&c| c & 0xC0 != 0x80).count() as u32 + 1
    }

    /// The column just past the current line's last character.
    fn line_len_col(&mut self) -> u32 {
        let mut e = self.pos;
        while e < self.end && !matches!(self.b[e], b'\n' | b'\r') {
            e += 1;
        }
        self.col(e)
    }

    /// Reads the indentation of a new line and emits INDENT or DEDENTs, unless the line is blank.
    fn indentation(&mut self) -> Step {
        let (mut col, mut alt) = (0u32, 0u32);
        while self.pos < self.end {
            match self.b[self.pos] {
                b' ' => {
                    col += 1;
                    alt += 1;
                }
                b'\t' => {
                    col = (col / 8 + 1) * 8;
                    alt += 1;
                }
                b'\x0c' => {
                    col = 0;
                    alt = 0;
                }
                _ => break,
            }
            self.pos += 1;
        }
        // Blank lines, comments and line continuations leave the indentation alone.
        if self.pos >= self.end || matches!(self.b[self.pos], b'#' | b'\n' | b'\r' | b'\\') {
            return Ok(());
        }
        let (top, alt_top) = *self.indents.last().unwrap_or(&(0, 0));
        let tab_error = |this: &Self| {
            Stop::Soft(SyntaxError {
                kind: SyntaxErrorKind::TabError,
                msg: "inconsistent use of tabs and spaces in indentation".into(),
                line: this.line,
                col: 1,
                end: None,
            })
        };
        if col == top {
            if alt != alt_top {
                return Err(tab_error(self));
            }
        } else if col > top {
            if self.indents.len() >= MAX_INDENT {
                return Err(Stop::Soft(SyntaxError {
                    kind: SyntaxErrorKind::IndentationError,
                    msg: "too many levels of indentation".into(),
                    line: self.line,
                    col: 1,
                    end: None,
                }));
            }
            if alt <= alt_top {
                return Err(tab_error(self));
            }
            self.indents.push((col, alt));
            // CPython places INDENT on the last character of the indentation.
            let width = (self.pos - self.line_start) as u32;
            self.push_at(Tok::Indent, self.pos, self.pos, self.line, width.max(1));
        } else {
            let mut dedents = 0;
            while self.indents.len() > 1 && col < self.indents[self.indents.len() - 1].0 {
                self.indents.pop();
                dedents += 1;
            }
            let (top, alt_top) = *self.indents.last().unwrap_or(&(0, 0));
            if col != top {
                let c = self.line_len_col();
                return Err(Stop::Soft(SyntaxError {
                    kind: SyntaxErrorKind::IndentationError,
                    msg: "unindent does not match any outer indentation level".into(),
                    line: self.line,
                    col: c,
                    end: None,
                }));
            }
            if alt != alt_top {
                return Err(tab_error(self));
            }
            // CPython gives a DEDENT no column of its own and reports its cursor, 0-based.
            let width = self.col(self.pos) - 1;
            for _ in 0..dedents {
                self.push_at(Tok::Dedent, self.pos, self.pos, self.line, width);
            }
        }
        Ok(())
    }

    /// The end of the text: the NEWLINE CPython's implicit last newline makes, DEDENTs, then ENDMARKER.
    fn finish(&mut self) -> Step {
        if let Some(b) = self.brackets.last() {
            let msg = format!("'{}' was never closed", b.ch as char);
            let e = self.error(msg, b.line, b.col);
            return Err(Stop::Soft(e));
        }
        // CPython puts the end-of-text tokens on the last line, at its final newline.
        let ends_with_newline = self.pos > 0 && matches!(self.b[self.pos - 1], b'\n' | b'\r');
        let (line, col) = if ends_with_newline && self.line > 1 {
            let nl = if self.pos >= 2 && self.b[self.pos - 2] == b'\r' && self.b[self.pos - 1] == b'\n' {
                self.pos - 2
            } else {
                self.pos - 1
            };
            let start = self.line_start_of(nl);
            (self.line - 1, self.col_between(start, nl))
        } else {
            (self.line, self.col(self.pos))
        };
        if self.line_has_tokens {
            let at = self.comment_start.unwrap_or(self.pos);
            let ncol = if self.comment_start.is_some() {
                self.col(at)
            } else {
                col
            };
            self.push_at(Tok::Newline, at, self.pos, line, ncol);
        }
        while self.indents.len() > 1 {
            self.indents.pop();
            self.push_at(Tok::Dedent, self.pos, self.pos, line, col);
        }
        self.push_at(Tok::EndMarker, self.pos, self.pos, line, col);
        Ok(())
    }

    /// One token starting at `self.pos`, which is not a blank, newline or comment.
    fn token(&mut self) -> Step {
        let start = self.pos;
        let c = self.b[start];
        if c == b'_' || c.is_ascii_alphabetic() || c >= 0x80 {
            return self.name_or_string(start);
        }
        if c.is_ascii_digit() || (c == b'.' && self.byte(start + 1).is_ascii_digit()) {
            return self.number(start);
        }
        if c == b'"' || c == b'\'' {
            return self.string(start, start);
        }
        let (kind, len) = operator(&self.b[start..self.end]);
        match kind {
            Tok::LPar | Tok::LSqb | Tok::LBrace => {
                if self.brackets.len() >= MAX_BRACKETS {
                    let col = self.col(start);
                    return Err(Stop::Hard(self.error("too many nested parentheses", self.line, col)));
                }
                let (line, col) = (self.line, self.col(start));
                self.push(kind, start, start + 1);
                self.brackets.push(Bracket { ch: c, line, col });
            }
            Tok::RPar | Tok::RSqb | Tok::RBrace => {
                let col = self.col(start);
                let Some(open) = self.brackets.pop() else {
                    return Err(Stop::Hard(self.error(
                        format!("unmatched '{}'", c as char),
                        self.line,
                        col,
                    )));
                };
                let expected = match open.ch {
                    b'(' => b')',
                    b'[' => b']',
                    _ => b'}',
                };
                if c != expected {
                    let mut msg = format!(
                        "closing parenthesis '{}' does not match opening parenthesis '{}'",
                        c as char, open.ch as char
                    );
                    if open.line != self.line {
                        msg.push_str(&format!(" on line {}", open.line));
                    }
                    self.brackets.push(open);
                    return Err(Stop::Hard(self.error(msg, self.line, col)));
                }
                self.push(kind, start, start + 1);
            }
            Tok::Unknown if len == 1 && !matches!(c, b'$' | b'?' | b'!' | b'`' | b'\\') => {
                let col = self.col(start);
                return Err(Stop::Hard(if c == 0 {
                    self.error("source code cannot contain null bytes", self.line, col)
                } else {
                    self.error(format!("invalid non-printable character U+{:04X}", c), self.line, col)
                }));
            }
            _ => self.push(kind, start, start + len),
        }
        self.pos = start + len;
        Ok(())
    }

    fn byte(&self, i: usize) -> u8 {
        if i < self.end {
            self.b[i]
        } else {
            0
        }
    }

    fn char_at(&self, i: usize) -> char {
        self.src.get(i..self.end).and_then(|s| s.chars().next()).unwrap_or('\0')
    }

    fn name_or_string(&mut self, start: usize) -> Step {
        let mut i = start;
        let mut ascii = true;
        while i < self.end {
            let c = self.b[i];
            if c == b'_' || c.is_ascii_alphanumeric() {
                i += 1;
            } else if c >= 0x80 {
                ascii = false;
                i += self.char_at(i).len_utf8().max(1);
            } else {
                break;
            }
        }
        let q = self.byte(i);
        if (q == b'"' || q == b'\'') && ascii && i - start <= 2 && is_string_prefix(&self.b[start..i]) {
            return self.string(start, i);
        }
        if !ascii {
            let text = &self.src[start..i];
            for (k, ch) in text.char_indices() {
                let ok = if k == 0 { is_id_start(ch) } else { is_id_continue(ch) };
                if !ok {
                    let col = self.col(start + k);
                    let msg = if is_printable(ch) {
                        format!("invalid character '{}' (U+{:04X})", ch, ch as u32)
                    } else {
                        format!("invalid non-printable character U+{:04X}", ch as u32)
                    };
                    return Err(Stop::Hard(self.error(msg, self.line, col)));
                }
            }
        }
        let kind = keyword(&self.src[start..i]).unwrap_or(Tok::Name);
        self.push(kind, start, i);
        self.pos = i;
        Ok(())
    }

    /// A string literal whose prefix starts at `start` and whose opening quote is at `quote`.
    fn string(&mut self, start: usize, quote: usize) -> Step {
        let (line, col) = (self.line, self.col(start));
        let s = scan_string(self.b, quote, self.end);
        // Follow the newlines inside the literal so later tokens get their lines right.
        let body_end = s.end;
        let mut i = quote;
        while i < body_end {
            match self.b[i] {
                b'\n' => self.newline_at(i + 1),
                b'\r' if self.b.get(i + 1) != Some(&b'\n') => self.newline_at(i + 1),
                _ => {}
            }
            i += 1;
        }
        if !s.terminated {
            let detected = if s.triple || s.end >= self.end {
                line_count(&self.src[..self.end])
            } else {
                self.line
            };
            let msg = if s.triple {
                format!("unterminated triple-quoted string literal (detected at line {detected})")
            } else {
                format!("unterminated string literal (detected at line {detected})")
            };
            self.pos = body_end;
            return Err(Stop::Hard(self.error(msg, line, col)));
        }
        self.push_at(Tok::String, start, body_end, line, col);
        self.pos = body_end;
        Ok(())
    }
}

/// The operator or punctuation at the start of `b` and its length in bytes.
fn operator(b: &[u8]) -> (Tok, usize) {
    let c = b[0];
    let c1 = b.get(1).copied().unwrap_or(0);
    let c2 = b.get(2).copied().unwrap_or(0);
    match (c, c1, c2) {
        (b'*', b'*', b'=') => (Tok::DoubleStarEqual, 3),
        (b'/', b'/', b'=') => (Tok::DoubleSlashEqual, 3),
        (b'<', b'<', b'=') => (Tok::LeftShiftEqual, 3),
        (b'>', b'>', b'=') => (Tok::RightShiftEqual, 3),
        (b'.', b'.', b'.') => (Tok::Ellipsis, 3),
        (b'!', b'=', _) => (Tok::NotEqual, 2),
        (b'%', b'=', _) => (Tok::PercentEqual, 2),
        (b'&', b'=', _) => (Tok::AmperEqual, 2),
        (b'*', b'*', _) => (Tok::DoubleStar, 2),
        (b'*', b'=', _) => (Tok::StarEqual, 2),
        (b'+', b'=', _) => (Tok::PlusEqual, 2),
        (b'-', b'=', _) => (Tok::MinusEqual, 2),
        (b'-', b'>', _) => (Tok::Arrow, 2),
        (b'/', b'/', _) => (Tok::DoubleSlash, 2),
        (b'/', b'=', _) => (Tok::SlashEqual, 2),
        (b':', b'=', _) => (Tok::ColonEqual, 2),
        (b'<', b'<', _) => (Tok::LeftShift, 2),
        (b'<', b'=', _) => (Tok::LessEqual, 2),
        (b'<', b'>', _) => (Tok::Unknown, 2),
        (b'=', b'=', _) => (Tok::EqEqual, 2),
        (b'>', b'=', _) => (Tok::GreaterEqual, 2),
        (b'>', b'>', _) => (Tok::RightShift, 2),
        (b'@', b'=', _) => (Tok::AtEqual, 2),
        (b'^', b'=', _) => (Tok::CircumflexEqual, 2),
        (b'|', b'=', _) => (Tok::VBarEqual, 2),
        (b'(', _, _) => (Tok::LPar, 1),
        (b')', _, _) => (Tok::RPar, 1),
        (b'[', _, _) => (Tok::LSqb, 1),
        (b']', _, _) => (Tok::RSqb, 1),
        (b'{', _, _) => (Tok::LBrace, 1),
        (b'}', _, _) => (Tok::RBrace, 1),
        (b':', _, _) => (Tok::Colon, 1),
        (b',', _, _) => (Tok::Comma, 1),
        (b';', _, _) => (Tok::Semi, 1),
        (b'.', _, _) => (Tok::Dot, 1),
        (b'=', _, _) => (Tok::Equal, 1),
        (b'+', _, _) => (Tok::Plus, 1),
        (b'-', _, _) => (Tok::Minus, 1),
        (b'*', _, _) => (Tok::Star, 1),
        (b'/', _, _) => (Tok::Slash, 1),
        (b'%', _, _) => (Tok::Percent, 1),
        (b'@', _, _) => (Tok::At, 1),
        (b'&', _, _) => (Tok::Amper, 1),
        (b'|', _, _) => (Tok::VBar, 1),
        (b'^', _, _) => (Tok::Circumflex, 1),
        (b'~', _, _) => (Tok::Tilde, 1),
        (b'<', _, _) => (Tok::Less, 1),
        (b'>', _, _) => (Tok::Greater, 1),
        _ => (Tok::Unknown, 1),
    }
}
