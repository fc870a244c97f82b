//! Embed mode's query parameters (`?embed=1&panels=...`), read from the page's URL; pure, tested natively.
//!
//! The page in an iframe: `embed=1` turns it on; `panels` picks what shows, `readonly`, `autoplay`, `speed`,
//! `theme`, `example` (a gallery example by title or file name), `id` (echoed in every message to the
//! parent) and `origin` (the only parent origin whose messages are obeyed, and the only one told anything).
//! Unknown parameters and values are ignored; nothing here is ever inserted into the page as HTML.

use crate::examples::EXAMPLES;
use crate::pacing::Speed;
use crate::state::Theme;

/// The panels an embed can show, in the order the page shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panels {
    pub editor: bool,
    pub controls: bool,
    pub timeline: bool,
    pub loop_panel: bool,
    pub output: bool,
}

impl Panels {
    pub const ALL: Panels = Panels {
        editor: true,
        controls: true,
        timeline: true,
        loop_panel: true,
        output: true,
    };

    /// `editor,controls,timeline,loop,output`, any of them in any order; none known means all.
    pub fn parse(list: &str) -> Panels {
        let mut panels = Panels {
            editor: false,
            controls: false,
            timeline: false,
            loop_panel: false,
            output: false,
        };
        for name in list.split(',').map(str::trim) {
            match name {
                "editor" => panels.editor = true,
                "controls" => panels.controls = true,
                "timeline" => panels.timeline = true,
                "loop" => panels.loop_panel = true,
                "output" => panels.output = true,
                _ => {}
            }
        }
        if panels == Panels::parse_none() {
            Panels::ALL
        } else {
            panels
        }
    }

    fn parse_none() -> Panels {
        Panels {
            editor: false,
            controls: false,
            timeline: false,
            loop_panel: false,
            output: false,
        }
    }

    /// As a `panels=` value.
    pub fn to_param(self) -> String {
        let names = [
            (self.editor, "editor"),
            (self.controls, "controls"),
            (self.timeline, "timeline"),
            (self.loop_panel, "loop"),
            (self.output, "output"),
        ];
        names
            .iter()
            .filter(|(on, _)| *on)
            .map(|(_, n)| *n)
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// What the page's query string asks for.
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    pub embed: bool,
    pub panels: Panels,
    pub readonly: bool,
    pub autoplay: bool,
    pub speed: Option<Speed>,
    /// `None` for `auto` or no parameter: the system's preference (the full page: the saved choice).
    pub theme: Option<Theme>,
    /// The gallery example's index.
    pub example: Option<usize>,
    pub id: Option<String>,
    pub origin: Option<String>,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            embed: false,
            panels: Panels::ALL,
            readonly: false,
            autoplay: false,
            speed: None,
            theme: None,
            example: None,
            id: None,
            origin: None,
        }
    }
}

/// The longest `id` kept, in characters; it is echoed in every message.
const MAX_ID: usize = 200;

/// Reads a query string (with or without its `?`).
pub fn parse(search: &str) -> Params {
    let mut params = Params::default();
    let search = search.strip_prefix('?').unwrap_or(search);
    for pair in search.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = unescape(value);
        let on = matches!(value.as_str(), "1" | "true" | "yes" | "");
        match key {
            "embed" => params.embed = on,
            "panels" => params.panels = Panels::parse(&value),
            "readonly" => params.readonly = on,
            "autoplay" => params.autoplay = on,
            "speed" => params.speed = Speed::from_label(&value),
            "theme" => {
                params.theme = match value.as_str() {
                    "light" => Some(Theme::Light),
                    "dark" => Some(Theme::Dark),
                    _ => None,
                }
            }
            "example" => params.example = example(&value),
            "id" => params.id = Some(value.chars().take(MAX_ID).collect()),
            "origin" => params.origin = Some(value).filter(|o| !o.is_empty()),
            _ => {}
        }
    }
    params
}

/// The gallery example called `name`: its title, or the title's slug (`hello-tasks`, `gather`, `thread-pool`).
pub fn example(name: &str) -> Option<usize> {
    let name = name.trim();
    EXAMPLES
        .iter()
        .position(|e| e.title.eq_ignore_ascii_case(name) || slug(e.title).eq_ignore_ascii_case(name))
}

/// A title in lower case with every run of other characters than ASCII letters and digits made one `-`
/// (the titles are ASCII; std's Unicode case tables would cost the bundle bytes for nothing).
pub fn slug(title: &str) -> String {
    let mut slug = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

/// Percent-decoding as forms do (`+` is a space); a broken escape stays as written.
pub fn unescape(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() && hex(bytes[i + 1]).is_some() && hex(bytes[i + 2]).is_some() => {
                out.push(hex(bytes[i + 1]).unwrap_or(0) << 4 | hex(bytes[i + 2]).unwrap_or(0));
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// Percent-encodes everything but unreserved characters, for a query value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_query_is_the_full_page() {
        assert_eq!(parse(""), Params::default());
        assert_eq!(parse("?"), Params::default());
        assert!(!parse("?foo=bar&&=&x").embed);
    }

    #[test]
    fn every_parameter_is_read() {
        let p = parse("?embed=1&panels=output,editor&readonly=1&autoplay=true&speed=instant&theme=dark&example=gather&id=a%20b%2B&origin=https%3A%2F%2Fexample.org");
        assert!(p.embed && p.readonly && p.autoplay);
        assert_eq!(p.panels.to_param(), "editor,output");
        assert_eq!(p.speed, Some(Speed::Instant));
        assert_eq!(p.theme, Some(Theme::Dark));
        assert_eq!(p.example.map(|i| EXAMPLES[i].title), Some("gather"));
        assert_eq!(p.id.as_deref(), Some("a b+"));
        assert_eq!(p.origin.as_deref(), Some("https://example.org"));
    }

    #[test]
    fn unknown_values_fall_back() {
        let p = parse("embed=0&panels=nothing&speed=warp&theme=auto&example=nope&origin=");
        assert!(!p.embed);
        assert_eq!(p.panels, Panels::ALL);
        assert_eq!((p.speed, p.theme, p.example, p.origin), (None, None, None, None));
    }

    #[test]
    fn examples_are_found_by_title_or_file() {
        assert_eq!(example("Hello, tasks"), Some(0));
        assert_eq!(example("hello-tasks"), Some(0));
        assert_eq!(example("GATHER"), example("gather"));
        let mut slugs: Vec<_> = EXAMPLES.iter().map(|e| slug(e.title)).collect();
        slugs.sort();
        slugs.dedup();
        assert_eq!(slugs.len(), EXAMPLES.len());
        assert_eq!(
            slug("asyncio.to_thread rescues a blocked loop"),
            "asyncio-to-thread-rescues-a-blocked-loop"
        );
        assert_eq!(example(""), None);
    }

    #[test]
    fn escapes_round_trip_and_broken_ones_stay() {
        for text in ["", "a b&c=d", "é😀<script>", "%zz", "100%"] {
            assert_eq!(unescape(&escape(text)), text);
        }
        assert_eq!(unescape("%zz%4"), "%zz%4");
        assert_eq!(unescape("%ff"), "\u{fffd}");
        assert_eq!(
            parse(&format!("id={}", "x".repeat(1000))).id.map(|i| i.len()),
            Some(MAX_ID)
        );
    }
}
