//! The editor in a real browser: Tab, Shift+Tab and Enter edit the textarea as a person's keys would, and undo
//! takes an edit back.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use interleave_app::components::editor::{Editor, EditorProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{HtmlDocument, HtmlTextAreaElement, KeyboardEvent, KeyboardEventInit};
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

struct Mounted {
    textarea: HtmlTextAreaElement,
    edits: Rc<RefCell<Vec<String>>>,
}

async fn mount(source: &str) -> Mounted {
    mount_flagged(source, Vec::new()).await
}

/// The editor with the lines of a selected finding marked.
async fn mount_flagged(source: &str, flagged: Vec<u32>) -> Mounted {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let edits = Rc::new(RefCell::new(Vec::new()));
    let sink = edits.clone();
    let props = EditorProps {
        source: source.into(),
        revision: 0,
        marks: Rc::new(Vec::new()),
        error: None,
        onedit: Callback::from(move |text| sink.borrow_mut().push(text)),
        onrun: Callback::noop(),
        readonly: false,
        flagged: Rc::new(flagged),
    };
    yew::Renderer::<Editor>::with_root_and_props(root.clone(), props).render();
    yew::platform::time::sleep(Duration::from_millis(20)).await;
    let textarea: HtmlTextAreaElement = root.query_selector("textarea").unwrap().unwrap().dyn_into().unwrap();
    textarea.focus().unwrap();
    Mounted { textarea, edits }
}

fn press(textarea: &HtmlTextAreaElement, key: &str, shift: bool) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    textarea.dispatch_event(&event).unwrap();
}

fn select(textarea: &HtmlTextAreaElement, start: u32, end: u32) {
    textarea.set_selection_range(start, end).unwrap();
}

fn selection(textarea: &HtmlTextAreaElement) -> (u32, u32) {
    (
        textarea.selection_start().unwrap().unwrap(),
        textarea.selection_end().unwrap().unwrap(),
    )
}

#[wasm_bindgen_test]
async fn a_selected_findings_lines_are_marked_in_the_code_and_the_gutter() {
    let m = mount_flagged("a = 1\nb = 2\nc = 3\nd = 4", vec![2, 4]).await;
    let root = m.textarea.closest(".editor").unwrap().unwrap();
    let marked = |selector: &str| {
        let list = root.query_selector_all(selector).unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
            .collect::<Vec<_>>()
    };
    assert_eq!(marked(".ed-ln.flagged .ed-num"), ["2", "4"]);
    assert_eq!(marked(".ed-line.flagged"), ["b = 2", "d = 4"]);
}

#[wasm_bindgen_test]
async fn tab_indents_by_four_spaces() {
    let m = mount("x = 1").await;
    select(&m.textarea, 0, 0);
    press(&m.textarea, "Tab", false);
    assert_eq!(m.textarea.value(), "    x = 1");
    assert_eq!(selection(&m.textarea), (4, 4));
    assert_eq!(m.edits.borrow().last().map(String::as_str), Some("    x = 1"));
}

#[wasm_bindgen_test]
async fn tab_indents_every_selected_line() {
    let m = mount("a\nb\nc").await;
    select(&m.textarea, 0, 3);
    press(&m.textarea, "Tab", false);
    assert_eq!(m.textarea.value(), "    a\n    b\nc");
    assert_eq!(selection(&m.textarea), (0, 11));
}

#[wasm_bindgen_test]
async fn shift_tab_dedents() {
    let m = mount("if x:\n        y()").await;
    select(&m.textarea, 10, 10);
    press(&m.textarea, "Tab", true);
    assert_eq!(m.textarea.value(), "if x:\n    y()");
    assert_eq!(selection(&m.textarea), (6, 6));
}

#[wasm_bindgen_test]
async fn enter_after_a_colon_indents() {
    let m = mount("async def main():").await;
    select(&m.textarea, 17, 17);
    press(&m.textarea, "Enter", false);
    assert_eq!(m.textarea.value(), "async def main():\n    ");
    assert_eq!(selection(&m.textarea), (22, 22));
}

#[wasm_bindgen_test]
async fn enter_keeps_the_indentation() {
    let m = mount("    x = 1").await;
    select(&m.textarea, 9, 9);
    press(&m.textarea, "Enter", false);
    assert_eq!(m.textarea.value(), "    x = 1\n    ");
}

#[wasm_bindgen_test]
async fn undo_takes_an_indent_back() {
    let m = mount("x = 1").await;
    select(&m.textarea, 0, 0);
    press(&m.textarea, "Tab", false);
    assert_eq!(m.textarea.value(), "    x = 1");
    let document: HtmlDocument = web_sys::window().unwrap().document().unwrap().dyn_into().unwrap();
    document.exec_command("undo").unwrap();
    assert_eq!(m.textarea.value(), "x = 1");
}
