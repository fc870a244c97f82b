//! The private `_sys` module under `sys.py`: output streams, the recursion limit, loaded modules and `getsizeof`.

use super::{int_arg, module, Funcs};
use crate::exc::{Exc, PyResult};
use crate::native::Kwargs;
use crate::trace::Stream;
use crate::value::{Str, Value};
use crate::vm::Vm;

fn write(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let stream = match a.first() {
        Some(Value::Int(2)) => Stream::Stderr,
        _ => Stream::Stdout,
    };
    match a.get(1) {
        Some(Value::Str(s)) => {
            vm.write(stream, s);
            Ok(Value::Int(s.chars().count() as i64))
        }
        Some(other) => Err(Exc::type_error(format!(
            "write() argument must be str, not {}",
            vm.type_name(other)
        ))),
        None => Err(Exc::type_error("write() takes exactly one argument (0 given)")),
    }
}

fn filename(vm: &mut Vm, _a: &[Value], _k: &Kwargs) -> PyResult {
    Ok(Value::Str(vm.filename.clone()))
}

fn getrecursionlimit(vm: &mut Vm, _a: &[Value], _k: &Kwargs) -> PyResult {
    Ok(Value::Int(vm.recursion_limit as i64))
}

fn setrecursionlimit(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let v = a.first().cloned().unwrap_or_default();
    if let Value::Float(_) = v {
        return Err(Exc::type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = int_arg(vm, &v)?;
    if n < 1 {
        return Err(Exc::value_error("recursion limit must be greater or equal than 1"));
    }
    // The engine keeps its frames on the heap, but natives still nest Rust calls: cap what a program may ask.
    vm.recursion_limit = n.min(100_000) as usize;
    Ok(Value::None)
}

fn modules(vm: &mut Vm, _a: &[Value], _k: &Kwargs) -> PyResult {
    let mut d = vm.modules.clone();
    if d.get_str("__main__").is_none() {
        // The program itself, a module over its globals, as CPython lists it.
        let main = crate::value::Module {
            name: Str::from("__main__"),
            dict: vm.main_globals.clone(),
        };
        d.set_str("__main__", Value::Module(std::rc::Rc::new(main)));
    }
    Ok(Value::dict(d))
}

/// Capacity of a list grown by appends, as CPython's `list_resize` over-allocates.
fn list_capacity(n: usize) -> usize {
    let mut allocated = 0usize;
    let mut size = 0usize;
    while size < n {
        size += 1;
        if size > allocated {
            allocated = (size + (size >> 3) + 6) & !3;
        }
    }
    allocated
}

fn dict_size(n: usize, str_keys: bool) -> usize {
    if n == 0 {
        return 64;
    }
    let mut size = 8usize;
    while (size << 1) / 3 < n {
        size <<= 1;
    }
    let index_bytes = if size <= 128 {
        1
    } else if size <= 1 << 15 {
        2
    } else {
        4
    };
    96 + size * index_bytes + ((size << 1) / 3) * if str_keys { 16 } else { 24 }
}

fn set_size(n: usize) -> usize {
    let mut slots = 8usize;
    for fill in 1..=n {
        if fill * 5 >= (slots - 1) * 3 {
            let minused = if fill > 50_000 { fill * 2 } else { fill * 4 };
            let mut s = 8usize;
            while s <= minused {
                s <<= 1;
            }
            slots = s;
        }
    }
    if slots == 8 {
        216
    } else {
        216 + 16 * slots
    }
}

/// `exception()`: the exception being handled where this is called, or `None` (`sys.exception()`).
fn exception(vm: &mut Vm, _a: &[Value], _k: &Kwargs) -> PyResult {
    Ok(vm.ts.exc_top.clone().unwrap_or(Value::None))
}

/// `format_exception(exc, chain)`: the traceback CPython would print for `exc`, as one string.
fn format_exception(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let exc = a.first().cloned().unwrap_or_default();
    if vm.exc_data(&exc).is_none() {
        return Err(crate::exc::Exc::type_error("an exception was expected"));
    }
    let chain = a.get(1).is_none_or(|c| !matches!(c, Value::Bool(false)));
    let text = if chain {
        vm.format_exception(&exc)
    } else {
        vm.format_exception_alone(&exc)
    };
    Ok(Value::str(&text))
}

/// `sys.getsizeof`: CPython 3.11's sizes on a 64-bit build for the builtin types (containers as if built by
/// appending), and a plausible size for everything else.
fn getsizeof(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let Some(v) = a.first() else {
        return Err(Exc::type_error(
            "getsizeof() missing required argument 'object' (pos 1)",
        ));
    };
    let size = match v {
        Value::None => 16,
        Value::Bool(_) => 28,
        Value::Int(i) => {
            let bits = 64 - i.unsigned_abs().leading_zeros() as usize;
            24 + 4 * bits.div_ceil(30).max(1)
        }
        Value::BigInt(b) => 24 + 4 * (b.bits() as usize).div_ceil(30).max(1),
        Value::Float(_) => 24,
        Value::Str(s) => {
            let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
            let n = s.chars().count();
            if max < 0x80 {
                49 + n
            } else if max < 0x100 {
                73 + n
            } else if max < 0x10000 {
                74 + 2 * n
            } else {
                76 + 4 * n
            }
        }
        Value::Bytes(b) => 33 + b.len(),
        Value::List(l) => 56 + 8 * list_capacity(l.borrow().len()),
        Value::Tuple(t) => 40 + 8 * t.len(),
        Value::Dict(d) => {
            let d = d.borrow();
            let str_keys = d.keys().all(|k| matches!(k, Value::Str(_)));
            dict_size(d.len(), str_keys)
        }
        Value::Set(s) => set_size(s.borrow().len()),
        Value::FrozenSet(s) => set_size(s.len()),
        Value::Range(_) => 48,
        Value::Function(_) => 152,
        Value::Class(_) => 1688,
        Value::Gen(g) => match g.kind {
            crate::code::CodeKind::Coroutine => 176,
            _ => 200,
        },
        _ => {
            let _ = vm;
            56
        }
    };
    Ok(Value::Int(size as i64))
}

/// `sys.setswitchinterval(interval)`: how long a thread may hold the GIL while another waits for it.
fn setswitchinterval(vm: &mut Vm, a: &[Value], k: &crate::native::Kwargs) -> PyResult {
    let v = crate::types::args::one("setswitchinterval", a, k)?;
    let secs = match crate::types::args::unwrap(v) {
        Value::Float(f) => f,
        Value::Int(i) => i as f64,
        Value::Bool(b) => b as i64 as f64,
        _ => {
            return Err(crate::exc::Exc::type_error(format!(
                "must be real number, not {}",
                vm.type_name(v)
            )))
        }
    };
    if secs.is_nan() || secs <= 0.0 {
        return Err(crate::exc::Exc::value_error(
            "switch interval must be strictly positive",
        ));
    }
    let micros = (secs * 1e6).min(1e12) as u64;
    vm.threads.switch_interval = micros.max(1) * 1000;
    Ok(Value::None)
}

pub fn native_module(vm: &mut Vm) -> Value {
    let funcs: Funcs = &[
        ("write", write),
        ("filename", filename),
        ("getrecursionlimit", getrecursionlimit),
        ("setrecursionlimit", setrecursionlimit),
        ("modules", modules),
        ("getsizeof", getsizeof),
        ("exception", exception),
        ("format_exception", format_exception),
        ("format_tb", |vm, a, _| {
            // `format_tb(tb)`: the frames of a traceback object as `print_exc` shows them, as one string.
            let entries = crate::vm::tb::entries(a.first().unwrap_or(&Value::None));
            let mut out = String::new();
            vm.format_entries(entries.iter(), "", &mut out);
            Ok(Value::str(&out))
        }),
        ("getswitchinterval", |vm, _, _| {
            // CPython keeps the interval in whole microseconds.
            Ok(Value::Float((vm.threads.switch_interval / 1000) as f64 / 1e6))
        }),
        ("setswitchinterval", setswitchinterval),
        // The line the program's own code is at (runtime frames are hidden), for `warnings`.
        ("user_line", |vm, _, _| Ok(Value::Int(vm.ts.line as i64))),
        // The name of the program's function at that line (`co_name`: `<module>`, a class body's name,
        // `<lambda>`), for `logging`'s `funcName`.
        ("user_func", |vm, _, _| {
            let line = vm.ts.line;
            let name = vm
                .main_code
                .as_ref()
                .map(|c| code_at(c, line))
                .filter(|n| !n.is_empty());
            Ok(Value::Str(name.unwrap_or_else(|| Str::from("<module>"))))
        }),
        ("source_line", |vm, a, _| {
            let n = match a.first() {
                Some(Value::Int(n)) => *n,
                _ => 0,
            };
            let line = usize::try_from(n - 1)
                .ok()
                .and_then(|i| vm.source.lines().nth(i))
                .unwrap_or("");
            Ok(Value::str(line))
        }),
    ];
    module(vm, "_sys", funcs, Vec::new())
}

/// The innermost code object under `code` (itself included) with an instruction at `line`: the function a
/// call on that line runs in. (A line that also holds a lambda or a comprehension is taken to run in it.)
fn code_at(code: &crate::code::Code, line: u32) -> Str {
    for c in &code.consts {
        if let Value::Code(inner) = c {
            let found = code_at(inner, line);
            if !found.is_empty() {
                return found;
            }
        }
    }
    if code.lines.contains(&line) {
        code.name.clone()
    } else {
        Str::from("")
    }
}
