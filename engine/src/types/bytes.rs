//! A minimal `bytes`: construction, `decode`, `hex`, and the sequence protocol.

use super::args::{self, check_str_size, rest};
use super::{add_methods, dunder, Types};
use crate::exc::{Exc, ExcType, PyResult};
use crate::native::Kwargs;
use crate::value::Value;
use crate::vm::Vm;
use std::rc::Rc;

/// The one encoding Interleave speaks; its CPython aliases are accepted.
pub fn check_encoding(enc: &str) -> PyResult<()> {
    match enc.to_ascii_lowercase().replace('_', "-").as_str() {
        "utf-8" | "utf8" | "u8" => Ok(()),
        "ascii" | "us-ascii" => Ok(()),
        _ => Err(Exc::new(
            ExcType::LookupError,
            format!("unknown encoding: {enc}"),
        )),
    }
}

fn is_ascii_name(enc: &str) -> bool {
    matches!(
        enc.to_ascii_lowercase().as_str(),
        "ascii" | "us-ascii" | "us_ascii"
    )
}

/// `str.encode(encoding)`.
pub fn encode(s: &str, enc: &str) -> PyResult<Value> {
    check_encoding(enc)?;
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
    let codec = if is_ascii_name(&enc) {
        "ascii"
    } else {
        "utf-8"
    };
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

pub fn install(t: &Types) {
    add_methods(&t.bytes, "bytes", &[("decode", decode), ("hex", hex)]);
    dunder::install_seq(&t.bytes, "bytes");
}
