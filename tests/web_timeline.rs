//! The timeline in a real browser, over hand-made traces: one row per task named after it, main first, segments
//! described, and only the visible lanes built.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use interleave::trace::{Event, EventKind, ObjInfo, ObjKind, SyncOp, TaskInfo, Time, Trace, WaitReason, Wake};
use interleave_app::components::timeline::{Timeline, TimelineProps};
use interleave_app::layout::Viewport;
use interleave_app::run::{Run, RunRef};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::Element;
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

const MS: Time = 1_000_000;

fn trace_with_tasks(names: &[&str]) -> Trace {
    let mut trace = Trace::default();
    for name in names {
        trace.tasks.push(TaskInfo {
            name: (*name).into(),
            coro: "worker".into(),
            parent: 0,
            created_line: 1,
            internal: false,
            thread: false,
        });
    }
    trace
}

fn ev(at: Time, task: u32, line: u32, kind: EventKind) -> Event {
    Event { at, task, line, kind }
}

/// Task-1 holds Lock-1 and sleeps; Task-2 waits for the lock; main awaits Task-1.
fn lock_trace() -> Trace {
    let mut trace = trace_with_tasks(&["main", "Task-1", "Task-2"]);
    trace.objects.push(ObjInfo {
        kind: ObjKind::Lock,
        name: "Lock-1".into(),
        created_line: 2,
        internal: false,
        capacity: None,
    });
    use EventKind::*;
    trace.events = vec![
        ev(0, 0, 10, Resumed),
        ev(0, 1, 10, Created { parent: 0 }),
        ev(0, 1, 10, Ready { by: Wake::Spawn }),
        ev(0, 2, 11, Created { parent: 0 }),
        ev(0, 2, 11, Ready { by: Wake::Spawn }),
        ev(
            MS,
            0,
            12,
            Suspended {
                reason: WaitReason::Task(1),
            },
        ),
        ev(MS, 1, 4, Resumed),
        ev(MS, 1, 4, Acquired { obj: 0 }),
        ev(
            2 * MS,
            1,
            5,
            Suspended {
                reason: WaitReason::Sleep { until: 500 * MS },
            },
        ),
        ev(2 * MS, 2, 4, Resumed),
        ev(
            3 * MS,
            2,
            4,
            Suspended {
                reason: WaitReason::Sync {
                    obj: 0,
                    op: SyncOp::Acquire,
                },
            },
        ),
        ev(500 * MS, 1, 5, Ready { by: Wake::Timer(0) }),
    ];
    trace
}

async fn mount(trace: Trace, viewport: Viewport, height: f64) -> Element {
    mount_with(trace, viewport, height, |p| p).await
}

/// Mounts the timeline with props adjusted by `adjust` (callbacks to observe, say).
async fn mount_with(
    trace: Trace,
    viewport: Viewport,
    height: f64,
    adjust: impl FnOnce(TimelineProps) -> TimelineProps,
) -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let props = TimelineProps {
        run: Some(RunRef {
            run: Rc::new(RefCell::new(Run::recorded(trace))),
            tick: 0,
        }),
        viewport,
        scroll_top: 0.0,
        height,
        inspect: None,
        detail: None,
        inspectable: true,
        onnavigate: Callback::noop(),
        onscroll: Callback::noop(),
        oninspect: Callback::noop(),
        onstepinspect: Callback::noop(),
        onendinspect: Callback::noop(),
        ondescribe: Callback::noop(),
        folded: Rc::default(),
        onfold: Callback::noop(),
        finding: None,
        candidates: Rc::default(),
        onchoose: Callback::noop(),
        divergence: None,
    };
    let props = adjust(props);
    yew::Renderer::<Timeline>::with_root_and_props(root.clone(), props).render();
    yew::platform::time::sleep(Duration::from_millis(20)).await;
    root
}

fn rows(root: &Element) -> Vec<Element> {
    let list = root.query_selector_all("[role=row]").unwrap();
    (0..list.length())
        .map(|i| wasm_bindgen::JsCast::unchecked_into(list.item(i).unwrap()))
        .collect()
}

#[wasm_bindgen_test]
async fn each_task_has_a_row_labelled_with_its_name_main_first() {
    let root = mount(lock_trace(), Viewport::fit(500 * MS), 400.0).await;
    let labels: Vec<_> = rows(&root)
        .iter()
        .map(|r| r.get_attribute("aria-label").unwrap())
        .collect();
    assert_eq!(labels, vec!["main", "Task-1", "Task-2"]);
}

#[wasm_bindgen_test]
async fn a_pending_choices_lanes_have_pick_buttons_that_answer_without_inspecting() {
    let chosen = Rc::new(RefCell::new(Vec::new()));
    let inspected = Rc::new(RefCell::new(Vec::new()));
    let (c, i) = (chosen.clone(), inspected.clone());
    let root = mount_with(lock_trace(), Viewport::fit(500 * MS), 400.0, move |p| TimelineProps {
        candidates: Rc::new(vec![(1, 0, true), (2, 1, false)]),
        onchoose: Callback::from(move |k| c.borrow_mut().push(k)),
        oninspect: Callback::from(move |t| i.borrow_mut().push(t)),
        divergence: Some(100 * MS),
        ..p
    })
    .await;
    let picks = root.query_selector_all(".tl-row.tl-candidate .tl-pick").unwrap();
    assert_eq!(picks.length(), 2);
    let label = |i: u32| {
        let e: Element = wasm_bindgen::JsCast::unchecked_into(picks.item(i).unwrap());
        e.get_attribute("aria-label").unwrap()
    };
    assert_eq!(
        (label(0), label(1)),
        ("Pick (CPython): Task-1".into(), "Pick: Task-2".into())
    );
    let second: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(picks.item(1).unwrap());
    second.click();
    assert_eq!(*chosen.borrow(), vec![1]);
    assert!(inspected.borrow().is_empty(), "a pick is not a click on the track");
    assert_eq!(root.query_selector_all(".tl-cursor.diverge").unwrap().length(), 1);
}

#[wasm_bindgen_test]
async fn segments_say_what_the_task_was_doing_and_why() {
    let root = mount(lock_trace(), Viewport::fit(500 * MS), 400.0).await;
    let task2 = &rows(&root)[2];
    let segs = task2.query_selector_all(".seg[aria-label]").unwrap();
    let labels: Vec<_> = (0..segs.length())
        .map(|i| {
            let el: Element = wasm_bindgen::JsCast::unchecked_into(segs.item(i).unwrap());
            el.get_attribute("aria-label").unwrap()
        })
        .collect();
    assert!(
        labels
            .iter()
            .any(|l| l == "Task-2: waiting for Lock-1, held by Task-1, since 0.003 s, line 4"),
        "{labels:?}"
    );
    let sleeping = rows(&root)[1].query_selector(".s-sleeping").unwrap();
    assert!(sleeping.is_some());
}

#[wasm_bindgen_test]
async fn only_visible_lanes_are_built() {
    let names: Vec<String> = std::iter::once("main".to_string())
        .chain((1..1000).map(|i| format!("Task-{i}")))
        .collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut trace = trace_with_tasks(&refs);
    trace.events = (1..1000)
        .map(|t| ev(t as Time, t, 1, EventKind::Ready { by: Wake::Spawn }))
        .collect();
    let root = mount(trace, Viewport::fit(1000), 280.0).await;
    let built = rows(&root);
    assert!(built.len() < 30, "{} rows built", built.len());
    assert_eq!(built[0].get_attribute("aria-label").as_deref(), Some("main"));
    let grid = root.query_selector("[role=grid]").unwrap().unwrap();
    assert_eq!(grid.get_attribute("aria-rowcount").as_deref(), Some("1000"));
}

#[wasm_bindgen_test]
async fn focusing_a_segment_describes_it_and_enter_inspects_its_start() {
    let described = Rc::new(RefCell::new(Vec::new()));
    let inspected = Rc::new(RefCell::new(Vec::new()));
    let (d, i) = (described.clone(), inspected.clone());
    let root = mount_with(lock_trace(), Viewport::fit(500 * MS), 400.0, move |p| TimelineProps {
        ondescribe: Callback::from(move |seg| d.borrow_mut().push(seg)),
        oninspect: Callback::from(move |t| i.borrow_mut().push(t)),
        ..p
    })
    .await;
    let task2 = &rows(&root)[2];
    let waiting: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(
        task2
            .query_selector("[aria-label^='Task-2: waiting for Lock-1']")
            .unwrap()
            .expect("Task-2's wait is drawn"),
    );
    waiting.focus().unwrap();
    let seg = described
        .borrow()
        .last()
        .copied()
        .flatten()
        .expect("focus described a segment");
    assert_eq!(seg.0, 2, "the segment belongs to Task-2's lane");
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Enter");
    init.set_bubbles(true);
    let enter = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    waiting.dispatch_event(&enter).unwrap();
    assert_eq!(
        *inspected.borrow(),
        vec![3 * MS],
        "Enter shows the moment the wait began"
    );
}

#[wasm_bindgen_test]
async fn a_cut_trace_is_announced_above_the_lanes() {
    let whole = mount(lock_trace(), Viewport::fit(500 * MS), 400.0).await;
    assert!(whole.query_selector(".tl-cut").unwrap().is_none());
    let mut trace = lock_trace();
    let events = trace.events.len();
    trace.cut_at = Some(5 * MS);
    let root = mount(trace, Viewport::fit(500 * MS), 400.0).await;
    let note = root.query_selector(".tl-cut[role=status]").unwrap().expect("a notice");
    assert_eq!(
        note.text_content().unwrap(),
        format!("The trace was cut at 0.005 s after {events} events; the run went on.")
    );
}

/// A producer process puts two messages on a queue that a consumer process takes, on two cores.
fn processes_trace() -> Trace {
    let config = interleave::session::Config {
        cpu_count: 2,
        ..Default::default()
    };
    let mut session = interleave::session::Session::new(
        r#"import multiprocessing
def consume(q):
    print(q.get(), q.get())
def produce(q):
    q.put(1)
    q.put("two")
q = multiprocessing.Queue()
ps = [multiprocessing.Process(target=f, args=(q,)) for f in (consume, produce)]
for p in ps:
    p.start()
for p in ps:
    p.join()
"#,
        config,
    );
    assert_eq!(session.run_to_end(), 0);
    session.trace().clone()
}

fn labels(root: &Element) -> Vec<String> {
    rows(root)
        .iter()
        .map(|r| r.get_attribute("aria-label").unwrap())
        .collect()
}

#[wasm_bindgen_test]
async fn processes_have_a_header_a_gil_and_their_lanes_under_the_cores() {
    let trace = processes_trace();
    let end = trace.events.iter().map(|e| e.at).max().unwrap();
    let root = mount(trace, Viewport::fit(end), 600.0).await;
    // The queue's backlog row names the most that waited in it, which the processes' timing decides.
    let backlog = "Queue-1: the items waiting in it over time, at most ";
    let got: Vec<String> = labels(&root)
        .into_iter()
        .map(|l| {
            if l.starts_with(backlog) {
                "Queue-1's backlog".into()
            } else {
                l
            }
        })
        .collect();
    assert_eq!(
        got,
        [
            "Core 0",
            "Core 1",
            "Queue-1's backlog",
            "MainProcess, pid 4242",
            "GIL of MainProcess",
            "MainThread",
            "Process-1, pid 4243, exit code 0",
            "GIL of Process-1",
            "Process-1",
            "Process-2, pid 4244, exit code 0",
            "GIL of Process-2",
            "Process-2",
            "QueueFeederThread",
        ]
    );
    let all = rows(&root);
    // Items wait in the queue between the producer's put and the consumer's get: bars that say so.
    let bars = all[2].query_selector_all(".q-bar[title]").unwrap();
    assert!(bars.length() > 0, "the queue's backlog has bars");
    let bar: Element = wasm_bindgen::JsCast::unchecked_into(bars.item(0).unwrap());
    let title = bar.get_attribute("title").unwrap();
    assert!(title.contains(" waiting in Queue-1, "), "{title}");
    // Each GIL is held by its own process's threads only.
    let gil1 = all[7].query_selector_all(".seg[aria-label]").unwrap();
    assert!(gil1.length() > 0);
    for i in 0..gil1.length() {
        let el: Element = wasm_bindgen::JsCast::unchecked_into(gil1.item(i).unwrap());
        let label = el.get_attribute("aria-label").unwrap();
        assert!(label.starts_with("GIL of Process-1: "), "{label}");
        assert!(
            !label.contains("held by Process-2") && !label.contains("MainThread"),
            "{label}"
        );
    }
    let cores = all[0].query_selector("[aria-label^='Core 0: ']").unwrap();
    assert!(cores.is_some(), "core 0 ran a process");
    // Two arrows, from the producer's queue feeder thread's row (12: it sends what `put` hands it, as in
    // CPython) to the consumer's (8), rows 28 px high.
    let lines = root.query_selector_all(".tl-arrows line").unwrap();
    assert_eq!(lines.length(), 2);
    let line: Element = wasm_bindgen::JsCast::unchecked_into(lines.item(1).unwrap());
    assert_eq!(line.get_attribute("y1").as_deref(), Some("350.0"));
    assert_eq!(line.get_attribute("y2").as_deref(), Some("238.0"));
    let title = line.text_content().unwrap();
    assert!(title.starts_with("Queue-1: 'two' sent by QueueFeederThread"), "{title}");
}

#[wasm_bindgen_test]
async fn a_folded_process_shows_only_its_header_and_the_button_says_so() {
    let trace = processes_trace();
    let end = trace.events.iter().map(|e| e.at).max().unwrap();
    let folds = Rc::new(RefCell::new(Vec::new()));
    let f = folds.clone();
    let root = mount_with(trace, Viewport::fit(end), 600.0, move |p| TimelineProps {
        folded: Rc::new(vec![1]),
        onfold: Callback::from(move |p| f.borrow_mut().push(p)),
        ..p
    })
    .await;
    let got = labels(&root);
    assert_eq!(
        &got[6..],
        [
            "Process-1, pid 4243, exit code 0",
            "Process-2, pid 4244, exit code 0",
            "GIL of Process-2",
            "Process-2",
            "QueueFeederThread"
        ]
    );
    let button: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(
        root.query_selector("button[aria-label='Unfold Process-1']")
            .unwrap()
            .expect("a button"),
    );
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("false"));
    button.click();
    assert_eq!(*folds.borrow(), [1]);
    // Arrows into the folded process end on its header's row (6).
    let line = root.query_selector(".tl-arrows line").unwrap().expect("an arrow");
    assert_eq!(line.get_attribute("y2").as_deref(), Some("182.0"));
}
