//! The caret line CPython 3.11 prints under a traceback's source line (PEP 657): `^^^^^` under the failing
//! call or expression, `~~^~~` when it is a binary operation, `~^^^^^` when it is a subscript.
//!
//! The rules are CPython's (`traceback.py`, `format_frame_summary` and `_extract_caret_anchors_from_line_segment`):
//! nothing when the instruction's span covers the whole stripped line (a `raise`, an `await`, a bare call);
//! a span running onto later lines is underlined to the end of its first line, without anchors; anchors come
//! from parsing the span's text on its own, as CPython does with `ast.parse`. Columns count characters.

use crate::ast::{Expr, ExprKind, StmtKind};
use crate::code::Span;

/// The caret line for `text`, line `line` of the source as written (indentation included), when the frame was
/// at `span`; `None` when CPython prints none. The line starts at the indentation of the stripped source line
/// (the caller puts it under that line, after the same four spaces).
pub fn carets(text: &str, line: u32, span: Span) -> Option<String> {
    if span.line != line {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let indent = chars.len() - text.trim_start().chars().count();
    let stripped_len = text.trim().chars().count();
    let start = span.col as usize;
    let (end, anchors) = if span.end_line == span.line {
        let end = span.end_col as usize;
        if end > chars.len() || end < start {
            return None;
        }
        let segment: String = chars[start..end].iter().collect();
        (end, anchors(&segment))
    } else {
        (text.trim_end().chars().count(), None)
    };
    if start < indent || end < start {
        return None;
    }
    let marked = end - start;
    let split = anchors.is_some_and(|(left, right)| right > left);
    if marked >= stripped_len && !split {
        return None;
    }
    let mut out = " ".repeat(start - indent);
    match anchors {
        Some((left, right)) => {
            let left = left.min(marked);
            let right = right.max(left).min(marked);
            out.push_str(&"~".repeat(left));
            out.push_str(&"^".repeat(right - left));
            out.push_str(&"~".repeat(marked - right));
        }
        None => out.push_str(&"^".repeat(marked)),
    }
    Some(out)
}

/// Where the operator of a binary operation, or the brackets of a subscript, start and end in `segment`
/// (character offsets), when `segment` parses on its own as just that expression.
fn anchors(segment: &str) -> Option<(usize, usize)> {
    let module = crate::parser::parse_syntax(segment).ok()?;
    let [stmt] = module.body.as_slice() else { return None };
    let StmtKind::Expr(e) = &stmt.kind else { return None };
    let chars: Vec<char> = segment.chars().collect();
    let at = |i: usize| chars.get(i).copied();
    // Offsets on the segment's first line only; a part on a later line gives no anchors.
    let end_of = |e: &Expr| (e.end.line == 1).then(|| e.end.col.saturating_sub(1) as usize);
    let start_of = |e: &Expr| (e.pos.line == 1).then(|| e.pos.col.saturating_sub(1) as usize);
    match &e.kind {
        ExprKind::BinOp { left, right, .. } => {
            let (op_start, op_end) = (end_of(left)?, start_of(right)?);
            let between: Vec<char> = chars.get(op_start..op_end)?.to_vec();
            let offset = between.iter().take_while(|c| c.is_whitespace()).count();
            let mut left_anchor = op_start + offset;
            let mut right_anchor = left_anchor + 1;
            if between.get(offset + 1).is_some_and(|c| !c.is_whitespace()) {
                right_anchor += 1;
            }
            while let Some(c) = at(left_anchor) {
                if !(c.is_whitespace() || c == ')' || c == '#') {
                    break;
                }
                left_anchor += 1;
                right_anchor += 1;
            }
            Some((left_anchor, right_anchor))
        }
        ExprKind::Subscript { value, index } => {
            let mut left_anchor = end_of(value)?;
            let mut right_anchor = end_of(index)? + 1;
            while at(left_anchor).is_some_and(|c| c != '[') {
                left_anchor += 1;
            }
            while at(right_anchor).is_some_and(|c| c != ']') {
                right_anchor += 1;
            }
            if right_anchor < chars.len() {
                right_anchor += 1;
            }
            Some((left_anchor, right_anchor))
        }
        _ => None,
    }
}
