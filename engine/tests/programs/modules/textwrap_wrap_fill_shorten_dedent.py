# wrap, fill and shorten with random options (indents, hyphens, long words, whitespace, sentence endings, a
# maximum of lines with its placeholder), and dedent and indent, as CPython 3.11 gives them.
import random
import textwrap

random.seed(11)
words = ["alpha", "be", "c", "well-known", "re-use", "x--y", "supercalifragilistic", "a-b-c", "end.", "Yes!", "q?",
         "\"quoted.\"", "--", "-opt", "123-456", "tab\tbed", "new\nline", "   ", "e-mail", "abcdefghijklmnopqrstuvwxyz"]
for case in range(200):
    text = " ".join(random.choice(words) for _ in range(random.randint(0, 14)))
    if random.random() < 0.3:
        text = "  " + text + "  "
    width = random.randint(5, 30)
    opts = {}
    if random.random() < 0.3:
        opts["initial_indent"] = random.choice(["* ", "", ">>> "])
    if random.random() < 0.3:
        opts["subsequent_indent"] = random.choice(["  ", "| "])
    for flag in ("break_long_words", "break_on_hyphens", "drop_whitespace", "fix_sentence_endings", "replace_whitespace", "expand_tabs"):
        if random.random() < 0.2:
            opts[flag] = not getattr(textwrap.TextWrapper(), flag)
    if random.random() < 0.3:
        opts["max_lines"] = random.randint(1, 4)
        if random.random() < 0.5:
            opts["placeholder"] = random.choice([" ...", "~", " [more]"])
    try:
        out = textwrap.wrap(text, width, **opts)
    except ValueError as e:
        out = "ValueError: " + str(e)
    print(case, repr(out))
    try:
        print(repr(textwrap.shorten(text, max(width, 8))))
    except ValueError as e:
        print("ValueError:", e)
print(textwrap.fill("The quick brown fox jumps over the lazy dog. " * 4, width=38, initial_indent="    "))
samples = ["    def f():\n        return 1\n", "\tx\n\ty\n", "  a\n    b\n  \n c\n", "no indent\n  some\n", "   \n  x\n   y", "", "\n\n", "  a\n\t  b\n"]
for s in samples:
    print(repr(textwrap.dedent(s)))
    print(repr(textwrap.indent(s, "> ")), repr(textwrap.indent(s, "+", lambda line: True)))
print(textwrap.dedent('''
    Hello,
      world!
    Done.
'''))
try:
    textwrap.wrap("abc", 0)
except ValueError as e:
    print(e)
