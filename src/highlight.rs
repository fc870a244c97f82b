//! Syntax colouring for the editor: the engine lexer's tokens cut into per-line pieces with a CSS class.

use std::ops::Range;

use interleave::lexer::{highlight, TokenClass};

/// A run of one line's text and the class it is drawn with (`None`: plain).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// Byte range into the whole source.
    pub range: Range<usize>,
    pub class: Option<&'static str>,
}

/// The CSS class of a token class: `tok-keyword`...
pub fn class_name(class: TokenClass) -> &'static str {
    match class {
        TokenClass::Keyword => "tok-keyword",
        TokenClass::Builtin => "tok-builtin",
        TokenClass::Constant => "tok-constant",
        TokenClass::Name => "tok-name",
        TokenClass::FunctionName => "tok-function",
        TokenClass::Decorator => "tok-decorator",
        TokenClass::String => "tok-string",
        TokenClass::Number => "tok-number",
        TokenClass::Comment => "tok-comment",
        TokenClass::Operator => "tok-operator",
        TokenClass::Punctuation => "tok-punctuation",
        TokenClass::Error => "tok-error",
    }
}

/// The source's lines, each as pieces covering it exactly (the newline excluded).
pub fn highlighted_lines(source: &str) -> Vec<Vec<Piece>> {
    let tokens: Vec<(Range<usize>, &'static str)> = highlight(source)
        .into_iter()
        .map(|h| (h.start..h.end, class_name(h.class)))
        .collect();
    split_lines(source, &tokens)
}

/// Cuts `tokens` (sorted, not overlapping, byte ranges) at line ends and fills the gaps with plain pieces.
pub fn split_lines(source: &str, tokens: &[(Range<usize>, &'static str)]) -> Vec<Vec<Piece>> {
    let mut lines = Vec::new();
    let mut next = 0;
    let mut start = 0;
    for line in source.split('\n') {
        let end = start + line.len();
        let mut pieces = Vec::new();
        let mut at = start;
        // Skip tokens that ended before this line; a multi-line token stays until its last line.
        while next < tokens.len() && tokens[next].0.end <= start && tokens[next].0.start < start {
            next += 1;
        }
        let mut i = next;
        while i < tokens.len() && tokens[i].0.start < end.max(start + 1) {
            let (range, class) = &tokens[i];
            let from = range.start.max(at).min(end);
            let to = range.end.min(end);
            if from > at {
                pieces.push(Piece {
                    range: at..from,
                    class: None,
                });
            }
            if to > from {
                pieces.push(Piece {
                    range: from..to,
                    class: Some(class),
                });
                at = to;
            }
            if range.end > end {
                break;
            }
            i += 1;
        }
        next = i;
        if at < end {
            pieces.push(Piece {
                range: at..end,
                class: None,
            });
        }
        lines.push(pieces);
        start = end + 1;
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(source: &str, tokens: &[(Range<usize>, &'static str)]) -> Vec<String> {
        split_lines(source, tokens)
            .iter()
            .map(|line| {
                line.iter()
                    .map(|p| match p.class {
                        Some(c) => format!("<{c}>{}", &source[p.range.clone()]),
                        None => source[p.range.clone()].to_string(),
                    })
                    .collect::<Vec<_>>()
                    .join("|")
            })
            .collect()
    }

    #[test]
    fn gaps_are_plain_and_lines_split() {
        let src = "def f():\n    pass\n";
        let tokens = [(0..3, "k"), (4..5, "f"), (13..17, "k")];
        assert_eq!(show(src, &tokens), vec!["<k>def| |<f>f|():", "    |<k>pass", ""]);
    }

    #[test]
    fn a_token_spanning_lines_is_cut_at_each_end() {
        let src = "x = \"\"\"a\nb\"\"\"\ny";
        let tokens = [(0..1, "n"), (4..13, "s"), (14..15, "n")];
        assert_eq!(show(src, &tokens), vec!["<n>x| = |<s>\"\"\"a", "<s>b\"\"\"", "<n>y"]);
    }

    #[test]
    fn empty_source_is_one_empty_line() {
        assert_eq!(split_lines("", &[]), vec![Vec::<Piece>::new()]);
    }
}
