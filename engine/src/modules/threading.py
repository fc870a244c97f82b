"""Interleave's threading: Thread, the synchronisation primitives and thread-local data, over the native `_thread`.

The module follows CPython 3.11's behaviour (names, counters, messages, the order of its steps), so a program's
threads start, switch, block and end as they would there. It is written only against CPython's own `_thread`
API; the engine's extras (`_il_set_name`, which names a thread's timeline lane) are looked up with getattr, so
this file also runs unchanged on CPython.
"""

import sys as _sys
import _thread
from collections import deque as _deque
from time import monotonic as _time

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread', 'enumerate', 'main_thread', 'TIMEOUT_MAX',
           'Event', 'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Thread', 'Barrier', 'BrokenBarrierError',
           'Timer', 'ThreadError', 'ExceptHookArgs', 'setprofile', 'settrace', 'local', 'stack_size', 'excepthook',
           'get_native_id', 'getprofile', 'gettrace']

_start_new_thread = _thread.start_new_thread
_allocate_lock = _thread.allocate_lock
_CRLock = _thread.RLock
get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
ThreadError = _thread.error
TIMEOUT_MAX = _thread.TIMEOUT_MAX
Lock = _allocate_lock

# Names each thread's lane in the engine's timeline; absent (a no-op) on CPython.
_set_lane_name = getattr(_thread, '_il_set_name', None)
# Tells the engine what waiting for a lock means (waiting on an Event, for a thread...), for the timeline.
_tag = getattr(_thread, '_il_tag', None)


def _describe(cond, target, kind, op):
    """Says that waiting on `cond` is waiting on `target`, a `kind`, for `op`."""
    cond._il_what = (target, kind, op)


def _name_lane(ident, name):
    if _set_lane_name is not None and ident is not None:
        _set_lane_name(ident, name)


_profile_hook = None
_trace_hook = None


def setprofile(func):
    """Accepted and kept, but never called: the engine has no profiler hooks."""
    global _profile_hook
    _profile_hook = func


def settrace(func):
    """Accepted and kept, but never called: the engine has no trace hooks."""
    global _trace_hook
    _trace_hook = func


def getprofile():
    return _profile_hook


def gettrace():
    return _trace_hook


_stack_size = 0


def stack_size(size=0, /):
    """Simulated threads have no real stacks: the size is remembered and returned, nothing else."""
    global _stack_size
    if size != 0 and size < 32768:
        raise ValueError("size not valid: %d bytes" % size)
    old = _stack_size
    _stack_size = size
    return old


def _deprecated(message):
    # CPython's DeprecationWarning for the pre-3.10 camelCase names, pointing at the caller's line; shown only
    # where a `warnings` module exists.
    try:
        import warnings
    except ImportError:
        return
    warnings.warn(message, DeprecationWarning, stacklevel=3)


def RLock(*args, **kwargs):
    """A reentrant lock: the native one, as CPython hands out its C implementation."""
    return _CRLock(*args, **kwargs)


class Condition:
    """A condition variable: threads wait on it until another thread that holds its lock notifies them."""

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self._il_what = (self, 'Condition', 'wait')
        self.acquire = lock.acquire
        self.release = lock.release
        # An RLock knows its owner and can drop all its levels at once; a plain Lock falls back on the
        # methods below.
        try:
            self._release_save = lock._release_save
        except AttributeError:
            pass
        try:
            self._acquire_restore = lock._acquire_restore
        except AttributeError:
            pass
        try:
            self._is_owned = lock._is_owned
        except AttributeError:
            pass
        # One private, already-held lock per waiting thread: notify releases it to wake that thread.
        self._waiters = _deque()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    def _release_save(self):
        self._lock.release()

    def _acquire_restore(self, state):
        self._lock.acquire()

    def _is_owned(self):
        # A plain lock has no owner: "held by somebody" is the best that can be told.
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _allocate_lock()
        if _tag is not None:
            _tag(waiter, *self._il_what)
        waiter.acquire()
        self._waiters.append(waiter)
        saved = self._release_save()
        woken = False
        try:
            if timeout is None:
                waiter.acquire()
                woken = True
            elif timeout > 0:
                woken = waiter.acquire(True, timeout)
            else:
                woken = waiter.acquire(False)
            return woken
        finally:
            # Take the lock back whatever happened, and leave the queue if nobody notified us.
            self._acquire_restore(saved)
            if not woken:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass

    def wait_for(self, predicate, timeout=None):
        deadline = None
        remaining = timeout
        result = predicate()
        while not result:
            if remaining is not None:
                if deadline is None:
                    deadline = _time() + remaining
                else:
                    remaining = deadline - _time()
                    if remaining <= 0:
                        break
            self.wait(remaining)
            result = predicate()
        return result

    def notify(self, n=1):
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        waiters = self._waiters
        while waiters and n > 0:
            waiter = waiters[0]
            try:
                waiter.release()
            except RuntimeError:
                pass  # already released by an earlier, interrupted notify
            else:
                n -= 1
            try:
                waiters.remove(waiter)
            except ValueError:
                pass

    def notify_all(self):
        self.notify(len(self._waiters))

    def notifyAll(self):
        _deprecated('notifyAll() is deprecated, use notify_all() instead')
        self.notify_all()


class Semaphore:
    """A counter that acquire() decrements, blocking at zero, and release() increments."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        _describe(self._cond, self, type(self).__name__ if type(self) is BoundedSemaphore else 'Semaphore',
                  'acquire')
        self._value = value

    def __repr__(self):
        cls = self.__class__
        return f"<{cls.__module__}.{cls.__qualname__} at {hex(id(self))}: value={self._value}>"

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        acquired = False
        deadline = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    break
                if timeout is not None:
                    if deadline is None:
                        deadline = _time() + timeout
                    else:
                        timeout = deadline - _time()
                        if timeout <= 0:
                            break
                self._cond.wait(timeout)
            else:
                self._value -= 1
                acquired = True
        return acquired

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            self._value += n
            for _ in range(n):
                self._cond.notify()

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A semaphore that refuses to be released above its initial value (a sign of a bug)."""

    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def __repr__(self):
        cls = self.__class__
        return (f"<{cls.__module__}.{cls.__qualname__} at {hex(id(self))}:"
                f" value={self._value}/{self._initial_value}>")

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            for _ in range(n):
                self._cond.notify()


class Event:
    """A flag threads can wait for: set() wakes every waiter, and later waits return at once until clear()."""

    def __init__(self):
        self._cond = Condition(Lock())
        _describe(self._cond, self, 'Event', 'wait')
        self._flag = False

    def __repr__(self):
        cls = self.__class__
        status = 'set' if self._flag else 'unset'
        return f"<{cls.__module__}.{cls.__qualname__} at {hex(id(self))}: {status}>"

    def is_set(self):
        return self._flag

    def isSet(self):
        _deprecated('isSet() is deprecated, use is_set() instead')
        return self.is_set()

    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait(timeout)
            return signaled


class BrokenBarrierError(RuntimeError):
    pass


# A barrier's states. It is cyclic: once every party has arrived it drains (lets them all leave) before
# new arrivals may fill it again; resetting is draining where the leavers get BrokenBarrierError.
_FILLING = 0
_DRAINING = 1
_RESETTING = -1
_BROKEN = -2


class Barrier:
    """Makes `parties` threads wait for each other: the last to arrive releases them all."""

    def __init__(self, parties, action=None, timeout=None):
        self._cond = Condition(Lock())
        _describe(self._cond, self, 'Barrier', 'wait')
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = _FILLING
        self._count = 0

    def __repr__(self):
        cls = self.__class__
        if self.broken:
            return f"<{cls.__module__}.{cls.__qualname__} at {hex(id(self))}: broken>"
        return (f"<{cls.__module__}.{cls.__qualname__} at {hex(id(self))}:"
                f" waiters={self.n_waiting}/{self.parties}>")

    def wait(self, timeout=None):
        """Waits for the others; returns this thread's arrival index, 0 to parties - 1."""
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            self._enter()
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._release()
                else:
                    self._wait(timeout)
                return index
            finally:
                self._count -= 1
                self._exit()

    def _enter(self):
        # Arrivals wait while the previous round drains or resets.
        while self._state in (_RESETTING, _DRAINING):
            self._cond.wait()
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == _FILLING

    def _release(self):
        # The last arrival runs the action; if it raises, the barrier breaks and the error goes to that thread.
        try:
            if self._action:
                self._action()
            self._state = _DRAINING
            self._cond.notify_all()
        except:
            self._break()
            raise

    def _wait(self, timeout):
        if not self._cond.wait_for(lambda: self._state != _FILLING, timeout):
            # Timing out breaks the barrier for everybody.
            self._break()
            raise BrokenBarrierError
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == _DRAINING

    def _exit(self):
        # The last one out lets the next round in.
        if self._count == 0 and self._state in (_RESETTING, _DRAINING):
            self._state = _FILLING
            self._cond.notify_all()

    def reset(self):
        with self._cond:
            if self._count > 0:
                if self._state == _FILLING or self._state == _BROKEN:
                    self._state = _RESETTING
            else:
                self._state = _FILLING
            self._cond.notify_all()

    def abort(self):
        with self._cond:
            self._break()

    def _break(self):
        self._state = _BROKEN
        self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        if self._state == _FILLING:
            return self._count
        return 0

    @property
    def broken(self):
        return self._state == _BROKEN


# Thread names: one counter for "Thread-N" and "Dummy-N", as in CPython. The lock keeps two threads
# that name themselves at once from drawing the same number.
_counter_lock = _allocate_lock()
_counter_value = 0


def _newname(template):
    global _counter_value
    with _counter_lock:
        _counter_value += 1
        return template % _counter_value


# The threads that are alive: `_active` by ident once they run, `_limbo` between start() and then.
# Reentrant, so that code run while it is held (a repr, say) may call enumerate() again.
_active_limbo_lock = RLock()
_active = {}
_limbo = {}

# The end-of-life locks of the non-daemon threads, which _shutdown() waits on.
_shutdown_locks_lock = _allocate_lock()
_shutdown_locks = set()


def _maintain_shutdown_locks():
    # A released lock is a thread that has ended: forget it (called with _shutdown_locks_lock held).
    for lock in [lock for lock in _shutdown_locks if not lock.locked()]:
        _shutdown_locks.discard(lock)


# Thread ident -> the local objects holding an attribute dict for that thread, so that the dicts are dropped
# when its Thread ends (CPython drops them with the thread state).
_locals_of_thread = {}


class Thread:
    """A thread of control: pass a `target` callable, or subclass and override run()."""

    _initialized = False

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    name += f" ({target.__name__})"
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            self._daemonic = daemon
        else:
            # Inherited from the creating thread (the main thread is not a daemon).
            self._daemonic = current_thread().daemon
        self._ident = None
        self._native_id = None
        # Held by the thread while it lives; whoever acquires it after its release knows the thread has ended.
        self._tstate_lock = None
        self._started = Event()
        self._is_stopped = False
        self._initialized = True
        self._stderr = _sys.stderr

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        status = "initial"
        if self._started.is_set():
            status = "started"
        self.is_alive()  # notices a thread that has ended since
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

    def start(self):
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("threads can only be started once")
        with _active_limbo_lock:
            _limbo[self] = self
        try:
            ident = _start_new_thread(self._bootstrap, ())
        except Exception:
            with _active_limbo_lock:
                del _limbo[self]
            raise
        # Returns only once the new thread runs, so it gets going before its creator carries on.
        _describe(self._started._cond, ident, 'Thread', 'join')
        self._started.wait()

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            # Drops the references, so that a target holding its own Thread makes no cycle.
            del self._target, self._args, self._kwargs

    def _bootstrap(self):
        self._bootstrap_inner()

    def _bootstrap_inner(self):
        # The new thread's first and last steps.
        try:
            self._ident = get_ident()
            _name_lane(self._ident, self._name)
            self._set_tstate_lock()
            self._native_id = get_native_id()
            self._started.set()
            with _active_limbo_lock:
                _active[self._ident] = self
                del _limbo[self]
            try:
                self.run()
            except:
                _invoke_excepthook(self)
        finally:
            self._delete()

    def _set_tstate_lock(self):
        self._tstate_lock = _allocate_lock()
        if _tag is not None:
            _tag(self._tstate_lock, get_ident(), 'Thread', 'join')
        self._tstate_lock.acquire()
        if not self.daemon:
            with _shutdown_locks_lock:
                _maintain_shutdown_locks()
                _shutdown_locks.add(self._tstate_lock)

    def _delete(self):
        ident = get_ident()
        for impl in _locals_of_thread.pop(ident, ()):
            impl.dicts.pop(ident, None)
        with _active_limbo_lock:
            _active.pop(ident, None)
            _limbo.pop(self, None)
        # The last step of the thread's life: joiners wake up now.
        if self._tstate_lock is not None:
            self._tstate_lock.release()

    def _stop(self):
        # Called by whoever finds the end-of-life lock released: from then on is_alive() is False.
        self._is_stopped = True
        self._tstate_lock = None
        if not self.daemon:
            with _shutdown_locks_lock:
                _maintain_shutdown_locks()

    def join(self, timeout=None):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if timeout is None:
            self._wait_for_tstate_lock()
        else:
            # A negative timeout has always meant 0.
            self._wait_for_tstate_lock(timeout=max(timeout, 0))

    def _wait_for_tstate_lock(self, block=True, timeout=-1):
        lock = self._tstate_lock
        if lock is None:
            return  # already known to have ended
        try:
            if lock.acquire(block, timeout):
                lock.release()
                self._stop()
        except:
            if lock.locked():
                lock.release()
                self._stop()
            raise

    @property
    def name(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._name

    @name.setter
    def name(self, name):
        assert self._initialized, "Thread.__init__() not called"
        self._name = str(name)
        if not self._is_stopped:
            _name_lane(self._ident, self._name)

    @property
    def ident(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._ident

    @property
    def native_id(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._native_id

    def is_alive(self):
        assert self._initialized, "Thread.__init__() not called"
        if self._is_stopped or not self._started.is_set():
            return False
        self._wait_for_tstate_lock(False)
        return not self._is_stopped

    @property
    def daemon(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        _deprecated('isDaemon() is deprecated, get the daemon attribute instead')
        return self.daemon

    def setDaemon(self, daemonic):
        _deprecated('setDaemon() is deprecated, set the daemon attribute instead')
        self.daemon = daemonic

    def getName(self):
        _deprecated('getName() is deprecated, get the name attribute instead')
        return self.name

    def setName(self, name):
        _deprecated('setName() is deprecated, set the name attribute instead')
        self.name = name


class _ExceptHookArgs(tuple):
    """What excepthook receives: exc_type, exc_value, exc_traceback and thread (a struct sequence in CPython)."""

    __module__ = '_thread'
    _fields = ('exc_type', 'exc_value', 'exc_traceback', 'thread')

    def __new__(cls, args):
        args = tuple(args)
        if len(args) != 4:
            raise TypeError(f"_thread._ExceptHookArgs() takes a 4-sequence ({len(args)}-sequence given)")
        return tuple.__new__(cls, args)

    @property
    def exc_type(self):
        return self[0]

    @property
    def exc_value(self):
        return self[1]

    @property
    def exc_traceback(self):
        return self[2]

    @property
    def thread(self):
        return self[3]

    def __repr__(self):
        parts = ', '.join(f'{name}={value!r}' for name, value in zip(self._fields, self))
        return f'_thread._ExceptHookArgs({parts})'


ExceptHookArgs = _ExceptHookArgs


def excepthook(args, /):
    """Reports an exception a thread's run() let escape: its name, then the traceback, on stderr."""
    if args.exc_type == SystemExit:
        return  # a thread calling sys.exit() just ends, silently
    if _sys.stderr is not None:
        stderr = _sys.stderr
    elif args.thread is not None:
        stderr = args.thread._stderr
        if stderr is None:
            return
    else:
        return
    if args.thread is not None:
        name = args.thread.name
    else:
        name = get_ident()
    print(f"Exception in thread {name}:", file=stderr, flush=True)
    import traceback
    lines = traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback)
    # CPython's traceback always shows threading's own frames; they are hidden here, but not the header.
    if lines and not lines[0].startswith('Traceback'):
        lines.insert(0, 'Traceback (most recent call last):\n')
    print(''.join(lines), file=stderr, end='')
    stderr.flush()


__excepthook__ = excepthook


def _invoke_excepthook(thread):
    # Runs in the except clause of the thread's bootstrap, so exc_info() is the thread's exception.
    hook = excepthook
    if hook is None:
        hook = __excepthook__
    args = ExceptHookArgs([*_sys.exc_info(), thread])
    try:
        hook(args)
    except Exception as exc:
        exc.__suppress_context__ = True
        stderr = _sys.stderr if _sys.stderr is not None else thread._stderr
        print("Exception in threading.excepthook:", file=stderr, flush=True)
        sys_hook = getattr(_sys, 'excepthook', None)
        if sys_hook is not None:
            sys_hook(*_sys.exc_info())
        else:
            import traceback
            traceback.print_exception(exc, file=stderr)


class Timer(Thread):
    """A thread that calls function(*args, **kwargs) after `interval` seconds, unless cancel() comes first."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class _MainThread(Thread):
    """The thread the program started in (the one that imported this module)."""

    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._set_tstate_lock()
        self._started.set()
        self._ident = get_ident()
        self._native_id = get_native_id()
        _name_lane(self._ident, self._name)
        with _active_limbo_lock:
            _active[self._ident] = self


class _DummyThread(Thread):
    """Stands for a thread started with _thread directly, once it asks for current_thread(). It stays listed
    (it cannot tell when that thread ends), counts as a daemon, and cannot be joined."""

    def __init__(self):
        Thread.__init__(self, name=_newname("Dummy-%d"), daemon=True)
        self._started.set()
        self._ident = get_ident()
        self._native_id = get_native_id()
        _name_lane(self._ident, self._name)
        with _active_limbo_lock:
            _active[self._ident] = self

    def _stop(self):
        pass

    def is_alive(self):
        assert not self._is_stopped and self._started.is_set()
        return True

    def join(self, timeout=None):
        assert False, "cannot join a dummy thread"


def current_thread():
    try:
        return _active[get_ident()]
    except KeyError:
        return _DummyThread()


def currentThread():
    _deprecated('currentThread() is deprecated, use current_thread() instead')
    return current_thread()


def active_count():
    with _active_limbo_lock:
        return len(_active) + len(_limbo)


def activeCount():
    _deprecated('activeCount() is deprecated, use active_count() instead')
    return active_count()


def _enumerate():
    return list(_active.values()) + list(_limbo.values())


def enumerate():
    with _active_limbo_lock:
        return list(_active.values()) + list(_limbo.values())


# Callbacks to run when the main thread's code has ended, before the other threads are waited for
# (concurrent.futures registers one that tells its idle workers to leave).
_threading_atexits = []
_SHUTTING_DOWN = False


def _register_atexit(func, *args, **kwargs):
    if _SHUTTING_DOWN:
        raise RuntimeError("can't register atexit after shutdown")
    _threading_atexits.append((func, args, kwargs))


_main_thread = _MainThread()


def main_thread():
    return _main_thread


def _shutdown():
    """Run once the main thread's code ends: the atexit callbacks (last registered first), then the main
    thread counts as stopped, then every non-daemon thread is waited for, including ones started meanwhile."""
    global _SHUTTING_DOWN
    if _main_thread._is_stopped:
        return
    _SHUTTING_DOWN = True
    for func, args, kwargs in reversed(_threading_atexits):
        func(*args, **kwargs)
    if _main_thread.ident == get_ident():
        # Threads blocked in main_thread().join() wake up now.
        _main_thread._tstate_lock.release()
        _main_thread._stop()
    while True:
        with _shutdown_locks_lock:
            locks = list(_shutdown_locks)
            _shutdown_locks.clear()
        if not locks:
            break
        for lock in locks:
            lock.acquire()
            lock.release()


class _LocalImpl:
    """One local object's state: each thread's attribute dict, and the arguments to rerun __init__ with."""

    def __init__(self, args, kwargs):
        self.dicts = {}
        self.args = args
        self.kwargs = kwargs


def _has_own_init(cls):
    for klass in cls.__mro__:
        if klass is object or klass is _local:
            return False
        if '__init__' in klass.__dict__:
            return True
    return False


def _thread_dict(obj):
    """This thread's attribute dict of local object `obj`; a thread's first use makes it and reruns __init__."""
    impl = obj._local__impl
    ident = get_ident()
    d = impl.dicts.get(ident)
    if d is None:
        d = _new_thread_dict(impl, ident)
        cls = type(obj)
        if _has_own_init(cls):
            try:
                cls.__init__(obj, *impl.args, **impl.kwargs)
            except BaseException:
                impl.dicts.pop(ident, None)
                raise
    return d


def _new_thread_dict(impl, ident):
    d = {}
    impl.dicts[ident] = d
    # Threads this module started forget their dicts when they end (see Thread._delete).
    if ident in _active and ident != _main_thread._ident:
        _locals_of_thread.setdefault(ident, []).append(impl)
    return d


def _class_attr(cls, name):
    for klass in cls.__mro__:
        if name in klass.__dict__:
            return True, klass.__dict__[name]
    return False, None


class _PerThreadAttr:
    """Put on a local subclass in place of a plain class attribute that a thread assigns on an instance: the
    thread's own value is then found before the class's, which stays the default for the other threads."""

    def __init__(self, name, default):
        self.name = name
        self.default = default

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self.default
        return _thread_dict(obj).get(self.name, self.default)

    def __set__(self, obj, value):
        _thread_dict(obj)[self.name] = value

    def __delete__(self, obj):
        d = _thread_dict(obj)
        if self.name not in d:
            raise AttributeError(self.name)
        del d[self.name]


class _local:
    """Thread-local data: each thread sees only the attributes it has set itself on the object."""

    __module__ = '_thread'

    def __new__(cls, /, *args, **kwargs):
        if (args or kwargs) and not _has_own_init(cls):
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        impl = _LocalImpl(args, kwargs)
        # The object's real __dict__ holds only this; the attributes live in impl's per-thread dicts.
        object.__setattr__(self, '_local__impl', impl)
        # The creating thread's __init__ runs through the call that made the object, as usual.
        _new_thread_dict(impl, get_ident())
        return self

    def __getattr__(self, name):
        # Reached only when the class has no such attribute.
        if name == '_local__impl':
            raise AttributeError(name)
        d = _thread_dict(self)
        try:
            return d[name]
        except KeyError:
            cls = type(self)
            type_name = '_thread._local' if cls is _local else cls.__name__
            raise AttributeError(f"'{type_name}' object has no attribute '{name}'") from None

    def __setattr__(self, name, value):
        if name == '__dict__':
            raise AttributeError(f"'{type(self).__name__}' object attribute '__dict__' is read-only")
        cls = type(self)
        found, attr = _class_attr(cls, name)
        if found:
            if hasattr(type(attr), '__set__'):
                object.__setattr__(self, name, value)  # a property or other data descriptor
                return
            if not callable(attr) and not hasattr(type(attr), '__get__'):
                setattr(cls, name, _PerThreadAttr(name, attr))
        _thread_dict(self)[name] = value

    def __delattr__(self, name):
        if name == '__dict__':
            raise AttributeError(f"'{type(self).__name__}' object attribute '__dict__' is read-only")
        found, attr = _class_attr(type(self), name)
        if found and hasattr(type(attr), '__delete__'):
            object.__delattr__(self, name)
            return
        d = _thread_dict(self)
        if name not in d:
            raise AttributeError(name)
        del d[name]

    @property
    def __dict__(self):
        # This thread's attributes (CPython's `local.__dict__`).
        return _thread_dict(self)


local = _local
