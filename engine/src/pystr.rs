//! str methods as pure functions with Python semantics: indices count characters (not bytes), negative indices and
//! `start`/`end` arguments behave like slices, and errors carry CPython's messages.
//!
//! Case conversions and the `is...()` predicates live in `crate::pystrcase`; `str.format` parsing in
//! `crate::pystrformat`.

use crate::pyerr::{PyErr, PyRes};
use crate::pyunicode::is_space;

/// The longest str (in bytes) that an operation may build; CPython's limit is the address space, ours stops a
/// runaway `"x" * 10**10` with `MemoryError` instead of killing the page.
pub const MAX_STR_BYTES: usize = 1 << 28;

/// A count from Python (a width, a repeat count) as a `usize`, refusing anything past `MAX_STR_BYTES` before the
/// conversion so that 32-bit targets cannot truncate it.
fn bounded(n: i64) -> PyRes<usize> {
    if n > MAX_STR_BYTES as i64 || !crate::memory::fits(n.max(0) as usize) {
        return Err(PyErr::memory());
    }
    Ok(n.max(0) as usize)
}

/// A `maxsplit` or `count` argument: negative means no limit.
fn limit(n: i64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

fn check_size(bytes: usize) -> PyRes<()> {
    if bytes > MAX_STR_BYTES || !crate::memory::fits(bytes) {
        Err(PyErr::memory())
    } else {
        Ok(())
    }
}

/// The length of `s` in characters, as `len(s)`.
pub fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// The byte offset of character `ci` (at most the character count; past the end gives `s.len()`).
pub fn byte_offset(s: &str, ci: usize) -> usize {
    if s.is_ascii() {
        return ci.min(s.len());
    }
    s.char_indices().nth(ci).map_or(s.len(), |(b, _)| b)
}

/// The character index of byte offset `b` (a char boundary).
fn char_offset(s: &str, b: usize) -> usize {
    char_len(s.get(..b).unwrap_or(s))
}

/// CPython's `PySlice_Unpack` + `PySlice_AdjustIndices`: the normalised `(start, stop, step, slicelength)` of
/// `seq[start:stop:step]` on a sequence of `len` items. Callers saturate huge ints to `i64` first, as CPython
/// clamps them to `Py_ssize_t`. Works for lists and tuples as well as strs.
pub fn slice_indices(
    len: i64,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
) -> PyRes<(i64, i64, i64, i64)> {
    let step = step.unwrap_or(1);
    if step == 0 {
        return Err(PyErr::value("slice step cannot be zero"));
    }
    // -i64::MAX keeps `-step` from overflowing.
    let step = step.max(-i64::MAX);
    let adjust = |v: Option<i64>, default: i64| -> i64 {
        let Some(mut v) = v else { return default };
        if v < 0 {
            v = v.saturating_add(len);
            if v < 0 {
                v = if step < 0 { -1 } else { 0 };
            }
        } else if v >= len {
            v = if step < 0 { len - 1 } else { len };
        }
        v
    };
    let start = adjust(start, if step < 0 { len - 1 } else { 0 });
    let stop = adjust(stop, if step < 0 { -1 } else { len });
    let slicelen = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    Ok((start, stop, step, slicelen))
}

/// `s[start:stop:step]`.
pub fn slice_str(s: &str, start: Option<i64>, stop: Option<i64>, step: Option<i64>) -> PyRes<String> {
    let n = char_len(s) as i64;
    let (start, _, step, count) = slice_indices(n, start, stop, step)?;
    if count <= 0 {
        return Ok(String::new());
    }
    if step == 1 {
        let a = byte_offset(s, start as usize);
        let b = byte_offset(s, (start + count) as usize);
        return Ok(s[a..b].to_string());
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    let mut i = start;
    for _ in 0..count {
        if let Some(&c) = usize::try_from(i).ok().and_then(|i| chars.get(i)) {
            out.push(c);
        }
        // Only the value after the last item can leave the i64 range, and it is never used.
        i = i.wrapping_add(step);
    }
    Ok(out)
}

/// `s[i]` for one character: `IndexError: string index out of range`.
pub fn char_index(s: &str, i: i64) -> PyRes<char> {
    let n = char_len(s) as i64;
    let j = if i < 0 { i.saturating_add(n) } else { i };
    if j < 0 || j >= n {
        return Err(PyErr::index("string index out of range"));
    }
    if s.is_ascii() {
        return Ok(s.as_bytes()[j as usize] as char);
    }
    s.chars()
        .nth(j as usize)
        .ok_or_else(|| PyErr::index("string index out of range"))
}

/// CPython's `ADJUST_INDICES` for `find`, `count`, `startswith` and friends: `(start, end)` in characters,
/// where `start` may exceed `end` (then nothing matches).
fn adjust(len: usize, start: Option<i64>, end: Option<i64>) -> (i64, i64) {
    let len = len as i64;
    let mut end = end.unwrap_or(len);
    if end > len {
        end = len;
    } else if end < 0 {
        end = (end.saturating_add(len)).max(0);
    }
    let mut start = start.unwrap_or(0);
    if start < 0 {
        start = (start.saturating_add(len)).max(0);
    }
    (start, end)
}

/// The window `s[start:end]` as a str slice plus its character offset, or `None` when `start > end`.
fn window(s: &str, start: Option<i64>, end: Option<i64>) -> Option<(&str, usize)> {
    let (a, b) = adjust(char_len(s), start, end);
    if a > b {
        return None;
    }
    let (ba, bb) = (byte_offset(s, a as usize), byte_offset(s, b as usize));
    Some((&s[ba..bb], a as usize))
}

/// `s.find(sub, start, end)`: the character index of the first match, or -1.
pub fn find(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    match window(s, start, end) {
        Some((w, off)) => w.find(sub).map_or(-1, |b| (off + char_offset(w, b)) as i64),
        None => -1,
    }
}

/// `s.rfind(sub, start, end)`: the character index of the last match, or -1.
pub fn rfind(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    match window(s, start, end) {
        Some((w, off)) => w.rfind(sub).map_or(-1, |b| (off + char_offset(w, b)) as i64),
        None => -1,
    }
}

/// `s.index(sub, start, end)`: like `find`, but `ValueError: substring not found`.
pub fn index(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> PyRes<i64> {
    match find(s, sub, start, end) {
        -1 => Err(PyErr::value("substring not found")),
        i => Ok(i),
    }
}

/// `s.rindex(sub, start, end)`.
pub fn rindex(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> PyRes<i64> {
    match rfind(s, sub, start, end) {
        -1 => Err(PyErr::value("substring not found")),
        i => Ok(i),
    }
}

/// `s.count(sub, start, end)`: non-overlapping matches; the empty string matches between every character.
pub fn count(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    match window(s, start, end) {
        Some((w, _)) if sub.is_empty() => char_len(w) as i64 + 1,
        Some((w, _)) => w.matches(sub).count() as i64,
        None => 0,
    }
}

/// `s.startswith(prefix, start, end)` for one prefix (the caller loops over a tuple).
pub fn startswith(s: &str, prefix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    let (a, b) = adjust(char_len(s), start, end);
    if b - (char_len(prefix) as i64) < a {
        return false;
    }
    window(s, start, end).is_some_and(|(w, _)| w.starts_with(prefix))
}

/// `s.endswith(suffix, start, end)` for one suffix.
pub fn endswith(s: &str, suffix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    let (a, b) = adjust(char_len(s), start, end);
    if b - (char_len(suffix) as i64) < a {
        return false;
    }
    window(s, start, end).is_some_and(|(w, _)| w.ends_with(suffix))
}

fn empty_separator() -> PyErr {
    PyErr::value("empty separator")
}

/// `s.split(sep, maxsplit)`; `sep == None` splits on runs of whitespace and drops empty strings at the ends.
pub fn split(s: &str, sep: Option<&str>, maxsplit: i64) -> PyRes<Vec<String>> {
    let mut max = limit(maxsplit);
    let mut out = Vec::new();
    match sep {
        Some("") => return Err(empty_separator()),
        Some(sep) => {
            let mut rest = s;
            while max > 0 {
                let Some(i) = rest.find(sep) else { break };
                out.push(rest[..i].to_string());
                rest = &rest[i + sep.len()..];
                max -= 1;
            }
            out.push(rest.to_string());
        }
        None => {
            let mut rest = s.trim_start_matches(is_space);
            while !rest.is_empty() {
                if max == 0 {
                    out.push(rest.to_string());
                    break;
                }
                let end = rest.find(is_space).unwrap_or(rest.len());
                out.push(rest[..end].to_string());
                rest = rest[end..].trim_start_matches(is_space);
                max -= 1;
            }
        }
    }
    Ok(out)
}

/// `s.rsplit(sep, maxsplit)`: like `split`, counting splits from the right.
pub fn rsplit(s: &str, sep: Option<&str>, maxsplit: i64) -> PyRes<Vec<String>> {
    let mut max = limit(maxsplit);
    let mut out = Vec::new();
    match sep {
        Some("") => return Err(empty_separator()),
        Some(sep) => {
            let mut rest = s;
            while max > 0 {
                let Some(i) = rest.rfind(sep) else { break };
                out.push(rest[i + sep.len()..].to_string());
                rest = &rest[..i];
                max -= 1;
            }
            out.push(rest.to_string());
        }
        None => {
            let mut rest = s.trim_end_matches(is_space);
            while !rest.is_empty() {
                if max == 0 {
                    out.push(rest.to_string());
                    break;
                }
                let start = rest
                    .rfind(is_space)
                    .map_or(0, |i| i + rest[i..].chars().next().map_or(1, char::len_utf8));
                out.push(rest[start..].to_string());
                rest = rest[..start].trim_end_matches(is_space);
                max -= 1;
            }
        }
    }
    out.reverse();
    Ok(out)
}

/// The line boundaries of `str.splitlines`.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// `s.splitlines(keepends)`; `\r\n` counts as one boundary.
pub fn splitlines(s: &str, keepends: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !is_line_break(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' {
            if let Some(&(j, '\n')) = it.peek() {
                it.next();
                end = j + 1;
            }
        }
        out.push(s[start..if keepends { end } else { i }].to_string());
        start = end;
    }
    if start < s.len() {
        out.push(s[start..].to_string());
    }
    out
}

/// `s.strip(chars)`; `None` strips whitespace.
pub fn strip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    rstrip(lstrip(s, chars), chars)
}

pub fn lstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_start_matches(is_space),
        Some(set) => s.trim_start_matches(|c| set.contains(c)),
    }
}

pub fn rstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_end_matches(is_space),
        Some(set) => s.trim_end_matches(|c| set.contains(c)),
    }
}

/// `s.replace(old, new, count)`; a negative count replaces all. An empty `old` inserts `new` around every char.
pub fn replace(s: &str, old: &str, new: &str, count: i64) -> PyRes<String> {
    let max = limit(count);
    let matches = if old.is_empty() {
        (char_len(s) + 1).min(max)
    } else {
        s.matches(old).take(max).count()
    };
    let size = (s.len() + matches.saturating_mul(new.len())).saturating_sub(matches * old.len());
    check_size(size)?;
    if old.is_empty() {
        let mut out = String::with_capacity(size);
        let mut left = matches;
        for c in s.chars() {
            if left > 0 {
                out.push_str(new);
                left -= 1;
            }
            out.push(c);
        }
        if left > 0 {
            out.push_str(new);
        }
        return Ok(out);
    }
    Ok(s.replacen(old, new, matches))
}

/// `s.partition(sep)`: `(head, sep, tail)`, or `(s, "", "")` when absent.
pub fn partition(s: &str, sep: &str) -> PyRes<(String, String, String)> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(match s.find(sep) {
        Some(i) => (s[..i].into(), sep.into(), s[i + sep.len()..].into()),
        None => (s.into(), String::new(), String::new()),
    })
}

/// `s.rpartition(sep)`: `(head, sep, tail)` at the last match, or `("", "", s)`.
pub fn rpartition(s: &str, sep: &str) -> PyRes<(String, String, String)> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(match s.rfind(sep) {
        Some(i) => (s[..i].into(), sep.into(), s[i + sep.len()..].into()),
        None => (String::new(), String::new(), s.into()),
    })
}

pub fn removeprefix<'a>(s: &'a str, prefix: &str) -> &'a str {
    s.strip_prefix(prefix).unwrap_or(s)
}

pub fn removesuffix<'a>(s: &'a str, suffix: &str) -> &'a str {
    s.strip_suffix(suffix).unwrap_or(s)
}

/// Validates the `fillchar` argument of `center`, `ljust` and `rjust`.
fn fill_char(fill: &str) -> PyRes<char> {
    let mut it = fill.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(PyErr::type_err("The fill character must be exactly one character long")),
    }
}

fn pad(s: &str, left: usize, right: usize, fill: char) -> PyRes<String> {
    check_size(s.len() + (left + right).saturating_mul(fill.len_utf8()))?;
    let mut out = String::with_capacity(s.len() + left + right);
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}

/// `s.center(width, fillchar)`, with CPython's choice of which side gets the odd padding character.
pub fn center(s: &str, width: i64, fill: &str) -> PyRes<String> {
    let c = fill_char(fill)?;
    let len = char_len(s) as i64;
    if width <= len {
        return Ok(s.to_string());
    }
    let marg = width - len;
    let left = marg / 2 + (marg & width & 1);
    pad(s, bounded(left)?, bounded(marg - left)?, c)
}

/// `s.ljust(width, fillchar)`.
pub fn ljust(s: &str, width: i64, fill: &str) -> PyRes<String> {
    let c = fill_char(fill)?;
    let len = char_len(s) as i64;
    pad(s, 0, bounded(width - len)?, c)
}

/// `s.rjust(width, fillchar)`.
pub fn rjust(s: &str, width: i64, fill: &str) -> PyRes<String> {
    let c = fill_char(fill)?;
    let len = char_len(s) as i64;
    pad(s, bounded(width - len)?, 0, c)
}

/// `s.zfill(width)`: zeros on the left, after a leading sign.
pub fn zfill(s: &str, width: i64) -> PyRes<String> {
    let len = char_len(s) as i64;
    if width <= len {
        return Ok(s.to_string());
    }
    let fill = bounded(width - len)?;
    check_size(s.len() + fill)?;
    let mut out = String::with_capacity(s.len() + fill);
    let body = match s.chars().next() {
        Some(c @ ('+' | '-')) => {
            out.push(c);
            &s[1..]
        }
        _ => s,
    };
    out.extend(std::iter::repeat_n('0', fill));
    out.push_str(body);
    Ok(out)
}

/// `s.expandtabs(tabsize)`: columns restart after `\n` and `\r`; a tab size of 0 or less drops tabs.
pub fn expandtabs(s: &str, tabsize: i64) -> PyRes<String> {
    let mut out = String::with_capacity(s.len());
    let mut column: i64 = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let incr = tabsize - column % tabsize;
                    column += incr;
                    let incr = bounded(incr)?;
                    check_size(out.len().saturating_add(incr))?;
                    out.extend(std::iter::repeat_n(' ', incr));
                }
            }
            '\n' | '\r' => {
                column = 0;
                out.push(c);
            }
            _ => {
                column += 1;
                out.push(c);
            }
        }
    }
    Ok(out)
}

/// `s * n`: empty for `n <= 0`, `MemoryError` past `MAX_STR_BYTES`.
pub fn repeat(s: &str, n: i64) -> PyRes<String> {
    if n <= 0 || s.is_empty() {
        return Ok(String::new());
    }
    let n = bounded(n)?;
    let total = s.len().checked_mul(n).ok_or_else(PyErr::memory)?;
    check_size(total)?;
    Ok(s.repeat(n))
}

#[cfg(test)]
#[path = "pystr/tests.rs"]
mod tests;
