//! Interleave's browser app: an editor for a small concurrent program (asyncio or threads), and a live view of its tasks and threads interleaving.
//!
//! State lives in one reducer ([`state`]); components ([`components`]) only render; geometry, words, edits
//! and pacing are plain functions tested natively ([`layout`], [`describe`], [`editing`], [`pacing`]); the
//! [`driver`] is the only code that touches the browser's clock.

pub mod app;
pub mod components;
pub mod deflate;
pub mod describe;
pub mod download;
pub mod driver;
pub mod editing;
pub mod embed;
pub mod examples;
pub mod highlight;
pub mod index;
pub mod layout;
pub mod link;
pub mod marks;
pub mod messages;
pub mod pacing;
pub mod run;
pub mod schedule;
pub mod state;
pub mod storage;
pub mod waits;

/// Mounts the app on the page's body, once the share link in the page's fragment, if any, is read.
pub fn start() {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let hash = hash.trim_start_matches('#').to_string();
    if hash.is_empty() {
        yew::Renderer::<app::App>::new().render();
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let props = app::AppProps {
            link: Some(link::decode(&hash).await),
            ..app::AppProps::default()
        };
        yew::Renderer::<app::App>::with_props(props).render();
    });
}
