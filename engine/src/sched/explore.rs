//! Every possible outcome of a small program: depth-first over its choice points, by running it again from
//! the start with a longer prefix of forced choices each time (`interleave explore`).
//!
//! - **Partial-order reduction** with sleep sets (Godefroid): after the subtree where lane `t` ran first at a
//!   point, its siblings' subtrees keep `t` asleep, never running it next, until a step that conflicts with
//!   `t`'s (by their [`Footprint`]s) wakes it. Schedules that differ only in the order of independent steps
//!   are then run once. A run that reaches a point where every candidate is asleep is redundant and stops.
//! - **Preemption bounding** (Musuvathi and Qadeer): a thread's `Switch` away from CPython's decision is a
//!   preemption; pass `b` explores the schedules with at most `b` of them and counts those with exactly `b`,
//!   for `b` = 0, 1, 2, ... up to the bound; the exploration is complete when a pass needed no more.
//! - Every run has a step budget, and the exploration a limit on runs, so it always ends.

use super::footprint::Footprint;
use super::{ExploreRun, Forced, Kind, CALLBACK};
use crate::session::{Budget, Config, Session, Status};
use std::rc::Rc;

/// How far to explore.
#[derive(Debug, Clone)]
pub struct Options {
    /// Runs to make at most (counting runs that turned out redundant).
    pub max_schedules: usize,
    /// Preemptions of a thread per schedule at most.
    pub preemptions: u32,
    /// Partial-order reduction (sleep sets); off, every order of every choice is run.
    pub por: bool,
    /// Instructions one run may execute: a schedule that loops for ever is cut there.
    pub max_steps: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_schedules: 10_000,
            preemptions: 2,
            por: true,
            max_steps: 2_000_000,
        }
    }
}

/// One distinct outcome: what the program printed, and the last line of stderr if it failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub stdout: String,
    pub error: Option<String>,
    /// Schedules that gave it.
    pub count: usize,
    /// The choice log of one of them (`--scheduler replay --replay LOG` runs it again).
    pub witness: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// Every schedule (within the preemption bound, up to reduction) was run.
    pub complete: bool,
    /// Schedules counted (each equivalence class of the reduction once).
    pub schedules: usize,
    /// Runs made, redundant ones and the passes of smaller bounds included.
    pub runs: usize,
    /// Most frequent first (ties: in the order found).
    pub outcomes: Vec<Outcome>,
    /// Why it stopped short, when it did.
    pub stopped: Option<String>,
}

impl Report {
    pub fn to_json(&self) -> String {
        let s = |t: &str| {
            let mut out = String::new();
            crate::json::string(&mut out, t);
            out
        };
        let outcomes: Vec<String> = self
            .outcomes
            .iter()
            .map(|o| {
                format!(
                    "{{\"stdout\":{},\"error\":{},\"count\":{},\"witness\":{}}}",
                    s(&o.stdout),
                    o.error.as_deref().map_or("null".into(), &s),
                    o.count,
                    s(&o.witness)
                )
            })
            .collect();
        format!(
            "{{\"complete\":{},\"schedules\":{},\"outcomes\":[{}]}}",
            self.complete,
            self.schedules,
            outcomes.join(",")
        )
    }

    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for (i, o) in self.outcomes.iter().enumerate() {
            let plural = if o.count == 1 { "" } else { "s" };
            out += &format!(
                "outcome {} ({} schedule{plural}), witness {}\n",
                i + 1,
                o.count,
                o.witness
            );
            for line in o.stdout.lines() {
                out += &format!("  | {line}\n");
            }
            if let Some(e) = &o.error {
                out += &format!("  ! {e}\n");
            }
        }
        let outcomes = self.outcomes.len();
        out += &match (&self.stopped, self.complete) {
            (_, true) => format!("complete: {} schedules, {outcomes} outcomes\n", self.schedules),
            (Some(why), _) => format!(
                "incomplete ({why}): {} schedules, {outcomes} outcomes\n",
                self.schedules
            ),
            (None, false) => format!("incomplete: {} schedules, {outcomes} outcomes\n", self.schedules),
        };
        out
    }
}

/// A choice point on the depth-first stack.
struct Frame {
    kind: Kind,
    lanes: Vec<u64>,
    current: u32,
    sleep: Vec<(u64, Rc<Footprint>)>,
    /// The candidates whose subtrees were (or are being) explored, with their steps.
    explored: Vec<(u32, Rc<Footprint>)>,
    preemptions_before: u32,
}

impl Frame {
    fn candidates(&self) -> u32 {
        if self.kind == Kind::Switch {
            2
        } else {
            self.lanes.len() as u32
        }
    }

    fn forced(&self, por: bool) -> Forced {
        let mut asleep = self.sleep.clone();
        if por && self.kind != Kind::Switch {
            for (i, fp) in &self.explored {
                let lane = self.lanes[*i as usize];
                if *i != self.current && lane != CALLBACK {
                    asleep.push((lane, fp.clone()));
                }
            }
        }
        Forced {
            chosen: self.current,
            asleep,
        }
    }
}

/// What one run gave.
struct Run {
    ex: ExploreRun,
    stdout: String,
    error: Option<String>,
    log: String,
    cut: bool,
}

fn run_once(source: &[u8], config: &Config, opts: &Options, forced: Vec<Forced>, bound: u32) -> Run {
    let config = Config {
        choices: Some(super::log::encode([])),
        scheduler: super::Strategy::Cpython,
        ..config.clone()
    };
    let mut s = Session::from_bytes(source, config);
    s.start_exploring(ExploreRun {
        forced,
        preemption_bound: bound,
        por: opts.por,
        ..ExploreRun::default()
    });
    let mut cut = false;
    let code = loop {
        match s.run(Budget {
            steps: 20_000,
            until: crate::trace::Time::MAX,
        }) {
            Status::Done { exit_code } => break exit_code,
            Status::Waiting { until } => s.advance_to(until),
            Status::Runnable => {}
        }
        if s.exploring().is_some_and(|ex| ex.redundant) {
            break 0;
        }
        if s.steps() >= opts.max_steps {
            cut = true;
            break 1;
        }
    };
    let ex = s.stop_exploring();
    let error = if cut {
        Some(format!(
            "Interleave: this schedule ran past {} steps and was stopped",
            opts.max_steps
        ))
    } else if code != 0 {
        // A deadlock's own line, rather than the pending tasks destroyed after it.
        let lines = || s.stderr().lines().rev();
        lines()
            .find(|l| l.starts_with("Interleave: deadlock"))
            .or_else(|| lines().find(|l| !l.trim().is_empty()))
            .map(str::to_string)
    } else {
        None
    };
    Run {
        ex,
        stdout: s.stdout().to_string(),
        error,
        log: s.choice_log(),
        cut,
    }
}

/// Explores the schedules of `source` run with `config` (its scheduler and log are ignored).
pub fn explore(source: &[u8], config: &Config, opts: &Options) -> Report {
    let mut ex = Explorer::new(source, config, opts);
    while ex.step() {}
    ex.report()
}

/// An exploration one run at a time, for a host that must stay responsive between runs (the page).
pub struct Explorer {
    source: Vec<u8>,
    config: Config,
    opts: Options,
    outcomes: Vec<Outcome>,
    schedules: usize,
    runs: usize,
    stopped: Option<String>,
    complete: bool,
    bound: u32,
    /// A pass of the current bound cut a subtree at the bound: a larger bound may find more.
    pruned: bool,
    frames: Vec<Frame>,
    forced: Vec<Forced>,
    finished: bool,
}

impl Explorer {
    pub fn new(source: &[u8], config: &Config, opts: &Options) -> Explorer {
        Explorer {
            source: source.to_vec(),
            config: config.clone(),
            opts: opts.clone(),
            outcomes: Vec::new(),
            schedules: 0,
            runs: 0,
            stopped: None,
            complete: false,
            bound: 0,
            pruned: false,
            frames: Vec::new(),
            forced: Vec::new(),
            finished: false,
        }
    }

    /// Runs made so far.
    pub fn runs(&self) -> usize {
        self.runs
    }

    pub fn is_finished(&self) -> bool {
        self.finished
    }

    /// Makes one more run; false once the exploration is over (then [`Explorer::report`] is final).
    pub fn step(&mut self) -> bool {
        if self.finished {
            return false;
        }
        let opts = &self.opts;
        if self.runs >= opts.max_schedules {
            self.stopped = Some(format!("the limit of {} schedules was reached", opts.max_schedules));
            self.finished = true;
            return false;
        }
        self.runs += 1;
        let bound = self.bound;
        let frames = &mut self.frames;
        let forced = std::mem::take(&mut self.forced);
        let depth = forced.len();
        let run = run_once(&self.source, &self.config, opts, forced, bound);
        let nodes = &run.ex.nodes;
        if run.cut {
            self.stopped = Some(format!("a schedule ran past {} steps", opts.max_steps));
        }
        // The forced choice just made (the prefix's last) learns its step.
        if let (Some(f), Some(n)) = (
            depth.checked_sub(1).and_then(|d| frames.get_mut(d)),
            nodes.get(depth.wrapping_sub(1)),
        ) {
            f.explored.push((f.current, n.step.clone()));
        }
        let mut preemptions = frames.last().map_or(0, |f: &Frame| {
            f.preemptions_before + u32::from(f.kind == Kind::Switch && f.current == 1)
        });
        for n in nodes.iter().skip(depth) {
            frames.push(Frame {
                kind: n.kind,
                lanes: n.lanes.clone(),
                current: n.chosen,
                sleep: n.sleep.clone(),
                explored: vec![(n.chosen, n.step.clone())],
                preemptions_before: preemptions,
            });
            preemptions += u32::from(n.kind == Kind::Switch && n.chosen == 1);
        }
        if !run.ex.redundant && run.ex.preemptions == bound {
            self.schedules += 1;
            let error = run.error;
            match self
                .outcomes
                .iter_mut()
                .find(|o| o.stdout == run.stdout && o.error == error)
            {
                Some(o) => o.count += 1,
                None => self.outcomes.push(Outcome {
                    stdout: run.stdout,
                    error,
                    count: 1,
                    witness: run.log,
                }),
            }
        }
        // Back to the deepest choice point with a candidate left.
        while let Some(top) = frames.last_mut() {
            let n = top.candidates();
            let next = (0..n).find(|&c| {
                if top.explored.iter().any(|(e, _)| *e == c) {
                    return false;
                }
                if top.kind == Kind::Switch {
                    if c == 1 && top.preemptions_before >= bound {
                        self.pruned = true;
                        return false;
                    }
                    return true;
                }
                let lane = top.lanes[c as usize];
                lane == CALLBACK || !top.sleep.iter().any(|(l, _)| *l == lane)
            });
            match next {
                Some(c) => {
                    top.current = c;
                    break;
                }
                None => {
                    frames.pop();
                }
            }
        }
        if !frames.is_empty() {
            self.forced = frames.iter().map(|f| f.forced(opts.por)).collect();
            return true;
        }
        // A pass is over.
        if !self.pruned {
            self.complete = self.stopped.is_none();
            self.finished = true;
            return false;
        }
        if self.bound >= opts.preemptions {
            self.stopped = Some(format!("the bound of {} preemptions was reached", opts.preemptions));
            self.finished = true;
            return false;
        }
        self.bound += 1;
        self.pruned = false;
        true
    }

    /// What was found so far (final once [`Explorer::step`] returned false).
    pub fn report(&self) -> Report {
        let mut outcomes = self.outcomes.clone();
        outcomes.sort_by_key(|o| std::cmp::Reverse(o.count));
        Report {
            complete: self.complete,
            schedules: self.schedules,
            runs: self.runs,
            outcomes,
            stopped: self.stopped.clone(),
        }
    }
}
