"""Writes engine/src/unicode_tables.rs from this python3's unicodedata (run with CPython 3.11)."""
from generated import write_or_check  # scripts/generated.py: --check compares instead of writing
import sys, unicodedata

def ranges(pred):
    out, start = [], None
    for c in range(0x110000):
        if pred(c):
            if start is None:
                start = c
        elif start is not None:
            out.append((start, c - 1))
            start = None
    if start is not None:
        out.append((start, 0x10FFFF))
    return out

def emit_ranges(name, doc, rs):
    lines = [f"/// {doc}", "#[rustfmt::skip]", f"pub static {name}: &[(u32, u32)] = &["]
    row = []
    for a, b in rs:
        row.append(f"(0x{a:X}, 0x{b:X})")
        if len(row) == 6:
            lines.append("    " + ", ".join(row) + ",")
            row = []
    if row:
        lines.append("    " + ", ".join(row) + ",")
    lines.append("];")
    return "\n".join(lines)

def esc(s):
    return "".join(f"\\u{{{ord(ch):X}}}" for ch in s)

def emit_map(name, doc, pairs):
    lines = [f"/// {doc}", "#[rustfmt::skip]", f"pub static {name}: &[(u32, &str)] = &["]
    row = []
    for c, s in pairs:
        row.append(f'(0x{c:X}, "{esc(s)}")')
        if len(row) == 4:
            lines.append("    " + ", ".join(row) + ",")
            row = []
    if row:
        lines.append("    " + ", ".join(row) + ",")
    lines.append("];")
    return "\n".join(lines)

ch = chr
zero_starts = [c for c in range(0x110000) if ch(c).isdecimal() and unicodedata.decimal(ch(c)) == 0]
parts = [
    "//! Unicode property tables generated from CPython 3.11's unicodedata "
    f"(Unicode {unicodedata.unidata_version}) by scripts/gen_unicode_tables.py; do not edit by hand.",
    "",
    "// Sorted, non-overlapping inclusive ranges, searched by binary search in `crate::pyunicode`.",
    "",
    emit_ranges("NON_PRINTABLE", "Code points for which `str.isprintable()` is false.", ranges(lambda c: not ch(c).isprintable())),
    "",
    emit_ranges("ALPHA", "Code points for which `str.isalpha()` is true (categories Lu Ll Lt Lm Lo).", ranges(lambda c: ch(c).isalpha())),
    "",
    emit_ranges("DIGIT", "Code points for which `str.isdigit()` is true.", ranges(lambda c: ch(c).isdigit())),
    "",
    emit_ranges("NUMERIC", "Code points for which `str.isnumeric()` is true.", ranges(lambda c: ch(c).isnumeric())),
    "",
    emit_ranges("XID_START", "Code points that may start an identifier (XID_Start and '_').", ranges(lambda c: ch(c).isidentifier())),
    "",
    emit_ranges("XID_CONTINUE", "Code points that may continue an identifier (XID_Continue).", ranges(lambda c: ("a" + ch(c)).isidentifier())),
    "",
    "/// The zero of every run of ten decimal digits (category Nd): `str.isdecimal()` and `int()` digit values.",
    "#[rustfmt::skip]",
    "pub static DECIMAL_ZEROS: &[u32] = &[",
]
row = []
for z in zero_starts:
    row.append(f"0x{z:X}")
    if len(row) == 10:
        parts.append("    " + ", ".join(row) + ",")
        row = []
if row:
    parts.append("    " + ", ".join(row) + ",")
parts.append("];")
parts.append("")
parts.append(emit_map("TITLE_EXCEPTIONS", "Characters whose `str.title()` differs from their `str.upper()`.",
    [(c, ch(c).title()) for c in range(0x110000) if ch(c).title() != ch(c).upper()]))
parts.append("")
parts.append(emit_map("CASEFOLD_EXCEPTIONS", "Characters whose `str.casefold()` differs from their `str.lower()`.",
    [(c, ch(c).casefold()) for c in range(0x110000) if ch(c).casefold() != ch(c).lower()]))
parts.append("")
write_or_check("engine/src/unicode_tables.rs", "\n".join(parts))
