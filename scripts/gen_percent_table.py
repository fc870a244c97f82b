"""Writes engine/src/pypercent/percent_table.txt: python3.11's '%<spec>' % value for many specs and values."""
from generated import write_or_check  # scripts/generated.py: --check compares instead of writing
import itertools

values = [0, -7, 255, 10**20, -2.5, 1234.5678, 1e-7, float('inf'), float('nan'), -0.0, 'héllo', "it's"]
flags = ['', '-', '+', ' ', '#', '0', '+0', '#0', '-#']
widths = ['', '8']
precs = ['', '.0', '.3']
convs = 'diuoxXeEfFgGsrac'
lines = []
for v, fl, w, p, c in itertools.product(values, flags, widths, precs, convs):
    if c == 'c' and not (isinstance(v, int) and 0 <= v < 0x110000):
        continue
    # Type errors and int() of floats are the caller's part; keep the table to what pypercent formats.
    if isinstance(v, str) and c not in 'sra':
        continue
    if isinstance(v, float) and (c in 'oxXc' or (c in 'diu' and v != v or abs(v) == float('inf'))):
        continue
    spec = '%' + fl + w + p + c
    try:
        out = 'ok ' + repr(spec % (v,))
    except Exception as e:
        out = type(e).__name__ + ': ' + str(e)
    lines.append(f'{type(v).__name__}\t{v!r}\t{spec}\t{out}')
write_or_check('engine/src/pypercent/percent_table.txt', '\n'.join(lines) + '\n')
