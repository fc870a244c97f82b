//! Checks `crate::pystrformat` by driving it like the interpreter will, against python3.11's `str.format` results.

use super::*;
use crate::pyfmt::{str_ascii, str_repr};
use crate::pyspec::format_str;

#[derive(Clone)]
enum V {
    S(&'static str),
    L(Vec<V>),
    D(Vec<(&'static str, V)>),
}

struct Args {
    pos: Vec<V>,
    kw: Vec<(&'static str, V)>,
}

fn lookup(args: &Args, name: &str, auto: &mut AutoNumber) -> PyRes<V> {
    let f = parse_field_name(name, auto)?;
    let mut v = match &f.first {
        FieldKey::Index(i) => args
            .pos
            .get(*i)
            .cloned()
            .ok_or_else(|| PyErr::index(format!("Replacement index {i} out of range for positional args tuple")))?,
        FieldKey::Name(n) => args
            .kw
            .iter()
            .find(|(k, _)| k == n)
            .map(|(_, v)| v.clone())
            .ok_or_else(|| PyErr::new("KeyError", str_repr(n)))?,
    };
    for a in &f.rest {
        v = match (a, v) {
            (FieldAccess::Index(i), V::L(items)) => items
                .get(*i)
                .cloned()
                .ok_or_else(|| PyErr::index("list index out of range"))?,
            (FieldAccess::Key(k), V::D(items)) => items
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.clone())
                .ok_or_else(|| PyErr::new("KeyError", str_repr(k)))?,
            (FieldAccess::Index(0), V::S(s)) => V::S(&s[..1]),
            (FieldAccess::Key(_), V::S(_)) => {
                return Err(PyErr::type_err("string indices must be integers, not 'str'"))
            }
            _ => return Err(PyErr::new("AttributeError", "unsupported in this test")),
        };
    }
    match f.rest_error {
        Some(e) => Err(e),
        None => Ok(v),
    }
}

fn render(fmt: &str, args: &Args, depth: u32, auto: &mut AutoNumber) -> PyRes<String> {
    if depth == 0 {
        return Err(PyErr::value("Max string recursion exceeded"));
    }
    let mut out = String::new();
    for piece in parse_format_string(fmt) {
        match piece {
            FormatPiece::Literal(s) => out.push_str(&s),
            FormatPiece::Error(e) => return Err(e),
            FormatPiece::Field(f) => {
                let V::S(s) = lookup(args, &f.name, auto)? else {
                    return Err(PyErr::type_err("only strs in this test"));
                };
                let text = match f.conversion {
                    None | Some('s') => s.to_string(),
                    Some('r') => str_repr(s),
                    Some('a') => str_ascii(s),
                    Some(c) => return Err(conversion_error(c)),
                };
                let spec = if f.spec_needs_expanding {
                    render(&f.spec, args, depth - 1, auto)?
                } else {
                    f.spec
                };
                out.push_str(&format_str(&text, &spec)?);
            }
        }
    }
    Ok(out)
}

#[test]
fn format_strings_match_python() {
    let args = Args {
        pos: vec![V::S("a"), V::S("b"), V::S("c")],
        kw: vec![
            ("x", V::S("X")),
            ("d", V::D(vec![("k", V::S("v"))])),
            ("l", V::L(vec![V::S("p"), V::S("q")])),
        ],
    };
    // "fmt".format('a', 'b', 'c', x='X', d={'k': 'v'}, l=['p', 'q']) in python3.11.
    let cases: &[(&str, &str)] = &[
        ("", "ok ''"),
        ("plain", "ok 'plain'"),
        ("{}", "ok 'a'"),
        ("{} {}", "ok 'a b'"),
        ("{0}{1}{0}", "ok 'aba'"),
        ("{x}", "ok 'X'"),
        ("{}{x}{}", "ok 'aXb'"),
        (
            "{0}{}",
            "ValueError: cannot switch from manual field specification to automatic field numbering",
        ),
        (
            "{}{0}",
            "ValueError: cannot switch from automatic field numbering to manual field specification",
        ),
        ("{{}}", "ok '{}'"),
        ("{{{}}}", "ok '{a}'"),
        ("}", "ValueError: Single '}' encountered in format string"),
        ("{", "ValueError: Single '{' encountered in format string"),
        ("a}b", "ValueError: Single '}' encountered in format string"),
        ("a{b", "ValueError: expected '}' before end of string"),
        ("{0!r}", "ok \"'a'\""),
        ("{0!s:>5}", "ok '    a'"),
        ("{0!a}", "ok \"'a'\""),
        ("{0!x}", "ValueError: Unknown conversion specifier x"),
        ("{0!}", "ValueError: unmatched '{' in format spec"),
        ("{0!r", "ValueError: unmatched '{' in format spec"),
        ("{0!rr}", "ValueError: expected ':' after conversion specifier"),
        ("{0:", "ValueError: unmatched '{' in format spec"),
        (
            "{0:>{1}}",
            "ValueError: Unknown format code 'b' for object of type 'str'",
        ),
        ("{:{}}", "ValueError: Unknown format code 'b' for object of type 'str'"),
        (
            "{0:{1}{2}}",
            "ValueError: Invalid format specifier 'bc' for object of type 'str'",
        ),
        ("{0:{1:{2}}}", "ValueError: Max string recursion exceeded"),
        (
            "{0:{{}}}",
            "ValueError: Invalid format specifier '{}' for object of type 'str'",
        ),
        ("{d[k]}", "ok 'v'"),
        ("{l[1]}", "ok 'q'"),
        ("{l[5]}", "IndexError: list index out of range"),
        ("{d[k}", "ValueError: expected '}' before end of string"),
        ("{d[]}", "ValueError: Empty attribute in format string"),
        ("{x.}", "ValueError: Empty attribute in format string"),
        (
            "{x[0]y}",
            "ValueError: Only '.' or '[' may follow ']' in format field specifier",
        ),
        (
            "{3}",
            "IndexError: Replacement index 3 out of range for positional args tuple",
        ),
        ("{nope}", "KeyError: 'nope'"),
        ("{0[}", "ValueError: expected '}' before end of string"),
        ("{0{}", "ValueError: unexpected '{' in field name"),
        ("{:}", "ok 'a'"),
        ("{!r}", "ok \"'a'\""),
        ("{0:}}", "ValueError: Single '}' encountered in format string"),
        ("{l[0]!r:^7}", "ok \"  'p'  \""),
        ("{x:*^9}", "ok '****X****'"),
        ("{0:.1}", "ok 'a'"),
        ("{ x }", "KeyError: ' x '"),
        ("{0.attr", "ValueError: expected '}' before end of string"),
        (
            "{d[k]:{1}}",
            "ValueError: Unknown format code 'b' for object of type 'str'",
        ),
        (
            "{99999999999999999999}",
            "ValueError: Too many decimal digits in format string",
        ),
        ("{0}}}", "ok 'a}'"),
        ("{{{0}}}", "ok '{a}'"),
        ("{} {", "ValueError: Single '{' encountered in format string"),
        ("{0} {", "ValueError: Single '{' encountered in format string"),
        (
            "{5} }",
            "IndexError: Replacement index 5 out of range for positional args tuple",
        ),
        ("{d[k][z]}", "TypeError: string indices must be integers, not 'str'"),
        ("{\u{661}}", "ok 'b'"),
        ("é{}ü", "ok 'éaü'"),
    ];
    for &(fmt, want) in cases {
        let got = match render(fmt, &args, 2, &mut AutoNumber::default()) {
            Ok(s) => format!("ok {}", str_repr(&s)),
            Err(e) => format!("{}: {}", e.kind, e.msg),
        };
        assert_eq!(got, want, "{fmt:?}");
    }
}
