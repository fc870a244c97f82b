//! A program file's bytes as CPython's tokenizer reads them: a UTF-8 BOM, a PEP 263 coding declaration, and the
//! errors CPython gives for bytes that do not decode.
//!
//! Interleave knows the encodings tutorials declare: UTF-8, Latin-1, ASCII, cp1252 and ISO-8859-15. A declaration
//! of any other encoding gets CPython's answer for one it cannot use, `encoding problem: NAME`.

use crate::ast::{SyntaxError, SyntaxErrorKind};

/// Why a file's bytes are not a program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceError {
    /// An error CPython reports without a location (`SyntaxError: encoding problem: ascii`); `{file}` in the
    /// message stands for the file's name.
    Plain(String),
    /// An error at a place in the file, reported with its line and caret.
    At(SyntaxError),
}

/// The text of a program file, or CPython's error for it.
pub fn decode(bytes: &[u8]) -> Result<String, SourceError> {
    let (bom, body) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let declared = declaration(body);
    if bom {
        if let Some(name) = &declared {
            if normal_name(name) != "utf-8" {
                return Err(SourceError::Plain(format!(
                    "encoding problem: {} with BOM",
                    normal_name(name)
                )));
            }
        }
    }
    let Some(name) = declared.filter(|n| normal_name(n) != "utf-8") else {
        return match std::str::from_utf8(body) {
            Ok(text) => Ok(text.to_string()),
            Err(_) if bom || declaration(body).is_some() => declared_utf8(body),
            Err(e) => {
                let at = e.valid_up_to();
                let line = body[..at].iter().filter(|&&b| b == b'\n').count() + 1;
                Err(SourceError::Plain(format!(
                    "Non-UTF-8 code starting with '\\x{:02x}' in file {{file}} on line {line}, but no encoding \
                     declared; see https://peps.python.org/pep-0263/ for details",
                    body[at]
                )))
            }
        };
    };
    let problem = || SourceError::Plain(format!("encoding problem: {}", normal_name(&name)));
    let table: fn(u8) -> Option<char> = match codec(&normal_name(&name)).ok_or_else(problem)? {
        Codec::Latin1 => |b| Some(b as char),
        Codec::Ascii => |b| b.is_ascii().then_some(b as char),
        Codec::Cp1252 => cp1252,
        Codec::Latin9 => latin9,
    };
    body.iter()
        .map(|&b| table(b))
        .collect::<Option<String>>()
        .ok_or_else(problem)
}

/// The encoding a PEP 263 comment names on the first line, or on the second when the first holds nothing but
/// a comment or blanks (as CPython's tokenizer looks).
fn declaration(body: &[u8]) -> Option<String> {
    let mut lines = body.split(|&b| b == b'\n').map(|l| l.strip_suffix(b"\r").unwrap_or(l));
    let first = lines.next()?;
    if let Some(name) = coding_spec(first) {
        return Some(name);
    }
    let blank_or_comment = first
        .iter()
        .find(|b| !matches!(b, b' ' | b'\t' | b'\x0c' | b'\r'))
        .is_none_or(|&b| b == b'#');
    if blank_or_comment {
        return lines.next().and_then(coding_spec);
    }
    None
}

/// `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)` on one line.
fn coding_spec(line: &[u8]) -> Option<String> {
    let start = line.iter().position(|b| !matches!(b, b' ' | b'\t' | b'\x0c'))?;
    if line[start] != b'#' {
        return None;
    }
    let comment = &line[start..];
    let mut from = 0;
    while let Some(i) = comment[from..].windows(6).position(|w| w == b"coding") {
        let after = from + i + 6;
        if matches!(comment.get(after), Some(b':' | b'=')) {
            let rest = &comment[after + 1..];
            let rest = &rest[rest.iter().take_while(|b| matches!(b, b' ' | b'\t')).count()..];
            let len = rest
                .iter()
                .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
                .count();
            if len > 0 {
                return Some(String::from_utf8_lossy(&rest[..len]).into_owned());
            }
        }
        from = after;
    }
    None
}

/// CPython's `get_normal_name`: the spellings of UTF-8 and Latin-1 it recognises before any codec lookup.
fn normal_name(name: &str) -> String {
    let short: String = name
        .chars()
        .take(12)
        .collect::<String>()
        .to_ascii_lowercase()
        .replace('_', "-");
    if short == "utf-8" || short.starts_with("utf-8-") {
        return "utf-8".into();
    }
    for latin in ["latin-1", "iso-8859-1", "iso-latin-1"] {
        if short == latin || short.starts_with(&format!("{latin}-")) {
            return "iso-8859-1".into();
        }
    }
    name.to_string()
}

enum Codec {
    Latin1,
    Ascii,
    Cp1252,
    Latin9,
}

/// The codec a (normalised) name stands for, with the aliases of CPython's `encodings.aliases` for these four.
fn codec(name: &str) -> Option<Codec> {
    let key = name.to_ascii_lowercase().replace(['-', ' '], "_");
    Some(match key.as_str() {
        "iso_8859_1" | "iso8859_1" | "latin_1" | "latin1" | "latin" | "l1" | "8859" | "cp819" | "iso_ir_100"
        | "iso_8859_1_1987" | "csisolatin1" => Codec::Latin1,
        "ascii" | "us_ascii" | "646" | "us" | "iso646_us" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986"
        | "cp367" | "csascii" | "ibm367" | "iso_646.irv_1991" | "iso_ir_6" => Codec::Ascii,
        "cp1252" | "windows_1252" | "1252" => Codec::Cp1252,
        "iso8859_15" | "iso_8859_15" | "latin9" | "latin_9" | "l9" => Codec::Latin9,
        _ => return None,
    })
}

/// Windows-1252: Latin-1 with printable characters in 0x80-0x9F, five of which are undefined.
fn cp1252(b: u8) -> Option<char> {
    const HIGH: [u16; 32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D,
        0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,
        0x017E, 0x0178,
    ];
    match b {
        0x80..=0x9f => match HIGH[(b - 0x80) as usize] {
            0 => None,
            c => char::from_u32(c as u32),
        },
        _ => Some(b as char),
    }
}

/// ISO-8859-15: Latin-1 with the euro sign and seven letters in place of eight symbols.
fn latin9(b: u8) -> Option<char> {
    Some(match b {
        0xa4 => '\u{20ac}',
        0xa6 => '\u{160}',
        0xa8 => '\u{161}',
        0xb4 => '\u{17d}',
        0xb8 => '\u{17e}',
        0xbc => '\u{152}',
        0xbd => '\u{153}',
        0xbe => '\u{178}',
        _ => b as char,
    })
}

/// A file declared UTF-8 (by a comment or a BOM) with bytes that are not: CPython decodes each token on its own,
/// so bad bytes in a comment pass, and elsewhere the token they are in gives a `(unicode error)`.
fn declared_utf8(body: &[u8]) -> Result<String, SourceError> {
    let mut start = 0;
    for (i, line) in body.split_inclusive(|&b| b == b'\n').enumerate() {
        if let Err(e) = std::str::from_utf8(line) {
            let bad = e.valid_up_to();
            let (in_comment, token_start, token_end) = token_around(line, bad);
            if !in_comment {
                let token = &line[token_start..token_end];
                let reason = match std::str::from_utf8(token) {
                    Err(e) if e.error_len().is_none() => "unexpected end of data",
                    _ if matches!(line[bad], 0xc2..=0xf4) => "invalid continuation byte",
                    _ => "invalid start byte",
                };
                let col = String::from_utf8_lossy(&line[..bad]).chars().count() as u32 + 1;
                return Err(SourceError::At(SyntaxError {
                    kind: SyntaxErrorKind::SyntaxError,
                    msg: format!(
                        "(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {}: {reason}",
                        line[bad],
                        bad - token_start
                    ),
                    line: i as u32 + 1,
                    col,
                    end: None,
                }));
            }
        }
        start += line.len();
    }
    debug_assert_eq!(start, body.len());
    // Every bad byte is in a comment, which the tokenizer skips.
    Ok(String::from_utf8_lossy(body).into_owned())
}

/// Whether byte `at` of `line` is in a comment, and else the token around it: a one-line string's contents, or a
/// run of name characters.
fn token_around(line: &[u8], at: usize) -> (bool, usize, usize) {
    let mut quote: Option<(u8, usize)> = None;
    for (i, &b) in line[..at].iter().enumerate() {
        match quote {
            Some((q, _)) if b == q && line.get(i.wrapping_sub(1)) != Some(&b'\\') => quote = None,
            Some(_) => {}
            None if b == b'#' => return (true, 0, 0),
            None if b == b'"' || b == b'\'' => quote = Some((b, i + 1)),
            None => {}
        }
    }
    if let Some((q, from)) = quote {
        let end = line[at..]
            .iter()
            .position(|&b| b == q || b == b'\n')
            .map_or(line.len(), |p| at + p);
        return (false, from, end);
    }
    let name = |b: &u8| b.is_ascii_alphanumeric() || *b == b'_' || *b >= 0x80;
    let from = at - line[..at].iter().rev().take_while(|b| name(b)).count();
    let end = at + line[at..].iter().take_while(|b| name(b)).count();
    (false, from, end)
}

#[cfg(test)]
mod tests;
