//! The `match` statement: each case's pattern compiles to tests on a copy of the subject, with a chain of
//! `Pop`s after it so that a failed test, whatever it left on the stack, lands on the next case.
//!
//! As in CPython, names are bound only when the whole pattern matched: a captured value is moved down the
//! stack, under the items the pattern still works on, and the names are stored once every test passed.

use super::{CResult, Compiler};
use crate::ast::{CmpOp, Constant, Expr, MatchCase, Name, Pattern, PatternKind};
use crate::code::Instr;
use crate::value::Value;

/// One pattern being matched: where its failed tests jump, and the values it captured so far.
struct Fails {
    /// The stack depth below everything the pattern pushes (its subject included).
    base: i32,
    /// `jumps[k]` jump with `k` items above `base` on the stack.
    jumps: Vec<Vec<usize>>,
    /// The names of the captured values, which sit right above `base`, in stack order.
    caps: Vec<Name>,
}

impl Fails {
    fn new(base: i32) -> Self {
        Fails {
            base,
            jumps: Vec::new(),
            caps: Vec::new(),
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
            self.pattern(&c.pattern, &mut fails)?;
            // Every test passed: bind the names (before the guard, which may read them).
            for name in fails.caps.clone().iter().rev() {
                self.store_name(name);
            }
            if let Some(g) = &c.guard {
                self.expr(g)?;
                self.fail_if_false(&mut fails);
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

    /// Pops a test's result; when it is false, fails with whatever is left on the stack.
    fn fail_if_false(&mut self, fails: &mut Fails) {
        let j = self.emit(Instr::PopJumpIfFalse(0));
        let k = (self.depth() - fails.base).max(0) as usize;
        fails.record(j, k);
    }

    /// Fails unconditionally with what is on the stack.
    fn fail_jump(&mut self, fails: &mut Fails) {
        let k = (self.depth() - fails.base).max(0) as usize;
        let j = self.emit(Instr::Jump(0));
        fails.record(j, k);
    }

    /// Keeps the value on top for binding `name` later: moves it under the items still being matched.
    fn capture(&mut self, name: &Name, fails: &mut Fails) {
        let above = self.depth() - fails.base - fails.caps.len() as i32 - 1;
        if above > 0 {
            self.emit(Instr::Rot(above as u32));
        }
        fails.caps.push(name.clone());
    }

    /// Matches the subject on top, consuming it.
    fn pattern(&mut self, p: &Pattern, fails: &mut Fails) -> CResult {
        self.set_line(p.pos);
        match &p.kind {
            PatternKind::Value(e) => {
                self.expr(e)?;
                self.emit(Instr::Compare(CmpOp::Eq));
                self.fail_if_false(fails);
            }
            PatternKind::Singleton(c) => {
                let v = match c {
                    Constant::Bool(b) => Value::Bool(*b),
                    _ => Value::None,
                };
                self.load_const(v);
                self.emit(Instr::Compare(CmpOp::Is));
                self.fail_if_false(fails);
            }
            PatternKind::Star(name) | PatternKind::As { pattern: None, name } => match name {
                Some(n) => self.capture(n, fails),
                None => {
                    self.emit(Instr::Pop);
                }
            },
            PatternKind::As { pattern: Some(q), name } => {
                self.emit(Instr::Dup);
                self.pattern(q, fails)?;
                match name {
                    Some(n) => self.capture(n, fails),
                    None => {
                        self.emit(Instr::Pop);
                    }
                }
            }
            PatternKind::Sequence(items) => {
                self.emit(Instr::MatchSequence);
                self.fail_if_false(fails);
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
                    self.fail_if_false(fails);
                }
                match star {
                    Some(s) => self.emit(Instr::UnpackEx(s as u32, (n - s - 1) as u32)),
                    None => self.emit(Instr::UnpackSequence(n as u32)),
                };
                for q in items {
                    self.pattern(q, fails)?;
                }
            }
            PatternKind::Mapping { keys, patterns, rest } => {
                self.emit(Instr::MatchMapping);
                self.fail_if_false(fails);
                let k = keys.len();
                if k == 0 {
                    match rest {
                        Some(r) => {
                            self.emit(Instr::BuildTuple(0));
                            self.emit(Instr::CopyDictWithoutKeys);
                            self.emit(Instr::Swap(1));
                            self.emit(Instr::Pop);
                            self.capture(r, fails);
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
                self.fail_if_false(fails);
                for key in keys {
                    self.expr(key)?;
                }
                self.emit(Instr::BuildTuple(k as u32));
                self.emit(Instr::MatchKeys);
                self.emit(Instr::Dup);
                self.load_const(Value::None);
                self.emit(Instr::Compare(CmpOp::IsNot));
                self.fail_if_false(fails);
                self.emit(Instr::UnpackSequence(k as u32));
                for q in patterns {
                    self.pattern(q, fails)?;
                }
                // The subject and the keys are left.
                match rest {
                    Some(r) => {
                        self.emit(Instr::CopyDictWithoutKeys);
                        self.emit(Instr::Swap(1));
                        self.emit(Instr::Pop);
                        self.capture(r, fails);
                    }
                    None => {
                        self.emit(Instr::Pop);
                        self.emit(Instr::Pop);
                    }
                }
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
                self.fail_if_false(fails);
                let n = patterns.len() + kwd_patterns.len();
                self.emit(Instr::UnpackSequence(n as u32));
                for q in patterns.iter().chain(kwd_patterns) {
                    self.pattern(q, fails)?;
                }
            }
            PatternKind::Or(alts) => self.or_pattern(alts, fails)?,
        }
        Ok(())
    }

    /// Each alternative tries a copy of the subject with its own captures; the first that matches puts them
    /// in one order (the first alternative's) and moves them down among the enclosing pattern's captures.
    fn or_pattern(&mut self, alts: &[Pattern], fails: &mut Fails) -> CResult {
        let mut ends = Vec::new();
        let mut order: Option<Vec<Name>> = None;
        let before = self.depth();
        for alt in alts {
            self.emit(Instr::Dup);
            let mut sub = Fails::new(before);
            self.pattern(alt, &mut sub)?;
            let caps = sub.caps.clone();
            let target = order.get_or_insert_with(|| caps.clone()).clone();
            self.permute(caps, &target);
            let k = target.len() as u32;
            // Drop the subject, which sits under the captures.
            for _ in 0..k {
                self.emit(Instr::Rot(k));
            }
            self.emit(Instr::Pop);
            // Move the captures under the enclosing pattern's working items.
            let above = self.depth() - fails.base - fails.caps.len() as i32 - k as i32;
            if above > 0 {
                for _ in 0..k {
                    self.emit(Instr::Rot(above as u32 + k - 1));
                }
            }
            ends.push(self.emit(Instr::Jump(0)));
            self.fail_pops(&sub);
        }
        // No alternative matched: the subject is left.
        self.emit(Instr::Pop);
        self.fail_jump(fails);
        let order = order.unwrap_or_default();
        self.set_depth(before - 1 + order.len() as i32);
        for j in ends {
            self.patch(j);
        }
        // The captures now belong to the enclosing pattern.
        fails.caps.extend(order);
        Ok(())
    }

    /// Reorders the captures on top of the stack, named `cur` from the bottom up, into `target`'s order.
    fn permute(&mut self, mut cur: Vec<Name>, target: &[Name]) {
        let k = cur.len();
        for (t, want) in target.iter().enumerate().take(k) {
            let Some(idx) = cur[t..].iter().position(|n| n == want).map(|i| i + t) else {
                continue;
            };
            let window = k - t;
            if window < 2 {
                continue;
            }
            // `Rot(window - 1)` cycles the unsorted top items: `depth` times brings the wanted one to the top,
            // once more puts it at the bottom of the window, its place.
            let depth = k - 1 - idx;
            for _ in 0..=depth {
                self.emit(Instr::Rot((window - 1) as u32));
                if let Some(v) = cur.pop() {
                    let at = cur.len() + 1 - window;
                    cur.insert(at, v);
                }
            }
        }
    }
}
