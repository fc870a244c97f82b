//! Finds where a number literal ends, with CPython's errors for malformed ones ("invalid decimal literal").
//!
//! This follows the number branch of CPython's `tok_get` step by step, cursor moves included, because the
//! column of each error is wherever CPython's cursor happens to be.

use super::{Lexer, Step, Stop, Tok};

const EOF: i32 = -1;

/// CPython's check after a number sees only ASCII letters: `1é` is a number and then a name.
fn is_potential_identifier_char(c: i32) -> bool {
    (0..128).contains(&c) && ((c as u8).is_ascii_alphanumeric() || c == b'_' as i32)
}

fn is_digit(c: i32) -> bool {
    (b'0' as i32..=b'9' as i32).contains(&c)
}

impl Lexer<'_> {
    fn nextc(&self, p: &mut usize) -> i32 {
        if *p < self.end {
            *p += 1;
            i32::from(self.b[*p - 1])
        } else {
            EOF
        }
    }

    fn backup(p: &mut usize, c: i32) {
        if c != EOF {
            *p -= 1;
        }
    }

    fn number_error(&mut self, p: usize, msg: String) -> Stop {
        let col = self.cur_col(p);
        Stop::Hard(self.error(msg, self.line, col))
    }

    /// CPython's `verify_end_of_number`: a number may not run into a name, except a keyword that can follow
    /// a number in valid code (`1if x else y` is still accepted, with a warning we do not print).
    fn end_of_number(&mut self, p: &mut usize, c: i32, kind: &str) -> Result<(), Stop> {
        let rest = &self.b[(*p).min(self.end)..self.end];
        let keyword_follows = match u8::try_from(c).unwrap_or(0) {
            b'a' => rest.starts_with(b"nd"),
            b'e' => rest.starts_with(b"lse"),
            b'f' => rest.starts_with(b"or"),
            b'i' => matches!(rest.first(), Some(b'f' | b'n' | b's')),
            b'o' => rest.starts_with(b"r"),
            b'n' => rest.starts_with(b"ot"),
            _ => false,
        };
        if !keyword_follows && is_potential_identifier_char(c) {
            Self::backup(p, c);
            return Err(self.number_error(*p, format!("invalid {kind} literal")));
        }
        Ok(())
    }

    /// `digits ('_' digits)*` after the first digit; returns the character after it.
    fn decimal_tail(&mut self, p: &mut usize) -> Result<i32, Stop> {
        loop {
            let mut c;
            loop {
                c = self.nextc(p);
                if !is_digit(c) {
                    break;
                }
            }
            if c != i32::from(b'_') {
                return Ok(c);
            }
            c = self.nextc(p);
            if !is_digit(c) {
                Self::backup(p, c);
                return Err(self.number_error(*p, "invalid decimal literal".into()));
            }
        }
    }

    /// Digits of a prefixed integer (`0x`, `0o`, `0b`) after the prefix; returns the character after them.
    fn radix_digits(&mut self, p: &mut usize, radix: u32, kind: &str) -> Result<i32, Stop> {
        let ok = |c: i32| c >= 0 && (c as u8 as char).is_digit(radix);
        let mut c = self.nextc(p);
        loop {
            if c == i32::from(b'_') {
                c = self.nextc(p);
            }
            if !ok(c) {
                if radix != 16 && is_digit(c) {
                    return Err(self.number_error(*p, format!("invalid digit '{}' in {kind} literal", c as u8 as char)));
                }
                Self::backup(p, c);
                return Err(self.number_error(*p, format!("invalid {kind} literal")));
            }
            loop {
                c = self.nextc(p);
                if !ok(c) {
                    break;
                }
            }
            if c != i32::from(b'_') {
                break;
            }
        }
        if radix != 16 && is_digit(c) {
            return Err(self.number_error(*p, format!("invalid digit '{}' in {kind} literal", c as u8 as char)));
        }
        self.end_of_number(p, c, kind)?;
        Ok(c)
    }

    pub(super) fn number(&mut self, start: usize) -> Step {
        let mut p = start;
        let mut c = self.nextc(&mut p);
        let (e, j, dot) = (i32::from(b'e'), i32::from(b'j'), i32::from(b'.'));
        let lower = |c: i32| if (65..=90).contains(&c) { c + 32 } else { c };
        enum Next {
            Fraction,
            Exponent,
            Imaginary,
            Done,
        }
        let next;
        if c == i32::from(b'0') {
            c = self.nextc(&mut p);
            match u8::try_from(lower(c)).unwrap_or(0) {
                b'x' => {
                    c = self.radix_digits(&mut p, 16, "hexadecimal")?;
                    next = Next::Done;
                }
                b'o' => {
                    c = self.radix_digits(&mut p, 8, "octal")?;
                    next = Next::Done;
                }
                b'b' => {
                    c = self.radix_digits(&mut p, 2, "binary")?;
                    next = Next::Done;
                }
                _ => {
                    // Zeros, then maybe the digits of a float (`0123.5`); a nonzero integer is an error.
                    let mut nonzero = false;
                    loop {
                        if c == i32::from(b'_') {
                            c = self.nextc(&mut p);
                            if !is_digit(c) {
                                Self::backup(&mut p, c);
                                return Err(self.number_error(p, "invalid decimal literal".into()));
                            }
                        }
                        if c != i32::from(b'0') {
                            break;
                        }
                        c = self.nextc(&mut p);
                    }
                    if is_digit(c) {
                        nonzero = true;
                        c = self.decimal_tail(&mut p)?;
                    }
                    if c == dot {
                        c = self.nextc(&mut p);
                        next = Next::Fraction;
                    } else if lower(c) == e {
                        next = Next::Exponent;
                    } else if lower(c) == j {
                        next = Next::Imaginary;
                    } else if nonzero {
                        let col = self.col(start);
                        return Err(Stop::Hard(self.error(
                            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for \
                             octal integers",
                            self.line,
                            col,
                        )));
                    } else {
                        self.end_of_number(&mut p, c, "decimal")?;
                        next = Next::Done;
                    }
                }
            }
        } else if c == dot {
            c = self.nextc(&mut p);
            next = Next::Fraction;
        } else {
            c = self.decimal_tail(&mut p)?;
            if c == dot {
                c = self.nextc(&mut p);
                next = Next::Fraction;
            } else {
                next = Next::Exponent;
            }
        }
        let mut state = next;
        loop {
            match state {
                Next::Fraction => {
                    if is_digit(c) {
                        c = self.decimal_tail(&mut p)?;
                    }
                    state = Next::Exponent;
                }
                Next::Exponent => {
                    if lower(c) == e {
                        let e_char = c;
                        c = self.nextc(&mut p);
                        if c == i32::from(b'+') || c == i32::from(b'-') {
                            c = self.nextc(&mut p);
                            if !is_digit(c) {
                                Self::backup(&mut p, c);
                                return Err(self.number_error(p, "invalid decimal literal".into()));
                            }
                        } else if !is_digit(c) {
                            // `1else`: the number ends before the `e`.
                            Self::backup(&mut p, c);
                            self.end_of_number(&mut p, e_char, "decimal")?;
                            Self::backup(&mut p, e_char);
                            self.push(Tok::Number, start, p);
                            self.pos = p;
                            return Ok(());
                        }
                        c = self.decimal_tail(&mut p)?;
                    }
                    if lower(c) == j {
                        state = Next::Imaginary;
                    } else {
                        self.end_of_number(&mut p, c, "decimal")?;
                        state = Next::Done;
                    }
                }
                Next::Imaginary => {
                    c = self.nextc(&mut p);
                    self.end_of_number(&mut p, c, "imaginary")?;
                    state = Next::Done;
                }
                Next::Done => break,
            }
        }
        Self::backup(&mut p, c);
        self.push(Tok::Number, start, p);
        self.pos = p;
        Ok(())
    }
}
