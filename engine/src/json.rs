//! A small JSON reader and string writer for run files (`runfile.rs`): RFC 8259, bounded, never panicking.
//!
//! The reader builds a [`Json`] tree one value at a time, so that a caller can read a long array item by item
//! and drop each item's tree before the next ([`Reader::array`]). Nesting is bounded ([`MAX_DEPTH`]), since
//! every level is a Rust call; integers keep all their digits (a time in nanoseconds may pass 2^53).

use std::fmt::Write as _;

/// The deepest nesting read: run files need four levels.
pub const MAX_DEPTH: usize = 32;

#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A number written without a fraction or exponent, exactly.
    Int(i128),
    /// Any other number.
    Float(f64),
    Str(String),
    Arr(Vec<Json>),
    /// Members in the file's order (a repeated key keeps both; readers take the first).
    Obj(Vec<(String, Json)>),
}

impl Json {
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// What kind of value this is, in words, for messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Int(_) | Json::Float(_) => "a number",
            Json::Str(_) => "a string",
            Json::Arr(_) => "an array",
            Json::Obj(_) => "an object",
        }
    }
}

/// A syntax error at a byte offset of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub offset: usize,
    pub message: &'static str,
}

/// Reads JSON text from the start.
pub struct Reader<'a> {
    text: &'a [u8],
    pos: usize,
}

type Result<T> = std::result::Result<T, SyntaxError>;

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Reader<'a> {
        Reader {
            text: text.as_bytes(),
            pos: 0,
        }
    }

    pub fn offset(&self) -> usize {
        self.pos
    }

    fn fail<T>(&self, message: &'static str) -> Result<T> {
        Err(SyntaxError {
            offset: self.pos,
            message,
        })
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.text.get(self.pos) {
            self.pos += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.skip_space();
        self.text.get(self.pos).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        if self.peek() == Some(byte) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, byte: u8, message: &'static str) -> Result<()> {
        if self.eat(byte) {
            Ok(())
        } else {
            self.fail(message)
        }
    }

    /// Nothing but white space is left.
    pub fn end(&mut self) -> Result<()> {
        match self.peek() {
            None => Ok(()),
            Some(_) => self.fail("text after the end of the JSON value"),
        }
    }

    /// Reads an object member by member: `member` gets each key and reads its value from the reader.
    pub fn object<E: From<SyntaxError>>(
        &mut self,
        mut member: impl FnMut(&mut Self, String) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        self.expect(b'{', "expected an object")?;
        if self.eat(b'}') {
            return Ok(());
        }
        loop {
            if self.peek() != Some(b'"') {
                let error = SyntaxError {
                    offset: self.pos,
                    message: "expected a key in quotes",
                };
                return Err(error.into());
            }
            let key = self.string()?;
            self.expect(b':', "expected ':' after a key")?;
            member(self, key)?;
            if self.eat(b'}') {
                return Ok(());
            }
            self.expect(b',', "expected ',' or '}' in an object")?;
        }
    }

    /// Reads an array item by item: `item` reads each item from the reader.
    pub fn array<E: From<SyntaxError>>(
        &mut self,
        mut item: impl FnMut(&mut Self) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        self.expect(b'[', "expected an array")?;
        if self.eat(b']') {
            return Ok(());
        }
        loop {
            item(self)?;
            if self.eat(b']') {
                return Ok(());
            }
            self.expect(b',', "expected ',' or ']' in an array")?;
        }
    }

    /// Reads one whole value.
    pub fn value(&mut self) -> Result<Json> {
        self.nested(0)
    }

    fn nested(&mut self, depth: usize) -> Result<Json> {
        if depth >= MAX_DEPTH {
            return self.fail("nested too deeply");
        }
        match self.peek() {
            Some(b'{') => {
                let mut members = Vec::new();
                self.object(|r, key| {
                    members.push((key, r.nested(depth + 1)?));
                    Ok::<_, SyntaxError>(())
                })?;
                Ok(Json::Obj(members))
            }
            Some(b'[') => {
                let mut items = Vec::new();
                self.array(|r| {
                    items.push(r.nested(depth + 1)?);
                    Ok::<_, SyntaxError>(())
                })?;
                Ok(Json::Arr(items))
            }
            Some(b'"') => Ok(Json::Str(self.string()?)),
            Some(b't') => self.word("true", Json::Bool(true)),
            Some(b'f') => self.word("false", Json::Bool(false)),
            Some(b'n') => self.word("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            None => self.fail("the text ends where a value should be"),
            Some(_) => self.fail("expected a value"),
        }
    }

    fn word(&mut self, word: &str, value: Json) -> Result<Json> {
        if self.text[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            self.fail("expected a value")
        }
    }

    fn number(&mut self) -> Result<Json> {
        let start = self.pos;
        let digits = |r: &mut Self| {
            let from = r.pos;
            while r.text.get(r.pos).is_some_and(u8::is_ascii_digit) {
                r.pos += 1;
            }
            r.pos - from
        };
        if self.text.get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        let whole = digits(self);
        if whole == 0 || (whole > 1 && self.text[self.pos - whole] == b'0') {
            return self.fail("a malformed number");
        }
        let mut integer = true;
        if self.text.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            integer = false;
            if digits(self) == 0 {
                return self.fail("a malformed number");
            }
        }
        if let Some(b'e' | b'E') = self.text.get(self.pos) {
            self.pos += 1;
            integer = false;
            if let Some(b'+' | b'-') = self.text.get(self.pos) {
                self.pos += 1;
            }
            if digits(self) == 0 {
                return self.fail("a malformed number");
            }
        }
        // The bytes are ASCII digits and signs, so they are text.
        let text = std::str::from_utf8(&self.text[start..self.pos]).unwrap_or("");
        match (integer, text.parse::<i128>(), crate::floatread::parse_f64(text)) {
            (true, Ok(n), _) => Ok(Json::Int(n)),
            (_, _, Some(x)) => Ok(Json::Float(x)),
            _ => self.fail("a malformed number"),
        }
    }

    /// Reads a string in quotes, escapes resolved.
    pub fn string(&mut self) -> Result<String> {
        self.expect(b'"', "expected a string")?;
        let mut out = Vec::new();
        loop {
            let Some(&b) = self.text.get(self.pos) else {
                return self.fail("a string is not closed");
            };
            self.pos += 1;
            match b {
                b'"' => break,
                b'\\' => {
                    let Some(&e) = self.text.get(self.pos) else {
                        return self.fail("a string is not closed");
                    };
                    self.pos += 1;
                    let c = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.escaped_char()?,
                        _ => return self.fail("an unknown escape in a string"),
                    };
                    let mut buf = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                0..=0x1f => return self.fail("a control character in a string"),
                _ => out.push(b),
            }
        }
        // The input is a `str` and escapes add whole characters, so this holds; still, no panic.
        String::from_utf8(out).or_else(|_| self.fail("a string that is not UTF-8"))
    }

    fn hex4(&mut self) -> Result<u32> {
        let Some(hex) = self.text.get(self.pos..self.pos + 4) else {
            return self.fail("a short \\u escape");
        };
        let hex = std::str::from_utf8(hex)
            .ok()
            .and_then(|h| u32::from_str_radix(h, 16).ok());
        match hex {
            Some(n) if self.text[self.pos..self.pos + 4].iter().all(u8::is_ascii_hexdigit) => {
                self.pos += 4;
                Ok(n)
            }
            _ => self.fail("a malformed \\u escape"),
        }
    }

    /// The character of a `\u` escape (the `\u` read), a surrogate pair joined; a lone surrogate is U+FFFD.
    fn escaped_char(&mut self) -> Result<char> {
        let high = self.hex4()?;
        if (0xd800..0xdc00).contains(&high) && self.text[self.pos..].starts_with(b"\\u") {
            let back = self.pos;
            self.pos += 2;
            let low = self.hex4()?;
            if (0xdc00..0xe000).contains(&low) {
                let c = 0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00);
                return Ok(char::from_u32(c).unwrap_or('\u{fffd}'));
            }
            self.pos = back;
        }
        Ok(char::from_u32(high).unwrap_or('\u{fffd}'))
    }
}

/// `text` as a JSON string, quotes included; everything but `"`, `\` and control characters is written as is.
pub fn string(out: &mut String, text: &str) {
    out.push('"');
    let mut from = 0;
    for (i, c) in text.char_indices() {
        let escaped = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            c if (c as u32) < 0x20 => "",
            _ => continue,
        };
        out.push_str(&text[from..i]);
        if escaped.is_empty() {
            let _ = write!(out, "\\u{:04x}", c as u32);
        } else {
            out.push_str(escaped);
        }
        from = i + c.len_utf8();
    }
    out.push_str(&text[from..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Json> {
        let mut r = Reader::new(text);
        let v = r.value()?;
        r.end()?;
        Ok(v)
    }

    #[test]
    fn values() {
        assert_eq!(read(" null "), Ok(Json::Null));
        assert_eq!(
            read("[true,false]"),
            Ok(Json::Arr(vec![Json::Bool(true), Json::Bool(false)]))
        );
        assert_eq!(read("4611686018427387904"), Ok(Json::Int(1 << 62)));
        assert_eq!(read("-1.5e3"), Ok(Json::Float(-1500.0)));
        assert_eq!(
            read(r#"{"a": "x\"\u00e9\ud83d\ude00\n", "b": {}}"#),
            Ok(Json::Obj(vec![
                ("a".into(), Json::Str("x\"é😀\n".into())),
                ("b".into(), Json::Obj(vec![]))
            ]))
        );
    }

    #[test]
    fn malformed_text_is_an_error_with_its_place() {
        for bad in [
            "",
            "[",
            "{",
            "[1,]",
            "{\"a\"}",
            "{a:1}",
            "01",
            "1.",
            "-",
            "1e",
            "\"abc",
            "\"\\x\"",
            "\"\\u12\"",
            "\"\u{1}\"",
            "tru",
            "[1] 2",
            "{\"a\":1,}",
            "nul",
        ] {
            assert!(read(bad).is_err(), "{bad:?}");
        }
        assert_eq!(read("[1,\n x]").unwrap_err().offset, 5);
        assert_eq!(read(&"[".repeat(10_000)).unwrap_err().message, "nested too deeply");
    }

    #[test]
    fn strings_round_trip() {
        let texts = [
            "",
            "plain",
            "\"\\/",
            "\u{0}\u{1f}\u{7f}",
            "é😀\u{10ffff}\u{fffd}",
            "<script>\n\t\r",
        ];
        for text in texts {
            let mut out = String::new();
            string(&mut out, text);
            assert_eq!(read(&out), Ok(Json::Str(text.to_string())), "{out}");
        }
        assert_eq!(read("\"\\ud800\""), Ok(Json::Str("\u{fffd}".into())));
    }
}
