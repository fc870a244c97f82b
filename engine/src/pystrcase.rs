//! str case conversions (`upper`, `lower`, `casefold`, `capitalize`, `title`, `swapcase`) and the `is...()`
//! predicates, with CPython 3.11's rules (full case mappings, final sigma, "cased" and "previous is cased").

use crate::pyunicode as u;

/// `s.upper()`: full mappings, so `'ß'.upper() == 'SS'`.
pub fn upper(s: &str) -> String {
    s.to_uppercase()
}

/// `s.lower()`: full mappings with the final-sigma rule (`'ΑΣ'.lower() == 'ας'`).
pub fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// `s.casefold()`: lower case plus the foldings that differ from it (`'ß'` to `"ss"`).
pub fn casefold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        u::push_casefold(&mut out, c);
    }
    out
}

/// The lower-case mapping of every character of `s` in context, as slices of `s.to_lowercase()`.
///
/// Only U+03A3 (capital sigma) maps differently in context (final sigma), and always to one character, so walking
/// the lowered string beside the original tells each character's mapping. This lets `title`, `capitalize` and
/// `swapcase` lower single characters with std's final-sigma rule, as CPython's `lower_ucs4` does.
fn lower_each(s: &str) -> (String, Vec<(usize, usize)>) {
    let lowered = s.to_lowercase();
    let mut spans = Vec::with_capacity(s.len());
    let mut pos = 0;
    for c in s.chars() {
        let len = if c == '\u{3a3}' {
            lowered[pos..].chars().next().map_or(0, char::len_utf8)
        } else {
            c.to_lowercase().map(char::len_utf8).sum()
        };
        spans.push((pos, pos + len));
        pos += len;
    }
    (lowered, spans)
}

/// `s.capitalize()`: the first character in title case, the rest in lower case.
pub fn capitalize(s: &str) -> String {
    let (lowered, spans) = lower_each(s);
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        if i == 0 {
            u::push_title(&mut out, c);
        } else if let Some(&(a, b)) = spans.get(i) {
            out.push_str(&lowered[a..b]);
        }
    }
    out
}

/// `s.title()`: a character after a cased one is lowered, any other is title-cased (`"they're"` becomes
/// `"They'Re"`, as in CPython).
pub fn title(s: &str) -> String {
    let (lowered, spans) = lower_each(s);
    let mut out = String::with_capacity(s.len());
    let mut previous_is_cased = false;
    for (i, c) in s.chars().enumerate() {
        if previous_is_cased {
            if let Some(&(a, b)) = spans.get(i) {
                out.push_str(&lowered[a..b]);
            }
        } else {
            u::push_title(&mut out, c);
        }
        previous_is_cased = u::is_cased(c);
    }
    out
}

/// `s.swapcase()`: upper case lowered, lower case raised, everything else kept.
pub fn swapcase(s: &str) -> String {
    let (lowered, spans) = lower_each(s);
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        if u::is_upper(c) {
            if let Some(&(a, b)) = spans.get(i) {
                out.push_str(&lowered[a..b]);
            }
        } else if u::is_lower(c) {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn all_nonempty(s: &str, f: impl Fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(f)
}

pub fn isdigit(s: &str) -> bool {
    all_nonempty(s, u::is_digit)
}

pub fn isdecimal(s: &str) -> bool {
    all_nonempty(s, u::is_decimal)
}

pub fn isnumeric(s: &str) -> bool {
    all_nonempty(s, u::is_numeric)
}

pub fn isalpha(s: &str) -> bool {
    all_nonempty(s, u::is_alpha)
}

pub fn isalnum(s: &str) -> bool {
    all_nonempty(s, u::is_alnum)
}

pub fn isspace(s: &str) -> bool {
    all_nonempty(s, u::is_space)
}

/// `s.isprintable()`: true for the empty string.
pub fn isprintable(s: &str) -> bool {
    s.chars().all(u::is_printable)
}

/// `s.isascii()`: true for the empty string.
pub fn isascii(s: &str) -> bool {
    s.is_ascii()
}

/// `s.isidentifier()`: XID_Start or `_`, then XID_Continue (keywords count as identifiers).
pub fn isidentifier(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        Some(c) if u::is_xid_start(c) => it.all(u::is_xid_continue),
        _ => false,
    }
}

/// `s.isupper()`: some cased character and no lower or title case one.
pub fn isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if u::is_lower(c) || u::is_titlecase(c) {
            return false;
        }
        cased |= u::is_upper(c);
    }
    cased
}

/// `s.islower()`: some cased character and no upper or title case one.
pub fn islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if u::is_title_or_upper(c) {
            return false;
        }
        cased |= u::is_lower(c);
    }
    cased
}

/// `s.istitle()`: upper/title case only after uncased characters, lower case only after cased ones.
pub fn istitle(s: &str) -> bool {
    let mut cased = false;
    let mut previous_is_cased = false;
    for c in s.chars() {
        if u::is_title_or_upper(c) {
            if previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else if u::is_lower(c) {
            if !previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    cased
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_conversions_match_python() {
        // (input, upper, lower, casefold, capitalize, title, swapcase) printed by python3.11.
        let cases: &[[&str; 7]] = &[
            [
                "hello world",
                "HELLO WORLD",
                "hello world",
                "hello world",
                "Hello world",
                "Hello World",
                "HELLO WORLD",
            ],
            [
                "they're bill's",
                "THEY'RE BILL'S",
                "they're bill's",
                "they're bill's",
                "They're bill's",
                "They'Re Bill'S",
                "THEY'RE BILL'S",
            ],
            [
                "ßtraße", "SSTRASSE", "ßtraße", "sstrasse", "Sstraße", "Sstraße", "SSTRASSE",
            ],
            ["ΑΣ ΣΑΣ", "ΑΣ ΣΑΣ", "ας σας", "ασ σασ", "Ας σας", "Ας Σας", "ας σας"],
            [
                "ǆemal ǈ",
                "ǄEMAL Ǉ",
                "ǆemal ǉ",
                "ǆemal ǉ",
                "ǅemal ǉ",
                "ǅemal ǈ",
                "ǄEMAL ǈ",
            ],
            [
                "ﬁre 3rd",
                "FIRE 3RD",
                "ﬁre 3rd",
                "fire 3rd",
                "Fire 3rd",
                "Fire 3Rd",
                "FIRE 3RD",
            ],
            [
                "MiXeD_cAsE-x",
                "MIXED_CASE-X",
                "mixed_case-x",
                "mixed_case-x",
                "Mixed_case-x",
                "Mixed_Case-X",
                "mIxEd_CaSe-X",
            ],
            ["", "", "", "", "", "", ""],
        ];
        for row in cases {
            let s = row[0];
            assert_eq!(
                [upper(s), lower(s), casefold(s), capitalize(s), title(s), swapcase(s)],
                [row[1], row[2], row[3], row[4], row[5], row[6]],
                "{s:?}"
            );
        }
    }

    #[test]
    fn predicates_match_python() {
        // (input, isdigit isdecimal isnumeric isalpha isalnum isspace isprintable isascii isidentifier
        //  isupper islower istitle) from python3.11.
        let cases: &[(&str, &str)] = &[
            ("", "000000110000"),
            ("123", "111010110000"),
            ("²", "101010100000"),
            ("½", "001010100000"),
            ("٣", "111010100000"),
            ("abc", "000110111010"),
            ("ABC", "000110111100"),
            ("Abc Def", "000000110001"),
            ("Abc def", "000000110000"),
            ("ǅ", "000110101001"),
            (" \t\n", "000001010000"),
            ("\u{1f}", "000001010000"),
            ("_x1", "000000111010"),
            ("1x", "000010110010"),
            ("é", "000110101010"),
            ("A1!", "000000110101"),
            ("中文", "000110101000"),
            ("\u{a0}", "000001000000"),
        ];
        for &(s, want) in cases {
            let got: String = [
                isdigit(s),
                isdecimal(s),
                isnumeric(s),
                isalpha(s),
                isalnum(s),
                isspace(s),
                isprintable(s),
                isascii(s),
                isidentifier(s),
                isupper(s),
                islower(s),
                istitle(s),
            ]
            .iter()
            .map(|&b| if b { '1' } else { '0' })
            .collect();
            assert_eq!(got, want, "{s:?}");
        }
    }
}
