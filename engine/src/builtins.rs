//! The `builtins` namespace: every builtin function, type and exception class a program can name.

mod attrs;
mod convert;
mod reduce;

use crate::exc::{Exc, ExcType, PyResult};
use crate::native::{Kwargs, NativeFn};
use crate::trace::Stream;
use crate::types::args::{self, one};
use crate::types::{builtin_fn, lazy};
use crate::value::Value;
use crate::vm::Vm;

/// Fills `vm.builtins` with the builtin functions, types, constants and exception classes.
pub fn install(vm: &mut Vm) {
    let funcs: &[(&'static str, NativeFn)] = &[
        ("print", print),
        ("len", len),
        ("repr", repr),
        ("ascii", ascii),
        ("format", format),
        ("id", id),
        ("hash", hash),
        ("callable", callable),
        ("iter", iter),
        ("next", next),
        ("globals", globals),
        ("locals", globals),
        ("input", input),
        ("open", open),
        ("exec", exec),
        ("eval", eval),
        ("compile", compile),
        ("breakpoint", breakpoint),
        ("help", help),
        ("enumerate", lazy::enumerate),
        ("zip", lazy::zip),
        ("map", lazy::map),
        ("filter", lazy::filter),
        ("reversed", lazy::reversed),
        ("sum", reduce::sum),
        ("min", reduce::min),
        ("max", reduce::max),
        ("sorted", reduce::sorted),
        ("any", reduce::any),
        ("all", reduce::all),
        ("abs", convert::abs),
        ("round", convert::round),
        ("divmod", convert::divmod),
        ("pow", convert::pow),
        ("chr", convert::chr),
        ("ord", convert::ord),
        ("hex", convert::hex),
        ("oct", convert::oct),
        ("bin", convert::bin),
        ("isinstance", attrs::isinstance),
        ("issubclass", attrs::issubclass),
        ("getattr", attrs::getattr),
        ("setattr", attrs::setattr),
        ("delattr", attrs::delattr),
        ("hasattr", attrs::hasattr),
        ("vars", attrs::vars),
        ("dir", attrs::dir),
    ];
    let mut entries: Vec<(&str, Value)> = funcs.iter().map(|&(n, f)| (n, builtin_fn(n, f))).collect();
    for (name, class) in vm.types.named() {
        entries.push((name, Value::Class(class)));
    }
    if let Some(c) = vm.types.native("bytearray") {
        entries.push(("bytearray", Value::Class(c)));
    }
    for (t, class) in vm.types.all_excs() {
        // asyncio's own exceptions are reached through `asyncio`, not by bare name.
        if t.module() == "builtins" {
            entries.push((t.name(), Value::Class(class.clone())));
        }
    }
    entries.push(("NotImplemented", Value::NotImplemented));
    entries.push(("Ellipsis", Value::Ellipsis));
    entries.push(("__debug__", Value::Bool(true)));
    // `EnvironmentError` and `IOError` are CPython's old names for OSError.
    let os_error = Value::Class(vm.types.exc(ExcType::OSError));
    entries.push(("EnvironmentError", os_error.clone()));
    entries.push(("IOError", os_error));
    let mut b = vm.builtins.borrow_mut();
    for (name, v) in entries {
        b.set_str(name, v);
    }
}

/// `sep=` and `end=` of print: a str, or None for the default.
fn print_text(vm: &Vm, kw: &Kwargs, name: &str, default: &str) -> PyResult<String> {
    match crate::native::kwarg(kw, name) {
        None | Some(Value::None) => Ok(default.to_string()),
        Some(Value::Str(s)) => Ok(s.to_string()),
        Some(v) => Err(Exc::type_error(format!(
            "{name} must be None or a string, not {}",
            vm.type_name(v)
        ))),
    }
}

fn print(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    for (k, _) in kw {
        if !matches!(&**k, "sep" | "end" | "file" | "flush") {
            return Err(Exc::type_error(format!(
                "'{k}' is an invalid keyword argument for print()"
            )));
        }
    }
    let sep = print_text(vm, kw, "sep", " ")?;
    let end = print_text(vm, kw, "end", "\n")?;
    let file = crate::native::kwarg(kw, "file").cloned().unwrap_or(Value::None);
    let stream = if file.is_none() {
        Some(Stream::Stdout)
    } else {
        // sys.stdout and sys.stderr are recognised by name; any other object needs a `write` method.
        match vm.getattr_opt(&file, "name")? {
            Some(Value::Str(name)) if &*name == "<stdout>" => Some(Stream::Stdout),
            Some(Value::Str(name)) if &*name == "<stderr>" => Some(Stream::Stderr),
            _ => None,
        }
    };
    let Some(stream) = stream else {
        // CPython writes each piece with its own `write` call.
        let write = vm.getattr(&file, "write")?;
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                vm.call(&write, vec![Value::str(&sep)])?;
            }
            let text = vm.to_str(a)?;
            vm.call(&write, vec![Value::Str(text)])?;
        }
        vm.call(&write, vec![Value::str(&end)])?;
        return Ok(Value::None);
    };
    let mut out = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&vm.to_str(a)?);
    }
    out.push_str(&end);
    vm.write(stream, &out);
    Ok(Value::None)
}

fn len(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let v = one("len", args, kw)?;
    Ok(Value::Int(vm.len(v)? as i64))
}

fn repr(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let v = one("repr", args, kw)?;
    vm.repr(v).map(Value::Str)
}

fn ascii(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let v = one("ascii", args, kw)?;
    vm.ascii(v).map(|s| Value::str(&s))
}

fn format(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let slots = args::bind("format", &["value", "format_spec"], args, kw)?;
    let Some(v) = slots.first().cloned().flatten() else {
        return Err(Exc::type_error("format expected at least 1 argument, got 0"));
    };
    let spec = match slots.get(1).cloned().flatten() {
        None => std::rc::Rc::from(""),
        Some(Value::Str(s)) => s,
        Some(other) => {
            return Err(Exc::type_error(format!(
                "format() argument 2 must be str, not {}",
                vm.type_name(&other)
            )))
        }
    };
    vm.format(&v, &spec).map(Value::Str)
}

/// `id(x)`: the object's address for heap values, and a value-derived stand-in for inline ones, so that
/// `id(a) == id(b)` exactly when `a is b`.
fn id(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let v = one("id", args, kw)?;
    let n: i64 = match v.ptr() {
        Some(_) => crate::vm::repr::stable_id(vm, v) as i64,
        None => {
            let (tag, bits): (i64, u64) = match v {
                Value::None => (1, 0),
                Value::NotImplemented => (2, 0),
                Value::Ellipsis => (3, 0),
                Value::Bool(b) => (4, *b as u64),
                Value::Int(i) => (5, *i as u64),
                Value::Float(f) => (6, f.to_bits()),
                _ => (7, 0),
            };
            // Far below any heap address, and distinct per (type, value).
            (tag << 56 ^ (bits.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 8) as i64) & i64::MAX
        }
    };
    Ok(Value::Int(n))
}

fn hash(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let v = one("hash", args, kw)?;
    let h = vm.hash(v)?;
    Ok(Value::Int(crate::types::num::py_hash(h)))
}

fn callable(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let v = one("callable", args, kw)?;
    Ok(Value::Bool(match v {
        Value::Function(_) | Value::Native(_) | Value::Method(_) | Value::Class(_) => true,
        Value::Instance(_) | Value::Object(_) => vm.class_of(v).lookup("__call__").is_some(),
        _ => false,
    }))
}

fn iter(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    args::no_kw("iter", kw)?;
    args::expect("iter", args, 1, 2)?;
    match args {
        [v] => vm.iter(v),
        [f, sentinel] => lazy::call_iter(vm, f, sentinel),
        _ => Err(Exc::type_error("iter expected at most 2 arguments")),
    }
}

fn next(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    args::no_kw("next", kw)?;
    args::expect("next", args, 1, 2)?;
    let it = &args[0];
    let is_iterator = matches!(it, Value::Gen(_) | Value::Object(_) | Value::Instance(_));
    if !is_iterator {
        return Err(Exc::type_error(format!(
            "'{}' object is not an iterator",
            vm.type_name(it)
        )));
    }
    if let Value::Gen(g) = it {
        if g.kind == crate::code::CodeKind::Generator {
            let g = g.clone();
            return match vm.gen_resume(&g, Value::None)? {
                crate::vm::gen::Resumed::Yielded(v) => Ok(v),
                crate::vm::gen::Resumed::Returned(r) => match args.get(1) {
                    Some(d) => Ok(d.clone()),
                    None if r.is_none() => Err(Exc::stop_iteration()),
                    None => Err(Exc::Args(crate::exc::ExcType::StopIteration, vec![r])),
                },
            };
        }
    }
    match vm.next(it)? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(Exc::stop_iteration()),
        },
    }
}

fn globals(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    args::noargs("globals", args, kw)?;
    Ok(Value::Dict(vm.main_globals.clone()))
}

fn input(_vm: &mut Vm, _args: &[Value], _kw: &Kwargs) -> PyResult {
    Err(Exc::not_implemented(
        "input() is not supported in Interleave: programs run without a keyboard; set the value in the code instead",
    ))
}

fn open(_vm: &mut Vm, _args: &[Value], _kw: &Kwargs) -> PyResult {
    Err(Exc::not_implemented(
        "file I/O is not available in Interleave: keep the data in the program (a string or a list) instead",
    ))
}

fn exec(_vm: &mut Vm, _args: &[Value], _kw: &Kwargs) -> PyResult {
    Err(Exc::not_implemented(
        "exec() is not supported in Interleave: write the code directly in the program",
    ))
}

fn eval(_vm: &mut Vm, _args: &[Value], _kw: &Kwargs) -> PyResult {
    Err(Exc::not_implemented(
        "eval() is not supported in Interleave: write the expression directly in the program",
    ))
}

fn compile(_vm: &mut Vm, _args: &[Value], _kw: &Kwargs) -> PyResult {
    Err(Exc::not_implemented(
        "compile() is not supported in Interleave: write the code directly in the program",
    ))
}

fn breakpoint(_vm: &mut Vm, _args: &[Value], _kw: &Kwargs) -> PyResult {
    Err(Exc::not_implemented(
        "breakpoint() is not supported in Interleave: use the Step button to pause between instructions",
    ))
}

fn help(_vm: &mut Vm, _args: &[Value], _kw: &Kwargs) -> PyResult {
    Err(Exc::not_implemented(
        "help() is not supported in Interleave: see the Python documentation at docs.python.org",
    ))
}

/// `dir(obj)` as names, for "Did you mean" hints.
pub fn dir_of(vm: &mut Vm, obj: &Value) -> PyResult<Vec<String>> {
    let r = attrs::dir(vm, std::slice::from_ref(obj), &Vec::new())?;
    Ok(vm
        .collect(&r)?
        .into_iter()
        .filter_map(|v| match v {
            Value::Str(s) => Some(s.to_string()),
            _ => None,
        })
        .collect())
}
