//! The Share button: makes a link to what the learner sees, shows it in a read-only field and copies it.

use wasm_bindgen::JsCast;
use web_sys::{HtmlDocument, HtmlInputElement};
use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct ShareProps {
    /// Makes the link when asked (the program is deflated only then).
    pub make: Callback<(), String>,
}

#[function_component(Share)]
pub fn share(props: &ShareProps) -> Html {
    let link = use_state(|| None::<String>);
    let copied = use_state(|| false);
    let field = use_node_ref();
    let onshare = {
        let (link, copied, make) = (link.clone(), copied.clone(), props.make.clone());
        Callback::from(move |_: MouseEvent| {
            link.set(Some(make.emit(())));
            copied.set(false);
        })
    };
    // Select the new link, so that Ctrl+C copies it too.
    {
        let field = field.clone();
        use_effect_with((*link).clone(), move |_| {
            if let Some(input) = field.cast::<HtmlInputElement>() {
                let _ = input.focus();
                input.select();
            }
        });
    }
    let oncopy = {
        let (field, copied) = (field.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(input) = field.cast::<HtmlInputElement>() else {
                return;
            };
            input.select();
            let done = input
                .owner_document()
                .and_then(|d| d.dyn_into::<HtmlDocument>().ok())
                .and_then(|d| d.exec_command("copy").ok())
                .unwrap_or(false);
            copied.set(done);
        })
    };
    let onclose = {
        let link = link.clone();
        Callback::from(move |_: MouseEvent| link.set(None))
    };
    html! {
        <div class="share">
            <button type="button" class="share-button" onclick={onshare}
                    title="A link to this code, its settings and the moment shown">{ "Share" }</button>
            if let Some(url) = &*link {
                <div class="share-box">
                    <input ref={field} class="share-link" type="text" readonly=true aria-label="Share link"
                           value={url.clone()} />
                    <button type="button" onclick={oncopy}>{ "Copy" }</button>
                    <button type="button" onclick={onclose} aria-label="Close the share link">{ "×" }</button>
                    <span class="share-note" role="status">
                        { if *copied { "Copied." } else { "The code is in the link itself; no server keeps it." } }
                    </span>
                </div>
            }
        </div>
    }
}
