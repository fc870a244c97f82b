//! The learner as the scheduler: the strategy the page's runs take, the run's history of choices kept as
//! branches, time travel between its choice points, and the all-outcomes exploration run in slices.
//!
//! A **branch** is a choice log (the candidate taken at each choice point, 0 being CPython's) as far as
//! it is known. Going to choice `k` of a branch runs the program again from the start, at once, under the
//! manual strategy with the first `k` choices as its prefix: the engine is deterministic, so the run pauses
//! at exactly that choice point, the candidates on offer. Answering with the branch's own choice goes
//! forward along it; another answer starts a new branch that keeps the old one's prefix. Branches are
//! compared with the live run's choices as they are made ([`Schedules::sync`]), so that a run continued
//! by another strategy from a past point is a branch of its own too.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use interleave::runfile::Settings;
use interleave::sched::explore::{Explorer, Options, Report};
use interleave::sched::{log, Kind, Pending, Strategy, CALLBACK};
use interleave::session::Config;
use interleave::trace::{Time, Trace};

use crate::run::RunRef;
use crate::state::{AppState, Phase};

/// What the learner asks of the scheduler's side of the page.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// The strategy the next runs take (`Pct`'s depth included).
    Strategy(Strategy),
    /// The seed of `random` and `pct`.
    Seed(u64),
    /// Answer the choice the run waits at with this candidate.
    Choose(u32),
    /// Go to the previous choice point of the run.
    Back,
    /// Go to the next choice point along the current branch.
    Forward,
    /// From the choice point shown, go on by the page's strategy (not manual) as a live run.
    Continue,
    /// Show another branch, as far as it is known.
    Branch(usize),
    /// Start the all-outcomes exploration of the program.
    Explore,
    StopExplore,
    /// The exploration made progress (a slice ended).
    Explored,
    /// Play the witness schedule of this outcome of the exploration.
    Witness(usize),
}

/// One history of the run's choices.
#[derive(Debug, Clone, PartialEq)]
pub struct Branch {
    /// The choices known, in order.
    pub log: Vec<u32>,
    /// Where it came from: another branch and the choice where they part, or how it began.
    pub from: Origin,
    /// What the run printed, once a run of this branch ended: stdout and the last line of stderr.
    pub outcome: Option<(Rc<str>, Option<Rc<str>>)>,
    /// The branch to compare it with: the one it parted from, or the one shown before it.
    pub compare: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    /// A run the learner started, with its strategy and seed.
    Run(Strategy, u64),
    /// Parted from branch `branch` at choice `choice` (0-based), at virtual time `at`.
    Fork { branch: usize, choice: usize, at: Time },
    /// The witness of an outcome of the exploration.
    Witness(usize),
}

/// The page's scheduling history and exploration.
#[derive(Clone, Default)]
pub struct Schedules {
    pub branches: Rc<Vec<Branch>>,
    pub current: usize,
    /// How many of the live run's choices were compared with the current branch.
    checked: usize,
    /// The live run is a new run of the learner's: its choices start a branch of their own.
    fresh: bool,
    pub explore: Option<Rc<Exploration>>,
    /// Bumped on every change, so that the panel's props compare in O(1).
    pub version: u64,
}

impl PartialEq for Schedules {
    fn eq(&self, other: &Self) -> bool {
        self.version == other.version && Rc::ptr_eq(&self.branches, &other.branches)
    }
}

/// The strategy's own settings carried from one program to the next (an example, a loaded program): all
/// else is the page's default.
pub fn fresh_settings(old: &Settings) -> Settings {
    Settings {
        scheduler: old.scheduler,
        seed: old.seed,
        ..crate::run::page_settings()
    }
}

/// The choice log a share link carries: a manual run's answers so far (to replay it), else the settings'.
pub fn shared_choices(s: &AppState) -> Option<String> {
    if s.settings.scheduler == Strategy::Manual {
        if let Some(session) = s
            .run
            .as_ref()
            .and_then(|r| r.run.borrow().session().map(|x| x.choice_log()))
        {
            return Some(session).filter(|l| l != &log::encode([]));
        }
    }
    s.settings.choices.clone()
}

impl Schedules {
    /// A new run by the page's strategy (the Run button): a branch of its own, beside the others.
    pub fn new_run(&mut self) {
        self.fresh = true;
        self.checked = 0;
        self.version += 1;
    }

    /// Another program: its history and outcomes are not this one's.
    pub fn program_changed(&mut self) {
        self.branches = Rc::new(Vec::new());
        self.current = 0;
        self.new_run();
        if let Some(e) = self.explore.take() {
            e.stop();
        }
    }

    pub fn branch(&self) -> Option<&Branch> {
        self.branches.get(self.current)
    }

    /// Compares the live run's choices made since the last call with the current branch: equal ones go on
    /// along it, the first that differs starts a new branch, new ones extend it. At the run's end, the
    /// branch learns its outcome.
    pub fn sync(&mut self, run: Option<&RunRef>) {
        let Some(r) = run else { return };
        let mut run = r.run.borrow_mut();
        let done = run.is_done();
        let Some(session) = run.session() else { return };
        let made = session.choices();
        let branches = Rc::make_mut(&mut self.branches);
        if branches.is_empty() || self.fresh {
            let compare = (!branches.is_empty()).then_some(self.current);
            branches.push(Branch {
                log: Vec::new(),
                from: Origin::Run(run.settings.scheduler, run.settings.seed),
                outcome: None,
                compare,
            });
            self.current = branches.len() - 1;
            self.fresh = false;
        }
        let from = self.checked.min(made.len());
        let mut changed = from < made.len();
        for (i, c) in made.iter().enumerate().skip(from) {
            let b = &mut branches[self.current];
            match b.log.get(i) {
                Some(&x) if x == c.chosen => {}
                Some(_) => {
                    let at = session.trace().events.get(c.event).map_or(session.now(), |e| e.at);
                    let log = b.log[..i]
                        .iter()
                        .copied()
                        .chain(made[i..].iter().map(|c| c.chosen))
                        .collect();
                    branches.push(Branch {
                        log,
                        from: Origin::Fork {
                            branch: self.current,
                            choice: i,
                            at,
                        },
                        outcome: None,
                        compare: Some(self.current),
                    });
                    self.current = branches.len() - 1;
                    break;
                }
                None => b.log.push(c.chosen),
            }
        }
        self.checked = made.len();
        if done && branches[self.current].outcome.is_none() {
            let error = session
                .stderr()
                .lines()
                .rev()
                .find(|l| !l.trim().is_empty())
                .map(Rc::from);
            branches[self.current].outcome = Some((session.stdout().into(), error));
            changed = true;
        }
        if changed {
            self.version += 1;
        }
    }
}

/// Where the branch shown parts from the one it is compared with, or where the latest branch parted from it:
/// the timeline marks that time.
pub fn divergence(s: &Schedules) -> Option<Time> {
    let at = |b: &Branch| match b.from {
        Origin::Fork { at, .. } => Some(at),
        _ => None,
    };
    let current = s.branch()?;
    at(current).or_else(|| {
        let child = s
            .branches
            .iter()
            .rev()
            .find(|b| matches!(b.from, Origin::Fork { branch, .. } if branch == s.current))?;
        at(child)
    })
}

/// How many choices the live run made, and whether it waits at the next one.
pub fn position(s: &AppState) -> Option<(usize, Option<Pending>)> {
    let r = s.run.as_ref()?;
    let run = r.run.borrow();
    let session = run.session()?;
    Some((session.choices().len(), session.pending_choice().cloned()))
}

/// Whether any choice of the live run differs from CPython's, and the first that does.
pub fn uncpython(s: &AppState) -> Option<usize> {
    let r = s.run.as_ref()?;
    let run = r.run.borrow();
    run.session()?.choices().iter().position(|c| c.chosen != 0)
}

pub fn reduce(s: &mut AppState, msg: Msg) {
    s.sched.version += 1;
    match msg {
        Msg::Strategy(strategy) => {
            s.settings.scheduler = strategy;
            s.settings.choices = None;
        }
        Msg::Seed(seed) => {
            s.settings.seed = seed;
            s.settings.choices = None;
        }
        Msg::Choose(c) => {
            let Some(r) = s.run.clone() else { return };
            let answered = r.run.borrow_mut().session_mut().is_some_and(|x| x.choose(c));
            if answered {
                s.inspect = None;
                s.sched.sync(Some(&r));
                if matches!(s.phase, Phase::Paused | Phase::Running | Phase::Stepping) {
                    s.phase = Phase::Running;
                }
            }
        }
        Msg::Back => {
            let Some((made, _)) = position(s) else { return };
            if made == 0 && !learn(s) {
                return;
            }
            let (made, _) = position(s).unwrap_or((0, None));
            let known = s.sched.branch().map_or(0, |b| b.log.len());
            // Done or paused past its last choice, the run goes back to that one; waiting at choice k, to k - 1.
            let k = made.min(known);
            if k > 0 {
                go_to(s, k - 1);
            }
        }
        Msg::Forward => {
            let Some((made, _)) = position(s) else { return };
            let known = s.sched.branch().map_or(0, |b| b.log.len());
            if made < known {
                go_to(s, made + 1);
            }
        }
        Msg::Continue => {
            let Some((made, _)) = position(s) else { return };
            let Some(b) = s.sched.branch() else { return };
            let prefix = &b.log[..made.min(b.log.len())];
            // The page's strategy, on the run's settings: its seed also seeds the program's `random`.
            let settings = Settings {
                scheduler: s.settings.scheduler,
                choices: Some(log::encode(prefix.iter().copied())),
                ..run_settings(s)
            };
            let checked = prefix.len();
            s.start_run_with(Some(settings));
            s.sched.checked = checked;
        }
        Msg::Branch(i) => {
            if let Some(b) = s.sched.branches.get(i) {
                let len = b.log.len();
                s.sched.current = i;
                go_to(s, len);
            }
        }
        Msg::Explore => {
            let settings = Settings {
                switch_anywhere: s.switch_anywhere,
                ..s.settings.clone()
            };
            let config = settings.apply(Config::default());
            s.sched.explore = Some(Rc::new(Exploration::new(&s.source, &config)));
        }
        Msg::StopExplore => {
            if let Some(e) = &s.sched.explore {
                e.stop();
            }
        }
        Msg::Explored => {}
        Msg::Witness(i) => {
            let Some(e) = s.sched.explore.clone() else { return };
            let report = e.report.borrow();
            let Some(o) = report.outcomes.get(i) else { return };
            let Ok(choices) = log::decode(&o.witness) else { return };
            let settings = manual(s, &choices);
            s.start_run_with(Some(settings));
            let compare = (!s.sched.branches.is_empty()).then_some(s.sched.current);
            let branches = Rc::make_mut(&mut s.sched.branches);
            branches.push(Branch {
                log: choices,
                from: Origin::Witness(i),
                outcome: None,
                compare,
            });
            s.sched.current = branches.len() - 1;
            s.sched.checked = 0;
        }
    }
}

/// The page's settings for a re-execution that follows `prefix`, then waits for the learner.
fn manual(s: &AppState, prefix: &[u32]) -> Settings {
    Settings {
        scheduler: Strategy::Manual,
        choices: Some(log::encode(prefix.iter().copied())),
        ..run_settings(s)
    }
}

/// The settings of the run shown (its seed, where threads switch), which a re-execution keeps even if the
/// learner changed the page's since; the page's without a run.
fn run_settings(s: &AppState) -> Settings {
    match &s.run {
        Some(r) => r.run.borrow().settings.clone(),
        None => Settings {
            switch_anywhere: s.switch_anywhere,
            ..s.settings.clone()
        },
    }
}

/// A plain CPython run records no choices (that costs time on big programs): before going back in it, the
/// page runs it again as far as it went, recording them, and takes that as its history. False when the run
/// made no choice at all.
fn learn(s: &mut AppState) -> bool {
    let Some(r) = s.run.clone() else { return false };
    let events = {
        let mut run = r.run.borrow_mut();
        if run.is_done() {
            usize::MAX
        } else {
            run.trace().events.len()
        }
    };
    let settings = Settings {
        choices: Some(log::encode([])),
        ..run_settings(s)
    };
    // The run's branch (its log empty) learns the choices.
    s.sched.checked = 0;
    s.open_with(Some(settings), events);
    s.sched.sync(s.run.as_ref());
    position(s).is_some_and(|(made, _)| made > 0)
}

/// Runs the program again at once along the current branch to its choice `k`, and waits there. Choices the
/// manual strategy does not stop at (the end of a loop tick) take CPython's candidate past the prefix: where
/// the branch took another, the prefix grows to include it and the program runs again.
fn go_to(s: &mut AppState, k: usize) {
    let Some(branch) = s.sched.branch().cloned() else {
        return;
    };
    let mut p = k.min(branch.log.len());
    loop {
        let settings = manual(s, &branch.log[..p]);
        s.open_with(Some(settings), usize::MAX);
        let made: Vec<u32> = match s.run.as_ref().and_then(|r| {
            let run = r.run.borrow();
            Some(run.session()?.choices().iter().map(|c| c.chosen).collect())
        }) {
            Some(m) => m,
            None => return,
        };
        let end = made.len().min(branch.log.len());
        match (p..end).find(|&i| made[i] != branch.log[i]) {
            Some(i) => p = i + 1,
            None => break,
        }
    }
    s.sched.checked = 0;
    s.sched.sync(s.run.as_ref());
    s.inspect = None;
}

/// What the run waits to be told, in plain words.
pub fn question(p: &Pending) -> &'static str {
    match p.kind {
        Kind::Ready => "Which ready task runs next?",
        Kind::Gil => "Which waiting thread takes the GIL?",
        Kind::Switch => "Switch threads here?",
    }
}

/// What each candidate of a pending choice does, in order (0 is CPython's).
pub fn candidates(trace: &Trace, p: &Pending) -> Vec<String> {
    let name = |lane: u64| match lane {
        CALLBACK => "a callback".to_string(),
        l => u32::try_from(l).map_or("?".into(), |t| trace.task_name(t).to_string()),
    };
    match p.kind {
        Kind::Switch => {
            let lane = |i: usize| name(p.lanes.get(i).copied().unwrap_or(CALLBACK));
            let (running, waiter) = (lane(0), lane(1));
            let keep = format!("Keep {running} running");
            let switch = format!("Switch to {waiter}");
            if p.switch {
                vec![switch, keep]
            } else {
                vec![keep, switch]
            }
        }
        Kind::Ready | Kind::Gil => p.lanes.iter().map(|&l| name(l)).collect(),
    }
}

/// The lanes a learner may click to answer a pending choice, each with its candidate and whether it is
/// CPython's: for a switch, the running thread's lane keeps it running and the first waiter's switches to it.
pub fn lane_candidates(p: &Pending) -> Vec<(interleave::trace::TaskId, u32, bool)> {
    let pairs: Vec<(u64, u32)> = match p.kind {
        Kind::Switch => {
            let keep = u32::from(p.switch);
            p.lanes
                .iter()
                .take(2)
                .zip([keep, 1 - keep])
                .map(|(&l, c)| (l, c))
                .collect()
        }
        Kind::Ready | Kind::Gil => p.lanes.iter().zip(0..).map(|(&l, c)| (l, c)).collect(),
    };
    let mut out: Vec<_> = Vec::new();
    for (lane, c) in pairs {
        // A loop's plain callbacks have no lane; a task queued twice is answered by its first place.
        if let Ok(t) = u32::try_from(lane) {
            if lane != CALLBACK && !out.iter().any(|&(o, _, _)| o == t) {
                out.push((t, c, c == 0));
            }
        }
    }
    out
}

/// Runs the explorer makes at most in the page, and the steps a run may take.
pub const MAX_SCHEDULES: usize = 2_000;
pub const MAX_STEPS: u64 = 500_000;

/// The all-outcomes exploration, one run at a time between the page's frames.
pub struct Exploration {
    explorer: RefCell<Explorer>,
    pub report: RefCell<Report>,
    running: Cell<bool>,
    /// Real milliseconds spent exploring.
    pub spent_ms: Cell<f64>,
}

impl Exploration {
    pub fn new(source: &str, config: &Config) -> Exploration {
        let opts = Options {
            max_schedules: MAX_SCHEDULES,
            max_steps: MAX_STEPS,
            ..Options::default()
        };
        let explorer = Explorer::new(source.as_bytes(), config, &opts);
        let report = explorer.report();
        Exploration {
            explorer: RefCell::new(explorer),
            report: RefCell::new(report),
            running: Cell::new(true),
            spent_ms: Cell::new(0.0),
        }
    }

    pub fn is_running(&self) -> bool {
        self.running.get()
    }

    pub fn stop(&self) {
        self.running.set(false);
    }

    /// Runs schedules until `budget_ms` of `clock` passed (one at least); false once it is over.
    pub fn slice(&self, clock: &mut impl FnMut() -> f64, budget_ms: f64) -> bool {
        if !self.running.get() {
            return false;
        }
        let began = clock();
        let mut ex = self.explorer.borrow_mut();
        let more = loop {
            if !ex.step() {
                break false;
            }
            if clock() - began >= budget_ms {
                break true;
            }
        };
        *self.report.borrow_mut() = ex.report();
        self.spent_ms.set(self.spent_ms.get() + clock() - began);
        if !more {
            self.running.set(false);
        }
        more
    }

    /// The runs made, for the progress bar.
    pub fn runs(&self) -> usize {
        self.explorer.borrow().runs()
    }
}

#[cfg(test)]
mod tests;
