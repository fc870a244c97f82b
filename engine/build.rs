//! Writes the runtime's Python modules (`src/modules/*.py`, `src/asyncio/prelude.py`) into `OUT_DIR` without
//! their comments, blank lines and docstrings, indented by one space a level instead of four, and without the
//! spaces between tokens that Python does not need (`x=f(a,b)`), so that they weigh less in the wasm bundle.
//! The code is unchanged: strings, and every line inside a triple-quoted string, are kept as they are, and a
//! file whose indentation is not in steps of four keeps its own. Their frames are hidden from the program, so their line numbers show nowhere.
//! Then it packs them: the 128 words that save the most are written as one byte each, from 0x80 up (the modules
//! are ASCII), with the list of those words in `runtime/words`; and it compresses all the packed modules as one
//! LZMA stream (`runtime/all.lzma`, `runtime/size` bytes once decoded), with each module's place in it in
//! `NAME.py.span`. `runtime_source!` in `lib.rs` includes a module's place; `modules::text` decodes the stream
//! once and unpacks a module's text before it is parsed.

use std::fs;
use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut files = vec!["asyncio/prelude.py".to_string()];
    let mut names: Vec<String> = fs::read_dir("src/modules")
        .expect("src/modules")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".py"))
        .collect();
    names.sort();
    files.extend(names.into_iter().map(|n| format!("modules/{n}")));
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/modules");
    let mut minified = Vec::new();
    for f in files {
        let src_path = format!("src/{f}");
        println!("cargo:rerun-if-changed={src_path}");
        let text = fs::read_to_string(&src_path).expect("a runtime module");
        let dest = Path::new(&out).join("runtime").join(&f);
        fs::create_dir_all(dest.parent().expect("a parent")).expect("OUT_DIR is writable");
        let small = minify(&text);
        fs::write(&dest, &small).expect("OUT_DIR is writable");
        minified.push((dest, small));
    }
    let words = common_words(minified.iter().map(|(_, text)| text.as_str()));
    let runtime = Path::new(&out).join("runtime");
    fs::write(runtime.join("words"), words.join(" ")).expect("OUT_DIR is writable");
    // One stream for all the modules: compressed apart, each would lose what it shares with the others.
    let mut all = Vec::new();
    for (dest, text) in minified {
        let packed = pack(&text, &words);
        let span = format!("({}, {})", all.len(), all.len() + packed.len());
        fs::write(dest.with_extension("py.span"), span).expect("OUT_DIR is writable");
        all.extend(packed);
    }
    fs::write(runtime.join("size"), all.len().to_string()).expect("OUT_DIR is writable");
    fs::write(runtime.join("all.lzma"), compress(&all)).expect("OUT_DIR is writable");
}

/// `data` in the `.lzma` format (xz's `--format=lzma`) at its strongest preset (9, extreme: `1 << 31`), with no
/// position bits (the text has no alignment to model), which `interleave::lzma::decode` reads.
fn compress(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut options = xz2::stream::LzmaOptions::new_preset(9 | 1 << 31).expect("a preset");
    options.position_bits(0);
    let stream = xz2::stream::Stream::new_lzma_encoder(&options).expect("an LZMA encoder");
    let mut encoder = xz2::write::XzEncoder::new_stream(Vec::new(), stream);
    encoder.write_all(data).expect("compressing in memory");
    encoder.finish().expect("compressing in memory")
}

/// The words (names and keywords) each written as one byte in the packed sources: the 128 that save the most
/// bytes (occurrences times length less one), most saving first.
fn common_words<'a>(texts: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut counts = std::collections::HashMap::<&str, usize>::new();
    for text in texts {
        assert!(
            text.is_ascii(),
            "a runtime module holds only ASCII, so that bytes from 0x80 up are free"
        );
        for w in words_of(text) {
            *counts.entry(w).or_default() += 1;
        }
    }
    let mut ranked: Vec<(usize, &str)> = counts
        .into_iter()
        .filter(|(w, _)| w.len() > 1)
        .map(|(w, n)| (n * (w.len() - 1), w))
        .collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    ranked.into_iter().take(128).map(|(_, w)| w.to_string()).collect()
}

/// The maximal runs of word characters (letters, digits, `_`) of `text` that start with a letter or `_`.
fn words_of(text: &str) -> impl Iterator<Item = &str> {
    let b = text.as_bytes();
    let is_word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let starts = move |i: usize| is_word(b[i]) && !b[i].is_ascii_digit() && (i == 0 || !is_word(b[i - 1]));
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() && !starts(i) {
            i += 1;
        }
        let start = i;
        while i < b.len() && is_word(b[i]) {
            i += 1;
        }
        (start < b.len()).then(|| &text[start..i])
    })
}

/// `text` with each of `words` that stands as a whole word written as the byte 0x80 plus its index
/// (`interleave::modules::unpack` undoes it): gzip then has fewer and shorter matches to code.
fn pack(text: &str, words: &[String]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut last = 0;
    for w in words_of(text) {
        let start = w.as_ptr() as usize - text.as_ptr() as usize;
        out.extend_from_slice(&text.as_bytes()[last..start]);
        match words.iter().position(|c| c == w) {
            Some(k) => out.push(0x80 + k as u8),
            None => out.extend_from_slice(w.as_bytes()),
        }
        last = start + w.len();
    }
    out.extend_from_slice(&text.as_bytes()[last..]);
    out
}

/// A line of the source: its text with any comment cut off, and whether it starts inside a triple-quoted string.
struct Line {
    text: String,
    in_string: bool,
    /// The line ends inside a triple-quoted string that goes on.
    ends_in_string: bool,
    /// The line ends its logical line (no open bracket, no backslash, no open string).
    ends_statement: bool,
    /// The line goes on a logical line begun above (inside brackets, or after a backslash): its indentation
    /// means nothing and is kept.
    continues: bool,
}

fn minify(src: &str) -> String {
    let mut lines = Vec::new();
    // The open triple-quoted string's quote character, across lines.
    let mut triple: Option<char> = None;
    // Open brackets, and whether the last line ended with a backslash.
    let mut depth = 0usize;
    let mut backslash = false;
    for raw in src.lines() {
        let in_string = triple.is_some();
        let continues = depth > 0 || backslash;
        let chars: Vec<char> = raw.chars().collect();
        let mut cut = chars.len();
        let mut i = 0;
        // The open single-line string's quote, within this line.
        let mut single: Option<char> = None;
        while i < chars.len() {
            let c = chars[i];
            if let Some(q) = triple {
                if c == '\\' {
                    i += 2;
                    continue;
                }
                if c == q && chars.get(i + 1) == Some(&q) && chars.get(i + 2) == Some(&q) {
                    triple = None;
                    i += 3;
                    continue;
                }
            } else if let Some(q) = single {
                if c == '\\' {
                    i += 2;
                    continue;
                }
                if c == q {
                    single = None;
                }
            } else if c == '#' {
                cut = i;
                break;
            } else if matches!(c, '(' | '[' | '{') {
                depth += 1;
            } else if matches!(c, ')' | ']' | '}') {
                depth = depth.saturating_sub(1);
            } else if c == '"' || c == '\'' {
                if chars.get(i + 1) == Some(&c) && chars.get(i + 2) == Some(&c) {
                    triple = Some(c);
                    i += 3;
                    continue;
                }
                single = Some(c);
            }
            i += 1;
        }
        let text: String = if in_string {
            raw.to_string()
        } else {
            chars[..cut].iter().collect()
        };
        // Trailing spaces are the code's, unless the line ends inside a string that goes on.
        let text = if in_string || triple.is_some() {
            text
        } else {
            text.trim_end().to_string()
        };
        backslash = triple.is_none() && single.is_none() && text.ends_with('\\');
        if !in_string && text.trim().is_empty() {
            continue;
        }
        let ends_statement = triple.is_none() && depth == 0 && !backslash;
        lines.push(Line {
            text,
            in_string,
            ends_in_string: triple.is_some(),
            ends_statement,
            continues,
        });
    }
    let lines = without_docstrings(lines);
    let starts = |l: &&Line| !l.in_string && !l.continues;
    let steps_of_four = lines.iter().filter(starts).all(|l| indent(&l.text) % 4 == 0);
    let mut out = String::with_capacity(src.len());
    for l in &lines {
        let n = indent(&l.text);
        if l.in_string {
            out.push_str(&l.text);
        } else {
            if steps_of_four && starts(&l) {
                out.extend(std::iter::repeat_n(' ', n / 4));
            } else {
                out.push_str(&l.text[..n]);
            }
            squeeze(&l.text[n..], &mut out);
        }
        out.push('\n');
    }
    out
}

/// Writes a line's code (after its indentation; a line that starts inside a triple-quoted string never comes
/// here) without the spaces Python's tokenizer does not need: a space stays only between two characters of
/// names, keywords or numbers (`not x`, `1 if`), before a string (whose prefix it would become), a `.` (`1 .real`)
/// or a backslash, between two operator characters (`< -1`, which might otherwise merge) and between two
/// strings (`'' 'x'` would open a triple-quoted one). Strings are kept as they are, to the end of the line for
/// one left open.
fn squeeze(code: &str, out: &mut String) {
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_' || !c.is_ascii();
    let op = |c: char| "+-*/%<>=!&|^~@:.".contains(c);
    let quote = |c: char| c == '"' || c == '\'';
    let chars: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if quote(c) {
            let triple = chars.get(i + 1) == Some(&c) && chars.get(i + 2) == Some(&c);
            let len = if triple { 3 } else { 1 };
            let mut j = i + len;
            loop {
                match chars.get(j) {
                    None => break,
                    Some('\\') => j += 2,
                    Some(&q)
                        if q == c && (!triple || (chars.get(j + 1) == Some(&c) && chars.get(j + 2) == Some(&c))) =>
                    {
                        j += len;
                        break;
                    }
                    Some(_) => j += 1,
                }
            }
            let j = j.min(chars.len());
            out.extend(&chars[i..j]);
            i = j;
        } else if c == ' ' {
            let mut j = i;
            while chars.get(j) == Some(&' ') {
                j += 1;
            }
            let (Some(a), Some(&b)) = (out.chars().next_back(), chars.get(j)) else {
                i = j;
                continue;
            };
            if (word(a) && (word(b) || quote(b) || b == '.')) || (op(a) && op(b)) || (quote(a) && quote(b)) || b == '\\'
            {
                out.push(' ');
            }
            i = j;
        } else {
            out.push(c);
            i += 1;
        }
    }
}

/// Drops docstrings (a string literal alone as the first statement of the module, a class or a function):
/// ours are not CPython's, so no program can rely on them; `__doc__` then reads None. A body that is only its
/// docstring keeps it.
fn without_docstrings(lines: Vec<Line>) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    // Whether the next statement is the first of the module or of a body just opened by a def or class.
    let mut first = true;
    // Inside a def or class header that has not ended yet.
    let mut header = false;
    let mut i = 0;
    while i < lines.len() {
        let l = &lines[i];
        let starts = !l.in_string && !l.continues;
        if starts {
            let t = l.text.trim_start();
            if first && is_string_start(t) {
                // The docstring's lines: up to the one that ends its statement.
                let mut end = i;
                while end < lines.len() && !lines[end].ends_statement {
                    end += 1;
                }
                let last = lines.get(end).map_or("", |l| l.text.trim_end());
                if end < lines.len() && (last.ends_with('"') || last.ends_with('\'')) && !lines[end].ends_in_string {
                    let level = indent(&l.text);
                    let body_goes_on = lines[end + 1..]
                        .iter()
                        .find(|n| !n.in_string && !n.continues)
                        .is_some_and(|n| indent(&n.text) == level);
                    // A body that is only its docstring keeps it: `...` would be an instruction that runs.
                    if body_goes_on || level == 0 {
                        first = false;
                        i = end + 1;
                        continue;
                    }
                }
            }
            first = false;
            header = t.starts_with("def ") || t.starts_with("async def ") || t.starts_with("class ");
        }
        if header && l.ends_statement {
            header = false;
            first = l.text.trim_end().ends_with(':');
        }
        i += 1;
        out.push(lines[i - 1].clone_line());
    }
    out
}

/// A statement that begins with a plain string literal (no f or b prefix).
fn is_string_start(t: &str) -> bool {
    let t = t.strip_prefix(['r', 'R', 'u', 'U']).unwrap_or(t);
    t.starts_with('"') || t.starts_with('\'')
}

impl Line {
    fn clone_line(&self) -> Line {
        Line {
            text: self.text.clone(),
            in_string: self.in_string,
            ends_in_string: self.ends_in_string,
            ends_statement: self.ends_statement,
            continues: self.continues,
        }
    }
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}
