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
    """A condition variable: threads wait on it until another thread that holds its lock notifies them.

    Each waiting thread parks on a private lock of its own, taken before it lets go of the condition's lock;
    notify() hands the oldest parked threads their locks back, which is what wakes them.
    """

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self._il_what = (self, 'Condition', 'wait')
        self.acquire = lock.acquire
        self.release = lock.release
        # The lock's own "let go completely / take back / do I hold it" operations where it has them (an
        # RLock does); otherwise the plain-lock versions defined on this class stay in effect.
        for name in ('_release_save', '_acquire_restore', '_is_owned'):
            own = getattr(lock, name, None)
            if own is not None:
                setattr(self, name, own)
        # The parked threads' private locks, oldest first.
        self._waiters = _deque()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    # Fallbacks for a lock without an owner (a plain Lock).

    def _release_save(self):
        self._lock.release()

    def _acquire_restore(self, state):
        self._lock.acquire()

    def _is_owned(self):
        # Nobody can be told apart as owner: if the lock can be taken, nobody held it; if not, assume we do.
        probe = self._lock
        if not probe.acquire(False):
            return True
        probe.release()
        return False

    def wait(self, timeout=None):
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        parked = _allocate_lock()
        if _tag is not None:
            _tag(parked, *self._il_what)
        parked.acquire()
        self._waiters.append(parked)
        saved = self._release_save()
        notified = False
        try:
            # Taking the private lock a second time blocks until notify() releases it (or the time is up).
            if timeout is None:
                notified = parked.acquire()
            elif timeout > 0:
                notified = parked.acquire(True, timeout)
            else:
                notified = parked.acquire(False)
            return notified
        finally:
            self._acquire_restore(saved)
            if not notified:
                # Gave up waiting: unless a notify() got to it in the meantime, leave the queue.
                if parked in self._waiters:
                    self._waiters.remove(parked)

    def wait_for(self, predicate, timeout=None):
        outcome = predicate()
        if outcome:
            return outcome
        deadline = None
        pause = timeout
        while True:
            if pause is not None and deadline is None:
                deadline = _time() + pause
            self.wait(pause)
            outcome = predicate()
            if outcome:
                return outcome
            if deadline is not None:
                pause = deadline - _time()
                if pause <= 0:
                    return outcome

    def notify(self, n=1):
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        queue = self._waiters
        woken = 0
        while queue and woken < n:
            parked = queue[0]
            try:
                parked.release()
                woken += 1
            except RuntimeError:
                pass  # its owner already gave up waiting, or an interrupted notify() released it
            if queue and queue[0] is parked:
                queue.popleft()
            elif parked in queue:
                queue.remove(parked)

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
        kind = 'BoundedSemaphore' if type(self) is BoundedSemaphore else 'Semaphore'
        _describe(self._cond, self, kind, 'acquire')
        self._value = value

    def __repr__(self):
        return f"<{_qualified(self)} at {hex(id(self))}: value={self._value}>"

    def _has_room(self):
        return self._value != 0

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        with self._cond:
            if blocking:
                available = self._cond.wait_for(self._has_room, timeout)
            else:
                available = self._has_room()
            if available:
                self._value -= 1
            return bool(available)

    __enter__ = acquire

    def _check_release(self, n):
        """Refuses a release before anything changes (nothing to refuse for a plain semaphore)."""

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            self._check_release(n)
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
        return f"<{_qualified(self)} at {hex(id(self))}: value={self._value}/{self._initial_value}>"

    def _check_release(self, n):
        if self._value + n > self._initial_value:
            raise ValueError("Semaphore released too many times")


def _qualified(obj):
    cls = type(obj)
    return f"{cls.__module__}.{cls.__qualname__}"


class Event:
    """A flag threads can wait for: set() wakes every waiter, and later waits return at once until clear()."""

    def __init__(self):
        self._cond = Condition(Lock())
        _describe(self._cond, self, 'Event', 'wait')
        self._flag = False

    def __repr__(self):
        return f"<{_qualified(self)} at {hex(id(self))}: {'set' if self._flag else 'unset'}>"

    def is_set(self):
        return self._flag

    def isSet(self):
        _deprecated('isSet() is deprecated, use is_set() instead')
        return self.is_set()

    def _store(self, flag):
        with self._cond:
            self._flag = flag
            if flag:
                self._cond.notify_all()

    def set(self):
        self._store(True)

    def clear(self):
        self._store(False)

    def wait(self, timeout=None):
        with self._cond:
            return self._flag or self._cond.wait(timeout)


class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    """Makes `parties` threads wait for each other: the last to arrive runs the action and lets them all go.

    It can be used again: the threads let go leave together, and newcomers wait for them to be gone before a
    new group forms. Besides the number of threads inside wait(), three flags say where it stands: `_passing`
    (the group is complete and leaving), `_mending` (reset() came while threads were inside: they leave with
    BrokenBarrierError, then it is as new) and `_broken` (a timeout, abort() or a failed action: every wait
    fails until reset()). With none of them set, it is gathering a group.
    """

    def __init__(self, parties, action=None, timeout=None):
        self._cond = Condition(Lock())
        _describe(self._cond, self, 'Barrier', 'wait')
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._inside = 0
        self._passing = False
        self._mending = False
        self._broken = False

    def __repr__(self):
        if self.broken:
            return f"<{_qualified(self)} at {hex(id(self))}: broken>"
        return f"<{_qualified(self)} at {hex(id(self))}: waiters={self.n_waiting}/{self.parties}>"

    def _gathering(self):
        return not (self._passing or self._mending or self._broken)

    def _settled(self):
        return not self._gathering()

    def wait(self, timeout=None):
        """Waits for the others; returns this thread's arrival index, 0 to parties - 1."""
        if timeout is None:
            timeout = self._timeout
        cond = self._cond
        with cond:
            while self._passing or self._mending:
                cond.wait()  # the previous group is still on its way out
            if self._broken:
                raise BrokenBarrierError
            arrival = self._inside
            self._inside = arrival + 1
            try:
                if self._inside == self._parties:
                    self._let_go()
                elif not cond.wait_for(self._settled, timeout):
                    self._set_broken()  # a timeout breaks it for everybody
                    raise BrokenBarrierError
                elif not self._passing:
                    raise BrokenBarrierError  # broken or reset while we waited
                return arrival
            finally:
                self._inside -= 1
                if not self._inside and (self._passing or self._mending):
                    # The last one out: a new group may form.
                    self._passing = self._mending = False
                    cond.notify_all()

    def _let_go(self):
        # Run by the last arrival. A failing action breaks the barrier, and its exception goes to that thread.
        try:
            if self._action:
                self._action()
            self._passing = True
            self._cond.notify_all()
        except BaseException:
            self._set_broken()
            raise

    def _set_broken(self):
        self._broken = True
        self._passing = self._mending = False
        self._cond.notify_all()

    def reset(self):
        with self._cond:
            if not self._inside:
                self._passing = self._mending = self._broken = False
            elif not self._passing:
                self._broken = False
                self._mending = True
            self._cond.notify_all()

    def abort(self):
        with self._cond:
            self._set_broken()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._inside if self._gathering() else 0

    @property
    def broken(self):
        return self._broken


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


def _forget_ended_threads():
    # Drops the life locks already released, whose threads are over (called with _shutdown_locks_lock held).
    over = [lock for lock in _shutdown_locks if not lock.locked()]
    _shutdown_locks.difference_update(over)


# Thread ident -> the local objects holding an attribute dict for that thread, so that the dicts are dropped
# when its Thread ends (CPython drops them with the thread state).
_locals_of_thread = {}


def _default_thread_name(target):
    # "Thread-N", from the counter Dummy threads share, followed by the target's name when it has one.
    name = _newname("Thread-%d")
    if target is None:
        return name
    try:
        return f"{name} ({target.__name__})"
    except AttributeError:
        return name


class Thread:
    """A thread of control: pass a `target` callable, or subclass and override run().

    While the thread runs it holds its "life lock", released as the very last thing it does: whoever then
    manages to take that lock (join(), is_alive(), _shutdown()) knows the thread is over, and records it.
    """

    _initialized = False

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        assert group is None, "group argument must be None for now"
        self._target = target
        self._name = str(name) if name else _default_thread_name(target)
        self._args = args
        self._kwargs = {} if kwargs is None else kwargs
        # Unless told, a new thread is a daemon exactly when the thread creating it is one.
        self._daemonic = current_thread().daemon if daemon is None else daemon
        self._ident = None
        self._native_id = None
        self._life_lock = None
        self._launched = Event()  # set by the new thread once it is up
        self._ended = False
        self._initialized = True
        self._stderr = _sys.stderr

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        launched = self._launched.is_set()
        self.is_alive()  # catches up with a thread that has ended meanwhile
        if self._ended:
            words = ["stopped"]
        elif launched:
            words = ["started"]
        else:
            words = ["initial"]
        if self._daemonic:
            words.append("daemon")
        if self._ident is not None:
            words.append(str(self._ident))
        return f"<{self.__class__.__name__}({self._name}, {' '.join(words)})>"

    def start(self):
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._launched.is_set():
            raise RuntimeError("threads can only be started once")
        with _active_limbo_lock:
            _limbo[self] = self
        try:
            ident = _start_new_thread(self._bootstrap, ())
        except Exception:
            with _active_limbo_lock:
                _limbo.pop(self)
            raise
        # start() returns only once the new thread is up, so it gets going before its creator carries on.
        launched = self._launched
        _describe(launched._cond, ident, 'Thread', 'join')
        launched.wait()

    def run(self):
        try:
            target = self._target
            if target is not None:
                target(*self._args, **self._kwargs)
        finally:
            # Let go of them, so that a target referring to its own Thread makes no cycle.
            del self._target, self._args, self._kwargs

    def _bootstrap(self):
        self._live()

    def _live(self):
        # The whole life of the new thread: come up, run, report an escaping exception, clear away.
        try:
            self._come_up()
            try:
                self.run()
            except BaseException:
                _invoke_excepthook(self)
        finally:
            self._delete()

    def _come_up(self):
        me = get_ident()
        self._ident = me
        _name_lane(me, self._name)
        self._take_life_lock()
        self._native_id = get_native_id()
        self._launched.set()
        with _active_limbo_lock:
            _active[me] = self
            del _limbo[self]

    def _take_life_lock(self):
        lock = self._life_lock = _allocate_lock()
        if _tag is not None:
            _tag(lock, get_ident(), 'Thread', 'join')
        lock.acquire()
        if not self.daemon:
            with _shutdown_locks_lock:
                _forget_ended_threads()
                _shutdown_locks.add(lock)

    def _delete(self):
        ident = get_ident()
        for impl in _locals_of_thread.pop(ident, ()):
            impl.dicts.pop(ident, None)
        with _active_limbo_lock:
            _active.pop(ident, None)
            _limbo.pop(self, None)
        # The last step of the thread's life: joiners wake up now.
        if self._life_lock is not None:
            self._life_lock.release()

    def _mark_ended(self):
        # Run by whoever found the life lock released: from now on is_alive() is False.
        self._ended = True
        self._life_lock = None
        if not self.daemon:
            with _shutdown_locks_lock:
                _forget_ended_threads()

    def _check_ended(self, block=True, timeout=-1):
        """Tries to take the life lock (waiting as told); if it could, the thread is over."""
        lock = self._life_lock
        if lock is None:
            return  # known to be over already
        try:
            taken = lock.acquire(block, timeout)
        except BaseException:
            # Interrupted, perhaps right after the lock was taken: then the thread is over all the same.
            if lock.locked():
                lock.release()
                self._mark_ended()
            raise
        if taken:
            lock.release()
            self._mark_ended()

    def join(self, timeout=None):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._launched.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        # No timeout waits for good (-1); a negative one counts as 0.
        self._check_ended(True, -1 if timeout is None else max(timeout, 0))

    @property
    def name(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._name

    @name.setter
    def name(self, name):
        assert self._initialized, "Thread.__init__() not called"
        self._name = str(name)
        if not self._ended:
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
        if self._ended or not self._launched.is_set():
            return False
        self._check_ended(False)
        return not self._ended

    @property
    def daemon(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._launched.is_set():
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
        cancelled = self.finished
        cancelled.wait(self.interval)
        # Checked again rather than trusting wait(): a cancel() that comes just as the time runs out wins.
        if not cancelled.is_set():
            self.function(*self.args, **self.kwargs)
        cancelled.set()


class _MainThread(Thread):
    """The thread the program started in (the one that imported this module)."""

    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._take_life_lock()
        self._launched.set()
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
        self._launched.set()
        self._ident = get_ident()
        self._native_id = get_native_id()
        _name_lane(self._ident, self._name)
        with _active_limbo_lock:
            _active[self._ident] = self

    def _mark_ended(self):
        pass

    def is_alive(self):
        assert not self._ended and self._launched.is_set()
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


def _il_after_fork():
    """In a forked child (multiprocessing): only the thread that forked lives on, and is the main thread;
    the parent's other threads, and what waits for them at exit, are gone (CPython's `_after_fork`)."""
    global _main_thread
    me = _active.get(get_ident()) or _main_thread
    with _active_limbo_lock:
        _active.clear()
        _limbo.clear()
        _active[get_ident()] = me
    with _shutdown_locks_lock:
        _shutdown_locks.clear()
    _main_thread = me
    for hook in _il_fork_hooks:
        hook()


# What modules forget in a forked child (`concurrent.futures` its pools' threads), like os.register_at_fork.
_il_fork_hooks = []


def main_thread():
    return _main_thread


def _shutdown():
    """Run once the main thread's code ends: the atexit callbacks (last registered first), then the main
    thread counts as stopped, then every non-daemon thread is waited for, including ones started meanwhile."""
    global _SHUTTING_DOWN
    main = _main_thread
    if main._ended:
        return  # done already
    _SHUTTING_DOWN = True
    for func, args, kwargs in reversed(_threading_atexits):
        func(*args, **kwargs)
    if main.ident == get_ident():
        # The main thread is over: threads blocked in main_thread().join() may go on.
        main._life_lock.release()
        main._mark_ended()
    # Take and give back each non-daemon thread's life lock, in rounds, until no thread has one left.
    while True:
        with _shutdown_locks_lock:
            pending = list(_shutdown_locks)
            _shutdown_locks.clear()
        if not pending:
            return
        for lock in pending:
            with lock:
                pass


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
