//! A wait-for graph drawn as a small SVG: lanes (in their colours) and objects on a circle, arrows "waits for"
//! and "held by" between them, and the same edges as a list of sentences for screen readers.

use std::rc::Rc;

use yew::prelude::*;

use crate::describe::task_style;
use crate::run::RunRef;
use crate::waits::{circle, Graph, Node};

#[derive(PartialEq, Properties)]
pub struct WaitGraphProps {
    pub graph: Rc<Graph>,
    pub run: RunRef,
    /// The graph's accessible name.
    pub label: AttrValue,
    /// A deadlock's cycle, drawn in the danger colour.
    #[prop_or_default]
    pub cycle: bool,
}

/// Half a node's box, in SVG units.
const HALF_W: f64 = 52.0;
const HALF_H: f64 = 11.0;

/// Where the segment from `a` to `b` leaves `a`'s box (boxes are HALF_W by HALF_H around their centre).
fn exit(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let tx = if dx.abs() > 1e-9 {
        HALF_W / dx.abs()
    } else {
        f64::INFINITY
    };
    let ty = if dy.abs() > 1e-9 {
        HALF_H / dy.abs()
    } else {
        f64::INFINITY
    };
    let t = tx.min(ty).min(1.0) + 0.04;
    (a.0 + dx * t, a.1 + dy * t)
}

#[function_component(WaitGraph)]
pub fn wait_graph(props: &WaitGraphProps) -> Html {
    let run = props.run.run.borrow();
    let trace = run.trace();
    let g = &*props.graph;
    let name = |n: Node| match n {
        Node::Lane(t) => trace.task_name(t).to_string(),
        Node::Object(o) => trace.object_name(o).to_string(),
    };
    let (points, radius) = circle(g.nodes.len());
    let (w, h) = (2.0 * radius + 2.0 * HALF_W + 8.0, 2.0 * radius + 2.0 * HALF_H + 8.0);
    let at = |i: usize| (points[i].0 + w / 2.0, points[i].1 + h / 2.0);
    // Long names are cut to fit their box; the list below and the title keep them whole.
    let short = |s: String| {
        if s.chars().count() > 15 {
            format!("{}\u{2026}", s.chars().take(14).collect::<String>())
        } else {
            s
        }
    };
    // One graph of each kind at most on the page, so each kind's arrowhead has an id of its own.
    let marker_id = if props.cycle { "wg-head-cycle" } else { "wg-head-live" };
    let marker = format!("url(#{marker_id})");
    let edges = g.edges.iter().map(|&(a, b, rel)| {
        let (pa, pb) = (at(a), at(b));
        let (from, to) = (exit(pa, pb), exit(pb, pa));
        let mid = ((from.0 + to.0) / 2.0, (from.1 + to.1) / 2.0);
        // Two arrows between the same pair (a two-lane cycle of awaits) bend apart.
        let back = g.edges.iter().any(|&(c, d, _)| c == b && d == a);
        let (nx, ny) = {
            let (dx, dy) = (to.0 - from.0, to.1 - from.1);
            let len = (dx * dx + dy * dy).sqrt().max(1.0);
            (-dy / len, dx / len)
        };
        let bend = if back { 14.0 } else { 0.0 };
        let ctrl = (mid.0 + nx * bend * 2.0, mid.1 + ny * bend * 2.0);
        let label_at = (mid.0 + nx * bend, mid.1 + ny * bend);
        html! {
            <g class={classes!("wg-edge", matches!(rel, crate::waits::Rel::HeldBy).then_some("held"))}>
                <path d={format!("M{:.1},{:.1} Q{:.1},{:.1} {:.1},{:.1}", from.0, from.1, ctrl.0, ctrl.1, to.0, to.1)}
                      marker-end={marker.clone()}></path>
                <text x={format!("{:.1}", label_at.0)} y={format!("{:.1}", label_at.1 - 3.0)}
                      text-anchor="middle">{ rel.label() }</text>
            </g>
        }
    });
    let nodes = g.nodes.iter().enumerate().map(|(i, &n)| {
        let (x, y) = at(i);
        let (class, style) = match n {
            Node::Lane(t) => ("wg-lane", task_style(t)),
            Node::Object(_) => ("wg-obj", String::new()),
        };
        let full = name(n);
        html! {
            <g class={classes!("wg-node", class)} {style}>
                <title>{ full.clone() }</title>
                <rect x={format!("{:.1}", x - HALF_W)} y={format!("{:.1}", y - HALF_H)}
                      width={format!("{:.1}", 2.0 * HALF_W)} height={format!("{:.1}", 2.0 * HALF_H)} rx="5"></rect>
                <text x={format!("{x:.1}")} y={format!("{:.1}", y + 4.0)} text-anchor="middle">{ short(full) }</text>
            </g>
        }
    });
    let sentences = g.edges.iter().map(|&(a, b, rel)| {
        html! { <li>{ format!("{} {} {}", name(g.nodes[a]), rel.label(), name(g.nodes[b])) }</li> }
    });
    html! {
        <figure class={classes!("wait-graph", props.cycle.then_some("cycle"))}>
            <svg viewBox={format!("0 0 {w:.0} {h:.0}")} width={format!("{w:.0}")} aria-hidden="true">
                <defs>
                    <marker id={marker_id} viewBox="0 0 8 8" refX="8" refY="4" markerWidth="7" markerHeight="7"
                            orient="auto-start-reverse"><path d="M0,0L8,4L0,8z"></path></marker>
                </defs>
                { for edges }
                { for nodes }
            </svg>
            <figcaption>
                <ul class="wg-edges" aria-label={props.label.clone()}>{ for sentences }</ul>
                if g.more > 0 {
                    <p class="wg-more">{ format!("and {} more waits and holds, not drawn", g.more) }</p>
                }
            </figcaption>
        </figure>
    }
}
