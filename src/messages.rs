//! An embed's `postMessage` API: commands from the parent page in, the run's status, output and height out.
//!
//! Only messages whose source is this window's parent are read, and with `origin=` only those from that
//! origin; everything else is dropped unread. A message is read as plain data (`type` and its fields, strings
//! or numbers): nothing it carries is evaluated or inserted as HTML. Every message out carries the embed's
//! `id` and goes to the `origin=` given, or to any origin without one (an embed tells its parent only what
//! the parent's page already shows).

use js_sys::{Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, Window};

use crate::pacing::Speed;
use crate::state::{Action, Phase};

/// The longest program a `load` message may carry, in bytes (as a share link's).
const MAX_CODE: usize = crate::link::MAX_PAYLOAD;

/// Where messages go and what they carry for this embed.
#[derive(Clone, PartialEq)]
pub struct Bridge {
    parent: Window,
    id: Option<String>,
    origin: Option<String>,
}

impl Bridge {
    /// The bridge to this window's parent; `None` when the page is not in a frame.
    pub fn new(id: Option<String>, origin: Option<String>) -> Option<Bridge> {
        let window = web_sys::window()?;
        let parent = window.parent().ok().flatten()?;
        if Object::is(&parent, &window) {
            return None;
        }
        Some(Bridge { parent, id, origin })
    }

    /// Posts `{type: "interleave:KIND", id, ...fields}` to the parent.
    pub fn post(&self, kind: &str, fields: &[(&str, JsValue)]) {
        let message = Object::new();
        let set = |key: &str, value: &JsValue| {
            let _ = Reflect::set(&message, &JsValue::from_str(key), value);
        };
        set("type", &JsValue::from_str(&format!("interleave:{kind}")));
        if let Some(id) = &self.id {
            set("id", &JsValue::from_str(id));
        }
        for (key, value) in fields {
            set(key, value);
        }
        let _ = self
            .parent
            .post_message(&message, self.origin.as_deref().unwrap_or("*"));
    }

    /// Listens for the parent's commands and hands each to `dispatch` as an action, until the listener is
    /// dropped.
    pub fn listen(&self, dispatch: impl Fn(Action) + 'static) -> Listener {
        let bridge = self.clone();
        let closure = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let from_parent = e.source().is_some_and(|s| Object::is(&s, &bridge.parent));
            let origin_ok = bridge.origin.as_ref().is_none_or(|o| *o == e.origin());
            if from_parent && origin_ok {
                if let Some(action) = command(&e.data()) {
                    dispatch(action);
                }
            }
        });
        let window = web_sys::window();
        if let Some(w) = &window {
            let _ = w.add_event_listener_with_callback("message", closure.as_ref().unchecked_ref());
        }
        Listener { window, closure }
    }
}

/// A message listener, removed when dropped.
pub struct Listener {
    window: Option<Window>,
    closure: Closure<dyn FnMut(MessageEvent)>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        if let Some(w) = &self.window {
            let _ = w.remove_event_listener_with_callback("message", self.closure.as_ref().unchecked_ref());
        }
    }
}

fn field(data: &JsValue, key: &str) -> JsValue {
    if !data.is_object() {
        return JsValue::UNDEFINED;
    }
    Reflect::get(data, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// The action a message asks for; `None` for anything that is not one of the API's commands.
fn command(data: &JsValue) -> Option<Action> {
    let kind = field(data, "type").as_string()?;
    Some(match kind.strip_prefix("interleave:")? {
        "load" => {
            let code = field(data, "code").as_string().filter(|c| c.len() <= MAX_CODE)?;
            Action::Load(code)
        }
        "run" => Action::RunOrResume,
        "pause" => Action::Pause,
        "step" => Action::Step,
        "stop" => Action::Stop,
        "reset" => Action::Reset,
        "speed" => {
            let speed = field(data, "speed");
            let speed = match speed.as_f64() {
                Some(f) => Speed::ALL.into_iter().find(|s| s.factor() == Some(f)),
                None => Speed::from_label(&speed.as_string()?),
            }?;
            Action::SetSpeed(speed)
        }
        _ => return None,
    })
}

/// The status an embed reports for a phase: `idle`, `running`, `paused`, `finished` or `failed`.
pub fn status(phase: Phase) -> &'static str {
    match phase {
        Phase::Idle | Phase::Stopped => "idle",
        Phase::Running | Phase::Stepping => "running",
        Phase::Paused => "paused",
        Phase::Done { exit_code: 0 } => "finished",
        Phase::Done { .. } | Phase::Stuck => "failed",
    }
}
