//! The standard-library modules programs import: a few native ones built here, the rest Python source (in
//! `modules/*.py`) compiled on first import, and helpful errors for what a browser sandbox cannot offer.
//!
//! Python sources run on the engine itself, so they use only the language the engine supports; their frames are
//! hidden from tracebacks. Native helpers they build on live in private modules (`_random`, `_collections`,
//! `_sys`, `_time`, `_inspect`), as CPython's do.

pub mod deque;
pub mod hashlib;
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
        "_hashlib" => hashlib::native_module(vm),
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
        "_il_net" => crate::net::natives::native_module(vm),
        // One module holds the package's names, as far as programs go.
        "requests.exceptions" | "requests.adapters" => vm.import("requests")?,
        "aiohttp.client_exceptions" | "aiohttp.client" => vm.import("aiohttp")?,
        "urllib.request" | "urllib.error" | "urllib.parse" => {
            let pkg = vm.import("urllib")?;
            let m = vm.import("_il_urllib")?;
            let short = &name[7..];
            vm.setattr(&pkg, short, m.clone())?;
            if short == "request" {
                // CPython's urllib.request imports urllib.error and urllib.parse, which become attributes too.
                vm.setattr(&pkg, "error", m.clone())?;
                vm.setattr(&pkg, "parse", m.clone())?;
            }
            m
        }
        "ssl" | "select" | "selectors" | "http" | "http.client" | "http.server" | "ftplib" | "smtplib" | "xmlrpc"
        | "xmlrpc.client" | "webbrowser" => {
            return Err(Exc::not_implemented(format!(
                "Interleave's simulated network has no '{name}' module yet: it offers socket, asyncio's \
                 streams, requests, aiohttp and urllib.request"
            )))
        }
        "_thread" => crate::threads::native_module(vm),
        // The package's one submodule, and its attribute once imported, as in CPython.
        "concurrent.futures" => {
            let pkg = vm.import("concurrent")?;
            let m = vm.exec_module_source("concurrent.futures", CONCURRENT_FUTURES)?;
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
        "multiprocessing.dummy" => {
            let mp = vm.import("multiprocessing")?;
            vm.getattr(&mp, "dummy")?
        }
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

/// `concurrent.futures`'s source; a `static`, so that its import and its compilation ahead of time
/// (`ahead_source`) use the one address the cache of compiled modules keys on.
static CONCURRENT_FUTURES: Span = runtime_source!("modules/concurrent_futures.py");

/// The source of a runtime module to compile ahead of its import: [`source`]'s, and `concurrent.futures`'s,
/// which is imported its own way (as a submodule of its package).
pub fn ahead_source(name: &str) -> Option<Span> {
    match name {
        "concurrent.futures" => Some(CONCURRENT_FUTURES),
        _ => source(name),
    }
}

/// Where a runtime module's packed source is in the runtime's decoded sources: from, to.
pub type Span = (usize, usize);

/// The words `engine/build.rs` wrote as one byte each in the runtime's sources, the first for 0x80.
static WORDS: &str = include_str!(concat!(env!("OUT_DIR"), "/runtime/words"));

/// The runtime's packed sources, one LZMA stream (see `engine/build.rs`), decoded once, on the first import of a
/// runtime module: a constant of the program's, which no run can change.
fn runtime_sources() -> Option<&'static [u8]> {
    static DECODED: std::sync::OnceLock<Option<Vec<u8>>> = std::sync::OnceLock::new();
    DECODED
        .get_or_init(|| {
            let stream = include_bytes!(concat!(env!("OUT_DIR"), "/runtime/all.lzma"));
            crate::lzma::decode(stream, include!(concat!(env!("OUT_DIR"), "/runtime/size")))
        })
        .as_deref()
}

/// A runtime module's text, from its place in the runtime's sources (`None` only if the build wrote them wrong).
pub fn text(span: Span) -> Option<String> {
    Some(unpack(runtime_sources()?.get(span.0..span.1)?))
}

/// A runtime module's text from its packed source: each byte from 0x80 up stands for one of [`WORDS`].
fn unpack(packed: &[u8]) -> String {
    let words: Vec<&str> = WORDS.split(' ').collect();
    let mut text = String::with_capacity(packed.len() * 3 / 2);
    for &b in packed {
        match b.checked_sub(0x80) {
            None => text.push(char::from(b)),
            Some(k) => text.push_str(words.get(usize::from(k)).copied().unwrap_or_default()),
        }
    }
    text
}

/// Where the Python source of a module written in Python is (see [`text`]).
pub fn source(name: &str) -> Option<Span> {
    Some(match name {
        "abc" => runtime_source!("modules/abc.py"),
        "bisect" => runtime_source!("modules/bisect.py"),
        "collections" => runtime_source!("modules/collections.py"),
        "_collections_abc" => runtime_source!("modules/_collections_abc.py"),
        "contextlib" => runtime_source!("modules/contextlib.py"),
        "contextvars" => runtime_source!("modules/contextvars.py"),
        "copy" => runtime_source!("modules/copy.py"),
        "dataclasses" => runtime_source!("modules/dataclasses.py"),
        "datetime" => runtime_source!("modules/datetime.py"),
        "enum" => runtime_source!("modules/enum.py"),
        "functools" => runtime_source!("modules/functools.py"),
        "hashlib" => runtime_source!("modules/hashlib.py"),
        "heapq" => runtime_source!("modules/heapq.py"),
        "__future__" => runtime_source!("modules/__future__.py"),
        "inspect" => runtime_source!("modules/inspect.py"),
        "itertools" => runtime_source!("modules/itertools.py"),
        "json" => runtime_source!("modules/json.py"),
        "logging" => runtime_source!("modules/logging.py"),
        "operator" => runtime_source!("modules/operator.py"),
        "os" => runtime_source!("modules/os.py"),
        "random" => runtime_source!("modules/random.py"),
        "string" => runtime_source!("modules/string.py"),
        "sys" => runtime_source!("modules/sys.py"),
        "time" => runtime_source!("modules/time.py"),
        "types" => runtime_source!("modules/types.py"),
        "typing" => runtime_source!("modules/typing.py"),
        "_il_iter" => runtime_source!("modules/_il_iter.py"),
        "_il_thread" => runtime_source!("modules/_il_thread.py"),
        "threading" => runtime_source!("modules/threading.py"),
        "queue" => runtime_source!("modules/queue.py"),
        "warnings" => runtime_source!("modules/warnings.py"),
        "concurrent" => runtime_source!("modules/concurrent.py"),
        "traceback" => runtime_source!("modules/traceback.py"),
        "multiprocessing" => runtime_source!("modules/multiprocessing.py"),
        "pickle" => runtime_source!("modules/pickle.py"),
        "socket" => runtime_source!("modules/socket.py"),
        "statistics" => runtime_source!("modules/statistics.py"),
        "textwrap" => runtime_source!("modules/textwrap.py"),
        "socketserver" => runtime_source!("modules/socketserver.py"),
        "_il_web" => runtime_source!("modules/_il_web.py"),
        "_il_streams" => runtime_source!("modules/_il_streams.py"),
        "_il_transports" => runtime_source!("modules/_il_transports.py"),
        "_il_aio_more" => runtime_source!("modules/_il_aio_more.py"),
        "requests" => runtime_source!("modules/requests.py"),
        "aiohttp" => runtime_source!("modules/aiohttp.py"),
        "urllib" => runtime_source!("modules/urllib.py"),
        "_il_urllib" => runtime_source!("modules/_il_urllib.py"),
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
