//! Checks `crate::pyspec` against CPython 3.11's `format()` (`format_table.txt`, made by scripts/gen_format_table.py).

use super::*;
use crate::pyfmt::str_repr;
use num_bigint::BigInt;

/// Undoes `repr()` for the simple strings in the table (quotes, `\\`, `\'` and `\xhh` escapes only).
fn unrepr(r: &str) -> String {
    let inner = &r[1..r.len() - 1];
    let mut out = String::new();
    let mut it = inner.chars();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('x') => {
                let h: String = it.by_ref().take(2).collect();
                out.push(char::from_u32(u32::from_str_radix(&h, 16).unwrap()).unwrap());
            }
            Some(o) => out.push(o),
            None => {}
        }
    }
    out
}

#[test]
fn format_matches_cpython() {
    let mut failures = Vec::new();
    let mut count = 0;
    for line in include_str!("format_table.txt").lines() {
        let f: Vec<&str> = line.splitn(4, '\t').collect();
        let [ty, value, spec, want] = f[..] else {
            continue;
        };
        let spec = unrepr(spec);
        if ty == "bool" && spec.is_empty() {
            continue; // format(True, '') is str(True): the caller's job.
        }
        let got = match ty {
            "int" | "bool" => {
                let n = match value {
                    "True" => Num::Int(1),
                    "False" => Num::Int(0),
                    v => Num::from_big(v.parse::<BigInt>().unwrap()),
                };
                format_int(&n, &spec, ty)
            }
            "float" => format_float(value.parse().unwrap(), &spec),
            _ => format_str(&unrepr(value), &spec),
        };
        let got = match got {
            Ok(s) => format!("ok {}", str_repr(&s)),
            Err(e) => format!("{}: {}", e.kind, e.msg),
        };
        count += 1;
        if got != want {
            failures.push(format!("format({value}, {spec:?}): got {got}, want {want}"));
        }
    }
    assert!(count > 3000);
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn huge_widths_are_refused() {
    assert_eq!(format_str("a", "999999999").unwrap_err().kind, "MemoryError");
    assert_eq!(
        format_int(&Num::Int(1), "999999999", "int").unwrap_err().kind,
        "MemoryError"
    );
    assert_eq!(format_float(1.0, ".999999999f").unwrap_err().kind, "MemoryError");
    assert_eq!(format_float(1.0, ".9999999999f").unwrap_err().msg, "precision too big");
}

/// Random specs, numbers and format strings must never panic (errors are fine).
#[test]
fn no_panics_on_random_input() {
    use crate::{pyconv, pynum, pypercent, pystrformat};
    let mut rng = crate::mt::Random::default();
    let spec_chars: Vec<char> = "<>=^+- z#0123456789,_.bcdeEfFgGnosxX%{}![]:a*é١".chars().collect();
    let nums = [
        Num::Int(0),
        Num::Int(-1),
        Num::Int(7),
        Num::Int(i64::MIN),
        Num::Int(i64::MAX),
        Num::from_big(BigInt::from(3).pow(200u32)),
        Num::from_big(-BigInt::from(2).pow(1100u32)),
        Num::Float(0.0),
        Num::Float(-0.0),
        Num::Float(1.5e-310),
        Num::Float(-2.5),
        Num::Float(1e308),
        Num::Float(f64::INFINITY),
        Num::Float(f64::NAN),
        Num::Int(64),
        Num::Int(-3),
    ];
    let ops: [fn(&Num, &Num) -> PyRes<Num>; 13] = [
        pynum::add,
        pynum::sub,
        pynum::mul,
        pynum::truediv,
        pynum::floordiv,
        pynum::modulo,
        pynum::pow,
        pynum::lshift,
        pynum::rshift,
        pynum::bitand,
        pynum::bitor,
        pynum::bitxor,
        |a, b| pynum::divmod(a, b).map(|(q, _)| q),
    ];
    for _ in 0..5000 {
        let len = rng.randbelow_u64(9) as usize;
        let text: String = (0..len)
            .map(|_| spec_chars[rng.randbelow_u64(spec_chars.len() as u64) as usize])
            .collect();
        let a = &nums[rng.randbelow_u64(nums.len() as u64) as usize];
        let b = &nums[rng.randbelow_u64(nums.len() as u64) as usize];
        let _ = (
            format_str(&text, &text),
            format_float(pynum::to_f64(a).unwrap_or(0.0), &text),
        );
        let _ = format_int(a, &text, "int");
        for piece in pypercent::parse_percent_format(&text) {
            if let pypercent::PercentPiece::Spec(s) = piece {
                let _ = (pypercent::format_int(a, &s), pypercent::format_text(&text, &s));
                let _ = pypercent::format_float(pynum::to_f64(b).unwrap_or(1.0), &s);
            }
        }
        let mut auto = pystrformat::AutoNumber::default();
        for piece in pystrformat::parse_format_string(&text) {
            if let pystrformat::FormatPiece::Field(f) = piece {
                let _ = pystrformat::parse_field_name(&f.name, &mut auto);
            }
        }
        let _ = (
            pyconv::int_from_str(&text, 0),
            pyconv::int_from_str(&text, 16),
            pyconv::float_from_str(&text),
        );
        let _ = pyconv::round_float(
            pynum::to_f64(a).unwrap_or(0.5),
            Some(pyconv::saturating_i64(b).clamp(-400, 400)),
        );
        let _ = pyconv::round_int(a, pyconv::saturating_i64(b));
        let _ = ops[rng.randbelow_u64(ops.len() as u64) as usize](a, b);
        let _ = (
            pynum::pow_mod(a, b, a),
            pynum::num_cmp(a, b),
            pynum::hash_num(a),
            pynum::invert(a),
        );
    }
}
