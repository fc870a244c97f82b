//! The interpreter: runs frames on an explicit stack, instruction by instruction, under a budget.

pub mod attr;
pub mod cache;
pub mod call;
mod carets;
mod defer;
mod dispatch;
pub mod errors;
pub mod frame;
pub mod gen;
pub mod import;
mod introspect;
pub mod ops;
mod pattern;
pub mod repr;
pub mod state;
pub mod tb;
pub mod teardown;
mod unpack;

use crate::ast::{BinOp, CmpOp, UnaryOp};
use crate::code::{CodeKind, Instr};
use crate::dict::Dict;
use crate::exc::{Exc, ExcType, PyResult};
use crate::trace::{Event, EventKind, TaskId, Time};
use crate::types::Types;
use crate::value::{Str, Value};
use frame::{Block, Frame, Ret, Thread};
use gen::{GenState, Generator};
pub use state::{ThreadState, World};
use std::cell::{Cell, RefCell};
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
        /// The module of CPython's `asyncio` a runtime coroutine comes from (`asyncio::TaskData::stdlib`).
        stdlib: Option<&'static str>,
        /// The program's line that created the task.
        created: u32,
        is_task: bool,
    },
}

/// Where dropped objects leave their warnings, shared by the interpreter and the objects that may warn.
pub type WarningSink = Rc<Warnings>;

/// The warnings not yet reported, with a flag the dispatch loop reads at every step: a `Cell` read is inlined
/// where a `RefCell` borrow, at `opt-level = "z"`, is a call (BENCHMARKS.md, the dispatch loop at "z").
#[derive(Default)]
pub struct Warnings {
    list: RefCell<Vec<Warning>>,
    pending: Cell<bool>,
    /// The never-awaited coroutines reported so far, by name and line: CPython's default filter shows a
    /// warning once for each place (a loop that drops a coroutine on every turn warns once).
    shown: RefCell<Vec<(String, u32)>>,
}

impl Warnings {
    pub fn push(&self, w: Warning) {
        self.list.borrow_mut().push(w);
        self.pending.set(true);
    }

    #[inline(always)]
    pub fn pending(&self) -> bool {
        self.pending.get()
    }

    /// Whether the warning for coroutine `name` dropped at `line` is shown for the first time (and, from now
    /// on, shown already).
    pub fn first_at(&self, name: &str, line: u32) -> bool {
        let mut shown = self.shown.borrow_mut();
        if shown.iter().any(|(n, l)| n == name && *l == line) {
            return false;
        }
        shown.push((name.to_string(), line));
        true
    }

    /// Every warning left, oldest first; none after.
    pub fn take(&self) -> Vec<Warning> {
        self.pending.set(false);
        std::mem::take(&mut *self.list.borrow_mut())
    }
}

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
    /// A blocking call (`threads::Block`, in `Vm::threads.blocking`): the thread leaves the interpreter as if
    /// its budget ended, and the session parks it off the GIL.
    Block,
}

pub struct Vm {
    /// The run-wide clock, budget, trace and output (`state.rs`).
    pub world: World,
    /// The running thread's state; the other threads' wait in `threads`.
    pub ts: ThreadState,
    /// Every thread this interpreter has started, the running one's state swapped out into `ts`.
    pub threads: crate::threads::Threads,
    pub types: Types,
    pub builtins: Rc<RefCell<Dict>>,
    pub modules: Dict,
    pub main_globals: Rc<RefCell<Dict>>,
    pub recursion_limit: usize,
    pub warnings: WarningSink,
    pub frame_serial: u64,
    /// Counts objects that hash by identity, so their hashes are the same on every run.
    pub object_serial: u64,
    /// Stand-in addresses handed out in order of first use (`repr::stable_id`).
    pub addresses: RefCell<(u64, std::collections::HashMap<usize, u64>)>,
    /// asyncio tasks created so far, for their default names (`Task-N`), counted across threads as in CPython.
    pub task_names: u64,
    /// The last trace id given to a task or a thread: ids index the trace's task list.
    pub next_task_id: TaskId,
    /// The last timer id, counted across every thread's event loop (ids name timers in the trace).
    pub timer_seq: u64,
    pub filename: Str,
    pub random: crate::modules::random::RandomState,
    pub seed: u64,
    /// Instances with a user `__eq__` used as dict keys or set members, by hash: a new key equal to one of them
    /// takes its `Instance::eq_class`, so dicts and sets (whose Rust equality cannot call Python) honour the
    /// user's `__eq__`.
    pub eq_keys: std::collections::HashMap<u64, Vec<std::rc::Weak<crate::value::Instance>>>,
    /// Finished frames, kept for the next calls (see `recycle`).
    pub frame_pool: Vec<Box<Frame>>,
    /// The program's source, for traceback lines.
    pub source: Rc<str>,
    /// Cached attribute lookups on classes (`cache.rs`).
    pub attr_cache: Vec<cache::Entry>,
    /// The AttributeError a class's `__getattr__` raised in the last lookup, for `getattr` to raise.
    pub getattr_failure: Option<Exc>,
    /// The simulated process this interpreter is (`os.getpid()`), and its parent's.
    pub pid: u32,
    pub ppid: u32,
    /// The run has more than one process (from the first `fork` on): blocking calls then let go of the core.
    pub machine: bool,
    /// Children forked by the running code, for the session to adopt (`procs.rs`).
    pub forked: Vec<crate::procs::Child>,
    /// The program's module code, which a spawned child runs again as `__mp_main__`.
    pub main_code: Option<Rc<crate::code::Code>>,
    /// A spawned child's `Process` object, pickled by its parent, until `_il_mp.spawned()` takes it.
    pub spawned: Option<crate::procs::pickle::P>,
}

impl Vm {
    pub fn new(config: &crate::session::Config) -> Vm {
        let types = Types::new();
        let mut vm = Vm {
            world: World::new(config),
            ts: ThreadState::default(),
            threads: crate::threads::Threads::new(config),
            builtins: Rc::new(RefCell::new(Dict::new())),
            modules: Dict::new(),
            main_globals: Rc::new(RefCell::new(Dict::new())),
            recursion_limit: config.recursion_limit as usize,
            warnings: Rc::default(),
            frame_serial: 0,
            object_serial: 0,
            addresses: RefCell::new((0, std::collections::HashMap::new())),
            task_names: 0,
            next_task_id: 0,
            timer_seq: 0,
            filename: Rc::from(config.filename.as_str()),
            random: crate::modules::random::RandomState::new(config.seed),
            seed: config.seed,
            frame_pool: Vec::new(),
            eq_keys: std::collections::HashMap::new(),
            source: Rc::from(""),
            attr_cache: Vec::new(),
            getattr_failure: None,
            pid: crate::procs::MAIN_PID,
            ppid: crate::procs::MAIN_PID - 1,
            machine: false,
            forked: Vec::new(),
            main_code: None,
            spawned: None,
            types,
        };
        crate::builtins::install(&mut vm);
        gen::install(&mut vm);
        errors::install(&mut vm);
        attr::install(&mut vm);
        vm.world.trace.tasks.push(crate::trace::TaskInfo {
            name: "main".into(),
            coro: "<module>".into(),
            parent: 0,
            created_line: 0,
            internal: false,
            thread: false,
        });
        vm
    }

    /// An interpreter for a forked child of this one: the same builtin types and settings, an empty heap
    /// (`procs::fork` fills it with copies), no thread yet, and a placeholder world (the session's is swapped in
    /// while it runs).
    pub fn new_empty_like(parent: &Vm) -> Vm {
        let config = crate::session::Config {
            switch_interval: parent.threads.switch_interval,
            switch_any_instruction: parent.threads.any_instruction,
            cpu_count: parent.threads.cpu_count,
            recursion_limit: parent.recursion_limit as u32,
            ..crate::session::Config::default()
        };
        let seed = parent.seed ^ u64::from(parent.world.pids).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        Vm {
            world: World::new(&config),
            ts: ThreadState::default(),
            threads: crate::threads::Threads::new(&config),
            builtins: Rc::new(RefCell::new(Dict::new())),
            modules: Dict::new(),
            main_globals: Rc::new(RefCell::new(Dict::new())),
            recursion_limit: parent.recursion_limit,
            warnings: Rc::default(),
            frame_serial: parent.frame_serial,
            object_serial: parent.object_serial,
            addresses: RefCell::new((0, std::collections::HashMap::new())),
            task_names: parent.task_names,
            next_task_id: parent.next_task_id,
            timer_seq: parent.timer_seq,
            filename: parent.filename.clone(),
            // CPython reseeds `random` in a forked child (`os.register_at_fork`); here from the run's seed.
            random: crate::modules::random::RandomState::new(seed),
            seed,
            frame_pool: Vec::new(),
            eq_keys: std::collections::HashMap::new(),
            source: parent.source.clone(),
            attr_cache: Vec::new(),
            getattr_failure: None,
            pid: 0,
            ppid: 0,
            machine: true,
            forked: Vec::new(),
            main_code: parent.main_code.clone(),
            spawned: None,
            types: parent.types.clone(),
        }
    }

    pub fn event(&mut self, task: TaskId, kind: EventKind) {
        if let Some(acc) = &mut self.world.accesses {
            match kind {
                EventKind::Suspended { .. } | EventKind::GilDropped { .. } => acc.switched(task, self.ts.line),
                EventKind::Created { .. } => acc.shared = true,
                _ => {}
            }
        }
        // Output is kept past the cut (it has a limit of its own): hosts show it from these events.
        if self.world.trace.events.len() < self.world.max_events || matches!(kind, EventKind::Print { .. }) {
            self.world.trace.events.push(Event {
                at: self.world.now,
                task,
                line: self.ts.line,
                kind,
            });
        } else if self.world.trace.cut_at.is_none() {
            self.world.trace.cut_at = Some(self.world.now);
        }
    }

    /// The running lane read a shared place (`findings::Accesses`), when accesses are tracked.
    /// Also what the explorer's partial-order reduction needs (`sched::footprint`), the runtime's own code
    /// (`hidden`) included; a mutable value read counts as written, since a method may change it.
    pub(crate) fn track_read(&mut self, place: crate::findings::Place, line: u32, hidden: bool, v: &Value) {
        if let Some(acc) = &mut self.world.accesses {
            if !hidden {
                acc.read(self.ts.current_task, place, line, self.world.now);
            }
        }
        if let Some(fp) = self.world.sched.footprint() {
            fp.place(place, false);
            // The runtime's modules read their own singletons all the time, and change them under locks.
            if !hidden {
                fp.value(v);
            }
        }
    }

    /// The running lane read a dict's or list's item (`findings::item`).
    pub(crate) fn track_item_read(&mut self, place: crate::findings::Place, line: u32) {
        if let Some(acc) = &mut self.world.accesses {
            acc.read_item(self.ts.current_task, place, line, self.world.now);
        }
    }

    /// The running lane wrote `v` to a shared place, `what` naming it; a lost update becomes a finding.
    pub(crate) fn track_write(
        &mut self,
        place: crate::findings::Place,
        line: u32,
        hidden: bool,
        v: &Value,
        what: impl FnOnce() -> String,
    ) {
        if let Some(fp) = self.world.sched.footprint() {
            fp.place(place, true);
        }
        if hidden {
            return;
        }
        let lane = self.ts.current_task;
        let now = self.world.now;
        let data = crate::findings::is_data(v);
        let world = &mut self.world;
        if let Some(acc) = &mut world.accesses {
            if let Some(found) = acc.write(&world.trace, lane, place, line, now, data, what) {
                world.findings.push(found);
            }
        }
    }

    pub fn text(&mut self, s: String) -> u32 {
        self.world.trace.texts.push(s);
        (self.world.trace.texts.len() - 1) as u32
    }

    /// Writes program output, cutting it with a note past the limit.
    pub fn write(&mut self, stream: crate::trace::Stream, s: &str) {
        if s.is_empty() {
            return;
        }
        if self.world.output_bytes + s.len() > self.world.max_output {
            if !self.world.output_cut {
                self.world.output_cut = true;
                let note = "\n[Interleave: output limit reached; further output is not shown]\n";
                self.world.stderr.push_str(note);
                let t = self.text(note.into());
                let task = self.ts.current_task;
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
        self.world.output_bytes += s.len();
        match stream {
            crate::trace::Stream::Stdout => self.world.stdout.push_str(s),
            crate::trace::Stream::Stderr => self.world.stderr.push_str(s),
        }
        let t = self.text(s.to_string());
        let task = self.ts.current_task;
        self.event(task, EventKind::Print { stream, text: t });
    }

    pub fn new_frame(&mut self, code: Rc<crate::code::Code>, globals: Rc<RefCell<Dict>>, ret: Ret) -> Box<Frame> {
        self.frame_serial += 1;
        let nlocals = code.varnames.len();
        let ncells = code.cellvars.len() + code.freevars.len();
        match self.frame_pool.pop() {
            // A finished frame, its vectors empty but keeping their capacity.
            Some(mut f) => {
                // (Each of these is a call at "z": skipped when there is nothing to do.)
                if f.stack.capacity() < code.stacksize as usize {
                    f.stack.reserve(code.stacksize as usize);
                }
                if nlocals > 0 {
                    f.locals.resize(nlocals, Value::Null);
                }
                if f.cells.capacity() < ncells {
                    f.cells.reserve(ncells);
                }
                f.pc = 0;
                f.globals = globals;
                f.ret = ret;
                f.serial = self.frame_serial;
                f.code = code;
                f
            }
            None => Box::new(Frame {
                stack: Vec::with_capacity(code.stacksize as usize),
                locals: vec![Value::Null; nlocals],
                cells: Vec::with_capacity(ncells),
                blocks: Vec::new(),
                pc: 0,
                globals,
                ns: None,
                ret,
                gen: None,
                serial: self.frame_serial,
                code,
            }),
        }
    }

    /// Runs a thread until its bottom frame returns or raises, it suspends, or the budget is spent.
    pub fn run(&mut self, th: &mut Thread) -> Exit {
        let base = self.ts.depth;
        self.ts.depth += th.frames.len();
        let outer = std::mem::replace(&mut self.ts.exc_top, th.exc_stack.last().cloned());
        let exit = self.run_loop(th);
        self.ts.exc_top = outer;
        self.ts.depth = base;
        exit
    }

    fn run_loop(&mut self, th: &mut Thread) -> Exit {
        loop {
            if self.warnings.pending() {
                // (Drops that warn are rare.)
                // Report where the object was dropped, as CPython does.
                self.ts.line = self.line_of(th);
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
        let base = self.ts.depth;
        self.ts.depth += th.frames.len();
        let r = self.unwind(th, exc);
        self.ts.depth = base;
        r
    }

    /// Finds a handler for `exc`, popping frames; returns an exit when the thread's bottom frame is left.
    fn unwind(&mut self, th: &mut Thread, mut exc: Value) -> Option<Exit> {
        loop {
            let Some(frame) = th.frames.last_mut() else {
                return Some(Exit::Raised(exc));
            };
            if let Some(d) = self.exc_data(&exc) {
                d.borrow_mut().raised = true;
            }
            if !frame.code.hidden {
                let line = frame.raise_line();
                // A frame that has not started has no instruction to underline.
                let span = if frame.pc == 0 {
                    None
                } else {
                    frame.code.span_at(frame.pc - 1)
                };
                let entry = crate::exc::TbEntry {
                    frame: frame.serial,
                    filename: frame.code.filename.clone(),
                    line,
                    name: frame.code.name.clone(),
                    span,
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
                    Block::Handling { exc_depth } => {
                        th.exc_stack.truncate(exc_depth as usize);
                        self.ts.exc_top = th.exc_stack.last().cloned();
                    }
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
            self.ts.depth = self.ts.depth.saturating_sub(1);
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
            // Where the program's code raised out of its last frame, or into the runtime's.
            let bottom = th.frames.is_empty() || matches!(done.ret, Ret::Exit);
            if !done.code.hidden && (bottom || th.frames.last().is_some_and(|f| f.code.hidden)) {
                self.ts.exit_line = done.raise_line();
            }
            if bottom {
                return Some(Exit::Raised(exc));
            }
            let _ = done;
            // Continue unwinding in the caller, as if the call instruction raised.
        }
    }

    pub(crate) fn line_of(&self, th: &Thread) -> u32 {
        th.frames.iter().rev().find(|f| !f.code.hidden).map_or(0, |f| f.line())
    }

    /// Keeps a finished frame, emptied, for the next call.
    fn recycle(&mut self, mut f: Box<Frame>) {
        if self.frame_pool.len() < 64 {
            f.stack.clear();
            f.locals.clear();
            f.cells.clear();
            f.blocks.clear();
            f.ns = None;
            f.gen = None;
            f.ret = Ret::Push;
            self.frame_pool.push(f);
        }
    }

    /// Returns from the top frame into whatever called it.
    fn do_return(&mut self, th: &mut Thread, v: Value) -> PyResult<Option<Exit>> {
        let Some(mut done) = th.frames.pop() else {
            return Ok(Some(Exit::Returned(v)));
        };
        self.ts.depth = self.ts.depth.saturating_sub(1);
        if let Some(g) = done.gen.take() {
            g.state.set(GenState::Finished);
        }
        let ret = std::mem::replace(&mut done.ret, Ret::Push);
        // Where the program's code returned from its last frame, or into the runtime's (a thread's target into
        // `Thread.run`): where a task or thread finished.
        if !done.code.hidden && (matches!(ret, Ret::Exit) || th.frames.last().is_some_and(|f| f.code.hidden)) {
            self.ts.exit_line = done.line();
        }
        // A class body's namespace and `__class__` cell outlive its frame.
        let class_parts = match &ret {
            Ret::Class(_) => {
                let class_cell = done
                    .code
                    .cellvars
                    .iter()
                    .position(|c| &**c == "__class__")
                    .and_then(|i| done.cells.get(i).cloned());
                Some((done.ns.clone().unwrap_or_default(), class_cell))
            }
            _ => None,
        };
        self.recycle(done);
        match ret {
            Ret::Exit => Ok(Some(Exit::Returned(v))),
            Ret::Discard => Ok(None),
            Ret::Next(Some(default)) => {
                push(th, default);
                Ok(None)
            }
            Ret::Next(None) => Err(Exc::Args(
                ExcType::StopIteration,
                if v.is_none() { vec![] } else { vec![v] },
            )),
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
                let (ns, class_cell) = class_parts.unwrap_or_default();
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
            Ret::ANext(Some(default)) => {
                push(th, default);
                Ok(None)
            }
            Ret::ANext(None) => Err(Exc::Args(ExcType::StopAsyncIteration, vec![])),
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
        self.ts.depth = self.ts.depth.saturating_sub(1);
        let ret = std::mem::replace(&mut done.ret, Ret::Push);
        let Some(g) = done.gen.take() else {
            return Err(Exc::runtime("yield outside a generator frame"));
        };
        g.state.set(GenState::Suspended);
        *g.frame.borrow_mut() = Some(done);
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
        let f = self.gen_frame(g, send, ret)?;
        th.frames.push(f);
        self.ts.depth += 1;
        Ok(())
    }

    /// A generator's frame, taken out of it to run on top of a thread (`ret` says what its yields and return do).
    pub fn gen_frame(&mut self, g: &Rc<Generator>, send: Value, ret: Ret) -> PyResult<Box<Frame>> {
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
        if self.ts.depth + 1 > self.recursion_limit {
            return Err(Exc::new(ExcType::RecursionError, "maximum recursion depth exceeded"));
        }
        Ok(f)
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
                    let (g, send, default) = (a.gen.clone(), a.send.clone(), a.default.clone());
                    if let (Some(d), GenState::Finished) = (&default, g.state.get()) {
                        push(th, d.clone());
                        return Ok(None);
                    }
                    self.push_gen(th, &g, send, Ret::ANext(default))?;
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
                    self.push_gen(th, &g, Value::None, Ret::ANext(None))?;
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
                    // The `await`'s value, None, is on the stack when the task resumes (a step resumes a task
                    // with a value only after a future).
                    push(th, Value::None);
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
                match self.ts.control.take() {
                    Some(Control::RunLoop) => return Ok(Some(Exit::RunLoop)),
                    Some(Control::Block) => return Ok(Some(Exit::Budget)),
                    None => {}
                }
                Ok(self
                    .eval_breaker(|| th.frames.last().is_some_and(|f| f.code.hidden))
                    .then_some(Exit::Budget))
            }
            call::Prepared::Frame(f) => {
                if self.ts.depth + 1 > self.recursion_limit {
                    return Err(Exc::new(ExcType::RecursionError, "maximum recursion depth exceeded"));
                }
                th.frames.push(f);
                self.ts.depth += 1;
                Ok(self
                    .eval_breaker(|| th.frames.last().is_some_and(|f| f.code.hidden))
                    .then_some(Exit::Budget))
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
        if self.ts.depth + 1 > self.recursion_limit || self.ts.cdepth + NESTED_COST > C_LIMIT {
            return Err(Exc::new(
                ExcType::RecursionError,
                "maximum recursion depth exceeded while calling a Python object",
            ));
        }
        self.ts.cdepth += NESTED_COST;
        let r = self.run_nested_inner(th);
        self.ts.cdepth -= NESTED_COST;
        r
    }

    /// Fails once the work done inside one top-level instruction exceeds the nested allowance.
    pub fn check_allowance(&self) -> PyResult<()> {
        if self.world.steps.saturating_sub(self.ts.instr_start) > NESTED_STEPS {
            return Err(Exc::runtime(format!(
                "a builtin call ran for more than {NESTED_STEPS} steps (an endless iterator, or a __repr__, __eq__ or key function that does not end); Interleave stops it so the page stays responsive"
            )));
        }
        Ok(())
    }

    /// Enters a level of Rust recursion on the program's behalf; `what` ends CPython's message.
    pub fn enter_c(&mut self, what: &str) -> PyResult<()> {
        if self.ts.cdepth + 1 > C_LIMIT {
            return Err(Exc::new(
                ExcType::RecursionError,
                format!("maximum recursion depth exceeded{what}"),
            ));
        }
        self.ts.cdepth += 1;
        Ok(())
    }

    pub fn leave_c(&mut self) {
        self.ts.cdepth = self.ts.cdepth.saturating_sub(1);
    }

    fn run_nested_inner(&mut self, th: &mut Thread) -> PyResult {
        let (sl, tl) = (self.world.step_limit, self.world.time_limit);
        // A nested run cannot be paused, so it gets a fixed allowance of its own (shared by the runs nested
        // in it): the same on every slicing, and short enough that the page stays responsive.
        let outermost = self.ts.nested_cap.is_none();
        if outermost {
            self.ts.nested_cap = Some(self.ts.instr_start.saturating_add(NESTED_STEPS));
        }
        self.world.step_limit = self.ts.nested_cap.unwrap_or(u64::MAX);
        self.world.time_limit = Time::MAX;
        let exit = self.run(th);
        self.world.step_limit = sl;
        self.world.time_limit = tl;
        if outermost {
            self.ts.nested_cap = None;
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
        self.ts.depth = self.ts.depth.saturating_sub(1);
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

/// Drops a value popped off the stack that is most likely an int or a bool, without a call for those (a
/// `truncate` or a plain drop is one at "z").
#[inline(always)]
fn drop_small(v: Option<Value>) {
    match v {
        Some(Value::Int(_) | Value::Bool(_)) | None => {}
        Some(other) => drop(other),
    }
}

/// The two values on top of the stack when both are small ints.
#[inline(always)]
fn int_pair(stack: &[Value]) -> Option<(i64, i64)> {
    match stack {
        [.., Value::Int(x), Value::Int(y)] => Some((*x, *y)),
        _ => None,
    }
}

/// Drops the top of the stack, a small int (as `int_pair` found it), and writes `r` into the int under it.
#[inline(always)]
fn set_int_under_top(stack: &mut Vec<Value>, r: i64) {
    drop_small(stack.pop());
    if let Some(Value::Int(slot)) = stack.last_mut() {
        *slot = r;
    }
}

pub fn name_error(name: &str) -> Exc {
    Exc::new(ExcType::NameError, format!("name '{name}' is not defined"))
}

// The value stack's helpers run at nearly every step: forced inline, with the error out of line, so that the
// engine built at `opt-level = "z"` keeps them in the dispatch loop instead of calling them (and
// `Option::ok_or_else`) each time.
#[cold]
#[inline(never)]
fn stack_err() -> Exc {
    Exc::new(ExcType::SystemError, "internal error: value stack underflow")
}

#[inline(always)]
fn pop(f: &mut Frame) -> PyResult {
    match f.stack.pop() {
        Some(v) => Ok(v),
        None => Err(stack_err()),
    }
}

#[inline(always)]
fn top(f: &Frame) -> PyResult<&Value> {
    match f.stack.last() {
        Some(v) => Ok(v),
        None => Err(stack_err()),
    }
}

#[inline(always)]
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

#[inline(always)]
fn frame(th: &mut Thread) -> PyResult<&mut Frame> {
    match th.frames.last_mut() {
        Some(f) => Ok(f),
        None => Err(stack_err()),
    }
}

#[inline(always)]
fn push(th: &mut Thread, v: Value) {
    if let Some(f) = th.frames.last_mut() {
        f.stack.push(v);
    }
}
