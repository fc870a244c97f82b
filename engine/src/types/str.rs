//! Methods of `str`: case, predicates, padding, formatting and translation (searching and splitting live in `str/`).

mod search;
mod split;

use super::args::{self, noargs, rest};
use super::strfmt::{FormatArgs, Named};
use super::{add_methods, dunder, from_pyerr, native_method, Types};
use crate::dict::Dict;
use crate::exc::{Exc, PyResult};
use crate::native::Kwargs;
use crate::pystr::{self, char_len};
use crate::pystrcase as c;
use crate::value::{Str, Value};
use crate::vm::Vm;
use std::rc::Rc;

/// The str a method was called on.
pub(super) fn this(vm: &Vm, name: &str, args: &[Value]) -> PyResult<Str> {
    match args::recv(vm, "str", name, args, |v| matches!(v, Value::Str(_)))? {
        Value::Str(s) => Ok(s),
        _ => Err(Exc::type_error("expected a str")),
    }
}

/// A str argument: `replace() argument 1 must be str, not int`.
pub(super) fn opt_str_arg(vm: &Vm, name: &str, pos: usize, v: &Value) -> PyResult<Str> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        other => Err(Exc::type_error(format!(
            "{name}() argument {pos} must be str, not {}",
            vm.type_name(other)
        ))),
    }
}

fn map_chars(vm: &mut Vm, name: &str, args: &[Value], kw: &Kwargs, f: fn(&str) -> String) -> PyResult {
    let s = this(vm, name, args)?;
    noargs(&format!("str.{name}"), rest(args), kw)?;
    Ok(Value::str(&f(&s)))
}

fn lower(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    map_chars(vm, "lower", args, kw, c::lower)
}

fn upper(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    map_chars(vm, "upper", args, kw, c::upper)
}

fn casefold(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    map_chars(vm, "casefold", args, kw, c::casefold)
}

fn swapcase(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    map_chars(vm, "swapcase", args, kw, c::swapcase)
}

fn capitalize(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    map_chars(vm, "capitalize", args, kw, c::capitalize)
}

fn title(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    map_chars(vm, "title", args, kw, c::title)
}

fn test_chars(vm: &mut Vm, name: &str, args: &[Value], kw: &Kwargs, f: fn(&str) -> bool) -> PyResult {
    let s = this(vm, name, args)?;
    noargs(&format!("str.{name}"), rest(args), kw)?;
    Ok(Value::Bool(f(&s)))
}

macro_rules! predicates {
    ($($name:ident),*) => {
        $(fn $name(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
            test_chars(vm, stringify!($name), args, kw, c::$name)
        })*
    };
}

predicates!(
    isalpha,
    isdigit,
    isdecimal,
    isnumeric,
    isalnum,
    isspace,
    isascii,
    isprintable,
    islower,
    isupper,
    istitle,
    isidentifier
);

/// `(width[, fillchar])` of `center`, `ljust` and `rjust`.
fn pad_args(vm: &mut Vm, name: &str, a: &[Value], kw: &Kwargs) -> PyResult<(i64, Str)> {
    args::no_kw(&format!("str.{name}"), kw)?;
    args::expect(name, a, 1, 2)?;
    let w = args::int_arg(vm, &a[0])?;
    let fill = match a.get(1) {
        None => Rc::from(" "),
        Some(Value::Str(f)) => f.clone(),
        Some(other) => {
            return Err(Exc::type_error(format!(
                "The fill character must be a unicode character, not {}",
                vm.type_name(other)
            )))
        }
    };
    Ok((w, fill))
}

fn pad_with(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: &Kwargs,
    f: fn(&str, i64, &str) -> crate::pyerr::PyRes<String>,
) -> PyResult {
    let s = this(vm, name, args)?;
    let (w, fill) = pad_args(vm, name, rest(args), kw)?;
    if w <= char_len(&s) as i64 && fill.chars().count() == 1 {
        return Ok(Value::Str(s));
    }
    f(&s, w, &fill).map(|r| Value::str(&r)).map_err(from_pyerr)
}

fn center(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    pad_with(vm, "center", args, kw, pystr::center)
}

fn ljust(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    pad_with(vm, "ljust", args, kw, pystr::ljust)
}

fn rjust(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    pad_with(vm, "rjust", args, kw, pystr::rjust)
}

fn zfill(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let s = this(vm, "zfill", args)?;
    let w = args::one("str.zfill", rest(args), kw)?;
    let w = args::int_arg(vm, w)?;
    if w <= char_len(&s) as i64 {
        return Ok(Value::Str(s));
    }
    pystr::zfill(&s, w).map(|r| Value::str(&r)).map_err(from_pyerr)
}

fn expandtabs(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let s = this(vm, "expandtabs", args)?;
    let a = rest(args);
    if a.len() > 1 {
        return Err(Exc::type_error(format!(
            "expandtabs() takes at most 1 argument ({} given)",
            a.len() + kw.len()
        )));
    }
    let slots = args::bind("expandtabs", &["tabsize"], a, kw)?;
    let tab = match slots.first().cloned().flatten() {
        Some(v) => args::int_arg(vm, &v)?,
        None => 8,
    };
    pystr::expandtabs(&s, tab).map(|r| Value::str(&r)).map_err(from_pyerr)
}

fn removeprefix(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let s = this(vm, "removeprefix", args)?;
    let p = args::one("str.removeprefix", rest(args), kw)?;
    let p = opt_str_arg(vm, "removeprefix", 1, p)?;
    let r = pystr::removeprefix(&s, &p);
    Ok(if r.len() == s.len() {
        Value::Str(s.clone())
    } else {
        Value::str(r)
    })
}

fn removesuffix(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let s = this(vm, "removesuffix", args)?;
    let p = args::one("str.removesuffix", rest(args), kw)?;
    let p = opt_str_arg(vm, "removesuffix", 1, p)?;
    let r = pystr::removesuffix(&s, &p);
    Ok(if r.len() == s.len() {
        Value::Str(s.clone())
    } else {
        Value::str(r)
    })
}

fn format(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let s = this(vm, "format", args)?;
    let fa = FormatArgs {
        positional: rest(args),
        named: Named::Kwargs(kw),
    };
    super::strfmt::format(vm, &s, &fa).map(|r| Value::str(&r))
}

fn format_map(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let s = this(vm, "format_map", args)?;
    let m = args::one("str.format_map", rest(args), kw)?;
    let fa = FormatArgs {
        positional: &[],
        named: Named::Mapping(m.clone()),
    };
    super::strfmt::format(vm, &s, &fa).map(|r| Value::str(&r))
}

fn encode(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let s = this(vm, "encode", args)?;
    let a = rest(args);
    if a.len() > 2 {
        return Err(Exc::type_error(format!(
            "encode() takes at most 2 arguments ({} given)",
            a.len() + kw.len()
        )));
    }
    let slots = args::bind("encode", &["encoding", "errors"], a, kw)?;
    let enc = match slots.first().cloned().flatten() {
        None => Rc::from("utf-8"),
        Some(Value::Str(e)) => e,
        Some(v) => {
            return Err(Exc::type_error(format!(
                "encode() argument 'encoding' must be str, not {}",
                vm.type_name(&v)
            )))
        }
    };
    super::bytes::encode(&s, &enc)
}

/// `str.maketrans(x[, y[, z]])`, a static method: the table `translate` uses.
fn maketrans(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    args::no_kw("maketrans", kw)?;
    args::expect("maketrans", args, 1, 3)?;
    let mut d = Dict::new();
    let code = |c: char| Value::Int(c as i64);
    match args {
        [Value::Dict(m)] => {
            let items: Vec<(Value, Value)> = m.borrow().items().map(|(k, v)| (k.clone(), v.clone())).collect();
            for (k, v) in items {
                let key = match &k {
                    Value::Str(s) if char_len(s) == 1 => s.chars().next().map(code).unwrap_or_default(),
                    Value::Int(_) => k.clone(),
                    Value::Str(_) => {
                        return Err(Exc::value_error("string keys in translate table must be of length 1"))
                    }
                    _ => return Err(Exc::type_error("keys in translate table must be strings or integers")),
                };
                d.insert(vm.hkey(key)?, v);
            }
        }
        [_] => {
            return Err(Exc::type_error(
                "if you give only one argument to maketrans it must be a dict",
            ))
        }
        [Value::Str(x), Value::Str(y), rest @ ..] => {
            if char_len(x) != char_len(y) {
                return Err(Exc::value_error(
                    "the first two maketrans arguments must have equal length",
                ));
            }
            for (a, b) in x.chars().zip(y.chars()) {
                d.insert(vm.hkey(code(a))?, code(b));
            }
            match rest.first() {
                None => {}
                Some(Value::Str(z)) => {
                    for c in z.chars() {
                        d.insert(vm.hkey(code(c))?, Value::None);
                    }
                }
                Some(other) => {
                    return Err(Exc::type_error(format!(
                        "maketrans() argument 3 must be str, not {}",
                        vm.type_name(other)
                    )))
                }
            }
        }
        [Value::Str(_), other, ..] => {
            return Err(Exc::type_error(format!(
                "maketrans() argument 2 must be str, not {}",
                vm.type_name(other)
            )))
        }
        [other, ..] => {
            return Err(Exc::type_error(format!(
                "maketrans() argument 1 must be str, not {}",
                vm.type_name(other)
            )))
        }
        [] => return Err(Exc::type_error("maketrans expected at least 1 argument, got 0")),
    }
    Ok(Value::dict(d))
}

fn translate(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let s = this(vm, "translate", args)?;
    let table = args::one("str.translate", rest(args), kw)?;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let got = match vm.getitem(table, &Value::Int(c as i64)) {
            Ok(v) => Some(v),
            Err(e) if super::iters::is_exc(vm, &e, crate::exc::ExcType::LookupError) => None,
            Err(e) => return Err(e),
        };
        match got {
            None => out.push(c),
            Some(Value::None) => {}
            Some(Value::Str(r)) => out.push_str(&r),
            Some(Value::Int(n)) => match u32::try_from(n).ok().and_then(char::from_u32) {
                Some(r) => out.push(r),
                None => return Err(Exc::value_error("character mapping must be in range(0x110000)")),
            },
            Some(_) => return Err(Exc::type_error("character mapping must return integer, None or str")),
        }
        args::check_str_size(out.len())?;
    }
    Ok(Value::str(&out))
}

pub fn install(t: &Types) {
    add_methods(
        &t.str_,
        "str",
        &[
            ("lower", lower),
            ("upper", upper),
            ("casefold", casefold),
            ("swapcase", swapcase),
            ("capitalize", capitalize),
            ("title", title),
            ("isalpha", isalpha),
            ("isdigit", isdigit),
            ("isdecimal", isdecimal),
            ("isnumeric", isnumeric),
            ("isalnum", isalnum),
            ("isspace", isspace),
            ("isascii", isascii),
            ("isprintable", isprintable),
            ("islower", islower),
            ("isupper", isupper),
            ("istitle", istitle),
            ("isidentifier", isidentifier),
            ("center", center),
            ("ljust", ljust),
            ("rjust", rjust),
            ("zfill", zfill),
            ("expandtabs", expandtabs),
            ("removeprefix", removeprefix),
            ("removesuffix", removesuffix),
            ("format", format),
            ("format_map", format_map),
            ("encode", encode),
            ("translate", translate),
            ("find", search::find),
            ("rfind", search::rfind),
            ("index", search::index),
            ("rindex", search::rindex),
            ("count", search::count),
            ("startswith", search::startswith),
            ("endswith", search::endswith),
            ("replace", search::replace),
            ("split", split::split),
            ("rsplit", split::rsplit),
            ("splitlines", split::splitlines),
            ("partition", split::partition),
            ("rpartition", split::rpartition),
            ("strip", split::strip),
            ("lstrip", split::lstrip),
            ("rstrip", split::rstrip),
            ("join", split::join),
        ],
    );
    let mt = native_method("str", "maketrans", maketrans);
    t.str_
        .dict
        .borrow_mut()
        .set_str("maketrans", Value::Object(Rc::new(crate::vm::attr::StaticMethod(mt))));
    dunder::install_seq(&t.str_, "str");
}
