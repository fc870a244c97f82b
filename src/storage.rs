//! What survives a reload: the code and the theme in localStorage, and the theme applied to the page.

use web_sys::window;

use crate::state::Theme;

const CODE_KEY: &str = "interleave.code";
const THEME_KEY: &str = "interleave.theme";

fn local_storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

pub fn load_code() -> Option<String> {
    local_storage()?.get_item(CODE_KEY).ok().flatten()
}

/// Saves the code; a full or forbidden storage only means it will not survive a reload.
pub fn save_code(code: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(CODE_KEY, code);
    }
}

pub fn load_theme() -> Theme {
    match local_storage()
        .and_then(|s| s.get_item(THEME_KEY).ok().flatten())
        .as_deref()
    {
        Some("light") => Theme::Light,
        Some("dark") => Theme::Dark,
        _ => Theme::System,
    }
}

/// Saves the theme and sets `data-theme` on the root element, which the theme sheet keys on.
pub fn apply_theme(theme: Theme) {
    let value = match theme {
        Theme::System => None,
        Theme::Light => Some("light"),
        Theme::Dark => Some("dark"),
    };
    if let Some(storage) = local_storage() {
        let _ = match value {
            Some(v) => storage.set_item(THEME_KEY, v),
            None => storage.remove_item(THEME_KEY),
        };
    }
    show_theme(theme);
}

/// Sets `data-theme` on the root element without saving it (an embed's `theme=`).
pub fn show_theme(theme: Theme) {
    let value = match theme {
        Theme::System => None,
        Theme::Light => Some("light"),
        Theme::Dark => Some("dark"),
    };
    if let Some(root) = window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = match value {
            Some(v) => root.set_attribute("data-theme", v),
            None => root.remove_attribute("data-theme"),
        };
    }
}

/// Whether the page shows dark colours now: the chosen theme, or the system's preference.
pub fn is_dark(theme: Theme) -> bool {
    match theme {
        Theme::Light => false,
        Theme::Dark => true,
        Theme::System => window()
            .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
            .is_some_and(|m| m.matches()),
    }
}
