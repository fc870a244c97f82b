//! A hash table laid out like CPython's `setobject.c`, so that sets iterate in CPython's order: `{3, 1, 2}`
//! prints `{1, 2, 3}`, and `set.pop()` takes what CPython would take.
//!
//! Slots are probed exactly as CPython probes them (nine linear probes, then the perturbed jump), tables start at
//! eight slots and grow at three-fifths full, and removals leave dummies. With CPython's hashes for ints, floats
//! and tuples the iteration order matches CPython's; strs hash differently (CPython randomises them anyway).

use crate::dict::{key_eq, HKey};

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone, Debug, Default)]
enum Slot {
    #[default]
    Empty,
    /// A removed entry: probing continues past it.
    Dummy,
    Live(HKey),
}

impl Drop for SetTable {
    fn drop(&mut self) {
        let slots = std::mem::take(&mut self.slots);
        crate::value::bury(slots.into_iter().filter_map(|s| match s {
            Slot::Live(k) => Some(k.value),
            _ => None,
        }));
    }
}

#[derive(Clone, Debug)]
pub struct SetTable {
    slots: Vec<Slot>,
    /// Live entries.
    used: usize,
    /// Live entries plus dummies.
    fill: usize,
    /// Where `pop` starts looking, as CPython's `finger`.
    finger: usize,
}

impl Default for SetTable {
    fn default() -> Self {
        SetTable::new()
    }
}

impl SetTable {
    pub fn new() -> SetTable {
        SetTable {
            slots: vec![Slot::Empty; MIN_SIZE],
            used: 0,
            fill: 0,
            finger: 0,
        }
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// CPython's probe sequence from a hash: each step yields a run of slot indices.
    fn probe(&self, hash: u64, mut visit: impl FnMut(usize) -> bool) {
        let mask = self.mask() as u64;
        let mut i = hash & mask;
        let mut perturb = hash;
        loop {
            let run = if i + LINEAR_PROBES as u64 <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in 0..=run as u64 {
                if !visit((i + j) as usize) {
                    return;
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }

    /// The slot holding `key`, if present.
    fn find(&self, key: &HKey) -> Option<usize> {
        let mut found = None;
        self.probe(key.hash, |i| match self.slots.get(i) {
            Some(Slot::Live(k)) if k.hash == key.hash && key_eq(&k.value, &key.value) => {
                found = Some(i);
                false
            }
            Some(Slot::Empty) | None => false,
            _ => true,
        });
        found
    }

    pub fn contains(&self, key: &HKey) -> bool {
        self.find(key).is_some()
    }

    /// Adds `key`; false when an equal key was already there (which is kept).
    pub fn insert(&mut self, key: HKey) -> bool {
        let mut target = None;
        let mut last_dummy = None;
        let mut present = false;
        self.probe(key.hash, |i| match self.slots.get(i) {
            Some(Slot::Live(k)) => {
                if k.hash == key.hash && key_eq(&k.value, &key.value) {
                    present = true;
                    return false;
                }
                true
            }
            Some(Slot::Dummy) => {
                // CPython keeps the last dummy it passes, not the first.
                last_dummy = Some(i);
                true
            }
            Some(Slot::Empty) | None => {
                target = Some(i);
                false
            }
        });
        if present {
            return false;
        }
        if let Some(d) = last_dummy {
            if let Some(slot) = self.slots.get_mut(d) {
                *slot = Slot::Live(key);
                self.used += 1;
                return true;
            }
        }
        let Some(t) = target else { return false };
        if let Some(slot) = self.slots.get_mut(t) {
            *slot = Slot::Live(key);
        }
        self.used += 1;
        self.fill += 1;
        if self.fill * 5 >= self.mask() * 3 {
            self.resize(if self.used > 50_000 {
                self.used * 2
            } else {
                self.used * 4
            });
        }
        true
    }

    /// Rebuilds the table with room for `min_used` entries, dropping dummies.
    fn resize(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size <= min_used {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::Empty; size]);
        self.fill = self.used;
        for slot in old {
            if let Slot::Live(k) = slot {
                self.insert_clean(k);
            }
        }
    }

    /// CPython's `set_insert_clean`: the first empty slot along the probe sequence (no dummies, no duplicates).
    fn insert_clean(&mut self, key: HKey) {
        let mut target = None;
        self.probe(key.hash, |i| match self.slots.get(i) {
            Some(Slot::Empty) => {
                target = Some(i);
                false
            }
            Some(_) => true,
            None => false,
        });
        if let Some(slot) = target.and_then(|t| self.slots.get_mut(t)) {
            *slot = Slot::Live(key);
        }
    }

    /// Removes `key`; false when it was absent.
    pub fn remove(&mut self, key: &HKey) -> bool {
        match self.find(key) {
            Some(i) => {
                if let Some(slot) = self.slots.get_mut(i) {
                    *slot = Slot::Dummy;
                }
                self.used -= 1;
                true
            }
            None => false,
        }
    }

    /// `set.pop()`: the first live entry at or after the finger, wrapping around.
    pub fn pop(&mut self) -> Option<HKey> {
        if self.used == 0 {
            return None;
        }
        let n = self.slots.len();
        for step in 0..n {
            let i = (self.finger + step) & (n - 1);
            if let Some(slot @ Slot::Live(_)) = self.slots.get_mut(i) {
                let Slot::Live(k) = std::mem::replace(slot, Slot::Dummy) else {
                    return None;
                };
                self.used -= 1;
                self.finger = i + 1;
                return Some(k);
            }
        }
        None
    }

    /// Grows the table ahead of adding `n` more entries, as CPython does before merging a set or a dict.
    pub fn reserve_for(&mut self, n: usize) {
        if (self.fill + n) * 5 >= self.mask() * 3 {
            self.resize((self.used + n) * 2);
        }
    }

    /// After a `difference_update`: CPython rebuilds the table once more than a quarter of it is dummies.
    pub fn shed_dummies(&mut self) {
        if self.fill - self.used > self.mask() / 4 {
            self.resize(if self.used > 50_000 {
                self.used * 2
            } else {
                self.used * 4
            });
        }
    }

    /// CPython's `set_merge`: adds every member of `other`, copying its layout outright when this set is empty.
    pub fn merge(&mut self, other: &SetTable) {
        if other.used == 0 {
            return;
        }
        self.reserve_for(other.used);
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            self.slots.clone_from(&other.slots);
            self.fill = other.fill;
            self.used = other.used;
            return;
        }
        if self.fill == 0 {
            for k in other.iter() {
                self.insert_clean(k.clone());
            }
            self.fill = other.used;
            self.used = other.used;
            return;
        }
        for k in other.iter() {
            self.insert(k.clone());
        }
    }

    /// `set.copy()` and `set(other_set)`: a fresh table with no dummies, laid out as CPython lays out a copy.
    pub fn copy_compact(&self) -> SetTable {
        let mut t = SetTable::new();
        t.merge(self);
        t
    }

    pub fn clear(&mut self) {
        *self = SetTable::new();
    }

    /// The live entries in slot order, which is CPython's iteration order.
    pub fn iter(&self) -> impl Iterator<Item = &HKey> {
        self.slots.iter().filter_map(|s| match s {
            Slot::Live(k) => Some(k),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Value;

    /// An int key with CPython's hash (`hash(-1) == -2`).
    fn key(i: i64) -> HKey {
        HKey {
            hash: if i == -1 { -2i64 as u64 } else { i as u64 },
            value: Value::Int(i),
        }
    }

    fn order(t: &SetTable) -> Vec<i64> {
        t.iter()
            .map(|k| match k.value {
                Value::Int(i) => i,
                _ => 0,
            })
            .collect()
    }

    fn set_of(items: &[i64]) -> SetTable {
        let mut t = SetTable::new();
        for &i in items {
            t.insert(key(i));
        }
        t
    }

    #[test]
    fn small_ints_iterate_like_cpython() {
        // Orders printed by python3.11 for sets built by adding these items in turn.
        assert_eq!(order(&set_of(&[3, 1, 3, 2, 1])), [1, 2, 3]);
        assert_eq!(order(&set_of(&[10, 1, 2, 3])), [3, 1, 10, 2]);
        assert_eq!(
            order(&set_of(&[1, 2, 3, 4, 5, 6, 7, 100, 200, 33])),
            [1, 2, 3, 4, 5, 6, 7, 100, 200, 33]
        );
        assert_eq!(order(&set_of(&[8, 16, 0])), [8, 16, 0]);
        // Five items pass three-fifths of eight slots: the table grows to 32.
        assert_eq!(order(&set_of(&[31, 20, 5, 9, 1])), [1, 5, 9, 20, 31]);
        assert_eq!(order(&set_of(&[-1, -2])), [-1, -2]);
    }

    #[test]
    fn remove_and_pop_leave_dummies() {
        let mut t = set_of(&[1, 2, 3]);
        assert!(t.remove(&key(2)));
        assert!(!t.contains(&key(2)));
        assert!(t.contains(&key(3)));
        assert!(t.insert(key(2)));
        assert_eq!(order(&t), [1, 2, 3]);
        assert_eq!(t.pop().map(|k| k.hash), Some(1));
        assert_eq!(t.pop().map(|k| k.hash), Some(2));
        assert_eq!(t.len(), 1);
    }
}
