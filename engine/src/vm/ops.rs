//! Operators and protocols: arithmetic, comparison, truth, hashing, iteration, subscripts and `len`.

use super::Vm;
use crate::ast::{BinOp, CmpOp, UnaryOp};
use crate::dict::{hash_str, Dict, HKey, Set};
use crate::exc::{Exc, ExcType, PyResult};
use crate::pynum::Num;
use crate::value::{Class, Value};
use std::cell::RefCell;
use std::rc::Rc;

pub fn num_value(v: &Value) -> Option<Num> {
    match v {
        Value::Int(i) => Some(Num::Int(*i)),
        Value::Bool(b) => Some(Num::Int(*b as i64)),
        Value::BigInt(b) => Some(Num::Big((**b).clone())),
        Value::Float(f) => Some(Num::Float(*f)),
        _ => None,
    }
}

pub fn num_eq(a: &Num, b: &Num) -> bool {
    crate::pynum::num_cmp(a, b) == Some(std::cmp::Ordering::Equal)
}

/// Two instances with a user `__eq__` are the same key when `Vm::hkey` found them equal (`Instance::eq_class`);
/// other instances are keys by identity.
pub fn instance_key_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Instance(x), Value::Instance(y)) => {
            let class = x.eq_class.get();
            class != 0 && class == y.eq_class.get()
        }
        _ => false,
    }
}

pub fn num_to_value(n: Num) -> Value {
    match n {
        Num::Int(i) => Value::Int(i),
        Num::Big(b) => Value::from_bigint(b),
        Num::Float(f) => Value::Float(f),
    }
}

fn num_binary(op: BinOp, a: &Num, b: &Num) -> Result<Num, crate::pyerr::PyErr> {
    use crate::pynum as n;
    match op {
        BinOp::Add => n::add(a, b),
        BinOp::Sub => n::sub(a, b),
        BinOp::Mult => n::mul(a, b),
        BinOp::Div => n::truediv(a, b),
        BinOp::FloorDiv => n::floordiv(a, b),
        BinOp::Mod => n::modulo(a, b),
        BinOp::Pow => n::pow(a, b),
        BinOp::LShift => n::lshift(a, b),
        BinOp::RShift => n::rshift(a, b),
        BinOp::BitAnd => n::bitand(a, b),
        BinOp::BitOr => n::bitor(a, b),
        BinOp::BitXor => n::bitxor(a, b),
        BinOp::MatMult => Err(crate::pyerr::PyErr::type_err(
            "unsupported operand type(s) for @: 'int' and 'int'",
        )),
    }
}

pub fn op_symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mult => "*",
        BinOp::MatMult => "@",
        BinOp::Div => "/",
        BinOp::FloorDiv => "//",
        BinOp::Mod => "%",
        BinOp::Pow => "**",
        BinOp::LShift => "<<",
        BinOp::RShift => ">>",
        BinOp::BitOr => "|",
        BinOp::BitXor => "^",
        BinOp::BitAnd => "&",
    }
}

fn dunder(op: BinOp) -> (&'static str, &'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__", "__iadd__"),
        BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
        BinOp::Mult => ("__mul__", "__rmul__", "__imul__"),
        BinOp::MatMult => ("__matmul__", "__rmatmul__", "__imatmul__"),
        BinOp::Div => ("__truediv__", "__rtruediv__", "__itruediv__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
        BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        BinOp::BitOr => ("__or__", "__ror__", "__ior__"),
        BinOp::BitXor => ("__xor__", "__rxor__", "__ixor__"),
        BinOp::BitAnd => ("__and__", "__rand__", "__iand__"),
    }
}

pub fn from_pyerr(e: crate::pyerr::PyErr) -> Exc {
    let kind = ExcType::ALL
        .iter()
        .copied()
        .find(|t| t.name() == e.kind)
        .unwrap_or(ExcType::ValueError);
    if kind == ExcType::MemoryError && e.msg.is_empty() {
        return Exc::memory();
    }
    Exc::Msg(kind, e.msg)
}

impl Vm {
    fn user_class(&self, v: &Value) -> Option<Rc<Class>> {
        match v {
            Value::Instance(i) => Some(i.class.borrow().clone()),
            _ => None,
        }
    }

    /// The order to try a comparison's methods in: the reflected one first when the right operand's class is
    /// a proper subclass of the left's, as in CPython.
    fn reflected_first<'v>(
        &self,
        a: &'v Value,
        b: &'v Value,
        name: &'static str,
        rname: &'static str,
    ) -> [(&'v Value, &'v Value, &'static str); 2] {
        if let (Some(ca), Some(cb)) = (self.user_class(a), self.user_class(b)) {
            if !Rc::ptr_eq(&ca, &cb) && cb.is_subclass(&ca) {
                return [(b, a, rname), (a, b, name)];
            }
        }
        [(a, b, name), (b, a, rname)]
    }

    /// A dunder of a native object's class (a deque's `__add__`, `__eq__`).
    fn native_method(&self, v: &Value, name: &str) -> Option<Value> {
        match v {
            Value::Object(o) => self.types.native_of(o.type_name()).and_then(|c| c.lookup(name)),
            _ => None,
        }
    }

    pub(super) fn unwrap_builtin(&self, v: &Value) -> Value {
        match v {
            Value::Instance(i) => match &*i.wrapped.borrow() {
                Value::None => v.clone(),
                w => w.clone(),
            },
            _ => v.clone(),
        }
    }

    pub fn binary(&mut self, op: BinOp, a: &Value, b: &Value, inplace: bool) -> PyResult {
        if let (Some(x), Some(y)) = (num_value(a), num_value(b)) {
            if !matches!(a, Value::Bool(_))
                || !matches!(b, Value::Bool(_))
                || !matches!(op, BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor)
            {
                return num_binary(op, &x, &y).map(num_to_value).map_err(from_pyerr);
            }
            let (Value::Bool(p), Value::Bool(q)) = (a, b) else {
                return Ok(Value::None);
            };
            return Ok(Value::Bool(match op {
                BinOp::BitAnd => *p & *q,
                BinOp::BitOr => *p | *q,
                _ => *p ^ *q,
            }));
        }
        // In-place operators mutate lists, sets and dicts.
        if inplace {
            if let Some(r) = crate::types::seq_inplace(self, op, a, b) {
                return r;
            }
            match (op, a) {
                (BinOp::Add, Value::List(l)) => {
                    let items = self.collect(b)?;
                    l.borrow_mut().extend(items);
                    return Ok(a.clone());
                }
                (BinOp::Mult, Value::List(l)) => {
                    if let Value::Int(n) = b {
                        let cur = l.borrow().clone();
                        let n = (*n).max(0) as usize;
                        if cur.len().saturating_mul(n) > 100_000_000 {
                            return Err(Exc::memory());
                        }
                        let mut out = Vec::with_capacity(cur.len() * n);
                        if !cur.is_empty() {
                            for _ in 0..n {
                                out.extend(cur.iter().cloned());
                            }
                        }
                        *l.borrow_mut() = out;
                        return Ok(a.clone());
                    }
                }
                (BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor, Value::Set(s)) => {
                    if let Value::Set(_) | Value::FrozenSet(_) = b {
                        let r = self.binary(op, a, b, false)?;
                        if let Value::Set(r) = r {
                            let new = r.borrow().clone();
                            *s.borrow_mut() = new;
                        }
                        return Ok(a.clone());
                    }
                }
                (BinOp::BitOr, Value::Dict(d)) => {
                    self.dict_update(d, b)?;
                    return Ok(a.clone());
                }
                _ => {}
            }
        }
        let (name, rname, iname) = dunder(op);
        let ca = self.user_class(a);
        let cb = self.user_class(b);
        if inplace {
            if let Some(c) = &ca {
                if let Some(f) = c.lookup(iname) {
                    let r = self.call(&f, vec![a.clone(), b.clone()])?;
                    if !matches!(r, Value::NotImplemented) {
                        return Ok(r);
                    }
                }
            }
        }
        if let Some(c) = &ca {
            if let Some(f) = c.lookup(name) {
                if !matches!(f, Value::Native(_)) {
                    let r = self.call(&f, vec![a.clone(), b.clone()])?;
                    if !matches!(r, Value::NotImplemented) {
                        return Ok(r);
                    }
                }
            }
        }
        if let Some(c) = &cb {
            if let Some(f) = c.lookup(rname) {
                if !matches!(f, Value::Native(_)) {
                    let r = self.call(&f, vec![b.clone(), a.clone()])?;
                    if !matches!(r, Value::NotImplemented) {
                        return Ok(r);
                    }
                }
            }
        }
        let (ua, ub) = (self.unwrap_builtin(a), self.unwrap_builtin(b));
        if let Some(r) = crate::types::seq_binary(self, op, &ua, &ub) {
            return r;
        }
        if op == BinOp::BitOr {
            if let Some(u) = crate::types::generic_alias::union(self, a, b) {
                return Ok(u);
            }
        }
        let natives = [(a, b, iname, inplace), (a, b, name, true), (b, a, rname, true)];
        for (x, y, n, wanted) in natives {
            if let Some(f) = self.native_method(x, n).filter(|_| wanted) {
                let r = self.call(&f, vec![x.clone(), y.clone()])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        let sym = op_symbol(op);
        let sym = if inplace { format!("{sym}=") } else { sym.to_string() };
        if op == BinOp::Pow && !inplace {
            return Err(Exc::type_error(format!(
                "unsupported operand type(s) for ** or pow(): '{}' and '{}'",
                self.type_name(a),
                self.type_name(b)
            )));
        }
        Err(Exc::type_error(format!(
            "unsupported operand type(s) for {sym}: '{}' and '{}'",
            self.type_name(a),
            self.type_name(b)
        )))
    }

    pub fn unary(&mut self, op: UnaryOp, a: &Value) -> PyResult {
        if let Some(x) = num_value(a) {
            let r = match op {
                UnaryOp::Neg => Ok(crate::pynum::neg(&x)),
                UnaryOp::Pos => Ok(crate::pynum::pos(&x)),
                UnaryOp::Invert => {
                    if let Num::Float(_) = x {
                        return Err(Exc::type_error("bad operand type for unary ~: 'float'"));
                    }
                    crate::pynum::invert(&x)
                }
                UnaryOp::Not => return Ok(Value::Bool(!self.truthy(a)?)),
            };
            return r.map(num_to_value).map_err(from_pyerr);
        }
        let (name, sym) = match op {
            UnaryOp::Neg => ("__neg__", "-"),
            UnaryOp::Pos => ("__pos__", "+"),
            UnaryOp::Invert => ("__invert__", "~"),
            UnaryOp::Not => return Ok(Value::Bool(!self.truthy(a)?)),
        };
        if let Some(c) = self.user_class(a) {
            if let Some(f) = c.lookup(name) {
                return self.call(&f, vec![a.clone()]);
            }
        }
        Err(Exc::type_error(format!(
            "bad operand type for unary {sym}: '{}'",
            self.type_name(a)
        )))
    }

    pub fn compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult {
        Ok(Value::Bool(match op {
            CmpOp::Is => a.is(b),
            CmpOp::IsNot => !a.is(b),
            CmpOp::In => self.contains(b, a)?,
            CmpOp::NotIn => !self.contains(b, a)?,
            CmpOp::Eq => return self.rich_eq(a, b, false),
            CmpOp::NotEq => return self.rich_eq(a, b, true),
            _ => return self.rich_order(op, a, b),
        }))
    }

    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        let v = self.rich_eq(a, b, false)?;
        self.truthy(&v)
    }

    pub fn lt(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            return Ok(x < y);
        }
        let v = self.rich_order(CmpOp::Lt, a, b)?;
        self.truthy(&v)
    }

    fn rich_eq(&mut self, a: &Value, b: &Value, negate: bool) -> PyResult {
        self.enter_c(" in comparison")?;
        let r = self.rich_eq_inner(a, b, negate);
        self.leave_c();
        r
    }

    fn rich_eq_inner(&mut self, a: &Value, b: &Value, negate: bool) -> PyResult {
        if let (Some(x), Some(y)) = (num_value(a), num_value(b)) {
            return Ok(Value::Bool(num_eq(&x, &y) != negate));
        }
        if let (Value::Str(x), Value::Str(y)) = (a, b) {
            return Ok(Value::Bool((x == y) != negate));
        }
        let (name, rname) = if negate {
            ("__ne__", "__ne__")
        } else {
            ("__eq__", "__eq__")
        };
        for (x, y, n) in self.reflected_first(a, b, name, rname) {
            if let Some(c) = self.user_class(x) {
                if let Some(f) = c.lookup(n) {
                    if !matches!(f, Value::Native(_)) {
                        let r = self.call(&f, vec![x.clone(), y.clone()])?;
                        if !matches!(r, Value::NotImplemented) {
                            return Ok(r);
                        }
                    }
                }
                if negate {
                    if let Some(f) = c.lookup("__eq__") {
                        if !matches!(f, Value::Native(_)) {
                            let r = self.call(&f, vec![x.clone(), y.clone()])?;
                            if !matches!(r, Value::NotImplemented) {
                                let t = self.truthy(&r)?;
                                return Ok(Value::Bool(!t));
                            }
                        }
                    }
                }
            }
        }
        let (ua, ub) = (self.unwrap_builtin(a), self.unwrap_builtin(b));
        if let Some(r) = crate::types::seq_compare(self, CmpOp::Eq, &ua, &ub) {
            return Ok(Value::Bool(r? != negate));
        }
        if let (Some(fa), Some(fb)) = (crate::asyncio::as_future(a), crate::asyncio::as_future(b)) {
            return Ok(Value::Bool(Rc::ptr_eq(&fa, &fb) != negate));
        }
        for (x, y) in [(a, b), (b, a)] {
            if let Some(f) = self.native_method(x, name) {
                let r = self.call(&f, vec![x.clone(), y.clone()])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        Ok(Value::Bool(a.is(b) != negate))
    }

    fn rich_order(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult {
        self.enter_c(" in comparison")?;
        let r = self.rich_order_inner(op, a, b);
        self.leave_c();
        r
    }

    fn rich_order_inner(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult {
        if let (Some(x), Some(y)) = (num_value(a), num_value(b)) {
            let o = crate::pynum::num_cmp(&x, &y);
            return Ok(Value::Bool(match o {
                None => false,
                Some(o) => match op {
                    CmpOp::Lt => o.is_lt(),
                    CmpOp::LtE => o.is_le(),
                    CmpOp::Gt => o.is_gt(),
                    _ => o.is_ge(),
                },
            }));
        }
        let (name, rname, sym) = match op {
            CmpOp::Lt => ("__lt__", "__gt__", "<"),
            CmpOp::LtE => ("__le__", "__ge__", "<="),
            CmpOp::Gt => ("__gt__", "__lt__", ">"),
            _ => ("__ge__", "__le__", ">="),
        };
        for (x, y, n) in self.reflected_first(a, b, name, rname) {
            if let Some(c) = self.user_class(x) {
                if let Some(f) = c.lookup(n) {
                    if !matches!(f, Value::Native(_)) {
                        let r = self.call(&f, vec![x.clone(), y.clone()])?;
                        if !matches!(r, Value::NotImplemented) {
                            return Ok(r);
                        }
                    }
                }
            }
        }
        let (ua, ub) = (self.unwrap_builtin(a), self.unwrap_builtin(b));
        if let Some(r) = crate::types::seq_compare(self, op, &ua, &ub) {
            return r.map(Value::Bool);
        }
        if let Value::Object(o) = a {
            if let Some(f) = self.types.native_of(o.type_name()).and_then(|c| c.lookup(name)) {
                let r = self.call(&f, vec![a.clone(), b.clone()])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        Err(Exc::type_error(format!(
            "'{sym}' not supported between instances of '{}' and '{}'",
            self.type_name(a),
            self.type_name(b)
        )))
    }

    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::BigInt(_) => true,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::Bytes(b) => !b.is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::Dict(d) => !d.borrow().is_empty(),
            Value::Set(s) => !s.borrow().is_empty(),
            Value::FrozenSet(s) => !s.is_empty(),
            Value::Range(r) => !r.is_empty(),
            Value::Instance(i) => {
                let cls = i.class.borrow().clone();
                if let Some(f) = cls.lookup("__bool__") {
                    let r = self.call(&f, vec![v.clone()])?;
                    return match r {
                        Value::Bool(b) => Ok(b),
                        other => Err(Exc::type_error(format!(
                            "__bool__ should return bool, returned {}",
                            self.type_name(&other)
                        ))),
                    };
                }
                if let Some(f) = cls.lookup("__len__") {
                    if !matches!(f, Value::Native(_)) {
                        let r = self.call(&f, vec![v.clone()])?;
                        return self.truthy(&r);
                    }
                }
                let w = i.wrapped.borrow().clone();
                match w {
                    Value::None => true,
                    w => self.truthy(&w)?,
                }
            }
            Value::Object(o) => o.len().is_none_or(|n| n > 0),
            _ => true,
        })
    }

    /// Hashes a value for use as a dict key or set member.
    pub fn hkey(&mut self, v: Value) -> PyResult<HKey> {
        let hash = self.hash(&v)?;
        if let Value::Instance(inst) = &v {
            let user_eq = inst
                .class
                .borrow()
                .lookup("__eq__")
                .is_some_and(|f| matches!(f, Value::Function(_)));
            if user_eq {
                return self.canonical_key(hash, v);
            }
        }
        Ok(HKey { hash, value: v })
    }

    /// Gives `v` the equality class of an equal instance seen before as a key with the same hash (its own when
    /// there is none), calling `__eq__` of the instance seen before. The key stays `v` itself: a dict or set
    /// keeps the object that was put in it, and finds it from any equal one.
    fn canonical_key(&mut self, hash: u64, v: Value) -> PyResult<HKey> {
        let Value::Instance(inst) = &v else {
            return Ok(HKey { hash, value: v });
        };
        let seen: Vec<_> = self.eq_keys.get(&hash).cloned().unwrap_or_default();
        for w in &seen {
            if let Some(other) = w.upgrade() {
                if Rc::ptr_eq(&other, inst) {
                    return Ok(HKey { hash, value: v });
                }
                let class = other.eq_class.get();
                if self.eq(&Value::Instance(other), &v)? {
                    if inst.eq_class.get() == 0 {
                        // Kept too, so that its class outlives the instance it was found equal to.
                        self.eq_keys.entry(hash).or_default().push(Rc::downgrade(inst));
                    }
                    inst.eq_class.set(class);
                    return Ok(HKey { hash, value: v });
                }
            }
        }
        inst.eq_class.set(inst.serial);
        let list = self.eq_keys.entry(hash).or_default();
        list.retain(|w| w.strong_count() > 0);
        list.push(Rc::downgrade(inst));
        Ok(HKey { hash, value: v })
    }

    pub fn hash(&mut self, v: &Value) -> PyResult<u64> {
        if let Value::Tuple(_) | Value::FrozenSet(_) = v {
            self.enter_c(" while calling a Python object")?;
            let r = self.hash_inner(v);
            self.leave_c();
            return r;
        }
        self.hash_inner(v)
    }

    fn hash_inner(&mut self, v: &Value) -> PyResult<u64> {
        Ok(match v {
            Value::Str(s) => hash_str(s),
            Value::Bytes(b) => crate::dict::hash_bytes(b),
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_) => {
                let n = num_value(v).unwrap_or(Num::Int(0));
                crate::pynum::hash_num(&n) as u64
            }
            Value::None => 0x5f37_59df,
            Value::Tuple(t) => {
                let mut hs = Vec::with_capacity(t.len());
                for item in t.iter() {
                    hs.push(self.hash(item)?);
                }
                crate::types::hash::tuple_hash(&hs)
            }
            Value::FrozenSet(s) => crate::types::hash::frozenset_hash(s.iter().map(|k| k.hash)),
            Value::List(_) | Value::Dict(_) | Value::Set(_) => {
                return Err(Exc::type_error(format!("unhashable type: '{}'", self.type_name(v))))
            }
            Value::Instance(i) => {
                let cls = i.class.borrow().clone();
                match cls.lookup("__hash__") {
                    Some(Value::None) => {
                        return Err(Exc::type_error(format!("unhashable type: '{}'", cls.name)));
                    }
                    Some(f @ Value::Function(_)) => {
                        let r = self.call(&f, vec![v.clone()])?;
                        match num_value(&r) {
                            // A result that fits a machine word is the hash itself (but -1, which means an error).
                            Some(Num::Int(-1)) => -2i64 as u64,
                            Some(Num::Int(i)) => i as u64,
                            Some(n) => crate::pynum::hash_num(&n) as u64,
                            None => return Err(Exc::type_error("__hash__ method should return an integer")),
                        }
                    }
                    _ => i.serial,
                }
            }
            Value::Object(o) => {
                // Generic aliases and unions that compare equal hash alike.
                if let Some(ga) = v.as_native::<crate::types::generic_alias::GenericAlias>() {
                    let mut hs = vec![self.hash(&ga.origin)?];
                    for a in &ga.args {
                        hs.push(self.hash(a)?);
                    }
                    return Ok(crate::types::hash::tuple_hash(&hs));
                }
                if let Some(u) = v.as_native::<crate::types::generic_alias::UnionType>() {
                    let mut h = 0u64;
                    for a in &u.args {
                        h ^= self.hash(a)?;
                    }
                    return Ok(h);
                }
                if let Some(c) = self.types.native_of(o.type_name()) {
                    if let Some(Value::None) = c.lookup("__hash__") {
                        let name = match &*c.module {
                            "" | "builtins" => c.name.to_string(),
                            m => format!("{m}.{}", c.name),
                        };
                        return Err(Exc::type_error(format!("unhashable type: '{name}'")));
                    }
                }
                super::repr::stable_id(self, v) >> 4
            }
            other => super::repr::stable_id(self, other) >> 4,
        })
    }

    pub fn make_set(&mut self, items: Vec<Value>) -> PyResult {
        let mut s = Set::new();
        for it in items {
            let k = self.hkey(it)?;
            s.insert(k);
        }
        Ok(Value::Set(Rc::new(RefCell::new(s))))
    }

    pub fn dict_update(&mut self, d: &Rc<RefCell<Dict>>, src: &Value) -> PyResult<()> {
        let src = self.unwrap_builtin(src);
        match &src {
            Value::Dict(s) => {
                let items: Vec<(HKey, Value)> = s.borrow().map.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                let mut d = d.borrow_mut();
                for (k, v) in items {
                    d.insert(k, v);
                }
                Ok(())
            }
            other => {
                if let Ok(Some(keys)) = self.getattr_opt(other, "keys") {
                    let ks = self.call(&keys, vec![])?;
                    for k in self.collect(&ks)? {
                        let v = self.getitem(other, &k)?;
                        let hk = self.hkey(k)?;
                        d.borrow_mut().insert(hk, v);
                    }
                    return Ok(());
                }
                for (i, pair) in self.collect(other)?.into_iter().enumerate() {
                    let kv = self.collect(&pair)?;
                    if kv.len() != 2 {
                        return Err(Exc::value_error(format!(
                            "dictionary update sequence element #{i} has length {}; 2 is required",
                            kv.len()
                        )));
                    }
                    let mut it = kv.into_iter();
                    let (k, v) = (it.next().unwrap_or_default(), it.next().unwrap_or_default());
                    let hk = self.hkey(k)?;
                    d.borrow_mut().insert(hk, v);
                }
                Ok(())
            }
        }
    }

    pub fn iter(&mut self, v: &Value) -> PyResult {
        if let Value::Gen(g) = v {
            if g.kind == crate::code::CodeKind::Generator {
                return Ok(v.clone());
            }
        }
        if let Some(it) = crate::types::make_iter(self, v)? {
            return Ok(it);
        }
        match v {
            Value::Instance(i) => {
                let cls = i.class.borrow().clone();
                if let Some(f) = cls.lookup("__iter__") {
                    if !matches!(f, Value::Native(_)) {
                        return self.call(&f, vec![v.clone()]);
                    }
                }
                let w = i.wrapped.borrow().clone();
                if !w.is_none() {
                    return self.iter(&w);
                }
                if cls.lookup("__getitem__").is_some() {
                    return Ok(Value::Object(Rc::new(crate::types::SeqIter::new(v.clone()))));
                }
            }
            Value::Object(o) => {
                let cls = self.types.native_of(o.type_name());
                if let Some(f) = cls.and_then(|c| c.lookup("__iter__")) {
                    return self.call(&f, vec![v.clone()]);
                }
                // Native iterators are their own iterators.
                return Ok(v.clone());
            }
            Value::Class(c) => {
                if let Some(f) = c.lookup("__il_iter__") {
                    let f = super::attr::unwrap_classmethod(&f);
                    return self.call(&f, vec![v.clone()]);
                }
            }
            _ => {}
        }
        Err(Exc::type_error(format!(
            "'{}' object is not iterable",
            self.type_name(v)
        )))
    }

    /// The next item of an iterator, `None` when it is exhausted.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        // Builtins that consume iterators run inside one instruction: each item costs a step, within the
        // same fixed allowance as nested calls, so an endless iterator cannot hang the page. Iterating a
        // builtin container or range may go on as long as the largest container could be
        // (`list(range(10**7))` works as in CPython).
        self.world.steps += 1;
        // Only past the allowance does it matter whether the iterator is a finite one (a search of its type's
        // name among them, which at every step of a `for` loop cost as much as the rest of the step).
        let elapsed = self.world.steps.saturating_sub(self.ts.instr_start);
        if elapsed > super::NESTED_STEPS {
            let finite = match it {
                Value::Object(o) => crate::types::iters::FINITE_ITERATOR_TYPES.contains(&o.type_name()),
                _ => false,
            };
            if !(finite && elapsed <= crate::types::args::MAX_ITEMS as u64 + 64) {
                self.check_allowance()?;
            }
        }
        match it {
            Value::Gen(g) => {
                let g = g.clone();
                self.gen_send(&g, Value::None)
            }
            Value::Object(o) => match o.iter_next(self) {
                Some(r) => r,
                None => {
                    let cls = self.types.native_of(o.type_name());
                    if let Some(f) = cls.and_then(|c| c.lookup("__next__")) {
                        return self.next_via(&f, it);
                    }
                    Err(Exc::type_error(format!(
                        "'{}' object is not an iterator",
                        o.type_name()
                    )))
                }
            },
            Value::Instance(i) => {
                let cls = i.class.borrow().clone();
                match cls.lookup("__next__") {
                    Some(f) => self.next_via(&f, it),
                    None => Err(Exc::type_error(format!("'{}' object is not an iterator", cls.name))),
                }
            }
            other => Err(Exc::type_error(format!(
                "'{}' object is not an iterator",
                self.type_name(other)
            ))),
        }
    }

    fn next_via(&mut self, f: &Value, it: &Value) -> PyResult<Option<Value>> {
        match self.call(f, vec![it.clone()]) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.exc_kind_is(&e, ExcType::StopIteration) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Iterates to the end, collecting the items.
    pub fn collect(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => return Ok(l.borrow().clone()),
            Value::Tuple(t) => return Ok(t.to_vec()),
            Value::Range(r) if r.len() > 50_000_000 => return Err(Exc::memory()),
            _ => {}
        }
        let it = self.iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next(&it)? {
            out.push(x);
            if out.len() > 50_000_000 {
                return Err(Exc::memory());
            }
        }
        Ok(out)
    }

    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        Ok(match v {
            Value::Str(s) => s.chars().count(),
            Value::Bytes(b) => b.len(),
            Value::List(l) => l.borrow().len(),
            Value::Tuple(t) => t.len(),
            Value::Dict(d) => d.borrow().len(),
            Value::Set(s) => s.borrow().len(),
            Value::FrozenSet(s) => s.len(),
            Value::Range(r) => r.len().max(0) as usize,
            Value::Instance(i) => {
                let cls = i.class.borrow().clone();
                if let Some(f) = cls.lookup("__len__") {
                    if !matches!(f, Value::Native(_)) {
                        let r = self.call(&f, vec![v.clone()])?;
                        return match r {
                            Value::Int(n) if n >= 0 => Ok(n as usize),
                            Value::Int(_) => Err(Exc::value_error("__len__() should return >= 0")),
                            other => Err(Exc::type_error(format!(
                                "'{}' object cannot be interpreted as an integer",
                                self.type_name(&other)
                            ))),
                        };
                    }
                }
                let w = i.wrapped.borrow().clone();
                if !w.is_none() {
                    return self.len(&w);
                }
                return Err(Exc::type_error(format!("object of type '{}' has no len()", cls.name)));
            }
            Value::Object(o) => match o.len() {
                Some(n) => n,
                None => {
                    return Err(Exc::type_error(format!(
                        "object of type '{}' has no len()",
                        o.type_name()
                    )))
                }
            },
            Value::Class(c) => match c.lookup("__il_len__") {
                Some(f) => {
                    let f = super::attr::unwrap_classmethod(&f);
                    let r = self.call(&f, vec![v.clone()])?;
                    match r {
                        Value::Int(n) => n.max(0) as usize,
                        _ => 0,
                    }
                }
                None => return Err(Exc::type_error("object of type 'type' has no len()")),
            },
            other => {
                return Err(Exc::type_error(format!(
                    "object of type '{}' has no len()",
                    self.type_name(other)
                )))
            }
        })
    }

    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        if let Value::Class(c) = container {
            if let Some(f) = c.lookup("__il_contains__") {
                let f = super::attr::unwrap_classmethod(&f);
                let r = self.call(&f, vec![container.clone(), item.clone()])?;
                return self.truthy(&r);
            }
        }
        let c = self.unwrap_builtin(container);
        if let Some(r) = crate::types::contains(self, &c, item) {
            return r;
        }
        if let Some(f) = self.native_method(container, "__contains__") {
            let r = self.call(&f, vec![container.clone(), item.clone()])?;
            return self.truthy(&r);
        }
        if let Value::Instance(i) = container {
            let cls = i.class.borrow().clone();
            if let Some(f) = cls.lookup("__contains__") {
                let r = self.call(&f, vec![container.clone(), item.clone()])?;
                return self.truthy(&r);
            }
        }
        let it = self.iter(container)?;
        while let Some(x) = self.next(&it)? {
            if x.is(item) || self.eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    pub fn getitem(&mut self, obj: &Value, idx: &Value) -> PyResult {
        match obj {
            Value::Instance(i) => {
                let cls = i.class.borrow().clone();
                if let Some(f) = cls.lookup("__getitem__") {
                    if !matches!(f, Value::Native(_)) {
                        return self.call(&f, vec![obj.clone(), idx.clone()]);
                    }
                }
                let w = i.wrapped.borrow().clone();
                if let Value::Dict(d) = &w {
                    let k = self.hkey(idx.clone())?;
                    if let Some(v) = d.borrow().get(&k) {
                        return Ok(v);
                    }
                    if let Some(m) = cls.lookup("__missing__") {
                        return self.call(&m, vec![obj.clone(), idx.clone()]);
                    }
                    return Err(Exc::key_error(idx.clone()));
                }
                if !w.is_none() {
                    return self.getitem(&w, idx);
                }
                Err(Exc::type_error(format!("'{}' object is not subscriptable", cls.name)))
            }
            Value::Class(c) => {
                if let Some(f) = c.lookup("__class_getitem__") {
                    let f = super::attr::unwrap_classmethod(&f);
                    return self.call(&f, vec![obj.clone(), idx.clone()]);
                }
                if let Some(f) = c.lookup("__il_getitem__") {
                    let f = super::attr::unwrap_classmethod(&f);
                    return self.call(&f, vec![obj.clone(), idx.clone()]);
                }
                if crate::types::generic_alias::subscriptable(c) {
                    return Ok(crate::types::generic_alias::make(obj.clone(), idx));
                }
                // Other classes in annotations (`Foo[int]`): the class itself here.
                Ok(obj.clone())
            }
            Value::Object(o) => {
                if let Some(cls) = self.types.native_of(o.type_name()) {
                    if let Some(f) = cls.lookup("__getitem__") {
                        return self.call(&f, vec![obj.clone(), idx.clone()]);
                    }
                }
                Err(Exc::type_error(format!(
                    "'{}' object is not subscriptable",
                    o.type_name()
                )))
            }
            _ => match crate::types::seq_getitem(self, obj, idx) {
                Some(r) => r,
                None => Err(Exc::type_error(format!(
                    "'{}' object is not subscriptable",
                    self.type_name(obj)
                ))),
            },
        }
    }

    pub fn setitem(&mut self, obj: &Value, idx: Value, v: Value) -> PyResult<()> {
        match obj {
            Value::Dict(d) => {
                let k = self.hkey(idx)?;
                d.borrow_mut().insert(k, v);
                Ok(())
            }
            Value::Instance(i) => {
                let cls = i.class.borrow().clone();
                if let Some(f) = cls.lookup("__setitem__") {
                    if !matches!(f, Value::Native(_)) {
                        self.call(&f, vec![obj.clone(), idx, v])?;
                        return Ok(());
                    }
                }
                let w = i.wrapped.borrow().clone();
                if !w.is_none() {
                    return self.setitem(&w, idx, v);
                }
                Err(Exc::type_error(format!(
                    "'{}' object does not support item assignment",
                    cls.name
                )))
            }
            Value::Object(o) => {
                if let Some(cls) = self.types.native_of(o.type_name()) {
                    if let Some(f) = cls.lookup("__setitem__") {
                        self.call(&f, vec![obj.clone(), idx, v])?;
                        return Ok(());
                    }
                }
                Err(Exc::type_error(format!(
                    "'{}' object does not support item assignment",
                    o.type_name()
                )))
            }
            _ => match crate::types::seq_setitem(self, obj, idx, v) {
                Some(r) => r,
                None => Err(Exc::type_error(format!(
                    "'{}' object does not support item assignment",
                    self.type_name(obj)
                ))),
            },
        }
    }

    pub fn delitem(&mut self, obj: &Value, idx: &Value) -> PyResult<()> {
        match obj {
            Value::Instance(i) => {
                let cls = i.class.borrow().clone();
                if let Some(f) = cls.lookup("__delitem__") {
                    if !matches!(f, Value::Native(_)) {
                        self.call(&f, vec![obj.clone(), idx.clone()])?;
                        return Ok(());
                    }
                }
                let w = i.wrapped.borrow().clone();
                if !w.is_none() {
                    return self.delitem(&w, idx);
                }
                Err(Exc::type_error(format!(
                    "'{}' object doesn't support item deletion",
                    cls.name
                )))
            }
            Value::Object(o) => {
                if let Some(cls) = self.types.native_of(o.type_name()) {
                    if let Some(f) = cls.lookup("__delitem__") {
                        self.call(&f, vec![obj.clone(), idx.clone()])?;
                        return Ok(());
                    }
                }
                Err(Exc::type_error(format!(
                    "'{}' object doesn't support item deletion",
                    o.type_name()
                )))
            }
            _ => match crate::types::seq_delitem(self, obj, idx) {
                Some(r) => r,
                None => Err(Exc::type_error(format!(
                    "'{}' object doesn't support item deletion",
                    self.type_name(obj)
                ))),
            },
        }
    }

    pub fn isinstance(&self, v: &Value, cls: &Rc<Class>) -> bool {
        self.class_of(v).is_subclass(cls)
    }

    pub fn get_awaitable(&mut self, v: Value) -> PyResult {
        match &v {
            Value::Gen(g) if g.kind == crate::code::CodeKind::Coroutine => Ok(v),
            Value::Object(_) => Ok(v),
            Value::Instance(i) => {
                let cls = i.class.borrow().clone();
                match cls.lookup("__await__") {
                    Some(f) => {
                        let it = self.call(&f, vec![v.clone()])?;
                        // An `__await__` that delegates to a coroutine or future (the common case).
                        match &it {
                            Value::Gen(_) | Value::Object(_) => Ok(it),
                            _ => Err(Exc::type_error("__await__() returned non-iterator")),
                        }
                    }
                    None => Err(Exc::type_error(format!(
                        "object {} can't be used in 'await' expression",
                        cls.name
                    ))),
                }
            }
            _ => Err(Exc::type_error(format!(
                "object {} can't be used in 'await' expression",
                self.type_name(&v)
            ))),
        }
    }

    pub fn aiter(&mut self, v: &Value) -> PyResult {
        match v {
            Value::Gen(g) if g.kind == crate::code::CodeKind::AsyncGenerator => Ok(v.clone()),
            _ => match self.getattr_opt(v, "__aiter__")? {
                Some(f) => self.call(&f, vec![]),
                None => Err(Exc::type_error(format!(
                    "'async for' requires an object with __aiter__ method, got {}",
                    self.type_name(v)
                ))),
            },
        }
    }

    pub fn anext(&mut self, v: &Value) -> PyResult {
        match v {
            Value::Gen(g) if g.kind == crate::code::CodeKind::AsyncGenerator => {
                Ok(Value::Object(Rc::new(crate::asyncio::ANext {
                    gen: g.clone(),
                    send: Value::None,
                    default: None,
                })))
            }
            _ => match self.getattr_opt(v, "__anext__")? {
                Some(f) => self.call(&f, vec![]),
                None => Err(Exc::type_error(format!(
                    "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                    self.type_name(v)
                ))),
            },
        }
    }
}
