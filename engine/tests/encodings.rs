//! Program files as bytes: the command reads them as CPython 3.11 does (a BOM, PEP 263 declarations, CRLF and
//! lone CR line endings, form feeds), and bytes that do not decode give CPython's SyntaxError. Each case runs
//! under `python3` and under the `interleave` command from the same path, and the two must agree exactly.

use std::path::Path;
use std::process::Command;

const CASES: &[(&str, &[u8])] = &[
    ("no_declaration", b"x = 1\ns = \"caf\xe9\"\nprint(s)\n"),
    (
        "latin1",
        b"# -*- coding: latin-1 -*-\ns = \"caf\xe9\"\nprint(s, len(s))\n",
    ),
    (
        "latin1_second_line",
        b"#!/usr/bin/env python3\n# coding=latin1\nprint(\"\xe9\")\n",
    ),
    ("blank_first_line", b"\n# coding: latin-1\nprint(\"\xe9\")\n"),
    ("declaration_too_late", b"#!/x\n\n# coding: latin-1\nprint(\"\xe9\")\n"),
    ("declaration_after_code", b"x = 1 # coding: latin-1\nprint(\"\xe9\")\n"),
    (
        "cp1252",
        b"#!/usr/bin/env python\n# vim: set fileencoding=cp1252 :\nprint(\"\x80\x93\")\n",
    ),
    ("cp1252_undefined", b"# coding: cp1252\nprint(\"\x81\")\n"),
    ("latin9", b"# -*- coding: iso-8859-15 -*-\nprint(\"\xa4\")\n"),
    ("ascii_declared", b"# coding: ascii\nprint(\"\xc3\xa9\")\n"),
    ("unknown_codec", b"# coding: bogus-enc\nprint(1)\n"),
    ("utf16_declared", b"# coding: utf-16\nprint(1)\n"),
    ("bom", b"\xef\xbb\xbfprint(\"bom\")\n"),
    ("bom_and_latin1", b"\xef\xbb\xbf# coding: latin-1\nprint(1)\n"),
    ("bom_and_utf8", b"\xef\xbb\xbf# coding: utf-8\nprint(2)\n"),
    ("bom_bad_byte", b"\xef\xbb\xbfprint(\"\xe9\")\n"),
    ("utf8_declared_bad_in_comment", b"# coding: utf-8\nprint(1) # \xe9\n"),
    ("utf8_declared_bad_in_string", b"# coding: utf-8\nprint(\"\xe9\")\n"),
    ("utf8_declared_bad_in_name", b"# coding: utf-8\nx\xe9 = 1\n"),
    ("bad_in_comment", b"print(\"ok\")\n# \xff\n"),
    ("truncated_sequence", b"s=\"\xc3\"\n"),
    ("crlf", b"print(1)\r\nx = (1 +\r\n 2)\r\nprint(x)\r\n"),
    ("lone_cr", b"print(1)\rprint(2)\r"),
    ("mixed_endings", b"print(1)\nx = (1 +\r\n 2)\rprint(x)\n"),
    ("continuation_crlf", b"print(\"a\\\r\nb\")\n"),
    ("triple_quoted_crlf", b"x = \"\"\"a\r\nb\"\"\"\nprint(repr(x))\n"),
    ("form_feed", b"print(1)\n\x0cprint(2)\nif 1:\n    \x0cprint(3)\n"),
    ("form_feed_ok", b"\x0cprint(1)\nif 1:\n\x0c    print(2)\n"),
];

fn run(program: &str, path: &Path) -> (String, String, i32) {
    let out = Command::new(program)
        .args(if program == "python3" { vec![] } else { vec!["run"] })
        .arg(path)
        .output()
        .expect("run");
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (text(&out.stdout), text(&out.stderr), out.status.code().unwrap_or(-1))
}

#[test]
fn files_decode_as_cpython_reads_them() {
    let dir = std::env::temp_dir().join(format!("interleave-encodings-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut failures = Vec::new();
    for (name, bytes) in CASES {
        let path = dir.join(format!("{name}.py"));
        std::fs::write(&path, bytes).unwrap();
        let expected = run("python3", &path);
        let got = run(env!("CARGO_BIN_EXE_interleave"), &path);
        if got != expected {
            failures.push(format!("{name}:\n  CPython:    {expected:?}\n  Interleave: {got:?}"));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
