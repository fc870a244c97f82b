//! Generators, coroutines and async generators: a saved frame and where it stands.

use crate::code::CodeKind;
use crate::value::Str;
use crate::vm::frame::Frame;
use std::cell::{Cell, RefCell};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenState {
    Created,
    Suspended,
    Running,
    Finished,
}

pub struct Generator {
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
                sink.borrow_mut().push(crate::vm::Warning::NeverAwaited {
                    name: self.qualname.to_string(),
                });
            }
        }
    }
}
