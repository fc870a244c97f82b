//! The syntax errors CPython finds only after a whole file has parsed: those of its symbol table pass
//! (`duplicate argument 'x' in function definition`) and of its compiler (`'return' outside function`).
//!
//! CPython reports the symbol table's first error if there is one, else the compiler's; each walks the tree
//! in source order, so the earliest position of each kind wins.

use super::targets::for_each_child;
use crate::ast::{
    Arguments, Comprehension, Expr, ExprKind, Keyword, Module, Name, Pos, Stmt, StmtKind, SyntaxError, SyntaxErrorKind,
};

/// The first error CPython's symbol table or compiler would raise for `module`, if any.
pub(super) fn check(module: &Module) -> Option<SyntaxError> {
    let mut c = Checker {
        scopes: vec![Scope::new(Kind::Module)],
        in_iterable: 0,
        symtable: None,
        analysis: None,
        compiler: None,
    };
    c.body(&module.body);
    c.symtable
        .or(c.analysis)
        .or(c.compiler)
        .map(|(pos, msg, end)| SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            msg,
            line: pos.line,
            col: pos.col,
            end,
        })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Module,
    Class,
    Function {
        is_async: bool,
    },
    Lambda,
    /// A comprehension other than a generator expression, named as CPython names it.
    Comprehension(&'static str),
    Generator,
}

struct Scope {
    kind: Kind,
    loops: u32,
    /// The loop depth when an `except*` block in this scope began, while inside it.
    except_star_loops: Option<u32>,
    has_yield: bool,
    has_await: bool,
    returns_with_value: Vec<Pos>,
    params: Vec<Name>,
    /// A comprehension's iteration variables, which `:=` inside it may not rebind.
    iter_vars: Vec<Name>,
    /// The names a function binds, which `nonlocal` in a nested function may refer to.
    bound: Vec<Name>,
}

impl Scope {
    fn new(kind: Kind) -> Self {
        Scope {
            kind,
            loops: 0,
            except_star_loops: None,
            has_yield: false,
            has_await: false,
            returns_with_value: Vec::new(),
            params: Vec::new(),
            iter_vars: Vec::new(),
            bound: Vec::new(),
        }
    }
}

struct Checker {
    scopes: Vec<Scope>,
    /// How many comprehension iterables enclose the current expression (where `:=` is not allowed).
    in_iterable: u32,
    symtable: Option<Found>,
    /// Errors of the symbol table's second step, which resolves names once all scopes are known.
    analysis: Option<Found>,
    compiler: Option<Found>,
}

/// An error: where CPython's caret goes, its message, and where its caret run ends (the node's end).
type Found = (Pos, String, Option<Pos>);

fn earliest(slot: &mut Option<Found>, pos: Pos, msg: String, end: Option<Pos>) {
    if slot.as_ref().is_none_or(|(p, _, _)| pos < *p) {
        *slot = Some((pos, msg, end));
    }
}

impl Checker {
    fn scope(&mut self) -> &mut Scope {
        let n = self.scopes.len() - 1;
        &mut self.scopes[n]
    }

    fn symtable_error(&mut self, pos: Pos, msg: impl Into<String>) {
        earliest(&mut self.symtable, pos, msg.into(), None);
    }

    fn compiler_error(&mut self, pos: Pos, msg: impl Into<String>) {
        earliest(&mut self.compiler, pos, msg.into(), None);
    }

    /// A symbol table error about the node `start..end`, underlined whole as CPython does.
    fn symtable_error_over(&mut self, (start, end): (Pos, Pos), msg: impl Into<String>) {
        earliest(&mut self.symtable, start, msg.into(), Some(end));
    }

    /// A compiler error about the node `start..end`, underlined whole as CPython does.
    fn compiler_error_over(&mut self, (start, end): (Pos, Pos), msg: impl Into<String>) {
        earliest(&mut self.compiler, start, msg.into(), Some(end));
    }

    fn in_async_function(&self) -> bool {
        matches!(
            self.scopes.last().map(|s| s.kind),
            Some(Kind::Function { is_async: true })
        )
    }

    fn body(&mut self, body: &[Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    /// Defaults and annotations belong to the enclosing scope; the names must be distinct.
    fn arguments(&mut self, args: &Arguments, annotations: bool) -> Vec<Name> {
        self.exprs(&args.defaults);
        for d in args.kw_defaults.iter().flatten() {
            self.expr(d, false);
        }
        let all = args
            .posonly
            .iter()
            .chain(&args.args)
            .chain(&args.vararg)
            .chain(&args.kwonly)
            .chain(&args.kwarg);
        let mut names: Vec<Name> = Vec::new();
        for a in all {
            if annotations {
                if let Some(ann) = &a.annotation {
                    self.expr(ann, true);
                }
            }
            if names.contains(&a.name) {
                self.symtable_error(a.pos, format!("duplicate argument '{}' in function definition", a.name));
            }
            names.push(a.name.clone());
        }
        names
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Match { subject, cases } => {
                self.expr(subject, false);
                if let Some((pos, msg)) = super::pattern_checks::check_cases(cases) {
                    self.compiler_error(pos, msg);
                }
                for c in cases {
                    let mut exprs = Vec::new();
                    super::pattern_checks::pattern_exprs(&c.pattern, &mut exprs);
                    for e in exprs {
                        self.expr(e, false);
                    }
                    if let Some(g) = &c.guard {
                        self.expr(g, false);
                    }
                    self.body(&c.body);
                }
            }
            StmtKind::FunctionDef(f) => {
                self.exprs(&f.decorators);
                let params = self.arguments(&f.args, true);
                if let Some(r) = &f.returns {
                    self.expr(r, false);
                }
                let mut scope = Scope::new(Kind::Function { is_async: f.is_async });
                scope.bound = params.clone();
                bindings(&f.body, &mut scope.bound);
                scope.params = params;
                self.scopes.push(scope);
                self.body(&f.body);
                if let Some(scope) = self.scopes.pop() {
                    if f.is_async && scope.has_yield {
                        for &pos in &scope.returns_with_value {
                            self.compiler_error(pos, "'return' with value in async generator");
                        }
                    }
                }
            }
            StmtKind::ClassDef(c) => {
                self.exprs(&c.decorators);
                self.repeated_keywords(&c.keywords);
                for b in &c.bases {
                    self.expr(b, true);
                }
                for k in &c.keywords {
                    self.expr(&k.value, false);
                }
                self.scopes.push(Scope::new(Kind::Class));
                self.body(&c.body);
                self.scopes.pop();
            }
            StmtKind::Return(value) => {
                let scope = self.scope();
                if !matches!(scope.kind, Kind::Function { .. }) {
                    self.compiler_error_over((s.pos, s.end), "'return' outside function");
                } else if scope.except_star_loops.is_some() {
                    self.compiler_error(
                        s.pos,
                        "'break', 'continue' and 'return' cannot appear in an except* block",
                    );
                } else if value.is_some() {
                    scope.returns_with_value.push(s.pos);
                }
                if let Some(v) = value {
                    self.expr(v, false);
                }
            }
            StmtKind::Break | StmtKind::Continue => {
                let scope = self.scope();
                if scope.loops == 0 {
                    let msg = if matches!(s.kind, StmtKind::Break) {
                        "'break' outside loop"
                    } else {
                        "'continue' not properly in loop"
                    };
                    self.compiler_error_over((s.pos, s.end), msg);
                } else if scope.except_star_loops == Some(scope.loops) {
                    self.compiler_error(
                        s.pos,
                        "'break', 'continue' and 'return' cannot appear in an except* block",
                    );
                }
            }
            StmtKind::Expr(e) => self.expr(e, false),
            StmtKind::Assign { targets, value } => {
                for t in targets {
                    self.target(t, true);
                }
                self.expr(value, false);
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target, false);
                self.expr(value, false);
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => {
                self.expr(target, false);
                self.expr(annotation, false);
                if let Some(v) = value {
                    self.expr(v, false);
                }
            }
            StmtKind::Delete(targets) => self.exprs(targets),
            StmtKind::If { test, body, orelse } => {
                self.expr(test, false);
                self.body(body);
                self.body(orelse);
            }
            StmtKind::While { test, body, orelse } => {
                self.expr(test, false);
                self.loop_body(body);
                self.body(orelse);
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                if *is_async && !self.in_async_function() {
                    self.compiler_error_over((s.pos, s.end), "'async for' outside async function");
                }
                self.target(target, true);
                self.expr(iter, false);
                self.loop_body(body);
                self.body(orelse);
            }
            StmtKind::With { items, body, is_async } => {
                if *is_async && !self.in_async_function() {
                    self.compiler_error_over((s.pos, s.end), "'async with' outside async function");
                }
                for item in items {
                    self.expr(&item.context, false);
                    if let Some(v) = &item.vars {
                        self.target(v, true);
                    }
                }
                self.body(body);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                is_star,
            } => {
                self.body(body);
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.expr(t, false);
                    }
                    let saved = self.scope().except_star_loops;
                    if *is_star {
                        let loops = self.scope().loops;
                        self.scope().except_star_loops = Some(loops);
                    }
                    self.body(&h.body);
                    self.scope().except_star_loops = saved;
                }
                self.body(orelse);
                self.body(finalbody);
            }
            StmtKind::Raise { exc, cause } => {
                for e in [exc, cause].into_iter().flatten() {
                    self.expr(e, false);
                }
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test, false);
                if let Some(m) = msg {
                    self.expr(m, false);
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                let star = names.iter().find(|a| &*a.name == "*");
                if let Some(star) = star.filter(|_| !matches!(self.scope().kind, Kind::Module)) {
                    self.symtable_error(star.pos, "import * only allowed at module level");
                }
            }
            StmtKind::Global(names) | StmtKind::Nonlocal(names) => {
                let global = matches!(s.kind, StmtKind::Global(_));
                let scope = self.scope();
                if !global && matches!(scope.kind, Kind::Module) {
                    self.symtable_error_over((s.pos, s.end), "nonlocal declaration not allowed at module level");
                    return;
                }
                if let Some(n) = names.iter().find(|n| scope.params.contains(n)) {
                    let msg = format!(
                        "name '{n}' is parameter and {}",
                        if global { "global" } else { "nonlocal" }
                    );
                    self.symtable_error(s.pos, msg);
                }
                if !global {
                    let outer = &self.scopes[1..self.scopes.len() - 1];
                    let functions = || {
                        outer
                            .iter()
                            .filter(|s| matches!(s.kind, Kind::Function { .. } | Kind::Lambda))
                    };
                    if let Some(n) = names.iter().find(|n| !functions().any(|s| s.bound.contains(n))) {
                        earliest(
                            &mut self.analysis,
                            s.pos,
                            format!("no binding for nonlocal '{n}' found"),
                            None,
                        );
                    }
                }
            }
            StmtKind::Import(_) | StmtKind::Pass => {}
        }
    }

    fn repeated_keywords(&mut self, keywords: &[Keyword]) {
        for (i, k) in keywords.iter().enumerate() {
            if let Some(name) = &k.name {
                if keywords[..i].iter().any(|o| o.name.as_ref() == Some(name)) {
                    self.compiler_error(k.pos, format!("keyword argument repeated: {name}"));
                }
            }
        }
    }

    fn loop_body(&mut self, body: &[Stmt]) {
        self.scope().loops += 1;
        self.body(body);
        self.scope().loops -= 1;
    }

    fn exprs(&mut self, es: &[Expr]) {
        for e in es {
            self.expr(e, false);
        }
    }

    /// An assignment target: starred parts are allowed in a list or tuple, one per level.
    fn target(&mut self, e: &Expr, top: bool) {
        match &e.kind {
            ExprKind::Starred(v) => {
                if top {
                    self.compiler_error_over((e.pos, e.end), "starred assignment target must be in a list or tuple");
                }
                self.target(v, false);
            }
            ExprKind::List(elts) | ExprKind::Tuple(elts) => {
                if elts.iter().filter(|x| matches!(x.kind, ExprKind::Starred(_))).count() > 1 {
                    self.compiler_error_over((e.pos, e.end), "multiple starred expressions in assignment");
                }
                for x in elts {
                    self.target(x, false);
                }
            }
            _ => self.expr(e, false),
        }
    }

    /// An expression; `starred_ok` says whether a bare `*x` may stand here (in a display or a call).
    fn expr(&mut self, e: &Expr, starred_ok: bool) {
        match &e.kind {
            ExprKind::Starred(v) => {
                if !starred_ok {
                    self.compiler_error_over((e.pos, e.end), "can't use starred expression here");
                }
                self.expr(v, false);
            }
            ExprKind::List(elts) | ExprKind::Tuple(elts) | ExprKind::Set(elts) => {
                for x in elts {
                    self.expr(x, true);
                }
            }
            ExprKind::Call { func, args, keywords } => {
                self.repeated_keywords(keywords);
                self.expr(func, false);
                for a in args {
                    self.expr(a, true);
                }
                for k in keywords {
                    self.expr(&k.value, false);
                }
            }
            ExprKind::Yield(_) | ExprKind::YieldFrom(_) => {
                let is_from = matches!(e.kind, ExprKind::YieldFrom(_));
                match self.scope().kind {
                    Kind::Module | Kind::Class => self.compiler_error_over((e.pos, e.end), "'yield' outside function"),
                    Kind::Comprehension(what) => self.symtable_error(e.pos, format!("'yield' inside {what}")),
                    Kind::Generator => self.symtable_error(e.pos, "'yield' inside generator expression"),
                    Kind::Function { is_async } => {
                        self.scope().has_yield = true;
                        if is_async && is_from {
                            self.compiler_error_over((e.pos, e.end), "'yield from' inside async function");
                        }
                    }
                    Kind::Lambda => self.scope().has_yield = true,
                }
                for_each_child(e, &mut |c| self.expr(c, false));
            }
            ExprKind::Await(v) => {
                match self.scope().kind {
                    Kind::Module | Kind::Class => self.compiler_error_over((e.pos, e.end), "'await' outside function"),
                    Kind::Function { is_async: false } | Kind::Lambda => {
                        self.compiler_error_over((e.pos, e.end), "'await' outside async function")
                    }
                    _ => self.scope().has_await = true,
                }
                self.expr(v, false);
            }
            ExprKind::Lambda { args, body } => {
                let params = self.arguments(args, false);
                let mut scope = Scope::new(Kind::Lambda);
                scope.params = params;
                self.scopes.push(scope);
                let saved = std::mem::take(&mut self.in_iterable);
                self.expr(body, false);
                self.in_iterable = saved;
                self.scopes.pop();
            }
            ExprKind::NamedExpr { target, value } => {
                self.named_expr(e.pos, target);
                self.expr(value, false);
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e.pos, Kind::Comprehension("list comprehension"), &[elt], generators)
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e.pos, Kind::Comprehension("set comprehension"), &[elt], generators)
            }
            ExprKind::DictComp { key, value, generators } => self.comprehension(
                e.pos,
                Kind::Comprehension("dict comprehension"),
                &[key, value],
                generators,
            ),
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e.pos, Kind::Generator, &[elt], generators)
            }
            _ => for_each_child(e, &mut |c| self.expr(c, false)),
        }
    }

    /// `target := value`: not in a comprehension's iterable, and not rebinding its variables.
    fn named_expr(&mut self, pos: Pos, target: &Name) {
        if self.in_iterable > 0 {
            self.symtable_error(
                pos,
                "assignment expression cannot be used in a comprehension iterable expression",
            );
            return;
        }
        let mut in_comprehension = false;
        for scope in self.scopes.iter().rev() {
            match scope.kind {
                Kind::Comprehension(_) | Kind::Generator => {
                    if scope.iter_vars.contains(target) {
                        let msg =
                            format!("assignment expression cannot rebind comprehension iteration variable '{target}'");
                        earliest(&mut self.symtable, pos, msg, None);
                        return;
                    }
                    in_comprehension = true;
                }
                Kind::Class if in_comprehension => {
                    let msg = "assignment expression within a comprehension cannot be used in a class body";
                    earliest(&mut self.symtable, pos, msg.into(), None);
                    return;
                }
                _ => return,
            }
        }
    }

    fn iterable(&mut self, e: &Expr) {
        self.in_iterable += 1;
        self.expr(e, false);
        self.in_iterable -= 1;
    }

    /// A comprehension: its first iterable is evaluated outside, the rest in a scope of its own.
    fn comprehension(&mut self, pos: Pos, kind: Kind, elts: &[&Expr], generators: &[Comprehension]) {
        if let Some(first) = generators.first() {
            self.iterable(&first.iter);
        }
        let outer = self.scope().kind;
        let mut scope = Scope::new(kind);
        for g in generators {
            bound_names(&g.target, &mut scope.iter_vars);
        }
        self.scopes.push(scope);
        let mut is_async = false;
        for (i, g) in generators.iter().enumerate() {
            is_async |= g.is_async;
            self.target(&g.target, true);
            if i > 0 {
                self.iterable(&g.iter);
            }
            self.exprs(&g.ifs);
        }
        for e in elts {
            self.expr(e, false);
        }
        let inner = self.scopes.pop();
        is_async |= inner.is_some_and(|s| s.has_await);
        let outer_ok = matches!(
            outer,
            Kind::Function { is_async: true } | Kind::Comprehension(_) | Kind::Generator
        );
        if is_async && kind != Kind::Generator && !outer_ok {
            self.compiler_error(pos, "asynchronous comprehension outside of an asynchronous function");
        }
    }
}

/// The names a target binds.
fn bound_names(e: &Expr, out: &mut Vec<Name>) {
    match &e.kind {
        ExprKind::Name(n) => out.push(n.clone()),
        ExprKind::Starred(v) => bound_names(v, out),
        ExprKind::List(elts) | ExprKind::Tuple(elts) => elts.iter().for_each(|x| bound_names(x, out)),
        _ => {}
    }
}

/// The names a function body binds in its own scope: assignment targets, loop and `with` variables,
/// imports, definitions, `except ... as` names, and `:=` targets (even inside comprehensions).
fn bindings(body: &[Stmt], out: &mut Vec<Name>) {
    for s in body {
        match &s.kind {
            StmtKind::FunctionDef(f) => out.push(f.name.clone()),
            StmtKind::ClassDef(c) => out.push(c.name.clone()),
            StmtKind::Assign { targets, value } => {
                targets.iter().for_each(|t| bound_names(t, out));
                walrus_targets(value, out);
            }
            StmtKind::AugAssign { target, value, .. }
            | StmtKind::AnnAssign {
                target,
                value: Some(value),
                ..
            } => {
                bound_names(target, out);
                walrus_targets(value, out);
            }
            StmtKind::AnnAssign { target, .. } => bound_names(target, out),
            StmtKind::Delete(targets) => targets.iter().for_each(|t| bound_names(t, out)),
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                bound_names(target, out);
                walrus_targets(iter, out);
                bindings(body, out);
                bindings(orelse, out);
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                walrus_targets(test, out);
                bindings(body, out);
                bindings(orelse, out);
            }
            StmtKind::With { items, body, .. } => {
                for item in items {
                    walrus_targets(&item.context, out);
                    if let Some(v) = &item.vars {
                        bound_names(v, out);
                    }
                }
                bindings(body, out);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => {
                bindings(body, out);
                for h in handlers {
                    out.extend(h.name.clone());
                    bindings(&h.body, out);
                }
                bindings(orelse, out);
                bindings(finalbody, out);
            }
            StmtKind::Import(aliases) | StmtKind::ImportFrom { names: aliases, .. } => {
                for a in aliases {
                    let name = a
                        .asname
                        .clone()
                        .unwrap_or_else(|| a.name.split('.').next().unwrap_or("").into());
                    out.push(name);
                }
            }
            StmtKind::Nonlocal(names) => out.extend(names.iter().cloned()),
            StmtKind::Match { subject, cases } => {
                walrus_targets(subject, out);
                for c in cases {
                    super::pattern_checks::pattern_names(&c.pattern, out);
                    if let Some(g) = &c.guard {
                        walrus_targets(g, out);
                    }
                    bindings(&c.body, out);
                }
            }
            StmtKind::Expr(e) | StmtKind::Return(Some(e)) => walrus_targets(e, out),
            _ => {}
        }
    }
}

/// The targets of `:=` in `e`, which bind in the enclosing function even from inside a comprehension.
fn walrus_targets(e: &Expr, out: &mut Vec<Name>) {
    match &e.kind {
        ExprKind::NamedExpr { target, value } => {
            out.push(target.clone());
            walrus_targets(value, out);
        }
        ExprKind::Lambda { .. } => {}
        _ => for_each_child(e, &mut |c| walrus_targets(c, out)),
    }
}
