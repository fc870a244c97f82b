//! Assignment and deletion targets: reading them, and naming what cannot be one as CPython does.

use super::{PResult, Parser};
use crate::ast::{Constant, Expr, ExprKind, FStringPart};
use crate::lexer::Tok;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TargetKind {
    /// `a = ...`, `with ... as a`.
    Assign,
    /// `for a in ...`, in statements and comprehensions.
    For,
    Del,
}

/// What CPython calls an expression in "cannot assign to ..." (`_PyPegen_get_expr_name`).
pub(super) fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred(_) => "starred",
        ExprKind::Name(_) => "name",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::JoinedStr(_) => "f-string expression",
        ExprKind::Constant(Constant::None) => "None",
        ExprKind::Constant(Constant::Bool(true)) => "True",
        ExprKind::Constant(Constant::Bool(false)) => "False",
        ExprKind::Constant(Constant::Ellipsis) => "ellipsis",
        ExprKind::Constant(_) => "literal",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// The first part of `e` that cannot be a target (CPython's `_PyPegen_get_invalid_target`).
pub(super) fn invalid_target(e: &Expr, kind: TargetKind) -> Option<&Expr> {
    match &e.kind {
        ExprKind::List(elts) | ExprKind::Tuple(elts) => elts.iter().find_map(|x| invalid_target(x, kind)),
        ExprKind::Starred(value) if kind != TargetKind::Del => invalid_target(value, kind),
        ExprKind::Compare { left, ops, .. } if kind == TargetKind::For => {
            if ops.first() == Some(&crate::ast::CmpOp::In) {
                invalid_target(left, kind)
            } else {
                None
            }
        }
        ExprKind::Name(_) | ExprKind::Subscript { .. } | ExprKind::Attribute { .. } => None,
        _ => Some(e),
    }
}

/// Calls `f` on each expression directly inside `e`.
pub(crate) fn for_each_child<'a>(e: &'a Expr, f: &mut dyn FnMut(&'a Expr)) {
    fn parts<'a>(ps: &'a [FStringPart], f: &mut dyn FnMut(&'a Expr)) {
        for p in ps {
            if let FStringPart::Formatted { value, format_spec, .. } = p {
                f(value);
                if let Some(spec) = format_spec {
                    parts(spec, f);
                }
            }
        }
    }
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Constant(_) => {}
        ExprKind::JoinedStr(ps) => parts(ps, f),
        ExprKind::BinOp { left, right, .. } => {
            f(left);
            f(right);
        }
        ExprKind::UnaryOp { operand: x, .. }
        | ExprKind::Attribute { value: x, .. }
        | ExprKind::Starred(x)
        | ExprKind::Await(x)
        | ExprKind::YieldFrom(x)
        | ExprKind::NamedExpr { value: x, .. } => f(x),
        ExprKind::Yield(x) => {
            if let Some(x) = x {
                f(x);
            }
        }
        ExprKind::BoolOp { values: xs, .. } | ExprKind::List(xs) | ExprKind::Tuple(xs) | ExprKind::Set(xs) => {
            xs.iter().for_each(f)
        }
        ExprKind::Compare { left, comparators, .. } => {
            f(left);
            comparators.iter().for_each(f);
        }
        ExprKind::Call { func, args, keywords } => {
            f(func);
            args.iter().for_each(&mut *f);
            keywords.iter().for_each(|k| f(&k.value));
        }
        ExprKind::Subscript { value, index } => {
            f(value);
            f(index);
        }
        ExprKind::Slice { lower, upper, step } => {
            for x in [lower, upper, step].into_iter().flatten() {
                f(x);
            }
        }
        ExprKind::Dict { keys, values } => {
            keys.iter().flatten().for_each(&mut *f);
            values.iter().for_each(f);
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            f(elt);
            for g in generators {
                f(&g.target);
                f(&g.iter);
                g.ifs.iter().for_each(&mut *f);
            }
        }
        ExprKind::DictComp { key, value, generators } => {
            f(key);
            f(value);
            for g in generators {
                f(&g.target);
                f(&g.iter);
                g.ifs.iter().for_each(&mut *f);
            }
        }
        ExprKind::Lambda { args, body } => {
            args.defaults.iter().for_each(&mut *f);
            args.kw_defaults.iter().flatten().for_each(&mut *f);
            f(body);
        }
        ExprKind::IfExp { test, body, orelse } => {
            f(test);
            f(body);
            f(orelse);
        }
    }
}

/// The height of `e`'s tree, counting at most `limit` levels (so it recurses at most `limit` deep).
pub(super) fn height(e: &Expr, limit: u32) -> u32 {
    if limit <= 1 {
        return 1;
    }
    let mut h = 0;
    for_each_child(e, &mut |c| h = h.max(height(c, limit - 1)));
    h + 1
}

impl Parser<'_> {
    /// One target, as CPython's `star_target` reads it: a name, attribute, subscript, or parenthesized or
    /// bracketed targets, maybe starred. Anything else is explained afterwards, as an expression.
    pub(super) fn target_element(&mut self) -> PResult<Expr> {
        if self.at(Tok::Star) {
            let star = self.bump();
            self.enter()?;
            let value = self.target_element();
            self.leave();
            return Ok(self.mk(Self::pos_of(&star), ExprKind::Starred(Box::new(value?))));
        }
        self.primary()
    }

    /// `a`, `a, *b` or `(a, b), c` before the `in` of a `for`; the targets must be assignable.
    pub(super) fn targets(&mut self, kind: TargetKind) -> PResult<Expr> {
        let start = self.mark();
        let first = match self.target_element() {
            Ok(e) => e,
            Err(_) if self.generic => return Err(self.invalid_for_target(start, kind)),
            Err(f) => return Err(f),
        };
        let e = if self.at(Tok::Comma) {
            let pos = Self::pos_of(&self.toks[start.0]);
            let mut elts = vec![first];
            while self.eat(Tok::Comma) {
                let k = self.kind();
                if !(super::expr::starts_expression(k) || k == Tok::Star) || k == Tok::Lambda || k == Tok::Not {
                    break;
                }
                match self.target_element() {
                    Ok(e) => elts.push(e),
                    Err(_) if self.generic => return Err(self.invalid_for_target(start, kind)),
                    Err(f) => return Err(f),
                }
            }
            self.mk(pos, ExprKind::Tuple(elts))
        } else {
            first
        };
        if !self.at(Tok::In) {
            return Err(self.invalid_for_target(start, kind));
        }
        self.check_target(&e, kind)?;
        Ok(e)
    }

    /// CPython's `invalid_for_target`: when no `in` follows the targets, it reads them again as
    /// expressions, which may explain the mistake ("cannot assign to ...", "Perhaps you forgot a comma?").
    #[inline(never)]
    fn invalid_for_target(&mut self, start: (usize, u32), kind: TargetKind) -> super::Fail {
        // Keep the first error, which is the answer if nothing better turns up.
        let (error, generic) = (self.error.take(), self.generic);
        let here = self.mark();
        self.reset(start);
        match self.speculate(Self::star_expressions) {
            Err(f) if !self.generic => return f,
            Ok(e) => {
                if let Err(f) = self.check_target(&e, kind) {
                    return f;
                }
            }
            Err(_) => {}
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

    /// Fails with "cannot assign to ..." (or "cannot delete ...") if part of `e` cannot be a target.
    pub(super) fn check_target(&mut self, e: &Expr, kind: TargetKind) -> PResult<()> {
        if let Some(bad) = invalid_target(e, kind) {
            let verb = if kind == TargetKind::Del { "delete" } else { "assign to" };
            let msg = format!("cannot {verb} {}", expr_name(bad));
            return Err(self.fail_over(bad.pos, bad.end, msg));
        }
        Ok(())
    }
}
