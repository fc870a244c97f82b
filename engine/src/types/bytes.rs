//! A minimal `bytes`: construction, `decode` (UTF-8, ASCII, Latin-1), `hex`, the common methods, and the sequence protocol (`bytearray.rs` is its mutable twin).

use super::args::{self, check_str_size, rest};
use super::{add_methods, dunder, Types};
use crate::exc::{Exc, ExcType, PyResult};
use crate::native::Kwargs;
use crate::value::Value;
use crate::vm::Vm;
use std::rc::Rc;

/// The encodings Interleave speaks (UTF-8, ASCII, Latin-1); their CPython aliases are accepted.
pub fn check_encoding(enc: &str) -> PyResult<()> {
    match enc.to_ascii_lowercase().replace('_', "-").as_str() {
        "utf-8" | "utf8" | "u8" => Ok(()),
        "ascii" | "us-ascii" => Ok(()),
        _ if is_latin1_name(enc) => Ok(()),
        _ => Err(Exc::new(ExcType::LookupError, format!("unknown encoding: {enc}"))),
    }
}

fn is_latin1_name(enc: &str) -> bool {
    matches!(
        enc.to_ascii_lowercase().replace('_', "-").as_str(),
        "latin-1" | "latin1" | "latin" | "l1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "iso-ir-100"
    )
}

fn is_ascii_name(enc: &str) -> bool {
    matches!(enc.to_ascii_lowercase().as_str(), "ascii" | "us-ascii" | "us_ascii")
}

/// `str.encode(encoding)`.
pub fn encode(s: &str, enc: &str) -> PyResult<Value> {
    check_encoding(enc)?;
    if is_latin1_name(enc) {
        let mut out = Vec::with_capacity(s.len());
        for (i, c) in s.chars().enumerate() {
            let n = c as u32;
            if n >= 0x100 {
                let esc = if n < 0x10000 {
                    format!("\\u{n:04x}")
                } else {
                    format!("\\U{n:08x}")
                };
                return Err(Exc::new(
                    ExcType::UnicodeEncodeError,
                    format!(
                        "'latin-1' codec can't encode character '{esc}' in position {i}: ordinal not in range(256)"
                    ),
                ));
            }
            out.push(n as u8);
        }
        return Ok(Value::Bytes(Rc::from(out)));
    }
    if is_ascii_name(enc) {
        if let Some((i, c)) = s.chars().enumerate().find(|(_, c)| !c.is_ascii()) {
            let n = c as u32;
            let esc = if n < 0x100 {
                format!("\\x{n:02x}")
            } else if n < 0x10000 {
                format!("\\u{n:04x}")
            } else {
                format!("\\U{n:08x}")
            };
            return Err(Exc::new(
                ExcType::UnicodeEncodeError,
                format!("'ascii' codec can't encode character '{esc}' in position {i}: ordinal not in range(128)"),
            ));
        }
    }
    Ok(Value::Bytes(Rc::from(s.as_bytes())))
}

/// `bytes(x)`, `bytes(str, encoding)`.
pub fn new_bytes(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult {
    let slots = args::bind("bytes", &["source", "encoding", "errors"], a, kw)?;
    let source = slots.first().cloned().flatten();
    let encoding = slots.get(1).cloned().flatten();
    match (source, encoding) {
        (None, None) => Ok(Value::Bytes(Rc::from(&b""[..]))),
        (Some(Value::Str(s)), Some(Value::Str(enc))) => encode(&s, &enc),
        (Some(Value::Str(_)), _) => Err(Exc::type_error("string argument without an encoding")),
        (Some(_), Some(_)) => Err(Exc::type_error("encoding without a string argument")),
        (None, Some(_)) => Err(Exc::type_error("encoding without a string argument")),
        (Some(src), None) => {
            if let Value::Bytes(_) = src {
                return Ok(src);
            }
            if let Some(n) = args::index_of(vm, &src)? {
                if n < 0 {
                    return Err(Exc::value_error("negative count"));
                }
                check_str_size(n as usize)?;
                return Ok(Value::Bytes(Rc::from(vec![0u8; n as usize])));
            }
            let mut out = Vec::new();
            for item in vm.collect(&src)? {
                match args::index_of(vm, &item)? {
                    Some(b) if (0..256).contains(&b) => out.push(b as u8),
                    Some(_) => return Err(Exc::value_error("bytes must be in range(0, 256)")),
                    None => {
                        return Err(Exc::type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            vm.type_name(&item)
                        )))
                    }
                }
            }
            Ok(Value::Bytes(Rc::from(out)))
        }
    }
}

fn this(vm: &Vm, name: &str, args: &[Value]) -> PyResult<Rc<[u8]>> {
    match args::recv(vm, "bytes", name, args, |v| matches!(v, Value::Bytes(_)))? {
        Value::Bytes(b) => Ok(b),
        _ => Err(Exc::type_error("expected bytes")),
    }
}

fn decode(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let b = this(vm, "decode", args)?;
    let slots = args::bind("decode", &["encoding", "errors"], rest(args), kw)?;
    let enc = match slots.first().cloned().flatten() {
        Some(Value::Str(s)) => s.to_string(),
        Some(v) => {
            return Err(Exc::type_error(format!(
                "decode() argument 'encoding' must be str, not {}",
                vm.type_name(&v)
            )))
        }
        None => "utf-8".into(),
    };
    check_encoding(&enc)?;
    if is_latin1_name(&enc) {
        return Ok(Value::str(&latin1(&b)));
    }
    let codec = if is_ascii_name(&enc) { "ascii" } else { "utf-8" };
    let bad = if codec == "ascii" {
        b.iter()
            .position(|c| !c.is_ascii())
            .map(|p| (p, "ordinal not in range(128)"))
    } else {
        std::str::from_utf8(&b)
            .err()
            .map(|e| (e.valid_up_to(), "invalid start byte"))
    };
    if let Some((pos, why)) = bad {
        let byte = b.get(pos).copied().unwrap_or(0);
        return Err(Exc::new(
            ExcType::UnicodeDecodeError,
            format!("'{codec}' codec can't decode byte 0x{byte:02x} in position {pos}: {why}"),
        ));
    }
    Ok(Value::str(&String::from_utf8_lossy(&b)))
}

fn hex(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let b = this(vm, "hex", args)?;
    args::noargs("bytes.hex", rest(args), kw)?;
    let s: String = b.iter().map(|x| format!("{x:02x}")).collect();
    Ok(Value::str(&s))
}

/// `bytes.fromhex(s)`, a classmethod: pairs of hex digits, spaces allowed between them.
fn fromhex(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let v = args::one("fromhex", rest(args), kw)?;
    let s = args::str_arg(v, || format!("fromhex() argument must be str, not {}", vm.type_name(v)))?;
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16);
        let lo = chars.get(i + 1).and_then(|c| c.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            (None, _) => return Err(bad_hex(i)),
            (Some(_), None) => return Err(bad_hex(i + 1)),
        }
        i += 2;
    }
    Ok(Value::Bytes(Rc::from(out)))
}

fn bad_hex(pos: usize) -> Exc {
    Exc::value_error(format!(
        "non-hexadecimal number found in fromhex() arg at position {pos}"
    ))
}

/// Bytes as a str of the same length (each byte one character), so `pystr` can search and split them.
fn latin1(b: &[u8]) -> String {
    b.iter().map(|&c| c as char).collect()
}

fn from_latin1(s: &str) -> Value {
    let v: Vec<u8> = s.chars().map(|c| c as u32 as u8).collect();
    Value::Bytes(Rc::from(v))
}

/// A bytes argument: `a bytes-like object is required, not 'str'`.
fn bytes_arg(vm: &Vm, v: &Value) -> PyResult<Rc<[u8]>> {
    if let Some(b) = super::bytearray::bytes_like(v) {
        return Ok(b);
    }
    match args::unwrap(v) {
        Value::Bytes(b) => Ok(b),
        _ => Err(Exc::type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))),
    }
}

/// The needle of `find` and friends: bytes, or an int for a single byte.
fn needle(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if let Some(i) = args::index_of(vm, v)? {
        return match u8::try_from(i) {
            Ok(c) => Ok((c as char).to_string()),
            Err(_) => Err(Exc::value_error("byte must be in range(0, 256)")),
        };
    }
    Ok(latin1(&bytes_arg(vm, v)?))
}

fn map_ascii(vm: &mut Vm, name: &str, args: &[Value], kw: &Kwargs, f: fn(&[u8]) -> Vec<u8>) -> PyResult {
    let b = this(vm, name, args)?;
    args::noargs(&format!("bytes.{name}"), rest(args), kw)?;
    Ok(Value::Bytes(Rc::from(f(&b))))
}

fn upper(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    map_ascii(vm, "upper", args, kw, <[u8]>::to_ascii_uppercase)
}

fn lower(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    map_ascii(vm, "lower", args, kw, <[u8]>::to_ascii_lowercase)
}

fn test_ascii(vm: &mut Vm, name: &str, args: &[Value], kw: &Kwargs, f: fn(&u8) -> bool) -> PyResult {
    let b = this(vm, name, args)?;
    args::noargs(&format!("bytes.{name}"), rest(args), kw)?;
    Ok(Value::Bool(!b.is_empty() && b.iter().all(f)))
}

fn isdigit(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    test_ascii(vm, "isdigit", args, kw, u8::is_ascii_digit)
}

fn isalpha(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    test_ascii(vm, "isalpha", args, kw, u8::is_ascii_alphabetic)
}

fn isspace(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    test_ascii(vm, "isspace", args, kw, |c| b" \t\n\r\x0b\x0c".contains(c))
}

fn is_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c')
}

fn strip_impl(vm: &mut Vm, name: &str, args: &[Value], kw: &Kwargs, left: bool, right: bool) -> PyResult {
    let b = this(vm, name, args)?;
    let a = rest(args);
    args::no_kw(&format!("bytes.{name}"), kw)?;
    args::expect(name, a, 0, 1)?;
    let set: Option<Vec<u8>> = match a.first() {
        None | Some(Value::None) => None,
        Some(v) => Some(bytes_arg(vm, v)?.to_vec()),
    };
    let keep = |c: &u8| match &set {
        None => !is_ws(*c as char),
        Some(s) => !s.contains(c),
    };
    let start = if left {
        b.iter().position(keep).unwrap_or(b.len())
    } else {
        0
    };
    let end = if right {
        b.iter().rposition(keep).map_or(start, |p| p + 1)
    } else {
        b.len()
    };
    Ok(Value::Bytes(Rc::from(b.get(start..end.max(start)).unwrap_or(&[]))))
}

fn strip(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    strip_impl(vm, "strip", args, kw, true, true)
}

fn lstrip(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    strip_impl(vm, "lstrip", args, kw, true, false)
}

fn rstrip(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    strip_impl(vm, "rstrip", args, kw, false, true)
}

/// `partition(sep)` and `rpartition(sep)`: the parts before and after the first (last) `sep`.
fn partition_impl(vm: &mut Vm, name: &str, args: &[Value], kw: &Kwargs, last: bool) -> PyResult {
    let b = this(vm, name, args)?;
    let slots = args::bind(name, &["sep"], rest(args), kw)?;
    let sep = match slots.first().cloned().flatten() {
        Some(v) => bytes_arg(vm, &v)?,
        None => {
            return Err(Exc::type_error(format!(
                "bytes.{name}() takes exactly one argument (0 given)"
            )))
        }
    };
    if sep.is_empty() {
        return Err(Exc::value_error("empty separator"));
    }
    let found = if last {
        b.windows(sep.len()).rposition(|w| w == &sep[..])
    } else {
        b.windows(sep.len()).position(|w| w == &sep[..])
    };
    let part = |x: &[u8]| Value::Bytes(Rc::from(x));
    Ok(Value::tuple(match found {
        Some(i) => vec![part(&b[..i]), part(&sep), part(&b[i + sep.len()..])],
        None if last => vec![part(b""), part(b""), part(&b)],
        None => vec![part(&b), part(b""), part(b"")],
    }))
}

fn partition(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    partition_impl(vm, "partition", args, kw, false)
}

fn rpartition(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    partition_impl(vm, "rpartition", args, kw, true)
}

fn split(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let b = this(vm, "split", args)?;
    let slots = args::bind("split", &["sep", "maxsplit"], rest(args), kw)?;
    let max = match slots.get(1).cloned().flatten() {
        Some(v) => args::int_arg(vm, &v)?,
        None => -1,
    };
    let parts: Vec<Value> = match slots.first().cloned().flatten() {
        None | Some(Value::None) => {
            let mut out = Vec::new();
            let text = latin1(&b);
            let mut rest = text.trim_start_matches(is_ws);
            let mut left = if max < 0 { usize::MAX } else { max as usize };
            while !rest.is_empty() {
                if left == 0 {
                    out.push(from_latin1(rest));
                    break;
                }
                let end = rest.find(is_ws).unwrap_or(rest.len());
                out.push(from_latin1(&rest[..end]));
                rest = rest[end..].trim_start_matches(is_ws);
                left -= 1;
            }
            out
        }
        Some(sep) => {
            let sep = latin1(&bytes_arg(vm, &sep)?);
            crate::pystr::split(&latin1(&b), Some(&sep), max)
                .map_err(super::from_pyerr)?
                .iter()
                .map(|p| from_latin1(p))
                .collect()
        }
    };
    Ok(Value::list(parts))
}

fn join(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let b = this(vm, "join", args)?;
    let it = args::one("bytes.join", rest(args), kw)?;
    let items = vm.collect(it)?;
    let mut out: Vec<u8> = Vec::new();
    for (i, x) in items.iter().enumerate() {
        let Some(p) = super::bytearray::bytes_like(x) else {
            return Err(Exc::type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                vm.type_name(x)
            )));
        };
        if i > 0 {
            out.extend_from_slice(&b);
        }
        out.extend_from_slice(&p);
        check_str_size(out.len())?;
    }
    Ok(Value::Bytes(Rc::from(out)))
}

/// `find`, `rfind`, `index`, `rindex` and `count` through `pystr` on the bytes' one-char-per-byte text.
fn search(vm: &mut Vm, name: &str, args: &[Value], kw: &Kwargs) -> PyResult {
    let b = this(vm, name, args)?;
    let a = rest(args);
    args::no_kw(&format!("bytes.{name}"), kw)?;
    args::takes(name, a, 1, 3)?;
    let sub = needle(vm, &a[0])?;
    let start = args::opt_bound(vm, a.get(1))?;
    let end = args::opt_bound(vm, a.get(2))?;
    let text = latin1(&b);
    let r = match name {
        "find" => crate::pystr::find(&text, &sub, start, end),
        "rfind" => crate::pystr::rfind(&text, &sub, start, end),
        "count" => crate::pystr::count(&text, &sub, start, end),
        "index" => crate::pystr::find(&text, &sub, start, end),
        _ => crate::pystr::rfind(&text, &sub, start, end),
    };
    if r < 0 && matches!(name, "index" | "rindex") {
        return Err(Exc::value_error("subsection not found"));
    }
    Ok(Value::Int(r))
}

fn find(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    search(vm, "find", args, kw)
}

fn rfind(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    search(vm, "rfind", args, kw)
}

fn index(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    search(vm, "index", args, kw)
}

fn rindex(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    search(vm, "rindex", args, kw)
}

fn count(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    search(vm, "count", args, kw)
}

fn affix(vm: &mut Vm, name: &str, args: &[Value], kw: &Kwargs, at_end: bool) -> PyResult {
    let b = this(vm, name, args)?;
    let a = rest(args);
    args::no_kw(&format!("bytes.{name}"), kw)?;
    args::takes(name, a, 1, 3)?;
    let candidates: Vec<Value> = match &a[0] {
        Value::Tuple(t) => t.to_vec(),
        other => vec![other.clone()],
    };
    let start = args::opt_bound(vm, a.get(1))?;
    let end = args::opt_bound(vm, a.get(2))?;
    let text = latin1(&b);
    for c in &candidates {
        let p = latin1(&bytes_arg(vm, c)?);
        let hit = if at_end {
            crate::pystr::endswith(&text, &p, start, end)
        } else {
            crate::pystr::startswith(&text, &p, start, end)
        };
        if hit {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn startswith(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    affix(vm, "startswith", args, kw, false)
}

fn endswith(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    affix(vm, "endswith", args, kw, true)
}

fn replace(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult {
    let b = this(vm, "replace", args)?;
    let a = rest(args);
    args::no_kw("bytes.replace", kw)?;
    args::expect("replace", a, 2, 3)?;
    let old = latin1(&bytes_arg(vm, &a[0])?);
    let new = latin1(&bytes_arg(vm, &a[1])?);
    let n = match a.get(2) {
        Some(v) => args::int_arg(vm, v)?,
        None => -1,
    };
    crate::pystr::replace(&latin1(&b), &old, &new, n)
        .map(|r| from_latin1(&r))
        .map_err(super::from_pyerr)
}

pub fn install(t: &Types) {
    add_methods(
        &t.bytes,
        "bytes",
        &[
            ("decode", decode),
            ("hex", hex),
            ("upper", upper),
            ("lower", lower),
            ("isdigit", isdigit),
            ("isalpha", isalpha),
            ("isspace", isspace),
            ("strip", strip),
            ("lstrip", lstrip),
            ("rstrip", rstrip),
            ("split", split),
            ("partition", partition),
            ("rpartition", rpartition),
            ("join", join),
            ("find", find),
            ("rfind", rfind),
            ("index", index),
            ("rindex", rindex),
            ("count", count),
            ("startswith", startswith),
            ("endswith", endswith),
            ("replace", replace),
        ],
    );
    let fh = super::native_method("bytes", "fromhex", fromhex);
    t.bytes
        .dict
        .borrow_mut()
        .set_str("fromhex", Value::Object(Rc::new(crate::vm::attr::ClassMethod(fh))));
    dunder::install_seq(&t.bytes, "bytes");
}
