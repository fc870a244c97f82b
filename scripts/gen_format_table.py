"""Writes engine/src/pyspec/format_table.txt: python3.11's format(value, spec) for many values and specs."""
from generated import write_or_check  # scripts/generated.py: --check compares instead of writing
import itertools

values = [0, 1, -1, 42, -1234567, 255, 10**20, -(2**70), True,
          0.0, -0.0, 1.5, -2.5, 1234567.891, 1e16, 1e-5, 123.456, 0.1, 2.675, 1e300, -1e-300,
          float('inf'), float('-inf'), float('nan'), 0.000123456,
          '', 'abc', 'héllo', '中文字']
specs = ['', 'd', 'x', 'X', 'o', 'b', 'c', 'n', 's', 'e', 'E', 'f', 'F', 'g', 'G', '%', 'r', 'z', 'zd', 'z.1f',
         '5', '10', '<10', '>10', '^10', '=10', '*^9', '0<8', 'x>7', '010', '-010', '+010', ' 010',
         '+', '-', ' ', '#x', '#X', '#o', '#b', '#010x', '#010_x', '_x', '_b', ',', '_', ',d', '_d', '015,',
         '015,.2f', '.2f', '.0f', '#.0f', '.3', '.3g', '#.3g', '#g', '.0', '.1', '.10', '.20', '.2e',
         '+.3e', '.2%', '10.3f', '<10.3f', '^+12,.2f', '=+12.1f', 'z.0f', 'z.2f', '.0e', ',.2f', '_.3f',
         '.2', '5.1', 'xx', '.', ',_', '_,', '.2d', '+c', '#c', ',c', ',x', '+s', '#s', '=s', ',s', '_s',
         '=5', '0', '00', '08.3', '\u0661\u0662', '12\u0661', 'é^7', '€>6', '.1n', ',n', 'zx', '#%',
         '99999999999999999999', '.99999999999999999999f', 'Z', '\x01', 'ü']
lines = []
for v, s in itertools.product(values, specs):
    try:
        out = 'ok ' + repr(format(v, s))
    except Exception as e:
        out = type(e).__name__ + ': ' + str(e)
    lines.append(f'{type(v).__name__}\t{v!r}\t{s!r}\t{out}')
write_or_check('engine/src/pyspec/format_table.txt', '\n'.join(lines) + '\n')
