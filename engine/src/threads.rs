//! Simulated Python threads: the thread table, the GIL and what blocks a thread, on the virtual clock.

use crate::trace::Time;

/// Every thread of one interpreter, and its GIL.
pub struct Threads {
    /// The GIL's switch interval (`sys.getswitchinterval()`), in virtual nanoseconds.
    pub switch_interval: Time,
}

impl Threads {
    pub fn new(_config: &crate::session::Config) -> Threads {
        Threads {
            switch_interval: 5_000_000,
        }
    }
}
