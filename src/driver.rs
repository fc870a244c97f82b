//! The one place that touches the browser's clock: runs the session in short slices on timers, paced
//! to the chosen speed, and reports after each slice.
//!
//! Each tick does about [`SLICE_MS`] of engine work and then gives the page back, so input (Stop, Pause)
//! is handled between slices even while a task loops forever. Dropping the [`Driver`] cancels its timer.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use gloo_timers::callback::Timeout;
use yew::Callback;

use crate::pacing::{run_slice, step_slice, Chunk, Mode, Pacer, SliceEnd, Speed};
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
    /// The app's drive generation and its value when this driver started: once they differ, the app wants
    /// something else and this driver does no more work.
    generation: (Rc<Cell<u64>>, u64),
    onprogress: Callback<SliceEnd>,
}

/// Real time in milliseconds, from the page's high-resolution clock.
fn clock() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
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

fn schedule(inner: &Rc<Inner>, ms: u32) {
    let weak: Weak<Inner> = Rc::downgrade(inner);
    let timeout = Timeout::new(ms, move || {
        if let Some(inner) = weak.upgrade() {
            tick(&inner);
        }
    });
    *inner.timeout.borrow_mut() = Some(timeout);
}

fn tick(inner: &Rc<Inner>) {
    let (generation, started) = &inner.generation;
    if inner.stopped.get() || generation.get() != *started {
        return;
    }
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
        SliceEnd::Done { .. } | SliceEnd::Stuck | SliceEnd::Stepped => {}
    }
    inner.onprogress.emit(end);
}
