//! Statements: simple ones, assignments, blocks, and every compound statement.

use super::expr::starts_expression;
use super::targets::{expr_name, invalid_target, TargetKind};
use super::{PResult, Parser};
use crate::ast::{Alias, BinOp, Body, Expr, ExprKind, Name, Pos, Stmt, StmtKind};
use crate::lexer::Tok;
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

impl Parser<'_> {
    pub(super) fn file(&mut self) -> PResult<Body> {
        let mut body = Vec::new();
        while !self.at(Tok::EndMarker) {
            self.statement(&mut body)?;
        }
        Ok(body)
    }

    pub(super) fn statement(&mut self, out: &mut Body) -> PResult<()> {
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
            Tok::Name if self.starts_match_statement() => out.push(self.match_stmt()?),
            _ => self.simple_stmts(out)?,
        }
        Ok(())
    }

    pub(super) fn simple_stmts(&mut self, out: &mut Body) -> PResult<()> {
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

    fn simple_stmt(&mut self) -> PResult<Stmt> {
        let t = self.tok();
        let pos = Self::pos_of(&t);
        let kind = match t.kind {
            Tok::Return => {
                self.bump();
                let k = self.kind();
                let value = if starts_expression(k) || k == Tok::Star {
                    Some(self.star_expressions()?)
                } else {
                    None
                };
                StmtKind::Return(value)
            }
            Tok::Import => self.import_name()?,
            Tok::From => self.import_from()?,
            Tok::Raise => {
                self.bump();
                let mut r = StmtKind::Raise { exc: None, cause: None };
                if starts_expression(self.kind()) {
                    let exc = self.expression()?;
                    let cause = if self.eat(Tok::From) {
                        Some(self.expression()?)
                    } else {
                        None
                    };
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
                let msg = if self.eat(Tok::Comma) {
                    Some(self.expression()?)
                } else {
                    None
                };
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
        Ok(self.stmt(pos, kind))
    }

    pub(super) fn name(&mut self) -> PResult<Name> {
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
        Ok(Alias {
            pos: Self::pos_of(&t),
            name,
            asname,
        })
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
        let module = if level == 0 || self.at(Tok::Name) {
            Some(self.dotted_name()?)
        } else {
            None
        };
        self.expect(Tok::Import)?;
        let t = self.tok();
        let names = if self.eat(Tok::Star) {
            vec![Alias {
                pos: Self::pos_of(&t),
                name: Rc::from("*"),
                asname: None,
            }]
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
            kind => vec![Expr {
                pos: e.pos,
                end: e.end,
                kind,
            }],
        };
        Ok(StmtKind::Delete(targets))
    }

    /// An expression statement or an assignment of any kind.
    fn expr_stmt(&mut self) -> PResult<Stmt> {
        let start = self.pos;
        let first = if self.at(Tok::Yield) {
            self.yield_expr()?
        } else {
            self.star_expressions()?
        };
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
            let value = if self.at(Tok::Yield) {
                self.yield_expr()?
            } else {
                self.star_expressions()?
            };
            if !matches!(
                first.kind,
                ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
            ) {
                let msg = format!(
                    "'{}' is an illegal expression for augmented assignment",
                    expr_name(&first)
                );
                return Err(self.fail_at(pos, msg));
            }
            return Ok(self.stmt(
                pos,
                StmtKind::AugAssign {
                    target: first,
                    op,
                    value,
                },
            ));
        }
        if matches!(first.kind, ExprKind::Tuple(_)) && starts_expression(self.kind()) && !self.is_parenthesized(start) {
            if let Some(f) = self.stray_elements() {
                return Err(f);
            }
        }
        Ok(self.stmt(pos, StmtKind::Expr(first)))
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
            Some(if self.at(Tok::Yield) {
                self.yield_expr()?
            } else {
                self.star_expressions()?
            })
        } else {
            None
        };
        Ok(self.stmt(
            Self::pos_of(&self.toks[start]),
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            },
        ))
    }

    /// `a = b = value`, with CPython's account of a target that cannot be assigned to.
    fn assign(&mut self, start: usize, first: Expr) -> PResult<Stmt> {
        let first_eq = self.pos;
        let mut targets: Vec<Expr> = Vec::new();
        let (mut at, mut e) = (start, first);
        loop {
            // Each target is checked on reaching its `=`, as CPython's rules need nothing after it.
            if let Some(bad) = invalid_target(&e, TargetKind::Assign) {
                let (bad_span, name) = ((bad.pos, bad.end), expr_name(bad));
                let first = targets.first().unwrap_or(&e);
                return Err(self.invalid_assignment(start, first_eq, first, at, &e, bad_span, name));
            }
            targets.push(e);
            self.bump();
            at = self.pos;
            e = if self.at(Tok::Yield) {
                self.yield_expr()?
            } else {
                self.star_expressions()?
            };
            if !self.at(Tok::Equal) {
                break;
            }
        }
        Ok(self.stmt(Self::pos_of(&self.toks[start]), StmtKind::Assign { targets, value: e }))
    }

    /// CPython's account of an assignment whose target `target` (tokens `at..`, up to the `=` at hand)
    /// cannot be assigned to, `bad` being the part to blame; `first` is the first target, up to `first_eq`.
    #[allow(clippy::too_many_arguments)]
    #[inline(never)]
    fn invalid_assignment(
        &mut self,
        start: usize,
        first_eq: usize,
        first: &Expr,
        at: usize,
        target: &Expr,
        bad: (Pos, Pos),
        name: &str,
    ) -> super::Fail {
        let end = self.pos;
        if matches!(target.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_)) && !self.parenthesized_between(at, end) {
            return self.fail_at(target.pos, "assignment to yield expression not possible");
        }
        // CPython's second pass first reads the element just before the first `=` as a named expression.
        let (el_start, el) = match &first.kind {
            ExprKind::Tuple(elts) if !self.parenthesized_between(start, first_eq) => {
                let level = self.toks[start].level;
                let comma = (start..first_eq)
                    .rev()
                    .find(|&k| self.toks[k].kind == Tok::Comma && self.toks[k].level == level);
                (comma.map_or(start, |c| c + 1), elts.last())
            }
            _ => (start, Some(first)),
        };
        if let Some(el) = el.filter(|el| !matches!(el.kind, ExprKind::Starred(_))) {
            self.pos = first_eq;
            let r = self.stray_equal(el_start, el);
            self.pos = end;
            if let Err(f) = r {
                return f;
            }
        }
        self.fail_over(bad.0, bad.1, format!("cannot assign to {name}"))
    }

    pub(super) fn parenthesized_between(&mut self, start: usize, end: usize) -> bool {
        let here = self.pos;
        self.pos = end;
        let p = self.is_parenthesized(start);
        self.pos = here;
        p
    }
}
