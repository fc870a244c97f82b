//! The interpreter: runs frames on an explicit stack, instruction by instruction, under a budget.

pub mod attr;
pub mod call;
pub mod errors;
pub mod frame;
pub mod gen;
pub mod import;
pub mod ops;
pub mod repr;

use crate::ast::{BinOp, CmpOp, UnaryOp};
use crate::code::{CodeKind, Instr};
use crate::dict::Dict;
use crate::exc::{Exc, ExcType, PyResult};
use crate::trace::{Event, EventKind, TaskId, Time, Trace};
use crate::types::Types;
use crate::value::{Str, Value};
use frame::{Block, Frame, Ret, Thread};
use gen::{GenState, Generator};
use std::cell::RefCell;
use std::rc::Rc;

/// Something the interpreter reports outside the program's own output, as CPython does on stderr.
#[derive(Debug, Clone)]
pub enum Warning {
    NeverAwaited {
        name: String,
    },
    Text(String),
    /// A future or task whose exception nobody retrieved was dropped.
    TaskException {
        exc: Value,
        name: String,
        coro: String,
        line: u32,
        is_task: bool,
    },
}

pub type WarningSink = Rc<RefCell<Vec<Warning>>>;

/// Why a thread stopped running.
#[derive(Debug)]
pub enum Exit {
    /// The bottom frame returned.
    Returned(Value),
    /// An exception left the bottom frame.
    Raised(Value),
    /// The innermost frame awaits a pending future (a native asyncio object).
    Await(Value),
    /// `await asyncio.sleep(0)`: give the other tasks a turn.
    Yield,
    /// The budget is spent; run the thread again to go on.
    Budget,
    /// A native asked the main thread to run the event loop (`run_forever`).
    RunLoop,
    /// A generator driven by a native (`next()`, `send()`) yielded.
    Yielded(Value),
}

/// What a native may ask of the thread that called it, beyond returning a value.
#[derive(Debug, Clone)]
pub enum Control {
    RunLoop,
}

pub struct Vm {
    pub types: Types,
    pub builtins: Rc<RefCell<Dict>>,
    pub modules: Dict,
    pub main_globals: Rc<RefCell<Dict>>,
    pub trace: Trace,
    pub now: Time,
    pub step_cost: Time,
    pub steps: u64,
    pub step_limit: u64,
    pub time_limit: Time,
    pub current_task: TaskId,
    pub stdout: String,
    pub stderr: String,
    pub output_bytes: usize,
    pub max_output: usize,
    pub output_cut: bool,
    pub recursion_limit: usize,
    pub depth: usize,
    pub control: Option<Control>,
    pub warnings: WarningSink,
    pub frame_serial: u64,
    /// How deep Rust code has recursed on the program's behalf (reprs, comparisons, hashes, natives calling
    /// Python): bounded so that nested data or callbacks end in RecursionError, not a blown stack.
    pub cdepth: usize,
    /// While a nested run is on: the step count at which it is stopped.
    pub nested_cap: Option<u64>,
    /// The step count when the current top-level instruction began.
    pub instr_start: u64,
    /// The running thread is blocked (in `time.sleep`) until this time.
    pub blocked_until: Time,
    /// Counts objects that hash by identity, so their hashes are the same on every run.
    pub object_serial: u64,
    pub filename: Str,
    pub max_events: usize,
    /// The source line of the innermost user frame, kept for trace events.
    pub line: u32,
    pub aio: crate::asyncio::Loop,
    pub random: crate::modules::random::RandomState,
    pub seed: u64,
    pub repr_stack: Vec<usize>,
    /// Instances with a user `__eq__` used as dict keys or set members, by hash: an equal key found here is
    /// used in its place, so dicts (which compare keys by identity) honour the user's `__eq__`.
    pub eq_keys: std::collections::HashMap<u64, Vec<std::rc::Weak<crate::value::Instance>>>,
    /// Spare value vectors from finished frames, reused for new ones.
    pub vec_pool: Vec<Vec<Value>>,
    /// The program's source, for traceback lines.
    pub source: Rc<str>,
}

impl Vm {
    pub fn new(config: &crate::session::Config) -> Vm {
        repr::reset_addresses();
        let types = Types::new();
        let mut vm = Vm {
            builtins: Rc::new(RefCell::new(Dict::new())),
            modules: Dict::new(),
            main_globals: Rc::new(RefCell::new(Dict::new())),
            trace: Trace::default(),
            now: 0,
            step_cost: config.step_cost,
            steps: 0,
            step_limit: u64::MAX,
            time_limit: Time::MAX,
            current_task: 0,
            stdout: String::new(),
            stderr: String::new(),
            output_bytes: 0,
            max_output: config.max_output_bytes,
            output_cut: false,
            recursion_limit: config.recursion_limit as usize,
            depth: 0,
            control: None,
            warnings: Rc::new(RefCell::new(Vec::new())),
            frame_serial: 0,
            blocked_until: 0,
            cdepth: 0,
            nested_cap: None,
            instr_start: 0,
            object_serial: 0,
            filename: Rc::from(config.filename.as_str()),
            max_events: config.max_events,
            line: 0,
            aio: crate::asyncio::Loop::default(),
            random: crate::modules::random::RandomState::new(config.seed),
            seed: config.seed,
            repr_stack: Vec::new(),
            vec_pool: Vec::new(),
            eq_keys: std::collections::HashMap::new(),
            source: Rc::from(""),
            types,
        };
        crate::builtins::install(&mut vm);
        gen::install(&mut vm);
        errors::install(&mut vm);
        attr::install(&mut vm);
        vm.trace.tasks.push(crate::trace::TaskInfo {
            name: "main".into(),
            coro: "<module>".into(),
            parent: 0,
            created_line: 0,
            internal: false,
        });
        vm
    }

    pub fn event(&mut self, task: TaskId, kind: EventKind) {
        if self.trace.events.len() < self.max_events {
            self.trace.events.push(Event {
                at: self.now,
                task,
                line: self.line,
                kind,
            });
        }
    }

    pub fn text(&mut self, s: String) -> u32 {
        self.trace.texts.push(s);
        (self.trace.texts.len() - 1) as u32
    }

    /// Writes program output, cutting it with a note past the limit.
    pub fn write(&mut self, stream: crate::trace::Stream, s: &str) {
        if s.is_empty() {
            return;
        }
        if self.output_bytes + s.len() > self.max_output {
            if !self.output_cut {
                self.output_cut = true;
                let note = "\n[Interleave: output limit reached; further output is not shown]\n";
                self.stderr.push_str(note);
                let t = self.text(note.into());
                let task = self.current_task;
                self.event(
                    task,
                    EventKind::Print {
                        stream: crate::trace::Stream::Stderr,
                        text: t,
                    },
                );
            }
            return;
        }
        self.output_bytes += s.len();
        match stream {
            crate::trace::Stream::Stdout => self.stdout.push_str(s),
            crate::trace::Stream::Stderr => self.stderr.push_str(s),
        }
        let t = self.text(s.to_string());
        let task = self.current_task;
        self.event(task, EventKind::Print { stream, text: t });
    }

    pub fn new_frame(&mut self, code: Rc<crate::code::Code>, globals: Rc<RefCell<Dict>>, ret: Ret) -> Frame {
        self.frame_serial += 1;
        let nlocals = code.varnames.len();
        let ncells = code.cellvars.len() + code.freevars.len();
        let mut stack = self.vec_pool.pop().unwrap_or_default();
        stack.reserve(code.stacksize as usize);
        let mut locals = self.vec_pool.pop().unwrap_or_default();
        locals.resize(nlocals, Value::Null);
        Frame {
            stack,
            locals,
            cells: Vec::with_capacity(ncells),
            blocks: Vec::new(),
            pc: 0,
            globals,
            ns: None,
            ret,
            gen: None,
            serial: self.frame_serial,
            code,
        }
    }

    /// Runs a thread until its bottom frame returns or raises, it suspends, or the budget is spent.
    pub fn run(&mut self, th: &mut Thread) -> Exit {
        let base = self.depth;
        self.depth += th.frames.len();
        let exit = self.run_loop(th);
        self.depth = base;
        exit
    }

    fn run_loop(&mut self, th: &mut Thread) -> Exit {
        loop {
            if !self.warnings.borrow().is_empty() {
                // (The borrow check is a flag read; drops that warn are rare.)
                // Report where the object was dropped, as CPython does.
                self.line = self.line_of(th);
                self.flush_warnings();
            }
            let step = self.dispatch(th);
            match step {
                Ok(None) => {}
                Ok(Some(exit)) => return exit,
                Err(exc) => {
                    let exc = self.materialize(exc);
                    self.chain_context(th, &exc);
                    if let Some(exit) = self.unwind(th, exc) {
                        return exit;
                    }
                }
            }
        }
    }

    /// Raises `exc` at the current instruction of the thread's top frame (throwing into a suspended task).
    pub fn throw(&mut self, th: &mut Thread, exc: Value) -> Option<Exit> {
        let base = self.depth;
        self.depth += th.frames.len();
        let r = self.unwind(th, exc);
        self.depth = base;
        r
    }

    /// Finds a handler for `exc`, popping frames; returns an exit when the thread's bottom frame is left.
    fn unwind(&mut self, th: &mut Thread, mut exc: Value) -> Option<Exit> {
        loop {
            let Some(frame) = th.frames.last_mut() else {
                return Some(Exit::Raised(exc));
            };
            if !frame.code.hidden {
                let line = frame.line();
                let entry = crate::exc::TbEntry {
                    frame: frame.serial,
                    filename: frame.code.filename.clone(),
                    line,
                    name: frame.code.name.clone(),
                };
                self.add_traceback(&exc, entry);
            }
            let mut handler_at = None;
            while let Some(b) = frame.blocks.pop() {
                match b {
                    Block::Handler { handler, level } => {
                        handler_at = Some((handler, level));
                        break;
                    }
                    Block::Handling { exc_depth } => th.exc_stack.truncate(exc_depth as usize),
                }
            }
            if let Some((handler, level)) = handler_at {
                frame.stack.truncate(level as usize);
                frame.stack.push(exc);
                frame.pc = handler as usize;
                return None;
            }
            let Some(done) = th.frames.pop() else {
                return Some(Exit::Raised(exc));
            };
            self.depth = self.depth.saturating_sub(1);
            if let Some(g) = &done.gen {
                g.state.set(GenState::Finished);
            }
            exc = match (&done.ret, &done.gen) {
                // A StopIteration escaping a generator becomes a RuntimeError (PEP 479).
                (_, Some(g)) if self.exc_is(&exc, ExcType::StopIteration) && g.kind != CodeKind::Function => {
                    let msg = format!("{} raised StopIteration", g.kind_name());
                    let new = self.materialize(Exc::runtime(msg));
                    self.set_cause(&new, &exc);
                    new
                }
                _ => exc,
            };
            if let Ret::Import(Value::Module(m)) = &done.ret {
                // A module whose body failed is not left half-made in the cache.
                let name = m.name.clone();
                self.modules.remove_str(&name);
            }
            if matches!(done.ret, Ret::AClose)
                && (self.exc_is(&exc, ExcType::GeneratorExit) || self.exc_is(&exc, ExcType::StopAsyncIteration))
            {
                push(th, Value::None);
                return None;
            }
            if th.frames.is_empty() || matches!(done.ret, Ret::Exit) {
                return Some(Exit::Raised(exc));
            }
            let _ = done;
            // Continue unwinding in the caller, as if the call instruction raised.
        }
    }

    fn line_of(&self, th: &Thread) -> u32 {
        th.frames.iter().rev().find(|f| !f.code.hidden).map_or(0, |f| f.line())
    }

    /// Executes one instruction. `Ok(Some(exit))` leaves the thread.
    #[inline]
    fn dispatch(&mut self, th: &mut Thread) -> PyResult<Option<Exit>> {
        if self.steps >= self.step_limit || self.now >= self.time_limit {
            return Ok(Some(Exit::Budget));
        }
        if self.nested_cap.is_none() {
            self.instr_start = self.steps;
        }
        if self.blocked_until > self.now {
            // A blocking call (time.sleep) holds the thread: the clock moves, within the budget.
            if self.blocked_until > self.time_limit {
                self.now = self.time_limit;
                return Ok(Some(Exit::Budget));
            }
            self.now = self.blocked_until;
        }
        self.steps += 1;
        self.now += self.step_cost;
        let Some(f) = th.frames.last_mut() else {
            return Ok(Some(Exit::Returned(Value::None)));
        };
        let Some(&instr) = f.code.instrs.get(f.pc) else {
            return Err(Exc::runtime("internal error: ran past the end of the code"));
        };
        f.pc += 1;
        match instr {
            Instr::Nop | Instr::SetupAnnotations => {}
            Instr::Pop => {
                f.stack.pop();
            }
            Instr::Dup => {
                let v = top(f)?.clone();
                f.stack.push(v);
            }
            Instr::Dup2 => {
                let n = f.stack.len();
                if n < 2 {
                    return Err(stack_err());
                }
                let a = f.stack[n - 2].clone();
                let b = f.stack[n - 1].clone();
                f.stack.push(a);
                f.stack.push(b);
            }
            Instr::Swap(n) => {
                let len = f.stack.len();
                let n = n as usize;
                if len <= n {
                    return Err(stack_err());
                }
                f.stack.swap(len - 1, len - 1 - n);
            }
            Instr::Rot(n) => {
                let len = f.stack.len();
                let n = n as usize;
                if len <= n {
                    return Err(stack_err());
                }
                let v = f.stack.pop().unwrap_or_default();
                f.stack.insert(len - 1 - n, v);
            }
            Instr::LoadConst(i) => {
                let v = f.code.consts.get(i as usize).cloned().unwrap_or_default();
                f.stack.push(v);
            }
            Instr::LoadFast(i) => {
                let v = f.locals.get(i as usize).cloned().unwrap_or(Value::Null);
                if let Value::Null = v {
                    let name = f
                        .code
                        .varnames
                        .get(i as usize)
                        .cloned()
                        .unwrap_or_else(|| Rc::from("?"));
                    return Err(Exc::new(
                        ExcType::UnboundLocalError,
                        format!("cannot access local variable '{name}' where it is not associated with a value"),
                    ));
                }
                f.stack.push(v);
            }
            Instr::StoreFast(i) => {
                let v = pop(f)?;
                if let Some(slot) = f.locals.get_mut(i as usize) {
                    *slot = v;
                }
            }
            Instr::DeleteFast(i) => {
                if let Some(slot) = f.locals.get_mut(i as usize) {
                    if let Value::Null = slot {
                        let name = f
                            .code
                            .varnames
                            .get(i as usize)
                            .cloned()
                            .unwrap_or_else(|| Rc::from("?"));
                        return Err(Exc::new(
                            ExcType::UnboundLocalError,
                            format!("cannot access local variable '{name}' where it is not associated with a value"),
                        ));
                    }
                    *slot = Value::Null;
                }
            }
            Instr::LoadDeref(i) | Instr::LoadClassDeref(i) => {
                if let Instr::LoadClassDeref(_) = instr {
                    let name = deref_name(f, i);
                    if let Some(ns) = &f.ns {
                        if let Some(v) = ns.borrow().get_rc(&name) {
                            let v = v.clone();
                            f.stack.push(v);
                            return Ok(None);
                        }
                    }
                }
                let v = f
                    .cells
                    .get(i as usize)
                    .map(|c| c.borrow().clone())
                    .unwrap_or(Value::Null);
                if let Value::Null = v {
                    let name = deref_name(f, i);
                    return Err(Exc::new(
                        ExcType::NameError,
                        format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
                    ));
                }
                f.stack.push(v);
            }
            Instr::StoreDeref(i) => {
                let v = pop(f)?;
                if let Some(c) = f.cells.get(i as usize) {
                    *c.borrow_mut() = v;
                }
            }
            Instr::DeleteDeref(i) => {
                if let Some(c) = f.cells.get(i as usize) {
                    *c.borrow_mut() = Value::Null;
                }
            }
            Instr::LoadClosure(i) => {
                let c = f.cells.get(i as usize).cloned().unwrap_or_default();
                f.stack.push(Value::Cell(c));
            }
            Instr::LoadGlobal(i) => {
                let (name, hash) = (&f.code.names[i as usize], f.code.name_hashes[i as usize]);
                let v = f.globals.borrow().get_hashed(name, hash).cloned();
                let v = match v {
                    Some(v) => v,
                    None => {
                        let b = self.builtins.borrow().get_hashed(name, hash).cloned();
                        match b {
                            Some(v) => v,
                            None => {
                                let name = name.clone();
                                return Err(self.name_error_hint(th, &name));
                            }
                        }
                    }
                };
                f.stack.push(v);
            }
            Instr::StoreGlobal(i) => {
                let v = pop(f)?;
                let (name, hash) = (&f.code.names[i as usize], f.code.name_hashes[i as usize]);
                let mut g = f.globals.borrow_mut();
                match g.map.get_index_of(&crate::dict::StrKey { hash, s: name }) {
                    Some(idx) => {
                        if let Some((_, slot)) = g.map.get_index_mut(idx) {
                            *slot = v;
                        }
                    }
                    None => g.set_rc(name.clone(), v),
                }
            }
            Instr::DeleteGlobal(i) => {
                let name = f.code.names[i as usize].clone();
                if f.globals.borrow_mut().remove_str(&name).is_none() {
                    return Err(name_error(&name));
                }
            }
            Instr::LoadName(i) => {
                let name = f.code.names[i as usize].clone();
                let mut found = f.ns.as_ref().and_then(|ns| ns.borrow().get_rc(&name).cloned());
                if found.is_none() {
                    found = f.globals.borrow().get_rc(&name).cloned();
                }
                if found.is_none() {
                    found = self.builtins.borrow().get_rc(&name).cloned();
                }
                match found {
                    Some(v) => f.stack.push(v),
                    None => return Err(self.name_error_hint(th, &name)),
                }
            }
            Instr::StoreName(i) => {
                let name = f.code.names[i as usize].clone();
                let v = pop(f)?;
                match &f.ns {
                    Some(ns) => ns.borrow_mut().set_rc(name, v),
                    None => f.globals.borrow_mut().set_rc(name, v),
                }
            }
            Instr::DeleteName(i) => {
                let name = f.code.names[i as usize].clone();
                let removed = match &f.ns {
                    Some(ns) => ns.borrow_mut().remove_str(&name),
                    None => f.globals.borrow_mut().remove_str(&name),
                };
                if removed.is_none() {
                    return Err(name_error(&name));
                }
            }
            Instr::LoadAttr(i) => {
                let name = f.code.names[i as usize].clone();
                let obj = pop(f)?;
                if !f.code.hidden {
                    self.line = f.line();
                }
                let v = self.getattr(&obj, &name)?;
                push(th, v);
            }
            Instr::StoreAttr(i) => {
                let name = f.code.names[i as usize].clone();
                let obj = pop(f)?;
                let v = pop(f)?;
                self.setattr(&obj, &name, v)?;
            }
            Instr::DeleteAttr(i) => {
                let name = f.code.names[i as usize].clone();
                let obj = pop(f)?;
                self.delattr(&obj, &name)?;
            }
            Instr::LoadMethod(i) => {
                let name = f.code.names[i as usize].clone();
                let obj = pop(f)?;
                let (a, b) = self.load_method(obj, &name)?;
                let f = frame(th)?;
                f.stack.push(a);
                f.stack.push(b);
            }
            Instr::CallMethod(n) => {
                let n = n as usize;
                let len = f.stack.len();
                if len < n + 2 {
                    return Err(stack_err());
                }
                let mut args: Vec<Value> = f.stack.split_off(len - n);
                let recv = pop(f)?;
                let func = pop(f)?;
                if !matches!(recv, Value::Null) {
                    args.insert(0, recv);
                }
                if !f.code.hidden {
                    self.line = f.line();
                }
                return self.call_into(th, func, args, Vec::new());
            }
            Instr::Call(n) => {
                let n = n as usize;
                let len = f.stack.len();
                if len < n + 1 {
                    return Err(stack_err());
                }
                let args: Vec<Value> = f.stack.split_off(len - n);
                let func = pop(f)?;
                if !f.code.hidden {
                    self.line = f.line();
                }
                return self.call_into(th, func, args, Vec::new());
            }
            Instr::CallKw(n, names) => {
                let names = match f.code.consts.get(names as usize) {
                    Some(Value::Tuple(t)) => t.clone(),
                    _ => return Err(stack_err()),
                };
                let n = n as usize;
                let len = f.stack.len();
                if len < n + 1 || names.len() > n {
                    return Err(stack_err());
                }
                let mut args: Vec<Value> = f.stack.split_off(len - n);
                let kwvals = args.split_off(n - names.len());
                let func = pop(f)?;
                let kwargs = names
                    .iter()
                    .zip(kwvals)
                    .map(|(k, v)| match k {
                        Value::Str(s) => (s.clone(), v),
                        _ => (Rc::from(""), v),
                    })
                    .collect();
                if !f.code.hidden {
                    self.line = f.line();
                }
                return self.call_into(th, func, args, kwargs);
            }
            Instr::CallEx(flags) => {
                let kwargs = if flags & 1 != 0 { Some(pop(f)?) } else { None };
                let args = pop(f)?;
                let func = pop(f)?;
                if !f.code.hidden {
                    self.line = f.line();
                }
                let args = match args {
                    Value::Tuple(t) => t.to_vec(),
                    other => self.collect(&other)?,
                };
                let mut kw = Vec::new();
                if let Some(Value::Dict(d)) = kwargs {
                    for (k, v) in d.borrow().items() {
                        match k {
                            Value::Str(s) => kw.push((s.clone(), v.clone())),
                            _ => return Err(Exc::type_error("keywords must be strings")),
                        }
                    }
                }
                return self.call_into(th, func, args, kw);
            }
            Instr::Subscript => {
                let idx = pop(f)?;
                let obj = pop(f)?;
                if !f.code.hidden {
                    self.line = f.line();
                }
                let v = self.getitem(&obj, &idx)?;
                push(th, v);
            }
            Instr::StoreSubscript => {
                let idx = pop(f)?;
                let obj = pop(f)?;
                let v = pop(f)?;
                self.setitem(&obj, idx, v)?;
            }
            Instr::DeleteSubscript => {
                let idx = pop(f)?;
                let obj = pop(f)?;
                self.delitem(&obj, &idx)?;
            }
            Instr::BuildSlice(n) => {
                let step = if n == 3 { pop(f)? } else { Value::None };
                let stop = pop(f)?;
                let start = pop(f)?;
                f.stack.push(Value::Slice(Rc::new([start, stop, step])));
            }
            Instr::Binary(op) | Instr::Inplace(op) => {
                let b = pop(f)?;
                let a = pop(f)?;
                let fast = match (&a, &b) {
                    (Value::Int(x), Value::Int(y)) => int_fast(op, *x, *y),
                    _ => None,
                };
                let v = match fast {
                    Some(v) => Value::Int(v),
                    None => {
                        if !f.code.hidden {
                            self.line = f.line();
                        }
                        self.binary(op, &a, &b, matches!(instr, Instr::Inplace(_)))?
                    }
                };
                push(th, v);
            }
            Instr::Unary(op) => {
                let a = pop(f)?;
                let v = match op {
                    UnaryOp::Not => Value::Bool(!self.truthy(&a)?),
                    _ => self.unary(op, &a)?,
                };
                push(th, v);
            }
            Instr::Compare(op) => {
                let b = pop(f)?;
                let a = pop(f)?;
                let v = match (&a, &b) {
                    (Value::Int(x), Value::Int(y)) => Value::Bool(match op {
                        CmpOp::Lt => x < y,
                        CmpOp::LtE => x <= y,
                        CmpOp::Gt => x > y,
                        CmpOp::GtE => x >= y,
                        CmpOp::Eq | CmpOp::Is => x == y,
                        CmpOp::NotEq | CmpOp::IsNot => x != y,
                        _ => {
                            if !f.code.hidden {
                                self.line = f.line();
                            }
                            return self.compare_push(th, op, a, b);
                        }
                    }),
                    _ => {
                        if !f.code.hidden {
                            self.line = f.line();
                        }
                        return self.compare_push(th, op, a, b);
                    }
                };
                f.stack.push(v);
            }
            Instr::BuildList(n) => {
                let items = split(f, n)?;
                f.stack.push(Value::list(items));
            }
            Instr::BuildTuple(n) => {
                let items = split(f, n)?;
                f.stack.push(Value::tuple(items));
            }
            Instr::BuildSet(n) => {
                let items = split(f, n)?;
                let s = self.make_set(items)?;
                push(th, s);
            }
            Instr::BuildMap(n) => {
                let items = split(f, 2 * n)?;
                let mut d = Dict::new();
                let mut it = items.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    let hk = self.hkey(k)?;
                    d.insert(hk, v);
                }
                push(th, Value::dict(d));
            }
            Instr::BuildString(n) => {
                let items = split(f, n)?;
                let mut s = String::new();
                for it in &items {
                    if let Value::Str(p) = it {
                        s.push_str(p);
                    }
                }
                f.stack.push(Value::Str(Rc::from(s)));
            }
            Instr::ListAppend(n) | Instr::SetAdd(n) | Instr::ListExtend(n) | Instr::SetUpdate(n) => {
                let v = pop(f)?;
                let target = peek(f, n as usize - 1)?;
                match (instr, target) {
                    (Instr::ListAppend(_), Value::List(l)) => l.borrow_mut().push(v),
                    (Instr::ListExtend(_), Value::List(l)) => {
                        let items = self.collect(&v)?;
                        l.borrow_mut().extend(items);
                    }
                    (Instr::SetAdd(_), Value::Set(s)) => {
                        let k = self.hkey(v)?;
                        s.borrow_mut().insert(k);
                    }
                    (Instr::SetUpdate(_), Value::Set(s)) => {
                        for item in self.collect(&v)? {
                            let k = self.hkey(item)?;
                            s.borrow_mut().insert(k);
                        }
                    }
                    _ => return Err(stack_err()),
                }
            }
            Instr::MapAdd(n) => {
                let v = pop(f)?;
                let k = pop(f)?;
                let target = peek(f, n as usize - 1)?;
                if let Value::Dict(d) = target {
                    let hk = self.hkey(k)?;
                    d.borrow_mut().insert(hk, v);
                }
            }
            Instr::DictUpdate(n) => {
                let v = pop(f)?;
                let target = peek(f, n as usize - 1)?;
                if let Value::Dict(d) = target {
                    self.dict_update(&d, &v)?;
                }
            }
            Instr::ListToTuple => {
                let v = pop(f)?;
                let t = match v {
                    Value::List(l) => Value::tuple(l.borrow().clone()),
                    other => other,
                };
                f.stack.push(t);
            }
            Instr::FormatValue(flags) => {
                let spec = if flags & 4 != 0 { Some(pop(f)?) } else { None };
                let v = pop(f)?;
                if !f.code.hidden {
                    self.line = f.line();
                }
                let v = match flags & 3 {
                    1 => Value::Str(self.to_str(&v)?),
                    2 => Value::Str(self.repr(&v)?),
                    3 => Value::Str(Rc::from(self.ascii(&v)?)),
                    _ => v,
                };
                let spec = match &spec {
                    Some(Value::Str(s)) => s.clone(),
                    _ => Rc::from(""),
                };
                let s = match (&v, spec.is_empty()) {
                    (Value::Str(s), true) => s.clone(),
                    _ => self.format(&v, &spec)?,
                };
                push(th, Value::Str(s));
            }
            Instr::UnpackSequence(n) => {
                let v = pop(f)?;
                let items = match &v {
                    Value::Tuple(t) => t.to_vec(),
                    Value::List(l) => l.borrow().clone(),
                    _ => self.unpack_items(&v)?,
                };
                if items.len() != n as usize {
                    return Err(if items.len() < n as usize {
                        Exc::value_error(format!(
                            "not enough values to unpack (expected {}, got {})",
                            n,
                            items.len()
                        ))
                    } else {
                        Exc::value_error(format!("too many values to unpack (expected {n})"))
                    });
                }
                let f = frame(th)?;
                f.stack.extend(items.into_iter().rev());
            }
            Instr::UnpackEx(before, after) => {
                let v = pop(f)?;
                let mut items = self.unpack_items(&v)?;
                let (before, after) = (before as usize, after as usize);
                if items.len() < before + after {
                    return Err(Exc::value_error(format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        before + after,
                        items.len()
                    )));
                }
                let tail = items.split_off(items.len() - after);
                let middle = items.split_off(before);
                let f = frame(th)?;
                for t in tail.into_iter().rev() {
                    f.stack.push(t);
                }
                f.stack.push(Value::list(middle));
                for b in items.into_iter().rev() {
                    f.stack.push(b);
                }
            }
            Instr::Jump(t) => f.pc = t as usize,
            Instr::PopJumpIfFalse(t) | Instr::PopJumpIfTrue(t) => {
                let v = pop(f)?;
                let b = match v {
                    Value::Bool(b) => b,
                    _ => self.truthy(&v)?,
                };
                let f = frame(th)?;
                if b == matches!(instr, Instr::PopJumpIfTrue(_)) {
                    f.pc = t as usize;
                }
            }
            Instr::JumpIfFalseOrPop(t) | Instr::JumpIfTrueOrPop(t) => {
                let v = top(f)?.clone();
                let b = self.truthy(&v)?;
                let f = frame(th)?;
                if b == matches!(instr, Instr::JumpIfTrueOrPop(_)) {
                    f.pc = t as usize;
                } else {
                    f.stack.pop();
                }
            }
            Instr::GetIter => {
                let v = pop(f)?;
                let it = self.iter(&v)?;
                push(th, it);
            }
            Instr::ForIter(target) => {
                let it = top(f)?.clone();
                return self.for_iter(th, it, target);
            }
            Instr::YieldFrom(target) => {
                let it = top(f)?.clone();
                if let Value::Gen(g) = &it {
                    if g.kind == CodeKind::Generator && g.state.get() != GenState::Finished {
                        self.push_gen(th, g, Value::None, Ret::YieldFrom)?;
                        return Ok(None);
                    }
                }
                match self.next(&it)? {
                    Some(v) => push(th, v),
                    None => {
                        let f = frame(th)?;
                        f.stack.pop();
                        f.stack.push(Value::None);
                        f.pc = target as usize;
                    }
                }
            }
            Instr::MakeFunction(flags) => {
                let code = match pop(f)? {
                    Value::Code(c) => c,
                    _ => return Err(stack_err()),
                };
                let closure = if flags & 8 != 0 { Some(pop(f)?) } else { None };
                let kwdefaults = if flags & 2 != 0 { Some(pop(f)?) } else { None };
                let defaults = if flags & 1 != 0 { Some(pop(f)?) } else { None };
                let globals = f.globals.clone();
                let func = self.make_function(code, globals, defaults, kwdefaults, closure);
                push(th, func);
            }
            Instr::BuildClass(nbases) => {
                let kwargs = pop(f)?;
                let bases = split(f, nbases)?;
                let name = pop(f)?;
                let body = pop(f)?;
                if !f.code.hidden {
                    self.line = f.line();
                }
                return self.build_class(th, body, name, bases, kwargs);
            }
            Instr::ReturnValue => {
                let v = pop(f)?;
                return self.do_return(th, v);
            }
            Instr::YieldValue => {
                let v = pop(f)?;
                return self.do_yield(th, v);
            }
            Instr::GetAwaitable => {
                let v = pop(f)?;
                let a = self.get_awaitable(v)?;
                push(th, a);
            }
            Instr::Await => {
                let v = pop(f)?;
                self.line = self.line_of(th);
                return self.await_value(th, v);
            }
            Instr::GetAIter => {
                let v = pop(f)?;
                let it = self.aiter(&v)?;
                push(th, it);
            }
            Instr::GetANext => {
                let it = top(f)?.clone();
                let a = self.anext(&it)?;
                push(th, a);
            }
            Instr::EndAsyncFor => {
                let exc = pop(f)?;
                if self.exc_is(&exc, ExcType::StopAsyncIteration) {
                    f.stack.pop();
                } else {
                    return Err(Exc::Raised(exc));
                }
            }
            Instr::SetupExcept(h) | Instr::SetupFinally(h) => {
                let level = f.stack.len() as u32;
                f.blocks.push(Block::Handler { handler: h, level });
            }
            Instr::SetupWith(h) => {
                let level = f.stack.len().saturating_sub(1) as u32;
                f.blocks.push(Block::Handler { handler: h, level });
            }
            Instr::PopBlock => {
                f.blocks.pop();
            }
            Instr::PushExcInfo => {
                let exc = top(f)?.clone();
                let depth = th.exc_stack.len() as u32;
                if let Some(f) = th.frames.last_mut() {
                    f.blocks.push(Block::Handling { exc_depth: depth });
                }
                th.exc_stack.push(exc);
            }
            Instr::PopExcept => {
                if let Some(Block::Handling { exc_depth }) = f.blocks.pop() {
                    th.exc_stack.truncate(exc_depth as usize);
                }
            }
            Instr::CheckExcMatch => {
                let typ = pop(f)?;
                let exc = top(f)?.clone();
                let m = self.exc_matches(&exc, &typ)?;
                push(th, Value::Bool(m));
            }
            Instr::CheckEgMatch => {
                let typ = pop(f)?;
                let group = pop(f)?;
                let (rest, matched) = self.split_group(&group, &typ)?;
                let f = frame(th)?;
                f.stack.push(rest);
                f.stack.push(matched);
            }
            Instr::PrepReraiseStar => {
                let rest = pop(f)?;
                // The original group sits under it; drop it.
                f.stack.pop();
                if !rest.is_none() {
                    return Err(Exc::Raised(rest));
                }
                f.stack.push(Value::None);
            }
            Instr::Reraise => {
                let exc = pop(f)?;
                return Err(Exc::Raised(exc));
            }
            Instr::Raise(n) => {
                if !f.code.hidden {
                    self.line = f.line();
                }
                return Err(self.do_raise(th, n));
            }
            Instr::WithExceptStart => {
                let exc = top(f)?.clone();
                let len = f.stack.len();
                let exit = f.stack.get(len.wrapping_sub(2)).cloned().ok_or_else(stack_err)?;
                let typ = self.type_of(&exc);
                return self.call_into(th, exit, vec![typ, exc, Value::None], Vec::new());
            }
            Instr::LoadAssertionError => {
                let c = self.types.exc(ExcType::AssertionError);
                f.stack.push(Value::Class(c));
            }
            Instr::ImportName(i) => {
                let name = f.code.names[i as usize].clone();
                if !f.code.hidden {
                    self.line = f.line();
                }
                if let Some(m) = self.import_into(th, &name)? {
                    push(th, m);
                }
            }
            Instr::ImportFrom(i) => {
                let name = f.code.names[i as usize].clone();
                let m = top(f)?.clone();
                let v = match self.getattr(&m, &name) {
                    Ok(v) => v,
                    Err(_) => {
                        let mname = match &m {
                            Value::Module(m) => m.name.to_string(),
                            _ => "?".into(),
                        };
                        let e = self.materialize(Exc::new(
                            ExcType::ImportError,
                            format!("cannot import name '{name}' from '{mname}' (unknown location)"),
                        ));
                        if let Value::Instance(i) = &e {
                            i.dict.borrow_mut().set_str("name", Value::str(&mname));
                            i.dict.borrow_mut().set_str("path", Value::None);
                        }
                        return Err(Exc::Raised(e));
                    }
                };
                push(th, v);
            }
            Instr::ImportStar => {
                let m = pop(f)?;
                if let Value::Module(m) = m {
                    let items: Vec<(Value, Value)> =
                        m.dict.borrow().items().map(|(k, v)| (k.clone(), v.clone())).collect();
                    let f = frame(th)?;
                    let ns = f.ns.clone().unwrap_or_else(|| f.globals.clone());
                    for (k, v) in items {
                        if let Value::Str(s) = &k {
                            if !s.starts_with('_') {
                                ns.borrow_mut().set_rc(s.clone(), v);
                            }
                        }
                    }
                }
            }
        }
        Ok(None)
    }

    fn unpack_items(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match self.collect(v) {
            Err(e) if self.exc_kind_is(&e, ExcType::TypeError) && self.iter(v).is_err() => Err(Exc::type_error(
                format!("cannot unpack non-iterable {} object", self.type_name(v)),
            )),
            r => r,
        }
    }

    fn compare_push(&mut self, th: &mut Thread, op: CmpOp, a: Value, b: Value) -> PyResult<Option<Exit>> {
        let v = self.compare(op, &a, &b)?;
        push(th, v);
        Ok(None)
    }

    /// Keeps a finished frame's vectors for the next call.
    fn recycle(&mut self, f: &mut Frame) {
        if self.vec_pool.len() < 64 {
            let mut a = std::mem::take(&mut f.stack);
            a.clear();
            let mut b = std::mem::take(&mut f.locals);
            b.clear();
            self.vec_pool.push(a);
            self.vec_pool.push(b);
        }
    }

    /// Returns from the top frame into whatever called it.
    fn do_return(&mut self, th: &mut Thread, v: Value) -> PyResult<Option<Exit>> {
        let Some(mut done) = th.frames.pop() else {
            return Ok(Some(Exit::Returned(v)));
        };
        if done.ns.is_none() {
            self.recycle(&mut done);
        }
        self.depth = self.depth.saturating_sub(1);
        if let Some(g) = &done.gen {
            g.state.set(GenState::Finished);
        }
        match done.ret {
            Ret::Exit => Ok(Some(Exit::Returned(v))),
            Ret::Import(m) => {
                push(th, m);
                Ok(None)
            }
            Ret::Push | Ret::Await => {
                push(th, v);
                Ok(None)
            }
            Ret::Init(inst) => {
                if !v.is_none() {
                    return Err(Exc::type_error(format!(
                        "__init__() should return None, not '{}'",
                        self.type_name(&v)
                    )));
                }
                push(th, inst);
                Ok(None)
            }
            Ret::Class(header) => {
                let frame::ClassHeader { name, bases, kwargs } = *header;
                let ns = done.ns.clone().unwrap_or_default();
                let class_cell = done
                    .code
                    .cellvars
                    .iter()
                    .position(|c| &**c == "__class__")
                    .and_then(|i| done.cells.get(i).cloned());
                let cls = self.make_class(name, bases, ns, kwargs)?;
                if let Some(cell) = class_cell {
                    *cell.borrow_mut() = cls.clone();
                }
                push(th, cls);
                Ok(None)
            }
            Ret::ForIter => {
                // The generator is exhausted: pop it and jump past the loop.
                let f = frame(th)?;
                f.stack.pop();
                if let Some(Instr::ForIter(t)) = f.code.instrs.get(f.pc.wrapping_sub(1)) {
                    f.pc = *t as usize;
                }
                Ok(None)
            }
            Ret::YieldFrom => {
                let f = frame(th)?;
                f.stack.pop();
                f.stack.push(v);
                if let Some(Instr::YieldFrom(t)) = f.code.instrs.get(f.pc.wrapping_sub(1)) {
                    f.pc = *t as usize;
                }
                Ok(None)
            }
            Ret::ANext => Err(Exc::Args(ExcType::StopAsyncIteration, vec![])),
            Ret::AClose => {
                push(th, Value::None);
                Ok(None)
            }
            Ret::Send => {
                if th.frames.is_empty() {
                    return Ok(Some(Exit::Returned(v)));
                }
                Err(Exc::Args(
                    ExcType::StopIteration,
                    if v.is_none() { vec![] } else { vec![v] },
                ))
            }
        }
    }

    /// Suspends the top (generator) frame back into its generator and hands the value to the caller.
    fn do_yield(&mut self, th: &mut Thread, v: Value) -> PyResult<Option<Exit>> {
        let Some(mut done) = th.frames.pop() else {
            return Err(stack_err());
        };
        self.depth = self.depth.saturating_sub(1);
        let ret = std::mem::replace(&mut done.ret, Ret::Push);
        let Some(g) = done.gen.take() else {
            return Err(Exc::runtime("yield outside a generator frame"));
        };
        g.state.set(GenState::Suspended);
        *g.frame.borrow_mut() = Some(Box::new(done));
        match ret {
            Ret::Exit | Ret::Send if th.frames.is_empty() => Ok(Some(Exit::Yielded(v))),
            Ret::AClose => Err(Exc::runtime("async generator ignored GeneratorExit")),
            _ => {
                push(th, v);
                Ok(None)
            }
        }
    }

    /// Resumes a generator's frame on top of the thread.
    pub fn push_gen(&mut self, th: &mut Thread, g: &Rc<Generator>, send: Value, ret: Ret) -> PyResult<()> {
        match g.state.get() {
            GenState::Running => {
                return Err(Exc::value_error(format!("{} already executing", g.kind_name())));
            }
            GenState::Finished => {
                return Err(match g.kind {
                    CodeKind::Coroutine => Exc::runtime("cannot reuse already awaited coroutine"),
                    CodeKind::AsyncGenerator => Exc::Args(ExcType::StopAsyncIteration, vec![]),
                    _ => Exc::stop_iteration(),
                });
            }
            GenState::Created if !send.is_none() => {
                return Err(Exc::type_error(format!(
                    "can't send non-None value to a just-started {}",
                    g.kind_name()
                )));
            }
            _ => {}
        }
        let Some(mut f) = g.frame.borrow_mut().take() else {
            return Err(Exc::runtime("generator has no frame"));
        };
        if g.state.get() == GenState::Suspended {
            f.stack.push(send);
        }
        g.state.set(GenState::Running);
        f.ret = ret;
        f.gen = Some(g.clone());
        if self.depth + th.frames.len() >= self.recursion_limit + 50 {
            return Err(Exc::new(ExcType::RecursionError, "maximum recursion depth exceeded"));
        }
        th.frames.push(*f);
        self.depth += 1;
        Ok(())
    }

    fn for_iter(&mut self, th: &mut Thread, it: Value, target: u32) -> PyResult<Option<Exit>> {
        if let Value::Gen(g) = &it {
            if g.kind == CodeKind::Generator {
                if g.state.get() == GenState::Finished {
                    let f = frame(th)?;
                    f.stack.pop();
                    f.pc = target as usize;
                    return Ok(None);
                }
                self.push_gen(th, g, Value::None, Ret::ForIter)?;
                return Ok(None);
            }
        }
        match self.next(&it)? {
            Some(v) => push(th, v),
            None => {
                let f = frame(th)?;
                f.stack.pop();
                f.pc = target as usize;
            }
        }
        Ok(None)
    }

    fn await_value(&mut self, th: &mut Thread, v: Value) -> PyResult<Option<Exit>> {
        match &v {
            Value::Gen(g) if g.kind == CodeKind::Coroutine => {
                self.push_gen(th, g, Value::None, Ret::Await)?;
                Ok(None)
            }
            Value::Object(_) => {
                if let Some(a) = v.as_native::<crate::asyncio::ANext>() {
                    let g = a.gen.clone();
                    self.push_gen(th, &g, Value::None, Ret::ANext)?;
                    return Ok(None);
                }
                if let Some(a) = v.as_native::<crate::asyncio::AThrow>() {
                    let (g, exc) = (a.gen.clone(), a.exc.clone());
                    if g.state.get() == GenState::Finished {
                        return Err(Exc::Raised(exc));
                    }
                    if g.state.get() == GenState::Created {
                        g.state.set(GenState::Finished);
                        g.frame.borrow_mut().take();
                        return Err(Exc::Raised(exc));
                    }
                    self.push_gen(th, &g, Value::None, Ret::ANext)?;
                    if let Some(f) = th.frames.last_mut() {
                        f.stack.pop();
                    }
                    return Ok(self.unwind(th, exc));
                }
                if let Some(a) = v.as_native::<crate::asyncio::AClose>() {
                    let g = a.gen.clone();
                    if matches!(g.state.get(), GenState::Created | GenState::Finished) {
                        g.state.set(GenState::Finished);
                        g.frame.borrow_mut().take();
                        push(th, Value::None);
                        return Ok(None);
                    }
                    self.push_gen(th, &g, Value::None, Ret::AClose)?;
                    if let Some(f) = th.frames.last_mut() {
                        f.stack.pop();
                    }
                    let exit = self.exc_new(ExcType::GeneratorExit, vec![]);
                    return Ok(self.unwind(th, exit));
                }
                if v.as_native::<crate::asyncio::YieldNow>().is_some() {
                    return Ok(Some(Exit::Yield));
                }
                if let Some(fut) = crate::asyncio::as_future(&v) {
                    if fut.is_done() {
                        let r = fut.result_value()?;
                        push(th, r);
                        return Ok(None);
                    }
                    return Ok(Some(Exit::Await(v)));
                }
                Err(Exc::type_error(format!(
                    "object {} can't be used in 'await' expression",
                    self.type_name(&v)
                )))
            }
            _ => Err(Exc::type_error(format!(
                "object {} can't be used in 'await' expression",
                self.type_name(&v)
            ))),
        }
    }

    /// Calls `func` from an instruction: Python functions get a frame on this thread, natives run now.
    fn call_into(
        &mut self,
        th: &mut Thread,
        func: Value,
        args: Vec<Value>,
        kwargs: Vec<(Str, Value)>,
    ) -> PyResult<Option<Exit>> {
        match self.prepare_call(func, args, kwargs)? {
            call::Prepared::Value(v) => {
                push(th, v);
                if let Some(Control::RunLoop) = self.control.take() {
                    return Ok(Some(Exit::RunLoop));
                }
                Ok(None)
            }
            call::Prepared::Frame(f) => {
                if self.depth + 1 > self.recursion_limit {
                    return Err(Exc::new(ExcType::RecursionError, "maximum recursion depth exceeded"));
                }
                th.frames.push(f);
                self.depth += 1;
                Ok(None)
            }
        }
    }

    /// Calls any callable from native code, running Python frames to completion on a fresh thread.
    pub fn call(&mut self, func: &Value, args: Vec<Value>) -> PyResult {
        self.call_kw(func, args, Vec::new())
    }

    pub fn call_kw(&mut self, func: &Value, args: Vec<Value>, kwargs: Vec<(Str, Value)>) -> PyResult {
        match self.prepare_call(func.clone(), args, kwargs)? {
            call::Prepared::Value(v) => Ok(v),
            call::Prepared::Frame(mut f) => {
                let init = match std::mem::replace(&mut f.ret, Ret::Exit) {
                    Ret::Init(inst) => Some(inst),
                    _ => None,
                };
                let mut th = Thread::default();
                th.frames.push(f);
                let r = self.run_nested(&mut th)?;
                match init {
                    Some(inst) => {
                        if !r.is_none() {
                            return Err(Exc::type_error(format!(
                                "__init__() should return None, not '{}'",
                                self.type_name(&r)
                            )));
                        }
                        Ok(inst)
                    }
                    None => Ok(r),
                }
            }
        }
    }

    pub fn run_nested_thread(&mut self, th: &mut Thread) -> PyResult {
        self.run_nested(th)
    }

    /// Runs a nested thread to its end: the budget cannot interrupt it, and it cannot suspend.
    fn run_nested(&mut self, th: &mut Thread) -> PyResult {
        if self.depth + 1 > self.recursion_limit || self.cdepth + NESTED_COST > C_LIMIT {
            return Err(Exc::new(
                ExcType::RecursionError,
                "maximum recursion depth exceeded while calling a Python object",
            ));
        }
        self.cdepth += NESTED_COST;
        let r = self.run_nested_inner(th);
        self.cdepth -= NESTED_COST;
        r
    }

    /// Fails once the work done inside one top-level instruction exceeds the nested allowance.
    pub fn check_allowance(&self) -> PyResult<()> {
        if self.steps.saturating_sub(self.instr_start) > NESTED_STEPS {
            return Err(Exc::runtime(format!(
                "a builtin call ran for more than {NESTED_STEPS} steps (an endless iterator, or a __repr__, __eq__ or key function that does not end); Interleave stops it so the page stays responsive"
            )));
        }
        Ok(())
    }

    /// Enters a level of Rust recursion on the program's behalf; `what` ends CPython's message.
    pub fn enter_c(&mut self, what: &str) -> PyResult<()> {
        if self.cdepth + 1 > C_LIMIT {
            return Err(Exc::new(
                ExcType::RecursionError,
                format!("maximum recursion depth exceeded{what}"),
            ));
        }
        self.cdepth += 1;
        Ok(())
    }

    pub fn leave_c(&mut self) {
        self.cdepth = self.cdepth.saturating_sub(1);
    }

    fn run_nested_inner(&mut self, th: &mut Thread) -> PyResult {
        let (sl, tl) = (self.step_limit, self.time_limit);
        // A nested run cannot be paused, so it gets a fixed allowance of its own (shared by the runs nested
        // in it): the same on every slicing, and short enough that the page stays responsive.
        let outermost = self.nested_cap.is_none();
        if outermost {
            self.nested_cap = Some(self.instr_start.saturating_add(NESTED_STEPS));
        }
        self.step_limit = self.nested_cap.unwrap_or(u64::MAX);
        self.time_limit = Time::MAX;
        let exit = self.run(th);
        self.step_limit = sl;
        self.time_limit = tl;
        if outermost {
            self.nested_cap = None;
        }
        match exit {
            Exit::Returned(v) | Exit::Yielded(v) => Ok(v),
            Exit::Raised(e) => Err(Exc::Raised(e)),
            Exit::Await(_) | Exit::Yield => Err(Exc::runtime(
                "Interleave cannot suspend a task inside a call made by a builtin (e.g. a key function); await it directly",
            )),
            Exit::Budget => Err(Exc::runtime(format!(
                "a function called by a builtin (a __repr__, __eq__, key function...) ran for more than {NESTED_STEPS} steps; Interleave stops it so the page stays responsive"
            ))),
            Exit::RunLoop => Err(Exc::runtime("asyncio event loop cannot run inside a nested call")),
        }
    }

    /// Resumes a generator from native code (`next`, `send`): `Ok(Some(v))` is a yield, `Ok(None)` the end.
    pub fn gen_send(&mut self, g: &Rc<Generator>, send: Value) -> PyResult<Option<Value>> {
        if g.state.get() == GenState::Finished {
            return Ok(None);
        }
        let mut th = Thread::default();
        self.push_gen(&mut th, g, send, Ret::Send)?;
        self.depth = self.depth.saturating_sub(1);
        match self.run_nested(&mut th) {
            Ok(v) => {
                if g.state.get() == GenState::Finished {
                    Ok(None)
                } else {
                    Ok(Some(v))
                }
            }
            Err(e) => Err(e),
        }
    }
}

fn deref_name(f: &Frame, i: u32) -> Str {
    let i = i as usize;
    let n = f.code.cellvars.len();
    if i < n {
        f.code.cellvars[i].clone()
    } else {
        f.code.freevars.get(i - n).cloned().unwrap_or_else(|| Rc::from("?"))
    }
}

impl Vm {
    /// A NameError that knows where the name was looked for, for the "Did you mean" hint.
    fn name_error_hint(&mut self, th: &Thread, name: &str) -> Exc {
        let keys = |d: &Dict| Value::tuple(d.keys().cloned().collect());
        let (locals, globals) = match th.frames.last() {
            Some(f) => {
                let mut l: Vec<Value> = f
                    .code
                    .varnames
                    .iter()
                    .zip(f.locals.iter())
                    .filter(|(_, v)| !matches!(v, Value::Null))
                    .map(|(n, _)| Value::Str(n.clone()))
                    .collect();
                if let Some(ns) = &f.ns {
                    l.extend(ns.borrow().keys().cloned());
                }
                (Value::tuple(l), keys(&f.globals.borrow()))
            }
            None => (Value::tuple(vec![]), Value::tuple(vec![])),
        };
        let builtins = keys(&self.builtins.borrow());
        let exc = self.materialize(name_error(name));
        if let Some(d) = self.exc_data(&exc) {
            d.borrow_mut().hint = Some((Rc::from(name), Value::tuple(vec![locals, globals, builtins])));
        }
        Exc::Raised(exc)
    }
}

/// The bound on `Vm::cdepth`; a native calling back into Python costs `NESTED_COST` (its Rust frames are bigger).
const C_LIMIT: usize = 1200;
/// How many instructions a call made by a builtin may run, all nested calls included.
const NESTED_STEPS: u64 = 5_000_000;
const NESTED_COST: usize = 8;

/// Int-by-int arithmetic that stays in `i64`; `None` sends the operation down the general path.
#[inline]
fn int_fast(op: BinOp, x: i64, y: i64) -> Option<i64> {
    match op {
        BinOp::Add => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mult => x.checked_mul(y),
        BinOp::Mod if y > 0 && x >= 0 => Some(x % y),
        BinOp::FloorDiv if y > 0 && x >= 0 => Some(x / y),
        BinOp::BitAnd => Some(x & y),
        BinOp::BitOr => Some(x | y),
        BinOp::BitXor => Some(x ^ y),
        _ => None,
    }
}

pub fn name_error(name: &str) -> Exc {
    Exc::new(ExcType::NameError, format!("name '{name}' is not defined"))
}

fn stack_err() -> Exc {
    Exc::new(ExcType::SystemError, "internal error: value stack underflow")
}

#[inline]
fn pop(f: &mut Frame) -> PyResult {
    f.stack.pop().ok_or_else(stack_err)
}

#[inline]
fn top(f: &Frame) -> PyResult<&Value> {
    f.stack.last().ok_or_else(stack_err)
}

fn peek(f: &Frame, n: usize) -> PyResult<Value> {
    let len = f.stack.len();
    if len <= n {
        return Err(stack_err());
    }
    Ok(f.stack[len - 1 - n].clone())
}

fn split(f: &mut Frame, n: u32) -> PyResult<Vec<Value>> {
    let n = n as usize;
    let len = f.stack.len();
    if len < n {
        return Err(stack_err());
    }
    Ok(f.stack.split_off(len - n))
}

#[inline]
fn frame(th: &mut Thread) -> PyResult<&mut Frame> {
    th.frames.last_mut().ok_or_else(stack_err)
}

#[inline]
fn push(th: &mut Thread, v: Value) {
    if let Some(f) = th.frames.last_mut() {
        f.stack.push(v);
    }
}
