//! The calling convention of functions written in Rust, and the trait of native objects with state.

use crate::exc::PyResult;
use crate::value::{Str, Value};
use crate::vm::Vm;
use std::any::Any;

/// Keyword arguments in call order.
pub type Kwargs = Vec<(Str, Value)>;

/// A function written in Rust. Methods get their receiver as `args[0]`.
pub type NativeFn = fn(&mut Vm, &[Value], &Kwargs) -> PyResult;

/// A native object with state (an iterator, a future, a deque...). Its Python type is found by
/// [`NativeObject::type_name`] among the classes the interpreter registers at start-up.
#[allow(clippy::len_without_is_empty)]
pub trait NativeObject: Any {
    fn type_name(&self) -> &'static str;
    fn as_any(&self) -> &dyn Any;
    /// For iterators: the next item, `Ok(None)` when exhausted. `None` means "not an iterator".
    fn iter_next(&self, vm: &mut Vm) -> Option<PyResult<Option<Value>>> {
        let _ = vm;
        None
    }
    /// `repr()`, when it is not `<type object at 0x...>`.
    fn repr(&self, vm: &mut Vm) -> Option<PyResult<String>> {
        let _ = vm;
        None
    }
    /// A data attribute (not a method) of the object.
    fn getattr(&self, vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        let _ = (vm, name);
        None
    }
    /// `len()` of a sized native object.
    fn len(&self) -> Option<usize> {
        None
    }
}

/// Finds a keyword argument by name.
pub fn kwarg<'a>(kwargs: &'a Kwargs, name: &str) -> Option<&'a Value> {
    kwargs.iter().find(|(k, _)| &**k == name).map(|(_, v)| v)
}
