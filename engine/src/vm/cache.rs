//! A cache of attribute lookups on classes, so method calls and instance attributes skip walking the MRO.

use super::Vm;
use crate::value::{Class, Str, Value};
use std::rc::Rc;

/// Slots in the cache (a power of two): direct-mapped by class and name hash.
const SLOTS: usize = 1024;

/// What `Class::lookup_hashed` found for one class and name. Only functions, natives and absences are kept:
/// they have no behaviour when dropped, so keeping them longer than the class dict does changes nothing.
#[derive(Clone, Default)]
pub struct Entry {
    class_id: usize,
    hash: u64,
    name: Option<Str>,
    found: Option<Value>,
}

impl Vm {
    /// `cls.lookup_hashed(name, hash)`, cached. Every change to a class dict after its creation goes through
    /// `setattr`/`delattr`, which call `forget_class_lookups`.
    #[inline]
    pub fn class_lookup(&mut self, cls: &Rc<Class>, name: &Str, hash: u64) -> Option<Value> {
        let slot = (hash ^ (cls.id as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)) as usize & (SLOTS - 1);
        if self.attr_cache.is_empty() {
            self.attr_cache.resize(SLOTS, Entry::default());
        }
        let e = &self.attr_cache[slot];
        if e.class_id == cls.id && e.hash == hash {
            if let Some(n) = &e.name {
                if Rc::ptr_eq(n, name) || **n == **name {
                    return e.found.clone();
                }
            }
        }
        let found = cls.lookup_hashed(name, hash);
        if matches!(found, None | Some(Value::Function(_) | Value::Native(_))) {
            self.attr_cache[slot] = Entry {
                class_id: cls.id,
                hash,
                name: Some(name.clone()),
                found: found.clone(),
            };
        }
        found
    }

    /// Empties the cache: a class dict changed.
    pub fn forget_class_lookups(&mut self) {
        self.attr_cache.clear();
    }
}
