//! Code generation for expressions: operators, calls, displays, comprehensions, f-strings, lambdas, await and yield.

use super::symtable::{node_key, Place, ScopeKind};
use super::{syntax_err, CResult, Compiler};
use crate::ast::*;
use crate::code::{CodeKind, Instr};
use crate::value::Value;
use std::rc::Rc;

impl<'a> Compiler<'a> {
    pub(super) fn expr(&mut self, e: &Expr) -> CResult {
        let saved = self.enter_span(e.pos, e.end);
        let r = self.expr_inner(e);
        self.leave_span(saved);
        r
    }

    fn expr_inner(&mut self, e: &Expr) -> CResult {
        if e.pos.line > 0 {
            self.set_line(e.pos);
        }
        match &e.kind {
            ExprKind::Name(n) => self.load_name(n),
            // Complex numbers are not supported: `2j` calls `complex`, which says so, rather than being wrong.
            ExprKind::Constant(Constant::Imag(f)) => {
                self.load_name("complex");
                self.load_const(Value::Float(0.0));
                self.load_const(Value::Float(*f));
                self.emit(Instr::Call(2));
            }
            ExprKind::Constant(c) => {
                let v = constant(c);
                self.load_const(v);
            }
            ExprKind::JoinedStr(parts) => self.fstring(parts)?,
            ExprKind::BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.set_line(e.pos);
                self.emit(Instr::Binary(*op));
            }
            ExprKind::UnaryOp { op, operand } => {
                self.expr(operand)?;
                self.emit(Instr::Unary(*op));
            }
            ExprKind::BoolOp { op, values } => {
                let mut jumps = Vec::new();
                for (i, v) in values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < values.len() {
                        jumps.push(self.emit(match op {
                            BoolOp::And => Instr::JumpIfFalseOrPop(0),
                            BoolOp::Or => Instr::JumpIfTrueOrPop(0),
                        }));
                    }
                }
                let d = self.depth();
                for j in jumps {
                    self.patch(j);
                }
                self.set_depth(d);
            }
            ExprKind::Compare { left, ops, comparators } => {
                self.expr(left)?;
                if ops.len() == 1 {
                    self.expr(&comparators[0])?;
                    self.set_line(e.pos);
                    self.emit(Instr::Compare(ops[0]));
                } else {
                    let mut cleanups = Vec::new();
                    for (i, (op, c)) in ops.iter().zip(comparators.iter()).enumerate() {
                        self.expr(c)?;
                        if i + 1 < ops.len() {
                            self.emit(Instr::Dup);
                            self.emit(Instr::Rot(2));
                            self.emit(Instr::Compare(*op));
                            cleanups.push(self.emit(Instr::JumpIfFalseOrPop(0)));
                        } else {
                            self.emit(Instr::Compare(*op));
                        }
                    }
                    let end = self.emit(Instr::Jump(0));
                    let d = self.depth();
                    for c in cleanups {
                        self.patch(c);
                    }
                    self.set_depth(d + 1);
                    self.emit(Instr::Swap(1));
                    self.emit(Instr::Pop);
                    self.patch(end);
                    self.set_depth(d);
                }
            }
            ExprKind::Call { func, args, keywords } => self.call(e, func, args, keywords)?,
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.attr_index(attr);
                self.set_line(e.pos);
                self.emit(Instr::LoadAttr(i));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.set_line(e.pos);
                self.emit(Instr::Subscript);
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper] {
                    match part {
                        Some(x) => self.expr(x)?,
                        None => self.load_const(Value::None),
                    }
                }
                match step {
                    Some(s) => {
                        self.expr(s)?;
                        self.emit(Instr::BuildSlice(3));
                    }
                    None => {
                        self.emit(Instr::BuildSlice(2));
                    }
                }
            }
            ExprKind::List(items) => self.display(items, Display::List)?,
            ExprKind::Tuple(items) => self.display(items, Display::Tuple)?,
            ExprKind::Set(items) => self.display(items, Display::Set)?,
            ExprKind::Dict { keys, values } => {
                let plain = keys.iter().all(|k| k.is_some());
                if plain {
                    for (k, v) in keys.iter().zip(values.iter()) {
                        if let Some(k) = k {
                            self.expr(k)?;
                        }
                        self.expr(v)?;
                    }
                    self.emit(Instr::BuildMap(keys.len() as u32));
                } else {
                    self.emit(Instr::BuildMap(0));
                    for (k, v) in keys.iter().zip(values.iter()) {
                        match k {
                            Some(k) => {
                                self.expr(k)?;
                                self.expr(v)?;
                                self.emit(Instr::MapAdd(1));
                            }
                            None => {
                                self.expr(v)?;
                                self.emit(Instr::DictUpdate(1));
                            }
                        }
                    }
                }
            }
            ExprKind::ListComp { elt, generators } => self.comprehension(e, Comp::List, elt, None, generators)?,
            ExprKind::SetComp { elt, generators } => self.comprehension(e, Comp::Set, elt, None, generators)?,
            ExprKind::GeneratorExp { elt, generators } => self.comprehension(e, Comp::Gen, elt, None, generators)?,
            ExprKind::DictComp { key, value, generators } => {
                self.comprehension(e, Comp::Dict, key, Some(value), generators)?
            }
            ExprKind::Lambda { args, body } => {
                let scope = self.child_scope(node_key(e));
                let kind = self.code_kind(scope, false);
                let qual = self.qualname("<lambda>");
                self.make_function(args, scope, kind, "<lambda>", &qual, e.pos.line, |c| {
                    c.expr(body)?;
                    c.emit(Instr::ReturnValue);
                    Ok(())
                })?;
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                let jf = self.emit(Instr::PopJumpIfFalse(0));
                self.expr(body)?;
                let j = self.emit(Instr::Jump(0));
                let d = self.depth();
                self.patch(jf);
                self.set_depth(d - 1);
                self.expr(orelse)?;
                self.patch(j);
            }
            ExprKind::Starred(_) => return Err(syntax_err(e.pos, "can't use starred expression here")),
            ExprKind::Await(v) => {
                if !matches!(self.unit().code.kind, CodeKind::Coroutine | CodeKind::AsyncGenerator) {
                    // Await inside a comprehension of an async function is allowed (the comprehension is awaited).
                    let ok = self.units.iter().rev().any(|u| u.code.is_async());
                    if !ok || !matches!(self.scope_kind(), super::ScopeKind::Comprehension) {
                        return Err(syntax_err(e.pos, "'await' outside async function"));
                    }
                }
                self.expr(v)?;
                self.set_line(e.pos);
                self.emit(Instr::GetAwaitable);
                self.emit(Instr::Await);
            }
            ExprKind::Yield(v) => {
                if !self.in_function() {
                    return Err(syntax_err(e.pos, "'yield' outside function"));
                }
                match v {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Value::None),
                }
                self.emit(Instr::YieldValue);
            }
            ExprKind::YieldFrom(v) => {
                if !self.in_function() {
                    return Err(syntax_err(e.pos, "'yield' outside function"));
                }
                if self.unit().code.kind == CodeKind::AsyncGenerator {
                    return Err(syntax_err(e.pos, "'yield from' inside async function"));
                }
                // Delegation: re-yield every item; the expression's value is the generator's return value.
                self.expr(v)?;
                self.emit(Instr::GetIter);
                let start = self.here();
                let fi = self.emit(Instr::YieldFrom(0));
                self.emit(Instr::YieldValue);
                self.emit(Instr::Pop);
                self.emit(Instr::Jump(start as u32));
                self.patch(fi);
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(Instr::Dup);
                self.store_name(target);
            }
        }
        Ok(())
    }

    fn display(&mut self, items: &[Expr], kind: Display) -> CResult {
        let starred = items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_)));
        if !starred {
            for i in items {
                self.expr(i)?;
            }
            let n = items.len() as u32;
            self.emit(match kind {
                Display::List => Instr::BuildList(n),
                Display::Tuple => Instr::BuildTuple(n),
                Display::Set => Instr::BuildSet(n),
            });
            return Ok(());
        }
        match kind {
            Display::Set => self.emit(Instr::BuildSet(0)),
            _ => self.emit(Instr::BuildList(0)),
        };
        for i in items {
            match &i.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.emit(match kind {
                        Display::Set => Instr::SetUpdate(1),
                        _ => Instr::ListExtend(1),
                    });
                }
                _ => {
                    self.expr(i)?;
                    self.emit(match kind {
                        Display::Set => Instr::SetAdd(1),
                        _ => Instr::ListAppend(1),
                    });
                }
            }
        }
        if kind == Display::Tuple {
            self.emit(Instr::ListToTuple);
        }
        Ok(())
    }

    fn call(&mut self, e: &Expr, func: &Expr, args: &[Expr], keywords: &[Keyword]) -> CResult {
        let has_star = args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)));
        let has_dstar = keywords.iter().any(|k| k.name.is_none());
        // `locals()`, `vars()` and `dir()` read the frame they are called from.
        if let ExprKind::Name(n) = &func.kind {
            let reads_frame = matches!(&**n, "locals" | "vars" | "dir")
                && args.is_empty()
                && keywords.is_empty()
                && !matches!(self.scope_kind(), ScopeKind::Module)
                && matches!(self.scope().place(n), Place::Global | Place::Name);
            if reads_frame {
                self.set_line(e.pos);
                self.emit(Instr::LoadLocals(u32::from(&**n == "dir")));
                return Ok(());
            }
        }
        // Zero-argument super() becomes super(__class__, first_parameter).
        if let ExprKind::Name(n) = &func.kind {
            if &**n == "super" && args.is_empty() && keywords.is_empty() && self.in_function() {
                self.load_name("super");
                self.load_name("__class__");
                let first = self.unit().code.varnames.first().cloned();
                match first {
                    Some(f) if self.unit().code.argcount > 0 => self.load_name(&f),
                    _ => return Err(syntax_err(e.pos, "super(): no arguments")),
                }
                self.set_line(e.pos);
                self.emit(Instr::Call(2));
                return Ok(());
            }
        }
        if !has_star && !has_dstar && keywords.is_empty() {
            if let ExprKind::Attribute { value, attr } = &func.kind {
                self.expr(value)?;
                let i = self.attr_index(attr);
                let saved = self.enter_span(func.pos, func.end);
                self.emit(Instr::LoadMethod(i));
                self.leave_span(saved);
                for a in args {
                    self.expr(a)?;
                }
                self.set_line(e.pos);
                self.emit(Instr::CallMethod(args.len() as u32));
                return Ok(());
            }
        }
        self.expr(func)?;
        if has_star || has_dstar {
            match args {
                // `f(*x)` hands `x` itself to the call, which names `f` if `x` cannot be iterated.
                [Expr {
                    kind: ExprKind::Starred(x),
                    ..
                }] => self.expr(x)?,
                _ => self.display(args, Display::Tuple)?,
            }
            if !keywords.is_empty() {
                self.emit(Instr::BuildMap(0));
                for k in keywords {
                    match &k.name {
                        Some(name) => {
                            self.load_const(Value::Str(name.clone()));
                            self.expr(&k.value)?;
                            self.emit(Instr::MapAdd(1));
                        }
                        None => {
                            self.expr(&k.value)?;
                            self.emit(Instr::DictMerge(1));
                        }
                    }
                }
            }
            self.set_line(e.pos);
            self.emit(Instr::CallEx(!keywords.is_empty() as u32));
            return Ok(());
        }
        for a in args {
            self.expr(a)?;
        }
        if keywords.is_empty() {
            self.set_line(e.pos);
            self.emit(Instr::Call(args.len() as u32));
        } else {
            let mut names = Vec::new();
            for k in keywords {
                self.expr(&k.value)?;
                if let Some(n) = &k.name {
                    names.push(Value::Str(self.intern(n)));
                }
            }
            let idx = self.unit().code.consts.len() as u32;
            self.unit().code.consts.push(Value::tuple(names));
            self.set_line(e.pos);
            self.emit(Instr::CallKw((args.len() + keywords.len()) as u32, idx));
        }
        Ok(())
    }

    fn fstring(&mut self, parts: &[FStringPart]) -> CResult {
        let mut n = 0;
        for p in parts {
            match p {
                FStringPart::Literal(s) => {
                    self.load_const(Value::Str(s.clone()));
                }
                FStringPart::Formatted {
                    value,
                    conversion,
                    format_spec,
                    debug,
                } => {
                    if let Some(d) = debug {
                        self.load_const(Value::Str(d.clone()));
                        n += 1;
                    }
                    self.expr(value)?;
                    let mut conv = match conversion {
                        Some('s') => 1,
                        Some('r') => 2,
                        Some('a') => 3,
                        _ => 0,
                    };
                    if debug.is_some() && conversion.is_none() && format_spec.is_none() {
                        conv = 2;
                    }
                    let mut flags = conv;
                    if let Some(spec) = format_spec {
                        self.fstring(spec)?;
                        flags |= 4;
                    }
                    self.emit(Instr::FormatValue(flags));
                }
            }
            n += 1;
        }
        if n != 1 {
            self.emit(Instr::BuildString(n));
        } else if let [FStringPart::Literal(_)] = parts {
            // A lone literal is already a str.
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        e: &Expr,
        kind: Comp,
        elt: &Expr,
        value: Option<&Expr>,
        generators: &[Comprehension],
    ) -> CResult {
        let scope = self.child_scope(node_key(e));
        let is_async = self.table.scopes[scope].has_await;
        let code_kind = match (kind, is_async) {
            (Comp::Gen, true) => CodeKind::AsyncGenerator,
            (Comp::Gen, false) => CodeKind::Generator,
            (_, true) => CodeKind::Coroutine,
            (_, false) => CodeKind::Function,
        };
        let name = match kind {
            Comp::List => "<listcomp>",
            Comp::Set => "<setcomp>",
            Comp::Dict => "<dictcomp>",
            Comp::Gen => "<genexpr>",
        };
        let qual = self.qualname(name);
        let Some(first) = generators.first() else {
            return Err(syntax_err(e.pos, "invalid syntax"));
        };
        let args = Arguments {
            args: vec![Arg {
                pos: e.pos,
                name: Rc::from(".0"),
                annotation: None,
            }],
            ..Arguments::default()
        };
        self.make_function(&args, scope, code_kind, name, &qual, e.pos.line, |c| {
            c.unit().code.argcount = 1;
            match kind {
                Comp::List => {
                    c.emit(Instr::BuildList(0));
                }
                Comp::Set => {
                    c.emit(Instr::BuildSet(0));
                }
                Comp::Dict => {
                    c.emit(Instr::BuildMap(0));
                }
                Comp::Gen => {}
            }
            c.comp_loop(generators, 0, kind, elt, value)?;
            if kind == Comp::Gen {
                c.load_const(Value::None);
            }
            c.emit(Instr::ReturnValue);
            Ok(())
        })?;
        self.expr(&first.iter)?;
        self.emit(if first.is_async {
            Instr::GetAIter
        } else {
            Instr::GetIter
        });
        self.emit(Instr::Call(1));
        if is_async && kind != Comp::Gen {
            self.emit(Instr::GetAwaitable);
            self.emit(Instr::Await);
        }
        Ok(())
    }

    fn comp_loop(&mut self, gens: &[Comprehension], i: usize, kind: Comp, elt: &Expr, value: Option<&Expr>) -> CResult {
        let Some(g) = gens.get(i) else {
            // Innermost: produce one element. The result container sits below `i` iterators.
            let depth = i as u32 + 1;
            match kind {
                Comp::List => {
                    self.expr(elt)?;
                    self.emit(Instr::ListAppend(depth));
                }
                Comp::Set => {
                    self.expr(elt)?;
                    self.emit(Instr::SetAdd(depth));
                }
                Comp::Dict => {
                    self.expr(elt)?;
                    if let Some(v) = value {
                        self.expr(v)?;
                    }
                    self.emit(Instr::MapAdd(depth));
                }
                Comp::Gen => {
                    self.expr(elt)?;
                    self.emit(Instr::YieldValue);
                    self.emit(Instr::Pop);
                }
            }
            return Ok(());
        };
        if i == 0 {
            self.load_name(".0");
        } else {
            self.expr(&g.iter)?;
            self.emit(if g.is_async { Instr::GetAIter } else { Instr::GetIter });
        }
        if g.is_async {
            let start = self.here();
            let setup = self.emit(Instr::SetupExcept(0));
            let d0 = self.depth();
            self.emit(Instr::GetANext);
            self.emit(Instr::GetAwaitable);
            self.emit(Instr::Await);
            self.emit(Instr::PopBlock);
            self.assign(&g.target)?;
            let mut skips = Vec::new();
            for cond in &g.ifs {
                self.expr(cond)?;
                skips.push(self.emit(Instr::PopJumpIfFalse(0)));
            }
            self.comp_loop(gens, i + 1, kind, elt, value)?;
            for s in skips {
                self.patch_to(s, start as u32);
            }
            self.emit(Instr::Jump(start as u32));
            self.patch(setup);
            self.set_depth(d0 + 1);
            self.emit(Instr::EndAsyncFor);
            return Ok(());
        }
        let start = self.here();
        let fi = self.emit(Instr::ForIter(0));
        self.assign(&g.target)?;
        for cond in &g.ifs {
            self.expr(cond)?;
            let j = self.emit(Instr::PopJumpIfFalse(0));
            self.patch_to(j, start as u32);
        }
        self.comp_loop(gens, i + 1, kind, elt, value)?;
        self.emit(Instr::Jump(start as u32));
        self.patch(fi);
        let d = self.depth();
        self.set_depth(d - 1);
        Ok(())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Display {
    List,
    Tuple,
    Set,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Comp {
    List,
    Set,
    Dict,
    Gen,
}

pub(super) fn constant(c: &Constant) -> Value {
    match c {
        Constant::None => Value::None,
        Constant::Bool(b) => Value::Bool(*b),
        Constant::Int(i) => Value::Int(*i),
        Constant::BigInt(b) => Value::BigInt(b.clone()),
        Constant::Float(f) => Value::Float(*f),
        Constant::Imag(_) => Value::None,
        Constant::Str(s) => Value::Str(s.clone()),
        Constant::Bytes(b) => Value::Bytes(b.clone()),
        Constant::Ellipsis => Value::Ellipsis,
    }
}
