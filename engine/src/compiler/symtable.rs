//! Scope analysis: which names are locals, cells, free variables or globals in each function, class and comprehension.

use crate::ast::*;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Function,
    Class,
    Comprehension,
}

/// Where a name lives, as the code generator needs to know.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    Fast,
    Cell,
    Free,
    Global,
    /// Module or class namespace.
    Name,
    /// A class body reading a free variable: namespace first, then the cell.
    ClassDeref,
}

#[derive(Debug, Default)]
pub struct Scope {
    pub kind: Option<ScopeKind>,
    pub params: Vec<Name>,
    bound: Vec<Name>,
    bound_set: HashSet<Name>,
    used: HashSet<Name>,
    globals: HashSet<Name>,
    nonlocals: HashSet<Name>,
    pub has_yield: bool,
    pub has_await: bool,
    pub children: Vec<usize>,
    pub parent: Option<usize>,
    /// Filled by resolution.
    pub varnames: Vec<Name>,
    pub cellvars: Vec<Name>,
    pub freevars: Vec<Name>,
    /// The class whose private names (`__x`) this scope's names are mangled with: the innermost class around
    /// it, itself included.
    pub private: Option<Name>,
}

/// `__x` written inside class `_C` (or in a function nested in it) means `_C__x`, as CPython mangles private
/// names: only names that start with two underscores and do not end with two, and never in a class whose name
/// is all underscores.
pub fn mangle(private: Option<&Name>, name: &Name) -> Name {
    let Some(class) = private else { return name.clone() };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.clone();
    }
    let class = class.trim_start_matches('_');
    if class.is_empty() {
        return name.clone();
    }
    Rc::from(format!("_{class}{name}"))
}

impl Scope {
    fn bind(&mut self, name: &Name) {
        if self.bound_set.insert(name.clone()) {
            self.bound.push(name.clone());
        }
    }

    pub fn place(&self, name: &str) -> Place {
        let kind = self.kind.unwrap_or(ScopeKind::Module);
        if self.globals.contains(name) {
            return Place::Global;
        }
        match kind {
            ScopeKind::Module => Place::Global,
            ScopeKind::Class => {
                if self.freevars.iter().any(|f| &**f == name) && !self.bound_set.contains(name) {
                    Place::ClassDeref
                } else {
                    Place::Name
                }
            }
            ScopeKind::Function | ScopeKind::Comprehension => {
                if self.cellvars.iter().any(|f| &**f == name) {
                    Place::Cell
                } else if self.freevars.iter().any(|f| &**f == name) {
                    Place::Free
                } else if self.bound_set.contains(name) {
                    Place::Fast
                } else {
                    Place::Global
                }
            }
        }
    }
}

/// All scopes of a module, keyed by the address of the node that opens each one.
pub struct SymTable {
    pub scopes: Vec<Scope>,
    pub by_node: HashMap<usize, usize>,
}

/// A function's annotations in the order of its `__annotations__`: parameters, then `return`.
pub fn annotations(f: &FunctionDef) -> Vec<(Name, &Expr)> {
    let a = &f.args;
    let params = a
        .posonly
        .iter()
        .chain(&a.args)
        .chain(&a.vararg)
        .chain(&a.kwonly)
        .chain(&a.kwarg);
    let mut out: Vec<(Name, &Expr)> = params
        .filter_map(|p| p.annotation.as_ref().map(|e| (p.name.clone(), e)))
        .collect();
    if let Some(r) = &f.returns {
        out.push((Name::from("return"), r));
    }
    out
}

pub fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

struct Builder {
    scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
    stack: Vec<usize>,
}

pub fn build(module: &Module) -> SymTable {
    let mut b = Builder {
        scopes: vec![Scope {
            kind: Some(ScopeKind::Module),
            ..Scope::default()
        }],
        by_node: HashMap::new(),
        stack: vec![0],
    };
    b.by_node.insert(node_key(module), 0);
    for s in &module.body {
        b.stmt(s);
    }
    let mut t = SymTable {
        scopes: b.scopes,
        by_node: b.by_node,
    };
    resolve(&mut t, 0, &HashMap::new());
    t
}

impl Builder {
    fn cur(&mut self) -> &mut Scope {
        let i = *self.stack.last().unwrap_or(&0);
        &mut self.scopes[i]
    }

    fn open(&mut self, key: usize, kind: ScopeKind) -> usize {
        let id = self.scopes.len();
        let parent = *self.stack.last().unwrap_or(&0);
        let private = self.scopes[parent].private.clone();
        self.scopes.push(Scope {
            kind: Some(kind),
            parent: Some(parent),
            private,
            ..Scope::default()
        });
        self.scopes[parent].children.push(id);
        self.by_node.insert(key, id);
        self.stack.push(id);
        id
    }

    fn close(&mut self) {
        self.stack.pop();
    }

    fn mangle(&mut self, name: &Name) -> Name {
        mangle(self.cur().private.as_ref(), name)
    }

    fn bind(&mut self, name: &Name) {
        let name = self.mangle(name);
        self.cur().bind(&name);
    }

    fn use_name(&mut self, name: &Name) {
        let name = self.mangle(name);
        self.cur().used.insert(name);
    }

    fn body(&mut self, body: &[Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn args(&mut self, a: &Arguments) {
        // Defaults and annotations are evaluated in the enclosing scope.
        for d in &a.defaults {
            self.expr(d);
        }
        for d in a.kw_defaults.iter().flatten() {
            self.expr(d);
        }
    }

    fn params(&mut self, a: &Arguments) {
        let all = a
            .posonly
            .iter()
            .chain(a.args.iter())
            .chain(a.kwonly.iter())
            .chain(a.vararg.iter())
            .chain(a.kwarg.iter());
        for p in all {
            let name = self.mangle(&p.name);
            self.cur().params.push(name.clone());
            self.bind(&name);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Match { subject, cases } => {
                self.expr(subject);
                for c in cases {
                    self.pattern(&c.pattern);
                    if let Some(g) = &c.guard {
                        self.expr(g);
                    }
                    self.body(&c.body);
                }
            }
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Assign { targets, value } => {
                self.expr(value);
                for t in targets {
                    self.target(t);
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value);
                if let ExprKind::Name(n) = &target.kind {
                    self.use_name(n);
                }
                self.target(target);
            }
            StmtKind::AnnAssign { target, value, .. } => {
                if let Some(v) = value {
                    self.expr(v);
                    self.target(target);
                } else if let ExprKind::Name(_) = &target.kind {
                    // A bare annotation binds nothing at run time, but still makes the name local.
                    self.target(target);
                }
            }
            StmtKind::FunctionDef(f) => {
                for d in &f.decorators {
                    self.expr(d);
                }
                self.args(&f.args);
                for (_, a) in annotations(f) {
                    self.expr(a);
                }
                self.bind(&f.name);
                self.open(node_key(&**f), ScopeKind::Function);
                self.params(&f.args);
                self.body(&f.body);
                self.close();
            }
            StmtKind::ClassDef(c) => {
                for d in &c.decorators {
                    self.expr(d);
                }
                for b in &c.bases {
                    self.expr(b);
                }
                for k in &c.keywords {
                    self.expr(&k.value);
                }
                self.bind(&c.name);
                self.open(node_key(&**c), ScopeKind::Class);
                self.cur().private = Some(c.name.clone());
                self.body(&c.body);
                self.close();
            }
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.expr(v);
                }
            }
            StmtKind::Delete(ts) => {
                for t in ts {
                    self.target(t);
                }
            }
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.expr(test);
                self.body(body);
                self.body(orelse);
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                if *is_async {
                    self.cur().has_await = true;
                }
                self.expr(iter);
                self.target(target);
                self.body(body);
                self.body(orelse);
            }
            StmtKind::With { items, body, is_async } => {
                if *is_async {
                    self.cur().has_await = true;
                }
                for it in items {
                    self.expr(&it.context);
                    if let Some(v) = &it.vars {
                        self.target(v);
                    }
                }
                self.body(body);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => {
                self.body(body);
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.expr(t);
                    }
                    if let Some(n) = &h.name {
                        self.bind(n);
                    }
                    self.body(&h.body);
                }
                self.body(orelse);
                self.body(finalbody);
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e);
                }
                if let Some(c) = cause {
                    self.expr(c);
                }
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test);
                if let Some(m) = msg {
                    self.expr(m);
                }
            }
            StmtKind::Import(names) => {
                for a in names {
                    let bound: Name = match &a.asname {
                        Some(n) => n.clone(),
                        None => Rc::from(a.name.split('.').next().unwrap_or("")),
                    };
                    self.bind(&bound);
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if &*a.name == "*" {
                        continue;
                    }
                    let bound = a.asname.clone().unwrap_or_else(|| a.name.clone());
                    self.bind(&bound);
                }
            }
            StmtKind::Global(names) => {
                for n in names {
                    let n = self.mangle(n);
                    self.cur().globals.insert(n);
                }
            }
            StmtKind::Nonlocal(names) => {
                for n in names {
                    let n = self.mangle(n);
                    self.cur().nonlocals.insert(n);
                }
            }
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        }
    }

    fn pattern(&mut self, p: &Pattern) {
        match &p.kind {
            PatternKind::Value(e) => self.expr(e),
            PatternKind::Singleton(_) => {}
            PatternKind::Star(n) => {
                if let Some(n) = n {
                    self.bind(n);
                }
            }
            PatternKind::Sequence(ps) | PatternKind::Or(ps) => ps.iter().for_each(|q| self.pattern(q)),
            PatternKind::Mapping { keys, patterns, rest } => {
                keys.iter().for_each(|k| self.expr(k));
                patterns.iter().for_each(|q| self.pattern(q));
                if let Some(n) = rest {
                    self.bind(n);
                }
            }
            PatternKind::Class {
                cls,
                patterns,
                kwd_patterns,
                ..
            } => {
                self.expr(cls);
                patterns.iter().chain(kwd_patterns).for_each(|q| self.pattern(q));
            }
            PatternKind::As { pattern, name } => {
                if let Some(q) = pattern {
                    self.pattern(q);
                }
                if let Some(n) = name {
                    self.bind(n);
                }
            }
        }
    }

    fn target(&mut self, t: &Expr) {
        match &t.kind {
            ExprKind::Name(n) => self.bind(n),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.target(i);
                }
            }
            ExprKind::Starred(inner) => self.target(inner),
            _ => self.expr(t),
        }
    }

    fn comprehension(&mut self, key: usize, generators: &[Comprehension], elts: &[&Expr]) {
        // The first iterable is evaluated outside; everything else inside the new scope.
        if let Some(first) = generators.first() {
            self.expr(&first.iter);
        }
        self.open(key, ScopeKind::Comprehension);
        let dot0: Name = Rc::from(".0");
        self.cur().params.push(dot0.clone());
        self.bind(&dot0);
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter);
            }
            if g.is_async {
                self.cur().has_await = true;
            }
            self.target(&g.target);
            for c in &g.ifs {
                self.expr(c);
            }
        }
        for e in elts {
            self.expr(e);
        }
        self.close();
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Name(n) => self.use_name(n),
            ExprKind::Constant(_) => {}
            ExprKind::JoinedStr(parts) => self.fparts(parts),
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left);
                self.expr(right);
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand),
            ExprKind::BoolOp { values, .. } => {
                for v in values {
                    self.expr(v);
                }
            }
            ExprKind::Compare { left, comparators, .. } => {
                self.expr(left);
                for c in comparators {
                    self.expr(c);
                }
            }
            ExprKind::Call { func, args, keywords } => {
                self.expr(func);
                if let ExprKind::Name(n) = &func.kind {
                    if &**n == "super" && args.is_empty() {
                        // Zero-argument super() reads the class cell and the first parameter.
                        let cls: Name = Rc::from("__class__");
                        self.use_name(&cls);
                        let first = self.cur().params.first().cloned();
                        if let Some(f) = first {
                            self.use_name(&f);
                        }
                    }
                }
                for a in args {
                    self.expr(a);
                }
                for k in keywords {
                    self.expr(&k.value);
                }
            }
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, index } => {
                self.expr(value);
                self.expr(index);
            }
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.expr(x);
                }
            }
            ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => {
                for i in items {
                    self.expr(i);
                }
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.expr(k);
                }
                for v in values {
                    self.expr(v);
                }
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                let is_gen = matches!(e.kind, ExprKind::GeneratorExp { .. });
                self.comprehension(node_key(e), generators, &[elt]);
                if is_gen {
                    if let Some(&id) = self.by_node.get(&node_key(e)) {
                        self.scopes[id].has_yield = true;
                    }
                }
            }
            ExprKind::DictComp { key, value, generators } => self.comprehension(node_key(e), generators, &[key, value]),
            ExprKind::Lambda { args, body } => {
                self.args(args);
                self.open(node_key(e), ScopeKind::Function);
                self.params(args);
                self.expr(body);
                self.close();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test);
                self.expr(body);
                self.expr(orelse);
            }
            ExprKind::Starred(v) => self.expr(v),
            ExprKind::Await(v) => {
                self.cur().has_await = true;
                self.expr(v);
            }
            ExprKind::Yield(v) => {
                self.cur().has_yield = true;
                if let Some(v) = v {
                    self.expr(v);
                }
            }
            ExprKind::YieldFrom(v) => {
                self.cur().has_yield = true;
                self.expr(v);
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value);
                let target = &self.mangle(target);
                // The walrus binds in the nearest enclosing scope that is not a comprehension.
                let mut i = self.stack.len();
                while i > 1 && self.scopes[self.stack[i - 1]].kind == Some(ScopeKind::Comprehension) {
                    let id = self.stack[i - 1];
                    self.scopes[id].nonlocals.insert(target.clone());
                    self.scopes[id].used.insert(target.clone());
                    i -= 1;
                }
                let id = self.stack[i - 1];
                self.scopes[id].bind(target);
            }
        }
    }

    fn fparts(&mut self, parts: &[FStringPart]) {
        for p in parts {
            if let FStringPart::Formatted { value, format_spec, .. } = p {
                self.expr(value);
                if let Some(spec) = format_spec {
                    self.fparts(spec);
                }
            }
        }
    }
}

/// Resolves names top-down. `env` maps each name bound in an enclosing function scope to that scope.
fn resolve(t: &mut SymTable, id: usize, env: &HashMap<Name, usize>) {
    let kind = t.scopes[id].kind.unwrap_or(ScopeKind::Module);
    let mut needed: Vec<Name> = Vec::new();
    {
        let s = &t.scopes[id];
        let mut names: Vec<Name> = s.used.iter().cloned().collect();
        names.extend(s.nonlocals.iter().cloned());
        crate::smallsort::sort(&mut names);
        names.dedup();
        for n in names {
            let local = s.bound_set.contains(&n) && !s.nonlocals.contains(&n);
            if s.globals.contains(&n) || kind == ScopeKind::Module {
                continue;
            }
            if local && kind != ScopeKind::Class {
                continue;
            }
            if env.contains_key(&n) {
                needed.push(n);
            }
        }
    }
    for n in needed {
        let Some(&owner) = env.get(&n) else { continue };
        // Mark the owner's cell and every scope on the way down as passing the name through.
        if !t.scopes[owner].cellvars.contains(&n) {
            t.scopes[owner].cellvars.push(n.clone());
        }
        let mut cur = Some(id);
        while let Some(c) = cur {
            if c == owner {
                break;
            }
            if !t.scopes[c].freevars.contains(&n) {
                t.scopes[c].freevars.push(n.clone());
            }
            cur = t.scopes[c].parent;
        }
    }
    // Nonlocal names are never plain locals.
    let nonlocals: Vec<Name> = t.scopes[id].nonlocals.iter().cloned().collect();
    for n in nonlocals {
        t.scopes[id].bound_set.remove(&n);
        t.scopes[id].bound.retain(|b| *b != n);
    }
    let mut child_env = env.clone();
    match kind {
        ScopeKind::Function | ScopeKind::Comprehension => {
            let s = &t.scopes[id];
            for n in &s.bound {
                if !s.globals.contains(n) {
                    child_env.insert(n.clone(), id);
                }
            }
        }
        ScopeKind::Class => {
            // Methods see the class cell for zero-argument super(), nothing else of the class body.
            child_env.insert(Rc::from("__class__"), id);
        }
        ScopeKind::Module => child_env.clear(),
    }
    let children = t.scopes[id].children.clone();
    for c in children {
        resolve(t, c, &child_env);
    }
    // Parameters first, then other locals in order of first binding.
    let s = &mut t.scopes[id];
    if matches!(kind, ScopeKind::Function | ScopeKind::Comprehension) {
        let mut varnames: Vec<Name> = s.params.clone();
        for n in &s.bound {
            if !varnames.contains(n) && !s.globals.contains(n) {
                varnames.push(n.clone());
            }
        }
        s.varnames = varnames;
    }
}
