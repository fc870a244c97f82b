"""Interleave's traceback: printing and formatting exceptions as CPython does, from the VM's own formatter.

Tracebacks here have no frame objects (`__traceback__` is None), so the functions that walk frames or stacks
(`extract_tb`, `print_stack`, `walk_tb`...) are not provided; the ones that format an exception are, with
CPython's output: `print_exc`, `format_exc`, `print_exception`, `format_exception`, `format_exception_only`.
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


extract_tb = _no_frames("extract_tb")
extract_stack = _no_frames("extract_stack")
format_tb = _no_frames("format_tb")
format_stack = _no_frames("format_stack")
print_tb = _no_frames("print_tb")
print_stack = _no_frames("print_stack")
walk_tb = _no_frames("walk_tb")
walk_stack = _no_frames("walk_stack")
