//! Insertion-ordered dicts and sets keyed by Python values, with hashes computed by the interpreter.

use crate::value::{Str, Value};
use indexmap::IndexMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::rc::Rc;

/// A key with its Python hash computed up front (by `Vm::hash`, which may call `__hash__`).
#[derive(Clone, Debug)]
pub struct HKey {
    pub hash: u64,
    pub value: Value,
}

impl Hash for HKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

impl PartialEq for HKey {
    fn eq(&self, other: &HKey) -> bool {
        self.hash == other.hash && key_eq(&self.value, &other.value)
    }
}

impl Eq for HKey {}

/// The most keys `Dict::index_of_str` scans rather than probing the hash table.
const SCAN_MAX: usize = 8;

/// A borrowed string key for lookups that allocate nothing.
pub struct StrKey<'a> {
    pub hash: u64,
    pub s: &'a str,
}

impl Hash for StrKey<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

impl indexmap::Equivalent<HKey> for StrKey<'_> {
    fn equivalent(&self, key: &HKey) -> bool {
        // Names usually come from the same code object that stored them: the same pointer, no memcmp.
        key.hash == self.hash
            && matches!(&key.value, Value::Str(k) if std::ptr::eq(k.as_ptr(), self.s.as_ptr()) && k.len() == self.s.len() || &**k == self.s)
    }
}

/// Passes the precomputed hash through unchanged.
#[derive(Default)]
pub struct PassHasher(u64);

impl Hasher for PassHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0.rotate_left(5) ^ *b as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub type Build = BuildHasherDefault<PassHasher>;

/// Key equality for dicts and sets: Python's `==` for the hashable builtin values, identity otherwise.
pub fn key_eq(a: &Value, b: &Value) -> bool {
    use Value::*;
    match (a, b) {
        (Str(x), Str(y)) => x == y,
        (Bytes(x), Bytes(y)) => x == y,
        (Int(x), Int(y)) => x == y,
        (Tuple(x), Tuple(y)) => x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| key_eq(p, q)),
        (FrozenSet(x), FrozenSet(y)) => x.len() == y.len() && x.iter().all(|k| y.contains(k)),
        _ => match (crate::vm::ops::num_value(a), crate::vm::ops::num_value(b)) {
            (Some(x), Some(y)) => crate::vm::ops::num_eq(&x, &y),
            _ => a.is(b) || crate::vm::ops::instance_key_eq(a, b),
        },
    }
}

/// FNV-style string hash: stable across runs, so iteration orders never depend on a random seed.
pub fn hash_str(s: &str) -> u64 {
    hash_bytes(s.as_bytes())
}

/// The same hash over bytes, so `b"ab"` and `"ab"` hash alike, as in CPython.
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[derive(Clone, Default, Debug)]
pub struct Dict {
    pub map: IndexMap<HKey, Value, Build>,
}

impl Drop for Dict {
    fn drop(&mut self) {
        let map = std::mem::take(&mut self.map);
        crate::value::bury(map.into_iter().flat_map(|(k, v)| [k.value, v]));
    }
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    pub fn get(&self, key: &HKey) -> Option<Value> {
        self.map.get(key).cloned()
    }

    pub fn insert(&mut self, key: HKey, value: Value) {
        self.map.insert(key, value);
    }

    pub fn remove(&mut self, key: &HKey) -> Option<Value> {
        self.map.shift_remove(key)
    }

    pub fn get_str(&self, name: &str) -> Option<Value> {
        self.map
            .get(&StrKey {
                hash: hash_str(name),
                s: name,
            })
            .cloned()
    }

    /// Looks a string key up with its hash already known (names in code objects carry theirs).
    pub fn get_hashed(&self, name: &str, hash: u64) -> Option<&Value> {
        let i = self.index_of_str(name, hash)?;
        self.map.get_index(i).map(|(_, v)| v)
    }

    /// Where the string key `name` (with its hash) is. A small dict (an instance's attributes, most often) is
    /// scanned, which at `opt-level = "z"` is a few instructions a key against about a hundred for the hash
    /// table's probe, a chain of calls there.
    pub fn index_of_str(&self, name: &str, hash: u64) -> Option<usize> {
        if self.map.len() <= SCAN_MAX {
            return self.map.keys().position(|k| {
                k.hash == hash
                    && matches!(&k.value, Value::Str(s) if std::ptr::eq(s.as_ptr(), name.as_ptr()) && s.len() == name.len() || **s == *name)
            });
        }
        self.map.get_index_of(&StrKey { hash, s: name })
    }

    pub fn get_rc(&self, name: &Str) -> Option<&Value> {
        self.map.get(&StrKey {
            hash: hash_str(name),
            s: name,
        })
    }

    pub fn set_str(&mut self, name: &str, value: Value) {
        self.set_rc(Rc::from(name), value);
    }

    pub fn set_rc(&mut self, name: Str, value: Value) {
        let key = HKey {
            hash: hash_str(&name),
            value: Value::Str(name),
        };
        self.map.insert(key, value);
    }

    pub fn remove_str(&mut self, name: &str) -> Option<Value> {
        self.map.shift_remove(&StrKey {
            hash: hash_str(name),
            s: name,
        })
    }

    pub fn keys(&self) -> impl Iterator<Item = &Value> {
        self.map.keys().map(|k| &k.value)
    }

    pub fn values(&self) -> impl Iterator<Item = &Value> {
        self.map.values()
    }

    pub fn items(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.map.iter().map(|(k, v)| (&k.value, v))
    }
}

/// Sets keep CPython's slot layout, so that they iterate (and print) in CPython's order.
pub use crate::types::settable::SetTable as Set;

#[cfg(test)]
mod tests {
    use super::*;

    /// A scanned small dict and a probed large one find the same keys, by equal strings too, and miss the same.
    #[test]
    fn string_lookups_agree_scanned_and_probed() {
        for n in [0, 1, SCAN_MAX - 1, SCAN_MAX, SCAN_MAX + 1, 40] {
            let mut d = Dict::new();
            for i in 0..n {
                d.set_str(&format!("k{i}"), Value::Int(i as i64));
            }
            // A key that is not a string, with a string's hash, is never a string key's match.
            d.insert(
                HKey {
                    hash: hash_str("k0"),
                    value: Value::Int(-1),
                },
                Value::None,
            );
            for i in 0..n {
                let name = format!("k{i}");
                let found = d.get_hashed(&name, hash_str(&name));
                assert!(matches!(found, Some(Value::Int(v)) if *v == i as i64), "{name} in {n}");
                assert_eq!(
                    d.index_of_str(&name, hash_str(&name)),
                    d.map.get_index_of(&StrKey {
                        hash: hash_str(&name),
                        s: &name
                    })
                );
            }
            for name in ["k", "missing", &format!("k{n}")] {
                assert!(d.get_hashed(name, hash_str(name)).is_none(), "{name} in {n}");
            }
        }
    }
}
