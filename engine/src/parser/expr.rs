//! Expressions, from `star_expressions` down to atoms and displays, with CPython's precedence.

use super::targets::{expr_name, height};
use super::{PResult, Parser, MAX_DEPTH};
use crate::ast::{BinOp, BoolOp, CmpOp, Expr, ExprKind, Pos, UnaryOp};
use crate::lexer::Tok;

// Precedence levels, loosest first; `NOT` and unary operators are prefixes, `POWER` binds right to left.
const OR: u8 = 1;
const AND: u8 = 2;
const NOT: u8 = 3;
const COMPARE: u8 = 4;
const BIT_OR: u8 = 5;
const POWER: u8 = 12;

fn binop(t: Tok) -> Option<(BinOp, u8)> {
    Some(match t {
        Tok::VBar => (BinOp::BitOr, 5),
        Tok::Circumflex => (BinOp::BitXor, 6),
        Tok::Amper => (BinOp::BitAnd, 7),
        Tok::LeftShift => (BinOp::LShift, 8),
        Tok::RightShift => (BinOp::RShift, 8),
        Tok::Plus => (BinOp::Add, 9),
        Tok::Minus => (BinOp::Sub, 9),
        Tok::Star => (BinOp::Mult, 10),
        Tok::Slash => (BinOp::Div, 10),
        Tok::DoubleSlash => (BinOp::FloorDiv, 10),
        Tok::Percent => (BinOp::Mod, 10),
        Tok::At => (BinOp::MatMult, 10),
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
    /// `a, *b, c` without brackets (a tuple), or a single `star_expression`.
    pub(super) fn star_expressions(&mut self) -> PResult<Expr> {
        let pos = Self::pos_of(&self.tok());
        let first = self.star_expression()?;
        if !self.at(Tok::Comma) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(Tok::Comma) {
            let k = self.kind();
            if !(starts_expression(k) || k == Tok::Star) {
                break;
            }
            let mark = self.mark();
            match self.star_expression() {
                Ok(e) => elts.push(e),
                Err(_) if self.second && self.generic => {
                    self.reset(mark);
                    break;
                }
                Err(f) => return Err(f),
            }
        }
        Ok(self.mk(pos, ExprKind::Tuple(elts)))
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
        Ok(self.mk(Self::pos_of(&star), ExprKind::Starred(Box::new(value?))))
    }

    /// `name := value` or an `expression`, with CPython's explanations of a stray `=` or `:=`.
    pub(super) fn named_expression(&mut self) -> PResult<Expr> {
        let start = self.pos;
        if self.at(Tok::Name) && self.peek(1) == Tok::ColonEqual {
            return self.walrus();
        }
        let e = self.expression()?;
        if self.quiet == 0 && matches!(self.kind(), Tok::ColonEqual | Tok::Equal) {
            self.invalid_named_expression(start, &e)?;
        }
        Ok(e)
    }

    #[inline(never)]
    fn walrus(&mut self) -> PResult<Expr> {
        let name = self.bump();
        self.bump();
        let value = self.expression()?;
        let target = self.text(&name).into();
        Ok(self.mk(
            Self::pos_of(&name),
            ExprKind::NamedExpr {
                target,
                value: Box::new(value),
            },
        ))
    }

    #[inline(never)]
    fn invalid_named_expression(&mut self, start: usize, e: &Expr) -> PResult<()> {
        if !self.at(Tok::ColonEqual) {
            return self.stray_equal(start, e);
        }
        // `a.b := 1`: explained only if a value follows.
        let mark = self.mark();
        self.bump();
        let value = self.speculate(Self::expression);
        self.reset(mark);
        if value.is_ok() {
            let msg = format!("cannot use assignment expressions with {}", expr_name(e));
            let t = self.toks[start];
            return Err(self.fail_tok(&t, msg));
        }
        Ok(())
    }

    /// CPython's `invalid_named_expression` for `e =` where no assignment can be: `if x = 1:`.
    pub(super) fn stray_equal(&mut self, start: usize, e: &Expr) -> PResult<()> {
        let mark = self.mark();
        let single_name = matches!(e.kind, ExprKind::Name(_)) && self.pos == start + 1;
        if !(single_name || self.is_bitwise_or_level(start, e)) {
            return Ok(());
        }
        self.bump();
        // CPython reads the right-hand side with its own explanations on: they win if they apply.
        let rhs = self.speculate(Self::bitwise_or);
        if rhs.is_err() && !self.generic {
            return rhs.map(|_| ());
        }
        let fits = rhs.is_ok() && !matches!(self.kind(), Tok::Equal | Tok::ColonEqual);
        self.reset(mark);
        let Some(value) = rhs.as_ref().ok().map(|v| v.end).filter(|_| fits) else {
            return Ok(());
        };
        if single_name {
            let msg = "invalid syntax. Maybe you meant '==' or ':=' instead of '='?";
            return Err(self.fail_over(e.pos, value, msg));
        }
        if self.starts_with_display(start, e) {
            return Ok(());
        }
        let msg = format!(
            "cannot assign to {} here. Maybe you meant '==' instead of '='?",
            expr_name(e)
        );
        Err(self.fail_over(e.pos, e.end, msg))
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
                    && matches!(
                        leftmost.kind,
                        ExprKind::List(_) | ExprKind::Tuple(_) | ExprKind::GeneratorExp { .. }
                    )
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
        let body = self.operators(OR)?;
        if self.at(Tok::If) {
            let pos = Self::pos_of(&self.toks[start]);
            return self.conditional(body, pos);
        }
        if self.quiet == 0 && starts_expression(self.kind()) {
            self.invalid_expression(start, &body)?;
        }
        Ok(body)
    }

    /// `body if test else orelse`, from its `if`.
    #[inline(never)]
    fn conditional(&mut self, body: Expr, pos: Pos) -> PResult<Expr> {
        if !self.second {
            return self.conditional_inner(body, pos);
        }
        let mark = self.mark();
        let saved = body.clone();
        match self.conditional_inner(body, pos) {
            Err(_) if self.generic => {
                self.reset(mark);
                Ok(saved)
            }
            r => r,
        }
    }

    fn conditional_inner(&mut self, body: Expr, pos: Pos) -> PResult<Expr> {
        self.bump();
        let test = self.operators(OR)?;
        if !self.eat(Tok::Else) {
            if self.quiet == 0 && !self.at(Tok::Colon) {
                return Err(self.fail_at(body.pos, "expected 'else' after 'if' expression"));
            }
            return Err(self.fail());
        }
        let orelse = self.expression()?;
        Ok(self.mk(
            pos,
            ExprKind::IfExp {
                test: Box::new(test),
                body: Box::new(body),
                orelse: Box::new(orelse),
            },
        ))
    }

    /// Two expressions side by side: CPython's "Perhaps you forgot a comma?" inside brackets, and its
    /// "Missing parentheses in call to 'print'".
    ///
    /// This mirrors the outcome of CPython's second pass, memoization included: once it has read the second
    /// expression with its checks off (to see whether a comma is missing), it never explains mistakes inside
    /// it; it does when that reading fails outright, or is skipped after a name such as `match`.
    #[inline(never)]
    fn invalid_expression(&mut self, start: usize, a: &Expr) -> PResult<()> {
        let first = self.toks[start];
        let first_text = self.text(&first);
        let lone_name = matches!(a.kind, ExprKind::Name(_)) && self.pos == start + 1;
        let legacy = lone_name && (first_text == "print" || first_text == "exec");
        // CPython compares soft keywords by the name's length only: any prefix of one counts.
        let soft_keyword = first.kind == Tok::Name
            && !first_text.is_empty()
            && ["match", "case", "_"].iter().any(|k| k.starts_with(first_text));
        let name_string = first.kind == Tok::Name && self.toks.get(start + 1).is_some_and(|t| t.kind == Tok::String);
        let mut checked_quietly = false;
        if !soft_keyword && !name_string {
            let follows = self.expression_follows();
            checked_quietly = follows.is_some();
            if let Some(end) = follows.filter(|_| !legacy && self.tok().level > 0) {
                return Err(self.fail_over(a.pos, end, "invalid syntax. Perhaps you forgot a comma?"));
            }
        }
        if lone_name && self.kind() != Tok::LPar {
            let mark = self.mark();
            if checked_quietly {
                self.quiet += 1;
            }
            let b = self.speculate(Self::star_expressions);
            if checked_quietly {
                self.quiet -= 1;
            }
            match b {
                Err(f) if !self.generic => return Err(f),
                Ok(b) if legacy => {
                    self.reset(mark);
                    let msg = format!("Missing parentheses in call to '{first_text}'. Did you mean {first_text}(...)?");
                    return Err(self.fail_over(Self::pos_of(&first), b.end, msg));
                }
                _ => self.reset(mark),
            }
        }
        Ok(())
    }

    /// Whether an expression, or at least the start of one, parses here: what CPython's PEG parser accepts
    /// as `expression_without_invalid`, since it backtracks to the longest prefix that parses.
    /// Whether an expression can be read here (quietly, consuming nothing), and where it ends.
    fn expression_follows(&mut self) -> Option<Pos> {
        self.speculate(Self::expression_follows_inner)
    }

    fn expression_follows_inner(&mut self) -> Option<Pos> {
        let mark = self.mark();
        self.quiet += 1;
        let mut end = self.expression().ok().map(|e| e.end);
        self.reset(mark);
        if end.is_none() {
            // The shortest expression that could start here: `not`s, unary operators, `await`, an atom.
            while self.at(Tok::Not) {
                self.bump();
            }
            while matches!(self.kind(), Tok::Minus | Tok::Plus | Tok::Tilde) {
                self.bump();
            }
            self.eat(Tok::Await);
            end = self.atom().ok().map(|e| e.end);
            self.reset(mark);
        }
        self.quiet -= 1;
        end
    }

    #[inline(never)]
    fn lambda(&mut self) -> PResult<Expr> {
        let kw = self.bump();
        let args = self.parameters(true)?;
        if !self.eat(Tok::Colon) {
            return Err(self.fail());
        }
        let body = self.expression()?;
        Ok(self.mk(
            Self::pos_of(&kw),
            ExprKind::Lambda {
                args: Box::new(args),
                body: Box::new(body),
            },
        ))
    }

    /// CPython's `disjunction`: everything but lambdas and conditional expressions.
    pub(super) fn disjunction(&mut self) -> PResult<Expr> {
        self.operators(OR)
    }

    /// CPython's `bitwise_or`: the binary operators and what binds tighter.
    pub(super) fn bitwise_or(&mut self) -> PResult<Expr> {
        self.operators(BIT_OR)
    }

    /// Operators of precedence `min` or higher, by precedence climbing (one function rather than CPython's
    /// rule per level, to keep the recursion per nested parenthesis short).
    fn operators(&mut self, min: u8) -> PResult<Expr> {
        // CPython places an operation where its first token is, parenthesis included.
        let pos = Self::pos_of(&self.tok());
        let mut left = self.prefix(min)?;
        // The height of `left` once known (0 until then): binary chains grow it without recursing.
        let mut height = 0;
        loop {
            let k = self.kind();
            let prec = match k {
                Tok::Or => OR,
                Tok::And => AND,
                Tok::Not if min <= COMPARE && self.peek(1) == Tok::In => COMPARE,
                Tok::EqEqual
                | Tok::NotEqual
                | Tok::Less
                | Tok::LessEqual
                | Tok::Greater
                | Tok::GreaterEqual
                | Tok::In
                | Tok::Is => COMPARE,
                Tok::DoubleStar => POWER,
                _ => match binop(k) {
                    Some((_, prec)) => prec,
                    None => return Ok(left),
                },
            };
            if prec < min {
                return Ok(left);
            }
            // The second pass backtracks out of an operator whose operand fails, as PEG alternatives do.
            let mark = self.mark();
            let saved = self.second.then(|| left.clone());
            let r = match prec {
                OR | AND => self.bool_op(left, prec, pos),
                COMPARE => self.comparison(left, pos),
                _ => self.binary(left, prec, pos, &mut height),
            };
            left = match (r, saved) {
                (Ok(e), _) => e,
                (Err(_), Some(saved)) if self.generic => {
                    self.reset(mark);
                    return Ok(saved);
                }
                (Err(f), _) => return Err(f),
            };
        }
    }

    /// `not`, unary `+ - ~`, `await`, or a primary: what an operator applies to.
    fn prefix(&mut self, min: u8) -> PResult<Expr> {
        match self.kind() {
            Tok::Not if min <= NOT => self.unary(COMPARE),
            Tok::Plus | Tok::Minus | Tok::Tilde => self.unary(POWER),
            Tok::Await => self.await_primary(),
            _ => self.primary(),
        }
    }

    /// A run of prefix operators (`not not x`, `-~x`) and their operand, read without recursion.
    #[inline(never)]
    fn unary(&mut self, operand_min: u8) -> PResult<Expr> {
        let mut ops = Vec::new();
        loop {
            let op = match self.kind() {
                Tok::Not if operand_min == COMPARE => UnaryOp::Not,
                Tok::Plus if operand_min == POWER => UnaryOp::Pos,
                Tok::Minus if operand_min == POWER => UnaryOp::Neg,
                Tok::Tilde if operand_min == POWER => UnaryOp::Invert,
                _ => break,
            };
            let t = self.bump();
            ops.push((op, Self::pos_of(&t)));
            // Each operator nests the tree one level; a failed parse abandons `depth` anyway.
            self.enter()?;
        }
        let operand = self.operators(operand_min);
        self.depth -= ops.len() as u32;
        let mut e = operand?;
        for (op, pos) in ops.into_iter().rev() {
            e = self.mk(
                pos,
                ExprKind::UnaryOp {
                    op,
                    operand: Box::new(e),
                },
            );
        }
        Ok(e)
    }

    /// `left or b or c` / `left and b and c`, flattened as CPython's tree has them.
    #[inline(never)]
    fn bool_op(&mut self, left: Expr, prec: u8, pos: Pos) -> PResult<Expr> {
        let (tok, op) = if prec == OR {
            (Tok::Or, BoolOp::Or)
        } else {
            (Tok::And, BoolOp::And)
        };
        let mut values = vec![left];
        while self.eat(tok) {
            values.push(self.operators(prec + 1)?);
        }
        Ok(self.mk(pos, ExprKind::BoolOp { op, values }))
    }

    /// `left < b <= c`: one comparison with a chain of operators.
    #[inline(never)]
    fn comparison(&mut self, left: Expr, pos: Pos) -> PResult<Expr> {
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
            comparators.push(self.operators(BIT_OR)?);
        }
        Ok(self.mk(
            pos,
            ExprKind::Compare {
                left: Box::new(left),
                ops,
                comparators,
            },
        ))
    }

    /// `left op right` for one binary operator of precedence `prec`; `**` is right-associative and takes a
    /// unary operand on its right.
    fn binary(&mut self, left: Expr, prec: u8, pos: Pos, left_height: &mut u32) -> PResult<Expr> {
        let t = self.bump();
        let op = if prec == POWER {
            BinOp::Pow
        } else {
            binop(t.kind).map_or(BinOp::Add, |(op, _)| op)
        };
        self.enter()?;
        let right = self.operators(if prec == POWER { POWER } else { prec + 1 });
        self.leave();
        let right = right?;
        if *left_height == 0 {
            *left_height = height(&left, MAX_DEPTH);
        }
        *left_height = (*left_height).max(height(&right, MAX_DEPTH)) + 1;
        self.check_height(*left_height)?;
        Ok(self.mk(
            pos,
            ExprKind::BinOp {
                left: Box::new(left),
                op,
                right: Box::new(right),
            },
        ))
    }

    /// Chains build trees without recursing; keep them as shallow as the recursion limit keeps the rest.
    fn check_height(&mut self, h: u32) -> PResult<()> {
        if self.depth + h > MAX_DEPTH {
            let t = self.prev();
            return Err(self.fail_tok(&t, "too many nested parentheses"));
        }
        Ok(())
    }

    #[inline(never)]
    fn await_primary(&mut self) -> PResult<Expr> {
        let kw = self.bump();
        self.enter()?;
        let value = self.primary();
        self.leave();
        Ok(self.mk(Self::pos_of(&kw), ExprKind::Await(Box::new(value?))))
    }

    /// An atom and its trailers: `.name`, `(args)`, `[index]`.
    pub(super) fn primary(&mut self) -> PResult<Expr> {
        let pos = Self::pos_of(&self.tok());
        let e = self.atom()?;
        if matches!(self.kind(), Tok::Dot | Tok::LPar | Tok::LSqb) {
            return self.trailers(e, pos);
        }
        Ok(e)
    }

    #[inline(never)]
    fn trailers(&mut self, e: Expr, pos: Pos) -> PResult<Expr> {
        if !self.second {
            return self.trailers_inner(e, pos);
        }
        // The second pass keeps the trailers that parse, as PEG alternatives do.
        let mut e = e;
        loop {
            let mark = self.mark();
            let saved = e.clone();
            match self.trailer(e, pos) {
                Ok(Some(next)) => e = next,
                Ok(None) => return Ok(saved),
                Err(_) if self.generic => {
                    self.reset(mark);
                    return Ok(saved);
                }
                Err(f) => return Err(f),
            }
        }
    }

    /// One trailer after `e`, if one follows (second pass only).
    fn trailer(&mut self, e: Expr, pos: Pos) -> PResult<Option<Expr>> {
        if !matches!(self.kind(), Tok::Dot | Tok::LPar | Tok::LSqb) {
            return Ok(None);
        }
        Ok(Some(match self.kind() {
            Tok::Dot => {
                self.bump();
                let name = self.expect(Tok::Name)?;
                let attr = self.text(&name).into();
                self.mk(
                    pos,
                    ExprKind::Attribute {
                        value: Box::new(e),
                        attr,
                    },
                )
            }
            Tok::LPar => self.call(e, pos)?,
            _ => {
                self.bump();
                self.enter()?;
                let index = self.slices();
                self.leave();
                let index = index?;
                self.expect(Tok::RSqb)?;
                self.mk(
                    pos,
                    ExprKind::Subscript {
                        value: Box::new(e),
                        index: Box::new(index),
                    },
                )
            }
        }))
    }

    fn trailers_inner(&mut self, mut e: Expr, pos: Pos) -> PResult<Expr> {
        let mut h = height(&e, MAX_DEPTH);
        loop {
            let trailer = self.kind();
            if !matches!(trailer, Tok::Dot | Tok::LPar | Tok::LSqb) {
                return Ok(e);
            }
            e = match trailer {
                Tok::Dot => {
                    self.bump();
                    let name = self.expect(Tok::Name)?;
                    let attr = self.text(&name).into();
                    self.mk(
                        pos,
                        ExprKind::Attribute {
                            value: Box::new(e),
                            attr,
                        },
                    )
                }
                Tok::LPar => {
                    let call = self.call(e, pos)?;
                    if let ExprKind::Call { args, keywords, .. } = &call.kind {
                        let args = args.iter().chain(keywords.iter().map(|k| &k.value));
                        h = args.fold(h, |h, a| h.max(height(a, MAX_DEPTH)));
                    }
                    call
                }
                _ => {
                    self.bump();
                    self.enter()?;
                    let index = self.slices();
                    self.leave();
                    let index = index?;
                    self.expect(Tok::RSqb)?;
                    h = h.max(height(&index, MAX_DEPTH));
                    self.mk(
                        pos,
                        ExprKind::Subscript {
                            value: Box::new(e),
                            index: Box::new(index),
                        },
                    )
                }
            };
            h += 1;
            self.check_height(h)?;
        }
    }

    /// `yield`, `yield value` or `yield from value`.
    pub(super) fn yield_expr(&mut self) -> PResult<Expr> {
        let kw = self.bump();
        let pos = Self::pos_of(&kw);
        if self.eat(Tok::From) {
            let value = self.expression()?;
            return Ok(self.mk(pos, ExprKind::YieldFrom(Box::new(value))));
        }
        let k = self.kind();
        if starts_expression(k) || k == Tok::Star {
            let value = self.star_expressions()?;
            return Ok(self.mk(pos, ExprKind::Yield(Some(Box::new(value)))));
        }
        Ok(self.mk(pos, ExprKind::Yield(None)))
    }
}
