"""Interleave's warnings: warn() with CPython's default filters and output, and the filter functions.

A warning is attributed to the line the program's own code is at (the runtime's frames are hidden), which is
where `stacklevel=2` from a library function points; deeper stack levels are not followed.
"""

import _sys

# (action, message prefix, category, lineno): newest first, as CPython keeps them.
filters = [
    ('default', None, DeprecationWarning, 0),
    ('ignore', None, DeprecationWarning, 0),
    ('ignore', None, PendingDeprecationWarning, 0),
    ('ignore', None, ImportWarning, 0),
    ('ignore', None, ResourceWarning, 0),
]
# DeprecationWarning is shown for code in __main__ only; the program's own code always is.
_MAIN_ONLY = DeprecationWarning
_ACTIONS = ('default', 'error', 'ignore', 'always', 'module', 'once')
# Where each warning was shown already: (text, category, line), and (text, category) for "once".
_shown = set()


def _action_for(category, text, lineno):
    for action, message, cat, line in filters:
        if message is not None and not text.lower().startswith(message.lower()):
            continue
        if not issubclass(category, cat):
            continue
        if line and line != lineno:
            continue
        if cat is _MAIN_ONLY and action == 'ignore' and message is None and line == 0:
            # The program is __main__: the "default::DeprecationWarning:__main__" filter before it applies.
            continue
        return action
    return 'default'


def formatwarning(message, category, filename, lineno, line=None):
    text = f"{filename}:{lineno}: {category.__name__}: {message}\n"
    if line is None:
        line = _source_line(lineno)
    line = line.strip()
    if line:
        text += f"  {line}\n"
    return text


def _source_line(lineno):
    return _sys.source_line(lineno)


def showwarning(message, category, filename, lineno, file=None, line=None):
    import sys
    (sys.stderr if file is None else file).write(formatwarning(message, category, filename, lineno, line))


def warn(message, category=None, stacklevel=1, source=None):
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError(f"category must be a Warning subclass, not '{type(category).__name__}'")
    text = str(message)
    lineno = _sys.user_line()
    action = _action_for(category, text, lineno)
    if action == 'error':
        raise message if isinstance(message, Warning) else category(message)
    if action == 'ignore':
        return
    if action == 'once' or action == 'module':
        key = (text, category)
    elif action == 'always':
        key = None
    else:
        key = (text, category, lineno)
    if key is not None:
        if key in _shown:
            return
        _shown.add(key)
    showwarning(message, category, _sys.filename(), lineno)


def warn_explicit(message, category, filename, lineno, module=None, registry=None, module_globals=None,
                  source=None):
    showwarning(message, category, filename, lineno)


def _add(action, message, category, lineno, append):
    if action not in _ACTIONS:
        raise ValueError(f"invalid action: {action!r}")
    item = (action, message or None, category, lineno)
    if item in filters:
        filters.remove(item)
    if append:
        filters.append(item)
    else:
        filters.insert(0, item)
    _shown.clear()


def filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False):
    _add(action, message, category, lineno, append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    _add(action, None, category, lineno, append)


def resetwarnings():
    filters[:] = []
    _shown.clear()


class catch_warnings:
    """Saves the filters on entry and puts them back on exit; record=True collects warnings in a list."""

    def __init__(self, *, record=False, module=None, action=None, category=Warning, lineno=0, append=False):
        self._record = record
        self._action = (action, category, lineno, append) if action is not None else None

    def __enter__(self):
        global showwarning
        self._saved = (filters[:], set(_shown), showwarning)
        if self._action is not None:
            simplefilter(*self._action)
        if self._record:
            log = []

            def record(message, category, filename, lineno, file=None, line=None):
                log.append(WarningMessage(message, category, filename, lineno, file, line))
            showwarning = record
            return log
        return None

    def __exit__(self, *exc):
        global showwarning
        saved_filters, saved_shown, showwarning = self._saved
        filters[:] = saved_filters
        _shown.clear()
        _shown.update(saved_shown)


class WarningMessage:
    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message = message if isinstance(message, Warning) else category(message)
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source

    def __str__(self):
        return (f"{{message : {self.message!r}, category : {self.category.__name__!r}, "
                f"filename : {self.filename!r}, lineno : {self.lineno}, line : {self.line!r}}}")
