"""Interleave's textwrap: wrapping, filling, shortening, dedenting and indenting text as CPython 3.11's module
does, without regular expressions (the engine has no `re`): the text is cut into the same chunks by a scanner
that follows CPython's word-splitting pattern case by case."""

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

_whitespace = '\t\n\x0b\x0c\r '


def _is_word_char(c):
    return c.isalnum() or c == '_'


def _is_letter(c):
    return _is_word_char(c) and not c.isdecimal()


def _is_word_punct(c):
    return _is_word_char(c) or c in '!"\'&.,?'


def _at(text, i):
    """The character at `i`, or '' outside the text."""
    if 0 <= i < len(text):
        return text[i]
    return ''


def _letter_at(text, i):
    c = _at(text, i)
    return c != '' and _is_letter(c)


def _dashes_then_word(text, i):
    """Whether two or more dashes start at `i` and a word character follows them."""
    j = i
    while j < len(text) and text[j] == '-':
        j += 1
    return j - i >= 2 and j < len(text) and _is_word_char(text[j])


def _hyphen_break(text, p):
    """Whether a word may break after a hyphen at `p - 1`: two letters (or letter, hyphen, letter) before it,
    and a letter, perhaps a hyphen, and a letter after."""
    if _at(text, p - 1) != '-':
        return False
    before = (_letter_at(text, p - 3) and _letter_at(text, p - 2)) or (
        _letter_at(text, p - 4) and _at(text, p - 3) == '-' and _letter_at(text, p - 2))
    if not before or not _letter_at(text, p):
        return False
    return _letter_at(text, p + 1) or (_at(text, p + 1) == '-' and _letter_at(text, p + 2))


def _word_end(text, i):
    """Where the chunk that starts at `i` (not whitespace) ends: at the first place after at least one
    character where a hyphen may break the word (after the hyphen), the word ends, or an em-dash begins."""
    k = i + 1
    while True:
        c = _at(text, k)
        if c == '-' and _hyphen_break(text, k + 1):
            return k + 1
        if c == '' or c in _whitespace:
            return k
        if _is_word_punct(text[k - 1]) and _dashes_then_word(text, k):
            return k
        k += 1


def _chunks_on_hyphens(text):
    chunks = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c in _whitespace:
            j = i
            while j < n and text[j] in _whitespace:
                j += 1
        elif c == '-' and i > 0 and _is_word_punct(text[i - 1]) and _dashes_then_word(text, i):
            j = i
            while text[j] == '-':
                j += 1
        else:
            j = _word_end(text, i)
        chunks.append(text[i:j])
        i = j
    return chunks


def _chunks_on_spaces(text):
    chunks = []
    i = 0
    n = len(text)
    while i < n:
        space = text[i] in _whitespace
        j = i
        while j < n and (text[j] in _whitespace) == space:
            j += 1
        chunks.append(text[i:j])
        i = j
    return chunks


def _ends_sentence(chunk):
    """A lowercase ASCII letter, then '.', '!' or '?', then perhaps a quote, at the chunk's end."""
    if chunk[-1:] in ('"', "'"):
        chunk = chunk[:-1]
    return len(chunk) >= 2 and chunk[-1] in '.!?' and 'a' <= chunk[-2] <= 'z'


class TextWrapper:
    unicode_whitespace_trans = dict.fromkeys(map(ord, _whitespace), ord(' '))

    def __init__(self, width=70, initial_indent="", subsequent_indent="", expand_tabs=True,
                 replace_whitespace=True, fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *, max_lines=None,
                 placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = text.translate(self.unicode_whitespace_trans)
        return text

    def _split(self, text):
        if self.break_on_hyphens is True:
            return _chunks_on_hyphens(text)
        return _chunks_on_spaces(text)

    def _fix_sentence_endings(self, chunks):
        i = 0
        while i < len(chunks) - 1:
            if chunks[i + 1] == " " and _ends_sentence(chunks[i]):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words:
            chunk = reversed_chunks[-1]
            end = space_left
            if self.break_on_hyphens and len(chunk) > space_left:
                # Break after the last hyphen that fits, unless only hyphens come before it.
                hyphen = chunk.rfind('-', 0, space_left)
                if hyphen > 0 and chunk[:hyphen].strip('-'):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            first = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
            if len(first) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")
        lines = []
        todo = chunks[::-1]
        while todo:
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)
            if self.drop_whitespace and lines and todo[-1].strip() == '':
                todo.pop()
            line = []
            length = 0
            while todo and length + len(todo[-1]) <= width:
                length += len(todo[-1])
                line.append(todo.pop())
            if todo and len(todo[-1]) > width:
                self._handle_long_word(todo, line, length, width)
                length = sum(len(c) for c in line)
            if self.drop_whitespace and line and line[-1].strip() == '':
                length -= len(line[-1])
                line.pop()
            if not line:
                continue
            last_fits = not todo or (self.drop_whitespace and len(todo) == 1 and not todo[0].strip())
            if self.max_lines is None or len(lines) + 1 < self.max_lines or (last_fits and length <= width):
                lines.append(indent + ''.join(line))
                continue
            # The last line allowed: it ends with the placeholder, after as many chunks as leave room for it.
            while line:
                if line[-1].strip() and length + len(self.placeholder) <= width:
                    lines.append(indent + ''.join(line) + self.placeholder)
                    return lines
                length -= len(line[-1])
                line.pop()
            if lines:
                previous = lines[-1].rstrip()
                if len(previous) + len(self.placeholder) <= self.width:
                    lines[-1] = previous + self.placeholder
                    return lines
            lines.append(indent + self.placeholder.lstrip())
            return lines
        return lines

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    def wrap(self, text):
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    wrapper = TextWrapper(width=width, max_lines=1, **kwargs)
    return wrapper.fill(' '.join(text.strip().split()))


def _lines_with_ends(text):
    """The text's lines, each with its '\\n' (only '\\n' ends a line here, as `^` and `$` see it)."""
    lines = text.split('\n')
    return [line + '\n' for line in lines[:-1]] + [lines[-1]]


def dedent(text):
    # Lines of only spaces and tabs become empty; the margin is the longest run of spaces and tabs that every
    # other line starts with.
    lines = []
    for line in _lines_with_ends(text):
        body = line[:-1] if line.endswith('\n') else line
        if body and body.strip(' \t') == '':
            line = line[len(body):]
        lines.append(line)
    margin = None
    for line in lines:
        body = line.lstrip(' \t')
        if body == '' or body[0] == '\n':
            continue
        lead = line[:len(line) - len(body)]
        if margin is None or lead.startswith(margin):
            margin = lead if margin is None else margin
        elif margin.startswith(lead):
            margin = lead
        else:
            common = 0
            while margin[common] == lead[common]:
                common += 1
            margin = margin[:common]
    if margin:
        lines = [line[len(margin):] if line.startswith(margin) else line for line in lines]
    return ''.join(lines)


def indent(text, prefix, predicate=None):
    if predicate is None:
        def predicate(line):
            return line.strip()
    return ''.join(prefix + line if predicate(line) else line for line in text.splitlines(True))
