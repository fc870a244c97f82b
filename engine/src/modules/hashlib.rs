//! `_hashlib`: the digests `hashlib.py` computes (`digests.rs`, `sha512.rs`).

use super::{module, Funcs};
use crate::exc::{Exc, PyResult};
use crate::native::Kwargs;
use crate::value::Value;
use crate::vm::Vm;
use std::rc::Rc;

/// `digest(name, data)`: the digest of `data` (bytes) by the algorithm `name`.
fn digest(_vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let (Some(Value::Str(name)), Some(Value::Bytes(data))) = (a.first(), a.get(1)) else {
        return Err(Exc::type_error("digest() expects a name and bytes"));
    };
    let out = match &**name {
        "sha256" => crate::digests::sha256(data, false),
        "sha224" => crate::digests::sha256(data, true),
        "sha1" => crate::digests::sha1(data),
        "md5" => crate::digests::md5(data),
        "sha512" => crate::sha512::sha512(data).to_vec(),
        _ => return Err(Exc::value_error(format!("unsupported hash type {name}"))),
    };
    Ok(Value::Bytes(Rc::from(out)))
}

pub fn native_module(vm: &mut Vm) -> Value {
    let funcs: Funcs = &[("digest", digest)];
    module(vm, "_hashlib", funcs, Vec::new())
}
