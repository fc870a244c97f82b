//! The Findings panel: what went wrong in the run so far, one button per finding (selecting one marks its
//! lines and lanes, and draws a deadlock's cycle), and the live wait-for graph at the moment shown.

use std::rc::Rc;

use interleave::findings::{Finding, Kind};
use yew::prelude::*;

use crate::components::wait_graph::WaitGraph;
use crate::describe::seconds;
use crate::run::{Inspection, RunRef};
use crate::waits;

#[derive(PartialEq, Properties)]
pub struct FindingsProps {
    pub run: Option<RunRef>,
    pub inspect: Option<Inspection>,
    pub selected: Option<usize>,
    pub onselect: Callback<Option<usize>>,
    /// Whether the run is over (a clean run says so only then).
    pub ended: bool,
}

/// The kind's name as the panel shows it.
pub fn kind_title(kind: Kind) -> &'static str {
    match kind {
        Kind::Deadlock => "Deadlock",
        Kind::Stuck => "Stuck",
        Kind::LostUpdate => "Lost update",
        Kind::BlockingCall => "Blocked loop",
        Kind::NeverAwaited => "Never awaited",
        Kind::UnretrievedException => "Unretrieved exception",
        Kind::DroppedTask => "Dropped task",
    }
}

/// What the timeline shows of a selected finding, in a sentence under it.
fn shown(f: &Finding) -> Option<&'static str> {
    match f.kind {
        Kind::LostUpdate if !f.windows.is_empty() => Some(
            "On the timeline, the two lanes are shaded from each one's read to its write: the other write \
             lands inside the first window, and the stale write at its end overwrites it.",
        ),
        Kind::BlockingCall => Some("On the timeline, the shaded stretch is the step that held the loop."),
        Kind::Deadlock => Some("The graph below walks the cycle; its lanes are marked on the timeline."),
        _ if !f.lanes.is_empty() => Some("Its lane is marked on the timeline."),
        _ => None,
    }
}

fn lines_text(lines: &[u32]) -> String {
    match lines {
        [] => String::new(),
        [one] => format!("line {one}"),
        _ => {
            let all: Vec<String> = lines.iter().map(u32::to_string).collect();
            format!("lines {}", all.join(", "))
        }
    }
}

#[function_component(FindingsPanel)]
pub fn findings_panel(props: &FindingsProps) -> Html {
    let Some(run) = &props.run else {
        return html! {
            <section class="findings" aria-labelledby="findings-title">
                <h2 id="findings-title">{ "Findings" }</h2>
                <p class="fd-none">{ "Run the program: deadlocks, lost updates, blocked loops and forgotten \
                                      awaits are named here as they happen." }</p>
            </section>
        };
    };
    let r = run.run.borrow();
    let trace = r.trace();
    let findings: &[Rc<Finding>] = &r.findings;
    let state = props.inspect.as_ref().map_or(&r.replay.state, |i| &*i.state);
    let live = waits::at(trace, state);
    let selected = props.selected.and_then(|i| findings.get(i).map(|f| (i, f)));
    let items = findings.iter().enumerate().map(|(i, f)| {
        let pressed = props.selected == Some(i);
        let onclick = {
            let onselect = props.onselect.clone();
            Callback::from(move |_: MouseEvent| onselect.emit(Some(i)))
        };
        let meta = {
            let lines = lines_text(&f.lines);
            let at = format!("at {}", seconds(f.time));
            if lines.is_empty() {
                at
            } else {
                format!("{lines}, {at}")
            }
        };
        html! {
            <li>
                <button type="button" class={classes!("fd-item", pressed.then_some("selected"))}
                        aria-pressed={pressed.to_string()} data-kind={f.kind.as_str()} {onclick}>
                    <span class={classes!("fd-kind", format!("k-{}", f.kind.as_str()))}>{ kind_title(f.kind) }</span>
                    <span class="fd-meta">{ meta }</span>
                    <span class="fd-message">{ f.message.clone() }</span>
                </button>
            </li>
        }
    });
    let count = match findings.len() {
        0 => String::new(),
        n => format!(" ({n})"),
    };
    let empty = if props.ended {
        "Nothing went wrong in this run: no deadlock, lost update, blocked loop or forgotten await."
    } else {
        "Nothing has gone wrong so far."
    };
    html! {
        <section class="findings" aria-labelledby="findings-title">
            <h2 id="findings-title">{ "Findings" }{ count }</h2>
            if findings.is_empty() {
                <p class="fd-none" role="status">{ empty }</p>
            } else {
                <ul class="fd-list" aria-label="What went wrong">{ for items }</ul>
            }
            if let Some((_, f)) = selected {
                if let Some(note) = shown(f) { <p class="fd-note">{ note }</p> }
                if f.kind == Kind::Deadlock && !f.cycle.is_empty() {
                    <WaitGraph graph={Rc::new(waits::of_cycle(&f.cycle))} run={run.clone()}
                               label="The deadlock's cycle of waits" cycle=true />
                }
            }
            <h3 class="fd-sub">{ "Who waits for whom" }
                <span class="fd-when">{ format!(" at {}", seconds(props.inspect.as_ref().map_or(r.now(), |i| i.at))) }</span>
            </h3>
            if live.is_empty() {
                <p class="fd-none">{ "Nobody waits for a lock, a queue, an event or another task, and nobody holds a lock." }</p>
            } else {
                <WaitGraph graph={Rc::new(live)} run={run.clone()} label="Wait-for graph at the moment shown" />
            }
        </section>
    }
}
