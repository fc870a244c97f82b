"""Interleave's string: the character-class constants, capwords and Template (parsed by hand, without re)."""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords", "digits", "hexdigits",
           "octdigits", "printable", "punctuation", "whitespace", "Formatter", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


_ID_START = ascii_letters + '_'
_ID_CHARS = _ID_START + digits


class Template:
    delimiter = '$'
    braceidpattern = None

    def __init__(self, template):
        self.template = template

    def _identifier(self, s, i):
        # The default idpattern: an ASCII letter or underscore, then letters, digits, underscores.
        if i < len(s) and s[i] in _ID_START:
            j = i + 1
            while j < len(s) and s[j] in _ID_CHARS:
                j += 1
            return j
        return i

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))

    def _render(self, lookup, safe):
        s = self.template
        d = self.delimiter
        out = []
        i = 0
        n = len(s)
        while i < n:
            j = s.find(d, i)
            if j < 0:
                out.append(s[i:])
                break
            out.append(s[i:j])
            k = j + len(d)
            if s.startswith(d, k):
                out.append(d)
                i = k + len(d)
                continue
            if k < n and s[k] == '{':
                end = self._identifier(s, k + 1)
                if end > k + 1 and end < n and s[end] == '}':
                    name = s[k + 1:end]
                    out.append(lookup(name, s[j:end + 1]))
                    i = end + 1
                    continue
            else:
                end = self._identifier(s, k)
                if end > k:
                    name = s[k:end]
                    out.append(lookup(name, s[j:end]))
                    i = end
                    continue
            if safe:
                out.append(d)
                i = k
                continue
            self._invalid(k)
        return ''.join(out)

    def substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = _Chain(kws, mapping)

        def lookup(name, text):
            return '%s' % (mapping[name],)
        return self._render(lookup, False)

    def safe_substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = _Chain(kws, mapping)

        def lookup(name, text):
            try:
                return '%s' % (mapping[name],)
            except KeyError:
                return text
        return self._render(lookup, True)

    def get_identifiers(self):
        ids = []

        def lookup(name, text):
            if name not in ids:
                ids.append(name)
            return ''
        self._render(lookup, True)
        return ids

    def is_valid(self):
        try:
            self._render(lambda name, text: '', False)
        except ValueError:
            return False
        return True


class _Chain:
    def __init__(self, first, second):
        self.first = first
        self.second = second

    def __getitem__(self, key):
        try:
            return self.first[key]
        except KeyError:
            return self.second[key]


class Formatter:
    def format(self, format_string, /, *args, **kwargs):
        return format_string.format(*args, **kwargs)

    def vformat(self, format_string, args, kwargs):
        return format_string.format(*args, **kwargs)
