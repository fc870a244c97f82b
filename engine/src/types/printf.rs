//! printf-style formatting, `'%5.2f|%-4d|%(name)s' % args` and `b'%d' % args`: fetches and converts the
//! arguments for the pieces that `pypercent` parses and lays out.

use super::from_pyerr;
use super::num::{num_of, to_float};
use crate::exc::{Exc, ExcType, PyResult};
use crate::pynum::Num;
use crate::pypercent::{self as pp, PercentPiece, PercentSpec};
use crate::value::Value;
use crate::vm::Vm;

/// Where the values come from: the items of a tuple, or one value that may also serve as a mapping.
struct Args {
    items: Vec<Value>,
    next: usize,
    mapping: Option<Value>,
}

impl Args {
    fn take(&mut self) -> PyResult<Value> {
        let v = self
            .items
            .get(self.next)
            .cloned()
            .ok_or_else(|| Exc::type_error("not enough arguments for format string"))?;
        self.next += 1;
        Ok(v)
    }

    /// A `*` width or precision argument.
    fn take_star(&mut self) -> PyResult<i64> {
        match self.take()? {
            Value::Int(n) => Ok(n),
            Value::Bool(b) => Ok(b as i64),
            Value::BigInt(_) => Err(Exc::overflow("Python int too large to convert to C ssize_t")),
            _ => Err(Exc::type_error("* wants int")),
        }
    }
}

/// `fmt % args`.
pub fn format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<String> {
    format_with(vm, fmt, args, false)
}

/// `fmt % args` for bytes (PEP 461): the format's bytes are read as Latin-1 characters, so each piece is laid
/// out as for str and every character of the result is one byte again. `%s` and `%b` take bytes-like objects
/// (or `__bytes__`), `%r` and `%a` are `ascii()`, `%c` takes an int below 256 or one byte, and a mapping's keys
/// are bytes.
pub fn format_bytes(vm: &mut Vm, fmt: &[u8], args: &Value) -> PyResult<Vec<u8>> {
    let text: String = fmt.iter().map(|&b| b as char).collect();
    let out = format_with(vm, &text, args, true)?;
    Ok(out.chars().map(|c| c as u32 as u8).collect())
}

fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| b as char).collect()
}

fn format_with(vm: &mut Vm, fmt: &str, args: &Value, bytes: bool) -> PyResult<String> {
    let mut a = match args {
        Value::Tuple(t) => Args {
            items: t.to_vec(),
            next: 0,
            mapping: None,
        },
        other => {
            // CPython takes any non-tuple, non-str object with `__getitem__` as a possible mapping.
            let is_mapping = match other {
                Value::Dict(_) | Value::List(_) | Value::Range(_) | Value::Bytes(_) => true,
                Value::Instance(_) | Value::Object(_) => vm.class_of(other).lookup("__getitem__").is_some(),
                _ => false,
            };
            Args {
                items: vec![other.clone()],
                next: 0,
                mapping: is_mapping.then(|| other.clone()),
            }
        }
    };
    let mut out = String::with_capacity(fmt.len());
    for piece in pp::parse_percent_format(fmt) {
        match piece {
            PercentPiece::Literal(s) => out.push_str(&s),
            PercentPiece::Error(e) => return Err(from_pyerr(e)),
            PercentPiece::Spec(mut spec) => {
                let keyed = match &spec.key {
                    Some(k) => {
                        let Some(map) = a.mapping.clone() else {
                            return Err(Exc::type_error("format requires a mapping"));
                        };
                        let key = if bytes {
                            Value::Bytes(k.chars().map(|c| c as u32 as u8).collect::<Vec<u8>>().into())
                        } else {
                            Value::str(k)
                        };
                        Some(vm.getitem(&map, &key)?)
                    }
                    None => None,
                };
                if spec.width_star {
                    let w = a.take_star()?;
                    spec.set_star_width(w).map_err(from_pyerr)?;
                }
                if spec.prec_star {
                    let p = a.take_star()?;
                    spec.set_star_prec(p).map_err(from_pyerr)?;
                }
                let v = match keyed {
                    Some(v) => v,
                    None => a.take()?,
                };
                let text = if bytes {
                    convert_bytes(vm, &spec, &v)?
                } else {
                    convert(vm, &spec, &v)?
                };
                out.push_str(&text);
            }
        }
    }
    if a.next < a.items.len() && a.mapping.is_none() {
        let what = if bytes { "bytes" } else { "string" };
        return Err(Exc::type_error(format!(
            "not all arguments converted during {what} formatting"
        )));
    }
    Ok(out)
}

fn convert(vm: &mut Vm, spec: &PercentSpec, v: &Value) -> PyResult<String> {
    let r = match spec.conv {
        's' => pp::format_text(&vm.to_str(v)?, spec),
        'r' => pp::format_text(&vm.repr(v)?, spec),
        'a' => pp::format_text(&vm.ascii(v)?, spec),
        'd' | 'i' | 'u' => {
            let n = match num_of(v) {
                Some(Num::Float(f)) => crate::pynum::float_to_int(f).map_err(from_pyerr)?,
                Some(n) => n,
                None => int_like(vm, v)?.ok_or_else(|| {
                    Exc::type_error(format!(
                        "%{} format: a real number is required, not {}",
                        spec.conv,
                        vm.type_name(v)
                    ))
                })?,
            };
            pp::format_int(&n, spec)
        }
        'o' | 'x' | 'X' => {
            let n = match num_of(v) {
                Some(n) if n.is_int() => Some(n),
                Some(_) => None,
                None => int_like(vm, v)?,
            };
            let n = n.ok_or_else(|| {
                Exc::type_error(format!(
                    "%{} format: an integer is required, not {}",
                    spec.conv,
                    vm.type_name(v)
                ))
            })?;
            pp::format_int(&n, spec)
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let x = match v {
                Value::Str(_) => None,
                _ => match to_float(vm, v) {
                    Ok(x) => Some(x),
                    Err(Exc::Msg(ExcType::TypeError, _)) => None,
                    Err(e) => return Err(e),
                },
            };
            let x = x.ok_or_else(|| Exc::type_error(format!("must be real number, not {}", vm.type_name(v))))?;
            pp::format_float(x, spec)
        }
        'c' => {
            let c = match v {
                Value::Str(s) if s.chars().count() == 1 => s.chars().next(),
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
                    let n = num_of(v).unwrap_or(Num::Int(-1));
                    Some(pp::char_from_int(&n).map_err(from_pyerr)?)
                }
                _ => None,
            };
            let c = c.ok_or_else(|| Exc::type_error("%c requires int or char"))?;
            pp::format_text(c.encode_utf8(&mut [0; 4]), spec)
        }
        '%' => Ok("%".to_string()),
        _ => Err(spec.unsupported()),
    };
    r.map_err(from_pyerr)
}

/// One piece of a bytes format, as Latin-1 characters.
fn convert_bytes(vm: &mut Vm, spec: &PercentSpec, v: &Value) -> PyResult<String> {
    let r = match spec.conv {
        's' | 'b' => {
            let data = match super::bytearray::bytes_like(v) {
                Some(b) => b,
                None => match vm
                    .class_of(v)
                    .lookup("__bytes__")
                    .filter(|_| matches!(v, Value::Instance(_)))
                {
                    Some(f) => match vm.call(&f, vec![v.clone()])? {
                        Value::Bytes(b) => b,
                        other => {
                            return Err(Exc::type_error(format!(
                                "__bytes__ returned non-bytes (type {})",
                                vm.type_name(&other)
                            )))
                        }
                    },
                    None => {
                        return Err(Exc::type_error(format!(
                            "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                            vm.type_name(v)
                        )))
                    }
                },
            };
            pp::format_text(&latin1(&data), spec)
        }
        'r' | 'a' => pp::format_text(&vm.ascii(v)?, spec),
        'c' => {
            let byte = match v {
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => match num_of(v) {
                    Some(Num::Int(n)) if (0..256).contains(&n) => n as u8,
                    _ => return Err(Exc::overflow("%c arg not in range(256)")),
                },
                _ => match super::bytearray::bytes_like(v) {
                    Some(b) if b.len() == 1 => b[0],
                    _ => return Err(Exc::type_error("%c requires an integer in range(256) or a single byte")),
                },
            };
            pp::format_text(&latin1(&[byte]), spec)
        }
        _ => return convert(vm, spec, v),
    };
    r.map_err(from_pyerr)
}

/// An instance's `__index__` (or `__int__`), for `%d` and `%x`.
fn int_like(vm: &mut Vm, v: &Value) -> PyResult<Option<Num>> {
    if !matches!(v, Value::Instance(_)) {
        return Ok(None);
    }
    for name in ["__index__", "__int__"] {
        if let Some(f) = vm.class_of(v).lookup(name) {
            let r = vm.call(&f, vec![v.clone()])?;
            return Ok(num_of(&r).filter(Num::is_int));
        }
    }
    Ok(None)
}
