//! Checks `crate::pypercent` against CPython 3.11 (`percent_table.txt`, made by scripts/gen_percent_table.py).

use super::*;
use crate::pyfmt::{float_repr, str_ascii, str_repr};
use crate::pynum::{float_to_int, to_f64};
use num_bigint::BigInt;

enum Val {
    N(Num),
    S(String),
}

/// Formats one value the way the interpreter will: pick the function by conversion, converting first.
fn format_one(fmt: &str, v: &Val) -> PyRes<String> {
    let pieces = parse_percent_format(fmt);
    let [PercentPiece::Spec(spec)] = &pieces[..] else {
        panic!("{fmt}: {pieces:?}")
    };
    let (str_form, repr_form) = match v {
        Val::N(Num::Float(f)) => (float_repr(*f), float_repr(*f)),
        Val::N(n) => (crate::pyconv::int_to_decimal(n)?, crate::pyconv::int_to_decimal(n)?),
        Val::S(s) => (s.clone(), str_repr(s)),
    };
    match (spec.conv, v) {
        ('d' | 'i' | 'u', Val::N(Num::Float(f))) => format_int(&float_to_int(*f)?, spec),
        ('d' | 'i' | 'u' | 'o' | 'x' | 'X', Val::N(n)) => format_int(n, spec),
        ('e' | 'E' | 'f' | 'F' | 'g' | 'G', Val::N(n)) => format_float(to_f64(n)?, spec),
        ('s', _) => format_text(&str_form, spec),
        ('r', _) => format_text(&repr_form, spec),
        ('a', Val::S(s)) => format_text(&str_ascii(s), spec),
        ('a', _) => format_text(&repr_form, spec),
        ('c', Val::N(n)) => format_text(&char_from_int(n)?.to_string(), spec),
        _ => Err(spec.unsupported()),
    }
}

#[test]
fn conversions_match_cpython() {
    let mut failures = Vec::new();
    for line in include_str!("percent_table.txt").lines() {
        let f: Vec<&str> = line.splitn(4, '\t').collect();
        let [ty, value, fmt, want] = f[..] else {
            continue;
        };
        let v = match ty {
            "int" => Val::N(Num::from_big(value.parse::<BigInt>().unwrap())),
            "float" => Val::N(Num::Float(value.parse().unwrap())),
            _ => Val::S(value[1..value.len() - 1].replace("\\'", "'")),
        };
        let got = match format_one(fmt, &v) {
            Ok(s) => format!("ok {}", str_repr(&s)),
            Err(e) => format!("{}: {}", e.kind, e.msg),
        };
        if got != want {
            failures.push(format!("{fmt} % {value}: got {got}, want {want}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn parsing_pieces() {
    use PercentPiece::*;
    let p = parse_percent_format("a%%b %(x)s %-*.*f %5");
    assert_eq!(p[0], Literal("a%b ".into()));
    let Spec(s) = &p[1] else { panic!() };
    assert_eq!((s.key.as_deref(), s.conv, s.index), (Some("x"), 's', 9));
    assert_eq!(p[2], Literal(" ".into()));
    let Spec(s) = &p[3] else { panic!() };
    assert!(s.left && s.width_star && s.prec_star && s.conv == 'f');
    assert_eq!(p[4], Literal(" ".into()));
    assert_eq!(p[5], Error(PyErr::value("incomplete format")));
    assert_eq!(
        parse_percent_format("%(a"),
        vec![Error(PyErr::value("incomplete format key"))]
    );
    assert_eq!(
        parse_percent_format("%(a(b))d")[..1],
        [Spec(PercentSpec {
            key: Some("a(b)".into()),
            conv: 'd',
            index: 7,
            ..PercentSpec::default()
        })]
    );
    let Spec(s) = &parse_percent_format("ab %y")[1] else {
        panic!()
    };
    // python3.11: 'ab %y' % 1 -> ValueError: unsupported format character 'y' (0x79) at index 4
    assert_eq!(
        s.unsupported().msg,
        "unsupported format character 'y' (0x79) at index 4"
    );
    let Spec(s) = &parse_percent_format("%\u{e9}")[0] else {
        panic!()
    };
    assert_eq!(
        s.unsupported().msg,
        "unsupported format character '?' (0xe9) at index 1"
    );
    assert_eq!(
        parse_percent_format("%99999999999999999999d"),
        vec![Error(PyErr::value("width too big"))]
    );
    assert_eq!(
        parse_percent_format("%.99999999999d"),
        vec![Error(PyErr::value("precision too big"))]
    );
    let mut s = PercentSpec {
        conv: 'd',
        ..PercentSpec::default()
    };
    s.set_star_width(-5).unwrap();
    s.set_star_prec(-3).unwrap();
    assert_eq!(format_int(&Num::Int(42), &s), Ok("42   ".into()));
    assert_eq!(
        char_from_int(&Num::Int(-1)).unwrap_err().msg,
        "%c arg not in range(0x110000)"
    );
}
