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
}

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
        let key = PLACE | ((place.0 as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ place.1) & MASK;
        if write {
            self.writes.push(key);
        } else {
            self.reads.push(key);
        }
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
        self.writes.push(OBJECT | ptr as u64 & MASK);
    }

    pub fn cell(&mut self, c: &std::rc::Rc<std::cell::RefCell<Value>>) {
        self.writes
            .push(OBJECT | std::rc::Rc::as_ptr(c) as *const u8 as usize as u64 & MASK);
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

    /// Sorts and dedups the keys, once the step is over.
    pub fn seal(&mut self) {
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
        let mut a = Footprint::default();
        a.place((1, 2), false);
        let mut b = a.clone();
        a.seal();
        b.seal();
        assert!(!a.conflicts(&b));
        b.place((1, 2), true);
        b.seal();
        assert!(a.conflicts(&b) && b.conflicts(&a));
        let mut c = Footprint::default();
        c.place((1, 3), true);
        c.seal();
        assert!(!c.conflicts(&a));
    }
}
