//! The instructions of the `match` statement: which subjects are sequences and mappings, looking keys up,
//! and taking a class pattern's attributes (`__match_args__`).

use super::*;
use crate::value::BuiltinType;

/// The builtin types whose class pattern takes the subject itself as its one positional sub-pattern.
const MATCH_SELF: [BuiltinType; 10] = [
    BuiltinType::Bool,
    BuiltinType::Bytes,
    BuiltinType::Dict,
    BuiltinType::Float,
    BuiltinType::FrozenSet,
    BuiltinType::Int,
    BuiltinType::List,
    BuiltinType::Set,
    BuiltinType::Str,
    BuiltinType::Tuple,
];

impl Vm {
    pub(super) fn pattern_op(&mut self, th: &mut Thread, instr: Instr) -> PyResult<Option<Exit>> {
        let f = frame(th)?;
        match instr {
            Instr::MatchSequence => {
                let v = self.is_match_sequence(top(f)?);
                f.stack.push(Value::Bool(v));
            }
            Instr::MatchMapping => {
                let v = self.is_match_mapping(top(f)?);
                f.stack.push(Value::Bool(v));
            }
            Instr::GetLen => {
                let v = top(f)?.clone();
                let n = self.len(&v)?;
                push(th, Value::Int(n as i64));
            }
            Instr::MatchKeys => {
                let keys = top(f)?.clone();
                let subject = peek(f, 1)?;
                let v = self.match_keys(&subject, &keys)?;
                push(th, v);
            }
            Instr::MatchClass(npos) => {
                let names = pop(f)?;
                let cls = pop(f)?;
                let subject = pop(f)?;
                let v = self.match_class(&subject, &cls, npos as usize, &names)?;
                push(th, v);
            }
            Instr::CopyDictWithoutKeys => {
                let keys = pop(f)?;
                let subject = top(f)?.clone();
                let dict = Value::Class(self.types.dict.clone());
                let rest = self.call(&dict, vec![subject])?;
                if let Value::Tuple(keys) = &keys {
                    for k in keys.iter() {
                        self.delitem(&rest, k)?;
                    }
                }
                push(th, rest);
            }
            _ => return Err(Exc::runtime("internal error: not a pattern instruction")),
        }
        Ok(None)
    }

    /// What a sequence pattern accepts: lists, tuples, ranges, deques and `collections.abc.Sequence`
    /// subclasses, never strings or bytes.
    fn is_match_sequence(&self, v: &Value) -> bool {
        let cls = self.class_of(v);
        let mut any = false;
        for c in std::iter::once(&cls).chain(cls.mro.iter()) {
            match c.builtin {
                Some(BuiltinType::Str | BuiltinType::Bytes) => return false,
                Some(BuiltinType::List | BuiltinType::Tuple | BuiltinType::Range) => any = true,
                _ => {}
            }
            match (&*c.name, &*c.module) {
                ("bytearray", _) => return false,
                ("deque", _) | ("Sequence", "collections.abc") => any = true,
                _ => {}
            }
        }
        any
    }

    fn is_match_mapping(&self, v: &Value) -> bool {
        let cls = self.class_of(v);
        std::iter::once(&cls)
            .chain(cls.mro.iter())
            .any(|c| c.builtin == Some(BuiltinType::Dict) || (&*c.name == "Mapping" && &*c.module == "collections.abc"))
    }

    /// The values of `keys` in the mapping `subject`, looked up with `get` as CPython does, or `None`.
    fn match_keys(&mut self, subject: &Value, keys: &Value) -> PyResult {
        let Value::Tuple(keys) = keys else {
            return Ok(Value::None);
        };
        let keys: Vec<Value> = keys.to_vec();
        for (i, k) in keys.iter().enumerate() {
            for earlier in &keys[..i] {
                if self.eq(earlier, k)? {
                    let r = self.repr(k)?;
                    return Err(Exc::value_error(format!("mapping pattern checks duplicate key ({r})")));
                }
            }
        }
        let sentinel = self.new_instance(&self.types.object.clone(), &[]);
        let get = self.getattr(subject, "get")?;
        let mut values = Vec::with_capacity(keys.len());
        for k in keys {
            let v = self.call(&get, vec![k, sentinel.clone()])?;
            if let (Value::Instance(a), Value::Instance(b)) = (&v, &sentinel) {
                if Rc::ptr_eq(a, b) {
                    return Ok(Value::None);
                }
            }
            values.push(v);
        }
        Ok(Value::tuple(values))
    }

    fn match_class(&mut self, subject: &Value, cls: &Value, npos: usize, names: &Value) -> PyResult {
        let Value::Class(c) = cls else {
            return Err(Exc::type_error("called match pattern must be a type"));
        };
        if !self.isinstance(subject, c) {
            return Ok(Value::None);
        }
        let kw_names: Vec<Value> = match names {
            Value::Tuple(t) => t.to_vec(),
            _ => Vec::new(),
        };
        let mut attrs: Vec<Str> = Vec::new();
        let mut values = Vec::new();
        if npos > 0 {
            match self.getattr_opt(cls, "__match_args__")? {
                Some(Value::Tuple(t)) => {
                    if npos > t.len() {
                        return Err(Exc::type_error(too_many(&c.name, t.len(), npos)));
                    }
                    for a in t.iter().take(npos) {
                        match a {
                            Value::Str(s) => attrs.push(s.clone()),
                            other => {
                                return Err(Exc::type_error(format!(
                                    "__match_args__ elements must be strings (got {})",
                                    self.type_name(other)
                                )))
                            }
                        }
                    }
                }
                Some(other) => {
                    return Err(Exc::type_error(format!(
                        "{}.__match_args__ must be a tuple (got {})",
                        c.name,
                        self.type_name(&other)
                    )))
                }
                None => {
                    let self_matching = std::iter::once(c)
                        .chain(c.mro.iter())
                        .any(|k| k.builtin.is_some_and(|b| MATCH_SELF.contains(&b)) || &*k.name == "bytearray");
                    if !self_matching || npos > 1 {
                        return Err(Exc::type_error(too_many(&c.name, usize::from(self_matching), npos)));
                    }
                    values.push(subject.clone());
                }
            }
        }
        for n in &kw_names {
            if let Value::Str(s) = n {
                attrs.push(s.clone());
            }
        }
        for (i, a) in attrs.iter().enumerate() {
            if attrs[..i].contains(a) {
                return Err(Exc::type_error(format!(
                    "{}() got multiple sub-patterns for attribute '{a}'",
                    c.name
                )));
            }
            match self.getattr(subject, a) {
                Ok(v) => values.push(v),
                Err(e) if self.exc_kind_is(&e, ExcType::AttributeError) => return Ok(Value::None),
                Err(e) => return Err(e),
            }
        }
        Ok(Value::tuple(values))
    }
}

fn too_many(cls: &str, allowed: usize, given: usize) -> String {
    let s = if allowed == 1 { "" } else { "s" };
    format!("{cls}() accepts {allowed} positional sub-pattern{s} ({given} given)")
}
