//! The app's one state and the actions that change it: the `Reducible` every component renders from.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use interleave::runfile::{same_trace, starts_with, RunFile, Settings};
use interleave::trace::{TaskId, Time};
use yew::Reducible;

use crate::examples::EXAMPLES;
use crate::layout::Viewport;
use crate::pacing::{Mode, SliceEnd, Speed};
use crate::run::{Inspection, Run, RunRef};

/// Where the run stands, which decides what the controls offer and whether the driver is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// No run yet (or after Reset).
    Idle,
    /// The driver paces the run.
    Running,
    /// The driver runs to the next scheduling event, then pauses.
    Stepping,
    Paused,
    /// The program ended.
    Done {
        exit_code: i32,
    },
    /// The learner stopped it.
    Stopped,
    /// Every task waits and no timer is pending: nothing can ever happen again.
    Stuck,
}

impl Phase {
    /// Whether the driver should be working.
    pub fn is_driven(self) -> bool {
        matches!(self, Phase::Running | Phase::Stepping)
    }

    /// Whether the run can go on (Pause, Step and Stop make sense).
    pub fn is_live(self) -> bool {
        matches!(self, Phase::Running | Phase::Stepping | Phase::Paused)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    #[default]
    System,
    Light,
    Dark,
}

/// The timeline's window and scroll position.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimelineView {
    /// The window chosen by zooming and panning (ignored while following).
    pub viewport: Viewport,
    /// Show the whole run, growing with it, until the learner zooms or pans.
    pub follow: bool,
    /// Vertical scroll of the lanes, in pixels, and the height they are shown in.
    pub scroll_top: f64,
    pub height: f64,
}

impl Default for TimelineView {
    fn default() -> Self {
        TimelineView {
            viewport: Viewport::default(),
            follow: true,
            scroll_top: 0.0,
            height: 400.0,
        }
    }
}

impl TimelineView {
    /// The window to draw when the run is at `now`; `live` runs grow in round steps, finished ones fit.
    pub fn effective(&self, now: Time, live: bool) -> Viewport {
        match (self.follow, live) {
            (false, _) => self.viewport,
            (true, true) => Viewport::follow(now),
            (true, false) => Viewport::fit(now),
        }
    }
}

pub struct AppState {
    pub source: Rc<str>,
    /// Bumped whenever the text is replaced from outside the editor (an example, a reload).
    pub source_rev: u32,
    pub example: Option<usize>,
    pub run: Option<RunRef>,
    /// Bumped for every new run, so the driver restarts for it.
    pub run_id: u32,
    pub phase: Phase,
    pub speed: Speed,
    /// Threads may switch at any instruction, as in Python 3.9 and older (the next run takes it).
    pub switch_anywhere: bool,
    pub theme: Theme,
    pub view: TimelineView,
    /// A moment chosen on the timeline; while set, the panels and editor show it instead of the end.
    pub inspect: Option<Inspection>,
    /// The segment hovered or focused on the timeline: (lane, segment index).
    pub detail: Option<(TaskId, usize)>,
    /// The processes folded on the timeline to their header row (indexes into `Trace::processes`).
    pub folded: Rc<Vec<u32>>,
    /// The finding selected in the Findings panel (an index into `Run::findings`): its lines are marked in the
    /// editor and its lanes, windows and moments on the timeline.
    pub finding: Option<usize>,
    /// Bumped by the reducer whenever the driver's job changes (see [`AppState::drive`]). The driver
    /// checks it before each tick, so Stop and Pause take effect at once, even before Yew gets round to
    /// running the effect that drops the old driver.
    pub drive_generation: Rc<Cell<u64>>,
    /// A message for the learner above the workspace (a link that could not be opened), until dismissed.
    pub notice: Option<Rc<str>>,
    /// The settings runs take but for `switch_anywhere`: the page's, or an opened run file's.
    pub settings: Settings,
    /// The run's scheduling history: its branches, and the all-outcomes exploration (`schedule.rs`).
    pub sched: crate::schedule::Schedules,
}

/// Instructions a link's position may take to reach before the page gives up on it (a few seconds at most).
pub const OPEN_AT_STEPS: u64 = 50_000_000;

pub enum Action {
    Edit(String),
    /// Replace the program from outside (an embed's `interleave:load`), clearing the run.
    Load(String),
    /// Run the program to this many events at once, then pause there (a share link's position).
    OpenAt(usize),
    /// Show a run file's run: its code run again with its settings as far as the file goes, checked against it.
    OpenRun(Rc<RunFile>),
    /// Pause a driven run (unlike TogglePause, never resumes).
    Pause,
    /// Resume a paused run, or start a new one.
    RunOrResume,
    Notice(Option<Rc<str>>),
    LoadExample(usize),
    Run,
    TogglePause,
    Step,
    Stop,
    Reset,
    SetSpeed(Speed),
    /// Where threads may switch: anywhere (Python 3.9 and older) or at CPython 3.11's checks.
    SetSwitchAnywhere(bool),
    /// The simulated network's settings (the next run takes them).
    SetNet(interleave::net::NetConfig),
    /// The driver finished a slice.
    Progressed(SliceEnd),
    SetTheme(Theme),
    /// Zoom by a factor around a point (a fraction of the track).
    Zoom {
        factor: f64,
        anchor: f64,
    },
    /// Pan by a fraction of the window.
    Pan(f64),
    Fit,
    ScrollLanes {
        top: f64,
        height: f64,
    },
    /// Show the loop as it was at this time.
    Inspect(Time),
    /// Move the inspected moment by this many events.
    InspectBy(i64),
    EndInspect,
    Describe(Option<(TaskId, usize)>),
    /// Fold a process on the timeline to its header row, or unfold it.
    Fold(u32),
    /// Select a finding (or none); selecting the selected one again unselects it.
    SelectFinding(Option<usize>),
    /// The scheduler's settings, choices, time travel, branches and all outcomes (`schedule.rs`).
    Schedule(crate::schedule::Msg),
}

impl AppState {
    pub fn new(source: String, theme: Theme) -> AppState {
        AppState {
            source: source.into(),
            source_rev: 0,
            example: None,
            run: None,
            run_id: 0,
            phase: Phase::Idle,
            speed: Speed::default(),
            switch_anywhere: false,
            theme,
            view: TimelineView::default(),
            inspect: None,
            detail: None,
            folded: Rc::default(),
            finding: None,
            drive_generation: Rc::new(Cell::new(0)),
            notice: None,
            settings: crate::run::page_settings(),
            sched: Default::default(),
        }
    }

    /// What a share link of this state holds: the code, the settings, and the moment shown if the learner
    /// stepped, paused, stopped or scrubbed to one.
    pub fn shared(&self) -> crate::link::Shared {
        let at = match (&self.inspect, &self.run) {
            (Some(i), _) => Some(i.events),
            (None, Some(r)) if matches!(self.phase, Phase::Paused | Phase::Stopped) => {
                Some(r.run.borrow().trace().events.len())
            }
            _ => None,
        };
        crate::link::Shared {
            code: self.source.to_string(),
            speed: self.speed,
            switch_anywhere: self.switch_anywhere,
            at,
            autoplay: false,
            net: self.settings.net.clone(),
            scheduler: self.settings.scheduler,
            seed: self.settings.seed,
            choices: crate::schedule::shared_choices(self),
        }
    }

    /// What the driver should be doing, for which run. Any change replaces the driver.
    pub fn drive(&self) -> (u32, Option<Mode>) {
        let mode = match self.phase {
            Phase::Running => Some(Mode::Paced(self.speed)),
            Phase::Stepping => Some(Mode::Step),
            _ => None,
        };
        (self.run_id, mode)
    }

    /// The virtual time the views are at: the inspected moment, or the run's clock.
    pub fn now(&self) -> Time {
        match (&self.inspect, &self.run) {
            (Some(i), _) => i.at,
            (None, Some(r)) => r.run.borrow().now(),
            (None, None) => 0,
        }
    }

    /// The selected finding, if the run has it.
    pub fn selected_finding(&self) -> Option<Rc<interleave::findings::Finding>> {
        let r = self.run.as_ref()?;
        let run = r.run.borrow();
        run.findings.get(self.finding?).cloned()
    }

    /// The timeline window to draw now.
    pub fn viewport(&self) -> Viewport {
        match &self.run {
            Some(r) => self.view.effective(r.run.borrow().now(), self.phase.is_live()),
            None => self.view.effective(0, true),
        }
    }

    fn start_run(&mut self) {
        self.start_run_with(None);
    }

    /// Starts a run with these settings (a re-execution of the schedule's history, which keeps its branches),
    /// or with the page's (a new run, with a new history).
    pub(crate) fn start_run_with(&mut self, settings: Option<Settings>) {
        if settings.is_none() {
            self.sched.new_run();
        }
        let settings = settings.unwrap_or_else(|| Settings {
            switch_anywhere: self.switch_anywhere,
            ..self.settings.clone()
        });
        let mut run = Run::with(&self.source, &settings);
        let done = run.is_done();
        self.run = Some(RunRef {
            run: Rc::new(RefCell::new(run)),
            tick: 0,
        });
        self.run_id += 1;
        self.phase = Phase::Running;
        if done {
            self.finish();
        }
        self.view = TimelineView {
            height: self.view.height,
            ..TimelineView::default()
        };
        self.inspect = None;
        self.detail = None;
        self.folded = Rc::default();
        self.finding = None;
    }

    /// Runs the program at once until its trace holds `events` events, and pauses there; false when it gave up
    /// first (`OPEN_AT_STEPS`).
    fn open_at(&mut self, events: usize) -> bool {
        self.open_with(None, events)
    }

    /// As [`AppState::open_at`], with these settings (see [`AppState::start_run_with`]).
    pub(crate) fn open_with(&mut self, settings: Option<Settings>, events: usize) -> bool {
        self.start_run_with(settings);
        let Some(r) = self.run.clone() else {
            return true;
        };
        let reached = r.run.borrow_mut().run_to_events(events, OPEN_AT_STEPS);
        self.finish();
        if self.phase == Phase::Running {
            self.phase = Phase::Paused;
        }
        let run = r.run.borrow();
        if run.trace().events.len() > events {
            self.inspect = Some(run.state_after(events));
        }
        reached
    }

    pub(crate) fn finish(&mut self) {
        if let Some(r) = &self.run {
            if let interleave::session::Status::Done { exit_code } = r.run.borrow_mut().status() {
                self.phase = Phase::Done { exit_code };
            }
        }
    }

    fn clear_run(&mut self) {
        self.run = None;
        self.phase = Phase::Idle;
        self.inspect = None;
        self.detail = None;
        self.finding = None;
        self.view = TimelineView {
            height: self.view.height,
            ..TimelineView::default()
        };
    }

    fn bump(&mut self) {
        if let Some(r) = &mut self.run {
            r.tick += 1;
        }
    }

    fn set_viewport(&mut self, viewport: Viewport) {
        self.view.viewport = viewport;
        self.view.follow = false;
    }
}

impl Clone for AppState {
    fn clone(&self) -> Self {
        AppState {
            source: self.source.clone(),
            run: self.run.clone(),
            inspect: self.inspect.clone(),
            drive_generation: self.drive_generation.clone(),
            notice: self.notice.clone(),
            settings: self.settings.clone(),
            folded: self.folded.clone(),
            sched: self.sched.clone(),
            ..*self
        }
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Edit(text) => {
                s.source = text.into();
                s.sched.program_changed();
            }
            Action::LoadExample(i) => {
                if let Some(example) = EXAMPLES.get(i) {
                    s.settings = crate::schedule::fresh_settings(&s.settings);
                    s.source = example.source.into();
                    s.source_rev += 1;
                    s.example = Some(i);
                    s.clear_run();
                    s.sched.program_changed();
                }
            }
            Action::Load(text) => {
                s.settings = crate::schedule::fresh_settings(&s.settings);
                s.source = text.into();
                s.source_rev += 1;
                s.example = None;
                s.clear_run();
                s.sched.program_changed();
            }
            Action::OpenAt(events) => {
                if !s.open_at(events) {
                    s.notice =
                        Some("The link's moment in the run could not be reached; this is as far as it got.".into());
                }
            }
            Action::OpenRun(file) => {
                s.source = file.code.as_str().into();
                s.source_rev += 1;
                s.example = None;
                s.switch_anywhere = file.settings.switch_anywhere;
                s.settings = file.settings.clone();
                // A finished run runs to its end; one saved on the way, to where it was.
                let events = if file.exit_status.is_some() {
                    usize::MAX
                } else {
                    file.trace.events.len()
                };
                let reached = s.open_at(events);
                let same = s.run.as_ref().is_some_and(|r| {
                    let run = r.run.borrow();
                    match file.exit_status {
                        Some(_) => same_trace(run.trace(), &file.trace),
                        None => starts_with(run.trace(), &file.trace),
                    }
                });
                s.notice = match (reached, same) {
                    (true, true) => None,
                    (false, _) => {
                        Some("The saved run could not be replayed to its end here; this is as far as it got.".into())
                    }
                    (true, false) => Some(
                        "This page runs the saved program differently (the file was saved by another version of \
                         Interleave, or changed), so this is this page's run of its code, not the saved one."
                            .into(),
                    ),
                };
            }
            Action::Pause => {
                if s.phase.is_driven() {
                    s.phase = Phase::Paused;
                }
            }
            Action::RunOrResume => {
                if s.phase == Phase::Paused {
                    s.phase = Phase::Running;
                    s.inspect = None;
                } else {
                    s.start_run();
                }
            }
            Action::Notice(notice) => s.notice = notice,
            Action::Run => s.start_run(),
            Action::TogglePause => {
                s.phase = match s.phase {
                    Phase::Running | Phase::Stepping => Phase::Paused,
                    Phase::Paused => Phase::Running,
                    other => other,
                };
                if s.phase == Phase::Running {
                    s.inspect = None;
                }
            }
            Action::Step => {
                if !s.phase.is_live() {
                    s.start_run();
                }
                if s.phase.is_live() {
                    s.phase = Phase::Stepping;
                    s.inspect = None;
                }
            }
            Action::Stop => {
                if s.phase.is_live() {
                    s.phase = Phase::Stopped;
                }
            }
            Action::Reset => s.clear_run(),
            Action::SetSpeed(speed) => s.speed = speed,
            Action::SetSwitchAnywhere(on) => s.switch_anywhere = on,
            Action::SetNet(net) => s.settings.net = net,
            Action::Progressed(end) => {
                s.bump();
                match end {
                    SliceEnd::Done { .. } => s.finish(),
                    SliceEnd::Stuck if s.phase.is_driven() => s.phase = Phase::Stuck,
                    SliceEnd::Stepped if s.phase == Phase::Stepping => s.phase = Phase::Paused,
                    SliceEnd::Choice if s.phase.is_driven() => s.phase = Phase::Paused,
                    _ => {}
                }
                s.sched.sync(s.run.as_ref());
            }
            Action::SetTheme(theme) => s.theme = theme,
            Action::Zoom { factor, anchor } => s.set_viewport(s.viewport().zoom(factor, anchor)),
            Action::Pan(by) => s.set_viewport(s.viewport().pan(by)),
            Action::Fit => s.view.follow = true,
            Action::ScrollLanes { top, height } => {
                s.view.scroll_top = top;
                s.view.height = height;
            }
            Action::Inspect(t) => {
                if let Some(r) = &s.run {
                    if s.phase.is_driven() {
                        s.phase = Phase::Paused;
                    }
                    s.inspect = Some(r.run.borrow().state_at_time(t));
                }
            }
            Action::InspectBy(delta) => {
                if let Some(r) = &s.run {
                    let run = r.run.borrow();
                    let total = run.trace().events.len();
                    let from = s.inspect.as_ref().map_or(total, |i| i.events);
                    let to = (from as i64 + delta).clamp(0, total as i64) as usize;
                    let inspection = run.state_after(to);
                    drop(run);
                    if s.phase.is_driven() {
                        s.phase = Phase::Paused;
                    }
                    s.inspect = Some(inspection);
                }
            }
            Action::EndInspect => s.inspect = None,
            Action::Describe(detail) => {
                if s.detail == detail {
                    return self;
                }
                s.detail = detail;
            }
            Action::SelectFinding(f) => {
                s.finding = if f == s.finding { None } else { f };
                // A finding with stretches or moments (a lost update, a blocked loop) is zoomed to, so that they
                // show however short they are.
                let stretch = s.selected_finding().and_then(|f| {
                    let times = f
                        .windows
                        .iter()
                        .flat_map(|w| [w.from, w.to])
                        .chain(f.marks.iter().map(|m| m.at));
                    Some((times.clone().min()?, times.max()?))
                });
                if let Some((from, to)) = stretch {
                    s.set_viewport(Viewport::around(from, to));
                }
            }
            Action::Fold(p) => {
                let folded = Rc::make_mut(&mut s.folded);
                match folded.iter().position(|&f| f == p) {
                    Some(at) => _ = folded.swap_remove(at),
                    None => folded.push(p),
                }
            }
            Action::Schedule(msg) => crate::schedule::reduce(&mut s, msg),
        }
        if s.drive() != self.drive() {
            s.drive_generation.set(s.drive_generation.get() + 1);
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reduce(state: Rc<AppState>, actions: Vec<Action>) -> Rc<AppState> {
        actions.into_iter().fold(state, Reducible::reduce)
    }

    fn fresh() -> Rc<AppState> {
        Rc::new(AppState::new("print('hi')\n".into(), Theme::System))
    }

    #[test]
    fn stop_changes_the_drive_generation_at_once() {
        let s = reduce(fresh(), vec![Action::Run]);
        let before = s.drive_generation.get();
        let s = reduce(s, vec![Action::Stop]);
        if s.phase == Phase::Stopped {
            assert_ne!(s.drive_generation.get(), before);
        }
        assert_eq!(s.drive().1, None);
    }

    #[test]
    fn a_new_speed_while_running_restarts_the_driver() {
        let s = reduce(fresh(), vec![Action::Run]);
        let key = s.drive();
        let s = reduce(s, vec![Action::SetSpeed(Speed::Ten)]);
        if key.1.is_some() {
            assert_ne!(s.drive(), key);
        }
    }

    #[test]
    fn loading_an_example_replaces_the_code_and_clears_the_run() {
        let s = reduce(fresh(), vec![Action::Run, Action::LoadExample(2)]);
        assert_eq!(&*s.source, EXAMPLES[2].source);
        assert_eq!(s.source_rev, 1);
        assert!(s.run.is_none() && s.phase == Phase::Idle);
    }

    #[test]
    fn describing_the_same_segment_again_keeps_the_state() {
        let s = reduce(fresh(), vec![Action::Describe(Some((1, 2)))]);
        let again = Reducible::reduce(s.clone(), Action::Describe(Some((1, 2))));
        assert!(Rc::ptr_eq(&s, &again));
    }

    #[test]
    fn zooming_stops_following_and_fit_resumes_it() {
        let s = reduce(
            fresh(),
            vec![Action::Zoom {
                factor: 0.5,
                anchor: 0.0,
            }],
        );
        assert!(!s.view.follow);
        assert_eq!(s.view.viewport.span, crate::layout::DEFAULT_SPAN / 2);
        assert!(reduce(s, vec![Action::Fit]).view.follow);
    }

    #[test]
    fn selecting_a_finding_toggles_and_a_new_run_clears_it() {
        let s = reduce(fresh(), vec![Action::SelectFinding(Some(0))]);
        assert_eq!(s.finding, Some(0));
        assert_eq!(reduce(s.clone(), vec![Action::SelectFinding(Some(0))]).finding, None);
        assert_eq!(reduce(s.clone(), vec![Action::SelectFinding(Some(1))]).finding, Some(1));
        assert_eq!(reduce(s, vec![Action::Run]).finding, None);
    }

    #[test]
    fn a_gallery_deadlock_is_found_and_its_finding_can_be_selected() {
        let i = EXAMPLES
            .iter()
            .position(|e| e.title == "Deadlock with two locks")
            .unwrap();
        let s = reduce(fresh(), vec![Action::LoadExample(i), Action::OpenAt(usize::MAX)]);
        let s = reduce(s, vec![Action::SelectFinding(Some(0))]);
        let f = s.selected_finding().expect("a finding");
        assert_eq!(f.kind.as_str(), "deadlock");
        assert_eq!(f.cycle.len(), 2);
    }

    #[test]
    fn selecting_a_lost_update_zooms_to_its_windows() {
        let i = EXAMPLES
            .iter()
            .position(|e| e.title == "Lost update, then a Lock")
            .unwrap();
        let s = reduce(fresh(), vec![Action::LoadExample(i), Action::OpenAt(usize::MAX)]);
        assert!(s.view.follow);
        let s = reduce(s, vec![Action::SelectFinding(Some(0))]);
        let f = s.selected_finding().expect("a finding");
        assert_eq!(f.kind.as_str(), "lost-update");
        assert!(!s.view.follow);
        let v = s.view.viewport;
        for m in &f.marks {
            let x = v.fraction(m.at);
            assert!((0.3..=0.7).contains(&x), "{:?} at {x}", m);
        }
    }

    #[test]
    fn editing_keeps_the_revision() {
        let s = reduce(fresh(), vec![Action::Edit("x = 1".into())]);
        assert_eq!((&*s.source, s.source_rev), ("x = 1", 0));
    }

    /// A gallery example run to its end (or, with `events`, paused after that many events), saved as a file.
    fn saved(example: usize, events: Option<usize>) -> String {
        let fresh = Rc::new(AppState::new(EXAMPLES[example].source.into(), Theme::System));
        let s = match events {
            Some(n) => reduce(fresh, vec![Action::OpenAt(n)]),
            None => reduce(fresh, vec![Action::OpenAt(usize::MAX)]),
        };
        let r = s.run.as_ref().unwrap();
        let text = r.run.borrow_mut().to_file();
        text
    }

    #[test]
    fn an_opened_run_file_shows_the_same_run_again() {
        for (example, events) in [(0, None), (EXAMPLES.len() - 1, None), (3, Some(25))] {
            let text = saved(example, events);
            let file = interleave::runfile::read(&text).unwrap();
            let s = reduce(fresh(), vec![Action::OpenRun(Rc::new(file.clone()))]);
            assert_eq!(s.notice, None);
            assert_eq!(&*s.source, EXAMPLES[example].source);
            let r = s.run.as_ref().unwrap();
            assert!(starts_with(r.run.borrow().trace(), &file.trace));
            match events {
                None => {
                    assert!(matches!(s.phase, Phase::Done { .. }), "{:?}", s.phase);
                    // Saving it again writes the same file.
                    assert!(same_trace(r.run.borrow().trace(), &file.trace));
                    assert_eq!(r.run.borrow_mut().to_file(), text);
                }
                Some(_) => assert_eq!(s.phase, Phase::Paused),
            }
        }
    }

    #[test]
    fn a_changed_run_file_is_shown_as_this_page_runs_it_with_a_notice() {
        let mut file = interleave::runfile::read(&saved(0, None)).unwrap();
        file.trace.texts[0].push('!');
        let s = reduce(fresh(), vec![Action::OpenRun(Rc::new(file))]);
        assert!(s.notice.as_deref().unwrap().contains("not the saved one"));
        assert!(s.run.is_some());
    }
}
