//! Turns a syntax tree into code objects: one per module, function, class body and comprehension.

mod expr;
mod pattern;
mod stmt;
pub mod symtable;
mod unparse;

use crate::ast::{self, Module, Pos, SyntaxError, SyntaxErrorKind};
use crate::code::{Code, CodeKind, Instr, Span};
use crate::value::{Str, Value};
use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;
use symtable::{Place, ScopeKind, SymTable};

/// What a `return`, `break` or `continue` must undo on its way out, innermost last.
#[derive(Clone, Debug)]
enum FBlock {
    /// A `for` loop: its iterator sits on the stack.
    For {
        start: usize,
        breaks: Vec<usize>,
    },
    While {
        start: usize,
        breaks: Vec<usize>,
    },
    /// A `try` whose `finally` body must run.
    Finally(Rc<Vec<ast::Stmt>>),
    /// Inside an `except` body: the exception is on the stack and is being handled.
    Handler,
    /// A `with` body: `__exit__` sits on the stack. Its exit runs at the `with` statement's line and span.
    With {
        is_async: bool,
        line: u32,
        span: Span,
    },
    /// An `except ... as name:` body: the name is cleared on the way out.
    HandlerName(Str),
}

struct Unit {
    code: Code,
    scope: usize,
    fblocks: Vec<FBlock>,
    depth: i32,
    max_depth: i32,
    line: u32,
    /// The span the next instruction gets: the innermost node being compiled.
    span: Span,
    /// The last statement of a function's body (`symtable::node_key`, 0 for none): a `try` there returns from
    /// each handler on its own, so that each way out returns at its own line, as CPython's duplicated exits do.
    tail: usize,
}

pub struct Compiler<'a> {
    table: &'a SymTable,
    units: Vec<Unit>,
    filename: Str,
    hidden: bool,
    /// `from __future__ import annotations`: annotations are kept as their source text.
    future_annotations: bool,
    /// The names of this compilation, one `Rc` each (see `intern`).
    names: HashSet<Str>,
    /// The line of the function being made's first decorator: its code's first line (`co_firstlineno`).
    decorated_at: Option<u32>,
}

thread_local! {
    /// The names of the runtime's own modules (`hidden` compilations, cached for the thread's life as their
    /// code is), which programs compiled later share. Only a cache of pointers: a program's own new names are
    /// never added, so it does not grow with the programs run.
    static RUNTIME_NAMES: RefCell<HashSet<Str>> = RefCell::new(HashSet::new());
}

/// Compiles a parsed module. Errors are the ones CPython reports at compile time
/// (`'return' outside function`, `'break' outside loop`, ...).
pub fn compile(module: &Module, filename: &str, hidden: bool) -> Result<Rc<Code>, SyntaxError> {
    let table = symtable::build(module);
    let mut c = Compiler {
        table: &table,
        units: Vec::new(),
        filename: Rc::from(filename),
        hidden,
        future_annotations: module.body.iter().any(|s| {
            matches!(&s.kind, ast::StmtKind::ImportFrom { module: Some(m), names, level: 0 }
                if &**m == "__future__" && names.iter().any(|a| &*a.name == "annotations"))
        }),
        names: HashSet::new(),
        decorated_at: None,
    };
    c.push_unit("<module>", "<module>", CodeKind::Module, 0, 1);
    for s in &module.body {
        c.stmt(s)?;
    }
    c.load_const(Value::None);
    c.emit(Instr::ReturnValue);
    Ok(Rc::new(c.pop_unit()))
}

pub(crate) fn err(pos: Pos, msg: &str) -> SyntaxError {
    SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        msg: msg.into(),
        line: pos.line,
        col: pos.col,
        end: None,
    }
}

type CResult<T = ()> = Result<T, SyntaxError>;

impl<'a> Compiler<'a> {
    fn push_unit(&mut self, name: &str, qualname: &str, kind: CodeKind, scope: usize, line: u32) {
        let table = self.table;
        let s = &table.scopes[scope];
        let varnames = s.varnames.iter().map(|n| self.intern(n)).collect();
        let code = Code {
            name: Rc::from(name),
            qualname: Rc::from(qualname),
            filename: self.filename.clone(),
            kind,
            instrs: Vec::new(),
            lines: Vec::new(),
            spans: Vec::new(),
            first_line: line,
            consts: Vec::new(),
            names: Vec::new(),
            name_hashes: Vec::new(),
            name_slots: Vec::new(),
            varnames,
            cellvars: s.cellvars.clone(),
            freevars: s.freevars.clone(),
            cell_args: s
                .cellvars
                .iter()
                .map(|c| s.params.iter().position(|p| p == c).map(|i| i as u32))
                .collect(),
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            has_varargs: false,
            has_varkw: false,
            stacksize: 0,
            doc: None,
            hidden: self.hidden,
            fast: Default::default(),
        };
        self.units.push(Unit {
            code,
            scope,
            fblocks: Vec::new(),
            depth: 0,
            max_depth: 0,
            line,
            span: Span::default(),
            tail: 0,
        });
    }

    fn pop_unit(&mut self) -> Code {
        let u = self.units.pop().expect("unit stack is never empty here");
        let mut code = u.code;
        code.name_hashes = code.names.iter().map(|n| crate::dict::hash_str(n)).collect();
        code.name_slots = code.names.iter().map(|_| std::cell::Cell::new(u32::MAX)).collect();
        code.stacksize = u.max_depth.max(0) as u32 + 4;
        code
    }

    fn unit(&mut self) -> &mut Unit {
        self.units.last_mut().expect("a unit is always open while compiling")
    }

    fn scope(&self) -> &symtable::Scope {
        let id = self.units.last().map_or(0, |u| u.scope);
        &self.table.scopes[id]
    }

    /// An annotation's value: evaluated, or its source text under `from __future__ import annotations`.
    fn annotation(&mut self, a: &ast::Expr) -> CResult {
        if self.future_annotations {
            self.load_const(Value::Str(Rc::from(unparse::unparse(a))));
            Ok(())
        } else {
            self.expr(a)
        }
    }

    fn scope_kind(&self) -> ScopeKind {
        self.scope().kind.unwrap_or(ScopeKind::Module)
    }

    /// Gives the instructions emitted until the returned span is restored the span `start..end`, as CPython's
    /// compiler does while it visits a node.
    fn enter_span(&mut self, start: Pos, end: Pos) -> Span {
        let u = self.unit();
        let saved = u.span;
        if start.line > 0 {
            u.span = Span::between(start, end);
        }
        saved
    }

    fn leave_span(&mut self, saved: Span) {
        self.unit().span = saved;
    }

    fn set_line(&mut self, pos: Pos) {
        if pos.line > 0 {
            self.unit().line = pos.line;
        }
    }

    fn emit(&mut self, i: Instr) -> usize {
        let u = self.unit();
        u.depth += stack_effect(&i);
        u.max_depth = u.max_depth.max(u.depth);
        let line = u.line;
        u.code.instrs.push(i);
        u.code.lines.push(line);
        u.code.spans.push(u.span);
        u.code.instrs.len() - 1
    }

    fn here(&mut self) -> usize {
        self.unit().code.instrs.len()
    }

    /// Points the jump at `at` to the current position.
    fn patch(&mut self, at: usize) {
        let target = self.here() as u32;
        self.patch_to(at, target);
    }

    fn patch_to(&mut self, at: usize, target: u32) {
        let code = &mut self.unit().code;
        if let Some(i) = code.instrs.get_mut(at) {
            *i = match *i {
                Instr::Jump(_) => Instr::Jump(target),
                Instr::PopJumpIfFalse(_) => Instr::PopJumpIfFalse(target),
                Instr::PopJumpIfTrue(_) => Instr::PopJumpIfTrue(target),
                Instr::JumpIfFalseOrPop(_) => Instr::JumpIfFalseOrPop(target),
                Instr::JumpIfTrueOrPop(_) => Instr::JumpIfTrueOrPop(target),
                Instr::ForIter(_) => Instr::ForIter(target),
                Instr::YieldFrom(_) => Instr::YieldFrom(target),
                Instr::SetupExcept(_) => Instr::SetupExcept(target),
                Instr::SetupFinally(_) => Instr::SetupFinally(target),
                Instr::SetupWith(_) => Instr::SetupWith(target),
                other => other,
            };
        }
    }

    /// Tells the depth tracker what the stack holds at a jump target reached from elsewhere.
    fn set_depth(&mut self, d: i32) {
        self.unit().depth = d;
    }

    fn depth(&mut self) -> i32 {
        self.unit().depth
    }

    fn const_index(&mut self, v: Value) -> u32 {
        let consts = &mut self.unit().code.consts;
        // Reuse simple constants; identity-bearing ones (code objects) are always fresh.
        let found = consts.iter().position(|c| match (c, &v) {
            (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Str(a), Value::Str(b)) => a == b,
            _ => false,
        });
        match found {
            Some(i) => i as u32,
            None => {
                consts.push(v);
                (consts.len() - 1) as u32
            }
        }
    }

    fn load_const(&mut self, v: Value) {
        let i = self.const_index(v);
        self.emit(Instr::LoadConst(i));
    }

    /// One `Rc` per name, shared by every code object of the compilation and with the runtime's modules:
    /// attribute and global names are dict keys, and a lookup whose key is the very string that stored it
    /// compares pointers instead of bytes (`dict::StrKey`).
    fn intern(&mut self, name: &str) -> Str {
        if let Some(s) = self.names.get(name) {
            return s.clone();
        }
        let hidden = self.hidden;
        let s = RUNTIME_NAMES.with(|t| {
            let mut t = t.borrow_mut();
            if let Some(s) = t.get(name) {
                return s.clone();
            }
            let s: Str = Rc::from(name);
            if hidden {
                t.insert(s.clone());
            }
            s
        });
        self.names.insert(s.clone());
        s
    }

    fn name_index(&mut self, name: &str) -> u32 {
        if let Some(i) = self.unit().code.names.iter().position(|n| &**n == name) {
            return i as u32;
        }
        let s = self.intern(name);
        let names = &mut self.unit().code.names;
        names.push(s);
        (names.len() - 1) as u32
    }

    fn var_index(&mut self, name: &str) -> u32 {
        if let Some(i) = self.unit().code.varnames.iter().position(|n| &**n == name) {
            return i as u32;
        }
        let s = self.intern(name);
        let code = &mut self.unit().code;
        code.varnames.push(s);
        (code.varnames.len() - 1) as u32
    }

    fn deref_index(&mut self, name: &str) -> u32 {
        let code = &self.unit().code;
        if let Some(i) = code.cellvars.iter().position(|n| &**n == name) {
            return i as u32;
        }
        let n = code.cellvars.len();
        code.freevars
            .iter()
            .position(|f| &**f == name)
            .map_or(0, |i| (n + i) as u32)
    }

    /// A name as the scope knows it: `__x` inside a class is `_Class__x` (`symtable::mangle`).
    pub(super) fn mangled(&self, name: &str) -> Str {
        symtable::mangle(self.scope().private.as_ref(), &Rc::from(name))
    }

    /// An attribute name's index, mangled as names are.
    fn attr_index(&mut self, name: &str) -> u32 {
        let name = self.mangled(name);
        self.name_index(&name)
    }

    fn load_name(&mut self, name: &str) {
        let name = &*self.mangled(name);
        match self.scope().place(name) {
            Place::Fast => {
                let i = self.var_index(name);
                self.emit(Instr::LoadFast(i));
            }
            Place::Cell | Place::Free => {
                let i = self.deref_index(name);
                self.emit(Instr::LoadDeref(i));
            }
            Place::Global => {
                let i = self.name_index(name);
                self.emit(Instr::LoadGlobal(i));
            }
            Place::Name => {
                let i = self.name_index(name);
                self.emit(Instr::LoadName(i));
            }
            Place::ClassDeref => {
                let i = self.deref_index(name);
                self.emit(Instr::LoadClassDeref(i));
            }
        }
    }

    fn store_name(&mut self, name: &str) {
        let name = &*self.mangled(name);
        match self.scope().place(name) {
            Place::Fast => {
                let i = self.var_index(name);
                self.emit(Instr::StoreFast(i));
            }
            Place::Cell | Place::Free | Place::ClassDeref => {
                let i = self.deref_index(name);
                self.emit(Instr::StoreDeref(i));
            }
            Place::Global => {
                let i = self.name_index(name);
                self.emit(Instr::StoreGlobal(i));
            }
            Place::Name => {
                let i = self.name_index(name);
                self.emit(Instr::StoreName(i));
            }
        }
    }

    fn delete_name(&mut self, name: &str) {
        let name = &*self.mangled(name);
        match self.scope().place(name) {
            Place::Fast => {
                let i = self.var_index(name);
                self.emit(Instr::DeleteFast(i));
            }
            Place::Cell | Place::Free | Place::ClassDeref => {
                let i = self.deref_index(name);
                self.emit(Instr::DeleteDeref(i));
            }
            Place::Global => {
                let i = self.name_index(name);
                self.emit(Instr::DeleteGlobal(i));
            }
            Place::Name => {
                let i = self.name_index(name);
                self.emit(Instr::DeleteName(i));
            }
        }
    }

    fn in_function(&self) -> bool {
        matches!(self.scope_kind(), ScopeKind::Function | ScopeKind::Comprehension)
    }

    fn qualname(&self, name: &str) -> String {
        // Nested functions read `outer.<locals>.inner`, methods `Class.method`.
        match self.units.last() {
            Some(u) if u.code.kind != CodeKind::Module => {
                let parent = &u.code.qualname;
                if u.code.kind == CodeKind::Class {
                    format!("{parent}.{name}")
                } else {
                    format!("{parent}.<locals>.{name}")
                }
            }
            _ => name.to_string(),
        }
    }

    /// Emits closure cells for a child scope's free variables and returns the MakeFunction flag.
    fn closure_for(&mut self, child: usize) -> u32 {
        let free = self.table.scopes[child].freevars.clone();
        if free.is_empty() {
            return 0;
        }
        for f in &free {
            let i = self.deref_index(f);
            self.emit(Instr::LoadClosure(i));
        }
        self.emit(Instr::BuildTuple(free.len() as u32));
        8
    }

    fn child_scope(&self, key: usize) -> usize {
        self.table.by_node.get(&key).copied().unwrap_or(0)
    }

    fn code_kind(&self, scope: usize, is_async: bool) -> CodeKind {
        let s = &self.table.scopes[scope];
        match (is_async, s.has_yield) {
            (true, true) => CodeKind::AsyncGenerator,
            (true, false) => CodeKind::Coroutine,
            (false, true) => CodeKind::Generator,
            (false, false) => CodeKind::Function,
        }
    }
}

/// How much an instruction changes the stack depth (jumps: along the fall-through path).
fn stack_effect(i: &Instr) -> i32 {
    use Instr::*;
    match *i {
        Nop | Rot(_) | Swap(_) | Jump(_) | Unary(_) | GetIter | GetAwaitable | ListToTuple | PopBlock | PushExcInfo
        | Reraise | SetupAnnotations | GetAIter | Await | YieldValue | DeleteFast(_) | DeleteDeref(_)
        | DeleteGlobal(_) | DeleteName(_) | LoadMethod(_) | SetupExcept(_) | SetupFinally(_) | SetupWith(_)
        | ImportFrom(_) | EndAsyncFor => match *i {
            LoadMethod(_) | ImportFrom(_) => 1,
            EndAsyncFor => -2,
            _ => 0,
        },
        Pop | PopJumpIfFalse(_) | PopJumpIfTrue(_) | JumpIfFalseOrPop(_) | JumpIfTrueOrPop(_) => -1,
        Dup | LoadConst(_) | LoadFast(_) | LoadDeref(_) | LoadClosure(_) | LoadGlobal(_) | LoadName(_)
        | LoadClassDeref(_) | LoadAssertionError | GetANext | ForIter(_) | YieldFrom(_) => 1,
        Dup2 => 2,
        StoreFast(_) | StoreDeref(_) | StoreGlobal(_) | StoreName(_) | DeleteAttr(_) => -1,
        PopExcept => 0,
        LoadAttr(_) | ImportName(_) | FormatValue(0..=3) => 0,
        FormatValue(_) => -1,
        StoreAttr(_) => -2,
        CallMethod(n) => -(n as i32) - 1,
        Subscript => -1,
        StoreSubscript => -3,
        DeleteSubscript => -2,
        BuildSlice(n) => 1 - n as i32,
        Binary(_) | Inplace(_) | Compare(_) => -1,
        BuildList(n) | BuildTuple(n) | BuildSet(n) | BuildString(n) => 1 - n as i32,
        BuildMap(n) => 1 - 2 * n as i32,
        ListAppend(_) | ListExtend(_) | SetAdd(_) | SetUpdate(_) | DictUpdate(_) | DictMerge(_) => -1,
        MapAdd(_) => -2,
        UnpackSequence(n) => n as i32 - 1,
        UnpackEx(a, b) => (a + b) as i32,
        Call(n) => -(n as i32),
        CallKw(n, _) => -(n as i32) - 1,
        CallEx(f) => -1 - (f & 1) as i32,
        MakeFunction(f) => -(((f & 1) + ((f >> 1) & 1) + ((f >> 3) & 1)) as i32),
        BuildClass(n) => -(n as i32) - 2,
        ReturnValue => -1,
        CheckExcMatch => 0,
        CheckEgMatch => 1,
        Raise(n) => -(n as i32),
        WithExceptStart => 1,
        PrepReraiseStar => -1,
        ImportStar => -1,
        MatchSequence | MatchMapping | GetLen | MatchKeys | LoadLocals(_) => 1,
        MatchClass(_) => -2,
        CopyDictWithoutKeys | MroEntry => 0,
    }
}

pub(crate) use err as syntax_err;
