//! Statements: simple ones, assignments, blocks, and every compound statement.

use super::expr::starts_expression;
use super::targets::{expr_name, invalid_target, TargetKind};
use super::{PResult, Parser};
use crate::ast::{
    Alias, BinOp, Body, ClassDef, ExceptHandler, Expr, ExprKind, FunctionDef, Name, Pos, Stmt, StmtKind, WithItem,
};
use crate::lexer::{Tok, Token};
use std::rc::Rc;

fn augassign(t: Tok) -> Option<BinOp> {
    Some(match t {
        Tok::PlusEqual => BinOp::Add,
        Tok::MinusEqual => BinOp::Sub,
        Tok::StarEqual => BinOp::Mult,
        Tok::AtEqual => BinOp::MatMult,
        Tok::SlashEqual => BinOp::Div,
        Tok::PercentEqual => BinOp::Mod,
        Tok::AmperEqual => BinOp::BitAnd,
        Tok::VBarEqual => BinOp::BitOr,
        Tok::CircumflexEqual => BinOp::BitXor,
        Tok::LeftShiftEqual => BinOp::LShift,
        Tok::RightShiftEqual => BinOp::RShift,
        Tok::DoubleStarEqual => BinOp::Pow,
        Tok::DoubleSlashEqual => BinOp::FloorDiv,
        _ => return None,
    })
}

fn stmt(pos: Pos, kind: StmtKind) -> Stmt {
    Stmt { pos, kind }
}

impl Parser<'_> {
    pub(super) fn file(&mut self) -> PResult<Body> {
        let mut body = Vec::new();
        while !self.at(Tok::EndMarker) {
            self.statement(&mut body)?;
        }
        Ok(body)
    }

    fn statement(&mut self, out: &mut Body) -> PResult<()> {
        match self.kind() {
            Tok::Def | Tok::If | Tok::Class | Tok::With | Tok::For | Tok::Try | Tok::While | Tok::At => {
                out.push(self.compound()?)
            }
            Tok::Async => {
                if !matches!(self.peek(1), Tok::Def | Tok::With | Tok::For) {
                    self.bump();
                    return Err(self.fail());
                }
                out.push(self.compound()?)
            }
            _ => self.simple_stmts(out)?,
        }
        Ok(())
    }

    fn simple_stmts(&mut self, out: &mut Body) -> PResult<()> {
        loop {
            out.push(self.simple_stmt()?);
            if !self.eat(Tok::Semi) || self.at(Tok::Newline) {
                break;
            }
        }
        if !self.eat(Tok::Newline) {
            return Err(self.fail());
        }
        Ok(())
    }

    /// The body after a compound statement's `:`: statements on the same line, or an indented block.
    fn block(&mut self, header: &Token, what: &str) -> PResult<Body> {
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
            return Err(self.fail_indent(&t, format!("expected an indented block after {what} on line {}", header.line)));
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

    fn simple_stmt(&mut self) -> PResult<Stmt> {
        let t = self.tok();
        let pos = Self::pos_of(&t);
        let kind = match t.kind {
            Tok::Return => {
                self.bump();
                let k = self.kind();
                let value = if starts_expression(k) || k == Tok::Star { Some(self.star_expressions()?) } else { None };
                StmtKind::Return(value)
            }
            Tok::Import => self.import_name()?,
            Tok::From => self.import_from()?,
            Tok::Raise => {
                self.bump();
                let mut r = StmtKind::Raise { exc: None, cause: None };
                if starts_expression(self.kind()) {
                    let exc = self.expression()?;
                    let cause = if self.eat(Tok::From) { Some(self.expression()?) } else { None };
                    r = StmtKind::Raise { exc: Some(exc), cause };
                }
                r
            }
            Tok::Pass => {
                self.bump();
                StmtKind::Pass
            }
            Tok::Break => {
                self.bump();
                StmtKind::Break
            }
            Tok::Continue => {
                self.bump();
                StmtKind::Continue
            }
            Tok::Del => self.del()?,
            Tok::Assert => {
                self.bump();
                let test = self.expression()?;
                let msg = if self.eat(Tok::Comma) { Some(self.expression()?) } else { None };
                StmtKind::Assert { test, msg }
            }
            Tok::Global | Tok::Nonlocal => {
                self.bump();
                let mut names = vec![self.name()?];
                while self.eat(Tok::Comma) {
                    names.push(self.name()?);
                }
                if t.kind == Tok::Global {
                    StmtKind::Global(names)
                } else {
                    StmtKind::Nonlocal(names)
                }
            }
            _ => return self.expr_stmt(),
        };
        Ok(stmt(pos, kind))
    }

    fn name(&mut self) -> PResult<Name> {
        let t = self.expect(Tok::Name)?;
        Ok(self.text(&t).into())
    }

    fn dotted_name(&mut self) -> PResult<Name> {
        let first = self.expect(Tok::Name)?;
        if !self.at(Tok::Dot) {
            return Ok(self.text(&first).into());
        }
        let mut s = self.text(&first).to_string();
        while self.eat(Tok::Dot) {
            let t = self.expect(Tok::Name)?;
            s.push('.');
            s.push_str(self.text(&t));
        }
        Ok(s.into())
    }

    fn alias(&mut self, dotted: bool) -> PResult<Alias> {
        let t = self.tok();
        let name = if dotted { self.dotted_name()? } else { self.name()? };
        let asname = if self.eat(Tok::As) { Some(self.name()?) } else { None };
        Ok(Alias { pos: Self::pos_of(&t), name, asname })
    }

    fn import_name(&mut self) -> PResult<StmtKind> {
        self.bump();
        let mut names = vec![self.alias(true)?];
        while self.eat(Tok::Comma) {
            names.push(self.alias(true)?);
        }
        Ok(StmtKind::Import(names))
    }

    fn import_from(&mut self) -> PResult<StmtKind> {
        self.bump();
        let mut level = 0u32;
        loop {
            match self.kind() {
                Tok::Dot => level += 1,
                Tok::Ellipsis => level += 3,
                _ => break,
            }
            self.bump();
        }
        let module = if level == 0 || self.at(Tok::Name) { Some(self.dotted_name()?) } else { None };
        self.expect(Tok::Import)?;
        let t = self.tok();
        let names = if self.eat(Tok::Star) {
            vec![Alias { pos: Self::pos_of(&t), name: Rc::from("*"), asname: None }]
        } else if self.eat(Tok::LPar) {
            let mut names = vec![self.alias(false)?];
            while self.eat(Tok::Comma) && !self.at(Tok::RPar) {
                names.push(self.alias(false)?);
            }
            self.expect(Tok::RPar)?;
            names
        } else {
            let mut names = vec![self.alias(false)?];
            while self.eat(Tok::Comma) {
                if self.at(Tok::Newline) {
                    let t = self.tok();
                    return Err(self.fail_tok(&t, "trailing comma not allowed without surrounding parentheses"));
                }
                names.push(self.alias(false)?);
            }
            names
        };
        Ok(StmtKind::ImportFrom { module, names, level })
    }

    fn del(&mut self) -> PResult<StmtKind> {
        self.bump();
        let start = self.pos;
        let e = self.star_expressions()?;
        self.check_target(&e, TargetKind::Del)?;
        if !matches!(self.kind(), Tok::Semi | Tok::Newline) {
            return Err(self.fail());
        }
        let targets = match e.kind {
            ExprKind::Tuple(elts) if !self.is_parenthesized(start) => elts,
            kind => vec![Expr { pos: e.pos, kind }],
        };
        Ok(StmtKind::Delete(targets))
    }

    /// An expression statement or an assignment of any kind.
    fn expr_stmt(&mut self) -> PResult<Stmt> {
        let start = self.pos;
        let first = if self.at(Tok::Yield) { self.yield_expr()? } else { self.star_expressions()? };
        let pos = Self::pos_of(&self.toks[start]);
        if self.at(Tok::Colon) {
            return self.ann_assign(start, first);
        }
        if self.at(Tok::Equal) {
            return self.assign(start, first);
        }
        if self.at(Tok::ColonEqual) && !matches!(first.kind, ExprKind::Name(_)) {
            // CPython explains `a.b := 1` as a named expression, if a value follows.
            let mark = self.mark();
            self.bump();
            if self.speculate(Self::expression).is_ok() {
                let msg = format!("cannot use assignment expressions with {}", expr_name(&first));
                return Err(self.fail_at(first.pos, msg));
            }
            self.reset(mark);
            return Err(self.fail());
        }
        if let Some(op) = augassign(self.kind()) {
            self.bump();
            let value = if self.at(Tok::Yield) { self.yield_expr()? } else { self.star_expressions()? };
            if !matches!(first.kind, ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }) {
                let msg = format!("'{}' is an illegal expression for augmented assignment", expr_name(&first));
                return Err(self.fail_at(pos, msg));
            }
            return Ok(stmt(pos, StmtKind::AugAssign { target: first, op, value }));
        }
        if matches!(first.kind, ExprKind::Tuple(_)) && starts_expression(self.kind()) && !self.is_parenthesized(start) {
            if let Some(f) = self.stray_elements() {
                return Err(f);
            }
        }
        Ok(stmt(pos, StmtKind::Expr(first)))
    }

    /// After `a, b` and something more: CPython's second pass reads further named expressions there, to
    /// explain `a, b c = 1` ("Maybe you meant '==' or ':='..."); a plain failure follows otherwise.
    #[inline(never)]
    fn stray_elements(&mut self) -> Option<super::Fail> {
        let mark = self.mark();
        let explained = self.speculate(|p| loop {
            match p.named_expression() {
                Err(f) if !p.generic => return Some(f),
                Err(_) => return None,
                Ok(_) => {
                    p.eat(Tok::Comma);
                    if !starts_expression(p.kind()) {
                        return None;
                    }
                }
            }
        });
        if explained.is_none() {
            self.reset(mark);
        }
        explained
    }

    fn ann_assign(&mut self, start: usize, target: Expr) -> PResult<Stmt> {
        let bad = match &target.kind {
            ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
            ExprKind::List(_) => Some("only single target (not list) can be annotated"),
            ExprKind::Tuple(_) => Some("only single target (not tuple) can be annotated"),
            _ => Some("illegal target for annotation"),
        };
        if let Some(msg) = bad {
            // CPython explains a bad target only if an annotation follows; else the `:` is the error.
            let mark = self.mark();
            self.bump();
            return Err(match self.speculate(Self::expression) {
                Ok(_) => {
                    let t = self.toks[start];
                    self.fail_tok(&t, msg)
                }
                Err(f) if !self.generic => f,
                Err(_) => {
                    self.reset(mark);
                    self.fail()
                }
            });
        }
        self.bump();
        let annotation = self.expression()?;
        let value = if self.eat(Tok::Equal) {
            Some(if self.at(Tok::Yield) { self.yield_expr()? } else { self.star_expressions()? })
        } else {
            None
        };
        Ok(stmt(Self::pos_of(&self.toks[start]), StmtKind::AnnAssign { target, annotation, value }))
    }

    /// `a = b = value`, with CPython's account of a target that cannot be assigned to.
    fn assign(&mut self, start: usize, first: Expr) -> PResult<Stmt> {
        let mut targets = Vec::new();
        let (mut at, mut e) = (start, first);
        loop {
            // Each target is checked on reaching its `=`, as CPython's rules need nothing after it.
            self.check_assign_target(at, &e, targets.is_empty())?;
            targets.push(e);
            self.bump();
            at = self.pos;
            e = if self.at(Tok::Yield) { self.yield_expr()? } else { self.star_expressions()? };
            if !self.at(Tok::Equal) {
                break;
            }
        }
        Ok(stmt(Self::pos_of(&self.toks[start]), StmtKind::Assign { targets, value: e }))
    }

    /// Fails if `target` (tokens `start..`, up to the `=` at hand) cannot be assigned to.
    fn check_assign_target(&mut self, start: usize, target: &Expr, first: bool) -> PResult<()> {
        let Some(bad) = invalid_target(target, TargetKind::Assign) else { return Ok(()) };
        let end = self.pos;
        let parenthesized = self.parenthesized_between(start, end);
        if matches!(target.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_)) && !parenthesized {
            return Err(self.fail_at(target.pos, "assignment to yield expression not possible"));
        }
        if first {
            // CPython's second pass reads the element just before the first `=` as a named expression.
            let (el_start, el) = match &target.kind {
                ExprKind::Tuple(elts) if !parenthesized => {
                    let level = self.toks[start].level;
                    let comma =
                        (start..end).rev().find(|&k| self.toks[k].kind == Tok::Comma && self.toks[k].level == level);
                    (comma.map_or(start, |c| c + 1), elts.last())
                }
                _ => (start, Some(target)),
            };
            if let Some(el) = el.filter(|el| !matches!(el.kind, ExprKind::Starred(_))) {
                self.stray_equal(el_start, el)?;
            }
        }
        let msg = format!("cannot assign to {}", expr_name(bad));
        Err(self.fail_at(bad.pos, msg))
    }

    fn parenthesized_between(&mut self, start: usize, end: usize) -> bool {
        let here = self.pos;
        self.pos = end;
        let p = self.is_parenthesized(start);
        self.pos = here;
        p
    }

    fn compound(&mut self) -> PResult<Stmt> {
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
        let returns = if self.eat(Tok::Arrow) { Some(self.expression()?) } else { None };
        self.expect_forced(Tok::Colon, ":")?;
        let body = self.block(&def, "function definition")?;
        let pos = Self::pos_of(&first);
        let f = FunctionDef { pos, name, args, body, decorators, returns, is_async };
        Ok(stmt(pos, StmtKind::FunctionDef(Rc::new(f))))
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
        let c = ClassDef { pos, name, bases, keywords, body, decorators };
        Ok(stmt(pos, StmtKind::ClassDef(Rc::new(c))))
    }

    fn if_stmt(&mut self) -> PResult<Stmt> {
        // Parsed as a list so that a long `elif` chain costs no recursion.
        let mut clauses = Vec::new();
        while clauses.is_empty() || self.at(Tok::Elif) {
            let kw = self.bump();
            let test = self.named_expression()?;
            self.colon()?;
            let what = if kw.kind == Tok::If { "'if' statement" } else { "'elif' statement" };
            let body = self.block(&kw, what)?;
            clauses.push((Self::pos_of(&kw), test, body));
        }
        let mut orelse = self.else_block()?;
        for (pos, test, body) in clauses.into_iter().rev() {
            orelse = vec![stmt(pos, StmtKind::If { test, body, orelse })];
        }
        Ok(orelse.pop().unwrap_or_else(|| stmt(Pos::default(), StmtKind::Pass)))
    }

    fn while_stmt(&mut self) -> PResult<Stmt> {
        let kw = self.bump();
        let test = self.named_expression()?;
        self.colon()?;
        let body = self.block(&kw, "'while' statement")?;
        let orelse = self.else_block()?;
        Ok(stmt(Self::pos_of(&kw), StmtKind::While { test, body, orelse }))
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
        Ok(stmt(pos, StmtKind::For { target, iter, body, orelse, is_async: async_kw.is_some() }))
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
            if !matches!(self.kind(), Tok::Comma | Tok::RPar | Tok::Colon) {
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
        Ok(stmt(pos, StmtKind::With { items, body, is_async: async_kw.is_some() }))
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
        let orelse = if handlers.is_empty() { Vec::new() } else { self.else_block()? };
        let finalbody = if self.at(Tok::Finally) {
            let fk = self.bump();
            self.expect_forced(Tok::Colon, ":")?;
            self.block(&fk, "'finally' statement")?
        } else {
            Vec::new()
        };
        let is_star = star_kind.unwrap_or(false);
        Ok(stmt(Self::pos_of(&kw), StmtKind::Try { body, handlers, orelse, finalbody, is_star }))
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
        let what = if star { "'except*' statement" } else { "'except' statement" };
        let body = self.block(&kw, what)?;
        Ok(ExceptHandler { pos: Self::pos_of(&kw), typ, name, body })
    }
}
