//! The Schedule panel: the scheduler's strategy, the choice the run waits at (manual), time travel between
//! choice points, the run's branches side by side, and the all-outcomes view.

use std::rc::Rc;

use interleave::sched::{Kind, Pending, Strategy};
use web_sys::{HtmlInputElement, HtmlSelectElement, KeyboardEvent};
use yew::prelude::*;

use crate::describe::{grouped, seconds};
use crate::run::RunRef;
use crate::schedule::{candidates, question, Branch, Exploration, Msg, Origin, Schedules, MAX_SCHEDULES};
use crate::state::Phase;

#[derive(PartialEq, Properties)]
pub struct ScheduleProps {
    pub run: Option<RunRef>,
    pub sched: Schedules,
    pub strategy: Strategy,
    pub seed: u64,
    pub phase: Phase,
    pub onmsg: Callback<Msg>,
}

/// The strategy selector's value for a strategy.
fn value(s: Strategy) -> &'static str {
    match s {
        Strategy::Cpython | Strategy::Replay => "cpython",
        Strategy::Random => "random",
        Strategy::Pct { .. } => "pct",
        Strategy::Manual => "manual",
    }
}

fn help(s: Strategy) -> &'static str {
    match s {
        Strategy::Cpython | Strategy::Replay => "Every choice is the one CPython makes.",
        Strategy::Random => "Each choice is drawn at random from the seed: the same seed gives the same run.",
        Strategy::Pct { .. } => {
            "Probabilistic concurrency testing: tasks get random priorities and a few drops of priority \
             (as many as the depth, less one), which finds rare orders often."
        }
        Strategy::Manual => "The run stops at every choice and you pick who runs next.",
    }
}

/// `,` and `.` outside text fields (as a video player steps frames): back to the previous choice point and
/// forward along the branch.
pub fn key(e: &KeyboardEvent) -> Option<Msg> {
    if e.ctrl_key() || e.meta_key() || e.alt_key() || e.default_prevented() {
        return None;
    }
    let target = e
        .target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok());
    let editable = |t: &web_sys::Element| {
        matches!(t.tag_name().as_str(), "TEXTAREA" | "INPUT" | "SELECT")
            || t.closest("[contenteditable]").ok().flatten().is_some()
    };
    if target.is_some_and(|t| editable(&t)) {
        return None;
    }
    match e.key().as_str() {
        "," => Some(Msg::Back),
        "." => Some(Msg::Forward),
        _ => None,
    }
}

fn branch_name(i: usize, b: &Branch) -> String {
    let origin = match &b.from {
        Origin::Run(Strategy::Cpython, _) => "CPython's schedule".to_string(),
        Origin::Run(Strategy::Manual, _) => "your choices".to_string(),
        Origin::Run(s, seed) => format!("{}, seed {seed}", s.name()),
        Origin::Fork { branch, choice, at } => {
            format!(
                "from branch {} at choice {} (t = {})",
                branch + 1,
                choice + 1,
                seconds(*at)
            )
        }
        Origin::Witness(o) => format!("outcome {}'s schedule", o + 1),
    };
    format!("Branch {}: {origin}", i + 1)
}

fn outcome_text(b: &Branch) -> String {
    match &b.outcome {
        None => "not finished".into(),
        Some((out, err)) => {
            let mut t = out.trim_end().to_string();
            if let Some(e) = err {
                if !t.is_empty() {
                    t.push('\n');
                }
                t.push_str(e);
            }
            if t.is_empty() {
                "(printed nothing)".into()
            } else {
                t
            }
        }
    }
}

#[function_component(SchedulePanel)]
pub fn schedule_panel(props: &ScheduleProps) -> Html {
    let emit = |m: Msg| {
        let cb = props.onmsg.clone();
        Callback::from(move |_: MouseEvent| cb.emit(m.clone()))
    };
    let seed = props.seed;
    let onstrategy = {
        let cb = props.onmsg.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let s = match select.value().as_str() {
                "random" => Strategy::Random,
                "pct" => Strategy::Pct { depth: 3 },
                "manual" => Strategy::Manual,
                _ => Strategy::Cpython,
            };
            cb.emit(Msg::Strategy(s));
        })
    };
    let onseed = {
        let cb = props.onmsg.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Ok(v) = input.value().trim().parse::<u64>() {
                cb.emit(Msg::Seed(v));
            }
        })
    };
    let ondepth = {
        let cb = props.onmsg.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Ok(d) = input.value().trim().parse::<u32>() {
                cb.emit(Msg::Strategy(Strategy::Pct { depth: d.clamp(1, 64) }));
            }
        })
    };
    let strategy = props.strategy;
    let settings = html! {
        <div class="sc-settings">
            <label>
                <span>{ "Scheduler" }</span>
                <select aria-label="Scheduler" onchange={onstrategy}
                        title="Who runs next where several could: takes effect at the next Run">
                    <option value="cpython" selected={value(strategy) == "cpython"}>{ "CPython" }</option>
                    <option value="random" selected={value(strategy) == "random"}>{ "Random" }</option>
                    <option value="pct" selected={value(strategy) == "pct"}>{ "PCT" }</option>
                    <option value="manual" selected={value(strategy) == "manual"}>{ "Manual: you choose" }</option>
                </select>
            </label>
            if matches!(strategy, Strategy::Random | Strategy::Pct { .. }) {
                <label>
                    <span>{ "Seed" }</span>
                    <input type="number" min="0" class="sc-number" aria-label="Seed" value={seed.to_string()}
                           onchange={onseed} />
                </label>
            }
            if let Strategy::Pct { depth } = strategy {
                <label>
                    <span>{ "Depth" }</span>
                    <input type="number" min="1" max="64" class="sc-number" aria-label="Depth"
                           value={depth.to_string()} onchange={ondepth} />
                </label>
            }
            <span class="sc-help">{ help(strategy) }</span>
        </div>
    };

    let run = props.run.as_ref().map(|r| r.run.borrow());
    let session = run.as_ref().and_then(|r| r.session());
    let branch = props.sched.branch();
    let made = session.map_or(0, |s| s.choices().len());
    let pending: Option<Pending> = session.and_then(|s| s.pending_choice().cloned());
    let known = branch.map_or(0, |b| b.log.len());

    let choice = pending.as_ref().zip(run.as_ref()).map(|(p, r)| {
        let names = candidates(r.trace(), p);
        let taken = branch.and_then(|b| b.log.get(made).copied());
        let detail = match (p.kind, r.position()) {
            (Kind::Switch, Some((_, line))) if line > 0 => {
                format!(" The running thread is at line {line}; another thread waits for the GIL.")
            }
            (Kind::Switch, _) => " Another thread waits for the GIL.".to_string(),
            (Kind::Ready, _) => " Several tasks are in the ready queue.".to_string(),
            (Kind::Gil, _) => " Several threads wait for the GIL.".to_string(),
        };
        html! {
            <div class="sc-choice" role="group" aria-labelledby="sc-question">
                <p id="sc-question">
                    <strong>{ question(p) }</strong>
                    { format!(" Choice {}.{detail}", made + 1) }
                </p>
                <ul class="sc-candidates">
                    { for names.iter().enumerate().map(|(i, name)| {
                        let i = i as u32;
                        html! {
                            <li>
                                <button type="button" class="sc-candidate" onclick={emit(Msg::Choose(i))}>
                                    { name.clone() }
                                    if i == 0 { <span class="sc-badge">{ "CPython's choice" }</span> }
                                    if taken == Some(i) && known > made {
                                        <span class="sc-badge sc-taken">{ "this branch's" }</span>
                                    }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            </div>
        }
    });

    let differs = session.and_then(|s| {
        let first = s.choices().iter().position(|c| c.chosen != 0)?;
        let at = s.trace().events.get(s.choices()[first].event).map_or(0, |e| e.at);
        Some(html! {
            <p class="sc-note" role="note">
                <strong>{ "A schedule CPython would not pick." }</strong>
                { format!(" From choice {} (t = {}), this run takes another candidate than CPython.", first + 1, seconds(at)) }
            </p>
        })
    });

    let travel = props.run.as_ref().map(|_| {
        let position = match (&pending, known) {
            (Some(_), _) => format!("At choice {} of {}", made + 1, known.max(made + 1)),
            (None, 0) => "No choice yet".to_string(),
            (None, _) => format!("Past choice {made} of {known}"),
        };
        let can_continue = pending.is_some() && strategy != Strategy::Manual;
        html! {
            <div class="sc-travel" role="toolbar" aria-label="Time travel">
                <button type="button" onclick={emit(Msg::Back)} title="Back to the previous choice point (,)"
                        aria-keyshortcuts=",">{ "◀ Back" }</button>
                <span class="sc-position">{ position }</span>
                <button type="button" onclick={emit(Msg::Forward)} disabled={made >= known}
                        title="Forward along this branch (.)" aria-keyshortcuts=".">{ "Forward ▶" }</button>
                if can_continue {
                    <button type="button" onclick={emit(Msg::Continue)}>
                        { format!("Go on by {}", if strategy == Strategy::Cpython { "CPython".to_string() } else { strategy.name() }) }
                    </button>
                }
            </div>
        }
    });

    let branches = (props.sched.branches.len() > 1).then(|| {
        let current = props.sched.current;
        let compare = props.sched.branches.get(current).and_then(|b| {
            let other = b.compare?;
            Some((other, props.sched.branches.get(other)?, b))
        });
        html! {
            <div class="sc-branches">
                <h3>{ "Branches" }</h3>
                <ol>
                    { for props.sched.branches.iter().enumerate().map(|(i, b)| html! {
                        <li>
                            <button type="button" class="sc-branch" aria-current={(i == current).then_some("true")}
                                    onclick={emit(Msg::Branch(i))}>
                                <span>{ branch_name(i, b) }</span>
                                <code>{ outcome_text(b) }</code>
                            </button>
                        </li>
                    }) }
                </ol>
                if let Some((parent, p, b)) = compare {
                    <div class="sc-diff" aria-label="Outputs side by side">
                        <figure>
                            <figcaption>{ format!("Branch {}", parent + 1) }</figcaption>
                            <pre>{ outcome_text(p) }</pre>
                        </figure>
                        <figure>
                            <figcaption>{ format!("Branch {} (shown)", current + 1) }</figcaption>
                            <pre>{ outcome_text(b) }</pre>
                        </figure>
                    </div>
                }
            </div>
        }
    });

    let explore = outcomes(props.sched.explore.as_ref(), &emit);
    drop(run);

    html! {
        <section class="schedule" aria-labelledby="sched-title">
            <h2 id="sched-title">{ "Schedule" }</h2>
            { settings }
            { for choice }
            { for differs }
            { for travel }
            { for branches }
            { explore }
        </section>
    }
}

fn outcomes(explore: Option<&Rc<Exploration>>, emit: &impl Fn(Msg) -> Callback<MouseEvent>) -> Html {
    let Some(e) = explore else {
        return html! {
            <div class="sc-outcomes">
                <button type="button" onclick={emit(Msg::Explore)}>{ "All outcomes" }</button>
                <span class="sc-help">{ "Runs the program under every schedule (small programs) and counts what each prints." }</span>
            </div>
        };
    };
    let report = e.report.borrow();
    let running = e.is_running();
    let runs = report.runs;
    let n = report.outcomes.len();
    let plural = |k: usize, w: &str| format!("{} {w}{}", grouped(k as u64), if k == 1 { "" } else { "s" });
    let took = format!("{:.1} s", e.spent_ms.get() / 1000.0);
    let status = if running {
        format!(
            "Exploring: {} run, {} so far.",
            plural(runs, "schedule"),
            plural(n, "outcome")
        )
    } else if report.complete {
        format!(
            "Complete: every schedule was run ({}; {} in {took}), {}.",
            plural(report.schedules, "distinct schedule"),
            plural(runs, "run"),
            plural(n, "outcome")
        )
    } else {
        match &report.stopped {
            // The preemption bound is where the exploration means to end: schedules forcing more switches
            // than that are rarely needed to find an outcome.
            Some(why) if why.starts_with("the bound") => format!(
                "Done: every schedule with at most {} forced thread switches ({}; {} in {took}), {}.",
                interleave::sched::explore::Options::default().preemptions,
                plural(report.schedules, "distinct schedule"),
                plural(runs, "run"),
                plural(n, "outcome")
            ),
            Some(why) => format!(
                "Stopped: {why}. {} run, {}.",
                plural(runs, "schedule"),
                plural(n, "outcome")
            ),
            None => format!(
                "Stopped by you after {}: {} so far.",
                plural(runs, "schedule"),
                plural(n, "outcome")
            ),
        }
    };
    let total = report.schedules.max(1);
    html! {
        <div class="sc-outcomes">
            <h3>{ "All outcomes" }</h3>
            <div class="sc-progress">
                // Over, the bar is full whatever the limit: it shows the work left, not the limit's use.
                <progress max={MAX_SCHEDULES.to_string()}
                          value={if running { runs } else { MAX_SCHEDULES }.to_string()}
                          aria-label="Schedules explored" />
                if running {
                    <button type="button" onclick={emit(Msg::StopExplore)}>{ "Stop exploring" }</button>
                } else {
                    <button type="button" onclick={emit(Msg::Explore)}>{ "Explore again" }</button>
                }
            </div>
            <p class="sc-status" role="status">{ status }</p>
            <ol class="sc-histogram" aria-label="Outcomes">
                { for report.outcomes.iter().enumerate().map(|(i, o)| {
                    let mut text = o.stdout.trim_end().to_string();
                    if let Some(err) = &o.error {
                        if !text.is_empty() { text.push('\n'); }
                        text.push_str(err);
                    }
                    let share = o.count as f64 / total as f64 * 100.0;
                    html! {
                        <li>
                            <button type="button" class="sc-outcome" onclick={emit(Msg::Witness(i))}
                                    title="Play this outcome's schedule on the timeline">
                                <span class="sc-bar" style={format!("width: {share:.1}%")}></span>
                                <span class="sc-count">{ plural(o.count, "schedule") }</span>
                                <code class={classes!("sc-out", o.error.is_some().then_some("sc-error"))}>{ text }</code>
                                <span class="sc-open">{ "Open its schedule" }</span>
                            </button>
                        </li>
                    }
                }) }
            </ol>
        </div>
    }
}
