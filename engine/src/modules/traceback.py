"""Interleave's traceback: printing and formatting exceptions as CPython does, from the VM's own formatter.

Tracebacks are objects (`vm/tb.rs`) whose frames say where they were, so the functions that walk a traceback
are here (`walk_tb`, `extract_tb`, `format_tb`, `print_tb`, `format_list`), with those that format an exception
(`print_exc`, `format_exc`, `print_exception`, `format_exception`, `format_exception_only`), all with CPython's
output. Frames have no locals and no callers, so the ones that walk the stack (`print_stack`...) are not.
"""

import sys
import _sys

_sentinel = object()


def _chunks(text):
    """CPython's list shape: the header, one string per frame (its lines together), the exception line."""
    chunks = []
    for line in text.splitlines(keepends=True):
        # A frame's source and carets join its "File" line; "\nThe above exception ...:\n\n" is one chunk.
        separator = bool(chunks) and chunks[-1].startswith("\n") and chunks[-1].count("\n") < 3
        if chunks and (line.startswith("    ") or separator):
            chunks[-1] += line
        else:
            chunks.append(line)
    return chunks


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    if value is not _sentinel:
        exc = value
    if exc is None:
        return ["NoneType: None\n"]
    return _chunks(_sys.format_exception(exc, chain))


def format_exception_only(exc, /, value=_sentinel):
    if value is not _sentinel:
        exc = value
    if exc is None:
        return ["NoneType: None\n"]
    cls = type(exc)
    name = cls.__qualname__
    if cls.__module__ not in ("__main__", "builtins"):
        name = cls.__module__ + "." + name
    text = str(exc)
    lines = [f"{name}: {text}\n" if text else f"{name}\n"]
    for note in getattr(exc, "__notes__", None) or ():
        lines.append(f"{note}\n")
    return lines


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    if file is None:
        file = sys.stderr
    for chunk in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(chunk, file=file, end="")


def format_exc(limit=None, chain=True):
    return "".join(format_exception(sys.exception(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(sys.exception(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    raise ValueError("no last exception")


def _no_frames(name):
    def unavailable(*args, **kwargs):
        raise NotImplementedError(
            f"traceback.{name}() needs frame objects, which Interleave does not have: "
            "use traceback.print_exc() or format_exc()"
        )

    unavailable.__name__ = name
    return unavailable


extract_stack = _no_frames("extract_stack")
format_stack = _no_frames("format_stack")
print_stack = _no_frames("print_stack")
walk_stack = _no_frames("walk_stack")


def walk_tb(tb):
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def _limited(items, limit):
    if limit is None:
        return items
    if limit >= 0:
        return items[:limit]
    return items[limit:]


class FrameSummary:
    __slots__ = ("filename", "lineno", "name", "_line", "locals", "_text")

    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None, line=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        self.locals = locals
        # How print_tb shows this frame (its source line and carets), when it comes from a traceback.
        self._text = None

    @property
    def line(self):
        if self._line is None:
            self._line = _sys.source_line(self.lineno) if self.filename == sys.argv[0] else ""
        return self._line.strip()

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and self.lineno == other.lineno
                    and self.name == other.name and self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __len__(self):
        return 4

    def __repr__(self):
        return f"<FrameSummary file {self.filename}, line {self.lineno} in {self.name}>"


class StackSummary(list):
    @classmethod
    def from_list(klass, a_list):
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        if frame_summary._text is not None:
            return frame_summary._text
        row = f'  File "{frame_summary.filename}", line {frame_summary.lineno}, in {frame_summary.name}\n'
        if frame_summary.line:
            row += f"    {frame_summary.line}\n"
        return row

    def format(self):
        return [self.format_frame_summary(f) for f in self]


def extract_tb(tb, limit=None):
    frames = [FrameSummary(f.f_code.co_filename, lineno, f.f_code.co_name) for f, lineno in walk_tb(tb)]
    # Each frame as print_exc shows it, carets included, when every frame has its own text (no run of repeats).
    texts = _chunks(_sys.format_tb(tb))
    if len(texts) == len(frames):
        for summary, text in zip(frames, texts):
            summary._text = text
    return StackSummary(_limited(frames, limit))


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    if file is None:
        file = sys.stderr
    for item in format_list(extracted_list):
        print(item, file=file, end="")


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def print_tb(tb, limit=None, file=None):
    print_list(extract_tb(tb, limit=limit), file=file)
