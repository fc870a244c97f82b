//! Per-character Unicode properties as CPython 3.11 defines them (isprintable, isalpha, digit values, case exceptions).
//!
//! Categories come from tables generated from CPython's own unicodedata (`crate::unicode_tables`), so they match
//! Python 3.11 exactly; case mappings use Rust's std (a newer Unicode version, which differs only for characters
//! added since Unicode 14) plus generated tables for the places where Python's title case and case folding differ
//! from upper and lower case.

use crate::unicode_tables as t;

fn in_ranges(table: &[(u32, u32)], c: char) -> bool {
    let c = c as u32;
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// `c.isprintable()`: false for categories Cc Cf Cs Co Cn Zl Zp and Zs other than the space.
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    !in_ranges(t::NON_PRINTABLE, c)
}

/// `c.isalpha()`: categories Lu Ll Lt Lm Lo.
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_ranges(t::ALPHA, c)
}

/// The value of a decimal digit (category Nd) of any script, as `int()` and `str.isdecimal()` see it.
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii() {
        return c.to_digit(10);
    }
    let c = c as u32;
    let i = t::DECIMAL_ZEROS.partition_point(|&z| z <= c);
    let zero = *t::DECIMAL_ZEROS.get(i.checked_sub(1)?)?;
    let d = c - zero;
    (d < 10).then_some(d)
}

pub fn is_decimal(c: char) -> bool {
    decimal_value(c).is_some()
}

/// `c.isdigit()`: decimal digits plus other digits such as superscripts.
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(t::DIGIT, c)
}

/// `c.isnumeric()`: any character with a numeric value, such as fractions and CJK numerals.
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(t::NUMERIC, c)
}

pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c)
}

/// `c.isspace()`: Unicode White_Space plus the ASCII separators U+001C..U+001F, which Python counts too.
pub fn is_space(c: char) -> bool {
    matches!(c, '\u{1c}'..='\u{1f}') || c.is_whitespace()
}

/// Whether `c` may start an identifier: XID_Start or the underscore.
pub fn is_xid_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic() || c == '_';
    }
    in_ranges(t::XID_START, c)
}

/// Whether `c` may continue an identifier (XID_Continue).
pub fn is_xid_continue(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    in_ranges(t::XID_CONTINUE, c)
}

/// Titlecase letters (category Lt), the one part of Python's "cased" that std does not expose.
pub fn is_titlecase(c: char) -> bool {
    matches!(c as u32, 0x1C5 | 0x1C8 | 0x1CB | 0x1F2 | 0x1F88..=0x1F8F | 0x1F98..=0x1F9F | 0x1FA8..=0x1FAF)
        || matches!(c as u32, 0x1FBC | 0x1FCC | 0x1FFC)
}

/// Python's "cased": Lowercase, Uppercase or titlecase.
pub fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || is_titlecase(c)
}

pub fn is_upper(c: char) -> bool {
    c.is_uppercase()
}

pub fn is_lower(c: char) -> bool {
    c.is_lowercase()
}

/// Whether `c` is titlecase or uppercase, which `str.istitle()` treats alike.
pub fn is_title_or_upper(c: char) -> bool {
    c.is_uppercase() || is_titlecase(c)
}

fn lookup_map(table: &'static [(u32, &'static str)], c: char) -> Option<&'static str> {
    let c = c as u32;
    table
        .binary_search_by_key(&c, |&(k, _)| k)
        .ok()
        .and_then(|i| table.get(i))
        .map(|&(_, s)| s)
}

/// Appends the full title-case mapping of `c` (for example `'ß'` becomes `"Ss"`).
pub fn push_title(out: &mut String, c: char) {
    match lookup_map(t::TITLE_EXCEPTIONS, c) {
        Some(s) => out.push_str(s),
        None => out.extend(c.to_uppercase()),
    }
}

/// Appends the full case folding of `c` (for example `'ß'` becomes `"ss"`).
pub fn push_casefold(out: &mut String, c: char) {
    match lookup_map(t::CASEFOLD_EXCEPTIONS, c) {
        Some(s) => out.push_str(s),
        None => out.extend(c.to_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn properties_match_python() {
        // Values checked with python3.11: '\xa0'.isprintable() is False, 'é'.isalpha() ...
        assert!(!is_printable('\u{a0}'));
        assert!(!is_printable('\u{ad}'));
        assert!(is_printable('é'));
        assert!(is_printable('😀'));
        assert!(!is_printable('\u{e000}'));
        assert!(!is_printable('\u{378}'));
        assert!(is_alpha('é') && is_alpha('中') && !is_alpha('١'));
        assert_eq!(decimal_value('٣'), Some(3));
        assert_eq!(decimal_value('²'), None);
        assert!(is_digit('²') && !is_decimal('²'));
        assert!(is_numeric('½') && is_numeric('一') && !is_digit('½'));
        assert!(is_space('\u{1f}') && is_space('\u{3000}') && !is_space('\u{200b}'));
        assert!(is_xid_start('é') && !is_xid_start('1') && is_xid_continue('1'));
        assert!(is_cased('ǅ') && !is_cased('中'));
        let mut s = String::new();
        push_title(&mut s, 'ß');
        push_casefold(&mut s, 'ß');
        push_title(&mut s, 'ǆ');
        assert_eq!(s, "Ssssǅ");
    }
}
