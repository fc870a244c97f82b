//! The trace stays compact: an event is at most 40 bytes, and a million-event run costs little more than that each.

use interleave::session::{Config, Session};
use interleave::trace::Event;
use std::mem::size_of;

#[test]
fn an_event_is_at_most_40_bytes() {
    assert!(size_of::<Event>() <= 40, "an Event is {} bytes", size_of::<Event>());
}

/// Ten tasks yielding to each other: every `await asyncio.sleep(0)` records Suspended, Ready and Resumed.
const YIELDING_TASKS: &str = r#"
import asyncio

async def spin(n):
    for i in range(n):
        await asyncio.sleep(0)

async def main():
    await asyncio.gather(*(spin(35000) for _ in range(10)))

asyncio.run(main())
"#;

#[test]
fn a_million_events_cost_about_their_size() {
    let mut s = Session::new(YIELDING_TASKS, Config::default());
    assert_eq!(s.run_to_end(), 0, "{}", s.stderr());
    let trace = s.trace();
    let events = trace.events.len();
    assert!(events >= 1_000_000, "only {events} events");
    let side_tables: usize = trace
        .texts
        .iter()
        .map(|t| t.capacity() + size_of::<String>())
        .sum::<usize>()
        + trace
            .tasks
            .iter()
            .map(|t| t.name.capacity() + t.coro.capacity() + size_of_val(t))
            .sum::<usize>()
        + trace
            .objects
            .iter()
            .map(|o| o.name.capacity() + size_of_val(o))
            .sum::<usize>();
    let held = trace.events.capacity() * size_of::<Event>();
    let per_event = (held + side_tables) as f64 / events as f64;
    let used = (events * size_of::<Event>() + side_tables) as f64 / events as f64;
    println!(
        "{events} events: {per_event:.1} bytes each as held (Vec capacity {}), {used:.1} as used",
        trace.events.capacity()
    );
    // The session trims the events' Vec when the run ends.
    assert!(per_event <= 41.0, "{per_event:.1} bytes per event");
    assert!(used <= 41.0, "{used:.1} bytes per event, side tables included");
}
