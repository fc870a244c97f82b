//! The interpreter's choice points: the ready queue, the GIL's hand-off, the eval breaker's switch; each asks
//! the world's [`Scheduler`](super::Scheduler) (only when it is active) and, under the explorer, closes the
//! footprint of the step that just ended and opens the next one's.

use super::{footprint::Footprint, Choice, Kind, Node, CALLBACK};
use crate::asyncio::Handle;
use crate::vm::frame::Frame;
use crate::vm::Vm;
use std::rc::Rc;

fn handle_lane(h: &Handle) -> u64 {
    match h {
        Handle::Step { task, .. } | Handle::Wakeup { task, .. } => {
            task.task.as_ref().map_or(CALLBACK, |t| u64::from(t.id))
        }
        Handle::Call { .. } | Handle::SleepDone { .. } => CALLBACK,
    }
}

/// The mutable objects a frame holds: what the step that resumes it may change.
fn frame_objects(fp: &mut Footprint, f: &Frame) {
    for v in f.locals.iter().chain(&f.stack) {
        fp.value(v);
    }
    for c in &f.cells {
        fp.cell(c);
    }
}

impl Vm {
    /// Which handle of the ready queue runs next: its index (0, the front, is CPython's).
    pub(crate) fn choose_ready(&mut self) -> usize {
        let n = self.ts.aio.ready.len();
        if n < 2 {
            return 0;
        }
        let lanes: Vec<u64> = self.ts.aio.ready.iter().map(handle_lane).collect();
        self.choice(Kind::Ready, &lanes, false) as usize
    }

    /// Under `Manual`, pauses before choosing the next ready handle (true when it did).
    pub(crate) fn pause_ready(&mut self) -> bool {
        if self.ts.aio.ready.len() < 2 || !self.world.sched.pauses() {
            return false;
        }
        let lanes = self.ts.aio.ready.iter().map(handle_lane).collect();
        self.pause(Kind::Ready, lanes, false);
        true
    }

    /// Under `Manual`, pauses before the GIL's next holder is chosen (true when it did).
    pub fn pause_waiter(&mut self) -> bool {
        if self.threads.waiting.len() < 2 || !self.world.sched.pauses() {
            return false;
        }
        let lanes = self
            .threads
            .waiting
            .iter()
            .map(|&i| u64::from(self.threads.list[i].lane))
            .collect();
        self.pause(Kind::Gil, lanes, false);
        true
    }

    pub(crate) fn pause(&mut self, kind: Kind, lanes: Vec<u64>, switch: bool) {
        self.world.sched.pending = Some(super::Pending { kind, lanes, switch });
    }

    /// Which thread waiting for the GIL takes it: its index in the FIFO (0 is CPython's).
    pub(crate) fn choose_waiter(&mut self) -> usize {
        let n = self.threads.waiting.len();
        if n < 2 {
            return 0;
        }
        let lanes: Vec<u64> = self
            .threads
            .waiting
            .iter()
            .map(|&i| u64::from(self.threads.list[i].lane))
            .collect();
        self.choice(Kind::Gil, &lanes, false) as usize
    }

    /// Whether the running thread lets go of the GIL at this check, `cpython` being what the switch interval
    /// says; only asked while another thread waits.
    pub(crate) fn choose_switch(&mut self, cpython: bool) -> bool {
        let lanes = self.switch_lanes();
        let c = self.choice(Kind::Switch, &lanes, cpython);
        cpython != (c == 1)
    }

    /// A switch's candidates: the running thread, then the waiters.
    pub(crate) fn switch_lanes(&self) -> Vec<u64> {
        let mut lanes = vec![u64::from(self.ts.lane)];
        lanes.extend(
            self.threads
                .waiting
                .iter()
                .map(|&i| u64::from(self.threads.list[i].lane)),
        );
        lanes
    }

    fn choice(&mut self, kind: Kind, lanes: &[u64], switch: bool) -> u32 {
        let event = self.world.trace.events.len();
        if self.world.sched.explore.is_none() {
            return self.world.sched.choose(kind, lanes, switch, event);
        }
        let Some(mut ex) = self.world.sched.explore.take() else {
            return 0;
        };
        let k = ex.nodes.len();
        // The step that just ended: what it touched, and who ran.
        let mut step = std::mem::take(&mut ex.step);
        if ex.por {
            step.events(&self.world.trace.events[ex.step_start.min(event)..]);
        }
        step.seal();
        let step = Rc::new(step);
        let sleep = match k.checked_sub(1) {
            None => Vec::new(),
            Some(p) => {
                ex.nodes[p].step = step.clone();
                let before = match ex.forced.get(p) {
                    Some(f) => &f.asleep,
                    None => &ex.nodes[p].sleep,
                };
                before
                    .iter()
                    .filter(|(l, fp)| !step.ran.contains(l) && !fp.conflicts(&step))
                    .cloned()
                    .collect()
            }
        };
        let n = if kind == Kind::Switch { 2 } else { lanes.len() };
        let asleep = |i: usize| lanes[i] != CALLBACK && sleep.iter().any(|(l, _)| *l == lanes[i]);
        let chosen = match ex.forced.get(k) {
            Some(f) if (f.chosen as usize) < n => f.chosen,
            Some(_) => {
                // The program went another way than before: not deterministic, which is a bug of ours.
                ex.redundant = true;
                0
            }
            None if kind == Kind::Switch => 0,
            None => match (0..n).find(|&i| !asleep(i)) {
                Some(i) => i as u32,
                None => {
                    ex.redundant = true;
                    0
                }
            },
        };
        if kind == Kind::Switch && chosen == 1 {
            ex.preemptions += 1;
        }
        ex.step_start = event;
        if ex.por {
            // What the lane about to run holds: an argument or a closure's cell it may change.
            match kind {
                Kind::Ready => {
                    if let Some(h) = self.ts.aio.ready.get(chosen as usize) {
                        handle_objects(&mut ex.step, h);
                    }
                }
                Kind::Gil => {
                    if let Some(&i) = self.threads.waiting.get(chosen as usize) {
                        for f in &self.threads.list[i].frames.frames {
                            frame_objects(&mut ex.step, f);
                        }
                    }
                }
                Kind::Switch => {}
            }
        }
        ex.nodes.push(Node {
            kind,
            lanes: lanes.to_vec(),
            chosen,
            sleep,
            step: Rc::default(),
        });
        self.world.sched.explore = Some(ex);
        self.world.sched.made.push(Choice::new(kind, lanes, chosen, event));
        chosen
    }

    /// At the end of an explored run: the last step's footprint.
    pub(crate) fn close_step(&mut self) {
        let Some(ex) = self.world.sched.explore.as_mut() else {
            return;
        };
        let mut step = std::mem::take(&mut ex.step);
        if ex.por {
            step.events(&self.world.trace.events[ex.step_start.min(self.world.trace.events.len())..]);
        }
        step.seal();
        if let Some(last) = ex.nodes.last_mut() {
            last.step = Rc::new(step);
        }
    }
}

fn handle_objects(fp: &mut Footprint, h: &Handle) {
    match h {
        Handle::Step { task, .. } | Handle::Wakeup { task, .. } => {
            let Some(t) = &task.task else { return };
            if let Some(th) = t.thread.borrow().as_ref() {
                for f in &th.frames {
                    frame_objects(fp, f);
                }
            }
            if let crate::value::Value::Gen(g) = &*t.coro.borrow() {
                if let Some(f) = g.frame.borrow().as_ref() {
                    frame_objects(fp, f);
                }
            }
        }
        Handle::Call { func, args, .. } => {
            fp.value(func);
            for a in args {
                fp.value(a);
            }
        }
        Handle::SleepDone { .. } => {}
    }
}
