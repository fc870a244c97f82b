//! The event loop panel: the running task, the ready queue in order, pending timers, who holds and who waits
//! on each synchronisation object, and the network's hosts and services with their waiters and sends in flight.

use std::collections::VecDeque;
use std::rc::Rc;

use interleave::replay::{LoopState, Replay, TaskPhase};
use interleave::trace::{ObjId, SyncOp, TaskId, Time, Trace, WaitReason};
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

/// The time the panel shows: the inspected moment's, or the run's clock.
fn props_now(inspect: &Option<Inspection>, run: &crate::run::Run) -> Time {
    inspect.as_ref().map_or_else(|| run.now(), |i| i.at)
}

/// How many sends to `channel` are on their way at `now` (sent, not yet read), and their bytes: among the last
/// few thousand messages sent by then, which is all a learner's program has in flight.
fn in_flight(trace: &Trace, replay: &Replay, channel: ObjId, now: Time) -> (usize, u64) {
    let sent = replay.messages.partition_point(|m| m.sent.0 <= now);
    let mut count = 0;
    let mut bytes = 0;
    for (i, m) in replay.messages[..sent].iter().enumerate().rev().take(4096) {
        if m.channel == channel && m.received.is_none_or(|r| r.0 > now) {
            count += 1;
            bytes += trace.messages.get(i).map_or(0, |t| message_bytes(t));
        }
    }
    (count, bytes)
}

/// The length a socket message's text ends with: `b'hi' (2 bytes)`.
pub fn message_bytes(text: &str) -> u64 {
    let Some(inner) = text.strip_suffix(" bytes)").or_else(|| text.strip_suffix(" byte)")) else {
        return 0;
    };
    inner.rsplit_once('(').and_then(|(_, n)| n.parse().ok()).unwrap_or(0)
}

/// The hosts and the program's own services (`127.0.0.1:8888`) it talked to: who waits on each now, and how
/// many sends are on their way there (sent, not yet read).
fn network(trace: &Trace, state: &LoopState, replay: &Replay, sockets: &[ObjId], now: Time) -> Html {
    html! {
        <ul class="lp-objects lp-net" aria-label="Network">
            { for sockets.iter().take(SHOWN).filter_map(|&id| {
                let info = trace.objects.get(id as usize)?;
                let waiters: Vec<TaskId> = state
                    .tasks
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| {
                        s.as_ref().is_some_and(|s| {
                            s.phase == TaskPhase::Waiting(WaitReason::Net { obj: Some(id) })
                        })
                    })
                    .map(|(t, _)| t as TaskId)
                    .collect();
                let (flying, bytes) = in_flight(trace, replay, id, now);
                Some(html! {
                    <li>
                        <span class="lp-obj">{ info.name.clone() }</span>
                        if flying > 0 {
                            <span class="lp-flying">
                                { format!(
                                    " {flying} {} ({bytes} {}) on the way",
                                    if flying == 1 { "send" } else { "sends" },
                                    if bytes == 1 { "byte" } else { "bytes" }
                                ) }
                            </span>
                        }
                        if waiters.is_empty() {
                            if flying == 0 { <span class="lp-free">{ " idle" }</span> }
                        } else {
                            <span class="lp-waiting">
                                { " waiting: " }
                                { for waiters.iter().take(SHOWN).map(|&w| chip(trace, w)) }
                                if waiters.len() > SHOWN { { format!(" and {} more", waiters.len() - SHOWN) } }
                            </span>
                        }
                    </li>
                })
            }) }
            { more(sockets.len()) }
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
                if !r.index.objects.sockets.is_empty() {
                    <dt>{ "Network" }</dt>
                    <dd>{ network(trace, state, &r.replay, &r.index.objects.sockets, props_now(&props.inspect, &r)) }</dd>
                }
            </dl>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_socket_messages_length_is_read_from_its_text() {
        assert_eq!(message_bytes("b'hello\\n' (6 bytes)"), 6);
        assert_eq!(message_bytes("b'x' (1 byte)"), 1);
        assert_eq!(message_bytes("b'(3 bytes)'\u{2026} (40 bytes)"), 40);
        assert_eq!(message_bytes("('a', 1)"), 0);
    }
}
