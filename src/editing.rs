//! The editor's text edits as pure functions: indent, dedent and newline over a text and a selection.
//!
//! Positions are byte offsets into UTF-8 text; the browser counts in UTF-16 code units, so
//! [`utf16_to_byte`] and [`byte_to_utf16`] translate at the boundary. Each edit is one replacement, which
//! the editor hands to the browser as a single `insertText` so that undo takes it back in one step.

/// The indentation one Tab adds and one Shift+Tab removes.
pub const INDENT: usize = 4;

/// Replace `start..end` of the old text with `text`, then select `select` (offsets into the new text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextEdit {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub select: (usize, usize),
}

impl TextEdit {
    /// The text after the edit.
    pub fn apply(&self, src: &str) -> String {
        format!("{}{}{}", &src[..self.start], self.text, &src[self.end..])
    }
}

fn line_start(src: &str, pos: usize) -> usize {
    src[..pos].rfind('\n').map_or(0, |i| i + 1)
}

fn line_end(src: &str, pos: usize) -> usize {
    src[pos..].find('\n').map_or(src.len(), |i| pos + i)
}

/// The lines a selection touches: a selection ending at the very start of a line leaves that line out.
fn touched_block(src: &str, start: usize, end: usize) -> (usize, usize) {
    let first = line_start(src, start);
    let end = if end > start && end == line_start(src, end) {
        end - 1
    } else {
        end
    };
    (first, line_end(src, end.max(start)))
}

/// Tab: with no selection, spaces up to the next multiple of four columns; otherwise every touched,
/// non-blank line moves right by four spaces.
pub fn indent(src: &str, start: usize, end: usize) -> TextEdit {
    if start == end {
        let column = src[line_start(src, start)..start].chars().count();
        let pad = INDENT - column % INDENT;
        return TextEdit {
            start,
            end,
            text: " ".repeat(pad),
            select: (start + pad, start + pad),
        };
    }
    let (block_start, block_end) = touched_block(src, start, end);
    let mut text = String::with_capacity(block_end - block_start + 16);
    let mut shifted = Vec::new();
    let mut at = block_start;
    for line in src[block_start..block_end].split('\n') {
        if !line.trim().is_empty() {
            text.push_str(&" ".repeat(INDENT));
            shifted.push(at);
        }
        text.push_str(line);
        text.push('\n');
        at += line.len() + 1;
    }
    text.pop();
    // A position moves with every indented line that begins before it; one at a line's start stays put.
    let map = |pos: usize| pos + INDENT * shifted.iter().filter(|&&ls| ls < pos).count();
    TextEdit {
        start: block_start,
        end: block_end,
        text,
        select: (map(start), map(end)),
    }
}

/// Shift+Tab: every touched line loses up to four leading spaces (or one tab). `None` when none has any.
pub fn dedent(src: &str, start: usize, end: usize) -> Option<TextEdit> {
    let (block_start, block_end) = touched_block(src, start, end);
    let mut text = String::with_capacity(block_end - block_start);
    let mut removed = Vec::new();
    let mut at = block_start;
    for line in src[block_start..block_end].split('\n') {
        let cut = if line.starts_with('\t') {
            1
        } else {
            line.bytes().take(INDENT).take_while(|&b| b == b' ').count()
        };
        if cut > 0 {
            removed.push((at, cut));
        }
        text.push_str(&line[cut..]);
        text.push('\n');
        at += line.len() + 1;
    }
    text.pop();
    if removed.is_empty() {
        return None;
    }
    let map = |pos: usize| {
        pos - removed
            .iter()
            .map(|&(ls, cut)| cut.min(pos.saturating_sub(ls)))
            .sum::<usize>()
    };
    Some(TextEdit {
        start: block_start,
        end: block_end,
        text,
        select: (map(start), map(end)),
    })
}

/// Enter: a new line with the current line's indentation, one level more after a colon, one less after
/// a statement that ends a block (`return`, `pass`, `break`, `continue`, `raise`).
pub fn newline(src: &str, start: usize, end: usize) -> TextEdit {
    let ls = line_start(src, start);
    let before = &src[ls..start];
    let mut indent = before.len() - before.trim_start_matches(' ').len();
    let code = before.trim();
    let first_word = code.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    if code.ends_with(':') && !code.starts_with('#') {
        indent += INDENT;
    } else if matches!(first_word, "return" | "pass" | "break" | "continue" | "raise") {
        indent = indent.saturating_sub(INDENT);
    }
    let text = format!("\n{}", " ".repeat(indent));
    let caret = start + text.len();
    TextEdit {
        start,
        end,
        text,
        select: (caret, caret),
    }
}

/// The byte offset of the UTF-16 offset `units` (clamped to the text, and to a character boundary).
pub fn utf16_to_byte(src: &str, units: u32) -> usize {
    let mut count = 0u32;
    for (i, c) in src.char_indices() {
        if count >= units {
            return i;
        }
        count += c.len_utf16() as u32;
    }
    src.len()
}

/// The UTF-16 offset of the byte offset `byte`.
pub fn byte_to_utf16(src: &str, byte: usize) -> u32 {
    src[..byte.min(src.len())].chars().map(|c| c.len_utf16() as u32).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Applies `edit` to `src` where `|` marks the caret or `[`/`]` the selection, and marks the result.
    fn run(src: &str, edit: impl Fn(&str, usize, usize) -> Option<TextEdit>) -> String {
        let (start, end, plain) = if let Some(i) = src.find('|') {
            (i, i, src.replacen('|', "", 1))
        } else {
            let s = src.find('[').unwrap();
            let e = src.find(']').unwrap() - 1;
            (s, e, src.replacen('[', "", 1).replacen(']', "", 1))
        };
        let Some(edit) = edit(&plain, start, end) else {
            return src.to_string();
        };
        let out = edit.apply(&plain);
        let (s, e) = edit.select;
        if s == e {
            format!("{}|{}", &out[..s], &out[s..])
        } else {
            format!("{}[{}]{}", &out[..s], &out[s..e], &out[e..])
        }
    }

    fn tab(src: &str) -> String {
        run(src, |t, s, e| Some(indent(t, s, e)))
    }

    fn shift_tab(src: &str) -> String {
        run(src, dedent)
    }

    fn enter(src: &str) -> String {
        run(src, |t, s, e| Some(newline(t, s, e)))
    }

    #[test]
    fn tab_at_line_start_inserts_four_spaces() {
        assert_eq!(tab("|x = 1"), "    |x = 1");
    }

    #[test]
    fn tab_mid_line_pads_to_the_next_stop() {
        assert_eq!(tab("ab|c"), "ab  |c");
    }

    #[test]
    fn tab_on_a_selection_indents_each_non_blank_line() {
        assert_eq!(tab("[a\n\nb]\nc"), "[    a\n\n    b]\nc");
        assert_eq!(tab("x\n[a\nb\n]c"), "x\n[    a\n    b\n]c");
    }

    #[test]
    fn tab_on_a_partial_selection_keeps_it_on_the_same_text() {
        assert_eq!(tab("a[b\nc]d"), "    a[b\n    c]d");
    }

    #[test]
    fn shift_tab_removes_up_to_four_spaces_per_line() {
        assert_eq!(shift_tab("[      a\n  b]"), "[  a\nb]");
        assert_eq!(shift_tab("    x|y"), "x|y");
        assert_eq!(shift_tab("  |  x"), "|x");
    }

    #[test]
    fn shift_tab_with_nothing_to_remove_changes_nothing() {
        assert_eq!(shift_tab("x|"), "x|");
    }

    #[test]
    fn enter_keeps_the_indentation() {
        assert_eq!(enter("    x = 1|"), "    x = 1\n    |");
    }

    #[test]
    fn enter_after_a_colon_indents() {
        assert_eq!(enter("async def main():|"), "async def main():\n    |");
        assert_eq!(enter("    if x:  |"), "    if x:  \n        |");
    }

    #[test]
    fn enter_after_return_dedents() {
        assert_eq!(enter("        return x|"), "        return x\n    |");
    }

    #[test]
    fn enter_replaces_the_selection() {
        assert_eq!(enter("  a[bc]d"), "  a\n  |d");
    }

    #[test]
    fn utf16_offsets_round_trip_through_astral_characters() {
        let s = "a😀b";
        assert_eq!(utf16_to_byte(s, 3), 5);
        assert_eq!(byte_to_utf16(s, 5), 3);
        assert_eq!(utf16_to_byte(s, 99), s.len());
    }
}
