//! Atoms and displays: names, literals, parenthesized forms, lists, dicts, sets, comprehensions, subscripts.

use super::expr::starts_expression;
use super::targets::TargetKind;
use super::{PResult, Parser};
use crate::ast::{Comprehension, Constant, Expr, ExprKind, Pos};
use crate::lexer::Tok;

impl Parser<'_> {
    pub(super) fn is_comp_for(&mut self) -> bool {
        self.at(Tok::For) || (self.at(Tok::Async) && self.peek(1) == Tok::For)
    }

    /// What is between the brackets of a subscript: one index or slice, or a tuple of them.
    #[inline(never)]
    pub(super) fn slices(&mut self) -> PResult<Expr> {
        let pos = Self::pos_of(&self.tok());
        let first = if self.at(Tok::Star) {
            self.starred(true)?
        } else {
            self.slice()?
        };
        if !self.at(Tok::Comma) {
            if matches!(first.kind, ExprKind::Starred(_)) {
                return Ok(self.mk(pos, ExprKind::Tuple(vec![first])));
            }
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(Tok::Comma) {
            if self.at(Tok::RSqb) {
                break;
            }
            elts.push(if self.at(Tok::Star) {
                self.starred(true)?
            } else {
                self.slice()?
            });
        }
        Ok(self.mk(pos, ExprKind::Tuple(elts)))
    }

    fn slice(&mut self) -> PResult<Expr> {
        let t = self.tok();
        let lower = if self.at(Tok::Colon) {
            None
        } else {
            Some(self.named_expression()?)
        };
        if !self.at(Tok::Colon) {
            return lower.ok_or_else(|| self.fail());
        }
        self.bump();
        let part = |p: &mut Self| -> PResult<Option<Box<Expr>>> {
            Ok(if starts_expression(p.kind()) {
                Some(Box::new(p.expression()?))
            } else {
                None
            })
        };
        let upper = part(self)?;
        let step = if self.eat(Tok::Colon) { part(self)? } else { None };
        Ok(self.mk(
            Self::pos_of(&t),
            ExprKind::Slice {
                lower: lower.map(Box::new),
                upper,
                step,
            },
        ))
    }

    pub(super) fn atom(&mut self) -> PResult<Expr> {
        let t = self.tok();
        let pos = Self::pos_of(&t);
        let constant = |p: &Self, c| Ok(p.mk(pos, ExprKind::Constant(c)));
        match t.kind {
            Tok::Name => {
                self.bump();
                Ok(self.mk(pos, ExprKind::Name(self.text(&t).into())))
            }
            Tok::Number => {
                self.bump();
                let c = self.number(&t)?;
                constant(self, c)
            }
            Tok::String => self.strings(),
            Tok::True => {
                self.bump();
                constant(self, Constant::Bool(true))
            }
            Tok::False => {
                self.bump();
                constant(self, Constant::Bool(false))
            }
            Tok::None => {
                self.bump();
                constant(self, Constant::None)
            }
            Tok::Ellipsis => {
                self.bump();
                constant(self, Constant::Ellipsis)
            }
            Tok::LPar => {
                self.bump();
                self.paren_contents(pos, Tok::RPar)
            }
            Tok::LSqb => self.list(),
            Tok::LBrace => self.dict_or_set(),
            _ => Err(self.fail()),
        }
    }

    /// After `(`: `()`, a group, a tuple or a generator expression, up to the closing `close`.
    pub(super) fn paren_contents(&mut self, pos: Pos, close: Tok) -> PResult<Expr> {
        match self.kind() {
            k if k == close => {
                self.bump();
                Ok(self.mk(pos, ExprKind::Tuple(Vec::new())))
            }
            Tok::Yield => self.paren_yield(close),
            Tok::DoubleStar => {
                let t = self.tok();
                Err(self.fail_tok(&t, "cannot use double starred expression here"))
            }
            _ => {
                let first = self.star_named_expression()?;
                self.paren_rest(pos, first, close)
            }
        }
    }

    #[inline(never)]
    fn paren_yield(&mut self, close: Tok) -> PResult<Expr> {
        let y = self.yield_expr()?;
        self.expect(close)?;
        Ok(y)
    }

    /// After the first element in parentheses: a generator expression, a tuple, or a group.
    #[inline(never)]
    fn paren_rest(&mut self, pos: Pos, first: Expr, close: Tok) -> PResult<Expr> {
        if self.is_comp_for() {
            if matches!(first.kind, ExprKind::Starred(_)) {
                return Err(self.fail_over(
                    first.pos,
                    first.end,
                    "iterable unpacking cannot be used in comprehension",
                ));
            }
            let generators = self.comprehension()?;
            self.expect(close)?;
            return Ok(self.mk(
                pos,
                ExprKind::GeneratorExp {
                    elt: Box::new(first),
                    generators,
                },
            ));
        }
        if self.at(Tok::Comma) {
            let mut elts = vec![first];
            while self.eat(Tok::Comma) {
                if self.at(close) {
                    break;
                }
                elts.push(self.star_named_expression()?);
            }
            self.expect(close)?;
            return Ok(self.mk(pos, ExprKind::Tuple(elts)));
        }
        self.expect(close)?;
        if matches!(first.kind, ExprKind::Starred(_)) {
            return Err(self.fail_over(first.pos, first.end, "cannot use starred expression here"));
        }
        Ok(first)
    }

    #[inline(never)]
    fn list(&mut self) -> PResult<Expr> {
        let open = self.bump();
        let pos = Self::pos_of(&open);
        if self.eat(Tok::RSqb) {
            return Ok(self.mk(pos, ExprKind::List(Vec::new())));
        }
        let first = self.star_named_expression()?;
        if self.is_comp_for() {
            if matches!(first.kind, ExprKind::Starred(_)) {
                return Err(self.fail_over(
                    first.pos,
                    first.end,
                    "iterable unpacking cannot be used in comprehension",
                ));
            }
            let generators = self.comprehension()?;
            self.expect(Tok::RSqb)?;
            return Ok(self.mk(
                pos,
                ExprKind::ListComp {
                    elt: Box::new(first),
                    generators,
                },
            ));
        }
        let elts = self.display_rest(first, Tok::RSqb)?;
        Ok(self.mk(pos, ExprKind::List(elts)))
    }

    /// The rest of a list or set display after its first element, up to and including `close`.
    fn display_rest(&mut self, first: Expr, close: Tok) -> PResult<Vec<Expr>> {
        let first_pos = first.pos;
        let mut elts = vec![first];
        let comp_for = |p: &mut Self| p.at(Tok::For) || (p.at(Tok::Async) && p.peek_quiet(1) == Tok::For);
        while self.at(Tok::Comma) {
            self.bump();
            if comp_for(self) {
                return Err(self.fail_at(first_pos, "did you forget parentheses around the comprehension target?"));
            }
            if self.at(close) {
                break;
            }
            elts.push(self.star_named_expression()?);
            if comp_for(self) {
                return Err(self.fail_at(first_pos, "did you forget parentheses around the comprehension target?"));
            }
        }
        self.expect(close)?;
        Ok(elts)
    }

    #[inline(never)]
    fn dict_or_set(&mut self) -> PResult<Expr> {
        let open = self.bump();
        let pos = Self::pos_of(&open);
        if self.eat(Tok::RBrace) {
            return Ok(self.mk(
                pos,
                ExprKind::Dict {
                    keys: Vec::new(),
                    values: Vec::new(),
                },
            ));
        }
        let (key, value) = if self.at(Tok::DoubleStar) {
            let stars = self.bump();
            let value = self.bitwise_or()?;
            if self.is_comp_for() {
                return Err(self.fail_tok(&stars, "dict unpacking cannot be used in dict comprehension"));
            }
            (None, value)
        } else {
            let first = self.star_named_expression()?;
            if !self.at(Tok::Colon) || matches!(first.kind, ExprKind::Starred(_)) {
                return self.set_rest(pos, first);
            }
            self.bump();
            let value = self.dict_value()?;
            if self.is_comp_for() {
                let generators = self.comprehension()?;
                self.expect(Tok::RBrace)?;
                return Ok(self.mk(
                    pos,
                    ExprKind::DictComp {
                        key: Box::new(first),
                        value: Box::new(value),
                        generators,
                    },
                ));
            }
            (Some(first), value)
        };
        let mut keys = vec![key];
        let mut values = vec![value];
        while self.eat(Tok::Comma) {
            if self.at(Tok::RBrace) {
                break;
            }
            if self.at(Tok::DoubleStar) {
                self.bump();
                keys.push(None);
                values.push(self.bitwise_or()?);
                continue;
            }
            let key = self.dict_key()?;
            if !self.at(Tok::Colon) {
                let last = self.prev();
                let col = self.end_col(&last).saturating_sub(1).max(1);
                let line = last.line;
                return Err(self.fail_at(Pos { line, col }, "':' expected after dictionary key"));
            }
            self.bump();
            keys.push(Some(key));
            values.push(self.dict_value()?);
        }
        self.expect(Tok::RBrace)?;
        Ok(self.mk(pos, ExprKind::Dict { keys, values }))
    }

    /// A key after the first entry. CPython's explanation of a bad one is "':' expected after dictionary
    /// key", after the longest expression that parses there (`f` of `f(a b)`).
    #[inline(never)]
    fn dict_key(&mut self) -> PResult<Expr> {
        let mark = self.mark();
        self.quiet += 1;
        let mut key = self.expression();
        if key.is_err() {
            self.reset(mark);
            key = self.disjunction();
        }
        if key.is_err() {
            self.reset(mark);
            while self.at(Tok::Not) {
                self.bump();
            }
            while matches!(self.kind(), Tok::Minus | Tok::Plus | Tok::Tilde) {
                self.bump();
            }
            self.eat(Tok::Await);
            key = self.atom();
        }
        self.quiet -= 1;
        if key.is_err() {
            // Nothing parses: CPython finds its explanation elsewhere, with its checks on.
            self.reset(mark);
            return self.expression();
        }
        key
    }

    fn dict_value(&mut self) -> PResult<Expr> {
        match self.kind() {
            Tok::Star => {
                let t = self.tok();
                Err(self.fail_tok(&t, "cannot use a starred expression in a dictionary value"))
            }
            Tok::Comma | Tok::RBrace => {
                let colon = self.prev();
                Err(self.fail_tok(&colon, "expression expected after dictionary key and ':'"))
            }
            _ => self.expression(),
        }
    }

    fn set_rest(&mut self, pos: Pos, first: Expr) -> PResult<Expr> {
        if self.is_comp_for() {
            if matches!(first.kind, ExprKind::Starred(_)) {
                return Err(self.fail_over(
                    first.pos,
                    first.end,
                    "iterable unpacking cannot be used in comprehension",
                ));
            }
            let generators = self.comprehension()?;
            self.expect(Tok::RBrace)?;
            return Ok(self.mk(
                pos,
                ExprKind::SetComp {
                    elt: Box::new(first),
                    generators,
                },
            ));
        }
        let elts = self.display_rest(first, Tok::RBrace)?;
        Ok(self.mk(pos, ExprKind::Set(elts)))
    }

    /// `for` clauses, each with its `if`s, after a comprehension's element.
    pub(super) fn comprehension(&mut self) -> PResult<Vec<Comprehension>> {
        let mut generators = Vec::new();
        while self.is_comp_for() {
            let is_async = self.eat(Tok::Async);
            self.bump();
            let target = self.targets(TargetKind::For)?;
            if !self.eat(Tok::In) {
                return Err(self.fail());
            }
            let iter = self.disjunction()?;
            let mut ifs = Vec::new();
            while self.eat(Tok::If) {
                ifs.push(self.disjunction()?);
            }
            generators.push(Comprehension {
                target,
                iter,
                ifs,
                is_async,
            });
        }
        Ok(generators)
    }

    /// The expression of an f-string replacement field, read like the inside of parentheses.
    pub(super) fn fstring_body(&mut self) -> PResult<Expr> {
        let t = self.tok();
        let e = self.paren_contents(Self::pos_of(&t), Tok::EndMarker)?;
        if !self.at(Tok::EndMarker) {
            return Err(self.fail());
        }
        Ok(e)
    }
}
