//! Colours source text for the editor: a forgiving scan that classifies every token and never fails.
//!
//! It shares the lexer's character classes and string scanner but none of its rules: an unterminated string is
//! still a string, a stray character is an `Error` span, and scanning simply goes on. Indentation is ignored.

use super::{is_id_continue, is_id_start, is_string_prefix, keyword, operator, scan_string, Tok};

/// What a span of source text is, for choosing its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenClass {
    Keyword,
    /// A builtin function, type or exception named where it is not an attribute (`print`, `len`, `ValueError`).
    Builtin,
    /// `True`, `False`, `None`.
    Constant,
    Name,
    /// The name a `def` or `class` defines.
    FunctionName,
    /// `@` and the dotted name after it.
    Decorator,
    String,
    Number,
    Comment,
    Operator,
    /// Brackets, `,`, `:`, `;`, `.`.
    Punctuation,
    Error,
}

/// A classified span: `source[start..end]`, in bytes; text between spans is plain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Highlight {
    pub start: usize,
    pub end: usize,
    pub class: TokenClass,
}

#[rustfmt::skip]
const BUILTINS: &[&str] = &[
    "abs", "aiter", "all", "anext", "any", "ascii", "bin", "bool", "breakpoint", "bytearray", "bytes", "callable",
    "chr", "classmethod", "compile", "complex", "delattr", "dict", "dir", "divmod", "enumerate", "eval", "exec",
    "filter", "float", "format", "frozenset", "getattr", "globals", "hasattr", "hash", "help", "hex", "id", "input",
    "int", "isinstance", "issubclass", "iter", "len", "list", "locals", "map", "max", "memoryview", "min", "next",
    "object", "oct", "open", "ord", "pow", "print", "property", "range", "repr", "reversed", "round", "set",
    "setattr", "slice", "sorted", "staticmethod", "str", "sum", "super", "tuple", "type", "vars", "zip",
    "NotImplemented", "Ellipsis", "BaseException", "BaseExceptionGroup", "Exception", "ExceptionGroup",
    "ArithmeticError", "AssertionError", "AttributeError", "EOFError", "GeneratorExit", "ImportError", "IndexError",
    "KeyError", "KeyboardInterrupt", "LookupError", "MemoryError", "ModuleNotFoundError", "NameError",
    "NotImplementedError", "OSError", "OverflowError", "RecursionError", "RuntimeError", "StopAsyncIteration",
    "StopIteration", "SyntaxError", "SystemExit", "TimeoutError", "TypeError", "UnboundLocalError", "UnicodeError",
    "ValueError", "ZeroDivisionError", "Warning", "DeprecationWarning", "RuntimeWarning", "UserWarning",
];

/// Classifies the tokens of `source`; the spans are in order, do not overlap, and end on character boundaries.
pub fn highlight(source: &str) -> Vec<Highlight> {
    let b = source.as_bytes();
    let mut out: Vec<Highlight> = Vec::with_capacity(source.len() / 3);
    let mut i = if source.starts_with('\u{FEFF}') { 3 } else { 0 };
    // Whether the next token is the first of its line (where `@` starts a decorator).
    let mut line_start = true;
    let mut depth = 0usize;
    let mut after_def = false;
    let mut in_decorator = false;
    let mut after_dot = false;
    while i < b.len() {
        let c = b[i];
        if matches!(c, b' ' | b'\t' | b'\x0c') {
            i += 1;
            continue;
        }
        if c == b'\n' || c == b'\r' {
            i += 1;
            if depth == 0 {
                line_start = true;
                in_decorator = false;
            }
            continue;
        }
        if c == b'\\' {
            i += 1;
            continue;
        }
        let start = i;
        let first_on_line = std::mem::replace(&mut line_start, false);
        let mut class;
        if c == b'#' {
            while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
                i += 1;
            }
            out.push(Highlight {
                start,
                end: i,
                class: TokenClass::Comment,
            });
            line_start = first_on_line;
            continue;
        } else if c.is_ascii_digit() || (c == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_digit)) {
            i = number_end(b, i);
            class = TokenClass::Number;
        } else if c == b'"' || c == b'\'' {
            i = scan_string(b, i, b.len()).end;
            class = TokenClass::String;
        } else if c == b'_' || c.is_ascii_alphabetic() || c >= 0x80 {
            let ch = source[i..].chars().next().unwrap_or('\u{FFFD}');
            if !is_id_start(ch) {
                i += ch.len_utf8();
                out.push(Highlight {
                    start,
                    end: i,
                    class: TokenClass::Error,
                });
                continue;
            }
            i += ch.len_utf8();
            while let Some(ch) = source[i..].chars().next().filter(|&ch| is_id_continue(ch)) {
                i += ch.len_utf8();
            }
            let word = &source[start..i];
            if i - start <= 2 && matches!(b.get(i), Some(b'"' | b'\'')) && is_string_prefix(word.as_bytes()) {
                i = scan_string(b, i, b.len()).end;
                class = TokenClass::String;
            } else {
                class = match keyword(word) {
                    Some(Tok::True | Tok::False | Tok::None) => TokenClass::Constant,
                    Some(_) => TokenClass::Keyword,
                    None if in_decorator => TokenClass::Decorator,
                    None if after_def => TokenClass::FunctionName,
                    None if !after_dot && BUILTINS.contains(&word) => TokenClass::Builtin,
                    None => TokenClass::Name,
                };
                after_def = matches!(word, "def" | "class");
            }
        } else {
            let (kind, len) = operator(&b[i..]);
            i += len;
            class = match kind {
                Tok::Unknown => TokenClass::Error,
                Tok::LPar | Tok::LSqb | Tok::LBrace => {
                    depth += 1;
                    TokenClass::Punctuation
                }
                Tok::RPar | Tok::RSqb | Tok::RBrace => {
                    depth = depth.saturating_sub(1);
                    TokenClass::Punctuation
                }
                Tok::Comma | Tok::Colon | Tok::Semi | Tok::Dot | Tok::Ellipsis => TokenClass::Punctuation,
                Tok::At if first_on_line => {
                    in_decorator = true;
                    TokenClass::Decorator
                }
                _ => TokenClass::Operator,
            };
            if in_decorator && kind == Tok::Dot {
                class = TokenClass::Decorator;
            }
            if in_decorator && !matches!(kind, Tok::Dot | Tok::At) {
                in_decorator = false;
                class = if class == TokenClass::Decorator {
                    TokenClass::Punctuation
                } else {
                    class
                };
            }
            after_def = false;
            after_dot = kind == Tok::Dot;
            out.push(Highlight { start, end: i, class });
            continue;
        }
        if class != TokenClass::Name && class != TokenClass::Builtin && class != TokenClass::Decorator {
            in_decorator = false;
        }
        if class != TokenClass::Keyword {
            after_def = false;
        }
        after_dot = false;
        out.push(Highlight { start, end: i, class });
    }
    out
}

/// Where a number starting at `i` ends, leniently: digits, letters, `_`, `.` and an exponent's sign.
fn number_end(b: &[u8], mut i: usize) -> usize {
    let hex = b.get(i) == Some(&b'0') && matches!(b.get(i + 1), Some(b'x' | b'X'));
    while i < b.len() {
        let c = b[i];
        let exponent_sign = (c == b'+' || c == b'-') && !hex && i > 0 && matches!(b[i - 1], b'e' | b'E');
        if !(c.is_ascii_alphanumeric() || c == b'_' || c == b'.' || exponent_sign) {
            break;
        }
        i += 1;
    }
    i
}
