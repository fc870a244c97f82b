//! The `match` statement: each case's pattern compiles to tests on a copy of the subject, with a chain of
//! `Pop`s after it so that a failed test, whatever it left on the stack, lands on the next case.

use super::{CResult, Compiler};
use crate::ast::{CmpOp, Constant, Expr, MatchCase, Pattern, PatternKind};
use crate::code::Instr;
use crate::value::Value;

/// Where failed tests of one pattern jump: `jumps[k]` jump with `k` items above `base` on the stack.
struct Fails {
    base: i32,
    jumps: Vec<Vec<usize>>,
}

impl Fails {
    fn new(base: i32) -> Self {
        Fails {
            base,
            jumps: Vec::new(),
        }
    }

    fn record(&mut self, at: usize, k: usize) {
        if self.jumps.len() <= k {
            self.jumps.resize(k + 1, Vec::new());
        }
        self.jumps[k].push(at);
    }
}

impl Compiler<'_> {
    pub(super) fn match_stmt(&mut self, subject: &Expr, cases: &[MatchCase]) -> CResult {
        self.expr(subject)?;
        let base = self.depth();
        let mut ends = Vec::new();
        for c in cases {
            self.set_line(c.pos);
            self.emit(Instr::Dup);
            let mut fails = Fails::new(base);
            self.pattern(&c.pattern, &mut fails, 1)?;
            if let Some(g) = &c.guard {
                self.expr(g)?;
                let j = self.emit(Instr::PopJumpIfFalse(0));
                fails.record(j, 0);
            }
            self.emit(Instr::Pop);
            self.body(&c.body)?;
            ends.push(self.emit(Instr::Jump(0)));
            self.fail_pops(&fails);
        }
        self.emit(Instr::Pop);
        for j in ends {
            self.patch(j);
        }
        Ok(())
    }

    /// The landing pads of `fails`: the deepest pops first, each falling into the next.
    fn fail_pops(&mut self, fails: &Fails) {
        let max = fails.jumps.len().saturating_sub(1);
        self.set_depth(fails.base + max as i32);
        for k in (0..fails.jumps.len()).rev() {
            for &j in &fails.jumps[k] {
                self.patch(j);
            }
            if k > 0 {
                self.emit(Instr::Pop);
            }
        }
        self.set_depth(fails.base);
    }

    fn fail_if_false(&mut self, fails: &mut Fails, k: usize) {
        let j = self.emit(Instr::PopJumpIfFalse(0));
        fails.record(j, k);
    }

    /// Matches the subject on top (with `depth` items above the base, the subject included), consuming it.
    fn pattern(&mut self, p: &Pattern, fails: &mut Fails, depth: usize) -> CResult {
        self.set_line(p.pos);
        match &p.kind {
            PatternKind::Value(e) => {
                self.expr(e)?;
                self.emit(Instr::Compare(CmpOp::Eq));
                self.fail_if_false(fails, depth - 1);
            }
            PatternKind::Singleton(c) => {
                let v = match c {
                    Constant::Bool(b) => Value::Bool(*b),
                    _ => Value::None,
                };
                self.load_const(v);
                self.emit(Instr::Compare(CmpOp::Is));
                self.fail_if_false(fails, depth - 1);
            }
            PatternKind::Star(name) | PatternKind::As { pattern: None, name } => match name {
                Some(n) => self.store_name(n),
                None => {
                    self.emit(Instr::Pop);
                }
            },
            PatternKind::As { pattern: Some(q), name } => {
                self.emit(Instr::Dup);
                self.pattern(q, fails, depth + 1)?;
                match name {
                    Some(n) => self.store_name(n),
                    None => {
                        self.emit(Instr::Pop);
                    }
                }
            }
            PatternKind::Sequence(items) => {
                self.emit(Instr::MatchSequence);
                self.fail_if_false(fails, depth);
                let n = items.len();
                let star = items.iter().position(|q| matches!(q.kind, PatternKind::Star(_)));
                if !(star.is_some() && n == 1) {
                    self.emit(Instr::GetLen);
                    let (want, op) = match star {
                        Some(_) => (n - 1, CmpOp::GtE),
                        None => (n, CmpOp::Eq),
                    };
                    self.load_const(Value::Int(want as i64));
                    self.emit(Instr::Compare(op));
                    self.fail_if_false(fails, depth);
                }
                match star {
                    Some(s) => self.emit(Instr::UnpackEx(s as u32, (n - s - 1) as u32)),
                    None => self.emit(Instr::UnpackSequence(n as u32)),
                };
                for (i, q) in items.iter().enumerate() {
                    self.pattern(q, fails, depth - 1 + (n - i))?;
                }
            }
            PatternKind::Mapping { keys, patterns, rest } => {
                self.emit(Instr::MatchMapping);
                self.fail_if_false(fails, depth);
                let k = keys.len();
                if k == 0 {
                    match rest {
                        Some(r) => {
                            self.emit(Instr::BuildTuple(0));
                            self.emit(Instr::CopyDictWithoutKeys);
                            self.store_name(r);
                            self.emit(Instr::Pop);
                        }
                        None => {
                            self.emit(Instr::Pop);
                        }
                    }
                    return Ok(());
                }
                self.emit(Instr::GetLen);
                self.load_const(Value::Int(k as i64));
                self.emit(Instr::Compare(CmpOp::GtE));
                self.fail_if_false(fails, depth);
                for key in keys {
                    self.expr(key)?;
                }
                self.emit(Instr::BuildTuple(k as u32));
                self.emit(Instr::MatchKeys);
                self.emit(Instr::Dup);
                self.load_const(Value::None);
                self.emit(Instr::Compare(CmpOp::IsNot));
                self.fail_if_false(fails, depth + 2);
                self.emit(Instr::UnpackSequence(k as u32));
                for (i, q) in patterns.iter().enumerate() {
                    self.pattern(q, fails, depth + 1 + (k - i))?;
                }
                match rest {
                    Some(r) => {
                        self.emit(Instr::CopyDictWithoutKeys);
                        self.store_name(r);
                    }
                    None => {
                        self.emit(Instr::Pop);
                    }
                }
                self.emit(Instr::Pop);
            }
            PatternKind::Class {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => {
                self.expr(cls)?;
                let names: Vec<Value> = kwd_attrs.iter().map(|a| Value::Str(a.clone())).collect();
                let i = self.unit().code.consts.len() as u32;
                self.unit().code.consts.push(Value::tuple(names));
                self.emit(Instr::LoadConst(i));
                self.emit(Instr::MatchClass(patterns.len() as u32));
                self.emit(Instr::Dup);
                self.load_const(Value::None);
                self.emit(Instr::Compare(CmpOp::IsNot));
                self.fail_if_false(fails, depth);
                let n = patterns.len() + kwd_patterns.len();
                self.emit(Instr::UnpackSequence(n as u32));
                for (i, q) in patterns.iter().chain(kwd_patterns).enumerate() {
                    self.pattern(q, fails, depth - 1 + (n - i))?;
                }
            }
            PatternKind::Or(alts) => {
                let mut ends = Vec::new();
                let Some((last, firsts)) = alts.split_last() else {
                    return Ok(());
                };
                for alt in firsts {
                    // The alternative tries a copy; when it fails, the subject is still there for the next one.
                    let base = self.depth();
                    self.emit(Instr::Dup);
                    let mut sub = Fails::new(base);
                    self.pattern(alt, &mut sub, 1)?;
                    self.emit(Instr::Pop);
                    ends.push(self.emit(Instr::Jump(0)));
                    self.fail_pops(&sub);
                }
                self.pattern(last, fails, depth)?;
                for j in ends {
                    self.patch(j);
                }
            }
        }
        Ok(())
    }
}
