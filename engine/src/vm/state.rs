//! The three states a run is split into, as CPython splits them: the world, an interpreter, a thread.
//!
//! - [`World`]: what the whole run shares, whatever runs in it: the virtual clock, the budget, the trace,
//!   stdout and stderr and their limits. The `Session` owns it (through its interpreter, `Vm::world`).
//! - The interpreter (`Vm` itself, CPython's `PyInterpreterState`): the heap's types, modules, builtins,
//!   serials and stand-in addresses, `random`, the frame pool. One per simulated process.
//! - [`ThreadState`] (CPython's `PyThreadState`): what belongs to one Python thread: its depths, the exception
//!   it handles, what a native asked of it, where it is blocked, its own asyncio event loop. The running
//!   thread's state is `Vm::ts`; the others' wait in `Vm::threads` and are swapped in when they take the GIL,
//!   so that the interpreter reads the running thread's state at a fixed place on its hot paths.

use super::Control;
use crate::trace::{TaskId, Time, Trace};

/// What the whole run shares: clock, budget, trace and output.
pub struct World {
    /// The virtual clock, in nanoseconds.
    pub now: Time,
    /// Virtual nanoseconds each instruction costs (CPU time of the running thread).
    pub step_cost: Time,
    /// Instructions executed so far, by every thread.
    pub steps: u64,
    /// The step count at which the current budget ends.
    pub step_limit: u64,
    /// The virtual time at which the current budget ends.
    pub time_limit: Time,
    pub trace: Trace,
    pub stdout: String,
    pub stderr: String,
    pub output_bytes: usize,
    pub max_output: usize,
    pub output_cut: bool,
    pub max_events: usize,
    /// What the run holds and may hold.
    pub memory: crate::memory::Meter,
    /// Processes forked so far (the next child's pid is `procs::MAIN_PID` plus one more).
    pub pids: u32,
    /// How many synchronisation objects of the trace there are, by kind (the program's own) and by label
    /// (all), so that naming the next one (`Lock-3`) does not count them all again.
    pub obj_counts: ObjCounts,
    /// What the runtime found wrong where it prints CPython's warnings (never-awaited coroutines, exceptions
    /// nobody retrieved), for `Session::findings` to take.
    pub findings: Vec<crate::findings::Finding>,
    /// Reads and writes of shared places, for lost updates (`Config::track_accesses`).
    pub accesses: Option<Box<crate::findings::Accesses>>,
    /// Reads and writes of globals and attributes are reported (`Vm::track_read`): for `accesses`, or for
    /// the explorer's footprints (`sched::footprint`).
    pub tracking: bool,
    /// Every choice of what runs next (`sched.rs`).
    pub sched: crate::sched::Scheduler,
    /// The simulated network: its ports and the failures' generator (`net.rs`).
    pub net: crate::net::Net,
}

#[derive(Default)]
pub struct ObjCounts {
    pub visible_by_kind: std::collections::HashMap<crate::trace::ObjKind, usize>,
    pub by_label: std::collections::HashMap<String, usize>,
}

impl World {
    pub fn new(config: &crate::session::Config) -> World {
        World {
            now: 0,
            step_cost: config.step_cost,
            steps: 0,
            step_limit: u64::MAX,
            time_limit: Time::MAX,
            trace: Trace::default(),
            stdout: String::new(),
            stderr: String::new(),
            output_bytes: 0,
            max_output: config.max_output_bytes,
            output_cut: false,
            max_events: config.max_events,
            memory: crate::memory::Meter::new(config.memory_limit),
            obj_counts: ObjCounts::default(),
            findings: Vec::new(),
            accesses: config.track_accesses.then(Box::default),
            tracking: config.track_accesses,
            sched: crate::sched::Scheduler::new(config),
            net: crate::net::Net::new(&config.net),
            pids: 0,
        }
    }
}

/// One Python thread's running state.
#[derive(Default)]
pub struct ThreadState {
    /// The thread's index in `Vm::threads` (0 for the main thread).
    pub index: usize,
    /// The thread's own lane in the trace (0 for the main thread).
    pub lane: TaskId,
    /// The trace task that is running on this thread: the asyncio task in a step, else the thread's own lane.
    pub current_task: TaskId,
    /// The Python call depth, for `sys.getrecursionlimit()`.
    pub depth: usize,
    /// What a native asked of the thread that called it.
    pub control: Option<Control>,
    /// The exception the running frame stack is handling (its `exc_stack`'s top), for `sys.exception()`.
    pub exc_top: Option<crate::value::Value>,
    /// How deep Rust code has recursed on the program's behalf (reprs, comparisons, hashes, natives calling
    /// Python): bounded so that nested data or callbacks end in RecursionError, not a blown stack.
    pub cdepth: usize,
    /// While a nested run is on: the step count at which it is stopped.
    pub nested_cap: Option<u64>,
    /// The step count when the current top-level instruction began.
    pub instr_start: u64,
    /// The thread holds the GIL without running until this time (`time.sleep` when no other thread could
    /// run, so nothing is gained by releasing it, and asyncio's "blocked" lane shows it).
    pub blocked_until: Time,
    /// The source line of the innermost user frame, kept for trace events.
    pub line: u32,
    /// Where the program's code last returned or raised from its bottom frame or into the runtime's code (0
    /// when it has not since the task's step began): where a task or thread finished.
    pub exit_line: u32,
    /// This thread's asyncio event loop (CPython has one per thread).
    pub aio: crate::asyncio::Loop,
    /// Objects being repr'd, against cycles.
    pub repr_stack: Vec<usize>,
    /// Instructions this thread ran before it last took the GIL, and the world's count when it took it: its
    /// CPU time (`time.thread_time`).
    pub cpu_steps: u64,
    pub steps_at_take: u64,
    /// The `contextvars` mapping in effect: a dict from each `ContextVar` set in it to its value, or None
    /// while nothing has been set (a new thread starts with an empty context, as in CPython 3.11). An asyncio
    /// task swaps its own in for each of its steps.
    pub context: crate::value::Value,
}
