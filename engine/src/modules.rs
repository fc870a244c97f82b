//! The standard-library modules programs import: a few native ones built here, the rest Python source (in
//! `modules/*.py`) compiled on first import, and helpful errors for what a browser sandbox cannot offer.
//!
//! Python sources run on the engine itself, so they use only the language the engine supports; their frames are
//! hidden from tracebacks. Native helpers they build on live in private modules (`_random`, `_collections`,
//! `_sys`, `_time`, `_inspect`), as CPython's do.

pub mod deque;
pub mod inspect;
pub mod math;
pub mod random;
pub mod sys;
pub mod time;

use crate::dict::Dict;
use crate::exc::{Exc, ExcType, PyResult};
use crate::native::NativeFn;
use crate::pynum::{self, Num};
use crate::types::{args, from_pyerr, native_fn};
use crate::value::{BaseKind, BuiltinType, Module, Value};
use crate::vm::Vm;
use num_bigint::BigInt;
use std::rc::Rc;

/// A native module's functions.
pub type Funcs = &'static [(&'static str, NativeFn)];

/// The module `name` for `import name`, `Ok(None)` when there is no such module (CPython's ModuleNotFoundError).
pub fn load(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let m = match name {
        "math" => math::module(vm),
        "_time" => time::native_module(vm),
        "_random" => random::native_module(vm),
        "_collections" => deque::native_module(vm),
        "_sys" => sys::native_module(vm),
        "_inspect" => inspect::native_module(vm),
        "builtins" => Value::Module(Rc::new(Module {
            name: Rc::from("builtins"),
            dict: vm.builtins.clone(),
        })),
        // One module under both names, as in CPython, so the ABCs are the same classes.
        "collections.abc" => vm.import("_collections_abc")?,
        "os.path" => {
            let os = vm.import("os")?;
            vm.getattr(&os, "path")?
        }
        "socket" | "ssl" | "select" | "selectors" | "http" | "http.client" | "http.server" | "urllib"
        | "urllib.request" | "urllib.error" | "ftplib" | "smtplib" | "socketserver" | "xmlrpc" | "xmlrpc.client"
        | "webbrowser" | "requests" => {
            return Err(Exc::not_implemented(format!(
                "Interleave has no network, so the '{name}' module is not available: \
                 simulate network delays with asyncio.sleep(...)"
            )))
        }
        "_thread" => crate::threads::native_module(vm),
        // The package's one submodule, and its attribute once imported, as in CPython.
        "concurrent.futures" => {
            let pkg = vm.import("concurrent")?;
            let m = vm.exec_module_source("concurrent.futures", include_str!("modules/concurrent_futures.py"))?;
            vm.setattr(&pkg, "futures", m.clone())?;
            m
        }
        // Where CPython defines the package's names; here one module holds them all.
        "concurrent.futures.thread" | "concurrent.futures._base" => vm.import("concurrent.futures")?,
        "_il_mp" => crate::procs::native_module(vm),
        // One module holds the package's names; its submodules are that module too, as far as programs go.
        "multiprocessing.pool"
        | "multiprocessing.process"
        | "multiprocessing.queues"
        | "multiprocessing.synchronize"
        | "multiprocessing.context"
        | "multiprocessing.sharedctypes"
        | "multiprocessing.reduction"
        | "multiprocessing.util"
        | "multiprocessing.connection" => vm.import("multiprocessing")?,
        "concurrent.futures.process" => vm.import("concurrent.futures")?,
        "subprocess" | "signal" | "sched" => {
            return Err(Exc::not_implemented(format!(
                "'{name}' is coming to Interleave soon; use asyncio for now"
            )))
        }
        _ => match source(name) {
            Some(src) => vm.exec_module_source(name, src)?,
            None => return Ok(None),
        },
    };
    Ok(Some(m))
}

/// The Python source of a module written in Python.
pub fn source(name: &str) -> Option<&'static str> {
    Some(match name {
        "abc" => include_str!("modules/abc.py"),
        "bisect" => include_str!("modules/bisect.py"),
        "collections" => include_str!("modules/collections.py"),
        "_collections_abc" => include_str!("modules/_collections_abc.py"),
        "contextlib" => include_str!("modules/contextlib.py"),
        "copy" => include_str!("modules/copy.py"),
        "dataclasses" => include_str!("modules/dataclasses.py"),
        "datetime" => include_str!("modules/datetime.py"),
        "enum" => include_str!("modules/enum.py"),
        "functools" => include_str!("modules/functools.py"),
        "heapq" => include_str!("modules/heapq.py"),
        "__future__" => include_str!("modules/__future__.py"),
        "inspect" => include_str!("modules/inspect.py"),
        "itertools" => include_str!("modules/itertools.py"),
        "json" => include_str!("modules/json.py"),
        "logging" => include_str!("modules/logging.py"),
        "operator" => include_str!("modules/operator.py"),
        "os" => include_str!("modules/os.py"),
        "random" => include_str!("modules/random.py"),
        "string" => include_str!("modules/string.py"),
        "sys" => include_str!("modules/sys.py"),
        "time" => include_str!("modules/time.py"),
        "types" => include_str!("modules/types.py"),
        "typing" => include_str!("modules/typing.py"),
        "_il_iter" => include_str!("modules/_il_iter.py"),
        "_il_thread" => include_str!("modules/_il_thread.py"),
        "threading" => include_str!("modules/threading.py"),
        "queue" => include_str!("modules/queue.py"),
        "warnings" => include_str!("modules/warnings.py"),
        "concurrent" => include_str!("modules/concurrent.py"),
        "traceback" => include_str!("modules/traceback.py"),
        "multiprocessing" => include_str!("modules/multiprocessing.py"),
        "pickle" => include_str!("modules/pickle.py"),
        _ => return None,
    })
}

/// Builds a native module from its functions and constants.
pub fn module(vm: &mut Vm, name: &str, funcs: Funcs, consts: Vec<(&str, Value)>) -> Value {
    let mut d = Dict::new();
    for &(fname, f) in funcs {
        d.set_str(fname, native_fn(fname, f));
    }
    for (cname, v) in consts {
        d.set_str(cname, v);
    }
    vm.module_value(name, d)
}

/// A real-number argument as `f64`, as CPython's `PyFloat_AsDouble` converts it (`__float__`, `__index__`).
pub fn float_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match args::unwrap(v) {
        Value::Float(f) => return Ok(f),
        Value::Int(i) => return Ok(i as f64),
        Value::Bool(b) => return Ok(b as i64 as f64),
        Value::BigInt(b) => return pynum::to_f64(&Num::Big((*b).clone())).map_err(from_pyerr),
        _ => {}
    }
    if let Value::Instance(_) = v {
        for dunder in ["__float__", "__index__"] {
            if let Some(m) = vm.getattr_opt(v, dunder)? {
                let r = vm.call(&m, Vec::new())?;
                if let Value::Float(_) | Value::Int(_) | Value::BigInt(_) | Value::Bool(_) = r {
                    return float_arg(vm, &r);
                }
                return Err(Exc::type_error(format!(
                    "{}.{dunder} returned non-float (type {})",
                    vm.type_name(v),
                    vm.type_name(&r)
                )));
            }
        }
    }
    Err(Exc::type_error(format!("must be real number, not {}", vm.type_name(v))))
}

/// An integer argument of any size (`__index__` honoured; floats refused with CPython's message).
pub fn int_arg_big(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    match args::unwrap(v) {
        Value::Int(i) => return Ok(BigInt::from(i)),
        Value::Bool(b) => return Ok(BigInt::from(b as i64)),
        Value::BigInt(b) => return Ok((*b).clone()),
        _ => {}
    }
    if let Value::Instance(i) = v {
        let kind = i.class.borrow().base_kind;
        if kind != BaseKind::Wrapped(BuiltinType::Float) {
            if let Some(m) = vm.getattr_opt(v, "__index__")? {
                let r = vm.call(&m, Vec::new())?;
                return match r {
                    Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => int_arg_big(vm, &r),
                    other => Err(Exc::type_error(format!(
                        "__index__ returned non-int (type {})",
                        vm.type_name(&other)
                    ))),
                };
            }
        }
    }
    Err(Exc::type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        vm.type_name(v)
    )))
}

/// A machine-sized integer argument, with CPython's overflow message.
pub fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    use num_traits::ToPrimitive;
    int_arg_big(vm, v)?
        .to_i64()
        .ok_or_else(|| Exc::new(ExcType::OverflowError, "Python int too large to convert to C long"))
}

/// The string argument `i` of a native function.
pub fn str_arg<'a>(a: &'a [Value], i: usize, fname: &str) -> PyResult<&'a str> {
    match a.get(i) {
        Some(Value::Str(s)) => Ok(s),
        _ => Err(Exc::type_error(format!("{fname}() argument {} must be str", i + 1))),
    }
}
