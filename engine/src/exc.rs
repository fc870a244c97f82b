//! Exceptions as Rust values: the builtin exception types, errors raised from native code, and traceback entries.

use crate::value::{Str, Value};

/// What native code and the interpreter return when something raises.
#[derive(Clone, Debug)]
pub enum Exc {
    /// An exception object already made (raised by Python code, or re-raised).
    Raised(Value),
    /// A builtin exception with one message argument, made into an object only if it propagates.
    Msg(ExcType, String),
    /// A builtin exception with arbitrary arguments (`KeyError(key)`, `StopIteration(value)`).
    Args(ExcType, Vec<Value>),
}

pub type PyResult<T = Value> = Result<T, Exc>;

impl Exc {
    pub fn new(kind: ExcType, msg: impl Into<String>) -> Exc {
        Exc::Msg(kind, msg.into())
    }

    pub fn type_error(msg: impl Into<String>) -> Exc {
        Exc::Msg(ExcType::TypeError, msg.into())
    }

    pub fn value_error(msg: impl Into<String>) -> Exc {
        Exc::Msg(ExcType::ValueError, msg.into())
    }

    pub fn index_error(msg: impl Into<String>) -> Exc {
        Exc::Msg(ExcType::IndexError, msg.into())
    }

    pub fn key_error(key: Value) -> Exc {
        Exc::Args(ExcType::KeyError, vec![key])
    }

    pub fn attribute_error(msg: impl Into<String>) -> Exc {
        Exc::Msg(ExcType::AttributeError, msg.into())
    }

    pub fn zero_division(msg: impl Into<String>) -> Exc {
        Exc::Msg(ExcType::ZeroDivisionError, msg.into())
    }

    pub fn overflow(msg: impl Into<String>) -> Exc {
        Exc::Msg(ExcType::OverflowError, msg.into())
    }

    pub fn runtime(msg: impl Into<String>) -> Exc {
        Exc::Msg(ExcType::RuntimeError, msg.into())
    }

    pub fn memory() -> Exc {
        Exc::Args(ExcType::MemoryError, vec![])
    }

    pub fn not_implemented(msg: impl Into<String>) -> Exc {
        Exc::Msg(ExcType::NotImplementedError, msg.into())
    }

    pub fn stop_iteration() -> Exc {
        Exc::Args(ExcType::StopIteration, vec![])
    }
}

/// A frame that an exception passed through, innermost first in [`ExcData::traceback`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TbEntry {
    /// The frame's serial number, so a frame that re-raises is listed once.
    pub frame: u64,
    pub filename: Str,
    pub line: u32,
    pub name: Str,
    /// The span of the instruction the frame was at, for the carets under its source line.
    pub span: Option<crate::code::Span>,
}

/// The state every exception object carries beside its `__dict__`.
#[derive(Clone, Debug, Default)]
pub struct ExcData {
    pub args: Vec<Value>,
    /// Innermost frame first: entries are pushed as the exception unwinds outwards.
    pub traceback: Vec<TbEntry>,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
    pub notes: Vec<Value>,
    /// The message and members of an `ExceptionGroup`.
    pub group: Option<(Value, Vec<Value>)>,
    /// For "Did you mean" hints: the missing name and where it was looked for (the object of an
    /// AttributeError, or a tuple of name lists for a NameError: locals, globals, builtins).
    pub hint: Option<(Str, Value)>,
    /// It was raised through some frame, visible or not: CPython prints a traceback's header for it even
    /// when every frame is the runtime's own (hidden).
    pub raised: bool,
}

impl Drop for ExcData {
    fn drop(&mut self) {
        // Groups nested in groups, and long `__context__` chains, are freed without recursing.
        let mut held = std::mem::take(&mut self.args);
        held.push(std::mem::take(&mut self.cause));
        held.push(std::mem::take(&mut self.context));
        if let Some((msg, members)) = self.group.take() {
            held.push(msg);
            held.extend(members);
        }
        crate::value::bury(held);
    }
}

macro_rules! exc_types {
    ($($name:ident : $parent:ident),* $(,)?) => {
        /// The builtin exception classes, each with its parent in CPython's hierarchy.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum ExcType { $($name),* }

        impl ExcType {
            pub const ALL: &'static [ExcType] = &[$(ExcType::$name),*];

            pub fn name(self) -> &'static str {
                match self { $(ExcType::$name => stringify!($name)),* }
            }

            /// The parent class; `BaseException` is its own root.
            pub fn parent(self) -> ExcType {
                match self { $(ExcType::$name => ExcType::$parent),* }
            }
        }
    };
}

exc_types! {
    BaseException: BaseException,
    SystemExit: BaseException,
    KeyboardInterrupt: BaseException,
    GeneratorExit: BaseException,
    BaseExceptionGroup: BaseException,
    CancelledError: BaseException,
    Exception: BaseException,
    ExceptionGroup: Exception,
    ArithmeticError: Exception,
    ZeroDivisionError: ArithmeticError,
    OverflowError: ArithmeticError,
    FloatingPointError: ArithmeticError,
    AssertionError: Exception,
    AttributeError: Exception,
    BufferError: Exception,
    EOFError: Exception,
    ImportError: Exception,
    ModuleNotFoundError: ImportError,
    LookupError: Exception,
    IndexError: LookupError,
    KeyError: LookupError,
    MemoryError: Exception,
    NameError: Exception,
    UnboundLocalError: NameError,
    OSError: Exception,
    ConnectionError: OSError,
    ConnectionRefusedError: ConnectionError,
    ConnectionResetError: ConnectionError,
    ConnectionAbortedError: ConnectionError,
    BrokenPipeError: ConnectionError,
    BlockingIOError: OSError,
    ChildProcessError: OSError,
    FileExistsError: OSError,
    FileNotFoundError: OSError,
    InterruptedError: OSError,
    IsADirectoryError: OSError,
    NotADirectoryError: OSError,
    PermissionError: OSError,
    ProcessLookupError: OSError,
    TimeoutError: OSError,
    ReferenceError: Exception,
    RuntimeError: Exception,
    NotImplementedError: RuntimeError,
    RecursionError: RuntimeError,
    StopIteration: Exception,
    StopAsyncIteration: Exception,
    SyntaxError: Exception,
    IndentationError: SyntaxError,
    TabError: IndentationError,
    SystemError: Exception,
    TypeError: Exception,
    ValueError: Exception,
    UnicodeError: ValueError,
    UnicodeDecodeError: UnicodeError,
    UnicodeEncodeError: UnicodeError,
    Warning: Exception,
    UserWarning: Warning,
    DeprecationWarning: Warning,
    PendingDeprecationWarning: Warning,
    RuntimeWarning: Warning,
    SyntaxWarning: Warning,
    FutureWarning: Warning,
    ImportWarning: Warning,
    UnicodeWarning: Warning,
    BytesWarning: Warning,
    ResourceWarning: Warning,
    EncodingWarning: Warning,
    InvalidStateError: Exception,
    QueueEmpty: Exception,
    QueueFull: Exception,
}

impl ExcType {
    /// The module that defines it (the asyncio ones print as `asyncio.exceptions.X`).
    pub fn module(self) -> &'static str {
        match self {
            ExcType::CancelledError | ExcType::InvalidStateError => "asyncio.exceptions",
            ExcType::QueueEmpty | ExcType::QueueFull => "asyncio.queues",
            _ => "builtins",
        }
    }
}
