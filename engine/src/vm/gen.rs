//! Generators, coroutines and async generators: a saved frame and where it stands.

use crate::code::CodeKind;
use crate::exc::{Exc, ExcType, PyResult};
use crate::native::NativeFn;
use crate::value::{Str, Value};
use crate::vm::frame::{Frame, Ret, Thread};
use crate::vm::Vm;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenState {
    Created,
    Suspended,
    Running,
    Finished,
}

pub struct Generator {
    /// Creation order within the run (its stand-in address in reprs).
    pub serial: u64,
    pub kind: CodeKind,
    pub name: Str,
    pub qualname: Str,
    /// The saved frame while not running; taken out while it runs on a thread's stack.
    pub frame: RefCell<Option<Box<Frame>>>,
    pub state: Cell<GenState>,
    /// Where the coroutine was defined, for "coroutine '...' was never awaited".
    pub first_line: u32,
    pub filename: Str,
    /// Warnings sink: a coroutine dropped before it ever ran reports itself here.
    pub sink: Option<crate::vm::WarningSink>,
    /// The `frame` object handed out by `cr_frame`/`gi_frame`, so that it keeps its identity.
    pub frame_obj: RefCell<Option<Value>>,
}

impl Generator {
    pub fn kind_name(&self) -> &'static str {
        match self.kind {
            CodeKind::Coroutine => "coroutine",
            CodeKind::AsyncGenerator => "async_generator",
            _ => "generator",
        }
    }
}

impl Drop for Generator {
    fn drop(&mut self) {
        if self.kind == CodeKind::Coroutine && self.state.get() == GenState::Created {
            if let Some(sink) = &self.sink {
                sink.push(crate::vm::Warning::NeverAwaited {
                    name: self.qualname.to_string(),
                });
            }
        }
    }
}

/// The frame object of a generator or coroutine (`gi_frame`, `cr_frame`), as far as a program can see it:
/// its line, its code's name and its file. It refers to its generator weakly: the generator keeps it.
pub struct FrameObj {
    pub gen: std::rc::Weak<Generator>,
}

impl FrameObj {
    fn line(&self) -> u32 {
        let Some(g) = self.gen.upgrade() else { return 0 };
        if g.state.get() == GenState::Created {
            return g.first_line;
        }
        let line = g.frame.borrow().as_ref().map(|f| f.line());
        line.unwrap_or(g.first_line)
    }
}

impl crate::native::NativeObject for FrameObj {
    fn type_name(&self) -> &'static str {
        "frame"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn repr(&self, vm: &mut Vm) -> Option<PyResult<String>> {
        let _ = vm;
        let (file, name, serial) = match self.gen.upgrade() {
            Some(g) => (g.filename.to_string(), g.name.to_string(), g.serial),
            None => (String::new(), String::new(), 0),
        };
        // A stand-in address derived from the generator's creation order, stable from run to run.
        let addr = 0x7f03_0000_1000 + serial * 0x40;
        Some(Ok(format!(
            "<frame at 0x{addr:012x}, file '{file}', line {}, code {name}>",
            self.line()
        )))
    }
    fn getattr(&self, vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        let _ = vm;
        match name {
            "f_lineno" => Some(Ok(Value::Int(self.line() as i64))),
            "f_back" => Some(Ok(Value::None)),
            _ => None,
        }
    }
}

impl Generator {
    /// `gi_frame`/`cr_frame`/`ag_frame`: the frame while the generator can still run, `None` once it ended.
    pub fn frame_value(self: &Rc<Self>) -> Value {
        if self.state.get() == GenState::Finished {
            self.frame_obj.borrow_mut().take();
            return Value::None;
        }
        self.frame_obj
            .borrow_mut()
            .get_or_insert_with(|| {
                Value::Object(Rc::new(FrameObj {
                    gen: Rc::downgrade(self),
                }))
            })
            .clone()
    }
}

/// How resuming a generator ended.
pub enum Resumed {
    Yielded(Value),
    Returned(Value),
}

fn gen_arg(args: &[Value]) -> PyResult<Rc<Generator>> {
    match args.first() {
        Some(Value::Gen(g)) => Ok(g.clone()),
        _ => Err(Exc::type_error("descriptor requires a generator")),
    }
}

fn stop_iteration(v: Value) -> Exc {
    if v.is_none() {
        Exc::Args(ExcType::StopIteration, vec![])
    } else {
        Exc::Args(ExcType::StopIteration, vec![v])
    }
}

impl Vm {
    /// Resumes a generator with a value, to its next yield or its end.
    pub fn gen_resume(&mut self, g: &Rc<Generator>, send: Value) -> PyResult<Resumed> {
        if g.state.get() == GenState::Finished {
            return Ok(Resumed::Returned(Value::None));
        }
        let mut th = Thread::default();
        self.push_gen(&mut th, g, send, Ret::Send)?;
        self.ts.depth = self.ts.depth.saturating_sub(1);
        let v = self.run_nested_thread(&mut th)?;
        Ok(if g.state.get() == GenState::Finished {
            Resumed::Returned(v)
        } else {
            Resumed::Yielded(v)
        })
    }

    /// Raises `exc` inside a suspended generator, as `gen.throw()` does.
    pub fn gen_throw(&mut self, g: &Rc<Generator>, exc: Value) -> PyResult<Resumed> {
        match g.state.get() {
            GenState::Finished => return Err(Exc::Raised(exc)),
            GenState::Created => {
                // Raised in the frame before its first instruction: the traceback shows it at its first line.
                g.state.set(GenState::Finished);
                if let Some(f) = g.frame.borrow_mut().take() {
                    if !f.code.hidden {
                        let entry = crate::exc::TbEntry {
                            frame: f.serial,
                            filename: f.code.filename.clone(),
                            line: f.raise_line(),
                            name: f.code.name.clone(),
                            span: None,
                        };
                        self.add_traceback(&exc, entry);
                    }
                }
                return Err(Exc::Raised(exc));
            }
            _ => {}
        }
        let mut th = Thread::default();
        self.push_gen(&mut th, g, Value::None, Ret::Send)?;
        // push_gen pushed the sent value for the yield to return; the throw replaces it.
        if let Some(f) = th.frames.last_mut() {
            f.stack.pop();
        }
        self.ts.depth = self.ts.depth.saturating_sub(1);
        let v = match self.throw(&mut th, exc) {
            Some(crate::vm::Exit::Raised(e)) => return Err(Exc::Raised(e)),
            Some(_) => Value::None,
            None => self.run_nested_thread(&mut th)?,
        };
        Ok(if g.state.get() == GenState::Finished {
            Resumed::Returned(v)
        } else {
            Resumed::Yielded(v)
        })
    }

    fn gen_close(&mut self, g: &Rc<Generator>) -> PyResult {
        if matches!(g.state.get(), GenState::Created | GenState::Finished) {
            g.state.set(GenState::Finished);
            g.frame.borrow_mut().take();
            return Ok(Value::None);
        }
        let exit = self.exc_new(ExcType::GeneratorExit, vec![]);
        match self.gen_throw(g, exit) {
            Ok(Resumed::Yielded(_)) => Err(Exc::runtime(format!("{} ignored GeneratorExit", g.kind_name()))),
            Ok(Resumed::Returned(_)) => Ok(Value::None),
            Err(e) if self.exc_kind_is(&e, ExcType::GeneratorExit) || self.exc_kind_is(&e, ExcType::StopIteration) => {
                Ok(Value::None)
            }
            Err(e) => Err(e),
        }
    }

    fn exc_from_throw_args(&mut self, args: &[Value]) -> PyResult {
        let typ = args.get(1).cloned().unwrap_or_default();
        let val = args.get(2).cloned().unwrap_or_default();
        match (&typ, &val) {
            (Value::Class(_), Value::None) => self.call(&typ, vec![]),
            (Value::Class(_), Value::Instance(_)) => Ok(val),
            (Value::Class(_), v) => self.call(&typ, vec![v.clone()]),
            _ => self.make_exception(typ),
        }
    }
}

pub fn install(vm: &mut Vm) {
    let gen_methods: &[(&'static str, NativeFn)] = &[
        ("send", |vm, a, _| {
            let g = gen_arg(a)?;
            match vm.gen_resume(&g, a.get(1).cloned().unwrap_or_default())? {
                Resumed::Yielded(v) => Ok(v),
                Resumed::Returned(v) => Err(stop_iteration(v)),
            }
        }),
        ("__next__", |vm, a, _| {
            let g = gen_arg(a)?;
            match vm.gen_resume(&g, Value::None)? {
                Resumed::Yielded(v) => Ok(v),
                Resumed::Returned(v) => Err(stop_iteration(v)),
            }
        }),
        ("throw", |vm, a, _| {
            let g = gen_arg(a)?;
            let exc = vm.exc_from_throw_args(a)?;
            match vm.gen_throw(&g, exc)? {
                Resumed::Yielded(v) => Ok(v),
                Resumed::Returned(v) => Err(stop_iteration(v)),
            }
        }),
        ("close", |vm, a, _| {
            let g = gen_arg(a)?;
            vm.gen_close(&g)
        }),
        ("__iter__", |_, a, _| Ok(a.first().cloned().unwrap_or_default())),
    ];
    crate::types::add_methods(&vm.types.generator, "generator", gen_methods);
    let builtins: &[(&'static str, NativeFn)] = &[
        ("aiter", |vm, a, _| {
            let v = a.first().cloned().unwrap_or_default();
            vm.aiter(&v)
        }),
        ("anext", |vm, a, _| {
            let v = a.first().cloned().unwrap_or_default();
            match (&v, a.get(1)) {
                (Value::Gen(g), Some(d)) if g.kind == CodeKind::AsyncGenerator => {
                    Ok(Value::Object(Rc::new(crate::asyncio::ANext {
                        gen: g.clone(),
                        send: Value::None,
                        default: Some(d.clone()),
                    })))
                }
                _ => vm.anext(&v),
            }
        }),
    ];
    for (name, f) in builtins {
        let v = crate::types::native_fn(name, *f);
        vm.builtins.borrow_mut().set_str(name, v);
    }
    crate::types::add_methods(
        &vm.types.coroutine,
        "coroutine",
        &[
            ("send", gen_methods[0].1),
            ("throw", gen_methods[2].1),
            ("close", gen_methods[3].1),
        ],
    );
    crate::types::add_methods(
        &vm.types.async_generator,
        "async_generator",
        &[
            ("__aiter__", |_, a, _| Ok(a.first().cloned().unwrap_or_default())),
            ("__anext__", |vm, a, _| {
                let v = a.first().cloned().unwrap_or_default();
                vm.anext(&v)
            }),
            ("asend", |_, a, _| {
                let g = gen_arg(a)?;
                let send = a.get(1).cloned().unwrap_or_default();
                if g.state.get() == GenState::Created && !send.is_none() {
                    return Err(Exc::type_error(
                        "can't send non-None value to a just-started async generator",
                    ));
                }
                Ok(Value::Object(Rc::new(crate::asyncio::ANext {
                    gen: g,
                    send,
                    default: None,
                })))
            }),
            ("athrow", |vm, a, _| {
                let g = gen_arg(a)?;
                let exc = vm.exc_from_throw_args(a)?;
                Ok(Value::Object(Rc::new(crate::asyncio::AThrow { gen: g, exc })))
            }),
            ("aclose", |_, a, _| {
                let g = gen_arg(a)?;
                Ok(Value::Object(Rc::new(crate::asyncio::AClose { gen: g })))
            }),
        ],
    );
}
