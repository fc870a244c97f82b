//! The wait-for graphs the page draws: who waits for what and who holds it, at the moment shown or around a
//! deadlock's cycle, with each node's place on a circle.

use interleave::replay::{LoopState, TaskPhase};
use interleave::trace::{ObjId, SyncOp, TaskId, Trace, WaitReason};

/// Edges drawn at most in the live graph; the rest are counted.
pub const MAX_EDGES: usize = 16;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Node {
    Lane(TaskId),
    Object(ObjId),
}

/// What an arrow says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rel {
    /// A lane waits for an object (to acquire it, get from it...).
    WaitsFor(SyncOp),
    /// A lane waits for another lane to finish.
    Awaits,
    /// An object is held by a lane.
    HeldBy,
}

impl Rel {
    pub fn label(self) -> &'static str {
        match self {
            Rel::WaitsFor(SyncOp::Acquire) => "waits for",
            Rel::WaitsFor(SyncOp::Wait) => "waits on",
            Rel::WaitsFor(SyncOp::Get) => "waits to get",
            Rel::WaitsFor(SyncOp::Put) => "waits to put",
            Rel::WaitsFor(SyncOp::Join) => "waits to join",
            Rel::Awaits => "awaits",
            Rel::HeldBy => "held by",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Graph {
    pub nodes: Vec<Node>,
    /// (from, to, what): indexes into `nodes`.
    pub edges: Vec<(usize, usize, Rel)>,
    /// Edges left out past [`MAX_EDGES`].
    pub more: usize,
}

impl Graph {
    fn node(&mut self, n: Node) -> usize {
        match self.nodes.iter().position(|&m| m == n) {
            Some(i) => i,
            None => {
                self.nodes.push(n);
                self.nodes.len() - 1
            }
        }
    }

    fn edge(&mut self, from: Node, to: Node, rel: Rel) {
        let (a, b) = (self.node(from), self.node(to));
        if !self.edges.contains(&(a, b, rel)) {
            self.edges.push((a, b, rel));
        }
    }

    pub fn is_empty(&self) -> bool {
        self.edges.is_empty()
    }
}

/// A deadlock's cycle (`Finding::cycle`): each lane waits for its object, held by the next lane, or awaits the
/// next lane itself.
pub fn of_cycle(cycle: &[(TaskId, Option<ObjId>)]) -> Graph {
    let mut g = Graph::default();
    for (k, &(lane, obj)) in cycle.iter().enumerate() {
        let next = cycle[(k + 1) % cycle.len()].0;
        match obj {
            Some(o) => {
                g.edge(Node::Lane(lane), Node::Object(o), Rel::WaitsFor(SyncOp::Acquire));
                g.edge(Node::Object(o), Node::Lane(next), Rel::HeldBy);
            }
            None => g.edge(Node::Lane(lane), Node::Lane(next), Rel::Awaits),
        }
    }
    g
}

/// Who waits for what and who holds what at the moment `state` shows: lanes waiting on locks, semaphores,
/// conditions, queues and events, or awaiting other lanes, and the holders of the objects involved and of
/// every object held. The runtime's own objects are left out.
pub fn at(trace: &Trace, state: &LoopState) -> Graph {
    let mut g = Graph::default();
    let mut total = 0;
    let visible = |o: ObjId| trace.objects.get(o as usize).is_some_and(|i| !i.internal);
    let mut add = |g: &mut Graph, from: Node, to: Node, rel: Rel| {
        total += 1;
        if g.edges.len() < MAX_EDGES {
            g.edge(from, to, rel);
        }
    };
    for (id, s) in state.tasks.iter().enumerate() {
        let Some(s) = s else { continue };
        let lane = id as TaskId;
        match s.phase {
            TaskPhase::Waiting(WaitReason::Sync { obj, op }) if visible(obj) => {
                add(&mut g, Node::Lane(lane), Node::Object(obj), Rel::WaitsFor(op))
            }
            TaskPhase::Waiting(WaitReason::Process { obj: Some(obj) }) if visible(obj) => {
                add(&mut g, Node::Lane(lane), Node::Object(obj), Rel::WaitsFor(SyncOp::Wait))
            }
            TaskPhase::Waiting(WaitReason::Task(t)) if t != lane => {
                let internal = trace.tasks.get(t as usize).is_none_or(|i| i.internal);
                if !internal {
                    add(&mut g, Node::Lane(lane), Node::Lane(t), Rel::Awaits)
                }
            }
            _ => {}
        }
    }
    for (id, o) in state.objects.iter().enumerate() {
        let obj = id as ObjId;
        if o.holders.is_empty() || !visible(obj) {
            continue;
        }
        for &h in &o.holders {
            add(&mut g, Node::Object(obj), Node::Lane(h), Rel::HeldBy);
        }
    }
    g.more = total - g.edges.len().min(total);
    g
}

/// Each node's centre, on a circle around (0, 0) of the radius returned, the first at the top, clockwise.
pub fn circle(n: usize) -> (Vec<(f64, f64)>, f64) {
    // Room for a label of about 110 px between neighbours.
    let radius = match n {
        0 | 1 => 0.0,
        2 => 70.0,
        _ => (n as f64 * 34.0 / std::f64::consts::PI).max(70.0),
    };
    let points = (0..n)
        .map(|k| {
            let a = std::f64::consts::TAU * k as f64 / n as f64 - std::f64::consts::FRAC_PI_2;
            (radius * a.cos(), radius * a.sin())
        })
        .collect();
    (points, radius)
}

#[cfg(test)]
mod tests {
    use super::*;
    use interleave::session::{Config, Session};

    #[test]
    fn a_two_lock_cycle_alternates_lanes_and_locks() {
        let g = of_cycle(&[(2, Some(7)), (3, Some(8))]);
        assert_eq!(
            g.nodes,
            vec![Node::Lane(2), Node::Object(7), Node::Lane(3), Node::Object(8)]
        );
        let rels: Vec<_> = g
            .edges
            .iter()
            .map(|&(a, b, r)| (g.nodes[a], g.nodes[b], r.label()))
            .collect();
        assert_eq!(
            rels,
            vec![
                (Node::Lane(2), Node::Object(7), "waits for"),
                (Node::Object(7), Node::Lane(3), "held by"),
                (Node::Lane(3), Node::Object(8), "waits for"),
                (Node::Object(8), Node::Lane(2), "held by"),
            ]
        );
        let g = of_cycle(&[(4, None), (5, None)]);
        assert_eq!(g.edges, vec![(0, 1, Rel::Awaits), (1, 0, Rel::Awaits)]);
    }

    #[test]
    fn the_live_graph_shows_who_waits_for_a_held_lock() {
        let source = "import asyncio\n\
async def hold(lock):\n    async with lock:\n        await asyncio.sleep(1)\n\
async def main():\n    lock = asyncio.Lock()\n    a = asyncio.create_task(hold(lock))\n    b = asyncio.create_task(hold(lock))\n    await asyncio.sleep(0.5)\n    await a\n    await b\n\
asyncio.run(main())\n";
        let mut s = Session::new(source, Config::default());
        s.run_to_end();
        let trace = s.trace();
        // Half way through the first hold: Task-2 holds the lock and Task-3 waits for it; main sleeps.
        let events = interleave::replay::events_until(trace, 500_000_000);
        let state = interleave::replay::state_at(trace, events);
        let g = at(trace, &state);
        let said: Vec<String> = g
            .edges
            .iter()
            .map(|&(a, b, r)| {
                let name = |n: Node| match n {
                    Node::Lane(t) => trace.task_name(t).to_string(),
                    Node::Object(o) => trace.object_name(o).to_string(),
                };
                format!("{} {} {}", name(g.nodes[a]), r.label(), name(g.nodes[b]))
            })
            .collect();
        assert_eq!(said, ["Task-3 waits for Lock-1", "Lock-1 held by Task-2"]);
        assert_eq!(g.more, 0);
        // At the end nobody waits or holds anything.
        assert!(at(trace, &interleave::replay::state_at(trace, usize::MAX)).is_empty());
    }

    #[test]
    fn nodes_on_a_circle_are_spread_and_the_first_is_on_top() {
        let (points, r) = circle(4);
        assert_eq!(points.len(), 4);
        assert!(r >= 70.0);
        assert!(points[0].0.abs() < 1e-9 && (points[0].1 + r).abs() < 1e-9);
        for (i, a) in points.iter().enumerate() {
            for b in &points[i + 1..] {
                assert!(((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt() > 90.0);
            }
        }
        assert!(circle(12).1 > circle(4).1);
    }
}
