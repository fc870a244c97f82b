# textwrap cuts text into the chunks CPython's word-splitting pattern makes (whitespace runs, em-dashes between
# words, words broken after hyphens between letters), on random texts; and on whitespace alone when
# break_on_hyphens is False.
import random
import textwrap

random.seed(20261207)
alphabet = ['a', 'b', 'Z', 'é', '1', '-', '-', '-', '-', ' ', '\t', '.', ',', '!', '?', '"', "'", '&', '_', ';', '—', '٣']
texts = ["Hello there -- you goof-ball, use the -b option!", "a-b-c-d", "ab-cd", "--ab--cd", "x--y", "e-mail re-use co-op"]
texts += ["".join(random.choice(alphabet) for _ in range(random.randint(0, 24))) for _ in range(500)]
on_hyphens = textwrap.TextWrapper()
on_spaces = textwrap.TextWrapper(break_on_hyphens=False)
for text in texts:
    print(on_hyphens._split(text), on_spaces._split(text))
