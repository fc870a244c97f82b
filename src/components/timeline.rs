//! The timeline: one swimlane per task, segments coloured by state, a time axis, the "now" cursor, zoom
//! and pan, and choosing a moment to inspect.
//!
//! Drawn with absolutely positioned divs rather than SVG: each segment needs an accessible name, focus and a
//! tooltip, which HTML elements give for free, and CSS variables colour them per state and per theme. The
//! DOM stays small because only what is visible is built: lanes are virtualised vertically (only rows in
//! the scrolled window exist) and segments are culled and merged per column horizontally
//! ([`crate::layout::blocks`]), so a run of 10,000 tasks and a million events draws a few hundred elements.

use std::rc::Rc;

use interleave::findings::Finding;
use interleave::replay::{Backlog, Lane, LaneId, Replay, GIL_LANE};
use interleave::session::QUANTUM;
use interleave::trace::{ObjKind, TaskId, Time, Trace};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent, WheelEvent};
use yew::prelude::*;

use crate::components::legend::Legend;
use crate::describe::{grouped, lane_name, seconds, seconds_with, segment, segment_detail, task_style};
use crate::layout::{arrows, blocks, columns_for, pending, ticks, visible_rows, Arrow, ProcRows, Row, Rows, Viewport};
use crate::run::RunRef;

/// Height of one lane in pixels (the stylesheet's `--tl-row-h` must agree).
pub const ROW_HEIGHT: f64 = 28.0;
/// Rows built beyond the visible ones, above and below, so scrolling shows no gaps.
const OVERSCAN: usize = 2;
/// Room one axis label needs, in pixels ("12.345 s" and a gap either side).
const TICK_SPACING: f64 = 80.0;
/// A label this close to either end of the track (as a fraction of the track's width) aligns to that end
/// instead of being centred on its tick, so it is never cut off.
fn edge_band(track_px: f64) -> f64 {
    (TICK_SPACING / 2.0 / track_px.max(1.0)).min(0.25)
}

/// A change of the visible window.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Navigate {
    /// Scale the window by `factor` around `anchor` (a fraction of the track).
    Zoom { factor: f64, anchor: f64 },
    /// Move by a fraction of the window.
    Pan(f64),
    /// Show the whole run again.
    Fit,
}

/// The moment being inspected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    pub at: Time,
    pub events: usize,
}

#[derive(PartialEq, Properties)]
pub struct TimelineProps {
    pub run: Option<RunRef>,
    pub viewport: Viewport,
    pub scroll_top: f64,
    pub height: f64,
    pub inspect: Option<Moment>,
    /// The hovered or focused segment: (lane, segment index).
    pub detail: Option<(TaskId, usize)>,
    /// Whether a moment may be chosen (not while the run is being driven).
    pub inspectable: bool,
    pub onnavigate: Callback<Navigate>,
    pub onscroll: Callback<(f64, f64)>,
    pub oninspect: Callback<Time>,
    pub onstepinspect: Callback<i64>,
    pub onendinspect: Callback<()>,
    pub ondescribe: Callback<Option<(TaskId, usize)>>,
    /// The processes folded to their header row.
    pub folded: Rc<Vec<u32>>,
    pub onfold: Callback<u32>,
    /// The finding selected: its lanes are marked, the segments of its events outlined, its windows shaded
    /// and its moments labelled.
    #[prop_or_default]
    pub finding: Option<Rc<Finding>>,
    /// The lanes of a pending manual choice: (lane, candidate, CPython's), and what clicking one answers.
    #[prop_or_default]
    pub candidates: Rc<Vec<(TaskId, u32, bool)>>,
    #[prop_or_default]
    pub onchoose: Callback<u32>,
    /// Where the branch shown and the one it is compared with part (`schedule::divergence`).
    #[prop_or_default]
    pub divergence: Option<Time>,
}

/// Where the pointer is across the track, from the overlay that covers exactly the track column.
fn fraction_at(overlay: &NodeRef, client_x: i32) -> Option<f64> {
    let rect = overlay.cast::<Element>()?.get_bounding_client_rect();
    let f = (client_x as f64 - rect.left()) / rect.width();
    (rect.width() > 0.0 && (0.0..=1.0).contains(&f)).then_some(f)
}

/// What a row shows besides its lane: its name cell, an extra class, and the colour its dot takes.
struct RowHead {
    name: Html,
    title: String,
    class: Option<&'static str>,
    colour: TaskId,
    /// Drawn over the track's right end (a process's pid and exit code).
    note: Option<String>,
}

fn lane_row(
    trace: &Trace,
    lane: &Lane,
    index: usize,
    head: RowHead,
    props: &TimelineProps,
    now: Time,
    columns: u64,
) -> Html {
    let task = lane.task;
    let view = &props.viewport;
    let drawn = blocks(lane, view, now, columns);
    let finding = props.finding.as_deref().filter(|f| f.lanes.contains(&task));
    // The segments in which the finding's events on this lane happened.
    let flagged: Vec<usize> = finding.map_or_else(Vec::new, |f| {
        f.events
            .iter()
            .filter(|&&e| trace.events.get(e).is_some_and(|ev| ev.task == task))
            .filter_map(|&e| lane.segments.partition_point(|s| s.event as usize <= e).checked_sub(1))
            .collect()
    });
    let span = |from: Time, to: Time| {
        let (a, b) = (view.fraction(from), view.fraction(to));
        format!(
            "left: {:.4}%; width: max(3px, {:.4}%)",
            a * 100.0,
            (b - a).max(0.0) * 100.0
        )
    };
    let windows = finding
        .into_iter()
        .flat_map(|f| f.windows.iter())
        .filter(|w| w.lane == task)
        .map(|w| {
            html! { <div class="tl-window" style={span(w.from, w.to)}></div> }
        });
    let marks = finding
        .into_iter()
        .flat_map(|f| f.marks.iter())
        .filter(|m| m.lane == task)
        .map(|m| {
            let left = format!("left: {:.4}%", view.fraction(m.at) * 100.0);
            html! {
                // The read's label ends at its moment and the others start at theirs, so that a read and a write close
            // together label their window from outside.
            <div class={classes!("tl-mark", (m.label == "read").then_some("end"))} style={left}>
                    <span>{ m.label }</span>
                </div>
            }
        });
    // A GIL's turns take the colour of the thread holding it, and a core's that of the process on it.
    let coloured = matches!(LaneId::of(task), LaneId::Gil(_) | LaneId::Core(_));
    // No listeners per segment: the grid handles hover, focus and keys for all of them through the
    // `data-task`/`data-seg` attributes (see `segment_of`), which keeps a row cheap to build.
    let segs = drawn.iter().map(|b| {
        let mut style = format!(
            "left: {:.4}%; width: {:.4}%",
            b.left.max(0.0) * 100.0,
            (b.width + b.left.min(0.0)).max(0.0) * 100.0
        );
        let holder = coloured.then(|| lane.segments[b.segment].holder).flatten();
        if let Some(h) = holder {
            style.push_str(&format!("; {}", task_style(h)));
        }
        let class = classes!(
            "seg",
            format!("s-{}", b.kind.class()),
            b.dense.then_some("dense"),
            holder.map(|_| "gil-held"),
            flagged.contains(&b.segment).then_some("flagged")
        );
        let seg_index = b.segment.to_string();
        if b.dense {
            return html! { <div {class} {style} aria-hidden="true" data-seg={seg_index}></div> };
        }
        let label = segment(trace, task, &lane.segments[b.segment]);
        html! {
            <div {class} {style} tabindex="0" role="button" aria-label={label} data-seg={seg_index}></div>
        }
    });
    let candidate = props.candidates.iter().find(|c| c.0 == task).map(|&(_, c, cpython)| {
        let onchoose = props.onchoose.clone();
        // Not a click on the track as well, which would pick a moment to inspect.
        let onclick = Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            onchoose.emit(c)
        });
        let text = if cpython { "Pick (CPython)" } else { "Pick" };
        let label = format!("{text}: {}", head.title);
        html! { <button type="button" class="tl-pick" aria-label={label} {onclick}>{ text }</button> }
    });
    html! {
        <div key={task} class={classes!("tl-row", head.class, finding.map(|_| "tl-flagged"), candidate.as_ref().map(|_| "tl-candidate"))} role="row"
             aria-label={head.title.clone()}
             aria-rowindex={(index + 1).to_string()}
             style={format!("top: {}px; {}", index as f64 * ROW_HEIGHT, task_style(head.colour))}
             data-task={task.to_string()}>
            <div class="tl-name" role="rowheader" title={head.title}>{ head.name }</div>
            <div class="tl-track" role="gridcell">
                { for candidate }
                { for windows }
                { for segs }
                { for marks }
                if let Some(note) = head.note { <span class="tl-note">{ note }</span> }
            </div>
        </div>
    }
}

/// "1 item", "3 items".
fn items(n: u32) -> String {
    if n == 1 {
        "1 item".into()
    } else {
        format!("{} items", grouped(n as u64))
    }
}

/// A channel's backlog: a bar wherever items wait in it, as tall as their count against the most that ever
/// waited, the count written on bars wide enough to hold it; and, at the track's end, how many wait now.
fn backlog_row(
    trace: &Trace,
    backlog: &Backlog,
    index: usize,
    props: &TimelineProps,
    now: Time,
    track_px: f64,
) -> Html {
    let name = trace.object_name(backlog.channel).to_string();
    let view = &props.viewport;
    let peak = backlog.peak.max(1) as f64;
    let bars = pending(backlog, view, now, columns_for(track_px)).into_iter().map(|p| {
        let left = p.left.max(0.0);
        let width = (p.width + p.left.min(0.0)).max(0.0);
        let style = format!(
            "left: {:.4}%; width: {:.4}%; height: {:.0}%",
            left * 100.0,
            width * 100.0,
            30.0 + 70.0 * p.count as f64 / peak
        );
        let title = format!(
            "{} waiting in {name}, {} \u{2013} {}",
            items(p.count),
            seconds(p.start),
            seconds(p.end)
        );
        let label = (width * track_px >= 8.0 + 7.0 * p.count.to_string().len() as f64).then(|| p.count.to_string());
        html! { <div class="q-bar" {style} {title}>{ for label }</div> }
    });
    // After the last message the trace holds (a process's clock may run a little ahead of the machine's `now`).
    let waiting = backlog.steps.last().map_or(0, |s| s.1);
    let title = format!(
        "{name}: the items waiting in it over time, at most {}",
        items(backlog.peak)
    );
    html! {
        <div key={format!("q{index}")} class="tl-row tl-queue" role="row" aria-label={title.clone()}
             aria-rowindex={(index + 1).to_string()} style={format!("top: {}px", index as f64 * ROW_HEIGHT)}>
            <div class="tl-name" role="rowheader" title={title}>{ name.clone() }</div>
            <div class="tl-track" role="gridcell">
                { for bars }
                <span class="tl-note">{ format!("{} waiting", items(waiting)) }</span>
            </div>
        </div>
    }
}

/// The arrows of the messages between lanes in the window: a thin line from each send to its receipt, the
/// message in its title.
fn message_arrows(trace: &Trace, arrows: &[Arrow], replay: &Replay) -> Html {
    let y = |row: usize| row as f64 * ROW_HEIGHT + ROW_HEIGHT / 2.0;
    let lines = arrows.iter().map(|a| {
        let m = &replay.messages[a.msg as usize];
        let (at, by) = m.received.unwrap_or(m.sent);
        let title = format!(
            "{}: {} sent by {} at {}, received by {} at {}",
            trace.object_name(m.channel),
            trace.messages.get(a.msg as usize).map_or("?", |s| s.as_str()),
            trace.task_name(m.sent.1),
            seconds(m.sent.0),
            trace.task_name(by),
            seconds(at)
        );
        html! {
            <line x1={format!("{:.3}%", a.from.0 * 100.0)} y1={format!("{:.1}", y(a.from.1))}
                  x2={format!("{:.3}%", a.to.0 * 100.0)} y2={format!("{:.1}", y(a.to.1))}
                  marker-end="url(#tl-arrowhead)"><title>{ title }</title></line>
        }
    });
    html! {
        <svg class="tl-arrows" aria-hidden="true">
            <defs>
                <marker id="tl-arrowhead" viewBox="0 0 6 6" refX="6" refY="3" markerWidth="6" markerHeight="6"
                        orient="auto-start-reverse">
                    <path d="M0,0L6,3L0,6z"></path>
                </marker>
            </defs>
            { for lines }
        </svg>
    }
}

/// The (lane, segment index) a segment element inside the grid stands for, from its data attributes.
fn segment_of(target: Option<web_sys::EventTarget>) -> Option<(TaskId, usize)> {
    let el = target?.dyn_into::<Element>().ok()?.closest("[data-seg]").ok()??;
    let seg = el.get_attribute("data-seg")?.parse().ok()?;
    let row = el.closest("[data-task]").ok()??;
    Some((row.get_attribute("data-task")?.parse().ok()?, seg))
}

#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let overlay = use_node_ref();
    let view = props.viewport;
    // The track's width in pixels decides how many axis labels fit and how fine the columns are. A
    // ResizeObserver reports it when it changes; reading it on every render would force a layout each time.
    let track_px = use_state(|| 0.0_f64);
    {
        let (overlay, track_px) = (overlay.clone(), track_px.clone());
        use_effect_with((), move |_| {
            let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
                let entry: Option<web_sys::ResizeObserverEntry> = entries.get(0).dyn_into().ok();
                if let Some(w) = entry.map(|e| e.content_rect().width()) {
                    track_px.set(w);
                }
            });
            let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
            if let (Some(o), Some(el)) = (&observer, overlay.cast::<Element>()) {
                o.observe(&el);
            }
            move || {
                if let Some(o) = observer {
                    o.disconnect();
                }
                drop(callback);
            }
        });
    }
    let onwheel = {
        let (overlay, onnavigate) = (overlay.clone(), props.onnavigate.clone());
        Callback::from(move |e: WheelEvent| {
            let (dx, dy) = (e.delta_x(), e.delta_y());
            if e.ctrl_key() || e.meta_key() {
                e.prevent_default();
                let anchor = fraction_at(&overlay, e.client_x()).unwrap_or(0.5);
                onnavigate.emit(Navigate::Zoom {
                    factor: (dy * 0.002).exp(),
                    anchor,
                });
            } else if e.shift_key() || dx.abs() > dy.abs() {
                e.prevent_default();
                let by = if dx.abs() > dy.abs() { dx } else { dy };
                onnavigate.emit(Navigate::Pan(by / 1000.0));
            }
        })
    };
    let onclick = {
        let (overlay, oninspect) = (overlay.clone(), props.oninspect.clone());
        let allowed = props.inspectable;
        Callback::from(move |e: MouseEvent| {
            if let (true, Some(f)) = (allowed, fraction_at(&overlay, e.client_x())) {
                oninspect.emit(view.time_at(f));
            }
        })
    };
    let onkeydown = {
        let p = (
            props.onnavigate.clone(),
            props.onstepinspect.clone(),
            props.onendinspect.clone(),
            props.oninspect.clone(),
        );
        let allowed = props.inspectable;
        let run = props.run.clone();
        Callback::from(move |e: KeyboardEvent| {
            let (onnavigate, onstep, onend, oninspect) = &p;
            if allowed && (e.key() == "Enter" || e.key() == " ") {
                // Enter on a focused segment shows the loop as it was when the segment began.
                let start = segment_of(e.target()).and_then(|(task, i)| {
                    let run = run.as_ref()?.run.borrow();
                    Some(run.replay.lane(task)?.segments.get(i)?.start)
                });
                if let Some(start) = start {
                    e.prevent_default();
                    oninspect.emit(start);
                }
                return;
            }
            let nav = |n| onnavigate.emit(n);
            match e.key().as_str() {
                "+" | "=" => nav(Navigate::Zoom {
                    factor: 0.5,
                    anchor: 0.5,
                }),
                "-" | "_" => nav(Navigate::Zoom {
                    factor: 2.0,
                    anchor: 0.5,
                }),
                "0" => nav(Navigate::Fit),
                "ArrowLeft" => nav(Navigate::Pan(-0.2)),
                "ArrowRight" => nav(Navigate::Pan(0.2)),
                "[" if allowed => onstep.emit(-1),
                "]" if allowed => onstep.emit(1),
                "Escape" => onend.emit(()),
                _ => return,
            }
            e.prevent_default();
        })
    };
    let onscroll = {
        let onscroll = props.onscroll.clone();
        Callback::from(move |e: Event| {
            let el: HtmlElement = e.target_unchecked_into();
            onscroll.emit((el.scroll_top() as f64, el.client_height() as f64));
        })
    };
    let onmouseleave = {
        let ondescribe = props.ondescribe.clone();
        Callback::from(move |_: MouseEvent| ondescribe.emit(None))
    };
    let onmouseover = {
        let (ondescribe, current) = (props.ondescribe.clone(), props.detail);
        Callback::from(move |e: MouseEvent| {
            let seg = segment_of(e.target());
            if seg.is_some() && seg != current {
                ondescribe.emit(seg);
            }
        })
    };
    let onfocusin = {
        let ondescribe = props.ondescribe.clone();
        Callback::from(move |e: FocusEvent| {
            if let Some(seg) = segment_of(e.target()) {
                ondescribe.emit(Some(seg));
            }
        })
    };
    let nav_button = |label: &'static str, text: &'static str, n: Navigate| {
        let onnavigate = props.onnavigate.clone();
        html! {
            <button type="button" aria-label={label} title={label}
                    onclick={Callback::from(move |_: MouseEvent| onnavigate.emit(n))}>{ text }</button>
        }
    };

    let run = props.run.as_ref().map(|r| r.run.borrow());
    let trace = run.as_ref().map(|r| r.trace());
    let now = run.as_ref().map_or(0, |r| r.now());
    let replay = run.as_ref().map(|r| &r.replay);
    // Without processes: the GIL's lane first when threads ran (who holds it, and why each one let go), then
    // the lanes in the index's order (each thread's lane with its loop's tasks under it), without asyncio.run's
    // own shutdown tasks, which are the runtime's business. With processes: the cores, then each process's
    // header, GIL and lanes. Only the rows on screen are looked up.
    let order = run.as_ref().map(|r| &r.index.lanes);
    let processes = trace.map_or(0, |t| t.processes.len());
    // A row per process queue or pipe that carried messages; a socket's sends are arrows only (the loop panel
    // counts those on their way).
    let queues: Vec<usize> = match (trace, replay) {
        (Some(trace), Some(replay)) => (0..replay.backlogs.len())
            .filter(|&k| {
                trace.objects.get(replay.backlogs[k].channel as usize).map(|o| o.kind) != Some(ObjKind::Socket)
            })
            .collect(),
        _ => Vec::new(),
    };
    let layout = Rows {
        cores: replay.map_or(0, |r| r.cores.len() as u32),
        queues: queues.len() as u32,
        procs: (0..processes.max(1) as u32)
            .map(|p| ProcRows {
                gil: replay
                    .and_then(|r| r.gils.get(p as usize))
                    .is_some_and(|g| !g.segments.is_empty()),
                lanes: order.map_or(0, |o| o.count(p)),
                folded: props.folded.contains(&p),
            })
            .collect(),
        grouped: processes > 0,
    };
    let lane_count = layout.len();
    let rows = visible_rows(props.scroll_top, props.height, ROW_HEIGHT, lane_count, OVERSCAN);
    let track = if *track_px > 0.0 { *track_px } else { 480.0 };
    let axis = ticks(&view, ((track / TICK_SPACING).floor() as u64).clamp(2, 12));
    let band = edge_band(track);
    let columns = columns_for(track);
    let cursor = |t: Time, class: &'static str| {
        let f = view.fraction(t);
        (0.0..=1.0).contains(&f).then(|| {
            html! { <div class={classes!("tl-cursor", class)} style={format!("left: {:.4}%", f * 100.0)}></div> }
        })
    };
    let detail = match (props.detail, trace, replay) {
        (Some((task, i)), Some(trace), Some(replay)) => replay
            .lane(task)
            .and_then(|l| l.segments.get(i))
            .map(|seg| segment_detail(trace, task, seg)),
        _ => None,
    };
    let row = |i: usize| -> Option<Html> {
        let (trace, replay) = (trace?, replay?);
        let indent = layout.grouped.then_some("tl-in");
        let plain = |name: String, class, colour| RowHead {
            name: html! { name.clone() },
            title: name,
            class,
            colour,
            note: None,
        };
        let (lane, head) = match layout.get(i)? {
            Row::Queue(k) => {
                let backlog = &replay.backlogs[*queues.get(k as usize)?];
                return Some(backlog_row(trace, backlog, i, props, now, track));
            }
            Row::Core(c) => (
                &replay.cores[c as usize],
                plain(format!("Core {c}"), Some("tl-core"), 1),
            ),
            Row::Gil(p) => {
                // Named for its process to a screen reader, which hears no indentation.
                let mut head = plain("GIL".into(), indent, GIL_LANE - p);
                if let Some(info) = trace.processes.get(p as usize) {
                    head.title = format!("GIL of {}", info.name);
                }
                (&replay.gils[p as usize], head)
            }
            Row::Lane(p, k) => {
                let lane = replay.lanes.get(order?.lane(p, k)? as usize)?;
                (lane, plain(lane_name(trace, lane.task).to_string(), indent, lane.task))
            }
            Row::Process(p) => {
                let info = trace.processes.get(p as usize)?;
                let folded = props.folded.contains(&p);
                let onclick = {
                    let onfold = props.onfold.clone();
                    Callback::from(move |_: MouseEvent| onfold.emit(p))
                };
                let verb = if folded { "Unfold" } else { "Fold" };
                let exit = replay.exits.get(p as usize).copied().flatten();
                let name = html! {
                    <>
                        <button type="button" class="tl-fold" aria-expanded={(!folded).to_string()}
                                aria-label={format!("{verb} {}", info.name)} title={format!("{verb} {}", info.name)}
                                {onclick}>{ if folded { "\u{25b8}" } else { "\u{25be}" } }</button>
                        <span>{ info.name.clone() }</span>
                    </>
                };
                // A negative exit code is the signal that ended it: a pool's `terminate()` sends SIGTERM to
                // its workers, which is no failure of theirs.
                let note = match exit {
                    Some(-15) => format!("pid {}, exit code -15 (SIGTERM)", info.pid),
                    Some(-9) => format!("pid {}, exit code -9 (SIGKILL)", info.pid),
                    Some(code) => format!("pid {}, exit code {code}", info.pid),
                    None => format!("pid {}", info.pid),
                };
                let head = RowHead {
                    name,
                    title: format!("{}, {note}", info.name),
                    class: Some(if exit.is_some_and(|c| c > 0) {
                        "tl-proc failed"
                    } else {
                        "tl-proc"
                    }),
                    colour: info.lane,
                    note: Some(note),
                };
                (replay.procs.get(p as usize)?, head)
            }
        };
        Some(lane_row(trace, lane, i, head, props, now, columns))
    };
    // Arrows from a message's send to its receipt, between the rows of the lanes (or of a folded process).
    let arrows = match (trace, replay, order) {
        (Some(trace), Some(replay), Some(order)) if !replay.messages.is_empty() => {
            let row_of = |task: TaskId| {
                let (p, k) = order.position(task)?;
                layout.index_of(Row::Lane(p, k))
            };
            let shown = rows.clone();
            let drawn: Vec<Arrow> = arrows(&replay.messages, &replay.received, &view, QUANTUM, row_of)
                .into_iter()
                .filter(|a| a.from.1.min(a.to.1) < shown.end && a.from.1.max(a.to.1) >= shown.start)
                .collect();
            (!drawn.is_empty()).then(|| message_arrows(trace, &drawn, replay))
        }
        _ => None,
    };

    html! {
        <section class={classes!("timeline", layout.grouped.then_some("tl-grouped"))} aria-labelledby="timeline-title">
            <div class="tl-head">
                <h2 id="timeline-title">{ "Timeline" }</h2>
                <div class="tl-tools" role="toolbar" aria-label="Zoom and pan">
                    { nav_button("Zoom in", "+", Navigate::Zoom { factor: 0.5, anchor: 0.5 }) }
                    { nav_button("Zoom out", "\u{2212}", Navigate::Zoom { factor: 2.0, anchor: 0.5 }) }
                    { nav_button("Earlier", "\u{2190}", Navigate::Pan(-0.25)) }
                    { nav_button("Later", "\u{2192}", Navigate::Pan(0.25)) }
                    { nav_button("Fit the whole run", "Fit", Navigate::Fit) }
                </div>
                <span class="tl-range">{ format!("{} \u{2013} {}", seconds(view.start), seconds(view.end())) }</span>
            </div>
            <Legend />
            if let Some(at) = trace.and_then(|t| t.cut_at) {
                <p class="tl-cut" role="status">
                    { format!("The trace was cut at {} after {} events; the run went on.", seconds(at),
                        grouped(trace.map_or(0, |t| t.events.len()) as u64)) }
                </p>
            }
            // A grid must hold rows (ARIA; the e2e accessibility audit checks it): before a run there are none, and
            // the timeline is a group around its "Run or step" note.
            <div class="tl-grid" role={if lane_count == 0 { "group" } else { "grid" }} aria-label="Tasks over time"
                 aria-rowcount={(lane_count != 0).then(|| lane_count.to_string())}
                 tabindex="0" {onkeydown} {onwheel} {onclick} {onmouseleave} {onmouseover} {onfocusin}>
                <div class="tl-axis" aria-hidden="true">
                    <div class="tl-axis-track">
                        { for axis.iter().map(|t| html! {
                            <span class={classes!("tl-tick", (t.fraction < band).then_some("first"),
                                                  (t.fraction > 1.0 - band).then_some("last"))}
                                  style={format!("left: {:.4}%", t.fraction * 100.0)}>
                                { seconds_with(t.at, t.decimals) }
                            </span>
                        }) }
                    </div>
                </div>
                <div class="tl-scroll" {onscroll}>
                    <div class="tl-rows" style={format!("height: {}px", lane_count as f64 * ROW_HEIGHT)}>
                        { for rows.clone().filter_map(row) }
                        { for arrows }
                    </div>
                    if lane_count == 0 {
                        <p class="tl-empty">{ "Run or step the program to see its tasks here." }</p>
                    }
                </div>
                <div class="tl-overlay" ref={overlay} aria-hidden="true">
                    { for axis.iter().map(|t| html! {
                        <div class="tl-gridline" style={format!("left: {:.4}%", t.fraction * 100.0)}></div>
                    }) }
                    { cursor(now, "now") }
                    { props.inspect.and_then(|m| cursor(m.at, "chosen")) }
                    { props.divergence.and_then(|t| cursor(t, "diverge")) }
                </div>
            </div>
            <p class="tl-detail" aria-live="polite">
                { detail.unwrap_or_else(|| {
                    "Hover or focus a segment to see what the task was doing. Click a moment to see the loop \
                     then; [ and ] step through events, + and \u{2212} zoom, arrows pan."
                        .to_string()
                }) }
            </p>
            if let (Some(m), Some(trace)) = (props.inspect, trace) {
                <div class="tl-inspect" role="status">
                    <span>{ format!("Showing the loop at {} (after event {} of {})",
                        seconds(m.at), grouped(m.events as u64), grouped(trace.events.len() as u64)) }</span>
                    <button type="button" onclick={let cb = props.onstepinspect.clone(); move |_: MouseEvent| cb.emit(-1)}>
                        { "Previous event" }
                    </button>
                    <button type="button" onclick={let cb = props.onstepinspect.clone(); move |_: MouseEvent| cb.emit(1)}>
                        { "Next event" }
                    </button>
                    <button type="button" onclick={let cb = props.onendinspect.clone(); move |_: MouseEvent| cb.emit(())}>
                        { "Back to the end" }
                    </button>
                </div>
            }
        </section>
    }
}
