//! What a step of a run touched, for the explorer's partial-order reduction: two steps of different lanes
//! whose footprints do not conflict give the same state in either order, so only one order is explored.
//!
//! A footprint is conservative (it may say two steps conflict when they commute, never the reverse, as far
//! as the engine sees): the globals and attributes read and written (`Vm::track_read`/`track_write`, the
//! runtime's own code included), every mutable object (list, dict, set, instance, native object, closure
//! cell) the stepping task holds in its frames or reads from a global or attribute (taken as written, since
//! a method may change it), output, and what the step's trace events touch: the lanes it woke, cancelled or
//! created, the locks and channels it used.

use crate::trace::{Event, EventKind, WaitReason};
use crate::value::Value;

/// A step's reads and writes, as sorted keys, and the lanes that ran in it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Footprint {
    pub reads: Vec<u64>,
    pub writes: Vec<u64>,
    pub ran: Vec<u64>,
    /// What the step touched by address, in the order touched, until `seal` names each address by its order of
    /// first use in the run: the same on every run of the same schedule, where addresses are not (so the
    /// explorer prunes the same schedules every time, and compares steps of different runs by what they are).
    raw: Vec<Raw>,
}

/// An object by address, or a place (a namespace's or container's address, or an object's serial, and a key).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Raw {
    Object(usize),
    Place(usize, u64, bool),
}

/// The names `seal` gives addresses: 1, 2, 3... in order of first use within a run.
pub type Names = std::collections::HashMap<usize, u64>;

/// Keys of the footprint: a tag in the top bits, so that the kinds of thing never collide.
const PLACE: u64 = 1 << 60;
const OBJECT: u64 = 2 << 60;
const LANE: u64 = 3 << 60;
const SYNC: u64 = 4 << 60;
const OUTPUT: u64 = 5 << 60;
/// Creating a task or thread takes the next id, which names it in the output (`Task-3`).
const CREATION: u64 = 6 << 60;
const MASK: u64 = (1 << 60) - 1;

impl Footprint {
    pub fn place(&mut self, place: crate::findings::Place, write: bool) {
        self.raw.push(Raw::Place(place.0, place.1, write));
    }

    /// A mutable object the step may change (nothing for an immutable value).
    pub fn value(&mut self, v: &Value) {
        let ptr = match v {
            Value::List(r) => std::rc::Rc::as_ptr(r) as *const u8 as usize,
            Value::Dict(r) => std::rc::Rc::as_ptr(r) as *const u8 as usize,
            Value::Set(r) => std::rc::Rc::as_ptr(r) as *const u8 as usize,
            Value::Instance(r) => std::rc::Rc::as_ptr(r) as *const u8 as usize,
            Value::Cell(r) => std::rc::Rc::as_ptr(r) as *const u8 as usize,
            Value::Object(r) => std::rc::Rc::as_ptr(r) as *const u8 as usize,
            Value::Method(m) => return self.value(&m.0),
            _ => return,
        };
        self.raw.push(Raw::Object(ptr));
    }

    pub fn cell(&mut self, c: &std::rc::Rc<std::cell::RefCell<Value>>) {
        self.raw.push(Raw::Object(std::rc::Rc::as_ptr(c) as *const u8 as usize));
    }

    /// What a step's trace events touch.
    pub fn events(&mut self, events: &[Event]) {
        for e in events {
            let lane = LANE | u64::from(e.task);
            match e.kind {
                EventKind::Resumed | EventKind::GilTaken => {
                    self.reads.push(lane);
                    self.ran.push(u64::from(e.task));
                }
                EventKind::Created { .. } => {
                    self.writes.push(CREATION);
                    self.writes.push(lane);
                }
                EventKind::Ready { .. }
                | EventKind::Finished { .. }
                | EventKind::CancelRequested { .. }
                | EventKind::Renamed { .. } => self.writes.push(lane),
                EventKind::Print { .. } => self.writes.push(OUTPUT),
                EventKind::Acquired { obj } | EventKind::Released { obj } => self.writes.push(SYNC | u64::from(obj)),
                EventKind::MessageSent { channel, .. } | EventKind::MessageReceived { channel, .. } => {
                    self.writes.push(SYNC | u64::from(channel))
                }
                EventKind::Suspended { reason } => match reason {
                    WaitReason::Sync { obj, .. } | WaitReason::Future(obj) | WaitReason::Process { obj: Some(obj) } => {
                        self.writes.push(SYNC | u64::from(obj))
                    }
                    WaitReason::Task(t) => self.reads.push(LANE | u64::from(t)),
                    _ => {}
                },
                _ => {}
            }
        }
    }

    /// Names the addresses touched (`names`: the run's so far), then sorts and dedups the keys, once the step
    /// is over.
    pub fn seal(&mut self, names: &mut Names) {
        for raw in std::mem::take(&mut self.raw) {
            let mut name = |addr: usize| {
                let next = names.len() as u64 + 1;
                *names.entry(addr).or_insert(next)
            };
            match raw {
                Raw::Object(addr) => self.writes.push(OBJECT | name(addr) & MASK),
                Raw::Place(addr, key, write) => {
                    let key = PLACE | (name(addr).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ key) & MASK;
                    if write {
                        self.writes.push(key);
                    } else {
                        self.reads.push(key);
                    }
                }
            }
        }
        for v in [&mut self.reads, &mut self.writes, &mut self.ran] {
            crate::smallsort::sort(v);
            v.dedup();
        }
    }

    /// Whether the two steps may not commute: one writes what the other reads or writes.
    pub fn conflicts(&self, other: &Footprint) -> bool {
        meets(&self.writes, &other.writes) || meets(&self.writes, &other.reads) || meets(&self.reads, &other.writes)
    }
}

/// Whether two sorted lists share a key.
fn meets(a: &[u64], b: &[u64]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conflicts_need_a_write() {
        let mut names = Names::new();
        let mut a = Footprint::default();
        a.place((1, 2), false);
        let mut b = a.clone();
        a.seal(&mut names);
        b.seal(&mut names);
        assert!(!a.conflicts(&b));
        b.place((1, 2), true);
        b.seal(&mut names);
        assert!(a.conflicts(&b) && b.conflicts(&a));
        let mut c = Footprint::default();
        c.place((1, 3), true);
        c.seal(&mut names);
        assert!(!c.conflicts(&a));
    }

    /// Two runs touching their own objects in the same order have the same footprints, whatever the objects'
    /// addresses: what makes the explorer's pruning, and so its counts, the same from one exploration to the next.
    #[test]
    fn objects_are_named_by_order_of_first_use_not_by_address() {
        let run = |first: &Value, second: &Value| {
            let mut names = Names::new();
            let mut one = Footprint::default();
            one.value(first);
            one.seal(&mut names);
            let mut two = Footprint::default();
            two.value(second);
            two.value(first);
            two.seal(&mut names);
            (one, two)
        };
        let (a1, b1) = (Value::list(vec![]), Value::list(vec![]));
        let (a2, b2) = (Value::list(vec![]), Value::list(vec![]));
        let (one1, two1) = run(&a1, &b1);
        let (one2, two2) = run(&a2, &b2);
        assert_eq!((&one1, &two1), (&one2, &two2));
        // Within a run, another object is another key; the same object the same key.
        assert_eq!(two1.writes.len(), 2);
        assert!(one1.conflicts(&two1));
    }
}
