//! A run's timeline as a standalone SVG picture (`interleave run FILE.py --svg OUT.svg`): one lane per task or
//! thread, the GIL's first when threads ran, each stretch coloured by what the task was doing, on a time axis.
//!
//! The picture is static and self-contained (no script, no external font or style), with the light theme's
//! colours of the page, so an author can put it in a tutorial as it is. Names come from the program and are
//! escaped as XML text.

use std::fmt::Write;

use crate::replay::{Lane, Replay, TaskPhase};
use crate::trace::{Time, Trace, WaitReason, Wake};

const WIDTH: f64 = 960.0;
const LABEL: f64 = 180.0;
/// Room right of the track, for the last tick's label.
const RIGHT: f64 = 28.0;
/// A lane's name is cut to this many characters.
const NAME: usize = 26;
const ROW: f64 = 22.0;
const BAR: f64 = 14.0;
const TOP: f64 = 28.0;
const LEGEND: f64 = 30.0;

/// What a stretch of a lane shows: its colour and its legend's words, as the page's timeline has them.
fn paint(phase: TaskPhase) -> (&'static str, &'static str) {
    match phase {
        TaskPhase::Ready(Wake::Gil) | TaskPhase::Waiting(WaitReason::Gil) => ("#d9d2a6", "waiting for the GIL"),
        TaskPhase::New | TaskPhase::Ready(_) | TaskPhase::Waiting(WaitReason::Yield) => ("#e3b23c", "ready"),
        TaskPhase::Running => ("#2f9e55", "running"),
        TaskPhase::Waiting(WaitReason::Sleep { .. }) => ("#78a6ea", "sleeping"),
        TaskPhase::Waiting(WaitReason::Task(_) | WaitReason::Future(_) | WaitReason::EventLoop) => {
            ("#a98bdf", "awaiting")
        }
        TaskPhase::Waiting(WaitReason::Sync { .. } | WaitReason::Process { .. }) => {
            ("#e66a3d", "waiting on a lock, event or queue")
        }
        TaskPhase::Waiting(WaitReason::Net { .. }) => ("#2b9aab", "waiting for the network"),
        TaskPhase::Blocking { .. } => ("#9d1f5c", "blocking the loop"),
        TaskPhase::Done => ("#9ba1ae", "done"),
        TaskPhase::Cancelled => ("#b98556", "cancelled"),
        TaskPhase::Failed { .. } => ("#d32f2f", "failed"),
    }
}

/// `text` escaped for XML character data and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Characters XML 1.0 does not allow at all.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{fffd}'),
            '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// `name`, cut to [`NAME`] characters with an ellipsis.
fn short(name: &str) -> String {
    match name.char_indices().nth(NAME) {
        Some((end, _)) => format!("{}…", &name[..end]),
        None => name.to_string(),
    }
}

/// A round step for the time axis: about `span / 6`, as 1, 2 or 5 times a power of ten nanoseconds.
fn tick_step(span: Time) -> Time {
    let rough = (span / 6).max(1);
    let mut step: Time = 1;
    while step.saturating_mul(10) <= rough {
        step = step.saturating_mul(10);
    }
    for m in [5, 2] {
        if step.saturating_mul(m) <= rough {
            return step.saturating_mul(m);
        }
    }
    step
}

/// Seconds as the page writes them: `0.5 s`, `12 s`, `0.001 s`.
fn seconds(t: Time) -> String {
    let s = format!("{:.9}", t as f64 / 1e9);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    format!("{s} s")
}

/// The run's timeline as an SVG document, from the start to `now` (the run's clock).
pub fn timeline(trace: &Trace, replay: &Replay, now: Time) -> String {
    let mut lanes: Vec<(String, &Lane)> = Vec::new();
    // One GIL per process: named for its process once there are several.
    for (p, gil) in replay.gils.iter().enumerate().filter(|(_, g)| !g.segments.is_empty()) {
        let name = match trace.processes.get(p) {
            Some(proc) if trace.processes.len() > 1 => format!("GIL of {}", proc.name),
            _ => "GIL".into(),
        };
        lanes.push((name, gil));
    }
    for lane in &replay.lanes {
        let info = trace.tasks.get(lane.task as usize);
        if info.is_some_and(|i| i.internal) || lane.segments.is_empty() {
            continue;
        }
        lanes.push((trace.task_name(lane.task).to_string(), lane));
    }
    let span = now.max(1);
    let track = WIDTH - LABEL - RIGHT;
    let x = |t: Time| LABEL + (t.min(span) as f64 / span as f64) * track;
    let height = TOP + lanes.len() as f64 * ROW + LEGEND;
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{height}\" \
         viewBox=\"0 0 {WIDTH} {height}\" font-family=\"sans-serif\" font-size=\"12\">\n\
         <title>Interleave: the run's timeline, 0 to {}</title>\n\
         <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n",
        seconds(now)
    );
    // The time axis: a gridline and a label per tick.
    let step = tick_step(span);
    let mut t = 0;
    while t <= span {
        let _ = writeln!(
            svg,
            "<line x1=\"{0:.1}\" y1=\"{1}\" x2=\"{0:.1}\" y2=\"{2}\" stroke=\"#e2e5ea\"/>\
             <text x=\"{0:.1}\" y=\"16\" text-anchor=\"middle\" fill=\"#5b6270\">{3}</text>",
            x(t),
            TOP - 6.0,
            TOP + lanes.len() as f64 * ROW,
            seconds(t)
        );
        t = match t.checked_add(step) {
            Some(next) => next,
            None => break,
        };
    }
    let mut used: Vec<(&str, &str)> = Vec::new();
    for (row, (name, lane)) in lanes.iter().enumerate() {
        let y = TOP + row as f64 * ROW;
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{:.1}\" fill=\"#1d2330\">{}</text>",
            8,
            y + ROW / 2.0 + 4.0,
            escape(&short(name))
        );
        for seg in &lane.segments {
            let (colour, label) = paint(seg.phase);
            if !used.iter().any(|(c, _)| *c == colour) {
                used.push((colour, label));
            }
            let (x0, x1) = (x(seg.start), x(seg.end_at(now)));
            // Finished tasks are a thin line, as on the page; other stretches are bars of at least a pixel.
            let (top, tall) = if seg.phase.is_finished() {
                (y + ROW / 2.0 - 1.0, 2.0)
            } else {
                (y + (ROW - BAR) / 2.0, BAR)
            };
            let _ = writeln!(
                svg,
                "<rect x=\"{x0:.2}\" y=\"{top:.1}\" width=\"{:.2}\" height=\"{tall}\" fill=\"{colour}\"/>",
                (x1 - x0).max(1.0)
            );
        }
    }
    // The legend: only the colours the picture uses.
    let mut lx = 8.0;
    let ly = TOP + lanes.len() as f64 * ROW + 18.0;
    for (colour, label) in used {
        let _ = writeln!(
            svg,
            "<rect x=\"{lx:.1}\" y=\"{:.1}\" width=\"10\" height=\"10\" fill=\"{colour}\"/>\
             <text x=\"{:.1}\" y=\"{ly:.1}\" fill=\"#5b6270\">{label}</text>",
            ly - 9.0,
            lx + 14.0
        );
        lx += 24.0 + label.len() as f64 * 6.2;
    }
    svg.push_str("</svg>\n");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::{Config, Session};

    fn picture(source: &str) -> String {
        let mut session = Session::new(source, Config::default());
        session.run_to_end();
        let mut replay = Replay::new();
        replay.extend(session.trace());
        timeline(session.trace(), &replay, session.now())
    }

    #[test]
    fn every_task_gets_a_lane_with_its_name_escaped() {
        let svg = picture(
            "import asyncio\nasync def w(d):\n    await asyncio.sleep(d)\n\
             async def main():\n    await asyncio.gather(asyncio.create_task(w(1), name='<b>&x'), w(2))\n\
             asyncio.run(main())\n",
        );
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.ends_with("</svg>\n"));
        assert!(svg.contains(">&lt;b&gt;&amp;x</text>"), "{svg}");
        assert!(!svg.contains("<b>"));
        for name in [">main</text>", ">Task-1</text>", ">Task-3</text>"] {
            assert!(svg.contains(name), "{name} in {svg}");
        }
        // Sleeping stretches and the axis to two seconds.
        assert!(svg.contains("fill=\"#78a6ea\""));
        assert!(svg.contains(">2 s</text>"));
        assert!(!svg.contains("GIL</text>"));
    }

    #[test]
    fn threads_get_the_gil_lane_first() {
        let svg = picture(
            "import threading\ndef f():\n    sum(range(20000))\n\
             ts = [threading.Thread(target=f) for _ in range(2)]\nfor t in ts: t.start()\nfor t in ts: t.join()\n",
        );
        let labels: Vec<&str> = svg
            .split("fill=\"#1d2330\">")
            .skip(1)
            .filter_map(|s| s.split('<').next())
            .collect();
        assert_eq!(labels.first(), Some(&"GIL"), "{svg}");
        assert!(labels.len() >= 4, "{labels:?}");
    }

    #[test]
    fn ticks_are_round() {
        assert_eq!(tick_step(1_000_000_000), 100_000_000);
        assert_eq!(tick_step(6_000_000_000), 1_000_000_000);
        assert_eq!(tick_step(13_000_000_000), 2_000_000_000);
        assert_eq!(tick_step(1), 1);
        assert_eq!(seconds(1_500_000_000), "1.5 s");
        assert_eq!(seconds(0), "0 s");
        assert_eq!(short("ThreadPoolExecutor-0_0"), "ThreadPoolExecutor-0_0");
        assert_eq!(short(&"é".repeat(40)), format!("{}…", "é".repeat(NAME)));
        assert_eq!(escape("a\u{0}<'\">&"), "a\u{fffd}&lt;&#39;&quot;&gt;&amp;");
    }
}
