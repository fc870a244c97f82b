//! `_inspect`: what `inspect.py` needs to know of functions and generators that Python code cannot see.

use super::module;
use crate::code::CodeKind;
use crate::exc::PyResult;
use crate::native::Kwargs;
use crate::value::Value;
use crate::vm::gen::GenState;
use crate::vm::Vm;

/// `code_kind(f)`: "function", "generator", "coroutine" or "async_generator" for a Python function (bound
/// or not), `None` for anything else.
fn code_kind(_vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let f = match a.first() {
        Some(Value::Method(m)) => m.1.clone(),
        Some(v) => v.clone(),
        None => Value::None,
    };
    Ok(match f {
        Value::Function(f) => Value::str(match f.code.kind {
            CodeKind::Generator => "generator",
            CodeKind::Coroutine => "coroutine",
            CodeKind::AsyncGenerator => "async_generator",
            _ => "function",
        }),
        _ => Value::None,
    })
}

/// `gen_state(g)`: "CREATED", "RUNNING", "SUSPENDED" or "CLOSED" for a generator, coroutine or async
/// generator, `None` for anything else.
fn gen_state(_vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    Ok(match a.first() {
        Some(Value::Gen(g)) => Value::str(match g.state.get() {
            GenState::Created => "CREATED",
            GenState::Running => "RUNNING",
            GenState::Suspended => "SUSPENDED",
            GenState::Finished => "CLOSED",
        }),
        _ => Value::None,
    })
}

pub fn native_module(vm: &mut Vm) -> Value {
    module(
        vm,
        "_inspect",
        &[("code_kind", code_kind), ("gen_state", gen_state)],
        Vec::new(),
    )
}
