//! Interleave's browser app: an editor for a small concurrent program (asyncio or threads), and a live view of its tasks and threads interleaving.
//!
//! State lives in one reducer ([`state`]); components ([`components`]) only render; geometry, words, edits
//! and pacing are plain functions tested natively ([`layout`], [`describe`], [`editing`], [`pacing`]); the
//! [`driver`] is the only code that touches the browser's clock.

pub mod app;
pub mod components;
pub mod describe;
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
pub mod state;
pub mod storage;

/// Mounts the app on the page's body.
pub fn start() {
    yew::Renderer::<app::App>::new().render();
}
