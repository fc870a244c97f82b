//! The `match` statement (a soft keyword) and its patterns, with CPython 3.11's messages for common mistakes.

use super::{PResult, Parser};
use crate::ast::{Constant, Expr, ExprKind, MatchCase, Name, Pattern, PatternKind, Pos, Stmt, StmtKind, UnaryOp};
use crate::lexer::Tok;

fn pat(pos: Pos, kind: PatternKind) -> Pattern {
    Pattern { pos, kind }
}

impl Parser<'_> {
    /// Whether the `match` soft keyword starts a match statement here: its subject parses and a `:` (or the
    /// end of the line, for CPython's "expected ':'") follows. Otherwise `match` is a plain name.
    pub(super) fn starts_match_statement(&mut self) -> bool {
        let t = self.toks[self.pos];
        if t.kind != Tok::Name || self.text(&t) != "match" {
            return false;
        }
        let next = self.toks.get(self.pos + 1).map_or(Tok::EndMarker, |t| t.kind);
        if !super::expr::starts_expression(next) && next != Tok::Star {
            return false;
        }
        let mark = self.mark();
        let (error, generic, furthest) = (self.error.take(), self.generic, self.furthest);
        let ok = self.speculate(|p| {
            p.bump();
            p.quiet += 1;
            let r = p.subject();
            p.quiet -= 1;
            r.is_ok() && p.at(Tok::Colon)
        });
        self.reset(mark);
        (self.error, self.generic, self.furthest) = (error, generic, furthest);
        ok
    }

    fn subject(&mut self) -> PResult<Expr> {
        let pos = Self::pos_of(&self.tok());
        let first = self.star_named_expression()?;
        if !self.at(Tok::Comma) {
            if matches!(first.kind, ExprKind::Starred(_)) {
                return Err(self.fail());
            }
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat(Tok::Comma) {
            if self.at(Tok::Colon) {
                break;
            }
            items.push(self.star_named_expression()?);
        }
        Ok(self.mk(pos, ExprKind::Tuple(items)))
    }

    pub(super) fn match_stmt(&mut self) -> PResult<Stmt> {
        let kw = self.bump();
        let subject = self.subject()?;
        self.expect_forced(Tok::Colon, ":")?;
        if !self.eat(Tok::Newline) {
            return Err(self.fail());
        }
        let t = self.tok();
        if t.kind != Tok::Indent {
            if t.kind == Tok::Error {
                return Err(self.fail());
            }
            let msg = format!("expected an indented block after 'match' statement on line {}", kw.line);
            return Err(self.fail_indent(&t, msg));
        }
        self.bump();
        let mut cases = Vec::new();
        while !self.eat(Tok::Dedent) {
            let t = self.tok();
            if t.kind != Tok::Name || self.text(&t) != "case" {
                return Err(self.fail());
            }
            cases.push(self.case_block()?);
        }
        Ok(self.stmt(Self::pos_of(&kw), StmtKind::Match { subject, cases }))
    }

    fn case_block(&mut self) -> PResult<MatchCase> {
        let kw = self.bump();
        let pattern = self.patterns()?;
        let guard = if self.eat(Tok::If) {
            Some(self.named_expression()?)
        } else {
            None
        };
        self.expect_forced(Tok::Colon, ":")?;
        let body = self.block(&kw, "'case' statement")?;
        Ok(MatchCase {
            pos: Self::pos_of(&kw),
            pattern,
            guard,
            body,
        })
    }

    /// `case a, *b:` (an open sequence) or a single pattern.
    fn patterns(&mut self) -> PResult<Pattern> {
        let pos = Self::pos_of(&self.tok());
        let first = self.maybe_star_pattern()?;
        if !self.at(Tok::Comma) {
            if matches!(first.kind, PatternKind::Star(_)) {
                return Err(self.fail());
            }
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat(Tok::Comma) {
            if matches!(self.kind(), Tok::Colon | Tok::If) {
                break;
            }
            items.push(self.maybe_star_pattern()?);
        }
        Ok(pat(pos, PatternKind::Sequence(items)))
    }

    fn maybe_star_pattern(&mut self) -> PResult<Pattern> {
        if !self.at(Tok::Star) {
            return self.pattern();
        }
        let star = self.bump();
        let name = self.name()?;
        let name = (&*name != "_").then_some(name);
        Ok(pat(Self::pos_of(&star), PatternKind::Star(name)))
    }

    /// An OR pattern, optionally `as name`.
    fn pattern(&mut self) -> PResult<Pattern> {
        self.enter()?;
        let r = self.pattern_inner();
        self.leave();
        r
    }

    fn pattern_inner(&mut self) -> PResult<Pattern> {
        let pos = Self::pos_of(&self.tok());
        let mut alts = vec![self.closed_pattern()?];
        while self.eat(Tok::VBar) {
            alts.push(self.closed_pattern()?);
        }
        let p = if alts.len() == 1 {
            alts.pop().unwrap_or_else(|| {
                pat(
                    pos,
                    PatternKind::As {
                        pattern: None,
                        name: None,
                    },
                )
            })
        } else {
            pat(pos, PatternKind::Or(alts))
        };
        if !self.at(Tok::As) {
            return Ok(p);
        }
        self.bump();
        let t = self.tok();
        if t.kind == Tok::Name && !matches!(self.peek(1), Tok::Dot | Tok::LPar | Tok::Equal) {
            self.bump();
            let name: Name = self.text(&t).into();
            if &*name == "_" {
                return Err(self.fail_tok(&t, "cannot use '_' as a target"));
            }
            return Ok(pat(
                pos,
                PatternKind::As {
                    pattern: Some(Box::new(p)),
                    name: Some(name),
                },
            ));
        }
        if super::expr::starts_expression(t.kind) {
            return Err(self.fail_tok(&t, "invalid pattern target"));
        }
        Err(self.fail())
    }

    fn closed_pattern(&mut self) -> PResult<Pattern> {
        let t = self.tok();
        let pos = Self::pos_of(&t);
        match t.kind {
            Tok::Number | Tok::Minus | Tok::String | Tok::None | Tok::True | Tok::False => {
                let e = self.literal_expr()?;
                Ok(match e.kind {
                    ExprKind::Constant(c @ (Constant::None | Constant::Bool(_))) => pat(pos, PatternKind::Singleton(c)),
                    _ => pat(pos, PatternKind::Value(e)),
                })
            }
            Tok::Name => {
                let e = self.name_or_attr()?;
                if self.at(Tok::LPar) {
                    return self.class_pattern(e);
                }
                match e.kind {
                    ExprKind::Name(n) => {
                        let name = (&*n != "_").then_some(n);
                        Ok(pat(pos, PatternKind::As { pattern: None, name }))
                    }
                    _ => Ok(pat(pos, PatternKind::Value(e))),
                }
            }
            Tok::LPar => {
                self.bump();
                if self.eat(Tok::RPar) {
                    return Ok(pat(pos, PatternKind::Sequence(Vec::new())));
                }
                let first = self.maybe_star_pattern()?;
                if self.eat(Tok::RPar) {
                    if matches!(first.kind, PatternKind::Star(_)) {
                        return Ok(pat(pos, PatternKind::Sequence(vec![first])));
                    }
                    return Ok(first);
                }
                if !self.at(Tok::Comma) {
                    return Err(self.fail());
                }
                let mut items = vec![first];
                while self.eat(Tok::Comma) {
                    if self.at(Tok::RPar) {
                        break;
                    }
                    items.push(self.maybe_star_pattern()?);
                }
                self.expect(Tok::RPar)?;
                Ok(pat(pos, PatternKind::Sequence(items)))
            }
            Tok::LSqb => {
                self.bump();
                let mut items = Vec::new();
                while !self.at(Tok::RSqb) {
                    items.push(self.maybe_star_pattern()?);
                    if !self.eat(Tok::Comma) {
                        break;
                    }
                }
                self.expect(Tok::RSqb)?;
                Ok(pat(pos, PatternKind::Sequence(items)))
            }
            Tok::LBrace => self.mapping_pattern(),
            _ => Err(self.fail()),
        }
    }

    /// A literal of a pattern: a signed number, `a + bj`, strings, `None`, `True`, `False`.
    fn literal_expr(&mut self) -> PResult<Expr> {
        let t = self.tok();
        let pos = Self::pos_of(&t);
        match t.kind {
            Tok::String => {
                let e = self.strings()?;
                if matches!(e.kind, ExprKind::JoinedStr(_)) {
                    return Err(self.fail_at(pos, "patterns may only match literals and attribute lookups"));
                }
                Ok(e)
            }
            Tok::None | Tok::True | Tok::False => self.atom(),
            _ => {
                let neg = self.eat(Tok::Minus);
                let n = self.expect(Tok::Number)?;
                let c = self.number(&n)?;
                let real_is_imag = matches!(c, Constant::Imag(_));
                let mut e = self.mk(Self::pos_of(&n), ExprKind::Constant(c));
                if neg {
                    e = self.mk(
                        pos,
                        ExprKind::UnaryOp {
                            op: UnaryOp::Neg,
                            operand: Box::new(e),
                        },
                    );
                }
                if !matches!(self.kind(), Tok::Plus | Tok::Minus) {
                    return Ok(e);
                }
                let op = if self.bump().kind == Tok::Plus {
                    crate::ast::BinOp::Add
                } else {
                    crate::ast::BinOp::Sub
                };
                let it = self.tok();
                if it.kind != Tok::Number {
                    return Err(self.fail());
                }
                self.bump();
                let ic = self.number(&it)?;
                if real_is_imag {
                    return Err(self.fail_at(pos, "real number required in complex literal"));
                }
                if !matches!(ic, Constant::Imag(_)) {
                    return Err(self.fail_tok(&it, "imaginary number required in complex literal"));
                }
                let right = self.mk(Self::pos_of(&it), ExprKind::Constant(ic));
                Ok(self.mk(
                    pos,
                    ExprKind::BinOp {
                        left: Box::new(e),
                        op,
                        right: Box::new(right),
                    },
                ))
            }
        }
    }

    /// `name` or `a.b.c`.
    fn name_or_attr(&mut self) -> PResult<Expr> {
        let t = self.expect(Tok::Name)?;
        let pos = Self::pos_of(&t);
        let mut e = self.mk(pos, ExprKind::Name(self.text(&t).into()));
        while self.eat(Tok::Dot) {
            let a = self.expect(Tok::Name)?;
            let attr = self.text(&a).into();
            e = self.mk(
                pos,
                ExprKind::Attribute {
                    value: Box::new(e),
                    attr,
                },
            );
        }
        Ok(e)
    }

    fn class_pattern(&mut self, cls: Expr) -> PResult<Pattern> {
        let pos = cls.pos;
        self.bump();
        let (mut patterns, mut kwd_attrs, mut kwd_patterns) = (Vec::new(), Vec::new(), Vec::new());
        while !self.at(Tok::RPar) {
            let t = self.tok();
            if t.kind == Tok::Name && self.peek(1) == Tok::Equal {
                self.bump();
                self.bump();
                kwd_attrs.push(self.text(&t).into());
                kwd_patterns.push(self.pattern()?);
            } else {
                let p = self.pattern()?;
                if !kwd_attrs.is_empty() {
                    return Err(self.fail_at(p.pos, "positional patterns follow keyword patterns"));
                }
                patterns.push(p);
            }
            if !self.eat(Tok::Comma) {
                break;
            }
        }
        self.expect(Tok::RPar)?;
        Ok(pat(
            pos,
            PatternKind::Class {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            },
        ))
    }

    fn mapping_pattern(&mut self) -> PResult<Pattern> {
        let open = self.bump();
        let (mut keys, mut patterns, mut rest) = (Vec::new(), Vec::new(), None);
        while !self.at(Tok::RBrace) {
            if self.eat(Tok::DoubleStar) {
                let t = self.expect(Tok::Name)?;
                if self.text(&t) == "_" {
                    return Err(self.fail_tok(&t, "invalid syntax"));
                }
                rest = Some(self.text(&t).into());
                self.eat(Tok::Comma);
                break;
            }
            let key = match self.kind() {
                Tok::Name => {
                    let e = self.name_or_attr()?;
                    if matches!(e.kind, ExprKind::Name(_)) {
                        return Err(self.fail());
                    }
                    e
                }
                _ => self.literal_expr()?,
            };
            self.expect(Tok::Colon)?;
            keys.push(key);
            patterns.push(self.pattern()?);
            if !self.eat(Tok::Comma) {
                break;
            }
        }
        self.expect(Tok::RBrace)?;
        Ok(pat(Self::pos_of(&open), PatternKind::Mapping { keys, patterns, rest }))
    }
}
