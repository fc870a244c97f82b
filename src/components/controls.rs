//! The run controls: Run, Pause, Step, Stop, Reset, the speed, and the run's progress.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::describe::{grouped, seconds};
use crate::pacing::Speed;
use crate::state::Phase;

/// How far the run has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    pub now: u64,
    pub events: usize,
    pub steps: u64,
}

#[derive(PartialEq, Properties)]
pub struct ControlsProps {
    pub phase: Phase,
    pub speed: Speed,
    pub switch_anywhere: bool,
    pub progress: Progress,
    pub onrun: Callback<()>,
    pub onpause: Callback<()>,
    pub onstep: Callback<()>,
    pub onstop: Callback<()>,
    pub onreset: Callback<()>,
    pub onspeed: Callback<Speed>,
    pub onswitch: Callback<bool>,
}

fn status(phase: Phase) -> String {
    match phase {
        Phase::Idle => "Ready to run".into(),
        Phase::Running => "Running".into(),
        Phase::Stepping => "Stepping".into(),
        Phase::Paused => "Paused".into(),
        Phase::Done { exit_code: 0 } => "Finished".into(),
        Phase::Done { exit_code } => format!("Ended with an error (exit code {exit_code})"),
        Phase::Stopped => "Stopped".into(),
        Phase::Stuck => "Stuck: every task waits and no timer is pending".into(),
    }
}

#[function_component(Controls)]
pub fn controls(props: &ControlsProps) -> Html {
    let click = |cb: &Callback<()>| {
        let cb = cb.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let onchange = {
        let onspeed = props.onspeed.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(speed) = Speed::from_label(&select.value()) {
                onspeed.emit(speed);
            }
        })
    };
    let onswitch = {
        let onswitch = props.onswitch.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            onswitch.emit(select.value() == "anywhere");
        })
    };
    let live = props.phase.is_live();
    let paused = props.phase == Phase::Paused;
    let p = props.progress;
    html! {
        <div class="controls">
            <div class="ctl-buttons" role="toolbar" aria-label="Run controls">
                <button type="button" class="ctl-run" onclick={click(&props.onrun)}
                        title="Run the program (Ctrl+Enter)">{ "Run" }</button>
                // A toggle whose name stays "Pause" (so speech and tests find it); pressed means paused.
                <button type="button" class="ctl-pause" aria-pressed={paused.to_string()} disabled={!live}
                        onclick={click(&props.onpause)}
                        title={if paused { "Paused: press again to resume" } else { "Pause the run" }}>
                    { "Pause" }
                </button>
                <button type="button" onclick={click(&props.onstep)}
                        title="Run to the next scheduling event">{ "Step" }</button>
                <button type="button" disabled={!live} onclick={click(&props.onstop)}>{ "Stop" }</button>
                <button type="button" disabled={props.phase == Phase::Idle}
                        onclick={click(&props.onreset)}>{ "Reset" }</button>
                <label class="ctl-speed">
                    <span>{ "Speed" }</span>
                    <select aria-label="Speed" {onchange}>
                        { for Speed::ALL.iter().map(|s| html! {
                            <option value={s.label()} selected={*s == props.speed}>{ s.label() }</option>
                        }) }
                    </select>
                </label>
                <label class="ctl-speed" title="Where threads may lose the GIL; takes effect at the next Run">
                    <span>{ "Threads switch" }</span>
                    <select aria-label="Threads switch" onchange={onswitch}>
                        <option value="311" selected={!props.switch_anywhere}>{ "as in Python 3.11" }</option>
                        <option value="anywhere" selected={props.switch_anywhere}>
                            { "anywhere (Python 3.9)" }
                        </option>
                    </select>
                </label>
            </div>
            <p class="ctl-progress" role="status">
                <span class="ctl-state">{ status(props.phase) }</span>
                <span>{ format!("t = {}", seconds(p.now)) }</span>
                <span>{ count(p.events as u64, "event") }</span>
                <span>{ count(p.steps, "step") }</span>
            </p>
        </div>
    }
}

/// "1 event", "2,000 events".
fn count(n: u64, noun: &str) -> String {
    format!("{} {noun}{}", grouped(n), if n == 1 { "" } else { "s" })
}
