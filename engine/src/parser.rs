//! Builds the syntax tree of `ast.rs` from tokens, reporting the first syntax error in CPython 3.11's words.
//!
//! A hand-written recursive-descent parser over the token list, with precedence climbing for operators.
//! CPython's PEG parser fails, then parses again with extra "invalid_" rules to explain the failure. Here most
//! of those rules are checks at the one place they can apply, so valid programs pay nothing for them; and, as
//! in CPython, a plain failure leads to a second pass (`Parser::second`) that backtracks out of failed
//! operands and trailers the way PEG alternatives do, which lets those checks fire where CPython's do. If
//! nothing explains the failure, "invalid syntax" goes where the first pass stopped. Errors then rank as
//! CPython ranks them: see [`LexError`] for how a tokenizer error competes with the parser's, and `checks.rs`
//! for the errors CPython's symbol table and compiler report once the whole file has parsed
//! (`'return' outside function`).
//!
//! **Invariant:** Rust recursion is bounded whatever the input: brackets nest at most 200 deep (the lexer),
//! blocks at most 100 (the lexer's indentation limit), and every other recursive path, and every chain that
//! deepens the tree without recursing (`a + b + ...`, `f()()...`), counts against `MAX_DEPTH`.

mod args;
mod checks;
mod compound;
mod displays;
mod expr;
mod fstring;
mod literals;
mod pattern_checks;
mod patterns;
mod stmt;
mod targets;

use crate::ast::{Expr, ExprKind, Module, Pos, Stmt, StmtKind, SyntaxError, SyntaxErrorKind};
use crate::lexer::{self, LexError, Tok, Token};

/// How deep expressions may nest (parentheses, operands of `**`, lambdas, f-strings) before the parser gives
/// up with CPython's "too many nested parentheses": a bound on Rust recursion, generous for real programs.
const MAX_DEPTH: u32 = 250;

/// Parses a whole module.
pub fn parse(source: &str) -> Result<Module, SyntaxError> {
    let module = parse_syntax(source)?;
    match checks::check(&module) {
        Some(e) => Err(e),
        None => Ok(module),
    }
}

/// Parses a module without the checks CPython's compiler makes (`'await' outside function`...), as `ast.parse`
/// does: for reading a piece of a program on its own.
pub fn parse_syntax(source: &str) -> Result<Module, SyntaxError> {
    let tokens = lexer::tokenize(source);
    let mut p = Parser::new(source, tokens.tokens, tokens.error, 0, false);
    let body = p.run(Parser::file)?;
    Ok(Module { body })
}

/// The marker of a failed parse; the error itself is in [`Parser::error`].
#[derive(Debug)]
pub(crate) struct Fail;

pub(crate) type PResult<T> = Result<T, Fail>;

pub(crate) struct Parser<'s> {
    src: &'s str,
    toks: Vec<Token>,
    pos: usize,
    /// The furthest token looked at: where CPython's generic error and bracket check look.
    furthest: usize,
    lex_error: Option<LexError>,
    error: Option<SyntaxError>,
    /// Whether `error` is a plain "invalid syntax" (which a speculative parse may discard).
    generic: bool,
    depth: u32,
    /// `depth` when parsing began (that of the enclosing f-string, if any).
    base_depth: u32,
    /// Parsing an f-string replacement field: messages get CPython's "f-string: " prefix.
    fstring: bool,
    /// Inside `expression_without_invalid`: the checks for specific messages are off.
    quiet: u32,
    /// Inside a look-ahead that CPython makes only in its second pass, which does not move `first_furthest`.
    spec: u32,
    /// The furthest token the first pass looked at: where CPython puts a plain "invalid syntax".
    first_furthest: usize,
    /// The second pass, which backtracks out of failed operands and trailers as CPython's PEG parser does.
    second: bool,
    /// Whether `error` came from an f-string nested in this one, its column already set as CPython sets it.
    nested_fstring_error: bool,
}

impl<'s> Parser<'s> {
    fn new(src: &'s str, toks: Vec<Token>, lex_error: Option<LexError>, depth: u32, fstring: bool) -> Self {
        Parser {
            src,
            toks,
            pos: 0,
            furthest: 0,
            lex_error,
            error: None,
            generic: false,
            depth,
            base_depth: depth,
            fstring,
            quiet: 0,
            spec: 0,
            first_furthest: 0,
            second: false,
            nested_fstring_error: false,
        }
    }

    /// Parses with `rule`; after a plain failure, parses again as CPython's second pass does, to find a
    /// more specific explanation, and otherwise reports where the first pass stopped.
    fn run<T>(&mut self, rule: fn(&mut Self) -> PResult<T>) -> Result<T, SyntaxError> {
        if let Ok(t) = rule(self) {
            return Ok(t);
        }
        if self.generic {
            let (first, nested) = (self.error.take(), self.nested_fstring_error);
            (self.pos, self.depth, self.second, self.generic) = (0, self.base_depth, true, false);
            (self.quiet, self.spec) = (0, 0);
            let explained = rule(self).is_err() && self.error.is_some() && !self.generic;
            if !explained {
                (self.error, self.nested_fstring_error, self.generic) = (first, nested, true);
            }
        }
        Err(self.final_error())
    }

    /// Runs `f` as a look-ahead of CPython's second pass (see `spec`).
    fn speculate<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> T {
        self.spec += 1;
        let r = f(self);
        self.spec -= 1;
        r
    }

    // ----- Tokens -----

    fn tok(&mut self) -> Token {
        self.tok_at(0)
    }

    fn tok_at(&mut self, n: usize) -> Token {
        let i = (self.pos + n).min(self.toks.len() - 1);
        self.furthest = self.furthest.max(i);
        if self.spec == 0 && !self.second {
            self.first_furthest = self.first_furthest.max(i);
        }
        self.toks[i]
    }

    fn kind(&mut self) -> Tok {
        self.tok().kind
    }

    fn peek(&mut self, n: usize) -> Tok {
        self.tok_at(n).kind
    }

    /// A look-ahead CPython's first pass does not make, so it does not move where "invalid syntax" goes.
    fn peek_quiet(&mut self, n: usize) -> Tok {
        self.speculate(|p| p.peek(n))
    }

    fn at(&mut self, k: Tok) -> bool {
        self.kind() == k
    }

    fn bump(&mut self) -> Token {
        let t = self.tok();
        if self.pos + 1 < self.toks.len() {
            self.pos += 1;
        }
        t
    }

    fn eat(&mut self, k: Tok) -> bool {
        if self.at(k) {
            self.bump();
            true
        } else {
            false
        }
    }

    fn expect(&mut self, k: Tok) -> PResult<Token> {
        if self.at(k) {
            Ok(self.bump())
        } else {
            Err(self.fail())
        }
    }

    /// CPython's forced token (`&&':'`): a missing one is reported as "expected ':'" right where it lacks.
    fn expect_forced(&mut self, k: Tok, what: &str) -> PResult<Token> {
        if self.at(k) {
            return Ok(self.bump());
        }
        let t = self.tok();
        if matches!(t.kind, Tok::Error | Tok::Indent | Tok::Dedent) {
            return Err(self.fail());
        }
        Err(self.fail_tok(&t, format!("expected '{what}'")))
    }

    fn text(&self, t: &Token) -> &'s str {
        self.src.get(t.start as usize..t.end as usize).unwrap_or("")
    }

    fn pos_of(t: &Token) -> Pos {
        Pos {
            line: t.line,
            col: t.col,
        }
    }

    /// Where the last real token consumed ends: its last line, and the 1-based column just past it.
    fn last_end(&self) -> Pos {
        let mut i = self.pos;
        while i > 0 {
            i -= 1;
            let t = self.toks[i];
            if !matches!(t.kind, Tok::Newline | Tok::Indent | Tok::Dedent | Tok::EndMarker) {
                let text = self.text(&t);
                let breaks = text.matches('\n').count() + text.matches('\r').count() - text.matches("\r\n").count();
                return Pos {
                    line: t.line + breaks as u32,
                    col: self.end_col(&t),
                };
            }
        }
        Pos::default()
    }

    /// An expression node starting at `pos` and ending with the last token consumed.
    fn mk(&self, pos: Pos, kind: ExprKind) -> Expr {
        Expr {
            pos,
            end: self.last_end(),
            kind,
        }
    }

    /// A statement node, the same way.
    fn stmt(&self, pos: Pos, kind: StmtKind) -> Stmt {
        Stmt {
            pos,
            end: self.last_end(),
            kind,
        }
    }

    fn prev(&self) -> Token {
        self.toks[self.pos.saturating_sub(1)]
    }

    /// The 1-based column just past the end of token `t` (on its last line).
    fn end_col(&self, t: &Token) -> u32 {
        let text = self.text(t);
        match text.rfind(['\n', '\r']) {
            Some(i) => text[i + 1..].chars().count() as u32 + 1,
            None => t.col + text.chars().count() as u32,
        }
    }

    // ----- Depth -----

    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            let t = self.tok();
            return Err(self.fail_tok(&t, "too many nested parentheses"));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    // ----- Errors -----

    fn set_error(&mut self, kind: SyntaxErrorKind, msg: String, line: u32, col: u32, generic: bool) -> Fail {
        if self.error.is_none() {
            let msg = if self.fstring && !msg.starts_with("f-string") {
                format!("f-string: {msg}")
            } else {
                msg
            };
            self.error = Some(SyntaxError {
                kind,
                msg,
                line,
                col,
                end: None,
            });
            self.generic = generic;
            self.nested_fstring_error = false;
        }
        Fail
    }

    /// A specific error at `pos`.
    fn fail_at(&mut self, pos: Pos, msg: impl Into<String>) -> Fail {
        self.set_error(SyntaxErrorKind::SyntaxError, msg.into(), pos.line, pos.col, false)
    }

    /// A specific error about the node `start..end`, which CPython underlines whole.
    fn fail_over(&mut self, start: Pos, end: Pos, msg: impl Into<String>) -> Fail {
        let fail = self.fail_at(start, msg);
        if let Some(e) = self
            .error
            .as_mut()
            .filter(|e| e.end.is_none() && e.line == start.line && e.col == start.col)
        {
            e.end = Some(end);
        }
        fail
    }

    fn fail_tok(&mut self, t: &Token, msg: impl Into<String>) -> Fail {
        self.fail_at(Self::pos_of(t), msg)
    }

    /// An IndentationError at token `t`.
    fn fail_indent(&mut self, t: &Token, msg: String) -> Fail {
        self.set_error(SyntaxErrorKind::IndentationError, msg, t.line, t.col, false)
    }

    /// The generic failure: "invalid syntax" at the furthest token the first pass saw, or what CPython
    /// says of that token.
    fn fail(&mut self) -> Fail {
        let i = if self.spec == 0 && !self.second {
            self.pos.max(self.first_furthest)
        } else {
            self.pos
        };
        let t = self.toks[i.min(self.toks.len() - 1)];
        match t.kind {
            Tok::Indent | Tok::Dedent => {
                let msg = if t.kind == Tok::Indent {
                    "unexpected indent"
                } else {
                    "unexpected unindent"
                };
                self.set_error(SyntaxErrorKind::IndentationError, msg.into(), t.line, t.col, true)
            }
            // At the lexer's error token, `final_error` reports the lexer's error instead.
            _ => {
                let fail = self.set_error(
                    SyntaxErrorKind::SyntaxError,
                    "invalid syntax".into(),
                    t.line,
                    t.col,
                    true,
                );
                // CPython underlines the whole token.
                let end = Pos {
                    line: t.line,
                    col: self.end_col(&t),
                };
                if let Some(e) = self
                    .error
                    .as_mut()
                    .filter(|e| e.end.is_none() && e.line == t.line && e.col == t.col)
                {
                    if end.col > t.col + 1 && !matches!(t.kind, Tok::Newline | Tok::EndMarker) {
                        e.end = Some(end);
                    }
                }
                fail
            }
        }
    }

    /// The error to report after a failed parse, ranking the lexer's error and open brackets as CPython does.
    fn final_error(&mut self) -> SyntaxError {
        let parser_error = self.error.take().unwrap_or(SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            msg: "invalid syntax".into(),
            line: 1,
            col: 1,
            end: None,
        });
        let Some(lex) = self.lex_error.take() else {
            return parser_error;
        };
        let reached = self.toks.get(self.furthest).is_some_and(|t| t.kind == Tok::Error);
        // CPython reports an unexpected INDENT or DEDENT at once, without reading the rest of the file.
        let at_indent = self.generic && parser_error.kind == SyntaxErrorKind::IndentationError;
        if reached || (lex.hard && !at_indent) {
            return lex.error;
        }
        if at_indent {
            return parser_error;
        }
        if let Some((ch, line, col)) = lex.open_bracket {
            let err_line = self.toks.get(self.furthest).map_or(0, |t| t.line);
            if line < err_line {
                return SyntaxError {
                    kind: SyntaxErrorKind::SyntaxError,
                    msg: format!("'{ch}' was never closed"),
                    line,
                    col,
                    end: None,
                };
            }
        }
        parser_error
    }

    // ----- Speculation -----

    fn mark(&self) -> (usize, u32) {
        (self.pos, self.depth)
    }

    /// Goes back to `mark` after a failed attempt, forgetting its error.
    fn reset(&mut self, mark: (usize, u32)) {
        self.pos = mark.0;
        self.depth = mark.1;
        self.error = None;
        self.generic = false;
        self.nested_fstring_error = false;
    }
}

/// Parses the expression of an f-string replacement field, `source[start..end]` at `line`/`col`; its errors
/// are placed as CPython places them.
pub(crate) fn parse_fstring_expr(
    source: &str,
    start: usize,
    end: usize,
    line: u32,
    col: u32,
    depth: u32,
) -> Result<crate::ast::Expr, SyntaxError> {
    let tokens = lexer::tokenize_fstring_expr(source, start, end, line, col);
    let mut p = Parser::new(source, tokens.tokens, tokens.error, depth, true);
    p.run(Parser::fstring_body).map_err(|mut e| {
        // CPython parses a copy of the expression wrapped in parentheses and reports columns in that copy.
        if !p.nested_fstring_error && e.line == line {
            e.col = (e.col + 2).saturating_sub(col);
        }
        e
    })
}

impl Parser<'_> {
    /// Records an error from an f-string nested in this one.
    fn nested_fstring_failure(&mut self, e: SyntaxError) -> Fail {
        if self.error.is_none() {
            (self.error, self.generic, self.nested_fstring_error) = (Some(e), false, true);
        }
        Fail
    }
}
