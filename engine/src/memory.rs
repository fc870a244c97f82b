//! The memory a run holds, counted by the allocator, and the budget past which the program gets `MemoryError`.
//!
//! The engine is its crate's `#[global_allocator]`: the system allocator wrapped in `cap`, which counts the bytes
//! live in the process, so the command, the page and the tests all count. A [`Meter`] in the run's world turns
//! that into the bytes the run holds: it adds up what the live count grew by while the run's own code ran
//! (`Session::new`, and each call of `Session::run`), so what the host allocates between calls is not the run's.
//! Two checks use it:
//! - before a big allocation (a string, bytes or a container whose size is known in advance), [`fits`] refuses
//!   one that would pass the budget, so it is never attempted (`types::args::check_size`, `pystr`);
//! - every 64 instructions, and at every instruction while the reserve below is open, [`check`] compares the
//!   growth with the run's room, and the interpreter raises `MemoryError` at that instruction.
//!
//! Either opens a reserve (an eighth of the budget) so that `except MemoryError:` can run; it closes once the
//! program has let go of a reserve's worth below the budget, and a program that passes the reserve too gets
//! `MemoryError` at every instruction until it lets go. What the run's machinery records past the budget (trace
//! events, output) is bounded by their own limits.

use std::cell::Cell;

/// The process's allocator: the system's, counting.
pub type Counting = cap::Cap<std::alloc::System>;

/// The allocator to install, with no limit of its own (the budget is the meter's, per run).
pub const fn counting() -> Counting {
    cap::Cap::new(std::alloc::System, usize::MAX)
}

/// The room of the run whose code is running on this thread, as growth of the live count since `entry`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Room {
    /// The live count when the run's code started running this time.
    entry: usize,
    /// Past this growth the next instruction raises `MemoryError` (the budget, or the budget and the reserve).
    room: isize,
    /// Below this growth an open reserve closes; `isize::MIN` while it is closed.
    relax: isize,
    /// The growth that fills the budget.
    base: isize,
    reserve: isize,
}

impl Room {
    const UNLIMITED: Room = Room {
        entry: 0,
        room: isize::MAX,
        relax: isize::MIN,
        base: isize::MAX,
        reserve: 0,
    };

    fn open(&self) -> bool {
        self.relax != isize::MIN
    }

    fn with_reserve(self, open: bool) -> Room {
        if self.base == isize::MAX {
            return self;
        }
        if open {
            Room {
                room: self.base.saturating_add(self.reserve),
                relax: self.base.saturating_sub(self.reserve),
                ..self
            }
        } else {
            Room {
                room: self.base,
                relax: isize::MIN,
                ..self
            }
        }
    }
}

thread_local! {
    static ROOM: Cell<Room> = const { Cell::new(Room::UNLIMITED) };
}

fn room() -> Room {
    ROOM.try_with(Cell::get).unwrap_or(Room::UNLIMITED)
}

fn set_room(r: Room) {
    let _ = ROOM.try_with(|c| c.set(r));
}

/// The process's live count. Other threads' allocations count too: in a test binary running tests side by side,
/// a run's share is only approximate.
pub fn live() -> usize {
    crate::ALLOCATOR.allocated()
}

/// How far the live count has moved since `entry`, signed.
pub fn since(entry: usize) -> isize {
    live().wrapping_sub(entry) as isize
}

/// Whether `bytes` more fit in the budget of the run whose code is running (always, outside a run). A refusal
/// opens the reserve, as a `MemoryError` raised by the instruction check does.
pub fn fits(bytes: usize) -> bool {
    let r = room();
    if r.room == isize::MAX {
        return true;
    }
    let grown = since(r.entry).saturating_add(bytes.min(isize::MAX as usize) as isize);
    if grown <= r.room {
        return true;
    }
    set_room(r.with_reserve(true));
    false
}

/// What [`check`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checked {
    /// The run has grown past its room: the program gets `MemoryError`.
    pub exceeded: bool,
    /// The reserve is open (a `MemoryError` was raised and the program has not let go yet): check at every
    /// instruction until it closes.
    pub reserve_open: bool,
}

/// The interpreter's check between instructions. A reserve opened by a `MemoryError` closes here once the
/// program has let go of enough.
pub fn check() -> Checked {
    let r = room();
    let grown = since(r.entry);
    if grown <= r.room && grown >= r.relax {
        return Checked {
            exceeded: false,
            reserve_open: r.open(),
        };
    }
    if r.open() && grown < r.relax {
        set_room(r.with_reserve(false));
        return Checked {
            exceeded: false,
            reserve_open: false,
        };
    }
    set_room(r.with_reserve(true));
    Checked {
        exceeded: true,
        reserve_open: true,
    }
}

/// What a run holds and may hold, kept in the run's world between the times its code runs.
#[derive(Debug, Clone)]
pub struct Meter {
    /// The budget in bytes (`Config::memory_limit`).
    pub limit: usize,
    /// Bytes the run held when its code last stopped running.
    pub used: isize,
    /// A `MemoryError` was raised and the program has not let go yet.
    reserve_open: bool,
    /// The live count when the run's code started running this time.
    entry: usize,
    /// The room as it was before this run's code started (a run may start inside another's).
    outer: Room,
    /// The interpreter checks at every instruction, not every few: the reserve is open.
    pub strict: bool,
}

impl Meter {
    pub fn new(limit: usize) -> Meter {
        Meter {
            limit,
            used: 0,
            reserve_open: false,
            entry: live(),
            outer: Room::UNLIMITED,
            strict: false,
        }
    }

    /// The run's code starts running on this thread.
    pub fn enter(&mut self) {
        self.entry = live();
        self.outer = room();
        let r = if self.limit >= isize::MAX as usize {
            Room::UNLIMITED
        } else {
            Room {
                entry: self.entry,
                room: 0,
                relax: isize::MIN,
                base: (self.limit as isize).saturating_sub(self.used),
                reserve: (self.limit / 8) as isize,
            }
            .with_reserve(self.reserve_open)
        };
        set_room(r);
    }

    /// The run's code stops running: what it allocated meanwhile is added to what it holds.
    pub fn leave(&mut self) {
        self.reserve_open = room().open();
        self.used = self.used.saturating_add(since(self.entry));
        self.entry = live();
        set_room(self.outer);
    }

    /// Bytes the run held when its code last stopped running.
    pub fn held(&self) -> isize {
        self.used
    }
}
