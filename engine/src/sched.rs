//! Scheduling choices: every point where more than one thing could run next goes through one [`Scheduler`].
//!
//! A **choice point** is a moment with more than one possible schedule (see [`Kind`]): which handle of an
//! event loop's ready queue runs next (timers due together are in that queue too), which thread waiting for
//! the GIL takes it, and whether the thread holding it lets go at an eval-breaker check while others wait.
//! At each one the candidates are numbered so that **0 is what CPython does** (the queue's front, the GIL's
//! FIFO, the switch interval's decision); a run's choices are its **choice log** ([`log`]), a short string
//! that replays the run exactly.
//!
//! The [`Strategy`] picks: `cpython` never consults the scheduler at all (the hot paths test one flag, and the
//! run is exactly the one without this module), `random` and `pct` are seeded by `Config::seed`, and `replay`
//! follows a log exactly. Any strategy may start from a log's prefix (`Config::choices`) and go on by itself
//! past its end, which is how a page branches a run at a past choice. [`explore`] enumerates schedules.
//!
//! **Invariant:** choices depend only on the run's state and the scheduler's own seeded generator, never on
//! the budget's slicing: choice points are where the interpreter already decides (a loop tick, a GIL
//! hand-off, an eval-breaker check), all at fixed instructions.

pub mod explore;
pub mod footprint;
pub mod log;
mod points;

use footprint::Footprint;

/// How the scheduler picks at a choice point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Strategy {
    /// What CPython does: the first candidate, always (the scheduler is not even consulted).
    #[default]
    Cpython,
    /// Uniformly at random, from `Config::seed`.
    Random,
    /// Probabilistic concurrency testing (Burckhardt et al., ASPLOS 2010) with bug depth `depth`: each lane
    /// gets a random priority, the highest ready one runs, and at `depth - 1` random choice points the one
    /// that would run drops below all others. Finds bugs needing a few specific orderings with good odds.
    Pct { depth: u32 },
    /// Follow `Config::choices` exactly: a log that does not fit the program is an error.
    Replay,
    /// The page's: past the prefix, the run pauses before each choice of the next task or GIL holder and
    /// each switch at an eval-breaker check (`Session::pending_choice`) until the host answers it
    /// (`Session::choose`); other points (the end of a loop tick) take CPython's choice.
    Manual,
}

impl Strategy {
    /// The strategy named as on the command line: `cpython`, `random`, `pct` (depth 3), `pct:D`, `replay`.
    pub fn parse(s: &str) -> Option<Strategy> {
        Some(match s {
            "cpython" => Strategy::Cpython,
            "random" => Strategy::Random,
            "pct" => Strategy::Pct { depth: 3 },
            "replay" => Strategy::Replay,
            "manual" => Strategy::Manual,
            _ => {
                let d = s.strip_prefix("pct:")?.parse().ok().filter(|d| (1..=64).contains(d))?;
                Strategy::Pct { depth: d }
            }
        })
    }

    pub fn name(self) -> String {
        match self {
            Strategy::Cpython => "cpython".into(),
            Strategy::Random => "random".into(),
            Strategy::Pct { depth: 3 } => "pct".into(),
            Strategy::Pct { depth } => format!("pct:{depth}"),
            Strategy::Replay => "replay".into(),
            Strategy::Manual => "manual".into(),
        }
    }
}

/// What a choice point decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Which handle of an event loop's ready queue runs next; candidates in queue order.
    Ready,
    /// Which thread waiting for the GIL takes it; candidates in the FIFO's order.
    Gil,
    /// Whether the running thread lets go of the GIL at this eval-breaker check: 0 does what CPython's switch
    /// interval says, 1 the opposite.
    Switch,
}

/// One choice made at a point with more than one candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub kind: Kind,
    /// The candidates' lanes (a task's or thread's trace id; for a `Switch`, the running thread's and the
    /// first waiter's; a plain callback of the loop is `CALLBACK`).
    pub lanes: Vec<u64>,
    pub chosen: u32,
    /// The trace's length when the choice was made: the page marks it on the timeline.
    pub event: usize,
}

impl Choice {
    /// A choice among `lanes` (of which a `Switch` keeps the running thread's and the first waiter's).
    pub fn new(kind: Kind, lanes: &[u64], chosen: u32, event: usize) -> Choice {
        let lanes = if kind == Kind::Switch { &lanes[..2] } else { lanes };
        Choice {
            kind,
            lanes: lanes.to_vec(),
            chosen,
            event,
        }
    }
}

/// A lane id for a loop's plain callback (not a task): never put to sleep by the explorer.
pub const CALLBACK: u64 = u64::MAX;

/// A choice the explorer forces, with the lanes (and their next steps' footprints) that its sleep set says
/// need not run next.
#[derive(Debug, Clone, Default)]
pub struct Forced {
    pub chosen: u32,
    pub asleep: Vec<(u64, std::rc::Rc<Footprint>)>,
}

/// What the explorer learns of each choice point of a run.
#[derive(Debug, Clone)]
pub struct Node {
    pub kind: Kind,
    pub lanes: Vec<u64>,
    pub chosen: u32,
    /// The lanes asleep here (their next steps commute with everything run since they were explored).
    pub sleep: Vec<(u64, std::rc::Rc<Footprint>)>,
    /// What ran from this choice to the next (filled in at the next choice, or at the run's end).
    pub step: std::rc::Rc<Footprint>,
}

/// The explorer's side of a run: the forced prefix, and what each choice point was.
#[derive(Default)]
pub struct ExploreRun {
    pub forced: Vec<Forced>,
    /// Switches away from a thread that could go on (non-zero `Switch` choices) allowed past the prefix.
    pub preemption_bound: u32,
    pub preemptions: u32,
    pub nodes: Vec<Node>,
    /// Every candidate was asleep at some point: the schedule is equivalent to one explored already.
    pub redundant: bool,
    /// Footprints are collected (partial-order reduction is on).
    pub por: bool,
    /// The trace's length at the last choice, where the current step's events begin.
    pub step_start: usize,
    pub step: Footprint,
}

/// The world's scheduler: the strategy, the log to follow first, and the choices made.
#[derive(Default)]
pub struct Scheduler {
    /// False for plain `cpython` with no log: then nothing here is consulted.
    pub active: bool,
    strategy: Strategy,
    prefix: Vec<u32>,
    rng: Rng,
    pct: Pct,
    pub made: Vec<Choice>,
    /// Why the log given does not fit the program, once it is known.
    pub error: Option<String>,
    /// Set by the explorer (`explore.rs`).
    pub explore: Option<Box<ExploreRun>>,
    /// Under `Manual`, the choice the run paused at.
    pub pending: Option<Pending>,
}

/// A choice the run paused at (`Strategy::Manual`), for the host to answer with `Session::choose`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    pub kind: Kind,
    /// As in [`Choice::lanes`]; candidate 0 is CPython's.
    pub lanes: Vec<u64>,
    /// For a `Switch`: whether CPython's interval would let go here (candidate 1 does the opposite).
    pub switch: bool,
}

impl Pending {
    pub fn candidates(&self) -> u32 {
        if self.kind == Kind::Switch {
            2
        } else {
            self.lanes.len() as u32
        }
    }
}

impl Scheduler {
    pub fn new(config: &crate::session::Config) -> Scheduler {
        let mut s = Scheduler {
            active: config.scheduler != Strategy::Cpython || config.choices.is_some(),
            strategy: config.scheduler,
            rng: Rng::new(config.seed),
            ..Scheduler::default()
        };
        if let Some(text) = &config.choices {
            match log::decode(text) {
                Ok(p) => s.prefix = p,
                Err(e) => s.error = Some(format!("the choice log is not valid: {e}")),
            }
        } else if config.scheduler == Strategy::Replay {
            s.error = Some("--scheduler replay needs a choice log (--replay LOG)".into());
        }
        if let Strategy::Pct { depth } = config.scheduler {
            s.pct = Pct::new(&mut s.rng, depth);
        }
        s
    }

    /// The footprint of the step running, when the explorer collects them.
    #[inline]
    pub fn footprint(&mut self) -> Option<&mut Footprint> {
        match &mut self.explore {
            Some(ex) if ex.por => Some(&mut ex.step),
            _ => None,
        }
    }

    /// Whether the next choice is the host's to make (`Manual`, past every answer given).
    pub fn pauses(&self) -> bool {
        self.strategy == Strategy::Manual && self.made.len() >= self.prefix.len() && self.explore.is_none()
    }

    /// The host's answer to the pending choice: the next choice point takes it.
    pub fn answer(&mut self, chosen: u32) {
        self.prefix.truncate(self.made.len());
        self.prefix.push(chosen);
        self.pending = None;
    }

    /// The strategy past the prefix.
    pub fn strategy(&self) -> Strategy {
        self.strategy
    }

    /// The choices made so far, as a log.
    pub fn log(&self) -> String {
        log::encode(self.made.iter().map(|c| c.chosen))
    }

    /// Picks one of `lanes` at a point of `kind`; for a `Switch`, `lanes` is the running thread and the
    /// waiters, and `switch` what CPython's interval says. Returns the candidate's index (for a `Switch`, 1
    /// to do the opposite of `switch`). Only called with two candidates or more.
    pub fn choose(&mut self, kind: Kind, lanes: &[u64], switch: bool, event: usize) -> u32 {
        let n = if kind == Kind::Switch { 2 } else { lanes.len() };
        let k = self.made.len();
        let chosen = if let Some(&c) = self.prefix.get(k) {
            if (c as usize) < n {
                c
            } else {
                if self.error.is_none() {
                    self.error = Some(format!(
                        "the choice log does not fit this program: choice {} has {n} candidates, the log picks {}",
                        k + 1,
                        c + 1
                    ));
                }
                self.prefix.truncate(k);
                0
            }
        } else {
            match self.strategy {
                Strategy::Cpython | Strategy::Manual => 0,
                Strategy::Replay => {
                    if self.error.is_none() {
                        self.error = Some(format!(
                            "the choice log ends after {k} choices, but the program makes more"
                        ));
                    }
                    0
                }
                Strategy::Random => self.rng.below(n as u64) as u32,
                Strategy::Pct { .. } => self.pct.pick(&mut self.rng, kind, lanes, switch, k),
            }
        };
        self.made.push(Choice::new(kind, lanes, chosen, event));
        chosen
    }

    /// At the end of a run: a log to replay with choices left over does not fit either.
    pub fn finish(&mut self) {
        if self.error.is_none() && self.strategy == Strategy::Replay && self.prefix.len() > self.made.len() {
            self.error = Some(format!(
                "the choice log does not fit this program: it has {} choices, the run made {}",
                self.prefix.len(),
                self.made.len()
            ));
        }
    }
}

/// The scheduler's own generator (splitmix64): small, seeded, the same everywhere.
#[derive(Default, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5eed_1e5c_4ed0_1e00)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }
}

/// PCT spreads its change points over a run's choices without knowing their number: each falls at a
/// scale drawn uniformly from 1, 2, 4, ... up to this many, then uniformly within it, so that short runs
/// (a few choices) get them as often as long ones.
const PCT_SCALES: u64 = 10;

/// PCT's state: each lane's priority, given at first sight, and the choice numbers where the priority of the
/// lane that would run drops.
#[derive(Default)]
struct Pct {
    depth: u32,
    priorities: std::collections::HashMap<u64, u64>,
    change_points: Vec<u64>,
}

impl Pct {
    fn new(rng: &mut Rng, depth: u32) -> Pct {
        let change_points = (1..depth)
            .map(|_| {
                let scale = 1u64 << rng.below(PCT_SCALES);
                1 + rng.below(scale)
            })
            .collect();
        Pct {
            depth,
            priorities: Default::default(),
            change_points,
        }
    }

    fn priority(&mut self, rng: &mut Rng, lane: u64) -> u64 {
        let depth = u64::from(self.depth);
        *self
            .priorities
            .entry(lane)
            .or_insert_with(|| depth + (rng.next_u64() >> 2))
    }

    fn best(&mut self, rng: &mut Rng, lanes: &[u64]) -> usize {
        let mut best = 0;
        let mut top = 0;
        for (i, &l) in lanes.iter().enumerate() {
            let p = self.priority(rng, l);
            if i == 0 || p > top {
                best = i;
                top = p;
            }
        }
        best
    }

    fn pick(&mut self, rng: &mut Rng, kind: Kind, lanes: &[u64], switch: bool, k: usize) -> u32 {
        let step = k as u64 + 1;
        if let Some(i) = self.change_points.iter().position(|&c| c == step) {
            // The lane that would run now drops below every initial priority.
            let b = self.best(rng, lanes);
            self.priorities.insert(lanes[b], i as u64);
        }
        let b = self.best(rng, lanes);
        match kind {
            // Let go exactly when a waiter outranks the running thread (lanes[0]).
            Kind::Switch => u32::from((b != 0) != switch),
            _ => b as u32,
        }
    }
}
