//! The whole app in a real browser: the page contract end-to-end tests rely on (names and roles), loading an
//! example, and a run's output reaching the log.

use std::time::Duration;

use interleave_app::app::{App, AppProps};
use interleave_app::examples::EXAMPLES;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, HtmlSelectElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

async fn mount(code: &str) -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let props = AppProps {
        initial: Some(code.to_string()),
        ..AppProps::default()
    };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    settle().await;
    root
}

async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(30)).await;
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

/// The button whose accessible name (its text, or aria-label) is `name`.
fn button(root: &Element, name: &str) -> Option<HtmlElement> {
    all(root, "button")
        .into_iter()
        .find(|b| b.get_attribute("aria-label").or_else(|| b.text_content()).as_deref() == Some(name))
        .map(|b| b.unchecked_into())
}

#[wasm_bindgen_test]
async fn the_controls_have_their_contract_names() {
    let root = mount("print('hi')\n").await;
    for name in ["Run", "Pause", "Step", "Stop", "Reset"] {
        assert!(button(&root, name).is_some(), "no button named {name}");
    }
    let code = root.query_selector("textarea[aria-label=Code]").unwrap().unwrap();
    assert_eq!(code.unchecked_into::<HtmlTextAreaElement>().value(), "print('hi')\n");
    let speed: HtmlSelectElement = root
        .query_selector("select[aria-label=Speed]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let options: Vec<_> = all(&speed, "option").iter().filter_map(|o| o.text_content()).collect();
    assert!(options.iter().any(|o| o == "instant"), "{options:?}");
    assert!(options.iter().any(|o| o == "0.1x") && options.iter().any(|o| o == "10x"));
    assert!(root.query_selector("[role=log][aria-label=Output]").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn the_gallery_lists_every_example_and_choosing_one_loads_it() {
    let root = mount("").await;
    let gallery = root.query_selector("nav[aria-label=Examples]").unwrap().unwrap();
    let titles: Vec<_> = all(&gallery, "button")
        .iter()
        .filter_map(|b| b.text_content())
        .collect();
    assert_eq!(titles, EXAMPLES.iter().map(|e| e.title).collect::<Vec<_>>());
    button(&root, EXAMPLES[3].title).unwrap().click();
    settle().await;
    let code: HtmlTextAreaElement = root.query_selector("textarea").unwrap().unwrap().unchecked_into();
    assert_eq!(code.value(), EXAMPLES[3].source);
}

/// The log's lines, once it holds at least `count` of them (or whatever it holds after 3 s).
async fn log_lines(root: &Element, count: usize) -> Vec<(String, String)> {
    let log = root.query_selector("[role=log]").unwrap().unwrap();
    for _ in 0..100 {
        if log.child_element_count() as usize >= count {
            break;
        }
        settle().await;
    }
    all(&log, ":scope > *")
        .iter()
        .map(|l| (l.text_content().unwrap_or_default(), l.class_name()))
        .collect()
}

#[wasm_bindgen_test]
async fn a_run_prints_into_the_log_one_element_per_line() {
    let root = mount("print('one')\nprint('two\\nthree', end='!\\n')\n").await;
    button(&root, "Run").unwrap().click();
    let lines = log_lines(&root, 3).await;
    let texts: Vec<&str> = lines.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(texts, ["one", "two", "three!"]);
    assert!(lines.iter().all(|(_, class)| class.contains("out-stdout")), "{lines:?}");
    assert!(root.query_selector("[role=row][aria-label=main]").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn a_syntax_error_reaches_the_log_as_stderr_in_cpythons_words() {
    let root = mount("print(\n").await;
    button(&root, "Run").unwrap().click();
    let lines = log_lines(&root, 1).await;
    // python3 3.11 ends its report with this line for the same program.
    let last = lines.last().expect("the log stays empty");
    assert_eq!(last.0, "SyntaxError: '(' was never closed", "{lines:?}");
    assert!(lines.iter().all(|(_, class)| class.contains("out-stderr")), "{lines:?}");
}
