//! The error value of the leaf modules (numbers, formatting, strings, random): a CPython exception class name and message.

use std::fmt;

/// An exception raised by a leaf function, named by its CPython class so the interpreter can map it to its own type.
///
/// Leaf modules depend on nothing else in the engine, so they cannot build real exception objects;
/// the caller converts `kind` (for example `"ValueError"`) into the matching builtin exception.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PyErr {
    /// The CPython exception class name, e.g. `"ZeroDivisionError"`.
    pub kind: &'static str,
    /// The message, exactly as CPython's `str(exc)` shows it.
    pub msg: String,
}

/// What leaf functions return.
pub type PyRes<T> = Result<T, PyErr>;

impl PyErr {
    pub fn new(kind: &'static str, msg: impl Into<String>) -> PyErr {
        PyErr { kind, msg: msg.into() }
    }

    pub fn value(msg: impl Into<String>) -> PyErr {
        PyErr::new("ValueError", msg)
    }

    pub fn type_err(msg: impl Into<String>) -> PyErr {
        PyErr::new("TypeError", msg)
    }

    pub fn overflow(msg: impl Into<String>) -> PyErr {
        PyErr::new("OverflowError", msg)
    }

    pub fn zero_div(msg: impl Into<String>) -> PyErr {
        PyErr::new("ZeroDivisionError", msg)
    }

    pub fn index(msg: impl Into<String>) -> PyErr {
        PyErr::new("IndexError", msg)
    }

    /// CPython's bare `MemoryError` has an empty message; we use it when a result would be too big to build.
    pub fn memory() -> PyErr {
        PyErr::new("MemoryError", "")
    }
}

impl fmt::Display for PyErr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.msg.is_empty() {
            f.write_str(self.kind)
        } else {
            write!(f, "{}: {}", self.kind, self.msg)
        }
    }
}

impl std::error::Error for PyErr {}
