//! Decimal text to the nearest `f64`, rounding half to even, as CPython's `float()` and float literals read it.
//!
//! The engine reads floats here rather than with `str::parse::<f64>`: Rust's reader carries a 10 KB table of
//! powers of five into the wasm bundle (README "Bundle size"), while this one needs only the big integers the
//! engine already has. Short decimals (at most 2**53 as an integer, a power of ten up to 10**22) take one exact
//! float operation, which IEEE rounds correctly; the rest are divided out exactly with big integers.

use num_bigint::BigUint;
use num_integer::Integer;
use num_traits::{One, ToPrimitive, Zero};

/// Significant digits kept: a decimal halfway between two floats has at most 767 of them, so cutting a longer
/// mantissa to this many and marking that something nonzero was cut (a trailing 1) rounds alike.
const KEPT_DIGITS: usize = 800;

/// Reads `[+-]` then digits with an optional point (`1.`, `.5`) and an optional exponent (`e-7`), or `inf`,
/// `infinity` or `nan` in any case, with nothing around it. `None` when the text is not such a number.
pub fn parse_f64(text: &str) -> Option<f64> {
    let b = text.as_bytes();
    let (negative, rest) = match b.first()? {
        b'-' => (true, &b[1..]),
        b'+' => (false, &b[1..]),
        _ => (false, b),
    };
    let sign = |x: f64| if negative { -x } else { x };
    if rest.first().is_some_and(|c| c.is_ascii_alphabetic()) {
        let word = std::str::from_utf8(rest).ok()?;
        if word.eq_ignore_ascii_case("inf") || word.eq_ignore_ascii_case("infinity") {
            return Some(sign(f64::INFINITY));
        }
        if word.eq_ignore_ascii_case("nan") {
            return Some(sign(f64::NAN));
        }
        return None;
    }
    // The mantissa's digits without leading zeros, and how many of them stand after the point.
    let mut digits: Vec<u8> = Vec::new();
    let mut after_point: i64 = 0;
    let mut seen_digit = false;
    let mut seen_point = false;
    let mut truncated_nonzero = false;
    let mut i = 0;
    while let Some(&c) = rest.get(i) {
        match c {
            b'0'..=b'9' => {
                seen_digit = true;
                let leading_zero = digits.is_empty() && c == b'0';
                if !leading_zero && digits.len() >= KEPT_DIGITS {
                    truncated_nonzero |= c != b'0';
                    // A digit dropped before the point still scales the value.
                    if !seen_point {
                        after_point -= 1;
                    }
                } else {
                    if !leading_zero {
                        digits.push(c - b'0');
                    }
                    if seen_point {
                        after_point += 1;
                    }
                }
            }
            b'.' if !seen_point => seen_point = true,
            _ => break,
        }
        i += 1;
    }
    if !seen_digit {
        return None;
    }
    let mut exponent: i64 = 0;
    if let Some(b'e' | b'E') = rest.get(i) {
        i += 1;
        let exp_negative = match rest.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        while let Some(&c) = rest.get(i).filter(|c| c.is_ascii_digit()) {
            // Saturates far past any exponent that could matter.
            exponent = (exponent * 10 + i64::from(c - b'0')).min(1 << 40);
            i += 1;
        }
        if i == start {
            return None;
        }
        if exp_negative {
            exponent = -exponent;
        }
    }
    if i != rest.len() {
        return None;
    }
    if truncated_nonzero {
        digits.push(1);
        after_point += 1;
    }
    while digits.last() == Some(&0) {
        digits.pop();
        after_point -= 1;
    }
    if digits.is_empty() {
        return Some(sign(0.0));
    }
    // The value is digits × 10**scale.
    let scale = exponent - after_point;
    let magnitude = digits.len() as i64 + scale;
    // At least 10**309 overflows; below 10**-325 is under half the smallest subnormal (about 4.9e-324).
    if magnitude > 310 {
        return Some(sign(f64::INFINITY));
    }
    if magnitude < -324 {
        return Some(sign(0.0));
    }
    Some(sign(nearest(&digits, scale)))
}

/// The float nearest to `digits × 10**scale` (digits without leading or trailing zeros, not empty).
fn nearest(digits: &[u8], scale: i64) -> f64 {
    if digits.len() <= 16 && scale.abs() <= 22 {
        let m = digits.iter().fold(0u64, |m, &d| m * 10 + u64::from(d));
        if m <= 1 << 53 {
            // Both exact, so one IEEE operation rounds correctly.
            let p = (0..scale.abs()).fold(1.0f64, |p, _| p * 10.0);
            return if scale < 0 { m as f64 / p } else { m as f64 * p };
        }
    }
    let mut num = BigUint::zero();
    for chunk in digits.chunks(19) {
        let part = chunk.iter().fold(0u64, |m, &d| m * 10 + u64::from(d));
        num = num * BigUint::from(10u64.pow(chunk.len() as u32)) + BigUint::from(part);
    }
    let mut den = BigUint::one();
    let ten = BigUint::from(10u32);
    if scale >= 0 {
        num *= ten.pow(scale as u32);
    } else {
        den = ten.pow((-scale) as u32);
    }
    ratio_to_f64(&num, &den)
}

/// The float nearest to `num / den` (both positive), half to even, infinity past the largest float.
fn ratio_to_f64(num: &BigUint, den: &BigUint) -> f64 {
    // q = floor(num / den / 2**k), with k chosen so that q has 53 bits, or fewer at the subnormals' exponent.
    let mut k = num.bits() as i64 - den.bits() as i64 - 53;
    let quotient = |k: i64| {
        let (n, d) = if k >= 0 {
            (num.clone(), den << k as u64)
        } else {
            (num << (-k) as u64, den.clone())
        };
        let (q, r) = n.div_rem(&d);
        (q, r, d)
    };
    let limit = BigUint::one() << 53u32;
    let (mut q, mut r, mut d) = quotient(k.max(-1074));
    if q >= limit {
        k += 1;
        (q, r, d) = quotient(k.max(-1074));
    }
    k = k.max(-1074);
    let twice = r << 1u32;
    let mut m = q.to_u64().unwrap_or(u64::MAX);
    if twice > d || (twice == d && m & 1 == 1) {
        m += 1;
        if m == 1 << 53 {
            m >>= 1;
            k += 1;
        }
    }
    if m >= 1 << 52 {
        // Normal: the biased exponent of m × 2**k, with m's leading bit implied.
        let biased = k + 52 + 1023;
        if biased >= 2047 {
            return f64::INFINITY;
        }
        f64::from_bits(((biased as u64) << 52) | (m - (1 << 52)))
    } else {
        // Subnormal (k is -1074): the bits are m itself.
        f64::from_bits(m)
    }
}

#[cfg(test)]
mod tests {
    use super::parse_f64;

    fn same(text: &str) {
        let ours = parse_f64(text);
        let std = text.parse::<f64>().ok();
        match (ours, std) {
            (Some(a), Some(b)) => assert!(
                a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
                "{text}: {a:e} against std's {b:e}"
            ),
            _ => assert_eq!(ours.is_some(), std.is_some(), "{text}: accepted by one reader only"),
        }
    }

    #[test]
    fn reads_hard_cases_as_std_does() {
        for text in [
            "0",
            "0.0",
            "-0.0",
            "1",
            "1.",
            ".5",
            "-.5",
            "+1e5",
            "1e-5",
            "1E5",
            "0.1",
            "0.3",
            "3.141592653589793",
            "9007199254740992",
            "9007199254740993",
            "9007199254740995",
            "18014398509481985",
            "1e22",
            "1e23",
            "8.98846567431158e307",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "2.2250738585072011e-308",
            "2.2250738585072014e-308",
            "4.9406564584124654e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "1e-400",
            "1e400",
            "123456789012345678901234567890",
            "0.000000000000000000000000000000000000001",
            "1e1000000000000000000000000",
            "1e-1000000000000000000000",
            "inf",
            "-Infinity",
            "nan",
            "NaN",
            "+inF",
            "",
            ".",
            "e5",
            "1e",
            "1e+",
            "--1",
            "1..2",
            "1.2.3",
            "infx",
            "0x10",
            "1_000",
            " 1",
            "1 ",
            "00000000000000000000000000001.5",
            "1.00000000000000011102230246251565404236316680908203125",
            "1.00000000000000011102230246251565404236316680908203124",
            "1.00000000000000011102230246251565404236316680908203126",
        ] {
            same(text);
        }
        // A mantissa longer than the digits kept, whose last digits decide the rounding.
        let half = format!(
            "1.00000000000000011102230246251565404236316680908203125{}",
            "0".repeat(900)
        );
        same(&half);
        same(&format!("{half}1"));
        same(&format!("{}e-900", "9".repeat(1200)));
        same(&format!("0.{}1e5", "0".repeat(1000)));
    }

    #[test]
    fn reads_random_floats_as_std_does() {
        // A fixed xorshift: every run checks the same cases.
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..20_000 {
            let x = f64::from_bits(next());
            if !x.is_finite() {
                continue;
            }
            let precision = (next() % 25) as usize;
            same(&format!("{x:.precision$e}"));
            same(&format!("{x:e}"));
            same(&format!("{x}"));
            let digits = 1 + next() % 19;
            let mantissa = next() % 10u64.pow(digits as u32);
            let exponent = (next() % 700) as i64 - 350;
            same(&format!("{mantissa}e{exponent}"));
            same(&format!("0.{mantissa:0>20}e{exponent}"));
        }
    }
}
