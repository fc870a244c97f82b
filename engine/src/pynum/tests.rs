//! Checks `crate::pynum` against a table of CPython 3.11 results (`arith_table.txt`, made by scripts/gen_arith_table.py).

use super::*;
use crate::pyfmt::float_repr;

fn parse(s: &str) -> Num {
    if s.contains(['.', 'e', 'n']) {
        Num::Float(s.parse().expect("float literal"))
    } else {
        Num::from_big(s.parse().expect("int literal"))
    }
}

fn show(n: &Num) -> String {
    match n {
        Num::Int(i) => i.to_string(),
        Num::Big(b) => b.to_string(),
        Num::Float(f) => float_repr(*f),
    }
}

fn outcome<T>(r: PyRes<T>, f: impl Fn(&T) -> String) -> String {
    match r {
        Ok(v) => format!("ok {}", f(&v)),
        Err(e) => format!("{}: {}", e.kind, e.msg),
    }
}

#[test]
fn binary_operators_match_cpython() {
    let table = include_str!("arith_table.txt");
    let mut failures = Vec::new();
    for line in table.lines() {
        let mut parts = line.splitn(4, '\t');
        let (Some(a), Some(op), Some(b), Some(want)) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        let (x, y) = (parse(a), parse(b));
        let bin = |f: fn(&Num, &Num) -> PyRes<Num>| outcome(f(&x, &y), show);
        let got = match op {
            "+" => bin(add),
            "-" => bin(sub),
            "*" => bin(mul),
            "/" => bin(truediv),
            "//" => bin(floordiv),
            "%" => bin(modulo),
            "**" => bin(pow),
            "<<" => bin(lshift),
            ">>" => bin(rshift),
            "&" => bin(bitand),
            "|" => bin(bitor),
            "^" => bin(bitxor),
            "divmod" => outcome(divmod(&x, &y), |(q, r)| format!("({}, {})", show(q), show(r))),
            "cmp" => format!(
                "ok {}",
                match num_cmp(&x, &y) {
                    Some(Ordering::Less) => "<",
                    Some(Ordering::Greater) => ">",
                    Some(Ordering::Equal) => "=",
                    None => "None",
                }
            ),
            _ => continue,
        };
        if got != want {
            failures.push(format!("{a} {op} {b}: got {got}, want {want}"));
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
fn true_division_is_correctly_rounded() {
    // Values printed by python3.11.
    let big = |s: &str| Num::from_big(s.parse().unwrap());
    let two = |e: u32| Num::from_big(BigInt::from(2).pow(e));
    let cases: &[(Num, Num, &str)] = &[
        (two(64), Num::from_big(BigInt::from(3).pow(40u32)), "1.5172932777129127"),
        (big("18446744073709551617"), Num::Int(3), "6.148914691236517e+18"),
        (two(1074), two(2148), "5e-324"),
        (Num::Int(1), two(1074), "5e-324"),
        (Num::Int(1), two(1075), "0.0"),
        (Num::Int(3), two(1075), "1e-323"),
        (big("9007199254740993"), Num::Int(1), "9007199254740992.0"),
        (big("-9007199254740993"), Num::Int(1), "-9007199254740992.0"),
        (Num::Int(0), Num::Int(-5), "-0.0"),
        (Num::Int(1), Num::from_big(BigInt::from(10).pow(400u32)), "0.0"),
    ];
    for (a, b, want) in cases {
        assert_eq!(outcome(truediv(a, b), show), format!("ok {want}"), "{a:?} / {b:?}");
    }
    let max_ok = Num::from_big(BigInt::from(2).pow(1024u32) - BigInt::from(2).pow(970u32) - 1);
    assert_eq!(
        outcome(truediv(&max_ok, &Num::Int(1)), show),
        "ok 1.7976931348623157e+308"
    );
    let over = Num::from_big(BigInt::from(2).pow(1024u32) - BigInt::from(2).pow(970u32));
    assert_eq!(
        outcome(truediv(&over, &Num::Int(1)), show),
        "OverflowError: integer division result too large for a float"
    );
    assert_eq!(
        outcome(to_f64(&two(1024)), |f| float_repr(*f)),
        "OverflowError: int too large to convert to float"
    );
}

#[test]
fn pow_and_shift_limits() {
    assert_eq!(outcome(pow(&Num::Int(2), &Num::Int(1 << 30)), show), "MemoryError: ");
    assert_eq!(outcome(pow(&Num::Int(-1), &Num::Int(1 << 40)), show), "ok 1");
    assert_eq!(
        outcome(pow(&Num::Int(0), &Num::from_big(BigInt::from(10).pow(30u32))), show),
        "ok 0"
    );
    assert_eq!(
        outcome(pow(&Num::Int(3), &Num::Int(100)), show),
        "ok 515377520732011331036461129765621272702107522001"
    );
    let huge = Num::from_big(BigInt::from(10).pow(20u32));
    assert_eq!(
        outcome(lshift(&Num::Int(1), &huge), show),
        "OverflowError: too many digits in integer"
    );
    assert_eq!(outcome(lshift(&Num::Int(0), &huge), show), "ok 0");
    assert_eq!(outcome(rshift(&Num::Int(1), &huge), show), "ok 0");
    assert_eq!(outcome(rshift(&Num::Int(-1), &huge), show), "ok -1");
    assert_eq!(outcome(lshift(&Num::Int(1), &Num::Int(1 << 40)), show), "MemoryError: ");
    assert_eq!(
        outcome(pow(&Num::Float(-8.0), &Num::Float(1.0 / 3.0)), show),
        "NotImplementedError: complex numbers are not supported"
    );
    assert_eq!(
        outcome(pow(&Num::Float(-0.0), &Num::Float(-2.0)), show),
        "ZeroDivisionError: 0.0 cannot be raised to a negative power"
    );
}

#[test]
fn three_argument_pow() {
    let p = |a: i64, b: i64, m: i64| outcome(pow_mod(&Num::Int(a), &Num::Int(b), &Num::Int(m)), show);
    assert_eq!(p(2, 3, 0), "ValueError: pow() 3rd argument cannot be 0");
    assert_eq!(p(2, -1, 4), "ValueError: base is not invertible for the given modulus");
    assert_eq!(p(0, -1, 5), "ValueError: base is not invertible for the given modulus");
    assert_eq!(p(3, -1, 7), "ok 5");
    assert_eq!(p(5, 0, -7), "ok -6");
    assert_eq!(p(5, 0, 1), "ok 0");
    assert_eq!(p(5, 0, -1), "ok 0");
    assert_eq!(p(-3, 5, 7), "ok 2");
    assert_eq!(p(3, 5, -7), "ok -2");
    assert_eq!(p(2, -1, 1), "ok 0");
    assert_eq!(
        outcome(pow_mod(&Num::Float(2.0), &Num::Int(3), &Num::Int(5)), show),
        "TypeError: pow() 3rd argument not allowed unless all arguments are integers"
    );
}

#[test]
fn hashes_match_cpython() {
    // hash() values printed by python3.11.
    let cases: &[(Num, i64)] = &[
        (Num::Int(-1), -2),
        (Num::Int(-2), -2),
        (Num::Int(12345), 12345),
        (Num::Int((1 << 61) - 1), 0),
        (Num::Int(1 << 61), 1),
        (Num::Int(i64::MIN), -4),
        (Num::from_big(BigInt::from(2).pow(100u32)), 549755813888),
        (Num::from_big(-BigInt::from(10).pow(30u32)), -465258685558744706),
        (Num::Float(1.5), 1152921504606846977),
        (Num::Float(-1.0), -2),
        (Num::Float(2.0), 2),
        (Num::Float(0.1), 230584300921369408),
        (Num::Float(-0.5), -1152921504606846976),
        (Num::Float(1e300), 1224995262755759164),
        (Num::Float(5e-324), 16777216),
        (Num::Float(f64::INFINITY), 314159),
        (Num::Float(f64::NEG_INFINITY), -314159),
        (Num::Float(0.0), 0),
        (Num::Float(-0.0), 0),
    ];
    for (n, want) in cases {
        assert_eq!(hash_num(n), *want, "{n:?}");
    }
}

#[test]
fn float_helpers() {
    assert_eq!(float_to_int(-3.9), Ok(Num::Int(-3)));
    assert_eq!(
        float_to_int(1e20),
        Ok(Num::from_big("100000000000000000000".parse().unwrap()))
    );
    assert_eq!(
        float_to_int(f64::INFINITY).unwrap_err().msg,
        "cannot convert float infinity to integer"
    );
    assert_eq!(float_to_int(f64::NAN).unwrap_err().kind, "ValueError");
    assert!(float_is_integer(3.0) && !float_is_integer(3.5) && !float_is_integer(f64::INFINITY));
    assert_eq!(bit_length(&Num::Int(-255)), 8);
    assert_eq!(bit_length(&Num::Int(0)), 0);
    assert_eq!(bit_length(&Num::from_big(BigInt::from(1) << 100u32)), 101);
    assert_eq!(
        num_cmp(
            &Num::from_big(BigInt::from(2).pow(53u32) + 1),
            &Num::Float(9007199254740992.0)
        ),
        Some(Ordering::Greater)
    );
    assert!(num_eq(&Num::Int(1), &Num::Float(1.0)));
    assert!(!num_eq(&Num::Float(f64::NAN), &Num::Float(f64::NAN)));
}
