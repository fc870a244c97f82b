//! The timeline: one swimlane per task, segments coloured by state, a time axis, the "now" cursor, zoom
//! and pan, and choosing a moment to inspect.
//!
//! Drawn with absolutely positioned divs rather than SVG: each segment needs an accessible name, focus and a
//! tooltip, which HTML elements give for free, and CSS variables colour them per state and per theme. The
//! DOM stays small because only what is visible is built: lanes are virtualised vertically (only rows in
//! the scrolled window exist) and segments are culled and merged per column horizontally
//! ([`crate::layout::blocks`]), so a run of 10,000 tasks and a million events draws a few hundred elements.

use interleave::replay::{Lane, GIL_LANE};
use interleave::trace::{TaskId, Time, Trace};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent, WheelEvent};
use yew::prelude::*;

use crate::components::legend::Legend;
use crate::describe::{grouped, lane_name, seconds, seconds_with, segment, task_style};
use crate::layout::{blocks, columns_for, ticks, visible_rows, Viewport};
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
}

/// Where the pointer is across the track, from the overlay that covers exactly the track column.
fn fraction_at(overlay: &NodeRef, client_x: i32) -> Option<f64> {
    let rect = overlay.cast::<Element>()?.get_bounding_client_rect();
    let f = (client_x as f64 - rect.left()) / rect.width();
    (rect.width() > 0.0 && (0.0..=1.0).contains(&f)).then_some(f)
}

fn lane_row(trace: &Trace, lane: &Lane, index: usize, props: &TimelineProps, now: Time, columns: u64) -> Html {
    let task = lane.task;
    let name = lane_name(trace, task).to_string();
    let view = &props.viewport;
    let drawn = blocks(lane, view, now, columns);
    // No listeners per segment: the grid handles hover, focus and keys for all of them through the
    // `data-task`/`data-seg` attributes (see `segment_of`), which keeps a row cheap to build.
    let segs = drawn.iter().map(|b| {
        let mut style = format!(
            "left: {:.4}%; width: {:.4}%",
            b.left.max(0.0) * 100.0,
            (b.width + b.left.min(0.0)).max(0.0) * 100.0
        );
        // The GIL's turns take the colour of the thread holding it, as its lane's dot shows.
        let holder = (task == GIL_LANE).then(|| lane.segments[b.segment].holder).flatten();
        if let Some(h) = holder {
            style.push_str(&format!("; {}", task_style(h)));
        }
        let class = classes!(
            "seg",
            format!("s-{}", b.kind.class()),
            b.dense.then_some("dense"),
            holder.map(|_| "gil-held")
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
    html! {
        <div key={task} class="tl-row" role="row" aria-label={name.clone()} aria-rowindex={(index + 1).to_string()}
             style={format!("top: {}px; {}", index as f64 * ROW_HEIGHT, task_style(task))} data-task={task.to_string()}>
            <div class="tl-name" role="rowheader" title={name.clone()}>{ name }</div>
            <div class="tl-track" role="gridcell">{ for segs }</div>
        </div>
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
                    let lane = if task == GIL_LANE {
                        Some(&run.replay.gil)
                    } else {
                        run.replay.lanes.get(task as usize)
                    };
                    Some(lane?.segments.get(i)?.start)
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
    let all_lanes = run.as_ref().map_or(&[][..], |r| &r.replay.lanes[..]);
    // A program with threads gets the GIL's lane first: who holds it, and why each one let go. Then the lanes
    // in the index's order (each thread's lane with its loop's tasks under it), without asyncio.run's own
    // shutdown tasks, which are the runtime's business. Only the rows on screen are looked up.
    let gil = run.as_ref().map(|r| &r.replay.gil).filter(|g| !g.segments.is_empty());
    let order = run.as_ref().map(|r| &r.index.lanes);
    let gil_rows = usize::from(gil.is_some());
    let lane_count = gil_rows + order.map_or(0, |o| o.len());
    let lane = |i: usize| -> Option<&Lane> {
        match i.checked_sub(gil_rows) {
            None => gil,
            Some(i) => all_lanes.get(order?.get(i)? as usize),
        }
    };
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
    let detail = match (props.detail, trace) {
        (Some((task, i)), Some(trace)) => (if task == GIL_LANE {
            gil
        } else {
            all_lanes.get(task as usize)
        })
        .and_then(|l| l.segments.get(i))
        .map(|seg| segment(trace, task, seg)),
        _ => None,
    };

    html! {
        <section class="timeline" aria-labelledby="timeline-title">
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
                        { for rows.clone().filter_map(|i| {
                            let trace = trace?;
                            Some(lane_row(trace, lane(i)?, i, props, now, columns))
                        }) }
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
