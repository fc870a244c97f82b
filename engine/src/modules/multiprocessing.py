"""Interleave's multiprocessing: processes, queues, pipes, locks, shared values and pools, on simulated
processes (each its own interpreter, forked from its parent: `procs.rs`) and the natives of `_il_mp`, which
hold what processes share: channels of pickled messages, cells of shared values, and each child's handle.

Every wait here goes through `_il_mp.wait(obj, version, timeout)`: it blocks the calling thread until the
shared object changes (a message, a release, a child's end), as CPython's waits on pipes and semaphores do."""

import _il_mp
import collections as _collections
import itertools as _itertools
import os as _os
import sys as _sys
import threading as _threading
from queue import Empty, Full

__all__ = ['Process', 'current_process', 'parent_process', 'active_children', 'cpu_count', 'Queue',
           'SimpleQueue', 'JoinableQueue', 'Pipe', 'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Event',
           'Condition', 'Barrier', 'Value', 'Array', 'RawValue', 'RawArray', 'Pool', 'Manager', 'get_context',
           'set_start_method', 'get_start_method', 'get_all_start_methods', 'ProcessError', 'TimeoutError',
           'AuthenticationError', 'BufferTooShort', 'freeze_support', 'get_logger', 'log_to_stderr']


class ProcessError(Exception):
    __module__ = 'multiprocessing.context'


class BufferTooShort(ProcessError):
    __module__ = 'multiprocessing.context'


class TimeoutError(ProcessError):
    __module__ = 'multiprocessing.context'


class AuthenticationError(ProcessError):
    __module__ = 'multiprocessing.context'


_start_method = None
_il_exitcode = 0


def _remaining(deadline):
    if deadline is None:
        return None
    import time
    return max(0.0, deadline - time.monotonic())


def _deadline(timeout):
    if timeout is None:
        return None
    import time
    return time.monotonic() + max(0.0, timeout)


def _wait_until(obj, ready, timeout=None):
    """Waits until `ready()` is true, re-checking each time `obj` changes; False when the timeout passed."""
    deadline = _deadline(timeout)
    while True:
        seen = _il_mp.version(obj)
        if ready():
            return True
        left = _remaining(deadline)
        if left is not None and left <= 0:
            return False
        _il_mp.wait(obj, seen, left)


def _settle(obj):
    """Waits until the last change to `obj` is in this process's past (another process may have made it
    later in virtual time, having run first)."""
    _il_mp.wait(obj, _il_mp.version(obj) - 1, None)


# Processes (CPython's multiprocessing.process).

_process_counter = _itertools.count(1)
_children = set()


class BaseProcess:
    _start_method = None

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}, *, daemon=None):
        assert group is None, 'group argument must be None for now'
        count = next(_process_counter)
        self._identity = _current_process._identity + (count,)
        self._config = dict(_current_process._config)
        self._parent_pid = _os.getpid()
        self._parent_name = _current_process.name
        self._popen = None
        self._closed = False
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        self._name = name or type(self).__name__ + '-' + ':'.join(str(i) for i in self._identity)
        if daemon is not None:
            self.daemon = daemon

    def _check_closed(self):
        if self._closed:
            raise ValueError("process object is closed")

    def run(self):
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        self._check_closed()
        assert self._popen is None, 'cannot start a process twice'
        assert self._parent_pid == _os.getpid(), 'can only start a process object created by current process'
        assert not _current_process._config.get('daemon'), 'daemonic processes are not allowed to have children'
        _cleanup()
        # The child gets a copy of every open connection, as of every file descriptor.
        _inherit_connections()
        method = self._start_method or get_start_method()
        if method == 'fork':
            self._popen = _il_mp.fork(self, self._name)
        else:
            # CPython's spawn.py: a spawned child re-imports the main module, which must not start one again.
            if getattr(_current_process, '_inheriting', False):
                raise RuntimeError(_BOOTSTRAPPING)
            self._popen = _il_mp.spawn(self, self._name, get_start_method())
        _children.add(self)
        del self._target, self._args, self._kwargs

    def terminate(self):
        self._check_closed()
        if self._popen is not None:
            _il_mp.kill(self._popen, -15)

    def kill(self):
        self._check_closed()
        if self._popen is not None:
            _il_mp.kill(self._popen, -9)

    def join(self, timeout=None):
        self._check_closed()
        assert self._parent_pid == _os.getpid(), 'can only join a child process'
        assert self._popen is not None, 'can only join a started process'
        handle = self._popen
        if _wait_until(handle, lambda: _il_mp.exitcode(handle) is not None, timeout):
            _children.discard(self)

    def is_alive(self):
        self._check_closed()
        if self is _current_process:
            return True
        assert self._parent_pid == _os.getpid(), 'can only test a child process'
        if self._popen is None:
            return False
        if _il_mp.exitcode(self._popen) is None:
            return True
        _children.discard(self)
        return False

    def close(self):
        if self._popen is not None:
            if _il_mp.exitcode(self._popen) is None:
                raise ValueError("Cannot close a process while it is still running. "
                                 "You should first call join() or terminate().")
            self._popen = None
            _children.discard(self)
        self._closed = True

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        assert isinstance(name, str), 'name must be a string'
        self._name = name

    @property
    def daemon(self):
        return self._config.get('daemon', False)

    @daemon.setter
    def daemon(self, daemonic):
        assert self._popen is None, 'process has already started'
        self._config['daemon'] = daemonic

    @property
    def authkey(self):
        return self._config.get('authkey', b'')

    @property
    def exitcode(self):
        self._check_closed()
        if self._popen is None:
            return None
        return _il_mp.exitcode(self._popen)

    @property
    def ident(self):
        self._check_closed()
        if self is _current_process:
            return _os.getpid()
        return self._popen and _il_mp.pid(self._popen)

    pid = ident

    @property
    def sentinel(self):
        self._check_closed()
        if self._popen is None:
            raise ValueError("process not started")
        return _il_mp.pid(self._popen) + 1000

    def __repr__(self):
        exitcode = None
        if self is _current_process:
            status = 'started'
        elif self._closed:
            status = 'closed'
        elif self._parent_pid != _os.getpid():
            status = 'unknown'
        elif self._popen is None:
            status = 'initial'
        else:
            exitcode = _il_mp.exitcode(self._popen)
            status = 'stopped' if exitcode is not None else 'started'
        info = [type(self).__name__, 'name=%r' % self._name]
        if self._popen is not None:
            info.append('pid=%s' % _il_mp.pid(self._popen))
        info.append('parent=%s' % self._parent_pid)
        info.append(status)
        if exitcode is not None:
            exitcode = _exitcode_to_name.get(exitcode, exitcode)
            info.append('exitcode=%s' % exitcode)
        if self.daemon:
            info.append('daemon')
        return '<%s>' % ' '.join(info)


_BOOTSTRAPPING = '''
        An attempt has been made to start a new process before the
        current process has finished its bootstrapping phase.

        This probably means that you are not using fork to start your
        child processes and you have forgotten to use the proper idiom
        in the main module:

            if __name__ == '__main__':
                freeze_support()
                ...

        The "freeze_support()" line can be omitted if the program
        is not going to be frozen to produce an executable.

        To fix this issue, refer to the "Safe importing of main module"
        section in https://docs.python.org/3/library/multiprocessing.html
        '''

_exitcode_to_name = {-15: '-SIGTERM', -9: '-SIGKILL', -2: '-SIGINT', -1: '-SIGHUP'}


class Process(BaseProcess):
    _start_method = None


class ForkProcess(Process):
    _start_method = 'fork'


class SpawnProcess(Process):
    _start_method = 'spawn'


class ForkServerProcess(Process):
    _start_method = 'forkserver'


class _MainProcess(BaseProcess):
    def __init__(self):
        self._identity = ()
        self._name = 'MainProcess'
        self._parent_pid = None
        self._popen = None
        self._closed = False
        self._config = {'authkey': b'interleave', 'semprefix': '/mp'}


class _ParentProcess(BaseProcess):
    def __init__(self, name, pid):
        self._identity = ()
        self._name = name
        self._pid = pid
        self._parent_pid = None
        self._popen = None
        self._closed = False
        self._config = {}

    @property
    def ident(self):
        return self._pid

    pid = ident


_current_process = _MainProcess()
_parent_process = None


def current_process():
    return _current_process


def parent_process():
    return _parent_process


def _cleanup():
    for p in list(_children):
        if p._popen is not None and _il_mp.exitcode(p._popen) is not None:
            _children.discard(p)


def active_children():
    _cleanup()
    return list(_children)


def cpu_count():
    return _il_mp.cpu_count()


def _il_child_main(process):
    """A forked child's main thread: runs the process as CPython's `BaseProcess._bootstrap` does."""
    global _current_process, _parent_process, _process_counter, _children, _il_exitcode, _exiting, _feeds
    exitcode = 1
    try:
        _threading._il_after_fork()
        _process_counter = _itertools.count(1)
        _children = set()
        _exiting = False
        _feeds = {}
        _parent_process = _ParentProcess(process._parent_name, process._parent_pid)
        _current_process = process
        try:
            process.run()
            exitcode = 0
        finally:
            _exit_function()
    except SystemExit as e:
        if e.code is None:
            exitcode = 0
        elif isinstance(e.code, int):
            exitcode = e.code
        else:
            _sys.stderr.write(str(e.code) + '\n')
            exitcode = 1
    except BaseException:
        exitcode = 1
        import traceback
        _sys.stderr.write('Process %s:\n' % process.name)
        traceback.print_exc()
    finally:
        _threading._shutdown()
        _close_connections()
    _il_exitcode = exitcode


def _il_spawn_main(name, method):
    """A spawned child's main thread, as CPython's `spawn._main`: the program runs again as `__mp_main__`
    (with the parent's start method, and the process's name), then the process its parent sent."""
    global _start_method
    _start_method = method
    _current_process._name = name
    _current_process._inheriting = True
    try:
        import __mp_main__
        process = _il_mp.spawned()
    finally:
        del _current_process._inheriting
    _il_child_main(process)


_exiting = False


def _exit_function():
    """At a process's exit: daemonic children are terminated, the others joined."""
    global _exiting
    if _exiting:
        return
    _exiting = True
    for p in active_children():
        if p.daemon:
            p.terminate()
    for p in active_children():
        p.join()
    _flush_feeds()


def _il_shutdown():
    """The main process's end: its threads are joined, then its children (atexit's `_exit_function`)."""
    _threading._shutdown()
    _exit_function()


# Start methods and contexts (CPython's multiprocessing.context).

def get_start_method(allow_none=False):
    global _start_method
    if _start_method is None:
        if allow_none:
            return None
        _start_method = 'fork'
    return _start_method


def set_start_method(method, force=False):
    global _start_method
    if _start_method is not None and not force:
        raise RuntimeError('context has already been set')
    if method is None and force:
        _start_method = None
        return
    if method not in ('fork', 'spawn', 'forkserver'):
        raise ValueError('cannot find context for %r' % method)
    _start_method = method


def get_all_start_methods():
    return ['fork', 'spawn', 'forkserver']


class _Context:
    def Pool(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None):
        return Pool(processes, initializer, initargs, maxtasksperchild, context=self)

    def get_start_method(self, allow_none=False):
        return self._name

    def __getattr__(self, name):
        if name == 'Process':
            return SpawnProcess if self._name == 'spawn' else ForkServerProcess if self._name == 'forkserver' else ForkProcess
        if name.startswith('_') or name not in __all__:
            raise AttributeError("'%s' object has no attribute '%s'" % (type(self).__name__, name))
        import multiprocessing
        return getattr(multiprocessing, name)

    def __repr__(self):
        return '<multiprocessing.context.%s object at 0x%x>' % (type(self).__name__, id(self))


class ForkContext(_Context):
    _name = 'fork'


class SpawnContext(_Context):
    _name = 'spawn'


class ForkServerContext(_Context):
    _name = 'forkserver'


def get_context(method=None):
    if method is None:
        method = get_start_method()
    if method not in ('fork', 'spawn', 'forkserver'):
        raise ValueError('cannot find context for %r' % method)
    # One context per method, as CPython's `_concrete_contexts`: `get_context() is get_context('fork')`.
    ctx = _contexts.get(method)
    if ctx is None:
        ctx = _contexts[method] = {'fork': ForkContext, 'spawn': SpawnContext}.get(method, ForkServerContext)()
    return ctx


_contexts = {}


def freeze_support():
    pass


def get_logger():
    import logging
    return logging.getLogger('multiprocessing')


def log_to_stderr(level=None):
    logger = get_logger()
    if level:
        logger.setLevel(level)
    return logger


# Synchronization (CPython's multiprocessing.synchronize), on shared cells.

def _owner_name():
    name = _current_process.name
    thread = _threading.current_thread().name
    if thread != 'MainThread':
        name += '|' + thread
    return name


def _owner_label(owner):
    """How a lock's repr names its owner, as CPython's `synchronize` does."""
    if owner is None:
        return 'None'
    if owner == _me():
        return _owner_name()
    if owner[0] == _os.getpid():
        return 'SomeOtherThread'
    return 'SomeOtherProcess'


def _me():
    return (_os.getpid(), _threading.get_ident())


class Lock:
    def __init__(self, *, ctx=None):
        self._cell = _il_mp.cell(None)

    def acquire(self, block=True, timeout=None):
        me = _me()
        if not block:
            return _il_mp.cas(self._cell, None, me)
        return _wait_until(self._cell, lambda: _il_mp.cas(self._cell, None, me), timeout)

    def release(self):
        if _il_mp.cell_get(self._cell) is None:
            raise ValueError('semaphore or lock released too many times')
        _il_mp.cell_set(self._cell, None)

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        return self.release()

    def __repr__(self):
        owner = _il_mp.cell_get(self._cell)
        return '<%s(owner=%s)>' % (type(self).__name__, _owner_label(owner))


class RLock:
    def __init__(self, *, ctx=None):
        self._cell = _il_mp.cell((None, 0))

    def acquire(self, block=True, timeout=None):
        me = _me()

        def take():
            owner, count = _il_mp.cell_get(self._cell)
            if owner == me:
                return _il_mp.cas(self._cell, (owner, count), (me, count + 1))
            return _il_mp.cas(self._cell, (None, 0), (me, 1))
        if not block:
            return take()
        return _wait_until(self._cell, take, timeout)

    def release(self):
        owner, count = _il_mp.cell_get(self._cell)
        if owner != _me() or count == 0:
            raise AssertionError('attempt to release recursive lock not owned by thread')
        _il_mp.cell_set(self._cell, (owner, count - 1) if count > 1 else (None, 0))

    def _is_owned(self):
        return _il_mp.cell_get(self._cell)[0] == _me()

    def _release_save(self):
        state = _il_mp.cell_get(self._cell)
        _il_mp.cell_set(self._cell, (None, 0))
        return state

    def _acquire_restore(self, state):
        _wait_until(self._cell, lambda: _il_mp.cas(self._cell, (None, 0), state))

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        return self.release()

    def __repr__(self):
        owner, count = _il_mp.cell_get(self._cell)
        return '<%s(%s, %s)>' % (type(self).__name__, _owner_label(owner), count)


class Semaphore:
    _bounded = False

    def __init__(self, value=1, *, ctx=None):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cell = _il_mp.cell(value)
        self._max = value

    def acquire(self, block=True, timeout=None):
        def take():
            n = _il_mp.cell_get(self._cell)
            return n > 0 and _il_mp.cas(self._cell, n, n - 1)
        if not block:
            return take()
        return _wait_until(self._cell, take, timeout)

    def release(self):
        while True:
            n = _il_mp.cell_get(self._cell)
            if self._bounded and n >= self._max:
                raise ValueError('semaphore or lock released too many times')
            if _il_mp.cas(self._cell, n, n + 1):
                return
            _settle(self._cell)

    def get_value(self):
        return _il_mp.cell_get(self._cell)

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        return self.release()

    def __repr__(self):
        return '<%s(value=%s)>' % (type(self).__name__, self.get_value())


class BoundedSemaphore(Semaphore):
    _bounded = True

    def __repr__(self):
        return '<%s(value=%s, maxvalue=%s)>' % (type(self).__name__, self.get_value(), self._max)


class Event:
    def __init__(self, *, ctx=None):
        self._cell = _il_mp.cell(False)

    def is_set(self):
        return _il_mp.cell_get(self._cell)

    def set(self):
        _il_mp.cell_set(self._cell, True)

    def clear(self):
        _il_mp.cell_set(self._cell, False)

    def wait(self, timeout=None):
        return _wait_until(self._cell, lambda: _il_mp.cell_get(self._cell), timeout)

    def __repr__(self):
        set_status = 'set' if self.is_set() else 'unset'
        return f"<{type(self).__qualname__} at {id(self):#x} {set_status}>"


class Condition:
    def __init__(self, lock=None, *, ctx=None):
        self._lock = lock if lock is not None else RLock()
        # Waiters take tickets; a notify hands out wakeups to the oldest ones.
        self._cell = _il_mp.cell((0, 0))
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def _release_all(self):
        if isinstance(self._lock, RLock):
            return self._lock._release_save()
        self._lock.release()
        return None

    def _reacquire(self, state):
        if state is not None:
            self._lock._acquire_restore(state)
        else:
            self._lock.acquire()

    def wait(self, timeout=None):
        if isinstance(self._lock, RLock):
            assert self._lock._is_owned(), 'must acquire() condition before using wait()'
        while True:
            issued, woken = _il_mp.cell_get(self._cell)
            if _il_mp.cas(self._cell, (issued, woken), (issued + 1, woken)):
                ticket = issued
                break
        state = self._release_all()
        try:
            return _wait_until(self._cell, lambda: _il_mp.cell_get(self._cell)[1] > ticket, timeout)
        finally:
            self._reacquire(state)

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        if result:
            return result
        deadline = _deadline(timeout)
        while not result:
            left = _remaining(deadline)
            if left is not None and left <= 0:
                break
            self.wait(left)
            result = predicate()
        return result

    def notify(self, n=1):
        while True:
            issued, woken = _il_mp.cell_get(self._cell)
            if _il_mp.cas(self._cell, (issued, woken), (issued, min(issued, woken + n))):
                return

    def notify_all(self):
        self.notify(1 << 62)

    def __repr__(self):
        issued, woken = _il_mp.cell_get(self._cell)
        return '<Condition(%s, %s)>' % (self._lock, issued - woken)


class BrokenBarrierError(RuntimeError):
    __module__ = 'threading'


class Barrier:
    def __init__(self, parties, action=None, timeout=None, *, ctx=None):
        self._parties = parties
        self._action = action
        self._timeout = timeout
        # (generation, arrived)
        self._cell = _il_mp.cell((0, 0))

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return _il_mp.cell_get(self._cell)[1]

    def wait(self, timeout=None):
        while True:
            gen, arrived = _il_mp.cell_get(self._cell)
            index = arrived
            if arrived + 1 == self._parties:
                if self._action is not None:
                    self._action()
                if _il_mp.cas(self._cell, (gen, arrived), (gen + 1, 0)):
                    return index
            elif _il_mp.cas(self._cell, (gen, arrived), (gen, arrived + 1)):
                break
        if timeout is None:
            timeout = self._timeout
        _wait_until(self._cell, lambda: _il_mp.cell_get(self._cell)[0] != gen, timeout)
        return index


# Shared memory (CPython's multiprocessing.sharedctypes).

_ctypes_names = {'c': 'c_char', 'u': 'c_wchar', 'b': 'c_byte', 'B': 'c_ubyte', 'h': 'c_short',
                 'H': 'c_ushort', 'i': 'c_int', 'I': 'c_uint', 'l': 'c_long', 'L': 'c_ulong', 'q': 'c_longlong',
                 'Q': 'c_ulonglong', 'f': 'c_float', 'd': 'c_double'}
_bits = {'b': 8, 'B': 8, 'h': 16, 'H': 16, 'i': 32, 'I': 32, 'l': 64, 'L': 64, 'q': 64, 'Q': 64}


def _convert(typecode, value):
    if typecode in ('f', 'd'):
        if not isinstance(value, (int, float)):
            raise TypeError('must be real number, not %s' % type(value).__name__)
        return float(value)
    if typecode in ('c', 'u'):
        return value
    if isinstance(value, float):
        raise TypeError("'float' object cannot be interpreted as an integer")
    if not isinstance(value, int):
        raise TypeError('an integer is required (got type %s)' % type(value).__name__)
    bits = _bits[typecode]
    value &= (1 << bits) - 1
    if typecode.islower() and value >= 1 << (bits - 1):
        value -= 1 << bits
    return value


def _typecode(typecode_or_type):
    if typecode_or_type not in _ctypes_names:
        raise TypeError("Interleave's multiprocessing shares only the array-module type codes "
                        "('i', 'd', 'c', ...): %r" % (typecode_or_type,))
    return typecode_or_type


class _RawValue:
    def __init__(self, typecode, value):
        self._typecode = typecode
        self._cell = _il_mp.cell(value)

    @property
    def value(self):
        return _il_mp.cell_get(self._cell)

    @value.setter
    def value(self, v):
        _il_mp.cell_set(self._cell, _convert(self._typecode, v))

    def __repr__(self):
        return '%s(%r)' % (_ctypes_names[self._typecode], self.value)


class Synchronized:
    __module__ = 'multiprocessing.sharedctypes'

    def __init__(self, obj, lock):
        self._obj = obj
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def get_obj(self):
        return self._obj

    def get_lock(self):
        return self._lock

    @property
    def value(self):
        with self._lock:
            return self._obj.value

    @value.setter
    def value(self, v):
        with self._lock:
            self._obj.value = v

    def __repr__(self):
        return '<%s wrapper for %s>' % (type(self).__name__, self._obj)


def RawValue(typecode_or_type, *args):
    typecode = _typecode(typecode_or_type)
    value = _convert(typecode, args[0]) if args else (0.0 if typecode in ('f', 'd') else 0)
    return _RawValue(typecode, value)


def _synchronized(wrapper, obj, lock):
    """`obj` behind `lock` (a new RLock when it is True or None), or bare when `lock` is False."""
    if lock is False:
        return obj
    if lock in (True, None):
        lock = RLock()
    return wrapper(obj, lock)


def Value(typecode_or_type, *args, lock=True, ctx=None):
    return _synchronized(Synchronized, RawValue(typecode_or_type, *args), lock)


class _RawArray:
    def __init__(self, typecode, items):
        self._typecode = typecode
        self._cell = _il_mp.cell(None)
        # The list itself is the shared memory: every process holding the cell sees the same one.
        _il_mp.cell_set(self._cell, items)

    def _items(self):
        return _il_mp.cell_get(self._cell)

    def __len__(self):
        return len(self._items())

    def __getitem__(self, i):
        return self._items()[i]

    def __setitem__(self, i, v):
        items = self._items()
        if isinstance(i, slice):
            new = [_convert(self._typecode, x) for x in v]
            if len(range(*i.indices(len(items)))) != len(new):
                raise ValueError('Can only assign sequence of same size')
            items[i] = new
        else:
            items[i] = _convert(self._typecode, v)

    def __iter__(self):
        return iter(list(self._items()))

    def __repr__(self):
        return '<multiprocessing.sharedctypes.%s_Array_%d object at %#x>' % (
            _ctypes_names[self._typecode], len(self), id(self))


class SynchronizedArray(Synchronized):
    def __len__(self):
        return len(self._obj)

    def __getitem__(self, i):
        with self._lock:
            return self._obj[i]

    def __setitem__(self, i, v):
        with self._lock:
            self._obj[i] = v

    def __iter__(self):
        return iter(self._obj)


def RawArray(typecode_or_type, size_or_initializer):
    typecode = _typecode(typecode_or_type)
    zero = 0.0 if typecode in ('f', 'd') else (b'\x00' if typecode == 'c' else 0)
    if isinstance(size_or_initializer, int):
        items = [zero] * size_or_initializer
    else:
        items = [_convert(typecode, x) for x in size_or_initializer]
    return _RawArray(typecode, items)


def Array(typecode_or_type, size_or_initializer, *, lock=True, ctx=None):
    return _synchronized(SynchronizedArray, RawArray(typecode_or_type, size_or_initializer), lock)


# Queues (CPython's multiprocessing.queues).

class Queue:
    __module__ = 'multiprocessing.queues'

    def __init__(self, maxsize=0, *, ctx=None):
        if maxsize <= 0:
            maxsize = 2147483647
        self._maxsize = maxsize
        self._chan = _il_mp.chan()
        self._closed = False

    def put(self, obj, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if not block:
            if self._size() >= self._maxsize:
                raise Full
        elif not _wait_until(self._chan, lambda: self._size() < self._maxsize, timeout):
            raise Full
        feed = _feeds.get(self._chan)
        if feed is None:
            feed = _feeds[self._chan] = [_collections.deque(), _threading.Condition(), None, True]
            feed[2] = _threading.Thread(target=_feed, args=(self._chan, feed[0], feed[1]),
                                        name='QueueFeederThread', daemon=True)
            feed[2].start()
        with feed[1]:
            feed[0].append(obj)
            feed[1].notify()

    def _size(self):
        feed = _feeds.get(self._chan)
        return _il_mp.size(self._chan, True) + (len(feed[0]) if feed else 0)

    def get(self, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        got = []

        def take():
            ok, item = _il_mp.get(self._chan)
            if ok:
                got.append(item)
            return ok
        if not block:
            if not take():
                raise Empty
        elif not _wait_until(self._chan, take, timeout):
            raise Empty
        return got[0]

    def qsize(self):
        return _il_mp.size(self._chan)

    def empty(self):
        return not self.qsize()

    def full(self):
        return self.qsize() >= self._maxsize

    def get_nowait(self):
        return self.get(False)

    def put_nowait(self, obj):
        return self.put(obj, False)

    def close(self):
        self._closed = True
        feed = _feeds.get(self._chan)
        if feed is not None:
            _close_feed(feed)

    def join_thread(self):
        assert self._closed, "Queue {0!r} not closed".format(self)
        feed = _feeds.get(self._chan)
        if feed is not None:
            feed[2].join()

    def cancel_join_thread(self):
        feed = _feeds.get(self._chan)
        if feed is not None:
            feed[3] = False


# CPython's Queue pickles what `put` buffers in a feeder thread of the putting process: a change made right
# after `put` can still travel, and what cannot be pickled prints the feeder's traceback (`put` does not
# raise). This process's feeders, by channel: [buffer, condition, thread, joined at exit].
_feeds = {}
_SENTINEL = object()


def _feed(chan, buffer, cond):
    while True:
        with cond:
            while not buffer:
                cond.wait()
            obj = buffer.popleft()
        if obj is _SENTINEL:
            return
        try:
            _il_mp.put(chan, obj)
        except Exception as e:
            import traceback
            # Its frames are the runtime's, which tracebacks hide; CPython shows queues.py's.
            _sys.stderr.write('Traceback (most recent call last):\n' + ''.join(traceback.format_exception_only(e)))


def _close_feed(feed):
    with feed[1]:
        feed[0].append(_SENTINEL)
        feed[1].notify()


def _flush_feeds():
    """At a process's exit, as CPython's queue finalizers: each feeder sends what it holds, then ends."""
    for feed in list(_feeds.values()):
        _close_feed(feed)
    for feed in list(_feeds.values()):
        if feed[3]:
            feed[2].join()


class JoinableQueue(Queue):
    def __init__(self, maxsize=0, *, ctx=None):
        Queue.__init__(self, maxsize)
        self._unfinished = _il_mp.cell(0)

    def put(self, obj, block=True, timeout=None):
        Queue.put(self, obj, block, timeout)
        while True:
            n = _il_mp.cell_get(self._unfinished)
            if _il_mp.cas(self._unfinished, n, n + 1):
                return
            _settle(self._unfinished)

    def task_done(self):
        while True:
            n = _il_mp.cell_get(self._unfinished)
            if n <= 0:
                raise ValueError('task_done() called too many times')
            if _il_mp.cas(self._unfinished, n, n - 1):
                return
            _settle(self._unfinished)

    def join(self):
        _wait_until(self._unfinished, lambda: _il_mp.cell_get(self._unfinished) == 0)


class SimpleQueue:
    __module__ = 'multiprocessing.queues'

    def __init__(self, *, ctx=None, _chan=None):
        self._chan = _chan or _il_mp.chan()
        self._closed = False

    def put(self, obj):
        _il_mp.put(self._chan, obj)

    def get(self):
        got = []

        def take():
            ok, item = _il_mp.get(self._chan)
            if ok:
                got.append(item)
            return ok
        _wait_until(self._chan, take)
        return got[0]

    def empty(self):
        return _il_mp.size(self._chan) == 0

    def close(self):
        self._closed = True


def _chan_get(chan):
    """The next message of a channel, waiting for one."""
    got = []

    def take():
        ok, item = _il_mp.get(chan)
        if ok:
            got.append(item)
        return ok
    _wait_until(chan, take)
    return got[0]


# Pipes (CPython's multiprocessing.connection).

class Connection:
    """One end of a pipe. Its handle counts the open copies of this end across processes (a fork copies
    them, as it copies file descriptors, and a process's exit closes its copies): the other end reads
    EOFError once every copy is closed and every message sent has been read."""

    __module__ = 'multiprocessing.connection'

    def __init__(self, incoming, outgoing, readable=True, writable=True):
        self._in = incoming
        self._out = outgoing
        self._closed = False
        self._readable = readable
        self._writable = writable
        self._handle = _il_mp.cell(1)
        self._peer = None
        _connections.append(self)

    def _check_closed(self):
        if self._closed:
            raise OSError("handle is closed")

    def _check_readable(self):
        if not self._readable:
            raise OSError("connection is write-only")

    def send(self, obj):
        self._check_closed()
        if not self._writable:
            raise OSError("connection is read-only")
        _il_mp.put(self._out, obj)

    def _at_eof(self):
        if self._peer is None or _il_mp.cell_get(self._peer) != 0:
            return False
        # The last copy was closed at some virtual time: messages sent before it may still be on their way.
        _settle(self._peer)
        return _il_mp.size(self._in, True) == 0

    def recv(self):
        self._check_closed()
        self._check_readable()
        got = []

        def take():
            ok, item = _il_mp.get(self._in)
            if ok:
                got.append(item)
                return True
            return self._at_eof()
        _wait_until(self._in, take)
        if not got:
            raise EOFError
        return got[0]

    def send_bytes(self, buf, offset=0, size=None):
        data = bytes(buf)
        if size is None:
            size = len(data) - offset
        self.send(data[offset:offset + size])

    def recv_bytes(self, maxlength=None):
        return self.recv()

    def poll(self, timeout=0.0):
        self._check_closed()
        self._check_readable()
        return _wait_until(self._in, lambda: _il_mp.size(self._in) > 0 or self._at_eof(), timeout)

    def fileno(self):
        self._check_closed()
        return 3

    @property
    def closed(self):
        return self._closed

    @property
    def readable(self):
        return self._readable

    @property
    def writable(self):
        return self._writable

    def close(self):
        if not self._closed:
            self._closed = True
            while True:
                n = _il_mp.cell_get(self._handle)
                if _il_mp.cas(self._handle, n, n - 1):
                    break
                _settle(self._handle)
            # A reader waiting on the other end looks again.
            _il_mp.touch(self._out)

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


# Every connection this process holds, so that a fork counts its copies and an exit closes them.
_connections = []


def _inherit_connections():
    for c in _connections:
        if not c._closed:
            while True:
                n = _il_mp.cell_get(c._handle)
                if _il_mp.cas(c._handle, n, n + 1):
                    break
                _settle(c._handle)


def _close_connections():
    for c in _connections:
        c.close()


def Pipe(duplex=True):
    a = _il_mp.chan("Pipe")
    b = _il_mp.chan(a)
    if duplex:
        c1 = Connection(a, b)
        c2 = Connection(b, a)
    else:
        c1 = Connection(a, b, readable=True, writable=False)
        c2 = Connection(b, a, readable=False, writable=True)
    c1._peer = c2._handle
    c2._peer = c1._handle
    return c1, c2


# Pools (CPython's multiprocessing.pool). Workers are forked at `Pool()`; results are collected by whoever
# waits for them (`get`, `wait`, `join`), which also runs the callbacks, in the order the results arrive.

# Comprehensions, not `list(map(...))`: a call made from inside a builtin cannot block its thread, and a pool's
# task may sleep, wait on a lock or a queue.
def _mapstar(args):
    func, chunk = args
    return [func(x) for x in chunk]


def _starmapstar(args):
    func, chunk = args
    return [func(*x) for x in chunk]


class RemoteTraceback(Exception):
    """The cause a process pool's error gets in the parent: the traceback it had in the worker, as text."""
    __module__ = 'multiprocessing.pool'

    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class _ExceptionWithTraceback:
    """A worker's exception on its way to the parent, with its traceback as text (CPython's
    `ExceptionWithTraceback`): the parent gives it a `RemoteTraceback` cause (`_unwrap_remote`)."""

    def __init__(self, exc):
        import traceback
        self.exc = exc
        self.tb = '\n"""\n%s"""' % ''.join(traceback.format_exception(type(exc), exc, exc.__traceback__))


def _unwrap_remote(obj):
    if not obj[0] and isinstance(obj[1], _ExceptionWithTraceback):
        exc = obj[1].exc
        exc.__cause__ = RemoteTraceback(obj[1].tb)
        return (False, exc)
    return obj


def _pool_worker(inqueue, outqueue, initializer=None, initargs=(), maxtasks=None, wrap_exception=False):
    if initializer is not None:
        initializer(*initargs)
    completed = 0
    while maxtasks is None or completed < maxtasks:
        task = inqueue.get()
        if task is None:
            break
        job, i, func, args, kwds = task
        try:
            result = (True, func(*args, **kwds))
        except Exception as e:
            result = (False, _ExceptionWithTraceback(e) if wrap_exception else e)
        try:
            outqueue.put((job, i, result))
        except Exception as e:
            outqueue.put((job, i, (False, MaybeEncodingError(e, result[1]))))
        completed += 1


class MaybeEncodingError(Exception):
    __module__ = 'multiprocessing.pool'

    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        super().__init__(self.exc, self.value)

    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value, self.exc)

    def __repr__(self):
        return "<%s: %s>" % (self.__class__.__name__, self)


_job_counter = _itertools.count()

INIT = 'INIT'
RUN = 'RUN'
CLOSE = 'CLOSE'
TERMINATE = 'TERMINATE'


class ApplyResult:
    __module__ = 'multiprocessing.pool'

    def __init__(self, pool, callback, error_callback):
        self._pool = pool
        self._job = next(_job_counter)
        self._cache = pool._cache
        self._callback = callback
        self._error_callback = error_callback
        self._done = False
        self._success = None
        self._value = None
        self._cache[self._job] = self

    def ready(self):
        self._pool._collect()
        return self._done

    def successful(self):
        if not self.ready():
            raise ValueError("{0!r} not ready".format(self))
        return self._success

    def wait(self, timeout=None):
        self._pool._collect_until(lambda: self._done, timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self._done:
            raise TimeoutError
        if self._success:
            return self._value
        raise self._value

    def _set(self, i, obj):
        self._success, self._value = obj
        if self._callback and self._success:
            self._callback(self._value)
        if self._error_callback and not self._success:
            self._error_callback(self._value)
        self._done = True
        del self._cache[self._job]
        self._pool = _NoPool


class _NoPoolType:
    def _collect(self):
        pass

    def _collect_until(self, ready, timeout):
        return ready()


_NoPool = _NoPoolType()

AsyncResult = ApplyResult


class MapResult(ApplyResult):
    def __init__(self, pool, chunksize, length, callback, error_callback):
        ApplyResult.__init__(self, pool, callback, error_callback=error_callback)
        self._success = True
        self._value = [None] * length
        self._chunksize = chunksize
        if chunksize <= 0:
            self._number_left = 0
            self._done = True
            del self._cache[self._job]
        else:
            self._number_left = length // chunksize + bool(length % chunksize)

    def _set(self, i, success_result):
        self._number_left -= 1
        success, result = success_result
        if success and self._success:
            self._value[i * self._chunksize:(i + 1) * self._chunksize] = result
            if self._number_left == 0:
                if self._callback:
                    self._callback(self._value)
                del self._cache[self._job]
                self._done = True
                self._pool = _NoPool
        else:
            if not success and self._success:
                # Only the first exception is reported.
                self._success = False
                self._value = result
            if self._number_left == 0:
                if self._error_callback:
                    self._error_callback(self._value)
                del self._cache[self._job]
                self._done = True
                self._pool = _NoPool


class IMapIterator:
    __module__ = 'multiprocessing.pool'

    def __init__(self, pool):
        self._pool = pool
        self._job = next(_job_counter)
        self._cache = pool._cache
        self._items = {}
        self._arrived = []
        self._index = 0
        self._length = None
        self._cache[self._job] = self

    def __iter__(self):
        return self

    def _take(self):
        if self._index in self._items:
            item = self._items.pop(self._index)
            self._index += 1
            return (True, item)
        return None

    def next(self, timeout=None):
        got = []

        def ready():
            if self._length is not None and self._index >= self._length:
                return True
            item = self._take()
            if item is not None:
                got.append(item)
                return True
            return False
        self._pool._collect_until(ready, timeout)
        if not got:
            if self._length is not None and self._index >= self._length:
                raise StopIteration
            raise TimeoutError
        success, value = got[0][1]
        if success:
            return value
        raise value

    __next__ = next

    def _iterate(self):
        while True:
            try:
                item = self.next()
            except StopIteration:
                return
            yield item

    def _set(self, i, obj):
        self._items[i] = obj
        self._arrived.append(i)
        if self._length is not None and len(self._arrived) == self._length:
            del self._cache[self._job]

    def _set_length(self, length):
        self._length = length
        if len(self._arrived) == length and self._job in self._cache:
            del self._cache[self._job]


class IMapUnorderedIterator(IMapIterator):
    def _take(self):
        if self._arrived:
            i = self._arrived.pop(0)
            self._index += 1
            return (True, self._items.pop(i))
        return None

    def _set(self, i, obj):
        self._items[i] = obj
        self._arrived.append(i)


_pool_counter = _itertools.count(1)


class Pool:
    __module__ = 'multiprocessing.pool'

    _wrap_exception = True

    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None, context=None):
        self._Process = (context or get_context()).Process
        self._pool = []
        self._state = INIT
        self._cache = {}
        if processes is None:
            processes = _os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if maxtasksperchild is not None:
            if not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0:
                raise ValueError("maxtasksperchild must be a positive int or None")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._processes = processes
        self._initializer = initializer
        self._initargs = initargs
        self._maxtasksperchild = maxtasksperchild
        if self._wrap_exception:
            # Named for the timeline, which draws each queue's backlog: the tasks waiting for a worker.
            n = next(_pool_counter)
            tasks, results = _il_mp.chan('Pool-%d task queue' % n, True), _il_mp.chan('Pool-%d result queue' % n, True)
        else:
            # A ThreadPool's: raw channels between threads of this process.
            tasks, results = _il_mp.chan(True), _il_mp.chan(True)
        self._inqueue = SimpleQueue(_chan=tasks)
        self._outqueue = SimpleQueue(_chan=results)
        for _ in range(processes):
            self._add_worker()
        self._state = RUN

    def _add_worker(self):
        w = self._Process(target=_pool_worker,
                        args=(self._inqueue, self._outqueue, self._initializer, self._initargs,
                              self._maxtasksperchild, True))
        w.name = w.name.replace('Process', 'PoolWorker')
        w.daemon = True
        w.start()
        self._pool.append(w)

    def __repr__(self):
        return (f'<{self.__class__.__module__}.{self.__class__.__qualname__} '
                f'state={self._state} pool_size={len(self._pool)}>')

    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")

    def _collect(self):
        """Hands every result that has arrived to its job."""
        while True:
            ok, item = _il_mp.get(self._outqueue._chan)
            if not ok:
                return
            job, i, obj = item
            result = self._cache.get(job)
            if result is not None:
                result._set(i, _unwrap_remote(obj))

    def _collect_until(self, ready, timeout=None):
        def check():
            self._collect()
            return ready()
        return _wait_until(self._outqueue._chan, check, timeout)

    def _put_tasks(self, result, tasks):
        n = -1
        for n, task in enumerate(tasks):
            try:
                _il_mp.put(self._inqueue._chan, task)
            except Exception as e:
                # As CPython's task handler: the task fails, the next ones are still tried.
                job, i = task[0], task[1]
                result._set(i, (False, e))
        return n + 1

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        self._put_tasks(result, [(result._job, 0, func, args, kwds)])
        return result

    def map(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, _mapstar, chunksize).get()

    def starmap(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, _starmapstar, chunksize).get()

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, _mapstar, chunksize, callback, error_callback)

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, _starmapstar, chunksize, callback, error_callback)

    @staticmethod
    def _get_tasks(func, it, size):
        it = iter(it)
        while True:
            x = tuple(_itertools.islice(it, size))
            if not x:
                return
            yield (func, x)

    def _map_async(self, func, iterable, mapper, chunksize=None, callback=None, error_callback=None):
        self._check_running()
        if not hasattr(iterable, '__len__'):
            iterable = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(iterable), len(self._pool) * 4)
            if extra:
                chunksize += 1
        if len(iterable) == 0:
            chunksize = 0
        result = MapResult(self, chunksize, len(iterable), callback, error_callback=error_callback)
        if chunksize:
            batches = list(Pool._get_tasks(func, iterable, chunksize))
            self._put_tasks(result, [(result._job, i, mapper, (b,), {}) for i, b in enumerate(batches)])
        return result

    def imap(self, func, iterable, chunksize=1):
        return self._imap(IMapIterator, func, iterable, chunksize)

    def imap_unordered(self, func, iterable, chunksize=1):
        return self._imap(IMapUnorderedIterator, func, iterable, chunksize)

    def _imap(self, kind, func, iterable, chunksize):
        self._check_running()
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
        result = kind(self)
        if chunksize == 1:
            tasks = [(result._job, i, func, (x,), {}) for i, x in enumerate(iterable)]
        else:
            batches = list(Pool._get_tasks(func, iterable, chunksize))
            tasks = [(result._job, i, _mapstar, (b,), {}) for i, b in enumerate(batches)]
        result._set_length(self._put_tasks(result, tasks))
        # A generator, not the iterator itself: waiting inside `next()` must run as the caller's own frames.
        if chunksize == 1:
            return result._iterate()
        return (item for chunk in result._iterate() for item in chunk)

    def close(self):
        if self._state == RUN:
            self._state = CLOSE
            for _ in self._pool:
                self._inqueue.put(None)

    def terminate(self):
        self._state = TERMINATE
        for w in self._pool:
            if w.exitcode is None:
                w.terminate()
        for w in self._pool:
            w.join()

    def join(self):
        if self._state == RUN:
            raise ValueError("Pool is still running")
        elif self._state not in (CLOSE, TERMINATE):
            raise ValueError("In unknown state")
        for w in self._pool:
            w.join()
        self._collect()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()


class ThreadPool(Pool):
    """CPython's `multiprocessing.pool.ThreadPool`: Pool's API on threads of this process, whose tasks and
    results travel as themselves (a raw channel), unpickled."""
    __module__ = 'multiprocessing.pool'
    _wrap_exception = False

    def __init__(self, processes=None, initializer=None, initargs=()):
        Pool.__init__(self, processes, initializer, initargs)

    def _add_worker(self):
        w = DummyProcess(target=_pool_worker, args=(self._inqueue, self._outqueue, self._initializer,
                                                    self._initargs))
        w.daemon = True
        w.start()
        self._pool.append(w)

    def terminate(self):
        self._state = TERMINATE
        while _il_mp.get(self._inqueue._chan)[0]:
            pass
        for w in self._pool:
            self._inqueue.put(None)
        for w in self._pool:
            w.join()


class DummyProcess(_threading.Thread):
    __module__ = 'multiprocessing.dummy'

    @property
    def exitcode(self):
        return 0 if self._launched.is_set() and not self.is_alive() else None


class _Dummy:
    """`multiprocessing.dummy`: the package's API on threads."""
    __name__ = 'multiprocessing.dummy'
    Process = DummyProcess

    def __init__(self):
        import queue
        t = _threading
        self.current_process, self.active_children = t.current_thread, t.enumerate
        self.Lock, self.RLock, self.Semaphore, self.BoundedSemaphore = t.Lock, t.RLock, t.Semaphore, t.BoundedSemaphore
        self.Event, self.Condition, self.Barrier = t.Event, t.Condition, t.Barrier
        self.Queue = self.JoinableQueue = queue.Queue
        self.freeze_support = freeze_support

    @staticmethod
    def Pool(processes=None, initializer=None, initargs=()):
        return ThreadPool(processes, initializer, initargs)


dummy = _Dummy()


# Managers (CPython's multiprocessing.managers). The manager's server is a process that holds the shared
# objects; here each object lives in a cell every process sees, changed under a lock as the server would one
# request at a time, and whatever crosses goes as a copy, as pickle would carry it.

def _manager_serve(stop):
    stop.wait()


class BaseProxy:
    _exposed = ()
    _reads = ()

    def __init__(self, typeid, value):
        self._typeid = typeid
        self._cell = _il_mp.cell(_il_mp.check(value))

    def _update(self, change):
        """Applies `change` to a copy of the referent and stores it, unless another process changed the
        referent meanwhile (then again, from its change): the server's one request at a time. It never
        blocks, so that `d[k] = v` (a call from the interpreter) can do it."""
        while True:
            old = _il_mp.cell_get(self._cell)
            obj = _il_mp.check(old)
            result = change(obj)
            if _il_mp.cas(self._cell, old, obj):
                return result

    def _callmethod(self, name, args=(), kwds={}):
        if name not in self._exposed:
            raise AttributeError('method %r of %r object is not in exposed=%r'
                                 % (name, type(_il_mp.cell_get(self._cell)), self._exposed))
        args, kwds = _il_mp.check((args, kwds))
        if name in self._reads:
            result = getattr(_il_mp.cell_get(self._cell), name)(*args, **kwds)
        else:
            result = self._update(lambda obj: getattr(obj, name)(*args, **kwds))
        # The server's views and iterators come back as lists, as CPython's proxies give them.
        if name in ('keys', 'values', 'items'):
            return list(result)
        if name in ('__iter__', '__reversed__'):
            return iter(list(result))
        return _il_mp.check(result)

    def _getvalue(self):
        return _il_mp.check(_il_mp.cell_get(self._cell))

    def __repr__(self):
        return '<%s object, typeid %r at %#x>' % (type(self).__name__, self._typeid, id(self))

    def __str__(self):
        return str(self._getvalue())


def _proxy_methods(names):
    def method(name):
        return lambda self, *args, **kwds: self._callmethod(name, args, kwds)
    return {name: method(name) for name in names}


_dict_methods = ('__contains__', '__delitem__', '__getitem__', '__iter__', '__len__', '__setitem__', 'clear',
                 'copy', 'get', 'items', 'keys', 'pop', 'popitem', 'setdefault', 'update', 'values')
_list_methods = ('__add__', '__contains__', '__delitem__', '__getitem__', '__len__', '__mul__', '__reversed__',
                 '__rmul__', '__setitem__', 'append', 'count', 'extend', 'index', 'insert', 'pop', 'remove',
                 'reverse', 'sort', '__imul__')

DictProxy = type('DictProxy', (BaseProxy,), dict(_proxy_methods(_dict_methods), _exposed=_dict_methods,
                                                 _reads=('__contains__', '__getitem__', '__iter__', '__len__',
                                                         'copy', 'get', 'items', 'keys', 'values')))
ListProxy = type('ListProxy', (BaseProxy,), dict(_proxy_methods(_list_methods), _exposed=_list_methods,
                                                 _reads=('__add__', '__contains__', '__getitem__', '__len__',
                                                         '__mul__', '__reversed__', '__rmul__', 'count',
                                                         'index')))


def _list_iadd(self, value):
    self._callmethod('extend', (value,))
    return self


ListProxy.__iadd__ = _list_iadd


class ValueProxy(BaseProxy):
    _exposed = ('get', 'set')

    def __init__(self, typeid, typecode, value):
        BaseProxy.__init__(self, typeid, value)
        self._typecode = typecode

    def get(self):
        return self._getvalue()

    def set(self, value):
        _il_mp.cell_set(self._cell, _il_mp.check(value))

    value = property(get, set)

    def __str__(self):
        return "Value(%r, %r)" % (self._typecode, self.get())


class NamespaceProxy(BaseProxy):
    def __getattr__(self, name):
        if name.startswith('_'):
            raise AttributeError(name)
        values = self._getvalue()
        if name not in values:
            raise AttributeError("'Namespace' object has no attribute '%s'" % name)
        return values[name]

    def __setattr__(self, name, value):
        if name.startswith('_'):
            return object.__setattr__(self, name, value)
        value = _il_mp.check(value)
        self._update(lambda values: values.__setitem__(name, value))

    def __delattr__(self, name):
        if name.startswith('_'):
            return object.__delattr__(self, name)
        if name not in self._getvalue():
            raise AttributeError("'Namespace' object has no attribute '%s'" % name)
        self._update(lambda values: values.pop(name, None))

    def __str__(self):
        items = sorted(self._getvalue().items())
        return 'Namespace(%s)' % ', '.join('%s=%r' % item for item in items)


def _proxy_type(name, base):
    return type(name, (base,), {'__module__': 'multiprocessing.managers'})


# The manager's proxies of synchronisation objects and queues: each works across processes already, so a
# proxy is one under the name CPython gives it, made once so that two proxies of a kind share their type.
_proxies = {base: _proxy_type(name, base) for name, base in (
    ('AcquirerProxy', Lock), ('AcquirerProxy', RLock), ('AcquirerProxy', Semaphore),
    ('AcquirerProxy', BoundedSemaphore), ('EventProxy', Event), ('ConditionProxy', Condition),
    ('BarrierProxy', Barrier), ('AutoProxy[Queue]', Queue), ('AutoProxy[JoinableQueue]', JoinableQueue))}


class SyncManager:
    def __init__(self, address=None, authkey=None, serializer='pickle', ctx=None, *, shutdown_timeout=1.0):
        self._process = None
        self._state = 'initial'

    def start(self, initializer=None, initargs=()):
        if self._state != 'initial':
            if self._state == 'started':
                raise ProcessError("Already started server")
            raise ProcessError("Manager has shut down")
        self._stop = Event()
        self._process = ForkProcess(target=_manager_serve, args=(self._stop,))
        self._process.name = type(self).__name__ + '-' + ':'.join(str(i) for i in self._process._identity)
        self._process.start()
        self._state = 'started'

    def _check(self):
        if self._state != 'started':
            if self._state == 'initial':
                raise ProcessError("Manager has not been started")
            raise ProcessError("Manager has shut down")

    def shutdown(self):
        if self._state == 'started':
            self._stop.set()
            self._process.join()
            self._state = 'shutdown'

    def join(self, timeout=None):
        if self._process is not None:
            self._process.join(timeout)

    def __enter__(self):
        if self._state == 'initial':
            self.start()
        self._check()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown()

    @property
    def address(self):
        return '/tmp/pymp-interleave/listener-%d' % self._process.pid

    def dict(self, *args, **kwds):
        self._check()
        return DictProxy('dict', dict(*args, **kwds))

    def list(self, sequence=()):
        self._check()
        return ListProxy('list', list(sequence))

    def Namespace(self, **kwds):
        self._check()
        return NamespaceProxy('Namespace', kwds)

    def Value(self, typecode, value, lock=True):
        self._check()
        return ValueProxy('Value', typecode, value)

    def Array(self, typecode, sequence, lock=True):
        self._check()
        return ListProxy('Array', list(sequence))

    def Lock(self):
        self._check()
        return _proxies[Lock]()

    def RLock(self):
        self._check()
        return _proxies[RLock]()

    def Semaphore(self, value=1):
        self._check()
        return _proxies[Semaphore](value)

    def BoundedSemaphore(self, value=1):
        self._check()
        return _proxies[BoundedSemaphore](value)

    def Event(self):
        self._check()
        return _proxies[Event]()

    def Condition(self, lock=None):
        self._check()
        return _proxies[Condition](lock)

    def Barrier(self, parties, action=None, timeout=None):
        self._check()
        return _proxies[Barrier](parties, action, timeout)

    def Queue(self, maxsize=0):
        self._check()
        return _proxies[Queue](maxsize)

    def JoinableQueue(self, maxsize=0):
        self._check()
        return _proxies[JoinableQueue](maxsize)


def Manager():
    m = SyncManager()
    m.start()
    return m


class _Submodule:
    """`multiprocessing.queues`, `.pool`...: CPython's submodules, which here are this one module."""

    def __init__(self, name):
        self.__name__ = 'multiprocessing.' + name

    def __getattr__(self, name):
        import multiprocessing
        return getattr(multiprocessing, name)


pool = _Submodule('pool')
process = _Submodule('process')
queues = _Submodule('queues')
synchronize = _Submodule('synchronize')
context = _Submodule('context')
sharedctypes = _Submodule('sharedctypes')
connection = _Submodule('connection')
managers = _Submodule('managers')
reduction = _Submodule('reduction')
util = _Submodule('util')
