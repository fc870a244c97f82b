//! Frames and threads: the explicit call stack the interpreter runs on, with no Rust recursion per Python call.

use crate::code::Code;
use crate::dict::Dict;
use crate::value::{Str, Value};
use std::cell::RefCell;
use std::rc::Rc;

/// An exception handler or an `except` body in progress.
#[derive(Clone, Copy, Debug)]
pub enum Block {
    /// On an exception, truncate the stack to `level`, push the exception and jump to `handler`.
    Handler { handler: u32, level: u32 },
    /// An `except` body: leaving it restores the handled-exception stack to `exc_depth`.
    Handling { exc_depth: u32 },
}

/// What happens to a frame's return value (and its yields) in the frame below.
#[derive(Clone, Debug)]
pub enum Ret {
    /// Push it on the caller's stack.
    Push,
    /// `__init__`: check it is `None`, push the new instance instead.
    Init(Value),
    /// A class body: build the class from the namespace (boxed: frames stay small).
    Class(Box<ClassHeader>),
    /// A generator driven by `ForIter`: a yield pushes the item; a return ends the loop.
    ForIter,
    /// A generator driven by `yield from`: its return value replaces it on the stack.
    YieldFrom,
    /// A module's body run by `import`: the module is the import's result.
    Import(Value),
    /// A coroutine being awaited: its return value is the await's result.
    Await,
    /// An async generator's `__anext__` being awaited: a yield is the result, a return raises
    /// `StopAsyncIteration` (or gives the default of `anext(gen, default)`).
    ANext(Option<Value>),
    /// An async generator closed by `await agen.aclose()`: its end is the await's result.
    AClose,
    /// `gen.send()`/`next(gen)` from the interpreter: a yield is the result; a return raises StopIteration.
    Send,
    /// The bottom frame of a thread: its value ends the thread.
    Exit,
    /// A property's setter called by an assignment: its value is dropped.
    Discard,
    /// A generator resumed by the builtin `next()`: a yield is the result; a return gives the default, or
    /// raises StopIteration with its value.
    Next(Option<Value>),
}

/// What a class statement says besides its body.
#[derive(Clone, Debug)]
pub struct ClassHeader {
    pub name: Str,
    pub bases: Vec<Value>,
    pub kwargs: Vec<(Str, Value)>,
}

pub struct Frame {
    pub code: Rc<Code>,
    pub pc: usize,
    pub stack: Vec<Value>,
    /// Fast locals; `Value::Null` marks an unbound one.
    pub locals: Vec<Value>,
    pub cells: Vec<Rc<RefCell<Value>>>,
    pub blocks: Vec<Block>,
    pub globals: Rc<RefCell<Dict>>,
    /// The namespace of a module or class body.
    pub ns: Option<Rc<RefCell<Dict>>>,
    pub ret: Ret,
    /// The generator or coroutine this frame belongs to.
    pub gen: Option<Rc<crate::vm::gen::Generator>>,
    /// Unique per frame, so a traceback lists a frame once however often it re-raises.
    pub serial: u64,
}

impl Frame {
    pub fn line(&self) -> u32 {
        // pc points past the instruction being executed.
        self.code.line_at(self.pc.saturating_sub(1))
    }

    /// The line an exception raised in this frame is reported at: `line()`, except in a frame that has not
    /// started, where CPython reports the code's first line (the `def`, or its first decorator).
    pub fn raise_line(&self) -> u32 {
        if self.pc == 0 && self.code.first_line > 0 {
            self.code.first_line
        } else {
            self.line()
        }
    }
}

/// A stack of frames that runs as a unit: the main program, one asyncio task, or a nested call.
#[derive(Default)]
pub struct Thread {
    /// Boxed, so that suspending a generator or resuming one moves a pointer, not the frame.
    pub frames: Vec<Box<Frame>>,
    /// Exceptions being handled (`sys.exc_info()`), innermost last.
    pub exc_stack: Vec<Value>,
}
