//! Decoding a program file's bytes: declarations, BOMs and the errors for bytes that do not decode.

use super::{decode, SourceError};

fn plain(bytes: &[u8]) -> String {
    match decode(bytes) {
        Err(SourceError::Plain(m)) => m,
        other => panic!("expected a plain error, got {other:?}"),
    }
}

#[test]
fn declarations_are_read_on_the_first_two_lines_only() {
    assert_eq!(
        decode(b"# -*- coding: latin-1 -*-\nprint('\xe9')\n").unwrap(),
        "# -*- coding: latin-1 -*-\nprint('\u{e9}')\n"
    );
    assert_eq!(
        decode(b"#!/usr/bin/env python\n# vim: fileencoding=cp1252\n'\x80'")
            .unwrap()
            .chars()
            .last(),
        Some('\'')
    );
    assert!(decode(b"#!/usr/bin/env python\n# vim: fileencoding=cp1252\n'\x80'")
        .unwrap()
        .contains('\u{20ac}'));
    // A line of code first, or the declaration on the third line: not a declaration.
    assert!(plain(b"x = 1  # coding: latin-1\n'\xe9'\n")
        .starts_with("Non-UTF-8 code starting with '\\xe9' in file {file} on line 2"));
    assert!(plain(b"\n\n# coding: latin-1\n'\xe9'\n").contains("on line 4"));
}

#[test]
fn names_are_normalised_as_cpython_does() {
    assert!(decode(b"# coding=ISO_8859_1\n'\xe9'").is_ok());
    assert!(decode(b"# coding: Latin-1-unix\n'\xe9'").is_ok());
    assert_eq!(plain(b"# coding: bogus\n1"), "encoding problem: bogus");
    assert_eq!(plain(b"# coding: utf-16\n1"), "encoding problem: utf-16");
    assert_eq!(
        plain(b"\xef\xbb\xbf# coding: latin-1\n1"),
        "encoding problem: iso-8859-1 with BOM"
    );
    assert_eq!(plain(b"# coding: ascii\n'\xc3\xa9'"), "encoding problem: ascii");
    assert_eq!(plain(b"# coding: cp1252\n'\x81'"), "encoding problem: cp1252");
}

#[test]
fn a_bom_is_dropped_and_bad_utf8_in_a_declared_file_is_a_token_error() {
    assert_eq!(decode(b"\xef\xbb\xbfprint(1)\n").unwrap(), "print(1)\n");
    // In a comment the tokenizer never decodes it.
    assert!(decode(b"# coding: utf-8\nprint(1)  # \xe9\n").is_ok());
    match decode(b"# coding: utf-8\nprint(\"ab\xe9\")\n") {
        Err(SourceError::At(e)) => {
            assert_eq!((e.line, e.col), (2, 10));
            assert_eq!(
                e.msg,
                "(unicode error) 'utf-8' codec can't decode byte 0xe9 in position 2: unexpected end of data"
            );
        }
        other => panic!("{other:?}"),
    }
}
