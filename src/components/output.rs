//! The program's output: one element per printed line, tagged with the task that printed it.

use interleave::replay::OutputLine;
use interleave::trace::{Stream, Trace};
use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use crate::describe::task_style;
use crate::run::{Inspection, RunRef};

/// Lines drawn at most: the log shows the latest ones and says how many came before.
pub const SHOWN_LINES: usize = 500;

#[derive(PartialEq, Properties)]
pub struct OutputProps {
    pub run: Option<RunRef>,
    pub inspect: Option<Inspection>,
}

fn line(trace: &Trace, index: usize, l: &OutputLine) -> Html {
    let name = trace.task_name(l.task).to_string();
    let stream = match l.stream {
        Stream::Stdout => "out-stdout",
        Stream::Stderr => "out-stderr",
    };
    // The task's name is drawn by CSS from data-task, so the element's text is exactly the printed line.
    html! {
        <div key={index} class={classes!("out-line", stream)} data-task={name.clone()}
             style={task_style(l.task)} title={format!("printed by {name}")}>
            { l.text.clone() }
        </div>
    }
}

#[function_component(Output)]
pub fn output(props: &OutputProps) -> Html {
    let log = use_node_ref();
    // Whether the log was scrolled to its end: only then does new output scroll it.
    let at_end = use_mut_ref(|| true);
    let onscroll = {
        let at_end = at_end.clone();
        Callback::from(move |e: Event| {
            let el: HtmlElement = e.target_unchecked_into();
            *at_end.borrow_mut() = el.scroll_height() - el.scroll_top() - el.client_height() < 24;
        })
    };
    // One structure whatever the state, so the log element (a live region) is never replaced.
    let run = props.run.as_ref().map(|r| r.run.borrow());
    let state = run
        .as_ref()
        .map(|r| props.inspect.as_ref().map_or(&r.replay.state, |i| &*i.state));
    let lines = state.map_or(&[][..], |s| &s.output[..]);
    let hidden = lines.len().saturating_sub(SHOWN_LINES);
    let has_stderr = lines.iter().rev().take(50).any(|l| l.stream == Stream::Stderr);
    {
        // Scroll to the end when the output grew (not on every tick: touching scroll positions makes the
        // browser lay the page out at once, which a big timeline makes slow). Setting scrollTop past the end
        // clamps to the end without reading the height.
        let (log, at_end) = (log.clone(), at_end.clone());
        let grew = (
            props.run.as_ref().map(|r| Rc::as_ptr(&r.run)),
            lines.len(),
            lines.last().map_or(0, |l| l.text.len()),
        );
        use_effect_with(grew, move |_| {
            if let (Some(el), true) = (log.cast::<HtmlElement>(), *at_end.borrow()) {
                el.set_scroll_top(i32::MAX);
            }
        });
    }
    // An error the engine reported without printing a traceback still shows, as stderr.
    let error = run
        .as_ref()
        .and_then(|r| r.error())
        .filter(|_| props.inspect.is_none() && !has_stderr)
        .map(|e| format!("{}: {}", e.kind, e.message));
    html! {
        <section class="output" aria-labelledby="output-title">
            <h2 id="output-title">{ "Output" }</h2>
            <p class="out-hidden" hidden={hidden == 0}>{ format!("{hidden} earlier lines not shown") }</p>
            // Focusable, so that a keyboard can scroll it when it overflows (a long warning on stderr).
            <div class="out-log" role="log" aria-label="Output" tabindex="0" ref={log} {onscroll}>
                if let Some(r) = &run {
                    { for lines[hidden..].iter().enumerate().map(|(i, l)| line(r.trace(), hidden + i, l)) }
                }
                if let Some(e) = error {
                    <div key="error" class="out-line out-stderr" data-task="main" style={task_style(0)}>{ e }</div>
                }
            </div>
            <p class="out-empty" hidden={run.is_some()}>{ "Press Run to see what the program prints." }</p>
        </section>
    }
}
