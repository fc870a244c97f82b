//! The program's output: one element per printed line, tagged with the task that printed it.

use interleave::replay::OutputLine;
use interleave::trace::{Stream, Trace};
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
    {
        // Keep the newest line in view as output arrives.
        let log = log.clone();
        let tick = props.run.as_ref().map(|r| r.tick);
        use_effect_with(tick, move |_| {
            if let Some(el) = log.cast::<HtmlElement>() {
                el.set_scroll_top(el.scroll_height());
            }
        });
    }
    let Some(run) = &props.run else {
        return html! {
            <section class="output" aria-labelledby="output-title">
                <h2 id="output-title">{ "Output" }</h2>
                <div class="out-log" role="log" aria-label="Output" ref={log}></div>
                <p class="out-empty">{ "Press Run to see what the program prints." }</p>
            </section>
        };
    };
    let r = run.run.borrow();
    let trace = r.trace();
    let state = props.inspect.as_ref().map_or(&r.replay.state, |i| &*i.state);
    let lines = &state.output;
    let hidden = lines.len().saturating_sub(SHOWN_LINES);
    let has_stderr = lines.iter().rev().take(50).any(|l| l.stream == Stream::Stderr);
    // An error the engine reported without printing a traceback still shows, as stderr.
    let error = r
        .error()
        .filter(|_| props.inspect.is_none() && !has_stderr)
        .map(|e| format!("{}: {}", e.kind, e.message));
    html! {
        <section class="output" aria-labelledby="output-title">
            <h2 id="output-title">{ "Output" }</h2>
            if hidden > 0 {
                <p class="out-hidden">{ format!("{hidden} earlier lines not shown") }</p>
            }
            <div class="out-log" role="log" aria-label="Output" ref={log}>
                { for lines[hidden..].iter().enumerate().map(|(i, l)| line(trace, hidden + i, l)) }
                if let Some(e) = error {
                    <div key="error" class="out-line out-stderr" data-task="main" style={task_style(0)}>{ e }</div>
                }
            </div>
        </section>
    }
}
