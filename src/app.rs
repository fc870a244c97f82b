//! The root component: holds the one state, starts and stops the driver, and lays the panes out.

use std::rc::Rc;

use web_sys::KeyboardEvent;
use yew::prelude::*;

use crate::components::controls::{Controls, Progress};
use crate::components::editor::Editor;
use crate::components::gallery::Gallery;
use crate::components::loop_panel::LoopPanel;
use crate::components::output::Output;
use crate::components::timeline::{Moment, Navigate, Timeline};
use crate::driver::Driver;
use crate::examples::EXAMPLES;
use crate::marks::{error_mark, task_lines};
use crate::pacing::SliceEnd;
use crate::state::{Action, AppState, Theme};
use crate::storage;

/// How long after the page shows that the runtime is compiled ahead of the first Run.
const WARM_UP_MS: u32 = 400;

/// A callback that dispatches the same action whatever it is given.
fn on<T: 'static>(state: &UseReducerHandle<AppState>, make: fn() -> Action) -> Callback<T> {
    let state = state.clone();
    Callback::from(move |_| state.dispatch(make()))
}

/// A callback that dispatches the action made from what it is given.
fn with<T: 'static>(state: &UseReducerHandle<AppState>, make: fn(T) -> Action) -> Callback<T> {
    let state = state.clone();
    Callback::from(move |v| state.dispatch(make(v)))
}

#[derive(PartialEq, Properties, Default)]
pub struct AppProps {
    /// The code to start with; by default the saved code, else the first example.
    #[prop_or_default]
    pub initial: Option<String>,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = {
        let initial = props.initial.clone();
        use_reducer(move || {
            let source = initial
                .or_else(storage::load_code)
                .unwrap_or_else(|| EXAMPLES[0].source.to_string());
            AppState::new(source, storage::load_theme())
        })
    };

    use_effect_with(state.source.clone(), |source| storage::save_code(source));
    // Compile the asyncio runtime once while the learner reads, so that pressing Run does not stall a frame
    // (the engine keeps compiled runtime modules for the page's lifetime).
    use_effect_with((), |_| {
        let warm = gloo_timers::callback::Timeout::new(WARM_UP_MS, interleave::vm::import::precompile_runtime);
        move || drop(warm)
    });
    use_effect_with(state.theme, |theme| storage::apply_theme(*theme));

    // The driver runs while the phase says so; a new run, speed or mode replaces it, and dropping it stops it.
    {
        let dispatcher = state.dispatcher();
        let run = state.run.as_ref().map(|r| r.run.clone());
        let generation = state.drive_generation.clone();
        use_effect_with(state.drive(), move |(_, mode)| {
            let driver = match (run, mode) {
                (Some(run), Some(mode)) => {
                    let onprogress = Callback::from(move |end: SliceEnd| dispatcher.dispatch(Action::Progressed(end)));
                    Some(Driver::start(run, *mode, generation, onprogress))
                }
                _ => None,
            };
            move || drop(driver)
        });
    }

    // A run the page stops showing (a new Run, Reset, an example) is freed in slices after the page has
    // answered, not all at once wherever its last handle happens to go.
    {
        let run = state.run.as_ref().map(|r| r.run.clone());
        let key = run.as_ref().map(|r| Rc::as_ptr(r) as usize);
        use_effect_with(key, move |_| {
            move || {
                if let Some(run) = run {
                    crate::driver::bury(run);
                }
            }
        });
    }

    let onrun = on(&state, || Action::Run);
    let onpause = on(&state, || Action::TogglePause);
    let onstep = on(&state, || Action::Step);
    let onstop = on(&state, || Action::Stop);
    let onreset = on(&state, || Action::Reset);
    let onendinspect = on(&state, || Action::EndInspect);
    let onedit = with(&state, Action::Edit);
    let onspeed = with(&state, Action::SetSpeed);
    let onswitch = with(&state, Action::SetSwitchAnywhere);
    let onchoose = with(&state, Action::LoadExample);
    let oninspect = with(&state, Action::Inspect);
    let onstepinspect = with(&state, Action::InspectBy);
    let ondescribe = with(&state, Action::Describe);
    let onscroll = with(&state, |(top, height)| Action::ScrollLanes { top, height });
    let onnavigate = with(&state, |n| match n {
        Navigate::Zoom { factor, anchor } => Action::Zoom { factor, anchor },
        Navigate::Pan(by) => Action::Pan(by),
        Navigate::Fit => Action::Fit,
    });
    let dark = storage::is_dark(state.theme);
    let ontheme = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::SetTheme(if dark { Theme::Light } else { Theme::Dark }))
        })
    };
    let onkeydown = {
        let state = state.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) && !e.default_prevented() {
                e.prevent_default();
                state.dispatch(Action::Run);
            }
        })
    };

    let (progress, marks, error) = match &state.run {
        Some(r) => {
            let run = r.run.borrow();
            let trace = run.trace();
            let shown = state.inspect.as_ref().map_or(&run.replay.state, |i| &*i.state);
            let progress = Progress {
                now: state.now(),
                events: trace.events.len(),
                steps: run.steps(),
            };
            let error = run.error().filter(|_| state.inspect.is_none()).map(error_mark);
            let live = if state.inspect.is_none() { run.position() } else { None };
            // The live state's markers come from the index; an inspected moment's from a scan of its state.
            let marks = match &state.inspect {
                None => crate::index::task_lines(trace, shown, &run.index.marks, live),
                Some(_) => task_lines(trace, shown, live),
            };
            (progress, marks, error)
        }
        None => (Progress::default(), Vec::new(), None),
    };
    let moment = state.inspect.as_ref().map(|i| Moment {
        at: i.at,
        events: i.events,
    });

    html! {
        <div class="app" {onkeydown}>
            <header class="app-header">
                <h1>{ "Interleave" }</h1>
                <p class="app-tagline">{ "Edit a small asyncio or threading program, run it, and watch its tasks and threads take turns." }</p>
                <button type="button" class="theme-toggle" aria-pressed={dark.to_string()} onclick={ontheme}>
                    { "Dark theme" }
                </button>
            </header>
            <Gallery selected={state.example} {onchoose} />
            <main class="workspace">
                <section class="pane pane-code" aria-label="Program">
                    <Controls phase={state.phase} speed={state.speed} switch_anywhere={state.switch_anywhere}
                              {progress} {onrun} {onpause} {onstep} {onstop} {onreset} {onspeed} {onswitch} />
                    <Editor source={state.source.clone()} revision={state.source_rev} marks={Rc::new(marks)}
                            {error} {onedit} onrun={on(&state, || Action::Run)} />
                </section>
                <section class="pane pane-live" aria-label="Live view">
                    <Timeline run={state.run.clone()} viewport={state.viewport()}
                              scroll_top={state.view.scroll_top} height={state.view.height}
                              inspect={moment} detail={state.detail}
                              inspectable={state.run.is_some()}
                              {onnavigate} {onscroll} {oninspect} {onstepinspect} {onendinspect} {ondescribe} />
                    <div class="panels">
                        <LoopPanel run={state.run.clone()} inspect={state.inspect.clone()} />
                        <Output run={state.run.clone()} inspect={state.inspect.clone()} />
                    </div>
                </section>
            </main>
        </div>
    }
}
