"""Interleave's pickle: the exceptions `multiprocessing` raises when something cannot cross a process boundary
(the pickling itself is native, in `procs/pickle.rs`)."""

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4


class PickleError(Exception):
    __module__ = '_pickle'


class PicklingError(PickleError):
    __module__ = '_pickle'


class UnpicklingError(PickleError):
    __module__ = '_pickle'
