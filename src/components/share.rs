//! The Share button: makes a link to what the learner sees, shows it in a read-only field and copies it.

use wasm_bindgen::JsCast;
use web_sys::{HtmlDocument, HtmlInputElement};
use yew::prelude::*;

use crate::link::{self, LinkError, Shared};

/// The full page's URL (no query: never embed mode) with `shared` in its fragment.
pub async fn full_page_link(shared: &Shared) -> Result<String, LinkError> {
    let location = web_sys::window().map(|w| w.location());
    let origin = location.as_ref().and_then(|l| l.origin().ok()).unwrap_or_default();
    let path = location.as_ref().and_then(|l| l.pathname().ok()).unwrap_or_default();
    Ok(format!("{origin}{path}#{}", link::encode(shared).await?))
}

#[derive(PartialEq, Properties)]
pub struct ShareProps {
    /// What the link holds, asked for when the button is pressed (the program is deflated only then).
    pub make: Callback<(), Shared>,
}

#[function_component(Share)]
pub fn share(props: &ShareProps) -> Html {
    let link = use_state(|| None::<Result<String, String>>);
    let copied = use_state(|| false);
    let field = use_node_ref();
    let onshare = {
        let (link, copied, make) = (link.clone(), copied.clone(), props.make.clone());
        Callback::from(move |_: MouseEvent| {
            let (link, shared) = (link.clone(), make.emit(()));
            copied.set(false);
            wasm_bindgen_futures::spawn_local(async move {
                link.set(Some(full_page_link(&shared).await.map_err(|e| e.to_string())));
            });
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
            if let Some(Err(problem)) = &*link {
                <div class="share-box">
                    <span class="share-note" role="alert">{ problem.clone() }</span>
                    <button type="button" onclick={onclose.clone()} aria-label="Close the share link">{ "×" }</button>
                </div>
            }
            if let Some(Ok(url)) = &*link {
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
