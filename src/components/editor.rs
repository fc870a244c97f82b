//! The code editor: a plain textarea over a highlighted copy of the text, with line numbers, task markers and
//! the error's line.
//!
//! The textarea is the real editor (caret, selection, IME, undo); its text is transparent and the `<pre>`
//! behind it draws the colours with the same font metrics, scrolled in step. Tab, Shift+Tab and Enter edits go
//! through `document.execCommand("insertText")`, which Chromium and Firefox record on the textarea's undo
//! stack; assigning `value` or `setRangeText` would not, so they are only the fallback.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlDocument, HtmlElement, HtmlTextAreaElement, KeyboardEvent};
use yew::prelude::*;

use crate::describe::task_style;
use crate::editing::{byte_to_utf16, dedent, indent, newline, utf16_to_byte, TextEdit};
use crate::highlight::highlighted_lines;
use crate::marks::{ErrorMark, LineMarks};

#[derive(PartialEq, Properties)]
pub struct EditorProps {
    pub source: Rc<str>,
    /// Changes when the text is replaced from outside; only then is the textarea's value set.
    pub revision: u32,
    pub marks: Rc<Vec<LineMarks>>,
    pub error: Option<ErrorMark>,
    pub onedit: Callback<String>,
    pub onrun: Callback<()>,
    /// The learner may read and run the code but not change it (an embed's `readonly=1`).
    #[prop_or_default]
    pub readonly: bool,
    /// The lines of the finding selected, marked until it is unselected (and scrolled to).
    #[prop_or_default]
    pub flagged: Rc<Vec<u32>>,
}

/// The editor's line height in pixels (the stylesheet's `--code-line`).
const LINE_PX: i32 = 21;

/// Applies `edit` as one undoable insertion and selects what it says.
fn apply(textarea: &HtmlTextAreaElement, src: &str, edit: &TextEdit, onedit: &Callback<String>) {
    let (start, end) = (byte_to_utf16(src, edit.start), byte_to_utf16(src, edit.end));
    let _ = textarea.set_selection_range(start, end);
    let inserted = textarea
        .owner_document()
        .and_then(|d| d.dyn_into::<HtmlDocument>().ok())
        .and_then(|d| {
            d.exec_command_with_show_ui_and_value("insertText", false, &edit.text)
                .ok()
        })
        .unwrap_or(false);
    let after = edit.apply(src);
    if !inserted || textarea.value() != after {
        // No execCommand (or it did something else): replace the text directly, losing undo for this edit.
        textarea.set_value(&after);
        onedit.emit(after.clone());
    }
    let _ = textarea.set_selection_range(
        byte_to_utf16(&after, edit.select.0),
        byte_to_utf16(&after, edit.select.1),
    );
}

#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let textarea = use_node_ref();
    let pre = use_node_ref();
    let gutter = use_node_ref();
    // After Escape, the next Tab moves focus out of the editor instead of indenting.
    let escaped = use_mut_ref(|| false);

    {
        let textarea = textarea.clone();
        let source = props.source.clone();
        use_effect_with(props.revision, move |_| {
            if let Some(el) = textarea.cast::<HtmlTextAreaElement>() {
                if el.value() != *source {
                    el.set_value(&source);
                }
            }
        });
    }

    // A newly selected finding's first line is scrolled into view, a few lines below the top.
    {
        let (textarea, pre, gutter) = (textarea.clone(), pre.clone(), gutter.clone());
        use_effect_with(props.flagged.clone(), move |flagged| {
            let (Some(&first), Some(el)) = (flagged.first(), textarea.cast::<HtmlElement>()) else {
                return;
            };
            let (top, height) = ((first as i32 - 1) * LINE_PX, el.client_height());
            if top < el.scroll_top() || top + LINE_PX > el.scroll_top() + height {
                let to = (top - 2 * LINE_PX).max(0);
                el.set_scroll_top(to);
                for other in [pre.cast::<HtmlElement>(), gutter.cast::<HtmlElement>()]
                    .into_iter()
                    .flatten()
                {
                    other.set_scroll_top(el.scroll_top());
                }
            }
        });
    }

    let oninput = {
        let onedit = props.onedit.clone();
        Callback::from(move |e: InputEvent| {
            let el: HtmlTextAreaElement = e.target_unchecked_into();
            onedit.emit(el.value());
        })
    };

    let onkeydown = {
        let onedit = props.onedit.clone();
        let onrun = props.onrun.clone();
        let escaped = escaped.clone();
        let readonly = props.readonly;
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key();
            let was_escaped = std::mem::replace(&mut *escaped.borrow_mut(), key == "Escape");
            if e.is_composing() || e.alt_key() {
                return;
            }
            let el: HtmlTextAreaElement = e.target_unchecked_into();
            if key == "Enter" && (e.ctrl_key() || e.meta_key()) {
                e.prevent_default();
                onrun.emit(());
                return;
            }
            if e.ctrl_key() || e.meta_key() || !(key == "Tab" || key == "Enter") {
                return;
            }
            if (key == "Tab" && was_escaped) || readonly {
                return;
            }
            let src = el.value();
            let start = utf16_to_byte(&src, el.selection_start().ok().flatten().unwrap_or(0));
            let end = utf16_to_byte(&src, el.selection_end().ok().flatten().unwrap_or(0));
            let (start, end) = (start.min(end), start.max(end));
            let edit = match (key.as_str(), e.shift_key()) {
                ("Tab", false) => Some(indent(&src, start, end)),
                ("Tab", true) => dedent(&src, start, end),
                ("Enter", false) => Some(newline(&src, start, end)),
                _ => return,
            };
            e.prevent_default();
            if let Some(edit) = edit {
                apply(&el, &src, &edit, &onedit);
            }
        })
    };

    let onscroll = {
        let (pre, gutter) = (pre.clone(), gutter.clone());
        Callback::from(move |e: Event| {
            let el: HtmlTextAreaElement = e.target_unchecked_into();
            if let Some(p) = pre.cast::<HtmlElement>() {
                p.set_scroll_top(el.scroll_top());
                p.set_scroll_left(el.scroll_left());
            }
            if let Some(g) = gutter.cast::<HtmlElement>() {
                g.set_scroll_top(el.scroll_top());
            }
        })
    };

    let lines = use_memo(props.source.clone(), |s| highlighted_lines(s));
    let error_line = props.error.as_ref().map_or(0, |e| e.line);
    let marks_at = |n: u32| props.marks.iter().find(|m| m.line == n);

    let gutter_rows = (1..=lines.len() as u32).map(|n| {
        let error = (n == error_line).then_some("error");
        let flagged = props.flagged.contains(&n).then_some("flagged");
        let marks = marks_at(n).map(|m| {
            html! {
                <span class="ed-marks">
                    { for m.tasks.iter().map(|t| html! {
                        <span class={classes!("ed-dot", t.running.then_some("running"))}
                              style={task_style(t.task)} title={t.label.clone()}></span>
                    }) }
                    if m.more > 0 { <span class="ed-more">{ format!("+{}", m.more) }</span> }
                </span>
            }
        });
        html! { <div class={classes!("ed-ln", error, flagged)}>{ marks }<span class="ed-num">{ n }</span></div> }
    });

    let code_rows = lines.iter().enumerate().map(|(i, pieces)| {
        let n = i as u32 + 1;
        let running = marks_at(n).and_then(|m| m.tasks.first().filter(|t| t.running));
        let error = props.error.as_ref().filter(|e| e.line == n);
        let flagged = props.flagged.contains(&n).then_some("flagged");
        html! {
            <div class={classes!("ed-line", error.map(|_| "error"), running.map(|_| "running"), flagged)}
                 style={running.map(|t| task_style(t.task))}>
                { for pieces.iter().map(|p| {
                    let text = props.source.get(p.range.clone()).unwrap_or("");
                    match p.class {
                        Some(class) => html! { <span class={class}>{ text }</span> },
                        None => html! { { text } },
                    }
                }) }
                if let Some(e) = error { <span class="ed-error-note">{ e.message.clone() }</span> }
            </div>
        }
    });

    html! {
        <div class="editor">
            <div class="ed-body">
                <div class="ed-gutter" ref={gutter} aria-hidden="true">{ for gutter_rows }</div>
                <div class="ed-code">
                    <pre class="ed-highlight" ref={pre} aria-hidden="true">{ for code_rows }</pre>
                    <textarea ref={textarea} class="ed-input" aria-label="Code" spellcheck="false"
                        autocapitalize="off" autocomplete="off" wrap="off" readonly={props.readonly}
                        {oninput} {onkeydown} {onscroll} />
                </div>
            </div>
            if let Some(e) = &props.error {
                <p class="ed-error" role="alert">
                    { if e.line > 0 { format!("Line {}: {}", e.line, e.message) } else { e.message.clone() } }
                </p>
            }
            <p class="ed-hint" hidden={props.readonly}>
                { "Tab indents, Shift+Tab dedents, Esc then Tab leaves the editor, Ctrl+Enter runs." }
            </p>
        </div>
    }
}
