//! How fast virtual time goes: the speed setting, the pacer that maps real milliseconds to a virtual
//! target, and one budgeted slice of engine work, all pure so they are tested with a fake clock.

use interleave::session::{Budget, Session, Status};
use interleave::trace::{EventKind, Time};

/// The speed control's choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Speed {
    Tenth,
    Quarter,
    Half,
    #[default]
    One,
    Two,
    Five,
    Ten,
    /// As fast as the engine goes, jumping the clock to each next timer.
    Instant,
}

impl Speed {
    pub const ALL: [Speed; 8] = [
        Speed::Tenth,
        Speed::Quarter,
        Speed::Half,
        Speed::One,
        Speed::Two,
        Speed::Five,
        Speed::Ten,
        Speed::Instant,
    ];

    /// Virtual seconds per real second; `None` for instant.
    pub fn factor(self) -> Option<f64> {
        Some(match self {
            Speed::Tenth => 0.1,
            Speed::Quarter => 0.25,
            Speed::Half => 0.5,
            Speed::One => 1.0,
            Speed::Two => 2.0,
            Speed::Five => 5.0,
            Speed::Ten => 10.0,
            Speed::Instant => return None,
        })
    }

    /// What the option says (and its value).
    pub fn label(self) -> &'static str {
        match self {
            Speed::Tenth => "0.1x",
            Speed::Quarter => "0.25x",
            Speed::Half => "0.5x",
            Speed::One => "1x",
            Speed::Two => "2x",
            Speed::Five => "5x",
            Speed::Ten => "10x",
            Speed::Instant => "instant",
        }
    }

    pub fn from_label(label: &str) -> Option<Speed> {
        Speed::ALL.into_iter().find(|s| s.label() == label)
    }
}

/// What the driver is asked to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Run paced at this speed until the program ends.
    Paced(Speed),
    /// Run to the next scheduling event.
    Step,
}

/// When paced virtual time falls this far behind (the program computes more than the budget allows),
/// the pacer stops trying to catch up: a burst of catching up would make sleeps look instant.
const MAX_LAG_MS: f64 = 250.0;

/// Maps the real clock to the virtual time the run should have reached.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pacer {
    speed: Speed,
    real_base: f64,
    virtual_base: Time,
}

impl Pacer {
    /// Starts pacing at real time `real_ms` from virtual time `now`.
    pub fn new(speed: Speed, real_ms: f64, now: Time) -> Pacer {
        Pacer {
            speed,
            real_base: real_ms,
            virtual_base: now,
        }
    }

    /// The virtual time to run up to at real time `real_ms`.
    pub fn target(&self, real_ms: f64) -> Time {
        match self.speed.factor() {
            None => Time::MAX,
            Some(f) => {
                let elapsed_ns = (real_ms - self.real_base).max(0.0) * 1e6 * f;
                self.virtual_base.saturating_add(elapsed_ns as Time)
            }
        }
    }

    /// Forgets lag beyond [`MAX_LAG_MS`] of real time: afterwards the run goes on at speed from `now`.
    pub fn forgive_lag(&mut self, real_ms: f64, now: Time) {
        if let Some(f) = self.speed.factor() {
            let lag_ns = self.target(real_ms).saturating_sub(now) as f64;
            if lag_ns > MAX_LAG_MS * 1e6 * f {
                *self = Pacer::new(self.speed, real_ms, now);
            }
        }
    }
}

/// What the driver needs of a session (so that the slice loop can be tested without an interpreter).
pub trait Engine {
    fn run(&mut self, budget: Budget) -> Status;
    fn advance_to(&mut self, t: Time);
    fn now(&self) -> Time;
    /// How many events the trace holds.
    fn events(&self) -> usize;
    /// Instructions executed so far.
    fn steps(&self) -> u64;
    /// Whether a task suspended or finished at or after event `from`: a scheduling event happened.
    fn switched_since(&self, from: usize) -> bool;
    /// Whether the run waits for the learner to answer a scheduling choice (the manual strategy).
    fn pending(&self) -> bool {
        false
    }
}

impl Engine for Session {
    fn run(&mut self, budget: Budget) -> Status {
        Session::run(self, budget)
    }
    fn advance_to(&mut self, t: Time) {
        Session::advance_to(self, t)
    }
    fn now(&self) -> Time {
        Session::now(self)
    }
    fn events(&self) -> usize {
        self.trace().events.len()
    }
    fn steps(&self) -> u64 {
        Session::steps(self)
    }
    fn switched_since(&self, from: usize) -> bool {
        let events = &self.trace().events;
        events[from.min(events.len())..]
            .iter()
            .any(|e| matches!(e.kind, EventKind::Suspended { .. } | EventKind::Finished { .. }))
    }
    fn pending(&self) -> bool {
        self.pending_choice().is_some()
    }
}

/// How a slice ended, which tells the driver when to come back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SliceEnd {
    /// The time budget ran out with work left: come back at once.
    Busy,
    /// The run caught up with the paced clock: come back next frame.
    CaughtUp,
    /// Nothing will ever be ready again: no timer pending, nothing runnable.
    Stuck,
    /// A step reached its scheduling event.
    Stepped,
    /// The run waits at a choice point for the learner to pick who runs next.
    Choice,
    Done {
        exit_code: i32,
    },
}

/// Instructions per `run` call, adapted so each call takes about a millisecond.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Chunk(pub u64);

impl Default for Chunk {
    fn default() -> Self {
        Chunk(2_000)
    }
}

impl Chunk {
    /// Learns from a call that ran `ran` instructions in `took_ms`. Only the rate counts: a call that ended
    /// early (a sleep, the paced target) says nothing about how long a full chunk takes, and growing the chunk
    /// on such calls once made a later burst of work run for hundreds of milliseconds in one go.
    fn adapt(&mut self, ran: u64, took_ms: f64) {
        let scaled = if took_ms <= 0.05 {
            if ran * 2 >= self.0 {
                self.0 * 4
            } else {
                self.0
            }
        } else {
            (ran as f64 / took_ms) as u64
        };
        self.0 = scaled.clamp(200, 1_000_000);
    }
}

/// At "instant", the page redraws at most this often while the run goes on (the cadence of a cheap redraw).
pub const REDRAW_MIN_MS: f64 = 100.0;
/// And at least this often: four redraws a second still show the run moving, however costly a redraw is.
pub const REDRAW_MAX_MS: f64 = 250.0;
/// The share of real time the page's own work between slices (Yew's views and the DOM diff after a redraw,
/// then the browser's style, layout and paint) may take at "instant" before redraws come less often.
pub const REDRAW_SHARE: f64 = 0.1;

/// How long to wait between redraws at "instant" when the last one cost the page `page_ms` outside the
/// engine's slices: long enough for that to be [`REDRAW_SHARE`] of the time, within the two bounds.
pub fn redraw_interval(page_ms: f64) -> f64 {
    (page_ms / REDRAW_SHARE).clamp(REDRAW_MIN_MS, REDRAW_MAX_MS)
}

/// When to redraw at "instant". The page's work after a redraw happens between slices (Yew renders in a
/// microtask after the tick, the browser draws the frame after that), so the time between the end of one
/// slice and the start of the next, summed from one redraw to the next, is what that redraw cost.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cadence {
    /// Real milliseconds of the last redraw.
    last: f64,
    interval: f64,
    /// Real milliseconds outside the slices since the last redraw.
    page: f64,
    /// When the last slice ended, until the next begins.
    slice_end: Option<f64>,
}

impl Cadence {
    /// A run that starts at real time `now`: the first redraw comes after [`REDRAW_MIN_MS`].
    pub fn new(now: f64) -> Cadence {
        Cadence {
            last: now,
            interval: REDRAW_MIN_MS,
            page: 0.0,
            slice_end: None,
        }
    }

    /// A slice begins at `now`: the time since the last one ended was the page's.
    pub fn slice_began(&mut self, now: f64) {
        if let Some(end) = self.slice_end.take() {
            self.page += (now - end).max(0.0);
        }
    }

    /// A slice ends at `now` (after the page was told of it, if it was).
    pub fn slice_ended(&mut self, now: f64) {
        self.slice_end = Some(now);
    }

    /// Whether the page should be redrawn at `now`.
    pub fn due(&self, now: f64) -> bool {
        now - self.last >= self.interval
    }

    /// The page is redrawn at `now`: the next redraw waits by what the page's work since the last one cost.
    pub fn redrawn(&mut self, now: f64) {
        self.interval = redraw_interval(self.page);
        self.page = 0.0;
        self.last = now;
    }
}

/// Runs `engine` toward the pacer's target until `budget_ms` of real time is spent, following the engine
/// contract: run with the budget; when waiting, advance the clock to the sooner of the deadline and the
/// target. `clock` reads real milliseconds.
pub fn run_slice(
    engine: &mut impl Engine,
    pacer: &mut Pacer,
    chunk: &mut Chunk,
    clock: &mut impl FnMut() -> f64,
    budget_ms: f64,
) -> SliceEnd {
    let began = clock();
    loop {
        if engine.pending() {
            return SliceEnd::Choice;
        }
        let started = clock();
        let target = pacer.target(started);
        let steps_before = engine.steps();
        let status = engine.run(Budget {
            steps: chunk.0,
            until: target,
        });
        let ended = clock();
        chunk.adapt(engine.steps() - steps_before, ended - started);
        match status {
            Status::Done { exit_code } => return SliceEnd::Done { exit_code },
            Status::Runnable => {
                if engine.now() >= target {
                    return SliceEnd::CaughtUp;
                }
            }
            Status::Waiting { until } => {
                if until == Time::MAX {
                    return SliceEnd::Stuck;
                }
                let to = until.min(target);
                if to > engine.now() {
                    engine.advance_to(to);
                }
                if until > target {
                    return SliceEnd::CaughtUp;
                }
            }
        }
        if ended - began >= budget_ms {
            pacer.forgive_lag(ended, engine.now());
            return SliceEnd::Busy;
        }
    }
}

/// Runs `engine` one instruction at a time until a task suspends or finishes after event `from` (the
/// Step button), or `budget_ms` is spent, jumping the clock to the next timer when nothing is ready.
/// One instruction per call makes the step exact; slicing keeps a task that never yields from freezing the page.
pub fn step_slice(engine: &mut impl Engine, from: usize, clock: &mut impl FnMut() -> f64, budget_ms: f64) -> SliceEnd {
    let began = clock();
    let mut calls = 0u32;
    loop {
        if engine.switched_since(from) {
            return SliceEnd::Stepped;
        }
        if engine.pending() {
            return SliceEnd::Choice;
        }
        match engine.run(Budget {
            steps: 1,
            until: Time::MAX,
        }) {
            Status::Done { exit_code } => return SliceEnd::Done { exit_code },
            Status::Waiting { until: Time::MAX } => return SliceEnd::Stuck,
            Status::Waiting { until } => engine.advance_to(until),
            Status::Runnable => {}
        }
        calls += 1;
        // Reading the clock costs more than an instruction: look at it every so often.
        if calls % 256 == 0 && clock() - began >= budget_ms {
            return SliceEnd::Busy;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A program that computes `work` instructions, then sleeps until `wake`, then computes again and ends.
    struct Fake {
        now: Time,
        work: u64,
        wake: Time,
        calls: u32,
    }

    impl Engine for Fake {
        fn run(&mut self, budget: Budget) -> Status {
            self.calls += 1;
            if self.work > 0 {
                let did = self
                    .work
                    .min(budget.steps)
                    .min((budget.until - self.now.min(budget.until)) / 20);
                self.work -= did;
                self.now += did * 20;
                return if self.work == 0 && self.now < self.wake {
                    Status::Waiting { until: self.wake }
                } else {
                    Status::Runnable
                };
            }
            if self.now < self.wake {
                return Status::Waiting { until: self.wake };
            }
            Status::Done { exit_code: 0 }
        }
        fn advance_to(&mut self, t: Time) {
            self.now = self.now.max(t);
        }
        fn now(&self) -> Time {
            self.now
        }
        fn events(&self) -> usize {
            self.calls as usize
        }
        fn steps(&self) -> u64 {
            self.now / 20
        }
        fn switched_since(&self, _from: usize) -> bool {
            self.work == 0
        }
    }

    fn ticking(step_ms: f64) -> impl FnMut() -> f64 {
        let mut t = 0.0;
        move || {
            t += step_ms;
            t
        }
    }

    #[test]
    fn chunks_grow_only_on_calls_that_used_them() {
        let mut c = Chunk::default();
        // Calls that returned early (waiting) at once: no growth.
        for _ in 0..10 {
            c.adapt(10, 0.01);
        }
        assert_eq!(c, Chunk::default());
        // A full chunk in no time: grow. A measured rate: about a millisecond's worth.
        c.adapt(2_000, 0.01);
        assert_eq!(c.0, 8_000);
        c.adapt(3_000, 2.0);
        assert_eq!(c.0, 1_500);
    }

    #[test]
    fn the_pacer_scales_real_time() {
        let p = Pacer::new(Speed::Half, 1_000.0, 5);
        assert_eq!(p.target(1_000.0), 5);
        assert_eq!(p.target(1_002.0), 5 + 1_000_000);
        assert_eq!(Pacer::new(Speed::Instant, 0.0, 0).target(1.0), Time::MAX);
    }

    #[test]
    fn lag_past_the_limit_is_forgiven() {
        let mut p = Pacer::new(Speed::One, 0.0, 0);
        p.forgive_lag(100.0, 0);
        assert_eq!(p.target(100.0), 100_000_000);
        p.forgive_lag(1_000.0, 10);
        assert_eq!(p.target(1_000.0), 10);
    }

    #[test]
    fn instant_jumps_the_clock_to_the_deadline_and_finishes() {
        let mut fake = Fake {
            now: 0,
            work: 10,
            wake: 5_000_000_000,
            calls: 0,
        };
        let mut pacer = Pacer::new(Speed::Instant, 0.0, 0);
        let end = run_slice(&mut fake, &mut pacer, &mut Chunk::default(), &mut ticking(0.01), 8.0);
        assert_eq!(end, SliceEnd::Done { exit_code: 0 });
        assert_eq!(fake.now, 5_000_000_000);
    }

    #[test]
    fn paced_runs_stop_at_the_target_while_sleeping() {
        let mut fake = Fake {
            now: 0,
            work: 10,
            wake: 5_000_000_000,
            calls: 0,
        };
        let mut pacer = Pacer::new(Speed::One, 0.0, 0);
        let end = run_slice(&mut fake, &mut pacer, &mut Chunk::default(), &mut ticking(1.0), 8.0);
        assert_eq!(end, SliceEnd::CaughtUp);
        assert!(fake.now < 10_000_000, "clock at {}", fake.now);
    }

    #[test]
    fn endless_work_returns_when_the_budget_is_spent() {
        let mut fake = Fake {
            now: 0,
            work: u64::MAX,
            wake: 0,
            calls: 0,
        };
        let mut pacer = Pacer::new(Speed::Instant, 0.0, 0);
        let end = run_slice(&mut fake, &mut pacer, &mut Chunk::default(), &mut ticking(1.0), 8.0);
        assert_eq!(end, SliceEnd::Busy);
        assert!(fake.calls <= 8);
    }

    #[test]
    fn a_step_runs_until_the_task_switches() {
        let mut fake = Fake {
            now: 0,
            work: 3,
            wake: 10,
            calls: 0,
        };
        assert_eq!(step_slice(&mut fake, 0, &mut ticking(0.001), 8.0), SliceEnd::Stepped);
        assert_eq!(fake.calls, 3);
    }

    #[test]
    fn a_step_that_never_switches_gives_the_page_back() {
        let mut fake = Fake {
            now: 0,
            work: u64::MAX,
            wake: 0,
            calls: 0,
        };
        assert_eq!(step_slice(&mut fake, 0, &mut ticking(0.1), 8.0), SliceEnd::Busy);
    }

    #[test]
    fn cheap_redraws_come_ten_times_a_second_and_costly_ones_no_fewer_than_four() {
        assert_eq!(redraw_interval(0.0), 100.0);
        assert_eq!(redraw_interval(5.0), 100.0);
        assert_eq!(redraw_interval(15.0), 150.0);
        assert_eq!(redraw_interval(25.0), 250.0);
        assert_eq!(redraw_interval(400.0), 250.0);
    }

    /// Slices of 8 ms, with `gap` ms between them, and a redraw when due; `cost` ms more of the page's time
    /// after each redraw. Returns the real times of the redraws.
    fn redraws(gap: f64, cost: f64, until: f64) -> Vec<f64> {
        let mut cadence = Cadence::new(0.0);
        let mut now = 0.0;
        let mut drawn = Vec::new();
        let mut redrew = false;
        while now < until {
            now += gap + if redrew { cost } else { 0.0 };
            cadence.slice_began(now);
            now += 8.0;
            redrew = cadence.due(now);
            if redrew {
                cadence.redrawn(now);
                drawn.push(now);
            }
            cadence.slice_ended(now);
        }
        drawn
    }

    #[test]
    fn the_cadence_follows_what_a_redraw_costs_the_page() {
        // A redraw that costs 2 ms: about ten a second.
        let cheap = redraws(0.05, 2.0, 10_000.0);
        assert!((85..=100).contains(&cheap.len()), "{} redraws", cheap.len());
        // One that costs 20 ms (a big run's style, layout and paint on a slow machine): the page's time between
        // redraws stays near a tenth of the time.
        let costly = redraws(0.05, 20.0, 10_000.0);
        let n = costly.len();
        assert!((40..=50).contains(&n), "{n} redraws");
        // One that costs 100 ms: still four a second, never fewer.
        let dear = redraws(0.05, 100.0, 10_000.0);
        assert!(dear
            .windows(2)
            .all(|w| w[1] - w[0] <= REDRAW_MAX_MS + 8.0 + 100.0 + 0.1));
        assert!(dear.len() >= 25, "{} redraws", dear.len());
    }

    #[test]
    fn the_first_redraw_comes_after_the_shortest_interval() {
        let drawn = redraws(0.05, 50.0, 1_000.0);
        assert!(
            drawn[0] >= REDRAW_MIN_MS && drawn[0] < REDRAW_MIN_MS + 8.1,
            "{}",
            drawn[0]
        );
        // What the first redraw cost is known at the second (it is the page's time between them), which then
        // waits the longest before the third.
        assert!(drawn[1] - drawn[0] < REDRAW_MIN_MS + 8.1 + 50.0, "{:?}", &drawn[..3]);
        assert!(drawn[2] - drawn[1] >= REDRAW_MAX_MS, "{:?}", &drawn[..3]);
    }

    #[test]
    fn speed_labels_round_trip() {
        for s in Speed::ALL {
            assert_eq!(Speed::from_label(s.label()), Some(s));
        }
    }
}
