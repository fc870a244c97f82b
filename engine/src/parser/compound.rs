//! Compound statements: blocks, `if`, `while`, `for`, `with`, `try`, and definitions with their decorators.

use super::targets::TargetKind;
use super::{PResult, Parser};
use crate::ast::{Body, ClassDef, ExceptHandler, Expr, FunctionDef, Pos, Stmt, StmtKind, WithItem};
use crate::lexer::{Tok, Token};
use std::rc::Rc;

impl Parser<'_> {
    /// The body after a compound statement's `:`: statements on the same line, or an indented block.
    pub(super) fn block(&mut self, header: &Token, what: &str) -> PResult<Body> {
        let mut body = Vec::new();
        if !self.at(Tok::Newline) {
            self.simple_stmts(&mut body)?;
            return Ok(body);
        }
        self.bump();
        let t = self.tok();
        if t.kind != Tok::Indent {
            if t.kind == Tok::Error {
                return Err(self.fail());
            }
            return Err(self.fail_indent(
                &t,
                format!("expected an indented block after {what} on line {}", header.line),
            ));
        }
        self.bump();
        while !self.eat(Tok::Dedent) {
            self.statement(&mut body)?;
        }
        Ok(body)
    }

    /// The `:` ending a compound statement's header; a newline instead is CPython's "expected ':'".
    fn colon(&mut self) -> PResult<()> {
        if self.eat(Tok::Colon) {
            return Ok(());
        }
        if self.at(Tok::Newline) {
            let t = self.tok();
            return Err(self.fail_tok(&t, "expected ':'"));
        }
        Err(self.fail())
    }

    fn else_block(&mut self) -> PResult<Body> {
        if !self.at(Tok::Else) {
            return Ok(Vec::new());
        }
        let kw = self.bump();
        self.expect_forced(Tok::Colon, ":")?;
        self.block(&kw, "'else' statement")
    }

    pub(super) fn compound(&mut self) -> PResult<Stmt> {
        match self.kind() {
            Tok::At => self.decorated(),
            Tok::Def => self.funcdef(Vec::new()),
            Tok::Class => self.classdef(Vec::new()),
            Tok::If => self.if_stmt(),
            Tok::While => self.while_stmt(),
            Tok::Try => self.try_stmt(),
            Tok::With => self.with_stmt(None),
            Tok::For => self.for_stmt(None),
            _ => {
                // `async` before `def`, `with` or `for`.
                let kw = self.bump();
                match self.kind() {
                    Tok::Def => {
                        self.pos -= 1;
                        self.funcdef(Vec::new())
                    }
                    Tok::With => self.with_stmt(Some(kw)),
                    _ => self.for_stmt(Some(kw)),
                }
            }
        }
    }

    fn decorated(&mut self) -> PResult<Stmt> {
        let mut decorators = Vec::new();
        while self.eat(Tok::At) {
            decorators.push(self.named_expression()?);
            if !self.eat(Tok::Newline) {
                return Err(self.fail());
            }
        }
        match self.kind() {
            Tok::Def => self.funcdef(decorators),
            Tok::Async if self.peek(1) == Tok::Def => self.funcdef(decorators),
            Tok::Class => self.classdef(decorators),
            _ => Err(self.fail()),
        }
    }

    fn funcdef(&mut self, decorators: Vec<Expr>) -> PResult<Stmt> {
        let first = self.tok();
        let is_async = self.eat(Tok::Async);
        let def = self.bump();
        let name = self.name()?;
        self.expect_forced(Tok::LPar, "(")?;
        let args = self.parameters(false)?;
        self.expect(Tok::RPar)?;
        let returns = if self.eat(Tok::Arrow) {
            Some(self.expression()?)
        } else {
            None
        };
        self.expect_forced(Tok::Colon, ":")?;
        let body = self.block(&def, "function definition")?;
        let pos = Self::pos_of(&first);
        let f = FunctionDef {
            pos,
            name,
            args,
            body,
            decorators,
            returns,
            is_async,
        };
        Ok(self.stmt(pos, StmtKind::FunctionDef(Rc::new(f))))
    }

    fn classdef(&mut self, decorators: Vec<Expr>) -> PResult<Stmt> {
        let kw = self.bump();
        let name = self.name()?;
        let (bases, keywords) = if self.at(Tok::LPar) {
            let open = self.bump();
            self.arguments(Self::pos_of(&open))?
        } else {
            (Vec::new(), Vec::new())
        };
        self.colon()?;
        let body = self.block(&kw, "class definition")?;
        let pos = Self::pos_of(&kw);
        let c = ClassDef {
            pos,
            name,
            bases,
            keywords,
            body,
            decorators,
        };
        Ok(self.stmt(pos, StmtKind::ClassDef(Rc::new(c))))
    }

    fn if_stmt(&mut self) -> PResult<Stmt> {
        // Parsed as a list so that a long `elif` chain costs no recursion.
        let mut clauses = Vec::new();
        while clauses.is_empty() || self.at(Tok::Elif) {
            let kw = self.bump();
            let test = self.named_expression()?;
            self.colon()?;
            let what = if kw.kind == Tok::If {
                "'if' statement"
            } else {
                "'elif' statement"
            };
            let body = self.block(&kw, what)?;
            clauses.push((Self::pos_of(&kw), test, body));
        }
        let mut orelse = self.else_block()?;
        for (pos, test, body) in clauses.into_iter().rev() {
            orelse = vec![self.stmt(pos, StmtKind::If { test, body, orelse })];
        }
        Ok(orelse
            .pop()
            .unwrap_or_else(|| self.stmt(Pos::default(), StmtKind::Pass)))
    }

    fn while_stmt(&mut self) -> PResult<Stmt> {
        let kw = self.bump();
        let test = self.named_expression()?;
        self.colon()?;
        let body = self.block(&kw, "'while' statement")?;
        let orelse = self.else_block()?;
        Ok(self.stmt(Self::pos_of(&kw), StmtKind::While { test, body, orelse }))
    }

    fn for_stmt(&mut self, async_kw: Option<Token>) -> PResult<Stmt> {
        let kw = self.bump();
        let target = self.targets(TargetKind::For)?;
        if !self.eat(Tok::In) {
            return Err(self.fail());
        }
        let iter = self.star_expressions()?;
        self.colon()?;
        let body = self.block(&kw, "'for' statement")?;
        let orelse = self.else_block()?;
        let pos = Self::pos_of(async_kw.as_ref().unwrap_or(&kw));
        Ok(self.stmt(
            pos,
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async: async_kw.is_some(),
            },
        ))
    }

    fn with_item(&mut self) -> PResult<WithItem> {
        let context = self.expression()?;
        let vars = if self.eat(Tok::As) {
            let start = self.mark();
            let target = match self.target_element() {
                Ok(t) => t,
                Err(_) if self.generic => return Err(self.invalid_with_item(start)),
                Err(f) => return Err(f),
            };
            // A newline here is a missing `:`, which `with_stmt` reports.
            if !matches!(self.kind(), Tok::Comma | Tok::RPar | Tok::Colon | Tok::Newline) {
                return Err(self.invalid_with_item(start));
            }
            self.check_target(&target, TargetKind::Assign)?;
            Some(target)
        } else {
            None
        };
        Ok(WithItem { context, vars })
    }

    /// CPython's `invalid_with_item`: after `as`, it reads a whole expression, with its checks on.
    #[inline(never)]
    fn invalid_with_item(&mut self, start: (usize, u32)) -> super::Fail {
        // Keep the first error, which is the answer if nothing better turns up.
        let (error, generic) = (self.error.take(), self.generic);
        let here = self.mark();
        self.reset(start);
        match self.speculate(Self::expression) {
            Err(f) if !self.generic => return f,
            Ok(e) if matches!(self.kind(), Tok::Comma | Tok::RPar | Tok::Colon) => {
                if let Err(f) = self.check_target(&e, TargetKind::Assign) {
                    return f;
                }
            }
            _ => {}
        }
        self.reset(here);
        match error {
            Some(e) => {
                (self.error, self.generic) = (Some(e), generic);
                super::Fail
            }
            None => self.fail(),
        }
    }

    fn with_stmt(&mut self, async_kw: Option<Token>) -> PResult<Stmt> {
        let kw = self.bump();
        let mut items = None;
        if self.at(Tok::LPar) {
            // `with (a as b, c):` or an expression that starts with a parenthesis: try the first.
            let mark = self.mark();
            self.bump();
            let mut attempt = || -> PResult<Vec<WithItem>> {
                let mut items = vec![self.with_item()?];
                while self.eat(Tok::Comma) && !self.at(Tok::RPar) {
                    items.push(self.with_item()?);
                }
                self.expect(Tok::RPar)?;
                if !matches!(self.kind(), Tok::Colon | Tok::Newline) {
                    return Err(self.fail());
                }
                Ok(items)
            };
            match attempt() {
                Ok(parsed) => items = Some(parsed),
                Err(f) if !self.generic => return Err(f),
                Err(_) => self.reset(mark),
            }
        }
        let items = match items {
            Some(items) => items,
            None => {
                let mut items = vec![self.with_item()?];
                while self.eat(Tok::Comma) {
                    items.push(self.with_item()?);
                }
                items
            }
        };
        self.colon()?;
        let body = self.block(&kw, "'with' statement")?;
        let pos = Self::pos_of(async_kw.as_ref().unwrap_or(&kw));
        Ok(self.stmt(
            pos,
            StmtKind::With {
                items,
                body,
                is_async: async_kw.is_some(),
            },
        ))
    }

    fn try_stmt(&mut self) -> PResult<Stmt> {
        let kw = self.bump();
        self.expect_forced(Tok::Colon, ":")?;
        if self.at(Tok::Except) {
            // `try: except ...`: CPython's second pass reads it as a `try` with no body and explains
            // what is wrong with the `except` clause, if anything.
            let mark = self.mark();
            let mut star = None;
            if let Err(f) = self.speculate(|p| p.except_clause(&mut star)) {
                if !self.generic {
                    return Err(f);
                }
            }
            self.reset(mark);
            return Err(self.fail());
        }
        let body = self.block(&kw, "'try' statement")?;
        if !matches!(self.kind(), Tok::Except | Tok::Finally) {
            let t = self.tok();
            if t.kind == Tok::Error {
                return Err(self.fail());
            }
            return Err(self.fail_tok(&t, "expected 'except' or 'finally' block"));
        }
        let mut handlers = Vec::new();
        let mut star_kind: Option<bool> = None;
        while self.at(Tok::Except) {
            handlers.push(self.except_clause(&mut star_kind)?);
        }
        let orelse = if handlers.is_empty() {
            Vec::new()
        } else {
            self.else_block()?
        };
        let finalbody = if self.at(Tok::Finally) {
            let fk = self.bump();
            self.expect_forced(Tok::Colon, ":")?;
            self.block(&fk, "'finally' statement")?
        } else {
            Vec::new()
        };
        let is_star = star_kind.unwrap_or(false);
        Ok(self.stmt(
            Self::pos_of(&kw),
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                is_star,
            },
        ))
    }

    /// Whether `, B, C [as name]:` follows, as in `except A, B:` (CPython's `invalid_except_stmt`).
    fn unparenthesized_types(&mut self) -> bool {
        let mark = self.mark();
        let mut ok = true;
        while ok && self.eat(Tok::Comma) {
            ok = self.expression().is_ok();
        }
        if ok && self.eat(Tok::As) {
            ok = self.eat(Tok::Name);
        }
        ok = ok && self.at(Tok::Colon);
        self.reset(mark);
        ok
    }

    fn except_clause(&mut self, star_kind: &mut Option<bool>) -> PResult<ExceptHandler> {
        let kw = self.bump();
        let star = self.eat(Tok::Star);
        if *star_kind.get_or_insert(star) != star {
            return Err(self.fail_tok(&kw, "cannot have both 'except' and 'except*' on the same 'try'"));
        }
        let (mut typ, mut name) = (None, None);
        match self.kind() {
            Tok::Colon | Tok::Newline if star => {
                let t = self.tok();
                return Err(self.fail_tok(&t, "expected one or more exception types"));
            }
            Tok::Colon | Tok::Newline => {}
            _ => {
                let t = self.tok();
                let e = self.expression()?;
                if self.at(Tok::Comma) && self.speculate(Self::unparenthesized_types) {
                    return Err(self.fail_tok(&t, "multiple exception types must be parenthesized"));
                }
                typ = Some(e);
                if self.eat(Tok::As) {
                    name = Some(self.name()?);
                }
            }
        }
        self.colon()?;
        let what = if star {
            "'except*' statement"
        } else {
            "'except' statement"
        };
        let body = self.block(&kw, what)?;
        Ok(ExceptHandler {
            pos: Self::pos_of(&kw),
            typ,
            name,
            body,
        })
    }
}
