//! The one place that touches the browser's clock: runs the session in short slices on timers, paced
//! to the chosen speed, and reports after each slice.
//!
//! Each tick does about [`SLICE_MS`] of engine work and then gives the page back, so input (Stop, Pause)
//! is handled between slices even while a task loops forever. Dropping the [`Driver`] cancels its timer.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use gloo_timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::Callback;

use crate::pacing::{run_slice, step_slice, Cadence, Chunk, Mode, Pacer, SliceEnd, Speed};
use crate::run::Run;

/// Real milliseconds of engine work per tick.
pub const SLICE_MS: f64 = 8.0;
/// The pause between ticks when the run has caught up with the paced clock (about one frame).
const FRAME_MS: u32 = 16;

/// A running driver; drop it to stop.
pub struct Driver {
    inner: Rc<Inner>,
}

struct Inner {
    run: Rc<RefCell<Run>>,
    mode: Mode,
    pacer: Cell<Pacer>,
    chunk: Cell<Chunk>,
    /// For a step: the event count when it began.
    step_from: usize,
    timeout: RefCell<Option<Timeout>>,
    stopped: Cell<bool>,
    /// At "instant", when the page is told of progress (and so redrawn): each redraw costs the browser style,
    /// layout and paint, which at every 8 ms tick took half the time of a large program, so it comes between
    /// ten and four times a second, by what the last one cost (`pacing::redraw_interval`). Stop and Pause are
    /// handled between ticks whatever the cadence.
    cadence: Cell<Cadence>,
    /// The app's drive generation and its value when this driver started: once they differ, the app wants
    /// something else and this driver does no more work.
    generation: (Rc<Cell<u64>>, u64),
    onprogress: Callback<SliceEnd>,
}

thread_local! {
    /// The page's `performance`, looked up once: a slice reads the clock twice per budget it gives the
    /// session, and finding `window.performance` anew each time cost three calls into JavaScript.
    static PERFORMANCE: Option<web_sys::Performance> = web_sys::window().and_then(|w| w.performance());
}

/// Real time in milliseconds, from the page's high-resolution clock.
fn clock() -> f64 {
    PERFORMANCE.with(|p| p.as_ref().map_or_else(js_sys::Date::now, |p| p.now()))
}

impl Driver {
    pub fn start(
        run: Rc<RefCell<Run>>,
        mode: Mode,
        generation: Rc<Cell<u64>>,
        onprogress: Callback<SliceEnd>,
    ) -> Driver {
        let current = generation.get();
        let (now, events) = {
            let r = run.borrow();
            (r.now(), r.trace().events.len())
        };
        let speed = match mode {
            Mode::Paced(speed) => speed,
            Mode::Step => Speed::Instant,
        };
        let inner = Rc::new(Inner {
            run,
            mode,
            pacer: Cell::new(Pacer::new(speed, clock(), now)),
            chunk: Cell::new(Chunk::default()),
            step_from: events,
            timeout: RefCell::new(None),
            stopped: Cell::new(false),
            cadence: Cell::new(Cadence::new(clock())),
            generation: (generation, current),
            onprogress,
        });
        schedule(&inner, 0);
        Driver { inner }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        self.inner.stopped.set(true);
        self.inner.timeout.borrow_mut().take();
    }
}

thread_local! {
    static SOON: Soon = Soon::default();
}

fn schedule(inner: &Rc<Inner>, ms: u32) {
    let weak: Weak<Inner> = Rc::downgrade(inner);
    let next = move || {
        if let Some(inner) = weak.upgrade() {
            tick(&inner);
        }
    };
    if ms == 0 && SOON.with(|soon| soon.post(next.clone())) {
        return;
    }
    let timeout = Timeout::new(ms, next);
    *inner.timeout.borrow_mut() = Some(timeout);
}

/// A zero-delay task through a `MessageChannel`. Browsers clamp `setTimeout(0)` to 4 ms once timers nest five
/// deep, so a run at "instant" going from tick to tick of 8 ms by timers sat idle a third of the time; a
/// message is delivered as soon as the page has handled what came before it (input and frames included).
/// One channel serves the page for its lifetime; a driver dropped before its message arrives finds its
/// `Weak` empty and does nothing.
#[derive(Default)]
struct Soon {
    /// The channel and its port's message handler, made at the first post.
    channel: RefCell<Option<Port>>,
    next: Rc<RefCell<Option<Task>>>,
}

type Task = Box<dyn FnOnce()>;
type Port = (web_sys::MessageChannel, Closure<dyn FnMut()>);

/// Runs the page no longer shows, being freed a slice at a time, and the timer of the next slice.
#[derive(Default)]
struct Graveyard {
    runs: Vec<Rc<RefCell<Run>>>,
    timer: Option<Timeout>,
}

impl Soon {
    /// Runs `f` in a task of its own soon; false when the page has no `MessageChannel`.
    fn post(&self, f: impl FnOnce() + 'static) -> bool {
        let mut channel = self.channel.borrow_mut();
        if channel.is_none() {
            let Ok(c) = web_sys::MessageChannel::new() else {
                return false;
            };
            let next = self.next.clone();
            let onmessage = Closure::<dyn FnMut()>::new(move || {
                let f = next.borrow_mut().take();
                if let Some(f) = f {
                    f();
                }
            });
            c.port1().set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
            *channel = Some((c, onmessage));
        }
        let Some((c, _)) = channel.as_ref() else {
            return false;
        };
        *self.next.borrow_mut() = Some(Box::new(f));
        c.port2().post_message(&wasm_bindgen::JsValue::NULL).is_ok()
    }
}

fn tick(inner: &Rc<Inner>) {
    let (generation, started) = &inner.generation;
    if inner.stopped.get() || generation.get() != *started {
        return;
    }
    let mut cadence = inner.cadence.get();
    cadence.slice_began(clock());
    let end = {
        let mut run = inner.run.borrow_mut();
        let mut clock = clock;
        let Some(session) = run.session_mut() else {
            return;
        };
        let end = match inner.mode {
            Mode::Paced(_) => {
                let mut pacer = inner.pacer.get();
                let mut chunk = inner.chunk.get();
                let end = run_slice(session, &mut pacer, &mut chunk, &mut clock, SLICE_MS);
                inner.pacer.set(pacer);
                inner.chunk.set(chunk);
                end
            }
            Mode::Step => step_slice(session, inner.step_from, &mut clock, SLICE_MS),
        };
        run.sync();
        end
    };
    match end {
        SliceEnd::Busy => schedule(inner, 0),
        SliceEnd::CaughtUp => schedule(inner, FRAME_MS),
        SliceEnd::Done { .. } | SliceEnd::Stuck | SliceEnd::Stepped | SliceEnd::Choice => {}
    }
    let now = clock();
    let instant = inner.mode == Mode::Paced(Speed::Instant);
    if !(instant && end == SliceEnd::Busy && !cadence.due(now)) {
        cadence.redrawn(now);
        inner.onprogress.emit(end);
    }
    cadence.slice_ended(clock());
    inner.cadence.set(cadence);
}

/// Containers a burial slice empties between looks at the clock.
const FREE_ITEMS: usize = 2_000;
/// Real milliseconds a burial slice may take.
const FREE_MS: f64 = 4.0;

thread_local! {
    static GRAVEYARD: RefCell<Graveyard> = RefCell::default();
}

/// Frees `run` in short slices from timers, after the page has answered: a run of hundreds of thousands of
/// tasks takes the better part of a second to free, which Stop then Run, Reset or choosing an example would
/// otherwise spend before the page moved.
pub fn bury(run: Rc<RefCell<Run>>) {
    GRAVEYARD.with(|g| {
        let mut g = g.borrow_mut();
        g.runs.push(run);
        if g.timer.is_none() {
            g.timer = Some(Timeout::new(1, free_slice));
        }
    });
}

fn free_slice() {
    let began = clock();
    // Freed runs are dropped after the graveyard is let go, in case dropping one buries another.
    let mut freed = Vec::new();
    let more = GRAVEYARD.with(|g| {
        let mut g = g.borrow_mut();
        g.timer = None;
        while let Some(run) = g.runs.first() {
            // Nothing else borrows a run between tasks; should something, the next slice tries again.
            let Ok(done) = run.try_borrow_mut().map(|mut r| r.free_some(FREE_ITEMS)) else {
                break;
            };
            if done {
                freed.push(g.runs.remove(0));
            }
            if clock() - began > FREE_MS {
                break;
            }
        }
        !g.runs.is_empty()
    });
    drop(freed);
    if more {
        GRAVEYARD.with(|g| g.borrow_mut().timer = Some(Timeout::new(1, free_slice)));
    }
}

/// Real milliseconds of exploring per slice: each run of the program is short, and the page answers between.
const EXPLORE_MS: f64 = 30.0;

/// An all-outcomes exploration going on in slices from timers; drop it to stop them.
pub struct Exploring {
    timeout: Rc<RefCell<Option<Timeout>>>,
}

/// Explores in slices of [`EXPLORE_MS`], telling the page after each, until it is over or stopped.
pub fn explore(exploration: Rc<crate::schedule::Exploration>, onprogress: Callback<()>) -> Exploring {
    let timeout = Rc::new(RefCell::new(None));
    arm(&timeout, exploration, onprogress);
    Exploring { timeout }
}

fn arm(slot: &Rc<RefCell<Option<Timeout>>>, exploration: Rc<crate::schedule::Exploration>, onprogress: Callback<()>) {
    let weak = Rc::downgrade(slot);
    let timeout = Timeout::new(0, move || {
        let more = exploration.slice(&mut clock, EXPLORE_MS);
        onprogress.emit(());
        if let (true, Some(slot)) = (more, weak.upgrade()) {
            arm(&slot, exploration, onprogress);
        }
    });
    *slot.borrow_mut() = Some(timeout);
}

impl Drop for Exploring {
    fn drop(&mut self) {
        self.timeout.borrow_mut().take();
    }
}
