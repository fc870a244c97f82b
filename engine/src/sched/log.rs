//! The choice log as text: `v1.` then base64url (no padding) of varints, short enough for a link.
//!
//! Most choices are CPython's (0), so zeros go in runs: a varint `2k` is `k + 1` zeros, `2k + 1` is the
//! choice `k + 1`. A run that followed CPython all along is `v1.` and a few bytes, whatever its length.

const VERSION: &str = "v1.";
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
/// Choices a log may hold: a hostile log (a link) cannot make the decoder allocate without bound.
pub const MAX_CHOICES: usize = 10_000_000;

pub fn encode(choices: impl IntoIterator<Item = u32>) -> String {
    let mut bytes = Vec::new();
    let mut zeros = 0u64;
    let flush = |bytes: &mut Vec<u8>, zeros: &mut u64| {
        if *zeros > 0 {
            varint(bytes, (*zeros - 1) * 2);
            *zeros = 0;
        }
    };
    for c in choices {
        if c == 0 {
            zeros += 1;
        } else {
            flush(&mut bytes, &mut zeros);
            varint(&mut bytes, (u64::from(c) - 1) * 2 + 1);
        }
    }
    flush(&mut bytes, &mut zeros);
    text(&bytes)
}

fn text(bytes: &[u8]) -> String {
    let mut s = String::from(VERSION);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            s.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    s
}

fn varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// The choices of a log, or what is wrong with it.
pub fn decode(text: &str) -> Result<Vec<u32>, String> {
    let body = match text.strip_prefix(VERSION) {
        Some(b) => b,
        None if text.starts_with('v') && text.contains('.') => {
            return Err("a newer version of Interleave wrote it (this one reads v1)".into())
        }
        None => return Err("it does not start with 'v1.'".into()),
    };
    let mut bits = 0u32;
    let mut nbits = 0;
    let mut bytes = Vec::with_capacity(body.len() * 3 / 4);
    for (i, ch) in body.bytes().enumerate() {
        let Some(v) = ALPHABET.iter().position(|&a| a == ch) else {
            return Err(format!(
                "character {} ('{}') is not base64url",
                i + 4,
                ch.escape_ascii()
            ));
        };
        bits = (bits << 6 | v as u32) & 0xfff;
        nbits += 6;
        if nbits >= 8 {
            nbits -= 8;
            bytes.push((bits >> nbits) as u8);
        }
    }
    if nbits >= 6 {
        return Err("its length is not that of base64url text".into());
    }
    let mut out = Vec::new();
    let mut v = 0u64;
    let mut shift = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if shift > 56 {
            return Err(format!("byte {i} ends a number too large"));
        }
        v |= u64::from(b & 0x7f) << shift;
        shift += 7;
        if b & 0x80 != 0 {
            continue;
        }
        let (value, count) = if v % 2 == 0 { (0, v / 2 + 1) } else { (v / 2 + 1, 1) };
        if value > u64::from(u32::MAX) || out.len() as u64 + count > MAX_CHOICES as u64 {
            return Err(format!(
                "it holds more than {MAX_CHOICES} choices or a choice too large"
            ));
        }
        out.extend(std::iter::repeat_n(value as u32, count as usize));
        v = 0;
        shift = 0;
    }
    if shift != 0 {
        return Err("it ends in the middle of a number".into());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logs_round_trip() {
        let cases: Vec<Vec<u32>> = vec![
            vec![],
            vec![0],
            vec![1],
            vec![0, 0, 0, 3, 0, 1, 1, 0],
            vec![0; 100_000],
            (0..1000).map(|i| i % 7).collect(),
            vec![u32::MAX, 0, 200],
        ];
        for c in cases {
            let s = encode(c.iter().copied());
            assert!(s.starts_with("v1."));
            assert!(s[3..].bytes().all(|b| ALPHABET.contains(&b)), "{s}");
            assert_eq!(decode(&s).unwrap(), c);
        }
        assert!(encode(vec![0; 100_000]).len() < 10);
    }

    #[test]
    fn bad_logs_say_why() {
        assert!(decode("").unwrap_err().contains("v1."));
        assert!(decode("v2.AAAA").unwrap_err().contains("newer"));
        assert!(decode("v1.A*").unwrap_err().contains("base64url"));
        assert!(decode("v1.A").is_err());
        // A varint that never ends.
        assert!(decode(&format!("v1.{}", "_".repeat(40))).is_err());
        // A huge run of zeros.
        let mut bytes = Vec::new();
        varint(&mut bytes, u64::MAX - 1);
        assert!(decode(&text(&bytes)).is_err());
    }
}
