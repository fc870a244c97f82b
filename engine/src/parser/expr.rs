//! Expressions, from `star_expressions` down to atoms and displays, with CPython's precedence.

use super::targets::{expr_name, height, TargetKind};
use super::{PResult, Parser, MAX_DEPTH};
use crate::ast::{BinOp, BoolOp, CmpOp, Comprehension, Constant, Expr, ExprKind, Pos, UnaryOp};
use crate::lexer::Tok;

pub(super) fn mk(pos: Pos, kind: ExprKind) -> Expr {
    Expr { pos, kind }
}

fn binop(t: Tok) -> Option<(BinOp, u8)> {
    Some(match t {
        Tok::VBar => (BinOp::BitOr, 1),
        Tok::Circumflex => (BinOp::BitXor, 2),
        Tok::Amper => (BinOp::BitAnd, 3),
        Tok::LeftShift => (BinOp::LShift, 4),
        Tok::RightShift => (BinOp::RShift, 4),
        Tok::Plus => (BinOp::Add, 5),
        Tok::Minus => (BinOp::Sub, 5),
        Tok::Star => (BinOp::Mult, 6),
        Tok::Slash => (BinOp::Div, 6),
        Tok::DoubleSlash => (BinOp::FloorDiv, 6),
        Tok::Percent => (BinOp::Mod, 6),
        Tok::At => (BinOp::MatMult, 6),
        _ => return None,
    })
}

/// Whether a token can begin an `expression` (CPython's `expression_without_invalid`).
pub(super) fn starts_expression(t: Tok) -> bool {
    matches!(
        t,
        Tok::Name
            | Tok::Number
            | Tok::String
            | Tok::LPar
            | Tok::LSqb
            | Tok::LBrace
            | Tok::Minus
            | Tok::Plus
            | Tok::Tilde
            | Tok::Not
            | Tok::Lambda
            | Tok::Await
            | Tok::None
            | Tok::True
            | Tok::False
            | Tok::Ellipsis
    )
}

impl Parser<'_> {
    fn is_comp_for(&mut self) -> bool {
        self.at(Tok::For) || (self.at(Tok::Async) && self.peek(1) == Tok::For)
    }

    /// `a, *b, c` without brackets (a tuple), or a single `star_expression`.
    pub(super) fn star_expressions(&mut self) -> PResult<Expr> {
        let first = self.star_expression()?;
        if !self.at(Tok::Comma) {
            return Ok(first);
        }
        let pos = first.pos;
        let mut elts = vec![first];
        while self.eat(Tok::Comma) {
            let k = self.kind();
            if !(starts_expression(k) || k == Tok::Star) {
                break;
            }
            elts.push(self.star_expression()?);
        }
        Ok(mk(pos, ExprKind::Tuple(elts)))
    }

    /// `*bitwise_or` or an `expression`.
    pub(super) fn star_expression(&mut self) -> PResult<Expr> {
        if self.at(Tok::Star) {
            return self.starred(false);
        }
        self.expression()
    }

    /// `*bitwise_or` or a `named_expression`, as in displays.
    pub(super) fn star_named_expression(&mut self) -> PResult<Expr> {
        if self.at(Tok::Star) {
            return self.starred(false);
        }
        self.named_expression()
    }

    /// `*` followed by `bitwise_or`, or by a full `expression` in call arguments and subscripts.
    pub(super) fn starred(&mut self, full: bool) -> PResult<Expr> {
        let star = self.bump();
        self.enter()?;
        let value = if full { self.expression() } else { self.bitwise_or() };
        self.leave();
        Ok(mk(Self::pos_of(&star), ExprKind::Starred(Box::new(value?))))
    }

    /// `name := value` or an `expression`, with CPython's explanations of a stray `=` or `:=`.
    pub(super) fn named_expression(&mut self) -> PResult<Expr> {
        let start = self.pos;
        if self.at(Tok::Name) && self.peek(1) == Tok::ColonEqual {
            let name = self.bump();
            self.bump();
            let value = self.expression()?;
            let target = self.text(&name).into();
            return Ok(mk(Self::pos_of(&name), ExprKind::NamedExpr { target, value: Box::new(value) }));
        }
        let e = self.expression()?;
        if self.quiet == 0 {
            if self.at(Tok::ColonEqual) {
                let msg = format!("cannot use assignment expressions with {}", expr_name(&e));
                let t = self.toks[start];
                return Err(self.fail_tok(&t, msg));
            }
            if self.at(Tok::Equal) {
                self.stray_equal(start, &e)?;
            }
        }
        Ok(e)
    }

    /// CPython's `invalid_named_expression` for `e =` where no assignment can be: `if x = 1:`.
    pub(super) fn stray_equal(&mut self, start: usize, e: &Expr) -> PResult<()> {
        let mark = self.mark();
        let single_name = matches!(e.kind, ExprKind::Name(_)) && self.pos == start + 1;
        if !(single_name || self.is_bitwise_or_level(start, e)) {
            return Ok(());
        }
        self.bump();
        self.quiet += 1;
        let rhs = self.bitwise_or();
        self.quiet -= 1;
        let fits = rhs.is_ok() && !matches!(self.kind(), Tok::Equal | Tok::ColonEqual);
        self.reset(mark);
        if !fits {
            return Ok(());
        }
        let t = self.toks[start];
        if single_name {
            return Err(self.fail_tok(&t, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"));
        }
        if self.starts_with_display(start, e) {
            return Ok(());
        }
        let msg = format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(e));
        Err(self.fail_tok(&t, msg))
    }

    /// Whether `e`, parsed from token `start` up to here, is what CPython's `bitwise_or` rule alone would read.
    pub(super) fn is_bitwise_or_level(&self, start: usize, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Compare { .. }
            | ExprKind::BoolOp { .. }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::NamedExpr { .. }
            | ExprKind::Starred(_)
            | ExprKind::Yield(_)
            | ExprKind::YieldFrom(_)
            | ExprKind::UnaryOp { op: UnaryOp::Not, .. }
            | ExprKind::Tuple(_) => self.is_parenthesized(start),
            _ => true,
        }
    }

    /// Whether the tokens from `start` to here are one parenthesized group.
    pub(super) fn is_parenthesized(&self, start: usize) -> bool {
        let Some(open) = self.toks.get(start) else { return false };
        if open.kind != Tok::LPar || self.pos < start + 2 {
            return false;
        }
        let close = self.toks[self.pos - 1];
        close.kind == Tok::RPar
            && close.level == open.level
            && !self.toks[start + 1..self.pos - 1].iter().any(|t| t.level == open.level)
    }

    /// CPython's `!(list|tuple|genexp|'True'|'None'|'False')` lookahead at the start of `e`.
    fn starts_with_display(&self, start: usize, e: &Expr) -> bool {
        let first = self.toks[start];
        match first.kind {
            Tok::True | Tok::False | Tok::None => true,
            Tok::LSqb | Tok::LPar => {
                let mut leftmost = e;
                loop {
                    leftmost = match &leftmost.kind {
                        ExprKind::BinOp { left, .. } => left,
                        ExprKind::Call { func, .. } => func,
                        ExprKind::Attribute { value, .. } | ExprKind::Subscript { value, .. } => value,
                        _ => break,
                    }
                }
                leftmost.pos == Self::pos_of(&first)
                    && matches!(leftmost.kind, ExprKind::List(_) | ExprKind::Tuple(_) | ExprKind::GeneratorExp { .. })
            }
            _ => false,
        }
    }

    /// A full expression: a lambda, a conditional expression, or a `disjunction`.
    pub(super) fn expression(&mut self) -> PResult<Expr> {
        self.enter()?;
        let e = self.expression_inner();
        self.leave();
        e
    }

    fn expression_inner(&mut self) -> PResult<Expr> {
        if self.at(Tok::Lambda) {
            return self.lambda();
        }
        let start = self.pos;
        let body = self.disjunction()?;
        if self.at(Tok::If) {
            self.bump();
            let test = self.disjunction()?;
            if !self.eat(Tok::Else) {
                if self.quiet == 0 && !self.at(Tok::Colon) {
                    let t = self.toks[start];
                    return Err(self.fail_tok(&t, "expected 'else' after 'if' expression"));
                }
                return Err(self.fail());
            }
            let orelse = self.expression()?;
            let pos = body.pos;
            return Ok(mk(
                pos,
                ExprKind::IfExp { test: Box::new(test), body: Box::new(body), orelse: Box::new(orelse) },
            ));
        }
        if self.quiet == 0 && starts_expression(self.kind()) {
            self.invalid_expression(start, &body)?;
        }
        Ok(body)
    }

    /// Two expressions side by side: CPython's "Perhaps you forgot a comma?" inside brackets, and its
    /// "Missing parentheses in call to 'print'".
    fn invalid_expression(&mut self, start: usize, a: &Expr) -> PResult<()> {
        let first = self.toks[start];
        let first_text = self.text(&first);
        let legacy = matches!(a.kind, ExprKind::Name(_))
            && self.pos == start + 1
            && (first_text == "print" || first_text == "exec");
        let soft_keyword = first.kind == Tok::Name && matches!(first_text, "match" | "case" | "_");
        let name_string = first.kind == Tok::Name && self.toks.get(start + 1).is_some_and(|t| t.kind == Tok::String);
        if !legacy && !soft_keyword && !name_string && self.tok().level > 0 {
            let mark = self.mark();
            self.quiet += 1;
            let b = self.expression();
            self.quiet -= 1;
            self.reset(mark);
            if b.is_ok() {
                return Err(self.fail_tok(&first, "invalid syntax. Perhaps you forgot a comma?"));
            }
        }
        if legacy {
            let mark = self.mark();
            self.quiet += 1;
            let b = self.star_expressions();
            self.quiet -= 1;
            self.reset(mark);
            if b.is_ok() {
                let msg = format!("Missing parentheses in call to '{first_text}'. Did you mean {first_text}(...)?");
                return Err(self.fail_tok(&first, msg));
            }
        }
        Ok(())
    }

    fn lambda(&mut self) -> PResult<Expr> {
        let kw = self.bump();
        let args = self.parameters(true)?;
        if !self.eat(Tok::Colon) {
            return Err(self.fail());
        }
        let body = self.expression()?;
        Ok(mk(Self::pos_of(&kw), ExprKind::Lambda { args: Box::new(args), body: Box::new(body) }))
    }

    pub(super) fn disjunction(&mut self) -> PResult<Expr> {
        let first = self.conjunction()?;
        if !self.at(Tok::Or) {
            return Ok(first);
        }
        let pos = first.pos;
        let mut values = vec![first];
        while self.eat(Tok::Or) {
            values.push(self.conjunction()?);
        }
        Ok(mk(pos, ExprKind::BoolOp { op: BoolOp::Or, values }))
    }

    fn conjunction(&mut self) -> PResult<Expr> {
        let first = self.inversion()?;
        if !self.at(Tok::And) {
            return Ok(first);
        }
        let pos = first.pos;
        let mut values = vec![first];
        while self.eat(Tok::And) {
            values.push(self.inversion()?);
        }
        Ok(mk(pos, ExprKind::BoolOp { op: BoolOp::And, values }))
    }

    fn inversion(&mut self) -> PResult<Expr> {
        let mut nots = Vec::new();
        while self.at(Tok::Not) {
            let t = self.bump();
            if let Err(f) = self.enter() {
                self.depth -= nots.len() as u32 + 1;
                return Err(f);
            }
            nots.push(Self::pos_of(&t));
        }
        let operand = self.comparison();
        self.depth -= nots.len() as u32;
        let mut e = operand?;
        for pos in nots.into_iter().rev() {
            e = mk(pos, ExprKind::UnaryOp { op: UnaryOp::Not, operand: Box::new(e) });
        }
        Ok(e)
    }

    fn comparison(&mut self) -> PResult<Expr> {
        let left = self.bitwise_or()?;
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        loop {
            let op = match self.kind() {
                Tok::EqEqual => CmpOp::Eq,
                Tok::NotEqual => CmpOp::NotEq,
                Tok::Less => CmpOp::Lt,
                Tok::LessEqual => CmpOp::LtE,
                Tok::Greater => CmpOp::Gt,
                Tok::GreaterEqual => CmpOp::GtE,
                Tok::In => CmpOp::In,
                Tok::Not if self.peek(1) == Tok::In => {
                    self.bump();
                    CmpOp::NotIn
                }
                Tok::Is if self.peek(1) == Tok::Not => {
                    self.bump();
                    CmpOp::IsNot
                }
                Tok::Is => CmpOp::Is,
                _ => break,
            };
            self.bump();
            ops.push(op);
            comparators.push(self.bitwise_or()?);
        }
        if ops.is_empty() {
            return Ok(left);
        }
        let pos = left.pos;
        Ok(mk(pos, ExprKind::Compare { left: Box::new(left), ops, comparators }))
    }

    pub(super) fn bitwise_or(&mut self) -> PResult<Expr> {
        self.binary(1)
    }

    /// Binary operators from `|` to `*`, by precedence climbing; chains are left-associative.
    fn binary(&mut self, min: u8) -> PResult<Expr> {
        let mut left = self.factor()?;
        let mut h = 0;
        while let Some((op, prec)) = binop(self.kind()) {
            if prec < min {
                break;
            }
            self.bump();
            let right = self.binary(prec + 1)?;
            if h == 0 {
                h = height(&left, MAX_DEPTH);
            }
            h = h.max(height(&right, MAX_DEPTH)) + 1;
            self.check_height(h)?;
            let pos = left.pos;
            left = mk(pos, ExprKind::BinOp { left: Box::new(left), op, right: Box::new(right) });
        }
        Ok(left)
    }

    /// Chains build trees without recursing; keep them as shallow as the recursion limit keeps the rest.
    fn check_height(&mut self, h: u32) -> PResult<()> {
        if self.depth + h > MAX_DEPTH {
            let t = self.prev();
            return Err(self.fail_tok(&t, "too many nested parentheses"));
        }
        Ok(())
    }

    /// Unary `+`, `-`, `~` and what they apply to.
    fn factor(&mut self) -> PResult<Expr> {
        let mut ops = Vec::new();
        loop {
            let op = match self.kind() {
                Tok::Plus => UnaryOp::Pos,
                Tok::Minus => UnaryOp::Neg,
                Tok::Tilde => UnaryOp::Invert,
                _ => break,
            };
            let t = self.bump();
            if let Err(f) = self.enter() {
                self.depth -= ops.len() as u32 + 1;
                return Err(f);
            }
            ops.push((op, Self::pos_of(&t)));
        }
        let operand = self.power();
        self.depth -= ops.len() as u32;
        let mut e = operand?;
        for (op, pos) in ops.into_iter().rev() {
            e = mk(pos, ExprKind::UnaryOp { op, operand: Box::new(e) });
        }
        Ok(e)
    }

    /// `await_primary ['**' factor]`: `**` binds tighter than a unary operator on its left.
    fn power(&mut self) -> PResult<Expr> {
        let base = self.await_primary()?;
        if !self.at(Tok::DoubleStar) {
            return Ok(base);
        }
        self.bump();
        self.enter()?;
        let exp = self.factor();
        self.leave();
        let exp = exp?;
        let h = height(&base, MAX_DEPTH).max(height(&exp, MAX_DEPTH)) + 1;
        self.check_height(h)?;
        let pos = base.pos;
        Ok(mk(pos, ExprKind::BinOp { left: Box::new(base), op: BinOp::Pow, right: Box::new(exp) }))
    }

    fn await_primary(&mut self) -> PResult<Expr> {
        if !self.at(Tok::Await) {
            return self.primary();
        }
        let kw = self.bump();
        self.enter()?;
        let value = self.primary();
        self.leave();
        Ok(mk(Self::pos_of(&kw), ExprKind::Await(Box::new(value?))))
    }

    /// An atom and its trailers: `.name`, `(args)`, `[index]`.
    fn primary(&mut self) -> PResult<Expr> {
        let mut e = self.atom()?;
        let mut h = 0;
        loop {
            let trailer = self.kind();
            if !matches!(trailer, Tok::Dot | Tok::LPar | Tok::LSqb) {
                return Ok(e);
            }
            if h == 0 {
                h = height(&e, MAX_DEPTH);
            }
            let pos = e.pos;
            e = match trailer {
                Tok::Dot => {
                    self.bump();
                    let name = self.expect(Tok::Name)?;
                    h += 1;
                    let attr = self.text(&name).into();
                    mk(pos, ExprKind::Attribute { value: Box::new(e), attr })
                }
                Tok::LPar => {
                    let call = self.call(e)?;
                    if let ExprKind::Call { args, keywords, .. } = &call.kind {
                        let args = args.iter().chain(keywords.iter().map(|k| &k.value));
                        h = args.fold(h, |h, a| h.max(height(a, MAX_DEPTH)));
                    }
                    h += 1;
                    call
                }
                _ => {
                    self.bump();
                    self.enter()?;
                    let index = self.slices();
                    self.leave();
                    let index = index?;
                    self.expect(Tok::RSqb)?;
                    h = h.max(height(&index, MAX_DEPTH)) + 1;
                    mk(pos, ExprKind::Subscript { value: Box::new(e), index: Box::new(index) })
                }
            };
            self.check_height(h)?;
        }
    }

    /// What is between the brackets of a subscript: one index or slice, or a tuple of them.
    fn slices(&mut self) -> PResult<Expr> {
        let first = self.slice()?;
        if !self.at(Tok::Comma) {
            return Ok(first);
        }
        let pos = first.pos;
        let mut elts = vec![first];
        while self.eat(Tok::Comma) {
            if self.at(Tok::RSqb) {
                break;
            }
            elts.push(if self.at(Tok::Star) { self.starred(true)? } else { self.slice()? });
        }
        Ok(mk(pos, ExprKind::Tuple(elts)))
    }

    fn slice(&mut self) -> PResult<Expr> {
        let t = self.tok();
        let lower = if self.at(Tok::Colon) { None } else { Some(self.named_expression()?) };
        if !self.at(Tok::Colon) {
            return lower.ok_or_else(|| self.fail());
        }
        self.bump();
        let part = |p: &mut Self| -> PResult<Option<Box<Expr>>> {
            Ok(if starts_expression(p.kind()) { Some(Box::new(p.expression()?)) } else { None })
        };
        let upper = part(self)?;
        let step = if self.eat(Tok::Colon) { part(self)? } else { None };
        Ok(mk(Self::pos_of(&t), ExprKind::Slice { lower: lower.map(Box::new), upper, step }))
    }

    fn atom(&mut self) -> PResult<Expr> {
        let t = self.tok();
        let pos = Self::pos_of(&t);
        let constant = |c| Ok(mk(pos, ExprKind::Constant(c)));
        match t.kind {
            Tok::Name => {
                self.bump();
                Ok(mk(pos, ExprKind::Name(self.text(&t).into())))
            }
            Tok::Number => {
                self.bump();
                let c = self.number(&t)?;
                constant(c)
            }
            Tok::String => self.strings(),
            Tok::True => {
                self.bump();
                constant(Constant::Bool(true))
            }
            Tok::False => {
                self.bump();
                constant(Constant::Bool(false))
            }
            Tok::None => {
                self.bump();
                constant(Constant::None)
            }
            Tok::Ellipsis => {
                self.bump();
                constant(Constant::Ellipsis)
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
        if self.eat(close) {
            return Ok(mk(pos, ExprKind::Tuple(Vec::new())));
        }
        if self.at(Tok::Yield) {
            let y = self.yield_expr()?;
            self.expect(close)?;
            return Ok(y);
        }
        if self.at(Tok::DoubleStar) {
            let t = self.tok();
            return Err(self.fail_tok(&t, "cannot use double starred expression here"));
        }
        let first = self.star_named_expression()?;
        if self.is_comp_for() {
            if matches!(first.kind, ExprKind::Starred(_)) {
                return Err(self.fail_at(first.pos, "iterable unpacking cannot be used in comprehension"));
            }
            let generators = self.comprehension()?;
            self.expect(close)?;
            return Ok(mk(pos, ExprKind::GeneratorExp { elt: Box::new(first), generators }));
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
            return Ok(mk(pos, ExprKind::Tuple(elts)));
        }
        self.expect(close)?;
        if matches!(first.kind, ExprKind::Starred(_)) {
            return Err(self.fail_at(first.pos, "cannot use starred expression here"));
        }
        Ok(first)
    }

    fn list(&mut self) -> PResult<Expr> {
        let open = self.bump();
        let pos = Self::pos_of(&open);
        if self.eat(Tok::RSqb) {
            return Ok(mk(pos, ExprKind::List(Vec::new())));
        }
        let first = self.star_named_expression()?;
        if self.is_comp_for() {
            if matches!(first.kind, ExprKind::Starred(_)) {
                return Err(self.fail_at(first.pos, "iterable unpacking cannot be used in comprehension"));
            }
            let generators = self.comprehension()?;
            self.expect(Tok::RSqb)?;
            return Ok(mk(pos, ExprKind::ListComp { elt: Box::new(first), generators }));
        }
        let elts = self.display_rest(first, Tok::RSqb)?;
        Ok(mk(pos, ExprKind::List(elts)))
    }

    /// The rest of a list or set display after its first element, up to and including `close`.
    fn display_rest(&mut self, first: Expr, close: Tok) -> PResult<Vec<Expr>> {
        let first_pos = first.pos;
        let mut elts = vec![first];
        while self.at(Tok::Comma) {
            self.bump();
            if self.is_comp_for() {
                return Err(self.fail_at(first_pos, "did you forget parentheses around the comprehension target?"));
            }
            if self.at(close) {
                break;
            }
            elts.push(self.star_named_expression()?);
            if self.is_comp_for() {
                return Err(self.fail_at(first_pos, "did you forget parentheses around the comprehension target?"));
            }
        }
        self.expect(close)?;
        Ok(elts)
    }

    fn dict_or_set(&mut self) -> PResult<Expr> {
        let open = self.bump();
        let pos = Self::pos_of(&open);
        if self.eat(Tok::RBrace) {
            return Ok(mk(pos, ExprKind::Dict { keys: Vec::new(), values: Vec::new() }));
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
                return Ok(mk(pos, ExprKind::DictComp { key: Box::new(first), value: Box::new(value), generators }));
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
            let key = self.expression()?;
            if !self.at(Tok::Colon) {
                if matches!(self.kind(), Tok::Comma | Tok::RBrace) {
                    let last = self.prev();
                    let col = self.end_col(&last).saturating_sub(1).max(1);
                    let line = last.line;
                    return Err(self.fail_at(Pos { line, col }, "':' expected after dictionary key"));
                }
                return Err(self.fail());
            }
            self.bump();
            keys.push(Some(key));
            values.push(self.dict_value()?);
        }
        self.expect(Tok::RBrace)?;
        Ok(mk(pos, ExprKind::Dict { keys, values }))
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
                return Err(self.fail_at(first.pos, "iterable unpacking cannot be used in comprehension"));
            }
            let generators = self.comprehension()?;
            self.expect(Tok::RBrace)?;
            return Ok(mk(pos, ExprKind::SetComp { elt: Box::new(first), generators }));
        }
        let elts = self.display_rest(first, Tok::RBrace)?;
        Ok(mk(pos, ExprKind::Set(elts)))
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
            generators.push(Comprehension { target, iter, ifs, is_async });
        }
        Ok(generators)
    }

    /// `yield`, `yield value` or `yield from value`.
    pub(super) fn yield_expr(&mut self) -> PResult<Expr> {
        let kw = self.bump();
        let pos = Self::pos_of(&kw);
        if self.eat(Tok::From) {
            let value = self.expression()?;
            return Ok(mk(pos, ExprKind::YieldFrom(Box::new(value))));
        }
        let k = self.kind();
        if starts_expression(k) || k == Tok::Star {
            let value = self.star_expressions()?;
            return Ok(mk(pos, ExprKind::Yield(Some(Box::new(value)))));
        }
        Ok(mk(pos, ExprKind::Yield(None)))
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
