//! The root component: holds the one state, starts and stops the driver, and lays the panes out.

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

use crate::components::controls::{Controls, Progress};
use crate::components::editor::Editor;
use crate::components::export::Export;
use crate::components::findings::FindingsPanel;
use crate::components::gallery::Gallery;
use crate::components::loop_panel::LoopPanel;
use crate::components::network;
use crate::components::output::Output;
use crate::components::schedule::{self as schedule_panel, SchedulePanel};
use crate::components::share::{self, Share};
use crate::components::timeline::{Moment, Navigate, Timeline};
use crate::driver::Driver;
use crate::embed::Params;
use crate::examples::EXAMPLES;
use crate::link::{LinkError, Shared};
use crate::marks::{error_mark, task_lines};
use crate::pacing::SliceEnd;
use crate::state::{Action, AppState, Phase, Theme};
use crate::{embed, messages, storage};

/// How long after the page shows that the runtime is compiled ahead of the first Run.
const WARM_UP_MS: u32 = 400;
/// The pause between the runtime modules compiled after it.
const WARM_STEP_MS: u32 = 150;

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
    /// The share link in the page's fragment, read (inflating is asynchronous, so [`crate::start`] reads it
    /// before the app starts).
    #[prop_or_default]
    pub link: Option<Result<Shared, LinkError>>,
}

/// What the page's URL asks for: embed mode's parameters, and the share link in its fragment, if any.
#[derive(PartialEq)]
struct Startup {
    params: Params,
    link: Option<Result<Shared, LinkError>>,
}

fn startup(link: Option<Result<Shared, LinkError>>) -> Startup {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    Startup {
        params: embed::parse(&search),
        link,
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let start = use_memo((), {
        let link = props.link.clone();
        move |_| startup(link)
    });
    let params = &start.params;
    let embedded = params.embed;
    let shared = start.link.as_ref().and_then(|l| l.as_ref().ok());
    let state = {
        let initial = props.initial.clone();
        let start = start.clone();
        use_reducer(move || {
            let params = &start.params;
            let shared = start.link.as_ref().and_then(|l| l.as_ref().ok());
            let example = params.example.map(|i| EXAMPLES[i].source.to_string());
            let saved = if params.embed { None } else { storage::load_code() };
            let source = initial
                .or_else(|| shared.map(|s| s.code.clone()))
                .or(example)
                .or(saved)
                .unwrap_or_else(|| EXAMPLES[0].source.to_string());
            let theme = match params.theme {
                _ if !params.embed => storage::load_theme(),
                Some(theme) => theme,
                None => Theme::System,
            };
            let mut state = AppState::new(source, theme);
            state.example = params.example;
            if let Some(shared) = shared {
                state.speed = shared.speed;
                state.switch_anywhere = shared.switch_anywhere;
                state.settings.net = shared.net.clone();
                state.settings.scheduler = shared.scheduler;
                state.settings.seed = shared.seed;
                state.settings.choices = shared.choices.clone();
            }
            if let Some(speed) = params.speed {
                state.speed = speed;
            }
            if let Some(Err(e)) = &start.link {
                state.notice = Some(e.to_string().into());
            }
            state
        })
    };

    // A link's moment in the run, or autoplay, once the page is up.
    {
        let dispatcher = state.dispatcher();
        let at = shared.and_then(|s| s.at);
        let autoplay = params.autoplay || shared.is_some_and(|s| s.autoplay);
        use_effect_with((), move |_| match at {
            Some(at) => dispatcher.dispatch(Action::OpenAt(at)),
            None if autoplay => dispatcher.dispatch(Action::Run),
            None => {}
        });
    }

    // The learner's code survives a reload, but an embed's never replaces it, nor does a shared link's
    // until the learner edits it.
    {
        let unsaved = use_mut_ref(|| embedded || shared.is_some());
        let first = use_mut_ref(|| true);
        use_effect_with(state.source.clone(), move |source| {
            let first = std::mem::replace(&mut *first.borrow_mut(), false);
            if !(embedded || (first && *unsaved.borrow())) {
                storage::save_code(source);
            }
        });
    }
    // Compile the asyncio runtime once while the learner reads, so that pressing Run does not stall a frame
    // (the engine keeps compiled runtime modules for the page's lifetime).
    // Then the modules of threads and processes, one a tick, so that no tick is long.
    use_effect_with((), |_| {
        let warm = gloo_timers::callback::Timeout::new(WARM_UP_MS, interleave::vm::import::precompile_runtime);
        let modules: Vec<_> = (interleave::vm::import::WARM_MODULES.iter().enumerate())
            .map(|(i, name)| {
                let at = WARM_UP_MS + WARM_STEP_MS * (i as u32 + 1);
                gloo_timers::callback::Timeout::new(at, || interleave::vm::import::precompile_module(name))
            })
            .collect();
        move || drop((warm, modules))
    });
    use_effect_with(state.theme, move |theme| match embedded {
        true => storage::show_theme(*theme),
        false => storage::apply_theme(*theme),
    });

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

    // The all-outcomes exploration goes on in slices while it runs; a new one or Stop replaces the driver.
    {
        let dispatcher = state.dispatcher();
        let exploration = state.sched.explore.clone().filter(|e| e.is_running());
        let key = exploration.as_ref().map(|e| Rc::as_ptr(e) as usize);
        use_effect_with(key, move |_| {
            let driver = exploration.map(|e| {
                let onprogress =
                    Callback::from(move |_| dispatcher.dispatch(Action::Schedule(crate::schedule::Msg::Explored)));
                crate::driver::explore(e, onprogress)
            });
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

    // An embed's messages to and from its parent page.
    let root = use_node_ref();
    let open_link = use_node_ref();
    {
        let bridge = use_memo((), {
            let params = params.clone();
            move |_| {
                params
                    .embed
                    .then(|| messages::Bridge::new(params.id.clone(), params.origin.clone()))
                    .flatten()
            }
        });
        {
            let (bridge, dispatcher, root) = (bridge.clone(), state.dispatcher(), root.clone());
            use_effect_with((), move |_| {
                let listening = (*bridge).as_ref().map(|b| {
                    let listener = b.listen(move |action| dispatcher.dispatch(action));
                    b.post("ready", &[]);
                    let observer = observe_height(b.clone(), root);
                    (listener, observer)
                });
                move || drop(listening)
            });
        }
        // New output since the last report, stream by stream.
        let reported = use_mut_ref(|| (0usize, 0usize, 0usize));
        let tick = state.run.as_ref().map(|r| (Rc::as_ptr(&r.run) as usize, r.tick));
        {
            let (bridge, run) = (bridge.clone(), state.run.clone());
            use_effect_with(tick, move |tick| {
                let (Some(b), Some(r), Some((key, _))) = (&*bridge, run, tick) else {
                    return;
                };
                let mut guard = reported.borrow_mut();
                if guard.0 != *key {
                    *guard = (*key, 0, 0);
                }
                let (_, out_sent, err_sent) = &mut *guard;
                let run = r.run.borrow();
                let (out, err) = run.printed();
                for (stream, text, from) in [("stdout", out, out_sent), ("stderr", err, err_sent)] {
                    if let Some(new) = text.get(*from..).filter(|t| !t.is_empty()) {
                        b.post("output", &[("stream", stream.into()), ("text", new.into())]);
                        *from = text.len();
                    }
                }
            });
        }
        let run = state.run.clone();
        use_effect_with(state.phase, move |phase| {
            let Some(b) = &*bridge else {
                return;
            };
            b.post("status", &[("status", messages::status(*phase).into())]);
            if let (Phase::Done { exit_code }, Some(r)) = (phase, run) {
                let run = r.run.borrow();
                let (out, err) = run.printed();
                b.post(
                    "finished",
                    &[
                        ("exitStatus", (*exit_code).into()),
                        ("stdout", out.into()),
                        ("stderr", err.into()),
                    ],
                );
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
    let onfold = with(&state, Action::Fold);
    let onselectfinding = with(&state, Action::SelectFinding);
    let finding = state.selected_finding();
    let flagged = Rc::new(finding.as_ref().map_or_else(Vec::new, |f| f.lines.clone()));
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
            } else if let Some(msg) = schedule_panel::key(&e) {
                e.prevent_default();
                state.dispatch(Action::Schedule(msg));
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
    let make_link = {
        let state = state.clone();
        Callback::from(move |_: ()| state.shared())
    };
    let notice = state.notice.clone().map(|text| {
        html! {
            <p class="notice" role="alert">
                <span>{ text.to_string() }</span>
                <button type="button" onclick={on(&state, || Action::Notice(None))}>{ "Dismiss" }</button>
            </p>
        }
    });
    let panels = if embedded { params.panels } else { embed::Panels::ALL };
    let controls = html! {
        <Controls phase={state.phase} speed={state.speed} switch_anywhere={state.switch_anywhere}
                  {progress} {onrun} {onpause} {onstep} {onstop} {onreset} {onspeed} {onswitch} />
    };
    let editor = html! {
        <Editor source={state.source.clone()} revision={state.source_rev} marks={Rc::new(marks)}
                {error} {onedit} onrun={on(&state, || Action::Run)} readonly={embedded && params.readonly}
                {flagged} />
    };
    let candidates = Rc::new(
        crate::schedule::position(&state)
            .and_then(|(_, p)| p)
            .map_or_else(Vec::new, |p| crate::schedule::lane_candidates(&p)),
    );
    let onpick = with(&state, |c| Action::Schedule(crate::schedule::Msg::Choose(c)));
    let timeline = html! {
        <Timeline run={state.run.clone()} viewport={state.viewport()}
                  scroll_top={state.view.scroll_top} height={state.view.height}
                  inspect={moment} detail={state.detail}
                  inspectable={state.run.is_some()} folded={state.folded.clone()} finding={finding.clone()}
                  candidates={candidates.clone()} onchoose={onpick.clone()}
                  divergence={crate::schedule::divergence(&state.sched)}
                  {onnavigate} {onscroll} {oninspect} {onstepinspect} {onendinspect} {ondescribe} {onfold} />
    };
    let loop_panel = html! {
        <LoopPanel run={state.run.clone()} inspect={state.inspect.clone()} candidates={candidates.clone()}
                   onchoose={onpick.clone()} />
    };
    let output = html! { <Output run={state.run.clone()} inspect={state.inspect.clone()} /> };
    let ended = matches!(state.phase, Phase::Done { .. } | Phase::Stuck);
    let schedule = html! {
        <SchedulePanel run={state.run.clone()} sched={state.sched.clone()} strategy={state.settings.scheduler}
                       seed={state.settings.seed} phase={state.phase} onmsg={with(&state, Action::Schedule)} />
    };
    let findings = html! {
        <FindingsPanel run={state.run.clone()} inspect={state.inspect.clone()} selected={state.finding}
                       onselect={onselectfinding} {ended} />
    };

    {
        let anchor = open_link.clone();
        let made = use_mut_ref(|| 0u64);
        use_effect_with(embedded.then(|| state.shared()), move |shared| {
            let Some(shared) = shared.clone() else {
                return;
            };
            let ticket = {
                let mut made = made.borrow_mut();
                *made += 1;
                *made
            };
            wasm_bindgen_futures::spawn_local(async move {
                let Ok(url) = share::full_page_link(&shared).await else {
                    return;
                };
                // Only the latest change's link, whichever finishes first.
                if *made.borrow() == ticket {
                    if let Some(a) = anchor.cast::<web_sys::Element>() {
                        let _ = a.set_attribute("href", &url);
                    }
                }
            });
        });
    }

    if embedded {
        // The footer's link follows the code and the moment shown (deflating is asynchronous, so the link is
        // made ahead of a click, a little after each change).
        let show = |on: bool, html: Html| if on { html } else { Html::default() };
        return html! {
            <div class="app app-embed" {onkeydown} ref={root}>
                { for notice }
                <section class="pane pane-code" aria-label="Program" hidden={!(panels.editor || panels.controls)}>
                    if panels.editor {
                        <div class="embed-editor" style={format!("--ed-lines: {}", state.source.lines().count().max(3))}>
                            { editor }
                        </div>
                    }
                    { show(panels.controls, controls) }
                </section>
                <section class="pane pane-live" aria-label="Live view"
                         hidden={!(panels.timeline || panels.loop_panel || panels.output)}>
                    { show(panels.timeline, timeline) }
                    <div class="panels">
                        { show(panels.loop_panel, loop_panel) }
                        { show(panels.output, output) }
                    </div>
                </section>
                <p class="embed-footer">
                    <a href="./" target="_blank" rel="noopener" ref={open_link}>
                        { "Open in Interleave" }
                    </a>
                </p>
            </div>
        };
    }

    html! {
        <div class="app" {onkeydown} ref={root}>
            <header class="app-header">
                <h1>{ "Interleave" }</h1>
                <p class="app-tagline">{ "Edit a small asyncio, threading or multiprocessing program, run it, and watch its tasks, threads and processes take turns." }</p>
                <Share make={make_link} />
                <Export run={state.run.clone()} onopen={with(&state, Action::OpenRun)}
                        onproblem={with(&state, |text: String| Action::Notice(Some(text.into())))} />
                <a class="authors-link" href="authors.html">{ "Embed in your tutorial" }</a>
                <button type="button" class="theme-toggle" aria-pressed={dark.to_string()} onclick={ontheme}>
                    { "Dark theme" }
                </button>
            </header>
            { for notice }
            <Gallery selected={state.example} {onchoose} />
            <main class="workspace">
                <section class="pane pane-code" aria-label="Program">
                    { controls }
                    if network::uses_network(&state.source) || state.settings.net != Default::default() {
                        <network::NetSettings net={state.settings.net.clone()} onchange={with(&state, Action::SetNet)} />
                    }
                    { editor }
                </section>
                <section class="pane pane-live" aria-label="Live view">
                    { timeline }
                    <div class="panels">
                        { schedule }
                        { findings }
                        { loop_panel }
                        { output }
                    </div>
                </section>
            </main>
        </div>
    }
}

/// Reports the embed's content height to its parent whenever it changes, while the observer lives.
fn observe_height(bridge: messages::Bridge, root: NodeRef) -> Option<(web_sys::ResizeObserver, Closure<dyn FnMut()>)> {
    let element = root.cast::<web_sys::Element>()?;
    let last = std::cell::Cell::new(0i32);
    let target = element.clone();
    let report = move || {
        let height = target.get_bounding_client_rect().height().ceil() as i32;
        if height != last.replace(height) {
            bridge.post("resize", &[("height", height.into())]);
        }
    };
    // Once now: Chromium does not render a cross-origin frame out of view, so its observer waits until then.
    report();
    let closure = Closure::<dyn FnMut()>::new(report);
    let observer = web_sys::ResizeObserver::new(closure.as_ref().unchecked_ref()).ok()?;
    observer.observe(&element);
    Some((observer, closure))
}
