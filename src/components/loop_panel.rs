//! The event loop panel: the running task, the ready queue in order, pending timers, and who holds and
//! who waits on each synchronisation object.

use std::collections::VecDeque;
use std::rc::Rc;

use interleave::replay::{LoopState, TaskPhase};
use interleave::trace::{ObjId, SyncOp, TaskId, Trace};
use yew::prelude::*;

use crate::describe::{seconds, task_style};
use crate::run::{Inspection, RunRef};

/// Entries listed per section at most; the rest are counted.
const SHOWN: usize = 40;

static NO_WAITERS: VecDeque<(TaskId, SyncOp)> = VecDeque::new();

#[derive(PartialEq, Properties)]
pub struct LoopPanelProps {
    pub run: Option<RunRef>,
    pub inspect: Option<Inspection>,
    /// The tasks of a pending manual choice: (task, candidate, CPython's), and what clicking one answers.
    #[prop_or_default]
    pub candidates: Rc<Vec<(TaskId, u32, bool)>>,
    #[prop_or_default]
    pub onchoose: Callback<u32>,
}

fn chip(trace: &Trace, task: TaskId) -> Html {
    html! { <span class="lp-task" style={task_style(task)}>{ trace.task_name(task).to_string() }</span> }
}

fn more(total: usize) -> Html {
    if total > SHOWN {
        html! { <li class="lp-more">{ format!("and {} more", total - SHOWN) }</li> }
    } else {
        html! {}
    }
}

fn op(op: SyncOp) -> &'static str {
    match op {
        SyncOp::Acquire => "acquire",
        SyncOp::Wait => "wait",
        SyncOp::Get => "get",
        SyncOp::Put => "put",
        SyncOp::Join => "join",
    }
}

fn sync_objects(trace: &Trace, state: &LoopState, shown: &[ObjId]) -> Html {
    // An object the prelude hid after the list took it in is still left out.
    let objects: Vec<_> = shown
        .iter()
        .filter_map(|&id| Some((id, trace.objects.get(id as usize)?)))
        .filter(|(_, o)| !o.internal)
        .take(SHOWN + 1)
        .collect();
    if objects.is_empty() {
        return html! { <p class="lp-none">{ "No locks, events, semaphores or queues yet." }</p> };
    }
    html! {
        <ul class="lp-objects">
            { for objects.iter().take(SHOWN).map(|(id, info)| {
                let s = state.object(*id);
                let holders = s.map_or(&[][..], |s| &s.holders[..]);
                let waiters = s.map_or(&NO_WAITERS, |s| &s.waiters);
                html! {
                    <li>
                        <span class="lp-obj">{ info.name.clone() }</span>
                        if holders.is_empty() {
                            <span class="lp-free">{ " free" }</span>
                        } else {
                            { " held by " }{ for holders.iter().take(SHOWN).map(|&h| chip(trace, h)) }
                        }
                        if !waiters.is_empty() {
                            <span class="lp-waiting">
                                { "waiting: " }
                                { for waiters.iter().take(SHOWN).map(|&(w, o)| html! {
                                    <>{ chip(trace, w) }<span class="lp-op">{ format!("({})", op(o)) }</span></>
                                }) }
                                if waiters.len() > SHOWN { { format!(" and {} more", waiters.len() - SHOWN) } }
                            </span>
                        }
                    </li>
                }
            }) }
            { more(shown.len()) }
        </ul>
    }
}

#[function_component(LoopPanel)]
pub fn loop_panel(props: &LoopPanelProps) -> Html {
    let Some(run) = &props.run else {
        return html! {
            <section class="loop-panel" aria-labelledby="loop-title">
                <h2 id="loop-title">{ "Event loop" }</h2>
                <p class="lp-none">{ "Nothing is running." }</p>
            </section>
        };
    };
    let r = run.run.borrow();
    let trace = r.trace();
    let state = props.inspect.as_ref().map_or(&r.replay.state, |i| &*i.state);
    // With processes, each runs its own threads: live, the thread holding each GIL of a process on a core.
    let on_cores: Vec<TaskId> = match props.inspect {
        None if !trace.processes.is_empty() => (0..trace.processes.len())
            .filter(|&p| {
                r.replay
                    .procs
                    .get(p)
                    .and_then(|l| l.segments.last())
                    .is_some_and(|s| s.is_open() && s.phase == TaskPhase::Running)
            })
            .filter_map(|p| {
                let turn = r.replay.gils.get(p)?.segments.last()?;
                turn.holder.filter(|_| turn.is_open())
            })
            .collect(),
        _ => Vec::new(),
    };
    let running = if on_cores.is_empty() {
        state.running.map(|t| {
            let line = state.task(t).map_or(0, |s| s.line);
            html! { <>{ chip(trace, t) }if line > 0 { { format!(" at line {line}") } }</> }
        })
    } else {
        Some(html! { <>{ for on_cores.iter().map(|&t| html! { <>{ chip(trace, t) }{ " " }</> }) }</> })
    };
    html! {
        <section class="loop-panel" aria-labelledby="loop-title">
            <h2 id="loop-title">{ "Event loop" }</h2>
            <dl class="lp-grid">
                <dt>{ "Running" }</dt>
                <dd>{ running.unwrap_or_else(|| html! { <span class="lp-none">{ "nothing" }</span> }) }</dd>
                <dt>{ "Ready queue" }</dt>
                <dd>
                    if state.ready.is_empty() {
                        <span class="lp-none">{ "empty" }</span>
                    } else {
                        <ol class="lp-queue" aria-label="Ready queue">
                            { for state.ready.iter().take(SHOWN).map(|&t| {
                                match props.candidates.iter().find(|c| c.0 == t) {
                                    Some(&(_, c, cpython)) => {
                                        let onchoose = props.onchoose.clone();
                                        let onclick = Callback::from(move |_: MouseEvent| onchoose.emit(c));
                                        html! {
                                            <li><button type="button" class="lp-pick" {onclick}
                                                        title="Run this task next">
                                                { chip(trace, t) }
                                                if cpython { <span class="sc-badge">{ "CPython's choice" }</span> }
                                            </button></li>
                                        }
                                    }
                                    None => html! { <li>{ chip(trace, t) }</li> },
                                }
                            }) }
                            { more(state.ready.len()) }
                        </ol>
                    }
                </dd>
                <dt>{ "Timers" }</dt>
                <dd>
                    if state.timer_count() == 0 {
                        <span class="lp-none">{ "none pending" }</span>
                    } else {
                        <ul class="lp-timers" aria-label="Pending timers">
                            { for state.timers().take(SHOWN).map(|t| html! {
                                <li>{ chip(trace, t.task) }{ format!(" at {}", seconds(t.deadline)) }</li>
                            }) }
                            { more(state.timer_count()) }
                        </ul>
                    }
                </dd>
                <dt>{ "Sync objects" }</dt>
                <dd>{ sync_objects(trace, state, &r.index.objects.shown) }</dd>
            </dl>
        </section>
    }
}
