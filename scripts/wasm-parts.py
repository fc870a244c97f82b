#!/usr/bin/env python3
"""What the parts of a wasm module weigh: function bodies grouped by the crate their name starts with, and the
data segments (the engine's Python sources and tables), raw and gzipped (-9, each group compressed alone, so
the parts add up to a little more than the whole file gzipped).

Usage: wasm-parts.py FILE.wasm   (a build that kept its names: index.html's rust link with data-keep-debug)
"""
import gzip, re, sys
from collections import defaultdict

GROUPS = [
    ("interleave_app", "the app (src/)"),
    ("interleave", "the engine (engine/src/)"),
    ("yew", "Yew"),
    ("wasm_bindgen|js_sys|web_sys|gloo", "wasm-bindgen, js-sys, web-sys, gloo"),
    ("dlmalloc", "the allocator"),
    ("core|alloc|std|__rust|compiler_builtins|hashbrown|memchr", "Rust's std (fmt, collections, panics)"),
]


def leb(b, i):
    n = shift = 0
    while True:
        x = b[i]
        i += 1
        n |= (x & 0x7F) << shift
        shift += 7
        if x < 0x80:
            return n, i


def sections(b):
    i = 8
    while i < len(b):
        sid = b[i]
        size, i = leb(b, i + 1)
        yield sid, b[i : i + size]
        i += size


def main(path):
    b = open(path, "rb").read()
    imported, bodies, names, data = 0, [], {}, b""
    for sid, s in sections(b):
        if sid == 2:  # imports: count the functions, whose indices come first
            n, i = leb(s, 0)
            for _ in range(n):
                for _ in range(2):
                    ln, i = leb(s, i)
                    i += ln
                kind = s[i]
                i += 1
                if kind == 0:
                    _, i = leb(s, i)
                    imported += 1
                elif kind == 1:
                    i += 1
                    flags, i = leb(s, i)
                    _, i = leb(s, i)
                    if flags & 1:
                        _, i = leb(s, i)
                elif kind == 2:
                    flags, i = leb(s, i)
                    _, i = leb(s, i)
                    if flags & 1:
                        _, i = leb(s, i)
                elif kind == 3:
                    i += 2
        elif sid == 10:
            n, i = leb(s, 0)
            for _ in range(n):
                size, i = leb(s, i)
                bodies.append(s[i : i + size])
                i += size
        elif sid == 11:
            data = s
        elif sid == 0:
            ln, i = leb(s, 0)
            if s[i : i + ln] != b"name":
                continue
            i += ln
            while i < len(s):
                sub = s[i]
                size, i = leb(s, i + 1)
                if sub == 1:
                    n, j = leb(s, i)
                    for _ in range(n):
                        idx, j = leb(s, j)
                        ln, j = leb(s, j)
                        names[idx] = s[j : j + ln].decode("utf-8", "replace")
                        j += ln
                i += size
    parts = defaultdict(list)
    for k, body in enumerate(bodies):
        name = names.get(imported + k, "")
        first = re.search(r"[A-Za-z_][A-Za-z0-9_]*", name.lstrip("<&*"))
        word = first.group(0) if first else ""
        label = next((l for p, l in GROUPS if re.fullmatch(p, word)), "other or unnamed")
        parts[label].append(body)
    rows = [(l, b"".join(v)) for l, v in parts.items()] + [("data (Python sources, tables, strings)", data)]
    rows.sort(key=lambda r: -len(r[1]))
    print(f"{'part':42} {'raw KiB':>9} {'gzip KiB':>9}")
    for label, blob in rows:
        print(f"{label:42} {len(blob) / 1024:9.1f} {len(gzip.compress(blob, 9)) / 1024:9.1f}")
    print(f"{'whole file':42} {len(b) / 1024:9.1f} {len(gzip.compress(b, 9)) / 1024:9.1f}")


if __name__ == "__main__":
    main(sys.argv[1])
