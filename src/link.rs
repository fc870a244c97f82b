//! Share links: the program, its settings and a position in its run, deflated into a URL fragment and back.
//!
//! A fragment is `v1.` followed by the raw-deflated (RFC 1951) payload in unpadded base64url, deflated and
//! inflated by the browser ([`crate::deflate`]); everything else here is pure and tested natively, with
//! `miniz_oxide` (a dev-dependency) standing in for the browser. The payload is UTF-8 text: `key=value` header
//! lines, an empty line, then the program byte for byte:
//!
//! ```text
//! speed=1x
//! switch=anywhere
//! at=42
//! autoplay=1
//! net=latency:50000000 loopback:0 bandwidth:10000000 failures:100 seed:7 hosts:example.com=40000000
//!
//! import asyncio
//! ...
//! ```
//!
//! Every header line is optional; readers skip keys they do not know, so a later version 1 may add keys that
//! older pages ignore. A change that older pages would misread takes a new version number, and
//! [`decode`] keeps reading every older one. The fragment never reaches a server. Decoding is input from
//! anyone: it never panics and bounds what it inflates ([`MAX_PAYLOAD`]).

use crate::pacing::Speed;
use interleave::net::NetConfig;

/// The version this page writes.
pub const VERSION: u32 = 1;
/// The longest fragment read, in characters (a URL of a few megabytes is already more than a browser keeps).
pub const MAX_FRAGMENT: usize = 4 << 20;
/// The most bytes a link's payload may inflate to: the program and its header.
pub const MAX_PAYLOAD: usize = 2 << 20;

/// What a link holds.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Shared {
    pub code: String,
    pub speed: Speed,
    /// Threads may switch at any instruction (Python 3.9) rather than at CPython 3.11's checks.
    pub switch_anywhere: bool,
    /// The run's position the learner was looking at, in events: opening the link runs to it and pauses.
    pub at: Option<usize>,
    /// Run as soon as the page opens.
    pub autoplay: bool,
    /// The simulated network's settings (written only when they are not the defaults).
    pub net: NetConfig,
    /// Who runs next at each choice point, the seed of `random` and `pct`, and the choice log followed first
    /// (a manual schedule's answers).
    pub scheduler: interleave::sched::Strategy,
    pub seed: u64,
    pub choices: Option<String>,
}

/// Why a fragment could not be read; `Display` says it to the learner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// Not a share link at all (no `vN.` prefix).
    NotALink,
    /// Made by a newer Interleave.
    UnknownVersion(String),
    TooLong,
    /// Cut short, mistyped or not base64url.
    Damaged,
    /// The program is not UTF-8 text.
    NotText,
    /// The browser cannot deflate or inflate (it lacks `CompressionStream("deflate-raw")`).
    Unsupported,
}

impl std::fmt::Display for LinkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = match self {
            LinkError::NotALink => "This link does not hold a program.".to_string(),
            LinkError::UnknownVersion(v) => {
                format!("This link was made by a newer Interleave (format {v}); this page reads format {VERSION}.")
            }
            LinkError::TooLong => "This link holds more than this page opens (2 MB of program).".to_string(),
            LinkError::Damaged => "This link is damaged (cut short or changed), so its program cannot be read.".into(),
            LinkError::NotText => "This link's program is not text.".to_string(),
            LinkError::Unsupported => {
                "This browser cannot read or make share links (they need Chromium 103, Firefox 113, Safari 16.4 \
                 or later)."
                    .to_string()
            }
        };
        write!(f, "{what} Your own code is as you left it.")
    }
}

/// The fragment (without `#`) for `shared`, deflated by the browser.
pub async fn encode(shared: &Shared) -> Result<String, LinkError> {
    let packed = crate::deflate::deflate(&payload(shared)).await.map_err(failure)?;
    Ok(fragment(&packed))
}

/// Reads a fragment (with or without its `#`), inflated by the browser.
pub async fn decode(fragment: &str) -> Result<Shared, LinkError> {
    let packed = unwrap(fragment)?;
    let payload = crate::deflate::inflate(&packed, MAX_PAYLOAD).await.map_err(failure)?;
    parse(payload)
}

fn failure(failure: crate::deflate::Failure) -> LinkError {
    match failure {
        crate::deflate::Failure::Unsupported => LinkError::Unsupported,
        crate::deflate::Failure::TooLong => LinkError::TooLong,
        crate::deflate::Failure::Damaged => LinkError::Damaged,
    }
}

/// What a link deflates: the header lines, an empty line, the code.
pub fn payload(shared: &Shared) -> Vec<u8> {
    let mut payload = String::with_capacity(shared.code.len() + 48);
    if shared.speed != Speed::default() {
        payload.push_str(&format!("speed={}\n", shared.speed.label()));
    }
    if shared.switch_anywhere {
        payload.push_str("switch=anywhere\n");
    }
    if let Some(at) = shared.at {
        payload.push_str(&format!("at={at}\n"));
    }
    if shared.autoplay {
        payload.push_str("autoplay=1\n");
    }
    if shared.net != NetConfig::default() {
        payload.push_str(&format!("net={}\n", net_text(&shared.net)));
    }
    if shared.scheduler != interleave::sched::Strategy::Cpython {
        payload.push_str(&format!("scheduler={}\n", shared.scheduler.name()));
    }
    if shared.seed != 0 {
        payload.push_str(&format!("seed={}\n", shared.seed));
    }
    if let Some(c) = &shared.choices {
        payload.push_str(&format!("choices={c}\n"));
    }
    payload.push('\n');
    payload.push_str(&shared.code);
    payload.into_bytes()
}

/// The fragment for a deflated payload.
pub fn fragment(packed: &[u8]) -> String {
    format!("v{VERSION}.{}", base64url(packed))
}

/// The deflated payload a fragment holds, its version checked.
pub fn unwrap(fragment: &str) -> Result<Vec<u8>, LinkError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_FRAGMENT {
        return Err(LinkError::TooLong);
    }
    let (version, body) = fragment
        .strip_prefix('v')
        .and_then(|rest| rest.split_once('.'))
        .filter(|(v, _)| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()))
        .ok_or(LinkError::NotALink)?;
    match version {
        "1" => unbase64url(body).ok_or(LinkError::Damaged),
        v => Err(LinkError::UnknownVersion(v.chars().take(12).collect())),
    }
}

/// What an inflated version 1 payload holds.
pub fn parse(payload: Vec<u8>) -> Result<Shared, LinkError> {
    let payload = String::from_utf8(payload).map_err(|_| LinkError::NotText)?;
    let (header, code) = match payload.strip_prefix('\n') {
        Some(code) => ("", code),
        None => payload.split_once("\n\n").ok_or(LinkError::Damaged)?,
    };
    let mut shared = Shared {
        code: code.to_string(),
        ..Shared::default()
    };
    for line in header.lines() {
        let (key, value) = line.split_once('=').unwrap_or((line, ""));
        match key {
            "speed" => shared.speed = Speed::from_label(value).unwrap_or_default(),
            "switch" => shared.switch_anywhere = value == "anywhere",
            "at" => shared.at = value.parse().ok(),
            "autoplay" => shared.autoplay = value == "1",
            "net" => shared.net = parse_net(value).unwrap_or_default(),
            // A manual schedule opens as one: the learner answers its choices past the log.
            "scheduler" => {
                shared.scheduler = interleave::sched::Strategy::parse(value)
                    .filter(|s| *s != interleave::sched::Strategy::Replay)
                    .unwrap_or_default()
            }
            "seed" => shared.seed = value.parse().unwrap_or(0),
            "choices" if interleave::sched::log::decode(value).is_ok() => shared.choices = Some(value.into()),
            _ => {}
        }
    }
    Ok(shared)
}

/// A link's network line: `latency:50000000 loopback:0 bandwidth:10000000 failures:0 seed:0 hosts:example.com=40000000,...`
/// (nanoseconds, bytes per second, per thousand).
pub fn net_text(net: &NetConfig) -> String {
    format!(
        "latency:{} loopback:{} bandwidth:{} failures:{} seed:{} hosts:{}",
        net.latency,
        net.loopback_latency,
        net.bandwidth,
        net.failure_permille,
        net.seed,
        interleave::net::hosts_text(&net.hosts)
    )
}

/// [`net_text`]'s reverse; `None` for a line that is not one (bounded as the run file's settings are).
pub fn parse_net(text: &str) -> Option<NetConfig> {
    let mut net = NetConfig::default();
    for field in text.split(' ') {
        let (key, value) = field.split_once(':')?;
        match key {
            "latency" => net.latency = value.parse::<u64>().ok()?.min(interleave::trace::END_OF_TIME),
            "loopback" => net.loopback_latency = value.parse::<u64>().ok()?.min(interleave::trace::END_OF_TIME),
            "bandwidth" => net.bandwidth = value.parse::<u64>().ok().filter(|&b| b > 0)?,
            "failures" => net.failure_permille = value.parse::<u32>().ok().filter(|&f| f <= 1000)?,
            "seed" => net.seed = value.parse().ok()?,
            "hosts" => net.hosts = interleave::net::parse_hosts(value)?,
            _ => {}
        }
    }
    Some(net)
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Unpadded base64url (RFC 4648 §5).
pub fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// The bytes of unpadded base64url text (padding `=` is tolerated at the end); `None` for anything else.
pub fn unbase64url(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            let v = match c {
                b'A'..=b'Z' => c - b'A',
                b'a'..=b'z' => c - b'a' + 26,
                b'0'..=b'9' => c - b'0' + 52,
                b'-' => 62,
                b'_' => 63,
                _ => return None,
            };
            n |= (v as u32) << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`encode`] with miniz_oxide deflating in the browser's place (level 9, as links were made before the
    /// browser made them; any raw deflate reads the same).
    fn encode(shared: &Shared) -> String {
        fragment(&miniz_oxide::deflate::compress_to_vec(&payload(shared), 9))
    }

    /// [`decode`] with miniz_oxide inflating, bounded as the browser's stream is.
    fn decode(fragment: &str) -> Result<Shared, LinkError> {
        let packed = unwrap(fragment)?;
        let payload =
            miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_PAYLOAD).map_err(|e| match e.status {
                miniz_oxide::inflate::TINFLStatus::HasMoreOutput => LinkError::TooLong,
                _ => LinkError::Damaged,
            })?;
        parse(payload)
    }

    /// A link made by the page before it deflated with the browser (miniz_oxide 0.9, level 9); it must
    /// always open. `tests/web_link.rs` and `tests/e2e/checks/share.mjs` open it with the browser's inflater.
    pub const OLD_LINK: &str = "v1.PcwxCgIxEAXQfk4xbJWALCKIIMa7xN2RDGSTkETidh7AVrGz9gb2XkWw9Qguq_irz-fzUiBq1WwPqXBujNKuL4Yigc5qAcBd8DGjTr1r2AOMBVvaYqfZCbkEHBIiuywq87hZ6yf4vJ9fpyO-r5cDrjbrSo4nXTT_pTpZoiCm9Vz-0GGLOye-rIQP";

    #[test]
    fn a_link_made_before_keeps_opening() {
        let shared = decode(OLD_LINK).unwrap();
        assert_eq!(
            shared,
            Shared {
                code: "import asyncio\n\nasync def main():\n    print(\"héllo, 世界 😀 <b>\")\n    \
                       await asyncio.sleep(0.5)\n\nasyncio.run(main())\n"
                    .into(),
                speed: Speed::from_label("2x").unwrap(),
                switch_anywhere: true,
                at: Some(7),
                autoplay: false,
                net: NetConfig::default(),
                ..Shared::default()
            }
        );
        // What the page writes now for it holds the same payload.
        assert_eq!(decode(&encode(&shared)), Ok(shared));
    }

    use interleave::sched::Strategy;

    #[test]
    fn a_replay_or_a_damaged_log_in_a_link_is_not_followed() {
        let open = |header: &str| parse(format!("{header}\n\nprint(1)\n").into_bytes()).unwrap();
        let s = open("scheduler=replay\nchoices=v1.*\nseed=x");
        assert_eq!((s.scheduler, s.choices, s.seed), (Strategy::Cpython, None, 0));
        let s = open("scheduler=pct:4\nseed=12\nchoices=v1.AQ");
        assert_eq!(
            (s.scheduler, s.choices.as_deref(), s.seed),
            (Strategy::Pct { depth: 4 }, Some("v1.AQ"), 12)
        );
    }

    /// A small deterministic generator (xorshift), so the property tests need no dependency and replay.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }

        /// A character from a mix of ASCII, Python-ish text, controls, combining marks, astral planes and
        /// the characters the payload's own syntax uses.
        fn char(&mut self) -> char {
            const PICKS: &[&str] = &[
                "\n",
                "\n\n",
                "=",
                "\r",
                "\t",
                " ",
                "\u{0}",
                "é",
                "\u{301}",
                "\u{200d}",
                "😀",
                "\u{10FFFF}",
                "\u{FEFF}",
                "<script>",
                "#",
                "%",
            ];
            match self.below(4) {
                0 => PICKS[self.below(PICKS.len() as u64) as usize]
                    .chars()
                    .next()
                    .unwrap_or('x'),
                1 => char::from_u32(self.below(0x11_0000) as u32).unwrap_or('\u{fffd}'),
                _ => (b' ' + self.below(95) as u8) as char,
            }
        }

        fn code(&mut self, max: u64) -> String {
            let len = self.below(max + 1);
            let mut code = String::new();
            while (code.len() as u64) < len {
                if self.below(8) == 0 {
                    code.push_str("async def main():\n    await asyncio.sleep(1)\n");
                } else {
                    code.push(self.char());
                }
            }
            code
        }

        fn shared(&mut self, max: u64) -> Shared {
            Shared {
                code: self.code(max),
                speed: Speed::ALL[self.below(Speed::ALL.len() as u64) as usize],
                switch_anywhere: self.below(2) == 0,
                at: (self.below(2) == 0).then(|| match self.below(3) {
                    0 => 0,
                    1 => self.below(1000) as usize,
                    _ => self.next() as usize,
                }),
                autoplay: self.below(2) == 0,
                net: if self.below(2) == 0 {
                    NetConfig::default()
                } else {
                    NetConfig {
                        latency: self.below(5_000_000_000),
                        loopback_latency: self.below(1_000_000_000),
                        bandwidth: 1 + self.below(1 << 30),
                        failure_permille: self.below(1001) as u32,
                        seed: self.next(),
                        hosts: (0..self.below(4))
                            .map(|i| (format!("host{i}.example"), self.below(1 << 33)))
                            .collect(),
                    }
                },
                scheduler: [
                    Strategy::Cpython,
                    Strategy::Random,
                    Strategy::Pct { depth: 3 },
                    Strategy::Pct { depth: 5 },
                    Strategy::Manual,
                ][self.below(5) as usize],
                seed: if self.below(2) == 0 { 0 } else { self.next() },
                choices: (self.below(2) == 0)
                    .then(|| interleave::sched::log::encode((0..self.below(40)).map(|_| self.below(3) as u32))),
            }
        }
    }

    #[test]
    fn random_programs_settings_and_positions_round_trip() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for _ in 0..500 {
            let shared = rng.shared(2_000);
            let link = encode(&shared);
            assert!(link.starts_with("v1."));
            assert!(
                link.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)),
                "{link}"
            );
            assert_eq!(decode(&link), Ok(shared.clone()));
            assert_eq!(decode(&format!("#{link}")), Ok(shared));
        }
    }

    #[test]
    fn a_program_of_a_hundred_kilobytes_round_trips() {
        let mut rng = Rng(7);
        let shared = Shared {
            code: rng.code(150_000),
            ..Shared::default()
        };
        let shared = Shared {
            code: shared.code + &"print('x' * 80)\n".repeat(6_000),
            ..shared
        };
        assert!(shared.code.len() >= 100_000);
        assert_eq!(decode(&encode(&shared)), Ok(shared));
    }

    #[test]
    fn python_source_gets_shorter() {
        let code = crate::examples::EXAMPLES.iter().map(|e| e.source).collect::<String>();
        let link = encode(&Shared {
            code: code.clone(),
            ..Shared::default()
        });
        assert!(link.len() < code.len() / 2, "{} for {}", link.len(), code.len());
    }

    #[test]
    fn base64url_round_trips_every_length() {
        let mut rng = Rng(3);
        for len in 0..200 {
            let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
            assert_eq!(unbase64url(&base64url(&bytes)), Some(bytes));
        }
        assert_eq!(base64url(b"\xfb\xff"), "-_8");
        assert_eq!(unbase64url("a"), None);
        assert_eq!(unbase64url("ab+/"), None);
    }

    #[test]
    fn damaged_and_hostile_links_are_errors_not_panics() {
        let good = encode(&Shared {
            code: "import asyncio\nprint('hello')\n".repeat(20),
            at: Some(12),
            ..Shared::default()
        });
        assert_eq!(decode(""), Err(LinkError::NotALink));
        assert_eq!(decode("#"), Err(LinkError::NotALink));
        assert_eq!(decode("hello"), Err(LinkError::NotALink));
        assert_eq!(decode("v.abc"), Err(LinkError::NotALink));
        assert_eq!(decode("v2.abc"), Err(LinkError::UnknownVersion("2".into())));
        assert_eq!(
            decode("v99999999999999999999999.x"),
            Err(LinkError::UnknownVersion("999999999999".into()))
        );
        assert_eq!(decode("v1.%%%"), Err(LinkError::Damaged));
        assert_eq!(decode("v1."), Err(LinkError::Damaged));
        // Every truncation and every single-character change either fails cleanly or decodes to something.
        for cut in 0..good.len() {
            let _ = decode(&good[..cut]);
        }
        let mut rng = Rng(11);
        for _ in 0..2_000 {
            let mut bytes = good.clone().into_bytes();
            let i = rng.below(bytes.len() as u64) as usize;
            bytes[i] = ALPHABET[rng.below(64) as usize];
            let _ = decode(std::str::from_utf8(&bytes).unwrap_or(""));
        }
        for _ in 0..200 {
            let garbage: String = (0..rng.below(400)).map(|_| rng.char()).collect();
            let _ = decode(&format!("v1.{garbage}"));
            let bytes: Vec<u8> = (0..rng.below(400)).map(|_| rng.next() as u8).collect();
            let _ = decode(&format!("v1.{}", base64url(&bytes)));
        }
        assert_eq!(decode(&"A".repeat(MAX_FRAGMENT + 1)), Err(LinkError::TooLong));
    }

    #[test]
    fn a_deflate_bomb_is_refused_before_it_inflates() {
        let bomb = miniz_oxide::deflate::compress_to_vec(&vec![b'\n'; MAX_PAYLOAD * 4], 9);
        assert_eq!(decode(&format!("v1.{}", base64url(&bomb))), Err(LinkError::TooLong));
    }

    #[test]
    fn bytes_that_are_not_utf8_are_refused() {
        let packed = miniz_oxide::deflate::compress_to_vec(b"\n\xff\xfe", 9);
        assert_eq!(decode(&format!("v1.{}", base64url(&packed))), Err(LinkError::NotText));
    }

    #[test]
    fn a_network_line_that_is_not_one_leaves_the_defaults() {
        for bad in ["latency:x", "bandwidth:0", "failures:1001", "hosts:=5", "latency"] {
            assert_eq!(parse_net(bad), None, "{bad}");
        }
        let net = parse_net("latency:7 failures:250 hosts:a.test=9").unwrap();
        assert_eq!((net.latency, net.failure_permille), (7, 250));
        assert_eq!(net.hosts, vec![("a.test".to_string(), 9)]);
        assert_eq!(parse_net(&net_text(&net)), Some(net));
    }

    #[test]
    fn unknown_keys_and_values_are_skipped() {
        let payload = b"colour=red\nspeed=warp\nat=-3\nswitch=anywhere\n\nprint(1)\n";
        let packed = miniz_oxide::deflate::compress_to_vec(payload, 9);
        let shared = decode(&format!("v1.{}", base64url(&packed))).unwrap();
        assert_eq!(
            shared,
            Shared {
                code: "print(1)\n".into(),
                switch_anywhere: true,
                ..Shared::default()
            }
        );
    }
}
