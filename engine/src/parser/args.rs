//! Parameter lists of `def` and `lambda`, and the arguments of calls and class headers.

use super::{PResult, Parser};
use crate::ast::{Arg, Arguments, Expr, ExprKind, Keyword};
use crate::lexer::Tok;

impl Parser<'_> {
    /// One parameter: its name and, in a `def`, an optional annotation.
    fn param(&mut self, lambda: bool) -> PResult<Arg> {
        let name = self.expect(Tok::Name)?;
        let annotation = if !lambda && self.eat(Tok::Colon) {
            Some(if self.at(Tok::Star) {
                self.starred(false)?
            } else {
                self.expression()?
            })
        } else {
            None
        };
        Ok(Arg {
            pos: Self::pos_of(&name),
            name: self.text(&name).into(),
            annotation,
        })
    }

    /// The parameters of a `def` (up to its `)`) or a `lambda` (up to its `:`), which stay unconsumed.
    pub(super) fn parameters(&mut self, lambda: bool) -> PResult<Arguments> {
        let close = if lambda { Tok::Colon } else { Tok::RPar };
        let mut a = Arguments::default();
        let (mut slash, mut star, mut kwarg, mut seen_default) = (false, false, false, false);
        loop {
            let t = self.tok();
            match t.kind {
                k if k == close => break,
                Tok::Slash => {
                    let msg = if star {
                        "/ must be ahead of *"
                    } else if slash {
                        "/ may appear only once"
                    } else if a.args.is_empty() {
                        "at least one argument must precede /"
                    } else {
                        ""
                    };
                    if !msg.is_empty() {
                        return Err(self.fail_tok(&t, msg));
                    }
                    self.bump();
                    slash = true;
                    a.posonly = std::mem::take(&mut a.args);
                    if self.at(Tok::Star) {
                        let t = self.tok();
                        return Err(self.fail_tok(&t, "expected comma between / and *"));
                    }
                }
                Tok::Star => {
                    if kwarg {
                        return Err(self.fail_tok(&t, "arguments cannot follow var-keyword argument"));
                    }
                    if star {
                        return Err(self.fail_tok(&t, "* argument may appear only once"));
                    }
                    self.bump();
                    star = true;
                    if self.at(Tok::Comma) || self.at(close) {
                        let next = self.peek(1);
                        if self.at(close) || next == close || next == Tok::DoubleStar {
                            // A `def` points at the `*`; a `lambda` at the last token CPython read.
                            let at = if !lambda {
                                t
                            } else if self.at(close) {
                                self.tok()
                            } else {
                                self.tok_at(1)
                            };
                            return Err(self.fail_tok(&at, "named arguments must follow bare *"));
                        }
                    } else {
                        let p = self.param(lambda)?;
                        if self.at(Tok::Equal) {
                            let eq = self.tok();
                            return Err(self.fail_tok(&eq, "var-positional argument cannot have default value"));
                        }
                        a.vararg = Some(p);
                    }
                }
                Tok::DoubleStar => {
                    if kwarg {
                        return Err(self.fail_tok(&t, "arguments cannot follow var-keyword argument"));
                    }
                    self.bump();
                    let p = self.param(lambda)?;
                    if self.at(Tok::Equal) {
                        let eq = self.tok();
                        return Err(self.fail_tok(&eq, "var-keyword argument cannot have default value"));
                    }
                    a.kwarg = Some(p);
                    kwarg = true;
                }
                Tok::Name => {
                    if kwarg {
                        return Err(self.fail_tok(&t, "arguments cannot follow var-keyword argument"));
                    }
                    let p = self.param(lambda)?;
                    let default = if self.at(Tok::Equal) {
                        let eq = self.bump();
                        if self.at(Tok::Comma) || self.at(close) {
                            return Err(self.fail_tok(&eq, "expected default value expression"));
                        }
                        Some(self.expression()?)
                    } else {
                        None
                    };
                    if star {
                        a.kwonly.push(p);
                        a.kw_defaults.push(default);
                    } else {
                        match default {
                            Some(d) => {
                                a.defaults.push(d);
                                seen_default = true;
                            }
                            None if seen_default => {
                                return Err(self.fail_at(p.pos, "non-default argument follows default argument"));
                            }
                            None => {}
                        }
                        a.args.push(p);
                    }
                }
                Tok::LPar if self.speculate(|p| p.parenthesized_parameters(lambda)) => {
                    let msg = if lambda {
                        "Lambda expression parameters cannot be parenthesized"
                    } else {
                        "Function parameters cannot be parenthesized"
                    };
                    return Err(self.fail_tok(&t, msg));
                }
                _ => return Err(self.fail()),
            }
            if !self.eat(Tok::Comma) {
                break;
            }
        }
        if !self.at(close) {
            return Err(self.fail());
        }
        Ok(a)
    }

    /// Whether `(a, b)` follows, as in Python 2's `def f((a, b)):`: names (annotated, in a `def`) only.
    fn parenthesized_parameters(&mut self, lambda: bool) -> bool {
        let mark = self.mark();
        self.bump();
        let mut ok = self.at(Tok::Name);
        while ok && self.at(Tok::Name) {
            ok = if lambda {
                self.eat(Tok::Name)
            } else {
                self.param(false).is_ok() && !self.at(Tok::Equal)
            };
            if !self.eat(Tok::Comma) {
                break;
            }
        }
        ok = ok && self.at(Tok::RPar);
        self.reset(mark);
        ok
    }

    /// A call's parenthesized arguments after `func`, which starts at `pos`; the current token is its `(`.
    pub(super) fn call(&mut self, func: Expr, pos: crate::ast::Pos) -> PResult<Expr> {
        let open = self.bump();
        let (args, keywords) = self.arguments(Self::pos_of(&open))?;
        Ok(self.mk(
            pos,
            ExprKind::Call {
                func: Box::new(func),
                args,
                keywords,
            },
        ))
    }

    /// Arguments up to and including the closing `)`: positional ones (`*xs` among them) and keywords
    /// (`**kw` among them), with CPython's complaints about their order.
    pub(super) fn arguments(&mut self, open: crate::ast::Pos) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let mut args = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        let mut misplaced: Option<&'static str> = None;
        while !self.at(Tok::RPar) {
            let t = self.tok();
            match t.kind {
                Tok::Star => {
                    if keywords.iter().any(|k| k.name.is_none()) {
                        return Err(self.fail_tok(&t, "iterable argument unpacking follows keyword argument unpacking"));
                    }
                    args.push(self.starred(true)?);
                }
                Tok::DoubleStar => {
                    self.bump();
                    let value = self.expression()?;
                    keywords.push(Keyword {
                        pos: Self::pos_of(&t),
                        name: None,
                        value,
                    });
                }
                Tok::Name if self.peek(1) == Tok::Equal => {
                    self.bump();
                    self.bump();
                    let value = self.expression()?;
                    if self.at(Tok::For) || (self.at(Tok::Async) && self.peek(1) == Tok::For) {
                        return Err(self.fail_tok(&t, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"));
                    }
                    keywords.push(Keyword {
                        pos: Self::pos_of(&t),
                        name: Some(self.text(&t).into()),
                        value,
                    });
                }
                Tok::True | Tok::False | Tok::None if self.peek(1) == Tok::Equal => {
                    let msg = format!("cannot assign to {}", self.text(&t));
                    return Err(self.fail_tok(&t, msg));
                }
                _ => {
                    let walrus = t.kind == Tok::Name && self.peek(1) == Tok::ColonEqual;
                    let e = if walrus {
                        self.named_expression()?
                    } else {
                        self.expression()?
                    };
                    if self.at(Tok::Equal) && !walrus {
                        return Err(
                            self.fail_tok(&t, "expression cannot contain assignment, perhaps you meant \"==\"?")
                        );
                    }
                    // CPython looks for a generator expression only as the first argument.
                    let first = args.is_empty() && keywords.is_empty();
                    let after_async = |p: &mut Self| if first { p.peek(1) } else { p.peek_quiet(1) };
                    if self.at(Tok::For) || (self.at(Tok::Async) && after_async(self) == Tok::For) {
                        if !first {
                            // Only CPython's second pass reads a comprehension here, to explain it.
                            let mark = self.mark();
                            match self.speculate(Self::comprehension) {
                                Ok(_) => {
                                    return Err(self.fail_over(
                                        e.pos,
                                        e.end,
                                        "Generator expression must be parenthesized",
                                    ))
                                }
                                Err(f) if !self.generic => return Err(f),
                                Err(_) => {
                                    self.reset(mark);
                                    return Err(self.fail());
                                }
                            }
                        }
                        let generators = self.comprehension()?;
                        if self.at(Tok::Comma) {
                            let end = self.last_end();
                            return Err(self.fail_over(e.pos, end, "Generator expression must be parenthesized"));
                        }
                        args.push(self.mk(
                            open,
                            ExprKind::GeneratorExp {
                                elt: Box::new(e),
                                generators,
                            },
                        ));
                        break;
                    }
                    if misplaced.is_none() && !keywords.is_empty() {
                        misplaced = Some(if keywords.iter().any(|k| k.name.is_none()) {
                            "positional argument follows keyword argument unpacking"
                        } else {
                            "positional argument follows keyword argument"
                        });
                    }
                    args.push(e);
                }
            }
            if !self.eat(Tok::Comma) {
                break;
            }
        }
        let close = self.expect(Tok::RPar)?;
        if let Some(msg) = misplaced {
            return Err(self.fail_tok(&close, msg));
        }
        Ok((args, keywords))
    }
}
