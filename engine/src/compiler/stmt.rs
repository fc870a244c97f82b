//! Code generation for statements: assignments, control flow, exception handling, `with`, definitions, imports.

use super::symtable::node_key;
use super::{syntax_err, CResult, Compiler, FBlock};
use crate::ast::*;
use crate::code::{CodeKind, Instr};
use crate::value::Value;
use std::rc::Rc;

impl<'a> Compiler<'a> {
    pub(super) fn body(&mut self, body: &[Stmt]) -> CResult {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    pub(super) fn stmt(&mut self, s: &Stmt) -> CResult {
        let saved = self.enter_span(s.pos, s.end);
        let r = self.stmt_inner(s);
        self.leave_span(saved);
        r
    }

    fn stmt_inner(&mut self, s: &Stmt) -> CResult {
        self.set_line(s.pos);
        match &s.kind {
            StmtKind::Match { subject, cases } => self.match_stmt(subject, cases)?,
            StmtKind::Expr(e) => {
                self.expr(e)?;
                self.emit(Instr::Pop);
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Instr::Dup);
                    }
                    self.assign(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.assign(target)?;
                }
                // Class bodies record their annotations in order (dataclasses read them).
                if let (ExprKind::Name(n), true) = (&target.kind, self.unit().code.kind == CodeKind::Class) {
                    self.annotation(annotation)?;
                    self.load_name("__annotations__");
                    self.load_const(Value::Str(n.clone()));
                    self.emit(Instr::StoreSubscript);
                }
            }
            StmtKind::FunctionDef(f) => self.function_def(f)?,
            StmtKind::ClassDef(c) => self.class_def(c)?,
            StmtKind::Return(v) => {
                if !self.in_function() {
                    return Err(syntax_err(s.pos, "'return' outside function"));
                }
                match v {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Value::None),
                }
                self.unwind_fblocks(true, None)?;
                self.emit(Instr::ReturnValue);
                // Code after a return is unreachable; keep the depth tracker consistent.
                let d = self.depth();
                self.set_depth(d + 1);
                self.emit(Instr::Pop);
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete(t)?;
                }
            }
            StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                let jf = self.emit(Instr::PopJumpIfFalse(0));
                self.body(body)?;
                if orelse.is_empty() {
                    self.patch(jf);
                } else {
                    let j = self.emit(Instr::Jump(0));
                    self.patch(jf);
                    self.body(orelse)?;
                    self.patch(j);
                }
            }
            StmtKind::While { test, body, orelse } => {
                let start = self.here();
                self.expr(test)?;
                let jf = self.emit(Instr::PopJumpIfFalse(0));
                self.unit().fblocks.push(FBlock::While { start, breaks: vec![] });
                self.body(body)?;
                self.emit(Instr::Jump(start as u32));
                let breaks = match self.unit().fblocks.pop() {
                    Some(FBlock::While { breaks, .. }) => breaks,
                    _ => vec![],
                };
                self.patch(jf);
                // The loop is left from its test, at the `while` line, and so is a return that follows
                // implicitly; a `while True:` loop is left by a break, at its line (CPython gives each break a
                // return of its own; this one takes the last break's line).
                let always = matches!(
                    &test.kind,
                    ExprKind::Constant(Constant::Bool(true)) | ExprKind::Constant(Constant::Int(1))
                );
                let break_line = breaks.last().and_then(|&b| self.unit().code.lines.get(b).copied());
                match break_line {
                    Some(line) if always && orelse.is_empty() => self.unit().line = line,
                    _ => self.set_line(s.pos),
                }
                self.body(orelse)?;
                for b in breaks {
                    self.patch(b);
                }
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                if *is_async {
                    return self.async_for(target, iter, body, orelse, s.pos);
                }
                self.expr(iter)?;
                self.emit(Instr::GetIter);
                let start = self.here();
                let fi = self.emit(Instr::ForIter(0));
                self.unit().fblocks.push(FBlock::For { start, breaks: vec![] });
                self.assign(target)?;
                self.body(body)?;
                self.emit(Instr::Jump(start as u32));
                let breaks = match self.unit().fblocks.pop() {
                    Some(FBlock::For { breaks, .. }) => breaks,
                    _ => vec![],
                };
                self.patch(fi);
                // The loop is left from `ForIter`, at the `for` line: so is a return that follows implicitly.
                self.set_line(s.pos);
                // ForIter popped the iterator on exhaustion.
                let d = self.depth();
                self.set_depth(d - 1);
                self.body(orelse)?;
                for b in breaks {
                    self.patch(b);
                }
            }
            StmtKind::With { items, body, is_async } => {
                if *is_async && !self.is_async_unit() {
                    return Err(syntax_err(s.pos, "'async with' outside async function"));
                }
                self.with(items, body, *is_async)?;
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                is_star,
            } => {
                if finalbody.is_empty() {
                    let tail = self.unit().tail == node_key(s);
                    self.try_except(body, handlers, orelse, *is_star, tail)?;
                } else {
                    self.try_finally(body, handlers, orelse, finalbody, *is_star)?;
                }
            }
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.emit(Instr::Raise(n));
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                let j = self.emit(Instr::PopJumpIfTrue(0));
                // CPython's traceback points at the test.
                let saved = self.enter_span(test.pos, test.end);
                self.emit(Instr::LoadAssertionError);
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.emit(Instr::Call(1));
                }
                self.emit(Instr::Raise(1));
                self.leave_span(saved);
                self.patch(j);
            }
            StmtKind::Import(names) => {
                for a in names {
                    let i = self.name_index(&a.name);
                    self.emit(Instr::ImportName(i));
                    match &a.asname {
                        // `import a.b as c` binds the submodule itself, which is what importing `a.b` gives.
                        Some(asname) => self.store_name(asname),
                        None => {
                            let first = a.name.split('.').next().unwrap_or("").to_string();
                            if first.len() != a.name.len() {
                                self.emit(Instr::Pop);
                                let i = self.name_index(&first);
                                self.emit(Instr::ImportName(i));
                            }
                            self.store_name(&first);
                        }
                    }
                }
            }
            StmtKind::ImportFrom { module, names, level } => {
                if *level > 0 {
                    return Err(syntax_err(
                        s.pos,
                        "attempted relative import with no known parent package",
                    ));
                }
                let m = module.clone().unwrap_or_else(|| Rc::from(""));
                let i = self.name_index(&m);
                self.emit(Instr::ImportName(i));
                if names.len() == 1 && &*names[0].name == "*" {
                    self.emit(Instr::ImportStar);
                } else {
                    for a in names {
                        let i = self.name_index(&a.name);
                        self.emit(Instr::ImportFrom(i));
                        let bound = a.asname.clone().unwrap_or_else(|| a.name.clone());
                        self.store_name(&bound);
                    }
                    self.emit(Instr::Pop);
                }
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) | StmtKind::Pass => {}
            StmtKind::Break => {
                if !self
                    .unit()
                    .fblocks
                    .iter()
                    .any(|f| matches!(f, FBlock::For { .. } | FBlock::While { .. }))
                {
                    return Err(syntax_err(s.pos, "'break' outside loop"));
                }
                self.unwind_fblocks(false, Some(true))?;
            }
            StmtKind::Continue => {
                if !self
                    .unit()
                    .fblocks
                    .iter()
                    .any(|f| matches!(f, FBlock::For { .. } | FBlock::While { .. }))
                {
                    return Err(syntax_err(s.pos, "'continue' not properly in loop"));
                }
                self.unwind_fblocks(false, Some(false))?;
            }
        }
        Ok(())
    }

    fn is_async_unit(&mut self) -> bool {
        matches!(self.unit().code.kind, CodeKind::Coroutine | CodeKind::AsyncGenerator)
    }

    /// Emits what leaving the enclosing blocks takes. `keep_top`: a return value sits on top.
    /// `loop_exit`: `Some(true)` for break, `Some(false)` for continue, `None` for return.
    fn unwind_fblocks(&mut self, keep_top: bool, loop_exit: Option<bool>) -> CResult {
        let saved = self.unit().fblocks.clone();
        let depth_before = self.depth();
        let mut i = saved.len();
        while i > 0 {
            i -= 1;
            let fb = saved[i].clone();
            // Blocks inside the one being unwound must not see each other while their bodies are re-emitted.
            self.unit().fblocks.truncate(i);
            match fb {
                FBlock::For { start, .. } | FBlock::While { start, .. } => {
                    if let Some(is_break) = loop_exit {
                        let is_for = matches!(fb, FBlock::For { .. });
                        if is_break {
                            if is_for {
                                self.emit(Instr::Pop);
                            }
                            let j = self.emit(Instr::Jump(0));
                            self.unit().fblocks = saved.clone();
                            if let Some(FBlock::For { breaks, .. } | FBlock::While { breaks, .. }) =
                                self.unit().fblocks.get_mut(i)
                            {
                                breaks.push(j);
                            }
                        } else {
                            self.emit(Instr::Jump(start as u32));
                            self.unit().fblocks = saved.clone();
                        }
                        self.set_depth(depth_before);
                        return Ok(());
                    }
                    if matches!(fb, FBlock::For { .. }) {
                        if keep_top {
                            self.emit(Instr::Swap(1));
                        }
                        self.emit(Instr::Pop);
                    }
                }
                FBlock::Finally(body) => {
                    self.emit(Instr::PopBlock);
                    self.body(&body)?;
                }
                FBlock::Handler => {
                    // The exception being handled sits under the return value.
                    self.emit(Instr::PopExcept);
                    if keep_top {
                        self.emit(Instr::Swap(1));
                    }
                    self.emit(Instr::Pop);
                }
                FBlock::HandlerName(name) => {
                    self.emit(Instr::PopBlock);
                    self.load_const(Value::None);
                    self.store_name(&name);
                    self.delete_name(&name);
                }
                FBlock::With { is_async, line, span } => {
                    // As in CPython, leaving a `with` by break, continue or return calls `__exit__` at the
                    // `with` line, and the jump or return that follows stays there.
                    self.unit().line = line;
                    self.unit().span = span;
                    self.emit(Instr::PopBlock);
                    if keep_top {
                        self.emit(Instr::Swap(1));
                    }
                    self.call_exit_none(is_async);
                    if keep_top {
                        // Stack: value, exit result -> value.
                        self.emit(Instr::Pop);
                    } else {
                        self.emit(Instr::Pop);
                    }
                }
            }
        }
        self.unit().fblocks = saved;
        self.set_depth(depth_before);
        Ok(())
    }

    /// With `__exit__` on top: calls it with three `None`s and leaves its result.
    fn call_exit_none(&mut self, is_async: bool) {
        self.load_const(Value::None);
        self.emit(Instr::Dup);
        self.emit(Instr::Dup);
        self.emit(Instr::Call(3));
        if is_async {
            self.emit(Instr::GetAwaitable);
            self.emit(Instr::Await);
        }
    }

    /// Stores the value on top into the target `t` (its instructions carry the target's span, as in CPython).
    pub(super) fn assign(&mut self, t: &Expr) -> CResult {
        let saved = self.enter_span(t.pos, t.end);
        let r = self.assign_inner(t);
        self.leave_span(saved);
        r
    }

    fn assign_inner(&mut self, t: &Expr) -> CResult {
        match &t.kind {
            ExprKind::Name(n) => self.store_name(n),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.attr_index(attr);
                self.emit(Instr::StoreAttr(i));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.emit(Instr::StoreSubscript);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let star = items.iter().position(|e| matches!(e.kind, ExprKind::Starred(_)));
                match star {
                    Some(si) => {
                        if items.iter().filter(|e| matches!(e.kind, ExprKind::Starred(_))).count() > 1 {
                            return Err(syntax_err(t.pos, "multiple starred expressions in assignment"));
                        }
                        self.emit(Instr::UnpackEx(si as u32, (items.len() - si - 1) as u32));
                    }
                    None => {
                        self.emit(Instr::UnpackSequence(items.len() as u32));
                    }
                }
                for it in items {
                    match &it.kind {
                        ExprKind::Starred(inner) => self.assign(inner)?,
                        _ => self.assign(it)?,
                    }
                }
            }
            ExprKind::Starred(_) => {
                return Err(syntax_err(
                    t.pos,
                    "starred assignment target must be in a list or tuple",
                ))
            }
            _ => return Err(syntax_err(t.pos, "cannot assign to expression")),
        }
        Ok(())
    }

    fn delete(&mut self, t: &Expr) -> CResult {
        let saved = self.enter_span(t.pos, t.end);
        let r = self.delete_inner(t);
        self.leave_span(saved);
        r
    }

    fn delete_inner(&mut self, t: &Expr) -> CResult {
        match &t.kind {
            ExprKind::Name(n) => self.delete_name(n),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.attr_index(attr);
                self.emit(Instr::DeleteAttr(i));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.emit(Instr::DeleteSubscript);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.delete(i)?;
                }
            }
            _ => return Err(syntax_err(t.pos, "cannot delete expression")),
        }
        Ok(())
    }

    fn aug_assign(&mut self, target: &Expr, op: BinOp, value: &Expr) -> CResult {
        match &target.kind {
            ExprKind::Name(n) => {
                self.load_name(n);
                self.expr(value)?;
                self.emit(Instr::Inplace(op));
                self.store_name(n);
            }
            // The target's load and store carry its span, the operation the statement's (as in CPython).
            ExprKind::Attribute { value: obj, attr } => {
                let outer = self.enter_span(target.pos, target.end);
                self.expr(obj)?;
                self.emit(Instr::Dup);
                let i = self.attr_index(attr);
                self.emit(Instr::LoadAttr(i));
                let inner = self.enter_span(outer.start(), outer.end());
                self.expr(value)?;
                self.emit(Instr::Inplace(op));
                self.leave_span(inner);
                self.emit(Instr::Swap(1));
                self.emit(Instr::StoreAttr(i));
                self.leave_span(outer);
            }
            ExprKind::Subscript { value: obj, index } => {
                let outer = self.enter_span(target.pos, target.end);
                self.expr(obj)?;
                self.expr(index)?;
                self.emit(Instr::Dup2);
                self.emit(Instr::Subscript);
                let inner = self.enter_span(outer.start(), outer.end());
                self.expr(value)?;
                self.emit(Instr::Inplace(op));
                self.leave_span(inner);
                self.emit(Instr::Rot(2));
                self.emit(Instr::StoreSubscript);
                self.leave_span(outer);
            }
            _ => {
                return Err(syntax_err(
                    target.pos,
                    "'expression' is an illegal expression for augmented assignment",
                ))
            }
        }
        Ok(())
    }

    fn function_def(&mut self, f: &Rc<FunctionDef>) -> CResult {
        for d in &f.decorators {
            self.expr(d)?;
        }
        let scope = self.child_scope(node_key(&**f));
        let kind = self.code_kind(scope, f.is_async);
        let qual = self.qualname(&f.name);
        self.decorated_at = f.decorators.first().map(|d| d.pos.line);
        self.make_function(&f.args, scope, kind, &f.name, &qual, f.pos.line, |c| {
            // A docstring is not executed; the body starts after it.
            let body: &[Stmt] = match f.body.first() {
                Some(Stmt {
                    kind:
                        StmtKind::Expr(Expr {
                            kind: ExprKind::Constant(Constant::Str(_)),
                            ..
                        }),
                    ..
                }) => {
                    if let Some(Stmt {
                        kind:
                            StmtKind::Expr(Expr {
                                kind: ExprKind::Constant(Constant::Str(doc)),
                                ..
                            }),
                        ..
                    }) = f.body.first()
                    {
                        c.unit().code.doc = Some(doc.clone());
                    }
                    &f.body[1..]
                }
                _ => &f.body,
            };
            c.unit().tail = body.last().map_or(0, node_key);
            c.body(body)?;
            c.load_const(Value::None);
            c.emit(Instr::ReturnValue);
            Ok(())
        })?;
        let annotations = super::symtable::annotations(f);
        if !annotations.is_empty() {
            // `f.__annotations__`, set before the decorators see the function.
            self.emit(Instr::Dup);
            for (name, a) in &annotations {
                self.load_const(Value::Str(name.clone()));
                self.annotation(a)?;
            }
            self.emit(Instr::BuildMap(annotations.len() as u32));
            self.emit(Instr::Swap(1));
            let i = self.name_index("__annotations__");
            self.emit(Instr::StoreAttr(i));
        }
        self.apply_decorators(&f.decorators);
        self.store_name(&f.name);
        Ok(())
    }

    /// Compiles a function body into a code object and emits the instructions that make the function.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn make_function(
        &mut self,
        args: &Arguments,
        scope: usize,
        kind: CodeKind,
        name: &str,
        qualname: &str,
        line: u32,
        body: impl FnOnce(&mut Self) -> CResult,
    ) -> CResult {
        // Taken before the defaults are compiled: a lambda among them is not decorated.
        let decorated_at = self.decorated_at.take();
        let mut flags = 0;
        if !args.defaults.is_empty() {
            for d in &args.defaults {
                self.expr(d)?;
            }
            self.emit(Instr::BuildTuple(args.defaults.len() as u32));
            flags |= 1;
        }
        let kwd: Vec<(&Arg, &Expr)> = args
            .kwonly
            .iter()
            .zip(args.kw_defaults.iter())
            .filter_map(|(a, d)| d.as_ref().map(|d| (a, d)))
            .collect();
        if !kwd.is_empty() {
            for (a, d) in &kwd {
                let name = self.mangled(&a.name);
                self.load_const(Value::Str(name));
                self.expr(d)?;
            }
            self.emit(Instr::BuildMap(kwd.len() as u32));
            flags |= 2;
        }
        flags |= self.closure_for(scope);
        self.push_unit(name, qualname, kind, scope, line);
        if let Some(first) = decorated_at {
            self.unit().code.first_line = first;
        }
        {
            let code = &mut self.unit().code;
            code.argcount = (args.posonly.len() + args.args.len()) as u32;
            code.posonlyargcount = args.posonly.len() as u32;
            code.kwonlyargcount = args.kwonly.len() as u32;
            code.has_varargs = args.vararg.is_some();
            code.has_varkw = args.kwarg.is_some();
        }
        // varnames were ordered params-first by the symbol table: posonly, args, kwonly, *args, **kwargs.
        body(self)?;
        let code = self.pop_unit();
        self.load_const(Value::Code(Rc::new(code)));
        self.emit(Instr::MakeFunction(flags));
        Ok(())
    }

    fn class_def(&mut self, c: &Rc<ClassDef>) -> CResult {
        for d in &c.decorators {
            self.expr(d)?;
        }
        let scope = self.child_scope(node_key(&**c));
        let qual = self.qualname(&c.name);
        let flags = self.closure_for(scope);
        self.push_unit(&c.name, &qual, CodeKind::Class, scope, c.pos.line);
        if c.body.iter().any(|s| matches!(s.kind, StmtKind::AnnAssign { .. })) {
            self.emit(Instr::BuildMap(0));
            self.store_name("__annotations__");
        }
        if let Some(Stmt {
            kind:
                StmtKind::Expr(Expr {
                    kind: ExprKind::Constant(Constant::Str(doc)),
                    ..
                }),
            ..
        }) = c.body.first()
        {
            self.load_const(Value::Str(doc.clone()));
            self.store_name("__doc__");
        }
        self.body(&c.body)?;
        self.load_const(Value::None);
        self.emit(Instr::ReturnValue);
        let code = self.pop_unit();
        self.load_const(Value::Code(Rc::new(code)));
        self.emit(Instr::MakeFunction(flags));
        self.load_const(Value::Str(c.name.clone()));
        for b in &c.bases {
            self.expr(b)?;
            // `class L(list[int])`: a generic alias stands for its origin (CPython's `__mro_entries__`).
            if let ExprKind::Subscript { .. } = b.kind {
                self.emit(Instr::MroEntry);
            }
        }
        let mut n = 0;
        for k in &c.keywords {
            if let Some(name) = &k.name {
                self.load_const(Value::Str(name.clone()));
                self.expr(&k.value)?;
                n += 1;
            }
        }
        self.emit(Instr::BuildMap(n));
        self.emit(Instr::BuildClass(c.bases.len() as u32));
        self.apply_decorators(&c.decorators);
        self.store_name(&c.name);
        Ok(())
    }

    /// Calls the decorators (evaluated earlier, in order) on the function or class on top, innermost first; each
    /// call carries its decorator's span.
    fn apply_decorators(&mut self, decorators: &[Expr]) {
        for d in decorators.iter().rev() {
            let saved = self.enter_span(d.pos, d.end);
            self.emit(Instr::Call(1));
            self.leave_span(saved);
        }
    }

    fn with(&mut self, items: &[WithItem], body: &[Stmt], is_async: bool) -> CResult {
        let Some((first, rest)) = items.split_first() else {
            return self.body(body);
        };
        let (line, span) = (self.unit().line, self.unit().span);
        self.expr(&first.context)?;
        self.emit(Instr::Dup);
        let exit = self.name_index(if is_async { "__aexit__" } else { "__exit__" });
        self.emit(Instr::LoadAttr(exit));
        self.emit(Instr::Swap(1));
        let enter = self.name_index(if is_async { "__aenter__" } else { "__enter__" });
        self.emit(Instr::LoadMethod(enter));
        self.emit(Instr::CallMethod(0));
        if is_async {
            self.emit(Instr::GetAwaitable);
            self.emit(Instr::Await);
        }
        let setup = self.emit(Instr::SetupWith(0));
        let depth_in = self.depth();
        self.unit().fblocks.push(FBlock::With { is_async, line, span });
        match &first.vars {
            Some(v) => self.assign(v)?,
            None => {
                self.emit(Instr::Pop);
            }
        }
        if rest.is_empty() {
            self.body(body)?;
        } else {
            self.with(rest, body, is_async)?;
        }
        self.unit().fblocks.pop();
        // Leaving the block, normally or by an exception, runs at the `with` line, as CPython reports it.
        self.unit().line = line;
        self.unit().span = span;
        self.emit(Instr::PopBlock);
        self.call_exit_none(is_async);
        self.emit(Instr::Pop);
        let end = self.emit(Instr::Jump(0));
        // Handler: stack is `exit, exc`.
        self.patch(setup);
        self.set_depth(depth_in);
        self.emit(Instr::PushExcInfo);
        self.emit(Instr::WithExceptStart);
        if is_async {
            self.emit(Instr::GetAwaitable);
            self.emit(Instr::Await);
        }
        let swallow = self.emit(Instr::PopJumpIfTrue(0));
        self.emit(Instr::PopExcept);
        self.emit(Instr::Reraise);
        self.patch(swallow);
        self.set_depth(depth_in);
        self.emit(Instr::Pop);
        self.emit(Instr::PopExcept);
        self.emit(Instr::Pop);
        self.patch(end);
        self.set_depth(depth_in - 2);
        Ok(())
    }

    /// `try`/`except`. `tail`: it ends a function, so a handler that completes returns at once (at its last
    /// line) and the return after the statement is the body's (or the `else` clause's).
    fn try_except(
        &mut self,
        body: &[Stmt],
        handlers: &[ExceptHandler],
        orelse: &[Stmt],
        is_star: bool,
        tail: bool,
    ) -> CResult {
        let setup = self.emit(Instr::SetupExcept(0));
        let depth0 = self.depth();
        self.body(body)?;
        let body_line = self.unit().line;
        self.emit(Instr::PopBlock);
        let to_else = self.emit(Instr::Jump(0));
        self.patch(setup);
        self.set_depth(depth0 + 1);
        self.emit(Instr::PushExcInfo);
        let mut ends = Vec::new();
        if is_star {
            self.star_handlers(handlers, &mut ends)?;
        } else {
            for h in handlers {
                self.set_line(h.pos);
                let next = match &h.typ {
                    Some(t) => {
                        self.expr(t)?;
                        self.emit(Instr::CheckExcMatch);
                        Some(self.emit(Instr::PopJumpIfFalse(0)))
                    }
                    None => None,
                };
                self.unit().fblocks.push(FBlock::Handler);
                match &h.name {
                    Some(name) => {
                        self.emit(Instr::Dup);
                        self.store_name(name);
                        let cleanup = self.emit(Instr::SetupFinally(0));
                        self.unit().fblocks.push(FBlock::HandlerName(name.clone()));
                        self.body(&h.body)?;
                        self.unit().fblocks.pop();
                        self.emit(Instr::PopBlock);
                        self.load_const(Value::None);
                        self.store_name(name);
                        self.delete_name(name);
                        let done = self.emit(Instr::Jump(0));
                        // An exception inside the handler: clear the name, then let it propagate.
                        self.patch(cleanup);
                        let d = self.depth();
                        self.set_depth(d + 1);
                        self.load_const(Value::None);
                        self.store_name(name);
                        self.delete_name(name);
                        self.emit(Instr::Reraise);
                        self.patch(done);
                        self.set_depth(d);
                    }
                    None => self.body(&h.body)?,
                }
                self.unit().fblocks.pop();
                self.emit(Instr::PopExcept);
                self.emit(Instr::Pop);
                if tail {
                    self.load_const(Value::None);
                    self.emit(Instr::ReturnValue);
                } else {
                    ends.push(self.emit(Instr::Jump(0)));
                }
                self.set_depth(depth0 + 1);
                if let Some(n) = next {
                    self.patch(n);
                }
            }
            self.emit(Instr::PopExcept);
            self.emit(Instr::Reraise);
        }
        self.patch(to_else);
        self.set_depth(depth0);
        // (`except*` handlers still end at the statement's end, at their last line.)
        if tail && !is_star {
            self.unit().line = body_line;
        }
        self.body(orelse)?;
        for e in ends {
            self.patch(e);
        }
        self.set_depth(depth0);
        Ok(())
    }

    /// `except*`: each clause takes the matching part of the group; what is left is re-raised at the end.
    fn star_handlers(&mut self, handlers: &[ExceptHandler], ends: &mut Vec<usize>) -> CResult {
        // Stack: group. For each clause: split into (rest, matched); run the body on matched.
        for h in handlers {
            self.set_line(h.pos);
            if let Some(t) = &h.typ {
                self.expr(t)?;
            } else {
                self.load_const(Value::None);
            }
            self.emit(Instr::CheckEgMatch);
            // Stack: rest, matched-or-None.
            self.emit(Instr::Dup);
            self.load_const(Value::None);
            self.emit(Instr::Compare(CmpOp::Is));
            let skip = self.emit(Instr::PopJumpIfTrue(0));
            match &h.name {
                Some(name) => self.store_name(name),
                None => {
                    self.emit(Instr::Pop);
                }
            }
            self.unit().fblocks.push(FBlock::Handler);
            self.body(&h.body)?;
            self.unit().fblocks.pop();
            let after = self.emit(Instr::Jump(0));
            self.patch(skip);
            self.emit(Instr::Pop);
            self.patch(after);
        }
        // Stack: rest (None when everything was handled).
        self.emit(Instr::PrepReraiseStar);
        self.emit(Instr::PopExcept);
        ends.push(self.emit(Instr::Jump(0)));
        Ok(())
    }

    fn try_finally(
        &mut self,
        body: &[Stmt],
        handlers: &[ExceptHandler],
        orelse: &[Stmt],
        finalbody: &[Stmt],
        is_star: bool,
    ) -> CResult {
        let fin = Rc::new(finalbody.to_vec());
        let setup = self.emit(Instr::SetupFinally(0));
        let depth0 = self.depth();
        self.unit().fblocks.push(FBlock::Finally(fin.clone()));
        if handlers.is_empty() {
            self.body(body)?;
        } else {
            self.try_except(body, handlers, orelse, is_star, false)?;
        }
        self.unit().fblocks.pop();
        self.emit(Instr::PopBlock);
        self.body(finalbody)?;
        let end = self.emit(Instr::Jump(0));
        self.patch(setup);
        self.set_depth(depth0 + 1);
        self.emit(Instr::PushExcInfo);
        self.body(finalbody)?;
        self.emit(Instr::PopExcept);
        self.emit(Instr::Reraise);
        self.patch(end);
        self.set_depth(depth0);
        Ok(())
    }

    fn async_for(&mut self, target: &Expr, iter: &Expr, body: &[Stmt], orelse: &[Stmt], pos: Pos) -> CResult {
        if !self.is_async_unit() {
            return Err(syntax_err(pos, "'async for' outside async function"));
        }
        self.expr(iter)?;
        self.emit(Instr::GetAIter);
        let start = self.here();
        let setup = self.emit(Instr::SetupExcept(0));
        let depth0 = self.depth();
        self.emit(Instr::GetANext);
        self.emit(Instr::GetAwaitable);
        self.emit(Instr::Await);
        self.emit(Instr::PopBlock);
        self.unit().fblocks.push(FBlock::For { start, breaks: vec![] });
        self.assign(target)?;
        self.body(body)?;
        self.emit(Instr::Jump(start as u32));
        let breaks = match self.unit().fblocks.pop() {
            Some(FBlock::For { breaks, .. }) => breaks,
            _ => vec![],
        };
        self.patch(setup);
        self.set_depth(depth0 + 1);
        self.emit(Instr::EndAsyncFor);
        self.body(orelse)?;
        for b in breaks {
            self.patch(b);
        }
        Ok(())
    }
}
