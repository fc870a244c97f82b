//! `str.format` and `str.format_map`: looks up and converts the fields that `pystrformat` parses.

use super::from_pyerr;
use crate::exc::{Exc, PyResult};
use crate::pystrformat::{self as pf, AutoNumber, FieldAccess, FieldKey, FormatPiece};
use crate::value::Value;
use crate::vm::Vm;

/// Where `{}` fields take their values from.
pub struct FormatArgs<'a> {
    pub positional: &'a [Value],
    /// Keyword arguments, or the mapping of `format_map`.
    pub named: Named<'a>,
}

pub enum Named<'a> {
    Kwargs(&'a crate::native::Kwargs),
    Mapping(Value),
}

/// `fmt.format(*args, **kwargs)`.
pub fn format(vm: &mut Vm, fmt: &str, args: &FormatArgs) -> PyResult<String> {
    let mut auto = AutoNumber::default();
    render(vm, fmt, args, &mut auto, 2)
}

fn render(vm: &mut Vm, fmt: &str, args: &FormatArgs, auto: &mut AutoNumber, depth: u32) -> PyResult<String> {
    if depth == 0 {
        return Err(Exc::value_error("Max string recursion exceeded"));
    }
    let mut out = String::with_capacity(fmt.len());
    for piece in pf::parse_format_string(fmt) {
        match piece {
            FormatPiece::Literal(s) => out.push_str(&s),
            FormatPiece::Error(e) => return Err(from_pyerr(e)),
            FormatPiece::Field(f) => {
                let obj = lookup(vm, &f.name, args, auto)?;
                let obj = match f.conversion {
                    None => obj,
                    Some('r') => Value::Str(vm.repr(&obj)?),
                    Some('s') => Value::Str(vm.to_str(&obj)?),
                    Some('a') => Value::str(&vm.ascii(&obj)?),
                    Some(c) => return Err(from_pyerr(pf::conversion_error(c))),
                };
                let spec = if f.spec_needs_expanding {
                    render(vm, &f.spec, args, auto, depth - 1)?
                } else {
                    f.spec
                };
                out.push_str(&vm.format(&obj, &spec)?);
                super::args::check_str_size(out.len())?;
            }
        }
    }
    Ok(out)
}

/// The value a field name such as `0.attr[key]` denotes.
fn lookup(vm: &mut Vm, name: &str, args: &FormatArgs, auto: &mut AutoNumber) -> PyResult<Value> {
    let field = pf::parse_field_name(name, auto).map_err(from_pyerr)?;
    let mut obj =
        match &field.first {
            FieldKey::Index(n) => args.positional.get(*n).cloned().ok_or_else(|| {
                Exc::index_error(format!("Replacement index {n} out of range for positional args tuple"))
            })?,
            FieldKey::Name(k) => match &args.named {
                Named::Kwargs(kw) => crate::native::kwarg(kw, k)
                    .cloned()
                    .ok_or_else(|| Exc::key_error(Value::str(k)))?,
                Named::Mapping(m) => vm.getitem(m, &Value::str(k))?,
            },
        };
    for access in &field.rest {
        obj = match access {
            FieldAccess::Attr(a) => vm.getattr(&obj, a)?,
            FieldAccess::Index(i) => vm.getitem(&obj, &Value::Int(*i as i64))?,
            FieldAccess::Key(k) => vm.getitem(&obj, &Value::str(k))?,
        };
    }
    if let Some(e) = field.rest_error {
        return Err(from_pyerr(e));
    }
    Ok(obj)
}
